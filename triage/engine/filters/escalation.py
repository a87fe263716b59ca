"""A senior person on their side who took it over their contact's head, to our top person: the
message the email answers, and a person it must greet, never a name left in the notes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.people import on_our_side
from triage.engine.filters.text import _squash

__all__ = ["asked_by_top", "counsel_copied", "escalated_by", "their_letter_day"]

_THEIR_SIDE = re.compile(r"\btheir side\b|\(them\)|\btheirs\b", re.I)
_TO_OUR_TOP = re.compile(
    r"\b(?:to|wrote to|emailed|called|phoned|cc(?:'d)?|copying)\s+(?:our|your)\s+"
    r"(?:ceo|md|managing director|chief executive|founder|owner|president|chair(?:man|woman)?|board)\b",
    re.I,
)
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "herr", "frau", "sr", "sra", "m", "mme"}
_SAID = {"email": "email", "letter": "letter", "phone": "call", "video": "call", "chat": "message"}


def escalated_by(timeline: Any, reader: Any = "") -> dict[str, str]:
    """Filter ``timeline | escalated_by(reader)``: the latest message in the log from someone
    senior on their side, other than ``reader``, written over their heads to our top person
    ("Henrik Vestergaard, CIO (their side)", "To our CEO: ..."), as ``{'name', 'first',
    'date', 'said', 'to'}`` ("email", "letter", "call", "message"; "our CEO"), where ``first``
    is the name to greet them by: the first name, or the name as typed after an honorific
    ("Mr Sato"); ``{}`` when there is none."""
    from triage.engine.filters.senior import _TITLE

    mine = {w.lower() for w in _squash(reader).split()}
    for row in reversed(list(timeline or [])):
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        who, note = _squash(get("who")), _squash(get("note"))
        if not who or not _THEIR_SIDE.search(who) or not _TO_OUR_TOP.search(note):
            continue
        name = _squash(re.split(r"[,(]", who)[0])
        words = name.split()
        if len(words) < 2 or not _TITLE.search(who[len(name) :]) or words[0].lower() in mine:
            continue
        honorific = words[0].rstrip(".").lower() in _HONORIFICS
        to = _TO_OUR_TOP.search(note)
        date = get("date")
        return {
            "name": name,
            "first": name if honorific else words[0],
            "date": str(date) if date else "",
            "said": _SAID.get(_squash(get("channel")).lower(), "message"),
            "to": "our " + re.sub(r"^.*?\b(?:our|your)\s+", "", to.group(0)) if to else "",
        }
    return {}


_IN_COPY = re.compile(
    r"\b(?:counsel|lawyers?|solicitors?|attorneys?|legal advisers?)\s+(?:in|on)\s+(?:copy|cc)\b|"
    r"\b(?:copy|cc|copying)\s+(?:in\s+)?(?:their|its|our)\s+(?:external\s+)?"
    r"(?:counsel|lawyers?|solicitors?|attorneys?)\b",
    re.I,
)
_FIRM = re.compile(
    r"\b(?:abogados|advogados|avocats|rechtsanw(?:ä|a)lte|solicitors|llp|law|legal|attorneys|"
    r"counsel|lawyers|partners|avvocati|advokat\w*)\b",
    re.I,
)


def counsel_copied(notes: Any, timeline: Any = None) -> str:
    """Filter ``notes | counsel_copied(timeline)``: their lawyers, when the notes say every
    message goes to them in copy ("all communication ... with counsel in copy"): the firm the
    message log names on their side ("Uribe Gaviria Abogados (their counsel)"), else "their
    counsel"; '' when the notes ask for no such copy."""
    if not _IN_COPY.search(_squash(notes)):
        return ""
    for row in reversed(list(timeline or [])):
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        who = _squash(get("who"))
        if not _THEIR_SIDE.search(who):
            continue
        firm = _squash(re.split(r"\s+for\s+|\s*\(|,", who)[0])
        if firm and _FIRM.search(firm):
            return f"{firm} (their counsel)"
    return "their counsel"


def their_letter_day(timeline: Any) -> Any:
    """Filter ``timeline | their_letter_day``: the date of the latest letter in the message log
    from their side (their lawyers' notice), or None: the letter a reply acknowledges."""
    for row in reversed(list(timeline or [])):
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        if _squash(get("channel")).lower() == "letter" and _THEIR_SIDE.search(_squash(get("who"))):
            return get("date")
    return None


_LAWYERS = re.compile(
    r"\b(?:lawyers?|solicitors?|counsel|attorneys?|advokat\w*|abogados?|avocats?)\b", re.I
)


def lawyers_answered(timeline: Any) -> bool:
    """Filter ``lawyers_answered``: whether the latest message from lawyers in the log is from
    ours ("Fjeldstad Advokatfirma (our lawyers)", after "Hoshino & Partners (their lawyers)"):
    our formal reply has gone, so no draft promises it again."""
    rows = [r for r in timeline or [] if isinstance(r, Mapping)]
    by_lawyers = [r for r in rows if _LAWYERS.search(str(r.get("who") or ""))]
    if not by_lawyers:
        return False
    latest = max(by_lawyers, key=lambda r: str(r.get("date") or ""))
    return on_our_side(latest.get("who"))


# A message that asks us for our reply, proposal or position ("Asks for our proposal on next
# steps before year end", "wants a reply from your CEO").
_ASKS_US = re.compile(
    r"\b(?:asks?|asked|asking|requests?|requested|wants?|wanted|awaits?|awaiting|expects?)\b"
    r"[^.;]{0,40}?\b(?:our|your|a|an)\s+(?:written\s+|formal\s+|full\s+)?"
    r"(?:proposal|reply|response|answer|position|offer|plan)\b",
    re.I,
)


def asked_by_top(timeline: Any, their_top: Any = "", reader: Any = "") -> dict[str, str]:
    """Filter ``timeline | asked_by_top(their_top, reader)``: the latest message in the log,
    when it comes from their senior person ``their_top`` ("Cláudia Weiss, CEO") rather than
    ``reader``, and asks us for our proposal or reply: ``{'name', 'first', 'date', 'said'}``,
    so that the email answers the person who asked; ``{}`` otherwise (a later message from
    anyone else, or a message that asks nothing of us)."""
    from triage.engine.filters.people import person

    top = _squash(person(their_top)) if their_top else ""
    if not top or (reader and top.lower() == _squash(person(reader)).lower()):
        return {}
    rows = list(timeline or [])
    if not rows:
        return {}
    row = rows[-1]
    get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
    who, note = _squash(get("who")), _squash(get("note"))
    surname = top.split()[-1].lower()
    if surname not in who.lower() or not _ASKS_US.search(note):
        return {}
    words = top.split()
    honorific = words[0].rstrip(".").lower() in _HONORIFICS
    date = get("date")
    return {
        "name": top,
        "first": top if honorific else words[0],
        "date": str(date) if date else "",
        "said": _SAID.get(_squash(get("channel")).lower(), "message"),
    }
