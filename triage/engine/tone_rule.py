"""The tone check's rules and what a check returns: :class:`ToneRule`, :class:`ToneWarning`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from triage.engine.tone_scan import _bounded, _regex
from triage.engine.tone_warning import ToneWarning

__all__ = ["ToneRule", "ToneWarning"]


@dataclass(frozen=True)
class ToneRule:
    """One tone rule as loaded from a rules file (word lists already filled in)."""

    id: str
    category: str
    pattern: str
    explanation: str
    suggestion: str
    source: str = ""
    unless_preceded_by: str = ""
    unless_followed_by: str = ""
    only_if_followed_by: str = ""
    unless_in_sentence: str = ""
    unless_in_paragraph: str = ""
    also_in_sentence: tuple[str, ...] = ()
    nearby_sentences: int = 0
    reading: str = ""  # a reading of each sentence (tone_clauses) instead of a pattern
    # the patterns as matched: whole words only (see _bounded)
    bounded: str = field(default="", repr=False, compare=False)
    also_bounded: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.bounded:
            object.__setattr__(self, "bounded", _bounded(self.pattern))
        if len(self.also_bounded) != len(self.also_in_sentence):
            object.__setattr__(self, "also_bounded", tuple(map(_bounded, self.also_in_sentence)))

    @property
    def contexts(self) -> tuple[str, str, str, str, str]:
        """The five context patterns, in the order of ``_CONTEXT_KEYS`` ('' when unset)."""
        return (
            self.unless_preceded_by,
            self.unless_followed_by,
            self.only_if_followed_by,
            self.unless_in_sentence,
            self.unless_in_paragraph,
        )

    @property
    def regex(self) -> re.Pattern[str]:
        """The pattern, compiled (ignoring case); compiled when first asked for."""
        return _regex(self.bounded)

    @property
    def context(self) -> tuple[re.Pattern[str] | None, ...]:
        return tuple(_regex(text) if text else None for text in self.contexts)

    @property
    def also(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_regex(cue) for cue in self.also_bounded)
