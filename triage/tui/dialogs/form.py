"""A form of engine questions in a dialog: a list row, or a change to a case's tracker.

Each field is checked by the engine as it changes (like any answer); Save hands the values
to ``apply``, which may refuse them whole with a sentence shown under the fields. The
dialog returns what ``apply`` returned, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from triage.tui.styles import SCREENS_CSS
from triage.tui.text import inert
from triage.tui.widgets.question_field import Commit, QuestionField

if TYPE_CHECKING:
    from triage.engine.answers import Offer
    from triage.engine.model import Question

Apply = Callable[[dict[str, Any]], Any]
"""Use the values; raise ValueError with a sentence for the user to refuse them."""


class FormDialog(ModalScreen[Any]):
    """Fields for ``questions``, filled from ``values``; Save, or Escape to cancel."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_form", "Save", id="save-form"),
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
    ]

    def __init__(
        self,
        title: str,
        questions: tuple[Question, ...],
        values: dict[str, Any],
        apply: Apply,
        note: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.questions = questions
        self.values = {k: v for k, v in values.items() if v is not None}
        self._apply = apply
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(inert(self.form_title), classes="title")
            if self.note:
                yield Static(inert(self.note), classes="form-note")
            with VerticalScroll(classes="fields"):
                for question in self.questions:
                    yield QuestionField(
                        question,
                        self.values.get(question.id),
                        self._committer(question),
                        id=f"f-{question.id}",
                    )
            yield Static("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save", action="screen.save_form")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's behind it

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Keep Save and Cancel on screen: the fields scroll within what is left of the
        height (title, error line, buttons, border and footer take 13 rows at most, and a
        note two more)."""
        fields = self.query_one(".fields", VerticalScroll)
        fields.styles.max_height = max(3, min(16, self.app.size.height - 13 - 2 * bool(self.note)))

    def on_mount(self) -> None:
        self._fit()
        fields = list(self.query(QuestionField))
        if fields:
            fields[0].focus_control()

    def _committer(self, question: Question) -> Commit:
        def commit(text: str | None = None, value: Any = None) -> Offer:
            from triage.engine.answers import consider

            offer = consider(question, text, value)
            if offer.stored and offer.value is None:
                self.values.pop(question.id, None)
            elif offer.stored:
                self.values[question.id] = offer.value
            return offer

        return commit

    def action_save_form(self) -> None:
        bad = [f for f in self.query(QuestionField) if f.error or f.check_required()]
        if bad:
            bad[0].focus_control()
            self._say(f"{bad[0].question.prompt}: {bad[0].error}")
            return
        try:
            result = self._apply(dict(self.values))
        except ValueError as exc:
            self._say(str(exc))
            return
        self.dismiss(result)

    def _say(self, sentence: str) -> None:
        self.query_one("#form-error", Static).update(inert(sentence))

    def action_cancel(self) -> None:
        self.dismiss(None)
