"""The command line: a public interface (see README.md). Heavy imports stay inside commands."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from triage import __version__
from triage.plain.prompts import say

if TYPE_CHECKING:
    import argparse

    from triage.engine.session import Session
    from triage.engine.tone import Finding, ToneRule

from triage.status import EXIT_INVALID, EXIT_OK, EXIT_USAGE


@contextlib.contextmanager
def _loading(command: str | None = None) -> Iterator[None]:
    """Import a command's modules with the cycle collector paused, then keep what they made.

    Loading modules makes tens of thousands of objects that live as long as the process
    (functions, classes, tables) and almost no garbage, yet the collector went over them
    again and again while they loaded: about 50 times in a headless run, some 15 ms of its
    CPU time. Paused here, and those objects then frozen (``gc.freeze``: later collections
    leave them out), the same run costs that much less. Only imports run inside, never
    anything read from a playbook, a case or an answers file: the collector is on again,
    as usual, before any of that is read or any template runs. (For the process's own
    entry point: a long-lived caller keeps what it had made as well.)

    With ``command``, the regular expressions those modules compile as they load, and the
    methods of their data classes, come from the code cache when the last load of that
    command kept them (:mod:`triage.engine.regexpool`, :mod:`triage.engine.classpool`).
    """
    import gc

    if not gc.isenabled():  # paused already, by an enclosing block or by the caller
        yield
        return
    gc.disable()
    try:
        if command is None:
            yield
        else:
            from triage.engine import classpool, regexpool

            with regexpool.kept(command), classpool.kept(command):
                yield
    finally:
        gc.freeze()
        gc.enable()


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command line; with ``command``, of that command alone.

    A command parses its arguments the same either way; building every command's
    parser is most of what a short command costs before it starts its work.
    """
    import argparse  # not needed, and not loaded, when the app opens with no arguments

    parser = argparse.ArgumentParser(
        prog="triage",
        description="Work through a business dispute one calm step at a time, guided by a playbook.",
        epilog="With no command, opens the full-screen app. Cases are kept in TRIAGE_HOME; "
        "TRIAGE_PLAYBOOKS adds playbook folders.",
    )
    parser.add_argument("--version", action="version", version=f"triage {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command is None or name == command:
            add(commands)
    return parser


def _add_run(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser(
        "run",
        help="start a case from a playbook, or resume a saved case",
        description="Start a new case from PLAYBOOK (an id or a .toml file), or resume a saved case "
        "(its id, folder or case.toml). Opens the full-screen app unless --plain or --answers is given.",
    )
    run.add_argument("playbook", metavar="PLAYBOOK", help="playbook id or file, or a saved case")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument(
        "--plain", action="store_true", help="ask line by line instead of full screen"
    )
    mode.add_argument("--answers", metavar="FILE", help="take every answer from FILE; ask nothing")
    run.add_argument(
        "--out", metavar="DIR", help="where to write the outputs (default: the case folder)"
    )
    run.add_argument("--force", action="store_true", help="replace output files that already exist")


def _add_validate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="check playbook files",
        description="Check playbooks and run their example answer sets. With no PATH, checks every "
        "playbook found. Exit status 0 when all are valid, 1 when any is not.",
    )
    validate.add_argument(
        "paths", nargs="*", metavar="PATH", help="playbook files or folders, or a playbook's name"
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="also warn about unused questions and impossible conditions",
    )


def _add_list(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser("list", help="list playbooks and saved cases")
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print JSON for scripts")
    shown.add_argument(
        "--ids", action="store_true", help="print the valid playbook ids, one a line"
    )


def _add_render(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    render = commands.add_parser(
        "render",
        help="write the outputs of a saved case again",
        description="Render the outputs of a saved case (its id, folder or case.toml) again, "
        "for example after the playbook or a template changed.",
    )
    render.add_argument("case", metavar="CASE")
    render.add_argument("--out", metavar="DIR", help="where to write (default: the case folder)")
    render.add_argument(
        "--force", action="store_true", help="replace output files that already exist"
    )


def _add_check_tone(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tone = commands.add_parser(
        "check-tone",
        help="warn about blame, absolutes, threats and admissions in a draft",
        description="Scan a text file (a draft email, a plan) and show each phrase that could "
        "inflame the dispute, with a suggested rewrite. Exit status 1 when there are warnings.",
    )
    tone.add_argument("files", nargs="+", metavar="FILE")
    tone.add_argument("--rules", metavar="FILE", action="append", help="extra tone rules (TOML)")


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a file format (the playbook's unless another is named)",
        description="Print a JSON Schema (draft 2020-12) for editors and TOML language servers: "
        "of playbooks and stage files (the default), of case files (case.toml), of the "
        "app's settings file, or of tone rules files.",
    )
    schema.add_argument(
        "format",
        nargs="?",
        default="playbook",
        choices=("playbook", "case", "settings", "tone-rules"),
    )


def _add_update(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    update = commands.add_parser(
        "update",
        help="follow a case through: mark actions done, moved or dropped, or add one",
        description="Record what happened to a saved case's actions; every change goes into "
        "the ledger, and actions.csv, actions.ics and plan.md follow. With no change, lists "
        "the tracker with the numbers to use. WHICH is an action's number or a unique part "
        "of its text.",
    )
    update.add_argument("case", metavar="CASE", help="the case's id, folder or case.toml")
    update.add_argument("--done", metavar="WHICH", action="append", default=[])
    update.add_argument("--drop", metavar="WHICH", help="drop an action (needs --reason)")
    update.add_argument(
        "--move",
        metavar=("WHICH", "DATE"),
        nargs=2,
        help="give an action a new date (needs --reason)",
    )
    update.add_argument("--reason", metavar="TEXT", default="", help="why, for the ledger")
    update.add_argument("--by", metavar="NAME", default="", help="who decided, for the ledger")
    update.add_argument("--add", metavar="TEXT", help="add an action")
    update.add_argument("--owner", metavar="NAME", default="", help="owner of the added action")
    update.add_argument("--due", metavar="DATE", help="due date of the added action (YYYY-MM-DD)")
    update.add_argument(
        "--shared", action="store_true", help="the added action is shared with the other side"
    )
    update.add_argument(
        "--file",
        metavar="FILE",
        help="an updates file: [[meeting]], [[outcome]] and [close] tables (see the README)",
    )
    update.add_argument(
        "--lessons",
        metavar="FILE",
        help="the team's lessons file that closing a case adds to (default: lessons.md in "
        "TRIAGE_HOME's folder of cases)",
    )


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    thread = commands.add_parser(
        "import",
        help="import an email thread or pasted chat into a case's communications audit",
        description="Read exported mail (.eml files, .mbox archives from Thunderbird, Apple "
        "Mail or Gmail) or a .txt file of pasted messages, and add the key messages to the "
        "saved case's communications timeline, with the tone shift and mixed messages as "
        "suggestions for the questions still unanswered. Prints what it found: reply times "
        "per side, the longest waits, the turning point. The files are only read; the case "
        "keeps excerpts, never whole messages. FILE - reads pasted text from standard input.",
    )
    thread.add_argument("case", metavar="CASE", help="the case's id, folder or case.toml")
    thread.add_argument("files", nargs="+", metavar="FILE", help="mail files, or - for pasted text")
    thread.add_argument(
        "--ours",
        metavar="WHO",
        action="append",
        default=[],
        help="a domain, address or name on our side (repeat for more); corrects the grouping",
    )
    thread.add_argument(
        "--theirs",
        metavar="WHO",
        action="append",
        default=[],
        help="a domain, address or name on their side (repeat for more)",
    )
    thread.add_argument(
        "--rows",
        metavar="N",
        type=_positive,
        default=10,
        help="add at most N key messages to the timeline (default 10)",
    )
    thread.add_argument(
        "--whole-messages",
        action="store_true",
        help="keep each key message's own words in full in the case, not only an excerpt",
    )
    thread.add_argument(
        "--dry-run", action="store_true", help="show what would be added; change nothing"
    )


def _add_due(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    due = commands.add_parser(
        "due",
        help="list due and overdue actions across saved cases",
        description="Every open action due within --days (default 7) or overdue, across the "
        "saved cases whose outputs have been written; overdue first. For a morning check or a "
        "cron job.",
    )
    due.add_argument("--days", type=int, default=7, metavar="N")
    due.add_argument("--json", action="store_true", help="print JSON for scripts")


def _add_completion(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    completion = commands.add_parser(
        "completion",
        help="print shell completion for bash, zsh or fish",
        description="Print a completion script. bash: `triage completion bash > "
        "~/.local/share/bash-completion/completions/triage`; zsh: save it as `_triage` in a "
        "folder on $fpath; fish: `triage completion fish > "
        "~/.config/fish/completions/triage.fish`.",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "fish"), metavar="SHELL")


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser("new", help="create a new playbook with a short wizard")
    new.add_argument(
        "path", nargs="?", metavar="PATH", help="where to write it (default: ./<id>.toml)"
    )


_COMMANDS: dict[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = {
    "run": _add_run,
    "validate": _add_validate,
    "list": _add_list,
    "render": _add_render,
    "check-tone": _add_check_tone,
    "schema": _add_schema,
    "update": _add_update,
    "import": _add_import,
    "due": _add_due,
    "completion": _add_completion,
    "new": _add_new,
}


def _positive(text: str) -> int:
    import argparse

    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run triage with these arguments (default: the command line); the exit status.

    As the program itself (the ``triage`` command, or ``python -m triage``), a command
    that opens no screen ends the process when it is done: see :func:`_quick_exit`.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the app, as fast as it can start: no parser to build
        return _guarded(_home, SimpleNamespace(command=None))  # type: ignore[arg-type]
    if arguments == ["--version"]:  # as argparse would print it, without building a parser
        say(f"triage {__version__}")
        return EXIT_OK
    args = _quick_parse(arguments)
    if args is None:
        command = arguments[0] if arguments[0] in _COMMANDS else None  # else: all, for help
        args = _parser(command).parse_args(arguments)
    status = _guarded_command(args)
    if argv is None and _screenless(args) and _is_the_program():
        _quick_exit(status)
    return status


def _quick_parse(arguments: list[str]) -> argparse.Namespace | None:
    """``run PLAYBOOK --answers FILE [--out DIR] [--force]``, in any order, each option
    once and written in full: what ``_parser("run")`` gives for it, without loading
    argparse and building the parser (a few milliseconds of a headless case). None for
    anything else, which argparse parses, with its help and its errors."""
    if len(arguments) < 4 or arguments[0] != "run":
        return None
    given: dict[str, str] = {}
    force = False
    playbook = None
    rest = iter(arguments[1:])
    for token in rest:
        if token in ("--answers", "--out"):
            value = next(rest, None)
            if value is None or value.startswith("-") or token in given:
                return None
            given[token] = value
        elif token == "--force" and not force:
            force = True
        elif token.startswith("-") or playbook is not None:
            return None
        else:
            playbook = token
    if playbook is None or "--answers" not in given:
        return None
    return SimpleNamespace(  # type: ignore[return-value]
        command="run",
        playbook=playbook,
        plain=False,
        answers=given["--answers"],
        out=given.get("--out"),
        force=force,
    )


# Commands that never open a screen or prompt: once one is done, nothing is left to do
# but what _quick_exit does. (`run` only with --answers; `new` and `run` otherwise ask.)
_SCREENLESS = frozenset(
    {"validate", "render", "list", "check-tone", "schema", "update", "import", "due"}
)


def _screenless(args: argparse.Namespace) -> bool:
    if args.command == "run":
        return bool(getattr(args, "answers", None))
    return args.command in _SCREENLESS


def _is_the_program() -> bool:
    """Whether this ``main`` is the program's own entry point (the console script and
    ``python -m triage`` both run it from ``__main__``), not a function another program
    called."""
    entry = sys.modules.get("__main__")
    if getattr(entry, "main", None) is not main:
        return False
    spec = getattr(entry, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "triage.__main__")  # python -m triage
    script = Path(getattr(entry, "__file__", None) or "")  # the console script: bin/triage,
    return "triage" in (script.stem, script.parent.stem)  # or triage.exe/__main__.py


def _quick_exit(status: int) -> None:
    """End the process now that the command is done, as a normal exit would but without
    tearing the interpreter down: what a command loaded (Jinja2, the tone rules, the
    playbook) is freed all at once by the system instead of object by object, which took
    about as long as writing a case's files. Everything is written and closed by now;
    exit handlers run and both output streams are flushed, as at any exit. Returns (and
    the exit happens as usual) if anything is still running or a stream cannot be flushed."""
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed or broken stream: leave it to the interpreter's own exit
    run_exit_handlers()  # run once: the interpreter's own exit would find none left
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status)


def _guarded_command(args: argparse.Namespace) -> int:
    handlers = {
        "validate": _validate,
        "run": _run,
        "list": _list,
        "render": _render,
        "check-tone": _check_tone,
        "schema": _schema,
        "new": _new,
        "completion": _completion,
        "update": _update,
        "due": _due,
        "import": _import,
        None: _home,
    }
    return _guarded(handlers[args.command], args)


def _guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command: Ctrl-C, a closed pipe and any error end in one sentence, never a traceback."""
    try:
        return handler(args)
    except KeyboardInterrupt:
        say("\nStopped. Anything already answered is saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `triage validate | head`: the reader has gone
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        from triage.engine.errors import TriageError

        if isinstance(exc, TriageError):
            say(str(exc), file=sys.stderr)
            return EXIT_INVALID
        if os.environ.get("TRIAGE_DEBUG"):
            raise
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            # Run by a Python that triage was not installed into (a clone run with another
            # interpreter): say which package is missing and how to get it, not a traceback.
            say(f"triage: the package {exc.name!r} that triage needs is not installed for "
                f"{sys.executable}; install triage into this Python with pip (see the "
                "README), or run the triage that pip installed.", file=sys.stderr)  # fmt: skip
            return EXIT_INVALID
        say(f"triage: unexpected error ({exc.__class__.__name__}: {exc}); "
              "set TRIAGE_DEBUG=1 to see details.", file=sys.stderr)  # fmt: skip
        return EXIT_INVALID


def _validate(args: argparse.Namespace) -> int:
    with _loading("validate"):
        from triage.engine.validate import validate

    reports = validate(args.paths, strict=args.strict)
    problems = [p for r in reports for p in r.problems]
    warnings = [w for r in reports for w in r.warnings]
    for problem in problems:
        say(problem)
    for warning in warnings:
        say(f"{warning} (warning)")
    bad = sum(1 for r in reports if r.problems)
    examples = sum(r.examples for r in reports)
    checked = f"{len(reports)} playbook{'s' if len(reports) != 1 else ''}"
    if problems:
        say(f"{bad} of {checked} with problems ({len(problems)} in all).")
        return EXIT_INVALID
    tail = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if args.strict else ""
    say(
        f"{checked} valid, {examples} example answer set{'s' if examples != 1 else ''} rendered{tail}."
    )
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.answers:
        return _run_answers(args)
    from triage.engine.library import find_playbook
    from triage.engine.session import is_case_target

    if not is_case_target(args.playbook):
        find_playbook(args.playbook)  # a wrong name is reported before anything else
    if args.plain:
        from triage.plain.runner import run_plain

        return run_plain(args.playbook, out=args.out, force=args.force)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        say(
            "triage run needs a terminal for the full-screen app; "
            "pass --answers FILE to run without one.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with _loading("app"):
        from triage.tui.app import run_app
        from triage.tui.screens import home  # noqa: F401  # the first screen, and its widgets

    return run_app(target=args.playbook, out=args.out, force=args.force)


def _run_answers(args: argparse.Namespace) -> int:
    with _loading("run --answers"):
        from triage.engine import atomic, codecache, tone_kept  # noqa: F401
        from triage.engine.library import cases_dir, find_playbook
        from triage.engine.session import Session

        _load_also(_LOADED_LATER)
        _load_filters()

    # One file of compiled code for this playbook's run, not one per condition and template.
    with codecache.bundle(f"run\0{Path(args.playbook).stem}"):
        session = Session.from_answers(find_playbook(args.playbook), Path(args.answers))
        _keep_out_of_collections()
        folder = Path(args.out) if args.out else cases_dir() / session.case.id
        rendered = session.preview()  # the files, and the tracker rows for the next step
        files = rendered.files
        with atomic.together():  # the tone check runs while the disk takes the files
            written = session.write_with_case(folder, force=args.force, rendered=rendered)
            findings = _tone_findings(session, files)
    route = session.evaluation.route
    if route.overridden:
        say(
            f"Route: {route.chosen}, chosen over {route.recommended} because: {route.override_reason}"
        )
    else:
        say(f"Route: {route.chosen} ({route.because})")
    for path in written:
        say(f"Wrote {path}")
    _say_addresses(files, rendered.emails)
    _say_left_over(session, files, folder)
    _print_tone(findings)
    return EXIT_OK


def _say_addresses(files: Mapping[str, bytes], drafts: Mapping[str, Any] | None = None) -> None:
    """Which drafts were written without a To or From address, and what fills it in."""
    from triage.engine.addresses import missing_addresses

    for note in missing_addresses(files, drafts):
        say(note)


# Modules every headless case goes on to load (pickle, for the kept playbook; the answers
# file, the case file's writer, the tone readings; the filters of the drafts every built-in
# playbook writes, and those the template environment takes when it is made; the note on
# missing addresses; not the email package: a plain draft is written and read without it):
# loaded with the rest, their regular expressions come from the code cache too, and the
# collector leaves them alone.
_LOADED_LATER = (
    "pickle",
    "tomli_w",
    "encodings.utf_8_sig",
    "triage.engine.answersfile",
    "triage.engine.formats.case",
    "triage.engine.addresses",
    "triage.engine.filters.commitments",
    "triage.engine.filters.drafts",
    "triage.engine.filters.formal",
    "triage.engine.filters.notes",
    "triage.engine.filters.senior",
    "triage.engine.filters.steps",
)


# The tone check's modules, loaded in a block of their own when a run has a paragraph to
# read (see _tone_findings); a run of a case found clean before, or whose every paragraph
# has its findings kept, loads none of them.
_TONE_MODULES = (
    "triage.engine.tone",
    "triage.engine.tone_structures",
    "triage.engine.tone_stance",
    "triage.engine.tone_acts",
    "triage.engine.tone_frames",
    "triage.engine.tone_moves",
    "triage.engine.tone_who",
    "triage.engine.tone_signals",
)


def _keep_out_of_collections() -> None:
    """Leave what a headless run has read so far (the playbook's model, tens of thousands
    of objects, the case and its evaluation: all of it lives until the run ends) out of
    the collector's later passes, which went over all of it again while the outputs were
    rendered (``gc.freeze``, as after the imports)."""
    import gc

    gc.freeze()


def _load_filters() -> None:
    """Every module of the filters the templates call, through the package that loads them
    as they are first used: here, in the import block, their regular expressions come from
    the code cache, and a module added to the package later is no exception (a headless
    case's templates call nearly all of them; the three that loaded only while rendering
    compiled 16 patterns in every run)."""
    from triage.engine import filters

    for name in filters.__all__:
        getattr(filters, name)


def _load_also(names: Sequence[str]) -> None:
    import importlib

    for name in names:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def _say_left_over(session: Session, files: Collection[str], folder: Path) -> None:
    """Warn about drafts an earlier run left in ``folder`` that this case no longer writes."""
    from triage.engine.outputs import left_over

    possible = [output.file for output in session.playbook.outputs]
    for path in left_over(possible, files, folder):
        say(
            f"{path} is from an earlier run and no longer applies to this case: "
            "delete it before sharing anything from this folder.",
            file=sys.stderr,
        )


def _tone_findings(session: Session, files: Mapping[str, bytes]) -> list[Finding]:
    """The tone check of a headless run's drafts and answers: none, without loading the
    check or its rules, when the last run of exactly this case found none (see
    :mod:`triage.engine.tone_kept`); else each paragraph's findings kept by an earlier run
    are taken as they are (:mod:`triage.engine.tone_units`), and the check's modules and the
    packaged rules load, as the command's did (:func:`_loading`, under a name of their own),
    only when a paragraph has to be read. A team's rules files load on every run that
    checks, so that one which fails to load is said every time."""
    from triage.engine import tone_kept

    key = tone_kept.clean_key(session, files)
    if tone_kept.was_clean(key):
        return []
    with _loading("run --answers: tone report"):  # what reads findings kept, not the check
        from triage.engine import tone_report, tone_units
    tone_units.before_check = _load_tone_check
    rules = None  # the packaged rules, loaded when a paragraph is read
    if any(p.strip() for p in os.environ.get(tone_kept.RULES_ENV, "").split(os.pathsep)):
        _load_tone_check()
        rules = _tone_rules()
    findings = tone_report.check_session(session, rules, files)
    if not findings:
        tone_kept.note_clean(key)
    return findings


def _load_tone_check() -> None:
    with _loading("run --answers: tone"):
        _load_also(_TONE_MODULES)


def _tone_rules() -> list[ToneRule]:
    """The tone rules for the automatic check; a broken team file is reported, not fatal."""
    from triage.engine.tone import configured_rules

    rules, problem = configured_rules()
    if problem:
        say(problem, file=sys.stderr)
    return rules


def _print_tone(findings: Sequence[Finding]) -> None:
    """Tone warnings on stderr, one line each; they never change the exit status."""
    for finding in findings:
        say(f"Tone warning: {finding.message()}", file=sys.stderr)


def _render(args: argparse.Namespace) -> int:
    with _loading("render"):
        from triage.engine.session import Session
        from triage.engine.tone import check_session

    session = Session.resume(args.case)
    for notice in session.notices:
        say(notice, file=sys.stderr)
    for note in session.outdated_draft_notes():
        say(note, file=sys.stderr)
    written = session.write_outputs(Path(args.out) if args.out else None, force=args.force)
    for path in written:
        say(f"Wrote {path}")
    copies = session.preview().emails
    _say_addresses(
        {path.name: path.read_bytes() for path in written if path.suffix == ".eml"}, copies
    )
    if written:
        _say_left_over(session, {path.name for path in written}, written[0].parent)
    _print_tone(check_session(session, _tone_rules()))
    return EXIT_OK


# `list --json` layout version: raised when a key changes meaning or goes away.
LIST_FORMAT = {"format": 1}


def _list(args: argparse.Namespace) -> int:
    from triage.engine.listing import case_summaries, next_step, playbook_summaries

    if args.ids:  # for shell completion and scripts: nothing but the ids
        for p in playbook_summaries():
            if p["valid"]:
                say(p["id"])
        return EXIT_OK
    playbooks, cases = playbook_summaries(), case_summaries()
    if args.json:
        import json

        say(
            json.dumps(
                LIST_FORMAT | {"playbooks": playbooks, "cases": cases}, indent=2, default=str
            )
        )
        return EXIT_OK
    say("Playbooks:")
    for p in playbooks:
        note = "" if p["valid"] else f"  (invalid: {p['problem']})"
        say(f"  {p['id']:32} {p['title']}  [{p['source']}]{note}")
    say("\nSaved cases:" if cases else "\nNo saved cases yet.")
    for c in cases:
        updated = (c["updated"] or "")[:16].replace("T", " ")
        shown = next_step(c) if not c["problem"] else f"unreadable: {c['problem'][:60]}"
        say(f"  {c['id']:20} {c['counterparty'] or '-':24} {c['playbook']:32} "
            f"{shown:24} {updated}")  # fmt: skip
    return EXIT_OK


def _check_tone(args: argparse.Namespace) -> int:
    from triage.engine.tone import check_text, load_rules

    try:
        rules = load_rules(extra=[Path(extra) for extra in args.rules or []])
    except ValueError as exc:
        say(exc, file=sys.stderr)
        return EXIT_INVALID
    count = 0
    for name in args.files:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            say(
                f"{name}: cannot be read as UTF-8 text ({getattr(exc, 'strerror', None) or exc}).",
                file=sys.stderr,
            )
            return EXIT_INVALID
        for w in check_text(text, rules):
            count += 1
            say(
                f'{name}:{w.line}:{w.column}: {w.category}: "{w.matched}": {w.explanation} Try: {w.suggestion}'
            )
    if count:
        say(f"{count} tone warning{'s' if count != 1 else ''}.")
        return EXIT_INVALID
    say("No tone warnings.")
    return EXIT_OK


def _update(args: argparse.Namespace) -> int:
    from triage.engine.errors import Problem
    from triage.engine.filters import short_date
    from triage.engine.session import Session
    from triage.engine.tracking import TrackingError

    session = Session.resume(args.case)
    changed = []
    try:
        for which in args.done:
            changed.append(f"Done: {session.track(which, 'done', who=args.by)}")
        if args.move:
            which, day = args.move
            what = session.track(which, "moved", day, args.reason, args.by)
            changed.append(f"Moved to {day}: {what}")
        if args.drop:
            changed.append(
                f"Dropped: {session.track(args.drop, 'dropped', None, args.reason, args.by)}"
            )
        if args.add:
            session.add_action(args.add, args.owner, args.due, args.shared)
            changed.append(f"Added: {' '.join(args.add.split())}")
        if args.file:
            from triage.engine.library import lessons_file
            from triage.engine.tomlfile import read_toml

            found = read_toml(Path(args.file), "updates file")
            if isinstance(found, Problem):
                raise TrackingError(str(found))
            lessons = Path(args.lessons) if args.lessons else lessons_file()
            changed += session.apply_updates(found.data, lessons)
            if "meeting" in found.data:  # the terms go to the other side in the summary
                changed += [f"Tone check: {line}" for line in session.agreed_terms_tone()]
    except TrackingError as exc:
        hint = " Add --reason TEXT." if "Say why" in str(exc) else ""
        say(f"{exc}{hint}", file=sys.stderr)
        for line in changed:  # what was done before the mistake is saved
            say(line)
        return EXIT_INVALID
    for line in changed:
        say(line)
    if not changed:
        for number, row in enumerate(session.tracker(), start=1):
            when = short_date(row["due"]) if row["due"] else "no date"
            say(f"{number:3}. [{row['status']}] {when}  {row['what']}  ({row['owner']})")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from triage.engine.session import Session
    from triage.engine.thread import audit, merge_into_session, read_thread, sides_from_answers
    from triage.engine.thread.audit import report_lines
    from triage.engine.thread.merge import suggestions

    session = Session.resume(args.case)
    for notice in session.notices:
        say(notice, file=sys.stderr)
    files = [name for name in args.files if name != "-"]
    pasted = sys.stdin.read() if "-" in args.files else None
    thread = read_thread(files, pasted=pasted)
    sides = sides_from_answers(session.case.answers, args.ours, args.theirs)
    found = audit(thread, sides)
    for line in report_lines(found):
        say(line)
    if args.dry_run:
        made = suggestions(
            session.playbook, session.case.answers, found, args.rows, whole=args.whole_messages
        )
    else:
        made = merge_into_session(session, found, args.rows, whole=args.whole_messages)
    for line in made.lines():
        say(line)
    if args.dry_run:
        say("Nothing was saved (--dry-run).")
        return EXIT_OK
    say(f"Saved to {session.path}. Check and edit them in the communications stage: "
        f"triage run {args.case}")  # fmt: skip
    if any(e.event == "outputs-written" for e in session.case.ledger):
        say(f"plan.md was written before this import: triage render {args.case} --force "
            "writes it again.")  # fmt: skip
    return EXIT_OK


def _due(args: argparse.Namespace) -> int:
    import datetime as dt

    from triage.engine.case import load_case
    from triage.engine.errors import TriageError
    from triage.engine.filters import short_date
    from triage.engine.library import saved_cases
    from triage.engine.session import Session
    from triage.engine.tracking import due_items

    today = dt.date.today()
    rows_by_case = []
    for path in saved_cases():
        try:
            case = load_case(path)
            if case.closed or not any(e.event == "outputs-written" for e in case.ledger):
                continue  # closed, or still being worked out: its dates are not a plan yet
            rows_by_case.append((case, Session.resume(path).tracker()))
        except TriageError as exc:
            say(f"{path}: skipped, {exc}", file=sys.stderr)
    items = due_items(rows_by_case, today, max(0, args.days))
    if args.json:
        import json

        say(
            json.dumps(
                {
                    "format": 1,
                    "today": today.isoformat(),
                    "items": [
                        {
                            "case": i.case_id,
                            "counterparty": i.counterparty,
                            "action": i.what,
                            "owner": i.owner,
                            "due": i.due.isoformat(),
                            "overdue": i.overdue,
                        }
                        for i in items
                    ],
                },
                indent=2,
            )
        )
        return EXIT_OK
    if not items:
        say(f"Nothing due in the next {args.days} days.")
    for heading, overdue in (("Overdue:", True), (f"Due in the next {args.days} days:", False)):
        group = [i for i in items if i.overdue == overdue]
        if group:
            say(heading)
        for i in group:
            say(f"  {short_date(i.due)}  {i.counterparty or i.case_id}: {i.what} ({i.owner})")
    return EXIT_OK


def _completion(args: argparse.Namespace) -> int:
    from triage.completion import script

    say(script(args.shell, _parser()).rstrip("\n"))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    import json

    from triage.engine import schema

    writers = {
        "playbook": schema.playbook_schema,
        "case": schema.case_schema,
        "settings": schema.settings_schema,
        "tone-rules": schema.tone_rules_schema,
    }
    say(json.dumps(writers[getattr(args, "format", "playbook")](), indent=2))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from triage.plain.authoring import new_playbook

    return new_playbook(args.path)


def _home(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return _list(SimpleNamespace(json=False))  # type: ignore[arg-type]
    with _loading("app"):
        from triage.tui.app import run_app
        from triage.tui.screens import home  # noqa: F401  # the first screen, and its widgets

    return run_app()
