"""Benchmarks for triage, run by hand: `python bench/run.py [--runs N] [--output FILE]`.

What a user feels, each against a baseline measured in the same run on the same machine,
alternating the two commands run by run so that a busy moment hurts both alike:

- the full-screen app, from launch until the whole home screen is on a real terminal (a
  pseudo-terminal read through a terminal emulator), against a bare Textual app with a
  header, a list of six items and a footer (bench/bare_app.py);
- a whole case without prompts (`triage run PLAYBOOK --answers FILE --out DIR`), and
  `triage validate` of every built-in playbook, against `copier copy --defaults` of the
  small template in bench/copier-template (copier is installed for the benchmark only);
- `triage validate` of 10, 100 and 1,000 generated playbooks: time per playbook, against
  the 10-playbook run (it should stay flat);
- `triage --version` against `python -c pass`.

Every run is a fresh process. Times are medians; each ratio is the median of the ratios
of the paired runs, with their lowest and highest ("spread"). Memory is the peak resident
set size. The Markdown report goes to docs/performance.md (or --output). Nothing here is
a test: the suite never asserts on timings.

Needs: `pip install copier` (the copier rows are skipped without it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
FIXTURE = REPO / "tests" / "fixtures" / "good"
HEADLESS_EXAMPLE = "improper-request-compliance"
BUILT_IN = "client-communication-breakdown"
PYTHON = sys.executable
HOME_MARKERS = ["Salvage a damaged relationship", "No saved cases yet.", "palette"]
BARE_MARKERS = ["The sixth playbook", "palette"]


@dataclass
class Sample:
    seconds: float
    max_rss: int  # bytes
    cpu: float = 0.0  # seconds on a CPU (user and system): little moved by other work


@dataclass
class Row:
    name: str
    seconds: float
    max_rss: int
    baseline: str
    base_seconds: float
    base_rss: int
    note: str = ""


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> Sample:
    """Time a child from start to exit, with its peak memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited {code}: {err[-500:]}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is KiB on Linux
    return Sample(elapsed, usage.ru_maxrss * scale, usage.ru_utime + usage.ru_stime)


def measure(command: list[str], env: dict[str, str], runs: int, cwd: Path = REPO) -> Sample:
    run_once(command, env, cwd)  # warm the file cache, the bytecode and triage's code cache
    samples = [run_once(command, env, cwd) for _ in range(runs)]
    return Sample(
        statistics.median(s.seconds for s in samples),
        int(statistics.median(s.max_rss for s in samples)),
    )


@dataclass
class Pair:
    """Two commands run alternately: medians of each, and the spread of the paired ratios."""

    name: str
    baseline: str
    ours: list[Sample]
    theirs: list[Sample]

    @property
    def ratios(self) -> list[float]:
        return [a.seconds / b.seconds for a, b in zip(self.ours, self.theirs, strict=True)]

    @property
    def cpu_ratios(self) -> list[float]:
        """The same pairs by CPU time, which a busy machine moves far less than the clock."""
        pairs = zip(self.ours, self.theirs, strict=True)
        return [a.cpu / b.cpu for a, b in pairs if a.cpu > 0 and b.cpu > 0]

    def row(self) -> str:
        ours = statistics.median(s.seconds for s in self.ours)
        theirs = statistics.median(s.seconds for s in self.theirs)
        memory = statistics.median(s.max_rss for s in self.ours)
        base_memory = statistics.median(s.max_rss for s in self.theirs)
        ratios, cpu = self.ratios, self.cpu_ratios
        cpu_cell = (
            f"{statistics.median(cpu):.2f}x ({min(cpu):.2f}-{max(cpu):.2f})" if cpu else "n/a"
        )
        return (
            f"| {self.name} | {ours * 1000:.0f} ms | {self.baseline} | {theirs * 1000:.0f} ms "
            f"| **{statistics.median(ratios):.2f}x** ({min(ratios):.2f}-{max(ratios):.2f}) "
            f"| {cpu_cell} "
            f"| {memory / 2**20:.0f} MB | {base_memory / 2**20:.0f} MB "
            f"| {memory / base_memory:.2f}x |"
        )


def alternate(
    name: str,
    baseline: str,
    ours: Callable[[], Sample],
    theirs: Callable[[], Sample],
    runs: int,
) -> Pair:
    ours(), theirs()  # warm-up, not counted
    pair = Pair(name, baseline, [], [])
    for _ in range(runs):
        pair.ours.append(ours())
        pair.theirs.append(theirs())
    return pair


