"""A lawyers' claim whose date is close is answered through our lawyer before any mediation.

Blind round 36: their lawyers served a notice of material breach with a cure period ending five
days later; our own lawyer already had the file. The plan said "Bring in a mediator", because
our lawyer was consulted. A mediator cannot be agreed and a day held within the cure period,
whoever holds the file: the formal answer is the route, and mediation is offered in it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401

CLAIMS = [
    ("contract-terms-dispute", "letter-of-claim-mediate-first"),
    ("salvage-relationship", "foreign-courts-claim-mediate"),
]


@pytest.mark.parametrize(("playbook", "example"), CLAIMS)
@pytest.mark.parametrize("consulted", [True, False])
def test_a_close_date_on_their_claim_goes_to_our_lawyer_first(
    playbook: str, example: str, consulted: bool
) -> None:
    calm = Advice(playbook, example, lawyer_consulted=consulted)
    assert calm.route.recommended == "mediate"
    flags = [*calm.context["red_flags"], "notice_close"]
    close = Advice(playbook, example, lawyer_consulted=consulted, red_flags=flags)
    assert close.route.recommended == "legal"
    plan = close.text("plan.md")
    assert "When their date is close, meeting it comes first" in plan
    assert "Offer mediation in our reply" in plan


# Blind round 37: their lawyers served a cure notice (termination, refund of the advance) nine
# days out, and by the manager's own account most of the delay was ours. "Accept what is fair
# and talk, senior to senior" is right for the relationship, but the formal answer before the
# date is still our lawyer's: owning the delay must not concede termination grounds or a sum.
OWN_FAULT = [
    ("contract-terms-dispute", "letter-of-claim-mediate-first"),
    ("salvage-relationship", "foreign-courts-claim-mediate"),
    ("client-communication-breakdown", "misread-price-notice"),
    ("partner-dispute", "reseller-commission-negotiate"),
]


@pytest.mark.parametrize(("playbook", "example"), OWN_FAULT)
def test_our_fault_under_their_lawyers_close_date_is_answered_through_our_lawyer(
    playbook: str, example: str
) -> None:
    ours = {
        "fault": "mostly_us",
        "alleged_breach": True,
        "formal_from": "them",
        "lawyers_side": "theirs",
        "stake_vs_fee": "larger",
        "money": "we_owe",
    }
    close = Advice(
        playbook,
        example,
        red_flags=["lawyers", "letter_of_claim", "notice_close"],
        notice_deadline=dt.date(2026, 12, 1),
        **ours,
    )
    assert close.route.recommended == "legal"
    plan = close.text("plan.md")
    assert "Our lawyer settles the formal answer before that date" in plan
    assert "owns what we missed in plain words" in plan
    far = Advice(playbook, example, red_flags=["lawyers", "letter_of_claim"], **ours)
    assert far.route.recommended == "negotiate"
    assert "Accept what is fair and say so plainly" in far.text("plan.md")
