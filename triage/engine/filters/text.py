"""Plain text helpers the other filter modules share: whitespace, marks, word sets."""

from __future__ import annotations

import re
from typing import Any

_QUOTES = "\"'“”‘’«»"
_CLOSERS = "\"'”’»)]"
_MARKS = ".!?…"


def _squash(value: Any) -> str:
    """Text with surrounding space trimmed and every run of whitespace made one space."""
    if value is None:
        return ""
    return " ".join((value if isinstance(value, str) else str(value)).split())


_CLAUSE_END = re.compile(r"(?<=[.!?])\s+|;\s*")


def _clauses(value: Any) -> list[str]:
    """The text cut into sentences and semicolon-separated clauses, trimmed, none empty."""
    return [part.strip() for part in _CLAUSE_END.split(_squash(value)) if part.strip()]


def _mark(run: str) -> str:
    """One terminal mark for a run such as ``..``, ``?.`` or ``!!``."""
    if "?" in run:
        return "?"
    if "!" in run:
        return "!"
    if "…" in run:
        return "…"
    return "..." if run.count(".") >= 3 else "."


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _inner_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:])
