"""What we offer, as the reader of the email reads it: said once, in a whole sentence, in one
currency style, with no note we typed for ourselves."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash
from triage.engine.filters.words import COMMON_WORDS

# Where a typed offer divides into its terms: "; ", " - ", ", then ", ", " (never inside
# brackets, never the comma of a figure such as "8,000").
_PART_BREAK = re.compile(r"\s*;\s*|\s+[-–—]\s+|,\s+(?:then\s+)?")
# A figure that names a term: money, a share, a count ("8,000", "6,080", "75%", "760").
_FIGURE = re.compile(r"\d[\d,.]*%?")
# Money words: a term about one of these, named in the ask too, is the ask said again.
_MONEY_NOUNS = re.compile(
    r"\b(?:retention|invoice|instalments?|installments?|balance|deposit|refund|rebate"
    r"|commission|fees?|arrears|payment)\b",
    re.I,
)


def _parts(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for match in _PART_BREAK.finditer(text):
        depth = text.count("(", 0, match.start()) - text.count(")", 0, match.start())
        if depth:
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


_MONTH_AFTER = re.compile(r"\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)


def _figures(text: str) -> set[str]:
    """The figures in a term, without the days of dates ("by 18 Dec" names no sum)."""
    found = set()
    for match in _FIGURE.finditer(text):
        figure = match.group(0).rstrip(".,")
        if len(figure) > 1 and not _MONTH_AFTER.match(text, match.end()):
            found.add(figure.replace(",", ""))
    return found


def beyond_ask(offer: Any, ask: Any) -> str:
    """Filter ``beyond_ask(ask)``: the terms of our offer that our ask does not already state.
    "EUR 8,000 by 18 Dec, then 6,080/month Jan-May; rebate credited in Jan if 400t hit" beside
    the ask "sign an instalment plan: EUR 8,000 by 18 Dec, then EUR 6,080 a month" gives
    "rebate credited in Jan if 400t hit": a term that repeats one of the ask's figures, or is
    about the same money (the retention, the invoice), is said once, in the ask."""
    text = _squash(offer)
    said = _squash(ask)
    if not text or not said:
        return text
    figures = _figures(said)
    nouns = {n.lower().rstrip("s") for n in _MONEY_NOUNS.findall(said)}
    kept = []
    for part in _parts(text):
        own = {n.lower().rstrip("s") for n in _MONEY_NOUNS.findall(part)}
        if (_figures(part) & figures) or (own & nouns):
            continue
        kept.append(part)
    if len(kept) == len(_parts(text)):
        return text
    if kept:
        # "X, and a short call" with X said in the ask keeps "a short call", never "and a ...".
        kept[0] = re.sub(r"^(?:and|plus|also)\s+", "", kept[0], flags=re.I)
    return ", ".join(kept)


_WE_WILL = re.compile(r"(?:we|I)\s+(?:will|can|would|shall)\b|(?:we|I)['’](?:ll|d)\b", re.I)
_WE = re.compile(r"we\s+(?!will\b|can\b|would\b|shall\b|are\b|have\b|had\b|were\b)", re.I)


_BASE = {
    "credited": "credit",
    "paid": "pay",
    "released": "release",
    "refunded": "refund",
    "waived": "waive",
    "deducted": "deduct",
    "returned": "return",
    "reimbursed": "reimburse",
    "repaid": "repay",
}
_DONE_TERM = re.compile(
    rf"(?:the\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?P<verb>{'|'.join(_BASE)})\b(?P<rest>.*)",
    re.I,
)


# Terms that are not ours to give: what they would do (a signed variation order, their
# payment) and the ending of the agreement, which is news or a notice, never an offer.
_THEIR_ACT = re.compile(
    r"^(?:(?:a|the|your|their)\s+)?(?:signed\b|signature\b|payment\s+(?:of|from|by)\b)|"
    r"^(?:you|they)\s+(?:pay|sign|confirm|agree|accept)\b",
    re.I,
)
_ENDING = re.compile(
    r"\s*(?:,|;)?\s*(?:\band\s+|\bthen\s+)?(?:we\s+)?\b(?:end|terminate|close|exit|leave|wind\s+down)"
    r"\s+(?:the|our|this|your)\s+(?:[\w-]+\s+){0,2}(?:agreement|contract|arrangement|partnership|"
    r"relationship|retainer|subscription|cooperation|collaboration)\b[^,;]*",
    re.I,
)
_GIVING = re.compile(
    r"(?:pay|credit|refund|waive|cancel|cover|reimburse|replace|repair|write\s+off|reduce|"
    r"lower|cut|extend)\b",
    re.I,
)
# Ordinary words an offer opens with, never a name: "Free re-shoot", "Critical-device backlog".
_OFFER_WORDS = frozenset(
    [
        "critical",
        "free",
        "full",
        "extra",
        "additional",
        "independent",
        "priority",
        "dedicated",
        "daily",
        "weekly",
        "monthly",
        "annual",
        "partial",
        "immediate",
        "express",
        "urgent",
        "complimentary",
        "written",
        "new",
        "revised",
        "reduced",
        "discounted",
        "replacement",
        "reimbursement",
        "refund",
        "credit",
        "goodwill",
        "backlog",
        "same",
        "next",
        "two",
        "three",
        "one",
        "half",
        "double",
    ]
)
_OR = re.compile(r"^(?:or|alternatively)\s*,?\s+(.+)$", re.I)
# An offer typed as an instruction whose act only the other side can do: withdrawing their
# note or claim, signing, approving; paying or settling too when the money is theirs to pay
# ("Pay the undisputed 58,850,000 now; we agree the index by 15 January").
_THEIR_BARE = re.compile(r"(?:withdraw|sign|countersign|approve|accept|release)\b", re.I)
_THEIR_PAY = re.compile(r"(?:pay|settle|clear)\b", re.I)
_FIGURE_FIRST = re.compile(r"(?:[A-Z]{3}\s*)?[$£€¥₹]?\s*\d")


def ending_of(offer: Any) -> str:
    """Filter ``ending_of``: the end of the agreement a typed offer carries ("close the referral
    agreement with 30 days notice"), to be said as news of its own, or ''."""
    found = _ENDING.search(_squash(offer))
    if not found:
        return ""
    text = re.sub(r"^[\s,;]*(?:and\s+|then\s+)?(?:we\s+)?", "", found.group(0))
    return text.strip(" ,;")


def has_figure(offer: Any) -> bool:
    """Filter ``has_figure``: whether an offer names a sum or a share ("JPY 2,800,000",
    "15%"), which our own approval must come before in writing."""
    return bool(re.search(r"\d[\d,.]*\s*(?:%|k\b|m\b)|\d{3,}", _squash(offer)))


def only_given(offer: Any) -> str:
    """Filter ``only_given``: the terms of a typed offer that we give. What the other side
    would do ("signed variation order for SGD 48,600") and the end of the agreement ("and end
    the affiliate agreement on 30 days' notice") are left out: an ask and an ending are not
    offers, and read as a trick under that heading."""
    text = _ENDING.sub("", _squash(offer)).strip(" ,;")
    head, sep, tail = text.partition(", or ")
    if sep and _THEIR_ACT.match(head):
        return "or " + tail
    if _THEIR_ACT.match(text):
        return ""
    return text


def offer_said(
    offer: Any, they_pay: bool = False, claimed: Any = None, we_owe: bool = False
) -> str:
    """Filter ``offer_said(they_pay, claimed, we_owe)``: what we offer as a sentence of our
    own. A clause with us as its subject is proposed ("we split the extra guests 50/50" gives "I propose that we split
    the extra guests 50/50."); one that already says what we will do is said as it is ("We will
    ..."); a list of terms is offered in a sentence ("We would also like to offer a free
    re-shoot."), never under a heading that reads as a list of concessions; an apology among
    them is said as what I will do ("I will apologise to your team in person."), never offered.

    An instruction whose act is theirs is proposed to them ("withdraw the debit note; we will
    absorb the airfreight" gives "I propose that you withdraw the debit note, and we will absorb
    the airfreight."), and so is paying when ``they_pay`` (the money is owed to us): the
    sentence never has us pay what they owe. With ``they_pay``, terms that open with a figure
    are what we propose, not something we give; and when the figure is the sum claimed
    (``claimed``), they only repeat the ask, so nothing is said. With ``we_owe`` (the money
    is theirs), paying, refunding or reimbursing is said as what we will do. An offer typed as
    what we do ("We cover the DKK 38,500 cost"), of something only we give and with nothing
    asked in return, is decided: said as "We will ...", never proposed."""
    said = _whole_terms(_offer_said(offer, they_pay, claimed))
    if we_owe and _OWED_PAY.match(said) and not _BARGAIN.search(said):
        # Money we owe them ("We pay CAD 15,620 for the 31 confirmed clients") is a commitment,
        # never proposed for them to weigh; a goodwill or settlement payment stays a proposal.
        return "We will " + said[len("I propose that we ") :]
    if (
        _DECIDED.match(_squash(offer))
        and said.startswith("I propose that we ")
        and not (_BARGAIN.search(said) or _UPON.search(said))
    ):
        # Typed as what we do, with nothing asked of them ("We cover the DKK 38,500 cost of
        # the manual top-up"): the manager has decided it, so it is said as a commitment.
        return "We will " + said[len("I propose that we ") :]
    if _OUR_CANCEL.match(said) and not _BARGAIN.search(said) and not _UPON.search(said):
        # Cancelling or waiving our own invoice, or crediting what the contract gives them,
        # needs nobody's agreement: typed as what we do ("We cancel invoice AP-3318 in full"),
        # it is said as done, never as negotiable.
        return "We will " + said[len("I propose that we ") :]
    return said


# A term after the first typed with no verb of its own ("; your job data exported to you as
# a spreadsheet"): said with one ("your job data will be exported to you ...").
_BARE_PASSIVE = re.compile(
    r"(?<=; )((?:your|our|the|all|any|each|every)\b[^;,.]{0,50}?)\s+"
    r"((?!need|feed|seed|speed|bed|red|shed)[a-z]+ed|sent|given|kept|done|made|shown|written|paid|"
    r"sold|held|built|set up)\b"
)
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|be|can|could|must)\b", re.I)


