"""The readings of weak signals (tone_signals.py): each family flags only when several of its
classes meet in a sentence, and its clearances let the near misses through."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

FLAGGED = [
    # a third party with power + this episode or a memory + a habit or a future
    (
        "threats",
        "Our compliance team logs every late submission and shares the log with the funder "
        "each quarter.",
    ),
    (
        "threats",
        "The county's licensing officers always ask about complaints against your drivers, and "
        "we keep full records of each one.",
    ),
    (
        "threats",
        "Our purchasing committee renews the approved list in June, and it tends to have a long "
        "memory for situations like this one.",
    ),
    # praise whose object is their lateness or a cost to us, or with mock sympathy after it
    ("sarcasm", "We were touched to receive your apology, only five weeks after the event."),
    (
        "sarcasm",
        "Good to see the new invoicing system working so efficiently. We have now been billed "
        "three times for the same order.",
    ),
    (
        "sarcasm",
        "How considerate of your team to send the revised drawings at 11pm on a Friday. I know "
        "how hectic things must be at your end.",
    ),
    # condescension as a suggestion
    (
        "sarcasm",
        "Might I suggest that someone double-check the arithmetic on your side before the next "
        "invoice goes out?",
    ),
    (
        "sarcasm",
        "It may be useful if someone in your office with a legal background reads clause 12 "
        "before we speak again.",
    ),
    # an open-ended admission
    ("liability", "Rest assured that we will stand behind you on every cost this has caused."),
    ("liability", "You won't be out of pocket for any of this, whatever it comes to."),
    ("liability", "Any damage your stock suffered in our trucks is ours to put right, in full."),
]

CLEAN = [
    # a third party as a fact both sides face, or a calendar stated neutrally
    "Our funder asks every grantee for a quarterly report; I'll send you our template so we're "
    "both ready.",
    "Our board meets in January to approve next year's budget, which includes the new contract.",
    "The regulator has asked every importer for batch records by 31 March, us included.",
    # sincere thanks with dates, or thanks where the delay was ours
    "Thank you for turning the samples round within two days of our request.",
    "We were three weeks late with the survey, and I'm grateful you kept the slot for us.",
    # a plain request, our own expert, their own request
    "Could you check the arithmetic on invoice 3310? I think the VAT line is out by a few pounds.",
    "As you asked, I've set out the figures step by step below.",
    "Could someone from your finance team with access to the ledger join us on Thursday?",
    # a bounded or owed payment
    "We will pay the two outstanding invoices in full by 12 January.",
    "We'll cover the cost of the two damaged pallets, GBP 640 in total.",
    "Invoice 5521 was due on 30 September. We will pay it in full on Friday, with our apologies.",
    # a joint escalation path, and lawyers on both sides arranging a step
    "If Maya and Tom haven't agreed the figures by the 15th, I'd suggest we take it to the two "
    "of us, as the contract provides.",
    "Without any admission of liability, our solicitors will contact yours this week to arrange "
    "a meeting.",
]


@pytest.mark.parametrize(("category", "text"), FLAGGED)
def test_each_family_flags_its_signals_together(category, text):
    assert category in {w.category for w in check_text(text)}


@pytest.mark.parametrize("text", CLEAN)
def test_the_near_misses_stay_clean(text):
    assert check_text(text) == []


# Plain clean drafts in other styles (scripts/tone_plain_clean.toml) that the check flagged:
# thanks for work done at a late hour read as irony, and our own next step after "after which
# we will" read as a penalty clause. Each kind, in several sectors and phrasings.
HOURS_AND_NEXT_STEPS_CLEAN = [
    "A big thank you to Marco and his team for the repair on the chiller on Saturday night. "
    "They arrived within the hour and had it running before the morning deliveries.",
    "Thanks to your engineers for coming out on a Sunday evening to get the line running.",
    "Really grateful to Aisha for staying on at the depot after 10pm to load our trucks.",
    "We would welcome a short call with your service manager to agree the September figure, "
    "after which we will issue the credit note within five working days.",
    "Once the inspector has signed off, after which we will restart the deliveries on Monday.",
    "Please confirm the revised plan by Friday, after which we will book the engineer's visit "
    "for the following week.",
    "Please sign the variation by the 12th, after which we will be happy to release the "
    "remaining stock.",
    "Kindly send the corrected delivery note, after which we will process the payment the "
    "same day.",
]
HOURS_AND_NEXT_STEPS_FLAGGED = [
    (
        "ultimatums",
        "Please settle the balance by Friday, after which we will suspend all deliveries.",
    ),
    (
        "ultimatums",
        "Please collect the goods by Friday, after which we will send an invoice for storage at "
        "40 euros a day.",
    ),
    (
        "ultimatums",
        "The quote stands until Friday, after which we will issue a new one at the higher rates "
        "and the current discount is withdrawn.",
    ),
    (
        "sarcasm",
        "Thank you for finding a moment on a Friday evening, three weeks after we filed it, to "
        "reply.",
    ),
    (
        "sarcasm",
        "Thanks so much for the reply at 11pm on a Friday night; I know how busy things must be.",
    ),
]


@pytest.mark.parametrize("text", HOURS_AND_NEXT_STEPS_CLEAN)
def test_thanks_for_late_hours_and_our_next_step_stay_clean(text):
    assert check_text(text) == []


@pytest.mark.parametrize(("category", "text"), HOURS_AND_NEXT_STEPS_FLAGGED)
def test_the_same_words_with_a_sting_or_a_penalty_are_flagged(category, text):
    assert category in {w.category for w in check_text(text)}


def test_the_plain_clean_drafts_pass():
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "tone_plain_clean.toml"
    drafts = tomllib.loads(path.read_text(encoding="utf-8"))["draft"]
    assert len(drafts) >= 40
    flagged = [d["text"].splitlines()[0] for d in drafts if check_text(d["text"])]
    assert flagged == []
