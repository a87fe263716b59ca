"""What the notes already say about a question left unanswered.

A hurried manager types the story into "what happened" and skips the questions after it. The
plan's "Not answered yet" list then points at the words in the notes that answer a skipped
question, instead of saying nothing is known: "your notes say part of it was ours".
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.people import on_our_side
from triage.engine.filters.text import _clauses
from triage.engine.filters.words import _DANGLING

# Our own part, in the words managers use for it.
_OURS = re.compile(
    r"\b(?:(?:was|is|were)\s+(?:(?:entirely|partly|mostly|all|really)\s+)?"
    r"(?:our|my)\s+(?:fault|mistake|error|doing|bad)|"
    r"(?:our|my)\s+(?:fault|mistake|error|screw-?up|bad)\b|"
    r"(?:is|was|'s)\s+(?:all\s+|entirely\s+)?on\s+us\b|we\s+(?:got\s+it\s+wrong|messed\s+up|screwed\s+up|dropped\s+the\s+ball|"
    r"made\s+(?:a|an)\s+(?:mistake|error))|"
    r"we\s+(?:forgot|failed\s+to|never\s+told|did\s+not\s+tell|didn'?t\s+tell)|"
    # What we did wrong, said plainly: "we were late once", "we missed the slot".
    r"we\s+(?:were|was)\s+(?:(?:a\s+bit|quite|very|too)\s+)?(?:late|slow|wrong|rude|short\s+with)|"
    r"we\s+(?:missed|overcharged|double[- ]billed|under-?delivered|let\s+(?:them|her|him)\s+down|"
    r"sent\s+the\s+wrong|shipped\s+the\s+wrong|delivered\s+(?:it\s+)?late)|"
    # One of our people behaving badly: "our team lead was rude to their office manager".
    r"\bour\s+(?:[\w-]+\s+){0,3}(?:was|were|got|has\s+been)\s+(?:very\s+|really\s+|quite\s+)?"
    r"(?:rude|aggressive|abusive|short\s+with|dismissive|out\s+of\s+line)|"
    r"\bour\s+(?:[\w-]+\s+){0,3}lost\s+(?:his|her|their)\s+temper|"
    # Our own message read badly: "our letter is a template and it sounds cold, like a demand".
    r"\bour\s+(?:[\w-]+\s+){0,2}(?:letter|e-?mail|message|reply|notice|invoice|reminder|"
    r"wording|template)\b[^.;!?]{0,40}?\b(?:sounds?|sounded|reads?|read|c[oa]me?s?\s+across|is|was)"
    r"\s+(?:as\s+)?(?:(?:very|quite|a\s+bit|too|rather)\s+)?(?:cold|harsh|curt|abrupt|blunt|unclear|"
    r"confusing|rude|threatening|aggressive|like\s+a\s+(?:demand|threat|warning)))",
    re.I,
)
# Not ours after all: "not our fault" just before it, or "they say it was our mistake".
_NEGATED = re.compile(r"\b(?:not|never|no|isn'?t|wasn'?t)\s+(?:\w+\s+){0,2}$", re.I)
_THEIR_CLAIM = re.compile(
    r"\b(?:they|she|he)\s+(?:say|says|said|claim|claims|think|thinks|insist|insists)\b", re.I
)
# Feelings running high or contact broken off, as notes put it.
_HEAT = re.compile(
    r"\b(?:very\s+upset|furious|livid|angry|shouted|shouting|yelled|hung\s+up|"
    r"lost\s+(?:his|her|their|my)\s+temper|not\s+answering|stopped\s+answering|"
    r"stopped\s+replying|not\s+replying|no\s+reply\s+since|ignoring\s+(?:our|my)|"
    r"(?:was|were|got)\s+(?:very\s+|really\s+)?(?:rude|aggressive|abusive)|snapped\s+at|swore\s+at)\b",
    re.I,
)


def _quoted(sentence: str, start: int, end: int, words: int = 6) -> str:
    """The words around a match, at most ``words`` either side, with "…" where cut. A match
    inside brackets is quoted from within them, so no bracket is left open."""
    opened = sentence.rfind("(", 0, start)
    if opened != -1 and sentence.find(")", opened) in range(end, len(sentence)):
        close = sentence.find(")", opened)
        sentence, start, end = sentence[opened + 1 : close], start - opened - 1, end - opened - 1
    spans = [m.span() for m in re.finditer(r"\S+", sentence)]
    first = next(i for i, (a, b) in enumerate(spans) if b > start)
    last = max(i for i, (a, b) in enumerate(spans) if a < end)
    lo, hi = max(0, first - words), min(len(spans) - 1, last + words)
    while (
        hi > last
        and hi < len(spans) - 1
        and sentence[slice(*spans[hi])].lower().strip(",;:") in _DANGLING
    ):
        hi -= 1  # a cut quote ends on a word that carries meaning, not "on the…"
    text = sentence[spans[lo][0] : spans[hi][1]].strip(" ,;:.()[]")
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(spans) - 1 else "")


def owned_in_notes(value: Any) -> str:
    """Filter ``owned_in_notes``: the words in the notes that say part of it was ours ("the bad
    batch in March, which was our fault"), quoted short; '' when the notes own nothing, or
    only report that the other side blames us ("they say it was our mistake")."""
    for sentence in _clauses(value):
        for found in _OURS.finditer(sentence):
            lead = sentence[: found.start()]
            if _NEGATED.search(lead[-30:]) or _THEIR_CLAIM.search(lead):
                continue
            return _quoted(sentence, found.start(), found.end())
    return ""


def heat_in_notes(value: Any) -> str:
    """Filter ``heat_in_notes``: the words in the notes that say feelings run high or contact
    has broken off ("very upset on the call", "not answering emails or calls"); ''."""
    for sentence in _clauses(value):
        found = _HEAT.search(sentence)
        if found:
            return _quoted(sentence, found.start(), found.end(), words=4)
    return ""


def turns_shown(turned: Any, ours: Any = None, tight: Any = False) -> list[Any]:
    """Filter ``turns_shown(ours, tight)``: the messages where the tone turned that the plan's
    table shows, in date order. Our own sharp message is never the one left out: a manager
    skimming a table of their replies alone sees a hostile customer, not the reply-all of ours
    that set it off. Short of room, the last of ours and the latest; otherwise all of them up
    to three, else the first, the last of ours and the latest. ``ours`` names our people."""
    rows = [r for r in turned or [] if hasattr(r, "get")]
    names = [str(n).lower().strip() for n in (ours or []) if n and str(n).strip()]
    mine = [r for r in rows if on_our_side(r.get("who"), names)]
    if tight:
        picked = mine[-1:] + rows[-1:]
    elif len(rows) <= 3:
        picked = rows
    else:
        picked = rows[:1] + mine[-1:] + rows[-1:]
    seen: list[Any] = []
    for row in rows:  # date order, as logged, each once
        if any(row is p for p in picked) and not any(row is s for s in seen):
            seen.append(row)
    return seen


# The facts a misunderstanding usually turns on, as the notes write them: a clause ("cl. 7.2",
# "clause 14", "§5"), a percentage ("3.1%"), a sum ("EUR 4,100").
_FACT = re.compile(
    r"(?:\b(?:cl\.|clause|section|art\.|article)\s*\d+(?:\.\d+)*|§\s*\d+(?:\.\d+)*|"
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?%|"
    r"\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|ZAR|CAD|AUD|JPY|INR|BRL|MXN)\s?\d[\d,.]*(?:\s?[km]\b)?|"
    r"[€£$]\s?\d[\d,.]*(?:\s?[km]\b)?)",
    re.I,
)
# Notes that show a relationship under strain but still talking: they ask for time, explain,
# or the user says how long it goes back ("please wait until January", "one of our first
# customers", "I don't want to lose them").
_CALM = re.compile(
    r"\b(?:please\s+wait|asks?\s+(?:us\s+)?for\s+(?:more\s+)?time|asking\s+for\s+(?:more\s+)?time|"
    r"wait\s+until|one\s+of\s+our\s+(?:first|oldest|best)\s+(?:customers|clients|partners)|"
    r"(?:don't|do\s+not)\s+want\s+to\s+lose|still\s+(?:talking|ordering|sending|trading)|"
    r"apologi[sz]ed|friendly|polite(?:ly)?|good\s+relationship|long[- ]standing)\b",
    re.I,
)


def facts_named(notes: Any, most: int = 3) -> str:
    """Filter ``notes | facts_named``: the clauses, percentages and sums the notes name, in
    their order and as typed ("cl. 7.2 and 3.1%"), at most ``most``; '' when they name none.
    The plan points at them when the email cannot yet say what clears up a misunderstanding."""
    seen: list[str] = []
    for found in _FACT.finditer(str(notes or "")):
        fact = " ".join(found.group(0).split())
        if fact.lower() not in (s.lower() for s in seen):
            seen.append(fact)
    seen = seen[:most]
    if len(seen) <= 1:
        return seen[0] if seen else ""
    return ", ".join(seen[:-1]) + " and " + seen[-1]


def calm_in_notes(value: Any) -> str:
    """Filter ``calm_in_notes``: the words in the notes that show the other side still talking
    or the relationship still valued ("please wait until high season", "one of our first
    customers"), for a plan whose trust and heat were not rated; ''."""
    for sentence in _clauses(value):
        found = _CALM.search(sentence)
        if found:  # their words, already quoted in the notes, lose their own quotation marks
            quoted = _quoted(sentence, found.start(), found.end(), words=4)
            return re.sub(r"\s*[\"“”]\s*", " ", quoted).replace(" …", "…").strip()
    return ""


def heat_in_log(rows: Any) -> str:
    """Filter ``heat_in_log``: the latest hostile message in the log, as "26 November 2026,
    Trevor Dunphy (our side)", for a plan whose trust and heat were not rated; ''."""
    from triage.engine.filters.dates import as_date

    hot = [r for r in rows or [] if hasattr(r, "get") and r.get("tone") == "hostile"]
    if not hot:
        return ""
    last = hot[-1]
    day = as_date(last.get("date"))
    said = f"{day.day} {day:%B %Y}" if day else ""
    who = str(last.get("who") or "").strip()
    return ", ".join(p for p in (said, who) if p)
