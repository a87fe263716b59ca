"""Three faults a mediator found in the reset emails of the thirty-eighth blind round, by kind.

- The senior contact offered is the person signing: "Marco Bianchi will work with me as your
  senior contact", signed Marco Bianchi.
- An exit email that opens with the end date the manager typed ("on 31 March 2027") and then
  counts a second one from today under the notice clause ("the agreement ends on 6 March 2027");
  with our termination letter still to be checked by our lawyer, the notice is announced, not
  served.
- A concession still being worked out, offered to the side that owes us as "something towards
  what this has cost you".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_reader_needs import SATURDAY, drafts

EMAIL = "reset-email.eml"

SENIOR_SIGNS: dict[str, Any] = {
    "counterparty": "Fjordhavn Tannklinikk AS",
    "their_contact": "Dr Ingrid Solbakken",
    "our_company": "Nordlys Print & Post AS",
    "our_contact": "Henrik Aas",
    "what_happened": "A mail-merge fault in our print run of 1 December put 212 recall letters "
    "in the wrong envelopes. We stopped the run on 2 December and reprinted the rest.",
    "fault": "mostly_us",
    "strategic_value": "important",
    "worth_salvaging": "yes",
    "support_offer": ["senior_contact"],
    "senior_contact_name": "Henrik Aas",
}


@pytest.mark.parametrize(
    "signer",
    [{}, {"our_contact": "Henrik Aas, Managing Director"}, {"new_lead": "Henrik Aas"}],
    ids=["same name", "name with a title", "as the new lead"],
)
def test_the_senior_contact_who_signs_is_not_named_beside_themself(signer, tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown", SENIOR_SIGNS | signer, tmp_path, monkeypatch, SATURDAY
    )
    assert "Henrik" in texts[EMAIL]
    assert "will work with me as your senior contact" not in texts[EMAIL]


def test_a_different_senior_contact_is_still_named(tmp_path, monkeypatch):
    case = SENIOR_SIGNS | {"senior_contact_name": "Solveig Lunde (Operations Director)"}
    texts = drafts("client-communication-breakdown", case, tmp_path, monkeypatch, SATURDAY)
    assert "Solveig Lunde" in texts[EMAIL]
    assert "will work with me as your senior contact" in texts[EMAIL]


EXIT: dict[str, Any] = {
    "counterparty": "Lakeshore Lab Supplies Ltd",
    "their_contact": "Grace Achieng",
    "our_company": "Baltic Reagents OÜ",
    "our_contact": "Kadri Tamm",
    "what_happened": "Lakeshore began selling a rival's reagents to our customers in October. "
    "We have decided to end the distribution agreement.",
    "say_first": "We have decided to end our distribution agreement on 30 April 2027, with "
    "90 days' notice under clause 14.1, and we want the handover to be orderly for you.",
    "strategic_value": "important",
    "worth_salvaging": "no",
    "fault": "mostly_them",
    "money": "none",
    "clauses": [
        {
            "ref": "Clause 14.1",
            "says": "Either party may terminate on 90 days written notice",
            "our_reading": "Our way out",
        }
    ],
}


def test_an_exit_email_gives_one_end_date_the_one_typed(tmp_path, monkeypatch):
    texts = drafts("partner-dispute", EXIT, tmp_path, monkeypatch, SATURDAY)
    email = texts[EMAIL]
    assert "30 April 2027" in email
    # 90 days from Saturday 5 December is 5 March: no second date counted from today
    assert "March 2027" not in email


@pytest.mark.parametrize(
    "step",
    ["Lawyer reviews termination letter under 14.1", "Counsel checks the termination letter"],
)
def test_a_termination_letter_still_to_check_is_announced_not_served(step, tmp_path, monkeypatch):
    case = EXIT | {
        "agreed_actions": [{"what": step, "owner": "Kadri Tamm", "due": dt.date(2026, 12, 9)}]
    }
    texts = drafts("partner-dispute", case, tmp_path, monkeypatch, SATURDAY)
    email = texts[EMAIL]
    assert "formal notice under Clause 14.1" in email
    assert "will follow in writing by" in email
    assert "this is our notice" not in email


OWED: dict[str, Any] = {
    "counterparty": "Cerâmica Serra Azul Lda",
    "their_contact": "Rui Carvalho",
    "our_company": "Iberfix Adhesivos S.L.",
    "our_contact": "Marta Ruiz",
    "what_happened": "Since July they have paid our invoices at the old price and refuse the "
    "index adjustment in clause 6.4. Two meetings have not settled it.",
    "amount_at_stake": 64000,
    "annual_value": 410000,
    "currency": "EUR",
    "strategic_value": "important",
    "worth_salvaging": "yes",
    "fault": "both",
    "money": "they_owe",
    "direct_talks_failed": True,
    "our_ask": "agree the adjusted price and pay the difference since July",
    "our_offer": "accept 5% from 1 July instead of 7.2%, with the balance in three instalments",
    "agreed_actions": [
        {
            "what": "Finance recalculates the difference at 5% for the offer",
            "owner": "Marta Ruiz",
            "due": dt.date(2026, 12, 11),
        }
    ],
}


def test_a_concession_to_the_side_that_owes_us_is_not_compensation(tmp_path, monkeypatch):
    texts = drafts("contract-terms-dispute", OWED, tmp_path, monkeypatch, SATURDAY)
    email = texts[EMAIL]
    assert "towards what this has cost you" not in email
    assert "a proposal on the amount" in email


INCIDENT: dict[str, Any] = {
    "counterparty": "Alpenland Versicherung AG",
    "their_contact": "Mag. Katharina Huber",
    "our_company": "Donau Payroll Services GmbH",
    "our_contact": "Stefan Gruber",
    "what_happened": "We process payroll for Alpenland under a data processing agreement. A "
    "faulty export on 3 December sent 86 payslips to the wrong employees' inboxes. Their DPO "
    "wrote on 4 December asking for a written account by Tuesday 8 December.",
    "say_first": "On 3 December a faulty export in our payroll run sent 86 payslips to the wrong "
    "inboxes; we stopped the run at 11:20 the same day, no further payslips have gone out, and "
    "you will have the full facts your report needs.",
    "fault": "mostly_us",
    "strategic_value": "core",
    "worth_salvaging": "yes",
    "red_flags": ["data_breach", "regulator", "deadline"],
    "formal_from": "them",
    "notice_deadline": dt.date(2026, 12, 8),
    "deadline_kind": "letter",
    "agreed_actions": [
        {
            "what": "Written incident account to Mag. Huber",
            "owner": "Stefan Gruber",
            "due": dt.date(2026, 12, 8),
        }
    ],
}


def test_the_facts_typed_first_stay_when_the_report_is_promised_on_its_own_line(
    tmp_path, monkeypatch
):
    texts = drafts("client-communication-breakdown", INCIDENT, tmp_path, monkeypatch, SATURDAY)
    email = texts[EMAIL]
    assert "sent 86 payslips to the wrong inboxes" in email
    assert "we stopped the run at 11:20 the same day" in email
    assert email.count("8 December") == 1, email


def test_a_fact_that_only_mentions_reporting_is_kept(tmp_path, monkeypatch):
    case = INCIDENT | {
        "say_first": "On 3 December a reporting file of 86 payslips was sent to the wrong "
        "inboxes; we stopped the run at 11:20 the same day, and you will have the full facts "
        "your report needs."
    }
    texts = drafts("client-communication-breakdown", case, tmp_path, monkeypatch, SATURDAY)
    assert "a reporting file of 86 payslips was sent to the wrong inboxes" in texts[EMAIL]


@pytest.mark.parametrize(
    ("opening", "party"),
    [
        ("Small bakery customer says", "customer"),
        ("Long-standing catering client claims", "client"),
        ("Regional distributor insists", "distributor"),
    ],
)
def test_notes_that_open_by_describing_them_do_not_name_the_email(
    opening, party, tmp_path, monkeypatch
):
    case = {
        "counterparty": "Kovács Pékség Kft.",
        "what_happened": f"{opening} they reached the 2,000 kg volume for the Q3 rebate and "
        "want a HUF 184,000 credit. One 70 kg delivery on 12 September was booked to their "
        "sister shop.",
        "amount_at_stake": 184000,
        "currency": "HUF",
        "strategic_value": "marginal",
        "fault": "mostly_us",
        "money": "we_owe",
    }
    texts = drafts("contract-terms-dispute", case, tmp_path, monkeypatch, SATURDAY)
    assert party not in texts["subject"].lower()
    assert f"{party}." not in texts[EMAIL].lower()


DECIDED: dict[str, Any] = {
    "counterparty": "Caribbean Freight Forwarders Ltd",
    "their_contact": "Andrea Whyte",
    "our_company": "Blue Harbour Payroll Ltd",
    "our_contact": "Sharon Ebanks",
    "what_happened": "Our November release broke the bank export, and 140 of their staff were "
    "paid two days late. They say we breached the service agreement.",
    "fault": "mostly_us",
    "strategic_value": "core",
    "worth_salvaging": "yes",
    "alleged_breach": True,
    "money": "we_owe",
    "our_offer": "a credit of one month's fee (JMD 800,000) and the staff bank charges",
}


def test_money_already_decided_is_not_sent_back_to_the_meeting(tmp_path, monkeypatch):
    texts = drafts("client-communication-breakdown", DECIDED, tmp_path, monkeypatch, SATURDAY)
    assert "JMD 800,000" in texts[EMAIL]
    assert "Talk money separately" not in texts["plan.md"]
    assert "Say the money you have decided once, in the email" in texts["plan.md"]


def test_money_still_to_approve_waits_for_the_meeting(tmp_path, monkeypatch):
    case = DECIDED | {
        "agreed_actions": [
            {
                "what": "Finance director to approve the credit",
                "owner": "Sharon Ebanks",
                "due": dt.date(2026, 12, 10),
            }
        ]
    }
    texts = drafts("client-communication-breakdown", case, tmp_path, monkeypatch, SATURDAY)
    assert "Say the money you have decided" not in texts["plan.md"]


DUE: dict[str, Any] = {
    "counterparty": "Hostal Los Andes S.A.C.",
    "their_contact": "Sr. Julio Mamani",
    "our_company": "Lavandería Wari E.I.R.L.",
    "our_contact": "Rosa Quispe",
    "what_happened": "Since August they pay our laundry invoices later and later: three invoices "
    "unpaid, PEN 21,600. We lost some of their towels in October, and our owner told their "
    "manager in front of guests that the vans would stop.",
    "fault": "both",
    "strategic_value": "important",
    "worth_salvaging": "yes",
    "money": "both",
    "owed_basis": "due",
    "our_ask": "agree a plan to pay the PEN 21,600 in three monthly instalments from 15 January",
    "our_mistakes": [
        {"mistake": "we lost some of your towels in October", "fix": "signed counts at pickup"}
    ],
}


def test_money_that_is_due_is_asked_for_plainly_not_called_in_dispute(tmp_path, monkeypatch):
    texts = drafts("salvage-relationship", DUE, tmp_path, monkeypatch, SATURDAY)
    assert "in dispute" not in texts[EMAIL]
    assert "three monthly instalments from 15 January" in texts[EMAIL]
