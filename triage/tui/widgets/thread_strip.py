"""An imported thread drawn as a strip by date: a row per side, a mark per stretch of days.

Each mark's shape says the hardest tone the side used then (``o`` calm, ``-`` terse, ``x``
defensive, ``X`` hostile) and its colour says it again with the side: calm messages in the
side's colour, difficult ones in the theme's warning and error colours. A faint dot is a
stretch with no message, so the silences read as gaps; the turning point is marked under
its column, and the longest wait for a reply is bracketed. Shapes carry the meaning on
their own, for a monochrome terminal or NO_COLOR.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from triage.engine.thread import Audit
    from triage.engine.thread.audit import StripCell

LABEL = 11  # "their side " and a space
GAP = "·"
LEGEND = (("o", "calm", "calm"), ("-", "terse", "terse"), ("x", "defensive", "defensive"),
          ("X", "hostile", "hostile"), (GAP, "no message", "gap"))  # fmt: skip
STYLE_OF_TONE = {"warm": "", "neutral": "", "terse": "terse", "defensive": "defensive",
                 "hostile": "hostile"}  # fmt: skip


def strip_lines(found: Audit, width: int, style: Callable[[str], Style]) -> list[Text]:
    """The strip as styled lines ``width`` columns wide at most; ``style`` gives the style of
    a part: ours, theirs, terse, defensive, hostile, gap, turning (its cell), shift (the
    mark under it), wait, label."""
    from triage.engine.thread.audit import (
        OURS,
        STRIP_MARKS,
        THEIRS,
        UNKNOWN,
        duration,
        short_day,
    )

    cells = _cells(found, max(1, width - LABEL))
    if not cells:
        return [Text("No message has a date, so there is no timeline to draw.", style("label"))]
    lines = [_ruler(cells, style)]
    turning = found.turning_row
    rows = [(OURS, "our side"), (THEIRS, "their side")]
    if found.unknown:  # senders on neither side yet: a row of their own, not left out
        rows.append((UNKNOWN, "no side"))
    for side, label in rows:
        line = Text(label.ljust(LABEL), style("label"))
        for cell in cells:
            tone = _tone(cell, side)
            if tone is None:
                line.append(GAP, style("gap"))
                continue
            mark_style = style(STYLE_OF_TONE[tone] or side or "label")
            if cell.turning and turning is not None and turning.side == side:
                mark_style += style("turning")
            line.append(STRIP_MARKS[tone], mark_style)
        lines.append(line)
    column = next((n for n, c in enumerate(cells) if c.turning), None)
    if column is not None and turning is not None:
        when = f", {short_day(turning.date)}" if turning.date else ""
        lines.append(
            _under(column, "▲", f" turning point{when}", width, style("shift"), style("label"))
        )
    wait = _longest_wait(found, cells)
    if wait is not None:
        first, last, side, waited, since = wait
        span = last - first + 1
        mark = "↑" if span < 2 else "╰" + "─" * (span - 2) + "╯"
        who = "our" if side == OURS else "their"
        words = f" {duration(waited)} for {who} reply (from {short_day(since)})"
        lines.append(_under(first, mark, words, width, style("wait"), style("label")))
    legend = Text(" " * LABEL)
    for mark, name, part in LEGEND:
        legend.append(mark, style(part if part != "calm" else "ours"))
        legend.append(f" {name}  ", style("label"))
    legend.rstrip()
    lines.append(legend)
    return lines


def _tone(cell: StripCell, side: str) -> str | None:
    """The hardest tone ``side`` used in ``cell``'s days; None when it sent nothing."""
    from triage.engine.thread.audit import OURS, THEIRS

    return cell.ours if side == OURS else cell.theirs if side == THEIRS else cell.unknown


def _cells(found: Audit, columns: int) -> list[StripCell]:
    from triage.engine.thread.audit import strip_cells

    return strip_cells(found, columns)


