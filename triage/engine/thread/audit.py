"""The communications audit, computed from a thread.

For each message: its side (ours or theirs, by domain, address or name), its tone (from
the tone check's findings, mapped onto the timeline's tone options) and a short excerpt.
For the thread: how fast each side replies (median, longest wait, what is still
unanswered), the message where the tone turned, and commitments from different people on
one side that disagree (mixed messages).

Sides: the case's own answers say who is who (``our_email``, ``our_contact``,
``their_email``, ``their_contact``); ``ours``/``theirs`` given by the user win. With
neither, the address that appears in most messages (the mailbox the thread was exported
from) is taken as ours. A free-mail domain (gmail.com ...) marks one address, not a side.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from triage.engine.thread.clean import excerpt, plain, sentences
from triage.engine.thread.read import Message, Thread

OURS, THEIRS, UNKNOWN = "ours", "theirs", ""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SIDE_LABELS = {OURS: "our side", THEIRS: "their side", UNKNOWN: "side unknown"}
EXCERPT_CHARS = 160  # the timeline's note field holds 160 characters
MESSAGE_CHARS = 10_000  # a whole message kept by choice (the timeline's message field)
WHO_CHARS = 80

FREE_MAIL = _words(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com
    yahoo.co.uk ymail.com icloud.com me.com mac.com aol.com proton.me protonmail.com gmx.com
    gmx.de gmx.net web.de mail.com zoho.com fastmail.com hey.com yandex.com orange.fr free.fr
    btinternet.com sky.com virginmedia.com comcast.net
    """
)

# Tone findings by how much heat they carry; an admission (liability) is no heat at all.
HEAT = {"threats": 3, "ultimatums": 3, "blame": 2, "sarcasm": 2, "absolutes": 1}
TONE_SCORE = {"warm": -1, "neutral": 0, "terse": 1, "defensive": 2, "hostile": 3}
DIFFICULT = frozenset({"terse", "defensive", "hostile"})
_WARM = re.compile(
    r"\b(?:thank(?:s| you)|appreciate[ds]?|grateful|glad|happy to|pleased|great to|"
    r"sorry|apologi[sz]e|look forward)\b",
    re.I,
)


# -- sides -----------------------------------------------------------------------------------


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[1] if "@" in address else ""


def _marks(value: str) -> set[str]:
    """What identifies a side in ``value``: an address or name as is, and a company domain."""
    text = value.strip().casefold().lstrip("@")
    if not text:
        return set()
    if "@" in text:
        domain = _domain(text)
        return {text} if domain in FREE_MAIL else {text, domain}
    return {text}


@dataclass(frozen=True)
class Sides:
    """Who is on which side: lower-case domains, addresses and names."""

    ours: frozenset[str] = frozenset()
    theirs: frozenset[str] = frozenset()
    # words of each company's name, to recognise its domain ("Fenwick & Rowe": fenwick.com)
    our_company: frozenset[str] = frozenset()
    their_company: frozenset[str] = frozenset()

    def side_of(self, message: Message) -> str:
        for marks, side in ((self.ours, OURS), (self.theirs, THEIRS)):
            if message.address and message.address in marks:
                return side
        for marks, side in ((self.ours, OURS), (self.theirs, THEIRS)):
            domain = _domain(message.address)
            if domain and domain not in FREE_MAIL and domain in marks:
                return side
            if message.name and message.name.casefold() in marks:
                return side
        return UNKNOWN

    def with_user(self, ours: Iterable[str] = (), theirs: Iterable[str] = ()) -> Sides:
        """These sides corrected by the user: what they name moves to the side they say."""
        add_ours = set().union(*(_marks(v) for v in ours)) if ours else set()
        add_theirs = set().union(*(_marks(v) for v in theirs)) if theirs else set()
        return Sides(
            frozenset((self.ours - add_theirs) | add_ours),
            frozenset((self.theirs - add_ours) | add_theirs),
            self.our_company,
            self.their_company,
        )

    def by_company(self, address: str) -> str:
        """The side whose company name the address's domain spells, if just one does."""
        domain = _domain(address)
        if not domain or domain in FREE_MAIL:
            return UNKNOWN
        labels = [x for x in domain.split(".")[:-1] if x not in _GENERIC]
        found = {
            side
            for side, words in ((OURS, self.our_company), (THEIRS, self.their_company))
            if any(
                label == w or (len(w) >= 5 and label.startswith(w))
                for label in labels
                for w in words
            )
        }
        return found.pop() if len(found) == 1 else UNKNOWN


