"""The tone check's readings by frame: the shape a sentence takes towards its reader.

Four rounds of blind drafts showed that a new writer finds the one word a list lacks. The
readings here look for the *frame* of a sentence instead, each frame made of a few small,
closed classes of function words (a condition on what the reader does, a modal, a
quantifier, a mark of certainty, an adverb that says "contrary to what we expected") and
only then a class of content words:

- **forced hand** (ultimatums): our next step presented as one the reader forces on us ("you'll
  leave us with little option but to", "we would be obliged to") or as a vague trouble ("or
  we'll have a problem"), tied to what the reader does or does not do;
- **mock excuse** (sarcasm): certainty about an innocent excuse ("I'm sure it was just an
  oversight", "no doubt purely a coincidence") with a count of the earlier ones, or resignation
  to their failures ("we're used to it by now");
- **against expectation** (sarcasm): praise or thanks for something the reader did
  "actually", "for once" or "this time", which says that they usually do not;
- **weighs on the decision** (threats): the way they handle this tied to a decision about
  them ("will weigh heavily in the panel review"), or a decision about them and "I am sure you
  understand our position";
- **word held back** (threats): what we say about them made to depend on this ("so far I've
  held off", "I'd like to be able to say something positive", "a pity if that changed");
- **sweep** (absolutes): a quantifier over their work (every, whoever, whenever, none of your,
  like clockwork) with a failure in the same sentence;
- **incapacity and deflection** (blame): their people said to be unable to do the basics of
  their job ("can't count"), or the fault pushed off us and onto them ("it's not us");
- **simplified for them** (sarcasm): a simplification ("to put it simply", "first
  principles") with a mark that the reader did not understand;
- **counterfactual** (blame): "if she had, we wouldn't be looking at ...".

And **clearances**: a finding of another reading dropped when its frame shows it is meant
kindly (thanks for their patience *while we* looked into it), is a noun and not a verb ("the
trace report"), is a contractual notice given with thanks, or is praise beside a time that
lies ahead rather than a delay.

Each frame and clearance records the labelled sets whose drafts it was written from
(``sets``), so that ``scripts/tone_loso.py`` can measure it leave-one-set-out: scoring a set
with every frame written from it switched off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from triage.engine import tone_clauses
from triage.engine.tone_clauses import Reading

__all__ = ["CLEARANCES", "FRAMES", "NAMES", "cleared", "read"]

Span = tuple[int, int]


class _Lazy(tone_clauses._Lazy):
    """A frame's pattern, compiled the first time a text may hold it, from a program kept
    between runs with all the frames' others in one entry (one file read for all of them,
    where each pattern on its own would cost a read, and compiling one costs more)."""

    __slots__ = ()

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        _EVERY.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            from triage.engine import codecache

            program = _kept().get(self.pattern)
            made = codecache.from_program(self.pattern, 0, program) if program else None
            self._compiled = made if made is not None else codecache.regex(self.pattern)
        return self._compiled


_EVERY: list[_Lazy] = []  # every frame pattern, in the order they are written


@functools.cache
def _kept() -> dict[str, tuple[Any, ...]]:
    """The programs of every frame pattern, from one entry of the code cache; the first run
    compiles them all and keeps them."""
    from triage.engine import codecache

    specs = [(regex.pattern, 0) for regex in _EVERY]
    programs = codecache.kept_programs(specs)
    if programs is None:
        for regex in _EVERY:
            codecache.regex(regex.pattern)
        codecache.keep_regexes(specs)
        return {}
    return {pattern: program for (pattern, _flags), program in zip(specs, programs, strict=True)}


# -- small closed classes ----------------------------------------------------------------
_THEIRS = r"(?:\byou(?! know)\b|\byour\b|\byou guys\b|\byou lot\b|\byou people\b|\bat your end\b)"
_THEIRS_RE = _Lazy(_THEIRS)
_SORRY = _Lazy(r"\b(?:sorry|apolog\w*|regret\w*)\b")
_OUR_FAULT = _Lazy(
    r"\b(?:our|my) (?:own )?(?:fault|error|mistake|slip|part)\b|\bwas ours\b|"
    r"\b(?:errors?|mistakes?|faults?|slips?|problems?|issues?) (?:was |were |is |are )?(?:on|at|"
    r"from) (?:our|my) (?:side|end)\b|"
    r"\bon (?:us|me)\b|\b(?:we|i) (?:got|made|missed|forgot|should have)\b|"
    r"\b(?:errors?|mistakes?|faults?|slips?|problems?|issues?) (?:in|on|with|from|at) (?:our|my)\b"
)
_PRAISE = _Lazy(
    r"\b(?:thanks?|thank you|grateful|appreciat\w*|great|excellent|brilliant|superb|helpful|"
    r"fixed|sorted|resolved|solved|came through|on time|prompt\w*|quick\w*|reliabl\w*|"
    r"courteous|friendly|spot on|right first time|well done|did well|impress\w*)\b"
)
# a negation or a word for something having gone wrong
_FAILURE = _Lazy(
    r"\b(?:not|never|no|none|nothing|nobody|cannot|cant|without|wrong|late|missing|short|"
    r"broken|regressions?|errors?|bugs?|defects?|faults?|mistakes?|fail\w*|lost|disappear\w*|"
    r"vanish\w*|ignor\w*|problems?|issues?|excuses?|delay\w*|chas\w*|complain\w*|damaged|"
    r"incorrect|incomplete|inaccurate|overdue|hole|voicemail|unanswered|redo|rework|"
    r"impossible|another department|square one|same (?:way|story|script|answer|excuse|result))\b|"
    r"n't\b"
)
_NEGATION = _Lazy(r"not|never|no|none|nothing|nobody|cannot|cant|without|n't")
# a negation right before a failure word turns it round: "never once late", "not one error"
_DOUBLE_NEGATIVE = _Lazy(
    r"\b(?:not|never|no|without|n't)(?: \w+){0,3}? (?:late|wrong|errors?|mistakes?|missing|"
    r"short|fail\w*|problems?|issues?|complain\w*|delay\w*)\b"
)


def _holds(low: str, keys: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``keys``, plain substrings one of which every match of a
    frame's anchor holds: most drafts hold none, and a substring test costs far less than a
    scan for a pattern."""
    return any(key in low for key in keys)


