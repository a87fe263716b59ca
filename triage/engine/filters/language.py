"""The language the other side works in, as far as the answers tell it (their address, their
firm's legal form, their public holidays, their currency, their name)."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash, _words

# Countries whose address, holidays or currency say the language. Belgium, Switzerland,
# Canada and Luxembourg have more than one language: they say nothing on their own.
_DOMAINS = {
    "French": ("fr",),
    "Spanish": (
        [
            "es",
            "mx",
            "ar",
            "cl",
            "co",
            "pe",
            "uy",
            "ve",
            "ec",
            "bo",
            "py",
            "cr",
            "gt",
            "do",
            "pa",
            "hn",
            "ni",
            "sv",
            "cu",
        ]
    ),
}
_HOLIDAYS = {"france": "French", "spain": "Spanish"}
_CURRENCIES = {
    **{
        c: "Spanish"
        for c in [
            "MXN",
            "ARS",
            "CLP",
            "COP",
            "PEN",
            "UYU",
            "BOB",
            "PYG",
            "DOP",
            "GTQ",
            "CRC",
            "HNL",
            "NIO",
        ]
    },
    **{c: "French" for c in ["XOF", "XAF"]},
}
_LEGAL_FORMS = (
    ("French", re.compile(r"\b(?:SARL|SASU?|S\.A\.S\.|EURL|SNC)\b")),
    (
        "Spanish",
        re.compile(
            r"\b(?:S\.L\.U?\.?|SLU?|S\.\s?de\s?R\.L\.|S\.A\.\s?de\s?C\.V\.|de\s?C\.V\.|S\.A\.C\.|E\.I\.R\.L\.)(?!\w)"
        ),
    ),
)
_SPANISH_NAMES = _words(
    """
    josé jesús maría juan carlos luis pablo javier alejandro alejandra andrés ramón lucía
    sofía beatriz montserrat inmaculada guadalupe mercedes dolores pilar raquel verónica
    fernanda mariana valentina camila ignacio enrique rafael ricardo diego santiago gonzalo
    """
)
_FRENCH_NAMES = _words(
    """
    jean pierre françois françoise élodie amélie hélène stéphane sébastien jérôme céline
    aurélie guillaume mathieu sylvie chantal thierry benoît gaëlle anaïs loïc léa chloé
    mélanie valérie véronique isabelle nathalie christophe geneviève étienne frédéric
    grégoire clémence margaux océane maëlle hervé rené josé-marie
    """
)


def their_language(
    contact: Any, email: Any = "", firm: Any = "", currency: Any = "", holidays: Any = None
) -> str:
    """Filter ``their_language(email, firm, currency, holidays)``: "French" or "Spanish" when
    the answers about the other side say they work in it (an address in France or Spain or a
    Spanish-speaking country, a French or Spanish legal form such as "SARL" or "S.L.", their
    country's public holidays, a currency only those countries use, a given name of the
    language), else ''. triage writes its drafts in English: the plan says so, and never
    translates them."""
    domain = _squash(email).lower().rsplit("@", 1)[-1].rstrip(".> ")
    tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
    for language, tlds in _DOMAINS.items():
        if tld in tlds:
            return language
    for language, form in _LEGAL_FORMS:
        if form.search(_squash(firm)):
            return language
    for day in holidays if isinstance(holidays, list) else [holidays]:
        found = _HOLIDAYS.get(_squash(day).lower())
        if found:
            return found
    found = _CURRENCIES.get(_squash(currency).upper())
    if found:
        return found
    names = [w.lower().strip(".,()") for w in _squash(contact).split()]
    if any("ñ" in w for w in names) or any(w in _SPANISH_NAMES for w in names[:2]):
        return "Spanish"
    if any(w in _FRENCH_NAMES for w in names[:2]):
        return "French"
    return ""
