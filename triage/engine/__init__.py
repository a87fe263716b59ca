"""The triage engine: playbooks, answers, conditions, scores, routes, rendering, cases.

It never imports Textual or questionary; both front ends drive it. Names are
imported on first use, so that listing playbooks and cases stays fast and
leaves Jinja2 unloaded until something is evaluated.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AnswerInvalid": "errors",
    "AnswersInvalid": "errors",
    "OutputExists": "errors",
    "PlaybookInvalid": "errors",
    "Problem": "errors",
    "TriageError": "errors",
    "Case": "case",
    "load_case": "case",
    "Evaluation": "evaluate",
    "evaluate": "evaluate",
    "Playbook": "model",
    "Question": "model",
    "Stage": "model",
    "load_playbook": "playbook",
    "Session": "session",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'triage.engine' has no attribute {name!r}")
    return getattr(importlib.import_module(f"triage.engine.{module}"), name)
