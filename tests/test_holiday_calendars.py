"""The national public-holiday calendars beyond the UK, the US and Germany: each gives the
weekday holidays its government publishes, with its own rule for a weekend holiday."""

from __future__ import annotations

import datetime as dt

import pytest

from triage.engine.filters import currency_holidays, holiday_names, lawyer_word
from triage.engine.holidays import CALENDARS, CURRENCY_CALENDARS, public_holidays

D = dt.date

# The weekday public holidays of 2026 and 2027 as each country publishes them (a holiday
# on a weekend, with no day given back, is not listed; a substitute or observed day is).
PUBLISHED = {
    # Portugal (Código do Trabalho art. 234), Finland (with Midsummer Eve and Christmas Eve)
    # and Mexico (Ley Federal del Trabajo art. 74, with Maundy Thursday and Good Friday).
    ("portugal", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 5, 1), D(2026, 6, 4),
                         D(2026, 6, 10), D(2026, 10, 5), D(2026, 12, 1), D(2026, 12, 8),
                         D(2026, 12, 25)],
    ("portugal", 2027): [D(2027, 1, 1), D(2027, 3, 26), D(2027, 5, 27), D(2027, 6, 10),
                         D(2027, 10, 5), D(2027, 11, 1), D(2027, 12, 1), D(2027, 12, 8)],
    ("finland", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 3), D(2026, 4, 6),
                        D(2026, 5, 1), D(2026, 5, 14), D(2026, 6, 19), D(2026, 12, 24),
                        D(2026, 12, 25)],
    ("finland", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 26), D(2027, 3, 29),
                        D(2027, 5, 6), D(2027, 6, 25), D(2027, 12, 6), D(2027, 12, 24)],
    ("mexico", 2026): [D(2026, 1, 1), D(2026, 2, 2), D(2026, 3, 16), D(2026, 4, 2),
                       D(2026, 4, 3), D(2026, 5, 1), D(2026, 9, 16), D(2026, 11, 16),
                       D(2026, 12, 25)],
    ("mexico", 2027): [D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 15), D(2027, 3, 25),
                       D(2027, 3, 26), D(2027, 9, 16), D(2027, 11, 15)],
    ("ireland", 2026): [D(2026, 1, 1), D(2026, 2, 2), D(2026, 3, 17), D(2026, 4, 6),
                        D(2026, 5, 4), D(2026, 6, 1), D(2026, 8, 3), D(2026, 10, 26),
                        D(2026, 12, 25), D(2026, 12, 28)],
    ("ireland", 2027): [D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 17), D(2027, 3, 29),
                        D(2027, 5, 3), D(2027, 6, 7), D(2027, 8, 2), D(2027, 10, 25),
                        D(2027, 12, 27), D(2027, 12, 28)],
    ("canada", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 5, 18), D(2026, 7, 1),
                       D(2026, 9, 7), D(2026, 9, 30), D(2026, 10, 12), D(2026, 11, 11),
                       D(2026, 12, 25), D(2026, 12, 28)],
    ("canada", 2027): [D(2027, 1, 1), D(2027, 3, 26), D(2027, 5, 24), D(2027, 7, 1),
                       D(2027, 9, 6), D(2027, 9, 30), D(2027, 10, 11), D(2027, 11, 11),
                       D(2027, 12, 27), D(2027, 12, 28)],
    ("france", 2026): [D(2026, 1, 1), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 8),
                       D(2026, 5, 14), D(2026, 5, 25), D(2026, 7, 14), D(2026, 11, 11),
                       D(2026, 12, 25)],
    ("france", 2027): [D(2027, 1, 1), D(2027, 3, 29), D(2027, 5, 6), D(2027, 5, 17),
                       D(2027, 7, 14), D(2027, 11, 1), D(2027, 11, 11)],
    ("italy", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 6), D(2026, 5, 1),
                      D(2026, 6, 2), D(2026, 12, 8), D(2026, 12, 25)],
    ("italy", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 29), D(2027, 6, 2),
                      D(2027, 10, 4), D(2027, 11, 1), D(2027, 12, 8)],
    ("spain", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 3), D(2026, 5, 1),
                      D(2026, 10, 12), D(2026, 12, 8), D(2026, 12, 25)],
    ("spain", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 26), D(2027, 10, 12),
                      D(2027, 11, 1), D(2027, 12, 6), D(2027, 12, 8)],
    ("netherlands", 2026): [D(2026, 1, 1), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 14),
                            D(2026, 5, 25), D(2026, 12, 25)],
    ("netherlands", 2027): [D(2027, 1, 1), D(2027, 3, 29), D(2027, 4, 27), D(2027, 5, 6),
                            D(2027, 5, 17)],
    ("belgium", 2026): [D(2026, 1, 1), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 14),
                        D(2026, 5, 25), D(2026, 7, 21), D(2026, 11, 11), D(2026, 12, 25)],
    ("belgium", 2027): [D(2027, 1, 1), D(2027, 3, 29), D(2027, 5, 6), D(2027, 5, 17),
                        D(2027, 7, 21), D(2027, 11, 1), D(2027, 11, 11)],
    ("switzerland", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 14),
                            D(2026, 5, 25), D(2026, 12, 25)],
    ("switzerland", 2027): [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 6),
                            D(2027, 5, 17)],
    ("austria", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 6), D(2026, 5, 1),
                        D(2026, 5, 14), D(2026, 5, 25), D(2026, 6, 4), D(2026, 10, 26),
                        D(2026, 12, 8), D(2026, 12, 25)],
    ("austria", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 29), D(2027, 5, 6),
                        D(2027, 5, 17), D(2027, 5, 27), D(2027, 10, 26), D(2027, 11, 1),
                        D(2027, 12, 8)],
    ("sweden", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 3), D(2026, 4, 6),
                       D(2026, 5, 1), D(2026, 5, 14), D(2026, 6, 19), D(2026, 12, 24),
                       D(2026, 12, 25), D(2026, 12, 31)],
    ("sweden", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 26), D(2027, 3, 29),
                       D(2027, 5, 6), D(2027, 6, 25), D(2027, 12, 24), D(2027, 12, 31)],
    ("denmark", 2026): [D(2026, 1, 1), D(2026, 4, 2), D(2026, 4, 3), D(2026, 4, 6),
                        D(2026, 5, 14), D(2026, 5, 25), D(2026, 12, 25)],
    ("denmark", 2027): [D(2027, 1, 1), D(2027, 3, 25), D(2027, 3, 26), D(2027, 3, 29),
                        D(2027, 5, 6), D(2027, 5, 17)],
    ("norway", 2026): [D(2026, 1, 1), D(2026, 4, 2), D(2026, 4, 3), D(2026, 4, 6),
                       D(2026, 5, 1), D(2026, 5, 14), D(2026, 5, 25), D(2026, 12, 25)],
    ("norway", 2027): [D(2027, 1, 1), D(2027, 3, 25), D(2027, 3, 26), D(2027, 3, 29),
                       D(2027, 5, 6), D(2027, 5, 17)],
    ("poland", 2026): [D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 6), D(2026, 5, 1),
                       D(2026, 6, 4), D(2026, 11, 11), D(2026, 12, 24), D(2026, 12, 25)],
    ("poland", 2027): [D(2027, 1, 1), D(2027, 1, 6), D(2027, 3, 29), D(2027, 5, 3),
                       D(2027, 5, 27), D(2027, 11, 1), D(2027, 11, 11), D(2027, 12, 24)],
    ("australia", 2026): [D(2026, 1, 1), D(2026, 1, 26), D(2026, 4, 3), D(2026, 4, 6),
                          D(2026, 12, 25), D(2026, 12, 28)],
    ("australia", 2027): [D(2027, 1, 1), D(2027, 1, 26), D(2027, 3, 26), D(2027, 3, 29),
                          D(2027, 12, 27), D(2027, 12, 28)],
    ("new_zealand", 2026): [D(2026, 1, 1), D(2026, 1, 2), D(2026, 2, 6), D(2026, 4, 3),
                            D(2026, 4, 6), D(2026, 4, 27), D(2026, 6, 1), D(2026, 7, 10),
                            D(2026, 10, 26), D(2026, 12, 25), D(2026, 12, 28)],
    ("new_zealand", 2027): [D(2027, 1, 1), D(2027, 1, 4), D(2027, 2, 8), D(2027, 3, 26),
                            D(2027, 3, 29), D(2027, 4, 26), D(2027, 6, 7), D(2027, 6, 25),
                            D(2027, 10, 25), D(2027, 12, 27), D(2027, 12, 28)],
    ("south_africa", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 27),
                             D(2026, 5, 1), D(2026, 6, 16), D(2026, 8, 10), D(2026, 9, 24),
                             D(2026, 12, 16), D(2026, 12, 25)],
    ("south_africa", 2027): [D(2027, 1, 1), D(2027, 3, 22), D(2027, 3, 26), D(2027, 3, 29),
                             D(2027, 4, 27), D(2027, 6, 16), D(2027, 8, 9), D(2027, 9, 24),
                             D(2027, 12, 16), D(2027, 12, 27)],
}  # fmt: skip


