"""The playbook format (format 1), and the stage files a playbook includes, declared once.

Every table and key of a playbook is written here with its type, whether it is
required, its default, its description and its checks. :mod:`triage.engine.playbook`
checks a file's shape against these tables before it builds the model and checks names,
expressions and templates; :func:`triage.engine.schema.playbook_schema` writes the JSON
Schema editors read from the same tables.
"""

from __future__ import annotations

from typing import Any

from triage.engine import holidays
from triage.engine.formats.declare import ANY, ARRAY, BOOL, INT, NUMBER, TABLE, Key, Table, Variant
from triage.engine.kinds import FIELD_KINDS, KINDS, named
from triage.engine.names import ROUTE_CHOICES, ROUTES

ID_PATTERN = "^[a-z][a-z0-9_]*$"
ID_MESSAGE = (
    "`{where}` = {value!r} must start with a lowercase letter and use only lowercase "
    "letters, digits and underscores."
)
FORMAT = 1


def identifier(description: str, required: bool = True) -> Key:
    """An ``id``: checked against the identifier pattern."""
    return Key(
        "id",
        description=description,
        required=required,
        default="",
        pattern=ID_PATTERN,
        pattern_message=ID_MESSAGE,
    )


def text(name: str, description: str = "", **more: Any) -> Key:
    """A key holding text."""
    return Key(name, description=description, **more)


def expression(name: str, description: str, **more: Any) -> Key:
    """A key holding a Jinja2 expression (its names are checked by checks.py)."""
    return Key(name, description=description, expression=True, **more)


def route(name: str, description: str = "", **more: Any) -> Key:
    """A key naming a route: one of the engine's routes."""
    return Key(
        name,
        description=description or ROUTE_CHOICES[:1].upper() + ROUTE_CHOICES[1:] + ".",
        choices=ROUTES,
        choices_message="`{where}` = {value!r} is not a route; use " + ROUTE_CHOICES + ".",
        **more,
    )


# -- questions -----------------------------------------------------------------------------

WEIGHTS = Table(
    "weights",
    description="Score name = points.",
    values=Key("points", NUMBER),
    wrong_entry="`{where}` must be a number of points.",
)
WEIGHTS_WRONG = "`{where}` must be a table of score name = points."

OPTION = Table(
    "option",
    (
        text(
            "value",
            "What is stored and compared in conditions; unique in the question.",
            required=True,
            default="",
        ),
        text("label", "What the user sees.", required=True),  # the value when missing
        Key("scores", TABLE, "Points added when chosen.", table=WEIGHTS, wrong=WEIGHTS_WRONG),
    ),
)


def _question_rules(is_field: bool) -> list[dict[str, Any]]:
    """What editors check between a question's keys; the engine says the same in
    :mod:`triage.engine.structure`, from the same kinds."""
    rules: list[dict[str, Any]] = [
        {
            "if": {
                "properties": {"kind": {"enum": named(lambda k: k.has_options)}},
                "required": ["kind"],
            },
            "then": {"required": ["options"]},
            "else": {"not": {"required": ["options"]}},
        },
        {
            "if": {"properties": {"kind": {"enum": named(lambda k: k.bound is None)}}},
            "then": {"not": {"anyOf": [{"required": ["min"]}, {"required": ["max"]}]}},
        },
        {
            "if": {"properties": {"kind": {"const": named(lambda k: k.has_labels)[0]}}},
            "else": {"not": {"required": ["labels"]}},
        },
    ]
    if not is_field:
        rules.append(
            {
                "if": {
                    "properties": {"kind": {"const": named(lambda k: k.has_fields)[0]}},
                    "required": ["kind"],
                },
                "then": {"required": ["fields"]},
                "else": {"not": {"required": ["fields"]}},
            }
        )
        rules.append(
            {
                "if": {"required": ["scores"]},
                "then": {"properties": {"kind": {"enum": named(lambda k: k.scored)}}},
            }
        )
    return rules


