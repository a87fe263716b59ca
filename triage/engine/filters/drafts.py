"""Answers read for what the drafts to the other side must say, or must not.

A manager types the landing point beside the ask ("pay 84k, or 60k now and the rest when
the defects are closed"), a noun phrase for a mistake ("March pallet count error"), that
we are happy to pay, and that their lawyer wants all contact through her. These filters
find each, so that the email makes the offer the manager chose, says sorry in a whole
sentence, states the sum we will pay, and does not go round their lawyer.
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.asks import ask_fallback, opening_ask
from triage.engine.filters.shorten import join_and
from triage.engine.filters.text import _squash, _words
from triage.engine.filters.words import COMMON_WORDS, DETERMINERS

# A landing point typed after the ask without "or": "- happy to split it, 1,740 now and ...".
_HAPPY = re.compile(
    r"\s*(?:[,;(]|\s-+|\s–|\s—)\s*(?:but\s+)?(?:we(?:'re|\s+are)\s+|i(?:'m|\s+am)\s+)?"
    r"(?:happy|glad|willing|prepared|ok|okay|fine)\s+to\s+(?P<rest>.+)$",
    re.I | re.S,
)
# "or we agree CPI and call it square": the other way to settle, our concession.
_OR_WE = re.compile(
    r"\s*(?:,\s*)?\bor\s+(?P<rest>(?:we|i)\s+(?:just\s+)?(?:agree|accept|take|settle|split|"
    r"waive|credit|drop|write)\b.+)$",
    re.I | re.S,
)
# A staged payment: an amount now and the rest on a later event.
_STAGED = re.compile(
    r"^[£€$]?\s?\d[\d,.]*k?\s+(?:now|today|this\s+week|up\s*front|upfront)\b.*"
    r"\b(?:balance|rest|remainder|remaining|second\s+half|other\s+half|the\s+other)\b",
    re.I | re.S,
)
_OR_ELSE = re.compile(r"^(?:or|else|otherwise)\s+", re.I)
# Our shorthand for a settlement left in a landing point.
_PLAIN = (
    (re.compile(r"\band\s+call\s+it\s+(?:square|quits|even)\b", re.I), "and settle it there"),
    (re.compile(r"\bcall\s+it\s+(?:square|quits|even)\b", re.I), "settle it there"),
    (re.compile(r"\bwith\s+the\s+(\w+)\s+(?:billing\s+)?run\b", re.I), r"with the \1 invoice"),
    (re.compile(r"\s+and\s+(?:we'?re|we\s+are)\s+done\b", re.I), ""),
    (re.compile(r"^split\s+it\s*[,:]\s*(?=[£€$]?\s?\d)", re.I), ""),
)


def ask_landing(value: Any) -> str:
    """Filter ``ask_landing``: the landing point a manager typed beside the ask, '' when none.

    ``"Pay invoice 4417 (84,000), or 60,000 now and the balance when the defects are
    closed"`` gives ``"60,000 now and the balance when the defects are closed"``;
    ``"Release INV-1 (3,480) - happy to split it, 1,740 now and 1,740 with the December
    run"`` gives ``"split it, 1,740 now and 1,740 with the December invoice"``; ``"Agree the
    uplift, or we agree CPI and call it square"`` gives ``"we agree CPI and settle it
    there"``. The opening ask itself is never a landing point.
    """
    text = _squash(value)
    found = _HAPPY.search(text) or _OR_WE.search(text)
    if found and found.start() > 0:
        rest = found.group("rest")
    else:
        # A staged payment offered as the other way ("or 60,000 now and the balance when the
        # defects are closed") is a landing point; a bare lower figure ("or half and we're
        # done", "would accept 5k") is the fallback kept for the meeting.
        rest = ask_fallback(text)
        rest = _OR_ELSE.sub("", rest)
        if not _STAGED.match(rest):
            return ""
    rest = rest.strip(" ,;:-–—()")
    for pattern, plain in _PLAIN:
        rest = pattern.sub(plain, rest)
    return rest


def ask_before_landing(value: Any) -> str:
    """Filter ``ask_before_landing``: the ask without the landing point typed after it."""
    text = _squash(value)
    found = _HAPPY.search(text) or _OR_WE.search(text)
    if found and found.start() > 0:
        return text[: found.start()].rstrip(" ,;:-–—(")
    return opening_ask(text)


# Words that make a typed mistake a clause ("we sent it late") rather than a noun phrase
# ("March pallet count error").
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|did|didn'?t|does|doesn'?t|do|don'?t|got|"
    r"went|sent|made|put|let|took|gave|came|left|kept|told|said|saw|set|ran|paid|fell|lost|"
    r"broke|forgot|missed|sold|sat|spoke|wrote|chose|shut|cut|held|withheld|brought|bought|"
    r"built|caught|dealt|drew|drove|found|hid|knew|lent|meant|met|spent|stood|struck|threw|"
    r"understood|upheld|"
    r"can'?t|couldn'?t|won'?t|wouldn'?t|wasn'?t|weren'?t|never|failed|\w+ed)\b",
    re.I,
)
# A typed mistake that starts with our verb and no subject: "paid late 3 times".
_OWN_VERB = (
    r"^(?:\w+ed|paid|sent|made|put|let|took|gave|told|said|kept|left|didn'?t|did\s+not|never)\b"
)
_DETERMINER = re.compile(
    r"^(?:the|our|a|an|your|their|this|that|these|those|my|his|her|its|one|two|three|each)\b",
    re.I,
)


# Words that open a clause's setting, not its subject: "During the outage our team told …".
_LEADING_WORDS = _words(
    "during after before when while since because in on at by over through until as once from "
    "within throughout"
)


def sorry_for(value: Any) -> str:
    """Filter ``sorry_for``: a typed mistake as what follows "I am sorry": "for the March
    pallet count error" from a noun phrase, "that we did not flag it" from a clause."""
    text = _squash(value).rstrip(" .;:")
    if not text:
        return ""
    if re.match(r"^no\s", text, re.I):
        return f"that there was {text[:1].lower() + text[1:]}"
    if _VERBISH.search(text) or re.match(r"(?:we|i|they|he|she)\s+\w", text, re.I):
        words = text.split()
        first = words[0].lower()
        if first in COMMON_WORDS or _DETERMINER.match(text) or re.match(_OWN_VERB, text, re.I):
            text = text[:1].lower() + text[1:]
        if re.match(_OWN_VERB, text, re.I):
            text = f"we {text}"
        elif (
            len(words) > 2
            and first not in DETERMINERS
            and first not in _LEADING_WORDS
            and words[1].islower()
            and not _VERBISH.fullmatch(words[1])
            and words[0][1:].islower()
            and "'" not in words[0]
            and "’" not in words[0]
        ):
            # "Change letter went to the wrong person": a thing, not a name, as the subject.
            text = f"the {text[:1].lower() + text[1:]}"
        return f"that {text}"
    if text.split()[0].lower() in COMMON_WORDS:
        text = text[:1].lower() + text[1:]  # "Late delivery" inside a sentence
    if not _DETERMINER.match(text):
        text = f"the {text}"
    return f"for {text}"


