"""Summaries of playbooks and saved cases, for `triage list` and the home screen."""

from __future__ import annotations

from typing import Any

from triage.engine.case import load_case
from triage.engine.errors import TriageError
from triage.engine.library import discover, saved_cases


def playbook_summaries() -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "title": e.title,
            "summary": e.summary,
            "source": e.source,
            "path": str(e.path),
            "valid": e.valid,
            "problem": str(e.problems[0]) if e.problems else "",
        }
        for e in discover()
    ]


def case_summaries() -> list[dict[str, Any]]:
    """Saved cases, newest first; an unreadable case file is listed with its problem."""
    found = []
    for path in saved_cases():
        try:
            case = load_case(path)
        except TriageError as exc:
            found.append(
                {
                    "id": path.parent.name,
                    "counterparty": "",
                    "playbook": "",
                    "stage": "",
                    "stage_title": "",
                    "updated": "",
                    "path": str(path),
                    "problem": str(exc),
                }
            )
            continue
        found.append(
            {
                "id": case.id,
                "counterparty": case.counterparty,
                "playbook": case.playbook,
                "stage": case.stage,
                "stage_title": case.stage_title,
                "updated": case.updated.isoformat(),
                "path": str(path),
                "problem": "",
            }
        )
    return found
