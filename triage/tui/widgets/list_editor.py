"""Repeatable records (timeline entries, actions): a table plus a form per row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable

from triage.tui.typed import triage_app

if TYPE_CHECKING:
    from triage.engine.model import Question


class ListEditor(Vertical):
    """Rows of a list question; add, edit and remove them through a RowForm dialog."""

    DEFAULT_CSS = """
    ListEditor { height: auto; }
    ListEditor > DataTable { height: auto; max-height: 10; }
    ListEditor > .buttons { height: auto; }
    ListEditor > .buttons > Button { margin-right: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_row", "Add row", id="add-row"),
        Binding("e", "edit_row", "Edit row", id="edit-row"),
        Binding("delete,x", "remove_row", "Remove row", id="remove-row"),
    ]

    class RowsChanged(Message):
        """The rows were added to, edited or removed."""

        def __init__(self, editor: ListEditor, rows: list[dict[str, Any]]) -> None:
            super().__init__()
            self.editor = editor
            self.rows = rows

        @property
        def control(self) -> ListEditor:
            return self.editor

    def __init__(self, question: Question, rows: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.rows = [dict(row) for row in rows]

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="buttons"):
            yield Button("Add", id="add", compact=True)
            yield Button("Edit", id="edit", compact=True)
            yield Button("Remove", id="remove", compact=True)

    def on_mount(self) -> None:
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """One wrapped line per entry with every field in it ("2026-11-06 · Email · Fiona
        Baird (them) · sharp · ..."): columns side by side hid the last fields (the tone,
        what was said) once the stage's column was narrower than the table."""
        from triage.engine.answers import as_text

        table = self.query_one(DataTable)
        row = table.cursor_row
        width = max(20, (self.size.width or 80) - 4)
        table.clear(columns=True)
        heading = " · ".join(field.prompt for field in self.question.fields)
        table.add_column(Text(heading, overflow="ellipsis", no_wrap=True), key="entry", width=width)
        for entry in self.rows:
            parts = [as_text(f, entry.get(f.id)) for f in self.question.fields]
            table.add_row(Text(" · ".join(p for p in parts if p)), height=None)
        if not self.rows:
            table.add_row(Text("No entries yet: Add (a) opens a short form.", "dim"), key="empty")
        elif row > 0:
            table.move_cursor(row=min(row, len(self.rows) - 1), animate=False)

    @property
    def _index(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.rows:
            return None
        return min(max(table.cursor_row, 0), len(self.rows) - 1)

    def _changed(self, focus_row: int | None = None) -> None:
        self._fill()
        if focus_row is not None and self.rows:
            self.query_one(DataTable).move_cursor(row=min(focus_row, len(self.rows) - 1))
        self.post_message(self.RowsChanged(self, [dict(row) for row in self.rows]))

    def action_add_row(self) -> None:
        def added(row: dict[str, Any] | None) -> None:
            if row is not None:
                self.rows.append(row)
                self._changed(len(self.rows) - 1)

        triage_app(self).edit_row(self.question, {}, len(self.rows) + 1, added)

    def action_edit_row(self) -> None:
        index = self._index
        if index is None:
            self.action_add_row()
            return

        def edited(row: dict[str, Any] | None) -> None:
            if row is not None:
                self.rows[index] = row
                self._changed(index)

        triage_app(self).edit_row(self.question, self.rows[index], index + 1, edited)

    def action_remove_row(self) -> None:
        index = self._index
        if index is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                del self.rows[index]
                self._changed(index)

        triage_app(self).confirm("Remove this row?", f"Row {index + 1} will be removed.", confirmed)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_row()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        {
            "add": self.action_add_row,
            "edit": self.action_edit_row,
            "remove": self.action_remove_row,
        }[event.button.id or "add"]()
