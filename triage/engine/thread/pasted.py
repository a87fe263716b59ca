"""Split text pasted from a chat or a mail client into messages.

It is split at the lines that start a message:

- a mail client's header block ("From: ..." then "Sent:" or "Date:" within a few lines),
  as Outlook writes above each reply and in its "save as text";
- a reply's attribution line ("On Tue, 3 Mar 2026 at 10:14, Dana <dana@...> wrote:");
- a chat line with a date, a time and a name ("03/03/2026, 10:14 - Dana: ...", WhatsApp's
  "[03/03/2026, 10:14:05] Dana: ..." and "2026-03-03 10:14 Dana: ...");
- a chat header alone on a line ("Dana Whitcombe  10:14 AM", "[10:14] Dana Whitcombe"),
  dated by the last day line above it ("Tuesday, March 3rd, 2026").

Quote marks (">") are taken off first, so a pasted thread with its quotes splits into the
messages it holds. Text with none of these is kept as one entry. Dates such as 03/04/2026
are read day first unless another date in the text shows the month comes first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from email.utils import parseaddr

from triage.engine.thread.clean import is_attribution, one_line, own_words
from triage.engine.thread.read import Message, parse_mail_date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d:])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d:])")
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.I)
_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I)
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})[:.](?P<min>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?(?:\s*(?P<zone>[+-]\d{4}|UTC|GMT|Z)\b)?",
    re.I,
)


def day_first(text: str) -> bool:
    """Whether numeric dates in ``text`` put the day first (03/04 is 3 April): yes unless one
    of them can only be month first (04/13)."""
    firsts = [(int(m["a"]), int(m["b"])) for m in _NUMERIC.finditer(text)]
    if any(a > 12 for a, _b in firsts):
        return True
    return not any(b > 12 for _a, b in firsts)


@dataclass
class _Found:
    when: dt.datetime | None
    start: int
    end: int


def find_date(text: str, dayfirst: bool = True) -> _Found | None:
    """The first date (and the time after it) in ``text``; None when there is no full date."""
    best: tuple[int, int, dt.date] | None = None
    for pattern in (_ISO, _DMY, _MDY, _NUMERIC):
        for match in pattern.finditer(text):
            day = _date_of(match, dayfirst)
            if day is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), match.end(), day)
                break
    if best is None:
        return None
    start, end, day = best
    time = _TIME.search(text, end)
    if time is None or time.start() - end > 12:
        before = _TIME.search(text[:start])  # "10:14, 3 March 2026"
        time = before if before and start - before.end() <= 4 else None
    if time is None:
        return _Found(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), start, end)
    hour, minute = int(time["h"]), int(time["min"])
    second = int(time["s"] or 0)
    ampm = (time["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = dt.UTC
    raw_zone = time["zone"] or ""
    if raw_zone[:1] in "+-" and raw_zone:
        sign = 1 if raw_zone[0] == "+" else -1
        offset = dt.timedelta(hours=int(raw_zone[1:3]), minutes=int(raw_zone[3:5]))
        zone = dt.timezone(sign * offset)
    try:
        when = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
    except ValueError:
        when = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return _Found(when, min(start, time.start()), max(end, time.end()))


def _date_of(match: re.Match[str], dayfirst: bool) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000
    if groups.get("month"):
        month, day = _MONTHS[groups["month"].lower().rstrip(".")], int(groups["d"])
    elif "a" in groups:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 or (dayfirst and b <= 12):
            day, month = a, b
        else:
            day, month = b, a
    else:
        month, day = int(groups["m"]), int(groups["d"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_loose_date(text: str, dayfirst: bool = True) -> dt.datetime | None:
    """A date and time as people and mail clients write them; None when there is no date."""
    strict = parse_mail_date(text) if re.search(r"\d{1,2} [A-Za-z]{3} \d{4} \d", text) else None
    if strict is not None:
        return strict
    found = find_date(text, dayfirst)
    return found.when if found else None


# -- markers ----------------------------------------------------------------------------------

_FROM = re.compile(r"^\s*\*?(?:From|Von|De|Van|Da)\s*:\*?\s*(?P<who>\S.*)$", re.I)
_SENT = re.compile(
    r"^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden)\s*:\*?\s*(?P<when>.+)$",
    re.I,
)
_OTHER_HEADER = re.compile(
    r"^\s*\*?(?:To|Cc|Bcc|Subject|Importance|An|Betreff|À|Objet|Para|Asunto|Aan|Onderwerp|"
    r"Attachments|Reply-To)\s*:\*?(?P<value>.*)$",
    re.I,
)
_SUBJECT = re.compile(
    r"^\s*\*?(?:Subject|Betreff|Objet|Asunto|Onderwerp)\s*:\*?\s*(?P<s>.*)$", re.I
)
_NUM_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
_CHAT_LINE = re.compile(
    rf"^\s*\[?(?P<when>{_NUM_DATE},?\s+{_CLOCK})\]?\s*[-–—]?\s*"
    r"(?P<name>[^:\n\[\]]{1,60}?):\s+(?P<text>.*)$"
)
_CHAT_HEAD = re.compile(
    rf"^\s*(?:\[(?P<t1>{_CLOCK})\]\s*(?P<n1>[^\n\d\[\]:][^\n\[\]:]{{0,59}})"
    rf"|(?P<n2>[A-ZÀ-Þ][^\n\d\[\]:]{{0,59}}?)\s*[,-]?\s+(?P<t2>{_CLOCK}))\s*$"
)
_WROTE = re.compile(
    r"\s*(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev)\s*:\s*$", re.I
)
_ADDRESS = re.compile(r"<?\b([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\b>?")


@dataclass
class _Segment:
    name: str = ""
    address: str = ""
    when: dt.datetime | None = None
    subject: str = ""
    channel: str = "email"
    lines: list[str] = field(default_factory=list)


def split_pasted(text: str, source: str) -> list[Message]:
    """The messages in pasted ``text``; one entry when no message boundary is found."""
    lines = [_unquoted(line) for line in text.split("\n")]
    dayfirst = day_first(text)
    heads = sum(1 for line in lines if _CHAT_HEAD.match(line))
    segments: list[_Segment] = []
    current = _Segment(channel=_guess_channel(text))
    subject = ""
    day: dt.date | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        chat = _CHAT_LINE.match(line)
        head = _CHAT_HEAD.match(line) if heads >= 2 else None
        if _FROM.match(line) and any(_SENT.match(x) for x in lines[index + 1 : index + 4]):
            segments.append(current)
            current, index = _header_block(lines, index, dayfirst)
            subject = current.subject or subject
            current.subject = current.subject or subject
            continue
        if is_attribution(line, following):
            joined = line if is_attribution(line) else f"{line} {following}"
            segments.append(current)
            current = _attribution(joined, dayfirst, subject)
            index += 1 if is_attribution(line) else 2
            continue
        if chat:
            segments.append(current)
            current = _Segment(
                name=one_line(chat["name"]),
                when=parse_loose_date(chat["when"], dayfirst),
                channel="chat",
                lines=[chat["text"]],
            )
        elif head:
            segments.append(current)
            clock = head["t1"] or head["t2"]
            name = head["n1"] or head["n2"]
            current = _Segment(name=one_line(name), when=_at(day, clock), channel="chat")
        elif heads >= 2 and (found := _day_line(line, dayfirst)) is not None:
            day = found
        else:
            current.lines.append(line)
        index += 1
    segments.append(current)
    messages = [_message(s, source) for s in segments]
    return [m for m in messages if m.text or m.name]


def _unquoted(line: str) -> str:
    """A line with its quote marks (">", "> >") taken off."""
    return re.sub(r"^(?:\s*>)+ ?", "", line)


def _guess_channel(text: str) -> str:
    return "email" if _ADDRESS.search(text) or _SUBJECT.search(text) else "chat"


def _header_block(lines: list[str], index: int, dayfirst: bool) -> tuple[_Segment, int]:
    """A segment from an Outlook-style header block starting at ``lines[index]``."""
    segment = _Segment()
    found_from = _FROM.match(lines[index])
    assert found_from is not None
    segment.name, segment.address = _who(found_from["who"])
    index += 1
    while index < len(lines):
        line = lines[index]
        sent = _SENT.match(line)
        if sent:
            segment.when = parse_loose_date(sent["when"], dayfirst)
        elif (subject := _SUBJECT.match(line)) is not None:
            segment.subject = one_line(subject["s"])
        elif not _OTHER_HEADER.match(line):
            break
        index += 1
    return segment, index


def _attribution(line: str, dayfirst: bool, subject: str) -> _Segment:
    middle = re.sub(r"^\s*\S+\s", "", " ".join(line.split()), count=1)  # "On ", "Le " ...
    middle = re.sub(_WROTE, "", middle)
    address = ""
    found_address = _ADDRESS.search(middle)
    if found_address:
        address = found_address.group(1).lower()
        middle = (middle[: found_address.start()] + middle[found_address.end() :]).strip()
    found = find_date(middle, dayfirst)
    when = found.when if found else None
    name = middle[found.end :] if found else middle
    name = re.sub(r"^[\s,]*(?:at\s+)?(?:" + _CLOCK + r")?[\s,]*", "", name)
    name = one_line(name.strip(" ,\"'()"))
    return _Segment(name=name or address, address=address, when=when, subject=subject)


def _who(text: str) -> tuple[str, str]:
    name, address = parseaddr(text)
    if "@" not in address:
        found = _ADDRESS.search(text)
        address = found.group(1) if found else ""
        name = name or _ADDRESS.sub("", text)
    name = one_line(name.strip(" \"'[]"))
    if name.lower().startswith("mailto:"):
        name = ""
    return name or address.lower(), address.lower()


def _day_line(line: str, dayfirst: bool) -> dt.date | None:
    """A chat's day divider ("Tuesday, March 3rd, 2026"): a short line that is only a date."""
    stripped = line.strip(" -—–")
    if not stripped or len(stripped) > 40:
        return None
    found = find_date(stripped, dayfirst)
    if found is None:
        return None
    rest = (stripped[: found.start] + stripped[found.end :]).strip(" ,")
    if rest and not re.fullmatch(r"[A-Za-z]+,?", rest):  # a weekday, at most
        return None
    return found.when.date() if found.when else None


def _at(day: dt.date | None, clock: str) -> dt.datetime | None:
    if day is None:
        return None
    found = find_date(f"{day.isoformat()} {clock}")
    return found.when if found else None


def _message(segment: _Segment, source: str) -> Message:
    return Message(
        date=segment.when,
        name=segment.name[:200],
        address=segment.address,
        subject=segment.subject[:300],
        text=own_words("\n".join(segment.lines)),
        channel=segment.channel,
        source=source,
    )
