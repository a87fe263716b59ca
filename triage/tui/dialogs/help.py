"""The keys of the current screen and how the app works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from triage.tui.styles import SCREENS_CSS

ABOUT = (
    "Every answer is saved the moment you give it: close the app at any time, and resume "
    "the case from the home screen.",
    "Tab and Shift+Tab move between fields; Enter confirms a field; Space or Enter chooses "
    "an option (● chosen, ○ not). Ctrl+P opens the command palette: open a playbook, resume "
    "a case, jump to a stage, write the outputs, change the colours.",
    "Stages in the sidebar: ✓ done, ▶ current, · to do, ! needs answers, – skipped (its "
    "condition does not hold; its answers are kept). Ctrl+Q quits.",
)


class HelpDialog(ModalScreen[None]):
    """Key bindings of the screen underneath, and a short guide."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close_help", "Close", id="close-help")
    ]

    def __init__(self, keys: list[tuple[str, str]], here: str = "") -> None:
        """``keys``: the screen's keys; ``here``: what this screen (and the question in hand)
        needs, in plain text paragraphs."""
        super().__init__()
        self.keys = keys
        self.here = here

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        seen = set()
        for key, description in self.keys:
            if (key, description) not in seen:
                seen.add((key, description))
                table.add_row(Text(key), Text(description))
        with Vertical(classes="dialog help"):
            yield Label("Help", classes="title")
            with VerticalScroll():
                for paragraph in [p for p in self.here.split("\n\n") if p.strip()]:
                    yield Static(Text(paragraph.strip()), classes="body")
                yield Static(table, classes="body")
                for paragraph in ABOUT:
                    yield Static(Text(paragraph, style="dim"), classes="body")
            yield Label("Escape closes this help.", classes="hint")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def action_close_help(self) -> None:
        self.dismiss(None)
