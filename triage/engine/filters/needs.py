"""What the other side most needs to read, found in the answers typed for ourselves.

A manager's notes carry it in passing: a fix typed as already done ("refunded on 2
December"), a sentence of what happened saying so ("We fixed the bug a week later"), what they
asked for ("She wants a full year's refund"), and, when no mistake is listed, what we did as
our contribution says it. These functions find each in our notes' words; the templates put
them in the reader's words (``first_person``) and in the version of the email that fits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.people import person
from triage.engine.filters.text import _squash
from triage.engine.filters.threats import our_threat
from triage.engine.filters.voice import _singular_to_reader

# Verbs that say a thing is already put right.
_DONE_VERBS = (
    r"fixed|repaired|patched|corrected|refunded|credited|reversed|restored|replaced|reissued"
    r"|re-issued|resent|re-sent|resolved|removed|rolled\s+back|paid|repaid|returned|cancelled"
    r"|canceled|deleted|recovered|reinstated|reconnected|rebooked|redelivered|re-delivered"
    r"|withdrew|withdrawn|waived"
)
_DONE_START = re.compile(rf"^(?:already\s+)?(?:{_DONE_VERBS})\b", re.I)
_WE_DONE = re.compile(
    rf"^(?:we|i)\s+(?:have\s+|had\s+|'ve\s+)?(?:already\s+|now\s+|since\s+)?(?:{_DONE_VERBS})\b",
    re.I,
)
_PASSIVE_DONE = re.compile(
    rf"\b(?:has|have|had)\s+(?:already\s+|now\s+)?been\s+(?:{_DONE_VERBS})\b"
    rf"|\b(?:was|were|is\s+now|are\s+now)\s+(?:already\s+)?(?:{_DONE_VERBS})\b(?!\s+by\s+(?:them|you))",
    re.I,
)
# Words after a verb that open when or how, not its object: "refunded on 2 December".
_NOT_OBJECT = re.compile(
    r"^(?:$|[,;:.]|(?:on|in|at|by|within|last|yesterday|today|immediately|straight|overnight"
    r"|after|before|with|and|the\s+(?:same|next|following)\s+(?:day|week|morning|afternoon|evening|night)"
    r"|a\s+(?:day|week|month)\s+later|later|since|from|as\s+soon)\b)",
    re.I,
)


# A deadline in a typed change ("by 18 December", "by Friday", "by the end of the month").
_BY_WHEN = re.compile(
    r"\bby\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|the\s+end\b|end\s+of\b|tomorrow\b"
    r"|next\s+(?:week|month|monday|tuesday|wednesday|thursday|friday)\b)",
    re.I,
)


def is_done(part: Any) -> bool:
    """Whether a typed change says it is already done: "refunded on 2 December", "we fixed
    the export bug", "the bug has been fixed"; not "a second engineer now covers faults", nor
    "corrected wording is with our team" (a thing, described)."""
    text = _squash(part)
    if re.match(rf"^(?:{_DONE_VERBS})\s+[\w-]+\s+(?:is|are|was|were|has|have)\b", text, re.I):
        return False
    if _BY_WHEN.search(text):
        return False  # "paid in full by 18 December": a date still to come, not a thing done
    return bool(_DONE_START.match(text) or _WE_DONE.match(text) or _PASSIVE_DONE.search(text))


def _with_subject(part: str) -> str:
    """A done change with "we" as its subject and its object named: "refunded on 2 December"
    gives "we refunded it on 2 December"; "fixed the export bug" "we fixed the export bug"."""
    found = _DONE_START.match(part)
    if not found:
        return part
    verb = found.group(0)
    rest = part[found.end() :]
    if _NOT_OBJECT.match(rest.strip()):
        first, _, particle = verb.partition(" ")  # "rolled back" gives "rolled it back"
        verb, rest = first, f" it{(' ' + particle) if particle else ''}{rest}"
    return f"we {verb}{rest}"


_SEMICOLON = re.compile(r"\s*;\s*")


def split_fix(value: Any) -> tuple[str, str]:
    """A typed fix split into what is already done (with "we" as its subject) and what is
    still to change: "fixed the export bug on 4 December; every export is now checked" gives
    ("we fixed the export bug on 4 December", "every export is now checked")."""
    parts = [p.strip() for p in _SEMICOLON.split(_squash(value)) if p.strip()]
    done = [_with_subject(p) for p in parts if is_done(p)]
    ahead = [p for p in parts if not is_done(p)]
    return "; ".join(done), "; ".join(ahead)


# In what happened: "we fixed the bug a week later but did not tell him".
_STORY_FIX = re.compile(
    rf"\bwe\s+(?:have\s+|had\s+|then\s+|since\s+|quickly\s+|already\s+)*(?P<verb>{_DONE_VERBS})\s+"
    r"(?P<obj>(?:the|our|your|their|his|her|its|both|all|every|each|this|that|those|these)\s+"
    r"(?:[^,.;:!?]|[.,](?=\d))*?)(?=\s+(?:but|and|after|although|though|while|when|so|because"
    r"|without|which|who|until)\b|[,;:!?]|\.(?!\d)|$)",
    re.I,
)
# When, relative to the story's own events: meaningless to the reader out of it.
_RELATIVE_WHEN = re.compile(
    r"\s+(?:(?:a|one|two|three|four|five|\d+)\s+(?:day|days|week|weeks|month|months)\s+later"
    r"|later|afterwards|eventually|in\s+the\s+end|the\s+(?:next|following)\s+(?:day|week|morning))$",
    re.I,
)
_DATED = re.compile(
    r"\b(?:on|in|by|since)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)


def fixed_in_story(value: Any) -> str:
    """What a sentence of what happened says we have already put right, as a sentence for the
    reader's eyes: "We fixed the bug a week later but did not tell him." gives "we have fixed
    the bug"; "We fixed the export bug on 4 December." gives "we fixed the export bug on 4
    December". '' when it says nothing of the kind."""
    found = _STORY_FIX.search(_squash(value))
    if not found:
        return ""
    obj = _RELATIVE_WHEN.sub("", found.group("obj").strip())
    if obj.count("(") > obj.count(")"):  # "(hotfix 4.12.1" cut at its comma: drop the aside
        obj = obj[: obj.rindex("(")].rstrip()
    verb = found.group("verb").lower()
    if _DATED.search(obj):
        return f"we {verb} {obj}"
    participle = "withdrawn" if verb == "withdrew" else verb
    return f"we have {participle} {obj}"


