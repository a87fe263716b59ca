"""The tracker and the follow-up read as the other side will hold us to them (reader36, kinds J,
F and E), with cases of our own in every playbook:

- a follow-up records every typed commitment of the shared rows, with its date: a dry run, a
  parallel run, a joint walk-through; on an exit, the credit we gave and the payment we asked;
- a first win, and the thank-you that marks it, fall after what they name (a pilot, the report,
  a whole month, the first instalment), never before;
- a change typed as a standing practice ("always", "no ... without", "has stepped back", "I lead
  it") is put in place now, not dated weeks later, and the follow-up records it as in place;
- a follow-up after a mediation day never says a settlement was signed;
- notes typed for ourselves stay out of the drafts ("Not Lars.", "Tomás removed from the
  account"), and the plan says what was left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import tomli_w
from drafts_cases import flat, render

DUBLIN = "client-communication-breakdown--dublin-payroll-overtime-bug"
OSLO = "contract-terms-dispute--oslo-chilled-sla-shared-fault"
LYON = "partner-dispute--lyon-our-director-heated"
WINE = "salvage-relationship--forwarder-wine-hs-code-errors"
PORTO = "salvage-relationship--porto-tiny-exit-translator"
BURSA = "contract-terms-dispute--bursa-yarn-surcharge-mediation"
GOTHENBURG = "salvage-relationship--gothenburg-wms-upgrade-deadlock"


def _rows(texts: dict[str, str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def _row(texts: dict[str, str], start: str) -> dict[str, str]:
    found = [r for r in _rows(texts) if r["action"].startswith(start)]
    assert found, f"no tracker row starts {start!r}"
    return found[0]


def _follow(texts: dict[str, str]) -> str:
    return flat(texts["follow-up-summary.md"])


# Kind 1: a follow-up records what they will hold us to ----------------------------------------

TYPED_COMMITMENTS = [
    (
        DUBLIN,
        "Parallel run of the January payroll with your test file",
        dt.date(2026, 12, 16),
        "parallel run of the January payroll with your test file",
        "16 December 2026",
    ),
    (
        OSLO,
        "Joint walk-through of the chilled dock with your warehouse lead",
        dt.date(2026, 12, 17),
        "joint walk-through of the chilled dock with your warehouse lead",
        "17 December 2026",
    ),
    (
        LYON,
        "Dry run of the spring co-marketing launch with their team",
        dt.date(2026, 12, 18),
        "dry run of the spring co-marketing launch with your team",
        "18 December 2026",
    ),
    (
        WINE,
        "Pilot of the two-person declaration check on your March shipments",
        dt.date(2026, 12, 21),
        "pilot of the two-person declaration check on your March shipments",
        "21 December 2026",
    ),
]


@pytest.mark.parametrize(("name", "what", "due", "said", "when"), TYPED_COMMITMENTS)
def test_a_typed_commitment_after_the_meeting_is_in_the_follow_up(
    name: str, what: str, due: dt.date, said: str, when: str, tmp_path, monkeypatch
) -> None:
    texts = render(
        name,
        tmp_path,
        monkeypatch,
        {"agreed_actions": [{"what": what, "owner": "Ana", "due": due}]},
    )
    assert _row(texts, what.split()[0])["audience"] == "shared"
    follow = _follow(texts)
    assert said in follow, follow
    line = next(line for line in texts["follow-up-summary.md"].splitlines() if said in line)
    assert when in line


def test_an_exit_follow_up_records_the_credit_and_the_payment_asked(tmp_path, monkeypatch) -> None:
    texts = render(
        PORTO,
        tmp_path,
        monkeypatch,
        {
            "money": "they_owe",
            "our_offer": "We cancel the rush fee on invoice 2026/118 (EUR 240)",
            "our_ask": "pay invoice 2026/121 (EUR 610) by 18 December",
        },
    )
    follow = _follow(texts)
    assert "cancel the rush fee on invoice 2026/118 (EUR 240)" in follow
    assert "We asked you to pay invoice 2026/121 (EUR 610) by 18 December." in follow


def test_an_exit_follow_up_asking_nothing_but_a_confirmation_says_so(tmp_path, monkeypatch):
    texts = render(
        PORTO,
        tmp_path,
        monkeypatch,
        {"money": "both", "our_ask": "nothing to pay; just confirm we can close your account"},
    )
    follow = _follow(texts)
    assert "We asked you only to confirm we can close your account." in follow
    assert "for nothing to pay" not in follow


# Kind 2: a win is marked after it happens -------------------------------------------------------


def test_a_win_after_a_typed_pilot_waits_for_the_pilot(tmp_path, monkeypatch) -> None:
    texts = render(
        WINE,
        tmp_path,
        monkeypatch,
        {
            "first_win": "Every wine declaration right first time for a week after the pilot",
            "change_steps": [
                {
                    "what": "Pilot of the two-person declaration check",
                    "owner": "Jonathan",
                    "due": dt.date(2026, 12, 18),
                }
            ],
        },
    )
    assert _row(texts, "Deliver the first small win")["due"] > "2026-12-18"
    assert _row(texts, "Tell ")["due"] > _row(texts, "Deliver the first small win")["due"]


def test_a_thank_you_for_the_first_instalment_waits_for_its_date(tmp_path, monkeypatch) -> None:
    texts = render(
        WINE,
        tmp_path,
        monkeypatch,
        {
            "money": "they_owe",
            "first_win": "Demurrage credit note issued and agreed by both finance teams",
            "celebrate": "A thank-you call to their logistics team when the first instalment is in",
            "our_ask": "agree a plan for the open invoices: first EUR 12,000 by 23 December",
        },
    )
    assert _row(texts, "Tell ")["due"] == "2026-12-23"


def test_a_thank_you_for_a_typed_payment_waits_for_its_day(tmp_path, monkeypatch) -> None:
    texts = render(
        WINE,
        tmp_path,
        monkeypatch,
        {
            "first_win": "Demurrage credit note issued and agreed by both finance teams",
            "celebrate": "Lunch with their logistics team once the first payment arrives",
            "change_steps": [
                {
                    "what": "First payment under the plan",
                    "owner": "Finance",
                    "due": dt.date(2027, 1, 8),
                }
            ],
        },
    )
    assert _row(texts, "Tell ")["due"] == "2027-01-08"


@pytest.mark.parametrize(
    ("win", "not_before"),
    [
        ("All December shipments declared correctly", "2026-12-31"),
        ("No declaration error for a full month", "2027-01-04"),
        ("Every shipment declared correctly within two weeks", "2026-12-19"),
    ],
)
def test_a_win_over_a_span_waits_for_the_span(win, not_before, tmp_path, monkeypatch) -> None:
    texts = render(WINE, tmp_path, monkeypatch, {"first_win": win})
    assert _row(texts, "Deliver the first small win")["due"] >= not_before


# Kind 3: a standing practice is in place now ---------------------------------------------------

STANDING = [
    (DUBLIN, "I will always phone you before a release that touches payroll"),
    (OSLO, "no surcharge goes on an invoice without your written OK"),
    (LYON, "any deal in your region is discussed with you before we quote"),
]


@pytest.mark.parametrize(("name", "fix"), STANDING)
def test_a_standing_practice_is_in_place_now(name, fix, tmp_path, monkeypatch) -> None:
    texts = render(
        name,
        tmp_path,
        monkeypatch,
        {
            "our_mistakes": [
                {"mistake": "we quoted and invoiced without asking you first", "fix": fix}
            ]
        },
    )
    now = _row(texts, "Put in place now what we said takes effect at once")
    assert now["due"] == "2026-12-07"
    assert fix.split()[-1] in now["action"]
    later = [r for r in _rows(texts) if r["action"].startswith("Make the changes we committed to")]
    assert not any(fix.split()[-1] in r["action"] for r in later)
    follow = texts["follow-up-summary.md"]
    line = next(line for line in follow.splitlines() if "already in place" in line)
    assert "from 7 December 2026" in line


def test_a_colleague_who_stepped_back_is_named_by_role_and_in_place(tmp_path, monkeypatch):
    texts = render(
        LYON,
        tmp_path,
        monkeypatch,
        {
            "our_mistakes": [
                {
                    "mistake": "our sales director's remarks at the October review were personal",
                    "fix": "he has stepped back from the partnership; I lead it myself",
                }
            ]
        },
    )
    follow = _follow(texts)
    assert "our sales director has stepped back from the partnership" in follow
    assert "; he has stepped back" not in follow
    assert "2027" not in _row(texts, "Put in place now")["due"]


# Kind 4: after a mediation day, no settlement is assumed ---------------------------------------


@pytest.mark.parametrize("name", [BURSA, GOTHENBURG])
def test_a_follow_up_after_mediation_assumes_no_signed_settlement(name, tmp_path, monkeypatch):
    texts = render(
        name,
        tmp_path,
        monkeypatch,
        {"proposed_times": [{"date": dt.date(2027, 1, 12), "time": "09:30"}]},
    )
    follow = _follow(texts)
    assert "at the mediation on 12 January 2027" in follow
    assert "settlement agreement we signed" not in follow
    assert "Any terms we put in writing at the mediation stand as written" in follow


# Kind 5: our own notes stay ours ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "attendees", "left", "kept"),
    [
        (OSLO, "Ingrid Dahl and her ops lead; Per Olsen and me. Not Lars.", "Lars", "Per Olsen"),
        (
            LYON,
            "Claire Morel; Julien and me. No lawyers, it would escalate.",
            "lawyers",
            "Claire Morel",
        ),
        (DUBLIN, "Their HR director; our COO and me. Keep Ronan out of it.", "Ronan", "our COO"),
    ],
)
def test_who_is_not_to_come_stays_out_of_the_invitation(
    name, attendees, left, kept, tmp_path, monkeypatch
) -> None:
    texts = render(name, tmp_path, monkeypatch, {"attendees": attendees})
    invitation = texts["meeting-invitation.md"]
    assert left not in invitation
    assert kept in invitation
    assert left in texts["plan.md"]


def test_a_staffing_note_stays_out_of_the_follow_up_and_the_plan_says_so(tmp_path, monkeypatch):
    texts = render(
        WINE,
        tmp_path,
        monkeypatch,
        {
            "change_steps": [
                {
                    "what": "Tomás removed from the account; Inês Costa named as account lead",
                    "owner": "Jonathan",
                    "due": dt.date(2026, 12, 14),
                }
            ]
        },
    )
    follow = _follow(texts)
    assert "Tomás" not in follow
    assert "removed from the account" not in follow
    assert "| We will name Inês Costa as your account lead |" in texts["follow-up-summary.md"]
    assert 'Kept out of the follow-up summary, as a note about one of our own people: "Tomás' in (
        flat(texts["plan.md"])
    )


# Kind 6: their letter proposes mediation by a date: the step is the mediator, not a cure ----


@pytest.mark.parametrize(
    "name",
    [
        BURSA,
        GOTHENBURG,
        "contract-terms-dispute--rotterdam-fitout-lds-mediation-clause",
        "partner-dispute--london-austin-launch-campaign-split",
    ],
)
def test_a_letter_proposing_mediation_by_a_date_asks_for_a_mediator(name, tmp_path, monkeypatch):
    texts = render(
        name,
        tmp_path,
        monkeypatch,
        {
            "notice_deadline": dt.date(2026, 12, 18),
            "deadline_kind": "letter",
            "mediation_open": "proposed",
            "red_flags": ["lawyers", "letter_of_claim", "deadline"],
            "lawyers_side": "theirs",
            "formal_from": "them",
            "alleged_breach": True,
            "agreed_actions": [
                {
                    "what": "Ask our solicitor to accept mediation and propose two mediators",
                    "owner": "Lee",
                    "due": dt.date(2026, 12, 10),
                }
            ],
        },
    )
    step = _row(texts, "Agree a mediator with them before their date of 18 December 2026")
    assert "put right what we can" not in step["action"]
    assert not [r for r in _rows(texts) if "put right what we can" in r["action"]]
    first = texts["plan.md"].split("### Next")[1].split("\n\n", 2)[1]
    assert "Ask our solicitor to accept mediation and propose two mediators" in first
    assert "Agree a mediator with them" not in first


# Kind 6: the reply proposes the dates the email offers, not dates it does not -----------------


def _tracker_of(playbook: str, answers: dict, tmp_path, monkeypatch) -> list[dict[str, str]]:
    from test_reader_needs import SATURDAY

    from triage.engine import case
    from triage.engine.answersfile import read_answers
    from triage.engine.library import builtin_dir
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_parts

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    loaded = load_playbook(builtin_dir() / f"{playbook}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    text = render_parts(loaded, read_answers(path, loaded)).files["actions.csv"].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "playbook",
    ["client-communication-breakdown", "contract-terms-dispute", "partner-dispute"],
)
def test_the_reply_proposes_the_dates_the_email_offers(playbook, tmp_path, monkeypatch) -> None:
    from test_drafts_round36 import _claim

    later = _claim(
        proposed_times=[
            {"date": dt.date(2026, 12, 16), "time": "10:00"},
            {"date": dt.date(2026, 12, 17), "time": "14:00"},
        ]
    )
    rows = _tracker_of(playbook, later, tmp_path, monkeypatch)
    step = next(r["action"] for r in rows if r["action"].startswith("In our reply, propose"))
    assert "with the dates the email offers (16 December 2026 and 17 December 2026)" in step
    assert "ask them to hold their date of 15 December 2026 until the meeting has been held" in step
    assert "with dates before" not in step

    sooner = _claim(
        proposed_times=[
            {"date": dt.date(2026, 12, 10), "time": "10:00"},
            {"date": dt.date(2026, 12, 11), "time": "14:00"},
        ]
    )
    rows = _tracker_of(playbook, sooner, tmp_path, monkeypatch)
    step = next(r["action"] for r in rows if r["action"].startswith("In our reply, propose"))
    assert "with the dates the email offers (10 December 2026 and 11 December 2026)" in step
    assert "hold their date" not in step
