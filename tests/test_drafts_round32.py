"""Draft faults a mediator found reading round 31, each checked on several wordings:
text cut inside brackets, a name run on into the next sentence, a job's function read as a
first name, and an offer said twice in a data-incident email."""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts

from triage.engine.filters import effect_on_them, our_senior, their_senior


@pytest.mark.parametrize(
    "notes",
    [
        "On the strength of our report they ran a treatment on both pens (well-boat, about NOK "
        "410,000) and lost a few hundred fish to handling stress.",
        "Because of our wrong reading their plant stopped (line 2, about 14 hours) and they "
        "missed two shipments.",
        "Their team re-tested every unit (about 1,200, over a weekend) at their own cost.",
    ],
)
def test_what_it_meant_for_them_is_never_cut_inside_brackets(notes):
    said = effect_on_them(notes)
    assert said.count("(") == said.count(")"), said


@pytest.mark.parametrize(
    ("notes", "who"),
    [
        (
            "Denise emailed on 23 Nov, copying her CEO Paul Hnatyshyn.\nOn 24 Nov we replied.",
            "Paul Hnatyshyn",
        ),
        ("Their MD Sofia Lindqvist. Since then silence.", "Sofia Lindqvist"),
        ("their COO Bjørn Eide, who signed the contract, called me", "Bjørn Eide"),
    ],
)
def test_their_senior_is_named_without_the_next_sentences_first_word(notes, who):
    assert their_senior(notes) == who


@pytest.mark.parametrize(
    ("notes", "who"),
    [
        ("me and our VP Product Mikko Laine", "Mikko Laine"),
        ("our VP Sales Grant Mackay will join", "Grant Mackay"),
        ("our Director Operations Aoife Kelly and me", "Aoife Kelly"),
    ],
)
def test_a_titles_function_is_not_read_as_a_first_name(notes, who):
    assert our_senior(notes) == who


def test_an_offer_in_a_data_incident_email_is_said_once(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Zielony Koszyk S.A.",
        "their_contact": "Agnieszka Wróbel",
        "our_contact": "Tomasz Zieliński",
        "what_happened": "A shared link to their payslip files stayed open on our platform for a "
        "day; we closed it and are tracing who opened it.",
        "fault": "mostly_us",
        "apologised": True,
        "red_flags": ["data_breach", "lawyers", "letter_of_claim"],
        "lawyers_side": "both",
        "formal_from": "them",
        "breach_where": "ours",
        "our_offer": "a full incident report by Monday 09:00 and credit monitoring for their staff",
    }
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert email.count("credit monitoring for") == 1, email
    assert "\r\n\r\nWe would also like to offer" in email, email


@pytest.mark.parametrize(
    ("contact", "lawyer"),
    [
        ("Dr. Pieter Vanderstraeten", False),  # a hospital's CIO: a doctor, not their lawyer
        ("Dr. Sabine Keller", False),
        ("Dra. Renata Callegari (Callegari & Mota Advogados)", True),
        ("mec. Joanna Sadowska", True),
        ("Dr. Anna Weber, Rechtsanwältin", True),
    ],
)
def test_a_doctors_title_alone_does_not_make_their_contact_a_lawyer(contact, lawyer):
    from triage.engine.filters import lawyer_writes

    assert lawyer_writes(contact) is lawyer


@pytest.mark.parametrize(
    ("fix", "done"),
    [
        ("paid in full by 18 December", ""),
        ("credit note issued by Friday", ""),
        ("refunded on 2 December", "we refunded it on 2 December"),
        ("paid on 4 December; weekly report by the end of the month", "we paid it on 4 December"),
    ],
)
def test_a_change_with_a_date_still_to_come_is_not_said_as_done(fix, done):
    # "(we paid it in full by 18 December)" told a distributor we had paid what we still owed.
    from triage.engine.filters.needs import split_fix

    assert split_fix(fix)[0] == done
