"""A name answer used as a name: the person, their job title, our people by role."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _QUOTES, _squash
from triage.engine.filters.words import _PARTICLES, ROLE_WORDS, TITLES

_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NAME_SEPARATORS = re.compile(r"\s*,\s*|\s+[-–—]\s+")


def _without_notes(value: Any) -> str:
    """Text without its bracketed notes: "Jo Bloggs (on leave)" gives "Jo Bloggs"."""
    text = _squash(value).strip(_QUOTES + " ")
    while True:
        shorter = _NOTE.sub("", text)
        if shorter == text:
            return " ".join(text.split()).strip(_QUOTES + " ")
        text = shorter


def _is_name(part: str) -> bool:
    """Whether ``part`` reads as a person's name: capitalised words (a title such as "Dr",
    particles such as "van der" and initials allowed), none of them a job title's word."""
    words = part.split()
    if words and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    if not 1 <= len(words) <= 5:
        return False
    for word in words:
        bare = word.strip(".'’")
        if bare.lower() in _PARTICLES:
            continue
        if not bare[:1].isupper() or any(ch.isdigit() for ch in bare):
            return False
        if bare.lower() in ROLE_WORDS or (len(bare) > 1 and bare.isupper()):
            return False
    return True


# Where a note typed after a name starts: "Thomas Gruber / now their lawyers", "Mark Feldman
# w/ me as day to day", "Jo Bloggs cc her COO", "Anna from finance", "Huber Pichler?? or Gruber".
_NOTE_AFTER_NAME = re.compile(
    r"\s*(?:\b[wW]/|\b[cC]/[oO]\b|/|\?|;|\s\+\s)|\s+(?:now|cc|with|via|then|until|from|since|who|as|aka"
    r"|but|or|plus|incl|including|replacing|replaces|instead|acting|temporarily|currently"
    r"|formerly|is|was|has|will|on|to|for|at|because|ex|after|before|when)\b"
)  # the words in small letters only: "Michael To", "Anna On" are names


def _without_trailing_note(text: str) -> str:
    """``text`` up to the first note typed after the name (see ``_NOTE_AFTER_NAME``), when
    a name comes before it: "our CEO Mark Feldman w/ me as day to day" gives "our CEO Mark
    Feldman"; "Ruth Adeyemi and Jens Keller" stays."""
    found = _NOTE_AFTER_NAME.search(text)
    if not found or not found.start():
        return text
    return text[: found.start()].rstrip(" ,-–—:")


def _split_role(part: str) -> tuple[str, str]:
    """A name with a job title beside it and no comma between: ("Mark Feldman", "CEO")
    from "our CEO Mark Feldman" or "Mark Feldman CEO"; ("", "") when it is not so."""
    words = part.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if _is_name(tail) and len(words) - cut >= 2 and _role(head):
            return tail, head
        if _is_name(head) and cut >= 2 and _role(tail) and not _is_name(" ".join(words[: cut + 1])):
            return head, tail
    return "", ""


def _role(text: str) -> bool:
    """Whether ``text`` reads as a job title: one of its words is a job title's word."""
    words = [w.strip(".,'’").lower() for w in text.split()]
    return any(w in ROLE_WORDS for w in words) and not any(w in _PARTICLES for w in words[-1:])


# How two people are typed as one answer: "Ana Ruiz and Tom Berg", "Ana Ruiz / Tom Berg".
_JOINED = re.compile(r"\s*/\s*|\s+(?:and|&|\+)\s+")
_LEADING_DETERMINER = re.compile(r"^(?:our|the|my)\s+", re.I)


