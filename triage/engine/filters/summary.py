"""What we offered and what we asked, each said in a line of the follow-up summary."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["summary_line"]

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
    r"introduce|publish|share|post|deploy|ship|build|create|book)\b"
)
# A change typed as a paper ("Written go-live review: ...", "Cellar audit report"): sent to them.
_PAPER = re.compile(
    r"\b(?i:report|review|plan|document|summary|analysis|schedule|list|log|note|letter|invoice|"
    r"statement|breakdown|proposal|timeline|chart)s?\b"
)
_PAY = re.compile(r"^(?:pay|release|refund|return)\b")
# "we pay ...", "I will ...": a clause with its own subject, said after "that".
_SUBJECT = re.compile(r"^(?:we|I|you|they)\b", re.I)


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
    thing = bool(_THING.match(said)) or not _VERB.match(said)
    if kind == "ask":
        # Said to them: their share is "your" share.
        said = re.sub(r"\btheir\b", "your", said)
        said = re.sub(r"\btheirs\b", "yours", said)
    # "The credits" and "Reduce it" start the sentence no more; a name or a code keeps its case.
    if not thing or _DETERMINER.match(said):
        said = said[:1].lower() + said[1:]
    if kind == "change":
        # A change the manager typed, said as ours: "Loan cooling units ..." gives "We will loan
        # cooling units ..."; a paper is sent ("We will send you the written go-live review ...");
        # an arrangement is put in place ("We will put in place: weekly status with risks ...").
        if _VERB.match(said):
            return "We will " + said[:1].lower() + said[1:]
        lower = said if said[1:2].isupper() else said[:1].lower() + said[1:]
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
