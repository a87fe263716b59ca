"""Question kinds as objects: one class per kind says everything the engine knows about it.

Each kind checks a stored value, parses typed text, shows a value to a person, gives the
text to edit, says what form it expects and what score points an answer gives. Front
ends keep one table from a kind's name to their widget or prompt; nothing else in triage
switches on a kind's name. ``KINDS[name]`` is the kind; :func:`kind_of` a question's.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from triage.engine.model import Question

YES = {"y", "yes", "true", "1", "on"}
NO = {"n", "no", "false", "0", "off"}

Points = list[tuple[str, float, str]]
"""(score name, points, why) for each score an answer moves."""


class Kind:
    """What every kind shares; each subclass overrides what differs."""

    name: ClassVar[str] = ""
    typed: ClassVar[bool] = False  # answered by typing (else by choosing)
    multiline: ClassVar[bool] = False  # typed over several lines, spacing kept
    has_options: ClassVar[bool] = False  # needs [[options]]
    has_fields: ClassVar[bool] = False  # needs [[fields]]: a list of records
    has_labels: ClassVar[bool] = False  # may name its five points (`labels`)
    bound: ClassVar[Any] = None  # the type of `min` and `max`, when they apply
    lengths: ClassVar[bool] = False  # min_length, max_length and pattern apply
    scored: ClassVar[bool] = False  # the question's own `scores` apply (not its options')
    field: ClassVar[bool] = True  # may be a field of a list question's rows

    def check(self, question: Question, value: Any) -> Any:
        """The value in its canonical type (never empty), or ValueError saying what is wrong."""
        raise NotImplementedError

    def parse(self, question: Question, text: str) -> Any:
        """A value from text typed at a prompt (stripped, never empty); checked."""
        raise ValueError(f"{self.name} answers cannot be typed as one line.")

    def show(self, question: Question, value: Any) -> str:
        """The value as a person reads it."""
        return str(value)

    def editable(self, question: Question, value: Any) -> str:
        """The value as text that parses back to the same value."""
        return "" if value is None else str(value)

    def expected(self, question: Question) -> str:
        """What an answer should look like, for messages."""
        return self.name

    def hint(self, question: Question) -> str:
        """A short note on the form to type, shown beside a prompt ('' when obvious)."""
        return ""

    def points(self, question: Question, value: Any) -> Points:
        return []


class Text(Kind):
    """One line of text, held to the question's lengths and pattern."""

    name = "text"
    typed = lengths = True

    def check(self, question: Question, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError("Expected text.")
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

    def parse(self, question: Question, text: str) -> Any:
        return self.check(question, text)

    def expected(self, question: Question) -> str:
        return "text"


class LongText(Text):
    """Text over several lines, with its spacing kept."""

    name = "longtext"
    multiline = True


class Choice(Kind):
    """One option from the question's list."""

    name = "choice"
    has_options = True

    def check(self, question: Question, value: Any) -> Any:
        if not isinstance(value, str) or question.option(value) is None:
            raise ValueError(f"Expected one of: {option_list(question)}.")
        return value

    def parse(self, question: Question, text: str) -> Any:
        return self.check(question, find_option(question, text))

    def show(self, question: Question, value: Any) -> str:
        option = question.option(value)
        return option.label if option else str(value)

    def expected(self, question: Question) -> str:
        return "one of " + ", ".join(repr(o.value) for o in question.options)

    def points(self, question: Question, value: Any) -> Points:
        option = question.option(value)
        return [(n, p, f"→ {option.label}") for n, p in option.scores.items()] if option else []


class Multi(Choice):
    """Any number of options from the question's list, kept in the list's order."""

    name = "multi"
    bound = int  # how many may be chosen
    field = False

    def check(self, question: Question, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"Expected a list of: {option_list(question)}.")
        unknown = [v for v in value if question.option(v) is None]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not an option; expected: {option_list(question)}.")
        chosen = [o.value for o in question.options if o.value in value]
        check_count(question, len(chosen), "choice")
        return chosen

    def parse(self, question: Question, text: str) -> Any:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        return self.check(question, [find_option(question, p) for p in parts])

    def show(self, question: Question, value: Any) -> str:
        return ", ".join(Choice.show(self, question, v) for v in value)

    def editable(self, question: Question, value: Any) -> str:
        return "" if value is None else ", ".join(value)

    def expected(self, question: Question) -> str:
        return "a list of " + ", ".join(repr(o.value) for o in question.options)

    def points(self, question: Question, value: Any) -> Points:
        return [p for chosen in value for p in Choice.points(self, question, chosen)]


class YesNo(Kind):
    """Yes or no; a yes gives the question's points."""

    name = "yesno"
    scored = True

    def check(self, question: Question, value: Any) -> Any:
        if not isinstance(value, bool):
            raise ValueError("Expected yes or no (true or false).")
        return value

    def parse(self, question: Question, text: str) -> Any:
        lowered = text.lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ValueError("Answer yes or no.")

    def show(self, question: Question, value: Any) -> str:
        return "Yes" if value else "No"

    def editable(self, question: Question, value: Any) -> str:
        return "" if value is None else ("yes" if value else "no")

    def expected(self, question: Question) -> str:
        return "true or false"

    def points(self, question: Question, value: Any) -> Points:
        return [(n, p, "→ Yes") for n, p in question.scores.items()] if value else []


class Scale(Kind):
    """A whole number from 1 to 5; points are multiplied by it."""

    name = "scale"
    scored = has_labels = True
    bound = int
    field = False

    def check(self, question: Question, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError("Expected a whole number from 1 to 5.")
        return value

    def parse(self, question: Question, text: str) -> Any:
        if not text.isdigit():
            raise ValueError("Enter a whole number from 1 to 5.")
        return self.check(question, int(text))

    def show(self, question: Question, value: Any) -> str:
        return f"{value} ({question.labels[value - 1]})" if question.labels else str(value)

    def expected(self, question: Question) -> str:
        return "a whole number from 1 to 5"

    def points(self, question: Question, value: Any) -> Points:
        return [
            (n, p * value, f"→ {self.show(question, value)}") for n, p in question.scores.items()
        ]


class Number(Kind):
    """A finite number, within min and max; points are multiplied by it."""

    name = "number"
    typed = scored = True
    bound = (int, float)

    def check(self, question: Question, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("Expected a number.")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("Expected a finite number.")
        return check_bounds(question, value)

    def parse(self, question: Question, text: str) -> Any:
        try:
            number = parse_number(text)
        except ValueError:
            if question.min is not None and question.max is not None:
                raise ValueError(
                    question.message or f"Enter a number from {question.min} to {question.max}."
                ) from None
            raise
        return self.check(question, number)

    def show(self, question: Question, value: Any) -> str:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
        return f"{text} {question.unit}".strip()

    def editable(self, question: Question, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return "" if value is None else str(value)

    def expected(self, question: Question) -> str:
        return "a number"

    def hint(self, question: Question) -> str:
        return f"({question.unit})" if question.unit else ""

    def points(self, question: Question, value: Any) -> Points:
        return [
            (n, p * value, f"→ {self.show(question, value)}") for n, p in question.scores.items()
        ]


class Date(Kind):
    """A calendar date, typed as YYYY-MM-DD, within min and max."""

    name = "date"
    typed = True
    bound = dt.date

    def check(self, question: Question, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            value = parse_date(value)
        if not isinstance(value, dt.date):
            raise ValueError("Expected a date like 2026-03-31.")
        return check_bounds(question, value)

    def parse(self, question: Question, text: str) -> Any:
        return self.check(question, parse_date(text))

    def show(self, question: Question, value: Any) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    def editable(self, question: Question, value: Any) -> str:
        return "" if value is None else self.show(question, value)

    def expected(self, question: Question) -> str:
        return "a date like 2026-03-31"

    def hint(self, question: Question) -> str:
        return "(YYYY-MM-DD)"


class List(Kind):
    """A list of entries, each a record of the question's fields."""

    name = "list"
    has_fields = True
    bound = int  # how many entries
    field = False

    def check(self, question: Question, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise ValueError("Expected a list of entries (an array of tables).")
        from triage.engine.answers import check_row

        rows = [check_row(question, row, index) for index, row in enumerate(value, 1)]
        check_count(question, len(rows), "entry", "entries")
        return rows

    def show(self, question: Question, value: Any) -> str:
        return "; ".join(
            ", ".join(
                kind_of(f).show(f, row[f.id]) for f in question.fields if row.get(f.id) is not None
            )
            for row in value
        )

    def expected(self, question: Question) -> str:
        return "a list of entries with " + ", ".join(f.id for f in question.fields)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (Text(), LongText(), Choice(), Multi(), YesNo(), Scale(), Number(), Date(), List())
}
FIELD_KINDS = tuple(name for name, k in KINDS.items() if k.field)


def named(test: Any) -> list[str]:
    """The names of the kinds for which ``test(kind)`` holds, for messages."""
    return [name for name, kind in KINDS.items() if test(kind)]


def kind_of(question: Question) -> Kind:
    """The kind of a question; ValueError when the kind is unknown."""
    try:
        return KINDS[question.kind]
    except KeyError:
        raise ValueError(f"Unknown kind {question.kind!r}.") from None


# -- helpers the kinds share --------------------------------------------------------------


def option_list(question: Question) -> str:
    """The question's option values, comma-separated, for messages."""
    return ", ".join(o.value for o in question.options)


def find_option(question: Question, text: str) -> str:
    """The option value matching typed text by value or label, any case; ValueError if none."""
    lowered = text.lower()
    for option in question.options:
        if lowered in (option.value.lower(), option.label.lower()):
            return option.value
    raise ValueError(f"{text!r} is not an option; choose from: {option_list(question)}.")


def parse_number(text: str) -> int | float:
    """A number from typed text, ignoring spaces, commas and currency signs; else ValueError."""
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
    """A date from text in the form 2026-03-31; ValueError otherwise."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date; use the form 2026-03-31.") from None


def check_bounds(question: Question, value: Any) -> Any:
    """The value unchanged when within the question's min and max; ValueError otherwise."""
    if question.min is not None and value < question.min:
        raise ValueError(question.message or f"Enter {question.min} or more.")
    if question.max is not None and value > question.max:
        raise ValueError(question.message or f"Enter {question.max} or less.")
    return value


def check_count(question: Question, count: int, noun: str, plural: str | None = None) -> None:
    """Raise ValueError when a count of choices or entries is outside min and max."""
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
