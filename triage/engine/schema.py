"""The JSON Schema of the playbook format, for editors and TOML language servers.

`triage schema` prints it; ``playbooks/schema/playbook.schema.json`` is the same
document written to disk, so a playbook (or stage file) that starts with
``#:schema ./schema/playbook.schema.json`` gets completion and checks in taplo
and Even Better TOML. It is written from the format's one declaration in
:mod:`triage.engine.formats.playbook`, the same tables the engine checks files
against. The schema checks shape only; ``triage validate`` also checks names,
expressions and templates.
"""

from __future__ import annotations

from typing import Any

from triage.engine.formats.jsonschema import DIALECT as DIALECT
from triage.engine.formats.jsonschema import json_schema
from triage.engine.formats.playbook import DEFS, PLAYBOOK, STAGE_FILE

SCHEMA_FILE = "schema/playbook.schema.json"


def playbook_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of playbooks and of the stage files they include."""
    only_in_playbooks = [k.name for k in PLAYBOOK.keys if k.name not in STAGE_FILE.allowed()]
    return json_schema(
        PLAYBOOK,
        DEFS,
        "triage playbook",
        required=None,
        anyOf=[
            {"title": "Playbook", "required": [*PLAYBOOK.required(), "stages"]},
            {
                "title": "Stage file",
                "required": ["stages"],
                "properties": dict.fromkeys(only_in_playbooks, False),
            },
        ],
    )


def case_schema() -> dict[str, Any]:
    """The JSON Schema of case files (``case.toml``), from the same declaration they are
    read against; open where triage reads files of other versions."""
    from triage.engine.formats.case import CASE_FILE

    return json_schema(CASE_FILE, (), "triage case file")


def settings_schema() -> dict[str, Any]:
    """The JSON Schema of the app's settings file."""
    from triage.engine.formats.settings import SETTINGS

    return json_schema(SETTINGS, (), "triage settings")


def tone_rules_schema() -> dict[str, Any]:
    """The JSON Schema of tone rules files (triage's own and a team's)."""
    from triage.engine.formats.tone import rule_table, rules_file

    return json_schema(rules_file(), (rule_table(),), "triage tone rules")
