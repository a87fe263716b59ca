"""What the recipient of round 29's drafts noticed first: a Korean contact greeted by their
family name alone ("Dear Kim,"), a Hungarian one by title and given name ("Dear Dr.
Krisztina,"), and a meeting offered on "UK time" from Colombo and on "our
time in the US" from Cebu, guessed from "Ltd" and "Inc." though the email addresses said
otherwise."""

from __future__ import annotations

import re

import pytest
from test_plan_first_steps import rows as tracker_rows
from test_reader_needs import SATURDAY, drafts

from triage.engine.filters.greeting import first_name


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Kim Min-jun", "Kim Min-jun"),
        ("Park Ji-won", "Park Ji-won"),
        ("Choi Seunghoon", "Choi Seunghoon"),
        ("Ms Kim Min-jun", "Ms Kim"),
        ("Tan Wei Ling", "Wei Ling"),
        ("Priya Shah", "Priya"),
        ("Jana Kim", "Jana"),
        # Hungarian names put the family name first too: "Dr. Szabó Krisztina" is Dr. Szabó.
        ("Dr. Szabó Krisztina", "Dr. Szabó"),
        ("Nagy László", "László"),
        ("Peter Nagy", "Peter"),
    ],
)
def test_a_name_written_family_name_first_is_greeted_by_the_right_part(name, greeting):
    assert first_name(name) == greeting


def _meeting(**changes) -> dict:
    return {
        "counterparty": "Whitcombe Freight Group Pty Ltd",
        "their_contact": "Megan O'Donoghue",
        "their_email": "megan.odonoghue@whitcombe.com.au",
        "our_company": "Ceylon Ledger Services (Pvt) Ltd",
        "our_contact": "Dilani Perera",
        "our_email": "dilani@ceylonledger.lk",
        "what_happened": "Our month-end close for them slipped three months running after a "
        "handover we did not announce.",
        "currency": "LKR",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 3,
        "emotions": "tense",
        "proposed_times": [
            {"date": "2026-12-09", "time": "08:30"},
            {"date": "2026-12-10", "time": "08:30"},
        ],
        "their_hours_ahead": 5.5,
        "meeting_format": "video",
    } | changes


_SLOT = re.compile(r"^- \w+day \d+ \w+ 2026 at \d\d:\d\d(.*)$", re.M)


def test_whose_clock_comes_from_the_address_not_a_guess_from_the_legal_form(tmp_path, monkeypatch):
    texts = drafts("salvage-relationship", _meeting(), tmp_path, monkeypatch, SATURDAY)
    slots = _SLOT.findall(texts["meeting-invitation.md"])
    assert slots and all(s.startswith(" our time (") for s in slots), slots
    # With no address, "Ltd" is taken as a British company only when the deal is in pounds
    # (or in the other side's currency): in rupees it says nothing it cannot know.
    bare = _meeting(our_email="", their_email="")
    texts = drafts("salvage-relationship", bare, tmp_path, monkeypatch, SATURDAY)
    slots = _SLOT.findall(texts["meeting-invitation.md"])
    assert slots and not any("UK time" in s for s in slots), slots
    british = _meeting(
        our_email="",
        their_email="",
        our_company="Harbour Ledger Ltd",
        counterparty="Kessler Logistik GmbH",
        currency="EUR",
    )
    texts = drafts("salvage-relationship", british, tmp_path, monkeypatch, SATURDAY)
    slots = _SLOT.findall(texts["meeting-invitation.md"])
    assert slots and all(s.startswith(" UK time") for s in slots), slots


# Offers typed as instructions: the sentence never has us pay what they owe us.


def test_an_offer_typed_as_their_act_is_proposed_to_them():
    from triage.engine.filters.offers import offer_said

    said = offer_said(
        "Pay the undisputed CLP 58,850,000 now; we agree the index in a joint review by "
        "15 January and credit or invoice the difference",
        True,
    )
    assert said.startswith(
        "I propose that you pay the undisputed CLP 58,850,000 now, and that we agree"
    )
    said = offer_said("withdraw DN-2611-044; we will absorb the airfreight for the 600 pieces")
    assert said == (
        "I propose that you withdraw DN-2611-044, and we will absorb the airfreight for the 600 "
        "pieces."
    )
    # Our own payment, typed as a note, stays ours; a figure owed to us is what we propose.
    assert offer_said("pay the stock value through our insurer").startswith("I propose that we pay")
    assert offer_said("PLN 1,240,000, with our timesheets open to your surveyor", True).startswith(
        "What we propose: PLN 1,240,000"
    )