def _whole_terms(said: str) -> str:
    """``said`` with each term after a semicolon that lacks a verb given one."""

    def fix(found: re.Match[str]) -> str:
        if _FINITE.search(found.group(1)):
            return found.group(0)
        return f"{found.group(1)} will be {found.group(2)}"

    return _BARE_PASSIVE.sub(fix, said)


_OUR_CANCEL = re.compile(r"I propose that we (?:cancel|waive|write off|withdraw|credit) ")
# An offer typed as what we do, in the present, of something only we give ("We cover ...",
# "We replace the 14 transducers free of charge"): decided, not proposed.
_DECIDED = re.compile(
    r"^\s*we\s+(?:cover|pay|refund|reimburse|credit|absorb|waive|cancel|replace|repair|redo|"
    r"supply|deliver|provide|include|extend|give|send|fix|write\s+off)\b",
    re.I,
)
# A term that waits on something ("credit the rebate in January if 400t is hit") stays a proposal.
_UPON = re.compile(r"\b(?:if|unless|once|subject to|provided|when)\b", re.I)


_OWED_PAY = re.compile(r"I propose that we (?:pay|reimburse|refund|repay) ")
_BARGAIN = re.compile(
    r"goodwill|settlement|one-off|full and final|in exchange|\bif you\b|provided", re.I
)


