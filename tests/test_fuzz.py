"""Fuzzing: random playbooks and answers only ever produce the documented errors.

The loader, the validator and the engine may refuse anything, but only with
PlaybookInvalid, AnswersInvalid, another TriageError or RenderError, never a crash.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from triage.engine.answersfile import read_answers
from triage.engine.errors import TriageError
from triage.engine.evaluate import evaluate
from triage.engine.playbook import load_playbook
from triage.engine.render import RenderError, render_case
from triage.engine.validate import check_playbook

DOCUMENTED = (TriageError, RenderError)
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")),  # more by hand
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

BASE: dict[str, Any] = {
    "format": 1,
    "title": "Fuzz",
    "summary": "A playbook the fuzzer bends.",
    "version": "1.0.0",
    "levels": [{"level": 1, "name": "Working", "who": "Us"}],
    "stages": [
        {
            "id": "intake",
            "title": "Intake",
            "questions": [
                {"id": "counterparty", "kind": "text", "prompt": "Who?", "required": True},
                {"id": "amount", "kind": "number", "prompt": "How much?", "min": 0},
                {"id": "since", "kind": "date", "prompt": "Since?"},
            ],
        },
        {
            "id": "feel",
            "title": "Feelings",
            "when": "amount and amount > 10",
            "questions": [
                {"id": "trust", "kind": "scale", "prompt": "Trust?", "scores": {"trust": 1}},
                {"id": "angry", "kind": "yesno", "prompt": "Angry?", "scores": {"trust": -2}},
                {
                    "id": "kind",
                    "kind": "choice",
                    "prompt": "Kind?",
                    "options": [
                        {"value": "a", "label": "A", "scores": {"trust": 1}},
                        {"value": "b", "label": "B"},
                    ],
                },
                {
                    "id": "issues",
                    "kind": "multi",
                    "prompt": "Issues?",
                    "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}],
                },
                {
                    "id": "steps",
                    "kind": "list",
                    "prompt": "Steps",
                    "fields": [
                        {"id": "what", "kind": "text", "prompt": "What", "required": True},
                        {"id": "due", "kind": "date", "prompt": "Due"},
                    ],
                },
            ],
        },
    ],
    "scores": {
        "trust": {
            "label": "Trust",
            "bands": [{"min": 3, "label": "Holding"}, {"min": 0, "label": "Low"}],
            "adjust": [{"when": "angry", "points": -1, "because": "Anger."}],
        }
    },
    "decision": {
        "default": "negotiate",
        "because": "Talk first.",
        "rules": [
            {"id": "low", "when": "scores.trust < 2", "route": "mediate", "because": "Low trust."}
        ],
    },
    "actions": [
        {"what": "Call {{ counterparty }}", "owner": "Me", "due_days": 2},
        {"from": "steps"},
    ],
    "outputs": {"email": {"subject": "About {{ counterparty }}", "to": "{{ counterparty }}"}},
}

EXPRESSIONS = st.sampled_from(
    [
        "amount > 5",
        "kind == 'a'",
        "'x' in issues",
        "steps | length > 1",
        "scores.trust <= 4 or angry",
        "nosuch",
        "amount >",
        "{{ x }}",
        "x.__class__",
        "'a' * 10**9",
        "counterparty | center(10**9)",
        "counterparty ~ counterparty",
        "range(3)",
        "(amount or 0) ** 65",
        "",
        "counterparty.upper()",
        "labels.kind",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates(),
    EXPRESSIONS,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
KEYS = st.sampled_from(
    [
        "format",
        "title",
        "summary",
        "version",
        "levels",
        "stages",
        "id",
        "kind",
        "prompt",
        "when",
        "required",
        "default",
        "min",
        "max",
        "options",
        "fields",
        "scores",
        "bands",
        "adjust",
        "decision",
        "rules",
        "route",
        "actions",
        "outputs",
        "template",
        "file",
        "include",
        "subject",
        "to",
        "pattern",
        "labels",
        "unknown_key",
    ]
)


def _tables(data: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every table and array in ``data``."""
    found = [path]
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        if isinstance(value, (dict, list)):
            found.extend(_tables(value, (*path, key)))
    return found


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def playbooks(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(0, 4))):
        target = _at(data, draw(st.sampled_from(_tables(data))))
        if isinstance(target, dict):
            key = draw(st.one_of(st.sampled_from(sorted(target) or ["title"]), KEYS))
            action = draw(st.sampled_from(["set", "drop", "expression"]))
            if action == "drop":
                target.pop(key, None)
            elif action == "expression":
                target[key] = draw(EXPRESSIONS)
            else:
                target[key] = draw(VALUES)
        elif target:
            index = draw(st.integers(0, len(target) - 1))
            target[index] = draw(st.one_of(VALUES, st.just(copy.deepcopy(target[0]))))
    return data