_GENERIC = _words(
    """
    the and ltd limited inc llc plc gmbh group company services solutions global team mail
    co com org net www uk us eu
    """
)


def company_words(name: str) -> frozenset[str]:
    """The words of a company's name that a mail domain may be made of, and all of them run
    together: "Fenwick & Rowe Outdoor" gives fenwick, rowe, outdoor, fenwickroweoutdoor."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in _GENERIC]
    return frozenset([w for w in words if len(w) >= 4] + (["".join(words)] if words else []))


def sides_from_answers(
    answers: Mapping[str, Any], ours: Iterable[str] = (), theirs: Iterable[str] = ()
) -> Sides:
    """The sides a case's answers give (our and their email and contact), with the user's
    corrections ``ours`` and ``theirs`` (domains, addresses or names) on top."""
    found_ours: set[str] = set()
    found_theirs: set[str] = set()
    for key, into in (
        ("our_email", found_ours),
        ("our_contact", found_ours),
        ("their_email", found_theirs),
        ("their_contact", found_theirs),
    ):
        value = answers.get(key)
        if isinstance(value, str):
            into |= _marks(value)
    both = found_ours & found_theirs  # e.g. both sides on gmail.com: the domain says nothing
    companies = [
        company_words(value) if isinstance(value, str) else frozenset()
        for value in (answers.get("our_company"), answers.get("counterparty"))
    ]
    shared = companies[0] & companies[1]
    return Sides(
        frozenset(found_ours - both),
        frozenset(found_theirs - both),
        companies[0] - shared,
        companies[1] - shared,
    ).with_user(ours, theirs)


def _fill_sides(messages: list[Message], sides: Sides) -> Sides:
    """Sides that place every sender when the case does not: with no message on our side,
    the address in most messages (the mailbox the thread was exported from) is ours; with
    no message on theirs, every other sender with an address is theirs."""
    by_company: dict[str, set[str]] = {OURS: set(), THEIRS: set()}
    for message in messages:
        if sides.side_of(message) == UNKNOWN and (side := sides.by_company(message.address)):
            by_company[side] |= _marks(message.address)
    if by_company[OURS] or by_company[THEIRS]:
        sides = Sides(
            sides.ours | by_company[OURS],
            sides.theirs | by_company[THEIRS],
            sides.our_company,
            sides.their_company,
        )
    placed = {sides.side_of(m) for m in messages}
    if OURS not in placed:
        counts: Counter[str] = Counter()
        for message in messages:
            if sides.side_of(message) != THEIRS:
                counts.update({message.address, *message.recipients} - {""})
        for owner, seen in counts.most_common(3):
            if seen >= max(2, len(messages) // 2) and owner not in sides.theirs:
                mine = Sides(frozenset(_marks(owner)))
                if any(mine.side_of(m) == OURS for m in messages):
                    sides = replace(sides, ours=sides.ours | mine.ours)
                    break
    placed = {sides.side_of(m) for m in messages}
    if OURS in placed and THEIRS not in placed:
        others = {m.address for m in messages if m.address and sides.side_of(m) == UNKNOWN}
        theirs = set().union(*(_marks(a) for a in others)) if others else set()
        sides = replace(sides, theirs=sides.theirs | frozenset(theirs - sides.ours))
    elif THEIRS in placed and OURS not in placed:
        others = {m.address for m in messages if m.address and sides.side_of(m) == UNKNOWN}
        ours = set().union(*(_marks(a) for a in others)) if others else set()
        sides = replace(sides, ours=sides.ours | frozenset(ours - sides.theirs))
    return sides


# -- the audit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRow:
    """One message as the audit sees it."""

    index: int
    message: Message
    side: str
    tone: str  # warm, neutral, terse, defensive or hostile: the timeline's tone options
    findings: tuple[tuple[str, str], ...]  # (category, phrase) from the tone check
    excerpt: str
    waited: dt.timedelta | None = None  # when it answered the other side: how long that took

    @property
    def date(self) -> dt.datetime | None:
        return self.message.date

    @property
    def who(self) -> str:
        """The sender with their side, for the timeline's "who" field (at most 80 characters)."""
        label = SIDE_LABELS[self.side] if self.side else ""
        tail = f" ({label})" if label else ""
        return self.message.sender[: WHO_CHARS - len(tail)].rstrip() + tail

    @property
    def flagged(self) -> bool:
        return TONE_SCORE[self.tone] >= 2

    def timeline_row(self, undated: dt.date, whole: bool = False) -> dict[str, Any]:
        """This message as a row of the communications stage's ``timeline`` question; with
        ``whole``, its own words in full too (quotes and signature already removed)."""
        note = self.excerpt
        day = self.date.date() if self.date else undated
        if self.date is None:
            note = excerpt("(date not found) " + self.message.text, EXCERPT_CHARS)
        row = {
            "date": day,
            "channel": self.message.channel,
            "who": self.who,
            "tone": self.tone,
            "note": note or "(no text)",
        }
        text = plain(self.message.text).strip()
        if whole and text:
            row["message"] = text[:MESSAGE_CHARS]
        return row


