"""Tone check for outgoing drafts.

Rules live in TOML (the packaged ``tone-rules.toml`` beside this module, plus any
files a team adds). Each rule is a case-insensitive regular expression with word
boundaries added at both ends, a category, an explanation and a suggested rewrite.
A pattern may name a word list as ``{you}``; the lists live under ``[words]``. A rule
may also look at the rest of its sentence: ``unless_preceded_by`` and
``unless_followed_by`` cancel a match, ``only_if_followed_by`` must be found after it,
``unless_in_sentence`` and ``unless_in_paragraph`` cancel it when found anywhere in its
sentence or paragraph. A rule of cues finds a kind of wording by its parts, in any order:
``also_in_sentence`` names other cues that must all be in the same sentence (or within
``nearby_sentences`` of it), such as "our solicitors" with "so they have the full
history", and the phrase reported runs from the first cue to the last.
See docs/tone-check.md.

    >>> rules = load_rules()
    >>> [w.matched for w in check_text("You always reply late.", rules)]
    ['You always']

:func:`check_outputs` checks a case's rendered drafts, :func:`check_answers` the typed
answers that flow into them, and :func:`check_case` both at once. No UI imports here:
both front ends and the command line use this module.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.engine import codecache, tone_clauses
from triage.engine.formats import tone as declared

if TYPE_CHECKING:
    from triage.engine.model import OutputSpec, Playbook, Question
    from triage.engine.session import Session

__all__ = [
    "DEFAULT_RULES_PATH",
    "RULES_ENV",
    "Finding",
    "ToneRule",
    "ToneWarning",
    "check_answers",
    "check_case",
    "check_outputs",
    "check_session",
    "check_text",
    "configured_rules",
    "draft_text",
    "is_draft",
    "load_rules",
]

DEFAULT_RULES_PATH = Path(__file__).with_name("tone-rules.toml")
RULES_ENV = "TRIAGE_TONE_RULES"  # extra rules files, separated like PATH

# The file's keys are declared once, in triage.engine.formats.tone (also its JSON Schema).
_ID_RE = re.compile(declared.ID_PATTERN)
_WORDS_NAME_RE = re.compile(declared.WORDS_NAME_PATTERN)
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_TEXT_KEYS = declared.TEXT_KEYS
_CONTEXT_KEYS = declared.CONTEXT_KEYS
_ALSO_KEY = declared.ALSO_KEY
_NEARBY_KEY = declared.NEARBY_KEY
_MAX_NEARBY = declared.MAX_NEARBY
_READING_KEY = declared.READING_KEY


@dataclass(frozen=True)
class ToneRule:
    """One tone rule as loaded from a rules file (word lists already filled in)."""

    id: str
    category: str
    pattern: str
    explanation: str
    suggestion: str
    source: str = ""
    unless_preceded_by: str = ""
    unless_followed_by: str = ""
    only_if_followed_by: str = ""
    unless_in_sentence: str = ""
    unless_in_paragraph: str = ""
    also_in_sentence: tuple[str, ...] = ()
    nearby_sentences: int = 0
    reading: str = ""  # a reading of each sentence (tone_clauses) instead of a pattern
    # the patterns as matched: whole words only (see _bounded)
    bounded: str = field(default="", repr=False, compare=False)
    also_bounded: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.bounded:
            object.__setattr__(self, "bounded", _bounded(self.pattern))
        if len(self.also_bounded) != len(self.also_in_sentence):
            object.__setattr__(self, "also_bounded", tuple(map(_bounded, self.also_in_sentence)))

    @property
    def contexts(self) -> tuple[str, str, str, str, str]:
        """The five context patterns, in the order of ``_CONTEXT_KEYS`` ('' when unset)."""
        return (
            self.unless_preceded_by,
            self.unless_followed_by,
            self.only_if_followed_by,
            self.unless_in_sentence,
            self.unless_in_paragraph,
        )

    @property
    def regex(self) -> re.Pattern[str]:
        """The pattern, compiled (ignoring case); compiled when first asked for."""
        return _regex(self.bounded)

    @property
    def context(self) -> tuple[re.Pattern[str] | None, ...]:
        return tuple(_regex(text) if text else None for text in self.contexts)

    @property
    def also(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_regex(cue) for cue in self.also_bounded)


@dataclass(frozen=True)
class ToneWarning:
    """A phrase in a text that a rule flagged. ``line`` and ``column`` are 1-based.

    For a rule of cues (``also_in_sentence``), ``matched`` runs from the first cue to the
    last, and ``cues`` gives each cue's words as written, in reading order.
    """

    line: int
    column: int
    matched: str
    category: str
    explanation: str
    suggestion: str
    rule: str = ""
    cues: tuple[str, ...] = ()

    def __str__(self) -> str:
        return (
            f'{self.line}:{self.column}: {self.category}: "{self.matched}" - '
            f"{self.explanation} Try: {self.suggestion}"
        )


# -- loading rules -------------------------------------------------------------------------


def _fail(source: str, rule: str | None, problem: str) -> ValueError:
    where = f"tone rules file {source}"
    if rule:
        where += f", rule {rule}"
    return ValueError(f"In {where}: {problem}.")


def _expand(pattern: str, words: Mapping[str, list[str]], source: str, label: str) -> str:
    """``pattern`` with each ``{name}`` replaced by its word list as one group."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            raise _fail(
                source, label, f"the pattern uses {{{name}}}, but no [words] list has that name"
            )
        return "(?:" + "|".join(words[name]) + ")"

    for _ in range(6):  # word lists may use other lists; a loop is an error
        expanded = _PLACEHOLDER.sub(fill, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise _fail(source, label, "its word lists refer to each other in a loop")


def _bounded(pattern: str) -> str:
    """A rule's pattern as matched: whole words only."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def _compile(pattern: str, source: str, label: str) -> re.Pattern[str]:
    try:
        regex = codecache.regex(_bounded(pattern), re.IGNORECASE)
    except re.error as exc:
        raise _fail(
            source, label, f"the pattern is not a valid regular expression ({exc})"
        ) from None
    if regex.search("") is not None:
        raise _fail(source, label, "the pattern matches empty text, so it would flag everything")
    return regex


def _compile_context(pattern: str, key: str, source: str, label: str) -> re.Pattern[str]:
    try:
        regex = codecache.regex(pattern, re.IGNORECASE)
    except re.error as exc:
        raise _fail(source, label, f"{key} is not a valid regular expression ({exc})") from None
    if regex.search("") is not None:
        raise _fail(source, label, f"{key} matches empty text, so it would hold everywhere")
    return regex


def _read_text(path: Path) -> str:
    """The text of a rules file."""
    source = str(path)
    try:
        with open(path, "rb") as fh:
            return fh.read().decode("utf-8")
    except UnicodeDecodeError:
        raise _fail(source, None, "the file is not UTF-8 text") from None
    except OSError as exc:
        raise _fail(source, None, f"the file cannot be read ({exc.strerror or exc})") from None


def _read_file(
    source: str, text: str
) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, list[str]]]:
    """The raw rules of one file, in order, and its word lists."""
    try:
        data = codecache.parsed_toml(text)  # rules are not private: keep them
    except tomllib.TOMLDecodeError as exc:
        raise _fail(source, None, f"the file is not valid TOML ({exc})") from None

    fmt = data.get("format", 1)
    if fmt != 1:
        raise _fail(source, None, f"format must be 1, not {fmt!r}")
    unknown = set(data) - set(declared.TOP_KEYS)
    if unknown:
        raise _fail(source, None, f"unknown top-level key {sorted(unknown)[0]!r}")

    words: dict[str, list[str]] = {}
    raw_words = data.get("words", {})
    if not isinstance(raw_words, dict):
        raise _fail(source, None, "words must be a table of lists, written [words]")
    for name, entries in raw_words.items():
        if not _WORDS_NAME_RE.match(name):
            raise _fail(
                source, None, f"word list name {name!r} must be lowercase letters, digits and '_'"
            )
        ok = isinstance(entries, list) and entries
        if not ok or not all(isinstance(e, str) and e.strip() for e in entries):
            raise _fail(source, None, f"word list {name!r} must be a list of non-empty strings")
        words[name] = list(entries)

    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise _fail(source, None, "rules must be written as [[rules]] tables")

    entries_out: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for index, raw in enumerate(rules, start=1):
        rid = raw.get("id")
        label = f"{rid!r}" if isinstance(rid, str) and rid else f"number {index}"
        if not isinstance(rid, str) or not _ID_RE.match(rid):
            raise _fail(source, label, "id must be lowercase letters, digits and '-'")
        if rid in seen:
            raise _fail(source, label, "this id is used twice in the same file")
        seen.add(rid)
        unknown = set(raw) - set(declared.rule_table().allowed(raw))
        if unknown:
            raise _fail(source, label, f"unknown key {sorted(unknown)[0]!r}")
        enabled = raw.get("enabled", True)
        if not isinstance(enabled, bool):
            raise _fail(source, label, "enabled must be true or false")
        reading = raw.get(_READING_KEY, "")
        if enabled and reading:
            if reading not in declared.READINGS:
                raise _fail(
                    source,
                    label,
                    f"reading must be one of {', '.join(declared.READINGS)}, not {reading!r}",
                )
            shaped = [k for k in ("pattern", *_CONTEXT_KEYS, _ALSO_KEY, _NEARBY_KEY) if k in raw]
            if shaped:
                raise _fail(source, label, f"a rule with a reading takes no {shaped[0]}")
        if enabled:
            for key in _TEXT_KEYS:
                if key == "pattern" and reading:
                    continue
                value = raw.get(key)
                if not isinstance(value, str) or not value.strip():
                    raise _fail(source, label, f"{key} is missing or empty")
            for key in _CONTEXT_KEYS:
                value = raw.get(key, "")
                if not isinstance(value, str):
                    raise _fail(source, label, f"{key} must be text (a regular expression)")
            also = raw.get(_ALSO_KEY, [])
            also = [also] if isinstance(also, str) else also
            if not isinstance(also, list) or not all(isinstance(a, str) and a for a in also):
                raise _fail(
                    source, label, f"{_ALSO_KEY} must be a regular expression, or a list of them"
                )
            reach = raw.get(_NEARBY_KEY, 0)
            if (
                not isinstance(reach, int)
                or isinstance(reach, bool)
                or not 0 <= reach <= _MAX_NEARBY
            ):
                raise _fail(
                    source, label, f"{_NEARBY_KEY} must be a whole number from 0 to {_MAX_NEARBY}"
                )
        entries_out.append((source, raw))
    return entries_out, words


def load_rules(
    path: str | Path | Iterable[str | Path] | None = None,
    *,
    extra: Iterable[str | Path] = (),
) -> list[ToneRule]:
    """Load tone rules.

    ``path`` is a rules file, or a list of them; ``None`` means the packaged rules.
    Files in ``extra`` are read afterwards. A later rule with the same id replaces
    an earlier one (keeping its place in the order), and ``enabled = false``
    switches it off. Word lists of the same name are joined, so a team file can add
    words to a built-in list. Raises ``ValueError`` naming the file and the rule when a
    file is unreadable or a rule is malformed.
    """
    if path is None:
        paths: list[Path] = [DEFAULT_RULES_PATH]
    elif isinstance(path, (str, Path)):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    paths += [Path(p) for p in extra]

    sources = [(str(p), _read_text(p)) for p in paths]
    key = _bundle_key(sources)
    rules = _kept_rules(codecache.load(_BUNDLE_KIND, key))
    if rules is None:
        rules = _built_rules(sources)
        codecache.store(_BUNDLE_KIND, key, [_kept_form(rule) for rule in rules])
    _load_scans(rules)
    return rules


# What is kept between runs for a set of rules files (keyed by their text and this module's):
# every rule with its word lists filled in, and the form it scans in. The programs of those
# scans are kept as one more entry (codecache.keep_regexes); the rest of a rule's patterns
# (context and cues) are compiled, or read from the cache one by one, when a check first
# needs them, which for most rules on most drafts is never.
_BUNDLE_KIND = "tonerules"
_BUNDLE_FORMAT = "tone rules 3"
_KEPT_FIELDS = 14


def _bundle_key(sources: list[tuple[str, str]]) -> str:
    try:
        own = Path(__file__).read_text(encoding="utf-8")
    except OSError:
        own = "unreadable"
    parts = [_BUNDLE_FORMAT, own]
    for source, text in sources:
        parts += [source, text]
    return "\0".join(parts)


def _kept_form(rule: ToneRule) -> tuple[Any, ...]:
    return (
        rule.id,
        rule.category,
        rule.pattern,
        rule.explanation,
        rule.suggestion,
        rule.source,
        rule.contexts,
        rule.also_in_sentence,
        rule.nearby_sentences,
        rule.reading,
        *(("", "", (), False) if rule.reading else _scan_forms(rule.bounded)),
    )


def _scan_forms(bounded: str) -> tuple[str, str, tuple[str, ...], bool]:
    return (
        _lowered_pattern(bounded),
        _rough_pattern(bounded),
        _anchors(bounded),
        _within_a_sentence(bounded),
    )


def _kept_rules(kept: Any) -> list[ToneRule] | None:
    """The rules kept by :func:`_kept_form`, or None if anything about them is not right."""
    if not isinstance(kept, list):
        return None
    rules: list[ToneRule] = []
    try:
        for item in kept:
            if not (isinstance(item, tuple) and len(item) == _KEPT_FIELDS):
                return None
            rid, category, pattern, explanation, suggestion, source, texts, also, near = item[:9]
            reading, scan, rough, anchors, within = item[9:]
            if not (isinstance(texts, tuple) and len(texts) == len(_CONTEXT_KEYS)):
                return None
            rule = ToneRule(
                id=rid,
                category=category,
                pattern=pattern,
                explanation=explanation,
                suggestion=suggestion,
                source=source,
                unless_preceded_by=texts[0],
                unless_followed_by=texts[1],
                only_if_followed_by=texts[2],
                unless_in_sentence=texts[3],
                unless_in_paragraph=texts[4],
                also_in_sentence=tuple(also),
                nearby_sentences=near,
                reading=reading,
            )
            rules.append(rule)
            if reading:
                continue
            _LOWERED.setdefault(rule.bounded, scan)
            _ROUGH.setdefault(rule.bounded, rough)
            _ANCHORS.setdefault(rule.bounded, tuple(anchors))
            _WITHIN.setdefault(rule.bounded, bool(within))
    except (TypeError, ValueError):
        return None
    return rules


def _load_scans(rules: list[ToneRule]) -> None:
    """Make ready what every check runs: each rule's scan, in the form it scans in (lowered
    when it can be, see :func:`_lowered_pattern`), all from one cache entry when it can."""
    specs: list[tuple[str, int]] = []
    for rule in rules:
        if rule.reading:
            continue
        scan = _lowered_pattern(rule.bounded)
        rough = "" if scan else _rough_pattern(rule.bounded)
        wanted: list[tuple[str, int]] = [(scan, 0)] if scan else [(rule.bounded, re.I)]
        if rough:
            wanted.append((rough, 0))
        for spec in wanted:
            if spec[0] not in (_REGEXES if spec[1] else _FAST) and spec not in specs:
                specs.append(spec)
    if not specs:
        return
    compiled = codecache.kept_regexes(specs)
    if compiled is not None:
        for (pattern, flags), regex in zip(specs, compiled, strict=True):
            (_REGEXES if flags else _FAST)[pattern] = regex
        return
    for rule in rules:  # one by one, then kept as one entry for the next process
        if not rule.reading and _fast(rule.bounded) is None:
            _regex(rule.bounded)
            _rough(rule.bounded)
    if all(_FAST.get(pattern) is not None for pattern, flags in specs if not flags):
        codecache.keep_regexes(specs)


def _built_rules(sources: list[tuple[str, str]]) -> list[ToneRule]:
    """Rules read from the files' text, every pattern compiled to check it is sound."""
    merged: dict[str, tuple[str, dict[str, Any]] | None] = {}
    words: dict[str, list[str]] = {}
    for source_name, text in sources:
        entries, file_words = _read_file(source_name, text)
        for name, items in file_words.items():
            words.setdefault(name, [])
            words[name] += [w for w in items if w not in words[name]]
        for source, raw in entries:
            merged[raw["id"]] = (source, raw) if raw.get("enabled", True) else None

    rules: list[ToneRule] = []
    for rid, entry in merged.items():
        if entry is None:
            continue
        source, raw = entry
        label = repr(rid)
        if raw.get(_READING_KEY):
            rules.append(
                ToneRule(
                    id=rid,
                    category=raw["category"].strip(),
                    pattern="",
                    explanation=raw["explanation"].strip(),
                    suggestion=raw["suggestion"].strip(),
                    source=source,
                    reading=raw[_READING_KEY],
                )
            )
            continue
        pattern = _expand(raw["pattern"], words, source, label)
        texts = {
            key: _expand(raw[key], words, source, label) if raw.get(key) else ""
            for key in _CONTEXT_KEYS
        }
        also_raw = raw.get(_ALSO_KEY, [])
        also = tuple(
            _expand(a, words, source, label)
            for a in ([also_raw] if isinstance(also_raw, str) else also_raw)
        )
        _REGEXES[_bounded(pattern)] = _compile(pattern, source, label)
        for key, text in texts.items():
            if text:
                _REGEXES[text] = _compile_context(text, key, source, label)
        for cue in also:
            _REGEXES[_bounded(cue)] = _compile(cue, source, label)
        rules.append(
            ToneRule(
                id=rid,
                category=raw["category"].strip(),
                pattern=pattern,
                explanation=raw["explanation"].strip(),
                suggestion=raw["suggestion"].strip(),
                source=source,
                unless_preceded_by=texts["unless_preceded_by"],
                unless_followed_by=texts["unless_followed_by"],
                only_if_followed_by=texts["only_if_followed_by"],
                unless_in_sentence=texts["unless_in_sentence"],
                unless_in_paragraph=texts["unless_in_paragraph"],
                also_in_sentence=also,
                nearby_sentences=raw.get(_NEARBY_KEY, 0),
            )
        )
    return rules


