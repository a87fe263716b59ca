"""An email that opens with what they must hear first does not open a second time.

Blind round 36: "Before anything else: the email you received from our side on 27 November was
disrespectful ..." was followed by "I am writing about the EAC-2291 die set and my colleague's
email of 27 November."; a data-breach email opened with the facts, then "I am writing about the
payslip incident of 3-4 December." The manager's first line already says what the email is
about.
"""

from __future__ import annotations

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401

CASES = [
    ("salvage-relationship", "rushed-quiet-after-price-rise"),
    ("client-communication-breakdown", "loyalty-app-regulator-inquiry"),
    ("contract-terms-dispute", "money-owed-both-ways"),
]


def _body(advice: Advice) -> str:
    email = advice.text("reset-email.eml")
    return email[email.index("\nDear ") :]


@pytest.mark.parametrize(("playbook", "example"), CASES)
def test_the_first_line_typed_is_the_only_opening(playbook: str, example: str) -> None:
    plain = Advice(playbook, example, say_first=None)
    assert "I am writing about " in _body(plain)
    first = Advice(
        playbook,
        example,
        say_first="Before anything else: what happened on our side last month was not good "
        "enough, and I am sorry.",
    )
    body = _body(first)
    assert "Before anything else" in body
    assert "I am writing about " not in body, body
