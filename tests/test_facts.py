"""Named facts (`[facts]`) and extra level conditions (`[[levels.raises]]`), as an author
writing a playbook by hand and a manager reading its advice would meet them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from triage.engine.case import Case
from triage.engine.errors import PlaybookInvalid
from triage.engine.evaluate import evaluate
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case
from triage.engine.validate import check_playbook

HEAD = """\
format = 1
title = "Facts"
summary = "Named facts read by rules, actions and templates."
version = "1"

[[levels]]
level = 1
name = "Account team"

[[levels]]
level = 2
name = "Senior sponsors"
when = "renewal_at_risk"
because = "A renewal at risk needs a senior sponsor."

[[levels.raises]]
when = "heat_who == 'manager'"
because = "One of our managers lost their temper."

[[levels]]
level = 3
name = "Executives"

[[levels.raises]]
when = "heat_who == 'director'"
because = "One of our directors caused the heat."

[[stages]]
id = "intake"
title = "Intake"

[[stages.questions]]
id = "red_flags"
kind = "multi"
prompt = "Red flags?"
options = [{ value = "lawyers", label = "Lawyers" }, { value = "claim", label = "A claim" }]

[[stages.questions]]
id = "renewal_at_risk"
kind = "yesno"
prompt = "Is the renewal at risk?"

[[stages.questions]]
id = "heat_who"
kind = "choice"
prompt = "Who is heated?"
options = [{ value = "manager", label = "A manager" }, { value = "director", label = "A director" }]
"""

FACTS = """
[facts]
formal = "red_flags and ('lawyers' in red_flags or 'claim' in red_flags)"
careful = "route == 'legal' or formal"
first_step = "today | add_days(3 if careful else 1)"

[decision]
default = "negotiate"
level = 1
because = "Talk directly."

[[decision.rules]]
id = "formal"
when = "formal"
route = "legal"
level = 3
because = "Lawyers or a claim."

[[actions]]
what = "{{ 'Have the lawyer read the email' if careful else 'Send the email' }}"
owner = "Sam"
due = "first_step"
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    return load_playbook(path)


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_playbook(path)
    except PlaybookInvalid as exc:
        return [p.message for p in exc.problems]
    return []


def test_a_rule_reads_a_fact_by_name(tmp_path):
    playbook = _load(tmp_path, HEAD + FACTS)
    assert evaluate(playbook, {"red_flags": ["claim"]}).route.recommended == "legal"
    assert evaluate(playbook, {"red_flags": []}).route.recommended == "negotiate"
    assert evaluate(playbook, {"red_flags": ["lawyers"]}).facts == {"formal": True}


def test_actions_read_facts_that_depend_on_the_route_and_the_date(tmp_path, fixed_now):
    playbook = _load(tmp_path, HEAD + FACTS)
    case = Case.new(playbook, {"red_flags": ["claim"]})
    rows = render_case(playbook, case)["actions.csv"].decode("utf-8-sig").splitlines()
    due = case.date + dt.timedelta(days=3)
    assert rows[1].startswith(f"Have the lawyer read the email,Sam,{due.isoformat()}")
    calm = Case.new(playbook, {"red_flags": []})
    assert (
        render_case(playbook, calm)["actions.csv"]
        .decode()
        .splitlines()[1]
        .startswith("Send the email,Sam,")
    )


def test_a_rule_cannot_read_a_fact_that_needs_the_route(tmp_path):
    text = (HEAD + FACTS).replace('when = "formal"\nroute', 'when = "careful"\nroute')
    problems = _problems(tmp_path, text)
    assert any(
        "names fact 'careful', which reads the route or the date, so decision rules cannot use it"
        in p
        for p in problems
    ), problems


