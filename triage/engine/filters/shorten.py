"""Long answers shortened for a list, and lists joined into prose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from triage.engine.filters.text import _squash
from triage.engine.filters.words import _DANGLING, TITLES


def first_sentence(value: Any) -> str:
    """Filter ``first_sentence``: the text up to the end of its first sentence.

    ``"Talks failed. Take advice."`` gives ``"Talks failed."``; "e.g." or "3.5" do not end
    a sentence, because the next word must start with a capital letter.
    """
    text = _squash(value)
    found = _FIRST_SENTENCE.match(text)
    return found.group(1) if found else text


# Patterns the filters below use, compiled as the module loads, so that a run's kept
# regular expressions hold them (see triage/engine/regexpool.py).
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?=\s+[\"“(]?[A-Z])")
_NON_SPACE = re.compile(r"\S+")
_CUT_END = re.compile(r"[\s,;:(–—-]+$")

# Where a long text may be cut, best first: a sentence's end, then ";", then ":", " (" or a
# dash, then ",". Each pattern matches just before the cut.
_CUTS = (
    re.compile(r"[.!?](?=\s+[\"“(]?[A-Z0-9])"),
    re.compile(r";(?=\s)"),
    re.compile(r"(?::(?=\s)|(?=\s\()|(?=\s[–—-]\s))"),
    re.compile(r",(?=\s)"),
)


def brief(value: Any, words: Any = 25, last: Any = 0) -> str:
    """Filter ``brief(n)``: a long answer shortened to at most n words for a list, cut where
    the text allows (a sentence's end, else ";", ":", a bracket, else ","), as long as three
    quarters of the words are kept and no bracket is left open; else at a word, but not after
    "and", "the" and the like. "…" marks what was left out; text only a few words over n is
    kept whole.

    ``brief(n, last=m)`` keeps the whole sentences at the end that fit in m words too, after
    the "…": an account shortened that way keeps how it began and where it stands now.
    """
    text = _squash(value)
    for name, count in (("words", words), ("last", last)):
        if isinstance(count, bool) or not isinstance(count, int) or count < (name == "words"):
            raise ValueError(f"brief needs a whole number of {name}, not {count!r}")
    found = list(_NON_SPACE.finditer(text))
    if len(found) <= words + last + max(2, words // 5):  # a few words over: not worth a cut
        return text
    head = text[: found[words - 1].end()]
    ranked = [_cuts_outside_brackets(head, cut) for cut in _CUTS]
    most = found[words * 3 // 4].start()
    best = next((max(ends) for ends in ([e for e in r if e >= most] for r in ranked) if ends), None)
    if best is None and head.count("(") > head.count(")"):  # an earlier cut, outside brackets
        least = found[min(4, words - 1)].start()
        best = max((e for ends in ranked for e in ends if e >= least), default=None)
    if best is None:  # no cut in the text: at a word, but not after "and", "the", "with"...
        best = len(head)
        while (
            (bare := head[:best].rsplit(None, 1)) and len(bare) > 1 and bare[1].lower() in _DANGLING
        ):
            best = len(bare[0])
    shortened = _CUT_END.sub("", head[:best]).rstrip(".") + "…"
    starts = [m.end() for m in _CUTS[0].finditer(text) if m.end() > best]
    tail = next((text[s:].strip() for s in starts if len(text[s:].split()) <= last), "")
    return f"{shortened} {tail}" if tail else shortened


def _cuts_outside_brackets(text: str, cut: re.Pattern[str]) -> list[int]:
    """Where ``cut`` allows ``text`` to be cut, leaving no bracket open (and not after the
    full stop of "Dr." or "Prof.")."""
    ends = (m.end() if m.group(0) else m.start() for m in cut.finditer(text))
    return [
        e
        for e in ends
        if text[:e].count("(") <= text[:e].count(")")
        and not (text[e - 1] == "." and _title_before(text[: e - 1]))
    ]


def _title_before(text: str) -> bool:
    word = text.rsplit(None, 1)[-1] if text.strip() else ""
    return word.lower() in TITLES or len(word) == 1


def join_and(value: Any) -> str:
    """Filter ``join_and``: ``["a", "b", "c"]`` gives ``"a, b and c"``; empty items are dropped."""
    if value is None:
        return ""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return _squash(value)
    items = [text for item in value if item is not None and (text := _squash(item))]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
