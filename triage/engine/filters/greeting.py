"""How to greet someone: the name they go by, in their name's own order."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.people import _without_notes, person
from triage.engine.filters.text import _QUOTES, _squash, _words
from triage.engine.filters.words import (
    _FIRST_NAME_TITLES,
    _PARTICLES,
    _SUFFIXES,
    DETERMINERS,
    ROLE_WORDS,
    TITLES,
)

# Family names that are usually written first in the name's own order, and that seldom
# serve as a given name on their own: Chinese (Mandarin, Hokkien and Cantonese spellings
# as Singapore, Malaysia and Hong Kong write them), Korean and Vietnamese.
_CHINESE_FAMILY = _words(
    """
    tan lim lee teo goh ong koh chua chong yeo toh lau leong ang khoo quek seah soh tay
    yap chew chia choo chow chung fong kwok lai lam leung liew loh mak poon siu tsang tse
    yip yeung wong chan cheung ng ho tang wang zhang liu chen yang huang zhao wu zhou xu
    sun zhu guo luo zheng liang xie song han feng deng cao peng zeng xiao tian dong pan
    yuan cai jiang du ye cheng lu ding ren shen yao zhong li lin gao hu ma
    """
)
_KOREAN_FAMILY = _words("kim park choi jung jeong kang cho yoon jang kwon hwang ahn shin seo baek")
_VIETNAMESE_FAMILY = _words(
    """
    nguyen nguyễn tran trần pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng
    bui bùi đỗ ngo ngô duong dương lê lý hồ
    """
)
# Hungarian family names, which Hungarians write before the given name ("Szabó Krisztina" is
# Ms Szabó, Krisztina to friends), with and without their accents.
_HUNGARIAN_FAMILY = _words(
    """
    nagy kovács kovacs tóth toth szabó szabo horváth horvath varga kiss molnár molnar németh
    nemeth farkas balogh papp takács takacs juhász juhasz mészáros meszaros oláh olah rácz racz
    fekete szilágyi szilagyi török torok fehér feher balázs balazs szűcs szucs kocsis pintér
    pinter fodor szalai sipos lukács lukacs gulyás gulyas bíró biro király kiraly katona jakab
    bogdán sándor sandor boros fazekas kelemen pásztor pasztor hegedűs hegedus vass orbán vincze
    hajdu dudás dudas barta bálint balint lengyel csonka soós soos szekeres halász halasz vörös
    """
)
# A romanised Chinese or Korean syllable, as given names are written: "Mei", "Ling",
# "Hsien", "Loong", "Jong". English given names ("Ann", "Jane", "Mary", "Paul") are not.
_ONE_SYLLABLE = r"(?:ch|sh|zh|ts|hs|[bcdfghjklmnpqrstwxyz])?h?[wy]?[aeiouü]{1,3}(?:ng|[nhkmptrw])?"
_SYLLABLE = re.compile(f"^{_ONE_SYLLABLE}$")
_TWO_SYLLABLES = re.compile(f"^{_ONE_SYLLABLE}{_ONE_SYLLABLE}$")
# Given names that often come second in a given name of two words: "José María",
# "Mary Ann", "Anna Maria", "Juan Carlos", "Ana Paula".
_SECOND_GIVEN = _words(
    """
    maría maria josé jose luis luís carlos pablo paula ana manuel antonio miguel eduardo
    fernanda luisa elena isabel teresa carmen pilar ángel angel ignacio francisco javier
    andrés andres rosa jesús jesus marie pierre paul anne ann jane louise claude michel
    sophie christine elizabeth lou mae may jo beth lynn eduarda clara cristina victoria
    gabriela beatriz lucía lucia ines inês joão joao pedro
    """
)
# Words of a Malay or Arabic name before the name a person goes by, or that join a
# father's name: "Muhammad Ali bin Abdullah" goes by "Muhammad Ali".
_PATRONYMIC = _words("bin binti bte bt ibn")
_NAME_PREFIXES = _words("muhammad mohammad mohammed mohamed muhammed mohd muhd siti nur nurul noor")
# Words that make a contact a team or a company rather than a person.
_GROUP_NOUNS = _words("team teams department dept desk office committee board unit division")
_NOT_A_PERSON = _GROUP_NOUNS | _words(
    """
    ltd limited inc llc plc gmbh ag bv pty corp corporation company group accounts payable
    receivable procurement purchasing billing finance support helpdesk operations admin
    administration services
    """
)


# Titles of a profession as they are written small before a name in Polish, Dutch, Italian
# and French letters: "mec." (mecenas), "mr." (meester), "avv.", "adw.", "me", "ing.", "dr.".
_LOWER_TITLES = _words("mec adw r.pr radca avv adv me mr mrs ms dr ing eng prof")
# A lawyer's title in French, Polish or Italian, however it is written: "Me", "Maître", "Mec.".
_LAWYER_TITLES = _words("me mtre maître maitre mec adw avv")
_GOES_BY = re.compile(r"^(?:\S+\.?\s+)?(?:[A-Z]\.\s*)+\(([A-Z][a-zà-ÿ'’-]+)\)")
_SALUTATION = re.compile(r"^(?:dear|hi|hello)\s+", re.I)
# A title in the form another language uses only when speaking to someone (the vocative:
# "gospodine Barać", "pane Dvořák"), which cannot follow an English "Dear": the draft says "Mr" or
# "Ms". A title as it is written after "Dear" ("Herr Keller", "Madame Vasseur") is the manager's
# courtesy and stays, with its capital.
_TITLE_IN_ENGLISH = {
    "gospodine": "Mr",
    "gospođo": "Ms",
    "gospodjo": "Ms",
    "pane": "Mr",
    "pani": "Ms",
}
# Titles written after "Dear" in other languages, capitalised when typed small ("señora Ruiz").
_TITLES_WRITTEN = {
    "herr",
    "frau",
    "señor",
    "senor",
    "señora",
    "senora",
    "senhor",
    "senhora",
    "signor",
    "signore",
    "signora",
    "monsieur",
    "madame",
    "mademoiselle",
    "heer",
    "mevrouw",
    "pan",
}
_AND = re.compile(r"\s+(?:and|&)\s+")


def _bare(word: str) -> str:
    return word.strip(".,'’").lower()


def _syllabic(words: list[str]) -> bool:
    """Every word a romanised syllable, or two of them as Korean and Taiwanese given names are
    written: joined or hyphenated ("Minjun", "Min-jun", "Ji-won", "Shu-fen")."""
    return all(_syllables(_bare(w)) for w in words)


def _syllables(word: str) -> bool:
    parts = word.split("-")
    if len(parts) > 1:
        return len(parts) == 2 and all(_SYLLABLE.match(p) for p in parts)
    return bool(_SYLLABLE.match(word) or _TWO_SYLLABLES.match(word))


def _initials(word: str) -> bool:
    """'J.', 'J.R.', 'JR': initials, not a name to greet by."""
    letters = word.replace(".", "").replace("-", "")
    return (
        bool(letters)
        and letters.isalpha()
        and (
            len(letters) == 1
            or "." in word
            or (
                letters.isupper()
                and len(letters) <= 2
                and _bare(word) not in _CHINESE_FAMILY | _VIETNAMESE_FAMILY
            )
        )
    )


def _capitals(word: str) -> bool:
    """A family name in capitals, as some write it ("TAN Mei Ling", "Anna WEBER")."""
    letters = word.replace("-", "").replace("'", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and not _initials(word)


def _family_first(names: list[str]) -> str:
    """How a name written family name first is to be read: "zh" (a Chinese name: the given
    name is the rest), "ko" (Korean), "vi" (Vietnamese: the given name is the last word), "hu"
    (Hungarian: a family name, then one given name), or '' when it is not clearly so."""
    first, rest = _bare(names[0]), names[1:]
    if not rest:
        return ""
    if first in _VIETNAMESE_FAMILY:
        return "vi"
    if first in _HUNGARIAN_FAMILY and len(rest) == 1 and _bare(rest[0]) not in _HUNGARIAN_FAMILY:
        return "hu"
    if not _syllabic(rest) or _bare(rest[-1]) in _CHINESE_FAMILY | _KOREAN_FAMILY:
        return ""
    if first in _KOREAN_FAMILY:
        return "ko"
    return "zh" if first in _CHINESE_FAMILY else ""


def _given_name(words: list[str]) -> str:
    """The name to greet a person by, from their name without a title: the given name
    where the name's order shows it, else the whole name (never a wrong part of it)."""
    whole = " ".join(words)
    if len(words) == 1:
        return whole
    capitals = [w for w in words if _capitals(w)]
    if len(capitals) == 1 and len(words) > 1 and _family_first(words) != "vi":
        given = [w for w in words if w is not capitals[0] and _bare(w) not in _PARTICLES]
        return " ".join(given) or whole  # "TAN Mei Ling", "Anna WEBER"
    low = [_bare(w) for w in words]
    joins = [i for i, w in enumerate(low) if w in _PATRONYMIC]
    if joins and joins[0] > 0:
        return " ".join(words[: joins[0]])  # "Muhammad Ali bin Abdullah"
    if low[0] in _NAME_PREFIXES or _initials(words[0]):
        return whole  # "Muhammad Ali", "J. R. Smith": which name they go by is not known
    order = _family_first(words)
    if order in ("vi", "hu"):
        return words[-1]  # "Nguyễn Văn An" is Mr An; "Szabó Krisztina" is Krisztina
    if order == "ko" or (order == "zh" and len(words) == 2):
        return whole  # "Kim Jong Un", "Li Wei": the full name is the polite form
    if order == "zh":
        return " ".join(words[1:])  # "Tan Mei Ling" is Mei Ling
    if low[0] in _CHINESE_FAMILY and len(words) > 2:
        return whole  # "Lim Sue Ann": family name first or not, it cannot be told
    if len(words) > 2 and low[-1] in _CHINESE_FAMILY and _syllabic(words[:-1]):
        return " ".join(words[:-1])  # "Mei Ling Tan"
    if len(words) > 2 and low[1] in _SECOND_GIVEN:
        return " ".join(words[:2])  # "José María García", "Mary Ann Jones"
    return words[0]


