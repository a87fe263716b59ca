"""Leave-one-set-out for the readings by structure (triage/engine/tone_structures.py).

    python scripts/tone_blind.py                 # every blind set: rules then, structures, both
    python scripts/tone_blind.py --show SET...   # also each draft the structures change, for SET

The structures were written from the thirteenth blind set's misses (as the rules then stood)
and the development sets' clean drafts; the other blind sets were scored with numbers only.
"Rules then" are the rules as they stood when each blind set was first scored (git history),
so "rules then OR structures" is how a blind set written then would have met them.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_tone import rules_at  # noqa: E402

from triage.engine import tone_structures  # noqa: E402
from triage.engine.formats.tone import READINGS  # noqa: E402
from triage.engine.tone_scan import _ASCII_LOWER  # noqa: E402
from triage.engine.tone_text import _normalise, _sentence_starts  # noqa: E402

BLIND = Path("/work")
# each blind set's file and the commit whose rules first scored it (blind to it)
SETS = {
    # for 2, 3, 6 and 7 no commit reproduces the first score exactly; these are the last
    # commits before each was scored (their rules are weaker, so a lower "rules then")
    "2": ("tone-new/heldout2.toml", "4910985"),
    "3": ("tone-new3/heldout3.toml", "4910985"),
    "6": ("tone-new6/heldout6.toml", "f681077"),
    "7": ("tone-new7/heldout7.toml", "f681077"),
    "4": ("tone-new4/heldout4.toml", "9518e11"),
    "5": ("tone-new5/heldout5.toml", "f681077"),
    "8": ("tone-new8/heldout8.toml", "44ba9bf"),
    "9": ("tone-new9/heldout9.toml", "6a1259b"),
    "10": ("tone-new10/heldout10.toml", "8a75ade"),
    "11": ("tone-new11/heldout11.toml", "cb769f6^"),
    "12": ("tone-new12/heldout12.toml", "0225a56"),
    "13": ("tone-new13/heldout13.toml", "d08efbc"),
    "14": ("tone-new14/heldout14.toml", "6f3b235"),
}


def structures(text: str) -> list[str]:
    """What the readings by structure find in ``text``, one line each."""
    flat, _index, breaks = _normalise(text)
    low = flat.translate(_ASCII_LOWER)
    found = tone_structures.read(low, _sentence_starts(flat, breaks), breaks, frozenset(READINGS))
    return [f"{r.name}: {' ... '.join(low[s:e] for s, e in r.cues)}" for r in found]


def main() -> None:
    """Print each blind set's row, then the total."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=list(SETS))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    totals = [0] * 8
    for name in args.sets:
        file, commit = SETS[name]
        drafts = tomllib.loads((BLIND / file).read_text(encoding="utf-8"))["draft"]
        then = rules_at(commit, drafts)
        now = [structures(d["text"]) for d in drafts]
        pos = [d for d in drafts if d["flag"]]
        row = [
            sum(t for t, d in zip(then, drafts, strict=True) if d["flag"]),
            sum(bool(s) for s, d in zip(now, drafts, strict=True) if d["flag"]),
            sum(t or bool(s) for t, s, d in zip(then, now, drafts, strict=True) if d["flag"]),
            len(pos),
            sum(t for t, d in zip(then, drafts, strict=True) if not d["flag"]),
            sum(bool(s) for s, d in zip(now, drafts, strict=True) if not d["flag"]),
            sum(t or bool(s) for t, s, d in zip(then, now, drafts, strict=True) if not d["flag"]),
            len(drafts) - len(pos),
        ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(
            f"blind {name} ({len(drafts)}): rules then {row[0]}/{row[3]}, {row[4]}/{row[7]} false;"
            f" structures {row[1]}/{row[3]}, {row[5]}/{row[7]}; both {row[2]}/{row[3]}, {row[6]}/{row[7]}"
        )
        if args.show:
            for t, s, d in zip(then, now, drafts, strict=True):
                if s and (not t or not d["flag"]):
                    print(f"   {'+' if d['flag'] else 'FALSE'} {d['id']}: {s}")
    t = totals
    print(
        f"all: rules then {t[0]}/{t[3]} (R {t[0] / t[3]:.2f}), {t[4]}/{t[7]} false; structures "
        f"{t[1]}/{t[3]}, {t[5]}/{t[7]}; both {t[2]}/{t[3]} (R {t[2] / t[3]:.2f}), {t[6]}/{t[7]} false"
    )


if __name__ == "__main__":
    main()
