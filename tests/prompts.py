"""Driving the line-by-line prompts through a pseudo-terminal, as copier tests its own."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parent.parent
DOWN = "\x1b[B"


def spawn_triage(args: list[str], cwd: Path, env: dict[str, str]) -> pexpect.spawn:
    """``python -m triage ARGS`` in a 120x40 terminal that answers no cursor queries."""
    full = dict(os.environ, TERM="xterm-256color", PYTHONUNBUFFERED="1", PROMPT_TOOLKIT_NO_CPR="1")
    full.update(env)
    full["PYTHONPATH"] = str(REPO) + os.pathsep + full.get("PYTHONPATH", "")
    return pexpect.spawn(
        sys.executable,
        ["-m", "triage", *args],
        cwd=str(cwd),
        env=full,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=20,
    )


def reply(child: pexpect.spawn, prompt: str, keys: str) -> None:
    """Wait for ``prompt`` on screen, then type ``keys``."""
    child.expect_exact(prompt)
    time.sleep(0.05)
    child.send(keys)
