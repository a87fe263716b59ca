"""Every answer by stage; open any of them to edit it in its stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.typed import triage_app

if TYPE_CHECKING:
    from triage.engine.session import Session


class ReviewScreen(Screen[None]):
    """A table of all questions and answers; Enter opens one for editing."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit_answer", "Edit", id="edit-answer", show=True),
        Binding("ctrl+n", "show_outputs", "Outputs", id="show-outputs"),
        Binding("ctrl+r", "show_route", "Route", id="show-route"),
        Binding("escape", "go_back", "Back to stages", id="go-back"),
    ]

    def help_text(self) -> str:
        return (
            "Review. Every answer, stage by stage. Choose one and press Enter to change it; "
            "the route and the drafts follow your changes."
        )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-note")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Review your answers"
        self.sub_title = self.session.case.counterparty
        self.fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.fill()

    def _columns(self, table: DataTable[Text]) -> None:
        """Columns that share the width, so whole questions and answers wrap into view."""
        usable = max(40, self.size.width - 6)  # cell padding and the scrollbar
        stage = 14
        question = max(20, (usable - stage) * 9 // 20)
        table.add_column("Stage", key="stage", width=stage)
        table.add_column("Question", key="question", width=question)
        table.add_column("Answer", key="answer", width=usable - stage - question)

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        from triage.engine.answers import as_text

        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        self._columns(table)
        invalid = self.session.invalid
        for state in self.session.stages:
            for qs in state.questions:
                q = qs.question
                answer = Text(as_text(q, qs.value) if qs.answered else "—")
                if q.id in invalid:
                    answer = Text(f"no longer fits: {invalid[q.id]}", style="yellow")
                elif not (state.applies and qs.applies):
                    answer.stylize("dim")
                    answer.append("  (does not apply now; kept)", style="dim italic")
                elif qs.missing:
                    answer = Text("missing (required)", style="bold red")
                table.add_row(
                    Text(state.stage.title, style="" if state.applies else "dim"),
                    Text(q.prompt),
                    answer,
                    key=f"{state.stage.id}/{q.id}",
                    height=None,  # as tall as the longest cell: nothing cut off
                )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)
        missing = len(self.session.evaluation.missing)
        note = Text("Enter opens an answer to edit it. ")
        if missing:
            note.append(f"{missing} required answer(s) missing.", style="bold red")
        else:
            note.append("Everything required is answered.", style="green")
        self.query_one("#review-note", Static).update(note)

    def action_edit_answer(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        stage_id, _, question_id = key.partition("/")
        state = self.session.evaluation.stage(stage_id)
        if state is not None and not state.applies:
            self.notify("That stage is skipped now; change the answers that decide it first.")
            return
        triage_app(self).edit_answer(stage_id, question_id)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_answer()

    def action_show_outputs(self) -> None:
        triage_app(self).show_case_step("outputs")

    def action_show_route(self) -> None:
        triage_app(self).show_case_step("route")

    def action_go_back(self) -> None:
        self.app.pop_screen()
