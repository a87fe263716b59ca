"""Importing an email thread in the line-by-line prompts, before the communications audit's
questions: files or pasted text in, the audit printed, the sides corrected, confirmed into
the case. The stage's questions then offer what was imported as their answers so far.

The engine (``triage.engine.thread``) reads, audits and merges; this module only asks and
prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from triage.engine.thread import (
    ThreadError,
    audit,
    merge_into_session,
    paths_from_text,
    read_thread,
    sides_from_answers,
    suggestions,
)
from triage.engine.thread.audit import OURS, report_lines, resided, senders
from triage.plain.prompts import ask_checkbox, ask_select, ask_text, say

if TYPE_CHECKING:
    from triage.engine.session import Session
    from triage.engine.thread import Audit, Thread

FILES, PASTE, SKIP, BACK = "files", "paste", "skip", "\x00back"
END = "."  # a line holding only this ends pasted text
UNPLACED = "choose “Correct who is on our side” below"


def offer_import(session: Session) -> bool:
    """Ask whether to import a thread, until one is imported or the user skips; True when
    one was. Raises GoBack when the user asks for the previous question."""
    from triage.plain.runner import GoBack

    has_rows = bool(session.case.answers.get("timeline"))
    while True:
        choice = ask_select(
            "Import an email thread or pasted messages? (files, paste, or skip)",
            [("Files: .eml, .mbox, or .txt of pasted messages", FILES),
             ("Paste the messages here", PASTE),
             ("Skip: answer the questions yourself", SKIP),
             ("◀ Back to the previous question", BACK)],
            default=SKIP if has_rows else FILES,
        )  # fmt: skip
        if choice == BACK:
            raise GoBack
        if choice in (SKIP, None):
            return False
        thread = _read(choice)
        if thread is not None and _review(session, thread):
            return True


def _read(choice: str) -> Thread | None:
    """The thread from files or pasted lines; None (after one sentence) when it cannot be
    read or nothing was given."""
    try:
        if choice == FILES:
            typed = ask_text(
                "Files to read (separate several with spaces; quote a name with a space)",
                instruction="(Enter alone goes back)",
            )
            paths = paths_from_text(typed)
            if not paths:
                return None
            return read_thread(paths)
        pasted = _pasted_lines()
        if not pasted.strip():
            say("  Nothing was pasted.")
            return None
        return read_thread([], pasted=pasted)
    except ThreadError as exc:
        say(f"  {exc}")
        return None


def _pasted_lines() -> str:
    """Lines as pasted, up to a line holding only a full stop (or the end of input)."""
    say(f"Paste the messages, then type a line with a single {END} and press Enter to finish.")
    lines: list[str] = []
    while True:
        try:
            line = input()
        except EOFError:  # Ctrl-D ends the paste as the full stop does
            break
        if line.strip() == END:
            break
        lines.append(line)
    return "\n".join(lines)


def _review(session: Session, thread: Thread) -> bool:
    """Show what the thread says; correct the sides as often as wanted; True once merged."""
    answers = session.case.answers
    found = audit(thread, sides_from_answers(answers))
    while True:
        _show(session, found)
        choice = ask_select(
            "Add this to the case?",
            [("Yes: add the key messages and the suggestions", "yes"),
             ("Yes, and keep each key message in full (not only an excerpt)", "whole"),
             ("Correct who is on our side first", "sides"),
             ("No: leave the case as it is", "no")],
        )  # fmt: skip
        if choice == "sides":
            found = _regroup(session, found)
            continue
        if choice not in ("yes", "whole"):
            say("  Nothing was added.")
            return False
        try:
            made = merge_into_session(session, found, whole=choice == "whole")
        except (ThreadError, ValueError) as exc:
            say(f"  {exc}")
            return False
        except OSError as exc:
            say(f"  The case could not be saved: {exc.strerror or exc}.")
            return False
        say(f"  Added {len(made.added)} key message{'s' if len(made.added) != 1 else ''}. "
            "The questions below start from them: press Enter to keep an answer, or "
            "change it.")  # fmt: skip
        return True


def _show(session: Session, found: Audit) -> None:
    say()
    for line in report_lines(found, UNPLACED):
        say(line)
    made = suggestions(session.playbook, session.case.answers, found)
    say("Adding it to the case would give:")
    for line in made.lines(by_prompt=True):
        say(f"  {line}")


def _regroup(session: Session, found: Audit) -> Audit:
    everyone = senders(found)
    ours = ask_checkbox(
        "Who writes for our side? (Space ticks; the others are theirs)",
        [(f"{s.shown} ({s.messages})", s.key, s.side == OURS) for s in everyone],
    )
    return audit(found.thread, resided(session.case.answers, everyone, ours))
