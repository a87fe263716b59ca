"""Working days: public holidays from their rules, and due dates that skip them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from triage.engine.case import Case
from triage.engine.evaluate import evaluate
from triage.engine.filters import add_working_days, working_day
from triage.engine.holidays import CALENDARS, easter_sunday, public_holidays
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import RenderError, context, render_case

D = dt.date

# The published weekday holidays, as the governments list them (gov.uk, opm.gov and the
# German federal calendar), for two years each: the rules must reproduce them exactly.
PUBLISHED = {
    ("england_wales", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4),
                              D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
    ("england_wales", 2027): [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3),
                              D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28)],
    ("scotland", 2026): [D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 3), D(2026, 5, 4),
                         D(2026, 5, 25), D(2026, 8, 3), D(2026, 11, 30), D(2026, 12, 25),
                         D(2026, 12, 28)],
    ("scotland", 2027): [D(2027, 1, 1), D(2027, 1, 4), D(2027, 3, 26), D(2027, 5, 3),
                         D(2027, 5, 31), D(2027, 8, 2), D(2027, 11, 30), D(2027, 12, 27),
                         D(2027, 12, 28)],
    ("northern_ireland", 2026): [D(2026, 1, 1), D(2026, 3, 17), D(2026, 4, 3), D(2026, 4, 6),
                                 D(2026, 5, 4), D(2026, 5, 25), D(2026, 7, 13),
                                 D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
    ("united_states", 2026): [D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 5, 25),
                              D(2026, 6, 19), D(2026, 7, 3), D(2026, 9, 7), D(2026, 10, 12),
                              D(2026, 11, 11), D(2026, 11, 26), D(2026, 12, 25)],
    ("united_states", 2027): [D(2027, 1, 1), D(2027, 1, 18), D(2027, 2, 15), D(2027, 5, 31),
                              D(2027, 6, 18), D(2027, 7, 5), D(2027, 9, 6), D(2027, 10, 11),
                              D(2027, 11, 11), D(2027, 11, 25), D(2027, 12, 24),
                              D(2027, 12, 31)],
    ("germany", 2026): [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 1),
                        D(2026, 5, 14), D(2026, 5, 25), D(2026, 12, 25)],
    ("germany", 2027): [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 6),
                        D(2027, 5, 17)],
}  # fmt: skip


@pytest.mark.parametrize(("calendar", "year"), sorted(PUBLISHED))
def test_each_calendar_gives_the_published_weekday_holidays(calendar, year):
    weekdays = sorted(d for d in public_holidays(calendar, year) if d.weekday() < 5)
    assert weekdays == [d for d in PUBLISHED[calendar, year] if d.weekday() < 5]


def test_easter_follows_the_gregorian_tables():
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027, 2038)] == [
        D(2024, 3, 31), D(2025, 4, 20), D(2026, 4, 5), D(2027, 3, 28), D(2038, 4, 25),
    ]  # fmt: skip


def test_uk_substitute_days_follow_the_christmas_rules():
    # Christmas on a Sunday: Boxing Day on the Monday and Christmas on the Tuesday.
    assert {D(2022, 12, 26), D(2022, 12, 27)} <= public_holidays("england_wales", 2022)
    # Christmas on a Saturday: the Monday and the Tuesday.
    assert {D(2021, 12, 27), D(2021, 12, 28)} <= public_holidays("england_wales", 2021)
    # 1 January on a Saturday in Scotland: 2 January (a Sunday) is taken on Tuesday 4th.
    assert {D(2022, 1, 3), D(2022, 1, 4)} <= public_holidays("scotland", 2022)


def test_a_us_new_year_on_a_saturday_is_observed_the_friday_before():
    assert D(2021, 12, 31) in public_holidays("united_states", 2021)
    assert D(2022, 1, 1) not in {
        d for d in public_holidays("united_states", 2022) if d.weekday() < 5
    }


def test_an_unknown_calendar_is_a_key_error():
    assert set(CALENDARS) == {
        "england_wales", "scotland", "northern_ireland", "ireland", "united_states", "canada",
        "mexico", "germany", "france", "italy", "spain", "portugal", "netherlands", "belgium",
        "switzerland", "austria", "sweden", "finland", "denmark", "norway", "poland",
        "australia", "new_zealand", "south_africa",
    }  # fmt: skip
    with pytest.raises(KeyError):
        public_holidays("atlantis", 2026)


def test_working_day_filters_skip_the_days_off_they_are_given():
    christmas = [D(2026, 12, 25), D(2026, 12, 28)]
    assert working_day(D(2026, 12, 25), christmas) == D(2026, 12, 29)
    assert working_day("2026-12-26", christmas) == D(2026, 12, 29)
    assert working_day(D(2026, 12, 25)) == D(2026, 12, 25)  # without them: weekends only
    assert add_working_days(D(2026, 12, 24), 1, christmas) == D(2026, 12, 29)
    assert add_working_days(D(2026, 12, 29), -1, christmas) == D(2026, 12, 24)
    assert add_working_days(D(2026, 12, 21), 5, christmas) == D(2026, 12, 30)
    assert add_working_days(D(2026, 12, 21), 5) == D(2026, 12, 28)
    with pytest.raises(ValueError, match="list of dates"):
        add_working_days(D(2026, 12, 21), 1, "england_wales")


# -- in the built-in playbooks --------------------------------------------------------

BASE = {
    "counterparty": "Kestrel Foods",
    "their_contact": "Ana Lopes",
    "our_contact": "Sam Reid",
    "issue_title": "the December deliveries",
    "what_happened": "Two December deliveries arrived a day late and the invoices crossed.",
    "since": D(2026, 11, 20),
    "at_stake": "A steady customer.",
    "strategic_value": "useful",
    "alternatives": "some",
    "our_contribution": "We changed the route without telling them.",
    "fault": "both",
    "trust_today": 4,
    "emotions": "calm",
    "our_spoc": "Sam Reid",
    "category": "operational",
    "minimum_outcome": "A route that works for both of us.",
    "impact": 2,
    "review_days": 21,
}


def _render(answers: dict, day: dt.date, playbook_id: str = "salvage-relationship"):
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    case = Case.new(playbook, answers, case_id="holidays")
    case.created = dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=dt.UTC)
    return playbook, case, evaluate(playbook, case.answers)


def test_a_case_in_pounds_dates_nothing_on_a_bank_holiday_and_says_so():
    answers = dict(BASE, currency="GBP")
    playbook, case, evaluation = _render(answers, D(2026, 12, 7))
    ctx = context(playbook, case, evaluation)
    assert D(2026, 12, 25) in ctx["days_off"] and D(2026, 12, 28) in ctx["days_off"]
    dues = {a["due"] for a in ctx["actions"]}
    assert not dues & {"2026-12-25", "2026-12-28", "2027-01-01"}
    review = next(a for a in ctx["actions"] if a["what"].startswith("Review with"))
    assert review["due"] == "2026-12-29"  # 21 days on is Monday 28th, Boxing Day's substitute
    plan = render_case(playbook, case)["plan.md"].decode()
    assert "Dates skip weekends and public holidays in England and Wales (as GBP suggests)." in plan
    assert "**Review on 29 December 2026:**" in plan


def test_both_sides_calendars_and_closures_count_and_a_slot_on_one_is_left_out():
    answers = dict(
        BASE,
        currency="EUR",
        public_holidays=["england_wales", "germany"],
        closed_days=[{"date": D(2026, 12, 29), "note": "Works shutdown"}],
        proposed_times=[
            {"date": D(2026, 12, 28), "time": "10:00"},
            {"date": D(2026, 12, 30), "time": "10:00"},
        ],
    )
    playbook, case, _ = _render(answers, D(2026, 12, 7))
    files = render_case(playbook, case)
    body = files["reset-email.eml"].decode()
    assert "Wednesday 30 December 2026" in body and "28 December" not in body
    plan = files["plan.md"].decode()
    assert "Left out of the email as public holidays or closures: 28 December 2026." in plan
    assert (
        "Dates skip weekends, public holidays in England and Wales and Germany and the days "
        "you listed as closed." in plan
    )
    rows = files["actions.csv"].decode("utf-8-sig").splitlines()[1:]
    assert not any(",2026-12-29," in row or ",2026-12-28," in row for row in rows)


def test_a_case_in_another_currency_with_no_answer_skips_weekends_only():
    playbook, case, evaluation = _render(dict(BASE, currency="EUR"), D(2026, 12, 7))
    ctx = context(playbook, case, evaluation)
    assert ctx["days_off"] == []
    plan = render_case(playbook, case)["plan.md"].decode()
    assert "Dates skip" not in plan


def test_a_days_off_expression_that_names_no_calendar_stops_the_rendering(tmp_path: Path):
    source = (builtin_dir() / "salvage-relationship.toml").read_text(encoding="utf-8")
    source = re.sub(r"(?m)^days_off = .*$", "days_off = \"['atlantis']\"", source)
    copy = tmp_path / "salvage-relationship.toml"
    copy.write_text(source, encoding="utf-8")
    for part in ("shared", "templates"):
        shutil.copytree(builtin_dir() / part, tmp_path / part)
    playbook = load_playbook(copy)
    case = Case.new(playbook, dict(BASE), case_id="holidays")
    with pytest.raises(RenderError, match="'atlantis', which is neither a date nor one of"):
        render_case(playbook, case)


def _review_due(answers: dict, day: dt.date) -> tuple[str, str]:
    """The review action's due date and the plan, for a case opened on ``day``."""
    playbook, case, evaluation = _render(answers, day)
    ctx = context(playbook, case, evaluation)
    review = next(a for a in ctx["actions"] if a["what"].startswith("Review with"))
    return review["due"], render_case(playbook, case)["plan.md"].decode()


