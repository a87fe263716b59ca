"""The drafts say what their reader most needs, in the reader's words.

Each built-in example is a starting point; a test changes the answers the way a manager
would type them (shorthand from our own notes, a fix already done, a demand of theirs) and
reads the drafts the other side receives: the reset email, the invitation, the summary and
the mediation proposal.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

EXAMPLES = builtin_dir() / "examples"
SATURDAY = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)
MONDAY = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


def example(name: str) -> dict[str, Any]:
    """The answers of a built-in example ("playbook/example"), without its expectations."""
    answers = tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))
    answers.pop("expect", None)
    return answers


def drafts(
    playbook_id: str,
    answers: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    now: dt.datetime = MONDAY,
) -> dict[str, str]:
    """Every output of a case made from ``answers`` on ``now``, as text: an email's body
    (under its file name) and its subject (under "subject")."""
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: now)
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps({k: v for k, v in answers.items() if v is not None}).encode())
    rendered = render_parts(playbook, read_answers(path, playbook))
    files = rendered.files
    texts: dict[str, str] = {}
    for name, data in files.items():
        if name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            texts[name] = message.get_body(preferencelist=("plain",)).get_content()
            texts["subject"] = str(message["Subject"])
        elif not name.endswith(".ics"):
            texts[name] = data.decode("utf-8-sig")
    if "reset-email.eml" in rendered.emails:
        texts["copy"] = rendered.emails["reset-email.eml"].copy_names
    return texts


# Kind: our own shorthand reaches the reader in a typed ask or a list of attendees.


def test_a_typed_ask_reaches_them_without_our_shorthand(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["our_ask"] = "release the EUR 410k deducted from IPC 14 + agree EOT w/ Erik asap"
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"]
    assert (
        "I would ask you to release the EUR 410,000 deducted from interim payment certificate 14 "
        "and agree an "
        "extension of time with you as soon as possible." in email
    ), email
    for shorthand in ("410k", "IPC", "EOT", " + ", "w/", "asap"):
        assert shorthand not in email, shorthand


def test_attendees_typed_as_a_note_are_named_as_the_reader_reads_them(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/stage-payments-negotiate")
    answers["attendees"] = "you + Grace + her QS; me + Tom"
    invitation = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)[
        "meeting-invitation.md"
    ]
    assert "Suggested attendees: you and your quantity surveyor; Tom and me." in invitation


# Kind: a reporting window set by law is called a "contractual deadline".


def test_a_reporting_window_set_by_law_is_not_called_contractual(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/loyalty-app-shopper-data-complaint")
    answers["notice_deadline"] = dt.date(2026, 11, 26)  # 72 hours after it came to light
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    for name in ("plan.md", "actions.csv"):
        assert "contractual deadline" not in texts[name], name
    assert "before the statutory reporting deadline of 26 November 2026" in texts["actions.csv"]


def test_a_deadline_under_a_notice_clause_is_still_contractual(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/supplier-owned-data-slip")
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "statutory" not in texts["actions.csv"] + texts["plan.md"]
    assert "our agreement asks us to give formal written notice" in texts["reset-email.eml"]


@pytest.mark.parametrize(
    ("flags", "told", "clauses", "source"),
    [
        (["data_breach", "regulator"], False, [], "statute"),
        (["regulator", "deadline"], True, [], "regulator"),
        (
            ["data_breach"],
            False,
            [{"ref": "Clause 9", "says": "claims notified in 30 days"}],
            "contract",
        ),
        (["proceedings", "data_breach"], False, [], "court"),
        # A regulator already told, and no notice clause: the date is the regulator's.
        (["data_breach", "regulator", "deadline"], True, [], "regulator"),
        # Their letter of claim sets its own date, even with a notice clause and a regulator.
        (
            ["data_breach", "regulator", "letter_of_claim", "lawyers"],
            True,
            [{"ref": "Schedule 4", "says": "notify within 24 hours of a privacy breach"}],
            "letter",
        ),
        # A notice to end the contract runs on the contract's cure period.
        (["termination_notice", "letter_of_claim"], False, [], "contract"),
        ([], False, [], "contract"),
    ],
)
def test_a_deadline_is_named_by_its_source(flags, told, clauses, source):
    from triage.engine.filters.deadlines import by_source, deadline_source

    values = {
        "notice_deadline": dt.date(2026, 12, 8),
        "red_flags": flags,
        "regulator_told": told,
        "clauses": clauses,
    }
    assert deadline_source(values) == source
    text = by_source("Take advice before the contractual deadline of 8 December", source)
    assert ("contractual" in text) == (source == "contract"), text


# Kind: the plan says "today" on a Saturday for a step it dates Monday.


def test_on_a_weekend_the_words_name_the_day_the_step_is_dated(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/loyalty-app-shopper-data-complaint")
    # A regulator's question, with no breach of personal data: nothing runs over the weekend.
    answers["red_flags"] = ["regulator"]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    first_screen = plan.split("## The situation")[0]
    assert "today" not in first_screen.lower(), first_screen
    assert "on Monday" in first_screen
    # A breach of personal data: the reporting clock runs over the weekend, so the check is
    # dated Saturday and says "today", and so does the reason; nothing dated Monday does.
    answers["red_flags"] = ["data_breach", "regulator"]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    first_screen = texts["plan.md"].split("## The situation")[0]
    steps = re.findall(r"^\d\. (.*)$", first_screen, re.M)
    assert any("today" in s and s.endswith("Saturday 5 December 2026.*") for s in steps), steps
    for step in steps:
        if "today" in step.lower():
            assert step.endswith("Saturday 5 December 2026.*"), step
    for row in texts["actions.csv"].splitlines()[1:]:
        if "today" in row.lower():
            assert ",2026-12-05," in row, row  # only a step due today says "today"


def test_on_a_working_day_a_step_due_today_still_says_today(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/loyalty-app-shopper-data-complaint")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert "today" in texts["plan.md"].split("## The situation")[0]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Call them today, not by message", "Call them on Monday, not by message"),
        ("a lawyer leads from today", "a lawyer leads from Monday"),
        ("Today, agree who speaks", "On Monday, agree who speaks"),
        ("before the end of today's session", "before the end of Monday's session"),
    ],
)
def test_today_in_a_step_names_its_later_day(typed, shown):
    from triage.engine.filters.dates import on_day

    assert on_day(typed, dt.date(2026, 12, 7), dt.date(2026, 12, 5)) == shown
    assert on_day(typed, dt.date(2026, 12, 5), dt.date(2026, 12, 5)) == typed
    assert "21 December" in on_day(typed, dt.date(2026, 12, 21), dt.date(2026, 12, 5))


# Kind: the exit email asks for "a transition period on the current terms" in a clean exit.


@pytest.mark.parametrize(
    ("reason", "alternatives", "transition", "moved_apart"),
    [
        ("basis_gone", "costly", "a transition period on the current terms", True),
        ("basis_gone", "easy", None, True),
        ("conduct", "costly", "a short transition while we move across", False),
        ("conduct", "easy", None, False),
    ],
)
def test_the_exit_email_words_the_end_by_the_kind_of_exit(
    reason, alternatives, transition, moved_apart, tmp_path, monkeypatch
):
    answers = example("partner-dispute/referral-partner-now-competes")
    answers.update(exit_reason=reason, alternatives=alternatives)
    email = drafts("partner-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"]
    if transition:
        assert transition in email, email
    else:
        assert "transition" not in email and "current terms" not in email, email
    assert ("moved apart" in email) == moved_apart, email
    assert "final date" in email and "handover" in email, email


# Kind: the email leaves out the one thing its reader most needs.


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_fix_typed_as_done_is_said_as_done_not_as_a_change_to_come(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["our_mistakes"] = [
        {
            "mistake": "we deployed an untested change during their busiest weekend",
            "fix": "rolled back on 15 November; every change is now tested against their checkout",
        }
    ]
    email = _flat(
        drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)["reset-email.eml"]
    )
    assert "we rolled it back on 15 November" in email, email
    changing = email.split("What we are changing:")[1].split(".")[0]
    assert "rolled" not in changing and "every change is now tested" in changing, email


def test_a_fix_told_in_what_happened_reaches_the_reader(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["our_mistakes"] = [{"mistake": "we deployed an untested change on a weekend"}]
    answers["what_happened"] += " We fixed the checkout configuration a day later but told nobody."
    email = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)[
        "reset-email.eml"
    ]
    assert "We have fixed the checkout configuration." in email, email


def test_the_exit_email_says_the_fault_was_fixed(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/tiny-account-angry-reviews")
    email = _flat(
        drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)["reset-email.eml"]
    )
    assert "we fixed it in April" in email, email


@pytest.mark.parametrize(
    ("name", "request_"),
    [
        ("client-communication-breakdown/small-sla-breach-friendly", "for the 10% service credit"),
        ("client-communication-breakdown/overbilling-breach-alleged", "for a refund with interest"),
        ("salvage-relationship/customer-may-not-pay", "for a 12-month payment plan"),
        ("client-communication-breakdown/tiny-account-angry-reviews", "for a full year's refund"),
    ],
)
def test_what_they_asked_for_is_named_and_answered_by_a_date(name, request_, tmp_path, monkeypatch):
    email = _flat(
        drafts(name.split("/")[0], example(name), tmp_path, monkeypatch)["reset-email.eml"]
    )
    assert f"You asked {request_}" in email, email
    assert re.search(r"you will have a full reply (?:on the rest )?by \w+day \d+ \w+ 2026\.", email)


def test_a_request_partly_met_already_says_so(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/overbilling-breach-alleged")
    answers["our_mistakes"][0]["fix"] = "refunded the difference on 20 November"
    email = _flat(
        drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)["reset-email.eml"]
    )
    assert "we refunded the difference on 20 November" in email
    assert "part of it is already done, and you will have a full reply on the rest by" in email


def test_a_request_for_an_apology_is_answered_by_the_apology_itself(tmp_path, monkeypatch):
    answers = example("partner-dispute/our-vp-insulted-reseller-ceo-leads")
    answers["what_happened"] += " Marta has asked for an apology in writing before the review."
    email = _flat(drafts("partner-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"])
    assert "You asked" not in email and "I am sorry" in email


def test_with_no_mistake_listed_the_apology_names_what_we_did(tmp_path, monkeypatch):
    answers = example("partner-dispute/our-vp-insulted-reseller-ceo-leads")
    email = _flat(drafts("partner-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"])
    assert "We got this wrong: our VP's remarks were insulting" in email, email
    assert "have not always spoken to you calmly" not in email


def test_our_own_heat_named_to_them_from_the_message_log(tmp_path, monkeypatch):
    email = _flat(
        drafts(
            "salvage-relationship",
            example("salvage-relationship/goods-held-under-lien"),
            tmp_path,
            monkeypatch,
        )["reset-email.eml"]
    )
    # The first apology in this email: "also" only after an earlier one (the email round).
    assert "I am sorry for the tone of our email of 2 October 2026" in email, email
    assert "also sorry" not in email, email


def test_a_cure_notice_is_acknowledged_without_conceding_the_breach(tmp_path, monkeypatch):
    """Under their solicitors' notice, a fix we made is for our solicitors to put: the
    acknowledgment neither says the work "to put things right" carries on nor lists fixes."""
    answers = example("contract-terms-dispute/cure-notice-from-their-lawyers")
    answers["our_mistakes"] = [
        {
            "mistake": "two booking pages failed their speed test",
            "fix": "fixed both pages on 20 November",
        }
    ]
    email = _flat(
        drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"]
    )
    assert "put things right" not in email, email
    assert "fixed both pages" not in email, email
    # The notes call them "their lawyers": the reply is in their word, and with no lawyer of
    # ours on record yet it waits for one, rather than promising a letter from "our lawyers".
    assert "once our lawyer has reviewed" in email and "solicitor" not in email, email
    assert "from our lawyers" not in email, email


def test_the_exit_settles_the_sum_in_question_by_its_figure(tmp_path, monkeypatch):
    email = _flat(
        drafts(
            "partner-dispute",
            example("partner-dispute/referral-partner-leaving"),
            tmp_path,
            monkeypatch,
        )["reset-email.eml"]
    )
    assert "a fair settlement of the £600 in question" in email, email


@pytest.mark.parametrize(
    ("typed", "done", "ahead"),
    [
        ("refunded on 2 December", "we refunded it on 2 December", ""),
        (
            "fixed the export bug on 4 December; every export is now checked",
            "we fixed the export bug on 4 December",
            "every export is now checked",
        ),
        ("the bug has been fixed", "the bug has been fixed", ""),
        (
            "a second engineer now covers every fault",
            "",
            "a second engineer now covers every fault",
        ),
        (
            "corrected wording is with our regulatory team",
            "",
            "corrected wording is with our regulatory team",
        ),
    ],
)
def test_a_typed_fix_is_split_into_what_is_done_and_what_is_to_come(typed, done, ahead):
    from triage.engine.filters.needs import split_fix

    assert split_fix(typed) == (done, ahead)


@pytest.mark.parametrize(
    ("story", "request_"),
    [
        (
            "Pip emailed twice. He wants the duplicate 86.40 refunded and a month free.",
            "for the duplicate 86.40 refunded and a month free",
        ),
        (
            "Aisha wrote that this breaches the SLA and asked for the 10% service credit it provides.",
            "for the 10% service credit",
        ),
        ("Their engineering lead asked for a set of manuals in a third of the usual time.", ""),
        ("Priya says the clients asked for a refund.", ""),
        (
            "Karen says she wants the free onboarding she was promised.",
            "for the free onboarding you were promised",
        ),
        ("She asked us to withdraw the email and went quiet.", "us to withdraw the email"),
    ],
)
def test_their_request_is_found_only_when_it_is_theirs_and_about_the_dispute(story, request_):
    from triage.engine.filters.needs import their_request

    assert their_request(story, "Aisha Karen", "Pip's Bakery") == request_


def test_the_summary_lists_only_changes_still_to_make(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["our_mistakes"] = [
        {"mistake": "we charged the weekend twice", "fix": "refunded on 20 November"},
        {
            "mistake": "nobody senior called",
            "fix": "I call you myself within the hour of any incident",
        },
    ]
    summary = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)[
        "follow-up-summary.md"
    ]
    assert "We will make the changes we committed to: I call you myself" in summary, summary
    assert "refunded" not in summary and "an owner and a date for each" not in summary


def test_a_deadline_kind_answered_outright_wins_over_what_the_answers_suggest():
    from triage.engine.filters.deadlines import deadline_source

    values = {"notice_deadline": dt.date(2026, 12, 8), "red_flags": ["data_breach"]}
    assert deadline_source(values) == "statute"
    assert deadline_source({**values, "deadline_kind": "contract"}) == "contract"
