"""The national public holidays of Australia, New Zealand and South Africa."""

from __future__ import annotations

import datetime as dt

from triage.engine.holidays.rules import fixed, from_easter, nth, substitutes

# Matariki, a Friday set by the Te Kāhui o Matariki Public Holiday Act 2022 (Schedule 1)
# from the Māori lunar calendar; the dates after 2052 are not yet set by law.
MATARIKI = {
    2022: (6, 24), 2023: (7, 14), 2024: (6, 28), 2025: (6, 20), 2026: (7, 10),
    2027: (6, 25), 2028: (7, 14), 2029: (7, 6), 2030: (6, 21), 2031: (7, 11),
    2032: (7, 2), 2033: (6, 24), 2034: (7, 7), 2035: (6, 29), 2036: (7, 18),
    2037: (7, 10), 2038: (6, 25), 2039: (7, 15), 2040: (7, 6), 2041: (7, 19),
    2042: (7, 11), 2043: (7, 3), 2044: (6, 24), 2045: (7, 7), 2046: (6, 29),
    2047: (7, 19), 2048: (7, 3), 2049: (6, 25), 2050: (7, 15), 2051: (6, 30),
    2052: (6, 21),
}  # fmt: skip


def australia(year: int) -> set[dt.date]:
    """The holidays of every state and territory: New Year's Day and Australia Day move to
    the Monday from a weekend, Christmas and Boxing Day to the Monday and Tuesday. Anzac
    Day is not given back (only some states do), and the King's Birthday, Labour Day and
    the other state holidays fall on different days by state and are not counted."""
    return {
        *substitutes([dt.date(year, 1, 1)]),
        *substitutes([dt.date(year, 1, 26)]),  # Australia Day
        *from_easter(year, -2, 1),  # Good Friday, Easter Monday
        dt.date(year, 4, 25),  # Anzac Day
        *substitutes(fixed(year, (12, 25), (12, 26))),
    }


def new_zealand(year: int) -> set[dt.date]:
    """The national holidays of the Holidays Act 2003, Mondayised: the two New Year days and
    Christmas and Boxing Day on a weekend are given on the next weekdays, and since 2014
    Waitangi Day and Anzac Day on the Monday. Matariki since 2022. Each region's
    anniversary day is not counted."""
    days = {
        *substitutes(fixed(year, (1, 1), (1, 2))),
        *from_easter(year, -2, 1),  # Good Friday, Easter Monday
        nth(year, 6, 0, 1),  # King's Birthday
        nth(year, 10, 0, 4),  # Labour Day
        *substitutes(fixed(year, (12, 25), (12, 26))),
    }
    for month, day in ((2, 6), (4, 25)):  # Waitangi Day, Anzac Day
        date = dt.date(year, month, day)
        days |= substitutes([date]) if year >= 2014 else {date}
    if year in MATARIKI:
        days.add(dt.date(year, *MATARIKI[year]))
    return days


def south_africa(year: int) -> set[dt.date]:
    """The twelve holidays of the Public Holidays Act 1994: one on a Sunday makes the Monday
    a holiday. When Christmas falls on a Sunday the Monday is already the Day of Goodwill,
    and the President has declared the Tuesday, 27 December, a holiday each time (2011,
    2016, 2022): counted too. Election days, declared each time, are not."""
    days = from_easter(year, -2, 1)  # Good Friday, Family Day
    for month, day in ((1, 1), (3, 21), (4, 27), (5, 1), (6, 16), (8, 9), (9, 24), (12, 16)):
        days |= substitutes([dt.date(year, month, day)], weekend=(6,))
    return days | substitutes(fixed(year, (12, 25), (12, 26)), weekend=(6,))
