"""The meeting calendar puts each meeting at the hour it was typed for, on the meeting's own
clock, whatever the time zone of the computer that writes the file (a manager's laptop in
Oslo, a server in UTC). Read back with the ``icalendar`` library, as a calendar program
would read it: 09:00 in Windhoek stays 09:00 in Windhoek; a mediation day typed for 09:00
stays at 09:00; a Finnish supplier's 09:00 is 08:00 for the Swedish buyer it visits, as the
drafts say.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import tomli_w

from triage.engine import case
from triage.engine.answersfile import read_answers
from triage.engine.calendar import events_in, meeting_ics
from triage.engine.filters import holiday_guess, meeting_zone
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

EXAMPLES = Path(__file__).resolve().parent.parent / "playbooks" / "examples"
NOW = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)
MACHINES = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Europe/Oslo"]


@pytest.fixture(params=MACHINES)
def machine(request, monkeypatch):
    """The computer that writes the file sits in this zone."""
    if not hasattr(time, "tzset"):
        pytest.skip("the process time zone cannot be changed on this platform")
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def outputs(playbook_id: str, name: str, changes: dict[str, Any], tmp_path, monkeypatch):
    answers = tomllib.loads((EXAMPLES / playbook_id / f"{name}.toml").read_text("utf-8"))
    answers.pop("expect", None)
    answers.update(changes)
    monkeypatch.setattr(case, "now", lambda: NOW)
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps({k: v for k, v in answers.items() if v is not None}).encode())
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    return render_parts(playbook, read_answers(path, playbook)).files


def starts(data: bytes) -> list[dt.datetime]:
    calendar = icalendar.Calendar.from_ical(data)
    return [e.decoded("dtstart") for e in calendar.walk("VEVENT")]


# (playbook, example, answers that place the meeting, (year, month, day, hour, minute) typed,
#  the IANA zone the meeting is on, or None for a floating time shown at the hour typed)
CASES = [
    (  # a payroll supplier and a fishing company, both in Namibia: an apology visit
        "client-communication-breakdown",
        "outage-our-fault",
        {
            "counterparty": "Namib Coastal Fisheries (Pty) Ltd",
            "their_email": "ndapewa@namibcoastal.com.na",
            "our_company": "PayPoint Namibia (Pty) Ltd",
            "our_email": "riaan@paypoint.com.na",
            "currency": "NAD",
            "meeting_format": "in_person",
            "proposed_times": [{"date": "2026-12-08", "time": "09:00"}],
        },
        (2026, 12, 8, 9, 0),
        "Africa/Windhoek",
    ),
    (  # a brewery and a pub group in England: a video call
        "salvage-relationship",
        "pub-group-rich-history",
        {
            "their_email": "owen.pritchard@ridgewayinns.co.uk",
            "our_email": "amara.osei@hallbrook.co.uk",
            "meeting_format": "video",
            "proposed_times": [{"date": "2026-12-10", "time": "14:30"}],
        },
        (2026, 12, 10, 14, 30),
        "Europe/London",
    ),
    (  # a Finnish foundry visits its Swedish buyer: the time is the one at their site
        "partner-dispute",
        "reseller-commission-negotiate",
        {
            "counterparty": "Mälardalen Hiss AB",
            "their_email": "lina.bergqvist@malardalenhiss.se",
            "our_company": "Pirkanmaa Valimo Oy",
            "our_email": "hannele@pirkanmaavalimo.fi",
            "currency": "EUR",
            "meeting_format": "in_person",
            "their_hours_ahead": -1,
            "proposed_times": [{"date": "2026-12-10", "time": "09:00"}],
        },
        (2026, 12, 10, 9, 0),
        "Europe/Stockholm",
    ),
    (  # a US software firm (several time zones): the hour typed, as a floating time
        "partner-dispute",
        "reseller-commission-negotiate",
        {
            "counterparty": "Kestrel Systems Integration Inc.",
            "their_email": "aisha@kestrel-si.com",
            "our_company": "Northwind Analytics LLC",
            "our_email": "sam@northwind.com",
            "currency": "USD",
            "meeting_format": "video",
            "proposed_times": [{"date": "2026-12-09", "time": "11:00"}],
        },
        (2026, 12, 9, 11, 0),
        None,
    ),
]


@pytest.mark.parametrize("playbook_id,name,changes,typed,zone", CASES)
def test_a_meeting_stays_at_the_hour_typed_whatever_the_machine(
    playbook_id, name, changes, typed, zone, machine, tmp_path, monkeypatch
):
    files = outputs(playbook_id, name, changes, tmp_path, monkeypatch)
    data = files["reset-meeting.ics"]
    assert b"Z\r\nDTEND" not in data, "never stamped as UTC from this computer's clock"
    first = starts(data)[0]
    assert first.replace(tzinfo=None) == dt.datetime(*typed), (machine, first)
    if zone is None:
        assert first.tzinfo is None, "no zone known: a floating time, at the hour typed"
    else:
        assert str(first.tzinfo) == zone
        assert f"BEGIN:VTIMEZONE\r\nTZID:{zone}".encode() in data
        expected = dt.datetime(*typed, tzinfo=ZoneInfo(zone))
        assert first.astimezone(dt.UTC) == expected.astimezone(dt.UTC)


def test_the_visit_is_at_their_hour_in_the_invitation_as_in_the_email(tmp_path, monkeypatch):
    _, name, changes, _, _ = CASES[2]
    files = outputs("partner-dispute", name, changes, tmp_path, monkeypatch)
    invitation = files["meeting-invitation.md"].decode("utf-8-sig")
    # A visit is booked on the clock of the place visited: 09:00 typed is 09:00 in Sweden, not
    # 09:00 in Finland shown to them as 08:00 (blind round 36: a 10:00 visit in São Paulo was
    # offered at "06:00 your time").
    assert "Thursday 10 December 2026 at 09:00 your time" in invitation
    assert "Finnish time" not in invitation, "in person: their local time alone"
    (event,) = icalendar.Calendar.from_ical(files["reset-meeting.ics"]).walk("VEVENT")
    start = event.decoded("dtstart").astimezone(ZoneInfo("Europe/Stockholm"))
    assert (start.hour, start.minute) == (9, 0), "the calendar and the invitation agree"


def test_a_mediation_day_at_a_venue_keeps_the_hour_typed(machine):
    """Kyoto, typed by a Norwegian supplier: the venue's clock, unknown, so floating."""
    guess = holiday_guess(
        "takeshi@kogenfoods.co.jp", "Sapporo Kōgen Foods K.K.", "ingrid@nordlys.no", "", "JPY"
    )
    assert meeting_zone(guess, True, 8) == ""
    assert meeting_zone(guess, False, 8) == "Europe/Oslo", "a call: on our own clock"
    slots = [{"date": dt.date(2027, 1, 19), "time": "09:00"}]
    data = meeting_ics(slots, 240, "Mediation", "s", NOW.date(), meeting_zone(guess, True, 8))
    (start,) = starts(data)
    assert start == dt.datetime(2027, 1, 19, 9, 0)
    assert icalendar.Calendar.from_ical(data).walk("VEVENT")[0].decoded(
        "dtend"
    ) - start == dt.timedelta(hours=4)
    assert events_in(data) == [("Tue 19 Jan 2027 09:00", "Mediation")]


