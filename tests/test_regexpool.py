"""The regular expressions modules compile as they load, kept between runs: a second load
compiles none of them and gets the same patterns; nothing compiled after the load (where a
pattern may be built from a name a user typed) is ever kept."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from triage.engine import regexpool

REPO = Path(__file__).resolve().parent.parent
PATTERNS = [
    (r"(?P<who>regexpool-[a-z]+)\s+(?P<what>owes|paid)\b", 0),
    (r"regexpool-(?:late|on time)\b", re.IGNORECASE),
    (r"^regexpool-\d{2,}$", re.MULTILINE),
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    re.purge()
    return folder


def _load() -> list[re.Pattern[str]]:
    """What a module's import does: compile its patterns."""
    with regexpool.kept("test"):
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def _entries(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.glob("*.importregex")]


def test_a_second_load_compiles_nothing_and_gets_the_same_patterns(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load()
    assert len(_entries(cache)) == 1
    re.purge()  # a new process: re's own cache is empty

    def refuse(*_args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "compile", refuse)  # type: ignore[attr-defined]
    second = _load()
    monkeypatch.undo()
    for old, new in zip(first, second, strict=True):
        assert old is not new
        assert (new.pattern, new.flags, new.groups, new.groupindex) == (
            old.pattern,
            old.flags,
            old.groups,
            old.groupindex,
        )
    text = "REGEXPOOL-LATE regexpool-acme owes\nregexpool-42\n"
    for old, new in zip(first, second, strict=True):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert [m.groupdict() for m in new.finditer(text)] == [
            m.groupdict() for m in old.finditer(text)
        ]


def test_what_is_compiled_after_the_load_is_never_kept(cache: Path) -> None:
    _load()
    re.compile(re.escape("Priya Raman-Secret") + r"\b")  # built from an answer, after it
    re.purge()
    with regexpool.kept("test"):
        re.compile(r"regexpool-another\b")  # a change to a module: the entry is written again
    kept = b"".join(_entries(cache))
    assert b"regexpool-another" in kept
    assert b"Priya" not in kept


def test_a_set_written_in_another_order_is_not_kept_again_on_every_run(cache: Path) -> None:
    """The email package writes sets of characters into four patterns, in an order that
    changes from process to process: the entry is not written again for those."""
    with regexpool.kept("test"):
        re.compile(r"[^>\\ \"\]\.:@]+")
    (entry,) = cache.glob("*.importregex")
    written = entry.read_bytes()
    entry.touch()
    stamp = entry.stat().st_mtime_ns
    re.purge()
    with regexpool.kept("test"):
        shuffled = re.compile(r"[^\"\]:@>\\ \.]+")  # the same set, another process
    assert shuffled.match("a.b") is not None and shuffled.match("a.b").group() == "a"  # type: ignore[union-attr]
    assert entry.stat().st_mtime_ns == stamp and entry.read_bytes() == written


def test_a_load_that_compiles_only_bytes_patterns_sorts_nothing_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every headless case compiles two bytes patterns of the standard library as it
    loads: knowing a shuffled set must not sort the letters of every pattern kept (3 ms of
    every run), and a new text pattern sorts only those of its own length."""
    _load()
    re.purge()
    sorted_ = []
    letters = regexpool._letters
    monkeypatch.setattr(regexpool, "_letters", lambda p: sorted_.append(p) or letters(p))
    with regexpool.kept("test"):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
        re.compile(rb"[\x80-\xff]+regexpool")
    assert sorted_ == []
    re.purge()
    with regexpool.kept("test"):
        re.compile(r"regexpool-\d{3}\b")
    assert sorted_ == [r"regexpool-\d{3}\b"]  # the new one; no kept pattern has its length
    re.purge()
    with regexpool.kept("test"):
        new = re.compile(r"regexpool-\d{3}\b")
    assert new.match("regexpool-123") is not None


def test_a_damaged_entry_is_ignored(cache: Path) -> None:
    _load()
    for path in cache.glob("*.importregex"):
        data = bytearray(path.read_bytes())
        data[-3] ^= 0xFF
        path.write_bytes(bytes(data))
    re.purge()
    again = _load()
    assert [p.pattern for p in again] == [p for p, _flags in PATTERNS]
    assert again[0].match("regexpool-acme paid") is not None


def test_nothing_is_kept_with_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    re.purge()
    assert _load()[1].search("x REGEXPOOL-ON TIME") is not None
    assert list(tmp_path.iterdir()) == []


def test_a_headless_case_keeps_no_answer_in_its_regexes(tmp_path: Path) -> None:
    """Two runs of a case whose answers name people: the kept patterns hold none of it."""
    example = REPO / "playbooks/examples/client-communication-breakdown"
    answers = sorted(example.glob("*.toml"))[0]
    env = dict(os.environ, TRIAGE_CACHE=str(tmp_path / "cache"), TRIAGE_HOME=str(tmp_path))
    for run in (1, 2):
        command = [sys.executable, "-m", "triage", "run", "client-communication-breakdown",
                   "--answers", str(answers), "--out", str(tmp_path / f"out{run}")]  # fmt: skip
        subprocess.run(command, env=env, cwd=REPO, check=True, capture_output=True)
    kept = b"".join(_entries(tmp_path / "cache"))
    assert kept
    import tomllib

    typed = tomllib.loads(answers.read_text(encoding="utf-8"))
    names = [v for v in _strings(typed) if " " in v]  # names, notes, what was said
    assert names
    for value in names:  # as typed, and as a pattern built from it would hold it
        assert value.encode() not in kept
        assert re.escape(value).encode() not in kept


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
