"""Filters for playbook templates and expressions: working days, and answers set into prose.

The sandbox registers them (see ``sandbox.environment``). Each is a pure function;
the text filters are total: none or empty text gives ''.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUOTES = "\"'“”‘’«»"
_CLOSERS = "\"'”’»)]"
_MARKS = ".!?…"


# -- dates ---------------------------------------------------------------------------


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime or 'YYYY-MM-DD' text; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _need_date(value: Any, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    found = as_date(value)
    if found is None:
        raise ValueError(f"{name} needs a date, not {value!r}")
    return found


def next_working_day(day: dt.date, days_off: Collection[dt.date] = ()) -> dt.date:
    """``day`` itself on a working day; else the next one. Saturdays, Sundays and the dates
    in ``days_off`` (public holidays, a closure) are not working days."""
    while day.weekday() >= 5 or day in days_off:
        day += dt.timedelta(days=1)
    return day


def _days_off(value: Any, name: str) -> frozenset[dt.date]:
    """The optional days-off argument of the working-day filters: dates (or their text)."""
    if value is None or value == "":
        return frozenset()
    if isinstance(value, str | dt.date) or not isinstance(value, Iterable):
        raise ValueError(f"{name} needs a list of dates to skip, not {value!r}")
    found = set()
    for item in value:
        day = as_date(item)
        if day is None:
            raise ValueError(f"{name} needs a list of dates to skip, not one holding {item!r}")
        found.add(day)
    return frozenset(found)


def working_day(value: Any, days_off: Any = None) -> dt.date | None:
    """Filter ``working_day(days_off)``: the same date, or the next working day when it falls
    on a Saturday, a Sunday or one of ``days_off`` (optional: a list of dates)."""
    day = _need_date(value, "working_day")
    return None if day is None else next_working_day(day, _days_off(days_off, "working_day"))


def add_working_days(value: Any, count: Any, days_off: Any = None) -> dt.date | None:
    """Filter ``add_working_days(n, days_off)``: n working days later (earlier when n < 0).

    Saturdays, Sundays and the dates in ``days_off`` (optional: a list of dates, such as the
    templates' ``days_off``) are skipped; one working day after a Friday, Saturday or
    Sunday is the next working day after it. ``add_working_days(0)`` is ``working_day``.
    """
    day = _need_date(value, "add_working_days")
    if isinstance(count, float) and count.is_integer():
        count = int(count)
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError(f"add_working_days needs a whole number of days, not {count!r}")
    off = _days_off(days_off, "add_working_days")
    if day is None:
        return None
    if count == 0:
        return next_working_day(day, off)
    step = 1 if count > 0 else -1
    rest = abs(count)
    if not off:  # whole weeks at once: five working days are seven days
        if day.weekday() >= 5:  # count from the working day before (forwards) or after (back)
            day = (
                day - dt.timedelta(days=day.weekday() - 4)
                if step > 0
                else day + dt.timedelta(days=7 - day.weekday())
            )
        weeks, rest = divmod(rest, 5)
        day += dt.timedelta(days=7 * weeks * step)
    elif rest > 3660:
        raise ValueError("add_working_days skips days off over at most 3660 working days")
    while rest:
        day += dt.timedelta(days=step)
        if day.weekday() < 5 and day not in off:
            rest -= 1
    return day


def weekday_date(value: Any) -> str:
    """Filter ``weekday_date``: "Tuesday 3 March 2026"; other text is kept, none gives ''."""
    if value is None:
        return ""
    day = as_date(value)
    if day is None:
        return value if isinstance(value, str) else str(value)
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(value: Any) -> str:
    """Filter ``short_date``: "Tue 3 Mar" for lists of actions; other text is kept, none gives ''."""
    if value is None:
        return ""
    day = as_date(value)
    if day is None:
        return value if isinstance(value, str) else str(value)
    return f"{day:%a} {day.day} {day:%b}"


# -- text ----------------------------------------------------------------------------


def _squash(value: Any) -> str:
    """Text with surrounding space trimmed and every run of whitespace made one space."""
    if value is None:
        return ""
    return " ".join((value if isinstance(value, str) else str(value)).split())


def _mark(run: str) -> str:
    """One terminal mark for a run such as ``..``, ``?.`` or ``!!``."""
    if "?" in run:
        return "?"
    if "!" in run:
        return "!"
    if "…" in run:
        return "…"
    return "..." if run.count(".") >= 3 else "."


def sentence(value: Any, currency: Any = None) -> str:
    """Filter ``sentence(currency)``: trimmed, one line, a capital first letter, one
    terminal mark.

    ``"  we missed the deadline.. "`` gives ``"We missed the deadline."``; a trailing
    ``,``, ``;`` or ``:`` becomes ``.``; a mark inside closing quotes stays there. With
    ``currency`` (optional, a code such as "EUR"), a bare amount gets it: see ``amounts``.
    """
    text = amounts(_squash(value), currency)
    if not any(ch.isalnum() for ch in text):
        return ""
    first = re.match(r"^([\"'“‘(\[«]*)(\w+)", text)
    if first and first.group(2)[0].islower() and not _inner_capital(first.group(2)):
        at = first.start(2)
        text = text[:at] + text[at].upper() + text[at + 1 :]
    tail = re.search(r"[\s,;:.!?…]+$", text)
    if tail and any(ch in _MARKS for ch in tail.group(0)):
        return text[: tail.start()] + _mark(tail.group(0))
    core = text[: tail.start()] if tail else text
    closers = re.search(f"[{re.escape(_CLOSERS)}]+$", core)
    if closers:
        inner = core[: closers.start()]
        inside = re.search(r"[\s,;:.!?…]+$", inner)
        if inside and any(ch in _MARKS for ch in inside.group(0)):
            return inner[: inside.start()] + _mark(inside.group(0)) + closers.group(0)
    return core + "."


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# How an amount is written for the reader: a sign for the currencies that have one everyone
# reads the same way, else the code before the amount ("SGD 41,300").
_CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
_CURRENCY_WORDS = r"pounds?|euros?|dollars?|sterling|[A-Z]{3}"
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
    """
)
_NOT_PLURALS = _words("is was has plus less across as this its unless thus always")


