"""Two things the plan keeps for our side, and the email now keeps out too (blind round 36).

- A figure our finance still has to calculate or sign off on a dated step ("Confirm commission
  calculation on invoiced value and payment schedule", in three days) is not put in writing
  before then: the email says we will pay what is owed and when the figure comes.
- A move of one of our own people typed as a step ("Take Pieter off Brazil; redraft Annex C")
  stays in the plan: the email lists the rest of the step, not who was moved.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401
from triage.engine.filters.pledges import without_staff_moves


def _commission(step: str) -> Advice:
    return Advice(
        "partner-dispute",
        "reseller-commission-negotiate",
        fault="mostly_us",
        our_offer="the full 12% commission, EUR 38,400, paid in two instalments",
        agreed_actions=[
            {"what": step, "owner": "Finance, Ines Duarte", "due": dt.date(2026, 11, 26)},
        ],
    )


@pytest.mark.parametrize(
    "step",
    [
        "Confirm commission calculation on invoiced value and payment schedule",
        "Finance to recalculate the commission on invoiced value",
    ],
)
def test_a_figure_still_being_checked_is_not_written_down(step: str) -> None:
    email = _commission(step).text("reset-email.eml")
    assert "38,400" not in email, email
    assert "26 November" in email


def test_an_approval_step_holds_the_email_until_the_figure_is_approved() -> None:
    advice = _commission("CFO to approve the commission payment")
    [send] = [r for r in advice.rows if r["action"].startswith("Send the reset email")]
    assert send["due"] >= "2026-11-26"
    assert "38,400" in advice.text("reset-email.eml")


def test_a_figure_already_checked_is_said() -> None:
    email = _commission("Book the meeting room in Porto").text("reset-email.eml")
    assert "38,400" in email


@pytest.mark.parametrize(
    ("what", "kept"),
    [
        ("Take Pieter off Brazil; redraft Annex C", "Redraft Annex C"),
        ("Move Radek off the Odra account; weekly call with their plant manager", "Weekly call"),
        ("Remove Iñaki from all distribution lists", None),
        ("Ricardo off the account; new ops contact Débora Santos", "New ops contact Débora"),
        ("Take legal advice on clause 14", "Take legal advice on clause 14"),
        ("Stand down the weekend crew; restart deliveries", "Stand down the weekend crew"),
    ],
)
def test_a_move_of_our_people_is_left_out_of_what_we_commit_to(what: str, kept: str | None):
    steps = without_staff_moves([{"what": what, "said": what, "due": dt.date(2026, 12, 9)}])
    if kept is None:
        assert steps == []
    else:
        assert steps[0]["what"].startswith(kept), steps
        assert "off" not in steps[0]["said"].split(";")[0] or kept.startswith("Take legal")


def test_the_email_does_not_name_who_was_moved() -> None:
    advice = Advice(
        "partner-dispute",
        "reseller-commission-negotiate",
        fault="mostly_us",
        agreed_actions=[
            {
                "what": "Take Pieter off the Iberia accounts; redraft the deal-registration rule",
                "owner": "Eva Jansen",
                "due": dt.date(2026, 11, 27),
            }
        ],
    )
    email = advice.text("reset-email.eml")
    assert "Take Pieter off" not in email
    assert "edraft the deal-registration rule" in email, email


@pytest.mark.parametrize(
    ("ask", "money"),
    [
        ("release the USD 182,000 final milestone once the PPAP is signed", True),
        ("free up the retention held on the October invoice", True),
        ("review invoice KH-4410 (GBP 14,600) with us in January", False),
        ("sign the variation for the third floor", False),
    ],
)
def test_money_asked_for_without_the_word_pay_is_still_money(ask: str, money: bool) -> None:
    from triage.engine.filters.asks import asks_payment

    assert asks_payment(ask) is money
