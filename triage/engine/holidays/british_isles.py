"""The bank holidays of England and Wales, Scotland and Northern Ireland, and the public
holidays of Ireland."""

from __future__ import annotations

import datetime as dt

from triage.engine.holidays.rules import fixed, from_easter, nth, on_or_after, substitutes


def england_wales(year: int) -> set[dt.date]:
    """The bank holidays of England and Wales, with their substitute days."""
    return {
        *substitutes([dt.date(year, 1, 1)]),
        *from_easter(year, -2, 1),  # Good Friday, Easter Monday
        nth(year, 5, 0, 1),  # early May
        nth(year, 5, 0, -1),  # spring
        nth(year, 8, 0, -1),  # summer
        *substitutes(fixed(year, (12, 25), (12, 26))),
    }


def scotland(year: int) -> set[dt.date]:
    """The bank holidays of Scotland, with their substitute days."""
    return {
        *substitutes(fixed(year, (1, 1), (1, 2))),
        *from_easter(year, -2),  # Good Friday (no Easter Monday)
        nth(year, 5, 0, 1),  # early May
        nth(year, 5, 0, -1),  # spring
        nth(year, 8, 0, 1),  # summer, at the start of August
        *substitutes([dt.date(year, 11, 30)]),  # St Andrew's Day
        *substitutes(fixed(year, (12, 25), (12, 26))),
    }


def northern_ireland(year: int) -> set[dt.date]:
    """England and Wales's, with St Patrick's Day and the Battle of the Boyne."""
    return england_wales(year) | {
        *substitutes([dt.date(year, 3, 17)]),  # St Patrick's Day
        *substitutes([dt.date(year, 7, 12)]),  # Battle of the Boyne
    }


def ireland(year: int) -> set[dt.date]:
    """The ten public holidays of the Organisation of Working Time Act 1997 (St Brigid's
    Day since 2023: the first Monday in February, or 1 February when that is a Friday).
    One that falls on a weekend is counted on the next free weekday too: the Act gives no
    automatic day off then (the employer may give a day off within a month, a day of leave
    or a day's pay instead), but banks close that day and most employers give it, so a
    plan dates nothing on it. Good Friday is not a public holiday and is not counted."""
    days = {
        *substitutes([dt.date(year, 1, 1)]),
        *substitutes([dt.date(year, 3, 17)]),  # St Patrick's Day
        *from_easter(year, 1),  # Easter Monday
        nth(year, 5, 0, 1),  # May
        nth(year, 6, 0, 1),  # June
        nth(year, 8, 0, 1),  # August
        nth(year, 10, 0, -1),  # October
        *substitutes(fixed(year, (12, 25), (12, 26))),  # Christmas, St Stephen's Day
    }
    if year >= 2023:  # St Brigid's Day
        first = dt.date(year, 2, 1)
        days.add(first if first.weekday() == 4 else on_or_after(first, 0))
    return days
