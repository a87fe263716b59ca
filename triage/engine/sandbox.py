"""The only place playbook conditions and templates are evaluated.

Everything runs in Jinja2's immutable sandbox with undefined names as errors,
without the globals that reach beyond plain data, and with limits on the
operators and filters that could be used to exhaust memory or time.

Limits, all per evaluation or render (see ``_Budget``):

- work: every loop iteration, call, filter, test, attribute read and guarded
  operator is a step; more than ``MAX_STEPS`` steps, or ``MAX_SECONDS`` of wall
  time, stops the template;
- size: no value (text, or a list or table counted by its contents) may grow
  beyond ``MAX_TEXT``, checked *before* the operations that multiply text
  (``*``, ``~``, ``+``, ``replace``, ``join``, ``indent``, widths ...), and a
  template may not write more than ``MAX_OUTPUT`` characters in all, including
  text written inside macros and ``{% set %}`` blocks;
- statements that reach other files or recurse (``include``, ``import``,
  ``extends``, recursive loops) and the ``self`` reference are refused when the
  template is parsed, so ``triage validate`` reports them.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import operator
import re
import time
import types
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import StrictUndefined, Template, Undefined, nodes
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from triage.engine import codecache, filters
from triage.engine.errors import TriageError

MAX_TEXT = 1_000_000  # characters any single value may hold (lists: by their contents)
MAX_OUTPUT = 5 * MAX_TEXT  # characters a template may write in all, macros included
MAX_EXPONENT = 64
MAX_INT_BITS = 100_000  # integers beyond ~30,000 digits are refused
MAX_WIDTH = 1000  # widths and counts given to filters
MAX_STEPS = 1_000_000
MAX_SECONDS = 1.0


class ExpressionError(TriageError):
    """An expression or template failed to compile or to evaluate."""

    line: int | None = None  # the template line, when known


class _Budget:
    """The work and output one evaluation or render may still spend."""

    __slots__ = ("deadline", "output", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.deadline = time.monotonic() + MAX_SECONDS


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "triage_sandbox_budget", default=None
)


class _TemplateText(str):
    """Text written in the template itself, as opposed to a value it substitutes."""


# How the output being rendered escapes the values a template writes (None: as they are).
_ESCAPE: contextvars.ContextVar[Callable[[str], str] | None] = contextvars.ContextVar(
    "triage_sandbox_escape", default=None
)


def _tick() -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > MAX_STEPS:
        raise SecurityError(
            f"it does too much work (more than {MAX_STEPS:,} steps); simplify its loops"
        )
    if time.monotonic() > budget.deadline:
        raise SecurityError(f"it took longer than {MAX_SECONDS:g} seconds; simplify its loops")


def _weight(value: Any, limit: int = MAX_TEXT) -> int:
    """Roughly how many characters ``value`` holds, counting into lists and tables.

    Stops counting once past ``limit``, so a huge structure costs little to measure.
    """
    if type(value) is str:  # most values a template writes: no walk needed
        return len(value) + 1
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (str, bytes)):
            total += len(item) + 1
        elif isinstance(item, dict):
            total += 1
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 1
            stack.extend(item)
        else:
            total += 1
        if total > limit:
            return total
    return total


def _too_big(what: str = "that") -> SecurityError:
    return SecurityError(f"{what} would produce too much text (over {MAX_TEXT:,} characters)")


def _check_size(value: Any, what: str = "that") -> Any:
    sized = isinstance(value, (str, bytes, list, tuple, dict, set, frozenset))
    if sized and _weight(value) > MAX_TEXT:
        raise _too_big(what)
    return value


def _metered(iterator: Iterator[Any], what: str) -> Iterator[Any]:
    """Pass items through, counting steps and the text they hold in all."""
    total = 0
    for item in iterator:
        _tick()
        total += _weight(item)
        if total > MAX_TEXT:
            raise _too_big(what)
        yield item


def _replaced_size(text: str, old: str, new: str, count: int | None = -1) -> int:
    times = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


def _joined(separator: str, items: Any, what: str) -> list[Any]:
    """``items`` as a list, refused when joining them with ``separator`` is too long."""
    items = list(
        items
        if isinstance(items, Iterable) and isinstance(items, Sized)
        else _metered(iter(items), what)
    )
    if _weight(items) + len(separator) * len(items) > MAX_TEXT:
        raise _too_big(what)
    return items


# Methods of plain data that templates may call; everything else (center, ljust,
# zfill, expandtabs, translate, encode, fromkeys, ...) is refused.
_SAFE_METHODS = {
    str: frozenset(
        {
            "capitalize",
            "casefold",
            "count",
            "endswith",
            "find",
            "index",
            "isalnum",
            "isalpha",
            "isascii",
            "isdecimal",
            "isdigit",
            "isidentifier",
            "islower",
            "isnumeric",
            "isprintable",
            "isspace",
            "istitle",
            "isupper",
            "join",
            "lower",
            "lstrip",
            "partition",
            "removeprefix",
            "removesuffix",
            "replace",
            "rfind",
            "rindex",
            "rpartition",
            "rsplit",
            "rstrip",
            "split",
            "splitlines",
            "startswith",
            "strip",
            "swapcase",
            "title",
            "upper",
        }
    ),
    dict: frozenset({"get", "items", "keys", "values"}),
    list: frozenset({"count", "index"}),
    tuple: frozenset({"count", "index"}),
}

_FORMAT_SPEC = re.compile(r"%(?:\([^)]*\))?[^a-zA-Z%]*")
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})
_REMOVED_FILTERS = ("attr", "xmlattr", "urlize")


def _check_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Refuse filter arguments that would make the result enormous; return the value to use."""
    what = f"the {name} filter"
    extra = list(args) + list(kwargs.values())
    if name in _WIDTH_FILTERS:
        for arg in extra:
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_WIDTH:
                raise SecurityError(f"{what} accepts numbers up to {MAX_WIDTH}")
    if _weight(value) + sum(_weight(a) for a in extra) > MAX_TEXT:
        raise _too_big(what)
    if name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 else kwargs.get("count")
        size = _replaced_size(str(value), str(args[0]), str(args[1]), count)
        if size > MAX_TEXT:
            raise _too_big(what)
    elif name == "indent":
        width = args[0] if args else kwargs.get("width", 4)
        indent = len(width) if isinstance(width, str) else int(width)
        if len(str(value)) + (str(value).count("\n") + 1) * indent > MAX_TEXT:
            raise _too_big(what)
    elif name == "wordwrap":
        width = args[0] if args else kwargs.get("width", 79)
        wrap = args[2] if len(args) > 2 else kwargs.get("wrapstring") or "\n"
        lines = len(str(value)) // max(int(width), 1) + 1
        if len(str(value)) + lines * len(str(wrap)) > MAX_TEXT:
            raise _too_big(what)
    elif name == "batch":
        size = args[0] if args else kwargs.get("linecount", 1)
        fill = args[1] if len(args) > 1 else kwargs.get("fill_with")
        if int(size) < 1:
            raise SecurityError(f"{what} needs a size of at least 1")
        if fill is not None and _weight(fill) * int(size) > MAX_TEXT:
            raise _too_big(what)
    elif name == "format":
        for spec in _FORMAT_SPEC.findall(str(value)):
            spec = re.sub(r"\([^)]*\)", "", spec)
            if "*" in spec or re.search(r"\d{4,}", spec):
                raise SecurityError(f"{what} accepts widths up to 999")
    elif name == "join":
        separator = args[0] if args else kwargs.get("d", "")
        return _joined(str(separator), value, what)
    return value


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter: count it as a step, check its arguments and the size of its result."""
    passes = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _tick()
        if len(args) > passes:
            value = _check_filter(name, args[passes], args[passes + 1 :], kwargs)
            args = (*args[:passes], value, *args[passes + 1 :])
        result = func(*args, **kwargs)
        if isinstance(result, Iterator) and not isinstance(result, (str, bytes)):
            return _metered(result, f"the {name} filter")
        return _check_size(result, f"the {name} filter")

    return wrapper


def _guard_test(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _tick()
        return func(*args, **kwargs)

    return wrapper


def _finalize(value: Any) -> Any:
    """Every value a template writes passes here: count it against the output limit.

    An unanswered question (``none``) writes nothing, never the word "None".
    """
    if value is None:
        return ""
    escape = _ESCAPE.get()
    if escape is not None and not isinstance(value, (bool, int, float, dt.date, _TemplateText)):
        value = escape(str(value))
    budget = _BUDGET.get()
    size = _weight(value, MAX_OUTPUT)
    if size > MAX_TEXT:
        raise SecurityError("the template produced too much text")
    if budget is not None:
        budget.output += size
        if budget.output > MAX_OUTPUT:
            raise SecurityError("the template produced too much text")
    return value


def _call_env(name: str, *args: nodes.Expr) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), list(args), [], None, None)


_REFUSED_STATEMENTS = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
}


def _all(tree: nodes.Node, kinds: Any) -> Iterator[Any]:
    """``tree`` itself when it is one of ``kinds``, then every such node below it."""
    if isinstance(tree, kinds):
        yield tree
    yield from tree.find_all(kinds)


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


_UNSAFE_ATTRIBUTES = frozenset({"format", "format_map", "mro"})
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


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])
    intercepted_unops = frozenset()

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        _tick()
        ints = (
            isinstance(left, int)
            and isinstance(right, int)
            and not isinstance(left, bool)
            and not isinstance(right, bool)
        )
        if op == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise SecurityError("powers above 64 are not allowed in playbooks")
            if ints and right > 0 and left.bit_length() * right > MAX_INT_BITS:
                raise SecurityError("that number would be too large")
            return left**right
        if op == "*":
            if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError("that number would be too large")
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if sized and _weight(seq) * times > MAX_TEXT:
                    raise SecurityError("that repetition would produce too much text")
            return left * right
        if op == "%":
            if isinstance(left, str):
                raise SecurityError("%-formatting is not available in playbooks; use filters")
            return left % right
        if op == "+":
            if isinstance(left, (str, list, tuple)) and _weight(left) + _weight(right) > MAX_TEXT:
                raise SecurityError("that would produce too much text")
            return left + right
        return operator.floordiv(left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in _UNSAFE_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> None:
        """``str.format`` is refused outright (widths and field lookups), not wrapped."""
        return None

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(__obj, (types.BuiltinMethodType, types.MethodType)) and owner is not None:
            name = getattr(__obj, "__name__", "")
            if isinstance(owner, type):
                raise SecurityError(f"{name}() is not available in playbooks")
            for kind, allowed in _SAFE_METHODS.items():
                if isinstance(owner, kind):
                    if name not in allowed:
                        raise SecurityError(
                            f"the {kind.__name__} method {name}() is not available in "
                            "playbooks; use a filter"
                        )
                    if kind is str and name == "replace" and len(args) >= 2:
                        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
                        if _replaced_size(owner, str(args[0]), str(args[1]), count) > MAX_TEXT:
                            raise _too_big()
                    if kind is str and name == "join" and args:
                        args = (_joined(owner, args[0], "that join"), *args[1:])
                    break
        result = super().call(__context, __obj, *args, **kwargs)
        return _check_size(result)

    # Called from compiled templates (see _Harden).

    def sandbox_iter(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            _tick()
            yield item

    def sandbox_concat(self, *parts: Any) -> str:
        if sum(_weight(p) for p in parts) > MAX_TEXT:
            raise _too_big("that ~")
        return "".join(map(str, parts))

    def sandbox_value(self, value: Any) -> Any:
        return _check_size(value)

    def sandbox_text(self, text: str) -> str:
        return _TemplateText(text)  # the template's own words: never escaped

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _refuse_statements(tree)
        return tree

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        _refuse_statements(source)
        source = _Harden().visit(source)
        return super()._generate(source, name, filename, defer_init=defer_init)


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


@functools.cache
def environment() -> _Environment:
    env = _Environment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    for name in ("lipsum", "cycler", "joiner", "namespace", "range", "dict"):
        env.globals.pop(name, None)
    for name in _REMOVED_FILTERS:
        env.filters.pop(name, None)
    env.filters["add_days"] = _add_days
    env.filters["long_date"] = _long_date
    env.filters["weekday_date"] = filters.weekday_date
    env.filters["short_date"] = filters.short_date
    env.filters["working_day"] = filters.working_day
    env.filters["add_working_days"] = filters.add_working_days
    env.filters["sentence"] = filters.sentence
    env.filters["clause"] = filters.clause
    env.filters["topic"] = filters.topic
    env.filters["goal"] = filters.goal
    env.filters["first_name"] = filters.first_name
    env.filters["first_person"] = filters.first_person
    env.filters["join_and"] = filters.join_and
    env.filters["first_sentence"] = filters.first_sentence
    env.filters = {name: _guard_filter(name, f) for name, f in env.filters.items()}
    env.tests = {name: _guard_test(cast(Callable[..., Any], f)) for name, f in env.tests.items()}
    return env


def parse_expression(source: str) -> nodes.Expr:
    """Parse one expression; raise ExpressionError with a readable message."""
    env = environment()
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty")
    try:
        parser = Parser(env, source, state="variable")
        expr = parser.parse_expression()
        _refuse_statements(expr)
        if not parser.stream.eos:
            raise ExpressionError(
                f"unexpected {parser.stream.current.value!r} after the expression"
            )
    except TemplateError as exc:
        raise ExpressionError(_clean(exc)) from None
    return expr


def expression_names(expr: nodes.Node) -> set[str]:
    """The free names an expression reads."""
    return {n.name for n in _all(expr, nodes.Name) if n.ctx == "load"}


def attribute_uses(tree: nodes.Node, base: str) -> set[str]:
    """Attributes read from ``base``: ``scores.trust`` and ``scores['trust']`` give ``trust``."""
    found: set[str] = set()
    for node in _all(tree, nodes.Getattr):
        named = isinstance(node.node, nodes.Name) and node.node.name == base
        if named and node.attr not in ("items", "keys", "values", "get"):
            found.add(node.attr)
    for node in _all(tree, nodes.Getitem):
        if (
            isinstance(node.node, nodes.Name)
            and node.node.name == base
            and isinstance(node.arg, nodes.Const)
        ):
            found.add(str(node.arg.value))
    return found


@functools.lru_cache(maxsize=4096)
def compile_expression(source: str) -> Callable[..., Any]:
    """An expression as a function of its context: compiled once, kept between runs."""
    env = environment()
    code = _cached_code("expression", source)
    if code is None:
        expr = parse_expression(source)
        expr.set_environment(env)
        tree = nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)])
        tree.set_environment(env)
        try:
            code = env.compile(tree)
        except TemplateError as exc:
            raise ExpressionError(_clean(exc)) from None
        codecache.store("expression", source, code)
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    return TemplateExpression(template, undefined_to_none=False)


def _cached_code(kind: str, source: str) -> types.CodeType | None:
    kept = codecache.load(kind, source)
    return kept if isinstance(kept, types.CodeType) else None


def evaluate(source: str, context: dict[str, Any]) -> Any:
    """Evaluate an expression; comparisons with unanswered questions count as false."""
    func = compile_expression(source)
    token = _BUDGET.set(_Budget())
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
    finally:
        _BUDGET.reset(token)


def holds(source: str | None, context: dict[str, Any]) -> bool:
    return True if source is None else bool(evaluate(source, context))


def parse_template(source: str) -> nodes.Template:
    """Parse a template; a syntax error carries the template line in ``.line``."""
    try:
        return environment().parse(source)
    except TemplateError as exc:
        raise _with_line(exc) from None


def _with_line(exc: TemplateError) -> ExpressionError:
    """A Jinja2 error as ours, carrying the template line when Jinja2 knows it."""
    error = ExpressionError(_clean(exc))
    error.line = getattr(exc, "lineno", None)
    return error


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
    bases = {n.node.name for n in _all(tree, (nodes.Getattr, nodes.Getitem))
             if isinstance(n.node, nodes.Name)}  # fmt: skip
    lines: dict[str, int] = {}
    for node in _all(tree, (nodes.Name, nodes.Getattr)):
        label = node.name if isinstance(node, nodes.Name) else getattr(node, "attr", "")
        lines.setdefault(label, node.lineno)
    return Reads(
        frozenset(names),
        {base: frozenset(attribute_uses(tree, base)) for base in bases},
        lines,
    )


@functools.lru_cache(maxsize=4096)
def expression_reads(source: str) -> Reads:
    """What an expression reads; ExpressionError when it does not parse. Kept between runs."""
    kept = _kept_reads(codecache.load("reads", source))
    if kept is not None:
        return kept
    tree = parse_expression(source)
    reads = _reads(tree, expression_names(tree))
    codecache.store("reads", source, (reads.names, reads.attributes, reads.lines))
    return reads


def template_reads(source: str) -> Reads:
    """What a template reads; ExpressionError (with ``.line``) when it does not compile."""
    return _template(source)[0]


@functools.lru_cache(maxsize=256)
def _template(source: str) -> tuple[Reads, Template]:
    """A template's reads and its compiled form: made once per process, kept between runs.

    The first time, the text is parsed (refusing what the sandbox forbids), read, hardened
    and compiled; later runs load the code and the reads from the cache, which keeps only
    what compiled without a problem.
    """
    env = environment()
    kept = _kept_template(source)
    if kept is not None:
        reads, code = kept
    else:
        tree = parse_template(source)
        reads = _reads(tree, template_names(tree))
        try:
            code = env.compile(tree)
        except TemplateError as exc:
            raise _with_line(exc) from None
        codecache.store("template", source, (reads.names, reads.attributes, reads.lines, code))
    return reads, env.template_class.from_code(env, code, env.make_globals(None), None)


def _kept_template(source: str) -> tuple[Reads, types.CodeType] | None:
    kept = codecache.load("template", source)
    if not (isinstance(kept, tuple) and len(kept) == 4 and isinstance(kept[3], types.CodeType)):
        return None
    reads = _kept_reads(kept[:3])
    return None if reads is None else (reads, kept[3])


def _kept_reads(kept: Any) -> Reads | None:
    if not (isinstance(kept, tuple) and len(kept) == 3):
        return None
    names, attributes, lines = kept
    shapes = ((names, frozenset), (attributes, dict), (lines, dict))
    if not all(isinstance(value, kind) for value, kind in shapes):
        return None
    return Reads(names, attributes, lines)


def template_names(tree: nodes.Template) -> set[str]:
    """The names a template reads from its context.

    A name the template sets itself (``{% set %}``, a loop or macro variable) is not
    one, even where Jinja2 counts it as possibly unset: inside the ``{% if %}`` that sets it.
    """
    from jinja2 import meta

    stored = {n.name for n in _all(tree, nodes.Name) if n.ctx in ("store", "param")}
    return set(meta.find_undeclared_variables(tree)) - stored


def _compiled_template(source: str) -> Template:
    try:
        return _template(source)[1]
    except ExpressionError as exc:
        line = exc.line
        raise ExpressionError(str(exc) + (f" (template line {line})" if line else "")) from None


def render(source: str, context: dict[str, Any], escape: Callable[[str], str] | None = None) -> str:
    """Render a template. ``escape``, when given, is applied to every value the template
    writes (not to the template's own text): the output kind's escaping, such as
    Markdown's, so that an answer cannot open a heading, a list, a table column or HTML."""
    template = _compiled_template(source)
    token = _BUDGET.set(_Budget())
    escaping = _ESCAPE.set(escape)
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
    finally:
        _BUDGET.reset(token)
        _ESCAPE.reset(escaping)


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
        names |= expression_reads(source).names
    return names