@pytest.mark.parametrize(("calendar", "year"), sorted(PUBLISHED))
def test_each_country_gives_its_published_weekday_holidays(calendar, year):
    weekdays = sorted(d for d in public_holidays(calendar, year) if d.weekday() < 5)
    assert weekdays == PUBLISHED[calendar, year]


def test_every_calendar_works_for_every_year_of_the_century():
    for calendar in CALENDARS:
        for year in range(2000, 2101):
            days = public_holidays(calendar, year)
            assert all(d.year == year for d in days)
            assert len([d for d in days if d.weekday() < 5]) >= 4, (calendar, year)


def test_weekend_rules_each_country_has():
    # South Africa: a Sunday holiday gives the Monday; Christmas on a Sunday gives the
    # Tuesday too, as declared in 2011, 2016 and 2022.
    assert {D(2022, 12, 26), D(2022, 12, 27)} <= public_holidays("south_africa", 2022)
    assert D(2026, 3, 23) not in public_holidays("south_africa", 2026)  # Saturday: nothing
    # New Zealand: Waitangi and Anzac Day Mondayised only since 2014.
    assert D(2021, 2, 8) in public_holidays("new_zealand", 2021)
    assert D(2010, 2, 8) not in public_holidays("new_zealand", 2010)  # 6 Feb 2010: Saturday
    # Canada Day on a Saturday: the Monday.
    assert D(2023, 7, 3) in public_holidays("canada", 2023)
    # Australia Day on a Sunday: the Monday; Anzac Day on a Sunday: no day back.
    assert D(2025, 1, 27) in public_holidays("australia", 2025)
    assert D(2027, 4, 26) not in public_holidays("australia", 2027)
    # The Netherlands: King's Day on a Sunday is kept on the Saturday before.
    assert D(2025, 4, 26) in public_holidays("netherlands", 2025)


