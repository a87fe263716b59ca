"""A sentence-level learned second opinion for the tone check: an experiment, measured honestly.

    python scripts/tone_sentence_trial.py            # leave-one-set-out table (about 10 minutes; the first run reads the lexicons, ~5)
    python scripts/tone_sentence_trial.py --words    # the same with word features only

The draft-level learned layer (scripts/tone_model.py, docs/tone-check-history.md, "A learned
layer: what we tried") flagged plain clean drafts in another style and named the wrong
sentence. This trial learns SENTENCES instead:

- positive: the sentence holding a blind set's key phrase (the thirtieth-era sets in /work
  keep one per draft); for corpus drafts, which keep no phrase, the sentences the rules flag
  read alone (the rules were written from them); the other sentences of flag-worthy drafts
  are left out (unlabelled);
- negative: every sentence of every clean draft, of every draft the built-in examples render,
  of the rounds' own reset emails (/work/o31j, /work/o32e: reviewed, tone-clean), and of the
  plain clean drafts in scripts/tone_plain_clean.toml (other styles, written for this trial);
- features: words and word pairs read by side ("YOU ignored"), the check's own lexicons (every
  weak-signal, role, stance, move, act and frame lexicon of the readings, by name) and their
  pairs, who the subject is, a quotation, first person, a question; never whether a rule
  fired (the rules were tuned on the sets held out here, and that would leak their labels).

A draft is flagged when its best sentence scores at or above the threshold. Each blind set is
held out in turn: trained on every other set, the threshold chosen by a cross-validation
inside the training sets alone. Deterministic, pure Python.
"""

from __future__ import annotations

import argparse
import email
import itertools
import math
import random
import re
import sys
import tomllib
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tone_model  # noqa: E402
from tone_blind import SETS as OLD_SETS  # noqa: E402
from train_tone import load_sets, rules_at  # noqa: E402

from triage.engine import (  # noqa: E402
    tone_acts,
    tone_clauses,
    tone_frames,
    tone_moves,
    tone_signals,
    tone_stance,
    tone_who,
)
from triage.engine.tone import check_text  # noqa: E402
from triage.engine.tone_clauses import _Lazy  # noqa: E402

CORPUS = ROOT / "tests" / "tone_corpus"
PLAIN = Path(__file__).resolve().parent / "tone_plain_clean.toml"
WORK = Path("/work")
KEYED = ("tone29", "tone30", "tone31")
# the rules as they stood when each keyed set was first scored, blind to it
KEYED_COMMITS = {"tone29": "614e504", "tone30": "7d44cb3", "tone31": "HEAD"}
CORPUS_DEV = (
    "kinds", "roles", "roles_heldout", "roles_fresh", "kinds2", "kinds2_fresh", "kinds3",
    "kinds3_fresh", "acts", "acts_fresh", "acts_fresh2", "frames", "moves", "moves_fresh",
    "moves_fresh2", "moves_fresh3", "reach", "reach_fresh", "shapes", "shapes_fresh",
    "signals", "signals_fresh",
)  # fmt: skip
# --chronological: the sets written from a keyed set's misses, or after it, are left out of
# its training (shapes from the twenty-ninth set's misses, signals from the thirtieth's)
LATER = {
    "tone29": ("dev-reach", "dev-reach_fresh", "dev-shapes", "dev-shapes_fresh", "dev-signals",
               "dev-signals_fresh", "tone30", "tone31"),
    "tone30": ("dev-signals", "dev-signals_fresh", "tone31"),
    "tone31": (),
}  # fmt: skip
SEED = 11
EPOCHS = 12
L2 = 1e-4
RATE = 0.15
MIN_COUNT = 2
POS_WEIGHT = 3.0
INNER_FOLDS = 3
MAX_THRESHOLD = 0.99  # a threshold is never set above this, whatever the inner folds show
MAX_CLEAN_RATE = 0.03  # threshold: at most this share of clean corpus drafts flagged (inner CV)

# -- sentences ----------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")


def split(text: str) -> list[str]:
    """The sentences of a draft's body: paragraphs and list items cut at . ! ? ; lines inside
    a paragraph joined (hard-wrapped mail)."""
    text = tone_model.body(text.replace("\r\n", "\n").translate(_QUOTES))
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(tone_model.sentences(" ".join(paragraph)))
            paragraph.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
        elif _ITEM.match(line):
            flush()
            paragraph.append(_ITEM.sub("", line))
        else:
            paragraph.append(line.strip())
    flush()
    return [s for s in out if re.search(r"[A-Za-z]", s)]


