"""Pilot flow tests: drive the real app and check what a user would notice (screens, files)."""

from __future__ import annotations

import tomllib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from textual.widgets import DataTable, RadioSet, SelectionList, TextArea

from tests.tui.conftest import SIZE, field, focus, open_from_home, playbooks_checked, type_into
from triage.tui.app import make_app
from triage.tui.dialogs.reason import RouteReasonDialog
from triage.tui.dialogs.row_form import RowForm
from triage.tui.dialogs.yes_no import YesNoDialog
from triage.tui.screens.case import CaseScreen
from triage.tui.screens.home import HomeScreen
from triage.tui.screens.outputs import OutputsScreen
from triage.tui.screens.review import ReviewScreen
from triage.tui.screens.route import RouteScreen


def case_file(home: Path) -> dict:
    [path] = list((home / "cases").glob("*/case.toml"))
    return tomllib.loads(path.read_text())


async def fill_intake(pilot, name: str = "Acme Ltd") -> None:
    await type_into(pilot, "counterparty", name, keys=True)
    await type_into(pilot, "their_email", "jo@acme.example")
    await type_into(pilot, "since", "2026-01-05")


async def fill_value(pilot, alternatives: int = 0) -> None:
    await focus(pilot, "strategic")
    await pilot.press("space")
    await type_into(pilot, "annual_value", "150,000")
    await focus(pilot, "alternatives")
    field(pilot.app, "alternatives").query_one(RadioSet)._selected = alternatives
    await pilot.press("enter")
    await pilot.pause()


async def fill_trust(pilot) -> None:
    await focus(pilot, "trust_level")
    await pilot.press("right", "right", "right", "enter")  # 4 (Good)
    await focus(pilot, "emotions")
    await pilot.press("space")  # Anger
    await pilot.pause()


async def fill_to_trust(pilot) -> None:
    """Intake, value and trust answered, in order, through the stage walk."""
    await fill_intake(pilot)
    await pilot.press("ctrl+n")
    await pilot.pause()
    await fill_value(pilot)
    await pilot.press("ctrl+n")
    await pilot.pause()
    await fill_trust(pilot)


