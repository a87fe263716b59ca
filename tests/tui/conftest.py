"""Fixtures for the full-screen app: a team playbook folder, a fixed clock, and Pilot helpers."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

SIZE = (100, 32)


@pytest.fixture
def team(good: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture playbooks (mini.toml) as a team folder on TRIAGE_PLAYBOOKS."""
    monkeypatch.setenv("TRIAGE_PLAYBOOKS", str(good))
    return good


@pytest.fixture
def only_team(team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Hide the built-in playbooks, so screens do not change when they do."""
    from triage.engine import library

    empty = tmp_path / "no-built-ins"
    empty.mkdir()
    monkeypatch.setattr(library, "builtin_dir", lambda: empty)
    return team


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Show times in UTC, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def field(app: Any, qid: str) -> Any:
    return app.screen.query_one(f"#q-{qid}")


async def focus(pilot: Pilot[Any], qid: str) -> None:
    field(pilot.app, qid).focus_control()
    await pilot.pause()


async def type_into(pilot: Pilot[Any], qid: str, text: str, keys: bool = False) -> None:
    """Focus a question's control, clear it, and enter ``text`` as typed (or pasted) text."""
    await focus(pilot, qid)
    control = pilot.app.focused
    if isinstance(control, Input):
        control.value = ""
        if not keys:
            control.insert_text_at_cursor(text)
    elif isinstance(control, TextArea):
        control.text = ""
        if not keys:
            control.insert(text)
    await pilot.pause()
    if keys:
        await pilot.press(*text)
    await pilot.pause()


async def playbooks_checked(pilot: Pilot[Any]) -> None:
    """Home validates the playbooks a moment after its first frame: wait until it has."""
    from triage.tui.screens.home import HomeScreen

    home = next(s for s in pilot.app.screen_stack if isinstance(s, HomeScreen))
    for _ in range(100):
        if home.checked:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert home.checked, "the playbooks were never checked"


async def open_from_home(pilot: Pilot[Any], table_id: str, key: str) -> None:
    table = pilot.app.screen.query_one(f"#{table_id}", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def no_blink(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