def _offer_said(offer: Any, they_pay: bool = False, claimed: Any = None) -> str:
    """``offer_said`` without the commitment for money we owe."""
    text = only_given(offer).rstrip(" .;:,")
    if not text:
        return ""
    sorry, text = _apology_part(text)
    if sorry:
        rest = _offer_said(text, they_pay, claimed) if text else ""
        return sorry + (" " + rest if rest else "")
    if _THEIR_BARE.match(text) or (they_pay and _THEIR_PAY.match(text)):
        first, *parts = [part for part in re.split(r"\s*;\s*", text) if part]
        said = "I propose that you " + first[:1].lower() + first[1:]
        for part in parts:
            joined = part if _WE_WILL.match(part) else "that " + part
            said += ", and " + joined[:1].lower() + joined[1:]
        return said + "."
    alternative = _OR.match(text)
    if alternative:
        # "or we go through the quote line by line": an alternative to what we ask, left over
        # once the ask is said on its own.
        rest = alternative.group(1)
        rest = re.sub(r"^we\s+(?!will\b|can\b)", "we can ", rest, flags=re.I)
        return "If you prefer, " + rest + "."
    done = _DONE_TERM.fullmatch(text)
    if done and "," not in text and ";" not in text:
        # "rebate credited in Jan if 400t hit": a term with no subject, said as what we do.
        verb = _BASE.get(done.group("verb").lower(), "")
        text = f"we {verb} the {done.group('what')}{done.group('rest')}"
    if _GIVING.match(text):
        # "pay the stock value through our insurer", typed as a note: what we propose to do.
        return "I propose that we " + text[:1].lower() + text[1:] + "."
    if _WE_WILL.match(text):
        return text[:1].upper() + text[1:] + "."
    if _WE.match(text):
        if re.search(r"\band\s+will\b", text, re.I):
            # "we accept part payment in naira and will agree a schedule": already a whole
            # statement of ours; "I propose that we ... and will ..." does not parse.
            return text[:1].upper() + text[1:] + "."
        return "I propose that " + text[:1].lower() + text[1:] + "."
    if they_pay and _FIGURE_FIRST.match(text):
        figure = re.search(r"\d[\d,.]*", text)
        digits = re.sub(r"[,.]\d{2}$", "", figure.group(0) if figure else "")
        if claimed and digits.replace(",", "").replace(".", "") == str(int(float(claimed))):
            return ""
        return "What we propose: " + text + "."
    first = text.split()[0]
    if first[1:2].islower() and first.split("-")[0].lower() in COMMON_WORDS | _OFFER_WORDS:
        # "Critical-device backlog cleared ...": an ordinary word, not a name, after the colon.
        text = text[:1].lower() + text[1:]
    # "a full report by Monday and we pay for monitoring": the second term is ours to do.
    text = re.sub(r",?\s+and\s+we\s+(?!will\b|would\b|can\b)", ", and we will ", text)
    if _THING.match(text):
        head, _, rest = text.partition(" ")
        if head.istitle() and head.lower() in _THING_WORDS:
            text = head.lower() + (" " + rest if rest else "")  # "A free audit": mid-sentence
        return "We would also like to offer " + text + "."
    if _NOUN_FIRST.match(text) and text.split()[0].lower() not in _OUR_VERBS:
        # "commission on renewals until 31 March": a thing we give, offered.
        return "We would also like to offer " + text + "."
    if text.split()[0].lower() in _OUR_VERBS:
        # "keep the 2026 fee for January while you check the clause": typed as a note to do,
        # said as what we will do, never "On our side: keep ...".
        return "We will " + text[:1].lower() + text[1:] + "."
    # Terms typed as results ("backlog cleared by 15 December"): what we do, not a thing offered.
    return "On our side: " + text + "."


# Verbs a typed offer opens with when it is a note of what we will do.
_OUR_VERBS = frozenset(
    [
        "keep",
        "hold",
        "freeze",
        "extend",
        "waive",
        "honour",
        "honor",
        "absorb",
        "defer",
        "pause",
        "cover",
        "leave",
        "move",
        "reduce",
        "send",
        "fix",
        "replace",
        "repair",
        "redo",
        "re-run",
        "rerun",
        "restore",
        "reinstate",
        "upgrade",
    ]
)


# A term that names a thing we give ("a free audit", "two replacement units", "15% off",
# "EUR 8,000"): offered in a sentence.
_THING_WORDS = [
    "a",
    "an",
    "the",
    "our",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "ten",
    "twelve",
    "free",
    "full",
    "any",
    "all",
    "some",
    "each",
    "every",
    "another",
    "extra",
    "half",
]
# A noun followed by what it is of ("buy-back of your saleable stock") is a thing offered too.
_THING = re.compile(
    r"(?i:(?:" + "|".join(_THING_WORDS) + r")\b)|[A-Z]{3}\b|[€£$\d]|[a-z][\w-]*\s+of\b"
)


# An apology typed among what we offer ("a personal apology from us to your team"): it is owed,
# never a term we trade, so it is said as what I will do.
_APOLOGY = re.compile(
    r"(?:^|(?<=,\s)|(?<=;\s)|(?<=\band\s))(?:an?\s+)?(?:(?P<how>personal|written|formal|public"
    r"|in-person|face-to-face)\s+)?apology(?:\s+(?:from|by)\s+(?P<by>us|me|our\s[^,;]+?|[A-Z][^,;]+?))?"
    r"(?:\s+(?P<prep>to|for)\s+(?P<to>[^,;]+?))?(?=\s*(?:[,;]|\band\b|$))",
    re.I,
)
_HOW = {
    "personal": " in person",
    "in-person": " in person",
    "face-to-face": " in person",
    "written": " in writing",
    "formal": "",
    "public": " publicly",
}


