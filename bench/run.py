"""Benchmarks for triage, run by hand: `python bench/run.py [--runs N] [--output FILE]`.

Every measurement is a fresh child process, timed from start to exit (the app rows:
to the moment the first frame is drawn) with its own peak memory (ru_maxrss from os.wait4), repeated and reduced to the median. Each row
is compared with a baseline measured in the same run on the same machine, so the
ratios mean something even where the absolute times do not:

- the full-screen app's first frame against a bare Textual app (Header, OptionList,
  Footer) started and stopped the same way;
- `triage --version` and `triage validate <one playbook>` against `python -c pass`;
- `triage validate` of 10, 100 and 1,000 generated playbooks: time per playbook,
  against the 10-playbook run (it should stay flat);
- `triage run --answers` for a full case, against `python -c pass`.

The Markdown table goes to docs/performance.md (or --output) with the machine it ran on.
Nothing here is a test: the suite never asserts on timings.
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
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "good"
BUILT_IN = "client-communication-breakdown"
PYTHON = sys.executable

FIRST_FRAME = textwrap.dedent(
    """
    import sys
    kind = sys.argv[1]
    if kind == "bare":
        from textual.app import App
        from textual.widgets import Footer, Header, OptionList

        class Bare(App):
            def compose(self):
                yield Header()
                yield OptionList("Client communication breakdown", "Contract terms", "Partner")
                yield Footer()

        app = Bare()
    else:
        from triage.tui.app import make_app

        app = make_app()

    painted = []
    display = app._display

    def first_display(screen, renderable):
        # The moment a terminal app would write its first screen: the parent stops
        # its clock when this line arrives. Headless apps skip the write itself.
        if renderable is not None and not painted and app._running and not app._batch_count:
            painted.append(True)
            print("first-frame", flush=True)
        return display(screen, renderable)

    app._display = first_display

    async def first_frame(pilot):
        await pilot.pause()  # everything mounted and drawn; then leave
        pilot.app.exit()

    app.run(headless=True, size=(100, 32), auto_pilot=first_frame)
    """
)


@dataclass
class Sample:
    seconds: float
    max_rss: int  # bytes


@dataclass
class Row:
    name: str
    seconds: float
    max_rss: int
    baseline: str
    base_seconds: float
    base_rss: int
    note: str = ""


def run_once(
    command: list[str], env: dict[str, str], cwd: Path, until: str | None = None
) -> Sample:
    """Time a child from start to exit, or to the moment it prints the line ``until``."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE if until else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    elapsed = None
    if until and child.stdout:
        for line in child.stdout:
            if line.decode(errors="replace").strip() == until:
                elapsed = time.perf_counter() - started
                break
        child.stdout.read()
        child.stdout.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    if elapsed is None:
        elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # validate exits 1 on purpose nowhere here, but stay lenient
        err = child.stderr.read().decode(errors="replace") if child.stderr else ""
        raise RuntimeError(f"{' '.join(command)} exited {code}: {err[-500:]}")
    if child.stderr:
        child.stderr.close()
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is KiB on Linux
    return Sample(elapsed, usage.ru_maxrss * scale)


