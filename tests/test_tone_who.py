"""The readings of roles (triage/engine/tone_who.py): each kind of move the twenty-sixth
blind set got past, in wording of our own, with a near miss that must pass; and the false
flags whose roles show they are not against the reader."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

FLAGGED = [
    # their competence as the topic, with our concession or our help for it
    (
        "sarcasm",
        "I realise warranty law isn't everyone's strong suit, so I've marked the clause that "
        "matters.",
    ),
    (
        "sarcasm",
        "Since you are fairly new to freight forwarding, it's natural that the surcharge table "
        "looks confusing.",
    ),
    # relief with a worse case imagined
    (
        "sarcasm",
        "Good to hear the repair was treated as urgent; I'd dread to think what a routine job "
        "would look like.",
    ),
    (
        "sarcasm",
        "Nothing says long-term partner quite like hearing about the stock shortage from our own "
        "customers.",
    ),
    # an offer that expires, and is never looked at again
    (
        "ultimatums",
        "Our settlement figure stays open until noon on Thursday, and we won't reopen it after "
        "that.",
    ),
    # the relationship as the alternative
    (
        "ultimatums",
        "Please confirm the revised rates, otherwise there is little reason for our partnership "
        "to continue next season.",
    ),
    # the cause traced to them
    (
        "blame",
        "The shortfall in the second load originated with your subcontractor at the quarry.",
    ),
    # every loss, paid by us, in the passive
    (
        "liability",
        "Please be assured that all costs arising from the leak will be reimbursed by us.",
    ),
    # a tally over their work, with no "never"
    (
        "absolutes",
        "Not one of your invoices this quarter has arrived with the right order number on it.",
    ),
    # an outside firm reading the file, no lawyer named
    (
        "threats",
        "We have instructed Barlow & Finch to go through the email history so that everyone is "
        "clear where they stand.",
    ),
    # their senior copied in to watch how it is handled
    (
        "threats",
        "I've cc'd Marco Ruiz, your vice president of sales, so he can see how this order is "
        "being handled.",
    ),
]

CLEAN = [
    "I'm new to warranty claims myself, so I've marked the clause I think matters; tell me "
    "if I've misread it.",
    "Welcome aboard. As you're new to the account, I've attached last year's agreed schedule "
    "so you have it in one place.",
    "Good to hear the repair was treated as urgent; the engineer is booked for 8am.",
    "Our settlement figure stays open until noon on Thursday; if you need more time, just tell me.",
    "The shortfall in the second load originated with the quarry's closure, which nobody "
    "could have planned for.",
    "The delay came from our own warehouse, and I'm sorry for it.",
    "We'll refund the £420 courier cost in full.",
    "Not a single delivery this year has arrived late, which is a credit to your drivers.",
    "I've asked Barlow & Finch to draw up the lease extension so we can both sign it next week.",
    "I've copied in Marco Ruiz, your vice president of sales, as he asked to see the new "
    "delivery dates.",
    "Please confirm the revised rates, otherwise our partnership carries on as it is next season.",
]

# findings of other readings that the roles in the sentence show are not against them
CLEARED = [
    # their own person is the one who told us the fact
    "Your site manager, Priya, mentioned on the call that two of the panels arrived cracked "
    "and one frame was bent. Could you send the photos she took?",
    # a sweeping word inside praise of what they did
    "Chen has been the best part of this project. He fixed two faults on his own time and "
    "kept our team in the loop at every step.",
    # lawyers making a document ready for both sides to sign
    "Good news: our solicitors have confirmed the assignment paperwork is ready. Once you "
    "sign it, the lease moves across on the 1st.",
]


@pytest.mark.parametrize(("category", "text"), FLAGGED)
def test_each_kind_of_move_is_flagged_in_new_words(category, text):
    found = check_text(text)
    assert category in {w.category for w in found}, found


@pytest.mark.parametrize("text", CLEAN)
def test_the_near_miss_of_each_kind_passes(text):
    assert check_text(text) == []


@pytest.mark.parametrize("text", CLEARED)
def test_roles_that_are_not_against_the_reader_are_not_flagged(text):
    assert check_text(text) == []


def test_a_role_finding_names_the_sentence_and_says_why():
    text = (
        "Hi Sam,\n\nAny loss your shop has had from the outage will be compensated by us in full.\n"
    )
    (warning,) = check_text(text)
    assert warning.line == 3
    assert warning.category == "liability"
    assert warning.matched.startswith("Any loss")
    assert "open-ended" in warning.explanation


def test_our_own_apology_about_our_people_is_not_blame():
    text = (
        "Our CEO's email to your owners was rude, and the delay came from our side. "
        "I am sorry for both."
    )
    assert check_text(text) == []


def test_something_of_ours_ignored_by_them_is_still_blame():
    found = check_text("Our invoice to your team was ignored for six weeks.")
    assert "blame" in {w.category for w in found}
