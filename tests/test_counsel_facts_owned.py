"""Lawyers involved, the email to a business person we want to keep: the concrete facts we own
are stated, neutrally, and one line keeps both sides' positions.

A neutral statement of what happened on our side, when, and what we have fixed is no admission
of liability, and the reader needs it; a note carrying a verdict ("our fault", "negligent",
"breach") stays out of the email. The old disclaimer in the second sentence ("Nothing in this
email admits liability ...") is gone, and an email on the way to mediation does not also
propose a meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_drafts_round35 import email_of

DISCLAIMER = "Nothing in this email admits liability"
RESERVED = "without prejudice to either side's position"


def cure_notice(**extra: Any) -> dict[str, Any]:
    """A cure notice from their lawyers, counsel instructed on our side, written to their
    programme director: partly our fault."""
    answers: dict[str, Any] = {
        "counterparty": "Nordhavn Logistics A/S",
        "their_contact": "Mette Kjær",
        "their_email": "mk@nordhavn-logistics.dk",
        "our_contact": "Luca Bianchi",
        "our_company": "Vettore Software S.r.l.",
        "what_happened": "On 30 November their lawyers served a notice of material breach over "
        "the warehouse scanning roll-out, 14 days to cure.",
        "fault": "both",
        "money": "we_owe",
        "alleged_breach": True,
        "lawyers_side": "both",
        "direct_talks_failed": True,
        "category": "operational",
        "lawyer_consulted": True,
        "red_flags": ["lawyers", "letter_of_claim", "notice_close"],
        "notice_deadline": dt.date(2026, 12, 14),
        "formal_from": "them",
        "worth_salvaging": "yes",
        "work_ongoing": True,
        "our_mistakes": [
            {
                "mistake": "our scanner app lost its offline queue after the 4.1 update",
                "fix": "fixed in 4.1.2 on 20 November",
            },
            {
                "mistake": "it was our fault that the go-live slipped twice",
                "fix": "a dated recovery plan",
            },
        ],
        "clauses": [
            {"ref": "clause 12.1", "says": "Material breach notice, 14 days to cure"},
            {"ref": "clause 20", "says": "Disputes go to the CEOs within 10 days"},
        ],
        "proposed_times": [{"date": dt.date(2026, 12, 10), "time": "10:00"}],
    }
    answers.update(extra)
    return answers


@pytest.mark.parametrize("playbook", ["contract-terms-dispute", "partner-dispute"])
def test_a_cure_notice_reply_states_the_facts_we_own_without_a_disclaimer(
    playbook: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = email_of(playbook, cure_notice(), tmp_path, monkeypatch)
    body = out["body"]
    assert DISCLAIMER not in body, body
    assert "our scanner app lost its offline queue after the 4.1 update" in body, body
    assert "4.1.2 on 20 November" in body, body
    assert RESERVED in body, body
    # A verdict on fault typed among our mistakes is left to counsel's letter.
    assert "our fault" not in body.lower(), body
    assert "go-live slipped twice" not in body, body


def test_with_nothing_typed_as_ours_the_reservation_is_still_one_line(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = email_of("salvage-relationship", cure_notice(our_mistakes=[]), tmp_path, monkeypatch)
    body = out["body"]
    assert DISCLAIMER not in body, body
    assert body.count(RESERVED) == 1, body


def claim_with_mediation(**extra: Any) -> dict[str, Any]:
    """Their lawyers' letter of claim proposes mediation under the contract; we accept it and
    write to their managing director, whom we want to keep."""
    answers: dict[str, Any] = {
        "counterparty": "Hospital Santa Luzia S.A.",
        "their_contact": "Dra. Beatriz Moura",
        "their_email": "beatriz.moura@santaluzia.pt",
        "our_contact": "Rui Carvalho",
        "our_company": "Lavandaria Industrial do Norte Lda",
        "what_happened": "On 20 November their lawyers sent a letter of claim for EUR 180,000 "
        "over overbilled linen weight, proposing mediation under clause 19.",
        "fault": "both",
        "money": "we_owe",
        "alleged_breach": True,
        "lawyers_side": "both",
        "direct_talks_failed": True,
        "category": "commercial",
        "lawyer_consulted": True,
        "red_flags": ["lawyers", "letter_of_claim"],
        "formal_from": "them",
        "worth_salvaging": "yes",
        "mediation_open": "proposed",
        "dispute_clause": "mediation",
        "amount_at_stake": 180000,
        "currency": "EUR",
        "our_mistakes": [
            {
                "mistake": "our scales at the Braga plant were not recalibrated for eight months "
                "in 2025",
                "fix": "recalibration every six months with the certificates sent to you",
            },
            {
                "mistake": "we were negligent in checking the weights billed",
                "fix": "monthly reconciliation",
            },
        ],
        "clauses": [{"ref": "clause 19", "says": "Disputes go to mediation at the CAL"}],
        "proposed_times": [
            {"date": dt.date(2027, 1, 12), "time": "09:30"},
            {"date": dt.date(2027, 1, 14), "time": "09:30"},
        ],
    }
    answers.update(extra)
    return answers


@pytest.mark.parametrize("playbook", ["salvage-relationship", "client-communication-breakdown"])
def test_on_the_way_to_mediation_the_facts_are_owned_and_no_meeting_is_proposed_beside_it(
    playbook: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = email_of(playbook, claim_with_mediation(), tmp_path, monkeypatch)
    body = out["body"]
    assert "Dear Dra. Moura" in body, body
    assert DISCLAIMER not in body, body
    assert "our scales at the Braga plant were not recalibrated for eight months" in body, body
    assert "negligent" not in body, body
    # Reserved once: by the one line, or by the without-prejudice label of the whole email.
    assert (RESERVED in body) != ("WITHOUT PREJUDICE" in out["text"]), body
    assert "mediation" in body, body
    assert "meet at senior level" not in body, body
    assert len(out["text"].split("Kind regards")[0].split()) <= 200, out["text"]


def test_a_letter_to_their_lawyer_states_no_facts_of_ours(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written to their lawyer (their side asked that everything go through counsel): what we
    own is for our counsel's reply, not for an acknowledgment."""
    answers = cure_notice(
        timeline=[
            {
                "date": dt.date(2026, 12, 2),
                "channel": "email",
                "who": "Mette Kjær (their side)",
                "tone": "terse",
                "note": "All communication via counsel now",
            }
        ]
    )
    out = email_of("contract-terms-dispute", answers, tmp_path, monkeypatch)
    body = out["body"]
    if "not to Mette directly" in body or "writing to you and not" in body:
        assert "offline queue" not in body, body


