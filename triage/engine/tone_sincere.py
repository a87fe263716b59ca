"""The tone check's clearances for words that look like a move but, read for who acts and what
follows for whom, are meant plainly:

- **a process both sides follow** (ultimatums): a condition whose subject is either of us ("if
  either of us cannot resolve an item within five days, we escalate it to ..."): the step up
  applies to both, so it is a governance rule, not a consequence for them;
- **a step that needs a document** (ultimatums): "could you send the tickets by Wednesday? We
  can't release payment without them" tells what our process depends on; a penalty we choose
  ("we will withhold payment", "or we cancel") is still an ultimatum;
- **their speed praised** (sarcasm): "record time" or "lightning speed" for work they finished,
  with thanks in the paragraph and no lapse beside it ("you turned round the findings in record
  time: all eleven closed within nine days"); the same words after a delay are irony;
- **a double negative** (absolutes, blame): their side that "did not once miss a slot" is praised,
  not judged;
- **a named fact owned** (liability): "the late deliveries on your spring orders were our fault",
  a specific thing of ours owned with no sweeping word ("entirely", "from start to finish"), no
  loss, cost or legal word in the sentence or the next, is an apology, not an admission of
  liability.

:func:`cleared` is asked about each finding after the readings, with the rule's id and category.
"""

from __future__ import annotations

import bisect

from triage.engine.tone_clauses import _Lazy

__all__ = ["cleared"]

# -- a process both sides follow ---------------------------------------------------------------
_MUTUAL_GATE = _Lazy(
    r"\b(?:if|when|where|whenever|should|unless|once) (?:either|neither|each|whichever|any) "
    r"(?:of us|of the (?:two |three )?(?:parties|sides|teams|leads|owners)|party|side|team)\b"
)

# -- a step that cannot happen without a document: a dependency told, not a penalty chosen -----
_CANNOT_WITHOUT = _Lazy(
    r"\b(?:can't|cannot|can not|(?:are|am) (?:not able|unable) to|couldn't|could not) (?:\w+ ){0,2}?"
    r"(?:release|process|approve|make|raise|pay|book|clear|issue|file|load|ship|post|sign off)"
    r"(?: [\w'-]+){0,6}? without (?:them|it|those|these|the [\w'-]+(?: [\w'-]+)?|a [\w'-]+|"
    r"your [\w'-]+)\b"
)
_CHOSEN_PENALTY = _Lazy(
    r"\b(?:withhold\w*|cancel\w*|terminat\w*|stop\w*|charg\w*|elsewhere|another (?:supplier|"
    r"vendor|firm|carrier)|(?:will|shall|'ll) (?:have to|be forced|need to)|no choice|otherwise|"
    r"or else|deduct\w*|penalt\w*|interest)\b"
)

# -- their speed praised -----------------------------------------------------------------------
_SPEED_PRAISE = _Lazy(
    r"\b(?:record time|lightning(?: speed| fast| quick)|blistering (?:pace|speed))\b"
)
_THEY_FINISHED = _Lazy(
    r"\b(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+)(?:'ve| have| had)? (?:\w+ )?(?:turned (?:round|around)|"
    r"closed|cleared|fixed|resolved|completed|finished|delivered|shipped|sorted|processed|"
    r"answered|approved|signed|returned|rebuilt|restored|repaired|installed|got|put|had|"
    r"worked through|dealt with)\b"
)
_THANKS = _Lazy(
    r"\b(?:thank\w*|well done|grateful|credit to|great work|impressive|appreciate\w*|"
    r"congratulat\w*|kudos|hats off|proper thank)\b"
)
_LAPSE_NEAR = _Lazy(
    r"\b(?:late|overdue|finally|eventually|at last|still|only (?:took|after)|after (?:\w+ ){0,2}?"
    r"(?:weeks|months|days)|weeks (?:after|late)|months (?:after|late)|delay\w*|missed|chas\w+|"
    r"waiting|no reply|wrong|again|shame|pity|if only|next time)\b"
)

