"""Leave-one-set-out for the readings by frame (triage/engine/tone_frames.py).

    python scripts/tone_loso.py            # every labelled set: each row with that set left out
    python scripts/tone_loso.py --show     # also the drafts each row gets wrong

The frames were grouped from the misses of all four sets, but some of their words came from
one set's drafts alone (``tone_frames.WRITTEN_FROM``), and each clearance from one set. For a
held-out set, every reading whose cues hold one of its words, and every clearance written from
it, is switched off, and the set is scored:

- "frames alone": only the readings by frame, so what the new layer finds on its own;
- "then + frames": the whole check as it stood when the set was first scored, blind (from
  git history), with the frames not written from it added: how a set written then would
  have met the frames. The clearances are not applied to the old check (so its false flags
  stand), which makes this row pessimistic about false flags;
- "now": today's whole check with the held-out set's frames and clearances switched off.
  The rules older than the frames were widened on every set but the twenty-fourth, so for the
  others this row is not blind.

The sets are outside the repository (their writers keep them); a missing one is skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.engine import tone_frames  # noqa: E402
from triage.engine.tone import check_text  # noqa: E402
from triage.engine.tone_scan import _ASCII_LOWER  # noqa: E402
from triage.engine.tone_text import _normalise, _sentence_starts  # noqa: E402

# each labelled set and the commit whose check first scored it, blind
SETS = {
    "tone16": ("/work/tone16", "515c143"),
    "tone20": ("/work/tone20", "a231ae7"),
    "tone22": ("/work/tone22", "da88571"),
    "tone24": ("/work/tone24", "23fe501"),
}

_SCORE_THEN = """
import json, sys
from triage.engine.tone import check_text
print(json.dumps({name: bool(check_text(open(path).read())) for name, path in json.load(sys.stdin)}))
"""


def drafts(folder: Path) -> list[tuple[str, bool, str]]:
    """(name, flag-worthy, path) for each labelled draft in ``folder``."""
    labels = tomllib.loads((folder / "labels.toml").read_text())
    found = []
    for name, label in sorted(labels.items()):
        path = folder / name if (folder / name).exists() else folder / f"{name}.txt"
        flag = label.get("label") == "flag" or label.get("flag") is True
        found.append((name, flag, str(path)))
    return found


def flagged_then(commit: str, items: list[tuple[str, bool, str]]) -> dict[str, bool]:
    """Which drafts the check at ``commit`` flags (run from an exported tree)."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "triage"], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=True)
        out = subprocess.run(
            [sys.executable, "-c", _SCORE_THEN],
            input=json.dumps([(name, path) for name, _flag, path in items]),
            cwd=tree,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"},
        )
    return dict(json.loads(out.stdout))


def frames_alone(text: str) -> bool:
    """Whether the readings by frame, on their own, find anything in ``text``."""
    flat, _index, breaks = _normalise(text)
    low = flat.translate(_ASCII_LOWER)
    return bool(tone_frames.read(low, _sentence_starts(flat, breaks), breaks, tone_frames.NAMES))


def score(flags: dict[str, bool], items: list[tuple[str, bool, str]]) -> tuple[int, int, int, int]:
    """(caught, flag-worthy, false flags, clean) of ``flags`` against the labels."""
    caught = sum(1 for name, flag, _p in items if flag and flags[name])
    worthy = sum(1 for _n, flag, _p in items if flag)
    false = sum(1 for name, flag, _p in items if not flag and flags[name])
    return caught, worthy, false, len(items) - worthy


def cell(counts: tuple[int, int, int, int]) -> str:
    """A table cell: caught / flag-worthy with recall, false / clean with precision."""
    caught, worthy, false, clean = counts
    precision = caught / (caught + false) if caught + false else 1.0
    return f"{caught}/{worthy} (R {caught / worthy:.2f}), {false}/{clean} (P {precision:.2f})"


def main() -> None:
    """Print one row per labelled set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the drafts each row gets wrong")
    args = parser.parse_args()
    every_clearance = list(tone_frames.CLEARANCES)
    print("| set | blind then | frames alone | then + frames | now |")
    print("| --- | --- | --- | --- | --- |")
    totals: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in ("then", "alone", "both", "now")}
    for held_out, (folder, commit) in SETS.items():
        if not Path(folder, "labels.toml").exists():
            continue
        items = drafts(Path(folder))
        then = flagged_then(commit, items)
        # the words this set taught the frames, and the clearances written from it, left out
        tone_frames.held_out = frozenset({held_out})
        tone_frames.CLEARANCES[:] = [c for c in every_clearance if held_out not in c.sets]
        try:
            alone: dict[str, bool] = {}
            now: dict[str, bool] = {}
            for name, _flag, path in items:
                text = Path(path).read_text()
                alone[name] = frames_alone(text)
                now[name] = bool(check_text(text))
        finally:
            tone_frames.held_out = frozenset()
            tone_frames.CLEARANCES[:] = every_clearance
        both = {name: then[name] or alone[name] for name in then}
        rows = {"then": then, "alone": alone, "both": both, "now": now}
        counts = {key: score(flags, items) for key, flags in rows.items()}
        for key, c in counts.items():
            totals[key] = [a + b for a, b in zip(totals[key], c, strict=True)]
        print(f"| {held_out} | " + " | ".join(cell(counts[k]) for k in rows) + " |")
        if args.show:
            for key, flags in rows.items():
                for name, flag, _p in items:
                    if flags[name] != flag:
                        print(f"    {key}: {'MISS' if flag else 'FALSE'} {name}")
    print("| **all** | " + " | ".join(f"**{cell(tuple(totals[k]))}**" for k in totals) + " |")


if __name__ == "__main__":
    main()
