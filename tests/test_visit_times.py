"""A meeting in person is on the clock of the place where both sides sit.

Blind round 36: a Dutch supplier booked 10:00 at its Brazilian distributor's office in São
Paulo, and an Australian one 10:00 at its customer's office in Seoul. The drafts converted the
hour as if it were typed on the home clock and offered "06:00 your time" and "08:00 your time":
nobody books a visit that way. The hour typed for a visit is the hour at the place visited; the
email names the place, and the calendar file holds that moment.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

MONDAY = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def visit(place: str | None, ahead: float, tmp_path: Any, monkeypatch: Any) -> dict[str, Any]:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: MONDAY)
    answers: dict[str, Any] = {
        "counterparty": "Vinhedo Distribuição Ltda.",
        "their_contact": "Ricardo Almeida",
        "their_email": "ricardo@vinhedo.example",
        "our_company": "Zeeland Pumps B.V.",
        "our_contact": "Femke Jansen",
        "our_email": "femke@zeelandpumps.nl",
        "what_happened": "We quoted against our own distributor on a hospital tender.",
        "fault": "mostly_us",
        "their_hours_ahead": ahead,
        "meeting_format": "in_person",
        "proposed_times": [
            {"date": dt.date(2026, 12, 15), "time": "10:00"},
            {"date": dt.date(2026, 12, 16), "time": "14:30"},
        ],
    }
    if place:
        answers["meeting_place"] = place
    playbook = load_playbook(builtin_dir() / "salvage-relationship.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    files = render_parts(playbook, read_answers(path, playbook)).files
    return {name: data.decode("utf-8", errors="replace") for name, data in files.items()} | {
        "starts": [
            e.decoded("dtstart")
            for e in icalendar.Calendar.from_ical(files["reset-meeting.ics"]).walk("VEVENT")
        ]
    }


@pytest.mark.parametrize("ahead", [-4, -2, 3, 5.5])
@pytest.mark.parametrize("place", ["your office in São Paulo", "at your plant in Campinas", None])
def test_a_visit_is_offered_at_the_hour_typed_on_their_clock(ahead, place, tmp_path, monkeypatch):
    out = visit(place, ahead, tmp_path, monkeypatch)
    email = out["reset-email.eml"]
    assert "at 10:00" in email and "14:30 your time" in email, email
    converted = [f"{(10 + h) % 24:02d}:00" for h in (-4, -2, 3)] + ["15:30"]
    assert not any(f"at {hour}" in email for hour in converted if hour != "10:00"), email
    assert "my time" not in email
    if place:
        assert place.removeprefix("at ").split()[1] in email, "the email says where we meet"
    invitation = out["meeting-invitation.md"]
    assert "at 10:00 your time" in invitation and "at 14:30 your time" in invitation
    # Their country is not known from these answers: the calendar keeps the hour typed as a
    # floating time, which every calendar shows at 10:00 wherever the visitor is that day.
    assert [(s.hour, s.minute) for s in out["starts"]] == [(10, 0), (14, 30)]


def test_a_visit_to_a_known_country_is_held_in_its_zone():
    from triage.engine.filters.calendars import meeting_zone

    guess = {"countries": ["nl", "se"], "ours": "nl"}
    assert meeting_zone(guess, False, 1, True, "your office in Malmö") == "Europe/Stockholm"
    assert meeting_zone(guess, False, 1, True, "") == "Europe/Stockholm"
    assert meeting_zone(guess, False, 1, True, "our plant in Goes") == "Europe/Amsterdam"
    assert meeting_zone(guess, False, 1, True, "the Hilton at Copenhagen airport") == ""
    # A call is still typed on our own clock.
    assert meeting_zone(guess, False, 1, False, "") == "Europe/Amsterdam"


@pytest.mark.parametrize("place", ["our factory in Goes", "the Hilton at Schiphol airport"])
def test_a_meeting_elsewhere_is_at_the_local_hour(place, tmp_path, monkeypatch):
    out = visit(place, -4, tmp_path, monkeypatch)
    email = out["reset-email.eml"]
    assert "14:30 local time" in email and "your time" not in email, email
    assert "06:00" not in email and "my time" not in email
