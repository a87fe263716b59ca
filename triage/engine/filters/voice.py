"""Whose voice a text speaks in: the sender as "I", the reader as "you"."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.greeting import first_name
from triage.engine.filters.ownership import _as_ownership
from triage.engine.filters.people import _name_and_title, people, person
from triage.engine.filters.shorten import join_and
from triage.engine.filters.shorthand import spell_out
from triage.engine.filters.text import _squash, _words
from triage.engine.filters.words import DETERMINERS, _ordinary

_MODALS = "will|would|can|could|shall|should|may|might|must|'ll|’ll"
_AS_SUBJECT = {"is": "am", "was": "was", "has": "have", "does": "do"}
_AS_YOU = {"is": "are", "was": "were", "has": "have", "does": "do"}
_PREPOSITIONS = "with|from|to|by|for"
# Words after a name that end in -s but are no verb in the present tense: "Helen as lead".
_NOT_VERBS = _words(
    """
    as is was has does its plus across always perhaps thus unless less towards afterwards
    this us yes
    """
)
# Adverbs allowed between a name and its verb: "Helen now leads", "Helen personally calls".
_ADVERBS = "now|also|personally|herself|himself|then|from|always"
# Verbs (and adverbs) that may follow a plural noun opening a text: "partners are told...",
# "key accounts get a call...". Such a subject is who "they" and "their" stand for.
_AFTER_SUBJECT = _words(
    """
    are were get got see go have had receive will would can could must should may always
    only now then also all each never do did need keep take hear
    """
)


def _base_form(verb: str) -> str:
    """The verb in "I will ...": "leads" gives "lead", "carries" "carry", "fixes" "fix"."""
    low = verb.lower()
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def _present_verb(word: str) -> bool:
    low = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in _NOT_VERBS
    )


# Professional titles typed before a name ("Ing. Mariana Olvera", "Lic. Rodrigo Beltrán", "Mag.
# Eva Huber", "Dott. Bruno Ferri"): the name without them is the person all the same.
_TITLE = re.compile(
    r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Herr|Frau|Dra|Sr|Sra|Mme|Khun|Ing|Lic|Licda|Arq|Mag|Dott|Avv|Mgr)\.?\s+"
)
_TITLE_WORD = r"\b(?:Dr|Prof|Mr|Mrs|Ms|Mx|Herr|Frau|Dra|Sr|Sra|Mme|Khun|Ing|Lic|Licda|Arq|Mag|Dott|Avv|Mgr)\.?"


def _name_pattern(value: Any, with_title: bool) -> str:
    """A regular expression for a person as a text may name them: full name, first name,
    and (``with_title``) "our <job title>" when a title was typed beside the name."""
    own, title = _name_and_title(value)
    signer = people(value)
    if len(signer) > 1:  # two people typed as the lead: the first signs, and is "I"
        own = value = signer[0]
    names = {own, first_name(value)} - {""}
    # "Dr. Sabine Huber" is also "Sabine Huber" and "Sabine" in our own notes
    bare = _TITLE.sub("", own)
    if bare != own and len(bare.split()) > 1:
        names |= {bare, bare.split()[0]}
    names = {n for n in names if n[:1].isupper() and not _ordinary(n.split()[0])}
    patterns = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
    if with_title and title:
        patterns.insert(0, r"our\s+" + r"\s+".join(re.escape(w) for w in title.split()))
    # "Dr Nattapong" in the notes is the reader whole: never "Dr you"
    return rf"(?:{_TITLE_WORD}\s+)?(?:{'|'.join(patterns)})" if patterns else ""


def _keep_case(word: str, new: str) -> str:
    return new[:1].upper() + new[1:] if word[:1].isupper() else new


def _you(match: re.Match[str], new: str) -> str:
    """``new`` for a name: with a capital only where a sentence starts inside the text."""
    before = match.string[: match.start()].rstrip()
    return new[:1].upper() + new[1:] if before.endswith((".", "!", "?")) else new


_SEMICOLONS = re.compile(r"(\s*;\s*)")
_LISTED = re.compile(r",|\sand\s")


def _in_own_voice(text: str, name: str) -> str:
    """``text`` with the sender (matched by ``name``) in the first person."""
    start = rf"^(?:{name})\b"
    # The sender as the subject of a clause: at the start, or after a semicolon or a full stop
    # ("Rami is off the project; Farah leads" -> "...; I will lead").
    clause = rf"(?:^|(?<=;)\s*|(?<=\.)\s+)(?:{name})\b"

    def subject(match: re.Match[str]) -> str:
        verb = match.group(1)
        return "I " + _AS_SUBJECT.get(verb.lower(), verb)

    text, made = re.subn(
        rf"{clause}\s+({_MODALS}|is|was|has|does)\b", subject, text, count=1, flags=re.I
    )
    if not made:  # "Marisol leads the account from now on" -> "I will lead the account ..."
        pattern = rf"{clause}\s+((?:(?:{_ADVERBS})\s+)?)([a-z]+)\b"
        for found in re.finditer(pattern, text, flags=re.I):
            if not _present_verb(found.group(2)):
                continue
            lead = found.group(0)[: len(found.group(0)) - len(found.group(0).lstrip())]
            said = f"{lead}I will {found.group(1)}{_base_form(found.group(2))}"
            rest = text[found.end() :]
            # "Farah calls Yusuf and apologises" -> "I will call Yusuf and apologise"
            rest = re.sub(
                r"^([^;.]*?\band\s+)([a-z]+)\b",
                lambda m: (
                    m.group(1)
                    + (_base_form(m.group(2)) if _present_verb(m.group(2)) else m.group(2))
                ),
                rest,
                count=1,
            )
            text = text[: found.start()] + said + rest
            made = 1
            break
    if made:  # "Helen will call you herself" -> "I will call you myself"
        text = re.sub(r"\b(?:herself|himself|themselves|themself)\b", "myself", text, count=1)
    text = re.sub(rf"{start}['’]s\b", "my", text, count=1, flags=re.I)
    text = re.sub(rf"\b({_PREPOSITIONS})\s+(?:{name})\b(?!['’])", r"\1 me", text, flags=re.I)
    # In a list of people ("Callum Reid and our service manager"), the sender is "me".
    parts = _SEMICOLONS.split(text)
    for i, part in enumerate(parts):
        listed = len(parts) > 1 or _LISTED.search(part)
        if listed and _people(part) and not re.fullmatch(rf"(?:{name})", text, flags=re.I):
            parts[i] = re.sub(rf"\b(?:{name})\b(?!['’])", "me", part, flags=re.I)
    return "".join(parts)


def _full_name(sender: Any) -> str:
    return str(person(sender) or "")


def _with_colleague(text: str, full_name: str) -> str:
    """The sender, by full name, with a colleague as the subject ("Hannah and Sean Moran (COO)
    are your contacts", "Sean Moran and Hannah will call"): "Hannah and I are your contacts".
    A first name alone may be someone else's, and is left as typed."""
    if len(full_name.split()) < 2:
        return text
    both = rf"(?:{re.escape(full_name)})(?:\s*\([^()]*\))?"
    verbs = r"are|were|will|have|would|can|share|lead|run"
    colleague = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
    text = re.sub(rf"^{colleague}\s+and\s+{both}\s+({verbs})\b", r"\1 and I \2", text, count=1)
    return re.sub(
        rf"^{both}\s+and\s+{colleague}\s+({verbs})\b", r"\1 and I \2", text, count=1, flags=re.I
    )


_VERB = re.compile(rf"\b(?:{_MODALS}|is|are|am|was|were|has|have|does|do|did)\b", re.I)


_STOPS = re.compile(r"[.:!?]")


def _people(part: str) -> bool:
    """Whether ``part`` reads as a list of people ("Jo Bloggs, our DPO and me"): short,
    without a verb, a full stop or a colon."""
    return (
        bool(part)
        and len(part.split()) <= 14
        and not _STOPS.search(part)
        and not (_VERB.search(part))
    )


_ITEMS = re.compile(r"\s*,\s*|\s+and\s+")
_YOU_AND_ME = re.compile(r"you\s*;\s*me")


def _in_order(text: str) -> str:
    """Each list of people with "you" first and "me" last: "your finance director and you"
    gives "you and your finance director", "me, our DPO" gives "our DPO and me", and a
    list of just "you" and "me" reads "you and me"."""
    parts = _SEMICOLONS.split(text)
    for i, part in enumerate(parts):
        if not _people(part):
            continue
        items = [x for x in _ITEMS.split(part) if x]
        low = [x.lower() for x in items]
        if len(items) < 2 or not ({"you", "me"} & set(low)):
            continue
        # "you + Femke" where Femke reads it: "you" once
        typed = items
        items = [
            x for n, x in enumerate(items) if low[n] not in ("you", "me") or low[n] not in low[:n]
        ]
        low = [x.lower() for x in items]
        if len(items) < 2:
            parts[i] = items[0]
            continue
        ordered = [re.sub(r"^(?:his|her)\b", "your", x) if "you" in low else x for x in items]
        if low[-1] == "you":  # "your finance director and you": "you and ..."
            ordered = ordered[-1:] + ordered[:-1]
        ordered = [x for x in ordered if x.lower() != "me"] + [
            x for x in ordered if x.lower() == "me"
        ]
        ordered = [ordered[0]] + [
            x[0].lower() + x[1:] if x.split()[0].lower() in DETERMINERS else x for x in ordered[1:]
        ]
        if ordered != typed:
            parts[i] = join_and(ordered)
    text = "".join(parts)
    return "you and me" if _YOU_AND_ME.fullmatch(text) else text


def _plural_subject(text: str) -> bool:
    """Whether ``text`` opens with a plural noun as its subject ("key accounts get a call",
    "partners are told"): then "they" and "their" in it are those, not the reader."""
    words = re.findall(r"[\w'’-]+", text)
    for i, word in enumerate(words[:3]):
        low = word.lower()
        if low in ("we", "i", "our", "you", "a", "an", "one"):
            return False
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        plural = len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
        if plural and after and (after in _AFTER_SUBJECT or after.endswith("ed")):
            return True
    return False


# Words before a plural noun that make it a verb instead: "it costs them", "who pays them".
_VERB_AFTER = _words("it this that which who he she what")
# Words in -s that are no plural noun: adverbs, and what "them" cannot stand for.
_NOT_THINGS = _words(
    """
    always perhaps sometimes afterwards towards besides unless thus less across yes
    ours yours theirs hers its this was has does is us
    """
)


def _things_before(before: str) -> bool:
    """Whether the nearest word "them" can stand for, in the same sentence before it, is a
    plural noun ("depots", "drivers") rather than the reader ("they", "their", "you"): then
    "them" is those, and stays."""
    sentence = re.split(r"[.!?;]\s", before)[-1]
    words = re.findall(r"[\w'’-]+", sentence)
    for i in range(len(words) - 1, -1, -1):
        low = words[i].lower()
        if low in ("they", "them", "their", "theirs", "you", "your", "themselves"):
            return False
        plural = (
            len(low) > 3
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is", "'s", "’s"))
            and low not in _NOT_THINGS
        )
        verb = (i and words[i - 1].lower() in _VERB_AFTER) or (
            i + 1 < len(words) and words[i + 1].lower() in DETERMINERS  # "gets a report"
        )
        if plural and not verb:
            return True
    return False


_THEY = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourselves",
    "they're": "you're",
    "they’re": "you’re",
    "they've": "you've",
    "they’ve": "you’ve",
    "they'll": "you'll",
    "they’ll": "you’ll",
    "they'd": "you'd",
    "they’d": "you’d",
}