@dataclass(frozen=True)
class SideFigures:
    """How one side has replied to the other."""

    side: str
    messages: int
    senders: tuple[str, ...]
    replies: int  # messages that answered the other side
    median: dt.timedelta | None
    longest: dt.timedelta | None  # the longest the other side waited for this side
    longest_since: dt.datetime | None  # when that wait began
    unanswered: int  # the other side's messages after this side's last one
    unanswered_since: dt.datetime | None


@dataclass(frozen=True)
class Mixed:
    """Two commitments on one side, from different people, close in time, that disagree."""

    side: str
    first: AuditRow
    second: AuditRow
    first_words: str
    second_words: str
    topic: tuple[str, ...]


@dataclass
class Audit:
    """The computed communications audit of a thread."""

    thread: Thread
    rows: list[AuditRow]
    sides: Sides
    figures: dict[str, SideFigures]
    turning: int | None = None  # the index of the row where the tone shifted
    turning_why: str = ""  # "first of a run of 3 flagged messages" or "the sharpest change"
    mixed: list[Mixed] = field(default_factory=list)
    tone_problem: str = ""  # a team rules file that could not be read: built-in rules used

    @property
    def unknown(self) -> int:
        return sum(1 for r in self.rows if r.side == UNKNOWN)

    @property
    def turning_row(self) -> AuditRow | None:
        return self.rows[self.turning] if self.turning is not None else None


@dataclass(frozen=True)
class Sender:
    """Someone who wrote in a thread, as a front end lists them to correct the sides."""

    key: str  # the address, or the name where there is none: what ``ours``/``theirs`` take
    shown: str  # "Name <address>", or the one of them there is
    messages: int
    side: str  # where the audit placed them: OURS, THEIRS or UNKNOWN


def senders(found: Audit) -> list[Sender]:
    """Everyone who wrote in the thread, our side first, then theirs, then those on no
    side; in each, the most messages first."""
    counts: Counter[str] = Counter()
    first: dict[str, AuditRow] = {}
    for row in found.rows:
        message = row.message
        key = message.address or message.name.casefold()
        if not key:
            continue
        counts[key] += 1
        first.setdefault(key, row)
    order = {OURS: 0, THEIRS: 1, UNKNOWN: 2}
    out = []
    for key, row in first.items():
        name, address = row.message.name, row.message.address
        shown = f"{name} <{address}>" if name and address and name != address else name or address
        out.append(Sender(key, shown, counts[key], row.side))
    out.sort(key=lambda s: (order[s.side], -s.messages))
    return out


