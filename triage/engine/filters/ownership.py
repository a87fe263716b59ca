"""Our mistakes, as typed in our own notes, put as the other side should read them."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _inner_capital, _words
from triage.engine.filters.words import DETERMINERS, ROLE_WORDS, _ordinary

# Shorthand of a note to ourselves, in the words a letter uses.
_SHORT_FORMS = (
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\bw/(?=\s|$)", re.I), "with"),
    (re.compile(r"\bb/c\b", re.I), "because"),
    (re.compile(r"\s\+\s"), " and "),
    (re.compile(r"\s&\s"), " and "),
    (re.compile(r"\besp\.?(?=\s)", re.I), "especially"),
    (re.compile(r"\bmgr\b", re.I), "manager"),
    (re.compile(r"\bintro\b", re.I), "introductory"),
    (re.compile(r"\b(did|does|do|was|were|is|are|could|would|should|ca|wo)nt\b", re.I), r"\1n't"),
    (re.compile(r"\b([a-z]{3,})/([a-z]{3,})\b"), r"\1 or \2"),
    (re.compile(r"\bVP (Sales|Marketing|Operations|Engineering|Product|Finance|Partnerships)\b"),
     r"VP of \1"),
)  # fmt: skip
# How one of our people spoke, named as a verdict in our own notes ("insulted their team"):
# in the letter, owned as conduct that should not have happened.
_HARSH = re.compile(
    r"\b(?:insulted|abused|belittled|was rude to|were rude to|shouted at|yelled at|swore at"
    r"|talked down to|lost (?:his|her|their|my|our) temper with)\s+",
    re.I,
)
# A note that opens on what we did, with no one doing it: "answered with a link",
# "never agreed how...", "no intro call when...".
_OUR_PAST = re.compile(
    r"^(?:[a-z]+ed|sent|forgot|took|made|gave|left|told|kept|let|lost|put|said|spoke|went"
    r"|never|did|didn't|failed|missed)\b"
)
_DONE = r"[a-z-]+ed|sent|made|given|left|told|kept|lost|taken|done|shown|written|forgotten|paid"
_OUR_GROUPS = _words(
    """
    direct sales support ops operations delivery project engineering dev tech billing
    finance account accounts marketing legal product service customer field
    pm pms am csm ae sdr bdm kam qa
    """
)

# Our people by their job, for "designer's email": a role word, a group, or an agent noun.
_AGENT = r"^(?:[a-z-]+(?:er|or|ist|ant)|" + "|".join(sorted(ROLE_WORDS | _OUR_GROUPS)) + r")$"
_THING_FAILED = re.compile(
    r"^(?:didn['’]t|did|doesn['’]t|wasn['’]t|weren['’]t|was|were|had|hadn['’]t|never|failed"
    r"|lacked|omitted|missed|gave|showed|said)$"
)


# Words that open the object of a verb: "blamed them", "named Shirasagi", "copied their CFO".
_OBJECTS = _words("them their him her his you your us everyone everybody anyone")
# Prepositions that open where or when we did something: "on the status page blamed ...".
_PLACES = _words("on in at during via through after before within across")
# Capitalised words that say when, not whom: "credit note sent Monday".
_WHEN = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday january february
    march april may june july august september october november december mon tue wed thu fri
    jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4
    """
)


def _object_follows(rest: str) -> bool:
    """Whether the words after a verb in -ed open its object (a name, or "them", "their
    team"): then the verb is active, with the words before it as its subject, not passive
    ("invoice sent to the wrong address", where "we" sent it)."""
    found = re.match(r"\s+([\w'’-]+)", rest)
    if not found:
        return False
    word = found.group(1)
    name = word[:1].isupper() and not _ordinary(word) and word.lower() not in _WHEN
    return name or word.lower() in _OBJECTS


