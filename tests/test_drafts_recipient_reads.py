"""Kinds a mediator found reading fresh cases' drafts as the person who receives them.

Typed answers set mid-sentence keep a capital only when it is a name; a name turned into
"you" takes a verb that agrees with it; our notes on who attends stay out of the invitation;
a plan for a side that works in French or Spanish says the drafts are in English.
"""

from __future__ import annotations

from triage.engine.filters import clause, first_person, topic

LYON = "salvage-relationship--lyon-boutique-heat-no-mistake"


def test_an_ordinary_word_that_opened_the_answer_loses_its_capital_mid_sentence():
    assert topic("Exposure of patient results") == "the exposure of patient results"
    assert clause("Shortage of pallets in week 48") == "shortage of pallets in week 48"
    assert clause("Breach of clause 7") == "breach of clause 7"
    # Names, acronyms and product names keep theirs.
    assert topic("SAP migration delays") == "the SAP migration delays"
    assert topic("Q3 invoices") == "the Q3 invoices"
    assert topic("Halden Logistics credit") == "the Halden Logistics credit"
    assert topic("iPhone repairs backlog") == "the iPhone repairs backlog"
    for name in ("Trinity", "Laurence", "Clement", "Clive", "Guinness"):
        assert clause(f"{name} approved it").startswith(name), name


def test_a_name_made_you_takes_a_verb_that_agrees():
    def said(text: str) -> str:
        return first_person(text, "Tom Hale", "Ingrid Solberg")

    assert said("Ingrid approves the credit note") == "you approve the credit note"
    assert said("Ingrid has the logs") == "you have the logs"
    assert said("Ingrid already has the logs") == "you already have the logs"
    assert said("Ingrid was not told") == "you were not told"
    assert said("Ingrid goes first") == "you go first"
    assert said("Ingrid approves it and signs the order") == "you approve it and sign the order"
    assert said("a weekly plan, which Ingrid approves") == "a weekly plan, which you approve"
    assert said("Ingrid, their COO, approves it") == "you approve it"
    assert said("their COO Ingrid approves it") == "you approve it"
    assert said("when Ingrid calls, we answer") == "when you call, we answer"
    # An object is no subject: its next word is not a verb to change.
    assert said("we sent Ingrid details") == "we sent you details"
    # Quoted words are theirs, and stay as typed.
    assert said('Ingrid said "Ingrid approves nothing"') == 'you said "Ingrid approves nothing"'
