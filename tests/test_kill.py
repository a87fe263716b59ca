"""Nothing lost: a case killed with SIGKILL resumes with every answer given before the kill.

A small driver answers questions through Session one by one in a real process,
printing after each saved answer; the test kills it, starts it again on the
saved case, and checks what is on disk.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from triage.engine.case import load_case
from triage.engine.library import saved_cases
from triage.engine.session import Session

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "good" / "mini.toml"

DRIVER = textwrap.dedent(
    """
    import sys
    from triage.engine.playbook import load_playbook
    from triage.engine.session import Session

    target = sys.argv[1]
    if target.endswith(".toml") and "cases" not in target:
        session = Session.start(load_playbook(target))
    else:
        session = Session.resume(target)
    print("ready", flush=True)
    for line in sys.stdin:
        qid, _, text = line.rstrip("\\n").partition("\\t")
        session.answer_text(qid, text.replace("\\\\n", "\\n"))
        print("saved", qid, session.folder, flush=True)
    """
)

ANSWERS = [
    ("counterparty", "Acme [bold]Ltd[/bold]"),
    ("their_email", "jo@acme.example"),
    ("since", "2026-01-05"),
    ("strategic", "yes"),
    ("annual_value", "150,000"),
    ("alternatives", "hard"),
    ("trust_level", "2"),
    ("emotions", "anger, fear"),
    ("breach_alleged", "yes"),
    ("breach_detail", "Late deliveries in\\nMarch and April"),
]
EXPECTED = {
    "counterparty": "Acme [bold]Ltd[/bold]",
    "their_email": "jo@acme.example",
    "since": dt.date(2026, 1, 5),
    "strategic": True,
    "annual_value": 150000,
    "alternatives": "hard",
    "trust_level": 2,
    "emotions": ["anger", "fear"],
    "breach_alleged": True,
    "breach_detail": "Late deliveries in\nMarch and April",
}


class Driver:
    def __init__(self, target: str, home: Path):
        env = dict(os.environ, TRIAGE_HOME=str(home), PYTHONPATH=str(REPO))
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        line = self.process.stdout.readline().strip()
        if not line:
            raise AssertionError(self.process.stderr.read())
        return line

    def answer(self, qid: str, text: str) -> Path:
        self.send(qid, text)
        saved, got, folder = self.readline().split(" ", 2)
        assert (saved, got) == ("saved", qid)
        return Path(folder)

    def send(self, qid: str, text: str) -> None:
        self.process.stdin.write(f"{qid}\t{text}\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        assert self.process.returncode == -signal.SIGKILL
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


def visible_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_answer_before_a_kill_survives_and_the_case_resumes(triage_home: Path):
    given: list[str] = []
    driver = Driver(str(MINI), triage_home)
    folder = None
    # Kill after 1, 4, 7 and 10 answers; restart on the saved case each time.
    for stop in (1, 4, 7, 10):
        for qid, text in ANSWERS[len(given) : stop]:
            folder = driver.answer(qid, text)
            given.append(qid)
        driver.kill()
        assert folder is not None
        case = load_case(folder / "case.toml")
        assert {q: case.answers[q] for q in given} == {q: EXPECTED[q] for q in given}
        assert visible_files(folder) == ["case.toml"]  # no temporary file left behind
        resumed = Session.resume(folder)
        assert {q: resumed.value(q) for q in given} == {q: EXPECTED[q] for q in given}
        if stop < len(ANSWERS):
            driver = Driver(str(folder), triage_home)
    assert len(list((triage_home / "cases").iterdir())) == 1  # resumed, never a second case


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_while_an_answer_is_being_saved_leaves_a_readable_case(triage_home: Path):
    """Killed at an arbitrary moment mid-save: the file holds the old answers or the new one."""
    driver = Driver(str(MINI), triage_home)
    folder = driver.answer("counterparty", "Acme Ltd")
    for delay in (0.0, 0.001, 0.003, 0.01):
        driver.send("breach_detail", "x" * 200_000)  # a long answer takes a while to save
        time.sleep(delay)
        driver.kill()
        case = load_case(folder / "case.toml")  # never half a file
        assert case.answers["counterparty"] == "Acme Ltd"
        assert case.answers.get("breach_detail") in (None, "x" * 200_000)
        driver = Driver(str(folder), triage_home)
    driver.kill()
    assert saved_cases() == [folder / "case.toml"]  # a stray temporary file is never a case
