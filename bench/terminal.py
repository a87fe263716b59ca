"""Start a full-screen program in a pseudo-terminal and time it to its first full screen.

The program sees a real terminal (a pty of the given size, TERM=xterm-256color), and the
clock stops when what it has written contains every one of the marker texts: the last
pieces of its first full screen. Textual writes each screen update in one piece, so that
is when a terminal would show the whole screen. The bytes are searched as they arrive,
not emulated: an emulator in this process would add its own parsing time, and more for
the app that draws more. Then Ctrl+Q quits the app. POSIX only.
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
    cpu_seconds: float  # the child's time on a CPU (all its threads) until that screen


def first_full_screen(
    command: list[str],
    markers: list[str],
    env: dict[str, str],
    cwd: Path,
    size: tuple[int, int] = (120, 40),
    timeout: float = 30.0,
) -> Frame:
    columns, lines = size
    wanted = [marker.encode() for marker in markers]
    written = bytearray()
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
                shown = written[-2000:].decode(errors="replace")
                raise RuntimeError(f"no full screen after {timeout:g} s; it wrote:\n{shown}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                data = b""
            if not data:
                raise RuntimeError(f"{command[-1]} ended before drawing a full screen")
            written += data
            if all(marker in written for marker in wanted):
                seconds = time.perf_counter() - started
                cpu = _on_cpu(child.pid)
        peak = _high_water(child.pid)
        os.write(master, b"\x11")  # Ctrl+Q
        _drain_until_exit(child, master)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        os.close(master)
    return Frame(seconds, peak, cpu)


def _on_cpu(pid: int) -> float:
    """Seconds the process has run on a CPU, all its threads together (Linux's schedstat;
    0 where there is none). Unlike the wall clock, other work on the machine barely moves it."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])  # nanoseconds
    except (OSError, ValueError, IndexError):
        return 0.0
    return total / 1e9


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