def money_sign(currency: Any) -> str:
    """What goes before an amount in ``currency``: "£", "€", "$", else the code and a space
    ("SGD "); '' when no currency was given."""
    code = _squash(currency).upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        return ""
    return _CURRENCY_SIGNS.get(code, code + " ")


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
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        return sign + text

    def add(match: re.Match[str]) -> str:
        before = text[: match.start()]
        after = text[match.end() :]
        if re.search(rf"(?:[£€$¥]|\b(?:{_CURRENCY_WORDS}))\s?$", before):
            return match.group(0)
        if re.match(rf"\s?(?:{_CURRENCY_WORDS})\b|\s?[£€$%]", after):
            return match.group(0)
        # the words that follow, up to three, a punctuation mark or a small word ("by", "in")
        following = re.match(r"(?:\s+[A-Za-z][\w-]*){1,3}", after)
        for counted in following.group(0).lower().split() if following else []:
            if counted in _DANGLING or counted in _NOT_PLURALS:
                break
            plural = counted.endswith("s") and not counted.endswith("ss")
            if counted in _COUNTED or plural:
                return match.group(0)
        return sign + match.group(0)

    return _AMOUNT.sub(add, text)


def _inner_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:])


# Ordinary English words that start a phrase with a capital only because they come first:
# determiners, pronouns, prepositions, conjunctions, and the adjectives and nouns that
# usually open a dispute's title. Anything else (a name, a month, an acronym) keeps its case.
COMMON_WORDS = _words(
    """
    a an the this that these those some any all each every no not both either neither
    our their your its it his her my we you they he she us them one two three several many
    few most more less much another other such own only just also even still again very too
    to in on for of with by at from into onto about across after against before behind
    between beyond during over under until since through throughout within without via per
    and but or nor so yet if when while because though although unless whether
    there here what which who whose how why where
    last next second third final recent current previous ongoing repeated
    late missed delayed slow wrong incorrect unpaid overdue disputed poor lost broken failed
    missing incomplete inaccurate duplicate double unclear vague unexpected unannounced
    sudden cancelled canceled postponed rejected refused withheld changed reduced increased
    higher lower extra additional hidden unauthorised unauthorized unapproved faulty
    defective damaged bad low high confusing conflicting crossed mixed ignored unanswered
    inconsistent insufficient inadequate frequent constant continued persistent partial
    rude curt angry terse defensive hostile short long small major minor
    serious urgent outstanding unresolved closed shared joint
    invoice invoices payment payments delivery deliveries fee fees charge charges price
    prices pricing billing support service services quality communication communications
    response responses reply replies email emails call calls meeting meetings report
    reports reporting scope deadline deadlines schedule timeline project projects contract
    contracts terms work data access outage outages downtime error errors bug bugs delay
    delays complaint complaints credit credits refund refunds renewal referral referrals
    commission commissions shipment shipments stock order orders ticket tickets account
    pay send agree confirm raise release sign give return share provide settle accept
    withdraw restore fix deliver approve arrange book schedule review extend repay cover
    accounts relationship trust tone staff team targets sales revenue costs cost budget
    define route meet get act refund freeze show name make take keep check use set put ask lead
    tell write add start stop hold move plan plans monitor track train log note record list
    document publish require publishing training weekly monthly daily quarterly yearly
    never nobody nothing everything everyone everybody something someone anyone always
    further written accurate proposals proposal rates rate returns milestones milestone
    client clients customer customers supplier suppliers partner partners buyer buyers
    compliance maintenance performance insurance acceptance evidence guidance governance
    liability security capacity priority availability responsibility visibility
    four five six seven eight nine ten eleven twelve fourteen fifteen twenty thirty
    """
)
# Endings of ordinary nouns, never of a name: "Remediation plan", "Management sign-off",
# "Partnership review". ("-ment" only from eight letters, so "Clement" stays a name.)
_ORDINARY_ENDINGS = ("tion", "tions", "sion", "sions", "ship", "ships")


def _ordinary(word: str) -> bool:
    """Whether a capitalised first word is an ordinary word, written with a capital only
    because it comes first: a common word, or a noun with an ordinary ending."""
    low = word.lower()
    if low in COMMON_WORDS:
        return True
    return low.endswith(_ORDINARY_ENDINGS) or (len(low) >= 8 and low.endswith(("ment", "ments")))


# Words that a phrase can start with where "the" would be wrong: determiners,
# possessives, quantifiers, pronouns and question words.
DETERMINERS = _words(
    """
    the a an our their your its this that these those some any all each every no his her my
    both either neither several many few most much more less another such whose which what
    whatever one two three four five six seven eight nine ten eleven twelve half
    it they them we us you he him she me i how why when where whether who not
    """
)


