"""Date filters: dates from answers, working days, and dates as a reader sees them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime or 'YYYY-MM-DD' text; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _need_date(value: Any, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    found = as_date(value)
    if found is None:
        raise ValueError(f"{name} needs a date, not {value!r}")
    return found


def next_working_day(day: dt.date, days_off: Collection[dt.date] = ()) -> dt.date:
    """``day`` itself on a working day; else the next one. Saturdays, Sundays and the dates
    in ``days_off`` (public holidays, a closure) are not working days."""
    while day.weekday() >= 5 or day in days_off:
        day += dt.timedelta(days=1)
    return day


def _days_off(value: Any, name: str) -> frozenset[dt.date]:
    """The optional days-off argument of the working-day filters: dates (or their text)."""
    if value is None or value == "":
        return frozenset()
    if isinstance(value, str | dt.date) or not isinstance(value, Iterable):
        raise ValueError(f"{name} needs a list of dates to skip, not {value!r}")
    found = set()
    for item in value:
        day = as_date(item)
        if day is None:
            raise ValueError(f"{name} needs a list of dates to skip, not one holding {item!r}")
        found.add(day)
    return frozenset(found)


def working_day(value: Any, days_off: Any = None) -> dt.date | None:
    """Filter ``working_day(days_off)``: the same date, or the next working day when it falls
    on a Saturday, a Sunday or one of ``days_off`` (optional: a list of dates)."""
    day = _need_date(value, "working_day")
    return None if day is None else next_working_day(day, _days_off(days_off, "working_day"))


def add_working_days(value: Any, count: Any, days_off: Any = None) -> dt.date | None:
    """Filter ``add_working_days(n, days_off)``: n working days later (earlier when n < 0).

    Saturdays, Sundays and the dates in ``days_off`` (optional: a list of dates, such as the
    templates' ``days_off``) are skipped; one working day after a Friday, Saturday or
    Sunday is the next working day after it. ``add_working_days(0)`` is ``working_day``.
    """
    day = _need_date(value, "add_working_days")
    if isinstance(count, float) and count.is_integer():
        count = int(count)
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError(f"add_working_days needs a whole number of days, not {count!r}")
    off = _days_off(days_off, "add_working_days")
    if day is None:
        return None
    if count == 0:
        return next_working_day(day, off)
    step = 1 if count > 0 else -1
    rest = abs(count)
    if not off:  # whole weeks at once: five working days are seven days
        if day.weekday() >= 5:  # count from the working day before (forwards) or after (back)
            day = (
                day - dt.timedelta(days=day.weekday() - 4)
                if step > 0
                else day + dt.timedelta(days=7 - day.weekday())
            )
        weeks, rest = divmod(rest, 5)
        day += dt.timedelta(days=7 * weeks * step)
    elif rest > 3660:
        raise ValueError("add_working_days skips days off over at most 3660 working days")
    while rest:
        day += dt.timedelta(days=step)
        if day.weekday() < 5 and day not in off:
            rest -= 1
    return day


def weekday_date(value: Any) -> str:
    """Filter ``weekday_date``: "Tuesday 3 March 2026"; other text is kept, none gives ''."""
    if value is None:
        return ""
    day = as_date(value)
    if day is None:
        return value if isinstance(value, str) else str(value)
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(value: Any) -> str:
    """Filter ``short_date``: "Tue 3 Mar" for lists of actions; other text is kept, none gives ''."""
    if value is None:
        return ""
    day = as_date(value)
    if day is None:
        return value if isinstance(value, str) else str(value)
    return f"{day:%a} {day.day} {day:%b}"


# "today" in a step's words, with the word before it when that changes how the day is named.
_TODAY = re.compile(
    r"\b(?:(?P<prep>from|starting|by|of|until|till|before|after|since|as of)\s+)?"
    r"(?P<later>later\s+)?(?P<word>today)(?P<own>['’]s)?\b",
    re.I,
)


def on_day(text: str, day: Any, today: Any) -> str:
    """``text`` with "today" naming ``day`` instead, when ``day`` is a later date than
    ``today``: a step written as "call them today", due on Monday because the plan is written
    on a Saturday, reads "call them on Monday"; "from today" reads "from Monday", "today's
    call" "Monday's call". Within a week the day is named by its weekday, else by its date
    ("on 14 December"). Text for ``today`` itself, or with no later date, is kept."""
    due, now = as_date(day), as_date(today)
    if due is None or now is None or due <= now:
        return text
    name = f"{due:%A}" if (due - now).days <= 6 else f"{due.day} {due:%B}"

    def put(match: re.Match[str]) -> str:
        word = match.group("word")
        capital = (match.group("prep") or match.group("later") or word)[:1].isupper()
        if match.group("own"):
            said = f"{name}{match.group('own')}"
        elif match.group("prep"):
            prep = match.group("prep")
            said = f"{prep} {name}"
        else:
            said = f"on {name}"
        if match.group("prep") and match.group("own"):
            said = f"{match.group('prep')} {name}{match.group('own')}"
        return said[:1].upper() + said[1:] if capital else said

    return _TODAY.sub(put, text)
