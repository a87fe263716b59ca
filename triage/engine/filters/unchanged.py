"""A misunderstanding that our notes clear up: what they misread (our reminder of 2 December)
and what does not change (the contract renews on the same terms), as the notes say it, so
that the email says it plainly instead of "we have been reading it differently"."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["unchanged"]

_STAYS = re.compile(
    r"\bnothing\s+(?:is\s+|has\s+|will\s+)?(?:chang\w*|different)\b|\bno\s+changes?\b|"
    r"\bnot\s+(?:a\s+)?chang\w*|\bunchanged\b|\bsame\s+(?:terms|price|prices|rates?|"
    r"conditions|fees?|scope|contract)\b|\brenews?\s+(?:automatically|as\s+(?:before|usual|normal))\b|"
    r"\b(?:stays?|remains?)\s+(?:the\s+same|as\s+(?:it\s+is|before))\b",
    re.I,
)
_NOTHING = re.compile(
    r"^(?:but\s+|and\s+|so\s+)?nothing\s+(?:is\s+|has\s+|will\s+)?(?:chang\w*|different)"
    r"(?:\s+(?:for\s+them|at\s+all))?\s*(?:[,;:\-–—]\s*|$)",
    re.I,
)
_THING = re.compile(
    r"(?P<adj>\b(?:standard|automatic|automated|routine|usual|generic|annual|system)\s+)?"
    r"(?:[\"“'‘][^\"”’]{0,80}[\"”’]\s+)?"
    r"\b(?P<noun>renewal\s+(?:reminder|notice|letter|email)|reminder|notice|letter|email|"
    r"invoice|statement|price\s+list|mailing|newsletter)\b"
    r"(?P<rest>[^.;]{0,40}?\b(?:on|of|dated)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Z][a-z]+))?",
    re.I,
)
# Our side has not answered them yet ("Nobody on our side has replied yet").
_LATE = re.compile(
    r"\b(?:nobody|no\s+one)\s+(?:on\s+our\s+side|here|from\s+us|at\s+our\s+end)\b[^.]{0,20}?"
    r"\b(?:replied|answered|responded)\b|\b(?:we|I)\s+(?:have\s+not|haven'?t|did\s+not|didn'?t)\s+"
    r"(?:yet\s+)?(?:replied|answered|responded)\b",
    re.I,
)
_MONTHS = {
    m[:3].lower(): m
    for m in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
}


def _said(text: str) -> str:
    """A note's words as a clause to them: "contract renews automatically on same terms per §8"
    becomes "your contract renews automatically on the same terms under §8"."""
    text = re.sub(r"^(?:but|and|so)\s+", "", text.strip(" ,;:-"), flags=re.I)
    text = re.sub(r"^(?:the\s+)?contract\b", "your contract", text, flags=re.I)
    text = re.sub(r"\b(on|at|under)\s+same\b", r"\1 the same", text, flags=re.I)
    text = re.sub(r"\bper\s+(?=§|clause|section|art)", "under ", text, flags=re.I)
    text = re.sub(r"\bper\b", "under", text) if "§" in text else text
    text = re.sub(r"^same\b", "it is the same", text, flags=re.I)
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def unchanged(value: Any) -> dict[str, str]:
    """Filter ``what_happened | unchanged``: what our notes say stays as it is, when they say
    so ("Nothing is changing, contract renews automatically on same terms per §8"), as
    ``{'stays', 'thing', 'kind', 'late'}``: ``stays`` is the rest of that sentence said to them ("your
    contract renews automatically on the same terms under §8"), or '' when the notes say only
    that nothing changes; ``thing`` is what they misread, ours ("our reminder of 2 December"),
    or ''; ``kind`` is "standard" when the notes call it routine; ``late`` is "yes" when the
    notes say we have not answered them yet. ``{}`` when the notes do not
    say what stays the same: nothing is invented."""
    text = _squash(value)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]
    stays_sentence = next((s for s in sentences if _STAYS.search(s)), "")
    if not stays_sentence:
        return {}
    rest = _NOTHING.sub("", stays_sentence.rstrip(" ."))
    stays = (
        "" if rest == stays_sentence.rstrip(" .") and _NOTHING.match(rest + " ") else _said(rest)
    )
    thing, kind = "", ""
    for sentence in sentences:
        found = _THING.search(sentence)
        if not found or not re.search(r"\b(?:our|we|us)\b", sentence, re.I):
            continue
        noun = found.group("noun").lower()
        day = ""
        if found.group("day") and found.group("month")[:3].lower() in _MONTHS:
            day = f" of {int(found.group('day'))} {_MONTHS[found.group('month')[:3].lower()]}"
        thing = f"our {noun}{day}"
        kind = "standard" if found.group("adj") else ""
        break
    late = bool(_LATE.search(text))
    return {"stays": stays, "thing": thing, "kind": kind, "late": "yes" if late else ""}
