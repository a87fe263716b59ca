"""The names playbook expressions and templates may use, by where they appear."""

ANSWERS_ONLY: frozenset[str] = frozenset()
SCORE_NAMES = frozenset({"scores"})
OUTPUT_NAMES = frozenset({"scores", "bands", "labels", "route"})
ACTION_NAMES = frozenset(
    {"scores", "bands", "labels", "route", "case", "today", "stages", "levels", "playbook"}
)
TEMPLATE_NAMES = ACTION_NAMES | {"actions", "ledger"}
RESERVED = TEMPLATE_NAMES | {"expect", "answers", "none", "true", "false"}
