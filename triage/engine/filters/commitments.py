"""What we have agreed to do for them, read from the dated actions before a draft names it.

The actions a manager types mix steps the other side will see (a report sent to them, a
visit, a rollback) with our own preparation (counsel reviews the notice, the director
approves the credit, the notice itself once it is checked). A draft names only the first
kind, each with its owner and date, so that the reader sees what is coming and by when; a
formal step still waiting on its checks is never performed or announced early by the draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.people import person
from triage.engine.filters.sentences import clause
from triage.engine.filters.text import _squash
from triage.engine.filters.voice import first_person

__all__ = ["approved_offer", "deliverables", "pending_step"]

# Our own preparation, never shown to them as a commitment: legal checks, sign-offs, briefings,
# and the formal step those checks come before.
_INTERNAL = re.compile(
    r"\b(?:counsel|lawyers?|solicitors?|advok[aá]t|attorneys?|legal|approv\w*|sign(?:s|ed)?[- ]?off|"
    r"brief\w*|internal(?:ly)?|notice|mandate|budget|insurers?|decide\w*|offer|prepare\w*|"
    r"gather\w*|collect\w*|draft\w*|align\w*|one\s+(?:message|voice|line)|"
    r"between\s+(?:our\s+)?(?:sales|finance|legal|ops|operations|support|delivery|product)\b|"
    # What we do if they do not pay or answer, and steps about our own people or our records:
    # ours to know, and a threat or an internal matter when read by them.
    r"formal\s+(?:demand|letter|reminder)|demand\s+letter|wezwani\w*|mahnung|mise\s+en\s+demeure|"
    r"collection|debt\s+collect\w*|odsetk\w*|interest|courts?|proceedings|escalat\w*|"
    r"if\s+(?:not|no|they\s+(?:do\s+not|don'?t))|unless|otherwise|preserve\w*|"
    r"do(?:n'?t|\s+not)\s+delete|HR|disciplin\w*)\b",
    re.I,
)
# A note to ourselves inside an action: "(Samira reviews it first)".
_ASIDE = re.compile(
    r"\s*\((?:[^()]*\b(?:review|reviews|check|checks|approv\w*|first|internal)\b[^()]*)\)"
)
# A thing to be sent, typed as done ("written cure plan sent"), and a role in brackets.
_SENT = re.compile(r"^(.+?)\s+sent$", re.I)
_ROLE = re.compile(r"\(([^()]+)\)\s*$")
# An approved offer typed as an action: "offer approved: 20% off fees ... . CFO signs off".
_OFFER = re.compile(
    r"^\s*(?:our\s+)?offer(?:\s+(?:approved|agreed|signed off))?\s*[:\-–]\s*(.+)$", re.I
)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _rows(*lists: Any) -> list[Mapping[str, Any]]:
    rows: list[Mapping[str, Any]] = []
    for value in lists:
        rows += [row for row in value or [] if isinstance(row, Mapping)]
    return rows


def _done(row: Mapping[str, Any]) -> bool:
    return _squash(row.get("status")).lower() in {"done", "dropped", "cancelled"}


def deliverables(
    actions: Any,
    steps: Any = None,
    signer: Any = "",
    reader: Any = "",
    today: Any = None,
    currency: Any = "",
) -> list[dict[str, Any]]:
    """Filter ``deliverables(steps, signer, reader, today, currency)``: the dated actions and
    change steps the other side will see, earliest first, each as ``what`` (in the signer's
    voice, the reader as "you", asides to ourselves left out), ``who`` ("me" for the signer,
    else the owner as typed) and ``due``. Preparation on our side (counsel, approvals,
    briefings, a notice still to be checked, the offer's sign-off) is left out."""
    start = _date(today)
    me = person(signer).lower()
    found = []
    for row in _rows(actions, steps):
        what = _squash(row.get("what"))
        due = _date(row.get("due"))
        if not what or due is None or _done(row) or (start and due < start):
            continue
        if _INTERNAL.search(what):
            continue
        text = _SENT.sub(r"\1, sent to you", _ASIDE.sub("", what).strip(" .;"))
        text = first_person(clause(text, currency), _squash(signer), _squash(reader))
        owner = _squash(row.get("owner"))
        named = person(owner)
        role = _ROLE.search(owner)
        if owner and me and named.lower() == me:
            who = ""
        elif named[:1].isupper() and re.search(rf"\b{re.escape(named.split()[0])}\b", text):
            who = ""  # the text already names them ("Youssef's apology note to Javier")
        elif named and role:
            who = f"{named}, {clause(role.group(1), currency)}"
        else:
            who = clause(owner, currency)
        plan = bool(re.search(r"\bplan\b", text, re.I))
        found.append({"what": text[:1].upper() + text[1:], "who": who, "due": due, "plan": plan})
    return sorted(found, key=lambda item: item["due"])


def pending_step(actions: Any, word: Any, today: Any = None) -> dict[str, Any] | None:
    """Filter ``pending_step(word, today)``: the first action not yet done whose text names
    ``word`` ("notice"), with its ``due`` date on or after today, else none: a formal step the
    case schedules for later (the last such action: the step itself, after its checks), which
    a draft sent now must not perform."""
    start = _date(today)
    pattern = re.compile(rf"\b{re.escape(_squash(word))}", re.I)
    found: dict[str, Any] | None = None
    for row in _rows(actions):
        due = _date(row.get("due"))
        if _done(row) or due is None or (start and due < start):
            continue
        if pattern.search(_squash(row.get("what"))) and (found is None or due >= found["due"]):
            found = {
                "what": _squash(row.get("what")),
                "owner": _squash(row.get("owner")),
                "due": due,
            }
    return found


def approved_offer(actions: Any, currency: Any = "") -> str:
    """Filter ``approved_offer(currency)``: the offer typed as an approved action ("offer
    approved: 20% off fees Oct-Dec + 2 chillers at cost. CFO signs off"), its terms only and
    without the sign-off note after them, else ''."""
    for row in _rows(actions):
        if _done(row):
            continue
        match = _OFFER.match(_squash(row.get("what")))
        if match:
            terms = re.split(r"\.\s+(?=[A-Z])", match.group(1))[0].strip(" .;")
            terms = re.sub(r"\s+\+\s+", " and ", terms).replace("~", "about ")
            return clause(terms, currency)
    return ""
