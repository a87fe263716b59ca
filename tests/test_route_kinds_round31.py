"""Routes and levels a mediator set differently on round 31, written blind.

- A claim from their lawyers is not sent to mediation while the contract's own next step, a
  meeting of senior people, has not been held: our lawyer answers and proposes that meeting.
- Claims both ways that have failed in talks, under a contract that sends disputes to mediation
  next, go to mediation; a line-by-line reconciliation was for claims nobody has argued yet.
- Their lawyers claiming a real share of a partnership's year is for the executive sponsors with
  legal advice (the partner playbook's top level); a small claim stays below it.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts


def _decided(texts: dict[str, str]) -> str:
    return texts["plan.md"].split("## What to do", 1)[1].split("\n\n", 2)[1]


def _claim_before_the_ladder(**changes) -> dict:
    return {
        "counterparty": "Kastanje Zorggroep",
        "their_contact": "Dr. Joost Verbeke",
        "our_contact": "Ilse Maes",
        "what_happened": "Our scheduling system went live eight weeks late. Their lawyers sent a "
        "notice of breach giving us fifteen days to cure and reserving damages; they hold our "
        "milestone invoice. Two project calls since have gone nowhere.",
        "amount_at_stake": 300000,
        "annual_value": 500000,
        "currency": "EUR",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "theirs",
        "direct_talks_failed": True,
        "work_ongoing": True,
        "red_flags": ["lawyers", "letter_of_claim", "payment_withheld"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "money": "both",
        "stake_vs_fee": "larger",
        "mediation_open": "maybe",
        "dispute_clause": "escalation",
        "senior_talks_done": False,
        "clauses": [
            {
                "ref": "Clause 21",
                "says": "Disputes go to the project board, then to a meeting of the chief "
                "executives within ten days, then to the courts",
            }
        ],
    } | changes


@pytest.mark.parametrize(
    "playbook", ["contract-terms-dispute", "salvage-relationship", "partner-dispute"]
)
def test_their_lawyers_claim_is_answered_with_the_contracts_senior_meeting_not_a_mediator(
    playbook, tmp_path, monkeypatch
):
    texts = drafts(playbook, _claim_before_the_ladder(), tmp_path, monkeypatch, SATURDAY)
    assert "**Take legal advice**" in _decided(texts), _decided(texts)
    tracker = texts["actions.csv"]
    assert "propose the meeting of senior people that the contract's dispute clause" in tracker
    assert "(clause 21)" in tracker.lower(), tracker
    assert "mediation-proposal.md" not in texts
    # Once that meeting has been held and failed, mediation is the ladder's next step.
    held = _claim_before_the_ladder(senior_talks_done=True)
    texts = drafts(playbook, held, tmp_path, monkeypatch, SATURDAY)
    assert "**Bring in a mediator**" in _decided(texts), _decided(texts)
    assert "propose the meeting of senior people" not in texts["actions.csv"]


def _rebate(**changes) -> dict:
    # Answered sparsely, as a hurried manager does: no fault, value or trust given.
    return {
        "counterparty": "Plásticos del Bajío, S.A. de C.V.",
        "their_contact": "Ing. Mariana Lozano",
        "what_happened": "They claim the year's volume rebate under clause 9; we say returned "
        "tonnage does not count towards the threshold. Three meetings, the last with their "
        "finance director, got nowhere, and they now deduct the rebate from our invoices.",
        "amount_at_stake": 900000,
        "currency": "MXN",
        "money": "both",
        "direct_talks_failed": True,
        "dispute_clause": "mediation",
        "red_flags": ["payment_withheld"],
    } | changes


@pytest.mark.parametrize(
    "playbook", ["contract-terms-dispute", "client-communication-breakdown", "partner-dispute"]
)
def test_claims_both_ways_that_failed_in_talks_go_to_the_mediation_the_contract_names(
    playbook, tmp_path, monkeypatch
):
    texts = drafts(playbook, _rebate(), tmp_path, monkeypatch, SATURDAY)
    assert "**Bring in a mediator**" in _decided(texts), _decided(texts)
    assert "one statement" not in _decided(texts)
    # Claims both ways not yet argued out are still put side by side first.
    fresh = _rebate(direct_talks_failed=False)
    texts = drafts(playbook, fresh, tmp_path, monkeypatch, SATURDAY)
    assert "one statement" in texts["plan.md"].split("### Next three actions", 1)[0]


def _commission_claim(**changes) -> dict:
    return {
        "counterparty": "Saigon Channel Partners JSC",
        "their_contact": "Nguyen Thi Lan",
        "our_contact": "Mark Ellison",
        "what_happened": "Their lawyers demand unpaid referral commission for deals our sales team "
        "closed directly with customers they had registered. Our view is that most registrations "
        "had lapsed. The partner managers met twice without result.",
        "amount_at_stake": 200000,
        "annual_value": 640000,
        "currency": "USD",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "theirs",
        "direct_talks_failed": True,
        "red_flags": ["lawyers", "letter_of_claim"],
        "lawyers_side": "both",
        "formal_from": "them",
        "money": "we_owe",
        "dispute_clause": "mediation",
        "mediation_open": "maybe",
    } | changes


def test_their_lawyers_claiming_a_real_share_of_a_partnership_is_for_sponsors_with_counsel(
    tmp_path, monkeypatch
):
    texts = drafts("partner-dispute", _commission_claim(), tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 4" in _decided(texts), _decided(texts)
    small = _commission_claim(amount_at_stake=30000)
    texts = drafts("partner-dispute", small, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 4" not in _decided(texts), _decided(texts)


def test_a_data_breach_answered_through_lawyers_is_not_sent_up_the_contracts_dispute_ladder(
    tmp_path, monkeypatch
):
    # The reply to a statutory breach report is a factual one, not a step in a dispute: no
    # meeting of senior people under the dispute clause is proposed in it.
    breach = _claim_before_the_ladder(
        what_happened="Payslip files for their staff were reachable through a shared link on our "
        "platform for a day. Their lawyers have written; their report to the regulator is due on "
        "Monday and they want our full incident report first.",
        red_flags=["lawyers", "letter_of_claim", "data_breach", "regulator"],
        breach_where="ours",
        fault="mostly_us",
    )
    texts = drafts("client-communication-breakdown", breach, tmp_path, monkeypatch, SATURDAY)
    assert "**Take legal advice**" in _decided(texts), _decided(texts)
    assert "propose the meeting of senior people" not in texts["actions.csv"]