def _apology_part(text: str) -> tuple[str, str]:
    """The apology in a typed offer as a sentence of mine ("I will apologise in person to your
    team."), and the rest of the offer without it; ("", text) when it holds none."""
    match = _APOLOGY.search(text)
    if not match:
        return "", text
    how = _HOW.get((match.group("how") or "").lower(), "")
    by = (match.group("by") or "").strip()
    who = "I" if not by or by.lower() in {"us", "me"} else by[:1].upper() + by[1:]
    verb = (
        "will formally apologise"
        if (match.group("how") or "").lower() == "formal"
        else "will apologise"
    )
    to = (match.group("to") or "").strip() or "you"
    if (match.group("prep") or "").lower() == "for":
        # "a written apology for the 20 November email": for what, not to whom
        said = f"{who} {verb}{how} for {to}."
    else:
        said = f"{who} {verb} to {to}{how}."
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    rest = re.sub(r"^(?:and\s+|,\s*|;\s*)+|(?:\s*,|\s*;|\s+and)+$", "", rest).strip()
    rest = re.sub(r"\s*,\s*,\s*|\s+,", ", ", rest)
    return said, rest


# A note we typed for ourselves about a number the email was to carry ("mobile number in the
# email"): the email carries a placeholder to fill in instead, and the user is told.
PHONE_PLACEHOLDER = "[YOUR PHONE NUMBER]"
_SELF_NOTE = re.compile(
    r",?\s*(?:(?:and|with)\s+)?(?:my\s+|our\s+)?(?:mobile|phone|direct(?:\s+line)?|cell)"
    r"(?:\s+(?:number|no\.?))?\s+(?:is\s+)?(?:in|below|at\s+the\s+(?:foot|bottom)\s+of|under)"
    r"\s+(?:the|this|my)\s+(?:email|e-mail|mail|signature)\b",
    re.I,
)


def self_notes(value: Any) -> str:
    """Filter ``self_notes``: typed text with a note to ourselves about a number the email
    should carry turned into what the reader sees: "I am your named contact, mobile number in
    the email" gives "I am your named contact; my mobile number is [YOUR PHONE NUMBER]"."""
    text = _squash(value)
    return _SELF_NOTE.sub("; my mobile number is " + PHONE_PLACEHOLDER, text) if text else ""


# How each currency is written, beside its code: the signs readers of that currency use.
_SIGNS = {
    "EUR": ("€",),
    "GBP": ("£",),
    "USD": ("US$", "$"),
    "ZAR": ("R",),
    "JPY": ("¥",),
    "INR": ("₹", "Rs"),
    "AUD": ("A$", "AU$", "$"),
    "NZD": ("NZ$", "$"),
    "CAD": ("C$", "CA$", "$"),
    "SGD": ("S$", "$"),
    "CHF": ("Fr.",),
}
_NUMBER = r"\d[\d,]*(?:\.\d{1,2})?"


def one_money_style(value: Any, currency: Any) -> str:
    """Filter ``one_money_style(currency)``: an email's amounts in the email's currency written
    one way throughout. Where the code and a sign are mixed, the code is kept, as the manager
    types it beside the figures they care about: "ZAR 3,400" and "R3,400" give "ZAR 3,400"
    twice; "EUR 8,000" and "€6,080" give "EUR 6,080". An email written with signs only stays."""
    text = str(value or "")
    code = _squash(currency).upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or not text:
        return text
    signs = sorted(_SIGNS.get(code, ()), key=len, reverse=True)
    sign_re = "|".join(re.escape(s) for s in signs)
    by_code = re.compile(rf"\b{code}\s?(?={_NUMBER})")
    by_sign = re.compile(rf"(?<![\w$])(?:{sign_re})\s?(?={_NUMBER})") if signs else None
    first_code = by_code.search(text)
    first_sign = by_sign.search(text) if by_sign else None
    if not first_code or not first_sign:
        return text
    return by_sign.sub(code + " ", text) if by_sign else text


_NOW = re.compile(r"\b(?:now|immediately|straight\s+away|at\s+once|today|this\s+week)\b", re.I)


def asks_now(ask: Any) -> bool:
    """Filter ``asks_now``: whether an ask wants its money at once ("release AED 111,000 of
    the retention now"), which an email that lets the money wait cannot also say."""
    return bool(_NOW.search(_squash(ask)))


# Work an offer promises to finish ("and deliver both modules by January 15"): owed already
# under the work as agreed, so never one side of a trade.
_OWED_WORK = re.compile(
    r"(?:^(?:we\s+(?:will\s+)?)?|\s+and\s+(?:we\s+(?:will\s+)?)?)"
    r"(?P<work>(?:deliver|complete|finish|ship)\b[^;,]*)$",
    re.I,
)


def owed_work(offer: Any) -> str:
    """Filter ``owed_work``: the work still to be done that an offer lists as a term ("we
    reduce the invoice to USD 9,250 and deliver both modules by January 15" gives "deliver
    both modules by January 15"), or ''."""
    found = _OWED_WORK.search(_squash(offer).rstrip(" ."))
    return found.group("work") if found else ""


def without_owed_work(offer: Any) -> str:
    """Filter ``without_owed_work``: the offer without the work it lists as a term (see
    ``owed_work``): "we reduce the invoice to USD 9,250"."""
    text = _squash(offer).rstrip(" .")
    found = _OWED_WORK.search(text)
    return text[: found.start()].strip() if found else text


