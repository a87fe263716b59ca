"""Where a company sits, as far as its email address, its legal form and a currency tell it.

Used to choose the public holidays a plan's dates keep to when nobody said whose count, and
to guess the language the other side works in. Each signal gives a country, a set of
countries, or nothing; the callers decide how much to trust it:

- an address under a country's domain (``.de``, ``.com.ar``): the strongest;
- a legal form (``GmbH``, ``S.L.``, ``Sp. z o.o.``, ``(Pty) Ltd``): a country, or a few
  (``GmbH``: Germany, Austria or Switzerland; ``S.A.S.``: France or Colombia);
- a currency that belongs to one country (``NOK``, ``ARS``): weak, since a contract's
  currency may be either side's, or neither's (US dollars and euros travel).

Generic domains (``.com``, ``.io``, ``.co``, ``.eu``) say nothing.
"""

from __future__ import annotations

import re
from typing import Any

# Country code: (name as a sentence says it, public-holiday calendar or '', language).
# The language is "French" or "Spanish" where business is done in it, "" where the country
# has more than one (Belgium, Switzerland, Canada, Luxembourg) and "other" elsewhere.
_TABLE = """
gb the UK|england_wales|other; ie Ireland|ireland|other;
us the US|united_states|other; ca Canada|canada|; de Germany|germany|other;
fr France|france|French; it Italy|italy|other; es Spain|spain|Spanish;
nl the Netherlands|netherlands|other; be Belgium|belgium|; ch Switzerland|switzerland|;
at Austria|austria|other; se Sweden|sweden|other; dk Denmark|denmark|other;
no Norway|norway|other; pl Poland|poland|other; au Australia|australia|other;
nz New Zealand|new_zealand|other; za South Africa|south_africa|other;
lu Luxembourg||; pt Portugal|portugal|other; is Iceland||other; fi Finland|finland|other;
ee Estonia||other; lv Latvia||other; lt Lithuania||other; cz Czechia||other;
sk Slovakia||other; hu Hungary||other; si Slovenia||other; hr Croatia||other;
rs Serbia||other; ro Romania||other; bg Bulgaria||other; gr Greece||other;
cy Cyprus||other; mt Malta||other; tr Türkiye||other; ua Ukraine||other;
mc Monaco||French; ma Morocco||; tn Tunisia||; dz Algeria||; sn Senegal||French;
ci Côte d'Ivoire||French; cm Cameroon||; ng Nigeria||other; gh Ghana||other;
ke Kenya||other; tz Tanzania||other; ug Uganda||other; rw Rwanda||other;
eg Egypt||other; et Ethiopia||other; bw Botswana||other; na Namibia||other;
zw Zimbabwe||other; ae the United Arab Emirates||other; sa Saudi Arabia||other;
qa Qatar||other; kw Kuwait||other; bh Bahrain||other; om Oman||other; il Israel||other;
jo Jordan||other; lb Lebanon||; in India||other; pk Pakistan||other; lk Sri Lanka||other;
bd Bangladesh||other; np Nepal||other; sg Singapore||other; my Malaysia||other;
id Indonesia||other; th Thailand||other; vn Vietnam||other; ph the Philippines||other;
cn China||other; hk Hong Kong||other; tw Taiwan||other; jp Japan||other;
kr South Korea||other; mx Mexico|mexico|Spanish; gt Guatemala||Spanish; hn Honduras||Spanish;
sv El Salvador||Spanish; ni Nicaragua||Spanish; cr Costa Rica||Spanish;
pa Panama||Spanish; cu Cuba||Spanish; do the Dominican Republic||Spanish;
co Colombia||Spanish; ve Venezuela||Spanish; ec Ecuador||Spanish; pe Peru||Spanish;
bo Bolivia||Spanish; cl Chile||Spanish; ar Argentina||Spanish; uy Uruguay||Spanish;
py Paraguay||Spanish; br Brazil||other; ru Russia||other; kz Kazakhstan||other;
ge Georgia||other; am Armenia||other
"""
COUNTRIES: dict[str, tuple[str, str, str]] = {}
for _entry in _TABLE.split(";"):
    _code, _rest = _entry.strip().split(" ", 1)
    _name, _calendar, _language = _rest.split("|")
    COUNTRIES[_code] = (_name, _calendar, _language)

