"""`triage run ID --plain`: the playbook's questions as line-by-line prompts.

A thin front end over :class:`triage.engine.session.Session`: the session checks,
stores and saves every answer, works out what applies, the scores and the
route; this module only asks and prints.
"""

from __future__ import annotations

import contextlib
import shlex
import sys
from pathlib import Path
from typing import Any

from triage.engine.answers import as_text, check_value, editable_text, parse_text
from triage.engine.errors import AnswersInvalid, OutputExists, TriageError
from triage.engine.evaluate import QuestionState, StageState
from triage.engine.explain import explain_route, score_line
from triage.engine.kinds import kind_of
from triage.engine.model import ROUTE_LABELS, ROUTES, Question
from triage.engine.plaintext import readable
from triage.engine.session import Session
from triage.plain.prompts import (
    StoppedTyping,
    ask_checkbox,
    ask_confirm,
    ask_select,
    ask_text,
    has_terminal,
    inert,
    say,
)
from triage.status import EXIT_INVALID, EXIT_OK, EXIT_STOPPED, EXIT_USAGE

SKIP = "\x00skip"  # the value of the "no answer" choice; never a real option value
BACK = "<"  # typed alone at a text prompt: back to the previous question
BACK_CHOICE = "\x00back"  # the value of the "back" choice in a list of options


class GoBack(Exception):
    """The user asked to go back to the previous question."""


