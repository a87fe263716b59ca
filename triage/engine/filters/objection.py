"""Their objection, as our notes record it: why they say they will not pay, and what our own
document said about it.

A collection email that asks "if anything is disputed, tell me which item" after they have
already said which item and why reads as the third automated reminder. When the notes hold
their reason ("Mrs Villanueva says free installation means free setup, refuses to pay") and
the words of our own document they rest on ("Our quote said 'FREE installation'"), the email
answers them instead of asking again.
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

# "our quote said 'FREE installation'", "our proposal promised "no setup costs"".
_OUR_WORDS = re.compile(
    r"\bour\s+(?P<doc>quote|quotation|proposal|offer|order form|price list|website|brochure|"
    r"contract|agreement|terms|tender|estimate|email|letter|sales deck|rate card)\s+"
    r"(?:said|says|read|reads|stated|states|promised|promises|advertised|offered|showed|"
    r"shows|listed|lists)\s*:?\s*['\"‘“](?P<words>[^'\"’”]{2,80})['\"’”]",
    re.I,
)
# "<Name> says ...", "she said ...", "they claim ...": their reason, up to the end of its clause.
_SAYS = re.compile(
    r"(?:^|[.;!?]\s+|,\s+and\s+)(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|[Ss]he|[Hh]e|[Tt]hey|[Tt]heir\s+\w+)\s+"
    r"(?:says|said|argues|argued|claims|claimed|insists|insisted|told us|tells us|maintains)"
    r"\s+(?:that\s+)?(?P<reason>[^.;!?]{6,160})"
)
# What follows their reason in the same clause and is not part of it: "..., refuses to pay",
# "..., asked to pay in 'a few instalments'", "... and will not pay".
_REASON_END = re.compile(
    r",?\s+(?:and\s+)?(?:(?:she|he|they|so)\s+)?(?:refuses|refused|won't|will not|would not|"
    r"asked|asks|wants|offered|offers|disputes|disputed|rejects|rejected|contests|withholds|"
    r"withheld|has not|hasn't|so\b|but\b|then\b)\b.*$",
    re.I,
)
# Words that show a refusal or a dispute of what we billed.
_REFUSAL = re.compile(
    r"\b(?:refuses?|refused|won't pay|will not pay|not going to pay|disputes?|disputed|"
    r"contests?|contested|rejects?|rejected|withholds?|withheld|holding back|held back)\b",
    re.I,
)
# Who "says" is our side: never their objection.
_OURS = re.compile(r"^(?:we|our|I|us)\b", re.I)


def _to_them(reason: str) -> str:
    """Their reason as said back to them: "her team", "their cash" become "your ..."; "she",
    "he" and "they" as a subject become "you". "Them" is left alone: in a reason it is
    nearly always the things in dispute ("the proposal covered them")."""
    reason = re.sub(r"\b(?:her|his|their)\b", "your", reason, flags=re.I)
    reason = re.sub(
        r"\b(?:she|he|they)\s+(?:is|was)\b",
        lambda m: "you " + ("are" if m.group(0).lower().endswith("is") else "were"),
        reason,
        flags=re.I,
    )
    reason = re.sub(r"\b(?:she|he|they)\s+has\b", "you have", reason, flags=re.I)
    reason = re.sub(r"\b(?:she|he)\s+(\w+?)s\b", r"you \1", reason, flags=re.I)
    return re.sub(r"\b(?:she|he|they)\b", "you", reason, flags=re.I)


def their_objection(notes: Any, contact: Any = "", ours: Any = "") -> dict[str, str]:
    """Filter ``their_objection(contact, ours)``: from our notes, their stated reason for not
    paying (``reason``, as typed, without who said it) and our document's own words they rest
    on (``doc``, ``words``). ``reason`` is given only when they gave one ("X says ...") or
    the notes say they refuse or dispute it; ``refused`` is "yes" when the notes say so.
    ``ours`` holds the names of our own people, whose words are never their objection.

    "Our quote said 'FREE installation'. ... Mrs Villanueva says free installation means free
    setup, refuses to pay." gives reason "free installation means free setup", doc "quote",
    words "FREE installation", refused "yes"."""
    text = _squash(notes)
    if not text:
        return {}
    found: dict[str, str] = {}
    words = _OUR_WORDS.search(text)
    if words:
        found["doc"] = words.group("doc").lower()
        found["words"] = words.group("words").strip()
    our_names = {part.lower() for part in re.findall(r"[A-Z][\w'’-]+", str(ours or ""))}
    for said in _SAYS.finditer(text):
        who = said.group("who")
        first = who.split()[0].lower()
        if _OURS.match(who) or first in our_names:
            continue
        reason = _REASON_END.sub("", said.group("reason")).strip(" ,")
        if len(reason.split()) < 3:
            continue
        found["reason"] = _to_them(reason)
        break
    if _REFUSAL.search(text):
        found["refused"] = "yes"
    if not found.get("reason") and not found.get("refused"):
        return {k: v for k, v in found.items() if k in ("doc", "words")} if found else {}
    return found
