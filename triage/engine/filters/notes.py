"""What a manager's notes record, read before a draft states it to the other side.

Whether a typed ask already names its date ("or agree a written plan by 18 Dec"), whether a
call with them is recorded (so that an email may thank them for it), and whether a typed
line is a note rather than a sentence ("commission statement late 6 wks, no deal
registration portal"), so that the email never pastes it in as if it were one; and who did
the speaking in a heated exchange the notes tell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.text import _clauses, _squash

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\d{4}-\d{2}-\d{2}|end\s+of\s+(?:the\s+)?"
    rf"(?:month|week|{_MONTH})|(?:monday|tuesday|wednesday|thursday|friday)\b)",
    re.I,
)


def has_date(value: Any) -> bool:
    """Filter ``has_date``: whether typed text names a date or a day ("by 18 Dec", "11.12",
    "by Friday", "end of January"), so that a draft does not add a second one."""
    return bool(_DATE.search(_squash(value)))


# A call or a meeting with them, in what happened or in a timeline row's channel.
_CALL_WORDS = re.compile(
    r"\b(?:phoned|spoke|spoken|(?:called|rang|phoned|met)\s+(?:with\s+)?(?:him|her|them|us|me)\b|"
    r"(?:on|in|after|during|at)\s+(?:(?:a|the|our|their|that|this)\s+)?(?:phone\s+|video\s+|zoom\s+|teams\s+)?"
    r"(?:call|meeting)\b|\bcall\s+(?:on|of)\s+\d|\b(?:phone|video)\s+call\s+(?:on|with)\b)",
    re.I,
)
_CALL_CHANNELS = {"call", "phone", "meeting", "video", "in_person", "in person"}


def call_recorded(timeline: Any, notes: Any = "") -> bool:
    """Filter ``call_recorded(notes)``: whether a call or a meeting with them is on record, in
    the timeline (a row on a call, phone, video or meeting channel) or in the notes typed
    ("Rohit said on the call", "we spoke on 3 Dec"). An email thanks them for a call only then."""
    for row in timeline if isinstance(timeline, list) else []:
        if isinstance(row, Mapping) and _squash(row.get("channel")).lower() in _CALL_CHANNELS:
            return True
    return bool(_CALL_WORDS.search(_squash(notes)))


# A verb that makes a line a sentence: a common finite verb, a past tense, or a modal.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|will|would|shall|"
    r"should|may|might|must|\w{3,}ed|\w{3,}ing|said|sent|told|gave|went|got|made|took|paid|"
    r"let|put|set|kept|left|lost|missed|forgot|ran|broke|came|saw|knew|thought|chose|wrote|"
    r"spoke|rang|cut|shut|hit|says|gets|goes|runs|puts|takes|makes|gives|sends|needs|"
    r"wants|uses|owes|didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|won'?t|"
    r"can'?t|couldn'?t|isn'?t|aren'?t)\b",
    re.I,
)
# Note-taking shorthand that never belongs in a sentence to them: "6 wks", "w/o", "b/c".
_SHORTHAND = re.compile(
    r"\b\d+\s*(?:wks?|hrs?|mins?|mths?|yrs?)\b|\b(?:wks|hrs|mths|yrs|asap|pls|bc|vs)\b|\bw/o\b|\bb/c\b"
)


def note_fragment(value: Any) -> bool:
    """Filter ``note_fragment``: whether typed text is a note, not a sentence that can be said
    to them as typed: a part between commas or "so" with no verb ("commission statement late
    6 weeks, no deal registration portal so attribution is by email"), or note shorthand ("6
    wks"). "we didn't test against your sandbox changelog" is a sentence."""
    text = _squash(value)
    if not text:
        return False
    if _SHORTHAND.search(text):
        return True
    parts = [p for p in re.split(r"[,;]|\s+so\s+|\s+(?:and|but)\s+(?=no\b)", text) if p.strip()]
    return any(_verbless(p) for p in parts)


# A part that hangs on the clause before it: "…, without a purchase order", "…, for 3 days".
_ATTACHED = re.compile(
    r"(?:without|with|from|on|in|for|by|after|before|at|to|about|over|under|since|until|"
    r"as|like|because|while|when|which|who|where|including|except|despite|than|and|or|but)\b",
    re.I,
)
_DATE_WORDS = re.compile(rf"^(?:{_MONTH}|and|or|to|the|\d.*)$", re.I)


def _verbless(part: str) -> bool:
    """A part of three words or more with no verb, other than a date or a list of dates
    ("15 Nov and 1 Dec" stands beside what it dates)."""
    words = part.split()
    if len(words) < 3 or _FINITE.search(part) or _ATTACHED.match(part.strip()):
        return False
    return not all(_DATE_WORDS.match(w) for w in words)


_SIDE_TAG = re.compile(r"\s*\((our|their) side\)", re.I)


def our_messages(value: Any) -> str:
    """Filter ``our_messages``: who said what on our side, from a note that tags each
    message "(our side)" or "(their side)": the parts about our people, with the tags taken
    out, so that a step can name them in a sentence ("support said January, the newsletter
    said July") and never prints "((our side) …". Untagged notes are kept whole."""
    text = _squash(value)
    parts = [p.strip() for p in re.split(r";", text) if p.strip()]
    if any(_SIDE_TAG.search(p) for p in parts):
        ours = [p for p in parts if re.search(r"\(our side\)", p, re.I)]
        parts = ours or parts
    cleaned = "; ".join(_SIDE_TAG.sub("", p) for p in parts)
    return re.sub(r"\s+([,;.])", r"\1", re.sub(r"^\(\s*|\s{2,}", " ", cleaned)).strip()


_QUIET = re.compile(
    r"\b(?:calls?|phones?|emails?|messages?|mails?)\s+(?:(?:are|were|go|going|went|get|got)\s+)?"
    r"(?:not|never|un)\s*(?:picked|answered|returned|replied)|"
    r"\bno\s+(?:reply|replies|response|responses|answer|answers|word)\b|"
    r"\b(?:stopped|stop|not|isn'?t|aren'?t|won'?t|doesn'?t|don'?t|hasn'?t|haven'?t)\s+"
    r"(?:answered|replied|responded|answering|replying|responding|"
    r"returning|picking up|answer|reply|respond|pick up)\b|"
    r"\b(?:gone|went|go|going)\s+(?:quiet|silent|dark|awol|missing)\b|"
    r"\bghost(?:ed|ing)\b|\bradio silence\b|\bsilent since\b|\bsilence since\b|"
    r"\bignor(?:ing|ed|es)\s+(?:our|my|us|me)\b",
    re.I,
)


_CALLS = re.compile(
    r"\b(?:calls?|phones?)\b[^.;]{0,20}\b(?:not|never|un)\s*(?:picked|answered|returned)|"
    r"\bnot\s+(?:picking up|answering (?:the |my |our )?(?:phone|calls?))|"
    r"\b(?:ignoring|ignored|ignores)\s+(?:our|my)\s+calls\b|"
    r"\b(?:called|rang|phoned|calling|ringing)\b[^.;]{0,25}\bno (?:answer|reply|response|pick ?up)\b",
    re.I,
)


def gone_quiet(value: Any, calls: bool = False) -> bool:
    """Filter ``gone_quiet``: whether a manager's note says the other side has stopped
    answering ("calls not picked", "no reply since 27 Oct", "they've gone quiet", "ignoring
    our emails"), for answer sets where the list of warning signs was left empty. With
    ``calls=true``, only when our phone calls go unanswered too: more of them will not help."""
    text = _squash(value)
    for found in (_CALLS if calls else _QUIET).finditer(text):
        before = text[: found.start()].split()[-3:]
        # "we did not reply" is our silence, not theirs.
        ours = any(w.lower().strip(",.") in {"we", "i", "our", "my", "us"} for w in before)
        if found.group(0).lower().startswith(("called", "rang", "phoned", "calling", "no ")):
            ours = False  # "we called twice, no answer": our call, their silence
        if not ours:
            return True
    return False


# Court, lawyers or legal action, in words one of our people used in anger.
_LEGAL_THREAT = re.compile(
    r"\b(?:court|sue|suing|lawyers?|solicitors?|attorneys?|legal\s+action|"
    r"see\s+you\s+in\s+court|tribunal|arbitration)\b",
    re.I,
)
_OUR_PERSON = re.compile(r"\b(?:we|i|our|my)\b", re.I)
_SAID = re.compile(
    r"\b(?:said|says|shouted|threatened|threatening|told|wrote|warned|yelled|snapped|"
    r"emailed|texted|messaged|mentioned)\b",
    re.I,
)
_NOT_CALLED = re.compile(
    r"\b(?:not|never|no)\b[^.;]{0,25}\b(?:called|instructed|involved|contacted|spoken)\b", re.I
)


def we_threatened(value: Any) -> bool:
    """Filter ``we_threatened``: whether a note says one of our own people spoke of court or
    lawyers to them ("our PM said 'we'll see you in court'", "our project manager threatened
    court in front of your team"), so that the first contact takes it back plainly. A note
    that no lawyer is involved ("we have NOT called any lawyer") is not a threat."""
    for sentence in _clauses(value):
        if _NOT_CALLED.search(sentence) or not _LEGAL_THREAT.search(sentence):
            continue
        said = _SAID.search(sentence)
        if said and _OUR_PERSON.search(sentence[: said.start()]):
            return True
    return False


# A step the manager typed that calls, phones or visits someone ("call Daniel first so the
# notice is not a surprise", "Ingrid phones Bjørn and Silje to apologise").
_CALL_VERB = re.compile(
    r"\b(?:call|calls|phone|phones|ring|rings|visit|visits|go(?:es)? to see)\b", re.I
)


def typed_call(steps: Any, names: Any) -> Any:
    """Filter ``typed_call(names)``: the earliest day among the manager's own steps that is a
    call or a visit to one of ``names`` (their contact, the company), so that the plan does
    not add a second first call and the email follows that one; None when there is none."""
    words = {
        word.lower()
        for name in (names if isinstance(names, (list, tuple)) else [names])
        for word in re.findall(r"[^\W\d_][\w']{2,}", _squash(name))
        if word.lower() not in _NOT_NAMES
    }

    def to_them(text: str) -> bool:
        for verb in _CALL_VERB.finditer(text):
            # the step's own verb: at a clause's start, or after who does it ("Priya calls
            # Denise"); "tell staff not to answer personal-number calls from Kahawa" is no call
            lead = re.sub(r"\([^)]*\)", " ", text[: verb.start()])  # "Anna Wróbel (FD) calls"
            before = re.split(r"[,;:.]|\b(?:then|and|first)\b", lead)[-1]
            if len(re.findall(r"\w+", before)) > 2 or re.match(r"\s*from\b", text[verb.end() :]):
                continue
            after = re.findall(r"[^\W\d_][\w']{2,}", text[verb.end() :])[:4]
            if words & {w.lower() for w in after}:
                return True
        return False

    return _first_day(steps, to_them)


def _first_day(steps: Any, wanted: Any) -> Any:
    """The earliest due day among the manager's own steps whose text ``wanted`` accepts."""
    from triage.engine.filters.dates import as_date

    days = [
        day
        for step in (steps if isinstance(steps, (list, tuple)) else [])
        if isinstance(step, Mapping)
        and wanted(_squash(step.get("what")))
        and (day := as_date(step.get("due"))) is not None
    ]
    return min(days) if days else None


# Words in a company's or a person's name that are not a name to match a call by.
_NOT_NAMES = frozenset(
    [
        "ltd",
        "limited",
        "inc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "srl",
        "spa",
        "bv",
        "nv",
        "ab",
        "as",
        "aps",
        "oy",
        "plc",
        "llc",
        "pty",
        "pte",
        "co",
        "company",
        "group",
        "holdings",
        "the",
        "and",
        "services",
        "industries",
        "international",
        "mr",
        "mrs",
        "ms",
        "dr",
        "dra",
        "sro",
        "san",
        "sama",
    ]
)


# A change said to take effect at once ("Ingrid leads your account from today", "Geir is not
# on it", "P1 tickets now page the on-call engineer").
_AT_ONCE = re.compile(
    r"\b(?:from\s+(?:today|now|tomorrow|monday|this\s+week)|with\s+immediate\s+effect|"
    r"immediately|already|now|no\s+longer|(?:is|are)\s+(?:off|not\s+on)|"
    r"(?:has|have)\s+been)\b",
    re.I,
)


def in_force(fixes: Any, at_once: bool = True, typed: Any = None) -> list[str]:
    """Filter ``in_force``: the promised changes that take effect at once (or, with
    ``false``, those still to be made), so the first are dated now, not weeks ahead.
    ``typed`` (the manager's own dated steps) leaves out a change one of them already
    covers ("retraining for all 31 drivers" and the typed "finish alarm-procedure
    retraining"): the tracker holds it once, on the manager's own date."""
    items = fixes if isinstance(fixes, (list, tuple)) else []
    steps = [
        _content(_squash(row.get("what")))
        for row in (typed if isinstance(typed, (list, tuple)) else [])
        if isinstance(row, dict) and row.get("what")
    ]
    return [
        str(fix)
        for fix in items
        if fix
        and _at_once(_squash(fix)) == at_once
        and not any(_covers(step, _content(_squash(fix))) for step in steps)
    ]


def fix_in_force(mistake: Any, typed: Any = None) -> str:
    """Filter ``fix_in_force``: of one row of ``reader_needs.mistakes``, what of its change still
    to make holds from now on, with a pronoun that opens it named from the mistake ("he has
    stepped back from the account", for "our commercial director's email ...", gives "our
    commercial director has stepped back from the account"); '' when none holds yet. A part
    one of the ``typed`` steps already names is left to that step."""
    row = mistake if isinstance(mistake, Mapping) else {}
    ahead = _squash(row.get("ahead"))
    parts = [p for p in re.split(r";\s*", ahead) if p] if ahead and _at_once(ahead) else []
    steps = [
        _content(_squash(step.get("what")))
        for step in (typed if isinstance(typed, (list, tuple)) else [])
        if isinstance(step, Mapping) and step.get("what")
    ]
    parts = [p for p in parts if not any(_covers(step, _content(p)) for step in steps)]
    who = _OUR_ROLE.search(_squash(row.get("mistake")))
    if who:
        parts = [_PRONOUN_SUBJECT.sub("our " + who.group(1), p, count=1) for p in parts]
    return "; ".join(parts)


# "our commercial director's email", "our site engineer raised his voice": who a "he" is.
_OUR_ROLE = re.compile(
    r"\bour\s+((?:[a-z-]+\s+){0,2}?[a-z-]*(?:director|manager|engineer|lead|"
    r"head|officer|rep|representative|technician|consultant|partner|founder|"
    r"chief|president|controller|supervisor|executive))(?:['’]s\b|\s)"
)
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she)\b(?=\s+(?:has|is|was|will|no\s+longer|now))", re.I)


