"""Follow-through on a case's actions once the outputs exist: done, moved, dropped, added.

A change is kept in the case (``[[action_status]]`` and ``[[added_actions]]`` in case.toml)
and logged in the ledger with who decided and why; the tracker (actions.csv, actions.ics,
the plan) is rendered from the playbook's actions with the changes laid over it. An action
is known by its text as the tracker shows it. :func:`due_items` lists what is due and
overdue across saved cases, for ``triage due`` and the home screen. No UI imports here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from triage.engine.filters import as_date

if TYPE_CHECKING:
    from triage.engine.case import Case

STATUSES = ("open", "done", "moved", "dropped")
_LEDGER = {"done": "action-done", "moved": "action-moved", "dropped": "action-dropped"}


class TrackingError(ValueError):
    """A change that cannot be made, in one sentence for the user."""


@dataclass(frozen=True)
class Change:
    """The latest word on one action: its status, a new date when moved, and why."""

    action: str
    status: str
    due: dt.date | None = None
    reason: str = ""


def apply(rows: list[dict[str, Any]], case: Case) -> list[dict[str, Any]]:
    """The tracker rows with the case's changes laid over them and its added actions in."""
    changes = {c.action: c for c in case.action_changes}
    out = []
    for row in rows:
        change = changes.get(row["what"])
        if change is not None:
            row = dict(row, status=change.status)
            if change.due is not None:
                row["due"] = change.due.isoformat()
        out.append(row)
    for added in case.added_actions:
        change = changes.get(added["what"])
        due = change.due if change and change.due else as_date(added.get("due"))
        out.append(
            {
                "what": added["what"],
                "owner": added.get("owner", ""),
                "due": due.isoformat() if due else "",
                "status": change.status if change else "open",
                "audience": "shared" if added.get("shared") else "internal",
                "shared": bool(added.get("shared")),
            }
        )
    return out


def change(
    case: Case, rows: list[dict[str, Any]], which: str, status: str, due: Any = None,
    reason: str = "", who: str = "",
) -> str:  # fmt: skip
    """Mark the action ``which`` (its number in ``rows``, from 1, or a unique part of its
    text) done, moved to ``due`` or dropped; log it. Returns the action's text."""
    if status not in _LEDGER:
        raise TrackingError(f"{status!r} is not a change; use done, moved or dropped.")
    row = find(rows, which)
    new_due = None
    if status == "moved":
        new_due = as_date(due)
        if new_due is None:
            raise TrackingError("Give the new date as YYYY-MM-DD to move an action.")
        if not reason.strip():
            raise TrackingError("Say why the action moves: the reason goes into the ledger.")
    if status == "dropped" and not reason.strip():
        raise TrackingError("Say why the action is dropped: the reason goes into the ledger.")
    case.action_changes = [c for c in case.action_changes if c.action != row["what"]]
    case.action_changes.append(Change(row["what"], status, new_due, reason.strip()))
    detail = row["what"]
    if new_due:
        detail += f" -> {new_due.isoformat()}"
    if reason.strip():
        detail += f" (because: {reason.strip()})"
    if who.strip():
        detail += f" [by {who.strip()}]"
    case.log(_LEDGER[status], detail)
    return str(row["what"])


def next_open(rows: list[dict[str, Any]]) -> tuple[dt.date | None, str]:
    """The earliest dated action that is neither done nor dropped, and its text."""
    dated = [
        (day, str(row["what"]))
        for row in rows
        if row.get("status") not in ("done", "dropped") and (day := as_date(row.get("due")))
    ]
    return min(dated) if dated else (None, "")


def add(case: Case, what: str, owner: str = "", due: Any = None, shared: bool = False) -> None:
    what = " ".join(what.split())
    if not what:
        raise TrackingError("Say what the new action is.")
    day = as_date(due) if due else None
    if due and day is None:
        raise TrackingError("Give the due date as YYYY-MM-DD.")
    case.added_actions.append({"what": what, "owner": owner.strip(), "due": day, "shared": shared})
    case.log("action-added", what + (f" (due {day.isoformat()})" if day else ""))


