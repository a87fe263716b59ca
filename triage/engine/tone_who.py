"""The tone check's reading of who is judged, who pays and who decides, clause by clause.

The phrase rules and the earlier readings know a move by its words; a new writer brings
new words. These readings look for the roles a move gives each side instead, each as a
pair of small closed classes that a sentence needs both of:

- **their competence as the topic** (sarcasm: talking down): the reader, or "everyone",
  said to lack the knowledge, the experience or the skill ("new to", "not everyone's
  strong suit", "may be confusing for you"), beside our concession or our help for it
  ("I appreciate", "it is understandable", "so I've highlighted"); about us, or at their
  request, it is ordinary;
- **relief with a worse case imagined** (sarcasm): "I'd hate to see what the standard
  service looks like", "nothing says valued partner like finding out from the invoice":
  a comparison with something worse, or a virtue said to be shown by a failure;
- **an offer that expires** (ultimatums): a figure, offer or terms good until a date, and
  then our refusal to look at it again ("we won't be revisiting it after that");
- **the relationship as the alternative** (ultimatums): "otherwise", "or else", "if not",
  and then the cooperation, relationship or business itself given up;
- **the cause traced to them** (blame): a problem as the subject, a verb of origin ("came
  from", "lies with", "started with") and their side or their agent as its source; our
  side or an outside cause as the source is a fact;
- **every loss, paid by us, in any voice** (liability): "any loss ... will be compensated
  by us in full", "all costs you incur will be covered": a universal over losses and a verb
  of paying them, active or passive;
- **a tally over their work** (absolutes): "not a single forecast this year has reached us
  on time": a negated universal over their deliveries across a period, said of them;
- **an outside firm reading the file** (threats): a firm's name ("Hargreaves & Lowe", "...
  LLP") asked to look over the correspondence or where we stand.

:func:`cleared` holds the other direction, findings of other readings that the roles show
are not meant against them: their own person as the one who told us the fact ("your
supervisor mentioned that three pallets arrived torn"), a sweeping word inside praise of
what they did ("kept our team in the loop at every step"), and lawyers making a document
ready for both sides to sign.

:func:`read` returns :class:`~triage.engine.tone_clauses.Reading` tuples named
``who-...``; the rules of the same names in ``tone-rules.toml`` give each its words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from triage.engine.tone_clauses import Reading, _Lazy
from triage.engine.tone_moves import _anchored, _cues

__all__ = ["NAMES", "cleared", "read"]

NAMES = frozenset(
    (
        "who-competence",
        "who-worse-imagined",
        "who-offer-expires",
        "who-relationship-alternative",
        "who-cause-theirs",
        "who-every-loss",
        "who-tally",
        "who-firm-reads-file",
    )
)

_US = r"(?:we|i|we'll|i'll|we'd|i'd|we've|i've|we're|i'm|us|our|my)"

# -- their competence as the topic ------------------------------------------------------------
_LACK = _Lazy(
    r"\b(?:(?:aren't|isn't|are not|is not|not) (?:always )?(?:everyone's|everybody's|your|"
    r"anyone's|your team's|every \w+'s) (?:strong (?:suit|point)|forte|area|speciality|specialty|"
    r"cup of tea|thing|first language|idea of (?:fun|a good time|light reading|\w+ reading)|"
    r"favou?rite (?:\w+ )?reading)|(?:may|might|would|will) not be (?:an area|something|a field|a "
    r"topic|the kind of thing|a part of the job|work) (?:that )?(?:you|your (?:[\w-]+ ){1,2}?)"
    r"(?:deal|deals|work|works|handle|handles|come|comes|see|sees|are|is)(?: across| with| in| "
    r"familiar with)? (?:often|much|every day|regularly|day to day|very often|a lot|all the time)|(?:you|your team|your (?:\w+ )?(?:staff|people|team|"
    r"side|company|firm|business))(?:'re| are| is| seem| seem to be| may be| might be)? "
    r"(?:still |relatively |fairly |quite |rather |a (?:little|bit) )?(?:new to|unfamiliar "
    r"with|not (?:very |too |that )?familiar with|inexperienced|less experienced|not used to|"
    r"not an expert|no experts?)|(?:may|might|can|could) (?:\w+ )?(?:be|seem|look|get) "
    r"(?:a (?:little|bit) |quite |rather |somewhat )?(?:confusing|complicated|daunting|tricky|"
    r"hard to follow|difficult to follow|a lot to take in)(?: (?:for|to) (?:you|your|someone|"
    r"those|people|newcomers|a \w+))?|(?:easy|easier) to (?:misread|misunderstand|get wrong|"
    r"confuse|mix up) (?:for|if) (?:you|someone|anyone))\b"
)
_LACK_KEYS = (
    "strong suit", "strong point", "forte", "area", "special", "cup of tea", "thing",
    "first language", "idea of", "reading", "an area", "something", "kind of thing", "new to", "familiar", "experience", "used to", "expert", "confusing",
    "complicated", "daunting", "tricky", "to follow", "take in", "misread", "misunderstand",
    "get wrong", "mix up", "confuse",
)  # fmt: skip
# our concession, or our help for their lack, in the same sentence
_INDULGE = _Lazy(
    r"\b(?:i (?:appreciate|understand|realise|realize|recognise|recognize|get|know)|(?:it's|it "
    r"is|that's|that is|this is) (?:completely |perfectly |totally |quite )?(?:understandable|"
    r"natural|normal|only natural|forgivable)|understandably|as you(?:'re| are)|given (?:that )?"
    r"you|since you|because you|so (?:i|we)(?:'ve| have|'ll| will)?|(?:i|we)(?:'ve| have) "
    r"(?:highlighted|underlined|marked|circled|simplified|spelled out|spelt out|broken (?:it|"
    r"this) down)|let (?:me|us) (?:explain|spell|walk|break|put)|in (?:plain|simple) (?:terms|"
    r"english|words)|step by step)\b"
)
# about us, at their request, or a welcome: not talking down
_COMPETENCE_FAIR = _Lazy(
    rf"\b(?:{_US} (?:\w+ )?(?:am|are|'m|'re|was|were)? ?(?:still |relatively |fairly |quite )?"
    r"(?:new to|unfamiliar with|not (?:very )?familiar with)|as you (?:asked|requested|"
    r"suggested)|you asked|at your request|welcome (?:to|aboard)|congratulations)\b"
)

# being new (to the account, the role) is a fact; it talks down only beside a difficulty
_ONLY_NEW = _Lazy(r"\b(?:new to|not used to)\b")
_DIFFICULT = _Lazy(
    r"\b(?:confus\w*|complicated|tricky|daunting|understandabl[ey]|hard|difficult|easy to|"
    r"mistakes?|misread\w*|misunderst\w*|got (?:it )?wrong|mix(?:ed)? up)\b"
)

# -- relief with a worse case imagined -----------------------------------------------------------
_WORSE = _Lazy(
    r"\b(?:(?:i'd|i would|we'd|we would) (?:hate|dread|shudder) to (?:see|think|imagine|find out)"
    r" what (?:[\w'-]+ ){1,6}?(?:looks?|is|are|would be|would look|feels?) like|nothing says "
    r"(?:[\w'-]+ ){1,4}?(?:quite |more |better )?like (?:finding out|hearing|learning|"
    r"discovering|reading|waiting|chasing|being told|getting|receiving|seeing)|(?:heaven|god) "
    r"(?:help|knows) what (?:[\w'-]+ ){1,6}?(?:would|will|might) (?:look|be) like|if (?:this|"
    r"that) is (?:what )?(?:[\w'-]+ ){0,3}?(?:prioriti[sz]ed|urgent|express|premium|priority|your "
    r"best|the fast track)(?:[\w'-]+ ){0,3}?,? (?:i'd|i would|we'd|we would) (?:hate|dread))\b"
)
_WORSE_KEYS = ("hate to", "dread to", "shudder to", "nothing says", "help what", "knows what")

# -- an offer that expires -----------------------------------------------------------------------
_GOOD_UNTIL = _Lazy(
    r"\b(?:(?:this|the|that|our|my) (?:\w+ ){0,2}?(?:number|figure|offer|price|proposal|terms|"
    r"deal|quote|quotation|rate|amount|settlement|discount)(?: of [\w%,.-]+(?: [\w%,.-]+){0,3}?)?|it) "
    r"(?:is|'s|stays|remains|will "
    r"(?:stay|remain|be)|stands) (?:good|valid|open|available|on the table|in place) "
    r"(?:until|till|til|through|up to|to) "
)
_GOOD_KEYS = ("until", "till", "til ", "through", "up to")
_NO_SECOND_LOOK = _Lazy(
    r"\b(?:(?:won't|will not|can't|cannot|shan't|wouldn't|would not|don't|do not) (?:be )?"
    r"(?:revisit|re-?open|re-?negotiat|re-?consider|reconsider|re-?visit|discuss|look at|"
    r"extend|hold|move on|budge|go back)\w*|off the table|(?:is|will be|gets) withdrawn|"
    r"no longer (?:stands?|be available|apply|applies|valid|on offer|open)|(?:that's|that is) "
    r"(?:it|final)|final (?:offer|figure|number|position)|not (?:be )?in a position to (?:repeat|"
    r"renew|extend|hold|make|keep)|(?:will|shall|can) not be (?:repeated|renewed|extended|held))\b"
)

# -- the relationship as the alternative --------------------------------------------------------
_ALTERNATIVE = _Lazy(r"\b(?:otherwise|or else|if not|failing that|else|or)\b")
_NO_RELATIONSHIP = _Lazy(
    r"\b(?:(?:no|no more|no longer any|no further|little|not (?:much|any)) (?:\w+ )?(?:basis|"
    r"reason|point|future|room|grounds?) (?:for|in|to) (?:\w+ ){0,2}?(?:cooperation|"
    r"co-operation|relationship|partnership|working together|business|collaboration|"
    r"agreement|contract|account|orders?)|(?:our|the|this) (?:\w+ )?(?:cooperation|"
    r"co-operation|relationship|partnership|collaboration) (?:will|would|must|has to|may|"
    r"might|can't|cannot) (?:have to )?(?:end|stop|cease|not continue|be over|come to an "
    r"end|be reconsidered|be reviewed)|(?:end|stop|cease|wind down|terminate|discontinue) "
    r"(?:our|the|this) (?:\w+ )?(?:cooperation|co-operation|relationship|partnership|"
    r"collaboration|business))\b"
)
_RELATIONSHIP_KEYS = (
    "cooperation", "co-operation", "relationship", "partnership", "working together",
    "business", "collaboration",
)  # fmt: skip

# -- the cause traced to them -----------------------------------------------------------------
_CAUSE = _Lazy(
    r"\b(?:the |this |that |our |these |those )?(?:\w+ )?(?:delay|delays|problem|problems|issue|"
    r"issues|error|errors|damage|shortfall|mistake|mix-up|hold-up|holdup|fault|failure|"
    r"breakdown|loss|losses|discrepancy|overrun|miss|slip|gap)(?: [\w'-]+){0,4}? (?:came|"
    r"comes|originated|originates|started|starts|stemmed|stems|arose|arises|lies|lay|sits|sat|"
    r"rests|rested) (?:from|with|at|on|in) (?:\w+ )?(?:your|you)\b"
)
_CAUSE_KEYS = ("came ", "comes ", "originat", "started ", "starts ", "stem", "arose", "arises",
               "lies ", "lay ", "sits ", "sat ", "rests ", "rested ")  # fmt: skip
# theirs in the sense of their own cost or account, a question, or a shared cause
_CAUSE_FAIR = _Lazy(
    r"\b(?:not (?:with|from|on) (?:you|your)|(?:nothing|none of it) to do with you|\?|we think|"
    r"may have|might have|perhaps|possibly|both|jointly)"
)

# -- every loss, paid by us, in any voice ---------------------------------------------------
_EVERY_LOSS = _Lazy(
    r"\b(?:any|all|every|whatever|each and every)(?: [\w'-]+){0,3}? (?:loss|losses|cost|costs|"
    r"damage|damages|expense|expenses|claim|claims|consequence|consequences|penalty|penalties|"
    r"fine|fines|liabilit\w+)\b"
)
_EVERY_LOSS_KEYS = ("any ", "all ", "every ", "whatever ")
_PAID_BY_US = _Lazy(
    r"\b(?:(?:will|shall|would|'ll) be (?:fully |entirely |completely )?(?:compensated|"
    r"reimbursed|covered|made good|refunded|paid|borne|met|settled|absorbed|picked up|taken "
    r"care of)(?: (?:in full|fully))?(?: by (?:us|our))?|(?:we|i)(?:'ll| will| shall| would|'d)? "
    r"(?:\w+ )?(?:compensate|reimburse|cover|make good|refund|pay|bear|meet|absorb|pick up|"
    r"take care of)\b(?:[\w' -]+){0,6}?(?:in full|fully|entirely|all of it|every penny|every "
    r"cent))\b"
)
_PAID_KEYS = ("compensat", "reimburs", "covered", "made good", "refund", "paid", "borne", "met",
              "settled", "absorbed", "picked up", "taken care", "in full", "fully", "every p",
              "every c", "all of it", "entirely")  # fmt: skip
# a bound: an amount, a named item, a cap, or no admission
_BOUNDED = _Lazy(
    r"(?:[$\u00a3\u20ac]|\b(?:usd|gbp|eur|aud|cad|inr)\b|\d|\b(?:up to|capped|cap|limit\w*|"
    r"under the (?:contract|warranty|policy|terms)|as set out|in line with|without (?:any )?"
    r"admission|insurer|insurance|if (?:any|a|the)\b|to the extent))"
)

# -- a tally over their work ------------------------------------------------------------------
_TALLY = _Lazy(
    r"\b(?:not (?:a single|one|once)|none|not any|no single)(?: (?:of )?(?:your|the|these|"
    r"those|this year's|last year's))?(?: [\w'-]+){0,2}? (?:this (?:year|month|quarter|season)|"
    r"so far|to date|in (?:months|weeks|years|\w+ (?:months|weeks|years))|since \w+|all "
    r"(?:year|month|quarter)|yet)?,? ?(?:has|have|had|was|were|did|came|arrived|reached|got)\b"
    r"(?: [\w'-]+){0,4}? (?:on time|before|by the|in time|complete|right|correct|reached us|"
    r"arrived|come|landed|matched|balanced|been (?:on time|right|correct|complete))"
)
_TALLY_KEYS = ("not a single", "not one", "not once", "none", "not any", "no single")
_THEIRS = _Lazy(r"\b(?:you|your|yours)\b")
_OURS_TALLY = _Lazy(r"\b(?:of (?:ours|our)|(?:our|my) own|from us|by us|we (?:sent|made|shipped"
                    r"|delivered|issued))\b")  # fmt: skip
_PRAISE = _Lazy(
    r"\b(?:thank\w*|credit to|well done|great|impress\w*|brilliant|excellent|proud|grateful|"
    r"appreciat\w*|congratulat\w*|record|remarkable)\b"
)

# -- an outside firm reading the file ---------------------------------------------------------
_FIRM = _Lazy(
    r"\b(?:[a-z][\w'-]+ & [a-z][\w'-]+(?: (?:llp|llc|ltd|solicitors|partners|legal|law|"
    r"associates))?|[a-z][\w'-]+ and [a-z][\w'-]+ (?:llp|solicitors|partners|legal|law)|"
    r"[a-z][\w'-]+ (?:llp|solicitors|law firm|chambers|attorneys))\b"
)
_FIRM_KEYS = ("&", "llp", "solicitors", "partners", "legal", "law", "chambers", "attorneys")
_ASKED_TO_READ = _Lazy(
    rf"\b{_US} (?:\w+ )?(?:asked|instructed|engaged|retained|brought in|had|got|passed|sent|"
    r"forwarded|shared)\b"
)
_THE_FILE = _Lazy(
    r"\b(?:look (?:over|at|through|into)|review|go (?:over|through)|read|examine|assess|advise "
    r"(?:on|us))\w*\b(?: [\w'-]+){0,3}? (?:the |our |this |all the |your )?(?:correspondence|"
    r"emails?|e-mails|exchanges?|file|thread|history|paper trail|dispute|matter|position|"
    r"situation|records?)|where (?:we|both of us|each of us|everyone) (?:both )?(?:stands?|"
    r"stand legally)\b"
)


def _sentence(starts: list[int], size: int, at: int) -> tuple[int, int]:
    number = bisect.bisect_right(starts, at) - 1
    return starts[number], starts[number + 1] if number + 1 < len(starts) else size


def _competence(low: str, starts: list[int]) -> Iterator[Reading]:
    for lack, lo, hi in _anchored(low, starts, _LACK_KEYS, _LACK):
        indulge = _INDULGE.search(low, lo, hi)
        if indulge is None or _COMPETENCE_FAIR.search(low, lo, hi):
            continue
        if _ONLY_NEW.search(lack.group()) and not _DIFFICULT.search(low, lo, hi):
            continue  # new to the account, with its background attached: a handover
        yield Reading("who-competence", *_cues(indulge.span(), lack.span()))


def _worse(low: str, starts: list[int]) -> Iterator[Reading]:
    for worse, _lo, _hi in _anchored(low, starts, _WORSE_KEYS, _WORSE):
        yield Reading("who-worse-imagined", *_cues(worse.span()))


def _offer_expires(low: str, starts: list[int]) -> Iterator[Reading]:
    for good, lo, _hi in _anchored(low, starts, _GOOD_KEYS, _GOOD_UNTIL):
        number = bisect.bisect_right(starts, lo) - 1  # this sentence or the next ("5 p.m. Friday")
        until = starts[number + 2] if number + 2 < len(starts) else len(low)
        refusal = _NO_SECOND_LOOK.search(low, good.end(), until)
        if refusal is None:
            continue
        yield Reading("who-offer-expires", *_cues(good.span(), refusal.span()))


def _relationship(low: str, starts: list[int]) -> Iterator[Reading]:
    for ended, lo, _hi in _anchored(low, starts, _RELATIONSHIP_KEYS, _NO_RELATIONSHIP):
        alternative = None
        for match in _ALTERNATIVE.compiled.finditer(low, lo, ended.start()):
            alternative = match  # the nearest before it
        if alternative is None:
            continue
        if alternative.group() == "or" and not low[: alternative.start()].rstrip().endswith(","):
            continue  # a plain "or" only after a comma: "accept it, or we see no basis"
        yield Reading("who-relationship-alternative", *_cues(alternative.span(), ended.span()))


def _cause(low: str, starts: list[int]) -> Iterator[Reading]:
    for cause, lo, hi in _anchored(low, starts, _CAUSE_KEYS, _CAUSE):
        if _CAUSE_FAIR.search(low, lo, hi):
            continue
        yield Reading("who-cause-theirs", *_cues(cause.span()))


def _every_loss(low: str, starts: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _PAID_KEYS):
        return
    for loss, lo, hi in _anchored(low, starts, _EVERY_LOSS_KEYS, _EVERY_LOSS):
        paid = _PAID_BY_US.search(low, lo, hi)
        if paid is None or _BOUNDED.search(low, lo, hi):
            continue
        yield Reading("who-every-loss", *_cues(loss.span(), paid.span()))


def _tally(low: str, starts: list[int]) -> Iterator[Reading]:
    for tally, lo, hi in _anchored(low, starts, _TALLY_KEYS, _TALLY):
        if not _THEIRS.search(low, lo, hi) or _OURS_TALLY.search(low, lo, hi):
            continue
        if _PRAISE.search(low, lo, hi):
            continue  # "not a single delivery has been late: a credit to your drivers"
        yield Reading("who-tally", *_cues(tally.span()))


def _firm(low: str, starts: list[int]) -> Iterator[Reading]:
    for firm, lo, hi in _anchored(low, starts, _FIRM_KEYS, _FIRM):
        asked = _ASKED_TO_READ.search(low, lo, firm.start())
        read_file = _THE_FILE.search(low, firm.end(), hi)
        if asked is None or read_file is None:
            continue
        yield Reading("who-firm-reads-file", *_cues(asked.span(), firm.span(), read_file.span()))


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of roles in ``wanted`` found in ``low``."""
    del breaks  # each is read within its sentence
    found: list[Reading] = []
    for name, reader in _READERS:
        if name in wanted:
            found += reader(low, starts)
    return found


