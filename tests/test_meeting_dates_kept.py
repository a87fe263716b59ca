"""An in-person meeting is pushed past the dates the manager offered only when lawyers will be
in the room, and never past a contractual date that the meeting has to come before."""

from __future__ import annotations

import datetime as dt

from test_reader_needs import SATURDAY, drafts, example

CASE = "salvage-relationship/their-lawyers-claim-offer-in-person"
TOO_SOON = "too soon for an in-person meeting with counsel"


def _texts(answers, tmp_path, monkeypatch):
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    return texts["plan.md"], texts["reset-email.eml"]


def test_lawyers_in_the_room_need_a_few_working_days(tmp_path, monkeypatch):
    plan, email = _texts(example(CASE), tmp_path, monkeypatch)
    assert TOO_SOON in plan
    assert "Wednesday 9 December" not in email


def test_a_claim_the_business_wrote_itself_keeps_the_dates_offered(tmp_path, monkeypatch):
    answers = example(CASE)
    # The customer's own operations director wrote the claim: no lawyer acts on either side.
    answers["red_flags"] = [f for f in answers["red_flags"] if f != "lawyers"]
    answers.pop("lawyers_side", None)
    answers["fault"] = "mostly_us"
    plan, email = _texts(answers, tmp_path, monkeypatch)
    assert TOO_SOON not in plan
    assert "Wednesday 9 December 2026 at 10:00" in email, email


def test_a_contract_date_within_those_days_is_met_first(tmp_path, monkeypatch):
    answers = example(CASE)
    # Their cure period ends on Friday 11 December: the meeting on the 9th or 10th is the one
    # that can still change it, so it is offered, lawyers or not.
    answers["notice_deadline"] = dt.date(2026, 12, 11)
    answers["deadline_kind"] = "contract"
    plan, email = _texts(answers, tmp_path, monkeypatch)
    assert TOO_SOON not in plan
    assert "Wednesday 9 December 2026 at 10:00" in email, email