def find(rows: list[dict[str, Any]], which: str) -> dict[str, Any]:
    """The row numbered ``which`` (from 1), or the one row whose text contains it."""
    which = which.strip()
    if which.isdigit():
        number = int(which)
        if 1 <= number <= len(rows):
            return rows[number - 1]
        raise TrackingError(f"There is no action {number}; the tracker has {len(rows)}.")
    matches = [r for r in rows if which.lower() in str(r["what"]).lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise TrackingError(f"No action mentions {which!r}; give its number instead.")
    raise TrackingError(f"{len(matches)} actions mention {which!r}; give its number instead.")


@dataclass(frozen=True)
class DueItem:
    case_id: str
    counterparty: str
    what: str
    owner: str
    due: dt.date
    overdue: bool


def due_items(rows_by_case: list[tuple[Case, list[dict[str, Any]]]], today: dt.date,
              within_days: int = 7) -> list[DueItem]:  # fmt: skip
    """Open or moved actions due by ``today + within_days``, overdue first, then by date."""
    horizon = today + dt.timedelta(days=within_days)
    found = []
    for case, rows in rows_by_case:
        for row in rows:
            day = as_date(row.get("due"))
            if day is None or row.get("status") in ("done", "dropped") or day > horizon:
                continue
            found.append(
                DueItem(case.id, case.counterparty, row["what"], row["owner"], day, day < today)
            )
    return sorted(found, key=lambda i: (not i.overdue, i.due, i.counterparty, i.what))


def changes_to_toml(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if case.action_changes:
        data["action_status"] = [
            {"action": c.action, "status": c.status}
            | ({"due": c.due} if c.due else {})
            | ({"reason": c.reason} if c.reason else {})
            for c in case.action_changes
        ]
    if case.added_actions:
        data["added_actions"] = [
            {k: v for k, v in a.items() if v not in (None, "")} for a in case.added_actions
        ]
    if case.meetings:
        data["meetings"] = [
            {k: v for k, v in m.items() if v not in (None, "")} for m in case.meetings
        ]
    if case.outcomes:
        data["outcomes"] = [
            {k: v for k, v in o.items() if v not in (None, "")} for o in case.outcomes
        ]
    if case.escalated_level:
        data["escalation"] = {"level": case.escalated_level}
    if case.closed:
        data["closed"] = dict(case.closed)
    return data


def changes_from_toml(case: Case, data: dict[str, Any], problem: Any) -> None:
    """Read the follow-through tables back into ``case``; ``problem(key, sentence)`` records
    what is wrong."""
    changes: list[Change] = []
    for index, entry in enumerate(_list(data, "action_status", problem)):
        status = entry.get("status") if isinstance(entry, dict) else None
        action = entry.get("action") if isinstance(entry, dict) else None
        if not isinstance(action, str) or status not in STATUSES:
            problem(
                f"action_status[{index}]",
                f"`action_status[{index}]` needs an action and a status ({', '.join(STATUSES)}).",
            )
            continue
        changes.append(
            Change(action, status, as_date(entry.get("due")), str(entry.get("reason", "")))
        )
    added: list[dict] = []
    for index, entry in enumerate(_list(data, "added_actions", problem)):
        if not isinstance(entry, dict) or not isinstance(entry.get("what"), str):
            problem(f"added_actions[{index}]", f"`added_actions[{index}]` needs `what`.")
            continue
        added.append(
            {
                "what": entry["what"],
                "owner": str(entry.get("owner", "")),
                "due": as_date(entry.get("due")),
                "shared": entry.get("shared") is True,
            }
        )
    case.action_changes, case.added_actions = changes, added
    for key in ("meetings", "outcomes"):
        entries = [e for e in _list(data, key, problem) if isinstance(e, dict)]
        setattr(case, key, entries)
    escalation = data.get("escalation")
    if isinstance(escalation, dict) and isinstance(escalation.get("level"), int):
        case.escalated_level = escalation["level"]
    elif escalation is not None:
        problem("escalation", "`escalation` needs `level`, a whole number.")
    closed = data.get("closed")
    if isinstance(closed, dict):
        case.closed = dict(closed)
    elif closed is not None:
        problem("closed", "`closed` must be a table.")


def _list(data: dict[str, Any], key: str, problem: Any) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problem(key, f"`{key}` must be a list of tables.")
        return []
    return value


# -- meetings, outcomes and closing ---------------------------------------------------------

RESULTS = ("resolved", "partly", "not")


def _text(entry: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        need = "must be text" if not required else "is needed, as text"
        raise TrackingError(f"In the updates file, `{where}.{key}` {need}.")
    return " ".join(value.split())


def _day(entry: dict[str, Any], key: str, where: str) -> dt.date:
    day = as_date(entry.get(key))
    if day is None:
        raise TrackingError(f"In the updates file, `{where}.{key}` must be a date (2026-12-10).")
    return day


def record_meeting(case: Case, entry: Any, where: str) -> int:
    """A meeting: when, who, what was agreed (each term becomes a shared action and a line
    of the follow-up summary) and what is still open. Returns how many terms were agreed."""
    if not isinstance(entry, dict):
        raise TrackingError(f"In the updates file, `{where}` must be a table.")
    day = _day(entry, "date", where)
    who = _text(entry, "who", where)
    agreed = entry.get("agreed", [])
    still_open = entry.get("still_open", [])
    if not isinstance(agreed, list) or not isinstance(still_open, list):
        raise TrackingError(f"In the updates file, `{where}.agreed` and `.still_open` are lists.")
    terms = case.answers.setdefault("agreed_terms", []) or []
    for index, item in enumerate(agreed):
        place = f"{where}.agreed[{index}]"
        if not isinstance(item, dict):
            raise TrackingError(
                f"In the updates file, `{place}` must be a table (term, owner, due)."
            )
        term = _text(item, "term", place, required=True)
        owner = _text(item, "owner", place)
        due = as_date(item.get("due")) if item.get("due") else None
        if item.get("due") and due is None:
            raise TrackingError(f"In the updates file, `{place}.due` must be a date.")
        detail = ", ".join(p for p in (owner, f"by {due.isoformat()}" if due else "") if p)
        terms.append({"term": term, "detail": detail} if detail else {"term": term})
        case.added_actions.append({"what": term, "owner": owner, "due": due, "shared": True})
    case.answers["agreed_terms"] = terms
    open_items = [" ".join(str(s).split()) for s in still_open if str(s).strip()]
    case.meetings.append({"date": day, "who": who, "agreed": len(agreed), "still_open": open_items})
    summary = f"{day.isoformat()}: {len(agreed)} term(s) agreed"
    if who:
        summary += f" with {who}"
    if open_items:
        summary += f"; still open: {'; '.join(open_items)}"
    case.log("meeting-held", summary)
    return len(agreed)


def record_outcome(
    case: Case, entry: Any, where: str, level: int | None, top: int | None = None
) -> int | None:
    """The outcome of a step (resolved, partly, not) and, when it asks to, an escalation one
    level up (never above ``top``), with who decided and why. Returns the level escalated
    to, if any."""
    if not isinstance(entry, dict):
        raise TrackingError(f"In the updates file, `{where}` must be a table.")
    day = _day(entry, "date", where)
    result = entry.get("result")
    if result not in RESULTS:
        raise TrackingError(
            f"In the updates file, `{where}.result` must be one of {', '.join(RESULTS)}."
        )
    note = _text(entry, "note", where)
    by = _text(entry, "by", where)
    reason = _text(entry, "reason", where)
    escalate = entry.get("escalate", False)
    if not isinstance(escalate, bool):
        raise TrackingError(f"In the updates file, `{where}.escalate` must be true or false.")
    if escalate and not (by and reason):
        raise TrackingError(
            f"In the updates file, `{where}` escalates: say who decided (`by`) and why (`reason`)."
        )
    case.outcomes.append({"date": day, "result": result, "note": note})
    case.log("outcome", f"{day.isoformat()}: {result}" + (f" ({note})" if note else ""))
    if not escalate:
        return None
    to = (level or 1) + 1 if top is None else min((level or 1) + 1, top)
    case.escalated_level = max(case.escalated_level or 0, to)
    case.log("escalated", f"to level {to} by {by}: {reason}")
    return to


def close(case: Case, entry: Any, lessons_file: Any = None) -> None:
    """Close the case with an outcome and the lessons: what we change in the contract, the
    process and the team. The lessons are also appended to the team's lessons file."""
    where = "close"
    if not isinstance(entry, dict):
        raise TrackingError("In the updates file, `close` must be a table.")
    day = _day(entry, "date", where)
    result = entry.get("outcome")
    if result not in RESULTS:
        raise TrackingError(
            f"In the updates file, `close.outcome` must be one of {', '.join(RESULTS)}."
        )
    lessons = {k: _text(entry, k, where) for k in ("contract", "process", "team")}
    case.closed = {"date": day, "outcome": result} | {k: v for k, v in lessons.items() if v}
    case.log("case-closed", f"{day.isoformat()}: {result}")
    if lessons_file is not None and any(lessons.values()):
        _append_lessons(lessons_file, case, day, result, lessons)


def _append_lessons(path: Any, case: Case, day: dt.date, result: str, lessons: dict) -> None:
    from pathlib import Path

    from triage.engine.atomic import private_dir, write_atomic
    from triage.engine.filters import markdown_inline

    target = Path(path)
    before = (
        target.read_text(encoding="utf-8")
        if target.exists()
        else ("# Lessons learned\n\nOne entry per closed case, newest last; written by triage.\n")
    )
    who = markdown_inline(case.counterparty or case.id)
    lines = [f"\n## {day.isoformat()}: {who} ({result})\n"]
    for key, label in (("contract", "Contract"), ("process", "Process"), ("team", "Team")):
        if lessons[key]:
            lines.append(f"- **{label}:** {markdown_inline(lessons[key])}")
    private_dir(target.parent)
    write_atomic(target, (before.rstrip("\n") + "\n" + "\n".join(lines) + "\n").encode("utf-8"))