def resided(answers: Mapping[str, Any], everyone: Iterable[Sender], ours: Iterable[str]) -> Sides:
    """The case's sides with every sender placed by the user: the keys in ``ours`` on our
    side, everyone else on theirs."""
    chosen = set(ours)
    keys = [s.key for s in everyone]
    return sides_from_answers(
        answers, [k for k in keys if k in chosen], [k for k in keys if k not in chosen]
    )


def audit(thread: Thread, sides: Sides | None = None, rules: Any = None) -> Audit:
    """The audit of ``thread``; ``sides`` from :func:`sides_from_answers`, ``rules`` the tone
    rules (default: the built-in rules and the team's, as every tone check uses)."""
    from triage.engine.tone import check_text, configured_rules

    problem = ""
    if rules is None:
        rules, problem = configured_rules()
    placed = _fill_sides(thread.messages, sides or Sides())
    rows: list[AuditRow] = []
    for index, message in enumerate(thread.messages):
        warnings = check_text(message.text[:4000], rules) if message.text else []
        findings = tuple((w.category, w.matched) for w in warnings)
        tone = tone_of(message.text, findings)
        strongest = max(findings, key=lambda f: HEAT.get(f[0], 0), default=None)
        around = strongest[1] if strongest and HEAT.get(strongest[0], 0) else ""
        rows.append(
            AuditRow(
                index=index,
                message=message,
                side=placed.side_of(message),
                tone=tone,
                findings=findings,
                excerpt=excerpt(message.text, EXCERPT_CHARS, around) or message.subject[:160],
            )
        )
    rows, figures = _reply_times(rows)
    found = Audit(thread=thread, rows=rows, sides=placed, figures=figures, tone_problem=problem)
    found.turning, found.turning_why = _turning_point(rows)
    found.mixed = _mixed_messages(rows)
    return found


def tone_of(text: str, findings: Iterable[tuple[str, str]]) -> str:
    """A message's tone as one of the timeline's options, from the tone check's findings:
    a threat or an ultimatum, or much heat, is hostile; any blame, sarcasm or absolute is
    defensive; a bare line of a few words is terse; thanks or an apology is warm."""
    categories = [category for category, _phrase in findings]
    heat = sum(HEAT.get(c, 0) for c in categories)
    if "threats" in categories or "ultimatums" in categories or heat >= 4:
        return "hostile"
    if heat:
        return "defensive"
    words = len(text.split())
    if _WARM.search(text):
        return "warm"
    if 0 < words <= 8:
        return "terse"
    return "neutral"


def _reply_times(rows: list[AuditRow]) -> tuple[list[AuditRow], dict[str, SideFigures]]:
    """Rows with how long each answer took, and each side's figures.

    Walking the thread in time: a side's message answers the other side's earliest
    message it had not yet answered; the wait is the time between them.
    """
    waiting: dict[str, dt.datetime | None] = {OURS: None, THEIRS: None}
    waits: dict[str, list[tuple[dt.timedelta, dt.datetime]]] = {OURS: [], THEIRS: []}
    out: list[AuditRow] = []
    for row in rows:
        side, when = row.side, row.date
        if side == UNKNOWN or when is None:
            out.append(row)
            continue
        other = THEIRS if side == OURS else OURS
        began = waiting[side]
        waited = None
        if began is not None and when >= began:
            waited = when - began
            waits[side].append((waited, began))
        waiting[side] = None
        if waiting[other] is None:
            waiting[other] = when
        out.append(_replace(row, waited=waited))
    figures: dict[str, SideFigures] = {}
    for side in (OURS, THEIRS):
        other = THEIRS if side == OURS else OURS
        own = [r for r in out if r.side == side]
        last_own = max((r.date for r in own if r.date), default=None)
        later = [
            r for r in out if r.side == other and r.date and (last_own is None or r.date > last_own)
        ]
        samples = waits[side]
        longest = max(samples, key=lambda s: s[0], default=None)
        figures[side] = SideFigures(
            side=side,
            messages=len(own),
            senders=tuple(dict.fromkeys(r.message.sender for r in own)),
            replies=len(samples),
            median=_median([s[0] for s in samples]),
            longest=longest[0] if longest else None,
            longest_since=longest[1] if longest else None,
            unanswered=len(later),
            unanswered_since=later[0].date if later else None,
        )
    return out, figures


