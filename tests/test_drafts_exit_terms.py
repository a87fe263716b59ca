"""Kind: exit emails that ask to agree what is already settled, or trade what is already owed.

An ending whose date their notice or our offered notice already fixes states it instead of
asking to "agree a final date"; a one-person firm is not reassured about "your team"; a
referral arrangement, with nothing in progress, gets no "handover"; and work still owed under
the agreement is promised on its own, never offered as one side of a trade.
"""

from __future__ import annotations

from drafts_cases import render

BOOKKEEPER = "partner-dispute--bookkeeper-referral-tiny"
SCHOOL = "salvage-relationship--school-cleaning-notice-quick"
BANK = "salvage-relationship--bank-insourcing-final-sow"


def test_an_end_fixed_by_the_notice_we_offer_is_not_agreed_again(tmp_path, monkeypatch):
    email = render(BOOKKEEPER, tmp_path, monkeypatch)["email"]
    assert "agree a final date" not in email, email
    assert "close the referral agreement with 30 days notice" in email, email


def test_an_end_fixed_by_their_notice_is_stated(tmp_path, monkeypatch):
    email = render(SCHOOL, tmp_path, monkeypatch)["email"]
    assert "agree a final date" not in email, email
    assert "Your notice of 60 days sets the end date" in email, email


def test_a_one_person_firm_has_no_team_and_a_referral_deal_nothing_to_hand_over(
    tmp_path, monkeypatch
):
    email = render(BOOKKEEPER, tmp_path, monkeypatch)["email"]
    assert "not a judgement on you." in email, email
    assert "team" not in email and "handover" not in email, email
    # A firm with a team of its own is still reassured about it.
    change = {"counterparty": "Mokoena & Partners Bookkeeping"}
    email = render(BOOKKEEPER, tmp_path, monkeypatch, change)["email"]
    assert "not a judgement on you or your team" in email, email


def test_work_still_owed_is_promised_on_its_own_not_traded(tmp_path, monkeypatch):
    email = render(BANK, tmp_path, monkeypatch)["email"]
    assert "We will deliver both modules by January 15 as already agreed" in email, email
    assert "We would also like to offer" not in email and "and deliver both modules" not in email, (
        email
    )
