"""What we commit to, as the reader of the email reads it: each dated step said as ours ("We
will submit ..."), one date for the answer to their complaint."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

# What answers a formal complaint among the dated steps: the corrective-action response, our
# written response or reply to it.
_ANSWERS_COMPLAINT = re.compile(r"\b(?:CAPA|corrective|respon\w*|repl\w*|answer\w*)\b", re.I)


def answers_complaint(steps: Any) -> list[Any]:
    """Filter ``answers_complaint``: the dated steps (each with ``what``) that are our answer to
    their formal complaint ("Submit the CAPA response to you"), so that the email names one
    date for it, never a second, earlier one beside it."""
    found: list[Any] = []
    for step in steps or []:
        what = step.get("what") if isinstance(step, dict) else getattr(step, "what", "")
        if _ANSWERS_COMPLAINT.search(str(what or "")):
            found.append(step)
    return found


# The verbs a dated step of ours opens with when typed as an instruction ("Submit the CAPA
# response to you", "Send the statement of account").
_STEP_VERBS = frozenset(
    [
        "submit",
        "serve",
        "lodge",
        "send",
        "issue",
        "share",
        "deliver",
        "complete",
        "finish",
        "provide",
        "run",
        "hold",
        "publish",
        "put",
        "set",
        "introduce",
        "appoint",
        "replace",
        "refund",
        "pay",
        "credit",
        "return",
        "review",
        "train",
        "retrain",
        "update",
        "install",
        "fix",
        "repair",
        "clear",
        "book",
        "arrange",
        "confirm",
        "visit",
        "call",
        "agree",
        "prepare",
        "draft",
        "test",
        "write",
        "present",
        "release",
        "collect",
        "ship",
        "restore",
        "reinstate",
        "start",
        "launch",
        "extend",
        "waive",
        "cover",
        "reimburse",
        "give",
        "offer",
        "brief",
        "assign",
        "name",
        "move",
        "switch",
        "close",
        "open",
        "propose",
        "check",
        "loan",
        "hire",
        "add",
        "remove",
        "swap",
        "nominate",
        "schedule",
    ]
)


# "send you X to Mr Obi", "send X to Mr Obi": the person named receives it ("send Mr Obi X").
_TO_THIRD = re.compile(
    r"\b((?i:send|give|forward))\s+(?:you\s+)?(.+?)\s+to\s+((?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'-]+"
    r"|[A-Z][a-z]+\s+[A-Z][\w'-]+)(?=[\s,.;]|$)",
)

# Paying verbs: a step that pays is kept as typed (see ``we_will``).
_MONEY_VERBS = frozenset(["pay", "refund", "credit", "reimburse", "cover", "settle", "waive"])


def we_will(step: Any) -> str:
    """Filter ``we_will``: a dated step of ours as a sentence under "What we will do": "Submit the
    CAPA response to you" gives "We will submit the CAPA response to you"; a step already said
    as ours ("We will ...", "I will ...") or as a result ("All overdue devices maintained") is
    kept as it is."""
    text = _squash(step)
    if not text:
        return ""
    # "We will send you a statement of account to Mr Obi": sent to them, so said to them.
    text = _TO_THIRD.sub(r"\1 \3 \2", text)
    first = text.split()[0]
    if first.lower() in _MONEY_VERBS:
        # "We will refund every double charge" reads as a promise to pay whatever it comes to:
        # a payment step stays as typed, a term with its own amount.
        return text
    if first.lower() in _STEP_VERBS and first[:1].isupper():
        return "We will " + first.lower() + text[len(first) :]
    return text


def fragments(steps: Any) -> list[str]:
    """Filter ``fragments``: the steps (as said) that do not read under "What we will do": not
    said as ours ("We will ...", "I will ...") nor as a result ("All overdue devices
    maintained"), such as "Change freeze on storage firmware"."""
    found: list[str] = []
    for step in steps or []:
        text = _squash(step).rstrip(" .")
        if text and not (re.match(r"(?:we|I)\s+will\b", text, re.I) or text.endswith("ed")):
            found.append(text)
    return found


# Our contingency: finding someone to replace them ("quotes from two alternative film printers",
# "shortlist other carriers"). Ours to do, never a commitment to show them.
_CONTINGENCY = re.compile(
    r"\b(?:alternative|other|new|backup|back-up|second|replacement)\s+(?:\w+\s+){0,2}"
    r"(?:suppliers?|printers?|vendors?|providers?|carriers?|sources?|agents?|partners?|"
    r"manufacturers?|factories|mills?|distributors?|contractors?|subcontractors?)\b|"
    r"\b(?:re-?tender|dual[- ]sourc\w*|switch(?:ing)? suppliers?)\b",
    re.I,
)


# A lever we pull on them ("Switch release of new containers to cash-against-release", "Put
# the account on stop"): a sanction, never one of our friendly commitments.
_SANCTION = re.compile(
    r"\bcash[- ]against[- ](?:release|delivery|documents)\b|\bon stop\b|\bsuspend\w*|"
    r"\b(?:stop|hold|halt|withhold)\s+(?:all\s+|further\s+|new\s+)?(?:supply|supplies|shipments|"
    r"deliveries|releases?|credit|orders)\b|\bpro-?forma\s+only\b|\bcredit\s+(?:stop|hold)\b",
    re.I,
)


def not_our_levers(steps: Any) -> list[Any]:
    """Filter ``not_our_levers``: the dated steps (each with ``what``) a partner may see: without
    our contingency of replacing them ("Request quotes from two alternative film printers") and
    without a sanction on them ("Switch new containers to cash-against-release"). Sent among
    what we will do, both read as threats to someone whose goodwill we need."""
    kept: list[Any] = []
    for step in steps or []:
        what = str(
            (step.get("what") if isinstance(step, dict) else getattr(step, "what", "")) or ""
        )
        if not _CONTINGENCY.search(what) and not _SANCTION.search(what):
            kept.append(step)
    return kept


# A move of one of our own people, typed as a step: "Take Pieter off Brazil", "Move Radek off
# the Odra account", "Remove Iñaki from all distribution lists", "Pieter taken off the
# territory", "Ricardo off the account". The plan keeps it; the other side hears who they deal
# with now, not who was moved.
_STAFF_MOVE = re.compile(
    r"^\s*(?:(?i:take|move|pull|remove|stand)\s+(?:[A-Z][\w.'’-]+)(?:\s+[A-Z][\w.'’-]+)?\s+"
    r"(?i:off|from|down)\b|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?\s+(?:(?:is|was|has\s+been)\s+)?"
    r"(?:removed|taken\s+off|moved\s+off|pulled|stood\s+down|off\s+(?:the|our|your|all)\b))",
)


def without_staff_moves(steps: Any) -> list[Any]:
    """Filter ``without_staff_moves``: the dated steps (dicts with ``what`` and ``said``) with
    the moves of our own people taken out of their words ("Take Pieter off Brazil; redraft
    Annex C" keeps "redraft Annex C"); a step that is only such a move is left out."""
    kept: list[Any] = []
    for step in steps or []:
        if not isinstance(step, dict):
            kept.append(step)
            continue
        what = str(step.get("what") or "")
        parts = [p.strip() for p in what.split(";")]
        left = [p for p in parts if p and not _STAFF_MOVE.match(p)]
        if len(left) == len([p for p in parts if p]):
            kept.append(step)
            continue
        if not left:
            continue
        said_parts = [p.strip() for p in str(step.get("said") or "").split(";")]
        said_left = [p for p in said_parts if p and not _STAFF_MOVE.match(p[:1].upper() + p[1:])]
        rest = "; ".join(left)
        said = "; ".join(said_left) if said_left else rest
        said_before = str(step.get("said") or "")
        if said_before[:1].isupper():
            said = said[:1].upper() + said[1:]
        kept.append(step | {"what": rest[:1].upper() + rest[1:], "said": said})
    return kept
