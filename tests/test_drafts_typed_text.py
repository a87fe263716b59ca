"""Kind: raw or garbled answer text reaching the recipient.

Our notes are typed fast: "pay inv INK-2609", "didnt", "january shipments", "delivered in
sept", "standby invoices, Aug", "at the debrief our managing director blamed...". The one
shared filter puts them in a letter's spelling, and never splices "we" into a sentence that
already names who did it.
"""

from __future__ import annotations

from drafts_cases import render

from triage.engine.filters import clause, first_person, sentence, topic
from triage.engine.filters.shorthand import spell_out


def test_an_invoice_number_is_not_given_an_article(tmp_path, monkeypatch):
    email = render("salvage-relationship--design-studio-silent-developer", tmp_path, monkeypatch)[
        "email"
    ]
    assert "an invoice INK-2609" not in email, email
    assert "invoice INK-2609" in email, email
    assert spell_out("pay inv 443") == "pay invoice 443"


def test_a_missing_apostrophe_and_a_small_month_are_put_right(tmp_path, monkeypatch):
    email = render("partner-dispute--london-austin-launch-campaign-split", tmp_path, monkeypatch)[
        "email"
    ]
    assert "didnt" not in email and "didn't loop you in" in email, email
    email = render("salvage-relationship--forwarder-wine-hs-code-errors", tmp_path, monkeypatch)[
        "email"
    ]
    assert "january" not in email, email
    assert clause("texts delivered in sept for free") == "texts delivered in September for free"
    assert sentence("we didnt call") == "We didn't call."
    # "may" and "march" are words too: only beside a day are they months.
    assert clause("we may call on 3 march") == "we may call on 3 March"


def test_who_did_it_is_kept_when_our_notes_name_them(tmp_path, monkeypatch):
    email = render(
        "client-communication-breakdown--munich-md-debrief-outburst", tmp_path, monkeypatch
    )["email"]
    assert "managing director, we blamed" not in email, email
    assert "our managing director blamed your team" in email, email
    owned = first_person(
        "at the debrief our managing director blamed your team", "Sabine Huber", "Miriam", True
    )
    assert owned == "at the debrief our managing director blamed your team"


def test_a_labels_trailing_month_reads_as_words():
    assert topic("standby invoices, Aug", "Brent") == "the standby invoices for August"


def test_the_invitation_signed_by_a_new_lead_reads_me_as_the_signer(tmp_path, monkeypatch):
    # Lena typed "Sabine + me"; Dr. Sabine Huber signs the invitation.
    texts = render(
        "client-communication-breakdown--munich-md-debrief-outburst", tmp_path, monkeypatch
    )
    invitation = texts["meeting-invitation.md"]
    assert "Sabine and me" not in invitation, invitation
    assert "Lena and me" in invitation, invitation


def test_the_signer_naming_themself_in_brackets_reads_as_plain_i():
    from triage.engine.filters.voice import first_person

    typed = "I (Priya, COO) lead this from now on; Daniel will apologise to your IT team"
    said = first_person(typed, "Priya Raman (COO)", "Sato Kenji")
    assert said == "I lead this from now on; Daniel will apologise to your IT team", said
    # A note that is not the signer's own name stays as typed.
    assert "(the account lead)" in first_person("I (the account lead) will call", "Priya Raman")


def test_them_after_a_verb_said_to_people_is_the_reader():
    # "them" after a plural noun is usually those things, but one warned or told is a person.
    said = first_person("we were short-staffed for two weeks and did not warn them", "Tom", "")
    assert said == "we were short-staffed for two weeks and did not warn you", said
    said = first_person("we double-booked two crews and told them late", "Tom", "")
    assert said == "we double-booked two crews and told you late", said
    said = first_person("staged releases for their depots without disrupting them", "Tom", "")
    assert said.endswith("without disrupting them"), said


def test_an_apology_for_something_is_not_an_apology_to_it():
    """Blind round 34: "A written apology for the 20 November email" became "I will apologise
    to the 20 November email in writing." An apology is to a person and for a thing."""
    from triage.engine.filters.offers import offer_said

    assert offer_said("A written apology for the 20 November email") == (
        "I will apologise in writing for the 20 November email."
    )
    assert offer_said("an apology from our CEO for the call on 2 December") == (
        "Our CEO will apologise for the call on 2 December."
    )
    assert offer_said("a personal apology to your site team") == (
        "I will apologise to your site team in person."
    )