def test_a_case_in_rand_with_no_answer_keeps_south_african_holidays_and_says_why():
    # Nine days on from 7 December is Wednesday 16th, the Day of Reconciliation.
    answers = dict(BASE, currency="ZAR", review_days=9)
    playbook, case, evaluation = _render(answers, D(2026, 12, 7))
    ctx = context(playbook, case, evaluation)
    assert D(2026, 12, 16) in ctx["days_off"]
    assert "2026-12-16" not in {a["due"] for a in ctx["actions"]}
    due, plan = _review_due(answers, D(2026, 12, 7))
    assert due == "2026-12-17"
    assert "Dates skip weekends and public holidays in South Africa (as ZAR suggests)." in plan


def test_a_case_in_canadian_dollars_skips_the_observed_boxing_day():
    due, plan = _review_due(dict(BASE, currency="CAD"), D(2026, 12, 7))
    assert due == "2026-12-29"  # 28th: Boxing Day (Saturday 26th) observed on the Monday
    assert "public holidays in Canada (as CAD suggests)." in plan


def test_choosing_ireland_moves_an_action_off_the_st_stephens_day_substitute():
    answers = dict(BASE, currency="EUR", public_holidays=["ireland"])
    due, plan = _review_due(answers, D(2026, 12, 7))
    assert due == "2026-12-29"
    assert "Dates skip weekends and public holidays in Ireland." in plan
    assert "(as EUR suggests)" not in plan  # answered: nothing to correct


