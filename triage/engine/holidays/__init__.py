"""Public holidays, worked out from their rules, so that due dates can skip them.

The national calendars of the countries our users trade with: the bank holidays of England
and Wales, Scotland and Northern Ireland, the US and Canadian federal holidays, Mexico's, Ireland,
most of western and northern Europe, Australia, New Zealand and South Africa. Each is a
handful of rules (a fixed date, the n-th weekday of a month, a day counted from Easter, and
the country's rule for a holiday that falls on a weekend), in ``british_isles``,
``europe``, ``north_america`` and ``southern``, checked in the tests against the published
dates for 2026 and 2027 and more.

Written here rather than taken from the ``holidays`` package: that package knows every
country, which is not needed, and importing it costs about a quarter of a second on every
run that writes outputs. Nothing here reads the network or the clock.

Not included, by design: holidays proclaimed for one year only (a coronation, a state
funeral, an election day), the holidays of a single state, province, canton or region, local
customs such as Christmas Eve where the law does not make it a day off, and calendars that
follow the moon (Singapore, India, the Gulf: their dates are set each year, not by a rule).
A playbook adds such days as dates (see ``days_off`` in docs/playbook-format.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from triage.engine.holidays import british_isles, europe, north_america, southern
from triage.engine.holidays.rules import easter_sunday

__all__ = ["CALENDARS", "CURRENCY_CALENDARS", "easter_sunday", "public_holidays"]

# Each calendar's name, as the plan says it ("public holidays in ..."), and its rules.
_CALENDARS: dict[str, tuple[str, Callable[[int], set[dt.date]]]] = {
    "england_wales": ("England and Wales", british_isles.england_wales),
    "scotland": ("Scotland", british_isles.scotland),
    "northern_ireland": ("Northern Ireland", british_isles.northern_ireland),
    "ireland": ("Ireland", british_isles.ireland),
    "united_states": ("the US", north_america.united_states),
    "canada": ("Canada", north_america.canada),
    "mexico": ("Mexico", north_america.mexico),
    "germany": ("Germany", europe.germany),
    "france": ("France", europe.france),
    "italy": ("Italy", europe.italy),
    "spain": ("Spain", europe.spain),
    "portugal": ("Portugal", europe.portugal),
    "netherlands": ("the Netherlands", europe.netherlands),
    "belgium": ("Belgium", europe.belgium),
    "switzerland": ("Switzerland", europe.switzerland),
    "austria": ("Austria", europe.austria),
    "sweden": ("Sweden", europe.sweden),
    "finland": ("Finland", europe.finland),
    "denmark": ("Denmark", europe.denmark),
    "norway": ("Norway", europe.norway),
    "poland": ("Poland", europe.poland),
    "australia": ("Australia", southern.australia),
    "new_zealand": ("New Zealand", southern.new_zealand),
    "south_africa": ("South Africa", southern.south_africa),
}

# Each calendar and the name of the place it covers, in the order the question lists them.
CALENDARS: dict[str, str] = {key: name for key, (name, _) in _CALENDARS.items()}

# The calendar a case follows when nobody said whose holidays count, from the currency of
# its amounts, where the currency belongs to one country. The euro does not: no calendar.
CURRENCY_CALENDARS: dict[str, str] = {
    "GBP": "england_wales",
    "USD": "united_states",
    "CAD": "canada",
    "AUD": "australia",
    "NZD": "new_zealand",
    "ZAR": "south_africa",
    "CHF": "switzerland",
    "SEK": "sweden",
    "NOK": "norway",
    "DKK": "denmark",
    "PLN": "poland",
    "MXN": "mexico",
}


@functools.cache
def public_holidays(calendar: str, year: int) -> frozenset[dt.date]:
    """The days off of one of ``CALENDARS`` in ``year`` (substitute and observed days
    included); KeyError for a calendar it does not know."""
    rules = _CALENDARS[calendar][1]
    return frozenset(d for d in rules(year) if d.year == year)
