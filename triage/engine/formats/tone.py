"""The tone rules file (``tone-rules.toml`` and a team's own rules files), declared once.

The key names are plain tuples, which :mod:`triage.engine.tone` reads at import; the
tables are built when asked for (:func:`rules_file`), so a check of a draft never pays
for the declaration. The tone module checks a file's keys and types from these tables,
and its patterns itself (a regular expression is more than a type); ``triage schema
tone-rules`` writes them as a JSON Schema for editors.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triage.engine.formats.declare import Table

# Every enabled rule needs these, as non-empty text.
TEXT_KEYS = ("category", "pattern", "explanation", "suggestion")
# Patterns of the text around a match that cancel it, or that it needs.
CONTEXT_KEYS = (
    "unless_preceded_by",
    "unless_followed_by",
    "only_if_followed_by",
    "unless_in_sentence",
    "unless_in_paragraph",
)
ALSO_KEY = "also_in_sentence"  # one regular expression, or a list: every one must be found
NEARBY_KEY = "nearby_sentences"  # sentences either side, in the same paragraph, that count
MAX_NEARBY = 2
# A rule may name one of these readings of a sentence (triage.engine.tone_clauses) instead of
# giving a pattern: who does what to whom, rather than which words.
READING_KEY = "reading"
READINGS = (
    "consequence", "deadline", "blame", "always", "cover", "mock",
    "patronise", "irony", "habit", "audience", "chase",
    "act-threat", "act-audience", "act-ultimatum", "act-blame", "act-absolute", "act-mock",
    "frame-forced-hand", "frame-mock-excuse", "frame-against-expectation", "frame-simplified",
    "frame-weighs", "frame-held-back", "frame-sweep", "frame-incapable", "frame-counterfactual",
    "move-forum", "move-audience", "move-last-ask", "move-after-date", "move-sanction",
    "who-competence", "who-worse-imagined", "who-offer-expires", "who-relationship-alternative",
    "who-cause-theirs", "who-every-loss", "who-tally", "who-firm-reads-file",
    "veiled-restraint-ends", "veiled-report-left-to-them", "veiled-lapse-traced",
    "veiled-mock-acceptance", "veiled-habit",
    "signal-veiled-threat", "signal-irony", "signal-condescension", "signal-open-liability",
)  # fmt: skip
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
WORDS_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
TOP_KEYS = ("format", "rules", "words")

_DESCRIPTIONS = {
    "category": "What kind of wording it finds: threats, ultimatums, sarcasm, liability, "
    "blame or absolutes.",
    "pattern": "A regular expression (whole words); {name} stands for a [words] list. "
    "Needed unless the rule names a reading.",
    "explanation": "Why a reader would take it badly, shown with the finding.",
    "suggestion": "A calmer way to say it.",
    "unless_preceded_by": "No finding when the text just before the match matches this.",
    "unless_followed_by": "No finding when the text just after the match matches this.",
    "only_if_followed_by": "A finding only when the text just after the match matches this.",
    "unless_in_sentence": "No finding when the sentence also matches this.",
    "unless_in_paragraph": "No finding when the paragraph also matches this.",
    READING_KEY: "Instead of a pattern: a reading of each sentence (who does what to whom): "
    "consequence (one for the reader, tied to what they do), deadline (the same, tied to a "
    "date), blame (the reader as the one who failed), always (the reader always failing), "
    "cover (an open promise to pay, or a whole fault owned), mock (mock praise or surprise, "
    "talking down).",
}


@functools.cache
def rule_table() -> Table:
    """One ``[[rules]]`` entry."""
    from triage.engine.formats.declare import ANY, BOOL, INT, TEXT, Key, Table

    return Table(
        "rule",
        (
            Key("id", TEXT, "Lowercase letters, digits and '-'; unique in the file. A team "
                "file's rule with a built-in id replaces it.", required=True,
                pattern=ID_PATTERN),
            Key("enabled", BOOL, "false switches the rule (or a built-in one) off.",
                default=True, documented=True),
            *(Key(name, TEXT, _DESCRIPTIONS[name], default="") for name in TEXT_KEYS),
            *(Key(name, TEXT, _DESCRIPTIONS[name], default="") for name in CONTEXT_KEYS),
            Key(ALSO_KEY, ANY, "A regular expression, or a list of them, each of which the "
                "sentence must also match.", schema={"type": ["string", "array"]}),
            Key(READING_KEY, TEXT, _DESCRIPTIONS[READING_KEY], default="",
                choices=READINGS),
            Key(NEARBY_KEY, INT, "How many sentences either side, in the same paragraph, "
                "count as the match's sentence (0 to 2).", default=0, documented=True,
                choices=tuple(range(MAX_NEARBY + 1))),
        ),
        "A tone rule: a pattern that finds wording a reader would take badly.",
    )  # fmt: skip


@functools.cache
def rules_file() -> Table:
    """A whole tone rules file."""
    from triage.engine.formats.declare import ARRAY, INT, TABLE, Key, Table

    words = Table(
        "words",
        values=Key("list", ARRAY, "Words or phrases, as regular expressions."),
        names=WORDS_NAME_PATTERN,
        description="Named word lists, written {name} in a pattern.",
    )
    return Table(
        "tone rules",
        (
            Key("format", INT, "The rules format: 1.", default=1, documented=True,
                choices=(1,)),
            Key("rules", ARRAY, "The rules, in the order they are tried.", items=rule_table()),
            Key("words", TABLE, "Named word lists.", table=words),
        ),
        "A tone rules file: triage's own, or a team's added with --rules or "
        "TRIAGE_TONE_RULES.",
    )  # fmt: skip