def _covers(step: frozenset[str], fix: frozenset[str]) -> bool:
    """Whether a typed step names the same change: most of the change's words, two at least."""
    shared = len(step & fix)
    return shared >= 2 and shared * 2 >= len(fix)


_STILL_TO_COME = re.compile(r"\b(?:will|going\s+to|plan\s+to|by\s+(?:the\s+)?end\s+of)\b", re.I)
# Said to take effect from now, whatever else the sentence promises ("I will lead this
# personally from now on and Lars will step back"): in force today.
_FROM_NOW = re.compile(r"\b(?:from\s+(?:now\s+on|today)|with\s+immediate\s+effect)\b", re.I)
_SMALL = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "to",
        "on",
        "in",
        "at",
        "by",
        "with",
        "all",
        "our",
        "your",
        "their",
        "from",
        "into",
        "each",
        "every",
        "any",
        "now",
        "new",
        "full",
        "one",
        "two",
        "per",
        "within",
        "after",
        "before",
        "than",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "be",
        "will",
        "we",
        "you",
        "they",
        "it",
        "its",
    ]
)


def _content(text: str) -> frozenset[str]:
    """The words that name a change (endings such as "-s", "-ed" and "-ing" set aside), small
    words out."""
    words = re.findall(r"[a-z]{3,}", text.lower())
    return frozenset(re.sub(r"(?:ing|ed|es|e|s)$", "", w) for w in words if w not in _SMALL)


