"""Two versions of triage, run alternately: `python bench/compare.py [--runs N] REF [REF2]`.

Measures one change against the tree before it, in the same run on the same machine:
the headless case of bench/run.py (`triage run PLAYBOOK --answers FILE --out DIR`, warm
cache); with `--validate`, `triage validate` of every built-in playbook; with `--app`, the
first full home screen in a pseudo-terminal (bench/terminal.py, as bench/run.py times it;
POSIX), where the CPU time is all the app's threads' until that screen; with `--cold`,
either command with no code cache (TRIAGE_CACHE=off: a first run); with `--changed`, the
headless case with its issue title changed before every run. REF is a git
revision (its files are taken with `git archive`); REF2 defaults to the working tree, and
`--with FILE` puts the working tree's copy of FILE over REF2's (one change on its own while
other edits are under way in the tree).
Each version gets its own cache folder, warmed by two runs first. Prints, per version, the
median clock and CPU time, and for the second the paired median of the CPU time saved
with the spread of the paired ratios: the CPU time moves far less than the clock on a
shared machine. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAYBOOK = "client-communication-breakdown"
EXAMPLE = f"playbooks/examples/{PLAYBOOK}/improper-request-compliance.toml"


def _tree(ref: str, into: Path) -> Path:
    """The files of ``ref`` (a git revision, or 'work' for the working tree)."""
    if ref == "work":
        return REPO
    archive = subprocess.run(
        ["git", "archive", ref], cwd=REPO, check=True, capture_output=True
    ).stdout
    into.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {err[-800:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="git revision measured first (e.g. HEAD)")
    parser.add_argument("after", nargs="?", default="work", help="revision, or 'work' (default)")
    parser.add_argument("--runs", type=int, default=15)
    measured = parser.add_mutually_exclusive_group()
    measured.add_argument("--validate", action="store_true", help="time `validate` instead")
    measured.add_argument("--app", action="store_true", help="time the first full screen")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="no code cache (TRIAGE_CACHE=off): a first run, or CI on a clean machine",
    )
    parser.add_argument(
        "--changed",
        action="store_true",
        help="the case with its issue title changed before every run (the note kept for the "
        "whole case never applies; the paragraphs the title is not in keep their findings)",
    )
    parser.add_argument(
        "--with",
        dest="overlay",
        action="append",
        default=[],
        metavar="FILE",
        help="the working tree's FILE over REF2's (repeatable)",
    )
    args = parser.parse_args(argv)
    script = Path(sys.executable).parent / "triage"
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run.py and terminal.py
    with tempfile.TemporaryDirectory(prefix="triage-compare-") as scratch:
        work = Path(scratch)
        trees = [_tree(args.before, work / "before"), _tree(args.after, work / "after")]
        if args.overlay:
            if trees[1] == REPO:
                raise SystemExit("--with needs a revision as REF2")
            for name in args.overlay:
                source = REPO / name
                target = trees[1] / name
                target.parent.mkdir(parents=True, exist_ok=True)
                if source.exists():
                    target.write_bytes(source.read_bytes())
                else:
                    target.unlink(missing_ok=True)
        counter = iter(range(10**6))

        def once(index: int) -> tuple[float, float]:
            tree = trees[index]
            env = dict(
                os.environ,
                PYTHONPATH=str(tree),
                TRIAGE_HOME=str(work / "home"),
                TRIAGE_CACHE="off" if args.cold else str(work / f"cache-{index}"),
            )
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env.pop("TRIAGE_PLAYBOOKS", None)
            base = [str(script)] if script.exists() else [sys.executable, "-m", "triage"]
            if args.app:
                from run import HOME_MARKERS
                from terminal import first_full_screen

                frame = first_full_screen(base, HOME_MARKERS, env, work)
                return frame.seconds, frame.cpu_seconds
            if args.validate:
                command = [*base, "validate"]
            else:
                number = next(counter)
                out = work / f"out-{number}"
                answers = tree / EXAMPLE
                if args.changed:
                    text = answers.read_text(encoding="utf-8")
                    answers = work / f"answers-{number}.toml"
                    answers.write_text(
                        text.replace('issue_title = "', f'issue_title = "{number}: ', 1),
                        encoding="utf-8",
                    )
                command = [*base, "run", PLAYBOOK, "--answers", str(answers),
                           "--out", str(out)]  # fmt: skip
            return _run(command, env, work)

        for index in (0, 1, 0, 1):  # warm the caches and the byte-compiled modules
            once(index)
        samples: list[list[tuple[float, float]]] = [[], []]
        for _ in range(max(1, args.runs)):
            for index in (0, 1):
                samples[index].append(once(index))
    for index, name in enumerate((args.before, args.after)):
        clock = statistics.median(s[0] for s in samples[index]) * 1000
        cpu = statistics.median(s[1] for s in samples[index]) * 1000
        print(f"{name:>12}: clock {clock:6.1f} ms, CPU {cpu:6.1f} ms")
    pairs = list(zip(samples[0], samples[1], strict=True))
    saved = statistics.median((a[1] - b[1]) * 1000 for a, b in pairs)
    ratios = [b[1] / a[1] for a, b in pairs]
    clock_ratios = [b[0] / a[0] for a, b in pairs]
    print(
        f"CPU time saved (paired median): {saved:.1f} ms; CPU ratio "
        f"{statistics.median(ratios):.3f} ({min(ratios):.2f}-{max(ratios):.2f}); clock ratio "
        f"{statistics.median(clock_ratios):.3f} ({min(clock_ratios):.2f}-{max(clock_ratios):.2f})"
    )
    print("Load average:", ", ".join(f"{v:.1f}" for v in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
