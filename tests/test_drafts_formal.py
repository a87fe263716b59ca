"""Kind: formal content that is vague, contradictory or wrong.

An exit notice names its end date and never asks for data to be deleted during the transition
it asks for; a reply under a cure notice is promised before the cure period ends; a lawyer who
wrote on her own firm's letterhead is not "your solicitors"; an email that proposes mediation
does not say it only acknowledges; a new lead is not "your contact, as before".
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

from triage.engine.filters import customers_named, lawyer_word, notice_end, own_letter


def test_an_exit_notice_names_its_end_date_and_keeps_the_data_for_the_transition(
    tmp_path, monkeypatch
):
    email = render("partner-dispute--copenhagen-reseller-own-product", tmp_path, monkeypatch)[
        "email"
    ]
    assert "5 June 2027" in email, email  # 6 months' notice from Saturday 5 December 2026
    assert "I will confirm the end date" not in email, email
    assert "60 or so customers" in email, email
    deletion = email.index("delete your copies")
    assert "when the handover is complete" in email[:deletion], email


def test_an_exit_notice_with_no_period_says_when_the_end_date_will_be_confirmed(
    tmp_path, monkeypatch
):
    name = "partner-dispute--copenhagen-reseller-own-product"
    _, answers = __import__("drafts_cases").answers_of(name)
    clauses = answers["clauses"]
    clauses[0]["says"] = "either party may terminate by written notice"
    email = render(name, tmp_path, monkeypatch, {"clauses": clauses})["email"]
    assert "I will confirm the end date in writing by Friday 11 December 2026" in email, email


def test_an_exit_email_after_the_call_does_not_ask_for_another_call(tmp_path, monkeypatch):
    email = render("partner-dispute--copenhagen-reseller-own-product", tmp_path, monkeypatch)[
        "email"
    ]
    assert "speaking with me earlier" in email
    assert "a time to talk" not in email, email


def test_the_cure_plan_is_promised_before_the_cure_period_ends(tmp_path, monkeypatch):
    email = render("contract-terms-dispute--krakow-app-cure-notice", tmp_path, monkeypatch)["email"]
    assert "by Monday 14 December" not in email, email
    assert "before the cure period ends on 14 December 2026" in email, email
    assert "as before" not in email, email  # Marek is new to them


def test_a_lawyer_writing_for_her_own_firm_is_not_sent_to_her_solicitors(tmp_path, monkeypatch):
    email = render("salvage-relationship--toronto-msp-law-firm-demand", tmp_path, monkeypatch)[
        "email"
    ]
    assert "solicitor" not in email, email
    # No lawyer of ours is on record yet: the reply waits for one, and nobody speaks for them.
    assert "your letter" in email and "once our lawyer has reviewed" in email, email
    assert "from our lawyers" not in email, email
    # Their letter sets a date to pay, not to reply: it is named as the date in the letter.
    assert "the date the letter sets" not in email and "the date in your letter" in email, email


def test_an_email_that_proposes_mediation_does_not_say_it_only_acknowledges(tmp_path, monkeypatch):
    for name in (
        "contract-terms-dispute--rotterdam-fitout-lds-mediation-clause",
        "contract-terms-dispute--brisbane-design-variations-mediation-clause",
    ):
        email = render(name, tmp_path, monkeypatch)["email"]
        assert "mediation" in email, email
        assert "only to acknowledge" not in email, email
        assert "solicitors" not in email, email  # their own notes say lawyers


def test_the_formal_filters_read_the_notes_as_typed():
    assert notice_end("terminate on 6 months written notice", dt.date(2026, 12, 5)) == dt.date(
        2027, 6, 5
    )
    assert notice_end("90 days' notice", dt.date(2026, 12, 5)) == dt.date(2027, 3, 5)
    assert notice_end("three months notice", dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
    assert notice_end("by written notice", dt.date(2026, 12, 5)) is None
    # A month with no such day ends on its last day: leap years, December, the last year.
    assert notice_end("one month notice", dt.date(2028, 1, 31)) == dt.date(2028, 2, 29)
    assert notice_end("1 month notice", dt.date(2100, 1, 31)) == dt.date(2100, 2, 28)
    assert notice_end("2 months notice", dt.date(2026, 10, 31)) == dt.date(2026, 12, 31)
    assert notice_end("3 months notice", dt.date(9999, 9, 30)) == dt.date(9999, 12, 30)
    assert notice_end("4 months notice", dt.date(2027, 8, 31)) == dt.date(2027, 12, 31)
    assert customers_named("12 shared customers on the connector") == "the 12 customers we share"
    assert lawyer_word("their counsel wrote", "") == "counsel"
    assert lawyer_word("", "ciaran@hotel.ie EUR") == "solicitors"
    assert lawyer_word("", "grace@firm.ca CAD") == "lawyers"
    rows = [{"channel": "letter", "who": "Grace Whitmore MP (them)"}]
    assert own_letter(rows, "Grace Whitmore")
    assert not own_letter([{"channel": "letter", "who": "their lawyers (them)"}], "Marcus Te Rangi")
