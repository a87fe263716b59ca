"""Who sits at the next table once talks have stalled (a mediator's reading of round 31).

Three or more real rounds that did not move a dispute worth more than a mediator's fee mean the people who met cannot settle it. The next step, a mediation
included, needs someone who can agree a settlement there: in the contract playbook that is the
directors' level. Fewer rounds, or a sum about the size of the fee, stay with the commercial
leads.
"""

from __future__ import annotations

import re

import pytest
from test_reader_needs import SATURDAY, drafts

PLAYBOOK = "contract-terms-dispute"


def _level(texts: dict[str, str]) -> int:
    found = re.search(r"decided at level (\d)", texts["plan.md"])
    assert found, texts["plan.md"][:600]
    return int(found.group(1))


CASES = {
    "rebate under a mediation clause, sparse": {
        "counterparty": "Envases del Pacífico, S.A. de C.V.",
        "their_contact": "Lic. Andrea Villarreal",
        "what_happened": "They claim the year's volume rebate under clause 7.2; we say returned "
        "pallets do not count towards the threshold. They now deduct it from our invoices.",
        "amount_at_stake": 1200000,
        "currency": "MXN",
        "money": "both",
        "direct_talks_failed": True,
        "dispute_clause": "mediation",
        "red_flags": ["payment_withheld"],
    },
    "service credits, courts clause, a fuller answer set": {
        "counterparty": "Nordhavn Logistik A/S",
        "their_contact": "Mette Kjær",
        "our_contact": "Graham Pike",
        "what_happened": "They withhold service credits they say the SLA gives them for the "
        "autumn outages; we read the exclusions in schedule 4 differently.",
        "amount_at_stake": 240000,
        "annual_value": 1600000,
        "currency": "DKK",
        "strategic_value": "important",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 3,
        "emotions": "tense",
        "heat_source": "theirs",
        "money": "they_owe",
        "stake_vs_fee": "larger",
        "mediation_open": "yes",
        "dispute_clause": "arbitration_courts",
        "direct_talks_failed": True,
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_three_failed_rounds_put_the_next_table_at_the_level_that_can_settle(
    name, tmp_path, monkeypatch
):
    case = CASES[name] | {"negotiation_rounds": 3}
    texts = drafts(PLAYBOOK, case, tmp_path, monkeypatch, SATURDAY)
    assert _level(texts) == 3, name
    assert "those who met cannot settle it" in texts["plan.md"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_failed_round_stays_with_the_commercial_leads(name, tmp_path, monkeypatch):
    case = CASES[name] | {"negotiation_rounds": 1}
    texts = drafts(PLAYBOOK, case, tmp_path, monkeypatch, SATURDAY)
    assert _level(texts) == 2, name
    assert "those who met cannot settle it" not in texts["plan.md"]


def test_a_sum_about_the_size_of_the_fee_does_not_climb_for_the_rounds(tmp_path, monkeypatch):
    case = CASES["service credits, courts clause, a fuller answer set"] | {
        "negotiation_rounds": 4,
        "amount_at_stake": 9000,
        "stake_vs_fee": "similar",
    }
    texts = drafts(PLAYBOOK, case, tmp_path, monkeypatch, SATURDAY)
    assert "those who met cannot settle it" not in texts["plan.md"]
    assert _level(texts) <= 2
