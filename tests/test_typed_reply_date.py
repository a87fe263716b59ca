"""The formal reply the manager scheduled, however they word it, sets the day the email
promises it, so that the email and the tracker name one date.

Blind round 35: a managing director typed "Written reply to the clause 11.2 claim" for Friday
11 December; the email promised the answer "by Thursday 10 December", two working days before
their date, and listed his own row for the 11th two paragraphs later.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters import pending_reply

CASE = "contract-terms-dispute/licence-audit-claim-answered"


@pytest.mark.parametrize(
    "what",
    [
        "Written reply to the clause 11.2 claim",
        "Formal response to their notice",
        "Answer their letter of demand, checked by Ines",
        "Reply formally to the audit claim",
    ],
)
def test_a_reply_step_is_found_however_it_is_worded(what):
    rows = [{"what": what, "owner": "Ana", "due": dt.date(2026, 12, 15)}]
    found = pending_reply(rows, dt.date(2026, 12, 7))
    assert found and found["due"] == dt.date(2026, 12, 15)


@pytest.mark.parametrize(
    "what",
    [
        "Reply to Mark Leblanc accepting mediation in principle",
        "Phone Ruth about the claim",
        "Send the written summary of the call",
    ],
)
def test_other_steps_are_not_the_formal_reply(what):
    rows = [{"what": what, "owner": "Ana", "due": dt.date(2026, 12, 15)}]
    assert pending_reply(rows, dt.date(2026, 12, 7)) is None


def test_the_email_promises_the_answer_on_the_day_the_manager_set(tmp_path, monkeypatch):
    answers = example(CASE)
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "you will have one before then, by Monday 14 December 2026" in email, email
    answers["agreed_actions"] = [
        *answers.get("agreed_actions", []),
        {"what": "Written answer to the audit claim", "owner": answers["our_contact"],
         "due": dt.date(2026, 12, 15)},
    ]  # fmt: skip
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "you will have one before then, by Tuesday 15 December 2026" in email, email
