"""Train and measure a learned tone layer (scripts/tone_model.py): an experiment, not shipped.

    python scripts/train_tone.py sets                       # the sets the corpus splits into
    python scripts/train_tone.py evaluate --blind-rules     # leave-one-set-out table (~1 min)
    python scripts/train_tone.py evaluate --blind-rules --chronological
    python scripts/train_tone.py train        # write tone-model.json in the temp folder

docs/tone-check.md ("A learned layer: what we tried") gives the numbers and why it was
not shipped.

Deterministic: drafts are read in file order, the training order is shuffled by a fixed
seed, and nothing depends on the clock or the machine. Pure Python, no extra packages.

The labelled drafts in tests/tone_corpus/ are grouped by the set they were written in
(main.toml's section headers, clauses.toml's four batches, heldout.toml), so a set can
be held out whole: train on every other set, pick the threshold on those sets alone (by
an inner cross-validation over them), then score the held-out set once.

``evaluate --blind-rules`` also runs the phrase rules as they stood when each blind set
was first scored (from git history), so "rules OR model" can be measured the way a new
blind set would meet it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tone_model  # noqa: E402

CORPUS = ROOT / "tests" / "tone_corpus"
# not shipped (see docs/tone-check.md, "A learned layer: what we tried"): written outside the repo
OUT = Path(tempfile.gettempdir()) / tone_model.WEIGHTS_FILE
SEED = 7
EPOCHS = 30
L2 = 1e-3
RATE = 0.2
MIN_COUNT = 2
TARGET_PRECISION = 0.95
INNER_FOLDS = 4
PRUNE = 0.02  # smaller weights are dropped (in evaluation too), to keep the file small

_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_NUMBER = {word: n for n, word in enumerate(_ORDINALS.split(), 1)}
# the commit whose rules first scored each blind set (blind to it): for --blind-rules
BLIND_COMMITS = {
    "blind-4": "9518e11",
    "blind-5": "f681077",
    "blind-8": "44ba9bf",
    "blind-9": "6a1259b",
    "blind-10": "8a75ade",
    "blind-11": "cb769f6^",
    "blind-12": "0225a56",
}
_CLAUSE_BATCHES = ("threats-scorecard-uncomfortable-read", "threats-group-buyers-meeting",
                   "threats-trade-body-agenda")  # fmt: skip


def _main_sets() -> list[tuple[str, list[dict[str, Any]]]]:
    """main.toml split at its section headers ("# --- the third held-out set ...")."""
    text = (CORPUS / "main.toml").read_text(encoding="utf-8")
    names: list[str] = []
    current = "dev-main"
    after = 0
    for line in text.splitlines():
        if line.startswith("[[draft]]"):
            names.append(current)
        elif line.startswith("# --- ") and not line.startswith("# --- should"):
            lowered = line.lower()
            found = re.search(r"the (\w+) (held-out|blind) set", lowered)
            if found and found.group(1) in _NUMBER and not lowered.startswith("# --- kinds"):
                current = f"blind-{_NUMBER[found.group(1)]}"
            else:
                after += 1
                current = f"dev-written-{after}"
    drafts = tomllib.loads(text)["draft"]
    assert len(drafts) == len(names)
    sets: dict[str, list[dict[str, Any]]] = {}
    for name, draft in zip(names, drafts, strict=True):
        sets.setdefault(name, []).append(draft)
    return list(sets.items())


def load_sets() -> list[tuple[str, list[dict[str, Any]]]]:
    """Every labelled draft, grouped by the set it was written in."""
    sets = _main_sets()
    clauses = tomllib.loads((CORPUS / "clauses.toml").read_text(encoding="utf-8"))["draft"]
    batch, batches = 1, {}
    for draft in clauses:
        if draft["id"] in _CLAUSE_BATCHES:
            batch += 1
        batches.setdefault(f"dev-clauses-{batch}", []).append(draft)
    sets += list(batches.items())
    held = tomllib.loads((CORPUS / "heldout.toml").read_text(encoding="utf-8"))["draft"]
    sets.append(("blind-12", held))
    for number in (13, 14):  # blind when written, development data since they were scored
        text = (CORPUS / f"blind{number}.toml").read_text(encoding="utf-8")
        sets.append((f"blind-{number}", tomllib.loads(text)["draft"]))
    return sets


def example_windows() -> list[list[tuple[set[str], bool]]]:
    """Every draft the built-in examples render, cut into the stretches the model scores,
    as clean examples, one group per playbook: the app's own long, structured drafts, which
    the short corpus emails do not teach it."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_tone

    groups: dict[str, list[tuple[set[str], bool]]] = {}
    for example in test_tone.EXAMPLES:
        group = groups.setdefault(example.parent.name, [])
        for text in test_tone._drafts(example).values():
            parts = tone_model.sentences(tone_model.body(text))
            per = [tone_model.feature_set(s) for s in parts]
            for span in tone_model._windows(len(parts)) if parts else []:
                group.append((set().union(*(per[k] for k in span)), False))
    return list(groups.values())


