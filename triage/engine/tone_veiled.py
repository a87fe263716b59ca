"""The tone check's reading of moves said sideways: who acts, who is judged, what follows for
whom, when none of the usual words is there.

Each is found by two or three parts a sentence (or its neighbour) needs together:

- **others held back by us, said to run out** (threats): people who would act against them
  (owners, members, residents, our board) and our restraint on them, with a limit ("I've asked
  them to hold off, but I can't hold them off indefinitely"); a booking or a room we cannot
  hold, or a restraint with no limit, is not;
- **our report on their conduct, left to them** (threats): what we tell a regulator, a board or
  an auditor about their handling, with how much we tell tied to what they do ("we will be
  deciding how much detail regarding your handling to include in our report", "we would
  prefer not to have to describe your handling in our next submission", "a prompt settlement
  would make that a much shorter report"); a duty to report said as one, with a copy offered,
  is not;
- **a lapse with no actor, and the damage traced to it** (blame): a failure told in the
  passive ("was not controlled", "were returned to us unsigned") and what went wrong traced
  from it ("all flow from there", "the beans were spoiled from that"); the same lapse told
  about our own side, or owned in the paragraph, is an account of our mistake;
- **mock acceptance after a lapse** (sarcasm): a shrug or a cheerful certainty that only
  makes sense as irony after the delay just told ("We did order it for the September
  shutdown, but I suppose that's close enough", "it has carried that label since August 14, so
  I'm sure the finish line must be just around the corner", "our pallets, sitting there since
  9 November without a single stock report, would no doubt be delighted to hear it too"), or
  mock learning from their excuse in their own quoted words ("most educational to learn that
  the cause was 'unforeseen circumstances'"); the same words with no lapse beside them are
  sincere;
- **a lapse as their habit** (absolutes): a failure said to happen every period with their
  people ("as seems to happen every quarter with your accounts department, the surcharge was
  applied twice"), or a count over a long period in which their work never once came right
  ("not once in eighteen months has a report reached us on the agreed date").

:func:`read` returns :class:`~triage.engine.tone_clauses.Reading` tuples named
``veiled-...``; the rules of the same names in ``tone-rules.toml`` give each its words.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from triage.engine.tone_clauses import Reading, _Lazy
from triage.engine.tone_moves import _anchored, _cues

__all__ = ["NAMES", "read"]

NAMES = frozenset(
    (
        "veiled-restraint-ends",
        "veiled-report-left-to-them",
        "veiled-lapse-traced",
        "veiled-mock-acceptance",
        "veiled-habit",
    )
)

Span = tuple[int, int]

# -- others held back by us, said to run out ----------------------------------------------------
_PEOPLE = (
    r"(?:them|him|her|everyone|everybody|people|(?:our|my|the|these|those|some of (?:our|the)) "
    r"(?:[\w'-]+ ){0,2}?(?:members|owners|franchisees|residents|customers|clients|tenants|parents|"
    r"board|directors|investors|shareholders|partners|buyers|dealers|stores|growers|lawyers|"
    r"solicitors|trustees|committee|council|neighbours|neighbors|guests|patients|users|"
    r"operators|retailers|landlords|funders|insurers))"
)
_RESTRAINT_ENDS = _Lazy(
    r"\b(?:(?:can't|cannot|can not|won't be able to|will not be able to|am not able to|"
    r"couldn't|could not|don't know (?:how long|if) i can|not sure (?:how long|i can)|only so "
    r"long (?:i|we) can|how much longer (?:i|we) can) (?:continue to |go on |keep |promise to |"
    r"guarantee to |be expected to )?(?:hold(?:ing)?|"
    r"keep(?:ing)?|hold(?:ing)? back|keep(?:ing)? back|stop(?:ping)?|talk(?:ing)?) "
    rf"{_PEOPLE} (?:off|back|quiet|at bay|in check|from [\w'-]+ing|down|out of it))"
    r"(?:[\w' ,-]{0,40}?\b(?:indefinitely|forever|for ever|(?:for )?much longer|for long|for "
    r"very long|past \w+|beyond \w+|after \w+|once \w+))?\b"
)
_RESTRAINT_KEYS = ("hold", "keep", "stop", "talk")
_A_LIMIT = _Lazy(
    r"\b(?:indefinitely|forever|for ever|(?:for )?much longer|for long|for very long|only so "
    r"long|how much longer|how long|past (?:the )?\w+|beyond (?:the )?\w+|after (?:the )?\w+|"
    r"once (?:the )?\w+)\b"
)

# -- our report on their conduct, left to them --------------------------------------------------
_THEIR_CONDUCT = _Lazy(
    r"\b(?:your (?:[\w'-]+ ){0,2}?(?:handling|conduct|performance|part|role|response|record|"
    r"behaviou?r|management|treatment|approach|delays?|failures?|lapses?)|how (?:you|your "
    r"(?:[\w'-]+ ){0,2}?)(?:have |has |had )?(?:handled|managed|responded|dealt|behaved|"
    r"treated|performed|acted))\b"
)
_CONDUCT_KEYS = ("your ", "how you")
_REPORTED = _Lazy(
    r"\b(?:(?:our|the|my|this|that|a) (?:[\w'-]+ ){0,3}?(?:report|submission|return|filing|"
    r"review|audit|notification|disclosure|assessment|write-up|account|evaluation|scorecard|"
    r"reference|minutes|briefing)|regulator|authority|controller|inspector\w*|ministry|"
    r"agency|board|committee|auditors?|insurers?|association|council)\b"
)
_LEFT_TO_THEM = _Lazy(
    r"\b(?:(?:would|'d) (?:very much |much |really |rather )?(?:prefer|rather|like) not to|"
    r"(?:would|'d) hate to|how much (?:detail|of (?:it|this|that)|to (?:say|include|tell|"
    r"mention|put))|how much (?:[\w'-]+ ){1,3}?(?:regarding|about|on|of) |how much of (?:your|how you)|how far to go|whether (?:to|we) "
    r"(?:include|mention|name|describe|detail|set out|report)|(?:a )?(?:much |far |lot |rather )?"
    r"(?:shorter|briefer|longer|fuller|kinder|lighter) (?:report|submission|letter|account|"
    r"entry|one|read)|depend\w* (?:\w+ ){0,2}?on (?:you|your|what you|how you|whether you|the (?:credit|payment|"
    r"settlement|refund|credit note|replacement)))"
)
# "a prompt settlement would naturally make that a much shorter report"
_MADE_SHORTER = _Lazy(
    r"\b(?:would|will|could|might|should) (?:\w+ ){0,2}?make (?:that|this|it|our \w+|the \w+) "
    r"(?:a |an )?(?:much |far |lot |rather |very |considerably )?(?:shorter|briefer|simpler|"
    r"kinder|lighter|gentler|different|easier) (?:report|submission|letter|account|entry|read|"
    r"conversation|story|filing|one)\b"
)
_MADE_KEYS = ("make",)
# a duty told with a copy or their comments invited: an open process, not leverage
_OPEN_COPY = _Lazy(
    r"\b(?:(?:send|share|show|give) you (?:a copy|our draft|the draft|sight)|your (?:comments|"
    r"input|own (?:account|summary|note))|before it (?:goes|is sent|is filed)|so you can "
    r"(?:correct|check|comment|add))\b"
)

# -- a lapse with no actor, and the damage traced to it ----------------------------------------
_LAPSE = _Lazy(
    r"\b(?:(?:was|were|had been|has been|have been) (?:not|never) (?:\w+ly )?(?:controlled|checked|"
    r"maintained|monitored|signed|approved|tested|inspected|cleaned|calibrated|secured|"
    r"followed|completed|updated|supervised|serviced|chilled|covered|protected|labelled|labeled|"
    r"recorded|logged|read|answered|passed on|flagged|escalated)|(?:was|were) (?:returned|sent|"
    r"submitted|handed over|issued|released|delivered|left) (?:back )?(?:to (?:us|the [\w-]+|(?!you\b)[\w-]+) )?"
    r"(?:\w+ )?(?:unsigned|incomplete|unapproved|unchecked|untested|late|half-finished|"
    r"uncovered|without (?:a |the |any )?(?:[\w-]+ ){0,2}?(?:signature|sign-off|approval|notice|"
    r"check|warning|form|permit|certificate|paperwork|labels?))|(?:was|"
    r"were) (?:changed|moved|switched|altered|swapped|cut|turned off|shut off|switched off) "
    r"without (?:any |a |the )?(?:notice|warning|approval|sign-off|telling anyone|checking)|(?:was|"
    r"were) [\w-]+ (?:before|ahead of) (?:the |its |their )?[\w-]+ (?:had|was|were) (?:been )?"
    r"(?:fully |properly )?(?:dried|cured|set|signed off|approved|tested|checked|ready|finished|inspected))"
)
_LAPSE_KEYS = (" not ", " never ", "unsigned", "incomplete", "unapproved", "unchecked", "untested",
               "late", "half-finished", "uncovered", "without", "before", "ahead of")  # fmt: skip
_TRACED = _Lazy(
    r"\b(?:(?:all |everything |each |it )?(?:flows?|flowed|stems?|stemmed|follows?|followed|"
    r"arises?|arose|dates?|dated|traces?|traced|comes?|came|results?|resulted|spread|springs?|"
    r"sprang|cascaded?) (?:back )?(?:directly |straight |only )?(?:from|to) (?:there|that|this|"
    r"it|then|that point|that moment|that date|that day)|(?:was|were) (?:introduced|caused|"
    r"created|triggered|set off|started) (?:at|by|from|when|the moment|the day|at the point)|"
    r"(?:spoiled|spoilt|damaged|ruined|lost|contaminated|rejected|went off|failed|cracked) "
    r"(?:\w+ )?(?:from|because of|by) (?:that|this|it)|as a (?:direct )?(?:result|consequence) "
    r"of (?:that|this|it))\b"
)
_US_IN_LAPSE = _Lazy(r"\b(?:our|we|my|i|we've|i've|we'd|i'd|ours)\b")
_OWNED = _Lazy(
    r"\b(?:sorry|apologi[sz]\w*|regret|our (?:own )?(?:mistake|fault|error|lapse|failure|"
    r"oversight)|(?:on|down to) us|we should have|i should have|we (?:have|'ve) (?:since )?"
    r"(?:changed|fixed|added|introduced|put in place|retrained)|ours to (?:explain|own|fix)|we got "
    r"(?:this|it|that|some of (?:this|it)) wrong|(?:won't|will not) happen again|both of us|we "
    r"both|(?:as )?(?:we|both sides) agreed|jointly)\b"
)

# -- mock acceptance after a lapse -------------------------------------------------------------
_SHRUG = _Lazy(
    r"\b(?:i|we) (?:suppose|guess|dare say|daresay|reckon) (?:that's|that is|it's|it is|this is|"
    r"that was|it was|that'll|that will|(?:[\w'-]+ ){1,3}?(?:is|are|was|were|'s)) (?:\w+ )?"
    r"(?:close|near|good|soon|quick|fast|early) "
    r"enough\b"
)
_SHRUG_KEYS = ("suppose", "guess", "dare", "reckon")
_CHEER = _Lazy(
    r"\b(?:(?:i'm|i am|we're|we are) (?:\w+ )?sure|no doubt|doubtless|surely|presumably|"
    r"i (?:dare say|daresay|imagine))\b(?:[\w' ,-]{0,60}?)\b(?:(?:just )?(?:a?round|round) the "
    r"corner|any (?:day|minute|moment|week|time) now|won't be (?:long|much longer)|(?:must|"
    r"will|should) be (?:close|near|nearly there|almost there|imminent|on (?:its|the) way)|in no "
    r"time|be (?:delighted|thrilled|overjoyed|pleased|glad|happy|relieved) to (?:hear|know|"
    r"learn|read))"
)
_CHEER_KEYS = ("sure", "doubt", "surely", "presumably", "dare", "imagine")
# the delay just told: a date or span gone by, an order's due date, nothing since
_DELAY_TOLD = _Lazy(
    r"\b(?:since (?:\w+ )?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last|the "
    r"start|early|mid|late|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|"
    r"friday)|for (?:\w+ )?(?:weeks|months|years)|(?:order|ordered|book|booked|need|needed|want|"
    r"wanted|promised|due|asked for|scheduled) (?:[\w'-]+ ){0,3}?(?:for|by|on|in) (?:the )?\w+|without (?:a "
    r"single|any|a word|one)|still (?:waiting|not|no|marked|sitting|showing)|(?:weeks|months) "
    r"(?:late|overdue|after))"
)
# ... unless what came, came on time: "it arrived in August, ahead of time; I suppose that's early
# enough" is meant
_ON_TIME = _Lazy(
    r"\b(?:on time|ahead of (?:time|schedule|the date)|early|in good time|before (?:it was )?due|"
    r"as (?:promised|agreed))\b"
)
# a shrug that says why it will do is meant: "close enough for the shutdown, as the fitters
# start on the 9th"
_WHY_IT_WILL_DO = _Lazy(
    r"\s*,?\s*(?:for (?:us|me|the|our|what|now)|as |because|since|so (?:we|that|i)|given|"
    r"to (?:go ahead|proceed|start|keep))"
)
# the work in progress is ours: the cheer is about our own progress
_OUR_WORK = _Lazy(r"\b(?:we|i)(?:'ve| have)? (?:been|are|am|'re|'m) (?:still )?\w+ing\b")
_EDUCATED = _Lazy(
    r"\b(?:most|very|so|truly|highly|extremely|really|particularly) (?:educational|enlightening|"
    r"instructive|illuminating|informative|edifying) to (?:learn|read|hear|discover|find out|see) "
    r"that (?:the )?(?:root )?(?:cause|reason|problem|delay|fault|issue|outage|explanation|"
    r"failure)s?(?: (?:of|for|behind) (?:the |this |that |our |your )?[\w-]+)? (?:was|were|is|are|had been|lay in) ['\"]"
)
_EDUCATED_KEYS = ("educational", "enlightening", "instructive", "illuminating", "informative",
                  "edifying")  # fmt: skip

# -- a lapse as their habit ------------------------------------------------------------------
_HABIT = _Lazy(
    r"\b(?:as|like) (?:it |this |that )?(?:seems to |tends to |always seems to |appears to |"
    r"usually |invariably |so often |inevitably |now seems to |seems always to )?happens? "
    r"(?:(?:\w+ )?(?:every|each|most|almost every|nearly every) (?:\w+ )?(?:quarter|month|week|"
    r"time|year|cycle|run|season|invoice|order|delivery|shipment|statement|period|close|audit|"
    r"spring|summer|autumn|winter|harvest|peak|christmas)|"
    r"at (?:every |each |the )?(?:month|quarter|year|season)[ -]?end)\b"
)
_HABIT_KEYS = ("happen",)
# a habit said as a judgement ("as seems to happen", "as always happens"), not a routine told
_JUDGED_HABIT = _Lazy(r"\b(?:seems?|tends?|always|invariably|so often|inevitably|appears?)\b")
_WITH_THEM = _Lazy(r"\b(?:you|your|yours)\b")
_FAILED = _Lazy(
    r"\b(?:twice|double|wrong\w*|again|late|missing|error\w*|mistakes?|short|incorrect\w*|"
    r"overcharg\w*|not|n't|no|never|lost|broken|failed|forgot\w*|duplicated?)\b"
)
_OURS_HABIT = _Lazy(r"\b(?:our|my|we|i)\b")
_NOT_ONCE = _Lazy(
    r"\b(?:not once|never once|not one single time) in (?:the (?:last |past )?|over |"
    r"almost |nearly |more than )?(?:[\w-]+ ){0,2}?(?:months|weeks|years|quarters|seasons|"
    r"harvests|cycles|sprints|terms|deliveries|orders|shipments|invoices|reports|visits)(?: now)?,? (?:has|have|did|had) (?:[\w'-]+ ){0,4}?"
    r"(?:reached|arrived|come|landed|turned up|been (?:delivered|ready|sent|right|correct|"
    r"complete|on time)|come in|shown up)\b(?:[\w' -]{0,30}?)\b(?:on time|on the (?:agreed|right"
    r"|promised|due) (?:date|day)|by the (?:agreed|due|promised) (?:date|day|time)|in full|"
    r"complete|when (?:promised|agreed|due)|as agreed|in time)\b"
)
_NOT_ONCE_KEYS = ("not once", "never once", "not one single")
_FROM_THEM = _Lazy(r"\b(?:you|your|yours|reached us|to us|with us|we (?:have )?(?:received|got))\b")
_OURS_SENT = _Lazy(r"\b(?:of (?:ours|our)|(?:our|my) own|from us|by us|we (?:sent|made|paid))\b")
_THANKS = _Lazy(r"\b(?:thank\w*|credit to|well done|grateful|impress\w*|congratulat\w*)\b")


def _sentence_no(starts: list[int], at: int) -> int:
    return bisect.bisect_right(starts, at) - 1


def _span_of(starts: list[int], size: int, number: int) -> tuple[int, int]:
    if number < 0 or number >= len(starts):
        return size, size
    return starts[number], starts[number + 1] if number + 1 < len(starts) else size


def _paragraph(low: str, at: int) -> tuple[int, int]:
    lo = low.rfind("\n", 0, at) + 1
    hi = low.find("\n", at)
    return lo, hi if hi != -1 else len(low)


def _restraint(low: str, starts: list[int]) -> Iterator[Reading]:
    for held, lo, hi in _anchored(low, starts, _RESTRAINT_KEYS, _RESTRAINT_ENDS):
        limit = _A_LIMIT.search(low, lo, hi)
        if limit is None:
            continue
        yield Reading("veiled-restraint-ends", *_cues(held.span(), limit.span()))


def _report(low: str, starts: list[int]) -> Iterator[Reading]:
    for conduct, lo, hi in _anchored(low, starts, _CONDUCT_KEYS, _THEIR_CONDUCT):
        told = _REPORTED.search(low, lo, hi)
        lever = _LEFT_TO_THEM.search(low, lo, hi)
        if told is None or lever is None or _OPEN_COPY.search(low, lo, hi):
            continue
        yield Reading("veiled-report-left-to-them", *_cues(lever.span(), conduct.span()))
    for shorter, lo, _hi in _anchored(low, starts, _MADE_KEYS, _MADE_SHORTER):
        p_lo, p_hi = _paragraph(low, lo)
        if _THEIR_CONDUCT.search(low, p_lo, p_hi) is None or _OPEN_COPY.search(low, p_lo, p_hi):
            continue
        if _REPORTED.search(low, p_lo, p_hi) is None:
            continue
        yield Reading("veiled-report-left-to-them", *_cues(shorter.span()))


def _lapse(low: str, starts: list[int]) -> Iterator[Reading]:
    for lapse, lo, hi in _anchored(low, starts, _LAPSE_KEYS, _LAPSE):
        number = _sentence_no(starts, lapse.start())
        _n_lo, n_hi = _span_of(starts, len(low), number + 1)
        traced = _TRACED.search(low, lapse.end(), max(hi, min(n_hi, _paragraph(low, lo)[1])))
        if traced is None:
            continue
        clause = max(low.rfind(",", lo, lapse.start()), low.rfind(";", lo, lapse.start()), lo)
        if _US_IN_LAPSE.search(low, clause, lapse.start()):
            continue  # our own lapse told
        if _OWNED.search(low, *_paragraph(low, lo)):
            continue
        yield Reading("veiled-lapse-traced", *_cues(lapse.span(), traced.span()))


def _delay_before(low: str, starts: list[int], at: int) -> bool:
    number = _sentence_no(starts, at)
    lo = max(starts[max(number - 1, 0)], _paragraph(low, at)[0])
    return _DELAY_TOLD.search(low, lo, at) is not None and _ON_TIME.search(low, lo, at) is None


def _mock(low: str, starts: list[int]) -> Iterator[Reading]:
    for keys, regex in ((_SHRUG_KEYS, _SHRUG), (_CHEER_KEYS, _CHEER)):
        for shrug, _lo, hi in _anchored(low, starts, keys, regex):
            if not _delay_before(low, starts, shrug.start()):
                continue
            if _WHY_IT_WILL_DO.compiled.match(low, shrug.end(), hi):
                continue  # "close enough for the shutdown, as the fitters start on the 9th"
            number = _sentence_no(starts, shrug.start())
            if _OUR_WORK.search(low, starts[max(number - 1, 0)], shrug.start()):
                continue  # "we have been working on it since Monday; I'm sure it's close"
            yield Reading("veiled-mock-acceptance", *_cues(shrug.span()))
    for taught, _lo, _hi in _anchored(low, starts, _EDUCATED_KEYS, _EDUCATED):
        yield Reading("veiled-mock-acceptance", *_cues(taught.span()))


def _habit(low: str, starts: list[int]) -> Iterator[Reading]:
    for habit, lo, hi in _anchored(low, starts, _HABIT_KEYS, _HABIT):
        if not _WITH_THEM.search(low, lo, hi):
            continue
        if not _JUDGED_HABIT.search(habit.group()) and not _FAILED.search(low, habit.end(), hi):
            continue  # "as happens every quarter, your statement will show the surcharge"
        if _THANKS.search(low, lo, hi):
            continue  # "as seems to happen every spring, your orders doubled: thank you"
        if _OURS_HABIT.search(low, habit.start(), habit.end() + 40):
            continue  # "as happens every quarter with our own statements"
        yield Reading("veiled-habit", *_cues(habit.span()))
    for tally, lo, hi in _anchored(low, starts, _NOT_ONCE_KEYS, _NOT_ONCE):
        if not _FROM_THEM.search(low, lo, hi) or _OURS_SENT.search(low, lo, hi):
            continue
        if _OURS_HABIT.search(tally.group()):
            continue  # "not once ... has our report reached you on time": ours, owned
        if _THANKS.search(low, lo, hi):
            continue
        yield Reading("veiled-habit", *_cues(tally.span()))


_READERS = (
    ("veiled-restraint-ends", _restraint),
    ("veiled-report-left-to-them", _report),
    ("veiled-lapse-traced", _lapse),
    ("veiled-mock-acceptance", _mock),
    ("veiled-habit", _habit),
)


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of moves said sideways in ``wanted`` found in ``low``."""
    del breaks  # each is read within its sentence, its neighbour or its paragraph
    found: list[Reading] = []
    for name, reader in _READERS:
        if name in wanted:
            found += reader(low, starts)
    return found
