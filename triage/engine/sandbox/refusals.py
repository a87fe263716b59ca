"""What the sandbox refuses when a template or an expression is parsed, and the rewrite
that routes loops, joins, literals and written text through the metering at run time."""

from __future__ import annotations

from typing import Any, cast

from jinja2 import nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.visitor import NodeTransformer

from triage.engine.sandbox.environment import _Environment, environment
from triage.engine.sandbox.limits import _UNSAFE_ATTRIBUTES, _WIDTH_FILTERS, MAX_WIDTH


def _call_env(name: str, *args: nodes.Expr) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), list(args), [], None, None)


_REFUSED_STATEMENTS = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
}


def _refuse_statements(tree: nodes.Node) -> None:
    """Refuse, when parsing, what can be seen to be unsafe without running anything.

    Statements that reach other files or recurse, ``self``, private and format
    attributes, unknown filters, and operators or filter widths whose constant
    arguments are already too large; each with the template line. One walk of the tree.
    """
    env = environment()
    stack = [tree]
    while stack:
        node = stack.pop()
        _refuse_node(node, env)
        stack.extend(node.iter_child_nodes())


def _refuse_node(node: nodes.Node, env: _Environment) -> None:
    line = node.lineno
    shown = _REFUSED_STATEMENTS.get(type(node))  # type: ignore[arg-type]
    if shown is not None:
        raise TemplateSyntaxError(
            f"{shown} is not available in playbook templates; a template has one file "
            "and reads only its context",
            line,
        )
    if isinstance(node, nodes.For) and node.recursive:
        raise TemplateSyntaxError("recursive loops are not available in playbook templates", line)
    if isinstance(node, nodes.Name) and node.name == "self" and node.ctx == "load":
        raise TemplateSyntaxError("`self` is not available in playbooks", line)
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else _constant(node.arg)
        if isinstance(attr, str) and (attr.startswith("_") or attr in _UNSAFE_ATTRIBUTES):
            raise TemplateSyntaxError(f"`{attr}` is not available in playbooks", line)
    if isinstance(node, (nodes.Filter, nodes.Test)):
        known = env.filters if isinstance(node, nodes.Filter) else env.tests
        if node.name not in known:
            what = "filter" if isinstance(node, nodes.Filter) else "test"
            raise TemplateSyntaxError(f"there is no {what} named {node.name!r} in playbooks", line)
        if isinstance(node, nodes.Filter) and node.name in _WIDTH_FILTERS:
            for arg in [*node.args, *(kw.value for kw in node.kwargs)]:
                value = _constant(arg)
                if isinstance(value, int) and not isinstance(value, bool) and value > MAX_WIDTH:
                    raise TemplateSyntaxError(
                        f"the {node.name} filter accepts numbers up to {MAX_WIDTH}", line
                    )
    if isinstance(node, nodes.Mod) and isinstance(_constant(node.left), str):
        raise TemplateSyntaxError("%-formatting is not available in playbooks; use filters", line)
    if isinstance(node, nodes.BinExpr):
        try:
            _constant(node)
        except SecurityError as exc:
            raise TemplateSyntaxError(exc.message or str(exc), line) from None


_NOT_CONSTANT = object()


def _constant(node: nodes.Node) -> Any:
    """The value of a constant subexpression, through the guarded operators; else a marker."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.BinExpr):
        left, right = _constant(node.left), _constant(node.right)
        if left is _NOT_CONSTANT or right is _NOT_CONSTANT:
            return _NOT_CONSTANT
        if node.operator in _Environment.intercepted_binops:
            try:
                return environment().call_binop(None, node.operator, left, right)
            except (TypeError, ArithmeticError, ValueError):
                return _NOT_CONSTANT
        return _NOT_CONSTANT
    return _NOT_CONSTANT


class _Harden(NodeTransformer):
    """Route loops, joins, literals and written text through the checks above."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = cast(nodes.For, self.generic_visit(node))
        node.iter = _call_env("sandbox_iter", cast(nodes.Expr, node.iter))
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = cast(nodes.Concat, self.generic_visit(node))
        return _call_env("sandbox_concat", *node.nodes)

    def visit_List(self, node: nodes.List) -> nodes.Node:
        return _call_env("sandbox_value", cast(nodes.Expr, self.generic_visit(node)))

    def visit_Dict(self, node: nodes.Dict) -> nodes.Node:
        return _call_env("sandbox_value", cast(nodes.Expr, self.generic_visit(node)))

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        node = cast(nodes.Tuple, self.generic_visit(node))
        return _call_env("sandbox_value", node) if node.ctx == "load" else node

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        node = cast(nodes.Output, self.generic_visit(node))
        node.nodes = [
            _call_env("sandbox_text", nodes.Const(child.data))
            if isinstance(child, nodes.TemplateData)
            else child
            for child in node.nodes
        ]
        return node


def harden(tree: nodes.Template) -> nodes.Template:
    """A parsed template (or expression wrapped as one) made safe to compile: what is
    refused raises TemplateSyntaxError, and the rest is routed through the checks."""
    _refuse_statements(tree)
    return cast(nodes.Template, _Harden().visit(tree))
