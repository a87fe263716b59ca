"""Readings of stance: how a sentence positions us against the reader, not which act it names.

The readings in :mod:`triage.engine.tone_clauses` and :mod:`triage.engine.tone_structures`
find threats, blame and mockery by the act. Mediators also stop wording whose act is
harmless and whose stance is not:

- **talking down** (``patronise``): our side explaining (explain, walk you through, spell it
  out, put it, to be clear) with a mark that the reader needed it again or simpler (once more,
  on several occasions, slowly, as simply as I can, how an invoice works, didn't seem to land),
  unless it is an offer or done together ("happy to walk you through it on a call");
- **thanks with a sting** (``irony``): gratitude for something the same sentence says was
  late or grudging (eventually, finally, given it took a month, your patience with our
  reminders), and mock belief ("no doubt another one of those completely unforeseeable
  issues");
- **a verdict on dealing with them** (``habit``): an absolute with no "always" or "never":
  dealing with them as a whole judged ("getting an answer from your team is a project in
  itself"), any contact with them ending the same way ("whoever we speak to at your company,
  the answer is another department"), their people's habit ("your engineers seem to turn up
  without reading the history");
- **a third party who will judge** (``audience``): an adjudicator, a regulator, reviews, the
  trade, the trade press or the credit agencies, in a sentence that says, in the future or as
  a supposition, that they will see it our way, hear of it or be told ("I'm confident an
  adjudicator will read the diary the same way we do"), unless it is procedure;
- **a pointed reminder** (``chase``): a reminder dressed as courtesy or routine (per my,
  a gentle reminder, resending in case it got lost) that counts the earlier ones.

:func:`excused` answers the opposite question for a finding of blame: whether its sentence
reports our own words and takes them back ("our reply blamed your team, and that was
wrong"), or whether its failure words sit in a commitment of ours ("your staff were paid on
time, and I'll send you a write-up of what went wrong").
"""

from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

from triage.engine.tone_clauses import Reading, _actor
from triage.engine.tone_structures import _Lazy

__all__ = ["NAMES", "excused", "read"]

Span = tuple[int, int]

_PEOPLE = (
    r"(?:people|staff|team|teams|engineers?|crews?|drivers?|technicians?|guys|lot|reps?|agents?|"
    r"managers?|folks|operators?|fitters?|installers?|office|department|accounts|support|"
    r"company|organi[sz]ation|firm|side|end|colleagues|planners?|buyers?|contractors?)"
)

# -- talking down --------------------------------------------------------------------------
_EXPLAIN = _Lazy(
    r"\b(?:explain\w*(?! to (?:the|our|my|his|her|their)\b)|for the avoidance of doubt|"
    r"remind(?:ed|ing)? you (?:how|what|that)|(?:re-?read|look again at)|quoted (?:it |this )?(?:to you|back)|"
    r"(?:walk|take|talk|run)(?:ing)? (?:you |them )?(?:back )?through|"
    r"go(?:ing)? (?:back )?(?:over|through) (?:it|this|that|them|the \w+)|"
    r"spell(?:ing)? (?:it|this|that|them)? ?out|put (?:it|this|that)|set (?:it|this|that) out|"
    r"lay (?:it|this|that) out|repeat\w*|reiterat\w*|(?:said|stated|told you|pointed out|"
    r"made (?:it )?clear|set out)|to be (?:absolutely |perfectly |quite )?clear|clarif\w*)\b"
)
_NEEDED_AGAIN = _Lazy(
    r"\b(?:again|once more|one more time|(?:several|many|numerous|multiple|countless|two|three|"
    r"four|five|a number of) (?:separate |different )?(?:times|occasions)|repeatedly|more than once|(?:second|third|fourth|"
    r"fifth|umpteenth|nth) time|(?:had|have had|having|have|has) to (?:explain|repeat|say|"
    r"spell|set out|point out)|(?:lost|losing) you|(?:the )?(?:first|last|previous) "
    r"(?:two|three|four|few|several) (?:times|explanations|attempts|emails|goes)|"
    r"slowly|as (?:simply|plainly|clearly|basically) as (?:i|we) can|in (?:the )?simplest "
    r"(?:possible )?terms|in simple terms|in plain english|in words of one syllable|"
    r"step by step|(?:fairly|pretty|quite|very|really|rather) (?:basic|simple|elementary)|"
    r"the basics|basic (?:point|principle|idea|maths|arithmetic)|how (?:an? [\w-]+|[\w-]+s) "
    r"(?:works?|is worked out)|(?:did not|didn't|does not|doesn't|has not|hasn't|have not|"
    r"haven't) (?:seem to |appear to )?(?:land|sink in|get through|register|come across)|"
    r"(?:seems?|appears?) to be (?:some )?confusion|confusion (?:on|at) your (?:side|end)|"
    r"keeps? getting (?:lost|missed)|(?:seems?|appears?) to have been (?:missed|lost|overlooked)|"
    r"in a way (?:that|which) (?:makes sense|is clear|you can follow)|(?:is|are) (?:now )?(?:understood|clear) (?:now|this time))\b"
)
_OFFER = _Lazy(
    r"\b(?:happy to|glad to|pleased to|delighted to|if (?:you'd|you would|it would|it'd|that "
    r"would|that'd|it helps|that helps) |would you like|you asked|as requested|on (?:a|the|"
    r"our|\w+'s) (?:\w+ )?(?:call|phone|meeting)|when we meet|at the meeting|on site|together|"
    r"our (?:own )?(?:team|staff|finance|board)|new|updated|revised|changed|could we|can we|"
    r"shall we|let's|let us|the two of us|both of us|we(?:'ve| have| are|'re)? both|each of us|"
    r"both sides|with (?:our|the) (?:\w+ )?team|"
    r"because (?:our|we))\b"
)

