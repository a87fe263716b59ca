"""A headless run notes the texts the tone check found clean, by a digest, for the next run
of the same playbook: only while the rules files and the check's code are the same, never
a text with findings, and never the text itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.engine import codecache, tone_check
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


def test_a_second_run_does_not_read_a_clean_text_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = load_rules()
    with codecache.bundle(RUN):
        assert tone_check.check_text(CLEAN, rules) == []
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        assert tone_check.check_text(CLEAN, rules) == []
    assert CLEAN not in seen


def test_a_text_with_findings_is_read_every_run_and_never_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = load_rules()
    with codecache.bundle(RUN):
        first = tone_check.check_text(SHARP, rules)
        tone_check.check_text(CLEAN, rules)
    seen = _counted(monkeypatch)
    with codecache.bundle(RUN):
        assert tone_check.check_text(SHARP, rules) == first != []
    assert SHARP in seen
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
    assert CLEAN in seen


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
    assert CLEAN in seen


def test_outside_a_run_nothing_is_kept(cache: Path, monkeypatch: pytest.MonkeyPatch):
    rules = load_rules()
    tone_check.check_text(CLEAN, rules)
    seen = _counted(monkeypatch)
    tone_check.check_text(CLEAN, rules)
    assert CLEAN in seen
