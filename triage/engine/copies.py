"""Whom the plan expects a draft to copy on their side, and why, when the draft does not.

A draft goes to the contact typed for it. When the letter that started the dispute came from
someone else on their side (their general counsel, their DPO, their chief executive), or the
answers name a senior person of theirs who is not the addressee, the manager is told once,
when the outputs are written, whom the plan expected in copy and why. Nobody is added to Cc
unless the answers say so: the line only tells the manager.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["expected_copies"]

# Roles of theirs whose letter or presence means they expect to see what we send.
_ROLE = (
    r"general counsel|in-house counsel|legal director|head of legal|chief legal officer|GC|CLO"
    r"|DPO|data protection officer|CEO|chief executive|managing director|MD|general manager|GM"
    r"|president(?: director)?|chair(?:man|woman|person)?|CFO|FD|finance director|COO|owner"
    r"|founder|director general"
    r"|directeur g[ée]n[ée]ral|gesch[äa]ftsf[üu]hrer|prezes|dyrektor generalny|daglig leder"
    r"|shachō|社長|部長"
)
_ROLE_RE = re.compile(rf"\b(?:{_ROLE})\b", re.I)
# A law firm writing for them is their lawyers, handled where the draft goes to them.
_FIRM = re.compile(
    r"\b(?:LLP|solicitors|advoca\w*|avocats?|attorneys?|rechtsanw\w*|law firm)\b", re.I
)
_UP = r"[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŪŮŰŹŻŽ]"
_NAME = (
    rf"(?:(?:Dr|Mr|Mrs|Ms|Me|Prof)\.?\s+)?{_UP}[\w'’-]+"
    rf"(?:\s+(?:van\s+der\s+|de\s+|van\s+)?{_UP}[\w'’.-]+){{0,2}}"
)
# "their General Manager Selin Öztürk", "their DPO Karim Benali".
_THEIR_ROLE_NAME = re.compile(rf"\b(?i:their)\s+(?P<role>(?i:{_ROLE}))\s+(?P<name>{_NAME})")
# "Mark Leblanc, General Counsel", "Karim Benali (DPO)".
_NAME_ROLE = re.compile(rf"^(?P<name>{_NAME})\s*(?:,|\()\s*(?P<role>[^()]*?)\)?\s*$")


def _plain(value: Any) -> str:
    return " ".join(str(value or "").replace("(their side)", "").split()).strip(" ,;")


def _surname(name: str) -> str:
    parts = [
        p
        for p in name.split()
        if p[:1].isupper() and p.rstrip(".") not in {"Dr", "Mr", "Mrs", "Ms", "Me", "Prof"}
    ]
    return parts[-1].lower() if parts else name.lower()


def _person(text: str) -> tuple[str, str]:
    """The name and role in a "who" typed for one of their people, else ('', '')."""
    text = _plain(text)
    found = _THEIR_ROLE_NAME.search(text)
    if found:
        return found.group("name").strip(), found.group("role").strip()
    found = _NAME_ROLE.match(text)
    if found and _ROLE_RE.search(found.group("role")):
        return found.group("name").strip(), found.group("role").strip()
    return "", ""


def _day(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B}"
    return ""


def expected_copies(ctx: Mapping[str, Any], to: str, cc: str, copies: str = "") -> str:
    """The people of theirs the plan expected the reset email to copy, with why, as one
    phrase ("Mark Leblanc (General Counsel), who sent their letter of 26 November"), or ''
    when there is nobody, or everyone expected is already in To, Cc or the copy note."""
    reader = _plain(ctx.get("their_contact"))
    known = " ".join([to, cc, copies, reader]).lower()
    found: list[str] = []
    seen: set[str] = set()

    def add(name: str, role: str, why: str) -> None:
        key = _surname(name)
        if not name or key in seen or key in known:
            return
        seen.add(key)
        # their role too, so that "their CFO" in the notes is this person, not a second one
        seen.add(f"their {_SAME_ROLE.get(role.lower(), role).lower()}")
        found.append(f"{name} ({role}), {why}")

    rows = [r for r in ctx.get("timeline") or [] if isinstance(r, Mapping)]
    rows.sort(key=lambda r: r.get("date") or dt.date.min, reverse=True)
    for row in rows:
        who = str(row.get("who") or "")
        if "(their side)" not in who or _FIRM.search(who):
            continue
        if str(row.get("channel") or "").lower() not in {"letter", "email"}:
            continue
        name, role = _person(who)
        if name and role:
            day = _day(row.get("date"))
            what = "letter" if str(row.get("channel")).lower() == "letter" else "email"
            add(name, role, f"who sent their {what}" + (f" of {day}" if day else ""))
    spoc = _plain(ctx.get("their_spoc"))
    name, role = _person(spoc)
    if name and role:
        add(name, role, "named in your answers as their contact for this")
    attendees = str(ctx.get("attendees") or "")
    for hit in _THEIR_ROLE_NAME.finditer(attendees):
        add(hit.group("name").strip(), hit.group("role").strip(), "named among those who attend")
    # Their senior person, unnamed, whom our notes say saw the exchange or was copied on it
    # ("copying their CEO", "Her FD is now copied in"): the reset email reaches them too.
    notes = [
        str(ctx.get(key) or "")
        for key in ("what_happened", "client_pressures", "tone_shift", "their_stake", "at_stake")
    ] + [str(r.get("note") or "") for r in rows]
    for text in notes:
        for hit in _SEEN.finditer(text):
            role = hit.group("r1") or hit.group("r2") or ""
            said = _SAME_ROLE.get(role.lower(), role)
            key = f"their {said.lower()}"
            if key in seen or re.search(rf"\b{re.escape(role)}\b", known, re.I):
                continue
            seen.add(key)
            found.append(f"their {said}, who has seen the exchange so far")
    return "; ".join(found[:2])


_SENIOR = (
    r"CEO|chief executive|managing director|MD|FD|finance director|CFO|COO|general manager|GM"
    r"|owner|founder|chair(?:man|woman|person)?|president|general counsel|GC|DPO|director"
)
# One name for each senior role, however it was typed.
_SAME_ROLE = {
    "fd": "finance director",
    "cfo": "finance director",
    "chief executive": "CEO",
    "ceo": "CEO",
    "md": "managing director",
    "gm": "general manager",
    "gc": "general counsel",
    "dpo": "DPO",
}
_SEEN = re.compile(
    rf"\b(?:cop(?:y|ies|ied|ying)|cc(?:'?d|s|ing)?)\s+(?:in\s+)?(?:(?:their|her|his|the)\s+)?"
    rf"(?P<r1>(?:{_SENIOR}))\b|\b(?:their|her|his)\s+(?P<r2>(?:{_SENIOR}))\s+(?:\w+\s+){{0,2}}?"
    rf"(?:copied|cc'?d|saw|has seen|had seen|read it|is in copy|was in copy)\b",
    re.I,
)