# -- thanks with a sting, and mock belief ----------------------------------------------------
_THANKS = _Lazy(
    r"\b(?:thank\w*|many thanks|appreciat\w*|grateful|honoured|honored|flattered|privileged|"
    r"touched|(?:kind|good|nice|generous|gracious) of (?:you|your \w+))\b"
)
_STING = _Lazy(
    r"(?<=[\w,] )(?:eventually|finally|at (?:long )?last|for once)\b(?!,)|"
    r"\b(?:only|just) (?:\w+ ){0,2}?(?:days?|weeks?|months?) (?:late|overdue)\b|"
    r"\bgiven (?:that )?(?:it|you|your \w+) took\b|\bat all\b|"
    r"\b(?:days?|weeks?|months?) (?:after|past|beyond) the (?:deadline|due date|cut-?off)\b|"
    r"\btook (?:you |your \w+ )?(?:a|an|\w+) (?:\w+ )?(?:days?|weeks?|months?) to "
    r"(?:answer|reply|respond|get back|read|open|look|acknowledge)\b|"
    r"\b(?:our|my) (?:\w+ )?(?:reminders|chasers|chasing|follow-ups|nudges|repeated \w+)\b|"
    r"\bwithin (?:the|a|one|two|three|four|six|\d+) (?:months?|quarters?|years?)\b|"
    r"\b(?:surprise|gift|present|treat) of (?:a|an|the|another) (?:[\w-]+ ){0,2}?(?:increase|rise|"
    r"charge|invoice|bill|delay|fee|penalty|surcharge|cancellation|cut|deduction|change)\b"
)
_SINCERE = _Lazy(
    r"\b(?:i know (?:it|you|how|that)|i understand|difficult|hard (?:week|time|month|year)|"
    r"given the|while (?:we|our|the)|apolog\w*|sorry|no blame|not your fault|(?:nobody|no one|"
    r"nothing) (?:could|can)|(?:no one|nobody)'s fault|"
    # a meeting both sides wanted, and were glad of: "thanks for meeting in person at last"
    r"it was (?:good|great|lovely|nice|a pleasure|a joy) to (?:meet|see|put|catch up|talk|"
    r"speak)|faces to names|meet(?:ing)? (?:you |"
    r"each other )?in person)\b"
)
_ONE_OF_THOSE = _Lazy(r"\b(?:yet another|another (?:one )?of (?:those|these|your)|one of those)\b")
_MOCK_BELIEF = _Lazy(
    r"\b(?:no doubt|doubtless|i'm sure|i am sure|of course|naturally|presumably|surely)\b|"
    r"\b(?:completely|totally|entirely|utterly|wholly|genuinely) (?:unforeseeable|unforeseen|"
    r"unexpected|unavoidable|unpredictable|unprecedented|unlucky)\b"
)

