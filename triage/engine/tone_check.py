"""Checking one text against the tone rules: :func:`check_text`."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from typing import Any, NamedTuple

from triage.engine import tone_clauses
from triage.engine.tone_later import prepared_for
from triage.engine.tone_pieces import PieceIndex
from triage.engine.tone_rule import ToneRule, ToneWarning
from triage.engine.tone_scan import (
    _ASCII_LOWER,
    _PIECES_FROM,
    _anchors,
    _pair,
    _Pieces,
    _scan,
)
from triage.engine.tone_suggest import suggestion_for
from triage.engine.tone_text import _NEWLINE, _nearest, _normalise, _sentence_starts, _vetoed

__all__ = ["check_text"]


def _caseless_beyond_ascii(text: str) -> bool:
    """No letter outside ASCII has another case: lowering the ASCII letters then gives
    exactly what IGNORECASE would match."""
    return all(c.isascii() or c.lower() == c.upper() == c for c in set(text))


@functools.lru_cache(maxsize=8)
def _anchor_index(patterns: tuple[str, ...]) -> PieceIndex:
    """Every anchor of these patterns (the rules' scans), indexed to find at once which a
    text holds."""
    return PieceIndex(anchor for pattern in patterns for anchor in _anchors(pattern))


class _Prepared(NamedTuple):
    """What check_text works out from a rules list alone, once per list."""

    rules: tuple[ToneRule, ...]
    anchor_index: PieceIndex  # every anchor of the rules' scans, to find at once which a text holds
    by_anchor: dict[str, tuple[int, ...]]  # an anchor -> the rules (by order) that need it
    always: tuple[int, ...]  # the rules with no anchor: scanned in every text
    scanned: tuple[int, ...]  # every rule that scans (not a reading), in order
    readings: dict[str, tuple[int, ToneRule]]  # the first rule of each reading


_prepared: _Prepared | None = None


def _prepare(rules: list[ToneRule]) -> _Prepared:
    """The anchors of ``rules``, indexed, and which rules each anchor lets through: a text's
    anchors then name the few rules worth scanning, instead of every rule testing its own
    anchors (a loop over all of them took about a third of the check on a short answer).
    Worked out again only when the list holds other rules (compared element by element,
    identity first, so the same list costs a pointer comparison per rule)."""
    global _prepared
    snapshot = tuple(rules)
    if _prepared is not None and _prepared.rules == snapshot:
        return _prepared
    kept = prepared_for(rules, snapshot)  # rules kept between runs: worked out with them
    if kept is not None:
        _prepared = _from_kept(rules, snapshot, kept)
    else:
        by_anchor: dict[str, list[int]] = {}
        always: list[int] = []
        scanned: list[int] = []
        readings: dict[str, tuple[int, ToneRule]] = {}
        for order, rule in enumerate(rules):
            if rule.reading:
                readings.setdefault(rule.reading, (order, rule))
                continue
            scanned.append(order)
            anchors = _anchors(rule.bounded)
            if not anchors:
                always.append(order)
            for anchor in anchors:
                by_anchor.setdefault(anchor, []).append(order)
        patterns = tuple(rules[order].bounded for order in scanned)
        _prepared = _Prepared(
            snapshot,
            _anchor_index(patterns),
            {anchor: tuple(orders) for anchor, orders in by_anchor.items()},
            tuple(always),
            tuple(scanned),
            readings,
        )
    return _prepared


def _from_kept(
    rules: list[ToneRule], snapshot: tuple[ToneRule, ...], kept: tuple[Any, ...]
) -> _Prepared:
    """What :func:`_prepare` worked out for ``rules`` when they were kept between runs."""
    by_anchor, always, scanned, readings, (by_triple, short) = kept
    return _Prepared(
        snapshot,
        PieceIndex.from_kept(by_triple, short),
        by_anchor,
        always,
        scanned,
        {reading: (order, rules[order]) for reading, order in readings.items()},
    )


def check_text(text: str, rules: list[ToneRule] | None = None) -> list[ToneWarning]:
    """Return a warning for every phrase in ``text`` that a rule flags, in reading order.

    A phrase broken across lines is still found; ``matched`` gives the words as
    written (line breaks and runs of spaces shown as one space). When two rules of the
    same category flag overlapping words, only the first, longer one is kept; a finding
    made of cues gives way to any plain one of its category that it overlaps.

    Each paragraph (a list item is one) is read on its own: a paragraph break ends a
    sentence, and nothing of one paragraph changes what is found in another. In a headless
    run (while a code-cache bundle is open), each paragraph's findings are kept in the
    run's bundle, without its text (see :mod:`triage.engine.tone_units`), so a draft
    whose answers changed has only its changed paragraphs read again.
    """
    from triage.engine import tone_units

    return tone_units.check_text(text, rules)


def _check_text(text: str, rules: list[ToneRule]) -> list[ToneWarning]:
    """:func:`check_text` of one paragraph (or of a whole text, read as one), worked out."""
    flat, index, breaks = _normalise(text)
    starts = _sentence_starts(flat, breaks)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def words(lo: int, hi: int) -> str:
        return " ".join(text[index[lo] : index[hi - 1] + 1].split())

    def suggestion(rule: ToneRule, lo: int, matched: str) -> str:
        """The rule's advice, with the flagged sentence rewritten where it can be."""
        number = bisect.bisect_right(starts, lo) - 1
        end = starts[number + 1] if number + 1 < len(starts) else len(flat)
        return suggestion_for(
            rule.suggestion, words(starts[number], end), matched, lambda t: not check_text(t, rules)
        )

    spans_of: dict[str, list[tuple[int, int]]] = {}  # rules that share a pattern scan once
    # ASCII letters lowered once, so most rules scan without IGNORECASE (same spans)
    lowered = flat.translate(_ASCII_LOWER) if _caseless_beyond_ascii(flat) else None
    # a long text is scanned piece by piece where that can be done (a short one, whole)
    pieces = _Pieces(lowered) if lowered is not None and len(lowered) > _PIECES_FROM else None
    # which of the rules' anchors the text holds, found for all of them at once: a rule none
    # of whose anchors is there cannot match (a word it needs is missing), so it is not read
    prepared = _prepare(rules)
    orders: Iterable[int] = prepared.scanned
    if lowered is not None:
        live = set(prepared.always)
        for anchor in prepared.anchor_index.held(lowered):
            live.update(prepared.by_anchor.get(anchor, ()))
        orders = sorted(live)
    found: list[tuple[int, int, int, ToneWarning]] = []
    readings = prepared.readings  # the rules that read sentences, by reading
    for order in orders:
        rule = rules[order]
        if rule.bounded not in spans_of:
            spans_of[rule.bounded] = _scan(rule.bounded, flat, lowered, pieces)
        spans = spans_of[rule.bounded]
        if not spans:
            continue
        # the rest of the rule's patterns, only now that it has something to look at
        before_re, after_re, needed_re, veto, paragraph = (
            _pair(text, flat, lowered) if text else None for text in rule.contexts
        )
        cues = [_pair(cue, flat, lowered) for cue in rule.also_bounded]
        vetoed: dict[int, bool] = {}  # by sentence: whether the sentence (or its paragraph) vetoes
        for start, end in spans:
            sentence = bisect.bisect_right(starts, start) - 1
            sentence_start = starts[sentence]
            sentence_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(flat)
            if before_re is not None and before_re[0].search(before_re[1][sentence_start:start]):
                continue
            after_end = max(end, sentence_end)
            if after_re is not None and after_re[0].search(after_re[1][end:after_end]):
                continue
            if needed_re is not None and not needed_re[0].search(needed_re[1][end:after_end]):
                continue
            near, far = sentence_start, sentence_end
            if rule.nearby_sentences:  # sentences either side, within the paragraph
                paragraph_no = bisect.bisect_right(breaks, start)
                near = max(
                    starts[max(0, sentence - rule.nearby_sentences)],
                    breaks[paragraph_no - 1] if paragraph_no else 0,
                )
                last = sentence + rule.nearby_sentences + 1
                far = min(
                    starts[last] if last < len(starts) else len(flat),
                    breaks[paragraph_no] - 1 if paragraph_no < len(breaks) else len(flat),
                )
            found_spans = [(start, end)]
            for cue_re, cue_text in cues:
                cue = _nearest(cue_re, cue_text, near, start, end, far)
                if cue is None:
                    break
                if not start <= cue.start() < end:  # a cue inside the match adds no words
                    found_spans.append(cue.span())
            else:
                if sentence not in vetoed:
                    vetoed[sentence] = _vetoed(veto, paragraph, breaks, near, far)
                if vetoed[sentence]:
                    continue
                found_spans.sort()
                lo, hi = found_spans[0][0], max(e for _s, e in found_spans)
                first = index[lo]
                line = bisect.bisect_right(line_starts, first) - 1
                matched = words(lo, hi)
                warning = ToneWarning(
                    line=line + 1,
                    column=first - line_starts[line] + 1,
                    matched=matched,
                    category=rule.category,
                    explanation=rule.explanation,
                    suggestion=suggestion(rule, lo, matched),
                    rule=rule.id,
                    cues=tuple(words(s, e) for s, e in found_spans) if rule.also_bounded else (),
                )
                found.append((lo, hi, order, warning))
    if readings:
        low = lowered if lowered is not None else flat.translate(_ASCII_LOWER)
        for reading in tone_clauses.read(low, starts, breaks, frozenset(readings)):
            order, rule = readings[reading.name]
            first = index[reading.start]
            line = bisect.bisect_right(line_starts, first) - 1
            matched = words(reading.start, reading.end)
            warning = ToneWarning(
                line=line + 1,
                column=first - line_starts[line] + 1,
                matched=matched,
                category=rule.category,
                explanation=rule.explanation,
                suggestion=suggestion(rule, reading.start, matched),
                rule=rule.id,
                cues=tuple(words(s, e) for s, e in reading.cues),
            )
            found.append((reading.start, reading.end, order, warning))
    if any(item[3].category == "blame" for item in found):
        # blame in our own words taken back, or in a commitment of ours, is not blame
        from triage.engine import tone_stance  # with the readings, only when a check needs it

        low = lowered if lowered is not None else flat.translate(_ASCII_LOWER)
        found = [
            item
            for item in found
            if item[3].category != "blame" or not tone_stance.excused(low, starts, *item[:2])
        ]
    if found:
        # a finding whose frame shows it is meant kindly (thanks for their patience while we
        # looked into it, a notice under the contract given with thanks) is not reported
        from triage.engine import tone_frames, tone_signals, tone_sincere, tone_who

        low = lowered if lowered is not None else flat.translate(_ASCII_LOWER)
        found = [
            item
            for item in found
            if not tone_frames.cleared(
                low, starts, breaks, item[0], item[1], item[3].rule, item[3].category
            )
            and not tone_who.cleared(low, starts, item[0], item[1], item[3].rule, item[3].category)
            and not tone_signals.cleared(
                low, starts, item[0], item[1], item[3].rule, item[3].category
            )
            and not tone_sincere.cleared(
                low, starts, item[0], item[1], item[3].rule, item[3].category
            )
        ]
    # plain findings first, in reading order, then findings of cues where nothing overlaps
    found.sort(key=lambda item: (bool(item[3].cues), item[0], -item[1], item[2]))
    kept: list[tuple[int, int, int, ToneWarning]] = []
    for item in found:
        overlaps = any(
            k[3].category == item[3].category and item[0] < k[1] and k[0] < item[1] for k in kept
        )
        if not overlaps:
            kept.append(item)
    kept.sort(key=lambda item: (item[0], -item[1], item[2]))
    return [item[3] for item in kept]