# A hold typed as an instruction to ourselves ("Pause the training days. Support carries on."),
# said to them as what we are doing: "we are pausing the training days; support carries on".
_HOLD_VERBS = {
    "pause": "pausing",
    "stop": "stopping",
    "hold": "holding",
    "suspend": "suspending",
    "freeze": "freezing",
    "halt": "halting",
    "defer": "deferring",
    "postpone": "postponing",
    "put": "putting",
    "keep": "keeping",
}


# A hold typed as labelled lists: "Paused: new marketing funds, the joint demo farm; Carries on:
# service, spare parts".
_HOLD_LABEL = re.compile(
    r"^(paused|on\s+hold|held|stopped|suspended|frozen|carries\s+on|carry\s+on|continues|"
    r"continuing|unchanged|not\s+affected)\s*:\s*(.+)$",
    re.I,
)


def _listed(text: str) -> str:
    items = [i.strip() for i in re.split(r",\s*|\s+and\s+", text) if i.strip()]
    return join_and(
        [i[:1].lower() + i[1:] if i.split()[0].lower() in COMMON_WORDS else i for i in items]
    )


_HELD = re.compile(
    r"^(.+?)\s+(paused|stopped|suspended|frozen|halted|on\s+hold|held\s+back)\b(.*)$",
    re.I,
)
_BE: dict[str, str] = {}
_LOWER_FIRST = {"new", "existing", "current", "open", "pending", "future", "further", "ongoing"}


