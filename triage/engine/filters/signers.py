"""One signer, and a colleague who comes along named in the text with their role.

An email written in the first person has one author: a second name under "I am sorry" leaves
the reader asking whose apology it is. A senior colleague who takes part is said in a
sentence ("Sanjay Patil, our CEO, will join us"), with the full name the notes give
somewhere ("Sanjay (CEO)" in the attendees, "Sanjay Patil" in the ledger).
"""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["full_name", "joins_us", "top_apology", "top_signer"]

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
_NOT_SURNAME = {
    "CEO", "CFO", "COO", "CTO", "MD", "VP", "HR", "IT", "FD", "PM", "GM", "DPO", "And", "The",
    "Our", "Their", "On", "In", "At", "By", "For", "With", "From", "To", "Mon", "Tue", "Wed",
    "Thu", "Fri", "Sat", "Sun",
}  # fmt: skip
_ROLE_AFTER = re.compile(r"^\s*\(\s*(?:our\s+)?([^(),;:]{2,40}?)(?:\s*[,;:][^()]*)?\s*\)")
# A role typed before the name: "Our MD Paul Hegarty", "our Head of Operations Jane Roe".
_ROLE_BEFORE = re.compile(
    r"\b[Oo]ur\s+((?:[A-Z][\w&-]*|of|and|for)(?:\s+(?:[A-Z][\w&-]*|of|and|for)){0,4})\s+$"
)
# Short forms the other side may not read as we do.
_ROLE_LONG = {"MD": "Managing Director", "GM": "General Manager", "FD": "Finance Director"}


def full_name(value: Any, notes: Any = "") -> str:
    """Filter ``full_name(notes)``: a person typed by first name only ("Sanjay"), with the
    surname the notes give them elsewhere ("... Sanjay Patil / Raghav Iyer ..." gives "Sanjay
    Patil"); a name already full, or one the notes never complete, is given as typed."""
    name = _squash(value)
    if not name or len(name.split()) > 1:
        return name
    found = re.findall(rf"\b{re.escape(name)}\s+({_WORD})", _squash(notes))
    surnames = [s for s in found if s not in _NOT_SURNAME and not s.isupper()]
    return f"{name} {surnames[0]}" if surnames else name


def joins_us(value: Any, notes: Any = "", role: Any = "") -> str:
    """Filter ``joins_us(notes, role)``: the sentence that names a colleague who takes
    part, in full and with their role from ``role`` or the notes ("Sanjay (CEO)"): "Sanjay
    Patil, our CEO, will join us." ('' for no one)."""
    name = _squash(value)
    if not name:
        return ""
    text = _squash(notes)
    said = full_name(name, text)
    title = _squash(role)
    if not title:
        names = [said, name, name.split()[0]]
        spots = [f for n in names for f in re.finditer(rf"\b{re.escape(n)}\b", text)]
        for found in spots:
            match = _ROLE_AFTER.match(text[found.end() :])
            if match:
                title = match.group(1).strip()
                break
            before = _ROLE_BEFORE.search(text[: found.start()])
            if before and before.group(1).split()[-1] not in ("of", "and", "for"):
                title = before.group(1).strip()
                break
    title = _ROLE_LONG.get(title, title)
    if title and title.lower().startswith("our "):
        title = title[4:]
    head = f"{said}, our {title}," if title else said
    return f"{head} will join us."


# The level reason that says the apology must come from our top person.
_FROM_TOP = re.compile(r"\bcome from the top\b|\bcomes from the top\b", re.I)
# Our top person steps in: "Our MD offers to meet their MD", "our CEO will take this over".
_TOP_STEPS_IN = re.compile(
    r"\bour\s+(?:MD|CEO|managing\s+director|chief\s+executive|founder|owner|president|"
    r"chair(?:man|woman|person)?|general\s+manager|GM)\b[^.;]{0,30}?\b"
    r"(?:offers?|offered|will|would\s+like|wants?|is\s+ready|has\s+agreed)\s+(?:to\s+)?"
    r"(?:meet|visit|take\s+(?:it|this|the\s+\w+)?\s*over|lead|step\s+in|fly|come)\b",
    re.I,
)


def top_signer(
    route: Any,
    attendees: Any = "",
    spoc: Any = "",
    notes: Any = "",
    lead: Any = "",
    offers: Any = "",
) -> str:
    """Filter ``route | top_signer(attendees, spoc, notes, lead, offers)``: our senior person
    who signs the email ("Lucía Bustos, CEO"), when the plan raised the level because the
    apology must come from the top, or when our notes or ``offers`` (the olive branch, the
    agreed steps) say our top person offers to meet or takes it over ("Our MD offers to meet
    their MD at the mill"): signed by the person whose promises failed, it reads as one more
    of them. The senior person is the one the attendees name with the highest title, else our
    single point of contact when typed with a senior title; '' when neither holds, when nobody
    senior is named, or when the senior person already signs."""
    from triage.engine.filters.people import person, role_of
    from triage.engine.filters.senior import _TITLE, our_senior

    reasons = (
        route.get("level_reasons")
        if isinstance(route, dict)
        else getattr(route, "level_reasons", None)
    ) or []
    if not any(_FROM_TOP.search(str(r)) for r in reasons) and not _TOP_STEPS_IN.search(
        _squash(f"{offers} ; {notes}")
    ):
        return ""
    signer = _squash(person(lead)) if lead else ""
    who = _squash(our_senior(attendees, signer)) if attendees else ""
    if not who or who.startswith("Our "):
        typed = _squash(spoc)
        who = _squash(person(typed)) if typed and role_of(typed) else ""
    if not who or (signer and who.lower() == signer.lower()):
        return ""
    text = _squash(f"{attendees} ; {spoc} ; {notes}")
    said = full_name(who, text)
    sentence = joins_us(said, text)
    title = (
        sentence[len(said) + len(", our ") : -len(", will join us.")]
        if sentence.startswith(f"{said}, our ")
        else ""
    )
    if not title:
        return ""
    # Someone who can commit the whole company: a chief executive, a director or an officer,
    # never the head of one function.
    found = _TITLE.search(title)
    rank = next((int(k[1:]) for k, v in found.groupdict().items() if v), 0) if found else 0
    return f"{said}, {title}" if rank >= 2 else ""


