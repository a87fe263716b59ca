"""`triage validate --strict`: unused questions and conditions that can never hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from triage.engine.playbook import load_playbook
from triage.engine.strict import strict_warnings

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "good" / "mini.toml"

HEAD = """format = 1
title = "T"
summary = "S"
version = "1"
"""


def warnings_for(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "book.toml"
    path.write_text(HEAD + body)
    return [str(w) for w in strict_warnings(load_playbook(path))]


def test_mini_fixture_flags_only_the_questions_nothing_uses() -> None:
    found = [str(w) for w in strict_warnings(load_playbook(MINI))]
    unused = [w for w in found if "is not used" in w]
    assert len(unused) == 2, found
    assert "'since'" in unused[0] and "intake.toml:" in unused[0]  # in the included stage file
    assert "'breach_detail'" in unused[1] and "mini.toml:90:" in unused[1]
    # and its one standard action has no id, so a rewording would detach its saved marks
    assert len(found) == 3 and "This action has no `id`" in found[2], found


def test_a_question_is_used_by_conditions_templates_scores_and_actions(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "one"
title = "One"
[[stages.questions]]
id = "by_when"
kind = "yesno"
prompt = "a"
[[stages.questions]]
id = "by_rule"
kind = "number"
prompt = "b"
[[stages.questions]]
id = "by_score"
kind = "yesno"
prompt = "c"
scores = { s = 1 }
[[stages.questions]]
id = "by_action"
kind = "text"
prompt = "d"
[[stages.questions]]
id = "by_label"
kind = "choice"
prompt = "e"
[[stages.questions.options]]
value = "x"
label = "X"
[[stages.questions]]
id = "guarded"
kind = "text"
prompt = "f"
when = "by_when"
[[stages.questions]]
id = "nobody"
kind = "text"
prompt = "g"

[scores.s]
label = "S"
[[scores.s.bands]]
label = "Any"

[decision]
default = "negotiate"
because = "b"
[[decision.rules]]
id = "big"
when = "by_rule and by_rule > 5 and guarded"
route = "mediate"
because = "b"

[[actions]]
id = "call"
what = "Call {{ by_action }} about {{ labels.by_label }}"
"""
    found = warnings_for(tmp_path, body)
    assert len(found) == 1, found
    assert "'nobody'" in found[0] and "book.toml:39:" in found[0]


