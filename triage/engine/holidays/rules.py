"""The building blocks every calendar is made of: Easter, the n-th weekday of a month, and
the ways a holiday that falls on a weekend is given back on a weekday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

DAY = dt.timedelta(days=1)


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def from_easter(year: int, *offsets: int) -> set[dt.date]:
    """The days ``offsets`` days after Easter Sunday (-2 Good Friday, 1 Easter Monday,
    39 Ascension, 50 Whit Monday, 60 Corpus Christi)."""
    easter = easter_sunday(year)
    return {easter + n * DAY for n in offsets}


def fixed(year: int, *month_days: tuple[int, int]) -> set[dt.date]:
    """The dates (month, day) of ``year``."""
    return {dt.date(year, m, d) for m, d in month_days}


def nth(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ``weekday`` (Monday 0) of the month; n = -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` (Monday 0) on or after ``day``."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def substitutes(days: Iterable[dt.date], weekend: tuple[int, ...] = (5, 6)) -> set[dt.date]:
    """A run of holidays with substitute days, the UK rule that many countries share: one
    that falls on a ``weekend`` day is taken on the next weekday that is not already one of
    them (Christmas on a Sunday: Boxing Day on the Monday, Christmas on the Tuesday).
    With ``weekend=(6,)`` only a Sunday holiday is given back (South Africa)."""
    days = sorted(days)
    taken = {d for d in days if d.weekday() < 5}
    for day in days:
        if day.weekday() in weekend:
            substitute = day + DAY
            while substitute.weekday() >= 5 or substitute in taken:
                substitute += DAY
            taken.add(substitute)
    return taken


def friday_or_monday(day: dt.date) -> dt.date:
    """A holiday on a Saturday is observed on the Friday, on a Sunday the Monday (US)."""
    if day.weekday() == 5:
        return day - DAY
    if day.weekday() == 6:
        return day + DAY
    return day
