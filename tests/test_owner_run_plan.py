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


def test_ending_a_tiny_account_needs_our_terms_re_read_not_a_lawyer(tmp_path, monkeypatch):
    case = "client-communication-breakdown/small-retainer-exit-after-failed-reset"
    answers = example(case)
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "re-read our terms with them for the notice period" in steps
    assert "our lawyer" not in steps.lower()
    # The same ending on an account that matters is checked with our lawyer.
    answers["strategic_value"] = "important"
    answers["stake_vs_fee"] = "larger"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "check with our lawyer what the contract requires to end it" in texts["actions.csv"]


def test_with_nobody_named_on_their_side_the_plan_asks_who_we_will_speak_to(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/sparse-answers")
    answers.pop("their_contact", None)
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "you will speak to" in steps and "your usual contact" in steps
    assert "switchboard" not in steps


def test_an_owner_who_takes_over_after_our_director_insulted_them_decides_at_the_top(
    tmp_path, monkeypatch
):
    """A blind mediator keyed the owner-CEO who apologises for her director's insulting email
    to a core client at level 3, and owners chasing a debt from a client short of cash at
    level 2: what must be decided sets the level, and the owner is the one who decides it."""
    answers = example(CASE)
    answers |= {
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "repair_effort": "moderate",
        "fault": "both",
        "trust_today": 2,
        "emotions": "high",
        "heat_source": "ours",
        "heat_who": "director",
        "new_lead": "Mirela Kovac, managing director",
    }
    plan = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    first = plan.split("### Next three actions")[0]
    assert "decided at level 3" in first
    assert "(you: you run the business, and nobody sits above you)" in first
    assert "A director on our side" not in first
    # With nobody heated on our side, the same owner keeps it at the first level.
    for key in ("heat_source", "heat_who", "new_lead"):
        answers.pop(key)
    answers["emotions"] = "calm"
    plan = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "decided at level 1" in plan.split("### Next three actions")[0]
