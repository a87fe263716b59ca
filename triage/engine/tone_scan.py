"""How the tone rules' patterns are scanned quickly: lowered text, rough patterns, anchors.

A rule's pattern is matched ignoring case with word boundaries at both ends. To keep a
check cheap, most patterns are scanned in text whose ASCII letters are lowered (no
IGNORECASE), a pattern that needs a word the text lacks is not scanned at all (nor
compiled: see :func:`_requirements`), and a long text is scanned only in the pieces
between full stops that hold one of a pattern's anchors. Every way finds the same spans;
``tests/test_tone.py`` and ``tests/test_tone_prefilter.py`` check it.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from triage.engine import codecache

__all__: list[str] = []


def _bounded(pattern: str) -> str:
    """A rule's pattern as matched: whole words only."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ESCAPE_OR_CAPITALS = re.compile(r"\\.|[A-Z]+", re.DOTALL)
# An escape that may stand for a capital letter ("\x59", "\u0059", "\N{...}", "\131"): a
# pattern holding one is never lowered (lowering cannot reach it), and scans as it is.
_LETTER_ESCAPE = re.compile(r"\\(?:[xuUN0]|[1-7][0-7]{2})")
# Compiled patterns, made (or read from the cache) when first needed and kept for the process:
_REGEXES: dict[str, re.Pattern[str]] = {}  # a pattern as matched, ignoring case
_LOWERED: dict[str, str] = {}  # a pattern -> the same for lowered text ('' when there is none)
_FAST: dict[str, re.Pattern[str] | None] = {}  # a lowered pattern, compiled (None: it is not valid)
# Programs read from the cache (see tone_load), made into regexes only when a scan needs one:
# most rules are never scanned in a run, their words being absent from every text.
_PROGRAMS: dict[tuple[str, int], tuple[Any, ...]] = {}
# The same, still in the cache's file: read (each on its own) only when a scan needs it.
_LATER: dict[tuple[str, int], tuple[codecache.Parts, int]] = {}


def _regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, ignoring case."""
    regex = _REGEXES.get(pattern)
    if regex is None:
        regex = _REGEXES[pattern] = _kept_or_compiled(pattern, re.IGNORECASE)
    return regex


def _kept_or_compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` from its kept program when there is one that loads, else compiled (or
    read from the cache) as :func:`codecache.regex` does; raises ``re.error`` as it does.
    A lowered or rough scan is compiled from the tree :func:`_parsed` read it into (its
    anchors and requirements were worked out from that tree just before, on a first run)."""
    program = _PROGRAMS.pop((pattern, flags), None)
    if program is None:
        later = _LATER.pop((pattern, flags), None)
        if later is not None:
            kept = later[0].get(later[1])
            program = kept if type(kept) is tuple and len(kept) == 5 else None
    if program is not None:
        compiled = codecache.from_program(pattern, flags, program)
        if compiled is not None:
            return compiled
    return codecache.regex(pattern, flags, None if flags else lambda: _parsed(pattern))