def test_stage_and_question_conditions_that_contradict(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "first"
title = "First"
[[stages.questions]]
id = "kind_of"
kind = "choice"
prompt = "Which?"
[[stages.questions.options]]
value = "a"
label = "A"
[[stages.questions.options]]
value = "b"
label = "B"

[[stages]]
id = "second"
title = "Second"
when = "kind_of == 'a'"
[[stages.questions]]
id = "never"
kind = "text"
prompt = "Never asked"
when = "kind_of == 'b'"
[[stages.questions]]
id = "also_never"
kind = "text"
prompt = "Never either"
when = "kind_of != 'a' and never"

[[stages]]
id = "third"
title = "Third"
when = "kind_of and not kind_of"

[[actions]]
id = "never"
what = "{{ never }} {{ also_never }}"
"""
    found = warnings_for(tmp_path, body)
    never = [w for w in found if "stages[1].questions[0].when" in w]
    assert never and "together with its stage's condition" in never[0]
    assert "kind_of == 'a'" in never[0] and "kind_of == 'b'" in never[0]
    assert any("stages[1].questions[1].when" in w and "never hold" in w for w in found)
    assert any("stages[2].when" in w and "the stage never applies" in w for w in found)


def test_conditions_reading_answers_not_given_yet(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "first"
title = "First"
when = "later_answer"
[[stages.questions]]
id = "early"
kind = "yesno"
prompt = "Early?"
when = "early or next_one"
[[stages.questions]]
id = "next_one"
kind = "yesno"
prompt = "Next?"

[[stages]]
id = "second"
title = "Second"
[[stages.questions]]
id = "later_answer"
kind = "yesno"
prompt = "Later?"
when = "early"
"""
    found = warnings_for(tmp_path, body)
    assert any("`stages[0].when` reads 'later_answer'" in w and "later stage 'second'" in w
               for w in found), found  # fmt: skip
    assert any("reads 'early', which is only answered by this very question" in w for w in found)
    assert any("reads 'next_one', which is only answered later in stage 'first'" in w
               for w in found)  # fmt: skip
    assert not any("stages[1].questions[0].when" in w for w in found)  # `early` comes first


def test_comparing_with_an_option_that_does_not_exist(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "first"
title = "First"
[[stages.questions]]
id = "issues"
kind = "multi"
prompt = "Issues?"
[[stages.questions.options]]
value = "sla"
label = "SLA"
[[stages.questions]]
id = "detail"
kind = "text"
prompt = "Detail"
when = "'slaa' in issues"
[decision]
default = "negotiate"
because = "b"
[[decision.rules]]
id = "r"
when = "'sla' in issues and detail"
route = "mediate"
because = "b"
"""
    found = warnings_for(tmp_path, body)
    assert len(found) == 1, found
    assert "compares 'issues' with 'slaa', which is not one of its options ('sla')" in found[0]


def test_cli_prints_warnings_and_still_succeeds() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "triage", "validate", "--strict", str(MINI)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'breach_detail' is not used" in done.stdout
    assert "(warning)" in done.stdout
    assert "3 warnings" in done.stdout  # two unused questions, one unnamed action


def test_a_question_used_only_by_a_level_or_a_due_date_is_used(tmp_path: Path) -> None:
    body = """
[[levels]]
level = 1
name = "Team"
[[levels]]
level = 2
name = "Directors"
when = "renewal_at_risk"
because = "A renewal at risk is for the directors."
[[stages]]
id = "one"
title = "One"
[[stages.questions]]
id = "renewal_at_risk"
kind = "yesno"
prompt = "a"
[[stages.questions]]
id = "meeting"
kind = "date"
prompt = "b"
[[stages.questions]]
id = "nothing"
kind = "text"
prompt = "c"
[decision]
default = "exit"
because = "x"
[[actions]]
id = "meet"
what = "Meet"
due = "meeting | working_day if meeting else none"
"""
    found = warnings_for(tmp_path, body)
    assert len(found) == 1 and "'nothing'" in found[0], found


def test_actions_without_an_id_get_one_warning_at_the_first(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "one"
title = "One"
[[stages.questions]]
id = "who"
kind = "text"
prompt = "Who?"
[[actions]]
id = "call-them"
what = "Call {{ who }}"
[[actions]]
what = "Send {{ who }} the dates"
[[actions]]
from = "steps"
[[actions]]
what = "Book the room"
"""
    body = body.replace(
        '[[actions]]\nfrom = "steps"',
        '[[stages.questions]]\nid = "steps"\nkind = "list"\nprompt = "Steps"\n'
        'fields = [{ id = "what", kind = "text", prompt = "What" }]\n[[actions]]\nfrom = "steps"',
    )
    found = [w for w in warnings_for(tmp_path, body) if "no `id`" in w]
    assert len(found) == 1, found
    # the first unnamed one is pointed at; a list's rows are named by their place, not counted
    assert "2 actions have no `id` (this is the first)" in found[0]
    assert "detaches them" in found[0]
    named = body.replace('what = "Send', 'id = "send-dates"\nwhat = "Send').replace(
        'what = "Book', 'id = "book-room"\nwhat = "Book'
    )
    assert not [w for w in warnings_for(tmp_path, named) if "no `id`" in w]


def test_a_comparison_with_an_empty_answer_is_not_an_unknown_option(tmp_path: Path) -> None:
    body = """
[[stages]]
id = "one"
title = "One"
[[stages.questions]]
id = "fault"
kind = "choice"
prompt = "Whose fault?"
options = [{ value = "us", label = "Us" }, { value = "them", label = "Them" }]
[facts]
unanswered = "fault in [none, '']"
wrong = "fault == 'thme'"
[decision]
default = "negotiate"
because = "x"
[[decision.rules]]
id = "r"
when = "unanswered or wrong"
route = "mediate"
because = "y"
"""
    found = [w for w in warnings_for(tmp_path, body) if "not one of its options" in w]
    assert len(found) == 1 and "'thme'" in found[0], found
