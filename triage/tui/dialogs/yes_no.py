"""Ask a yes/no question; returns True or False."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert


class YesNoDialog(ModalScreen[bool]):
    """A question with Yes and No; Escape means No."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer_yes", "Yes", id="answer-yes"),
        Binding("n,escape", "answer_no", "No", id="answer-no"),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(inert(self.title_text), classes="title")
            yield Static(inert(self.question), classes="body")
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="warning", id="yes")
                yield Button("No", variant="primary", id="no")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer_yes(self) -> None:
        self.dismiss(True)

    def action_answer_no(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
