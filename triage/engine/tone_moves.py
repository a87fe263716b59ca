"""The tone check's reading of our moves against them: what our side says it will do, or
where it says the dispute is going, read by the kind of move rather than by its words.

Each move is a pair of broad classes, and a sentence needs both:

- **a forum ahead**: a court, a tribunal, an arbitrator or "legal options", with the dispute
  said to be heading there or our side weighing it ("that is where it is heading", "we are
  looking at our other options, legal ones included"); a wish shared with them to stay out
  of it ("neither of us wants this in court") is the opposite move;
- **our case said to be strong**: someone's view that our claim or position would win ("our
  lawyer thinks we have a very good case"), which only matters if a forum is ahead;
- **their conduct told to people who judge them**: our side copying, raising or reporting it
  to an association, a buyers' group, their other customers or their board ("so that they are
  aware of how this has been handled"); praise told to the same people, a duty to report, or
  a question, is not a move against them;
- **a last request**: our asking said to be final ("this is the last time I am going to
  ask"), or their silence taken as their yes ("we will take your silence as acceptance");
- **a sanction left vague**: other measures, further steps, the whole relationship looked at
  again, by our side, under a condition on them ("if no solution is offered, we will have to
  look at other measures to protect our business"); none, taken together, or for them, is not;
- **a date, then a loss**: a date passed ("after that", "beyond Thursday") or a condition on
  them with a date, and then our custom going elsewhere or their order, retention or discount
  lost with no one named as doing it ("the purchase order will lapse").

:func:`read` returns :class:`~triage.engine.tone_clauses.Reading` tuples named
``move-...``; the rules of the same names in ``tone-rules.toml`` give each its words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from triage.engine.tone_clauses import Reading, _Lazy

__all__ = ["NAMES", "read"]

NAMES = frozenset(
    ("move-forum", "move-audience", "move-last-ask", "move-after-date", "move-sanction")
)

Span = tuple[int, int]


def _anchored(
    low: str, starts: list[int], keys: tuple[str, ...], anchor: _Lazy
) -> Iterator[tuple[re.Match[str], int, int]]:
    """The first match of ``anchor`` in each sentence, with the sentence's span; no scan at
    all when the text holds none of ``keys``, plain substrings one of which every match
    contains (most drafts hold none, so a move costs them a few substring tests)."""
    if not any(key in low for key in keys):
        return
    seen = -1
    for match in anchor.finditer(low):
        number = bisect.bisect_right(starts, match.start()) - 1
        if number == seen:
            continue
        seen = number
        yield match, starts[number], starts[number + 1] if number + 1 < len(starts) else len(low)


def _cues(*matches: Span) -> tuple[int, int, tuple[Span, ...]]:
    spans = tuple(sorted(matches))
    return spans[0][0], max(end for _start, end in spans), spans


# -- a forum ahead -----------------------------------------------------------------------------
_FORUM = _Lazy(
    r"\b(?:courts?|tribunal|arbitrat\w+|adjudicat\w+|litigat\w+|proceedings|lawsuit|small "
    r"claims|legal (?:action|route|steps?|options?|ones|remedies|avenues|measures|means|"
    r"channels|process|recourse|path|road)|the law|a judge|sue|suing)\b"
)
_FORUM_KEYS = (
    "court", "tribunal", "arbitrat", "adjudicat", "litigat", "proceedings", "lawsuit",
    "small claims", "legal", "the law", "a judge", " sue", "suing",
)  # fmt: skip
# the dispute said to be heading there, or our side weighing it
_AHEAD = _Lazy(
    r"\b(?:where (?:it|this|things|we|the \w+)(?:'s| is| are|'re)? (?:heading|headed|going|"
    r"going to end|ending up)|(?:heading|headed) (?:for|to|towards|into)|(?:will|would|'ll|'d|"
    r"is going to|are going to|looks? like it will|may well|might well|could well) (?:have to )?"
    r"(?:end up|wind up|finish up|land|go)\b|(?:looking at|considering|exploring|weighing|"
    r"reviewing|keeping|assessing) (?:all )?(?:of )?(?:our|my|the)? ?(?:\w+ )?(?:options|"
    r"alternatives|next steps|remedies)|next (?:step|stop)|only (?:way|route|option) left|"
    r"no (?:other )?(?:choice|alternative|option) (?:but|than|except)|(?:available|open) to "
    r"(?:us|me)|at our disposal|(?:we|i) (?:can|could) (?:always |still )?(?:go|take (?:it|this)|"
    r"refer (?:it|this)|turn))"
)
# the forum as something both of us want to stay out of, or theirs, or offered, or asked
_AWAY = _Lazy(
    r"\b(?:avoid\w*|neither of us|nobody wants|no one wants|(?:don't|do not|doesn't|does not|"
    r"never) (?:want|need|wish|intend|plan|have)|rather (?:not|than)|instead of|keep \w+ out "
    r"of|without|mediat\w*|prevent\w*|your (?:own )?(?:lawyers?|solicitors?|counsel|legal)|"
    r"if (?:you|either of us) (?:would like|wish|want|prefer)|both (?:want|prefer|hope)|no "
    r"need)\b|\?"
)
# ... unless a clause after "but" says it is heading there all the same
_BUT_AHEAD = _Lazy(r"\bbut\b[^.;!?]*\b(?:that|this|it)(?:'s| is) (?:where|what)\b")

# -- our case said to be strong ------------------------------------------------------------------
_STRONG_CASE = _Lazy(
    r"\b(?:(?:we|i)(?:'ve| have| had|'d have| would have)(?: got)? an? (?:\w+ )?(?:good|strong|"
    r"solid|watertight|cast-iron|clear|winning|excellent|compelling) (?:case|claim)|(?:our|my) "
    r"(?:case|claim|position)(?: (?:on|about|over|for)(?: [\w'-]+){1,4}?)? (?:is|was|would "
    r"be|looks|seemed|seems) (?:\w+ )?(?:good|strong|solid|watertight|cast-iron|clear|"
    r"compelling|unanswerable))\b(?! for\b)"
)
_STRONG_KEYS = ("case", "claim", "position")
_STRENGTH_KEYS = (
    "good", "strong", "solid", "watertight", "cast-iron", "clear", "winning", "excellent",
    "compelling", "unanswerable",
)  # fmt: skip
_WHO_SAYS = _Lazy(
    r"\b(?:lawyers?|solicitors?|attorneys?|barristers?|counsel|legal|advisers?|advisors?|"
    r"partner at|(?:[\w&]+ )?(?:llp|& co|and co)|thinks?|thought|believes?|believed|says?|said|"
    r"told (?:me|us)|view|opinion|advice|advised)\b"
)

# -- their conduct told to people who judge them --------------------------------------------
_TELLING = _Lazy(
    r"\b(?:(?:i|we)(?:'ve| have| had|'ll| will| shall|'m| am|'re| are| was| were)? ?(?:now |"
    r"also |already |just |going to |be )?(?:copied|copying|cc'd|cc-ed|cc|looped|looping|"
    r"loop|raise|raising|raised|report|reporting|reported|tell|telling|told|inform|informing|"
    r"informed|mention|mentioning|brief|briefing|briefed|share|sharing|shared|forward|"
    r"forwarding|forwarded|put (?:this|it) (?:before|in front of)|bring|bringing|brought|"
    r"flag|flagging|flagged|let)\b)|"
    # what we tell them held open ("I have not yet decided what to tell her"), or their judge
    # about to ask us ("he will no doubt ask how the account is going")
    r"\b(?:i|we)(?:'ve| have|'m| am|'re| are)? (?:not|n't)? ?(?:yet )?(?:decided|sure) "
    r"(?:yet )?(?:what|how much) (?:to|i'll|we'll|i will|we will) (?:tell|say)\b|"
    r"\b(?:he|she|they)(?:'ll| will| is going to| are going to| may| might| is bound to| are "
    r"bound to) (?:no doubt |surely |certainly |probably |definitely )?ask (?:me |us )?(?:how|"
    r"what|about|why)\b"
)
_TELLING_KEYS = (
    "copied", "copying", "cc", "loop", "rais", "report", "tell", "told", "inform", "mention",
    "brief", "shar", "forward", "put this", "put it", "bring", "brought", "flag", "let",
    "decided", "sure", "ask",
)  # fmt: skip
# people with standing to judge them: their peers, their customers, their own seniors, a trade
# body; not our finance team or their project manager
_JUDGES = _Lazy(
    r"\b(?:(?:trade |industry |professional |builders'? |regional |national |local )?"
    r"(?:associations?|federation|guild|chamber of commerce|trade body|institute)|"
    r"(?:buyers'?|purchasing|members'?|user|customer|industry) (?:group|forum|network|"
    r"council|meeting)|(?:your|their) (?:other |biggest |largest |main )(?:customers|clients|"
    r"buyers|accounts)|(?:other|several|many|some) (?:of )?(?:your )?(?:customers|clients|"
    r"members|buyers|suppliers) of yours|your (?:ceo|chief executive|md|managing director|"
    r"vp|vice[- ]president|svp|evp|coo|cfo|cto|general manager|regional director|boss|"
    r"chair|chairman|chairwoman|board|owner|owners|head office|parent company|group board|"
    r"shareholders|investors)|the (?:press|trade press|media)|journalists?|reporters?|"
    r"correspondents?|columnists?|(?:news|trade|business) editors?)\b"
)
_JUDGES_KEYS = (
    "associat", "federation", "guild", "chamber", "trade body", "institute", "group", "forum",
    "network", "council", "meeting", "customers", "clients", "buyers", "members", "suppliers",
    "your ceo", "chief executive", "your md", "managing director", "your chair", "your board",
    "your owner", "head office", "parent", "shareholder", "investor", "press", "media",
    "your vp", "vice", "your svp", "your evp", "your coo", "your cfo", "your cto",
    "general manager", "regional director", "your boss",
    "journalist", "reporter", "correspondent", "columnist", "editor",
)  # fmt: skip
# praise told, a duty, their leave, or a question: not a move against them
_FAIR_TELLING = _Lazy(
    r"\b(?:well|quickly|openly|promptly|thank\w*|great|excellent|impress\w*|prais\w*|good|"
    r"positive\w*|recommend\w*|credit to|proud|grateful|appreciat\w*|required|obliged|"
    r"obligation|duty|by law|regulations?|with your (?:permission|agreement|consent)|if you "
    r"(?:agree|are happy|'re happy|would like|prefer)|together|jointly|both of us|on your "
    r"behalf|for you|to help|at (?:her|his|their|your) (?:own )?(?:request|invitation|"
    r"suggestion)|as (?:she|he|they|you) (?:asked|requested|suggested)|(?:she|he|they) "
    r"(?:can|could|may) (?:join|attend|come)|asked (?:to be|for|us|me)|wanted to be|your "
    r"(?:input|views?|ideas|feedback|thoughts|help|advice)|nothing to (?:say|add)|no comment|"
    r"declined to comment|(?:would|will) not comment)\b|\?"
)
# what is told is their conduct: them, how it went, the thread, the failure (not the agenda)
_THEIR_CONDUCT = _Lazy(
    r"\b(?:you|your (?!other |biggest |largest |main |ceo|chief|md\b|managing|chair|board|owners?\b|"
    r"head office|parent|group board|shareholders|investors|vp\b|vice|svp|evp|coo|cfo|cto|"
    r"general manager|regional director|boss)|how (?:this|it|the|things|you|"
    r"your|we(?:'ve| have) been)|the way|what happened|(?:this|the) (?:whole )?(?:matter|issue|"
    r"dispute|complaint|situation|episode|thread|correspondence|saga|recall|delays?|failures?|"
    r"problems?|defects?|snagging|overcharg\w*|mislabel\w*|contamination|leaks?|breach|outages?|"
    r"shortages?|errors?|mistakes?|incidents?|accidents?|faults?|complaints?))\b"
)
_AWARE = _Lazy(
    r"\b(?:(?:so|so that|to make sure|to ensure) (?:they|he|she|everyone)(?:'re| are| is| can|"
    r" will|'ll)? (?:be )?(?:aware|see|know|understand)|how (?:this|it|the \w+|things|your \w+|"
    r"you) (?:has|have|was|were|is|are) (?:been |being )?(?:handled|managed|dealt with|treated|going|"
    r"gone)|(?:where|while) (?:several |some |many )?(?:of )?your (?:other )?(?:customers|"
    r"clients))\b"
)

# -- a last request ---------------------------------------------------------------------------
_LAST_ASK = _Lazy(
    r"\b(?:(?:this|that|it)(?:'s| is| will be) (?:the|my|our) (?:very )?(?:last|final) "
    r"(?:time|occasion) (?:that )?(?:i|we)(?:'m| am|'re| are|'ll| will| shall)? (?:\w+ ){0,3}?"
    r"(?:ask|chas|remind|request|rais|writ|send|follow)\w*|(?:this|consider this|please treat "
    r"this as|treat this as) (?:is )?(?:a |the |my |our )?(?:final|last) (?:reminder|request|"
    r"chaser|warning|notice|attempt))\b"
)
_LAST_KEYS = ("last", "final")
# the last time for a reason of our own: leaving the role, the address, the year
_FAREWELL = _Lazy(
    r"\b(?:before (?:i|we) (?:leave|retire|go|move|hand over)|as (?:i|we)(?:'m| am| are|'re)? "
    r"(?:leav|retir|mov|hand)\w*|from this (?:address|account|role|office)|in this role|this "
    r"year|before the (?:holidays|break|summer|christmas))\b"
)

# -- a gate with no "if" -----------------------------------------------------------------------
_AFTER_A_DATE = _Lazy(
    r"(?:^|[.!?;:,]\s+|\n|\b(?:and|but|so) )(?:after|beyond|past|from) (?:that|then|this|that "
    r"date|that point|that day|the deadline|the \d+(?:st|nd|rd|th)|\d+(?:st|nd|rd|th)|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|noon|midday|(?:the )?end "
    r"of (?:the )?(?:day|week|month)|(?:\d+ )?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)(?: \d+)?)\b,?"
)
_LOST_KEYS = (
    "move on", "elsewhere", "switch", "another", "someone else", "give ", "lapse", "withdrawn",
    "expires", "will expire", "done with", "finished with", "through with",
    "cancel", "held", "with us", "forfeit", "expire", "released", "goes to", "go to",
    "reallocated", "suspended", "closed", "terminated",
)  # fmt: skip
_A_DATE_SET = _Lazy(
    r"\b(?:deadline|cut-?off|no later than|by (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|tomorrow|noon|midday|the \d+|\d+|end of|close of|(?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december))|until|by then|"
    r"(?:at|by) the end of (?:the|this|next) (?:day|week|month|quarter)|(?:you have|within|in) "
    r"(?:one|two|three|four|five|seven|ten|fourteen|\d+|a|another) (?:more |further )?(?:working "
    r"|business )?(?:days?|weeks?|hours?))\b"
)
# what happens then: our custom goes elsewhere, or their order, retention or discount is lost
_LOST_TO_THEM = _Lazy(
    r"\b(?:(?:we|i)(?:'ll| will| shall|'re going to| are going to)? (?:\w+ )?(?:move on|go "
    r"elsewhere|take (?:it|this|the \w+|our \w+) elsewhere|look elsewhere|switch|use another|"
    r"appoint another|find another|give (?:it|the \w+) to)|another (?:supplier|firm|provider|"
    r"contractor|vendor|installer|agency|carrier)|someone else|(?:we|i)(?:'re| are| am|'m|'ll be| "
    r"will be) (?:\w+ )?(?:done|finished|through) with (?:you|your)|"
    r"(?:your |the )?(?:order|purchase order|po|retention|discount|credit|offer|slot|booking|"
    r"reservation|quote|quotation|price|rate|guarantee|warranty|priority|account|deposit|"
    r"contract|agreement|rebate|allocation|place) (?:\w+ )?(?:lapses|will "
    r"lapse|is withdrawn|will be withdrawn|is cancell?ed|will be cancell?ed|is held|will be "
    r"held|stays with us|is forfeit\w*|will be forfeit\w*|expires|will expire|is released|"
    r"will be released|goes to|will go to|is reallocated|will be reallocated|is suspended|"
    r"will be suspended|is closed|will be closed|is terminated|will be terminated))\b"
)
_AT_THEIR_ASKING = _Lazy(
    r"\b(?:if you (?:prefer|would like|'d like|want)|for you|to help|if it helps|in case it "
    r"helps|(?:do )?use it|make the most)\b"
)
# the loss explained as the calendar's, not ours: a reason, the next slot, room to say it is tight
_EXPLAINED = _Lazy(
    r"\b(?:because|since|as (?:our|the)|to keep|so (?:that )?(?:we|the|you)|next (?:one|slot|"
    r"available|free|opening|run)|let (?:me|us) know|tight|if (?:that|it|this) (?:doesn't|does "
    r"not|won't|will not) work)\b"
)


def _forum(low: str, starts: list[int]) -> Iterator[Reading]:
    for forum, lo, hi in _anchored(low, starts, _FORUM_KEYS, _FORUM):
        ahead = _AHEAD.search(low, lo, hi)
        if ahead is None:
            continue
        if _AWAY.search(low, lo, hi) and not _BUT_AHEAD.search(low, lo, hi):
            continue
        yield Reading("move-forum", *_cues(forum.span(), ahead.span()))
    if not any(key in low for key in _STRONG_KEYS):
        return
    for strong, lo, hi in _anchored(low, starts, _STRENGTH_KEYS, _STRONG_CASE):
        says = _WHO_SAYS.search(low, lo, hi)
        if says is None or _AWAY.search(low, lo, hi):
            continue
        yield Reading("move-forum", *_cues(says.span(), strong.span()))


_TOLD_ONLY_WITH_HOW = frozenset(
    ("let", "bring", "bringing", "brought", "share", "sharing", "shared")
)


def _audience(low: str, starts: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _TELLING_KEYS):
        return
    for judges, lo, hi in _anchored(low, starts, _JUDGES_KEYS, _JUDGES):
        telling = _TELLING.search(low, lo, hi)
        if telling is None or _FAIR_TELLING.search(low, lo, hi):
            continue
        told = [m.span() for m in _THEIR_CONDUCT.compiled.finditer(low, lo, hi)]
        if not any(e <= judges.start() or s >= judges.end() for s, e in told):
            continue  # the agenda or the news, not their conduct
        if telling.group().split()[-1] in _TOLD_ONLY_WITH_HOW and not _AWARE.search(low, lo, hi):
            continue  # "let" and "share" tell of a move against them only with "so they know how"
        yield Reading("move-audience", *_cues(telling.span(), judges.span()))


# their silence taken as their yes: "we will take your silence after Tuesday as acceptance"
_DEEMED = _Lazy(
    r"\b(?:(?:take|treat|regard|read|count) (?:your |their )?(?:silence|no reply|no response|lack "
    r"of (?:a )?(?:reply|response))(?: [\w'-]+){0,4}? as (?:your )?(?:acceptance|agreement|"
    r"consent|approval|a yes|confirmation|sign-off)|(?:silence|no (?:reply|response|answer)) "
    r"(?:will be|is|shall be) (?:taken|treated|read|deemed|regarded) as (?:acceptance|agreement|"
    r"consent|approval|a yes|confirmation))\b|"
    # "absent any written objection by 5 March, the schedule shall be deemed accepted"
    r"\b(?:absent|in the absence of|without|failing|unless we (?:receive|hear of|have)) (?:any |a |"
    r"your |written )*(?:objection|reply|response|answer|comments?|dispute)(?: [\w',-]+){0,10}? "
    r"(?:shall|will|is to|would) be (?:deemed|taken|treated|regarded|considered) (?:as )?"
    r"(?:accepted|agreed|approved|final|binding|acceptance|agreement|withdrawn|abandoned)\b"
)
_DEEMED_KEYS = (
    "silence", "no reply", "no response", "no answer", "lack of", "deemed", "be taken",
    "be treated", "be regarded", "be considered",
)  # fmt: skip


def _last_ask(low: str, starts: list[int]) -> Iterator[Reading]:
    for deemed, _lo, _hi in _anchored(low, starts, _DEEMED_KEYS, _DEEMED):
        yield Reading("move-last-ask", *_cues(deemed.span()))
    for last, lo, hi in _anchored(low, starts, _LAST_KEYS, _LAST_ASK):
        if not _FAREWELL.search(low, lo, hi):
            yield Reading("move-last-ask", *_cues(last.span()))


def _after_date(low: str, starts: list[int]) -> Iterator[Reading]:
    from triage.engine.tone_acts import _IF_NOT  # the gates with a condition word

    for lost, lo, hi in _anchored(low, starts, _LOST_KEYS, _LOST_TO_THEM):
        after = _AFTER_A_DATE.search(low, max(0, lo - 2), lost.start())
        if after is not None:
            at = after.start() + len(after.group()) - len(after.group().lstrip(".!?;:, \n"))
            gate_span = (at, after.end())
        else:
            condition = _IF_NOT.search(low, lo, hi)  # "the order will lapse ... if not"
            if condition is None:
                continue
            gate_span = condition.span()
        number = bisect.bisect_right(starts, lo) - 1
        before = starts[number - 1] if number > 0 and after is not None else lo
        if not _A_DATE_SET.search(low, before, hi) or _AT_THEIR_ASKING.search(low, lo, hi):
            continue
        following = starts[number + 2] if number + 2 < len(starts) else len(low)
        if _EXPLAINED.search(low, before, following):
            continue  # "to keep the fit-out on schedule ... the next one is in three weeks"
        yield Reading("move-after-date", *_cues(gate_span, lost.span()))


# -- a sanction left vague, under a condition on them ------------------------------------------
_SANCTION = _Lazy(
    r"\b(?:(?:other|further|additional|alternative|appropriate|necessary|stronger|firmer|formal|"
    r"serious|drastic|different) (?:measures|steps|action|actions|remedies|avenues)|protect "
    r"(?:our|my) (?:own )?(?:business|interests|position|company|rights)|(?:reconsider|rethink|"
    r"re-?evaluate|reassess|re-?examine|look again at|review) (?:the |our |this )?(?:whole |entire "
    r")?(?:relationship|contract|agreement|partnership|arrangement|framework|supply|business "
    r"with you|account))\b"
)
_SANCTION_KEYS = (
    "measures", "steps", "action", "remedies", "avenues", "protect", "relationship", "contract",
    "agreement", "partnership", "arrangement", "framework", "supply", "business with", "account",
)  # fmt: skip
_OURS_BEFORE = _Lazy(r"\b(?:we|i|we'll|i'll|we'd|i'd|we're|i'm|us|our)\b")
# none of it, done together, for them, or a question: not a sanction
_NOT_A_SANCTION = _Lazy(
    r"\b(?:(?:no|without|not|never)(?: \w+)? (?:further|other|more|additional|need|take|taking|"
    r"want|pursue|any)|together|jointly|both of us|with you|for you|to help|on your "
    r"behalf|your (?:own|side's)|if you (?:would like|'d like|prefer|want|wish))\b|\?"
)


# the other gate: the trouble going on ("if the faults continue", "should this happen again")
_GOES_ON = _Lazy(
    r"\b(?:if|should|unless) (?:[\w'-]+ ){0,6}?(?:continues?|persists?|carr(?:y|ies) on|happens? "
    r"again|recurs?|goes on|keeps? (?:on )?\w+ing)\b"
)


def _sanction(low: str, starts: list[int]) -> Iterator[Reading]:
    from triage.engine.tone_acts import _IF_NOT  # the gates with a condition word

    for sanction, lo, hi in _anchored(low, starts, _SANCTION_KEYS, _SANCTION):
        if not _OURS_BEFORE.search(low, lo, sanction.start()):
            continue
        if _NOT_A_SANCTION.search(low, lo, hi):
            continue
        number = bisect.bisect_right(starts, lo) - 1
        before = starts[number - 1] if number > 0 else lo
        gate = (
            _IF_NOT.search(low, lo, hi)
            or _GOES_ON.search(low, lo, hi)
            or _IF_NOT.search(low, before, lo)
            or _GOES_ON.search(low, before, lo)
        )
        if gate is None:
            continue
        yield Reading("move-sanction", *_cues(gate.span(), sanction.span()))


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of our moves in ``wanted`` found in ``low``."""
    del breaks  # each move is read within its sentence (and, for a date, the one before)
    found: list[Reading] = []
    if "move-forum" in wanted:
        found += _forum(low, starts)
    if "move-audience" in wanted:
        found += _audience(low, starts)
    if "move-last-ask" in wanted:
        found += _last_ask(low, starts)
    if "move-after-date" in wanted:
        found += _after_date(low, starts)
    if "move-sanction" in wanted:
        found += _sanction(low, starts)
    return found
