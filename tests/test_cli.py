"""The command line as a user runs it: exit statuses, one-line errors, files written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEADER = 'format = 1\ntitle = "T"\nsummary = "S"\nversion = "1"\n'


def triage(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env=os.environ.copy(),
        timeout=60,
    )


def assert_one_clean_line(result: subprocess.CompletedProcess, status: int) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert "Traceback" not in output
    return output


def test_version_and_help():
    result = triage("--version")
    assert result.returncode == 0 and result.stdout.startswith("triage ")
    for command in ("run", "validate", "list", "render", "check-tone", "schema", "new"):
        helped = triage(command, "--help")
        assert helped.returncode == 0, command
        assert "usage: triage " + command in helped.stdout


def test_usage_errors_exit_2():
    assert triage("frobnicate").returncode == 2
    assert triage("run").returncode == 2


def test_validate_with_no_path_checks_every_builtin_playbook():
    result = triage("validate")
    output = assert_one_clean_line(result, 0)
    assert "valid" in output.splitlines()[-1]


def test_validate_fixture_folder(good):
    result = triage("validate", str(good))
    assert_one_clean_line(result, 0)
    assert result.stdout.strip() == "1 playbook valid, 2 example answer sets rendered."


BROKEN = {
    "empty.toml": (b"", "is empty"),
    "blank.toml": (b"\n\n  \n", "is empty"),
    "binary.toml": (b"\x00\x01\x02\xff", "is a binary file"),
    "latin1.toml": ('title = "Café"'.encode("latin-1"), "is not UTF-8"),
    "deep.toml": (b"x = " + b"[" * 5000 + b"]" * 5000, "nests"),
    "huge.toml": (b"# " + b"x" * (3 * 1024 * 1024), "is too large"),
    "syntax.toml": (b'title = "unterminated\n', ":1:"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_get_one_sentence_and_exit_1(tmp_path, name):
    content, expected = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = triage("validate", str(path))
    output = assert_one_clean_line(result, 1)
    problem_lines = [line for line in result.stdout.splitlines() if name in line]
    assert len(problem_lines) == 1, output
    assert expected in problem_lines[0]


def test_a_byte_order_mark_is_accepted(good):
    path = good / "mini.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert_one_clean_line(triage("validate", str(path)), 0)


def test_a_playbook_is_validated_by_the_name_run_takes(tmp_path):
    """`triage run client-communication-breakdown` works, so validate takes the name too."""
    result = triage("validate", "client-communication-breakdown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 playbook valid" in result.stdout + result.stderr


def test_a_draft_left_by_an_earlier_run_is_pointed_out_not_deleted(tmp_path):
    """A mediation proposal from a run when the route was mediate must not sit unnoticed
    beside a negotiate case's drafts, where it could be sent by mistake."""
    example = (
        Path(__file__).parent.parent
        / "playbooks/examples/contract-terms-dispute/council-complaint-procedure.toml"
    )
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "mediation-proposal.md"
    stale.write_text("# Proposal to mediate\n", encoding="utf-8")
    result = triage(
        "run",
        "contract-terms-dispute",
        "--answers",
        str(example),
        "--out",
        str(out),
        "--force",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "mediation-proposal.md is from an earlier run" in result.stderr
    assert stale.read_text(encoding="utf-8") == "# Proposal to mediate\n"  # never deleted
    assert (
        "earlier run"
        not in triage(
            "run",
            "contract-terms-dispute",
            "--answers",
            str(example),
            "--out",
            str(tmp_path / "new"),
            cwd=tmp_path,
        ).stderr
    )


def test_render_also_points_out_a_draft_that_no_longer_applies(tmp_path):
    """`triage render` rewrites a saved case's drafts: the same warning as `run`."""
    example = (
        Path(__file__).parent.parent
        / "playbooks/examples/contract-terms-dispute/council-complaint-procedure.toml"
    )
    out = tmp_path / "case"
    ran = triage(
        "run", "contract-terms-dispute", "--answers", str(example), "--out", str(out), cwd=tmp_path
    )
    assert ran.returncode == 0, ran.stderr
    (out / "mediation-proposal.md").write_text("# Proposal to mediate\n", encoding="utf-8")
    result = triage("render", str(out), "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "mediation-proposal.md is from an earlier run" in result.stderr


def test_missing_path_and_empty_folder(tmp_path):
    result = triage("validate", str(tmp_path / "nope.toml"), str(tmp_path))
    output = assert_one_clean_line(result, 1)
    assert "nope.toml: does not exist." in output
    assert "is a folder with no playbook" in output


def test_run_answers_writes_every_output_from_another_folder(good, tmp_path):
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = triage(
        "run", str(good / "mini.toml"), "--answers", str(good / "examples/mini/calm.toml"),
        "--out", str(out), cwd=elsewhere,
    )  # fmt: skip
    assert_one_clean_line(result, 0)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["actions.csv", "actions.ics", "case.toml", "plan.md", "reset-email.eml"]
    mode = stat.S_IMODE((out / "case.toml").stat().st_mode)
    assert mode == 0o600
    email = message_from_bytes((out / "reset-email.eml").read_bytes(), policy=default_policy)
    assert email["Subject"] == "A way forward with Acme Ltd"
    assert email["To"].addresses[0].addr_spec == "jo@acme.example"
    assert "without prejudice" in email.get_content()
    header = (out / "actions.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "action,owner,due,status,audience"


def test_run_answers_refuses_to_replace_outputs_without_force(good, tmp_path):
    out = tmp_path / "out"
    args = [
        "run",
        str(good / "mini.toml"),
        "--answers",
        str(good / "examples/mini/calm.toml"),
        "--out",
        str(out),
    ]
    assert triage(*args).returncode == 0
    (out / "plan.md").write_text("my edits")
    result = triage(*args)
    output = assert_one_clean_line(result, 1)
    assert "already exist" in output and "--force" in output
    assert (out / "plan.md").read_text() == "my edits"
    assert triage(*args, "--force").returncode == 0
    assert (out / "plan.md").read_text() != "my edits"


def test_run_answers_names_every_bad_or_missing_answer(good, tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text('trust_level = "high"\nstrategic = "yes"\nnosuch = 1\n')
    result = triage(
        "run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(tmp_path / "o")
    )
    output = assert_one_clean_line(result, 1)
    assert "a.toml:1:1: 'trust_level'" in output and "1 to 5" in output
    assert "a.toml:2:1: 'strategic'" in output and "true or false" in output
    assert "'nosuch' is not a question" in output
    for missing in ("'counterparty'", "'alternatives'"):  # named in the same run
        assert missing in output
    assert output.count("'trust_level'") == 1  # wrong, so not also called missing
    assert not (tmp_path / "o").exists()
    answers.write_text("strategic = true\n")
    output = assert_one_clean_line(
        triage("run", str(good / "mini.toml"), "--answers", str(answers)), 1
    )
    for missing in ("'counterparty'", "'alternatives'", "'trust_level'"):
        assert missing in output


def test_a_case_file_is_accepted_as_answers_and_keeps_its_override(good, tmp_path):
    first = tmp_path / "first"
    triage(
        "run",
        str(good / "mini.toml"),
        "--answers",
        str(good / "examples/mini/calm.toml"),
        "--out",
        str(first),
    )
    case = first / "case.toml"
    case.write_text(
        case.read_text()
        + '\n[override]\nroute = "mediate"\nreason = "They asked for a mediator."\n'
    )
    second = tmp_path / "second"
    result = triage("run", "mini.toml", "--answers", str(case), "--out", str(second), cwd=good)
    assert_one_clean_line(result, 0)
    saved = (second / "case.toml").read_text()
    assert 'chosen = "mediate"' in saved and "They asked for a mediator." in saved
    assert (
        "Route: mediate, chosen over negotiate because: They asked for a mediator." in result.stdout
    )
    assert saved.count('event = "route-recommended"') == 1  # the same recommendation, once


def test_unknown_playbook_lists_the_available_ones():
    output = assert_one_clean_line(triage("run", "nosuch", "--answers", "x.toml"), 1)
    assert "There is no playbook called 'nosuch'" in output


def test_run_without_a_terminal_says_to_pass_answers(good):
    result = triage("run", str(good / "mini.toml"), stdin="")
    assert result.returncode == 2
    assert "--answers" in result.stderr


def test_team_playbooks_come_from_triage_playbooks(good, monkeypatch):
    monkeypatch.setenv("TRIAGE_PLAYBOOKS", str(good))
    result = triage("list", "--json")
    import json

    listing = json.loads(result.stdout)
    mini = next(p for p in listing["playbooks"] if p["id"] == "mini")
    assert mini["source"] == "team" and mini["valid"]
    assert listing["format"] == 1, "scripts can tell which layout they read"
    assert mini["problem"] is None, "no problem is null, not an empty string (jq: select(.problem))"


def test_cases_default_to_triage_home(good, triage_home):
    result = triage(
        "run", str(good / "mini.toml"), "--answers", str(good / "examples/mini/angry.toml")
    )
    assert_one_clean_line(result, 0)
    [case] = list((triage_home / "cases").glob("*/case.toml"))
    assert "beta-plc" in case.parent.name
    assert stat.S_IMODE(case.parent.stat().st_mode) == 0o700


def test_a_missing_team_folder_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAGE_PLAYBOOKS", str(tmp_path / "gone"))
    output = assert_one_clean_line(triage("validate"), 1)
    assert "gone: is named in TRIAGE_PLAYBOOKS but is not a folder." in output


def test_an_empty_required_answer_is_named(good, tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text('counterparty = ""\nalternatives = "easy"\ntrust_level = 3\n')
    output = assert_one_clean_line(
        triage("run", str(good / "mini.toml"), "--answers", str(answers)), 1
    )
    assert "'counterparty' (Who is the dispute with?) needs an answer" in output


def test_a_wrong_playbook_name_is_reported_before_the_terminal_check():
    result = triage("run", "nosuch", stdin="")
    assert result.returncode == 1
    assert "There is no playbook called 'nosuch'" in result.stderr


def test_a_mistyped_playbook_id_gets_a_suggestion():
    output = assert_one_clean_line(triage("run", "partner-dispue", "--answers", "x.toml"), 1)
    assert "Did you mean 'partner-dispute'?" in output


def test_playbook_text_never_drives_the_terminal_in_list(tmp_path):
    """A team playbook whose title holds escape sequences is listed with them made visible."""
    books = tmp_path / "books"
    books.mkdir()
    (books / "evil.toml").write_text(
        'format = 1\ntitle = "Evil \\u001b]0;pwned\\u0007\\u001b[2J title"\nsummary = "s"\n'
        'version = "1"\n[[stages]]\nid = "one"\ntitle = "One"\n'
        '[[stages.questions]]\nid = "counterparty"\nkind = "text"\nprompt = "Who?"\n'
    )
    env = dict(os.environ, TRIAGE_PLAYBOOKS=str(books), TRIAGE_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "triage", "list"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Evil \\x1b]0;pwned\\x07\\x1b[2J title" in result.stdout


def test_a_command_parses_the_same_with_its_parser_alone(capsys):
    """main builds only the named command's parser: arguments, help and errors as before."""
    from triage.cli import _COMMANDS, _parser

    samples = [
        ["run", "x", "--answers", "a.toml", "--out", "o", "--force"],
        ["run", "x", "--plain"],
        ["validate", "--strict", "p", "q"],
        ["list", "--ids"],
        ["render", "c", "--force"],
        ["check-tone", "a.txt", "--rules", "r.toml"],
        ["schema", "case"],
        ["update", "c", "--done", "1", "--move", "2", "2026-01-05", "--reason", "late"],
        ["import", "c", "a.eml", "-", "--ours", "us.example", "--rows", "3", "--dry-run"],
        ["due", "--days", "3", "--json"],
        ["completion", "fish"],
        ["new", "p.toml"],
    ]
    assert {args[0] for args in samples} == set(_COMMANDS)
    for args in samples:
        assert vars(_parser(args[0]).parse_args(args)) == vars(_parser().parse_args(args))
    for name in _COMMANDS:
        for arguments in ([name, "--help"], [name, "--no-such-option"]):
            shown = []
            for parser in (_parser(name), _parser()):
                with pytest.raises(SystemExit) as exited:
                    parser.parse_args(arguments)
                shown.append((exited.value.code, capsys.readouterr()))
            assert shown[0] == shown[1], arguments


def test_the_cycle_collector_is_on_whenever_a_playbook_runs(good, tmp_path, monkeypatch):
    """main pauses the collector only while modules load: every condition and template of
    a run, and everything after it, runs with it on as usual."""
    import gc

    from triage.cli import main
    from triage.engine import sandbox

    seen: list[bool] = []
    for name in ("evaluate", "render"):
        real = getattr(sandbox, name)

        def watched(*args, _real=real, **kwargs):
            seen.append(gc.isenabled())
            return _real(*args, **kwargs)

        monkeypatch.setattr(sandbox, name, watched)
    answers = good / "examples" / "mini" / "calm.toml"
    out = tmp_path / "out"
    assert main(["run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(out)]) == 0
    assert main(["validate", str(good)]) == 0
    assert seen and all(seen)
    assert gc.isenabled()


def test_a_python_without_a_needed_package_gets_one_sentence_saying_which(tmp_path):
    """Run by an interpreter triage was not installed into (a clone run with the system
    Python), a missing dependency is named in one sentence with the way to fix it."""
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'platformdirs':\n"
        "            raise ModuleNotFoundError(\"No module named 'platformdirs'\", name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from triage.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TRIAGE_HOME", "TRIAGE_CACHE")}
    env["HOME"] = str(tmp_path)
    example = REPO / "playbooks/examples/contract-terms-dispute/money-owed-both-ways.toml"
    args = ["run", "contract-terms-dispute", "--answers", str(example), "--out", "out"]
    done = subprocess.run(
        [sys.executable, "-c", blocker, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "'platformdirs'" in lines[0] and "pip" in lines[0]


def test_answers_under_an_answers_heading_are_read_like_a_flat_table(good, tmp_path):
    answers = tmp_path / "headed.toml"
    answers.write_text(
        "# my answers\n[answers]\n"
        'counterparty = "Acme Ltd"\nsince = 2026-01-05\nstrategic = true\n'
        'annual_value = 150000\nalternatives = "easy"\ntrust_level = 4\n'
        '[[answers.agreed_actions]]\nwhat = "Weekly call"\nowner = "Sam"\ndue = 2026-02-01\n'
    )
    out = tmp_path / "o"
    result = triage("run", str(good / "mini.toml"), "--answers", str(answers), "--out", str(out))
    assert_one_clean_line(result, 0)
    assert "Weekly call" in (out / "actions.csv").read_text(encoding="utf-8-sig")
    # A wrong answer under the heading is named where it is.
    answers.write_text('[answers]\ntrust_level = "high"\n')
    output = assert_one_clean_line(
        triage("run", str(good / "mini.toml"), "--answers", str(answers)), 1
    )
    assert "headed.toml:2:1: 'trust_level'" in output and "1 to 5" in output
