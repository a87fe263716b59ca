"""A threat or hostile statement made by our own side, found in our notes, so that the email can
step back from it: a row of the log from us ("Tomasz (us)", "we reject this entirely") or a
sentence of what happened in which we, I or one of our people told them what we would do
("Mick told Rachel on the phone 27 Nov we'd come and take every pallet back under ROT")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.text import _squash

_THREAT = re.compile(
    r"\b(?:threat\w*|sue|suing|court|legal\s+action|take\b[\w\s]{0,30}\bback|repossess\w*|"
    r"ROT|retention\s+of\s+title|name\s+(?:and\s+shame\s+)?(?:them|you)|linkedin|blacklist\w*|"
    r"terminat\w*|default\s+clause|default\s+notice|reject\w*\s+(?:this|it|that)\s+entirely|"
    r"stop\s+(?:all\s+)?(?:supply|supplies|work|deliveries)|pull\s+(?:the\s+)?plug)\b",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
# One of us telling them something: "i whatsapped their MD", "our FD mentioned", "we told".
_OURS_SAID = re.compile(
    r"\b(?:i|we|our\s+(?:[a-z]+\s+){0,2}[a-z]+)\s+(?:told|said|threatened|mentioned|warned|"
    r"emailed|wrote|whatsapped|texted|messaged|raised|called|rang)\b",
    re.I,
)
_CHANNEL_WORDS = (
    (r"whats\s?app|text|sms|message|chat|slack|teams", "message"),
    (r"phone|call|rang", "call"),
    (r"e-?mail", "email"),
    (r"meeting|debrief|workshop|review", "meeting"),
    (r"letter", "letter"),
)
_LOG_CHANNELS = {
    "email": "email",
    "letter": "letter",
    "chat": "message",
    "ticket": "message",
    "phone": "call",
    "video": "call",
    "meeting": "meeting",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?",
    re.I,
)


def _day(text: str, today: dt.date) -> dt.date | None:
    found = _DAY_MONTH.search(text)
    if not found:
        return None
    month, day = _MONTHS[found.group(2).lower()[:3]], int(found.group(1))
    for year in (today.year, today.year - 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if when <= today:
            return when
    return None


def _channel(text: str) -> str:
    for pattern, word in _CHANNEL_WORDS:
        if re.search(rf"\b(?:{pattern})", text, re.I):
            return word
    return ""


def our_threat(values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The first threat or hostile statement from our side in the answers, as ``{"channel":
    "call", "date": date or None, "mine": whether the signer made it}``; None when there is
    none. A row of the log counts when it is ours and its note threatens, or is hostile
    under a formal notice; a sentence of what happened counts when one of us said it and it
    threatens."""
    today = values.get("today")
    today = today if isinstance(today, dt.date) else dt.date.today()
    for row in values.get("timeline") or []:
        if not isinstance(row, Mapping):
            continue
        who = _squash(row.get("who"))
        note = _squash(row.get("note"))
        if not re.search(r"\((?:us|ours?)\)", who, re.I) or not _THREAT.search(note):
            continue
        when = row.get("date")
        return {
            "channel": _LOG_CHANNELS.get(_squash(row.get("channel")), "message"),
            "date": when if isinstance(when, dt.date) else None,
            "mine": False,
        }
    story = _squash(values.get("what_happened"))
    for sentence in _SENTENCES.split(story):
        said = _OURS_SAID.search(sentence)
        if not said or not _THREAT.search(sentence[said.start() :]):
            continue
        return {
            "channel": _channel(sentence),
            "date": _day(sentence, today),
            "mine": said.group(0).split()[0].lower() == "i",
        }
    return None
