"""Follow-through after the outputs: actions done, moved, dropped and added, as a user
records them from the command line, and what is due across cases."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest

from tests.test_cli import triage
from triage.engine.case import load_case
from triage.engine.tracking import DueItem, due_items

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "playbooks/examples/client-communication-breakdown/outage-our-fault.toml"


@pytest.fixture
def case_folder(triage_home: Path) -> Path:
    result = triage("run", "client-communication-breakdown", "--answers", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    [folder] = [p.parent for p in (triage_home / "cases").glob("*/case.toml")]
    return folder


def _rows(folder: Path) -> list[dict[str, str]]:
    text = (folder / "actions.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_marking_an_action_done_reaches_the_tracker_the_plan_and_the_ledger(case_folder):
    first = _rows(case_folder)[0]["action"]
    result = triage("update", case_folder.name, "--done", "1", "--by", "Helen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Done: ")
    assert _rows(case_folder)[0]["status"] == "done"
    case = load_case(case_folder / "case.toml")
    assert case.ledger[-1].event == "action-done" and first in case.ledger[-1].detail
    assert "[by Helen]" in case.ledger[-1].detail
    plan = (case_folder / "plan.md").read_text(encoding="utf-8")
    upcoming = plan.split("### Next three actions", 1)[1].split("##", 1)[0]
    assert first.rstrip(".") not in upcoming, "the next actions are the open ones"
    assert "Done or dropped:" in plan and "*Done.*" in plan


def test_moving_needs_a_date_and_a_reason_and_the_calendar_follows(case_folder):
    refused = triage("update", case_folder.name, "--move", "2", "2027-01-11")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "--reason" in refused.stderr, "one sentence saying what is missing"
    moved = triage(
        "update", case_folder.name, "--move", "2", "2027-01-11", "--reason", "their CFO is away"
    )
    assert moved.returncode == 0, moved.stderr
    row = next(r for r in _rows(case_folder) if r["due"] == "2027-01-11")
    assert row["status"] == "moved"
    calendar = icalendar.Calendar.from_ical((case_folder / "actions.ics").read_bytes())
    days = [e.decoded("dtstart") for e in calendar.walk("VEVENT")]
    assert dt.date(2027, 1, 11) in days
    ledger = load_case(case_folder / "case.toml").ledger[-1]
    assert ledger.event == "action-moved" and "their CFO is away" in ledger.detail


def test_dropping_and_adding(case_folder):
    count = len(_rows(case_folder))
    assert triage("update", case_folder.name, "--drop", "3").returncode == 1  # no reason
    dropped = triage("update", case_folder.name, "--drop", "3", "--reason", "done by phone")
    assert dropped.returncode == 0, dropped.stderr
    added = triage(
        "update", case_folder.name, "--add", "Send the revised SLA", "--due", "2027-01-04",
        "--owner", "Priya", "--shared",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    rows = _rows(case_folder)
    assert len(rows) == count + 1
    new = next(r for r in rows if r["action"] == "Send the revised SLA")
    assert (new["owner"], new["due"], new["audience"]) == ("Priya", "2027-01-04", "shared")
    assert sum(1 for r in rows if r["status"] == "dropped") == 1
    listing = triage("update", case_folder.name)  # no change: the numbered tracker
    assert "[dropped]" in listing.stdout and "Send the revised SLA" in listing.stdout


def test_an_unknown_action_is_one_sentence(case_folder):
    result = triage("update", case_folder.name, "--done", "99")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("There is no action 99")


def test_due_lists_overdue_first_and_leaves_out_what_is_done(case_folder):
    rows = _rows(case_folder)
    assert triage("update", case_folder.name, "--done", "1").returncode == 0
    result = triage("due", "--json", "--days", "4000")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert listing["format"] == 1
    actions = [i["action"] for i in listing["items"]]
    assert rows[0]["action"] not in actions, "a done action is not due"
    assert rows[1]["action"] in actions
    overdue = [i["overdue"] for i in listing["items"]]
    assert overdue == sorted(overdue, reverse=True), "overdue first"
    plain = triage("due", "--days", "4000")
    assert "Fenwick" in plain.stdout


def test_due_items_order_and_horizon():
    class Case:
        id, counterparty = "c", "Acme"

    today = dt.date(2026, 12, 4)
    rows = [
        {"what": "later", "owner": "A", "due": "2026-12-20", "status": "open"},
        {"what": "soon", "owner": "A", "due": "2026-12-07", "status": "open"},
        {"what": "late", "owner": "A", "due": "2026-12-01", "status": "moved"},
        {"what": "finished", "owner": "A", "due": "2026-11-30", "status": "done"},
    ]
    items = due_items([(Case(), rows)], today, 7)  # type: ignore[list-item]
    assert [i.what for i in items] == ["late", "soon"]
    assert items[0] == DueItem("c", "Acme", "late", "A", dt.date(2026, 12, 1), True)


UPDATES = """
[[meeting]]
date = 2026-12-10
who = "Daniel Fenwick and Helen Achebe"
agreed = [
  { term = "A service credit of 4,000 on the January invoice", owner = "Helen Achebe", due = 2027-01-05 },
  { term = "Weekly release notes to their operations lead", owner = "Priya" },
]
still_open = ["the renewal price"]

