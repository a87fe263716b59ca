"""When we own the business and nobody sits above us, the plan does not send us to a
leadership team or tell us to put someone senior beside ourselves."""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

CASE = "salvage-relationship/owner-run-studio-late-artwork"


def test_an_owner_is_not_sent_to_a_leadership_team(tmp_path, monkeypatch):
    answers = example(CASE)
    answers["wider_problem"] = "we never warn clients when a deadline is at risk"
    answers["annual_value"] = 150000
    answers["strategic_value"] = "core"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    assert "to the leadership team" not in plan
    assert "Put someone senior beside the relationship owner" not in plan
    assert "Worth serious effort: give it your own time this week." in plan
    assert "fix the wider problem this exposed in how we work" in texts["actions.csv"]
    # A company with people above the lead keeps both.
    answers["nobody_above"] = False
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Take the wider problem this exposed to the leadership team" in texts["actions.csv"]