# A country's time zone (IANA), for a meeting's calendar file; none for a country that spans
# several (the US, Canada, Mexico, Brazil, Australia, Russia, Indonesia, Kazakhstan).
ZONES: dict[str, str] = dict(
    pair.split("=")
    for pair in [
        "gb=Europe/London",
        "ie=Europe/Dublin",
        "de=Europe/Berlin",
        "fr=Europe/Paris",
        "it=Europe/Rome",
        "es=Europe/Madrid",
        "nl=Europe/Amsterdam",
        "be=Europe/Brussels",
        "ch=Europe/Zurich",
        "at=Europe/Vienna",
        "se=Europe/Stockholm",
        "dk=Europe/Copenhagen",
        "no=Europe/Oslo",
        "pl=Europe/Warsaw",
        "nz=Pacific/Auckland",
        "za=Africa/Johannesburg",
        "lu=Europe/Luxembourg",
        "pt=Europe/Lisbon",
        "is=Atlantic/Reykjavik",
        "fi=Europe/Helsinki",
        "ee=Europe/Tallinn",
        "lv=Europe/Riga",
        "lt=Europe/Vilnius",
        "cz=Europe/Prague",
        "sk=Europe/Bratislava",
        "hu=Europe/Budapest",
        "si=Europe/Ljubljana",
        "hr=Europe/Zagreb",
        "rs=Europe/Belgrade",
        "ro=Europe/Bucharest",
        "bg=Europe/Sofia",
        "gr=Europe/Athens",
        "cy=Asia/Nicosia",
        "mt=Europe/Malta",
        "tr=Europe/Istanbul",
        "ua=Europe/Kiev",
        "mc=Europe/Monaco",
        "ma=Africa/Casablanca",
        "tn=Africa/Tunis",
        "dz=Africa/Algiers",
        "sn=Africa/Dakar",
        "ci=Africa/Abidjan",
        "cm=Africa/Douala",
        "ng=Africa/Lagos",
        "gh=Africa/Accra",
        "ke=Africa/Nairobi",
        "tz=Africa/Dar_es_Salaam",
        "ug=Africa/Kampala",
        "rw=Africa/Kigali",
        "eg=Africa/Cairo",
        "et=Africa/Addis_Ababa",
        "bw=Africa/Gaborone",
        "na=Africa/Windhoek",
        "zw=Africa/Harare",
        "ae=Asia/Dubai",
        "sa=Asia/Riyadh",
        "qa=Asia/Qatar",
        "kw=Asia/Kuwait",
        "bh=Asia/Bahrain",
        "om=Asia/Muscat",
        "il=Asia/Jerusalem",
        "jo=Asia/Amman",
        "lb=Asia/Beirut",
        "in=Asia/Kolkata",
        "pk=Asia/Karachi",
        "lk=Asia/Colombo",
        "bd=Asia/Dhaka",
        "np=Asia/Kathmandu",
        "sg=Asia/Singapore",
        "my=Asia/Kuala_Lumpur",
        "th=Asia/Bangkok",
        "vn=Asia/Ho_Chi_Minh",
        "ph=Asia/Manila",
        "cn=Asia/Shanghai",
        "hk=Asia/Hong_Kong",
        "tw=Asia/Taipei",
        "jp=Asia/Tokyo",
        "kr=Asia/Seoul",
        "gt=America/Guatemala",
        "hn=America/Tegucigalpa",
        "sv=America/El_Salvador",
        "ni=America/Managua",
        "cr=America/Costa_Rica",
        "pa=America/Panama",
        "cu=America/Havana",
        "do=America/Santo_Domingo",
        "co=America/Bogota",
        "ve=America/Caracas",
        "ec=America/Guayaquil",
        "pe=America/Lima",
        "bo=America/La_Paz",
        "cl=America/Santiago",
        "ar=America/Argentina/Buenos_Aires",
        "uy=America/Montevideo",
        "py=America/Asuncion",
        "ge=Asia/Tbilisi",
        "am=Asia/Yerevan",
    ]
)

# Domains that name no country, though some are a country's (.co Colombia, .io, .ai, .me,
# .tv): companies everywhere use them. Under them, ".com.co" still says Colombia.
_GENERIC = {"co", "io", "ai", "me", "tv", "cc", "ws", "fm", "to", "ly", "la", "eu"}