# A formal step stays with counsel ------------------------------------------------------------


@pytest.mark.parametrize(
    ("playbook", "step"),
    [
        (
            "contract-terms-dispute",
            "Instruct counsel (Dr. Weiß) to prepare formal response to the notice",
        ),
        ("partner-dispute", "Brief our lawyer on the formal reply to the notice"),
        ("salvage-relationship", "Instruct Ms Okafor to draft the written response to the claim"),
    ],
)
def test_through_their_counsel_the_reply_goes_to_ours_and_is_not_promised_on_the_instruction_day(
    playbook: str, step: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = cure_notice(
        timeline=[
            {
                "date": dt.date(2026, 12, 2),
                "channel": "email",
                "who": "Mette Kjær (their side)",
                "tone": "terse",
                "note": "All communication via counsel now",
            }
        ],
        agreed_actions=[{"what": step, "owner": "Luca Bianchi", "due": dt.date(2026, 12, 7)}],
    )
    out = email_of(playbook, answers, tmp_path, monkeypatch)
    body = out["body"]
    assert "Monday 7 December" not in body, body
    assert "Please reply to me directly" not in body, body
    assert "I will phone you" not in body, body
    assert "writing to you and not to Mette" in body, body


def test_a_fact_the_tone_check_would_flag_stays_in_the_plan(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "We told you ..." reads as blame to the tone check: the email would carry a warning, so
    that fact is left for the conversation, and the neutral one is still stated."""
    answers = cure_notice(
        our_mistakes=[
            {"mistake": "we told you about the staffing gap three months late", "fix": ""},
            {
                "mistake": "our scanner app lost its offline queue after the 4.1 update",
                "fix": "fixed in 4.1.2 on 20 November",
            },
        ]
    )
    body = email_of("contract-terms-dispute", answers, tmp_path, monkeypatch)["body"]
    assert "staffing gap" not in body, body
    assert "our scanner app lost its offline queue after the 4.1 update" in body, body
