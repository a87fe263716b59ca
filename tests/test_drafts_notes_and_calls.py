"""Kinds: notes pasted in as sentences, and a misunderstanding cleared on a call.

A line typed as a note for ourselves is never pasted into the email; a change typed as a thing
reads as one; a misunderstanding email proposes the short call and promises the one written
confirmation after it, and once the call is on record with what was agreed, it is that
confirmation.
"""

from __future__ import annotations

from drafts_cases import render

from triage.engine.filters import fix_sentence, note_fragment

CEBU = "partner-dispute--cebu-referral-commission-notes"
MONTERREY = "client-communication-breakdown--monterrey-parts-two-dates"


def test_a_note_typed_for_ourselves_is_never_pasted_into_the_email(tmp_path, monkeypatch):
    email = render(CEBU, tmp_path, monkeypatch)["email"]
    assert "wks" not in email and "no deal registration portal" not in email, email
    assert note_fragment("commission statement late 5 wks, no deal registration portal")
    assert not note_fragment("we did not load-test the engine at your Eid volumes")
    assert not note_fragment("you got two different dates from us, 20 Nov and 4 Dec")


def test_a_change_typed_as_a_thing_reads_as_one(tmp_path, monkeypatch):
    email = render(MONTERREY, tmp_path, monkeypatch)["email"]
    assert "What changes: one confirmed date, from me only, on every order." in email, email
    assert fix_sentence(
        "pro-formas now say 'not a tax invoice', and a one-page note for clients"
    ) == ("Pro-formas now say 'not a tax invoice'. Also: a one-page note for clients.")


def test_a_misunderstanding_proposes_the_call_then_one_written_confirmation(tmp_path, monkeypatch):
    email = render(MONTERREY, tmp_path, monkeypatch)["email"]
    assert "Would a short call" in email and "about 15 minutes" in email, email
    assert "Afterwards I will confirm in writing what we agree about the delivery date" in email


def test_after_the_call_the_email_is_the_written_confirmation(tmp_path, monkeypatch):
    change = {
        "timeline": [
            {
                "date": "2026-12-04",
                "channel": "phone",
                "who": "Paula Ríos (us)",
                "tone": "neutral",
                "note": "walked Alejandro through the two dates",
            }
        ],
        "agreed_terms": [
            {
                "term": "the masts for the Q1 order arrive on 15 January",
                "detail": "confirmed by me only",
            }
        ],
    }
    email = render(MONTERREY, tmp_path, monkeypatch, change)["email"]
    assert "Thank you for the call. As agreed, here it is in writing:" in email, email
    assert "15 January" in email, email
    assert "Would a short call" not in email and "reading it differently" not in email, email