# -- a verdict on dealing with them -----------------------------------------------------------
_DEALING = _Lazy(
    r"\b(?:(?:trying|try) to )?(?:get(?:ting)?|obtain(?:ing)?|extract(?:ing)?|chas(?:e|ing)|"
    r"reach(?:ing)?|contact(?:ing)?|ask(?:ing)?|email(?:ing)?|call(?:ing)?|deal(?:ing)? with|work(?:ing)? with|talk(?:ing)? to|"
    r"speak(?:ing)? to|get(?:ting)? hold of|get(?:ting)? through to|pin(?:ning)? down) "
    rf"(?:[\w-]+ ){{0,6}}?(?:you\b|your (?:[\w-]+ )?{_PEOPLE}\b)|"
    rf"\b(?:with|at) (?:you|your (?:[\w-]+ )?{_PEOPLE}),? (?:[\w-]+ ){{0,2}}?\w+ing\b"
)
_VERDICT = _Lazy(
    r"\b(?:is|are|becomes|has become|have become|turns into|turn into|feels like|remains|"
    r"seems like|is like) (?:a |an )?(?:[\w-]+ )?"
    r"(?:project|ordeal|saga|battle|job|chore|mission|marathon|odyssey|struggle|lottery|"
    r"mystery|nightmare|adventure|expedition|campaign|exercise|endurance test|pulling teeth|"
    r"art form|argument|fight|negotiation|puzzle|obstacle course|treasure hunt|guessing game|"
    r"test of (?:patience|endurance|nerves))|\b(?:is|are|feels|feel) like (?:\w+ing|talking to|"
    r"shouting (?:at|into)|getting blood)\b"
    r"(?: in (?:itself|its own right)| of its own| all (?:of )?its own)?\b"
)
_ANY_CONTACT = _Lazy(
    r"\b(?:(?:each|any|every|whichever|whatever) (?:\w+ ){0,2}?(?:call|conversation|email|"
    r"message|meeting|exchange|visit|ticket|request|query|chat|attempt)s? (?:\w+ ){0,4}?"
    r"(?:with|to|from|at) (?:you|your)|whoever (?:we|i) (?:speak|talk|ask|deal|get through|"
    r"call|email|write|reach)\w* (?:to |with )?(?:\w+ ){0,3}?(?:at|in|from|on) your|"
    r"whenever (?:we|i) (?:\w+ ){0,4}?(?:you|your))\b"
)
_SAME_OUTCOME = _Lazy(
    r"\b(?:(?:goes|go|ends?|finish\w*|turns? out|plays? out) (?:up )?(?:the same way|alike)|"
    r"same (?:story|answer|result|outcome|excuse|response|reply)|(?:passed|handed|bounced|"
    r"pushed|referred|sent|shunted) (?:on|around|back|along|elsewhere|to (?:somebody|someone|"
    r"another))|another (?:department|team|person|colleague)|(?:somebody|someone) else|"
    r"nobody|no one|never)\b"
)
_THEIR_HABIT = _Lazy(
    rf"\b(?:(?:none|not one) of )?your (?:\w+ )?{_PEOPLE} (?:seem|seems|tend|tends|appear|"
    r"appears) to (?:[\w-]+ ){0,4}?(?:without (?:reading|checking|looking|knowing|asking|"
    r"telling|calling|testing|reviewing|listening|bothering|answering|replying|consulting|"
    r"a word|any (?:notice|warning|idea|regard|thought))|(?:not|never) (?:read|check|look|"
    r"know|listen|answer|reply|bother)|read|check|look|treat (?:[\w-]+ ){1,4}?as (?:a suggestion|"
    r"optional|an afterthought|a guideline|a joke|a rough guide))\b"
)
_THEIR_WORD = _Lazy(  # what their side promises, judged as a class
    r"\b(?:deadlines?|dates|promises|commitments|estimates|timelines|etas|quotes|callbacks) "
    r"(?:on|at|from|given by) your (?:[\w-]+ )?(?:side|end|team|company|office|people|firm)\b"
)
_JUDGED = _Lazy(
    r"\b(?:more (?:of )?an? [\w-]+ (?:[\w-]+ )?than|(?:are|is) (?:just|merely|only) |"
    r"(?:tend|tends|seem|seems|appear|appears) to (?:be|mean) (?:\w+ )?(?:optional|flexible|"
    r"approximate|a suggestion|aspirational|negotiable|more|less))"
)
_HABIT_NEEDS = _Lazy(r"\b(?:none|not one|without|not|never|as (?:a|an|optional))\b")

