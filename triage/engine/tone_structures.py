"""Readings by structure: the roles in a sentence or a paragraph, not the wording of one act.

The readings in :mod:`triage.engine.tone_clauses` know acts by their words ("hold back
payment", "draw our own conclusions"), so a new way of saying the same thing is missed.
These look for the parts a kind of wording is made of, each part a broad class of words,
and flag a sentence only when all of its parts are there:

- **a hint of a third party** (``consequence``): someone with power over the reader (a
  lawyer, an inspector, a regulator, an association or committee, the press, the reader's
  own boss) tied to us ("my brother-in-law", "I'm on the committee", "our inspector"), in a
  paragraph that says the matter has been kept from them *so far*, that it may not stay so
  if it happens again, or that they will hear how it went;
- **our side deciding the next step** (``consequence``): our board, owners or management
  about to decide "next steps", "how to proceed" or "whether" to go on;
- **a demand with no way out** (``deadline``): the reader told what they must do, by a
  date, with a word that closes it ("at the latest", "no exceptions", "final") and no
  reason given;
- **a failure placed on their people** (``blame``): a failure in the passive with their
  side as the agent or the place ("was missed at your end", "the error came from your
  warehouse"), or a habit of theirs that leaves us doing the work ("every time your crew
  finishes, we end up cleaning");
- **a promise to pay without a limit** (``cover``): "we'll pay it without argument",
  "anything else you're out of pocket for, we'll cover";
- **courtesy that says the opposite** (``mock``): thanks, good wishes or "no worries"
  beside an indefinite wait the reader is blamed for ("hearing from you at some point",
  "whenever someone has a spare minute") in a paragraph about a delay or a repeat; and
  talk about the reader's competence ("still new to this, so I'll keep it simple", "I'd
  have thought a firm of your size could manage that", "run it past someone more
  experienced").

Each returns :class:`~triage.engine.tone_clauses.Reading` tuples with the span of every
part, so a finding names its sentence and the words that made it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from triage.engine import codecache
from triage.engine.tone_clauses import _FOR_EVERYONE as _EVERYONE_IN_CLAUSES
from triage.engine.tone_clauses import Reading, _anchors
from triage.engine.tone_clauses import _Lazy as _Compiled
from triage.engine.tone_pieces import PieceIndex


class _Lazy(_Compiled):
    """A pattern compiled when first used, its program kept between runs (codecache): these
    scan every draft, so each process would otherwise compile them all."""

    __slots__ = ()

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = codecache.regex(self.pattern)
        return self._compiled


__all__ = ["read"]

Span = tuple[int, int]


# -- where things are ---------------------------------------------------------------------


class _Where:
    """Sentences and paragraphs of a lowered text."""

    def __init__(self, low: str, starts: list[int], breaks: list[int]) -> None:
        self.low, self.starts, self.breaks = low, starts, breaks

    def sentence(self, at: int) -> tuple[int, int, int]:
        number = bisect.bisect_right(self.starts, at) - 1
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.low)
        return number, self.starts[number], end

    def paragraph(self, at: int) -> Span:
        number = bisect.bisect_right(self.breaks, at)
        start = self.breaks[number - 1] if number else 0
        end = self.breaks[number] if number < len(self.breaks) else len(self.low)
        return start, end

    def near(self, at: int, reach: int = 1) -> Span:
        """The sentence holding ``at`` and ``reach`` sentences either side, within its paragraph."""
        number, _lo, _hi = self.sentence(at)
        para = self.paragraph(at)
        lo = self.starts[max(0, number - reach)]
        last = number + reach + 1
        hi = self.starts[last] if last < len(self.starts) else len(self.low)
        return max(lo, para[0]), min(hi, para[1])


def _found(name: str, spans: list[Span]) -> Reading:
    spans = sorted(set(spans))
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return Reading(name, merged[0][0], max(e for _s, e in merged), tuple(merged))


# -- shared classes of words ------------------------------------------------------------------

_REASON = _Lazy(
    r"\b(?:so that|so we can|so i can|so they can|because|since|in order to|as (?:we|i|the|our|"
    r"they)|due to|for the (?:audit|launch|inspection|print|shipment))\b"
)
_KIND = _Lazy(r"\b(?:thank(?:s| you) for (?:your|the) (?:help|work|patience|support)|well done)\b")
_OURS_NOT = _Lazy(
    r"\b(?:our (?:own )?(?:side|end|fault|mistake|error|team|staff|warehouse|driver|courier)|"
    r"on us|down to us|we (?:missed|dropped|lost|forgot|got it wrong))\b"
)

# -- a hint of a third party --------------------------------------------------------------------

_POWER = _Lazy(
    r"\b(?:lawyers?|solicitors?|attorneys?|barristers?|counsel|judge|magistrate|"
    r"practi[sc]es (?:\w+ )?law|does (?:\w+ )?law|(?:\w+ )?law firm|legal (?:department|team|people|counsel)|"
    r"writes? (?:\w+ ){0,3}?(?:for|a column|columns|about)|column|newsletter|trade (?:paper|magazine)|"
    r"podcast|complaint for your|"
    r"(?:environmental health|health and safety|safety|fire|building|trading standards|food)"
    r" (?:officers?|inspectors?|team|people)|inspectors?|inspectorate|regulators?|ombudsman|"
    r"(?:the )?(?:local )?council|associations?|committee|chamber of commerce|federation|"
    r"guild|institute|buyers'? group|buying group|(?:trade|local) press|journalists?|"
    r"reporters?|newspaper|editor|"
    r"your (?:boss|manager|director|md|ceo|owner|owners|managing director|head office|chairman|"
    r"chair|board|regional manager|area manager|franchisor|regional director|area director)|"
    r"(?:who|which) acts? for (?:us|me))\b"
)
_TIED_TO_US = _Lazy(
    r"\b(?:my|our|i'm on|i am on|i sit on|i chair|i know|we know|i've known|a friend|a mate|"
    r"friend of mine|mate of mine|brother|sister|cousin|wife|husband|partner|father|mother|"
    r"uncle|aunt|neighbou?r|who (?:does|handles|acts for|inspects) (?:our|us|me)|"
    r"happened to|acts? for (?:us|me)|buddy|pal|i write|i've (?:already )?prepared|your (?:boss|manager|director|md|ceo|owner|owners|"
    r"managing director|head office|chairman|chair|board|regional manager|area manager|"
    r"franchisor|regional director|area director))\b"
)
_HELD_SO_FAR = _Lazy(
    r"\b(?:keep it that way|"
    r"(?:haven't|have not|hasn't|has not|not) (?:yet )?(?:been )?(?:involved|told|contacted|"
    r"mentioned|raised|reported|brought in|called|escalated|passed|shared|posted|copied|"
    r"looped in|said anything)|held off|holding off|kept (?:this|it) (?:off|out of|between|"
    r"internal|quiet|to ourselves)|handled (?:this|it) internally|between (?:us|ourselves)|"
    r"if (?:it|this|that) (?:happens|occurs|continues|carries on|comes up)(?: again)?|"
    r"(?:next|one more) time|(?:something|anything) (?:good|positive|nice|better) to (?:tell|"
    r"report|say)|(?:glad|happy|keen|pleased) to share (?:them |it |these )?(?:with you )?"
    r"directly|a few thoughts|(?:comes|came|come) up at|(?:asked|asking|ask) me (?:about|"
    r"whether|what|who|how|which|why)|(?:has|have) been asking|a (?:quiet )?word with|mention(?:ed)? (?:it|this|you) to|"
    r"would (?:be )?(?:interested|curious|keen) to|(?:'d|would|will|might) find (?:\w+ ){0,8}?"
    r"(?:interesting|enlightening|illuminating|eye-opening|revealing)|cop(?:y|ied|ying) (?:\w+ )?in|"
    r"(?:go|going) further|(?:very |really )?strong (?:position|case)|(?:we'd|we would) win|"
    r"i only mention|just so you know|holding (?:them|him|her|it|this) back|how (?:much )?longer|"
    r"(?:go|went|going) into (?:any )?detail with|just saying|looking for stories|widely read|"
    r"(?:already )?(?:prepared|drafted|written) a (?:formal )?complaint|checking with)\b"
)
_PLAIN_DUTY = _Lazy(
    r"\b(?:required to|obliged to|have to (?:notify|report|inform)|must (?:notify|report|"
    r"inform)|duty to|by law|routine|as standard|annual|scheduled|booked|recommend|"
    r"introduce you|your own (?:adviser|advisor|lawyer|solicitor)|as (?:we )?(?:discussed|"
    r"agreed)|not a claim|reviewing the draft|drafting|will draft|needs to (?:sign|review|"
    r"approve|see)|signs? off|before we (?:both )?sign|as (?:she|he|they) (?:looks? after|handles?|"
    r"can|will|needs?)|preparing|a draft|should be copied)\b"
)


# -- our side deciding the next step ------------------------------------------------------------

_OUR_DECIDERS = _Lazy(
    r"\b(?:our|my) (?:board|directors?|owners?|partners|management|leadership|executive "
    r"(?:team|committee)|committee|ceo|md|managing director|finance director|cfo|head office|"
    r"legal (?:team|department)|insurers?)\b(?:,? (?:\w+ ){0,8}?)"
    r"(?:will|would|is going to|are going to|'ll|meets? (?:\w+ ){0,4}?(?:and|to)|is due to|"
    r"are due to|needs? to|wants? to|has asked me to|will then) "
    r"(?:\w+ )?(?:decide|determine|consider|discuss|review|look at|weigh|agree|settle on|"
    r"take a view on|form a view on)\b"
)
_NEXT_STEP = _Lazy(
    r"\b(?:(?:its|our|their|the) next steps?|next steps|how (?:we|to|they) (?:proceed|respond|"
    r"handle)|how best to proceed|what (?:to do|happens next|action)|(?:its|our|their|the) "
    r"(?:options|position|response)|whether (?:to|we)|the (?:way forward|relationship|account|"
    r"contract|partnership)|(?:further|appropriate) (?:action|steps))\b"
)
_SHARED_PLAN = _Lazy(
    r"\b(?:with you|together|jointly|share (?:it|the outcome|their decision) with you|"
    r"let you know|update you|your proposal|the proposal|the budget|the agenda)\b"
)


# -- a demand with no way out --------------------------------------------------------------------

_DEMAND = _Lazy(
    r"\b(?:you (?:must|will need to|need to|are required to|have to)|we (?:require|expect|"
    r"insist|demand)|i (?:require|expect|insist|demand|want)|(?:it|this|that|payment|the \w+) "
    r"(?:must|has to|needs to|will need to) be)\b"
)
_DATED = _Lazy(
    r"\b(?:by|before|no later than|within|until|till) (?:\w+ ){0,2}?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|tomorrow|tonight|noon|midday|midnight|eod|cob|close of business|"
    r"mon|tue|tues|wed|weds|thu|thur|thurs|fri|tmrw|tmw|lunchtime|this week|next week|"
    r"end of (?:the |this |next )?(?:day|week|month)|\d{1,2}(?:st|nd|rd|th)?|the \d{1,2}"
    r"(?:st|nd|rd|th)?|\d+ (?:working |business )?(?:days|hours)|(?:seven|five|ten|fourteen|"
    r"two|three) (?:working |business )?(?:days|hours))\b"
)
_SHUT = _Lazy(
    r"\b(?:at the latest|no later than|without fail|no exceptions|no excuses|no extensions|"
    r"non-negotiable|not negotiable|not up for (?:discussion|debate)|final|full stop|period|"
    r"and that's that|end of|absolutely|no further|in full)\b"
)


# -- a failure placed on their people -------------------------------------------------------------

_YOUR_SIDE = r"(?:your|you) (?:\w+ ){0,2}?(?:end|side|team|people|staff|crew|guys|lot|\w+)"
_PASSIVE_FAILURE = _Lazy(
    r"\b(?:was|were|got|has been|have been|had been|being) (?:\w+ )?(?:missed|ignored|overlooked|"
    r"dropped|lost|mislaid|misplaced|mislabell?ed|damaged|broken|skipped|forgotten|mishandled|"
    r"misread|misunderstood|botched|bungled|delayed|held up|introduced|caused|sent to the wrong|"
    r"keyed (?:in )?wrong(?:ly)?|entered wrong(?:ly)?|approved without|signed off without|"
    r"left (?:out|behind|open|unattended|sitting|outside|on)|not (?:checked|tested|read|followed|"
    r"loaded|sent|passed on|actioned|picked up)) (?:\w+ ){0,3}?(?:by|at|on|from|in) "
    + _YOUR_SIDE
    + r"\b"
)
_THEY_NEVER_BOTHER = _Lazy(
    r"\byour (?:\w+ ){0,2}?(?:simply|just|clearly|obviously) (?:does not|doesn't|do not|don't|"
    r"did not|didn't|never|cannot|can't|won't) (?:bother to |even )?(?:check|read|test|listen|"
    r"care|follow|look|answer|reply|count|plan)\b|\bevery (?:single )?time (?:[\w',]+ ){0,6}?"
    r"(?:it is|it's) (?:our|my) \w+ (?:who|that) (?:must|have to|has to|end up)\b"
)
_THEIR_PERSON = _Lazy(
    r"\b(?:it was|it's|it is|that was) [a-z]+ (?:in|on|from|at) your (?:\w+ ){0,3}?(?:team|desk|"
    r"office|department|group|warehouse|depot|side|end) who (?:\w+ ){0,2}?(?:entered|sent|gave|"
    r"lost|forgot|missed|ignored|left|dropped|deleted|approved|keyed|put|booked|loaded|didn't|"
    r"did not|never|failed|changed|cancelled|told)\b|\b[a-z]+ (?:in|on|from|at) your "
    r"(?:\w+ ){0,3}?(?:team|desk|office|department|group|warehouse|depot) (?:gave|sent|entered|"
    r"keyed|put|lost|forgot|missed|ignored|left|dropped|deleted|approved|signed|booked|loaded) "
    r"(?:\w+ ){0,4}?(?:wrong|incorrect|twice|without)\b"
)
_HAD_THEY = _Lazy(
    r"\bhad (?:you|your (?:[\w'-]+ ){0,3}?\w+|they) (?:\w+ ){0,6}?\w+(?:ed|en|t)\b[^.!?]{0,120}?"
    r"\b(?:would|wouldn't|could|couldn't)\b|\b(?:would|wouldn't|could|couldn't)(?: not)? have "
    r"(?:\w+ ){1,4}?if (?:you|your|they)\b"
)
_ON_THEM = _Lazy(
    r"\b(?:that's|that is|this is|that one's|it's all|it is all) (?:all |squarely |entirely |firmly "
    r")?on your (?!desk|table|system|portal|website|list|agenda|calendar|way|screen|inbox|side of)"
    r"\w+\b"
)
_CAUSE_FROM_THEM = _Lazy(
    r"\b(?:the )?(?:problem|error|errors|fault|faults|issue|mistake|mistakes|delay|delays|damage|"
    r"slip|hold-up|breakdown|mix-up|confusion|failure|contamination|shortfall) "
    r"(?:\w+ ){0,4}?(?:came|comes|originated|originates|started|starts|arose|arises|stemmed|"
    r"stems|began|begins|lies|lay|sits|sat|happened|occurred|crept in) (?:\w+ )?(?:from|with|at|"
    r"in|on) " + _YOUR_SIDE + r"\b"
)
_HABIT = _Lazy(
    r"\b(?:every (?:single )?time|each time|whenever|every \w+ that) (?:your|you) "
    r"(?:[\w',]+ ){0,8}?(?:we|i|our \w+) (?:\w+ )?(?:end up|have to|had to|are left|get left|"
    r"get stuck|are stuck|spend|need to|must|are forced to)\b"
)
_CLEARED = _Lazy(
    r"\b(?:not (?:by|at|on|from) your|nothing (?:to do with|your)|no fault of|through no fault|"
    r"customs|the weather|the storm|a strike|bank holiday|public holiday|in transit|thanks to)\b"
)


# -- a promise to pay without a limit ---------------------------------------------------------------

_WE_WILL_PAY = _Lazy(
    r"\b(?:we|i)(?:'ll| will| shall|'d| would)? (?:\w+ ){0,5}?(?:pay|cover|reimburses?|refunds?|"
    r"compensate|make good|foot|settle|meet|pick up|put (?:it|this|that|things) right|"
    r"take care of (?:it|that|them|the \w+))\b"
)
_NO_LIMIT = _Lazy(
    r"\b(?:without (?:argument|question|quibble|hesitation|dispute|a fight|any fuss)|"
    r"no questions asked|anything else|everything else|whatever (?:else|it|they|you)|"
    r"out of pocket|every (?:penny|cent|cost|last)|all (?:of )?(?:your|the) (?:costs|losses|"
    r"expenses|bills)|any (?:other )?(?:costs|losses|expenses|bills) (?:you|at all)|the lot|"
    r"any other (?:fallout|consequences?|losses|costs|damage|knock-on)|any (?:\w+ )?(?:sales|"
    r"business|income|revenue|bookings|customers) you (?:lose|lost|miss)|(?:every|each) \w+ "
    r"(?:\w+ )?you (?:had|have|lost|missed)|the whole (?:\w+ )?(?:wedding|event|order|thing|"
    r"job|project|cost|bill|day|evening)|whatever (?:\w+ ){0,8}?(?:cost|costs|come to|comes to|"
    r"adds? up to|amounts? to|ends? up (?:being|costing|at)|turns? out to be))\b"
)


# -- courtesy that says the opposite, and talk about their competence --------------------------------

_COURTESY = _Lazy(
    r"\b(?:looking forward|look forward|no worries|no rush|no hurry|good to know|nice to know|"
    r"great to know|congratulations|thanks so much|thank you so much|many thanks|i'm sure|"
    r"i am sure|really|do let|happy to wait|just checking|in case)\b"
)
_THEIR_INDIFFERENCE = _Lazy(
    r"\b(?:at some point|some point|eventually|some day|someday|one day|whenever (?:someone|"
    r"somebody|you|anyone|your)|spare (?:minute|moment|second|five minutes)|"
    r"(?:slipped|fallen|dropped|slid) (?:down|off) (?:your|the) (?:list|radar|priorities)|"
    r"(?:ranks?|sits?|comes?) (?:\w+ )?(?:below|behind|after) your|where (?:everyone's|"
    r"your|the team's|all the) (?:energy|time|attention|focus|effort)|somehow (?:escaped|"
    r"slipped|missed|passed)|escaped you|(?:very|so|terribly|most) understanding|"
    r"(?:get|got) (?:round|around) to it|in your own time|at your leisure|too much trouble|"
    r"when(?:ever)? (?:it|you) suits? you|if (?:anyone|someone) (?:has|gets) a moment)\b"
)
# "again" after a word for being restored ("the shop is open again") is news, not a repeat
_RECOVERED = r"(?<!open )(?<!working )(?<!running )(?<!back )(?<!online )(?<! up )(?<!well )"
_WAITING = _Lazy(
    r"\b(?:still (?:waiting|need|needing|chasing|no|haven't|have not|missing|outstanding)|"
    r"overdue|(?:was|were) due|"
    + _RECOVERED
    + r"again|(?:three|four|five|several|\d+) times|third time|"
    r"once more|chased|chasing|yet to|no reply|no response|not arrived|outstanding|late|"
    r"as per my|emails? of)\b"
)
_ABOUT_COMPETENCE = _Lazy(
    r"\b(?:(?:you're|you are|you were|your \w+ (?:is|are)) (?:still )?(?:fairly |quite |very |"
    r"pretty |relatively )?(?:new|junior|inexperienced)|(?:new to|someone new to|as someone "
    r"new)|someone (?:\w+ ){0,2}?more (?:experienced|senior|qualified)|(?:one of )?(?:the |your )?"
    r"(?:junior|more junior) (?:staff|members?|people|colleagues|team)|"
    r"(?:i'd|i would|we'd|we would) have thought (?:\w+ ){0,10}?(?:could|can|would be able to|"
    r"might) (?:\w+ )?(?:manage|handle|cope|follow|understand|do|get) (?:that|this|it)|"
    r"(?:a bit|too|rather) (?:much|complicated|technical|confusing) for|"
    r"(?:might|may|will) find it (?:a lot |much )?(?:more )?(?:straightforward|easier|simpler)|"
    r"new (?:world|territory|ground|area|field|game) (?:for|to) you|(?:older|more experienced|"
    r"senior) (?:hands|heads)|"
    r"(?:guide|primer|introduction|crash course|tutorial|explainer) (?:to|on) (?:reading|using|"
    r"understanding|writing|the basics)|the basics of)\b"
)
_DOWN_TALK = _Lazy(
    r"\b(?:keep (?:this|it|things) simple|(?:simple|basic|straightforward)|explain|walk you "
    r"through|go through it|step by step|have a go|manage that|save us both|more experienced|"
    r"(?:may|might) not have been (?:fully )?clear|before sending|still a bit much|"
    r"could manage|if the \w+ (?:are|is) still|spell (?:it|this|that) out|older hands|show you how)\b"
)
_WELCOME = _Lazy(r"\b(?:welcome|welcoming|glad to have you|great to have you|onboard|induction)\b")


# -- written from the tenth to twelfth blind sets' misses (as the rules then stood) ------------

_RELUCTANT = _Lazy(
    r"\b(?:(?:i'd|we'd|i would|we would) (?:\w+ )?(?:rather not|hate|not like|not want)|"
    r"(?:would|do) not (?:like|want) to|(?:don't|wouldn't) (?:like|want) to|last thing (?:i|we) "
    r"want|hope (?:it|this) (?:won't|will not|doesn't|does not) (?:come|get) to)\b"
)
_ESCALATE = _Lazy(
    r"\b(?:raise (?:\w+ ){1,4}?with|take (?:\w+ ){1,4}?(?:up )?(?:with|to)|report (?:\w+ ){1,4}?to|"
    r"bring (?:\w+ ){1,4}?to|brought to|refer (?:\w+ ){1,4}?to|involve|get (?:\w+ ){1,3}?involved|"
    r"notice of|go to the|contact the|tell (?:the|our|your) \w+|loop(?:ing)? in|bring(?:ing)? in|"
    r"(?:pass|hand)(?:ing)? (?:it|this|the matter) (?:on |over )?to|speak to (?:our|your|the)|"
    r"complain to)\b"
)
_OUR_OWN_TROUBLE = _Lazy(r"\b(?:together|internally|with you|our own|on our side)\b")


_ASKING_ABOUT_YOU = _Lazy(
    r"\b(?:(?:are|were|have been|has been|keep|kept|is|was|often|always) (?:\w+ )?"
    r"(?:asking|ask) (?:me|us)|ask (?:me|us)) (?:straight out |already |lately )?(?:\w+ )?"
    r"(?:what|who|whether|which|about|how|if)\b|\b(?:asked|asking|ask) (?:me |us )?(?:how|whether|"
    r"what|who) (?:his|her|their|your) (?:\w+ )?(?:crew|team|people|staff|firm|company|lot|"
    r"guys|lads) (?:were|was|are|is) (?:getting on|doing|going|performing)\b"
)
_VERDICT = _Lazy(
    r"\b(?:tell them|say (?:anything|something)|recommend(?:ing)?|a (?:great|good) answer|"
    r"the truth|something good|it was (?:resolved|sorted|handled)|answer (?:them|for them)|"
    r"(?:give|giving|gave) you (?:the |a )?chance|(?:go|went|going) into (?:any )?detail|"
    r"(?:haven't|have not|not) (?:yet )?(?:said|told|mentioned) (?:anything|them|it))\b"
)


_EITHER_OR = _Lazy(
    r"\beither (?:[\w',]+ ){1,20}?or (?:we|i)(?:'ll| will| are going to)? (?:\w+ )?(?:walk|go|take|"
    r"move|cancel|stop|end|pull|find|terminate|withhold|look|switch|appoint|engage|use)\b"
)
_IF_NOT_BY = _Lazy(
    r"\b(?:(?:if|unless|should) (?:we|i) (?:do not|don't|did not|didn't|have not|haven't|cannot|"
    r"can't) (?:\w+ ){0,2}?(?:have|receive|get|hear|see|agree)|if (?:the |your |our )?(?:\w+ ){1,3}?"
    r"(?:aren't|isn't|is not|are not|hasn't|haven't|has not|have not) (?:\w+ ){0,2}?(?:back|here|"
    r"in|done|fixed|sent|signed|received|delivered|paid|sorted|corrected))\b"
)
_OUR_NEXT_MOVE = _Lazy(
    r"\b(?:we|i)(?:'ll| will| shall| are going to|'re going to|'m going to) (?:\w+ ){0,3}?"
    r"(?:take (?:it|that|this) (?:that|as (?:a no|no|meaning|a sign|your answer))|take (?:our|the) "
    r"(?:business|work|account|order)|treat|understand|assume (?:that )?(?:you|this|the (?:partnership|contract|"
    r"relationship))|conclude|act|make other|go|move|look|cancel|stop|end|pull|find|proceed|"
    r"withdraw|close|charge|invoice|bill|engage|appoint|switch|reconsider|rethink|review)\b"
)
_AFTER_THAT_WE = _Lazy(
    r"\b(?:after that|otherwise|failing that|past that|beyond that|if not),? (?:we|i|our \w+)"
    r"(?:'ll| will| shall)? (?:\w+ ){0,2}?(?:place|take|go|move|cancel|stop|end|find|look|"
    r"withdraw|pull|assume|treat|proceed|close|charge|invoice|bill|engage|use|appoint|switch|"
    r"book)\b|\b(?:after that|past that|beyond that|otherwise|failing that),? it(?:'ll| will| would)? "
    r"(?:be|go|get) (?:\w+ ){0,2}?(?:out of (?:my|our) hands|beyond (?:me|us)|above (?:me|my head))\b"
)
_BENIGN_NEXT = _Lazy(
    r"\b(?:call|ring|phone|chase|follow up|remind|resend|check in|email you|as fine|as a yes|"
    r"go ahead|confirm)\b|" + _EVERYONE_IN_CLAUSES.pattern
)


_WITH_THEM_NOT_US = _Lazy(
    r"\b(?:(?:by|from|at|with|on|in) (?:your|you) (?:[\w'-]+ ){0,4}?|(?:rests?|lies|sits?|"
    r"sat|falls?|is|was) (?:\w+ ){0,3}?(?:with|on) your (?:[\w'-]+ ){0,3}?)[\w'-]+,? (?:and )?not "
    r"(?:by |from |at |with |on |in )?(?:anyone (?:here|on our side|at our end)|us|our|me|we)\b|"
    r"\b(?:rests?|lies|sits?|falls?) (?:\w+ ){1,3}?(?:with|on) your\b|"
    r"\b(?:only|sole|real|obvious) (?:explanation|reason|cause) (?:\w+ ){0,3}?(?:is|was) "
    r"(?:\w+ ){0,2}?(?:in|with|at|on|from|of) your\b|"
    r"\b(?:carelessness|negligence|sloppiness|incompetence|laziness) (?:in|at|of|from|on) your\b"
)


_EVERY_ONE = _Lazy(
    r"\b(?:every (?:single )?(?!time (?:we|i)\b)\w+|each (?:and every )?(?!time (?:we|i)\b)\w+)\b"
)
_WENT_WRONG = _Lazy(
    r"\b(?:errors?|mistakes?|wrong|late|short|missing|damaged|broken|overcharged|incorrect|"
    r"faulty|problems?|issues?)\b"
)
_NOT_ONE = _Lazy(r"\b(?:not (?:a )?single|not one|none of|nobody|no one|not once)\b")
_EVER_DONE = _Lazy(
    r"\b(?:ever|once) (?:\w+ ){0,4}?(?:returned|answered|replied|acknowledged|arrived|on time|"
    r"complete|correct|right|seriously|called back|followed up|fixed|kept)\b|\b(?:has|have) "
    r"(?:ever )?been (?:returned|answered|acknowledged|fixed)\b"
)
_NONE_OF_THEIRS = _Lazy(
    r"\b(?:not one|not a single|none|nobody|no one) (?:of|in|at|from|on) your (?:[\w'-]+ ){0,3}?"
    r"(?:[\w' -]+ ){0,6}?(?:ever|responsibility|matched|on time|right|correct|worked|"
    r"arrived|replied|answered|bothers|cares|knows)\b|\b(?:not|never) in your (?:[\w'-]+ )?"
    r"(?:dna|nature|culture|character)\b|\b(?:couldn't|could not|can't|cannot) organi[sz]e a\b"
)
_ABOUT_THEM = _Lazy(r"\b(?:you|your|from you|head office|your office)\b")
_GOOD_NEWS = _Lazy(
    r"\b(?:thank\w*|great|helpful|brilliant|excellent|well done|praise|glad|appreciate\w*|"
    r"found a way)\b"
)


_HYPERBOLE = _Lazy(
    r"\b(?:very impressed|so pleased|really appreciate|much appreciated|(?:they|we) love (?:that|"
    r"it)|(?:i )?(?:particularly |really )?enjoyed|fun way|good to know|nice to know|no dramas|"
    r"no worries at all|hard to believe|what a (?:treat|surprise|shock)|how (?:kind|lovely|nice)|"
    r"quite a (?:work|piece|feat)|thrilled|delighted|amazed|astonished|in awe|rare achievement|"
    r"(?:always |so )?(?:nice|lovely|great|good) to (?:hear|learn|find out)|masterpiece|triumph|"
    r"special kind of|top marks|gold star|swimmingly|at least (?:you're|you are|they're) consistent|"
    r"(?:is|was|are) something else|worth every (?:penny|cent|pound|dollar)|made all the difference|thanks ever so)\b"
)
_FAILURE = _Lazy(
    r"\b(?:late|" + _RECOVERED + r"again|after the (?:agreed|due)|outage|broken|stand around|"
    r"not like (?:we|i)|"
    r"after (?:only|just) |days after|weeks after|still (?:use|using|waiting|no)|overdue|"
    r"enjoying a (?:little )?holiday|from our own \w+|imagination|recall lasting|creativity|"
    r"innovation|worth every|extra days|fortnight after|weeks? after|never turned up|forg[eo]t|"
    r"fourth|third|three separate|twenty minutes|exact message|on their way|on its way)\b"
)
_SINCERE = _Lazy(
    r"\b(?:despite|even though|in spite|although|sorry|apolog\w*|thank you for (?:letting|"
    r"telling|flagging|warning)|on time|early|genuinely|sincerely)\b"
)
_NOT_LIKE = _Lazy(
    r"\b(?:it's|it is) not (?:like|as if|as though) (?:we|i|our)\b|\b(?:it's|it is) only "
    r"(?:our |the )?(?!a |an |one |two |three |a few |for |because |until )\w+(?=[,.;]| and)"
)
_TALKED_DOWN = _Lazy(
    # (what "we should know" is a question of ours: "any site access requirement we should know")
    r"\b(?:(?:anyone|everyone|most people|any \w+) (?:(?!(?:we|i)\b)[\w'-]+ ){0,8}?"
    r"(?:knows?|would know|should know|is aware|could tell you)|(?:explain|put) (?:this|it|that) more "
    r"(?:simply|slowly)|once more,? slowly|slowly this time|(?:very |a )?basic point|"
    r"(?:you|your (?:\w+ ){1,2}?|they) should (?:ideally |really )?(?:know|be aware)|surprised this is "
    r"news|(?:point|message) (?:didn't|did not|doesn't|does not|hasn't) (?:quite )?land|"
    r"(?:really|honestly) is that (?:straightforward|simple)|(?:by|past) someone (?:more )?senior(?! (?:on|at|from|in) (?:our|my))|your (?:manager|boss|"
    r"supervisor) or an? \w+|(?:may|might) be your first|a bit technical|too technical for|"
    r"(?:try to |i'll |let me )keep (?:this|it) (?:simple|basic)|(?:company|firm|business|supplier|"
    r"outfit|agency) (?:of|with) your (?:size|experience|reputation|standing) (?:can|could|would|"
    r"should))\b"
)
_MY_FAULT = _Lazy(
    r"\b(?:sorry|apolog\w*|my (?:fault|mistake|last email)|i wasn't clear|i was not clear|"
    r"badly (?:worded|put)|welcome|glad to have you|our new (?:portal|system|process))\b"
)


# -- roles: who does what to whom, by broad classes of words ------------------------------------
# Each reads a role in a clause, not a phrase: the reader as the subject of a failing act;
# a condition on what the reader does, with a step that is ours to take; our side accepting a
# loss; a legal actor or step as our next move; praise around a delay; totals about the reader.

# the reader as the one who acts: "you", "you guys", "your site team", "your maintenance contractor"
_NOT_A_NOUN = (
    r"(?!(?:we|i|our|us|they|it|and|but|to|that|which|who|was|were|is|are|has|have|had|not|never|"
    r"should|would|could|will|can|may|might|must|shall|do|does|did|always|often|been|be|just|"
    r"still|also|then|once)\b)"
)
_YOU = (
    rf"(?:you(?: guys| lot| people| folks| all)?|(?:(?:someone|somebody|anyone|anybody) )?(?:in|on|"
    rf"at|from) your (?:{_NOT_A_NOUN}[\w'-]+ ){{0,2}}?{_NOT_A_NOUN}[\w'-]+|your "
    rf"(?:{_NOT_A_NOUN}[\w'-]+ ){{0,3}}?{_NOT_A_NOUN}[\w'-]+)"
)
# the reader's people: "your site team", "your planner", "Kevin in your dispatch team"
_YOUR_PEOPLE = (
    r"(?:you(?: guys| lot| people| folks)?|(?:(?:someone|somebody|anyone) )?(?:in|on|at|from) "
    r"your (?:[\w'-]+ ){0,2}?[\w'-]+|your (?:[\w'-]+ ){0,2}?(?:team|teams|staff|people|crew|guys|"
    r"lot|side|end|office|department|dept|warehouse|depot|site|plant|group|desk|lab|shop|studio|"
    r"agency|company|firm|business|organi[sz]ation|management|accounts|finance|procurement|"
    r"dispatch|qa|it|support|helpdesk|kitchen|yard|factory|mill|branch|store|colleagues|folks|"
    r"subbies|sparkies|chippies|blokes|lads|boys|crews|side|\w+(?:er|or|ist|ian|ant|eer)s?))"
)
# words between a subject and its verb that change nothing: "your team has simply"
_BETWEEN = (
    r"(?:(?:have|has|had|is|are|was|were|just|simply|also|then|clearly|obviously|apparently|again|once again|"
    r"still|even|completely|totally|somehow|repeatedly|basically|actually|really|literally|"
    r"evidently|seemingly|already|yet again|first|now|entirely) )*"
)
# acts that only a person can fail at: whoever does them is at fault
_FAILING_ACT = (
    r"(?:ignored|neglected|forgot|overlooked|disregarded|refused|botched|bungled|mishandled|"
    r"misread|misjudged|misquoted|mislabell?ed|misplaced|misdirected|misrouted|miscalculated|"
    r"mis-?sent|misunderstood|misinformed|misled|(?:messed|screwed|cocked|stuffed|fouled|balls?ed) "
    r"(?:it |this |that |things |everything |the \w+ )?up|dropped the ball|sat on|dragged (?:your|"
    r"their|its|his|her) (?:heels|feet)|let (?:it|this|that|things|the \w+) (?:slide|slip|drift|"
    r"lapse)|cut corners|went (?:silent|quiet|dark|awol|back on)|ghosted|reneged|"
    r"backtracked|lied|fobbed (?:us|me) off|passed the buck|stonewalled|dodged|wasted|blew|ruined|"
    r"wrecked|sabotaged|undermined|overcharged|over-?billed|double-?billed|under-?delivered|"
    r"skipped|(?:failed|neglected|refused|forgot) to|(?:didn't|did not|never|could not|couldn't) "
    r"(?:even )?(?:be )?bother(?:ed)?|chose (?:not|to ignore)|(?:didn't|did not|failed to|neglected "
    r"to) (?:even )?(?:reply|respond|answer|call|ring|phone|read|check|test|follow|tell|inform|"
    r"notify|warn|confirm|turn up|show up|deliver|send|pay|fix|listen|care|update|return|"
    r"acknowledge|follow up|pick up|sign|approve|process|action|keep|honou?r|meet|attend|wait|"
    r"let (?:us|me) know|get back|come back|flag|escalate|communicate|consult|lock|secure|clean|"
    r"supervise|pass (?:it|this|that) on|make|do)|(?:didn't|did not|failed to|neglected to) "
    r"(?!(?:need|have|know|say|mention|think|realise|realize|want|mind|expect|see|hear|receive|get|"
    r"mean|like|manage to|have to|feel)\b)[\w'-]+)"
)
# an ordinary act done wrongly: "your driver delivered it to the wrong address"
_DONE_WRONG = (
    # what reached them is not an act of theirs: "the email you received from us was wrong"
    r"(?!(?:received|heard|obtained|inherited|experienced|suffered|encountered|endured)\b)"
    r"(?:\w+ed|lost|sent|put|gave|left|took|made|did|brought|built|fitted|wrote|set|cut|ran|told|"
    r"let|kept|fed|hung|laid|paid|sold|shipped|keyed|packed) (?:[\w'-]+ ){0,6}?(?:wrong(?:ly)?|"
    r"incorrectly|badly|poorly|improperly|carelessly|late|against (?:our|the) (?:\w+ )?"
    r"(?:instructions?|advice|spec|specification|drawings?|agreement|method statement)|in the "
    r"rain|without (?:\w+ing|to \w+|our \w+|us|any \w+|permission|approval|notice|warning|"
    r"authori[sz]ation)|(?<=lost) (?:our|my|the|both|all|two|three|\w+ of our)|beyond the (?:\w+ )?(?:limit|tolerance|capacity|rating)|(?:the|an|our) "
    r"(?:old|outdated|superseded|previous|expired|out-of-date) (?:\w+ )?(?:address|postcode|"
    r"version|revision|price|rate|file|drawings?|spec|template|details|number|list)|before "
    r"(?:[\w'-]+ ){0,3}?(?:was|were|had been|could be|got) (?:\w+ )?(?:signed|approved|checked|"
    r"ready|dry|cured|tested|agreed|confirmed))\b"
)
_NOT_A_CULPRIT = _Lazy(
    r"\b(?:no fault of|not your fault|not (?:the )?fault of|through no fault|nothing to do with "
    r"(?:you|your)|understandabl\w*|fair enough|no problem|no worries|our (?:own )?(?:fault|"
    r"mistake|error|slip)|on us|down to us|because of (?:our|us|me|my|the (?:storm|weather|"
    r"traffic|roadworks|strike|snow|flood\w*))|thanks to (?:our|us)|thank you for|thanks for|"
    r"grateful|appreciat\w*)\b"
)
_ASKING = _Lazy(r"\?")
_SUPPOSING = _Lazy(  # the act is supposed, felt with them or denied, not asserted
    r"\b(?:if|whether|in case|unless|even if|i know|we know|i understand|we understand|i realise|"
    r"i realize|i appreciate|i'm aware|i am aware|sorry (?:that|to hear|if)|i'm sorry|i am sorry|"
    r"we're sorry|we are sorry|i hope|we hope|not that|not saying|nobody is saying|no one is "
    r"saying|in case|maybe|perhaps|might have|may have|possibly|i wonder|wondering)\b"
)
_YOU_FAILED = _Lazy(rf"\b{_YOU} {_BETWEEN}{_FAILING_ACT}\b")
_YOU_DID_IT_WRONG = _Lazy(
    rf"\b{_YOUR_PEOPLE},? (?:who |which |that )?{_BETWEEN}(?:{_DONE_WRONG}|(?:entered|keyed|booked|"
    r"billed|charged|invoiced|sent|shipped|processed|input|logged|paid) (?:[\w'-]+ ){0,4}?(?:twice|"
    r"in duplicate|two times)\b)"
)
# their people as the subject of a failing act, after a relative pronoun: "your QA people, who approved ..."
_YOU_WHO_FAILED = _Lazy(rf"\b{_YOUR_PEOPLE},? (?:who|which) {_BETWEEN}{_FAILING_ACT}\b")
# what they did, as an adjective: "you guys are impossible to get hold of", "your team was careless"
_YOU_ARE_BAD = _Lazy(
    rf"\b{_YOUR_PEOPLE} (?:are|is|were|was|have been|has been|'re)(?: \w+ly)? (?:impossible|hopeless|"
    r"useless|incompetent|unreliable|careless|sloppy|negligent|unprofessional|rude|lazy|a nightmare|"
    r"a joke|clueless|disorgani[sz]ed|unresponsive|unhelpful|dismissive|evasive|nowhere to be "
    r"(?:found|seen)|not (?:fit|up to)|asleep at the wheel|out of (?:their|your) depth)\b"
)
# a failure that sat with them: "it sat in your approvals queue for eleven days"
_SAT_WITH_THEM = _Lazy(
    r"\b(?:sat|sitting|stuck|parked|languish\w*|gathering dust|left unsigned|left unanswered|"
    r"went unanswered|was left|were left|left sitting) (?:[\w'-]+ ){0,6}?(?:on|at|in|with) "
    r"(?:someone's \w+ (?:at|on|in) )?your (?:[\w'-]+ ){0,2}?(?:side|end|office|desk|inbox|queue|"
    r"team|warehouse|yard|system|approvals?|department)\b"
)
_FOR_SO_LONG = _Lazy(
    r"\bfor (?:\w+ ){0,2}?(?:days|weeks|months|a week|a month|a fortnight|most of \w+)\b"
)
# a counterfactual about them: "had your engineers followed the guide, the seal would not have failed"
_HAD_YOU = _Lazy(
    rf"\b(?:had|if) (?:{_YOUR_PEOPLE}|anyone (?:on|at|in) your \w+|the (?:[\w'-]+ ){{1,4}}?(?:had "
    r"been|been) \w+ (?:\w+ )?(?:by|at|on|from) your \w+) (?:had )?(?:[\w'-]+ ){0,8}?"
    r"(?:[\w'-]+(?:ed|en|t))\b"
)
_WOULD_NOT_HAVE = _Lazy(
    r"\b(?:would(?:n't| not| never)? have|wouldn't be|would not be|we'd|we would|none of this|"
    r"could have been avoided)\b"
)
# what they caused: "your call to skip it is the reason the launch failed"
_YOURS_IS_THE_CAUSE = _Lazy(
    r"\byour (?:[\w'-]+ ){0,4}?(?:is|was|are|were) (?:the |a )?(?:real |main |only |sole |direct |"
    r"root )?(?:reason|cause|root cause|source|origin)\b"
)
# it happened on their side: "the corruption clearly happened somewhere at your end"
_HAPPENED_THERE = _Lazy(
    r"\b(?:happened|occurred|arose|originated|started|began|crept in|went wrong|got lost|was lost|"
    r"went missing|was introduced|was damaged|got damaged|broke) (?:[\w'-]+ ){0,3}?(?:at|on|in|"
    r"from|with|inside) your (?:[\w'-]+ )?(?:end|side|office|warehouse|site|system|systems|team|"
    r"premises|depot|yard|hands|care|custody|plant|lab|kitchen)\b"
)
# denying any part in it: "that is not our problem", "nothing to do with our team"
_NOT_OUR_PROBLEM = _Lazy(
    r"\b(?:(?:that's|that is|this is|it's|it is) not (?:our|my) (?:problem|fault|concern|"
    r"responsibility|issue|lookout)|(?:has |had )?nothing to do with (?:us|our \w+|me)|not (?:from|"
    r"on) our side|we (?:reject|deny|dispute) (?:your|the|any|all) (?:\w+ )?(?:allegations?|claims?|"
    r"accusations?|suggestion))\b"
)
# a cause pinned on them: "caused by your ...", "the root of this is your ...", "thanks to your late ..."
_CAUSE_LINK = _Lazy(
    r"\b(?:caused by|because of|due to|owing to|thanks to|as a result of|(?:the|a) (?:direct )?"
    r"result of|(?:all |entirely |squarely |solely |purely |largely |mostly )?down to|(?:entirely |"
    r"wholly )?the (?:fault|doing) of|stems? from|stemmed from|(?:comes?|came) (?:down )?"
    r"(?:\w+ )?down to|(?:trac|tied|track|pinn)\w* (?:\w+ ){0,6}?(?:back |straight back |down )?to|"
    r"(?:rests?|lies|lay|falls?) (?:\w+ ){0,4}?(?:with|on)|sits? (?:(?:squarely|firmly|entirely|"
    r"solely|wholly|fully) )*(?:with|on)|the root (?:cause )?of (?:[\w'-]+ )"
    r"{0,4}?(?:is|was)|the (?:real |only |main )?(?:reason|cause|source|origin) (?:[\w'-]+ ){0,8}?"
    r"(?:is|was)(?: that)?) (?:[\w'-]+ ){0,6}?(?:you(?! know)|your)\b"
)
_WENT_BADLY = _Lazy(
    r"\b(?:late|slow|delay\w*|fail\w*|mistakes?|errors?|lack|missing|missed|wrong\w*|careless\w*|"
    r"negligen\w*|poor\w*|sloppy|sloppiness|incompeten\w*|inaction|silence|not|\w+n't|never|"
    r"without|dragging|skipping|ignoring|sitting|sat|ignored|forgot\w*|refus\w*|inability|"
    r"mix-?up|mess|oversight|cracks?|broken|damage\w*|lost|short\w*|problems?|issues?|faults?|"
    r"against)\b"
)
_PRAISED = _Lazy(
    r"\b(?:quick|fast|prompt|hard work|great|excellent|help|helpful|efforts?|support|diligen\w*|"
    r"care(?!less)|brilliant|kind|generous|flexib\w*|patience|advice|expertise|skill\w*|"
    r"thank(?!s to)\w*|holiday|customs|weather|storm|strike|closure|"
    r"grateful|appreciat\w*|well done|request(?:ed)?|instructions?|feedback|approval)\b"
)
_FAULT_OF_THEIRS = _Lazy(
    r"\byour (?:[\w'-]+ ){0,2}?(?:carelessness|negligence|incompetence|sloppiness|laziness|"
    r"inaction|inability|refusal|failures?|oversight|blunder|lack of|mess-up|screw-up|cock-up|"
    r"unprofessionalism|mix-?ups?|mistakes?|errors?|slip-?ups?|blunders?|screw-?ups?|oversights?|"
    r"lateness)\b|\b(?:a |the )?(?:lack of \w+|failure|mistakes?|errors?|oversight|slip|"
    r"mix-?up|breakdown|carelessness|miscommunication|mess|blunder|sloppiness|negligence|"
    r"incompetence|laziness) (?:[\w'-]+ ){0,2}?(?:on|at|from|in|by) your (?:[\w'-]+ )?"
    r"(?!favou?r)(?:end|side|part|team|office|kitchen|shop|warehouse|site|department|\w+)\b"
)
_BECAUSE_YOURS = _Lazy(r"\bbecause (?:[\w'-]+ ){0,6}?your\b")
_LATE_AFTER = _Lazy(
    r"\b(?:arrived|came|was|were|got here|turned up|reached us|went in) (?:\w+ )?(?:late|after|too "
    r"late|wrong|incomplete|missing)|(?:never|didn't|did not|wasn't|weren't) (?:arrive|come|turn up|"
    r"reach|get)\w*|(?:sent|charged|billed|invoiced|delivered|shipped) (?:\w+ ){0,5}?(?:twice|three times|"
    r"four times|\d+ times|again)|nobody (?:there|at your end|on your side) \w+ed\b"
)
_SOMEONE_HAS_TO = _Lazy(
    r"\b(?:someone|somebody|anyone) (?:on|at|in) your (?:side|end|team|office) (?:really )?(?:has|"
    r"needs|will have|is going to have) to (?:actually )?(?:read|check|look|listen|open|answer)\b"
)
_NOBODY_THERE = _Lazy(r"\bnobody (?:there|at your end|on your side|in your \w+) (?:\w+ )?\w+ed\b")
_NOT_US = _Lazy(rf"\b{_YOU},? (?:and )?not (?:us|me|ours|our \w+|we|anyone (?:here|at our end))\b")
_SORRY = _Lazy(r"\b(?:sorry|apolog\w*|despite|fix(?:ing)?|sort(?:ing)? out|understand)\b")

# absolutes about the reader: "you never reply", "your team constantly misses", "nobody on your side ever"
_YOU_NEVER = _Lazy(
    rf"\b{_YOU} {_BETWEEN}(?:never|rarely|seldom|hardly ever) (?:once )?(?!(?:once|need|needs|have to|"
    r"has to|know|mind|worry|fail\w*|let|disappoint\w*|cease|stop|miss\w*|forg[eo]t\w*|kept (?:us|"
    r"me) waiting|been (?:late|anything|less|short|wrong|rude|unhelpful)|lost|dropped|complain\w*|"
    r"caus\w*|had (?:a|any) (?:problem|issue|complaint)|given us|ignor\w*|delay\w*|late|"
    # what never reached them is no failure of theirs: "which shipments your team never received"
    r"receiv\w*|got(?! back| round| around)|get(?! back| round| around)|heard|saw|seen)\b)"
    r"[\w'-]+"
)
# a state we want to reach for them, not their record: "so that your drivers never wait again"
_SO_THAT = _Lazy(
    r"(?:\w,? so|\bso that|\bto make sure|\bto ensure|\bensures?|\bensuring|\bmaking sure|"
    r"\bin order that)\s+$"
)
_YOU_ALWAYS = _Lazy(
    rf"\b{_YOU} {_BETWEEN}(?:always|constantly|continually|continuously|repeatedly|invariably|"
    r"forever|perpetually|habitually|keeps?(?! (?:up|us|me|it up|doing|on top|in touch))|kept"
    r"(?! (?:us|me) (?:posted|updated|informed|in the loop)))\b"
)
_BAD_HABIT = _Lazy(
    r"\b(?:late|wrong|excuses?|blam\w*|short|problems?|issues?|errors?|mistakes?|miss\w*|forg[eo]t"
    r"\w*|ignor\w*|chas\w*|complain\w*|chang\w*|moving|delay\w*|fail\w*|"
    r"cancel\w*|push\w* back|behind|last minute|last-minute|break\w*|broke|los[et]\w*|mess\w*|"
    r"drop\w*|nothing|no-shows?|overcharg\w*|interrupt\w*|telling|promis\w*|"
    r"different|incomplete|vague|unclear|slow|rude|unavailable|unreachable|wait\w* until|last "
    r"day|leave it (?:until|to)|do (?:this|that)|pull (?:this|that)|say (?:this|that|the same)|"
    r"go(?:es)? (?:dark|quiet|silent))\b"
)
# a habit marker with the reader and a failure: "without fail, your drivers turn up outside the slot"
_AS_EVER = _Lazy(
    r"\b(?:without fail|without exception|(?:month|week|day|year|time) after (?:month|week|day|year|"
    r"time)|time and (?:time )?again|again and again|as usual|as always|yet again|once again|"
    r"another (?:month|week|day|delivery|invoice|order|quarter|year), another|from day one|(?:the )?same (?:old )?pattern|all year(?: long)?|(?:like|as) every "
    r"(?:month|week|time|quarter|year)|(?:every|each) (?:single )?time(?! (?:we|i)\b)|every (?:single )?"
    r"one of them|typical(?:ly)? (?:of )?(?:how |the way |what )?(?:you|your)|all the time|never-ending|the same (?:story|"
    r"way|excuse|excuses|thing) (?:every|each|with|again)|not (?:\w+ ){0,4}?once\b|(?:hasn't|has not|haven't|have not|didn't|did "
    r"not) \w+ (?:one|a single) \w+|(?:can't|cannot|couldn't) (?:recall|remember|think of|name) "
    r"(?:one|a single|any))"
)
# "every time we raise a ticket, your guys go dark": what follows the comma is about them
_NOT_ONCE = _Lazy(
    r"\b(?:(?:has|have|had|was|were|is|are)(?:n't| not)|never|not) (?:\w+ ){1,7}?once\b(?! (?:a|every|"
    r"or|again|more|in a while))"
)
# a routine still to come: "your collections will appear in it as usual"
_AS_USUAL_TO_COME = _Lazy(
    r"\b(?:will|shall|'ll|would|can|could)\b(?: [\w'-]+){0,4}? as (?:per )?usual\b"
)
# "not once did we warn you" is about us; "not once has your team missed a payment" is praise
_NOT_ONCE_OURS = _Lazy(
    r"\b(?:not once|never|at no (?:point|time)) (?:did|have|had|were|was|do) (?:we|i)\b"
)
_NOT_ONCE_FAILED = _Lazy(
    r"\bnot once (?:\w+ ){0,6}?(?:missed|failed|been late|let (?:us|me) down|slipped|disappointed|"
    r"complain\w*|grumbl\w*|objected|moan\w*|quibbl\w*|argued)\b"
)
_NEGATIVE_BETWEEN = _Lazy(  # "hasn't been late once" is praise
    r"\b(?:late|wrong|missed|failed|short|broken|damaged|delayed|a problem|an issue|let us down|"
    r"complain\w*|an error|a mistake)\b"
)
_WHENEVER_WE = _Lazy(r"\b(?:(?:any|every|each) (?:single )?time|whenever) (?:we|i)\b")
_WENT_WRONG_ANY = _Lazy(
    rf"{_BAD_HABIT.pattern}|\b(?:\w+n't|never|nobody|no one|nowhere|nothing|outside|after "
    r"the|takes? (?:a|an|\w+) (?:\w+ )?(?:days?|weeks?|fortnight|months?|ages|forever)|ends? the "
    r"same way|dark|quiet|errors?|mistakes?|missing|damaged|broken|overcharged|incorrect|faulty|"
    r"corrections?|correcting|overdue|failed|failures?|incomplete|inaccurate|a mess)\b"
)
_THANKS_AFTER_ALL = _Lazy(
    r"\b(?:thank\w*|appreciat\w*|grateful|pleasure|reliable|brilliant|excellent|well done|let us "
    r"down|great|lovely|helpful|on time every|found a way|came through|pulled out all|helped|"
    r"saved|sorted it)\b"
)
# whatever they do, the same: "your people clearly don't check anything", "none of your invoices"
_NOTHING_EVER = _Lazy(
    rf"\b{_YOU} {_BETWEEN}(?:(?:clearly|obviously|just|simply) )?(?:don't|doesn't|do not|does "
    r"not|won't|will not|can't|cannot) (?:even )?[\w'-]+ (?:anything|a thing|any of (?:it|"
    r"them|our \w+)|everything)\b(?! (?:other|but|less|else))"
)
_WELL_DONE = _Lazy(
    r"\b(?:thank\w*|appreciat\w*|great|pleasure|reliable|helpful|best|brilliant|excellent|quick|"
    r"responsive|on time|early|well|good|kind|happy to|glad|lovely|professional|welcome)\b"
)
_NONE_OF_YOU = _Lazy(
    r"\b(?:nobody|no one|no-one|not one person|not a soul) (?:[\w'-]+ ){0,2}?(?:on|at|in|from|of) "
    r"your (?:[\w'-]+ ){0,2}?[\w'-]+ (?:[\w'-]+ ){0,3}?(?:ever|bother\w*|seems?|cares?|listens?|"
    r"reads?|takes? (?:any )?(?:responsibility|ownership|notice)|has (?:ever|bothered|once))\b|"
    r"\bnothing (?:that )?(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+) (?:[\w'-]+ ){0,4}?(?:ever|is "
    r"ever|comes? (?:right|on time)|works?|arrives? (?:on time|complete|right))\b"
)
_SAME_EVERY_TIME = _Lazy(
    r"\b(?:(?:it's|it is|that's|there's|there is) always (?:the same|something|some (?:reason|excuse|story|"
    r"problem)|an excuse|a reason)|(?:the )?same "
    r"(?:old )?(?:story|thing|excuse|excuses|problem|song) (?:every time|again|each time|with "
    r"(?:you|your))|every (?:single )?time (?:we|i) (?:[\w'-]+ ){1,6}?(?:you|your|nobody|no one)"
    r"\b(?:[\w'-]+ ){0,8}?(?:never|nobody|no one|wrong|late|nothing|ignor\w*|forg[eo]t\w*|"
    r"\w+n't))"
)
_ABOUT_YOU = _Lazy(r"\b(?:you|your|you guys|you lot)\b")
_WE_WILL_DO = _Lazy(
    r"\b(?:we|i)(?:'ll| will| shall| are going to| commit| aim| promise| have updated|'ve updated)\b"
)
_EVERY_ONE_OF_YOURS = _Lazy(
    r"\b(?:every (?:single )?|each (?:and every )?)(?!time (?:we|i)\b)(?!(?:day|week|month|quarter|year|morning|evening|night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|time|level|stage|step)\b)\w+\b"
)
_WENT_WRONG_WIDE = _Lazy(
    r"\b(?:errors?|mistakes?|wrong|late|(?:was|were|been|is|are|arrived|came|came up|delivered|"
    r"turned up) short|missing|damaged|broken|overcharged|incorrect|faulty|problems?|issues?|"
    r"corrections?|correcting|redo|re-?done|rework\w*|defects?|chas\w+|overdue|failed|failures?|"
    r"incomplete|inaccurate|a mess|sent back|complaints?)\b"
)

# a condition on what the reader does, and a step that is ours to take
_UNLESS_THEY = _Lazy(
    r"\b(?:(?:every|each|any) (?:day|week|month|hour) (?:it|that|they|this|the \w+) (?:doesn't|don't|"
    r"isn't|aren't|is not|are not|does not|do not)|the clock is (?:now )?(?:running|ticking)|"
    r"any later(?: than (?:that|this|then))?(?: and)?|(?:a|one) (?:day|minute|hour|week) later "
    r"and|no [\w'-]+(?: [\w'-]+)? by (?:\w+ ){1,3}?(?:means|and|=)|without (?:it|them|that|this)|in (?:the )?(?:other|contrary) case|if not so|silence (?:will be|is|would be) (?:taken|treated|read)|no "
    r"(?:reply|response|answer) (?:will be|is) (?:taken|treated|read)|"
    # "should never have been said" is regret, not a condition
    r"(?:if|should(?! (?:not|never) have\b)|in the event (?:that|of)|in case) "
    r"(?:[\w',]+ ){0,10}?(?:not|\w+n't|no|none|"
    r"nothing|never|fails?|failed|misses|missed|still|without|pass(?:es)?)|unless|after which|failing (?:which|that|this|payment|"
    r"receipt|delivery|a \w+|an \w+|your|the|such|any)|(?:absent|without|in the absence of|barring) "
    r"(?:a |an |the |your |any |full |prompt |immediate |written |satisfactory |proper )?(?:\w+ )?"
    r"(?:reply|replies|response|answer|payment|confirmation|settlement|resolution|agreement|"
    r"improvement|action|word|news|update|signature|proposal|plan|remedy|fix|sign-off|undertaking|"
    r"commitment|refund)|otherwise|or else|if not|failing that|(?:after|beyond|past|once) "
    r"(?:that|then|this|that date|that point|this point|that time|the deadline|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}"
    r"(?:st|nd|rd|th)))\b"
)
_CLOSING = _Lazy(  # a last chance, or the time left to them
    r"\b(?:whoever (?:[\w'-]+ ){0,6}?(?:by then|first|in time) (?:is|gets|wins)|"
    r"(?:this is|consider this|treat this as|take this as) (?:your|the|our) (?:very )?(?:last|"
    r"final) (?:chance|opportunity|warning|reminder|request|notice)|(?:last|final) (?:chance|"
    r"warning|opportunity)|the last time (?:i|we)(?:'ll| will)? (?:be )?(?:ask|chas|remind|writ)\w*|"
    r"no (?:more|further) (?:extensions|chances|reminders|tickets)|(?:i'll|i will|we'll|we will) "
    r"give (?:you|it) (?:one|a) (?:more|last|final|further) \w+|until (?:[\w',.-]+ ){0,6}?(?:is|are|"
    r"has been|have been) (?:paid|settled|cleared|withdrawn|signed|closed out|brought up to date)|"
    r"until (?:you|your (?:\w+ ){0,2}?\w+) (?:withdraw|pay|settle|apologi[sz]e|sign|retract|drop|"
    r"clear)\w*|(?:you have|we can "
    r"give you|i can give you|i'll give you|we'll give you|we will give you|i will give you|we are "
    r"giving you|i am giving you) (?:until|till|(?:one|two|three|\d+|a|another|a further|"
    r"twenty-four|forty-eight|seventy-two|a few|several) (?:more )?"
    r"(?:days?|hours?|weeks?|working days?))|no [\w'-]+(?: [\w'-]+)?,? no (?:further |more )?"
    r"(?:crew|payment|payments|delivery|deliveries|deal|contract|work|order|orders|access|service|"
    r"release|sign-off|handover|invoice|money|discount|renewal|extension|visit|install|"
    r"installation|start))\b"
)
_BY_THEN_OR = _Lazy(
    r"\b(?:by|before|on|in) (?:[\w':]+ ){0,4}?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|tomorrow|tmrw|tmw|tonight|noon|midday|eod|"
    r"eow|cob|latest|business|month|week|\d{1,2}(?:am|pm|:\d\d)|\d{1,2}(?:st|nd|rd|th)|"
    r"\d{1,2}),? or (?:else )?(?:we|i|we're|i'm|we'll|i'll|there|the|your|else|it|this|that|our|"
    r"my|you|shall|should|crew)\b"
)
_OURS_TO_IMPOSE = _Lazy(
    r"\b(?:stop(?:ping)? (?:the |all |any |our |your |further |new )?(?:\w+ )?(?:work|supply|"
    r"supplies|deliveries|delivery|service|services|orders?|payments?|direct debit|access|"
    r"dispatch\w*|shipments?)|cancel\w* (?:the |our |your |all |any |what's |the rest of the |"
    r"remaining )?(?:\w+ )?(?:orders?|contracts?|account|agreement|deliveries|booking|"
    r"subscription|po|deal|outstanding)|suspend\w*|terminat\w*|withdraw\w*|withh[eo]ld\w*|"
    r"block\w* (?:\w+ ){0,3}?(?:orders?|account|access|deliveries)|on (?:stop|hold)|paus\w+ "
    r"(?:\w+ ){0,2}?(?:work|orders?|deliveries|supply|service)|releas\w* (?:your|the) (?:slot|"
    r"place|booking|date|space|allocation)|reject\w*|at your (?:own )?(?:cost|expense|risk)|"
    r"charg\w* (?:you|back|it back|the cost|the difference|for (?:the|every|each|any|all)|(?:a |an )"
    r"?(?:fee|penalty|interest|storage|demurrage))|back-?charg\w*|interest|deduct\w*|set (?:\w+ )"
    r"{0,3}?against|penalt\w*|forfeit\w*|elsewhere|another (?:supplier|firm|provider|contractor|"
    r"company|practice|printer|agency|vendor|partner|carrier|haulier|installer|builder|team|"
    r"architect|designer|developer)|the other (?:\w+ ){0,2}?(?:firms?|suppliers?|providers?|"
    r"bidders?|contractors?|companies)|someone else|somebody else|(?:goes|go|going|went) (?:to|"
    r"with) (?!you\b|your\b|the (?:site|meeting|office|plan)|ahead|plan)[\w'-]+(?:'s)? instead|"
    r"switch\w* (?:to|supplier|provider)|re-?tender|(?:give|giving|hand|handing|award\w*) (?:the "
    r"work|it|this|the (?:job|contract|tender|order|project)) to|no (?:contract|deal|order|crew|"
    r"payment|discount|more work|further work|further orders)|off the table|full (?:rate|price|"
    r"balance|amount)|becomes? (?:due|payable)|legal (?:action|proceedings|steps|route|options|"
    r"remedies)|court|proceedings|(?:file|issue|lodge|bring|start|pursue) (?:a |the )?(?:formal )?"
    r"claim|recover\w* (?:the|our|this|it|full|all|any)|lawyers?|solicitors?|attorneys?|as closed|"
    r"at an end|as (?:a no\b(?!-)|cancelled|terminated|withdrawn|void|final)|as we see fit|further "
    r"(?:action|steps)|escalat\w*|report\w* (?:this|it|you|the matter)|back of the queue|"
    r"no longer (?:be )?(?:able|in a position|available|valid|use|supply|deal|continue|work with)|"
    r"(?:will|'ll|shall|have to|need to|be forced to) (?:\w+ )?review (?:the|our|your) (?:account|"
    r"contract|relationship|arrangement|position|terms)|reconsider\w*|rethink\w*|don't bother|do not bother|no (?:other )?(?:choice|option|"
    r"alternative)|forced to|out of (?:my|our) hands|(?:our|the) (?:relationship|partnership|"
    r"contract|agreement) (?:\w+ ){0,3}?(?:over|finished|ended|at risk)|(?:assume|take it|treat "
    r"(?:it|this) as|conclude) (?:that )?(?:you|your \w+)(?:'re| are)? (?:accept|agree|happy with us|"
    r"comfortable with us|not|no longer|don't|do not|have no)|(?:invoice|bill|act|proceed) "
    r"accordingly|pass\w* (?:on )?to (?:our|a|the) (?:\w+ )?(?:collections?|debt|recovery|legal|"
    r"lawyers?|solicitors?|agency)|(?:release|give|hand|reallocate|reassign|allocate|offer|move|"
    r"switch|take|put|send|place) (?:[\w'-]+ ){0,5}?(?:to|with|elsewhere|out to) (?:another|other|"
    r"an alternative|alternative|a different|three other|two other|someone|pitch|tender)|(?:get|"
    r"bring|bringing|getting|use|using|appoint|appointing|hire|hiring|find|finding|engage|"
    r"engaging|look for|looking for|talk\w* to|speak\w* to) (?:in )?(?:another|other|an "
    r"alternative|a different|a new) (?!(?:time|date|day|slot|week|way|copy|one for you)\b)"
    r"[\w'-]+|(?:other|alternative) (?:suppliers?|providers?|clients|customers|vendors|agencies|"
    r"firms|partners|labs|carriers|forwarders|contractors|printers|options|arrangements)"
    r"(?! (?:together|jointly|with you))|make other "
    r"(?:plans|arrangements)|short-?pay\w*|recharg\w*|send (?:the goods|it|them|everything|the \w+) back|charg\w* you\b|pull\w* (?:your|the|our) (?:\w+ ){0,2}?(?:slot|"
    r"account|order|business|vacancies|booking|work|contract)|bill\w* you|charg\w* (?:[\w'-]+ )"
    r"{0,6}?(?:back to you|to you|to your)|(?:back|on) to you|(?:into|in) (?:a |an )?(?:holding|"
    r"escrow|suspense) account|comes? off (?:site|the job)|off (?:site|the job) (?:\w+ )?(?:until|"
    r"till)|off your (?:\w+ )?(?:invoice|bill|payment|fee|account|retention)|(?:continue|keep) "
    r"(?:supplying|using|working with|buying from) you|whether (?:we|to) (?:continue|keep|renew)|"
    r"(?:no|any) further (?:discussion|orders|deliveries|work|payments|business)|(?:plac|award|"
    r"giv)\w* (?:the |our |this )?(?:\w+ )?(?:contract|order|work|business|account|tender) "
    r"(?:with|to) (?:whichever|another|one of them|them|someone)|(?:mov|giv|pass|hand|transfer|"
    r"switch)\w* (?:the|this|our) (?:role|job|work|contract|account|business|order|project|tender|"
    r"vacanc\w+) to (?!you\b|your\b)|(?:won't|will not|not) (?:be )?pay\w*|(?:not|n't) (?:be )?"
    r"(?:renew\w*|extend\w*|continu\w*)|non-renewal|(?:the job|the work|the contract|the order|"
    r"the account|our business|the tender|the project|it) (?:moves|goes|will go|will move|gets "
    r"moved|passes|is going) to (?!you\b|your\b)|appl\w* (?:the )?(?:full )?(?:sla |service )?"
    r"(?:credits?|penalt\w+|liquidated damages)|rais\w* (?:it|this|the matter) (?:at|with|to) "
    r"(?:the|our|your)|on your (?:account|dime|tab|head)|whoever (?:[\w'-]+ ){0,6}?(?:by then|"
    r"first|in time)|(?:cannot|can't|"
    r"won't|will not|are not prepared to|aren't prepared to|not prepared to|unable to|refuse to) "
    r"(?:\w+ )?(?:discuss|talk about|consider|look at|release|process|issue|approve|sign|deliver|"
    r"ship|continue|proceed|renew|agree|accept|pay\w*))\b"
)
_NONE_OF_YOURS = _Lazy(
    r"\b(?:none|not one|not a single one|not a single \w+) of (?:the |our |my )?(?:[\w'-]+ ){0,2}?"
    r"(?:you|your)\b"
)
_EVER_RIGHT = _Lazy(
    r"\b(?:ever|right|correct|on time|complete|matched|accurate|worked|answered|replied|"
    r"acknowledged|returned|fixed|first time|on schedule|on the agreed)\b"
)
_ASKED_ABOUT = _Lazy(
    r"\b(?:what|whatever|how|whether|where|when|which|if|account of|find out|understand|know)\b"
)
_APOLOGY = _Lazy(
    r"\b(?:sorry|apolog\w*|our (?:own )?(?:fault|mistake|error)|my (?:fault|mistake|error))\b"
)
_EITHER_OF_US = _Lazy(
    r"\b(?:or you|nor you|either of us|neither of us|anyone|storm|weather|customs|strike|courier|"
    r"carrier|holiday)\b"
)
_LEGAL_STEP = re.compile(
    r"\b(?:legal|court|proceedings|claim|recover\w*|lawyers?|solicitors?|attorneys?|collections?|"
    r"debt|recovery)\b"
)
_DATE_NEAR = _Lazy(
    r"\b(?:by|before|no later than|until|till|within|latest|from|after|on) (?:\w+ ){0,2}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds|tomorrow|tonight|noon|"
    r"midday|midnight|eod|cob|close of business|this week|next week|the end of (?:the |this |next )"
    r"?(?:day|week|month)|end of (?:the |this |next )?(?:day|week|month)|\d{1,2}(?:st|nd|rd|th)?|"
    r"the \d{1,2}(?:st|nd|rd|th)?|\d+ (?:working |business )?(?:days|hours)|(?:seven|five|ten|"
    r"fourteen|two|three) (?:working |business )?(?:days|hours))\b|\b(?:date|deadline) of \w+|"
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\b(?:jan|feb|"
    r"mar|apr|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2}\b|\b(?:\d+|one|two|three|"
    r"seven|fourteen) (?:working |business )?(?:days|hours)\b|\bdeadline\b"
)
# the step is someone else's, outside both sides, on its own clock: "if we don't have it by then,
# the factory will release the slot"; or the reader is told we will plan around either answer
_THEIR_OWN_CLOCK = _Lazy(
    r"\bthe (?:[\w-]+ ){0,2}?(?:factory|mill|plant|carrier|airline|shipping line|port|venue|hotel|"
    r"printer|manufacturer|maker|courier|bank|council|landlord|lab|laboratory|forwarder|broker|"
    r"insurer|registry|authority) (?:will|would|'ll|is going to|has to|must|may|might) (?!be\b)|"
    r"\b(?:either way|whatever you decide|plan around|work around (?:whatever|your))\b"
)
# a recommendation given gladly: "we have happily put your name forward again"
_GLADLY = _Lazy(
    r"\b(?:happily|gladly|(?:happy|glad|pleased|proud) to (?:recommend|put|give|pass))\b"
)
_HARMLESS_STEP = _Lazy(
    r"\b(?:(?:call|ring|phone|chase|remind|email|text) you|let you know|keep your place|help "
    r"(?:you|with)|as planned|as usual|go ahead|no charge|free of charge|at (?:our|no) (?:cost|"
    r"expense)|close the (?:ticket|case|file|matter)|(?:another|a new|a different) (?:time|date|"
    r"slot|day)|ticket|(?:no|not any) further (?:action|steps))\b|"
    # the step itself disavowed: "I'm not doing this to escalate", "this is not a threat"
    r"\b(?:not|n't|never) (?:(?:doing|saying|raising|asking|sending|writing) (?:this|it|so|to you) |"
    r"meant |intended |trying |looking |here )?(?:to|as) (?:an? )?(?:escalat\w*|threat\w*|"
    r"pressure)|\b(?:is|was|'s) (?:not|n't) (?:meant as |intended as )?(?:an? )?(?:escalation|"
    r"threat)\b|"
    # the condition is a time that may not suit them: rearranging it is a courtesy ("if this
    # day is not possible, please tell me and we find another one")
    r"\b(?:if|should) (?:this|that|the|these|those|either|any of (?:the|these|those)|our) "
    r"(?:proposed |suggested |new |planned )?(?:days?|dates?|times?|slots?|weeks?|visits?|"
    r"appointments?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|"
    r"afternoon) (?:is|are|does|do|doesn't|don't|isn't|aren't|will|won't|would|wouldn't)(?: not)?"
    r"(?: be)? (?:possible|convenient|suit|suitable|work|good|ok|okay)\b"
)
# a term that binds both sides alike, or lifts a penalty: "if the pilot misses its targets by
# March, either side may end it without penalty"
_MUTUAL_TERM = _Lazy(
    r"\b(?:either|each|both) (?:side|sides|party|parties|of us)(?: [\w']+)? (?:may|can|could|is free|"
    r"are free|will be free|has the right|have the right|is entitled|are entitled)\b|"
    r"\bwithout (?:any )?(?:penalty|penalties|charge|cost|notice period)\b"
)
# our own past move told as the mistake it was: "I am sorry that we threatened to stop
# deliveries, which we should never have done"
_OUR_MOVE_REGRETTED = _Lazy(
    r"\b(?:we|i)(?: had| then| also| even)? (?:threatened|said we(?:'d| would)|told you we(?:'d| would))\b"
    r".*\b(?:sorry|apologi\w*|regret\w*|should(?:n't| not| never) have|wrong of (?:me|us)|was wrong)\b|"
    r"\b(?:sorry|apologi\w*|regret)\b(?: [\w']+){0,4}? (?:we|i)(?: had| then| also| even)? "
    r"(?:threatened|said we(?:'d| would)|told you we(?:'d| would))\b"
)

# our side accepting a loss: "the fall was entirely our fault", "we accept liability"
_WE_ACCEPT_LIABILITY = _Lazy(
    r"\b(?:we|i)(?: \w+){0,2}? (?:accept|admit|acknowledge|concede|recogni[sz]e|confirm|own up "
    r"to|agree) (?:[\w'-]+ ){0,8}?(?:liab\w*|responsib\w*(?! for (?:fixing|sorting|putting|"
    r"getting|making|following|coordinating|organising|organizing|the fix|the repair plan))|fault|"
    r"blame|negligen\w*|breach\w*|(?:we|i) caused|to blame|at fault|(?:our|my) (?:mistake|error|"
    r"doing)|(?:is|was) (?:ours|mine)|(?:from|on) our side)\b"
)
_OURS_WHOLLY = _Lazy(
    r"\b(?:(?:totally|entirely|completely|all|100%|squarely|fully|wholly) on us|on us,? 100%|"
    r"(?:is|was|are|were|it's|that's|this is|this was|one's) (?:[\w'-]+ ){0,2}?(?:all |entirely |"
    r"completely |totally |wholly |100% |fully |squarely |solely |purely )?(?:our (?:own )?(?:doing|"
    r"responsibility|liability|negligence)|(?:on|with|down to) us|(?:ours|mine) to (?:pay|cover|bear|"
    r"meet|fix))|(?:we|i)(?:'re| are| were| was|'m| am) (?:entirely |fully |wholly |completely |"
    r"legally )?(?:liable|to blame|negligent|careless|at fault|in breach|responsible for (?:the|all|"
    r"any|your|every))|(?:negligence|carelessness) on (?:our|my) part|(?:our|my) (?:\w+'s )?"
    r"(?:negligence|carelessness)|(?:we|i|our \w+) (?:[\w'-]+ ){0,2}?"
    r"(?:breached|violated) (?:the|our|clause|its|their|your)|(?:are|is) ours to (?:pay|cover|bear|"
    r"meet))\b"
)
_WHOLE_OR_HARM = _Lazy(
    r"\b(?:all|entirely|completely|totally|wholly|100%|fully|squarely|solely|full stop|no question|"
    r"without question|no excuse|start to finish|everything|whole|any|every|whatever|damage\w*|"
    r"loss\w*|los[te]|flood\w*|fall|fell|injur\w*|fire|leak\w*|breach\w*|contaminat\w*|outage|"
    r"accident|recall|collision|costs?|pay|cover|compensat\w*|reimburs\w*|refund\w*|liable|ill|"
    r"illness|sick|poison\w*|hurt|harm\w*|"
    r"liability|negligen\w*)\b"
)
# a part owned, not the whole: "some of what went wrong is down to us", "part of this is on us"
_PART_OURS = _Lazy(
    r"\b(?:some|part|parts|a (?:part|share|little)|bits|a few) of (?:what|this|that|it|the \w+)\b"
    r"(?: [\w']+){0,3}? (?:is|was|are|were) (?:down to|on|with) (?:us|me)\b"
)
# whatever it comes to, we pay: "whatever the recall ends up costing you, we'll cover it"
_WHATEVER_IT_COSTS = _Lazy(
    r"\b(?:whatever (?:[\w'-]+ ){0,8}?(?:costs?|costing|come to|comes to|end up|ends up|amounts? to|"
    r"spen[dt]|lose|lost|paid|"
    r"adds? up to|bills?|figures?|total|being|comes? back with|asks? for|claims?)|out of pocket|(?:anything|everything) (?:else )?(?:[\w'-]+ ){0,5}?(?:that )?"
    r"(?:got |was |were |is )?(?:damaged|broken|ruined|lost|affected|spoiled)|however much|no matter (?:the|what|how)|(?:any|every|"
    r"all)(?: the| of the)? (?:[\w'-]+ ){0,3}?(?:you|your customers|you've|you'd) (?:had to|have "
    r"had|lost|lose|incur\w*|miss\w*|paid|spent)|(?:anything|everything) (?:else )?(?:that )?"
    r"(?:follow\w*|flows?|arising|results?|spoiled)|(?:anything|everything|whatever) (?:else )?"
    r"(?:that )?(?:it|this) (?:has )?costs?|(?:every|each) (?:cost|penny|cent|order|"
    r"appointment|booking) (?:that )?(?:flows?|you)|not a penny out of pocket|the whole (?:\w+ )?"
    r"(?:batch|wedding|event|order|package|amount|cost|bill|lot)|(?:send|forward) (?:\w+ ){0,3}?"
    r"(?:bills?|invoices|receipts|costs) (?:our way|to (?:me|us)|over|as they come))\b"
)
_WE_PAY_FOR_IT = _Lazy(
    r"\b(?:we|i|we'll|i'll|our insurers?)(?:'ll| will| shall| would| can| personally)?(?: \w+ly)? "
    r"(?:pay|cover|reimburse|refund|compensate|make good|settle|put (?:it|this|that|everything|"
    r"things) right|owe you|take care of|make sure|foot|pick up|sort)\b|\band (?:pay|cover|"
    r"reimburse|refund|compensate|pick up|foot|settle|make good)\b"
)
# our fault, where it did harm: "it was our courier's fault that the chilled boxes sat ..."
_OUR_FAULT = _Lazy(
    r"\b(?:our|my) (?:[\w'-]+'s )?(?:fault|error|mistake)\b|\b(?:because of|due to|down to) "
    r"(?:us|me)\b|\b(?:fines?|costs?|bills?|losses|damages|penalt\w+|claims?|charges?) (?:\w+ ){0,3}?"
    r"(?:are|is|will be) (?:all )?(?:ours|on us|for us to pay)\b"
)
_HARM = _Lazy(
    r"\b(?:damage\w*|loss(?:es)?|lost (?:sales|trade|trading|business|bookings|revenue|stock)|"
    r"flood\w*|injur\w*|fire|leak\w*|breach\w*|contaminat\w*|outage|accident|recall|collision|"
    r"spoil\w*|ruin\w*|destroy\w*|fines?|penalt\w+)\b"
)
_HARM_OR_PAY = _Lazy(
    rf"{_HARM.pattern}|\b(?:we'll|we will|i'll|i will) (?:pay|cover|reimburse|refund|compensate|"
    r"make good)\b"
)
# the whole bill asked for, where we did harm: "send us the full list of damaged stock and we'll pay it"
_SEND_US_THE_FIGURE = _Lazy(
    r"\b(?:send|give|tell|forward|pass) (?:me|us) (?:[\w'-]+ ){0,3}?(?:figures?|total|bills?|list|"
    r"what it (?:cost|comes to|came to)|receipts|invoices|costs?)\b"
)
_HARM_OR_FAULT = _Lazy(
    rf"{_HARM.pattern}|\b(?:our|my) (?:[\w'-]+'s )?(?:fault|error|mistake|doing)\b|\bon us\b"
)
_WE_INDEMNIFY = _Lazy(
    r"\b(?:we|i|our \w+)(?:'ll| will| shall| are going to| agree to)? (?:\w+ )?indemnif\w+\b"
)
_PAY_OPEN = _Lazy(
    r"\b(?:pay|cover|refund|reimburse|compensate|make good|meet|settle|absorb|foot|pick up|sort|"
    r"take care of) (?:[\w'-]+ ){0,3}?(?:all|every|any|whatever|the whole|the full|the entire) "
    r"(?:[\w'-]+ ){0,4}?(?:costs?|loss(?:es)?|damages?|bills?|expenses?|fees?|claims?|penalt\w*|"
    r"fines?|sales|earnings|revenue|income|package|amount|consequen\w*|fallout|receipts|charges?|"
    r"penny|cent)\b|\b(?:pay|refund|reimburse|compensate|make good|cover|settle|meet|put) (?:you |"
    r"it |them |the \w+ |your \w+ )?(?:in full|everything|every penny|every cent|the lot|whatever|"
    r"anything else|all of it|right every|no questions asked|without (?:question|argument|quibble))\b"
)
_WE_WILL = _Lazy(
    r"\b(?:we|i|we'll|i'll|our insurers?)(?: will| shall| would| are going to| can| personally)? "
)
_ONLY_A_REMEDY = _Lazy(
    r"\b(?:the (?:\w+ )?(?:delivery|bank|late-payment|postage|call-out|courier) (?:charge|fee)|"
    r"free of charge|at no (?:charge|cost)|service credit|in your contract|as (?:the )?contract "
    r"(?:says|provides)|replacement|reprint|(?:refund|credit) (?:you )?(?:the )?(?:full )?(?:amount|"
    r"price|cost) of (?:the|your|this)|(?:of|for) the (?:cancelled|returned|damaged|faulty|missing|"
    r"wrong) (?:\w+ )?(?:order|item|goods|parcel|booking|delivery|ticket))\b"
)

# a legal actor or step as our next move
_OUR_MOVE = (
    r"(?:we|i|our (?:company|firm|business|client|clients|board|directors?))(?:'ll|'re|'ve|'m|'d)?"
    r"(?: (?:will|shall|are|am|have|has|may|might|would|must|intend to|plan to|expect to|"
    r"reserve the right to|won't hesitate to|will not hesitate to|need to|have to|had to|be|now|"
    r"already|also|then|going to|be forced to|no choice but to|have no choice but to|left with no "
    r"choice but to|entitled to|within our rights to|seriously|actively|currently|formally))*"
)
_LEGAL_MOVE = _Lazy(
    rf"\b{_OUR_MOVE} (?:[\w'-]+ ){{0,8}}?(?:legal (?:action|options?|route|steps|proceedings|"
    r"remedies|avenues|recourse|means|position)|(?:through|in|to|before) (?:the )?(?:courts?|"
    r"tribunal|a judge|arbitration)|court action|proceedings|litigation|lawsuit|sue\b|suing|"
    r"small claims|(?<!your )(?<!their )(?:a |the |our )?(?:formal )?claim (?:against|for|through|"
    r"with the court)|"
    r"letter (?:before action|of claim|of demand)|formal demand|statutory demand|winding[- ]up|"
    r"bailiffs?|enforcement (?:officers?|agents?|action)|debt (?:recovery|collect\w*)|"
    r"collections? (?:agency|agent)|(?:who|that) (?:handles?|does|specialises in|"
    r"specializes in|deals with) (?:\w+ )?(?:disputes|litigation|claims|debt recovery)|recovery (?:agency|agent|proceedings|action)|(?:instruct\w*|"
    r"engag\w*|retain\w*|involv\w*|consult\w*|speak\w* to|talk\w* to|meet\w*|meeting with|"
    r"pass\w* (?:\w+ ){0,3}?to|forward\w* (?:\w+ ){0,3}?to|refer\w* (?:\w+ ){0,3}?to|hand\w* "
    r"(?:\w+ ){0,3}?(?:over )?to|copy\w* (?:in )?) (?:our |my |a |the |outside |external )?"
    r"(?:\w+ )?(?:lawyers?|solicitors?|attorneys?|counsel|barristers?|legal (?:team|department|"
    r"advisers?|advisors?|counsel)|advocates?))"
)
_LEGAL_ACTOR_ACTS = _Lazy(
    r"\b(?:our|my) (?:\w+ )?(?:lawyers?|solicitors?|attorneys?|counsel|barristers?|legal (?:team|"
    r"department|advisers?|advisors?|counsel|people)|advocates?|debt (?:collectors?|recovery "
    r"\w+)|collections? (?:agency|team))(?:,? [\w' ]{0,30}?,)? (?:[\w'-]+ ){0,3}?(?:will|'ll|shall|"
    r"is|are|has|have|had)? ?(?:be |been |now |already |then |shortly )*(?:in touch|contact\w*|"
    r"writ\w* to you|reach\w* out|hear\w*|pursu\w*|recover\w*|tak\w* (?:it|this|the matter|over)|"
    r"handl\w* (?:this|it|the matter)|deal\w* with (?:this|it|the matter|you)|look\w* (?:at|into) "
    r"(?:your|this|the matter)|advis\w* (?:us |me )?(?:on|that|of) (?:our|the) (?:options|rights|"
    r"position|remedies|next steps|claim)|advised (?:us|me) (?:that|we)|prepar\w* (?:a|the) "
    r"(?:claim|letter|notice|case)|prepared the notice|issu\w*|serv\w* (?:you|notice)|send\w* you "
    r"(?:a|the) (?:letter|notice|demand|claim)|start\w* looking|(?:\w+ ){0,8}?(?:which|what) (?:legal )?(?:actions?|"
    r"options|steps|remedies) (?:we|are|is)|(?:\w+ ){0,8}?(?:where we stand|our (?:rights|options|remedies|"
    r"position))|begun|be calling|call\w* you)\b"
)
# someone who handles disputes, brought in by us: "a colleague of his who handles commercial disputes"
_DISPUTE_PERSON = _Lazy(
    r"\b(?:who|that) (?:handles?|does|specialises in|specializes in|deals with|works on) (?:\w+ )?"
    r"(?:disputes|litigation|claims|debt recovery)\b"
)
_WE_BROUGHT_IN = _Lazy(
    r"\b(?:i've|we've|i have|we have|i|we) (?:asked|spoken|talked|consulted|instructed|briefed|"
    r"passed|sent|shown|forwarded|been (?:speaking|talking))\b"
)
_INTRODUCTION = _Lazy(r"\b(?:recommend\w*|introduc\w*|your (?:own )?(?:case|dispute|claim))\b")
_OUR_REMEDIES = _Lazy(
    r"\b(?:(?:options|remedies|rights|recourse|steps) (?:\w+ ){0,2}?(?:available|open) to us|our "
    r"(?:contractual |legal )?(?:rights|remedies|options|recourse) under (?:the|our) (?:contract|"
    r"agreement|terms)|what (?:our|the) (?:contract|agreement) (?:allows|entitles|gives) us)\b"
)
_REMEDY_FOR_BOTH = _Lazy(
    r"\b(?:extend\w*|extension|help|support|with you|both|mutual|your rights)\b"
)
_LEGAL_ON_THE_TABLE = _Lazy(
    r"\b(?:legal (?:action|route|steps|proceedings|options?|remedies)|court|proceedings|litigation|"
    r"a claim|lawyers|solicitors) (?:is|are|remains?|stays?) (?:very much |firmly |still |now )?"
    r"(?:on the table|an option|open to us|available to us|not ruled out|the next step|our next "
    r"step|next)\b"
)
_PAPERWORK_ONLY = _Lazy(
    r"\b(?:draft\w*|amendment|lease|nda|template|wording|deed|licence transfer|for your "
    r"(?:signature|comments|review)|review(?:ed|ing)? the (?:draft|contract|agreement|template)|"
    r"(?:reviewed|received|assessed|considered|looked at|processed|examined) (?:the|your) claim|"
    r"happy with|both|together|avoid|keep (?:\w+ ){0,3}?out|mediat\w*|insur\w*|your own|on leave|"
    r"probate|your landlord|your case|your hearing|conveyanc\w*|the sale|the purchase|joint|as agreed|as discussed|"
    r"as requested|protocol|the "
    r"transfer|the indemnity|before we sign)\b"
)
# someone with power over them who could hear of it: "I'm sure the council's food safety people
# would find your van interesting", "other venue managers have been asking who does our AV"
_AUDIENCE = _Lazy(
    r"\b(?:regulators?|authorit(?:y|ies)|inspector\w*|inspectorate|ombudsman|council|trading "
    r"standards|environmental health|health and safety|food (?:safety|standards)|fire (?:brigade|"
    r"service|officers?)|building control|licensing|the police|hmrc|irs|tax office|fda|hse|epa|"
    r"osha|accc|worksafe|fair work|cqc|ofsted|ofgem|ofwat|ofcom|fca|cma|asa|bbb|better business "
    r"bureau|tga|mhra|ftc|ico|data protection|press|media|journalists?|reporters?|newspapers?|the "
    r"paper|columns?|columnist|editor|newsletter|magazine|trade (?:press|paper|magazine|journal)|"
    r"blogs?|podcast|radio|social media|online|google|reviews?|tripadvisor|trustpilot|yelp|"
    r"facebook|linkedin|twitter|instagram|forums?|whatsapp|group chat|(?:other|fellow) (?:\w+ )?"
    r"(?:clients|customers|members|distributors|suppliers|operators|builders|trades|tradies|subbies|"
    r"franchisees|venues|clinics|practices|growers|retailers|partners|businesses|managers|owners|"
    r"landlords|tenants|schools|hotels|restaurants|brands|buyers|contractors|agencies|firms|"
    r"companies)|our members|association|federation|chamber|our network|the industry|your (?:\w+'s )?"
    r"(?:board|boss|md|ceo|coo|cfo|directors?|owners?|head office|manager|chairman|chair|regional "
    r"\w+|operations director|managing director|president|vp|parent company|franchisor|biggest "
    r"clients?|chief \w+ officer)|people upstairs|auditors?|assessors?|committee|panel|scorecard|"
    r"radio|tv|television|the news|parents|(?:friend|mate|cousin|brother|sister|wife|husband|"
    r"partner|uncle|aunt|neighbou?r)(?:-in-law)? (?:who|that) (?:does|practises|practices|is|was|"
    r"works in|handles) (?:an? )?(?:\w+ ){0,2}?(?:law|litigation|lawyer|solicitor|barrister|attorney|"
    r"journalist|reporter|inspector)|(?:people|others|everyone) (?:have|has|had|keep|are) "
    r"(?:started|been|begun)|head office|(?:our|the) (?:franchisor|network|owners))\b"
)
_WOULD_HEAR_OF_IT = _Lazy(
    r"\b(?:(?:would|might|may|could|'d)(?! (?:we|i|you)\b)(?: \w+){0,4}? (?:find|take (?:a|an)|"
    r"have (?:a|an|some)|be "
    r"(?:interested|keen|curious|glad|happy)|hear|read|learn|like to (?:know|hear|read|see)|love "
    r"to|want to (?:know|hear|see)|view|see it|look (?:at|into)|write|publish|raise)|(?:hear|read|"
    r"learn|find out|know) (?:about|how|what|that|of) (?:this|it|you|your|the way)|(?:keep|kept|"
    r"(?:have|has|'ve) been|are|were|always) (?:\w+ )?(?:asking|ask) (?:me|us) (?:\w+ )?(?:how|what|"
    r"who|why|whether|about|for references)|(?:haven't|have "
    r"not|not) (?:yet )?(?:said|told|mentioned|posted|shared|given|passed|reported|published|sent|"
    r"named)(?: [\w'-]+){0,5}? (?:yet|so far)|(?:i'd|i would|we'd|we would) (?:really |honestly )?"
    r"hate (?:for|to)|would be a (?:shame|pity)|(?:end|ends|ended) up (?:with|on|in front of)|word "
    r"(?:travels|gets around|spreads)|half[- ]written|(?:give|tell) (?:them|her|him) (?:the full "
    r"story|everything|the truth)|(?:i'm|i am) sure you'd (?:rather|prefer)|sorted quietly|"
    r"(?:take|taking) a (?:keen )?interest|if it (?:came|comes) to (?:that|it)|(?:comes?|came) up "
    r"at|something (?:good|positive|nice) to (?:tell|say|report)|(?:would|'d) (?:rather|prefer|like"
    r"|love) (?:to )?(?:be able to )?(?:tell|say to|report to|give|answer) (?:them|her|him)|tend to "
    r"ask|(?:started|keep|kept|been|are|were|begun|starting) (?:asking|to ask) "
    r"(?:me |us )?(?:\w+ )?(?:how|what|who|why|whether|if|about)|(?:for now|so far|until now),? (?:i've|i have|we've|we have|i|we) (?:just |"
    r"only )?(?:said|told|kept|held)|(?:haven't|have not|not yet) "
    r"(?:involved|contacted|informed|notified|called in|brought in|reported|told)|keep it that way|"
    r"surprised (?:that )?(?:we|i) (?:haven't|have not|hadn't|didn't)|(?:had|took|has had) a (?:quick "
    r"|good |close )?(?:read|look) (?:at|of|over|through) (?:the|our) (?:lease|contract|terms|"
    r"agreement|paperwork))\b"
)
_PLAIN_DUTY_TO_TELL = _Lazy(
    r"\b(?:required to|obliged to|have to (?:notify|report|inform)|must (?:notify|report|inform)|"
    r"duty to|by law|as standard|standard procedure|not a claim|routine|mandatory|statutory)\b"
)
_ORDINARY_AUDIENCE = _Lazy(
    r"\b(?:recommend\w*|great|well|happy with|thank\w*|pleased|impressed|proud|with you|"
    r"(?<!putting )(?<!put )together|"
    r"both|joint\w*|your proposal|the proposal|the agenda|your own|invite\w*|welcome|award|"
    r"nominat\w*|sponsor\w*|talk|presentation|passed on your details|gave (?:her|him|them) your "
    r"number|glowing|lovely|feature|showcase|spotlight|case study|profile|useful|helpful|"
    r"worthwhile|valuable|join\w*|invitation|link|wonderful|excellent|if (?:that|it) (?:helps|"
    r"would help))\b"
)
_YET_BUT = _Lazy(r"\b(?:but|however|if|unless|until|should|otherwise|before)\b")

# going over their head: raising it with their boss, gated on what they do
_OVER_THEIR_HEAD = _Lazy(
    r"\b(?:rais\w*|tak\w* (?:it|this|the matter|things) up|mention\w*|bring\w* (?:it|this) up|"
    r"report\w*|escalat\w*|complain\w*|speak\w*|talk\w*|writ\w*|(?:have|having) a (?:quiet )?"
    r"word|go\w* (?:straight )?to|flag\w*) (?:[\w'-]+ ){0,4}?(?:with|to) your (?:managing "
    r"director|md|ceo|boss|manager|director|head office|owner|owners|board|chairman|chair|"
    r"superiors?|line manager|regional (?:\w+ )?(?:manager|director)|head of \w+|senior "
    r"(?:management|team)|leadership|president|vp|parent company|franchisor|headquarters|hq|"
    r"chief \w+)\b"
)
_GATED = _Lazy(
    r"\b(?:unless|if|until|before then|before that|should|otherwise|next time|by (?:then|"
    r"monday|tuesday|wednesday|thursday|friday|tomorrow))\b"
)

# praise around a delay or a failure: "thanks for finally ...", "a whole fortnight", "truly efficient"
_MOCK_PRAISE = _Lazy(
    r"\b(?:(?:great|good|excellent|brilliant|fantastic|superb|amazing|wonderful|lovely|nice|"
    r"terrific|outstanding|stellar|top) (?:job|work|effort|stuff|going|show)|well done|bravo|"
    r"congrat\w*|kudos|hats off|hand it to|deserves? (?:a|an) (?:medal|prize|award|trophy|raise|"
    r"promotion|gold star)|(?:so|really|very|truly|most|such a) (?:glad|pleased|delighted|thrilled|"
    r"reassur\w*|impressive|impressed|efficient|helpful|refreshing)|how (?:reassuring|kind|"
    r"generous|thoughtful|nice|lovely|helpful|efficient|considerate|refreshing|exciting)|(?:i'm|i am"
    r"|we're|we are) (?:so |truly |deeply )?honou?red|(?:i|we) (?:do |just |really )?love (?:a|it "
    r"when|how|that)|what a (?:treat|surprise|pleasure|relief)|wow|impressive|real dedication|"
    r"truly (?:efficient|impressive|remarkable|outstanding)|(?:nice|good|kind|generous|sweet) of "
    r"(?:you|your \w+)|thanks? (?:you )?(?:so much |ever so |very much )?for (?:finally|eventually|"
    r"at last)|must be nice|(?:glad|nice|good|great|lovely) to see (?:someone|somebody|you|your|"
    r"that (?:you|your|someone))|(?:so )?(?:glad|pleased) (?:you|your \w+|someone) (?:could|"
    r"finally|at last|eventually|managed)|personal best|new record|quite (?:an|the) "
    r"(?:achievement|feat|accomplishment)|a real (?:achievement|feat)|i have to (?:say|admit)|"
    r"(?:i'm|i am) sure it's (?:very |so |really |terribly )?(?:hard|difficult|tough)|(?:good|great|"
    r"nice|lovely|wonderful) to (?:see|hear|know|learn|find)|really appreciate (?:you|your)|many "
    r"thanks for|thank you so much for|thanks ever so|big congratulations|congratulations are in "
    r"order|(?:pass on|send) my (?:compliments|congratulations)|what a (?:marvell?ous|masterclass|"
    r"great|fantastic|wonderful|brilliant)|masterpiece|masterclass|riveting|dazzl\w*|admire the|"
    r"takes (?:real|a (?:very )?special kind of) \w+|special kind of|setting the pace|swimmingly|"
    r"top marks|baby steps|colou?r me|who knew|what a (?:surprise|shock)|oh great|ah grand|always "
    r"(?:lovely|nice|great) to|were (?:thrilled|delighted)|so impressed|at least (?:you're|you "
    r"are|they're|it's)|one can only|gold star|hats off|full marks|(?:impeccable|perfect|flawless|"
    r"immaculate|superb|excellent|spot-on|great) (?:timing|planning|work|service|organi[sz]ation|"
    r"attention to detail|communication)|(?:genuinely |really |very )?(?:enjoyable|entertaining) "
    r"read|a (?:good|fun|great) read|gracing|grace us|(?:with (?:your|their|his|her)) presence|"
    r"deign\w*|kind enough to (?:join|turn up|show|reply|come)|(?:clearly|truly|real|true|an "
    r"absolute) genius|a sort of success|(?:i|we) suppose (?:that's|it's|this is|is) (?:a|an) "
    r"(?:\w+ )?(?:success|win|achievement|improvement)|admir\w*|(?:really |truly )?(?:is|was) "
    r"quite something|reassuring to (?:know|see|hear|learn)|remarkable|thank(?:s| you) for your patience|must have been (?:very |so |terribly |really )?"
    r"(?:trying|exhausting|tiring|taxing|demanding) for you|loved (?:getting|receiving|finding|seeing)|really "
    r"helped (?:us|the \w+|me) (?:relax|sleep|plan|unwind)|a (?:real |true )?show of "
    r"(?:commitment|dedication|efficiency))\b"
)
_LATE_OR_WRONG = _Lazy(
    r"\b(?:late|lateness|delay\w*|a whole (?:day|week|fortnight|month|year|\d+ \w+)|a mere|only "
    r"(?:\w+ ){0,2}?(?:days?|weeks?|hours?|months?) (?:late|after|overdue)|(?:\w+|\d+) (?:days?|"
    r"weeks?|months?) (?:late|after|to (?:answer|reply|respond|get))|within the (?:month|year|"
    r"week)|wrong|error|mistake|"
    + _RECOVERED
    + r"again|twice|in a row|same (?:error|mistake|problem)|lost|lose|"
    r"broken|missing|actually|this time|for once|finally|at last|eventually|rather than from you|"
    r"from (?:your|the) website|from our (?:own )?customers|more important|other priorities|"
    r"pick(?:ing)? up (?:a|the) phone|deadlines|a suggestion|speed of|colder|worse|still "
    r"(?:waiting|no|not|a mystery)|mystery|after (?:the|our) (?:\w+ )?(?:show|event|"
    r"launch|deadline|fair|wedding)|squeeze us in|found (?:the )?time|managed to|the calendar|"
    r"the day after|bang on time|\d+ (?:reminders|emails|calls)|lost count|favourite|after only|"
    r"after a (?:week|month|fortnight)|right after|remember we exist|on the first (?:try|go|"
    r"attempt)|half the|last year's|forg[eo]t\w*|it took|broke|missed|fourth|third|week running|"
    r"exact message|on (?:its|their) way|mislabell?ed|never turned up|late again|once again|"
    r"already been applied|took effect|weren't paying|three weeks|six weeks|\w+ days after|just in "
    r"time (?:for us )?to (?:recycle|bin|throw|scrap)|(?:finished|ended|was over|closed) (?:yesterday|"
    r"last week)|too late|after the (?:fair|show|event|launch|deadline)|no relation|bears? no "
    r"resemblance|nothing to do with (?:reality|the facts|our actual|the real)|made up|fiction|"
    r"(?:minutes|hours|days) after (?:it|the meeting|we) (?:started|began)|saga|(?:into|in) a \w+[- ]"
    r"(?:month|week|year) (?:saga|epic|odyssey|project)|paper bags|\w+ of (?:twenty|\d+) arrived "
    r"(?:intact|whole|complete)|and counting|(?:while|as) we waited|waiting for your|the night before|"
    r"at \d{1,2} ?(?:pm|am)|last[- ]minute)\b"
)
# talking down: explaining slowly, 'as I told you', 'not complicated'
_TALKING_DOWN = _Lazy(
    r"\b(?:(?:let me|i'll|i will|to|i'll try to|let me try to) (?:explain|put|set|spell|say) (?:\w+ )"
    r"{0,3}?(?:more simply|more slowly|slowly|"
    r"in (?:plain|simple) (?:english|terms|words) for you|once more|one more time|for you)|(?:clear "
    r"enough (?:this time|for you|now)|make (?:it|this|that) any clearer|(?:really |honestly )?not "
    r"(?:that |really |very |at all )?complicated|now understood|(?:hope|trust) (?:that|this)(?:'s|"
    r" is| makes it)? (?:clear|understood)(?: enough)?(?: this time| now)|as (?:i|we) (?:have )?(?:told|"
    r"explained|said|pointed out|mentioned|stated|set out) (?:to )?(?:you )?(?:before|previously|"
    r"already|several times|\w+ times|in my last|on several|more than once)|as i'm sure you're aware|"
    r"with (?:all )?due respect|(?:go through|explain|take you through) (?:it|this|"
    r"that) (?:one step at a time|step by step|slowly)|so (?:it's|it is) easy to follow|which (?:step|part|bit) "
    r"(?:is|was) (?:causing|giving|confusing|unclear)|in a way (?:that's|that is) (?:easy|simple) to (?:follow|understand)|"
    r"(?:if|in case) (?:that's|that is|this is|it's) still too (?:much|complicated|hard|difficult)|recap (?:the|some) basics|back to basics(?! (?:on|with|in|for) our)|the basics,? (?:since|as|"
    r"because)|in case the (?:first|last|previous|other) (?:\w+ )?(?:copies|copy|emails?|times?) "
    r"(?:didn't|did not|never)))\b"
)
# a question that answers itself: "is anyone at your end actually reading my emails?"
_ANYONE_ACTUALLY = _Lazy(
    r"\b(?:is|are|does|did|do|has|have|was|were|can) (?:there )?(?:anyone|anybody|someone|somebody|"
    r"one person|nobody)(?: [\w'-]+){0,5}? (?:actually|even|ever|bother\w*|at all)\b"
)
_TRULY_MEANT = _Lazy(
    r"\b(?:but|however|although|though|unfortunately|except|despite|even though|sadly|sorry|"
    r"apolog\w*|thank you for (?:letting|telling|flagging|warning|your patience|bearing)|because "
    r"of (?:the|a) (?:storm|weather|strike|courier|traffic|flood\w*|closure)|(?:the|a) courier's|"
    r"to finally meet|finally meet|on (?:the )?(?:new )?(?:contract|award|launch|promotion|"
    r"appointment|retirement|baby|wedding|anniversary|opening)|record (?:quarter|year|month|sales|"
    r"for us)|for us:|(?:to|for) (?:spot\w*|catch\w*|flag\w*|point\w* (?:it |this |that )?out|"
    r"notic\w*|find\w*|rais\w*|let\w* us know))\b"
)
_PROMISED = (
    r"(?:final|urgent|quick|priority|express|next-day|fixed|complete|finished|done|on time|revised|"
    r"updated|corrected)(?: [\w ]{0,20})?"
)
# in double quotes, or in single ones ("the 'urgent' repair is now in its third week")
# (a name in quotes, "the 'Express' range", is a name: a product, a plan, a tier)
_SCARE_QUOTES = _Lazy(
    rf"(?:another|the|your|an?) (?:\"{_PROMISED}\"|'{_PROMISED}')(?! (?:range|line|model|brand|"
    r"service|package|plan|tier|option|product|edition|collection|label|rate|tariff|menu)s?\b)"
)
_ON_TOUR = _Lazy(
    r"\b(?:(?:its|their) (?:tour|travels|holiday|road trip|world tour|sightseeing|grand tour|"
    r"adventure)|seen more of the (?:country|world) than|(?:scenic|long) route)\b"
)
_FEIGNED_SYMPATHY = _Lazy(
    r"\b(?:(?:far|much|so much|clearly|obviously) more important (?:clients?|customers?|jobs?|"
    r"projects?|priorities|things)|all (?:those|your|the) other (?:priorities|clients|customers|"
    r"jobs)|(?:hard|difficult|tough) to (?:pick up|reply|answer|call|find|send|open|check)|"
    # "that is hard to read" is how their words landed with us, not a jibe about their inbox
    r"(?<!that is )(?<!this is )(?<!that's )(?<!it is )(?<!it's )(?<!that was )(?<!this was )"
    r"(?<!it was )(?:hard|difficult|tough) to read)\b"
)

_TURN = re.compile(r"\b(?:but|however|although|though|yet)\b")
_WAITING_OR_MORE = _Lazy(f"{_WAITING.pattern}|{_THEIR_INDIFFERENCE.pattern}")


# -- the structures, as data ---------------------------------------------------------------------


class _Part(NamedTuple):
    """A class of words a structure needs (or that cancels it), and where to look for it
    around the anchor's hit (see :func:`_region`). ``reach`` is how many sentences either
    side for ``near``, or how far from the hit (in characters) a part ``after`` may start or a
    part ``before`` may lie.
    A part with ``cue`` false is needed but not shown in the finding."""

    words: _Lazy
    where: str = "sentence"
    reach: int = 0
    cue: bool = True


class _Structure(NamedTuple):
    """A kind of wording found by its parts: a hit of one of ``anchors`` is reported as
    ``name`` when every part in ``needs`` is found around it and none in ``unless``."""

    name: str
    anchors: tuple[_Lazy, ...]
    needs: tuple[_Part, ...] = ()
    unless: tuple[_Part, ...] = ()


def _region(where: _Where, hit: Span, part: _Part) -> Span:
    """Where ``part`` is looked for around ``hit``:

    ``sentence`` its sentence; ``near`` that and ``reach`` sentences either side, in the
    paragraph; ``after`` and ``before`` the rest of the sentence after or before the hit;
    ``rest`` the sentence from the hit on; ``clause`` the part of the sentence between
    semicolons; ``around`` 60 characters before the hit to 40 after, in the sentence;
    ``main`` the sentence after the first comma that follows the hit (the main clause after
    "whenever ..."); ``back`` the sentence before (in the paragraph) and this one; ``back-any`` the same
    across a paragraph break; ``turn`` the sentence from its last "but" or "however" before
    the hit; ``paragraph``; ``text`` and ``elsewhere`` the whole text."""
    start, end = hit
    number, lo, hi = where.sentence(start)
    kind = part.where
    if kind == "sentence":
        return lo, hi
    if kind == "near":
        return where.near(start, part.reach)
    if kind == "after":
        return end, hi
    if kind == "before":  # within ``reach`` characters of the hit, when given
        return max(lo, start - part.reach) if part.reach else lo, start
    if kind == "rest":
        return start, hi
    if kind == "clause":
        low = where.low
        cut = low.find(";", end, hi)
        return max(lo, low.rfind(";", lo, start) + 1), hi if cut == -1 else cut
    if kind == "around":
        return max(lo, start - 60), min(hi, end + 40)
    if kind == "back":
        return where.near(start, 1)[0], hi
    if kind == "back-any":
        return where.starts[max(0, number - 1)], hi
    if kind == "main":  # after the first comma that follows the hit (a clause led by "whenever")
        comma = where.low.find(",", end, hi)
        return (comma, hi) if comma != -1 else (hi, hi)
    if kind == "turn":  # the sentence from its last "but" or "however" before the hit
        turns = [t.end() for t in _TURN.finditer(where.low, lo, start)]
        return turns[-1] if turns else lo, hi
    if kind == "paragraph":
        return where.paragraph(start)
    return 0, len(where.low)  # text, elsewhere


def _part(where: _Where, hit: Span, part: _Part) -> re.Match[str] | None:
    lo, hi = _region(where, hit, part)
    if part.where == "elsewhere":  # anywhere but the hit itself
        return next((m for m in part.words.finditer(where.low) if m.span() != hit), None)
    found = part.words.search(where.low, lo, hi)
    if (
        found is not None
        and part.reach
        and part.where == "after"
        and found.start() - hit[1] > part.reach
    ):
        return None
    return found


@functools.cache
def _pieces() -> dict[str, tuple[str, ...]]:
    """For each anchor's pattern, pieces of text one of which every hit holds (("",) when
    unsure): an anchor none of whose pieces is in a text is not scanned. Working them out
    parses every pattern (about a fifth of a second), so they are kept between runs."""
    patterns = sorted({anchor.pattern for structure in _STRUCTURES for anchor in structure.anchors})
    text = "\0".join(patterns)
    kept = codecache.load("tonepieces", text)
    if isinstance(kept, tuple) and len(kept) == len(patterns):
        return dict(zip(patterns, kept, strict=True))
    found = tuple(_anchors(_Lazy(pattern)) for pattern in patterns)
    codecache.store("tonepieces", text, found)
    return dict(zip(patterns, found, strict=True))


@functools.cache
def _piece_index() -> PieceIndex:
    """Every anchor's pieces, indexed to find at once which a text holds."""
    return PieceIndex(piece for found in _pieces().values() for piece in found)


