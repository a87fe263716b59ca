"""The JSON Schema of the playbook format, for editors and TOML language servers.

`triage schema` prints it; ``playbooks/schema/playbook.schema.json`` is the same
document written to disk, so a playbook (or stage file) that starts with
``#:schema ./schema/playbook.schema.json`` gets completion and checks in taplo
and Even Better TOML. TOML dates are strings with ``format: date`` here, as
those tools present them. The schema checks shape only; ``triage validate``
also checks names, expressions and templates.
"""

from __future__ import annotations

from typing import Any

from triage.engine import holidays
from triage.engine.model import FIELD_KINDS, KINDS, ROUTES
from triage.engine.names import ROUTE_CHOICES

SCHEMA_FILE = "schema/playbook.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

ID_PATTERN = "^[a-z][a-z0-9_]*$"


def _text(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **extra}


def _expression(description: str) -> dict[str, Any]:
    return _text(description + " A Jinja2 expression such as `severity >= 4`.", minLength=1)


def _question(is_field: bool) -> dict[str, Any]:
    kinds = FIELD_KINDS if is_field else KINDS
    properties: dict[str, Any] = {
        "id": _text(
            "Identifier: a lowercase letter, then lowercase letters, digits or underscores. "
            + ("Unique within the list." if is_field else "Unique across the whole playbook."),
            pattern=ID_PATTERN,
        ),
        "kind": {"enum": list(kinds), "description": "What sort of answer the question takes."},
        "prompt": _text("The question as the user sees it.", minLength=1),
        "help": _text("Shown under the field."),
        "required": {"type": "boolean", "description": "An answer is required (default false)."},
        "default": {
            "type": ["string", "number", "boolean", "array", "object"],
            "description": "A valid answer of the question's kind, used until the user answers.",
        },
        "min": {
            "type": ["number", "string"],
            "description": "number: smallest value; date: earliest date; list: fewest rows; "
            "multi: fewest choices.",
        },
        "max": {
            "type": ["number", "string"],
            "description": "number: largest value; date: latest date; list: most rows; "
            "multi: most choices.",
        },
        "min_length": {"type": "integer", "minimum": 0, "description": "text: fewest characters."},
        "max_length": {"type": "integer", "minimum": 0, "description": "text: most characters."},
        "pattern": _text("text: a regular expression the whole answer must match."),
        "message": _text("What the user sees when min, max, length or pattern checks fail."),
        "labels": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 5,
            "maxItems": 5,
            "description": "scale only: names of the values 1 to 5.",
        },
        "unit": _text("number: a unit shown beside the field, such as GBP."),
        "options": {
            "type": "array",
            "items": {"$ref": "#/$defs/option"},
            "minItems": 1,
            "description": "choice and multi: the options to pick from.",
        },
    }
    if not is_field:
        properties["when"] = _expression(
            "The question applies only when this holds (answers only, no scores)."
        )
        properties["scores"] = {
            "$ref": "#/$defs/weights",
            "description": "yesno: points added on yes; scale and number: the answer times "
            "the weight.",
        }
        properties["fields"] = {
            "type": "array",
            "items": {"$ref": "#/$defs/field"},
            "minItems": 1,
            "description": "list only: the fields of each row.",
        }
    rules: list[dict[str, Any]] = [
        {
            "if": {"properties": {"kind": {"enum": ["choice", "multi"]}}, "required": ["kind"]},
            "then": {"required": ["options"]},
            "else": {"not": {"required": ["options"]}},
        },
        {
            "if": {"properties": {"kind": {"enum": ["text", "longtext", "choice", "yesno"]}}},
            "then": {"not": {"anyOf": [{"required": ["min"]}, {"required": ["max"]}]}},
        },
        {
            "if": {"properties": {"kind": {"const": "scale"}}},
            "else": {"not": {"required": ["labels"]}},
        },
    ]
    if not is_field:
        rules.append(
            {
                "if": {"properties": {"kind": {"const": "list"}}, "required": ["kind"]},
                "then": {"required": ["fields"]},
                "else": {"not": {"required": ["fields"]}},
            }
        )
        rules.append(
            {
                "if": {"required": ["scores"]},
                "then": {"properties": {"kind": {"enum": ["yesno", "scale", "number"]}}},
            }
        )
    return {
        "type": "object",
        "description": "A field of a list question's rows."
        if is_field
        else "A question: [[stages.questions]].",
        "required": ["id", "kind", "prompt"],
        "properties": properties,
        "additionalProperties": False,
        "allOf": rules,
    }


