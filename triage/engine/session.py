"""A case in progress: the one object both front ends drive.

Every answer is checked, stored and saved atomically the moment it is given,
so a killed process resumes at the last answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from triage.engine.answers import Offer, check_value, consider
from triage.engine.case import CASE_FILE, Case, load_case, new_case_id
from triage.engine.errors import PlaybookInvalid, Problem, TriageError
from triage.engine.evaluate import Evaluation, StageState, evaluate
from triage.engine.library import cases_dir, find_playbook
from triage.engine.model import Playbook
from triage.engine.outputs import write_outputs, written_state
from triage.engine.playbook import load_playbook
from triage.engine.render import Rendered, render_case, render_one, render_parts


@dataclass(frozen=True)
class Acceptance:
    """An explicit "accept the recommended route", as the ledger records it."""

    route: str
    at: dt.datetime
    superseded: bool  # the answers now recommend another route (or another was chosen)
    now_recommended: str = ""

    @property
    def on(self) -> str:
        """The day it was accepted, as people write it: "4 December 2026"."""
        return f"{self.at.day} {self.at:%B %Y}"

    def change(self) -> str:
        """What changed since, in one sentence, for every front end."""
        from triage.engine.names import ROUTE_LABELS

        return (
            f"On {self.on} you accepted {ROUTE_LABELS.get(self.route, self.route)}; "
            "your answers have changed since, and they now lead to "
            f"{ROUTE_LABELS.get(self.now_recommended, self.now_recommended)}."
        )


class Session:
    """A playbook, a case, and the evaluation of the case's answers."""

    def __init__(
        self,
        playbook: Playbook,
        case: Case,
        folder: Path | None = None,
        evaluation: Evaluation | None = None,
    ):
        """``evaluation``: the evaluation of exactly these answers, when the caller has it
        (an answers file is evaluated while it is read); otherwise it is worked out."""
        self.playbook = playbook
        self.case = case
        self.folder = folder  # where case.toml lives; chosen at the first save when None
        self.notices: list[str] = []
        self.invalid: dict[str, str] = {}  # question id -> why a stored answer no longer fits
        self.resumed = False
        self._unsaved = False  # an answer is held in memory that a save failed to write
        self.evaluation: Evaluation = evaluation or self._evaluate()

    # -- starting and resuming ------------------------------------------------

    @classmethod
    def start(cls, playbook: Playbook, folder: Path | None = None) -> Session:
        return cls(playbook, Case.new(playbook), folder)

    @classmethod
    def from_answers(cls, playbook: Playbook, path: Path) -> Session:
        """A whole case from an answers file, for a run that asks nothing: at the last
        stage, with the recommendation in the ledger. Nothing is saved until
        :meth:`write_with_case`."""
        from triage.engine.answersfile import read_answers_evaluated

        case, evaluation = read_answers_evaluated(path, playbook)
        session = cls(playbook, case, evaluation=evaluation)
        if playbook.stages:
            last = playbook.stages[-1]
            session.case.stage, session.case.stage_title = last.id, last.title
        route = session.evaluation.route
        session.case.log_once("route-recommended", f"{route.recommended}: {route.because}")
        return session

    @classmethod
    def open(cls, target: str) -> Session:
        """Resume ``target`` when it names a saved case, else start a case from the playbook.

        ``session.resumed`` tells which happened.
        """
        if is_case_target(target):
            return cls.resume(target)
        return cls.start(find_playbook(target))

    @classmethod
    def resume(cls, target: str | Path) -> Session:
        """Resume a case by its id, its folder or its case.toml."""
        path = case_path(target)
        case = load_case(path)
        playbook = _playbook_for(case)
        session = cls(playbook, case, path.parent)
        session.resumed = True
        if case.playbook_hash and case.playbook_hash != playbook.content_hash:
            session.notices.append(
                f"The playbook {playbook.id!r} has changed since this case was started; "
                "answers are kept, and any that no longer fit are marked."
            )
            was = case.playbook_version or "an earlier version"
            case.log(
                "playbook-updated",
                f"{playbook.id} {was} -> {playbook.version}; answers kept, new questions asked",
            )
            case.playbook_version, case.playbook_hash = playbook.version, playbook.content_hash
        return session

    # -- answers --------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.folder / CASE_FILE if self.folder else None

    def offer(self, question_id: str, text: str | None = None, value: Any = None) -> Offer:
        """Offer typed ``text`` (or, without text, a ``value``) as the answer to a question.

        A valid answer is stored and the case saved; refused text is kept as pending, and
        saved, so that nothing typed is lost. The result says which, with the user's
        message; a failed save is reported in it, never raised.
        """
        question = self.playbook.questions[question_id]
        considered = consider(question, text, value)
        if not considered.stored:
            if text is None:
                return considered
            try:
                self.keep_text(question_id, text)
            except OSError as exc:
                unsaved = f"What you typed could not be saved: {exc.strerror or exc}."
                return replace(considered, unsaved=unsaved)
            return replace(considered, kept=True)
        if self._unchanged(question_id, considered.value):
            return considered  # the same answer again (a keystroke that changes nothing)
        self._store(question_id, considered.value)
        try:
            self.save()
        except OSError as exc:
            self._unsaved = True  # offered again, it is saved again
            unsaved = f"The answer could not be saved: {exc.strerror or exc}."
            return replace(considered, unsaved=unsaved)
        return considered

    def answer(self, question_id: str, value: Any) -> Any:
        """Check and store an answer, then save; raise ValueError with the user's message.

        For scripts, files and imports, where a refusal stops the step and a failed save
        raises OSError; front ends use ``offer``. It always saves, so changes made to the
        case beside the answer are saved with it.
        """
        return self._answer(
            question_id, consider(self.playbook.questions[question_id], None, value)
        )

    def answer_text(self, question_id: str, text: str) -> Any:
        """Interpret typed text for a question, then store it as ``answer`` does."""
        return self._answer(question_id, consider(self.playbook.questions[question_id], text))

    def _answer(self, question_id: str, considered: Offer) -> Any:
        if not considered.stored:
            raise ValueError(considered.reason)
        self._store(question_id, considered.value)
        self.save()
        return considered.value

    def _unchanged(self, question_id: str, checked: Any) -> bool:
        """The answer is already stored, and saved (a keystroke that changes nothing)."""
        stored = self.case.answers.get(question_id)
        return (
            not self._unsaved
            and type(stored) is type(checked)
            and stored == checked
            and question_id not in self.case.pending
            and question_id not in self.invalid
        )

    def _store(self, question_id: str, checked: Any) -> None:
        if checked is None:
            self.case.answers.pop(question_id, None)
        else:
            self.case.answers[question_id] = checked
        self.invalid.pop(question_id, None)
        self.case.pending.pop(question_id, None)
        self.evaluation = self._evaluate()

    def keep_text(self, question_id: str, text: str | None) -> None:
        """Save text that does not (yet) make a valid answer, so a crash cannot lose it.

        It comes back as ``session.pending_text(question_id)`` until a valid answer
        replaces it; empty text or ``None`` discards it.
        """
        if not text:
            if self.case.pending.pop(question_id, None) is not None:
                self.save()
            return
        if self.case.pending.get(question_id) == text:
            return
        self.case.pending[question_id] = text
        self.save()

    def pending_text(self, question_id: str) -> str | None:
        return self.case.pending.get(question_id)

    def value(self, question_id: str) -> Any:
        value = self.case.answers.get(question_id)
        if value is None:
            return self.playbook.questions[question_id].default
        return value

    def _evaluate(self) -> Evaluation:
        answers: dict[str, Any] = {}
        for qid, raw in self.case.answers.items():
            question = self.playbook.questions.get(qid)
            if question is None:
                self.invalid[qid] = "this question is no longer in the playbook"
                continue
            try:
                answers[qid] = check_value(question, raw)
            except ValueError as exc:
                self.invalid[qid] = str(exc)
        return evaluate(self.playbook, answers, self.case.override)

    # -- moving through stages ------------------------------------------------

    @property
    def stages(self) -> list[StageState]:
        return self.evaluation.stages

    def applicable(self) -> list[StageState]:
        return [s for s in self.evaluation.stages if s.applies]

    def position(self, stage_id: str) -> tuple[int, int]:
        """Where a stage stands among those that apply: (2, 5) for "stage 2 of 5"; 0 when
        it does not apply."""
        applicable = self.applicable()
        number = next((i for i, s in enumerate(applicable, 1) if s.stage.id == stage_id), 0)
        return number, len(applicable)

    def current(self) -> StageState:
        """The stage the user reached (or the first that applies)."""
        stage = self.evaluation.stage(self.case.stage)
        if stage is not None and stage.applies:
            return stage
        applicable = self.applicable()
        if stage is not None:  # it no longer applies: the next one that does
            index = self.evaluation.stages.index(stage)
            later = [s for s in self.evaluation.stages[index:] if s.applies]
            if later:
                return later[0]
        return applicable[0] if applicable else self.evaluation.stages[0]

    def go_to(self, stage_id: str) -> StageState:
        stage = self.evaluation.stage(stage_id)
        if stage is None:
            raise KeyError(stage_id)
        self.case.stage = stage_id
        if self.folder is not None:  # a case is first saved at its first answer
            self.save()
        return stage

    def next_stage(self) -> StageState | None:
        """The next applicable stage after the current one, or None at the end."""
        stages = self.evaluation.stages
        index = stages.index(self.current())
        return next((s for s in stages[index + 1 :] if s.applies), None)

    def previous_stage(self) -> StageState | None:
        stages = self.evaluation.stages
        index = stages.index(self.current())
        return next((s for s in reversed(stages[:index]) if s.applies), None)

    @property
    def complete(self) -> bool:
        return not self.evaluation.missing

    # -- route ----------------------------------------------------------------

    def override(self, route: str, reason: str) -> None:
        """Choose another route than the one recommended, with a reason."""
        if route == self.evaluation.route.recommended:
            self.case.clear_override()
        else:
            self.case.set_override(route, reason)
        self.evaluation = self._evaluate()
        self.save()

    def accept_route(self) -> None:
        """Accept the recommended route: the ledger records it, with the reason shown."""
        route = self.evaluation.route
        self.case.clear_override()
        self.case.log_once("route-accepted", f"{route.recommended}: {route.because}")
        self.evaluation = self._evaluate()
        self.save()

    def note_recommendation(self) -> None:
        """Moving on from the route without accepting: record what was recommended."""
        route = self.evaluation.route
        self.case.log_once("route-recommended", f"{route.recommended}: {route.because}")
        self.save()

    @property
    def acceptance(self) -> Acceptance | None:
        """The latest explicit acceptance of a recommended route, if any, and whether the
        recommendation has changed since (answers edited afterwards)."""
        for entry in reversed(self.case.ledger):
            if entry.event in ("route-overridden",):
                return None  # a later choice of another route replaced it
            if entry.event == "route-accepted":
                accepted = entry.detail.split(":", 1)[0].strip()
                route = self.evaluation.route
                superseded = accepted != route.recommended or route.overridden
                return Acceptance(accepted, entry.at, superseded, route.recommended)
        return None

    def _note_superseded(self) -> None:
        """Say once in the ledger when answers changed what an accepted route rests on."""
        acceptance = self.acceptance
        route = self.evaluation.route
        if acceptance is None or not acceptance.superseded or route.overridden:
            return
        self.case.log_once(
            "route-superseded",
            f"{acceptance.route} (accepted {acceptance.at:%Y-%m-%d}) no longer matches the "
            f"answers, which now recommend {route.recommended}",
        )

    # -- saving and outputs ---------------------------------------------------

    def save(self) -> Path:
        self._note_superseded()
        reached = self.evaluation.stage(self.case.stage) or self.current()
        self.case.stage_title = reached.stage.title
        if self.folder is None:
            # Named by the time it was started: the counterparty's name may still be
            # half typed, and renaming a folder under a running case risks losing it.
            self.case.id = new_case_id(self.case.created, None)
            self.folder = unique_folder(cases_dir() / self.case.id)
            self.case.id = self.folder.name
            self.case.log("case-started", f"playbook {self.playbook.id} {self.playbook.version}")
        saved = self.case.save(self.folder / CASE_FILE, self.evaluation)
        self._unsaved = False
        return saved

    def set_draft(self, file_name: str, text: str | None) -> None:
        """Keep the user's edited text of an output (e.g. the reset email's body) in the case.

        ``None`` goes back to the playbook's template.
        """
        if text is None:
            self.case.drafts.pop(file_name, None)
            self.case.draft_bases.pop(file_name, None)
        else:
            if file_name not in self.case.drafts or file_name not in self.case.draft_bases:
                self.case.draft_bases[file_name] = self._template_fingerprint(file_name)
            self.case.drafts[file_name] = text
        self.save()

    def draft(self, file_name: str) -> str | None:
        return self.case.drafts.get(file_name)

    def draft_outdated(self, file_name: str) -> bool:
        """True when answers changed under an edited draft: the template would now write
        something else (a different reply time, amount or route) than when it was edited."""
        base = self.case.draft_bases.get(file_name)
        if file_name not in self.case.drafts or not base:
            return False
        return base != self._template_fingerprint(file_name)

    def outdated_drafts(self) -> list[str]:
        return [name for name in self.case.drafts if self.draft_outdated(name)]

    def outdated_draft_notes(self) -> list[str]:
        """One sentence per edited draft whose answers changed, for the line-by-line fronts."""
        return [
            f"Check {name}: you edited it, and answers it is drafted from have changed since "
            "(a date, an amount, a reply time or the route may now differ from the plan)."
            for name in self.outdated_drafts()
        ]

    def keep_draft(self, file_name: str) -> None:
        """The user has checked their edited draft against the changed answers: keep it."""
        if file_name in self.case.drafts:
            self.case.draft_bases[file_name] = self._template_fingerprint(file_name)
            self.case.log("draft-kept", f"{file_name}: checked against the changed answers")
            self.save()

    def _template_fingerprint(self, file_name: str) -> str:
        from triage.engine.render import RenderError
        from triage.engine.tone import draft_text

        try:
            data = self.template_output(file_name)
        except RenderError:
            return ""
        if data is None:
            return ""
        return hashlib.sha256(draft_text(file_name, data).encode()).hexdigest()[:16]

    def template_output(self, file_name: str) -> bytes | None:
        """One output as its template writes it, ignoring any draft (None if it does not apply)."""
        return render_one(self.playbook, self.case, self.evaluation, file_name)

    def preview(self, use_drafts: bool = True) -> Rendered:
        """Every output, with each email's parts and the tracker's rows, for a screen that
        shows them (so nothing has to read the files' bytes back)."""
        return render_parts(self.playbook, self.case, self.evaluation, use_drafts=use_drafts)

    def outputs(self, use_drafts: bool = True) -> dict[str, bytes]:
        """Every output by file name; ``use_drafts=False`` gives the templates' own text."""
        return render_case(self.playbook, self.case, self.evaluation, use_drafts=use_drafts)

    def written_state(self, folder: Path | None = None) -> dict[str, str]:
        """Each output's state in ``folder`` (default: the case folder): up to date with the
        answers, out of date, or not written."""
        return written_state(self.outputs(), folder or self.folder)

    # -- follow-through ----------------------------------------------------------------------

    @property
    def written(self) -> bool:
        """The outputs have been written at least once: the case is in follow-through."""
        return any(e.event == "outputs-written" for e in self.case.ledger)

    def tracker(self) -> list[dict[str, Any]]:
        """The action tracker as it stands: the playbook's actions with the changes made."""
        from triage.engine.render import context

        return list(context(self.playbook, self.case, self.evaluation)["actions"])

    def track(
        self, which: str, status: str, due: Any = None, reason: str = "", who: str = ""
    ) -> str:
        """Mark an action done, moved or dropped (see tracking.change); saved at once, and
        the tracker files in the case folder follow. Returns the action's text."""
        from triage.engine import tracking

        what = tracking.change(self.case, self.tracker(), which, status, due, reason, who)
        self._after_tracking()
        return what

    def add_action(self, what: str, owner: str = "", due: Any = None, shared: bool = False) -> None:
        from triage.engine import tracking

        # Owned by the person working the case, when the playbook asks who that is.
        ours = self.value("our_contact") if "our_contact" in self.playbook.questions else ""
        tracking.add(self.case, what, owner or ours or "", due, shared)
        self._after_tracking()

    def apply_updates(self, data: dict[str, Any], lessons_file: Path | None = None) -> list[str]:
        """Meetings, outcomes and a close from an updates file, in that order; each change is
        logged and the case saved once at the end. Returns one line per change."""
        from triage.engine import tracking

        done: list[str] = []
        unknown = set(data) - {"meeting", "outcome", "close"}
        if unknown:
            raise tracking.TrackingError(
                f"The updates file has {', '.join(sorted(unknown))}; it takes meeting, "
                "outcome and close."
            )
        for index, entry in enumerate(_entries(data.get("meeting"))):
            done += self._record("meeting", entry, f"meeting[{index}]", lessons_file)
        for index, entry in enumerate(_entries(data.get("outcome"))):
            done += self._record("outcome", entry, f"outcome[{index}]", lessons_file)
        if "close" in data:
            done += self._record("close", data["close"], "close", lessons_file)
        self.evaluation = self._evaluate()
        self._after_tracking()
        return done

    def record(
        self, kind: str, values: dict[str, Any], lessons_file: Path | None = None
    ) -> list[str]:
        """One change from a form (see tracking.form): an action added, moved or dropped
        (``which`` names it), a meeting, an outcome or the close. Checked whole before
        anything is kept; saved at once. Returns what was done, one line each."""

        if kind == "add":
            self.add_action(str(values.get("what") or ""), str(values.get("owner") or ""),
                            values.get("due"), values.get("shared") is True)  # fmt: skip
            return [f"Added: {' '.join(str(values.get('what')).split())}"]
        if kind in ("move", "drop"):
            status = "moved" if kind == "move" else "dropped"
            reason, who = str(values.get("reason") or ""), str(values.get("by") or "")
            what = self.track(str(values["which"]), status, values.get("due"), reason, who)
            return [f"{status.capitalize()}: {what}"]
        done = self._record(kind, values, "", lessons_file)
        self.evaluation = self._evaluate()
        self._after_tracking()
        return done

    def agreed_terms_tone(self) -> list[str]:
        """The tone check on the agreed terms, which the follow-up summary sends to the other
        side: one line per phrase to reconsider (and a line if the team's rules are broken)."""
        from triage.engine.errors import TriageError
        from triage.engine.tone import check_session, configured_rules

        rules, problem = configured_rules()
        try:
            findings = check_session(self, rules)
        except TriageError:
            return []
        lines = [f.message() for f in findings if f.question == "agreed_terms"]
        return ([problem] if problem and lines else []) + lines

    def _record(self, kind: str, entry: Any, where: str, lessons_file: Path | None) -> list[str]:
        from triage.engine import tracking

        if kind == "meeting":
            agreed = tracking.record_meeting(self.case, entry, where)
            return [f"Meeting recorded: {agreed} term(s) agreed"]
        if kind == "outcome":
            self.evaluation = self._evaluate()
            level = max(self.evaluation.route.level or 0, self.case.escalated_level or 0)
            top = max((lv.level for lv in self.playbook.levels), default=None)
            raised = tracking.record_outcome(self.case, entry, where, level, top)
            done = [f"Outcome recorded: {tracking.RESULT_WORDS[entry['result']]}"]
            return done + ([f"Escalated to level {raised}"] if raised else [])
        if kind == "close":
            added = tracking.close(self.case, entry, lessons_file, where)
            return ["Case closed" + (f"; lessons added to {lessons_file}" if added else "")]
        raise tracking.TrackingError(f"{kind!r} is not a change triage can record.")

    def note_next_step(self, rows: list[dict[str, Any]] | None = None) -> None:
        """Keep the next open action and its date in the case, for lists of cases (from the
        tracker's ``rows`` when they are at hand)."""
        from triage.engine.tracking import next_open

        if self.case.closed:
            self.case.next_due, self.case.next_action = None, ""
            return
        self.case.next_due, self.case.next_action = next_open(
            self.tracker() if rows is None else rows
        )

    def _after_tracking(self) -> list[Path]:
        """Save, and rewrite the files that show the tracker (never an edited draft): one
        rendering gives both the next step and the files."""
        if self.folder is None or not self.written:
            self.note_next_step()
            self.save()
            return []
        self._note_superseded()  # what saving would log, so the plan's ledger has it
        rendered = self.preview()
        self.note_next_step(rendered.actions)
        self.save()
        shown = {n: d for n, d in rendered.files.items() if n in TRACKER_FILES}
        return write_outputs(shown, self.folder, force=True)

    def write_with_case(
        self, folder: Path, force: bool = False, rendered: Rendered | None = None
    ) -> list[Path]:
        """The outputs (``rendered`` if already rendered: its files, and its tracker rows for
        the next step) and case.toml together in ``folder``, which becomes the case's own (a
        headless run): nothing is written if any output is there already, unless ``force``.
        Returns the files written, case.toml last."""
        from triage.engine.outputs import write_outputs as write_with

        self.note_next_step(None if rendered is None else rendered.actions)
        self.case.path = None
        files = self.outputs() if rendered is None else rendered.files
        written = write_with(files, folder, force, self.case, self.evaluation)
        self.folder = folder
        return written

    def write_outputs(self, folder: Path | None = None, force: bool = False) -> list[Path]:
        if self.folder is None:
            self.save()
        target = folder or self.folder
        assert target is not None
        written = write_outputs(self.outputs(), target, force=force)
        self.case.log("outputs-written", ", ".join(p.name for p in written) + f" in {target}")
        self.note_next_step()
        self.save()
        return written


