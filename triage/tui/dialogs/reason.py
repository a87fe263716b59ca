"""Choose another route than the one recommended, with a reason; returns the route or None."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioSet, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert
from triage.tui.widgets.choice import ChoiceButton, highlight_pressed

Apply = Callable[[str, str], None]
"""Record the route and reason; raise ValueError with a message for the user to refuse them."""


class RouteReasonDialog(ModalScreen[str | None]):
    """Pick a route and say why; the engine records both in the case's ledger."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-route")
    ]

    def __init__(
        self, routes: dict[str, str], recommended: str, chosen: str, reason: str, apply: Apply
    ) -> None:
        super().__init__()
        self.routes = routes
        self.recommended = recommended
        self.chosen = chosen
        self.reason = reason
        self._apply = apply

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Choose the route", classes="title")
            yield RadioSet(
                *[
                    ChoiceButton(
                        inert(label + (" (recommended)" if route == self.recommended else "")),
                        value=route == self.chosen,
                    )
                    for route, label in self.routes.items()
                ],
                id="routes",
            )
            yield Label("Why this route? (recorded in the case)")
            yield Input(self.reason, placeholder="your reason", id="reason")
            yield Static("", id="reason-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(
                    self._choose_label(self.chosen),
                    variant="primary",
                    id="choose",
                    action="screen.choose",
                )
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def on_mount(self) -> None:
        routes = self.query_one("#routes", RadioSet)
        routes.focus()
        routes.call_after_refresh(highlight_pressed, routes)

    def _choose_label(self, route: str) -> str:
        """Say what pressing it records, so a stray arrow key cannot pick a route unseen."""
        if route == self.recommended:
            return "Keep the recommendation"
        return f"Choose: {self.routes[route]}"

    @on(RadioSet.Changed, "#routes")
    def _route_changed(self) -> None:
        self.query_one("#choose", Button).label = inert(self._choose_label(self._selected_route()))

    def _selected_route(self) -> str:
        index = self.query_one("#routes", RadioSet).pressed_index
        routes = list(self.routes)
        return routes[index] if 0 <= index < len(routes) else self.chosen

    def action_choose(self) -> None:
        route = self._selected_route()
        try:
            self._apply(route, self.query_one("#reason", Input).value)
        except ValueError as exc:
            self.query_one("#reason-error", Static).update(inert(str(exc)))
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(route)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#reason")
    def _submitted(self) -> None:
        self.action_choose()
