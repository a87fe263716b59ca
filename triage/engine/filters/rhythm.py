"""A regular update the manager already typed as a step, so the playbook's own is not added."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["typed_rhythm"]

# "Weekly status with risks in red, sent Fridays", "progress update every Monday",
# "fortnightly update to their ops lead": a status that recurs, in one step's words.
_RHYTHM = re.compile(
    r"\b(?:weekly|fortnightly|monthly|daily|every\s+\w+|each\s+(?:week|month)|"
    r"(?:mon|tues|wednes|thurs|fri)days)\b"
)
_UPDATE = re.compile(r"\b(?:status|progress|updates?|report)\b")


def typed_rhythm(*lists: Any) -> bool:
    """Filter ``typed_rhythm``: whether one step typed in any of the lists (rows with a
    ``what``) is a regular status or progress update to them, which stands for the playbook's
    "send progress updates" row."""
    for rows in lists:
        for row in rows or []:
            what = str(row.get("what") or "") if isinstance(row, Mapping) else ""
            text = what.lower()
            if _RHYTHM.search(text) and _UPDATE.search(text):
                return True
    return False
