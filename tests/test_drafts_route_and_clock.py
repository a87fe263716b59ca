"""Kind: the email contradicts the route or a legal clock.

A small claim from their lawyer that the route settles commercially is not answered "from our
lawyers to yours"; a lawyer we write to is greeted by name, never as their client's team; a
notice deadline of our own is not given as the date we reply to their letter by; a debtor under
strain with no insolvency process started gets the demand itself, never a process that has not
begun; a personal-data incident on their side asks for the evidence, kept unchanged, before the
statutory clock runs out.
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

from triage.engine.filters import first_name, own_letter

LYON = "contract-terms-dispute--lyon-avocate-small-print-claim"
LAGOS = "partner-dispute--lagos-installer-silent-debts"
GDANSK = "client-communication-breakdown--gdansk-vendor-leaked-patient-list"


def test_a_small_claim_settled_commercially_is_not_sent_between_lawyers(tmp_path, monkeypatch):
    drafts = render(LYON, tmp_path, monkeypatch)
    email = drafts["email"]
    assert "from our lawyers" not in email and "to your lawyers" not in email, email
    assert "settle this directly" in email, email
    # The offer is the point of the email, with its figure.
    assert "What I propose: we cancel half of invoice FAC-1187 (EUR 1,120)" in email, email
    assert "You will have our answer to the letter" in email, email
    assert "acknowledging receipt" not in drafts["Subject"], drafts["Subject"]


def test_a_small_claim_with_no_offer_typed_still_proposes_a_split(tmp_path, monkeypatch):
    email = render(LYON, tmp_path, monkeypatch, {"our_offer": None})["email"]
    assert "fair split of the amounts on both sides" in email, email
    assert "from our lawyers" not in email, email


def test_the_lawyer_we_write_to_is_greeted_by_name_and_wrote_the_letter(tmp_path, monkeypatch):
    email = render(LYON, tmp_path, monkeypatch)["email"]
    assert email.startswith("Dear Claire,"), email
    assert "team" not in email.split(",")[0], email
    assert "your letter" in email and "letter from your" not in email, email
    assert first_name("mec. Agnieszka Zielińska (their lawyer)") == "Agnieszka"
    assert first_name("mr. J. (Jeroen) van der Berg, advocaat") == "Jeroen"
    assert first_name("Dr Anil Rao") == "Dr Rao"  # an English title still keeps the family name
    assert own_letter([], "mec. Agnieszka Zielińska (their lawyer)")
    assert not own_letter([], "Agnieszka Zielińska")


def test_our_own_notice_deadline_is_never_the_date_we_reply_to_their_letter_by(
    tmp_path, monkeypatch
):
    # Their letter sets its own date; our notice under the contract falls on 10 December.
    change = {
        "stake_vs_fee": "larger",
        "amount_at_stake": 310000,
        "red_flags": ["lawyers", "letter_of_claim", "payment_withheld", "notice_close"],
        "formal_from": "both",
        "notice_deadline": dt.date(2026, 12, 10),
        "deadline_kind": "contract",
    }
    email = render(LYON, tmp_path, monkeypatch, change)["email"]
    assert "10 December 2026, the date in" not in email, email
    assert "within the time your letter gives" in email, email


def test_a_silent_debtor_with_no_insolvency_process_gets_the_demand_itself(tmp_path, monkeypatch):
    email = render(LAGOS, tmp_path, monkeypatch)["email"]
    assert "insolvency" not in email and "process" not in email, email
    assert "routine" not in email, email
    assert "I would ask you to pay MP-5502 and MP-5561 (USD 36,900) by Friday 18 December" in email
    assert "what you can realistically pay" in email, email
    assert "only if they are paid in advance" in email, email
    assert "letter of demand" in email, email
    assert "as before" not in email, email  # they have not answered for five weeks


def test_a_debtor_in_a_formal_insolvency_process_is_told_what_the_process_governs(
    tmp_path, monkeypatch
):
    email = render(LAGOS, tmp_path, monkeypatch, {"insolvency_started": True})["email"]
    assert "governed by the insolvency process" in email, email
    assert "routine" not in email, email


def test_a_data_incident_on_their_side_asks_for_the_evidence_before_our_legal_clock(
    tmp_path, monkeypatch
):
    email = render(GDANSK, tmp_path, monkeypatch)["email"]
    # Our 72-hour notice ends on Monday 7 December: what we need comes before it.
    assert "by Monday 7 December 2026" in email, email
    # A clock this tight does not wait for Monday: the lawyer reads the email the day it is
    # briefed and it goes now, so what we need is asked for by Sunday, before our clock.
    assert "send us by Sunday 6 December 2026" in email, email
    assert "Tuesday 8 December" not in email, email
    assert "access logs" in email and "exactly as they are" in email, email
    assert "DPA clause 9" in email, email
    assert "as before" not in email, email
