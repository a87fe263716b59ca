"""The plan's first screen agrees with the ledger the manager typed: when the ledger records a
decision taken above the route's level (the board chose the exit), the plan does not say the
matter was "decided at level 3"; it is carried out at that level, under the ledger's decision."""

from __future__ import annotations

import datetime as dt

import pytest
from test_reader_needs import SATURDAY, drafts, example


def _first_screen(name: str, ledger: list[dict], tmp_path, monkeypatch) -> str:
    answers = example(name)
    answers["past_decisions"] = ledger
    plan = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    return plan.split("### Next three actions")[0]


ABOVE = [
    # a Maltese alliance: the board chose the exit before the sponsors meet
    (
        "partner-dispute/marginal-alliance-mutual-end",
        {
            "date": dt.date(2026, 12, 3),
            "decision": "Plan a mutual exit rather than fight the acquisition",
            "decided_by": "CEO Maria Vella and board",
            "level": 4,
            "rationale": "Basis of the alliance is gone",
        },
        "CEO Maria Vella and board, 3 December 2026: plan a mutual exit",
    ),
    # a reseller in Ohio: the executive committee already capped the commission
    (
        "partner-dispute/reseller-commission-negotiate",
        {
            "date": dt.date(2026, 11, 30),
            "decision": "Commission on disputed deals capped at 6%",
            "decided_by": "Executive committee",
            "level": 4,
            "rationale": "",
        },
        "Executive committee, 30 November 2026: commission on disputed deals capped at 6%",
    ),
]


@pytest.mark.parametrize(("name", "row", "said"), ABOVE)
def test_a_decision_above_the_route_is_not_said_to_be_lower(name, row, said, tmp_path, monkeypatch):
    screen = _first_screen(name, [row], tmp_path, monkeypatch)
    assert ", decided at level" not in screen, screen
    assert "carried out at level" in screen
    assert f"under the decision your ledger records at level 4 ({said}" in screen, screen


def test_a_name_that_opens_the_decision_keeps_its_capital(tmp_path, monkeypatch):
    row = {
        "date": dt.date(2026, 12, 4),
        "decision": "Efua takes over the relationship",
        "decided_by": "Kwabena and the board chair",
        "level": 4,
    }
    screen = _first_screen(
        "partner-dispute/reseller-commission-negotiate", [row], tmp_path, monkeypatch
    )
    assert "4 December 2026: Efua takes over the relationship)" in screen, screen


def test_a_decision_at_or_below_the_route_leaves_it_as_decided(tmp_path, monkeypatch):
    name = "partner-dispute/reseller-commission-negotiate"
    row = {"date": dt.date(2026, 11, 30), "decision": "Hold Q4 rebates", "level": 1}
    screen = _first_screen(name, [row], tmp_path, monkeypatch)
    assert ", decided at level" in screen and "your ledger records" not in screen, screen
