"""Two clean moves the tone check flagged on a new writer's set (tone35, scored blind first):

- their complaint quoted back in single or curly quotation marks, to show it was heard ('nobody
  at your company seems to care'), as it already was in double ones;
- a choice handed to them ("whoever you nominate", "whenever suits you"), which is no sweep
  over their people or their habits.

The same words said in our own voice, or as a verdict on them, still flag.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


@pytest.mark.parametrize(
    "text",
    [
        "Your letter said, 'your engineers never turn up on time and nobody at your firm "
        "answers the phone.' I have read the log again and I understand why it felt that way.",
        "You wrote that our desk was \u2018useless, as usual\u2019; the two tickets you named "
        "were ours to close and we did not.",
        "In your words, 'every single invoice from you is wrong'. Three of the last five were, "
        "and I am sorry for it.",
        "Our counsel will send the side letter to whoever you nominate from your legal team.",
        "We can walk the site together whenever suits you next week.",
        "Please forward it to whoever you think best placed to sign it off.",
    ],
)
def test_their_words_and_their_choice_are_not_flagged(text: str) -> None:
    assert check_text(text) == [], check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Frankly, 'nobody at your firm answers the phone' is simply how it is, as usual.",
        "Whoever we speak to at your company, nobody knows where the order is, and the parts "
        "are late again.",
        "Whenever we call your warehouse, the pallets are late and nobody there knows why.",
        "Your driver said 'sorry', but your team never once delivered on time this quarter.",
    ],
)
def test_the_same_words_in_our_voice_still_flag(text: str) -> None:
    assert check_text(text), text
