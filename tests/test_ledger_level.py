"""The decision ledger's history sets a floor on the level.

A blind mediator keyed a reseller's commission claim at the top with lawyers: our own ledger
showed the claim already rejected through our attorneys at level 4, and their lawyers were
still writing. The tool said level 3 because the sum was under a quarter of the year's value.
A decision already taken at the top, through the lawyers, is not taken again lower down.
"""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

CASE = "partner-dispute/chain-claim-contaminated-flour"


def _first(answers, tmp_path, monkeypatch) -> str:
    plan = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    return plan.split("### Next three actions")[0]


def test_a_claim_already_answered_through_our_lawyers_stays_at_the_top(tmp_path, monkeypatch):
    answers = example(CASE)
    assert "at level 4" not in _first(answers, tmp_path, monkeypatch)
    answers["past_decisions"] = [
        {
            "date": "2026-11-20",
            "decision": "Claim rejected in a letter from our solicitors",
            "decided_by": "Renata Oliveira, CEO",
            "level": 4,
            "rationale": "Advice from counsel",
        }
    ]
    first = _first(answers, tmp_path, monkeypatch)
    assert "at level 4" in first
    assert "already decided at the top, through the lawyers" in first


def test_a_top_level_decision_without_lawyers_does_not_raise_it(tmp_path, monkeypatch):
    answers = example(CASE)
    answers["past_decisions"] = [
        {
            "date": "2026-11-20",
            "decision": "Hold the November invoices",
            "decided_by": "Renata Oliveira, CEO",
            "level": 4,
            "rationale": "Anger over missed cut-offs",
        }
    ]
    # The route stays below the top ("at level 4:" would be the route's own level); the first
    # line may still name the CEO's decision the ledger records at level 4, under which it is
    # carried out.
    first = _first(answers, tmp_path, monkeypatch)
    assert "at level 4:" not in first
    assert "under the decision your ledger records at level 4" in first
