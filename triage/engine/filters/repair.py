"""What a repair email needs from the answers: our worst mistake first, whose right a notice
date is, and a name for the issue when none was typed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.text import _squash
from triage.engine.filters.voice import _singular_to_reader
from triage.engine.filters.words import DETERMINERS

# Words that start an effect without a thing of theirs to name: "about 40 patients".
_NOT_NOUN = frozenset(
    {"about", "around", "some", "most", "all", "many", "several", "over", "nearly"}
)

# A mistake that hurt them personally: an insult, a public put-down, a rude or angry message.
_PERSONAL = re.compile(
    r"\b(?:insult\w*|rude\w*|amateur\w*|humiliat\w*|belittl\w*|shout\w*|swore|abus\w*|"
    r"offensive\w*|disrespect\w*|mock\w*|threaten\w*|in front of|copied your|cc'?d your|"
    r"personal|raised (?:his|her|my|our) voice|questioned your|motives|sarcas\w*)\b",
    re.I,
)
# A mistake with a safety, health, hygiene or legal effect on them: graver than a delay.
_GRAVE = re.compile(
    r"\b(?:safety|unsafe|hygien\w*|high[- ]care|contaminat\w*|patients?|injur\w*|"
    r"recall\w*|personal data|data breach|regulator\w*|accreditation)\b",
    re.I,
)


def worst_first(mistakes: Any) -> list[Any]:
    """Filter ``worst_first``: our listed mistakes (rows with a ``mistake``) with the worst
    first, the one the apology must name: a personal insult from our side, then one with a
    safety, health or legal effect on them, then the rest in the order typed."""
    rows = list(mistakes or [])

    def rank(row: Any) -> int:
        text = _squash(row.get("mistake") if isinstance(row, Mapping) else row)
        return 0 if _PERSONAL.search(text) else 1 if _GRAVE.search(text) else 2

    return sorted(rows, key=rank)


# A notice date that is theirs to use: a renewal they may stop, a contract they may end.
_OPTION = re.compile(
    r"\b(?:auto[- ]?renew\w*|renew\w*|rolls?\s+over|roll[- ]?over|opt[- ]?out|break\s+clause|"
    r"notice\s+(?:to|of)\s+(?:terminat\w*|end|cancel\w*|non[- ]renew\w*)|"
    r"terminat\w*\s+(?:the\s+)?(?:contract|agreement)|cancel\w*\s+(?:the\s+)?contract)\b",
    re.I,
)
# A notice still to come: they say they will send it, or threaten to.
_THREATENED = re.compile(
    r"\b(?:will|'ll|’ll|going\s+to|plan\s+to|intend\s+to|threaten\w*|may|might|could)\s+"
    r"(?:\w+\s+){0,2}(?:send|give|serve|issue)\w*\s+(?:\w+\s+){0,2}notice\b|"
    r"\bthreaten\w*\s+(?:\w+\s+){0,3}notice\b|\bunless\b",
    re.I,
)


def their_option(value: Any) -> bool:
    """Filter ``their_option``: whether the notes on a notice deadline (what happened, the
    clauses, our minimum) describe a right of theirs (to stop a renewal, to opt out, to end the
    contract) rather than a date by which we must answer them."""
    return bool(_OPTION.search(_squash(value)))


def notice_threatened(value: Any) -> bool:
    """Filter ``notice_threatened``: whether the notes say their notice is still to come
    ("they'll send the notice monday unless ..."), so that nobody thanks them for it."""
    return bool(_THREATENED.search(_squash(value)))


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = re.compile(
    r"\b(?:(?P<day>\d{1,2})\s*/\s*(?P<num>1[0-2]|0?[1-9])(?!\s*/\s*\d{1,2}\b)|"
    r"(?P<name>jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december))\b",
    re.I,
)


def month_named(value: Any) -> str:
    """Filter ``month_named``: the first month the notes name ("tickets sat 2 wks in nov",
    "rejected 12 nov", "on 12/11"), as its full name; '' when none."""
    for match in _MONTH.finditer(_squash(value)):
        if match.group("name"):
            word = match.group("name").lower()
            return next(m for m in _MONTHS if m.startswith(word[:3])).capitalize()
        if match.group("num"):
            return _MONTHS[int(match.group("num")) - 1].capitalize()
    return ""


# What our failure did to them, in the notes: patients recalled, staff who had to make do.
_EFFECT = re.compile(
    r"\b(?:had\s+to|recall\w*|re-?draws?|could(?:n't|\s+not)|unable\s+to|left\s+without|"
    r"sat\s+(?:for\s+)?(?:\d|two|three|four)|lost\s+(?:a|an|their|the)\b|"
    r"(?:line|plant|production|site|shop|kitchen|ward)\s+(?:stopped|stood\s+still|shut))",
    re.I,
)


def effect_on_them(value: Any) -> str:
    """Filter ``effect_on_them``: the first part of the notes that says what our failure did to
    them ("~40 patients recalled for re-draws", "their staff had to re-wear"), with "~" said
    as "about"; '' when the notes say none, or only what we had to do."""
    # A comma inside brackets ("(well-boat, about NOK 410,000)") does not end a part: the
    # part would otherwise begin or end inside the brackets.
    text = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(", ", ",\ue000"), _squash(value))
    for part in re.split(r"(?<=[.;!?])\s+|\s+[-–—+]\s+|,\s+|\.\s*$", text):
        part = part.strip(" .;,").replace(",\ue000", ", ")
        if not part or not _EFFECT.search(part):
            continue
        if re.match(r"(?:we|our|i|us)\b", part, re.I) or len(part.split()) > 14:
            continue
        part = re.sub(r"^(?:they|she|he)\s+(?:say|says|said|claim|claims)\s+(?:that\s+)?", "", part)
        part = re.sub(r"~\s*(?=\d)", "about ", part)
        if re.match(r"(?:he|she)\b", part, re.I):
            # "He had to refund the wedding group … and they posted about it": the reader is
            # "he", so "they" is someone else, and would be read as "you"; it ends there
            part = re.split(r",?\s+and\s+(?:they|them|their)\b", part, maxsplit=1)[0]
            part = _singular_to_reader(part[:1].lower() + part[1:], subjects=True)
        first = part.split()[0]
        if first.isalpha() and first.islower() and first not in DETERMINERS | _NOT_NOUN:
            part = f"your {part}"  # "bottling line stopped" is theirs: "your bottling line"
        return part
    return ""


def says_same(value: Any, other: Any) -> bool:
    """Filter ``says_same``: whether ``value`` (a topic) says nothing that ``other`` (the
    mistake named beside it) does not: two thirds of its longer words are in it."""
    words = {w for w in re.findall(r"[a-z]{4,}", _squash(value).lower())}
    if not words:
        return False
    theirs = set(re.findall(r"[a-z]{4,}", _squash(other).lower()))
    return len(words & theirs) * 3 >= len(words) * 2


# A clause has a subject or a verb of its own; "the clerks' overtime" after "we will reimburse
# the bank fees and" is a second object of the same verb, not a change of its own.
_CLAUSE_MARK = re.compile(
    r"\b(?:we|i|you|they|he|she|it|will|shall|would|can|is|are|was|were|has|have|had|now|gets?"
    r"|goes|go|runs?|starts?|leads?|takes?|calls?|phones?|checks?)\b|\w+(?:ed|es)\b",
    re.I,
)


def _clauses(text: str) -> list[str]:
    """``text`` cut at "and" and ";" into its clauses, a part with no subject or verb of its
    own kept with the clause before it when that one has: "we will reimburse the bank fees and
    the clerks' overtime" is one clause; "a second van and a call the day before" is two."""
    tokens = re.split(r"(\s+and\s+|;\s+)", text)
    parts = [tokens[0]]
    for sep, piece in zip(tokens[1::2], tokens[2::2], strict=True):
        joined = "and" in sep and _CLAUSE_MARK.search(parts[-1]) and not _CLAUSE_MARK.search(piece)
        if joined:
            parts[-1] += " and " + piece
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


