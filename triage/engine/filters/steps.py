"""The plan's next three actions: what to do first, not only what falls due first.

The tracker lists every step by its due date. The plan's first screen names three, and a
step that protects us before a deadline, or carries the remedy the case turns on, belongs
among them even when routine steps (a document list, a ledger) fall due a day earlier.

Three more things decide the three:
- the steps the manager typed in (``mine``) are their own plan: those of high priority due
  this week (the playbook gives a list its priority: agreed actions high, say, and process
  changes normal) come before the standard high-priority ones, and where one covers the same ground as a standard step (counsel, the
  mandate, the notice, the call), it stands for it, with its own date and owner;
- the first step this week that goes to the other side (the call, the proposal, the notice)
  is always among the three, so the screen never holds only preparation; one timed against
  a moment (asking them to move their notice date before it passes) is chosen first;
- the three are given back in date order, as the tracker lists them, and on the same day the
  manager's own step first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from triage.engine.filters.dates import as_date

__all__ = ["next_three", "step_part", "topics"]

# A high-priority step is one of the next three when it falls due within this many days.
_HORIZON = dt.timedelta(days=7)

# What a step is about, read from its words. A standard step is read from its opening words
# only ("Send the reset email once the lawyer has read it" is not a step about counsel).
_TOPICS = {
    "counsel": re.compile(
        r"\b(lawyers?|counsel|solicitors?|attorneys?|legal (advice|review|check)|"
        r"take legal|advokat\w*|abogad\w*|avocat\w*|anwalt\w*)\b"
    ),
    "mandate": re.compile(r"\b(mandate|sign(s|ed)?[- ]off|approv\w*)\b"),
    "notice": re.compile(r"\b(serves?|send|sends|give|gives)\b[^.;]{0,30}\bnotice\b"),
    # choosing the mediator ("propose 3 mediators", "Agree a mediator with them before ...")
    "mediator": re.compile(r"\bmediators?\b"),
    # a call, not a step timed against one ("an email after the call", "a quote before the call")
    "call": re.compile(
        r"(?<!after the )(?<!before the )(?<!after our )(?<!before our )\b(phones?|calls?|ring)\b"
    ),
}
_OPENING_WORDS = 8


def topics(row: Any) -> frozenset[str]:
    """The ground a step covers: counsel, the mandate, the notice, the mediator, a call (none or
    several)."""
    text = str(row.get("what") or "").lower()
    opening = " ".join(text.split()[:_OPENING_WORDS])
    mine = bool(row.get("mine"))
    return frozenset(
        name
        for name, pattern in _TOPICS.items()
        # A typed step is read whole, except for a call: "phones within the hour" in a
        # list of changes is not the call to them.
        if pattern.search(text if mine and name != "call" else opening)
    )


def next_three(rows: Any, today: Any = None) -> list[Any]:
    """Filter ``next_three``: the three steps a manager should take next, from open tracker
    rows already sorted by due date. The high-priority steps due within a week come first
    (the manager's own steps due this week among them, and the first one this week that
    goes to the other side always), the earliest of the others fill the rest, low-priority
    ones last; the three are given back in date order, as the tracker lists them."""
    rows = list(rows or [])
    start = as_date(today)
    order = {id(row): index for index, row in enumerate(rows)}

    def soon(row: Any) -> bool:
        day = as_date(row.get("due"))
        return day is None or start is None or day <= start + _HORIZON

    # The manager's own steps this week stand for the standard ones on the same ground.
    planned = [r for r in rows if r.get("mine") and r.get("priority") == "high" and soon(r)]
    covered = frozenset().union(*(topics(r) for r in planned))
    rows = [r for r in rows if r.get("mine") or not (topics(r) & covered)]

    high = [r for r in rows if r.get("priority") == "high" and soon(r)]
    # The first step to the other side: the first high-priority one this week, else the
    # earliest in the first two working days.
    # One timed against a moment (their notice date) comes before the others.
    # Of the rest, the manager's own (their call, their letter) before a standard one.
    outward = next((r for r in high if _towards(r) and r.get("timed")), None)
    standard = next((r for r in high if _towards(r)), None)
    own = next((r for r in high if _towards(r) and r.get("mine")), None)
    if own is not None and standard is not None and _day_key(own) > _day_key(standard):
        own = None  # a later step of theirs does not push an earlier call off the screen
    outward = outward or own or standard
    if outward is None:
        outward = next((r for r in rows if _towards(r) and _first_day(r, start)), None)
    # The act towards them, then the manager's own steps, then the standard high ones; an
    # act towards them that is not itself high priority (the email) takes the last place.
    mine = [r for r in high if r.get("mine") and r is not outward]
    others = [r for r in high if not r.get("mine") and r is not outward]
    if outward is None:
        high = (mine + others)[:3]
    elif outward.get("priority") == "high":
        high = [outward, *mine, *others][:3]
    else:
        high = [*(mine + others)[:2], outward]
    rest = [r for r in rows if r.get("priority") != "low" and not any(r is h for h in high)]
    low = [r for r in rows if r.get("priority") == "low" and not any(r is h for h in high)]
    chosen = (high + rest + low)[:3]
    # In date order; on the same day the manager's own step first: it is their plan.
    return sorted(chosen, key=lambda row: (_day_key(row), not row.get("mine"), order[id(row)]))


def _day_key(row: Any) -> dt.date:
    day = as_date(row.get("due"))
    return day if day is not None else dt.date.max


def _towards(row: Any) -> bool:
    """A step that goes to the other side: shared with them, or ours towards them."""
    return bool(row.get("shared") or row.get("outward"))


def _first_day(row: Any, start: dt.date | None) -> bool:
    """Due within the first two working days (a step to the other side worth the screen)."""
    day = as_date(row.get("due"))
    if day is None or start is None:
        return False
    weekdays = sum(
        1 for n in range((day - start).days + 1) if (start + dt.timedelta(n)).weekday() < 5
    )
    return weekdays <= 2 and row.get("priority") != "low"


# Where a step's quoted answer may end: a sentence's end, ";" or ":" first, else "," (outside
# brackets).
_PART_ENDS = (
    re.compile(r"[.!?](?=\s+[\"“(]?[A-Z0-9])|[;:](?=\s)"),
    re.compile(r",(?=\s)"),
)


def step_part(value: Any, words: Any = 15) -> str:
    """Filter ``step_part(n)``: a long answer quoted inside a tracker row, whole when it is up
    to about twice n words, else kept to its first whole clauses (ending at a sentence's end,
    ";" or ":", else at ","; at most twice n words where a clause ends by then, else the first
    clause whole). Never cut mid-phrase and never with "…": a row someone must act on says a
    whole thing ("the least we accept (penalty withdrawn or reduced)", not "(penalty withdrawn
    or…)")."""
    text = " ".join(str(value or "").split()).strip()
    limit = words if isinstance(words, int) and not isinstance(words, bool) and words > 0 else 15
    room = max(limit * 2, limit + 8)
    if len(text.split()) <= room + max(2, limit // 5):
        return text
    for pattern in _PART_ENDS:
        ends = [
            found.start()
            for found in pattern.finditer(text)
            if text[: found.start()].count("(") == text[: found.start()].count(")")
        ]
        ends = [end for end in ends if text[:end].strip()]
        if ends:
            fitting = [end for end in ends if len(text[:end].split()) <= room]
            cut = max(fitting) if fitting else ends[0]
            return text[:cut].rstrip(" .;,:")
    return text
