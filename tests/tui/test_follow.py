"""Follow-through in the app: from intake to a closed case, as a manager records it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, RadioSet

from tests.test_cli import triage
from tests.tui.conftest import SIZE, open_from_home
from tests.tui.test_flow import fill_to_trust
from triage.tui.app import make_app
from triage.tui.dialogs.form import FormDialog
from triage.tui.dialogs.row_form import RowForm
from triage.tui.screens.case import CaseScreen
from triage.tui.screens.follow import FollowScreen
from triage.tui.screens.home import HomeScreen
from triage.tui.screens.outputs import OutputsScreen


def _rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "actions.csv").read_text("utf-8-sig"))))


def _saved(folder: Path) -> dict[str, Any]:
    return tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))


async def _type(pilot: Any, qid: str, text: str) -> None:
    """Type into a form's field as a user would: focus it, clear it, key in the text."""
    pilot.app.screen.query_one(f"#f-{qid}").focus_control()
    await pilot.pause()
    control = pilot.app.focused
    if isinstance(control, Input):
        control.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def _choose(pilot: Any, qid: str, index: int) -> None:
    """Pick the option numbered ``index`` (from 0) of a choice or yes/no field."""
    pilot.app.screen.query_one(f"#f-{qid}").focus_control()
    await pilot.pause()
    radios = pilot.app.screen.query_one(f"#f-{qid}").query_one(RadioSet)
    radios._selected = index
    await pilot.press("enter")
    await pilot.pause()


async def _save(pilot: Any) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


async def _walk_mini_to_outputs(pilot: Any) -> None:
    """From Home, a new case on the mini playbook answered up to trust, then its outputs."""
    await open_from_home(pilot, "playbooks", "mini")
    await fill_to_trust(pilot)
    await pilot.press("ctrl+o")
    await pilot.pause()


async def test_a_case_goes_from_intake_through_a_meeting_and_an_escalation_to_its_close(
    team, triage_home
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _walk_mini_to_outputs(pilot)
        assert isinstance(app.screen, OutputsScreen)
        await pilot.press("ctrl+f")  # nothing to follow through before the files exist
        await pilot.pause()
        assert isinstance(app.screen, OutputsScreen)
        await _save(pilot)
        assert "Ctrl+F follows the case through" in str(app.screen.query_one("#written").render())
        folder = next((triage_home / "cases").iterdir())
        level = _saved(folder)["route"]["level"]

        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FollowScreen)
        tracker = app.screen.query_one("#tracker", DataTable)
        assert tracker.row_count == len(_rows(folder))

        # Update one: the first action is done.
        first = _rows(folder)[0]["action"]
        await pilot.press("d")
        await pilot.pause()
        assert _rows(folder)[0]["status"] == "done"

        # Update two: add an action, then give it a new date, with a reason.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await _type(pilot, "what", "Send the revised SLA")
        await _type(pilot, "due", "2027-01-20")
        await _save(pilot)
        assert isinstance(app.screen, FollowScreen)
        rows = _rows(folder)
        number = next(n for n, r in enumerate(rows) if r["action"] == "Send the revised SLA")
        tracker.move_cursor(row=number)
        await pilot.press("m")
        await pilot.pause()
        await _type(pilot, "due", "2027-01-27")
        await _save(pilot)
        assert isinstance(app.screen, FormDialog), "a new date needs a reason"
        assert "Why?" in str(app.screen.query_one("#form-error").render())
        await _type(pilot, "reason", "their CFO is away")
        await _save(pilot)
        assert isinstance(app.screen, FollowScreen)
        moved = next(r for r in _rows(folder) if r["action"] == "Send the revised SLA")
        assert (moved["due"], moved["status"]) == ("2027-01-27", "moved")

        # A meeting, with one agreed term (a shared action and a line of the summary).
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query_one("#f-date").query_one(Input).value == (
            dt.date.today().isoformat()
        ), "a meeting is recorded on the day, unless told otherwise"
        await _type(pilot, "who", "Jo Acme and Sam")
        field_ = app.screen.query_one("#f-agreed")
        field_.focus_control()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RowForm)
        await pilot.press(*"Two weeks of service credit", "tab", *"Sam", "tab", *"2027-01-08")
        await _save(pilot)
        assert isinstance(app.screen, FormDialog)
        await _type(pilot, "still_open", "The renewal price")
        await _save(pilot)
        assert isinstance(app.screen, FollowScreen)
        term = next(r for r in _rows(folder) if r["action"] == "Two weeks of service credit")
        assert term["owner"] == "Sam" and term["due"] == "2027-01-08"

        # The step failed: escalate one level, which needs who decided and why.
        await pilot.press("o")
        await pilot.pause()
        await _choose(pilot, "result", 2)  # not resolved
        await _choose(pilot, "escalate", 0)  # yes
        await _save(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "who decided and why" in str(app.screen.query_one("#form-error").render())
        await _type(pilot, "by", "Sam")
        await _type(pilot, "reason", "the informal attempt ran out of time")
        await _save(pilot)
        assert isinstance(app.screen, FollowScreen)
        assert f"level {level + 1}" in str(app.screen.query_one("#follow-summary").render())
        assert _saved(folder)["route"]["level"] == level + 1

        # The timeline shows every step, newest first, with who decided.
        timeline = app.screen.query_one("#timeline", DataTable)
        newest = [str(c) for c in timeline.get_row_at(0)]
        assert newest[1:3] == ["Escalated", "Sam"]

        # Close, with lessons for the team's file.
        await pilot.press("c")
        await pilot.pause()
        await _choose(pilot, "outcome", 1)  # partly
        await _type(pilot, "contract", "A service credit table in the SLA")
        await _save(pilot)
        assert isinstance(app.screen, FollowScreen)
        assert "Closed on" in str(app.screen.query_one("#follow-summary").render())
        await pilot.press("d")  # a closed case keeps its record as it is
        await pilot.pause()
        assert next(r for r in _rows(folder) if r["action"] == first)["status"] == "done"

    saved = _saved(folder)
    assert saved["closed"]["outcome"] == "partly"
    events = [e["event"] for e in saved["ledger"]]
    assert events[-6:] == [
        "action-added",
        "action-moved",
        "meeting-held",
        "outcome",
        "escalated",
        "case-closed",
    ]
    # (the plan's own record of these is checked with a built-in playbook in test_plain)
    lessons = (triage_home / "lessons.md").read_text(encoding="utf-8")
    assert "A service credit table in the SLA" in lessons
    due = triage("due", "--days", "400")
    assert "Two weeks of service credit" not in due.stdout, "a closed case is not due"


async def test_resuming_a_written_case_opens_its_follow_through(team, triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _walk_mini_to_outputs(pilot)
        await _save(pilot)
    folder = next((triage_home / "cases").iterdir())
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FollowScreen)
        await pilot.press("d")
        await pilot.pause()
        assert _rows(folder)[0]["status"] == "done"
        await pilot.press("d")  # pressed by mistake: open again
        await pilot.pause()
        assert _rows(folder)[0]["status"] == "open"
        assert _saved(folder)["ledger"][-1]["event"] == "action-reopened"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen), "the answers are one step back"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
