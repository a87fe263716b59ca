"""The tone check's second layer: who does what to whom, sentence by sentence.

The phrase rules in ``tone-rules.toml`` find wording by its words. People who mean a
threat or a blame often write it indirectly ("the next payment stays with us until the
list is closed"), so this layer reads each sentence for its parts instead:

- the **act**: a consequence for the reader (hold back a payment, rethink the account,
  draw conclusions, take it to a regulator, a board, the press or reviews), a failure
  (ignored, left it on the dock, were not supervising), an open promise to pay
  (whatever it cost, send the claims to us), or a marker of mock praise;
- the **actor**: our side (we, I, our board), the reader (you, your team) or neither;
- the **gate**: what ties a consequence to the reader's next move (if, unless, until,
  otherwise, should ... not, after that, a date), in its sentence or the one before.

A consequence aimed at the reader and gated on what they do is a threat (an ultimatum
when the gate is a date), even without a legal word; the same act aimed at ourselves
("we will review our own setup"), done with the reader ("review the account together")
or for them ("hold the slot for you") is not. Each reading is pure Python over the text
the phrase rules already read (curly quotes straightened, ASCII letters lowered).

:func:`read` returns :class:`Reading` tuples; :mod:`triage.engine.tone` turns them into
warnings with the wording of the rule (``reading = "..."``) that asked for them.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from triage.engine.formats.tone import READINGS

__all__ = ["READINGS", "Reading", "read"]


Span = tuple[int, int]
_WORD_END = re.compile(r"\w")


class Reading(NamedTuple):
    """One finding of a reading: its name, the span it covers, and its cues' spans."""

    name: str
    start: int
    end: int
    cues: tuple[tuple[int, int], ...]


