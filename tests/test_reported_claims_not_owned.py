"""Two accounts set side by side are not a failure we own.

Blind round 34: a sparse case's notes read "Our team (Rūta) says they changed the field spec
without telling us, they say we never sent the test cases we promised in October", and with
no mistake listed the email apologised for the whole sentence: "I am sorry that our team
(Rūta) says you changed the field spec without telling us, you say we never sent the test
cases ...". A claim reported by either side is not ours to apologise for.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts

from triage.engine.filters.needs import failure_in_story


@pytest.mark.parametrize(
    "sentence",
    [
        "Our team (Rūta) says they changed the field spec without telling us, they say we "
        "never sent the test cases we promised in October.",
        "Their buyer claims we missed two deliveries in March.",
        "According to their QA lead our labels were wrong on three pallets.",
        "Our PM insists they never sent the drawings; they said we lost them.",
    ],
)
def test_a_reported_claim_is_not_owned(sentence):
    assert failure_in_story(sentence) == ""


def test_a_failure_we_tell_ourselves_is_still_owned():
    assert failure_in_story("We said we would call on Friday and never did.")
    assert failure_in_story("jonas (our PM) left oct, handover was a mess")


def test_the_email_does_not_apologise_for_two_accounts(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Kestrel Ledger OOD",
        "their_contact": "Stoyan Dimitrov",
        "what_happened": "Joint launch of our payout integration with their accounting app is "
        "planned for 18 January. Their API arrived two weeks late and breaks our mapping. Our "
        "developer (Ana) says they changed the field spec without telling us, they say we "
        "never sent the test cases we promised in October.",
    }
    email = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "says" not in email and "you say" not in email, email
