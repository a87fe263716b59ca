"""Kinds a mediator found in round 31's reset emails, each on several cases of our own: an
apology that covers only the first of the mistakes we typed, an admission of liability written
into what we offer, a regret typed as our olive branch and never said, a senior colleague named
without the role that tells the reader why they are there, two contacts in one email ("X is your
named senior contact" beside "please come straight to me"), two dates for the one answer to
their complaint, and a step typed as a thing listed under "What we will do"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_reader_needs import drafts

SUNDAY = dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.UTC)


def _at_fault(**changes: Any) -> dict[str, Any]:
    """A client we failed several times, who has escalated: the fault is mostly ours."""
    return {
        "counterparty": "Hoogvliet Facilities B.V.",
        "their_contact": "Sanne de Vries",
        "their_greeting": "Sanne",
        "their_email": "sanne.devries@hoogvliet.nl",
        "our_company": "Maasdelta Cleaning Services B.V.",
        "our_contact": "Pieter Jansen",
        "our_email": "pieter.jansen@maasdelta.nl",
        "issue_for_them": "the missed cleans at your Rotterdam sites",
        "what_happened": "Since 2 November our night crews missed 14 scheduled cleans across "
        "three of Hoogvliet's Rotterdam office sites. Sanne reported it through our portal and "
        "got an automated reply; our supervisor then blamed their access badges. On 27 November "
        "she wrote to our managing director and put the December invoice on hold.",
        "since": "2026-11-02",
        "at_stake": "A core account, about EUR 400,000 a year, renewing in April.",
        "amount_at_stake": 18500,
        "currency": "EUR",
        "annual_value": 400000,
        "relationship_years": "long",
        "strategic_value": "core",
        "alternatives": "costly",
        "mutual_benefit": True,
        "repair_effort": "moderate",
        "worth_salvaging": "yes",
        "our_contribution": "The missed cleans were ours, and we handled her reports badly.",
        "fault": "mostly_us",
        "our_mistakes": [
            {
                "mistake": "our night crews missed 14 scheduled cleans at your sites",
                "fix": "a supervisor now signs off every site each night, with photos in the "
                "portal by 07:00",
            },
            {
                "mistake": "our supervisor blamed your access badges",
                "fix": "site issues are now checked with your facilities desk before anyone "
                "gives a cause",
            },
            {
                "mistake": "you got an automated portal reply to a formal complaint",
                "fix": "complaints from key accounts now go straight to a named manager by "
                "phone, the same day",
            },
            {
                "mistake": "our written answer took eleven days",
                "fix": "a first written answer within one working day and a full one within five",
            },
        ],
        "apologised": False,
        "timeline": [
            {
                "date": "2026-11-27",
                "channel": "email",
                "who": "Sanne de Vries (their side)",
                "tone": "hostile",
                "note": "To our MD: reviewing the contract, invoice on hold",
            },
        ],
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "theirs",
        "our_spoc": "Pieter Jansen",
        "response_hours": 4,
        "category": "operational",
        "alleged_breach": True,
        "work_ongoing": True,
        "red_flags": ["threats", "payment_withheld"],
        "money": "we_owe",
        "stake_vs_fee": "larger",
        "proposed_times": [
            {"date": "2026-12-09", "time": "10:00"},
            {"date": "2026-12-10", "time": "14:00"},
        ],
        "meeting_minutes": 60,
        "meeting_format": "in_person",
        "chair": "self",
        "attendees": "Our MD Marloes Bakker and Pieter Jansen; Sanne de Vries",
    } | changes


def _body(answers: dict[str, Any], tmp_path, monkeypatch, playbook: str = "") -> str:
    texts = drafts(
        playbook or "client-communication-breakdown", answers, tmp_path, monkeypatch, SUNDAY
    )
    return texts["reset-email.eml"].replace("\r", "")


# Kind 1: every typed mistake has its apology, within the budget.

_LONG_FIXES = [
    {
        "mistake": "we let a reefer unit run past its service date and it failed with your "
        "product on board",
        "fix": "every reefer is now checked against the service log before loading; two units "
        "taken out of service",
    },
    {
        "mistake": "our driver ignored the data-logger alarm on 26 November",
        "fix": "alarm procedure retraining for all 31 drivers on pharma runs, completed by "
        "18 December",
    },
    {
        "mistake": "you got an automated ticket reply to a serious quality report",
        "fix": "pharma excursions now go straight to a named duty manager by phone, 24/7",
    },
    {
        "mistake": "our incident report took nine days",
        "fix": "a preliminary report within 24 hours and a full one within 5 working days",
    },
]


@pytest.mark.parametrize(
    "changes",
    [
        {},
        # Long fixes, an offer and a dated step: short of words, still every apology.
        {
            "our_mistakes": _LONG_FIXES,
            "our_offer": "We will settle the documented product loss through our insurer.",
            "agreed_actions": [
                {
                    "what": "Send the corrective action plan to Sanne",
                    "owner": "Pieter Jansen",
                    "due": "2026-12-10",
                },
            ],
            "senior_contact_name": "Gary Whelan, GDP Compliance Manager",
            "support_offer": ["senior_contact"],
        },
        # Answers left empty around the mistakes.
        {
            "attendees": "",
            "what_happened": "We missed cleans for a month.",
            "timeline": [],
            "our_contribution": "",
            "issue_for_them": "",
        },
    ],
)
def test_each_typed_mistake_is_said_sorry_for_even_short_of_words(tmp_path, monkeypatch, changes):
    answers = _at_fault(**changes)
    body = _body(answers, tmp_path, monkeypatch)
    assert len(body.split()) <= 200, (len(body.split()), body)
    assert "sorry" in body.lower(), body
    flat = " ".join(body.split())
    for m in answers["our_mistakes"]:
        # The heart of each mistake, in the reader's words ("our incident report took nine days").
        key = " ".join(m["mistake"].split()[-4:])
        assert key in flat, (key, body)


def test_a_both_sides_case_says_sorry_for_each_of_our_mistakes(tmp_path, monkeypatch):
    # A hosting outage on the salvage playbook: fault shared, a breach alleged.
    answers = _at_fault(
        fault="both",
        heat_source="theirs",
        emotions="tense",
        our_mistakes=[
            {
                "mistake": "we ran a firmware update outside the maintenance window we had "
                "announced",
                "fix": "firmware changes only inside announced windows",
            },
            {
                "mistake": "our status page was two hours behind the outage",
                "fix": "automatic status updates from monitoring",
            },
            {
                "mistake": "our first reply quoted the SLA before acknowledging what the day "
                "cost you",
                "fix": "the account director answers major incidents personally",
            },
        ],
        direct_talks_failed=True,
        red_flags=["threats", "deadline"],
        # Enough else to say that the mistakes cannot be listed one by one.
        our_offer="A goodwill credit of EUR 12,000 and the secondary-site failover set up "
        "free for 12 months.",
        agreed_actions=[
            {
                "what": "Issue the credit note for the service credit",
                "owner": "Finance",
                "due": "2026-12-09",
            },
            {
                "what": "Change freeze on storage firmware outside announced windows",
                "owner": "Head of Operations",
                "due": "2026-12-11",
            },
        ],
        proposed_times=[
            {"date": "2026-12-10", "time": "11:00"},
            {"date": "2026-12-11", "time": "11:00"},
            {"date": "2026-12-14", "time": "11:00"},
        ],
    )
    body = _body(answers, tmp_path, monkeypatch, "salvage-relationship")
    flat = " ".join(body.split())
    assert "maintenance window" in flat, body
    assert "two hours behind the outage" in flat, body
    assert "quoted the SLA" in flat, body


# Kind 3: no admission of liability in writing; what we will do stays.


@pytest.mark.parametrize(
    ("offer", "kept"),
    [
        (
            "We accept liability for both excursions and will settle the documented product "
            "loss, through our insurer, without arguing the cap.",
            "settle the documented product loss",
        ),
        (
            "We admit full liability; we will credit the two November invoices in full.",
            "credit the two November invoices",
        ),
        (
            "we accept liability for the spoiled batch and will pay the replacement cost",
            "pay the replacement cost",
        ),
    ],
)
def test_an_offer_typed_with_an_admission_goes_out_without_it(tmp_path, monkeypatch, offer, kept):
    body = _body(_at_fault(our_offer=offer), tmp_path, monkeypatch)
    flat = " ".join(body.split())
    assert "liability" not in flat.lower(), body
    assert kept in flat, body
    assert "I propose that we accept" not in flat, body


def test_an_offer_that_is_only_an_admission_is_left_for_the_plan(tmp_path, monkeypatch):
    body = _body(
        _at_fault(our_offer="We accept liability for the missed cleans."), tmp_path, monkeypatch
    )
    assert "liability" not in body.lower(), body
    assert "sorry" in body.lower(), body


# Kind 1: the regret typed as our olive branch is said, first.


def _franchise(**changes: Any) -> dict[str, Any]:
    return (
        _at_fault(
            counterparty="Highveld Coffee (Pty) Ltd",
            their_contact="Sipho Ndlovu",
            their_greeting="Sipho",
            their_email="sipho@highveldcoffee.co.za",
            our_company="Brewline Coffee Ltd",
            our_contact="Orla Fitzgerald",
            our_email="orla.fitzgerald@brewline.ie",
            issue_for_them="the royalties and the marketing fund",
            what_happened="Highveld has paid no royalties since August and offsets them against "
            "marketing-fund money we did not spend. The two CEOs met by video on 12 Nov and the "
            "call ended badly.",
            fault="both",
            heat_source="both",
            heat_who="top",
            our_mistakes=[],
            money="both",
            currency="ZAR",
            amount_at_stake=2940000,
        )
        | changes
    )


@pytest.mark.parametrize(
    ("olive", "said"),
    [
        (
            "Orla calls Sipho to say our CEO regrets the 12 November remark, and offers the "
            "audit with no conditions",
            "I am sorry for the 12 November remark: our CEO regrets it",
        ),
        (
            "Our MD apologises for the tone of the 3 November email and offers a site visit",
            "I am sorry for the tone of the 3 November email: our MD regrets it",
        ),
        ("We regret how the audit request was handled", "I am sorry for how the audit"),
    ],
)
def test_a_regret_typed_as_the_olive_branch_is_said_in_the_email(
    tmp_path, monkeypatch, olive, said
):
    body = _body(_franchise(olive_branch=olive), tmp_path, monkeypatch, "salvage-relationship")
    assert said in " ".join(body.split()), body


def test_an_olive_branch_with_no_regret_adds_no_apology(tmp_path, monkeypatch):
    body = _body(
        _franchise(olive_branch="Our CEO flies to Johannesburg with the audit terms"),
        tmp_path,
        monkeypatch,
        "salvage-relationship",
    )
    assert "First, I am sorry" not in body, body


# Kind 6: a senior colleague is named with their role; one voice on who to contact.


@pytest.mark.parametrize(
    ("attendees", "said"),
    [
        (
            "Our MD Marloes Bakker and Pieter Jansen; Sanne de Vries",
            "Marloes Bakker, our Managing Director, will join us.",
        ),
        (
            "Our CEO Tan Boon Hock and Pieter Jansen; Sanne and her facilities lead",
            "Tan Boon Hock, our CEO, will join us.",
        ),
        (
            "our Head of Operations Ruud Visser, Pieter Jansen; Sanne de Vries",
            "Ruud Visser, our Head of Operations, will join us.",
        ),
    ],
)
def test_a_senior_colleague_who_joins_is_named_with_the_role(
    tmp_path, monkeypatch, attendees, said
):
    # Trust not yet gone: the plan does not say the apology must come from the top, so the
    # account's own contact signs and the senior colleague joins.
    answers = _at_fault(attendees=attendees, trust_today=2, emotions="tense")
    body = _body(answers, tmp_path, monkeypatch)
    assert said in body, body


@pytest.mark.parametrize(
    ("attendees", "signer"),
    [
        (
            "Our MD Marloes Bakker and Pieter Jansen; Sanne de Vries",
            "Marloes Bakker\nManaging Director",
        ),
        (
            "Our CEO Tan Boon Hock and Pieter Jansen; Sanne and her facilities lead",
            "Tan Boon Hock\nCEO",
        ),
    ],
)
def test_when_the_apology_must_come_from_the_top_the_top_signs_it(
    tmp_path, monkeypatch, attendees, signer
):
    # Round 33: the plan raised the level because the apology must come from the top; signed
    # by the contact whose promises failed, with the chief executive only "joining us", the
    # email contradicted it. The head of one function is not the top, so Ruud still joins.
    body = _body(_at_fault(attendees=attendees), tmp_path, monkeypatch)
    assert body.rstrip().endswith(signer + "\nMaasdelta Cleaning Services B.V."), body
    assert "will join us" not in body, body


@pytest.mark.parametrize(
    "senior",
    ["Gary Whelan, GDP Compliance Manager", "Erik Sandberg, Head of Application Engineering"],
)
def test_a_named_senior_contact_works_with_the_signer_not_beside_them(
    tmp_path, monkeypatch, senior
):
    answers = _at_fault(senior_contact_name=senior, support_offer=["senior_contact"])
    body = _body(answers, tmp_path, monkeypatch)
    first = senior.split()[0]
    assert "is your named senior contact from now on" not in body, body
    assert "come straight to me" not in body, body
    # Signed by our managing director (the apology comes from the top, round 33), the senior
    # contact works with her; signed by the account's contact, they reply together.
    assert f"{first} and I will reply" in body or (
        f"{senior.split(',')[0]}, our" in body
        and "will work with me as your senior contact" in body
    ), body


# Kind 5: one date for the answer to their formal complaint.


def test_the_answer_to_their_complaint_has_one_date(tmp_path, monkeypatch):
    answers = _at_fault(
        red_flags=["threats", "payment_withheld", "complaint_procedure", "deadline"],
        notice_deadline="2026-12-11",
        deadline_kind="procedure",
        agreed_actions=[
            {
                "what": "Submit the CAPA response to Hoogvliet",
                "owner": "Pieter Jansen",
                "due": "2026-12-10",
            },
        ],
    )
    body = _body(answers, tmp_path, monkeypatch)
    flat = " ".join(body.split())
    assert "Thursday 10 December" in flat, body
    assert "answer your formal complaint in full by Tuesday" not in flat, body
    assert "complaint under your procedure in full by" not in flat, body


# Kind 8: what we will do reads as what we do.


def test_a_step_typed_as_an_instruction_is_said_as_ours(tmp_path, monkeypatch):
    # Two mistakes, so that the email has room for its dated steps.
    answers = _at_fault(
        our_mistakes=_at_fault()["our_mistakes"][:2],
        agreed_actions=[
            {
                "what": "Submit the corrective action report to Hoogvliet",
                "owner": "Pieter Jansen",
                "due": "2026-12-09",
            },
        ],
    )
    body = _body(answers, tmp_path, monkeypatch)
    assert "We will submit the corrective action report" in body, body
    assert "- Submit the" not in body, body


# Kind 1 and 7: a claim we dispute gets an open reply that says so, why, reserves our rights
# and asks for what we are owed; never a without-prejudice acknowledgement.


def _penalty(**changes: Any) -> dict[str, Any]:
    """Their lawyers claim a delay penalty that, as we read the contract, they caused."""
    return {
        "counterparty": "Al Noor Contracting LLC",
        "their_contact": "Rami Haddad",
        "their_greeting": "Rami",
        "their_email": "rami.haddad@alnoor.ae",
        "our_company": "Kestrel Glazing Systems Ltd",
        "our_contact": "Fiona Walsh",
        "our_email": "fiona.walsh@kestrelglazing.co.uk",
        "issue_for_them": "your notice of 30 November on the podium glazing",
        "what_happened": "We are the glazing subcontractor on their Dubai Marina podium. Their "
        "design approvals came back 38 days late; we asked in writing for an extension of "
        "time on 2 October and had no answer. On 30 Nov their lawyers served notice of AED "
        "1,200,000 in delay penalties and held back our payment certificate 9.",
        "since": "2026-10-02",
        "at_stake": "The penalty, the withheld certificate and two more towers with them.",
        "amount_at_stake": 1200000,
        "currency": "AED",
        "annual_value": 30000000,
        "relationship_years": "new",
        "strategic_value": "important",
        "alternatives": "some",
        "worth_salvaging": "yes",
        "fault": "mostly_them",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "theirs",
        "category": "commercial",
        "clauses": [
            {
                "ref": "Clause 9.1",
                "says": "Delay penalty of 0.1% of the subcontract value per day",
                "our_reading": "Does not apply to delay they caused by late approvals",
                "their_reading": "Applies to the whole slip",
            },
        ],
        "alleged_breach": True,
        "direct_talks_failed": True,
        "work_ongoing": True,
        "red_flags": ["lawyers", "letter_of_claim", "notice_close", "payment_withheld"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "money": "both",
        "owed_basis": "due",
        "our_ask": "pay payment certificate 9 (AED 2,400,000) in full, without set-off",
        "stake_vs_fee": "larger",
        "notice_deadline": "2026-12-14",
        "deadline_kind": "letter",
        "lawyer_consulted": False,
        "proposed_times": [
            {"date": "2026-12-16", "time": "10:00"},
            {"date": "2026-12-17", "time": "10:00"},
        ],
        "meeting_minutes": 90,
        "meeting_format": "in_person",
        "chair": "self",
    } | changes


@pytest.mark.parametrize(
    ("playbook", "changes"),
    [
        ("contract-terms-dispute", {}),
        # A haulier's claim from a retailer's solicitors, on the partner playbook.
        (
            "partner-dispute",
            {
                "counterparty": "Harrowgate Stores plc",
                "their_contact": "Tom Ellis",
                "their_greeting": "Tom",
                "their_email": "tom.ellis@harrowgate.co.uk",
                "currency": "GBP",
                "amount_at_stake": 85000,
                "annual_value": 900000,
                "issue_for_them": "your solicitors' letter about the October deliveries",
                "what_happened": "Harrowgate's solicitors claim GBP 85,000 for late deliveries "
                "in October, though their depot refused our booked slots on nine days.",
                "clauses": [
                    {
                        "ref": "Schedule 2",
                        "says": "Service credits for deliveries outside the booked slot",
                        "our_reading": "Only applies where we missed a slot they had confirmed",
                        "their_reading": "Applies to every late delivery",
                    },
                ],
                "our_ask": "pay the October invoices (GBP 140,000) in full",
            },
        ),
    ],
)
def test_a_claim_we_dispute_is_answered_openly_with_our_reasons_and_our_ask(
    tmp_path, monkeypatch, playbook, changes
):
    texts = drafts(playbook, _penalty(**changes), tmp_path, monkeypatch, SUNDAY)
    body = texts["reset-email.eml"].replace("\r", "")
    flat = " ".join(body.split())
    assert "WITHOUT PREJUDICE" not in body, body
    assert "without prejudice" not in texts["subject"].lower(), texts["subject"]
    assert "We do not accept the claim." in flat, body
    assert "As we read " in flat, body
    # The reservation of rights, in words that do not read as a threat.
    assert "This email does not waive any of our rights." in flat, body
    assert "we ask you to pay " in flat, body
    assert "Could we meet" in flat, body
    assert len(body.split()) <= 200, body


def test_a_claim_that_is_mostly_ours_is_not_disputed(tmp_path, monkeypatch):
    answers = _penalty(fault="mostly_us")
    body = _body(answers, tmp_path, monkeypatch, "contract-terms-dispute")
    assert "We do not accept the claim" not in body, body


# Kind 4: a partner near insolvency from whom we want goods or tools back, not money.


def _supplier_in_trouble(**changes: Any) -> dict[str, Any]:
    return {
        "counterparty": "Formy Slaskie Sp. z o.o.",
        "their_contact": "Marek Nowak",
        "their_greeting": "Marek",
        "their_email": "m.nowak@formyslaskie.pl",
        "our_company": "Nordhavn Housewares A/S",
        "our_contact": "Signe Holm",
        "our_email": "signe.holm@nordhavn.dk",
        "issue_for_them": "the January moulding run",
        "what_happened": "Formy Slaskie moulds our kitchen storage range on our own 9 "
        "injection moulds. We prepaid EUR 60,000 for the January run. On 2 Dec Marek told us "
        "they have engaged restructuring advisers and asked creditors to hold off.",
        "since": "2026-12-02",
        "at_stake": "The January run, our 9 moulds and the prepayment.",
        "amount_at_stake": 60000,
        "currency": "EUR",
        "annual_value": 400000,
        "relationship_years": "long",
        "strategic_value": "important",
        "alternatives": "costly",
        "worth_salvaging": "yes",
        "fault": "mostly_them",
        "trust_today": 3,
        "emotions": "tense",
        "heat_source": "theirs",
        "category": "commercial",
        "red_flags": ["insolvency", "payment_withheld"],
        "insolvency_started": False,
        "money": "they_owe",
        "owed_basis": "due",
        "our_ask": "confirm by 11 December what of the January run can still be moulded and "
        "release our 9 moulds for collection by 18 December",
        "our_offer": "We collect the moulds ourselves and pay the freight.",
        "agreed_actions": [
            {
                "what": "Ask two alternative mould makers for quotes",
                "owner": "Purchasing",
                "due": "2026-12-10",
            },
        ],
        "proposed_times": [
            {"date": "2026-12-09", "time": "10:00"},
            {"date": "2026-12-10", "time": "10:00"},
        ],
        "meeting_minutes": 45,
        "meeting_format": "video",
        "chair": "self",
    } | changes


@pytest.mark.parametrize(
    "changes",
    [
        {},
        # Printing plates and files from a printer in trouble, on another playbook's terms.
        {
            "counterparty": "Tipografia Lusitana Lda",
            "their_contact": "Joana Ferreira",
            "their_greeting": "Joana",
            "their_email": "joana@tipolusitana.pt",
            "our_ask": "return our printing plates and the artwork files by 15 December",
            "agreed_actions": [
                {
                    "what": "Shortlist other printers in Porto for the spring catalogue",
                    "owner": "Production",
                    "due": "2026-12-10",
                },
            ],
        },
    ],
)
def test_a_partner_in_trouble_is_asked_for_our_goods_not_what_they_can_pay(
    tmp_path, monkeypatch, changes
):
    answers = _supplier_in_trouble(**changes)
    body = _body(answers, tmp_path, monkeypatch, "partner-dispute")
    flat = " ".join(body.split())
    assert "realistically pay" not in flat, body
    assert "hard time for your business" in flat, body
    assert "I would ask you to " + answers["our_ask"].split()[0] in flat, body
    # Our contingency of replacing them is ours, never a commitment shown to them.
    assert "alternative mould makers" not in flat and "other printers" not in flat, body
    assert flat.count("I propose") <= 1, body


# Kind 4: a partner selling us their share is not a customer leaving.


def _jv_exit(**changes: Any) -> dict[str, Any]:
    return {
        "counterparty": "Mlima Coffee Estates Ltd",
        "their_contact": "Grace Wanjiru",
        "their_greeting": "Grace",
        "their_email": "grace@mlimacoffee.co.ke",
        "our_company": "Rotterdam Roast B.V.",
        "our_contact": "Joost Vermeer",
        "our_email": "joost@rotterdamroast.nl",
        "issue_for_them": "your wish to leave Kahawa Direct",
        "what_happened": "Since 2020 we have run Kahawa Direct Ltd, a 50/50 joint venture "
        "with Mlima that mills and exports their coffee. On 20 Nov Grace told us the family "
        "wants to leave and proposed that we buy their 50% for USD 2.1m.",
        "since": "2026-11-20",
        "at_stake": "The mill, the Kahawa brand and this season's exports.",
        "amount_at_stake": 900000,
        "currency": "USD",
        "partnership_type": "alliance",
        "annual_value": 3000000,
        "relationship_years": "long",
        "strategic_value": "core",
        "alternatives": "costly",
        "mutual_benefit": False,
        "repair_effort": "heavy",
        "worth_salvaging": "no",
        "ending_by": "them",
        "exit_reason": "basis_gone",
        "fault": "misunderstanding",
        "trust_today": 4,
        "emotions": "calm",
        "category": "strategic",
        "work_ongoing": True,
        "money": "none",
        "our_offer": "An independent valuation by a firm we choose together, this season "
        "completed as normal, and a buy-out timetable closing by 31 May.",
        "proposed_times": [
            {"date": "2026-12-15", "time": "10:00"},
            {"date": "2026-12-17", "time": "10:00"},
        ],
        "meeting_minutes": 90,
        "meeting_format": "video",
        "chair": "self",
    } | changes


@pytest.mark.parametrize(
    "changes",
    [
        {},
        # A software partnership: we buy out a co-founder firm's 40% stake.
        {
            "counterparty": "Kodwerk Sp. z o.o.",
            "their_contact": "Piotr Zielinski",
            "their_greeting": "Piotr",
            "their_email": "piotr@kodwerk.pl",
            "currency": "EUR",
            "issue_for_them": "your decision to leave LedgerLoop",
            "what_happened": "Kodwerk holds 40% of LedgerLoop GmbH, our joint product company. "
            "Piotr wrote on 25 Nov that Kodwerk wants out and asked us to buy their 40% stake.",
            "our_offer": "A valuation by an independent auditor and a buy-out completed by "
            "30 June, with the product team kept as it is.",
        },
    ],
)
def test_a_partner_selling_their_share_gets_a_buy_out_email_not_a_handover(
    tmp_path, monkeypatch, changes
):
    texts = drafts("partner-dispute", _jv_exit(**changes), tmp_path, monkeypatch, SUNDAY)
    body = texts["reset-email.eml"].replace("\r", "")
    flat = " ".join(body.split())
    assert "buy-out" in flat, body
    assert "the work is ending" not in flat and "handover" not in flat, body
    assert "a final date" not in flat, body
    assert "handover" not in texts["subject"], texts["subject"]


def test_a_partner_leaving_with_no_buy_out_still_gets_the_handover(tmp_path, monkeypatch):
    answers = _jv_exit(
        what_happened="Mlima has told us it will sell its coffee to another exporter from "
        "next season and end our export agreement.",
        our_offer="This season completed as normal.",
    )
    body = _body(answers, tmp_path, monkeypatch, "partner-dispute")
    assert "buy-out" not in body, body


# Kinds 2 and 8: a sanction is not one of our commitments; a step sent to a named person says so.


@pytest.mark.parametrize(
    ("sanction", "to_name"),
    [
        ("Switch release of new containers to cash-against-release", "Mr Obi"),
        ("Put the account on stop until the schedule is signed", "Ms Achieng"),
        ("Hold further shipments to their warehouse", "Dr Okafor"),
    ],
)
def test_a_sanction_is_never_listed_as_what_we_will_do(tmp_path, monkeypatch, sanction, to_name):
    answers = _supplier_in_trouble(
        red_flags=["payment_withheld"],
        our_ask="agree a written payment schedule for EUR 60,000 by 18 December",
        our_offer="",
        agreed_actions=[
            {
                "what": f"Send a statement of account to {to_name}",
                "owner": "Accounts",
                "due": "2026-12-09",
            },
            {"what": sanction, "owner": "Operations", "due": "2026-12-10"},
        ],
    )
    body = _body(answers, tmp_path, monkeypatch, "partner-dispute")
    flat = " ".join(body.split())
    key = " ".join(sanction.lower().split()[1:4])  # "release of new", "the account on"
    assert key not in flat.lower(), body
    assert f"send {to_name} a statement of account" in flat, body
    assert f"statement of account to {to_name}" not in flat, body


# Kind 3: what they are owed anyway is not offered as ours to give.


@pytest.mark.parametrize(
    ("offer", "owed", "extra"),
    [
        (
            "The 10% service credit due under the SLA plus a goodwill credit of EUR 5,000, and "
            "a second night crew free for three months.",
            "The 10% service credit due under the SLA is yours",
            "a goodwill credit of EUR 5,000",
        ),
        (
            "The 25% SLA credit plus the secondary-site failover set up free for 12 months.",
            "The 25% SLA credit is yours",
            "the secondary-site failover set up free",
        ),
        (
            "The service credits under Schedule B plus a free audit of both lines.",
            "The service credits under Schedule B are yours",
            "a free audit of both lines",
        ),
    ],
)
def test_a_credit_owed_anyway_is_said_as_theirs_and_the_offer_comes_on_top(
    tmp_path, monkeypatch, offer, owed, extra
):
    answers = _at_fault(our_mistakes=_at_fault()["our_mistakes"][:2], our_offer=offer)
    flat = " ".join(_body(answers, tmp_path, monkeypatch).split())
    assert owed in flat, flat
    assert "We would also like to offer the" not in flat, flat
    assert f"On top of that, we would like to offer {extra}" in flat, flat


def test_a_goodwill_offer_alone_is_offered_as_before(tmp_path, monkeypatch):
    answers = _at_fault(
        our_mistakes=_at_fault()["our_mistakes"][:2],
        our_offer="A goodwill credit of EUR 5,000 and a free deep clean of all three sites.",
    )
    flat = " ".join(_body(answers, tmp_path, monkeypatch).split())
    assert "is yours whatever else we agree" not in flat, flat
    assert "We would also like to offer a goodwill credit of EUR 5,000" in flat, flat


# Kind 6 (dates): a misunderstanding gets the short call itself, not a call to arrange one.


@pytest.mark.parametrize(
    "topic", ["the 2027 price list", "the delivery terms on order 4471", "the October rebate"]
)
def test_a_misunderstanding_is_cleared_on_the_call_not_by_a_call_to_find_a_time(
    tmp_path, monkeypatch, topic
):
    answers = _at_fault(
        fault="misunderstanding",
        our_mistakes=[],
        issue_for_them=topic,
        what_happened=f"They read {topic} differently from us; nobody is at fault.",
        emotions="calm",
        trust_today=4,
        alleged_breach=False,
        red_flags=[],
        money="none",
        timeline=[],
        proposed_times=[],
        our_contribution="",
    )
    flat = " ".join(_body(answers, tmp_path, monkeypatch).split())
    assert "to find a time for a short call" not in flat, flat
    assert "I will phone you on" in flat, flat


# Kind 3: a gesture typed as unconditional is not bundled with what we trade.


@pytest.mark.parametrize(
    ("olive", "gift"),
    [
        (
            "Orla calls Sipho to say our CEO regrets the 12 November remark, and offers the "
            "independent marketing-fund audit with no conditions",
            "the independent marketing-fund audit",
        ),
        (
            "Our MD phones Sipho and offers a joint review of the royalty statements, "
            "unconditionally",
            "a joint review of the royalty statements",
        ),
    ],
)
def test_an_unconditional_gesture_is_said_as_one_and_the_chips_wait(
    tmp_path, monkeypatch, olive, gift
):
    answers = _franchise(
        olive_branch=olive,
        our_offer="An independent audit of the marketing fund and a share of the airport "
        "concession's royalty for Highveld.",
        mediation_open="proposed",
        dispute_clause="mediation",
        direct_talks_failed=True,
    )
    body = _body(answers, tmp_path, monkeypatch, "salvage-relationship")
    flat = " ".join(body.split())
    assert f"We will go ahead with {gift}, with no conditions attached." in flat, body
    # On the way to mediation, the chip (a share of the royalty) is for the mediation.
    assert "mediator" in flat, body
    assert "airport concession" not in flat, body
