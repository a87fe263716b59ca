"""The baseline for the first-frame measurement: a bare Textual app of the same shape as
triage's home screen (a header, a list of six items, a footer), started the same way."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList


class Bare(App[None]):
    TITLE = "bare"

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(
            "Client communication breakdown",
            "Contract terms dispute",
            "Partner dispute and escalation",
            "Salvage a damaged relationship",
            "A team playbook",
            "The sixth playbook",
        )
        yield Footer()


if __name__ == "__main__":
    Bare().run()
