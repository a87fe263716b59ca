"""The route: what the playbook recommends and why, and the user's own choice with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.typed import triage_app

if TYPE_CHECKING:
    from triage.engine.explain import RouteExplanation
    from triage.engine.session import Session


class RouteScreen(Screen[None]):
    """Recommended route, escalation level, the rules that fired, and the alternatives."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "continue_review", "Continue", id="continue-review"),
        Binding("o", "override_route", "Another route", id="override-route"),
        Binding("a", "accept_route", "Accept recommended", id="accept-route"),
        Binding("escape", "go_back", "Back to stages", id="go-back"),
    ]

    def help_text(self) -> str:
        return (
            "The route. The playbook's recommendation, the reasons for it and the level that "
            "decides. Accept it (a) to record it in the case, or choose another route (o) and "
            "give your reason: both go into the case's ledger. Continue moves on to the "
            "review without deciding."
        )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="route-body"):
            yield Static(id="route-warning", classes="warning")
            yield Static(id="route-summary")
            yield Static(id="route-rules")
        with Horizontal(id="route-buttons", classes="buttons"):
            yield Button(
                "Accept recommended", id="accept", compact=True, action="screen.accept_route"
            )
            yield Button(
                "Choose another route…",
                id="override",
                compact=True,
                action="screen.override_route",
            )
            yield Button(
                "Continue ▶",
                id="continue",
                variant="primary",
                compact=True,
                action="screen.continue_review",
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Route"
        self.sub_title = self.session.case.counterparty
        self.refresh_route()
        self.query_one("#continue", Button).focus()

    def refresh_route(self) -> None:
        from triage.engine.explain import explain_route

        shown = explain_route(self.session)
        warning = self.query_one("#route-warning", Static)
        warning.display = bool(shown.missing)
        if shown.missing:
            warning.update(Text(shown.missing))
        text = Text()
        text.append("Recommended: ", style="bold")
        text.append(shown.recommended, style="bold reverse")
        text.append("\nWhy: ", style="bold")
        text.append(shown.why)
        if shown.chosen:
            text.append("\n\nYour choice: ", style="bold")
            text.append(shown.chosen, style="bold reverse")
            text.append("\nYour reason: ", style="bold")
            text.append(shown.chosen_because)
        # The level belongs to the route being taken: the choice when there is one.
        level = shown.level
        if level is not None:
            text.append(f"\nEscalation level {level.number}", style="bold")
            if level.name:
                text.append(f": {level.name}")
            if level.who:
                text.append(f" ({level.who})", style="italic")
            if level.decides:
                text.append(f"\nMay decide: {level.decides}")
        for line in shown.level_reasons:
            text.append(f"\n{line}")
        text.append("\n\n")
        text.append_text(self._decision_line(shown))
        self.query_one("#route-summary", Static).update(text)

        rules = Text()
        rules.append("Rules that hold\n", style="bold underline")
        if not shown.rules:
            rules.append("None; the playbook's default route applies.\n", style="italic")
        for index, held in enumerate(shown.rules):
            rules.append("• " if index else "▶ ", style="bold")
            rules.append(held.label)
            if held.level is not None:
                rules.append(f" (level {held.level})")
            rules.append(" decides" if index == 0 else " also holds", style="italic")
            rules.append(f"\n  {held.because}\n")
        rules.append("\nAlternatives\n", style="bold underline")
        for alternative in shown.alternatives:
            rules.append(f"• {alternative}\n")
        self.query_one("#route-rules", Static).update(rules)

    @staticmethod
    def _decision_line(shown: RouteExplanation) -> Text:
        """Where the decision stands: accepted (and when), superseded, chosen, or open."""
        if shown.chosen:
            return Text("You chose another route; the plan and drafts follow your choice.")
        if shown.superseded:
            return Text.assemble(
                ("Changed since you accepted. ", "bold"),
                f"{shown.decision} Accept it (a), or choose another route (o).",
            )
        if shown.decision:
            return Text(shown.decision)
        return Text(
            "Not accepted yet: accept it (a) or choose another route (o). Continue moves on "
            "without deciding; the plan then shows the recommendation."
        )

    def action_override_route(self) -> None:
        from triage.engine.model import ROUTE_LABELS
        from triage.tui.dialogs.reason import RouteReasonDialog

        route = self.session.evaluation.route
        self.app.push_screen(
            RouteReasonDialog(
                dict(ROUTE_LABELS),
                route.recommended,
                route.chosen,
                route.override_reason,
                self.session.override,
            ),
            self._route_chosen,
        )

    def _route_chosen(self, chosen: str | None) -> None:
        from triage.engine.model import ROUTE_LABELS

        self.refresh_route()
        if chosen is None:
            return
        route = self.session.evaluation.route
        if route.overridden:
            self.notify(f"Recorded: {ROUTE_LABELS[route.chosen]}, with your reason.", markup=False)
        else:
            self.notify("You kept the recommended route; nothing else changed.", markup=False)

    def action_accept_route(self) -> None:
        self.session.accept_route()
        self.refresh_route()
        self.notify("Recommended route accepted.")

    def action_continue_review(self) -> None:
        if not self.session.evaluation.route.overridden:
            self.session.note_recommendation()  # recorded as recommended, not as accepted
        triage_app(self).show_case_step("review")

    def action_go_back(self) -> None:
        self.app.pop_screen()
