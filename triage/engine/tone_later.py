"""Tone rules kept between runs whose patterns are read only when a check reaches them.

The packaged rules kept in the code cache are about 0.8 MB, most of it patterns (word
lists filled in, the forms they scan in, the words a match needs), and a run whose answers
changed checks a few paragraphs, whose anchors reach a few dozen of the 233 rules. So
:mod:`triage.engine.tone_load` keeps each rule's patterns as a part of their own
(:func:`triage.engine.codecache.keep_parts`), and a :class:`KeptRule` made from the small
rest (its id, category, explanation and advice) reads its part the first time anything
asks for a pattern. What :func:`triage.engine.tone_check._prepare` works out from the whole
list (which rules each anchor reaches) is kept beside it, so a check needs no rule it
does not scan.

A kept rule is a :class:`~triage.engine.tone_rule.ToneRule` in every way that shows: the
same fields, equal to (and hashed as) the same rule read from the files, pickled and
copied as one. A part that does not read back whole is worked out from the rules files
again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from triage.engine import codecache
from triage.engine.tone_rule import ToneRule
from triage.engine.tone_scan import (
    _ANCHORS,
    _FAST,
    _LATER,
    _LOWERED,
    _REGEXES,
    _REQUIREMENTS,
    _ROUGH,
    _WITHIN,
    _anchors,
    _bounded,
    _lowered_pattern,
    _requirements,
    _rough_pattern,
    _within_a_sentence,
)

__all__ = ["KeptRule", "keep", "kept", "prepared_for"]

_FIELDS = tuple(f.name for f in dataclasses.fields(ToneRule))
_COMPARED = tuple(f.name for f in dataclasses.fields(ToneRule) if f.compare)
_CONTEXTS = (  # as ToneRule.contexts gives them
    "unless_preceded_by",
    "unless_followed_by",
    "only_if_followed_by",
    "unless_in_sentence",
    "unless_in_paragraph",
)
_KIND = "tonerules"  # the rules' small fields, and which rules each anchor reaches
_BODIES_KIND = "tonebodies"  # each rule's patterns, a part of their own
_SCANS_KIND = "tonescans"  # the scans' programs, each read when a scan first needs it
_HEAD = ("id", "category", "explanation", "suggestion", "source", "nearby_sentences", "reading")
_BODY_LENGTH = 10
# What tone_check._prepare works out from a rules list, kept with it: by the list's id, with
# the list and its rules as they were when loaded (see :func:`prepared_for`).
_PREPARED: dict[int, tuple[list[ToneRule], tuple[ToneRule, ...], tuple[Any, ...]]] = {}


class Source:
    """Where the patterns of one list of kept rules are read from, and what works a rule
    out afresh from its files when its part does not read back whole."""

    def __init__(
        self,
        bodies: codecache.Parts,
        scans: codecache.Parts,
        afresh: Callable[[int, str], ToneRule],
    ) -> None:
        self.bodies = bodies
        self.scans = scans
        self.afresh = afresh

    def fill(self, rule: KeptRule, number: int) -> None:
        fields = _fields(self.bodies.get(number), rule.reading, self.scans)
        if fields is None:
            fresh = self.afresh(number, rule.id)
            fields = {name: getattr(fresh, name) for name in _FIELDS if name not in _HEAD}
        rule.__dict__.update(fields)
        rule.__dict__.pop("_later", None)


class _Later:
    """A field of a kept rule read from its part the first time it is asked for. It only
    stands in while the rule's own value is not set: once read, the value set on the rule
    is what every later read finds (a descriptor without ``__set__`` gives way to it)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name  # the field's

    def __get__(self, rule: KeptRule | None, owner: type | None = None) -> Any:
        if rule is None:
            return self
        later = rule.__dict__.get("_later")
        if later is not None:  # else another thread has just read it
            later[0].fill(rule, later[1])
        return rule.__dict__[self.name]