# -- a third party who will judge -------------------------------------------------------------
_THIRD_WORDS = (
    r"(?:adjudicators?|arbitrators?|(?:a |the )?judge|(?:the )?courts?|tribunal|ombudsman|"
    r"regulators?|inspectorate|inspectors?|trading standards|watchdog|(?:trade|industry) "
    r"(?:body|bodies|association|press|papers?|magazines?|journals?)|the press|journalists?|"
    r"reporters?|the media|reviews?|review sites?|trustpilot|tripadvisor|credit (?:reference |"
    r"rating )?(?:agenc(?:y|ies)|bureaus?)|others in (?:the|our|your) (?:industry|trade|sector|"
    r"market)|(?:the|this|a small) (?:industry|trade|sector|market)|(?:our|other) (?:guests|"
    r"customers|clients|members|suppliers)|your (?:insurers?|underwriters?|auditors?|lenders?|bank|"
    r"investors|funders|parent company|head office|franchisor))"
)
_THIRD = _Lazy(rf"\b{_THIRD_WORDS}\b")

_SEES_IT_OUR_WAY = _Lazy(
    r"\b(?:(?:see|read|view|look at|interpret|take)s? (?:\w+ ){0,5}?(?:(?:the )?(?:same )?way "
    r"we do|the same way|as we do|our way|like we do)|agree with us|side with us|(?:find|rule|decide|come down)s? "
    r"(?:\w+ ){0,2}?(?:in our favour|for us|on our side)|take (?:a |an )?(?:dim |poor |serious |"
    r"keen |close )?(?:view|interest)|(?:be|are|is) (?:\w+ )?(?:interested|curious|keen)|"
    r"find (?:\w+ ){0,3}?interesting|(?:hear|learn|know|find out|read)(?:ing)? (?:(?:about|of) (?:this|it|that|the way|how|"
    r"what|you|your)|how|what)|"
    r"(?:see|tell|work out|decide)(?:ing)? (?:who|which side) (?:is|was|has been) (?:at fault|right|"
    r"wrong|to blame|responsible)|"
    r"(?:make|makes|making) (?:for )?(?:quite |such |a )?(?:a )?(?:story|read|headline|tale)|"
    r"(?:be|being|get|gets) (?:told|informed|notified|made aware)|let (?:them|the \w+) know)\b"
)
_SUPPOSED = _Lazy(
    r"\b(?:will|would|'ll|'d|might|may|could|shall|is going to|are going to|bound to|sure to|"
    r"likely to|have to be|has to be|i'm confident|i am confident|i suspect|i imagine|i expect|"
    r"i'm sure|i am sure|no doubt|if it comes to)\b|(?:i|we|they|it|he|she)'(?:ll|d)\b"
)
_OUR_CONTACT = _Lazy(  # someone we know there ("I know a couple of journalists at ...")
    r"\b(?:i|we) (?:\w+ )?(?:know|am friends with|are friends with|have (?:a |some |good )?"
    r"(?:friends?|contacts?|connections?)|play golf with|went to school with|(?:am|are) (?:close|"
    rf"friendly) with) (?:[\w-]+ ){{0,4}}?(?:at|on|in|from|with|among) (?:the |a |an )?{_THIRD_WORDS}\b"
)
_WATCHING = _Lazy(
    r"\b(?:(?:follow|watch|cover|track|report on|write about|keep an eye on)\w* (?:[\w-]+ ){0,4}?"
    r"(?:closely|carefully|keenly|with interest)|(?:interested|curious) in|love a (?:good )?story)\b"
)
_PROCEDURE = _Lazy(
    r"\b(?:requir\w*|polic(?:y|ies)|statutory|by law|mandatory|obliged|standard|routine|"
    r"usual|scheduled|booked|due on|due by|agreed|together|both (?:sides|of us)|thank\w*|"
    r"lovely|kindly|recommended|glowing)\b"
)