@functools.cache
def _anchors_by_piece() -> dict[str, tuple[tuple[int, int], ...]]:
    """For each piece, the anchors (structure number, anchor number) it lets through: a
    text's pieces then name the few anchors worth scanning, instead of every structure
    testing each of its anchors against them (about a fifth of the check's time)."""
    pieces = _pieces()
    by_piece: dict[str, list[tuple[int, int]]] = {}
    for number, structure in enumerate(_STRUCTURES):
        for at, anchor in enumerate(structure.anchors):
            for piece in pieces[anchor.pattern]:
                by_piece.setdefault(piece, []).append((number, at))
    return {piece: tuple(found) for piece, found in by_piece.items()}


def _structure(where: _Where, structure: _Structure, live: Iterable[int]) -> list[Reading]:
    """The readings of ``structure`` in the text, scanning only the anchors numbered
    ``live`` (those one of whose pieces the text holds)."""
    found = []
    for at in live:
        anchor = structure.anchors[at]
        for match in anchor.finditer(where.low):
            hit = match.span()
            if any(_part(where, hit, part) for part in structure.unless):
                continue
            spans = [hit]
            for part in structure.needs:
                need = _part(where, hit, part)
                if need is None:
                    break
                if part.cue:
                    spans.append(need.span())
            else:
                name = structure.name
                if name == "ultimatum":  # a threat when the step is legal and no date is near
                    date = _part(where, hit, _P(_DATE_NEAR, "back"))
                    legal = _LEGAL_STEP.search(where.low, *spans[-1])
                    name = "consequence" if legal and not date else "deadline"
                    spans += [date.span()] if date else []
                found.append(_found(name, spans))
    return found


