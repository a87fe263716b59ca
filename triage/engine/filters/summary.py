"""What we offered and what we asked, each said in a line of the follow-up summary."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["one_off", "staff_notes", "summary_line"]

# A term typed as a thing ("USD 25,000 off the remaining milestones", "a corrected invoice",
# "the service credits for November", "3 months free"): offered as it is. Anything else opens
# with a verb ("reduce the true-up", "pay the undisputed part"): offered "to" do it.
_THING = re.compile(
    r"^(?:(?i:a|an|the|our|your|my|this|that|these|those|all|every|any|each|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|half|full|free|no|some|extra|more)\b|[\d€$£¥]|[A-Z]{2,}\b|"
    r"[A-Z][\w.'’-]*\s+[A-Z]|\w+(?:ment|tion|sion|al)\s+of\b)"
)
_DETERMINER = re.compile(
    r"^(?i:a|an|the|our|your|my|this|that|these|those|all|every|any|each|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|half|full|free|no|some|extra|more)\b|\w+(?:ment|tion|sion|al)\s+of\b"
)
# A term that opens with what someone does ("agree a payment plan", "reduce the true-up"):
# asked "to" do it; anything else is a thing asked "for" ("joint lab testing", "payment of ...").
_VERB = re.compile(
    r"^(?i:pay|agree|approve|release|confirm|accept|share|send|sign|withdraw|return|settle|cover|"
    r"meet|give|provide|reimburse|refund|credit|reduce|remove|extend|move|drop|cancel|reverse|"
    r"stop|keep|let|allow|tell|review|waive|honou?r|split|absorb|take|put|look|hold|join|attend|"
    r"fix|correct|replace|repair|deliver|collect|buy|reinstate|restore|resume|continue|commit|"
    r"guarantee|respond|reply|arrange|schedule|set|update|issue|make|lower|raise|write|offer|"
    r"discount|halve|forgo|forego|cap|limit|apologi[sz]e|visit|call|phone|run|test|check|"
    r"re-?issue|re-?send|re-?run|re-?do|loan|lend|assign|appoint|train|add|install|hire|switch|"
    r"introduce|publish|share|post|deploy|ship|build|create|book|route|commission)\b(?!-)"
)
# A change typed as a paper ("Written go-live review: ...", "Cellar audit report"): sent to them.
_PAPER = re.compile(
    r"\b(?i:report|review|plan|document|summary|analysis|schedule|list|log|note|letter|invoice|"
    r"statement|breakdown|proposal|timeline|chart|regret|apology|apologie)s?\b"
)
_PAY = re.compile(r"^(?:pay|release|refund|return)\b")
# "we pay ...", "I will ...": a clause with its own subject, said after "that".
_SUBJECT = re.compile(r"^(?:we|I|you|they)\b", re.I)


# A note typed for ourselves about one of our people being moved ("Dieter removed from the
# account", "Marc off the project", "Pieter taken off it"): the other side is not told about a
# named colleague's staffing in a record they keep; the plan tells the manager it was left out.
_STAFF_NOTE = re.compile(
    r"^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?\s+(?:(?:is|was|has\s+been)\s+)?"
    r"(?:removed|taken\s+off|moved\s+off|pulled|stood\s+down|off)\b"
)
# "X named as service lead": who they deal with now, said to them.
_NAMED_AS = re.compile(
    r"^(?P<who>[A-Z][\w.'’ -]+?)\s+(?:named|appointed|confirmed|made)\s+(?:as\s+)?"
    r"(?:the\s+|your\s+|new\s+)*(?P<role>[\w -]+?)\s*$"
)
_NAMED_AS_SAID = re.compile(r"^We will name [A-Z][\w.'’ -]+? as your [\w -]+$")
_EVENT = re.compile(
    r"^(?:(?!(?:a|an|the|of|for|to)\b)[\w-]+\s+){0,3}?(?P<noun>dry[- ]runs?|parallel\s+runs?|"
    r"test\s+runs?|trials?|pilots?|"
    r"rehearsals?|workshops?|audits?|walk-?throughs?|visits?|training|coaching|tests?|checks?)\b",
    re.I,
)
# A step done once, on its day ("Issue the misprint credit note", "Written regret from our CEO",
# "all overdue ventilators maintained"), not an arrangement that holds from then on.
_ONE_OFF = re.compile(
    r"^(?i:issue|send|pay|refund|re-?issue|re-?send|deliver|hold|sign|submit|file|write|return)\b"
    r"|\b(?i:credit\s+note|refund|invoice|apolog\w*|regret|letter|payment)\b"
)


def _for_their_record(part: str) -> str:
    named = _NAMED_AS.match(part)
    if named:
        return f"We will name {named.group('who')} as your {named.group('role')}"
    return part


_ONGOING = re.compile(
    r"^(?i:assign|appoint|route|keep|continue|switch|move|add|hire|loan|lend|provide|allow|let|"
    r"extend|cap|limit|resume|restore|reinstate|install|deploy|introduce|set)\b"
)


def one_off(value: Any) -> bool:
    """Test-like filter ``one_off``: whether a typed step is done once, on its day (a paper, a
    payment, an event, a state reached: "all overdue units maintained"), so a summary dates it
    "by" its day, never "from" it."""
    said = " ".join(str(value or "").split()).strip(" .;")
    if not said:
        return False
    head = said.split(":")[0]
    if _VERB.match(said):
        # An act is done on its day; an arrangement ("assign", "route", "keep") holds from it.
        return not _ONGOING.match(said)
    return bool(
        _NAMED_AS.match(said.split("; ")[-1])
        or _ONE_OFF.search(said)
        or _PAPER.search(head)
        or _EVENT.match(said)
        or re.search(r"[a-z]ed$", said.split()[-1])
    )


def staff_notes(value: Any) -> str:
    """Filter ``staff_notes``: what of a step typed for ourselves the follow-up leaves out, a note
    about one of our people being moved ("Dieter removed from the account"), for the plan; or
    ''."""
    parts = " ".join(str(value or "").split()).strip(" .;").split("; ")
    return "; ".join(p for p in parts if _STAFF_NOTE.match(p))


def _signer_part(said: str, signer: Any) -> tuple[str, str]:
    """An offer's part naming the signer as a new role ("Anne-Sofie Lund as your new service
    lead"), said in their own voice ("I will be your new service lead."), and the rest."""
    name = " ".join(str(signer or "").split())
    if not name:
        return "", said
    parts = re.split(r",?\s+and\s+|;\s*|,\s+(?=(?:a|an|the|our)\b)", said)
    mine = re.compile(rf"^{re.escape(name)}\s+as\s+(?P<role>(?:your|the|a|an)\s.+)$", re.I)
    for part in parts:
        found = mine.match(part.strip())
        if found:
            rest = [p for p in parts if p is not part]
            role = re.sub(r"^(?:the|a|an)\s", "your ", found["role"])
            return f"I will be {role}.", ", and ".join(p.strip() for p in rest)
    return "", said


