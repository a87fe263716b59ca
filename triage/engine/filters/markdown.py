"""Escaping a value for Markdown output."""

from __future__ import annotations

import re

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What opens a block when it starts a line: a heading, a list item, a setext underline or
# a thematic break ("*", "_", ">" and "`" are escaped everywhere already).
_MD_BLOCK_START = re.compile(
    r"^(?=#{1,6}(?:\s|$)|[+-](?:\s|$)|=+\s*$|-(?:\s*-){2,}\s*$)|^(\d{1,9})(?=[.)](?:\s|$))"
)


def markdown_inline(text: str) -> str:
    """A value written into Markdown: one line, read as plain words in CommonMark and GFM
    (backslash escapes of ASCII punctuation, which pandoc reads the same way). It cannot
    open a heading, a list, a quote or a code span, end a table cell, start emphasis or a
    link, or pass HTML through; ``5 < 6 & "x"`` stays readable.
    Spaces at either end are kept: templates join values with them.
    """
    text = _LINE_BREAK.sub(" ", text)
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    text = _MD_ENTITY.sub("&amp;", text)
    return _MD_BLOCK_START.sub(lambda m: (m.group(1) or "") + "\\", text, count=1)