def _S(
    name: str, *anchors: _Lazy, needs: tuple[_Part, ...] = (), unless: tuple[_Part, ...] = ()
) -> _Structure:
    return _Structure(name, anchors, needs, unless)


_P = _Part
# lawyers left out, so the two sides can talk: a step down, not a threat
_LAWYERS_LEFT_OUT = _Lazy(
    r"\b(?:without (?:our|the|any|your|either side's|both sides') (?:\w+ )?(?:lawyers|solicitors|"
    r"attorneys|counsel|legal teams?)|(?:keep|leave|keeping|leaving) (?:the |our |both )?"
    r"(?:lawyers|solicitors|attorneys|legal teams?) out)\b"
)
# a rule for every customer, or a system's own check (as the readings of clauses read it)
_FOR_EVERYONE = _Lazy(_EVERYONE_IN_CLAUSES.pattern)
_STRUCTURES: tuple[_Structure, ...] = (
    # a hint of a third party: someone with power over them, tied to us, held back so far
    _S(
        "consequence",
        _POWER,
        needs=(_P(_TIED_TO_US, "around"), _P(_HELD_SO_FAR, "near", 1)),
        unless=(_P(_PLAIN_DUTY, "paragraph"), _P(_PAPERWORK_ONLY), _P(_LAWYERS_LEFT_OUT)),
    ),
    # our side deciding the next step
    _S(
        "consequence",
        _OUR_DECIDERS,
        needs=(_P(_NEXT_STEP, "after", 60),),
        unless=(_P(_SHARED_PLAN),),
    ),
    # "I'd rather not have to raise it with ..."
    _S(
        "consequence",
        _RELUCTANT,
        needs=(_P(_ESCALATE, "after", 60),),
        unless=(_P(_OUR_OWN_TROUBLE),),
    ),
    # others asking us about them, and what we will tell them
    _S(
        "consequence",
        _ASKING_ABOUT_YOU,
        needs=(_P(_VERDICT, "near", 1),),
        unless=(_P(_GLADLY),),
    ),
    # a demand with no way out
    _S(
        "deadline",
        _DEMAND,
        needs=(_P(_DATED), _P(_SHUT)),
        unless=(_P(_REASON),),
    ),
    # a step of ours when they do not act: either/or, if-not-by, after-that
    _S("deadline", _EITHER_OR),
    _S(
        "deadline",
        _IF_NOT_BY,
        needs=(_P(_DATED, "back"), _P(_OUR_NEXT_MOVE, "after")),
        unless=(_P(_BENIGN_NEXT, "rest"),),
    ),
    _S(
        "deadline",
        _AFTER_THAT_WE,
        needs=(_P(_DATED, "back-any"),),
        unless=(_P(_BENIGN_NEXT, "rest"),),
    ),
    # a failure placed on their people
    _S(
        "blame",
        _PASSIVE_FAILURE,
        _CAUSE_FROM_THEM,
        unless=(_P(_CLEARED), _P(_KIND), _P(_OURS_NOT)),
    ),
    _S(
        "blame",
        _HABIT,
        _THEY_NEVER_BOTHER,
        _THEIR_PERSON,
        _HAD_THEY,
        _ON_THEM,
        unless=(_P(_CLEARED), _P(_KIND)),
    ),
    _S("blame", _WITH_THEM_NOT_US, unless=(_P(_KIND), _P(_CLEARED))),
    # every one of theirs wrong, or not one ever right
    _S(
        "always",
        _EVERY_ONE,
        needs=(_P(_WENT_WRONG, "after"), _P(_ABOUT_THEM, cue=False)),
        unless=(_P(_GOOD_NEWS), _P(_OURS_NOT)),
    ),
    _S(
        "always",
        _NOT_ONE,
        needs=(_P(_EVER_DONE, "after"), _P(_ABOUT_THEM, cue=False)),
        unless=(_P(_GOOD_NEWS), _P(_OURS_NOT), _P(_NOT_ONCE_OURS), _P(_NOT_ONCE_FAILED)),
    ),
    _S("always", _NONE_OF_THEIRS, unless=(_P(_GOOD_NEWS), _P(_OURS_NOT))),
    # a promise to pay without a limit
    _S("cover", _WE_WILL_PAY, needs=(_P(_NO_LIMIT, "clause"),)),
    # courtesy beside an indefinite wait they are blamed for
    _S(
        "mock",
        _THEIR_INDIFFERENCE,
        needs=(_P(_COURTESY), _P(_WAITING_OR_MORE, "elsewhere", cue=False)),
    ),
    # talk about their competence
    _S(
        "mock",
        _ABOUT_COMPETENCE,
        needs=(_P(_DOWN_TALK, "near", 1),),
        unless=(_P(_WELCOME, "near", 1),),
    ),
    # praise too warm for the failure beside it; mock denial; talking down
    _S(
        "mock",
        _HYPERBOLE,
        needs=(_P(_FAILURE, "near", 1),),
        unless=(_P(_SINCERE, "near", 1),),
    ),
    _S("mock", _NOT_LIKE, _TALKED_DOWN, unless=(_P(_MY_FAULT, "near", 1),)),
    # -- roles --
    # the reader as the subject of a failing act; a cause pinned on them
    _S(
        "blame",
        _YOU_FAILED,
        _YOU_DID_IT_WRONG,
        unless=(_P(_SUPPOSING, "before"), _P(_ASKING, "rest"), _P(_NOT_A_CULPRIT)),
    ),
    _S(
        "blame",
        _CAUSE_LINK,
        needs=(_P(_WENT_BADLY, cue=False),),
        unless=(_P(_PRAISED), _P(_NOT_A_CULPRIT), _P(_ASKING, "rest")),
    ),
    _S("blame", _FAULT_OF_THEIRS, _NOT_US, unless=(_P(_SORRY), _P(_ASKING, "rest"))),
    _S(
        "blame",
        _YOU_WHO_FAILED,
        _YOU_ARE_BAD,
        _HAPPENED_THERE,
        unless=(
            _P(_SUPPOSING, "before"),
            _P(_ASKING, "rest"),
            _P(_NOT_A_CULPRIT),
            _P(_ASKED_ABOUT, "before", 30),
        ),
    ),
    _S(
        "blame",
        _SAT_WITH_THEM,
        needs=(_P(_FOR_SO_LONG),),
        unless=(_P(_NOT_A_CULPRIT), _P(_ASKING, "rest")),
    ),
    _S(
        "blame",
        _HAD_YOU,
        needs=(_P(_WOULD_NOT_HAVE, "after"),),
        unless=(_P(_NOT_A_CULPRIT), _P(_ASKING, "rest")),
    ),
    _S(
        "blame",
        _YOURS_IS_THE_CAUSE,
        needs=(_P(_WENT_BADLY, cue=False),),
        unless=(_P(_PRAISED), _P(_NOT_A_CULPRIT)),
    ),
    _S("blame", _NOT_OUR_PROBLEM, unless=(_P(_ASKING, "rest"), _P(_EITHER_OF_US))),
    _S(
        "blame",
        _BECAUSE_YOURS,
        needs=(_P(_LATE_AFTER, "after", 60),),
        unless=(_P(_PRAISED), _P(_NOT_A_CULPRIT), _P(_ASKING, "rest")),
    ),
    _S("blame", _NOBODY_THERE, _SOMEONE_HAS_TO, unless=(_P(_ASKING, "rest"), _P(_NOT_A_CULPRIT))),
    # totals and habits of the reader
    _S(
        "always",
        _YOU_NEVER,
        unless=(
            _P(_THANKS_AFTER_ALL, "turn"),
            _P(_ASKING, "rest"),
            _P(_SUPPOSING, "before"),
            _P(_SO_THAT, "before", 20),
        ),
    ),
    _S(
        "always",
        _YOU_ALWAYS,
        needs=(_P(_BAD_HABIT, "after", 25),),
        unless=(_P(_WELL_DONE), _P(_ASKING, "rest")),
    ),
    _S("always", _NONE_OF_YOU, _SAME_EVERY_TIME, unless=(_P(_WELL_DONE), _P(_OURS_NOT))),
    _S(
        "always",
        _EVERY_ONE_OF_YOURS,
        needs=(_P(_WENT_WRONG_WIDE, "after", 80), _P(_ABOUT_YOU, cue=False)),
        unless=(_P(_GOOD_NEWS), _P(_OURS_NOT), _P(_ASKING, "rest"), _P(_WE_WILL_DO)),
    ),
    _S(
        "always",
        _EVERY_ONE_OF_YOURS,
        needs=(_P(_WENT_WRONG_WIDE, "before", 40), _P(_ABOUT_YOU, cue=False)),
        unless=(_P(_GOOD_NEWS), _P(_OURS_NOT), _P(_ASKING, "rest"), _P(_WE_WILL_DO)),
    ),
    _S(
        "always",
        _AS_EVER,
        needs=(_P(_ABOUT_YOU, "near", 1, cue=False), _P(_WENT_WRONG_ANY, cue=False)),
        unless=(
            _P(_AS_USUAL_TO_COME),
            _P(_NOT_ONCE_OURS),
            _P(_NOT_ONCE_FAILED),
            _P(_THANKS_AFTER_ALL, "turn"),
            _P(_OURS_NOT),
            _P(_APOLOGY),
            _P(_ASKING, "rest"),
            _P(_WE_WILL_DO),
        ),
    ),
    _S(
        "always",
        _NOT_ONCE,
        needs=(_P(_ABOUT_YOU, "near", 1, cue=False),),
        unless=(
            _P(_THANKS_AFTER_ALL, "turn"),
            _P(_OURS_NOT),
            _P(_APOLOGY),
            _P(_ASKING, "rest"),
            _P(_NEGATIVE_BETWEEN, "rest"),
        ),
    ),
    _S(
        "always",
        _WHENEVER_WE,
        needs=(_P(_ABOUT_YOU, "main", cue=False), _P(_WENT_WRONG_ANY, "main", cue=False)),
        unless=(_P(_THANKS_AFTER_ALL, "turn"), _P(_APOLOGY), _P(_ASKING, "rest")),
    ),
    _S(
        "always",
        _NOTHING_EVER,
        unless=(
            _P(_THANKS_AFTER_ALL),
            _P(_OURS_NOT),
            _P(_ASKING, "rest"),
            _P(_SUPPOSING, "before"),
        ),
    ),
    _S(
        "always",
        _NONE_OF_YOURS,
        needs=(_P(_EVER_RIGHT, "after"),),
        unless=(_P(_THANKS_AFTER_ALL), _P(_OURS_NOT), _P(_ASKING, "rest")),
    ),
    # a condition on the reader with a step of ours; a last chance with one
    _S(
        "ultimatum",
        _UNLESS_THEY,
        _BY_THEN_OR,
        needs=(_P(_OURS_TO_IMPOSE),),
        unless=(
            _P(_HARMLESS_STEP),
            _P(_THEIR_OWN_CLOCK, "near", 1),
            _P(_OUR_MOVE_REGRETTED),
            _P(_MUTUAL_TERM),
            _P(_FOR_EVERYONE, "near", 1),  # a rule for every customer, or a system's check
        ),
    ),
    _S(
        "ultimatum",
        _CLOSING,
        needs=(_P(_OURS_TO_IMPOSE, "near", 1),),
        unless=(_P(_HARMLESS_STEP), _P(_FOR_EVERYONE, "near", 1)),
    ),
    # a legal actor or step as our next move, or going over their head
    _S(
        "consequence",
        _LEGAL_MOVE,
        _LEGAL_ACTOR_ACTS,
        _LEGAL_ON_THE_TABLE,
        unless=(_P(_PAPERWORK_ONLY),),
    ),
    _S(
        "consequence",
        _DISPUTE_PERSON,
        needs=(_P(_WE_BROUGHT_IN, "before"),),
        unless=(_P(_INTRODUCTION), _P(_ASKING, "rest")),
    ),
    _S("consequence", _OUR_REMEDIES, unless=(_P(_REMEDY_FOR_BOTH), _P(_ASKING, "rest"))),
    _S("consequence", _OVER_THEIR_HEAD, needs=(_P(_GATED, "near", 1),), unless=(_P(_WELL_DONE),)),
    _S(
        "consequence",
        _AUDIENCE,
        needs=(_P(_WOULD_HEAR_OF_IT, "near", 1),),
        unless=(
            _P(_PLAIN_DUTY_TO_TELL, "paragraph"),
            _P(_ORDINARY_AUDIENCE, "near", 1),
            _P(_ASKING, "rest"),
        ),
    ),
    # our side accepting a loss
    _S("cover", _WE_ACCEPT_LIABILITY, _WE_INDEMNIFY),
    _S(
        "cover",
        _OUR_FAULT,
        needs=(_P(_HARM_OR_PAY, "near", 1, cue=False),),
        unless=(_P(_ONLY_A_REMEDY), _P(_PART_OURS, "around")),
    ),
    _S("cover", _WHATEVER_IT_COSTS, needs=(_P(_WE_PAY_FOR_IT),), unless=(_P(_ONLY_A_REMEDY),)),
    _S(
        "cover",
        _SEND_US_THE_FIGURE,
        needs=(_P(_WE_PAY_FOR_IT), _P(_HARM_OR_FAULT, "near", 1, cue=False)),
        unless=(_P(_ONLY_A_REMEDY),),
    ),
    _S(
        "cover",
        _OURS_WHOLLY,
        needs=(_P(_WHOLE_OR_HARM, cue=False),),
        unless=(_P(_PART_OURS, "around"),),
    ),
    _S("cover", _PAY_OPEN, needs=(_P(_WE_WILL, "before"),), unless=(_P(_ONLY_A_REMEDY, "clause"),)),
    # praise around a delay or a failure
    _S(
        "mock",
        _MOCK_PRAISE,
        needs=(_P(_LATE_OR_WRONG, "near", 1),),
        unless=(_P(_TRULY_MEANT),),
    ),
    _S("mock", _SCARE_QUOTES, _FEIGNED_SYMPATHY, _ON_TOUR),
    _S("mock", _TALKING_DOWN, unless=(_P(_MY_FAULT, "near", 1),)),
    _S("mock", _ANYONE_ACTUALLY, needs=(_P(_ASKING, "rest"),)),
)


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every structural reading in ``wanted`` found in ``low`` (ASCII letters lowered)."""
    where = _Where(low, starts, breaks)
    by_piece = _anchors_by_piece()
    live: dict[int, set[int]] = {}
    for piece in _piece_index().held(low):
        for number, at in by_piece.get(piece, ()):
            live.setdefault(number, set()).add(at)
    found: list[Reading] = []
    for number in sorted(live):
        structure = _STRUCTURES[number]
        if structure.name in wanted or (structure.name == "ultimatum" and "deadline" in wanted):
            found += _structure(where, structure, sorted(live[number]))
    return found
