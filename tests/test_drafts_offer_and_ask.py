"""Kinds: the offer that is the point of the email, and one-sided asks in conciliatory emails.

What we offer them (`our_offer`, apart from our private minimum) is stated with its figure in
the email, in every version; an apology for what is mostly our fault carries no money ask at
all, even beside an offer (the money waits for the meeting); accepting their
proposal to mediate says yes plainly and leaves both positions for the mediation.
"""

from __future__ import annotations

from drafts_cases import render

CEBU = "partner-dispute--cebu-referral-commission-notes"
PORTO = "partner-dispute--porto-referral-wind-down-no-call"
BURSA = "contract-terms-dispute--bursa-yarn-surcharge-mediation"
DOHA = "client-communication-breakdown--doha-booking-engine-apology-ask"


def test_what_we_offer_is_stated_with_its_figure(tmp_path, monkeypatch):
    email = render(CEBU, tmp_path, monkeypatch)["email"]
    # Commission we owe: a commitment ("We will pay"), with its figure.
    assert "We will pay the Casa Mactan commission (PHP 135,000) this week" in email, email
    email = render(PORTO, tmp_path, monkeypatch)["email"]
    assert "commission on the two deals still open, paid as normal" in email, email
    # The offer is a question of its own: our minimum stays private when none is typed.
    email = render(CEBU, tmp_path, monkeypatch, {"our_offer": None})["email"]
    assert "Casa Mactan" not in email, email  # our minimum stays private
    assert "We would also like to offer" not in email, email


def test_an_apology_for_our_fault_leaves_our_money_for_the_meeting(tmp_path, monkeypatch):
    email = render(DOHA, tmp_path, monkeypatch)["email"]
    assert "We got this wrong" in email, email
    assert "release the held" not in email, email
    # Even beside an offer, the held fees are not asked for: an apology that ends in a money
    # ask reads as a trade. The offer stays, and the money is said to wait.
    offer = "a service credit of QAR 30,000 against the next invoice"
    email = render(DOHA, tmp_path, monkeypatch, {"our_offer": offer})["email"]
    assert "We would also like to offer a service credit of QAR 30,000" in email, email
    assert "release the held" not in email and "I would ask you" not in email, email
    assert "can wait until we have met" in email, email


def test_accepting_their_mediation_says_yes_and_keeps_our_position_for_it(tmp_path, monkeypatch):
    email = render(BURSA, tmp_path, monkeypatch)["email"]
    assert "Thank you for proposing mediation: I accept" in email, email
    assert "I suggest a without-prejudice conversation" not in email, email
    assert "before we pay the balance" not in email, email
    assert "I would ask you" not in email, email
    assert "to your side" not in email, email


def test_an_exit_with_claims_both_ways_does_not_ask_only_for_ours(tmp_path, monkeypatch):
    change = {
        "money": "both",
        "owed_basis": "due",
        "our_ask": "pay invoice FS-2209 (EUR 6,400)",
        "amount_at_stake": 9000,
    }
    email = render(PORTO, tmp_path, monkeypatch, change)["email"]
    assert "On the amounts each side claims, I would like one statement we can both check" in email
    assert "I would ask you to pay invoice FS-2209 (EUR 6,400)" in email, email


def test_a_reply_to_their_letter_promises_the_response_once(tmp_path, monkeypatch):
    change = {
        "red_flags": ["payment_withheld", "letter_of_claim"],
        "formal_from": "them",
        "response_hours": 8,
    }
    email = render(DOHA, tmp_path, monkeypatch, change)["email"]
    assert "Thank you for your letter" in email, email
    assert email.count("within 8 working hours") == 1, email
