"""An issue's title named as a topic, and whether it reads as our internal label."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.people import _name_and_title
from triage.engine.filters.sentences import clause
from triage.engine.filters.shorthand import spell_out
from triage.engine.filters.text import _words
from triage.engine.filters.voice import _to_reader
from triage.engine.filters.words import DETERMINERS, TITLES, _ordinary

# Words that make an issue's title an internal label rather than a topic to name to the
# other side: a verdict on them ("breach", "refuses", "says"), a fight ("blowup"), lawyers.
_VERDICT_WORDS = _words(
    """
    breach breaches breached breaching refuse refuses refused refusal reject rejects rejected
    says said claims claimed alleges alleged allegation blames blamed blame
    ignore ignores ignored lie lies lied lying cheat cheated cheating scam rip-off ripoff
    blowup blow-up fiasco mess disaster nightmare threat threats threatens threatened
    lawyers lawyer solicitors solicitor sue sues suing court angry furious demands demand
    wrongly unfair bogus fake non-payment nonpayment default defaulted escalation vs versus
    """
)
# Shorthand of a note to ourselves: "A / B", "x + y", "w/", "??", "re:", "vs".
_SHORTHAND = re.compile(r"/|\s\+\s|[?!]{1,}|\bre:|\bvs\.?\b|\.\.|\bw/|->|=", re.I)
_DASH = re.compile(r"\s[-–—]\s")
_FIRST_WORD = re.compile(r"[\w'’]+")
_TRAILING_MONTH = re.compile(
    r",\s+((?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+\d{4})?)$"
)
# Capitalised words a neutral topic may hold beside ordinary words: months and days.
_WHEN = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)


def _names_someone(text: str) -> bool:
    """Whether a title split by a dash names someone: a capitalised word that is not an
    ordinary word, a month, an acronym or a code ("Krogh - pricing", "Rate card - Mette")."""
    for word in re.findall(r"[\w'’-]+", text):
        if not word[:1].isupper() or word.isupper() or any(ch.isdigit() for ch in word):
            continue
        if not _ordinary(word) and word.lower() not in _WHEN:
            return True
    return False


def _internal_label(text: str, reader: Any) -> bool:
    """Whether an issue's title reads as our own label, not as a topic to name to the other
    side: it names the reader (in the third person), carries a verdict or shorthand."""
    if _SHORTHAND.search(text) or (_DASH.search(text) and _names_someone(text)):
        return True
    low = re.findall(r"[\w'’-]+", text.lower())
    if set(low) & _VERDICT_WORDS:
        return True
    if reader is not None:
        own, _ = _name_and_title(reader)
        names = {w.lower() for w in own.split() if len(w) > 2 and w[:1].isupper()}
        names -= TITLES
        if names & set(re.findall(r"[\w'’-]+", text.lower())):
            return True
    return False


def topic(value: Any, reader: Any = None, article: bool = True) -> str:
    """Filter ``topic``: ``clause``, with "the " in front unless it already has a determiner.

    ``"Q3 referral fees"`` gives ``"the Q3 referral fees"``; ``"Our late invoices."`` gives
    ``"our late invoices"``; a number, an amount, a possessive (``Acme's``) or an action in
    -ing (``"ending the retainer"``) keeps no "the"; "pricing" and the like are things.

    ``topic(reader)`` is for a draft the other side reads (``reader``: their contact, or ''):
    a title that reads as our internal label gives '', so the draft can name the topic in
    neutral words instead. A label names the reader ("Krogh - Mette says SLA breach"), carries
    a verdict ("breach", "refused", "says", "blowup", "lawyers") or shorthand ("/", " + ",
    "??", "vs", "->", "="), or is split by a dash around a name ("Krogh - pricing"). A
    neutral title with a dash passes ("Rate card - revision rounds"). What the title says is
    theirs becomes the reader's: "our claim and their contra-charges" gives "our claim and
    your contra-charges", and our notes' shorthand is spelt out ("IPC 14 deduction & EOT" gives
    "the interim payment certificate 14 deduction and an extension of time"). ``article=false`` leaves out the "the " it would add, for a subject
    line: "Q3 referral fees" stays "Q3 referral fees".
    """
    text = clause(value)
    if not text:
        return ""
    if reader is not None and _internal_label(text, reader):
        return ""
    if reader is not None:  # "our claim and their contra-charges": theirs are the reader's
        text = _to_reader(spell_out(text), "")
        # a label's trailing month ("standby invoices, August") reads "for August"
        text = _TRAILING_MONTH.sub(r" for \1", text)
    if not article:
        return text
    first = _FIRST_WORD.match(text)
    word = first.group(0).lower() if first else ""
    owner = word.endswith(("'s", "’s", "s'", "s’"))
    gerund = word.endswith("ing") and len(word) > 5 and word not in _ING_NOUNS
    if gerund and text[:1].isupper() and not text[1:2].isupper():
        return text[0].lower() + text[1:]  # "Ending the retainer" reads mid-sentence
    if text[0].isdigit() or text[0] in "£$€¥" or owner or gerund or word in DETERMINERS:
        return text
    return "the " + text


# Words in -ing that name a thing rather than an action: "the pricing", "the meeting".
_ING_NOUNS = _words(
    """
    pricing meeting meetings billing building buildings booking bookings briefing funding
    hosting invoicing labelling labeling licensing listing listings marketing onboarding
    packaging planning ranking rating reporting routing scheduling shipping staffing
    training warning warnings wording offering offerings opening ceiling landing setting
    settings handling filing boarding catering cleaning consulting engineering
    """
)