def _replace(row: AuditRow, **changes: Any) -> AuditRow:
    return replace(row, **changes)


def _median(values: list[dt.timedelta]) -> dt.timedelta | None:
    if not values:
        return None
    seconds = statistics.median(v.total_seconds() for v in values)
    return dt.timedelta(seconds=round(seconds))


def _turning_point(rows: list[AuditRow]) -> tuple[int | None, str]:
    """Where the tone shifted: the first message of a run of flagged ones (two of three in a
    row), else the message whose tone rose most above the few before it."""
    scores = [TONE_SCORE[r.tone] for r in rows]
    for index, row in enumerate(rows):
        if not row.flagged:
            continue
        window = rows[index : index + 3]
        run = sum(1 for r in window if r.flagged)
        if run >= 2:
            later = sum(1 for r in rows[index:] if r.flagged)
            return index, f"the first of {later} flagged messages from here on"
    best, best_rise = None, 0.0
    for index, score in enumerate(scores):
        if score < 1:
            continue
        before = scores[max(0, index - 3) : index] or [0]
        rise = score - sum(before) / len(before)
        if rise > best_rise:
            best, best_rise = index, rise
    if best is None:
        return None, ""
    return best, "the sharpest change of tone in the thread"


# -- mixed messages -----------------------------------------------------------------------

_COMMITMENT = re.compile(
    r"\b(?:we|i)\s*(?:will|'ll|’ll|shall|can|cannot|can't|can’t|won't|won’t|are going to|"
    r"am going to|are able to|are not able to|aren't able to|are unable to|do not|don't|"
    r"don’t|would|propose|offer|agree)\b|\b(?:you will|you'll|you’ll)\s+(?:receive|get|have|see)\b"
    r"|\bour (?:offer|proposal|position)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|no|cannot|can't|can’t|won't|won’t|unable|never|don't|don’t|isn't|aren't|refuse)\b",
    re.I,
)
_FIGURE = re.compile(
    r"(?:[£$€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:%|percent|per cent|days?|weeks?|hours?|k\b|eur|usd|gbp)"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|"
    r"next week|end of (?:the )?(?:week|month))\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\b)",
    re.I,
)
_STOP = _words(
    """
    will would shall could should can cannot about above after again against also always
    another because been before being below between both come does doing done down during
    each either even every from further have having here into just know like make many more
    most much must need next only other over same some such than that their them then there
    these they thing things this those through today tomorrow under until very want well
    were what when where which while with within without your yours ours able going sure
    please thanks thank hope best regards dear week weeks days hours time back soon look
    forward team send sent email call happy note said says tell told understand take get
    give given keep let okay fine good great just really still already
    """
)


def _topic_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", text.casefold()) if w not in _STOP}


def _subject_key(subject: str) -> str:
    text = re.sub(
        r"^(?:\s*(?:re|fw|fwd|aw|wg|sv|tr|vs)\s*(?:\[\d+\])?\s*:)+", "", subject, flags=re.I
    )
    return " ".join(text.casefold().split())


def _commitments(row: AuditRow) -> list[str]:
    return [s for s in sentences(row.message.text) if _COMMITMENT.search(s)][:6]


