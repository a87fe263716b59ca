"""Reset-email faults two mediators found on blind round 33 that were still there, fixed by kind.

- Kind 2, signer and addressee: when our notes, olive branch or steps say our managing
  director or chief executive offers to meet or takes it over, that person signs the email,
  not the manager whose email started it; when their senior person wrote last and asked us for
  our proposal, the email answers them, from our senior person, with their contact in copy.
- Kind 3, legal route: a letter that answers their lawyers proposes the meeting the contract's
  dispute clause names (or the meeting the case plans), without prejudice, instead of "I am
  writing only to acknowledge it".
- Kind 4, promises the case does not hold: no formal-reply date from the day we only instruct
  our lawyer; no "formal notice" beside the protective step the tracker holds (the final
  account, the notice of claim), which is named on its own date instead; an acknowledgement of
  our own data incident is not titled "Incident report" and promises the report once, with the
  hour their notice gives.
- Kind 5, grammar and register: a term typed with no verb gets one; a reference built on an
  abbreviation ("VO-03") stays as typed; cancelling our own invoice or crediting what the
  contract gives is said as done; a small account ended by both sides is not a partnership that
  "has run its course".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_drafts_round35 import email_of

from triage.engine.filters import cutoff_time, offer_said
from triage.engine.filters.shorthand import spell_out

PLAYBOOKS = [
    "client-communication-breakdown",
    "contract-terms-dispute",
    "partner-dispute",
    "salvage-relationship",
]


def _claim(**changes: Any) -> dict[str, Any]:
    """Their lawyers' letter of claim over our part in a failure; the contract sends disputes to
    senior people first; our lawyer is instructed; the relationship is worth keeping."""
    answers: dict[str, Any] = {
        "counterparty": "Baltic Grain Terminal AS",
        "their_contact": "Kristjan Tamm",
        "their_email": "k.tamm@bgt.ee",
        "our_company": "Nordkran Service OÜ",
        "our_contact": "Liis Kask",
        "our_email": "liis@nordkran.ee",
        "issue_for_them": "the crane downtime in October",
        "what_happened": "Our crane maintenance overran by nine days in October. On 1 December "
        "their lawyers sent a letter of claim for EUR 410,000 by 15 December. Our lawyer Mart "
        "Pihl is reviewing it.",
        "fault": "both",
        "alleged_breach": True,
        "direct_talks_failed": True,
        "work_ongoing": True,
        "red_flags": ["lawyers", "letter_of_claim", "notice_close", "threats", "payment_withheld"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "money": "we_owe",
        "stake_vs_fee": "larger",
        "notice_deadline": dt.date(2026, 12, 15),
        "deadline_kind": "letter",
        "lawyer_consulted": True,
        "amount_at_stake": 410000,
        "currency": "EUR",
        "annual_value": 900000,
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "theirs",
        "dispute_clause": "escalation",
        "senior_talks_done": False,
        "mediation_open": "maybe",
        "clauses": [
            {
                "ref": "cl. 22",
                "says": "Disputes: senior executives meet within 10 days, then the courts",
                "our_reading": "they skipped it",
                "their_reading": "not mentioned",
            }
        ],
        "agreed_actions": [
            {
                "what": "Instruct Mart Pihl to respond to the letter of claim before 15 Dec",
                "owner": "Liis Kask",
                "due": dt.date(2026, 12, 8),
            }
        ],
    }
    answers.update(changes)
    return answers


# Kind 3: the legal route proposes the meeting the contract names --------------------------


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_reply_to_their_lawyers_proposes_the_meeting_the_dispute_clause_names(
    playbook, tmp_path, monkeypatch
):
    out = email_of(playbook, _claim(), tmp_path, monkeypatch)
    body = out["body"]
    assert "only to acknowledge" not in body, body
    assert (
        "as clause 22 of our agreement provides, to propose that we meet, without prejudice" in body
    ), body
    # Still within the legal route's limits: the formal reply goes through counsel.
    assert "Our formal reply will come from our lawyers to yours" in body, body
    assert "WITHOUT PREJUDICE" not in out["text"].splitlines()[0], out["text"]
    assert out["Subject"].endswith(": acknowledging receipt and proposing to meet"), out


# Kind 4: no reply date from the day we only instruct our lawyer -----------------------------


@pytest.mark.parametrize(
    ("playbook", "step"),
    [
        ("salvage-relationship", "Instruct Mart Pihl to respond to the letter of claim"),
        (
            "contract-terms-dispute",
            "Brief our attorney to reply to their letter (and ask for time)",
        ),
        ("partner-dispute", "Ask Ms Berzina to respond before the deadline"),
    ],
)
def test_no_formal_reply_date_is_promised_from_the_day_our_lawyer_is_instructed(
    playbook, step, tmp_path, monkeypatch
):
    answers = _claim(
        agreed_actions=[{"what": step, "owner": "Liis Kask", "due": dt.date(2026, 12, 8)}]
    )
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert "8 December" not in body, body
    assert "before the date in the letter (15 December 2026)" in body, body
    assert "ask for time" not in body, body


# Kind 2: our top person signs when the case says they step in -------------------------------


@pytest.mark.parametrize(
    ("playbook", "where", "said", "signer", "title"),
    [
        (
            "salvage-relationship",
            "olive_branch",
            "Our MD offers to meet their MD at the mill before the deadline",
            "Thato Molefe",
            "Managing Director",
        ),
        (
            "contract-terms-dispute",
            "what_happened",
            "Our CEO has agreed to take this over personally.",
            "Thato Molefe",
            "CEO",
        ),
        (
            "partner-dispute",
            "step",
            "Our managing director will meet their owner in Gdańsk",
            "Thato Molefe",
            "Managing Director",
        ),
    ],
)
def test_our_top_person_signs_when_the_case_says_they_step_in(
    playbook, where, said, signer, title, tmp_path, monkeypatch
):
    role = {"CEO": "CEO", "Managing Director": "MD"}[title]
    changes: dict[str, Any] = {
        "attendees": f"Ours: our {role} {signer}, Liis Kask. Theirs: Kristjan"
    }
    base = _claim()
    if where == "olive_branch":
        changes["olive_branch"] = said
    elif where == "what_happened":
        changes["what_happened"] = base["what_happened"] + " " + said
    else:
        changes["agreed_actions"] = [
            *base["agreed_actions"],
            {"what": said, "owner": signer, "due": dt.date(2026, 12, 9)},
        ]
    out = email_of(playbook, _claim(**changes), tmp_path, monkeypatch)
    text = out["text"]
    assert f"Kind regards,\n{signer}\n{title}\n" in text, text
    assert "I remain your contact" not in text, text
    # The draft goes from the signer's own account: not from the manager's address.
    assert "liis@nordkran.ee" not in out["From"], out["From"]


def test_without_such_a_step_our_contact_still_signs(tmp_path, monkeypatch):
    answers = _claim(attendees="Ours: our MD Thato Molefe, Liis Kask. Theirs: Kristjan")
    text = email_of("salvage-relationship", answers, tmp_path, monkeypatch)["text"]
    assert "Kind regards,\nLiis Kask\n" in text, text


def _alliance(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "counterparty": "Kessel Logistik GmbH",
        "their_contact": "Jonas Weber",
        "their_greeting": "Jonas",
        "their_email": "j.weber@kessel-logistik.de",
        "our_company": "Adria Freight d.o.o.",
        "our_contact": "Maja Horvat",
        "our_email": "maja.horvat@adriafreight.hr",
        "escalation_owner": "Ivan Babić, CEO",
        "their_escalation_owner": "Sabine Krüger, Managing Director",
        "their_escalation_email": "s.krueger@kessel-logistik.de",
        "what_happened": "Our joint rail service Rijeka - Munich: they dispute our invoice for "
        "the terminal upgrade and say we kept two shippers outside the alliance.",
        "fault": "both",
        "alleged_breach": True,
        "direct_talks_failed": True,
        "work_ongoing": True,
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "both",
        "money": "both",
        "timeline": [
            {
                "date": dt.date(2026, 11, 12),
                "channel": "meeting",
                "who": "Maja Horvat and Jonas Weber",
                "tone": "defensive",
                "note": "Stand-off in Munich",
            },
            {
                "date": dt.date(2026, 11, 27),
                "channel": "email",
                "who": "Sabine Krüger (their side)",
                "tone": "neutral",
                "note": "Asks for our proposal on next steps before Christmas",
            },
        ],
    }
    answers.update(changes)
    return answers


def test_their_senior_person_who_asked_for_our_proposal_gets_the_reply(tmp_path, monkeypatch):
    out = email_of("partner-dispute", _alliance(), tmp_path, monkeypatch)
    assert out["To"] == "Sabine Krüger <s.krueger@kessel-logistik.de>", out
    assert "j.weber@kessel-logistik.de" in out["Cc"], out
    assert out["From"] == "", out
    text = out["text"]
    assert text.startswith("Dear Sabine,"), text
    assert "Thank you for your email of 27 November" in text, text
    assert "Kind regards,\nIvan Babić\nCEO\n" in text, text


def test_a_later_message_from_their_contact_keeps_the_email_with_them(tmp_path, monkeypatch):
    base = _alliance()
    timeline = [
        *base["timeline"],
        {
            "date": dt.date(2026, 12, 2),
            "channel": "email",
            "who": "Jonas Weber (their side)",
            "tone": "terse",
            "note": "Chases the shipper list",
        },
    ]
    out = email_of("partner-dispute", _alliance(timeline=timeline), tmp_path, monkeypatch)
    assert out["To"].startswith("Jonas Weber"), out
    assert "Dear Sabine" not in out["text"], out["text"]


# Kind 4: our own data incident, acknowledged -----------------------------------------------


@pytest.mark.parametrize(
    ("playbook", "note", "hour"),
    [
        ("client-communication-breakdown", "Formal notice, report by 9 Dec 17:00", "17:00"),
        ("partner-dispute", "Wants our full report by 12:00 on 9 December", "12:00"),
        ("contract-terms-dispute", "Notice under DPA 7.2: report due 2026-12-09 09:30", "09:30"),
    ],
)
def test_our_incident_acknowledgement_promises_the_report_once_with_its_hour(
    playbook, note, hour, tmp_path, monkeypatch
):
    answers = _incident(note)
    out = email_of(playbook, answers, tmp_path, monkeypatch)
    body = out["body"]
    assert "Incident report" not in out["Subject"], out["Subject"]
    assert body.lower().count("report by") + body.lower().count("report before") <= 1, body
    assert f"report before {hour} on Wednesday 9 December" in body, body
    assert "The link was closed on 3 December at 14:10." in body, body


@pytest.mark.parametrize(
    ("playbook", "fmt", "asked"),
    [
        ("client-communication-breakdown", "video", "Could we talk at one of these times"),
        ("partner-dispute", "phone", "Could we talk at one of these times"),
    ],
)
def test_the_call_the_case_plans_is_offered_in_the_incident_letter(
    playbook, fmt, asked, tmp_path, monkeypatch
):
    answers = _incident(
        "Formal notice, report by 9 Dec 17:00",
        proposed_times=[
            {"date": dt.date(2026, 12, 10), "time": "10:00"},
            {"date": dt.date(2026, 12, 11), "time": "15:00"},
        ],
        meeting_format=fmt,
    )
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert asked in body, body
    assert "Thursday 10 December 2026 at 10:00" in body, body


def _incident(note: str, **changes: Any) -> dict[str, Any]:
    """Our own data incident, their general counsel's notice asking for our report."""
    answers: dict[str, Any] = {
        "counterparty": "Clinica Sol S.L.",
        "their_contact": "Lucía Romero",
        "our_contact": "Henrik Dahl",
        "what_happened": "An export of appointment records sat on a public link of ours for a "
        "day; we closed it and are tracing who opened it.",
        "say_first": "The link was closed on 3 December at 14:10. Our full incident report "
        "will be with you before your deadline.",
        "issue_for_them": "the appointment export of 2 December",
        "fault": "mostly_us",
        "red_flags": ["data_breach", "lawyers", "letter_of_claim", "notice_close"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "breach_where": "ours",
        "lawyer_consulted": True,
        "notice_deadline": dt.date(2026, 12, 9),
        "deadline_kind": "letter",
        "timeline": [
            {
                "date": dt.date(2026, 12, 4),
                "channel": "letter",
                "who": "Pablo Ruiz, General Counsel (their side)",
                "tone": "hostile",
                "note": note,
            }
        ],
        "agreed_actions": [
            {
                "what": "Send full incident report, reviewed by counsel",
                "owner": "Henrik Dahl",
                "due": dt.date(2026, 12, 9),
            }
        ],
    }
    answers.update(changes)
    return answers


def test_the_cut_off_hour_is_read_only_beside_the_deadline_day():
    day = dt.date(2026, 12, 9)
    assert cutoff_time("report by 9 Dec 17:00, reserves rights", day) == "17:00"
    assert cutoff_time(["call at 10:00 on 8 December", "by 17:00 on 9 December"], day) == "17:00"
    assert cutoff_time("report by 9 December", day) == ""
    assert cutoff_time("report by 19 Dec 17:00", day) == ""


# Kind 4: the protective step the tracker holds, not a second document ----------------------


@pytest.mark.parametrize(
    ("playbook", "step", "said"),
    [
        (
            "contract-terms-dispute",
            "Submit final account including VO-03 and VO-04 under clause 19.3",
            "we will submit our final account including VO-03 and VO-04 under clause 19.3 by "
            "Friday 11 December, as the contract requires",
        ),
        (
            "partner-dispute",
            "Serve notice of claim under clause 14.2",
            "we will serve our notice of claim under clause 14.2 by Friday 11 December",
        ),
    ],
)
def test_the_protective_step_we_hold_is_named_instead_of_a_formal_notice(
    playbook, step, said, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Kwanele Cold Chain (Pty) Ltd",
        "their_contact": "Sibusiso Ndlovu",
        "our_contact": "Dawie Botha",
        "what_happened": "Their site engineer told us to go ahead with extra work in July; "
        "they now refuse to pay for it.",
        "fault": "both",
        "money": "they_owe",
        "red_flags": ["payment_withheld", "notice_close"],
        "formal_from": "us",
        "notice_deadline": dt.date(2026, 12, 15),
        "deadline_kind": "contract",
        "worth_salvaging": "yes",
        "agreed_actions": [
            {"what": step, "owner": "Leigh-Anne Pillay", "due": dt.date(2026, 12, 11)}
        ],
    }
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert "formal notice" not in body, body
    assert said in body, body
    assert body.count(step.split()[0] + " ") + body.count(step.split()[0].lower() + " ") == 1, body


def test_a_reference_built_on_an_abbreviation_stays_as_typed():
    assert spell_out("VO-03 and VO-04") == "VO-03 and VO-04"
    assert spell_out("agree VO/12 now") == "agree VO/12 now"
    assert spell_out("deducted from IPC 14") == "deducted from interim payment certificate 14"


# Kind 5: grammar and register ------------------------------------------------------------


@pytest.mark.parametrize(
    ("offer", "said"),
    [
        (
            "We cancel invoice AP-2026-3318 in full and close the account; your job data "
            "exported to you as a spreadsheet",
            "We will cancel invoice AP-2026-3318 in full and close the account; your job data "
            "will be exported to you as a spreadsheet.",
        ),
        (
            "we waive the November late fee; all your files returned by Friday",
            "We will waive the November late fee; all your files will be returned by Friday.",
        ),
        (
            "we credit the late-delivery penalties under clause 5.3 without waiting for a claim",
            "We will credit the late-delivery penalties under clause 5.3 without waiting for a "
            "claim.",
        ),
        (
            "we waive the late fee if you pay by Friday",
            "I propose that we waive the late fee if you pay by Friday.",
        ),
    ],
)
def test_what_we_do_on_our_own_is_said_whole_and_as_done(offer, said):
    assert offer_said(offer, True) == said


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_small_account_ended_by_both_is_closed_not_mourned(playbook, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Tipografía La Merced",
        "their_contact": "Rosa Quispe",
        "their_greeting": "Doña Rosa",
        "our_contact": "Valeria Andrade",
        "what_happened": "Two users on our booking software, USD 480 a year. She asked our rep "
        "to cancel in October; the plan renewed anyway and our reminders went out.",
        "amount_at_stake": 480,
        "annual_value": 480,
        "currency": "USD",
        "strategic_value": "marginal",
        "worth_salvaging": "no",
        "ending_by": "mutual",
        "fault": "both",
        "money": "they_owe",
        "work_ongoing": False,
        "our_offer": "We cancel invoice 2026-0412 in full and close the account",
        "our_ask": "nothing to pay; just confirm we can close the account",
    }
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert "run its course" not in body, body
    assert "We agree it is right to end our" in body, body
    assert "We will cancel invoice 2026-0412 in full" in body, body
    assert "All I would ask is that you confirm we can close the account." in body, body


# Kind 1: what clears up a misunderstanding --------------------------------------------------


def _misread(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "counterparty": "Hotel Alfama Lda",
        "their_contact": "Rui Costa",
        "our_contact": "Ana Lopes",
        "what_happened": "Our annual price review letter went out in November (contract cl. "
        "9.1, CPI indexation, 2.4% this year); Rui wrote that he never agreed to any increase.",
        "fault": "misunderstanding",
        "emotions": "tense",
    }
    answers.update(changes)
    return answers


@pytest.mark.parametrize(
    ("playbook", "notes", "named"),
    [
        ("client-communication-breakdown", None, "(your notes name cl. 9.1 and 2.4%)"),
        (
            "contract-terms-dispute",
            "The new freight surcharge of EUR 1,250 under clause 14 is in the rate card he signed.",
            "(your notes name EUR 1,250 and clause 14)",
        ),
        ("partner-dispute", "He thinks we changed the referral terms; we did not.", ""),
    ],
)
def test_the_plan_says_what_to_add_when_the_email_cannot_explain_the_misreading(
    playbook, notes, named, tmp_path, monkeypatch
):
    answers = _misread(**({"what_happened": notes} if notes else {}))
    out = email_of(playbook, answers, tmp_path, monkeypatch)
    plan = " ".join(out["plan"].split())
    assert "**What clears it up:** not given" in plan, plan
    assert "“What is the one thing they must hear from us first?”" in plan, plan
    if named:
        assert named in plan, plan
    else:
        assert "your notes name" not in plan, plan


@pytest.mark.parametrize("playbook", ["client-communication-breakdown", "contract-terms-dispute"])
def test_a_misreading_of_a_clause_typed_is_explained_by_its_wording(
    playbook, tmp_path, monkeypatch
):
    clauses = [
        {
            "ref": "Service Agreement cl. 9.1",
            "says": "prices are indexed each January to the Portuguese CPI (2.4% this year)",
        }
    ]
    out = email_of(playbook, _misread(clauses=clauses), tmp_path, monkeypatch)
    body = out["body"]
    assert "reading clause 9.1 of our Service Agreement differently" in body, body
    assert (
        "It says: Prices are indexed each January to the Portuguese CPI (2.4% this year)." in body
    )
    assert "What clears it up" not in out["plan"], out["plan"]


def test_what_they_must_hear_first_settles_it_and_the_plan_asks_nothing(tmp_path, monkeypatch):
    first = "Clause 9.1 links the price each January to the Portuguese CPI: 2.4% this year."
    out = email_of(
        "client-communication-breakdown", _misread(say_first=first), tmp_path, monkeypatch
    )
    assert out["body"].startswith("Hi Rui, " + first), out["body"]
    assert "What clears it up" not in out["plan"], out["plan"]


# Kind 1: what the case turns on, from the answers that hold it ------------------------------


def _to_mediation(**changes: Any) -> dict[str, Any]:
    """Their lawyers' claim on the way to the mediation the contract names; our sales
    director's sharp email is where it turned."""
    answers = _claim(
        dispute_clause="mediation",
        heat_source="both",
        heat_who="director",
        clauses=[
            {
                "ref": "cl. 19",
                "says": "Disputes go to mediation under the rules of the Vienna Mediation Centre",
                "our_reading": "",
                "their_reading": "",
            }
        ],
        timeline=[
            {
                "date": dt.date(2026, 10, 16),
                "channel": "email",
                "who": "Tarmo Kivi, sales director (our side)",
                "tone": "hostile",
                "note": "Attempt to rewrite the deal",
            },
            {
                "date": dt.date(2026, 11, 30),
                "channel": "letter",
                "who": "Sorainen (their lawyers)",
                "tone": "hostile",
                "note": "Letter of claim",
            },
        ],
        our_mistakes=[
            {
                "mistake": "our reply of 16 October was sharper than it should have been",
                "fix": "Liis Kask leads the relationship from now on",
            }
        ],
    )
    answers.update(changes)
    return answers


@pytest.mark.parametrize("playbook", ["contract-terms-dispute", "partner-dispute"])
def test_our_sharp_message_is_regretted_in_the_without_prejudice_proposal(
    playbook, tmp_path, monkeypatch
):
    body = email_of(playbook, _to_mediation(), tmp_path, monkeypatch)["body"]
    assert "I regret the tone of our email of 16 October" in body, body
    # The regret is for the tone, never an admission on the claim.
    assert "liab" not in body.lower() and "our fault" not in body.lower(), body


def test_with_no_sharp_message_of_ours_nothing_is_regretted(tmp_path, monkeypatch):
    answers = _to_mediation(heat_source="theirs", heat_who=None, our_mistakes=None)
    body = email_of("contract-terms-dispute", answers, tmp_path, monkeypatch)["body"]
    assert "regret" not in body, body


@pytest.mark.parametrize("playbook", ["contract-terms-dispute", "partner-dispute"])
def test_on_the_way_to_mediation_the_email_says_the_work_goes_on(playbook, tmp_path, monkeypatch):
    body = email_of(playbook, _to_mediation(), tmp_path, monkeypatch)["body"]
    assert "the day-to-day work carries on as normal" in body, body


@pytest.mark.parametrize(
    ("playbook", "where", "said", "place"),
    [
        (
            "salvage-relationship",
            "olive_branch",
            "A visit to Västerås by our CEO to apologise in person",
            "Could we meet in Västerås at one of these times",
        ),
        (
            "client-communication-breakdown",
            "step",
            "Meet their operations director at their depot in Ostrava",
            "Could we meet at your depot in Ostrava at one of these times",
        ),
    ],
)
def test_an_in_person_meeting_is_offered_where_our_notes_put_it(
    playbook, where, said, place, tmp_path, monkeypatch
):
    answers: dict[str, Any] = {
        "counterparty": "Mälardalen Hiss AB",
        "their_contact": "Lina Bergqvist",
        "our_contact": "Hannele Virtanen",
        "what_happened": "We delivered late three times this autumn.",
        "fault": "mostly_us",
        "meeting_format": "in_person",
        "proposed_times": [
            {"date": dt.date(2026, 12, 10), "time": "09:00"},
            {"date": dt.date(2026, 12, 11), "time": "13:00"},
        ],
    }
    if where == "olive_branch":
        answers["olive_branch"] = said
    else:
        answers["agreed_actions"] = [
            {"what": said, "owner": "Hannele Virtanen", "due": dt.date(2026, 12, 10)}
        ]
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert place in body, body


def test_a_visit_to_a_person_is_not_a_place(tmp_path, monkeypatch):
    answers: dict[str, Any] = {
        "counterparty": "Bluenose CPA",
        "their_contact": "Siobhan MacIsaac",
        "our_contact": "Marie-Claude Arsenault",
        "what_happened": "Our July system change lost the referral codes on their clients.",
        "fault": "mostly_us",
        "olive_branch": "A visit to Siobhan by our VP to apologise in person",
        "meeting_format": "in_person",
        "proposed_times": [{"date": dt.date(2026, 12, 10), "time": "10:00"}],
    }
    body = email_of("salvage-relationship", answers, tmp_path, monkeypatch)["body"]
    assert "in Siobhan" not in body and "Could we meet at this time" in body, body


# Kind 5: their procedure by its own name ------------------------------------------------------


@pytest.mark.parametrize(
    ("playbook", "notes", "named"),
    [
        (
            "salvage-relationship",
            "Their buyer opened a formal supplier performance review (SPR) on 2 November.",
            "your supplier review",
        ),
        (
            "client-communication-breakdown",
            "Their plant raised non-conformance report NCR-2231 against our last batch.",
            "your non-conformance report",
        ),
        (
            "contract-terms-dispute",
            "They logged a complaint under their supplier procedure.",
            "the complaint under your procedure",
        ),
    ],
)
def test_their_procedure_is_answered_by_its_own_name(playbook, notes, named, tmp_path, monkeypatch):
    answers: dict[str, Any] = {
        "counterparty": "Mälardalen Hiss AB",
        "their_contact": "Lina Bergqvist",
        "our_contact": "Hannele Virtanen",
        "what_happened": "We delivered late three times this autumn. " + notes,
        "fault": "mostly_us",
        "red_flags": ["complaint_procedure", "deadline"],
        "notice_deadline": dt.date(2026, 12, 18),
        "deadline_kind": "procedure",
    }
    body = email_of(playbook, answers, tmp_path, monkeypatch)["body"]
    assert f"answer {named} in full" in body, body
    assert "formal complaint" not in body, body