# What they asked of us, in what happened: "She wants a full year's refund".
_ASKED = (
    r"(?:has\s+|have\s+|had\s+)?(?:also\s+|now\s+|then\s+|since\s+)?"
    r"(?P<verb>asked|asks|is\s+asking|are\s+asking|wants|wanted|demanded|demands|requested"
    r"|requests|insisted\s+on|insists\s+on|expects)\s+(?P<rest>(?:[^.;!?]|\.(?=\d))+)"
)
# Things a dispute's demand is about; a request for anything else is background ("their
# engineering lead asked for a set of manuals"), not something to answer.
_DEMAND = re.compile(
    r"\b(?:refund\w*|credit\w*|compensat\w+|apolog\w+|explanation|report|discount|reduction|waive\w*"
    r"|penalt\w+|payment|paid|pay|free|call|meeting|withdraw\w*|root\s+cause|breakdown|evidence"
    r"|cancel\w*|interest|reprint\w*|replacement|replace|plan|date|terms|contract|copy|records"
    r"|logs|data|fix\w*|answer|response|reply|figures|invoice\w*|statement|price\s+cut|rebate"
    r"|escalat\w+|senior)\b",
    re.I,
)
_THEN = re.compile(
    r"\s*(?:,\s*(?:and|but)\b|\s+but\b|\s+and\s+(?:has\s+|have\s+|then\s+)?(?:[a-z]+ed|said|says|paused|"
    r"threatened|posted|went|put|told|sent)\b).*$",
    re.I,
)


_WORD = re.compile(r"[\w'’-]+")
_DIRECT_ASK = re.compile(
    rf"\s+(?:(?:says|said|writes|wrote|tells\s+us|told\s+us)\s+(?:that\s+)?(?:she|he|they)\s+)?{_ASKED}",
    re.I,
)
_CARRIED_ASK = re.compile(rf"\band\s+{_ASKED}", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z])")


