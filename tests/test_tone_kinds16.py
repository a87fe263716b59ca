"""Kinds the tone check missed, or flagged wrongly, on the thirty-fifth and thirty-sixth blind
sets (two writers), fixed by the kind of reading each needs rather than by phrase:

- a count of our own repeats ("for what must be the fourth time", "set out in three separate
  letters"), a judgement of their size or experience, a lesson in how things "normally" work,
  a term "really quite simple";
- their repeats counted ("the same problem every month with your planners", "as usual" beside
  a lapse, "does not once");
- mock praise of what went wrong (thanks for news that came too late, "creativity" of a bill,
  admiration for what a report left out, "quick by some standards", a mock excuse that counts
  the earlier messages, mock certainty about their fifth attempt);
- blame laid on their input in the passive ("was the result of drawings approved late");
- someone with power over them named as about to look at this dispute, or an authority by its
  initials that "would find it interesting";
- an offer open only till a date and then withdrawn, goodwill with an expiry date, "after that
  the conversation becomes a different one";
- admissions in legal words (negligence of ours, no claim disputed, our act the cause of all).

Flagged wrongly, fixed by kind: a process both sides follow ("if either of us ..."), praise of
their speed with thanks, our own inspector, and a named fact owned ("the late deliveries were
our fault", which a case's typed answer carried into its email).

Every sentence here is our own, in other sectors and words than the blind drafts, and each
flagged kind has a clean twin in some of the same words that a rule keyed on those words would
trip on.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


def _found(sentence: str) -> list[str]:
    return [w.category for w in check_text(f"Dear Ana,\n\n{sentence}\n\nBest regards,\nTom\n")]


FLAGGED = [
    # a count of our own repeats
    (
        "sarcasm",
        "For what we make the fourth time: the rebate applies only to pallets, not cartons.",
    ),
    (
        "sarcasm",
        "As we have already set out in four separate letters, the warranty runs from handover.",
    ),
    # their size or experience judged
    (
        "sarcasm",
        "I realise staged payments can be unfamiliar for a studio of your size, so here is the "
        "gist.",
    ),
    (
        "sarcasm",
        "Allow me to take you through how a retention release normally works in our industry.",
    ),
    ("sarcasm", "Section 4.2 is honestly very straightforward once it is read in full."),
    # their repeats counted
    (
        "absolutes",
        "It is the same problem every month with your planners: the forecast lands after the "
        "cut-off.",
    ),
    ("absolutes", "As usual, the pallets arrived short and nobody answered the phone."),
    ("absolutes", "Your carrier did not once book the slot before arriving at our dock."),
    # mock praise of what went wrong
    (
        "sarcasm",
        "It was thoughtful of your office to warn us about the road closure the day after it "
        "began.",
    ),
    ("sarcasm", "We admired the imagination of your mileage claims for October."),
    (
        "sarcasm",
        "I'm impressed by how thirty slides can cover the launch without even mentioning the "
        "recall.",
    ),
    (
        "sarcasm",
        "I'm sending this again in case it got lost in the same post room as the three before it.",
    ),
    ("sarcasm", "Nine days for a one-line answer: fast by your standards, I'm sure."),
    (
        "sarcasm",
        "No doubt the fourth revised delivery date will be the one that holds.",
    ),
    # blame laid in the passive
    (
        "blame",
        "The overrun on the east wing was the inevitable result of the window schedule being "
        "changed after sign-off.",
    ),
    (
        "blame",
        "The missed sailing was caused by packing lists that were sent late and then amended "
        "again.",
    ),
    # power about to act on this dispute
    (
        "threats",
        "Our risk committee is meeting next week and will be reviewing every supplier with an "
        "unresolved complaint.",
    ),
    (
        "threats",
        "Our head of compliance has asked me whether this batch ought to be reported in the "
        "annual return.",
    ),
    ("threats", "I imagine the DVSA would be quite interested in those tachograph gaps."),
    # an offer that expires, goodwill that runs out, a different conversation
    (
        "ultimatums",
        "Our settlement proposal will stay open until noon on the 14th, after which it will be "
        "withdrawn.",
    ),
    ("ultimatums", "My patience has a sell-by date, and it is Friday."),
    (
        "ultimatums",
        "Once the quarter closes, I'm afraid the discussion becomes an altogether different one.",
    ),
    # the fault placed by denial
    ("blame", "We both know where the order went wrong, and it wasn't at our end."),
    # explained down to them, their document as fiction, hoping it is the last time
    ("sarcasm", "I'll try it in plainer words so that your accountants can follow."),
    ("sarcasm", "The claim pack you sent is an impressive work of invention."),
    ("sarcasm", "Again, and we really hope for the final time: the freight is on your account."),
    # admissions in legal words
    (
        "liability",
        "The flooding was attributable to negligence on the part of our site crew.",
    ),
    (
        "liability",
        "We do not intend to contest any of the costs listed in your schedule.",
    ),
    (
        "liability",
        "We accept that the faulty firmware pushed by our team was the cause of every failure "
        "at your stores.",
    ),
]

CLEAN = [
    # our work laid out in parts, two calls told as help: not a count of our repeats
    "We have set out the figures in three separate tabs of the workbook, one per site.",
    "We raised this in two calls with your planner last week, and both were helpful.",
    # their size as a fact for a price; an offer to show a new tool
    "For a studio of your size, the standard licence covers up to 20 seats.",
    "Let me walk you through the new booking portal on Thursday's call.",
    "The change to the form is quite simple: one new field for your PO number.",
    # a routine with their team, a habit of ours, praise that is a double negative
    "We meet your planners every month to go through the forecast, and it helps.",
    "As usual, we will send the stock report on Monday morning.",
    "As usual, shout if anything on the packing list is missing or wrong.",
    "Your crew did not once miss a slot in the whole season.",
    # thanks for notice in good time, sincere praise of creative work
    "It was good of your office to warn us about the road closure a week ahead.",
    "We were impressed by the creativity of your campaign concepts for the spring launch.",
    "I admire how your crew kept the line running without once stopping a shift.",
    "I'm resending this in case it went to your spam folder.",
    "Nine days is quick by any standard for a retooling, so thank you.",
    "I'm sure the second draft will be the one we sign, as the changes are small.",
    # a cause told with no lapse, or ours
    "The overrun on the east wing was caused by the window schedule being changed after the "
    "survey found asbestos.",
    "The missed sailing was caused by our packing lists being sent late; I am sorry for that.",
    # a committee with its routine, a duty with a copy; our own QA
    "Our risk committee meets next week to approve the renewal pack for your contract.",
    "Our head of compliance has asked whether this batch needs a new certificate of analysis.",
    "I think our QA team would find the photos interesting too; could you send the full set?",
    "I think BMW would be interested in the new seat fabric for next year's range.",
    "Our launch discount stays valid until Friday so that we can proceed with the booking.",
    # an offer kept open with no sanction; goodwill as a credit; after a date, a new topic
    "Our offer of a free site visit remains open until the end of March, whenever suits you.",
    "The goodwill credit on your statement expires on the 30th, so do use it first.",
    "After Friday the discussion moves to next season's range.",
    # plain words for our own board, fiction that is fiction, a last time that is an event
    "I'll put it in plainer words for our own board on Monday.",
    "The launch film is a wonderful piece of storytelling, and the stores love it.",
    "We hope this is the last time the vessel is rolled this season.",
    # the fault placed elsewhere, with who it was named
    "The outage wasn't on our side: the carrier's router dropped the line at 09:12.",
    # a step that needs a document, told with its reason
    "Could you send the delivery notes by Thursday? We cannot process payment without them, as "
    "our auditors check each one.",
    # negligence of either party under the contract; a specific item accepted; a fact owned
    "Negligence on the part of either party is dealt with in clause 14.",
    "We won't be disputing the two pallet charges on invoice 4471.",
    "We accept that the firmware pushed by our team on 3 May was faulty, and we have rolled it "
    "back.",
    # the three false flags of the thirty-sixth set, by kind, in other words
    "If either of us cannot close a snag within three days, we take it to the project board.",
    "Thank you to you and your team: you cleared the snag list in record time, all nine items "
    "done by Friday.",
    "We always issue the test certificate within a day. This time it sat in our own review "
    "queue, and our inspector's sign-off came late; we have added a second reviewer.",
    # a named fact owned, with no sweep, loss or legal word: an apology
    "The short shipments on your March orders were our fault, and I am sorry for them.",
]


@pytest.mark.parametrize(("category", "sentence"), FLAGGED)
def test_the_kinds_two_writers_used_are_flagged(category: str, sentence: str) -> None:
    assert category in _found(sentence), sentence


@pytest.mark.parametrize("sentence", CLEAN)
def test_their_clean_twins_pass(sentence: str) -> None:
    assert _found(sentence) == [], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # praise of speed beside a delay is still irony
        "Thank you: you cleared the snag list in record time, only three weeks after the deadline.",
        # a named fact owned, with the loss beside it, is still an admission
        "The short shipments were our fault, and we will make good your lost sales.",
        # a penalty chosen beside the missing document is still an ultimatum
        "Send the delivery notes by Thursday. We cannot process payment without them, and we "
        "will cancel the next order.",
        # a condition on them alone is still an ultimatum
        "If you cannot close the snags by Friday, we will take it to the project board and "
        "withhold the retention.",
    ],
)
def test_the_clearances_keep_the_move_itself(sentence: str) -> None:
    assert _found(sentence), sentence