def _mixed_messages(rows: list[AuditRow], days: int = 7, most: int = 3) -> list[Mixed]:
    """Commitments on one side, by different people within ``days``, on one topic, that
    disagree: one says no where the other says yes, or they give different figures."""
    said = [(row, s) for row in rows if row.side and row.date for s in _commitments(row)]
    found: list[Mixed] = []
    pairs_seen: set[tuple[str, str, str]] = set()
    for i, (first, a) in enumerate(said):
        for second, b in said[i + 1 :]:
            if second.side != first.side:
                continue
            if second.message.sender.casefold() == first.message.sender.casefold():
                continue
            assert first.date is not None and second.date is not None
            if abs(second.date - first.date) > dt.timedelta(days=days):
                continue
            shared = _topic_words(a) & _topic_words(b)
            same_subject = _subject_key(first.message.subject) == _subject_key(
                second.message.subject
            )
            if len(shared) < 2 and not (shared and same_subject):
                continue
            negated = bool(_NEGATION.search(a)) != bool(_NEGATION.search(b))
            figures_a = {f.casefold() for f in _FIGURE.findall(a)}
            figures_b = {f.casefold() for f in _FIGURE.findall(b)}
            different = bool(figures_a and figures_b and not figures_a & figures_b)
            if not (negated or different):
                continue
            key = (
                first.side,
                "|".join(sorted((first.message.sender, second.message.sender))),
                " ".join(sorted(shared)[:2]),
            )
            if key in pairs_seen:
                continue
            pairs_seen.add(key)
            found.append(Mixed(first.side, first, second, a, b, tuple(sorted(shared))[:4]))
            if len(found) >= most:
                return found
    return found


# -- showing it --------------------------------------------------------------------------------


def duration(value: dt.timedelta | None) -> str:
    """A wait as people say it: "40 min", "5 h", "3.5 days"."""
    if value is None:
        return "-"
    seconds = value.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    hours = seconds / 3600
    if hours < 48:
        return f"{hours:.0f} h" if hours >= 10 else f"{hours:.1f} h".replace(".0 h", " h")
    days = hours / 24
    return f"{days:.1f} days".replace(".0 days", " days")


