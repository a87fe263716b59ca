"""The nationwide public holidays of continental European countries.

None of them gives back a holiday that falls on a weekend as a fixed weekday: where the
law lets a region or an employer choose a replacement day (Spain's regions, Belgium's
employers, Poland's employers for a Saturday), it differs from place to place and is not
counted."""

from __future__ import annotations

import datetime as dt

from triage.engine.holidays.rules import fixed, from_easter, on_or_after

# Days after Easter Sunday.
GOOD_FRIDAY, MAUNDY_THURSDAY, EASTER_MONDAY = -2, -3, 1
ASCENSION, WHIT_MONDAY, CORPUS_CHRISTI = 39, 50, 60


def germany(year: int) -> set[dt.date]:
    """The holidays of every German state (a state's own come on top)."""
    return fixed(year, (1, 1), (5, 1), (10, 3), (12, 25), (12, 26)) | from_easter(
        year, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY
    )


def france(year: int) -> set[dt.date]:
    """The eleven jours fériés of the Code du travail (not Alsace-Moselle's two extra
    days). Whit Monday was not a holiday in 2005-2007 (the 'journée de solidarité')."""
    days = fixed(year, (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
    days |= from_easter(year, EASTER_MONDAY, ASCENSION)
    if not 2005 <= year <= 2007:
        days |= from_easter(year, WHIT_MONDAY)
    return days


def italy(year: int) -> set[dt.date]:
    """The national holidays (not a city's patron saint); St Francis's Day, 4 October,
    again since 2026 (Law 151 of 8 October 2025)."""
    days = fixed(
        year, (1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25),
        (12, 26),
    )  # fmt: skip
    if year >= 2026:
        days.add(dt.date(year, 10, 4))
    return days | from_easter(year, EASTER_MONDAY)


def spain(year: int) -> set[dt.date]:
    """The holidays every region keeps. Maundy Thursday, Easter Monday, a region's own
    day, and the Monday a region gives for a holiday on a Sunday, differ by region."""
    return fixed(
        year, (1, 1), (1, 6), (5, 1), (8, 15), (10, 12), (11, 1), (12, 6), (12, 8), (12, 25)
    ) | from_easter(year, GOOD_FRIDAY)


def netherlands(year: int) -> set[dt.date]:
    """The holidays of the Algemene termijnenwet: King's Day on 27 April (the 26th when the
    27th is a Sunday), and Liberation Day, 5 May, in the years most collective agreements
    give it off (every fifth year: 2025, 2030). Good Friday is not counted."""
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    days = fixed(year, (1, 1), (12, 25), (12, 26)) | {kings_day}
    if year % 5 == 0:
        days.add(dt.date(year, 5, 5))
    return days | from_easter(year, EASTER_MONDAY, ASCENSION, WHIT_MONDAY)


def belgium(year: int) -> set[dt.date]:
    """The ten legal holidays. One on a Sunday is replaced by a day each employer sets."""
    return fixed(year, (1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)) | from_easter(
        year, EASTER_MONDAY, ASCENSION, WHIT_MONDAY
    )


def switzerland(year: int) -> set[dt.date]:
    """The days off nearly everywhere in Switzerland. Federal law makes 1 August a holiday
    and every canton keeps New Year's Day, Ascension and Christmas; Good Friday, Easter
    Monday, Whit Monday and St Stephen's Day are kept by almost every canton (Good Friday
    not in Ticino or Valais) and counted too. Berchtoldstag (2 January) and other cantonal
    holidays are not."""
    return fixed(year, (1, 1), (8, 1), (12, 25), (12, 26)) | from_easter(
        year, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY
    )


def austria(year: int) -> set[dt.date]:
    """The thirteen holidays of the Feiertagsruhegesetz (Good Friday not since 2019)."""
    return fixed(
        year, (1, 1), (1, 6), (5, 1), (8, 15), (10, 26), (11, 1), (12, 8), (12, 25), (12, 26)
    ) | from_easter(year, EASTER_MONDAY, ASCENSION, WHIT_MONDAY, CORPUS_CHRISTI)


def sweden(year: int) -> set[dt.date]:
    """The public holidays (National Day since 2005, replacing Whit Monday), and the three
    eves the Annual Leave Act treats as Sundays: Midsummer Eve, Christmas Eve and New
    Year's Eve, days off almost everywhere."""
    days = fixed(year, (1, 1), (1, 6), (5, 1), (12, 24), (12, 25), (12, 26), (12, 31))
    days |= from_easter(year, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION)
    days.add(on_or_after(dt.date(year, 6, 19), 4))  # Midsummer Eve (Midsummer Day: Saturday)
    days |= {dt.date(year, 6, 6)} if year >= 2005 else from_easter(year, WHIT_MONDAY)
    return days  # All Saints' Day is always a Saturday


def denmark(year: int) -> set[dt.date]:
    """The public holidays; Great Prayer Day (a Friday) until 2023. Constitution Day,
    Christmas Eve and New Year's Eve are customary days off, not public holidays."""
    days = fixed(year, (1, 1), (12, 25), (12, 26)) | from_easter(
        year, MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY
    )
    if year <= 2023:
        days |= from_easter(year, 26)
    return days


def norway(year: int) -> set[dt.date]:
    """The public holidays of the Public Holidays Act, with 1 May and Constitution Day."""
    return fixed(year, (1, 1), (5, 1), (5, 17), (12, 25), (12, 26)) | from_easter(
        year, MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY
    )


def poland(year: int) -> set[dt.date]:
    """The public holidays of the 1951 Act: Epiphany since 2011, Christmas Eve since 2025."""
    days = fixed(
        year, (1, 1), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26)
    ) | from_easter(year, EASTER_MONDAY, CORPUS_CHRISTI)
    if year >= 2011:
        days.add(dt.date(year, 1, 6))
    if year >= 2025:
        days.add(dt.date(year, 12, 24))
    return days


def portugal(year: int) -> set[dt.date]:
    """The thirteen feriados obrigatórios of the Código do Trabalho (art. 234): Corpus Christi,
    5 October, 1 November and 1 December were suspended in 2013-2015. Carnival, which an
    employer may give, and each town's own day are not counted."""
    days = fixed(year, (1, 1), (4, 25), (5, 1), (6, 10), (8, 15), (12, 8), (12, 25))
    days |= from_easter(year, GOOD_FRIDAY)
    if not 2013 <= year <= 2015:
        days |= fixed(year, (10, 5), (11, 1), (12, 1)) | from_easter(year, CORPUS_CHRISTI)
    return days


def finland(year: int) -> set[dt.date]:
    """The public holidays, with Midsummer Eve and Christmas Eve, days off almost everywhere
    by collective agreement (Midsummer Day and All Saints' Day are always Saturdays)."""
    days = fixed(year, (1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26))
    days |= from_easter(year, GOOD_FRIDAY, EASTER_MONDAY, ASCENSION)
    days.add(on_or_after(dt.date(year, 6, 19), 4))  # Midsummer Eve
    return days