def _question(is_field: bool) -> Table:
    kinds = FIELD_KINDS if is_field else tuple(KINDS)
    keys = [
        identifier(
            "Identifier: a lowercase letter, then lowercase letters, digits or underscores. "
            + ("Unique within the list." if is_field else "Unique across the whole playbook.")
        ),
        Key(
            "kind",
            description="What sort of answer the question takes.",
            required=True,
            default="",
            choices=kinds,
            choices_message="`{where}` = {value!r} is not a known kind; use one of {choices}.",
        ),
        text(
            "prompt",
            "The question as the user sees it.",
            required=True,
            default="",
            schema={"minLength": 1},
        ),
        text("help", "Shown under the field.", default=""),
        Key(
            "required",
            BOOL,
            "An answer is required (default false).",
            default=False,
            documented=True,
        ),
        Key(
            "default",
            ANY,
            "A valid answer of the question's kind, used until the user answers.",
            schema={"type": ["string", "number", "boolean", "array", "object"]},
        ),
        # min and max take the kind's own type (a number, a date): checked with the kind
        Key(
            "min",
            ANY,
            "number: smallest value; date: earliest date; list: fewest rows; "
            "multi: fewest choices.",
            schema={"type": ["number", "string"]},
        ),
        Key(
            "max",
            ANY,
            "number: largest value; date: latest date; list: most rows; multi: most choices.",
            schema={"type": ["number", "string"]},
        ),
        Key("min_length", INT, "text: fewest characters.", schema={"minimum": 0}),
        Key("max_length", INT, "text: most characters.", schema={"minimum": 0}),
        text("pattern", "text: a regular expression the whole answer must match."),
        text("message", "What the user sees when min, max, length or pattern checks fail."),
        Key(
            "labels",
            ARRAY,
            "scale only: names of the values 1 to 5.",
            default=(),
            items=Key("label"),
            schema={"minItems": 5, "maxItems": 5},
        ),
        text("unit", "number: a unit shown beside the field, such as GBP.", default=""),
        Key(
            "options",
            ANY,  # an array: checked with the kind, which may not take options at all
            "choice and multi: the options to pick from.",
            default=(),
            items=OPTION,
            schema={"type": "array", "minItems": 1},
        ),
    ]
    if not is_field:
        keys += [
            expression(
                "when", "The question applies only when this holds (answers only, no scores)."
            ),
            Key(
                "scores",
                TABLE,
                "yesno: points added on yes; scale and number: the answer times the weight.",
                table=WEIGHTS,
                wrong=WEIGHTS_WRONG,
            ),
            Key(
                "fields",
                ANY,  # an array: checked with the kind, as options are
                "list only: the fields of each row.",
                default=(),
                items=FIELD,
                schema={"type": "array", "minItems": 1},
            ),
        ]
    return Table(
        "field" if is_field else "question",
        tuple(keys),
        "A field of a list question's rows." if is_field else "A question: [[stages.questions]].",
        schema={"allOf": _question_rules(is_field)},
    )


FIELD = _question(is_field=True)
QUESTION = _question(is_field=False)

# -- stages --------------------------------------------------------------------------------

STAGE = Table(
    "stage",
    (
        identifier("Identifier, unique in the playbook."),
        text("title", "The stage's title.", required=True, default="", schema={"minLength": 1}),
        text("guidance", "Markdown shown beside the questions.", default=""),
        expression("when", "The stage applies only when this holds (answers only)."),
        Key("questions", ARRAY, default=(), items=QUESTION),
        text(
            "include",
            "Path of a stage file, e.g. shared/intake.toml, relative to this file and "
            "inside the playbook's folder; nothing else goes beside it.",
            # the engine says more: outside the folder, absolute, no such file
            schema={"pattern": r"^(?![/\\])(?![A-Za-z]:)(?!.*(^|[/\\])\.\.([/\\]|$)).+\.toml$"},
        ),
    ),
    "A stage: a page of questions, asked in order; or `include`, which splices in the "
    "stages of a stage file.",
    # One object for a stage and for an include, told apart by `if`/`then`: with `anyOf`,
    # editors (taplo, VS Code's Even Better TOML) report a misspelled key inside a stage as
    # "not valid under any of the schemas" with the whole stage, and never name the key.
    variant=Variant("include", ("include",)),
)