def clause(value: Any, currency: Any = None) -> str:
    """Filter ``clause(currency)``: an answer for the middle of a sentence.

    Trimmed, one line, without a trailing ``.``, ``!``, ``?``, ``;``, ``:`` or ``,``;
    the first letter is lowercased only when the first word is an ordinary word
    written with a capital (``The``, ``Late``), never a name or an acronym (``Q3``).
    With ``currency`` (optional, a code such as "EUR"), a bare amount gets it: "pay
    invoice 0419 (1,140)" gives "pay invoice 0419 (€1,140)", and ``labels.amount_at_stake |
    clause(currency)`` the amount at stake as the reader expects it ("SGD 41,300").
    """
    text = re.sub(r"[\s.!?…;:,]+$", "", amounts(_squash(value), currency))
    if not any(ch.isalnum() for ch in text):
        return ""
    first = re.match(r"\w+", text)
    if first is None:
        return text
    word = first.group(0)
    rest = text[first.end() :]
    capitalised = word.isalpha() and word[0].isupper() and not _inner_capital(word)
    contraction = word.endswith("n") and re.match(r"['’]t\b", rest) is not None  # Didn't
    # a name of several capitalised words ("New York", "Partnership Board") keeps its case
    named = re.match(r"\s+[A-Z]", rest) is not None and word.lower() not in COMMON_WORDS
    if capitalised and ((_ordinary(word) and not named) or contraction):
        return text[0].lower() + text[1:]
    return text


# First words that make a goal a sentence of its own ("We both want...", "Both teams...").
SUBJECTS = _words(
    """
    we both our i let let's it you they this together everyone each neither either
    """
)


def goal(value: Any) -> str:
    """Filter ``goal``: a shared goal as a sentence, whether typed as one or as a phrase.

    ``"We both want payroll on time"`` gives ``"We both want payroll on time."``;
    ``"Payroll that runs on time"`` gives ``"What we both want is payroll that runs on
    time."``, and a name keeps its capital (``"Acme Retail growing in the north"``).
    """
    text = clause(value)
    if not text:
        return ""
    words = text.split()
    first = words[0].strip("'’\"“(").lower()
    if first in SUBJECTS:
        return sentence(value)
    word = words[0]
    name_like = len(words) > 1 and words[1][:1].isupper()
    if word.isalpha() and word[0].isupper() and not _inner_capital(word) and not name_like:
        text = text[0].lower() + text[1:]
    if first in _GOAL_VERBS and len(words) > 1:  # "grow fleet telematics together"
        return f"We both want to {text}."
    return f"What we both want is {text}."


# Verbs a goal typed as an action opens with: "grow sales in the north", "keep the line running".
_GOAL_VERBS = _words(
    """
    grow keep get deliver finish launch build make reach ship stay avoid restore win agree
    run open hit fix protect save sell go bring complete expand increase reduce cut serve
    renew extend continue work move return recover rebuild repair settle close end part
    """
)


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
# Shorthand of a note to ourselves: "Krogh - Mette says", "A / B", "x + y", "w/", "??", "re:".
_SHORTHAND = re.compile(r"\s[-–—]\s|/|\s\+\s|[?!]{1,}|\bre:|\bvs\.?\b|\.\.|\bw/", re.I)


def _internal_label(text: str, reader: Any) -> bool:
    """Whether an issue's title reads as our own label, not as a topic to name to the other
    side: it names the reader (in the third person), carries a verdict or shorthand."""
    if _SHORTHAND.search(text):
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


def topic(value: Any, reader: Any = None) -> str:
    """Filter ``topic``: ``clause``, with "the " in front unless it already has a determiner.

    ``"Q3 referral fees"`` gives ``"the Q3 referral fees"``; ``"Our late invoices."`` gives
    ``"our late invoices"``; a number, an amount, a possessive (``Acme's``) or an action in
    -ing (``"ending the retainer"``) keeps no "the"; "pricing" and the like are things.

    ``topic(reader)`` is for a draft the other side reads (``reader``: their contact, or ''):
    a title that reads as our internal label gives '', so the draft can name the topic in
    neutral words instead. A label names the reader ("Krogh - Mette says SLA breach"), carries
    a verdict ("breach", "refused", "says", "blowup", "lawyers") or shorthand (" - ", "/",
    " + ", "??", "vs").
    """
    text = clause(value)
    if not text:
        return ""
    if reader is not None and _internal_label(text, reader):
        return ""
    first = re.match(r"[\w'’]+", text)
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


TITLES = _words(
    """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend fr
    father judge capt captain col colonel major maj hon mag ing dipl-ing di dra lic licda sr sra
    srta
    """
)
_FIRST_NAME_TITLES = frozenset({"sir", "dame"})  # Sir Alex, Dame Judi
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "obe", "mbe", "cbe", "esq"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del"})


# Words of a job title, never of a name: "Head of Partnerships", "CEO", "Operations Director".
ROLE_WORDS = _words(
    """
    head chief officer director directors manager managers lead leader owner founder
    cofounder co-founder partner partners president chair chairman chairwoman chairperson
    executive secretary counsel adviser advisor consultant principal engineer team
    directora general gerente jefe jefa presidente presidenta geschäftsführer geschaftsfuhrer
    leiter leiterin directeur directrice responsable amministratore direttore direttrice
    ceo coo cfo cto cro cmo cio ciso cpo dpo md vp svp evp gm hr
    sales operations finance commercial marketing legal account accounts customer
    """
)
_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NAME_SEPARATORS = re.compile(r"\s*,\s*|\s+[-–—]\s+")


def _without_notes(value: Any) -> str:
    """Text without its bracketed notes: "Jo Bloggs (on leave)" gives "Jo Bloggs"."""
    text = _squash(value).strip(_QUOTES + " ")
    while True:
        shorter = _NOTE.sub("", text)
        if shorter == text:
            return " ".join(text.split()).strip(_QUOTES + " ")
        text = shorter


def _is_name(part: str) -> bool:
    """Whether ``part`` reads as a person's name: capitalised words (a title such as "Dr",
    particles such as "van der" and initials allowed), none of them a job title's word."""
    words = part.split()
    if words and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    if not 1 <= len(words) <= 5:
        return False
    for word in words:
        bare = word.strip(".'’")
        if bare.lower() in _PARTICLES:
            continue
        if not bare[:1].isupper() or any(ch.isdigit() for ch in bare):
            return False
        if bare.lower() in ROLE_WORDS or (len(bare) > 1 and bare.isupper()):
            return False
    return True


