"""A greeting typed in the other side's language is not glued to an English "Dear".

Blind round 36: a Croatian contractor's manager typed "gospodine Barać" (the Croatian vocative
of "Mr") as how the hotel's owner likes to be addressed; every draft opened "Dear gospodine
Barać,", which is neither English nor Croatian. The English drafts now say "Mr" or "Ms" for a
title in the form used only when speaking to someone (the vocative). A whole salutation typed
in their language ("Poštovani gospodine Barać") stands as typed, as before. A title as it is written after "Dear" ("Herr
Keller", "Madame Vasseur") is the manager's courtesy and stays.
"""

from __future__ import annotations

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401
from triage.engine.filters.greeting import first_name


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("gospodine Barać", "Mr Barać"),
        ("pane Dvořák", "Mr Dvořák"),
        ("pani Nowak", "Ms Nowak"),
        # A title as written after "Dear" is the manager's courtesy: kept, with its capital.
        ("Frau Keller", "Frau Keller"),
        ("señora Ruiz Ortega", "Señora Ruiz Ortega"),
        ("Madame Vasseur", "Madame Vasseur"),
        ("heer Visser", "Heer Visser"),
    ],
)
def test_a_title_in_their_language_is_said_in_english(typed: str, greeted: str) -> None:
    assert first_name("Someone Else", typed) == greeted


@pytest.mark.parametrize("typed", ["Cara", "Herr", "Mei Ling", "Dr Weber", "Pan Wei", "Frau"])
def test_a_name_that_only_looks_like_a_title_is_kept(typed: str) -> None:
    assert first_name("Someone Else", typed) == typed


def test_the_email_greets_in_english() -> None:
    advice = Advice(
        "contract-terms-dispute",
        "letter-of-claim-mediate-first",
        their_contact="Tomislav Barać",
        their_greeting="gospodine Barać",
    )
    email = advice.text("reset-email.eml")
    assert "Dear Mr Barać," in email
    assert "gospodine" not in email
