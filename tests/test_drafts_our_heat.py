"""Kinds: our own side's heat left standing, and a new lead announced but not introduced.

When our notes record a threat or hostile statement by our side (in the log, or in what
happened), the email steps back from it plainly, once, without grovelling. A lead new to them
says who they are and why they lead; the contact who always led does not announce it.
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

from triage.engine.filters import first_person, role_of
from triage.engine.filters.threats import our_threat


def test_a_colleagues_threat_on_the_phone_is_withdrawn(tmp_path, monkeypatch):
    email = render(
        "contract-terms-dispute--corrugated-drinks-brand-cash-trouble", tmp_path, monkeypatch
    )["email"]
    # No mistake of ours is typed: the heat is the mistake, said sorry for first, and withdrawn.
    said = "I am sorry for what was said on our side in the call on 27 November 2026, and I withdraw it"
    assert email.startswith(f"Dear Rachel, {said}"), email
    assert email.count("withdraw") == 1, email
    assert email.index("withdraw") < email.index("64,110.40"), email


def test_the_signers_own_threat_is_withdrawn_in_the_first_person(tmp_path, monkeypatch):
    email = render("salvage-relationship--design-studio-silent-developer", tmp_path, monkeypatch)[
        "email"
    ]
    assert (
        "I am sorry for what I said in my message of 28 November 2026, and I withdraw it" in email
    )
    assert email.index("sorry") < email.index("INK-2609"), email
    # The owner always led: no "From now on I lead this on our side".
    assert "from now on" not in email.lower(), email


def test_our_ceos_reply_to_a_cure_notice_is_set_aside_without_an_admission(tmp_path, monkeypatch):
    email = render("contract-terms-dispute--krakow-app-cure-notice", tmp_path, monkeypatch)["email"]
    assert "Please set aside our email of 30 November" in email, email
    assert "sorry" not in email.lower(), email


def test_a_new_lead_says_who_they_are_and_why(tmp_path, monkeypatch):
    email = render(
        "contract-terms-dispute--corrugated-drinks-brand-cash-trouble", tmp_path, monkeypatch
    )["email"]
    assert "From now on I lead this on our side." not in email, email
    assert "As our finance director, I lead this on our side from now on" in email, email
    assert "one person who can decide" in email, email
    email = render("contract-terms-dispute--krakow-app-cure-notice", tmp_path, monkeypatch)["email"]
    assert "As our COO, I am now your contact" in email, email


def test_the_signer_is_never_named_in_the_third_person(tmp_path, monkeypatch):
    email = render(
        "client-communication-breakdown--dental-reminders-director-email", tmp_path, monkeypatch
    )["email"]
    assert "Sean Moran (COO) are" not in email, email
    assert "Hannah and I are your contacts" in email, email
    assert "As our COO" in email, email


def test_the_threat_finder_reads_our_notes_not_theirs():
    today = dt.date(2026, 12, 5)
    ours = {
        "today": today,
        "what_happened": "Our sales director told them on 27 Nov we would stop supply.",
    }
    assert our_threat(ours) == {"channel": "", "date": dt.date(2026, 11, 27), "mine": False}
    theirs = {"today": today, "what_happened": "Their CEO told us he would terminate the contract."}
    assert our_threat(theirs) is None
    story = {"today": today, "what_happened": "A deck from 2 customers reached us."}
    assert our_threat(story) is None
    logged = {
        "today": today,
        "timeline": [
            {
                "date": today,
                "who": "Tom (us)",
                "channel": "email",
                "note": "we reject this entirely",
            }
        ],
    }
    assert our_threat(logged)["channel"] == "email"
    assert role_of("Sue Patel (finance director)") == "finance director"
    assert role_of("Jess O'Donnell (me), with our lawyer") == ""
    assert first_person("Hannah and Sean Moran (COO) are your contacts", "Sean Moran", "Aoife") == (
        "Hannah and I are your contacts"
    )
