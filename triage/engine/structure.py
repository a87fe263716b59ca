"""Check the shape of playbook tables and turn them into model objects.

Each ``check_*`` function appends Problems with the key path and line, and
returns what could be built, so one run reports every mistake in a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from triage.engine.errors import Problem
from triage.engine.kinds import KINDS as KIND_OF
from triage.engine.kinds import named
from triage.engine.model import FIELD_KINDS, KINDS, ROUTES, Option, Question
from triage.engine.names import ROUTE_CHOICES
from triage.engine.tomlfile import TomlFile

ID = re.compile(r"^[a-z][a-z0-9_]*$")

TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    dict: "a table",
    list: "an array",
    dt.date: "a date",
}


class Checker:
    """Collects problems for one file, naming key paths and their lines."""

    def __init__(self, file: TomlFile):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(self.file.problem(path, message))

    def get(
        self,
        table: dict[str, Any],
        path: str,
        key: str,
        kind: type | tuple[type, ...],
        required: bool = False,
        default: Any = None,
    ) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in table:
            if required:
                self.add(path, f"{path or 'the file'} needs `{key}`.")
            return default
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong = not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds)
        if wrong:
            expected = " or ".join(TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.add(where, f"`{where}` must be {expected}, not {describe(value)}.")
            return default
        return value

    def unknown_keys(self, table: dict[str, Any], path: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                where = f"{path}.{key}" if path else key
                hint = closest(key, allowed)
                extra = f" Did you mean `{hint}`?" if hint else ""
                self.add(where, f"`{where}` is not a known key.{extra}")

    def table_list(self, table: dict[str, Any], path: str, key: str) -> list[tuple[str, dict]]:
        """The tables in an array of tables, with their key paths."""
        value = self.get(table, path, key, list, default=[])
        where = f"{path}.{key}" if path else key
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                items.append((f"{where}[{index}]", item))
            else:
                self.add(f"{where}[{index}]", f"`{where}[{index}]` must be a table.")
        return items

    def identifier(self, table: dict[str, Any], path: str, key: str = "id") -> str:
        value = self.get(table, path, key, str, required=True, default="")
        if value and not ID.match(value):
            self.add(
                f"{path}.{key}",
                f"`{path}.{key}` = {value!r} must start with a lowercase letter and use only "
                "lowercase letters, digits and underscores.",
            )
        return value


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    for kind, name in TYPE_NAMES.items():
        if isinstance(value, kind) and kind is not bool:
            if isinstance(value, str):
                return f"text {value[:40]!r}"
            return name
    return type(value).__name__


def closest(word: str, choices: set[str] | tuple[str, ...]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.7)
    return found[0] if found else None


QUESTION_KEYS = {
    "id", "kind", "prompt", "help", "required", "default", "when", "min", "max",
    "min_length", "max_length", "pattern", "message", "labels", "scores", "options",
    "fields", "unit",
}  # fmt: skip


def check_question(
    c: Checker, path: str, table: dict[str, Any], stage: str, is_field: bool = False
) -> Question | None:
    allowed = QUESTION_KEYS - ({"when", "scores", "fields"} if is_field else set())
    c.unknown_keys(table, path, allowed)
    qid = c.identifier(table, path)
    kind = c.get(table, path, "kind", str, required=True, default="")
    kinds = FIELD_KINDS if is_field else KINDS
    if kind and kind not in kinds:
        hint = closest(kind, kinds)
        extra = f" Did you mean {hint!r}?" if hint else ""
        c.add(
            f"{path}.kind",
            f"`{path}.kind` = {kind!r} is not a known kind; use one of {', '.join(kinds)}.{extra}",
        )
        kind = ""
    prompt = c.get(table, path, "prompt", str, required=True, default="")
    options = _check_options(c, path, table, kind)
    fields: tuple[Question, ...] = ()
    known = KIND_OF.get(kind)  # None when the kind is missing or wrong (reported above)
    if known is not None and known.has_fields:
        built = []
        seen: set[str] = set()
        items = c.table_list(table, path, "fields")
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
    elif "fields" in table:
        c.add(f"{path}.fields", f"`{path}.fields` only applies to list questions.")

    scores = _check_weights(c, f"{path}.scores", table.get("scores"))
    if scores and known is not None and not known.scored:
        c.add(
            f"{path}.scores",
            f"`{path}.scores` applies to {_or(named(lambda k: k.scored))} questions; "
            "give choice options their own scores.",
        )
    bound: Any = (known.bound if known is not None else None) or (int, float)
    lo = c.get(table, path, "min", bound)
    hi = c.get(table, path, "max", bound)
    if ("min" in table or "max" in table) and known is not None and known.bound is None:
        c.add(
            path,
            f"{path}: `min`/`max` do not apply to {kind} questions; use min_length/max_length.",
        )
    if lo is not None and hi is not None and lo > hi:
        c.add(f"{path}.min", f"`{path}.min` is larger than `{path}.max`.")
    min_length = c.get(table, path, "min_length", int)
    max_length = c.get(table, path, "max_length", int)
    pattern = c.get(table, path, "pattern", str)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            c.add(f"{path}.pattern", f"`{path}.pattern` is not a valid regular expression: {exc}.")
            pattern = None
    labels = c.get(table, path, "labels", list, default=[])
    takes_labels = known is not None and known.has_labels
    if labels and (
        not takes_labels or len(labels) != 5 or not all(isinstance(x, str) for x in labels)
    ):
        c.add(f"{path}.labels", f"`{path}.labels` must be five texts, and only on scale questions.")
        labels = []
    question = Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        help=c.get(table, path, "help", str, default=""),
        required=c.get(table, path, "required", bool, default=False),
        when=c.get(table, path, "when", str),
        min=lo,
        max=hi,
        min_length=min_length,
        max_length=max_length,
        pattern=pattern,
        message=c.get(table, path, "message", str),
        labels=tuple(labels),
        unit=c.get(table, path, "unit", str, default=""),
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


def _or(names: list[str]) -> str:
    """'a, b and c'."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _replace(question: Question, **changes: Any) -> Question:
    from dataclasses import replace

    return replace(question, **changes)


