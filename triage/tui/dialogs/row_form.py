"""A form for one row of a list question; returns the row, or None when cancelled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert
from triage.tui.widgets.question_field import QuestionField

if TYPE_CHECKING:
    from triage.engine.model import Question


class RowForm(ModalScreen[dict[str, Any] | None]):
    """Edit the fields of one row; Save checks the row with the engine."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_row", "Save row", id="save-row"),
        Binding("escape", "cancel", "Cancel", id="cancel-row"),
    ]

    def __init__(self, question: Question, row: dict[str, Any], number: int) -> None:
        super().__init__()
        self.question = question
        self.row = dict(row)
        self.number = number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(inert(f"{self.question.prompt}: entry {self.number}"), classes="title")
            with VerticalScroll(classes="fields"):
                for field in self.question.fields:
                    yield QuestionField(
                        field, self.row.get(field.id), self._committer(field), id=f"f-{field.id}"
                    )
            yield Static("", id="row-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Keep Save and Cancel on screen: the fields scroll within what is left of the
        height (title, error line, buttons, border and footer take 13 rows at most)."""
        fields = self.query_one(".fields", VerticalScroll)
        fields.styles.max_height = max(3, min(16, self.app.size.height - 13))

    def on_mount(self) -> None:
        self._fit()
        fields = list(self.query(QuestionField))
        if fields:
            fields[0].focus_control()

    def _committer(self, field: Question) -> Any:
        def commit(value: Any) -> Any:
            from triage.engine.answers import check_value

            checked = check_value(field, value)
            if checked is None:
                self.row.pop(field.id, None)
            else:
                self.row[field.id] = checked
            return checked

        return commit

    def action_save_row(self) -> None:
        from triage.engine.answers import check_row

        bad = [f for f in self.query(QuestionField) if f.error or f.check_required()]
        if bad:
            bad[0].focus_control()
            self.query_one("#row-error", Static).update(
                inert(f"{bad[0].question.prompt}: {bad[0].error}")
            )
            return
        try:
            row = check_row(self.question, self.row, self.number)
        except ValueError as exc:
            self.query_one("#row-error", Static).update(inert(str(exc)))
            return
        self.dismiss(row)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save_row()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