# -- features ------------------------------------------------------------------------------------


def _lexicons() -> list[tuple[str, _Lazy]]:
    """Every lexicon of the readings, by module and name (a tuple of them counts as one)."""
    found: list[tuple[str, _Lazy]] = []
    for module in (tone_signals, tone_who, tone_stance, tone_moves, tone_acts, tone_frames,
                   tone_clauses):  # fmt: skip
        short = module.__name__.rsplit("_", 1)[1]
        for name, value in sorted(vars(module).items()):
            if isinstance(value, _Lazy):
                found.append((f"{short}.{name}", value))
            elif isinstance(value, tuple) and value and all(isinstance(v, _Lazy) for v in value):
                found.append(
                    (f"{short}.{name}", _Lazy("|".join(f"(?:{v.pattern})" for v in value)))
                )
    return found


LEXICONS = _lexicons()
_SUBJECT = re.compile(r"\b(you|your|we|our|i|they|their)\b")
_SAID = re.compile(r"\b(?:you|your \w+) (?:said|wrote|told|mentioned|called it|described)\b")


def lexicon_hits(sentence: str) -> list[str]:
    """The names of the readings' lexicons found in one sentence."""
    low = sentence.lower()
    return sorted(name for name, lex in LEXICONS if lex.search(low))


# --content-pairs: a pair of two function words ("to be", "if the") is no feature: the first
# run's strongest weights were such pairs, which measure style, not what a sentence does
CONTENT_PAIRS = False

# lexicons found in more than one sentence in ten (pronouns, praise) make no pairs
COMMON: set[str] = set()


def sentence_features(sentence: str, hits: list[str] | None = None, words_only: bool = False
                      ) -> set[str]:  # fmt: skip
    """Word, word-pair and signal features of one sentence."""
    low = sentence.lower()
    words = [m.replace("\u2019", "'") for m in tone_model._WORD.findall(low)]
    sides = [tone_model._SIDES.get(w, w) for w in words]
    out = {"w:" + s for s in sides if s not in tone_model._FUNCTION}
    out.update(
        "n:" + a + " " + b
        for a, b in itertools.pairwise(sides)
        if not CONTENT_PAIRS or a not in tone_model._FUNCTION or b not in tone_model._FUNCTION
    )
    if words_only:
        return out
    if hits is None:
        hits = lexicon_hits(sentence)
    out.update("l:" + h for h in hits)
    rare = [h for h in hits if h not in COMMON]
    out.update("ll:" + a + "+" + b for a, b in itertools.combinations(rare, 2))
    first = _SUBJECT.search(low)
    subject = "none" if not first else tone_model._SIDES.get(first.group(1), "THEY")
    out.add("s:" + subject)
    out.update(f"sl:{subject}+{h}" for h in rare)
    if '"' in sentence or re.search(r"(?<![a-z])'[a-z][^']{2,40}'(?![a-z])", low):
        out.add("q:quote")
    if _SAID.search(low):
        out.add("q:you-said")
    if re.search(r"\b(?:i|i'm|i've|i'll|i'd|me|my)\b", low):
        out.add("f:I")
    if re.search(r"\b(?:we|we're|we've|we'll|we'd|us|our)\b", low):
        out.add("f:we")
    if sentence.rstrip().endswith("?"):
        out.add("x:question")
    n = len(words)
    out.add("len:" + ("short" if n < 8 else "mid" if n < 25 else "long"))
    return out


# -- data ------------------------------------------------------------------------------------------

Sentence = tuple[set[str], float, str]  # features, label (1, 0; -1 unlabelled), text
Draft = dict[str, Any]  # text, flag, category, kind, sentences


def _norm(text: str) -> str:
    """Lowered, straight quotes, one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES).lower()).strip(" .")


def _positives_by_phrase(parts: list[str], phrase: str) -> list[int]:
    """The sentences holding a key's phrase (or most of its words)."""
    target = _norm(phrase)
    joined, spans, at = "", [], 0
    for part in parts:
        piece = _norm(part)
        spans.append((at, at + len(piece)))
        joined += piece + " "
        at += len(piece) + 1
    where = joined.find(target)
    if where >= 0:
        end = where + len(target)
        return [k for k, (lo, hi) in enumerate(spans) if lo < end and hi > where]
    want = set(tone_model._WORD.findall(target))
    best = max(
        range(len(parts)),
        key=lambda k: len(want & set(tone_model._WORD.findall(_norm(parts[k])))),
        default=-1,
    )
    if best >= 0 and len(want & set(tone_model._WORD.findall(_norm(parts[best])))) >= 0.6 * len(
        want
    ):
        return [best]
    return []


