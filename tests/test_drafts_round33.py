"""Email faults a mediator found reading round 31 as the person who receives the draft, by kind,
each on several cases of our own: what the case turns on left out of the email, our position
given away in writing, "without prejudice" over our own incident report, internal notes in the
body, an apology offered as a bargaining chip, and an in-person meeting on our clock."""

from __future__ import annotations

import re

import pytest
from test_reader_needs import SATURDAY, drafts

from triage.engine.addresses import missing_addresses
from triage.engine.filters.offers import insurer_first, offer_said
from triage.engine.render import email_parts


def paragraphs(email: str) -> list[str]:
    return [p.strip() for p in re.split(r"\r?\n\s*\r?\n", email) if p.strip()]


# Kind 1: the one thing they must hear first reaches the email, and opens it.

FIRST = [
    (
        "client-communication-breakdown",
        {
            "counterparty": "Transportes Ribeira, Lda.",
            "their_contact": "Marta Nogueira",
            "our_contact": "Florian Auer",
            "what_happened": "Our notice said accounts using API v1 would be suspended; she read "
            "it as her whole account and asked for written confirmation for her CFO.",
            "fault": "misunderstanding",
            "say_first": "To be clear straight away: your service and your contract continue "
            "unchanged, and nobody will suspend your account",
        },
        "To be clear straight away: your service and your contract continue unchanged, and "
        "nobody will suspend your account.",
    ),
    (
        "salvage-relationship",
        {
            "counterparty": "Harbor Contact Solutions, Inc.",
            "their_contact": "Ramon Cruz",
            "what_happened": "We moved their go-live two days before the date because the "
            "payroll export failed testing. Their COO has not answered since.",
            "fault": "mostly_us",
            "red_flags": ["silence"],
            "say_first": "the payroll export is fixed and has passed testing with your IT "
            "team, so you choose the go-live date",
        },
        "The payroll export is fixed and has passed testing with your IT team, so you choose "
        "the go-live date.",
    ),
    (
        "partner-dispute",
        {
            "counterparty": "Ostwind Logistik GmbH",
            "their_contact": "Jana Richter",
            "our_contact": "Pieter de Vries",
            "what_happened": "Our regional manager told their drivers the partnership was "
            "ending. It is not; he was wrong and has been told so.",
            "fault": "mostly_us",
            "emotions": "high",
            "heat_source": "ours",
            "say_first": "Our partnership is not ending, and your routes for 2027 stay as agreed.",
        },
        "Our partnership is not ending, and your routes for 2027 stay as agreed.",
    ),
    (
        "contract-terms-dispute",
        {
            "counterparty": "Kuala Agro Sdn Bhd",
            "their_contact": "Aisyah Rahman",
            "our_contact": "Daniel Osei",
            "what_happened": "They think our price review clause lets us raise prices at any "
            "time; it only applies once a year, in April.",
            "fault": "misunderstanding",
            "say_first": "Your prices are fixed until April 2027, and nothing changes before then",
        },
        "Your prices are fixed until April 2027, and nothing changes before then.",
    ),
]


@pytest.mark.parametrize(("playbook", "answers", "said"), FIRST)
def test_what_they_must_hear_first_opens_the_email(playbook, answers, said, tmp_path, monkeypatch):
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    body = paragraphs(email)
    assert body[1] == said, email  # right after the greeting
    assert email.count(said) == 1, email


# Kind 5: our own data incident goes to the controller as an open, factual incident report.

INCIDENTS = [
    (
        "client-communication-breakdown",
        ["data_breach", "lawyers", "letter_of_claim"],
        "Their DPO wants our report by Monday; their counsel is in copy.",
    ),
    (
        "partner-dispute",
        ["data_breach", "lawyers", "regulator"],
        "Their data protection officer has told the regulator and wants our timeline.",
    ),
    (
        "salvage-relationship",
        ["data_breach", "lawyers", "threats"],
        "Their lawyers wrote that they may end the contract over it.",
    ),
]


