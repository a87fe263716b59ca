"""A business that owes us money and may not pay: the plan protects us before it talks terms.

Checked on every built-in example where that holds, so a new example is held to it too.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case
from triage.engine.validate import examples_for


def _at_risk_examples() -> list[tuple[Path, Path]]:
    pairs = []
    for path in playbook_files(builtin_dir()):
        playbook = load_playbook(path)
        for example in examples_for(playbook):
            answers = read_answers(example, playbook).answers
            flags = answers.get("red_flags") or []
            if "insolvency" in flags and answers.get("money") in ("they_owe", "both"):
                pairs.append((path, example))
    return pairs


AT_RISK = _at_risk_examples()


def _rows(playbook_path: Path, example: Path) -> tuple[str, list[dict[str, str]]]:
    playbook = load_playbook(playbook_path)
    case = read_answers(example, playbook)
    evaluation = evaluate(playbook, case.answers)
    files = render_case(playbook, case, evaluation)
    rows = list(csv.DictReader(io.StringIO(files["actions.csv"].decode("utf-8-sig"))))
    return evaluation.route.recommended, rows


def test_there_are_at_risk_examples_on_more_than_the_legal_route() -> None:
    routes = {_rows(p, e)[0] for p, e in AT_RISK}
    assert len(AT_RISK) >= 3 and len(routes) >= 2, routes


@pytest.mark.parametrize(("playbook", "example"), AT_RISK, ids=lambda p: p.stem)
def test_new_credit_stops_and_the_insurer_hears_before_anyone_talks_terms(
    playbook: Path, example: Path
) -> None:
    answers = read_answers(example, load_playbook(playbook)).answers
    _, rows = _rows(playbook, example)
    whats = [row["action"] for row in rows]
    insurer = [r for r in rows if "credit insurer" in r["action"]]
    assert insurer, f"{example.name}: nobody tells the credit insurer"
    if answers.get("work_ongoing") is not False:
        stop = [
            r
            for r in rows
            if ("nothing more" in r["action"] and "on credit" in r["action"])
            or r["action"].startswith("Keep new supply")
        ]
        assert stop, f"{example.name}: new supply still goes out on credit:\n" + "\n".join(whats)
        talks = [r for r in rows if r["action"].startswith(("Send the reset email", "Hold the"))]
        assert all(stop[0]["due"] <= t["due"] for t in talks), (stop[0], talks)
        assert rows.index(stop[0]) < rows.index(talks[0]) if talks else True


@pytest.mark.parametrize(("playbook", "example"), AT_RISK, ids=lambda p: p.stem)
def test_goods_already_on_their_way_are_held_or_paid_for_first(
    playbook: Path, example: Path
) -> None:
    """A lorry already on the road to a customer who may not pay adds to the debt on arrival:
    the step that stops new credit also decides what happens to what is already on its way."""
    answers = read_answers(example, load_playbook(playbook)).answers
    if answers.get("work_ongoing") is False:
        pytest.skip("nothing is being supplied")
    _, rows = _rows(playbook, example)
    on_the_way = [r for r in rows if "already on its way to them" in r["action"]]
    assert on_the_way, f"{example.name}: nothing says what happens to goods on their way"
    assert "only against payment" in on_the_way[0]["action"]


@pytest.mark.parametrize(("playbook", "example"), AT_RISK, ids=lambda p: p.stem)
def test_insolvency_advice_comes_before_any_talk_when_much_or_soon_is_at_stake(
    playbook: Path, example: Path
) -> None:
    answers = read_answers(example, load_playbook(playbook)).answers
    urgent = answers.get("stake_vs_fee") == "larger" or "deadline" in answers["red_flags"]
    _, rows = _rows(playbook, example)
    advice = [r for r in rows if r["action"].startswith("Before agreeing any payment plan")]
    talks = [
        r
        for r in rows
        if r["action"].startswith(("Send the reset email", "Hold the", "Ask a senior colleague"))
    ]
    if not advice or not urgent or not talks:
        return
    assert advice[0]["due"] <= min(t["due"] for t in talks), (advice[0], talks)
