"""Who a formal letter came from and what it names, as the reply writes it.

A reply to a lawyer's letter, sent to that lawyer, says "your letter of 30 November on
behalf of Farmavida", never "the letter from your lawyers"; a dispute clause is named as a
reader of the agreement finds it ("clause 21 of our Partner Agreement"); the place a clause
names for mediation is where it happens ("in Mumbai"), not a body ("through the Mumbai").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from triage.engine.filters.formal import clause_ref, mediation_body
from triage.engine.filters.text import _squash

__all__ = ["clause_named", "lawyer_writes", "letter_day", "mediation_by"]

# Their contact is a lawyer: named with a firm of lawyers or a lawyer's title, in English or
# in the words of the letter's country.
_LAWYER = re.compile(
    r"\b(?:solicitors?|lawyers?|attorneys?(?:-at-law)?|counsel|advocaten|advocaat|advocates?|"
    r"avocats?|abogad[oa]s?|advogad[oa]s?|avvocat[oi]|rechtsanw\w*|advokat\w*|mecenas|"
    r"radca\s+prawny|law\s+(?:firm|office|offices)|LLP|legal)\b|^(?:mec|me|adv)\.\s",
    re.I,
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_LETTER_WORDS = (
    r"letters?|notice|notifica\w*|notifica[çc][ãa]o|carta|brief|schreiben|lettre|pismo|"
    r"wezwani\w*|demand|claim|brev"
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:/|\.|\s+)(\d{1,2}|[A-Za-z]{3,9})\b(?:[/.\s]+(\d{4}))?", re.I
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CLAUSE_BEFORE = re.compile(
    r"\b(?:clauses?|cl|sections?|sec|art|articles?|paragraphs?|para|schedule|annex)\.?\s*$|§\s*$",
    re.I,
)


def lawyer_writes(contact: Any) -> bool:
    """Filter ``lawyer_writes``: whether their contact, as typed, is a lawyer ("Dra. Renata
    Callegari (Callegari & Mota Advogados)", "Tom Reid, solicitor"): the email then goes to
    the lawyer who wrote, and the letter is theirs."""
    text = _squash(contact)
    if not text:
        return False
    bracket = re.findall(r"\(([^()]*)\)", text)
    after = text.split(",", 1)[1] if "," in text else ""
    return bool(_LAWYER.search(" ".join(bracket) + " " + after) or _LAWYER.match(text))


def _month(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    for index, name in enumerate(_MONTHS, 1):
        if len(word) >= 3 and name.startswith(word):
            return index
    return 0


def letter_day(value: Any, today: Any = None) -> str:
    """Filter ``letter_day(today)``: the day the notes date the letter or notice on ("30/11
    notificação extrajudicial from ..." gives "30 November"), said as a letter says it, or ''
    when the notes give no date beside it. A day after ``today`` is not the letter's."""
    start = today if isinstance(today, dt.date) else None
    for line in re.split(r"[\n.;]\s+|\n", str(value or "")):
        if not re.search(rf"\b(?:{_LETTER_WORDS})\b", line, re.I):
            continue
        for found in list(_ISO.finditer(line)):
            dated = dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            if start is None or dated <= start:
                return f"{dated.day} {_MONTHS[dated.month - 1].title()}"
        for found in _DAY_MONTH.finditer(line):
            numeric = found.group(2).isdigit()
            between = line[found.end(1) : found.start(2)]
            # "clause 18.2" or "cl. 7.3" is a clause, not 18 February: a day and month in
            # figures need a slash or a year ("30/11", "30.11.2026")
            if numeric and between != "/" and not found.group(3):
                continue
            if _CLAUSE_BEFORE.search(line[: found.start()]):
                continue
            month = _month(found.group(2))
            day = int(found.group(1))
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            if start is not None:
                try:
                    when = dt.date(start.year, month, day)
                except ValueError:
                    continue
                if when > start:
                    continue
            return f"{day} {_MONTHS[month - 1].title()}"
    return ""


def mediation_by(value: Any) -> str:
    """Filter ``mediation_by``: how the dispute clause's mediation is said after "mediation":
    " under the SCC Mediation Rules", " through the AIAC", " in Mumbai" (a place, not a body),
    or '' when the clause names none."""
    body = mediation_body(value)
    if not body:
        return ""
    words = body.split()
    place = len(words) <= 2 and all(w[:1].isupper() and not w.isupper() for w in words)
    if place and not re.search(
        r"\b(?:centre|center|rules?|scheme|institute|chamber)\b", body, re.I
    ):
        return " in " + body
    joiner = " under the " if re.search(r"\b(?:rules?|scheme)\b", body, re.I) else " through the "
    return joiner + body


_DOC_NUMBER = re.compile(
    r"^(?P<doc>.*?\b(?:agreement|contract|terms|conditions|umowa|vertrag|contrato|accord|"
    r"t[ée]rminos)\b[^\d§]*?)\s*(?:,\s*)?(?:cl(?:ause)?\.?\s*|§\s*|section\s+|art(?:icle)?\.?\s*)?"
    r"(?P<num>\d+(?:\.\d+)*)$",
    re.I,
)


def clause_named(value: Any) -> str:
    """Filter ``clause_named``: a clause as the reader finds it in the agreement: "Partner
    Agreement 21" gives "clause 21 of our Partner Agreement", "cl. 36 Dispute resolution"
    gives "clause 36 of our agreement"."""
    text = _squash(value)
    if not text:
        return ""
    found = _DOC_NUMBER.match(text)
    if found and found.group("doc").strip():
        doc = found.group("doc").strip(" ,")
        doc = re.sub(r"^(?:the|our)\s+", "", doc, flags=re.I)
        return f"clause {found.group('num')} of our {doc}"
    return clause_ref(text) + " of our agreement"
