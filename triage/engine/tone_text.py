"""Text as the tone check reads it: curly quotes straightened, whitespace made one space,
sentences and paragraphs found; and text made safe to show in a terminal."""

from __future__ import annotations

import bisect
import re

__all__: list[str] = []

_STRAIGHT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
    }
)
# Every run of whitespace but a lone space between words (which is already as it should be):
# most runs are one, and stepping over them here would be most of the work.
_RUN_OF_SPACE = re.compile(r"^\s+|\s{2,}|[^\S ]\s*")
_NEWLINE = re.compile("\n")
# a sentence ends at ".", "!" or "?", and at a table's cell wall (" | "): a row's cells (the
# task, its owner, its date) are read apart, as a list's items are
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?= )|(?<= )\|(?= )")
# a list item, or a table's row, starts a new sentence; CRLF too (emails)
_LIST_ITEM = re.compile(r"[ \t\r]*\n[ \t]*(?:[-*\u2022]|\d+[.)]|\|)[ \t]")
# after a colon, the items of a list set out with semicolons (see _list_items)
_LIST_HEAD = re.compile(r": (?=[^.!?:;]*; )")
_ITEM_END = re.compile(r";(?= )")


def _normalise(text: str) -> tuple[str, list[int], list[int]]:
    """Text for matching: curly quotes straightened, each run of whitespace one space.

    A run that holds a paragraph break, or starts a list item, becomes one newline instead.

    Returns the text, the offset in ``text`` of each of its characters (plus one for
    the end), and the offsets where a paragraph or list item starts a new sentence.
    """
    text = text.translate(_STRAIGHT)
    out: list[str] = []  # pieces of the text: words (and lone spaces) as they are, each run as one
    index: list[int] = []
    breaks: list[int] = []
    position = 0
    for match in _RUN_OF_SPACE.finditer(text):
        start = match.start()
        out.append(text[position:start])
        index.extend(range(position, start))
        if index:  # leading space is dropped
            # a paragraph or a list item starts a new sentence, and no phrase runs across it
            space = match.group()  # a list item starts after a newline in this run
            if "\n" in space and (space.count("\n") >= 2 or _LIST_ITEM.match(text, start)):
                breaks.append(len(index) + 1)
                out.append("\n")
            else:
                out.append(" ")
            index.append(start)
        position = match.end()
    out.append(text[position:])
    index.extend(range(position, len(text)))
    index.append(len(text))
    flat = "".join(out)
    return flat, index, _list_items(flat, breaks)


def _sentence_starts(flat: str, breaks: list[int]) -> list[int]:
    starts = {0, *breaks}
    starts.update(m.end() + 1 for m in _SENTENCE_END.finditer(flat))
    return sorted(starts)


def _list_items(flat: str, breaks: list[int]) -> list[int]:
    """``breaks`` with the start of each item of a list set out with semicolons after a colon:
    each item is read as a bulleted item is, a sentence of its own that no reading looks
    across from ("What we are changing: a named deputy for every key person; no final invoice
    until the snag list is signed off" is two commitments, not a sweep with a condition)."""
    heads = list(_LIST_HEAD.finditer(flat)) if ";" in flat else []
    if not heads:
        return breaks
    ends = sorted({0, *breaks, *(m.end() + 1 for m in _SENTENCE_END.finditer(flat))})
    items = set(breaks)
    for head in heads:
        at = bisect.bisect_right(ends, head.start())
        end = ends[at] if at < len(ends) else len(flat)
        if _ITEM_END.search(flat, head.end(), end) is None:
            continue
        items.add(head.end())
        items.update(m.end() + 1 for m in _ITEM_END.finditer(flat, head.end(), end))
    return sorted(items)


def _nearest(
    regex: re.Pattern[str], flat: str, lo: int, start: int, end: int, hi: int
) -> re.Match[str] | None:
    """The hit of ``regex`` in ``flat[lo:hi]`` nearest to ``start:end`` (inside it first), or None."""
    inside = regex.search(flat, start, end)
    if inside is not None:
        return inside
    after = regex.search(flat, end, hi)
    before = None
    for hit in regex.finditer(flat, lo, start):  # the last one before the match
        before = hit
    if after is None or (before is not None and start - before.end() <= after.start() - end):
        return before
    return after


def _vetoed(
    sentence: tuple[re.Pattern[str], str] | None,
    paragraph_pair: tuple[re.Pattern[str], str] | None,
    breaks: list[int],
    near: int,
    far: int,
) -> bool:
    """Whether ``unless_in_sentence`` is in ``flat[near:far]``, or ``unless_in_paragraph``
    in the paragraph around it (each regex with the text it reads: see :func:`_pair`)."""
    if sentence is not None and sentence[0].search(sentence[1], near, far):
        return True
    if paragraph_pair is not None:
        paragraph_re, flat = paragraph_pair
        paragraph = bisect.bisect_right(breaks, near)
        opening = breaks[paragraph - 1] if paragraph else 0
        closing = breaks[paragraph] if paragraph < len(breaks) else len(flat)
        return paragraph_re.search(flat, opening, closing) is not None
    return False


# Control characters (but not tab), DEL, C1 controls, and invisible or direction-changing
# characters: shown as escapes so a finding can never drive or disguise the terminal.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_MAX_PHRASE = 80


def _inert(text: str) -> str:
    text = text.replace("\t", " ")
    return _UNSAFE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )
