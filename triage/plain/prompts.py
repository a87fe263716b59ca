"""The one place triage talks to questionary: every prompt goes through ``_ask``.

Front-end helpers only: no domain logic lives here. Text shown to the user is
made inert first, so an answer or a playbook string with escape sequences can
never drive the terminal.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

# Control characters (except tab and newline), DEL, C1 controls, and invisible or
# direction-changing characters that could make text read differently from what it is.
# None of them is printable (``str.isprintable``), so text that is, besides its tabs and
# newlines, holds none: every command imports this module, and compiling the pattern
# took 0.35 ms, so it is compiled only for text that may hold one.
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"


@functools.cache
def _unsafe() -> re.Pattern[str]:
    return re.compile(_UNSAFE)


def _plain(text: str) -> bool:
    """Whether ``text`` holds nothing but printable characters, tabs and newlines."""
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def inert(text: object, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``) instead."""
    shown = str(text)
    if not _plain(shown):
        shown = _unsafe().sub(_visible, shown)
    if one_line:
        shown = shown.replace("\n", "\\n").replace("\t", " ")
    return shown


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_terminal() -> bool:
    """True when both ends are a terminal, so a prompt can be shown and answered."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def say(text: object = "", file: TextIO | None = None) -> None:
    """Print a line of text, made inert: no text from a playbook, a case or an answer can
    drive the terminal. Every front end and command prints through here."""
    print(inert(text), file=file or sys.stdout, flush=True)


Validator = Callable[[Any], "bool | str"]


def _validator(check: Validator | None) -> Callable[[Any], bool | str] | None:
    if check is None:
        return None

    def validate(value: Any) -> bool | str:
        result = check(value)
        return result if result is True else inert(result, one_line=True)

    return validate


def ask_text(
    message: str,
    default: str = "",
    check: Validator | None = None,
    instruction: str = "",
    hint: str = "",
) -> str:
    """Ask for one line. ``default`` is put in the box to edit; ``hint`` is only shown, in
    grey, where the typing goes, so what is typed never runs on after it."""
    import questionary
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add("c-c", eager=True)
    @keys.add("c-d", filter=_empty_line(), eager=True)
    def _stop(event: Any) -> None:  # keep what was typed, then stop as Ctrl-C does
        event.app.exit(exception=StoppedTyping(event.app.current_buffer.text))

    extra: dict[str, Any] = {"key_bindings": keys}
    if hint:
        extra["placeholder"] = FormattedText([("class:placeholder", inert(hint, one_line=True))])
    return _ask(
        questionary.text(
            inert(message, one_line=True),
            default=default,
            validate=_validator(check),
            instruction=inert(instruction, one_line=True) or None,
            style=_hint_style() if hint else None,
            **extra,
        )
    )


class StoppedTyping(KeyboardInterrupt):
    """Ctrl-C (or Ctrl-D on an empty line) at a text prompt, with the text typed so far."""

    def __init__(self, typed: str) -> None:
        super().__init__()
        self.typed = typed


def _empty_line() -> Any:
    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.filters import Condition

    return Condition(lambda: not get_app().current_buffer.text)


def _hint_style() -> Any:
    from questionary import Style

    return Style([("placeholder", "fg:#888888 italic")])


def ask_select(
    message: str, choices: Sequence[tuple[str, Any]], default: Any = None, instruction: str = ""
) -> Any:
    """Choose one of ``choices`` (title, value); ``default`` is a value."""
    import questionary

    items = [
        questionary.Choice(inert(title, one_line=True), value=value) for title, value in choices
    ]
    values = [value for _, value in choices]
    return _ask(
        questionary.select(
            inert(message, one_line=True),
            choices=items,
            default=default if default in values else None,
            instruction=inert(instruction, one_line=True) or None,
        )
    )


def ask_checkbox(
    message: str,
    choices: Sequence[tuple[str, Any, bool]],
    check: Validator | None = None,
) -> list[Any]:
    """Choose any of ``choices`` (title, value, checked)."""
    import questionary

    items = [
        questionary.Choice(inert(title, one_line=True), value=value, checked=checked)
        for title, value, checked in choices
    ]
    return _ask(
        questionary.checkbox(
            inert(message, one_line=True),
            choices=items,
            validate=_validator(check) or (lambda _chosen: True),
        )
    )


def ask_confirm(message: str, default: bool = True) -> bool:
    """Ask a yes-or-no question; the answer. Ctrl-C or Ctrl-D raises KeyboardInterrupt."""
    import questionary

    return bool(_ask(questionary.confirm(inert(message, one_line=True), default=default)))


def _ask(question: Any) -> Any:
    """Show one prompt. Ctrl-C and Ctrl-D both raise KeyboardInterrupt for the caller to handle."""
    try:
        return question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None
