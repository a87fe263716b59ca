"""What a template or an expression reads from its context, found from its tree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes


def descendants(tree: nodes.Node) -> Iterator[nodes.Node]:
    """``tree``, then every node below it, in the order of Jinja2's ``find_all``: each node
    before its children, children in the order of their fields. One loop, not a generator
    per node as ``find_all`` runs: a first run reads a few hundred templates' trees."""
    stack = [tree]
    node_type = nodes.Node
    while stack:
        node = stack.pop()
        yield node
        children: list[nodes.Node] = []
        for name in node.fields:
            item = getattr(node, name, None)
            if isinstance(item, list):
                children.extend(child for child in item if isinstance(child, node_type))
            elif isinstance(item, node_type):
                children.append(item)
        children.reverse()
        stack += children


def all_nodes(tree: nodes.Node, kinds: Any) -> Iterator[Any]:
    """``tree`` itself when it is one of ``kinds``, then every such node below it."""
    return (node for node in descendants(tree) if isinstance(node, kinds))


def expression_names(expr: nodes.Node) -> set[str]:
    """The free names an expression reads."""
    return {n.name for n in all_nodes(expr, nodes.Name) if n.ctx == "load"}


def attribute_uses(tree: nodes.Node, base: str) -> set[str]:
    """Attributes read from ``base``: ``scores.trust`` and ``scores['trust']`` give ``trust``."""
    found: set[str] = set()
    for node in all_nodes(tree, nodes.Getattr):
        named = isinstance(node.node, nodes.Name) and node.node.name == base
        if named and node.attr not in ("items", "keys", "values", "get"):
            found.add(node.attr)
    for node in all_nodes(tree, nodes.Getitem):
        if (
            isinstance(node.node, nodes.Name)
            and node.node.name == base
            and isinstance(node.arg, nodes.Const)
        ):
            found.add(str(node.arg.value))
    return found


@dataclass(frozen=True)
class Reads:
    """What a template or an expression reads from its context, found from its tree."""

    names: frozenset[str]  # free names: answers, scores, facts ...
    attributes: dict[str, frozenset[str]]  # ``scores.trust`` gives {"scores": {"trust"}}
    lines: dict[str, int]  # the first line each name or attribute appears on

    def of(self, base: str) -> frozenset[str]:
        """Attributes read from ``base``: ``scores.trust`` and ``scores['trust']``."""
        return self.attributes.get(base, frozenset())

    def line(self, label: str) -> int | None:
        return self.lines.get(label)


def _reads(tree: nodes.Node, names: set[str]) -> Reads:
    """What :func:`attribute_uses` finds for every base, and each label's first line, from
    one walk of the tree (not two walks per base)."""
    bases: set[str] = set()
    uses: dict[str, set[str]] = {}
    lines: dict[str, int] = {}
    for node in descendants(tree):
        if isinstance(node, nodes.Name):
            lines.setdefault(node.name, node.lineno)
        elif isinstance(node, nodes.Getattr):
            lines.setdefault(getattr(node, "attr", ""), node.lineno)
            if isinstance(node.node, nodes.Name):
                bases.add(node.node.name)
                if node.attr not in ("items", "keys", "values", "get"):
                    uses.setdefault(node.node.name, set()).add(node.attr)
        elif isinstance(node, nodes.Getitem) and isinstance(node.node, nodes.Name):
            bases.add(node.node.name)
            if isinstance(node.arg, nodes.Const):
                uses.setdefault(node.node.name, set()).add(str(node.arg.value))
    return Reads(
        frozenset(names),
        {base: frozenset(uses.get(base, ())) for base in bases},
        lines,
    )


def template_names(tree: nodes.Template) -> set[str]:
    """The names a template reads from its context.

    A name the template sets itself (``{% set %}``, a loop or macro variable) is not
    one, even where Jinja2 counts it as possibly unset: inside the ``{% if %}`` that sets it.
    """
    from jinja2 import meta

    stored = {n.name for n in all_nodes(tree, nodes.Name) if n.ctx in ("store", "param")}
    return set(meta.find_undeclared_variables(tree)) - stored
