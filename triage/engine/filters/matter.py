"""The matter named from the notes, when nobody typed a name for it.

"I am writing about what happened in November" tells the reader nothing and sounds ominous.
The notes nearly always open with the thing itself ("3 deliveries 24/11, 1/12, 4/12 short
~40 cartons", "v3 api for our checkout was due oct"): its name is the words before the first
verb, with the fault word the notes give it ("the three short deliveries", "the v3 API for
our checkout").
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash
from triage.engine.filters.words import _ordinary

__all__ = ["matter"]

_NUMBERS = {
    "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
    "8": "eight", "9": "nine", "10": "ten",
}  # fmt: skip
# Where the name ends: the first verb, or a word that starts telling what happened.
_STOP = re.compile(
    r"\b(?:was|were|is|are|has|have|had|went|got|came|did|didn'?t|does|do|stopped|failed|"
    r"sent|arrived|broke|crashed|said|says|asked|wants?|claims?|due|since|because|after|"
    r"before|when|per|but|then|now|still|so|which|that|who|all|total|from|on|at|by|until|"
    r"short|late|missing|damaged|wrong|faulty|delayed|slipped|overdue|unpaid)\b",
    re.I,
)
# The fault the notes give the thing, said before its name.
_FAULT = re.compile(
    r"\b(short|late|missing|damaged|faulty|delayed|overdue|unpaid|cancelled|duplicate)\b", re.I
)
_DATES = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|~\s*\d+\w*|\(\s*\)", re.I
)
_PRONOUN = re.compile(
    r"^(?:we|they|our|their|i|he|she|it|you|his|her|my|us|them|since|on|in|at|after|"
    r"before|last|this|yesterday|today|fri|mon|tue|wed|thu|sat|sun)\b",
    re.I,
)
_ACRONYMS = {"api", "sla", "erp", "crm", "gps", "po", "vo", "sow", "it", "pos", "edi", "sap"}


_MONTHS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\.?$",
    re.I,
)
_PAST = re.compile(
    r"^(?:[a-z]+ed|bought|sent|gave|put|told|made|took|ran|said|went|left|gone|done|live|"
    r"[a-z]+ing|yrs?|wks?|hrs?|mos?|agmt|pcs|pax|approx|etc)$",
    re.I,
)
_KEPT_ING = {
    "billing",
    "pricing",
    "shipping",
    "booking",
    "listing",
    "meeting",
    "building",
    "training",
    "printing",
    "onboarding",
    "hosting",
    "packaging",
    "labelling",
    "labeling",
    "catering",
    "cleaning",
    "marketing",
    "engineering",
    "consulting",
}
_TAIL_WORDS = {"to", "for", "of", "in", "on", "with", "and", "or", "the", "a", "an", "our"}
# Notes that open by describing the other side ("Small bakery customer says ...") name who they
# are to us, not the matter: an email "about the small bakery customer" is about its reader.
_PARTY_WORDS = {
    "customer",
    "customers",
    "client",
    "clients",
    "supplier",
    "suppliers",
    "partner",
    "partners",
    "distributor",
    "distributors",
    "reseller",
    "resellers",
    "tenant",
    "tenants",
    "buyer",
    "buyers",
    "account",
    "accounts",
    "franchisee",
    "franchisees",
    "vendor",
    "vendors",
}


def _plain(word: str, first: bool) -> bool:
    """A word that can be part of a plain name for the matter: no date, no verb in the past,
    no sign, and, capitalised, only an ordinary word written first or an initialism."""
    if word.lower() in _ACRONYMS or word in _NUMBERS:
        return True
    if word.lower() in _KEPT_ING:
        return True
    if _MONTHS.match(word) or _PAST.match(word) or re.search(r"[=+()&@#%<>]", word):
        return False
    if re.search(r"\d", word):
        return first and bool(re.fullmatch(r"[a-z]{1,3}\d+(?:\.\d+)?", word, re.I))
    if word[:1].isupper() and not word.isupper():
        return first and _ordinary(word)
    return True


# Notes that open with what we did ("we send every client the yearly indexation letter in
# November") name the thing as its object: a document, a charge or a delivery.
_OBJECT = re.compile(
    r"\b(?:the|our|your|their)\s+((?:[a-z][\w-]*\s+){0,3}(?:letter|invoice|notice|statement|"
    r"renewal|indexation|delivery|deliveries|shipment|order|report|quote|rebate|credit\s+note|"
    r"price\s+(?:increase|rise|change)|release|update|migration|audit|inspection|reminder))\b",
    re.I,
)


def _object_named(first: str) -> str:
    found = _OBJECT.search(_DATES.sub(" ", first))
    if not found:
        return ""
    words = found.group(1).split()
    if not all(_plain(w, False) for w in words):
        return ""
    return "the " + " ".join(words)


def matter(value: Any) -> str:
    """Filter ``matter``: a short name for what the notes are about, with its article, or ''
    when their first words are not a name ("we switched to the new scanner" names nothing).
    "3 deliveries 24/11, 1/12, 4/12 short ~40 cartons" gives "the three short deliveries"."""
    text = _squash(value)
    if not text:
        return ""
    first = re.split(r"[.;:\n]\s|\s[-–—]\s", text, maxsplit=1)[0]
    head = first.split(",")[0]
    head = _DATES.sub(" ", head)
    stop = _STOP.search(head)
    name = _squash(head[: stop.start()] if stop else head).strip(" ,-")
    if _PRONOUN.match(head.strip()) and re.match(r"(?:we|i)\b", head.strip(), re.I):
        return _object_named(first)
    if not name or _PRONOUN.match(name) or not re.search(r"[a-zA-Z]{3}", name):
        return ""
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(_plain(w, i == 0) for i, w in enumerate(words)):
        return ""
    if words[-1].lower() in _TAIL_WORDS or words[-1].lower() in _PARTY_WORDS:
        return ""
    count = ""
    if words[0] in _NUMBERS:
        count = _NUMBERS[words[0]] + " "
        words = words[1:]
    elif words[0].isdigit():
        return ""
    if not words or words[0].lower() in ("a", "an"):
        # "A quality claim on the October shipment": an indefinite opening names no one thing
        # the reader knows ("I am writing about A quality").
        return ""
    words = [
        w.upper() if w.lower() in _ACRONYMS or re.fullmatch(r"q[1-4]", w, re.I) else w
        for w in words
    ]
    if words[0][:1].isupper() and not words[0].isupper():
        words[0] = words[0].lower()
    fault = _FAULT.search(first)
    said = " ".join(words)
    if fault and fault.group(1).lower() not in said.lower():
        said = f"{fault.group(1).lower()} {said}"
    if re.match(r"^(?:the|a|an|our|your)\b", said, re.I):
        return count + said if not count else "the " + count + said
    return "the " + count + said
