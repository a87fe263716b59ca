"""Actions you could run a week on: due dates on working days, sorted, shared or internal."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from triage.engine.case import Case
from triage.engine.errors import PlaybookInvalid
from triage.engine.evaluate import evaluate
from triage.engine.playbook import load_playbook
from triage.engine.render import RenderError, actions_csv, context, render_case

# The fixed clock (tests/conftest.py) makes the case date Monday 2 March 2026.
PLAYBOOK = """\
format = 1
title = "Actions"
summary = "Due dates and audiences."
version = "1"

[[stages]]
id = "intake"
title = "Intake"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who?"

[[stages.questions]]
id = "meeting"
kind = "date"
prompt = "When is the meeting?"

[[stages.questions]]
id = "agreed"
kind = "list"
prompt = "Agreed actions"

[[stages.questions.fields]]
id = "what"
kind = "text"
prompt = "What"

[[stages.questions.fields]]
id = "owner"
kind = "text"
prompt = "Who"

[[stages.questions.fields]]
id = "due"
kind = "date"
prompt = "By when"

[[stages.questions.fields]]
id = "shared"
kind = "yesno"
prompt = "Share with them?"

[decision]
default = "negotiate"
because = "Talk."

[[actions]]
what = "Hold the meeting with {{ counterparty }}"
owner = "Sam"
due = "meeting"
when = "route != 'legal' and levels | length == 0"
shared = true

[[actions]]
what = "Prepare the figures"
owner = "Jo"
due = "meeting | add_working_days(-2) if meeting else none"
due_days = 3

[[actions]]
what = "Chase the signature"
owner = "Jo"
due_days = 5

[[actions]]
what = "Keep an eye on it"
owner = "Jo"

