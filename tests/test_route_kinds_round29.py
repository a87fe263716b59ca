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


def _decided(texts: dict[str, str]) -> str:
    return texts["plan.md"].split("## What to do", 1)[1].split("\n\n", 2)[1]


def _regulator_clock() -> dict:
    return {
        "counterparty": "Sunwoo Medical Co., Ltd.",
        "their_contact": "Kim Min-jun",
        "our_contact": "Claire Dubois",
        "what_happened": "Their reagent changed supplier without the notice the agreement asks for. "
        "Clinics saw invalid results; we quarantined three lots. They accept the change but have "
        "not sent the verification data we need for our report to the regulator.",
        "amount_at_stake": 140000,
        "annual_value": 1200000,
        "currency": "CAD",
        "worth_salvaging": "yes",
        "strategic_value": "core",
        "fault": "mostly_them",
        "trust_today": 3,
        "emotions": "tense",
        "category": "compliance",
        "alleged_breach": True,
        "direct_talks_failed": False,
        "red_flags": ["regulator", "deadline", "notice_close"],
        "formal_from": "us",
        "money": "they_owe",
        "owed_basis": "claim",
        "stake_vs_fee": "larger",
        "dispute_clause": "escalation",
        "senior_talks_done": False,
        "notice_deadline": "2026-12-18",
        "deadline_kind": "statute",
        "mediation_open": "yes",
        "work_ongoing": True,
    }


def test_a_regulator_clock_with_talks_still_going_is_not_a_mediation(tmp_path, monkeypatch):
    # They would welcome mediation, but nobody has tried to settle it directly and failed, and
    # nothing is claimed against us: the people who can decide talk first.
    texts = drafts("partner-dispute", _regulator_clock(), tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Negotiate"), _decided(texts)
    # Once direct talks have failed, a mediator they would welcome is proportionate.
    failed = _regulator_clock() | {"direct_talks_failed": True}
    texts = drafts("partner-dispute", failed, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Bring in a mediator"), _decided(texts)
    # And when they have proposed it themselves, it is accepted in principle.
    proposed = _regulator_clock() | {"mediation_open": "proposed"}
    texts = drafts("partner-dispute", proposed, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Bring in a mediator"), _decided(texts)


def _small_formal_claim() -> dict:
    return {
        "counterparty": "Thanh Cong Retail JSC",
        "their_contact": "Nguyen Thi Lan",
        "our_contact": "Mark Ellison",
        "what_happened": "Their system raised a debit note for late delivery on two orders; the "
        "delay came from the zip supplier they nominated. Their vendor manual treats it as "
        "accepted unless we dispute it in writing by 10 December. The buyer says she will review.",
        "amount_at_stake": 1150000000,
        "annual_value": 52000000000,
        "currency": "VND",
        "worth_salvaging": "yes",
        "strategic_value": "core",
        "fault": "both",
        "trust_today": 4,
        "emotions": "calm",
        "category": "commercial",
        "alleged_breach": True,
        "direct_talks_failed": False,
        "red_flags": ["payment_withheld", "notice_close", "letter_of_claim"],
        "formal_from": "both",
        "money": "we_owe",
        "stake_vs_fee": "larger",
        "notice_deadline": "2026-12-10",
        "deadline_kind": "contract",
        "work_ongoing": True,
    }


def test_a_formal_claim_worth_a_few_percent_of_the_account_stays_with_the_commercial_leads(
    tmp_path, monkeypatch
):
    texts = drafts("contract-terms-dispute", _small_formal_claim(), tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Negotiate directly**, decided at level 2"), _decided(texts)
    # The email to a calm buyer does not wait for a lawyer's reading (which would push it past
    # the times offered); our legal or finance lead checks where we stand.
    steps = [row["action"] for row in tracker_rows(texts)]
    send = next(s for s in steps if s.startswith("Send the reset email"))
    assert "lawyer" not in send, send
    assert any(s.startswith("Check with our legal or finance lead") for s in steps), steps
    # The same claim at half the account's yearly value is signed off at the top.
    large = _small_formal_claim() | {"amount_at_stake": 26000000000}
    texts = drafts("contract-terms-dispute", large, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Negotiate directly**, decided at level 3"), _decided(texts)


def _variation_claim() -> dict:
    return {
        "counterparty": "Vestfjord Marine AS",
        "their_contact": "Ingrid Solberg",
        "our_contact": "Piotr Nowicki",
        "our_company": "Baltic Cable Works Sp. z o.o.",
        "what_happened": "A late design revision doubled our cable runs. We priced it as a "
        "variation; they say it is design development inside the fixed price. Two meetings "
        "ended with both sides restating their positions. We served notice under the dispute "
        "clause, which asks for mediation within 30 days.",
        "amount_at_stake": 900000,
        "annual_value": 12000000,
        "currency": "PLN",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 3,
        "emotions": "tense",
        "category": "commercial",
        "direct_talks_failed": True,
        "red_flags": ["payment_withheld", "letter_of_claim"],
        "formal_from": "us",
        "money": "they_owe",
        "owed_basis": "claim",
        "stake_vs_fee": "larger",
        "dispute_clause": "mediation",
        "notice_deadline": "2026-12-24",
        "deadline_kind": "contract",
        "mediation_open": "yes",
        "lawyer_consulted": True,
        "clauses": [
            {"ref": "Clause 7.4", "says": "The fixed price includes design development"},
            {"ref": "Clause 9", "says": "Changes to the scope are priced at the schedule rates"},
            {"ref": "Clause 21", "says": "Disputes go to mediation within 30 days of notice"},
        ],
        "our_offer": "PLN 900,000, with our timesheets open to your surveyor",
        "proposed_times": [
            {"date": "2026-12-16", "time": "09:30"},
            {"date": "2026-12-17", "time": "09:30"},
        ],
        "meeting_minutes": 240,
        "meeting_format": "in_person",
        "work_ongoing": True,
    }


def test_our_own_notice_under_a_mediation_clause_leads_to_the_mediation_it_starts(
    tmp_path, monkeypatch
):
    texts = drafts("contract-terms-dispute", _variation_claim(), tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Bring in a mediator"), _decided(texts)
    # A pricing claim of ours is not a claim passed along a chain of contracts.
    assert "chain of contracts" not in texts["plan.md"]
    assert "examination of the cause" not in texts["plan.md"]
    # The half-day dates typed are for the mediation itself, before the contract's date.
    proposal = texts["mediation-proposal.md"]
    assert "The mediation itself could then take place on one of these dates" in proposal
    assert "within three weeks" not in proposal
    assert "within three weeks" not in texts["meeting-invitation.md"]
    # With a short meeting typed, the mediation is dated later, but before the clause's date.
    short = _variation_claim() | {"meeting_minutes": 60}
    texts = drafts("contract-terms-dispute", short, tmp_path, monkeypatch, SATURDAY)
    assert (
        "before Thursday 24 December 2026, the date our contract sets for it"
        in (texts["mediation-proposal.md"])
    )


def test_a_cure_notice_over_a_fault_mostly_theirs_is_answered_not_put_right(tmp_path, monkeypatch):
    theirs = _refund_demand() | {
        "money": "none",
        "category": "operational",
        "fault": "mostly_them",
        "alleged_breach": True,
        "red_flags": ["lawyers", "letter_of_claim", "notice_close", "termination_notice"],
    }
    texts = drafts("client-communication-breakdown", theirs, tmp_path, monkeypatch, SATURDAY)
    steps = " | ".join(row["action"] for row in tracker_rows(texts))
    assert "the fault is mostly theirs, so there is little of ours to put right" in steps, steps
    assert "put right what we can before it" not in steps
