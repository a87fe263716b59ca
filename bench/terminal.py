"""Start a full-screen program in a pseudo-terminal and time it to its first full screen.

The program sees a real terminal (a pty of the given size, TERM=xterm-256color); what it
writes is fed to a terminal emulator (pyte), and the clock stops when the emulated screen
shows every one of the marker texts, which is when a person would see the whole screen.
Then Ctrl+Q quits it. POSIX only; needs `pip install pyte`.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Frame:
    seconds: float  # launch to the first screen showing every marker
    peak_rss: int  # bytes: the child's high-water mark, read just before it quits


def first_full_screen(
    command: list[str],
    markers: list[str],
    env: dict[str, str],
    cwd: Path,
    size: tuple[int, int] = (120, 40),
    timeout: float = 30.0,
) -> Frame:
    import pyte

    columns, lines = size
    screen = pyte.Screen(columns, lines)
    stream = pyte.ByteStream(screen)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = dict(env, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
        start_new_session=True, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    seconds = None
    try:
        while seconds is None:
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                shown = "\n".join(screen.display)
                raise RuntimeError(f"no full screen after {timeout:g} s; it showed:\n{shown}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                data = b""
            if not data:
                raise RuntimeError(f"{command[-1]} ended before drawing a full screen")
            stream.feed(data)
            text = "\n".join(screen.display)
            if all(marker in text for marker in markers):
                seconds = time.perf_counter() - started
        peak = _high_water(child.pid)
        os.write(master, b"\x11")  # Ctrl+Q
        _drain_until_exit(child, master)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        os.close(master)
    return Frame(seconds, peak)


def _high_water(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _drain_until_exit(child: subprocess.Popen[bytes], master: int, limit: float = 10.0) -> None:
    """Keep reading (a full pty would block the child) until it exits."""
    ends = time.perf_counter() + limit
    while child.poll() is None and time.perf_counter() < ends:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()
