"""One question with the right widget for its kind, live validation and the engine's message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import (
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)

from triage.tui.text import inert
from triage.tui.widgets.choice import ChoiceButton, TickList, highlight_pressed
from triage.tui.widgets.list_editor import ListEditor

if TYPE_CHECKING:
    from triage.engine.answers import Offer
    from triage.engine.model import Question


class Commit(Protocol):
    """Offer typed text, or a value, as the answer; the Offer says whether it was stored
    (in its canonical form) or refused, and why. Refused text is kept by the one who
    stores answers, so that nothing typed is lost."""

    def __call__(self, text: str | None = None, value: Any = None) -> Offer: ...


# The one table from a question's kind to its widget (a method of QuestionField).
CONTROLS = {
    "text": "_one_line",
    "number": "_one_line",
    "date": "_one_line",
    "longtext": "_text_area",
    "choice": "_radio",
    "multi": "_ticks",
    "yesno": "_yes_no",
    "scale": "_scale",
    "list": "_rows",
}
PLACEHOLDERS = {"date": "YYYY-MM-DD", "number": "a number, e.g. 12,000"}


def editable_text(question: Question, value: Any) -> str:
    """What to put in an Input for a stored value (numbers without grouping or unit)."""
    from triage.engine.answers import editable_text as engine_editable

    return engine_editable(question, value)


class OneLineInput(Input):
    """An Input that keeps every pasted line, joined by spaces, instead of only the first.

    Date text is not filtered either: whatever is typed stays visible, and the
    engine's message says what form it needs. Arriving at the field leaves the cursor at
    the end of a saved answer instead of selecting it, so a stray key (``?``, ``q``) adds
    a character rather than replacing the answer, and Ctrl+Z takes back the last changes.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+z", "undo", "Undo", show=False),
    ]
    UNDO_DEPTH = 100

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        self._history: list[str] = []
        self._shown = value
        self._undoing = False
        super().__init__(value, select_on_focus=False, **kwargs)

    def _watch_value(self, value: str) -> None:
        if not self._undoing and value != self._shown:
            self._history.append(self._shown)
            del self._history[: -self.UNDO_DEPTH]
        self._shown = value
        super()._watch_value(value)

    def action_undo(self) -> None:
        """Put back the text as it was before the last change (and save it again)."""
        if not self._history:
            self.app.bell()
            return
        self._undoing = True
        try:
            self.value = self._history.pop()
        finally:
            self._undoing = False
        self.cursor_position = len(self.value)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would insert the first line again
        if event.text:
            joined = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
            if self.selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *self.selection)
        event.stop()


