"""Tracker rows that fit the case: no new shared dashboard in the middle of a mediation or a
lawyers' exchange; no "ask who speaks for them" when they named their contact as their
representative; our evidence packs, mediation bundles and notes about our own people stay on
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


def test_no_asking_who_speaks_for_them_when_they_named_their_contact(tmp_path, monkeypatch):
    answers = example(ROLLOUT)
    answers["mixed_messages_detail"] = (
        "Their CEO (their side) says the pilots go ahead; their project lead (their side) has "
        "stopped them until the firmware is fixed."
    )
    assert answers["their_spoc"] == answers["their_contact"]
    csv = _csv("partner-dispute", answers, tmp_path, monkeypatch)
    assert "who speaks for" not in csv, csv
    # Another person named as theirs: the question is still asked, with our suggestion.
    answers["their_spoc"] = "Maja Holm"
    csv = _csv("partner-dispute", answers, tmp_path, monkeypatch)
    assert "who speaks for Solent Robotics" in csv and "(we suggest Maja Holm)" in csv, csv


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