def hold_said(value: Any, them: Any = "") -> str:
    """Filter ``hold_said``: a typed hold as a clause that can follow "Until the notice period
    ends, ": its sentences joined by semicolons, an opening instruction ("Pause …") said as
    what we are doing ("we are pausing …"), a thing typed with its state said as a clause ("new
    deals are paused"), their company's side named as "your side" (``them``: the counterparty),
    and no full stop at the end."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?;])\s+", _squash(value)) if p.strip()]
    said: list[str] = []
    for part in parts:
        part = part.rstrip(" .;!")
        if not part:
            continue
        labelled = _HOLD_LABEL.match(part)
        if labelled:
            # "Paused: new marketing funds, the joint demo farm" / "Carries on: service, spares".
            items = _listed(labelled.group(2))
            label = labelled.group(1).lower()
            if any(w in label for w in ("pause", "hold", "held", "stop", "suspend", "frozen")):
                said.append(f"we are pausing {items}")
            else:
                said.append(f"{items} carry on as now")
            continue
        first, _, rest = part.partition(" ")
        verb = _HOLD_VERBS.get(first.lower())
        if verb and rest:
            part = f"we are {verb} {rest}"
        else:
            # A thing and its state typed as a note ("New deals in the territory paused from
            # Campo's side"): said as a clause, "new deals in the territory are paused".
            noted = _HELD.match(part)
            if noted and not re.search(
                r"\b(?:is|are|was|were|be|been|will|stay|stays|remain)\b", noted.group(1), re.I
            ):
                part = f"{noted.group(1)} {_BE.get(noted.group(2).split()[0].lower(), 'are')} {noted.group(2)}{noted.group(3)}"
            if first.lower().strip(",:;") in COMMON_WORDS or first.lower() in _LOWER_FIRST:
                part = part[:1].lower() + part[1:]
        if them:
            # Their own side named by their company's name, to them: "your side".
            names = "|".join(re.escape(w) for w in re.findall(r"[A-ZÀ-Þ][\w-]{2,}", str(them)))
            if names:
                part = re.sub(rf"\b(?:{names})(?:'s|’s)\s+side\b", "your side", part)
        said.append(part)
    return "; ".join(said)


_WILL_PAY = re.compile(
    r"\b(?:happy|willing|prepared|fine|ok|okay|glad|will|going|agreed|decided)\s+(?:to\s+)?pay"
    r"(?:\s+(?:him|her|them|it|the\s+[^,.;]*|in\s+full))?\b",
    re.I,
)


def will_pay(value: Any) -> bool:
    """Filter ``will_pay``: whether our notes say we have decided to pay what they ask
    ("Happy to pay the 620", "we'll pay it"), so that the email says so."""
    text = _squash(value)
    return bool(_WILL_PAY.search(text) or re.search(r"\bwe'?ll\s+pay\b", text, re.I))


_COUNSEL = r"(?:their\s+(?:external\s+)?(?:solicitors?|lawyers?|counsel|attorneys?|legal\s+team)|counsel|solicitors?|lawyers?|attorneys?)"
_VIA_COUNSEL = re.compile(
    r"\b(?:all\s+|any\s+)?(?:further\s+|future\s+)?(?:comms|communications?|contact|correspondence|"
    r"emails?)\s+(?:now\s+)?(?:to\s+go\s+|must\s+go\s+|should\s+go\s+|to\s+be\s+|goes\s+|go\s+|only\s+)?"
    r"(?:via|through)\s+(?:her|him|them|" + _COUNSEL + r")\b|"
    # "all correspondence to be directed to their solicitors"
    r"\b(?:comms|communications?|contact|correspondence|emails?|messages?)\s+(?:now\s+)?(?:(?:to\s+|must\s+|should\s+)?be\s+"
    r"(?:sent|directed|addressed)|(?:to\s+|must\s+|should\s+)?go|goes)\s+(?:only\s+)?to\s+(?:her|him|them|"
    + _COUNSEL
    + r")\b|"
    # "asked us not to contact Rachel directly", "no longer to write to her directly"
    r"\b(?:not\s+to|no\s+longer|stop|must\s+not|do\s+not|don'?t)\s+(?:contact|write\s+to|email|"
    r"call|approach|speak\s+to|talk\s+to)(?:ing)?\s+(?:[A-Z]\w+(?:\s+[A-Z]\w+)?|her|him|them|"
    r"their\s+(?:client|staff|team|people))\s+directly\b|"
    # "write only to their lawyers", "deal only through their solicitors"
    r"\b(?:only|solely)\s+(?:to|with|through|via)\s+" + _COUNSEL + r"\b",
    re.I,
)


def via_counsel(value: Any) -> bool:
    """Filter ``via_counsel``: whether our notes say their side has asked that all contact
    go through their lawyer ("their solicitor emailed saying all further comms via her",
    "Doyle says all comms through him", "asked us not to contact Rachel directly"). A list
    of notes (what happened, the mixed messages, the message log) is read as one."""
    if isinstance(value, (list, tuple)):
        return any(via_counsel(v) for v in value)
    return bool(_VIA_COUNSEL.search(_squash(value)))


_HEDGE = re.compile(
    r"^\s*(?:dunno|don'?t\s+know|not\s+sure|no\s+idea|unsure|maybe|perhaps|possibly|might\b|"
    r"could\s+be|probably\s+not|nothing(?:\s+much)?\b|none\b|n/?a\b)",
    re.I,
)


def hedged(value: Any) -> bool:
    """Filter ``hedged``: whether our typed part is a guess or a shrug ("dunno, maybe our
    cut-off moved", "nothing much"), which must not be owned to them as fact."""
    return bool(_HEDGE.match(_squash(value)))


def fix_sentence(value: Any) -> str:
    """Filter ``fix_sentence``: a typed change as a sentence of its own: a clause as it is
    ("weekly report now has a risks line."), a bare thing named as the change ("What changes:
    monthly count photo report.")."""
    text = _squash(value).rstrip(" .;:")
    if not text:
        return ""
    # A result typed as a note ("Billing letters now checked against plan type"): said with
    # its verb ("Billing letters are now checked ...").
    note = _NOW_DONE.match(text)
    if note and not _FINITE_IN.search(note.group("subj")):
        subj = note.group("subj")
        head = subj.split()[-1].lower()
        verb = "are" if head.endswith("s") and not head.endswith("ss") else "is"
        text = f"{subj} {verb} now {text[note.end('subj') :].strip()[4:]}"
    # A second person's step run on after a comma ("I will lead from now, Youssef writes a
    # short apology to Javier") is its own sentence, in the future like the first.
    other = _OTHER_STEP.search(text)
    if other:
        rest = f"{other.group('name')} will {other.group('verb')} {other.group('rest')}"
        return f"{fix_sentence(text[: other.start()])} {rest[:1].upper()}{rest[1:]}."
    # A thing named after the change's own clause ("…in red, and a one-page note on the new flow
    # to all clients") is a second change, said as one.
    tail = _AND_THING.search(text)
    if tail and not _STRICT_VERB.search(tail.group("thing")):
        return f"{fix_sentence(text[: tail.start()])} Also: {tail.group('thing')}."
    named = _NOUN_START.match(text) and not _STRICT_VERB.search(text)
    if named or (
        not _VERBISH.search(text) and not re.search(r"\b(?:now|from\s+now|will|'ll)\b", text, re.I)
    ):
        text = f"what changes: {text}"
    return text[:1].upper() + text[1:] + "."


_NOW_DONE = re.compile(
    r"^(?P<subj>[A-Za-z][^,;]{2,60}?)\s+now\s+(?:[a-z]+ed|sent|done|made|kept|given|shown|"
    r"written|built|set up|run|taken|read)\b"
)
_FINITE_IN = re.compile(r"\b(?:is|are|was|were|will|has|have|had|be|we|i|they)\b", re.I)
# A change typed as a thing, not a clause: "one confirmed date, from me only, on every order".
_NOUN_START = re.compile(
    r"^(?:one|a|an|each|every|weekly|monthly|daily|quarterly|fortnightly|annual|no|all|\d+)\b",
    re.I,
)
_STRICT_VERB = re.compile(
    r"\b(?:is|are|was|were|will|now|'ll|has|have|get|gets|goes|go|say|says|do|does|starts?|"
    r"runs?|sends?|calls?|checks?|comes?|reviews?)\b",
    re.I,
)
_OTHER_STEP = re.compile(
    r",\s+(?P<name>[A-Z][a-z]+)\s+(?P<verb>write|send|call|visit|review|phone|meet|sign|check)s\s+"
    r"(?P<rest>.+)$"
)
_AND_THING = re.compile(r",\s+and\s+(?P<thing>(?:a|an)\s+[^,;]+)$", re.I)


# A note that opens on what is done, with no one doing it ("paid in Jan only if ...").
_NO_SUBJECT = re.compile(
    r"(?:only\s+|not\s+)?(?:paid|payable|due|owed|credited|earned|refunded|released|waived"
    r"|deducted|applied|valid|void|met|missed|allowed|excluded|included|capped|limited)\b",
    re.I,
)


def reads_as_clause(value: Any) -> bool:
    """Filter ``reads_as_clause``: whether a typed note says something whole enough to follow
    "As we read it," ("rejection came on day 12, so M3 is accepted"), not a fragment ("Met,
    allowing for the agreed moves")."""
    text = _squash(value)
    if _NO_SUBJECT.match(text):
        return False  # "paid in Jan only if 400t is hit": whose payment, the reader cannot tell
    return len(text.split()) >= 5 and bool(
        re.search(
            r"\b(?:is|are|was|were|has|have|had|counts?|means?|covers?|includes?)\b", text, re.I
        )
    )


# Words that put our negotiating position in a list of attendees: who holds authority,
# who is on standby to sign off.
_OUR_POSITION = re.compile(
    r"\b(?:authority|mandate|sign[- ]?off|signs?\s+off|walk[- ]?away|fallback|our\s+limit|"
    r"on\s+standby|available\s+by\s+phone)\b",
    re.I,
)


# A note among the attendees for ourselves, not a person: who is not to come ("NOT Bence this
# time", "no lawyers"), whose side a person is on ("(our side only)"), how sure we are.
_NOT_A_PERSON = re.compile(
    r"^(?:not|no|never|without|excluding|except|don['’]?t|do\s+not|keep|leave|avoid|skip|tbc"
    r"|tbd|maybe\s+not|ideally\s+not)\b",
    re.I,
)
_NOTE_IN_BRACKETS = re.compile(
    r"\s*\((?=[^)]*\b(?:not|only|side|time|tbc|tbd|maybe|if|internal|prep|brief|briefed|ask|"
    r"check|confirm|probably|possibly|ideally|optional|standby|note|since|because)\b)[^)]*\)",
    re.I,
)
_HEDGE_WORDS = re.compile(
    r"^(?:just|only|ideally|probably|maybe|possibly|perhaps|definitely|certainly)\s+", re.I
)
_TAIL_NOTES = re.compile(
    r"\s+(?:this\s+time|if\s+possible|if\s+needed|if\s+free|if\s+available|only|too|at\s+most"
    r"|max|tbc|tbd)$",
    re.I,
)
# "NOT" in capitals is a note to ourselves wherever it stands: from there on, nothing is a name.
_SHOUTED_NOT = re.compile(r"\bNOT\b.*$")


# The end of a sentence in a note, not of a title ("Dr. Kim", "Mrs. Owusu").
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!Mrs)(?<!Prof)(?<=[.!?])\s+")


