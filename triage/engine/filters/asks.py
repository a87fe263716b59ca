"""What we ask of the other side, apart from the fallback kept for our own eyes."""

from __future__ import annotations

import re
from typing import Any

from triage.engine.filters.text import _squash

# Where a typed ask goes on to a fallback we would settle for: "pay the balance, or half and
# we're done", "full refund - at least 50%", "... (would accept 5k)".
_FALLBACK = re.compile(
    r"\s*(?:[,;(]|\s-+|\s–|\s—)?\s*(?:"
    r"(?:or|else|otherwise)\s+(?:at\s+(?:least|minimum|a\s+push)\b|failing\s+that\b|worst\s+case\b"
    r"|(?:just\s+|only\s+)?(?:half|a\s+third|a\s+quarter|\d[\d,.]*\s*%|[£€$]?\s?\d[\d,.]*k?\b).*?"
    r"(?:\bwe'?re\s+done\b|\bcall\s+it\s+quits\b|\bsettle\b|\bfine\b|\bok(?:ay)?\b|\baccept\b|$))"
    r"|at\s+(?:the\s+)?(?:very\s+)?(?:least|minimum|a\s+push)\b"
    r"|worst\s+case\b|failing\s+that\b|fallback\b|bottom\s+line\b"
    r"|(?:we|i)(?:'d|\s+would|\s+could|\s+can)\s+(?:settle|accept|live\s+with|take)\b"
    r"|would\s+(?:settle|accept|take)\b"
    r").*$",
    re.I | re.S,
)


def opening_ask(value: Any) -> str:
    """Filter ``opening_ask``: what we ask of the other side, without the fallback a manager
    may have typed after it, which must never reach them in writing.

    ``"pay the balance, or half and we're done"`` gives ``"pay the balance"``; ``"full
    refund, would accept 60%"`` gives ``"full refund"``; an ask with no fallback is kept as
    typed. Use :func:`ask_fallback` to show the dropped part to our own side.
    """
    text = _squash(value)
    cut = _FALLBACK.search(text)
    if not cut or cut.start() == 0:
        return text
    return text[: cut.start()].rstrip(" ,;:-–—(")


def ask_fallback(value: Any) -> str:
    """The fallback :func:`opening_ask` leaves out of ``value`` ('' when there is none)."""
    text = _squash(value)
    kept = opening_ask(text)
    return text[len(kept) :].strip(" ,;:-–—()") if kept != text else ""