# An admission typed into what we offer: "we accept liability for both excursions and will
# settle ...", "we admit full liability; we will pay ...". Said before the insurer (or our
# lawyer) has agreed, it can cost us the cover that pays for the offer.
_ADMISSION = re.compile(
    r"\b(?:we\s+)?(?:fully\s+)?(?:accept|admit|acknowledge|concede)s?\s+(?:full\s+|our\s+|legal\s+|"
    r"total\s+|complete\s+)?(?:liability|legal\s+responsibility|fault)(?:\s+for\s+[^,;]*?)?"
    r"(?=\s*(?:,|;|$)|\s+and\s+(?:we\s+)?(?:will|shall|can)\b)",
    re.I,
)


def no_admission(offer: Any) -> str:
    """Filter ``no_admission``: what we offer, with an admission of liability or fault left out
    and what we will do kept ("We accept liability for both excursions and will settle the
    loss, through our insurer" gives "We will settle the loss, through our insurer"). An offer
    that is only the admission gives ''. The apology stays elsewhere: only the legal word goes."""
    text = _squash(offer)
    if not text or not _ADMISSION.search(text):
        return text
    kept: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        match = _ADMISSION.search(part)
        if not match:
            kept.append(part)
            continue
        before = part[: match.start()].rstrip(" ,")
        after = part[match.end() :].lstrip(" ,")
        after = re.sub(r"^and\s+(?:we\s+)?(?:will|shall|can)\s+", "", after, flags=re.I)
        if after:
            lead = "" if before else "we will "
            after = after if re.match(r"(?:we|I)\b", after, re.I) else lead + after
        said = " ".join(p for p in (before, after) if p)
        if said:
            kept.append(said[:1].upper() + said[1:] if not kept else said)
    return "; ".join(kept).strip()


# Something already owed to them, named first in what we offer: "the 25% SLA credit plus ...",
# "the service credit due under Schedule 2, and ...", "the Q3 rebate of EUR 11,750 paid this
# week, ...", "pay the undisputed part of the November invoices (GHS 318,000) this week".
_PERIOD_REBATE = (
    r"\b(?:Q[1-4]|H[12]|annual|quarterly|year-end|\d{4}|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\s+(?:volume\s+|partner\s+)?"
    r"(?:rebates?|commissions?|revenue share|bonus)\b"
)
_OWED_TERM = re.compile(
    r"\b(?:SLA|service|availability)\s+credits?\b|\bdue under\b|\bowed\b|\balready due\b|"
    r"\bcontractual\b|\bunder (?:the |our )?(?:SLA|contract|agreement|schedule \d+)\b|"
    r"\bundisputed\b|\bnot in dispute\b|\b(?:earned|accrued|overdue)\b|" + _PERIOD_REBATE,
    re.I,
)
# What is owed beyond doubt even when it is all that is typed: a service credit alone may be a
# gesture, "the undisputed part" or "the Q3 rebate" is not.
_OWED_ALONE = re.compile(
    r"\bundisputed\b|\bnot in dispute\b|\bowed\b|\balready due\b|\bdue under\b|"
    r"\b(?:earned|accrued|overdue)\b|" + _PERIOD_REBATE,
    re.I,
)
_OWED_BREAK = re.compile(
    r"\s+plus\s+|\s+on top of (?:that|it)\s*,?\s*|\s*;\s*|,\s+and\s+|\s+and\s+|,\s+(?!\d)"
)
# An owed term typed as what we do ("pay the undisputed part ... this week") or as done
# ("the Q3 rebate ... paid this week"): the verb, and what follows the thing owed.
_OWED_VERB = re.compile(
    r"^(?:we\s+(?:will\s+)?)?(?P<verb>pay|release|issue|credit|refund)\s+(?P<what>.+)$", re.I
)
_OWED_DONE = re.compile(
    r"^(?P<what>.+?)\s+(?P<verb>paid|released|issued|credited|refunded)(?P<when>(?:\s+.*)?)$", re.I
)
_WHEN = re.compile(
    r"\s+(?P<when>(?:this|next)\s+week|today|tomorrow|(?:by|on|before|within)\s+.+|now)$", re.I
)


def _owed_split(offer: Any) -> tuple[str, str]:
    text = _squash(offer).rstrip(" .;")
    if _OWED_ALONE.search(text) and not _OWED_BREAK.search(text):
        # The whole offer is what they are owed: nothing is given on top of it.
        if re.search(r"\bgoodwill\b", text, re.I):
            return "", text
        return text, ""
    found = _OWED_BREAK.search(text)
    if not found:
        return "", text
    head, rest = text[: found.start()].strip(" ,"), text[found.end() :].strip(" ,")
    if not rest or not _OWED_TERM.search(head) or re.search(r"\bgoodwill\b", head, re.I):
        return "", text
    return head, rest


def owed_part(offer: Any) -> str:
    """Filter ``owed_part``: the term of an offer that is already owed to them ("The 25% SLA
    credit plus a goodwill credit ..." gives "the 25% SLA credit"), '' when none leads it.
    Offered as ours to give, what they are owed anyway reads as a bargaining chip."""
    head, _ = _owed_split(offer)
    return head[:1].lower() + head[1:] if head and not head[1:2].isupper() else head


# A term that opens with a noun and its preposition ("commission on renewals", "referral fees
# for 2027"), not with a verb of ours.
_NOUN_FIRST = re.compile(
    r"^(?!(?:look|go|work|talk|meet|agree|check|help|sit|come|get)\b)[a-z][\w-]*(?<!ed)"
    r"(?:\s+[a-z][\w-]*(?<!ed))?\s+(?:on|for|of)\b",
    re.I,
)


def beyond_owed(offer: Any) -> str:
    """Filter ``beyond_owed``: an offer without the term already owed to them (see
    ``owed_part``): what we give on top of it."""
    head, rest = _owed_split(offer)
    if (
        head
        and rest
        and _OWED_VERB.match(head)
        and not _THING.match(rest)
        and not _WE.match(rest)
        and not _NOUN_FIRST.match(rest)
    ):
        # "pay the undisputed part ..., and look at the cut-offs": the rest is ours to do too.
        # A term that opens with a noun ("commission on renewals until March") is a thing we
        # give, never "we commission on renewals".
        return "we " + rest
    return rest