def _attendee_parts(value: Any) -> tuple[str, list[str]]:
    """Our note of who attends as people only, and the notes left out of it."""
    text = _squash(value)
    left: list[str] = []
    parts = []
    for p in re.split(r"(?<=[.!?])\s+", text):
        if p and _OUR_POSITION.search(p):
            left.append(p.strip(" ,;."))
        elif p:
            parts.append(p)
    # A sentence of its own after the names that says who is not to come ("... our attorney.
    # Not Pieter.", "No lawyers, it would escalate."): a note for us, all of it.
    kept: list[str] = []
    for p in parts:
        for sentence in _SENTENCE_END.split(p):
            if kept and _NOT_A_PERSON.match(sentence.strip()):
                left.append(sentence.strip(" ,;."))
            elif sentence:
                kept.append(sentence)
    parts = kept
    text = " ".join(parts)
    for found in re.finditer(r"\s*\((?:not|excluding|without)\b[^)]*\)", text, flags=re.I):
        left.append(found.group(0).strip())
    text = re.sub(r"\s*\((?:not|excluding|without)\b[^)]*\)", "", text, flags=re.I)
    text = re.sub(
        r"\s*[,;]?\s*[^,;.]*\b(?:with|has)\s+(?:full\s+)?authority\b[^,;.]*", "", text, flags=re.I
    )
    text = re.sub(r"\s+\+\s+", " and ", text)
    sides = []
    for side in re.split(r"\s*;\s*", text):
        items = []
        for item in re.split(r"\s*,\s*", side):
            typed = item.strip(" .")
            shouted = _SHOUTED_NOT.search(typed)
            if shouted:
                left.append(shouted.group(0))
                typed = typed[: shouted.start()].strip(" ,.")
            for note in _NOTE_IN_BRACKETS.finditer(typed):
                left.append(note.group(0).strip())
            typed = _NOTE_IN_BRACKETS.sub("", typed)
            typed = _HEDGE_WORDS.sub("", typed)
            typed = _TAIL_NOTES.sub("", typed).strip(" ,.")
            if not typed:
                continue
            if _NOT_A_PERSON.match(typed):
                left.append(typed)
                continue
            items.append(typed)
        if items:
            sides.append(", ".join(items))
    return "; ".join(sides).strip(" ,;."), left


