"""An experimental learned tone layer: word n-grams weighed by logistic regression.

Not shipped (docs/tone-check.md, "A learned layer: what we tried"). Trained by
``scripts/train_tone.py`` on the labelled drafts in ``tests/tone_corpus/`` and, as clean
examples, on every draft the built-in playbooks' examples render; the weights are written to
the temp folder. Logistic regression over the word 1-3-grams of each sentence, with "you",
"your" and the like also read by side (``YOU team ignored`` against ``WE team ignored``).

A draft is read a few sentences at a time, as long as the drafts it learned from; when the
best stretch scores above the threshold, :func:`best` names its strongest sentence, the
category whose words it leans on, and the phrases that weigh most in it.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS_FILE = "tone-model.json"

_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n")
_YOU = frozenset(
    {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd"}
)
_WE = frozenset(
    {"we", "our", "ours", "us", "ourselves", "i", "my", "me", "mine", "we're", "we've", "we'll",
     "we'd", "i'm", "i've", "i'll", "i'd"}
)  # fmt: skip
# function words are not evidence alone (only inside a phrase): as single words they
# mostly measure a draft's length and style, and would make poor explanations
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "just",
        "also",
        "then",
        "than",
        "very",
        "too",
        "all",
        "any",
        "some",
        "each",
        "which",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "up",
        "out",
        "about",
        "into",
        "over",
        "after",
        "before",
        "again",
        "still",
        "now",
    ]
)
MIN_WORDS = 20  # shorter texts (a typed answer, one sentence) are left to the rules
_GATE = frozenset({"if", "unless", "until", "otherwise", "failing", "before", "by"})
_GREETING = re.compile(
    r"^\s*(hi|hello|dear|hey|good (morning|afternoon|evening))\b[^\n]{0,60}$", re.I
)
_SIGN_OFF = re.compile(
    r"^\s*(best|regards|kind regards|warm regards|best regards|many thanks|thanks|thank you|"
    r"cheers|yours( sincerely| faithfully| truly)?|sincerely|all the best|speak soon|talk soon)"
    r"\b[^\n]{0,30}$",
    re.I,
)


def body(text: str) -> str:
    """The draft without its greeting line and from its sign-off on (names are noise)."""
    lines = text.strip().splitlines()
    if lines and _GREETING.match(lines[0]):
        lines = lines[1:]
    for number, line in enumerate(lines):
        if number and _SIGN_OFF.match(line):
            lines = lines[:number]
            break
    return "\n".join(lines)


def sentences(text: str) -> list[str]:
    """The sentences of a text (cut at . ! ? and at blank lines)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


_SIDES = {word: "YOU" for word in _YOU} | {word: "WE" for word in _WE}


def _side(word: str) -> str:
    """The sentences of a text (cut at . ! ? and blank lines)."""
    if word in _YOU:
        return "YOU"
    if word in _WE:
        return "WE"
    return word


def sentence_features(sentence: str) -> dict[str, tuple[int, int]]:
    """Each feature of one sentence, with the span (first word, last word) that made it."""
    words = [m.group().replace("\u2019", "'") for m in _WORD.finditer(sentence.lower())]
    sides = [_side(word) for word in words]
    found: dict[str, tuple[int, int]] = {}
    for i, word in enumerate(words):
        if sides[i] not in _FUNCTION:
            found.setdefault("w:" + sides[i], (i, i))
        for size in (2, 3):
            if i + size <= len(words):
                found.setdefault("n:" + " ".join(sides[i : i + size]), (i, i + size - 1))
        if sides[i] != word and i + 1 < len(words):  # the pronoun as written, with its verb
            found.setdefault("p:" + word + " " + words[i + 1], (i, i + 1))
    has_you = "YOU" in sides
    gate = next((i for i, word in enumerate(words) if word in _GATE), None)
    if gate is not None and has_you:
        found.setdefault("x:gate+you", (gate, gate))
    return found


