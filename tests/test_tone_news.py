"""What we have already done, or passed up our own line, is news: the tone check leaves it alone,
and still flags the same words used as a threat."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


@pytest.mark.parametrize(
    "text",
    [
        "Our resin supplier has discontinued the grade, so we had no choice but to qualify an "
        "alternative. The datasheet is attached.",
        "We always aim to resolve billing questions within ten working days, and I'm sorry this "
        "one has taken longer. I've escalated it to our head of finance, who will call you on "
        "Monday.",
    ],
)
def test_news_of_our_own_steps_is_not_flagged(text: str) -> None:
    assert check_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "If we do not hear from you by Friday, we will have no choice but to suspend deliveries.",
        "You have left us no choice but to suspend deliveries.",
        "Unless the invoice is paid within ten working days, I will escalate it to our legal team.",
        "I have escalated it to our legal team, who will be in touch.",
    ],
)
def test_the_same_words_as_a_threat_are_still_flagged(text: str) -> None:
    assert check_text(text) != []