def attendees_for_them(value: Any, reader: Any = "") -> str:
    """Filter ``attendees_for_them``: our note of who attends, as the other side may read
    it: people only, with their roles. "Their ops director + Gareth; our commercial director
    + me" gives "Their ops director and Gareth; our commercial director and me"; an aside about
    who holds our authority ("Alan available by phone with authority"), a "(not Jamie)", a
    "NOT Bence this time", an "(our side only)" and a "just" are left out: they are notes for
    us (the plan keeps them: see ``attendee_notes``). With ``reader`` (their contact), a "you"
    typed beside the reader's own name is the person the note was typed for, our signer: "just
    Lucía and you" gives "Lucía and me", never "you" twice; with "me" in the note too, "you"
    is the reader named twice ("you + Grace + her QS; me + Tom")."""
    text = _attendee_parts(value)[0]
    own = _squash(reader).split()
    names = [w for w in own[:1] if w[:1].isupper()]
    # ... unless the note names "me" too: then "you" is the reader, said twice ("you + Grace").
    if (
        names
        and re.search(rf"\b{re.escape(names[0])}\b", text)
        and not re.search(r"\b(?:me|I|myself)\b", text, flags=re.I)
    ):
        text = re.sub(r"\byou\b", "me", text)
    return text


def attendee_notes(value: Any) -> str:
    """Filter ``attendee_notes``: what ``attendees_for_them`` leaves out of our note of who
    attends ("NOT Mark this time; (our side only)"), for the plan, or ''."""
    return "; ".join(n.strip(" ,;.") for n in _attendee_parts(value)[1] if n.strip(" ,;."))


