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
    # A distinct distribution name ("triage" on the package index is another project),
    # installing the `triage` package and command.
    [wheel] = tmp_path.glob("dispute_triage-*.whl")
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
    assert "\nName: dispute-triage\n" in archive.read(metadata).decode()
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "triage = " in archive.read(entry_points).decode()
    playbooks = sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "playbooks").rglob("*") if p.is_file()
    )
    assert playbooks, "the repository has built-in playbooks"
    for relative in playbooks:
        assert f"triage/{relative}" in names, relative
    assert "triage/templates/plan.md.j2" in names
    assert "triage/templates/reset-email.txt.j2" in names
