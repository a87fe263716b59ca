"""The readings by shape: what the kinds the twenty-ninth blind set missed share, read over
broad word lists rather than phrases, each beside near misses that must stay clean."""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

FLAGGED = [
    # a sweep over all their work, whatever is said of it next
    ("absolutes", "All five batches your plant shipped in November failed the moisture test."),
    ("absolutes", "Each quote your estimators have produced this year has been revised upwards."),
    # a repeat counted out, beside a failure
    ("absolutes", "That is now the sixth week running that the report came in after the deadline."),
    ("absolutes", "For the third time this quarter the driver left the pallets outside the gate."),
    # "never" said as memory
    ("absolutes", "I honestly cannot recall one invoice from your firm that matched the order."),
    # a benefit of theirs lost on a condition and a date
    (
        "ultimatums",
        "Your loyalty discount will be withdrawn if the account is not clear by 31 May.",
    ),
    ("ultimatums", "Should payment not be received by the 15th, your partner terms will lapse."),
    # an open promise to make them whole
    ("liability", "We will reimburse every cost that results from the recall, overtime included."),
    ("liability", "We're happy to make you whole for whatever the outage cost your shops."),
    # our work below the standard, named as the cause of their loss
    (
        "liability",
        "Our inspection found that the bolts we supplied were substandard, which led to the "
        "collapse of your racking.",
    ),
    # praise undone by the count after it
    ("sarcasm", "Your helpdesk is a model of efficiency: it only took three escalations to call."),
    # a cause traced to their people, with what it cost us
    (
        "blame",
        "The survey stalled because the permits your site office issued had expired, and we "
        "lost three days.",
    ),
]

CLEAN = [
    "All five batches your plant shipped in November passed the moisture test first time.",
    "For the third time this quarter our driver left the pallets outside your gate, and I am sorry.",
    "The loyalty discount is available on every order placed by 31 May.",
    "We will reimburse the cost of the two replacement bolts and the fitter's visit.",
    "Our inspection of the bolts is booked for Tuesday with an independent engineer.",
    "Your helpdesk was very efficient: a callback within two hours.",
    "Each quote your estimators produce from January will need a second signature, as agreed.",
    "I cannot remember the last time one of your engineers came without the right parts.",
    "I cannot find one invoice from your office in our system; could you resend them?",
    "Your warehouse turned the recall around in 36 hours, which is a new record for us.",
    "From 1 March all orders need a PO number, as our new ERP system will reject them otherwise. "
    "This applies to all our customers.",
    "We will review the rates together by 15 January and credit or invoice the difference.",
    "The go-live slipped because the scripts our team wrote missed the export, and we lost a day.",
]


@pytest.mark.parametrize(("category", "text"), FLAGGED)
def test_each_shape_is_read_whatever_its_words(category, text):
    assert category in {w.category for w in check_text(text)}, text


@pytest.mark.parametrize("text", CLEAN)
def test_its_near_misses_stay_clean(text):
    assert check_text(text) == [], text
