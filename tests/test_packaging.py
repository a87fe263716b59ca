"""The wheel ships the built-in playbooks and default templates, so they work from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_contains_the_playbooks_and_templates(tmp_path):
    pytest.importorskip("hatchling")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("triage-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    playbooks = sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "playbooks").rglob("*") if p.is_file()
    )
    assert playbooks, "the repository has built-in playbooks"
    for relative in playbooks:
        assert f"triage/{relative}" in names, relative
    assert "triage/templates/plan.md.j2" in names
    assert "triage/templates/reset-email.txt.j2" in names
