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

The parts live in modules of their own: :mod:`~triage.engine.tone_load` (reading rules
files and what is kept between runs), :mod:`~triage.engine.tone_rule` (a rule and a
warning), :mod:`~triage.engine.tone_text` (text as the rules read it),
:mod:`~triage.engine.tone_scan` (scanning patterns quickly), :mod:`~triage.engine.tone_check`
(one text), :mod:`~triage.engine.tone_clauses` (the readings of who does what to whom),
:mod:`~triage.engine.tone_stance` (the readings of stance, and blame we take back),
:mod:`~triage.engine.tone_suggest` (the suggestion, made from the flagged sentence) and
:mod:`~triage.engine.tone_report` (a case's drafts and answers, and findings for a person).
"""

from __future__ import annotations

from triage.engine.tone_check import check_text
from triage.engine.tone_load import DEFAULT_RULES_PATH, RULES_ENV, configured_rules, load_rules
from triage.engine.tone_report import (
    DRAFT_SUFFIXES,
    NOT_DRAFTS,
    Finding,
    check_answers,
    check_case,
    check_outputs,
    check_session,
    draft_text,
    is_draft,
)
from triage.engine.tone_rule import ToneRule, ToneWarning

__all__ = [
    "DEFAULT_RULES_PATH",
    "DRAFT_SUFFIXES",
    "NOT_DRAFTS",
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
