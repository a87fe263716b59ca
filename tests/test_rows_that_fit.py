"""Tracker rows that fit the case: no new shared dashboard in the middle of a mediation or a
lawyers' exchange; our evidence packs, mediation bundles and notes about our own people stay on
our side of the tracker."""

from __future__ import annotations

import datetime as dt

import pytest
from test_reader_needs import MONDAY, drafts, example

ROLLOUT = "partner-dispute/integration-rollout-deadline"


def _csv(playbook: str, answers: dict, tmp_path, monkeypatch) -> str:
    return drafts(playbook, answers, tmp_path, monkeypatch, MONDAY)["actions.csv"]


def _row(csv: str, words: str) -> str:
    rows = [r for r in csv.splitlines() if words in r]
    assert rows, csv
    return rows[0]


def test_a_new_dashboard_belongs_to_working_together_again(tmp_path, monkeypatch):
    csv = _csv("partner-dispute", example(ROLLOUT), tmp_path, monkeypatch)
    assert "Set up one dashboard both sides can see" in csv


@pytest.mark.parametrize(
    "name",
    [
        "partner-dispute/chain-claim-contaminated-flour",
        "partner-dispute/regulator-questions-joint-answer",
    ],
)
def test_no_new_dashboard_in_the_middle_of_a_mediation_or_with_lawyers(name, tmp_path, monkeypatch):
    answers = example(name)
    answers["kpis"] = [{"kpi": "Orders shipped complete", "target": "98%", "current": "91%"}]
    answers["shared_dashboard"] = False
    csv = _csv("partner-dispute", answers, tmp_path, monkeypatch)
    assert "Set up one dashboard" not in csv, csv


OURS = [
    ("partner-dispute", ROLLOUT, "Evidence pack on stop logs and firmware versions"),
    (
        "contract-terms-dispute",
        "contract-terms-dispute/money-owed-both-ways",
        "Mediation bundle: delivery notes, emails, credit notes",
    ),
    (
        "salvage-relationship",
        "salvage-relationship/missed-launch-mediate",
        "Tomasz off the account; new delivery lead Ines Moreau",
    ),
    (
        "client-communication-breakdown",
        "client-communication-breakdown/renewal-at-risk-senior-first",
        "Evidence bundle for our counsel: tickets and call logs",
    ),
]


@pytest.mark.parametrize(("playbook", "name", "step"), OURS)
def test_our_own_preparation_stays_internal(playbook, name, step, tmp_path, monkeypatch):
    answers = example(name)
    answers["agreed_actions"] = [
        *(answers.get("agreed_actions") or []),
        {"what": step, "owner": "Finance", "due": dt.date(2026, 12, 4)},
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, MONDAY)
    row = _row(texts["actions.csv"], step.split(":")[0].split(";")[0])
    assert row.endswith(",internal"), row
    if "off the account" not in step:
        assert step.split(":")[0] not in texts["reset-email.eml"]


@pytest.mark.parametrize(
    ("name", "change"),
    [
        # We owe them money: no rules for how they may speak to us.
        ("salvage-relationship/pub-group-rich-history", {"money": "we_owe"}),
        # We are at fault: rules aimed at the people we let down.
        ("contract-terms-dispute/letter-of-claim-mediate-first", {"fault": "mostly_us"}),
        ("partner-dispute/integration-rollout-deadline", {"fault": "mostly_us"}),
    ],
)
def test_no_ground_rules_for_those_we_owe_or_let_down(name, change, tmp_path, monkeypatch):
    answers = {**example(name), **change}
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, MONDAY)
    invitation = texts.get("meeting-invitation.md", "")
    assert "Ground rules we suggest" not in invitation, invitation
    assert "not about people" not in invitation
    assert "Purpose and ground rules" not in invitation


def test_ground_rules_stay_where_both_sides_have_been_heated(tmp_path, monkeypatch):
    answers = {**example(ROLLOUT), "fault": "both", "heat_source": "both"}
    invitation = drafts("partner-dispute", answers, tmp_path, monkeypatch, MONDAY)[
        "meeting-invitation.md"
    ]
    assert "Ground rules we suggest" in invitation, invitation


