"""Nothing lost: interrupted writes keep the previous case.toml, and hand edits are never clobbered."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from triage.cli import main
from triage.engine import atomic
from triage.engine.case import load_case
from triage.engine.errors import AnswersInvalid
from triage.engine.library import saved_cases
from triage.engine.listing import case_summaries
from triage.engine.playbook import load_playbook
from triage.engine.session import Session


@pytest.fixture
def session(good: Path) -> Session:
    session = Session.start(load_playbook(good / "mini.toml"))
    session.answer("counterparty", "Acme Ltd")
    session.answer("alternatives", "hard")
    return session


def crash(*args, **kwargs):
    raise OSError(5, "Input/output error (simulated crash before the rename)")


def test_write_atomic_replaces_the_file_whole(tmp_path: Path):
    target = tmp_path / "case.toml"
    atomic.write_atomic(target, b"old")
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["case.toml"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("error", [OSError, KeyboardInterrupt])
def test_a_crash_before_the_rename_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
):
    target = tmp_path / "case.toml"
    atomic.write_atomic(target, b"old")

    def fail(*args, **kwargs):
        raise error()

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(error):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["case.toml"]


def test_a_crash_while_writing_the_data_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "case.toml"
    atomic.write_atomic(target, b"old")
    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["case.toml"]


def test_several_files_written_together_are_each_whole_and_private(tmp_path: Path):
    files = {tmp_path / "plan.md": b"old plan", tmp_path / "actions.csv": b"old rows"}
    atomic.write_atomic_many(files)
    atomic.write_atomic_many({path: data.replace(b"old", b"new") for path, data in files.items()})
    assert (tmp_path / "plan.md").read_bytes() == b"new plan"
    assert (tmp_path / "actions.csv").read_bytes() == b"new rows"
    assert sorted(os.listdir(tmp_path)) == ["actions.csv", "plan.md"]
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o600}


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_crash_while_writing_several_files_keeps_the_old_ones_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
):
    files = {tmp_path / "plan.md": b"old plan", tmp_path / "actions.csv": b"old rows"}
    atomic.write_atomic_many(files)
    monkeypatch.setattr(atomic.os, step, crash)
    with pytest.raises(OSError):
        atomic.write_atomic_many({path: b"new" for path in files})
    assert {path.name: path.read_bytes() for path in files} == {
        "plan.md": b"old plan",
        "actions.csv": b"old rows",
    }
    assert sorted(os.listdir(tmp_path)) == ["actions.csv", "plan.md"]


def test_an_answer_whose_save_fails_leaves_the_previous_case_readable(
    session: Session, monkeypatch: pytest.MonkeyPatch
):
    path = session.path
    assert path is not None
    before = path.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        session.answer("trust_level", 4)
    assert path.read_bytes() == before
    case = load_case(path)
    assert case.answers == {"counterparty": "Acme Ltd", "alternatives": "hard"}
    assert sorted(os.listdir(path.parent)) == ["case.toml"]
    assert saved_cases() == [path]


def test_a_stray_temporary_file_is_never_listed_as_a_case(session: Session, triage_home: Path):
    assert session.path is not None
    (session.path.parent / ".case.toml.abc123.tmp").write_text("half a fi")
    lonely = triage_home / "cases" / "20260101-000000-killed"
    lonely.mkdir()
    (lonely / ".case.toml.zzz.tmp").write_text("[case]\n")
    assert saved_cases() == [session.path]
    assert [c["id"] for c in case_summaries()] == [session.path.parent.name]


INVALID_EDITS = [
    "[case\nid = 'x'\n",  # broken TOML
    "[case]\nid = 'x'\n",  # no answers
    "",  # emptied
    "\x00\x01binary",
    "[answers]\ncounterparty = 'x'\n",  # no [case]
]


@pytest.mark.parametrize("text", INVALID_EDITS)
def test_a_case_edited_into_nonsense_is_reported_in_one_sentence_and_kept(
    session: Session, text: str, capsys: pytest.CaptureFixture[str]
):
    path = session.path
    assert path is not None
    path.write_text(text)
    with pytest.raises(AnswersInvalid) as caught:
        load_case(path)
    assert len(caught.value.problems) == 1
    with pytest.raises(AnswersInvalid):
        Session.resume(path)
    assert path.read_text() == text  # never overwritten until the user decides

    status = main(["render", str(path.parent)])
    _out, err = capsys.readouterr()
    assert status == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert path.read_text() == text
    assert sorted(os.listdir(path.parent)) == ["case.toml"]  # nothing rendered beside it


def test_a_case_with_wrong_types_is_reported_and_kept(session: Session):
    path = session.path
    assert path is not None
    text = (
        path.read_text()
        .replace('stage = "', "stage = 12 # ")
        .replace("[answers]", "answers = 3\n[x]")
    )
    path.write_text(text)
    with pytest.raises(AnswersInvalid):
        Session.resume(path)
    assert path.read_text() == text


def test_writers_work_where_posix_only_calls_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session: Session
):
    """Windows before Python 3.13 has no os.fchmod: a case and its outputs are still written."""
    monkeypatch.delattr(os, "fchmod", raising=False)
    target = tmp_path / "note.txt"
    atomic.write_atomic(target, b"kept")
    assert target.read_bytes() == b"kept"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # os.chmod on the name instead
    path = session.save()
    assert load_case(path).answers["counterparty"] == "Acme Ltd"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failure_between_two_renames_leaves_each_file_whole_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    files = {tmp_path / "plan.md": b"old plan", tmp_path / "actions.csv": b"old rows"}
    atomic.write_atomic_many(files)
    renamed: list[str] = []
    real_replace = os.replace

    def second_fails(source: str, target: Path) -> None:
        if renamed:
            raise OSError(5, "Input/output error (simulated on the second rename)")
        renamed.append(str(target))
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", second_fails)
    with pytest.raises(OSError):
        atomic.write_atomic_many({path: b"new" for path in files})
    contents = {path.read_bytes() for path in files}
    assert contents == {b"new", b"old rows"}  # the first renamed, the second as it was
    assert sorted(os.listdir(tmp_path)) == ["actions.csv", "plan.md"]


def test_a_failed_write_closes_only_its_own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A descriptor is closed once: closed twice, its number may already be another file's."""
    closed: list[int] = []
    real_close = os.close

    def counting_close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(atomic.os, "close", counting_close)
    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        atomic.write_atomic_many({tmp_path / "a": b"1", tmp_path / "b": b"2"})
    assert len(closed) == len(set(closed)) == 2


