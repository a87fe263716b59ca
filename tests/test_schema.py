"""The JSON Schema of the playbook format: in step with the engine and the built-in files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from triage.engine.schema import playbook_schema

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
PLAYBOOKS = REPO / "playbooks"
SCHEMA_FILE = PLAYBOOKS / "schema" / "playbook.schema.json"
BUILT_IN = sorted(PLAYBOOKS.glob("*.toml")) + sorted((PLAYBOOKS / "shared").glob("*.toml"))
FIXTURES = REPO / "tests" / "fixtures" / "good"


def as_json(value: Any) -> Any:
    """TOML data as a TOML language server presents it to a JSON Schema: dates as strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def errors(data: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(playbook_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_json(data))]


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12() -> None:
    schema = playbook_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_file_is_generated_from_the_function() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == playbook_schema(), (
        "playbooks/schema/playbook.schema.json is stale; regenerate it with "
        "`triage schema > playbooks/schema/playbook.schema.json`"
    )
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json.dumps(playbook_schema(), indent=2) + "\n"


def test_cli_prints_the_schema() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "triage", "schema"], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0
    assert json.loads(done.stdout) == playbook_schema()


@pytest.mark.parametrize("name", ["case", "settings", "tone-rules"])
def test_cli_prints_the_case_and_settings_schemas_for_editors(name: str) -> None:
    from triage.engine import schema

    done = subprocess.run(
        [sys.executable, "-m", "triage", "schema", name], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0
    printed = json.loads(done.stdout)
    assert printed == getattr(schema, f"{name.replace('-', '_')}_schema")()
    jsonschema.Draft202012Validator.check_schema(printed)


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: str(p.relative_to(PLAYBOOKS)))
def test_built_in_files_match_the_schema(path: Path) -> None:
    assert errors(load(path)) == []


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: str(p.relative_to(PLAYBOOKS)))
def test_built_in_files_point_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    expected = (
        "../schema/playbook.schema.json"
        if path.parent.name == "shared"
        else ("./schema/playbook.schema.json")
    )
    assert first == f"#:schema {expected}"
    assert (path.parent / expected).resolve() == SCHEMA_FILE.resolve()


def test_fixture_playbook_and_stage_file_match() -> None:
    assert errors(load(FIXTURES / "mini.toml")) == []
    assert errors(load(FIXTURES / "shared" / "intake.toml")) == []


MINIMAL = {
    "format": 1,
    "title": "T",
    "summary": "S",
    "version": "1",
    "stages": [{"id": "one", "title": "One", "questions": [
        {"id": "q", "kind": "text", "prompt": "Q?"},
    ]}],
}  # fmt: skip


def with_question(**question: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(MINIMAL))
    data["stages"][0]["questions"] = [{"id": "q", "kind": "text", "prompt": "Q?", **question}]
    return data


def test_minimal_playbook_is_accepted() -> None:
    assert errors(MINIMAL) == []


@pytest.mark.parametrize(
    "data",
    [
        {**MINIMAL, "format": 2},
        {**MINIMAL, "tittle": "typo"},
        {k: v for k, v in MINIMAL.items() if k != "title"},
        {**MINIMAL, "decision": {"default": "sue", "because": "x"}},
        {**MINIMAL, "stages": [{"include": "../outside.toml"}]},
        {**MINIMAL, "stages": [{"include": "shared/a.toml", "id": "x"}]},
        {**MINIMAL, "stages": [{"id": "Bad-Id", "title": "x"}]},
        {**MINIMAL, "outputs": {"extra": {"file": "x.md"}}},
        {**MINIMAL, "outputs": {"notes": {"file": "case.toml", "template": "t.j2"}}},
        {**MINIMAL, "actions": [{"from": "x", "what": "y"}]},
        with_question(kind="colour"),
        with_question(kind="choice"),
        with_question(options=[{"value": "a", "label": "A"}]),
        with_question(kind="scale", labels=["a", "b"]),
        with_question(kind="list"),
        with_question(min=3),
        with_question(scores={"trust": 1}),
        with_question(required="yes"),
    ],
    ids=[
        "format", "unknown-key", "missing-title", "route", "include-outside", "include-mixed",
        "stage-id", "output-template", "output-file", "action-both", "kind", "choice-no-options",
        "options-on-text", "labels", "list-no-fields", "min-on-text", "scores-on-text", "required",
    ],
)  # fmt: skip
def test_mistakes_are_rejected(data: dict[str, Any]) -> None:
    assert errors(data) != []