@pytest.mark.parametrize(
    ("their_email", "our_email", "place", "said"),
    [
        (
            "erik.lindqvist@solent.se",
            "claire.dubois@meridian.de",
            "your plant in Gothenburg",
            "your time",
        ),
        ("ana.ruiz@talleres.es", "claire.dubois@meridian.fr", "a hotel in Zaragoza", "local time"),
    ],
)
def test_a_meeting_in_person_is_on_the_clock_of_the_place(
    their_email, our_email, place, said, tmp_path, monkeypatch
):
    answers = {
        **example(ROLLOUT),
        "their_email": their_email,
        "our_email": our_email,
        "meeting_format": "in_person",
        "meeting_place": place,
    }
    invitation = drafts("partner-dispute", answers, tmp_path, monkeypatch, MONDAY)[
        "meeting-invitation.md"
    ]
    assert f"Wednesday 2 December 2026 at 10:00 {said}" in invitation, invitation
    assert "German time" not in invitation and "French time" not in invitation


@pytest.mark.parametrize(
    ("first_win", "day"),
    [
        (
            "Two weeks of on-time deliveries shown in the tracking data before the 9 December "
            "quarterly review",
            "2026-12-09",
        ),
        ("Every open ticket closed before the 10 December steering meeting", "2026-12-10"),
    ],
)
def test_a_win_due_before_an_event_is_marked_at_it(first_win, day, tmp_path, monkeypatch):
    answers = {
        **example("salvage-relationship/pub-group-rich-history"),
        "first_win": first_win,
        "celebrate": "Thank their warehouse team by name in the review meeting",
    }
    csv = drafts("salvage-relationship", answers, tmp_path, monkeypatch, MONDAY)["actions.csv"]
    row = _row(csv, "the first win is done")
    assert f",{day}," in row, row


@pytest.mark.parametrize(
    ("counterparty", "contact", "amount", "currency"),
    [
        ("Kedai Kopi Hang Tuah", "Mr. Aziz Rahman", 2400, "MYR"),
        ("Café Lindholm", "Mrs. Sanna Lindholm", 9500, "SEK"),
        ("Blue Door Florist", "Ms. Tara Quinn", 640, "GBP"),
    ],
)
def test_a_small_fee_settled_on_a_call_gets_a_plain_follow_up(
    counterparty, contact, amount, currency, tmp_path, monkeypatch
):
    # A small setup fee in question with a small shop: a half-hour call, then a summary that
    # holds no preparation notes and no weekly progress checks nobody asked for.
    answers = {
        "counterparty": counterparty,
        "their_contact": contact,
        "amount_at_stake": amount,
        "currency": currency,
        "strategic_value": "marginal",
        "fault": "both",
        "money": "they_owe",
        "owed_basis": "due",
        "stake_vs_fee": "smaller",
        "what_happened": (
            f"We installed a card terminal for {counterparty} and invoiced a setup fee of "
            f"{currency} {amount}. Our quote said installation was included; they will not pay "
            "for what they were told was free. Nobody has been rude; it has just stalled."
        ),
    }
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, MONDAY)
    follow = texts.get("follow-up-summary.md", "")
    assert "what a good outcome looks like" not in follow, follow
    assert "the meeting opens with it" not in follow
    assert "check-ins weekly" not in follow
    assert (
        "against the agreed terms" not in texts["actions.csv"]
        or "weekly" not in texts["actions.csv"]
    )


def test_the_evidence_that_a_breach_is_cured_is_theirs(tmp_path, monkeypatch):
    answers = example(ROLLOUT)
    answers["agreed_actions"] = [
        {
            "what": "Cure evidence pack delivered",
            "owner": "Claire Dubois",
            "due": dt.date(2026, 12, 4),
        }
    ]
    csv = drafts("partner-dispute", answers, tmp_path, monkeypatch, MONDAY)["actions.csv"]
    assert _row(csv, "Cure evidence pack").endswith(",shared")
