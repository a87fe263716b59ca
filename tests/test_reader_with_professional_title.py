"""A reader whose name was typed with a professional title is still "you" in our own notes.

Blind round 36: their contact was typed "Ing. Mariana Olvera Cruz", and the apology in the
email to her read "I am sorry that our director wrote to Mariana in a rude and personal way".
Titles written before a name in Latin America and much of Europe (Ing., Lic., Arq., Mag.,
Dott., Avv., Mgr.) now come off the name the notes are matched against, as Dr and Mr did.
"""

from __future__ import annotations

import pytest

from triage.engine.filters.voice import first_person


@pytest.mark.parametrize(
    ("reader", "typed", "said"),
    [
        (
            "Ing. Mariana Olvera Cruz",
            "our director wrote to Mariana in a rude way on 27 November",
            "our director wrote to you in a rude way on 27 November",
        ),
        (
            "Lic. Rodrigo Beltrán",
            "we sent Rodrigo the wrong price list",
            "we sent you the wrong price list",
        ),
        ("Mag. Eva Huber", "our engineer kept Eva waiting", "our engineer kept you waiting"),
        (
            "Dott. Bruno Ferri",
            "Bruno's team got the invoice late",
            "your team got the invoice late",
        ),
    ],
)
def test_the_reader_is_you_whatever_title_was_typed(reader: str, typed: str, said: str) -> None:
    assert first_person(typed, "Amaia Goikoetxea", reader, True) == said


def test_someone_else_with_the_same_title_is_not_the_reader() -> None:
    typed = "our director wrote to Mariana and to Ing. Pablo Ruiz on 27 November"
    said = first_person(typed, "Amaia Goikoetxea", "Ing. Mariana Olvera Cruz", True)
    assert "Pablo Ruiz" in said and "to you" in said
