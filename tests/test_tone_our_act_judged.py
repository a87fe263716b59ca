"""A judgement on something of ours that reached them ("the email you received from us was
wrong", "the way our engineer spoke to your team was unacceptable") is our own admission of
how we behaved, the opening a manager should make; the same judgement on their people's act
is still blame."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

OURS = [
    "The letter you received from us on 2 October was wrong in its figures, and I apologise.",
    "The statement your accounts team received from our billing desk was wrong.",
    "The quote you obtained from our sales office on Friday was badly out of date.",
    "The way our site foreman spoke to your crew on Tuesday was unacceptable.",
    "We were late twice, and what our driver said to your dispatcher on the 9th was unacceptable.",
    "The tone our managing director took with your buyer was unacceptable, and it will not recur.",
]

THEIRS = [
    "The way your team spoke to our driver was unacceptable.",
    "Your delay is unacceptable to us.",
    "We checked the records, and your engineers' handling of the outage was unacceptable.",
    "The invoice your finance team sent us on 3 March was wrong.",
    "Your warehouse staff stacked the pallets wrongly.",
]


@pytest.mark.parametrize("sentence", OURS)
def test_our_own_act_judged_is_not_blame(sentence: str) -> None:
    assert check_text(f"Dear Ana,\n\n{sentence}\n\nBest regards,\nTom\n") == []


@pytest.mark.parametrize("sentence", THEIRS)
def test_their_act_judged_is_still_blame(sentence: str) -> None:
    found = check_text(f"Dear Ana,\n\n{sentence}\n\nBest regards,\nTom\n")
    assert [w.category for w in found] == ["blame"], found