# A standing practice, true from the day it is said, even with a "will" in it: a habit ("I will
# talk to you by phone first", "we will always call before a supply letter"), a rule that gates
# every case ("no variation work starts without a countersigned VO", "any tender is discussed
# with you before we bid"), a person already moved ("he has stepped back from the account") or
# the signer leading it now ("I lead it personally").
_STANDING = re.compile(
    r"\b(?:always|never|whenever|every\s+time|each\s+time)\b"
    r"|\b(?:by\s+(?:phone|call)|in\s+person|with\s+a\s+call|a\s+call)\s+first\b"
    r"|^(?:no|nothing)\s+\S.*\b(?:without|before|until|unless)\b"
    r"|^(?:any|every|each|all)\s+(?:[\w-]+\s+){0,6}?(?:is|are|gets?|goes|go)\s+(?:\w+\s+){0,2}?"
    r"(?:with\s+you|to\s+you|by\s+you)?\s*\b(?:before|first)\b"
    r"|\b(?:has|have)\s+(?:stepped\s+(?:back|down|aside|away)|left|moved\s+off|come\s+off|"
    r"handed\s+(?:over|on))\b"
    r"|^(?:I|we)\s+(?:now\s+)?(?:lead|handle|own|run)s?\b(?!.*\b(?:will|from\s+\d|in\s+\w+ary)\b)",
    re.I,
)