_READERS = (
    ("who-competence", _competence),
    ("who-worse-imagined", _worse),
    ("who-offer-expires", _offer_expires),
    ("who-relationship-alternative", _relationship),
    ("who-cause-theirs", _cause),
    ("who-every-loss", _every_loss),
    ("who-tally", _tally),
    ("who-firm-reads-file", _firm),
)


# -- clearances: findings of other readings that the roles show are not against them ---------
# their person as the one who told us: "your supervisor mentioned (on the phone) that ..."
_THEY_TOLD_US = _Lazy(
    r"\byour\b(?: [\w',-]+){0,6}? (?:mentioned|said|told (?:us|me)|let (?:us|me) know|confirmed|"
    r"explained|reported|noted|pointed out|flagged|warned (?:us|me)|called to say|rang to say|"
    r"wrote to say)(?: (?:on|over|by|in|during) (?:the )?(?:phone|call|email|e-mail|site visit|"
    r"visit|meeting|today|yesterday|this morning))? that\b"
)
# ... unless the sentence turns on them after it
_TURN = _Lazy(r"\b(?:but|yet|although|though|however|and then|despite|even though)\b")
# our own act as the subject, them only its object: "our ceo's email to your owners was rude"
_CLAUSE_OPENS = _Lazy(
    r"(?:[,;:\u2014(]|\b(?:and|but|so|because|since|when|while|after|although|though|which|"
    r"who|that|as)\b)"
)
_OURS_OPENS = _Lazy(r"\s*(?:our|my|we|i|we've|i've|we'd|i'd)\b")
_THEM_AS_OBJECT = _Lazy(
    r"\b(?:to|for|with|at|towards|toward|about|on|from|against|into|of) (?:all of |one of |some "
    r"of )?(?:you|your)\b"
)
_OUR_ACT_JUDGED = _Lazy(
    r"your(?: [\w'-]+){0,4}? (?:was|were|is|are|has been|have been|had been|came across as|"
    r"sounded|seemed|read as)\b"
)
_DONE_TO_IT = _Lazy(
    r"your(?: [\w'-]+){0,4}? (?:was|were|is|are|has been|have been|had been|got|went) (?:\w+ )?"
    r"(?:\w+ed|lost|left|forgotten|mislaid|overlooked|thrown|binned|shelved|undone|unread|"
    r"unanswered|unopened|untouched|unpaid)\b"
)
# a sweeping word inside praise of what they did
_DID_WELL = _Lazy(
    r"\b(?:kept (?:us|our \w+|me|everyone) (?:in the loop|informed|posted|updated|in the "
    r"picture)|(?:has|have|had) (?:been )?(?:helped|supported|fixed|sorted|solved|resolved|"
    r"answered|guided|looked after)|went (?:above|out of (?:her|his|their|the) way)|"
    r"(?:been|is|was) (?:the best|a pleasure|a great help|brilliant|excellent|fantastic|"
    r"outstanding|superb)|on (?:her|his|their) own time)\b"
)
_COMPLAINT = _Lazy(
    r"\b(?:not|n't|never|late|fail\w*|miss\w*|wrong|again|chas\w+|ignor\w+|excuses?|"
    r"problems?|delays?|slow|broken)\b"
)
# lawyers making a document ready for both sides to sign
_TO_SIGN = _Lazy(r"\b(?:sign|signs|signed|signing|signature|countersign\w*|execute|execution)\b")
_DISPUTE = _Lazy(
    r"\b(?:claim|proceedings|court|tribunal|letter before|notice of|breach|demand|recover\w*|"
    r"debt|sue|action against|legal action)\b"
)


