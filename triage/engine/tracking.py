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
            raise TrackingError("Say why the action moves (--reason), for the ledger.")
    if status == "dropped" and not reason.strip():
        raise TrackingError("Say why the action is dropped (--reason), for the ledger.")
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
    return data


def changes_from_toml(data: dict[str, Any], problem: Any) -> tuple[list[Change], list[dict]]:
    """Read the two tables back; ``problem(key, sentence)`` records what is wrong."""
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
    return changes, added


def _list(data: dict[str, Any], key: str, problem: Any) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problem(key, f"`{key}` must be a list of tables.")
        return []
    return value
