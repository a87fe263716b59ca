"""The fourth route (a planned exit) and escalation levels raised by what must be decided."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from triage.engine.case import Case, load_case
from triage.engine.errors import PlaybookInvalid
from triage.engine.evaluate import evaluate, level_reason_lines, route_view
from triage.engine.model import ROUTE_LABELS, ROUTES
from triage.engine.playbook import load_playbook
from triage.engine.validate import check_playbook

PLAYBOOK = """\
format = 1
title = "Levels"
summary = "Escalation levels that follow from what must be decided."
version = "1"

[[levels]]
level = 1
name = "Account team"
who = "The account managers"

[[levels]]
level = 2
name = "Senior sponsors"
who = "Heads of department"
when = "renewal_at_risk"
because = "A renewal at risk needs a senior sponsor."

[[levels]]
level = 3
name = "Executive sponsors"
when = "amount and amount >= 100000 or scores.heat >= 5"
because = "Six-figure sums are for the executive sponsors."

[[stages]]
id = "intake"
title = "Intake"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who?"

[[stages.questions]]
id = "renewal_at_risk"
kind = "yesno"
prompt = "Is the renewal at risk?"

[[stages.questions]]
id = "amount"
kind = "number"
prompt = "How much is at stake?"

[[stages.questions]]
id = "leaving"
kind = "yesno"
prompt = "Are they leaving anyway?"

[[stages.questions]]
id = "heat"
kind = "scale"
prompt = "How heated is it?"
scores = { heat = 1 }

[scores.heat]
label = "Heat"
[[scores.heat.bands]]
min = 0
label = "Any"

[decision]
default = "negotiate"
level = 1
because = "Talk directly."

[[decision.rules]]
id = "leaving"
when = "leaving"
route = "exit"
level = 2
because = "They are leaving: part well."

