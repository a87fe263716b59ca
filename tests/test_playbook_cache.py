"""A checked playbook kept in the code cache: read back only while nothing it was made from
has changed, and then exactly the playbook its files give."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from triage.engine import codecache, playbook, playbook_loader
from triage.engine.errors import PlaybookInvalid
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    return folder


@pytest.fixture
def from_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths loaded from their files (not from the cache) from now on."""
    loaded: list[Path] = []
    original = playbook_loader.Loader.load

    def load(self: playbook_loader.Loader) -> object:
        loaded.append(self.path)
        return original(self)

    monkeypatch.setattr(playbook_loader.Loader, "load", load)
    return loaded


def _kept(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.playbook")) if cache.exists() else []


def _same(a: object, b: object) -> bool:
    """Equal, and equal in the fields equality leaves out (where each question was read)."""
    return a == b and repr(a) == repr(b)


@pytest.mark.parametrize("name", [p.name for p in playbook_files(builtin_dir())])
def test_a_kept_playbook_is_the_one_its_files_give(
    cache: Path, from_files: list[Path], name: str, tmp_path: Path
):
    shutil.copytree(builtin_dir(), tmp_path / "playbooks")  # files that hold still meanwhile
    path = tmp_path / "playbooks" / name
    cold = load_playbook(path)
    assert _kept(cache)
    warm = load_playbook(path)
    assert from_files == [path], "the second load did not come from the cache"
    assert _same(warm, cold)
    assert warm is not cold


def test_an_edited_playbook_is_read_again(cache: Path, good: Path, from_files: list[Path]):
    path = good / "mini.toml"
    assert load_playbook(path).title == "Mini dispute"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Mini dispute"', 'title = "Edited"'), "utf-8")
    assert load_playbook(path).title == "Edited"
    assert load_playbook(path).title == "Edited"
    assert len(from_files) == 2  # the first and the edited one; the third from the cache


def test_an_edited_stage_file_or_template_is_read_again(
    cache: Path, good: Path, from_files: list[Path]
):
    path = good / "mini.toml"
    first = load_playbook(path)
    stage_file = good / "shared" / "intake.toml"
    stage_file.write_text(
        stage_file.read_text(encoding="utf-8").replace("title = ", 'title = "Renamed" #', 1),
        "utf-8",
    )
    second = load_playbook(path)
    assert second.stages[0].title == "Renamed" != first.stages[0].title
    template = next(o.template for o in second.outputs if o.template and good in o.template.parents)
    template.write_text(template.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    third = load_playbook(path)
    assert third.content_hash != second.content_hash
    assert len(from_files) == 3


def test_a_playbook_broken_after_it_was_kept_reports_its_problems(cache: Path, good: Path):
    path = good / "mini.toml"
    load_playbook(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n[[stages]]\nid = 3\n", "utf-8")
    with pytest.raises(PlaybookInvalid):
        load_playbook(path)
    (good / "shared" / "intake.toml").unlink()  # and a missing stage file, once restored
    path.write_text((REPO / "tests/fixtures/good/mini.toml").read_text("utf-8"), "utf-8")
    with pytest.raises(PlaybookInvalid, match="intake"):
        load_playbook(path)


def test_a_stage_file_swapped_for_a_link_is_read_again(
    cache: Path, good: Path, from_files: list[Path]
):
    path = good / "mini.toml"
    first = load_playbook(path)
    stage_file = good / "shared" / "intake.toml"
    elsewhere = good / "shared" / "moved.toml"
    shutil.move(stage_file, elsewhere)
    try:
        stage_file.symlink_to(elsewhere)
    except OSError:
        pytest.skip("no symbolic links here")
    second = load_playbook(path)  # the same text, but the model names where it now is
    assert len(from_files) == 2
    assert elsewhere.resolve() in second.files and elsewhere.resolve() not in first.files


def test_a_damaged_entry_is_ignored_and_replaced(cache: Path, good: Path, from_files: list[Path]):
    path = good / "mini.toml"
    cold = load_playbook(path)
    for entry in _kept(cache):
        data = entry.read_bytes()
        entry.write_bytes(data[:-40] + b"\0" * 40)
    assert _same(load_playbook(path), cold)
    assert _same(load_playbook(path), cold)
    assert len(from_files) == 2  # read from the files once more, then kept whole again


def test_an_entry_that_no_longer_unpickles_is_ignored(
    cache: Path, good: Path, from_files: list[Path]
):
    path = good / "mini.toml"
    cold = load_playbook(path)
    key = playbook._kept_key(path)
    codecache.store_object("playbook", key, ("not", "a playbook"))
    assert _same(load_playbook(path), cold)
    assert len(from_files) == 2


def test_a_change_to_the_engine_reads_it_again(
    cache: Path, good: Path, from_files: list[Path], monkeypatch: pytest.MonkeyPatch
):
    path = good / "mini.toml"
    load_playbook(path)
    monkeypatch.setattr(codecache, "engine_stamp", lambda: "another engine")
    load_playbook(path)
    assert len(from_files) == 2


def test_a_relative_path_is_kept_per_working_folder(
    cache: Path, good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    other = tmp_path / "other"
    shutil.copytree(good, other)
    (other / "mini.toml").write_text(
        (good / "mini.toml").read_text("utf-8").replace("Mini dispute", "The other one"), "utf-8"
    )
    monkeypatch.chdir(good)
    assert load_playbook("mini.toml").title == "Mini dispute"
    monkeypatch.chdir(other)
    here = load_playbook("mini.toml")
    assert here.title == "The other one"
    assert here.path == Path("mini.toml")
    assert all(p.is_absolute() for p in here.files[1:]) and other.resolve() in here.files[1].parents


def test_no_cache_or_an_unusable_one_is_no_error(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("TRIAGE_CACHE", "off")
    off = load_playbook(good / "mini.toml")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TRIAGE_CACHE", str(blocker / "cache"))
    assert _same(load_playbook(good / "mini.toml"), off)
    assert _same(load_playbook(good / "mini.toml"), off)


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are a POSIX idea")
def test_a_kept_playbook_is_the_owners_alone(cache: Path, good: Path):
    load_playbook(good / "mini.toml")
    for entry in _kept(cache):
        assert entry.stat().st_mode & 0o077 == 0


def test_a_case_from_a_kept_playbook_loads_neither_its_reader_nor_the_format(tmp_path: Path):
    """The second run of a case reads its playbook's kept model: the code that reads a
    playbook from its files and the format's declarations it checks them against (about
    1 ms of imports) do not load; the first run, which reads the files, loads them."""
    import subprocess
    import sys

    answers = REPO / "playbooks/examples/client-communication-breakdown"
    example = sorted(answers.glob("*.toml"))[0]
    env = dict(os.environ, TRIAGE_CACHE=str(tmp_path / "cache"), TRIAGE_HOME=str(tmp_path))
    probe = (
        "import sys\n"
        "from triage.cli import main\n"
        f"main(['run', 'client-communication-breakdown', '--answers', {str(example)!r},"
        " '--out', sys.argv[1]])\n"
        "names = ('triage.engine.playbook_loader', 'triage.engine.formats.playbook',"
        " 'triage.engine.structure')\n"
        "print('LOADED:' + ','.join(n for n in names if n in sys.modules))\n"
    )
    loaded = []
    for run in (1, 2):
        result = subprocess.run(
            [sys.executable, "-c", probe, str(tmp_path / f"out{run}")],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        [line] = [x for x in result.stdout.splitlines() if x.startswith("LOADED:")]
        loaded.append(line.removeprefix("LOADED:"))
    assert "triage.engine.formats.playbook" in loaded[0]
    assert loaded[1] == ""
    first, second = ((tmp_path / f"out{run}" / "plan.md").read_bytes() for run in (1, 2))
    assert first == second