def _at_once(text: str) -> bool:
    if _FROM_NOW.search(text):
        return True
    # One part said as a standing practice puts the whole change in force, as "now" does.
    if any(_STANDING.search(part.strip()) for part in re.split(r";\s*", text)):
        return True
    return bool(_AT_ONCE.search(text)) and not _STILL_TO_COME.search(text)


# A step the manager typed that gets an approval or a mandate ("get credit approval for 3.36m").
_GATE = re.compile(r"\b(?:approv\w*|sign(?:s|ed)?[- ]?off|mandate|authori[sz]\w*)\b", re.I)


def typed_gate(steps: Any) -> Any:
    """Filter ``typed_gate``: the earliest day among the manager's own steps that gets an
    approval or a mandate, so that an email making an offer is not sent before it; None
    when there is none."""
    return _first_day(steps, lambda text: bool(_GATE.search(text)))


# A step of ours that decides or clears the end ("Agree with Pekka: exit on 14.1", "Board to
# approve the termination", "CEO sign-off on ending the contract"): an internal decision, to be
# taken before anyone tells them.
_DECIDE_VERB = re.compile(
    r"^(?:[\w.'-]+\s+){0,3}?(?:agree|agrees|decide|decides|confirm|confirms|approve|approves|"
    r"get|obtain|sign(?:s)?[- ]?off)\b|\b(?:approv\w*|sign[- ]?off|go[- ]ahead)\b",
    re.I,
)
_END_WORD = re.compile(
    r"\b(?:exit\w*|end(?:s|ing)?\b|terminat\w*|wind[- ]?down|part(?:ing)?\s+ways|"
    r"withdraw\w*|leav(?:e|ing)|not\s+renew\w*|non[- ]renewal|notice)",
    re.I,
)
# A check of the notice by our lawyer ("Lawyer to check 90-day notice wording", "Counsel reviews
# the termination letter"): the notice is served after it, never before.
_LAWYER = re.compile(r"\b(?:lawyers?|counsel|solicitors?|legal|attorneys?|advocates?)\b", re.I)
_CHECKS = re.compile(
    r"\b(?:check\w*|review\w*|read\w*|vet\w*|approv\w*|clear\w*|wording|draft\w*)\b", re.I
)
_NOTICE_WORD = re.compile(r"\b(?:notice|termination|exit\s+letter)\b", re.I)


