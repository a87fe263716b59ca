"""What a tone check returns: :class:`ToneWarning`. A module of its own, so that findings
kept between runs (:mod:`triage.engine.tone_units`) are made again without loading the
check or its rules."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ToneWarning"]


@dataclass(frozen=True)
class ToneWarning:
    """A phrase in a text that a rule flagged. ``line`` and ``column`` are 1-based.

    For a rule of cues (``also_in_sentence``), ``matched`` runs from the first cue to the
    last, and ``cues`` gives each cue's words as written, in reading order.
    """

    line: int
    column: int
    matched: str
    category: str
    explanation: str
    suggestion: str
    rule: str = ""
    cues: tuple[str, ...] = ()

    def __str__(self) -> str:
        return (
            f'{self.line}:{self.column}: {self.category}: "{self.matched}" - '
            f"{self.explanation} Try: {self.suggestion}"
        )
