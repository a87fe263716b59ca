"""Turn what a user typed or an answers file holds into checked answer values.

``check_value`` takes a typed value (from TOML or a widget) and ``parse_text``
takes what someone typed at a prompt; both raise ``ValueError`` whose message
is one sentence the user can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from triage.engine.model import Question

YES = {"y", "yes", "true", "1", "on"}
NO = {"n", "no", "false", "0", "off"}


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def check_value(question: Question, value: Any) -> Any:
    """Return the answer in its canonical type, or raise ValueError saying what is wrong."""
    if is_empty(value):
        if question.required:
            raise ValueError("An answer is required.")
        return None
    kind = question.kind
    if kind in ("text", "longtext"):
        if not isinstance(value, str):
            raise ValueError("Expected text.")
        return _check_text(question, value)
    if kind == "choice":
        if not isinstance(value, str) or question.option(value) is None:
            raise ValueError(f"Expected one of: {_option_list(question)}.")
        return value
    if kind == "multi":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"Expected a list of: {_option_list(question)}.")
        unknown = [v for v in value if question.option(v) is None]
        if unknown:
            raise ValueError(
                f"{unknown[0]!r} is not an option; expected: {_option_list(question)}."
            )
        chosen = [o.value for o in question.options if o.value in value]
        _check_count(question, len(chosen), "choice")
        return chosen
    if kind == "yesno":
        if not isinstance(value, bool):
            raise ValueError("Expected yes or no (true or false).")
        return value
    if kind == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError("Expected a whole number from 1 to 5.")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("Expected a number.")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("Expected a finite number.")
        return _check_bounds(question, value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            value = parse_date(value)
        if not isinstance(value, dt.date):
            raise ValueError("Expected a date like 2026-03-31.")
        return _check_bounds(question, value)
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise ValueError("Expected a list of entries (an array of tables).")
        rows = [check_row(question, row, index) for index, row in enumerate(value, 1)]
        _check_count(question, len(rows), "entry", "entries")
        return rows
    raise ValueError(f"Unknown kind {kind!r}.")


class RowError(ValueError):
    """A list entry that does not fit: ``index`` counts from 1, ``field`` is a field id
    (empty when the entry as a whole is wrong), so a file's message can point at it."""

    def __init__(self, message: str, index: int, field: str = "") -> None:
        super().__init__(message)
        self.index, self.field = index, field

    @property
    def path(self) -> str:
        """Where in a list answer, as a key path suffix: ``[3].date``."""
        return f"[{self.index - 1}]" + (f".{self.field}" if self.field else "")


def check_row(question: Question, row: dict[str, Any], index: int) -> dict[str, Any]:
    known = {f.id for f in question.fields}
    for key in row:
        if key not in known:
            raise RowError(
                f"entry {index} has {key!r}, which is not one of: {', '.join(sorted(known))}.",
                index,
                key,
            )
    clean: dict[str, Any] = {}
    for field in question.fields:
        try:
            clean[field.id] = check_value(field, row.get(field.id))
        except ValueError as exc:
            raise RowError(
                f"entry {index}, {field.prompt or field.id}: {exc}", index, field.id
            ) from None
    return clean  # every field is present; unanswered ones are None, as top-level answers are


def parse_text(question: Question, text: str) -> Any:
    """Interpret text typed into a prompt for ``question`` and check it."""
    stripped = text.strip()
    kind = question.kind
    if stripped == "":
        return check_value(question, None)
    if kind in ("text", "longtext"):
        return check_value(question, text if kind == "longtext" else stripped)
    if kind == "yesno":
        lowered = stripped.lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ValueError("Answer yes or no.")
    if kind == "scale":
        if not stripped.isdigit():
            raise ValueError("Enter a whole number from 1 to 5.")
        return check_value(question, int(stripped))
    if kind == "number":
        try:
            number = parse_number(stripped)
        except ValueError:
            if question.min is not None and question.max is not None:
                raise ValueError(
                    question.message or f"Enter a number from {question.min} to {question.max}."
                ) from None
            raise
        return check_value(question, number)
    if kind == "date":
        return check_value(question, parse_date(stripped))
    if kind == "choice":
        option = _find_option(question, stripped)
        return check_value(question, option)
    if kind == "multi":
        parts = [p.strip() for p in stripped.split(",") if p.strip()]
        return check_value(question, [_find_option(question, p) for p in parts])
    raise ValueError(f"{kind} answers cannot be typed as one line.")


def parse_number(text: str) -> int | float:
    cleaned = re.sub(r"[\s,_£$€]", "", text)
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a number; enter digits like 12000 or 12,000.50."
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("Enter a finite number.")
    return number


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date; use the form 2026-03-31.") from None


def _find_option(question: Question, text: str) -> str:
    lowered = text.lower()
    for option in question.options:
        if lowered in (option.value.lower(), option.label.lower()):
            return option.value
    raise ValueError(f"{text!r} is not an option; choose from: {_option_list(question)}.")


def _option_list(question: Question) -> str:
    return ", ".join(o.value for o in question.options)


def _check_text(question: Question, value: str) -> str:
    now = f" (now {len(value):,})"
    if question.min_length is not None and len(value) < question.min_length:
        raise ValueError(
            question.message or f"Use at least {question.min_length:,} characters{now}."
        )
    if question.max_length is not None and len(value) > question.max_length:
        raise ValueError(
            question.message or f"Use at most {question.max_length:,} characters{now}."
        )
    if question.pattern and not re.fullmatch(question.pattern, value):
        raise ValueError(question.message or "That does not have the expected form.")
    return value


def _check_bounds(question: Question, value: Any) -> Any:
    if question.min is not None and value < question.min:
        raise ValueError(question.message or f"Enter {question.min} or more.")
    if question.max is not None and value > question.max:
        raise ValueError(question.message or f"Enter {question.max} or less.")
    return value


def _check_count(question: Question, count: int, noun: str, plural: str | None = None) -> None:
    plural = plural or noun + "s"
    if question.min is not None and count < question.min:
        raise ValueError(
            question.message
            or f"Add at least {question.min} {plural if question.min != 1 else noun}."
        )
    if question.max is not None and count > question.max:
        raise ValueError(
            question.message
            or f"Add at most {question.max} {plural if question.max != 1 else noun}."
        )


def as_text(question: Question, value: Any) -> str:
    """An answer as a person would read it."""
    if value is None:
        return ""
    kind = question.kind
    if kind == "choice":
        option = question.option(value)
        return option.label if option else str(value)
    if kind == "multi":
        return ", ".join(as_text_option(question, v) for v in value)
    if kind == "yesno":
        return "Yes" if value else "No"
    if kind == "scale":
        return f"{value} ({question.labels[value - 1]})" if question.labels else str(value)
    if kind == "number":
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
        return f"{text} {question.unit}".strip()
    if kind == "date":
        return value.isoformat()
    if kind == "list":
        return "; ".join(
            ", ".join(
                as_text(f, row.get(f.id)) for f in question.fields if row.get(f.id) is not None
            )
            for row in value
        )
    return str(value)


def as_text_option(question: Question, value: str) -> str:
    option = question.option(value)
    return option.label if option else value