# A legal form, and the countries that have it (the first that matches counts).
_FORMS: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(p), frozenset(c.split()))
    for p, c in [
        (
            r"\bS\.?\s?A\.?\s?(?:P\.?\s?I\.?\s?)?de\s?C\.?\s?V\.?|\bS\.?\s?de\s?R\.?\s?L\.?\s?de\s?C\.?\s?V\.?",
            "mx",
        ),
        (r"\bS\.?\s?de\s?R\.?\s?L\.?(?!\w)", "mx gt hn ni sv pa"),
        (r"\bS\.L\.(?:U\.|L\.|N\.E\.)?(?!\w)|\bS\.?L\.?U\.?(?!\w)|\bSL\b", "es"),
        (r"\bS\.A\.C\.(?!\w)|\bS\.A\.A\.(?!\w)|\bSAC\b", "pe"),
        (r"\bE\.I\.R\.L\.(?!\w)", "pe cl"),
        (
            r"\bS\.?\s?[àa]\s?r\.?\s?l\.?(?!\w)|\bSARLU?\b|\bS\.A\.R\.L\.(?!\w)|\bEURL\b|\bSASU\b",
            "fr lu ma tn dz sn ci cm lb ch be mc",
        ),
        (r"\bS\.A\.S\.(?!\w)|\bSAS\b", "fr co"),
        (r"\bLt[ée]e\b|\bLimit[ée]e\b", "ca"),
        (r"\bGmbH\b|\bmbH\b|\bUG\b|\be\.\s?K\.(?!\w)|\be\.\s?V\.(?!\w)", "de at ch"),
        (r"\bAG\b|\bKG\b|\bKGaA\b", "de at ch"),
        (r"\bB\.V\.(?!\w)|\bBV\b|\bN\.V\.(?!\w)|\bNV\b", "nl be"),
        (r"\b[Vv][Zz][Ww]\b|\b[Bb][Vv][Bb][Aa]\b|\b[Aa][Ss][Bb][Ll]\b|\bSPRL\b", "be"),
        (r"\b[Ss]p\.\s?z\s?o\.\s?o\.(?!\w)|\b[Ss]p\.\s?[kj]\.(?!\w)|\bS\.K\.A\.(?!\w)", "pl"),
        (r"\bs\.\s?r\.\s?o\.(?!\w)|\bspol\.\s?s\s?r\.\s?o\.(?!\w)", "cz sk"),
        (r"\bKft\.?(?!\w)|\bZrt\.?(?!\w)|\bNyrt\.?(?!\w)|\bBt\.(?!\w)", "hu"),
        (r"\bOÜ(?!\w)", "ee"),
        (r"\bSIA\b", "lv"),
        (r"\bUAB\b", "lt"),
        (r"\bOyj?\b", "fi"),
        (r"\bApS\b|\bA/S\b|\bI/S\b|\bP/S\b", "dk"),
        (r"\bASA\b", "no"),
        (r"\bAS\b", "no ee"),
        (r"\bAB\b", "se"),
        (r"\behf\.?(?!\w)|\bhf\.(?!\w)|\bslf\.(?!\w)", "is"),
        (r"\bLda\.?(?!\w)", "pt"),
        (r"\bS\.p\.A\.(?!\w)|\bS\.r\.l\.(?!\w)|\bS\.n\.c\.(?!\w)|\bS\.a\.s\.(?!\w)", "it"),
        (r"\bSpA\b", "cl it"),
        (r"\bC[ií]a\.?\s?Ltda\.?(?!\w)", "ec"),  # compañía limitada, as Ecuador writes it
        (r"\bLtda\.?(?!\w)", "br co cl"),
        (r"\bd\.o\.o\.(?!\w)|\bd\.d\.(?!\w)", "si hr rs ba me mk"),
        (r"\bA\.Ş\.(?!\w)|\bA\.S\.(?=$)", "tr"),
        (r"\(Pty\.?\)\s?Ltd|\(Pty\.?\)\s?Limited|\(Pty\)", "za bw na"),
        (r"\bPty\.?\s?Ltd\b|\bPty\.?\s?Limited\b|\bProprietary Limited\b", "au"),
        (r"\bPte\.?\s?Ltd\b|\bPte\.?\s?Limited\b", "sg"),
        (r"\bSdn\.?\s?Bhd\b|\bBerhad\b|\bBhd\b", "my"),
        (r"\bPvt\.?\s?Ltd\b|\bPrivate Limited\b", "in"),
        (r"\(Pvt\)", "lk pk zw"),
        (r"\bK\.K\.(?!\w)|\bKabushiki Kaisha\b|\bG\.K\.(?!\w)|\bGodo Kaisha\b", "jp"),
        (r"\bFZE\b|\bFZCO\b|\bFZ-?LLC\b|\bDMCC\b", "ae"),
        (r"\bTbk\b", "id"),
        (r"\bplc\b|\bPLC\b|\bLLP\b", "gb ie"),
    ]
]

