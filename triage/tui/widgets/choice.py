"""Choices whose state reads without colour: a filled mark for chosen, an empty one for not.

Textual's radio buttons and selection lists draw the same mark for chosen and unchosen
options and tell them apart by colour alone, which a colour-blind user, a monochrome
terminal or NO_COLOR cannot see. These draw ``●`` / ``○`` and ``✓`` / a blank instead.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import RadioButton, RadioSet, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

CHOSEN, NOT_CHOSEN = "●", "○"
TICKED, NOT_TICKED = "✓", " "


class ChoiceButton(RadioButton):
    """A radio button showing ● when chosen and ○ when not, whose label wraps under itself
    instead of being cut at the edge ("Tense: short replies, people copying in the…")."""

    DEFAULT_CSS = """
    ChoiceButton { height: auto; }
    RadioSet > ChoiceButton { width: 1fr; }
    """
    _INDENT = 4  # "▐●▌ "

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        return super()._button

    def _lines(self, width: int) -> list[Content]:
        label = self._label.stylize_before(self.get_visual_style("toggle--label"))
        return label.wrap(max(8, width - self._INDENT - 1)) or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        lines = self._lines(self.content_region.width or self.size.width)
        first = Content.assemble(self._button, " ", lines[0], " ")
        rest = [Content.assemble(" " * self._INDENT, line) for line in lines[1:]]
        return Content("\n").join([first, *rest])


class TickList(SelectionList[str]):
    """A selection list showing ✓ beside each selected option and a blank beside the rest."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = TICKED if option.value in self.selected else NOT_TICKED
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


def highlight_pressed(radio_set: RadioSet) -> None:
    """Put the keyboard highlight on the pressed button (RadioSet starts on the first)."""
    if radio_set.pressed_index >= 0:
        radio_set._selected = radio_set.pressed_index
