"""A customer who says cash is tight but still trades and orders is not treated as insolvent:
a payment plan they can keep, new orders paid with the order or within a limit, deliveries
already booked kept, a quiet check that they can pay, and finance with a commercial lead
deciding the plan. "They may not be able to pay at all" keeps the insolvency steps."""

from __future__ import annotations

from pathlib import Path

from test_plan_first_steps import first_three, rows
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.playbook import load_playbook

CASE = "contract-terms-dispute/cash-tight-still-ordering"
PLAYBOOKS = Path(__file__).resolve().parents[1] / "playbooks"


def test_tight_cash_gets_a_payment_plan_and_terms_for_new_orders_not_a_supply_stop(
    tmp_path, monkeypatch
):
    texts = drafts("contract-terms-dispute", example(CASE), tmp_path, monkeypatch, SATURDAY)
    first = " ".join(first_three(texts))
    # The terms for new orders change only if the call agrees no plan (a customer we keep,
    # still trading and talking, is not asked to prepay before anyone has spoken to them).
    assert (
        "If the call agrees no payment plan, or a date in it is missed, take new orders from "
        "Harbourside Kitchens Ltd paid on delivery"
    ) in first
    assert "keep delivering what is already booked" in first
    assert "Phone Dan Okafor" in first
    steps = " ".join(r["action"] for r in rows(texts))
    assert "Check quietly whether Harbourside Kitchens Ltd can pay" in steps
    for insolvency in ("insolvency advice", "clawed back", "held or delivered only against"):
        assert insolvency not in steps, insolvency
    assert "decided at level 2: commercial leads" in texts["plan.md"]


def test_may_not_pay_at_all_keeps_the_insolvency_steps(tmp_path, monkeypatch):
    answers = example(CASE)
    answers["red_flags"] = ["payment_withheld", "insolvency"]
    answers["insolvency_started"] = False
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    steps = " ".join(r["action"] for r in rows(texts))
    assert "take insolvency advice" in steps


def test_every_playbook_asks_the_two_apart():
    for path in sorted(PLAYBOOKS.glob("*.toml")):
        playbook = load_playbook(path)
        flags = next(q for s in playbook.stages for q in s.questions if q.id == "red_flags")
        labels = {o.value: o.label for o in flags.options}
        assert "still trading" in labels["cash_tight"], path.name
        assert labels["insolvency"].startswith("They may not be able to pay at all"), path.name