# -- scores and the decision ---------------------------------------------------------------

BAND = Table(
    "band",
    (
        Key(
            "min",
            NUMBER,
            "Lowest value in the band (the lowest band also catches less).",
            default=float("-inf"),
        ),
        text("label", "The band's name, e.g. High.", required=True, default=""),
        text("advice", "What the band means for the user.", default=""),
    ),
)
ADJUST = Table(
    "adjust",
    (
        expression(
            "when",
            "Add the points when this holds (answers and scores).",
            required=True,
            default="false",
        ),
        Key("points", NUMBER, required=True, default=0),
        text("because", "The reason shown among the score's drivers.", required=True, default=""),
    ),
)
SCORE = Table(
    "score",
    (
        text("label", "The score's name as users see it.", required=True),  # the name if not
        text("description", "What the score measures.", default=""),
        Key("start", NUMBER, "Starting value (default 0).", default=0, documented=True),
        Key(
            "bands",
            ARRAY,
            required=True,
            missing="",
            default=(),
            items=BAND,
            schema={"minItems": 1},
        ),
        Key("adjust", ARRAY, default=(), items=ADJUST),
    ),
)
SCORES = Table("scores", description="Named scores with bands.", values=SCORE)

RULE = Table(
    "rule",
    (
        identifier("Identifier, unique among the rules."),
        expression(
            "when",
            "The rule holds when this is true (answers and `scores`).",
            required=True,
            default="false",
        ),
        route("route", required=True, default=""),
        Key("level", INT, "Escalation level; one of [[levels]]."),
        text("because", "Why this route, in a sentence the user reads.", required=True, default=""),
    ),
)
DECISION = Table(
    "decision",
    (
        route("default", required=True, default=""),
        Key("level", INT, "Escalation level of the default."),
        text("because", "Why the default route, when no rule holds.", required=True, default=""),
        Key("rules", ARRAY, default=(), items=RULE),
    ),
    "How the route is chosen: the first rule that holds, else the default.",
)

# -- levels and actions --------------------------------------------------------------------

