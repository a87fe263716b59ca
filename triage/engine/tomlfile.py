"""Read TOML files defensively: every failure becomes one Problem, never a traceback."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.engine import codecache
from triage.engine.errors import Problem
from triage.engine.tomlpos import key_lines, line_of

MAX_BYTES = 2 * 1024 * 1024
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


@dataclass
class TomlFile:
    """A parsed TOML file that can say on which line a key path stands."""

    path: Path
    data: dict[str, Any]
    source: str
    _lines: dict[str, int] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def line(self, key_path: str) -> int | None:
        if self._lines is None:
            self._lines = key_lines(self.source)
        return line_of(self._lines, key_path)

    def problem(self, key_path: str, message: str) -> Problem:
        return Problem(self.name, message, self.line(key_path), 1)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_toml(path: Path, what: str = "file", keep: bool = False) -> TomlFile | Problem:
    """Read and parse ``path``; return a Problem describing the first thing wrong.

    ``keep``: the file is a playbook's, and its parsed form may be kept in the code cache.
    Never for case or answers files: they hold the user's notes, which stay in the case.
    """
    name = display_path(path)
    try:
        if path.is_dir():
            return Problem(name, f"is a folder, not a {what}.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Problem(
                name, f"is too large ({size // 1024} KiB); the limit is {MAX_BYTES // 1024} KiB."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        return Problem(name, "does not exist.")
    except PermissionError:
        return Problem(name, "cannot be read: permission denied.")
    except OSError as exc:
        return Problem(name, f"cannot be read: {exc.strerror or exc}.")
    return parse_toml(raw, path, what, keep)


def parse_toml(
    raw: bytes, path: Path, what: str = "file", keep: bool = False
) -> TomlFile | Problem:
    """Parse TOML bytes read from ``path``: the file, or one Problem saying what is wrong where."""
    name = display_path(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        return Problem(name, f"is a binary file, not a TOML {what}.")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(name, "is not UTF-8 text; save it as UTF-8 and try again.", line, 1)
    if not source.strip():
        return Problem(name, f"is empty; a {what} needs at least a title.")
    try:
        data = codecache.parsed_toml(source) if keep else tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _POSITION.search(message)
        if found:
            message = _POSITION.sub("", message)
            return Problem(name, _sentence(message), int(found.group(1)), int(found.group(2)))
        if _AT_END.search(message):
            message = _AT_END.sub("", message)
            return Problem(name, _sentence(message), source.count("\n") + 1, 1)
        return Problem(name, _sentence(message))
    except RecursionError:
        return Problem(name, "nests tables or arrays too deeply to be read.")
    return TomlFile(path, data, source)


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return "is not valid TOML."
    message = message[0].upper() + message[1:]
    return message if message.endswith(".") else message + "."
