"""Which of many pieces of text a text holds, found at once: :class:`PieceIndex`.

Before scanning a text for a pattern, the tone check makes sure the text holds one of the
pieces every match of the pattern holds (its anchors), and skips the pattern when it holds
none. With about 180 phrase rules and 70 structures that was up to 2,700 substring searches
a text, one rule at a time, though most texts are short typed answers holding few of the
pieces. The index files each piece under its first two characters, and looks only for the
pieces that begin with a pair the text holds: the same pieces found, a fraction of the
searches, and a rule's test is then one set lookup.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["PieceIndex"]


@functools.lru_cache(maxsize=4)
def _pairs(text: str) -> frozenset[str]:
    """Every two characters in a row of ``text`` (one text is checked by several indexes)."""
    return frozenset(text[at : at + 2] for at in range(len(text) - 1))


class PieceIndex:
    """Pieces of text, by their first two characters."""

    __slots__ = ("_by_pair", "_short")

    def __init__(self, pieces: Iterable[str]) -> None:
        by_pair: dict[str, list[str]] = {}
        short: list[str] = []  # fewer than two characters: looked for in every text
        for piece in dict.fromkeys(pieces):
            if len(piece) >= 2:
                by_pair.setdefault(piece[:2], []).append(piece)
            else:
                short.append(piece)
        self._by_pair = by_pair
        self._short = tuple(short)

    def held(self, text: str) -> frozenset[str]:
        """The pieces ``text`` holds: exactly those ``piece in text`` is true for (a piece
        the text holds begins with two characters in a row of the text)."""
        by_pair = self._by_pair
        found = [piece for piece in self._short if piece in text]
        for pair in by_pair.keys() & _pairs(text):
            found += [piece for piece in by_pair[pair] if piece in text]
        return frozenset(found)
