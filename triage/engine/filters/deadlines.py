"""A deadline named by where it comes from: the contract, the law, a regulator, their letter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# What each source of a deadline is called in a sentence ("before the ... of 7 December"),
# and as a word before "deadline" where the text names it in general ("a close ... deadline").
NAMES = {
    "contract": ("the contractual deadline", "contractual"),
    "statute": ("the statutory reporting deadline", "statutory"),
    "regulator": ("the regulator's deadline", "regulatory"),
    "letter": ("their letter's deadline", "formal"),
    "procedure": ("their procedure's deadline", "formal"),
    "court": ("the procedural deadline", "procedural"),
}
# Words in a clause that make it the source of a notice deadline.
_NOTICE_CLAUSE = re.compile(r"notice|notif|claim|indemn|terminat|cure|time[- ]bar", re.I)


def _flags(values: Mapping[str, Any]) -> set[str]:
    flags = values.get("red_flags") or []
    return {str(f) for f in flags} if isinstance(flags, list | tuple | set) else set()


def deadline_source(values: Mapping[str, Any]) -> str:
    """Where the case's notice deadline (``notice_deadline``) comes from: as answered to a
    question ``deadline_kind`` where the playbook asks one (a key of ``NAMES``), else as the
    answers tell it: 'court' (proceedings issued), 'procedure' (their own complaints procedure),
    'contract' (a notice to end the contract), 'letter' (their letter of claim sets it),
    'contract' (a clause listed about notices or claims, or a notice of ours), 'regulator' (a
    regulator already told), 'statute' (a data breach or a regulator not yet told: a
    reporting window set by law), else 'contract'; '' when there is no deadline. A date a
    regulator set beside a notice clause is told apart only by the question itself."""
    if not values.get("notice_deadline"):
        return ""
    typed = values.get("deadline_kind")  # a playbook may ask it outright
    if isinstance(typed, str) and typed in NAMES:
        return typed
    flags = _flags(values)
    if "proceedings" in flags:
        return "court"
    if values.get("complaint_procedure") or "complaint_procedure" in flags:
        return "procedure"
    # A notice to end the contract runs on the contract's own cure or notice period.
    if "termination_notice" in flags:
        return "contract"
    # Their letter of claim sets its own date, whatever the contract says about notices.
    if "letter_of_claim" in flags and values.get("formal_from") != "us":
        return "letter"
    clauses = values.get("clauses") or []
    for c in clauses if isinstance(clauses, list) else []:
        if isinstance(c, Mapping) and _NOTICE_CLAUSE.search(
            f"{c.get('ref', '')} {c.get('says', '')}"
        ):
            return "contract"
    if values.get("formal_from") == "us":
        return "contract"
    if flags & {"data_breach", "regulator"}:
        return "regulator" if values.get("regulator_told") else "statute"
    return "contract"


_CONTRACTUAL = re.compile(r"\b(?:(?P<the>the)\s+)?contractual\s+deadline\b", re.I)


def by_source(text: str, source: str) -> str:
    """``text`` with its words for "the contractual deadline" naming the deadline by its
    ``source`` instead (see :func:`deadline_source`): "before the contractual deadline of 7
    December" reads "before the statutory reporting deadline of 7 December" for a breach
    that must be reported by law. Text for a contractual deadline, or none, is kept."""
    if source in ("", "contract") or source not in NAMES:
        return text
    full, word = NAMES[source]

    def put(match: re.Match[str]) -> str:
        said = full if match.group("the") else f"{word} deadline"
        return said[:1].upper() + said[1:] if match.group(0)[:1].isupper() else said

    return _CONTRACTUAL.sub(put, text)


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_CLOCK = r"([01]?\d|2[0-3])[:.h]([0-5]\d)"


def cutoff_time(notes: Any, deadline: Any) -> str:
    """Filter ``notes | cutoff_time(deadline)``: the hour the notes give for the deadline day
    ("report by 9 Dec 17:00", "17:00 on 9 December", "9 December at 5pm" is not read), as
    "17:00"; '' when the notes give none. A report promised "by 9 December" when their notice
    says 17:00 is promised late."""
    day = getattr(deadline, "day", None)
    month = getattr(deadline, "month", None)
    if not day or not month:
        return ""
    text = " ".join(str(n) for n in notes) if isinstance(notes, list | tuple) else str(notes or "")
    name = _MONTHS[month - 1]
    mon = rf"(?:{name}|{name[:3]}\.?)"
    date = rf"\b{day}(?:st|nd|rd|th)?\s+{mon}(?:\s+\d{{4}})?"
    iso = rf"\b\d{{4}}-{month:02d}-{day:02d}"
    after = re.compile(rf"(?:{date}|{iso}),?\s*(?:at\s+|by\s+|before\s+)?{_CLOCK}\b", re.I)
    before = re.compile(
        rf"\b{_CLOCK}\s*(?:h\s+)?(?:on\s+)?(?:[A-Z][a-z]+day\s+)?(?:{date}|{iso})", re.I
    )
    found = after.search(text) or before.search(text)
    return f"{int(found.group(1)):02d}:{found.group(2)}" if found else ""