# Where a note typed after a name starts: "Thomas Gruber / now their lawyers", "Mark Feldman
# w/ me as day to day", "Jo Bloggs cc her COO", "Anna from finance", "Huber Pichler?? or Gruber".
_NOTE_AFTER_NAME = re.compile(
    r"\s*(?:\b[wW]/|\b[cC]/[oO]\b|/|\?|;|\s\+\s)|\s+(?:now|cc|with|via|then|until|from|since|who|as|aka"
    r"|but|or|plus|incl|including|replacing|replaces|instead|acting|temporarily|currently"
    r"|formerly|is|was|has|will|on|to|for|at|because|ex|after|before|when)\b"
)  # the words in small letters only: "Michael To", "Anna On" are names


def _without_trailing_note(text: str) -> str:
    """``text`` up to the first note typed after the name (see ``_NOTE_AFTER_NAME``), when
    a name comes before it: "our CEO Mark Feldman w/ me as day to day" gives "our CEO Mark
    Feldman"; "Ruth Adeyemi and Jens Keller" stays."""
    found = _NOTE_AFTER_NAME.search(text)
    if not found or not found.start():
        return text
    return text[: found.start()].rstrip(" ,-–—:")


def _split_role(part: str) -> tuple[str, str]:
    """A name with a job title beside it and no comma between: ("Mark Feldman", "CEO")
    from "our CEO Mark Feldman" or "Mark Feldman CEO"; ("", "") when it is not so."""
    words = part.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if _is_name(tail) and len(words) - cut >= 2 and _role(head):
            return tail, head
        if _is_name(head) and cut >= 2 and _role(tail) and not _is_name(" ".join(words[: cut + 1])):
            return head, tail
    return "", ""


def _role(text: str) -> bool:
    """Whether ``text`` reads as a job title: one of its words is a job title's word."""
    words = [w.strip(".,'’").lower() for w in text.split()]
    return any(w in ROLE_WORDS for w in words) and not any(w in _PARTICLES for w in words[-1:])


def _name_and_title(value: Any) -> tuple[str, str]:
    """A person's name and job title as typed: ("Daniel Fry", "Head of Partnerships") from
    "Daniel Fry, Head of Partnerships (our CRO withdraws the email)"; a note typed after the
    name ("/ now their lawyers", "w/ me as day to day") is left out."""
    text = _without_notes(value) or _squash(value)
    text = _without_trailing_note(text)
    parts = [p for p in _NAME_SEPARATORS.split(text) if p]
    names = [i for i, part in enumerate(parts) if _is_name(part)]
    if len(parts) == 1 and not names:
        name, title = _split_role(parts[0])
        if name:
            title = re.sub(r"^(?:our|the|my)\s+", "", title, flags=re.I)
            return name, title[:1].upper() + title[1:]
    if len(parts) < 2 or len(names) != 1:  # no name, or "Smith, John": kept as typed
        return text, ""
    named = names[0]
    title = ", ".join(parts[:named] + parts[named + 1 :])
    title = re.sub(r"^(?:our|the|my)\s+", "", title, flags=re.I)
    return parts[named], title[:1].upper() + title[1:]


def person(value: Any) -> str:
    """Filter ``person``: a name answer used as a name (a signature, a sender, an owner,
    "led by"): the name alone, without a job title or a note in brackets.

    ``"Daniel Fry, Head of Partnerships (our CRO withdraws the email)"`` gives
    ``"Daniel Fry"``; ``"our MD, Graham Kaye"`` gives ``"Graham Kaye"``; ``"Dr Ana Ruiz"`` and
    ``"Ruth Adeyemi and Jens Keller"`` stay; words that are not a name keep all but the note.
    """
    return _name_and_title(value)[0]


def job_title(value: Any) -> str:
    """Filter ``job_title``: the job title typed beside a name, for a line of its own under
    a signature: ``"Sarah Quinn, operations director"`` gives ``"Operations director"``;
    a name alone, or a note in brackets, gives ''."""
    return _name_and_title(value)[1]


# -- greeting by name ----------------------------------------------------------------

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
# A romanised Chinese or Korean syllable, as given names are written: "Mei", "Ling",
# "Hsien", "Loong", "Jong". English given names ("Ann", "Jane", "Mary", "Paul") are not.
_SYLLABLE = re.compile(
    r"^(?:ch|sh|zh|ts|hs|[bcdfghjklmnpqrstwxyz])?h?[wy]?[aeiouü]{1,3}(?:ng|[nhkmptrw])?$"
)
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


def _bare(word: str) -> str:
    return word.strip(".,'’").lower()