# -- logistic regression over sparse binary features ------------------------------------------


def train(drafts: list[tuple[set[str], bool]]) -> tuple[float, dict[str, float]]:
    """Logistic regression by SGD (fixed seed); weights below PRUNE dropped."""
    counts: dict[str, int] = {}
    for feats, _flag in drafts:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [(sorted(index[f] for f in feats if f in index), flag) for feats, flag in drafts]
    weights = [0.0] * len(vocab)
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    step = 0
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            step += 1
            cols, flag = rows[k]
            z = bias + sum(weights[c] for c in cols)
            z = max(-30.0, min(30.0, z))
            p = 1.0 / (1.0 + pow(2.718281828459045, -z))
            g = p - (1.0 if flag else 0.0)
            rate = RATE / (1.0 + step / 2000.0)
            bias -= rate * g
            for c in cols:
                weights[c] -= rate * (g + L2 * weights[c])
    return bias, {f: weights[i] for f, i in index.items() if abs(weights[i]) >= PRUNE}


def _scores(
    model: tuple[float, dict[str, float]], drafts: list[tuple[set[str], bool]]
) -> list[float]:
    as_dict = {"bias": model[0], "weights": model[1]}
    return [tone_model.score(feats, as_dict) for feats, _flag in drafts]


def threshold_for(pairs: list[tuple[float, bool]]) -> float:
    """The lowest score at which everything scored at or above it is >= 95 % flag-worthy."""
    pairs = sorted(pairs, reverse=True)
    best = 1.0
    tp = fp = 0
    for value, flag in pairs:
        tp += flag
        fp += not flag
        if tp / (tp + fp) >= TARGET_PRECISION and tp >= 3:
            best = value
    return best


def fit_with_threshold(
    groups: list[list[tuple[set[str], bool]]],
) -> tuple[tuple[float, dict[str, float]], float]:
    """Train on all groups; the threshold from an inner cross-validation over the groups."""
    folds = [groups[k::INNER_FOLDS] for k in range(INNER_FOLDS)]
    pairs: list[tuple[float, bool]] = []
    for k, fold in enumerate(folds):
        rest = [d for j, other in enumerate(folds) if j != k for g in other for d in g]
        test = [d for g in fold for d in g]
        model = train(rest)
        pairs += list(zip(_scores(model, test), [flag for _f, flag in test], strict=True))
    everything = [d for g in groups for d in g]
    return train(everything), threshold_for(pairs)


# -- the rules, now and as they stood -------------------------------------------------------------


def rules_now(drafts: list[dict[str, Any]]) -> list[bool]:
    """Whether the phrase rules as they are now flag each draft."""
    from triage.engine.tone import check_text

    return [bool(check_text(d["text"])) for d in drafts]


