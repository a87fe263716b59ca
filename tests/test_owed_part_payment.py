"""Money owed to us, where they already paid part: the email thanks them for what they paid
before it turns to what is still open; a payment of ours in the log is never thanked for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_drafts_round35 import email_of


def owed(row: dict[str, Any], currency: str) -> dict[str, Any]:
    return {
        "counterparty": "Distribuidora Andina S.A.C.",
        "their_contact": "Rosa Quispe",
        "our_contact": "Hannah Meyer",
        "our_company": "Meyer Labtech GmbH",
        "what_happened": "Three invoices from the summer are overdue; their hospital customers "
        "are paying them late.",
        "fault": "mostly_them",
        "money": "they_owe",
        "worth_salvaging": "yes",
        "currency": currency,
        "amount_at_stake": 90000,
        "our_ask": "agree a written plan to pay the rest by 31 March 2027",
        "timeline": [row],
    }


@pytest.mark.parametrize(
    ("playbook", "note", "currency", "said"),
    [
        (
            "partner-dispute",
            "Part payment USD 40,000",
            "USD",
            "Thank you for the USD 40,000 you paid on 20 November.",
        ),
        (
            "client-communication-breakdown",
            "Paid EUR 12,500 of the July invoice",
            "EUR",
            "Thank you for the EUR 12,500 you paid on 20 November.",
        ),
        (
            "contract-terms-dispute",
            "Partial payment of £8,000 received",
            "GBP",
            "Thank you for the £8,000 you paid on 20 November.",
        ),
    ],
)
def test_their_part_payment_is_thanked_for(
    playbook: str,
    note: str,
    currency: str,
    said: str,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = {
        "date": dt.date(2026, 11, 20),
        "channel": "email",
        "who": "Luis Torres, finance (their side)",
        "tone": "neutral",
        "note": note,
    }
    out = email_of(playbook, owed(row, currency), tmp_path, monkeypatch)
    assert said in out["body"], out["body"]


def test_a_payment_of_ours_is_not_thanked_for(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = {
        "date": dt.date(2026, 11, 20),
        "channel": "email",
        "who": "Hannah Meyer (our side)",
        "tone": "neutral",
        "note": "We paid the USD 2,000 freight credit",
    }
    out = email_of("partner-dispute", owed(row, "USD"), tmp_path, monkeypatch)
    assert "Thank you for the USD" not in out["body"], out["body"]
