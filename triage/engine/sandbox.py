"""The only place playbook conditions and templates are evaluated.

Everything runs in Jinja2's immutable sandbox with undefined names as errors,
without the globals that reach beyond plain data, and with limits on the
operators and filters that could be used to exhaust memory or time.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment

from triage.engine.errors import TriageError

MAX_TEXT = 1_000_000  # characters any single operation may produce
MAX_EXPONENT = 64


class ExpressionError(TriageError):
    """An expression or template failed to compile or to evaluate."""

    line: int | None = None  # the template line, when known


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])
    intercepted_unops = frozenset()

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise SecurityError("powers above 64 are not allowed in playbooks")
            return left**right
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if sized and len(seq) * times > MAX_TEXT:
                    raise SecurityError("that repetition would produce too much text")
            return left * right
        if op == "%":
            if isinstance(left, str):
                raise SecurityError("%-formatting is not available in playbooks; use filters")
            return left % right
        if op == "+":
            result = left + right
            if isinstance(result, (str, list, tuple)) and len(result) > MAX_TEXT:
                raise SecurityError("that would produce too much text")
            return result
        return operator.floordiv(left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in {"format", "format_map", "mro"}:
            return False
        return super().is_safe_attribute(obj, attr, value)


def _add_days(value: Any, days: int) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ExpressionError("add_days needs a date")
    return value + dt.timedelta(days=int(days))


def _long_date(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return "" if value is None else str(value)


def _bounded(filter_func: Callable[..., Any], *limits: int) -> Callable[..., Any]:
    """Wrap a filter so its numeric arguments cannot request enormous output."""

    @functools.wraps(filter_func)
    def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
        for arg in list(args) + list(kwargs.values()):
            if isinstance(arg, int) and arg > 1000:
                raise SecurityError(f"{filter_func.__name__} accepts widths up to 1000")
        return filter_func(value, *args, **kwargs)

    return wrapper


@functools.cache
def environment() -> _Environment:
    env = _Environment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    for name in ("lipsum", "cycler", "joiner", "namespace", "range", "dict"):
        env.globals.pop(name, None)
    for name in ("center", "indent", "wordwrap", "truncate", "filesizeformat", "format"):
        if name in env.filters:
            env.filters[name] = _bounded(env.filters[name])
    env.filters.pop("attr", None)
    env.filters.pop("xmlattr", None)
    env.filters["add_days"] = _add_days
    env.filters["long_date"] = _long_date
    return env


def parse_expression(source: str) -> nodes.Expr:
    """Parse one expression; raise ExpressionError with a readable message."""
    env = environment()
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty")
    try:
        parser = Parser(env, source, state="variable")
        expr = parser.parse_expression()
        if not parser.stream.eos:
            raise ExpressionError(
                f"unexpected {parser.stream.current.value!r} after the expression"
            )
    except TemplateError as exc:
        raise ExpressionError(_clean(exc)) from None
    return expr


def expression_names(expr: nodes.Node) -> set[str]:
    """The free names an expression reads."""
    return {n.name for n in expr.find_all(nodes.Name) if n.ctx == "load"}


def attribute_uses(tree: nodes.Node, base: str) -> set[str]:
    """Attributes read from ``base``: ``scores.trust`` and ``scores['trust']`` give ``trust``."""
    found: set[str] = set()
    for node in tree.find_all(nodes.Getattr):
        named = isinstance(node.node, nodes.Name) and node.node.name == base
        if named and node.attr not in ("items", "keys", "values", "get"):
            found.add(node.attr)
    for item in tree.find_all(nodes.Getitem):
        if (
            isinstance(item.node, nodes.Name)
            and item.node.name == base
            and isinstance(item.arg, nodes.Const)
        ):
            found.add(str(item.arg.value))
    return found


@functools.lru_cache(maxsize=4096)
def compile_expression(source: str) -> Callable[..., Any]:
    parse_expression(source)
    try:
        return environment().compile_expression(source, undefined_to_none=False)
    except TemplateError as exc:
        raise ExpressionError(_clean(exc)) from None


def evaluate(source: str, context: dict[str, Any]) -> Any:
    """Evaluate an expression; comparisons with unanswered questions count as false."""
    func = compile_expression(source)
    try:
        result = func(**context)
        if isinstance(result, Undefined):
            result._fail_with_undefined_error()
        return result
    except TypeError:
        return False
    except (UndefinedError, SecurityError, TemplateError) as exc:
        raise ExpressionError(_clean(exc)) from None
    except (ArithmeticError, ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(str(exc) or exc.__class__.__name__) from None


def holds(source: str | None, context: dict[str, Any]) -> bool:
    return True if source is None else bool(evaluate(source, context))


def parse_template(source: str) -> nodes.Template:
    """Parse a template; a syntax error carries the template line in ``.line``."""
    try:
        return environment().parse(source)
    except TemplateError as exc:
        error = ExpressionError(_clean(exc))
        error.line = getattr(exc, "lineno", None)
        raise error from None


def template_names(tree: nodes.Template) -> set[str]:
    from jinja2 import meta

    return set(meta.find_undeclared_variables(tree))


@functools.lru_cache(maxsize=256)
def _compiled_template(source: str) -> Any:
    try:
        return environment().from_string(source)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        raise ExpressionError(_clean(exc) + (f" (template line {line})" if line else "")) from None


def render(source: str, context: dict[str, Any]) -> str:
    template = _compiled_template(source)
    try:
        chunks: list[str] = []
        size = 0
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_TEXT:
                raise ExpressionError("the template produced too much text")
            chunks.append(chunk)
        return "".join(chunks)
    except TemplateError as exc:
        line = _template_line(exc)
        raise ExpressionError(_clean(exc) + (f" (template line {line})" if line else "")) from None
    except (TypeError, ArithmeticError, ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(str(exc) or exc.__class__.__name__) from None


def _template_line(exc: Exception) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return getattr(exc, "lineno", None) or line


def _clean(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc) or exc.__class__.__name__
    message = message.replace("jinja2.exceptions.", "")
    return message.rstrip(".")


def names_in(expressions: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for source in expressions:
        names |= expression_names(parse_expression(source))
    return names
