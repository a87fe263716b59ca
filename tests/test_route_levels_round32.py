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


# Who speaks for us when we failed an account that matters and its trust is gone.
ALL = ["salvage-relationship", "client-communication-breakdown", "partner-dispute"]


def _our_failure(**changes) -> dict:
    return {
        "counterparty": "Mercado Colonia S.A.",
        "their_contact": "Florencia Duarte",
        "our_contact": "Bruno Sosa",
        "what_happened": "We missed the launch we promised for their peak week, hid that our lead "
        "developer had left, and gave two dates we could not keep. Their checkout failed on the "
        "busiest day of their year.",
        "amount_at_stake": 30000,
        "annual_value": 90000,
        "currency": "USD",
        "strategic_value": "important",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "theirs",
    } | changes


def _level_of(playbook: str, case: dict, tmp_path, monkeypatch) -> tuple[int, str]:
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    return _level(texts), texts["plan.md"]


@pytest.mark.parametrize("playbook", ALL)
def test_our_failure_with_trust_gone_is_put_right_from_the_top(playbook, tmp_path, monkeypatch):
    level, plan = _level_of(playbook, _our_failure(), tmp_path, monkeypatch)
    assert level == 3, plan[:900]
    assert "come from the top" in plan
    # Trust shaken but not gone, tempers even: the senior sponsor can carry it.
    level, plan = _level_of(
        playbook, _our_failure(trust_today=3, emotions="tense"), tmp_path, monkeypatch
    )
    assert level < 3, plan[:900]
    # A marginal account does not take the chief executive's time.
    level, plan = _level_of(
        playbook, _our_failure(strategic_value="marginal"), tmp_path, monkeypatch
    )
    assert "come from the top" not in plan


def _owners_fell_out(**changes) -> dict:
    return {
        "counterparty": "Conservas Lameiro S.L.",
        "their_contact": "Xoán Lameiro",
        "our_contact": "Halla Gunnarsdóttir",
        "what_happened": "Our managing director and theirs, both owners, shouted at each other "
        "at a trade fair over next year's prices. Since then their quality claim on the last "
        "shipment has become a proxy fight, and they hold two invoices.",
        "amount_at_stake": 180000,
        "annual_value": 1500000,
        "currency": "EUR",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 2,
        "emotions": "high",
        "heat_source": "both",
        "heat_who": "top",
        "mediation_open": "proposed",
        "direct_talks_failed": True,
    } | changes


@pytest.mark.parametrize("playbook", ALL)
def test_when_the_two_leaders_fell_out_both_sit_at_the_table(playbook, tmp_path, monkeypatch):
    level, plan = _level_of(playbook, _owners_fell_out(), tmp_path, monkeypatch)
    assert level == 3, plan[:900]
    assert "needs both of them at the table" in plan
    # Heat from their side only, or no mediation on offer: this reason does not apply.
    for changes in ({"heat_source": "theirs"}, {"mediation_open": "no"}):
        _, plan = _level_of(playbook, _owners_fell_out(**changes), tmp_path, monkeypatch)
        assert "needs both of them at the table" not in plan, changes


def _our_slip(**changes) -> dict:
    """A system slip of ours, one of our managers rude on a call, a quick fix: trust gone."""
    return {
        "counterparty": "Kestrel Bookkeeping LLP",
        "their_contact": "Aoife Brennan",
        "our_contact": "Declan Moore",
        "what_happened": "Our billing migration dropped their referral codes, so their quarterly "
        "statement was short. On the call about it our manager accused her of inflating the "
        "list and hung up. They have paused all referrals.",
        "amount_at_stake": 12000,
        "annual_value": 150000,
        "currency": "EUR",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "ours",
        "heat_who": "manager",
        "repair_effort": "light",
    } | changes


@pytest.mark.parametrize("playbook", ALL)
def test_a_light_fix_after_our_managers_outburst_stays_below_the_top(
    playbook, tmp_path, monkeypatch
):
    # The fix is quick and the heat was one manager's: a more senior lead, an apology and the
    # money paid put it right; the chief executive is not needed.
    level, plan = _level_of(playbook, _our_slip(), tmp_path, monkeypatch)
    assert "come from the top" not in plan
    assert level == 2, plan[:900]
    # The same failure needing real work to repair: the apology comes from the top.
    level, plan = _level_of(playbook, _our_slip(repair_effort="moderate"), tmp_path, monkeypatch)
    assert "come from the top" in plan
    assert level == 3, plan[:900]
