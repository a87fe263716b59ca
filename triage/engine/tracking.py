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
    from triage.engine.model import Question

STATUSES = ("open", "done", "moved", "dropped")
_LEDGER = {
    "done": "action-done",
    "moved": "action-moved",
    "dropped": "action-dropped",
    "open": "action-reopened",
}


class TrackingError(ValueError):
    """A change that cannot be made, in one sentence for the user."""


@dataclass(frozen=True)
class Change:
    """The latest word on one action: its status, a new date when moved, and why.

    ``key`` names a playbook's action by its template, so that the change stays with it
    when its words change (an escalation names another level, a date is reworded);
    ``action`` is its text when the change was made, for people and for older files."""

    action: str
    status: str
    due: dt.date | None = None
    reason: str = ""
    key: str = ""


def action_key(template: str, taken: list[Any], ident: str = "") -> str:
    """A short, stable name for a playbook action: its ``id`` when the playbook gives one,
    else a digest of its unrendered text (and a number when two share it)."""
    import hashlib

    base = (
        f"id-{ident}"
        if ident
        else "a-" + hashlib.sha256(" ".join(template.split()).encode()).hexdigest()[:12]
    )
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def _change_for(row: dict[str, Any], changes: list[Change]) -> Change | None:
    keys = {k for k in (row.get("key"), row.get("legacy_key")) if k}
    by_key = next((c for c in changes if c.key in keys), None)
    # else by its words: an older file, or a playbook whose author reworded the action
    return by_key or next((c for c in changes if c.action == row["what"]), None)


