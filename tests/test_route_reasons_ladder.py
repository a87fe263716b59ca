"""The reason under the route says what the contract's own ladder says, no more.

A dispute clause may climb from a meeting to expert determination or the courts with no
mediation in it; the plan must not promise "mediation as the contract's next step". And when
their lawyers write while the ladder's next meeting is still to be held, the reply proposes that
meeting, so the reason does not also tell the manager to offer mediation in it.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts
from test_route_kinds_round31 import _claim_before_the_ladder


def _decided(texts: dict[str, str]) -> str:
    """The route and the reason for it: the plan's first screen up to the next actions."""
    return texts["plan.md"].split("## What to do", 1)[1].split("### Next three actions", 1)[0]


PLAYBOOKS = [
    "contract-terms-dispute",
    "client-communication-breakdown",
    "partner-dispute",
    "salvage-relationship",
]


def _variation(**changes) -> dict:
    return {
        "counterparty": "Karoo Rail Maintenance (Pty) Ltd",
        "their_contact": "Pieter Botha",
        "our_contact": "Naledi Khumalo",
        "what_happened": "Their site engineer asked us in writing to add six test pits; their "
        "contract manager now refuses to pay because no variation order was signed. One call "
        "between us went round in circles.",
        "amount_at_stake": 410000,
        "annual_value": 3200000,
        "currency": "ZAR",
        "strategic_value": "important",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 3,
        "emotions": "tense",
        "heat_source": "theirs",
        "money": "they_owe",
        "stake_vs_fee": "larger",
        "direct_talks_failed": True,
        "dispute_clause": "escalation",
        "senior_talks_done": False,
        "clauses": [
            {
                "ref": "Clause 31",
                "says": "Disputes: the project managers meet within ten days, then the "
                "directors, then expert determination",
            }
        ],
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_ladder_without_mediation_is_not_said_to_lead_to_mediation(
    playbook, tmp_path, monkeypatch
):
    texts = drafts(playbook, _variation(), tmp_path, monkeypatch, SATURDAY)
    decided = _decided(texts)
    assert "**Negotiate directly**" in decided, decided
    assert "mediation stays in reserve" not in texts["plan.md"]
    assert "the clause's next step follows" in decided


@pytest.mark.parametrize("playbook", PLAYBOOKS[:1] + PLAYBOOKS[2:])
def test_their_lawyers_before_the_ladders_meeting_get_one_instruction_for_the_reply(
    playbook, tmp_path, monkeypatch
):
    texts = drafts(playbook, _claim_before_the_ladder(), tmp_path, monkeypatch, SATURDAY)
    decided = _decided(texts)
    assert "**Take legal advice**" in decided, decided
    assert "Offer mediation in our reply" not in decided
    assert "propose the meeting the contract's dispute clause names next" in decided
    # Once that meeting has failed, the reply may offer mediation again.
    held = drafts(
        playbook, _claim_before_the_ladder(senior_talks_done=True), tmp_path, monkeypatch, SATURDAY
    )
    assert "propose the meeting the contract's dispute clause names next" not in _decided(held)
