"""The tone rules kept between runs are read as a check needs them: a run whose answers
changed checks a few paragraphs, and neither reads the rules file again (its digest is kept
under its stat) nor reads the patterns of rules those paragraphs never reach. What is found
must be exactly what rules read from their files find, and a kept rule must be that rule."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from triage.engine import tone_check, tone_later
from triage.engine.filedigest import file_digest
from triage.engine.tone_load import DEFAULT_RULES_PATH, load_rules

REPO = Path(__file__).resolve().parent.parent
TEXTS = [
    "Hi Jo,\n\nYour team ignored four reminders, as usual.\n",
    "Dear Ms Okafor,\n\nIf we do not hear from you by Friday, our lawyers will be in touch.\n",
    "Hi Priya,\n\nThanks for the call. Kevin in your back office sent the WRONG labels again.\n",
    "Hallo Herr Müller,\n\nyou NEVER reply, frankly. Per my last email, see below.\n",
    "Hi Sam,\n\nWe got the dates wrong, and I am sorry. Specifically:\n- the Leeds order\n",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    return folder


def _found(rules: list) -> list[list[tuple]]:
    return [
        [(w.line, w.column, w.matched, w.rule, w.cues, w.suggestion) for w in found]
        for found in (tone_check._check_text(text, rules) for text in TEXTS)
    ]


_WARM_RUN = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
from triage.engine import tone
rules = tone.load_rules()
found = [[(w.line, w.column, w.matched, w.rule) for w in tone.check_text(t, rules)]
         for t in sys.argv[1:]]
read = sum("_later" not in rule.__dict__ for rule in rules)
print(any(name.endswith("tone-rules.toml") for name in opened), read, len(rules))
print(found)
"""


def _fresh_process(cache: Path | str, *texts: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _WARM_RUN, *texts],
        cwd=REPO,
        env={**os.environ, "TRIAGE_CACHE": str(cache)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.splitlines()


def test_a_warm_check_reads_neither_the_rules_file_nor_the_rules_it_does_not_reach(
    tmp_path: Path,
):
    cache = tmp_path / "cache"
    _fresh_process(cache, TEXTS[0])  # a first run: everything read and kept
    opened, read, total = _fresh_process(cache, TEXTS[0])[0].split()
    assert opened == "False"  # the file's digest was kept under its size and times
    assert 0 < int(read) < int(total) // 2
    # what a warm run finds is what rules read from their files find
    assert _fresh_process(cache, *TEXTS)[1] == _fresh_process("off", *TEXTS)[1]


def test_a_kept_rule_is_the_rule_read_from_the_files(cache: Path):
    built = load_rules()  # read from the file, and kept
    kept = load_rules()
    assert all(isinstance(rule, tone_later.KeptRule) for rule in kept)
    assert not any(isinstance(rule, tone_later.KeptRule) for rule in built)
    for one, other in zip(kept, built, strict=True):
        assert one == other and other == one
        assert other != dataclasses.replace(one, id="another")
        assert hash(one) == hash(other)
        assert repr(one) == repr(other)
        assert dataclasses.astuple(one) == dataclasses.astuple(other)
        assert pickle.loads(pickle.dumps(one)) == other
        assert copy.deepcopy(one) == other
        assert dataclasses.replace(one, category="x") == dataclasses.replace(other, category="x")
    assert _found(load_rules()) == _found(built)


def test_damaged_parts_are_read_from_the_files_again(cache: Path):
    built = load_rules()
    expected = _found(built)
    for kind in ("tonebodies", "tonescans"):
        for entry in cache.glob(f"*.{kind}"):
            data = bytearray(entry.read_bytes())
            for at in range(len(data) // 3, len(data), len(data) // 7):
                data[at] ^= 0x55  # a few parts, in the middle and at the end
            entry.write_bytes(bytes(data))
    kept = load_rules()
    assert isinstance(kept[0], tone_later.KeptRule)
    assert kept == built
    assert _found(kept) == expected


def test_a_files_digest_follows_its_bytes_whatever_its_size_and_time(tmp_path: Path):
    assert (
        file_digest(DEFAULT_RULES_PATH)
        == hashlib.sha256(DEFAULT_RULES_PATH.read_bytes()).hexdigest()
    )
    team = tmp_path / "team.toml"
    team.write_text("format = 1  # one\n", encoding="utf-8")
    before = os.stat(team)
    first = file_digest(team)
    team.write_text("format = 1  # two\n", encoding="utf-8")  # the same size
    os.utime(team, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    assert file_digest(team) == hashlib.sha256(team.read_bytes()).hexdigest() != first
    assert file_digest(tmp_path / "missing.toml") is None
