"""Calendar files: the meeting slots offered and the dated actions, read back by a real
calendar parser (icalendar), with hostile text from answers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from triage.engine.calendar import actions_ics, events_in, meeting_ics
from triage.engine.playbook import PlaybookInvalid, load_playbook

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "playbooks/examples/client-communication-breakdown/outage-our-fault.toml"
CET = dt.timezone(dt.timedelta(hours=1), "CET")
STAMP = dt.date(2026, 3, 2)


def _events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_meeting_slots_are_tentative_events_at_the_typed_local_time():
    slots = [{"date": dt.date(2026, 12, 11), "time": "15:00"}, {"date": dt.date(2026, 12, 10)}]
    events = _events(meeting_ics(slots, 60, "Meeting: Acme", "seed", STAMP, CET))
    assert len(events) == 2
    timed, all_day = events
    start = timed.decoded("dtstart")
    assert start.tzinfo is not None, "a meeting time carries its time zone"
    assert start == dt.datetime(2026, 12, 11, 14, 0, tzinfo=dt.UTC)  # 15:00 CET
    assert timed.decoded("dtend") - start == dt.timedelta(minutes=60)
    assert str(timed["status"]) == "TENTATIVE"
    assert all_day.decoded("dtstart") == dt.date(2026, 12, 10), "no time: a whole-day hold"
    assert len({str(e["uid"]) for e in events}) == 2


def test_typed_text_cannot_add_an_event_or_a_property():
    title = 'Acme; "Ltd", a\\b\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil\nX-EVIL:1\x07'
    data = meeting_ics([{"date": dt.date(2026, 12, 10), "time": "09:30"}], 30, title, "s", STAMP)
    events = _events(data)
    assert len(events) == 1
    assert "X-EVIL" not in events[0]
    assert str(events[0]["summary"]) == title.replace("\r\n", "\n").replace("\x07", "")
    rows = [{"what": "=cmd|' /C calc'!A0,\nBEGIN:VTODO", "owner": "Zoë; Ops", "due": "2026-03-04"}]
    (event,) = _events(actions_ics(rows, "Actions", "seed", STAMP))
    assert str(event["summary"]) == rows[0]["what"]
    assert "Zoë; Ops" in str(event["description"])


def test_long_plain_lines_are_folded_at_exactly_75_octets():
    title = "Call the depot about the March invoice and the missing pallets, then " * 4
    data = meeting_ics([{"date": dt.date(2026, 12, 10), "time": "09:00"}], 45, title, "s", STAMP)
    lines = data.split(b"\r\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith(b"SUMMARY:"))
    assert len(lines[summary]) == 75 and lines[summary + 1].startswith(b" ")
    assert len(lines[summary + 1]) == 75
    (event,) = _events(data)
    assert str(event["summary"]) == title


def test_long_lines_are_folded_without_splitting_a_character():
    title = "Réunion à propos du retard de livraison 🚚 " * 6
    data = meeting_ics([{"date": dt.date(2026, 12, 10), "time": "09:00"}], 45, title, "s", STAMP)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    data.decode("utf-8")  # every folded line is still valid UTF-8 on its own terms
    (event,) = _events(data)
    assert str(event["summary"]) == title


def test_only_dated_actions_go_in_the_calendar_as_whole_days():
    rows = [
        {"what": "Call them", "owner": "Sam", "due": "2026-03-04", "audience": "shared"},
        {"what": "Someday", "owner": "Sam", "due": ""},
    ]
    (event,) = _events(actions_ics(rows, "Actions: Acme", "seed", STAMP))
    assert event.decoded("dtstart") == dt.date(2026, 3, 4)
    assert event.decoded("dtend") == dt.date(2026, 3, 5)
    assert str(event["description"]) == "Owner: Sam. Shared with the other side."
    assert events_in(actions_ics(rows, "A", "s", STAMP)) == [("Wed 04 Mar 2026", "Call them")]


def test_a_case_writes_both_calendars_that_a_calendar_program_reads(tmp_path):
    out = tmp_path / "out"
    command = [
        "run",
        "client-communication-breakdown",
        "--answers",
        str(EXAMPLE),
        "--out",
        str(out),
    ]
    result = subprocess.run(
        [sys.executable, "-m", "triage", *command], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    actions = _events((out / "actions.ics").read_bytes())
    assert len(actions) >= 5
    rows = (out / "actions.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert len(actions) == sum(1 for row in rows if ",20" in row), "every dated row, no more"
    meeting = out / "reset-meeting.ics"
    if meeting.exists():  # only while a slot offered is still ahead
        for event in _events(meeting.read_bytes()):
            assert event.decoded("dtstart").tzinfo is not None


BOOK = """
format = 1
title = "Cal"
summary = "A calendar output."
version = "1.0.0"

[[stages]]
id = "s"
title = "S"

[[stages.questions]]
id = "when"
kind = "date"
prompt = "When?"

