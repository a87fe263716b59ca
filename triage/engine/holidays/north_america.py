"""The US federal holidays and Canada's federal statutory holidays."""

from __future__ import annotations

import datetime as dt

from triage.engine.holidays.rules import (
    DAY,
    fixed,
    friday_or_monday,
    from_easter,
    nth,
    substitutes,
)


def united_states(year: int) -> set[dt.date]:
    """The federal holidays: one on a Saturday is observed on the Friday, on a Sunday the
    Monday."""
    fixed_days = [(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)]  # Juneteenth since 2021
    days = {
        friday_or_monday(dt.date(year, m, d))
        for m, d in fixed_days
        if (m, d) != (6, 19) or year >= 2021
    }
    next_new_year = friday_or_monday(dt.date(year + 1, 1, 1))
    if next_new_year.year == year:  # 1 January on a Saturday: observed on 31 December
        days.add(next_new_year)
    return days | {
        nth(year, 1, 0, 3),  # Martin Luther King Jr. Day
        nth(year, 2, 0, 3),  # Washington's Birthday
        nth(year, 5, 0, -1),  # Memorial Day
        nth(year, 9, 0, 1),  # Labor Day
        nth(year, 10, 0, 2),  # Columbus Day
        nth(year, 11, 3, 4),  # Thanksgiving
    }


def canada(year: int) -> set[dt.date]:
    """The general holidays of the Canada Labour Code, which federally regulated employers
    give and the provinces mostly share: one on a Saturday or Sunday is given on the Monday
    (Christmas and Boxing Day on the Monday and Tuesday). The National Day for Truth and
    Reconciliation since 2021. Provincial days (Family Day, the Civic Holiday, Easter
    Monday in Quebec) are not counted."""
    victoria_day = dt.date(year, 5, 24) - (dt.date(year, 5, 24).weekday() * DAY)
    days = {
        *from_easter(year, -2),  # Good Friday
        victoria_day,  # the Monday on or before 24 May
        nth(year, 9, 0, 1),  # Labour Day
        nth(year, 10, 0, 2),  # Thanksgiving
        *substitutes([dt.date(year, 1, 1)]),
        *substitutes([dt.date(year, 7, 1)]),  # Canada Day
        *substitutes([dt.date(year, 11, 11)]),  # Remembrance Day
        *substitutes(fixed(year, (12, 25), (12, 26))),
    }
    if year >= 2021:
        days |= substitutes([dt.date(year, 9, 30)])
    return days
