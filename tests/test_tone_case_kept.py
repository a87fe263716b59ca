"""`triage run --answers` run again on exactly the same case skips the tone check it found
clean last time, without loading the rules; anything changed, findings, or a team's rules
files, and it checks as before. Only a digest is kept, never the text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_tone import book  # noqa: F401  # the fixture, with warnings
from triage import cli
from triage.engine import tone_load, tone_report
from triage.engine.tone import RULES_ENV

GOOD = Path(__file__).parent / "fixtures" / "good"
CLEAN_ANSWERS = GOOD / "examples" / "mini" / "calm.toml"


@pytest.fixture
def checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each full tone check a run makes, and each time the packaged rules are loaded; the
    runs keep their code cache in a folder of their own, which no other test's runs fill."""
    monkeypatch.setenv("TRIAGE_CACHE", str(tmp_path / "cache"))
    seen: list[str] = []
    real_check, real_load = tone_report.check_session, tone_load.load_rules

    def check(*args, **kwargs):
        seen.append("check")
        return real_check(*args, **kwargs)

    def load(*args, **kwargs):
        seen.append("rules")
        return real_load(*args, **kwargs)

    # the run calls it from tone_report, which it loads without the check's own modules
    monkeypatch.setattr(tone_report, "check_session", check)
    monkeypatch.setattr(tone_load, "load_rules", load)
    monkeypatch.setattr(tone_load, "_default_rules", None)  # loaded afresh, as in a new run
    return seen


def _run(playbook: Path, answers: Path, out: Path, capsys) -> tuple[int, str, str]:
    status = cli.main(["run", str(playbook), "--answers", str(answers), "--out", str(out)])
    captured = capsys.readouterr()
    return status, captured.out.replace(str(out), "OUT"), captured.err


def test_the_same_case_run_again_is_not_checked_again(tmp_path: Path, checks: list[str], capsys):
    first = _run(GOOD / "mini.toml", CLEAN_ANSWERS, tmp_path / "one", capsys)
    # the rules load within the check now, when its first paragraph has to be read
    assert first[0] == 0 and first[2] == "" and checks == ["check", "rules"]
    checks.clear()
    again = _run(GOOD / "mini.toml", CLEAN_ANSWERS, tmp_path / "two", capsys)
    assert again == first
    assert checks == []


def test_a_changed_answer_is_checked_again(tmp_path: Path, checks: list[str], capsys):
    _run(GOOD / "mini.toml", CLEAN_ANSWERS, tmp_path / "one", capsys)
    changed = tmp_path / "changed.toml"
    text = CLEAN_ANSWERS.read_text(encoding="utf-8")
    changed.write_text(text.replace("Acme Ltd", "Acme Group"), encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != text
    checks.clear()
    status, _out, err = _run(GOOD / "mini.toml", changed, tmp_path / "two", capsys)
    assert status == 0 and err == ""
    assert "check" in checks


def test_a_case_with_findings_is_checked_and_reported_every_run(
    book: Path,  # noqa: F811
    tmp_path: Path,
    checks: list[str],
    capsys,
):
    answers = book / "answers.toml"
    first = _run(book / "tone.toml", answers, tmp_path / "one", capsys)
    assert first[2].count("Tone warning: ") == 2
    checks.clear()
    again = _run(book / "tone.toml", answers, tmp_path / "two", capsys)
    assert again == first
    assert "check" in checks


def test_a_team_rules_file_checks_every_run(
    tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch, capsys
):
    team = tmp_path / "team.toml"
    team.write_text('[[rules]]\nid = "every-time"\nenabled = false\n', encoding="utf-8")
    monkeypatch.setenv(RULES_ENV, str(team))
    _run(GOOD / "mini.toml", CLEAN_ANSWERS, tmp_path / "one", capsys)
    checks.clear()
    status, _out, err = _run(GOOD / "mini.toml", CLEAN_ANSWERS, tmp_path / "two", capsys)
    assert status == 0 and err == ""
    assert "check" in checks


def test_only_a_digest_is_kept(tmp_path: Path, checks: list[str], capsys):
    cache = tmp_path / "cache"
    answers = tmp_path / "answers.toml"
    secret = "Quillfeather renegotiation"
    text = CLEAN_ANSWERS.read_text(encoding="utf-8")
    answers.write_text(text.replace("Acme Ltd", secret), encoding="utf-8")
    for out in ("one", "two"):
        assert _run(GOOD / "mini.toml", answers, tmp_path / out, capsys)[0] == 0
    assert secret in (tmp_path / "two" / "plan.md").read_text(encoding="utf-8")
    assert checks.count("check") == 1
    for entry in cache.iterdir():
        assert secret.encode() not in entry.read_bytes(), entry.name


def test_the_rules_it_keys_by_are_the_checks_own():
    from triage.engine import tone_kept

    assert tone_kept.RULES_PATH == tone_load.DEFAULT_RULES_PATH
    assert tone_kept.RULES_ENV == tone_load.RULES_ENV


def test_a_clean_case_run_again_loads_none_of_the_checks_modules(tmp_path: Path):
    program = (
        "import sys\n"
        "from triage.cli import main\n"
        f"status = main(['run', {str(GOOD / 'mini.toml')!r}, '--answers', "
        f"{str(CLEAN_ANSWERS)!r}, '--out', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('triage.engine.tone')))\n"
    )
    loaded = []
    for out in ("one", "two"):
        result = subprocess.run(
            [sys.executable, "-c", program, str(tmp_path / out)],
            env={**os.environ, "TRIAGE_CACHE": str(tmp_path / "cache")},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        loaded.append(result.stdout.splitlines()[-1])
    assert "triage.engine.tone_check" in loaded[0]
    assert loaded[1] == "['triage.engine.tone_kept']"


def test_a_case_with_findings_run_again_loads_none_of_the_checks_modules(
    book: Path,  # noqa: F811
    tmp_path: Path,
):
    """Its case note is never kept (it has findings), but every paragraph's findings are
    (tone_units.py): the second run prints the same warnings without loading the check's
    modules or its rules."""
    program = (
        "import sys\n"
        "from triage.cli import main\n"
        f"status = main(['run', {str(book / 'tone.toml')!r}, '--answers', "
        f"{str(book / 'answers.toml')!r}, '--out', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('triage.engine.tone')))\n"
    )
    loaded, warnings = [], []
    for out in ("one", "two"):
        result = subprocess.run(
            [sys.executable, "-c", program, str(tmp_path / out)],
            env={**os.environ, "TRIAGE_CACHE": str(tmp_path / "cache")},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        loaded.append(result.stdout.splitlines()[-1])
        warnings.append([line for line in result.stderr.splitlines() if "Tone warning" in line])
    assert len(warnings[0]) == 2 and warnings[1] == warnings[0]
    assert "triage.engine.tone_check" in loaded[0]
    for module in ("tone_check", "tone_load", "tone_clauses", "tone_structures", "tone"):
        assert f"'triage.engine.{module}'" not in loaded[1], module