# The outputs that show the tracker; rewritten whenever an action changes.
TRACKER_FILES = frozenset({"actions.csv", "actions.ics", "plan.md", "follow-up-summary.md"})


def _entries(value: Any) -> list[Any]:
    """A table or an array of tables from an updates file, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def unique_folder(folder: Path) -> Path:
    """The folder path, or the first free one with -2, -3 and so on added."""
    candidate, number = folder, 2
    while candidate.exists():
        candidate = folder.with_name(f"{folder.name}-{number}")
        number += 1
    return candidate


def is_case_target(target: str | Path) -> bool:
    """Whether ``target`` names a saved case (its id, folder or case.toml) rather than a playbook."""
    path = Path(target)
    if path.is_dir():
        return (path / CASE_FILE).is_file()
    if path.is_file():
        return path.name == CASE_FILE or _looks_like_case(path)
    text = str(target)
    return (
        "/" not in text
        and not text.endswith(".toml")
        and (cases_dir() / text / CASE_FILE).is_file()
    )


def _looks_like_case(path: Path) -> bool:
    from triage.engine.case import is_case_data
    from triage.engine.tomlfile import read_toml

    found = read_toml(path)
    return not isinstance(found, Problem) and is_case_data(found.data)


def case_path(target: str | Path) -> Path:
    """The case.toml for a case id, a case folder or a case file."""
    path = Path(target)
    if path.is_file():
        return path
    if path.is_dir():
        return path / CASE_FILE
    by_id = cases_dir() / str(target) / CASE_FILE
    if by_id.is_file():
        return by_id
    raise TriageError(f"There is no saved case called {str(target)!r} (looked in {cases_dir()}).")


def _playbook_for(case: Case) -> Playbook:
    if case.playbook_path and Path(case.playbook_path).is_file():
        try:
            return load_playbook(case.playbook_path)
        except PlaybookInvalid:
            pass
    return find_playbook(case.playbook)
