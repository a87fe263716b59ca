"""Which of the clauses typed in a dispute the other side actually reads differently.

A manager fills "their reading" for every clause, and often what they type there is no
reading at all: "Accepted, asking for time", "Not discussed", "Agree", "n/a". Counting those as
a second reading sends a debt they accept down the route of a contract read two ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from triage.engine.filters.words import _ordinary

# What they typed says they accept our reading, or have none.
_NO_OTHER_READING = re.compile(
    r"^\s*(?:(?:they|the (?:client|customer|supplier|partner|buyer)|their \w+|[A-Z][\w'-]+)"
    r"\s+(?:have\s+|has\s+)?)?(?:accept\w*|agree\w*|acknowledg\w*|confirm\w*|admit\w*|"
    r"not (?:disputed|contested|challenged|in dispute|discussed|raised|stated|known|clear|yet "
    r"known|mentioned)|no (?:dispute|view|objection|position|comment|reading|answer)\b|"
    r"(?:the )?same\b|n/?a\b|none\b|unknown\b|not sure\b|don'?t know\b|[-\u2013\u2014?.]+\s*$)",
    re.I,
)


def contested(clauses: Iterable[Mapping[str, Any]] | None) -> list[Mapping[str, Any]]:
    """The clauses whose ``their_reading`` is a reading of their own, not an acceptance of
    ours or a blank typed as words."""
    out = []
    for clause in clauses or ():
        reading = str(clause.get("their_reading") or "").strip()
        if reading and not _NO_OTHER_READING.match(reading):
            out.append(clause)
    return out


_FIGURE = re.compile(r"(?:[+-]?\d[\d.,]*\s?%|\b[A-Z]{3}\s?\d[\d,.]*|[€£$¥]\s?\d[\d,.]*)")


def clause_plainly(clause: Any) -> str:
    """Filter ``clause_plainly``: what a clause in question says, with the figure our reading
    of it gives, for a misunderstanding to state plainly: {"ref": "Clause 6.3", "says": "Fees
    are adjusted each 1 January by the SSB CPI change", "our_reading": "Automatic, no new
    terms, +3.4% for 2027"} gives "under clause 6.3, fees are adjusted each 1 January by the
    SSB CPI change: +3.4% for 2027"; '' without a reference or its wording."""
    if not isinstance(clause, Mapping):
        return ""
    ref = " ".join(str(clause.get("ref") or "").split())
    says = " ".join(str(clause.get("says") or "").split()).rstrip(" .;")
    if not ref or not says:
        return ""
    ref = (
        ("clause " + ref)
        if ref[:1].isdigit()
        else (ref[:1].lower() + ref[1:])
        if ref.split()[0].lower() in {"clause", "section", "article", "schedule", "annex"}
        else ref
    )
    first = says.split()[0]
    says = says[:1].lower() + says[1:] if first == "A" or _ordinary(first) else says
    figure = ""
    for part in re.split(r"[,;]", str(clause.get("our_reading") or "")):
        if _FIGURE.search(part):
            figure = " ".join(part.split()).rstrip(" .")
            break
    return f"{ref} reads: {says}" + (f"; that is {figure}" if figure and figure not in says else "")
