"""A manager owning what our side did to them is not blaming or threatening them (round 38).

Two typed apologies in the thirty-eighth blind round were flagged: "on the call you were spoken
to in a way that was unfair and unprofessional" (read as blame) and "the remark about stopping
the trucks should never have been made, least of all in public" (read as a threat, "should
never" taken for a condition). Both own our conduct; the same words aimed at them still warn.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


def _found(sentence: str) -> list[str]:
    return [w.category for w in check_text(f"Dear Ana,\n\n{sentence}\n\nBest regards,\nTom\n")]


CLEAN = [
    "On the call of 24 November you were spoken to in a way that was unfair and "
    "unprofessional. I am sorry.",
    "You were treated by our site foreman in a way that was rude and unprofessional.",
    "At the depot you were kept waiting for three hours, which was unacceptable.",
    "The remark about stopping deliveries should never have been made, least of all in public.",
    "What our driver said to your guests should not have been said, and certainly not in public.",
    "Our owner's comment at the trade fair should never have happened in public.",
]

FLAGGED = [
    "Your team's handling of the delivery was unprofessional.",
    "Frankly, the way your buyers dealt with us was unprofessional.",
    "Should this not be settled by Friday, we will share our experience in public.",
    "Should payment not arrive, other suppliers in the association will hear about it.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_owning_what_our_side_did_is_not_flagged(sentence):
    assert _found(sentence) == []


@pytest.mark.parametrize("sentence", FLAGGED)
def test_the_same_words_aimed_at_them_still_warn(sentence):
    assert _found(sentence)