def _last_day(steps: Any, wanted: Any) -> Any:
    """The latest due day among the manager's own steps whose text ``wanted`` accepts."""
    from triage.engine.filters.dates import as_date

    days = [
        day
        for step in (steps if isinstance(steps, (list, tuple)) else [])
        if isinstance(step, Mapping)
        and wanted(_squash(step.get("what")))
        and (day := as_date(step.get("due"))) is not None
    ]
    return max(days) if days else None


def typed_exit_decision(steps: Any, names: Any = None) -> Any:
    """Filter ``typed_exit_decision(names)``: the latest day among the manager's own steps that
    decides or clears the end on our side ("Agree with Pekka: exit on 14.1, no breach claim"),
    naming none of ``names`` (their contact, the company), so that nobody tells them before
    it; None when there is none."""
    words = {
        word.lower()
        for name in (names if isinstance(names, (list, tuple)) else [names])
        for word in re.findall(r"[^\W\d_][\w']{2,}", _squash(name))
        if word.lower() not in _NOT_NAMES
    }

    def decides(text: str) -> bool:
        said = {w.lower() for w in re.findall(r"[^\W\d_][\w']{2,}", text)}
        return bool(
            _DECIDE_VERB.search(text)
            and _END_WORD.search(text)
            and not (words & said)
            and not _LAWYER.search(text)
        )

    return _last_day(steps, decides)