def _sentences(low: str, starts: list[int]) -> Iterator[tuple[int, int, int]]:
    for number, lo in enumerate(starts):
        yield number, lo, starts[number + 1] if number + 1 < len(starts) else len(low)


def _paragraph(breaks: list[int], size: int, at: int) -> Span:
    lo, hi = 0, size
    for cut in breaks:
        if cut <= at:
            lo = cut
        else:
            hi = cut
            break
    return lo, hi


def _around(low: str, starts: list[int], breaks: list[int], number: int, width: int) -> Span:
    """The sentence ``number`` and ``width`` sentences either side, within its paragraph."""
    lo = starts[max(0, number - width)]
    last = number + width + 1
    hi = starts[last] if last < len(starts) else len(low)
    p_lo, p_hi = _paragraph(breaks, len(low), starts[number])
    return max(lo, p_lo), min(hi, p_hi)


def _reading(name: str, *matches: re.Match[str] | None) -> Reading:
    spans = sorted(m.span() for m in matches if m is not None)
    return Reading(name, spans[0][0], max(e for _s, e in spans), tuple(spans))


# -- ultimatums: a forced hand, tied to what the reader does ------------------------------
_FORCED = _Lazy(
    r"\b(?:leave|leaves|leaving|left) (?:us|me) (?:with )?(?:little|no|few|limited|not much|"
    r"not many|hardly any) (?:other )?(?:option|options|choice|choices|alternative|"
    r"alternatives|room)\b|"
    r"\b(?:we|i)(?:'d| would| will|'ll| shall| may| might)? (?:then )?(?:be|feel) (?:forced|"
    r"obliged|compelled|constrained) to\b|"
    r"\b(?:we|i)(?:'d| would| will|'ll) (?:then )?have (?:little|no) (?:other )?(?:option|"
    r"choice|alternative)\b|"
    r"\bor (?:else )?(?:we|i)(?:'ll| will| shall|'d| would) (?:have|be) (?:a |an |some )?"
    r"(?:(?:big|real|serious|major) )?(?:problem|issue|trouble|words|a conversation of a "
    r"different kind)s?\b|"
    r"\bthere (?:will|'ll|would) be (?:serious )?(?:consequences|trouble|repercussions)\b|"
    r"\b(?:we|i)(?:'ll| will| would|'d| shall) (?:then )?(?:have|need) to (?!(?:\w+ )?(?:ask|call|"
    r"ring|phone|email|remind|chase|check|talk|speak|meet|wait|plan|rebook|reschedule|move the "
    r"meeting|let you know|send (?:you|a)|follow up|come back|get back|look again at our|order "
    r"more|pay|cover|apologi[sz]e|tell our|update)\b)[\w-]+|"
    r"\b(?:i'?m|we'?re|i am|we are) (?:then )?(?:getting|bringing in|taking|handing|giving) "
    r"(?:\w+ ){0,3}?(?:firm|company|contractor|supplier|builder|agency|business|work|job|"
    r"account)\b|\byou can whistle for\b"
)
_IF_THEY_DO_NOT = _Lazy(
    r"\bif (?:we|i) (?:don't|dont|do not|haven't|have not|can't|cannot|didn't|still don't) "
    r"(?:hear|receive|get|have|see)\b|"
    r"\bif (?:you|your [\w-]+(?: [\w-]+)?|this|that|it|the [\w-]+) (?:still )?(?:don't|dont|do "
    r"not|doesn't|does not|can't|cannot|won't|will not|haven't|have not|hasn't|has not|isn't|"
    r"is not|aren't|are not|fail|fails|refuse|continue|continues|keep|keeps|carry on|"
    r"carries on)\b|"
    r"\bunless\b|\bshould (?:we|i) not\b|\bshould (?:you|your [\w-]+) (?:not|fail)\b|"
    r"\bfailing (?:which|that|this)\b|\botherwise\b|\bor else\b|\bin the absence of\b|"
    r"\bif (?:nothing|no (?:reply|response|payment|answer|word))\b|\bwithout (?:a|your|any) "
    r"(?:reply|response|payment|answer|word)\b|\bif (?:this|it) (?:happens|happened) again\b|"
    r"\b(?:fix|sort|pay|send|sign|return|settle|clear|deliver) [^.;?]{0,60}?\bor (?:we|i)\b"
)
_OUTSIDE_CAUSE = _Lazy(
    r"\b(?:storm|flood\w*|strike|closed|closure|holiday|customs|weather|snow|the council|"
    r"regulations? (?:require|requires)|by law)\b"
)


