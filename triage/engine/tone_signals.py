"""The tone check's verdicts from weak signals, combined by family, one sentence at a time.

Phrase rules and shapes know a move by the words one writer used for it; the next writer
uses others. Here no single word decides. Each family names a few small classes of weak
signal (a lexicon each, written for the class, not for a set), and a sentence is flagged
only when enough of them meet in it (or in the sentence that follows, for irony), and no
clearance of the family holds:

- **a veiled threat** (threats): a third party with power over the reader (a committee,
  procurement, inspectors, a regulator, auditors, the press, other customers, their
  board) + this episode or their conduct ("episodes like this one", "deviations of this
  kind") or a memory or open access ("a long memory", "free to examine whenever they
  choose") + a habitual or future verb ("tends to", "ask about", "will want to");
  cleared by a joint subject ("we both", "together", "as agreed") or a help we offer;
- **irony** (sarcasm): praise, thanks or appreciation ("thoughtful", "educative", "I do
  appreciate") whose object is their lateness, a failure or a cost to us ("three weeks
  after we filed it", "by way of the invoice itself", "a 12% rejection rate"), or that is
  followed by mock sympathy ("I know how busy things must be"), feigned learning ("we had
  not realised ... is now considered") or certainty about their conduct ("it certainly
  saved everyone the bother"); cleared when the slowness or the failure is ours;
- **condescension** (sarcasm): someone in their team "with a finance background" or "who
  understands contracts" proposed, or "it would be useful if" they learnt or re-read the
  basics; cleared by a joint working session ("join us", "together");
- **an open-ended admission** (liability): an unbounded scope ("any losses", "all costs",
  "whatever", "in full") over losses or costs, with our side as the one who pays or
  answers for them ("ours to make good", "we will cover"); cleared by a bound (an amount,
  "up to", "the invoice"), "without admission", or a payment the contract already owes.

:func:`cleared` holds the clearance for joint escalation: a date and a step up that both
sides take ("if Carlos and Jennifer haven't landed it by the 20th, I'd suggest we escalate
it to the two of us") is a governance path, not an ultimatum to them.

:func:`read` returns :class:`~triage.engine.tone_clauses.Reading` tuples named
``signal-...``; the rules of those names in ``tone-rules.toml`` give each its words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from triage.engine.tone_clauses import Reading, _Lazy

__all__ = ["NAMES", "cleared", "read"]

NAMES = frozenset(
    ("signal-veiled-threat", "signal-irony", "signal-condescension", "signal-open-liability")
)

Span = tuple[int, int]

# -- lexicons by family ------------------------------------------------------------------------
# a third party with power over the reader
_POWER = _Lazy(
    r"\b(?:(?:procurement|purchasing|sourcing|supplier|vendor|approvals?|tender|audit|risk|"
    r"investment|credit|compliance|governance|steering|selection) (?:committee|board|panel|"
    r"council|team|department|function|people)|(?:our|the) (?:procurement|purchasing|"
    r"sourcing)(?: team| department| function| people| colleagues| director| lead)?|"
    r"(?:[\w-]+ ){0,2}?(?:committee|panel)s?|(?:the|our|your|their|group|main|parent) board|"
    r"(?:your|their) (?:board|directors|shareholders|investors|owners|ceo|chairman|chair|md|"
    r"parent company|head office|group)|committees?|regulators?|regulatory|inspectors?|"
    r"inspectorate|inspections?|auditors?|ombudsman|trading standards|the authorit(?:y|ies)|"
    r"(?:health|food|drug|medicines|safety|tax|customs|competition|data protection|"
    r"environment(?:al)?|aviation|financial|licensing|planning) (?:authorit(?:y|ies)|agency|"
    r"regulator|inspectors?|office|watchdog|people|officers?|board)|watchdogs?|the press|"
    r"journalists?|reporters?|the media|trade press|(?:our|other) (?:customers|clients|members|"
    r"partners|suppliers|retailers|franchisees|stockists|distributors)|the (?:rest of the )?"
    r"(?:industry|sector|market|trade)|trade association|industry body|certification body|"
    r"accreditation body|certifiers|insurers?|underwriters|rating agenc\w+|review sites?|"
    r"newsletters?|bulletins?|blogs?|social media|(?:local |national |trade )?(?:news)?papers?|"
    r"the news|funders?|lenders?|(?:our|the) bank|linkedin|forums?|(?:\d+ |all (?:\d+ )?|"
    r"(?:our|the) association's |the )members|"
    r"(?:preferred|approved)[- ]supplier (?:list|panel|status|register))\b"
)
_POWER_KEYS = (
    "committee", "board", "panel", "procure", "purchasing", "sourcing", "regulat", "inspect",
    "audit", "ombudsman", "trading standards", "authorit", "agency", "watchdog", "press",
    "journalist", "reporter", "media", "customers", "clients", "members", "partners",
    "suppliers", "retailers", "franchisees", "stockists", "distributors", "industry", "sector",
    "market", "trade", "certif", "accredit", "insurer", "underwriter", "rating", "review site",
    "ceo", "chair", "directors", "shareholders", "investors", "owners", "head office", "group",
    "supplier list", "md", "parent", "officer", "newsletter", "bulletin", "blog", "social",
    "linkedin", "forum", "paper", "news", "funder", "lender", "bank",
)  # fmt: skip
# this episode, or their conduct in it
_EPISODE = _Lazy(
    r"\b(?:[\w-]+ (?:like "
    r"(?:this|that|these|those)(?: one)?|of (?:this|that) (?:kind|sort|type|nature)|such as "
    r"(?:this|these))|(?:this|that|these|those) (?:kind|sort|type) of (?:thing|episode|"
    r"incident|event|lapse|failure|deviation|breach|behaviour|behavior|conduct|treatment|"
    r"delay|service|problem|issue)s?|(?:this|that|the recent|the last) (?:episode|saga|affair|"
    r"business|incident|lapse|debacle|fiasco|mess|experience)|(?:this|that) (?:one|kind of "
    r"thing)|(?:your|their) (?:handling|conduct|behaviou?r|performance|record|track record|"
    r"response|approach|attitude)|(?:reports?|complaints?|records?|tickets?|incidents?|"
    r"non-?conformances?|ncrs?|findings|defects?|claims?) (?:[\w-]+ ){0,4}?(?:against|about|on|"
    r"concerning|regarding) (?:your|you)|which (?:suppliers|contractors|vendors|partners|firms|"
    r"companies|carriers|agencies) (?:have |had )?(?:been|were|are|did|let|failed|delivered|"
    r"kept|behaved)|how (?:you|your [\w ]{1,20}?|this|it) (?:has |have |was |"
    r"were )?(?:handled|dealt with|behaved|responded|conducted|managed|treated)|suppliers "
    r"(?:who|that) (?:\w+ ){0,3}?(?:fail|miss|let|don't|do not|ignore|cut|breach))\b"
)
# a memory, a record or open access for the third party
_MEMORY = _Lazy(
    r"\b(?:(?:a |very )?long memor(?:y|ies)|memor(?:y|ies) (?:for|of)|(?:do|does|will|would|"
    r"tend to|tends to|always) (?:not )?forget|never forgets?|remembers?|takes? (?:careful |"
    r"due |good )?note|keeps? (?:a )?(?:note|track|tally|record|score)|(?:free|welcome) to "
    r"(?:examine|inspect|review|look|see|read|check|audit|ask)\w*|whenever (?:they|it|he|she) "
    r"(?:\w+ )?(?:choose|chooses|like|likes|wish|wishes|want|wants|please|ask|asks)|at (?:any|"
    r"a moment's) (?:time|notice)|"
    r"logs? (?:every|"
    r"each|all)|(?:your|the) (?:firm's |company's |business's )?name (?:to )?(?:\w+ )?(?:come up|"
    r"comes up|appear|appears|feature|features|be mentioned|crop up)|(?:complete|full|detailed|"
    r"thorough|meticulous|careful|every) "
    r"(?:files?|records?|logs?|notes|documentation|paper trail)|(?:on|in the|in our) (?:file|"
    r"record)|(?:take|takes|taking) (?:a |an )?(?:keen |close |real |great )?(?:interest|"
    r"view)|(?:factor|factors|factored|weigh|weighs|weighed) (?:\w+ ){0,3}?in|(?:be|is|are) "
    r"(?:very )?interested)\b"
)
# a habitual or future verb: what the third party does or will do
_HABIT = _Lazy(
    r"\b(?:tends? to|does tend|tend|usually|always|routinely|invariably|inevitably|every "
    r"(?:year|quarter|january|audit|review|visit|time)|each (?:year|quarter|audit|review|time)|"
    r"(?:will|would|may|might|could|shall|are going to|is going to|is bound to|are bound to|"
    r"is likely to|are likely to) (?:\w+ )?(?:want|ask|look|review|consider|examine|take|"
    r"remember|be|see|hear|learn|note|find|weigh|factor|refresh|revisit|reconsider|decide|"
    r"raise|follow|read|check)\w*|(?:ask|asks|look|looks|probe|probes|examine|examines|review|"
    r"reviews|refresh|refreshes|revisit|revisits|renew|renews|reconsider|reconsiders|meet|"
    r"meets|scrutinis\w+|scrutiniz\w+|focus|focuses) (?:\w+ ){0,2}?(?:about|into|on|at|its|"
    r"their|the|for|in|closely|carefully|every|each|whenever|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|next|this)|(?:next|this) "
    r"(?:month|quarter|year|round|cycle|spring|summer|autumn|fall|winter)|(?:like|likes|love|"
    r"loves) to (?:know|hear|see|read))\b"
)
# a joint subject, a help we offer, or a duty both sides face: the third party as a fact
_JOINT = _Lazy(
    r"\b(?:we both|both of us|the two of us|both (?:sides|companies|teams|parties)|together|"
    r"jointly|joint|as agreed|we agreed|shared|share (?:it|them|the|our|this)|send you|"
    r"we'll send|we will send|help (?:you|your)|happy to (?:help|share|walk)|so that (?:you|we "
    r"both|both) (?:can|are|have)|so (?:we|you) (?:are|can) both|(?:to|for) (?:both|each) of us|applies to (?:all|every)|all "
    r"(?:our|of our) (?:suppliers|customers|partners|vendors)|every supplier|all suppliers|"
    r"each supplier|as (?:every|each) year|in confidence|our own|we (?:have|had) to|we must|"
    r"we need to|our (?:obligation|duty|licen[cs]e)|(?:has|have) improved|improvement|"
    r"(?:strong|good|excellent|great|better|clean) (?:score|record|rating|results?|year))\b"
)

# praise, thanks or appreciation
_PRAISE = _Lazy(
    r"\b(?:thank(?:s|ful| you)?|grateful|appreciat\w+|thoughtful|considerate|kind(?:ly|ness)? "
    r"of|good of|nice of|generous|gracious|educative|educational|enlightening|illuminating|"
    r"instructive|informative|edifying|eye-opening|helpful|refreshing|impressive|impressed|"
    r"admir\w+|delight\w*|lovely|charming|touching|reassur\w+|comforting|encouraging|"
    r"congratulat\w+|memorable|(?:were|was|am|are|i'm|we're|felt|feel) (?:\w+ )?(?:touched|"
    r"honou?red|flattered)|(?:such )?a relief|full "
    r"marks|(?:good|nice|great) to see|hats off|bravo|(?:pleasant|nice|welcome|lovely) surprise|(?:good|nice) to "
    r"know|most (?:useful|interesting|welcome|"
    r"kind)|a (?:real |great |lovely )?(?:treat|pleasure|privilege)|(?:useful|interesting) "
    r"to (?:learn|discover|find out|hear))\b"
)
_PRAISE_KEYS = (
    "thank", "grateful", "apprecia", "thoughtful", "considerate", "kind", "good of", "nice of",
    "generous", "gracious", "educa", "enlighten", "illuminat", "instructive", "informative",
    "edifying", "eye-opening", "helpful", "refreshing", "impress", "admir", "delight",
    "lovely", "charming", "touching", "most ", "reassur", "comforting", "encouraging",
    "congratulat", "memorable", "touched", "honour", "honor", "flattered",
    "relief", "marks", "to see", "hats off", "bravo", "surprise", "to know", "treat", "pleasure", "privilege", "interesting",
    "useful",
)  # fmt: skip
# the object of the praise: their lateness, a failure, a cost to us (strong)
_TARGET = _Lazy(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|"
    r"many|\d+) (?:full )?(?:weeks?|months?|fortnights?|years?)(?: and \w+ (?:days?|weeks?))? "
    r"(?:after|later|late|past|beyond|overdue|on from|since) |(?:after|only after|a "
    r"(?:week|month|fortnight)) (?:\w+ ){0,3}?(?:chasers?|reminders?|chasing|follow-ups?|"
    r"escalations?)|(?:(?:by way of|via|through) (?:the |your |an? )?|(?:learn|learnt|learned|"
    r"found out|discover|discovered|find out|told|informed|notified|hear|heard) (?:\w+ ){0,6}?"
    r"(?:from|in|on|by|through) (?:the |your |an? )?)(?:[\w-]+ )?(?:invoice|bill|statement|remittance|"
    r"credit note|price list|renewal notice)|(?:invoice|bill|statement) itself|without (?:any |a "
    r"|so much as a )?(?:warning|notice|discussion|conversation|consultation|call|word|"
    r"heads-up|explanation)|(?:on|at) (?:a |the )?(?:friday|saturday|sunday) (?:evening|night|"
    r"afternoon)|(?:at|after) (?:(?:9|10|11|12)(?:[.:]\d\d)? ?p\.?m\b|midnight|the eleventh "
    r"hour|the last minute)|"
    r"(?:twice|three times|four times|five times|\d+ times|(?:two|three|four|five) "
    r"(?:separate )?(?:times|invoices|bills)) (?:for|over|on) (?:the )?same|(?:rejection|"
    r"failure|defect|error|return|breakage|damage|shortage|spoilage) rates?|(?:price|rate|fee|"
    r"tariff|charge) (?:rise|increase|hike|change)s?|surcharges?|(?:extra|additional|hidden) "
    r"(?:charges?|fees?|costs?)|(?:late|lateness|belated\w*|eventually|at long last|at last|"
    r"finally|overdue|in the end))\b"
)
# in the sentence after the praise: a count of the same failure, or a long wait
_REPEAT_OR_WAIT = _Lazy(
    r"\b(?:(?:twice|three times|four times|five times|\d+ times|(?:two|three|four|five) "
    r"(?:separate )?(?:times|invoices|bills)) (?:for|over|on) (?:the )?same|(?:a|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|several|\d+) (?:full )?(?:weeks?|months?) (?:after|late|"
    r"later|overdue))\b"
)
# targets that alone do not make thanks ironic: a rate or a price named, "finally", an hour late
# in the day or the week (thanks for a repair "on Saturday night" or for staying "after 10pm"
# is for the hours they gave up; the irony of "finding a moment on a Friday evening" lies in
# the weeks it came after, or in the mock sympathy beside it)
_WEAK_TARGET = _Lazy(
    r"\b(?:finally|at last|at long last|late|lateness|belated\w*|eventually|overdue|in the end|"
    r"rates?|"
    r"rises?|increases?|hikes?|changes?|surcharges?|charges?|fees?|costs?|evening|night|"
    r"afternoon|\d+(?:[.:]\d\d)? ?p\.?m|midnight)$"
)
# mock sympathy, feigned learning or certainty about their conduct
_MOCK = _Lazy(
    r"\b(?:i (?:know|can (?:only )?imagine|understand|appreciate) how (?:busy|hectic|"
    r"stretched|difficult|hard)|(?:things|life|it) must be (?:\w+ )?(?:busy|hectic|frantic|"
    r"stretched)|must be (?:so |very |terribly |awfully )?(?:busy|hectic|stretched|swamped)|"
    r"(?:had|have) not realised|(?:had|have) not realized|hadn't reali[sz]ed|haven't "
    r"reali[sz]ed|(?:is|are) now (?:considered|regarded|deemed|seen as|thought)|"
    r"(?:now|apparently) (?:counts?|qualif(?:y|ies)|pass(?:es)?|goes|go) (?:as|for)|(?:we'll|"
    r"we will|i'll|i will) (?:be sure|make sure) to (?:tell|explain|pass|let|mention|share)|"
    r"(?:most|some|half|a few|several|one or two) of (?:them|it|which) (?:\w+ )?(?:were|was|"
    r"are|is|had|did) even|(?:update|"
    r"revise|adjust|recalibrate|lower) (?:its|our|their|his|her) (?:understanding|"
    r"expectations|standards|definition)|(?:stand|stood) corrected|news to (?:us|me)|"
    r"learn(?:ed|t) something (?:new|today)|(?:saved|spared) (?:everyone|everybody|us|all of "
    r"us|both of us|us all|me|them) (?:the |an? )?(?:[\w-]+ )?(?:bother|trouble|effort|"
    r"inconvenience|need|hassle|awkwardness|conversation|call|phone call|meeting|discussion)|so (?:very |much )?(?:reassuring|comforting))\b"
)
# weaker: certainty about their conduct, an exclamation of praise
_MOCK_WEAK = _Lazy(
    r"\b(?:(?:i'm|i am|we're|we are) (?:quite )?sure (?:you|your|they)|no doubt (?:you|your|"
    r"they)|(?:certainly|surely|of course|naturally|evidently|presumably) (?:saved|spared|made|"
    r"helped|was|were|explains|had|has)|(?:will|would) surely|^how (?:reassuring|comforting|"
    r"refreshing|thoughtful|kind|helpful|considerate|generous)|what a (?:relief|surprise|"
    r"treat))\b"
)
# the slowness, the failure or the cost is ours: sincere thanks
_OURS_AT_FAULT = _Lazy(
    r"\b(?:while we|whilst we|after we (?:\w+ ){0,2}?(?:got|made|missed|forgot|lost|sent the "
    r"wrong)|our (?:own )?(?:delay|mistake|error|fault|lateness|oversight|slip|failure|"
    r"rejection|defect|price|rate|invoice)|we (?:took|were late|were slow|missed|got|made|"
    r"forgot|lost)|(?:we|i) (?:were|was) (?:[\w-]+ ){0,3}?(?:late|slow|behind)|(?:we|i) "
    r"(?:\w+ )?(?:delayed|held up|kept you waiting)|your patience|for bearing with|despite (?:our|the short)|at such short "
    r"notice|on short notice|out of hours to help|within (?:\d|a|one|two|three|four|five|"
    r"hours|days)|(?:real|big|huge|great) (?:improvement|difference)|better than|much better)\b"
)

# someone in their team with the competence they lack
_COMPETENT = _Lazy(
    r"\b(?:somebody|someone|anyone|anybody|a person|a colleague|one of your (?:\w+ )?"
    r"(?:colleagues|people|staff|team)|(?:a|the) (?:member|person) of your (?:\w+ )?(?:team|"
    r"staff)|a (?:more )?(?:senior|experienced|qualified|technical) (?:\w+ )?(?:person|"
    r"colleague|member))(?: (?:in|on|from|within|at) (?:your|their) (?:\w+ ){0,2}?(?:team|"
    r"side|company|organisation|organization|office|end|business|department|firm))? "
    r"(?:with (?:a |an |some |the |more |proper |relevant |real )?(?:\w+ )?(?:background|"
    r"experience|training|knowledge|grounding|understanding|grasp|qualifications?|expertise|"
    r"eye for)|who (?:understands|knows|has (?:read|studied|worked|a background|experience|"
    r"some experience|dealt)|is (?:familiar|comfortable|used to|qualified|trained|"
    r"experienced)|can read|reads|can follow))\b|\bsomeone (?:more )?(?:senior|experienced|"
    r"qualified|numerate|technical) (?:than|enough)\b"
)
# weaker: someone more senior or experienced, which needs "simple" or a lesson beside it
_COMPETENT_WEAK = _Lazy(
    r"\b(?:somebody|someone|anyone|anybody|a colleague|a person) (?:a (?:bit|little) )?(?:more "
    r"|rather more )?(?:senior|experienced|qualified|numerate|technical|knowledgeable)\b"
)
# a suggestion that they learn, read again or get the basics
_TUTOR = _Lazy(
    r"\b(?:(?:it )?(?:would|might|may|could) (?:be|prove) (?:\w+ )?(?:useful|helpful|worth\w*|"
    r"wise|sensible|advisable|a good idea|beneficial|of benefit|of use)(?: (?:if|for|to))?|"
    r"(?:perhaps|maybe|possibly) (?:you|your|somebody|someone|it)|you (?:may|might) (?:want|"
    r"wish|like) to|i (?:would|'d) (?:gently )?(?:suggest|recommend|encourage)|(?:might|may) "
    r"i (?:gently )?suggest)(?: [\w',-]+)"
    r"{0,14}? (?:familiari[sz]\w+|brush(?:ing)? up|read(?:ing)? up|get(?:ting)? to grips|"
    r"learn\w*|study|studying|educat\w+|(?:re-?read|read|review|go through|look at)\w* "
    r"(?:\w+ ){0,4}?(?:again|properly|carefully|more carefully|in full|once more|before "
    r"(?:we go|going|replying|responding|commenting|you reply|you respond))|take a (?:course|"
    r"class)|basics|fundamentals|(?:double-?|re-?)check(?:ing)? (?:\w+ )?(?:the )?(?:arithmetic|"
    r"maths|math|sums|additions?)|the (?:clause|contract|invoice|figures|numbers|spec\w*) "
    r"(?:\w+ )?(?:explained|walked through))\b"
)
_SIMPLE = _Lazy(
    r"\b(?:(?:quite|fairly|really|very|perfectly|entirely|pretty) (?:simple|straightforward|"
    r"clear|self-explanatory|basic|elementary)|self-explanatory|(?:the )?basics|elementary|"
    r"(?:a |an )?(?:basic|simple) (?:arithmetic|maths|math|reading|calculation|sum|concept)|in "
    r"(?:plain|simple|everyday) (?:english|terms|language|words)|in layman's terms|step by "
    r"step|one step at a time|(?:very )?slowly)\b"
)
# our act of explaining it for them
_EXPLAINED_FOR_THEM = _Lazy(
    r"\b(?:i|we)(?:'ve| have| will|'ll)? (?:\w+ )?(?:highlighted|underlined|marked|set out|"
    r"spelt out|spelled out|broken (?:it|this|them) down|explained|summari[sz]ed|annotated|"
    r"added (?:a |some )?(?:short |brief )?(?:notes?|guide|explanation|glossary)|walk(?:ed)? "
    r"(?:you|your \w+) through)\b"
)
# a joint working session, or their own request: ordinary
_TOGETHER = _Lazy(
    r"\b(?:together|join (?:us|the|a|our)|with us|both of us|we both|each other|as you "
    r"(?:asked|suggested|requested|offered)|you (?:asked|suggested|requested)|our (?:own )?"
    r"(?:team|side|people|staff|colleagues|finance|engineers))\b"
)

# an unbounded scope over losses or costs
_SCOPE = _Lazy(
    r"\b(?:any(?: and all)?|all(?: of)?(?: the| your)?|every|whatever|each and every|"
    r"everything|the full (?:extent|amount|cost|value)|the entire|without limit|no matter "
    r"(?:how much|what)|in full|in their entirety|down to the last|every last|any of (?:it|this|that)|no limit to|whatever (?:it|this|that|the bill) "
    r"(?:comes to|came to|costs?|takes)|whatever it takes|the "
    r"lot)\b"
)
_LOSS = _Lazy(
    r"\b(?:loss(?:es)?|damages?|costs?|expenses?|harm|claims?|liabilit(?:y|ies)|consequences|"
    r"compensation|out of pocket|"
    r"fallout|lost|losing|cost you|cost your|shortfall|penalt(?:y|ies)|fines?)\b"
)
_SCOPED_LOSS = _Lazy(
    r"(?: [\w'-]+){0,3}? (?:loss(?:es)?|damages?|costs?|expenses?|harm|claims?|compensation|"
    r"liabilit(?:y|ies)|consequences|fallout|lost|penalt(?:y|ies)|fines?|shortfall|penny|cent)\b"
)
_SELF_LOSS = re.compile(r"comes to|came to|costs?|takes")
_AT_OUR_COST = re.compile(r"\b(?:at|for) (?:our|my) (?:own )?(?:cost|expense)\b")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


_LOSS_KEYS = ("pocket", "compensation", "loss", "damage", "cost", "expense", "harm", "claim", "liabilit", "consequence",
              "fallout", "lost", "losing", "shortfall", "penalt", "fine")  # fmt: skip
_OURS_PAYS = _Lazy(
    r"\b(?:ours to (?:make good|cover|pay|meet|bear|put right|answer for)|(?:we|i)(?:'ll| will|"
    r" shall|'d| would| are (?:happy|willing|prepared|ready) to| undertake to| commit to| agree "
    r"to| accept| take| promise to| guarantee to)? (?:make good|cover|pay|meet|bear|absorb|"
    r"reimburse|compensate|indemnify|refund|settle|shoulder|take on|accept|answer for|stand "
    r"behind|foot|pick up)|on us\b(?! to)|(?:on|for) our account|at our (?:own )?(?:cost|expense)|"
    r"(?:our|my) (?:responsibility|liability|fault|cost|expense|account)|what (?:we|i) (?:will|"
    r"'ll|would) (?:do|pay)|(?:we|i) (?:will|'ll|shall) (?:\w+ ){0,3}?(?:settle|pay for|cover) "
    r"(?:it|them|the lot|whatever|all)|(?:won't|will not|never) (?:be )?(?:left )?out of "
    r"pocket|(?:be|are|is) (?:made good|covered|paid|met|reimbursed|compensated|borne|absorbed|"
    r"refunded) (?:\w+ )?by us|(?:accept|take|admit) (?:full |complete |total |all )?(?:liability|"
    r"responsibility))\b"
)
# a bound, a reservation or a payment the contract already owes
_BOUND = _Lazy(
    r"(?:\b(?:up to|capped|a cap|limited to|no more than|not exceeding|maximum|within the "
    r"(?:cap|limit)|without (?:any )?(?:admission|prejudice)|subject to|reasonable|"
    r"(?:the|this|that|your|our) (?:invoice|balance|bill|fee|fees|deposit|retainer|"
    r"instal?ment|order|credit note|amount (?:owed|due|outstanding|invoiced)|outstanding "
    r"(?:amount|balance|sum))|invoices?(?: (?:no\.?|number|#))? ?\d|(?:as|under) (?:the|our) "
    r"(?:contract|agreement|terms)|the contract (?:requires|provides|says)|owed to you|you are "
    r"owed|due to you|the two|the three|the (?:spoiled|damaged|missing|short)|documented|"
    r"receipted|itemi[sz]ed)\b|[$\u00a3\u20ac\u00a5]\s?\d|\b\d[\d,.]* ?(?:usd|eur|gbp|aud|cad|"
    r"nzd|chf|sek|nok|dkk|jpy|inr|zar|sgd|hkd|mxn|brl|pln)\b|\b(?:usd|eur|gbp|aud|cad|nzd|chf|"
    r"sek|nok|dkk|jpy|inr|zar|sgd|hkd|mxn|brl|pln|r|rs\.?)\s?\d)"
)

# a joint governance path: a step up both sides take
_JOINT_PATH = _Lazy(
    r"\b(?:i'd suggest we|i would suggest we|i suggest we|let's|let us|shall we|we could|we "
    r"both|both of us|the two of us|together|jointly|as agreed|as we agreed|as (?:the|our) "
    r"(?:\w+ ){0,3}?(?:agreement|contract|schedule|protocol|process) (?:provides|says|sets "
    r"out))\b"
)
_YOU_IN_GATE = _Lazy(r"\b(?:you|your|you've|you're|yours)\b")


def _sentences(low: str, starts: list[int]) -> Iterator[tuple[int, int, int]]:
    for number, lo in enumerate(starts):
        yield number, lo, starts[number + 1] if number + 1 < len(starts) else len(low)


def _span(number: int, starts: list[int], size: int) -> Span:
    return starts[number], starts[number + 1] if number + 1 < len(starts) else size


def _reading(name: str, *matches: re.Match[str] | None) -> Reading:
    spans = tuple(sorted(m.span() for m in matches if m is not None))
    return Reading(name, spans[0][0], max(end for _s, end in spans), spans)


def _veiled(low: str, starts: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _POWER_KEYS):
        return
    for _number, lo, hi in _sentences(low, starts):
        power = _POWER.search(low, lo, hi)
        if power is None:
            continue
        episode = _EPISODE.search(low, lo, hi)
        memory = _MEMORY.search(low, lo, hi)
        if episode is None and memory is None:
            continue
        habit = _HABIT.search(low, lo, hi)
        # two of the three beside the power: this episode, a memory or access, a habit
        if sum(m is not None for m in (episode, memory, habit)) < 2:
            continue
        if _JOINT.search(low, lo, hi):
            continue
        yield _reading("signal-veiled-threat", power, episode or memory, habit)


def _paragraph_end(breaks: list[int], at: int, size: int) -> int:
    number = bisect.bisect_right(breaks, at)
    return breaks[number] if number < len(breaks) else size


def _irony(low: str, starts: list[int], breaks: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _PRAISE_KEYS):
        return
    size = len(low)
    for number, lo, hi in _sentences(low, starts):
        praise = _PRAISE.search(low, lo, hi)
        if praise is None:
            continue
        # a strong target anywhere in the sentence counts, not only the first one found
        targets = list(_TARGET.compiled.finditer(low, lo, hi))
        target = next((t for t in targets if _WEAK_TARGET.search(t[0]) is None), None) or (
            targets[0] if targets else None
        )
        n_lo, n_hi = lo, hi
        if number + 1 < len(starts):  # the sentence after, in the same paragraph
            n_lo, n_hi = _span(number + 1, starts, size)
            if n_lo >= _paragraph_end(breaks, lo, size):
                n_lo, n_hi = lo, hi
        if target is None and n_lo != lo:  # a count or a long wait told in the next sentence
            target = _REPEAT_OR_WAIT.search(low, n_lo, n_hi)
        mock = _MOCK.search(low, lo, hi) or _MOCK.search(low, n_lo, n_hi)
        weak = (
            None if mock else _MOCK_WEAK.search(low, lo, hi) or _MOCK_WEAK.search(low, n_lo, n_hi)
        )
        strong = target is not None and _WEAK_TARGET.search(target[0]) is None
        score = (2 if strong else 1 if target is not None else 0) + (
            2 if mock else 1 if weak else 0
        )
        mock = mock or weak
        if score < 2:
            continue
        if _OURS_AT_FAULT.search(low, lo, hi) or _OURS_AT_FAULT.search(low, n_lo, n_hi):
            continue
        yield _reading("signal-irony", praise, target, mock)


def _condescension(low: str, starts: list[int]) -> Iterator[Reading]:
    for _number, lo, hi in _sentences(low, starts):
        sentence = low[lo:hi]
        simple = _SIMPLE.search(low, lo, hi)
        if "you" not in sentence:
            # with no "you" in it, only an explanation made simple for them, by us: "I've
            # highlighted the clause and added a note in plain English"
            explained = _EXPLAINED_FOR_THEM.search(low, lo, hi) if simple else None
            if explained is not None and not _TOGETHER.search(low, lo, hi):
                yield _reading("signal-condescension", explained, simple)
            continue
        competent = _COMPETENT.search(low, lo, hi)
        tutor = _TUTOR.search(low, lo, hi)
        if tutor is not None and competent is None and not _LESSON.search(tutor[0]):
            tutor = None  # a plain request to review something, not a lesson
        if competent is None and (tutor or simple):
            competent = _COMPETENT_WEAK.search(low, lo, hi) or _EXPLAINED_FOR_THEM.search(
                low, lo, hi
            )
            if competent is not None and tutor is None and simple is None:
                competent = None
        if competent is None and tutor is None:
            continue
        if _TOGETHER.search(low, lo, hi):
            continue
        yield _reading("signal-condescension", competent, tutor or simple)


_LESSON = re.compile(
    r"familiari|brush|read(?:ing)? up|grips|learn|study|educat|basics|fundamentals|course|class|"
    r"explained|walked|again|properly|carefully|in full|once more|before|arithmetic|math|sums|"
    r"addition"
)


def _open_liability(low: str, starts: list[int]) -> Iterator[Reading]:
    if not any(key in low for key in _LOSS_KEYS):
        return
    for _number, lo, hi in _sentences(low, starts):
        ours = _OURS_PAYS.search(low, lo, hi)
        if ours is None:
            continue
        scope = None
        for match in _SCOPE.compiled.finditer(low, lo, hi):
            # the scope's own object: "any losses", "all the costs", "whatever it cost you"
            loss = _SCOPED_LOSS.compiled.match(low, match.end(), hi)
            if _SELF_LOSS.search(match.group()) or "pocket" in ours.group():
                loss = match  # "whatever it comes to", or "out of pocket" with any scope
            if match.group() == "in full":  # "in full" needs a loss, not a bill, in the clause
                loss = _LOSS.search(_AT_OUR_COST.sub(_blank, low[lo:hi]))
            if loss is not None:
                scope = match
                break
        if scope is None:
            continue
        if _BOUND.search(low, lo, hi):
            continue
        yield _reading("signal-open-liability", scope, ours)


def read(low: str, starts: list[int], breaks: list[int], wanted: frozenset[str]) -> list[Reading]:
    """Every reading of weak signals in ``wanted`` found in ``low``."""
    found: list[Reading] = []
    if "signal-veiled-threat" in wanted:
        found += _veiled(low, starts)
    if "signal-irony" in wanted:
        found += _irony(low, starts, breaks)
    if "signal-condescension" in wanted:
        found += _condescension(low, starts)
    if "signal-open-liability" in wanted:
        found += _open_liability(low, starts)
    return found


def cleared(low: str, starts: list[int], lo: int, hi: int, rule: str, category: str) -> bool:
    """Whether a finding of another reading in ``low[lo:hi]`` is cleared by its family:

    - an ultimatum that is a step up both sides take: a suggestion that "we" escalate, with
      no "you" in its condition ("if Carlos and Jennifer haven't landed it by the 20th, I'd
      suggest we escalate it to the two of us");
    - a promise to pay "in full" whose object is a bill the contract already owes them
      ("invoice 2291 was due on 30 November ... We will pay it in full by Friday"), with no
      loss in the sentence;
    - our mistake owned, beside a remedy with a bound ("we will refund the two cases and cover
      relabelling up to EUR 400"), where nothing was damaged or lost.
    """
    number = bisect.bisect_right(starts, lo) - 1
    s_lo, s_hi = _span(number, starts, len(low))
    if category == "ultimatums":
        joint = _JOINT_PATH.search(low, s_lo, s_hi)
        if joint is None or joint.start() <= lo:
            return False
        return _YOU_IN_GATE.search(low, s_lo, joint.start()) is None
    if category == "threats":
        if _EVERYONE_US_INCLUDED.search(low, s_lo, s_hi):  # a third party's rule for all, us too
            return True
        # our lawyers and theirs arranging the next step together
        return (
            _LAWYER_TO_LAWYER.search(low, s_lo, s_hi) is not None
            and _PROCESS_STEP.search(low, s_lo, s_hi) is not None
        )
    if category != "liability":
        return False
    p_lo = starts[number - 1] if number > 0 else s_lo  # this sentence and the one before
    n_hi = _span(number + 1, starts, len(low))[1] if number + 1 < len(starts) else s_hi
    if "in full" in low[lo:hi]:
        if _LOSS.search(low, s_lo, s_hi) or _HARM.search(low, s_lo, s_hi):
            return False
        return _OWED_BILL.search(low, p_lo, s_hi) is not None
    if rule == "reading-an-open-promise-to-pay" and _OWNED.compiled.fullmatch(low, lo, hi):
        if _HARM.search(low, p_lo, n_hi) or _OPEN.search(low, p_lo, n_hi):
            return False
        return _BOUND.search(low, s_lo, n_hi) is not None
    return False


# a third party's request of everyone, us included: a fact both sides face
_EVERYONE_US_INCLUDED = _Lazy(
    r"\b(?:every|all|each) (?:[\w-]+ ){0,3}?(?:(?:operator|supplier|customer|firm|member|vendor|"
    r"carrier|manufacturer|importer|exporter|retailer|provider|contractor|site|producer|"
    r"processor|grantee|licensee|business(?:e)?|compan(?:y|ie))s?)\b(?: [\w-]+){0,12}?,? (?:us included|including "
    r"(?:us|ours|our own)|us too|ourselves included|as well as us|and us)\b"
)
# our lawyers contacting theirs, for a step of process: routine once both have lawyers
_LAWYER_TO_LAWYER = _Lazy(
    r"\b(?:our|my) (?:legal team|lawyers?|solicitors?|counsel|legal counsel|attorneys?|legal "
    r"advisers?) (?:will|can|would|shall|is going to|are going to|could) (?:\w+ )?(?:contact|"
    r"call|speak to|talk to|write to|be in touch with|liaise with|meet|work with) (?:yours|your "
    r"(?:legal team|lawyers?|solicitors?|counsel|legal counsel|attorneys?|legal advisers?))\b"
)
_PROCESS_STEP = _Lazy(
    r"\bto (?:arrange|agree|set up|schedule|fix|book|draft|finalise|finalize|prepare|settle the "
    r"wording|align|document|record|plan) (?:\w+ )?(?:a |the |an )?(?:meeting|call|date|time|"
    r"wording|terms|agreement|settlement|document|minutes|next steps?|timetable|agenda)\b"
)
# a bill the contract already owes them
_OWED_BILL = _Lazy(
    r"\b(?:invoices?|balance|retainer|instal?ments?|fees?|deposit|amount (?:owed|due|"
    r"outstanding)|outstanding (?:amount|balance|sum)|(?:was|is|were|are|fell|falls) due|"
    r"overdue|under the (?:contract|agreement|terms)|the contract (?:requires|provides|says))\b"
)
# what was damaged or lost
_HARM = _Lazy(
    r"\b(?:damage\w*|loss(?:es)?|lost|harm\w*|flood\w*|injur\w*|fire|leak\w*|breach\w*|"
    r"contaminat\w*|outage|recall|spoil\w*|ruin\w*|destroy\w*|fines?|penalt\w+|claims?)\b"
)
_OWNED = _Lazy(r"(?:our|my) (?:own )?(?:mistake|fault|error)")
_OPEN = _Lazy(r"\b(?:any|all|every|whatever|everything|anything else|in full|the full)\b")