_ON_THEIR_OWN = re.compile(r"\bon\s+their\s+own\b", re.I)
# Verbs whose object is people, never things: "did not warn them" is the reader.
_TOLD = re.compile(
    r"\b(?:warn|warned|tell|told|inform|informed|notify|notified|call|called|phone|phoned|email"
    r"|emailed|update|updated|contact|contacted|ask|asked|answer|answered|remind|reminded|brief"
    r"|briefed|thank|thanked|invite|invited|consult|consulted)\s+$",
    re.I,
)
_THEY_WORDS = re.compile(r"\b(?:they(?:['’](?:re|ve|ll|d))?|them(?:selves)?|theirs?)\b", re.I)
# What things do, never people: "they" before it stands for the things just named.
_EVENT_VERB = re.compile(
    r"\s+(?:happened|occurred|arose|took\s+place|came\s+up|fell\s+due|"
    r"were\s+(?:raised|made|logged|added|billed|done|requested))\b",
    re.I,
)


# Quoted words (their message, our own earlier words) are evidence: never put in another voice.
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
# Where a clause starts, so that a name after it is the subject of what follows.
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.;:!?,(—–-]|\b(?:and|but|so|because|when|if|that|as|since|until|while|unless|after"
    r"|before|once|though|although|where|whether|then|or|which|who))\s*$",
    re.I,
)
# A name turned into "you" as a subject: the verb after it is put in agreement.
_NEW_YOU = "\ue000"
_YOU_ADVERBS = (
    r"now|also|personally|then|always|already|still|usually|often|never|just|only|rarely"
    r"|sometimes|normally|typically|again|really|clearly|even"
)
_YOU_VERB = re.compile(
    rf"{_NEW_YOU}(you|You)((?:\s+(?:{_YOU_ADVERBS}))*)\s+([a-z]+|['’]s)\b(?![-'’])"
)
# "their COO Ingrid approves" for the reader: "you approve", not "your COO you approve".
_PERSON_BEFORE = r"(?:[A-Z]{2,5}|(?:[a-z]+\s+)?(?:director|manager|buyer|owner|founder|partner|lead|head|contact|boss))"


