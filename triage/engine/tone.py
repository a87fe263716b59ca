"""Tone check for outgoing drafts.

Rules live in TOML (the packaged ``tone-rules.toml`` beside this module, plus any
files a team adds). Each rule is a case-insensitive regular expression with word
boundaries added at both ends, a category, an explanation and a suggested rewrite.

    >>> rules = load_rules()
    >>> [w.matched for w in check_text("You always reply late.", rules)]
    ['always']

No UI imports here: both front ends and the command line use this module.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_RULES_PATH", "ToneRule", "ToneWarning", "check_text", "load_rules"]

DEFAULT_RULES_PATH = Path(__file__).with_name("tone-rules.toml")

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TEXT_KEYS = ("category", "pattern", "explanation", "suggestion")
_ALLOWED_KEYS = {"id", "enabled", *_TEXT_KEYS}


@dataclass(frozen=True)
class ToneRule:
    """One tone rule as loaded from a rules file."""

    id: str
    category: str
    pattern: str
    explanation: str
    suggestion: str
    source: str = ""
    regex: re.Pattern[str] = field(default=None, repr=False, compare=False)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ToneWarning:
    """A phrase in a draft that a rule flagged. ``line`` and ``column`` are 1-based."""

    line: int
    column: int
    matched: str
    category: str
    explanation: str
    suggestion: str
    rule: str = ""

    def __str__(self) -> str:
        return (
            f'{self.line}:{self.column}: {self.category}: "{self.matched}" - '
            f"{self.explanation} Try: {self.suggestion}"
        )


def _fail(source: str, rule: str | None, problem: str) -> ValueError:
    where = f"tone rules file {source}"
    if rule:
        where += f", rule {rule}"
    return ValueError(f"In {where}: {problem}.")


def _compile(pattern: str, source: str, label: str) -> re.Pattern[str]:
    try:
        regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise _fail(
            source, label, f"the pattern is not a valid regular expression ({exc})"
        ) from None
    if regex.search("") is not None:
        raise _fail(source, label, "the pattern matches empty text, so it would flag everything")
    return regex


def _read_file(path: Path) -> list[tuple[str, dict]]:
    source = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise _fail(source, None, f"the file cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(source, None, f"the file is not valid TOML ({exc})") from None

    fmt = data.get("format", 1)
    if fmt != 1:
        raise _fail(source, None, f"format must be 1, not {fmt!r}")
    unknown = set(data) - {"format", "rules"}
    if unknown:
        raise _fail(source, None, f"unknown top-level key {sorted(unknown)[0]!r}")
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise _fail(source, None, "rules must be written as [[rules]] tables")

    entries: list[tuple[str, dict]] = []
    seen: set[str] = set()
    for index, raw in enumerate(rules, start=1):
        rid = raw.get("id")
        label = f"{rid!r}" if isinstance(rid, str) and rid else f"number {index}"
        if not isinstance(rid, str) or not _ID_RE.match(rid):
            raise _fail(source, label, "id must be lowercase letters, digits and '-'")
        if rid in seen:
            raise _fail(source, label, "this id is used twice in the same file")
        seen.add(rid)
        unknown = set(raw) - _ALLOWED_KEYS
        if unknown:
            raise _fail(source, label, f"unknown key {sorted(unknown)[0]!r}")
        enabled = raw.get("enabled", True)
        if not isinstance(enabled, bool):
            raise _fail(source, label, "enabled must be true or false")
        if enabled:
            for key in _TEXT_KEYS:
                value = raw.get(key)
                if not isinstance(value, str) or not value.strip():
                    raise _fail(source, label, f"{key} is missing or empty")
            _compile(raw["pattern"], source, label)
        entries.append((source, raw))
    return entries


def load_rules(
    path: str | Path | Iterable[str | Path] | None = None,
    *,
    extra: Iterable[str | Path] = (),
) -> list[ToneRule]:
    """Load tone rules.

    ``path`` is a rules file, or a list of them; ``None`` means the packaged rules.
    Files in ``extra`` are read afterwards. A later rule with the same id replaces
    an earlier one (keeping its place in the order), and ``enabled = false``
    switches it off. Raises ``ValueError`` naming the file and the rule when a file
    is unreadable or a rule is malformed.
    """
    if path is None:
        paths: list[Path] = [DEFAULT_RULES_PATH]
    elif isinstance(path, (str, Path)):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    paths += [Path(p) for p in extra]

    merged: dict[str, ToneRule | None] = {}
    for file_path in paths:
        for source, raw in _read_file(file_path):
            rid = raw["id"]
            if not raw.get("enabled", True):
                merged[rid] = None
                continue
            merged[rid] = ToneRule(
                id=rid,
                category=raw["category"].strip(),
                pattern=raw["pattern"],
                explanation=raw["explanation"].strip(),
                suggestion=raw["suggestion"].strip(),
                source=source,
                regex=_compile(raw["pattern"], source, repr(rid)),
            )
    return [rule for rule in merged.values() if rule is not None]


_default_rules: list[ToneRule] | None = None


def check_text(text: str, rules: list[ToneRule] | None = None) -> list[ToneWarning]:
    """Return a warning for every phrase in ``text`` that a rule flags, in reading order.

    A phrase broken across two lines is still found; ``matched`` gives the words as
    written (a line break shown as a space).
    """
    global _default_rules
    if rules is None:
        if _default_rules is None:
            _default_rules = load_rules()
        rules = _default_rules

    # Same length as the original, so offsets map straight back to line/column.
    flat = text.replace("\r", " ").replace("\n", " ")
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    found: list[tuple[int, int, ToneWarning]] = []
    for order, rule in enumerate(rules):
        for match in rule.regex.finditer(flat):
            start = match.start()
            line = bisect.bisect_right(line_starts, start) - 1
            matched = " ".join(text[start : match.end()].split())
            warning = ToneWarning(
                line=line + 1,
                column=start - line_starts[line] + 1,
                matched=matched,
                category=rule.category,
                explanation=rule.explanation,
                suggestion=rule.suggestion,
                rule=rule.id,
            )
            found.append((start, order, warning))
    found.sort(key=lambda item: (item[0], item[1]))
    return [warning for _, _, warning in found]
