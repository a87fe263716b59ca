"""Shared fixtures: a private TRIAGE_HOME, the fixture playbooks, and a fixed clock."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
FIXED_NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)

# Test tiers (markers registered in pyproject.toml), given by where a test lives: the app's
# screens under tui/ are flows except the snapshots; these modules drive a real child
# process (a pseudo-terminal, a fresh install, a kill); everything else is a unit test.
END_TO_END = {
    "test_authoring.py",
    "test_completion.py",
    "test_editor_schema.py",
    "test_import_hygiene.py",
    "test_kill.py",
    "test_packaging.py",
    "test_plain.py",
    "test_thread_plain.py",
}


def tier(path: Path) -> str:
    """The tier of a test module: unit, flow, snapshot or e2e."""
    relative = path.resolve().relative_to(Path(__file__).resolve().parent)
    if relative.parts[0] == "tui":
        return "snapshot" if relative.name == "test_snapshots.py" else "flow"
    return "e2e" if relative.name in END_TO_END else "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(tier(item.path))


@pytest.fixture(autouse=True, scope="session")
def compiled_code_cache(tmp_path_factory: pytest.TempPathFactory):
    """Compiled templates go to a folder of this run's own, never the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRIAGE_CACHE", str(tmp_path_factory.mktemp("compiled")))
        yield


@pytest.fixture(autouse=True)
def triage_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its cases in its own folder and sees no team playbooks."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRIAGE_HOME", str(home))
    monkeypatch.delenv("TRIAGE_PLAYBOOKS", raising=False)
    return home


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A writable copy of the fixture playbook folder (mini.toml and friends)."""
    target = tmp_path / "good"
    shutil.copytree(FIXTURES / "good", target)
    return target


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: FIXED_NOW)
    return FIXED_NOW


@pytest.fixture(autouse=True)
def meeting_times_in_central_europe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Meeting times are typed in the computer's time zone; tests pin it (one hour ahead of
    UTC), so a calendar file renders the same on every machine."""
    from triage.engine import calendar

    zone = dt.timezone(dt.timedelta(hours=1), "CET")
    monkeypatch.setattr(calendar, "local_zone", lambda: zone)
