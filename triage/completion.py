"""Shell completion for bash, zsh and fish, generated from the command-line parser.

`triage completion bash` prints a script to source; the subcommands and their options come
from the same argparse parser the command uses, so the completion cannot drift from it.
Playbook ids are completed for `run` by asking `triage list --ids` at completion time.
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "fish")


def _commands(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """Each subcommand and its long options, in the parser's order."""
    found: dict[str, list[str]] = {}
    for action in parser._actions:  # argparse keeps no public list of subparsers
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = [
                    option
                    for sub_action in sub._actions
                    for option in sub_action.option_strings
                    if option.startswith("--")
                ]
    return found


_IDS = "triage list --ids 2>/dev/null"


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for bash, zsh or fish (any other name gives fish's)."""
    commands = _commands(parser)
    if shell == "bash":
        cases = "\n".join(
            f'        {name}) opts="{" ".join(options)}" ;;' for name, options in commands.items()
        )
        return f"""# bash completion for triage: source it, or save it as
# ~/.local/share/bash-completion/completions/triage
_triage() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} opts=""
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "{" ".join(commands)} --help --version" -- "$cur"))
        return
    fi
    case ${{COMP_WORDS[1]}} in
{cases}
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ ${{COMP_WORDS[1]}} == completion ]]; then
        COMPREPLY=($(compgen -W "{" ".join(SHELLS)}" -- "$cur"))
    elif [[ ${{COMP_WORDS[1]}} == run && $COMP_CWORD -eq 2 ]]; then
        COMPREPLY=($(compgen -W "$({_IDS})" -- "$cur") $(compgen -f -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _triage triage
"""
    if shell == "zsh":
        branches = "\n".join(
            f"        {name}) _arguments '*:file:_files' {' '.join(repr(o) for o in options)} ;;"
            for name, options in commands.items()
        )
        names = " ".join(f"'{name}'" for name in commands)
        return f"""#compdef triage
# zsh completion for triage: save it as _triage in a folder on your $fpath
_triage() {{
    if (( CURRENT == 2 )); then
        compadd -- {names} --help --version
        return
    fi
    case $words[2] in
{branches}
    esac
}}
_triage "$@"
"""
    lines = [
        "# fish completion for triage: save it as ~/.config/fish/completions/triage.fish",
        f"complete -c triage -n __fish_use_subcommand -a '{' '.join(commands)}'",
        f"complete -c triage -n '__fish_seen_subcommand_from run' -a '({_IDS})'",
        f"complete -c triage -n '__fish_seen_subcommand_from completion' -a '{' '.join(SHELLS)}'",
    ]
    for name, options in commands.items():
        for option in options:
            lines.append(
                f"complete -c triage -n '__fish_seen_subcommand_from {name}' -l {option[2:]}"
            )
    return "\n".join(lines) + "\n"
