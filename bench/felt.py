"""A headless case as a user runs it: `python bench/felt.py [--runs N] [--triage CMD]`.

bench/run.py times `triage run` with the repository on PYTHONPATH and the code cache in a
folder it names (TRIAGE_CACHE). A user types the command in a shell, in a folder of their
own, with the answers file there, and triage finds its cache where the platform keeps
caches (platformdirs: on Linux `$XDG_CACHE_HOME/triage`, which this points at a scratch
folder, so no real cache is touched). This runs exactly that through `/bin/sh -c`, the
copier baseline too, alternately:

- warm: the same cache folder every run (a user's second and later cases);
- cold: an empty cache folder every run (the first case after installing or upgrading).

Prints the medians and the paired ratios (clock and CPU time, with their spread), as
bench/run.py reports them. POSIX only. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shlex
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (  # bench/run.py, beside this file
    BENCH,
    BUILT_IN,
    HEADLESS_EXAMPLE,
    REPO,
    Pair,
    Sample,
    copier_command,
    run_once,
    triage_command,
)


def _shell(line: str, env: dict[str, str], cwd: Path) -> Sample:
    return run_once(["/bin/sh", "-c", line], env, cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="paired runs per row")
    parser.add_argument(
        "--triage",
        help="the command to run (default: the `triage` script beside this Python)",
    )
    args = parser.parse_args(argv)
    copier = copier_command()
    if copier is None:
        raise SystemExit("copier is needed: `pip install copier`, or put it on PATH")
    triage = shlex.split(args.triage) if args.triage else triage_command()
    example = REPO / "playbooks" / "examples" / BUILT_IN / f"{HEADLESS_EXAMPLE}.toml"
    counter = itertools.count()
    pairs: list[Pair] = []
    with tempfile.TemporaryDirectory(prefix="triage-felt-") as scratch:
        work = Path(scratch)
        mine = work / "my-cases"  # the user's own folder, far from the repository
        mine.mkdir()
        shutil.copy(example, mine / "answers.toml")
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TRIAGE_", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"))
        }
        env["HOME"] = str(work / "home")
        env["XDG_DATA_HOME"] = str(work / "data")

        def case(cache: Path | None) -> Sample:
            folder = cache or work / f"cold-{next(counter)}"
            here = dict(env, XDG_CACHE_HOME=str(folder))
            line = shlex.join(
                [
                    *triage,
                    "run",
                    BUILT_IN,
                    "--answers",
                    "answers.toml",
                    "--out",
                    f"case-{next(counter)}",
                ]
            )
            sample = _shell(line, here, mine)
            if cache is None:
                shutil.rmtree(folder, ignore_errors=True)
            return sample

        def copier_run() -> Sample:
            line = shlex.join(
                [
                    *copier,
                    "copy",
                    "--defaults",
                    "--quiet",
                    str(BENCH / "copier-template"),
                    f"copied-{next(counter)}",
                ]
            )
            return _shell(line, env, mine)

        warm = work / "cache"
        for name, ours, runs in (
            ("warm cache (second and later cases)", lambda: case(warm), args.runs),
            ("cold cache (first case after install)", lambda: case(None), max(3, args.runs // 3)),
        ):
            ours(), copier_run()  # warm-up pair: bytecode, the file cache, the warm folder
            pair = Pair(f"`triage run --answers` from a shell, {name}", "copier", [], [])
            for _ in range(runs):
                pair.ours.append(ours())
                pair.theirs.append(copier_run())
            pairs.append(pair)
    for pair in pairs:
        ours = statistics.median(s.seconds for s in pair.ours) * 1000
        theirs = statistics.median(s.seconds for s in pair.theirs) * 1000
        ours_cpu = statistics.median(s.cpu for s in pair.ours) * 1000
        theirs_cpu = statistics.median(s.cpu for s in pair.theirs) * 1000
        ratios, cpu = pair.ratios, pair.cpu_ratios
        print(f"{pair.name}, {len(pair.ours)} pairs:")
        print(f"  triage clock {ours:.0f} ms, CPU {ours_cpu:.0f} ms; "
              f"copier clock {theirs:.0f} ms, CPU {theirs_cpu:.0f} ms")  # fmt: skip
        print(f"  time ratio {statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}), "
              f"CPU time ratio {statistics.median(cpu):.2f}x ({min(cpu):.2f}-{max(cpu):.2f})")  # fmt: skip
    print(f"Load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
