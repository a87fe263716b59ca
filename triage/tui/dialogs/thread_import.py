"""Import an email thread into the communications audit: read, look, correct, confirm.

The user names mail files (or pastes messages); Read runs the engine's reading and audit
in a thread, so the screen stays live on a long archive. The dialog then shows what was
found: the thread as a strip by date, reply times per side, the turning point, mixed
messages, and what the import would add to the case. Ticking who is on our side computes
the audit again. Confirm merges it into the case in one save and returns the engine's
:class:`~triage.engine.thread.Suggestions`; Escape or Cancel returns None and leaves the
case as it was.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static, TextArea
from textual.worker import get_current_worker

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert
from triage.tui.widgets.choice import TickList
from triage.tui.widgets.thread_strip import ThreadStrip

if TYPE_CHECKING:
    from pathlib import Path

    from triage.engine.session import Session
    from triage.engine.thread import Audit, Suggestions, Thread
    from triage.engine.thread.audit import Sender

UNPLACED = "tick the ones on our side below"
HEADINGS = ("Turning point:", "Our side:", "Their side:", "Tone:", "Mixed messages")


class ThreadImportDialog(ModalScreen["Suggestions | None"]):
    """Files or pasted text in; the computed audit out, to confirm into the case."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "read_thread", "Read", id="read-thread"),
        Binding("ctrl+s", "confirm_import", "Confirm", id="confirm-import"),
        Binding("escape", "cancel", "Cancel", id="cancel-import"),
    ]

    def __init__(self, session: Session, rows: int | None = None) -> None:
        """``rows``: the most key messages added to the timeline (the engine's default)."""
        from triage.engine.thread.merge import DEFAULT_ROWS

        super().__init__()
        self.session = session
        self.rows = rows or DEFAULT_ROWS
        self.thread: Thread | None = None
        self.found: Audit | None = None
        self.made: Suggestions | None = None
        self.everyone: list[Sender] = []
        self._ours: set[str] = set()  # the senders ticked as ours when the audit was made
        self._busy = False
        self._showing_found = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog thread-import"):
            yield Label("Import an email thread", classes="title")
            with VerticalScroll(id="thread-source"):
                yield Static(
                    "Mail files: .eml, .mbox, or .txt of pasted messages; separate several "
                    "with spaces, and quote a name that has a space in it."
                )
                yield Input(placeholder="e.g. ~/Downloads/thread.mbox", id="thread-files")
                yield Static("Or paste the messages here:")
                yield TextArea(soft_wrap=True, tab_behavior="focus", id="thread-paste")
                yield Static(
                    "The files are only read. The case keeps short excerpts of the key "
                    "messages, never whole messages, and nothing leaves this computer.",
                    classes="hint",
                )
            with VerticalScroll(id="thread-found"):
                yield Static(id="thread-read")
                yield ThreadStrip(id="thread-strip")
                yield Static(id="thread-summary")
                yield Static(
                    "Who writes for us? Tick them; everyone else is on their side.",
                    id="thread-sides-label",
                )
                yield TickList(id="thread-sides")
                yield Checkbox(
                    "Keep each key message in full in the case (not only an excerpt)",
                    value=False,
                    id="thread-whole",
                )
                yield Static(id="thread-changes")
            yield Static("", id="thread-error")
            with Horizontal(classes="buttons"):
                # compact: what was read keeps the rows of an 80x24 terminal
                for label, name, action in (
                    ("Read", "read", "read_thread"),
                    ("Other files", "again", "show_source"),
                    ("Confirm", "confirm", "confirm_import"),
                    ("Cancel", "cancel", "cancel"),
                ):
                    yield Button(
                        label,
                        variant="primary" if name in ("read", "confirm") else "default",
                        id=name,
                        action=f"screen.{action}",
                        compact=True,
                    )
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Keep the buttons on screen: what was read scrolls within the height left by the
        title, the message line, the buttons, the border and the footer."""
        room = max(4, int(self.app.size.height * 0.9) - 8)
        for part in self.query("#thread-source, #thread-found"):
            part.styles.max_height = room

    def on_mount(self) -> None:
        self._fit()
        self._show_found(False)
        self.query_one("#thread-files", Input).focus()

    def help_text(self) -> str:
        return (
            "Import an email thread. Give the mail files (.eml, .mbox, or a .txt of messages "
            "pasted from a mail client or a chat), or paste the messages into the box, then "
            "Read (Ctrl+R). The thread is drawn by date, a row per side: o calm, - terse, "
            "x defensive, X hostile, a dot where a side sent nothing; the turning point is "
            "marked under its column. Tick who writes for our side to correct the grouping. "
            "Confirm (Ctrl+S) adds the key messages to the timeline and suggests answers "
            "for the questions still open; edit or remove them on the stage afterwards. "
            "Escape leaves the case as it was."
        )

    # -- showing ----------------------------------------------------------------------

    def _show_found(self, found: bool) -> None:
        """The source fields before a thread is read; what was found after."""
        self._showing_found = found
        self.query_one("#thread-source").display = not found
        self.query_one("#thread-found").display = found
        self.query_one("#read").display = not found
        self.query_one("#again").display = found
        self.query_one("#confirm").display = found
        self.refresh_bindings()

    def _say(self, sentence: str, error: bool = False) -> None:
        line = self.query_one("#thread-error", Static)
        line.update(inert(sentence))
        line.set_class(error, "error")
        line.set_class(not error, "hint")

    def _draw(self) -> None:
        """The audit and what it would change, from ``self.found`` and ``self.made``."""
        from triage.engine.thread.audit import summary_lines

        assert self.found is not None and self.made is not None
        lines = summary_lines(self.found, UNPLACED)
        self.query_one("#thread-read", Static).update(Text(lines[0]))
        self.query_one("#thread-strip", ThreadStrip).found = self.found
        # the turning point first: the strip above points at it
        rest = sorted(lines[1:], key=lambda line: not line.startswith("Turning point: "))
        summary = Text()
        for line in rest:
            head = next((h for h in HEADINGS if line.startswith(h)), "")
            summary.append(head, "bold")
            summary.append(line[len(head) :] + "\n")
        summary.rstrip()
        self.query_one("#thread-summary", Static).update(summary)
        self.query_one("#thread-changes", Static).update(self._changes(self.made))

    def _changes(self, made: Suggestions) -> Text:
        """What Confirm does to the case, question by question."""
        text = Text("Confirm adds to the case\n", "bold")
        text.append(made.lines()[0] + "\n")
        for qid, value in made.answers.items():
            text.append(made.prompts.get(qid, qid) + " ", "italic")
            text.append(("Yes" if value is True else str(value)) + "\n")
        for qid, value in made.kept_values:
            text.append(made.prompts.get(qid, qid) + " ", "italic")
            suggested = "Yes" if value is True else str(value)
            text.append(f"Your answer is kept (the thread suggests: {suggested})\n", "dim")
        text.append("You can edit or remove any of it on the stage afterwards.", "dim")
        return text

    def _fill_senders(self) -> None:
        from triage.engine.thread.audit import OURS, senders

        assert self.found is not None
        self.everyone = senders(self.found)
        self._ours = {s.key for s in self.everyone if s.side == OURS}
        ticks = self.query_one("#thread-sides", TickList)
        ticks.clear_options()
        ticks.add_options(
            [
                (inert(f"{s.shown} ({s.messages})"), s.key, s.key in self._ours)
                for s in self.everyone
            ]
        )
        ticks.styles.height = min(len(self.everyone), 6) + 2

    # -- reading ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "read_thread":
            return not self._showing_found
        if action == "confirm_import":
            return self._showing_found
        return True

    @on(Input.Submitted, "#thread-files")
    def _files_submitted(self) -> None:
        self.action_read_thread()

    def action_show_source(self) -> None:
        """Back to the file names and pasted text, to read something else."""
        self._show_found(False)
        self._say("")
        self.query_one("#thread-files", Input).focus()

    def action_read_thread(self) -> None:
        from triage.engine.thread import ThreadError, paths_from_text

        if self._busy:
            return
        pasted = self.query_one("#thread-paste", TextArea).text
        try:
            paths = paths_from_text(self.query_one("#thread-files", Input).value)
        except ThreadError as exc:
            self._say(str(exc), error=True)
            return
        if not paths and not pasted.strip():
            self._say("Give a mail file's name, or paste the messages, then Read.", error=True)
            self.query_one("#thread-files", Input).focus()
            return
        names = ", ".join(p.name for p in paths) + (" and the pasted text" if paths and
                                                     pasted.strip() else "")  # fmt: skip
        self._say(f"Reading {names or 'the pasted text'}…")
        self._busy = True
        work = partial(
            self._read, paths, pasted if pasted.strip() else None, dict(self.session.case.answers)
        )
        self.run_worker(work, thread=True, exclusive=True, group="thread", exit_on_error=False)

    def _read(self, paths: list[Path], pasted: str | None, answers: dict[str, Any]) -> None:
        """In a thread: read and audit, then hand the result (or one sentence) back."""
        from triage.engine.thread import audit, read_thread, sides_from_answers

        try:
            thread = read_thread(paths, pasted=pasted)
            found = audit(thread, sides_from_answers(answers))
            made = self._suggest(found, answers)
        except Exception as exc:  # one sentence on the screen, never a crash
            self._hand_back(self._failed, _sentence(exc))
            return
        self._hand_back(self._read_done, thread, found, made)

    def _suggest(self, found: Audit, answers: dict[str, Any]) -> Suggestions:
        from triage.engine.thread import suggestions

        return suggestions(self.session.playbook, answers, found, self.rows)

    def _hand_back(self, callback: Any, *args: Any) -> None:
        if not get_current_worker().is_cancelled:  # the dialog may have been closed
            self.app.call_from_thread(callback, *args)

    def _failed(self, sentence: str) -> None:
        self._busy = False
        self._say(sentence, error=True)

    def _read_done(self, thread: Thread, found: Audit, made: Suggestions) -> None:
        self._busy = False
        self.thread, self.found, self.made = thread, found, made
        self._say("")
        self._fill_senders()
        self._draw()
        self._show_found(True)
        found_area = self.query_one("#thread-found", VerticalScroll)
        found_area.scroll_home(animate=False)
        found_area.focus()  # to read on with the arrow keys; Ctrl+S confirms

    # -- correcting the sides -------------------------------------------------------

    @on(TickList.SelectedChanged, "#thread-sides")
    def _sides_changed(self, event: TickList.SelectedChanged[str]) -> None:
        ours = set(event.selection_list.selected)
        if self.thread is None or ours == self._ours:
            return  # filled in, not changed by the user
        self._ours = ours
        self._say("Grouping the senders again…")
        self._busy = True
        work = partial(self._regroup, self.thread, ours, dict(self.session.case.answers))
        self.run_worker(work, thread=True, exclusive=True, group="thread", exit_on_error=False)

    def _regroup(self, thread: Thread, ours: set[str], answers: dict[str, Any]) -> None:
        from triage.engine.thread import audit
        from triage.engine.thread.audit import resided

        try:
            found = audit(thread, resided(answers, self.everyone, ours))
            made = self._suggest(found, answers)
        except Exception as exc:
            self._hand_back(self._failed, _sentence(exc))
            return
        self._hand_back(self._regrouped, found, made)

    def _regrouped(self, found: Audit, made: Suggestions) -> None:
        self._busy = False
        self.found, self.made = found, made
        self._say("")
        self._draw()

    # -- confirming ---------------------------------------------------------------------

    def action_confirm_import(self) -> None:
        from triage.engine.thread import ThreadError, merge_into_session

        if self.found is None or self._busy:
            return
        try:
            whole = self.query_one("#thread-whole", Checkbox).value
            made = merge_into_session(self.session, self.found, self.rows, whole=whole)
        except (ThreadError, ValueError) as exc:
            self._say(str(exc), error=True)
            return
        except OSError as exc:
            self._say(f"The case could not be saved: {exc.strerror or exc}.", error=True)
            return
        self.dismiss(made)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _sentence(exc: Exception) -> str:
    """An error as the one sentence the user reads."""
    from triage.engine.errors import TriageError

    if isinstance(exc, TriageError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"The thread could not be read: {exc.strerror or exc}."
    return f"The thread could not be read ({type(exc).__name__}: {exc})."