def _words(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


class _Lazy:
    """A pattern compiled the first time a text may hold it: most of the readings' 342
    patterns never meet a text with their first word, and compiling them all when the
    module loads cost about 45 ms of every run. The tests of a sentence (a gate, praise, a
    cause outside anyone's control) are compiled when a sentence first needs one, so a
    draft with no act in it pays for none of them."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            from triage.engine import codecache  # compiled programs kept between runs

            self._compiled = codecache.regex(self.pattern)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)


def _each(*patterns: str) -> tuple[_Lazy, ...]:
    """Patterns of whole words, each compiled on its own: most start with a literal word,
    which makes a scan fast, where one alternation of them all would try every place. (The
    word boundary at the start is checked after a hit, see :func:`_hits`: written into the
    pattern, it would slow the scan down a hundredfold.)"""
    compiled = []
    for pattern in patterns:
        for split in _by_first_word(pattern):
            regex = _Lazy(rf"(?:{split})(?!\w)")
            lead = _LEAD.match(split)
            if lead is not None:
                _LEADS[regex] = lead.group(1)
            compiled.append(regex)
    return tuple(compiled)


_LEAD = re.compile(r"([a-z']+) ")  # a pattern's first word, when it is plain letters
_LEADS: dict[_Lazy, str] = {}


_FIRST_GROUP = re.compile(r"\(\?:([^()]*)\)(.*)", re.DOTALL)


def _by_first_word(pattern: str) -> list[str]:
    """``(?:cancel|end) the ...`` as ``cancel the ...`` and ``end the ...``: a pattern that
    starts with a literal word is scanned for it at C speed; one that starts with a choice
    tries every place in the text."""
    first = _FIRST_GROUP.fullmatch(pattern)
    if first is None or first.group(2)[:1] in ("?", "*", "+", "{"):  # a choice that may repeat
        return [pattern]
    return [choice + first.group(2) for choice in first.group(1).split("|")]


_DAY = _words(
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "tomorrow", "tonight", "noon", "midday", "midnight", "eod", "cob",
    r"close of (?:business|play)", r"end of (?:the |this |next )?(?:day|week|month|quarter)",
    r"the end of (?:the |this |next )?(?:day|week|month|quarter)",
    r"\d{1,2}(?:st|nd|rd|th)?(?: \w+)?", r"the \d{1,2}(?:st|nd|rd|th)?",
    r"\d{1,2}(?::\d\d)? ?[ap]\.?m\.?", r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "tmrw",
)  # fmt: skip
_DATE = (
    rf"\b(?:by|before|no later than|until) (?:\w+ )?{_DAY}\b|\bdeadline\b|\bafter that\b|"
    r"\b(?:that|this|the) date\b|\bif (?:it|this|that|the \w+) (?:is|are) missed\b|"
    r"\bwithin (?:\w+ )?(?:\d+|two|three|five|seven|ten|fourteen|thirty) (?:working |business )?"
    r"(?:days|hours|weeks)\b|\bby return\b|\bthe latest\b|\b(?:one|two|three|\d+) more "
    r"(?:days?|weeks?)\b|\bonce (?:that|this|the) (?:\w+ ){0,2}?(?:is|are) (?:up|over|past)\b|"
    rf"\b(?:from|post|after) (?:that date|{_DAY})\b"
)
_GATE = _Lazy(
    r"\b(?:if|unless|until|otherwise|or else|failing (?:which|that|this)|after that|"
    r"should (?:\w+ ){1,6}?not|should (?:\w+ ){1,6}?(?:fail|miss)|in the absence of|"
    r"beyond that|past that|from then on|once again|another one|any more|anymore|"
    r"as (?:things|it) stands?|so (?:i'd|i would|we'd|we would|i|we) (?:like|need|expect|want)|"
    r"failing (?:that|this|which|payment|receipt|a \w+)|absent|in default|without (?:a |an |"
    r"the |your |full |prompt |immediate )?(?:\w+ )?(?:reply|response|answer|payment|fix|"
    r"confirmation|settlement|resolution|agreement|improvement|action)|no later than|"
    rf"right now|for now|(?:any )?longer|soon|sorted)\b|{_DATE}"
)
_DATE_RE = _Lazy(_DATE)
_RELUCTANT = _Lazy(
    r"\b(?:would (?:genuinely |really )?(?:not|n't) (?:like|want)|wouldn't (?:like|want)|"
    r"(?:i'd|we'd|i would|we would) (?:hate|rather not|much rather|rather)|"
    r"(?:don't|do not) want to (?:have to)?|i'll be straight|to be straight|"
    r"(?:can't|cannot) hold (?:that|this|them)|have to be clear|i have to be clear|"
    r"just (?:so you know|saying)|i only mention|you don't want|not saying|happen to know|"
    r"not while|as long as|so long as|(?:i'd|i would|we'd|we would) like to be able to|"
    r"i(?:'d| would) (?:honestly |really )?hate|last chance|your call|up to you|"
    r"not (?:up for|open (?:to|for)) discussion|not asking again|simple as that)\b"
)

# -- a consequence for the reader -------------------------------------------------------
_OUTSIDE = _words(
    r"(?:our |my |your |the )?(?:lawyers?|solicitors?|legal (?:team|department|counsel)|counsel)",
    "court", "tribunal", "regulator", "ombudsman", "trading standards",
    r"(?:\w+ )?(?:education |district |local |county )?(?:officer|authority|authorities|council)",
    "press", "media", "journalists?", "reporters?", r"(?:local )?(?:paper|newspaper)",
    "social media", "online", "publicly", r"reviews?", "insurers?",
)  # fmt: skip
_INSIDE = r"(?:our |the |my )?(?:board|committee|panel|leadership|management|directors?|ceo|md|cfo|executives?)"
_AUTHORITY = _words(_OUTSIDE, _INSIDE)
_CONSEQUENCE = _each(
    # the relationship or the account, weighed again
    r"(?:reconsider|rethink|reassess|re-?evaluate|re-?examine|revisit|review|question|"
    r"look (?:again )?at)(?:ing)? (?:\w+ ){0,2}?(?:whole |entire |future )?"
    r"(?:relationship|account|partnership|contract|arrangement|collaboration|position|"
    r"business(?! days?\b| hours?\b| weeks?\b)|renewal|supply|status|future|agreement)",
    r"look(?:ing)? again at whether",
    r"whether (?:renewing|to renew|we renew|to keep|we keep|to continue|we continue|"
    r"your (?:\w+ )?(?:stays?|remains?)|you (?:stay|remain)|we should (?:keep|continue|"
    r"carry on|renew|stay))",
    r"draw (?:our own |the obvious |our )?conclusions?",
    r"act (?:on (?:it|them|that)|accordingly|in consequence)",
    r"(?:will|we'll|shall|i'll) (?:understand|conclude|assume|take it|presume|treat it as) "
    r"(?:that )?(?:you|your \w+|this|the \w+) (?:\w+ ){0,4}?(?:not|no longer|prefer not|"
    r"nothing|no \w+|isn't|aren't)",
    r"proceed (?:on that basis|accordingly|without you|on that footing)",
    r"(?:orders?|payments?|account|work|deliveries|invoices?|bookings?) (?:\w+ ){0,3}?"
    r"(?:will be|are|is|stay|stays|remain|remains|go|goes|will go) (?:on hold|on stop|paused|"
    r"suspended|frozen|withheld)",
    r"(?:make|makes|making) for (?:an? |some )?(?:uncomfortable|difficult|awkward|unhappy|"
    r"grim|painful) (?:read|reading|conversation|discussion|meeting)",
    r"(?:take|taking) (?:this|it|the matter|things|our business) (?:further|elsewhere)",
    r"(?:go|going) (?:with|to) (?:another|the other|a different|an alternative) \w+",
    r"place (?:the|our) order with",
    r"(?:and|then) move on",
    r"find (?:another|a new|an alternative|a different) (?:supplier|partner|vendor|provider)",
    r"(?:cancel|cancelling|terminate|terminating|end|ending) (?:the|our|your|all|any) "
    r"(?:\w+ ){0,2}?(?:contract|relationship|collaboration|partnership|agreement|"
    r"deliveries|orders?|account)",
    r"(?:off|from) (?:our|the) (?:approved|preferred) (?:\w+ )?(?:list|panel)",
    r"(?:stays?|remains?) on (?:our|the) (?:approved|preferred) (?:\w+ )?(?:list|panel)",
    r"(?:withhold|withholding|hold back|holding back|hold(?:ing)? (?:on to |onto )?"
    r"(?:all |any |the )?(?:further )?payments?)",
    r"payments? (?:\w+ ){0,4}?(?:stays?|remains?|will stay|will remain) with us",
    r"(?:have|has) no (?:other )?(?:choice|option|alternative)",
    # an audience or an authority brought in
    rf"(?:take|taking|took) (?:this|it|the matter) (?:up )?(?:with|to) (?:the )?{_OUTSIDE}",
    rf"(?:should|would|could) (?:go|be reported|be referred|be escalated) to (?:the )?{_AUTHORITY}",
    rf"(?:report|refer|escalate) (?:this|it|you|the matter) to (?:the )?{_OUTSIDE}",
    r"(?:guide|point|refer|direct) them (?:to|towards) (?:the |other |further )?"
    r"(?:avenues|options|routes|regulator|ombudsman|authorities)",
    r"keep (?:your|the) (?:\w+'s |\w+ )?name out of",
    r"anything other than the truth",
    r"(?:won't|will not|can't|cannot|couldn't|could not|won't be able to|"
    r"will not be able to|wouldn't be able to) (?:\w+ ){0,2}?(?:recommend|vouch|"
    r"speak up for|put in a good word)",
    r"(?:write|post|talk|say) (?:\w+ ){0,4}?(?:about (?:\w+ ){1,4}?online|online about)",
    r"what the (?:committee|panel|board) remembers",
    # steps against the reader's money, work or account
    r"(?:suspend|suspending|pause|pausing|stop|stopping|halt|freeze|freezing) (?:all |any )?"
    r"(?:the |our |your |further )?(?:work|works|supply|supplies|deliveries|service|"
    r"services|orders|ordering|account|payments?|access)",
    r"(?:charge|charging|invoice|invoicing|bill|billing) (?:you )?(?:for )?(?:the |all |any )?"
    r"(?:interest|late (?:payment )?fees?|costs|the difference|penalt(?:y|ies)|damages)",
    r"pass (?:the|these|those|all|any) (?:\w+ )?costs? (?:on|back)",
    r"(?:seek|seeking|claim|claiming|recover|recovering|pursue|pursuing) (?:full |our |the )?"
    r"(?:damages|compensation|costs|losses|remedies|the (?:full )?(?:sum|amount|balance)|"
    r"this (?:further|formally)|the matter (?:further|formally))",
    r"(?:exercise|enforce|reserve|exercising|enforcing) (?:all )?(?:of )?our (?:full )?"
    r"(?:rights|remedies|options)",
    r"(?:explore|exploring|consider|considering|review|reviewing|weigh|weighing) "
    r"(?:our|other|all|alternative|the other) (?:\w+ )?(?:options|alternatives|remedies|"
    r"suppliers|providers|vendors|partners)",
    r"(?:formal|legal) (?:action|proceedings|steps|complaint|dispute|process|claim)",
    r"(?:instruct|instructing|involve|involving|pass (?:this|it|the matter) to|hand "
    r"(?:this|it|the matter) (?:over )?to|refer (?:this|it|the matter) to) (?:our )?"
    r"(?:lawyers?|solicitors?|legal (?:team|department|advisers?|advisors?|counsel)|"
    r"debt collect\w+|collections? (?:agency|team))",
    r"(?:escalate|escalating|escalated) (?:this|it|the matter|matters|things)"
    r"(?: further| formally| internally)?",
    # the reader's business taken elsewhere, or the cost put on them
    r"(?:move|moving|give|giving|take|taking|send|sending|switch|switching|put|putting|moves|"
    r"goes|go) (?:\w+ ){0,5}?(?:to|with) (?:another|other|a different|an alternative|a new|"
    r"two other|three other|someone else|somebody else)(?: \w+)?",
    r"(?:get|getting|bring|bringing) (?:someone|somebody|another \w+)(?: else)? in",
    r"(?:out|back) to (?:pitch|tender)",
    r"(?:pull|pulling|withdraw|withdrawing) (?:\w+ ){0,4}?(?:from you|our business|the account)",
    r"(?:we|i)(?:'ll| will)? walk (?:away|at renewal|at the renewal)",
    r"(?:we|i)(?:'ll| will)? walk(?=[.,;!])",
    r"make other (?:plans|arrangements)",
    # a consequence left unsaid: "I'll assume you've made your choice and plan accordingly"
    r"(?:plan|plans|planning|arrange|organise|organize) (?:\w+ ){0,2}?accordingly",
    r"(?:assume|conclude|take it|understand) (?:that )?you(?:'ve| have)? (?:made|taken) "
    r"(?:your|a|the) (?:choice|decision)",
    # the matter passed to someone less friendly: "it will leave my hands"
    r"(?:leave|leaves|leaving|left|out of|taken out of|no longer in) (?:my|our) hands",
    r"(?:won't|will not|wouldn't|would not) be the (?:one|person|people) (?:you're|you are|"
    r"you'll be|you will be) (?:dealing|talking|speaking) (?:with|to)",
    r"start (?:talking|speaking) to (?:another|other)",
    r"(?:comes?|taken|deducted|come) (?:straight |directly )?(?:off|from|out of) your "
    r"(?:\w+ )?(?:payment|invoice|retention|fee|account|money)",
    r"(?:invoice|bill|cost)s? (?:will be|is|gets) (?:forwarded|sent|passed) (?:on )?to you",
    r"you'll be (?:getting|paying|footing) (?:their|the) (?:invoice|bill)",
    r"(?:place|put|putting|placing) (?:your|the) account on (?:stop|hold)",
    r"withdraw (?:your|the|our) (?:\w+ )?(?:credit|terms)",
    r"treat (?:\w+ ){1,3}?as (?:at an end|terminated|ended|cancelled|void|withdrawn)",
    r"(?:take|taking) (?:further|other|appropriate|the necessary|the next) (?:steps|action|measures)",
    r"consider(?:ing)? our (?:position|options)",
    r"(?:cancel|cancelling|stop|stopping) (?:the|our|your) (?:\w+ )?(?:subscription|retainer|"
    r"direct debit|booking|bookings|phases|work)",
    r"comes? off (?:site|the job)",
    # an audience that would take an interest
    r"(?:would|will|might) (?:find|take) (?:\w+ ){0,4}?(?:interesting|a keen interest|an interest)",
    r"(?:would|will|might) be (?:keen|interested|glad|curious) to (?:hear|know|learn|read)",
    r"word (?:travels|gets around|spreads)",
    # (asking to hear how it has affected them is listening, not an audience)
    r"(?:hear|find out|know|learn) how (?:this|you|your|the \w+ was)"
    r"(?! (?:has |have |had )?(?:affected|hit|landed|felt|been for) you)(?!r (?:side|team) (?:has|have) been affected)",
    r"(?:public conversation|on linkedin|on social media|go public|goes public)",
    r"(?:posting|post|leave|leaving|write|writing) (?:\w+ ){0,2}?(?:reviews?|anything|a post|"
    r"an article|something) (?:\w+ ){0,3}?(?:about|on|online)",
    r"(?:drag|dragging|bring|bringing) (?:them|him|her) into",
    r"(?:renewal|contract|relationship) (?:gets|becomes|will get) (?:\w+ ){0,3}?harder",
    r"(?:won't|will not|doesn't|does not|wouldn't|would not|can't|cannot|won't do anything to|"
    r"don't think it will|don't think it'll) (?:\w+ )?help your (?:case|chances|position|"
    r"standing|renewal|cause|reputation)",
    r"(?:won't|will not|can't|cannot) (?:be )?(?:sign(?:ing)? off|approv(?:e|ing)|releas(?:e|ing)|"
    r"accept(?:ing)?) (?:the |any |your )?(?:\w+ ){0,2}?(?:completion|payment|invoice|retention|"
    r"sign-off|handover|certificate|claim)",
    r"(?:tap|referrals?|introductions?|recommendations?|work) (?:\w+ ){0,2}?(?:be )?"
    r"(?:turned off|cut off|switched off|dry up|dried up)",
    r"(?:source|buy|order|get|take|place) (?:it|them|this|these|the \w+|our \w+) elsewhere",
    r"(?:orders?|deliveries|bookings?|contract|account|agreement|po|pos) (?:\w+ ){0,2}?"
    r"(?:are|is|will be|get|gets) (?:cancelled|canceled|terminated|withdrawn)",
    r"(?:contract|account|relationship|partnership|agreement|supplier status) (?:goes|will go|"
    r"is going|gets sent|will be sent) to (?:our|the) (?:\w+ )?(?:board|committee|panel)",
)
# These count only just after an authority ("our board will be hearing about it").
_AFTER_AN_AUTHORITY = _each(
    r"(?:will|would|is going to|are going to) (?:be )?"
    r"(?:hear(?:ing)?|find out|be told|want to know|ask(?:ing)? why|calling|call|ringing|ring|"
    r"contacting|contact|speaking to|writing to|in touch with)",
    r"(?:is|are|keeps?|has been|have been) "
    r"(?:already )?(?:asking|wondering|questioning)(?: me)? (?:whether|if|why)",
)
_AUTHORITY_BEFORE = _Lazy(rf"(?<!\w){_AUTHORITY} $")
_ASKED_FOR = _Lazy(  # the act is what the reader asked for, or what both agreed
    r"\b(?:as you (?:asked|requested|suggested)|at your request|as (?:requested|agreed|discussed)|"
    r"as we (?:agreed|discussed)|you asked us to|per your request|"
    # offered for their sake: "we would be glad to write one ourselves, if that helps"
    r"if (?:that|it|this) (?:helps|would help|is useful|would be useful|suits you)|"
    r"if you(?:'d| would) (?:like|find it useful))\b"
)
_SELF_OR_SHARED = _Lazy(
    r"\b(?:our own|for you|together|jointly|both of us|we both|each other|with your help)\b|"
    # options that include them: "considering our options and would like yours to be one"
    r"\b(?:(?:to be|as|be) one of (?:them|those|the \w+)|among them|including you(?:rs)?)\b|"
    r"\b(?:our|my) (?:process|processes|setup|set-up|internal|checklist|approach|side|plan|"
    r"schedule|forecast|figures|budget|records|procedures?)\b|"
    # passed up our own line to someone who can help them ("escalated it to our head of
    # finance, who will call you"): not when the someone is legal or debt recovery
    r"\bto our (?!(?:\w+ ){0,3}(?:legal|lawyers?|solicitors?|counsel|litigation|debt|collections?)\b)"
    r"(?:\w+ )?(?:head|director|manager|team|lead|colleague|ceo|cfo|coo|md)\b"
)
# A change of plan forced by an outside event (a storm, a closed port, a strike) is news,
# not a consequence of what the reader does.
_OUTSIDE_CAUSE = _Lazy(
    r"\b(?:because of|due to|owing to|on account of|after|with) (?:the |a |an |this |that )?"
    r"(?:[\w']+ ){0,2}?(?:storms?|weather|snow|flood\w*|strikes?|industrial action|closure|"
    r"public holiday|bank holiday|power cut|typhoon|hurricane|cyclone|earthquake|wildfires?|"
    r"bushfires?|pandemic)\b|\b(?:port|airport|road|terminal|border|bridge|motorway|highway)"
    r"(?: (?:of|at|in) \w+)? (?:is |was |has been |remains )?(?:closed|shut)\b"
)
# A payment held only for paperwork the reader can send (a PO number, bank details, a
# reissued invoice) is an administrative step with its fix in view, not leverage.
_PAPERWORK = _Lazy(
    r"\b(?:po|p\.o\.|purchase order|order|supplier|vendor|cost centre|cost center|vat|gst|"
    r"abn|tax|company registration|bank|account) (?:numbers?|no|reference|ref|code|details|"
    r"id|form|certificate|receipt)\b|\b(?:remittance|w-?9|w-?8\w*|tax invoice|vat invoice)\b|"
    r"\bsigned (?:delivery notes?|timesheets?|forms?|copy|certificate|contract|purchase order)\b|"
    r"\b(?:reissue|re-issue|resend|re-send|resubmit|re-submit)s? (?:it|the invoice|your invoice)\b"
)
_MONEY_ACT = _Lazy(r"pay|invoice|releas|process|remit|settle")
# A balance settled whichever way it falls ("credit or invoice the difference", "adjust the
# account up or down"): money that may go to them as well as from them is no sanction.
# A rule for everyone, or a system's own check, is no move against this reader: "this applies
# to all our customers", "as our new ERP system will reject them otherwise".
_FOR_EVERYONE = _Lazy(
    r"\b(?:appl(?:y|ies) to (?:all|every|each) (?:of )?(?:our )?(?:customers?|clients?|suppliers?|"
    r"vendors?|partners?|accounts?|members?)|for (?:all|every|each) (?:of )?(?:our )?(?:customers?|"
    r"clients?|suppliers?|vendors?|partners?|accounts?)|as for everyone|same for everyone|"
    r"like all our (?:customers|clients|suppliers))\b|\b(?:our|the) (?:new )?(?:[\w-]+ )?(?:system|"
    r"portal|platform|software|erp|website|checkout|scanner)s? (?:will|would|can't|cannot|won't) "
    r"(?:automatically )?(?:reject|block|refuse|not accept|bounce|hold)\b|"
    # a calendar's constraint told as one: "the earliest the lot can be reviewed is at next
    # month's meeting", "a constraint of the bank's change calendar, not our preference"
    r"\bthe earliest (?:possible |available )?(?:[\w-]+ ){0,3}?(?:can be (?:reviewed|considered|"
    r"released|scheduled|booked|approved|heard)|becomes|would be|moves to|is at (?:the |our )?next)|"
    r"\b(?:not our (?:choice|preference)|a constraint of (?:the|our|their))\b"
)
_EITHER_WAY = _Lazy(
    r"\b(?:credit(?:ed)?|refund(?:ed)?|repa(?:y|id)|pa(?:y|id) back|rebate)\w* (?:or|and/or) "
    r"(?:invoic|charg|bill|recover|collect)\w*|\b(?:invoic|charg|bill|recover)\w* "
    r"(?:or|and/or) (?:credit|refund|repa(?:y|id)|rebate)\w*|\bup or down\b|\beither way\b|"
    r"\bwhichever (?:way|side)\b|\bin (?:either|whichever) direction\b"
)
# Our own past move told as the mistake it was ("I am sorry that we threatened to stop
# deliveries, which we should never have done"): the act is what we regret, not what comes.
_OUR_PAST_MOVE = _Lazy(
    r"\b(?:we|i)(?: (?:had|then|also|even))? (?:threatened|said we(?:'d| would)|told you we(?:'d| would)|"
    r"warned (?:you )?(?:that )?we(?:'d| would)|wrote that we(?:'d| would)|were going to)(?: to)? "
    r"(?:[\w']+ ){0,2}$"
)
_REGRET = _Lazy(
    r"\b(?:sorry|apologi\w*|regret\w*|should(?:n't| not| never) have|wrong of (?:me|us)|"
    r"(?:was|were) (?:a )?(?:wrong|mistake)|our (?:own )?(?:mistake|fault)|that was on us)\b"
)
_AIMED = _Lazy(  # acts that land on the reader even when "you" is not in the sentence
    r"insur|want to know|hear|told|asking|wondering|questioning|elsewhere|tap|referral|"
    r"completion|retention|invoice|certificate|claim|calling|ringing|contact|writing|touch|"
    r"payment|account|order|deliver|contract|partnership|collaboration|list|panel|name|"
    r"recommend|truth|avenues|conclusions|quote|move on|further|choice|online|officer|"
    r"regulator|ombudsman|authorit|council|court|tribunal|lawyer|solicitor|legal|press|paper|"
    r"media|board|committee|leadership|management|review|accordingly|hands|dealing with|"
    r"arrangements"
)
_READER = _Lazy(r"\byou(?:r|rs|rself|'re|'ve|'ll|'d)?\b")
_OURS = _Lazy(r"\b(?:we|i|us|our|ours|my|me|we'll|i'll|we're|i'm|i've|we've|i'd|we'd)\b")

# -- the reader as the one who failed ----------------------------------------------------
_YOUR = r"your (?:\w+ ){0,2}?\w+"
_BLAME = _each(
    rf"(?:is|was|sits?|lies|rests|falls) (?:squarely |entirely |firmly |fully )?"
    rf"(?:on|with) {_YOUR}",
    rf"because {_YOUR} (?:were|was|had|have|did|didn't|did not|never|failed)(?: not| n't)?",
    rf"{_YOUR}, who (?:kept|never|didn't|did not|failed|wouldn't|would not|refused|"
    r"forgot|ignored|changed|moved|sat)",
    rf"if (?:you|{_YOUR}) had(?:n't| not)? \w+",
    rf"{_YOUR} (?:left|dumped) (?:the|our) (?:\w+ ){{0,2}}?(?:outside|out|unattended|on|in)",
    # "from your print room, not from our warehouse": the cause put on them by contrast
    rf"(?:with|from|at|on|in) {_YOUR},? (?:and )?not (?:with |from |at |on |in )?(?:our|us|ours)",
    rf"{_YOUR} (?:\w+ ){{0,3}}?(?:is|was) (?:exactly |precisely )?where (?:\w+ ){{0,3}}?"
    r"(?:went missing|got lost|was lost|went wrong|slipped|fell through)",
    # "traced the outage to a change pushed by your operations team"
    rf"(?:traced|tracked|pinned|narrowed)(?: it| this| that| the \w+)? (?:\w+ ){{0,4}}?"
    rf"(?:back |down )?to (?:\w+ ){{0,6}}?(?:by|from|at|in|of) {_YOUR}",
)
_COUNTERFACTUAL = _Lazy(
    r"\b(?:none of this|this|it|that|the \w+) (?:would|wouldn't|would not|could|"
    r"couldn't|could not)(?: not)? (?:have|be)\b|\bwe (?:would|could) have avoided\b"
)
_PRAISE = _Lazy(
    r"\b(?:thank\w*|grateful|appreciate\w*|credit|great|excellent|brilliant|good|helpful|"
    r"quick|well done|kind|lovely|thanks to|pleased|glad)\b"
)

# -- always and never, about the reader --------------------------------------------------
_ABSOLUTE = _each(
    rf"(?:you|{_YOUR}) (?:\w+ )?(?:forgets?|ignores?|loses?|misses|drops|gets? wrong|"
    r"mixes up|breaks?|ruins?) (?:everything|anything|every \w+|all (?:of )?\w+)",
    r"every (?:\w+ ){0,2}?(?:we|i) (?:make|send|place|raise|log|book) "
    r"(?:goes|disappears|vanishes|ends up|falls|gets lost)",
)

# -- an open promise to pay, or a whole fault owned ---------------------------------------
_OPEN_COST = _each(
    r"whatever (?:\w+ ){0,4}?(?:cost|costs|claims?|lost|loses|spent|it takes)",
    r"(?:any|all|every) (?:of (?:your|the) )?(?:\w+ )?(?:claims?|loss(?:es)?|damages)",
)
_WE_PAY = _Lazy(
    r"\b(?:we|i|we'll|i'll)(?: will| shall)? (?:\w+ )?(?:cover|pay|put (?:it|this|that) right|"
    r"make (?:it )?good|settle|reimburse|refund|compensate|foot|absorb|meet)\b"
)
_OWNED_WHOLE = _each(  # claims sent our way, or the whole fault owned
    r"send (?:them|the claims|any claims|the bills?|it) (?:straight |directly )?"
    r"(?:to us|our way)",
    r"(?:our|my) (?:\w+ )?(?:messed up|botched|screwed up|ruined|wrecked) "
    r"(?:the whole|the entire|everything|all of)",
    r"(?:entirely|completely|wholly|all) (?:down to|on) (?:us|me)",
)

# -- mock praise, mock surprise, talking down ---------------------------------------------
_SARCASM = _each(
    r"(?:fun|great|lovely|wonderful|nice|brilliant) way to (?:start|end|spend)",
    r"(?:learning|hearing|finding out) (?:about )?(?:\w+ ){0,6}?from our own customers",
    r"(?:consignment|shipment|order|parcel|pallets?|cartons?|delivery|goods|stock|invoice|"
    r"ticket|request|part|package) (?:\w+ ){0,6}?(?:has been|have been|is|are|was) "
    r"(?:enjoying|having|on) (?:a |an |its |their )?(?:little |nice |long |extended )?"
    r"(?:holiday|break|vacation|tour|rest|sightseeing)",
    r"at least (?:someone|somebody|one of us) (?:got|had|is getting|enjoyed)",
    r"(?:they|he|she|everyone|the client|the crew) (?:\w+ )?loves? (?:that|it)(?:,| and|\.)",
    r"(?:i'll|we'll) just (?:have|let|keep|tell) (?:\w+ ){0,4}?(?:stand|sit|wait|hang)",
    r"quite a (?:work of (?:imagination|fiction|art)|piece of (?:fiction|work))",
    r"(?:^|\. |\n)(?:very|how|so) (?:creative|original|inventive|imaginative|convenient)[.!]",
    r"in case (?:the |your )?(?:\w+ ){0,3}?(?:didn't|did not|forgot to|hasn't|has not) "
    r"(?:mention|tell|notice|say)",
    r"you'll be (?:shocked|surprised|amazed|stunned|astonished) to (?:hear|learn|know)",
    r"(?:ours|our \w+) (?:was|were) spent \w+ing",
    r"to put (?:this|it) (?:simply|plainly|in simple terms),? (?:since|as|because|for you)",
    r"(?:as|like) (?:i'm sure )?(?:most |any |anyone |everyone )(?:people )?(?:working |"
    r"who works? )?in \w+ (?:would )?(?:already )?knows?",
    r"do take your time",
    r"(?:may|might) be your first",
    r"(?:lovely|nice|great|good|wonderful|a treat) to (?:hear|see|get) (?:\w+ ){0,6}?"
    r"for the first time (?:since|in)",
    r"shame it was only",
    r"(?:thrilled|delighted|overjoyed|excited) to (?:find|discover|see|learn) (?:\w+ ){0,6}?"
    r"(?:twice|again|late|wrong|missing|broken|short|overcharged)",
    r"(?:always |so )?(?:nice|lovely|great|good) to (?:support|fund|subsidise|subsidize|bankroll) "
    r"(?:a |your |our )?(?:\w+ )?(?:partner's|supplier's|vendor's|your)",
    r"(?:wonderful|great|lovely|brilliant|fantastic|perfect) once (?:it|you|they|your \w+) "
    r"(?:has|have|finally) (?:learned|learnt|figured out|worked out|remembered|discovered)",
)


def _sentence_of(starts: list[int], at: int, size: int) -> tuple[int, int, int]:
    number = bisect.bisect_right(starts, at) - 1
    end = starts[number + 1] if number + 1 < len(starts) else size
    return number, starts[number], end


def _previous(starts: list[int], breaks: list[int], number: int) -> tuple[int, int] | None:
    """The sentence before ``number`` within its paragraph, or None."""
    if number == 0 or starts[number] in breaks:
        return None
    return starts[number - 1], starts[number]


def _clause_start(low: str, lo: int, at: int) -> int:
    """Where the clause holding ``at`` begins, within ``low[lo:at]``."""
    cut = lo
    for match in re.finditer(r"[,;:]|\b(?:and|but|so|while|whereas)\b| - ", low[lo:at]):
        cut = lo + match.end()
    return cut


def _actor(low: str, lo: int, at: int) -> str:
    """'ours', 'reader' or '' for the clause words just before ``at``."""
    window = low[_clause_start(low, lo, at) : at]
    last = ""
    for match in re.finditer(r"\b(?:you|your|we|i|our|my|us)\b", window):
        last = "reader" if match.group().startswith("you") else "ours"
    return last


def _acts(low: str) -> list[Span]:
    """Every act of consequence in ``low``, the earliest (then longest) first, none overlapping."""
    heard = []
    for start, end in _hits(_AFTER_AN_AUTHORITY, low):
        authority = _AUTHORITY_BEFORE.search(low, max(0, start - 60), start)
        if authority is not None:
            heard.append((authority.start(), end))
    return _hits(_CONSEQUENCE, low, heard)


def _merged(spans: list[Span]) -> list[Span]:
    """``spans`` in order, those that overlap joined into one."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _consequences(low: str, starts: list[int], breaks: list[int]) -> list[Reading]:
    found = []
    for act in _acts(low):
        number, lo, hi = _sentence_of(starts, act[0], len(low))
        sentence, words = low[lo:hi], low[act[0] : act[1]]
        if _SELF_OR_SHARED.search(low, act[1], hi) and "renew" not in words:
            continue
        if _ASKED_FOR.search(sentence) or _OUTSIDE_CAUSE.search(sentence):
            continue
        if _MONEY_ACT.search(words) and _PAPERWORK.search(sentence):
            continue  # held for paperwork the reader can send
        if _EITHER_WAY.search(low, max(lo, act[0] - 40), min(hi, act[1] + 40)):
            continue  # a balance settled whichever way it falls
        nxt_end = starts[number + 2] if number + 2 < len(starts) else len(low)
        if number + 1 < len(starts) and starts[number + 1] in breaks:
            nxt_end = hi
        if _FOR_EVERYONE.search(low, lo, nxt_end):
            continue  # a rule for everyone, or a system's own check
        if _actor(low, lo, act[0]) == "reader":
            continue  # the reader's own choice ("if you end the contract")
        if _OUR_PAST_MOVE.search(low, _clause_start(low, lo, act[0]), act[0]) and _REGRET.search(
            sentence
        ):
            continue  # our own past move, regretted
        gate = _GATE.search(sentence) or _RELUCTANT.search(sentence)
        gate_at = (lo + gate.start(), lo + gate.end()) if gate else None
        before = _previous(starts, breaks, number)
        if gate is None and before is not None:
            earlier = low[before[0] : before[1]]
            gate = (
                None
                if _ASKED_FOR.search(earlier)
                else _GATE.search(earlier) or _RELUCTANT.search(earlier)
            )
            gate_at = (before[0] + gate.start(), before[0] + gate.end()) if gate else None
        nxt = number + 1
        if gate is None and nxt < len(starts) and starts[nxt] not in breaks:
            after = low[starts[nxt] : starts[nxt + 1] if nxt + 1 < len(starts) else len(low)]
            # an offer for their sake next door ("if that helps") is no gate
            gate = (
                None
                if _ASKED_FOR.search(after)
                else _GATE.search(after) or _RELUCTANT.search(after)
            )
            gate_at = (starts[nxt] + gate.start(), starts[nxt] + gate.end()) if gate else None
        if gate is None or gate_at is None:
            continue
        if not (_READER.search(sentence) or _AIMED.search(words)):
            continue
        date = _DATE_RE.search(sentence)
        date_at = (lo + date.start(), lo + date.end()) if date else None
        if date is None and before is not None:
            date = _DATE_RE.search(low, *before)
            date_at = date.span() if date else None
        spans = _merged([act, gate_at, *([date_at] if date_at else [])])
        dated = date_at is not None
        name = "deadline" if dated else "consequence"
        found.append(Reading(name, spans[0][0], spans[-1][1], tuple(spans)))
    return found


def _blame(low: str, starts: list[int], breaks: list[int]) -> list[Reading]:
    found = []
    for hit in _hits(_BLAME, low):
        _number, lo, hi = _sentence_of(starts, hit[0], len(low))
        sentence = low[lo:hi]
        if _PRAISE.search(sentence):
            continue
        if low.startswith("if", hit[0]) and not _COUNTERFACTUAL.search(sentence):
            continue
        found.append(Reading("blame", *hit, (hit,)))
    return found


_ANCHORS: dict[_Lazy, tuple[str, ...]] = {}
_TOKEN = re.compile(r"[\w']+")


@functools.lru_cache(maxsize=4)
def _tokens(low: str) -> frozenset[str]:
    """The words of ``low``: a pattern that starts with a word not among them cannot match."""
    return frozenset(_TOKEN.findall(low))


def _live(regexes: tuple[_Lazy, ...], low: str) -> list[_Lazy]:
    """Those of ``regexes`` that may match ``low``: the ones whose first word is among its
    words (one set intersection for all of them), and the others that hold one of their
    anchors (a few substring searches each, not a scan)."""
    by_lead, others = _grouped(regexes)
    live = [regex for lead in by_lead.keys() & _tokens(low) for regex in by_lead[lead]]
    live += [regex for regex in others if any(anchor in low for anchor in _anchors(regex))]
    return live


@functools.cache
def _grouped(
    regexes: tuple[_Lazy, ...],
) -> tuple[dict[str, list[_Lazy]], list[_Lazy]]:
    """``regexes`` by their first word, and those with none."""
    by_lead: dict[str, list[_Lazy]] = {}
    others = []
    for regex in regexes:
        lead = _LEADS.get(regex, "")
        if lead:
            by_lead.setdefault(lead, []).append(regex)
        else:
            others.append(regex)
    return by_lead, others


def _anchors(regex: _Lazy) -> tuple[str, ...]:
    """Pieces of text one of which every hit of ``regex`` holds (("",) when unsure): a
    pattern none of whose pieces is in a text is not scanned. Worked out as the phrase
    rules' are (:func:`triage.engine.tone_scan._required`), once per pattern; those of
    the patterns the readings scan for (:data:`_SCANNED`) are kept between runs."""
    anchors = _ANCHORS.get(regex)
    if anchors is None:
        anchors = _kept_anchors().get(regex.pattern) or _worked_out(regex.pattern)
        _ANCHORS[regex] = anchors
    return anchors


def _worked_out(pattern: str) -> tuple[str, ...]:
    from re import _parser  # type: ignore[attr-defined]

    from triage.engine.tone_scan import _required

    try:
        found = _required(_parser.parse(pattern, 0))
    except Exception:  # not the parser as we know it: scan every time
        found = None
    return tuple(found) if found and min(map(len, found)) >= 2 else ("",)


@functools.cache
def _kept_anchors() -> dict[str, tuple[str, ...]]:
    """The anchors of every pattern :func:`_live` may test that has no first word to
    look up: working them out parses each pattern (a few ms a run), so, as the
    structures' pieces are (``tone_structures._pieces``), they are kept as one entry."""
    from triage.engine import codecache

    patterns = sorted({r.pattern for group in _SCANNED for r in group if r not in _LEADS})
    text = "clauses\0" + "\0".join(patterns)
    kept = codecache.load("tonepieces", text)
    if (
        isinstance(kept, tuple)
        and len(kept) == len(patterns)
        and all(
            isinstance(found, tuple) and found and all(isinstance(p, str) for p in found)
            for found in kept
        )
    ):
        return dict(zip(patterns, kept, strict=True))
    worked = tuple(_worked_out(pattern) for pattern in patterns)
    codecache.store("tonepieces", text, worked)
    return dict(zip(patterns, worked, strict=True))


def _hits(regexes: tuple[_Lazy, ...], low: str, more: Sequence[Span] = ()) -> list[Span]:
    """The spans of every hit of ``regexes`` in ``low`` that starts a word (and ``more``),
    earliest (then longest) first, none overlapping."""
    hits = [
        hit.span()
        for regex in _live(regexes, low)
        for hit in regex.finditer(low)
        if not hit.start() or not _WORD_END.match(low, hit.start() - 1)
    ]
    hits.extend(more)
    hits.sort(key=lambda span: (span[0], -span[1]))
    kept: list[Span] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def _simple(name: str, regexes: tuple[_Lazy, ...], low: str) -> list[Reading]:
    return [Reading(name, *hit, (hit,)) for hit in _hits(regexes, low)]


def _cover(low: str, starts: list[int]) -> list[Reading]:
    found = _simple("cover", _OWNED_WHOLE, low)
    for open_cost in _hits(_OPEN_COST, low):
        _number, lo, hi = _sentence_of(starts, open_cost[0], len(low))
        pay = _WE_PAY.search(low, lo, hi)
        if pay is not None:
            spans = _merged([open_cost, pay.span()])
            found.append(Reading("cover", spans[0][0], spans[-1][1], tuple(spans)))
    return found


def _mock(low: str, starts: list[int]) -> list[Reading]:
    found = []
    for start, end in _hits(_SARCASM, low):
        while low[start] in ". \n":
            start += 1
        found.append(Reading("mock", start, end, ((start, end),)))
    return found


# Every group of patterns :func:`_hits` scans for: the ones whose anchors are kept.
_SCANNED = (
    _AFTER_AN_AUTHORITY,
    _CONSEQUENCE,
    _BLAME,
    _OWNED_WHOLE,
    _OPEN_COST,
    _SARCASM,
    _ABSOLUTE,
)


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading in ``wanted`` found in ``low`` (the checked text, ASCII letters lowered).

    ``starts`` are the offsets where sentences start, ``breaks`` where paragraphs do.
    """
    found: list[Reading] = []
    if "consequence" in wanted or "deadline" in wanted:
        found += [r for r in _consequences(low, starts, breaks) if r.name in wanted]
    if "blame" in wanted:
        found += _blame(low, starts, breaks)
    if "always" in wanted:
        found += _simple("always", _ABSOLUTE, low)
    if "cover" in wanted:
        found += _cover(low, starts)
    if "mock" in wanted:
        found += _mock(low, starts)
    from triage.engine import (  # built on these
        tone_acts,
        tone_frames,
        tone_moves,
        tone_signals,
        tone_stance,
        tone_structures,
        tone_veiled,
        tone_who,
    )

    found += tone_structures.read(low, starts, breaks, wanted)
    if wanted & tone_stance.NAMES:
        found += tone_stance.read(low, starts, breaks, wanted)
    if wanted & tone_acts.NAMES:
        found += tone_acts.read(low, starts, breaks, wanted)
    if wanted & tone_frames.NAMES:
        found += tone_frames.read(low, starts, breaks, wanted)
    if wanted & tone_moves.NAMES:
        found += tone_moves.read(low, starts, breaks, wanted)
    if wanted & tone_who.NAMES:
        found += tone_who.read(low, starts, breaks, wanted)
    if wanted & tone_veiled.NAMES:
        found += tone_veiled.read(low, starts, breaks, wanted)
    if wanted & tone_signals.NAMES:
        found += tone_signals.read(low, starts, breaks, wanted)
    return found