class KeptRule(ToneRule):
    """A rule whose patterns are read from the code cache when first asked for."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ToneRule):
            return NotImplemented
        return _compared(self) == _compared(other)

    __hash__ = ToneRule.__hash__

    def __repr__(self) -> str:
        return repr(ToneRule(*(getattr(self, name) for name in _FIELDS)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (ToneRule, tuple(getattr(self, name) for name in _FIELDS))


for _name in _FIELDS:  # every field not kept with the rule's head is read with its part
    if _name not in _HEAD:
        _field = _Later()
        _field.__set_name__(KeptRule, _name)
        setattr(KeptRule, _name, _field)


def _compared(rule: ToneRule) -> tuple[Any, ...]:
    return tuple(getattr(rule, name) for name in _COMPARED)


# -- what is kept ----------------------------------------------------------------------------


def keep(rules: list[ToneRule], digest: str, scans_name: str) -> None:
    """Keep ``rules`` (just read from their files, their scans compiled by this process)
    under ``digest``: their small fields and what :func:`tone_check._prepare` works out as
    one entry, each rule's patterns as a part, and the scans' programs as parts."""
    if codecache.folder() is None:
        return
    from triage.engine.tone_check import _prepare  # a first run: the check is loading

    specs: dict[tuple[str, int], int] = {}  # in order, each numbered
    heads, bodies = [], []
    for rule in rules:
        heads.append(tuple(getattr(rule, name) for name in _HEAD))
        scan = rough = ""
        numbers = (-1, -1)
        if not rule.reading:
            scan = _lowered_pattern(rule.bounded)
            rough = "" if scan else _rough_pattern(rule.bounded)
            spec = (scan, 0) if scan else (rule.bounded, re.I)
            first = specs.setdefault(spec, len(specs))
            numbers = (first, specs.setdefault((rough, 0), len(specs)) if rough else -1)
        bodies.append(
            (
                rule.pattern,
                rule.contexts,
                rule.also_in_sentence,
                scan,
                rough,
                *(((), False, ()) if rule.reading else _scan_forms(rule.bounded)),
                *numbers,
            )
        )
    if any(_FAST.get(pattern) is None for pattern, flags in specs if not flags):
        return  # a lowered scan that did not compile: read afresh each time
    programs = codecache.programs_of(list(specs))
    if programs is None:
        return
    made = _prepare(rules)
    readings = {name: order for name, (order, _rule) in made.readings.items()}
    prepared = (made.by_anchor, made.always, made.scanned, readings, made.anchor_index.kept())
    codecache.keep_parts(_SCANS_KIND, scans_name, programs)
    codecache.keep_parts(_BODIES_KIND, digest, bodies)
    codecache.store(_KIND, digest, (heads, prepared, len(specs)))


def _scan_forms(bounded: str) -> tuple[tuple[str, ...], bool, Any]:
    return (_anchors(bounded), _within_a_sentence(bounded), _requirements(bounded))


def kept(
    digest: str, scans_name: str, afresh: Callable[[int, str], ToneRule]
) -> list[ToneRule] | None:
    """The rules :func:`keep` kept under ``digest``, each reading its patterns when first
    asked for; None if there are none, or anything about them is not right. ``afresh``
    gives the rule of a number (with the id given) read from its files."""
    entry = codecache.load(_KIND, digest)
    if not (type(entry) is tuple and len(entry) == 3):
        return None
    heads, prepared, count = entry
    if not (type(heads) is list and type(prepared) is tuple and len(prepared) == 5):
        return None
    bodies = codecache.kept_parts(_BODIES_KIND, digest)
    scans = codecache.kept_parts(_SCANS_KIND, scans_name)
    if bodies is None or scans is None or len(bodies) != len(heads) or len(scans) != count:
        return None
    source = Source(bodies, scans, afresh)
    rules: list[ToneRule] = []
    for number, head in enumerate(heads):
        if not (type(head) is tuple and len(head) == len(_HEAD)):
            return None
        if not all(type(value) is str for at, value in enumerate(head) if at != 5):
            return None
        if type(head[5]) is not int:
            return None
        rule = KeptRule.__new__(KeptRule)
        rule.__dict__.update(zip(_HEAD, head, strict=True))
        rule.__dict__["_later"] = (source, number)
        rules.append(rule)
    _PREPARED[id(rules)] = (rules, tuple(rules), prepared)
    return rules


def prepared_for(rules: list[ToneRule], snapshot: tuple[ToneRule, ...]) -> tuple[Any, ...] | None:
    """What was kept of ``tone_check._prepare(rules)`` for a list :func:`kept` returned
    that holds the same rules still (``snapshot``: its rules now); else None."""
    entry = _PREPARED.get(id(rules))
    if entry is None or entry[0] is not rules or len(entry[1]) != len(snapshot):
        return None
    if any(a is not b for a, b in zip(entry[1], snapshot, strict=True)):
        return None
    return entry[2]


def _fields(body: Any, reading: str, scans: codecache.Parts) -> dict[str, Any] | None:
    """A rule's patterns from its kept part, with its scans made ready (their forms noted,
    their programs to be read when first needed); None if the part is not one."""
    if not (type(body) is tuple and len(body) == _BODY_LENGTH):
        return None
    pattern, texts, also, scan, rough, anchors, within, needs, first, second = body
    if not (
        type(pattern) is str
        and type(texts) is tuple
        and len(texts) == 5
        and all(type(text) is str for text in texts)
        and type(also) is tuple
        and all(type(cue) is str for cue in also)
        and type(scan) is str
        and type(rough) is str
        and type(first) is int
        and type(second) is int
    ):
        return None
    bounded = _bounded(pattern)
    if not reading:
        try:
            needed = tuple(tuple(tuple(group) for group in groups) for groups in needs)
            _LOWERED.setdefault(bounded, scan)
            _ROUGH.setdefault(bounded, rough)
            _ANCHORS.setdefault(bounded, tuple(anchors))
            _WITHIN.setdefault(bounded, bool(within))
            _REQUIREMENTS.setdefault(bounded, needed)
        except TypeError:
            return None
        spec = (scan, 0) if scan else (bounded, re.I)
        for (pattern_of, flags), number in ((spec, first), ((rough, 0), second)):
            waiting = pattern_of and pattern_of not in (_REGEXES if flags else _FAST)
            if waiting and 0 <= number < len(scans):
                _LATER.setdefault((pattern_of, flags), (scans, number))
    return {
        "pattern": pattern,
        **dict(zip(_CONTEXTS, texts, strict=True)),
        "also_in_sentence": also,
        "bounded": bounded,
        "also_bounded": tuple(map(_bounded, also)),
    }