def apply(rows: list[dict[str, Any]], case: Case) -> list[dict[str, Any]]:
    """The tracker rows with the case's changes laid over them and its added actions in."""
    changes = case.action_changes
    out = []
    for row in rows:
        change = _change_for(row, changes)
        if change is not None:
            row = dict(row, status=change.status)
            if change.due is not None:
                row["due"] = change.due.isoformat()
        out.append(row)
    for added in case.added_actions:
        change = _change_for({"what": added["what"]}, changes)
        due = change.due if change and change.due else as_date(added.get("due"))
        out.append(
            {
                "what": added["what"],
                "owner": added.get("owner", ""),
                "due": due.isoformat() if due else "",
                "status": change.status if change else "open",
                "audience": "shared" if added.get("shared") else "internal",
                "shared": bool(added.get("shared")),
                "outward": False,  # a step added later: the drafts read every row's keys
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
        raise TrackingError(f"{status!r} is not a change; use done, moved, dropped or open.")
    row = find(rows, which)
    before = _change_for(row, case.action_changes)
    if before is not None:
        case.action_changes = [c for c in case.action_changes if c is not before]
    if status == "open":  # marked done or dropped by mistake: open again, as first planned
        if before is None:
            raise TrackingError(f"“{row['what']}” is already open.")
        case.log(_LEDGER[status], str(row["what"]), who)
        return str(row["what"])
    new_due = None
    if status == "moved":
        new_due = as_date(due)
        if new_due is None:
            raise TrackingError("Give the new date as YYYY-MM-DD to move an action.")
        if not reason.strip():
            raise TrackingError("Say why the action moves: the reason goes into the ledger.")
    if status == "dropped" and not reason.strip():
        raise TrackingError("Say why the action is dropped: the reason goes into the ledger.")
    case.action_changes.append(
        Change(row["what"], status, new_due, reason.strip(), str(row.get("key") or ""))
    )
    detail = row["what"]
    if new_due:
        detail += f" -> {new_due.isoformat()}"
    if reason.strip():
        detail += f" (because: {reason.strip()})"
    if who.strip():
        detail += f" [by {who.strip()}]"
    case.log(_LEDGER[status], detail, who)
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
    """Add a new action to the case and log it; TrackingError when it has no text or a bad date."""
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


def overdue_note(rows: list[dict[str, Any]], today: dt.date) -> str:
    """A sentence when a date has passed on an action still open. A date agreed with the
    other side, missed, is when to record how the step ended and perhaps escalate; one of
    our own only needs doing, a new date or dropping."""
    late = [
        (day, str(row["what"]), bool(row.get("shared")))
        for row in rows
        if row.get("status") not in ("done", "dropped")
        and (day := as_date(row.get("due"))) is not None
        and day < today
    ]
    if not late:
        return ""
    day, what, shared = min(late)
    more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
    if shared:
        return (
            f"“{what}” was due on {day.isoformat()}{more}. If it will not happen, record how "
            "this step ended and, if the informal attempt has run its time, take it a level up."
        )
    return (
        f"“{what}” was due on {day.isoformat()}{more}: mark it done, give it a new date, or "
        "drop it if it is no longer needed."
    )


@dataclass(frozen=True)
class DueItem:
    """An open action due soon or overdue, with the case it belongs to."""

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
    """The case's tracked changes as TOML tables, leaving out what is empty."""
    data: dict[str, Any] = {}
    if case.action_changes:
        data["action_status"] = [
            {"action": c.action, "status": c.status}
            | ({"key": c.key} if c.key else {})
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
        key = entry.get("key")
        changes.append(
            Change(
                action,
                status,
                as_date(entry.get("due")),
                str(entry.get("reason", "")),
                key if isinstance(key, str) else "",
            )
        )
    added: list[dict[str, Any]] = []
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
RESULT_WORDS = {"resolved": "resolved", "partly": "partly resolved", "not": "not resolved"}


def _fail(where: str, key: str, sentence: str, label: str) -> TrackingError:
    """A mistake in an updates file names the key; in a form (``where`` empty), the field."""
    if where:
        return TrackingError(f"In the updates file, `{where}{'.' if key else ''}{key}` {sentence}.")
    return TrackingError(f"{label} {sentence}.")


def _text(entry: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = entry.get(key) or ""
    if not isinstance(value, str) or (required and not value.strip()):
        need = "must be text" if not required else "is needed, as text"
        raise _fail(where, key, need, f"“{key.replace('_', ' ').capitalize()}”")
    return " ".join(value.split())


def _day(entry: dict[str, Any], key: str, where: str) -> dt.date:
    day = as_date(entry.get(key))
    if day is None:
        raise _fail(where, key, "must be a date (2026-12-10)", "The date")
    return day


def _table(entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise TrackingError(f"In the updates file, `{where}` must be a table.")
    return entry


def _lines(value: Any, where: str, key: str, label: str) -> list[Any]:
    """A list from an updates file, or one item a line from a form's text box."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    if not isinstance(value, list):
        raise _fail(where, key, "must be a list", label)
    return value


def record_meeting(case: Case, entry: Any, where: str = "") -> int:
    """A meeting: when, who, what was agreed (each term becomes a shared action and a line
    of the follow-up summary) and what is still open. Returns how many terms were agreed.
    Everything is checked before anything is recorded."""
    entry = _table(entry, where)
    day = _day(entry, "date", where)
    who = _text(entry, "who", where)
    agreed = _lines(entry.get("agreed"), where, "agreed", "What was agreed")
    still_open = _lines(entry.get("still_open"), where, "still_open", "What is still open")
    terms, actions = [], []
    for index, item in enumerate(agreed):
        place = f"{where}.agreed[{index}]" if where else ""
        if isinstance(item, str):  # a term typed on its own line
            item = {"term": item}
        if not isinstance(item, dict):
            raise _fail(place, "", "must be a table (term, owner, due)", "Each agreed term")
        term = _text(item, "term", place, required=True)
        owner = _text(item, "owner", place)
        due = as_date(item.get("due")) if item.get("due") else None
        if item.get("due") and due is None:
            raise _fail(place, "due", "must be a date (2026-12-10)", f"The date of “{term}”")
        detail = ", ".join(p for p in (owner, f"by {due.isoformat()}" if due else "") if p)
        terms.append({"term": term, "detail": detail} if detail else {"term": term})
        actions.append({"what": term, "owner": owner, "due": due, "shared": True})
    case.answers["agreed_terms"] = list(case.answers.get("agreed_terms") or []) + terms
    case.added_actions.extend(actions)
    open_items = [" ".join(str(s).split()) for s in still_open if str(s).strip()]
    case.meetings.append({"date": day, "who": who, "agreed": len(terms), "still_open": open_items})
    summary = f"{day.isoformat()}: {len(terms)} term(s) agreed"
    if who:
        summary += f" with {who}"
    if open_items:
        summary += f"; still open: {'; '.join(open_items)}"
    case.log("meeting-held", summary)
    return len(terms)


def record_outcome(
    case: Case, entry: Any, where: str, level: int | None, top: int | None = None
) -> int | None:
    """The outcome of a step (resolved, partly, not) and, when it asks to, an escalation one
    level up (never above ``top``), with who decided and why. Returns the level escalated
    to, if any."""
    entry = _table(entry, where)
    day = _day(entry, "date", where)
    result = _result(entry, "result", where)
    note = _text(entry, "note", where)
    by = _text(entry, "by", where)
    reason = _text(entry, "reason", where)
    escalate = entry.get("escalate") or False
    if not isinstance(escalate, bool):
        raise _fail(where, "escalate", "must be true or false", "Escalate")
    if escalate and not (by and reason):
        if where:
            raise TrackingError(
                f"In the updates file, `{where}` escalates: say who decided (`by`) and why "
                "(`reason`)."
            )
        raise TrackingError("To escalate, say who decided and why: both go into the ledger.")
    case.outcomes.append({"date": day, "result": result, "note": note})
    said = f"{day.isoformat()}: {RESULT_WORDS[result]}" + (f" ({note})" if note else "")
    case.log("outcome", said, by)
    if not escalate:
        return None
    to = (level or 1) + 1 if top is None else min((level or 1) + 1, top)
    case.escalated_level = max(case.escalated_level or 0, to)
    case.log("escalated", f"to level {to} by {by}: {reason}", by)
    return to


def _result(entry: dict[str, Any], key: str, where: str) -> str:
    """How a step or the case ended: resolved, partly or not."""
    result = entry.get(key)
    if result not in RESULTS:
        raise _fail(where, key, f"must be one of {', '.join(RESULTS)}", f"The {key}")
    return str(result)


def close(case: Case, entry: Any, lessons_file: Any = None, where: str = "close") -> bool:
    """Close the case with an outcome and the lessons: what we change in the contract, the
    process and the team. The lessons are also appended to the team's lessons file;
    returns whether there were any to add."""
    entry = _table(entry, where)
    day = _day(entry, "date", where)
    result = _result(entry, "outcome", where)
    by = _text(entry, "by", where)
    lessons = {k: _text(entry, k, where) for k in ("contract", "process", "team")}
    case.closed = {"date": day, "outcome": result} | {k: v for k, v in lessons.items() if v}
    case.log("case-closed", f"{day.isoformat()}: {RESULT_WORDS[result]}", by)
    if lessons_file is not None and any(lessons.values()):
        _append_lessons(lessons_file, case, day, result, lessons)
        return True
    return False


# -- the same changes as forms, for the app and the line-by-line prompts --------------------


def _q(qid: str, kind: str, prompt: str, **more: Any) -> Question:
    from triage.engine.model import Question

    return Question(qid, kind, prompt, **more)


def _results(prompt: str, qid: str) -> Question:
    from triage.engine.model import Option

    return _q(qid, "choice", prompt, required=True,
              options=tuple(Option(v, RESULT_WORDS[v].capitalize()) for v in RESULTS))  # fmt: skip


def form(kind: str, today: dt.date | None = None) -> tuple[Question, ...]:
    """The questions that record a change of ``kind`` (add, move, drop, meeting, outcome,
    close), checked by the engine like any answer; their ids are the keys of an updates
    file, so a form's answers go to :meth:`Session.record` as they are."""
    from triage.engine.case import today as on_the_calendar

    today = today or on_the_calendar()
    date = _q("date", "date", "When?", required=True, default=today)
    why = _q("reason", "text", "Why? (kept in the ledger)", required=True)
    forms: dict[str, tuple[Question, ...]] = {
        "add": (
            _q("what", "text", "What is the new action?", required=True),
            _q("owner", "text", "Who owns it?"),
            _q("due", "date", "Due date"),
            _q("shared", "yesno", "Shared with the other side?"),
        ),
        "move": (_q("due", "date", "New date", required=True), why),
        "drop": (why,),
        "meeting": (
            date,
            _q("who", "text", "Who was there?", help="Names and roles, from both sides."),
            _q(
                "agreed",
                "list",
                "What was agreed?",
                help="One entry a term: it becomes a shared action and a line of the "
                "follow-up summary of agreed terms.",
                fields=(
                    _q("term", "text", "Term", required=True),
                    _q("owner", "text", "Owner"),
                    _q("due", "date", "By when"),
                ),
            ),
            _q("still_open", "longtext", "What is still open? (one item a line)"),
        ),
        "outcome": (
            date,
            _results("Result", "result"),
            _q("note", "text", "What happened, in a line"),
            _q(
                "escalate",
                "yesno",
                "Take it one level up?",
                help="When the time-boxed attempt has run out or an agreed date was missed.",
            ),
            _q(
                "by",
                "text",
                "Who decided?",
                when="escalate",
                help="Needed to escalate: the ledger says who took it up a level.",
            ),
            _q("reason", "text", "Why? (kept in the ledger)", when="escalate"),
        ),  # by and reason: asked (line by line) only when escalating; needed then
        "close": (
            date,
            _results("How did the dispute end?", "outcome"),
            _q("by", "text", "Who closes it?"),
            _q(
                "contract",
                "longtext",
                "Lesson for the contract",
                help="A clause to add or change: notice, acceptance, change control, "
                "a dispute ladder.",
            ),
            _q(
                "process",
                "longtext",
                "Lesson for the process",
                help="An early warning to watch for, a review to hold, a check before sending.",
            ),
            _q(
                "team",
                "longtext",
                "Lesson for the team",
                help="Who talks to the other side, and how; one voice, written recaps.",
            ),
        ),
    }
    return forms[kind]


def _append_lessons(
    path: Any, case: Case, day: dt.date, result: str, lessons: dict[str, Any]
) -> None:
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
    lines = [f"\n## {day.isoformat()}: {who} ({RESULT_WORDS.get(result, result)})\n"]
    for key, label in (("contract", "Contract"), ("process", "Process"), ("team", "Team")):
        if lessons[key]:
            lines.append(f"- **{label}:** {markdown_inline(lessons[key])}")
    private_dir(target.parent)
    write_atomic(target, (before.rstrip("\n") + "\n" + "\n".join(lines) + "\n").encode("utf-8"))