[[decision.rules]]
id = "large"
when = "amount and amount >= 500000"
route = "legal"
level = 3
because = "Large sums: take legal advice."
"""


@pytest.fixture
def playbook(tmp_path: Path):
    path = tmp_path / "levels.toml"
    path.write_text(PLAYBOOK, encoding="utf-8")
    return load_playbook(path)


def test_the_exit_route_is_a_route_with_its_label():
    assert ROUTES == ("negotiate", "mediate", "legal", "exit")
    assert ROUTE_LABELS["exit"] == "Part well: a planned exit"


def test_a_rule_can_recommend_a_planned_exit(playbook):
    route = evaluate(playbook, {"leaving": True}).route
    assert (route.recommended, route.level) == ("exit", 2)
    assert route.alternatives == ["negotiate", "mediate", "legal"]
    view = route_view(playbook, route)
    assert view == "exit" and view["label"] == "Part well: a planned exit"


def test_without_raising_conditions_the_rule_level_stands(playbook):
    route = evaluate(playbook, {"counterparty": "Acme"}).route
    assert (route.recommended, route.level, route.level_reasons) == ("negotiate", 1, [])


def test_a_level_condition_raises_the_level_and_says_why(playbook):
    route = evaluate(playbook, {"renewal_at_risk": True}).route
    assert (route.recommended, route.level) == ("negotiate", 2)
    assert route.level_reasons == ["A renewal at risk needs a senior sponsor."]
    view = route_view(playbook, route)
    assert view["level_name"] == "Senior sponsors"
    assert view["level_reasons"] == ["A renewal at risk needs a senior sponsor."]
    assert level_reason_lines(playbook, route) == [
        "Level 2 (Senior sponsors) because: A renewal at risk needs a senior sponsor."
    ]


def test_the_highest_level_that_holds_wins(playbook):
    route = evaluate(playbook, {"renewal_at_risk": True, "amount": 150000}).route
    assert route.level == 3
    assert route.level_reasons == ["Six-figure sums are for the executive sponsors."]


def test_level_conditions_can_read_scores(playbook):
    route = evaluate(playbook, {"heat": 5}).route
    assert route.level == 3


def test_a_level_at_or_below_the_rule_level_changes_nothing(playbook):
    exit_route = evaluate(playbook, {"leaving": True, "renewal_at_risk": True}).route
    assert (exit_route.level, exit_route.level_reasons) == (2, [])
    legal = evaluate(playbook, {"amount": 600000, "renewal_at_risk": True}).route
    assert (legal.recommended, legal.level, legal.level_reasons) == ("legal", 3, [])


def test_an_override_is_raised_the_same_way(playbook):
    answers = {"renewal_at_risk": True}
    mediate = evaluate(playbook, answers, override=("mediate", "They asked")).route
    assert (mediate.chosen, mediate.level) == ("mediate", 2)  # default level 1, raised to 2
    assert mediate.level_reasons == ["A renewal at risk needs a senior sponsor."]
    legal = evaluate(playbook, answers, override=("legal", "Counsel asked")).route
    assert (legal.chosen, legal.level, legal.level_reasons) == ("legal", 3, [])
    leaving = evaluate(playbook, answers, override=("exit", "Not worth it")).route
    assert (leaving.chosen, leaving.level, leaving.level_reasons) == ("exit", 2, [])


def test_a_case_can_override_to_a_planned_exit_and_keep_it(playbook, tmp_path):
    case = Case.new(playbook, {"counterparty": "Acme"})
    case.set_override("exit", "The account costs more than it brings")
    path = case.save(tmp_path / "case" / "case.toml", evaluate(playbook, case.answers))
    loaded = load_case(path)
    assert (loaded.override_route, loaded.override_reason) == (
        "exit",
        "The account costs more than it brings",
    )
    route = evaluate(playbook, loaded.answers, loaded.override).route
    assert route.chosen == "exit" and route.overridden


def test_an_unknown_route_names_all_four(playbook):
    case = Case.new(playbook)
    with pytest.raises(ValueError, match="use negotiate, mediate, legal or exit"):
        case.set_override("sue", "x")


def test_a_level_with_a_condition_but_no_reason_is_refused(tmp_path):
    body = PLAYBOOK.replace('because = "A renewal at risk needs a senior sponsor."\n', "")
    path = tmp_path / "p.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{path}:11:1:")
    assert "levels[1] has `when`, so it needs `because`" in problem


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("renewl", "`levels[1].when` names 'renewl', which is not a question"),
        ("route == 'exit'", "`route` is not available in level conditions"),
        ("scores.hat > 1", "uses scores.hat, but no score 'hat' is defined"),
    ],
)
def test_level_conditions_are_checked_like_rule_conditions(tmp_path, when, expected):
    path = tmp_path / "p.toml"
    body = PLAYBOOK.replace('when = "renewal_at_risk"', f'when = "{when}"')
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert expected in problem and problem.startswith(f"{path}:15:1:")


def test_level_numbers_must_be_unique(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(PLAYBOOK.replace("level = 3\n", "level = 2\n", 1), encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert "`levels[2].level` = 2 is used twice." in problem


def test_examples_can_expect_an_exit_and_a_level(tmp_path):
    (tmp_path / "levels.toml").write_text(PLAYBOOK, encoding="utf-8")
    examples = tmp_path / "examples" / "levels"
    examples.mkdir(parents=True)
    write = lambda name, text: (examples / name).write_text(textwrap.dedent(text))  # noqa: E731
    write("leaving.toml", 'leaving = true\n\n[expect]\nroute = "exit"\nlevel = 2\n')
    write("renewal.toml", 'renewal_at_risk = true\n\n[expect]\nroute = "negotiate"\nlevel = 1\n')
    write("typo.toml", 'leaving = true\n\n[expect]\nroute = "exti"\nlevle = 2\n')
    write("text.toml", 'leaving = true\n\n[expect]\nlevel = "2"\n')
    report = check_playbook(tmp_path / "levels.toml")
    found = sorted(str(p) for p in report.problems)
    assert report.examples == 4
    assert found == [
        f"{examples / 'renewal.toml'}:5:1: expected level 1, but the playbook recommends "
        "'negotiate' at level 2, because: A renewal at risk needs a senior sponsor.",
        f"{examples / 'text.toml'}:4:1: `expect.level` must be a whole number.",
        f"{examples / 'typo.toml'}:4:1: `expect.route` = 'exti' is not a route; use "
        "negotiate, mediate, legal or exit.",
        f"{examples / 'typo.toml'}:5:1: `expect.levle` is not a known key; use route, level "
        "or bands. Did you mean `level`?",
    ]


# -- the built-in playbooks: levels in proportion to what is decided -------------------

BUILTIN = Path(__file__).resolve().parent.parent / "playbooks"


def _builtin(playbook_id: str, answers: dict) -> tuple[str, int | None]:
    route = evaluate(load_playbook(BUILTIN / f"{playbook_id}.toml"), answers).route
    return route.chosen, route.level


def test_a_credit_smaller_than_a_mediators_fee_stays_with_the_contract_owners():
    answers = {"options_considered": ["price", "credit"], "money": "they_owe"}
    assert _builtin("contract-terms-dispute", {**answers, "stake_vs_fee": "smaller"})[1] == 1
    assert _builtin("contract-terms-dispute", {**answers, "stake_vs_fee": "larger"})[1] == 2


def test_a_renewal_risk_only_suspected_is_tested_by_the_account_team_first():
    suspected = {"renewal_at_risk": True, "trust_today": 3, "emotions": "tense"}
    assert _builtin("client-communication-breakdown", suspected)[1] == 1
    known = {**suspected, "annual_value": 40000}
    assert _builtin("client-communication-breakdown", known)[1] == 2
    voiced = {**suspected, "red_flags": ["threats"]}
    assert _builtin("client-communication-breakdown", voiced)[1] == 2


@pytest.mark.parametrize(
    ("playbook_id", "top"),
    [
        ("salvage-relationship", 3),
        ("contract-terms-dispute", 3),
        ("client-communication-breakdown", 3),
        ("partner-dispute", 4),
    ],
)
def test_a_claim_from_their_lawyers_on_a_relationship_worth_keeping_goes_to_mediation(
    playbook_id, top
):
    claim = {
        "red_flags": ["lawyers", "letter_of_claim"],
        "formal_from": "them",
        "direct_talks_failed": True,
        "worth_salvaging": "yes",
        "fault": "both",
        "mediation_open": "maybe",
        "stake_vs_fee": "larger",
    }
    assert _builtin(playbook_id, claim) == ("mediate", top)
    assert _builtin(playbook_id, {**claim, "mediation_open": "no"})[0] == "legal"
    assert _builtin(playbook_id, {**claim, "worth_salvaging": "unsure"})[0] == "legal"


@pytest.mark.parametrize(
    "playbook_id",
    ["salvage-relationship", "contract-terms-dispute", "client-communication-breakdown"],
)
def test_trust_gone_after_failed_talks_is_for_a_mediator_unless_our_own_people_are_the_heat(
    playbook_id,
):
    gone = {
        "direct_talks_failed": True,
        "trust_today": 1,
        "emotions": "high",
        "heat_source": "theirs",
        "worth_salvaging": "yes",
        "stake_vs_fee": "larger",
        "red_flags": ["deadline"],
        "money": "both",
    }
    assert _builtin(playbook_id, gone) == ("mediate", 3)
    ours = {**gone, "heat_source": "both", "heat_who": "director"}
    assert _builtin(playbook_id, ours)[0] == "negotiate"