RAISE_MISSING = (
    "{what} has `when`, so it needs `because`: the reason users see when it raises the level."
)
RAISE = Table(
    "raise",
    (
        expression(
            "when", "Raise the route to at least this level.", required=True, default="false"
        ),
        text(
            "because",
            "Why, in a sentence the user reads.",
            required=True,
            default="",
            missing=RAISE_MISSING,
        ),
    ),
)
LEVEL = Table(
    "level",
    (
        Key("level", INT, "The level's number, unique.", required=True, default=0),
        text("name", "The level's name.", required=True, default=""),
        text("who", "Who may decide at this level.", default=""),
        text("decides", "What may be decided at this level.", default=""),
        expression(
            "when",
            "Raise the route to at least this level when this holds (answers and `scores`).",
        ),
        text("because", "Why the level is raised; required with `when`.", default=""),
        Key(
            "raises",
            ARRAY,
            "More conditions that raise the route to this level, each with its own reason.",
            default=(),
            items=RAISE,
        ),
    ),
    schema={"dependentRequired": {"when": ["because"]}},
)
PRIORITIES = ("high", "normal", "low")  # an action's weight beside others due the same day
ACTION = Table(
    "action",
    (
        text("what", "Template: what to do.", required=True, default=""),
        text(
            "id",
            "A short, stable name for the action: its calendar event and its follow-through "
            "updates stay with it when its words change (else they follow a digest of `what`).",
            default="",
        ),
        text("owner", "Template: who does it.", default=""),
        Key("due_days", INT, "Days after the case date (used when `due` gives none)."),
        expression(
            "due",
            "The due date: an expression giving a date, e.g. `today | add_working_days(3)`; "
            "none falls back to `due_days`.",
        ),
        expression(
            "before",
            "A moment the step must come before: an expression giving a date (the first "
            "meeting, their deadline), or none. A due date on or after it moves to the last "
            "working day before it, or, when no working day is left, to the last day before "
            "it, weekend or not; never before the case date.",
        ),
        expression("when", "Include the action (or the rows) only when this holds."),
        Key(
            "any_day",
            BOOL,
            "Keep the due date even on a weekend or a day off (default false: it moves to the "
            "next working day): for a clock that does not stop, such as a 72-hour reporting "
            "window.",
            default=False,
            documented=True,
        ),
        Key(
            "priority",
            description="How much the step matters beside others due the same day, and for the "
            "plan's next three actions: `high` for the act that protects us before a deadline "
            "or carries the remedy the case turns on, `low` for preparation and routine (a "
            "document list, a ledger); default `normal`. With `from`, it is the priority "
            "of every row the manager typed.",
            default="normal",
            choices=PRIORITIES,
            choices_message="`{where}` = {value!r} is not a priority; use one of {choices}.",
            documented=True,
        ),
        Key(
            "shared",
            BOOL,
            "To share with the other side (default false: internal); with `from`, a yesno "
            "field `shared` in a row overrides it.",
            default=False,
            documented=True,
        ),
        Key(
            "outward",
            BOOL,
            "A step towards the other side (a call, an email, a notice) whose words are for "
            "us, so it stays off the shared list: the plan's next three always hold one such "
            "step (or a shared one) when there is one this week. Default false.",
            default=False,
            documented=True,
        ),
        text(
            "from",
            "The id of a list question whose rows are actions.",
            schema={"pattern": ID_PATTERN},  # checked by name: it must be a list question
        ),
    ),
    "An action written into actions.csv; or, with `from`, the rows of a list question "
    "(fields what, owner, due, and optionally status and a yesno shared).",
    variant=Variant("from", ("from", "when", "shared", "priority")),
)

# -- outputs -------------------------------------------------------------------------------

RESERVED_FILES = ("case.toml", "actions.csv", "actions.ics")  # written by triage itself
OUTPUT = Table(
    "output",
    (
        text(
            "file",
            "The file name written to the output folder.",
            required=True,
            # the engine says "must be a plain file name" in its own words
            schema={
                "pattern": r"^(?!\.\.?$)(?!case\.toml$)(?!actions\.csv$)(?!actions\.ics$)[^/\\]+$"
            },
        ),
        text("template", "Template path, relative to the playbook and inside its folder."),
        expression("when", "Write this output only when this holds (`route` is the route id)."),
        expression(
            "events",
            "Calendar (.ics) only: the slots offered, a list of tables with `date` and "
            "`time`, e.g. `slots_ahead`.",
        ),
        expression("minutes", "Calendar (.ics) only: each event's length in minutes."),
        expression(
            "zone",
            "Calendar (.ics) only: the IANA time zone of the clock the times are typed on "
            '(e.g. "Africa/Windhoek"); empty or unknown: the times are written as floating '
            "local times, shown at the hour typed. Never the zone of the computer that runs it.",
        ),
        text("title", "Calendar (.ics) only. Template: each event's title."),
        Key(
            "words",
            INT,
            "Templated files only: the most words the file should run to. A file that runs "
            "over is written again with `tight` true, for its template to leave out what "
            "matters least (an email is counted by its body).",
            schema={"minimum": 1},
        ),
    ),
    "An extra output: a templated file, or with a `.ics` file name a calendar of the meeting "
    "slots offered (`events`, `minutes`, `title`).",
    schema={
        "if": {"properties": {"file": {"pattern": "\\.ics$"}}},
        "then": {"required": ["events", "title"], "not": {"required": ["template"]}},
        "else": {
            "required": ["template"],
            "not": {
                "anyOf": [
                    {"required": ["events"]},
                    {"required": ["minutes"]},
                    {"required": ["zone"]},
                    {"required": ["title"]},
                ]
            },
        },
    },
)
CALENDAR_OUTPUT = OUTPUT.subset("file", "when", "events", "minutes", "zone", "title",
                                required=("events", "title"))  # fmt: skip
