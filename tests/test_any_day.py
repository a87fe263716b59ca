"""A clock that does not stop for the weekend: an action marked any_day keeps its date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.test_action_dates import PLAYBOOK, table
from triage.engine.answersfile import read_answers
from triage.engine.case import Case
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import context


def test_an_any_day_action_keeps_its_weekend_date_and_others_still_move(tmp_path, fixed_now):
    # fixed clock: Monday 2 March 2026, so 5 days later is Saturday 7 March
    text = PLAYBOOK.replace(
        'what = "Chase the signature"\nowner = "Jo"\ndue_days = 5\n',
        'what = "Chase the signature"\nowner = "Jo"\ndue_days = 5\n\n'
        '[[actions]]\nwhat = "Report it"\nowner = "Jo"\ndue_days = 5\nany_day = true\n',
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    found = {w: d for w, d, _ in table(load_playbook(path), {"counterparty": "Acme"})}
    assert found["Report it"] == "2026-03-07"  # Saturday, kept
    assert found["Chase the signature"] == "2026-03-09"  # Saturday moved to Monday


def test_any_day_must_be_true_or_false(tmp_path):
    import pytest

    from triage.engine.errors import PlaybookInvalid

    text = PLAYBOOK.replace(
        'what = "Keep an eye on it"\n', 'what = "Keep an eye on it"\nany_day = "yes"\n'
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlaybookInvalid, match="any_day` must be true or false"):
        load_playbook(path)


def test_a_data_breach_found_on_a_saturday_is_checked_that_day(monkeypatch):
    # The reporting window (as short as 72 hours) runs through the weekend.
    from triage.engine import case as case_module

    saturday = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(case_module, "now", lambda: saturday)
    path = builtin_dir() / "partner-dispute.toml"
    playbook = load_playbook(path)
    example = Path(builtin_dir()) / "examples" / "partner-dispute" / "processor-data-breach.toml"
    answers = read_answers(example, playbook).answers
    case = Case.new(playbook, answers)
    rows = context(playbook, case, evaluate(playbook, case.answers))["actions"]
    breach = [r for r in rows if "must be reported" in r["what"]]
    assert breach and breach[0]["due"] == "2026-12-05"
    assert rows[0] is breach[0] or rows[0]["due"] == "2026-12-05"
