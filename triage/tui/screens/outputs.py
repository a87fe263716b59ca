"""Preview the plan and the reset email, edit the email, copy it, and write the files.

The edited email body is the case's draft: saved in case.toml as it is typed, used
when the files are written, and kept until the user goes back to the template.
The tone check's findings on the drafts (and on the answers they quote) are listed
above the previews, and checked again as the email is edited.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from triage.engine.calendar import events_in
from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert
from triage.tui.typed import triage_app

if TYPE_CHECKING:
    from textual.timer import Timer

    from triage.engine.render import EmailParts
    from triage.engine.session import Session
    from triage.engine.tone import Finding


class ToneNote(VerticalScroll, can_focus=False):
    """The tone check's findings on the drafts, above the previews; hidden when there are none."""

    DEFAULT_CSS = """
    ToneNote {
        height: auto;
        max-height: 6;
        scrollbar-size-vertical: 1;
    }
    ToneNote > Static {
        height: auto;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="tone-heading", classes="warning")
        yield Static(id="tone-findings")

    def show(self, findings: list[Finding]) -> None:
        """List the findings, one line each; user text is shown literally (no markup)."""
        self.display = bool(findings)
        count = len(findings)
        heading = Text(
            f"Tone check: {count} phrase{'s' if count != 1 else ''} to reconsider before sending "
            "(the files are written as they are)."
        )
        lines = Text("\n").join(Text(f"• {finding.message()}") for finding in findings)
        self.query_one("#tone-heading", Static).update(heading if findings else "")
        self.query_one("#tone-findings", Static).update(lines)


class OutputsScreen(Screen[None]):
    """What the case produces; nothing is written until the user asks."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write_outputs", "Write files", id="write-outputs"),
        Binding("ctrl+t", "copy_email", "Copy email", id="copy-email"),
        Binding("ctrl+g", "edit_email", "Editor", id="edit-email"),
        Binding("ctrl+r", "reset_email", "Template", id="reset-email"),
        Binding("ctrl+k", "keep_checked_draft", "Keep my text", id="keep-draft"),
        Binding("ctrl+f", "show_follow", "Follow-through", id="show-follow"),
        Binding("escape", "go_back", "Back to stages", id="go-back"),
    ]

    def help_text(self) -> str:
        return (
            "Outputs. The plan, the drafts and the action tracker as they will be written. "
            "Edit the email here (it is kept with the case as you type), or in your own "
            "editor. Ctrl+S writes the files into the case's folder; the tone check lists "
            "phrases the other side may read badly, with what to write instead."
        )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.files: dict[str, bytes] = {}
        self.emails: dict[str, EmailParts] = {}
        self.actions: list[dict[str, Any]] = []
        self.email_name = ""
        self.subject = self.to = self.sender = self.cc = ""
        self.template_body = ""  # the email body as the playbook's template writes it
        self.problem = ""
        self._unsaved = ""  # the last message about a draft that could not be saved
        self.tone_findings: list[Finding] = []
        self._tone_problem = ""  # a broken team rules file, reported once
        self._tone_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        from triage.engine.errors import TriageError

        try:
            rendered = self.session.preview()
        except TriageError as exc:
            self.problem = str(exc)
        else:
            self.files, self.emails = rendered.files, rendered.emails
            self.actions = rendered.actions
        yield Header()
        yield Static(id="outputs-note", classes="warning")
        yield ToneNote(id="tone-note")
        with TabbedContent(id="previews"):
            for name, data in self.files.items():
                with TabPane(name, id=f"tab-{_tab_id(name)}"):
                    yield from self._preview(name, data)
        yield Static(id="written")
        with Horizontal(classes="buttons", id="output-buttons"):
            yield Button(
                "Write files",
                id="write",
                variant="primary",
                compact=True,
                action="screen.write_outputs",
            )
            yield Button("Copy email", id="copy", compact=True, action="screen.copy_email")
            yield Button(
                inert(self._editor_label()), id="editor", compact=True, action="screen.edit_email"
            )
            yield Button("Reset to template", id="reset", compact=True, action="screen.reset_email")
        yield Footer(compact=True)

    def _preview(self, name: str, data: bytes) -> ComposeResult:
        text = data.decode("utf-8-sig", errors="replace")
        if name.endswith(".eml"):
            self.email_name = name
            parts = self.emails[name]
            self.subject, self.to, self.sender = parts.subject, parts.to, parts.sender
            self.cc = parts.cc
            body = parts.body.replace("\r\n", "\n")
            draft = self.session.draft(name)
            self.template_body = body if draft is None else self._template_body(body)
            head = Text()
            head.append("To: ", style="bold")
            head.append(self.to or "(no address yet)")
            if self.cc:
                head.append("\nCc: ", style="bold")
                head.append(self.cc)
            head.append("\nSubject: ", style="bold")
            head.append(self.subject)
            yield Static(head, classes="email-head")
            yield Static(id="email-state", classes="email-head")
            yield TextArea(body if draft is None else draft, soft_wrap=True, id="email-body")
        elif name.endswith(".csv"):
            from triage.engine.render import ACTIONS_HEADER

            table: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row")
            table.add_columns(*[Text(h) for h in ACTIONS_HEADER])
            for row in self.actions:  # the tracker's rows, as the file has them
                cells = (row["what"], row["owner"], row["due"], row["status"], row["audience"])
                table.add_row(*[Text(str(cell)) for cell in cells])
            yield table
        elif name.endswith(".md"):
            with VerticalScroll(classes="preview"):
                yield Static(RichMarkdown(text), classes="markdown")
        elif name.endswith(".ics"):
            events = events_in(data)
            shown = Text(
                f"{len(events)} event(s) for your calendar program: open the file "
                "(double-click, or import it) to add them.\n\n",
                style="bold",
            )
            for when, summary in events:
                shown.append(f"{when}  ", style="bold")
                shown.append(f"{inert(summary)}\n")
            with VerticalScroll(classes="preview"):
                yield Static(shown)
        else:
            with VerticalScroll(classes="preview"):
                yield Static(Text(text))

    def on_mount(self) -> None:
        self.title = "Outputs"
        self.sub_title = self.session.case.counterparty
        note = self.query_one("#outputs-note", Static)
        missing = self.session.evaluation.missing
        if self.problem:
            note.update(Text(f"The outputs cannot be rendered: {self.problem}"))
        elif missing:
            note.update(Text(f"{len(missing)} required answer(s) still missing."))
        else:
            note.display = False
        self._show_written()
        self._show_email_state()
        self._check_tone()

    def _show_written(self) -> None:
        """Which files are already in the output folder, and which no longer match the
        answers, so an answer changed after writing never leaves stale files unnoticed."""
        from triage.engine.errors import TriageError
        from triage.engine.outputs import NOT_WRITTEN, OUT_OF_DATE

        target = triage_app(self).out or self.session.folder
        try:
            state = self.session.written_state(target) if not self.problem else {}
        except TriageError:
            state = {}
        there = {name: s for name, s in state.items() if s != NOT_WRITTEN}
        if not there:
            where = Text("Nothing written yet. Ctrl+S writes the files", style="dim")
            where.append(f" to {target}." if target else " to the case folder.", style="dim")
            self.query_one("#written", Static).update(where)
            return
        stale = [name for name, s in there.items() if s == OUT_OF_DATE]
        text = Text(f"Written to {target}:\n", style="bold")
        for name, s in there.items():
            style = "bold yellow" if s == OUT_OF_DATE else "green"
            text.append(f"  {name}: {s}\n", style=style)
        if stale:
            text.append(
                "The answers have changed since (or the files were edited): Ctrl+S writes "
                "them again.\n",
                style="yellow",
            )
        self._append_left_over(text, target)
        self.query_one("#written", Static).update(text)

    def _append_left_over(self, text: Text, folder: Path | None) -> None:
        """Name the drafts an earlier write left in ``folder`` that this case no longer
        produces (a mediation proposal after the route changed), so none is sent by mistake.
        They are never deleted: the user may have edited them."""
        from triage.engine.outputs import left_over

        if folder is None:
            return
        possible = [output.file for output in self.session.playbook.outputs]
        for path in left_over(possible, self.files, folder):
            text.append(
                f"{path.name} is from an earlier write and no longer applies to this case: "
                "delete it before sharing anything from this folder.\n",
                style="bold yellow",
            )

    # -- the tone check ------------------------------------------------------------------

    def _check_tone(self) -> None:
        """Check the drafts as they stand (the email as edited) and the answers they quote."""
        from triage.engine.render import email_message
        from triage.engine.tone import check_case, configured_rules

        files = dict(self.files)
        if self.email_name and self.email_name in files:
            files[self.email_name] = email_message(
                self.subject, self.to, self._body(), self.sender, self.cc
            )
        rules, problem = configured_rules()
        if problem and problem != self._tone_problem:
            self._tone_problem = problem
            self.notify(problem, title="Tone rules", severity="warning", markup=False)
        self.tone_findings = check_case(
            self.session.playbook,
            self.session.evaluation.values,
            files,
            rules,
            drafts=self.session.case.drafts,
        )
        self.query_one("#tone-note", ToneNote).show(self.tone_findings)

    # -- the email -----------------------------------------------------------------

    def _template_body(self, fallback: str) -> str:
        """The body the template writes, ignoring the draft (``fallback`` if it cannot render)."""
        from triage.engine.errors import TriageError

        try:
            parts = self.session.preview(use_drafts=False).emails.get(self.email_name)
        except TriageError:
            return fallback
        return parts.body.replace("\r\n", "\n") if parts is not None else fallback

    def _show_email_state(self) -> None:
        states = self.query("#email-state").results(Static)
        state = next(iter(states), None)
        if state is None:
            return
        if self.session.draft(self.email_name) is None:
            text = "The playbook's text; your edits are saved with the case as you type."
        elif self.session.draft_outdated(self.email_name):
            state.update(
                Text(
                    "Answers this email is drafted from have changed since you edited it (a "
                    "date, an amount, a reply time or the route may now differ from the plan). "
                    "Check your text: Ctrl+K keeps it as checked; “Reset to template” starts "
                    "again from the new draft.",
                    style="bold",
                )
            )
            return
        else:
            text = "Your edited text, saved with the case. “Reset to template” brings back the playbook's."
        state.update(Text(text, style="dim"))

    @staticmethod
    def _editor_label() -> str:
        from triage.tui.editor import find_editor

        editor = find_editor()
        return f"Edit in {editor.name}" if editor else "Edit in an editor"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep_checked_draft":  # only when there is something to confirm
            return bool(self.email_name) and self.session.draft_outdated(self.email_name)
        if action == "show_follow":  # once the files are written, there is a plan to follow
            return self.session.written
        return True

    def action_show_follow(self) -> None:
        triage_app(self).show_case_step("follow")

    def action_keep_checked_draft(self) -> None:
        if self.email_name and self.session.draft_outdated(self.email_name):
            self.session.keep_draft(self.email_name)
            self._show_email_state()
            self.refresh_bindings()
            self.notify("Your edited email is kept as checked.", markup=False)

    def _keep_draft(self, body: str) -> None:
        """Save the body as the case's draft; the template's own text means no draft."""
        if not self.email_name:
            return
        draft = None if body == self.template_body else body
        if draft == self.session.draft(self.email_name):
            return
        try:
            self.session.set_draft(self.email_name, draft)
        except OSError as exc:
            message = f"Your email edits could not be saved: {exc.strerror or exc}."
            if message != self._unsaved:  # once, not at every key
                self.notify(message, severity="error", markup=False)
            self._unsaved = message
        else:
            self._unsaved = ""
        self._show_email_state()

    def _body(self) -> str:
        areas = self.query("#email-body").results(TextArea)
        area = next(iter(areas), None)
        return area.text if area is not None else ""

    @on(TextArea.Changed, "#email-body")
    def _email_edited(self, event: TextArea.Changed) -> None:
        self._keep_draft(event.text_area.text)
        if self._tone_timer is not None:
            self._tone_timer.stop()
        self._tone_timer = self.set_timer(0.25, self._check_tone)  # once typing pauses

    def action_copy_email(self) -> None:
        if not self.email_name:
            self.notify("This case has no email.", severity="warning")
            return
        self._keep_draft(self._body())
        self.app.copy_to_clipboard(self._body())
        self.notify("The email body is on the clipboard.")

    def action_edit_email(self) -> None:
        import subprocess
        import tempfile

        from textual.app import SuspendNotSupported

        from triage.tui.editor import NO_EDITOR, find_editor

        if not self.email_name:
            return
        editor = find_editor()
        if editor is None:
            self.notify(NO_EDITOR, severity="warning", timeout=10, markup=False)
            return
        handle, name = tempfile.mkstemp(prefix="triage-email-", suffix=".txt")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self._body())
            try:
                with self.app.suspend():
                    subprocess.call([*editor.command, str(path)])
            except SuspendNotSupported:
                self.notify("This terminal cannot hand over to an editor.", severity="warning")
                return
            except OSError as exc:
                self.notify(
                    f"Could not start {editor.name}: {exc.strerror}", severity="error", markup=False
                )
                return
            body = path.read_text(encoding="utf-8")
            self._keep_draft(body)
            self.query_one("#email-body", TextArea).text = body
        except OSError as exc:
            self.notify(f"Could not read the edited email: {exc.strerror}", severity="error")
        finally:
            path.unlink(missing_ok=True)
        self.refresh()

    def action_reset_email(self) -> None:
        from triage.tui.dialogs.yes_no import YesNoDialog

        if not self.email_name:
            self.notify("This case has no email.", severity="warning")
            return
        if self.session.draft(self.email_name) is None and self._body() == self.template_body:
            self.notify("The email is already the playbook's text.")
            return

        def answer(reset: bool | None) -> None:
            if reset:
                self._reset_email()

        self.app.push_screen(
            YesNoDialog(
                "Go back to the template?",
                "Your edits to the email will be replaced by the playbook's text.",
            ),
            answer,
        )

    def _reset_email(self) -> None:
        try:
            self.session.set_draft(self.email_name, None)
        except OSError as exc:
            self.notify(f"The case could not be saved: {exc.strerror or exc}.", severity="error")
            return
        self.query_one("#email-body", TextArea).text = self.template_body
        self._show_email_state()
        self.notify("The email is the playbook's text again.")

    # -- writing ---------------------------------------------------------------------

    def action_write_outputs(self) -> None:
        from triage.tui.dialogs.yes_no import YesNoDialog

        missing = len(self.session.evaluation.missing)
        if not missing:
            self._write(triage_app(self).force)
            return

        def answer(go_ahead: bool | None) -> None:
            if go_ahead:
                self._write(triage_app(self).force)
            else:
                self.notify("Nothing was written. Ctrl+L lists the answers still needed.")

        plural = "s are" if missing != 1 else " is"
        self.app.push_screen(
            YesNoDialog(
                "Write the files anyway?",
                f"{missing} required answer{plural} still missing, so the drafts will have gaps "
                "and the route may change once they are answered.",
            ),
            answer,
        )

    def _write(self, force: bool) -> None:
        from triage.engine.errors import OutputExists, TriageError
        from triage.tui.dialogs.yes_no import YesNoDialog

        self._keep_draft(self._body())  # the files carry exactly what is on screen
        try:
            written = self.session.write_outputs(triage_app(self).out, force=force)
        except OutputExists as exc:
            names = "\n".join(f"  {p}" for p in exc.paths)

            def answer(replace: bool | None) -> None:
                if replace:
                    self._write(True)
                else:
                    self.notify("Nothing was written.")

            self.app.push_screen(
                YesNoDialog("Replace the files?", f"These files already exist:\n{names}"), answer
            )
            return
        except (TriageError, OSError) as exc:
            self.notify(str(exc), title="Nothing was written", severity="error", markup=False)
            return
        text = Text("Written:\n", style="bold green")
        for path in written:
            text.append(f"  {path}\n")
        self._append_left_over(text, written[0].parent)
        text.append(
            "Once the email is sent, Ctrl+F follows the case through: actions done or moved, "
            "meetings, how each step ended, and the close."
        )
        self.query_one("#written", Static).update(text)
        self.refresh_bindings()  # Follow-through is there now
        self.notify(f"Wrote {len(written)} files to {written[0].parent}.", markup=False)

    def action_go_back(self) -> None:
        self.app.pop_screen()


def _tab_id(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name)
