"""`triage run ID --plain`, driven as a person would through a pseudo-terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.prompts import DOWN, reply, spawn_triage
from triage.plain.prompts import inert

pexpect = pytest.importorskip("pexpect")

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "good" / "mini.toml"


def spawn(home: Path, *args: str) -> pexpect.spawn:
    child = spawn_triage(["run", *args], REPO, {"TRIAGE_HOME": str(home)})
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def stopped_answers(child: pexpect.spawn, home: Path) -> dict:
    """After Ctrl-C: the resume hint is printed, the exit is 130, and the answers are saved."""
    child.expect(r"triage run (\S+) --plain")
    case_id = child.match.group(1)
    assert finish(child) == 130
    return tomllib.loads((home / "cases" / case_id / "case.toml").read_text())["answers"]


def answer_intake(child: pexpect.spawn) -> None:
    reply(child, "Who is the dispute with?", "Acme Ltd\r")
    reply(child, "Their email address", "not-an-email\r")
    child.expect_exact("Enter an email address like name@example.com.")  # the playbook's message
    child.send("\x15jo@acme.example\r")  # Ctrl-U clears the line
    reply(child, "Since when?", "2026-01-05\r")


def answer_rest(child: pexpect.spawn, resumed: bool = False) -> None:
    if not resumed:  # a resumed walk starts at the first question not yet answered
        reply(child, "Is the account strategic?", "\r")  # Yes: a choice, not a y/N default
    reply(child, "Annual value", "150,000\r")
    reply(child, "How easy would it be to replace them?", DOWN + "\r")  # Hard
    child.expect_exact("Score: Relationship value")  # one line per score, once per stage
    reply(child, "How much do they trust us now?", DOWN + "\r")  # 2 Little
    reply(child, "What is in the air?", " \r")  # Anger
    # the legal stage applies because the replacement is hard
    reply(child, "Do they allege a breach?", "\r")  # Yes
    reply(child, "What breach?", "Missed the SLA twice\r")
    reply(child, "Add an entry?", "y")
    reply(child, "What", "Weekly call\r")
    reply(child, "Who", "Sam\r")
    reply(child, "By when", "2026-02-01\r")
    reply(child, "Add another entry?", "n")


def test_whole_case_with_an_override(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = spawn(tmp_path / "home", str(MINI), "--plain", "--out", str(out))
    answer_intake(child)
    answer_rest(child)
    child.expect_exact("Recommended route: Take legal advice")
    child.expect_exact("Take legal advice: A breach is alleged")  # the rules that held, in order
    child.expect_exact("Bring in a mediator: Trust is low")  # the reason, not the rule id
    child.expect_exact("Alternatives: Negotiate directly, Bring in a mediator")
    reply(child, "Which route will you take?", DOWN + DOWN + "\r")  # Bring in a mediator
    reply(child, "rather than the recommendation?", "\r")
    child.expect_exact("Give a reason")  # a reason is required
    child.send("They want a neutral chair\r")
    child.expect_exact("Wrote:")
    assert finish(child) == 0
    for name in ("plan.md", "reset-email.eml", "actions.csv", "mediation-proposal.md"):
        assert (out / name).is_file()
    assert "Weekly call" in (out / "actions.csv").read_text(encoding="utf-8-sig")
    case_file = next((tmp_path / "home" / "cases").glob("*/case.toml"))
    case = tomllib.loads(case_file.read_text())
    assert case["answers"]["counterparty"] == "Acme Ltd"
    assert case["answers"]["their_email"] == "jo@acme.example"
    assert case["answers"]["annual_value"] == 150000
    assert case["answers"]["emotions"] == ["anger"]
    assert case["answers"]["agreed_actions"][0]["owner"] == "Sam"
    assert case["override"] == {"route": "mediate", "reason": "They want a neutral chair"}


def test_the_route_step_says_why_the_level_was_raised(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "good"
    shutil.copytree(MINI.parent, folder)
    board = (
        '[[levels]]\nlevel = 3\nname = "Board"\nwho = "Both boards"\n'
        'when = "annual_value and annual_value > 100000"\n'
        'because = "Six-figure accounts go to the board."\n\n[[stages]]\n'
    )
    mini = folder / "mini.toml"
    mini.write_text(mini.read_text().replace("[[stages]]\n", board, 1))
    out = tmp_path / "out"
    child = spawn(tmp_path / "home", str(mini), "--plain", "--out", str(out))
    answer_intake(child)
    answer_rest(child)
    child.expect_exact("Recommended route: Take legal advice")
    child.expect_exact("Escalation level 3: Board (Both boards)")
    child.expect_exact("Level 3 (Board) because: Six-figure accounts go to the board.")
    child.expect_exact(
        "Alternatives: Negotiate directly, Bring in a mediator, Part well: a planned exit"
    )
    reply(child, "Which route will you take?", "\r")  # accept
    child.expect_exact("Wrote:")
    assert finish(child) == 0


def test_ctrl_c_saves_and_resume_finishes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home, str(MINI), "--plain")
    answer_intake(child)
    reply(child, "Is the account strategic?", "\r")  # Yes
    child.expect_exact("Annual value")
    child.send("\x03")
    child.expect_exact("triage run ")
    child.expect(r"(\S+) --plain")
    case_id = child.match.group(1)
    assert finish(child) == 130
    case_file = home / "cases" / case_id / "case.toml"
    saved = tomllib.loads(case_file.read_text())
    assert saved["answers"]["strategic"] is True
    assert saved["case"]["stage"] == "value"

    child = spawn(home, case_id, "--plain", "--out", str(tmp_path / "out"))
    child.expect_exact("Resuming case")
    # the stage reached, from its first open question: nothing answered is asked again
    child.expect_exact("Stage 2 of 4: Value")
    answer_rest(child, resumed=True)
    reply(child, "Which route will you take?", "\r")  # accept the recommendation
    child.expect_exact("Wrote:")
    assert finish(child) == 0
    answers = tomllib.loads(case_file.read_text())["answers"]
    assert answers["counterparty"] == "Acme Ltd"
    assert answers["strategic"] is True
    assert answers["breach_detail"] == "Missed the SLA twice"
    assert "override" not in tomllib.loads(case_file.read_text())


def test_outputs_already_there_are_replaced_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").write_text("my own notes\n")
    child = spawn(tmp_path / "home", str(MINI), "--plain", "--out", str(out))
    answer_intake(child)
    reply(child, "Is the account strategic?", DOWN + "\r")  # No
    reply(child, "Annual value", "\r")
    reply(child, "How easy would it be to replace them?", "\r")  # Easy: no legal stage
    reply(child, "How much do they trust us now?", DOWN * 3 + "\r")
    reply(child, "What is in the air?", "\r")
    reply(child, "Add an entry?", "n")
    reply(child, "Which route will you take?", "\r")
    reply(child, "Replace them?", "n")
    child.expect_exact("Left them as they were")
    assert finish(child) == 0
    assert (out / "plan.md").read_text() == "my own notes\n"


def test_playbook_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    book = tmp_path / "books" / "sneaky.toml"
    book.parent.mkdir()
    book.write_text(
        "format = 1\ntitle = 'Sneaky'\nsummary = 's'\nversion = '1'\n"
        "[[stages]]\nid = 'one'\ntitle = 'One'\n"
        'guidance = "Look \\u001b]0;pwned\\u0007 here"\n'
        "[[stages.questions]]\nid = 'counterparty'\nkind = 'text'\nprompt = 'Who?'\n"
    )
    child = spawn(tmp_path / "home", str(book), "--plain", "--out", str(tmp_path / "out"))
    child.expect_exact("Look ")
    child.expect_exact("here")
    shown = child.before
    reply(child, "Who?", "Acme\r")
    reply(child, "Which route will you take?", "\r")
    assert finish(child) == 0
    assert "\x1b]0;pwned" not in shown
    assert "\\x1b]0;pwned\\x07" in shown


def test_inert_makes_control_characters_visible() -> None:
    assert inert("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07"
    assert inert("line\nnext\ttab") == "line\nnext\ttab"
    assert inert("line\nnext", one_line=True) == "line\\nnext"
    assert inert("\u202eevil\x9b") == "\\u202eevil\\x9b"
    assert inert("café £5") == "café £5"


def test_inert_escapes_every_unsafe_character_and_nothing_else() -> None:
    """Every code point, alone and among text with tabs and newlines, as the pattern of
    unsafe characters escapes it."""
    import re

    unsafe = re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
    )

    def escaped(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            code = ord(match.group())
            return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

        return unsafe.sub(one, text)

    every = "".join(map(chr, range(0x110000)))
    assert inert(every) == escaped(every)
    for code in [*range(0x300), *range(0x2000, 0x2070), 0xFEFF, 0xD800, 0xE000, 0x10FFFF]:
        text = f"Dear Dana,\n\tthe invoice {chr(code)} — café"
        assert inert(text) == escaped(text), hex(code)


def test_printing_plain_text_compiles_no_pattern() -> None:
    """Every command prints through ``say``; text with nothing to escape (tabs and
    newlines are kept) is printed without compiling the pattern of unsafe characters
    (0.35 ms of every command's start)."""
    import subprocess
    import sys

    probe = (
        "import io, re\n"
        "before = set(re._cache)\n"
        "from triage.plain.prompts import say\n"
        "say('Route: mediate (the contract names one)\\n\\tWrote plan.md — café £5',"
        " file=io.StringIO())\n"
        "print(len([k for k in re._cache if k not in before and '\\u2028' in str(k[1])]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


def test_without_a_terminal_it_stops_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "triage", "run", str(MINI), "--plain"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        env=dict(os.environ, TRIAGE_HOME=str(tmp_path)),
    )
    assert done.returncode == 2
    assert "--answers" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 15
    assert not (tmp_path / "cases").exists()


def test_unknown_target_is_one_sentence(tmp_path: Path) -> None:
    child = spawn(tmp_path, "no-such-playbook", "--plain")
    child.expect(re.escape("There is no playbook called 'no-such-playbook'"))
    assert finish(child) == 1


def test_an_earlier_answer_is_a_hint_that_typing_replaces(tmp_path: Path) -> None:
    """Resuming, the answer so far is shown but not put in the box: Enter keeps it, typing
    replaces it ("90000", never "15000090000"), and "-" clears an optional answer."""
    home = tmp_path / "home"
    child = spawn(home, str(MINI), "--plain")
    answer_intake(child)
    reply(child, "Is the account strategic?", "\r")  # Yes
    reply(child, "Annual value", "150000\r")
    child.expect_exact("How easy would it be to replace them?")
    child.send("\x03")
    child.expect(r"triage run (\S+) --plain")
    case_id = child.match.group(1)
    assert finish(child) == 130
    case_file = home / "cases" / case_id / "case.toml"
    assert tomllib.loads(case_file.read_text())["answers"]["annual_value"] == 150000

    child = spawn(home, case_id, "--plain")
    # resumed at the first open question; "<" goes back to the answered one before it
    reply(child, "How easy would it be to replace them?", DOWN * 2 + "\r")
    reply(child, "Annual value", "")
    child.expect_exact("(GBP) (Enter keeps 150000, - to clear it)")
    child.send("90000\r")
    child.expect_exact("How easy would it be to replace them?")
    child.send("\x03")
    assert finish(child) == 130
    assert tomllib.loads(case_file.read_text())["answers"]["annual_value"] == 90000

    child = spawn(home, case_id, "--plain")
    reply(child, "How easy would it be to replace them?", DOWN * 2 + "\r")
    reply(child, "(Enter keeps 90000, - to clear it)", "-\r")
    child.expect_exact("How easy would it be to replace them?")
    child.send("\x03")
    assert finish(child) == 130
    assert "annual_value" not in tomllib.loads(case_file.read_text())["answers"]


def test_ctrl_c_keeps_the_half_typed_answer_for_next_time(tmp_path: Path) -> None:
    """Text typed but not yet entered survives Ctrl-C, as it does in the app, and comes back
    in the box on resume to carry on from."""
    home = tmp_path / "home"
    child = spawn(home, str(MINI), "--plain")
    reply(child, "Who is the dispute with?", "Acme Hold")
    time.sleep(0.2)
    child.send("\x03")
    child.expect(r"triage run (\S+) --plain")
    case_id = child.match.group(1)
    assert finish(child) == 130
    case_file = home / "cases" / case_id / "case.toml"
    assert tomllib.loads(case_file.read_text())["pending"]["counterparty"] == "Acme Hold"

    child = spawn(home, case_id, "--plain")
    reply(child, "(what you had typed, kept)", "ings\r")
    child.expect_exact("Their email address")
    child.send("\x03")
    assert finish(child) == 130
    saved = tomllib.loads(case_file.read_text())
    assert saved["answers"]["counterparty"] == "Acme Holdings"
    assert "pending" not in saved


def test_guidance_is_read_as_plain_words(tmp_path: Path) -> None:
    """Playbook guidance is Markdown; the line-by-line prompts show it without the marks a
    screen reader would read out ("star what happened star")."""
    child = spawn_triage(
        ["run", "client-communication-breakdown", "--plain"], REPO, {"TRIAGE_HOME": str(tmp_path)}
    )
    child.expect_exact("Write what happened as you would explain it")
    reply(child, "Which company is the dispute with?", "\x03")
    assert finish(child) == 130


def test_back_goes_to_the_previous_question_and_stage(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home, str(MINI), "--plain")
    reply(child, "Who is the dispute with?", "Acme Ltd\r")
    reply(child, "Their email address", "<\r")  # back: the name again, kept as a hint
    child.expect_exact("Who is the dispute with?")
    child.expect_exact("(Enter keeps Acme Ltd)")
    child.send("Acme Group\r")
    reply(child, "Their email address", "jo@acme.example\r")
    reply(child, "Since when?", "2026-01-05\r")
    # the first question of the next stage: "◀ Back" returns to the last one of this
    reply(child, "Is the account strategic?", DOWN * 3 + "\r")
    child.expect_exact("Since when?")
    child.expect_exact("(Enter keeps 2026-01-05")
    child.send("\r")
    reply(child, "Is the account strategic?", "\x03")
    answers = stopped_answers(child, home)
    assert answers["counterparty"] == "Acme Group"
    assert answers["since"].isoformat() == "2026-01-05"


def test_pasted_lines_in_a_one_line_answer_are_joined(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home, str(MINI), "--plain")
    reply(child, "Who is the dispute with?", "\x1b[200~Acme Ltd\nNorthern division\x1b[201~\r")
    reply(child, "Their email address", "\x03")
    answers = stopped_answers(child, home)
    assert answers["counterparty"] == "Acme Ltd Northern division"


def test_a_written_case_is_followed_through_line_by_line_to_its_close(tmp_path: Path) -> None:
    """Resuming a case whose outputs exist offers to record what happened since: an
    action done, one moved (a date and a reason), one added, a meeting with an agreed
    term, a step that failed and was taken a level up, and the close with its lessons;
    each saved as it is made, and the tracker's files follow."""
    import subprocess

    home = tmp_path / "home"
    example = REPO / "playbooks/examples/client-communication-breakdown/outage-our-fault.toml"
    env = {"TRIAGE_HOME": str(home)}
    made = subprocess.run(
        [sys.executable, "-m", "triage", "run", "client-communication-breakdown", "--answers", str(example)],
        capture_output=True, text=True, env=dict(os.environ, **env), cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    [folder] = [p.parent for p in (home / "cases").glob("*/case.toml")]
    level_before = tomllib.loads((folder / "case.toml").read_text())["route"]["level"]
    child = spawn_triage(["run", folder.name, "--plain"], tmp_path, env)
    reply(child, "What would you like to do?", "\r")  # record what has happened
    reply(child, "What has happened?", "\r")  # an action is done
    reply(child, "Which action?", "\r")  # the first open one
    child.expect_exact("Saved: ")
    reply(child, "What has happened?", DOWN + "\r")  # a new date
    reply(child, "Which action?", "\r")
    reply(child, "New date", "2027-01-15\r")
    reply(child, "Why?", "their CFO is away\r")
    reply(child, "What has happened?", DOWN * 3 + "\r")  # add one
    reply(child, "What is the new action?", "Send the revised SLA\r")
    reply(child, "Who owns it?", "\r")
    reply(child, "Due date", "2027-01-20\r")
    reply(child, "Shared with the other side?", DOWN + "\r")  # no
    reply(child, "What has happened?", DOWN * 4 + "\r")  # a meeting
    reply(child, "When?", "\r")  # today, as offered
    reply(child, "Who was there?", "Daniel Fenwick and Helen Achebe\r")
    reply(child, "Add one?", "\r")
    reply(child, "Term", "Service credit of two weeks on the next invoice\r")
    reply(child, "Owner", "Helen Achebe\r")
    reply(child, "By when", "2027-01-08\r")
    reply(child, "Add another?", "\r")  # no
    reply(child, "What is still open?", "The March renewal price\r")
    child.expect_exact("1 term(s) agreed")
    reply(child, "What has happened?", DOWN * 5 + "\r")  # a step has ended
    reply(child, "When?", "\r")
    reply(child, "Result", DOWN * 2 + "\r")  # not resolved
    reply(child, "What happened, in a line", "They want a bigger credit\r")
    reply(child, "Take it one level up?", "\r")  # yes
    reply(child, "Who decided?", "Helen Achebe\r")
    reply(child, "Why?", "the informal attempt ran out of time\r")
    child.expect_exact("Escalated to level")
    reply(child, "What has happened?", DOWN * 6 + "\r")  # close the case
    reply(child, "When?", "\r")
    reply(child, "How did the dispute end?", DOWN + "\r")  # partly
    reply(child, "Who closes it?", "Helen Achebe\r")
    reply(child, "Lesson for the contract", "A service credit table in the SLA\r")
    reply(child, "Lesson for the process", "\r")
    reply(child, "Lesson for the team", "One named contact during incidents\r")
    child.expect_exact("Case closed")
    child.expect(pexpect.EOF)
    rows = (folder / "actions.csv").read_text(encoding="utf-8-sig")
    assert ",done," in rows and "2027-01-15,moved" in rows and "Send the revised SLA" in rows
    assert "Service credit of two weeks" in rows, "an agreed term becomes a shared action"
    assert "Service credit of two weeks" in (folder / "actions.ics").read_text(encoding="utf-8")
    summary = (folder / "follow-up-summary.md").read_text(encoding="utf-8")
    assert "Service credit of two weeks" in summary, "the follow-up summary of agreed terms"
    saved = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    assert saved["route"]["level"] == level_before + 1
    events = [e["event"] for e in saved["ledger"]]
    for event in ("action-done", "action-moved", "action-added", "meeting-held", "outcome",
                  "escalated", "case-closed"):  # fmt: skip
        assert event in events
    escalated = next(e for e in saved["ledger"] if e["event"] == "escalated")
    assert escalated["who"] == "Helen Achebe" and "ran out of time" in escalated["detail"]
    assert saved["closed"]["outcome"] == "partly"
    plan = (folder / "plan.md").read_text(encoding="utf-8")
    assert "Send the revised SLA" in plan and "ran out of time" in plan
    lessons = (home / "lessons.md").read_text(encoding="utf-8")
    assert "A service credit table in the SLA" in lessons and "One named contact" in lessons