def without_signer(offer: Any, signer: Any = "") -> str:
    """Filter ``without_signer(signer)``: an offer without a term that names the person who
    signs the email ("Anne-Sofie Lund as your new service lead" in Anne-Sofie's own email):
    the email says in the first person that they lead, and a term naming them reads as if
    someone else wrote it."""
    text = _squash(offer)
    name = _squash(signer)
    if not text or not name:
        return text
    names = [name, name.split()[0]] if len(name.split()) > 1 else [name]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    parts = [p for p in re.split(r"\s*;\s*|,\s+and\s+|\s+and\s+(?=[A-Z])|,\s+(?=[A-Z])", text) if p]
    kept = [p for p in parts if not pattern.search(p)]
    if len(kept) == len(parts):
        return text
    return ", ".join(kept[:-1]) + (" and " if len(kept) > 1 else "") + kept[-1] if kept else ""


def _many(thing: str) -> bool:
    """Whether the thing owed is plural: its head noun, the last word before its details."""
    head = re.split(r"\s+(?:for|of|under|on|in|from|due|to)\s+|\s*\(|,", thing, maxsplit=1)[0]
    word = (head.split() or [""])[-1].lower()
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def owed_said(owed: Any, bare: bool = False) -> str:
    """Filter ``owed_said(bare)``: what they are owed anyway, said as theirs and as what we are
    doing, never offered: "pay the undisputed part of the invoices (GHS 318,000) this week"
    gives "We are paying the undisputed part of the invoices (GHS 318,000) this week: it is
    yours whatever else we agree."; "the Q3 rebate of EUR 11,750 paid this week" gives "The Q3
    rebate of EUR 11,750 is yours whatever else we agree, and we are paying it this week."
    With ``bare``, the words "whatever else we agree" are left out."""
    text = _squash(owed).rstrip(" .;,")
    if not text:
        return ""
    whatever = "" if bare else " whatever else we agree"
    verb_first = _OWED_VERB.match(text)
    if verb_first:
        verb = verb_first.group("verb").lower()
        doing = {"pay": "paying", "release": "releasing", "issue": "issuing", "credit": "crediting",
                 "refund": "refunding"}[verb]  # fmt: skip
        what = verb_first.group("what")
        it = "they are" if _many(_WHEN.sub("", what)) else "it is"
        return f"We are {doing} {what}: {it} yours{whatever}."
    done = _OWED_DONE.match(text)
    when = ""
    if done and done.group("what").split()[-1].lower() not in {"be", "is", "are", "was"}:
        verb = done.group("verb").lower()
        doing = {"paid": "paying", "released": "releasing", "issued": "issuing",
                 "credited": "crediting", "refunded": "refunding"}[verb]  # fmt: skip
        text, when = done.group("what"), done.group("when").strip()
    else:
        doing = "issuing" if re.search(r"\bcredit|\bnote\b", text, re.I) else "paying"
    many = _many(text)
    thing = text[:1].upper() + text[1:]
    verb_be = "are" if many else "is"
    pronoun = "them" if many else "it"
    return f"{thing} {verb_be} yours{whatever}, and we are {doing} {pronoun}{' ' + when if when else ''}."


# A gesture typed in the olive branch as unconditional: "offers the independent marketing-fund
# audit with no conditions", "the audit, unconditionally".
_GIFT = re.compile(
    r"\b(?:offers?|offering|give|gives|commission|commissions)\s+(?P<what>(?:the|an?|our)\s[^,;.]+?)"
    r"\s*,?\s+(?:with no conditions(?: attached)?|without conditions|unconditionally|"
    r"with no strings(?: attached)?)\b",
    re.I,
)


def unconditional_of(olive: Any) -> str:
    """Filter ``unconditional_of``: the gesture the olive branch gives with no conditions ("...
    and offers the independent marketing-fund audit with no conditions" gives "the independent
    marketing-fund audit"), '' for none. Bundled with what we trade, it becomes a chip."""
    match = _GIFT.search(_squash(olive))
    return match.group("what").strip() if match else ""


# A term that pays for their loss (a cost, damages, compensation): what an insurer must agree
# before we commit to it; a refund or credit of our own fees is ours to give.
_LOSS_TERM = re.compile(
    r"\b(?:cover|reimburs\w*|compensat\w*|damages|loss(?:es)?|costs?|expenses?)\b", re.I
)
_OWN_FEES = re.compile(r"\b(?:refund|credit|fees?|discount|waive\w*|rebate)\b", re.I)
_PAY_VERB = re.compile(
    r"^(?:and\s+)?(?:we\s+(?:will\s+)?|I\s+will\s+)?(?:cover|pay(?:\s+for)?|reimburse|meet"
    r"|bear|absorb|compensate\s+you\s+for)\s+",
    re.I,
)
_ITS_FIGURE = re.compile(
    r"\s*(?:\((?:about\s+|approx\.?\s+)?[A-Z]{3}\s?[\d,.]+[km]?\)|(?:,\s*|\s+)(?:of|at|for|worth)?\s*"
    r"(?:about\s+|approx\.?\s+|up\s+to\s+)?(?:[A-Z]{3}|[€£$])\s?[\d,.]*\d(?:\s*(?:[km]\b|million\b))?)",
)


