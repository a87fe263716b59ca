"""Amounts in typed text, written with the currency the reader expects."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.text import _squash, _words
from triage.engine.filters.words import _DANGLING

# How an amount is written for the reader: a sign for the currencies that have one everyone
# reads the same way, else the code before the amount ("SGD 41,300").
_CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
_CURRENCY_WORDS = r"pounds?|euros?|dollars?|sterling|[A-Z]{3}"
# Patterns the filters below use, compiled as the module loads, so that a run's kept
# regular expressions hold them (see triage/engine/regexpool.py).
_CODE = re.compile(r"[A-Z]{3}")
_BARE_FIGURE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CURRENCY_BEFORE = re.compile(rf"(?:[£€$¥]|\b(?:{_CURRENCY_WORDS}))\s?$")
_CURRENCY_AFTER = re.compile(rf"\s?(?:{_CURRENCY_WORDS})\b|\s?[£€$%]")
_NEXT_WORDS = re.compile(r"(?:\s+[A-Za-z][\w-]*){1,3}")
_SHARE_OF = re.compile(
    r"\s+of\s+(?:your|our|the|their|its|his|her|all|these|those|whose)\s+(?:[\d][\d,.]*\s+)?"
    r"((?:[A-Za-z][\w'-]*\s+){0,2}[A-Za-z][\w'-]*)"
)
# A figure in typed text: a number with thousands separators ("1,140", "95,000.50"), or a
# number of thousands or millions ("41.3k", "2m"), or a number alone as the whole text.
_AMOUNT = re.compile(
    r"(?<![\w£€$¥.,])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d+)?\s?[kKmM]\b)(?![\w,.%]*\d)"
)
# Words after a figure that say what it counts, so it is not money: "3,200 statements",
# "1,900 employees" (plural nouns in -s), and these.
_COUNTED = _words(
    """
    people staff personnel children men women kg km tonnes tons litres sqm m2 mwh kwh
    feet foot metres meters miles
    t mt kt tn tonne ton kilo kilos g lb lbs oz pcs pc hl ml l gwh kw mw teu sq ft hrs
    unit box case carton pallet container barrel gallon litre liter metre meter mile user seat
    """
)
_NOT_PLURALS = _words("is was has plus less across as this its unless thus always")


def money_sign(currency: Any) -> str:
    """What goes before an amount in ``currency``: "£", "€", "$", else the code and a space
    ("SGD "); '' when no currency was given."""
    code = _squash(currency).upper()
    if not _CODE.fullmatch(code):
        return ""
    return _CURRENCY_SIGNS.get(code, code + " ")


def _counts(word: str) -> bool:
    """Whether ``word`` after a figure says what it counts: a plural ("statements") or one of
    the counted words, so the figure is not money."""
    return word in _COUNTED or (word.endswith("s") and not word.endswith("ss"))


def amounts(text: str, currency: Any) -> str:
    """``text`` with the currency before each bare amount, the way the reader expects it.

    Only figures that read as money get it: one with thousands separators or in thousands
    ("41.3k"), or a figure that is the whole text, and not already next to a currency (a
    sign, a code such as "EUR", "euros") or followed by a word that says what it counts
    ("3,200 statements", "1,900 employees").
    """
    sign = money_sign(currency)
    if not sign or not text:
        return text
    if _BARE_FIGURE.fullmatch(text):
        return sign + text

    def add(match: re.Match[str]) -> str:
        before = text[: match.start()]
        after = text[match.end() :]
        if _CURRENCY_BEFORE.search(before):
            return match.group(0)
        if _CURRENCY_AFTER.match(after):
            return match.group(0)
        # "41,806 of your loyalty members": a share of a group counts its people or things
        share = _SHARE_OF.match(after)
        if share is not None and any(_counts(word) for word in share.group(1).lower().split()):
            return match.group(0)
        # the words that follow, up to three, a punctuation mark or a small word ("by", "in")
        following = _NEXT_WORDS.match(after)
        for counted in following.group(0).lower().split() if following else []:
            if counted in _DANGLING:
                break
            if counted in _NOT_PLURALS:  # not a plural, but the counted word may follow
                continue
            if _counts(counted):
                return match.group(0)
        return sign + match.group(0)

    return _AMOUNT.sub(add, text)


# Rough euros per unit, for telling a small sum from a large one only (never shown, never used
# to convert a figure for the reader): late-2026 orders of magnitude.
_ROUGH_EUR = {
    "EUR": 1.0,
    "USD": 0.9,
    "GBP": 1.15,
    "CHF": 1.05,
    "CAD": 0.65,
    "AUD": 0.6,
    "NZD": 0.55,
    "SGD": 0.7,
    "JPY": 0.006,
    "CNY": 0.13,
    "HKD": 0.12,
    "TWD": 0.028,
    "KRW": 0.00065,
    "INR": 0.011,
    "MYR": 0.2,
    "THB": 0.026,
    "IDR": 0.000057,
    "PHP": 0.016,
    "VND": 0.000036,
    "LKR": 0.003,
    "AED": 0.25,
    "SAR": 0.24,
    "ZAR": 0.05,
    "BRL": 0.17,
    "MXN": 0.05,
    "COP": 0.00023,
    "CLP": 0.00098,
    "ARS": 0.001,
    "PLN": 0.23,
    "CZK": 0.04,
    "HUF": 0.0025,
    "RON": 0.2,
    "BGN": 0.51,
    "SEK": 0.087,
    "NOK": 0.085,
    "DKK": 0.134,
    "ISK": 0.0066,
    "TRY": 0.025,
    "ILS": 0.25,
    "EGP": 0.019,
    "NGN": 0.0006,
    "KES": 0.007,
    "MAD": 0.092,
}


def about_eur(amount: Any, currency: Any) -> float | None:
    """Filter ``about_eur(currency)``: a sum in rough euros, to tell a small claim from a large
    one when the user did not say how it compares with a lawyer's fee; none for a currency
    not known or an amount that is not a number."""
    rate = _ROUGH_EUR.get(str(currency or "").strip().upper())
    if rate is None or isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None
    return float(amount) * rate


_PAID_NOTE = re.compile(
    r"\b(?:part(?:ial)?[- ]payment|paid|payment of|payment received|transferred|instalment)\b",
    re.I,
)
_PAID_SUM = re.compile(r"(?:\b[A-Z]{3}\s?\d[\d,.]*(?:\s?[km]\b)?|[€£$¥]\s?\d[\d,.]*(?:\s?[km]\b)?)")


def part_paid(timeline: Any) -> str:
    """Filter ``timeline | part_paid``: the latest payment their side made, as our log notes
    it ("Part payment USD 40,000" on 20 November gives "USD 40,000 you paid on 20 November"),
    for an email about what they still owe to thank them for it; '' when none is logged."""
    found = ""
    latest: dt.date | None = None
    for row in timeline or []:
        if not isinstance(row, Mapping):
            continue
        who = str(row.get("who") or "")
        note = " ".join(str(row.get("note") or "").split())
        day = row.get("date")
        if "(our side)" in who or not _PAID_NOTE.search(note):
            continue
        figure = _PAID_SUM.search(note)
        if not figure or not isinstance(day, dt.date):
            continue
        if latest is None or day >= latest:
            latest = day
            found = f"{figure.group(0)} you paid on {day.day} {day.strftime('%B')}"
    return found
