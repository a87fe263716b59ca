"""Whether the fault that hurt this one side reached others too.

A letter sent to every client, a mail merge, a software release shared by several customers, a
support address retired without a bounce: when our own answers say the same thing went to
many, the other side is rarely the only one it hurt. A mediator's first week includes looking
back ("who else got it?") as well as forward ("fix the cause"), so that the next client does not
have to raise it too.
"""

from __future__ import annotations

import re
from typing import Any

_PEOPLE = (
    r"(?:clients|customers|accounts|partners|resellers|distributors|tenants|subscribers|members"
    r"|users|buyers|suppliers|dealers|agents)"
)
# "sent all service customers the standard annual letter", "went to all IT-support clients",
# "every client got", "all our customers received".
_MANY = re.compile(
    rf"\b(?:all|every one of)\s+(?:of\s+)?(?:our\s+|the\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?(?P<whom>{_PEOPLE})\b"
    rf"|\bevery\s+(?:[\w-]+\s+)?(?P<one>client|customer|account|partner|reseller|distributor|tenant|subscriber|member|user|buyer|dealer|agent)\b",
    re.I,
)
_SENT = re.compile(
    r"\b(?:letter|notice|notices|e-?mails?|mailing|mail[- ]?merge|template|invoices?|statements?"
    r"|price (?:letter|list)|newsletter|reminders?|payslips?|release|update)\b",
    re.I,
)
_MERGE = re.compile(r"\bmail[- ]?merge\b", re.I)
# A release or update of a system other customers also run, said to be ours and faulty.
_RELEASE = re.compile(
    r"\b(?:faulty|bad|broken|untested|buggy)\s+(?:software\s+)?(?:release|update|deployment)\b"
    r"|\b(?:release|version)\s+v?\d+(?:\.\d+)+\b",
    re.I,
)
_OTHERS = re.compile(
    rf"\b(?:other|another|one other|\d+ other)\s+(?:[\w-]+\s+)?{_PEOPLE[:-1]}|client|customer|tenant)\b",
    re.I,
)
# A support address closed without a bounce or forward: what else went into it unread.
_RETIRED = re.compile(
    r"\b(?:retired|old|closed|disused|decommissioned|dead)\s+(?:[\w-]+\s+){0,2}?(?:address|inbox|mailbox)\b",
    re.I,
)
_SINGULAR = {
    "client": "clients",
    "customer": "customers",
    "account": "accounts",
    "partner": "partners",
    "reseller": "resellers",
    "distributor": "distributors",
    "tenant": "tenants",
    "subscriber": "subscribers",
    "member": "members",
    "user": "users",
    "buyer": "buyers",
    "dealer": "dealers",
    "agent": "agents",
}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


_RETIRED_AFTER = re.compile(
    r"\b(?:address|inbox|mailbox)\w*\s+(?:was|had been|got|has been)\s+"
    r"(?:retired|closed|switched off|decommissioned|shut down)\b",
    re.I,
)
_NOUNS = {
    "letter": "letter",
    "notice": "notice",
    "notices": "notice",
    "mailing": "mailing",
    "invoice": "invoice",
    "invoices": "invoice",
    "statement": "statement",
    "statements": "statement",
    "newsletter": "newsletter",
    "reminder": "reminder",
    "reminders": "reminder",
    "payslip": "payslip",
    "payslips": "payslip",
}


def _noun(*texts: str) -> str:
    """What went out to many, as the manager named it: "letter", "invoice", "statement"."""
    for text in texts:
        for found in _SENT.finditer(text):
            word = found.group(0).lower()
            if word.startswith("price "):
                return word
            if word in _NOUNS:
                return _NOUNS[word]
    return "letter"


def fault_reach(texts: Any, fault_texts: Any = None, whom: str = "clients") -> dict[str, str]:
    """Filter ``texts | fault_reach(fault_texts, 'clients')``: what of ours reached others as
    well as them, as ``{"kind": ..., "whom": ..., "what": ...}``; ``{}`` when the answers do not
    say so. ``texts`` are everything typed about what happened; ``fault_texts`` what the
    manager owns (our contribution, our mistakes, the root cause).

    - ``letter``: the same letter, notice, invoice or mail merge went to many ("sent all service
      customers the standard annual letter", "a mail-merge error"); ``what`` names it;
    - ``release``: a faulty release or version of a system, and other customers on it ("14
      users at one other client");
    - ``address``: a retired address that took messages without a bounce.
    """
    owned = " ; ".join(_texts(fault_texts))
    said = " ; ".join(_texts(texts)) + " ; " + owned
    if not said.strip(" ;"):
        return {}
    for found in _MANY.finditer(said):
        # The thing sent and the many it went to, in one sentence.
        start = max(said.rfind(stop, 0, found.start()) for stop in ".;\n")
        ends = [i for i in (said.find(stop, found.end()) for stop in ".;\n") if i >= 0]
        window = said[start + 1 : min(ends, default=len(said))]
        if _SENT.search(window):
            people = found.group("whom") or _SINGULAR.get((found.group("one") or "").lower(), "")
            return {"kind": "letter", "whom": people.lower() or whom, "what": _noun(owned, window)}
    if _MERGE.search(said):
        return {"kind": "letter", "whom": whom, "what": _noun(owned, said)}
    if _RELEASE.search(said) and _OTHERS.search(said):
        return {"kind": "release", "whom": whom, "what": "release"}
    if (_RETIRED.search(said) or _RETIRED_AFTER.search(said)) and re.search(
        r"\bbounce|forward", said, re.I
    ):
        return {"kind": "address", "whom": whom, "what": "address"}
    return {}
