"""Kind: contract notices and deadlines stated exactly.

A renewal date they may use is their right: it is never thanked for as a notice received, nor
answered "by then"; we ask them in writing to move it. A reply to a letter is promised before
the letter's date, never on it. An email that already carries our answer does not promise
"a full response" later.
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

GRAZ = "salvage-relationship--graz-cleaning-renewal-optout"


def test_a_threatened_renewal_notice_is_not_thanked_for_and_its_date_is_asked_to_move(
    tmp_path, monkeypatch
):
    email = render(GRAZ, tmp_path, monkeypatch)["email"]
    assert "Thank you for your notice" not in email, email
    assert "our answer by then" not in email and "you will have our answer" not in email, email
    assert "Monday 14 December 2026" in email, email
    assert "agree in writing to move it to 31 January 2027" in email, email


def test_a_claim_letters_date_is_still_answered_before_it(tmp_path, monkeypatch):
    # The same case with their written claim, not a renewal: our answer comes before the date.
    change = {
        "what_happened": "missed 3 night cleans in nov. 26/11 residue on a prep table. "
        "Katrin wrote on 1/12 claiming EUR 9,000 for the nights and asks for our answer",
        "minimum_outcome": None,
        "red_flags": ["letter_of_claim", "notice_close"],
    }
    email = render(GRAZ, tmp_path, monkeypatch, change)["email"]
    assert "move it to" not in email, email
    assert "14 December 2026" in email, email
    assert "by then" not in email, email
    assert "before then, by Thursday 10 December 2026" in email, email


def test_a_letter_from_their_lawyers_is_answered_before_its_date(tmp_path, monkeypatch):
    change = {
        "stake_vs_fee": "larger",
        "amount_at_stake": 310000,
        "notice_deadline": dt.date(2026, 12, 18),
        "deadline_kind": "letter",
    }
    email = render(
        "contract-terms-dispute--lyon-avocate-small-print-claim", tmp_path, monkeypatch, change
    )["email"]
    assert "18 December 2026, the date in" not in email, email
    assert "before the date in" in email and "(18 December 2026)" in email, email


def test_an_email_that_carries_our_offer_promises_no_later_full_response(tmp_path, monkeypatch):
    change = {
        "fault": "misunderstanding",
        "our_offer": "a credit note putting the missed nights back at no charge",
        "red_flags": ["letter_of_claim"],
        "notice_deadline": None,
        "our_mistakes": None,
    }
    email = render(GRAZ, tmp_path, monkeypatch, change)["email"]
    assert "We would also like to offer a credit note" in email, email
    assert "full response" not in email, email