_LEAD_WORDS = re.compile(
    r"^(?:(?:a|an|the|our|your|one)\s+)?([a-z][a-z-]{3,})\s+([a-z][a-z-]{3,})\b"
)


def _named_in(item: str, text: str) -> bool:
    """Whether ``item`` opens with a two-word name ("credit note", "payment plan") that
    ``text`` already says as a phrase: the same thing, said once."""
    lead = _LEAD_WORDS.match(item.lower())
    if lead is None or lead.group(2) in {"will", "from", "with", "each", "every", "were", "have"}:
        return False
    if not re.search(rf"\b{re.escape(lead.group(1))}\s+{re.escape(lead.group(2))}\b", text):
        return False
    # Nothing more of its own: its other words are the offer's, or only say it is done.
    rest = re.findall(r"[a-z]{4,}", item.lower()[lead.end() :])
    return all(word in text or word in _NOTHING_NEW for word in rest)


_NOTHING_NEW = frozenset(
    [
        "your",
        "their",
        "this",
        "that",
        "week",
        "today",
        "issued",
        "sent",
        "done",
        "already",
        "cost",
        "costs",
        "from",
        "with",
        "for",
        "made",
        "given",
        "paid",
        "applied",
        "raised",
    ]
)


def unsaid(items: Any, said: Any) -> list[str]:
    """Filter ``unsaid``: each of ``items`` (what we are changing) without the parts that
    ``said`` (our offer) already says, so that each fact is in the email once: "a second van
    from 14 December and a call the day before" beside an offer of the van keeps only the
    call; an item said in full is left out."""
    text = _squash(said).lower()
    kept = []
    for item in items or []:
        if _named_in(_squash(item), text):
            continue  # "credit note issued this week" beside an offer of the credit note
        parts = _clauses(_squash(item))
        rest = [p for p in parts if p.lower().strip(" .") not in text and not says_same(p, text)]
        if len(rest) == len(parts):
            kept.append(_squash(item))
        elif rest:
            kept.append(" and ".join(rest))
    return kept


