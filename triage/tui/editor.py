"""Which text editor "Edit in your editor" opens, named so the user knows what to expect.

VISUAL or EDITOR when set (what programmers expect); otherwise an editor a non-programmer can
use: Notepad on Windows, TextEdit on macOS, nano (or micro, pico) elsewhere. Never vi by
default: someone who has not chosen it may not know how to leave it. None when there is
nothing suitable, and the screen says how to set one.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Editor:
    """A text editor to open a file in: its name for people and the command to run."""

    name: str  # as shown on the button: "nano", "Notepad", "code --wait"
    command: tuple[str, ...]  # the file's path is added at the end


def find_editor() -> Editor | None:
    """VISUAL or EDITOR, else a simple editor for this platform; None when there is none."""
    configured = (os.environ.get("VISUAL") or os.environ.get("EDITOR") or "").strip()
    if configured:
        try:
            words = shlex.split(configured, posix=os.name != "nt")
        except ValueError:
            words = configured.split()
        if words:
            return Editor(os.path.basename(words[0]) or words[0], tuple(words))
    if os.name == "nt":
        return Editor("Notepad", ("notepad",))
    if sys.platform == "darwin":
        return Editor("TextEdit", ("open", "-W", "-n", "-t"))
    for name in ("nano", "micro", "pico"):
        found = shutil.which(name)
        if found:
            return Editor(name, (found,))
    return None


NO_EDITOR = (
    "No text editor was found. Edit the email here, or set EDITOR to the editor you use "
    "(for example EDITOR=nano) and open the app again."
)
