"""False flags on the app's own drafts: our commitments as the follow-up summary and the reset
email set them out, stock template text, and our own past acts told as the mistakes they were.
Each kind was found by running the built-in examples with the typed answers changed (the
mistakes and fixes a manager would write, the terms agreed at a meeting); each has a near miss
in some of the same words that is still flagged, so the kind is cleared by its role, not by
its words."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

CLEAN = [
    # a list of our commitments set out with semicolons after a colon: each item is read on its
    # own, so one item's sweep or date is not joined to the next item's words
    "What we are changing: an out-of-hours number that is always answered; every change request "
    "confirmed back to you in writing within two days; no more letters from lawyers while we talk.",
    "What we are changing: no final invoice until the snagging list is signed off by both of us; "
    "a named deputy for every key person on your account; a call from our director this week.",
    "What we are changing: weekly dates you can hold us to; a written incident report after each "
    "significant fault, within two working days; at least three days' notice of any delay, always "
    "in writing.",
    # a table's rows and cells are read apart (the follow-up summary's tasks, owners and dates)
    "| We will set up what we offered you: a written incident report after each significant "
    "fault; an escalation path that bypasses the general queue, with names and hours | Paul "
    "Brandt | 15 December 2026 |\n"
    "| Invoices that were never re-checked after the price change are re-issued | Jonah Reid | "
    "20 December 2026 |\n"
    "| An escalation path to our COO that bypasses the general queue, live by 23 December | Maya "
    "Okafor | 23 December 2026 |",
    "| We will make the changes we committed to: no final invoice until the snagging list is "
    "signed off by both of us | Sanne de Vries | 29 December 2026 |\n"
    "| We will agree a written escalation ladder | Sanne de Vries | 2 January 2027 |",
    # our own past move, regretted
    "I am sorry that we threatened to stop deliveries, which we should never have done. What "
    "changes: deliveries continue whatever happens in these talks.",
    "We got this wrong: our MD copied your CEO in to put pressure on you. I am sorry.",
    "I am sorry that we told your customers the delay was your fault.",
    "We will correct what we told you, in writing, this week.",
    # the admission as the head of a list, each item one of our acts (CRLF, as emails are)
    "Hi Sofia,\r\n\r\nI am sorry for what we got wrong:\r\n"
    "- Our MD copied your CEO in to put pressure on you. What changes: we keep this between "
    "the two teams.\r\n"
    "- We told your customers the delay was your fault. We will correct what we told them.\r\n",
    "We got this wrong: our MD copied your CEO in to put pressure on you; and we let the "
    "deadline pass without warning you. I am sorry.",
    "Some of it is down to us: our MD copied your CEO in to put pressure on you.",
    "We got this wrong, and I am sorry.\n\nSpecifically:\n- We told your customers the delay "
    "was your fault.\n- We lost the signed variation.\n",
    # a part of the fault owned (the reset email's stock opening), not the whole
    "Some of what went wrong is down to us: I am sorry that I told you that you had misread the "
    "contract, which was wrong of me.",
    "Some of what went wrong is down to us: I am sorry that nobody on our side picked up the "
    "phone during the outage.",
    # a sweep over our own failures is regret, not a verdict on them
    "I am sorry that we missed every deadline in October; and that I told you that you had "
    "misread the contract, which was wrong of me.",
    # a shortfall word between the sweep and what it counts picks out the ones that fell short
    "Each late delivery earns you a 2% credit on that order.",
    "We will take back all the faulty units at our cost.",
    # a term that binds both sides alike
    "If the pilot misses its targets by March, either side may end it without penalty.",
]

FLAGGED = [
    # under the admission, an item that turns to them or looks ahead; an item of another list
    (
        "threats",
        "I am sorry for what we got wrong:\n- Our MD copied your CEO in, and will copy your "
        "board if this happens again.\n",
    ),
    ("blame", "I am sorry for what we got wrong:\n- Your team ignored every ticket.\n"),
    (
        "threats",
        "Here is where things stand.\n\nSpecifically:\n- We copied your CEO in so that he sees "
        "how you handled it.\n",
    ),
    (
        "threats",
        "Some of it is down to us: our MD copied your CEO in, and he will copy your board next "
        "time.",
    ),
    (
        "threats",
        "I am sorry for what we got wrong:\n- We sent the wrong file.\n\nHere is the plan:\n"
        "- We copied your CEO in so that he knows how you handled it.\n",
    ),
    # the same words, aimed at the reader
    ("ultimatums", "Pay the balance: by Friday; otherwise we stop deliveries."),
    ("ultimatums", "Two options: you pay by Friday; or we stop all deliveries from Monday."),
    (
        "threats",
        "We threatened to stop deliveries last month. If the balance is not paid by Friday, we "
        "will stop deliveries.",
    ),
    ("ultimatums", "I'm sorry, but unless the balance is paid by Friday we will stop deliveries."),
    (
        "threats",
        "We got this wrong: we copied your CEO in, and if this happens again we will copy your "
        "board too.",
    ),
    ("blame", "I am sorry that we have to say it, but your team ignored every ticket."),
    ("blame", "As we told you, the fault is yours."),
    ("liability", "Most of the damage is down to us: I am sorry that our engineer cut the cable."),
    ("liability", "The outage was down to us, and we will pay for it."),
    ("absolutes", "We received every delivery in October late."),
    ("absolutes", "Every delivery this month was late."),
    ("absolutes", "All your invoices were wrong."),
    (
        "ultimatums",
        "If the pilot misses its targets by March, we will end it and charge the penalty.",
    ),
    (
        "absolutes",
        "| Summary | Every single delivery this quarter has arrived damaged | 3 January |",
    ),
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_our_commitments_stock_text_and_regretted_acts_pass(sentence: str) -> None:
    assert check_text(sentence) == []


@pytest.mark.parametrize(("category", "sentence"), FLAGGED)
def test_the_same_words_aimed_at_the_reader_are_flagged(category: str, sentence: str) -> None:
    assert category in {w.category for w in check_text(sentence)}


def test_the_shared_goal_is_a_state_to_reach_not_their_record() -> None:
    # The invitation says the goal both sides typed as "What we both want is ...": a future
    # state, not a sweep over their past conduct (seen on a blind round: "never notice").
    goal = "What we both want is month-end closes that your bank customers never notice."
    assert check_text(goal) == []
    # The same words about their record, or a sweep in the next sentence, are still flagged.
    assert [w.category for w in check_text("Your bank customers never notice anything we fix.")]
    swept = "What we both want is a reply from you. You never answer our emails."
    assert [w.category for w in check_text(swept)] == ["absolutes"]
