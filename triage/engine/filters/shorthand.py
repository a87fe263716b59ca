"""Shorthand from our own notes, spelt out in the words a letter to the other side uses."""

from __future__ import annotations

import re

from triage.engine.filters.text import _words

# Each shorthand and its words, chosen so that the meaning never changes: "no PO number = no
# work" reads "no PO number means no work", "sign-off -> release" "sign-off, then release".
# "&" joins words only after a word in small letters, so a name ("Kite & Co", "M&S") is
# kept; " + " joins any two words ("you + Femke"), never two figures.
_LETTER_FORMS = (
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\bw/e\b", re.I), "week ending"),
    (re.compile(r"\bw/(?=\s|$)", re.I), "with"),
    (re.compile(r"\bb/c\b", re.I), "because"),
    (re.compile(r"\basap\b", re.I), "as soon as possible"),
    (re.compile(r"\bthru\b", re.I), "through"),
    (re.compile(r"\bpls\b|\bplz\b", re.I), "please"),
    (re.compile(r"\bapprox\.?(?=\s)", re.I), "about"),
    (re.compile(r"\bincl\.?(?=\s)", re.I), "including"),
    (re.compile(r"\bre:\s*", re.I), "about "),
    (re.compile(r"\bb4\b", re.I), "before"),
    (re.compile(r"\btmrw\b", re.I), "tomorrow"),
    (re.compile(r"\bEOD\b|\beod\b"), "the end of the day"),
    (re.compile(r"\bEOW\b|\beow\b"), "the end of the week"),
    (re.compile(r"\bCOB\b|\bcob\b"), "close of business"),
    (re.compile(r"\b(?:x2|2x)\b", re.I), "twice"),
    (re.compile(r"(?<=\w)\s*(?:->|=>|→)\s*(?:then\s+)?(?=\w)", re.I), ", then "),
    (re.compile(r"^\s*(?:->|=>|→)\s*"), ""),
    (re.compile(r"(?<![\d\s])\s+=\s+(?![\d\s])"), " means "),
    (re.compile(r"(?<![\w'’-])([a-z][\w'’-]*) & (?=[A-Za-z])"), r"\1 and "),
    (re.compile(r"(?<=\w) \+ (?=[A-Za-z])|(?<=[A-Za-z]) \+ (?=\w)"), " and "),
)
# Short month names ("the Nov invoice", "by 18 Dec"), in full: a letter names its months.
_MONTHS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b\.?(?=\s+(?:\d|[a-z])|\s*$|[,;:)])")

# Abbreviations of our own notes and the words a reader outside the team needs, each with
# whether it counts (takes "a"/"an" where no other word stands before it). Terms every buyer
# reads ("PO", "SOW", "SLA") are kept as typed, and so is a reference built on one ("VO-03",
# "IPC/14"): it is the document's name, which both sides use.
_WORDS: dict[str, tuple[str, bool]] = {
    "IPC": ("interim payment certificate", True),
    "EOT": ("extension of time", True),
    "VO": ("variation order", True),
    "QS": ("quantity surveyor", True),
    "LDs": ("liquidated damages", False),
    "T&Cs": ("terms and conditions", False),
    "T&C": ("terms and conditions", False),
    "inv": ("invoice", True),
    "invs": ("invoices", False),
    "pmt": ("payment", True),
    "pmts": ("payments", False),
    "amt": ("amount", True),
    "mgr": ("manager", True),
    "mgmt": ("management", False),
    "mtg": ("meeting", True),
    "mtgs": ("meetings", False),
    "dept": ("department", True),
    "acct": ("account", True),
    "hrs": ("hours", False),
    "mins": ("minutes", False),
    "wk": ("week", True),
    "wks": ("weeks", False),
    "yr": ("year", True),
    "yrs": ("years", False),
    "ppl": ("people", False),
    "D&D": ("demurrage and detention", False),
}
_TERM = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(_WORDS, key=len, reverse=True)) + r")"
    r"(?![\w&]|[-/]\w)"
)
# Figures in thousands ("410k", "41.3k") always, in millions ("1.2m") only beside a currency.
_THOUSANDS = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?[kK]\b")
_MILLIONS = re.compile(
    r"(?<=[£€$])(\d+(?:\.\d+)?)\s?[mM]\b|(?<=\b[A-Z]{3} )(\d+(?:\.\d+)?)\s?[mM]\b"
)