def _their_names(reader: Any, counterparty: Any) -> list[str]:
    names = ["she", "he", "they"]
    for value in (reader, counterparty):
        text = _squash(value)
        if not text:
            continue
        words = [w for w in _WORD.findall(text) if len(w) > 1]
        names.append(text)
        names += [w for w in words if w[:1].isupper() and w.lower() not in ("ltd", "plc", "the")]
    return names


# Words typed in capitals for stress ("AND"), said in the reader's ordinary case.
_SHOUTED = re.compile(r"\b(?:AND|OR|BUT|NOT|NOW|ALL|ALSO|ONLY|NEVER|ALWAYS|PLUS|THEN|EVEN)\b")
# "~4.100": a rough figure written with a point between thousands, as in German.
_ROUGH = re.compile(r"~\s*")
_POINT_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{3})(?![\d.,%])")


def _typed_plainly(text: str) -> str:
    """Typed shorthand as the reader would write it: "AND" gives "and", "~4.100" gives
    "about 4,100"."""
    text = _SHOUTED.sub(lambda m: m.group(0).lower(), text)
    text = _POINT_THOUSANDS.sub(r"\1,\2", text)
    return _ROUGH.sub("about ", text)


def their_request(value: Any, reader: Any = None, counterparty: Any = None) -> str:
    """What they asked of us, as what happened tells it and as the reader would say it after
    "You asked": "Pip wants the duplicate refunded and a month free." gives "for the duplicate
    refunded and a month free"; "She wrote that we breached the SLA and asked for the credit."
    gives "for the credit"; "She asked us to withdraw the email and went quiet." gives "us to
    withdraw the email". Only their side's request counts (the reader, their company, "she",
    "he", "they", "their finance team" as the sentence's subject), and only one about the
    dispute (a refund, a credit, an apology, a report...); the last such one; '' when none."""
    text = _squash(value)
    if not text:
        return ""
    names = sorted(set(_their_names(reader, counterparty)), key=len, reverse=True)
    who = re.compile(
        r"^(?:then\s+|since\s+then\s+|now\s+)?(?:"
        + "|".join(re.escape(n) for n in names)
        + r"|their\s+[a-z]+(?:\s+[a-z]+)?)\b",
        re.I,
    )
    found = None
    for sentence in _SENTENCE_BREAK.split(text):
        subject = who.match(sentence)
        if not subject:
            continue
        first = _DIRECT_ASK.match(sentence, subject.end())
        for match in [first] if first else _CARRIED_ASK.finditer(sentence, subject.end()):
            rest = _THEN.sub("", match.group("rest")).strip(" ,.;")
            if _DEMAND.search(rest):
                found = (match.group("verb").lower(), rest)
                break
    if not found:
        return ""
    verb, rest = found
    rest = re.sub(r"\s+(?:it|they|this|which)\s+(?:provides?|offers?|gives?|allows?)$", "", rest)
    rest = _singular_to_reader(rest, subjects=True)  # the one who asked is the reader
    rest = _typed_plainly(rest)
    if re.match(r"(?:us\s+(?:to|for)|for|that)\b", rest, re.I):
        return re.sub(r"^us\s+for\b", "for", rest, flags=re.I)
    if re.match(r"to\b", rest, re.I):
        # "She wants to pay in instalments": the one who asked does it, never "us".
        return rest
    if verb.startswith("insist"):
        return "for " + re.sub(r"^on\s+", "", rest, flags=re.I)
    return "for " + rest