def playbook_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of playbooks and of the stage files they include."""
    # One object for a stage and for an include, told apart by `if`/`then`: with `anyOf`,
    # editors (taplo, VS Code's Even Better TOML) report a misspelled key inside a stage as
    # "not valid under any of the schemas" with the whole stage, and never name the key.
    stage = {
        "type": "object",
        "description": "A stage: a page of questions, asked in order; or `include`, which "
        "splices in the stages of a stage file.",
        "properties": {
            "id": _text("Identifier, unique in the playbook.", pattern=ID_PATTERN),
            "title": _text("The stage's title.", minLength=1),
            "guidance": _text("Markdown shown beside the questions."),
            "when": _expression("The stage applies only when this holds (answers only)."),
            "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}},
            "include": _text(
                "Path of a stage file, e.g. shared/intake.toml, relative to this file and "
                "inside the playbook's folder; nothing else goes beside it.",
                pattern=r"^(?![/\\])(?![A-Za-z]:)(?!.*(^|[/\\])\.\.([/\\]|$)).+\.toml$",
            ),
        },
        "additionalProperties": False,
        "if": {"required": ["include"]},
        "then": {"maxProperties": 1},
        "else": {"required": ["id", "title"]},
    }
    option = {
        "type": "object",
        "required": ["value", "label"],
        "properties": {
            "value": _text("What is stored and compared in conditions; unique in the question."),
            "label": _text("What the user sees."),
            "scores": {"$ref": "#/$defs/weights", "description": "Points added when chosen."},
        },
        "additionalProperties": False,
    }
    weights = {
        "type": "object",
        "description": "Score name = points.",
        "additionalProperties": {"type": "number"},
    }
    band = {
        "type": "object",
        "required": ["label"],
        "properties": {
            "min": {
                "type": "number",
                "description": "Lowest value in the band (the lowest band also catches less).",
            },
            "label": _text("The band's name, e.g. High."),
            "advice": _text("What the band means for the user."),
        },
        "additionalProperties": False,
    }
    adjust = {
        "type": "object",
        "required": ["when", "points", "because"],
        "properties": {
            "when": _expression("Add the points when this holds (answers and scores)."),
            "points": {"type": "number"},
            "because": _text("The reason shown among the score's drivers."),
        },
        "additionalProperties": False,
    }
    score = {
        "type": "object",
        "required": ["label", "bands"],
        "properties": {
            "label": _text("The score's name as users see it."),
            "description": _text("What the score measures."),
            "start": {"type": "number", "description": "Starting value (default 0)."},
            "bands": {"type": "array", "items": {"$ref": "#/$defs/band"}, "minItems": 1},
            "adjust": {"type": "array", "items": {"$ref": "#/$defs/adjust"}},
        },
        "additionalProperties": False,
    }
    route = {
        "enum": list(ROUTES),
        "description": ROUTE_CHOICES[:1].upper() + ROUTE_CHOICES[1:] + ".",
    }
    rule = {
        "type": "object",
        "required": ["id", "when", "route", "because"],
        "properties": {
            "id": _text("Identifier, unique among the rules.", pattern=ID_PATTERN),
            "when": _expression("The rule holds when this is true (answers and `scores`)."),
            "route": route,
            "level": {"type": "integer", "description": "Escalation level; one of [[levels]]."},
            "because": _text("Why this route, in a sentence the user reads."),
        },
        "additionalProperties": False,
    }
    decision = {
        "type": "object",
        "description": "How the route is chosen: the first rule that holds, else the default.",
        "required": ["default", "because"],
        "properties": {
            "default": route,
            "level": {"type": "integer", "description": "Escalation level of the default."},
            "because": _text("Why the default route, when no rule holds."),
            "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
        },
        "additionalProperties": False,
    }
    level = {
        "type": "object",
        "required": ["level", "name"],
        "properties": {
            "level": {"type": "integer", "description": "The level's number, unique."},
            "name": _text("The level's name."),
            "who": _text("Who may decide at this level."),
            "decides": _text("What may be decided at this level."),
            "when": _expression(
                "Raise the route to at least this level when this holds (answers and `scores`)."
            ),
            "because": _text("Why the level is raised; required with `when`."),
            "raises": {
                "type": "array",
                "description": "More conditions that raise the route to this level, each "
                "with its own reason.",
                "items": {
                    "type": "object",
                    "required": ["when", "because"],
                    "properties": {
                        "when": _expression("Raise the route to at least this level."),
                        "because": _text("Why, in a sentence the user reads."),
                    },
                    "additionalProperties": False,
                },
            },
        },
        "dependentRequired": {"when": ["because"]},
        "additionalProperties": False,
    }
    action_only = ["what", "owner", "due_days", "due"]
    action = {
        "type": "object",
        "description": "An action written into actions.csv; or, with `from`, the rows of a "
        "list question (fields what, owner, due, and optionally status and a yesno shared).",
        "properties": {
            "what": _text("Template: what to do."),
            "owner": _text("Template: who does it."),
            "due_days": {
                "type": "integer",
                "description": "Days after the case date (used when `due` gives none).",
            },
            "due": _expression(
                "The due date: an expression giving a date, e.g. "
                "`today | add_working_days(3)`; none falls back to `due_days`."
            ),
            "when": _expression("Include the action (or the rows) only when this holds."),
            "shared": {
                "type": "boolean",
                "description": "To share with the other side (default false: internal); with "
                "`from`, a yesno field `shared` in a row overrides it.",
            },
            "from": _text("The id of a list question whose rows are actions.", pattern=ID_PATTERN),
        },
        "additionalProperties": False,
        "if": {"required": ["from"]},
        "then": {"properties": dict.fromkeys(action_only, False)},
        "else": {"required": ["what"]},
    }
    file_name = _text(
        "The file name written to the output folder.",
        pattern=r"^(?!\.\.?$)(?!case\.toml$)(?!actions\.csv$)(?!actions\.ics$)[^/\\]+$",
    )
    template = _text("Template path, relative to the playbook and inside its folder.")
    output_when = _expression("Write this output only when this holds (`route` is the route id).")
    output = {
        "type": "object",
        "description": "An extra output: a templated file, or with a `.ics` file name a "
        "calendar of the meeting slots offered (`events`, `minutes`, `title`).",
        "required": ["file"],
        "properties": {
            "file": file_name,
            "template": template,
            "when": output_when,
            "events": _expression(
                "Calendar (.ics) only: the slots offered, a list of tables with `date` and "
                "`time`, e.g. `slots_ahead`."
            ),
            "minutes": _expression("Calendar (.ics) only: each event's length in minutes."),
            "title": _text("Calendar (.ics) only. Template: each event's title."),
        },
        "additionalProperties": False,
        "if": {"properties": {"file": {"pattern": "\\.ics$"}}},
        "then": {"required": ["events", "title"], "not": {"required": ["template"]}},
        "else": {
            "required": ["template"],
            "not": {
                "anyOf": [
                    {"required": ["events"]},
                    {"required": ["minutes"]},
                    {"required": ["title"]},
                ]
            },
        },
    }
    outputs = {
        "type": "object",
        "description": "Override the default outputs (plan, email) or add others.",
        "properties": {
            "plan": {
                "type": "object",
                "properties": {"file": file_name, "template": template, "when": output_when},
                "additionalProperties": False,
            },
            "email": {
                "type": "object",
                "properties": {
                    "file": file_name,
                    "template": template,
                    "when": output_when,
                    "subject": _text("Template: the email's subject."),
                    "to": _text("Template: the recipient, e.g. {{ their_email or '' }}."),
                    "from": _text(
                        "Template: the sender, e.g. {{ (our_contact ~ ' <' ~ our_email ~ '>') "
                        "if our_email else '' }}."
                    ),
                },
                "additionalProperties": False,
            },
        },
        "additionalProperties": {"$ref": "#/$defs/output"},
    }
    not_in_stage_files = ["version", "levels", "facts", "days_off", "scores", "decision"]
    not_in_stage_files += ["actions", "outputs"]
    return {
        "$schema": DIALECT,
        "title": "triage playbook",
        "description": "A triage playbook (format 1), or a stage file it includes (only "
        "`stages`). See docs/authoring.md.",
        "type": "object",
        "properties": {
            "format": {"const": 1, "description": "The playbook format; must be 1."},
            "title": _text("The playbook's title.", minLength=1),
            "summary": _text("One or two sentences shown on the home screen.", minLength=1),
            "version": _text("The playbook's own version, e.g. 1.0.0."),
            "levels": {
                "type": "array",
                "items": {"$ref": "#/$defs/level"},
                "description": "Escalation levels (the authority matrix).",
            },
            "facts": {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                "additionalProperties": _expression(
                    "Worked out once and read by name in rules, actions and templates; it "
                    "may use the facts above it."
                ),
                "description": "Named expressions, e.g. formal = \"'lawyers' in red_flags\".",
            },
            "days_off": _expression(
                "Days no due date may fall on, besides weekends: a list of public-holiday "
                f"calendars ({', '.join(holidays.CALENDARS)}) and dates (or rows with a "
                'date), e.g. "[holiday_calendars, closed_days]"; templates read them as '
                "`days_off`."
            ),
            "stages": {
                "type": "array",
                "items": {"$ref": "#/$defs/stage"},
                "description": "Stages in order; `include` splices in a stage file.",
            },
            "scores": {
                "type": "object",
                "additionalProperties": {"$ref": "#/$defs/score"},
                "description": "Named scores with bands.",
            },
            "decision": {"$ref": "#/$defs/decision"},
            "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
            "outputs": outputs,
        },
        "additionalProperties": False,
        "anyOf": [
            {
                "title": "Playbook",
                "required": ["format", "title", "summary", "version", "stages"],
            },
            {
                "title": "Stage file",
                "required": ["stages"],
                "properties": dict.fromkeys(not_in_stage_files, False),
            },
        ],
        "$defs": {
            "stage": stage,
            "question": _question(is_field=False),
            "field": _question(is_field=True),
            "option": option,
            "weights": weights,
            "score": score,
            "band": band,
            "adjust": adjust,
            "decision": decision,
            "rule": rule,
            "level": level,
            "action": action,
            "output": output,
        },
    }
