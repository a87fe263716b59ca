"""The stage walk: sidebar of stages and scores, guidance beside the questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Markdown, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.typed import triage_app
from triage.tui.widgets.question_field import Commit, QuestionField
from triage.tui.widgets.score_panel import ScorePanel
from triage.tui.widgets.stage_list import StageList

if TYPE_CHECKING:
    from triage.engine.answers import Offer
    from triage.engine.evaluate import StageState
    from triage.engine.session import Session


class CaseScreen(Screen[None]):
    """One case, one stage at a time; every valid change is saved by the session."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next_stage", "Next", id="next-stage"),
        Binding("ctrl+b", "previous_stage", "Back", id="previous-stage"),
        Binding("ctrl+r", "show_route", "Route", id="show-route"),
        Binding("ctrl+l", "show_review", "Review", id="show-review"),
        Binding("ctrl+o", "show_outputs", "Outputs", id="show-outputs"),
        Binding("ctrl+f", "show_follow", "Follow-through", id="show-follow"),
        # ctrl+t: free in every field (Input and TextArea take a, e, d, w, u, k, x, c, v, z, y)
        Binding("ctrl+t", "import_thread", "Import", id="import-thread"),
        Binding("escape", "go_home", "Home", id="go-home"),
    ]

    # From 120 columns the sidebar is wider, so stage names fit on fewer lines.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (120, "-wider")]  # noqa: RUF012
    """Below 100 columns the guidance sits above the questions, so options keep their width."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.stage_id = session.current().stage.id
        self._unsaved = ""  # the last message about an answer or text that could not be saved

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="case-body"):
            with VerticalScroll(id="sidebar"):
                yield StageList(id="stages")
                yield Static("Scores", classes="section")
                yield ScorePanel(id="scores")
            with Vertical(id="main"):
                yield Static(id="stage-title")
                with Horizontal(id="stage-body"):
                    yield VerticalScroll(id="questions")
                    with VerticalScroll(id="guidance-scroll"):
                        yield Markdown(id="guidance")
                with Horizontal(id="nav"):
                    yield Button("◀ Back", id="back", compact=True, action="screen.previous_stage")
                    yield Static(id="status")
                    yield Button(
                        "Next ▶",
                        id="next",
                        compact=True,
                        variant="primary",
                        action="screen.next_stage",
                    )
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.title = self.session.playbook.title
        await self.show_stage(self.stage_id)
        self.call_after_refresh(self.refresh_state)  # the sidebar knows its width now

    def on_screen_resume(self) -> None:
        self.refresh_state()

    # -- showing a stage -----------------------------------------------------------

    def help_text(self) -> str:
        """What this stage asks for, and the question in hand: its help and the answer form."""
        from triage.engine.plaintext import readable

        state = self._state()
        parts = [f"This stage: {state.stage.title}."]
        guidance = readable(state.stage.guidance or "").strip()
        if guidance:
            parts.append(guidance.split("\n\n")[0])
        field = next((n for n in self.app.focused.ancestors_with_self
                      if isinstance(n, QuestionField)), None) if self.app.focused else None  # fmt: skip
        if field is not None:
            question = field.question
            needed = "required" if question.required else "optional"
            parts.append(f"The question in hand ({needed}): {question.prompt}")
            if question.help:
                parts.append(readable(question.help).strip())
            parts.append(_answer_form(question))
        return "\n\n".join(parts)

    def _state(self, stage_id: str | None = None) -> StageState:
        state = self.session.evaluation.stage(stage_id or self.stage_id)
        assert state is not None
        return state

    def _fields(self) -> list[QuestionField]:
        return list(self.query("#questions > QuestionField").results(QuestionField))

    async def show_stage(self, stage_id: str, focus: str | None = None) -> None:
        """Show a stage whole: nothing is drawn until its fields, guidance and title are in
        place (it used to flash an empty form while the fields were mounted)."""
        with self.app.batch_update():
            await self._show_stage(stage_id, focus)

    async def _show_stage(self, stage_id: str, focus: str | None = None) -> None:
        self.stage_id = stage_id
        state = self._state()
        container = self.query_one("#questions", VerticalScroll)
        await container.remove_children()
        fields = []
        for qs in state.questions:
            qid = qs.question.id
            problem = self.session.invalid.get(qid, "")
            fields.append(
                QuestionField(
                    qs.question,
                    qs.value,
                    self._committer(qid),
                    problem=problem,
                    raw=self.session.case.answers.get(qid) if problem else None,
                    pending=self.session.pending_text(qid),
                    id=f"q-{qid}",
                )
            )
        await container.mount_all(fields)
        await self.query_one("#guidance", Markdown).update(state.stage.guidance or "")
        self.query_one("#guidance-scroll").display = bool(state.stage.guidance)
        number, of = self.session.position(stage_id)
        title = Text(state.stage.title, style="bold")
        title.append(f"   stage {number} of {of}", style="dim")
        self.query_one("#stage-title", Static).update(title)
        self.refresh_state()
        self.refresh_bindings()  # some keys belong to one stage
        container.scroll_home(animate=False)
        # The question asked for, else the first one still open (a resumed case carries on
        # where it stopped), else the first shown.
        answered = {qs.question.id for qs in state.questions if qs.answered}
        target = next((f for f in fields if f.question.id == focus), None)
        target = target or next(
            (f for f in fields if f.display and f.question.id not in answered), None
        )
        target = target or next((f for f in fields if f.display), None)
        if target is not None:
            target.focus_control()
            target.scroll_visible(animate=False)

    def _committer(self, qid: str) -> Commit:
        def commit(text: str | None = None, value: Any = None) -> Offer:
            offer = self.session.offer(qid, text=text, value=value)
            if offer.unsaved and offer.unsaved != self._unsaved:  # once, not at every key
                self.notify(offer.unsaved, severity="error", markup=False)
            self._unsaved = offer.unsaved
            return offer

        return commit

    def refresh_state(self) -> None:
        """Redraw what depends on the answers: stages, scores, which questions apply."""
        if not self.is_mounted:
            return
        state = self._state()
        applies = {qs.question.id: qs.applies for qs in state.questions}
        for field in self._fields():
            field.display = applies.get(field.question.id, True)
        self.query_one(StageList).show_stages(
            self.session.stages, self.stage_id, set(self.session.case.answers)
        )
        self.query_one(ScorePanel).show_scores(self.session.evaluation.scores)
        self.sub_title = self.session.case.counterparty or "new case"

    @on(QuestionField.Answered)
    def _answered(self, event: QuestionField.Answered) -> None:
        self.refresh_state()
        problems = self._problems(mark=False)
        if not problems:
            self._say("")
        elif self.query_one("#status", Static).has_class("-error"):
            self._say(self._problem_line(problems), error=True)  # never a fixed problem

    # -- moving ----------------------------------------------------------------------

    def _say(self, message: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(message))
        status.set_class(error, "-error")

    def _problems(self, mark: bool = True) -> list[QuestionField]:
        """Fields of this stage that stop the user moving on (invalid, or required and empty)."""
        state = self._state()
        applies = {qs.question.id: qs.applies for qs in state.questions}
        bad = []
        for field in self._fields():
            if not applies.get(field.question.id, True):
                continue
            missing = any(q.missing for q in state.questions if q.question is field.question)
            if field.error or (field.check_required() if mark else missing):
                bad.append(field)
        return bad

    @staticmethod
    def _problem_line(bad: list[QuestionField]) -> str:
        first = bad[0]
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        return f"Before moving on: {first.question.prompt} {first.error}{more}"

    def _blocked(self) -> bool:
        bad = self._problems()
        if not bad:
            return False
        first = bad[0]
        self._say(self._problem_line(bad), error=True)
        first.focus_control()
        first.scroll_visible()
        return True

    async def action_next_stage(self) -> None:
        if self._blocked():
            return
        following = self.session.next_stage()
        if following is None:
            self.session.go_to(self.stage_id)
            if not self.session.complete:
                missing = self.session.evaluation.missing[0]
                stage = self.session.playbook.stage(missing.question.stage)
                where = stage.title if stage else missing.question.stage
                self._say(f"Still needed: {missing.question.prompt} (in {where}).", error=True)
                return
            triage_app(self).show_case_step("route")
            return
        self.session.go_to(following.stage.id)
        await self.show_stage(following.stage.id)

    async def action_previous_stage(self) -> None:
        previous = self.session.previous_stage()
        if previous is None:
            self._say("This is the first stage.")
            return
        self.session.go_to(previous.stage.id)
        await self.show_stage(previous.stage.id)

    async def jump_to(self, stage_id: str, question_id: str | None = None) -> None:
        """Go to any stage up to the first one still needing answers."""
        stages = self.session.stages
        ids = [s.stage.id for s in stages]
        if stage_id not in ids:
            return
        target, here = ids.index(stage_id), ids.index(self.stage_id)
        if not stages[target].applies:
            self._say("That stage is skipped: its condition does not hold.", error=True)
            return
        if target > here:
            if self._blocked():
                return
            waiting = next((s for s in stages[here:target] if s.applies and not s.complete), None)
            if waiting is not None:
                self._say(f"Finish “{waiting.stage.title}” first.", error=True)
                return
        self.session.go_to(stage_id)
        await self.show_stage(stage_id, focus=question_id)

    @on(StageList.StageSelected)
    async def _stage_selected(self, event: StageList.StageSelected) -> None:
        await self.jump_to(event.stage_id)

    def action_show_route(self) -> None:
        triage_app(self).show_case_step("route")

    def action_show_review(self) -> None:
        triage_app(self).show_case_step("review")

    def action_show_outputs(self) -> None:
        triage_app(self).show_case_step("outputs")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_follow":  # once the files are written, there is a plan to follow
            return self.session.written
        if action == "import_thread":  # on the stage that holds the communications timeline
            from triage.engine.thread.merge import timeline_stage

            return timeline_stage(self.session.playbook) == self.stage_id
        return True

    def action_show_follow(self) -> None:
        triage_app(self).show_case_step("follow")

    async def action_import_thread(self) -> None:
        """Import an email thread into the communications audit: go to its stage, open the
        import dialog, and show the stage again with what was confirmed."""
        from triage.engine.thread.merge import timeline_stage
        from triage.tui.dialogs.thread_import import ThreadImportDialog

        stage_id = timeline_stage(self.session.playbook)
        if stage_id is None:
            self._say("This playbook has no communications timeline to import into.", error=True)
            return
        if stage_id != self.stage_id:
            await self.jump_to(stage_id)
            if stage_id != self.stage_id:
                return  # not reachable yet: jump_to said why

        async def imported(made: Any) -> None:
            if made is None:
                return
            await self.show_stage(stage_id, focus="timeline")
            added = len(made.added)
            # a note, not the status line: that is a few columns wide at 80
            self.notify(f"{added} key message{'s' if added != 1 else ''} added to the "
                        "timeline: check them, and edit or remove any.",
                        title="Thread imported", markup=False)  # fmt: skip

        self.app.push_screen(ThreadImportDialog(self.session), imported)

    def action_go_home(self) -> None:
        self.app.pop_screen()


def _answer_form(question: Any) -> str:
    """How to answer a question in the app, in the words of its controls."""
    kind = question.kind
    if kind == "number":
        unit = f" ({question.unit})" if getattr(question, "unit", "") else ""
        return f"Type a number{unit}; 12,000 and 12000 both work."
    if kind == "scale" and question.labels:
        scale = ", ".join(f"{n} {label}" for n, label in enumerate(question.labels, 1))
        return f"Choose from 1 to 5: {scale}."
    return {
        "text": "Type a few words.",
        "longtext": "Type as much as you need; Tab leaves the box.",
        "choice": "Choose one option with the arrow keys and Enter.",
        "multi": "Tick every option that applies with Space.",
        "yesno": "Choose Yes or No; until you do, it stays unanswered.",
        "scale": "Choose from 1 to 5.",
        "date": "Type a date like 2026-03-31.",
        "list": "Add one row per entry; each row opens a short form.",
    }.get(kind, "Type your answer.")