def run_plain(target: str, out: str | Path | None = None, force: bool = False) -> int:
    """Start a case from a playbook, or resume a saved case, asking line by line."""
    if not has_terminal():
        print(
            "triage run --plain needs a terminal to ask its questions; "
            "pass --answers FILE to run without one.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        session, resumed = open_session(target)
    except AnswersInvalid as exc:
        for problem in exc.problems:
            print(inert(problem), file=sys.stderr)
        return EXIT_INVALID
    except TriageError as exc:
        print(inert(exc), file=sys.stderr)
        return EXIT_INVALID
    walk = PlainRun(session, Path(out) if out else None, force, resumed)
    try:
        return walk.run()
    except KeyboardInterrupt:
        return walk.stopped()


def open_session(target: str) -> tuple[Session, bool]:
    """Resume ``target`` when it is a saved case, else start a case from the playbook it names."""
    session = Session.open(target)
    return session, session.resumed


class PlainRun:
    """One walk through a case: stages in order, then the route, then the outputs."""

    def __init__(self, session: Session, out: Path | None, force: bool, resumed: bool):
        self.session = session
        self.out = out
        self.force = force
        self.resumed = resumed

    # -- the walk -----------------------------------------------------------------

    def run(self) -> int:
        session = self.session
        playbook = session.playbook
        say(f"{playbook.title} (playbook {playbook.id} {playbook.version})")
        say("Answer each question and press Enter. Ctrl-C stops; what you have answered is kept.")
        for notice in session.notices:
            say(f"Note: {notice}")
        reached = session.current()
        if self.resumed and session.written:
            choice = ask_select(
                "This case's outputs are written. What would you like to do?",
                [("Record what has happened since: actions, a meeting, the outcome", "follow"),
                 ("Go through the answers again", "answers")],
            )  # fmt: skip
            if choice == "follow":
                from triage.plain.follow import follow_through

                follow_through(session, self)
                say(
                    f"Saved. actions.csv, actions.ics and plan.md in {session.folder} are up to date."
                )
                return EXIT_OK
        if self.resumed:
            say(f"Resuming case {session.case.id} at the stage “{reached.stage.title}”.")
            say("Answers you gave before are offered as defaults: press Enter to keep them.")
        say(f"Type {BACK} (or choose “◀ Back”) to go back to the previous question.")
        stage: StageState | None = reached
        unanswered_only = self.resumed  # a resumed case starts at its first open question
        from_end = False
        while stage is not None:
            self.enter(stage.stage.id)
            try:
                self.ask_stage(stage.stage.id, unanswered_only, from_end)
            except GoBack:
                previous = session.previous_stage()
                if previous is None:
                    say("  This is the first question.")
                    from_end = False
                else:
                    stage, from_end = previous, True
                continue
            from_end = False  # a resumed walk keeps skipping what is already answered
            self.show_scores()
            stage = session.next_stage()
        self.revisit()
        self.choose_route()
        return self.write()

    def enter(self, stage_id: str) -> None:
        """Record the stage reached (saved with the first answer when the case is new)."""
        if self.session.folder is None:
            self.session.case.stage = stage_id
        else:
            self.session.go_to(stage_id)

    def stage_state(self, stage_id: str) -> StageState:
        found = self.session.evaluation.stage(stage_id)
        assert found is not None
        return found

    def question_state(self, stage_id: str, question_id: str) -> QuestionState:
        stage = self.stage_state(stage_id)
        return next(q for q in stage.questions if q.question.id == question_id)

    def _applies(self, stage_id: str, question: Question) -> bool:
        return self.question_state(stage_id, question.id).applies

    def ask_stage(
        self, stage_id: str, unanswered_only: bool = False, from_end: bool = False
    ) -> None:
        """Ask a stage's questions in order; ``<`` goes back one, and from the first question
        back to the previous stage (GoBack). ``from_end``: start at its last question."""
        state = self.stage_state(stage_id)
        number, of = self.session.position(stage_id)
        say()
        say(f"== Stage {number} of {of}: {state.stage.title} ==")
        if state.stage.guidance.strip() and not from_end:
            say(readable(state.stage.guidance.strip()))
        if not from_end and self._imports_into(state, unanswered_only):
            from triage.plain.thread import offer_import

            if offer_import(self.session):  # imported: every question, to confirm or edit
                unanswered_only = False
        questions = state.stage.questions
        index = len(questions) - 1 if from_end else 0
        asked: list[int] = []  # the questions asked so far in this stage, for going back
        while 0 <= index < len(questions):
            # conditions are evaluated again after every answer
            if not self.stage_state(stage_id).applies:
                return
            question = questions[index]
            found = self.question_state(stage_id, question.id)
            if not found.applies or (unanswered_only and found.answered and not found.missing):
                index = index - 1 if from_end and not asked else index + 1
                if from_end and not asked and index < 0:
                    raise GoBack  # nothing to go back to in this stage
                continue
            try:
                self.ask(question)
            except GoBack:
                earlier = [i for i in range(index) if self._applies(stage_id, questions[i])]
                if asked:
                    index = asked.pop()
                elif earlier:  # skipped as already answered: going back shows it
                    index = earlier[-1]
                else:
                    raise
                unanswered_only = False  # going back shows every question again
                from_end = True
                continue
            asked.append(index)
            from_end = False
            index += 1

    def _imports_into(self, state: StageState, unanswered_only: bool) -> bool:
        """Whether to offer a thread import here: the communications timeline's stage, with
        something still to answer in it."""
        from triage.engine.thread.merge import timeline_stage

        if timeline_stage(self.session.playbook) != state.stage.id:
            return False
        return not unanswered_only or any(q.applies and not q.answered for q in state.questions)

    def revisit(self) -> None:
        """Ask again for required answers still missing and answers that no longer fit."""
        for _ in range(len(self.session.playbook.questions) + 1):
            pending = [q.question for q in self.session.evaluation.missing]
            pending += [
                q.question
                for s in self.session.applicable()
                for q in s.questions
                if q.applies and q.question.id in self.session.invalid
            ]
            if not pending:
                return
            say()
            say("A few answers are still needed:")
            for question in dict.fromkeys(pending):
                if question.id in self.session.invalid:
                    say(f"({question.prompt}: {self.session.invalid[question.id]})")
                with contextlib.suppress(GoBack):  # nothing to go back to here: asked again
                    self.ask(question)

    # -- one question ---------------------------------------------------------------

    def ask(self, question: Question) -> None:
        """Ask until the session accepts the answer (it checks and saves it)."""
        session = self.session
        if question.help:
            say(f"  {question.help}")
        while True:
            current = session.value(question.id)
            kind = kind_of(question)
            if kind.has_fields:
                try:
                    self.ask_list(question, current or [])
                    return
                except ValueError as exc:
                    say(f"  {exc}")
                    continue
            if kind.typed:
                try:
                    text = self.typed(question, current, session.pending_text(question.id))
                except StoppedTyping as stop:
                    session.keep_text(question.id, stop.typed.strip() or None)
                    raise
                offer = session.offer(question.id, text=text)
            else:
                offer = session.offer(question.id, value=self.picked(question, current))
            if offer.unsaved:
                say(f"  {offer.unsaved}")
            if offer.stored:
                return
            say(f"  {offer.reason}")

    def typed(self, question: Question, current: Any, pending: str | None = None) -> str:
        text = self._typed(question, current, pending)
        if text.strip() == BACK:
            raise GoBack
        if not kind_of(question).multiline:  # pasted lines in one line: joined, not lost
            text = " ".join(part.strip() for part in text.splitlines() if part.strip())
        return text

    def _typed(self, question: Question, current: Any, pending: str | None = None) -> str:
        def check(text: str) -> bool | str:
            if text.strip() == BACK:
                return True
            try:
                parse_text(question, text)
            except ValueError as exc:
                return str(exc)
            return True

        if pending:
            # Text typed before a Ctrl-C or a crash comes back in the box, to carry on.
            return ask_text(
                _message(question),
                default=pending,
                check=check,
                instruction=f"{_instruction(question)} (what you had typed, kept)".strip(),
            )
        kept = editable_text(question, current)
        if not kept:
            return ask_text(_message(question), check=check, instruction=_instruction(question))

        def keep_or_check(text: str) -> bool | str:
            if text.strip() == BACK:
                return True
            wiped = text.strip() == CLEAR and not question.required
            return True if text.strip() == "" or wiped else check(text)

        # The answer so far is shown as a hint, not put in the box: typing replaces it
        # instead of running on after it ("GBPEUR"), and Enter keeps it.
        clear = "" if question.required else f", {CLEAR} to clear it"
        shown = kept if len(kept) <= 30 else "the answer shown"
        typed = ask_text(
            _message(question),
            check=keep_or_check,
            instruction=f"{_instruction(question)} (Enter keeps {shown}{clear})".strip(),
            hint=kept,
        )
        if typed.strip() == "":
            return kept
        return "" if typed.strip() == CLEAR and not question.required else typed

    def picked(self, question: Question, current: Any) -> Any:
        """A value for a question answered by choosing: ticked in a checkbox list when
        several may be chosen (multi), else one picked from a list."""
        if question.kind == "multi":

            def check(chosen: list[str]) -> bool | str:
                try:
                    check_value(question, chosen)
                except ValueError as exc:
                    return str(exc)
                return True

            chosen = current if isinstance(current, list) else []
            items = [(o.label, o.value, o.value in chosen) for o in question.options]
            return ask_checkbox(_message(question), items, check=check)
        choices = CHOICES[question.kind](question)
        if not question.required:
            choices.append(("(no answer)", SKIP))
        choices.append(("◀ Back to the previous question", BACK_CHOICE))
        value = ask_select(_message(question), choices, default=current)
        if value == BACK_CHOICE:
            raise GoBack
        return None if value == SKIP else value

    def ask_list(self, question: Question, rows: list[dict[str, Any]]) -> None:
        """Keep all, some or none of the rows so far, then add rows one at a time; the list
        is saved after every change."""
        rows = list(rows)
        wanted = question.required or (question.min or 0) > 0
        if rows:
            say(f"{question.prompt} (kept so far):")
            for index, row in enumerate(rows, 1):
                say(f"  {index}. {_row_text(question, row)}")
            keep = ask_select(
                f"Keep these {len(rows)} entries?",
                [("Yes, keep them all", "all"), ("Keep some: tick the ones to keep", "some"),
                 ("No, start again", "none")],
            )  # fmt: skip
            if keep == "none":
                rows = []
            elif keep == "some":
                ticked = ask_checkbox(
                    "Which entries to keep? (Space ticks, Enter confirms)",
                    [(f"{n}. {_row_text(question, row)}", n - 1, True)
                     for n, row in enumerate(rows, 1)],
                )  # fmt: skip
                rows = [row for index, row in enumerate(rows) if index in (ticked or [])]
                self.session.offer(question.id, value=rows)  # too few is said when it is done
        else:
            say(question.prompt)
        while True:
            more = ask_confirm(
                "Add another entry?" if rows else "Add an entry?", default=wanted and not rows
            )
            if not more:
                offer = self.session.offer(question.id, value=rows)
                if offer.unsaved:
                    say(f"  {offer.unsaved}")
                if not offer.stored:
                    raise ValueError(offer.reason)  # too few rows: asked again
                return
            row = {}
            for field in question.fields:
                value = self.field_value(field)
                if value is not None:
                    row[field.id] = value
            rows.append(row)
            say(f"  Added: {_row_text(question, row)}")
            # not enough rows yet is not an error here: the list is saved once it is valid
            self.session.offer(question.id, value=rows)

    def field_value(self, field: Question) -> Any:
        if kind_of(field).typed:
            return parse_text(field, self.typed(field, None))
        return self.picked(field, None)

    # -- scores, route and outputs ----------------------------------------------------

    def show_scores(self) -> None:
        """One line per score, after a stage, only when a score has changed: what drove it
        is in the plan, not read out again at every stage."""
        scores = self.session.evaluation.scores
        now = {name: (s.value, s.band) for name, s in scores.items()}
        if not scores or now == getattr(self, "_scores_shown", None):
            return
        self._scores_shown = now
        say()
        for score in scores.values():
            say(f"Score: {score_line(score)}")

    def choose_route(self) -> None:
        session = self.session
        route = session.evaluation.route
        shown = explain_route(session)
        say()
        say(f"Recommended route: {shown.recommended}")
        if shown.level is not None and not shown.chosen:
            say(f"  {shown.level.heading()}")
            for line in shown.level_reasons:
                say(f"  {line}")
        say(f"  Why: {shown.why}")
        if shown.rules:
            say("  Rules that held (the first decides):")
            for held in shown.rules:
                say(f"    - {held.label}: {held.because}")
        else:
            say("  No rule held, so this is the playbook's default route.")
        if shown.chosen:
            say(f"  Earlier you chose {shown.chosen} instead, because: {shown.chosen_because}")
            if shown.level is not None:  # the level of the route being taken: the choice
                say(f"  {shown.level.heading(' for your choice')}")
        say(f"  Alternatives: {', '.join(shown.alternatives)}")
        if shown.superseded:
            say(f"  {shown.decision}")
        others = [r for r in ROUTES if r != route.recommended]
        choices = [(f"Accept: {ROUTE_LABELS[route.recommended]}", route.recommended)]
        choices += [(f"Choose instead: {ROUTE_LABELS[r]}", r) for r in others]
        chosen = ask_select("Which route will you take?", choices, default=route.chosen)
        if chosen == route.recommended:
            session.accept_route()
            return

        def check(text: str) -> bool | str:
            return True if text.strip() else "Give a reason for choosing another route."

        reason = ask_text(
            f"Why {ROUTE_LABELS[chosen].lower()} rather than the recommendation?",
            default=route.override_reason if route.chosen == chosen else "",
            check=check,
        )
        session.override(chosen, reason)
        say(f"Recorded: {ROUTE_LABELS[chosen]}, because {reason.strip()}")

    def write(self) -> int:
        session = self.session
        for note in session.outdated_draft_notes():
            say(note)
        try:
            try:
                written = session.write_outputs(self.out, force=self.force)
            except OutputExists as exc:
                say()
                say("These files are already there:")
                for path in exc.paths:
                    say(f"  {path}")
                if not ask_confirm("Replace them?", default=False):
                    say("Left them as they were. To write the outputs later:")
                    say(f"  {self.command('render')} --force")
                    return EXIT_OK
                written = session.write_outputs(self.out, force=True)
        except TriageError as exc:
            say(f"The outputs could not be written: {exc}")
            return EXIT_INVALID
        except Exception as exc:  # a template that fails to render: one sentence
            from triage.engine.render import RenderError
            from triage.engine.sandbox import ExpressionError

            if not isinstance(exc, (RenderError, ExpressionError, OSError)):
                raise
            say(f"The outputs could not be written: {exc}")
            return EXIT_INVALID
        say()
        say("Wrote:")
        for path in written:
            say(f"  {path}")
        from triage.engine.addresses import missing_addresses

        emails = {
            path.name: path.read_bytes() for path in written if path.suffix in (".eml", ".md")
        }
        copies = session.preview().emails
        for note in missing_addresses(emails, copies):
            say(note)
        self.show_tone()
        say(f"The case is saved in {session.path}; to change answers later: {self.command()}")
        return EXIT_OK

    def show_tone(self) -> None:
        """The tone check on the drafts just written, and on the answers they quote."""
        from triage.engine.tone import check_session, configured_rules

        rules, problem = configured_rules()
        if problem:
            say(f"Note: {problem}")
        try:
            findings = check_session(self.session, rules)
        except TriageError:
            return  # the outputs were written, so this cannot happen; never stop on it
        if not findings:
            return
        say()
        count = len(findings)
        say(f"Tone check: {count} phrase{'s' if count != 1 else ''} to reconsider before sending:")
        for finding in findings:
            say(f"  - {finding.message()}")

    def command(self, verb: str = "run") -> str:
        case_id = shlex.quote(self.session.case.id)
        return f"triage run {case_id} --plain" if verb == "run" else f"triage {verb} {case_id}"

    def stopped(self) -> int:
        print(file=sys.stderr)
        if self.session.folder is None:
            print("Stopped before the first answer; nothing was saved.", file=sys.stderr)
        else:
            with contextlib.suppress(OSError):  # every answer was saved when it was given
                self.session.save()
            print(f"Stopped. Your answers are saved in {self.session.path}.", file=sys.stderr)
            print(f"To carry on where you left off: {self.command()}", file=sys.stderr)
        return EXIT_STOPPED


# -- small text helpers ----------------------------------------------------------------


def _message(question: Question) -> str:
    if question.required or "(optional)" in question.prompt.lower():
        return question.prompt
    return question.prompt + " (optional)"


CLEAR = "-"  # typed alone at a text prompt: remove the answer


def _instruction(question: Question) -> str:
    return kind_of(question).hint(question)


def _scale(question: Question) -> list[tuple[str, Any]]:
    labels = question.labels or ("",) * 5
    return [(f"{n} {label}".strip(), n) for n, label in enumerate(labels, 1)]


# The one table from a chosen kind to its list of choices: typed kinds are asked with a
# text prompt, lists row by row, multi with ticks; the rest pick one of these.
CHOICES = {
    "choice": lambda q: [(o.label, o.value) for o in q.options],
    # a choice, so that an unanswered question never reads as No
    "yesno": lambda q: [("Yes", True), ("No", False)],
    "scale": _scale,
}


def _row_text(question: Question, row: dict[str, Any]) -> str:
    return (
        ", ".join(as_text(f, row[f.id]) for f in question.fields if row.get(f.id) is not None)
        or "(empty)"
    )