def _ruler(cells: list[StripCell], style: Callable[[str], Style]) -> Text:
    """The first and last day at the ends, and the middle one where there is room."""
    from triage.engine.thread.audit import short_day

    left, right = short_day(cells[0].start), short_day(cells[-1].end)
    ruler = list(left.ljust(len(cells)))
    if len(cells) >= len(left) + len(right) + 1:
        ruler[len(cells) - len(right) :] = right
    middle = len(cells) // 2
    mid = short_day(cells[middle].start)
    if middle - len(mid) // 2 > len(left) + 2 and middle + len(mid) < len(cells) - len(right) - 2:
        start = middle - len(mid) // 2
        ruler[start : start + len(mid)] = mid
    return Text(" " * LABEL + "".join(ruler).rstrip(), style("label"))


def _under(
    column: int, mark: str, words: str, width: int, mark_style: Style, word_style: Style
) -> Text:
    """``mark`` under ``column`` of the strip, ``words`` after it, or before it when they
    would run past ``width``."""
    start = LABEL + column
    if start + len(mark) + len(words) <= width:
        line = Text(" " * start)
        line.append(mark, mark_style)
        line.append(words, word_style)
        return line
    before = words.strip() + " "
    if len(before) > start:  # no room either side: after it, cut at the edge
        line = Text(" " * start)
        line.append(mark, mark_style)
        line.append(words, word_style)
        return line
    line = Text(" " * (start - len(before)))
    line.append(before, word_style)
    line.append(mark, mark_style)
    return line


def _longest_wait(
    found: Audit, cells: list[StripCell]
) -> tuple[int, int, str, dt.timedelta, dt.datetime] | None:
    """The longest wait for a reply, when it stands out (a day or more, and half as long
    again as the side's usual reply): its first and last column, the side that replied late,
    the wait and when it began."""
    best = None
    for figures in found.figures.values():
        usual = figures.median or dt.timedelta(0)
        longest, since = figures.longest, figures.longest_since
        if longest is None or since is None:
            continue
        if longest < max(dt.timedelta(days=1), usual * 1.5):
            continue
        if best is None or longest > best[3]:
            best = (figures.side, since, since + longest, longest)
    if best is None:
        return None
    side, began, ended, waited = best

    def column(when: dt.datetime) -> int:
        day = when.date()
        return next(
            (n for n, c in enumerate(cells) if c.start <= day <= c.end),
            0 if day < cells[0].start else len(cells) - 1,
        )

    return column(began), column(ended), side, waited, began


class ThreadStrip(Widget):
    """The timeline of an imported thread as a strip by date, coloured by side and tone."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "thread-strip--ours",
        "thread-strip--theirs",
        "thread-strip--terse",
        "thread-strip--defensive",
        "thread-strip--hostile",
        "thread-strip--gap",
        "thread-strip--turning",
        "thread-strip--shift",
        "thread-strip--wait",
        "thread-strip--label",
    }

    DEFAULT_CSS = """
    ThreadStrip { width: 1fr; height: auto; }
    ThreadStrip > .thread-strip--ours { color: $text-primary; }
    ThreadStrip > .thread-strip--theirs { color: $text-success; }
    ThreadStrip > .thread-strip--terse { color: $warning 60%; }
    ThreadStrip > .thread-strip--defensive { color: $warning; text-style: bold; }
    ThreadStrip > .thread-strip--hostile { color: $error; text-style: bold; }
    ThreadStrip > .thread-strip--gap { color: $text-disabled; }
    ThreadStrip > .thread-strip--turning { color: $error; text-style: bold reverse; }
    ThreadStrip > .thread-strip--shift { color: $error; text-style: bold; }
    ThreadStrip > .thread-strip--wait { color: $warning; }
    ThreadStrip > .thread-strip--label { color: $text-muted; }
    """

    found: reactive[Audit | None] = reactive(None, layout=True)
    """The audit drawn; None draws nothing."""

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"thread-strip--{part}", partial=True)

    def _lines(self, width: int) -> list[Text]:
        if self.found is None or width <= 0:
            return []
        return strip_lines(self.found, width, self._style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        lines = self._lines(self.content_region.width or self.size.width)
        # one line each, cut at the edge, so the height counted is the height drawn
        return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)