def make_playbooks(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the fixture playbook (with its shared stage file and template)."""
    folder.mkdir(parents=True)
    shutil.copytree(FIXTURE / "shared", folder / "shared")
    shutil.copytree(FIXTURE / "templates", folder / "templates")
    source = (FIXTURE / "mini.toml").read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        path = folder / f"generated-{number:04d}.toml"
        path.write_text(source.replace('title = "Mini dispute"', f'title = "Copy {number}"'))
        paths.append(path)
    return paths


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPUs (nproc): {os.cpu_count()}",
        f"- CPU model: {cpu}",
        f"- Python: {platform.python_version()} ({platform.python_implementation()})",
        f"- System: {platform.system()} {platform.release()} {platform.machine()}",
        f"- Load average at the end (1, 5, 15 min): {_load()} (other work on the machine "
        "slows both sides of a pair, and widens the spreads)",
    ]


def _load() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except (AttributeError, OSError):  # not on Windows
        return "unknown"


def triage_command() -> list[str]:
    """The command a user types: the installed `triage` script beside this Python, if any."""
    script = Path(PYTHON).parent / ("triage.exe" if os.name == "nt" else "triage")
    return [str(script)] if script.exists() else [PYTHON, "-m", "triage"]


def copier_command() -> list[str] | None:
    script = Path(PYTHON).parent / ("copier.exe" if os.name == "nt" else "copier")
    if script.exists():
        return [str(script)]
    found = shutil.which("copier")
    return [found] if found else None


def terminal_sample(command: list[str], markers: list[str], env: dict[str, str]) -> Sample:
    from terminal import first_full_screen

    frame = first_full_screen(command, markers, env, REPO)
    return Sample(frame.seconds, frame.peak_rss, frame.cpu_seconds)


# What follows this line in the report is written by hand (where the time goes, what
# blocks a target): a new run replaces the figures above it and keeps the rest.
KEPT_MARKER = "<!-- Written by hand below this line: bench/run.py keeps it. -->"


def _kept_by_hand(report: Path) -> str:
    try:
        text = report.read_text(encoding="utf-8")
    except OSError:
        return ""
    at = text.find(KEPT_MARKER)
    return "" if at < 0 else "\n" + text[at:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="paired runs per measurement")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md")
    parser.add_argument(
        "--sizes", default="10,100,1000", help="playbook counts for the validate rows"
    )
    parser.add_argument(
        "--only",
        choices=["app", "headless", "case", "validate", "many", "version"],
        action="append",
        help="run only these groups of rows (repeatable; 'case' is the headless group's "
        "first row alone, 'validate' its two validate rows); default: all",
    )
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    groups = set(args.only or ["app", "headless", "many", "version"])
    sys.path.insert(0, str(BENCH))

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    pairs: list[Pair] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="triage-bench-") as scratch:
        work = Path(scratch)
        env = dict(os.environ, TRIAGE_HOME=str(work / "home"), TRIAGE_CACHE=str(work / "cache"))
        env.pop("TRIAGE_PLAYBOOKS", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte-compiled modules
        env["PYTHONPATH"] = str(REPO)
        triage = triage_command()

        # 1. first full screen in a terminal
        try:
            if "app" not in groups:
                raise LookupError
            say("first full screen: triage and the bare app, alternately ...")
            pairs.append(
                alternate(
                    "App: launch to the whole home screen in a terminal (120x40)",
                    "bare Textual app (header, six-item list, footer)",
                    lambda: terminal_sample(triage, HOME_MARKERS, env),
                    lambda: terminal_sample(
                        [PYTHON, str(BENCH / "bare_app.py")], BARE_MARKERS, env
                    ),
                    2 * runs,  # the noisiest row: a full-screen start jitters by tens of ms
                )
            )
        except LookupError:
            pass
        except RuntimeError as exc:
            notes.append(f"First-frame row failed: {exc}")

        # 2. headless work against copier
        copier = copier_command()
        examples = sorted((REPO / "playbooks" / "examples" / BUILT_IN).glob("*.toml"))
        # The same case every run, so figures compare across runs (not whichever example
        # happens to sort first as examples are added).
        examples.sort(key=lambda path: path.stem != HEADLESS_EXAMPLE)
        if not groups & {"headless", "case", "validate"}:
            pass
        elif copier and examples:
            counter = iter(range(10**6))

            def copier_run() -> Sample:
                target = work / f"copier-{next(counter)}"
                command = [*copier, "copy", "--defaults", "--quiet", str(BENCH / "copier-template"),
                           str(target)]  # fmt: skip
                return run_once(command, env, work)

            def case_run(cache: str | None = None, changed: bool = False) -> Callable[[], Sample]:
                def run() -> Sample:
                    number = next(counter)
                    out = work / f"out-{number}"
                    here = dict(env, TRIAGE_CACHE=cache) if cache else env
                    answers = examples[0]
                    if (
                        changed
                    ):  # a user who edited the case: the whole case's note no longer applies
                        text = answers.read_text(encoding="utf-8")
                        answers = work / f"answers-{number}.toml"
                        answers.write_text(
                            text.replace('issue_title = "', f'issue_title = "{number}: ', 1),
                            encoding="utf-8",
                        )
                    command = [*triage, "run", BUILT_IN, "--answers", str(answers),
                               "--out", str(out)]  # fmt: skip
                    return run_once(command, here, work)

                return run

            if groups & {"headless", "case"}:
                say("a whole case without prompts, and copier, alternately ...")
                pairs.append(
                    alternate(
                        f"`triage run --answers` a whole case ({examples[0].stem})",
                        "`copier copy --defaults` (3 questions, 2 files)",
                        case_run(),
                        copier_run,
                        runs,
                    )
                )
            if groups & {"headless", "case"}:
                say("the same case with an answer changed before every run ...")
                pairs.append(
                    alternate(
                        "the same, with an answer changed before every run (the case's note "
                        "misses; the tone check reads the paragraphs the answer changed)",
                        "`copier copy --defaults`",
                        case_run(changed=True),
                        copier_run,
                        runs,
                    )
                )
            if "headless" in groups:  # the rest of the group; "case" stops here
                say("the same case with no code cache (a first run) ...")
                pairs.append(
                    alternate(
                        "the same, first run (no compiled-code cache: TRIAGE_CACHE=off)",
                        "`copier copy --defaults`",
                        case_run("off"),
                        copier_run,
                        max(3, runs // 3),
                    )
                )
            if groups & {"headless", "validate"}:
                say("validate every built-in playbook, and copier, alternately ...")
                pairs.append(
                    alternate(
                        "`triage validate` every built-in playbook, with its examples",
                        "`copier copy --defaults`",
                        lambda: run_once([*triage, "validate"], env, work),
                        copier_run,
                        runs,
                    )
                )
                say("the same validate with no code cache ...")
                pairs.append(
                    alternate(
                        "the same, first run (TRIAGE_CACHE=off: everything compiled and rendered)",
                        "`copier copy --defaults`",
                        lambda: run_once(
                            [*triage, "validate"], dict(env, TRIAGE_CACHE="off"), work
                        ),
                        copier_run,
                        max(3, runs // 3),
                    )
                )
        else:
            notes.append("Copier rows skipped: `pip install copier` to run them.")

        # 3. validate of many generated playbooks: time per playbook should stay flat
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()] if "many" in groups else []
        flat: list[tuple[int, Sample]] = []
        for count in sizes:
            folder = work / f"generated-{count}"
            make_playbooks(folder, count)
            say(f"validate {count} playbooks ...")
            flat.append((count, measure([*triage, "validate", str(folder)], env,
                                        runs if count < 1000 else min(runs, 3))))  # fmt: skip

        # 4. --version against a bare interpreter
        if "version" in groups:
            say("--version and python -c pass ...")
            version = alternate(
                "`triage --version`",
                "`python -c pass`",
                lambda: run_once([*triage, "--version"], env, work),
                lambda: run_once([PYTHON, "-c", "pass"], env, work),
                runs,
            )
            pairs.append(version)

    lines = [
        "# Performance",
        "",
        "Measured by `python bench/run.py` (run by hand; the test suite never asserts on",
        f"timings), {runs} paired runs per row ({2 * runs} for the first-frame row) after one",
        "warm-up pair. Read the ratios:",
        "absolute times depend on the machine. To reproduce: `pip install -e . copier`,",
        "then `python bench/run.py` from the repository (POSIX, for the terminal row).",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Against a baseline, run alternately",
        "",
        "| Measurement | Median | Baseline | Baseline median | Time ratio (spread) "
        "| CPU time ratio (spread) | Peak memory | Baseline memory | Memory ratio |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(pair.row() for pair in pairs),
        "",
        "## `triage validate` of many playbooks, per playbook",
        "",
        "| Playbooks | Median per playbook | Against the first row |",
        "| ---: | ---: | ---: |",
    ]
    if flat:
        first_count, first = flat[0]
        for count, sample in flat:
            each = sample.seconds / count
            lines.append(f"| {count} | {each * 1000:.1f} ms | "
                         f"{each / (first.seconds / first_count):.2f}x |")  # fmt: skip
    lines += [
        "",
        "Notes:",
        "",
        "- The terminal row starts each app in a pseudo-terminal of 120x40; the clock stops",
        "  when what it has written holds the last pieces of its whole first screen (for",
        "  triage: the last built-in playbook, the empty saved-cases line and the footer; for",
        "  the bare app: its last item and the footer). Textual writes a screen in one piece.",
        "  Memory there is the app's peak (VmHWM) read just before it quits.",
        "- The time ratio is the target's measure (the clock, as a user waits). The CPU time",
        "  ratio pairs the same runs by the time each spent on a CPU (the child's user and",
        "  system time; for the terminal row, all its threads' run time until the screen is",
        "  whole): other work on the machine moves it far less, so read it when the load",
        "  average above is high. It leaves out waiting: the terminal, the disk, fsync.",
        "- Every command runs with byte-compiled modules, as an installed package has, and",
        "  with triage's cache (TRIAGE_CACHE) warmed by the warm-up run, as on a user's second",
        "  and later runs: compiled templates, conditions and tone rules, parsed playbook",
        "  files, and which playbooks and examples passed their checks (an example's pass is",
        "  reused only on the same day, with the same files and engine). The 'first run' rows",
        "  have the cache off: that is what a first run, or CI from a clean machine, costs.",
        "- Other memory figures come from os.wait4's ru_maxrss, which Linux carries across",
        "  exec: a child reports at least this benchmark's own size when it started.",
        *(f"- {note}" for note in notes),
        "",
    ]
    text = "\n".join(lines) + _kept_by_hand(args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