_APOLOGY = re.compile(r"\bapolog", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NO_CONDUCT = re.compile(
    r"(?:not\s+sure|nothing|none|no\s+idea|unclear|n/?a|don't\s+know|unknown)\b", re.I
)
_DONE_WORD = re.compile(rf"\b(?:{_DONE_VERBS})\b", re.I)
_SCARE_QUOTES = re.compile(r"(?<![\w'’])['‘]([^'‘’]{1,40})['’](?![\w'’])")


def asks_apology(request: Any) -> bool:
    """Whether their request is for an apology (answered by the email's own apology)."""
    return bool(_APOLOGY.search(_squash(request)))


def conduct(value: Any) -> str:
    """Our contribution's first sentence, as what we did, when it says something specific: not
    "Not sure yet." or "Nothing much."; '' otherwise."""
    text = _squash(value)
    first = _SENTENCE_END.split(text)[0].rstrip(".!? ") if text else ""
    words = first.split()
    if len(words) < 4 or len(words) > 35:
        return ""
    if _NO_CONDUCT.match(first):
        return ""
    return first


# A sentence of what happened that tells a failure on our side: "jonas (our PM) left oct,
# handover was a mess". Their account of it ("they say 2 jobs late") is theirs, not ours.
_OURS = re.compile(r"\b(?:our|we|we['’](?:ve|d))\b", re.I)
_THEIRS = re.compile(r"^(?:they|she|he)\s+(?:say|says|said|claim|claims|complain\w*)\b", re.I)
# Two accounts set side by side ("our team says they changed the spec, they say we never sent
# the test cases"): a claim reported, by either side, is not a failure we own.
_REPORTED = re.compile(
    r"\b(?:says|claims|insists|alleges|according\s+to|(?:they|she|he)\s+(?:say|said|claim|"
    r"claimed|insist|insisted|allege|alleged))\b",
    re.I,
)
_FAILED = re.compile(
    r"\b(?:mess|messy|poor(?:ly)?|badly|sloppy|missed|forgot|failed|lost|dropped|wrong"
    r"|mistakes?|errors?|didn['’]?t|did\s+not|never|no\s+handover|slow|late)\b",
    re.I,
)
_NAMED_ROLE = re.compile(r"\b[A-Za-z][a-z]+\s+\((our\s+[^)]+)\)")
_ROLE_WORDS = {"PM": "project manager", "AM": "account manager", "KAM": "key account manager"}
_SHORT_MONTH = re.compile(
    r"\b(left|joined|started|moved|went|changed|ended)\s+"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.I,
)
_MONTH_WORDS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "sept": "September",
    "oct": "October", "nov": "November", "dec": "December",
}  # fmt: skip
_BARE_CLAUSE = re.compile(r",\s+(?!and\b|but\b|so\b|the\b|our\b)([a-z]+)\s+(was|were)\b")


def failure_in_story(value: Any) -> str:
    """Our own failure as what happened tells it, for an email whose our-contribution answer
    is blank: "jonas (our PM) left oct, handover was a mess" gives "our project manager left
    in October, and the handover was not handled well". Only a sentence that names our side
    and a failure counts, never their account of it ("they say 2 jobs late"); '' when none."""
    text = _squash(value)
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip().rstrip(".!?")
        if _THEIRS.match(sentence) or _REPORTED.search(sentence):
            continue
        if not (_OURS.search(sentence) and _FAILED.search(sentence)):
            continue
        if len(sentence.split()) > 25 or "?" in sentence:
            continue
        if re.search(r"\b(?:it|this|that|them|these|those)$", sentence, re.I):
            continue  # "our proofing missed it": what "it" is, the email does not say
        said = _NAMED_ROLE.sub(lambda m: m.group(1), sentence)
        said = re.sub(
            r"\b(our\s+)(PM|AM|KAM)\b", lambda m: m.group(1) + _ROLE_WORDS[m.group(2)], said
        )
        said = _SHORT_MONTH.sub(
            lambda m: f"{m.group(1)} in {_MONTH_WORDS[m.group(2).lower()]}", said
        )
        said = _BARE_CLAUSE.sub(r", and the \1 \2", said)
        # "X left in October, and the handover ...": the change is when it went wrong.
        said = re.sub(
            r"^(.{3,60}?\b(?:left|joined|changed)\b[^,]*),\s+and\s+the\b", r"when \1, the", said
        )
        said = re.sub(
            r"\b(was|were)\s+a\s+(?:mess|shambles|disaster)\b", r"\1 not handled well", said
        )
        return said
    return ""


_MY = re.compile(r"\b(?:I|me|my|myself)\b(?!['’])")


def in_their_name(text: str, typist: Any, signer: Any) -> str:
    """A mistake the manager typed in the first person ("I questioned your honesty and ended
    the call"), put in their name when someone else signs the email: "Trevor questioned your
    honesty and ended the call". The new lead never confesses what another person did."""
    who, by = person(typist), person(signer)
    if not who or not by or who.lower() == by.lower():
        return text
    first = who.split()[0]

    def named(found: re.Match[str]) -> str:
        word = found.group(0)
        return f"{first}'s" if word.lower() == "my" else first

    text = re.sub(r"\bI\s+am\b|\bI['’]m\b", f"{first} is", text)
    text = re.sub(r"\bI\s+have\b|\bI['’]ve\b", f"{first} has", text)
    text = re.sub(r"\bI['’]d\b", f"{first} had", text)
    return _MY.sub(named, text)