# Currencies that belong to one country. The US dollar belongs to the US but is used in
# trade everywhere: it names a country only when nothing else about either side is known.
_ONE_COUNTRY = {
    "GBP": "gb", "USD": "us", "CAD": "ca", "AUD": "au", "NZD": "nz", "ZAR": "za",
    "CHF": "ch", "SEK": "se", "NOK": "no", "DKK": "dk", "PLN": "pl", "CZK": "cz",
    "HUF": "hu", "RON": "ro", "BGN": "bg", "ISK": "is", "TRY": "tr", "UAH": "ua",
    "MXN": "mx", "ARS": "ar", "CLP": "cl", "COP": "co", "PEN": "pe", "UYU": "uy",
    "BOB": "bo", "PYG": "py", "DOP": "do", "GTQ": "gt", "CRC": "cr", "HNL": "hn",
    "NIO": "ni", "BRL": "br", "INR": "in", "AED": "ae", "SAR": "sa", "QAR": "qa",
    "KWD": "kw", "BHD": "bh", "OMR": "om", "ILS": "il", "JOD": "jo", "EGP": "eg",
    "MAD": "ma", "TND": "tn", "NGN": "ng", "GHS": "gh", "KES": "ke", "TZS": "tz",
    "UGX": "ug", "ETB": "et", "PKR": "pk", "LKR": "lk", "BDT": "bd", "SGD": "sg",
    "MYR": "my", "IDR": "id", "THB": "th", "VND": "vn", "PHP": "ph", "CNY": "cn",
    "HKD": "hk", "TWD": "tw", "JPY": "jp", "KRW": "kr", "RUB": "ru", "KZT": "kz",
    "GEL": "ge",
}  # fmt: skip
# The euro's countries: a legal form shared with a country outside it (S.A.S.: France or
# Colombia) is settled by a case in euros; the euro alone names no country.
EURO = frozenset(
    [
        "at",
        "be",
        "cy",
        "de",
        "ee",
        "es",
        "fi",
        "fr",
        "gr",
        "hr",
        "ie",
        "it",
        "lt",
        "lu",
        "lv",
        "mt",
        "nl",
        "pt",
        "si",
        "sk",
    ]
)


def domain_country(email: Any) -> str:
    """The country an email address's domain names ("ana@sol.com.ar" -> "ar"), or ''."""
    text = str(email or "").strip().lower()
    if "@" not in text:
        return ""
    labels = text.rsplit("@", 1)[-1].strip(".<> ").split(".")
    tld = labels[-1] if len(labels) > 1 else ""
    if tld == "co" and len(labels) > 2 and labels[-2] in {"com", "net", "org"}:
        return "co"
    if tld in _GENERIC:
        return ""
    return "gb" if tld == "uk" else tld if tld in COUNTRIES else ""


def form_countries(firm: Any) -> frozenset[str]:
    """The countries a company's legal form belongs to ("Brenner GmbH" -> de, at, ch), or
    none when its name carries no form that tells."""
    text = " ".join(str(firm or "").split())
    for pattern, countries in _FORMS:
        if pattern.search(text):
            return countries
    return frozenset()


def currency_countries(currency: Any) -> frozenset[str]:
    """The countries a currency is theirs: one for most, the euro's twenty, none unknown."""
    code = str(currency or "").strip().upper()
    if code == "EUR":
        return EURO
    return frozenset([_ONE_COUNTRY[code]]) if code in _ONE_COUNTRY else frozenset()


def side_country(email: Any, firm: Any, currency: Any = "") -> str:
    """One side's country: its address's, else its legal form's when that names one country
    (or one among the currency's, as "S.A.S." in euros is France); else ''."""
    found = domain_country(email)
    if found:
        return found
    forms = form_countries(firm)
    if len(forms) > 1:
        forms &= currency_countries(currency)
    return next(iter(forms)) if len(forms) == 1 else ""
