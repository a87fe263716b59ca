"""Summaries of playbooks and saved cases, for `triage list` and the home screen."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from triage.engine.errors import TriageError
from triage.engine.library import discover, saved_cases

if TYPE_CHECKING:
    from triage.engine.case import Case


def playbook_summaries() -> list[dict[str, Any]]:
    """One plain dict per playbook found, for listing: id, title, source, path, validity."""
    return [
        {
            "id": e.id,
            "title": e.title,
            "summary": e.summary,
            "source": e.source,
            "path": str(e.path),
            "valid": e.valid,
            "problem": str(e.problems[0]) if e.problems else None,
        }
        for e in discover()
    ]


def case_summaries() -> list[dict[str, Any]]:
    """Saved cases, newest first; an unreadable case file is listed with its problem."""
    found: list[dict[str, Any]] = []
    paths = saved_cases()
    if paths:  # the home screen's first frame reads no case module when there is no case
        from triage.engine.case import load_case, today
    for path in paths:
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
                    "progress": "",
                    "updated": None,
                    "next_due": None,
                    "next_action": None,
                    "overdue": False,
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
                "progress": progress(case),
                "updated": case.updated.isoformat(),
                "next_due": case.next_due.isoformat() if case.next_due else None,
                "next_action": case.next_action or None,
                "overdue": bool(case.next_due and case.next_due < today()),
                "path": str(path),
                "problem": None,
            }
        )
    # overdue cases first, then as they were (newest first)
    return sorted(found, key=lambda c: not c["overdue"])


def next_step(summary: dict[str, Any]) -> str:
    """What a list of cases says a case needs next: "Overdue since Mon 7 Dec: ..." or
    "Next Mon 7 Dec: ...", or its progress when no action is dated."""
    if not summary.get("next_due"):
        return str(summary.get("progress") or "")
    day = dt.date.fromisoformat(summary["next_due"])
    when = f"{day:%a} {day.day} {day:%b}"
    lead = f"Overdue since {when}" if summary.get("overdue") else f"Next {when}"
    return f"{lead}: {summary.get('next_action') or ''}"


def progress(case: Case) -> str:
    """How far a case has got, in words: "Outputs written" once they have been, else the
    title of the stage it was left at (never an internal id)."""
    if any(entry.event == "outputs-written" for entry in case.ledger):
        return "Outputs written"
    return case.stage_title or ("Not started" if not case.answers else "In progress")