@pytest.mark.parametrize(
    "zone,day,hour_utc",
    [
        ("Europe/Helsinki", dt.date(2027, 1, 19), 7),  # winter, +02:00
        ("Europe/Helsinki", dt.date(2027, 3, 30), 6),  # after the clocks go forward, +03:00
        ("Africa/Windhoek", dt.date(2027, 7, 6), 7),  # no clock change, +02:00
        ("America/Santiago", dt.date(2027, 1, 12), 12),  # southern summer, -03:00
        ("Asia/Kathmandu", dt.date(2027, 2, 2), 3),  # +05:45
    ],
)
def test_the_time_zone_block_places_the_meeting_across_clock_changes(zone, day, hour_utc):
    data = meeting_ics([{"date": day, "time": "09:00"}], 60, "Meeting", "s", NOW.date(), zone)
    # read with the file's own VTIMEZONE only, as a calendar program without the zone would
    # (icalendar keeps a zone it has read by its name: one name for each case)
    alias = f"Triage-Test-{zone.replace('/', '-')}-{day:%Y%m%d}"
    text = (
        data.decode()
        .replace(f"TZID={zone}", f"TZID={alias}")
        .replace(f"TZID:{zone}", f"TZID:{alias}")
    )
    (start,) = starts(text.encode())
    assert start.replace(tzinfo=None) == dt.datetime.combine(day, dt.time(9))
    moment = start.astimezone(dt.UTC)
    assert (moment.hour, moment.minute) == (hour_utc, 15 if zone == "Asia/Kathmandu" else 0)


def test_no_machine_zone_in_the_engine_default():
    """The default is a floating time, not this computer's zone."""
    before = os.environ.get("TZ")
    data = meeting_ics([{"date": dt.date(2026, 12, 9), "time": "10:00"}], 45, "M", "s", NOW.date())
    assert b"DTSTART:20261209T100000\r\n" in data
    assert os.environ.get("TZ") == before
