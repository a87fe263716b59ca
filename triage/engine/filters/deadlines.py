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
