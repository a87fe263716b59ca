"""Turn what a user typed or an answers file holds into checked answer values.

``check_value`` takes a typed value (from TOML or a widget) and ``parse_text``
takes what someone typed at a prompt; both raise ``ValueError`` whose message
is one sentence the user can act on. What differs by kind is in
:mod:`triage.engine.kinds`; this module adds what every kind shares: an empty
answer, a required one, and the rows of a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from triage.engine.kinds import kind_of
from triage.engine.kinds import parse_date as parse_date
from triage.engine.kinds import parse_number as parse_number
from triage.engine.model import Question


@dataclass(frozen=True)
class Offer:
    """What became of an answer offered to a question: stored, or refused with a reason.

    ``kept`` says refused typed text was saved as it stands, so nothing typed is lost;
    ``unsaved`` is a sentence when the case could not be written to disk (the answer
    holds for this session all the same).
    """

    stored: bool
    value: Any = None
    reason: str = ""
    kept: bool = False
    unsaved: str = ""


def consider(question: Question, text: str | None = None, value: Any = None) -> Offer:
    """Parse ``text`` when given, else check ``value``: the answer it makes, or why not."""
    try:
        checked = parse_text(question, text) if text is not None else check_value(question, value)
    except ValueError as exc:
        return Offer(stored=False, reason=str(exc))
    return Offer(stored=True, value=checked)


def is_empty(value: Any) -> bool:
    """Whether a value counts as unanswered: None, '', an empty list or an empty table."""
    return value is None or value == "" or value == [] or value == {}


# An optional text answer that only says there is nothing to say ("none", "n/a", "none, it is
# a billing query", "not applicable"): typed to move on, not to be quoted back.
_NOTHING = re.compile(
    r"(?:none|nil|nothing|n/?a|not applicable|no|tbc|tbd|unknown|not sure|idk|-+|\u2014|\u2013|\?+)"
    r"(?:\s*$|\s*[,;:(\u2014\u2013-]|\.(?:\s|$))",
    re.IGNORECASE,
)


def says_nothing(question: Question, value: Any) -> bool:
    """Whether ``value``, answered to the optional text ``question``, only says there is
    nothing to say: the rules, actions and drafts then read it as unanswered, while the
    answer itself is kept, and shown, as typed."""
    return (
        not question.required
        and question.kind in ("text", "longtext")
        and isinstance(value, str)
        and bool(_NOTHING.match(value.strip()))
    )


def check_value(question: Question, value: Any) -> Any:
    """Return the answer in its canonical type, or raise ValueError saying what is wrong."""
    if is_empty(value):
        if question.required:
            raise ValueError("An answer is required.")
        return None
    return kind_of(question).check(question, value)


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
    """One list entry with every field checked and present; RowError names what is wrong."""
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
    if stripped == "":
        return check_value(question, None)
    kind = kind_of(question)
    # A long text keeps its own spacing and lines; everything else is read stripped.
    return kind.parse(question, text if kind.multiline else stripped)


def as_text(question: Question, value: Any) -> str:
    """An answer as a person would read it."""
    if value is None:
        return ""
    return kind_of(question).show(question, value)


def editable_text(question: Question, value: Any) -> str:
    """An answer as text the user can edit and give back unchanged."""
    return "" if value is None else kind_of(question).editable(question, value)
