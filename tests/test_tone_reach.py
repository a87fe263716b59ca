"""The kinds the round of reach widened (tests/tone_corpus/reach.toml), each in words of its own
here, with a near miss in some of the same words that must pass."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

FLAGGED = [
    # what we tell a judge of them held open; their senior about to ask us
    (
        "threats",
        "A reporter from the Grocer called about the mislabelling and I'm not sure yet "
        "what I'll tell him.",
    ),
    (
        "threats",
        "I'm seeing your managing director at the awards on Friday, and she will "
        "certainly ask how the contract is going.",
    ),
    # proceedings in the passive
    ("threats", "Unless the balance is cleared, a claim will then be issued in the county court."),
    # silence deemed acceptance, with a loss
    (
        "ultimatums",
        "In the absence of a reply by the 9th, the revised rates shall be deemed "
        "accepted and applied to the February invoice.",
    ),
    # supply or talks held back until they pay
    ("ultimatums", "We'll dispatch no further orders until the overdue invoices are paid."),
    ("ultimatums", "Talks about next year can begin once your arrears are cleared."),
    # an offer that expires, in other words
    (
        "ultimatums",
        "The discount of 8% is open until the 30th. We will not be in a position to extend it.",
    ),
    # praise for their excuse
    ("sarcasm", "Your explanation about the courier was certainly original."),
    # single scare quotes around a promise beside a delay
    ("sarcasm", "The 'express' shipment is now eleven days out."),
    # open promises to carry, bear or take responsibility for every loss
    ("liability", "Our firm will shoulder all the losses from the spoiled stock."),
    ("liability", "We take full responsibility for any damage the leak caused."),
    ("liability", "The late handover was a clear breach of contract on our part."),
    ("liability", "We are guilty of the delay and the damage it caused to your launch."),
    # the culprit left for them to name
    (
        "blame",
        "The pallets were fine when they left us and wrong when your depot signed. "
        "Make of that what you will.",
    ),
    # a search that found nothing right; a failing named a tradition; a put-off every time
    ("absolutes", "I couldn't point to a single delivery from your depot that came on time."),
    ("absolutes", "It is practically a ritual now that your reports arrive late."),
    ("absolutes", "Every time I phone, your office always says next week."),
]

CLEAN = [
    "A reporter from the Grocer called about the mislabelling and I told him we had no comment.",
    "I'm seeing your managing director at the awards on Friday; I'll tell her how well the "
    "launch went.",
    "We both want to make sure no claim will be issued, so let us talk this week.",
    "We would welcome your comments on the revised rates by the 9th, so that we can plan.",
    "We'll dispatch no further orders until our warehouse move is done on the 14th.",
    "We can meet once the invoice has been checked by both teams.",
    "The discount of 8% stands; take your time to look at it.",
    "Your presentation about the courier options was certainly original, and the board liked it.",
    "The 'Express' range sold out in a week.",
    "We will carry all the samples to your stand.",
    "We take responsibility for fixing all the damaged units by Friday.",
    "There was no breach on our part, but we'd like to understand what went wrong for you.",
    "The pallets were fine when they left us; could we check the depot records together?",
    "I cannot find one invoice from your office in our system; could you resend them?",
    "It has become something of a ritual that we meet at the spring fair.",
    "Good to hear the shop is open again; let's talk about the council notice on Friday.",
    "Your venue had wonderful reviews from our guests. We would be glad to write one, if that "
    "helps.",
    "fyi our legal team is checking the storage clause so we can both sign friday. Thanks.",
]


@pytest.mark.parametrize(("category", "sentence"), FLAGGED)
def test_each_widened_kind_is_flagged_in_other_words(category: str, sentence: str) -> None:
    assert category in {w.category for w in check_text(sentence)}


@pytest.mark.parametrize("sentence", CLEAN)
def test_its_near_miss_passes(sentence: str) -> None:
    assert check_text(sentence) == []