def _forced_hand(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("leav", "left ", "forced", "obliged", "compelled", "constrained", "option", "choice",
            "alternativ", "problem", "issue", "trouble", "words", "conversation", "consequences",
            "repercussions", "have to", "need to", "getting", "bringing", "taking", "handing",
            "giving", "whistle")  # fmt: skip
    if not _holds(low, keys) or _FORCED.search(low) is None:
        return
    for number, lo, hi in _sentences(low, starts):
        forced = _FORCED.search(low, lo, hi)
        if forced is None:
            continue
        near_lo, _near_hi = _around(low, starts, breaks, number, 1)
        gate = _IF_THEY_DO_NOT.search(low, lo, hi) or _IF_THEY_DO_NOT.search(low, near_lo, lo)
        if gate is None or _OUTSIDE_CAUSE.search(low, lo, hi):
            continue
        yield _reading("frame-forced-hand", gate, forced)


# -- sarcasm: a mock excuse, resignation, and praise against expectation --------------------
_CERTAIN = _Lazy(
    r"\b(?:i'?m|i am|we'?re|we are) (?:quite |absolutely |completely |entirely |totally )?"
    r"(?:sure|certain|confident)\b|\bno doubt\b|\bdoubtless\b|\bsurely\b|\bundoubtedly\b"
)
_EXCUSE = _Lazy(
    r"\b(?:oversight|coincidence|coincidental|accident|accidental|mix-?up|one-?off|glitch|"
    r"blip|teething|unforeseeable|unforeseen|unavoidable|misunderstanding|bad luck|honest "
    r"mistake|fluke|innocent|good reasons?|excellent reasons?|perfectly good|very good "
    r"reasons?|system (?:error|issue)|computer error|admin error|clerical error)\b"
)
_IRONY = _Lazy(
    r"\b(?:purely|definitely|definately|completely|totally|entirely|perfectly|genuinely|"
    r"pure|remarkabl\w*|again|another|yet another|as usual|by now|same as|every time|once "
    r"more|the last (?:two|three|four|five|few|\d+)|like the (?:last|previous|other)|for the "
    r"(?:second|third|fourth|fifth|\w+th) time)\b"
)
_RESIGNED = _Lazy(
    r"\b(?:we'?re|we are|i'?m|i am) (?:\w+ )?used to (?:it|this|that)\b|"
    r"\b(?:we'?ve|we have|i'?ve|i have) come to expect\b|\bpar for the course\b|"
    r"\bno (?:great |real )?surprises? there\b|\bwhat else is new\b|"
    r"\b(?:wouldn't|would not) (?:expect|have expected) (?:anything )?(?:else|less|more)\b|"
    r"\bhardly a surprise\b|\bnot that (?:we|i) (?:expected|expect) (?:any )?(?:different|"
    r"otherwise|better)\b"
)
_EVALUATION = _Lazy(
    r"\b(?:great|good|nice|lovely|wonderful|refreshing|glad|pleased|delighted|thrilled|"
    r"encouraging|reassuring|heartening|fantastic|brilliant) (?:to (?:see|hear|know|get)|"
    r"that)\b|\bthanks?(?: you)?(?: so much| very much)? for\b|\b(?:i|we) (?:really |do )?"
    r"appreciate\b|\bwell done\b|\bcongratulations\b|\bkudos\b|\bimpressive\b"
)
# "contrary to what we expected", said of something they did
_AGAINST_EXPECTATION = _Lazy(
    r"(?:\b(?:you|your [\w-]+(?: [\w-]+)?|someone|somebody|anyone|anybody|they|he|she)"
    r"(?: \w+)? actually\b|\bfor once\b|\bthis time(?! (?:of|last|next|tomorrow|around|"
    r"round)\b)|\bgrac(?:e|ing) (?:us|[\w' ]{0,40}? with your presence)|\bdeign\w*|"
    r"\bwith your presence\b|\b(?:any|a) sign of life\b|\b(?:detailed|thorough|comprehensive|"
    r"full|lengthy|extensive) (?:one|two|three|four|five|single)[- ](?:word|line|sentence)\b)"
)
_KIND_CONTEXT = _Lazy(r"\b(?:meet\w*|visit\w*|catch(?:ing)? up|the new|first time|welcome)\b")


def _mock_excuse(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("sure", "certain", "confident", "doubt", "used to", "expect", "par for", "surprise",
            "what else is new")  # fmt: skip
    if not _holds(low, keys):
        return
    if _CERTAIN.search(low) is None and _RESIGNED.search(low) is None:
        return
    for number, lo, hi in _sentences(low, starts):
        certain = _CERTAIN.search(low, lo, hi)
        if certain is not None:
            excuse = _EXCUSE.search(low, certain.end(), min(hi, certain.end() + 80))
            if (
                excuse is not None
                and not _SORRY.search(low, lo, hi)
                and not _OUR_FAULT.search(low, certain.end(), hi)
            ):
                _near_lo, near_hi = _around(low, starts, breaks, number, 1)
                irony = _IRONY.search(low, lo, hi) or _IRONY.search(low, hi, near_hi)
                if irony is not None:
                    yield _reading("frame-mock-excuse", certain, excuse)
                    continue
        resigned = _RESIGNED.search(low, lo, hi)
        if resigned is not None:
            p_lo, p_hi = _paragraph(breaks, len(low), lo)
            if _THEIRS_RE.search(low, p_lo, p_hi) and _FAILURE.search(low, p_lo, p_hi):
                yield _reading("frame-mock-excuse", resigned)


_BARE_PRAISE = _Lazy(
    r"(?:impressive|brilliant|marvellous|marvelous|fantastic|lovely|great|wonderful|superb|"
    r"splendid|excellent|nice work|great work|good job|well done|bravo|top work)(?:,? really)?"
    r"[.!]+\s*$"
)
_SCARE_QUOTES = _Lazy(r"'[a-z][\w-]*(?: [\w-]+)?'(?!s\b)|\"[a-z][\w-]*(?: [\w-]+)?\"")
_LONGER = _Lazy(
    r"\b(?:longer than|still (?:not|waiting|missing)|weeks? late|days? late|overdue|three weeks|"
    r"again)\b"
)


def _bare_praise(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    if len(starts) < 2:
        return
    for number, lo, hi in _sentences(low, starts):
        if number == 0 or hi - lo > 40:
            continue
        praise = _BARE_PRAISE.search(low, lo, hi)
        if praise is None or low[lo : praise.start()].strip():
            continue
        before_lo = starts[number - 1]
        p_lo, p_hi = _paragraph(breaks, len(low), lo)
        if before_lo < p_lo:
            continue
        cue = (
            _SCARE_QUOTES.search(low, p_lo, p_hi)
            or _FAILURE.search(low, before_lo, lo)
            or _LONGER.search(low, before_lo, lo)
        )
        if cue is None or _SORRY.search(low, p_lo, p_hi) or _PRAISE.search(low, before_lo, lo):
            continue
        yield _reading("frame-against-expectation", cue, praise)


def _against_expectation(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("actually", "for once", "this time", "grac", "deign", "presence", "sign of life",
            "word", "line", "sentence")  # fmt: skip
    if not _holds(low, keys) or _AGAINST_EXPECTATION.search(low) is None:
        return
    for _number, lo, hi in _sentences(low, starts):
        praise = _EVALUATION.search(low, lo, hi)
        if praise is None:
            continue
        against = _AGAINST_EXPECTATION.search(low, praise.end(), hi)
        if against is None or _SORRY.search(low, lo, hi) or "?" in low[lo:hi]:
            continue
        if _KIND_CONTEXT.search(low, praise.end(), against.start()):
            continue
        yield _reading("frame-against-expectation", praise, against)


# -- simplified for them --------------------------------------------------------------------
_SIMPLIFIED = _Lazy(
    r"\bto put it (?:as )?(?:simply|plainly|bluntly|in (?:plain|simple) (?:terms|english))\b|"
    r"\bput (?:very )?simply\b|\bin (?:very )?(?:simple|plain|layman'?s?) (?:terms|english|"
    r"words)\b|\b(?:back to|from|go back to) (?:first principles|basics|the basics)\b|"
    r"\bfirst principles\b|\bthe (?:very )?basics\b|\b(?:let me|i'?ll|allow me to) (?:spell "
    r"(?:it|this) out|break (?:it|this) down|explain (?:it|this) (?:again|once more|slowly|"
    r"simply))\b|\bstep by step\b|\b(?:simple|basic|easy) (?:maths|math|arithmetic|sums)\b|"
    r"\b(?:reads|looks|read|look) like (?:a |the )?(?:first attempt|draft|homework|school project|"
    r"work) (?:\w+ ){0,3}?(?:by|from|of) (?:someone|a|an) (?:on work experience|junior|trainee|"
    r"student|intern|child|beginner|apprentice|first-year)\b|\bin case (?:it|this) (?:wasn't|was not|isn't|is not) "
    r"(?:clear|obvious)\b"
)
_DID_NOT_UNDERSTAND = _Lazy(
    r"\b(?:confusion|confused|unfamiliar|not familiar|new to|haven't dealt|have not dealt|"
    r"never dealt|may not (?:know|realise|realize|be aware)|might not (?:know|realise|realize|"
    r"be aware)|understandable if|i hope (?:that|this) (?:clarifies|helps|makes (?:it|things) "
    r"clear)|juniors?|trainees?|work experience|more experienced|didn't (?:seem to )?land|"
    r"the first (?:two|few|three) (?:explanations|times)|(?:not sure|don't know|do not know) "
    r"how (?:else|much more (?:clearly|simply)) (?:to|i can|we can) (?:put|say|explain) it|"
    r"(?:first attempt|draft|homework|project)|(?:have|has) to match|is (?:the|a) "
    r"(?:document|thing|number|figure|form|line) (?:in which|that|where|at the)|how (?:\w+ )"
    r"{0,3}(?:works?|is done|are done))\b"
)
_OUR_NEW_THING = _Lazy(
    r"\b(?:new|our|the) (?:portal|system|platform|tool|app|software|process|form|format|layout|"
    r"dashboard|template)\b"
)


def _simplified(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("put it", "simply", "simple", "plain", "layman", "principles", "basics", "spell",
            "break", "explain", "step by step", "in case", "math", "arithmetic", "sums",
            "reads like", "looks like", "read like", "look like")  # fmt: skip
    if not _holds(low, keys) or _SIMPLIFIED.search(low) is None:
        return
    for number, lo, hi in _sentences(low, starts):
        simple = _SIMPLIFIED.search(low, lo, hi)
        if simple is None:
            continue
        near_lo, near_hi = _around(low, starts, breaks, number, 1)
        if _OUR_NEW_THING.search(low, near_lo, near_hi):
            continue
        mark = _DID_NOT_UNDERSTAND.search(low, near_lo, near_hi)
        if mark is None:
            continue
        yield _reading("frame-simplified", simple, mark)


# -- threats: the handling weighs on a decision; our word about them held back ---------------
_WEIGHS = _Lazy(
    r"\b(?:will|would|'ll|is going to|are going to|may|might|could|must|inevitably) (?:\w+ )?"
    r"(?:weigh|count against|factor|feature|figure|bear on|colou?r|play (?:a|into))\w*|"
    r"\b(?:will|would|'ll|may|might|must) be (?:taken into (?:account|consideration)|borne in "
    r"mind|factored in|remembered|on the table)\b"
)
_DECISION = _Lazy(
    r"\b(?:review\w*|panel|renewals?|renew\w*|tender\w*|re-?tender\w*|discussions?|decisions?|"
    r"next year|award|extension|preferred (?:supplier|partner)|supplier list|approved list|"
    r"future (?:work|business|orders|relationship)|going forward|scorecard|rating|"
    r"allocation|shortlist\w*|framework)\b"
)
_THEIR_INPUT = _Lazy(
    r"\b(?:your|the) (?:\w+ )?(?:proposal|feedback|input|views|comments|suggestions|quote|"
    r"bid|tender|submission|offer|pricing|presentation|references?)\b|\bin your favou?r\b|"
    r"\bpositive\w*\b|\bcredit\b"
)
# a decision or a judgement about them by someone with a say: "they will no doubt ask why
# your firm could not", "whether we carry on with your team", "top of their agenda"
_JUDGED = _Lazy(
    r"\b(?:will|'ll|would|are going to|is going to) (?:no doubt |surely |certainly |probably |"
    r"be sure to |definitely )?(?:ask|want to know|wonder|question|query) (?:why|how) (?:your|you)"
    r"\b|\bwhether (?:we|i) (?:carry on|continue|keep|renew|stay|stick|go on) (?:\w+ )?with "
    r"(?:you|your)\b|\b(?:top of|high on) (?:their|the|its) (?:agenda|list)\b|"
    r"\b(?:looking|going|digging) (?:closely |carefully |hard )?(?:at|through|into) (?:the way|"
    r"how) (?:[\w-]+ ){0,6}?(?:was |were |has been |have been )?(?:handled|managed|run|done|"
    r"dealt with|conducted) (?:on|at|by) your\b|\b(?:approached|contacted|called|courted) by "
    r"(?:\w+ )?(?:of )?your (?:competitors|rivals)\b|\byour (?:competitors|rivals)(?: \w+){0,4}? "
    r"(?:calls|offers?|quotes?|approached)\b"
)
_UNDERSTAND_OUR_POSITION = _Lazy(
    r"\b(?:i'?m|i am|we'?re|we are) sure you (?:will |can |'ll )?(?:understand|appreciate|"
    r"see) (?:our|my) (?:position|point|concerns?|situation)\b|\bi trust you (?:will )?"
    r"(?:understand|appreciate|see) (?:our|my) (?:position|point)\b|\byou(?:'ll| will) "
    r"(?:understand|appreciate) (?:our|my) position\b|\b(?:draw|reach) your own conclusions?\b|"
    r"\bbear (?:that|this) in mind\b|\bi'?ll leave (?:that|it) with you\b|\bread between the "
    r"lines\b|\ba word to the wise\b"
)


def _weighs(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("how", "why you", "whether", "agenda", "list", "the way", "competitor", "rival",
            "weigh", "count against", "factor", "feature", "figure", "bear on", "colo", "play ",
            "taken into", "borne in", "remembered", "on the table", "sure you", "trust you",
            "position", "conclusion", "in mind", "with you", "between the lines",
            "word to the wise")  # fmt: skip
    if not _holds(low, keys):
        return
    if not (_JUDGED.search(low) or _WEIGHS.search(low) or _UNDERSTAND_OUR_POSITION.search(low)):
        return
    for number, lo, hi in _sentences(low, starts):
        judged = _JUDGED.search(low, lo, hi)
        if judged is not None and not _SORRY.search(low, lo, hi) and "?" not in low[lo:hi]:
            yield _reading("frame-weighs", judged)
            continue
        weighs = _WEIGHS.search(low, lo, hi)
        if weighs is not None:
            decision = _DECISION.search(low, lo, hi)
            if decision is not None and not _THEIR_INPUT.search(low, lo, weighs.end() + 40):
                yield _reading("frame-weighs", weighs, decision)
                continue
        coda = _UNDERSTAND_OUR_POSITION.search(low, lo, hi)
        if coda is not None:
            near_lo, near_hi = _around(low, starts, breaks, number, 2)
            decision = _DECISION.search(low, near_lo, near_hi)
            if decision is not None and not _SORRY.search(low, lo, hi):
                yield _reading("frame-weighs", decision, coda)


_HELD_BACK = _Lazy(
    r"\b(?:pity|shame|sad|unfortunate|hate|not like|a loss) (?:for (?:that|this|things|it) "
    r"to |if (?:that|this|things|it|anything|our \w+) (?:were to |had to |was to |would )?)"
    r"(?:change|changed|go|went|end|ended|stop|stopped|be affected|suffer)\b|"
    r"\b(?:like|love|prefer|want|hope) to (?:be able to )?(?:say|write|tell|give|report|share|"
    r"post|leave) (?:something|only|a) (?:positive|good|nice|glowing|kind|great)\b|"
    r"\bso far,? (?:i|we)(?:'ve| have)? held (?:off|back)\b|\b(?:the|a) chance to (?:respond|"
    r"reply|put (?:it|this|things) right|sort (?:it|this) out|make (?:it|this) right) (?:first|"
    r"before)\b|\b(?:i|we)(?:'ve| have) held "
    r"(?:off|back)(?: \w+){0,4}? (?:so far|for now|until now)\b"
)
_AUDIENCE = _Lazy(
    r"\b(?:peers?|network|reviews?|write-?up|recommend\w*|colleagues|others|other (?:\w+ )?"
    r"(?:customers|clients|members|firms|businesses|buyers)|people|community|members|"
    r"online|linkedin|trustpilot|tripadvisor|yelp|google|g2|group|association|industry|trade|"
    r"word|post|publish\w*)\b"
)


def _held_back(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("pity", "shame", "sad", "unfortunate", "hate", "not like", "a loss", "positive",
            "good", "nice", "glowing", "kind", "great", "held", "chance to")  # fmt: skip
    if not _holds(low, keys) or _HELD_BACK.search(low) is None:
        return
    for _number, lo, hi in _sentences(low, starts):
        held = _HELD_BACK.search(low, lo, hi)
        if held is None:
            continue
        p_lo, p_hi = _paragraph(breaks, len(low), lo)
        audience = _AUDIENCE.search(low, p_lo, p_hi)
        if audience is not None:
            yield _reading("frame-held-back", audience, held)


# -- absolutes: a sweep over their work with a failure ---------------------------------------
# ("whoever you nominate", "whenever suits you" hand them the choice: no sweep)
_SWEEP = _Lazy(
    r"\bevery (?:single )?(?:one of (?:your|the) |time |(?!(?:\d+|other|two|three|four|six|few|"
    r"couple|day|week|month|year|quarter|morning|evening|hour|minute|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|weekday|so often)\b)[\w-]+)|\beach and every\b|"
    r"\bwhenever\b(?! (?:it |that )?suits? you\b| you (?:like|want|wish|prefer|are ready|can)\b)|"
    r"\bwhoever\b(?! you (?:nominate|choose|name|prefer|want|like|suggest|decide on|appoint|"
    r"pick|wish|think best)\b)|\bnone of your\b|\b(?:no one|nobody|anyone|anybody) (?:at|in|"
    r"from|on) your\b|\blike clockwork\b|\bwithout fail\b|\binvariably\b|\btime after time\b|"
    r"\bagain and again\b|\bover and over\b|\bimpossible to get\b"
)
_FROM_THEIR_PEOPLE = _Lazy(
    r"\b(?:out of|from|hold of|through to) (?:you|your|anyone|anybody|someone|somebody|any of)\b"
)
_QUESTION_OR_IF = _Lazy(r"\?|\b(?:if|could|would you|can you|please)\b")
# a habit that is a failure by its shape: "another run, another set of corrections", "no matter
# how many times we ask", "I can't remember the last time", "have a habit of"
_HABIT = _Lazy(
    r"\banother [\w-]+(?: [\w-]+)?, another\b|\bno matter how (?:many times|often|much)\b|"
    r"\b(?:can't|cannot|can not|don't|do not) (?:\w+ )?remember the last time\b|"
    r"\b(?:have|has|had) a (?:bit of a |real )?habit of\b|\bgets? us the same\b|"
    r"\bthe same (?:script|excuse|runaround|old)\b|\bnot (?:one|a single)(?: of (?:them|"
    r"those|these|your \w+))? (?:has|have|was|were|is|came|has come)\b"
)
_OUR_THING = _Lazy(r"(?: [\w-]+){0,3}? (?:to|of|from|at|on|in|for) (?:our|my|us)\b")
_ACTOR = _Lazy(
    r"\b(?:(?P<ours>we|i|we've|i've|we're|i'm|we'd|i'd|we'll|i'll|our|my)|(?P<theirs>you|your|"
    r"you've|you're|they|their))\b"
)
# what we do in a sweep without being the ones at fault: we ask, we receive, we find
_WE_ASK_OR_FIND = _Lazy(
    r"\s+(?:(?:just|then|still|always|only|now|have|has|had|'ve) )*(?:find|found|get|got|"
    r"receive|received|see|saw|discover|discovered|end up|ended up|have to|had to|are left|"
    r"were left|hear|heard|raise|raised|send|sent|ask|asked|log|logged|report|reported|ring|"
    r"rang|call|called|email|emailed|chase|chased|submit|submitted|place|placed|order|ordered|"
    r"book|booked|speak|spoke|talk|talked|deal)\b"
)


def _failing_side(low: str, lo: int, at: int) -> str:
    """'ours' or 'theirs' (or '') for the last actor before ``at`` in its sentence: the one
    a failure there is said of. "We" who ask, find or receive are not at fault."""
    last = None
    for last in _ACTOR.compiled.finditer(low, lo, at):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return ""
    if last.group("theirs"):
        return "theirs"
    return "theirs" if _WE_ASK_OR_FIND.compiled.match(low, last.end()) else "ours"


def _sweep(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("another", "no matter how", "remember the last time", "habit of", "the same",
            "not one", "not a single", "every", "whenever", "whoever", "none of your", "no one",
            "nobody", "anyone", "anybody", "clockwork", "without fail", "invariably",
            "time after time", "again and again", "over and over", "impossible to get")  # fmt: skip
    if not _holds(low, keys):
        return
    if _HABIT.search(low) is None and _SWEEP.search(low) is None:
        return
    for number, lo, hi in _sentences(low, starts):
        habit = _HABIT.search(low, lo, hi)
        # a negative habit with a failure after it is praise: "I can't remember the last
        # time they turned up *without* the parts", "not one of them has been *late*"
        if (
            habit is not None
            and habit.group().startswith(("not ", "can", "don", "do "))
            and _FAILURE.search(low, habit.end(), hi)
        ):
            habit = None
        if habit is not None:
            p_lo, p_hi = _paragraph(breaks, len(low), lo)
            if (
                _THEIRS_RE.search(low, p_lo, p_hi)
                and not _OUR_FAULT.search(low, lo, hi)
                and "?" not in low[lo:hi]
                and not _SORRY.search(low, lo, hi)
                and ("remember the last time" in habit.group() or not _PRAISE.search(low, lo, hi))
            ):
                yield _reading("frame-sweep", habit)
                continue
        sweep = _SWEEP.search(low, lo, hi)
        if sweep is None or _OUR_THING.compiled.match(low, sweep.end()):
            continue
        theirs = _THEIRS_RE.search(low, lo, hi)
        failure = _FAILURE.search(low, sweep.end(), hi)
        if failure is None and sweep.group().startswith("impossible"):
            # a failure itself, when what cannot be had is to come from their people
            failure = _FROM_THEIR_PEOPLE.search(low, sweep.end(), hi)
        if failure is None:
            # a word for a failure (not a bare negation) just before, in the same clause
            before = max(low.rfind(";", lo, sweep.start()), low.rfind(",", lo, sweep.start()))
            failure = _FAILURE.search(low, max(lo, before + 1, sweep.start() - 60), sweep.start())
            if failure is not None and _NEGATION.compiled.fullmatch(failure.group()):
                failure = None
        if failure is None and sweep.group().startswith("like clockwork"):
            # "like clockwork" is praise unless the sentence before is about a failure
            near_lo, _ = _around(low, starts, breaks, number, 1)
            failure = _FAILURE.search(low, near_lo, lo)
        if theirs is None or failure is None:
            continue
        if failure.start() > sweep.start() and _failing_side(low, lo, failure.start()) == "ours":
            continue
        if _DOUBLE_NEGATIVE.search(low, lo, hi) or _PRAISE.search(low, lo, hi):
            continue
        if _OUR_FAULT.search(low, lo, hi) or _QUESTION_OR_IF.search(low, lo, hi):
            continue
        yield _reading("frame-sweep", sweep, failure)


# -- blame: incapacity, deflection, and a counterfactual --------------------------------------
_INCAPABLE = _Lazy(
    r"(?:\byou\b|\byour [\w-]+(?: [\w-]+)?|\bthey\b|\bthat lot\b|\byou guys\b)(?: \w+){0,2}? "
    r"(?:can't|cant|cannot|can not|couldn't|couldnt|could not|don't know how to|dont know how "
    r"to|doesn't know how to|are unable to|is unable to|aren't able to|seem unable to|never "
    r"learned to|struggle to)(?: even)? (?:count|read|spell|add(?: up)?|follow(?: (?:simple|"
    r"basic|clear|written))? instructions|tell the difference|measure|pack|listen|write|do "
    r"(?:their|your) (?:job|jobs)|get (?:anything|a single \w+|the basics) right|do basic "
    r"\w+|do simple \w+)\b"
)
_DESPITE_OURS = _Lazy(
    r"\bdespite (?:the|our|my|a|clear) (?:[\w-]+ ){0,4}?(?:we|i) (?:had )?(?:gave|sent|"
    r"provided|supplied|shared|issued|emailed)(?: (?:to|with))? (?:you|your)\b"
)
_BECAUSE_OF_OURS = _Lazy(r"\b(?:our|my) [\w-]+(?: [\w-]+)? (?:was|were|had|came)\b")
_NOT_US = _Lazy(
    r"\b(?:it'?s|its|it is|this is|that'?s|thats|that is|the (?:problem|issue|fault|error) "
    r"is) (?:definitely |certainly |clearly |simply |just )?not (?:us|on us|our (?:fault|"
    r"problem|doing|issue|mistake)|at our end|on our (?:side|end))\b(?! who)"
)


def _incapable(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    keys = ("can't", "cant", "cannot", "can not", "couldn't", "couldnt", "could not",
            "know how to", "able to", "never learned", "struggle to", "despite", "not us",
            "not on us", "not our", "not at our")  # fmt: skip
    if not _holds(low, keys):
        return
    if not (_INCAPABLE.search(low) or _DESPITE_OURS.search(low) or _NOT_US.search(low)):
        return
    for _number, lo, hi in _sentences(low, starts):
        p_lo, p_hi = _paragraph(breaks, len(low), lo)
        ours = _OUR_FAULT.search(low, p_lo, p_hi) or _SORRY.search(low, p_lo, p_hi)
        unable = _INCAPABLE.search(low, lo, hi)
        if unable is not None and not ours and not _BECAUSE_OF_OURS.search(low, lo, hi):
            yield _reading("frame-incapable", unable)
            continue
        despite = _DESPITE_OURS.search(low, lo, hi)
        if despite is not None and not ours:
            yield _reading("frame-incapable", despite)
            continue
        not_us = _NOT_US.search(low, lo, hi)
        if (
            not_us is not None
            and _THEIRS_RE.search(low, p_lo, p_hi)
            and not _SORRY.search(low, p_lo, p_hi)
        ):
            yield _reading("frame-incapable", not_us)


_COUNTERFACTUAL = _Lazy(
    r"\bif (?:he|she|they|you|your [\w-]+(?: [\w-]+)?|(?:some|any)(?:one|body)(?: (?:at|in|on) "
    r"your \w+)?) (?:had|hadn't|had not|'d)\b(?! (?:any|more|a chance|time|questions))"
    r"[^.;?]{0,100}?\b(?:we|i|none of this|this|it)(?:'d| would| wouldn't| would not| "
    r"could| couldn't)\b"
)


def _counterfactual(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    if "if " not in low or not _holds(low, ("had", "'d")) or _COUNTERFACTUAL.search(low) is None:
        return
    for _number, lo, hi in _sentences(low, starts):
        if_had = _COUNTERFACTUAL.search(low, lo, hi)
        if if_had is None or _SORRY.search(low, lo, hi) or _PRAISE.search(low, lo, hi):
            continue
        yield _reading("frame-counterfactual", if_had)


# -- the table --------------------------------------------------------------------------------
Reader = Callable[[str, list[int], list[int]], Iterator[Reading]]


class Frame(NamedTuple):
    """A reading by frame: its name, the function that reads it, and the labelled sets
    whose misses it was written from (for leave-one-set-out scoring)."""

    name: str
    reads: Reader
    sets: frozenset[str]


FRAMES: list[Frame] = [
    Frame("frame-forced-hand", _forced_hand, frozenset({"tone24", "house"})),
    Frame("frame-mock-excuse", _mock_excuse, frozenset({"tone20", "tone22", "tone24"})),
    Frame("frame-against-expectation", _against_expectation, frozenset({"tone16", "house"})),
    Frame("frame-against-expectation", _bare_praise, frozenset({"house"})),
    Frame("frame-simplified", _simplified, frozenset({"tone20", "tone22", "tone24", "house"})),
    Frame("frame-weighs", _weighs, frozenset({"tone22", "tone24", "house"})),
    Frame("frame-held-back", _held_back, frozenset({"tone22", "house"})),
    Frame("frame-sweep", _sweep, frozenset({"tone16", "tone20", "tone22", "tone24", "house"})),
    Frame("frame-incapable", _incapable, frozenset({"tone24", "house"})),
    Frame("frame-counterfactual", _counterfactual, frozenset({"tone22"})),
]
NAMES = frozenset(frame.name for frame in FRAMES)

# The words each labelled set added to the classes above: the frames were grouped from the
# misses of several sets, but some words came from one draft alone. Leaving a set out
# (``held_out``) drops every reading whose cues hold one of its words, so a set is scored only
# with what the other sets taught. Words that were there before any set are not listed.
WRITTEN_FROM: dict[str, tuple[str, ...]] = {
    "tone16": ("impossible", "anyone at your", "actually", "this time", "great to see"),
    "tone20": ("whoever", "none of your", "unforeseeable", "no doubt", "didn't seem to land",
               "the first two", "step by step"),
    "tone22": ("coincidence", "purely", "first principles", "is the document in which",
               "i hope that clarifies", "bear that in mind", "held off", "something positive",
               "pity if that changed", "peers", "network", "every query", "disappear",
               "hole", "if she had", "if he had"),
    "tone24": ("leave us", "leaves us", "left us", "leaving us", "problem", "oversight",
               "used to it", "the last two", "same as", "definately", "confusion",
               "haven't dealt", "understandable if", "juniors", "the basics", "have to match",
               "weigh", "discussions", "our position", "like clockwork", "regressions",
               "can't count", "cant count", "its not us", "it's not us"),
}  # fmt: skip
held_out: frozenset[str] = frozenset()  # sets left out, for leave-one-set-out scoring only


def _taught_by_held_out(low: str, reading: Reading) -> bool:
    words = [word for name in held_out for word in WRITTEN_FROM.get(name, ())]
    return any(word in low[s:e] for s, e in reading.cues for word in words)


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading by frame in ``wanted`` found in ``low`` (ASCII letters lowered)."""
    found: list[Reading] = []
    for frame in FRAMES:
        if frame.name in wanted:
            found += frame.reads(low, starts, breaks)
    if held_out:
        found = [r for r in found if not _taught_by_held_out(low, r)]
    return found


# -- clearances: another reading's finding, meant kindly by its frame --------------------------
class Clearance(NamedTuple):
    """A frame that shows a finding of ``rules`` (rule ids) or ``categories`` is meant kindly:
    ``test(low, sentence_lo, sentence_hi, paragraph_lo, paragraph_hi, lo, hi)``."""

    name: str
    rules: frozenset[str]
    categories: frozenset[str]
    test: Callable[[str, int, int, int, int, int, int], bool]
    sets: frozenset[str]


# thanks for their patience with a process of ours: "while we looked into it"
_PATIENCE_WHILE_WE = _Lazy(
    r"\bthanks?(?: you)?(?: so much| very much)? for (?:your|bearing with us)(?: \w+){0,2}?"
    r"(?: patience| understanding)?\b[^.;]{0,20}?\b(?:while|whilst|as) (?:we|i|our)\b"
    r"(?! (?:\w+ )?(?:waited|were waiting|have been waiting|chased|were chasing))"
)
# "trace", "track" as a noun: "the trace report", "the tracking number"
_TRACE_NOUN = _Lazy(
    r"^(?:trace|tracking|tracked) (?:report|number|id|log|results?|details|reference)\b"
)
# a notice under the contract, given with thanks or help
_UNDER_THE_CONTRACT = _Lazy(r"\bunder (?:clause|section|paragraph|article) \d")
_WARMTH = _Lazy(
    r"\b(?:thank you for|thanks for|happy to help|glad to help|(?:smooth|orderly) "
    r"(?:handover|transition)|good years|working together)\b"
)
# a time that lies ahead, not a delay: "the next one is in three weeks"
_AHEAD = _Lazy(
    r"\b(?:next (?:\w+ )?(?:is|will be)|(?:is|will be|'s) (?:only |not )?(?:available )?) ?"
    r"(?:in|within) (?:another |a further )?(?:\w+ )?(?:days?|weeks?|months?|hours?)$"
)


def _kind_patience(low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int) -> bool:
    return _PATIENCE_WHILE_WE.search(low, s_lo, s_hi) is not None


def _trace_noun(low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int) -> bool:
    return _TRACE_NOUN.compiled.match(low[lo:hi]) is not None


def _notice_with_thanks(
    low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int
) -> bool:
    return bool(_UNDER_THE_CONTRACT.search(low, s_lo, s_hi) and _WARMTH.search(low, p_lo, p_hi))


def _time_ahead(low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int) -> bool:
    # the finding ends on its time cue: is that time said to lie ahead?
    return _AHEAD.search(low[max(p_lo, hi - 60) : hi]) is not None


# our word about them already given, and kindly: "I've happily passed on your number"
_WORD_GIVEN = _Lazy(
    r"\b(?:happily|gladly|always) (?:passed on|recommended|given|gave|put forward|shared)\b|"
    r"\b(?:passed on|given|gave) (?:them )?your (?:number|details|name)\b"
)


def _word_given(low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int) -> bool:
    return _WORD_GIVEN.search(low, p_lo, p_hi) is not None


# the goal both sides share, said as a state to reach: "What we both want is month-end closes
# that your bank customers never notice" describes where we are going, not their record
_GOAL_FRAME = _Lazy(
    r"(?:what we both want|what both of us want|our (?:shared|common|joint) (?:goal|aim)|"
    r"the (?:goal|aim) we share) (?:is|are|would be)\b"
)


def _shared_goal(low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int) -> bool:
    return _GOAL_FRAME.compiled.match(low, s_lo) is not None


# their own words quoted back to them, to show we heard them: 'You wrote that our handling had
# been "slow, dismissive and frankly unprofessional"'. The words inside the quotation marks are
# theirs, reported, not ours; words outside them are read as usual.
_REPORTED = _Lazy(
    r"\b(?:you (?:wrote|said|say|write|told us|described|called|put it|mentioned|felt|feel|"
    r"complained)|your (?:email|letter|message|note|complaint|team)(?: of [\w ]{1,20})? "
    r"(?:said|says|called|described|put it)|in your (?:own )?words|as you put it)\b"
)


# A quotation in single or curly marks: 'We have been left in the dark ...'. An apostrophe
# inside a word ("doesn't") does not close it.
_QUOTATION = _Lazy(
    r"(?:(?<=[\s:(])|^)['\u2018\u201c]((?:[^'\u2018\u2019\u201c\u201d\"]|(?<=\w)['\u2019](?=\w))+?)"
    r"['\u2019\u201d](?=[\s.,;:!?)]|$)"
)


def _their_words_quoted(
    low: str, s_lo: int, s_hi: int, p_lo: int, p_hi: int, lo: int, hi: int
) -> bool:
    for quoted in _QUOTATION.compiled.finditer(low, p_lo, p_hi):
        inside = quoted.start(1) <= lo < quoted.end(1) or quoted.start(1) < hi <= quoted.end(1)
        if not inside or len(quoted.group(1).split()) > 25:
            continue
        opened = quoted.start()
        if _REPORTED.search(low, max(p_lo, opened - 120), opened) is not None:
            return True
    # the finding begins or ends inside the quotation (its weight falls on the quoted words)
    for at in (lo, hi - 1):
        opened = low.rfind('"', p_lo, at)
        if opened == -1 or low.count('"', p_lo, at) % 2 == 0:
            continue  # not inside a quotation
        closed = low.find('"', at, p_hi)
        if closed == -1 or len(low[opened:closed].split()) > 25:
            continue
        if _REPORTED.search(low, max(p_lo, opened - 120), opened) is not None:
            return True
    return False


CLEARANCES: list[Clearance] = [
    Clearance("thanks for patience with our process", frozenset(), frozenset({"sarcasm"}),
              _kind_patience, frozenset({"tone24"})),
    Clearance("trace as a noun", frozenset(), frozenset({"blame"}),
              _trace_noun, frozenset({"tone24"})),
    Clearance("a contractual notice with thanks", frozenset({"formal-notice"}), frozenset(),
              _notice_with_thanks, frozenset({"tone24"})),
    Clearance("a time ahead, not a delay", frozenset({"reading-mock-praise-or-talking-down"}),
              frozenset(), _time_ahead, frozenset({"tone24"})),
    Clearance("our word about them already given kindly", frozenset(), frozenset({"threats"}),
              _word_given, frozenset({"house"})),
    Clearance("the goal both sides share", frozenset(), frozenset({"absolutes"}),
              _shared_goal, frozenset({"house"})),
    Clearance("their own words quoted back", frozenset(),
              frozenset({"absolutes", "blame", "liability", "sarcasm", "threats", "ultimatums"}),
              _their_words_quoted, frozenset({"house"})),
]  # fmt: skip


def cleared(low: str, starts: list[int], breaks: list[int], lo: int, hi: int, rule: str,
            category: str) -> bool:  # fmt: skip
    """Whether a finding of ``rule`` (``category``) over ``low[lo:hi]`` is meant kindly."""
    import bisect

    number = bisect.bisect_right(starts, lo) - 1
    s_lo = starts[number]
    s_hi = starts[number + 1] if number + 1 < len(starts) else len(low)
    p_lo, p_hi = _paragraph(breaks, len(low), lo)
    for clearance in CLEARANCES:
        if (rule in clearance.rules or category in clearance.categories) and clearance.test(
            low, s_lo, s_hi, p_lo, p_hi, lo, hi
        ):
            return True
    return False
