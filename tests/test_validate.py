"""Validation names the file, the line and the key, for every class of mistake."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from triage.engine.errors import PlaybookInvalid
from triage.engine.playbook import load_playbook
from triage.engine.validate import check_playbook

HEADER = """\
format = 1
title = "T"
summary = "S"
version = "1"
"""

STAGE = """
[[stages]]
id = "intake"
title = "Intake"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who?"
"""


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    return [str(p) for p in caught.value.problems]


def test_the_fixture_playbook_is_valid(good):
    report = check_playbook(good / "mini.toml")
    assert report.problems == []
    assert report.examples == 2


def test_toml_syntax_errors_give_file_line_and_column(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + "[[stages]]\nid = \n")
    [line] = problems(path)
    assert line.startswith(f"{path}:6:")
    assert "Traceback" not in line


def test_a_wrong_kind_names_the_key_path_and_its_line(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + STAGE.replace('kind = "text"', 'kind = "txet"'))
    [line] = problems(path)
    assert f"{path}:12:1:" in line
    assert "stages[0].questions[0].kind" in line
    assert "Did you mean 'text'?" in line


def test_wrong_types_and_missing_keys_are_each_reported(tmp_path):
    body = HEADER.replace('title = "T"', "title = 3") + STAGE.replace(
        'prompt = "Who?"', "required = 'yes'"
    )
    found = problems(write(tmp_path, "p.toml", body))
    assert any("`title` must be text, not a whole number" in p for p in found)
    assert any("stages[0].questions[0] needs `prompt`" in p for p in found)
    assert any("`stages[0].questions[0].required` must be true or false" in p for p in found)


def test_unknown_keys_suggest_the_likely_one(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + STAGE + 'promt = "x"\n')
    [line] = problems(path)
    assert "`stages[0].questions[0].promt` is not a known key. Did you mean `prompt`?" in line


def test_duplicate_question_ids_are_reported(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + STAGE + STAGE.replace('id = "intake"', 'id = "more"'))
    [line] = problems(path)
    assert "Question id 'counterparty' is used twice" in line
    assert ":20:" in line


def test_conditions_that_name_a_missing_question_are_reported(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + STAGE + 'when = "countreparty == 1"\n')
    [line] = problems(path)
    assert "names 'countreparty', which is not a question" in line
    assert "Did you mean 'counterparty'?" in line


def with_rule(when: str) -> str:
    """A playbook whose one decision rule has the condition ``when``."""
    rule = '\n[decision]\ndefault = "negotiate"\nbecause = "b"\n\n[[decision.rules]]\nid = "r"\n'
    return HEADER + STAGE + rule + f'when = "{when}"\nroute = "mediate"\nbecause = "b"\n'


def test_rules_may_not_use_scores_that_do_not_exist(tmp_path):
    [line] = problems(write(tmp_path, "p.toml", with_rule("scores.trsut < 3")))
    assert "decision.rules[0].when" in line and "scores.trsut" in line


def test_an_unknown_route_is_reported(tmp_path):
    body = HEADER + STAGE + '\n[decision]\ndefault = "sue"\nbecause = "b"\n'
    [line] = problems(write(tmp_path, "p.toml", body))
    assert "'sue' is not a route; use negotiate, mediate, legal or exit." in line


def test_a_planned_exit_is_a_route_for_defaults_and_rules(tmp_path):
    body = with_rule("true").replace('route = "mediate"', 'route = "exit"')
    body = body.replace('default = "negotiate"', 'default = "exit"')
    playbook = load_playbook(write(tmp_path, "p.toml", body))
    assert (playbook.default_route, playbook.rules[0].route) == ("exit", "exit")


def test_a_missing_include_is_reported_where_it_is_written(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + '[[stages]]\ninclude = "shared/none.toml"\n')
    [line] = problems(path)
    assert f"{path}:6:" in line and "no such file" in line


def test_circular_includes_are_reported(tmp_path):
    write(tmp_path, "shared/a.toml", '[[stages]]\ninclude = "b.toml"\n')
    write(tmp_path, "shared/b.toml", '[[stages]]\ninclude = "a.toml"\n')
    path = write(tmp_path, "p.toml", HEADER + '[[stages]]\ninclude = "shared/a.toml"\n')
    found = problems(path)
    assert any("includes itself in a circle" in p for p in found)


def test_includes_cannot_leave_the_playbook_folder(tmp_path):
    write(tmp_path, "outside.toml", STAGE)
    path = write(tmp_path, "inner/p.toml", HEADER + '[[stages]]\ninclude = "../outside.toml"\n')
    [line] = problems(path)
    assert "points outside the playbook's folder" in line


def test_errors_inside_an_included_file_name_that_file(tmp_path):
    shared = write(tmp_path, "shared/s.toml", STAGE.replace('kind = "text"', 'kind = "nope"'))
    path = write(tmp_path, "p.toml", HEADER + '[[stages]]\ninclude = "shared/s.toml"\n')
    [line] = problems(path)
    assert line.startswith(f"{shared}:8:")


def test_templates_that_do_not_compile_or_name_unknown_things(tmp_path):
    bad = write(tmp_path, "t/bad.md.j2", "Fine\n{% if %}")
    typo = write(tmp_path, "t/typo.md.j2", "Hello\n\n{{ countrparty }}")
    body = (
        HEADER
        + STAGE
        + """
