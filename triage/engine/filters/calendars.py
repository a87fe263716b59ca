"""Public-holiday calendars in expressions: the ones the two companies' countries keep, the
one a currency suggests, and their names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from triage.engine import holidays

# Countries where 1 January is not a day off: no New Year's Day is kept for them alone.
_NO_NEW_YEAR = frozenset({"in", "il", "sa", "pk", "np", "af", "ir"})


def currency_holidays(value: Any) -> list[str]:
    """Filter ``currency_holidays``: the public-holiday calendar a currency code suggests,
    as a list (``"CAD"`` -> ``["canada"]``), for a currency that belongs to one country;
    ``[]`` for any other (the euro among them) and for none."""
    code = value.strip().upper() if isinstance(value, str) else ""
    found = holidays.CURRENCY_CALENDARS.get(code)
    return [found] if found else []


def holiday_guess(
    their_email: Any,
    their_firm: Any = "",
    our_email: Any = "",
    our_firm: Any = "",
    currency: Any = "",
) -> dict[str, Any]:
    """Filter ``their_email | holiday_guess(counterparty, our_email, our_company, currency)``:
    whose public holidays a case's dates keep to when nobody said, as
    ``{"calendars": [...], "placed": [...], "missing": [...], "by": ..., "new_year": bool}``,
    with each side's country code (``ours``, ``theirs``: "" when nothing places it) and every
    country found (``countries``).

    Each side's country comes from its email address, else its company's legal form
    ("GmbH", "S.L.", "ehf."; see ``holidays.countries``). A currency of one country counts
    only for a side nothing else places, and the US dollar, used in trade everywhere, only
    when neither side is placed; the euro never names a country. ``calendars`` are the
    calendars of the countries found (``placed``: those an address or a form found, without the
    currency's), ``missing`` the names of those found that have none
    here ("Ghana"), ``by`` says what chose: "currency", "answers" or "", and ``new_year``
    whether a country found keeps 1 January free (Ghana does, India does not), for a case
    whose calendars come to none."""
    from triage.engine.holidays import countries

    table = countries.COUNTRIES
    ours = countries.side_country(our_email, our_firm, currency)
    theirs = countries.side_country(their_email, their_firm, currency)
    found = list(dict.fromkeys(c for c in (ours, theirs) if c))
    placed = [table[c][1] for c in found if table[c][1]]  # by address or form, not currency
    money = countries.currency_countries(currency)
    by = "answers" if found else ""
    if len(money) == 1 and (not found or (len(found) == 1 and "us" not in money)):
        (place,) = money
        if place not in found:
            by = "currency" if not found else by
            found.append(place)
    missing = [c for c in found if not table[c][1]]
    return {
        "ours": ours,
        "theirs": theirs,
        "countries": found,
        "calendars": list(dict.fromkeys(table[c][1] for c in found if table[c][1])),
        "missing": [table[c][0] for c in missing],
        "placed": list(dict.fromkeys(placed)),
        "by": by,
        "new_year": any(c not in _NO_NEW_YEAR for c in found),
    }


_UK = frozenset({"england_wales", "scotland", "northern_ireland"})


def not_ticked(guessed: Any, ticked: Any) -> list[str]:
    """Filter ``holiday_guess.calendars | not_ticked(public_holidays)``: the calendars of the
    countries the answers place a side in that the answer leaves out; a UK address is met by
    any of the UK's three calendars (the address cannot tell Scotland from England)."""
    chosen = {t for t in ticked or [] if isinstance(t, str)}
    if chosen & _UK:
        chosen |= _UK
    return [c for c in guessed or [] if isinstance(c, str) and c not in chosen]


def new_years(today: Any) -> list[dt.date]:
    """Filter ``today | new_years``: 1 January of the years a plan's dates can reach (the
    year before ``today`` to three years after it), to keep free where no calendar does."""
    if not isinstance(today, dt.date):
        return []
    year = today.year
    return [dt.date(y, 1, 1) for y in range(year - 1, year + 4)]


def typed_on_days_off(actions: Any, calendars: Any = None, closed: Any = None) -> list[Any]:
    """Filter ``actions | typed_on_days_off(holiday_calendars, closed_days)``: the steps the
    manager typed with a date (kept as typed) that falls on a public holiday of one of
    ``calendars``, or, for a step shared with them, on a day listed as closed, as
    ``{"what", "due", "places"}``; ``places`` names the calendars' places ("Spain"), and
    "closed" for a closure."""
    chosen = [c for c in calendars or [] if isinstance(c, str) and c in holidays.CALENDARS]
    shut = set()
    for row in closed or []:
        day = row.get("date") if isinstance(row, dict) else row
        shut.add(str(day)[:10])
    found = []
    for row in actions or []:
        if not isinstance(row, dict) or not row.get("mine") or not row.get("due"):
            continue
        try:
            day = dt.date.fromisoformat(str(row["due"])[:10])
        except ValueError:
            continue
        places = [
            holidays.CALENDARS[c] for c in chosen if day in holidays.public_holidays(c, day.year)
        ]
        if day.isoformat() in shut and (row.get("shared") or row.get("outward")):
            places.append("closed")  # whose closure is not known: only a step with them
        if places and day.weekday() < 5:
            found.append({"what": row.get("what", ""), "due": day, "places": places})
    return found


def holiday_names(value: Any) -> list[str]:
    """Filter ``holiday_names``: the places of the calendars named, as a sentence says them
    ("England and Wales", "the US"), in the order the question lists them; names that are
    not calendars (``none``) are left out."""
    chosen = {v for v in value if isinstance(v, str)} if isinstance(value, list | tuple) else set()
    return [name for key, name in holidays.CALENDARS.items() if key in chosen]


def meeting_zone(
    guess: Any, at_venue: Any = False, hours_ahead: Any = 0, in_person: Any = False, place: Any = ""
) -> str:
    """Filter ``holiday_guess | meeting_zone(at_venue, their_hours_ahead, in_person, place)``:
    the IANA time zone of the clock a meeting's typed times are on, for its calendar file; ""
    when the answers do not tell (the calendar then keeps the hour typed, as a floating time).

    Times of a call are typed on our own clock (the question says so, and the drafts convert
    them for the other side): our country's zone, or the only country found when the other side
    is on the same clock. A mediation day at a venue (``at_venue``: the drafts give its dates
    only) runs on the venue's clock, which is known only when every country found is the same
    one. A meeting in person across time zones is on the clock of the place where both sides
    sit: theirs when we visit them (``place`` says "your office ...", or says nothing), ours when
    they come to us ("our office ..."), unknown anywhere else. A country that spans several
    zones (the US, Canada, Brazil, Australia) gives none."""
    from triage.engine.holidays.countries import ZONES

    if not isinstance(guess, dict):
        return ""
    found = [c for c in guess.get("countries") or [] if isinstance(c, str)]
    ours = str(guess.get("ours")) if isinstance(guess.get("ours"), str) else ""
    try:
        apart = bool(float(hours_ahead or 0))
    except (TypeError, ValueError):
        apart = False
    if in_person and apart:
        where = str(place or "").strip().lower()
        if where.startswith(("our ", "at our ", "in our ")):
            return ZONES.get(ours, "")
        theirs = {c for c in found if c != ours} if ours else set()
        visit = not where or where.startswith(("your ", "at your ", "in your "))
        return ZONES.get(theirs.pop(), "") if visit and len(theirs) == 1 else ""
    single = found[0] if len(set(found)) == 1 and not apart else ""
    return ZONES.get(single if at_venue else ours or single, "")