def test_a_fact_may_only_read_facts_above_it(tmp_path):
    text = (HEAD + FACTS).replace(
        "formal = \"red_flags and ('lawyers' in red_flags or 'claim' in red_flags)\"",
        "formal = \"red_flags and ('lawyers' in red_flags or 'claim' in red_flags) or late\"\n"
        'late = "false"',
    )
    problems = _problems(tmp_path, text)
    assert any("names fact 'late', which is defined below it; move it up" in p for p in problems)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("renewal_at_risk", "Fact name 'renewal_at_risk' is a question id; choose another."),
        ("route", "Fact name 'route' is reserved; choose another."),
        ("Formal", "Fact name 'Formal' must start with a lowercase letter"),
    ],
)
def test_a_fact_name_must_be_free_and_well_formed(tmp_path, name, expected):
    text = (HEAD + FACTS).replace("[facts]\n", f'[facts]\n{name} = "true"\n')
    problems = _problems(tmp_path, text)
    assert any(expected in p for p in problems), problems


def test_a_misspelled_name_inside_a_fact_is_reported_at_the_fact(tmp_path):
    text = (HEAD + FACTS).replace("'claim' in red_flags)\"", "'claim' in red_flag)\"")
    problems = _problems(tmp_path, text)
    assert any("`facts.formal` names 'red_flag'" in p and "red_flags" in p for p in problems)


def test_an_unused_fact_is_a_warning(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text((HEAD + FACTS).replace("[facts]\n", '[facts]\nspare = "true"\n'))
    warnings = [p.message for p in check_playbook(path, strict=True).warnings]
    assert "Fact 'spare' is not used by any rule, action, output or template." in warnings


def test_each_raise_gives_only_its_own_reason(tmp_path):
    playbook = _load(tmp_path, HEAD + FACTS)
    route = evaluate(playbook, {"heat_who": "manager"}).route
    assert (route.level, route.level_reasons) == (2, ["One of our managers lost their temper."])
    route = evaluate(playbook, {"renewal_at_risk": True}).route
    assert route.level_reasons == ["A renewal at risk needs a senior sponsor."]
    both = evaluate(playbook, {"renewal_at_risk": True, "heat_who": "manager"}).route
    assert both.level == 2 and len(both.level_reasons) == 2
    route = evaluate(playbook, {"heat_who": "director", "renewal_at_risk": True}).route
    assert (route.level, route.level_reasons) == (3, ["One of our directors caused the heat."])


def test_a_raise_without_a_reason_is_refused_at_its_place(tmp_path):
    text = (HEAD + FACTS).replace('because = "One of our directors caused the heat."\n', "")
    problems = _problems(tmp_path, text)
    assert any("levels[2].raises[0] has `when`, so it needs `because`" in p for p in problems)


# How long the dispute has run (`since`) sets how long a negotiation gets before it goes one
# level up, when no time box was chosen: a fresh dispute and one that has run for months both
# get two weeks, anything between three. The case date is the fixed clock's, 2 March 2026.
@pytest.mark.parametrize(
    ("days_ago", "box", "says"),
    [(5, 14, "only days old"), (40, 21, ""), (120, 14, "this attempt gets two weeks")],
)
def test_how_long_it_has_run_sets_the_time_box(fixed_now, days_ago, box, says):
    from triage.engine.answersfile import read_answers
    from triage.engine.library import builtin_dir

    playbook = load_playbook(builtin_dir() / "client-communication-breakdown.toml")
    example = builtin_dir() / "examples/client-communication-breakdown/slow-helpdesk-negotiate.toml"
    case = read_answers(example, playbook)
    today = fixed_now.date()
    case.answers["since"] = today - dt.timedelta(days=days_ago)
    case.answers.pop("time_box_days", None)
    files = render_case(playbook, case, evaluate(playbook, case.answers))
    rows = [r for r in files["actions.csv"].decode("utf-8-sig").splitlines() if "not settled" in r]
    assert len(rows) == 1
    due = dt.date.fromisoformat(rows[0].split(",")[-3])
    assert today + dt.timedelta(days=box) <= due <= today + dt.timedelta(days=box + 3)
    assert (says in rows[0]) if says else ("days old" not in rows[0] and "two weeks" not in rows[0])