def _rule_categories(sentence: str) -> list[str]:
    return sorted({w.category for w in check_text(sentence)})


def make_draft(text: str, flag: bool, category: str, kind: str, phrase: str | None) -> Draft:
    """A draft with its sentences labelled."""
    parts = split(text)
    labels: list[float] = [0.0] * len(parts)
    cats: list[str] = [""] * len(parts)
    if flag:
        labels = [-1.0] * len(parts)
        if phrase:
            chosen = _positives_by_phrase(parts, phrase)
            for k in chosen:
                labels[k], cats[k] = 1.0, category
        else:
            for k, part in enumerate(parts):
                found = _rule_categories(part)
                if found:
                    labels[k] = 1.0
                    cats[k] = category if category in found else found[0]
    return {"text": text, "flag": flag, "category": category, "kind": kind, "parts": parts,
            "labels": labels, "cats": cats}  # fmt: skip


def _keyed(name: str) -> list[Draft]:
    key = tomllib.loads((WORK / name / "key.toml").read_text(encoding="utf-8"))
    out = []
    for number, entry in sorted(key.items()):
        text = (WORK / name / f"{number}.txt").read_text(encoding="utf-8")
        flag = entry["label"] == "flag"
        out.append(make_draft(text, flag, entry["category"], "corpus", entry.get("phrase")))
    return out


def _eml_body(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=default_policy)
    return str(message["Subject"]) + "\n\n" + message.get_content()  # type: ignore[union-attr]


def load_groups() -> dict[str, list[Draft]]:
    """Every group of drafts, by name: blind-N and toneNN can be held out."""
    groups: dict[str, list[Draft]] = {}
    for name, drafts in load_sets():
        groups[name] = [
            make_draft(d["text"], bool(d["flag"]), d.get("category", "clean"), "corpus", None)
            for d in drafts
        ]
    for name in CORPUS_DEV:
        data = tomllib.loads((CORPUS / f"{name}.toml").read_text(encoding="utf-8"))
        groups[f"dev-{name}"] = [
            make_draft(d["text"], bool(d["flag"]), d.get("category", "clean"), "corpus", None)
            for d in data["draft"]
        ]
    for name in KEYED:
        groups[name] = _keyed(name)
    import test_tone

    for example in test_tone.EXAMPLES:
        group = groups.setdefault(f"examples-{example.parent.name}", [])
        for text in test_tone._drafts(example).values():
            group.append(make_draft(text, False, "clean", "example", None))
    for run in ("o31j", "o32e"):
        for path in sorted((WORK / run).glob("*/*/reset-email.eml")):
            groups.setdefault(f"outputs-{run}", []).append(
                make_draft(_eml_body(path.read_bytes()), False, "clean", "output", None)
            )
    plain = tomllib.loads(PLAIN.read_text(encoding="utf-8"))["draft"]
    for k, d in enumerate(plain):
        groups.setdefault(f"plain-{k % 2}", []).append(
            make_draft(d["text"], False, "clean", "plain", None)
        )
    return groups


# -- model ---------------------------------------------------------------------------------------

Model = tuple[float, dict[str, float]]


def train(rows: list[tuple[set[str], float]]) -> Model:
    """Weighted logistic regression by SGD over binary features (fixed seed)."""
    counts: dict[str, int] = {}
    for feats, _y in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    index = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    data = [([index[f] for f in feats if f in index], y) for feats, y in rows]
    weights = [0.0] * len(index)
    bias = 0.0
    order = list(range(len(data)))
    rng = random.Random(SEED)
    step = 0
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            step += 1
            cols, y = data[k]
            z = bias + sum(weights[c] for c in cols)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (POS_WEIGHT if y else 1.0)
            rate = RATE / (1.0 + step / 5000.0)
            bias -= rate * g
            for c in cols:
                weights[c] -= rate * (g + L2 * weights[c])
    return bias, {f: weights[i] for f, i in index.items() if abs(weights[i]) >= 0.01}