async def test_whole_case_from_home_to_written_outputs(team, triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await open_from_home(pilot, "playbooks", "mini")
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.stage_id == "intake"  # a new case starts with intake

        await fill_intake(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.stage_id == "value"
        await fill_value(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.stage_id == "trust"
        await fill_trust(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.stage_id == "plan"  # "legal" is skipped: alternatives is easy

        await focus(pilot, "agreed_actions")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RowForm)
        await pilot.press(*"Weekly call", "tab", *"Sam", "tab", *"2026-02-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        table = field(app, "agreed_actions").query_one(DataTable)
        assert table.row_count == 1

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, RouteScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, OutputsScreen)

        await pilot.press("ctrl+s")
        await pilot.pause()
        folder = next((triage_home / "cases").iterdir())
        names = {p.name for p in folder.iterdir()}
        assert {"plan.md", "reset-email.eml", "actions.csv", "case.toml"} <= names
        assert "Weekly call,Sam,2026-02-01" in (folder / "actions.csv").read_text(
            encoding="utf-8-sig"
        )
        assert "Acme Ltd" in (folder / "plan.md").read_text()
        assert str(folder / "plan.md") in str(app.screen.query_one("#written").render())

        # Writing again asks before replacing anything.
        (folder / "plan.md").write_text("my own notes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("n")
        await pilot.pause()
        assert (folder / "plan.md").read_text() == "my own notes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Acme Ltd" in (folder / "plan.md").read_text()

    data = case_file(triage_home)
    assert data["answers"]["agreed_actions"][0]["what"] == "Weekly call"
    assert data["case"]["stage"] == "plan"


async def walk_to_outputs(pilot) -> None:
    await fill_to_trust(pilot)
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OutputsScreen)


def written_email(folder: Path) -> tuple[EmailMessage, str]:
    """The written reset email and its body with LF line ends (the file has CR LF)."""
    data = (folder / "reset-email.eml").read_bytes()
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message, message.get_content().replace("\r\n", "\n")


async def test_edited_email_is_written(team, triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, "playbooks", "mini")
        await walk_to_outputs(pilot)
        body = app.screen.query_one("#email-body")
        body.text = "Dear Jo,\n\nShall we talk on Monday?\n"
        await pilot.press("ctrl+t")
        assert app.clipboard == body.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        folder = next((triage_home / "cases").iterdir())
        email = (folder / "reset-email.eml").read_text()
        assert "Shall we talk on Monday?" in email
        assert "Subject: A way forward with Acme Ltd" in email


async def test_edited_email_survives_closing_the_app(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_outputs(pilot)
        body = app.screen.query_one("#email-body", TextArea)
        template = body.text
        body.focus()
        body.move_cursor((0, 0))
        await pilot.press(*"P.S. Monday 10am suits me.", "enter")
        await pilot.pause()
        edited = body.text
        assert edited == "P.S. Monday 10am suits me.\n" + template
    folder = next((triage_home / "cases").iterdir())
    assert case_file(triage_home)["drafts"] == {"reset-email.eml": edited}  # saved as typed
    assert not (folder / "reset-email.eml").exists()  # nothing written yet

    reopened = make_app(folder.name)
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = reopened.screen
        assert isinstance(screen, OutputsScreen)
        assert screen.query_one("#email-body", TextArea).text == edited
        assert "Your edited text" in str(screen.query_one("#email-state").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    message, body = written_email(folder)
    assert body == edited
    assert message["Subject"] == "A way forward with Acme Ltd"  # still from the playbook
    assert message["To"].addresses[0].addr_spec == "jo@acme.example"


async def test_reset_to_template_asks_then_drops_the_draft(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_outputs(pilot)
        screen = app.screen
        body = screen.query_one("#email-body", TextArea)
        template = body.text
        body.text = "Dear Jo, let us talk.\n"
        await pilot.pause()
        assert app.session.draft("reset-email.eml") == "Dear Jo, let us talk.\n"

        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("n")  # keep the edit
        await pilot.pause()
        assert app.screen is screen
        assert body.text == "Dear Jo, let us talk.\n"
        assert case_file(triage_home)["drafts"] == {"reset-email.eml": "Dear Jo, let us talk.\n"}

        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert body.text == template
        assert app.session.draft("reset-email.eml") is None
        assert "drafts" not in case_file(triage_home)
        assert "The playbook's text" in str(screen.query_one("#email-state").render())

        # The template follows the answers again once the draft is gone.
        await pilot.press("ctrl+s")
        await pilot.pause()
    folder = next((triage_home / "cases").iterdir())
    assert written_email(folder)[1] == template


async def test_invalid_answers_block_and_going_back_recomputes(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await type_into(pilot, "counterparty", "Acme")
        await type_into(pilot, "their_email", "jo@")
        email = field(app, "their_email")
        assert email.error == "Enter an email address like name@example.com."
        assert "Enter an email address" in str(email.query_one(".error").render())
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.stage_id == "intake"  # cannot move on past an invalid answer
        assert "Before moving on" in str(screen.query_one("#status").render())
        assert email.query_one("Input").value == "jo@"  # the typed text is kept

        await type_into(pilot, "their_email", "jo@acme.example")
        assert email.error == ""
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.stage_id == "value"  # "alternatives" is required and empty
        assert field(app, "alternatives").error == "An answer is required."

        await fill_value(pilot, alternatives=1)  # hard: the legal stage now applies
        assert screen.query_one("StageList").states["legal"] == "todo"
        assert app.session.evaluation.scores["value"].value == 7
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_trust(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.stage_id == "legal"
        assert not field(app, "breach_detail").display  # applies only when a breach is alleged
        await focus(pilot, "breach_alleged")
        await pilot.press("space")
        await pilot.pause()
        assert field(app, "breach_detail").display
        await type_into(pilot, "breach_detail", "Late deliveries")

        # Back keeps every answer.
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert screen.stage_id == "value"
        assert field(app, "annual_value").query_one("Input").value == "150000"
        assert field(app, "strategic").value is True

        # Changing an earlier answer recomputes conditions and scores at once.
        await focus(pilot, "alternatives")
        field(app, "alternatives").query_one(RadioSet)._selected = 0
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("StageList").states["legal"] == "skipped"
        assert app.session.evaluation.scores["value"].value == 3
        assert "-2 How easy would it be to replace them? → Easy" in str(
            screen.query_one("ScorePanel").render()
        )
    answers = case_file(triage_home)["answers"]
    assert answers["breach_detail"] == "Late deliveries"  # hidden, never deleted
    assert answers["alternatives"] == "easy"


async def test_resume_after_the_app_is_closed(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot, "Beta plc")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await focus(pilot, "strategic")
        await pilot.press("space")
        await type_into(pilot, "annual_value", "lots")  # not a number: kept as pending text
        assert field(app, "annual_value").error

    reopened = make_app()
    async with reopened.run_test(size=SIZE) as pilot:
        cases = reopened.screen.query_one("#cases", DataTable)
        row = cases.get_row_at(0)
        assert [str(cell) for cell in row[:3]] == ["Beta plc", "Mini dispute", "Value"]
        [key] = [k.value for k in cases.rows]
        await open_from_home(pilot, "cases", key)
        screen = reopened.screen
        assert isinstance(screen, CaseScreen)
        assert screen.stage_id == "value"
        assert field(reopened, "strategic").value is True
        assert field(reopened, "annual_value").query_one("Input").value == "lots"
        assert field(reopened, "annual_value").error
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert field(reopened, "counterparty").query_one("Input").value == "Beta plc"
        assert field(reopened, "since").query_one("Input").value == "2026-01-05"

    case_id = next((triage_home / "cases").iterdir()).name
    direct = make_app(case_id)  # `triage run CASE-ID`
    async with direct.run_test(size=SIZE):
        assert isinstance(direct.screen, CaseScreen)
        assert direct.screen.stage_id == "intake"  # where it was left


async def test_invalid_text_is_saved_and_comes_back(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counterparty", "Acme")
        await type_into(pilot, "their_email", "jo@acme.example")
        await focus(pilot, "their_email")
        await pilot.press("end", *["backspace"] * len("acme.example"))  # no longer valid
        message = field(app, "their_email").error
        assert message == "Enter an email address like name@example.com."
        # On disk at once, as a killed terminal would leave it.
        data = case_file(triage_home)
        assert data["pending"] == {"their_email": "jo@"}
        assert data["answers"]["their_email"] == "jo@a"  # the last text that was valid

    reopened = make_app(next((triage_home / "cases").iterdir()).name)
    async with reopened.run_test(size=SIZE) as pilot:
        email = field(reopened, "their_email")
        assert email.query_one("Input").value == "jo@"  # what was typed, not the stored answer
        assert email.error == message
        assert message in str(email.query_one(".error").render())
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert reopened.screen.stage_id == "intake"  # still not an answer

        await type_into(pilot, "their_email", "jo@beta.example")
        assert email.error == ""
    data = case_file(triage_home)
    assert "pending" not in data  # a valid answer replaces the kept text
    assert data["answers"]["their_email"] == "jo@beta.example"


async def test_home_highlights_the_playbook_the_app_ran(team, triage_home):
    app = make_app(str(team / "mini.toml"))  # `triage run PATH`
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#playbooks", DataTable)
        assert table.get_row_index("mini") > 0  # the built-in playbooks come first
        assert table.cursor_row == table.get_row_index("mini")
        assert str(team / "mini.toml") in str(home.query_one("#playbook-detail").render())


async def test_the_route_screen_says_why_the_level_was_raised(team, triage_home):
    mini = team / "mini.toml"
    directors = 'who = "Both sides\' directors"\n'
    raised = (
        'when = "annual_value and annual_value > 100000"\nbecause = "Six figures need directors."\n'
    )
    mini.write_text(mini.read_text().replace(directors, directors + raised, 1))
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_value(pilot)  # 150,000 a year
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_trust(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        route = app.screen
        assert isinstance(route, RouteScreen)
        summary = str(route.query_one("#route-summary").render())
        assert "Recommended: Negotiate directly" in summary
        assert "Escalation level 2: Directors" in summary
        assert "Level 2 (Directors) because: Six figures need directors." in summary
        rules = str(route.query_one("#route-rules").render())
        assert "• Part well: a planned exit" in rules  # the fourth route is an alternative


async def test_route_override_with_reason_is_recorded(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_to_trust(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        route = app.screen
        assert isinstance(route, RouteScreen)
        summary = str(route.query_one("#route-summary").render())
        assert "Recommended: Negotiate directly" in summary
        assert "Escalation level 1: Working level" in summary
        assert "Not accepted yet" in summary

        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RouteReasonDialog)
        dialog.query_one(RadioSet)._selected = 1  # mediate
        await pilot.press("enter", "tab")
        await pilot.press("enter")  # no reason yet
        await pilot.pause()
        assert app.screen is dialog
        assert "Give a reason" in str(dialog.query_one("#reason-error").render())
        await pilot.press(*"They asked for a mediator", "enter")
        await pilot.pause()
        assert app.screen is route
        summary = str(route.query_one("#route-summary").render())
        assert "Your choice: Bring in a mediator" in summary
        # the level shown is the chosen route's, so it sits under the choice, not the advice
        assert summary.index("Your choice") < summary.index("Escalation level")

    data = case_file(triage_home)
    assert data["override"] == {"route": "mediate", "reason": "They asked for a mediator"}
    assert data["route"]["reason"] == "They asked for a mediator"
    assert data["route"]["because"] != data["route"]["reason"]
    events = [(e["event"], e["detail"]) for e in data["ledger"]]
    assert ("route-overridden", "mediate: They asked for a mediator") in events


async def test_an_accepted_route_is_marked_when_later_answers_change_it(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_to_trust(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+n")  # Continue: moving on is not accepting
        await pilot.pause()
        assert "route-accepted" not in [e["event"] for e in case_file(triage_home)["ledger"]]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        route = app.screen
        assert "You accepted this route on" in str(route.query_one("#route-summary").render())
        await pilot.press("escape")  # back to the stages: trust turns out to be very low
        await pilot.pause()
        await focus(pilot, "trust_level")
        await pilot.press("left", "left", "left", "enter")  # 1
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        summary = str(app.screen.query_one("#route-summary").render())
        assert "Recommended: Bring in a mediator" in summary
        assert "Changed since you accepted" in summary
        assert "you accepted Negotiate directly" in summary

    events = [e["event"] for e in case_file(triage_home)["ledger"]]
    assert events.count("route-accepted") == 1 and events.count("route-superseded") == 1


async def test_broken_team_playbook_is_listed_and_the_rest_works(team, triage_home):
    (team / "broken.toml").write_text('format = 1\ntitle = "Broken"\nsummary = 3\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await playbooks_checked(pilot)
        table = app.screen.query_one("#playbooks", DataTable)
        assert "cannot be used" in str(table.get_row("broken")[2])
        await open_from_home(pilot, "playbooks", "broken")
        assert isinstance(app.screen, HomeScreen)
        assert "broken.toml" in str(app.screen.query_one("#playbook-detail").render())
        await open_from_home(pilot, "playbooks", "mini")
        assert isinstance(app.screen, CaseScreen)


async def test_typed_markup_is_shown_literally(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot, "[bold]Acme[/bold] [link=http://x]y[/link]")
        await pilot.press("ctrl+l")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        cell = review.query_one(DataTable).get_row("intake/counterparty")[2]
        assert cell.plain == "[bold]Acme[/bold] [link=http://x]y[/link]"
        assert not cell.spans
        assert app.screen.sub_title == "[bold]Acme[/bold] [link=http://x]y[/link]"


async def test_review_opens_an_answer_for_editing(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_value(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("intake/their_email"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.stage_id == "intake"
        assert app.focused is field(app, "their_email").query_one("Input")


async def test_multi_and_theme_and_help(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_to_trust(pilot)
        assert field(app, "emotions").query_one(SelectionList).selected == ["anger"]
        assert app.session.value("emotions") == ["anger"]
        assert app.session.value("trust_level") == 4

        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in (triage_home / "settings.toml").read_text()
    again = make_app()
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_command_palette_opens_a_playbook_and_jumps(team, triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open playbook: Mini")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await fill_intake(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Go to stage: Value")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.stage_id == "value"


async def test_pasted_lines_are_kept_in_a_one_line_field(team, triage_home):
    from textual import events

    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "counterparty")
        app.focused.post_message(events.Paste("Acme Ltd\nNorthern division\n"))
        await pilot.pause()
        assert app.focused.value == "Acme Ltd Northern division"
    assert case_file(triage_home)["answers"]["counterparty"] == "Acme Ltd Northern division"


async def test_writing_with_missing_answers_asks_first(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OutputsScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, OutputsScreen)
    folder = next((triage_home / "cases").iterdir())
    assert sorted(p.name for p in folder.iterdir()) == ["case.toml"]  # nothing written


async def test_a_stray_key_on_arrival_does_not_wipe_a_saved_answer(team, triage_home):
    """A resumed stage focuses its first field without selecting its text: "?" or "q" adds a
    character (Ctrl+Z takes it back) instead of replacing the saved name."""
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot, "Beta plc")
    reopened = make_app(next((triage_home / "cases").iterdir()).name)
    async with reopened.run_test(size=SIZE) as pilot:
        name = field(reopened, "counterparty").query_one("Input")
        await focus(pilot, "counterparty")
        assert name.selection.is_empty and name.cursor_position == len("Beta plc")
        await pilot.press("question_mark", "q")
        await pilot.pause()
        assert name.value == "Beta plc?q"
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert name.value == "Beta plc"
    assert case_file(triage_home)["answers"]["counterparty"] == "Beta plc"


async def test_outputs_screen_says_which_written_files_are_out_of_date(team, triage_home):
    """Written files are listed when the screen opens, and an answer changed since marks
    the files it changes as out of date, instead of "Nothing written yet"."""
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_outputs(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # back to the case, and to the outputs again
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "plan.md: up to date" in str(app.screen.query_one("#written").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert app.screen.stage_id == "intake"
        await type_into(pilot, "counterparty", "Acme Holdings")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OutputsScreen)
        shown = str(app.screen.query_one("#written").render())
        assert "Nothing written yet" not in shown
        assert "plan.md: out of date" in shown
        assert "The answers have changed since" in shown


async def test_a_length_error_says_the_length_and_goes_when_fixed(triage_home):
    """A too-long answer says how long it is now; once shortened, the "Before moving on"
    line no longer names it (it moves to the next problem, or clears)."""
    app = make_app("client-communication-breakdown")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counterparty", "A" * 130)
        assert field(app, "counterparty").error == "Use at most 120 characters (now 130)."
        await pilot.press("ctrl+n")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert status.startswith("Before moving on: Which company is the dispute with?")
        await type_into(pilot, "counterparty", "Acme Ltd")
        status = str(app.screen.query_one("#status").render())
        assert "Which company" not in status and "120 characters" not in status


def _line_text(widget, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_choices_read_without_colour_and_unanswered_is_not_no(team, triage_home):
    """Chosen options carry ● or ✓, others ○ or a blank: the state is in the characters."""
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_intake(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        strategic = field(app, "strategic")
        buttons = list(strategic.query("RadioButton"))
        assert [_line_text(b) for b in buttons] == ["▐○▌ Yes ", "▐○▌ No "]
        assert "not answered yet" in str(strategic.query_one("#yesno-state").render())
        assert app.session.value("strategic") is None
        await focus(pilot, "strategic")
        await pilot.press("down", "enter")  # No
        await pilot.pause()
        assert app.session.value("strategic") is False  # an answer, not a blank
        assert [_line_text(b) for b in buttons] == ["▐○▌ Yes ", "▐●▌ No "]
        assert "not answered" not in str(strategic.query_one("#yesno-state").render())
        await fill_value(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_trust(pilot)
        emotions = field(app, "emotions").query_one(SelectionList)
        lines = [_line_text(emotions, y) for y in range(emotions.option_count)]
        assert lines[0].startswith("▐✓▌ Anger")
        assert all(line.startswith("▐ ▌") for line in lines[1:])


async def test_the_route_dialog_says_what_choose_will_record(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await fill_to_trust(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RouteReasonDialog)
        choose = dialog.query_one("#choose")
        assert str(choose.label) == "Keep the recommendation"
        await pilot.press("down", "enter")  # a stray arrow and Enter: the label says so
        await pilot.pause()
        assert str(choose.label) == "Choose: Bring in a mediator"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert str(choose.label) == "Keep the recommendation"


async def test_an_edited_email_whose_answers_changed_asks_to_be_checked(team, triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, "playbooks", "mini")
        await walk_to_outputs(pilot)
        app.screen.query_one("#email-body").text = "Dear Jo,\n\nShall we talk on Monday?\n"
        await pilot.pause()
        state = app.screen.query_one("#email-state")
        assert "Your edited text" in str(state.render())
        await pilot.press("escape")  # back to the stages: the name was wrong
        await pilot.pause()
        app.edit_answer("intake", "counterparty")
        await pilot.pause()
        await type_into(pilot, "counterparty", "Acme Holdings")
        await pilot.press("ctrl+o")
        await pilot.pause()
        outputs = app.screen
        assert isinstance(outputs, OutputsScreen)
        state = outputs.query_one("#email-state")
        assert "have changed since you edited it" in str(state.render())
        assert "Shall we talk on Monday?" in outputs.query_one("#email-body").text  # kept
        keys = [b.binding.key for b in outputs.active_bindings.values()]
        assert "ctrl+k" in keys
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "Your edited text" in str(state.render())
        assert "ctrl+k" not in [b.binding.key for b in outputs.active_bindings.values()]


async def test_help_says_what_this_screen_and_this_question_need(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=(80, 24)) as pilot:
        await focus(pilot, "since")
        await pilot.press("f1")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "HelpDialog"
        shown = "\n".join(str(s.render()) for s in dialog.query("Static"))
        question = app.session.playbook.questions["since"]
        assert "The question in hand" in shown and question.prompt in shown
        assert "Type a date like 2026-03-31." in shown
        assert "`" not in shown  # no Markdown marks read out
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        shown = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "The route." in shown and "The question in hand" not in shown


def test_the_editor_is_named_and_never_vi_by_default(monkeypatch, tmp_path):
    from triage.tui import editor

    monkeypatch.setenv("EDITOR", "code --wait")
    monkeypatch.delenv("VISUAL", raising=False)
    found = editor.find_editor()
    assert found is not None and found.name == "code" and found.command == ("code", "--wait")
    monkeypatch.delenv("EDITOR")
    monkeypatch.setattr(editor.os, "name", "posix")
    monkeypatch.setattr(editor.sys, "platform", "linux")
    monkeypatch.setattr(editor.shutil, "which", lambda name: None)  # no nano, micro or pico
    assert editor.find_editor() is None  # says how to set one, rather than opening vi
    monkeypatch.setattr(editor.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert editor.find_editor().name == "nano"
    monkeypatch.setattr(editor.sys, "platform", "darwin")
    assert editor.find_editor().name == "TextEdit"


async def open_row_form(pilot) -> None:
    """Walk the mini playbook to its plan stage and open a new row of agreed_actions."""
    await fill_to_trust(pilot)
    await pilot.press("ctrl+n")
    await pilot.pause()
    await focus(pilot, "agreed_actions")
    await pilot.press("a")
    await pilot.pause()


async def test_the_row_form_fits_a_small_terminal_and_shows_its_own_keys(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_row_form(pilot)
        form = app.screen
        assert isinstance(form, RowForm)
        box = form.query_one(".dialog").region
        for button in ("#save", "#cancel"):
            region = form.query_one(button).region
            assert box.contains_region(region), f"{button} is cut off: {region} in {box}"
            assert region.bottom <= 24
        keys = [b.binding.key for b in form.active_bindings.values() if b.binding.show]
        assert "ctrl+s" in keys and "a" not in keys  # the form's keys, not the stage's


async def test_review_shows_whole_questions_at_80_columns(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=(80, 24)) as pilot:
        await fill_intake(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await fill_value(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one(DataTable)
        shown = "\n".join(
            "".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)
        )
        assert "would it be to" in shown and "replace them?" in shown  # wrapped, not cut


async def test_fast_typing_across_fields_after_a_resume_lands_in_each_field(team, triage_home):
    """Keys sent in one burst right after a resume (no waiting between them): each answer
    lands in its own field, none joined to the one before."""
    from textual import events
    from textual.keys import _character_to_key

    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counterparty", "Beta plc")
    case_id = next((triage_home / "cases").iterdir()).name
    reopened = make_app(case_id)
    async with reopened.run_test(size=SIZE) as pilot:
        await focus(pilot, "their_email")
        burst = [*"ops@gamma.example", "tab", *"2026-02-03", "tab"]
        for key in burst:  # sent at once, as a fast typist would, without waiting between
            char = key if len(key) == 1 else None
            name = _character_to_key(key) if char and not key.isalnum() else key
            event = events.Key(name, char)
            event.set_sender(reopened)
            reopened._driver.send_message(event)
        for _ in range(5):
            await pilot.pause()
    answers = case_file(triage_home)["answers"]
    assert answers["counterparty"] == "Beta plc"
    assert answers["their_email"] == "ops@gamma.example"
    assert answers["since"].isoformat() == "2026-02-03"


async def test_a_resumed_stage_starts_at_its_first_open_question(team, triage_home):
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counterparty", "Beta plc")
        await type_into(pilot, "their_email", "jo@beta.example")
    reopened = make_app(next((triage_home / "cases").iterdir()).name)
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reopened.focused is field(reopened, "since").query_one("Input")


async def test_home_names_a_built_in_playbook_by_its_id_not_its_installed_path(triage_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = str(app.screen.query_one("#playbook-detail").render())
        assert "id client-communication-breakdown · built in" in detail
        assert "site-packages" not in detail and ".toml" not in detail


async def test_list_entries_are_shown_whole(team, triage_home):
    """At 80 columns a list entry shows every field, wrapped, none cut off or hidden."""
    app = make_app("mini")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_row_form(pilot)
        await pilot.press(*"Send the corrected reconciliation with a covering note", "tab")
        await pilot.press(*"Samira Okonkwo-Delacroix", "tab", *"2026-02-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = field(app, "agreed_actions").query_one(DataTable)
        shown = " ".join(
            "".join(s.text for s in table.render_line(y)).strip() for y in range(table.size.height)
        )
        for part in ("covering note", "Samira Okonkwo-Delacroix", "2026-02-01"):
            assert part in shown, shown
        assert "…" not in shown.split("·", 1)[-1]  # only the heading may be shortened


async def test_a_long_option_label_wraps_under_itself(triage_home):
    from textual.app import App

    from triage.tui.widgets.choice import ChoiceButton

    label = "Tense: short replies, people copying in their bosses, formal language creeping in"

    class One(App[None]):
        def compose(self):
            yield RadioSet(ChoiceButton(label), ChoiceButton("Calm"))

    app = One()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        button = app.query(ChoiceButton).first()
        lines = ["".join(s.text for s in button.render_line(y)) for y in range(button.size.height)]
        assert button.size.height > 1
        assert " ".join(" ".join(lines).split()).endswith("formal language creeping in")
        assert lines[1].startswith("    ")  # hangs under the label, not under the mark


async def test_the_output_tabs_are_reached_with_the_arrow_keys_at_once(team, triage_home):
    """The outputs screen opens with the file tabs focused: Right shows the next file, with
    no tabbing through the buttons first."""
    from textual.widgets import TabbedContent

    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_outputs(pilot)
        tabs = app.screen.query_one(TabbedContent)
        first = tabs.active
        await pilot.press("right")
        await pilot.pause()
        assert tabs.active != first


async def test_a_draft_an_earlier_write_left_is_named_and_kept(team, triage_home):
    """A mediation proposal written while the route was mediate stays in the case folder
    after the route changes; the outputs screen names it so it is not sent by mistake, and
    never deletes it (it may have been edited)."""
    app = make_app("mini")
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_outputs(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [folder] = list((triage_home / "cases").iterdir())
        assert not (folder / "mediation-proposal.md").exists()  # not the mediate route
        (folder / "mediation-proposal.md").write_text("Proposal from last week")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        shown = str(app.screen.query_one("#written").render())
        assert "mediation-proposal.md is from an earlier write and no longer applies" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # replace the files this case writes
        await pilot.pause()
        shown = str(app.screen.query_one("#written").render())
        assert "Written:" in shown
        assert "mediation-proposal.md is from an earlier write" in shown
        assert (folder / "mediation-proposal.md").read_text() == "Proposal from last week"
