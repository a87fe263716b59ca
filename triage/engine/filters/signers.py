"""One signer, and a colleague who comes along named in the text with their role.

An email written in the first person has one author: a second name under "I am sorry" leaves
the reader asking whose apology it is. A senior colleague who takes part is said in a
sentence ("Sanjay Patil, our CEO, will join us"), with the full name the notes give
somewhere ("Sanjay (CEO)" in the attendees, "Sanjay Patil" in the ledger).
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["full_name", "joins_us"]

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
_NOT_SURNAME = {
    "CEO", "CFO", "COO", "CTO", "MD", "VP", "HR", "IT", "FD", "PM", "GM", "DPO", "And", "The",
    "Our", "Their", "On", "In", "At", "By", "For", "With", "From", "To", "Mon", "Tue", "Wed",
    "Thu", "Fri", "Sat", "Sun",
}  # fmt: skip
_ROLE_AFTER = re.compile(r"^\s*\(\s*(?:our\s+)?([^(),;:]{2,40}?)(?:\s*[,;:][^()]*)?\s*\)")
# A role typed before the name: "Our MD Paul Hegarty", "our Head of Operations Jane Roe".
_ROLE_BEFORE = re.compile(
    r"\b[Oo]ur\s+((?:[A-Z][\w&-]*|of|and|for)(?:\s+(?:[A-Z][\w&-]*|of|and|for)){0,4})\s+$"
)
# Short forms the other side may not read as we do.
_ROLE_LONG = {"MD": "Managing Director", "GM": "General Manager", "FD": "Finance Director"}


def full_name(value: Any, notes: Any = "") -> str:
    """Filter ``full_name(notes)``: a person typed by first name only ("Sanjay"), with the
    surname the notes give them elsewhere ("... Sanjay Patil / Raghav Iyer ..." gives "Sanjay
    Patil"); a name already full, or one the notes never complete, is given as typed."""
    name = _squash(value)
    if not name or len(name.split()) > 1:
        return name
    found = re.findall(rf"\b{re.escape(name)}\s+({_WORD})", _squash(notes))
    surnames = [s for s in found if s not in _NOT_SURNAME and not s.isupper()]
    return f"{name} {surnames[0]}" if surnames else name


def joins_us(value: Any, notes: Any = "", role: Any = "") -> str:
    """Filter ``joins_us(notes, role)``: the sentence that names a colleague who takes
    part, in full and with their role from ``role`` or the notes ("Sanjay (CEO)"): "Sanjay
    Patil, our CEO, will join us." ('' for no one)."""
    name = _squash(value)
    if not name:
        return ""
    text = _squash(notes)
    said = full_name(name, text)
    title = _squash(role)
    if not title:
        names = [said, name, name.split()[0]]
        spots = [f for n in names for f in re.finditer(rf"\b{re.escape(n)}\b", text)]
        for found in spots:
            match = _ROLE_AFTER.match(text[found.end() :])
            if match:
                title = match.group(1).strip()
                break
            before = _ROLE_BEFORE.search(text[: found.start()])
            if before and before.group(1).split()[-1] not in ("of", "and", "for"):
                title = before.group(1).strip()
                break
    title = _ROLE_LONG.get(title, title)
    if title and title.lower().startswith("our "):
        title = title[4:]
    head = f"{said}, our {title}," if title else said
    return f"{head} will join us."
