"""Kinds a mediator found reading fresh cases' drafts as the person who receives them.

Typed answers set mid-sentence keep a capital only when it is a name; a name turned into
"you" takes a verb that agrees with it; our notes on who attends stay out of the invitation;
a plan for a side that works in French or Spanish says the drafts are in English.
"""

from __future__ import annotations

from triage.engine.filters import clause, topic

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
