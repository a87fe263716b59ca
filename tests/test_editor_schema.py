"""The playbook schema as an editor shows it: taplo (the engine of VS Code's Even Better TOML)
linting typical hand-editing mistakes must name the mistake at its line, briefly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from triage.engine.schema import playbook_schema


def _taplo() -> str | None:
    """taplo beside this Python (the test extras install it there, and a venv need not be
    activated), else on PATH."""
    here = Path(sys.executable).parent / ("taplo.exe" if os.name == "nt" else "taplo")
    return str(here) if here.is_file() else shutil.which("taplo")


TAPLO = _taplo()
pytestmark = pytest.mark.skipif(TAPLO is None, reason="taplo is not installed here")

BASE = """\
#:schema ./playbook.schema.json
format = 1
title = "T"
summary = "S"
version = "1"

[[stages]]
include = "shared/intake.toml"

[[stages]]
id = "one"
title = "One"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who?"
required = true

[[actions]]
what = "Call them"
owner = "Sam"

[[actions]]
from = "counterparty"
"""

MISTAKES = [
    # (what a person typed, the line it is on, what the editor must say)
    ('prompt = "Who?"', 'promt = "Who?"', "'promt' was unexpected"),
    ("required = true", 'required = "yes"', '"yes" is not of type "boolean"'),
    ('title = "One"', 'titel = "One"', "'titel' was unexpected"),
    ('kind = "text"', 'kind = "dropdown"', '"dropdown" is not one of'),
    ('what = "Call them"', 'wht = "Call them"', "'wht' was unexpected"),
    (
        'include = "shared/intake.toml"',
        'include = "shared/intake.toml"\nid = "extra"',
        "has more than 1 property",
    ),
]


def _lint(tmp_path: Path, text: str) -> subprocess.CompletedProcess:
    import json

    (tmp_path / "playbook.schema.json").write_text(json.dumps(playbook_schema()))
    (tmp_path / "book.toml").write_text(text)
    assert TAPLO is not None
    return subprocess.run(
        [TAPLO, "lint", "book.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"RUST_LOG": "error", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )


def test_the_base_playbook_is_clean(tmp_path):
    result = _lint(tmp_path, BASE)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("right", "wrong", "message"), MISTAKES)
def test_a_mistake_is_named_at_its_line_briefly(tmp_path, right, wrong, message):
    text = BASE.replace(right, wrong, 1)
    lines = text.splitlines()
    line = lines.index(wrong.splitlines()[-1]) + 1
    table = max(n for n in range(1, line + 1) if lines[n - 1].startswith("["))
    result = _lint(tmp_path, text)
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in report, report[:2000]
    # pointed at the mistake's own line or the header of the table it is in
    first = report.index(message)
    where = report[first : first + 200]
    assert any(f"book.toml:{n}:" in where for n in range(table, line + 1)), where
    # before the schema named the key, one typo gave a megabyte of "anyOf" errors
    assert len(report) < 20_000, len(report)
    assert "anyOf" not in report and "oneOf" not in report