def _supplier_change(**changes) -> dict:
    return {
        "counterparty": "Sunwoo Medical Co., Ltd.",
        "their_contact": "Kim Min-jun",
        "our_contact": "Claire Dubois",
        "what_happened": "Their reagent changed supplier without the notice the agreement asks "
        "for; clinics saw invalid results and we quarantined three lots.",
        "amount_at_stake": 140000,
        "annual_value": 1200000,
        "currency": "CAD",
        "worth_salvaging": "yes",
        "fault": "mostly_them",
        "trust_today": 3,
        "emotions": "tense",
        "category": "compliance",
        "direct_talks_failed": False,
        "red_flags": ["regulator", "deadline", "notice_close"],
        "formal_from": "us",
        "money": "they_owe",
        "owed_basis": "claim",
        "clauses": [
            {"ref": "Supply Agreement 8.4", "says": "Written notice 90 days before any change"},
            {"ref": "Supply Agreement 12", "says": "The manufacturer bears the costs of recalls"},
        ],
        "notice_deadline": "2026-12-18",
        "deadline_kind": "statute",
        "work_ongoing": True,
    } | changes


def test_a_report_the_law_asks_of_us_is_ours_on_time_not_a_notice_to_them(tmp_path, monkeypatch):
    texts = drafts("partner-dispute", _supplier_change(), tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "We have a legal duty to report this by Friday 18 December 2026" in email
    assert "the contract asks for it" not in email and "It is a formality" not in email
    # The sum is due under the clause that says who bears the cost, not the notice clause.
    assert "due under Supply Agreement 12." in email
    assert "under Supply Agreement 8.4" not in email
    steps = [row["action"] for row in tracker_rows(texts)]
    assert any(s.startswith("Make our report to the regulator by 17 December 2026") for s in steps)


def test_an_offer_that_is_the_sum_claimed_is_not_said_twice_and_the_email_fits(
    tmp_path, monkeypatch
):
    from test_route_kinds_round29 import _variation_claim

    texts = drafts("contract-terms-dispute", _variation_claim(), tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "We would also like to offer PLN 900,000" not in email
    assert "What we propose: PLN 900,000" not in email
    # The sum is due under the clause that prices changes, not their fixed-price clause.
    assert "due under Clause 9" in email and "under Clause 7.4" not in email
    body = email.split("\r\n\r\n", 1)[1]
    assert len(body.split()) <= 200, len(body.split())


def test_a_typed_step_that_gives_them_something_is_shared_and_in_the_summary(tmp_path, monkeypatch):
    answers = _meeting(
        agreed_actions=[
            {
                "what": "Send Megan the incident report on the late closes",
                "owner": "Dilani Perera",
                "due": "2026-12-16",
            },
            {
                "what": "Brief our CEO before the call",
                "owner": "Dilani Perera",
                "due": "2026-12-08",
            },
        ]
    )
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    audience = {row["action"]: row["audience"] for row in tracker_rows(texts)}
    assert audience["Send Megan the incident report on the late closes"] == "shared"
    assert audience["Brief our CEO before the call"] == "internal"
    summary = texts["follow-up-summary.md"]
    assert "the incident report on the late closes" in summary
    assert "Brief our CEO" not in summary


def test_their_senior_already_copied_is_not_asked_for_again_by_another_name(tmp_path, monkeypatch):
    answers = _meeting(
        what_happened="Their MD, Mr Obi, has asked for a statement of the open invoices.",
        their_escalation_owner="Chukwuemeka Obi, Managing Director",
        their_escalation_email="c.obi@whitcombe.com.au",
        trust_today=2,
        fault="both",
        direct_talks_failed=True,
        emotions="high",
        money="they_owe",
        amount_at_stake=40000,
        annual_value=300000,
        stake_vs_fee="larger",
    )
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "decided at level 2" in texts["plan.md"] or "decided at level 3" in texts["plan.md"]
    assert "Mr Obi" not in texts["copy"] and "[Cc:" not in email
    # Someone the notes name who is not copied yet still gets the reminder.
    other = answers | {"what_happened": "Their MD, Mr Dlamini, has asked for a statement."}
    texts = drafts("partner-dispute", other, tmp_path, monkeypatch, SATURDAY)
    assert "Mr Dlamini" in texts["copy"] and "[Cc:" not in texts["reset-email.eml"]
