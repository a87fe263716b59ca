"""Names the engine shares: routes, and what expressions and templates may use where."""

ROUTES = ("negotiate", "mediate", "legal", "exit")
ROUTE_LABELS = {
    "negotiate": "Negotiate directly",
    "mediate": "Bring in a mediator",
    "legal": "Take legal advice",
    "exit": "Part well: a planned exit",
}
ROUTE_CHOICES = ", ".join(ROUTES[:-1]) + " or " + ROUTES[-1]  # for messages

ANSWERS_ONLY: frozenset[str] = frozenset()
SCORE_NAMES = frozenset({"scores"})
OUTPUT_NAMES = frozenset({"scores", "bands", "labels", "route"})
ACTION_NAMES = frozenset(
    {"scores", "bands", "labels", "route", "case", "today", "stages", "levels", "playbook"}
    | {"days_off", "deadline_source"}
)
# what the playbook's `days_off` may read: it is worked out before the names after it
DAYS_OFF_NAMES = ACTION_NAMES - {"days_off", "deadline_source"}
# `tight`: true when a file with a word budget (`words`) ran over it and is written again
TEMPLATE_NAMES = ACTION_NAMES | {"actions", "ledger", "retired_answers", "reader_needs", "tight"}
RESERVED = TEMPLATE_NAMES | {"expect", "answers", "none", "true", "false"}
