"""A command that opens no screen ends its process as soon as it is done (no teardown of
the interpreter): what it wrote, printed and exited with must be exactly what a full exit
gives, and a program that calls ``main`` itself must go on afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _triage(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "triage", *args]
    )
    return subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_headless_case_prints_and_writes_everything_before_it_exits(good: Path, tmp_path: Path):
    out = tmp_path / "out"
    answers = good / "examples" / "mini" / "calm.toml"
    done = _triage("run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(out))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Route: ")
    written = [line.removeprefix("Wrote ") for line in lines if line.startswith("Wrote ")]
    assert written and written[-1].endswith("case.toml")
    for path in written:  # every file named is there, whole (case.toml is parsed back)
        assert Path(path).stat().st_size > 0
    import tomllib

    assert (
        tomllib.loads((out / "case.toml").read_text(encoding="utf-8"))["case"]["playbook"] == "mini"
    )
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]

    again = _triage("run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(out))
    assert again.returncode == 1  # the files are there: the refusal's status, and why
    assert "exist" in again.stderr and "Traceback" not in again.stderr


def test_validate_exits_with_its_status(good: Path, tmp_path: Path):
    assert _triage("validate", str(good)).returncode == 0
    missing = _triage("validate", str(tmp_path / "nothing-here"))
    assert missing.returncode == 1 and "does not exist" in missing.stdout + missing.stderr


def test_a_program_that_calls_main_goes_on_afterwards(good: Path, tmp_path: Path):
    code = (
        "import sys\n"
        "from triage.cli import main\n"
        "sys.argv = ['triage', *sys.argv[1:]]\n"
        "status = main()\n"
        "print('still here', status)\n"
    )
    done = _triage("validate", str(good), code=code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "still here 0"
