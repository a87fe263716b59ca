"""A file with a word budget (`words` in its [outputs] table) that runs over it is written
again with `tight` true, so its template can leave out what matters least: a plan stays
readable on a case where the manager typed a great deal."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.errors import PlaybookInvalid
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

NOTE = '[outputs.note]\nfile = "note.md"\ntemplate = "templates/note.md.j2"\nwords = {words}\n'
TEMPLATE = (
    "{% if tight %}Short: {{ counterparty }}.{% else %}"
    "The whole account of what happened with {{ counterparty }}, at length.{% endif %}\n"
)


def _note(good, words: int) -> str:
    (good / "templates" / "note.md.j2").write_text(TEMPLATE)
    path = good / "mini.toml"
    path.write_text(path.read_text() + "\n" + NOTE.format(words=words))
    playbook = load_playbook(path)
    case = read_answers(good / "examples/mini/calm.toml", playbook)
    return render_case(playbook, case)["note.md"].decode()


def test_a_file_within_its_budget_is_written_in_full(good, fixed_now):
    assert _note(good, 50).startswith("The whole account")


def test_a_file_over_its_budget_is_written_again_tight(good, fixed_now):
    assert _note(good, 5).startswith("Short: ")


def test_a_budget_must_be_a_whole_number_of_words(good):
    path = good / "mini.toml"
    (good / "templates" / "note.md.j2").write_text(TEMPLATE)
    path.write_text(path.read_text() + "\n" + NOTE.format(words='"many"'))
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    assert "outputs.note.words" in str(caught.value)


LONG = Path(__file__).parent / "fixtures" / "long" / "insurer-renewal-letters.toml"


def _long_case() -> dict:
    """A case a manager filled in with care and at length: every section has something."""
    return tomllib.loads(LONG.read_text(encoding="utf-8"))


def test_a_plan_written_at_length_keeps_to_its_budget_and_its_first_screen(tmp_path, fixed_now):
    playbook = load_playbook(builtin_dir() / "client-communication-breakdown.toml")
    path = tmp_path / "answers.toml"
    path.write_text(LONG.read_text(encoding="utf-8"), encoding="utf-8")
    case = read_answers(path, playbook)
    plan = render_case(playbook, case)["plan.md"].decode()
    assert len(plan.split()) <= 1500
    # What was left out is what matters least: the first screen and the meeting stay whole.
    assert "### Next three actions" in plan and "## The meeting" in plan
    assert "regression run" in plan
    # Without its budget the same plan runs over: the budget is what keeps it to one read.
    unbudgeted = dataclasses.replace(
        playbook,
        outputs=[dataclasses.replace(o, words=None) for o in playbook.outputs],
    )
    assert len(render_case(unbudgeted, case)["plan.md"].decode().split()) > 1500
