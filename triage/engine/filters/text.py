"""Plain text helpers the other filter modules share: whitespace, marks, word sets."""

from __future__ import annotations

from typing import Any

_QUOTES = "\"'“”‘’«»"
_CLOSERS = "\"'”’»)]"
_MARKS = ".!?…"


def _squash(value: Any) -> str:
    """Text with surrounding space trimmed and every run of whitespace made one space."""
    if value is None:
        return ""
    return " ".join((value if isinstance(value, str) else str(value)).split())


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
