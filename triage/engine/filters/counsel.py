"""Their lawyer as the reader of our email, when their side asked that all contact go through
them: who that lawyer is (from the message log and the notes), how to greet them, their address
when the notes hold it, and our sentences about their client said to the lawyer ("your client's
loyalty members", never "your loyalty members")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["for_counsel", "their_counsel"]

_THEIR_SIDE = re.compile(r"\btheir side\b|\(them\)|\btheirs\b", re.I)
_LAW = re.compile(
    r"\b(?:lawyers?|solicitors?|counsel|attorneys?|legal|law|llp|advokat\w*|abogad[oa]s?|"
    r"avocats?|rechtsanw(?:ä|a)lt\w*|avvocat[oi]|advogad[oa]s?)\b",
    re.I,
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau|Me|Maître|Sr|Sra|Dra?|Adv)\.?"
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _rows(timeline: Any) -> list[Mapping[str, Any]]:
    return [r for r in timeline or [] if isinstance(r, Mapping)]


def _person(text: str) -> str:
    """A person's name typed before a comma or bracket ("Hamish Doyle, their lawyers"), or ''
    when it is a firm ("Doyle Whitford Lawyers") or not a name at all."""
    words = re.sub(rf"^{_HONORIFIC}\s+", "", text).split()
    if not 2 <= len(words) <= 4 or _LAW.search(text):
        return ""
    return " ".join(words) if all(_NAME_WORD.match(w) for w in words) else ""


_FIRM_WORDS = re.compile(
    r"\b(?:Lawyers|Solicitors|Legal|LLP|Law|Attorneys|Advokat\w*|Abogados|Avocats|Rechtsanw\w*|"
    r"Avvocati|Advogados)\b"
)


def _found(name: str, greet: str, firm: str, text: str) -> dict[str, str]:
    last = name.split()[-1].lower()
    email = next((a for a in _ADDRESS.findall(text) if last in a.split("@")[0].lower()), "")
    return {"name": name, "greet": greet, "firm": firm, "email": email}


def their_counsel(timeline: Any, notes: Any = "") -> dict[str, str]:
    """Filter ``timeline | their_counsel(notes)``: the lawyer who wrote for their side, from the
    latest row of the message log by their lawyers ("Hamish Doyle, their lawyers (their side)"),
    as ``{'name', 'greet', 'firm', 'email'}``: ``greet`` is "Mr Doyle" when the notes give the
    honorific ("Mr Hamish Doyle"), else the first name; ``firm`` the firm the notes name beside
    them; ``email`` an address in the notes that carries their surname. ``{}`` when the log
    names no lawyer of theirs by name."""
    text = _squash(" ; ".join(notes) if isinstance(notes, (list, tuple)) else notes)
    for row in reversed(_rows(timeline)):
        who = _squash(row.get("who"))
        if not _THEIR_SIDE.search(who) or not _LAW.search(who):
            continue
        name = _person(_squash(re.split(r"[,(]", who)[0]))
        if not name:
            continue
        first, last = name.split()[0], name.split()[-1]
        titled = re.search(
            rf"\b({_HONORIFIC})\s+(?:{re.escape(first)}\s+)?{re.escape(last)}\b", text
        )
        greet = f"{titled.group(1)} {last}" if titled else first
        firm = re.search(
            rf"([A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*\s+{_FIRM_WORDS.pattern[2:-2]})"
            rf"[^.;]{{0,40}}\b{re.escape(last)}\b",
            text,
        )
        # The firm typed beside them in the log: "Joanna Pryce, Pryce Hallam Solicitors".
        typed = (_squash(re.split(r"\(", who)[0]).split(",", 1)[1:] or [""])[0].strip()
        if not firm and typed[:1].isupper() and _FIRM_WORDS.search(typed):
            return _found(name, greet, typed, text)
        return _found(name, greet, firm.group(1) if firm else "", text)
    return {}


_YOUR = re.compile(r"\byour\b(?!\s+(?:client|notice|letter|email|message|firm)\b)", re.I)
_YOU = re.compile(r"(?<!thank )\byou\b(?!r)", re.I)


def for_counsel(value: Any) -> str:
    """Filter ``for_counsel``: a sentence written to their business, said to the lawyer who
    reads it for them: "your loyalty members" becomes "your client's loyalty members", "we told
    you" becomes "we told your client"."""
    text = _YOUR.sub(lambda m: m.group(0) + " client's", str(value or ""))
    return _YOU.sub(lambda m: ("Your" if m.group(0)[0] == "Y" else "your") + " client", text)
