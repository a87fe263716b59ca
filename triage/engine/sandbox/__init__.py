"""The only place playbook conditions and templates are evaluated.

Everything runs in Jinja2's immutable sandbox with undefined names as errors,
without the globals that reach beyond plain data, and with limits on the
operators and filters that could be used to exhaust memory or time.

Limits, all per evaluation or render (see ``_Budget``):

- work: every loop iteration, call, filter, test, attribute read and guarded
  operator is a step; more than ``MAX_STEPS`` steps, or ``MAX_SECONDS`` of the
  processor's time (not the wall clock: a machine busy with other work must not
  refuse a playbook that is fine), stops the template;
- size: no value (text, or a list or table counted by its contents) may grow
  beyond ``MAX_TEXT``, checked *before* the operations that multiply text
  (``*``, ``~``, ``+``, ``replace``, ``join``, ``indent``, widths ...), and a
  template may not write more than ``MAX_OUTPUT`` characters in all, including
  text written inside macros and ``{% set %}`` blocks;
- statements that reach other files or recurse (``include``, ``import``,
  ``extends``, recursive loops) and the ``self`` reference are refused when the
  template is parsed, so ``triage validate`` reports them.
"""

# ruff: noqa: E402  (Jinja2 is imported by import_jinja2 before the imports below)
from __future__ import annotations

from triage.engine.sandbox.later import import_jinja2

import_jinja2()  # without its compiler, lexer and parser until a template is compiled

import functools
import marshal
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import Template, Undefined, nodes
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.runtime import Context

from triage.engine import codecache
from triage.engine.errors import ExpressionError as ExpressionError
from triage.engine.sandbox.environment import environment as environment
from triage.engine.sandbox.limits import _BUDGET, _ESCAPE, MAX_TEXT, _Budget
from triage.engine.sandbox.reads import Reads as Reads
from triage.engine.sandbox.reads import _reads
from triage.engine.sandbox.reads import attribute_uses as attribute_uses
from triage.engine.sandbox.reads import expression_names as expression_names
from triage.engine.sandbox.reads import template_names as template_names
from triage.engine.sandbox.refusals import _refuse_statements, harden


def parse_expression(source: str) -> nodes.Expr:
    """Parse one expression; raise ExpressionError with a readable message."""
    env = environment()
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty")
    from jinja2.parser import Parser  # loaded here, not when every expression is cached

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


@functools.lru_cache(maxsize=4096)
def compile_expression(source: str) -> Template:
    """An expression, as a template that sets ``result`` to its value (what Jinja2's
    ``compile_expression`` makes): compiled once, kept between runs."""
    env = environment()
    code = _cached_code("expression", source)
    if code is None:
        expr = parse_expression(source)
        expr.set_environment(env)
        tree = nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)])
        tree.set_environment(env)
        try:
            code = env.compile(harden(tree))
        except TemplateError as exc:
            raise ExpressionError(_clean(exc)) from None
        codecache.store("expression", source, code)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _cached_code(kind: str, source: str) -> types.CodeType | None:
    kept = codecache.load(kind, source)
    return kept if isinstance(kept, types.CodeType) else None


def evaluate(source: str, context: dict[str, Any]) -> Any:
    """Evaluate an expression; comparisons with unanswered questions count as false."""
    func = compile_expression(source)
    token = _BUDGET.set(_Budget())
    try:
        result = _call(func, context)
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


def _new_context(template: Template, context: dict[str, Any]) -> Context:
    """The context ``template.new_context(dict(**context))`` makes, as Jinja2 makes one for
    a render or an expression: a new table of the template's globals and ``context``, read
    by the template and never changed by it.

    Jinja2 gets there through keyword arguments, copying the context three times, key by
    key; with the 100-200 names of a case, that was most of what an expression costs, and
    a headless case evaluates about 300 of them. Here it is copied once.
    """
    if template.globals:  # a ChainMap, empty here (the sandbox removes Jinja2's globals)
        parent = dict(template.globals)
        parent.update(context)
    else:
        parent = dict(context)
    return template.new_context(parent, shared=True)


