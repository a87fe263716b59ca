"""A form for one row of a list question; returns the row, or None when cancelled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType

from triage.tui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from triage.engine.model import Question


class RowForm(FormDialog):
    """Edit the fields of one row; Save checks the row with the engine."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_form", "Save row", id="save-row"),
        Binding("escape", "cancel", "Cancel", id="cancel-row"),
    ]

    def __init__(self, question: Question, row: dict[str, Any], number: int) -> None:
        from triage.engine.answers import check_row

        super().__init__(
            f"{question.prompt}: entry {number}",
            question.fields,
            row,
            lambda values: check_row(question, values, number),
        )
        self.question = question
        self.number = number
