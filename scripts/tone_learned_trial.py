"""Would the learned layer pass with the app's own drafts among its clean examples?

    python scripts/tone_learned_trial.py     # about two minutes

The learned layer (scripts/tone_model.py) was not shipped because, trained on the corpus,
it flagged 17 of the built-in examples' drafts. This trial adds those drafts, cut into
stretches of a few sentences as the model reads them, to the clean side of its training,
and measures two things it must pass, each on data it was not trained on:

- the examples' drafts, one playbook held out at a time (trained on the corpus and the
  other playbooks' drafts);
- each blind set, held out in turn (trained on every other set and all example drafts),
  alone and together with the rules as they stood when the set was first scored and the
  readings by structure (scripts/tone_blind.py);
- twelve plain, clean drafts written for this trial in a manager's own words (not in the
  corpus's style on purpose), scored by a model trained on everything.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tone_model  # noqa: E402
from tone_blind import SETS, structures  # noqa: E402
from train_tone import fit_with_threshold, load_sets, rules_at  # noqa: E402

Featured = list[tuple[set[str], bool]]

FRESH_CLEAN = [
    "I have now read your note about the crates. Can you call me today so we can agree the "
    "numbers for next week?",
    "Thanks for sending the revised schedule. I have a couple of questions about the third "
    "phase, mostly about the access dates. Could you give me a ring this afternoon?",
    "Thank you for your letter about the invoice for March. We have checked it against the "
    "delivery notes and found two lines we cannot match. Could your accounts team send the "
    "proofs of delivery for those two lines?",
    "I know the last month has been hard on your team, with the move and the new system. We "
    "are keen to keep working with you. Can we meet on Thursday to agree what each of us will "
    "do before the busy season?",
    "Your engineers were on site at seven and had the line running by nine, which saved our "
    "shift. Thank you. Can you send the report when it is ready so we can close the ticket?",
    "We got the order quantities wrong on our side last week, and I am sorry for the extra "
    "work it caused your warehouse. We have added a second check before orders go out. Would "
    "a call on Monday suit you?",
    "You asked whether we can move the go-live to the 14th. We can, if your team can finish "
    "the data migration by the 10th. Let me know what you think and I will update the plan.",
    "I have read the concerns you raised about the cleaning rota. You are right that the "
    "weekend cover has been thin. We will add a second cleaner on Saturdays from next month. "
    "Could you let me know if that addresses the main issue?",
    "The third delivery arrived this morning and it looks good. I have asked the team to count "
    "the pallets and will let you know by the end of the day. Can you confirm the date for "
    "the next one?",
    "I have now read the contract again with our finance lead. We both think clause 9 could "
    "be clearer about who pays for returns. Can we talk it through on Wednesday?",
    "We still have not received the signed purchase order for the second batch. Can you "
    "check with your buyer and let me know when it is likely? We need it to book the "
    "transport.",
    "I was sorry to hear that the launch event was cut short by the fire alarm. Our crew will "
    "come back on Friday to collect the stands at a time that suits you. Can you tell me who "
    "will be on site?",
]


def windows(text: str) -> list[set[str]]:
    """The feature sets of each stretch of a draft the model would score."""
    parts = tone_model.sentences(tone_model.body(text))
    if not parts:
        return []
    per = [tone_model.feature_set(s) for s in parts]
    return [set().union(*(per[k] for k in span)) for span in tone_model._windows(len(parts))]


def flagged(model: tuple[float, dict[str, float]], threshold: float, text: str) -> bool:
    """Whether the model, at ``threshold``, flags ``text``."""
    as_dict = {"bias": model[0], "weights": model[1], "threshold": threshold}
    return tone_model.explain(text, as_dict) is not None


def example_drafts() -> dict[str, list[str]]:
    """Every draft the built-in examples render, by playbook."""
    import test_tone

    by_book: dict[str, list[str]] = {}
    for example in test_tone.EXAMPLES:
        by_book.setdefault(example.parent.name, []).extend(test_tone._drafts(example).values())
    return by_book


def main() -> None:
    """Print both measures."""
    sets = load_sets()
    featured: list[Featured] = [
        [(tone_model.features(d["text"]), bool(d["flag"])) for d in ds] for _n, ds in sets
    ]
    books = example_drafts()
    book_groups: dict[str, Featured] = {
        b: [(w, False) for t in texts for w in windows(t)] for b, texts in books.items()
    }
    total = sum(len(t) for t in books.values())
    print(f"example drafts: {total}, stretches: {sum(map(len, book_groups.values()))}")
    hits = 0
    for book, texts in books.items():
        groups = featured + [g for b, g in book_groups.items() if b != book]
        model, threshold = fit_with_threshold(groups)
        n = sum(flagged(model, threshold, t) for t in texts)
        hits += n
        print(
            f"  held-out playbook {book}: {n}/{len(texts)} drafts flagged (threshold {threshold:.3f})"
        )
    print(f"examples flagged, each playbook held out: {hits}/{total}")

    model, threshold = fit_with_threshold(featured + list(book_groups.values()))
    fresh = [flagged(model, threshold, f"Hi Jo,\n\n{text}\n\nThanks,\nSam") for text in FRESH_CLEAN]
    print(f"fresh clean drafts flagged, trained on everything: {sum(fresh)}/{len(fresh)}")

    pooled = [0] * 6
    for k, (name, drafts) in enumerate(sets):
        if not name.startswith("blind-") or name.split("-")[1] not in SETS:
            continue
        groups = [g for j, g in enumerate(featured) if j != k] + list(book_groups.values())
        model, threshold = fit_with_threshold(groups)
        learned = [flagged(model, threshold, d["text"]) for d in drafts]
        then = rules_at(SETS[name.split("-")[1]][1], drafts)
        shaped = [bool(structures(d["text"])) for d in drafts]
        both = [a or b for a, b in zip(then, shaped, strict=True)]
        every = [a or b for a, b in zip(both, learned, strict=True)]
        row: list[int] = []
        for flags in (both, every, learned):
            row.append(sum(f for f, d in zip(flags, drafts, strict=True) if d["flag"]))
            row.append(sum(f for f, d in zip(flags, drafts, strict=True) if not d["flag"]))
        pos = sum(bool(d["flag"]) for d in drafts)
        pooled = [a + b for a, b in zip(pooled, row, strict=True)]
        print(
            f"  {name} ({len(drafts)}): rules then + structures {row[0]}/{pos}, {row[1]} false;"
            f" + learned {row[2]}/{pos}, {row[3]} false; learned alone {row[4]}/{pos}, {row[5]} false"
        )
    print(
        f"pooled: rules then + structures {pooled[0]} caught, {pooled[1]} false; + learned "
        f"{pooled[2]} caught, {pooled[3]} false; learned alone {pooled[4]}, {pooled[5]} false"
    )


if __name__ == "__main__":
    main()
