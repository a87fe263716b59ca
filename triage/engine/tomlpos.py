"""Find the line of a key path (``stages[2].questions[0].kind``) in TOML source.

``tomllib`` gives no positions, so validation messages would otherwise only say
*what* is wrong. This scanner reads table headers, ``key = value`` lines and the
values themselves (strings of all four kinds, arrays and inline tables, over as many
lines as they take), so that an entry of an array (``dates[3]``) or a key inside an
inline table (``timeline[2].date``) has its own line. When a path cannot be found
exactly, :func:`line_of` falls back to the nearest enclosing key. The source is
assumed to be valid TOML (tomllib has read it); on anything unexpected the scanner
stops quietly with what it has found.
"""

from __future__ import annotations

import bisect
import re

_HEADER = re.compile(r"(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(
    r"""((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
    r"""(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)[ \t]*="""
)
_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'""")
_SCALAR_END = re.compile(r"[,\]}\n#]")


def _split_key(key: str) -> list[str]:
    return [p[1:-1] if p[0] in "\"'" else p for p in _PART.findall(key)]


class _Scanner:
    def __init__(self, source: str) -> None:
        self.text = source
        self.pos = 0
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.lines: dict[str, int] = {}
        self.counters: dict[str, int] = {}

    def line(self, pos: int | None = None) -> int:
        return bisect.bisect_right(self.starts, self.pos if pos is None else pos)

    def note(self, path: str, pos: int | None = None) -> None:
        self.lines.setdefault(path, self.line(pos))

    # -- the document: headers and key = value lines ------------------------------------

    def document(self) -> None:
        current = ""
        text = self.text
        while self.pos < len(text):
            self.skip_blank(newlines=True)
            if self.pos >= len(text):
                break
            char = text[self.pos]
            if char == "[":
                header = _HEADER.match(text, self.pos)
                if header is None:
                    return
                current = self.header(header.group(1), _split_key(header.group(2)))
                self.pos = header.end()
                continue
            key = _KEY.match(text, self.pos)
            if key is None:
                return  # not TOML as we know it: keep what was found
            path = ".".join([current, *_split_key(key.group(1))]).lstrip(".")
            self.note(path)
            self.pos = key.end()
            self.value(path)

    def header(self, brackets: str, parts: list[str]) -> str:
        if brackets == "[[":
            parent = self.resolve(parts[:-1])
            path = f"{parent}.{parts[-1]}" if parent else parts[-1]
            count = self.counters.get(path, -1) + 1
            self.counters[path] = count
            self.note(path)
            path = f"{path}[{count}]"
        else:
            path = self.resolve(parts)
        self.note(path)
        return path

    def resolve(self, parts: list[str]) -> str:
        """Turn ``stages.questions`` into ``stages[3].questions`` using the array counters."""
        path = ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            if path in self.counters:
                path = f"{path}[{self.counters[path]}]"
        return path

    # -- values ------------------------------------------------------------------------

    def skip_blank(self, newlines: bool) -> None:
        """Spaces, tabs and comments (and, inside arrays, new lines)."""
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    def value(self, path: str) -> None:
        self.skip_blank(newlines=False)
        text = self.text
        if text.startswith(('"""', "'''"), self.pos):
            quote = text[self.pos : self.pos + 3]
            self.pos = self.string_end(self.pos + 3, quote, escapes=quote == '"""')
        elif text.startswith(('"', "'"), self.pos):
            quote = text[self.pos]
            self.pos = self.string_end(self.pos + 1, quote, escapes=quote == '"')
        elif text.startswith("[", self.pos):
            self.array(path)
        elif text.startswith("{", self.pos):
            self.inline_table(path)
        else:
            end = _SCALAR_END.search(text, self.pos)
            self.pos = len(text) if end is None else end.start()

    def string_end(self, pos: int, quote: str, escapes: bool) -> int:
        """The position after the string's closing ``quote``."""
        text = self.text
        while pos < len(text):
            if escapes and text[pos] == "\\":
                pos += 2
                continue
            if text.startswith(quote, pos):
                end = pos + len(quote)
                # A multi-line string may end with up to two more quotes of its own.
                while len(quote) == 3 and end < len(text) and text[end] == quote[0]:
                    end += 1
                return end
            pos += 1
        return len(text)

    def array(self, path: str) -> None:
        self.pos += 1  # [
        index = 0
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return
            item = f"{path}[{index}]"
            self.note(item)
            self.value(item)
            self.skip_blank(newlines=True)
            if self.text.startswith(",", self.pos):
                self.pos += 1
                index += 1

    def inline_table(self, path: str) -> None:
        self.pos += 1  # {
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return
            if self.text.startswith(",", self.pos):
                self.pos += 1
                continue
            key = _KEY.match(self.text, self.pos)
            if key is None:
                self.pos = len(self.text)
                return
            inner = ".".join([path, *_split_key(key.group(1))])
            self.note(inner)
            self.pos = key.end()
            self.value(inner)


def key_lines(source: str) -> dict[str, int]:
    """Map every table header, key path and array entry in ``source`` to its 1-based line."""
    scanner = _Scanner(source)
    scanner.document()
    return scanner.lines


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
