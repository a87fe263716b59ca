"""Moves said sideways, which two new writers' blind sets both used and the check missed: a
threat made through people we say we are holding back, or through what our report to a
regulator will say about them; blame by a lapse told in the passive with every later problem
traced to it; irony as a shrug or a cheerful certainty right after a delay; a mistake said to
be their habit. Each kind is read by who acts, who is judged and what follows for whom, so
each is tested both ways: the flag-worthy sentence, and its clean twin in the same words that
a rule keyed on those words would trip on.

The sentences are our own (other sectors, countries and wording than the sets that showed
the kinds). Every flag-worthy one here passed the check before this reading.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text


def _found(sentence: str) -> list[str]:
    return [w.category for w in check_text(f"Dear Ana,\n\n{sentence}\n\nBest regards,\nTom\n")]


FLAGGED = [
    # others held back by us, said to run out (threats)
    (
        "threats",
        "Some of our growers want to take the rejected loads to the regional paper. I've kept "
        "them back so far, but I can't keep them back indefinitely.",
    ),
    (
        "threats",
        "Our tenants' association is keen to write to the housing ombudsman. I've asked them "
        "to give us a month, but I couldn't hold them off beyond the summer.",
    ),
    (
        "threats",
        "Two of our directors wanted to raise your invoices at the board. I've talked them "
        "down for the moment, but there's only so long I can keep them quiet.",
    ),
    (
        "threats",
        "Several of our dealers are keen to raise the recall in the dealer council. I've held "
        "them back this month, though I can't promise to hold them back after the spring "
        "meeting.",
    ),
    # what our report says about their conduct, left to what they do (threats)
    (
        "threats",
        "Our annual return to the waste regulator is due on 31 January, and how much we say "
        "about your collection failures will depend on the credit.",
    ),
    (
        "threats",
        "We will be deciding next week how much of your team's handling of the spill goes "
        "into our filing with the port state controller.",
    ),
    (
        "threats",
        "As a bonded warehouse we report to customs every month, and I would very much prefer "
        "not to have to mention your drivers' conduct in the next one.",
    ),
    # a lapse with no actor, and the damage traced to it (blame)
    (
        "blame",
        "The outage began when the firewall rules were changed without notice on 4 March, and "
        "every dropped call since then stems from that.",
    ),
    (
        "blame",
        "The invoice was returned to us unsigned on 3 June, and the late payment all follows "
        "from there.",
    ),
    (
        "blame",
        "The cold room was not monitored over the Easter weekend, and the whole batch was "
        "rejected because of that.",
    ),
    (
        "blame",
        "The samples were sent to the lab without a chain-of-custody form, and the rejection "
        "of the whole lot dates from that.",
    ),
    (
        "blame",
        "The tiles were laid before the screed had dried, and every crack since then stems "
        "from that.",
    ),
    (
        "blame",
        "The scaffolding was struck before the inspection had been signed off, and the "
        "fortnight we lost flows from that.",
    ),
    # mock acceptance after a lapse (sarcasm)
    (
        "sarcasm",
        "The crane was booked for March. I suppose June is near enough, but the scaffolders "
        "may disagree.",
    ),
    (
        "sarcasm",
        "Your engineer has been 'on his way' since Tuesday, so I'm sure he will be with us any "
        "minute now.",
    ),
    (
        "sarcasm",
        "We needed the brochures for the trade fair on the 10th. They came on the 24th, but I "
        "guess that's soon enough.",
    ),
    (
        "sarcasm",
        "Our 300 delegates, who have had no joining instructions since the 2nd, will no doubt "
        "be delighted to hear the venue is nearly ready.",
    ),
    (
        "sarcasm",
        "It was very enlightening to read that the cause of the outage was 'a temporary "
        "routing anomaly'.",
    ),
    # a lapse as their habit (absolutes)
    (
        "absolutes",
        "As tends to happen every month with your billing team, the invoice arrived with last "
        "month's rate on it.",
    ),
    (
        "absolutes",
        "As always seems to happen at quarter end with your collections team, the reminder "
        "came before the invoice.",
    ),
    ("absolutes", "Not once in nine months has the weekly report reached us on the agreed day."),
    (
        "absolutes",
        "Not once in three seasons have the harvest estimates reached us by the agreed date, "
        "which makes planning the shipping very hard.",
    ),
]

CLEAN = [
    # a restraint with no limit, or on a thing rather than on people
    "I've asked our installers to hold off while we work on this together.",
    "We have held the room for you, but we can't hold it indefinitely, so could you confirm by "
    "Friday?",
    "We can't keep the crane on site past Friday, so could we agree the lift plan by Thursday?",
    # a duty to report told openly, a report with no lever, or a lever on our own work
    "We are required to report every deviation to the regulator; I will send you our draft "
    "before it goes in so you can correct any facts.",
    "I would prefer not to have to rewrite the report, so could you send the logs by Friday?",
    "Our quarterly review will describe how your team handled the migration, and I'd like to "
    "include your own summary.",
    "Our annual report to the board will describe how your team handled the migration, and it "
    "was excellent.",
    "How much detail do you need in our report on the cold chain?",
    # our own lapse owned, no lapse at all, or an outside cause
    "The seals were not checked at our dispatch bay, and the leaks all follow from that. That "
    "is on us, and I'm sorry.",
    "The pumps were not serviced by our contractor in March, and the failure stems from that; "
    "I'm sorry.",
    "The drawings were returned to us signed on 2 September, and the cladding works all flow "
    "from there.",
    "The port was closed for four days by the storm, and the delays all flow from there.",
    "The lorry was sent to us without a booking reference and waited three hours; could your "
    "planners add it to the confirmation?",
    "The cargo was not inspected at loading, as both of us agreed to skip it to save a day, and "
    "the claim follows from that.",
    "The lab results were returned to us incomplete on 2 May, so we have asked the lab to rerun "
    "two tests; could your team send the missing samples?",
    "The mould was poured before the release agent had been applied, and the defects stem from "
    "that. That was our mistake.",
    "I can't keep the quote open past the end of the month, because the steel price changes on "
    "the 1st.",
    "I've asked our franchisees to hold off on the new orders until the patch is in, which I "
    "think is the sensible thing.",
    "The boxes were ordered for the 12th, and I suppose the 14th is close enough for our launch "
    "on the 20th.",
    "The certificate was sent to you without a signature, and the customs hold follows from that.",
    "The batch was shipped without the test certificate, and your customs hold follows from "
    "that. It will not happen again.",
    # the same shrug or certainty with no delay beside it, after something early, with the
    # reason it will do, or about our own work in progress
    "The part was due on the 4th and arrived on the 6th. I suppose that's close enough for the "
    "shutdown, as the fitters start on the 9th.",
    "We have been working on the fix since Monday, and I'm sure it will be ready any day now; I "
    "will confirm the date on Thursday.",
    "The revised quote is a little over our budget, but I suppose that's close enough for us "
    "to go ahead.",
    "We ordered it for the September shutdown and it arrived in August, ahead of time; I "
    "suppose that's early enough for the fitters.",
    "I'm sure the new date will work for our site team.",
    "Our site team will no doubt be delighted to hear the crane is booked for Monday.",
    "It was very helpful to learn that the cause was a failed switch in Pune; thank you for the "
    "detail.",
    "It was most informative to read 'Cold chain in practice', the guide you sent.",
    # a routine, our own habit, or a habit of theirs we thank them for
    "As happens every quarter, your statement will include the fuel surcharge line.",
    "As happens every quarter with our own statements, the surcharge was applied twice; I'm sorry.",
    "As seems to happen every spring, your garden centre orders doubled, and thank you for the "
    "forecast.",
    "Not once in eighteen months has our report reached you on the agreed date, and I am sorry "
    "for that.",
]

# Clean wording the check flagged before: the same kinds of reading, read the other way.
WAS_FLAGGED = [
    # a time that may not suit them, with another offered: a courtesy, not an ultimatum
    "If this date does not suit you, please tell me and we will find another one.",
    "If Tuesday is not convenient for your engineer, let me know and we can book a different slot.",
    # a step disavowed, and "business days" as a unit of time, not their business reviewed
    "I'd like to move the two disputed invoices into the review process; it gives us a joint "
    "review within 10 business days and a call between directors after that.",
    "We are not raising this to escalate anything; if the figures still differ after the "
    "review on 14 March, the two finance directors would meet.",
    # how their words landed with us; what we should know is our question
    "You wrote that our drivers were rude to your staff. That was hard to read, and I would "
    "rather hear it than not.",
    "Please tell me if there is any loading rule we should know about before Monday.",
]

# ... and the flag-worthy wording next to them still flagged
STILL_FLAGGED = [
    (
        "ultimatums",
        "If we do not hear from you by 14 March, we will escalate this to our legal team.",
    ),
    (
        "ultimatums",
        "If the snag list is not closed by Friday, we will review the business we place with you.",
    ),
    ("sarcasm", "I know your inbox must be hard to read with all those other clients."),
    (
        "sarcasm",
        "Anyone who has worked in freight for a week should know what a bill of lading is.",
    ),
]


@pytest.mark.parametrize(("category", "sentence"), FLAGGED)
def test_a_move_said_sideways_is_flagged(category: str, sentence: str) -> None:
    assert category in _found(sentence)


@pytest.mark.parametrize("sentence", CLEAN + WAS_FLAGGED)
def test_its_clean_twin_is_not(sentence: str) -> None:
    assert _found(sentence) == []


@pytest.mark.parametrize(("category", "sentence"), STILL_FLAGGED)
def test_the_flag_worthy_neighbours_still_are(category: str, sentence: str) -> None:
    assert category in _found(sentence)


def test_a_finding_says_what_kind_of_move_it_is() -> None:
    found = check_text(
        "Dear Ana,\n\nThe invoice was returned to us unsigned on 3 June, and the late payment all "
        "follows from there.\n\nBest regards,\nTom\n"
    )
    assert found and "passive" in found[0].explanation