def test_holidays_that_came_or_went_in_a_given_year():
    assert D(2030, 2, 1) in public_holidays("ireland", 2030)  # St Brigid's on a Friday
    assert not any(d.month == 2 for d in public_holidays("ireland", 2022))  # before 2023
    assert D(2025, 10, 4) not in public_holidays("italy", 2025)  # St Francis from 2026
    assert D(2024, 12, 24) not in public_holidays("poland", 2024)  # Christmas Eve from 2025
    assert D(2025, 12, 24) in public_holidays("poland", 2025)
    assert D(2023, 5, 5) in public_holidays("denmark", 2023)  # Great Prayer Day until 2023
    assert D(2024, 4, 26) not in public_holidays("denmark", 2024)
    assert D(2004, 5, 31) in public_holidays("sweden", 2004)  # Whit Monday until 2004
    assert D(2005, 5, 16) not in public_holidays("sweden", 2005)
    assert D(2006, 6, 5) not in public_holidays("france", 2006)  # no Whit Monday 2005-2007
    assert D(2030, 5, 5) in public_holidays("netherlands", 2030)  # Liberation Day, lustrum
    assert D(2020, 9, 30) not in public_holidays("canada", 2020)  # Truth and Reconciliation
    assert D(2052, 6, 21) in public_holidays("new_zealand", 2052)  # the last Matariki set
    assert D(2014, 12, 1) not in public_holidays("portugal", 2014)  # suspended 2013-2015
    assert D(2024, 10, 1) in public_holidays("mexico", 2024)  # a president takes office
    assert D(2026, 10, 1) not in public_holidays("mexico", 2026)
    assert D(2005, 2, 5) in public_holidays("mexico", 2005)  # before the Monday rule


def test_a_currency_of_one_country_names_its_calendar_and_the_euro_none():
    assert currency_holidays("ZAR") == ["south_africa"]
    assert currency_holidays("CAD") == ["canada"]
    assert currency_holidays("GBP") == ["england_wales"]
    assert currency_holidays("MXN") == ["mexico"]
    assert currency_holidays("EUR") == []
    assert currency_holidays(None) == []
    assert set(CURRENCY_CALENDARS.values()) <= set(CALENDARS)
    assert holiday_names(["united_states", "none", "ireland"]) == ["Ireland", "the US"]


def test_an_irish_calendar_calls_their_lawyers_solicitors():
    assert lawyer_word("", "anna@firm.com EUR ireland") == "solicitors"
    assert lawyer_word("", "anna@firm.com EUR italy") == "lawyers"
