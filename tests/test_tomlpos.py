"""Messages point at the line a person has to change, whatever the strings and arrays
before it hold."""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.test_cli import triage
from triage.engine.errors import PlaybookInvalid
from triage.engine.playbook import load_playbook
from triage.engine.tomlpos import key_lines

Q3, L3 = '"' * 3, "'" * 3  # three quotes of each kind, spelled out to stay readable here

PLAYBOOK = "\n".join(
    [
        "format = 1",
        f'title = "Three quotes: {L3}"',
        f"summary = 'A summary with {Q3} in it'",
        'version = "1"',
        "",
        "[[stages]]",
        'id = "intake"',
        'title = "Intake"',
        f"guidance = {Q3}",
        f"A guidance block that mentions {L3} and \\{Q3} and [[stages]] in passing.",
        Q3,
        "",
        "[[stages.questions]]",
        'id = "counterparty"',
        'kind = "txet"',
        'prompt = "Who?"',
        "",
    ]
)


def test_quotes_inside_strings_do_not_move_a_later_error(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PLAYBOOK, encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{path}:15:"), problem  # the line of kind = "txet"


def test_an_entry_of_an_array_is_reported_on_its_own_line(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(
        textwrap.dedent(
            """\
            counterparty = "Acme Ltd"
            what_happened = "They wrote 'we never agreed ''' to this'."
            timeline = [
              { date = 2026-01-05, channel = "email", who = "Jo", tone = "neutral", note = "first" },
              { date = 2026-01-06, channel = "email", who = "Jo", tone = "neutral", note = "second" },
              { date = 2026-01-07, channel = "email", who = "Jo", tone = "neutral", note = "third" },
              { date = "2026-13-45", channel = "email", who = "Jo", tone = "neutral", note = "fourth" },
            ]
            """
        ),
        encoding="utf-8",
    )
    result = triage("run", "client-communication-breakdown", "--answers", str(answers),
                    "--out", str(tmp_path / "out"), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [x for x in result.stderr.splitlines() if "2026-13-45" in x]
    assert line.startswith("answers.toml:7:") or line.startswith(f"{answers}:7:"), line
    assert "entry 4" in line


def test_every_kind_of_value_is_stepped_over() -> None:
    source = "\n".join(
        [
            f'a = "it has {L3} inside"',
            f"b = 'and {Q3} here'",
            "[t]",
            "dates = [",
            "  2026-01-01,",
            "  2026-01-02, # a comment with ] and }",
            '  "x]",',
            f"  {L3}y,{L3},",
            "]",
            'rows = [ { date = 2026-01-01, who = "A" },',
            '  { date = 2026-01-02, who = "B, }" } ]',
            "[[s]]",
            f"id = {Q3}multi",
            f"line \\{Q3} still{Q3}",
            "k = 3",
            "",
        ]
    )
    tomllib.loads(source)  # valid TOML, as a playbook that got this far is
    lines = key_lines(source)
    assert (lines["b"], lines["t.dates[1]"], lines["t.dates[3]"]) == (2, 6, 8)
    assert (lines["t.rows[1].who"], lines["s[0].id"], lines["s[0].k"]) == (11, 13, 15)