# Where a typed mistake's detail begins: "we released the new screen | during your busiest
# hours", "we missed the date | because our supplier was late". What makes it a failing stays:
# "our release changed the export without testing it on a payroll like yours", "your account
# manager was on leave and nobody was covering your account" (cut there, the apology is for
# someone taking leave), "your report got an automated reply and then a request for
# screenshots".
_DETAIL = re.compile(r"\s(?:during|because|while|despite|although|so that)\s", re.I)
# What comes after the detail and is the failing itself: kept.
_FAILING = re.compile(
    r",?\s(?:without|and nobody|and no one|and then|but never|but did not)\s", re.I
)


def short_mistake(value: Any) -> str:
    """Filter ``short_mistake``: a typed mistake cut to what we did, for an email short of
    words ("we released the new booking screen during your busiest clinic hours without
    warning you" gives "we released the new booking screen without warning you"): the apology
    for it, and what made it a failing, stay; its detail goes. A mistake with no detail to cut, or one that would be cut below four words, is
    kept whole."""
    text = _squash(value).rstrip(" .;:")
    match = _DETAIL.search(text)
    if not match or len(text[: match.start()].split()) < 4:
        return text
    kept = _FAILING.search(text, match.end())
    tail = (" " + text[kept.start() :].strip(" ,")) if kept else ""
    return text[: match.start()].rstrip(" ,") + tail


# A regret typed in the olive branch: "our CEO regrets the 12 November remark", "Orla calls Sipho
# to say our CEO regrets ...", "our MD apologises for the tone of the 3 May email".
_REGRET = re.compile(
    r"\b(?P<who>we|(?:our|my)\s+(?:[A-Z]{2,4}\b|[\w-]+(?:\s+[\w-]+)?))\s+"
    r"(?:regrets?|apologi[sz]es?(?:\s+for)?|(?:is|are)\s+sorry\s+for)\s+"
    r"(?P<what>(?:the|our|his|her|their|that|what|how)\b[^,;.]*?)"
    r"(?=\s*(?:[,;.]|$)|\s+and\s+(?:offers?|brings?|visits?|will|asks?|has|have|would)\b)",
    re.I,
)


def regret_said(olive: Any) -> str:
    """Filter ``regret_said``: the regret typed as our olive branch, said to them first and
    plainly: "our CEO regrets the 12 November remark" gives "First, I am sorry for the 12
    November remark: our CEO regrets it, and has asked me to tell you so." ('' when the
    olive branch holds no regret for something named)."""
    match = _REGRET.search(_squash(olive))
    if not match:
        return ""
    who = match.group("who")
    what = match.group("what").strip()
    sorry = f"I am sorry {what}" if what.lower().startswith("that ") else f"I am sorry for {what}"
    if who.lower() == "we":
        return f"First, {sorry}."
    who = who[:1].lower() + who[1:]
    return f"First, {sorry}: {who} regrets it, and has asked me to tell you so."


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3 or w.isdigit()}