@pytest.mark.parametrize(("playbook", "flags", "notes"), INCIDENTS)
def test_our_own_data_incident_is_never_sent_without_prejudice(
    playbook, flags, notes, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Clinica Sol S.L.",
        "their_contact": "Lucía Romero",
        "our_contact": "Henrik Dahl",
        "what_happened": "An export of appointment records sat on a public link of ours for a "
        "day; we closed it and are tracing who opened it. " + notes,
        "issue_for_them": "the appointment export of 2 December",
        "fault": "mostly_us",
        "red_flags": flags,
        "lawyers_side": "both",
        "formal_from": "them",
        "breach_where": "ours",
        "lawyer_consulted": True,
        "our_offer": "a full incident report by Monday 09:00",
        "proposed_times": [{"date": "2026-12-08", "time": "10:00"}],
    }
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "WITHOUT PREJUDICE" not in email and "without prejudice" not in email, email
    # The acknowledgement is not the report: its subject never says it is.
    assert texts["subject"].endswith(": what we know so far"), texts["subject"]
    assert "Incident report" not in texts["subject"], texts["subject"]
    assert "Without prejudice" not in texts["subject"], texts["subject"]


# Kind 6: an apology is never among what we offer, nor any offer under a heading.


@pytest.mark.parametrize(
    ("offer", "said", "rest"),
    [
        (
            "a personal apology from us to your team, and we pay for the week lost to our spec "
            "changes",
            "I will apologise to your team in person.",
            "we pay for the week lost",
        ),
        ("a written apology", "I will apologise to you in writing.", ""),
        (
            "an apology from our CEO to your board and a 10% credit on the next invoice",
            "Our CEO will apologise to your board.",
            "a 10% credit on the next invoice",
        ),
        (
            "a credit of EUR 1,400 and a formal apology to your drivers",
            "I will formally apologise to your drivers.",
            "a credit of EUR 1,400",
        ),
    ],
)
def test_an_apology_typed_as_an_offer_is_said_as_what_we_will_do(offer, said, rest):
    text = offer_said(offer)
    assert text.startswith(said), text
    assert rest in text, text
    assert "offer" not in text.split(said)[0] and "What we can offer" not in text, text
    assert "offer a personal apology" not in text and "offer an apology" not in text, text


def test_an_apology_offered_reaches_the_email_as_a_promise(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Emajõe Charging OÜ",
        "their_contact": "Kadri Tamm",
        "our_contact": "Sanna Virtanen",
        "what_happened": "Our product manager called their engineers' work amateur at the "
        "sprint review, in front of both teams.",
        "fault": "mostly_us",
        "emotions": "high",
        "heat_source": "ours",
        "our_offer": "a personal apology from us to your team, and we pay for the lost week",
    }
    email = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "I will apologise to your team in person." in email, email
    assert "We would also like to offer" not in email and "offer a personal apology" not in email, (
        email
    )


# Kind 2: no sum for their loss committed in writing before our insurer has agreed it.


@pytest.mark.parametrize(
    ("offer", "figure", "kept"),
    [
        (
            "a full refund of the Q4 screening fees (NOK 96,000) now, and we cover the "
            "well-boat treatment cost of NOK 410,000",
            "410,000",
            "NOK 96,000",
        ),
        ("we pay the repair costs of USD 38,000", "38,000", ""),
        ("reimburse your recall costs (GBP 212,000)", "212,000", ""),
    ],
)
def test_a_sum_for_their_loss_waits_for_the_insurer(offer, figure, kept):
    said = offer_said(insurer_first(offer))
    assert figure not in said, said
    assert "confirm the figure" in said, said
    assert kept in said, said
    assert ", and we will settle" not in said, said


@pytest.mark.parametrize(
    ("playbook", "extra"),
    [
        (
            "salvage-relationship",
            {
                "agreed_actions": [
                    {
                        "what": "Notify our professional indemnity insurer",
                        "owner": "Euan MacLeod",
                        "due": "2026-12-07",
                    }
                ]
            },
        ),
        ("client-communication-breakdown", {"red_flags": ["insurer"]}),
        ("partner-dispute", {"our_contribution": "Our error. I have not told our insurer yet."}),
    ],
)
def test_the_email_promises_to_settle_their_loss_and_confirm_the_figure_later(
    playbook, extra, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Sørfjord Laks AS",
        "their_contact": "Ingrid Solberg",
        "our_contact": "Euan MacLeod",
        "what_happened": "We reported another site's results as theirs; they treated two pens "
        "on our numbers.",
        "fault": "mostly_us",
        "our_offer": "we cover the treatment cost of NOK 410,000",
        **extra,
    }
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "410,000" not in email, email
    # Settled with them, or (an insurer already on the claim) left to the insurer's reply.
    assert "We will settle the treatment cost with you" in email or "insurers are" in email, email