def _check_options(c: Checker, path: str, table: dict[str, Any], kind: str) -> tuple[Option, ...]:
    known = KIND_OF.get(kind)
    if known is None or not known.has_options:
        if "options" in table and known is not None:
            c.add(
                f"{path}.options",
                f"`{path}.options` only applies to {_or(named(lambda k: k.has_options))} "
                "questions.",
            )
        return ()
    items = c.table_list(table, path, "options")
    if not items:
        c.add(path, f"{path} is a {kind} question and needs at least one option.")
    options = []
    seen: set[str] = set()
    for opath, otable in items:
        c.unknown_keys(otable, opath, {"value", "label", "scores"})
        value = c.get(otable, opath, "value", str, required=True, default="")
        label = c.get(otable, opath, "label", str, required=True, default=value)
        if value in seen:
            c.add(f"{opath}.value", f"`{opath}.value` = {value!r} is used twice in this question.")
        seen.add(value)
        options.append(
            Option(value, label, _check_weights(c, f"{opath}.scores", otable.get("scores")))
        )
    return tuple(options)


def _check_weights(c: Checker, path: str, value: Any) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        c.add(path, f"`{path}` must be a table of score name = points.")
        return {}
    weights = {}
    for name, points in value.items():
        if isinstance(points, bool) or not isinstance(points, (int, float)):
            c.add(f"{path}.{name}", f"`{path}.{name}` must be a number of points.")
        else:
            weights[name] = points
    return weights


def check_route(c: Checker, path: str, value: str) -> str:
    if value and value not in ROUTES:
        c.add(path, f"`{path}` = {value!r} is not a route; use {ROUTE_CHOICES}.")
    return value


def each(c: Checker, table: dict, path: str, key: str, build: Callable[[str, dict], Any]) -> list:
    return [x for p, t in c.table_list(table, path, key) if (x := build(p, t)) is not None]
