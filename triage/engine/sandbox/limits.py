"""Resource metering: how much work, text and output one evaluation or render may
spend, and the checks that stop it before it spends more (see the package's notes)."""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

from jinja2.exceptions import SecurityError

MAX_TEXT = 1_000_000  # characters any single value may hold (lists: by their contents)
MAX_OUTPUT = 5 * MAX_TEXT  # characters a template may write in all, macros included
MAX_EXPONENT = 64
MAX_INT_BITS = 100_000  # integers beyond ~30,000 digits are refused
MAX_WIDTH = 1000  # widths and counts given to filters
MAX_STEPS = 1_000_000
MAX_SECONDS = 1.0  # of this thread's processor time, so a busy machine does not refuse
_CLOCK_EVERY = 16  # steps between looks at the clock (a look costs ten times a step)


class _Budget:
    """The work and output one evaluation or render may still spend."""

    __slots__ = ("deadline", "kept", "output", "steps", "weights")

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.deadline = time.thread_time() + MAX_SECONDS
        self.weights: dict[int, tuple[Any, int]] = {}  # see _weight_of_input
        self.kept = 0  # the weight of what ``weights`` holds


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
    if budget.steps % _CLOCK_EVERY == 0 and time.thread_time() > budget.deadline:
        raise SecurityError(f"it took longer than {MAX_SECONDS:g} seconds; simplify its loops")


def _weight(value: Any, limit: int = MAX_TEXT) -> int:
    """Roughly how many characters ``value`` holds, counting into lists and tables.

    Stops counting once past ``limit``, so a huge structure costs little to measure.
    """
    kind = type(value)
    if kind is str:  # most values a template writes: no walk needed
        return len(value) + 1
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)  # the exact plain types first: a quick test, most items are
        if kind is str:
            total += len(item) + 1
        elif kind is dict:
            total += 1
            stack.extend(item.keys())
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            total += 1
            stack.extend(item)
        elif isinstance(item, (str, bytes)):  # subclasses and the rest, as ever
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


# What _weight_of_input may hold on to in one render, by weight: the data a template reads
# again and again (a case's actions, its answers) is well under it; a template that makes
# many large lists of its own cannot make the budget hold them all.
_KEPT_WEIGHT = 200_000


def _weight_of_input(value: Any) -> int:
    """``_weight(value)`` for a list, table or tuple a filter reads or a loop goes over,
    measured once per render, not each time a template reads it again (a plan template
    filters the same list of actions dozens of times).

    A weight can be kept because within a render nothing changes such a value in place:
    templates cannot (the sandbox is immutable), and no filter does. The value itself is
    kept with its weight, so its ``id`` is not reused by another while the render lasts.
    """
    kind = type(value)
    if kind is str:
        return len(value) + 1
    budget = _BUDGET.get()
    if budget is None or not (kind is list or kind is dict or kind is tuple):
        return _weight(value)
    kept = budget.weights.get(id(value))
    if kept is not None and kept[0] is value:
        return kept[1]
    weight = _weight(value)
    if budget.kept + weight <= _KEPT_WEIGHT:
        budget.weights[id(value)] = (value, weight)
        budget.kept += weight
    return weight


def _too_big(what: str = "that") -> SecurityError:
    return SecurityError(f"{what} would produce too much text (over {MAX_TEXT:,} characters)")


def _check_size(value: Any, what: str = "that") -> Any:
    """Refuse a value over MAX_TEXT. A list, table or tuple is measured as an input is
    (``_weight_of_input``): a filter's result is often the next filter's input."""
    sized = isinstance(value, (str, bytes, list, tuple, dict, set, frozenset))
    if sized and _weight_of_input(value) > MAX_TEXT:
        raise _too_big(what)
    return value


def _metered(iterator: Iterator[Any], what: str) -> Iterator[Any]:
    """Pass items through, counting steps and the text they hold in all."""
    total = 0
    for item in iterator:
        _tick()
        total += _weight_of_input(item)
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
    listed: list[Any] = list(
        items
        if isinstance(items, Iterable) and isinstance(items, Sized)
        else _metered(iter(items), what)
    )
    if _weight(listed) + len(separator) * len(listed) > MAX_TEXT:
        raise _too_big(what)
    return listed


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
_UNSAFE_ATTRIBUTES = frozenset({"format", "format_map", "mro"})


def _check_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Refuse filter arguments that would make the result enormous; return the value to use."""
    what = f"the {name} filter"
    extra = list(args) + list(kwargs.values())
    if name in _WIDTH_FILTERS:
        for arg in extra:
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_WIDTH:
                raise SecurityError(f"{what} accepts numbers up to {MAX_WIDTH}")
    if _weight_of_input(value) + sum(_weight(a) for a in extra) > MAX_TEXT:
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