def rules_at(commit: str, drafts: list[dict[str, Any]]) -> list[bool]:
    """Whether the rules as they stood at ``commit`` flag each draft (from git history)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", commit, "triage"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        code = (
            "import json,sys\nfrom triage.engine.tone import check_text\n"
            "texts=json.load(sys.stdin)\nprint(json.dumps([bool(check_text(t)) for t in texts]))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
            input=json.dumps([d["text"] for d in drafts]),
            capture_output=True,
            text=True,
            check=True,
        )
    flags: list[bool] = json.loads(result.stdout)
    return flags


# -- commands ---------------------------------------------------------------------------------------


def _row(name: str, labels: list[bool], flags: list[bool]) -> tuple[int, int, int, int]:
    pos = sum(labels)
    tp = sum(f and y for f, y in zip(flags, labels, strict=True))
    fp = sum(f and not y for f, y in zip(flags, labels, strict=True))
    return tp, pos, fp, len(labels) - pos


def _fmt(tp: int, pos: int, fp: int, neg: int) -> str:
    recall = tp / pos if pos else 0.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    return f"{tp}/{pos}, {fp}/{neg} (R {recall:.2f}, P {precision:.2f})"


# the order the sets were written in: a set derived from a blind set's misses comes after it
CHRONOLOGY = (
    ["dev-main"] + [f"blind-{n}" for n in range(1, 11)] + ["dev-written-1", "blind-11"]
    + [f"dev-written-{n}" for n in range(2, 8)] + ["blind-12"]
    + [f"dev-clauses-{n}" for n in range(1, 5)] + ["blind-13", "blind-14"]
)  # fmt: skip


def evaluate(blind_rules: bool, chronological: bool = False) -> None:
    """Leave one set out; ``chronological``: train only on the sets written before it."""
    sets = load_sets()
    assert sorted(CHRONOLOGY) == sorted(name for name, _d in sets)
    featured = [[(tone_model.features(d["text"]), bool(d["flag"])) for d in ds] for _n, ds in sets]
    examples = example_windows()  # clean, and always among what it trains on
    totals: dict[str, list[int]] = {}
    print(
        "| set | drafts | rules now | model alone | rules then | rules then OR model | threshold |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for k, (name, drafts) in enumerate(sets):
        if chronological:
            earlier = set(CHRONOLOGY[: CHRONOLOGY.index(name)])
            if len(earlier) < 4:
                continue
            others = [g for j, g in enumerate(featured) if sets[j][0] in earlier]
        else:
            others = [g for j, g in enumerate(featured) if j != k]
        model, threshold = fit_with_threshold(others + examples)
        scored = _scores(model, featured[k])
        labels = [flag for _f, flag in featured[k]]
        model_flags = [s >= threshold for s in scored]
        now = rules_now(drafts)
        cells = {"now": _row(name, labels, now), "model": _row(name, labels, model_flags)}
        then = "-"
        both = "-"
        if blind_rules and name in BLIND_COMMITS:
            old = rules_at(BLIND_COMMITS[name], drafts)
            cells["then"] = _row(name, labels, old)
            cells["both"] = _row(
                name, labels, [a or b for a, b in zip(old, model_flags, strict=True)]
            )
            then, both = _fmt(*cells["then"]), _fmt(*cells["both"])
        for key, cell in cells.items():
            group = "blind" if name.startswith("blind") else "dev"
            for scope in (f"{group}:{key}", f"all:{key}"):
                acc = totals.setdefault(scope, [0, 0, 0, 0])
                for i in range(4):
                    acc[i] += cell[i]
        print(
            f"| {name} | {len(drafts)} | {_fmt(*cells['now'])} | {_fmt(*cells['model'])} "
            f"| {then} | {both} | {threshold:.3f} |",
            flush=True,
        )
    print()
    for scope, acc in sorted(totals.items()):
        print(f"pooled {scope}: {_fmt(*acc)}")


def write_model() -> None:
    """Train on every set and the examples' drafts, and write the weights file."""
    sets = load_sets()
    featured = [[(tone_model.features(d["text"]), bool(d["flag"])) for d in ds] for _n, ds in sets]
    (bias, weights), threshold = fit_with_threshold(featured + example_windows())
    # per category, which features lean towards it: only to name a learned flag's category
    categories: dict[str, dict[str, float]] = {}
    clean: dict[str, int] = {}
    by_category: dict[str, dict[str, int]] = {}
    sizes: dict[str, int] = {}
    n_clean = 0
    for _name, drafts in sets:
        for d in drafts:
            feats = tone_model.features(d["text"]) & weights.keys()
            if d["flag"]:
                cat = d.get("category", "tone")
                sizes[cat] = sizes.get(cat, 0) + 1
                bucket = by_category.setdefault(cat, {})
                for f in feats:
                    bucket[f] = bucket.get(f, 0) + 1
            else:
                n_clean += 1
                for f in feats:
                    clean[f] = clean.get(f, 0) + 1
    for cat, bucket in sorted(by_category.items()):
        lean = {}
        for f, count in bucket.items():
            if weights[f] <= 0:
                continue
            ratio = (count + 0.5) / (sizes[cat] + 1) / ((clean.get(f, 0) + 0.5) / (n_clean + 1))
            if ratio > 2.0 and count >= 2 and weights[f] >= 0.05:
                lean[f] = round(weights[f] * min(ratio, 10.0) / 10.0, 3)
        categories[cat] = dict(sorted(lean.items()))
    data = {
        "about": "Trained by scripts/train_tone.py on tests/tone_corpus; see docs/tone-check.md.",
        "bias": round(bias, 4),
        "threshold": round(threshold, 4),
        "weights": {f: round(w, 3) for f, w in sorted(weights.items())},
        "categories": categories,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(data['weights'])} weights)")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("command", choices=("evaluate", "train", "sets"))
    parser.add_argument("--blind-rules", action="store_true")
    parser.add_argument("--chronological", action="store_true")
    args = parser.parse_args()
    if args.command == "sets":
        for name, drafts in load_sets():
            print(name, len(drafts), sum(bool(d["flag"]) for d in drafts))
    elif args.command == "evaluate":
        evaluate(args.blind_rules, args.chronological)
    else:
        write_model()


if __name__ == "__main__":
    main()
