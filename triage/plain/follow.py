"""Follow-through in the line-by-line prompts: mark a case's actions done, moved or
dropped, or add one, once its outputs exist. Every change is saved as it is made."""

from __future__ import annotations

import datetime as dt

from triage.engine.filters import as_date, short_date
from triage.engine.session import Session
from triage.engine.tracking import TrackingError
from triage.plain.prompts import ask_select, ask_text, say

DONE, MOVE, DROP, ADD, FINISH = "done", "moved", "dropped", "add", "finish"


def _date(text: str) -> bool | str:
    day = as_date(text.strip())
    return True if day else "Type the date as YYYY-MM-DD, for example 2027-01-15."


def _reason(text: str) -> bool | str:
    return True if text.strip() else "Say why, in a few words: it goes into the ledger."


def follow_through(session: Session) -> None:
    """A loop of small changes to the tracker until the user chooses to finish."""
    while True:
        rows = session.tracker()
        open_rows = [(n, r) for n, r in enumerate(rows, 1) if r["status"] not in (DONE, DROP)]
        say()
        for n, row in open_rows[:8]:
            when = short_date(row["due"]) if row["due"] else "no date"
            day = as_date(row["due"])
            overdue = " (overdue)" if day is not None and day < dt.date.today() else ""
            say(f"  {n:2}. {when}{overdue}  {row['what']}")
        if len(open_rows) > 8:
            say(f"  ... and {len(open_rows) - 8} more open actions.")
        choice = ask_select(
            "What has happened?",
            [
                ("An action is done", DONE),
                ("An action needs a new date", MOVE),
                ("An action is no longer needed", DROP),
                ("Add an action", ADD),
                ("Finish", FINISH),
            ],
        )
        if choice == FINISH or choice is None:
            return
        try:
            if choice == ADD:
                what = ask_text("What is the new action?", check=_reason)
                due = ask_text(
                    "Due date (YYYY-MM-DD), or leave empty",
                    check=lambda t: True if not t.strip() else _date(t),
                )
                session.add_action(what, due=due.strip() or None)
                say(f"Added: {what}")
                continue
            if not open_rows:
                say("Every action is done or dropped.")
                continue
            number = ask_select(
                "Which action?",
                [(f"{n}. {row['what'][:100]}", n) for n, row in open_rows],
            )
            new_date = ask_text("New date (YYYY-MM-DD)", check=_date) if choice == MOVE else None
            reason = ask_text("Why?", check=_reason) if choice in (MOVE, DROP) else ""
            what = session.track(str(number), choice, new_date, reason)
            say(f"Saved: {what} ({choice}{' to ' + new_date if new_date else ''}).")
        except TrackingError as exc:
            say(str(exc))
