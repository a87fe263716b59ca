"""Find the line of a key path (``stages[2].questions[0].kind``) in TOML source.

``tomllib`` gives no positions, so validation messages would otherwise only say
*what* is wrong. This scanner follows table headers and ``key =`` lines well
enough for hand-written playbooks; when a path cannot be found exactly it falls
back to the nearest enclosing key.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_key(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return [p.strip("\"'") for p in parts]


def key_lines(source: str) -> dict[str, int]:
    """Map every table header and key path in ``source`` to its 1-based line."""
    lines: dict[str, int] = {}
    counters: dict[str, int] = {}
    current = ""
    in_multiline: str | None = None
    for number, raw in enumerate(source.splitlines(), start=1):
        if in_multiline:
            if in_multiline in raw:
                in_multiline = None
            continue
        header = _HEADER.match(raw)
        if header and not raw.lstrip().startswith("#"):
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                parent = _resolve(parts[:-1], counters, lines)
                path = f"{parent}.{parts[-1]}" if parent else parts[-1]
                count = counters.get(path, -1) + 1
                counters[path] = count
                lines.setdefault(path, number)
                path = f"{path}[{count}]"
            else:
                path = _resolve(parts, counters, lines)
            current = path
            lines.setdefault(path, number)
            continue
        key = _KEY.match(raw)
        if key:
            path = ".".join([current, *_split_key(key.group(1))]).lstrip(".")
            lines.setdefault(path, number)
            rest = raw[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_multiline = quote
    return lines


def _resolve(parts: list[str], counters: dict[str, int], lines: dict[str, int]) -> str:
    """Turn ``stages.questions`` into ``stages[3].questions`` using the array counters."""
    path = ""
    for part in parts:
        path = f"{path}.{part}" if path else part
        if path in counters:
            path = f"{path}[{counters[path]}]"
    return path


def line_of(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path``, or of the nearest enclosing key that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
    return lines.get(path)
