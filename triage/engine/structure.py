"""Build questions from their checked tables, with the checks the declaration cannot make.

The shape of a question (its keys, their types, the required ones, its kind) is declared
once in :mod:`triage.engine.formats.playbook` and checked by :meth:`Checker.shape`;
what is left here depends on the kind or on several keys at once. Problems carry the key
path and its line, so one run reports every mistake in a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from triage.engine.formats.declare import ARRAY, Type
from triage.engine.formats.declare import TYPE_NAMES as TYPE_NAMES
from triage.engine.formats.declare import Checker as Checker
from triage.engine.formats.declare import closest as closest
from triage.engine.formats.declare import describe as describe
from triage.engine.formats.playbook import FIELD, ID_PATTERN, OPTION, QUESTION, WEIGHTS
from triage.engine.kinds import KINDS as KIND_OF
from triage.engine.kinds import named
from triage.engine.model import Option, Question

ID = re.compile(ID_PATTERN)


def check_question(
    c: Checker, path: str, table: dict[str, Any], stage: str, is_field: bool = False
) -> Question | None:
    """The question in ``table`` (at key path ``path``), or None when it has no id or kind."""
    v = c.shape(FIELD if is_field else QUESTION, table, path)
    qid, kind = v["id"], v["kind"]
    known = KIND_OF.get(kind)  # None when the kind is missing or wrong (reported)
    options = _check_options(c, path, table, kind, v["options"])
    fields: tuple[Question, ...] = ()
    if known is not None and known.has_fields:
        built = []
        seen: set[str] = set()
        items = c.tables(_array(c, f"{path}.fields", v["fields"]), f"{path}.fields")
        if not items:
            c.add(path, f"{path} is a list question and needs at least one `fields` entry.")
        for fpath, ftable in items:
            field = check_question(c, fpath, ftable, stage, is_field=True)
            if field is None:
                continue
            if field.id in seen:
                c.add(f"{fpath}.id", f"`{fpath}.id` = {field.id!r} is used twice in this list.")
            seen.add(field.id)
            built.append(field)
        fields = tuple(built)
    elif "fields" in table and not is_field:
        c.add(f"{path}.fields", f"`{path}.fields` only applies to list questions.")

    scores = weights(c, f"{path}.scores", v.get("scores"))
    if scores and known is not None and not known.scored:
        c.add(
            f"{path}.scores",
            f"`{path}.scores` applies to {_or(named(lambda k: k.scored))} questions; "
            "give choice options their own scores.",
        )
    lo, hi = _bounds(c, path, table, kind)
    pattern = v["pattern"]
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            c.add(f"{path}.pattern", f"`{path}.pattern` is not a valid regular expression: {exc}.")
            pattern = None
    labels = v["labels"]
    takes_labels = known is not None and known.has_labels
    if labels and (
        not takes_labels or len(labels) != 5 or not all(isinstance(x, str) for x in labels)
    ):
        c.add(f"{path}.labels", f"`{path}.labels` must be five texts, and only on scale questions.")
        labels = ()
    question = Question(
        id=qid,
        kind=kind,
        prompt=v["prompt"],
        help=v["help"],
        required=v["required"],
        when=v.get("when"),
        min=lo,
        max=hi,
        min_length=v["min_length"],
        max_length=v["max_length"],
        pattern=pattern,
        message=v["message"],
        labels=tuple(labels),
        unit=v["unit"],
        scores=scores,
        options=options,
        fields=fields,
        stage=stage,
        key=path,
    )
    if "default" in table and kind:
        from triage.engine.answers import check_value

        try:
            default = check_value(question, table["default"])
        except ValueError as exc:
            c.add(f"{path}.default", f"`{path}.default` does not fit the question: {exc}")
        else:
            question = _replace(question, default=default)
    return question if qid and kind else None


def _bounds(c: Checker, path: str, table: dict[str, Any], kind: str) -> tuple[Any, Any]:
    """``min`` and ``max``, of the type the kind gives them (a number, a date, a count)."""
    if "min" not in table and "max" not in table:
        return None, None
    known = KIND_OF.get(kind)
    bound = (known.bound if known is not None else None) or (int, float)
    expected = Type(bound if isinstance(bound, tuple) else (bound,), {})
    lo = (
        table["min"] if "min" in table and c.expect(f"{path}.min", table["min"], expected) else None
    )
    hi = (
        table["max"] if "max" in table and c.expect(f"{path}.max", table["max"], expected) else None
    )
    if ("min" in table or "max" in table) and known is not None and known.bound is None:
        c.add(
            path,
            f"{path}: `min`/`max` do not apply to {kind} questions; use min_length/max_length.",
        )
    if lo is not None and hi is not None and lo > hi:
        c.add(f"{path}.min", f"`{path}.min` is larger than `{path}.max`.")
    return lo, hi


def _array(c: Checker, where: str, value: Any) -> Any:
    """``value`` when it is an array (of tables, checked next), else nothing, reported."""
    if isinstance(value, tuple):  # the declared default: the key is not there
        return value
    return value if c.expect(where, value, ARRAY) else ()


def _or(names: list[str]) -> str:
    """'a, b and c'."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _replace(question: Question, **changes: Any) -> Question:
    from dataclasses import replace

    return replace(question, **changes)


def _check_options(
    c: Checker, path: str, table: dict[str, Any], kind: str, value: Any
) -> tuple[Option, ...]:
    known = KIND_OF.get(kind)
    if known is None or not known.has_options:
        if "options" in table and known is not None:
            c.add(
                f"{path}.options",
                f"`{path}.options` only applies to {_or(named(lambda k: k.has_options))} "
                "questions.",
            )
        return ()
    items = c.tables(_array(c, f"{path}.options", value), f"{path}.options")
    if not items:
        c.add(path, f"{path} is a {kind} question and needs at least one option.")
    options = []
    seen: set[str] = set()
    for opath, otable in items:
        o = c.shape(OPTION, otable, opath)
        value, label = o["value"], o["label"]
        if value in seen:
            c.add(f"{opath}.value", f"`{opath}.value` = {value!r} is used twice in this question.")
        seen.add(value)
        options.append(
            Option(
                value, value if label is None else label, weights(c, f"{opath}.scores", o["scores"])
            )
        )
    return tuple(options)


def weights(c: Checker, path: str, value: Any) -> dict[str, float]:
    """Score name = points, from a table already checked to be one."""
    if not value:
        return {}
    return {name: points for _, name, points in c.entries(WEIGHTS, value, path)}


def each(
    c: Checker, value: Any, path: str, build: Callable[[str, dict[str, Any]], Any]
) -> list[Any]:
    """What ``build`` makes of each table in an array of tables (None is left out)."""
    return [x for p, t in c.tables(value, path) if (x := build(p, t)) is not None]