def insurer_first(offer: Any) -> str:
    """Filter ``insurer_first``: our offer with each term that pays for their loss at a figure
    ("we cover the well-boat treatment cost of NOK 410,000") said as a promise to settle it,
    with the figure to follow ("we will settle the well-boat treatment cost with you, and I
    will confirm the figure once we have gone through it together"): used while our insurer
    (or lawyer) has not yet agreed it, since a sum committed in writing before then can cost us
    the cover. Our own fees refunded or credited stay as typed."""
    text = _squash(offer).rstrip(" .;")
    if not text:
        return ""
    out: list[str] = []
    for part in re.split(r"(,\s+and\s+|;\s+|\s+and\s+(?=we\b))", text):
        if (
            _LOSS_TERM.search(part)
            and not _OWN_FEES.search(part)
            and _FIGURE.search(part)
            and _ITS_FIGURE.search(part)
        ):
            thing = _ITS_FIGURE.sub("", part).strip(" ,")
            thing = _PAY_VERB.sub("", thing).strip()
            if not thing.lower().startswith(("the ", "your ", "their ", "our ")):
                thing = "the " + thing
            said = (
                f"we will settle {thing} with you, and I will confirm the figure once we "
                "have gone through it together"
            )
            if out:
                # A sentence of its own after what we give now: never "..., and ..., and ...".
                out[-1] = ". "
                said = said[:1].upper() + said[1:]
            part = said
        out.append(part)
    return "".join(out)


def without_term(value: Any, word: Any) -> str:
    """Filter ``offer | without_term(word)``: the typed offer without the terms that name
    ``word`` ("a without-prejudice meeting with a mediator ..." on the way to mediation, which
    the email proposes once already). Terms are split at semicolons and at ", and"."""
    text = _squash(value)
    terms = re.split(r";\s*|,\s+and\s+", text)
    kept = [t for t in terms if not re.search(rf"\b{re.escape(_squash(word))}", t, re.I)]
    if len(kept) == len(terms):
        return text
    return "; ".join(t.strip(" ,;") for t in kept if t.strip(" ,;"))


# A note the manager typed to themselves in brackets, pasted into a draft: an internal sign-off
# ("(CFO agreed)", "(MD approved)", "(finance OK'd)", "(TBC)") or a count kept for our own
# sums ("(9 months left)", and a bare "(3 months)" straight after an amount).
_ASIDE = re.compile(
    r"\s*\((?:(?:our\s+)?[\w.&-]+(?:\s+[\w.&-]+)?\s+(?:agreed|approved|signed[ -]off|ok'?d|okayed"
    r"|confirmed|happy|fine with it)|tbc|tbd|to be confirmed|internal(?:\s+only)?"
    r"|\d+\s+(?:days?|weeks?|months?|years?)\s+(?:left|remaining|to go))\)",
    re.I,
)
_AMOUNT_COUNT = re.compile(
    r"((?:[A-Z]{3}\s?|[€£$¥₹])\d[\d,.]*(?:\s?[kKmM]\b)?)\s*\(\d+\s+(?:days?|weeks?|months?|years?)\)"
)


def without_asides(value: Any) -> str:
    """Filter ``without_asides``: a draft without the bracketed notes its typed text carried
    for ourselves: "against 50% prepayment (CFO agreed)" gives "against 50% prepayment", "a
    refund of EUR 480 (3 months) and out of your contract (9 months left)" gives "a refund of
    EUR 480 and out of your contract". Brackets that tell the reader something (an amount, an
    invoice number, a time in their zone) stay."""
    text = str(value or "")
    text = _AMOUNT_COUNT.sub(r"\1", text)
    return _ASIDE.sub("", text)


# A term with legal weight: covering their costs or losses, damages or liquidated damages,
# an indemnity, liability, compensation, a penalty or a credit beyond the contract. In an
# open email that counsel reads first it is for the meeting or our lawyer's letter.
_LEGAL_WEIGHT = re.compile(
    r"\b(?:cover|covers|covering|bear|bears|meet|meets|pay(?:s|ing)?\s+for|reimburse|refund)\b"
    r"[^,;]{0,40}\bcosts?\b|liquidated damages|\bLDs?\b|\bindemni|\bliabilit|\bcompensat|"
    r"\bdamages\b|\bpenalt(?:y|ies)\b|\bgoodwill\b|\bcredit (?:of|note)\b",
    re.I,
)
# Where one term of a typed offer ends and the next begins.
_TERM_SPLIT = re.compile(
    r"\s*;\s*|,\s+(?:and|plus)\s+|\s+plus\s+|\s+and\s+(?=(?:a\s+)?written confirmation\b)|"
    r",\s+(?!(?:about|against|around|roughly|approx\w*|at|in|on|by|for|to|from|until|till|as|"
    r"including|excluding|which|who|payable|paid|less|net|per|each|half|then|rising|falling|"
    r"i\.e\.|e\.g\.)\b)(?=[A-Za-z])",
    re.I,
)
# Terms already done or said elsewhere in the email: a call the email itself proposes, written
# confirmation (the email is one), a report the email says is attached, a payment it says is made.
_CALL_TERM = re.compile(
    r"^(?:a\s+)?(?:short\s+|quick\s+|brief\s+)?(?:phone\s+|video\s+)?call\b", re.I
)
_CONFIRM_TERM = re.compile(r"^(?:a\s+)?(?:short\s+)?written confirmation\b", re.I)
_NOW = re.compile(
    r"\b(?:today|tonight|this week|immediately|at once)\b|(?<!from )\bnow\b(?! on)", re.I
)


_PAY_WORDS = frozenset(
    ["pay", "paid", "paying", "payment", "full", "today", "tonight", "this", "week", "now"]
)


def _already_paid(term: str, said_low: str) -> bool:
    """Whether ``term`` is a short payment made now ("full payment today", "pay Q3 commission
    now") that the email's own lines already say is made: they share a word of its own."""
    low = term.lower()
    if (
        len(low.split()) > 6
        or not _NOW.search(term)
        or not re.search(r"\bpa(?:y|id|ying|yment)\b", low)
    ):
        return False
    if not re.search(r"\b(?:paid|paying|being paid)\b", said_low):
        return False
    own = {w for w in re.findall(r"[a-z0-9]+", low) if (len(w) >= 4 or any(c.isdigit() for c in w))}
    said = set(re.findall(r"[a-z0-9]+", said_low))
    return bool((own - (_PAY_WORDS - {"full"})) & said)