[decision]
default = "negotiate"
because = "Talk."
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('file = "m.ics"\ntemplate = "x.j2"\nevents = "[]"\ntitle = "T"', "template"),
        ('file = "m.ics"\ntitle = "T"', "events"),
        ('file = "m.ics"\nevents = "slots"\ntitle = "T"', "slots"),
        ('file = "actions.ics"\nevents = "[]"\ntitle = "T"', "plain file name"),
    ],
)
def test_a_mistake_in_a_calendar_output_is_named(tmp_path, table, expected):
    path = tmp_path / "cal.toml"
    path.write_text(BOOK + "\n[outputs.meeting]\n" + table + "\n", encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as raised:
        load_playbook(path)
    assert expected in str(raised.value)


def test_a_file_written_later_is_newer_to_a_calendar_program(monkeypatch):
    """Imported again after an action moved, an event must read as a newer revision of the
    same one (RFC 5545: a higher SEQUENCE, or a later DTSTAMP): the DTSTAMP is the moment the
    file is written, by the engine's clock, not the case's date."""
    from triage.engine import case

    rows = [{"what": "Send the summary", "owner": "Jo", "due": "2026-12-08", "key": "a-1"}]
    first_at = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(case, "now", lambda: first_at)
    first = icalendar.Calendar.from_ical(actions_ics(rows, "Actions", "seed", dt.date(2026, 3, 2)))
    moved = [dict(rows[0], due="2026-12-10")]
    monkeypatch.setattr(case, "now", lambda: first_at + dt.timedelta(days=2, minutes=5))
    second = icalendar.Calendar.from_ical(
        actions_ics(moved, "Actions", "seed", dt.date(2026, 3, 2))
    )
    (before,) = [c for c in first.walk("VEVENT")]
    (after,) = [c for c in second.walk("VEVENT")]
    assert before["UID"] == after["UID"]
    assert before.decoded("DTSTAMP") == first_at
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"]) >= 0
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")
    # the same clock gives the same bytes: the goldens stay exact
    monkeypatch.setattr(case, "now", lambda: first_at)
    again = actions_ics(rows, "Actions", "seed", dt.date(2026, 3, 2))
    assert again == actions_ics(rows, "Actions", "seed", dt.date(2026, 3, 2))


def test_offered_slots_carry_a_sequence_too(monkeypatch):
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC))
    data = meeting_ics(
        [{"date": "2026-12-08", "time": "10:00"}], 30, "Call", "seed", dt.date(2026, 3, 2)
    )
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert int(event["SEQUENCE"]) >= 0
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def _start(data: bytes) -> dt.datetime:
    (event,) = _events(data)
    return event.decoded("dtstart")


def test_a_time_typed_for_after_a_clock_change_keeps_that_dates_offset():
    from zoneinfo import ZoneInfo

    london, singapore = ZoneInfo("Europe/London"), ZoneInfo("Asia/Singapore")
    before = meeting_ics([{"date": "2026-03-27", "time": "10:00"}], 45, "M", "s", STAMP, london)
    after = meeting_ics([{"date": "2026-03-30", "time": "10:00"}], 45, "M", "s", STAMP, london)
    assert _start(before) == dt.datetime(2026, 3, 27, 10, 0, tzinfo=dt.UTC)  # GMT
    assert _start(after) == dt.datetime(2026, 3, 30, 9, 0, tzinfo=dt.UTC)  # BST, one hour on
    # The other side's calendar shows each at their own time: 18:00, then 17:00 in Singapore.
    assert _start(before).astimezone(singapore).hour == 18
    assert _start(after).astimezone(singapore).hour == 17
    # A zone named in the slot itself wins, and an unknown name keeps the default clock.
    named = [{"date": "2026-07-01", "time": "09:00", "zone": "America/Chicago"}]

    # (a named zone is written as the hour typed with its TZID: compared as moments in UTC)
    def utc_hour(data: bytes) -> int:
        return _start(data).astimezone(dt.UTC).hour

    assert utc_hour(meeting_ics(named, 30, "M", "s", STAMP, CET)) == 14  # 09:00 CDT
    assert utc_hour(meeting_ics(named, 30, "M", "s", STAMP, "Not/AZone")) == 14
    odd = [{"date": "2026-07-01", "time": "09:00", "zone": "../../etc/passwd"}]
    assert utc_hour(meeting_ics(odd, 30, "M", "s", STAMP, CET)) == 8


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="needs time.tzset")
def test_this_computers_zone_changes_its_offset_with_the_clocks(monkeypatch):
    import time

    from triage.engine import calendar

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        zone = calendar._SystemZone()
        winter = dt.datetime(2026, 3, 27, 10, 0, tzinfo=zone)
        summer = dt.datetime(2026, 3, 30, 10, 0, tzinfo=zone)
        assert winter.utcoffset() == dt.timedelta(0)
        assert summer.utcoffset() == dt.timedelta(hours=1)
        back = dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC).astimezone(zone)
        assert (back.hour, back.tzname()) == (10, "BST")
        data = meeting_ics([{"date": "2026-03-30", "time": "10:00"}], 45, "M", "s", STAMP, zone)
        assert _start(data) == dt.datetime(2026, 3, 30, 9, 0, tzinfo=dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
