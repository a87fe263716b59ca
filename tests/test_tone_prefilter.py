"""The tone scan's prefilter: a pattern whose required words a text lacks is neither compiled
nor scanned. It must find exactly what scanning every pattern ignoring case finds, for the
packaged rules on the whole labelled corpus and for patterns written to trip it up."""

from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path

import pytest

from triage.engine import tone, tone_check, tone_scan

CORPUS = Path(__file__).parent / "tone_corpus"


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.toml")):
        texts += [d["text"] for d in tomllib.loads(path.read_text(encoding="utf-8"))["draft"]]
    return texts


def _full(pattern: str, flat: str) -> list[tuple[int, int]]:
    """Every match, as scanning the text itself ignoring case finds them: no shortcut."""
    return [m.span() for m in re.compile(pattern, re.IGNORECASE).finditer(flat)]


def _quick(pattern: str, flat: str) -> list[tuple[int, int]]:
    """What the check scans: lowered text when its letters allow it, in pieces when long."""
    lowered = flat.translate(tone_scan._ASCII_LOWER)
    if not tone_check._caseless_beyond_ascii(flat):
        return tone_scan._scan(pattern, flat, None)
    pieces = tone_scan._Pieces(lowered) if len(lowered) > tone_scan._PIECES_FROM else None
    return tone_scan._scan(pattern, flat, lowered, pieces)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    drafts = _corpus_texts()
    texts = [" ".join(t.split()) for t in drafts]
    texts += [t.upper() for t in texts[::9]] + [t.swapcase() for t in texts[4::9]]
    texts += [" ".join(drafts[i : i + 30]) for i in range(0, len(drafts), 30)]  # long: pieces
    return texts


def test_every_packaged_rule_finds_what_a_full_scan_finds(texts: list[str]):
    rules = [r for r in tone.load_rules() if not r.reading]
    ruled_out = 0
    for rule in rules:
        for flat in texts:
            quick = _quick(rule.bounded, flat)
            assert quick == _full(rule.bounded, flat), (rule.id, flat[:80])
            needs = tone_scan._requirements(rule.bounded)
            if needs and not tone_scan._may_match(needs, flat.translate(tone_scan._ASCII_LOWER)):
                ruled_out += 1
    assert ruled_out > len(texts) * len(rules) // 2, "the prefilter rules out little"


def test_the_checks_findings_are_the_same_without_the_prefilter(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
):
    rules, _problem = tone.configured_rules()
    sample = texts[::3]
    with_prefilter = [tone.check_text(t, rules) for t in sample]
    monkeypatch.setattr(tone_scan, "_requirements", lambda pattern: ())
    assert [tone.check_text(t, rules) for t in sample] == with_prefilter


# Patterns written to trip a derivation of required words up: optional parts, look-arounds,
# classes, repeats that may be skipped, nested and empty alternatives, case-sensitive parts,
# escapes, back-references and flags. Each with texts where it does and does not match.
_TRICKY = [
    r"you (?:simply )?(?:ignored|failed)(?: us| me)?",
    r"(?:never|not once) (?:replied|answered)|you always (?:\w+ ){0,2}?forget",
    r"(?:our|my)(?: \w+){0,2}? (?:lawyers?|solicitors?)(?! said)",
    r"(?<!thank )you(?! know)(?:'ve)? (?:let|left) us (?:down|hanging)",
    r"(?:a|b|)c?d*threat",
    r"(?:x|yz)+ (?:again)+",
    r"(?:(?:very|really) )*(?:poor|bad) (?:service|work)",
    r"[Yy]ou (?-i:FAILED)|(?-i:Kevin) from your (?:\w+ )?team",
    r"\bwe (?:will|shall)\b (?:have to )?(?:escalate|sue)",
    r"(\w+) and \1 again",
    r"(?:e\.g\.|i\.e\.) (?:as|per) (?:agreed|discussed)[.!?]",
    r"caf\u00e9 (?:closed|shut)|\x59OU (?:lied|cheated)",
    r"(?i:KEEP) (?:calm|quiet)|per my (?:last|previous) (?:e-?mail|message)",
    r"(?:(?:one|two)|(?:three|four) more) (?:chance|time)s?",
    r"(?>final|last) (?:warning|notice)",
    r"(?:deadline|due date)(?: (?:is|was))?(?= (?:today|tomorrow))",
]

_SENTENCE = (
    "you simply ignored us you failed me never replied not once answered you always just "
    "forget our lawyers my own solicitors said thank you let us down you've left us hanging "
    "cd threat adthreat x yz again again very really poor bad service work You FAILED you "
    "failed YOU FAILED Kevin kevin from your IT team we will escalate we shall sue have to "
    "this and this again e.g. as agreed. i.e. per discussed! café closed CAFÉ SHUT YOU lied "
    "you cheated keep calm KEEP quiet per my last email previous message one chance two "
    "times three more chances final warning last notice deadline is today due date tomorrow"
)
_WORDS = _SENTENCE.split()


def test_tricky_patterns_find_what_a_full_scan_finds():
    random.seed(11)
    texts = [
        " ".join(random.choice(_WORDS) for _ in range(random.randint(2, 60))) for _ in range(400)
    ]
    texts += [t.upper() for t in texts[:50]] + [t.title() for t in texts[50:100]]
    texts += [" ".join(_WORDS), " ".join(_WORDS).upper(), "", "you", "Y"]
    for pattern in _TRICKY:
        bounded = tone_scan._bounded(pattern)
        for flat in texts:
            assert _quick(bounded, flat) == _full(bounded, flat), (pattern, flat)
        # and where it is meant to match, it does
        assert any(_full(bounded, flat) for flat in texts), pattern


def test_a_rule_that_needs_several_words_is_ruled_out_by_any_one_missing():
    bounded = tone_scan._bounded(r"you (?:simply )?(?:ignored|failed) (?:our|my) (?:calls|emails)")
    needs = tone_scan._requirements(bounded)
    assert needs, "a plain rule of words has words to look for"
    assert tone_scan._may_match(needs, "you simply failed my calls")
    for missing in ("simply failed my calls", "you did not call", "you failed to ring"):
        assert not tone_scan._may_match(needs, missing)
        assert tone_scan._scan(bounded, missing, missing) == []


def test_the_anchors_a_text_holds_are_found_at_once_exactly(texts: list[str]):
    """A rule is skipped when its text holds none of its anchors: the index that finds
    which anchors a text holds must find exactly those a search for each one finds."""
    from triage.engine import tone_structures
    from triage.engine.tone_pieces import PieceIndex

    rules = [r for r in tone.load_rules() if not r.reading]
    anchors = {a for rule in rules for a in tone_scan._anchors(rule.bounded)}
    anchors |= {p for found in tone_structures._pieces().values() for p in found}
    anchors |= {"", "a", "?", "é", "ab", "abc", "you ", " us", "\n\n"}
    index = PieceIndex(sorted(anchors))
    odd = ["", "a", "é", "ab", "b a", "you us", "x\n\ny", "?!"]
    for text in [*odd, *(t.translate(tone_scan._ASCII_LOWER) for t in texts)]:
        assert index.held(text) == {a for a in anchors if a in text}, text[:80]
