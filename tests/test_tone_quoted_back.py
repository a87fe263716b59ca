"""Their own words quoted back to them, to show they were heard, are not our blame, sarcasm or
threat; the same words in our voice, in scare quotes, or outside the quotation still are."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


@pytest.mark.parametrize(
    "text",
    [
        'You wrote that our handling of the outage had been "slow, dismissive and frankly '
        'unprofessional", and I can see why it felt that way.',
        'Your email of Monday described our support as "useless and always late"; that is '
        "not the standard we want for you.",
        'In your words, our team "ignored four reminders and never once replied". I have checked '
        "and two of those went unanswered.",
        'As you put it, "we will take this to our lawyers if nothing changes". I would like to '
        "make sure it does not come to that.",
    ],
)
def test_their_words_quoted_back_are_not_flagged(text):
    assert check_text(text) == [], check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words in our own voice
        "Our handling was fine; your team ignored four reminders and never once replied.",
        # scare quotes around their act mock them
        'Your team "forgot" to send the drawings again, as usual.',
        # quoting what we said, not what they said
        'We wrote to you that your team "ignored four reminders" and we stand by it.',
        # their words quoted, then our own jab outside the quotation
        'You wrote that we were "slow". Frankly, your team has always been slower.',
    ],
)
def test_our_own_words_around_a_quotation_are_still_flagged(text):
    assert check_text(text), text
