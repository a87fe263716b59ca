"""Shorthand from our own notes, spelt out in the words a letter to the other side uses."""

from __future__ import annotations

import re

# Each shorthand and its words, chosen so that the meaning never changes: "no PO number = no
# work" reads "no PO number means no work", "sign-off -> release" "sign-off, then release".
# "&" and "+" join words in small letters only, so a name ("Kite & Co", "M&S") is kept.
_LETTER_FORMS = (
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\bw/(?=\s|$)", re.I), "with"),
    (re.compile(r"\bb/c\b", re.I), "because"),
    (re.compile(r"\basap\b", re.I), "as soon as possible"),
    (re.compile(r"\bthru\b", re.I), "through"),
    (re.compile(r"\bpls\b|\bplz\b", re.I), "please"),
    (re.compile(r"\bapprox\.?(?=\s)", re.I), "about"),
    (re.compile(r"\bincl\.?(?=\s)", re.I), "including"),
    (re.compile(r"\bre:\s*", re.I), "about "),
    (re.compile(r"(?<=\w)\s*(?:->|=>|→)\s*(?:then\s+)?(?=\w)", re.I), ", then "),
    (re.compile(r"^\s*(?:->|=>|→)\s*"), ""),
    (re.compile(r"(?<![\d\s])\s+=\s+(?![\d\s])"), " means "),
    (re.compile(r"(?<=[a-z]) (?:&|\+) (?=[a-z])"), " and "),
)


def spell_out(text: str) -> str:
    """``text`` with the shorthand of a note to ourselves ("w/", "asap", "->", "=", "&")
    in the words a letter uses."""
    for pattern, instead in _LETTER_FORMS:
        text = pattern.sub(instead, text)
    return text