def _family_name(names: list[str]) -> str:
    """The family name to put after a title ("Dr Weber", "Dr Tan"), or all the names when
    it cannot be told which one it is."""
    capitals = [w for w in names if _capitals(w)]
    if len(capitals) == 1:
        word = capitals[0]
        return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    order = _family_first(names)
    if order in ("zh", "ko", "hu"):
        return names[0]
    if order == "vi" or (_bare(names[0]) in _NAME_PREFIXES and len(names) > 1):
        return " ".join(names)
    spanish = _spanish_family(names)
    if spanish:
        return spanish
    start = len(names) - 1
    while start > 0 and names[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(names[start:])


# Given names that mark a name as Spanish, where two family names follow: the father's
# first, the mother's second, and the first is the one used after a title.
_SPANISH_GIVEN = _words(
    """
    josé jose maría maria juan carlos luis ana pablo manuel antonio miguel javier francisco
    jesús jesus alejandro alejandra fernando sergio jorge alberto rafael ricardo diego andrés
    andres ángel angel ignacio enrique ramón ramon carmen pilar lucía lucia elena isabel
    teresa rosa dolores mercedes montserrat beatriz cristina marta raquel inmaculada
    guadalupe sofía sofia valentina camila daniela gabriela mariana fernanda verónica
    """
)
_PORTUGUESE = re.compile(r"[ãõç]|\b(?:dos|das|do|da|joão|joao|inês|gonçalo)\b", re.I)


def _spanish_family(names: list[str]) -> str:
    """The first family name of a Spanish name with two ("José María García López" gives
    "García", "Juan de la Fuente Ruiz" "de la Fuente"), or '' when the name is not so."""
    text = " ".join(names)
    if len(names) < 3 or _PORTUGUESE.search(text):
        return ""
    low = [_bare(w) for w in names]
    given = 2 if low[1] in _SECOND_GIVEN and low[1] in _SPANISH_GIVEN else 1
    accented = re.search(r"[áéíóúñ]", text, re.I)
    if low[0] not in _SPANISH_GIVEN and not accented:
        return ""
    family: list[str] = []  # each family name with its particles: "de la Fuente"
    held: list[str] = []
    for word in names[given:]:
        held.append(word)
        if _bare(word) not in _PARTICLES and _bare(word) not in ("y", "i"):
            family.append(" ".join(held))
            held = []
    return family[0] if len(family) == 2 and not held else ""


def _team_greeting(words: list[str]) -> str | None:
    """A contact that is a team or a company: the team as named ("Accounts Team", "the
    finance team" gives "Finance team"); '' for a company or a function without a team's
    name ("Accounts Payable", "Acme Ltd"); None for anything else."""
    low = [_bare(w) for w in words]
    if not set(low) & _NOT_A_PERSON:
        return None
    if not set(low) & _GROUP_NOUNS or len(words) > 5:
        return ""
    if low[0] in DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text and text[:1].isalpha() else ""


def first_name(value: Any, preferred: Any = None) -> str:
    """Filter ``first_name(preferred)``: how to greet someone, by the name they go by.

    ``"Priya Shah"`` gives ``"Priya"``; a given name of two words stays whole (``"Mei Ling
    Tan"`` and ``"Tan Mei Ling"`` give ``"Mei Ling"``, ``"José María García"`` gives
    ``"José María"``); a Vietnamese name, family name first, gives its given name
    (``"Nguyễn Văn An"`` gives ``"An"``). With a title the family name stays (``"Dr Anil
    Rao"`` gives ``"Dr Rao"``, ``"Dr. Tan Mei Ling"`` ``"Dr. Tan"``). Where it cannot be told
    which word is the given name (initials as in ``"J. R. Smith"``, ``"Li Wei"``, ``"Kim
    Jong Un"``), the whole name is the polite form. Two people ("Jo Bloggs and Sam Smith")
    give both names. A job title or a note beside the name is left out (``"our MD, Graham
    Kaye"`` gives ``"Graham"``). A team gives its name (``"Accounts Team"``); an email
    address, a company, or words that are not a name (``"new AP approver"``, not
    capitalised) give '', so the template greets the company's team.

    ``preferred`` (optional: how they like to be addressed, as they sign) wins when given.
    """
    chosen = _SALUTATION.sub("", _squash(preferred))
    chosen = chosen.strip(_QUOTES + " ,;:.!")
    if chosen and "@" not in chosen:
        head, _, rest = chosen.partition(" ")
        english = _TITLE_IN_ENGLISH.get(head.lower())
        # "Pani Nowak" typed with a capital is the manager's Polish courtesy, kept as typed.
        if head.lower() == "pani" and head[:1].isupper():
            english = None
        if english and rest and rest[:1].isupper():
            # "gospodine dr. Barać" is "dr. Barać"; "gospodine Barać" is "Mr Barać".
            return (
                rest
                if _bare(rest.split()[0]) in {_bare(t) for t in TITLES}
                else (f"{english} {rest}")
            )
        if head.lower() in _TITLES_WRITTEN and head[:1].islower() and rest[:1].isupper():
            return head[:1].upper() + chosen[1:]
        return chosen
    text = _squash(value).strip(_QUOTES + " ")
    if not text or "@" in text:
        return ""
    # The name someone goes by, written in brackets after their initials ("J. (Jeroen) van
    # der Berg") is the name to greet them by.
    goes_by = _GOES_BY.search(text)
    if goes_by:
        return goes_by.group(1)
    text = person(_without_notes(text)).split(",")[0].strip(_QUOTES + " ")
    # A professional title written small in its own language ("mec.", "mr." for a Dutch
    # lawyer, "avv.") is no English title: the person is greeted by their given name.
    words = text.split()
    if len(words) > 2 and (
        _bare(words[0]) in _LAWYER_TITLES
        or (_bare(words[0]) in _LOWER_TITLES and words[0][:1].islower())
    ):
        text = " ".join(words[1:])
    people = _AND.split(text)
    if len(people) == 2 and all(people):
        both = [first_name(p) for p in people]
        return " and ".join(both) if all(both) else ""
    words = text.split()
    if not words:
        return ""
    team = _team_greeting(words)
    if team is not None:
        return team
    if words[0][:1].islower() or _bare(words[0]) in ROLE_WORDS | DETERMINERS:
        return ""  # not a name ("new accounts payable lead"): greet the team instead
    if len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
        return ""  # "HSBC": a company
    if _bare(words[0]) in _TITLES_WRITTEN and len(words) > 1 and words[1][:1].isupper():
        # "Frau Greta Amsel" is greeted "Frau Amsel", as the manager's courtesy title asks;
        # "Frau Dr. Greta Amsel" keeps the doctor ("Frau Dr. Amsel").
        head = words[0][:1].upper() + words[0][1:]
        after = words[1:]
        if _bare(after[0]) in TITLES and len(after) > 1:
            return f"{head} {after[0]} {_family_name(after[1:])}"
        return f"{head} {_family_name(after)}"
    title = _bare(words[0])
    if title not in TITLES or len(words) == 1:
        return _given_name(words)
    names = [w for w in words[1:] if _bare(w) not in _SUFFIXES]
    if not names:
        return text
    if title in _FIRST_NAME_TITLES:
        return f"{words[0]} {_given_name(names)}"
    return f"{words[0]} {_family_name(names)}"