def summary_line(text: Any, kind: str = "offer", signer: Any = "") -> str:
    """Filter ``summary_line(kind)``: our offer (``kind`` "offer"), what of it they are owed anyway
    ("owed"), our ask ("ask"), or a change we typed ("change", a row with no full stop), typed as a
    note, said as a sentence of the follow-up: "We offered USD 25,000 off the remaining
    milestones.", "We offered to reduce the true-up by 40%.", "We asked you to agree a payment
    plan ...", "We asked you for payment of invoice 118/26 ..."; paying is said as what we will
    do ("We will pay the undisputed part ..."), and what they are owed anyway as theirs ("The
    service credits for November are yours whatever else we agree."), and the ``signer`` offered
    in a new role in their own voice ("I will be your new service lead."); '' for no text."""
    said = " ".join(str(text or "").split()).strip(" .;:,")
    if not said:
        return ""
    if _SUBJECT.match(said):
        lead = "We offered that " if kind == "offer" else "We asked that "
        return lead + said[:1].lower() + said[1:] + "."
    if kind == "ask":
        # "nothing to pay; just confirm we can close the account": only the request is asked.
        nothing = re.match(
            r"^(?i:nothing|no\s+payment|no\s+money)\b[^;,]*[;,]\s*(?i:just|only)?\s*", said
        )
        if nothing and _VERB.match(said[nothing.end() :]):
            rest = said[nothing.end() :]
            return "We asked you only to " + rest[:1].lower() + rest[1:] + "."
    thing = bool(_THING.match(said)) or not _VERB.match(said)
    if kind == "ask":
        # Said to them: their share is "your" share.
        said = re.sub(r"\btheir\b", "your", said)
        said = re.sub(r"\btheirs\b", "yours", said)
    # "The credits" and "Reduce it" start the sentence no more; a name or a code keeps its case,
    # but a compound of common words ("Buy-back of stock") does not.
    if not thing or _DETERMINER.match(said) or re.match(r"[A-Z][a-z]+-[a-z]+\b", said):
        said = said[:1].lower() + said[1:]
    if kind == "change":
        said = "; ".join(_for_their_record(p) for p in said.split("; ") if not _STAFF_NOTE.match(p))
        if not said:
            return ""
        if _NAMED_AS_SAID.match(said):
            # Who they deal with now: "We will name Mr. Kenji Ogawa as your service lead"
            return said
        event = _EVENT.match(said)
        if event and not _VERB.match(said):
            # A thing that happens on a day ("Dry-run of December export ...", "Film trial with
            # ...", "Cultural ... training for all field engineers"): we run it.
            noun = event.group("noun").lower()
            verb = (
                "pay"
                if noun.startswith("visit")
                else "do"
                if noun.endswith(("run", "runs"))
                else "run"
            )
            article = (
                ""
                if noun in {"training", "coaching"} or noun.endswith("s")
                else "an "
                if said[:1].lower() in "aeiou"
                else "a "
            )
            lower = said if said[1:2].isupper() else said[:1].lower() + said[1:]
            return f"We will {verb} {article}{lower}"
    if kind == "change":
        # A change the manager typed, said as ours: "Loan cooling units ..." gives "We will loan
        # cooling units ..."; a paper is sent ("We will send you the written go-live review ...");
        # an arrangement is put in place ("We will put in place: weekly status with risks ...").
        if _VERB.match(said):
            return "We will " + said[:1].lower() + said[1:]
        lower = said if said[1:2].isupper() else said[:1].lower() + said[1:]
        if re.match(r"(?i:all|every|each)\b", said) and re.search(r"[a-z]ed$", said.split()[-1]):
            # A state reached by the date ("all overdue ventilators maintained").
            return "We will have " + lower
        if _PAPER.search(said.split(":")[0]):
            return "We will send you " + ("" if _DETERMINER.match(said) else "the ") + lower
        return "We will put in place: " + lower
    if kind == "owed" and _VERB.match(said):
        # Owed and typed as what we do ("pay the undisputed commission this week"): a commitment.
        return "We will " + said[:1].lower() + said[1:] + "."
    if kind == "owed":
        # What they are owed anyway is theirs, never something we offered.
        head = re.split(r"\s+(?:for|of|in|from|on)\s+|\s*[(,]", said, maxsplit=1)[0]
        verb = "are" if re.search(r"s\b", head.split()[-1]) and not head.endswith("ss") else "is"
        return f"{said[:1].upper()}{said[1:]} {verb} yours whatever else we agree."
    if kind == "offer":
        own, rest = _signer_part(said, signer)
        if own:
            return (summary_line(rest, kind) + " " + own).strip()
    if kind == "offer" and _PAY.match(said):
        # Paying money is a commitment of ours, not an offer to be weighed.
        return "We will " + said + "."
    if kind == "offer":
        return ("We offered " if thing else "We offered to ") + said + "."
    return ("We asked you for " if thing else "We asked you to ") + said + "."
