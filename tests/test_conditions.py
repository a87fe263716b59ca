"""Conditions are data: sandboxed Jinja2 expressions over earlier answers."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import nodes

from triage.engine import sandbox
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.sandbox.reads import descendants


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


def test_a_context_is_read_as_given_and_left_as_it_was():
    context = {"amount": 1200, "names": ["Dana", "Lee"]}
    assert sandbox.evaluate("amount > 1000 and names | length == 2", context) is True
    assert sandbox.render("{% set amount = 5 %}{{ amount }} {{ names | join(', ') }}", context) == (
        "5 Dana, Lee"
    )
    assert context == {"amount": 1200, "names": ["Dana", "Lee"]}  # a set stays in the template


def test_a_context_jinja2_cannot_take_fails_as_it_always_did():
    # As keyword arguments: a key that is not text, or Jinja2's own `self`, is a TypeError,
    # which makes a condition false and a render an error naming it.
    for context in ({"self": 1, "x": 2}, {1: 1, "x": 2}):
        assert sandbox.holds("x == 2", context) is False
    with pytest.raises(sandbox.ExpressionError, match="multiple values for argument 'self'"):
        sandbox.render("{{ x }}", {"self": "me", "x": 1})
    with pytest.raises(sandbox.ExpressionError, match="keywords must be strings"):
        sandbox.render("{{ x }}", {1: 2, "x": 1})
    for key in (b"x", ("x",), None, 1.5):  # any key that is not text, among text keys
        assert sandbox.holds("y == 2", {"y": 2, key: 1}) is False


def test_a_key_of_a_text_subclass_is_read_as_text():
    class Name(str):
        pass

    context = {Name("amount"): 1200, "names": ["Dana"]}
    assert sandbox.evaluate("amount > 1000 and names | length == 1", context) is True
    assert sandbox.render("{{ amount }} {{ names | join }}", context) == "1200 Dana"


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


def _as_jinja_finds(tree: nodes.Node, kinds: Any) -> list[Any]:
    return [*([tree] if isinstance(tree, kinds) else []), *tree.find_all(kinds)]


def test_what_each_built_in_template_reads_is_what_jinja2s_own_walk_finds(
    monkeypatch: pytest.MonkeyPatch,
):
    """The names, attributes and first lines a template reads (validate's unknown-name
    checks rest on them) come from one walk of its tree: the same as Jinja2's ``find_all``
    finds, base by base, for every template and condition of the built-in playbooks."""
    monkeypatch.setenv("TRIAGE_CACHE", "off")
    trees: list[nodes.Node] = []
    real = sandbox._reads
    monkeypatch.setattr(
        sandbox, "_reads", lambda tree, names: trees.append(tree) or real(tree, names)
    )
    for cached in (sandbox._template, sandbox._made_template, sandbox.expression_reads):
        cached.cache_clear()
    try:
        for path in playbook_files(builtin_dir()):
            load_playbook(path)
    finally:
        for cached in (sandbox._template, sandbox._made_template, sandbox.expression_reads):
            cached.cache_clear()
    assert len(trees) > 100
    for tree in trees:
        reads = real(tree, set())
        attributes: dict[str, set[str]] = {}
        for node in _as_jinja_finds(tree, (nodes.Getattr, nodes.Getitem)):
            if isinstance(node.node, nodes.Name):
                attributes.setdefault(node.node.name, set())
        for node in _as_jinja_finds(tree, nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.attr not in (
                "items",
                "keys",
                "values",
                "get",
            ):
                attributes[node.node.name].add(node.attr)
        for node in _as_jinja_finds(tree, nodes.Getitem):
            if isinstance(node.node, nodes.Name) and isinstance(node.arg, nodes.Const):
                attributes[node.node.name].add(str(node.arg.value))
        lines: dict[str, int] = {}
        for node in _as_jinja_finds(tree, (nodes.Name, nodes.Getattr)):
            lines.setdefault(node.name if isinstance(node, nodes.Name) else node.attr, node.lineno)
        assert reads.attributes == {base: frozenset(found) for base, found in attributes.items()}
        assert list(reads.lines.items()) == list(lines.items())
        assert list(descendants(tree)) == _as_jinja_finds(tree, nodes.Node)
