"""A headless run keeps what the tone check found in each paragraph, under a digest, for the
next run of the same playbook: only while the rules files and the check's code are the same,
and never the text itself (a finding is kept as offsets into its paragraph and its rule's
own words). Until this round only a clean text was noted, so a text with findings was read
on every run; now its paragraphs are not read again either (tests/test_tone_units.py checks
that what is made again is exactly what the check finds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.engine import codecache, tone_check, tone_units
from triage.engine.tone_load import load_rules

CLEAN = "Hi Jo,\n\nThanks for the call; the Harbour Street pallets arrive on Tuesday.\n"
SHARP = "Hi Jo,\n\nYour team ignored four reminders, as usual.\n"
RUN = "run\0tone-kept"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    return folder


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = tone_check._check_text

    def counting(text, rules):
        seen.append(text)
        return real(text, rules)

    monkeypatch.setattr(tone_check, "_check_text", counting)
    return seen


def _paragraphs(text: str) -> list[str]:
    return [text[start:end] for start, end in tone_units.paragraphs(text)]


def _read_again(seen: list[str], text: str) -> bool:
    """Whether every paragraph of ``text`` was read (the check reads them one by one)."""
    return all(paragraph in seen for paragraph in _paragraphs(text))


def test_a_second_run_does_not_read_a_clean_text_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = load_rules()
    with codecache.bundle(RUN):
        assert tone_check.check_text(CLEAN, rules) == []
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        assert tone_check.check_text(CLEAN, rules) == []
    assert seen == []


def test_a_text_with_findings_is_not_read_again_and_its_words_are_never_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = load_rules()
    with codecache.bundle(RUN):
        first = tone_check.check_text(SHARP, rules)
        tone_check.check_text(CLEAN, rules)
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        assert tone_check.check_text(SHARP, rules) == first != []
    assert seen == []
    for entry in cache.iterdir():
        data = entry.read_bytes()
        assert b"Harbour Street" not in data and b"four reminders" not in data, entry.name


def test_other_rules_read_the_text_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    team = tmp_path / "team.toml"
    team.write_text('[[rules]]\nid = "every-time"\nenabled = false\n', encoding="utf-8")
    with codecache.bundle(RUN):
        tone_check.check_text(CLEAN, load_rules())
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        tone_check.check_text(CLEAN, load_rules(extra=[team]))
    assert _read_again(seen, CLEAN)


def test_a_rules_list_changed_by_hand_is_never_answered_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = load_rules()
    with codecache.bundle(RUN):
        tone_check.check_text(CLEAN, rules)
    mine = [rule for rule in rules if rule.category != "blame"]
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        tone_check.check_text(CLEAN, mine)
    assert _read_again(seen, CLEAN)


def test_outside_a_run_nothing_is_kept(cache: Path, monkeypatch: pytest.MonkeyPatch):
    rules = load_rules()
    tone_check.check_text(CLEAN, rules)
    seen = _counted(monkeypatch)
    tone_check.check_text(CLEAN, rules)
    assert _read_again(seen, CLEAN)