def configured_rules() -> tuple[list[ToneRule], str]:
    """The packaged rules plus the files named in ``TRIAGE_TONE_RULES``, and a problem.

    The problem is '' when every file loaded; otherwise it is one sentence, and the
    packaged rules alone are returned, so a broken team file never stops a check.
    """
    extra = [p for p in os.environ.get(RULES_ENV, "").split(os.pathsep) if p.strip()]
    if not extra:
        return _packaged_rules(), ""
    try:
        return _cached_rules(tuple(extra)), ""
    except ValueError as exc:
        return _packaged_rules(), _inert(f"{exc} Using the built-in tone rules only.")


def _packaged_rules() -> list[ToneRule]:
    global _default_rules
    if _default_rules is None:
        _default_rules = load_rules()
    return _default_rules


@functools.lru_cache(maxsize=8)
def _cached_rules(extra: tuple[str, ...]) -> list[ToneRule]:
    return load_rules(extra=extra)


_default_rules: list[ToneRule] | None = None


# -- checking text -----------------------------------------------------------------------

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
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?= )")
_LIST_ITEM = re.compile(r"[ \t\r]*\n[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]")  # CRLF too (emails)


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
    return "".join(out), index, breaks


def _sentence_starts(flat: str, breaks: list[int]) -> list[int]:
    starts = {0, *breaks}
    starts.update(m.end() + 1 for m in _SENTENCE_END.finditer(flat))
    return sorted(starts)


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


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ESCAPE_OR_CAPITALS = re.compile(r"\\.|[A-Z]+", re.DOTALL)
# Compiled patterns, made (or read from the cache) when first needed and kept for the process:
_REGEXES: dict[str, re.Pattern[str]] = {}  # a pattern as matched, ignoring case
_LOWERED: dict[str, str] = {}  # a pattern -> the same for lowered text ('' when there is none)
_FAST: dict[str, re.Pattern[str] | None] = {}  # a lowered pattern, compiled (None: it is not valid)


