"""Follow-through: the case after the email is sent, until it is closed.

The tracker (every action with its date, owner and status) and the decision ledger as a
timeline. Keys mark an action done, move or drop it, add one, record a meeting or how a
step ended (escalating a level when the informal attempt has run out), and close the
case with its lessons. Every change goes through the engine's Session, which saves the
case and rewrites the tracker's files at once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert

if TYPE_CHECKING:
    from triage.engine.session import Session

TITLES = {
    "add": "Add an action",
    "move": "Give the action a new date",
    "drop": "Drop the action",
    "meeting": "Record a meeting",
    "outcome": "Record how a step ended",
    "close": "Close the case",
}


class FollowScreen(Screen[None]):
    """The tracker and the ledger of one case, and the changes a manager records."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        # Short names: every key fits in the footer of an 80-column terminal.
        Binding("d", "mark_done", "Done", id="mark-done"),
        Binding("m", "change('move')", "Date", id="move-action"),
        Binding("x", "change('drop')", "Drop", id="drop-action"),
        Binding("a", "change('add')", "Add", id="add-action"),
        Binding("h", "change('meeting')", "Meeting", id="record-meeting"),
        Binding("o", "change('outcome')", "Outcome", id="record-outcome"),
        Binding("c", "change('close')", "Close", id="close-case"),
        Binding("escape", "go_back", "Back", id="go-back"),
    ]

    def help_text(self) -> str:
        return (
            "Follow-through. The actions as they stand and, below them, the case's "
            "ledger: every recommendation, change, meeting, escalation and the close, with "
            "when and who (Tab moves between the two). Choose an action and press d when it is done (again to reopen "
            "it), m to give it a new date or x to drop it (both ask why); a adds one. "
            "Record a meeting (h) with what was agreed: each term becomes a shared action "
            "and a line of the follow-up summary. Record how a step ended (o), and take it "
            "a level up when the informal attempt has run out. Close the case (c) with its "
            "lessons: they are added to the team's lessons file. Each change is saved at "
            "once and actions.csv, the calendar and plan.md follow."
        )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="follow-summary")
        yield Static(id="follow-warning", classes="warning")
        yield DataTable(id="tracker", cursor_type="row", zebra_stripes=True)
        yield Static(id="action-detail")
        yield Static("Timeline: the case's record, newest first", classes="section")
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Follow-through"
        self.sub_title = self.session.case.counterparty
        tracker = self.query_one("#tracker", DataTable)
        tracker.add_columns("#", "Due", "Status", "Owner", "Action")
        timeline = self.query_one("#timeline", DataTable)
        timeline.add_columns("When", "What", "Who", "Detail")
        self.refresh_all()
        tracker.focus()

    # -- showing ---------------------------------------------------------------------

    def refresh_all(self, keep_row: int | None = None) -> None:
        from triage.engine.tracking import overdue_note

        session = self.session
        self.rows = session.tracker()
        from triage.engine.case import today as on_the_calendar

        today = on_the_calendar()
        self._fill_tracker(today, keep_row)
        self._fill_timeline()
        self.query_one("#follow-summary", Static).update(self._summary())
        warning = self.query_one("#follow-warning", Static)
        note = "" if session.case.closed else overdue_note(self.rows, today)
        warning.update(inert(note))
        warning.display = bool(note)

    def _summary(self) -> Text:
        from triage.engine.model import ROUTE_LABELS
        from triage.engine.tracking import RESULT_WORDS

        session = self.session
        case = session.case
        route = session.evaluation.route
        level = max(route.level or 0, case.escalated_level or 0)
        text = Text()
        text.append(ROUTE_LABELS.get(route.chosen, route.chosen), style="bold")
        if level:
            text.append(f", level {level}")
            named = session.playbook.level(level)
            if named:
                text.append(f" ({named.name})")
            if case.escalated_level and case.escalated_level > (route.level or 0):
                text.append(" (escalated)", style="bold")
        if case.closed:
            outcome = RESULT_WORDS.get(str(case.closed.get("outcome")), "")
            text.append(f". Closed on {case.closed.get('date')}: {outcome}.")
            return text
        done = sum(1 for r in self.rows if r["status"] == "done")
        still = sum(1 for r in self.rows if r["status"] not in ("done", "dropped"))
        text.append(f". {done} done, {still} open")
        if case.next_due:
            text.append(f"; next: {case.next_action} ({case.next_due.isoformat()})")
        text.append(".")
        if case.meetings:
            count = len(case.meetings)
            text.append(f" {count} meeting{'s' if count != 1 else ''} recorded.")
        return text

    def _fill_tracker(self, today: dt.date, keep_row: int | None) -> None:
        from triage.engine.filters import as_date

        table = self.query_one("#tracker", DataTable)
        row = table.cursor_row if keep_row is None else keep_row
        table.clear()
        for number, action in enumerate(self.rows, start=1):
            day = as_date(action["due"])
            finished = action["status"] in ("done", "dropped")
            late = day is not None and day < today and not finished
            style = "dim" if finished else ("bold red" if late else "")
            status = "overdue" if late else action["status"]
            table.add_row(
                Text(str(number), style=style),
                Text(day.isoformat() if day else "", style=style),
                Text(status, style=style),
                Text(str(action["owner"]), style=style),
                Text(str(action["what"]), style=style),
                key=str(number),
            )
        if self.rows:
            table.move_cursor(row=min(max(row, 0), len(self.rows) - 1))

    def _fill_timeline(self) -> None:
        table = self.query_one("#timeline", DataTable)
        table.clear()
        version = ""
        for entry in reversed(self.session.case.ledger):  # newest first
            detail = entry.detail
            if entry.version and entry.version != version and version:
                detail += f" (playbook {entry.version})"
            version = entry.version or version
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
            table.add_row(Text(when), Text(entry.label), Text(entry.who), Text(detail))

    @on(DataTable.RowHighlighted, "#tracker")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        """The whole of the highlighted action, which the table may cut short."""
        index = event.cursor_row
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        text = Text(f"{index + 1}. ", style="bold")
        text.append(str(row["what"]))
        extra = [row["owner"], "shared with them" if row.get("shared") else "", row["status"]]
        text.append(f" ({', '.join(str(e) for e in extra if e)})", style="dim")
        self.query_one("#action-detail", Static).update(text)

    # -- changing ----------------------------------------------------------------------

    def _selected(self) -> tuple[int, dict[str, Any]] | None:
        table = self.query_one("#tracker", DataTable)
        if not self.rows:
            self.notify("There are no actions yet: add one with a.", severity="warning")
            return None
        index = min(max(table.cursor_row, 0), len(self.rows) - 1)
        return index + 1, self.rows[index]

    def action_mark_done(self) -> None:
        """Done; on an action already done or dropped, open it again."""
        from triage.engine.tracking import TrackingError

        chosen = self._selected()
        if chosen is None or self._is_closed():
            return
        number, row = chosen
        status = "open" if row["status"] in ("done", "dropped") else "done"
        try:
            what = self.session.track(str(number), status)
        except (TrackingError, OSError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        self.notify(
            f"{'Open again' if status == 'open' else 'Done'}: {what}", title="Saved", markup=False
        )
        self.refresh_all(keep_row=number - 1)

    def action_change(self, kind: str) -> None:
        """Open the form for a change; the Session checks and saves it whole."""
        from triage.engine.filters import as_date
        from triage.engine.library import lessons_file
        from triage.engine.tracking import form
        from triage.tui.dialogs.form import FormDialog

        if self._is_closed():
            return
        values: dict[str, Any] = {}
        note = ""
        if kind in ("move", "drop"):
            chosen = self._selected()
            if chosen is None:
                return
            number, row = chosen
            if row["status"] in ("done", "dropped"):
                self.notify(f"This action is {row['status']}; press d to open it again.")
                return
            values["which"] = str(number)
            if kind == "move":
                values["due"] = as_date(row["due"])  # the date it has now, to change
            note = f"{number}. {row['what']}"
        questions = form(kind)
        for question in questions:
            if question.default is not None:
                values.setdefault(question.id, question.default)
        if kind == "close":
            note = f"The lessons are also added to {lessons_file()}."
        lessons = lessons_file() if kind == "close" else None

        def apply(entered: dict[str, Any]) -> list[str]:
            try:
                return self.session.record(kind, entered | _which(values), lessons)
            except OSError as exc:  # kept on screen, in the form, to try again
                raise ValueError(f"Not saved: {exc}") from exc

        def saved(done: list[str] | None) -> None:
            if done:
                self.notify("\n".join(done), title="Saved", markup=False)
                self.refresh_all()
            if done and kind == "meeting":  # the terms go to the other side in the summary
                for line in self.session.agreed_terms_tone():
                    self.notify(line, title="Tone check", severity="warning", markup=False)

        self.app.push_screen(FormDialog(TITLES[kind], questions, values, apply, note), saved)

    def _is_closed(self) -> bool:
        closed = self.session.case.closed
        if closed:
            self.notify(
                f"This case was closed on {closed.get('date')}; its record stays as it is.",
                severity="warning",
            )
        return bool(closed)

    def action_go_back(self) -> None:
        self.app.pop_screen()


def _which(values: dict[str, Any]) -> dict[str, Any]:
    return {"which": values["which"]} if "which" in values else {}