def test_choosing_italy_keeps_the_immacolata_free_in_the_plan_and_the_email():
    answers = dict(BASE, currency="EUR", review_days=7, public_holidays=["england_wales", "italy"])
    due, plan = _review_due(answers, D(2026, 12, 1))
    assert due == "2026-12-09"  # a week on is Tuesday 8th
    assert "public holidays in England and Wales and Italy." in plan
    slots = [{"date": D(2026, 12, 8), "time": "10:00"}, {"date": D(2026, 12, 10), "time": "10:00"}]
    playbook, case, _ = _render(dict(answers, proposed_times=slots), D(2026, 12, 1))
    files = render_case(playbook, case)
    assert "Left out of the email as public holidays or closures: 8 December 2026." in (
        files["plan.md"].decode()
    )
    body = files["reset-email.eml"].decode()
    assert "Thursday 10 December 2026" in body and "8 December" not in body


def test_an_answer_wins_over_the_currency():
    answers = dict(BASE, currency="ZAR", review_days=9, public_holidays=["england_wales"])
    due, plan = _review_due(answers, D(2026, 12, 7))
    assert due == "2026-12-16"
    assert "public holidays in England and Wales." in plan and "South Africa" not in plan
    # "None" keeps no calendar; only New Year's Day, which South Africa keeps, stays free.
    due, plan = _review_due(dict(answers, public_holidays=["none"]), D(2026, 12, 7))
    assert due == "2026-12-16" and "South Africa" not in plan
    assert "Dates skip weekends and New Year's Day." in plan
