"""SVG snapshots of the key screens at a fixed size, clock and home folder.

Update with ``pytest tests/tui --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tui.conftest import field, focus, no_blink, playbooks_checked, type_into
from triage.tui.app import make_app

HOME = Path("snapshot-home")  # relative to each test's own folder: the screens show them
TEAM = Path("snapshot-team")


@pytest.fixture
def fixed_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, only_team: Path, fixed_now, utc
) -> Path:
    """Cases and team playbooks under this test's folder, which is also the working one, so
    screens show the same short relative paths in every run, in parallel runs too."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(only_team, TEAM)
    monkeypatch.setenv("TRIAGE_HOME", str(HOME))
    monkeypatch.setenv("TRIAGE_PLAYBOOKS", str(TEAM))
    monkeypatch.setenv("EDITOR", "nano")  # the outputs screen names the editor it opens
    monkeypatch.delenv("VISUAL", raising=False)
    return tmp_path / HOME


async def walk_to_value(pilot) -> None:
    await type_into(pilot, "counterparty", "Acme [bold]Ltd[/bold]")
    await type_into(pilot, "their_email", "jo@acme.example")
    await type_into(pilot, "since", "2026-01-05")
    await pilot.press("ctrl+n")
    await pilot.pause()


async def walk_to_route(pilot) -> None:
    await walk_to_value(pilot)
    await focus(pilot, "strategic")
    await pilot.press("space")
    await type_into(pilot, "annual_value", "150,000")
    await focus(pilot, "alternatives")
    field(pilot.app, "alternatives").query_one("RadioSet")._selected = 0
    await pilot.press("enter", "ctrl+n")
    await pilot.pause()
    await focus(pilot, "trust_level")
    await pilot.press("right", "enter")
    await pilot.pause()
    await pilot.press("ctrl+r")
    await pilot.pause()


SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
def test_home_screen(snap_compare, fixed_home, size):
    (TEAM / "broken.toml").write_text('format = 1\ntitle = "Broken"\nsummary = 3\n')
    from triage.engine.library import find_playbook
    from triage.engine.session import Session

    session = Session.start(find_playbook("mini"))
    session.answer("counterparty", "Beta plc")
    session.go_to("value")

    async def run_before(pilot) -> None:
        await playbooks_checked(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_question_stage(snap_compare, fixed_home, size):
    async def run_before(pilot) -> None:
        await walk_to_value(pilot)
        await focus(pilot, "strategic")
        await pilot.press("space")
        await type_into(pilot, "annual_value", "-5")  # below the minimum: the message shows
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


@SIZES
def test_route_screen(snap_compare, fixed_home, size):
    async def run_before(pilot) -> None:
        await walk_to_route(pilot)

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


@SIZES
def test_outputs_screen(snap_compare, fixed_home, size):
    async def run_before(pilot) -> None:
        await walk_to_route(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


async def walk_to_plan(pilot) -> None:
    await walk_to_route(pilot)
    await pilot.press("escape")  # back to the stages, on to the plan
    await pilot.pause()
    pilot.app.edit_answer("plan", "agreed_actions")
    await pilot.pause()


@SIZES
def test_row_dialog(snap_compare, fixed_home, size):
    """A list row's form: Save and Cancel reachable, and the fields whole, at both sizes."""

    async def run_before(pilot) -> None:
        await walk_to_plan(pilot)
        await focus(pilot, "agreed_actions")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Weekly call with their operations lead")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


@SIZES
def test_review_screen(snap_compare, fixed_home, size):
    async def run_before(pilot) -> None:
        await walk_to_route(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


async def walk_to_follow(pilot) -> None:
    await walk_to_route(pilot)
    await pilot.press("ctrl+n", "ctrl+n")  # review, outputs
    await pilot.pause()
    await pilot.press("ctrl+s")  # write the files
    await pilot.pause()
    await pilot.press("ctrl+f")
    await pilot.pause()


@SIZES
def test_follow_screen(snap_compare, fixed_home, size):
    """Follow-through: the tracker with one action done, the summary and every key."""

    async def run_before(pilot) -> None:
        await walk_to_follow(pilot)
        await pilot.press("d")
        await pilot.pause()
        pilot.app.clear_notifications()  # toasts time out: under load they may be gone
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)


@SIZES
def test_outcome_dialog(snap_compare, fixed_home, size):
    """How a step ended: every field, and Save and Cancel reachable, at both sizes."""

    async def run_before(pilot) -> None:
        await walk_to_follow(pilot)
        pilot.app.clear_notifications()  # toasts time out: under load they may be gone
        await pilot.press("o")
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("mini"), terminal_size=size, run_before=run_before)
