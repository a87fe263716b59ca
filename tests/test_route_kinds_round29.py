"""Kinds of case the advice got wrong on disputes nobody had tuned on (round 29): a solicitors'
demand for money we are said to owe was told to "put right what we can", as if the claim were
about work, when what can be done before their date is to pay the part we accept and answer the
rest through our lawyer."""

from __future__ import annotations

from test_plan_first_steps import rows as tracker_rows
from test_reader_needs import SATURDAY, drafts


def _refund_demand() -> dict:
    return {
        "counterparty": "Kowalczyk Hurt Sp. z o.o.",
        "their_contact": "Agnieszka Nowak",
        "our_contact": "Tomasz Zielinski",
        "what_happened": "they say our volume rebate for Q3 was worked out on the wrong base and "
        "want PLN 212,000 back. Two calls between the account leads went nowhere. On 1 December "
        "their solicitors wrote: pay within 10 days or they issue proceedings.",
        "amount_at_stake": 212000,
        "annual_value": 2400000,
        "currency": "PLN",
        "worth_salvaging": "yes",
        "fault": "both",
        "emotions": "high",
        "trust_today": 2,
        "direct_talks_failed": True,
        "category": "commercial",
        "money": "we_owe",
        "red_flags": ["lawyers", "letter_of_claim", "notice_close"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "stake_vs_fee": "larger",
        "notice_deadline": "2026-12-11",
        "deadline_kind": "letter",
        "work_ongoing": True,
    }


def test_solicitors_demand_for_money_we_owe(tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown", _refund_demand(), tmp_path, monkeypatch, SATURDAY
    )
    plan = texts["plan.md"]
    why = plan.split("## What to do", 1)[1].split("\n\n", 3)[2]
    assert "pay whatever part of the sum we accept" in why, why
    assert "put right what we can" not in plan
    steps = " | ".join(row["action"] for row in tracker_rows(texts))
    assert "pay whatever part of the sum we accept we owe" in steps, steps
    # Said to be a breach too (a formal letter with a close date): still a sum to pay, not work.
    breach = _refund_demand() | {"alleged_breach": True}
    texts = drafts("client-communication-breakdown", breach, tmp_path, monkeypatch, SATURDAY)
    steps = " | ".join(row["action"] for row in tracker_rows(texts))
    assert "pay before it whatever part of the sum we accept we owe" in steps, steps
    assert "put right what we can" not in texts["plan.md"]
    # A notice to end the contract unless we perform still asks us to put the work right.
    cure = _refund_demand() | {
        "red_flags": ["lawyers", "letter_of_claim", "notice_close", "termination_notice"]
    }
    texts = drafts("client-communication-breakdown", cure, tmp_path, monkeypatch, SATURDAY)
    assert "put right what we can" in texts["plan.md"]
