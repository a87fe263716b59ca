"""What we ask of the other side, apart from the fallback kept for our own eyes."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

__all__ = ["ask_fallback", "asks_payment", "opening_ask", "owed_thing"]

# Where a typed ask goes on to a fallback we would settle for: "pay the balance, or half and
# we're done", "full refund - at least 50%", "... (would accept 5k)".
_FALLBACK = re.compile(
    r"\s*(?:[,;(]|\s-+|\s–|\s—)?\s*(?:"
    r"(?:or|else|otherwise)\s+(?:at\s+(?:least|minimum|a\s+push)\b|failing\s+that\b|worst\s+case\b"
    r"|(?:just\s+|only\s+)?(?:half|a\s+third|a\s+quarter|\d[\d,.]*\s*%|[£€$]?\s?\d[\d,.]*k?\b).*?"
    r"(?:\bwe'?re\s+done\b|\bcall\s+it\s+quits\b|\bsettle\b|\bfine\b|\bok(?:ay)?\b|\baccept\b|$))"
    r"|at\s+(?:the\s+)?(?:very\s+)?(?:least|minimum|a\s+push)\b"
    r"|worst\s+case\b|failing\s+that\b|fallback\b|bottom\s+line\b"
    r"|(?:we|i)(?:'d|\s+would|\s+could|\s+can)\s+(?:settle|accept|live\s+with|take)\b"
    r"|would\s+(?:settle|accept|take)\b"
    r").*$",
    re.I | re.S,
)


def opening_ask(value: Any) -> str:
    """Filter ``opening_ask``: what we ask of the other side, without the fallback a manager
    may have typed after it, which must never reach them in writing.

    ``"pay the balance, or half and we're done"`` gives ``"pay the balance"``; ``"full
    refund, would accept 60%"`` gives ``"full refund"``; an ask with no fallback is kept as
    typed. Use :func:`ask_fallback` to show the dropped part to our own side.
    """
    text = _squash(value)
    cut = _FALLBACK.search(text)
    if not cut or cut.start() == 0:
        return text
    return text[: cut.start()].rstrip(" ,;:-–—(")


def ask_fallback(value: Any) -> str:
    """The fallback :func:`opening_ask` leaves out of ``value`` ('' when there is none)."""
    text = _squash(value)
    kept = opening_ask(text)
    return text[len(kept) :].strip(" ,;:-–—()") if kept != text else ""


_PAY_VERB = re.compile(r"^\s*(?:pay|settle|clear|release|cover|reimburse)\s+(?:for\s+)?", re.I)
_WHEN = re.compile(
    r"\s*(?:,\s*)?\b(?:by|before|within|no\s+later\s+than|with\s+the)\b.*$|\s*(?:,|;)\s*or\b.*$",
    re.I,
)


def owed_thing(value: Any) -> str:
    """Filter ``owed_thing``: what a payment ask is about, without asking for it: "pay invoice
    IE-2611 (EUR 4,800) by 18 Dec" gives "invoice IE-2611 (EUR 4,800)"; '' for an ask that is
    not for a payment. An email that puts the money off names it this way, and asks nothing."""
    text = opening_ask(value)
    found = _PAY_VERB.match(text)
    if not found:
        return ""
    return _WHEN.sub("", text[found.end() :]).strip(" ,;")


_PAYMENT = re.compile(
    r"\b(?:pay|pays|paid|paying|payments?|settle|arrears|overdue|outstanding|remit\w*)\b", re.I
)


# Money asked for without a word for paying: "release the USD 182,000 final milestone", "free up
# the retention". A sum to review together ("review invoice KH-4410 (GBP 14,600) with us") is not.
_MONEY_ASKED = re.compile(
    r"\b(?:release|free up|unblock|unfreeze)\b[^;.]*?\b(?:milestone|"
    r"retention|holdback|invoice|funds|money|instalment|installment)s?\b",
)


def asks_payment(value: Any) -> bool:
    """Filter ``asks_payment``: whether an ask is for money ("resume marketing fund payments",
    "pay the 3 call-outs", "release the USD 182,000 final milestone"), which an email that puts
    the money off must not make."""
    ask = opening_ask(value)
    return bool(_PAYMENT.search(ask) or _MONEY_ASKED.search(ask))


# The money part of an ask, after what else we ask: "... and release the October invoice once
# cure is accepted", "..., and pay the August statement".
_MONEY_TAIL = re.compile(
    r",?\s+and\s+(?:then\s+)?(?:release|pay|settle|clear|credit|refund)\b[^;]*?"
    r"\b(?:invoices?|payments?|statements?|fees?|balance|arrears|amount|sum|retention)\b.*$",
    re.I,
)


def ask_without_money(value: Any) -> str:
    """Filter ``ask_without_money``: what we ask, without the money asked after it ("confirm in
    writing what evidence will count as cure and release the October invoice" gives "confirm
    in writing what evidence will count as cure"): in a repair the money waits until we have
    met. An ask that is only about money is kept whole."""
    text = _squash(value).rstrip(" .;")
    cut = _MONEY_TAIL.sub("", text).rstrip(" ,")
    return cut if len(cut.split()) >= 3 else text
