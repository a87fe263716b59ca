"""An exit where they asked for their money back and to be let out of the contract.

The plan pays what we owe in full on an exit; the email says yes to the refund, releases them
from the rest of the contract when they asked, and never turns the decided sum into "a fair
settlement of what is owed" or "a full reply" later.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_drafts_round35 import email_of


def exit_case(what: str, amount: int, currency: str, **extra: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "counterparty": "Harbour Bakehouse Ltd",
        "their_contact": "Niamh Byrne",
        "our_contact": "Conor Walsh",
        "our_company": "Tillbox Ltd",
        "what_happened": what,
        "amount_at_stake": amount,
        "currency": currency,
        "worth_salvaging": "no",
        "ending_by": "mutual",
        "fault": "both",
        "money": "we_owe",
        "stake_vs_fee": "smaller",
        "strategic_value": "marginal",
        "alternatives": "easy",
    }
    answers.update(extra)
    return answers


@pytest.mark.parametrize(
    ("playbook", "what", "amount", "currency", "yes"),
    [
        (
            "client-communication-breakdown",
            "Our card terminals were down for a Saturday. Niamh wants a refund of EUR 480 "
            "(3 months) and out of her contract (9 months left).",
            480,
            "EUR",
            "we will refund the EUR 480, and release you from the rest of the contract",
        ),
        (
            "salvage-relationship",
            "Our booking app lost two weeks of class bookings. Niamh asked for a refund of "
            "EUR 1,200 and to cancel the subscription.",
            1200,
            "EUR",
            "we will refund the EUR 1,200, and release you from the rest of the contract",
        ),
        (
            "partner-dispute",
            "We paid the referral fee late twice. She asked us to pay the AUD 900 and to end the "
            "agreement early.",
            900,
            "AUD",
            "we will pay the AUD 900, and release you from the rest of the contract",
        ),
    ],
)
def test_an_exit_says_yes_to_the_refund_and_the_release(
    playbook: str,
    what: str,
    amount: int,
    currency: str,
    yes: str,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = email_of(playbook, exit_case(what, amount, currency), tmp_path, monkeypatch)
    body = out["body"]
    assert yes in body, body
    assert "fair settlement" not in body, body
    assert "you will have a full reply" not in body, body


def test_a_split_we_decided_is_not_said_as_a_yes(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = exit_case(
        "Our terminals were down for a day. Niamh wants a refund of EUR 480 and out of her "
        "contract.",
        480,
        "EUR",
        minimum_outcome="split the EUR 480 50/50",
    )
    out = email_of("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert "we will refund the EUR 480" not in out["body"], out["body"]