def _as_ownership(text: str) -> str:
    """One of our mistakes, as typed in our own notes, as the other side should read it:
    shorthand spelt out, our people as "our" ("VP Sales insulted..." gives "our VP of Sales
    spoke to your team ... in a way that was not acceptable"), and a note with no subject
    ("answered with a link", "no call when...") given "we" or "there was"."""
    for pattern, instead in _SHORT_FORMS:
        text = pattern.sub(instead, text)
    harsh = _HARSH.search(text)
    if harsh:
        # the words it was said to end before a second thing done ("and called their team...")
        end = re.search(
            r"[.;,]\s|[.;]?$|\s+(?:and|but)\s+(?!(?:his|her|their|its|the)\b)", text[harsh.end() :]
        )
        cut = harsh.end() + (end.start() if end else len(text) - harsh.end())
        text = (
            text[: harsh.start()]
            + "spoke to "
            + text[harsh.end() : cut]
            + " in a way that was not acceptable"
            + text[cut:]
        )
    words = text.split()
    if not words:
        return text
    first = words[0]
    low = first.lower().strip(".,")
    keep = first.isupper() or _inner_capital(first) or not _ordinary(first.strip(".,"))
    lower = first if keep else first.lower()
    if low in ("nobody", "nothing", "none", "neither") or re.match(r"no\s+one\b", text, re.I):
        return text  # "nobody senior called you": a subject of its own, owned as it stands
    if low == "no" and len(words) > 1:
        return "there was no" + text[len(first) :]
    if low in DETERMINERS or low in ("we", "i", "you", "there", "it", "they"):
        return text
    if _OUR_PAST.match(low) or (low == "not" and len(words) > 1):
        return "we " + lower + text[len(first) :]
    role = low in ROLE_WORDS or low in _OUR_GROUPS
    if role and len(words) > 1:
        return "our " + lower + text[len(first) :]
    # "designer's email saying..." gives "our designer's email saying..."
    owner = re.fullmatch(r"([a-z-]+)['’]s", low)
    plain = first[:1].islower()  # typed in small letters: not a name
    if owner and len(words) > 1 and plain and re.search(_AGENT, owner.group(1)):
        return "our " + lower + text[len(first) :]
    # "quote didn't define..." gives "our quote didn't define...": a thing of ours that failed.
    if len(words) > 1 and plain and _THING_FAILED.match(words[1].lower()):
        return "our " + lower + text[len(first) :]
    # "commission rejected without..." gives "we rejected the commission without...";
    # "the redirect and the texts not tested" gives "... were not tested".
    thing = re.match(rf"((?:[\w'’-]+\s+){{0,5}}?[\w'’-]+)\s+(not\s+)?({_DONE})\b", text)
    named = (
        first[:1].isupper() and not _ordinary(first) and " " not in thing.group(1) if thing else 0
    )
    if (
        thing
        and not named
        and not re.search(r"\b(?:is|was|were|are|has|have|had|been|we|i)\b", thing.group(1), re.I)
    ):
        noun = lower + thing.group(1)[len(first) :]
        rest = text[thing.end() :]
        if low in _PLACES:  # "on the status page blamed X": we did; else kept as typed
            # "at the debrief our managing director blamed X" names who did it: kept as typed.
            active = (
                _object_follows(rest)
                and not thing.group(2)
                and not re.search(r"\b(?:our|my)\s", thing.group(1), re.I)
            )
            return f"{noun}, we {thing.group(3)}{rest}" if active else text
        if _object_follows(rest):  # "status page blamed Shirasagi by name": it did, not we
            return f"our {noun} {thing.group(2) or ''}{thing.group(3)}{rest}"
        if thing.group(2):
            plural = " and " in noun or noun.endswith("s")
            return f"the {noun} {'were' if plural else 'was'} not {thing.group(3)}{rest}"
        return f"we {thing.group(3)} the {noun}{rest}"
    return text


# Words that turn a fact into a verdict on fault or liability: a note carrying one is left to
# counsel's letter, never stated in an email while lawyers are involved.
_FAULT_WORDS = re.compile(
    r"\b(?:our fault|my fault|(?:is|was|were|are) on us|negligen\w*|liab\w*|breach\w*"
    r"|we are responsible|we were responsible|responsible for (?:it|this|the)|to blame"
    r"|admit\w*|culpab\w*|guilty|unacceptabl\w*|inexcusabl\w*)\b",
    re.I,
)


def facts_only(mistakes: Any) -> list[Any]:
    """The mistakes typed as ours whose words state a fact, not a verdict on fault.

    Once lawyers are involved, "our firmware had a memory leak, fixed in v3.2 on 12 November"
    is a fact the reader needs and no admission of liability; "it was our fault", "we were
    negligent" or "our breach of clause 9" are left out of the email (the plan keeps them),
    and so is a fact the tone check would flag in the draft.
    """
    kept = []
    for m in mistakes or []:
        said = (m.get("mistake") if isinstance(m, dict) else str(m)) or ""
        done = (m.get("done") if isinstance(m, dict) else "") or ""
        if not said.strip() or _FAULT_WORDS.search(said) or _FAULT_WORDS.search(done):
            continue
        # A fact the tone check reads as blame or an admission ("we told you ...") would put a
        # warning on the draft: it stays in the plan, for the conversation.
        if isinstance(m, dict) and m.get("flagged"):
            continue
        kept.append(m)
    return kept
