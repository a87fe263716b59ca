"""Two things a recipient should never read in the reset email: a disagreement about the
contract that the answers say does not exist, and our own next steps if they do not pay (a
formal demand with interest) listed among what we will do for them."""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

CASE = "contract-terms-dispute/unpaid-invoices-owed"


def _debt(their_reading: str) -> dict:
    answers = example(CASE)
    answers["clauses"] = [
        {
            "ref": "Framework agreement clause 7.2",
            "says": "payment 30 days from invoice",
            "our_reading": "all three invoices are due",
            "their_reading": their_reading,
        }
    ]
    answers["agreed_actions"] = [
        {
            "what": "send Erik the statement of account with copies of the delivery notes",
            "owner": "Maja Holm",
            "due": "2026-12-08",
        },
        {
            "what": "if not paid by 18 Dec: formal demand, 7 days, with statutory interest",
            "owner": "Maja Holm",
            "due": "2026-12-21",
        },
    ]
    return answers


def test_no_disagreement_is_invented_when_they_agree_the_invoices_are_due(tmp_path, monkeypatch):
    texts = drafts(
        "contract-terms-dispute",
        _debt("no disagreement, they say"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )
    assert "differently" not in texts["reset-email.eml"]
    texts = drafts(
        "contract-terms-dispute",
        _debt("only due once the audit is signed off"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )
    assert "I know you read Framework agreement clause 7.2 differently" in texts["reset-email.eml"]


def test_our_steps_if_they_do_not_pay_stay_out_of_the_email(tmp_path, monkeypatch):
    texts = drafts(
        "contract-terms-dispute",
        _debt("no disagreement, they say"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )
    email = texts["reset-email.eml"]
    assert "statement of account" in email
    assert "formal demand" not in email and "interest" not in email
    # It stays in our own tracker.
    assert "formal demand" in texts["actions.csv"]
