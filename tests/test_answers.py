"""Typed answers: what a user may type for each kind, and the message when it does not fit."""

from __future__ import annotations

import datetime as dt

import pytest

from triage.engine.answers import as_text, check_value, parse_text
from triage.engine.model import Option, Question


def q(kind: str, **extra) -> Question:
    return Question(id="x", kind=kind, prompt="X", **extra)


CHOICE = q("choice", options=(Option("a", "Apple"), Option("b", "Banana")))


@pytest.mark.parametrize(
    ("question", "typed", "value"),
    [
        (q("number"), "12,000", 12000),
        (q("number"), "£1,250.50", 1250.5),
        (q("date"), "2026-03-31", dt.date(2026, 3, 31)),
        (q("yesno"), "Y", True),
        (q("yesno"), "no", False),
        (q("scale"), "4", 4),
        (CHOICE, "banana", "b"),
        (CHOICE, "a", "a"),
        (q("multi", options=CHOICE.options), "Banana, a", ["a", "b"]),
        (q("text"), "  padded  ", "padded"),
        (q("longtext"), "line one\nline two\n", "line one\nline two\n"),
    ],
)
def test_typed_text_is_understood(question, typed, value):
    assert parse_text(question, typed) == value


@pytest.mark.parametrize(
    ("question", "typed", "message"),
    [
        (q("number"), "lots", "is not a number"),
        (q("number", min=1, max=4), "Partner manager", "Enter a number from 1 to 4."),
        (q("number", min=0, max=10), "11", "Enter 10 or less."),
        (q("date"), "31/03/2026", "use the form 2026-03-31"),
        (q("yesno"), "maybe", "Answer yes or no."),
        (q("scale"), "6", "from 1 to 5"),
        (CHOICE, "cherry", "choose from: a, b"),
        (q("text", required=True), "   ", "An answer is required."),
        (q("text", pattern=r"\d+", message="Digits only, please."), "abc", "Digits only, please."),
        (q("text", max_length=3), "abcd", "at most 3 characters"),
    ],
)
def test_bad_input_gets_one_sentence(question, typed, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_text(question, typed)


def test_list_answers_check_each_field():
    timeline = q(
        "list",
        fields=(Question(id="when", kind="date", prompt="When", required=True),),
        min=2,
    )
    rows = [{"when": "2026-01-02"}, {"when": dt.date(2026, 1, 3)}]
    assert check_value(timeline, rows) == [
        {"when": dt.date(2026, 1, 2)},
        {"when": dt.date(2026, 1, 3)},
    ]
    with pytest.raises(ValueError, match="entry 2, When: An answer is required"):
        check_value(timeline, [rows[0], {}])
    with pytest.raises(ValueError, match="Add at least 2 entries"):
        check_value(timeline, rows[:1])
    with pytest.raises(ValueError, match="entry 1 has 'colour', which is not one of: when"):
        check_value(timeline, [{"colour": "red"}])
    assert check_value(timeline, []) is None  # an optional empty list is simply not answered


def test_answers_read_back_as_a_person_would():
    assert as_text(q("number", unit="GBP"), 125000) == "125,000 GBP"
    assert as_text(q("scale", labels=("a", "b", "c", "d", "e")), 2) == "2 (b)"
    assert as_text(CHOICE, "b") == "Banana"
    assert as_text(q("yesno"), False) == "No"