# Kind 2: deductions they have already made are not accepted by silence.


@pytest.mark.parametrize(
    ("playbook", "notes"),
    [
        ("contract-terms-dispute", "they are now deducting it from our invoices (MXN 620k)."),
        ("partner-dispute", "They have set off the commission against our last two invoices."),
        (
            "client-communication-breakdown",
            "Their finance team deducted EUR 9,000 from our November invoice.",
        ),
    ],
)
def test_deductions_already_made_are_disputed_and_held(playbook, notes, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Grupo Norte S.A. de C.V.",
        "their_contact": "Rogelio Garza",
        "our_contact": "Ana Beltrán",
        "what_happened": "They say we owe them a rebate; we read the contract differently. "
        + notes,
        "fault": "both",
        "money": "both",
        "red_flags": ["payment_withheld"],
    }
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "reserve our rights on" in email, email
    assert "please hold any further deductions" in email or "please hold any more" in email, email


def test_an_apology_for_our_own_fault_does_not_reserve_rights(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Grupo Norte S.A. de C.V.",
        "their_contact": "Rogelio Garza",
        "what_happened": "Our batch was bad and they deducted the cost from our invoice.",
        "fault": "mostly_us",
        "money": "both",
        "red_flags": ["payment_withheld"],
    }
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "reserve our rights" not in email, email


# Kind 6: nothing of ours reaches the other side: no [Cc: ...] line, no [YOUR NAME].


@pytest.mark.parametrize("names", ["Paul Hnatyshyn", "Trần Quốc Bảo", "Mr Obi, Sofia Lindqvist"])
def test_whom_to_copy_is_told_to_the_user_not_written_to_them(names):
    plural = "addresses" if "," in names else "address"
    body = f"[Cc: {names} — add their {plural}]\n\nDear Denise,\n\nThank you.\n"
    parts = email_parts("Subject", "d@example.ca", body, "p@example.com")
    assert "[Cc:" not in parts.body and parts.body.startswith("Dear Denise,"), parts.body
    assert parts.copy_names == names
    notes = missing_addresses({}, {"reset-email.eml": parts})
    assert any(names in n and "Cc" in n for n in notes), notes


@pytest.mark.parametrize("playbook", ["contract-terms-dispute", "salvage-relationship"])
def test_an_email_with_no_signer_is_not_signed_with_a_bracket(playbook, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Mactan Harbor, Inc.",
        "their_contact": "Ramon Dela Cruz",
        "what_happened": "We pushed the go-live two days before the date.",
        "fault": "mostly_us",
    }
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "[YOUR NAME]" not in email and "\\[YOUR NAME\\]" not in email, email
    assert email.rstrip().endswith("Kind regards,"), email
    parts = email_parts("s", "", "Dear Ramon,\n\nKind regards,\n[YOUR NAME]\n")
    assert parts.unsigned and "[YOUR NAME]" not in parts.body
    notes = missing_addresses({}, {"reset-email.eml": parts})
    assert any("no name under its sign-off" in n for n in notes), notes


# Kind 11: an in-person meeting is offered on their clock, at every time the invitation lists.
# The time typed for a visit is the time at the place visited (blind round 36: a manager who
# booked 10:00 at their office in São Paulo was made to offer "06:00 your time").


@pytest.mark.parametrize(("ahead", "shown"), [(1, "10:00"), (-3, "10:00"), (5.5, "10:00")])
def test_an_in_person_meeting_is_at_their_local_time(ahead, shown, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Red River Milling Ltd.",
        "their_contact": "Denise Thibodeau",
        "our_contact": "Priya Raman",
        "what_happened": "We missed three alerts and a line went down for 14 hours.",
        "fault": "mostly_us",
        "their_hours_ahead": ahead,
        "meeting_format": "in_person",
        "proposed_times": [
            {"date": "2026-12-10", "time": "10:00"},
            {"date": "2026-12-11", "time": "10:00"},
        ],
    }
    email = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    if "in person" not in email:
        pytest.skip("this playbook version does not offer an in-person meeting here")
    assert "my time" not in email, email
    assert f"Thursday 10 December 2026 at {shown} your time" in email, email


# Kind 1: every mistake is said sorry for, our own heated message among them.


