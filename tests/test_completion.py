"""Shell completion: generated from the parser, and working in a real bash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from triage.cli import _parser
from triage.completion import script


def _complete(line: str) -> list[str]:
    """What bash offers for ``line`` (words so far, the last being completed)."""
    words = line.split(" ")
    source = script("bash", _parser())
    program = f"""
{source}
triage() {{ "{sys.executable}" -m triage "$@"; }}
COMP_WORDS=({" ".join(repr(w) for w in words)})
COMP_CWORD={len(words) - 1}
_triage
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(
        ["bash", "-c", program], capture_output=True, text=True, env=os.environ | {"LC_ALL": "C"}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_playbook_ids():
    assert {"run", "validate", "completion"} <= set(_complete("triage "))
    assert _complete("triage val") == ["validate"]
    assert set(_complete("triage run --f")) == {"--force"}
    assert "client-communication-breakdown" in _complete("triage run client-")
    assert set(_complete("triage completion ")) == {"bash", "zsh", "fish"}


def test_every_shell_gets_every_command_and_option():
    for shell in ("bash", "zsh", "fish"):
        text = script(shell, _parser())
        for command in ("run", "validate", "list", "render", "check-tone", "new"):
            assert command in text, (shell, command)
        assert "--answers" in text or "answers" in text


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_the_script_parses_in_its_own_shell(shell, tmp_path):
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed here")
    path = tmp_path / f"triage.{shell}"
    path.write_text(script(shell, _parser()))
    check = [program, "-n", str(path)] if shell == "zsh" else [program, "--no-execute", str(path)]
    assert subprocess.run(check, capture_output=True).returncode == 0
