"""Which of many pieces of text a text holds, found at once: :class:`PieceIndex`.

Before scanning a text for a pattern, the tone check makes sure the text holds one of the
pieces every match of the pattern holds (its anchors), and skips the pattern when it holds
none. With about 180 phrase rules and 70 structures that was up to 2,700 substring searches
a text, one rule at a time, though most texts are short typed answers holding few of the
pieces. The index files each piece under its first three characters, and looks only for the
pieces that begin with three characters in a row the text holds: the same pieces found, a
fraction of the searches, and a rule's test is then one set lookup.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["PieceIndex"]


@functools.lru_cache(maxsize=4)
def _triples(text: str) -> frozenset[str]:
    """Every three characters in a row of ``text`` (one text is checked by several indexes)."""
    return frozenset(text[at : at + 3] for at in range(len(text) - 2))


class PieceIndex:
    """Pieces of text, by their first three characters."""

    __slots__ = ("_by_triple", "_short")
    _by_triple: dict[str, list[str]]

    def __init__(self, pieces: Iterable[str]) -> None:
        by_triple: dict[str, list[str]] = {}
        short: list[str] = []  # fewer than three characters: looked for in every text
        for piece in dict.fromkeys(pieces):
            if len(piece) >= 3:
                found = by_triple.get(piece[:3])
                if found is None:
                    by_triple[piece[:3]] = [piece]
                else:
                    found.append(piece)
            else:
                short.append(piece)
        self._by_triple = by_triple
        self._short = tuple(short)

    def kept(self) -> tuple[dict[str, list[str]], tuple[str, ...]]:
        """What the index holds, as plain data to keep between runs (see :meth:`from_kept`)."""
        return self._by_triple, self._short

    @classmethod
    def from_kept(cls, by_triple: dict[str, list[str]], short: tuple[str, ...]) -> PieceIndex:
        """The index :meth:`kept` gave these of."""
        index = cls.__new__(cls)
        index._by_triple = by_triple
        index._short = short
        return index

    def held(self, text: str) -> frozenset[str]:
        """The pieces ``text`` holds: exactly those ``piece in text`` is true for (a piece
        the text holds begins with three characters in a row of the text)."""
        by_triple = self._by_triple
        found = [piece for piece in self._short if piece in text]
        for triple in by_triple.keys() & _triples(text):
            found += [piece for piece in by_triple[triple] if piece in text]
        return frozenset(found)