def sentence_score(model: Model, feats: set[str]) -> float:
    """The model's probability that a sentence with these features should be flagged."""
    bias, weights = model
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def draft_score(model: Model, feats: list[set[str]]) -> tuple[float, int]:
    """The best sentence's score, and which it is."""
    if not feats:
        return 0.0, -1
    return max((sentence_score(model, f), k) for k, f in enumerate(feats))


def rows_of(drafts: list[tuple[Draft, list[set[str]]]]) -> list[tuple[set[str], float]]:
    """The labelled sentences of these drafts (unlabelled ones left out)."""
    return [
        (f, y) for d, feats in drafts for f, y in zip(feats, d["labels"], strict=True) if y >= 0
    ]


def choose_threshold(scored: list[tuple[float, Draft]]) -> float:
    """The lowest threshold that flags at most MAX_CLEAN_RATE of clean corpus drafts and no
    example, output or plain draft, scored out of fold (at most MAX_THRESHOLD)."""
    floor = max((s for s, d in scored if d["kind"] != "corpus"), default=0.0)
    clean = sorted((s for s, d in scored if d["kind"] == "corpus" and not d["flag"]), reverse=True)
    allowed = int(MAX_CLEAN_RATE * len(clean))
    by_rate = clean[allowed] if allowed < len(clean) else 0.0
    return min(MAX_THRESHOLD, max(floor, by_rate) + 1e-6)


def fit(groups: list[list[tuple[Draft, list[set[str]]]]]) -> tuple[Model, float]:
    """Train on every group; the threshold from an inner cross-validation over the groups."""
    folds = [groups[k::INNER_FOLDS] for k in range(INNER_FOLDS)]
    scored: list[tuple[float, Draft]] = []
    for k, fold in enumerate(folds):
        rest = [d for j, other in enumerate(folds) if j != k for g in other for d in g]
        model = train(rows_of(rest))
        scored += [(draft_score(model, feats)[0], d) for g in fold for d, feats in g]
    model = train(rows_of([d for g in groups for d in g]))
    return model, choose_threshold(scored)


# -- measure -----------------------------------------------------------------------------------------


def _held_out_names(groups: dict[str, Any]) -> list[str]:
    blind = sorted((n for n in groups if n.startswith("blind-")), key=lambda n: int(n[6:]))
    return blind + list(KEYED)


def _rules_then(name: str, drafts: list[Draft]) -> list[bool] | None:
    texts = [{"text": d["text"]} for d in drafts]
    if name in KEYED:
        commit = KEYED_COMMITS[name]
    elif name[6:] in OLD_SETS:
        commit = OLD_SETS[name[6:]][1]
    else:
        return None
    if commit == "HEAD":
        return [bool(check_text(d["text"])) for d in drafts]
    return rules_at(commit, texts)


def featurise(raw: dict[str, list[Draft]], words_only: bool = False
              ) -> dict[str, list[tuple[Draft, list[set[str]]]]]:  # fmt: skip
    """Each draft with its sentences' features (the lexicons read once, kept in the temp
    folder by the sentence's text)."""
    import hashlib
    import pickle
    import tempfile

    cache_file = Path(tempfile.gettempdir()) / "tone-sentence-hits.pickle"
    try:
        cache: dict[str, list[str]] = pickle.loads(cache_file.read_bytes())
    except (OSError, ValueError, EOFError):
        cache = {}
    texts = {s for ds in raw.values() for d in ds for s in d["parts"]}
    digest = hashlib.sha256(str([n for n, _l in LEXICONS]).encode()).hexdigest()[:8]
    hits = {}
    for text in sorted(texts):
        key = digest + text
        if key not in cache:
            cache[key] = lexicon_hits(text)
        hits[text] = cache[key]
    cache_file.write_bytes(pickle.dumps(cache))
    seen: dict[str, int] = {}
    for found in hits.values():
        for h in found:
            seen[h] = seen.get(h, 0) + 1
    COMMON.clear()
    COMMON.update(h for h, c in seen.items() if c > 0.1 * len(hits))
    return {
        name: [(d, [sentence_features(s, hits[s], words_only) for s in d["parts"]]) for d in ds]
        for name, ds in raw.items()
    }


