"""Kinds a mediator found reading fresh cases' drafts as the person who receives them.

Typed answers set mid-sentence keep a capital only when it is a name; a name turned into
"you" takes a verb that agrees with it; our notes on who attends stay out of the invitation;
a plan for a side that works in French or Spanish says the drafts are in English.
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

from triage.engine.filters import attendee_notes, attendees_for_them, clause, first_person, topic
from triage.engine.filters.language import their_language

LYON = "salvage-relationship--lyon-boutique-heat-no-mistake"


def test_an_ordinary_word_that_opened_the_answer_loses_its_capital_mid_sentence():
    assert topic("Exposure of patient results") == "the exposure of patient results"
    assert clause("Shortage of pallets in week 48") == "shortage of pallets in week 48"
    assert clause("Breach of clause 7") == "breach of clause 7"
    # Names, acronyms and product names keep theirs.
    assert topic("SAP migration delays") == "the SAP migration delays"
    assert topic("Q3 invoices") == "the Q3 invoices"
    assert topic("Halden Logistics credit") == "the Halden Logistics credit"
    assert topic("iPhone repairs backlog") == "the iPhone repairs backlog"
    for name in ("Trinity", "Laurence", "Clement", "Clive", "Guinness"):
        assert clause(f"{name} approved it").startswith(name), name


def test_a_name_made_you_takes_a_verb_that_agrees():
    def said(text: str) -> str:
        return first_person(text, "Tom Hale", "Ingrid Solberg")

    assert said("Ingrid approves the credit note") == "you approve the credit note"
    assert said("Ingrid has the logs") == "you have the logs"
    assert said("Ingrid already has the logs") == "you already have the logs"
    assert said("Ingrid was not told") == "you were not told"
    assert said("Ingrid goes first") == "you go first"
    assert said("Ingrid approves it and signs the order") == "you approve it and sign the order"
    assert said("a weekly plan, which Ingrid approves") == "a weekly plan, which you approve"
    assert said("Ingrid, their COO, approves it") == "you approve it"
    assert said("their COO Ingrid approves it") == "you approve it"
    assert said("when Ingrid calls, we answer") == "when you call, we answer"
    # An object is no subject: its next word is not a verb to change.
    assert said("we sent Ingrid details") == "we sent you details"
    # Quoted words are theirs, and stay as typed.
    assert said('Ingrid said "Ingrid approves nothing"') == 'you said "Ingrid approves nothing"'


def test_the_invitation_lists_people_and_the_plan_keeps_our_notes(tmp_path, monkeypatch):
    drafts = render(LYON, tmp_path, monkeypatch)
    invitation = drafts["meeting-invitation.md"]
    line = next(x for x in invitation.splitlines() if x.startswith("Suggested attendees"))
    assert line == "Suggested attendees: you and your partner Luc; me.", line
    for note in ("NOT", "Mark", "this time", "our side only"):
        assert note not in invitation, note
    plan = " ".join(drafts["plan.md"].split())
    assert "kept out of the invitation: (our side only); NOT Mark this time." in plan, plan
    assert attendees_for_them("just Tamar and you") == "Tamar and you"
    assert attendees_for_them("NOT Bence this time; Tamar (CFO), me") == "Tamar (CFO), me"
    assert attendee_notes("NOT Bence this time; Tamar (CFO), me") == "NOT Bence this time"
    assert attendees_for_them("Bence, no lawyers") == "Bence"
    # A "you" beside the reader's own name is the person the note was typed for: our signer.
    assert attendees_for_them("just Lucía and you", "Lucía Fernández") == "Lucía and me"
    assert attendees_for_them("you + Femke", "Dana Okafor") == "you and Femke"


def test_a_plan_for_a_side_that_works_in_french_says_the_drafts_are_in_english(
    tmp_path, monkeypatch
):
    plan = " ".join(render(LYON, tmp_path, monkeypatch)["plan.md"].split())
    assert "works in French, and the drafts are in English" in plan, plan
    assert "not a machine translation" in plan, plan
    assert their_language("Ana López", "ana@hotelsol.es") == "Spanish"
    assert their_language("", "", "Transportes Ruiz S.L.") == "Spanish"
    # A currency alone says nothing of who they are (it may be ours); with a Spanish name
    # and nothing else known, it is enough.
    assert their_language("", "", "", "MXN") == ""
    assert their_language("Lucía Torres", "", "", "MXN") == "Spanish"
    assert their_language("", "", "Velo Rhone SAS", "EUR") == "French"
    # Nothing about them says it: no note.
    assert their_language("Ingrid Solberg", "ingrid@halden.no", "Halden AS", "NOK") == ""
    assert their_language("Mark Stone", "mark@acme.be", "Acme", "EUR") == ""
    plan = " ".join(
        render(
            LYON,
            tmp_path,
            monkeypatch,
            {
                "their_contact": "Ingrid Solberg",
                "their_email": "ingrid@halden.no",
                "counterparty": "Halden AS",
                "currency": "NOK",
            },
        )["plan.md"].split()
    )
    assert "Their language" not in plan, plan


def test_our_own_heat_with_no_mistake_typed_opens_with_a_plain_apology(tmp_path, monkeypatch):
    email = render(LYON, tmp_path, monkeypatch)["email"]
    opening = (
        "Dear Élodie, I am sorry for what was said on our side in the call on 24 November 2026,"
        " and I withdraw it; that is not how we want to settle this."
    )
    assert email.startswith(opening), email
    assert email.index("sorry") < email.index("2231"), email
    assert email.count("sorry") == 1 and email.count("withdraw") == 1, email
    # The tone of a message, with nothing withdrawn: said sorry for first, and once.
    tone = {
        "timeline": [
            {
                "date": dt.date(2026, 11, 24),
                "channel": "email",
                "who": "Mark (us)",
                "tone": "hostile",
                "note": "curt reply to her reminder",
            }
        ],
        "what_happened": "Maison Garnier has not paid invoices 2231 and 2240 (EUR 18,400).",
    }
    email = render(LYON, tmp_path, monkeypatch, tone)["email"]
    assert email.startswith(
        "Dear Élodie, I am sorry for the tone of our email of 24 November 2026"
    ), email
    assert email.count("sorry") == 1, email
    reset = {**tone, "fault": "both", "money": "none", "our_ask": None, "our_contribution": None}
    email = render(LYON, tmp_path, monkeypatch, reset)["email"]
    assert "Our recent exchanges" in email and email.count("sorry") == 1, email
    # Their own heat is not ours to apologise for.
    email = render(LYON, tmp_path, monkeypatch, {"heat_source": "theirs"})["email"]
    assert "sorry" not in email, email


PAYSLIPS = "contract-terms-dispute--payslips-wrong-list-we-control"


def test_a_reporting_duty_is_said_as_whoever_holds_it(tmp_path, monkeypatch):
    # We are the controller: the report and its deadline are ours.
    drafts = render(PAYSLIPS, tmp_path, monkeypatch)
    email = drafts["email"]
    assert "your deadline" not in email and "you need to report" not in email, email
    # The contact line is a paragraph of its own.
    body = drafts["reset-email.eml"].replace("\r\n", "\n")
    assert "tell others.\n\nFor the day-to-day work" in body, body
    assert (
        "We will report it to the data protection regulator by Wednesday 9 December 2026,"
        " as the law requires of us" in email
    ), email
    assert "anything your side needs to tell others" in email, email
    # We process the data for them: the report is theirs, and so is its deadline.
    processor = (
        "On 3 Dec our payroll run emailed 212 Kestrel contractors' payslips to the wrong"
        " distribution list. We process the payroll data for Kestrel under a data processing"
        " agreement."
    )
    email = render(PAYSLIPS, tmp_path, monkeypatch, {"what_happened": processor})["email"]
    assert "anything you need to report, in time for your deadline on Wednesday 9 December" in (
        email
    ), email
    assert "We will report it" not in email, email
    # The answers do not say whose it is: nobody's.
    neither = "On 3 Dec our payroll run emailed 212 contractors' payslips to the wrong list."
    email = render(PAYSLIPS, tmp_path, monkeypatch, {"what_happened": neither})["email"]
    assert "your deadline" not in email and "We will report it" not in email, email
    assert "anything either of us needs to report, before the reporting deadline" in email, email


OSLO = "contract-terms-dispute--oslo-chilled-sla-shared-fault"


def test_a_breach_with_the_fault_shared_is_an_open_email_that_owns_our_part(tmp_path, monkeypatch):
    drafts = render(OSLO, tmp_path, monkeypatch)
    email = drafts["email"]
    assert "WITHOUT PREJUDICE" not in email and "Without prejudice" not in drafts["Subject"]
    assert "I am sorry that we did not warn you when our cold store was short-staffed." in email, (
        email
    )
    assert "How the contract applies, we see differently" in email, email
    assert "I suggest a without-prejudice conversation" in email, email
    for admission in ("breach", "liab", "we accept the claim", "credits are due"):
        assert admission not in email.lower(), admission
    # Our offer is for that conversation, never a figure in the open email.
    offer = {"our_offer": "a credit of NOK 60,000 for the two short-staffed weeks"}
    email = render(OSLO, tmp_path, monkeypatch, offer)["email"]
    assert "60,000" not in email, email
    assert "I will bring a proposal to settle it to that conversation." in email, email
    # The fault left unanswered: the proposal stays without prejudice, nothing of ours owned.
    drafts = render(OSLO, tmp_path, monkeypatch, {"fault": None})
    assert drafts["email"].startswith("WITHOUT PREJUDICE"), drafts["email"]
    assert "sorry" not in drafts["email"], drafts["email"]
