"""Kind: a complaint about our service answered as if it were about money, with an empty apology.

A sparse case where they complain about late work and unanswered calls, the fault shared and
no mistake listed: the email is about what happened, not "the CHF 2,300 in question"; what the
facts say we got wrong (our project manager left, the handover was poor) is owned in one plain
sentence even with our contribution left blank; and with nothing of ours known, the email
acknowledges their frustration without saying sorry for nothing.
"""

from __future__ import annotations

from drafts_cases import render

GRIPE = "client-communication-breakdown--translation-quick-gripe"


def test_a_service_complaint_does_not_open_on_the_money(tmp_path, monkeypatch):
    texts = render(GRIPE, tmp_path, monkeypatch)
    assert "CHF" not in texts["Subject"], texts["Subject"]
    assert "What happened in November" in texts["Subject"], texts["Subject"]
    assert "I am writing about what happened in November" in texts["email"], texts["email"]
    assert "2,300 in question" not in texts["email"], texts["email"]


def test_our_failure_in_the_facts_is_owned_when_our_part_is_left_blank(tmp_path, monkeypatch):
    email = render(GRIPE, tmp_path, monkeypatch)["email"]
    assert (
        "I am sorry that when our project manager left in October, the handover was not "
        "handled well." in email
    ), email
    assert "jonas" not in email and "was a mess" not in email, email
    assert "I am sorry for that" not in email, email


def test_with_nothing_of_ours_known_the_email_does_not_apologise_for_nothing(tmp_path, monkeypatch):
    story = "they say 2 jobs late in Nov and nobody picks up phone. they dump 40 pages on fridays"
    email = render(GRIPE, tmp_path, monkeypatch, {"what_happened": story})["email"]
    assert "I know how frustrating this has been on your side" in email, email
    assert "sorry" not in email, email
