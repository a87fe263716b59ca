"""Kinds: typed notes pasted into the email, the same terms said twice, a deferred ask.

What the manager typed reaches the other side only as a whole sentence in the signer's voice:
a reading with no subject is left out, their request is said with the right person paying and
in ordinary case and figures, an offer that is a clause is proposed rather than pasted after a
label, a note to ourselves ("mobile number in the email") becomes a placeholder the user is
told about. Figures the ask states are not offered again, one currency style runs through the
email, and money the email says can wait is not asked for now.
"""

from __future__ import annotations

import re

from drafts_cases import render

from triage.engine.addresses import missing_addresses

MALT = "contract-terms-dispute--malt-arrears-craft-brewery"
CANAPE = "contract-terms-dispute--canape-headcount-mixup"
BOOKKEEPER = "partner-dispute--bookkeeper-referral-tiny"
JOINERY = "salvage-relationship--joinery-pm-court-threat"
HOTEL = "client-communication-breakdown--hotel-linen-missed-drops"


def test_a_reading_with_no_subject_is_not_pasted_after_as_we_read_it(tmp_path, monkeypatch):
    email = render(MALT, tmp_path, monkeypatch)["email"]
    assert "As we read it, paid in" not in email, email
    # A reading that says whose obligation it is still answers theirs.
    clauses = [
        {
            "ref": "Rahmenvertrag §6.3",
            "says": "2% volume rebate if > 400t in calendar year",
            "our_reading": "the rebate is only earned once 400t is reached",
            "their_reading": "it's basically earned, so deduct it now",
        }
    ]
    email = render(MALT, tmp_path, monkeypatch, {"clauses": clauses})["email"]
    assert "As we read it, the rebate is only earned once 400t is reached." in email, email


def test_their_request_names_who_pays_in_plain_case_and_figures(tmp_path, monkeypatch):
    email = render(MALT, tmp_path, monkeypatch)["email"]
    assert "You asked to pay in instalments and deduct the 2% volume rebate" in email, email
    assert "asked us to pay" not in email and " AND " not in email, email
    assert "4.100" not in email and "~" not in email, email
    assert "about EUR 4,100" in email, email
    # Our proposal is in the email: it is the reply, so no further reply is promised.
    assert "you will have a full reply" not in email, email


def test_the_offer_does_not_repeat_the_figures_the_ask_states(tmp_path, monkeypatch):
    email = render(MALT, tmp_path, monkeypatch)["email"]
    assert email.count("8,000") == 1 and email.count("6,080") == 1, email
    assert "€" not in email, email  # one style: the code, as the ask writes it
    assert "We would also like to offer EUR 8,000" not in email, email
    assert "I propose that we credit the rebate in January" in email, email
    email = render(CANAPE, tmp_path, monkeypatch)["email"]
    assert email.count("760") == 1, email
    assert "I propose that we split the extra 40 guests 50/50." in email, email
    assert "We would also like to offer we" not in email, email


def test_an_offer_typed_as_a_clause_is_proposed_in_one_currency_style(tmp_path, monkeypatch):
    email = render(BOOKKEEPER, tmp_path, monkeypatch)["email"]
    assert "We would also like to offer we pay" not in email, email
    assert "I propose that we pay the " in email and "as a one-off goodwill settlement" in email
    # One currency style: never "ZAR 3,400" beside "R3,400".
    assert not ("ZAR 3,400" in email and re.search(r"\bR3,400", email)), email
    change = {"ending_by": "them"}  # the settlement is named, in the code, beside the offer
    email = render(BOOKKEEPER, tmp_path, monkeypatch, change)["email"]
    assert not ("ZAR 3,400" in email and re.search(r"\bR3,400", email)), email


def test_a_note_to_ourselves_becomes_a_placeholder_we_are_told_about(tmp_path, monkeypatch):
    texts = render(HOTEL, tmp_path, monkeypatch)
    email = texts["email"]
    assert "mobile number in the email" not in email, email
    assert "my mobile number is [YOUR PHONE NUMBER]" in email, email
    notes = missing_addresses({"reset-email.eml": texts["reset-email.eml"].encode()})
    assert any("[YOUR PHONE NUMBER]" in n for n in notes), notes


def test_an_email_that_lets_the_money_wait_does_not_ask_for_it_now(tmp_path, monkeypatch):
    email = render(JOINERY, tmp_path, monkeypatch)["email"]
    assert "can wait until we have talked" in email, email
    assert "AED 111,000" not in email and "I would ask you to release" not in email, email
    assert "retention released now" not in email, email
    # Our own commitments in the offer stay.
    assert "we close our snags by 15 January" in email, email


def test_a_change_named_like_the_offer_is_not_listed_again():
    """Blind round 34: beside an offer of "a credit note of GHS 18,500 for the September
    relabelling", the changes read "second proof check ...; credit note for your relabelling
    cost; credit note issued this week": the credit note three times."""
    from triage.engine.filters import unsaid

    offer = "a credit note of NGN 95,000 for the relabelling and a three-month payment plan"
    assert unsaid(
        [
            "a second proof check on every date-format change",
            "credit note for your relabelling cost",
            "Credit note issued this week",
            "payment plan reviewed with your finance lead monthly",
        ],
        offer,
    ) == [
        "a second proof check on every date-format change",
        # the same thing, but with something of its own: kept
        "payment plan reviewed with your finance lead monthly",
    ]
    # A change that only shares a word with the offer stays.
    assert unsaid(["weekly status note on every order"], offer) == [
        "weekly status note on every order"
    ]