# -- a double negative: "not once missed" --------------------------------------------------------
_NOT_ONCE_FAILED = _Lazy(
    r"\b(?:not|never) once (?:\w+ )?(?:miss\w*|fail\w*|let (?:us|me|anyone) down|complain\w*|"
    r"slipp?\w*|falter\w*|hesitat\w*|waver\w*|dropp?\w*|grumbl\w*|object\w*|argu\w*)"
)

# -- a named fact owned ------------------------------------------------------------------------
_NAMED_FACT_OWNED = _Lazy(
    r"\b(?:the|those|these|that|our) (?:[\w'-]+ ){1,7}?(?:was|were|is|are) our (?:own )?fault\b"
)
_SWEEPING = _Lazy(
    r"\b(?:entirely|completely|wholly|totally|solely|fully|all|100%|100 per ?cent|start to "
    r"finish|every|whatever|everything|legally|squarely|alone|only|whole)\b"
)
_AT_STAKE = _Lazy(
    r"\b(?:loss(?:es)?|lost|damage\w*|costs?|cost you|expenses?|compensat\w*|reimburs\w*|"
    r"indemn\w*|claims?|liab\w*|legal\w*|lawyers?|solicitors?|court|breach\w*|negligen\w*|"
    r"penalt\w*|fines?|injur\w*|outage|contract|pay (?:for|all|any|every|whatever)|make good|"
    r"cover (?:all|any|every|whatever|the cost))\b"
)


def _sentence(starts: list[int], size: int, at: int) -> tuple[int, int, int]:
    number = bisect.bisect_right(starts, at) - 1
    lo = starts[number]
    hi = starts[number + 1] if number + 1 < len(starts) else size
    return number, lo, hi


def _paragraph(low: str, at: int) -> tuple[int, int]:
    lo = low.rfind("\n", 0, at) + 1
    hi = low.find("\n", at)
    return lo, hi if hi != -1 else len(low)


def cleared(low: str, starts: list[int], lo: int, hi: int, rule: str, category: str) -> bool:
    """Whether the finding ``low[lo:hi]`` of ``rule`` is one of the plain meanings above."""
    number, s_lo, s_hi = _sentence(starts, len(low), lo)
    if category == "ultimatums":
        gate = _MUTUAL_GATE.search(low, s_lo, s_hi)
        if gate is not None and gate.start() <= max(lo, s_lo) + 2:
            return True
        end = _sentence(starts, len(low), max(hi - 1, lo))[2]  # the sentence the finding ends in
        needs = _CANNOT_WITHOUT.search(low, lo, end)
        return needs is not None and _CHOSEN_PENALTY.search(low, lo, end) is None
    if category == "sarcasm":
        if _SPEED_PRAISE.compiled.fullmatch(low, lo, hi) is None:
            return False
        if _THEY_FINISHED.search(low, s_lo, lo) is None:
            return False
        p_lo, p_hi = _paragraph(low, lo)
        n_hi = starts[number + 2] if number + 2 < len(starts) else len(low)
        if _LAPSE_NEAR.search(low, s_lo, min(n_hi, p_hi)):
            return False
        return _THANKS.search(low, max(p_lo, starts[max(number - 1, 0)]), p_hi) is not None
    if category in ("absolutes", "blame"):
        praise = _NOT_ONCE_FAILED.search(low, s_lo, s_hi)
        return praise is not None and lo <= praise.end() and praise.start() <= hi + 12
    if category == "liability" and rule == "our-fault":
        owned = _NAMED_FACT_OWNED.search(low, s_lo, s_hi)
        if owned is None or not owned.start() <= lo < owned.end():
            return False
        n_hi = starts[number + 2] if number + 2 < len(starts) else len(low)
        swept = _SWEEPING.search(low, s_lo, s_hi) is not None
        return not swept and _AT_STAKE.search(low, s_lo, n_hi) is None
    return False