def _regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, ignoring case."""
    regex = _REGEXES.get(pattern)
    if regex is None:
        regex = _REGEXES[pattern] = codecache.regex(pattern, re.IGNORECASE)
    return regex


def _lower_unless_escape(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if text.startswith("\\") else text.lower()


def _lowered_pattern(pattern: str) -> str:
    """The same pattern, to match without IGNORECASE in text whose ASCII letters are lowered:
    about twice as fast to scan. '' when it cannot be made so (a part that matches case, a
    named character escape, an upper-case inline flag): the rule then scans as it is."""
    lowered = _LOWERED.get(pattern)
    if lowered is None:
        lowered = ""
        # A part that turns case back on ("(?-i:...)" for a capital) must keep its case.
        if "\\N{" not in pattern and "(?-i" not in pattern and "(?i" not in pattern:
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
            _FAST[pattern] = codecache.regex(pattern)
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
            and "\\N{" not in pattern
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
    quicker than reading the whole text ignoring case."""
    if lowered is not None:
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
                from re import _parser  # type: ignore[attr-defined]

                within = _never_a_stop(_parser.parse(scan, 0))
            except Exception:  # not the parser as we know it: scan the whole text
                within = False
        _WITHIN[pattern] = within
    return within


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
                from re import _parser  # type: ignore[attr-defined]

                found = _required(_parser.parse(scan, 0))
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