def _agree(text: str) -> str:
    """``text`` with each verb after a name made "you" in agreement ("you approves" gives "you
    approve", "you has" "you have", "you already was" "you already were"), and a second verb
    joined to it by "and" too ("you approve it and sign the order")."""

    def verb(match: re.Match[str]) -> str:
        word = match.group(3)
        low = word.lower()
        new = _AS_YOU_VERB.get(low) or (_base_form(word) if _present_verb(word) else word)
        said = f"{match.group(1)}{match.group(2)}" + ("" if new.startswith(("'", "’")) else " ")
        rest = match.string[match.end() :]
        if new == word:
            return said + new
        # "... approves it and signs the order": the second verb agrees too
        follow = re.match(r"([^;.,:]*?\band\s+)([a-z]+)(?=\s+(\w+))", rest)
        if follow and _present_verb(follow.group(2)) and follow.group(3).lower() in _OBJECT_STARTS:
            return said + new + _AND_MARK
        return said + new

    text = re.sub(
        rf"{_NEW_YOU}(you|You),\s+(?:their|your)\s+[^,;.]{{1,40}},\s+",
        lambda m: f"{_NEW_YOU}{m.group(1)} ",
        text,
    )
    text = _YOU_VERB.sub(verb, text)
    while _AND_MARK in text:
        at = text.index(_AND_MARK)
        head, tail = text[:at], text[at + 1 :]
        tail = re.sub(
            r"^([^;.,:]*?\band\s+)([a-z]+)\b",
            lambda m: m.group(1) + _base_form(m.group(2)),
            tail,
            count=1,
        )
        text = head + tail
    return text.replace(_NEW_YOU, "")