def _as_keywords(context: dict[str, Any]) -> bool:
    """Whether Jinja2 takes ``context`` as keyword arguments: every key text, and none
    ``self`` (the name of its methods' own first argument). A context it does not take goes
    to Jinja2 as it always did, and fails there the same way (a TypeError).

    Joining the keys is the test (only text joins), in a third of the time the set of
    their types took: a headless case asks it of a context of 100-200 names some 400
    times. A subclass of ``str`` joins too, and is a keyword to Jinja2 as well."""
    if "self" in context:
        return False
    try:
        "".join(context)
    except TypeError:
        return False
    return True


def _call(template: Template, context: dict[str, Any]) -> Any:
    """An expression's value in ``context``: what Jinja2's ``TemplateExpression(template,
    undefined_to_none=False)(**context)`` gives, with the context copied once."""
    if not _as_keywords(context):
        return TemplateExpression(template, undefined_to_none=False)(**context)
    made = _new_context(template, context)
    for _ in template.root_render_func(made):
        pass
    return made.vars["result"]


def _generate(template: Template, context: dict[str, Any]) -> Iterator[str]:
    """``template.generate(**context)`` (Jinja2 3.1's, not async), with the context copied
    once."""
    if not _as_keywords(context):
        return template.generate(**context)
    return _generated(template, _new_context(template, context))


def _generated(template: Template, made: Context) -> Iterator[str]:
    """The rest of ``Template.generate``: an error goes through Jinja2's
    ``handle_exception``, as there, so its traceback names the template's lines."""
    try:
        yield from template.root_render_func(made)
    except Exception:
        template.environment.handle_exception()


def holds(source: str | None, context: dict[str, Any]) -> bool:
    """Whether a condition is true in this context; no condition always holds."""
    return True if source is None else bool(evaluate(source, context))


def parse_template(source: str) -> nodes.Template:
    """Parse a template; a syntax error carries the template line in ``.line``."""
    try:
        tree = environment().parse(source)
        _refuse_statements(tree)
    except TemplateError as exc:
        raise _with_line(exc) from None
    return tree


def _with_line(exc: TemplateError) -> ExpressionError:
    """A Jinja2 error as ours, carrying the template line when Jinja2 knows it."""
    error = ExpressionError(_clean(exc))
    error.line = getattr(exc, "lineno", None)
    return error


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
    return _made_template(source)[0]


@functools.lru_cache(maxsize=256)
def _made_template(source: str) -> tuple[Reads, types.CodeType | bytes]:
    """A template's reads and its code: made once per process, kept between runs.

    The first time, the text is parsed (refusing what the sandbox forbids), read, hardened
    and compiled; later runs load the reads from the cache, which keeps only what compiled
    without a problem, with the code still as the bytes it was kept as: a run asks what
    every action's text reads (to know which answers the plan may leave out) and renders
    about half of them, and loading code is most of what a kept template costs.
    """
    kept = _kept_template(source)
    return kept if kept is not None else _compile_template(source)


def _compile_template(source: str) -> tuple[Reads, types.CodeType]:
    env = environment()
    tree = parse_template(source)
    reads = _reads(tree, template_names(tree))
    try:
        code = env.compile(harden(tree))
    except TemplateError as exc:
        raise _with_line(exc) from None
    kept = (reads.names, reads.attributes, reads.lines, marshal.dumps(code))
    codecache.store("template", source, kept)
    return reads, code


@functools.lru_cache(maxsize=256)
def _template(source: str) -> tuple[Reads, Template]:
    """A template's reads and its compiled form (see :func:`_made_template`)."""
    env = environment()
    reads, code = _made_template(source)
    if isinstance(code, bytes):
        loaded = _loaded_code(code)
        reads, code = (reads, loaded) if loaded is not None else _compile_template(source)
    return reads, env.template_class.from_code(env, code, env.make_globals(None), None)


def _loaded_code(data: bytes) -> types.CodeType | None:
    """Kept code, loaded; None if it is not code that loads (then it is compiled again)."""
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _kept_template(source: str) -> tuple[Reads, bytes] | None:
    kept = codecache.load("template", source)
    if not (isinstance(kept, tuple) and len(kept) == 4 and isinstance(kept[3], bytes)):
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
        for chunk in _generate(template, context):
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
    """Every name the given expressions read."""
    names: set[str] = set()
    for source in expressions:
        names |= expression_reads(source).names
    return names