def beyond_fixes(steps: Any, fixes: Any) -> list[Any]:
    """Filter ``steps | beyond_fixes(fixes)``: the dated steps (each with ``what``) that a
    change we are making does not already say in full ("Three contract engineers on site"
    beside "three contract engineers from our KL team on site from 8 December"), so that the
    email says each change once, in the fuller words."""
    said = [_content(_squash(f)) for f in fixes or []]
    kept = []
    for step in steps or []:
        what = step.get("what") if isinstance(step, dict) else getattr(step, "what", "")
        words = _content(_squash(what))
        if words and any(words <= fix for fix in said):
            continue
        kept.append(step)
    return kept


# A dated exchange named in a note: "email of 23 November", "the call on 2 Dec", "16 Oct email".
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\b")
_CHANNEL = re.compile(
    r"\b(e-?mails?|calls?|letters?|messages?|meetings?|repl(?:y|ies)|posts?|reply-all)\b", re.I
)


def _events(text: str) -> set[tuple[str, str, str]]:
    found = set()
    channels = {
        m.group(1).lower().rstrip("s").replace("-", "")[:5] for m in _CHANNEL.finditer(text)
    }
    for match in _DAY_MONTH.finditer(text):
        word = match.group(2).lower()
        month = next((m for m in _MONTHS if m.startswith(word[:3]) and m.startswith(word)), "")
        if not month:
            continue  # "23 pallets", not a date
        for channel in channels:
            found.add((str(int(match.group(1))), month, channel))
    return found


def same_event(value: Any, other: Any) -> bool:
    """Filter ``same_event``: whether ``value`` and ``other`` name the same dated exchange (the
    same day and month, and the same kind of message: "our director's email of 23 November"
    and "Greg's email of 23 November was unacceptable")."""
    return bool(_events(_squash(value)) & _events(_squash(other)))


_SORRY = re.compile(r"\b(?:sorry|apologi[sz]e[sd]?|apologies|regret)\b", re.I)
_PLAIN = frozenset(
    [
        "your",
        "yours",
        "with",
        "that",
        "this",
        "from",
        "have",
        "were",
        "they",
        "their",
        "them",
        "about",
        "into",
        "over",
        "what",
        "when",
        "which",
        "without",
        "away",
        "also",
        "been",
        "just",
        "only",
        "some",
        "very",
        "more",
        "than",
        "then",
        "there",
        "here",
    ]
)


def _longer_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _PLAIN}


def apologised_in(value: Any, said: Any) -> bool:
    """Filter ``apologised_in``: whether the opening line ``said``, typed by the manager,
    already says sorry for the mistake ``value``: it apologises, and names the same dated
    exchange ("the email you received from us on 19 November"), or the same dates and half of
    the mistake's words ("we missed your maintenance windows on 7 and 14 November"), or says
    nothing the line does not (``says_same``). The email then does not list it a second time."""
    mistake, opening = _squash(value), _squash(said)
    if not mistake or not _SORRY.search(opening):
        return False
    if same_event(mistake, opening):
        return True
    mine = _longer_words(mistake)
    if not mine:
        return False
    shared = len(mine & _longer_words(opening))
    months = {
        m
        for m in _MONTHS
        if re.search(rf"\b{m}\b", mistake, re.I) and re.search(rf"\b{m}\b", opening, re.I)
    }
    days = set(re.findall(r"\b\d{1,2}\b", mistake)) & set(re.findall(r"\b\d{1,2}\b", opening))
    if months and days and shared * 2 >= len(mine):
        return True
    return says_same(mistake, opening)


def apologised_for(value: Any, said: Any) -> list[Any]:
    """Filter ``apologised_for``: the rows of ``value`` (our mistakes, each with a ``mistake``)
    that the opening line ``said`` already says sorry for (see ``apologised_in``)."""
    rows = value if isinstance(value, list) else []
    return [
        row for row in rows if isinstance(row, Mapping) and apologised_in(row.get("mistake"), said)
    ]
