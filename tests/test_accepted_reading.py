"""A debt they accept is not a contract read two ways.

A blind round's packaging supplier, owed four invoices by a retailer short of cash, typed
"Accepted, asking for time" and "Not discussed" as the retailer's reading of the payment and
title clauses. The plan then said "They are holding money back because they read the
contract differently ... Do not chase it as overdue". Words that accept our reading, or say
there is none, are not a reading of their own.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts

CONTESTED = "read the contract differently"


def _owed(their_reading: str) -> dict:
    return {
        "counterparty": "Lakeshore Grocers Ltd",
        "their_contact": "Mrs. Adaeze Okafor",
        "what_happened": "Three invoices for printed cartons are 40 days overdue. Their finance "
        "lead says trading was slow in November and asks for time; they still order weekly.",
        "amount_at_stake": 210000,
        "currency": "NGN",
        "annual_value": 1500000,
        "money": "they_owe",
        "fault": "mostly_them",
        "red_flags": ["payment_withheld"],
        "stake_vs_fee": "larger",
        "clauses": [
            {
                "ref": "Terms 4.2",
                "says": "Payment 30 days from invoice",
                "our_reading": "All three are overdue",
                "their_reading": their_reading,
            }
        ],
    }


@pytest.mark.parametrize(
    "their_reading",
    ["Accepted, asking for time", "Not discussed", "They agree, but need until January", "n/a"],
)
def test_an_accepted_debt_is_chased_as_a_debt(their_reading, tmp_path, monkeypatch):
    answers = _owed(their_reading) | {"fault": "both"}
    plan = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert CONTESTED not in plan.split("### Next three actions")[0]


def test_a_reading_of_their_own_still_reads_as_one(tmp_path, monkeypatch):
    answers = _owed("Payment runs from delivery of the last carton, not from invoice") | {
        "fault": "both"
    }
    plan = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert CONTESTED in plan.split("### Next three actions")[0]
