"""Case files (``case.toml``) and answers files, declared once.

A case file is what triage writes as a user works: ``[case]`` (who and when), the
answers, the user's override, text kept while it is not yet a valid answer, edited
drafts, the follow-through and the ledger. :func:`triage.engine.case.case_from_toml`
checks a file against :data:`CASE_FILE` and builds the :class:`~triage.engine.case.Case`.
Tables triage writes for readers (``scores``, ``route``) are not read back, and keys a
later version may add are kept quiet, so that case files of every version load.

An answers file is a flat table of question id = answer (checked against the playbook's
questions) with the few keys of :data:`ANSWERS_FILE` beside them.
"""

from __future__ import annotations

from triage.engine.formats.declare import (
    ANY,
    ARRAY,
    DATE_TIME,
    TABLE,
    Key,
    Table,
)
from triage.engine.names import ROUTE_CHOICES, ROUTES

MUST_BE_TEXT = "`{where}` must be text."
MUST_BE_STAMP = "`{where}` must be a date and time."
TEXTS = "`{where}` must be a table of texts."


def _text(name: str, description: str, required: bool = False) -> Key:
    """A text of [case]: a required one may not be empty either."""
    return Key(
        name,
        description=description,
        required=required,
        default="",
        nonempty=required,
        wrong=MUST_BE_TEXT,
        missing=MUST_BE_TEXT if required else None,
    )


def _stamp(name: str, description: str) -> Key:
    return Key(
        name, DATE_TIME, description, required=True, wrong=MUST_BE_STAMP, missing=MUST_BE_STAMP
    )


CASE = Table(
    "case",
    (
        _text("id", "The case's id: its folder's name.", required=True),
        _text("playbook", "The id of the playbook the case follows.", required=True),
        _text("playbook_path", "Where that playbook was, to find it again."),
        _text("playbook_version", "The playbook's version when the case was last saved."),
        _text("playbook_hash", "The playbook's content hash, to say when it changed."),
        _stamp("created", "When the case was started."),
        _stamp("updated", "When the case was last saved."),
        _text("stage", "The stage the user was at."),
        _text("stage_title", "That stage's title, for lists of cases."),
        Key(
            "next_due",
            ANY,
            "The next open action's due date (ignored unless a date).",
            schema={"type": "string", "format": "date"},
        ),
        _text("next_action", "The next open action, with next_due."),
    ),
    "Who and when: the case's id, its playbook and where the user was.",
    open=True,
)
OVERRIDE = Table(
    "override",
    (
        Key(
            "route",
            description=ROUTE_CHOICES[:1].upper() + ROUTE_CHOICES[1:] + ".",
            required=True,
            nonempty=True,
            choices=ROUTES,
            choices_message="`{where}` = {value!r} is not a route; use " + ROUTE_CHOICES + ".",
        ),
        Key("reason", description="Why the user chose it.", required=True),
    ),
    "The route the user chose instead of the recommended one, and why.",
    open=True,
)


def _said(name: str, description: str) -> Key:
    """A text of a ledger entry: read as text whatever it holds, as every version has."""
    return Key(name, ANY, description, default="", schema={"type": "string"})


ENTRY = Table(
    "entry",
    (
        Key("at", DATE_TIME, "When it happened.", required=True, wrong=MUST_BE_STAMP),
        _said("event", "What happened, e.g. route-accepted."),
        _said("detail", "The detail people read."),
        _said("who", "Who decided, when someone did."),
        _said("version", "The playbook's version then."),
    ),
    open=True,
)


def _texts(name: str, description: str) -> Key:
    table = Table(name, values=Key("text"), wrong_entry=TEXTS.replace("{where}", name))
    return Key(name, TABLE, description, default={}, table=table, wrong=TEXTS)


# Tables of the follow-through, checked by triage.engine.tracking as it reads them.
LIST = {"type": "array", "items": {"type": "object"}}
FOLLOW_THROUGH = (
    Key("action_status", ANY, "Actions done, moved or dropped.", schema=LIST),
    Key("added_actions", ANY, "Actions added after the outputs were written.", schema=LIST),
    Key("meetings", ANY, "Meetings held.", schema=LIST),
    Key("outcomes", ANY, "Outcomes and agreed terms.", schema=LIST),
    Key(
        "escalation",
        ANY,
        "The level raised after an outcome, by whom and why.",
        schema={"type": "object"},
    ),
    Key("closed", ANY, "The case's close, with lessons learned.", schema={"type": "object"}),
)

CASE_FILE = Table(
    "case file",
    (
        Key("case", TABLE, table=CASE, required=True),
        Key(
            "answers",
            TABLE,
            "Question id = answer.",
            required=True,
            wrong="`{where}` must be a table.",
        ),
        Key("override", TABLE, table=OVERRIDE),
        _texts("pending", "Typed text that is not yet a valid answer, by question id."),
        _texts("drafts", "Output file = the user's edited text."),
        _texts("draft_bases", "Output file = what the draft was edited from."),
        Key("scores", ANY, "Written for readers; not read back.", schema={"type": "object"}),
        Key("route", ANY, "Written for readers; not read back.", schema={"type": "object"}),
        *FOLLOW_THROUGH,
        Key("ledger", ARRAY, "What happened, in order.", default=(), items=ENTRY),
    ),
    "A triage case file.",
    open=True,
)
FOLLOW_KEYS = tuple(k.name for k in FOLLOW_THROUGH)

EXPECT = Table(
    "expect",
    (
        Key("route", description="The route the playbook must recommend.", choices=ROUTES),
        Key("level", ANY, "The escalation level it must reach.", schema={"type": "integer"}),
        Key("bands", TABLE, "Score name = the band it must land in."),
    ),
    "An example's expectations, checked by `triage validate`.",
)
ANSWERS_FILE = Table(
    "answers file",
    (
        Key("expect", TABLE, table=EXPECT),
        Key(
            "import",
            ANY,
            "Mail or chat to import into the communications audit: a file name, a list of "
            "them, or a table with files (and ours, theirs, rows, whole_messages).",
        ),
    ),
    "Question id = answer, for `triage run --answers` and a playbook's examples.",
    values=Key("answer", ANY),
)
IMPORT_KEY = "import"  # an answer when the playbook has a question of that id
# never an answer, even for a question of that id
RESERVED_KEYS = frozenset(k.name for k in ANSWERS_FILE.keys if k.name != IMPORT_KEY)