def _lower_unless_escape(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if text.startswith("\\") else text.lower()


def _lowered_pattern(pattern: str) -> str:
    """The same pattern, to match without IGNORECASE in text whose ASCII letters are lowered:
    about twice as fast to scan. '' when it cannot be made so (a part that matches case, an
    escape that may stand for a letter, an upper-case inline flag): the rule then scans as
    it is."""
    lowered = _LOWERED.get(pattern)
    if lowered is None:
        lowered = ""
        # A part that turns case back on ("(?-i:...)" for a capital) must keep its case.
        if "(?-i" not in pattern and "(?i" not in pattern and not _LETTER_ESCAPE.search(pattern):
            lowered = _ESCAPE_OR_CAPITALS.sub(_lower_unless_escape, pattern)
        _LOWERED[pattern] = lowered
    return lowered


def _fast(pattern: str) -> re.Pattern[str] | None:
    """:func:`_lowered_pattern` compiled, or None."""
    return _compiled_or_none(_lowered_pattern(pattern))


def _compiled_or_none(pattern: str) -> re.Pattern[str] | None:
    """A lowered or rough pattern compiled once per process; None for '' or when it does
    not compile (the rule then scans as written)."""
    if not pattern:
        return None
    if pattern not in _FAST:
        try:
            _FAST[pattern] = _kept_or_compiled(pattern, 0)
        except re.error:
            _FAST[pattern] = None
    return _FAST[pattern]


_ROUGH: dict[str, str] = {}  # a pattern -> a looser one for lowered text ('' when there is none)
# The parts of a pattern that match case, which a rough pattern may lower: a capitalised
# word, an acronym from a list, a lower-case letter. Lowered, each still matches (in the
# lowered text) everything it matched before, and a little more.
_CASED_GROUP = re.compile(r"\(\?-i:((?:[^()\\]|\\.)*)\)")
_LOOSENS_SAFELY = re.compile(r"\[A-Z\]\[a-z\]\+|\[a-z\]|[A-Za-z|]+")


def _rough_pattern(pattern: str) -> str:
    """For a pattern that cannot be lowered only because of parts that match case: the
    pattern lowered anyway. In lowered text it matches wherever the pattern matches in the
    text (and perhaps elsewhere), so it finds where to try the pattern itself: see
    :func:`_scan`. '' for any other pattern."""
    rough = _ROUGH.get(pattern)
    if rough is None:
        rough = ""
        groups = _CASED_GROUP.findall(pattern)
        if (
            groups
            and not _lowered_pattern(pattern)
            and not _LETTER_ESCAPE.search(pattern)
            and "(?i" not in pattern
            and pattern.count("(?-i") == len(groups)
            and all(_LOOSENS_SAFELY.fullmatch(group) for group in groups)
        ):
            rough = _ESCAPE_OR_CAPITALS.sub(_lower_unless_escape, pattern)
        _ROUGH[pattern] = rough
    return rough


def _rough(pattern: str) -> re.Pattern[str] | None:
    """:func:`_rough_pattern` compiled, or None."""
    return _compiled_or_none(_rough_pattern(pattern))


def _scan(
    pattern: str, flat: str, lowered: str | None, pieces: _Pieces | None = None
) -> list[tuple[int, int]]:
    """Where ``pattern`` matches in ``flat`` (ignoring case), as ``finditer`` finds them.

    With lowered text: the lowered pattern there when it has one (with ``pieces`` of that
    text, only in the pieces that hold one of its anchors, when it can never match a full
    stop, "!" or "?": see :class:`_Pieces`); else, when it has a rough one, the pattern
    itself only where the rough one matches (it cannot match anywhere else), which is much
    quicker than reading the whole text ignoring case.

    With lowered text, a pattern that needs words the text lacks (see
    :func:`_requirements`) is neither compiled nor scanned: it cannot match."""
    if lowered is not None:
        needs = _requirements(pattern)
        if needs and not _may_match(needs, lowered):
            return []
        quick = _fast(pattern)
        if quick is not None:
            if pieces is not None and _within_a_sentence(pattern) and _anchors(pattern):
                return pieces.spans(quick, _anchors(pattern))
            return [m.span() for m in quick.finditer(lowered)]
        rough = _rough(pattern)
        if rough is not None:
            exact = _regex(pattern)
            spans: list[tuple[int, int]] = []
            position = 0
            while (candidate := rough.search(lowered, position)) is not None:
                at = candidate.start()
                match = exact.match(flat, at)
                if match is None:
                    position = at + 1
                elif match.end() == at:  # an empty match: leave the stepping to finditer
                    return [m.span() for m in exact.finditer(flat)]
                else:
                    spans.append(match.span())
                    position = match.end()
            return spans
    return [m.span() for m in _regex(pattern).finditer(flat)]


class _Pieces:
    """Lowered text cut where a sentence may end (at each ".", "!" and "?"), and which pieces
    hold a given anchor. A match of a pattern that can never match those characters lies
    within one piece, and holds one of the pattern's anchors (see :func:`_anchors`), so it
    is found by scanning only the pieces that hold one: the same spans as scanning the whole
    text (a look-behind still sees the text before a piece, and the character after it is
    no more a word character than the end of the text), at a fraction of the cost."""

    def __init__(self, lowered: str) -> None:
        self.lowered = lowered
        ends = [m.start() for m in _STOPS.finditer(lowered)]
        self.starts = [0, *(end + 1 for end in ends)]
        self.ends = [*ends, len(lowered)]
        self._holding: dict[str, frozenset[int]] = {}

    def _pieces_with(self, anchor: str) -> frozenset[int]:
        held = self._holding.get(anchor)
        if held is None:
            found: set[int] = set()
            at = self.lowered.find(anchor)
            while at != -1:
                piece = bisect.bisect_right(self.starts, at) - 1
                found.add(piece)
                at = self.lowered.find(anchor, max(at + 1, self.ends[piece]))
            held = self._holding[anchor] = frozenset(found)
        return held

    def spans(self, regex: re.Pattern[str], anchors: tuple[str, ...]) -> list[tuple[int, int]]:
        pieces = sorted(set().union(*(self._pieces_with(anchor) for anchor in anchors)))
        spans: list[tuple[int, int]] = []
        first = 0
        for at, piece in enumerate(pieces):  # neighbouring pieces are scanned as one
            if at + 1 < len(pieces) and pieces[at + 1] == piece + 1:
                continue
            start, end = self.starts[pieces[first]], self.ends[piece]
            spans.extend(m.span() for m in regex.finditer(self.lowered, start, end))
            first = at + 1
        return spans


_STOPS = re.compile(r"[.!?]")
_PIECES_FROM = 2000  # characters: below this, finding the pieces costs more than it saves
_WITHIN: dict[str, bool] = {}  # a pattern -> whether its lowered scan can never match . ! ?
# What a pattern may contain and still never match ".", "!" or "?" (nor look past them).
_WORDLIKE_CATEGORIES = ("CATEGORY_WORD", "CATEGORY_SPACE", "CATEGORY_DIGIT")
_HARMLESS_AT = ("AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING")


def _within_a_sentence(pattern: str) -> bool:
    """Whether the lowered scan of ``pattern`` can never match ".", "!" or "?", nor look
    at what follows them (no "$"): each of its matches then lies within one :class:`_Pieces`
    piece. False when unsure."""
    within = _WITHIN.get(pattern)
    if within is None:
        scan = _lowered_pattern(pattern)
        within = False
        if scan:
            try:
                within = _never_a_stop(_parsed(scan))
            except Exception:  # not the parser as we know it: scan the whole text
                within = False
        _WITHIN[pattern] = within
    return within


@functools.lru_cache(maxsize=4)
def _parsed(scan: str) -> Any:
    """``scan`` read by the parser of ``re``: once for the three readings of a rule's scan
    (:func:`_within_a_sentence`, :func:`_anchors`, :func:`_requirements`), which are worked
    out one after the other when its rules are first loaded."""
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(scan, 0)


def _never_a_stop(parsed: Any) -> bool:
    from re import _constants as sre  # type: ignore[attr-defined]

    stops = {ord(c) for c in ".!?"}
    for op, av in parsed.data if hasattr(parsed, "data") else parsed:
        if op is sre.LITERAL:
            if av in stops:
                return False
        elif op is sre.IN:
            for item, value in av:
                if item is sre.LITERAL:
                    if value in stops:
                        return False
                elif item is sre.RANGE:
                    if any(value[0] <= stop <= value[1] for stop in stops):
                        return False
                elif item is not sre.CATEGORY or str(value) not in _WORDLIKE_CATEGORIES:
                    return False  # a negated set, or a category that holds punctuation
        elif op is sre.AT:
            if str(av) not in _HARMLESS_AT:
                return False
        elif op is sre.SUBPATTERN:
            if not _never_a_stop(av[-1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _never_a_stop(av[2]):
                return False
        elif op is sre.BRANCH:
            if not all(_never_a_stop(branch) for branch in av[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _never_a_stop(av[1]):
                return False
        else:  # any character, a negated literal, a back-reference, ...: unsure
            return False
    return True


_ANCHORS: dict[str, tuple[str, ...]] = {}  # a pattern -> words one of which any match holds
_MAX_ANCHORS = 60


def _anchors(pattern: str) -> tuple[str, ...]:
    """Pieces of lowered text of which every match of ``pattern`` (scanned lowered, as
    :func:`_scan` does) holds at least one, or () when there are none worth checking. A rule
    whose anchors are all missing from a text cannot match it, so it is not scanned."""
    anchors = _ANCHORS.get(pattern)
    if anchors is None:
        anchors = ()
        scan = _lowered_pattern(pattern) or _rough_pattern(pattern)
        if scan:
            try:
                found = _required(_parsed(scan))
            except Exception:  # not the parser as we know it: scan every time
                found = None
            if found and min(map(len, found)) >= 2 and len(found) <= _MAX_ANCHORS:
                shortest: list[str] = []
                for piece in sorted(found, key=len):  # a piece holding another adds nothing
                    if not any(known in piece for known in shortest):
                        shortest.append(piece)
                anchors = tuple(shortest)
        _ANCHORS[pattern] = anchors
    return anchors


# A pattern -> what its matches need (see _requirements): the alternatives, each a list of
# groups of pieces of text; every match holds one piece of every group of one alternative.
_Needs = tuple[tuple[tuple[str, ...], ...], ...]
_REQUIREMENTS: dict[str, _Needs] = {}
_MAX_CHECKS = 30  # pieces looked for to rule a pattern out: beyond this, scanning is cheaper
_MAX_GROUP = 400


def _requirements(pattern: str) -> _Needs:
    """What a match of ``pattern`` (scanned lowered, as :func:`_scan` does) needs: for a
    pattern of alternatives, "you (?:ignored|failed) us|we (?:were|felt) ignored", one
    entry per alternative (groups "you ", " us" and "failed" or "ignored"; groups "we ",
    " ignored" and "felt" or "were"), and for any other pattern one entry. A match holds
    at least one piece of each group of some entry, so a text lacking that for every entry
    cannot match (:func:`_may_match`). () when that is not worth looking for (a pattern not
    scanned lowered, one the parser cannot read, an alternative that needs nothing, or more
    pieces to look for than a scan costs): the pattern is then always scanned."""
    found = _REQUIREMENTS.get(pattern)
    if found is None:
        found = ()
        scan = _lowered_pattern(pattern) or _rough_pattern(pattern)
        if scan:
            try:
                found = _tidy(_alternatives(_parsed(scan)))
            except Exception:  # not the parser as we know it: scan every time
                found = ()
        _REQUIREMENTS[pattern] = found
    return found


def _may_match(needs: _Needs, lowered: str) -> bool:
    """Whether ``lowered`` holds a piece of each group of one of ``needs``' entries."""
    for groups in needs:
        for pieces in groups:
            for piece in pieces:
                if piece in lowered:
                    break
            else:
                break  # nothing of this group: not this alternative
        else:
            return True
    return False


def _alternatives(parsed: Any) -> list[list[frozenset[str]]]:
    """The groups of each alternative of a parsed pattern (look-arounds and anchors at its
    ends aside, which add nothing); one alternative when it is not an alternation."""
    from re import _constants as sre  # type: ignore[attr-defined]

    core = [(op, av) for op, av in parsed.data if op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT)]
    if len(core) == 1 and core[0][0] is sre.SUBPATTERN:
        return _alternatives(core[0][1][-1])
    if len(core) == 1 and core[0][0] is sre.BRANCH:
        return [groups for item in core[0][1][1] for groups in _alternatives(item)]
    return [_all_required(parsed)]


def _tidy(alternatives: list[list[frozenset[str]]]) -> _Needs:
    """:func:`_requirements` from what :func:`_alternatives` found: groups too common or
    too large to look for dropped, pieces that hold another dropped (the other suffices),
    the alternatives that need one group only merged into one, the cheapest groups first."""
    entries: list[list[tuple[str, ...]]] = []
    single: set[str] = set()
    for groups in alternatives:
        kept = [_shortest(g) for g in groups if min(map(len, g)) >= 2 and len(g) <= _MAX_GROUP]
        if not kept:
            return ()  # an alternative that needs nothing we can look for
        if len(kept) == 1:
            single.update(kept[0])
        else:
            entries.append(sorted(set(kept), key=lambda g: (len(g), -min(map(len, g)), g)))
    if single:
        entries.insert(0, [_shortest(frozenset(single))])
    if sum(len(groups[0]) for groups in entries) > _MAX_CHECKS:
        return ()
    return tuple(tuple(groups) for groups in entries)


def _shortest(group: frozenset[str]) -> tuple[str, ...]:
    """``group`` without the pieces that hold another of its pieces, in a fixed order."""
    shortest: list[str] = []
    for piece in sorted(group, key=lambda p: (len(p), p)):
        if not any(known in piece for known in shortest):
            shortest.append(piece)
    return tuple(shortest)


def _all_required(parsed: Any) -> list[frozenset[str]]:
    """Every group of strings one of which each match of a parsed pattern holds (each
    match holds one of every group): runs of plain characters, what a group or a repeat of
    at least once needs, and for an alternation one group (what its branches need, each
    branch its most telling group). A part that can be skipped, or is not plain text
    (a class of characters, a look-around, a back-reference), adds nothing."""
    from re import _constants as sre  # type: ignore[attr-defined]

    groups: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in parsed.data:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN:
            groups += _all_required(av[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            groups += _all_required(av[2])
        elif op is sre.BRANCH:
            union: set[str] = set()
            for item in av[1]:
                need = _required(item)
                if need is None:
                    break
                union |= need
            else:
                groups.append(frozenset(union))
    if run:
        groups.append(frozenset(["".join(run)]))
    return groups


def _required(parsed: Any) -> frozenset[str] | None:
    """Strings one of which every match of a parsed pattern holds, or None when unsure.

    Runs of plain characters must appear as they are; a group, or a repeat of at least
    once, needs what its content needs; an alternation needs one of what its branches
    need. Of a sequence's parts, the one with the longest and fewest strings is kept."""
    from re import _constants as sre  # type: ignore[attr-defined]

    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _anchor_score(candidate) > _anchor_score(best)):
            best = candidate

    run: list[str] = []
    for op, av in parsed.data:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN:
            consider(_required(av[-1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
        elif op is sre.BRANCH:
            union: set[str] = set()
            for item in av[1]:
                need = _required(item)
                if need is None:
                    break
                union |= need
            else:
                consider(frozenset(union))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _anchor_score(strings: frozenset[str]) -> tuple[int, int]:
    return (min(len(s) for s in strings) if strings else 0, -len(strings))


def _pair(pattern: str, flat: str, lowered: str | None) -> tuple[re.Pattern[str], str]:
    """The regex to search for ``pattern`` with and the text to search: the lowered text
    when there is one and the pattern can be lowered, else ``flat`` ignoring case. Both
    texts have the same length, so a position in one is the same in the other."""
    if lowered is not None:
        quick = _fast(pattern)
        if quick is not None:
            return quick, lowered
    return _regex(pattern), flat