[[outcome]]
date = 2027-01-12
result = "not"
note = "the renewal price is still apart"
escalate = true
by = "Helen Achebe"
reason = "the time-box for the senior sponsors ran out"

[close]
date = 2027-02-20
outcome = "partly"
contract = "Name a release freeze around their peak weekends in the SLA."
process = "A named engineer calls back within the hour on any priority-1 ticket."
team = "Coaching in difficult conversations for the support leads."
"""


def test_a_meeting_an_escalation_and_a_close_from_an_updates_file(case_folder, tmp_path):
    updates = tmp_path / "updates.toml"
    updates.write_text(UPDATES, encoding="utf-8")
    lessons = tmp_path / "team" / "lessons.md"
    result = triage("update", case_folder.name, "--file", str(updates), "--lessons", str(lessons))
    assert result.returncode == 0, result.stderr
    assert "Escalated to level" in result.stdout and "Case closed" in result.stdout
    rows = _rows(case_folder)
    credit = next(r for r in rows if r["action"].startswith("A service credit of 4,000"))
    assert (credit["owner"], credit["due"], credit["audience"]) == (
        "Helen Achebe", "2027-01-05", "shared",
    )  # fmt: skip
    summary = (case_folder / "follow-up-summary.md").read_text(encoding="utf-8")
    assert "Weekly release notes to their operations lead" in summary
    case = load_case(case_folder / "case.toml")
    events = [e.event for e in case.ledger]
    assert events[-4:] == ["meeting-held", "outcome", "escalated", "case-closed"]
    assert "the time-box for the senior sponsors ran out" in case.ledger[-2].detail
    plan = (case_folder / "plan.md").read_text(encoding="utf-8")
    assert "level 3" in plan.lower(), "the plan shows the level escalated to"
    import tomllib

    saved = tomllib.loads((case_folder / "case.toml").read_text(encoding="utf-8"))
    assert saved["route"]["level"] == 3, "case.toml and the plan say the same level"
    written = lessons.read_text(encoding="utf-8")
    assert "release freeze" in written and "Coaching in difficult conversations" in written
    due = json.loads(triage("due", "--json", "--days", "4000").stdout)
    assert not any(i["case"] == case_folder.name for i in due["items"]), "a closed case is done"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[outcome]]\ndate = 2027-01-12\nresult = "maybe"\n',
            "`outcome[0].result` must be one of",
        ),
        ('[[outcome]]\ndate = 2027-01-12\nresult = "not"\nescalate = true\n', "who decided"),
        ('[[meeting]]\nwho = "x"\n', "`meeting[0].date` must be a date"),
        ("[party]\n", "it takes meeting, outcome and close"),
        ("meeting = [", "updates.toml:1"),
    ],
)
def test_a_mistake_in_an_updates_file_is_one_sentence_and_changes_nothing(
    case_folder, tmp_path, text, expected
):
    before = (case_folder / "case.toml").read_bytes()
    updates = tmp_path / "updates.toml"
    updates.write_text(text, encoding="utf-8")
    result = triage("update", case_folder.name, "--file", str(updates))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr
    assert (case_folder / "case.toml").read_bytes() == before


def test_a_case_from_an_earlier_playbook_version_keeps_its_old_answers(case_folder):
    """The playbook changed (here: a question was dropped and the version raised): the case
    still opens, the old answer is kept and shown in the plan, and the ledger says so."""
    path = case_folder / "case.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('playbook_hash = "', 'playbook_hash = "old-', 1)
    text = text.replace('playbook_version = "1.0.0"', 'playbook_version = "0.9.0"', 1)
    text = text.replace("[answers]\n", '[answers]\nsite_visits = "Two, both in March"\n', 1)
    path.write_text(text, encoding="utf-8")
    result = triage("render", case_folder.name, "--force")
    assert result.returncode == 0, result.stderr
    assert "has changed since this case was started" in result.stderr
    case = load_case(path)
    assert case.answers["site_visits"] == "Two, both in March", "nothing typed is lost"
    [note] = [e for e in case.ledger if e.event == "playbook-updated"]
    assert "0.9.0 -> 1.0.0" in note.detail and case.playbook_version == "1.0.0"
    plan = (case_folder / "plan.md").read_text(encoding="utf-8")
    assert "Answers this playbook no longer asks for" in plan and "Two, both in March" in plan


def test_lists_of_cases_say_what_is_next_and_put_overdue_cases_first(case_folder):
    """The next open action and its date are kept in the case when the tracker changes, so
    the home screen and 'triage list' show them without rendering anything."""
    case = load_case(case_folder / "case.toml")
    assert case.next_due is not None and case.next_action
    listing = json.loads(triage("list", "--json").stdout)
    [entry] = listing["cases"]
    assert entry["next_due"] == case.next_due.isoformat()
    assert entry["overdue"] == (case.next_due < dt.date.today())
    plain = triage("list").stdout
    assert ("Overdue since" in plain) or ("Next " in plain)
    first = case.next_action
    assert triage("update", case_folder.name, "--done", first[:30]).returncode == 0
    assert load_case(case_folder / "case.toml").next_action != first, "done is not next"


def test_an_escalation_never_goes_above_the_top_level():
    from triage.engine.case import Case
    from triage.engine.tracking import record_outcome

    case = Case(id="c", playbook="p")
    outcome = {"date": dt.date(2027, 1, 5), "result": "not", "escalate": True,
               "by": "Sam", "reason": "no reply in two weeks"}  # fmt: skip
    assert record_outcome(case, outcome, "outcome[0]", 3, top=3) == 3
    assert case.escalated_level == 3


def _escalate(case_folder: Path, tmp_path: Path) -> None:
    """The informal attempt failed: Helen takes the case one level up, from an updates file."""
    updates = tmp_path / "escalate.toml"
    updates.write_text(
        '[[outcome]]\ndate = 2026-12-20\nresult = "not"\nescalate = true\nby = "Helen"\n'
        'reason = "no reply in ten days"\n',
        encoding="utf-8",
    )
    assert triage("update", case_folder.name, "--file", str(updates)).returncode == 0


def test_an_action_done_stays_done_when_an_escalation_rewords_it(case_folder, tmp_path):
    """The mandate action names the level; after an escalation its words change, and the
    manager's "done" must not fall off it."""
    mandate = next(r for r in _rows(case_folder) if r["action"].startswith("Agree our mandate"))
    assert triage("update", case_folder.name, "--done", "Agree our mandate").returncode == 0
    _escalate(case_folder, tmp_path)
    after = next(r for r in _rows(case_folder) if r["action"].startswith("Agree our mandate"))
    assert after["action"] != mandate["action"], "the escalation rewords the action"
    assert after["status"] == "done"
    assert triage("update", case_folder.name, "--move", "Agree our mandate", "2027-01-04",
                  "--reason", "the new level meets then").returncode == 0  # fmt: skip
    again = [r for r in _rows(case_folder) if r["action"].startswith("Agree our mandate")]
    assert [(r["status"], r["due"]) for r in again] == [("moved", "2027-01-04")]


