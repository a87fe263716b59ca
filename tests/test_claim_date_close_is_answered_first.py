"""A lawyers' claim whose date is close is answered through our lawyer before any mediation.

Blind round 36: their lawyers served a notice of material breach with a cure period ending five
days later; our own lawyer already had the file. The plan said "Bring in a mediator", because
our lawyer was consulted. A mediator cannot be agreed and a day held within the cure period,
whoever holds the file: the formal answer is the route, and mediation is offered in it.
"""

from __future__ import annotations

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
