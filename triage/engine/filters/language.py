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


# The language of business in a country, for the countries whose table entry says only "other".
_COUNTRY_LANGUAGE = {
    "no": "Norwegian", "se": "Swedish", "dk": "Danish", "fi": "Finnish", "is": "Icelandic",
    "pl": "Polish", "cz": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian",
    "bg": "Bulgarian", "gr": "Greek", "tr": "Turkish", "de": "German", "at": "German",
    "nl": "Dutch", "it": "Italian", "pt": "Portuguese", "br": "Portuguese", "jp": "Japanese",
    "kr": "Korean", "cn": "Chinese", "tw": "Chinese", "th": "Thai", "vn": "Vietnamese",
    "id": "Indonesian", "ee": "Estonian", "lv": "Latvian", "lt": "Lithuanian", "hr": "Croatian",
    "si": "Slovenian", "rs": "Serbian", "ua": "Ukrainian", "il": "Hebrew",
}  # fmt: skip
# Letters only that language writes, among those above: a name or a title typed with one of
# them shows the language in use, not only the country.
_MARKS = {
    "Norwegian": "øæå", "Danish": "øæå", "Swedish": "åäö", "Finnish": "äö", "Icelandic": "þðæ",
    "Polish": "łśźżńęąćó", "Czech": "ěščřžůťň", "Slovak": "ľĺŕťňčšž", "Hungarian": "őűáé",
    "Romanian": "șțăîâ", "Turkish": "ğışçöü", "German": "äöüß", "Portuguese": "ãõç",
    "Italian": "àèìòù", "Croatian": "čćđšž", "Slovenian": "čšž", "Estonian": "õäöü",
    "Latvian": "āēīūķļņģ", "Lithuanian": "ąčęėįšųūž",
}  # fmt: skip
_SCRIPTS = (
    ("Japanese", re.compile(r"[\u3040-\u30ff]")),
    ("Korean", re.compile(r"[\uac00-\ud7af]")),
    ("Chinese", re.compile(r"[\u4e00-\u9fff]")),
    ("Greek", re.compile(r"[\u0370-\u03ff]")),
    ("Thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("Hebrew", re.compile(r"[\u0590-\u05ff]")),
)
_TYPED_IN = re.compile(
    rf"\b(?:letter|note|email|e-mail|message|notice|apology|reply|title|heading|headed|written"
    rf"|wrote|writes|speaks?)\b[^.;]{{0,40}}?\bin\s+(?P<lang>{_LANGUAGES}|Norwegian|Icelandic"
    r"|Croatian|Slovenian|Serbian|Ukrainian)\b",
    re.I,
)


def their_tongue(
    contact: Any,
    email: Any = "",
    firm: Any = "",
    currency: Any = "",
    our_email: Any = "",
    our_firm: Any = "",
    notes: Any = "",
) -> str:
    """Filter ``their_tongue(email, firm, currency, our_email, our_firm, notes)``: the language
    the other side works in, in any language, when the answers show it, else ''.

    French and Spanish as ``their_language`` reads them. Any other: a note typed that a letter
    or message is in it ("letter in Japanese", "their notice, written in Norwegian"); their
    script ("株式会社"); or their country (address, legal form) confirmed by our own side being
    there too, or by letters only that language writes in their names, their company or the
    notes ("Lyngen Sjømat AS", "Wróblewska"). A country alone is no sign: business between
    countries is often in English."""
    found = their_language(contact, email, firm, currency, our_email, our_firm)
    if found:
        return found
    typed = _squash(notes)
    said = _TYPED_IN.search(typed)
    if said and said.group("lang").lower() != "english":
        return said.group("lang").capitalize()
    theirs = " ".join([_squash(contact), _squash(firm)])
    country = countries.side_country(email, firm, currency)
    for language, script in _SCRIPTS:
        if script.search(theirs):
            # Kanji alone: Japanese in Japan or with a Japanese company form, else Chinese.
            japanese = "株式会社" in theirs or "jp" in (
                {country} | countries.currency_countries(currency)
            )
            return "Japanese" if language == "Chinese" and japanese else language
    language = _COUNTRY_LANGUAGE.get(country, "")
    if not language:
        return ""
    if countries.side_country(our_email, our_firm, currency) == country:
        return language
    text = (theirs + " " + typed).lower()
    return language if any(mark in text for mark in _MARKS.get(language, "")) else ""
