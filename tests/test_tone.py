"""Tone check: rules, the labelled corpus, and the check on every draft a case writes."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from triage.engine.tone import (
    DEFAULT_RULES_PATH,
    RULES_ENV,
    Finding,
    ToneWarning,
    check_answers,
    check_case,
    check_outputs,
    check_text,
    configured_rules,
    is_draft,
    load_rules,
)

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "tone_corpus"
CATEGORIES = {"threats", "ultimatums", "sarcasm", "liability", "blame", "absolutes"}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def categories(text, rules):
    return [w.category for w in check_text(text, rules)]


# --- single sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category", "matched"),
    [
        (
            "Frankly, you failed to meet the response times in the SLA.",
            "blame",
            "you failed to meet",
        ),
        ("Your team has failed to deliver the March release.", "blame", "Your team has failed"),
        ("This outage was entirely your fault.", "blame", "entirely your fault"),
        ("You should have told us about the change before go-live.", "blame", "You should have"),
        ("You ignored three of our tickets last week.", "blame", "You ignored"),
        ("The delay is unacceptable.", "blame", "unacceptable"),
        (
            "Your support desk always sends the same canned reply.",
            "absolutes",
            "Your support desk always",
        ),
        (
            "We never get a straight answer from your account team.",
            "absolutes",
            "We never get a straight answer from your account team",
        ),
        (
            "Every single time we raise an issue it takes a week.",
            "absolutes",
            "Every single time we raise",
        ),
        ("If this is not fixed by Friday we will sue.", "threats", "we will sue"),
        ("Consider this your final warning.", "ultimatums", "Consider this your final warning"),
        (
            "We will terminate the contract at the end of the quarter.",
            "threats",
            "We will terminate the contract",
        ),
        ("As I already explained, the invoice is correct.", "sarcasm", "As I already explained"),
        ("Per my last email, the figures are attached.", "sarcasm", "Per my last email"),
        (
            "With all due respect, that is not what the schedule says.",
            "sarcasm",
            "With all due respect",
        ),
        (
            "We accept that we breached the contract in April.",
            "liability",
            "accept that we breached",
        ),
        ("We're in breach of clause 4, and we know it.", "liability", "We're in breach"),
        ("We are fully liable for the lost orders.", "liability", "We are fully liable"),
        (
            "We will compensate you for all losses.",
            "liability",
            "We will compensate you for all losses",
        ),
    ],
)
def test_flags_real_sentences(rules, sentence, category, matched):
    warnings = check_text(sentence, rules)
    assert (category, matched) in [(w.category, w.matched) for w in warnings]
    warning = next(w for w in warnings if w.matched == matched)
    assert warning.line == 1
    assert warning.column == sentence.index(matched) + 1
    assert warning.explanation and warning.suggestion


# The phrases from the user study's brief, each inside a sentence of its own.
BRIEF_FLAGS = [
    ("threats", "If the invoice is still open next month, our lawyers will be in touch."),
    ("threats", "We will have no choice but to take this further."),
    ("threats", "We reserve the right to commence proceedings without further notice."),
    ("ultimatums", "Please settle the account by the 30th, failing which we will stop supply."),
    ("ultimatums", "Should we not hear from you by Friday, we will close the account."),
    ("ultimatums", "Unless we receive payment within 7 days, we will pass this on."),
    ("ultimatums", "This is your final opportunity to agree the revised scope."),
    ("sarcasm", "Thanks for finally replying to my email."),
    ("sarcasm", "Eleven days for a one-line answer: a new record."),
    ("sarcasm", "As I'm sure you're aware, the terms are in the schedule."),
    ("sarcasm", "With all due respect, the figures are not in dispute."),
    ("sarcasm", "Per my last email, the invoice was approved in March."),
    ("liability", "This was entirely our fault."),
    ("liability", "We accept full responsibility for the outage."),
    ("liability", "We will reimburse all your losses."),
    ("liability", "We admit we breached clause 7."),
    ("liability", "We are liable for the delay."),
    ("blame", "The outage was caused by your side."),
    ("blame", "Your team ignored our three reminders."),
    ("blame", "You failed to send the figures."),
    ("blame", "The report was late because you didn't send the data."),
    ("blame", "This is down to your incompetence."),
    ("absolutes", "You always send the figures late."),
    ("absolutes", "You never confirm the slots."),
    ("absolutes", "Your team constantly moves the delivery dates."),
    ("absolutes", "Every single time you promise a date, it slips."),
]

BRIEF_CLEAN = [
    "That should never have happened, and I am sorry.",
    "We never want this to happen again.",
    "We will always confirm in writing from now on.",
    "Our legal team will draft the amendment this week.",
    "We both want to avoid proceedings.",
    "The contract's dispute clause provides for mediation.",
    "I suggest a without prejudice meeting next week.",
    "You have always been one of our best partners.",
    "You always gave us clear feedback.",
    "Thank you for your patience.",
    "Thanks for raising this.",
    "Clause 7.2 sets the payment terms.",
]


@pytest.mark.parametrize(("category", "sentence"), BRIEF_FLAGS)
def test_the_kinds_a_mediator_would_stop_are_flagged(rules, category, sentence):
    assert category in categories(sentence, rules)


@pytest.mark.parametrize("sentence", BRIEF_CLEAN)
def test_regret_commitments_compliments_and_neutral_legal_words_pass(rules, sentence):
    assert check_text(sentence, rules) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Dear Priya, our recent exchanges have not gone well, and I am sorry for that.",
        "We sent an automated reply to an urgent report, and it should have gone to a person.",
        "Our replies were slower than the service schedule allows, and we are fixing that.",
        "I would like to suggest a without-prejudice call next week.",
        "Would Tuesday 14 May at 10:00 or Thursday 16 May at 14:30 suit you?",
        "Nevertheless, I think we can agree a way forward.",
        "The report you flagged failed validation on our side, which we have now corrected.",
        "Thank you for raising the invoice query so clearly.",
        "The alwayson flag is a product name, not a promise.",
        "Let's agree who speaks for each side and how quickly we reply.",
        "So the biggest effect on your side has been the month-end delay. Have I understood that?",
        "You should have received the login details this morning.",
        "If you don't mind, we'll close the ticket once the patch is live.",
    ],
)
def test_leaves_constructive_sentences_alone(rules, sentence):
    assert check_text(sentence, rules) == []


def test_positions_are_one_based_across_lines(rules):
    text = "Dear Sam,\n\nThanks for the call.\nSadly you always\nreply late."
    (warning,) = check_text(text, rules)
    assert (warning.line, warning.column, warning.matched) == (4, 7, "you always")


def test_phrase_broken_across_lines_is_found(rules):
    text = "I am afraid that\nyou failed to send the file."
    (warning,) = check_text(text, rules)
    assert (warning.line, warning.column) == (2, 1)
    assert warning.matched == "you failed to send"


def test_a_phrase_across_a_blank_line_or_odd_spacing_is_read_as_written(rules):
    text = "Per  my\n   last email,\n\nthe file is attached."
    (warning,) = check_text(text, rules)
    assert warning.matched == "Per my last email"
    assert check_text("you\n\nalways", rules) == []  # a paragraph break ends the sentence...
    assert check_text("Thanks.\n\n- you never reply", rules) != []  # ...and a list item starts one


def test_curly_apostrophes_are_read_as_straight_ones(rules):
    (warning,) = check_text("As I\u2019m sure you\u2019re aware, it is in the contract.", rules)
    assert warning.category == "sarcasm"
    assert warning.matched == "As I\u2019m sure you\u2019re aware"


def test_several_warnings_come_in_reading_order(rules):
    text = "You never answer. As previously stated, we will sue."
    assert categories(text, rules) == ["absolutes", "sarcasm", "threats"]


def test_overlapping_matches_of_one_category_are_reported_once(rules):
    warnings = check_text("Your team ignored it, and this is your team's incompetence.", rules)
    assert [w.category for w in warnings] == ["blame", "blame"]


def test_default_rules_cover_every_category(rules):
    assert {r.category for r in rules} == CATEGORIES
    assert load_rules(DEFAULT_RULES_PATH) == rules
    assert check_text("You always do this.") == check_text("You always do this.", rules)


# --- rules files -----------------------------------------------------------------------------


def test_team_file_extends_and_overrides(tmp_path: Path, rules):
    team = tmp_path / "team.toml"
    team.write_text(
        "format = 1\n"
        '[[rules]]\nid = "you-always"\nenabled = false\n'
        '[[rules]]\nid = "asap"\ncategory = "pressure"\npattern = "asap|urgently"\n'
        'explanation = "Vague urgency."\nsuggestion = "Give a date."\n',
        encoding="utf-8",
    )
    merged = load_rules(extra=[team])
    assert "you-always" not in {r.id for r in merged}
    assert len(merged) == len(rules)
    text = "You always want it ASAP."
    assert [(w.category, w.matched) for w in check_text(text, merged)] == [("pressure", "ASAP")]
    only_team = load_rules(team)
    assert [r.id for r in only_team] == ["asap"]


def test_a_team_word_list_extends_every_rule_that_uses_it(tmp_path: Path, rules):
    text = "The vendor ignored our tickets."
    assert check_text(text, rules) == []
    team = tmp_path / "team.toml"
    team.write_text('format = 1\n[words]\nyou = ["the vendor"]\n', encoding="utf-8")
    merged = load_rules(extra=[team])
    assert [(w.rule, w.matched) for w in check_text(text, merged)] == [
        ("you-did-wrong", "The vendor ignored")
    ]


def test_context_keys_look_at_the_rest_of_the_sentence(tmp_path: Path):
    team = tmp_path / "team.toml"
    team.write_text(
        "format = 1\n[words]\nday = ['monday', 'friday']\n"
        '[[rules]]\nid = "deadline"\ncategory = "pressure"\npattern = "by {day}"\n'
        "unless_preceded_by = '\\bcould you\\b'\n"
        "unless_followed_by = '^ so '\n"
        "only_if_followed_by = '\\bor\\b'\n"
        'explanation = "A deadline with a penalty."\nsuggestion = "Give a reason."\n',
        encoding="utf-8",
    )
    rules = load_rules(team)
    assert [w.matched for w in check_text("Pay by Friday or else. By Monday or else.", rules)] == [
        "by Friday",
        "By Monday",
    ]
    assert check_text("Pay by Friday.", rules) == []  # nothing follows
    assert check_text("Could you pay by Friday or Monday?", rules) == []  # preceded
    assert check_text("Pay by Friday so or not.", rules) == []  # followed


CUES_TEAM_FILE = """\
format = 1
[words]
outsiders = ['our lawyers', 'the council']
[[rules]]
id = "outsiders-with-a-condition"
category = "pressure"
pattern = '{outsiders}'
also_in_sentence = ['\\bif\\b', '\\bnot\\b']
unless_in_sentence = '\\bdraft'
unless_in_paragraph = '\\brequired\\b'
explanation = "e"
suggestion = "s"
"""


def test_a_rule_of_cues_needs_every_cue_in_the_sentence(tmp_path: Path):
    team = tmp_path / "team.toml"
    team.write_text(CUES_TEAM_FILE, encoding="utf-8")
    rules = load_rules(team)
    (warning,) = check_text("Hi. If this is not paid, our lawyers will call.", rules)
    # the phrase runs from the first cue to the last, and each cue's words are kept
    assert warning.matched == "If this is not paid, our lawyers"
    assert warning.cues == ("If", "not", "our lawyers")
    assert (warning.line, warning.column) == (1, 5)
    assert check_text("If you can, our lawyers will call.", rules) == []  # no "not"
    assert check_text("If it is not paid. Our lawyers will call.", rules) == []  # two sentences
    assert check_text("If not, our lawyers will draft it.", rules) == []  # unless_in_sentence
    paragraph = "We are required to report it. If it is not fixed, the council will visit."
    assert check_text(paragraph, rules) == []  # unless_in_paragraph
    other = "We are required to report it.\n\nIf it is not fixed, the council will visit."
    assert [w.matched for w in check_text(other, rules)] == ["If it is not fixed, the council"]


def test_a_list_item_starts_a_sentence_in_an_email_too(tmp_path: Path):
    team = tmp_path / "team.toml"
    team.write_text(
        "format = 1\n[[rules]]\nid = 'pair'\ncategory = 'pressure'\npattern = 'alpha'\n"
        "also_in_sentence = 'beta'\nexplanation = 'e'\nsuggestion = 's'\n",
        encoding="utf-8",
    )
    rules = load_rules(team)
    assert check_text("alpha and beta", rules) != []
    for ending in ("\n", "\r\n", " \r\n"):  # an email's lines end in CRLF
        assert check_text(f"alpha:{ending}- beta", rules) == [], repr(ending)


def test_nearby_sentences_widen_a_rule_of_cues_within_its_paragraph(tmp_path: Path):
    team = tmp_path / "team.toml"
    team.write_text(
        "format = 1\n[[rules]]\nid = 'near'\ncategory = 'pressure'\npattern = 'the council'\n"
        "also_in_sentence = 'keen to hear'\nnearby_sentences = 1\n"
        "explanation = 'e'\nsuggestion = 's'\n",
        encoding="utf-8",
    )
    rules = load_rules(team)
    text = "I spoke to the council today. They would be keen to hear about this."
    (warning,) = check_text(text, rules)
    assert warning.cues == ("the council", "keen to hear")
    assert check_text("I spoke to the council today.\n\nThey are keen to hear it.", rules) == []
    far = "I spoke to the council. It rained. They are keen to hear it."
    assert check_text(far, rules) == []  # two sentences away


def test_a_finding_of_cues_gives_way_to_a_plain_one_of_its_category(rules):
    text = "Unless payment arrives by Friday, we will suspend all deliveries."
    found = [w for w in check_text(text, rules) if w.category == "ultimatums"]
    assert len(found) == 1 and found[0].cues == ()  # the plainer rule's finding is shown


def test_a_long_finding_of_cues_shows_its_cues():
    finding = Finding(
        "reset-email.eml",
        "our solicitors " + "x " * 60 + "so they have the full history",
        "threats",
        "e",
        "s",
        cues=("our solicitors", "so they have the full history"),
    )
    assert '"our solicitors ... so they have the full history"' in finding.message()


# Kinds of wording found by their parts, not by a fixed order of words: one sentence each,
# written for this test, beside sentences of the same words that a mediator would let pass.
CUE_KINDS_FLAGGED = [
    ("threats", "I've copied Harwood Lane Solicitors on this email so they have the full history."),
    ("threats", "I'm sure the council's food safety people would find your van interesting."),
    ("threats", "A few of the other franchisees have been asking me how you've handled this."),
    ("threats", "Our lawyers have a copy too, in case this needs to go further."),
    ("threats", "We will be sharing our experience with all the members in open forum."),
    ("ultimatums", "Down by Mon 8am or I get another firm in."),
    (
        "ultimatums",
        "If the deck isn't in my inbox by noon, I'm taking the account to other agencies.",
    ),
    ("ultimatums", "We need the parts by the 3rd; past that, we'll source them elsewhere."),
    ("ultimatums", "Do you want to keep our business?"),
    ("sarcasm", "I'm sure our customers loved waiting three weeks for their parcels."),
    ("sarcasm", "It must be taking the scenic route through the whole of Leinster."),
    ("sarcasm", "Did anyone on your side open the brief, or is that an optional extra?"),
    ("sarcasm", "Thanks so much for the update, a full fortnight after the deadline."),
    ("sarcasm", "Ah grand, so the cake is on its way again."),
    ("blame", "The resulting clashes were missed by your project lead."),
    ("blame", "This all traces back to Kevin in your back office, who didn't submit the report."),
    ("blame", "If your engineers had tested the update, none of our tills would have gone down."),
    ("absolutes", "Every single delivery we've had from you this year has been short."),
    ("absolutes", "Not one order has arrived complete."),
    ("absolutes", "As usual, the report from your office arrived with figures missing."),
    ("liability", "We will pay every cost your company has because of it, whatever the amount."),
    ("liability", "The flooding was down to us, and the damage is our responsibility."),
    # kinds added after the eleventh held-out set
    ("threats", "I'd hate to have to bring this to the attention of the licensing authority."),
    ("threats", "My father-in-law is a retired barrister and has read your terms."),
    ("threats", "I've held off posting a review so far, as I'd rather hear from you first."),
    ("ultimatums", "I'll give you one more week, then I'll take it that this isn't a priority."),
    ("sarcasm", "Thank you for fitting us in around your clearly more important accounts."),
    ("sarcasm", "It's not as if we had forty guests arriving at noon or anything."),
    ("sarcasm", "Let me put it more simply: the rebate follows shipments, not orders."),
    ("sarcasm", "Any first-year apprentice would know that the valve needs a torque check."),
    ("sarcasm", "As you're still new to the job, you may not know how things work here."),
    ("blame", "Had the delivery note been checked properly at your end, we wouldn't be short."),
]

CUE_KINDS_CLEAN = [
    "Our insurer will contact you next week to arrange a visit, as the policy requires.",
    "Our legal team is reviewing the draft amendment and will send comments by Friday.",
    "Several of our stores have asked whether the new packaging can be used for autumn.",
    "If the parts don't arrive by Friday, we'll send our own engineer at no cost to you.",
    "If we don't hear from you by Friday, I'll assume Thursday's call still works.",
    "If the revised schedule doesn't work for your crew, tell me by Friday.",
    "I'm sure your team will appreciate the extra week on the deadline.",
    "Only two days after we reported the fault, your engineer had it fixed, thank you.",
    "The late arrival was down to the motorway closure; nothing your driver could have done.",
    "We invoiced without checking the sign-off process with your project manager.",
    "Our email of 17 November questioned your team's motives, which was wrong.",
    "Because your QA team caught the labelling error, we avoided a recall.",
    "Every shipment since March has arrived on schedule.",
    "None of the samples showed any defects, so we're happy to approve the run.",
    "Your drivers always call ahead when they're running late, which we value.",
    "We'll refund the full amount of the cancelled order within five working days.",
    "We'll cover the cost of the courier for the replacement parts.",
    "Great news, the containers cleared customs again without any checks.",
    'We\'d like to hold a without-prejudice meeting; a "without prejudice" offer is attached.',
    "We are required to report the incident to the licensing authority, so I've sent the form.",
    "My sister is a solicitor and could recommend a property firm if you need one.",
    "We've held off on invoicing the extra visit until we agree the scope.",
    "Let's give the new settings one more week and see how they hold.",
    "Thanks for squeezing us in between your other jobs on Friday; the crew was great.",
    "Sorry my last note was confusing; let me explain it more simply.",
    "Could you ask your manager to sign the variation by Friday?",
    "Welcome to the account; as you're new to it, I've attached the history.",
    "If the drawings had been checked properly by us, this would not have happened.",
    "Lovely to finally meet the whole team at the open day.",
    "As a matter of routine we told our insurers; this is not a claim against you.",
]


@pytest.mark.parametrize(("category", "sentence"), CUE_KINDS_FLAGGED)
def test_kinds_found_by_their_parts_are_flagged(rules, category, sentence):
    assert category in categories(sentence, rules)


@pytest.mark.parametrize("sentence", CUE_KINDS_CLEAN)
def test_the_same_words_for_an_ordinary_reason_pass(rules, sentence):
    assert check_text(sentence, rules) == []


# --- readings: who does what to whom --------------------------------------------------------

# Flagged by a reading of the sentence, not by a phrase: a consequence aimed at the reader and
# tied to what they do, the reader as the one who failed, an open promise to pay, mock praise.
READINGS_FLAGGED = [
    ("threats", "Until the cracked panels are replaced, the retention payment stays with us."),
    ("threats", "If the credits don't appear this month, we will be rethinking the account."),
    (
        "threats",
        "Our finance director is already asking me whether to renew with you next year; "
        "right now I can't tell her.",
    ),
    ("threats", "We would really not like to take this up with the trading standards officer."),
    ("ultimatums", "Send the revised plan by Tuesday noon. After that we go with another vendor."),
    (
        "ultimatums",
        "Should the stock not arrive by the 9th, we will assume that you are no longer "
        "able to supply us.",
    ),
    ("blame", "The water damage is squarely on your fitters."),
    ("blame", "It failed because your operators were not following the start-up sheet."),
    ("absolutes", "Your accounts desk loses every remittance we send."),
    ("liability", "Whatever the recall ends up costing you, we will cover it."),
    ("sarcasm", "You'll be amazed to hear the second unit has the same fault."),
    ("sarcasm", "The parcel has been enjoying a little tour of the north, it seems."),
]
# The same surface words, used fairly: about ourselves, with the reader, for them, or asked for.
READINGS_CLEAN = [
    "Until the new panels arrive, we will keep the site secure at our cost.",
    "If the credits don't appear this month, tell me and I'll chase our finance team.",
    "Our finance director asked me to thank you for the renewal terms.",
    "We will review our own checklist before the next delivery.",
    "We would like to review the account with you together in March.",
    "As you asked, we will stop the standing order until the new bank details are confirmed.",
    "Send the revised plan by Tuesday and we will book the install for the week after.",
    "The improvement is down to your fitters, who did a great job.",
    "We failed to send the drawings, and that should never have happened.",
    "As agreed, we will cover the 180 pounds for the replacement courier.",
    "You'll be pleased to hear the second unit passed every test.",
    "Our legal team will draft the amendment this week.",
    "We both want to avoid proceedings, so let's meet on Thursday.",
    "You have always been one of our best partners.",
]


@pytest.mark.parametrize(("category", "sentence"), READINGS_FLAGGED)
def test_a_reading_finds_who_does_what_to_whom(rules, category, sentence):
    found = [w for w in check_text(sentence, rules) if w.category == category]
    assert found, sentence


@pytest.mark.parametrize("sentence", READINGS_CLEAN)
def test_the_same_acts_about_ourselves_or_done_together_pass(rules, sentence):
    assert check_text(sentence, rules) == []


# Kinds that drafts by other writers still got past the check or flagged wrongly: absolutes
# with no "never" or "always", veiled threats, and ultimatums whose penalty has no person;
# each with a near miss that uses the same words fairly (more in tone_corpus/kinds2.toml).
UNSEEN_KINDS_FLAGGED = [
    ("absolutes", "Getting a delivery date out of your planners is almost impossible these days."),
    ("absolutes", "Not one of your couriers has arrived in the booked slot since May."),
    ("absolutes", "Your help desk hasn't answered a single ticket we opened in March."),
    ("absolutes", "Your entire support team seems to go silent after lunch."),
    ("threats", "After the second recall we will need to reconsider our position."),
    ("threats", "We will have to consider our position on this matter."),
    ("threats", "Once we have your reply, we will determine our next steps accordingly."),
    ("absolutes", "Every email we send to your claims desk goes unanswered."),
    ("absolutes", "None of your fitters on the third floor have followed the method statement."),
    ("ultimatums", "Miss that date and we'll move the job to the next window at your cost."),
    ("threats", "We are looking at the remedies available to us under the agreement."),
    ("threats", "Our rights in respect of the late handover remain fully reserved."),
    ("threats", "I can't promise this will stay between our two firms for much longer."),
    ("threats", "We will be taking the matter further with your managing director."),
    ("threats", "We may have to go down the legal route over the unpaid retention."),
    ("ultimatums", "Barring payment by the 20th, the storage fee will be charged to your account."),
    (
        "ultimatums",
        "Absent a signed order by noon Friday, your slot will be released to another brand.",
    ),
]
UNSEEN_KINDS_CLEAN = [
    "It would be impossible to find a more dependable carrier than your team.",
    "Not one of your couriers has been late since May, and our staff have noticed.",
    "Not once has your team missed a payment date in six years.",
    "Not once did we tell you about the surcharge, and that was wrong of us.",
    "Please thank your entire support team for staying late on Friday.",
    "We will consider your proposal and come back to you by the 20th.",
    "Both parties' rights are set out in section 9 of the draft.",
    "We'd love to take the trial further next year.",
    "As required by our permit, we will send the annual emissions report to the agency.",
    "I've asked our legal team to check what the contract says about notice periods.",
    "We have informed our insurers and the regulator as required.",
    "Neither of us wants to end up in front of a tribunal, so let's talk on Monday.",
    "Absent any comments by Monday, I will circulate the minutes as they stand.",
    "Unless we hear otherwise by Thursday, we'll assume Tuesday at 10 still suits you.",
    "Please ask your whole team to use the new portal every day.",
    "I've been reviewing our position on stock levels and I think we can help.",
    "We need to decide how to proceed with the relaunch, and I'd like your input.",
    "Nobody at your end could have known the port would close.",
    "It's almost impossible to get hold of a crane at this time of year, so your team did well.",
    "We will plan our next steps together at the review.",
    "Every email I send to your team gets a quick answer, which I appreciate.",
    "None of your staff have had to sign in twice since the new system went live.",
    "If you miss that and the next slot, just let me know and we'll find another date.",
]


@pytest.mark.parametrize(("category", "sentence"), UNSEEN_KINDS_FLAGGED)
def test_absolutes_veiled_threats_and_impersonal_penalties_are_flagged(rules, category, sentence):
    assert category in categories(sentence, rules), check_text(sentence, rules)


@pytest.mark.parametrize("sentence", UNSEEN_KINDS_CLEAN)
def test_their_near_misses_pass(rules, sentence):
    assert check_text(sentence, rules) == []


# Kinds the twentieth blind set got past the check, read by stance rather than by act: talking
# down patiently, thanks with a sting, verdicts on dealing with them, a third party who will
# judge, pointed reminders; each with near misses in the same words (more in kinds3.toml).
STANCE_FLAGGED = [
    ("sarcasm", "Let me try to explain this in a way that makes sense: the fee is per month."),
    ("sarcasm", "Once again, for the avoidance of doubt, the warranty does not cover misuse."),
    ("sarcasm", "I will repeat what I wrote on Monday, since it seems to have been missed."),
    ("sarcasm", "We really do appreciate your prompt reply, three weeks after the deadline."),
    ("sarcasm", "It was good of you to show up at all."),
    ("sarcasm", "I'm sure it was yet another unexpected problem with the courier."),
    ("absolutes", "Trying to get a straight answer out of your office is an exercise in patience."),
    ("absolutes", "Dealing with your accounts team is a full-time job."),
    ("absolutes", "Your drivers seem to treat the delivery window as a suggestion."),
    ("threats", "An arbitrator would have no trouble seeing who is at fault here."),
    ("threats", "Our members will be hearing about this at the AGM."),
    ("sarcasm", "Just circling back on this again, as I haven't heard anything."),
]
STANCE_CLEAN = [
    "I'd be happy to go over it again with your new accounts colleague.",
    "Let me explain again why we need the PO number, because our auditor has asked us to check.",
    "We explained to the council again that the road is closed.",
    "As I said when we spoke, we are ending the arrangement; I will not go over it again here.",
    "Finally, thank you for the help with the audit.",
    "We finally have the revised figures, and thank you for waiting.",
    "Only two days after we reported the fault, your engineer had it fixed, thank you.",
    "I'm sure this was one of those freak storms nobody could plan for, so no blame on you.",
    "Getting the permit from your council is a project in itself, so we have started early.",
    "Dealing with your team has been a pleasure this year.",
    "Your engineers seem to know the site well.",
    "The adjudicator will rule on the claim by the 12th.",
    "We report all late payments to the credit agencies as our terms require.",
    "Our members will hear about the new scheme at the AGM.",
    "Just a gentle reminder that the survey closes on Friday; thanks again for taking part.",
    "Our email of 3 May suggested your team caused the leak; we now know it was the valve.",
    "I said last week that your crew had damaged the gate, and I was wrong.",
    "Your tenants were moved before the water came in, and we will send a report on what failed.",
]


@pytest.mark.parametrize(("category", "sentence"), STANCE_FLAGGED)
def test_a_stance_against_the_reader_is_flagged_when_its_act_is_harmless(rules, category, sentence):
    assert category in categories(sentence, rules), check_text(sentence, rules)


@pytest.mark.parametrize("sentence", STANCE_CLEAN)
def test_the_same_words_offered_meant_or_taken_back_pass(rules, sentence):
    assert check_text(sentence, rules) == []


def _quoted(text: str) -> list[str]:
    """Quoted passages of seven words or more: example sentences, not ways of wording."""
    return [q for q in re.findall(r'"([^"]+)"', text) if len(q.split()) >= 7]


def test_a_suggestion_quotes_only_the_draft_it_was_made_for(rules):
    """The rewrite shown with a finding is the flagged sentence without the flagged words, never
    a template sentence from another dispute (a floor plan in a note about payroll)."""
    rewrites = 0
    for draft in [d for name in ("main", "kinds2", "kinds3", "roles") for d in corpus(name)]:
        flat = " ".join(draft["text"].split()).lower()
        for warning in check_text(draft["text"], rules):
            for quote in _quoted(warning.suggestion):
                assert quote.lower().rstrip(".?") in flat, (draft["id"], warning.suggestion)
                assert warning.matched.lower() not in quote.lower(), (draft["id"], quote)
                rewrites += 1
    assert rewrites >= 10


def test_a_suggestion_rewrites_the_flagged_sentence_where_it_can(rules):
    text = "Hi Gail,\n\nPer my last three emails, the signed variation is still outstanding.\n"
    (warning,) = check_text(text, rules)
    assert warning.suggestion.endswith(
        'Without the flagged words: "The signed variation is still outstanding."'
    )
    # the flagged words in the middle of a sentence: the advice alone, no stranger's example
    text = "Your staff were rude, and the floor plan they issued was wrong, as usual."
    for warning in check_text(text, rules):
        assert "3 May" not in warning.suggestion and warning.suggestion


def test_a_reading_names_its_words_and_why(rules):
    text = "Thanks.\n\nIf it is missed, we will draw our own conclusions about the partnership."
    (warning,) = check_text(text, rules)
    assert warning.rule == "reading-consequence-by-a-date"
    assert (warning.line, warning.column, warning.category) == (3, 1, "ultimatums")
    assert warning.matched == "If it is missed, we will draw our own conclusions"
    assert warning.cues == ("If it is missed", "draw our own conclusions")
    assert warning.explanation and warning.suggestion


def test_only_packaged_or_named_readings_run(tmp_path: Path, rules):
    text = "Until the list is closed, the next payment stays with us."
    assert [w.rule for w in check_text(text, rules)] == ["reading-consequence-for-the-reader"]
    off = tmp_path / "off.toml"
    off.write_text('[[rules]]\nid = "reading-consequence-for-the-reader"\nenabled = false\n')
    assert check_text(text, load_rules(extra=[off])) == []
    own = tmp_path / "own.toml"
    own.write_text(
        '[[rules]]\nid = "held"\ncategory = "pressure"\nreading = "consequence"\n'
        'explanation = "e"\nsuggestion = "s"\n'
    )
    assert [(w.category, w.rule) for w in check_text(text, load_rules(own))] == [
        ("pressure", "held")
    ]


def test_every_reading_has_a_packaged_rule(rules):
    from triage.engine.formats.tone import READINGS

    assert {rule.reading for rule in rules if rule.reading} == set(READINGS)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (
            '[[rules]]\nid = "x"\ncategory = "blame"\npattern = "(unclosed"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "rule 'x'",
        ),
        (
            '[[rules]]\nid = "y"\ncategory = "blame"\npattern = "a?"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "rule 'y'",
        ),
        ('[[rules]]\nid = "z"\ncategory = "blame"\npattern = "z"\nexplanation = "e"\n', "rule 'z'"),
        ('[[rules]]\nid = "Bad Id"\n', "rule 'Bad Id'"),
        ('[[rules]]\ncategory = "blame"\n', "rule number 1"),
        (
            '[[rules]]\nid = "w"\ncategory = "blame"\npattern = "w"\nexplanation = "e"\n'
            'suggestion = "s"\npaternn = "typo"\n',
            "rule 'w'",
        ),
        ("[[rules]\n", "not valid TOML"),
        (
            '[[rules]]\nid = "u"\ncategory = "blame"\npattern = "{nosuch} x"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "no [words] list",
        ),
        (
            '[[rules]]\nid = "v"\ncategory = "blame"\npattern = "v"\nunless_followed_by = "(x"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "unless_followed_by is not a valid",
        ),
        (
            '[[rules]]\nid = "t"\ncategory = "blame"\npattern = "t"\nunless_preceded_by = "x?"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "matches empty text",
        ),
        (
            '[[rules]]\nid = "a"\ncategory = "blame"\npattern = "a"\nalso_in_sentence = 3\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "also_in_sentence must be a regular expression",
        ),
        (
            '[[rules]]\nid = "n"\ncategory = "blame"\npattern = "a"\nnearby_sentences = 5\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "nearby_sentences must be a whole number from 0 to 2",
        ),
        (
            '[[rules]]\nid = "c"\ncategory = "blame"\npattern = "a"\nalso_in_sentence = ["(x"]\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "rule 'c'",
        ),
        (
            '[[rules]]\nid = "r"\ncategory = "blame"\nreading = "nosuch"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "reading must be one of",
        ),
        (
            '[[rules]]\nid = "q"\ncategory = "blame"\nreading = "blame"\npattern = "q"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "a rule with a reading takes no pattern",
        ),
        ("[words]\nyou = []\n", "word list 'you'"),
        (
            "[words]\nloop = ['{loop}']\n[[rules]]\nid = 'l'\ncategory = 'b'\npattern = '{loop}'\n"
            "explanation = 'e'\nsuggestion = 's'\n",
            "loop",
        ),
    ],
)
def test_bad_rules_file_raises_one_clear_sentence(tmp_path: Path, body, needle):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_rules(path)
    message = str(info.value)
    assert str(path) in message
    assert needle in message
    assert message.endswith(".") and "\n" not in message


def test_missing_file_is_a_value_error(tmp_path: Path):
    with pytest.raises(ValueError, match="cannot be read"):
        load_rules(tmp_path / "nope.toml")


def test_warning_is_plain_data(rules):
    (warning,) = check_text("That was your fault.", rules)
    assert isinstance(warning, ToneWarning)
    assert "your fault" in str(warning)


def test_the_documented_team_file_does_what_the_docs_say(tmp_path: Path):
    doc = (REPO / "docs" / "tone-check.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", doc.split("## Extending the rules", 1)[1], re.S)
    assert block is not None
    team = tmp_path / "team-tone.toml"
    team.write_text(block.group(1), encoding="utf-8")
    rules = load_rules(extra=[team])
    found = {
        text: [(w.category, w.rule) for w in check_text(text, rules)]
        for text in ("The Supplier ignored our tickets.", "Please reply asap.")
    }
    assert found == {
        "The Supplier ignored our tickets.": [("blame", "you-did-wrong")],
        "Please reply asap.": [("pressure", "vague-urgency")],
    }
    assert check_text("The delay is unacceptable.", rules) == []


def test_the_documented_rule_of_cues_does_what_the_docs_say(tmp_path: Path):
    doc = (REPO / "docs" / "tone-check.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc.split("## Extending the rules", 1)[1], re.S)
    team = tmp_path / "cues.toml"
    team.write_text("format = 1\n" + blocks[1], encoding="utf-8")
    rules = load_rules(team)
    (warning,) = check_text("If the leak is still there on Monday, your board will hear.", rules)
    assert warning.cues == ("If", "your board", "hear")
    assert check_text("Your board will hear about the launch.", rules) == []
    assert check_text("If your board agrees, thank you; they will hear from us.", rules) == []


def test_team_rules_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    team = tmp_path / "team.toml"
    team.write_text(
        'format = 1\n[[rules]]\nid = "asap"\ncategory = "pressure"\npattern = "asap"\n'
        'explanation = "Vague urgency."\nsuggestion = "Give a date."\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(RULES_ENV, str(team))
    rules, problem = configured_rules()
    assert problem == "" and "asap" in {r.id for r in rules}
    monkeypatch.setenv(RULES_ENV, str(tmp_path / "missing.toml"))
    rules, problem = configured_rules()
    assert "cannot be read" in problem and "built-in tone rules only" in problem
    assert rules == load_rules()


# --- the labelled corpus -----------------------------------------------------------------------


@dataclass
class Score:
    drafts: int
    flagworthy: int
    clean: int
    caught: int  # flag-worthy drafts with at least one finding
    right_category: int  # ... with a finding of the expected category
    false_flags: int  # clean drafts with a finding

    @property
    def precision(self) -> float:
        flagged = self.caught + self.false_flags
        return self.caught / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.caught / self.flagworthy if self.flagworthy else 1.0


def corpus(name: str) -> list[dict]:
    with open(CORPUS / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)["draft"]


def score(drafts: list[dict], rules) -> tuple[Score, list[str]]:
    caught = right = false = 0
    problems = []
    for draft in drafts:
        found = {w.category for w in check_text(draft["text"], rules)}
        if draft["flag"]:
            caught += bool(found)
            right += draft["category"] in found
            if draft["category"] not in found:
                problems.append(f"missed {draft['id']} ({draft['category']}): found {found}")
        elif found:
            false += 1
            problems.append(f"flagged clean {draft['id']}: {found}")
    flagworthy = sum(1 for d in drafts if d["flag"])
    result = Score(len(drafts), flagworthy, len(drafts) - flagworthy, caught, right, false)
    return result, problems


@pytest.mark.parametrize(
    "name",
    [
        "main",
        "heldout",
        "clauses",
        "kinds",
        "roles",
        "roles_heldout",
        "roles_fresh",
        "kinds2",
        "kinds2_fresh",
        "kinds3",
        "kinds3_fresh",
        "acts",
        "acts_fresh",
        "acts_fresh2",
        "frames",
        "moves",
        "moves_fresh",
        "moves_fresh2",
        "moves_fresh3",
        "reach",
        "reach_fresh",
        "shapes",
        "shapes_fresh",
        "signals",
        "signals_fresh",
    ],
)
def test_corpus_is_labelled_and_varied(name):
    drafts = corpus(name)
    ids = [d["id"] for d in drafts]
    assert len(ids) == len(set(ids))
    for draft in drafts:
        assert set(draft) <= {"id", "flag", "category", "text", "note"}, draft["id"]
        sentences = len(re.findall(r"[.!?](?=\s|$)", draft["text"]))
        assert 2 <= sentences <= 8, draft["id"]  # 2-6 sentences, plus a greeting or sign-off
        if draft["flag"]:
            assert draft["category"] in CATEGORIES, draft["id"]
        else:
            assert "category" not in draft, draft["id"]
    flagged = [d for d in drafts if d["flag"]]
    if name == "main":
        assert len(drafts) >= 50 and len(flagged) * 2 >= len(drafts)
        assert len(drafts) - len(flagged) >= 20
        assert {d["category"] for d in flagged} == CATEGORIES
    else:
        assert len(drafts) >= 16


def test_every_flagworthy_draft_in_the_main_corpus_is_caught(rules):
    result, problems = score(corpus("main"), rules)
    assert [p for p in problems if p.startswith("missed")] == []
    assert result.recall == 1.0 and result.right_category == result.flagworthy
    # at most one clean draft in twenty is flagged
    assert result.false_flags * 20 <= result.clean, problems


def test_the_clause_development_set_is_caught_with_its_twins_clean(rules):
    """Each flag-worthy draft written for the readings is caught; its clean twin, which uses
    the same surface words fairly, is not (at most one clean draft in twenty flagged)."""
    result, problems = score(corpus("clauses"), rules)
    assert result.recall == 1.0, problems
    assert result.false_flags * 20 <= result.clean, problems


def test_the_kinds_the_thirteenth_set_missed_are_caught_with_their_twins_clean(rules):
    """Each kind the thirteenth blind set missed or flagged wrongly (talking down, hints at a
    lawyer, a committee or an inspector, pointed reminders, an admission to an insurer; a lawyer
    brought in by agreement, an outside event, a payment held for paperwork) has drafts of its
    own, each flag-worthy one caught in its category and its clean twin left alone."""
    result, problems = score(corpus("kinds"), rules)
    assert problems == []
    assert result.recall == 1.0 and result.false_flags == 0


def test_the_kinds_other_writers_got_past_are_caught_with_their_near_misses_clean(rules):
    """Absolutes with no "never" or "always", veiled threats and impersonal penalties (the
    development set written for them, in four batches) are each caught in their category;
    their near misses (a duty to report, our lawyers checking a fact, regret, compliments,
    harmless defaults) pass, at most one clean draft in twenty flagged."""
    result, problems = score(corpus("kinds2"), rules)
    assert result.recall == 1.0 and result.right_category == result.flagworthy, problems
    assert result.false_flags * 20 <= result.clean, problems


def _by_note(drafts: list[dict]) -> dict[str, list[dict]]:
    kinds: dict[str, list[dict]] = {}
    for draft in drafts:
        kinds.setdefault(draft["note"], []).append(draft)
    return kinds


def test_the_kinds_the_twentieth_set_missed_are_caught_kind_by_kind(rules):
    """Talking down, thanks with a sting, absolutes with no universal word, threats through a
    third party and pointed reminders (kinds3.toml) are each caught in their category, kind by
    kind; the clean drafts written in the same words (a walk-through offered, thanks meant, a
    third party as a fact, our own earlier words taken back, a third party's fact reported) are
    flagged at most once in twenty."""
    drafts = corpus("kinds3")
    kinds = _by_note(drafts)
    flagged_kinds = {note for note, group in kinds.items() if any(d["flag"] for d in group)}
    assert len(flagged_kinds) == 5
    for note in flagged_kinds:
        group = [d for d in kinds[note] if d["flag"]]
        result, problems = score(group, rules)
        assert len(group) >= 3 and result.right_category == result.flagworthy, (note, problems)
    clean = [d for d in drafts if not d["flag"]]
    result, problems = score(clean, rules)
    assert len(clean) * 2 >= len(drafts) and result.false_flags * 20 <= result.clean, problems
    own_words = kinds["our own words taken back, a third party's fact"]
    assert score(own_words, rules)[0].false_flags == 0


# Each reading of actor and act (tone_acts.py), and the same words with another actor or act.
ACTS_FLAGGED = [
    (
        "threats",
        "Our counsel has the claim form prepared and signed, and I've asked her to hold it.",
    ),
    ("threats", "Our advisers say the paper trail is more than enough to take to court."),
    ("threats", "I've forwarded the whole file to our insurers' legal panel this morning."),
    (
        "threats",
        "Members often ask me which joinery firms we use. I'd like to have a good story to tell.",
    ),
    ("ultimatums", "If it isn't with us by the 30th, we'll start taking it off your invoices."),
    ("ultimatums", "Unless the panels are on site by Monday, your retention stays with us."),
    ("blame", "Your site manager waved the lorry in, which is how the gatepost got flattened."),
    ("blame", "Had anyone in your dispatch team read the label, it would be in Leeds."),
    ("blame", "The root cause is your warehouse team stacking the cartons six high."),
    ("absolutes", "Whenever we ring your helpline, we are put on hold for an hour."),
    ("absolutes", "Your final invoices are invariably higher than the figure we agreed."),
    ("absolutes", "Your team doesn't seem able to get a single invoice right."),
    (
        "sarcasm",
        "Glad to see the routing system is working so well: the pallets came four days late.",
    ),
    (
        "sarcasm",
        "It is heartening to know your engineer did eventually find us, on the third attempt.",
    ),
    ("sarcasm", "A truly memorable installation, memorable mostly for the flooding."),
    ("sarcasm", "The container won't be here until the 19th. Your team has a real gift for it."),
]
ACTS_CLEAN = [
    "Our counsel has the papers ready for the new lease, so we can both sign on Friday.",
    "We both want to avoid adjudication, so could our surveyors walk the site together?",
    "Our legal team will draft the amendment and send it to your solicitor.",
    "Members often ask me which joinery firms we use, and I happily give your name.",
    "If it's easier, the credit can go on your next invoice instead.",
    "If we don't have it by then, the factory will release the slot; I'll call you either way.",
    "Your engineers stayed late twice, and our plant head asked me to pass on his appreciation.",
    "Had anyone asked us, we would have said the label was fine.",
    "The root cause looks like the cartons shifting in transit.",
    "Whenever we ring your helpline, someone picks up within minutes.",
    "Your quotes are invariably clear and easy to compare.",
    "Your team has got every invoice right since the new system went live.",
    "That should never have happened, and we will always confirm slots in writing from now on.",
    "It is heartening to know your engineer found the fault on the first visit.",
    "This offer is open until 9 January, in full and final settlement, each side bearing its own costs.",
    "Thanks for the quick turnaround on the drawings. Your team has a real gift for it.",
]


@pytest.mark.parametrize(("category", "sentence"), ACTS_FLAGGED)
def test_an_act_against_the_reader_is_flagged_in_unseen_words(rules, category, sentence):
    found = check_text(sentence, rules)
    assert category in {w.category for w in found}, found
    assert all(w.matched and w.explanation and w.suggestion for w in found)


@pytest.mark.parametrize("sentence", ACTS_CLEAN)
def test_the_same_words_with_another_actor_or_act_pass(rules, sentence):
    assert check_text(sentence, rules) == []


def test_unseen_wordings_of_each_act_are_caught_by_who_does_it(rules):
    """The development set for the readings of actor and act (acts.toml, three batches, each
    written to get past the check before it) is caught kind by kind, nearly all in their own
    category (a sweep over their people can read as blame, and blame of "nobody at your end" as a
    sweep); the near misses, the same act done by our side, by both sides, by a third party or in
    praise, all pass."""
    drafts = corpus("acts")
    for note, group in _by_note(drafts).items():
        result, problems = score([d for d in group if d["flag"]], rules)
        assert result.caught == result.flagworthy, (note, problems)
    result, problems = score([d for d in drafts if d["flag"]], rules)
    assert result.right_category * 20 >= result.flagworthy * 19, problems
    clean = [d for d in drafts if not d["flag"]]
    result, problems = score(clean, rules)
    assert len(clean) >= 40 and result.false_flags == 0, problems


def test_each_frame_is_caught_with_its_near_miss_clean(rules):
    """The readings by frame (frames.toml): each frame in words of our own is caught in its
    category, kind by kind, and each near miss that shares some of its words passes: our hand
    forced, a mock excuse, praise against expectation, the basics simplified for them, a
    decision that their handling weighs on, our word about them held back, a habit of failing,
    their people unable to do the basics, and a counterfactual about them; and the kind frames
    other readings took for something else (thanks for their patience while we traced it, a
    notice under the contract given with thanks, praise beside a slot that lies ahead)."""
    drafts = corpus("frames")
    for note, group in _by_note(drafts).items():
        result, problems = score(group, rules)
        assert result.right_category == result.flagworthy, (note, problems)
        assert result.false_flags == 0, (note, problems)


# Each frame in a sentence or two of our own, and a near miss in some of the same words.
FRAMES_FLAGGED = [
    (
        "ultimatums",
        "If the crates aren't collected by Friday, you leave us no choice but to skip them.",
    ),
    (
        "ultimatums",
        "Unless the deposit is returned, we will have to recover it through the agency.",
    ),
    ("ultimatums", "Settle the March invoice this week or we'll have a real problem."),
    ("sarcasm", "No doubt it was purely an oversight, like the last three times."),
    ("sarcasm", "The cabling is wrong again. We're used to it by now at your end."),
    ("sarcasm", "Great to see your driver actually ring ahead for once."),
    ("sarcasm", "Thanks for your detailed one-line answer to our six questions."),
    (
        "sarcasm",
        "There seems to be some confusion, so in simple terms: a credit note reduces the invoice.",
    ),
    (
        "threats",
        "Our board reviews its suppliers in June, and how this recall was handled will weigh on that decision.",
    ),
    ("threats", "The other tenants will no doubt ask why your team left the lift out of service."),
    (
        "threats",
        "Several members have asked me about your service; so far I've held back from commenting.",
    ),
    ("absolutes", "Another quarter, another late report from your team."),
    ("absolutes", "Every single pallet from your depot this month has arrived damaged."),
    ("blame", "Your fitters can't even measure a doorway."),
    ("blame", "The sign went up crooked despite the drawing we sent you."),
    ("blame", "If your engineer had checked the fuse, we wouldn't have lost a day's trading."),
]
FRAMES_CLEAN = [
    "If the crates aren't needed by Friday, we would be glad to store them for you.",
    "Unless you'd prefer a call, we will write up the notes and send them round.",
    "Could you settle the March invoice this week, or would a split payment help?",
    "I'm sure the new routing will settle down, and thanks for keeping us posted.",
    "We're used to tight deadlines in December, so Friday is fine.",
    "Great to see your driver this morning; the new van is much quieter.",
    "Thanks for your detailed answer to our six questions.",
    "Here is the credit note process in simple terms for your new starter, as you asked.",
    "Our board reviews its suppliers in June, and we would welcome your proposal for it.",
    "Our tenants will want to know when the lift is back; could you give me a date?",
    "Several members have asked me about your service, and I've happily passed on your number.",
    "Another quarter, another clean report from your team, thank you.",
    "Every single pallet from your depot this month has arrived in perfect condition.",
    "Our drawing had the wrong width, so your fitters couldn't measure the doorway; that's on us.",
    "If we had checked the fuse ourselves, we wouldn't have lost a day's trading.",
    "Thanks for your patience while we traced the missing parcels; the trace report follows on Friday.",
]


@pytest.mark.parametrize(("category", "sentence"), FRAMES_FLAGGED)
def test_a_frame_aimed_at_the_reader_is_flagged(rules, category, sentence):
    assert category in categories(sentence, rules)


@pytest.mark.parametrize("sentence", FRAMES_CLEAN)
def test_the_same_words_outside_the_frame_pass(rules, sentence):
    assert check_text(sentence, rules) == []


def test_a_held_out_set_loses_the_words_it_taught_the_frames():
    """Leave-one-set-out scoring: with a set held out, a reading whose cues hold a word only that
    set taught is dropped, so the set is scored with what the others taught."""
    from triage.engine import tone_frames

    text = "If we don't hear back, you'll leave us with little option but to sell the stock."
    assert any(w.rule == "frame-our-hand-forced" for w in check_text(text))
    tone_frames.held_out = frozenset({"tone24"})
    try:
        assert not any(w.rule == "frame-our-hand-forced" for w in check_text(text))
    finally:
        tone_frames.held_out = frozenset()


def _documented() -> dict[str, list[str]]:
    """The score rows of docs/tone-check.md: | set | drafts | flag-worthy | clean | ... |."""
    rows = {}
    for line in (REPO / "docs" / "tone-check.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] in (
            "main",
            "held-out",
            "clauses",
            "kinds",
            "roles",
            "roles, held out",
            "roles, fresh",
            "kinds, second",
            "kinds, second, fresh",
            "kinds, third",
            "kinds, third, fresh",
            "acts",
            "acts, fresh",
            "acts, fresh, second",
            "frames",
            "moves",
            "moves, fresh",
            "moves, fresh, second",
            "moves, fresh, third",
            "reach",
            "reach, fresh",
            "shapes",
            "shapes, fresh",
            "signals",
            "signals, fresh",
        ):
            rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("main", "main"),
        ("heldout", "held-out"),
        ("clauses", "clauses"),
        ("kinds", "kinds"),
        ("roles", "roles"),
        ("roles_heldout", "roles, held out"),
        ("roles_fresh", "roles, fresh"),
        ("kinds2", "kinds, second"),
        ("kinds2_fresh", "kinds, second, fresh"),
        ("kinds3", "kinds, third"),
        ("kinds3_fresh", "kinds, third, fresh"),
        ("acts", "acts"),
        ("acts_fresh", "acts, fresh"),
        ("acts_fresh2", "acts, fresh, second"),
        ("frames", "frames"),
        ("moves", "moves"),
        ("moves_fresh", "moves, fresh"),
        ("moves_fresh2", "moves, fresh, second"),
        ("moves_fresh3", "moves, fresh, third"),
        ("reach", "reach"),
        ("reach_fresh", "reach, fresh"),
        ("shapes", "shapes"),
        ("shapes_fresh", "shapes, fresh"),
        ("signals", "signals"),
        ("signals_fresh", "signals, fresh"),
    ],
)
def test_the_documented_scores_are_the_measured_ones(rules, name, row):
    result, _problems = score(corpus(name), rules)
    measured = [
        str(result.drafts),
        str(result.flagworthy),
        str(result.clean),
        str(result.caught),
        str(result.right_category),
        str(result.false_flags),
        f"{result.precision:.2f}",
        f"{result.recall:.2f}",
    ]
    assert _documented()[row] == measured


# --- drafts and answers of a case --------------------------------------------------------------

PLAYBOOK = """\
format = 1
title = "Tone test"
summary = "A playbook for the tone check tests."
version = "1.0.0"

[[stages]]
id = "intake"
title = "Intake"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who is the dispute with?"
required = true

[[stages.questions]]
id = "what_happened"
kind = "longtext"
prompt = "What happened?"

[[stages.questions]]
id = "private_notes"
kind = "longtext"
prompt = "Notes for yourself"

[[stages.questions]]
id = "our_mistakes"
kind = "list"
prompt = "Our mistakes"

[[stages.questions.fields]]
id = "mistake"
kind = "text"
prompt = "What we got wrong"

[decision]
default = "negotiate"
because = "Talk first."

[outputs.email]
template = "email.txt.j2"
subject = "About {{ counterparty }}"

[outputs.invitation]
file = "meeting-invitation.md"
template = "invitation.md.j2"
"""
EMAIL = (
    "Dear {{ counterparty }} team,\n\n{{ what_happened or '' }}\n"
    "{% for m in our_mistakes or [] %}- {{ m.mistake }}\n{% endfor %}\nKind regards\n"
)
ANSWERS = """\
counterparty = "Acme"
what_happened = "The March batch was late, although your team had ignored four reminders."
private_notes = "Honestly, you never listen and your incompetence is legendary."
our_mistakes = [{ mistake = "we sent an automated reply" }, { mistake = "Thanks for finally calling" }]
"""


@pytest.fixture
def book(tmp_path: Path) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "tone.toml").write_text(PLAYBOOK, encoding="utf-8")
    (folder / "email.txt.j2").write_text(EMAIL, encoding="utf-8")
    (folder / "invitation.md.j2").write_text(
        "# Meeting with {{ counterparty }}\n\nShall we meet next week?\n", encoding="utf-8"
    )
    (folder / "answers.toml").write_text(ANSWERS, encoding="utf-8")
    return folder


def _case(book: Path, answers: str = ANSWERS):
    from triage.engine.answersfile import read_answers
    from triage.engine.evaluate import evaluate
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_case

    playbook = load_playbook(book / "tone.toml")
    path = book / "answers-used.toml"
    path.write_text(answers, encoding="utf-8")
    case = read_answers(path, playbook)
    evaluation = evaluate(playbook, case.answers, case.override)
    return playbook, case, evaluation, render_case(playbook, case, evaluation)


def test_only_drafts_for_the_other_side_are_checked():
    assert is_draft("reset-email.eml") and is_draft("meeting-invitation.md")
    assert not is_draft("plan.md") and not is_draft("actions.csv") and not is_draft("case.toml")
    from triage.engine.render import email_message

    files = {
        "plan.md": b"You never listen.",
        "actions.csv": b"action\r\nYou never listen\r\n",
        "reset-email.eml": email_message("Per my last email", "", "Dear Jo,\n\nYou never reply.\n"),
        "follow-up-summary.md": b"Thanks for finally calling.\n",
    }
    found = [(f.file, f.category, f.phrase) for f in check_outputs(files)]
    assert found == [
        ("reset-email.eml", "sarcasm", "Per my last email"),
        ("reset-email.eml", "absolutes", "You never"),
        ("follow-up-summary.md", "sarcasm", "Thanks for finally"),
    ]


def test_a_typed_answer_that_reaches_the_email_is_named(book: Path):
    playbook, _, evaluation, files = _case(book)
    findings = check_answers(playbook, evaluation.values, files=files)
    assert [(f.question, f.detail, f.file, f.category, f.phrase) for f in findings] == [
        ("what_happened", "", "reset-email.eml", "blame", "your team had ignored"),
        ("our_mistakes", "row 2, mistake", "reset-email.eml", "sarcasm", "Thanks for finally"),
    ]
    message = findings[0].message()
    assert message.startswith(
        "Your answer to 'What happened?' (what_happened) would put blame into reset-email.eml: "
        '"your team had ignored". Try: '
    )
    assert "private_notes" not in {f.question for f in findings}  # only the plan quotes it


def test_without_rendered_files_the_template_names_decide(book: Path):
    playbook, _, evaluation, _files = _case(book)
    found = check_answers(playbook, evaluation.values)
    assert {f.question for f in found} == {"what_happened", "our_mistakes"}


def test_an_answer_in_a_branch_not_rendered_is_not_reported(book: Path):
    (book / "email.txt.j2").write_text(
        "Dear {{ counterparty }},\n{% if false %}{{ what_happened }}{% endif %}\nShall we talk?\n",
        encoding="utf-8",
    )
    playbook, _, evaluation, files = _case(book)
    assert check_answers(playbook, evaluation.values, files=files) == []


def test_the_case_check_reports_each_phrase_once_against_its_source(book: Path):
    playbook, case, evaluation, files = _case(book)
    findings = check_case(playbook, evaluation.values, files)
    assert [(f.question, f.file, f.phrase) for f in findings] == [
        ("what_happened", "reset-email.eml", "your team had ignored"),
        ("our_mistakes", "reset-email.eml", "Thanks for finally"),
    ]
    # once the email is edited by hand, the answers no longer flow into it
    drafts = {"reset-email.eml": "Hi, your team had ignored us."}
    from triage.engine.render import render_case

    case.drafts = drafts
    edited = render_case(playbook, case, evaluation)
    findings = check_case(playbook, evaluation.values, edited, drafts=drafts)
    assert [(f.question, f.file, f.phrase) for f in findings] == [
        ("", "reset-email.eml", "your team had ignored")
    ]


def test_findings_are_inert_in_a_terminal():
    finding = Finding(
        file="reset-email.eml",
        phrase="you\x1b[2J never",
        category="absolutes",
        explanation="e",
        suggestion="Be \x07specific.\u202e",
        question="q",
        prompt="What [bold]happened[/bold]?\x1b]0;title\x07",
    )
    message = finding.message()
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in message)
    assert "\u202e" not in message and "\\x1b" in message and "\\u202e" in message
    assert "[bold]happened[/bold]" in message  # shown as typed, never as markup
    long = Finding("a.md", "x" * 200, "blame", "e", "s")
    assert '"' + "x" * 77 + '..."' in long.message()


# --- the front ends ---------------------------------------------------------------------------


def triage(*args: str, env: dict | None = None, cwd: Path | None = None):
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd or REPO,
        timeout=120,
    )


def test_run_answers_prints_tone_warnings_after_writing(book: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = triage(
        "run", str(book / "tone.toml"), "--answers", str(book / "answers.toml"), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert (out / "reset-email.eml").is_file() and (out / "plan.md").is_file()
    lines = result.stderr.splitlines()
    assert lines == [
        "Tone warning: Your answer to 'What happened?' (what_happened) would put blame into "
        'reset-email.eml: "your team had ignored". Try: ' + lines[0].split("Try: ", 1)[1],
        "Tone warning: Your answer to 'Our mistakes' (our_mistakes, row 2, mistake) would put "
        'sarcasm into reset-email.eml: "Thanks for finally". Try: ' + lines[1].split("Try: ", 1)[1],
    ]
    assert "Tone" not in result.stdout

    rendered = triage("render", str(out / "case.toml"), "--out", str(tmp_path / "again"))
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stderr.splitlines() == lines


def test_a_broken_team_rules_file_is_reported_and_the_run_goes_on(book: Path, tmp_path: Path):
    result = triage(
        "run",
        str(book / "tone.toml"),
        "--answers",
        str(book / "answers.toml"),
        "--out",
        str(tmp_path / "out"),
        env={RULES_ENV: str(tmp_path / "missing.toml")},
    )
    assert result.returncode == 0
    first, *rest = result.stderr.splitlines()
    assert "cannot be read" in first and "built-in tone rules only" in first
    assert len(rest) == 2 and all(line.startswith("Tone warning: ") for line in rest)


def test_a_clean_case_prints_nothing_extra(tmp_path: Path):
    good = REPO / "tests" / "fixtures" / "good"
    result = triage(
        "run",
        str(good / "mini.toml"),
        "--answers",
        str(good / "examples" / "mini" / "angry.toml"),
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 0 and result.stderr == ""


def test_the_plain_outputs_step_prints_the_findings(book: Path, tmp_path: Path, capsys):
    from triage.engine.playbook import load_playbook
    from triage.engine.session import Session
    from triage.plain.runner import PlainRun

    session = Session.start(load_playbook(book / "tone.toml"))
    for qid, value in tomllib.loads(ANSWERS).items():
        session.answer(qid, value)
    session.answer("counterparty", "Acme \x1b[31mRed")
    walk = PlainRun(session, tmp_path / "out", force=False, resumed=False)
    assert walk.write() == 0
    shown = capsys.readouterr().out
    assert "Tone check: 2 phrases to reconsider before sending:" in shown
    assert (
        "  - Your answer to 'What happened?' (what_happened) would put blame into "
        'reset-email.eml: "your team had ignored".'
    ) in shown
    assert "\x1b" not in shown


def test_the_outputs_screen_lists_the_findings_and_checks_edits(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from textual.widgets import Static, TextArea

    from triage.engine.playbook import load_playbook
    from triage.engine.session import Session
    from triage.tui.app import make_app
    from triage.tui.screens.outputs import OutputsScreen

    monkeypatch.setenv("TRIAGE_PLAYBOOKS", str(book))
    session = Session.start(load_playbook(book / "tone.toml"))
    for qid, value in tomllib.loads(ANSWERS).items():
        session.answer(qid, value)
    session.answer("counterparty", "Acme [bold]Ltd[/bold]")
    assert session.path is not None

    async def drive() -> None:
        app = make_app(str(session.path))
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, OutputsScreen)
            note = screen.query_one("#tone-note")
            assert note.display
            heading = str(screen.query_one("#tone-heading", Static).render())
            assert heading.startswith("Tone check: 2 phrases to reconsider")
            listed = str(screen.query_one("#tone-findings", Static).render())
            assert "(what_happened) would put blame into reset-email.eml" in listed
            assert [f.question for f in screen.tone_findings] == ["what_happened", "our_mistakes"]

            body = screen.query_one("#email-body", TextArea)
            body.text = "Dear Acme,\n\nWith all due respect, you never reply.\n"
            await pilot.pause(0.5)
            assert [(f.question, f.category) for f in screen.tone_findings] == [
                ("", "sarcasm"),
                ("", "absolutes"),
            ]
            body.text = "Dear Acme,\n\nCould we talk on Tuesday?\n"
            await pilot.pause(0.5)
            assert screen.tone_findings == [] and not note.display

    asyncio.run(drive())


# --- the built-in examples: every draft meant for the other side passes the tone check ----------

EXAMPLES = sorted((REPO / "playbooks" / "examples").glob("*/*.toml"))
NOT_DRAFTS = {"plan.md", "case.toml", "actions.csv"}


def _drafts(example: Path) -> dict[str, str]:
    from email import message_from_bytes
    from email.policy import default as default_policy

    from triage.engine.answersfile import read_answers
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_case

    playbook = load_playbook(REPO / "playbooks" / f"{example.parent.name}.toml")
    files = render_case(playbook, read_answers(example, playbook))
    drafts = {}
    for name, data in files.items():
        if name in NOT_DRAFTS or name.endswith(".ics"):  # calendars hold times, not prose
            continue
        if name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            drafts[name] = message["Subject"] + "\n" + message.get_content()
        else:
            drafts[name] = data.decode("utf-8")
    return drafts


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_drafts_pass_the_tone_check(rules, example):
    drafts = _drafts(example)
    assert "reset-email.eml" in drafts
    for name, text in drafts.items():
        assert [str(w) for w in check_text(text, rules)] == [], name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_reset_email_is_at_most_200_words(example):
    body = _drafts(example)["reset-email.eml"].split("\n", 1)[1]
    assert len(body.split()) <= 200


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("We admit we breached clause 5.2.", "liability"),
        ("We will have no choice but to involve our lawyers.", "threats"),
    ],
)
def test_admissions_of_a_clause_and_lawyer_threats_are_flagged(sentence, category):
    found = [w for w in check_text(sentence) if w.category == category]
    assert found, sentence


def test_the_quick_scan_flags_exactly_what_the_full_one_does(monkeypatch):
    """Most rules scan text with its ASCII letters lowered instead of ignoring case (a
    third faster as the user types); the findings must be the same, whatever the case."""
    import tomllib
    from pathlib import Path

    from triage.engine import tone, tone_check

    rules, _ = tone.configured_rules()
    corpus = Path(__file__).parent / "tone_corpus"
    texts = [d["text"] for f in ("main.toml", "heldout.toml")
             for d in tomllib.loads((corpus / f).read_text(encoding="utf-8"))["draft"]]  # fmt: skip
    texts += [t.upper() for t in texts[:60]] + [t.swapcase() for t in texts[60:120]]
    texts += ["Herr Müller, Sie haben IMMER zu spät geliefert.", "ÉCOUTEZ: you never reply."]
    quick = [tone.check_text(t, rules) for t in texts]
    monkeypatch.setattr(tone_check, "_caseless_beyond_ascii", lambda text: False)
    assert [tone.check_text(t, rules) for t in texts] == quick


# --- what is kept between runs ------------------------------------------------------------------

_PRINT_FINDINGS = """
import sys, tomllib
from pathlib import Path
from triage.engine import tone
rules = tone.load_rules(extra=sys.argv[1:])
corpus = Path("tests/tone_corpus/main.toml").read_text(encoding="utf-8")
texts = [d["text"] for d in tomllib.loads(corpus)["draft"][::7]]
texts += ["The Supplier ignored our tickets.", "Herr Müller, you NEVER reply."]
for text in texts:
    print([(w.line, w.column, w.matched, w.category, w.rule, w.cues) for w in tone.check_text(text, rules)])
print(len(rules), rules[0].id, rules[-1].id)
"""


def _findings_in_a_fresh_process(cache: Path, *extra: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PRINT_FINDINGS, *map(str, extra)],
        cwd=REPO,
        env={**os.environ, "TRIAGE_CACHE": str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_rules_kept_between_runs_flag_exactly_what_fresh_ones_do(tmp_path: Path):
    """The rules and their scans are kept in the cache as a few entries, and the rest of a
    rule's patterns are compiled when a check first needs them: a warm run, a damaged
    cache and no cache at all must find exactly what a cold run finds."""
    team = tmp_path / "team.toml"
    team.write_text('format = 1\n[words]\nyou = ["the supplier"]\n', encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _findings_in_a_fresh_process(cache, team)
    kept = sorted(p.suffix for p in cache.iterdir())
    assert {".tonerules", ".tonebodies", ".tonescans"} <= set(kept)
    assert "'you-did-wrong'" in cold  # the team's word list reached the rules
    assert _findings_in_a_fresh_process(cache, team) == cold
    for entry in cache.iterdir():  # every entry damaged: each is ignored, never an error
        kinds = (".tonerules", ".tonebodies", ".tonescans", ".filesha", ".regexes", ".regex")
        if entry.suffix in kinds:
            entry.write_bytes(entry.read_bytes()[:-9] + b"damaged!!")
    assert _findings_in_a_fresh_process(cache, team) == cold
    assert _findings_in_a_fresh_process(Path("off"), team) == cold
    # a team file that changes is read again, not taken from the cache
    team.write_text("format = 1\n[[rules]]\nid = 'you-did-wrong'\nenabled = false\n", "utf-8")
    changed = _findings_in_a_fresh_process(cache, team)
    assert "'you-did-wrong'" not in changed and changed != cold


def test_scanning_only_the_sentences_that_hold_an_anchor_finds_what_a_full_scan_finds():
    """A long draft is cut at each ".", "!" and "?", and a rule that can never match those
    is scanned only in the pieces that hold one of its anchors: the same spans, always."""
    from triage.engine import tone, tone_scan

    rules = tone.load_rules()
    assert sum(tone_scan._within_a_sentence(r.bounded) for r in rules) * 2 > len(rules)
    drafts = [d["text"] for d in corpus("main") + corpus("heldout")]
    texts = ["\n\n".join(drafts[i : i + 40]) for i in range(0, len(drafts), 40)]
    texts += [
        "You never. Reply! e.g. 3.5 days?you always fail.our lawyers will sue...you never",
        "?.!you failed to reply.!?",
        "Nobody at your end ever replies!!! Thanks for finally replying?? Per my last email.",
    ]
    for text in texts:
        flat = " ".join(text.split())
        lowered = flat.translate(tone_scan._ASCII_LOWER)
        pieces = tone_scan._Pieces(lowered)
        for rule in rules:
            quick = tone_scan._fast(rule.bounded)
            if quick is None:
                continue
            full = [m.span() for m in quick.finditer(lowered)]
            assert tone_scan._scan(rule.bounded, flat, lowered, pieces) == full, rule.id


def test_a_rough_scan_finds_exactly_what_ignoring_case_finds():
    """A rule with parts that match case ("Kevin in your back office", "the FCA") scans
    lowered text with a looser pattern and tries the rule itself only where that matches;
    the spans must be those a scan ignoring case finds, whatever the mix of case."""
    import random

    from triage.engine import tone, tone_scan

    rules = [r for r in tone.load_rules() if tone_scan._rough_pattern(r.bounded)]
    assert len(rules) >= 5
    sample = (
        "Kevin in your back office sent the WRONG labels; the FCA and the Ombudsman, "
        "Harwood Lane Solicitors LLP. your team MISSED it because Sam at your depot "
        "'fixed' it and the fca, BaFin or ACCC may hear. Priya from your accounts team "
        "lost the invoice, nothing your driver could have done; our lawyers were copied."
    )
    words = sample.split(" ")
    random.seed(7)
    for _ in range(300):
        text = " ".join(random.choice(words) for _ in range(random.randint(3, 40)))
        text = "".join(c.upper() if random.random() < 0.1 else c for c in text)
        flat = " ".join(text.split())
        lowered = flat.translate(tone_scan._ASCII_LOWER)
        for rule in rules:
            full = [m.span() for m in tone_scan._regex(rule.bounded).finditer(flat)]
            assert tone_scan._scan(rule.bounded, flat, lowered) == full, (rule.id, text)


# --- readings by structure (tone_structures): the parts of a kind, in words of our own -----------

_STRUCTURE_FLAGS = [
    (
        "threats",
        "My cousin does commercial law and read our lease. So far I've kept him out of it.",
    ),
    ("threats", "Our board meets on Monday and will decide its next steps on the account."),
    ("threats", "We'd rather not have to raise the recall with the food agency, but here we are."),
    ("threats", "Other growers keep asking me who supplies our crates. I'd like to recommend you."),
    ("ultimatums", "You must return the signed schedule by Friday at the latest, no exceptions."),
    ("ultimatums", "If we don't receive the credit note by the 9th, we will move the contract."),
    ("ultimatums", "Either the parts ship this month or we switch to a local maker."),
    ("blame", "The pallets were left outside in the rain by your night crew."),
    ("blame", "The mix-up began with your planning office, not with anyone here."),
    ("blame", "Each time your fitters leave a site, we have to send our own people to tidy."),
    ("absolutes", "Every single statement from you this year has been wrong in some way."),
    (
        "liability",
        "I'll make sure we pay for the repairs and any other fallout, no questions asked.",
    ),
    ("sarcasm", "Looking forward to your reply at some point. We are still waiting on the quote."),
    ("sarcasm", "So pleased the brochures turned up, only three weeks late."),
    ("sarcasm", "As anyone who has shipped a pallet knows, the weight goes on the label."),
    (
        "threats",
        "I'd rather not have to loop in our group counsel, but we are running short of time.",
    ),
    ("blame", "It was Dana on your booking desk who entered the wrong dates twice."),
    ("blame", "Had your site team checked the levels, the slab would not have cracked."),
    ("absolutes", "Not one of your quotes this year has matched the final bill."),
    (
        "sarcasm",
        "Truly a masterpiece of planning: the tiles arrived a fortnight after the fitters left.",
    ),
]
_STRUCTURE_CLEAN = [
    "My cousin is starting a law degree this autumn, so the summer rota changes.",
    "Our board meets on Monday to approve the budget, and I will share it with you.",
    "We'd rather not raise prices this year; we'll hold them to March.",
    "Other growers keep asking me when the new crates are out; could you tell me a date?",
    "Could you return the signed schedule by Friday, so that the printer can start on Monday?",
    "If we don't receive the drawings by the 9th, I'll give you a ring to check.",
    "Either Tuesday or Wednesday works for the walk-round.",
    "The pallets were left outside in the rain by our driver, and I'm sorry.",
    "Every single invoice from you this year has been right first time; thank you.",
    "We'll refund the delivery charge; could we talk next week about anything else it affected?",
    "Looking forward to seeing you at the show next month.",
    "So pleased the brochures turned up early, despite the strike.",
    "To put it simply, the first payment falls due on 30 June.",
    "It was Dana on your booking desk who found the spare room for us; thank you.",
    "Nobody in your accounts team needs to do anything until the credit note arrives.",
    "That's on your list for Thursday, I think, along with the new rota.",
]


@pytest.mark.parametrize(("category", "text"), _STRUCTURE_FLAGS, ids=lambda v: str(v)[:40])
def test_structures_flag_the_parts_of_a_kind(rules, category, text):
    found = check_text(text, rules)
    assert category in {w.category for w in found}, [str(w) for w in found]
    assert all(w.line == 1 and w.matched for w in found)


@pytest.mark.parametrize("text", _STRUCTURE_CLEAN, ids=lambda v: v[:40])
def test_structures_leave_the_same_words_alone_when_the_parts_are_not_all_there(rules, text):
    assert [str(w) for w in check_text(text, rules)] == []


# --- readings by role (tone_structures): who does what to whom, with a near miss each -----------

# (category, a sentence a mediator would stop, the same words for an ordinary reason)
_ROLE_PAIRS = [
    (
        "blame",
        "Your planners ignored the revised crane dates, so the lift slipped a week.",
        "I know your planners had the revised crane dates late, which is on us.",
    ),
    (
        "blame",
        "The outage happened because your network team pushed the change without telling anyone.",
        "The outage happened because of the storm, and your network team had us back up by noon.",
    ),
    (
        "blame",
        "The leak is the direct result of your plumber fitting the wrong seal.",
        "Thanks to your plumber's quick work, the leak was fixed before the shop opened.",
    ),
    (
        "blame",
        "The signed order sat in someone's inbox at your office for twelve days.",
        "The signed order is in your inbox now; could you confirm it has arrived?",
    ),
    (
        "absolutes",
        "You never send the timesheets on the day they are due.",
        "You never need to send the timesheets twice; one copy is enough.",
    ),
    (
        "absolutes",
        "Without fail, your drivers arrive after the gate has closed.",
        "Without fail, your drivers have been courteous to our staff, and we're grateful.",
    ),
    (
        "absolutes",
        "Whenever we raise a query, your team takes a fortnight to answer it.",
        "Whenever we raise a query, your team answers within the hour.",
    ),
    (
        "ultimatums",
        "Unless the balance clears this week, the remaining orders will be cancelled.",
        "Unless you tell me otherwise, I'll bring the samples to Thursday's meeting.",
    ),
    (
        "ultimatums",
        "Plans on my desk by Monday, or the work goes to the other practice.",
        "Plans on my desk by Monday would let us keep the planning slot.",
    ),
    (
        "ultimatums",
        "Any later than the 14th and we'll be charging the storage back to you.",
        "Any later than the 14th and the storage fee in the contract starts to apply; I'll remind you.",
    ),
    (
        "threats",
        "We are now exploring our legal options on the unpaid retention.",
        "We both want to avoid legal costs, so could we meet on the retention?",
    ),
    (
        "threats",
        "Our solicitors will be writing to you about the damaged goods this week.",
        "Our solicitors will send the revised lease for your comments this week.",
    ),
    (
        "threats",
        "I'll raise the missed deliveries with your managing director unless they stop.",
        "I'll tell your managing director at the dinner how well the new depot is doing.",
    ),
    (
        "threats",
        "A reporter friend of mine has been asking what happened at the launch.",
        "A reporter friend of mine asked for your number; may I pass it on?",
    ),
    (
        "liability",
        "The fire started in our wiring, so we accept liability for the damage.",
        "The fire investigator is looking at the wiring, and we will share the report with you.",
    ),
    (
        "liability",
        "Whatever the clean-up ends up costing, send us the bills and we'll pay them.",
        "Send us the bill for the extra visits you made at our request, and we'll pay it this month.",
    ),
    (
        "liability",
        "It was our driver's error, and we'll pay for the spoiled stock.",
        "Our driver missed the slot, and he will call ahead from now on.",
    ),
    (
        "sarcasm",
        "Great job on the brochures: only a week after the show they were printed for.",
        "Great job on the brochures; they arrived a week before the show.",
    ),
    (
        "sarcasm",
        "Thank you for finally gracing us with a reply.",
        "Thank you for the reply, and for the detail on the delivery dates.",
    ),
    (
        "sarcasm",
        "Is anyone at your end actually reading the specifications?",
        "Is anyone at your end free to walk through the specifications on Friday?",
    ),
    (
        "sarcasm",
        "Let me go through it one step at a time so it's easy to follow.",
        "As you asked, here are the steps for the new portal.",
    ),
]


@pytest.mark.parametrize(("category", "text", "twin"), _ROLE_PAIRS, ids=lambda v: str(v)[:40])
def test_a_role_is_found_by_its_parts_and_its_near_miss_passes(rules, category, text, twin):
    """The reader as the one who failed, a condition with a step of ours, our side accepting a
    loss, a legal step as our next move, praise around a delay: each is flagged in its category,
    naming the words and what to write instead, and the same words for an ordinary reason pass."""
    found = check_text(text, rules)
    assert category in {w.category for w in found}, [str(w) for w in found]
    for warning in found:
        assert warning.matched and warning.matched in " ".join(text.split())
        assert warning.suggestion and "Try: " in str(warning)
    assert [str(w) for w in check_text(twin, rules)] == []


def test_the_roles_development_set_is_caught_with_its_near_misses_clean(rules):
    """Every flag-worthy draft written for the readings by role is caught, in its category, and
    at most one near miss in twenty is flagged (roles.toml; its held-out part is scored in the
    docs, not tuned on)."""
    result, problems = score(corpus("roles"), rules)
    assert result.recall == 1.0 and result.right_category == result.flagworthy, problems
    assert result.false_flags * 20 <= result.clean, problems


# --- the suggestion shown with a finding ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "matched", "rewrite"),
    [
        ("As we have explained, it is due.", "As we have explained", None),  # too short
        (
            "As we have explained, the fee is due on the 1st.",
            "As we have explained",
            "The fee is due on the 1st.",
        ),
        (
            "The fee is overdue, and we will instruct our solicitors.",
            "we will instruct our solicitors",
            "The fee is overdue.",
        ),
        ("I'll be blunt: do you want our business?", "do you want our business", None),
        ("The fee, as we said, is due.", "as we said", None),  # in the middle
        ("Should this go further, an adjudicator will agree.", "an adjudicator will agree", None),
    ],
)
def test_a_rewrite_drops_only_a_whole_clause(sentence, matched, rewrite):
    from triage.engine.tone_suggest import _without

    assert _without(sentence, matched) == rewrite


def test_the_advice_keeps_short_quotes_and_drops_a_closing_example():
    from triage.engine.tone_suggest import advice

    assert advice('Ask once: "Could you send the plans by Thursday?"') == "Ask once."
    kept = 'Describe it neutrally ("the contract provides for mediation"), then ask.'
    assert advice(kept) == kept
    inner = 'Own it ("I\'m sorry the outage disrupted your month-end close") and stop there.'
    assert advice(inner) == "Own it and stop there."


# Sentences triage's own drafts write when we own a failure or ask to listen: the check that
# runs on every draft must not call our own apology blame, our own reply an absolute about
# them, or a wish to hear how it affected them a threat.
OWN_DRAFT_CLEAN = [
    "I am sorry that we told you about the shade failure 10 days late.",
    "Our reply to your third ticket was dismissive, and went to your whole team.",
    "I would value a conversation to hear how this has affected you and agree practical next "
    "steps. What we both want is a solid reply to the regulator by 15 January.",
]
OWN_DRAFT_STILL_FLAGGED = [
    ("blame", "As we told you in March, the price rises in June."),
    ("absolutes", "Your whole team has been dismissive since the audit."),
    ("threats", "Other clients will hear how this was handled if it goes on."),
]


@pytest.mark.parametrize("sentence", OWN_DRAFT_CLEAN)
def test_our_own_apologies_and_listening_are_not_flagged(sentence):
    assert check_text(sentence) == []


@pytest.mark.parametrize(("category", "sentence"), OWN_DRAFT_STILL_FLAGGED)
def test_the_same_words_aimed_at_them_are_still_flagged(category, sentence):
    assert category in {w.category for w in check_text(sentence)}


def test_a_formal_notice_to_end_may_reserve_rights_but_a_friendly_email_may_not():
    notice = "As I said, we are ending our distribution agreement, and we reserve all our rights under it."
    assert check_text(notice) == []
    friendly = "We would like to keep working with you, but we reserve all our rights."
    assert "threats" in {w.category for w in check_text(friendly)}
