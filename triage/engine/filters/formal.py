"""Formal facts read from the answers for the drafts: when a notice ends, how many customers
move, what the other side calls its lawyers, and whether their letter came from our contact."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from triage.engine.filters.text import _squash

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
# "6 months written notice", "90 days' notice", "three months' notice in writing"
_PERIOD = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")[\s-]*(?P<unit>day|week|month)s?['’]?"
    r"\s+(?:(?:prior|written|advance)\s+)*notice\b",
    re.I,
)


def notice_period(value: Any) -> str:
    """Filter ``notice_period``: the notice a clause gives, as words ("6 months"), or ''."""
    found = _PERIOD.search(_squash(value))
    if not found:
        return ""
    n = found.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBERS[n]
    unit = found.group("unit").lower()
    return f"{count} {unit}{'' if count == 1 else 's'}"


def notice_end(value: Any, start: Any) -> dt.date | None:
    """Filter ``notice_end(start)``: the day a notice given on ``start`` ends, from the
    period a clause gives ("either party may terminate on 6 months written notice", given on
    5 December 2026, ends on 5 June 2027; a month with no such day ends on its last day), or
    None when no period is given."""
    period = notice_period(value)
    if not period or not isinstance(start, dt.date):
        return None
    count_text, unit = period.split()
    count = int(count_text)
    if unit.startswith("day"):
        return start + dt.timedelta(days=count)
    if unit.startswith("week"):
        return start + dt.timedelta(weeks=count)
    months = start.month - 1 + count
    year, month = start.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(start.day, _days_in(year, month)))


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "nov 30", "30 nov", "30th November 2026", "30/11", "30.11.2026", "2026-11-30"
_GIVEN_ON = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r"|(?P<d4>\d{1,2})[./](?P<m4>\d{1,2})(?:[./](?P<y4>\d{2,4}))?\b)",
    re.I,
)


def _given_on(found: re.Match[str], today: dt.date) -> dt.date | None:
    """The date one match of ``_GIVEN_ON`` names; without a year, the latest such day on or
    before ``today`` (a notice already given)."""
    g = found.groupdict()
    if g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    elif g["d4"]:
        day, month = int(g["d4"]), int(g["m4"])
        year = int(g["y4"]) if g["y4"] else 0
        year = year + 2000 if 0 < year < 100 else year
    else:
        day = int(g["d1"] or g["d2"])
        month = _MONTHS[(g["mon"] or g["mon2"]).lower()[:3]]
        year = int(g["y1"] or g["y2"] or 0)
    try:
        if year:
            return dt.date(year, month, day)
        found_day = dt.date(today.year, month, day)
        return found_day if found_day <= today else dt.date(today.year - 1, month, day)
    except ValueError:
        return None


def notice_given_end(value: Any, today: Any) -> dt.date | None:
    """Filter ``notice_given_end(today)``: the day a notice our notes say was given ends
    ("gave 60 day notice nov 30", read on 5 December 2026, ends on 29 January 2027), from
    the period and the date nearest it; None when the notes give no period or no date."""
    text = _squash(value)
    period = _PERIOD.search(text)
    if not period or not isinstance(today, dt.date):
        return None
    dates = [
        (abs(found.start() - period.start()), day)
        for found in _GIVEN_ON.finditer(text)
        if (day := _given_on(found, today)) is not None and day <= today
    ]
    end = notice_end(period.group(0), min(dates)[1]) if dates else None
    return end if end and end >= today else None


def _days_in(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has (what ``calendar.monthrange`` gives; that
    module and ``locale``, which it loads, cost a headless case about 1 ms)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


_CUSTOMERS = re.compile(
    r"\b(?P<about>about\s+|around\s+|some\s+|~\s?)?(?P<n>\d{1,5}|"
    + "|".join(_NUMBERS)
    + r")\s+(?P<shared>shared\s+|joint\s+|common\s+)?(?P<who>customers|clients|accounts|clinics|practices|stores|sites|members|subscribers|end[- ]users)\b",
    re.I,
)


def customers_named(value: Any) -> str:
    """Filter ``customers_named``: the customers our notes count as ours to hand over ("about
    60 customers", "12 shared customers", "serves 40 clients"; not "a deck from 2 customers"),
    as the other side may read it ("the 60 or so customers", "the 12 customers we share"), or ''."""
    text = _squash(value)
    for found in _CUSTOMERS.finditer(text):
        before = text[: found.start()].split()[-1:] or [""]
        if (
            found.group("about")
            or found.group("shared")
            or re.fullmatch(r"(?:all|has|have|serves?|supports?|manages?|with|of)", before[0], re.I)
        ):
            break
    else:
        return ""
    count, who = found.group("n").lower(), found.group("who").lower()
    if found.group("shared"):
        return f"the {count} {who} we share"
    return f"the {count} or so {who}" if found.group("about") else f"the {count} {who}"


_THEIR_LAW = re.compile(
    r"\b(?:their|his|her|your|the\s+client'?s?)\s+(?:own\s+)?(solicitors?|lawyers?|counsel|attorneys?)",
    re.I,
)
_SOLICITOR_PLACES = re.compile(
    r"\.(?:uk|ie)\b|\b(?:GBP|england_wales|scotland|northern_ireland|ireland)\b"
)


def lawyer_word(value: Any, hint: Any = "") -> str:
    """Filter ``lawyer_word(hint)``: what to call the other side's lawyers, in the words our
    notes use for them ("their solicitors" gives "solicitors", "their counsel" "counsel",
    "their attorneys" "attorneys"); failing that "solicitors" where ``hint`` (their address,
    the currency, the calendars) says the UK or Ireland, else "lawyers", which reads right
    in every jurisdiction."""
    found = _THEIR_LAW.search(_squash(value))
    if found:
        word = found.group(1).lower()
        return word if word == "counsel" else word.rstrip("s") + "s"
    return "solicitors" if _SOLICITOR_PLACES.search(_squash(hint)) else "lawyers"


_LAW_WORDS = re.compile(r"\b(?:solicitor|lawyer|counsel|attorney|legal)", re.I)


# Their contact named as a lawyer, in English or in the words of the letter's country.
_LAWYER_CONTACT = re.compile(
    r"\b(?:solicitor|lawyer|attorney|counsel|advocaat|advocate|avocat|avocate|abogad[oa]|"
    r"avvocat[oa]|rechtsanwalt|rechtsanw\u00e4ltin|advokat|mecenas|radca prawny)\b|^mec\.\s",
    re.I,
)


def own_letter(timeline: Any, contact: Any) -> bool:
    """Filter ``own_letter(contact)``: whether the formal letter came from their contact in
    person ("Grace Whitmore MP (them)" in the timeline, or a contact named as their lawyer,
    "mr. J. van der Berg, advocaat"), not from lawyers acting for them."""
    if _LAWYER_CONTACT.search(_squash(contact)):
        return True  # "mec. Agnieszka Zielińska (their lawyer)": we write to the lawyer
    names = [w for w in re.split(r"[\s,.]+", _squash(contact)) if len(w) > 2]
    if not names or not isinstance(timeline, list):
        return False
    for row in timeline:
        if not isinstance(row, dict):
            continue
        who = _squash(row.get("who"))
        if _squash(row.get("channel")).lower() != "letter" or "(them)" not in who.lower():
            continue
        if _LAW_WORDS.search(who):
            return False
        if any(re.search(rf"\b{re.escape(n)}\b", who, re.I) for n in names):
            return True
    return False


_BODY_IN_BRACKETS = re.compile(r"\bmediat\w*\s*\(([^()]{3,60})\)", re.I)
_BODY_AFTER = re.compile(
    r"\bmediat\w*\s+(?:under|through|with|by|at|via)\s+(?:the\s+)?"
    r"([^,;.()]{3,60}?)(?=\s*(?:[,;.()]|\s+(?:before|then|and|or|if|within)\b|$))",
    re.I,
)

# A body named by its initials just before the word ("then AIAC mediation"), kept as typed.
_BODY_BEFORE = re.compile(r"\b([A-Z]{2,}[A-Za-z]*)\s+mediat", re.U)


def mediation_body(value: Any) -> str:
    """Filter ``mediation_body``: the body or rules a dispute clause names for mediation, as
    typed ("then mediation (SCC Mediation Rules)" gives "SCC Mediation Rules", "mediation
    under the bfa scheme" gives "bfa scheme", "then AIAC mediation" gives "AIAC"), or ''."""
    text = _squash(value)
    found = _BODY_IN_BRACKETS.search(text) or _BODY_AFTER.search(text) or _BODY_BEFORE.search(text)
    return found.group(1).strip() if found else ""


_REF = re.compile(
    r"(?:\bcl(?:ause)?\.?\s*|§\s*|\bsection\s+|\bart(?:icle)?\.?\s*)(\d+(?:\.\d+)*)", re.I
)


def clause_ref(value: Any) -> str:
    """Filter ``clause_ref``: a clause reference as a letter writes it, without the notes
    typed beside it: "cl. 36 Dispute resolution" and "Agreement cl. 24" give "clause 36" and
    "clause 24", "§14" stays "§14", "14.1" gives "clause 14.1"; anything else is kept."""
    text = _squash(value)
    found = _REF.search(text)
    if found:
        return ("§" if "§" in found.group(0) else "clause ") + found.group(1)
    if re.fullmatch(r"\d+(?:\.\d+)*", text):
        return f"clause {text}"
    return text


def typed_me(value: Any, name: Any) -> str:
    """Filter ``typed_me(name)``: a note typed by our contact ("Sabine + me") for a draft
    someone else signs: "me" is the person who typed it, by ``name`` ("Sabine + Lena")."""
    text = _squash(value)
    who = _squash(name)
    return re.sub(r"\bme\b", who, text) if who else text


_DEMAND = (
    r"(?:letter of demand|demand letter|letter before (?:action|claim)|statutory demand|"
    r"final demand|formal demand|notice of (?:default|breach|termination|claim)|"
    r"(?:our |the )?(?:termination |default |breach )?notice)"
)
_SERVED = re.compile(
    rf"\b(?:sent|served|issued|gave|delivered)\b[^.;]{{0,30}}\b{_DEMAND}|"
    rf"\b{_DEMAND}\s+(?:was\s+|went\s+|has been\s+)?(?:sent|served|issued|out|delivered)\b|"
    rf"\b{_DEMAND}\s+(?:dated\s+|of\s+|on\s+)?\d{{1,2}}[./ ]",
    re.I,
)


def notice_served(value: Any) -> bool:
    """Filter ``notice_served``: whether a note says our formal step has already gone out
    ("our lawyer sent a letter of demand 27/11", "letter of demand 27/11", "notice served
    on 2 Dec"): then its date is theirs to meet, and our rights are already protected."""
    text = _squash(value)
    for found in _SERVED.finditer(text):
        before = " ".join(text[: found.start()].split()[-4:]).lower()
        if not re.search(r"\b(they|their|them)\b", before):
            return True
    return False


# "delay they caused", set in our voice as "delay you caused": a culprit named to the reader.
_YOU_CAUSED = re.compile(
    r"\b(delays?|losses|loss|costs?|problems?)\s+(?:that\s+)?you\s+caused\b", re.I
)


def on_your_side(value: Any) -> str:
    """Filter ``on_your_side``: our reading of a clause, said to them without naming a culprit:
    "does not apply to delay you caused" gives "does not apply to delay on your side"."""
    return _YOU_CAUSED.sub(r"\1 on your side", str(value or ""))


# An exit that is a buy-out of their share (a joint venture, a partnership): nothing ends for
# the work, one owner buys the other out.
_BUYOUT = re.compile(
    r"\bbuy[- ]?outs?\b|\bbuy(?:ing)?\s+(?:out\s+)?(?:their|your|the family's|its)\s+"
    r"(?:\d+\s*%|share\b|stake\b|shares\b|half\b|holding\b)|\bshareholding\b|"
    r"\b(?:their|your)\s+\d+\s*%\s+(?:share|stake)\b",
    re.I,
)


def is_buyout(value: Any) -> bool:
    """Filter ``is_buyout``: the notes or the offer describe buying out their share ("buy their
    50%", "a buy-out timetable"), so the email is about completing a buy-out, not about work
    ending and a handover."""
    return bool(_BUYOUT.search(str(value or "")))


# Where our own notes put an in-person meeting: "A visit to Västerås by our CEO", "meet their
# MD at the mill", "meet at your plant in Ostrava".
_VISIT_TO = re.compile(r"\bvisit(?:ing|s)?\s+(?:to\s+)?([A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)?)")
_MEET_AT = re.compile(
    r"(?i:\bmeet(?:ing|s)?)\b[^.;]{0,40}?\bat\s+(the|your|their)\s+([a-z][\w-]*(?:\s+in\s+[A-ZÀ-Þ][\w'’-]+)?)"
)


def meeting_place(notes: Any, people: Any = "") -> str:
    """Filter ``notes | meeting_place(people)``: where the notes say we go to meet them, said
    to them: "in Västerås" for "A visit to Västerås", "at your mill" for "meet their MD at the
    mill" or "at their mill"; '' when the notes name no place. A visit to someone named in
    ``people`` ("a visit to Siobhan") is not a place."""
    text = _squash(notes)
    named = {w.lower().strip(".,;:()") for w in _squash(people).split()}
    found = _VISIT_TO.search(text)
    if found and not {w.lower() for w in re.split(r"[ -]", found.group(1))} & named:
        return f"in {found.group(1)}"
    found = _MEET_AT.search(text)
    if found:
        return f"at your {found.group(2)}"
    return ""


# A dispute clause that sends a dispute to senior people first ("Disputes: senior
# representatives meet within 14 days", "project managers meet, then MDs").
_SENIOR_WORDS = re.compile(
    r"\b(?:managing\s+directors?|directors?|ceos?|senior|executives?|escalat\w*|management|"
    r"mds?)\b|\bmd-",
    re.I,
)


def senior_clause(clauses: Any) -> str:
    """Filter ``clauses | senior_clause``: the reference, as typed, of the first clause that
    sends a dispute to senior people ("cl. 19"); '' when none does."""
    for row in clauses or []:
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        ref, says = _squash(get("ref")), _squash(get("says"))
        if ref and re.search(r"disput", says, re.I) and _SENIOR_WORDS.search(says):
            return ref
    return ""


# The procedure they opened, as their own documents name it.
_PROCEDURES = (
    (re.compile(r"\bsupplier\s+(?:performance\s+)?review\b|\bSPR\b", re.I), "your supplier review"),
    (re.compile(r"\bnon-?conformance\s+report\b|\bNCR\b", re.I), "your non-conformance report"),
    (
        re.compile(r"\bcorrective\s+action\s+request\b|\bSCAR\b|\bCAR\b|\bCAPA\s+request\b", re.I),
        "your corrective action request",
    ),
    (re.compile(r"\bquality\s+complaint\b", re.I), "your quality complaint"),
)


def complaint_named(notes: Any) -> str:
    """Filter ``notes | complaint_named``: their procedure as they name it ("your supplier
    review" for an SPR, "your non-conformance report"), so that the email does not call a
    supplier review a "formal complaint"; "your formal complaint" when the notes name none."""
    text = _squash(notes)
    for pattern, said in _PROCEDURES:
        if pattern.search(text):
            return said
    return "your formal complaint"
