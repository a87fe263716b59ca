"""Home: the playbooks (built-in and team) and the saved cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from triage.tui.typed import triage_app

CHECK_AFTER = 0.15  # seconds after the first refresh before the playbooks are validated


class HomeScreen(Screen[None]):
    """Start a case from a playbook, or resume a saved one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_selected", "Open", id="open-selected"),
        Binding("r", "refresh_lists", "Refresh", id="refresh-lists"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def help_text(self) -> str:
        return (
            "Home. Choose a playbook and press Enter to start a case with it, or choose a "
            "saved case and press Enter to carry on where you left off. A playbook marked ⚠ "
            "cannot be used until its file is fixed; the line under the list says why."
        )

    def __init__(self, highlight: str | Path | None = None) -> None:
        """``highlight``: a playbook (id or file) to put the cursor on, e.g. the one the app ran."""
        super().__init__()
        self.highlight = highlight
        self.entries: dict[str, Any] = {}  # playbook id -> PlaybookEntry
        self.cases: dict[str, dict[str, Any]] = {}  # case path -> summary
        self.checked = False  # every listed playbook validated (a moment after the first frame)
        self._listed = False  # listed by on_mount, not yet shown

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Playbooks: Enter starts a new case", classes="section")
        yield DataTable(id="playbooks", cursor_type="row")
        yield Static(id="playbook-detail")
        yield Label("Saved cases: Enter resumes", classes="section")
        yield DataTable(id="cases", cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Labels as Text, not str: a str is read as markup, which loads Rich's table of
        # emoji names (a few ms before the first frame) for labels that have none.
        playbooks = self.query_one("#playbooks", DataTable)
        playbooks.add_column(Text("Playbook"), key="title", width=30)
        playbooks.add_column(Text("From"), key="source", width=8)
        playbooks.add_column(Text("Summary"), key="summary", width=self._summary_width())
        cases = self.query_one("#cases", DataTable)
        cases.add_column(Text("Counterparty"), key="counterparty", width=20)
        cases.add_column(Text("Playbook"), key="playbook", width=20)
        # what is next (or overdue) gets the room the screen has after the other columns
        next_width = max(16, self.app.size.width - 20 - 20 - 16 - 8)
        cases.add_column(Text("Where it stands"), key="stage", width=next_width)
        cases.add_column(Text("Last change"), key="updated")
        self.action_refresh_lists()
        self._listed = True  # the first resume follows at once: no second reading
        playbooks.focus()

    def _summary_width(self) -> int:
        return max(20, self.app.size.width - 30 - 8 - 10)

    def on_screen_resume(self) -> None:
        if self._listed:  # shown at start: on_mount has just listed them
            self._listed = False
            return
        self.refresh_cases()

    def action_refresh_lists(self) -> None:
        """Read the playbook folders and the saved cases again.

        Titles come from a quick read so the screen appears at once; each playbook
        is then validated in a background thread, and broken ones are marked.
        """
        from triage.engine.library import discover

        entries = [entry.peek() for entry in discover(load=False)]
        self.entries = {e.id: e for e in entries}
        self._fill_playbooks()
        self.refresh_cases()
        # Validating loads every playbook; in a thread it competes for the interpreter with
        # the thread that writes the screen to the terminal. So it starts once the first
        # screen has been written, not merely composed: a moment after the first refresh.
        self.call_after_refresh(self.set_timer, CHECK_AFTER, self._start_check)

    def _start_check(self) -> None:
        self.run_worker(self._check_playbooks, thread=True, exclusive=True, group="check")

    def _check_playbooks(self) -> None:
        entries = list(self.entries.values())
        for entry in entries:
            if not entry.checked:
                entry.check()
        self.app.call_from_thread(self._playbooks_checked)

    def _playbooks_checked(self) -> None:
        self.checked = True
        self._fill_playbooks()
        self.refresh_cases()

    def _fill_playbooks(self) -> None:
        table = self.query_one("#playbooks", DataTable)
        keep = self._highlighted_key(table) if table.row_count else self._wanted_key()
        table.clear()
        for entry in self.entries.values():
            title = Text(entry.title)
            summary = Text(entry.summary)
            if entry.checked and not entry.valid:
                title = Text.assemble(("⚠ ", "bold yellow"), (entry.id, ""))
                summary = Text(
                    f"cannot be used: {entry.problems[0].message if entry.problems else ''}",
                    "yellow",
                )
            table.add_row(title, Text(entry.source), summary, key=entry.id)
        if keep in self.entries:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        self._show_detail()

    def _wanted_key(self) -> str | None:
        """The row key of the playbook asked for by ``highlight``, matched by file, else by id."""
        if self.highlight is None:
            return None
        wanted = Path(self.highlight)
        for entry in self.entries.values():
            if entry.path.resolve() == wanted.resolve():
                return entry.id
        return str(self.highlight) if str(self.highlight) in self.entries else None

    @staticmethod
    def _highlighted_key(table: DataTable[Any]) -> str | None:
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def refresh_cases(self) -> None:
        from triage.engine.listing import case_summaries, next_step

        titles = {e.id: e.title for e in self.entries.values()}
        cases = self.query_one("#cases", DataTable)
        cases.clear()
        self.cases = {}
        for found in case_summaries():
            self.cases[found["path"]] = found
            if found["problem"]:
                cells = (Text(found["id"]), Text("unreadable", "yellow"), Text(""), Text(""))
            else:
                cells = (
                    Text(found["counterparty"] or "(not named yet)"),
                    Text(titles.get(found["playbook"], found["playbook"])),
                    Text(next_step(found), "bold" if found["overdue"] else ""),
                    Text(_when(found["updated"])),
                )
            cases.add_row(*cells, key=found["path"])
        if not self.cases:
            cases.add_row(Text("No saved cases yet.", "dim"), Text(""), Text(""), Text(""), key="")

    def _show_detail(self) -> None:
        table = self.query_one("#playbooks", DataTable)
        detail = self.query_one("#playbook-detail", Static)
        if not table.row_count:
            detail.update(Text("No playbooks found.", "yellow"))
            return
        entry = self.entries.get(self._highlighted_key(table) or "")
        if entry is None:
            return
        text = Text()
        if not entry.checked or entry.valid:
            text.append(entry.summary)
            # a built-in's file lives deep in the installation: its id is what a user types
            where = "built in"
            if entry.source != "built-in":
                from triage.engine.tomlfile import display_path

                where = display_path(entry.path)
            text.append(f"\nid {entry.id} · {where}", style="dim")
        else:
            text.append("This playbook has problems and cannot be used:\n", style="bold yellow")
            for problem in entry.problems[:3]:
                text.append(f"{problem}\n")
        detail.update(text)

    @on(DataTable.RowHighlighted, "#playbooks")
    def _playbook_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.data_table, event.row_key.value or "")

    def action_open_selected(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count:
            key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value
            self._open(focused, key or "")

    def _open(self, table: DataTable[Any], key: str) -> None:
        if not key:
            return
        if table.id == "playbooks":
            entry = self.entries.get(key)
            if entry is not None and not entry.checked:
                entry.check()
            if entry is not None and not entry.valid:
                problem = str(entry.problems[0]) if entry.problems else "it is not valid"
                self.notify(
                    problem, title="This playbook cannot be used", severity="error", markup=False
                )
                return
            triage_app(self).open_playbook(str(entry.path) if entry else key)
        else:
            found = self.cases.get(key)
            if found and found["problem"]:
                self.notify(found["problem"], title="Cannot resume", severity="error", markup=False)
                return
            triage_app(self).resume_case(key)


def _when(stamp: str) -> str:
    """An ISO time stamp as 'YYYY-MM-DD HH:MM' in local time."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
