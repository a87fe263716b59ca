"""Playbook Markdown as plain text: for line-by-line prompts, screen readers and help panes."""

from __future__ import annotations

import re

_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
)
_CODE = re.compile(r"`([^`]+)`")
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def readable(markdown: str) -> str:
    """Playbook Markdown as plain text for a line-by-line terminal or a screen reader: no
    asterisks, underscores, backticks or heading marks read out; lists keep their dashes."""
    text = _HEADING.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
