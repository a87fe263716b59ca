"""The complete example in docs/playbook-format.md is a real playbook that validates."""

from __future__ import annotations

import re
from pathlib import Path

from triage.engine.validate import check_playbook

DOC = Path(__file__).resolve().parent.parent / "docs" / "playbook-format.md"


def test_the_documented_complete_example_validates(tmp_path):
    text = DOC.read_text(encoding="utf-8").split("## A complete example", 1)[1]
    blocks = re.findall(r"```(?:toml|jinja)\n(.*?)```", text, flags=re.S)
    playbook, intake, template, example = blocks
    (tmp_path / "shared").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "examples" / "late-delivery").mkdir(parents=True)
    (tmp_path / "late-delivery.toml").write_text(playbook)
    (tmp_path / "shared" / "intake.toml").write_text(intake)
    (tmp_path / "templates" / "invitation.md.j2").write_text(template)
    (tmp_path / "examples" / "late-delivery" / "angry.toml").write_text(example)
    report = check_playbook(tmp_path / "late-delivery.toml")
    assert [str(p) for p in report.problems] == []
    assert report.examples == 1