def _joins_two(match: re.Match[str]) -> bool:
    """Whether ``match`` (see ``_JOINED``) stands between two people's names."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    return _is_name(before) and _is_name(after) and len(before.split()) >= 2


def people(value: Any) -> list[str]:
    """The people a name answer names: ["Ana Ruiz", "Tom Berg"] from "Ana Ruiz and Tom
    Berg" or "Ana Ruiz / Tom Berg"; one name (or words that are not names) gives one item,
    none gives none."""
    name = _name_and_title(value)[0]
    if not name:
        return []
    parts = name.split(" and ")
    return parts if len(parts) == 2 and all(_is_name(p) for p in parts) else [name]


# Answers typed in a name's place that name nobody: "not sure now, Rohan left", "tbc", "?".
_NOBODY = re.compile(
    r"^\W*(?:not\s+sure|unsure|unknown|no\s+idea|(?:i\s+)?don'?t\s+know|dunno|idk|tbc|tbd|"
    r"to\s+be\s+(?:confirmed|decided|agreed)|n/?a|none|nobody|no\s*one|not\s+known|"
    r"not\s+yet|\?+|-+)(?:\W|$)",
    re.I,
)


def names_nobody(value: Any) -> bool:
    """Whether a name answer is a placeholder ("not sure", "tbc", "?"): used as a name it
    would give "Phone not sure first", so it counts as no name at all."""
    return bool(_NOBODY.match(_squash(value)))


def _name_and_title(value: Any) -> tuple[str, str]:
    """A person's name and job title as typed: ("Daniel Fry", "Head of Partnerships") from
    "Daniel Fry, Head of Partnerships (our CRO withdraws the email)"; a note typed after the
    name ("/ now their lawyers", "w/ me as day to day") is left out. A placeholder ("not
    sure now, Rohan left", "tbc") gives no name."""
    if names_nobody(value):
        return "", ""
    text = _without_notes(value) or _squash(value)
    text = _JOINED.sub(lambda m: " and " if _joins_two(m) else m.group(0), text, count=1)
    text = _without_trailing_note(text)
    parts = [p for p in _NAME_SEPARATORS.split(text) if p]
    names = [i for i, part in enumerate(parts) if _is_name(part)]
    if len(parts) == 1 and not names:
        name, title = _split_role(parts[0])
        if name:
            title = _LEADING_DETERMINER.sub("", title)
            return name, title[:1].upper() + title[1:]
    if len(parts) < 2 or len(names) != 1:  # no name, or "Smith, John": kept as typed
        return text, ""
    named = names[0]
    title = ", ".join(parts[:named] + parts[named + 1 :])
    title = _LEADING_DETERMINER.sub("", title)
    return parts[named], title[:1].upper() + title[1:]


def person(value: Any, one: Any = False) -> str:
    """Filter ``person``: a name answer used as a name (a signature, a sender, an owner,
    "led by"): the name alone, without a job title or a note in brackets.

    ``"Daniel Fry, Head of Partnerships (our CRO withdraws the email)"`` gives
    ``"Daniel Fry"``; ``"our MD, Graham Kaye"`` gives ``"Graham Kaye"``; ``"Dr Ana Ruiz"`` and
    ``"Ruth Adeyemi and Jens Keller"`` stay (``"Ruth Adeyemi / Jens Keller"`` reads the same);
    words that are not a name keep all but the note. ``person(one=true)`` gives the first of
    two people: the one who signs a draft, so that it speaks with one voice.
    """
    return people(value)[0] if one and people(value) else _name_and_title(value)[0]


def job_title(value: Any) -> str:
    """Filter ``job_title``: the job title typed beside a name, for a line of its own under
    a signature: ``"Sarah Quinn, operations director"`` gives ``"Operations director"``;
    a name alone, or a note in brackets, gives ''."""
    return _name_and_title(value)[1]


# How a text names one of our own people by their job: "our COO", "our head of partnerships".
_OUR_ROLE = re.compile(
    r"\b(?:our|my)\s+(?:[a-z-]+\s+){0,2}?(?:c[a-z]o|md|vp|managing\s+directors?|directors?|"
    r"managers?|founders?|chair(?:man|woman|person)?|president|owner|head\s+of\s+[a-z]+"
    r"|chief\s+[a-z]+\s+officer)\b",
    re.I,
)


def our_roles(value: Any) -> list[str]:
    """Filter ``our_roles``: the phrases in a text that name one of our own people by their
    job, in the third person ("our COO will call you himself" gives ``["our COO"]``), so a
    template can ask the signer to check a draft that may speak of them as someone else."""
    return [m.group(0) for m in _OUR_ROLE.finditer(_squash(value))]


_ROLE_IN_BRACKETS = re.compile(
    r"\(\s*((?:[A-Za-z-]+\s+){0,3}?(?:c[a-z]o|md|vp|director|manager|head\s+of\s+[a-z ]+|chief\s+"
    r"[a-z]+\s+officer|founder|owner|partner|chair(?:man|woman|person)?|president|lead)"
    r"(?:\s+[a-z ]+)?)\s*\)",
    re.I,
)


def role_of(value: Any) -> str:
    """Filter ``role_of``: the role typed with a person, as the signer says it of themself
    after "our": ``"Sue Patel (finance director)"`` gives ``"finance director"``, ``"Marek
    Wojcik (COO)"`` ``"COO"``, ``"Sabine Huber, Co-Managing Director"`` ``"Co-Managing
    Director"``; a note that is no role ("(me)") or a name alone gives ''."""
    titled = job_title(value)
    if titled:
        return titled
    found = _ROLE_IN_BRACKETS.search(_squash(value))
    return found.group(1).strip() if found else ""


# Who wrote a logged message, as the log marks our side: "(our side)", "(us)", "Fjeldstad
# Advokatfirma (our lawyers)".
_OUR_SIDE = re.compile(
    r"\((?:our|us)\b|\bour\s+(?:side|lawyers?|solicitors?|counsel|attorneys?)\b", re.I
)


def on_our_side(who: Any, names: Any = ()) -> bool:
    """Whether the author of a logged message (``who``) is on our side: marked so, or one of
    ``names`` (our people, lower case)."""
    text = str(who or "")
    low = text.lower()
    return bool(_OUR_SIDE.search(text)) or any(n and n in low for n in names or ())
