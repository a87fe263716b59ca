"""The home screen says what each saved case needs next, and puts overdue cases first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable

from tests.tui.conftest import SIZE
from triage.engine.case import Case
from triage.tui.app import make_app


def _save(home: Path, name: str, counterparty: str, due: dt.date, action: str) -> None:
    case = Case(id=name, playbook="client-communication-breakdown")
    case.answers = {"counterparty": counterparty}
    case.next_due, case.next_action = due, action
    case.save(home / "cases" / name / "case.toml")


async def test_overdue_cases_come_first_with_their_next_action(triage_home: Path):
    today = dt.date.today()
    _save(triage_home, "a-later", "Later Ltd", today + dt.timedelta(days=9), "Hold the review")
    _save(triage_home, "b-late", "Late plc", today - dt.timedelta(days=2), "Send the summary")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#cases", DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        second = [str(cell) for cell in table.get_row_at(1)]
    assert first[0] == "Late plc" and first[2].startswith("Overdue since")
    assert "Send the summary" in first[2]
    assert second[0] == "Later Ltd" and second[2].startswith("Next ")


async def test_a_case_opened_and_left_without_an_answer_leaves_no_saved_case(triage_home: Path):
    """Fields show their defaults when a case opens; showing them is not answering."""
    from triage.tui.screens.case import CaseScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # a new case on the first built-in playbook
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert list(triage_home.glob("cases/*/case.toml")) == []
