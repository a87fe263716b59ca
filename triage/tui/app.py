"""The triage App: a home screen, the stage walk of one case, route, review and outputs.

``make_app`` is the one factory used by the command line and the tests. The app
holds no domain logic: every answer, score and route goes through
``triage.engine.session.Session``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.theme import BUILTIN_THEMES

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from triage.engine.model import Question
    from triage.engine.session import Session
    from triage.tui.screens.case import CaseScreen

STARTED = time.perf_counter()


def _command_provider() -> type[Provider]:
    from triage.tui.commands import TriageCommands

    return TriageCommands


class TriageApp(App[int]):
    """Walk a manager through a dispute, one stage at a time."""

    CSS_PATH = "triage.tcss"
    TITLE = "triage"
    SUB_TITLE = "calm steps through a dispute"
    COMMANDS = App.COMMANDS | {_command_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "show_help", "Help", id="show-help"),
        Binding("question_mark", "show_help", "Help", id="show-help-key", show=False),
        # Priority, so focus moves when Tab is read, in order with the keys around it. As a
        # plain binding, Tab waits in the field's queue behind the keys before it, and the
        # keys typed after it are already on their way to the same field: typed fast while
        # a save is in flight, the next answer landed in the field just left.
        Binding("tab", "focus_next", show=False, priority=True, id="next-field"),
        Binding("shift+tab", "focus_previous", show=False, priority=True, id="previous-field"),
    ]

    def __init__(
        self, session: Session | None = None, out: Path | None = None, force: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.out = out
        self.force = force
        self._restore_theme()

    def _restore_theme(self) -> None:
        """The theme chosen last time, set before the first screen is styled, not after."""
        from triage.tui.settings import load_settings

        theme = load_settings().get("theme")
        if isinstance(theme, str) and (theme in BUILTIN_THEMES or theme in self.available_themes):
            self.theme = theme

    # -- start -------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Home is the first screen itself (not pushed over a blank one): less to draw first."""
        from triage.tui.screens.home import HomeScreen

        started_on = None  # `triage run PLAYBOOK`: Home shows that playbook highlighted
        if self.session is not None and not self.session.resumed:
            started_on = self.session.playbook.path
        return HomeScreen(highlight=started_on)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.session is not None:
            self.open_session(self.session)
        self.log(f"triage started in {time.perf_counter() - STARTED:.3f}s")

    def _remember_theme(self, theme: Any) -> None:
        from triage.tui.settings import save_setting

        save_setting("theme", getattr(theme, "name", str(theme)))

    # -- opening cases -------------------------------------------------------------

    def open_session(self, session: Session) -> None:
        """Show a case's stage walk on top of the home screen."""
        from triage.tui.screens.case import CaseScreen

        self.session = session
        self._pop_to_home()
        self.push_screen(CaseScreen(session))
        if session.resumed and session.written:  # its email is sent: what happened since?
            from triage.tui.screens.follow import FollowScreen

            self.push_screen(FollowScreen(session))
        for notice in session.notices:
            self.notify(notice, title="Note", timeout=10, markup=False)
        for qid, why in session.invalid.items():
            self.notify(f"{qid}: {why}", title="A saved answer no longer fits", markup=False)

    def open_playbook(self, playbook_id: str) -> None:
        """Start a new case from a playbook (by id or path)."""
        from triage.engine.errors import TriageError
        from triage.engine.library import find_playbook
        from triage.engine.session import Session

        try:
            session = Session.start(find_playbook(playbook_id))
        except TriageError as exc:
            self.notify(str(exc), title="Cannot open the playbook", severity="error", markup=False)
            return
        self.open_session(session)

    def resume_case(self, target: str | Path) -> None:
        """Resume a saved case by id, folder or case.toml."""
        from triage.engine.errors import TriageError
        from triage.engine.session import Session

        try:
            session = Session.resume(target)
        except TriageError as exc:
            self.notify(str(exc), title="Cannot resume the case", severity="error", markup=False)
            return
        self.open_session(session)

    def _pop_to_home(self) -> None:
        from triage.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def case_screen(self) -> CaseScreen | None:
        from triage.tui.screens.case import CaseScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, CaseScreen)), None)

    def show_case_step(self, step: str) -> None:
        """Show route, review, outputs or follow-through over the open case (one at a time)."""
        from triage.tui.screens.follow import FollowScreen
        from triage.tui.screens.outputs import OutputsScreen
        from triage.tui.screens.review import ReviewScreen
        from triage.tui.screens.route import RouteScreen

        case = self.case_screen()
        if case is None or self.session is None:
            self.notify("Open a playbook or a saved case first.", severity="warning")
            return
        screens = {
            "route": RouteScreen,
            "review": ReviewScreen,
            "outputs": OutputsScreen,
            "follow": FollowScreen,
        }
        while self.screen is not case:
            self.pop_screen()
        self.push_screen(screens[step](self.session))

    def edit_answer(self, stage_id: str, question_id: str | None = None) -> None:
        """Go back to the stage walk at ``stage_id``, with ``question_id`` focused."""
        case = self.case_screen()
        if case is None:
            return
        while self.screen is not case:
            self.pop_screen()
        case.call_later(case.jump_to, stage_id, question_id)

    # -- dialogs that widgets ask for (widgets never import dialogs) ------------------------

    def edit_row(
        self,
        question: Question,
        row: dict[str, Any],
        number: int,
        done: Callable[[dict[str, Any] | None], None],
    ) -> None:
        """The form for one row of a list question; ``done`` gets the row, or None."""
        from triage.tui.dialogs.row_form import RowForm

        self.push_screen(RowForm(question, row, number), done)

    def confirm(self, title: str, text: str, done: Callable[[bool | None], None]) -> None:
        """A yes-or-no question; ``done`` gets the answer (None when dismissed)."""
        from triage.tui.dialogs.yes_no import YesNoDialog

        self.push_screen(YesNoDialog(title, text), done)

    # -- help ------------------------------------------------------------------------

    def action_show_help(self) -> None:
        from triage.tui.dialogs.help import HelpDialog

        if isinstance(self.screen, HelpDialog):
            return
        keys = [
            (self.get_key_display(binding), binding.description)
            for binding in (b.binding for b in self.screen.active_bindings.values())
            if binding.description and binding.show
        ]
        here = getattr(self.screen, "help_text", None)
        self.push_screen(HelpDialog(keys, here() if callable(here) else ""))


def make_app(
    target: str | None = None, out: str | Path | None = None, force: bool = False
) -> TriageApp:
    """The app, opened on ``target`` (a playbook or a saved case) when given.

    Raises TriageError when the target cannot be opened, before any screen is drawn.
    """
    session = None
    if target:  # Home alone needs no engine yet: it loads after the first frame
        from triage.engine.session import Session

        session = Session.open(target)
    return TriageApp(session, Path(out) if out else None, force)


def run_app(target: str | None = None, out: str | Path | None = None, force: bool = False) -> int:
    """Run the full-screen app; return the exit status."""
    app = make_app(target, out, force)
    result = app.run()
    return result if isinstance(result, int) else 0
