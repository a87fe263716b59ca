"""Public holidays, worked out from their rules, so that due dates can skip them.

Five calendars, the ones a user in the UK, the US or Germany expects a work plan to
respect: the bank holidays of England and Wales, of Scotland and of Northern Ireland,
the US federal holidays, and the nationwide German holidays. Each is a handful of rules
(a fixed date, the n-th weekday of a month, a day counted from Easter, and the UK's and
the US's rules for a holiday that falls on a weekend), checked in the tests against the
published dates for 2024 to 2030.

Written here rather than taken from the ``holidays`` package: that package knows every
country, which is not needed, and importing it costs about a quarter of a second on every
run that writes outputs. Nothing here reads the network or the clock.

Not included, by design: holidays proclaimed for one year only (a coronation, a state
funeral), the holidays of individual German states or US states, and local customs such as
Christmas Eve. A playbook adds such days as dates (see ``days_off`` in
docs/playbook-format.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

__all__ = ["CALENDARS", "easter_sunday", "public_holidays"]

CALENDARS: dict[str, str] = {
    "england_wales": "England and Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
    "united_states": "the United States (federal holidays)",
    "germany": "Germany (nationwide holidays)",
}

_DAY = dt.timedelta(days=1)


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


def _nth(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ``weekday`` (Monday 0) of the month; n = -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - _DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _uk_substitutes(days: Iterable[dt.date]) -> set[dt.date]:
    """A run of UK bank holidays with substitute days: one that falls on a Saturday or
    Sunday is taken on the next weekday that is not already a bank holiday (Christmas on
    a Sunday: Boxing Day on the Monday, Christmas on the Tuesday)."""
    days = sorted(days)
    taken = {d for d in days if d.weekday() < 5}
    for day in days:
        if day.weekday() >= 5:
            substitute = day + _DAY
            while substitute.weekday() >= 5 or substitute in taken:
                substitute += _DAY
            taken.add(substitute)
    return taken


def _us_observed(day: dt.date) -> dt.date:
    """A US federal holiday on a Saturday is observed on the Friday, on a Sunday the Monday."""
    if day.weekday() == 5:
        return day - _DAY
    if day.weekday() == 6:
        return day + _DAY
    return day


def _england_wales(year: int) -> set[dt.date]:
    easter = easter_sunday(year)
    return {
        *_uk_substitutes([dt.date(year, 1, 1)]),
        easter - 2 * _DAY,  # Good Friday
        easter + _DAY,  # Easter Monday
        _nth(year, 5, 0, 1),  # early May
        _nth(year, 5, 0, -1),  # spring
        _nth(year, 8, 0, -1),  # summer
        *_uk_substitutes([dt.date(year, 12, 25), dt.date(year, 12, 26)]),
    }


def _scotland(year: int) -> set[dt.date]:
    easter = easter_sunday(year)
    return {
        *_uk_substitutes([dt.date(year, 1, 1), dt.date(year, 1, 2)]),
        easter - 2 * _DAY,  # Good Friday (no Easter Monday)
        _nth(year, 5, 0, 1),  # early May
        _nth(year, 5, 0, -1),  # spring
        _nth(year, 8, 0, 1),  # summer, at the start of August
        *_uk_substitutes([dt.date(year, 11, 30)]),  # St Andrew's Day
        *_uk_substitutes([dt.date(year, 12, 25), dt.date(year, 12, 26)]),
    }


def _northern_ireland(year: int) -> set[dt.date]:
    return _england_wales(year) | {
        *_uk_substitutes([dt.date(year, 3, 17)]),  # St Patrick's Day
        *_uk_substitutes([dt.date(year, 7, 12)]),  # Battle of the Boyne
    }


def _united_states(year: int) -> set[dt.date]:
    fixed = [(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)]  # Juneteenth since 2021
    days = {
        _us_observed(dt.date(year, m, d)) for m, d in fixed if (m, d) != (6, 19) or year >= 2021
    }
    next_new_year = _us_observed(dt.date(year + 1, 1, 1))
    if next_new_year.year == year:  # 1 January on a Saturday: observed on 31 December
        days.add(next_new_year)
    return days | {
        _nth(year, 1, 0, 3),  # Martin Luther King Jr. Day
        _nth(year, 2, 0, 3),  # Washington's Birthday
        _nth(year, 5, 0, -1),  # Memorial Day
        _nth(year, 9, 0, 1),  # Labor Day
        _nth(year, 10, 0, 2),  # Columbus Day
        _nth(year, 11, 3, 4),  # Thanksgiving
    }


def _germany(year: int) -> set[dt.date]:
    easter = easter_sunday(year)
    fixed = [(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)]
    return {dt.date(year, m, d) for m, d in fixed} | {
        easter - 2 * _DAY,  # Karfreitag
        easter + _DAY,  # Ostermontag
        easter + 39 * _DAY,  # Christi Himmelfahrt
        easter + 50 * _DAY,  # Pfingstmontag
    }


_RULES = {
    "england_wales": _england_wales,
    "scotland": _scotland,
    "northern_ireland": _northern_ireland,
    "united_states": _united_states,
    "germany": _germany,
}


@functools.cache
def public_holidays(calendar: str, year: int) -> frozenset[dt.date]:
    """The days off of one of ``CALENDARS`` in ``year`` (substitute and observed days
    included); KeyError for a calendar it does not know."""
    return frozenset(d for d in _RULES[calendar](year) if d.year == year)
