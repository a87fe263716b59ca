"""Who on their side proposed mediation, from the message log and the notes, so that the email
thanks the person it goes to only when they are the one who proposed it."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["proposed_by_reader"]

_PROPOSES = re.compile(
    r"\b(?:propos\w*|suggest\w*|offer\w*|rais\w*|asks?\s+for|wants?|invok\w*|refer\w*|calls?\s+for)\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?\bmediat|"
    # A letter that opens on it: "Mediation under cl. 24, agree mediator by 18 Dec or arbitration".
    r"^\s*mediation\s+(?:under|per|pursuant|as\s+per)\b",
    re.I,
)
_NAMED = re.compile(
    r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s*\([^)]*\))?(?:,\s*[\w ]{1,30})?\s+"
    r"(?:has\s+|had\s+)?(?:propos\w*|suggest\w*|offer\w*|rais\w*|asks?\s+for|wants?)\b(?:[^.;]|\.(?=\d)){0,60}?\bmediat"
)
# Words that open a sentence or name a date, never a person.
_NOT_PERSON = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec", "they", "she", "he", "we", "i", "it", "their", "our", "the", "who"}  # fmt: skip


def _words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", name)}


def proposed_by_reader(timeline: Any, reader: Any = "", notes: Any = "") -> bool:
    """Filter ``timeline | proposed_by_reader(reader, notes)``: whether the person the email
    goes to (``reader``) proposed mediation. False when the message log or the notes name
    someone else on their side as proposing it (a chairman's phone call, a board member);
    True when they name the reader, or nobody."""
    mine = _words(_squash(reader))
    if not mine:
        return True
    first = _squash(reader).split()[0].lower()
    found: list[str] = []
    for row in reversed(list(timeline or [])):
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        who, note = _squash(get("who")), _squash(get("note"))
        if not who or re.search(r"\bour side\b|\(us\)|\bours\b", who, re.I):
            continue
        if _PROPOSES.search(note):
            found.append(re.split(r"[,(]", who)[0])
    for match in _NAMED.finditer(_squash(notes)):
        if match.group("who").split()[0].lower() not in _NOT_PERSON:
            found.append(match.group("who"))
    if not found:
        return True
    return first in _words(found[0])