_TOP_WORDS = (
    r"ceo|chief\s+executive(?:\s+officer)?|managing\s+director|md|founder|co-founder|owner|"
    r"president|chair(?:man|woman|person)?|managing\s+partner"
)
# Our top person apologises ("CEO personal apology to Mr Park", "our MD will apologise in
# person", "a personal apology from our founder"), never theirs.
_TOP_SORRY = re.compile(
    rf"\b(?P<t1>{_TOP_WORDS})\b(?:'s)?[^.;]{{0,40}}?\bapolog(?:y|ies|i[sz]es?)\b|"
    rf"\bapolog(?:y|ies|i[sz]es?)\b[^.;]{{0,30}}?\bfrom\s+(?:our\s+)?(?P<t2>{_TOP_WORDS})\b",
    re.I,
)
_ROLE_SAID = {
    "ceo": "chief executive",
    "md": "managing director",
    "chief executive officer": "chief executive",
}


_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+(?:van|von|de|der|da|di|del|le|la)?\s*[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2}"


_SAME_TITLE = (
    ("ceo", "chief executive", "chief executive officer"),
    ("md", "managing director"),
    ("chair", "chairman", "chairwoman", "chairperson"),
    ("founder", "co-founder"),
)


def _named_as(title: str, notes: str) -> str:
    """The person the notes name with ``title``: "Giovanni Lodrini (CEO)", "CEO Giovanni
    Lodrini", "our MD, Sven Olsen"; never theirs ("their CEO Park")."""
    same = next((g for g in _SAME_TITLE if title in g), (title,))
    words = "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in same) + ")"
    for found in re.finditer(
        rf"({_CAP})\s*\(\s*(?:our\s+)?{words}\b|\b(?:(our|their)\s+)?{words}\s*,?\s+({_CAP})",
        notes,
        re.I,
    ):
        if (found.group(2) or "").lower() == "their":
            continue
        name = found.group(1) or found.group(3) or ""
        if name and name[0].isupper():
            return name
    return ""


def top_apology(texts: Any, notes: Any = "", signer: Any = "", title: Any = "") -> dict[str, Any]:
    """Filter ``[steps and notes] | top_apology(people notes, signer)``: our top person's own
    apology, when a typed step, change or note says they make it ("CEO personal apology to Mr
    Park for the 2 Dec call", "our CEO will apologise personally"), as ``{'name', 'role', 'how',
    'due'}``: who (the step's owner, else our most senior person the notes name), their role
    ("chief executive"), how ("call", "write", "visit" or ''), the step's date or None. ``{}``
    when nothing says so, or when that person, or anyone with a top ``title``, signs the
    email: then the email is the apology."""
    from triage.engine.filters.people import person

    rows = texts if isinstance(texts, (list, tuple)) else [texts]
    me = _squash(person(signer)).lower() if signer else ""
    if re.search(rf"\b(?:{_TOP_WORDS})\b", _squash(title), re.I):
        return {}  # the signer is our top person: the email is their apology
    for row in rows:
        if isinstance(row, dict):
            text, owner, due = _squash(row.get("what")), _squash(row.get("owner")), row.get("due")
        else:
            text, owner, due = _squash(row), "", None
        found = _TOP_SORRY.search(text)
        if not found or re.search(r"\btheir\s+$", text[: found.start()], re.I):
            continue
        typed = re.sub(r"\s+", " ", (found.group("t1") or found.group("t2") or "").lower())
        who = _squash(person(owner)) if owner else ""
        if not who:
            # Only someone the notes give that very title: never our most senior name
            # otherwise (it can be the director whose conduct is at issue).
            who = _named_as(typed, _squash(notes))
        if me and who and (who.lower() in me or me in who.lower()):
            return {}
        # How they will say it, never the thing said sorry for ("... for the 2 Dec call").
        low = re.split(r"\bfor\b", text.lower(), maxsplit=1)[0]
        how = (
            "call"
            if re.search(r"\b(?:call|phone|ring)\b", low)
            else "write"
            if re.search(r"\b(?:letter|in writing|write|writes|written|email|note)\b", low)
            else "visit"
            if re.search(r"\b(?:visit|in person|meet|fly)\b", low)
            else ""
        )
        return {"name": who, "role": _ROLE_SAID.get(typed, typed), "how": how, "due": due}
    return {}