[outputs.a]
file = "a.md"
template = "t/bad.md.j2"

[outputs.b]
file = "b.md"
template = "t/typo.md.j2"
"""
    )
    found = problems(write(tmp_path, "p.toml", body))
    assert any(p.startswith(f"{bad}:2:1: Template does not compile") for p in found), found
    assert any(p.startswith(f"{typo}:3:1:") and "'countrparty'" in p for p in found)


def test_examples_are_run_and_must_meet_their_expectations(good):
    (good / "examples/mini/wrong.toml").write_text(
        'counterparty = "X"\nalternatives = "easy"\ntrust_level = 5\n[expect]\nroute = "legal"\n'
    )
    report = check_playbook(good / "mini.toml")
    [problem] = report.problems
    assert "wrong.toml" in str(problem)
    assert "expected route 'legal', but the playbook recommends 'negotiate'" in str(problem)


def test_examples_with_bad_answers_are_reported(good):
    (good / "examples/mini/bad.toml").write_text('counterparty = "X"\ntrust_level = 9\n')
    report = check_playbook(good / "mini.toml")
    text = "\n".join(str(p) for p in report.problems)
    assert "'trust_level'" in text and "1 to 5" in text


def test_a_shared_stage_file_can_be_checked_on_its_own(tmp_path):
    good = write(tmp_path, "shared/ok.toml", STAGE)
    assert check_playbook(good).problems == []
    bad = write(tmp_path, "shared/bad.toml", STAGE.replace('kind = "text"', 'kind = "txt"'))
    [problem] = check_playbook(bad).problems
    assert str(problem).startswith(f"{bad}:8:1:")


def test_a_condition_that_is_only_an_unknown_name_is_caught(tmp_path):
    path = write(tmp_path, "p.toml", HEADER + STAGE + 'when = "nonexistent"\n')
    [line] = problems(path)
    assert "names 'nonexistent'" in line


def test_a_condition_that_is_only_a_missing_score_is_caught(tmp_path):
    [line] = problems(write(tmp_path, "p.toml", with_rule("scores.nope")))
    assert "scores.nope" in line


def test_a_name_set_inside_an_if_is_not_taken_for_a_missing_question(tmp_path):
    template = "{% if counterparty %}{% set each = 2 %}Talk for {{ each }} min{% endif %}\n"
    write(tmp_path, "templates/notes.md.j2", template)
    body = (
        HEADER
        + STAGE
        + '\n[outputs.notes]\nfile = "notes.md"\ntemplate = "templates/notes.md.j2"\n'
    )
    assert load_playbook(write(tmp_path, "p.toml", body)).outputs[-1].file == "notes.md"
    write(tmp_path, "templates/notes.md.j2", "{{ eahc }}\n")
    [line] = problems(tmp_path / "p.toml")
    assert "names 'eahc', which is not a question" in line
