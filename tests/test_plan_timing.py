"""The plan's first steps are timed against the moment that matters: the meeting they
prepare, the notice date the other side may use. Preparation is never dated on the morning
of the meeting it is for; the call to them leads, the checks behind it follow; a notice date
that is theirs to use is asked to move, in writing, on the first screen."""

from __future__ import annotations

import datetime as dt
import re

from test_plan_first_steps import first_three, rows
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters.senior import our_senior

RENEWAL = "salvage-relationship/renewal-notice-threatened-monday"


def dated(step: str) -> str:
    """The date a step on the first screen is given ("Sunday 6 December 2026")."""
    found = re.search(r", ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d+ \w+ \d{4})\.\*$", step)
    assert found, step
    return found.group(1)


def test_preparation_for_a_monday_morning_meeting_is_done_by_sunday(tmp_path, monkeypatch):
    # Written on a Saturday; the meeting is on Monday at 08:30, the day they said the notice
    # goes. The mandate and the money check cannot wait for Monday morning.
    answers = example(RENEWAL)
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    first = first_three(texts)
    mandate = next(s for s in first if s.startswith("Agree our mandate"))
    check = next(s for s in first if s.startswith("Check with our legal or finance lead"))
    assert dated(mandate) == dated(check) == "Sunday 6 December 2026"
    # The senior person who attends (our MD) signs off the mandate and makes the call.
    assert mandate.endswith("*Joost de Vries, Sunday 6 December 2026.*")
    table = {r["action"][:30]: r["due"] for r in rows(texts)}
    assert table["Hold the reset meeting with Va"] == "2026-12-07"
    # With the meeting later in the week, the same steps are dated on a working day before it.
    answers["proposed_times"] = [{"date": dt.date(2026, 12, 9), "time": "10:00"}]
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    due = {r["action"][:16]: r["due"] for r in rows(texts)}
    assert due["Agree our mandat"] == "2026-12-07"
    assert due["Check with our l"] == "2026-12-07"


def test_their_notice_date_is_asked_to_move_before_it_passes(tmp_path, monkeypatch):
    answers = example(RENEWAL)
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    call = next(s for s in first_three(texts) if s.startswith("Phone Marloes Visser"))
    assert "move the notice date of 10 December 2026" in call
    assert call.endswith("*Joost de Vries, Monday 7 December 2026.*")
    # Where the playbook has no standing first call, the ask is a step of its own, towards
    # them, and on the first screen.
    answers = example("client-communication-breakdown/renewal-at-risk-senior-first")
    answers["notice_deadline"] = dt.date(2026, 12, 10)
    answers["deadline_kind"] = "contract"
    answers["formal_from"] = "them"
    answers["red_flags"] = [*answers["red_flags"], "notice_close"]
    answers["what_happened"] += " They can give notice not to renew by 10 December."
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    asks = [s for s in first_three(texts) if "move the notice date of 10 December 2026" in s]
    assert len(asks) == 1, first_three(texts)
    assert dated(asks[0]) == "Monday 7 December 2026"
    # A claim against us is answered, not asked to move.
    answers["red_flags"] = [*answers["red_flags"], "letter_of_claim"]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "move the notice date" not in texts["plan.md"]


def test_the_call_to_them_leads_the_checks_due_the_same_day(tmp_path, monkeypatch):
    # We are mostly at fault and the meeting is on Wednesday: the call, the money check and
    # the mandate all fall on Monday. The call comes first.
    answers = example(RENEWAL)
    answers["proposed_times"] = [{"date": dt.date(2026, 12, 9), "time": "10:00"}]
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    first = first_three(texts)
    assert first[0].startswith("Phone Marloes Visser first"), first
    assert {dated(s) for s in first} == {"Monday 7 December 2026"}
    # On the legal route the lawyer still comes first.
    answers = example("contract-terms-dispute/letter-of-claim")
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert re.match(r"(Take legal advice|Brief our lawyer)", first_three(texts)[0])


def test_a_managing_director_is_found_under_other_languages_titles():
    assert our_senior("Johanna + their production mgr; our VD Anna Berg + me") == "Anna Berg"
    assert our_senior("our PDG Marc Lévy and me; their buyer") == "Marc Lévy"
    assert our_senior("their VD Lars Ek; me") == ""


def test_court_threatened_by_our_own_person_is_taken_back_in_the_first_call(tmp_path, monkeypatch):
    from triage.engine.filters import we_threatened

    assert we_threatened("our PM Rami lost it, said 'we'll see you in court' in front of them")
    assert we_threatened("our project manager threatened court in front of your team")
    assert not we_threatened("They said they would see us in court.")
    assert not we_threatened("We have NOT called any lawyer.")
    # A salvage case: the call a senior person makes takes it back, and she makes it herself.
    answers = example(RENEWAL)
    answers["what_happened"] += (
        ". At the last site walk our site manager shouted that our lawyers would take it from here."
    )
    answers["heat_source"] = "ours"
    answers["heat_who"] = "manager"
    answers["new_lead"] = "Joost de Vries, Managing Director"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    call = next(s for s in first_three(texts) if "Marloes Visser" in s and "hone" in s)
    assert call.startswith("Phone Marloes Visser first"), call
    assert "Take back plainly what was said on our side about court and lawyers" in call
    assert "no lawyer has been asked to act" in call
    # Another playbook: a step of its own, towards them, on the first screen.
    answers = example("client-communication-breakdown/our-director-argued-on-site")
    answers["what_happened"] += " Our director told their site lead we would see them in court."
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = [s for s in first_three(texts) if "take back plainly" in s]
    assert len(steps) == 1, first_three(texts)
    # Their lawyers acting: nothing is taken back by us on a call.
    answers["red_flags"] = [*(answers.get("red_flags") or []), "lawyers"]
    answers["lawyers_side"] = "theirs"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "take back plainly" not in texts["actions.csv"]


def test_a_known_reporting_window_is_met_by_the_report_and_their_exposure_closed_today(
    tmp_path, monkeypatch
):
    answers = example("partner-dispute/processor-data-breach")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    # Unknown window: the first step asks whether and when it must be reported.
    assert first_three(texts)[0].startswith("Check with our data protection lead whether")
    # Known window (the law's 72 hours end on Monday), the data on their side: the report
    # itself, dated before the deadline even on a Sunday, and their exposure closed today.
    answers["notice_deadline"] = dt.date(2026, 12, 7)
    answers["deadline_kind"] = "statute"
    answers["breach_where"] = "theirs"
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    first = first_three(texts)
    report = next(s for s in first if s.startswith("Report the breach to the data protection"))
    assert "before the reporting deadline of 7 December 2026" in report
    assert dated(report) == "Sunday 6 December 2026"
    close = next(
        s
        for s in first
        if s.startswith("Ask Marco Bellini today, in writing, to close the exposure")
    )
    assert dated(close) == "Saturday 5 December 2026"
    assert "whether the breach must be reported" not in texts["actions.csv"]


def test_a_first_win_promised_at_once_or_this_week_is_dated_so(tmp_path, monkeypatch):
    answers = example(RENEWAL)
    answers.pop("proposed_times")
    answers["first_win"] = "the credit note for the missed shifts issued straight away"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    due = {r["action"][:29]: r["due"] for r in rows(texts)}
    assert due["Deliver the first small win: "] == "2026-12-07"
    answers["first_win"] = "standby crew in place this week"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    due = {r["action"][:29]: r["due"] for r in rows(texts)}
    assert due["Deliver the first small win: "] == "2026-12-11"