def test_levels_and_actions_take_their_new_keys() -> None:
    level = {"level": 2, "name": "Directors", "when": "renewal_at_risk", "because": "Renewal."}
    actions = [
        {"what": "Meet", "due": "today | add_working_days(3)", "due_days": 2, "shared": True},
        {"from": "agreed", "shared": False},
    ]
    decision = {"default": "exit", "because": "Part well."}
    data = {**MINIMAL, "levels": [level], "actions": actions, "decision": decision}
    assert errors(data) == []


@pytest.mark.parametrize(
    "data",
    [
        {**MINIMAL, "levels": [{"level": 2, "name": "D", "when": "x"}]},
        {**MINIMAL, "actions": [{"what": "Meet", "shared": "yes"}]},
        {**MINIMAL, "actions": [{"what": "Meet", "due": ""}]},
        {**MINIMAL, "actions": [{"from": "agreed", "due": "today"}]},
        {**MINIMAL, "decision": {"default": "leave", "because": "x"}},
    ],
    ids=["when-without-because", "shared-text", "empty-due", "due-on-from", "route"],
)
def test_new_key_mistakes_are_rejected(data: dict[str, Any]) -> None:
    assert errors(data) != []


def test_stage_file_takes_only_stages() -> None:
    stage_file = {"stages": MINIMAL["stages"]}
    assert errors(stage_file) == []
    assert errors({**stage_file, "decision": {"default": "negotiate", "because": "x"}}) != []


# Every table the engine reads, as a path into the fixture playbook's data: one declaration
# of the format means an unknown key there is refused by the schema and by the engine alike.
TABLES = [
    (), ("levels", 0), ("stages", 1), ("stages", 1, "questions", 0),
    ("stages", 1, "questions", 2, "options", 0), ("stages", 4, "questions", 0, "fields", 0),
    ("scores", "value"), ("scores", "value", "bands", 0), ("scores", "value", "adjust", 0),
    ("decision",), ("decision", "rules", 0), ("actions", 0), ("outputs", "email"),
    ("outputs", "mediation"),
]  # fmt: skip


@pytest.mark.parametrize("where", TABLES, ids=lambda w: ".".join(map(str, w)) or "top")
def test_schema_and_engine_refuse_the_same_unknown_key(where: tuple, tmp_path: Path) -> None:
    import shutil

    import tomli_w

    from triage.engine.errors import PlaybookInvalid
    from triage.engine.playbook import load_playbook

    folder = tmp_path / "good"
    shutil.copytree(FIXTURES, folder)
    data = load(folder / "mini.toml")
    table = data
    for step in where:
        table = table[step]
    assert isinstance(table, dict)
    table["colour"] = "blue"
    assert any("'colour' was unexpected" in e for e in errors(data))
    (folder / "mini.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(folder / "mini.toml")
    path = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in (*where, "colour"))
    key = path.lstrip(".")
    assert [p.message for p in caught.value.problems] == [f"`{key}` is not a known key."]


def test_a_written_case_file_matches_the_case_schema(tmp_path: Path) -> None:
    """The case file's schema comes from the declaration it is read against."""
    from triage.engine.case import Case
    from triage.engine.schema import case_schema

    case = Case(id="c", playbook="mini", answers={"counterparty": "Acme", "trust_level": 3})
    case.set_override("mediate", "they asked")
    case.pending, case.drafts = {"annual_value": "lots"}, {"plan.md": "edited"}
    data = tomllib.loads(case.to_toml().decode())
    validator = jsonschema.Draft202012Validator(case_schema())
    assert [e.message for e in validator.iter_errors(as_json(data))] == []
    data["case"]["id"] = 3
    data["override"]["route"] = "sue"
    assert len(list(validator.iter_errors(as_json(data)))) == 2


def test_the_packaged_tone_rules_match_their_schema_and_a_typo_is_refused_by_both(
    tmp_path: Path,
) -> None:
    """The tone rules' keys are declared once: the schema and the loader agree."""
    from triage.engine.schema import tone_rules_schema
    from triage.engine.tone import DEFAULT_RULES_PATH, load_rules

    validator = jsonschema.Draft202012Validator(tone_rules_schema())
    assert [e.message for e in validator.iter_errors(load(DEFAULT_RULES_PATH))][:3] == []
    typo = {"rules": [{"id": "w", "category": "blame", "pattern": "w", "explanation": "e",
                       "suggestion": "s", "paternn": "typo"}]}  # fmt: skip
    assert list(validator.iter_errors(typo))
    path = tmp_path / "team.toml"
    path.write_text(
        '[[rules]]\nid = "w"\ncategory = "blame"\npattern = "w"\nexplanation = "e"\n'
        'suggestion = "s"\npaternn = "typo"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="unknown key 'paternn'"):
        load_rules(path)
