"""Scores as they change: value, band, advice and what drove them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from triage.engine.evaluate import ScoreState


def score_text(scores: dict[str, ScoreState]) -> Text:
    """Each score's value, band, advice and what drives it, as styled text."""
    from triage.engine.explain import drivers

    text = Text()
    for score in scores.values():
        if text:
            text.append("\n")
        text.append(score.label, style="bold")
        text.append(f" {score.value:g} ")
        text.append(f" {score.band} ", style="reverse")
        text.append("\n")
        if score.advice:
            text.append(score.advice + "\n", style="italic")
        for points, reason in drivers(score):
            text.append(f"{points} ", style="bold")
            text.append(reason + "\n", style="dim")
        if not score.drivers:
            text.append("nothing yet\n", style="dim")
    return text


class ScorePanel(Static):
    """The playbook's scores, updated after every answer."""

    DEFAULT_CSS = """
    ScorePanel { height: auto; padding: 0 1; }
    """

    def show_scores(self, scores: dict[str, ScoreState]) -> None:
        self.update(score_text(scores) if scores else Text("No scores in this playbook.", "dim"))