def _caseless_beyond_ascii(text: str) -> bool:
    """No letter outside ASCII has another case: lowering the ASCII letters then gives
    exactly what IGNORECASE would match."""
    return all(c.isascii() or c.lower() == c.upper() == c for c in set(text))


def check_text(text: str, rules: list[ToneRule] | None = None) -> list[ToneWarning]:
    """Return a warning for every phrase in ``text`` that a rule flags, in reading order.

    A phrase broken across lines is still found; ``matched`` gives the words as
    written (line breaks and runs of spaces shown as one space). When two rules of the
    same category flag overlapping words, only the first, longer one is kept; a finding
    made of cues gives way to any plain one of its category that it overlaps.
    """
    if rules is None:
        rules = _packaged_rules()

    flat, index, breaks = _normalise(text)
    starts = _sentence_starts(flat, breaks)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def words(lo: int, hi: int) -> str:
        return " ".join(text[index[lo] : index[hi - 1] + 1].split())

    spans_of: dict[str, list[tuple[int, int]]] = {}  # rules that share a pattern scan once
    # ASCII letters lowered once, so most rules scan without IGNORECASE (same spans)
    lowered = flat.translate(_ASCII_LOWER) if _caseless_beyond_ascii(flat) else None
    # a long text is scanned piece by piece where that can be done (a short one, whole)
    pieces = _Pieces(lowered) if lowered is not None and len(lowered) > _PIECES_FROM else None
    found: list[tuple[int, int, int, ToneWarning]] = []
    readings: dict[str, tuple[int, ToneRule]] = {}  # the rules that read sentences, by reading
    for order, rule in enumerate(rules):
        if rule.reading:
            readings.setdefault(rule.reading, (order, rule))
            continue
        if rule.bounded not in spans_of:
            anchors = _anchors(rule.bounded) if lowered is not None else ()
            if anchors and not any(anchor in lowered for anchor in anchors):  # type: ignore[operator]
                spans_of[rule.bounded] = []  # it cannot match: a word it needs is not there
            else:
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
                warning = ToneWarning(
                    line=line + 1,
                    column=first - line_starts[line] + 1,
                    matched=words(lo, hi),
                    category=rule.category,
                    explanation=rule.explanation,
                    suggestion=rule.suggestion,
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
            warning = ToneWarning(
                line=line + 1,
                column=first - line_starts[line] + 1,
                matched=words(reading.start, reading.end),
                category=rule.category,
                explanation=rule.explanation,
                suggestion=rule.suggestion,
                rule=rule.id,
                cues=tuple(words(s, e) for s, e in reading.cues),
            )
            found.append((reading.start, reading.end, order, warning))
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


# -- checking a case's drafts and answers ----------------------------------------------------

NOT_DRAFTS = frozenset({"plan.md", "actions.csv", "case.toml"})
DRAFT_SUFFIXES = (".eml", ".md", ".txt")

_NOUNS = {
    "blame": "blame",
    "absolutes": "an absolute",
    "threats": "a threat",
    "ultimatums": "an ultimatum",
    "sarcasm": "sarcasm",
    "liability": "an admission of liability",
}
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


@dataclass(frozen=True)
class Finding:
    """A flagged phrase in a case's draft, or in a typed answer that flows into one.

    ``file`` is the draft; for an answer, the first draft it reaches, and ``files``
    all of them. ``question`` is set when the phrase comes from a typed answer, with
    its ``prompt`` and, for a list question, ``detail`` (the row and the field id).
    ``line`` and ``column`` are 1-based within the checked text (an email's subject and
    body as :func:`draft_text` gives them, or the answer), 0 if unknown. ``cues`` are the
    separate words of a finding made of cues (shown instead of a phrase too long to show).
    """

    file: str
    phrase: str
    category: str
    explanation: str
    suggestion: str
    rule: str = ""
    line: int = 0
    column: int = 0
    question: str = ""
    prompt: str = ""
    detail: str = ""
    files: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()

    @property
    def shown_phrase(self) -> str:
        phrase = self.phrase
        if len(phrase) > _MAX_PHRASE and self.cues:
            phrase = " ... ".join(self.cues)
        if len(phrase) > _MAX_PHRASE:
            phrase = phrase[: _MAX_PHRASE - 3].rstrip() + "..."
        return phrase

    def message(self) -> str:
        """One line for a person, safe to print: control characters shown as escapes."""
        what = _NOUNS.get(self.category, f"{self.category!r} wording")
        if self.question:
            which = f"{self.question}, {self.detail}" if self.detail else self.question
            files = list(self.files or (self.file,))
            into = ", ".join(files[:-1]) + " and " + files[-1] if len(files) > 1 else files[0]
            text = (
                f"Your answer to '{self.prompt}' ({which}) would put {what} "
                f'into {into}: "{self.shown_phrase}". Try: {self.suggestion}'
            )
        else:
            text = f'{self.file}: "{self.shown_phrase}" ({self.category}). Try: {self.suggestion}'
        return _inert(text)

    def __str__(self) -> str:
        return self.message()


def is_draft(name: str) -> bool:
    """True for an output meant for the other side: the email and the .md drafts, not the plan."""
    return name not in NOT_DRAFTS and name.endswith(DRAFT_SUFFIXES)


def draft_text(name: str, data: bytes) -> str:
    """The words of a draft as the other side would read them (an email: subject and body)."""
    if not name.endswith(".eml"):
        return data.decode("utf-8", errors="replace")
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    message = message_from_bytes(data, policy=policy.default)
    body = message.get_content() if isinstance(message, EmailMessage) else ""
    subject = str(message.get("Subject", "") or "")
    return f"{subject}\n\n{body}" if subject else str(body)


def _finding(file: str, warning: ToneWarning, **extra: Any) -> Finding:
    return Finding(
        file=file,
        phrase=warning.matched,
        category=warning.category,
        explanation=warning.explanation,
        suggestion=warning.suggestion,
        rule=warning.rule,
        line=warning.line,
        column=warning.column,
        cues=warning.cues,
        **extra,
    )


def check_outputs(files: Mapping[str, bytes], rules: list[ToneRule] | None = None) -> list[Finding]:
    """Findings in every draft among a case's rendered ``files`` (by file name), in order."""
    findings: list[Finding] = []
    for name, data in files.items():
        if not is_draft(name):
            continue
        for warning in check_text(draft_text(name, data), rules):
            findings.append(_finding(name, warning))
    return findings


@functools.lru_cache(maxsize=64)
def _template_uses(source: str) -> frozenset[str] | None:
    """Names a template reads; None when it reads every answer (through ``stages``)."""
    from triage.engine import sandbox

    try:
        reads = sandbox.template_reads(source)
    except sandbox.ExpressionError:
        return frozenset()
    if "stages" in reads.names:
        return None
    return reads.names | reads.of("labels")


def _output_uses(output: OutputSpec) -> frozenset[str] | None:
    sources = [output.subject or "", output.to or ""]
    if output.template is not None:
        with contextlib.suppress(OSError):
            sources.append(output.template.read_text(encoding="utf-8-sig"))
    used: set[str] = set()
    for source in sources:
        if not source:
            continue
        names = _template_uses(source)
        if names is None:
            return None
        used |= names
    return frozenset(used)


def _typed_texts(question: Question, value: Any) -> list[tuple[str, str]]:
    """(detail, text) for each piece of text a person typed in an answer."""
    if value is None:
        return []
    if question.kind in ("text", "longtext"):
        return [("", value)] if isinstance(value, str) and value.strip() else []
    if question.kind != "list" or not isinstance(value, list):
        return []
    texts = []
    for number, row in enumerate(value, start=1):
        if not isinstance(row, Mapping):
            continue
        for sub in question.fields:
            cell = row.get(sub.id)
            if sub.kind in ("text", "longtext") and isinstance(cell, str) and cell.strip():
                texts.append((f"row {number}, {sub.id}", cell))
    return texts


def _squashed(text: str) -> str:
    return " ".join(text.translate(_STRAIGHT).casefold().split())


def check_answers(
    playbook: Playbook,
    answers: Mapping[str, Any],
    rules: list[ToneRule] | None = None,
    *,
    files: Mapping[str, bytes] | None = None,
    drafts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings in typed answers that the playbook's drafts put in front of the other side.

    A typed answer (text, longtext, or a text field of a list) counts when a draft's
    template, subject or recipient reads it. With ``files`` (the rendered outputs),
    only drafts that were rendered count, and only when the flagged words really appear
    in them; drafts the user edited by hand (``drafts``) no longer take answers.
    """
    targets: list[tuple[str, frozenset[str] | None]] = []
    for output in playbook.outputs:
        if not is_draft(output.file) or (drafts and output.file in drafts):
            continue
        if files is not None and output.file not in files:
            continue
        targets.append((output.file, _output_uses(output)))
    if not targets:
        return []
    rendered = {
        name: _squashed(draft_text(name, files[name]))
        for name, _uses in targets
        if files is not None
    }

    findings: list[Finding] = []
    for qid, question in playbook.questions.items():
        reached = [name for name, uses in targets if uses is None or qid in uses]
        if not reached:
            continue
        for detail, text in _typed_texts(question, answers.get(qid)):
            for warning in check_text(text, rules):
                hit = [
                    name
                    for name in reached
                    if files is None or _squashed(warning.matched) in rendered[name]
                ]
                if hit:
                    findings.append(
                        _finding(
                            hit[0],
                            warning,
                            question=qid,
                            prompt=question.prompt,
                            detail=detail,
                            files=tuple(hit),
                        )
                    )
    return findings


def check_case(
    playbook: Playbook,
    answers: Mapping[str, Any],
    files: Mapping[str, bytes],
    rules: list[ToneRule] | None = None,
    *,
    drafts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings in the typed answers, then in the drafts, each phrase reported once.

    A phrase in a draft that comes from a typed answer is reported against the answer,
    which is where it can be changed.
    """
    from_answers = check_answers(playbook, answers, rules, files=files, drafts=drafts)
    covered = {(name, f.rule, _squashed(f.phrase)) for f in from_answers for name in f.files}
    rest = [
        f
        for f in check_outputs(files, rules)
        if (f.file, f.rule, _squashed(f.phrase)) not in covered
    ]
    return from_answers + rest


def check_session(
    session: Session, rules: list[ToneRule] | None = None, files: Mapping[str, bytes] | None = None
) -> list[Finding]:
    """:func:`check_case` for a session's current outputs (rendered again unless given)."""
    if files is None:
        files = session.outputs()
    return check_case(
        session.playbook, session.evaluation.values, files, rules, drafts=session.case.drafts
    )
