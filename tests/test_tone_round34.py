"""Kinds the tone check missed, or flagged wrongly, on the thirty-second and thirty-third blind
sets, fixed by kind. Every sentence here is our own, in other sectors and words than the blind
drafts, and each flagged kind has a clean twin in some of the same words.

Missed:
- a consequence left unsaid ("I'll assume you've made your choice and plan accordingly"), or
  the matter passed on to someone less friendly ("it will leave my hands");
- the usual pattern ("as has been the pattern on every project", "true to form");
- a reminder that counts the unanswered ones ("in case the last three emails were swallowed
  by the spam filter", "fourth time lucky");
- talking down by kindness ("contracts aren't everyone's idea of light reading", "may not be
  an area your team deals with often");
- irony with no marker word: "we'd actually noticed", "even when nobody reads them", "treated
  to the rare sight of", "genuinely useful to hear it from our own customers first", "saved
  your team an email, I suppose", "your team is very creative: four dates", "at least the day
  was memorable";
- a decision of ours held over them ("will depend on how forthcoming your team is");
- a sole cause placed on them ("only because ... by your handlers"), and "which anyone can see";
- "your invoices have not once matched".

Flagged wrongly:
- a joint look at other options ("to discuss other options together with you");
- a meeting proposed without the lawyers;
- a calendar's constraint ("the earliest go-live becomes 2 June"; "the earliest it can be
  reviewed is at next month's meeting");
- praise in a double negative ("you have not once missed a delivery window");
- a loaded word for something of ours we apologise for in the same sentence ("Greg's email of
  23 November was unacceptable, and I am sorry for it"), which blind round 34's CEO typed.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

FLAGGED = [
    (
        "ultimatums",
        "If the scaffolders are not back on site by Tuesday, I'll assume you've made "
        "your choice and plan accordingly.",
    ),
    ("ultimatums", "If the revised valuation is not with us by Friday, we will plan accordingly."),
    (
        None,
        "Absent the refund by month end, the matter will leave my hands and I won't be the "
        "one you're dealing with.",
    ),
    (
        "absolutes",
        "As has been the pattern on every shipment this year, the certificates arrived "
        "after the vessel had sailed.",
    ),
    ("absolutes", "True to form, the invoice came in wrong again."),
    (
        "sarcasm",
        "Floating this back to the top of your inbox in case my last two emails were "
        "eaten by the spam filter.",
    ),
    ("sarcasm", "Hopefully third time lucky!"),
    (
        "sarcasm",
        "I realise planning permission isn't everyone's idea of fun, so I have "
        "highlighted the conditions that matter.",
    ),
    (
        "sarcasm",
        "I appreciate that tender rules may not be something your sales team deals with "
        "often, so I have marked the relevant section.",
    ),
    (
        "sarcasm",
        "Thanks for the notice about the price change this morning. We had rather "
        "noticed, what with the invoices arriving last week.",
    ),
    (
        "sarcasm",
        "Your audit trail is wonderfully complete, even when nobody at your end ever reads it.",
    ),
    ("sarcasm", "Our buyers were treated to the unusual sight of frozen prawns arriving thawed."),
    (
        "sarcasm",
        "It was most helpful to learn about the recall from two of our own stores "
        "before anyone at your end mentioned it.",
    ),
    ("sarcasm", "Saved your account team a phone call, I suppose."),
    (
        "sarcasm",
        "Your planning office is truly inventive: three lots, three different ship "
        "dates, and not one matching the order.",
    ),
    (
        "sarcasm",
        "I'm sure the delegates who queued for an hour will be talking about it for "
        "years, so at least the conference was memorable.",
    ),
    (
        "threats",
        "Whether this goes to the ombudsman is still open, and that decision will depend "
        "on how forthcoming your claims team is this week.",
    ),
    (
        "blame",
        "The cargo was damaged only because it was left in the rain for six hours by your "
        "stevedores.",
    ),
    (
        "sarcasm",
        "The readings are flat until the handover, which anyone looking at the file can see.",
    ),
    ("absolutes", "Your statements have not once matched our ledger."),
    ("blame", "Your invoice was unacceptable, and I am sorry for it."),
]
CLEAN = [
    "If the revised valuation is not with us by Friday, could you tell me so that we can move "
    "the site meeting?",
    "If the parts cannot ship by 20 January, we need to know early, to discuss other options "
    "together with you.",
    "I'd like to propose a meeting between our two directors, without our lawyers in the room "
    "at first.",
    "Could we talk it through without the lawyers, just the two of us?",
    "If we can't agree the scope by 30 April, the earliest possible go-live becomes 2 June; we "
    "will work to whichever date you choose.",
    "We need the signed deviation report by Friday. Our release board cannot consider the lot "
    "without it; the earliest it can be reviewed is at next month's meeting.",
    "You have not once missed a delivery window in four years.",
    "We heard about the recall from our own stores this morning and removed the stock at once.",
    "We had already noticed the error and corrected it on our side.",
    "Our audit found the same pattern in our own warehouse, and we have fixed it.",
    "Our engineers will be glad to walk your team through the release notes.",
    # a judgement we apologise for in the same breath is on something of ours
    "Tomasz's email of 3 March was unacceptable, and I am sorry for it, to you and your team.",
    "Priya's reply on Friday was unprofessional, and I apologise for it.",
]


@pytest.mark.parametrize(("category", "text"), FLAGGED)
def test_the_missed_kinds_are_flagged(category, text):
    found = check_text(text)
    assert found, text
    if category is not None:
        assert category in {w.category for w in found}, (text, [w.category for w in found])


@pytest.mark.parametrize("text", CLEAN)
def test_their_clean_twins_pass(text):
    assert check_text(text) == [], (text, [w.matched for w in check_text(text)])
