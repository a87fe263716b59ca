"""When a first win can be marked: never before the thing it names has happened."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.dates import _days_off, add_working_days, as_date, working_day
from triage.engine.filters.notes import _content
from triage.engine.filters.text import _squash

__all__ = ["win_day"]

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
# "All December deliveries on time": the whole month has to pass first.
_WHOLE_MONTH = re.compile(
    r"\b(?:all|every|the\s+whole\s+of|the\s+full)\s+(january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b",
    re.I,
)
# "within two weeks", "a full month without a trip", "for three weeks running".
_SPAN = re.compile(
    r"\b(?:within|in|after|for|a\s+full|one\s+full|a\s+whole)\s+(?:(\d+|a|an|one|two|three|four|"
    r"five|six)\s+)?(?:full\s+)?(day|week|month)s?\b|"
    # "a week of parallel weighing", "two weeks of clean runs": the span has to run first
    r"\b(\d+|a|an|one|two|three|four|five|six)\s+(day|week|month)s?\s+of\b",
    re.I,
)
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SPAN_DAYS = {"day": 1, "week": 7, "month": 30}
# A win or a thank-you that waits for money to arrive ("when the first instalment is in").
_PAYMENT = re.compile(r"\b(?:instal(?:l)?ments?|payments?|paid|pays|money\s+is\s+in)\b", re.I)
_FIRST_BY = re.compile(
    r"\bfirst\b[^.;]*?\b(?:by|on|before|due)\s+(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9})", re.I
)
_BY_DAY = re.compile(r"\b(?:by|on|before|due)\s+(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9})", re.I)
# A plan to pay is agreed on its day; the money comes later.
_PLAN = re.compile(
    r"\b(?:instal(?:l)?ments?|payments?)\s+(?:plan|schedule|terms|proposal)s?\b|"
    r"\b(?:draft|propos|agree|negotiat)\w*\b",
    re.I,
)
# Words too common in steps to tie a win to one of them.
_LOOSE = frozenset({"first", "our", "their", "team", "with", "after", "full", "done", "deliver"})


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: "recalibration" and "recalibrated", "installation" and
    "installed" share a stem of six letters or more, most of the shorter word."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 6 and common * 4 >= min(len(a), len(b)) * 3


def _shared(wanted: frozenset[str], words: frozenset[str]) -> set[str]:
    """The words of ``wanted`` that ``words`` names, in any of their forms."""
    return {w for w in wanted if any(_same_word(w, v) for v in words)}


def _ahead(text: str, today: dt.date) -> dt.date | None:
    """The day the win falls on that "15 December" names: the latest date named on or after
    ``today``. A date of the last three months is what the win refers to, not when it falls
    ("their 3 Dec PO delivered on 8 December" is delivered on the 8th, not on 3 December of
    next year)."""
    ahead: list[dt.date] = []
    for found in _DAY_MONTH.finditer(text):
        month, day = _MONTHS.index(found.group(2).lower()[:3]) + 1, int(found.group(1))
        try:
            when = dt.date(today.year, month, day)
        except ValueError:
            continue
        if when < today:
            if (today - when).days <= 92:
                continue
            try:
                when = dt.date(today.year + 1, month, day)
            except ValueError:
                continue
        ahead.append(when)
    return max(ahead, default=None)


def _month_end(name: str, today: dt.date) -> dt.date:
    month = _MONTHS.index(name.lower()[:3]) + 1
    year = today.year if month >= today.month else today.year + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def win_day(
    text: Any,
    base: Any,
    steps: Any = None,
    notes: Any = None,
    today: Any = None,
    days_off: Any = None,
) -> dt.date | None:
    """Filter ``first_win | win_day(base, steps, notes, today, days_off)``: the day a first win
    (or the thank-you that marks it) can fall, never before what it names has happened: ``base``
    (the playbook's own day), moved later to the day of one of the manager's ``steps`` it names
    ("Line 2 running a full shift without a film jam after the trial" waits for the typed "Film
    trial ...", and a working day more for "after"), a date it gives ("by 15 December"), the end
    of a month it covers ("All December deliveries on time"), a span it needs ("a full month
    without a trip"), or, for a win that waits for money ("when the first instalment is in"), the
    first payment date in the ``notes`` (our ask: "first GHS 160,000 by 23 December")."""
    said = _squash(text)
    day = as_date(base)
    now = as_date(today) or day
    if not said or day is None or now is None:
        return day
    off = _days_off(days_off, "win_day")
    later: list[dt.date] = []
    wanted = _content(said) - _LOOSE
    after = bool(re.search(r"\b(?:after|once|when)\b", said, re.I))
    for row in steps if isinstance(steps, (list, tuple)) else []:
        if not isinstance(row, Mapping) or not row.get("what"):
            continue
        due = as_date(row.get("due"))
        typed = _squash(row.get("what"))
        # Two words in common, one of them from the step's head ("Film trial ...", "Final
        # report ..."): "their branches have stock" is not "Count our unpaid stock in each branch".
        head = _content(" ".join(re.findall(r"[A-Za-z][\w-]*", typed)[:3]))
        if due is None or len(_shared(wanted, _content(typed))) < 2 or not _shared(wanted, head):
            continue
        later.append(add_working_days(due, 1, off) or due if after else due)
    named = _ahead(said, now)
    if named:
        later.append(named)
    month = _WHOLE_MONTH.search(said)
    if month:
        later.append(_month_end(month.group(1), now))
    span = _SPAN.search(said)
    if span and not named:
        many, unit = (span.group(1), span.group(2)) if span.group(2) else span.group(3, 4)
        count = _COUNT.get((many or "a").lower()) or int(many or 1)
        # the span runs from the step it follows, when one of the manager's steps is named
        start = max([now, *later])
        later.append(start + dt.timedelta(days=count * _SPAN_DAYS[unit.lower()]))
    if _PAYMENT.search(said):
        # The first payment one of the manager's steps names ("First instalment received") ...
        paid_steps = sorted(
            day
            for row in (steps if isinstance(steps, (list, tuple)) else [])
            if isinstance(row, Mapping)
            and _PAYMENT.search(_squash(row.get("what")))
            and not _PLAN.search(_squash(row.get("what")))
            for day in [as_date(row.get("due"))]
            if day is not None
        )
        later += paid_steps[:1]
        # ... else the first date our ask gives ("first GHS 160,000 by 23 December").
        texts = (
            []
            if paid_steps
            else [_squash(n) for n in (notes if isinstance(notes, (list, tuple)) else [notes]) if n]
        )
        for note in texts:
            found = _FIRST_BY.search(note) or _BY_DAY.search(note)
            paid = _ahead(found.group(1), now) if found else None
            if paid:
                later.append(paid)
                break
    # A day the manager named for the win is its day, earlier than the playbook's own or not
    # ("their PO delivered on 8 December"); what it waits for can still move it later.
    moved = max([named or day, *later])
    return working_day(moved, off) if moved != day else day
