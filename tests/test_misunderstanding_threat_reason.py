"""A misunderstanding answered with a threat gets a reason that speaks to the threat.

Blind round 35 (a Norwegian customer who read our index letter as a change of terms and
threatened to re-tender) showed the plan giving the generic "the sum is smaller than a day of
mediation" as the reason: true, and beside the point. The threat is a sign of how our message
landed; the plan says so and says how to answer it, in every playbook.
"""

from __future__ import annotations

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401

MISREADS = [
    ("client-communication-breakdown", "misread-price-notice"),
    ("contract-terms-dispute", "rebate-misread-german-distributor"),
    ("partner-dispute", "misread-cost-split-budget"),
    ("salvage-relationship", "rushed-quiet-after-price-rise"),
]


def what_to_do(advice: Advice) -> str:
    plan = advice.text("plan.md")
    return plan.split("## What to do", 1)[1].split("### Next three actions", 1)[0]


@pytest.mark.parametrize(("playbook", "example"), MISREADS)
def test_a_threat_after_a_misreading_is_named_in_the_reason(playbook: str, example: str) -> None:
    threatened = Advice(
        playbook, example, fault="misunderstanding", red_flags=["threats"], heat_source="theirs"
    )
    reason = what_to_do(threatened)
    assert threatened.route.recommended == "negotiate"
    assert "answered it with a threat" in reason
    assert "no threat of our own" in reason
    assert "a day of mediation" not in reason


@pytest.mark.parametrize(("playbook", "example"), MISREADS)
def test_lawyers_after_a_misreading_are_not_answered_by_a_call(playbook: str, example: str) -> None:
    lawyers = Advice(
        playbook,
        example,
        fault="misunderstanding",
        red_flags=["threats", "lawyers"],
        heat_source="theirs",
    )
    assert "answered it with a threat" not in what_to_do(lawyers)


def test_our_own_heat_after_a_misreading_keeps_the_change_of_lead() -> None:
    ours = Advice(
        "client-communication-breakdown",
        "misread-price-notice",
        red_flags=["threats"],
        heat_source="ours",
    )
    assert "answered it with a threat" not in what_to_do(ours)