def typed_notice_check(steps: Any) -> Any:
    """Filter ``typed_notice_check``: the latest day among the manager's own steps in which our
    lawyer checks the notice ("Lawyer to check 90-day notice wording and cl. 16"), so that the
    notice is served after it; None when there is none."""
    return _last_day(
        steps,
        lambda text: bool(
            _LAWYER.search(text) and _CHECKS.search(text) and _NOTICE_WORD.search(text)
        ),
    )


# A partner leaving a company we own together (a joint venture, their shares, a buy-out): the
# business goes on, so nothing "ends" and nothing is "handed over"; a price, a timetable and the
# work in hand are agreed instead.
_SHARE_DEAL = re.compile(
    r"\b(?:joint[- ]venture|JV|shareholders?|shareholding|(?:their|our|the|her|his)\s+(?:\d+\s*%\s+)?"
    r"(?:shares?|stake)\b|buy[- ]?outs?|buy\s+(?:them|him|her)\s+out|right\s+of\s+first\s+refusal|"
    r"ROFR|pre-?emption|share\s+purchase|equity\s+stake|50/50)",
    re.I,
)


def share_deal(value: Any) -> bool:
    """Filter ``share_deal``: whether the notes describe a partner leaving a business we own
    together (a joint venture, their shares, a buy-out, a right of first refusal)."""
    return bool(_SHARE_DEAL.search(_squash(value)))


def typed_covers(steps: Any, text: Any) -> bool:
    """Filter ``typed_covers(text)``: whether one of the manager's own steps already names
    ``text`` (most of its words, two at least): "All overdue ventilators maintained" covers
    the first win "every overdue ventilator maintained and signed off", so the tracker holds
    it once, on the manager's date."""
    wanted = _content(_squash(text))
    rows = steps if isinstance(steps, (list, tuple)) else []
    return any(
        _covers(_content(_squash(row.get("what"))), wanted)
        for row in rows
        if isinstance(row, Mapping) and row.get("what")
    )


