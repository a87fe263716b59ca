"""Where the stylesheet of every screen but Home lives (read when such a screen first opens)."""

from pathlib import Path

SCREENS_CSS = Path(__file__).with_name("screens.tcss")