FILE_OUTPUT = OUTPUT.subset("file", "template", "when", "words", required=("template",))
PLAN_OUTPUT = OUTPUT.subset("file", "template", "when", "words", optional=("file",), name="plan")
EMAIL_OUTPUT = Table(
    "email",
    (
        *PLAN_OUTPUT.keys,
        text("subject", "Template: the email's subject."),
        text("to", "Template: the recipient, e.g. {{ their_email or '' }}."),
        text(
            "cc",
            "Template: who the email copies, one address at most; empty for no Cc line.",
        ),
        text(
            "from",
            "Template: the sender, e.g. {{ (our_contact ~ ' <' ~ our_email ~ '>') "
            "if our_email else '' }}.",
        ),
    ),
)
OUTPUTS = Table(
    "outputs",
    (Key("plan", TABLE, table=PLAN_OUTPUT), Key("email", TABLE, table=EMAIL_OUTPUT)),
    "Override the default outputs (plan, email) or add others.",
    values=OUTPUT,
)

# -- the file ------------------------------------------------------------------------------

FACTS = Table(
    "facts",
    description="Named expressions, e.g. formal = \"'lawyers' in red_flags\".",
    values=expression(
        "fact",
        "Worked out once and read by name in rules, actions and templates; it may use the "
        "facts above it.",
    ),
    names=ID_PATTERN,
    wrong_entry="`{where}` must be an expression in quotes, like \"fault == 'mostly_us'\".",
)

PLAYBOOK = Table(
    "playbook",
    (
        Key(
            "format",
            INT,
            "The playbook format; must be 1.",
            required=True,
            choices=(FORMAT,),
            choices_message="`{where}` = {value} is not supported; this version of triage "
            f"reads format {FORMAT}.",
        ),
        text("title", "The playbook's title.", required=True, default="", schema={"minLength": 1}),
        text(
            "summary",
            "One or two sentences shown on the home screen.",
            required=True,
            default="",
            schema={"minLength": 1},
        ),
        text("version", "The playbook's own version, e.g. 1.0.0.", required=True, default=""),
        Key(
            "levels",
            ARRAY,
            "Escalation levels (the authority matrix).",
            default=(),
            items=LEVEL,
        ),
        Key("facts", TABLE, default={}, table=FACTS),
        expression(
            "days_off",
            "Days no due date may fall on, besides weekends: a list of public-holiday "
            f"calendars ({', '.join(holidays.CALENDARS)}) and dates (or rows with a date), "
            'e.g. "[holiday_calendars, closed_days]"; templates read them as `days_off`.',
        ),
        Key(
            "stages",
            ARRAY,
            "Stages in order; `include` splices in a stage file.",
            default=(),
            items=STAGE,
        ),
        Key("scores", TABLE, table=SCORES, wrong="`scores` must be a table of named scores."),
        Key("decision", TABLE, default={}, table=DECISION),
        Key("actions", ARRAY, default=(), items=ACTION),
        Key("outputs", TABLE, table=OUTPUTS),
    ),
    "A triage playbook (format 1), or a stage file it includes (only `stages`). "
    "See docs/authoring.md.",
)
# A stage file holds stages; the other keys it may hold are notes for its readers.
STAGE_FILE = PLAYBOOK.subset(
    "format", "title", "summary", "stages", optional=("format", "title", "summary"),
    name="stage file",
)  # fmt: skip

# The tables editors see under "$defs", in this order; the others are written in place.
DEFS = (STAGE, QUESTION, FIELD, OPTION, WEIGHTS, SCORE, BAND, ADJUST, DECISION, RULE, LEVEL,
        ACTION, OUTPUT)  # fmt: skip