class QuestionField(Vertical):
    """A question's prompt, help, control and error line.

    Every change is offered to ``commit`` at once (typed text as text, a pick as a value);
    when it is refused the typed text stays in the widget and the message shows under it
    (the session has kept the text all the same). ``pending`` is such text kept earlier:
    it is shown, with its message, in preference to the stored answer.
    """

    DEFAULT_CSS = """
    QuestionField {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1 0 0;
    }
    QuestionField > .prompt { text-style: bold; width: 1fr; }
    QuestionField > .help { color: $text-muted; width: 1fr; }
    QuestionField > .error { color: $text-error; text-style: bold; width: 1fr; display: none; }
    QuestionField.-invalid > .error { display: block; }
    QuestionField.-invalid Input, QuestionField.-invalid TextArea { border: tall $error; }
    QuestionField TextArea { height: 6; }
    QuestionField RadioSet { width: 1fr; }
    QuestionField SelectionList { height: auto; max-height: 10; }
    QuestionField .row { height: auto; }
    QuestionField .row > Label { padding: 1 1 0 1; }
    QuestionField #control-scale, QuestionField #control-yesno { layout: horizontal; width: auto; }
    QuestionField #control-scale > RadioButton, QuestionField #control-yesno > RadioButton {
        width: auto; margin-right: 1;
    }
    """

    class Answered(Message):
        """A value was accepted and stored."""

        def __init__(self, field: QuestionField, question_id: str, value: Any) -> None:
            super().__init__()
            self.field = field
            self.question_id = question_id
            self.value = value

        @property
        def control(self) -> QuestionField:
            return self.field

    def __init__(
        self,
        question: Question,
        value: Any,
        commit: Commit,
        *,
        problem: str = "",
        raw: Any = None,
        pending: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.question = question
        self.value = value
        self._commit = commit
        self.error = ""
        self._problem = problem  # why a saved answer no longer fits
        self._raw = raw  # that saved answer, shown so nothing is lost
        self._pending = pending  # typed text that did not validate when it was last kept
        self._shown_text: str | None = None

    # -- building --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        prompt = q.prompt + (f" ({q.unit})" if q.unit else "") + (" *" if q.required else "")
        yield Label(inert(prompt), classes="prompt")
        if q.help:
            yield Static(inert(q.help), classes="help")
        yield from self._control()
        yield Static("", classes="error")

    def _control(self) -> ComposeResult:
        """The widget for the question's kind, from the one table below (CONTROLS)."""
        return getattr(self, CONTROLS.get(self.question.kind, "_one_line"))()

    def _one_line(self) -> ComposeResult:
        q = self.question
        text = editable_text(q, self.value)
        if self._pending is not None:
            text = self._pending
        elif self._raw is not None and not text:
            text = str(self._raw)
        placeholder = PLACEHOLDERS.get(q.kind, "")
        self._shown_text = text  # the Input reports it as a change when it mounts
        yield OneLineInput(text, placeholder=placeholder, id="control", compact=False)

    def _text_area(self) -> ComposeResult:
        text = self.value if isinstance(self.value, str) else ""
        if self._pending is not None:
            text = self._pending
        yield TextArea(text, soft_wrap=True, tab_behavior="focus", id="control")

    def _radio(self) -> ComposeResult:
        q, value = self.question, self.value
        yield RadioSet(
            *[ChoiceButton(inert(o.label), value=o.value == value) for o in q.options],
            id="control",
        )

    def _ticks(self) -> ComposeResult:
        chosen = self.value if isinstance(self.value, list) else []
        yield TickList(
            *[(inert(o.label), o.value, o.value in chosen) for o in self.question.options],
            id="control",
        )

    def _yes_no(self) -> ComposeResult:
        """Two choices, so that "not answered" never looks like No."""
        value = self.value
        with Horizontal(classes="row"):
            yield RadioSet(
                ChoiceButton("Yes", value=value is True),
                ChoiceButton("No", value=value is False),
                id="control-yesno",
            )
            yield Label(self._yesno_text(value), id="yesno-state")

    def _scale(self) -> ComposeResult:
        value = self.value
        with Horizontal(classes="row"):
            yield RadioSet(
                *[ChoiceButton(str(n), value=value == n) for n in range(1, 6)],
                id="control-scale",
            )
            yield Label(inert(self._scale_text(value)), id="scale-state")

    def _rows(self) -> ComposeResult:
        rows = self.value if isinstance(self.value, list) else []
        yield ListEditor(self.question, rows, id="control")

    def on_mount(self) -> None:
        for radio_set in self.query(RadioSet):
            radio_set.call_after_refresh(highlight_pressed, radio_set)
        if self._pending is not None and self._takes_text():
            self._show_pending(self._pending)
        elif self._problem:
            self.show_error(f"The saved answer no longer fits: {self._problem}")

    def _takes_text(self) -> bool:
        from triage.engine.kinds import kind_of

        return kind_of(self.question).typed

    def _show_pending(self, text: str) -> None:
        """Show kept text's message; text that has become valid meanwhile is stored."""
        from triage.engine.answers import is_empty

        if text == "" and is_empty(self.value):
            return  # an empty field that was never answered: nothing to say yet
        self.take_text(text)

    # -- showing state ---------------------------------------------------------

    def _yesno_text(self, value: Any) -> str:
        return "not answered yet" if value is None else ""

    def _scale_text(self, value: Any) -> str:
        labels = self.question.labels
        if not isinstance(value, int):
            return (
                "not answered yet"
                if not labels
                else " · ".join(f"{n} {label}" for n, label in enumerate(labels, 1))
            )
        return f"{value} {labels[value - 1]}" if labels else str(value)

    def show_error(self, message: str) -> None:
        self.error = message
        self.query_one(".error", Static).update(inert(message))
        self.set_class(bool(message), "-invalid")

    def clear_error(self) -> None:
        self.show_error("")

    def focus_control(self) -> None:
        for widget in self.query("#control, #control-scale, #control-yesno"):
            if widget.focusable:
                widget.focus()
                return
            for child in widget.query("*"):
                if child.focusable:
                    child.focus()
                    return

    # -- taking answers --------------------------------------------------------

    def take_text(self, text: str) -> None:
        """Offer typed text: stored when it makes a valid answer, else kept and explained."""
        self._offered(self._commit(text=text))

    def take_value(self, value: Any) -> None:
        """Offer a picked value (a choice, a tick, a scale point, list rows)."""
        if value == self.value and not self.error:
            return  # a control reporting what it was built with (a default is not an answer)
        self._offered(self._commit(value=value))

    def _offered(self, offer: Offer) -> None:
        if not offer.stored:
            self.show_error(offer.reason)
            return
        changed = offer.value != self.value or self._problem or self.error
        self.value = offer.value
        self._problem = ""
        self.clear_error()
        if changed:
            self.post_message(self.Answered(self, self.question.id, offer.value))

    def check_required(self) -> str:
        """The engine's message when this required question has no answer, else ''."""
        from triage.engine.answers import check_value, is_empty

        if self.error or not is_empty(self.value):
            return self.error
        try:
            check_value(self.question, None)
        except ValueError as exc:
            self.show_error(str(exc))
            return str(exc)
        return ""

    @on(Input.Changed, "#control")
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        shown, self._shown_text = self._shown_text, None
        if event.value == shown and self._pending is None:
            return  # the text it was built with (a default shown is not an answer given)
        self.take_text(event.value)

    @on(Input.Submitted, "#control")
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_text(event.value)
        if not self.error:
            self.screen.focus_next()

    @on(TextArea.Changed, "#control")
    def _text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.take_text(event.text_area.text)

    @on(RadioSet.Changed, "#control")
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self.take_value(self.question.options[event.index].value)

    @on(RadioSet.Changed, "#control-scale")
    def _scale_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self.take_value(event.index + 1)
            self.query_one("#scale-state", Label).update(inert(self._scale_text(self.value)))

    @on(SelectionList.SelectedChanged, "#control")
    def _multi_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.take_value(list(event.selection_list.selected))

    @on(RadioSet.Changed, "#control-yesno")
    def _yesno_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self.take_value(event.index == 0)
            self.query_one("#yesno-state", Label).update(self._yesno_text(self.value))

    @on(ListEditor.RowsChanged, "#control")
    def _rows_changed(self, event: ListEditor.RowsChanged) -> None:
        event.stop()
        self.take_value(event.rows)
