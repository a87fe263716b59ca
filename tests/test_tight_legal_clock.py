"""A report the law dates within a day or two (a personal-data breach the controller must notify
to its regulator on Monday) and a meeting the manager booked before it: the booked time stands
in the plan, the email, the invitation, the tracker and the calendar, and nothing calls it
"passed", dates it after the deadline, or asks them to meet "before" a day already gone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import test_reader_needs
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

SUNDAY = dt.datetime(2026, 12, 6, 20, 0, tzinfo=dt.UTC)
SATURDAY = dt.datetime(2026, 12, 5, 17, 0, tzinfo=dt.UTC)


def _breach(**over: Any) -> dict[str, Any]:
    """A processor's leak of its client's customer data, the client's regulator clock running."""
    answers: dict[str, Any] = {
        "counterparty": "Hafenlicht Versand GmbH",
        "their_contact": "Annika Petersen",
        "their_greeting": "Annika",
        "their_email": "a.petersen@hafenlicht-versand.de",
        "our_company": "Polderdata B.V.",
        "our_contact": "Joris van Dijk",
        "our_email": "joris.vandijk@polderdata.nl",
        "issue_title": "customer list left open on a test server",
        "issue_for_them": "the exposure we reported on Friday",
        "what_happened": (
            "We host the order-tracking service for Hafenlicht. On 3 December a developer copied "
            "their live customer list (41,000 names, emails and addresses) to a test server with "
            "no password. A researcher told us on Friday 4 December and we shut it at 11:20. "
            "Annika is their data protection officer; she must notify the regulator within 72 "
            "hours. Their counsel wrote on Saturday reserving all rights under the DPA."
        ),
        "since": dt.date(2026, 12, 3),
        "amount_at_stake": 180000,
        "currency": "EUR",
        "annual_value": 300000,
        "relationship_years": "long",
        "strategic_value": "core",
        "alternatives": "costly",
        "mutual_benefit": True,
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "emotions": "high",
        "heat_source": "theirs",
        "trust_today": 2,
        "category": "compliance",
        "alleged_breach": True,
        "red_flags": ["data_breach", "regulator", "lawyers", "deadline", "notice_close"],
        "regulator_told": False,
        "breach_where": "ours",
        "lawyers_side": "both",
        "formal_from": "them",
        "money": "we_owe",
        "stake_vs_fee": "larger",
        "notice_deadline": dt.date(2026, 12, 7),
        "deadline_kind": "statute",
        "mediation_open": "no",
        "lawyer_consulted": True,
        "proposed_times": [
            {"date": dt.date(2026, 12, 7), "time": "08:00"},
            {"date": dt.date(2026, 12, 7), "time": "09:30"},
        ],
        "meeting_minutes": 45,
        "meeting_format": "video",
        "public_holidays": ["none"],
    }
    answers.update(over)
    return answers


def drafts(playbook_id, answers, tmp_path, monkeypatch, now):
    """Every output as text, the calendar files too."""
    texts = test_reader_needs.drafts(playbook_id, answers, tmp_path, monkeypatch, now)
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    for name, data in render_parts(playbook, read_answers(path, playbook)).files.items():
        if name.endswith(".ics"):
            texts[name] = data.decode("utf-8")
    return texts


PLAYBOOKS = [
    "client-communication-breakdown",
    "contract-terms-dispute",
    "partner-dispute",
    "salvage-relationship",
]


def _tracker_meeting(csv: str) -> list[str]:
    return [row for row in csv.splitlines() if row.startswith(("Meet ", '"Meet '))]


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_meeting_booked_for_the_deadline_morning_stands(playbook, tmp_path, monkeypatch):
    texts = drafts(playbook, _breach(), tmp_path, monkeypatch, SUNDAY)
    plan, email = texts["plan.md"], texts["reset-email.eml"]
    invitation, tracker = texts["meeting-invitation.md"], texts["actions.csv"]
    assert "have passed" not in plan
    assert "offer new ones" not in plan + tracker
    assert "Friday 4 December" not in invitation
    # The email offers the booked times, on the day before the deadline, and goes today.
    assert (
        "Monday 7 December 2026 at 08:00" in email
        or "tomorrow, Monday 7 December at 08:00 or 09:30" in email
    ), email
    assert "to find a time" not in email
    assert "Monday 7 December 2026 at 08:00" in invitation
    meets = _tracker_meeting(tracker)
    assert meets and all(",2026-12-07," in row for row in meets), meets
    send = [r for r in tracker.splitlines() if "Send the reset email" in r]
    assert send and ",2026-12-06," in send[0], send
    assert "20261207T080000" in texts["reset-meeting.ics"]


@pytest.mark.parametrize("playbook", PLAYBOOKS[::3])
def test_a_regulator_date_on_tuesday_keeps_the_monday_booking(playbook, tmp_path, monkeypatch):
    # Written on a Saturday; the regulator's window closes on Tuesday. The Monday afternoon
    # call the manager booked is the one that helps them file: the email goes now, not Monday.
    answers = _breach(
        counterparty="Skagerrak Pharma Distribusjon AS",
        their_contact="Ingrid Solberg",
        their_greeting="Ingrid",
        their_email="ingrid.solberg@skagerrakpharma.no",
        notice_deadline=dt.date(2026, 12, 8),
        deadline_kind="regulator",
        proposed_times=[
            {"date": dt.date(2026, 12, 7), "time": "16:00"},
            {"date": dt.date(2026, 12, 8), "time": "08:30"},
        ],
    )
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    plan, email = texts["plan.md"], texts["reset-email.eml"]
    assert "have passed" not in plan
    assert "Monday 7 December" in email and "16:00" in email, email
    meets = _tracker_meeting(texts["actions.csv"])
    assert meets and all(",2026-12-07," in row for row in meets), meets


def test_no_invitation_asks_to_meet_before_a_day_gone(tmp_path, monkeypatch):
    # The only time typed is this evening, before the email can be read: the invitation asks
    # for a time before the deadline, never "before" a day already gone, and the plan does not
    # call this evening's time passed.
    answers = _breach(proposed_times=[{"date": dt.date(2026, 12, 6), "time": "18:00"}])
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SUNDAY)
    invitation, plan = texts["meeting-invitation.md"], texts["plan.md"]
    assert "before Monday 7 December 2026" in invitation, invitation
    for gone in ("Friday 4 December", "Saturday 5 December"):
        assert f"before {gone}" not in invitation, invitation
    assert "have passed" not in plan
    assert "come before the email can be answered: offer new ones in it" in plan