@pytest.mark.parametrize(
    ("playbook", "channel", "said"),
    [
        ("client-communication-breakdown", "email", "the tone of our email of 24 November"),
        ("partner-dispute", "phone", "the tone of our call on 24 November"),
        ("salvage-relationship", "meeting", "the tone of our meeting on 24 November"),
    ],
)
def test_our_own_heated_message_is_apologised_for_beside_the_mistakes(
    playbook, channel, said, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Red River Milling Ltd.",
        "their_contact": "Denise Thibodeau",
        "our_contact": "Priya Raman",
        "what_happened": "We missed three alerts; a line went down for 14 hours. Our engineer's "
        "reply blamed their maintenance team.",
        "fault": "mostly_us",
        "emotions": "high",
        "heat_source": "ours",
        "our_mistakes": [{"mistake": "we missed the 2-hour response on 9 October"}],
        "timeline": [
            {
                "date": "2026-11-24",
                "channel": channel,
                "who": "Grant Lewis (our side)",
                "tone": "hostile",
                "note": "Blamed their maintenance team",
            }
        ],
    }
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "missed the 2-hour response" in email, email
    assert said in email, email


# Kind 9: a greeting typed in their language is not put after an English "Dear".


@pytest.mark.parametrize(
    ("greeting", "line"),
    [
        ("Pani Agnieszko", "Szanowna Pani Agnieszko,"),
        ("Panie Tomaszu", "Szanowny Panie Tomaszu,"),
        ("Estimada Sra. López", "Estimada Sra. López,"),
        ("Ms Wróbel", "Dear Ms Wróbel,"),
    ],
)
def test_a_greeting_in_their_language_stands_as_typed(greeting, line, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Zielony Koszyk S.A.",
        "their_contact": "Agnieszka Wróbel",
        "their_greeting": greeting,
        "our_contact": "Tomasz Zieliński",
        "what_happened": "Our delivery slots were cut without notice in November.",
        "fault": "mostly_us",
    }
    email = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert paragraphs(email)[0] == line, email
    assert "Dear Pani" not in email and "Dear Estimada" not in email, email


# Kind 2: our claim rests on a clause we read as ours, never on their restricting clause.


@pytest.mark.parametrize(
    ("theirs", "ours", "cited"),
    [
        (
            "No variation payable unless directed by a Variation Order signed by the Contract "
            "Manager",
            "Urgent instructions on site may be given by the Principal's Representative",
            "Clause 11.5",
        ),
        (
            "Extra work is not payable without a signed change request",
            "The client's project lead may instruct extra work in writing",
            "Clause 11.5",
        ),
    ],
)
def test_our_claim_never_rests_on_their_restricting_clause(
    theirs, ours, cited, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Moranbah Rail Pty Ltd",
        "their_contact": "Craig Donnelly",
        "our_contact": "Siobhan Kearney",
        "what_happened": "Their site representative instructed 14 extra boreholes in writing on "
        "18 August. They refuse to pay invoice 2291 because no variation order was signed.",
        "fault": "both",
        "money": "they_owe",
        "owed_basis": "claim",
        "amount_at_stake": 74280,
        "currency": "AUD",
        "red_flags": ["payment_withheld"],
        "clauses": [
            {
                "ref": "Clause 11.2",
                "says": theirs,
                "our_reading": "General rule",
                "their_reading": "Absolute",
            },
            {
                "ref": "Clause 11.5",
                "says": ours,
                "our_reading": "Their representative's email is the written instruction",
                "their_reading": "Only for emergencies",
            },
        ],
    }
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "due under Clause 11.2" not in email, email
    assert f"is due under {cited}" in email, email


@pytest.mark.parametrize(
    ("offer", "said"),
    [
        ("a free bearing-health audit of both lines", "We would also like to offer a free"),
        ("A free re-shoot of the spring catalogue", "We would also like to offer a free re-shoot"),
        (
            "critical-device backlog cleared by 15 December with daily evidence",
            "On our side: critical-device backlog cleared",
        ),
        ("EUR 8,000 off the next two invoices", "We would also like to offer EUR 8,000"),
    ],
)
def test_an_offer_is_a_sentence_never_a_list_of_concessions(offer, said):
    text = offer_said(offer)
    assert text.startswith(said), text
    assert "What we can offer" not in text, text
