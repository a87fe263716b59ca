"""The suggestion shown with a finding, made from the flagged sentence itself.

A rule's ``suggestion`` is advice, often followed by an example rewrite from some other
dispute ("... and ask for the fix: \"The floor plan issued on 3 May was ...\""). Shown beside
a draft about payroll, that example reads as unrelated, so a finding shows the advice and,
where the flagged words are a clause of their own at the start or the end of the sentence,
the sentence without them ("Per my last three emails, the variation is still outstanding."
gives "The variation is still outstanding."). Otherwise the advice alone is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["advice", "suggestion_for"]

# an example after the advice: ': "..."' (or ', e.g. "..."') running to the end
_EXAMPLE = re.compile(r'(?:[:,;]| e\.g\.| such as| like| for example)?\s*"[^"]*"\.?\s*$')
# an example sentence inside the advice (a short quoted phrase, like "on three occasions in
# March", is a way of wording and stays)
_INNER_EXAMPLE = re.compile(r'\s*(?:[:,]\s*)?(\()?"([^"]+)"(?(1)\))')
_EXAMPLE_WORDS = 7
_CLAUSE_END = re.compile(r"[,;]\s*(?:(?:and|but|so|or|then)\s+)?$")  # not ":", which announces them
_CLAUSE_START = re.compile(r"^\s*(?:[,;:]|\s-\s)\s*")
_TAIL = re.compile(r"[\s,;:-]*(?:\b(?:and|but|so|or|then)\b)?[\s,;:-]*$")
_MIN_WORDS = 4
# words that open a clause which cannot stand as a sentence of its own
_DEPENDENT = re.compile(
    r"^(?:and|but|so|or|then|who|whom|whose|which|that|because|since|as|if|unless|until|when|"
    r"whenever|while|whereas|where|though|although|should|had|were|whether|once|after|before|"
    r"to|in case|even|also|no matter|with|without|in|for|from|by|on|at|about|into|over|under|"
    r"during|like)\b",
    re.IGNORECASE,
)


def advice(suggestion: str) -> str:
    """The advice of a rule's suggestion, without the example sentences in quotes that were
    written for some other dispute."""
    text = suggestion.strip()
    cut = _EXAMPLE.search(text)
    if (
        cut is not None
        and len(cut.group().split()) >= _EXAMPLE_WORDS
        and text[: cut.start()].rstrip(" ,;:")
    ):
        text = text[: cut.start()].rstrip(" ,;:")
    inner = _INNER_EXAMPLE.sub(
        lambda m: m.group() if len(m.group(2).split()) < _EXAMPLE_WORDS else "", text
    ).strip()
    text = inner or text
    return text if text.endswith((".", "!", "?")) else text + "."


def _as_sentence(text: str, end: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else end)


def _without(sentence: str, matched: str) -> str | None:
    """``sentence`` without ``matched``, when ``matched`` is a whole clause at its start or its
    end and enough of a sentence is left; otherwise None."""
    sentence = sentence.strip()
    at = sentence.lower().find(matched.lower())
    if at < 0 or not matched.strip():
        return None
    before, after = sentence[:at], sentence[at + len(matched) :]
    end = "?" if sentence.endswith("?") else "."
    if not before.strip():  # the flagged words open the sentence
        rest = _CLAUSE_START.match(after)
        if rest is None:
            return None
        left = after[rest.end() :]
    elif not after.strip(" .!?\"'"):  # ... or close it
        if _CLAUSE_END.search(before) is None:
            return None
        left = _TAIL.sub("", before)
        end = "."  # the question, if any, went with the flagged words
    else:
        return None
    left = left.strip()
    if len(left.split()) < _MIN_WORDS or _DEPENDENT.match(left):
        return None
    return _as_sentence(left, end)


def suggestion_for(
    suggestion: str, sentence: str, matched: str, clean: Callable[[str], bool] | None = None
) -> str:
    """What a finding shows as its suggestion: the rule's advice, and the flagged sentence
    rewritten without the flagged words when that leaves a sentence of its own (and, given
    ``clean``, one that ``clean`` passes: a rewrite that is still flagged is not shown)."""
    said = advice(suggestion)
    rewrite = _without(sentence, matched)
    if rewrite is None or (clean is not None and not clean(rewrite)):
        return said
    return f'{said} Without the flagged words: "{rewrite}"'
