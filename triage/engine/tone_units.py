"""The tone check read one paragraph at a time, each paragraph's findings kept between runs.

A paragraph break ends a sentence and no phrase runs across one (see
:func:`triage.engine.tone_text._normalise`), so :func:`check_text` reads each paragraph of a
text on its own (a list item counts as a paragraph), with nothing of the paragraphs around
it. A paragraph's findings therefore depend on its own words and the rules alone, and in a
headless run (while a code-cache bundle is open) they are kept in the run's bundle under a
digest of the paragraph, the rules (the packaged file's bytes, or the files a rules list
was loaded from) and the engine's stamp. When one answer of a case changes, most
paragraphs of its drafts are word for word those of its last run: only the changed ones are
checked, and when none has changed the check's modules and its rules are not even loaded.

What is kept holds no text: drafts and answers hold private notes. A finding is kept as its
rule's category, explanation and advice, and where its words sit in the paragraph (offsets,
and the sentence its suggestion rewrites); the words are read from the paragraph again. A
finding that cannot be made again exactly from that form is not kept (the paragraph is
then checked on every run), and an entry that does not read back as such a form is a miss.
This module loads none of the check's own; :data:`before_check` lets a caller load them
its own way before the first paragraph that has to be checked.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from triage.engine import codecache
from triage.engine.tone_kept import packaged_digest
from triage.engine.tone_text import _RUN_OF_SPACE
from triage.engine.tone_warning import ToneWarning

if TYPE_CHECKING:
    from triage.engine.tone_rule import ToneRule

__all__ = ["MAX_PARAGRAPHS", "before_check", "check_text", "paragraphs"]

_KIND = "toneunit"
_FORMAT = "tone unit 1"
_REWRITE = ' Without the flagged words: "'  # as triage.engine.tone_suggest writes a rewrite

# A text of more paragraphs than this is read whole, as one (and kept as one): each paragraph
# read pays the readings' fixed cost (about 0.15 ms), and a template may write megabytes of
# short paragraphs, which read one by one took ten times as long as read whole. No draft a
# person writes comes near it; what is found in such a text is decided by the text alone.
MAX_PARAGRAPHS = 1000
# Called once, before the first paragraph that is not found kept is checked (the command
# line loads the check's modules there, in an import block of its own).
before_check: Callable[[], None] | None = None
_prefixes: dict[str, bytes] = {}  # a rules digest -> what each paragraph's key starts with


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of ``text`` starts and ends: blank lines separate them (a list
    stays whole with the lines that lead into it). A paragraph starts at the start of its line (its indent is read as the
    check reads leading space: dropped), so columns within it are the text's own."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _RUN_OF_SPACE.finditer(text):
        at = match.start()
        if at == 0:  # leading space: dropped, never a break
            continue
        space = match.group()
        # a blank line: a list's items stay with the lines before them, which the readings of
        # a list under a heading ("Specifically:", "Some of it is down to us:") look back to
        if space.count("\n") >= 2:
            spans.append((start, at))
            start = text.rindex("\n", at, match.end()) + 1
    spans.append((start, len(text)))
    # A paragraph that opens with a lead-in line ("Specifically:") goes on from the one before
    # it ("We got this wrong, and I am sorry."): the readings of a list under a heading look
    # back to it, so the two are read, and kept, as one.
    joined: list[tuple[int, int]] = []
    for begin, end in spans:
        first_line = text[begin:end].split("\n", 1)[0].strip()
        if joined and first_line.endswith(":"):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((begin, end))
    return joined


def check_text(text: str, rules: list[ToneRule] | None = None) -> list[ToneWarning]:
    """Every warning in ``text``, paragraph by paragraph, in reading order (``None``: the
    packaged rules, loaded only if a paragraph has to be checked); a text of more than
    :data:`MAX_PARAGRAPHS` paragraphs is read whole. See
    :func:`triage.engine.tone_check.check_text`."""
    prefix = _prefix(rules) if codecache.bundle_open() else None
    spans = paragraphs(text)
    if len(spans) > MAX_PARAGRAPHS:
        spans = [(0, len(text))]
    found: list[ToneWarning] = []
    line = 0
    at = 0
    for start, end in spans:
        line += text.count("\n", at, start)
        at = start
        for warning in _paragraph(text[start:end], rules, prefix):
            found.append(replace(warning, line=warning.line + line) if line else warning)
    return found


def _prefix(rules: list[ToneRule] | None) -> bytes | None:
    """What each paragraph's key starts with: the rules' digest and the engine's stamp; None
    for rules not loaded from files, or a packaged file that cannot be read."""
    if rules is None:
        packaged = packaged_digest()
        if packaged is None:
            return None
        digest = "packaged\0" + packaged
    else:
        from triage.engine.tone_load import digest_of  # loaded with the rules given

        found = digest_of(rules)
        if found is None:
            return None
        digest = "files\0" + found
    prefix = _prefixes.get(digest)
    if prefix is None:
        stamp = codecache.engine_stamp()
        prefix = _prefixes[digest] = f"{_FORMAT}\0{digest}\0{stamp}\0".encode()
    return prefix


def _paragraph(text: str, rules: list[ToneRule] | None, prefix: bytes | None) -> list[ToneWarning]:
    """The warnings in one paragraph: kept, or checked (and kept when they can be)."""
    key = ""
    if prefix is not None:
        key = hashlib.sha256(prefix + text.encode("utf-8", "surrogatepass")).hexdigest()
        made = _from_kept(text, codecache.load_bundled(_KIND, key))
        if made is not None:
            return made
    found = _checked(text, rules)
    if key:
        kept = _kept_form(text, found)
        if kept is not None:
            codecache.store_bundled(_KIND, key, kept)
    return found


_loaded = False


def _checked(text: str, rules: list[ToneRule] | None) -> list[ToneWarning]:
    global _loaded
    if not _loaded:
        _loaded = True
        if before_check is not None:
            before_check()
    from triage.engine.tone_check import _check_text
    from triage.engine.tone_load import _packaged_rules

    return _check_text(text, _packaged_rules() if rules is None else rules)


# -- what is kept: offsets and the rules' own words, never the paragraph's ---------------


def _words(text: str, start: int, end: int) -> str:
    """Words as a finding gives them (runs of whitespace as one space)."""
    return " ".join(text[start:end].split())


def _span_of(text: str, words: str, start: int) -> tuple[int, int] | None:
    """Where ``words`` (as :func:`_words` gives them) are written in ``text``, from ``start``
    on (the first place); None if nowhere."""
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words.split(" "))
    match = re.compile(pattern).search(text, start)
    return None if match is None else match.span()


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _kept_form(text: str, found: list[ToneWarning]) -> tuple[Any, ...] | None:
    """``found`` as kept for ``text``, or None when some finding cannot be made again from
    that form exactly as it is."""
    if not found:
        return ()
    lines = _line_starts(text)
    kept = []
    sentences: tuple[list[int], list[int]] | None = None
    for warning in found:
        if not 0 < warning.line <= len(lines):
            return None
        at = lines[warning.line - 1] + warning.column - 1
        matched = _span_of(text, warning.matched, at)
        if matched is None or matched[0] != at:
            return None
        cues = []
        for cue in warning.cues:
            span = _span_of(text, cue, 0)
            if span is None:
                return None
            cues.append(span)
        said, rewrite, _rest = warning.suggestion.partition(_REWRITE)
        sentence: tuple[int, int] | None = None
        if rewrite:
            if sentences is None:
                from triage.engine.tone_text import _normalise, _sentence_starts

                _flat, index, breaks = _normalise(text)
                sentences = (index, _sentence_starts(_flat, breaks))
            index, starts = sentences
            lo = bisect.bisect_left(index, at)
            number = bisect.bisect_right(starts, lo) - 1
            end = starts[number + 1] if number + 1 < len(starts) else len(index) - 1
            sentence = (index[starts[number]], index[end - 1] + 1)
        kept.append(
            (
                warning.line,
                warning.column,
                matched,
                warning.category,
                warning.explanation,
                said,
                sentence,
                warning.rule,
                tuple(cues),
            )
        )
    form = tuple(kept)
    if _from_kept(text, form) != found:
        return None
    return form


def _from_kept(text: str, kept: Any) -> list[ToneWarning] | None:
    """The warnings :func:`_kept_form` kept for ``text``; None for anything not such a form."""
    if type(kept) is not tuple:
        return None
    found: list[ToneWarning] = []
    for item in kept:
        if type(item) is not tuple or len(item) != 9:
            return None
        line, column, matched, category, explanation, said, sentence, rule, cues = item
        if not (
            type(line) is int
            and type(column) is int
            and _is_span(matched, text)
            and type(category) is str
            and type(explanation) is str
            and type(said) is str
            and (sentence is None or _is_span(sentence, text))
            and type(rule) is str
            and type(cues) is tuple
            and all(_is_span(cue, text) for cue in cues)
        ):
            return None
        words = _words(text, *matched)
        suggestion = said
        if sentence is not None:
            from triage.engine.tone_suggest import _without

            rewrite = _without(_words(text, *sentence), words)
            if rewrite is None:
                return None
            suggestion = f'{said}{_REWRITE}{rewrite}"'
        found.append(
            ToneWarning(
                line=line,
                column=column,
                matched=words,
                category=category,
                explanation=explanation,
                suggestion=suggestion,
                rule=rule,
                cues=tuple(_words(text, *cue) for cue in cues),
            )
        )
    return found


def _is_span(value: Any, text: str) -> bool:
    return (
        type(value) is tuple
        and len(value) == 2
        and type(value[0]) is int
        and type(value[1]) is int
        and 0 <= value[0] <= value[1] <= len(text)
    )
