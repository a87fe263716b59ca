"""What the app and the prompts both say about a case's route and scores, from one place."""

from __future__ import annotations

from triage.engine.explain import explain_route, score_line
from triage.engine.playbook import load_playbook
from triage.engine.session import Session


def start(good) -> Session:
    session = Session.start(load_playbook(good / "mini.toml"))
    session.answer_text("counterparty", "A")
    return session


def test_a_recommendation_says_why_which_rule_decided_and_what_else_there_is(good):
    session = start(good)
    session.answer("trust_level", 1)  # low trust: the mini playbook says mediate
    shown = explain_route(session)
    assert shown.recommended == "Bring in a mediator" and not shown.chosen
    assert shown.why and shown.rules and shown.rules[0].label == "Bring in a mediator"
    assert "Bring in a mediator" not in shown.alternatives and len(shown.alternatives) == 3
    assert shown.decision == "" and not shown.superseded


def test_a_chosen_route_is_shown_with_its_reason_and_the_recommendation_becomes_an_alternative(
    good,
):
    session = start(good)
    session.answer("trust_level", 5)
    recommended = explain_route(session).recommended
    session.override("mediate", "They asked for a neutral chair.")
    shown = explain_route(session)
    assert (
        shown.chosen == "Bring in a mediator"
        and shown.chosen_because == "They asked for a neutral chair."
    )
    assert recommended in shown.alternatives and "Bring in a mediator" not in shown.alternatives


def test_an_acceptance_the_answers_no_longer_support_is_said_in_one_sentence(good):
    session = start(good)
    session.answer("trust_level", 5)
    session.accept_route()
    assert explain_route(session).decision.startswith("You accepted this route on ")
    session.answer("trust_level", 1)
    shown = explain_route(session)
    assert shown.superseded and "now lead to Bring in a mediator" in shown.decision


def test_missing_required_answers_are_counted_in_words(good):
    session = Session.start(load_playbook(good / "mini.toml"))
    missing = explain_route(session).missing
    assert missing.endswith("still missing; the recommendation may change.")
    assert missing.split()[0].isdigit()


def test_a_score_reads_as_one_line_with_numbers_as_people_write_them():
    from triage.engine.evaluate import ScoreState

    whole = ScoreState("value", "Relationship value", 7.0, "High", "Worth a senior call.")
    half = ScoreState("trust", "Trust", 2.5, "Low", "")
    assert score_line(whole) == "Relationship value 7 (High). Worth a senior call."
    assert score_line(half) == "Trust 2.5 (Low)."