def day_text(value: dt.datetime | dt.date | None) -> str:
    """ "3 March 2026"; '' for none."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def short_day(value: dt.datetime | dt.date | None) -> str:
    """A day as "3 Mar"; '?' when unknown."""
    if value is None:
        return "?"
    return f"{value.day} {value:%b}"


def turning_sentence(found: Audit) -> str:
    """Where the tone shifted and what came just before: the ``tone_shift`` suggestion."""
    row = found.turning_row
    if row is None:
        return ""
    kinds = sorted({c for c, _p in row.findings if HEAT.get(c)})
    flagged = f" ({', '.join(kinds)})" if kinds else f" ({row.tone})"
    when = f"On {day_text(row.date)}, " if row.date else "In an undated message, "
    text = f'{when}{row.who} wrote "{row.excerpt}"{flagged}, {found.turning_why}.'
    before = found.rows[row.index - 1] if row.index > 0 else None
    if before is not None and before.side and before.side != row.side:
        tone = f", {before.tone}" if before.tone != "neutral" else ""
        text += (
            f" It answered {before.message.sender}'s message of {day_text(before.date)} "
            f"({SIDE_LABELS[before.side]}{tone})"
        )
        side_median = found.figures[row.side].median if row.side else None
        if (
            row.waited
            and row.waited >= dt.timedelta(days=1)
            and (side_median is None or row.waited > 2 * side_median)
        ):
            text += f", after a wait of {duration(row.waited)}"
        text += "."
    elif before is not None and before.date and row.date:
        gap = row.date - before.date
        if gap >= dt.timedelta(days=2):
            text += f" It came after {duration(gap)} of silence."
    return text


def mixed_sentence(found: Audit) -> str:
    """Who said what: the ``mixed_messages_detail`` suggestion."""
    parts = []
    for mixed in found.mixed:
        a, b = mixed.first, mixed.second
        parts.append(
            f'{a.message.sender} ({short_day(a.date)}): "{_short(mixed.first_words)}"; '
            f'{b.message.sender} ({short_day(b.date)}): "{_short(mixed.second_words)}" '
            f"({SIDE_LABELS[mixed.side]}, on {', '.join(mixed.topic[:3])})."
        )
    return " ".join(parts)


def _short(text: str, limit: int = 120) -> str:
    return excerpt(text, limit)


UNPLACED_HINT = "name them with --ours or --theirs (a domain, an address or a name)"


def summary_lines(found: Audit, unplaced_hint: str = UNPLACED_HINT) -> list[str]:
    """What an import found, in a few lines for a person (plain text; print it through a
    front end's safe printer). ``unplaced_hint`` says how to place senders on no side, in
    the words of the front end (the command line's options by default)."""
    thread = found.thread
    rows = found.rows
    dated = [r.date for r in rows if r.date]
    files = ", ".join(thread.files)
    span = f", {day_text(min(dated))} to {day_text(max(dated))}" if dated else ""
    merged = f" ({thread.duplicates} duplicate{'s' if thread.duplicates != 1 else ''} merged)"
    lines = [
        f"Read {len(rows)} message{'s' if len(rows) != 1 else ''} from {files}"
        f"{merged if thread.duplicates else ''}{span}."
    ]
    lines += thread.skipped
    for side in (OURS, THEIRS):
        fig = found.figures[side]
        if not fig.messages:
            continue
        who = ", ".join(fig.senders[:3]) + (
            f" and {len(fig.senders) - 3} more" if len(fig.senders) > 3 else ""
        )
        text = f"{SIDE_LABELS[side].capitalize()}: {fig.messages} from {who}"
        if fig.replies:
            text += (
                f"; replies in {duration(fig.median)} (median), longest wait "
                f"{duration(fig.longest)} (from {short_day(fig.longest_since)})"
            )
        if fig.unanswered:
            text += (
                f"; {fig.unanswered} message{'s' if fig.unanswered != 1 else ''} of the other "
                f"side unanswered since {short_day(fig.unanswered_since)}"
            )
        lines.append(text + ".")
    if found.unknown:
        lines.append(
            f"{found.unknown} message{'s' if found.unknown != 1 else ''} from senders on no "
            f"side yet: {unplaced_hint}."
        )
    flagged = [r for r in rows if r.flagged]
    if flagged:
        by_side = Counter(SIDE_LABELS[r.side] for r in flagged)
        split = ", ".join(f"{n} {label}" for label, n in by_side.items())
        lines.append(
            f"Tone: {len(flagged)} message{'s' if len(flagged) != 1 else ''} flagged ({split})."
        )
    else:
        lines.append("Tone: no message flagged.")
    if found.turning_row is not None:
        lines.append(f"Turning point: {turning_sentence(found)}")
    for mixed in found.mixed:
        a, b = mixed.first, mixed.second
        lines.append(
            f"Mixed messages ({SIDE_LABELS[mixed.side]}, on {', '.join(mixed.topic[:3])}): "
            f"{a.message.sender} on {short_day(a.date)} and {b.message.sender} on "
            f"{short_day(b.date)}."
        )
    if found.tone_problem:
        lines.append(found.tone_problem)
    return lines


@dataclass(frozen=True)
class StripCell:
    """One column of the timeline strip: the messages of a stretch of days."""

    start: dt.date
    end: dt.date
    ours: str | None  # the hardest tone our side used in it; None: no message
    theirs: str | None
    turning: bool
    unknown: str | None = None  # the same for senders on neither side yet


def strip_cells(found: Audit, width: int = 60) -> list[StripCell]:
    """The timeline as a strip by date, ``width`` columns at most: for each stretch of days,
    the hardest tone each side used (None where it sent nothing: the gaps show), and the
    column holding the turning point. For the app to colour and the command line to print."""
    dated = [r for r in found.rows if r.date]
    if not dated:
        return []
    first = min(r.date for r in dated if r.date).date()
    last = max(r.date for r in dated if r.date).date()
    days = (last - first).days + 1
    columns = max(1, min(width, days))
    per = days / columns
    cells: list[StripCell] = []
    for column in range(columns):
        start = first + dt.timedelta(days=int(column * per))
        end = first + dt.timedelta(days=max(int((column + 1) * per) - 1, int(column * per)))
        inside = [r for r in dated if r.date and start <= r.date.date() <= end]
        tones = {}
        for side in (OURS, THEIRS, UNKNOWN):
            own = [r.tone for r in inside if r.side == side]
            tones[side] = max(own, key=lambda t: TONE_SCORE[t]) if own else None
        turning = found.turning is not None and any(r.index == found.turning for r in inside)
        cells.append(StripCell(start, end, tones[OURS], tones[THEIRS], turning, tones[UNKNOWN]))
    return cells


STRIP_MARKS = {
    None: " ",
    "warm": "o",
    "neutral": "o",
    "terse": "-",
    "defensive": "x",
    "hostile": "X",
}


def report_lines(found: Audit, unplaced_hint: str = UNPLACED_HINT) -> list[str]:
    """The summary, then the strip, each followed by a blank line: what a line-by-line
    front end prints after reading a thread."""
    strip = strip_text(found)
    return summary_lines(found, unplaced_hint) + (["", *strip] if strip else []) + [""]


def strip_text(found: Audit, width: int = 60) -> list[str]:
    """The strip as plain text lines: o a calm message, - terse, x defensive, X hostile, a
    blank a stretch with no message; ^ marks the turning point. A third row holds the
    senders on neither side, when there are any."""
    cells = strip_cells(found, width)
    if not cells:
        return []
    label = 11
    left, right = short_day(cells[0].start), short_day(cells[-1].end)
    ruler = left + " " * max(1, len(cells) - len(left) - len(right)) + right
    lines = [" " * label + ruler]
    lines.append("our side".ljust(label) + "".join(STRIP_MARKS[c.ours] for c in cells).rstrip())
    lines.append("their side".ljust(label) + "".join(STRIP_MARKS[c.theirs] for c in cells).rstrip())
    if found.unknown:  # senders on neither side yet: shown, not left out
        lines.append(
            "no side".ljust(label) + "".join(STRIP_MARKS[c.unknown] for c in cells).rstrip()
        )
    if any(c.turning for c in cells):
        lines.append(
            " " * label
            + "".join("^" if c.turning else " " for c in cells).rstrip()
            + " turning point"
        )
    lines.append(" " * label + "o calm  - terse  x defensive  X hostile")
    return lines


def plan_figures(found: Audit) -> dict[str, Any]:
    """What a plan template would show of an import, as plain values: the thread's span,
    a row per side (messages, median reply, longest wait, unanswered), the turning point
    and the mixed messages. Strings are raw: the template's Markdown escaping applies."""
    dated = [r.date for r in found.rows if r.date]
    turning = found.turning_row
    return {
        "messages": len(found.rows),
        "first": min(dated).date() if dated else None,
        "last": max(dated).date() if dated else None,
        "sides": [
            {
                "side": SIDE_LABELS[side],
                "messages": fig.messages,
                "senders": list(fig.senders),
                "median_reply": duration(fig.median),
                "longest_wait": duration(fig.longest),
                "unanswered": fig.unanswered,
            }
            for side, fig in found.figures.items()
            if fig.messages
        ],
        "flagged": sum(1 for r in found.rows if r.flagged),
        "turning_point": (
            {
                "date": turning.date.date() if turning.date else None,
                "who": turning.who,
                "tone": turning.tone,
                "excerpt": turning.excerpt,
            }
            if turning
            else None
        ),
        "mixed": [
            {
                "side": SIDE_LABELS[m.side],
                "first": m.first.message.sender,
                "second": m.second.message.sender,
                "topic": list(m.topic),
            }
            for m in found.mixed
        ],
    }