def test_agreed_terms_typed_in_heat_are_flagged_before_the_summary_goes_out(case_folder, tmp_path):
    updates = tmp_path / "meeting.toml"
    updates.write_text(
        '[[meeting]]\ndate = 2026-12-14\nwho = "Daniel Fenwick"\n'
        '[[meeting.agreed]]\nterm = "You will pay the March invoice in full, or we will see you '
        'in court"\nowner = "Daniel Fenwick"\n'
        '[[meeting.agreed]]\nterm = "Weekly release notes to their operations lead"\n',
        encoding="utf-8",
    )
    result = triage("update", case_folder.name, "--file", str(updates))
    assert result.returncode == 0, result.stderr
    flagged = [line for line in result.stdout.splitlines() if line.startswith("Tone check:")]
    assert len(flagged) == 1 and "see you in court" in flagged[0]
    assert "Weekly release notes" not in flagged[0]


def test_an_escalation_updates_the_calendar_event_instead_of_adding_one(case_folder, tmp_path):
    def mandate_uid() -> str:
        calendar = icalendar.Calendar.from_ical((case_folder / "actions.ics").read_bytes())
        [event] = [e for e in calendar.walk("VEVENT") if "mandate" in str(e["SUMMARY"])]
        return str(event["UID"])

    before = mandate_uid()
    _escalate(case_folder, tmp_path)
    assert "level 3" in (case_folder / "actions.ics").read_text(encoding="utf-8").replace(
        "\r\n ", ""
    )
    assert mandate_uid() == before, "the same event, reworded: not a second one"


def test_marks_saved_before_the_actions_were_named_still_apply(case_folder):
    """The built-in actions gained an `id`. A case saved before then holds its marks under the
    digest of the action's words; after the upgrade the step is still done, and the calendar
    does not lose it."""
    from triage.engine import tracking
    from triage.engine.library import builtin_dir
    from triage.engine.playbook import load_playbook

    playbook = load_playbook(builtin_dir() / "client-communication-breakdown.toml")
    spec = next(a for a in playbook.actions if a.what.startswith("{% set least"))
    assert spec.id, "the mandate step is named"
    old_key = tracking.action_key(spec.what, [])  # how a case saved it before the id
    assert old_key.startswith("a-")
    assert triage("update", case_folder.name, "--done", "Agree our mandate").returncode == 0
    path = case_folder / "case.toml"
    text = path.read_text(encoding="utf-8")
    assert f'key = "id-{spec.id}"' in text
    # as an older version wrote it: the digest key, and the words of that time
    older = text.replace(f'key = "id-{spec.id}"', f'key = "{old_key}"').replace(
        'action = "Agree our mandate', 'action = "(older words) Agree our mandate', 1
    )
    path.write_text(older, encoding="utf-8")
    assert triage("render", case_folder.name, "--force").returncode == 0
    [row] = [r for r in _rows(case_folder) if r["action"].startswith("Agree our mandate")]
    assert row["status"] == "done"
