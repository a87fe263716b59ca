"""The running app with its own type, for screens that call its methods (a widget's
``app`` is typed as any Textual App)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from triage.tui.app import TriageApp


def triage_app(node: DOMNode) -> TriageApp:
    """The app a node belongs to, typed as TriageApp."""
    return cast("TriageApp", node.app)
