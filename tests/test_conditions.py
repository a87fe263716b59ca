"""Conditions are data: sandboxed Jinja2 expressions over earlier answers."""

from __future__ import annotations

import pytest

from triage.engine import sandbox


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("severity >= 4", {"severity": 5}, True),
        ("severity >= 4", {"severity": 2}, False),
        ("category == 'commercial'", {"category": "commercial"}, True),
        ("'sla' in issues", {"issues": ["sla", "tone"]}, True),
        ("timeline | length > 1", {"timeline": [{}, {}]}, True),
        ("not failed", {"failed": False}, True),
        ("scores.trust <= 4 or angry", {"scores": {"trust": 7}, "angry": True}, True),
    ],
)
def test_expressions_read_answers(source, context, expected):
    assert sandbox.holds(source, context) is expected


def test_an_unanswered_number_makes_a_comparison_false_not_an_error():
    assert sandbox.holds("amount > 1000", {"amount": None}) is False


def test_no_condition_always_holds():
    assert sandbox.holds(None, {}) is True


def test_unknown_names_are_errors_not_silently_false():
    with pytest.raises(sandbox.ExpressionError, match="undefined"):
        sandbox.evaluate("nosuch == 1", {})


@pytest.mark.parametrize(
    "payload",
    [
        "x.__class__",
        "x.__class__.__mro__",
        "''.__class__.__mro__[1].__subclasses__()",
        "lipsum.__globals__",
        "cycler",
        "joiner",
        "namespace",
        "range(10)",
        "'{0.__class__}'.format(x)",
        "'a' * 10**9",
        "'%s' % x",
    ],
)
def test_hostile_expressions_are_refused(payload):
    with pytest.raises(sandbox.ExpressionError):
        sandbox.evaluate(payload, {"x": "text"})


def test_statements_cannot_be_smuggled_into_an_expression():
    with pytest.raises(sandbox.ExpressionError):
        sandbox.parse_expression("x }}{% for i in y %}{{ i")


def test_names_are_found_for_validation():
    tree = sandbox.parse_expression("a > 1 and b | length and scores.trust < 2")
    assert sandbox.expression_names(tree) == {"a", "b", "scores"}
    assert sandbox.attribute_uses(tree, "scores") == {"trust"}