def test_files_written_together_appear_whole_when_the_block_ends(tmp_path: Path):
    case, plan = tmp_path / "case.toml", tmp_path / "plan.md"
    atomic.write_atomic(case, b"old")
    with atomic.together():
        atomic.write_atomic_many({plan: b"# Plan\n"})
        atomic.write_atomic(case, b"new")
        assert case.read_bytes() == b"old"  # nothing in place before the end
        assert not plan.exists()
    assert (case.read_bytes(), plan.read_bytes()) == (b"new", b"# Plan\n")
    assert sorted(os.listdir(tmp_path)) == ["case.toml", "plan.md"]
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600


def test_an_error_in_the_block_keeps_what_was_written_before_it(tmp_path: Path):
    plan = tmp_path / "plan.md"
    with pytest.raises(RuntimeError, match="a later step"), atomic.together():
        atomic.write_atomic(plan, b"# Plan\n")
        raise RuntimeError("a later step failed")
    assert plan.read_bytes() == b"# Plan\n"  # as it would be without the block
    assert os.listdir(tmp_path) == ["plan.md"]


def test_ctrl_c_in_the_block_keeps_the_old_files_and_no_temporary(tmp_path: Path):
    case = tmp_path / "case.toml"
    atomic.write_atomic(case, b"old")
    with pytest.raises(KeyboardInterrupt), atomic.together():
        atomic.write_atomic(case, b"new")
        raise KeyboardInterrupt
    assert case.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["case.toml"]


def test_a_failed_sync_in_the_block_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    case = tmp_path / "case.toml"
    atomic.write_atomic(case, b"old")
    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError, match="simulated"), atomic.together():
        atomic.write_atomic(case, b"new")
    assert case.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["case.toml"]


def test_a_headless_run_writes_the_same_files_in_one_batch(tmp_path: Path, good: Path):
    """`run --answers` writes outputs and case.toml together: all there, none temporary."""
    answers, out = good / "examples" / "mini" / "calm.toml", tmp_path / "out"
    assert main(["run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(out)]) == 0
    names = sorted(os.listdir(out))
    assert "case.toml" in names and not [n for n in names if n.startswith(".")]
    assert load_case(out / "case.toml").answers


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_link_or_file_planted_at_the_temporary_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Someone who can guess the temporary's name cannot make the save write elsewhere,
    nor into a file they made: the temporary is always a new file, the owner's alone."""
    victim = tmp_path / "victim.txt"
    victim.write_text("theirs")
    draws = iter([bytes(8), bytes(8), bytes([1] * 8)])  # the same name twice, then another
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(draws))
    first = tmp_path / ".plan.md.aaaaaaaa.tmp"
    first.symlink_to(victim)
    target = tmp_path / "plan.md"
    atomic.write_atomic(target, b"ours")
    assert target.read_bytes() == b"ours" and not target.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert victim.read_text() == "theirs" and first.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name, "plan.md", "victim.txt"]