# -- a pointed reminder ----------------------------------------------------------------------
_ROUTINE = _Lazy(
    r"\b(?:(?:as )?per my|(?:gentle|friendly|quick|polite|kind|little|courtesy) (?:reminder|"
    r"nudge|chase|follow-up|prod)|(?:resending|re-sending|forwarding|bumping|sending) "
    r"(?:this|it|the \w+|my \w+ )?(?:once )?(?:again|once more)|in case (?:it|this|they|"
    r"(?:my|our|the) (?:[\w-]+ ){0,3}?(?:emails?|e-mails?|messages?|notes?|reminders?|letters?|"
    r"requests?|\w+)) (?:somehow )?(?:got|was|were|went|has been|have been) (?:lost|missed|"
    r"buried|overlooked|deleted|stuck|filtered|swallowed|eaten|caught|junked|trapped)|"
    r"(?:floating|bumping|bringing|pushing|moving) (?:this|it|my \w+) (?:back )?(?:up )?to the "
    r"top of your inbox|circling back|following up (?:again|once more|on (?:my|our)))\b"
)
_EARLIER_ONES = _Lazy(
    r"\b(?:(?:last|previous|earlier|prior) (?:two|three|four|five|six|several|few|\d+|many|"
    r"numerous) (?:emails|e-mails|messages|notes|requests|reminders|letters|calls|voicemails)|"
    r"(?:my|our|the) (?:second|third|fourth|fifth|sixth|nth|umpteenth|\d+(?:st|nd|rd|th))"
    r"(?=,| (?:this|in|of|by|since|today|reminder|email|request|chaser|message|follow-up|nudge|"
    r"attempt|time)\b)|by my count|(?:my|our) (?:own )?(?:previous |last |earlier )?(?:follow-ups?|"
    r"reminders?|chasers?|nudges?)|"
    r"the (?:second|third|fourth|fifth|sixth|nth|umpteenth|\d+(?:st|nd|rd|th)) "
    r"(?:\w+ )?(?:reminder|email|request|chaser|message|follow-up|attempt|time)|like the "
    r"(?:previous|last|other|earlier) (?:two|three|four|ones|few|several)|(?:once|yet) again|"
    r"(?:this|back|up|reminder|nudge) again)\b"
)


class _Kind(NamedTuple):
    """One kind of stance: a part that anchors it, parts that must all be in its sentence,
    and a part that clears it."""

    name: str
    anchor: _Lazy
    needs: tuple[_Lazy, ...] = ()
    unless: _Lazy | None = None
    not_by_reader: bool = False  # the anchor's clause is not the reader's own act, nor negated
    reach: int = 0  # when set, the other parts are within this many characters, no ";" between


_KINDS = (
    _Kind("patronise", _EXPLAIN, (_NEEDED_AGAIN,), _OFFER, not_by_reader=True, reach=60),
    _Kind("irony", _THANKS, (_STING,), _SINCERE),
    _Kind("irony", _ONE_OF_THOSE, (_MOCK_BELIEF,), _SINCERE),
    _Kind("habit", _DEALING, (_VERDICT,)),
    _Kind("habit", _ANY_CONTACT, (_SAME_OUTCOME,)),
    _Kind("habit", _THEIR_HABIT, (_HABIT_NEEDS,)),
    _Kind("habit", _THEIR_WORD, (_JUDGED,)),
    _Kind("audience", _THIRD, (_SEES_IT_OUR_WAY, _SUPPOSED), _PROCEDURE),
    _Kind("audience", _OUR_CONTACT, (_WATCHING,), _PROCEDURE),
    _Kind("chase", _ROUTINE, (_EARLIER_ONES,)),
)
NAMES = frozenset(kind.name for kind in _KINDS)


_NEGATED = _Lazy(r"\b(?:not|n't|never|no need to)(?: \w+)? $")


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of stance in ``wanted`` found in ``low`` (ASCII letters lowered), one per
    kind and sentence, naming the words of each of its parts. Only the sentences that hold a
    kind's anchor are read for the rest of it, so a draft with none pays one scan per kind."""
    found: list[Reading] = []
    named: set[tuple[str, int]] = set()  # (reading, sentence) already found
    for kind, pieces in zip(_KINDS, _pieces(), strict=True):
        if kind.name not in wanted:
            continue
        if not all(any(piece in low for piece in part) for part in pieces):
            continue  # a part it needs has none of its words anywhere in the text
        for anchor in kind.anchor.finditer(low):
            number = bisect.bisect_right(starts, anchor.start()) - 1
            if (kind.name, number) in named:
                continue
            lo = starts[number]
            hi = starts[number + 1] if number + 1 < len(starts) else len(low)
            if anchor.end() > hi:  # an anchor across sentences is not one
                continue
            if kind.not_by_reader and (
                _actor(low, lo, anchor.start()) == "reader"
                or _NEGATED.search(low, max(lo, anchor.start() - 16), anchor.start())
            ):
                continue
            near = (
                (
                    max(lo, low.rfind(";", lo, anchor.start()) + 1, anchor.start() - kind.reach),
                    min(
                        hi,
                        *(i for i in (low.find(";", anchor.end(), hi),) if i >= 0),
                        anchor.end() + kind.reach,
                    ),
                )
                if kind.reach
                else (lo, hi)
            )
            parts = [anchor.span()]
            for need in kind.needs:
                hit = need.search(low[near[0] : near[1]])
                if hit is None:
                    break
                parts.append((near[0] + hit.start(), near[0] + hit.end()))
            else:
                if kind.unless is not None and kind.unless.search(low[lo:hi]):
                    continue
                if kind.name == "irony" and _ours(low, lo, parts[0], parts[-1]):
                    continue
                spans = sorted(parts)
                end = max(e for _s, e in spans)
                found.append(Reading(kind.name, spans[0][0], end, tuple(spans)))
                named.add((kind.name, number))
    return found


