"""Loading the tone rules: the packaged file, a team's files, and what is kept between runs.

A rules file is TOML: ``[words]`` lists and ``[[rules]]`` tables whose keys are declared
once, in :mod:`triage.engine.formats.tone`. Everything worked out from a set of files is
kept in the user's cache (:mod:`triage.engine.codecache`), keyed by the files' text and by
the code of the modules that work it out, so a change to either is read afresh.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from triage.engine import codecache, tone_later
from triage.engine.filedigest import file_digest
from triage.engine.formats import tone as declared
from triage.engine.tone_rule import ToneRule
from triage.engine.tone_scan import (
    _REGEXES,
    _bounded,
    _fast,
    _regex,
    _rough,
)
from triage.engine.tone_text import _inert

__all__ = ["DEFAULT_RULES_PATH", "RULES_ENV", "configured_rules", "load_rules"]

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

    # The entries below are keyed by a digest of the files' bytes, each file read and hashed
    # only when it changed since a run last did (the packaged rules are over half a megabyte).
    digests = [file_digest(p) for p in paths]
    rules = None
    if all(digests):
        digest = _digest([(str(p), d) for p, d in zip(paths, digests, strict=True) if d])
        rules = tone_later.kept(digest, f"tone scans\0{digest}", _afresh(paths))
    if rules is None:
        sources = [(str(p), _read_text(p)) for p in paths]  # raises for an unreadable file
        digest = _digest([(name, _text_digest(text)) for name, text in sources])
        rules = _built_rules(sources)
        for rule in rules:
            _compile_scans(rule)  # while the tree its forms were read from is at hand
        tone_later.keep(rules, digest, f"tone scans\0{digest}")
    _DIGESTS[id(rules)] = (rules, tuple(rules), digest)
    return rules


def _afresh(paths: list[Path]) -> Callable[[int, str], ToneRule]:
    """What gives a kept rule whose part does not read back whole: the rules read from
    their files again (once), and the rule of that number, which must have the same id."""

    @functools.cache
    def built() -> list[ToneRule]:
        return _built_rules([(str(p), _read_text(p)) for p in paths])

    def rule(number: int, rule_id: str) -> ToneRule:
        rules = built()
        if number >= len(rules) or rules[number].id != rule_id:
            raise _fail(str(paths[-1]), rule_id, "the file changed while it was read")
        _compile_scans(rules[number])
        return rules[number]

    return rule


# The digest each list load_rules returned was read under, by the list's id (the list is
# held, so the id stays its own): a check's findings are kept between runs under it.
_DIGESTS: dict[int, tuple[list[ToneRule], tuple[ToneRule, ...], str]] = {}


def digest_of(rules: list[ToneRule]) -> str | None:
    """The digest of the files ``rules`` were loaded from, if it is a list that
    :func:`load_rules` returned and nobody has changed since; else None."""
    entry = _DIGESTS.get(id(rules))
    if entry is None or entry[0] is not rules or len(rules) != len(entry[1]):
        return None
    if any(a is not b for a, b in zip(rules, entry[1], strict=True)):
        return None
    return entry[2]


# What is kept between runs for a set of rules files (keyed by their bytes, and by the
# engine's stamp: the code of the modules that work it out, by size and time) is in
# triage.engine.tone_later: each rule's small fields, and its patterns (word lists filled
# in, the form it scans in, the words a match needs) as a part read when a check first
# reaches the rule; the programs of the scans as parts, each read and made into a regex
# when a scan first needs it. The rest of a rule's patterns (context and cues) are
# compiled, or read from the cache one by one, when a check first needs them. For most
# rules on most drafts that is never.
_BUNDLE_FORMAT = "tone rules 6"


def _digest(files: list[tuple[str, str]]) -> str:
    """The key of what is kept for these rules files: each file's name and the SHA-256 of
    its bytes, in order, with the engine's stamp (any change to the modules that work out
    what is kept changes it)."""
    digest = hashlib.sha256()
    for part in (_BUNDLE_FORMAT, codecache.engine_stamp(), *(p for f in files for p in f)):
        raw = part.encode("utf-8", "surrogatepass")
        digest.update(len(raw).to_bytes(8, "little") + raw)
    return digest.hexdigest()


def _text_digest(text: str) -> str:
    """SHA-256 of a rules file's bytes, from its text (the file is UTF-8: the same bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _compile_scans(rule: ToneRule) -> None:
    """A rule's scans compiled: lowered, else as written and rough."""
    if not rule.reading and _fast(rule.bounded) is None:
        _regex(rule.bounded)
        _rough(rule.bounded)


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