# A step the manager typed that serves our own notice to end the contract ("Formal notice letter
# under cl. 15.1", "Serve termination notice by courier", "Hand Dragan our notice in person"),
# not one that answers theirs ("reply to their notice of termination").
_OUR_NOTICE = re.compile(
    r"\b(?:(?:formal|termination|written|our)\s+(?:\d+[- ]?(?:day|week|month)s?\s+)?notice(?:\s+letter)?|notice\s+letter|"
    r"notice\s+(?:of\s+termination|to\s+(?:end|terminate|quit))|"
    r"termination\s+(?:letter|notice)|"
    r"(?:send|serve|give|hand|deliver|issue)s?(?:\s+[\w.'-]+){0,3}?\s+notice(?!\s+(?:wording|period))"
    r")\b",
    re.I,
)
_THEIR_NOTICE = re.compile(
    r"\b(?:their|his|her)\s+(?:formal\s+|termination\s+|written\s+)?notice\b|"
    r"\b(?:repl\w*|respon\w*|answer\w*|acknowledg\w*)\b",
    re.I,
)


def typed_notice(steps: Any) -> Any:
    """Filter ``typed_notice``: the earliest day among the manager's own steps that serves our
    notice to end the contract, so that the tracker holds that event once, on the manager's
    date and with the manager's owner, not again on a date of the plan's own; None when
    there is none."""
    return _first_day(
        steps, lambda text: bool(_OUR_NOTICE.search(text)) and not _THEIR_NOTICE.search(text)
    )


# A step the manager typed that puts the mediation proposal to them in writing ("Counsel-approved
# letter proposing mediation under clause 19", "Send our mediation proposal to their GC").
_PROPOSAL = re.compile(r"\b(?:letter|proposal|propos\w+|write|writes)\b", re.I)
_MEDIATION = re.compile(r"\bmediat\w*", re.I)
_PROPOSAL_NOT = re.compile(r"\b(?:brief\w*|draft\w*|prepar\w*|filing|shortlist)\b", re.I)


def typed_proposal(steps: Any) -> Any:
    """Filter ``typed_proposal``: the earliest day among the manager's own steps that sends the
    other side our proposal of mediation in writing (a letter our lawyer has approved), so that
    the call to agree the mediator comes after it, not before; None when there is none. A
    step that briefs our lawyer on it or drafts it is preparation, not the proposal."""
    return _first_day(
        steps,
        lambda text: bool(
            _PROPOSAL.search(text) and _MEDIATION.search(text) and not _PROPOSAL_NOT.search(text)
        ),
    )


# Who did the speaking in a note: "their MD said we were invoicing our own mistakes".
_SPEAKING = (
    r"(?:said|says|told|called|accused|wrote|shouted|swore|snapped|remarked|claimed|"
    r"suggested|implied|hung up|walked out|replied|responded|answered|fired back|hit back)"
)
_THEIRS_SPOKE = re.compile(
    rf"\b(?:their|the client's|the customer's|the supplier's)\s+(?:[\w'-]+\s+){{0,3}}?{_SPEAKING}\b",
    re.I,
)
_OURS_SPOKE = re.compile(
    rf"\b(?:(?:our|my)\s+(?:[\w'-]+\s+){{0,3}}?{_SPEAKING}|(?:we|i)\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"{_SPEAKING})\b",
    re.I,
)


def who_said(text: Any) -> str:
    """Filter ``who_said``: "theirs" when a note's heated words are told as said by someone on
    their side and nobody on ours ("At the meeting their MD said we were invoicing our own
    mistakes; Wim took it personally"), "ours" when only ours spoke, else ''."""
    words = " ".join(str(text or "").split())
    theirs = bool(_THEIRS_SPOKE.search(words))
    ours = bool(_OURS_SPOKE.search(words))
    if theirs and not ours:
        return "theirs"
    if ours and not theirs:
        return "ours"
    return ""
