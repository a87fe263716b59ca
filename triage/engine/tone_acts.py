"""The tone check's reading of actor and act: who does what, clause by clause.

The phrase rules and the older readings know each kind of wording by its words, and every
new writer found wordings they did not know. This reading looks at each clause for two
things, each a broad class rather than a phrase, and decides from the pair:

- the **actor**: our side (we, I, our lawyers), the reader (you, your team, anyone at your
  end) or neither (the factory, the weather, "it");
- the **act**: a legal step made ready, a word held over their reputation, a failure, a
  cause, a fault or an open promise to pay, a sweep over everything they do, praise that
  does not fit what it praises.

So "we are ready to refer it to adjudication" (our side, a legal step made ready) is a
threat and "we both want to avoid adjudication" (both sides, a legal step avoided) is not;
"every query we raise disappears" (a sweep over what they do with ours, ending badly) is an
absolute and "every query we raise gets an answer within a day" is not; "a real gift for
it" beside a weekend lost is sarcasm, and beside a job well done is thanks.

:func:`read` returns :class:`~triage.engine.tone_clauses.Reading` tuples named ``act-...``;
the rules of the same names in ``tone-rules.toml`` give each its words. Pure Python over
the lowered text the other readings read; each test is compiled on first use.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from triage.engine.tone_clauses import Reading, _Lazy

__all__ = ["NAMES", "read"]

NAMES = frozenset(
    ("act-threat", "act-audience", "act-ultimatum", "act-blame", "act-mock", "act-absolute")
)

Span = tuple[int, int]

# -- clauses and their actors ---------------------------------------------------------------
_OURS = r"(?:we|i|us|our|ours|my|me|we'll|i'll|we're|i'm|i've|we've|i'd|we'd)"
_THEIRS = r"(?:you|your|yours|you've|you're|you'd|you'll)"
_OUR_ACTOR = _Lazy(rf"\b{_OURS}\b")
_THEIR_ACTOR = _Lazy(rf"\b{_THEIRS}\b|\b(?:anyone|anybody|nobody|no one|someone) (?:at|in|from) ")


def _sentences_with(
    low: str, starts: list[int], keys: tuple[str, ...], *anchors: _Lazy
) -> Iterator[Span]:
    """The sentences holding a match of one of ``anchors``, each once, in order; none at all
    (and no scan) when the text holds none of ``keys``, plain substrings one of which every
    match contains: most drafts have none, so a reading costs them a few substring tests."""
    if not any(key in low for key in keys):
        return
    numbers = {
        bisect.bisect_right(starts, match.end() - 1) - 1
        for anchor in anchors
        for match in anchor.finditer(low)
    }
    for number in sorted(numbers):
        yield starts[number], starts[number + 1] if number + 1 < len(starts) else len(low)


def _nearest_actor(low: str, lo: int, hi: int) -> str:
    """'ours', 'theirs' or '' for the last actor word in ``low[lo:hi]``: the subject of what
    follows, as near as a reading without a parser can tell."""
    ours = [m.start() for m in _OUR_ACTOR.finditer(low[lo:hi])]
    theirs = [m.start() for m in _THEIR_ACTOR.finditer(low[lo:hi])]
    if not ours and not theirs:
        return ""
    return "ours" if max(ours, default=-1) > max(theirs, default=-1) else "theirs"


def _paragraph(breaks: list[int], size: int, at: int) -> Span:
    lo, hi = 0, size
    for cut in breaks:
        if cut <= at:
            lo = cut
        else:
            hi = cut
            break
    return lo, hi


# -- threats: a legal step our side has made ready ------------------------------------------
_LEGAL = _Lazy(
    r"\b(?:lawyers?|solicitors?|attorneys?|barristers?|advocates?|counsel|legal [\w-]+|proceedings|litigat\w+|"
    r"court|tribunal|adjudicat\w+|arbitrat\w+|small claims|claim form|letter before action|"
    r"statutory demand|winding[- ]up|referral notice|notice of (?:dispute|claim|adjudication|"
    r"arbitration)|ombudsman|trading standards|bailiffs?|debt collect\w+|sue|suing)\b"
)
_LEGAL_KEYS = (
    "lawyer", "solicitor", "attorney", "barrister", "advocate", "counsel", "legal", "proceedings",
    "litigat",
    "court", "tribunal", "adjudicat", "arbitrat", "small claims", "claim form", "before action",
    "statutory", "winding", "referral notice", "notice of", "ombudsman", "trading standards",
    "bailiff", "debt collect", "sue", "suing",
)  # fmt: skip
_MADE_READY = _Lazy(
    r"\b(?:(?:are|am|stand) (?:\w+ )?(?:ready|prepared|willing) to|is (?:now )?in draft|"
    r"(?:has|have) been drafted|(?:is|are) being (?:drafted|prepared)|drafted and ready|"
    r"(?:have|has) (?:now )?(?:instructed|briefed|engaged|retained)|"
    r"(?:has|have) (?:now |already )?been (?:fully |now |already )?(?:briefed|instructed|engaged|"
    r"retained)|(?:only |just )?(?:waiting|awaiting|waits|ready) (?:for |on )?(?:our |my |the "
    r"go-ahead|a )?(?:instructions?|word|go-ahead|green light)|"
    r"(?:their|his|her|the) (?:view|advice|opinion) is|advised (?:us |me )?that|"
    r"(?:little|no) (?:difficulty|trouble|doubt) (?:in )?(?:finding|ruling|deciding)|"
    r"find(?:ing)? (?:for|in favour of) us|in our favou?r|"
    r"(?:won't|will not|would not|wouldn't) hesitate|not afraid to|"
    r"(?:bear|keep) (?:that|this|it) in mind|go down that (?:route|road|path)|"
    r"(?:our|my) (?:[\w-]+ )?(?:advisers?|advisors?|lawyers?|solicitors?|counsel|legal (?:team|"
    r"people|department))(?: \w+){0,2}? (?:say|says|said|think|believe|feel|advise|advised|tell us|"
    r"told us|are of the view|are confident)\b|"
    r"(?:has|have|'ve|'s) (?:now |already |just )?(?:forwarded|passed|sent|handed|referred|"
    r"escalated)(?: [\w'-]+){0,8}? to\b|"
    r"(?:has|have|'ve|'s|got) (?:the |a |an |our )(?:[\w-]+ ){0,3}?(?:prepared|drafted|ready|"
    r"signed|filed)\b|"
    r"(?:has|have|'ve|'s) (?:now |already )?(?:drafted|prepared|filed|lodged|issued|briefed|"
    r"instructed)|standing by|(?:is|are) (?:all )?(?:prepared|ready|drafted|signed)\b|"
    r"(?:think|believe|say|feel|are confident|advise|advised) (?:that )?(?:we|our (?:case|claim|"
    r"position)) (?:would|will|'d|is|are) (?:be )?(?:on (?:solid|firm|strong) ground|win|succeed|"
    r"strong|in a strong position|likely to (?:win|succeed))|"
    r"(?:we|i) (?:will|shall|'ll) (?:have to |need to |be )?(?:issue|file|commence|refer|"
    r"instruct|pursue|escalate|start)\w*)"
)
_LEGAL_NEUTRAL = _Lazy(
    r"\b(?:avoid\w*|keep \w+ out of|without (?:going to|needing|the need)|draft\w* (?:the |an |a )?"
    r"(?:amendment|agreement|contract|variation|wording|terms|clause|side letter|addendum)|"
    r"(?:the |an |a |our )?(?:addendum|variation letter|amendment|side letter|heads of terms)|"
    r"formal wording|your (?:own )?(?:lawyers?|solicitors?|advisers?|counsel)|"
    r"as (?:agreed|discussed)|dispute (?:resolution )?clause (?:provides|says|allows)|"
    r"if (?:you|either of us) (?:would like|wish|want)|lease|deed|licence|conveyanc\w*|"
    r"completion|nda|the sale|the purchase|probate)\b"
)


def _threats(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _LEGAL_KEYS, _LEGAL):
        legal = _LEGAL.search(low, lo, hi)
        if legal is None:
            continue
        ready = _MADE_READY.search(low, lo, hi)
        if ready is None or _CONCILIATORY.compiled.match(low, ready.end()):
            continue
        if _nearest_actor(low, max(lo, ready.start() - 40), ready.start()) == "theirs":
            continue  # their side's step ("your insurer has a claim form prepared")
        plo, phi = _paragraph(breaks, len(low), lo)
        if not _OUR_ACTOR.search(low, plo, phi) or _LEGAL_NEUTRAL.search(low, lo, hi):
            continue
        spans = sorted([legal.span(), ready.span()])
        yield Reading("act-threat", spans[0][0], spans[-1][1], tuple(spans))


# what follows "we are prepared to" in an offer, not a threat
_CONCILIATORY = _Lazy(
    r" (?:offer|agree|accept|meet|discuss|talk|settle|pay|waive|extend|share|split|consider|"
    r"look|review|mediat\w*|compromise|help|work)"
)


# -- threats: our word about them, held over them -------------------------------------------
_AUDIENCE = _Lazy(
    r"\b(?:peers?|network|community|circles?|industry|members|other (?:customers|clients|"
    r"buyers|suppliers|firms|businesses|companies)|people (?:do |often |keep |have )?"
    r"(?:ask|asking|asked)|asked (?:me|us) (?:for|about|whom|who|which)|recommend\w*|"
    r"referrals?|references?|reviews?|write-up|testimonial|rating|g2|trustpilot|google|"
    r"glassdoor|linkedin|capterra|yelp|tripadvisor|case study|word of mouth|word gets|"
    r"scorecard|league table|journal|trade press|newsletter|write (?:it|this|them) up)\b|"
    r"\bpeople (?:\w+ ){0,2}?(?:ask|asking|asked)\b"
)
_CONTINGENT = _Lazy(
    r"\b(?:(?:a |such a |real )?(?:pity|shame) if|sad if|unfortunate if|if that (?:were to )?"
    r"chang\w+|held off|holding off|(?:haven't|have not|not) (?:yet |so far )?"
    r"(?:posted|written|published|said|put)|so far (?:i|we)(?:'ve| have)|"
    r"(?:like|love|want|hope) to be able to (?:say|give|recommend|write)|"
    r"(?:like|love|want|hope) to have (?:a |something )?(?:good|positive|nice|happy) "
    r"(?:story|thing|things|news|word) to (?:tell|say|report|share|write)|"
    r"(?:depends|depend|depending|hinges|turns|rests) (?:\w+ ){0,2}?on (?:how|whether|what)|before (?:i|we) (?:post|write|"
    r"answer|reply|respond|recommend))"
)


_CONTINGENT_KEYS = (
    "pity", "shame", "sad if", "unfortunate if", "chang", "held off", "holding off", "not",
    "so far", "able to", "to have", "depend", "hinges", "turns", "rests", "before i", "before we",
)  # fmt: skip


def _audience(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _CONTINGENT_KEYS, _CONTINGENT):
        held = _CONTINGENT.search(low, lo, hi)
        if held is None:
            continue
        near_lo, near_hi = _paragraph(breaks, len(low), lo)
        audience = _AUDIENCE.search(low, near_lo, near_hi)
        if audience is None or _THANKS_FOR_IT.search(low, near_lo, near_hi):
            continue
        spans = sorted([held.span(), audience.span()])
        yield Reading("act-audience", spans[0][0], spans[-1][1], tuple(spans))


_THANKS_FOR_IT = _Lazy(
    r"\bthank\w* (?:you )?for (?:the|your) (?:review|recommendation|referral|reference)|"
    r"\bhappy to (?:recommend|give a reference|be a reference)\b(?![^.]*\bif\b)"
)


# -- blame: their person did it without the obvious step, or "if they had" -----------------
_THEIR_PERSON = r"(?:you|your (?:\w+ ){0,2}?\w+|(?:he|she|they))"
# someone on their side: "you", "your site manager", "anyone in your dispatch team"
_THEIR_SIDE = (
    r"(?:you|your (?:[\w-]+ ){0,2}?[\w-]+|(?:anyone|anybody|someone|somebody|nobody|no one) "
    r"(?:in|at|on|from) your (?:[\w-]+ ){0,2}?[\w-]+)"
)
# "had anyone in your dispatch team glanced at the label, the pallet would be in leeds"
_HAD_THEIR_SIDE = _Lazy(
    rf"\b(?:had {_THEIR_SIDE} (?:\w+ )?\w+|if {_THEIR_SIDE} had(?:n't| not)? "
    r"(?:\w+ )?\w+(?:ed|en|t|wn|ne))\b(?=[^.;?]*\b(?:would|wouldn't|could|couldn't)\b)"
)
# their side's act, then what it led to: "your site manager waved the lorry in without a
# banksman, which is how the gatepost came to be flattened"
_THEIR_ACT_LED_TO = _Lazy(
    rf"(?:^|[.!?;]\s+|\n|, )(?:frankly,? |honestly,? |sadly,? )?{_THEIR_SIDE} (?:\w+ )?\w+\b"
    r"[^.;?]{0,80}?(?:which (?:is|was) (?:how|why)|that(?:'s| is| was) (?:how|why)|which "
    r"(?:caused|led to|meant|is what)|and (?:that|this) (?:is|was) (?:how|why)|as a result)"
)
# their side's approval of the wrong thing: "your QA lead signed off the artwork with last
# year's allergen panel still on it"
_THEIR_WRONG_PICK = _Lazy(
    rf"\b{_THEIR_SIDE} (?:\w+ )?(?:signed off|approved|released|sent|shipped|used|ordered|"
    r"installed|printed|fitted|loaded|delivered|quoted|invoiced|booked|specified|picked)\b"
    r"(?: [\w'-]+){0,6}? (?:the wrong|last (?:year|month|season)'s|the old|an old|an "
    r"out-of-date|out-of-date|outdated|superseded|expired|obsolete|the previous (?:version|"
    r"revision|drawing|spec|panel|artwork)|incorrect|unapproved|with (?:the |a |an |that )?"
    r"(?:[\w-]+ )?(?:typos?|errors?|mistakes?|faults?|defects?|wrong \w+) (?:still )?(?:in|on))\b"
)
# what followed their act went wrong (a broad class of outcomes, not a phrase)
_WENT_BADLY = _Lazy(
    r"\b(?:wrong\w*|fail\w*|miss\w*|late|lost|los[et]|damag\w*|"
    r"broke\w*|crack\w*|flatten\w*|smash\w*|dent\w*|scratch\w*|leak\w*|flood\w*|spoil\w*|"
    r"ruin\w*|short|delay\w*|slip\w*|overr?an|cost us|scrap\w*|unusable|can't use|cannot use|"
    r"rework|redo|injur\w*|hurt|fault\w*|error\w*|mistake\w*|problem\w*|defect\w*|"
    r"collaps\w*|burst|fell|dropped|spilt|spilled|contaminat\w*|expired|outage|down)\b"
)
# a good record, then the one lapse: "which is why this month's delays surprised us"
_SURPRISED = _Lazy(r"\b(?:surpris\w*|unusual|out of character|unlike you|not like you)\b")
_PRAISED = _Lazy(
    r"\b(?:thank\w*|grateful|appreciat\w*|great|excellent|brilliant|well done|impressed|"
    r"keep coming back|love\w*|proud|superb)\b"
)
# the cause named as their side: "the root cause is your warehouse team stacking the cartons"
_CAUSE_IS_THEIRS = _Lazy(
    r"\b(?:(?:root |real |main |underlying )?cause|the reason|the source|the culprit|what went "
    r"wrong)(?: of (?:this|the \w+))? (?:is|was|lies with|lay with|comes down to|came down to|"
    rf"traces back to) (?:simply |clearly |obviously |squarely )?{_THEIR_SIDE}\b"
)
_AGREED_OR_ASKED = _Lazy(
    r"\b(?:as (?:agreed|requested|asked|discussed|planned)|at our request|we asked|for comparison|"
    r"to compare|for reference|for comment)\b"
)
_WITHOUT_STEP = _Lazy(
    rf"\b{_THEIR_PERSON} (?:\w+ ){{0,2}}?(?:signed|approved|sent|shipped|released|"
    r"submitted|booked|ordered|changed|accepted|closed|passed|installed|built|issued|"
    r"cut|loaded|packed|agreed|quoted|priced)\b(?: [\w'-]+){0,5}?,? without,? "
    r"(?:[^,.;]{0,30}, )?(?:even |actually |properly |ever )?(?:reading|checking|"
    r"looking at|testing|measuring|telling|asking|consulting|confirming|opening|reviewing)"
)
_IF_THEY_HAD = _Lazy(
    r"\b(?:if|had) (?:he|she|they|you|your (?:\w+ ){0,2}?\w+) (?:had|did|read|checked)\b"
    r"(?:[^.;]{0,60}?)\b(?:we|it|this|none of this|there) (?:wouldn't|would not|would "
    r"never|couldn't|could not)\b"
)
# their people, then a relative clause that says what they failed to do: "your regional
# managers, who, as you'll recall, skipped the original sessions"
_THEIR_WHO_FAILED = _Lazy(
    rf"\b{_THEIR_SIDE},? who,? (?:[^.;!?]{{0,40}}?,? )?(?:had |have |has |then |also |simply )?"
    r"(?:skipped|missed|ignored|forgot|failed|refused|didn't|did not|never (?!miss|fail|forg|let)|"
    r"lost|broke|damaged|cancell?ed|bypassed|overrode|declined|chose not|rejected|left out|"
    r"dropped)\b"
)
_ROOT = _Lazy(
    r"\b(?:root|source|cause|origin) of (?:the|this|all this) (?:problem|issue|mess|trouble)\b|"
    r"\bwhere (?:it|this|things) went wrong\b"
)
_OUR_SLIP = _Lazy(
    r"\b(?:our|my) (?:own )?(?:fault|mistake|error|slip|oversight)|on us\b|we should have\b"
)


# our slip denied: "I don't see how the reprint is on us"
_NOT_OUR_SLIP = _Lazy(
    r"\b(?:(?:don't|do not|can't|cannot|fail to) see (?:how|why)|(?:isn't|is not|wasn't|was not|"
    r"not) (?:\w+ )?(?:on us|our (?:fault|mistake|error))|nothing to do with (?:us|our))\b"
)
_BLAME_KEYS = ("without", "had", "did", "read", "checked", "which", "that", "result", "your", "you")


def _blame(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    anchors = (
        _WITHOUT_STEP,
        _IF_THEY_HAD,
        _HAD_THEIR_SIDE,
        _THEIR_ACT_LED_TO,
        _THEIR_WRONG_PICK,
        _CAUSE_IS_THEIRS,
        _THEIR_WHO_FAILED,
    )
    for lo, hi in _sentences_with(low, starts, _BLAME_KEYS, *anchors):
        hit = next(
            filter(None, (anchor.search(low, max(0, lo - 2), hi) for anchor in anchors)), None
        )
        if hit is None or _AGREED_OR_ASKED.search(low, lo, hi) or _PRAISED.search(low, lo, hi):
            continue
        led_to = hit.re is _THEIR_ACT_LED_TO.compiled
        if led_to and (
            not _WENT_BADLY.search(low, hit.end(), hi) or _SURPRISED.search(low, lo, hi)
        ):
            continue  # "your studio has delivered, which is why we came back"
        plo, phi = _paragraph(breaks, len(low), lo)
        if _OUR_SLIP.search(low, plo, phi) and not _NOT_OUR_SLIP.search(low, plo, phi):
            continue
        words = hit.group()
        third = re.match(r"(?:if |had )?(?:he|she|they)\b", words)
        if third and not (_ROOT.search(low, plo, phi) or _THEIR_ACTOR.search(low, plo, phi)):
            continue  # "she" with nothing tying her to their side
        at = (hit.start() + len(hit.group()) - len(hit.group().lstrip(".!?;, \n")), hit.end())
        yield Reading("act-blame", *at, (at,))


# -- absolutes: a sweep over what they do with ours, ending badly ---------------------------
_SWEEP = _Lazy(
    r"\b(?:every|each|any|all (?:of )?(?:our|my|the)|not (?:one|a single)|none of (?:our|my|the))"
    r" (?:\w+ ){0,2}?(?:query|queries|question|questions|email|emails|request|requests|"
    r"ticket|tickets|call|calls|message|messages|complaint|complaints|chaser|reminder|"
    r"invoice|invoices|claim|claims)\b"
)
_BAD_FATE = _Lazy(
    r"\b(?:disappear\w*|vanish\w*|into (?:the |a )?(?:same |black |bottomless )?(?:hole|void|"
    r"abyss|ether)|goes nowhere|go nowhere|gets? (?:lost|ignored|buried)|"
    r"(?:goes|go|went|gone) (?:unanswered|unread|unacknowledged|ignored|missing)|"
    r"(?:is|are|was|were|has been|have been) (?:ignored|lost|buried|left unanswered)|"
    r"(?:never|not) (?:\w+ )?(?:answered|acknowledged|returned|replied to|read))\b"
)
_ANYONE_AT = _Lazy(
    r"\b(?:anyone|anybody|someone|nobody|no one) (?:at|in|from) (?:your |the )?[\w&'-]+"
    r"(?:[^.;]{0,60}?)\b(?:beyond us|impossible|straight answer|get hold of|pin down|"
    r"never|nowhere)\b|"
    r"\b(?:straight answer|answer|reply|response) (?:out of|from) (?:anyone|anybody) "
    r"(?:at|in) [\w&'-]+"
)


_SWEEP_KEYS = (
    "every", "each", "any", "all ", "not one", "not a single", "none of", "nobody", "no one",
    "someone", "remember", "recall", "think of", "invariabl", "always", "routinely", "habitual",
    "inevitabl", "consistent", "constant", "perpetual", "forever", "without fail", "reliabl",
)  # fmt: skip


# "i cannot remember the last time one of your engineers turned up with the right parts": a
# good act said to be unheard of is a sweep; with a failure in it ("without the right parts")
# it is praise
_LAST_TIME_THEY = _Lazy(
    r"\b(?:can't|cannot|can not|don't|do not|couldn't|could not) (?:even )?(?:remember|recall|think "
    rf"of) (?:the last time|when) (?:one of |any of |anyone (?:in|at|from) )?{_THEIR_SIDE}\b"
    r"[^.;!?]*"
)
_FAILURE_IN_IT = _Lazy(
    r"\b(?:without|late|wrong|missed|failed|forgot|\w+n't|not|short|broken|damaged|unannounced)\b"
)
# their work, habitually off: "your final invoices are invariably higher than the figure we agreed"
_HABITUALLY_OFF = _Lazy(
    rf"\b{_THEIR_SIDE} (?:are|is|were|was|have been|has been|come|comes|arrive|arrives|run|runs|"
    r"turn up|turns up|end up|ends up) (?:\w+ )?(?:invariably|always|routinely|habitually|"
    r"inevitably|consistently|constantly|perpetually|forever|without fail|reliably) (?:\w+ ){0,2}?"
    r"(?:higher|more|bigger|late|later|wrong|short|incomplete|missing|over|behind|incorrect|"
    r"inaccurate|different|broken|damaged|unavailable|closed|above|out by|off by)\b"
)


# the broadest sweep: in one clause, the reader's side, a universal word and a failure, with
# nothing that makes it ours, praise, a question or a supposition ("your team doesn't seem able
# to get a single invoice right", "whatever we agree with your team seems to be forgotten")
_UNIVERSAL = _Lazy(
    r"\b(?:always|never|every|each|any|all|none|nothing|nobody|no one|whatever|whenever|single|"
    r"once again|yet again|constantly|continually|repeatedly|invariably|forever|ever)\b"
)
_FAILURE = _Lazy(
    r"\b(?:forg[oe]t\w*|ignor\w*|wrong|lost|miss(?:ed|es)|fail(?:ed|s)|messe?s? up|mixe?s? up|"
    r"botch\w*|overcharg\w*|incorrect|inaccurate|unanswered|disappear\w*|vanish\w*|"
    r"(?:doesn't|don't|didn't|can't|cannot|won't|isn't|aren't)(?: \w+){0,3}? (?:right|on time|"
    r"answer|reply|respond|read|listen|bother|turn up|able))\b"
)
_NOT_A_FAILURE = _Lazy(
    r"\b(?:never|not once|no|without)(?: \w+){0,3}? (?:late|wrong|missed|failed|short|broken|"
    r"damaged|forgot|lost|let us down|a problem)\b|\b(?:never|not)(?: \w+){0,2}? (?:miss|fail|"
    r"forget|lose)\w*|\?|\b(?:sorry|apolog\w*|thank\w*|grateful|our (?:fault|mistake|error)|"
    r"on us|if|in case|whether|i know|we know|hope|great|excellent|brilliant|reliable|"
    r"appreciat\w*|surpris\w*|policy|requires?|never again)\b"
)
_OURS_FIRST = _Lazy(r"\W*(?:we|i|our|my|we'll|i'll|we're|i'm|we've|i've|we'd|i'd)\b")
_YOURS = _Lazy(r"\byour?\b")
_CLAUSES = re.compile(r"[;:,]| - ")


_UNIVERSAL_KEYS = (
    "ever", "each", "any", "all", "none", "nothing", "nobody", "no one", "single", "again",
    "constant", "continual", "repeated", "invariabl", "always",
)  # fmt: skip


def _sweeps(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _UNIVERSAL_KEYS, _UNIVERSAL):
        cut = lo
        for end in [m.start() for m in _CLAUSES.finditer(low, lo, hi)] + [hi]:
            clo, chi, cut = cut, end, end + 1
            universal = _UNIVERSAL.search(low, clo, chi)
            failure = _FAILURE.search(low, clo, chi) if universal else None
            if universal is None or failure is None or not _YOURS.search(low, clo, chi):
                continue
            if _OURS_FIRST.compiled.match(low, clo) or _NOT_A_FAILURE.search(low, lo, hi):
                continue
            spans = sorted([universal.span(), failure.span()])
            yield Reading("act-absolute", spans[0][0], spans[-1][1], tuple(spans))
            break


def _absolutes(low: str, starts: list[int]) -> Iterator[Reading]:
    anchors = (_SWEEP, _ANYONE_AT, _HABITUALLY_OFF, _LAST_TIME_THEY)
    for lo, hi in _sentences_with(low, starts, _SWEEP_KEYS, *anchors):
        sweep = _SWEEP.search(low, lo, hi)
        if sweep is not None:
            fate = _BAD_FATE.search(low, sweep.end(), hi)
            if fate is not None:
                yield Reading(
                    "act-absolute", sweep.start(), fate.end(), (sweep.span(), fate.span())
                )
                continue
        anyone = _ANYONE_AT.search(low, lo, hi) or _HABITUALLY_OFF.search(low, lo, hi)
        if anyone is not None:
            yield Reading("act-absolute", *anyone.span(), (anyone.span(),))
            continue
        last = _LAST_TIME_THEY.search(low, lo, hi)
        if last is not None and not _FAILURE_IN_IT.search(low, last.start(), last.end()):
            yield Reading("act-absolute", *last.span(), (last.span(),))


# -- sarcasm: praise that does not fit what it praises --------------------------------------
_PRAISE_TOO_MUCH = _Lazy(
    r"\b(?:(?:really |truly |so )?appreciate the timing|(?:remarkable|impressive|amazing|"
    r"incredible|astonishing|extraordinary) (?:\w+ )?(?:engineering|timing|work|effort|"
    r"achievement|feat|precision|planning|consistency|speed)|a (?:real |rare |true )?"
    r"(?:gift|talent|knack) for|nothing (?:quite )?like (?:having|getting|spending|"
    r"finding|being|a)|(?:i'm|i am) sure (?:it's|it is|it was|that's|that was) "
    r"(?:\w+ )?(?:a |an )?(?:coincidence|accident|oversight)|(?:purely|pure|sheer) "
    r"(?:a )?coincidence|(?:hit|hitting|timed|time) (?:the|that) (?:date|deadline|day) so)\b"
)
_SINCERE = _Lazy(r"\b(?:sorry|apolog\w*|despite|in spite|even though|although|genuinely)\b")


_PRAISE_KEYS = (
    "timing", "remarkable", "impressive", "amazing", "incredible", "astonishing", "extraordinary",
    "gift", "talent", "knack", "nothing", "coincidence", "accident", "oversight", "so precisely",
)  # fmt: skip


# praise that is only ever said of a failure: a coincidence, the timing
_ONLY_EVER_MOCK = _Lazy(r"coincidence|accident|oversight|timing|so precisely|date so")
_SOMETHING_WRONG = _Lazy(r"\b(?:\w+n't|not|never|no longer)\b")


def _mock(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _PRAISE_KEYS, _PRAISE_TOO_MUCH):
        praise = _PRAISE_TOO_MUCH.search(low, lo, hi)
        if praise is None or _SINCERE.search(low, lo, hi):
            continue
        if not _ONLY_EVER_MOCK.search(praise.group()):
            # "a real gift for it" is mockery beside a failure, in its sentence or the one
            # before, and thanks beside a job well done
            before = bisect.bisect_right(starts, lo - 1) - 1
            near = starts[before] if before >= 0 else lo
            if not any(
                pattern.search(low, near, hi)
                for pattern in (_WENT_WRONG, _WENT_BADLY, _SOMETHING_WRONG)
            ):
                continue
        yield Reading("act-mock", *praise.span(), (praise.span(),))


# -- sarcasm: the basics of their own trade, defined for them --------------------------------
_DEFINITION = _Lazy(
    r"(?:^|[.!?:]\s+|\n)(?:a|an) (?:[\w-]+ ){1,3}(?:is|means) (?:the|a|an) (?:[\w-]+ ){0,2}?"
    r"[\w-]+(?:[^.]{0,20}?)\b(?:in which|during which|that|which|where|by which|used to|when)\b"
)
_BASICS = _Lazy(
    r"\b(?:first principles|the basics|back to basics|basic (?:point|principle)|"
    r"(?:hope|trust) (?:that|this) (?:clarifies|helps|makes (?:it|things) clear)|"
    r"not the same (?:thing )?as|to put it simply|in simple terms|(?:to )?spell it out|"
    r"in other words)\b"
)


_BASICS_KEYS = (
    "first principles", "basic", "clarifies", "helps", "clear", "same", "simpl", "spell it",
    "other words",
)  # fmt: skip


def _basics(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _BASICS_KEYS) or " is " not in low:
        return
    for definition in _DEFINITION.finditer(low):
        at = (
            definition.start()
            + len(definition.group())
            - len(definition.group().lstrip(".!?\n \t"))
        )
        plo, phi = _paragraph(breaks, len(low), at)
        basics = _BASICS.search(low, plo, phi)
        if basics is None:
            continue
        spans = sorted([(at, definition.end()), basics.span()])
        yield Reading("act-mock", spans[0][0], spans[-1][1], tuple(spans))


# -- sarcasm: praise turned up too far, beside what went wrong -------------------------------
_BIG_PRAISE = _Lazy(
    r"\b(?:working so well|so (?:efficient|reliable|smooth|well organi[sz]ed|considerate|"
    r"thoughtful|quick|prompt|helpful)|(?:very|most|truly|really) (?:considerate|thoughtful) "
    r"(?:timing|of you)|(?:considerate|impeccable|perfect|excellent|great) timing)\b"
)
_WENT_WRONG = _Lazy(
    r"\b(?:late|later|after (?:we|the)|wrong|missing|broken|damaged|short|lost|again|"
    r"(?:days?|weeks?|hours?) (?:late|after|overdue)|instead of|before finding|never arrived|"
    r"already (?:placed|paid|sent|left))\b"
)
_SURE_OF_THEIR_REASONS = _Lazy(
    r"\b(?:i'm|i am|we're|we are) sure (?:that )?(?:you|your (?:[\w-]+ ){0,2}?[\w-]+|they) "
    r"(?:had|have|has) (?:a |an |their |your |its )?(?:very |perfectly |really )?"
    r"(?:excellent|good|sound|great|important|pressing|compelling)? ?(?:reasons?|explanation|"
    r"priorities|things to do)\b"
)


_TOO_MUCH_KEYS = ("so ", "considerate", "thoughtful", "timing", "sure", " way ", " to ", "know")
_ECHO_KEYS = (
    "memorabl", "consisten", "impressiv", "remarkabl", "reliabl", "efficien", "punctual", "quick",
    "thorough", "creativ", "special", "unforgettabl", "professional", "organi", "dependabl",
    "predictabl", "prompt", "attentiv", "responsiv",
)  # fmt: skip


# a verdict that pretends to be mild: "that's certainly one way to run a cold store"
_ONE_WAY_TO = _Lazy(
    r"\b(?:that's|that is|this is|what) (?:certainly |definitely |quite |an? |one )?(?:one|"
    r"interesting|novel|unusual|creative|original|new) (?:way|approach) (?:to|of) \w+"
)
# pleased to learn what should never have needed saying: "heartening to know your engineer did
# eventually find our building, on the third attempt"
_PLEASED_TO_KNOW = _Lazy(
    r"\b(?:heartening|reassuring|encouraging|comforting|gratifying|refreshing|good|nice|great|"
    r"lovely|wonderful) to (?:know|see|hear|learn|discover)\b"
)
_GRUDGING = _Lazy(
    r"\b(?:did (?:\w+ )?eventually|eventually|finally|at (?:long )?last|on the (?:second|third|"
    r"fourth|fifth|\d+(?:st|nd|rd|th)) (?:attempt|try|visit|go|time)|after only|a mere)\b"
)


# praise echoed with a twist: "a truly memorable installation, memorable mostly for the
# flooding", "so consistent: consistently closed whenever we call"
_ECHO = _Lazy(
    r"\b(?P<w>memorabl|consisten|impressiv|remarkabl|reliabl|efficien|punctual|quick|thorough|"
    r"creativ|special|unforgettabl|professional|organi[sz]ed|dependabl|predictabl|prompt|"
    r"attentiv|responsiv)\w*\b[^.!?]{0,60}?[:,;-] (?:\w+ )?(?P=w)\w* (?:mostly |mainly |chiefly |"
    r"largely |only |particularly |especially )?(?:for (?:the|its|your) |in (?:the|its|your) )?"
    r"(?:\w+ )?(?:late|wrong|missing|closed|absent|silent|unavailable|unreachable|broken|"
    r"flood\w*|leak\w*|delay\w*|failure\w*|fault\w*|mistake\w*|error\w*|mess|chaos|"
    r"disaster|damage\w*|excuses?|problems?|short)\b"
)


# the basics of the job asked after as if they were an extra: "do let us know if answering
# emails becomes part of your service at some point"
_BASICS_AS_EXTRA = _Lazy(
    r"\b(?:let (?:us|me) know|do tell (?:us|me)|keep (?:us|me) posted) (?:if|when|once) "
    r"(?:[\w'-]+ ){0,3}?(?:answer\w*|repl\w*|respond\w*|reading|turning up|showing up|picking up|"
    r"returning (?:calls|emails)|calling (?:us )?back|communicat\w*|keeping (?:us )?informed|"
    r"updat\w*|meeting deadlines|paying)(?: [\w'-]+){0,3}? (?:becomes?|is ever|are ever|starts? "
    r"being|turns? into) (?:a |an )?(?:part of|included in|a feature of|on) (?:your|the)\b"
)


# the basics of their job offered as a bold new idea: "here is a novel idea: what if the
# installers brought the right fixings?"; a new idea of ours with no "what if" is just an idea
_MOCK_IDEA = _Lazy(
    r"\b(?:here's|here is|heres|i have|i've got|we have|may i (?:offer|suggest)|let me (?:offer|"
    r"suggest)|just) (?:a |an |this )?(?:novel|radical|revolutionary|crazy|wild|bold|daring|"
    r"outlandish|groundbreaking|ground-breaking|brilliant|genius) (?:idea|concept|thought|"
    r"suggestion|proposal)\b[^.!?]{0,4}?(?:what if|how about|why not|maybe|perhaps|try)\b"
)
_IDEA_KEYS = ("novel", "radical", "revolutionary", "crazy", "wild", "bold", "daring", "outlandish",
              "groundbreaking", "ground-breaking", "brilliant", "genius")  # fmt: skip


def _mock_idea(low: str, starts: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _IDEA_KEYS):
        return
    for idea in _MOCK_IDEA.finditer(low):
        yield Reading("act-mock", *idea.span(), (idea.span(),))


# the reader's capacity doubted while we help: "written so that even someone with no technical
# background at all can follow it", "reading past the first page seems to be a struggle over
# there", "clients without a trained eye often picture colours differently, so we are not
# surprised"
_EVEN_SOMEONE = _Lazy(
    r"\beven (?:someone|somebody|anyone|anybody|a child|a beginner|a novice|a layman|a layperson|"
    r"a newcomer|a junior|an intern|a trainee|a first-year|my (?:grandmother|grandma|gran|mum|"
    r"mother|kids?|son|daughter)) (?:with (?:no|little|zero)|without|who (?:has|have) (?:never|"
    r"no)|who (?:can't|cannot|doesn't|does not|isn't|is not|knows nothing))\b"
)
_A_STRUGGLE = _Lazy(
    r"\b(?:seems?|appears?|looks?|is|are|must be) (?:to be )?(?:a |quite a |something of a |a bit "
    r"of a |rather a |such a )?(?:struggle|challenge|stretch|mystery|tall order|step too far|big "
    r"ask) (?:over there|for you|at your end|on your side|in your (?:office|team)|for your "
    r"[\w-]+|for some)\b"
)
_UNTRAINED = _Lazy(
    r"\b(?:clients|customers|people|buyers|users|those|anyone|someone|somebody|non-experts?|"
    r"laypeople|most people|owners) (?:without|with no|who lack|lacking) (?:a |an |any )?(?:trained|"
    r"expert|professional|technical|design|specialist|proper|real|engineering|financial|legal) "
    r"(?:eye|background|knowledge|training|experience|understanding|mind)\b"
)
_AS_EXPECTED = _Lazy(
    r"\b(?:common|often|tend to|usually|typically|not surprised|no surprise|naturally|happens a lot|"
    r"understandabl\w*)\b"
)
_CAPACITY_KEYS = ("even ", "struggle", "challenge", "stretch", "mystery", "tall order",
                  "too far", "big ask", "without a", "with no", "who lack", "lacking")  # fmt: skip


def _talked_down(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(
        low, starts, _CAPACITY_KEYS, _EVEN_SOMEONE, _A_STRUGGLE, _UNTRAINED
    ):
        if _SINCERE.search(low, lo, hi) or _OUR_SLIP.search(low, lo, hi):
            continue
        hit = _EVEN_SOMEONE.search(low, lo, hi) or _A_STRUGGLE.search(low, lo, hi)
        if hit is None:
            hit = _UNTRAINED.search(low, lo, hi)
            if hit is None or not _AS_EXPECTED.search(low, lo, hi):
                continue
        yield Reading("act-mock", *hit.span(), (hit.span(),))


# praise "as ever" beside what went wrong: "brilliant as ever: the brochures came back with
# last year's prices on them"
_AS_EVER = _Lazy(
    r"\b(?:brilliant|great|impressive|lovely|excellent|superb|stellar|top-notch|marvellous|"
    r"wonderful|fantastic|outstanding|reliable|efficient|professional|helpful) as (?:ever|always|"
    r"usual)\b"
)


_OUT_OF_DATE = _Lazy(
    r"\b(?:last (?:year|month|season|quarter)'s|out of date|out-of-date|outdated|superseded|the old "
    r"(?:prices|logo|version|address|rates?|artwork))\b"
)


def _as_ever(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, (" as ever", " as always", " as usual"), _AS_EVER):
        praise = _AS_EVER.search(low, lo, hi)
        wrong = (
            _WENT_WRONG.search(low, lo, hi)
            or _WENT_BADLY.search(low, lo, hi)
            or _OUT_OF_DATE.search(low, lo, hi)
        )
        if praise is None or wrong is None or _SINCERE.search(low, lo, hi):
            continue
        spans = sorted([praise.span(), wrong.span()])
        yield Reading("act-mock", spans[0][0], spans[-1][1], tuple(spans))


def _too_much(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _ECHO_KEYS, _ECHO):
        echo = _ECHO.search(low, lo, hi)
        if echo is not None:
            yield Reading("act-mock", *echo.span(), (echo.span(),))
    anchors = (_BIG_PRAISE, _SURE_OF_THEIR_REASONS, _ONE_WAY_TO, _PLEASED_TO_KNOW, _BASICS_AS_EXTRA)
    for lo, hi in _sentences_with(low, starts, _TOO_MUCH_KEYS, *anchors):
        praise = _BIG_PRAISE.search(low, lo, hi)
        if praise is not None and not _SINCERE.search(low, lo, hi):
            wrong = _WENT_WRONG.search(low, lo, hi)
            if wrong is not None:
                spans = sorted([praise.span(), wrong.span()])
                yield Reading("act-mock", spans[0][0], spans[-1][1], tuple(spans))
                continue
        sure = (
            _SURE_OF_THEIR_REASONS.search(low, lo, hi)
            or _ONE_WAY_TO.search(low, lo, hi)
            or _BASICS_AS_EXTRA.search(low, lo, hi)
        )
        if sure is not None:
            yield Reading("act-mock", *sure.span(), (sure.span(),))
            continue
        pleased = _PLEASED_TO_KNOW.search(low, lo, hi)
        grudging = _GRUDGING.search(low, pleased.end(), hi) if pleased else None
        if pleased is not None and grudging is not None and not _SINCERE.search(low, lo, hi):
            cues = (pleased.span(), grudging.span())
            yield Reading("act-mock", pleased.start(), grudging.end(), cues)


# -- absolutes: each time we reach them, the same bad end -----------------------------------
_EACH_TIME_WE = _Lazy(
    r"\b(?:whenever|every time|each time|any time|anytime) (?:we|i|our (?:[\w-]+ ){0,2}?[\w-]+) "
)
_SAME_BAD_END = _Lazy(
    r"\b(?:put on hold|kept (?:on hold|waiting)|on hold for|no (?:one|body) (?:answers|picks up|"
    r"replies|gets back)|nobody (?:answers|picks up|replies|gets back)|(?:goes|go|went) (?:straight )?to "
    r"voicemail|(?:get|gets|are|is) (?:passed|bounced|cut off|fobbed off|ignored|told to wait)|"
    r"(?:never|don't|do not) (?:get|hear) (?:a |an |any )?(?:answer|reply|response|call back|"
    r"straight answer)|wait (?:for )?(?:hours|days|weeks|the best part)|"
    r"the best part of an? (?:hour|day|week))"
)


_EACH_TIME_KEYS = ("whenever", "every time", "each time", "any time", "anytime")


def _each_time(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _EACH_TIME_KEYS, _EACH_TIME_WE):
        habit = _EACH_TIME_WE.search(low, lo, hi)
        if habit is None:
            continue
        bad = _SAME_BAD_END.search(low, habit.end(), hi)
        if bad is not None:
            yield Reading("act-absolute", habit.start(), bad.end(), (habit.span(), bad.span()))


# -- absolutes: however often we ask, the same failure ----------------------------------------
_HOWEVER_OFTEN = _Lazy(
    r"\b(?:no matter how (?:many times|often|many reminders|many emails|many calls|politely|"
    r"clearly)|however (?:many times|often|politely|clearly)|(?:for|after) the (?:\w+ )?time of "
    r"asking|(?:as|so) (?:often|many times) as (?:we|i)) (?:(?:we|i) )?(?:\w+ )?(?:ask|asked|"
    r"remind|reminded|chase|chased|raise|raised|tell|told|complain|complained|call|called|email|"
    r"emailed|write|wrote|explain|explained|mention|mentioned|request|requested|point it out)?"
)
_HOWEVER_KEYS = ("no matter how", "however many", "however often", "however polit",
                 "however clear", "time of asking", "often as", "many times as")  # fmt: skip
# however often we ask, they answer kindly: praise, not a sweep
_GLAD_OF_IT = _Lazy(
    r"\b(?:quick\w*|prompt\w*|happy|happily|glad\w*|gladly|patien\w*|smil\w*|cheerful\w*|kind\w*|"
    r"always (?:help|answer|there|find))\b"
)
_OURS_TO_FIX = _Lazy(r"\b(?:sorry|apolog\w*|our (?:fault|mistake|error)|on us|we should have)\b")


def _however_often(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _HOWEVER_KEYS, _HOWEVER_OFTEN):
        often = _HOWEVER_OFTEN.search(low, lo, hi)
        if often is None or _GLAD_OF_IT.search(low, lo, hi):
            continue
        if _OURS_TO_FIX.search(low, lo, hi) or _PRAISED.search(low, lo, hi):
            continue
        yield Reading("act-absolute", *often.span(), (often.span(),))


# -- ultimatums: a condition on what they do, a date, and our next move ----------------------
_IF_NOT = _Lazy(
    r"\b(?:if (?:[\w'-]+ ){0,8}?(?:isn't|is not|aren't|are not|hasn't|has not|haven't|have not|"
    r"doesn't|does not|don't|do not|won't|will not|can't|cannot|wasn't|weren't|still|no)|"
    r"unless|should (?:[\w'-]+ ){1,8}?(?:not|fail|miss)|failing (?:that|which|this)|"
    r"(?:if|should) (?:[\w'-]+ ){1,6}?(?:remains?|is still|are still|still be|stays?) (?:\w+ )?"
    r"(?:unpaid|outstanding|overdue|unresolved|missing|late|incomplete|unsigned|open)|"
    r"in the absence of|absent|otherwise|or else|, or (?=we |i ))\b"
)
_BY_A_DATE = _Lazy(
    r"\b(?:by|before|on|at|until|within|no later than|end of) (?:the )?(?:[\w':]+ ){0,3}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|noon|"
    r"midday|eod|cob|close of business|the \d+(?:st|nd|rd|th)|\d+(?:st|nd|rd|th)|\d+ "
    r"(?:working |business )?(?:days|hours|weeks)|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)|next week|this week|month[- ]end|"
    r"end of (?:the )?(?:day|week|month))\b|\bby then\b"
)
_OUR_NEXT_MOVE = _Lazy(
    r"\b(?:we|i)(?:'ll| will| shall| would| are going to| have to| will have to| will need to|"
    r"'ll have to|'ll need to|(?<=or we)|(?<=or i)) (?!(?:\w+ )?(?:ask|call|ring|phone|help|check|chase|try|see|look|"
    r"let you know|send you|talk|speak|meet|hold|keep|come back|get back|be in touch|remind|"
    r"follow up|book you|can|could|are happy|'re happy|would be happy|'d be happy|come|visit)\b)"
)
# a condition on a preference of theirs, or a move made for them, is not a penalty
_FOR_THEM = _Lazy(
    r"\b(?:unless|if) you(?:'d| would) (?:prefer|rather|like)|\bso (?:that )?you (?:can |could )?"
    r"keep|\bto help you\b"
)
# what our move lands on: their account, invoices or slot, the cost, or the work going elsewhere
_ON_THEIR_THINGS = _Lazy(
    r"\b(?:your (?!call|way|side|answer|reply|thoughts|comments|views|name down)[\w-]+|"
    r"(?:the |full |all |any |extra )?(?:costs?|difference|charges?)\b(?! (?:to|for) (?:us|ourselves))|"
    r"elsewhere|someone else|somebody else|another (?:supplier|firm|provider|contractor|"
    r"company|agency|vendor|carrier|installer|printer|engineer|lab)|other (?:suppliers|firms|"
    r"providers|contractors|options)|(?:statutory |late[- ]payment )?interest|(?:the |your )?"
    r"(?:\w+[- ])?(?:discount|rebate|credit terms))"
)
_AT_OUR_COST = _Lazy(
    r"\b(?:at (?:our|no) (?:own )?(?:cost|expense)|free of charge|no charge|to help|for you)\b"
)


_IF_NOT_KEYS = (
    "if ", "unless", "should", "failing", "absence", "absent", "otherwise", "or else", ", or ",
)  # fmt: skip


# their things held or lost, said with no actor: "your retention stays with us", "your account
# will be placed on stop"
_THEIRS_HELD = _Lazy(
    r"\byour (?:[\w-]+ ){1,2}?(?:stays?|remains?|will (?:stay|remain|be|go)|is|are|gets?|goes) "
    r"(?:\w+ )?(?:with us|on (?:stop|hold)|withheld|held back|suspended|cancell?ed|frozen|closed|"
    r"terminated|forfeit\w*|reallocated|to (?:another|someone else|the next)|"
    r"off the (?:list|panel|table))\b"
)


def _terms(low: str, starts: list[int]) -> Iterator[Reading]:
    for lo, hi in _sentences_with(low, starts, _IF_NOT_KEYS, _IF_NOT):
        gate = _IF_NOT.search(low, lo, hi)
        if gate is None:
            continue
        date = _BY_A_DATE.search(low, lo, hi)
        if date is None or _FOR_THEM.search(low, lo, hi):
            continue
        held = _THEIRS_HELD.search(low, gate.end(), hi)
        if held is not None:
            move_at = held.span()
        else:
            move = _OUR_NEXT_MOVE.search(low, gate.end(), hi)
            lands = _ON_THEIR_THINGS.search(low, move.end(), hi) if move else None
            if move is None or lands is None or _AT_OUR_COST.search(low, move.end(), hi):
                continue
            move_at = (move.start(), lands.end())
        spans = sorted([gate.span(), date.span(), move_at])
        yield Reading("act-ultimatum", spans[0][0], spans[-1][1], tuple(spans))


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of actor and act in ``wanted`` found in ``low``."""
    found: list[Reading] = []
    if "act-threat" in wanted:
        found += _threats(low, starts, breaks)
    if "act-audience" in wanted:
        found += _audience(low, starts, breaks)
    if "act-blame" in wanted:
        found += _blame(low, starts, breaks)
    if "act-absolute" in wanted:
        found += _absolutes(low, starts)
        found += _each_time(low, starts)
        found += _sweeps(low, starts)
        found += _however_often(low, starts)
    if "act-ultimatum" in wanted:
        found += _terms(low, starts)
    if "act-mock" in wanted:
        found += _mock(low, starts)
        found += _basics(low, starts, breaks)
        found += _too_much(low, starts)
        found += _mock_idea(low, starts)
        found += _talked_down(low, starts)
        found += _as_ever(low, starts)
    return found
