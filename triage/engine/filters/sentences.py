"""Answers set into prose: as a sentence, as a clause, as a shared goal."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.money import amounts
from triage.engine.filters.shorthand import typed_right
from triage.engine.filters.text import _CLOSERS, _MARKS, _inner_capital, _mark, _squash, _words
from triage.engine.filters.words import COMMON_WORDS, _ordinary, dictionary_word

# Patterns the filters below use, compiled as the module loads, so that a run's kept
# regular expressions hold them (see triage/engine/regexpool.py).
_OPENING_WORD = re.compile(r"^([\"'“‘(\[«]*)(\w+)")
_TRAILING_MARKS = re.compile(r"[\s,;:.!?…]+$")
_TRAILING_CLOSERS = re.compile(f"[{re.escape(_CLOSERS)}]+$")
_CLAUSE_END = re.compile(r"[\s.!?…;:,]+$")
_WORD = re.compile(r"\w+")
_NOT_ENDING = re.compile(r"['’]t\b")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def sentence(value: Any, currency: Any = None) -> str:
    """Filter ``sentence(currency)``: trimmed, one line, a capital first letter, one
    terminal mark.

    ``"  we missed the deadline.. "`` gives ``"We missed the deadline."``; a trailing
    ``,``, ``;`` or ``:`` becomes ``.``; a mark inside closing quotes stays there. With
    ``currency`` (optional, a code such as "EUR"), a bare amount gets it: see ``amounts``.
    """
    text = typed_right(amounts(_squash(value), currency))
    if not any(ch.isalnum() for ch in text):
        return ""
    first = _OPENING_WORD.match(text)
    if first and first.group(2)[0].islower() and not _inner_capital(first.group(2)):
        at = first.start(2)
        text = text[:at] + text[at].upper() + text[at + 1 :]
    tail = _TRAILING_MARKS.search(text)
    if tail and any(ch in _MARKS for ch in tail.group(0)):
        return text[: tail.start()] + _mark(tail.group(0))
    core = text[: tail.start()] if tail else text
    closers = _TRAILING_CLOSERS.search(core)
    if closers:
        inner = core[: closers.start()]
        inside = _TRAILING_MARKS.search(inner)
        if inside and any(ch in _MARKS for ch in inside.group(0)):
            return inner[: inside.start()] + _mark(inside.group(0)) + closers.group(0)
    return core + "."


def clause(value: Any, currency: Any = None) -> str:
    """Filter ``clause(currency)``: an answer for the middle of a sentence.

    Trimmed, one line, without a trailing ``.``, ``!``, ``?``, ``;``, ``:`` or ``,``;
    the first letter is lowercased only when the first word is an ordinary word
    written with a capital (``The``, ``Late``), never a name or an acronym (``Q3``).
    With ``currency`` (optional, a code such as "EUR"), a bare amount gets it: "pay
    invoice 0419 (1,140)" gives "pay invoice 0419 (€1,140)", and ``labels.amount_at_stake |
    clause(currency)`` the amount at stake as the reader expects it ("SGD 41,300").
    """
    text = _CLAUSE_END.sub("", typed_right(amounts(_squash(value), currency)))
    if not any(ch.isalnum() for ch in text):
        return ""
    first = _WORD.match(text)
    if first is None:
        return text
    word = first.group(0)
    rest = text[first.end() :]
    capitalised = word.isalpha() and word[0].isupper() and not _inner_capital(word)
    contraction = word.endswith("n") and _NOT_ENDING.match(rest) is not None  # Didn't
    # a name of several capitalised words ("New York", "Partnership Board") keeps its case
    named = _CAPITAL_NEXT.match(rest) is not None and word.lower() not in COMMON_WORDS
    # "Exposure of patient results" after "the": a word of the language, with its capital
    # only because it opened the answer ("ordinary" covers the words of a title; a word with
    # an ending only ordinary words have counts too, when no capitalised word follows it).
    everyday = _ordinary(word) or (dictionary_word(word) and _CAPITAL_NEXT.match(rest) is None)
    if capitalised and ((everyday and not named) or contraction):
        return text[0].lower() + text[1:]
    return text


# First words that make a goal a sentence of its own ("We both want...", "Both teams...").
SUBJECTS = _words(
    """
    we both our i let let's it you they this together everyone each neither either
    """
)


def goal(value: Any) -> str:
    """Filter ``goal``: a shared goal as a sentence, whether typed as one or as a phrase.

    ``"We both want payroll on time"`` gives ``"We both want payroll on time."``;
    ``"Payroll that runs on time"`` gives ``"What we both want is payroll that runs on
    time."``, and a name keeps its capital (``"Acme Retail growing in the north"``).
    """
    text = clause(value)
    if not text:
        return ""
    words = text.split()
    first = words[0].strip("'’\"“(").lower()
    if first in SUBJECTS:
        return sentence(value)
    word = words[0]
    name_like = len(words) > 1 and words[1][:1].isupper()
    month = word.lower() in _MONTH_NAMES
    if word.isalpha() and word[0].isupper() and not _inner_capital(word) and not name_like:
        text = text if month else text[0].lower() + text[1:]
    if first in _GOAL_VERBS and len(words) > 1:  # "grow fleet telematics together"
        return f"We both want to {text}."
    return f"What we both want is {text}."


_MONTH_NAMES = _words(
    """
    january february march april may june july august september october november december
    """
)

# Verbs a goal typed as an action opens with: "grow sales in the north", "keep the line running".
_GOAL_VERBS = _words(
    """
    grow keep get deliver finish launch build make reach ship stay avoid restore win agree
    run open hit fix protect save sell go bring complete expand increase reduce cut serve
    renew extend continue work move return recover rebuild repair settle close end part
    """
)
