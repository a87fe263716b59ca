"""The sidebar list of stages, each marked done, current, to do, needs answers or skipped."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from triage.engine.evaluate import StageState

MARKS = {
    "done": ("✓", "green"),
    "current": ("▶", "bold"),
    "todo": ("·", ""),
    "incomplete": ("!", "bold yellow"),
    "skipped": ("–", "dim"),
}


def stage_status(
    stages: list[StageState], current: str, given: set[str] | frozenset[str] = frozenset()
) -> dict[str, str]:
    """Each stage's state as the sidebar shows it."""
    ids = [s.stage.id for s in stages]
    here = ids.index(current) if current in ids else 0
    found = {}
    for index, state in enumerate(stages):
        if not state.applies:
            found[state.stage.id] = "skipped"
        elif index == here:
            found[state.stage.id] = "current"
        elif index < here:
            found[state.stage.id] = "done" if state.complete else "incomplete"
        elif state.complete and any(q.question.id in given for q in state.questions):
            found[state.stage.id] = "done"  # answered earlier, before going back
        else:
            found[state.stage.id] = "todo"
    return found


class StageList(OptionList):
    """Stages of the playbook; choosing one asks the screen to go there."""

    DEFAULT_CSS = """
    StageList { height: auto; border: none; padding: 0; }
    """

    class StageSelected(Message):
        """The user chose a stage."""

        def __init__(self, stage_id: str) -> None:
            super().__init__()
            self.stage_id = stage_id

    def show_stages(
        self, stages: list[StageState], current: str, given: set[str] | frozenset[str] = frozenset()
    ) -> None:
        """Show each stage's state; ``given`` holds the ids of questions the user answered."""
        self._shown = (stages, current, given)  # wrapped again when the width changes
        status = stage_status(stages, current, given)
        options = []
        width = max(10, (self.scrollable_content_region.width or 22) - 2)
        for state in stages:
            mark, style = MARKS[status[state.stage.id]]
            title = state.stage.title
            if status[state.stage.id] == "skipped":
                title += " (skipped)"
            # whole titles, wrapped and hanging under the title, not under the mark, rather
            # than cut to one line with an ellipsis ("Is the relationshi…")
            lines = textwrap.wrap(title, width) or [""]
            label = Text.assemble((mark, style), " ", "\n  ".join(lines))
            if status[state.stage.id] == "skipped":
                label.stylize("dim")
            options.append(Option(label, id=state.stage.id))
        highlighted = self.highlighted
        self.set_options(options)
        ids = [s.stage.id for s in stages]
        self.highlighted = highlighted if highlighted is not None else ids.index(current)
        self.states = status

    def on_resize(self) -> None:
        shown = getattr(self, "_shown", None)
        if shown is not None:
            self.show_stages(*shown)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.StageSelected(event.option.id))
