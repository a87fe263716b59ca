"""Email faults a mediator found on blind round 32, fixed by kind.

- A typed mistake that starts with "we" and an irregular verb ("we held all your invoices") is
  said as "that we held …", never "for the we held …".
- Our own reservation of rights on deductions they have already made is a statement of our
  position, not a threat: the tone check does not flag it, while a bare or broad reservation
  still is.
- An apology that proposes to pay the undisputed part does not then say "the money can wait":
  only what is still in dispute waits for the meeting.
- An exit says its notice once, as the decision it is, not again as "a formality".
- A hold typed as an instruction ("Pause the training days.") is said as what we are doing.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts

from triage.engine.filters import hold_said, sorry_for
from triage.engine.tone import check_text


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("we held all your November invoices", "that we held all your November invoices"),
        ("We hid the resignation from you", "that we hid the resignation from you"),
        ("we withheld the deposit for a month", "that we withheld the deposit for a month"),
        ("I spoke too sharply on the call", "that I spoke too sharply on the call"),
        ("Late delivery of the March batch", "for the late delivery of the March batch"),
        (
            "during the March portal outage our team told your reps to register leads anywhere",
            "that during the March portal outage our team told your reps to register leads "
            "anywhere",
        ),
        (
            "Change letter went to the wrong person",
            "that the change letter went to the wrong person",
        ),
    ],
)
def test_a_typed_mistake_is_said_sorry_for_in_grammar(typed, said):
    assert sorry_for(typed) == said


def test_the_email_apologises_for_each_typed_clause_in_grammar(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Coastline Haulage Ltd",
        "their_contact": "Kofi Asare",
        "our_contact": "Ama Owusu",
        "what_happened": "Two loads missed their cut-off; each side blames the other.",
        "fault": "both",
        "heat_source": "ours",
        "heat_who": "top",
        "our_mistakes": [
            {
                "mistake": "our managing director's email of 29 November was insulting to you",
                "fix": "I lead this relationship from today",
            },
            {
                "mistake": "we changed loading dates twice at short notice",
                "fix": "loading dates frozen 72 hours before pickup",
            },
            {
                "mistake": "we held all your November invoices, not just the disputed runs",
                "fix": "the undisputed part is paid now",
            },
        ],
    }
    email = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert "held all your November invoices" in email, email
    assert "for the we" not in email, email


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not accept the deductions made so far and reserve our rights on them; please "
        "hold any further deductions while we talk.",
        "We reserve our rights on the deductions made; please hold any more while the "
        "mediation runs.",
        "They set off the penalty against our invoice, and we reserve our rights on it while "
        "we look at the figures together.",
    ],
)
def test_a_reservation_on_deductions_already_made_is_not_a_threat(sentence):
    assert check_text(sentence) == [], check_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please note that we reserve our rights.",
        "We reserve all our rights in relation to the late handover.",
        "We reserve our rights on the deductions and will consider further steps.",
        "We reserve our rights on the deductions and our lawyers are watching this closely.",
    ],
)
def test_a_bare_or_escalating_reservation_still_is(sentence):
    assert check_text(sentence), sentence


@pytest.mark.parametrize(
    "playbook", ["contract-terms-dispute", "client-communication-breakdown", "partner-dispute"]
)
def test_our_reservation_on_their_deductions_leaves_the_draft_tone_clean(
    playbook, tmp_path, monkeypatch
):
    answers = {
        "counterparty": "Grupo Norte S.A. de C.V.",
        "their_contact": "Rogelio Garza",
        "our_contact": "Ana Beltrán",
        "what_happened": "They say we owe them a rebate; we read the contract differently. "
        "Their finance team deducted MXN 300,000 from our November invoice.",
        "fault": "both",
        "money": "both",
        "red_flags": ["payment_withheld"],
    }
    email = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    body = email.replace("\r\n", "\n")
    assert "reserve our rights on" in body, body
    assert check_text(body) == [], check_text(body)


def _own_heat(**changes) -> dict:
    return {
        "counterparty": "Ashanti Road Freight Ltd",
        "their_contact": "Yaw Mensah",
        "our_contact": "Efua Boateng",
        "what_happened": "Our managing director sent them an insulting email after two missed "
        "cut-offs, and we held their invoices. They stop pickups next week until paid.",
        "fault": "both",
        "heat_source": "ours",
        "heat_who": "top",
        "money": "both",
        "our_offer": "pay the undisputed part of the November invoices this week",
        "our_ask": "agree to share the rollover costs once we have gone through the truck "
        "records together",
        "amount_at_stake": 280000,
        "annual_value": 4900000,
        "currency": "GHS",
        "strategic_value": "core",
        "trust_today": 2,
        "emotions": "high",
        "alleged_breach": True,
        "red_flags": ["threats", "personal", "payment_withheld", "deadline"],
    } | changes


@pytest.mark.parametrize("playbook", ["partner-dispute", "salvage-relationship"])
def test_paying_the_undisputed_part_is_not_followed_by_the_money_can_wait(
    playbook, tmp_path, monkeypatch
):
    email = drafts(playbook, _own_heat(), tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    flat = " ".join(email.split())
    assert "The money can wait" not in flat and "The open amounts can wait" not in flat, flat
    assert "amounts still in dispute can wait until we have met" in flat, flat


def _exit(**changes) -> dict:
    return {
        "counterparty": "Solar Levante S.L.",
        "their_contact": "Javier Ortega",
        "our_contact": "Sanne de Vries",
        "what_happened": "Our exclusive distributor was bought by a competitor's distributor "
        "and wants to keep exclusivity while selling both brands.",
        "strategic_value": "important",
        "worth_salvaging": "no",
        "exit_reason": "competes",
        "formal_from": "us",
        "red_flags": ["notice_close", "payment_withheld"],
        "hold_needed": True,
        "notice_deadline": "2026-12-11",
        "hold_scope": "Pause the January installer training days and co-marketing. Orders, "
        "deliveries and support carry on as normal.",
        "clauses": [
            {"ref": "Clause 17.4", "says": "Either party may end the agreement on 90 days' notice"}
        ],
    } | changes


def test_an_exit_says_its_notice_once_and_its_hold_as_what_we_do(tmp_path, monkeypatch):
    texts = drafts("partner-dispute", _exit(), tmp_path, monkeypatch, SATURDAY)
    assert "Part well" in texts["plan.md"]
    flat = " ".join(texts["reset-email.eml"].split())
    assert flat.count("formal notice") <= 1, flat
    assert "a formality" not in flat, flat
    assert "Pause the" not in flat, flat
    assert "we are pausing the January installer training days" in flat, flat


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Pause the January installer training days and co-marketing. Orders, deliveries "
            "and support carry on as normal.",
            "we are pausing the January installer training days and co-marketing; orders, "
            "deliveries and support carry on as normal",
        ),
        (
            "Joint marketing and new tender bids paused; service for the 140 vessels continues.",
            "joint marketing and new tender bids are paused; service for the 140 vessels continues",
        ),
        ("Stop new joint bids", "we are stopping new joint bids"),
    ],
)
def test_a_hold_typed_as_an_instruction_is_said_as_what_we_do(typed, said):
    assert hold_said(typed) == said


@pytest.mark.parametrize(
    "sentence",
    [
        "I am also sorry that our warehouse loaded late, and that we held all your November "
        "invoices.",
        "I am sorry that we held back all your October payments when only two loads were late.",
    ],
)
def test_our_own_sweeping_conduct_owned_is_not_an_absolute_about_them(sentence):
    assert check_text(sentence) == [], check_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your drivers were late and every single delivery was short.",
        "All your deliveries were late again this month.",
    ],
)
def test_a_sweep_over_their_record_still_is(sentence):
    assert check_text(sentence), sentence