def measure(
    command: list[str], env: dict[str, str], runs: int, cwd: Path = REPO, until: str | None = None
) -> Sample:
    run_once(command, env, cwd, until)  # warm the file cache and the bytecode
    samples = [run_once(command, env, cwd, until) for _ in range(runs)]
    return Sample(
        statistics.median(s.seconds for s in samples),
        int(statistics.median(s.max_rss for s in samples)),
    )


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
    ]


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| Measurement | Median time | Baseline | Baseline time | Time ratio "
        "| Peak memory | Baseline memory | Memory ratio |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r.note:
            lines.append(f"| {r.name} | skipped | {r.baseline} | | | | | {r.note} |")
            continue
        lines.append(
            f"| {r.name} | {r.seconds * 1000:.1f} ms | {r.baseline} | {r.base_seconds * 1000:.1f} ms"
            f" | {r.seconds / r.base_seconds:.2f}x | {r.max_rss / 2**20:.1f} MB"
            f" | {r.base_rss / 2**20:.1f} MB | {r.max_rss / r.base_rss:.2f}x |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md")
    parser.add_argument(
        "--sizes", default="10,100,1000", help="playbook counts for the validate rows"
    )
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="triage-bench-") as scratch:
        work = Path(scratch)
        env = dict(os.environ, TRIAGE_HOME=str(work / "home"), PYTHONPATH=str(REPO))
        env.pop("TRIAGE_PLAYBOOKS", None)
        triage = [PYTHON, "-m", "triage"]

        def say(text: str) -> None:
            print(text, file=sys.stderr, flush=True)

        say("python -c pass ...")
        bare_python = measure([PYTHON, "-c", "pass"], env, runs)

        def versus_python(name: str, command: list[str], runs_here: int = runs) -> None:
            say(f"{name} ...")
            s = measure(command, env, runs_here)
            rows.append(
                Row(
                    name,
                    s.seconds,
                    s.max_rss,
                    "`python -c pass`",
                    bare_python.seconds,
                    bare_python.max_rss,
                )
            )

        # 1. first frame of the full-screen app against a bare Textual app
        has_tui = (REPO / "triage" / "tui" / "app.py").is_file()
        if has_tui:
            try:
                say("first frame: bare Textual app ...")
                bare = measure([PYTHON, "-c", FIRST_FRAME, "bare"], env, runs, until="first-frame")
                say("first frame: triage ...")
                app = measure([PYTHON, "-c", FIRST_FRAME, "triage"], env, runs, until="first-frame")
                rows.append(
                    Row(
                        "Full-screen app, start to first frame",
                        app.seconds,
                        app.max_rss,
                        "bare Textual app (Header, OptionList, Footer)",
                        bare.seconds,
                        bare.max_rss,
                    )
                )
            except RuntimeError as exc:
                rows.append(Row("Full-screen app, first frame", 0, 0, "bare Textual app", 0, 0,
                                f"failed: {exc}"))  # fmt: skip
        else:
            rows.append(Row("Full-screen app, first frame", 0, 0, "bare Textual app", 0, 0,
                            "triage/tui/app.py is not there yet"))  # fmt: skip

        # 2. commands against a bare interpreter
        versus_python("`triage --version`", [*triage, "--version"])
        one = REPO / "playbooks" / f"{BUILT_IN}.toml"
        versus_python(
            f"`triage validate` one built-in playbook ({BUILT_IN})", [*triage, "validate", str(one)]
        )

        # 3. validate of many generated playbooks: time per playbook should stay flat
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        per_playbook: list[tuple[int, Sample]] = []
        for count in sizes:
            folder = work / f"generated-{count}"
            make_playbooks(folder, count)
            say(f"validate {count} playbooks ...")
            s = measure(
                [*triage, "validate", str(folder)],
                env,
                max(1, runs if count < 1000 else min(runs, 3)),
            )
            per_playbook.append((count, s))
        if per_playbook:
            first_count, first = per_playbook[0]
            for count, s in per_playbook:
                rows.append(
                    Row(
                        f"`triage validate` {count} generated playbooks, per playbook",
                        s.seconds / count,
                        s.max_rss,
                        f"the {first_count}-playbook run, per playbook",
                        first.seconds / first_count,
                        first.max_rss,
                    )
                )

        # 4. a full case from an answers file
        examples = sorted((REPO / "playbooks" / "examples" / BUILT_IN).glob("*.toml"))
        if examples:
            out = work / "out"

            def full_case() -> list[str]:
                shutil.rmtree(out, ignore_errors=True)
                return [
                    *triage,
                    "run",
                    BUILT_IN,
                    "--answers",
                    str(examples[0]),
                    "--out",
                    str(out),
                    "--force",
                ]

            versus_python(f"`triage run --answers` full case ({examples[0].stem})", full_case())

    lines = [
        "# Performance",
        "",
        "Measured by `python bench/run.py` (run by hand; the test suite never asserts on timings).",
        f"Each figure is the median of {runs} fresh processes after one warm-up run; time is",
        "start to exit (for the app rows, start to first frame), memory is the child's peak",
        "resident set size (ru_maxrss). Ratios compare",
        "with a baseline measured in the same run on the same machine, which is what to read:",
        "absolute times depend on the machine.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Results",
        "",
        *table(rows),
        "",
        "Notes:",
        "",
        "- The first-frame rows run both apps headless at 100x32; a hook on App._display prints",
        "  a line when the first full screen would be written to the terminal, and the clock",
        "  stops there.",
        "  The time includes interpreter start and imports, the same for both. triage's home",
        "  screen lists playbooks from a quick read and validates them in a background thread",
        "  after that frame, so peak memory includes that work.",
        "- Memory comes from os.wait4's ru_maxrss, which Linux carries across exec: a child",
        "  reports at least the size of this benchmark process when it started the child",
        "  (about that of `python -c pass`), so the smallest figures are floors.",
        "- The validate rows use copies of tests/fixtures/good/mini.toml (with its included",
        "  stage file and template); a flat ratio near 1.00x means the cost per playbook does",
        "  not grow with the number of playbooks.",
        "",
    ]
    text = "\n".join(lines)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
