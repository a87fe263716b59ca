"""An owner chasing money owed is not told to own what is ours or to call in a mediator next.

On two blind rounds running (a wine importer, a hotel group's laundry) an owner-run business
chasing overdue invoices from a loyal customer read "own plainly what is ours" (nothing was
ours) and "the next step is an independent mediator". The owner's call is about a plan to pay;
a missed date leads to a formal demand.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts

ALL = [
    "partner-dispute",
    "contract-terms-dispute",
    "client-communication-breakdown",
    "salvage-relationship",
]


def _owed(**changes) -> dict:
    return {
        "counterparty": "Pousada Serra Azul Ltda.",
        "their_contact": "Rafael Monteiro",
        "what_happened": "They have not paid our last three invoices for bakery supplies. "
        "He says the low season hit them hard and asks us to wait until January. They still "
        "order every day.",
        "amount_at_stake": 38000,
        "currency": "BRL",
        "money": "they_owe",
        "nobody_above": True,
        "red_flags": ["cash_tight"],
    } | changes


@pytest.mark.parametrize("playbook", ALL)
def test_an_owner_chasing_a_debt_agrees_a_plan_and_a_missed_date_means_a_demand(
    playbook, tmp_path, monkeypatch
):
    plan = drafts(playbook, _owed(), tmp_path, monkeypatch, SATURDAY)["plan.md"]
    first = plan.split("### Next three actions")[0]
    # Their cash is tight and the sum is more than a mediator would cost: the payment terms
    # change, which is a level-2 decision, and the owner is the one who makes it.
    assert "decided at level 2" in first
    assert "(you: you run the business, and nobody sits above you)" in first
    assert "own plainly what is ours" not in first
    assert "plan to pay" in first
    assert "formal demand is the next step" in first


@pytest.mark.parametrize("playbook", ALL)
def test_an_owner_whose_side_slipped_still_owns_it(playbook, tmp_path, monkeypatch):
    case = _owed(
        what_happened="We delivered the wrong flour twice and they stopped paying until it is "
        "sorted.",
        fault="mostly_us",
    )
    plan = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "formal demand is the next step" not in plan.split("### Next three actions")[0]
