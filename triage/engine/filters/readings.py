"""Which of the clauses typed in a dispute the other side actually reads differently.

A manager fills "their reading" for every clause, and often what they type there is no
reading at all: "Accepted, asking for time", "Not discussed", "Agree", "n/a". Counting those as
a second reading sends a debt they accept down the route of a contract read two ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

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
