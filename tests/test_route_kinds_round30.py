"""Levels a mediator set differently on round 30, written blind: the contract's senior meeting
over a real share of a core account's year is held by people who can settle it there; a core
account we let down, which threatens to leave and trusts us least, hears from the top; and a
planned exit from a partner that matters, with no money to recover and no lawyers or threats,
is the executive sponsors' decision without a lawyer-led level above it."""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts


def _decided(texts: dict[str, str]) -> str:
    return texts["plan.md"].split("## What to do", 1)[1].split("\n\n", 2)[1]


def _outage_credit(**changes) -> dict:
    return {
        "counterparty": "Nordbank Processing AB",
        "their_contact": "Elin Sandberg",
        "our_contact": "Nikos Papadakis",
        "what_happened": "Our maintenance ran outside the agreed window and their payment service "
        "was down for four hours. We offered the SLA credit; they want more and have started a "
        "tender. Two calls between the service managers went nowhere.",
        "amount_at_stake": 430000,
        "annual_value": 2950000,
        "currency": "SEK",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "theirs",
        "direct_talks_failed": True,
        "red_flags": ["threats", "deadline"],
        "money": "we_owe",
        "dispute_clause": "escalation",
        "senior_talks_done": False,
    } | changes


def test_the_contracts_senior_meeting_over_a_real_share_of_a_core_account_is_held_at_the_top(
    tmp_path, monkeypatch
):
    texts = drafts("salvage-relationship", _outage_credit(), tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 3" in _decided(texts), _decided(texts)
    # A sum that is a small part of the year stays with a director and their decision-maker.
    small = _outage_credit(amount_at_stake=90000)
    texts = drafts("salvage-relationship", small, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 2" in _decided(texts), _decided(texts)


def _our_failure(**changes) -> dict:
    return {
        "counterparty": "Liffey Fresh Foods Ltd",
        "their_contact": "Aoife Brennan",
        "our_contact": "Conor Walsh",
        "what_happened": "Two temperature excursions in our cold store spoiled their stock, and "
        "our replies were slow. Their director has written to our MD and opened their supplier "
        "complaint procedure; they hint the contract will not be renewed.",
        "amount_at_stake": 86000,
        "annual_value": 1100000,
        "currency": "EUR",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "theirs",
        "direct_talks_failed": False,
        "red_flags": ["threats", "payment_withheld"],
        "money": "we_owe",
    } | changes


def test_a_core_account_we_let_down_that_threatens_to_leave_hears_from_the_top(
    tmp_path, monkeypatch
):
    texts = drafts(
        "client-communication-breakdown", _our_failure(), tmp_path, monkeypatch, SATURDAY
    )
    assert "decided at level 3" in _decided(texts), _decided(texts)
    # With some trust left, the senior sponsors repair it.
    calmer = _our_failure(trust_today=3, emotions="tense")
    texts = drafts("client-communication-breakdown", calmer, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 2" in _decided(texts), _decided(texts)


def _jv_exit(**changes) -> dict:
    return {
        "counterparty": "Agrícola Valle Sur S.A.C.",
        "their_contact": "Rosa Quispe",
        "our_contact": "Johan Berg",
        "what_happened": "Our joint-venture partner has changed strategy and wants out. The "
        "agreement gives a buy-out window; the two valuations are USD 1.4m apart.",
        "amount_at_stake": 1400000,
        "annual_value": 5200000,
        "currency": "USD",
        "strategic_value": "core",
        "worth_salvaging": "no",
        "fault": "misunderstanding",
        "trust_today": 4,
        "emotions": "calm",
        "direct_talks_failed": False,
        "red_flags": ["deadline"],
        "money": "none",
        "notice_deadline": "2027-01-29",
        "decisions_needed": ["exit", "budget", "amendment"],
    } | changes


def test_a_planned_exit_with_no_claim_or_lawyers_is_the_executive_sponsors_decision(
    tmp_path, monkeypatch
):
    texts = drafts("partner-dispute", _jv_exit(), tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 3" in _decided(texts), _decided(texts)
    # Money to recover, or lawyers in the air, bring legal advice to the same people: level 4.
    lawyers = _jv_exit(red_flags=["deadline", "lawyers"])
    texts = drafts("partner-dispute", lawyers, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 4" in _decided(texts), _decided(texts)