def _ours_to_them(low: str, s_lo: int, lo: int) -> bool:
    """Whether the finding at ``lo`` starts at "your" in a clause whose subject is ours, as
    the object of a preposition (our apology about our own people, not blame)."""
    if not low.startswith("your", lo):
        return False
    clause = s_lo
    for opens in _CLAUSE_OPENS.compiled.finditer(low, s_lo, lo):
        clause = opens.end()
    if _OURS_OPENS.compiled.match(low, clause, lo) is None:
        return False
    if _THEM_AS_OBJECT.compiled.search(low, max(clause, lo - 30), lo + 4) is None:
        return False
    # "was rude" judges our act; "was ignored" says something was done to it, by them
    if _OUR_ACT_JUDGED.compiled.match(low, lo, lo + 120) is None:
        return False  # "a refresher for your supervisors, who skipped the induction"
    return _DONE_TO_IT.compiled.match(low, lo, lo + 120) is None


# Our own past act, told after our admission of it: "We got this wrong: our MD copied your CEO
# in", "I am sorry that we told your customers the delay was your fault". The act is what we
# regret, so what it did to them is not a threat, a penalty or blame from us now.
_OWNING = (
    r"(?:we got (?:this|it|that|some of this|some things|these things) wrong|where we went wrong|"
    r"what we (?:got|did) wrong|our (?:own )?mistakes?(?: (?:was|were|is|are))?|(?:some|part|much) "
    r"of (?:it|this|that|what went wrong) (?:is|was) (?:down to|on) us|(?:i|we) (?:am |'m |are "
    r"|'re )?(?:so |very |truly )?(?:sorry|apologi[sz]e|regret)(?: (?:that|for how|for the way|for "
    r"what we got wrong|for what went wrong|for where we went wrong))?)"
)
_ADMITTED = _Lazy(_OWNING + r"[:,]? (?:that )?(?:we|i|our|my)\b")
# the same admission as the head of a list, each item one of our acts ("Some of it is down to
# us:" and below it "- Our MD copied your CEO in to put pressure on you."), or "Specifically:"
# after it
_ADMISSION_HEAD = _Lazy(_OWNING + r":(?: |\n)|\b(?:specifically|in particular|namely):(?: |\n)")
_OWNED_BEFORE = _Lazy(_OWNING)
_STILL_AHEAD = _Lazy(
    r"\b(?:will|'ll|shall|going to|have to|must|would|'d|if|unless|until|otherwise|next time|"
    r"again)\b"
)
_LIST_MARK = re.compile(r"[-*\u2022] |\d+[.)] ")
_OUR_ITEM = _Lazy(r"(?:[-*\u2022] |\d+[.)] )?(?:and )?(?:that )?(?:we|i|our|my)\b")


