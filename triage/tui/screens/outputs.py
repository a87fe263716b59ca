"""Preview the plan and the reset email, edit the email, copy it, and write the files."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

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
    Markdown,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

if TYPE_CHECKING:
    from triage.engine.session import Session


def split_email(data: bytes) -> tuple[str, str, str]:
    """Subject, recipient and body of a rendered .eml draft."""
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    message = message_from_bytes(data, policy=policy.default)
    body = message.get_content() if isinstance(message, EmailMessage) else ""
    return str(message.get("Subject", "")), str(message.get("To", "") or ""), str(body)


class OutputsScreen(Screen[None]):
    """What the case produces; nothing is written until the user asks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write_outputs", "Write files", id="write-outputs"),
        Binding("ctrl+t", "copy_email", "Copy email", id="copy-email"),
        Binding("ctrl+g", "edit_email", "Edit in $EDITOR", id="edit-email"),
        Binding("escape", "go_back", "Back to stages", id="go-back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.files: dict[str, bytes] = {}
        self.email_name = ""
        self.subject = self.to = self.generated_body = ""
        self.problem = ""

    def compose(self) -> ComposeResult:
        from triage.engine.errors import TriageError

        try:
            self.files = self.session.outputs()
        except TriageError as exc:
            self.problem = str(exc)
        yield Header()
        yield Static(id="outputs-note", classes="warning")
        with TabbedContent(id="previews"):
            for name, data in self.files.items():
                with TabPane(name, id=f"tab-{_tab_id(name)}"):
                    yield from self._preview(name, data)
        yield Static(id="written")
        with Horizontal(classes="buttons", id="output-buttons"):
            yield Button("Write files", id="write", variant="primary", compact=True)
            yield Button("Copy email", id="copy", compact=True)
            yield Button("Edit in $EDITOR", id="editor", compact=True)
        yield Footer(compact=True)

    def _preview(self, name: str, data: bytes) -> ComposeResult:
        text = data.decode("utf-8", errors="replace")
        if name.endswith(".eml"):
            self.email_name = name
            self.subject, self.to, self.generated_body = split_email(data)
            body = self.app.email_drafts.get(self.session.case.id, self.generated_body)  # type: ignore[attr-defined]
            head = Text()
            head.append("To: ", style="bold")
            head.append(self.to or "(no address yet)")
            head.append("\nSubject: ", style="bold")
            head.append(self.subject)
            yield Static(head, classes="email-head")
            yield TextArea(body, soft_wrap=True, id="email-body")
        elif name.endswith(".csv"):
            table: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row")
            rows = list(csv.reader(io.StringIO(text)))
            if rows:
                table.add_columns(*[Text(h) for h in rows[0]])
                for row in rows[1:]:
                    table.add_row(*[Text(cell) for cell in row])
            yield table
        elif name.endswith(".md"):
            with VerticalScroll(classes="preview"):
                yield Markdown(text)
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
        target = self.app.out or self.session.folder  # type: ignore[attr-defined]
        where = Text("Nothing written yet. Ctrl+S writes the files", style="dim")
        where.append(f" to {target}." if target else " to the case folder.", style="dim")
        self.query_one("#written", Static).update(where)

    # -- the email -----------------------------------------------------------------

    def _body(self) -> str:
        areas = self.query("#email-body").results(TextArea)
        area = next(iter(areas), None)
        return area.text if area is not None else ""

    @on(TextArea.Changed, "#email-body")
    def _email_edited(self, event: TextArea.Changed) -> None:
        drafts = self.app.email_drafts  # type: ignore[attr-defined]
        if event.text_area.text == self.generated_body:
            drafts.pop(self.session.case.id, None)
        else:
            drafts[self.session.case.id] = event.text_area.text

    def action_copy_email(self) -> None:
        if not self.email_name:
            self.notify("This case has no email.", severity="warning")
            return
        self.app.copy_to_clipboard(self._body())
        self.notify("The email body is on the clipboard.")

    def action_edit_email(self) -> None:
        import shlex
        import subprocess
        import tempfile

        from textual.app import SuspendNotSupported

        if not self.email_name:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        handle, name = tempfile.mkstemp(prefix="triage-email-", suffix=".txt")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self._body())
            try:
                with self.app.suspend():
                    subprocess.call([*shlex.split(editor), str(path)])
            except SuspendNotSupported:
                self.notify("This terminal cannot hand over to an editor.", severity="warning")
                return
            except OSError as exc:
                self.notify(f"Could not start {editor}: {exc.strerror}", severity="error")
                return
            self.query_one("#email-body", TextArea).text = path.read_text(encoding="utf-8")
        finally:
            path.unlink(missing_ok=True)
        self.refresh()

    # -- writing ---------------------------------------------------------------------

    def action_write_outputs(self) -> None:
        self._write(self.app.force)  # type: ignore[attr-defined]

    def _write(self, force: bool) -> None:
        from triage.engine.errors import OutputExists, TriageError
        from triage.tui.dialogs.yes_no import YesNoDialog

        try:
            written = self.session.write_outputs(self.app.out, force=force)  # type: ignore[attr-defined]
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
        self._write_edited_email(written)
        text = Text("Written:\n", style="bold green")
        for path in written:
            text.append(f"  {path}\n")
        self.query_one("#written", Static).update(text)
        self.notify(f"Wrote {len(written)} files to {written[0].parent}.", markup=False)

    def _write_edited_email(self, written: list[Path]) -> None:
        """Replace the generated draft with the user's edited body, in the same format."""
        body = self._body()
        if not self.email_name or body == self.generated_body:
            return
        from triage.engine.atomic import write_atomic
        from triage.engine.render import email_message

        for path in written:
            if path.name == self.email_name:
                write_atomic(path, email_message(self.subject, self.to, body))

    def action_go_back(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#write")
    def _write_pressed(self) -> None:
        self.action_write_outputs()

    @on(Button.Pressed, "#copy")
    def _copy_pressed(self) -> None:
        self.action_copy_email()

    @on(Button.Pressed, "#editor")
    def _editor_pressed(self) -> None:
        self.action_edit_email()


def _tab_id(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name)
