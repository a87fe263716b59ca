"""`triage new`: the playbook wizard, driven through a pseudo-terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.prompts import DOWN, reply, spawn_triage
from triage.engine.validate import check_playbook
from triage.plain.authoring import Draft, playbook_text, shared_files

pexpect = pytest.importorskip("pexpect")

REPO = Path(__file__).resolve().parent.parent


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    return spawn_triage(["new", *args], cwd, {})


def test_wizard_writes_a_playbook_that_validates(tmp_path: Path) -> None:
    child = spawn(tmp_path, "team")
    reply(child, "Playbook id", "Bad Id\r")
    child.expect_exact("Use lowercase letters")
    child.send("\x15supplier-dispute\r")
    reply(child, "Title", "\r")  # keeps "Supplier dispute"
    reply(child, "One or two sentences", "When a supplier lets us down.\r")
    # intake is ticked already; also tick value (the second entry)
    reply(child, "Which shared stages", DOWN + " \r")
    reply(child, "Add a stage of your own questions?", "y")
    reply(child, "Title of your stage", "Supplier specifics\r")
    reply(child, "Add a question?", "y")
    reply(child, "Question id", "counterparty\r")  # taken by the shared intake stage
    child.expect_exact("already used")
    child.send("\x15supplier_tier\r")
    reply(child, "Kind of answer", DOWN * 2 + "\r")  # choice
    reply(child, "Prompt", "How important is this supplier?\r")
    reply(child, "Option 1 label", "Critical\r")
    reply(child, "Option 2 label", "Easy to replace\r")
    reply(child, "Option 3 label", "\r")
    reply(child, "Is an answer required?", "y")
    reply(child, "Add another question?", "y")
    reply(child, "Question id", "late_deliveries\r")
    reply(child, "Kind of answer", DOWN * 8 + "\r")  # list
    reply(child, "Prompt", "Late deliveries\r")
    reply(child, "Field id", "when\r")
    reply(child, "Kind of answer", DOWN * 5 + "\r")  # date
    reply(child, "Prompt", "When\r")
    reply(child, "Is an answer required?", "y")
    reply(child, "Add another field?", "n")
    reply(child, "Is an answer required?", "n")
    reply(child, "Add another question?", "n")
    child.expect_exact("It is valid.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    book = tmp_path / "team" / "supplier-dispute.toml"
    assert book.read_text().startswith("#:schema ./schema/playbook.schema.json\n")
    assert (tmp_path / "team" / "shared" / "intake.toml").is_file()
    assert (tmp_path / "team" / "shared" / "value.toml").is_file()
    assert (tmp_path / "team" / "schema" / "playbook.schema.json").is_file()
    assert check_playbook(book).problems == []
    data = tomllib.loads(book.read_text())
    own = data["stages"][-1]
    assert own["id"] == "supplier_specifics"
    assert [q["id"] for q in own["questions"]] == ["supplier_tier", "late_deliveries"]
    assert own["questions"][0]["options"][1] == {
        "value": "easy_to_replace",
        "label": "Easy to replace",
    }
    assert "relationship_value" in data["scores"]  # scores the shared value stage adds to


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    existing = tmp_path / "mine.toml"
    existing.write_text("keep me\n")
    child = spawn(tmp_path, "mine.toml")
    child.expect_exact("already exists")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert existing.read_text() == "keep me\n"


def test_ctrl_c_writes_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    reply(child, "Playbook id", "half-done\r")
    child.expect_exact("Title")
    child.send("\x03")
    child.expect_exact("nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def test_without_a_terminal_it_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "triage", "new"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert done.returncode == 2
    assert "terminal" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_shared_stage_together_validates(tmp_path: Path) -> None:
    """The scores the shared stages use are declared, so any selection validates."""
    shared = shared_files()
    assert [s.name for s in shared][:2] == ["intake", "value"]
    draft = Draft(id="everything", title="Everything", summary="All shared stages.", shared=shared)
    (tmp_path / "shared").mkdir()
    for item in shared:
        (tmp_path / "shared" / item.path.name).write_bytes(item.path.read_bytes())
    book = tmp_path / "everything.toml"
    book.write_text(playbook_text(draft))
    assert check_playbook(book).problems == []


def test_the_tutorial_works_as_written(tmp_path: Path) -> None:
    """Follow docs/authoring.md: build its playbook from its own code blocks, step by step."""
    doc = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    toml = [body for lang, body in re.findall(r"```(\w+)\n(.*?)```", doc, re.S) if lang == "toml"]
    first, include, questions, scores, levels, actions, extra_output, example = toml

    def triage(*args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, TRIAGE_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
        env.pop("TRIAGE_PLAYBOOKS", None)
        return subprocess.run(
            [sys.executable, "-m", "triage", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    schema = triage("schema")
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "playbook.schema.json").write_text(schema.stdout)
    book = tmp_path / "supplier-delay.toml"
    book.write_text(first)
    assert triage("validate", book.name).returncode == 0

    book.write_text(first.replace('kind = "number"', 'kind = "numbr"'))
    typo = triage("validate", book.name)
    assert typo.returncode == 1
    assert typo.stdout.startswith("supplier-delay.toml:14:1: `stages[0].questions[0].kind`")

    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "intake.toml").write_bytes(
        (REPO / "playbooks" / "shared" / "intake.toml").read_bytes()
    )
    assert include.startswith('[[stages]]\ninclude = "shared/intake.toml"\n')
    own = '[[stages]]\nid = "delays"'
    text = first.replace(own, '[[stages]]\ninclude = "shared/intake.toml"\n\n' + own)
    for block in (questions, scores, levels, actions, extra_output):
        text += "\n" + block
    book.write_text(text)
    (tmp_path / "templates").mkdir()
    template = re.search(r"<<'EOF'\n(.*?)EOF", doc, re.S)
    assert template is not None
    (tmp_path / "templates" / "escalation-note.md.j2").write_text(template.group(1))
    examples = tmp_path / "examples" / "supplier-delay"
    examples.mkdir(parents=True)
    (examples / "line-stopped.toml").write_text(example)
    done = triage("validate", book.name)
    assert done.stdout == "1 playbook valid, 1 example answer set rendered.\n", done.stdout

    strict = triage("validate", "--strict", book.name)
    assert strict.returncode == 0 and "(warning)" in strict.stdout

    run = triage(
        "run", book.name, "--answers", "examples/supplier-delay/line-stopped.toml", "--out", "out"
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Route: mediate (")
    assert "Northwind Components" in (tmp_path / "out" / "escalation-note.md").read_text()