def feature_set(sentence: str) -> set[str]:
    """The features of one sentence, as ``sentence_features`` gives them, without spans."""
    words = [m.replace("\u2019", "'") for m in _WORD.findall(sentence.lower())]
    sides = [_SIDES.get(word, word) for word in words]
    out = {"w:" + side for side in sides if side not in _FUNCTION}
    bigrams = [a + " " + b for a, b in itertools.pairwise(sides)]
    out.update("n:" + pair for pair in bigrams)
    out.update("n:" + pair + " " + c for pair, c in zip(bigrams, sides[2:], strict=False))
    out.update(
        "p:" + word + " " + after
        for word, side, after in zip(words, sides, words[1:], strict=False)
        if side != word
    )
    if "w:YOU" in out and not _GATE.isdisjoint(words):
        out.add("x:gate+you")
    return out


def features(text: str) -> set[str]:
    """Every feature of a draft's body."""
    out: set[str] = set()
    for sentence in sentences(body(text)):
        out.update(feature_set(sentence))
    return out


def score(feats: set[str], model: dict[str, Any]) -> float:
    """The probability the model gives a text with these features of being flag-worthy."""
    weights: dict[str, float] = model["weights"]
    total = model["bias"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


WINDOW = 6  # sentences read together: drafts in the corpus run 2 to 8 sentences
_STEP = 3


def _windows(count: int) -> list[range]:
    """The model's probability that a draft with these features should be flagged."""
    if count <= WINDOW + 2:
        return [range(count)]
    return [range(lo, min(lo + WINDOW, count)) for lo in range(0, count - _STEP, _STEP)]


MODEL_PATH = Path(tempfile.gettempdir()) / WEIGHTS_FILE


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The weights ``train_tone.py train`` wrote ({} when there are none)."""
    try:
        loaded: dict[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded


def _content(phrase: str) -> bool:
    """A phrase worth naming: a word in it that is neither a function word nor a pronoun."""
    return any(
        w not in _FUNCTION and w not in _SIDES and w not in ("YOU", "WE") for w in phrase.split()
    )


def _weight_of_content(feats: set[str], weights: dict[str, float]) -> float:
    """What a sentence's own words add: positive weights of features that name a word."""
    return sum(w for f in feats if (w := weights.get(f, 0.0)) > 0 and _content(f.split(":", 1)[1]))


def best(text: str, model: dict[str, Any]) -> tuple[float, str, tuple[str, ...], str] | None:
    """The score, sentence, phrases and category of ``text``'s best stretch, if above the
    threshold."""
    if not model:
        return None
    weights: dict[str, float] = model["weights"]
    parts = sentences(body(text))
    if len(parts) < 2 or sum(len(_WORD.findall(part.lower())) for part in parts) < MIN_WORDS:
        return None
    per_sentence = [feature_set(s) for s in parts]
    spans = _windows(len(parts))
    value, at = max(
        (score(set().union(*(per_sentence[k] for k in span)), model), n)
        for n, span in enumerate(spans)
    )
    if value < model["threshold"]:
        return None
    top_sentence = max(spans[at], key=lambda k: _weight_of_content(per_sentence[k], weights))
    sentence = parts[top_sentence]
    raw = [m.group() for m in _WORD.finditer(sentence.lower())]
    ranked = sorted(
        ((weights.get(f, 0.0), f, where) for f, where in sentence_features(sentence).items()),
        reverse=True,
    )
    shown: list[str] = []
    for weight, _feature, (lo, hi) in ranked:
        if weight <= 0 or len(shown) == 3:
            break
        phrase = " ".join(raw[lo : hi + 1])
        if _content(phrase) and not any(phrase in o or o in phrase for o in shown):
            shown.append(phrase)
    categories: dict[str, dict[str, float]] = model.get("categories", {})
    category, lean = "", 0.0
    for name, leaning in sorted(categories.items()):
        total = sum(leaning.get(f, 0.0) for f in per_sentence[top_sentence])
        if total > lean:
            category, lean = name, total
    return value, sentence, tuple(shown), category


def explain(text: str, model: dict[str, Any]) -> tuple[float, str, tuple[str, ...], str] | None:
    """The best stretch of ``text`` under ``model`` when it scores above its threshold."""
    if "categories" not in model:
        model = {**model, "categories": {"tone": {}}}
    return best(text, model)