[[actions]]
from = "agreed"
shared = true
"""


@pytest.fixture
def playbook(tmp_path: Path):
    path = tmp_path / "actions.toml"
    path.write_text(PLAYBOOK, encoding="utf-8")
    return load_playbook(path)


def rows(playbook, answers: dict) -> list[dict]:
    case = Case.new(playbook, answers)
    evaluation = evaluate(playbook, case.answers)
    return context(playbook, case, evaluation)["actions"]


def table(playbook, answers: dict) -> list[tuple[str, str, str]]:
    return [(r["what"], r["due"], r["audience"]) for r in rows(playbook, answers)]


def test_due_expressions_due_days_and_no_date_sorted_with_weekends_moved(playbook, fixed_now):
    found = table(playbook, {"counterparty": "Acme", "meeting": dt.date(2026, 3, 12)})
    assert found == [
        ("Chase the signature", "2026-03-09", "internal"),  # Saturday 7 March -> Monday
        ("Prepare the figures", "2026-03-10", "internal"),  # two working days before Thursday
        ("Hold the meeting with Acme", "2026-03-12", "shared"),
        ("Keep an eye on it", "", "internal"),  # no date: last
    ]


def test_a_due_expression_giving_none_falls_back_to_due_days(playbook, fixed_now):
    found = {what: due for what, due, _ in table(playbook, {"counterparty": "Acme"})}
    assert found["Prepare the figures"] == "2026-03-05"  # due_days = 3
    assert found["Hold the meeting with Acme"] == ""  # neither gives a date
    assert found["Keep an eye on it"] == ""


def test_a_step_before_a_near_meeting_is_due_today_not_already_overdue(playbook, fixed_now):
    """The meeting is tomorrow: 'two working days before it' would be last Thursday, so the
    preparation falls due today (Monday 2 March), never on a date already past."""
    answers = {"counterparty": "Acme", "meeting": dt.date(2026, 3, 3)}
    found = {what: due for what, due, _ in table(playbook, answers)}
    assert found["Prepare the figures"] == "2026-03-02"
    assert found["Hold the meeting with Acme"] == "2026-03-03"


def test_a_computed_date_on_a_sunday_moves_to_monday(playbook, fixed_now):
    answers = {"counterparty": "Acme", "meeting": dt.date(2026, 3, 15)}
    found = {what: due for what, due, _ in table(playbook, answers)}
    assert found["Hold the meeting with Acme"] == "2026-03-16"


def test_typed_dates_are_kept_and_rows_are_shared_unless_the_row_says_not(playbook, fixed_now):
    agreed = [
        {"what": "Send the minutes", "owner": "Sam", "due": dt.date(2026, 3, 7)},  # a Saturday
        {"what": "Internal debrief", "owner": "Jo", "due": dt.date(2026, 3, 3), "shared": False},
        {"what": "Agree the price", "owner": "Sam", "shared": True},
    ]
    found = rows(playbook, {"counterparty": "Acme", "agreed": agreed})
    assert [(r["what"], r["due"], r["audience"], r["shared"]) for r in found] == [
        ("Internal debrief", "2026-03-03", "internal", False),
        ("Prepare the figures", "2026-03-05", "internal", False),
        ("Send the minutes", "2026-03-07", "shared", True),  # as typed, even on a Saturday
        ("Chase the signature", "2026-03-09", "internal", False),
        ("Hold the meeting with Acme", "", "shared", True),
        ("Keep an eye on it", "", "internal", False),
        ("Agree the price", "", "shared", True),
    ]


def test_rows_with_the_same_date_keep_their_order(playbook, fixed_now):
    agreed = [{"what": f"Step {n}", "due": dt.date(2026, 3, 5)} for n in range(1, 4)]
    found = [r["what"] for r in rows(playbook, {"agreed": agreed})]
    assert found[:4] == ["Prepare the figures", "Step 1", "Step 2", "Step 3"]


def test_the_tracker_has_an_audience_column(playbook, fixed_now):
    case = Case.new(playbook, {"counterparty": "=Acme", "meeting": dt.date(2026, 3, 12)})
    data = render_case(playbook, case)["actions.csv"].decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(data)))
    assert parsed[0] == ["action", "owner", "due", "status", "audience"]
    assert parsed[3] == ["Hold the meeting with =Acme", "Sam", "2026-03-12", "open", "shared"]
    assert parsed[1][4] == "internal"
    formula = actions_csv([{"what": "-1", "owner": "@x", "due": "", "status": "open"}])
    assert formula.decode().splitlines()[1] == "'-1,'@x,,open,internal"


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("'next week'", "actions[0].due gives 'next week', which is not a date"),
        ("3", "actions[0].due gives 3, which is not a date"),
        ("meeting | add_days('x')", "actions[0].due: "),
    ],
)
def test_a_due_expression_that_gives_no_date_is_a_clear_error(tmp_path, fixed_now, due, message):
    path = tmp_path / "p.toml"
    path.write_text(PLAYBOOK.replace('due = "meeting"', f'due = "{due}"'), encoding="utf-8")
    playbook = load_playbook(path)
    case = Case.new(playbook, {"meeting": dt.date(2026, 3, 12)})
    with pytest.raises(RenderError) as caught:
        render_case(playbook, case)
    assert message in str(caught.value)


def test_a_due_text_date_is_accepted(tmp_path, fixed_now):
    path = tmp_path / "p.toml"
    path.write_text(PLAYBOOK.replace('due = "meeting"', "due = \"'2026-03-20'\""), encoding="utf-8")
    playbook = load_playbook(path)
    found = {w: d for w, d, _ in table(playbook, {"counterparty": "Acme"})}
    assert found["Hold the meeting with Acme"] == "2026-03-20"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('due = "meeting"', 'due = "meetin"', "`actions[0].due` names 'meetin'"),
        ('due = "meeting"', "due = 3", "`actions[0].due` must be text, not a whole number"),
        ("shared = true\n\n[[actions]]\nwhat", 'shared = "yes"\n\n[[actions]]\nwhat',
         "`actions[0].shared` must be true or false"),
        ('from = "agreed"\nshared = true', 'from = "agreed"\nshared = 1',
         "`actions[4].shared` must be true or false"),
        ('from = "agreed"\n', 'from = "agreed"\ndue_days = 2\n',
         "`actions[4].due_days` is not a known key"),
        ('id = "shared"\nkind = "yesno"', 'id = "shared"\nkind = "text"',
         "`stages[0].questions[2].fields[3].kind` must be 'yesno'"),
    ],
)  # fmt: skip
def test_action_keys_are_checked_with_file_and_line(tmp_path, old, new, expected):
    path = tmp_path / "p.toml"
    assert old in PLAYBOOK
    path.write_text(PLAYBOOK.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert expected in problem and problem.startswith(f"{path}:")