_AND_MARK = "\ue001"
_OBJECT_STARTS = _words(
    """
    the a an our their your its this that these those it them us me him her you all each every
    any some to in on at by for with from of about into over
    """
)


def _to_reader(text: str, name: str) -> str:
    """``text`` addressed to its reader: the reader's name (matched by ``name``), and "they",
    "them" and "their" for their side, in the second person, with the verb after a name made
    "you" in agreement ("Ingrid approves" gives "you approve"). Words in quotation marks are
    left as typed."""
    quoted: list[str] = []

    def hold(match: re.Match[str]) -> str:
        quoted.append(match.group(0))
        return chr(0xE100 + len(quoted) - 1)

    text = _QUOTED.sub(hold, text)
    text = _address(text, name)
    return re.sub("[\ue100-\ue1ff]", lambda m: quoted[ord(m.group(0)) - 0xE100], text)


def _address(text: str, name: str) -> str:
    if name:
        start = rf"(?:{name})\b"

        def you_subject(match: re.Match[str]) -> str:
            verb = match.group(1)
            return _you(match, "you ") + _AS_YOU.get(verb.lower(), verb)

        text = re.sub(rf"\b(?:their|your)\s+{_PERSON_BEFORE}\s+(?={start})", "", text)
        text = re.sub(rf"{start}\s+({_MODALS}|is|was|has|does)\b", you_subject, text, flags=re.I)
        text = re.sub(rf"{start}['’]s\b", lambda m: _you(m, "your"), text, flags=re.I)

        def you(match: re.Match[str]) -> str:
            said = _you(match, "you")
            subject = _CLAUSE_OPENS.search(match.string[: match.start()]) is not None
            return (_NEW_YOU + said) if subject else said

        text = _agree(re.sub(rf"{start}(?!['’])", you, text))
    if _plural_subject(text):
        return text
    text = _ON_THEIR_OWN.sub("on-their-own", text)  # an idiom

    def to_you(match: re.Match[str]) -> str:
        word = match.group(0)
        told = _TOLD.search(match.string[: match.start()])
        if (
            word.lower().startswith("them")
            and not told
            and _things_before(match.string[: match.start()])
        ):
            return word  # "staged releases for their depots without disrupting them"
        if (
            word.lower() == "they"
            and _EVENT_VERB.match(match.string, match.end())
            and _things_before(match.string[: match.start()])
        ):
            return word  # "the extra rounds ... when they happened": things, not the reader
        return _keep_case(word, _THEY[word.lower()])

    text = _THEY_WORDS.sub(to_you, text)
    text = text.replace("on-their-own", "on their own").replace("On-their-own", "On their own")
    # A "he" or "she" inside a text written to a named reader ("keep the fee while she checks
    # the clause") is the reader when nobody else comes nearer before it; one that opens the
    # text ("He has apologised") means someone said before it, and is left as typed.
    return _singular_to_reader(text, subjects=bool(name) and not _OPENS_WITH_PRONOUN.match(text))