def offer_terms(offer: Any) -> list[str]:
    """The terms of a typed offer, one per item: "a full report tonight, our lead on call, and
    we cover the cost" gives three; "... by 22 January, with LDs accrued until then" gives the
    "with ..." tail as a term of its own."""
    text = _squash(offer).rstrip(" .;:,")
    return [t.strip() for t in _TERM_SPLIT.split(text) if t and t.strip()]


_PLUS_TAIL = re.compile(r"(?P<head>[^,;]*?)\s+plus\s+(?P<tail>[^,;]+)", re.I)


def paid_extra(offer: Any, said: Any = "") -> str:
    """Filter ``paid_extra(said)``: what a payment already made "today" brings with it ("full
    payment today plus statutory late interest" gives "statutory late interest" when ``said``
    already says the payment is made): said with the payment, never offered."""
    for found in _PLUS_TAIL.finditer(_squash(offer)):
        if _already_paid(found.group("head").strip(), _squash(said).lower()):
            return found.group("tail").strip()
    return ""


def legal_terms(offer: Any) -> list[str]:
    """Filter: the terms of ``offer`` that carry legal weight (cost cover, damages, an
    indemnity, liability, a penalty, a goodwill credit)."""
    return [t for t in offer_terms(offer) if _LEGAL_WEIGHT.search(t)]


_YOU_PAY_AND = re.compile(r"^(?:you|they)\s+pay\s+(?P<what>.+?)\s+and\s+(?P<we>we\s+.+)$", re.I)


def new_terms(
    offer: Any,
    said: Any = "",
    call_offered: Any = False,
    hold_legal: Any = False,
    asked_pay: Any = False,
) -> str:
    """Filter ``new_terms(said, call_offered, hold_legal)``: what of ``offer`` is new to the
    reader and may be offered. Dropped: a call when the email itself proposes one
    (``call_offered``); "written confirmation", which the email is; a report the email says is
    attached; a payment made "today" or "now" that ``said`` (the email's own lines) already
    states; and, with ``hold_legal``, any term with legal weight (see ``legal_terms``), kept
    for the meeting or our lawyer's letter. What is left is joined again as typed."""
    terms = offer_terms(offer)
    if not terms:
        return ""
    said_low = _squash(said).lower()
    kept: list[str] = []
    extra = paid_extra(offer, said)
    for term in terms:
        low = term.lower()
        if extra and term == extra:
            continue
        if call_offered and _CALL_TERM.match(term):
            continue
        if _CONFIRM_TERM.match(term):
            continue
        if (
            "report" in low
            and "report" in said_low
            and ("attached" in said_low or "sent" in said_low)
        ):
            continue
        if _already_paid(term, said_low):
            continue
        if hold_legal and _LEGAL_WEIGHT.search(term):
            continue
        swap = _YOU_PAY_AND.match(term) if asked_pay else None
        if swap:
            # "you pay the three retainer invoices and we hand over the files", beside our ask
            # for that payment: the payment is asked once, in the ask; the term keeps its
            # condition ("we hand over the files once the three retainer invoices are paid").
            what = swap.group("what").strip()
            verb = "are" if what.split()[-1].lower().endswith("s") else "is"
            term = f"{swap.group('we')} once {what} {verb} paid"
        elif asked_pay and re.match(r"^(?:you|they)\s+pay\b", term, re.I):
            continue
        kept.append(term)
    if kept == terms:
        return _squash(offer).rstrip(" .;:,")
    out = ""
    for i, term in enumerate(kept):
        if i == 0:
            out = term
        elif term.lower().startswith("with "):
            out += ", " + term
        elif i == len(kept) - 1:
            out += ", and " + term
        else:
            out += ", " + term
    return out


def paid_already(term: Any, said: Any = "") -> bool:
    """Filter ``paid_already(said)``: whether ``term`` is a payment made now that ``said`` (the
    line they read first) already says is made ("pay Q3 commission now" after "Your Q3
    commission of EUR 12,400 will be paid this week")."""
    return _already_paid(_squash(term), _squash(said).lower())


_STOP_WORDS = frozenset(
    [
        "your",
        "with",
        "that",
        "this",
        "them",
        "they",
        "from",
        "have",
        "what",
        "were",
        "without",
        "telling",
    ]
)


def done_unsaid(mistakes: Any, said: Any = "") -> list[Any]:
    """Filter ``done_unsaid(said)``: our mistakes, without the note of a payment already made
    ("we paid this week") when ``said`` (the line they read first) already states that payment
    about the same thing: one fact is said once, in one tense."""
    said_low = _squash(said).lower()
    out: list[Any] = []
    if not re.search(r"\b(?:paid|paying|being paid)\b", said_low):
        return list(mistakes or [])
    said_words = set(re.findall(r"[a-z0-9]+", said_low))
    for m in mistakes or []:
        done = _squash(m.get("done") if isinstance(m, dict) else "")
        if done and re.search(r"\bpa(?:y|id|ying|yment)\b", done, re.I) and len(done.split()) <= 7:
            text = (_squash(m.get("mistake")) + " " + done).lower()
            own = {
                w
                for w in re.findall(r"[a-z0-9]+", text)
                if (len(w) >= 4 or any(c.isdigit() for c in w)) and w not in _STOP_WORDS
            } - (_PAY_WORDS - {"full"})
            if own & said_words:
                m = {**m, "done": ""}
        out.append(m)
    return out