def _clean(value: Any) -> Any:
    """What TOML can hold: no None, arrays of one shape."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        items = [_clean(v) for v in value if v is not None]
        tables = [v for v in items if isinstance(v, dict)]
        return tables if tables and len(tables) != len(items) else items
    return value


def _write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(tomli_w.dumps(_clean(data)), encoding="utf-8")
    return path


def _mostly(good: st.SearchStrategy) -> st.SearchStrategy:
    """Usually a fitting value, sometimes any value at all (wrong types included)."""
    return st.integers(0, 9).flatmap(lambda roll: SCALARS if roll == 0 else good)


ANSWERS = st.fixed_dictionaries(
    {"counterparty": _mostly(st.text(min_size=1, max_size=30))},
    optional={
        "amount": _mostly(st.one_of(st.integers(-10, 10**7), st.floats(0, 1e9))),
        "since": _mostly(st.dates()),
        "trust": _mostly(st.integers(1, 5)),
        "angry": _mostly(st.booleans()),
        "kind": _mostly(st.sampled_from(["a", "b"])),
        "issues": _mostly(st.lists(st.sampled_from(["x", "y"]), max_size=2, unique=True)),
        "steps": _mostly(
            st.lists(
                st.fixed_dictionaries(
                    {"what": st.text(min_size=1, max_size=10)}, optional={"due": st.dates()}
                ),
                max_size=3,
            )
        ),
    },
)


def _run_engine(playbook_path: Path, answers: dict[str, Any], folder: Path) -> None:
    try:
        playbook = load_playbook(playbook_path)
    except DOCUMENTED:
        event("playbook refused")
        return
    try:
        case = read_answers(_write(folder, "answers.toml", answers), playbook)
        evaluation = evaluate(playbook, case.answers, case.override)
        render_case(playbook, case, evaluation)
        event("rendered")
    except DOCUMENTED as exc:
        event(f"refused: {exc.__class__.__name__}")


@SETTINGS
@given(data=playbooks(), answers=ANSWERS)
def test_random_playbooks_only_ever_report(data: dict[str, Any], answers: dict[str, Any]):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _write(folder, "fuzz.toml", data)
        with contextlib.suppress(DOCUMENTED):
            load_playbook(path)
        report = check_playbook(path)
        assert all(str(p) for p in report.problems)
        _run_engine(path, answers, folder)


@SETTINGS
@given(answers=ANSWERS)
def test_random_answers_to_a_valid_playbook_only_ever_report(answers: dict[str, Any]):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _write(folder, "fuzz.toml", BASE)
        load_playbook(path)  # the base itself is valid
        _run_engine(path, answers, folder)


@SETTINGS
@given(
    raw=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.sampled_from([b"format = 1\n[[stages]]\ninclude = 3\n", b"\xef\xbb\xbf", b"[a]\n[a]\n"]),
    )
)
def test_random_bytes_are_reported_not_crashed_on(raw: bytes):
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "bytes.toml"
        path.write_bytes(raw)
        with contextlib.suppress(DOCUMENTED):
            load_playbook(path)
        check_playbook(path)


def test_a_date_answer_from_the_fuzzer_shape_is_accepted():
    """Sanity check of the harness: the base playbook takes a full set of good answers."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _write(folder, "fuzz.toml", BASE)
        playbook = load_playbook(path)
        answers = {"counterparty": "Acme", "amount": 50, "since": dt.date(2026, 1, 1)}
        case = read_answers(_write(folder, "answers.toml", answers), playbook)
        files = render_case(playbook, case)
        assert {"plan.md", "reset-email.eml", "actions.csv"} <= set(files)
