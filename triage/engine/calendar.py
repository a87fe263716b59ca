"""Calendar files (RFC 5545) a calendar program opens with a double-click.

Two kinds: the meeting slots offered to the other side, as tentative events at the time
typed on the meeting's own clock, and every dated action of the tracker as an all-day event
(``actions.ics``).

A meeting's time is never read on the clock of the computer that runs triage: a meeting at
09:00 in Kyoto stays at 09:00 in Kyoto whether the plan is written in Oslo or on a server in
UTC. Where the meeting's time zone is known (an IANA name such as "Africa/Windhoek"), the
times carry it as a TZID, with a VTIMEZONE that gives its offsets and clock changes around the
dates, as RFC 5545 requires and as Outlook, Google Calendar and Apple Calendar read it. Where
it is not known, they are written as floating local times (no zone, no "Z"), which every
calendar program shows at the hour typed. A fixed offset (a ``datetime.timezone``) is written
in UTC, which it pins exactly.

Written here rather than with a calendar library: the format needed is small (one
VCALENDAR of VEVENTs), and a library would add about 70 ms to every run that writes
outputs. The tests read every file back with the ``icalendar`` library. Text from
answers is escaped as RFC 5545 TEXT (backslash, semicolon, comma, line breaks), control
characters are dropped, and lines are folded at 75 octets, so nothing a user types can
start a property or a component of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from triage.engine.filters import as_date

__all__ = [
    "ACTIONS_CALENDAR",
    "actions_ics",
    "events_in",
    "local_zone",
    "meeting_ics",
    "zone_named",
]

ACTIONS_CALENDAR = "actions.ics"
PRODID = "-//triage//dispute triage//EN"
OFFERED = "Offered to the other side; tentative until they confirm one of the times."
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


class _SystemZone(dt.tzinfo):
    """This computer's time zone with its clock changes: each moment gets the offset of its
    own date (the C library's rules, so no time zone database is needed, on Windows too).

    The offset in force today would put a meeting typed for the week after a clock change
    an hour out, in the calendar file and so in the other side's calendar.
    """

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta | None:
        """The offset in force at ``when``, a local time on this computer."""
        if when is None:
            return None
        return when.replace(tzinfo=None).astimezone().utcoffset()

    def dst(self, when: dt.datetime | None) -> dt.timedelta | None:
        """Not told apart from the offset: a calendar needs only the moment."""
        return dt.timedelta(0) if when is not None else None

    def tzname(self, when: dt.datetime | None) -> str | None:
        """The zone's short name at ``when`` ("GMT", "BST")."""
        return None if when is None else when.replace(tzinfo=None).astimezone().tzname()

    def fromutc(self, when: dt.datetime) -> dt.datetime:
        """``when`` (in UTC) as the local time on this computer at that moment."""
        local = when.replace(tzinfo=dt.UTC).astimezone()
        return local.replace(tzinfo=self)


def local_zone() -> dt.tzinfo:
    """This computer's time zone, in which the user typed the meeting times."""
    return _SystemZone()


def zone_named(name: Any) -> dt.tzinfo | None:
    """The time zone of an IANA name ("Europe/London", "Asia/Singapore"), with its clock
    changes; None for anything else, or where the computer has no time zone database
    (Windows without the ``tzdata`` package): the caller then keeps its own zone."""
    if isinstance(name, dt.tzinfo):
        return name
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_]+(?:/[A-Za-z0-9_+-]+){0,2}", name):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _text(value: Any) -> str:
    """An RFC 5545 TEXT value: escaped, one logical line, no control characters."""
    text = _CONTROL.sub("", str(value or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def _fold(line: str) -> str:
    """The line folded at 75 octets, never inside a UTF-8 sequence."""
    if len(line) <= 18 or len(line.encode("utf-8")) <= 75:  # 18 characters: 72 octets at most
        return line
    if line.isascii():  # an octet a character: 75, then a space and 74 on each line
        rest = (" " + line[start : start + 74] for start in range(75, len(line), 74))
        return "\r\n".join((line[:75], *rest))
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


# SEQUENCE counts revisions of an event (RFC 5545, 3.8.7.4): a calendar program that imports
# an event whose UID it already has takes it as newer when its SEQUENCE is higher, or, equal,
# when its DTSTAMP is later. The files keep no history, so the revision is the minute the file
# is written, counted from this epoch: it rises every time the case is written again, and so
# whenever an action moves or is reworded, and stays far inside the format's 31-bit INTEGER.
_SEQUENCE_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _written() -> tuple[str, str]:
    """DTSTAMP and SEQUENCE lines for a file written now (the engine's clock, which tests pin)."""
    from triage.engine import case  # the engine's one clock; imported late, it imports a lot

    moment = case.now()
    minutes = max(0, int((moment - _SEQUENCE_EPOCH).total_seconds() // 60))
    return f"DTSTAMP:{_utc(moment)}", f"SEQUENCE:{minutes}"


def _uid(*parts: Any) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{digest[:32]}@triage"


def _calendar(name: str, events: list[list[str]], zones: list[list[str]] | None = None) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append(f"X-WR-CALNAME:{_text(name)}")
    for zone in zones or []:
        lines += zone
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def _slot_time(slot: Mapping[str, Any]) -> tuple[dt.date, dt.datetime | None]:
    """The slot's day, and its typed time as a naive local time (None for a whole day)."""
    day = as_date(slot.get("date"))
    if day is None:
        raise ValueError("a slot has no date")
    found = _TIME.match(str(slot.get("time") or ""))
    if not found or int(found.group(1)) > 23 or int(found.group(2)) > 59:
        return day, None
    return day, dt.datetime.combine(day, dt.time(int(found.group(1)), int(found.group(2))))


def _zone_key(zone: dt.tzinfo | None) -> str:
    """The IANA name of a time zone from the database ("Asia/Tokyo"), else ""."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) and zone_named(key) is not None else ""


def _offset(minutes: dt.timedelta | None) -> str:
    total = int((minutes or dt.timedelta(0)).total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    return f"{sign}{abs(total) // 60:02d}{abs(total) % 60:02d}"


def _vtimezone(zone: dt.tzinfo, key: str, first: dt.date, last: dt.date) -> list[str]:
    """A VTIMEZONE for ``key`` covering the year around the events: the offset in force at the
    start, then one observance for each clock change up to a year after the last event
    (found by day, then to the minute), so a reader with no time zone database of its own
    still places each event at the right moment."""

    def at(moment: dt.datetime) -> tuple[dt.timedelta, dt.timedelta, str]:
        local = moment.astimezone(zone)
        return (
            local.utcoffset() or dt.timedelta(0),
            local.dst() or dt.timedelta(0),
            local.tzname() or "",
        )

    begin = dt.datetime.combine(first - dt.timedelta(days=366), dt.time(0), dt.UTC)
    stop = dt.datetime.combine(last + dt.timedelta(days=366), dt.time(0), dt.UTC)
    offset, dst, name = at(begin)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{key}"]

    def observance(onset: dt.datetime, before: dt.timedelta, after: tuple[Any, ...]) -> None:
        kind = "DAYLIGHT" if after[1] else "STANDARD"
        local = (onset + before).replace(tzinfo=None)
        lines.extend(
            [
                f"BEGIN:{kind}",
                f"DTSTART:{local:%Y%m%dT%H%M%S}",
                f"TZOFFSETFROM:{_offset(before)}",
                f"TZOFFSETTO:{_offset(after[0])}",
                *([f"TZNAME:{_text(after[2])}"] if after[2] else []),
                f"END:{kind}",
            ]
        )

    observance(begin, offset, (offset, dst, name))
    day = begin
    while day < stop:
        following = day + dt.timedelta(days=1)
        after = at(following)
        if after[0] != offset:
            low, high = day, following  # the change is in (low, high]: narrow it to the minute
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    break
                if at(middle)[0] == offset:
                    low = middle
                else:
                    high = middle
            observance(high, offset, at(high))
            offset = after[0]
        day = following
    lines.append("END:VTIMEZONE")
    return lines


def meeting_ics(
    slots: Iterable[Mapping[str, Any]],
    minutes: Any,
    title: str,
    seed: str,
    stamp: dt.date,
    zone: dt.tzinfo | str | None = None,
) -> bytes:
    """The slots offered as tentative events of ``minutes`` each (all-day without a time).

    A slot's time is the hour typed on the meeting's own clock: ``zone`` (a time zone or an
    IANA name), or the one its own ``zone`` key names. An IANA zone is written as a TZID with
    its VTIMEZONE; a fixed offset in UTC; no zone as a floating local time, which a calendar
    shows at the hour typed. Never this computer's zone: the machine that writes the file
    says nothing about where the meeting is. ``stamp`` is the case's date, kept for callers:
    DTSTAMP is the moment the file is written."""
    default = zone_named(zone) if zone else None
    try:
        length = max(5, min(int(minutes or 45), 24 * 60))
    except (TypeError, ValueError):
        length = 45
    stamped, sequence = _written()
    events = []
    zones: dict[str, tuple[dt.tzinfo, list[dt.date]]] = {}
    for slot in slots:
        if not isinstance(slot, Mapping) or as_date(slot.get("date")) is None:
            continue
        day, start = _slot_time(slot)
        event = [f"UID:{_uid(seed, day, slot.get('time'))}", stamped, sequence]
        if start is None:
            event += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}"]
        else:
            end = start + dt.timedelta(minutes=length)
            where = zone_named(slot.get("zone")) or default
            key = _zone_key(where)
            if where is None:  # floating: the hour typed, wherever the calendar is
                event += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
            elif key:
                zones.setdefault(key, (where, []))[1].append(day)
                event += [
                    f"DTSTART;TZID={key}:{start:%Y%m%dT%H%M%S}",
                    f"DTEND;TZID={key}:{end:%Y%m%dT%H%M%S}",
                ]
            else:
                start, end = start.replace(tzinfo=where), end.replace(tzinfo=where)
                event += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}"]
        event += [
            f"SUMMARY:{_text(title)}",
            f"DESCRIPTION:{_text(OFFERED)}",
            "STATUS:TENTATIVE",
            "TRANSP:OPAQUE",
        ]
        events.append(event)
    timezones = [_vtimezone(z, k, min(days), max(days)) for k, (z, days) in zones.items()]
    return _calendar(title, events, timezones)


def actions_ics(rows: Iterable[Mapping[str, Any]], name: str, seed: str, stamp: dt.date) -> bytes:
    """Every action with a due date as an all-day event on that date; the owner and the
    audience (internal, or shared with the other side) go in the description. A playbook
    action's event is named by the action's key, so a calendar program updates it when an
    escalation rewords the action or it moves, instead of adding another; its SEQUENCE and
    DTSTAMP (the moment of writing; ``stamp``, the case's date, is kept for callers) tell the
    program this copy is the newer one."""
    stamped, sequence = _written()
    events = []
    for row in rows:
        day = as_date(row.get("due"))
        if day is None:
            continue
        what = str(row.get("what") or "")
        owner = str(row.get("owner") or "")
        audience = row.get("audience") or ("shared" if row.get("shared") else "internal")
        note = f"Owner: {owner}. " if owner else ""
        note += "Shared with the other side." if audience == "shared" else "Internal."
        events.append(
            [
                # a playbook action keeps its event when its words, owner or date change
                f"UID:{_uid(seed, _event_name(row))}",
                stamped,
                sequence,
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_text(what)}",
                f"DESCRIPTION:{_text(note)}",
                "TRANSP:TRANSPARENT",
            ]
        )
    return _calendar(name, events)


def _event_name(row: Mapping[str, Any]) -> str:
    """What names an action's event within its case: the playbook action's key (its id, else a
    digest of its template), or a typed step's place in its list; never its words, so that
    rewording a step updates its event instead of adding another."""
    return str(row.get("key") or row.get("uid") or f"{row.get('what')}\x1f{row.get('owner')}")


def events_in(data: bytes) -> list[tuple[str, str]]:
    """(when, summary) for each event of a calendar written here, for a preview."""
    text = data.decode("utf-8", errors="replace").replace("\r\n ", "").replace("\n ", "")
    found: list[tuple[str, str]] = []
    when = summary = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":  # a time zone's own DTSTART lines are not an event's
            when = summary = ""
        elif key.startswith("DTSTART"):
            when = _shown(value)
        elif key == "SUMMARY":
            summary = re.sub(r"\\([\\;,])", r"\1", value).replace("\\n", " ")
        elif line == "END:VEVENT":
            found.append((when, summary))
            when = summary = ""
    return found


def _shown(value: str) -> str:
    if value.endswith("Z"):
        moment = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        return moment.astimezone(local_zone()).strftime("%a %d %b %Y %H:%M")
    if "T" in value:  # a floating time, or one on the meeting's own clock: the hour typed
        return dt.datetime.strptime(value[:15], "%Y%m%dT%H%M%S").strftime("%a %d %b %Y %H:%M")
    return dt.datetime.strptime(value[:8], "%Y%m%d").strftime("%a %d %b %Y")
