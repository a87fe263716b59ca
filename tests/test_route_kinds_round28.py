"""Kinds of case the route, the level or the plan's steps got wrong on disputes nobody had
tuned on: a solicitors' demand with a close date while we have no lawyer yet; a mediation
clause offered over a stake about the size of a mediator's fee, with only working-level talks
behind it; our own side's heat counted as a failed senior attempt; a legal route that drops
the meeting we owe a client we have hurt; and a debt chased with two first calls."""

from __future__ import annotations

import re

from test_plan_first_steps import rows as tracker_rows
from test_reader_needs import SATURDAY, drafts


def _decided(texts: dict[str, str]) -> str:
    return texts["plan.md"].split("## What to do", 1)[1].split("\n\n", 2)[1]


def _demand() -> dict:
    return {
        "counterparty": "Syarikat Jaya Packaging Sdn Bhd",
        "their_contact": "Tan Wei Ling",
        "our_contact": "Farid Ismail",
        "what_happened": "their sorter stopped 3 days after our firmware update. 30 nov a letter "
        "from their solicitors: MYR 486,000 within 14 days failing which proceedings. we "
        "have not told our lawyers yet",
        "amount_at_stake": 486000,
        "annual_value": 900000,
        "currency": "MYR",
        "worth_salvaging": "yes",
        "fault": "both",
        "emotions": "high",
        "trust_today": 2,
        "direct_talks_failed": True,
        "red_flags": ["lawyers", "letter_of_claim", "threats", "notice_close"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "stake_vs_fee": "larger",
        "notice_deadline": "2026-12-14",
        "deadline_kind": "letter",
        "mediation_open": "maybe",
        "lawyer_consulted": False,
        "work_ongoing": True,
    }


def test_a_solicitors_demand_with_a_close_date_goes_to_our_lawyer_first(tmp_path, monkeypatch):
    texts = drafts("contract-terms-dispute", _demand(), tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Take legal advice")
    # Once our lawyer is on it, the date is still close: the answer through our lawyer still
    # comes first, and mediation is offered in it (blind round 36: a cure period ending in five
    # days, with our lawyer already holding the file, was keyed legal). With the date further
    # off, the same claim can be answered with a proposal to mediate.
    answers = _demand() | {"lawyer_consulted": True}
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Take legal advice")
    assert "Offer mediation in our reply" in texts["plan.md"]
    answers["red_flags"] = ["lawyers", "letter_of_claim", "threats"]
    answers["notice_deadline"] = "2027-01-29"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Bring in a mediator")


def _extra_rounds() -> dict:
    return {
        "counterparty": "Agencia Celeste Publicidad S.A.",
        "their_contact": "Valentina Pérez",
        "our_contact": "Martín Olivera",
        "what_happened": "we invoiced 13 extra hours of revisions (UYU 188,500); they refuse, "
        "say the extra rounds were our fault. one round was. their producer: 'if you want, "
        "let's go to mediation'. one call between producers, shouting, nothing agreed",
        "amount_at_stake": 188500,
        "annual_value": 3900000,
        "currency": "UYU",
        "worth_salvaging": "yes",
        "fault": "both",
        "emotions": "tense",
        "trust_today": 3,
        "money": "they_owe",
        "owed_basis": "claim",
        "direct_talks_failed": True,
        "negotiation_rounds": 1,
        "stake_vs_fee": "similar",
        "dispute_clause": "mediation",
        "mediation_open": "proposed",
        "lawyer_consulted": False,
        "red_flags": ["payment_withheld"],
        "options_considered": ["price", "credit", "clarify"],
        "amendments_exist": "informal",
    }


def test_a_stake_the_size_of_a_mediators_fee_goes_to_senior_people_first(tmp_path, monkeypatch):
    texts = drafts("contract-terms-dispute", _extra_rounds(), tmp_path, monkeypatch, SATURDAY)
    decided = _decided(texts)
    assert decided.startswith("**Negotiate"), decided
    assert "decided at level 2" in decided
    assert "mediation-proposal.md" not in texts
    # After real rounds of negotiation have failed, the clause's mediation is the next step.
    answers = _extra_rounds() | {"negotiation_rounds": 3}
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Bring in a mediator")


def _outburst() -> dict:
    return {
        "counterparty": "Kakheti Guides LLC",
        "their_contact": "Nino Tsiklauri",
        "our_contact": "Tamar Kapanadze",
        "what_happened": "their guides sold two of our tours direct. our partner manager "
        "Giorgi called them thieves in front of the guides and threatened to delist them",
        "amount_at_stake": 14600,
        "annual_value": 180000,
        "currency": "GEL",
        "worth_salvaging": "yes",
        "fault": "both",
        "emotions": "high",
        "trust_today": 2,
        "direct_talks_failed": True,
        "heat_source": "ours",
        "heat_who": "manager",
        "new_lead": "Tamar Kapanadze (head of partnerships)",
        "decisions_needed": ["commission"],
        "past_decisions": [
            {
                "date": "2026-12-04",
                "decision": "Giorgi off the account, Tamar leads",
                "decided_by": "Levan Abashidze (COO)",
                "level": 2,
                "rationale": "our tone is blocking this",
            }
        ],
    }


def test_our_own_heat_is_not_a_failed_attempt_by_the_new_lead(tmp_path, monkeypatch):
    texts = drafts("partner-dispute", _outburst(), tmp_path, monkeypatch, SATURDAY)
    decided = _decided(texts)
    assert decided.startswith("**Negotiate") and "decided at level 2" in decided, decided
    # When the heat was theirs, the same failure at level 2 goes to the executive sponsors.
    answers = _outburst() | {"heat_source": "theirs"}
    answers.pop("new_lead")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 3" in _decided(texts)


def _payslips(**more) -> dict:
    return {
        "counterparty": "Puls Fitness ApS",
        "their_contact": "Mette Kjærgaard",
        "our_contact": "Henrik Dalsgaard",
        "what_happened": "friday our clerk mailed their payslip batch (names, CPR, salary) to "
        "another client. their CEO wrote: contract under review, expect our lawyer's view",
        "annual_value": 396000,
        "currency": "DKK",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "emotions": "high",
        "trust_today": 1,
        "red_flags": ["data_breach", "regulator", "threats"],
        "regulator_told": False,
        "breach_where": "ours",
        "shared_goal": "a complete report to the regulator and staff who trust payroll again",
        "proposed_times": [
            {"date": "2026-12-07", "time": "14:00"},
            {"date": "2026-12-08", "time": "08:00"},
        ],
        "meeting_format": "in_person",
    } | more


def test_a_client_we_hurt_still_gets_a_meeting_on_the_legal_route(tmp_path, monkeypatch):
    # Our office is shut on the Monday, so the lawyer's read and the email fall on the Tuesday.
    closed = [{"date": "2026-12-07", "note": "Office closed for the stocktake"}]
    texts = drafts(
        "salvage-relationship", _payslips(closed_days=closed), tmp_path, monkeypatch, SATURDAY
    )
    assert _decided(texts).startswith("**Take legal advice")
    meet = [r for r in tracker_rows(texts) if r["action"].startswith("Meet Mette")]
    assert meet and "once our lawyer has agreed what may be said" in meet[0]["action"]
    # Both times offered come before the email can go (it waits for the lawyer's read): the
    # meeting is not dated before the email that proposes it, and the email offers new times.
    sent = [r for r in tracker_rows(texts) if r["action"].startswith("Send the")]
    assert meet[0]["due"] > sent[0]["due"], (meet, sent)
    assert "offer new ones in it" in meet[0]["action"]
    assert "meeting-invitation.md" in texts
    assert "Monday 7 December 2026 at 14:00" not in texts["meeting-invitation.md"]
    assert "## The meeting" in texts["plan.md"]
    # Once their solicitors hold the pen, the meeting waits for the lawyers.
    answers = _payslips(
        red_flags=["data_breach", "regulator", "threats", "lawyers", "letter_of_claim"],
        lawyers_side="theirs",
        formal_from="them",
    )
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "meeting-invitation.md" not in texts
    assert not [r for r in tracker_rows(texts) if r["action"].startswith("Meet Mette")]


def test_a_debt_is_raised_on_the_call_the_manager_already_planned(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Etykieta Plus Sp. z o.o.",
        "their_contact": "Magdalena Nowicka",
        "their_spoc": "Tomasz Lis (CFO)",
        "our_contact": "Paweł Zieliński",
        "what_happened": "three invoices overdue (PLN 86,900), no dispute, they say. two "
        "payment dates promised and missed",
        "amount_at_stake": 86900,
        "annual_value": 700000,
        "currency": "PLN",
        "worth_salvaging": "yes",
        "fault": "mostly_them",
        "emotions": "calm",
        "money": "they_owe",
        "owed_basis": "due",
        "our_ask": "pay the three invoices by 15 December 2026",
        "agreed_actions": [
            {
                "what": "Anna Wróbel (FD) calls Tomasz Lis with the statement of account",
                "owner": "Anna Wróbel",
                "due": "2026-12-08",
            }
        ],
    }
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    assert not [r for r in rows if r["action"].startswith("Phone ")], rows
    ask = [r for r in rows if r["action"].startswith("On the call you planned for")]
    assert ask and ask[0]["due"] == "2026-12-08"
    assert (
        "Say plainly" not in ask[0]["action"] and "say plainly what is overdue" in ask[0]["action"]
    )


def test_our_heat_over_a_small_sum_needs_no_lawyer_and_no_final_offer(tmp_path, monkeypatch):
    answers = _outburst() | {
        "our_mistakes": [
            {
                "mistake": "our partner manager called your guides thieves in the group chat",
                "fix": "Giorgi is off the account; I lead it from now on",
            }
        ],
        "alleged_breach": True,
        "red_flags": ["threats", "personal"],
        "stake_vs_fee": "similar",
        "money": "they_owe",
        "proposed_times": [
            {"date": "2026-12-08", "time": "12:00"},
            {"date": "2026-12-09", "time": "12:00"},
        ],
    }
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Take legal advice" not in steps and "once the lawyer has read it" not in steps
    assert "final offer" not in steps
    meeting = [r for r in tracker_rows(texts) if r["action"].startswith("Hold the reset meeting")]
    assert [r["due"] for r in meeting] == ["2026-12-08"]
    # The email is our apology, not a without-prejudice proposal with the apology tucked in.
    email = texts["reset-email.eml"]
    assert "WITHOUT PREJUDICE" not in email and "without prejudice" not in texts["subject"].lower()
    opening = " ".join(re.split(r"\r?\n\r?\n", email.strip())[1:3])
    assert "apologise" in opening or "sorry" in opening, email
    # When the heat is theirs, the same allegation is read by a lawyer before we write.
    answers = answers | {"heat_source": "theirs"}
    answers.pop("new_lead")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "once the lawyer has read it" in texts["actions.csv"]


def test_a_tiny_account_we_let_go_is_told_by_phone_not_at_a_meeting(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Lavinia Sun Travels",
        "what_happened": "3 plants died, they moved them under the AC vent. not paying sep-nov, "
        "28,500. the owner shouts at our technician every visit. losing money on it",
        "amount_at_stake": 28500,
        "currency": "LKR",
        "strategic_value": "marginal",
        "worth_salvaging": "no",
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "by phone, then send the exit email" in steps
    assert (
        "to agree an orderly end" not in steps
        and "within a working day of the meeting" not in steps
    )
    assert "ready before the meeting" not in steps


def test_a_small_matter_with_no_times_offered_is_talked_through_this_week(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Fiduciaire Benjelloun",
        "what_happened": "they introduced a client to us in march; the client signed in "
        "october. they want the MAD 6,000 referral fee, our rule says referrals lapse after "
        "six months. they ask for mediation",
        "amount_at_stake": 6000,
        "currency": "MAD",
        "worth_salvaging": "yes",
        "mediation_open": "proposed",
    }
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    call = [r for r in rows if "call with" in r["action"] and "agree what changes" in r["action"]]
    assert call and call[0]["due"] <= "2026-12-11", rows
    summary = [r for r in rows if "written summary of what was agreed" in r["action"]]
    assert summary and call[0]["due"] < summary[0]["due"] <= "2026-12-14"
