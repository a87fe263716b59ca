"""Bracketed notes the manager typed for ourselves never reach the reader.

"(CFO agreed)", "(MD approved)", "(9 months left)" or a bare "(3 months)" after an amount are
our own bookkeeping; in a draft they read as an internal memo. Brackets that tell the reader
something (an amount, an invoice number, their time) stay.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_drafts_round35 import email_of

from triage.engine.filters import without_asides


@pytest.mark.parametrize(
    ("playbook", "offer", "note"),
    [
        (
            "salvage-relationship",
            "a credit of EUR 2,000 on the January invoice (MD approved)",
            "(MD approved)",
        ),
        (
            "client-communication-breakdown",
            "two months of support free of charge (CFO agreed)",
            "(CFO agreed)",
        ),
        ("partner-dispute", "a 5% rebate on Q1 orders (finance OK'd)", "(finance OK'd)"),
        (
            "contract-terms-dispute",
            "a refund of EUR 480 (3 months) and an early release (9 months left)",
            "months",
        ),
    ],
)
def test_a_typed_sign_off_in_brackets_is_left_out_of_the_email(
    playbook: str, offer: str, note: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {
        "counterparty": "Kowalczyk Meble sp. z o.o.",
        "their_contact": "Marta Kowalczyk",
        "our_contact": "Erik Lindqvist",
        "our_company": "Lindqvist Components AB",
        "what_happened": "Our November deliveries arrived late three times and the invoices "
        "were wrong twice.",
        "fault": "mostly_us",
        "money": "we_owe",
        "worth_salvaging": "yes",
        "our_offer": offer,
    }
    out = email_of(playbook, answers, tmp_path, monkeypatch)
    assert note not in out["body"], out["body"]
    # The offer itself is still said, only the note is gone.
    assert offer.split(" (")[0] in out["body"], out["body"]


def test_brackets_that_tell_the_reader_something_stay() -> None:
    kept = "invoices (EUR 212,000) (invoice 88231) at 10:00 my time (09:00 yours)"
    assert without_asides(kept) == kept
    assert without_asides("a transition period (3 months) for your staff") == (
        "a transition period (3 months) for your staff"
    )