def main() -> None:
    """Leave one blind set out; print each row and the pooled figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", action="store_true", help="word features only")
    parser.add_argument(
        "--content-pairs",
        action="store_true",
        help="no pairs of two function words; stronger regularisation",
    )
    parser.add_argument(
        "--chronological", action="store_true", help="the keyed sets, trained on earlier sets"
    )
    parser.add_argument("--only", nargs="*", help="hold out only these sets")
    parser.add_argument("--no-then", action="store_true", help="skip the rules as they stood")
    args = parser.parse_args()
    global CONTENT_PAIRS, L2
    if args.content_pairs:
        CONTENT_PAIRS, L2 = True, 1e-3
    raw = load_groups()
    groups = featurise(raw, args.words)
    n_pos = sum(y == 1 for ds in raw.values() for d in ds for y in d["labels"])
    n_neg = sum(y == 0 for ds in raw.values() for d in ds for y in d["labels"])
    print(f"sentences: {n_pos} positive, {n_neg} negative; groups {len(groups)}", flush=True)
    held = args.only or (list(KEYED) if args.chronological else _held_out_names(groups))
    pooled: dict[str, list[int]] = {}
    print("| held-out set | rules now | rules then | learned alone | rules then + learned "
          "| rules now + learned | threshold | right sentence |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in held:
        later = LATER.get(name, ()) if args.chronological else ()
        train_groups = [g for n, g in groups.items() if n != name and n not in later]
        model, threshold = fit(train_groups)
        drafts = groups[name]
        labels = [d["flag"] for d, _f in drafts]
        best = [draft_score(model, feats) for _d, feats in drafts]
        learned = [s >= threshold for s, _k in best]
        now = [bool(check_text(d["text"])) for d, _f in drafts]
        then = None if args.no_then else _rules_then(name, [d for d, _f in drafts])
        right = sum(
            1 for (d, _f), (s, k), hit in zip(drafts, best, learned, strict=True)
            if hit and d["flag"] and k >= 0 and d["labels"][k] == 1
        )  # fmt: skip
        labelled = sum(
            1 for (d, _f), hit in zip(drafts, learned, strict=True)
            if hit and d["flag"] and 1 in d["labels"]
        )  # fmt: skip
        cells = {"now": now, "learned": learned,
                 "now+learned": [a or b for a, b in zip(now, learned, strict=True)]}  # fmt: skip
        if then is not None:
            cells["then"] = then
            cells["then+learned"] = [a or b for a, b in zip(then, learned, strict=True)]
        shown = {}
        for key, flags in cells.items():
            tp = sum(f and y for f, y in zip(flags, labels, strict=True))
            fp = sum(f and not y for f, y in zip(flags, labels, strict=True))
            pos = sum(labels)
            shown[key] = f"{tp}/{pos}, {fp}/{len(labels) - pos}"
            scopes = (
                [key + ", every held-out set"] if key in ("now", "learned", "now+learned") else []
            )
            if then is not None:
                scopes.append(key + ", the sets with rules then")
            for scope in scopes:
                acc = pooled.setdefault(scope, [0, 0, 0, 0])
                for i, v in enumerate((tp, pos, fp, len(labels) - pos)):
                    acc[i] += v
        print(
            f"| {name} ({len(labels)}) | {shown['now']} | {shown.get('then', '-')} "
            f"| {shown['learned']} | {shown.get('then+learned', '-')} | {shown['now+learned']} "
            f"| {threshold:.3f} | {right}/{labelled} |",
            flush=True,
        )
    print()
    for key, (tp, pos, fp, neg) in sorted(pooled.items()):
        print(f"pooled {key}: {tp}/{pos} (R {tp / max(pos, 1):.2f}), {fp}/{neg} clean flagged")
    style(groups)


def style(groups: dict[str, Any]) -> None:
    """False flags on the app's example drafts (each playbook held out), the plain clean drafts
    (each half held out) and the round outputs (each round held out)."""
    print()
    for prefix in ("examples-", "plain-", "outputs-"):
        total = flagged = 0
        for name in [n for n in groups if n.startswith(prefix)]:
            model, threshold = fit([g for n, g in groups.items() if n != name])
            for d, feats in groups[name]:
                total += 1
                score, k = draft_score(model, feats)
                if score >= threshold:
                    flagged += 1
                    print(f"  false flag ({name}, {score:.2f} >= {threshold:.2f}): {d['parts'][k]}")
        print(f"{prefix[:-1]}: {flagged}/{total} flagged, each group held out", flush=True)


if __name__ == "__main__":
    main()