def _lines(low: str, lo: int, hi: int) -> list[int]:
    """Where each line break in ``low[lo:hi]`` is."""
    found, at = [], low.find("\n", lo, hi)
    while at != -1:
        found.append(at)
        at = low.find("\n", at + 1, hi)
    return found


def _under_admission(low: str, s_lo: int) -> bool:
    """Whether the sentence at ``s_lo`` is an item, with our side as its actor, of a list whose
    head admits our part, every line between the head and it an item of the same list."""
    if not _OUR_ITEM.compiled.match(low, s_lo):
        return False
    heads = list(_ADMISSION_HEAD.compiled.finditer(low, max(0, s_lo - 800), s_lo))
    if not heads:
        return False
    head = heads[-1]
    if head.group().startswith(("specifically", "in particular", "namely")) and not (
        _OWNED_BEFORE.search(low, max(0, head.start() - 200), head.start())
    ):
        return False
    return all(_LIST_MARK.match(low, at + 1) for at in _lines(low, head.end() - 1, s_lo - 1))


def _admitted(low: str, s_lo: int, hi: int) -> bool:
    """Whether ``low[:hi]`` from its sentence's start is our own past act told after our
    admission of it (in the sentence, or as the head of the list it is an item of), with
    nothing still to come and no turn to them."""
    head = _ADMITTED.compiled.match(low, s_lo)
    if head is not None:
        start = head.end()
    elif _under_admission(low, s_lo):
        start = s_lo
    else:
        return False
    return not _TURN.search(low, start, hi) and not _STILL_AHEAD.search(low, start, hi)


def cleared(low: str, starts: list[int], lo: int, hi: int, rule: str, category: str) -> bool:
    """Whether a finding of ``rule`` (``category``) over ``low[lo:hi]`` is, by the roles in
    its sentence, not meant against the reader."""
    s_lo, s_hi = _sentence(starts, len(low), lo)
    if category == "blame" and _ours_to_them(low, s_lo, lo):
        return True
    if category in ("threats", "ultimatums", "blame") and _admitted(low, s_lo, hi):
        return True
    if category == "blame" and not rule.startswith("who-"):
        told = _THEY_TOLD_US.search(low, s_lo, s_hi)
        if told is not None and told.start() <= lo + 1 and not _TURN.search(low, told.end(), s_hi):
            return True
    if (
        category == "absolutes"
        and _DID_WELL.search(low, s_lo, s_hi)
        and not _COMPLAINT.search(low, s_lo, s_hi)
    ):
        return True
    if rule == "reading-a-legal-step-made-ready":
        number = bisect.bisect_right(starts, lo) - 1
        follow = starts[number + 2] if number + 2 < len(starts) else len(low)
        if _TO_SIGN.search(low, s_lo, follow) and not _DISPUTE.search(low, s_lo, follow):
            return True
    return False