_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_END = re.compile(
    r"\b(?:(?P<day>\d{1,2})\s+)?(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
    r"[a-z]*\.?\s+(?P<year>20\d\d)\b",
    re.I,
)


def end_date_in(value: Any) -> str:
    """Filter ``end_date_in``: the end date our notes give for a notice ("notice now, ends 30
    Jun 2027" gives "30 June 2027"; "We can end it from June 2027" gives "June 2027"), or ''."""
    found = _END.search(_squash(value))
    if not found:
        return ""
    month = _MONTHS[
        found.group("month").lower()[:4].rstrip("t")
        if found.group("month").lower().startswith("sept")
        else found.group("month").lower()[:3]
    ]
    day = found.group("day")
    return f"{day + ' ' if day else ''}{month} {found.group('year')}"


# Where a typed sentence splits into clauses a reader can lose one of: a full stop, a
# semicolon, or ", and" before the last item.
_CLAUSE_BREAK = re.compile(r"(\.\s+|;\s+|,\s+and\s+)")


def without_clauses(value: Any, word: Any) -> str:
    """Filter ``without_clauses(word)``: the manager's sentence less the clauses that name
    ``word`` ("...; the job was stopped at 16:40, and we are giving you the facts your report
    needs." without "report" keeps the stop and drops the promise said elsewhere), ending as a
    sentence; '' when nothing is left."""
    text = _squash(value)
    key = _squash(word).lower()
    if not text or not key:
        return text
    parts = _CLAUSE_BREAK.split(text)
    pieces, breaks = parts[0::2], parts[1::2]
    found = re.compile(rf"\b{re.escape(key)}s?\b", re.I)  # "report", not "reporting"
    if not any(found.search(piece) for piece in pieces):
        return text
    kept = ""
    for at, piece in enumerate(pieces):
        if found.search(piece) or not piece.strip(" .;,"):
            continue
        kept += (breaks[at - 1] if kept else "") + piece
    kept = kept.strip().rstrip(" ,;")
    if not kept:
        return ""
    return kept if kept.endswith((".", "!", "?")) else kept + "."
