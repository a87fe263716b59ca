"""The language the other side works in, as far as the answers about them tell it (their
address, their firm's legal form; their name and a currency only when both agree)."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash, _words
from triage.engine.holidays import countries

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


def _form_language(firm: Any, country: str, currency: Any) -> str:
    """The language a legal form says, among the countries that have it: narrowed to the
    address's country, else the currency's, when one of them has it ("S.A.S." is French in
    France and Spanish in Colombia); '' when it says none or more than one."""
    forms = countries.form_countries(firm)
    if country in forms:
        forms = frozenset([country])
    elif len(forms & countries.currency_countries(currency)) >= 1:
        forms &= countries.currency_countries(currency)
    found = {countries.COUNTRIES[c][2] for c in forms if c in countries.COUNTRIES} - {""}
    if not found:  # a country of several languages: the form's own ("Sàrl": French)
        every = countries.form_countries(firm)
        found = {countries.COUNTRIES[c][2] for c in every if c in countries.COUNTRIES} - {""}
    return found.pop() if len(found) == 1 else ""


def _name_language(contact: Any) -> str:
    """The language a given name suggests (a weak signal: people move), or ''."""
    names = [w.lower().strip(".,()") for w in _squash(contact).split()]
    if any("ñ" in w for w in names) or any(w in _SPANISH_NAMES for w in names[:2]):
        return "Spanish"
    if any(w in _FRENCH_NAMES for w in names[:2]):
        return "French"
    return ""


def their_language(
    contact: Any,
    email: Any = "",
    firm: Any = "",
    currency: Any = "",
    our_email: Any = "",
    our_firm: Any = "",
) -> str:
    """Filter ``their_language(email, firm, currency, our_email, our_firm)``: "French" or
    "Spanish" when what the answers say about the other side shows they work in it, else ''.

    Only their side counts: their address's country (".fr", ".com.mx") and their company's
    legal form ("SARL", "S.L.", "S.A. de C.V."; "GmbH" says German, so not French). When the
    two disagree, or neither tells, nothing is guessed, unless their given name and a
    currency of one country (not ours) agree. Our own address, company and the public
    holidays ticked (which list both sides') never count. triage writes its drafts in
    English: the plan says so, and never translates them."""
    country = countries.domain_country(email)
    votes = {countries.COUNTRIES[country][2]} if country else set()
    if country and not votes - {""}:
        votes = set()  # a country of several languages: the form may still tell
    form = _form_language(firm, country, currency)
    if form:
        votes.add(form)
    if len(votes) > 1:
        return ""  # their address and their company's form disagree
    if votes:
        found = votes.pop()
        return found if found in ("French", "Spanish") else ""
    if country or countries.form_countries(firm):
        return ""  # what is known of them does not tell
    name = _name_language(contact)
    money = countries.currency_countries(currency)
    ours = countries.side_country(our_email, our_firm, currency)
    if len(money) != 1 or ours in money:
        return ""
    (place,) = money
    return name if name and countries.COUNTRIES.get(place, ("", "", ""))[2] == name else ""


_LANGUAGES = (
    "Japanese|Korean|Chinese|Mandarin|Cantonese|Thai|Vietnamese|Indonesian|Malay|Arabic|Turkish|"
    "German|French|Spanish|Portuguese|Italian|Dutch|Polish|Czech|Slovak|Hungarian|Romanian|"
    "Bulgarian|Greek|Swedish|Norwegian|Danish|Finnish|Estonian|Latvian|Lithuanian|Hebrew|Hindi"
)
_WRITTEN_IN = re.compile(
    rf"\b(?P<what>letter|note|email|apology|message)\b(?:[^.;]{{0,40}}?)\bin\s+(?P<lang>{_LANGUAGES})\b",
    re.I,
)


def written_in(actions: Any) -> dict[str, Any]:
    """Filter ``agreed_actions | written_in``: a letter our own steps say goes to them in their
    language ("Letter of apology in Japanese, requesting the visit"), as ``{'language', 'what',
    'due'}`` ("letter", "note"...; the step's date or None); ``{}`` when no step says so. The
    email then says that letter follows: the drafts are never machine-translated."""
    for row in actions or []:
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        found = _WRITTEN_IN.search(_squash(get("what")))
        if found:
            what = found.group("what").lower()
            return {
                "language": found.group("lang").capitalize(),
                "what": "letter" if what == "apology" else what,
                "due": get("due"),
            }
    return {}
