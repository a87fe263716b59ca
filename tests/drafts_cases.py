"""Realistic cases written by mediators (tests/fixtures/drafts/<playbook>--<case>.toml), rendered
on the Saturday they were written, and read as the person who receives the drafts."""

from __future__ import annotations

import tomllib
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from test_reader_needs import SATURDAY

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"


def answers_of(name: str) -> tuple[str, dict[str, Any]]:
    """The playbook and the answers of a fixture case, named ``<playbook>--<case>``."""
    path = FIXTURES / f"{name}.toml"
    return name.split("--")[0], tomllib.loads(path.read_text(encoding="utf-8"))


def flat(text: str) -> str:
    return " ".join(text.split())


def render(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, Any] | None = None,
) -> dict[str, str]:
    """Every draft of the fixture case, its answers changed by ``change`` (None drops one),
    with the email's body under "email" (whitespace folded) and its headers under their names."""
    playbook, answers = answers_of(name)
    for key, value in (change or {}).items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    loaded = load_playbook(builtin_dir() / f"{playbook}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    texts: dict[str, str] = {}
    rendered = render_parts(loaded, read_answers(path, loaded))
    for file, data in rendered.files.items():
        if file.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            texts[file] = message.get_body(preferencelist=("plain",)).get_content()
            for header in ("Subject", "From", "To", "Cc"):
                texts[header] = str(message[header] or "")
        elif not file.endswith(".ics"):
            texts[file] = data.decode("utf-8-sig")
    texts["email"] = flat(texts["reset-email.eml"])
    # Whom the plan says to copy with no address typed: told to the user, never in the body.
    texts["copy"] = rendered.emails["reset-email.eml"].copy_names
    return texts
