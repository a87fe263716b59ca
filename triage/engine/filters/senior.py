"""The most senior person on our side named in a free-text answer ("who should attend"),
so that the steps only a senior person can take (signing off the mandate, the first call at
level 2 and above) are owned by them rather than by the person who handles the account."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["our_senior", "their_senior"]

# Job titles by seniority: 3 runs the company, 2 is a director or an officer, 1 heads a
# function. A manager, a lead or a lawyer is not senior in this sense.
_RANKS = (
    (
        3,
        r"ceo|chief executive(?: officer)?|managing director|md|founder|co-founder|owner|"
        r"president|chair(?:man|woman|person)?|gesch(?:ä|a)ftsf(?:ü|u)hrer|directeur g(?:é|e)n(?:é|e)ral|"
        r"vd|pdg|verkst(?:ä|a)llande direkt(?:ö|o)r|administrerende direkt(?:ø|o)r|toimitusjohtaja",
    ),
    (
        2,
        r"c[a-z]o|chief [a-z]+ officer|(?:senior |executive )?vice president|s?vp(?: of [a-z]+)?|"
        r"(?:[a-z]+ )?director|board member",
    ),
    (1, r"head of (?:[A-Z]{2,5}\b|[a-z&]+(?-i: [a-z&]+)?)|general manager|gm"),
)
_TITLE = re.compile(
    "|".join(f"(?P<r{rank}>\\b(?:{words})\\b)" for rank, words in _RANKS), re.IGNORECASE
)
_PARTICLE = r"(?:van|von|de|der|den|da|do|dos|del|della|di|du|le|la|al|el|bin|ibn|ter)"
_WORD = r"[^\W\d_][\w'’.-]*"
_NAME = rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{0,3}}"
_AFTER = re.compile(rf"^\s*(?:\(|,|:)?\s*({_NAME})")
# The name just before its title: "Pieter (MD", "Kadri Saar (our COO", "Farid (Group MD".
_BEFORE = re.compile(rf"({_NAME})\s*(?:\(|,)\s*(?:(?:our|my)\s+)?(?:[A-Z][a-z]+\s+)?$")
_SIDE = re.compile(r"^\s*(ours|us|our side|we|theirs|them|their side|they)\s*[:=-]", re.I)
# What a title is over, written after it ("VP Product", "Director Operations").
_FUNCTIONS = {
    "product",
    "products",
    "sales",
    "engineering",
    "marketing",
    "operations",
    "finance",
    "technology",
    "partnerships",
    "commercial",
    "procurement",
    "quality",
    "hr",
    "legal",
    "people",
    "strategy",
    "growth",
    "delivery",
    "services",
    "support",
    "research",
    "manufacturing",
    "logistics",
    "risk",
    "compliance",
    "purchasing",
    "supply",
    "it",
}
_NOT_NAME = {"our", "their", "my", "me", "and", "the", "with", "plus", "counsel", "lawyer"}
_OURS = re.compile(r"\b(?:our|my)\s+$", re.I)
_THEIRS = re.compile(r"\b(?:their|his|her)\s+$", re.I)


def _name(found: re.Match[str] | None) -> str:
    """The name a match holds, cut at the first word that cannot be part of a name."""
    if found is None:
        return ""
    kept: list[str] = []
    for word in found.group(1).split():
        bare = word.strip(".,'’")
        if not kept and bare.lower() in _FUNCTIONS:
            continue  # "our VP Product Mikko Laine": the title's function, not the name
        if bare.lower() in _NOT_NAME or _TITLE.fullmatch(bare):
            break
        if not (bare[:1].isupper() or re.fullmatch(_PARTICLE, bare)):
            break
        kept.append(word.rstrip(",."))
        if word[-1:] in ",." and len(bare) > 2 and bare not in {"Prof", "Mrs"}:
            break  # "... her CEO Paul Hnatyshyn. On 24 Nov ...": the sentence ended the name
    while kept and re.fullmatch(_PARTICLE, kept[-1]):
        kept.pop()
    return " ".join(kept)


def _segments(text: str) -> list[tuple[str, str]]:
    """The text cut where one side's list ends ("ours: ...; theirs: ..."), each piece with
    the side it names at its start ('ours', 'theirs' or '')."""
    pieces = re.split(
        r"[;\n]|\s/\s|\.\s+(?=(?:ours|theirs|us|them|our side|their side)\b)", text, flags=re.I
    )
    out = []
    for piece in pieces:
        label = _SIDE.match(piece)
        side = ""
        if label:
            side = "theirs" if label.group(1).lower().startswith(("the", "they")) else "ours"
        elif re.search(r"\b(?:our|me|my|I)\b", piece) and not re.search(r"\btheir\b", piece, re.I):
            side = "ours"
        out.append((piece, side))
    return out


def their_senior(value: Any, known: Any = "") -> str:
    """Filter ``their_senior(known)``: the most senior person on their side that the notes
    name with a job title and a name ("their COO Bjørn Eide called me" gives "Bjørn Eide"),
    so that the email copies them; '' when none is named, or when it is someone in ``known``
    (their contact, already addressed)."""
    best: tuple[int, str] | None = None
    for piece, side in _segments(_squash(value)):
        for found in _TITLE.finditer(piece):
            before = piece[: found.start()]
            if not (_THEIRS.search(before) or (side == "theirs" and not _OURS.search(before))):
                continue
            rank = next(int(k[1:]) for k, v in found.groupdict().items() if v)
            who = _name(_AFTER.match(piece[found.end() :]))
            if len(who.split()) < 2:
                continue  # a full name only: a first name alone is no one to copy
            if best is None or rank > best[0]:
                best = (rank, who)
    named = best[1] if best else ""
    if named and named.lower() in _squash(known).lower():
        return ""
    return named


def our_senior(value: Any, lead: Any = "") -> str:
    """Filter ``our_senior``: the most senior person on our side that a text names with a
    job title: ``"Thabo + their finance mgr; our MD Pieter van Wyk + me"`` gives ``"Pieter
    van Wyk"``, ``"ours: Claudia (CFO), MD Dr. Hessler"`` gives ``"Dr. Hessler"``; a title
    with no name gives the title ("our CEO + Sameer" gives ``"Our CEO"``); '' when the text
    names nobody senior on our side. The other side's people ("their GM") never count.
    When the person found is ``lead`` named by a first name only ("Farid (Group MD)" for
    "Farid Rahman"), the lead's full name is given."""
    best: tuple[int, int, str] | None = None
    for piece, side in _segments(_squash(value)):
        for found in _TITLE.finditer(piece):
            before = piece[: found.start()]
            if _THEIRS.search(before):
                continue
            mine = bool(_OURS.search(before)) or side == "ours"
            if not mine:
                continue
            rank = next(int(k[1:]) for k, v in found.groupdict().items() if v)
            who = _name(_AFTER.match(piece[found.end() :])) or _name(_BEFORE.search(before))
            if not who:
                who = "Our " + found.group(0) if _OURS.search(before) else ""
            if who and (best is None or rank > best[0]):
                best = (rank, found.start(), who)
    named = best[2] if best else ""
    full = _squash(lead)
    if named and full.lower().startswith(named.lower() + " "):
        return full
    return named
