"""Kind: facts invented or wrong in the email.

An exit where nobody acted in bad faith names what we are sorry for, never "what went wrong is
down to us"; an exit email thanks them for a call only when a call is on record; mixed messages
from our own people are ours to own, never "we have been reading it differently"; an email
whose fault is left unanswered does not console them for frustration they may have caused.
"""

from __future__ import annotations

from drafts_cases import render

from triage.engine.filters import call_recorded

PORTO = "partner-dispute--porto-referral-wind-down-no-call"
MONTERREY = "client-communication-breakdown--monterrey-parts-two-dates"
CEBU = "partner-dispute--cebu-referral-commission-notes"


def test_a_no_fault_exit_names_what_we_are_sorry_for_and_no_grievance(tmp_path, monkeypatch):
    email = render(PORTO, tmp_path, monkeypatch)["email"]
    assert "what went wrong" not in email, email
    assert "I am sorry that we never agreed targets with you" in email, email


def test_an_exit_email_thanks_them_for_a_call_only_when_one_is_on_record(tmp_path, monkeypatch):
    email = render(PORTO, tmp_path, monkeypatch)["email"]
    assert "speaking with me" not in email and "when we spoke" not in email, email
    assert "As I said" not in email, email
    assert "I am writing to let you know that I have decided" in email, email
    timeline = [
        {
            "date": "2026-12-04",
            "channel": "phone",
            "who": "Inês Carvalho (us)",
            "tone": "neutral",
            "note": "told Rui we will end it",
        }
    ]
    email = render(PORTO, tmp_path, monkeypatch, {"timeline": timeline})["email"]
    assert "Thank you for speaking with me earlier" in email, email
    assert call_recorded([], "their security lead admitted on call it was real data")
    assert not call_recorded([], "he called Mia useless on the phone twice")


def test_our_own_mixed_messages_are_owned_not_read_differently(tmp_path, monkeypatch):
    email = render(MONTERREY, tmp_path, monkeypatch)["email"]
    assert "reading it differently" not in email, email
    assert "The mixed messages came from our side" in email, email
    theirs = {
        "mixed_messages_detail": "their buyer said 20 Nov; their warehouse lead said 4 Dec",
        "mixed_messages_side": "theirs",
    }
    email = render(MONTERREY, tmp_path, monkeypatch, theirs)["email"]
    assert "came from our side" not in email, email


def test_with_the_fault_unanswered_the_email_does_not_console_them(tmp_path, monkeypatch):
    email = render(CEBU, tmp_path, monkeypatch)["email"]
    assert "on your side" not in email, email
    assert "I am sorry for that" not in email, email