@functools.cache
def _pieces() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """For each kind, for each of its parts, pieces of text one of which every hit of the part
    holds (("",) when unsure): a kind one of whose parts has none of them is not read. Worked
    out from the patterns (:func:`triage.engine.tone_clauses._worked_out`, a few ms) once, and
    kept between runs as the other readings' are."""
    from triage.engine import codecache
    from triage.engine.tone_clauses import _worked_out

    parts = [(kind.anchor, *kind.needs) for kind in _KINDS]
    text = "stance\0" + "\0\0".join("\0".join(p.pattern for p in kind) for kind in parts)
    kept = codecache.load("tonepieces", text)
    if (
        isinstance(kept, tuple)
        and len(kept) == len(parts)
        and all(
            isinstance(kind, tuple)
            and all(
                isinstance(part, tuple) and part and all(isinstance(p, str) for p in part)
                for part in kind
            )
            for kind in kept
        )
    ):
        return kept
    worked = tuple(tuple(_worked_out(p.pattern) for p in kind) for kind in parts)
    codecache.store("tonepieces", text, worked)
    return worked


def _ours(low: str, lo: int, thanks: Span, sting: Span) -> bool:
    """Whether the late or grudging word is said of our own side ("we finally have it"). The
    "I" who thanks is not the one who was late: after the thanks, only an actor named between
    them and the late word counts ("I'm grateful it turned up at all" is theirs)."""
    if low.startswith(("our", "my"), sting[0]):
        return False
    if thanks[1] <= sting[0]:
        lo = max(lo, thanks[1])
    return _actor(low, lo, sting[0]) == "ours"


# -- findings of blame that are ours to take back -------------------------------------------------
_OUR_WORDS = _Lazy(
    r"\b(?:(?:our|my) (?:[\w-]+ ){0,4}?(?:reply|email|e-mail|letter|message|response|note|"
    r"statement|report|complaint|post|update)\b|(?:i|we) (?:\w+ )?(?:said|suggested|claimed|"
    r"stated|wrote|implied|told you|blamed|accused|put it down to|pointed to|pointed the finger))"
)
_TAKEN_BACK = _Lazy(
    r"\b(?:(?:that|which|this|it) (?:was|is) (?:\w+ )?(?:wrong|unfair|not fair|a mistake|mistaken|"
    r"incorrect|untrue|not true|not right|unjust|uncalled for)|wrongly|unfairly|mistakenly|"
    r"incorrectly|(?:i|we) (?:was|were) wrong|(?:i|we) withdraw|(?:i|we) take (?:that|it) back|"
    r"(?:should|shouldn't|should not) (?:not )?have (?:said|written|blamed|suggested|implied)|"
    r"(?:i|we) (?:apologi[sz]e|(?:am|'m|are|'re) sorry)(?: for (?:that|it|this|saying|suggesting|"
    r"implying|the suggestion))?(?=[.;,]|$)|we now know|it turned out|in fact it was)"
)
_OUR_COMMITMENT = _Lazy(
    r"(?:,|;| -)? (?:and |but |so )?(?:i|we)(?:'ll| will| shall|'m going to| am going to|"
    r"'re going to| are going to) "
)


def excused(low: str, starts: list[int], start: int, end: int) -> bool:
    """Whether a finding of blame at ``low[start:end]`` is ours to take back: its sentence
    reports our own earlier words and says they were wrong (here or in the next sentence),
    or the failure it names is the subject of a commitment of ours that follows the reader's
    people ("your staff were paid on time, and I'll send you a write-up of what went wrong")."""
    number = bisect.bisect_right(starts, start) - 1
    lo = starts[number]
    hi = starts[number + 1] if number + 1 < len(starts) else len(low)
    if _OUR_WORDS.search(low, lo, end) is not None:
        later = starts[number + 2] if number + 2 < len(starts) else len(low)
        if _TAKEN_BACK.search(low, lo, later):
            return True
    commitment = _OUR_COMMITMENT.search(low, start, end)
    return commitment is not None and commitment.start() > start and hi >= end
