"""Follow-through in the line-by-line prompts, once a case's outputs exist: actions done,
moved, dropped, reopened or added; a meeting and what was agreed; how a step ended, with
an escalation; the close and its lessons. Each change is saved as it is made.

The questions are the engine's (``tracking.form``), asked like a playbook's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from triage.engine.answers import parse_text
from triage.engine.case import today
from triage.engine.filters import as_date, short_date
from triage.engine.library import lessons_file
from triage.engine.session import Session
from triage.engine.tracking import TrackingError, form, overdue_note
from triage.plain.prompts import StoppedTyping, ask_confirm, ask_select, say

if TYPE_CHECKING:
    from triage.engine.model import Question
    from triage.plain.runner import PlainRun

DONE, OPEN, FINISH = "done", "open", "finish"
FINISHED = ("done", "dropped")


def follow_through(session: Session, runner: PlainRun) -> None:
    """A loop of changes to the case until the user chooses to finish."""
    while True:
        rows = session.tracker()
        _show(session, rows)
        if session.case.closed:
            say(f"This case was closed on {session.case.closed.get('date')}.")
            return
        choices = [
            ("An action is done", DONE),
            ("An action needs a new date", "move"),
            ("An action is no longer needed", "drop"),
            ("Add an action", "add"),
            ("A meeting was held: what was agreed", "meeting"),
            ("A step has ended: how (and take it a level up?)", "outcome"),
            ("Close the case, with the lessons learned", "close"),
        ]
        if any(r["status"] in FINISHED for r in rows):
            choices.append(("Open a done or dropped action again", OPEN))
        choice = ask_select("What has happened?", [*choices, ("Finish", FINISH)])
        if choice in (FINISH, None):
            return
        try:
            if choice in (DONE, OPEN):
                _toggle(session, rows, choice)
            else:
                _record(session, runner, rows, choice)
        except (TrackingError, OSError) as exc:
            say(f"Not saved: {exc}")


def _show(session: Session, rows: list[dict[str, Any]]) -> None:
    open_rows = [(n, r) for n, r in enumerate(rows, 1) if r["status"] not in FINISHED]
    say()
    for n, row in open_rows[:8]:
        when = short_date(row["due"]) if row["due"] else "no date"
        day = as_date(row["due"])
        overdue = " (overdue)" if day is not None and day < today() else ""
        say(f"  {n:2}. {when}{overdue}  {row['what']}")
    if len(open_rows) > 8:
        say(f"  ... and {len(open_rows) - 8} more open actions.")
    note = overdue_note(rows, today())
    if note and not session.case.closed:
        say(f"Note: {note}")


def _pick(rows: list[dict[str, Any]], finished: bool) -> int | None:
    """The number of an open action (or a finished one, to reopen), or None if none."""
    shown = [(n, r) for n, r in enumerate(rows, 1) if (r["status"] in FINISHED) == finished]
    if not shown:
        say("There is no such action." if finished else "Every action is done or dropped.")
        return None
    picked = ask_select(
        "Which action?", [(f"{n}. {r['what'][:100]}", n) for n, r in shown] + [("Cancel", 0)]
    )
    return picked or None


def _toggle(session: Session, rows: list[dict[str, Any]], choice: str) -> None:
    number = _pick(rows, finished=choice == OPEN)
    if number is not None:
        what = session.track(str(number), choice)
        say(f"Saved: {what} ({'open again' if choice == OPEN else 'done'}).")


def _record(session: Session, runner: PlainRun, rows: list[dict[str, Any]], kind: str) -> None:
    values: dict[str, Any] = {}
    if kind in ("move", "drop"):
        number = _pick(rows, finished=False)
        if number is None:
            return
        values["which"] = str(number)
    defaults = {"due": as_date(rows[int(values["which"]) - 1]["due"])} if kind == "move" else {}
    if kind == "close":
        say(f"The lessons are also added to the team's file, {lessons_file()}.")
    if kind == "meeting":
        say("Each agreed term becomes a shared action and a line of the follow-up summary.")
    answers = ask_form(runner, form(kind), defaults)
    if answers is None:
        say("Nothing recorded.")
        return
    for line in session.record(kind, values | answers, lessons_file() if kind == "close" else None):
        say(f"Saved. {line}.")
    if kind == "meeting":  # the terms go to the other side in the follow-up summary
        for line in session.agreed_terms_tone():
            say(f"Tone check: {line}")


def ask_form(
    runner: PlainRun, questions: tuple[Question, ...], defaults: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """Ask each question of a form, offering ``defaults`` (else the question's own); None
    when the user goes back out of it. A question with a ``when`` condition is asked,
    and needed, only when its condition holds (the engine's conditions, as in a playbook)."""
    defaults = defaults or {}
    from dataclasses import replace

    from triage.engine.kinds import kind_of
    from triage.engine.sandbox import holds
    from triage.plain.runner import GoBack

    values: dict[str, Any] = {}
    try:
        for question in questions:
            if question.when:  # a condition on the answers so far, as in a playbook
                context = {q.id: values.get(q.id) for q in questions}
                if not holds(question.when, context):
                    continue
                question = replace(question, required=True)
            if question.help:
                say(f"  {question.help}")
            if kind_of(question).has_fields:
                value: Any = _ask_rows(runner, question)
            elif kind_of(question).typed:
                offered = defaults.get(question.id, question.default)
                value = parse_text(question, runner.typed(question, offered))
            else:
                value = runner.picked(question, defaults.get(question.id, question.default))
            if value not in (None, "", []):
                values[question.id] = value
    except (GoBack, StoppedTyping):
        return None
    return values


def _ask_rows(runner: PlainRun, question: Question) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    say(question.prompt)
    while ask_confirm("Add one?" if not rows else "Add another?", default=not rows):
        row = {}
        for field in question.fields:
            value = runner.field_value(field)
            if value is not None:
                row[field.id] = value
        rows.append(row)
    return rows