def _thousands(match: re.Match[str]) -> str:
    whole = round(float(match.group(1)) * 1000, 2)
    return f"{int(whole):,}" if whole == int(whole) else f"{whole:,.2f}"


def _millions(match: re.Match[str]) -> str:
    return f"{match.group(1) or match.group(2)} million"


def _counted(text: str, at: int, after: str) -> bool:
    """Whether a counted word at ``at`` needs an article: at the start, or after a verb, a
    preposition or "and"/"or" ("agree EOT", "for EOT"), never before a number ("IPC 14") nor
    after a determiner, a possessive or an adjective ("the IPC", "our full EOT")."""
    if re.match(r"\s*(?:no\.?\s*)?\d", after, re.I):
        return False
    # before an identifier ("inv INK-2609", "PO A-118"): "invoice INK-2609", no article
    if re.match(r"\s*#?[A-Z]{1,6}[-/]?\d", after):
        return False
    before = re.findall(r"[\w'’]+", text[:at])
    return not before or before[-1].lower() in _BEFORE_ARTICLE


# Words after which a counted word takes "a"/"an": verbs that take an object, prepositions.
_BEFORE_ARTICLE = _words(
    """
    and or to in on for of with by at from into about after before without per via under over
    agree agreed grant granted give get need want seek request approve submit raise issue sign
    send accept reject confirm discuss review propose expect owe pay have hold book arrange set
    make is was as than
    """
)


def _article(words: str) -> str:
    return ("an " if words[:1] in "aeiou" else "a ") + words


def _abbreviations(text: str) -> str:
    """``text`` with our trade abbreviations in full words ("deducted from IPC 14" gives
    "deducted from interim payment certificate 14", "agree EOT" "agree an extension of time")."""
    out: list[str] = []
    last = 0
    for found in _TERM.finditer(text):
        short = found.group(1)
        words, counts = _WORDS[short]
        out.append(text[last : found.start()])
        after = text[found.end() :]
        out.append(_article(words) if counts and _counted(text, found.start(), after) else words)
        last = found.end()
    out.append(text[last:])
    return "".join(out)


# A month typed in small letters ("january shipments", "delivered in sept"); "may" and
# "march" only beside a day number, since they are ordinary words too.
_SMALL_MONTH = re.compile(
    r"\b(january|february|april|june|july|august|september|october|november|december"
    r"|(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\s+\d|\s*$|[,;:)]|\s+(?:and|to|or|for)\b)"
    r"|(?<=\d\s)(?:march|may|mar)|(?:march|may)(?=\s+\d))\b"
)
# "didnt", "wasnt": the apostrophe a quick note leaves out.
_NO_APOSTROPHE = re.compile(
    r"\b((?:[Dd]id|[Dd]oes|[Ww]as|[Ww]ere|[Ii]s|[Aa]re|[Hh]as|[Hh]ave|[Hh]ad|[Cc]ould|[Ww]ould"
    r"|[Ss]hould|[Dd]o))nt\b"
)


def _month_name(word: str) -> str:
    short = word[:1].upper() + word[1:]
    return _MONTHS.get(short, short)


def typed_right(text: str) -> str:
    """``text`` as a letter spells what a quick note leaves out: a month typed in small
    letters gets its capital ("january shipments", "in sept" gives "in September") and a
    negative its apostrophe ("didnt" gives "didn't")."""
    text = _SMALL_MONTH.sub(lambda m: _month_name(m.group(1)), text)
    return _NO_APOSTROPHE.sub(lambda m: m.group(1) + "n't", text)


def spell_out(text: str) -> str:
    """``text`` with the shorthand of a note to ourselves in the words a letter uses: "w/",
    "asap", "->", "=", "&", "+", figures in thousands ("EUR 410k" gives "EUR 410,000") and
    the abbreviations of our trade notes ("IPC 14" gives "interim payment certificate 14",
    "agree EOT" "agree an extension of time")."""
    for pattern, instead in _LETTER_FORMS:
        text = pattern.sub(instead, text)
    text = _MONTH.sub(lambda m: _MONTHS[m.group(1)], text)
    text = typed_right(text)
    text = _THOUSANDS.sub(_thousands, text)
    text = _MILLIONS.sub(_millions, text)
    return _abbreviations(text)
