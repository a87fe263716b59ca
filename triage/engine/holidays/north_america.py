"""The US federal holidays, Canada's federal statutory holidays and Mexico's days of rest."""

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


def mexico(year: int) -> set[dt.date]:
    """The days of rest of the Ley Federal del Trabajo (art. 74): the Monday holidays since
    2006, and 1 October of each sixth year when a president takes office (2024, 2030).
    Maundy Thursday and Good Friday are not in the law but banks and most offices close:
    counted too. Election days, declared each time, and 12 December are not."""
    days = {
        *fixed(year, (1, 1), (5, 1), (9, 16), (12, 25)),
        *from_easter(year, -3, -2),  # Maundy Thursday, Good Friday
    }
    if year >= 2006:
        days |= {nth(year, 2, 0, 1), nth(year, 3, 0, 3), nth(year, 11, 0, 3)}
    else:
        days |= fixed(year, (2, 5), (3, 21), (11, 20))
    if year >= 2024 and (year - 2024) % 6 == 0:
        days.add(dt.date(year, 10, 1))
    return days
