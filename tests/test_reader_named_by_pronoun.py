"""A manager writes about the other side's contact as "he" or "she"; a draft to that person
says "you", and never turns a third party's "they" into "you".

Blind round 35: "keep the 2026 fee … while she checks the clause with her CFO" went to Ingrid
as written, and a charter skipper read "he had to refund the wedding group AUD 6,200 and you
posted about it", where the wedding group had posted.
"""

from __future__ import annotations

import pytest

from triage.engine.filters import effect_on_them, first_person

ME, READER = "Eirik Nordmo", "Ingrid Haugland"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Hold the current rate while she checks the clause with her finance director",
            "Hold the current rate while you check the clause with your finance director",
        ),
        (
            "Offer a service credit if he accepts the revised dates",
            "Offer a service credit if you accept the revised dates",
        ),
        (
            "A call before he meets his board on Thursday",
            "A call before you meet your board on Thursday",
        ),
        ("We did not tell her anything until March", "We did not tell you anything until March"),
    ],
)
def test_the_reader_written_of_as_he_or_she_is_you(typed, said):
    assert first_person(typed, ME, READER) == said


@pytest.mark.parametrize(
    "typed",
    [
        "our CFO agreed the credit and she will sign the letter",  # one of ours
        "Jari wrote to him on Friday and he was upset",  # someone named first
        "He has apologised in writing and no longer handles the account",  # said before this
    ],
)
def test_a_pronoun_that_may_mean_someone_else_is_left_as_typed(typed):
    assert first_person(typed, ME, READER) == typed


def test_a_job_of_theirs_named_first_keeps_its_pronoun():
    said = first_person("their buyer says she needs the figures by Monday", ME, READER)
    assert said == "your buyer says she needs the figures by Monday"


def test_what_it_cost_them_is_said_to_the_reader_without_the_third_party():
    notes = (
        "Our sync failed overnight. Mick's boat got booked twice for Saturday. He had to refund "
        "the wedding group AUD 6,200 and they posted about it."
    )
    assert effect_on_them(notes) == "you had to refund the wedding group AUD 6,200"
    assert effect_on_them("He had to send his crew home and they lost a day of pay") == (
        "you had to send your crew home"
    )