def reader_needs(values: Mapping[str, Any]) -> dict[str, Any]:
    """What the drafts must say to their reader, from the answers: each listed mistake with
    what is already done about it and what is still to change; what happened saying we fixed
    something, when no mistake says so; their request; and our contribution as conduct."""
    mistakes = []
    for row in values.get("our_mistakes") or []:
        if not isinstance(row, Mapping) or not _squash(row.get("mistake")):
            continue
        done, ahead = split_fix(row.get("fix"))
        said = in_their_name(
            _squash(row.get("mistake")),
            values.get("our_contact"),
            values.get("new_lead") or values.get("our_contact"),
        )
        mistakes.append({"mistake": said, "done": done, "ahead": ahead})
    noted = " ".join(m["mistake"] + " " + m["done"] for m in mistakes)
    fixed = "" if _DONE_WORD.search(noted) else fixed_in_story(values.get("what_happened"))
    request = their_request(
        values.get("what_happened"), values.get("their_contact"), values.get("counterparty")
    )
    # Their words quoted back in scare quotes read as sarcasm: "'a few changes'" is said plainly.
    request = _SCARE_QUOTES.sub(r"\1", request)
    done_words = " ".join(m["done"] for m in mistakes) + " " + fixed
    stems = {w[:5].lower() for w in re.findall(rf"\b(?:{_DONE_VERBS})\b", done_words, re.I)}
    partly_done = bool(request) and any(stem in request.lower() for stem in stems)
    return {
        "mistakes": mistakes,
        "asked_partly_done": partly_done,
        "our_sharp": _our_sharp_message(values),
        "our_threat": our_threat(values),
        "fixed": fixed,
        "asked": request,
        "apology_asked": asks_apology(request),
        # Left blank, our contribution is still what the facts say we did wrong.
        "conduct": conduct(values.get("our_contribution"))
        or (
            ""
            if _squash(values.get("our_contribution"))
            else failure_in_story(values.get("what_happened"))
        ),
    }


_CHANNELS = {
    "email": "our email",
    "letter": "our letter",
    "chat": "our message",
    "ticket": "our reply",
    "phone": "our call",
    "video": "our call",
    "meeting": "our meeting",
}


_COUNSEL = re.compile(
    r"\b(?:counsel|lawyers?|solicitors?|attorneys?|legal|law firm|advocates?|abogad\w*|"
    r"avocats?|rechtsanw\w*|advogad\w*)\b",
    re.I,
)


def _our_sharp_message(values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The first message from our side in the log whose tone was hostile, defensive or terse
    (the one to say sorry for): its channel in words and its date; None when there is none.
    A letter from our own lawyers is never one: regretting it in writing to the other side
    undercuts our counsel mid-dispute, and the manager's own turn is what to say sorry for."""
    rows = [
        r
        for r in values.get("timeline") or []
        if isinstance(r, Mapping) and r.get("date") and not _COUNSEL.search(str(r.get("who") or ""))
    ]
    for tone in ("hostile", "defensive", "terse"):
        for row in sorted(rows, key=lambda r: str(r.get("date"))):
            if row.get("tone") == tone and re.search(
                r"\((?:us|ours?|our side|our team|our company)\)", str(row.get("who") or ""), re.I
            ):
                return {
                    "what": _CHANNELS.get(str(row.get("channel")), "our message"),
                    "date": row["date"],
                }
    return None


_RELEASE = re.compile(
    r"\b(?:out of|released? (?:from|of)|let (?:\w+ )?out of|cancel(?:led|ling)?|end(?:ing)?"
    r"|terminat\w*|leave|exit)\b[^.;]{0,30}?\b(?:contract|agreement|plan|subscription|term|lease)\b",
    re.I,
)


def asks_release(request: Any) -> bool:
    """Filter ``asks_release``: whether their request asks to be let out of the contract
    ("a refund of EUR 480 and out of her contract"), which an exit we want grants."""
    return bool(_RELEASE.search(_squash(request)))