def _syllabic(words: list[str]) -> bool:
    return all(_SYLLABLE.match(_bare(w)) for w in words)


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
    name is the rest), "ko" (Korean), "vi" (Vietnamese: the given name is the last word), or
    '' when it is not clearly so."""
    first, rest = _bare(names[0]), names[1:]
    if not rest:
        return ""
    if first in _VIETNAMESE_FAMILY:
        return "vi"
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
    if order == "vi":
        return words[-1]  # "Nguyễn Văn An" is Mr An
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
    if order in ("zh", "ko"):
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
    chosen = re.sub(r"^(?:dear|hi|hello)\s+", "", _squash(preferred), flags=re.I)
    chosen = chosen.strip(_QUOTES + " ,;:.!")
    if chosen and "@" not in chosen:
        return chosen
    text = _squash(value).strip(_QUOTES + " ")
    if not text or "@" in text:
        return ""
    text = person(_without_notes(text)).split(",")[0].strip(_QUOTES + " ")
    people = re.split(r"\s+(?:and|&)\s+", text)
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
    title = _bare(words[0])
    if title not in TITLES or len(words) == 1:
        return _given_name(words)
    names = [w for w in words[1:] if _bare(w) not in _SUFFIXES]
    if not names:
        return text
    if title in _FIRST_NAME_TITLES:
        return f"{words[0]} {_given_name(names)}"
    return f"{words[0]} {_family_name(names)}"


def first_sentence(value: Any) -> str:
    """Filter ``first_sentence``: the text up to the end of its first sentence.

    ``"Talks failed. Take advice."`` gives ``"Talks failed."``; "e.g." or "3.5" do not end
    a sentence, because the next word must start with a capital letter.
    """
    text = _squash(value)
    found = re.match(r"(.+?[.!?])(?=\s+[\"“(]?[A-Z])", text)
    return found.group(1) if found else text


# Where a long text may be cut, best first: a sentence's end, then ";", then ":", " (" or a
# dash, then ",". Each pattern matches just before the cut.
_CUTS = (
    re.compile(r"[.!?](?=\s+[\"“(]?[A-Z0-9])"),
    re.compile(r";(?=\s)"),
    re.compile(r"(?::(?=\s)|(?=\s\()|(?=\s[–—-]\s))"),
    re.compile(r",(?=\s)"),
)


def brief(value: Any, words: Any = 25, last: Any = 0) -> str:
    """Filter ``brief(n)``: a long answer shortened to at most n words for a list, cut where
    the text allows (a sentence's end, else ";", ":", a bracket, else ","), as long as three
    quarters of the words are kept and no bracket is left open; else at a word, but not after
    "and", "the" and the like. "…" marks what was left out; text only a few words over n is
    kept whole.

    ``brief(n, last=m)`` keeps the whole sentences at the end that fit in m words too, after
    the "…": an account shortened that way keeps how it began and where it stands now.
    """
    text = _squash(value)
    for name, count in (("words", words), ("last", last)):
        if isinstance(count, bool) or not isinstance(count, int) or count < (name == "words"):
            raise ValueError(f"brief needs a whole number of {name}, not {count!r}")
    found = list(re.finditer(r"\S+", text))
    if len(found) <= words + last + max(2, words // 5):  # a few words over: not worth a cut
        return text
    head = text[: found[words - 1].end()]
    ranked = [_cuts_outside_brackets(head, cut) for cut in _CUTS]
    most = found[words * 3 // 4].start()
    best = next((max(ends) for ends in ([e for e in r if e >= most] for r in ranked) if ends), None)
    if best is None and head.count("(") > head.count(")"):  # an earlier cut, outside brackets
        least = found[min(4, words - 1)].start()
        best = max((e for ends in ranked for e in ends if e >= least), default=None)
    if best is None:  # no cut in the text: at a word, but not after "and", "the", "with"...
        best = len(head)
        while (
            (bare := head[:best].rsplit(None, 1)) and len(bare) > 1 and bare[1].lower() in _DANGLING
        ):
            best = len(bare[0])
    shortened = re.sub(r"[\s,;:(–—-]+$", "", head[:best]).rstrip(".") + "…"
    starts = [m.end() for m in _CUTS[0].finditer(text) if m.end() > best]
    tail = next((text[s:].strip() for s in starts if len(text[s:].split()) <= last), "")
    return f"{shortened} {tail}" if tail else shortened


# Words a shortened text must not end on.
_DANGLING = _words(
    """
    a an the and or but nor of to in on at by for with from into than that which who whose
    our their your its his her my this these those as if so not no what when where how
    we they you it is are was be will would can could should must may then each every any
    """
)


def _cuts_outside_brackets(text: str, cut: re.Pattern[str]) -> list[int]:
    """Where ``cut`` allows ``text`` to be cut, leaving no bracket open (and not after the
    full stop of "Dr." or "Prof.")."""
    ends = (m.end() if m.group(0) else m.start() for m in cut.finditer(text))
    return [
        e
        for e in ends
        if text[:e].count("(") <= text[:e].count(")")
        and not (text[e - 1] == "." and _title_before(text[: e - 1]))
    ]


def _title_before(text: str) -> bool:
    word = text.rsplit(None, 1)[-1] if text.strip() else ""
    return word.lower() in TITLES or len(word) == 1


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


def join_and(value: Any) -> str:
    """Filter ``join_and``: ``["a", "b", "c"]`` gives ``"a, b and c"``; empty items are dropped."""
    if value is None:
        return ""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return _squash(value)
    items = [text for item in value if item is not None and (text := _squash(item))]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# -- escaping for an output kind ---------------------------------------------------


_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What opens a block when it starts a line: a heading, a list item, a setext underline or
# a thematic break ("*", "_", ">" and "`" are escaped everywhere already).
_MD_BLOCK_START = re.compile(
    r"^(?=#{1,6}(?:\s|$)|[+-](?:\s|$)|=+\s*$|-(?:\s*-){2,}\s*$)|^(\d{1,9})(?=[.)](?:\s|$))"
)


def markdown_inline(text: str) -> str:
    """A value written into Markdown: one line, read as plain words in CommonMark and GFM
    (backslash escapes of ASCII punctuation, which pandoc reads the same way). It cannot
    open a heading, a list, a quote or a code span, end a table cell, start emphasis or a
    link, or pass HTML through; ``5 < 6 & "x"`` stays readable.
    Spaces at either end are kept: templates join values with them.
    """
    text = re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    text = _MD_ENTITY.sub("&amp;", text)
    return _MD_BLOCK_START.sub(lambda m: (m.group(1) or "") + "\\", text, count=1)


_MODALS = "will|would|can|could|shall|should|may|might|must|'ll|’ll"
_AS_SUBJECT = {"is": "am", "was": "was", "has": "have", "does": "do"}
_AS_YOU = {"is": "are", "was": "were", "has": "have", "does": "do"}
_PREPOSITIONS = "with|from|to|by|for"
# Words after a name that end in -s but are no verb in the present tense: "Helen as lead".
_NOT_VERBS = _words(
    """
    as is was has does its plus across always perhaps thus unless less towards afterwards
    this us yes
    """
)
# Adverbs allowed between a name and its verb: "Helen now leads", "Helen personally calls".
_ADVERBS = "now|also|personally|herself|himself|then|from|always"
# Verbs (and adverbs) that may follow a plural noun opening a text: "partners are told...",
# "key accounts get a call...". Such a subject is who "they" and "their" stand for.
_AFTER_SUBJECT = _words(
    """
    are were get got see go have had receive will would can could must should may always
    only now then also all each never do did need keep take hear
    """
)


def _base_form(verb: str) -> str:
    """The verb in "I will ...": "leads" gives "lead", "carries" "carry", "fixes" "fix"."""
    low = verb.lower()
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def _present_verb(word: str) -> bool:
    low = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in _NOT_VERBS
    )


def _name_pattern(value: Any, with_title: bool) -> str:
    """A regular expression for a person as a text may name them: full name, first name,
    and (``with_title``) "our <job title>" when a title was typed beside the name."""
    own, title = _name_and_title(value)
    names = {own, first_name(value)} - {""}
    names = {n for n in names if n[:1].isupper() and not _ordinary(n.split()[0])}
    patterns = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
    if with_title and title:
        patterns.insert(0, r"our\s+" + r"\s+".join(re.escape(w) for w in title.split()))
    return "|".join(patterns)


def _keep_case(word: str, new: str) -> str:
    return new[:1].upper() + new[1:] if word[:1].isupper() else new


def _you(match: re.Match[str], new: str) -> str:
    """``new`` for a name: with a capital only where a sentence starts inside the text."""
    before = match.string[: match.start()].rstrip()
    return new[:1].upper() + new[1:] if before.endswith((".", "!", "?")) else new


def _in_own_voice(text: str, name: str) -> str:
    """``text`` with the sender (matched by ``name``) in the first person."""
    start = rf"^(?:{name})\b"

    def subject(match: re.Match[str]) -> str:
        verb = match.group(1)
        return "I " + _AS_SUBJECT.get(verb.lower(), verb)

    text, made = re.subn(
        rf"{start}\s+({_MODALS}|is|was|has|does)\b", subject, text, count=1, flags=re.I
    )
    if not made:  # "Marisol leads the account from now on" -> "I will lead the account ..."
        found = re.match(rf"{start}\s+((?:(?:{_ADVERBS})\s+)?)([a-z]+)\b", text, flags=re.I)
        if found and _present_verb(found.group(2)):
            adverb = found.group(1)
            text = f"I will {adverb}{_base_form(found.group(2))}{text[found.end() :]}"
            made = 1
    if made:  # "Helen will call you herself" -> "I will call you myself"
        text = re.sub(r"\b(?:herself|himself|themselves|themself)\b", "myself", text, count=1)
    text = re.sub(rf"{start}['’]s\b", "my", text, count=1, flags=re.I)
    text = re.sub(rf"\b({_PREPOSITIONS})\s+(?:{name})\b(?!['’])", r"\1 me", text, flags=re.I)
    # In a list of people ("Callum Reid and our service manager"), the sender is "me".
    parts = re.split(r"(\s*;\s*)", text)
    for i, part in enumerate(parts):
        listed = len(parts) > 1 or re.search(r",|\sand\s", part)
        if listed and _people(part) and not re.fullmatch(rf"(?:{name})", text, flags=re.I):
            parts[i] = re.sub(rf"\b(?:{name})\b(?!['’])", "me", part, flags=re.I)
    return "".join(parts)


_VERB = re.compile(rf"\b(?:{_MODALS}|is|are|am|was|were|has|have|does|do|did)\b", re.I)


def _people(part: str) -> bool:
    """Whether ``part`` reads as a list of people ("Jo Bloggs, our DPO and me"): short,
    without a verb, a full stop or a colon."""
    return (
        bool(part)
        and len(part.split()) <= 14
        and not re.search(r"[.:!?]", part)
        and not (_VERB.search(part))
    )


def _in_order(text: str) -> str:
    """Each list of people with "you" first and "me" last: "your finance director and you"
    gives "you and your finance director", "me, our DPO" gives "our DPO and me", and a
    list of just "you" and "me" reads "you and me"."""
    parts = re.split(r"(\s*;\s*)", text)
    for i, part in enumerate(parts):
        if not _people(part):
            continue
        items = [x for x in re.split(r"\s*,\s*|\s+and\s+", part) if x]
        low = [x.lower() for x in items]
        if len(items) < 2 or not ({"you", "me"} & set(low)):
            continue
        ordered = [re.sub(r"^(?:his|her)\b", "your", x) if "you" in low else x for x in items]
        if low[-1] == "you":  # "your finance director and you": "you and ..."
            ordered = ordered[-1:] + ordered[:-1]
        ordered = [x for x in ordered if x.lower() != "me"] + [
            x for x in ordered if x.lower() == "me"
        ]
        ordered = [ordered[0]] + [
            x[0].lower() + x[1:] if x.split()[0].lower() in DETERMINERS else x for x in ordered[1:]
        ]
        if ordered != items:
            parts[i] = join_and(ordered)
    text = "".join(parts)
    return "you and me" if re.fullmatch(r"you\s*;\s*me", text) else text


def _plural_subject(text: str) -> bool:
    """Whether ``text`` opens with a plural noun as its subject ("key accounts get a call",
    "partners are told"): then "they" and "their" in it are those, not the reader."""
    words = re.findall(r"[\w'’-]+", text)
    for i, word in enumerate(words[:3]):
        low = word.lower()
        if low in ("we", "i", "our", "you", "a", "an", "one"):
            return False
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        plural = len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
        if plural and after and (after in _AFTER_SUBJECT or after.endswith("ed")):
            return True
    return False


_THEY = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourselves",
    "they're": "you're",
    "they’re": "you’re",
    "they've": "you've",
    "they’ve": "you’ve",
    "they'll": "you'll",
    "they’ll": "you’ll",
    "they'd": "you'd",
    "they’d": "you’d",
}


def _to_reader(text: str, name: str) -> str:
    """``text`` addressed to its reader: the reader's name (matched by ``name``), and "they",
    "them" and "their" for their side, in the second person."""
    if name:
        start = rf"(?:{name})\b"

        def you_subject(match: re.Match[str]) -> str:
            verb = match.group(1)
            return _you(match, "you ") + _AS_YOU.get(verb.lower(), verb)

        text = re.sub(rf"{start}\s+({_MODALS}|is|was|has|does)\b", you_subject, text, flags=re.I)
        text = re.sub(rf"{start}['’]s\b", lambda m: _you(m, "your"), text, flags=re.I)
        text = re.sub(rf"{start}(?!['’])", lambda m: _you(m, "you"), text)
    if _plural_subject(text):
        return text
    text = re.sub(r"\bon\s+their\s+own\b", "on-their-own", text, flags=re.I)  # an idiom
    text = re.sub(
        r"\b(?:they(?:['’](?:re|ve|ll|d))?|them(?:selves)?|theirs?)\b",
        lambda m: _keep_case(m.group(0), _THEY[m.group(0).lower()]),
        text,
        flags=re.I,
    )
    return text.replace("on-their-own", "on their own").replace("On-their-own", "On their own")


# Words about our own internal limits and advice, which are not for the other side's eyes:
# "without authority", "beyond his mandate", "our legal team thinks".
_INTERNAL = (
    (
        re.compile(
            r",?\s+(?:without|beyond|outside|above)\s+(?:(?:his|her|their|our|my|the|any|proper"
            r"|prior|internal|formal)\s+)*(?:authority|authorisation|authorization|approval"
            r"|sign-off|mandate)\b",
            re.I,
        ),
        "",
    ),
    (re.compile(r",?\s+(?:within|under)\s+(?:our|my|the|his|her)\s+mandate\b", re.I), ""),
    (
        re.compile(
            r"\b(?:our|my)\s+(?:legal\s+team|lawyers?|solicitors?|counsel|legal\s+advisers?)"
            r"\s+(?:thinks?|says?|believes?|advises?|advised|tells?\s+us|told\s+us)\s+(?:that\s+)?",
            re.I,
        ),
        "we think ",
    ),
    (re.compile(r"\b(?:on|following)\s+legal\s+advice,?\s*", re.I), ""),
)


def _for_their_eyes(text: str) -> str:
    """``text`` without the words about our internal limits and advice (see ``_INTERNAL``)."""
    for pattern, instead in _INTERNAL:
        text = pattern.sub(instead, text)
    return " ".join(text.split())


# Shorthand of a note to ourselves, in the words a letter uses.
_SHORT_FORMS = (
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\bw/(?=\s|$)", re.I), "with"),
    (re.compile(r"\bb/c\b", re.I), "because"),
    (re.compile(r"\s\+\s"), " and "),
    (re.compile(r"\s&\s"), " and "),
    (re.compile(r"\besp\.?(?=\s)", re.I), "especially"),
    (re.compile(r"\bmgr\b", re.I), "manager"),
    (re.compile(r"\bintro\b", re.I), "introductory"),
    (re.compile(r"\b(did|does|do|was|were|is|are|could|would|should|ca|wo)nt\b", re.I), r"\1n't"),
    (re.compile(r"\b([a-z]{3,})/([a-z]{3,})\b"), r"\1 or \2"),
    (re.compile(r"\bVP (Sales|Marketing|Operations|Engineering|Product|Finance|Partnerships)\b"),
     r"VP of \1"),
)  # fmt: skip
# How one of our people spoke, named as a verdict in our own notes ("insulted their team"):
# in the letter, owned as conduct that should not have happened.
_HARSH = re.compile(
    r"\b(?:insulted|abused|belittled|was rude to|were rude to|shouted at|yelled at|swore at"
    r"|talked down to|lost (?:his|her|their|my|our) temper with)\s+",
    re.I,
)
# A note that opens on what we did, with no one doing it: "answered with a link",
# "never agreed how...", "no intro call when...".
_OUR_PAST = re.compile(
    r"^(?:[a-z]+ed|sent|forgot|took|made|gave|left|told|kept|let|lost|put|said|spoke|went"
    r"|never|did|didn't|failed|missed)\b"
)
_DONE = r"[a-z-]+ed|sent|made|given|left|told|kept|lost|taken|done|shown|written|forgotten|paid"
_OUR_GROUPS = _words(
    """
    direct sales support ops operations delivery project engineering dev tech billing
    finance account accounts marketing legal product service customer field
    pm pms am csm ae sdr bdm kam qa
    """
)

# Our people by their job, for "designer's email": a role word, a group, or an agent noun.
_AGENT = r"^(?:[a-z-]+(?:er|or|ist|ant)|" + "|".join(sorted(ROLE_WORDS | _OUR_GROUPS)) + r")$"
_THING_FAILED = re.compile(
    r"^(?:didn['’]t|did|doesn['’]t|wasn['’]t|weren['’]t|was|were|had|hadn['’]t|never|failed"
    r"|lacked|omitted|missed|gave|showed|said)$"
)


def _as_ownership(text: str) -> str:
    """One of our mistakes, as typed in our own notes, as the other side should read it:
    shorthand spelt out, our people as "our" ("VP Sales insulted..." gives "our VP of Sales
    spoke to your team ... in a way that was not acceptable"), and a note with no subject
    ("answered with a link", "no call when...") given "we" or "there was"."""
    for pattern, instead in _SHORT_FORMS:
        text = pattern.sub(instead, text)
    harsh = _HARSH.search(text)
    if harsh:
        end = re.search(r"[.;]\s|[.;]?$", text[harsh.end() :])
        cut = harsh.end() + (end.start() if end else len(text) - harsh.end())
        text = (
            text[: harsh.start()]
            + "spoke to "
            + text[harsh.end() : cut]
            + " in a way that was not acceptable"
            + text[cut:]
        )
    words = text.split()
    if not words:
        return text
    first = words[0]
    low = first.lower().strip(".,")
    keep = first.isupper() or _inner_capital(first) or not _ordinary(first.strip(".,"))
    lower = first if keep else first.lower()
    if low == "no" and len(words) > 1:
        return "there was no" + text[len(first) :]
    if low in DETERMINERS or low in ("we", "i", "you", "there", "it", "they"):
        return text
    if _OUR_PAST.match(low) or (low == "not" and len(words) > 1):
        return "we " + lower + text[len(first) :]
    role = low in ROLE_WORDS or low in _OUR_GROUPS
    if role and len(words) > 1:
        return "our " + lower + text[len(first) :]
    # "designer's email saying..." gives "our designer's email saying..."
    owner = re.fullmatch(r"([a-z-]+)['’]s", low)
    plain = first[:1].islower()  # typed in small letters: not a name
    if owner and len(words) > 1 and plain and re.search(_AGENT, owner.group(1)):
        return "our " + lower + text[len(first) :]
    # "quote didn't define..." gives "our quote didn't define...": a thing of ours that failed.
    if len(words) > 1 and plain and _THING_FAILED.match(words[1].lower()):
        return "our " + lower + text[len(first) :]
    # "commission rejected without..." gives "we rejected the commission without...";
    # "the redirect and the texts not tested" gives "... were not tested".
    thing = re.match(rf"((?:[\w'’-]+\s+){{0,5}}?[\w'’-]+)\s+(not\s+)?({_DONE})\b", text)
    named = (
        first[:1].isupper() and not _ordinary(first) and " " not in thing.group(1) if thing else 0
    )
    if (
        thing
        and not named
        and not re.search(r"\b(?:is|was|were|are|has|have|had|been|we|i)\b", thing.group(1), re.I)
    ):
        noun = lower + thing.group(1)[len(first) :]
        rest = text[thing.end() :]
        if thing.group(2):
            plural = " and " in noun or noun.endswith("s")
            return f"the {noun} {'were' if plural else 'was'} not {thing.group(3)}{rest}"
        return f"we {thing.group(3)} the {noun}{rest}"
    return text


def first_person(value: Any, sender: Any, reader: Any = None, owned: Any = False) -> str:
    """Filter ``first_person(sender, reader)``: the sender's own commitments in their own
    voice, addressed to the reader.

    A fix typed as "Helen will call every Friday" reads oddly in an email Helen signs.
    With ``sender`` "Helen Achebe", it becomes "I will call every Friday"; "Helen leads the
    account from now on" becomes "I will lead the account from now on"; "Helen's team"
    becomes "my team", "with Helen" becomes "with me", and in a list of people "Helen Achebe
    and our DPO" becomes "our DPO and me". The sender's full name or first name is
    recognised only as the subject of a verb, as a possessive, after with/from/to/by/for or
    in such a list; anything else is left as typed. A job title typed beside the sender's
    name counts too: with sender "Ravi Menon, COO", "our COO will call you himself" becomes
    "I will call you myself".

    With ``reader`` (optional: their contact), the text speaks to them: "Dana's figures"
    becomes "your figures", "Dana will confirm" "you will confirm", and "they", "them" and
    "their" become "you" and "your" ("staged releases for their depots" gives "staged
    releases for your depots"), unless the text opens with a plural subject of its own
    ("partners are told about deals in their territory" stays as typed), or in "on their own".
    Words about our internal limits and advice are left out too, since the other side reads
    the text: "without authority", "beyond his mandate"; "our legal team thinks" becomes "we
    think". A ``reader`` of '' (their contact not known) does all this but the name.

    ``owned=True`` is for one of our mistakes as typed in our own notes: it is put as the
    other side should read it, owned by us and without our shorthand ("VP Sales insulted
    their team on the call" gives "our VP of Sales spoke to your team on the call in a way
    that was not acceptable"; "answered with a link instead of a call" gives "we answered
    ..."; "no intro call when their manager changed" gives "there was no introductory call
    when your manager changed").
    """
    text = _squash(value)
    if not text:
        return text
    name = _name_pattern(sender, with_title=True)
    if name:
        text = _in_own_voice(text, name)
    if owned:
        text = _as_ownership(text)
    if reader is not None:
        text = _for_their_eyes(_to_reader(text, _name_pattern(reader, with_title=False)))
    return _in_order(text)


# How a text names one of our own people by their job: "our COO", "our head of partnerships".
_OUR_ROLE = re.compile(
    r"\b(?:our|my)\s+(?:[a-z-]+\s+){0,2}?(?:c[a-z]o|md|vp|managing\s+directors?|directors?|"
    r"managers?|founders?|chair(?:man|woman|person)?|president|owner|head\s+of\s+[a-z]+"
    r"|chief\s+[a-z]+\s+officer)\b",
    re.I,
)


def our_roles(value: Any) -> list[str]:
    """Filter ``our_roles``: the phrases in a text that name one of our own people by their
    job, in the third person ("our COO will call you himself" gives ``["our COO"]``), so a
    template can ask the signer to check a draft that may speak of them as someone else."""
    return [m.group(0) for m in _OUR_ROLE.finditer(_squash(value))]
