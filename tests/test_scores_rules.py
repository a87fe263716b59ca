"""Scores, bands and decision rules: what a user sees as the recommendation."""

from __future__ import annotations

from triage.engine.evaluate import evaluate
from triage.engine.playbook import load_playbook


def mini(good):
    return load_playbook(good / "mini.toml")


def test_option_and_yesno_weights_add_up_with_reasons(good):
    playbook = mini(good)
    result = evaluate(playbook, {"strategic": True, "alternatives": "hard", "trust_level": 4})
    value = result.scores["value"]
    assert value.value == 5
    assert value.band == "High"
    assert [d.points for d in value.drivers] == [3, 2]
    assert "Is the account strategic?" in value.drivers[0].reason


def test_scale_answers_multiply_their_weight_and_options_subtract(good):
    result = evaluate(mini(good), {"trust_level": 3, "emotions": ["anger", "fear"]})
    assert result.scores["trust"].value == 2
    assert result.scores["trust"].band == "Eroded"


def test_adjustments_add_points_with_their_own_reason(good):
    result = evaluate(mini(good), {"annual_value": 250000, "alternatives": "hard"})
    drivers = result.scores["value"].drivers
    assert drivers[-1].reason == "Worth more than 100,000 a year."
    assert result.scores["value"].value == 4


def test_a_value_below_every_band_falls_in_the_lowest(good):
    result = evaluate(mini(good), {"alternatives": "easy"})
    assert result.scores["value"].value == -2
    assert result.scores["value"].band == "Low"


def test_first_matching_rule_decides_and_later_ones_are_listed(good):
    answers = {"alternatives": "hard", "strategic": True, "breach_alleged": True, "trust_level": 1}
    route = evaluate(mini(good), answers).route
    assert route.recommended == "legal"
    assert route.level == 2
    assert [f.id for f in route.fired] == ["legal_breach", "low_trust"]
    assert route.alternatives == ["negotiate", "mediate", "exit"]


def test_default_route_when_no_rule_holds(good):
    route = evaluate(mini(good), {"alternatives": "easy", "trust_level": 5}).route
    assert (route.recommended, route.level) == ("negotiate", 1)
    assert route.because == "Nothing points away from talking directly."
    assert route.fired == []


def test_an_override_keeps_the_recommendation_and_the_reason(good):
    route = evaluate(
        mini(good), {"trust_level": 5}, override=("mediate", "They asked for it")
    ).route
    assert route.recommended == "negotiate"
    assert route.chosen == "mediate"
    assert route.overridden
    assert route.override_reason == "They asked for it"


def test_stage_and_question_conditions_follow_earlier_answers(good):
    playbook = mini(good)
    easy = evaluate(
        playbook, {"alternatives": "easy", "breach_alleged": True, "breach_detail": "x"}
    )
    legal = easy.stage("legal")
    assert legal is not None and not legal.applies
    assert easy.values["breach_alleged"] is None  # answers of skipped stages do not count
    hard = evaluate(playbook, {"alternatives": "hard", "breach_alleged": True})
    detail = hard.stage("legal").questions[1]
    assert detail.applies and detail.missing


def test_answers_to_questions_that_no_longer_apply_are_kept(good):
    result = evaluate(mini(good), {"alternatives": "easy", "breach_alleged": True})
    state = result.stage("legal").questions[0]
    assert state.value is True and not state.applies


def test_an_overridden_route_takes_the_level_that_route_implies(good):
    route = evaluate(mini(good), {"trust_level": 5}, override=("legal", "Counsel asked")).route
    assert (route.recommended, route.chosen, route.level) == ("negotiate", "legal", 2)


def test_a_score_no_answer_has_fed_is_not_assessed_and_moves_no_rule(good):
    result = evaluate(mini(good), {"counterparty": "A"})
    trust = result.scores["trust"]
    assert not trust.assessed and trust.band == "Not assessed yet"
    assert result.route.recommended == "negotiate"  # 'scores.trust < 3' does not hold on nothing
    answered = evaluate(mini(good), {"counterparty": "A", "trust_level": 1})
    assert answered.scores["trust"].assessed and answered.route.recommended == "mediate"
