"""Each message's own words: HTML to text, quoted replies and signatures cut away.

A reply usually carries the whole thread below it; counting that text again would make
every old phrase look new. What is cut: lines quoted with ``>``; everything from a
client's attribution line ("On ... wrote:", "-----Original Message-----", an Outlook
"From: ... Sent: ..." block, "Begin forwarded message:"); a signature after "-- ", and a
sign-off ("Kind regards,") with the few short lines under it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Control characters (tab and newline aside), DEL, C1 controls, and invisible or
# direction-changing characters: mail is text from outside, so none of it reaches a
# terminal, a case file or Markdown as it came.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def plain(text: str) -> str:
    """``text`` with control and direction-changing characters removed (tabs become spaces)."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def one_line(text: str) -> str:
    """Plain text on one line, each run of whitespace one space."""
    return " ".join(plain(text).split())


# -- HTML ----------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
    | {"pre", "hr", "section", "article", "header", "footer", "blockquote"}
)
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})


class _Text(HTMLParser):
    """The visible text of an HTML body; quoted replies (``<blockquote>``, Gmail's and
    Outlook's quote containers) are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # depth inside something not shown
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it started a skipped part)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        quoted = (
            tag == "blockquote"
            or "gmail_quote" in values
            or "divRplyFwdMsg" in values
            or "moz-cite-prefix" in values
            or "yahoo_quoted" in values
            or "AppleOriginalContents" in values
        )
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in ("br", "hr", "img", "meta", "link", "input", "wbr"):
            return  # void elements: nothing to close
        skipped = tag in _SKIPPED or quoted
        self.stack.append((tag, skipped))
        if skipped:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching tag; mail HTML often leaves tags open.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for _tag, skipped in self.stack[index:]:
                    if skipped:
                        self.skip -= 1
                del self.stack[index:]
                break
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(source: str) -> str:
    """The readable text of an HTML message, without quoted replies; never raises."""
    parser = _Text()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # a parser error on broken HTML: fall back to removing the tags
        return html.unescape(re.sub(r"<[^>]*>", " ", source))
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- quotes and signatures ------------------------------------------------------------------

# "On Tue, 3 Mar 2026 at 10:14, Dana <dana@x> wrote:" and its translations; Gmail wraps it
# over two lines, so it is matched on a line joined with the next.
_ATTRIBUTION = re.compile(
    r"^\s*(?:On|Le|Am|El|Il|Op|Em|Den|På)\s.{4,300}?"
    r"(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev)\s*:\s*$",
    re.I | re.S,
)
_SEPARATORS = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|"
    r"Message d'origine|Mensaje original)\s*-{2,}|_{8,}|Begin forwarded message:|"
    r"-{5,}\s*Reply above this line.*)\s*$",
    re.I,
)
_HEADER_LINE = re.compile(r"^\s*\*?(From|Von|De|Van|Da)\s*:\*?\s+\S", re.I)
_SENT_LINE = re.compile(
    r"^\s*\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden)\s*:\*?\s", re.I
)
_SIG_DASHES = re.compile(r"^-- ?$")
_SIGN_OFFS = re.compile(
    r"^\s*(?:(?:kind|best|warm|many|with)?\s*(?:regards|wishes|thanks)|best|cheers|thanks|"
    r"thank you|thx|sincerely|yours(?: sincerely| faithfully| truly)?|all the best|"
    r"speak soon|talk soon|take care|mit freundlichen grüßen|cordialement|saludos)"
    r"[\s,.!]*(?:[\w'’.-]+)?[\s,.!]*$",
    re.I,
)
_SENT_FROM = re.compile(r"^\s*(?:Sent from|Get Outlook for|Envoyé de mon|Von meinem)\b.*$", re.I)


def is_attribution(line: str, following: str = "") -> bool:
    """Whether ``line`` (with the next line, for Gmail's wrapped form) introduces a quote."""
    if _ATTRIBUTION.match(line):
        return True
    return bool(following) and bool(_ATTRIBUTION.match(f"{line} {following}"))


def own_words(text: str) -> str:
    """A message's own text: quoted replies, forwarded copies and signatures removed."""
    lines = plain(text).split("\n")
    kept: list[str] = []
    skip = 0
    for index, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if is_attribution(line, following):
            wrapped = 0 if is_attribution(line) else 1
            after = next((x for x in lines[index + 1 + wrapped :] if x.strip()), "")
            if after.lstrip().startswith(">"):  # bottom-posted or interleaved: skip the quote
                skip = wrapped
                continue
            break
        if _SEPARATORS.match(line):
            break
        if _HEADER_LINE.match(line) and any(
            _SENT_LINE.match(later) for later in lines[index + 1 : index + 4]
        ):
            break
        if line.lstrip().startswith(">"):
            continue
        if _SIG_DASHES.match(line):
            break
        kept.append(line)
    kept = _without_sign_off(kept)
    body = "\n".join(line.rstrip() for line in kept)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def _without_sign_off(lines: list[str]) -> list[str]:
    """Cut a sign-off near the end ("Kind regards," and a name, a title, a phone number)."""
    while lines and (not lines[-1].strip() or _SENT_FROM.match(lines[-1])):
        lines = lines[:-1]
    start = max(0, len(lines) - 8)
    for index in range(start, len(lines)):
        if not _SIGN_OFFS.match(lines[index]):
            continue
        tail = [t for t in lines[index + 1 :] if t.strip()]
        if len(tail) <= 6 and all(len(t) <= 60 for t in tail):
            if index == 0:  # the whole message is "Thanks!": keep it, it is the message
                return lines
            return lines[:index]
    return lines


# -- excerpts --------------------------------------------------------------------------------

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|morning|all|team)\b[^.!?\n]{0,40}[,!:]?\s*$",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|$)")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (one line each), greetings left out."""
    out = []
    for line in text.split("\n"):
        if _GREETING.match(line):
            continue
        for match in _SENTENCE.finditer(line):
            words = " ".join(match.group().split())
            if any(ch.isalnum() for ch in words):
                out.append(words)
    return out


def excerpt(text: str, limit: int, around: str = "") -> str:
    """A short excerpt of ``text`` on one line, at most ``limit`` characters.

    It starts at the first sentence that is not a greeting; when the text is too long to
    show whole and ``around`` (a flagged phrase) is given, at the sentence holding it. Cut at a word, with "...".
    """
    parts = sentences(text)
    if not parts:
        return ""
    start = 0
    if around and len(" ".join(parts)) > limit:  # too long to show whole: start at the flag
        needle = " ".join(around.split()).casefold()
        start = next((i for i, s in enumerate(parts) if needle in s.casefold()), 0)
    shown = " ".join(parts[start:])
    if len(shown) <= limit:
        return shown
    cut = shown[: limit - 3]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "..."
