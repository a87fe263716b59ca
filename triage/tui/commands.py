"""Command palette: open a playbook, resume a case, jump to a stage, write outputs, theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape


class TriageCommands(Provider):
    """triage's own commands, beside Textual's system commands."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        from triage.engine.library import discover
        from triage.engine.listing import case_summaries, next_step

        app: Any = self.app
        found: list[tuple[str, Callable[[], Any], str]] = []
        for entry in discover():
            if entry.valid:
                found.append(
                    (f"Open playbook: {entry.title}", partial(app.open_playbook, str(entry.path)),
                     f"Start a new case ({entry.source})")
                )  # fmt: skip
        for case in case_summaries():
            if not case["problem"]:
                name = case["counterparty"] or case["id"]
                found.append(
                    (f"Resume case: {name}", partial(app.resume_case, case["path"]),
                     f"{case['playbook']}: {next_step(case)}")
                )  # fmt: skip
        screen = app.case_screen()
        if screen is not None and app.session is not None:
            for state in app.session.stages:
                if state.applies:
                    found.append(
                        (f"Go to stage: {state.stage.title}", partial(app.edit_answer, state.stage.id),
                         "Jump to this stage of the open case")
                    )  # fmt: skip
            from triage.engine.thread.merge import timeline_stage

            if timeline_stage(app.session.playbook) is not None:
                found.append(
                    ("Import an email thread", self._import_thread,
                     "Into the communications audit: .eml, .mbox or pasted messages")
                )  # fmt: skip
            found.append(("Write the outputs", self._write_outputs, "Plan, email and actions"))
            found.append(("Show the route", partial(app.show_case_step, "route"), ""))
            found.append(("Review the answers", partial(app.show_case_step, "review"), ""))
            if app.session.written:
                found.append(
                    ("Follow-through", partial(app.show_case_step, "follow"),
                     "Actions done or moved, meetings, outcome, escalation, close")
                )  # fmt: skip
        found.append(("Switch theme", app.search_themes, "Choose the colours; remembered"))
        return found

    def _write_outputs(self) -> None:
        from triage.tui.screens.outputs import OutputsScreen

        app: Any = self.app
        app.show_case_step("outputs")
        if isinstance(app.screen, OutputsScreen):
            app.screen.call_later(app.screen.action_write_outputs)

    def _import_thread(self) -> None:
        app: Any = self.app
        case = app.case_screen()
        if case is None:
            return
        while app.screen is not case:
            app.pop_screen()
        case.call_later(case.action_import_thread)

    async def startup(self) -> None:
        self._found = self._commands()  # once per opening: finding playbooks reads files

    async def discover(self) -> Hits:
        for name, command, help_text in self._found:
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._found:
            score = matcher.match(name)
            if score > 0:  # names hold typed text: escape it so it shows literally
                yield Hit(
                    score, matcher.highlight(escape(name)), command, text=name, help=help_text
                )