# People a "he" or "she" in our notes may stand for, other than the reader: our own people by
# their job ("our director ... his temper") and anyone named.
_PERSON_NOUNS = _words(
    """
    director directors manager managers engineer engineers agent agents driver drivers buyer
    buyers rep reps technician courier colleague colleagues boss lead head owner founder
    partner ceo coo cfo cto md vp president chair officer salesperson salesman saleswoman
    designer developer adviser advisor consultant accountant lawyer solicitor counsel
    supervisor planner coordinator assistant receptionist fitter fitters
    """
)
_SINGULAR = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)
_AS_YOU_VERB = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re", "’s": "’re"}


_NOT_PEOPLE = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i you we our your
    """
)


def _people_at(text: str, subjects: bool = False) -> list[tuple[int, bool]]:
    """Where ``text`` names a person, in order, and whether it is the reader ("you"): our
    people by their job, capitalised names and (unless ``subjects``) "he" or "she" are not."""
    found = []
    for match in re.finditer(r"[\w'’-]+", text):
        word = match.group(0)
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low in ("you", "your", "yours", "yourself"):
            found.append((match.start(), True))
        elif (
            (low in ("he", "she") and not subjects)
            or low in _PERSON_NOUNS
            or (
                word[:1].isupper()
                and not _ordinary(word)
                and low not in _NOT_PEOPLE
                and not any(ch.isdigit() for ch in word)
                and not word.isupper()
                and not _IMPERATIVE.match(text, match.start())
            )
        ):
            found.append((match.start(), False))
    return found


# A step typed as an order opens with its verb, then what it acts on: "Offer a credit",
# "Waive the fee", not a name ("Mick rang").
_IMPERATIVE = re.compile(
    r"(?<![\w'’-])(?:(?<=^)|(?<=[.!?;:]\s))[A-Z][a-z]+\s+(?:a|an|the|our|your|their|them|us|it|him|her|\d)\b"
)


def _singular_to_reader(text: str, subjects: bool = False) -> str:
    """A "he", "him", "his" or "she", "her" in text for the reader that can only be the reader
    (the nearest person named before it is "you", or no one else is named in the text): "we
    took a week to answer him" gives "we took a week to answer you", "shouted at you and
    called his team amateurs" "... your team amateurs", "the onboarding she was promised" "the
    onboarding you were promised" (with ``subjects``: a "he" or "she" is ours as often as
    theirs in our notes, so only a text known to be about the reader turns them). Kept where
    one of our people or anyone named comes nearer before it ("our director lost his temper")."""
    if not _SINGULAR.search(text):
        return text
    people = _people_at(text, subjects)
    anyone_else = any(not reader for _, reader in people)

    def the_reader(at: int) -> bool:
        before = [reader for start, reader in people if start < at]
        # a text about the reader: someone named only after the pronoun ("with her CFO") is
        # not whom it means
        return before[-1] if before else (subjects or not anyone_else)

    def you(match: re.Match[str]) -> str:
        word = match.group(1)
        low = word.lower()
        tail = match.group(2) or ""
        if not the_reader(match.start()) or (low in ("he", "she") and not subjects):
            return match.group(0)
        if low in ("he", "she"):
            verb = match.group(2) or ""
            said = "you"
            if verb:
                v = verb.strip().lower()
                new = _AS_YOU_VERB.get(v) or (v[:-1] if _present_verb(v) else v)
                said += (" " if not v.startswith(("'", "’")) else "") + new
            return _keep_case(word, said)
        if low == "his":
            return _keep_case(word, "your") + tail
        if low == "him":
            return _keep_case(word, "you") + tail
        # "her": "your" before a noun ("her salon"), else "you" ("answered her")
        after = match.string[match.end() :]
        noun = re.match(r"\s+([A-Za-z][\w'’-]*)", after)
        stop = noun and noun.group(1).lower() in _PREPOSITION_WORDS
        return _keep_case(word, "your" if noun and not stop else "you") + tail

    return re.sub(
        r"\b(he|she|him|his|her)\b((?:['’]s)|\s+(?:is|was|has|does|[a-z]+s)\b)?",
        you,
        text,
        flags=re.I,
    )


_PREPOSITION_WORDS = _words(
    """
    to in on at by for with from of about into over under after before twice again and or but
    a an the that this until when while as so yet back up down off out
    anything nothing everything something once today yesterday directly personally first
    """
)
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:he|she)\b", re.I)


# Words about our own internal limits and advice, which are not for the other side's eyes:
# "without authority", "beyond his mandate", "our legal team thinks".
_INTERNAL = (
    (
        re.compile(
            r",?\s+(?:without|beyond|outside|above)\s+(?:(?:his|her|their|our|my|the|any|proper"
            r"|prior|internal|formal)\s+)*(?:authority|authorisation|authorization|approval"
            r"|sign-off|mandate)\b",
            re.I,
        ),
        "",
    ),
    (re.compile(r",?\s+(?:within|under)\s+(?:our|my|the|his|her)\s+mandate\b", re.I), ""),
    (
        re.compile(
            r"\b(?:our|my)\s+(?:legal\s+team|lawyers?|solicitors?|counsel|legal\s+advisers?)"
            r"\s+(?:thinks?|says?|believes?|advises?|advised|tells?\s+us|told\s+us)\s+(?:that\s+)?",
            re.I,
        ),
        "we think ",
    ),
    (re.compile(r"\b(?:on|following)\s+legal\s+advice,?\s*", re.I), ""),
)


def _for_their_eyes(text: str) -> str:
    """``text`` without the words about our internal limits and advice (see ``_INTERNAL``)."""
    for pattern, instead in _INTERNAL:
        text = pattern.sub(instead, text)
    return " ".join(text.split())


# A note in brackets after "I" or "me" saying who that is ("I (me, COO)", "me (myself)"):
# once the text is in the signer's own voice it says nothing.
_SELF_NOTE = re.compile(r"\b(I|me) \((?:me|myself)(?:,[^()]*)?\)")


def first_person(value: Any, sender: Any, reader: Any = None, owned: Any = False) -> str:
    """Filter ``first_person(sender, reader)``: the sender's own commitments in their own
    voice, addressed to the reader.

    A fix typed as "Helen will call every Friday" reads oddly in an email Helen signs.
    With ``sender`` "Helen Achebe", it becomes "I will call every Friday"; "Helen leads the
    account from now on" becomes "I will lead the account from now on"; "Helen's team"
    becomes "my team", "with Helen" becomes "with me", and in a list of people "Helen Achebe
    and our DPO" becomes "our DPO and me". The sender's full name or first name is
    recognised only as the subject of a verb, as a possessive, after with/from/to/by/for or
    in such a list; anything else is left as typed. A job title typed beside the sender's
    name counts too: with sender "Ravi Menon, COO", "our COO will call you himself" becomes
    "I will call you myself".

    With ``reader`` (optional: their contact), the text speaks to them: "Dana's figures"
    becomes "your figures", "Dana will confirm" "you will confirm", and "they", "them" and
    "their" become "you" and "your" ("staged releases for their depots" gives "staged
    releases for your depots"), unless the text opens with a plural subject of its own
    ("partners are told about deals in their territory" stays as typed), or in "on their own".
    Words about our internal limits and advice are left out too, since the other side reads
    the text: "without authority", "beyond his mandate"; "our legal team thinks" becomes "we
    think". A ``reader`` of '' (their contact not known) does all this but the name.

    ``owned=True`` is for one of our mistakes as typed in our own notes: it is put as the
    other side should read it, owned by us and without our shorthand ("VP Sales insulted
    their team on the call" gives "our VP of Sales spoke to your team on the call in a way
    that was not acceptable"; "answered with a link instead of a call" gives "we answered
    ..."; "no intro call when their manager changed" gives "there was no introductory call
    when your manager changed").
    """
    text = _squash(value)
    if not text:
        return text
    name = _name_pattern(sender, with_title=True)
    if name:
        text = _in_own_voice(_with_colleague(text, _full_name(sender)), name)
        # "I (Priya, COO) lead this" typed by the signer: the note on who "I" is goes.
        text = _SELF_NOTE.sub(r"\1", text)
    if owned:
        text = _as_ownership(text)
    if reader is not None:
        text = spell_out(text)
        text = _for_their_eyes(_to_reader(text, _name_pattern(reader, with_title=False)))
    return _in_order(text)
