"""A lawyer's read of the first email never makes it miss the date the case turns on.

When a breach is alleged, our lawyer reads the email before it goes. On blind round 32 that read
was given three days, so an apology whose other side had suspended service from the next
Tuesday went out on the Wednesday. The lawyer is briefed the first working day; with a hard
date close by they read it that same day, otherwise the email goes the day after.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from test_reader_needs import MONDAY, drafts

PLAYBOOKS = [
    "partner-dispute",
    "contract-terms-dispute",
    "client-communication-breakdown",
    "salvage-relationship",
]


def _case(**changes) -> dict:
    return {
        "counterparty": "Volta Freight Ltd",
        "their_contact": "Kwame Ofori",
        "our_contact": "Adjoa Mensah",
        "what_happened": "Two consignments missed their vessel cut-off. They say our warehouse "
        "loaded late; we say their trucks came late. We held all their November invoices, and "
        "our director wrote them an insulting email. They suspend pickups from next week until "
        "the undisputed invoices are paid.",
        "amount_at_stake": 250000,
        "annual_value": 3000000,
        "currency": "GHS",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 2,
        "emotions": "high",
        "heat_source": "ours",
        "alleged_breach": True,
        "red_flags": ["payment_withheld", "deadline"],
    } | changes


def _rows(texts: dict[str, str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def _due(rows: list[dict[str, str]], starts: str) -> dt.date:
    row = next(r for r in rows if r["action"].startswith(starts))
    return dt.date.fromisoformat(row["due"])


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_with_a_hard_date_close_the_email_goes_the_day_the_lawyer_is_briefed(
    playbook, tmp_path, monkeypatch
):
    rows = _rows(drafts(playbook, _case(), tmp_path, monkeypatch, MONDAY))
    sent = _due(rows, "Send the reset email")
    advice = next(r for r in rows if "read the email before it goes" in r["action"])
    assert sent == dt.date(2026, 11, 24), rows
    assert dt.date.fromisoformat(advice["due"]) <= sent


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_without_one_the_lawyer_gets_a_working_day_not_three(playbook, tmp_path, monkeypatch):
    case = _case(red_flags=["payment_withheld"])
    rows = _rows(drafts(playbook, case, tmp_path, monkeypatch, MONDAY))
    sent = _due(rows, "Send the reset email")
    advice = next(r for r in rows if "read the email before it goes" in r["action"])
    assert sent == dt.date(2026, 11, 25), rows
    assert dt.date.fromisoformat(advice["due"]) < sent


def _notice(days: int, **changes) -> dict:
    """Our own data incident; their counsel's formal notice asks for a report in ``days``."""
    return {
        "counterparty": "Mutual Savings Society of Ostrava",
        "their_contact": "Ing. Hana Dvořáková",
        "our_contact": "Petr Novák",
        "what_happened": "Our analyst emailed their member list to another client by mistake. "
        "Their counsel's formal notice under the data processing agreement asks for a full "
        "incident report and reserves the right to terminate.",
        "annual_value": 4000000,
        "currency": "CZK",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 1,
        "emotions": "high",
        "alleged_breach": True,
        "red_flags": ["lawyers", "letter_of_claim", "data_breach", "regulator", "notice_close"],
        "notice_deadline": (MONDAY + dt.timedelta(days=days)).date(),
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_notice_due_within_the_week_is_acknowledged_the_day_after_the_briefing(
    playbook, tmp_path, monkeypatch
):
    # Their report is due on Friday: the lawyer clears a short acknowledgement on Tuesday,
    # not on Wednesday, two days before the report itself.
    rows = _rows(drafts(playbook, _notice(4), tmp_path, monkeypatch, MONDAY))
    assert _due(rows, "Send the reset email") == dt.date(2026, 11, 24), rows


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_notice_weeks_away_still_gives_the_lawyer_two_days(playbook, tmp_path, monkeypatch):
    rows = _rows(drafts(playbook, _notice(24), tmp_path, monkeypatch, MONDAY))
    assert _due(rows, "Send the reset email") == dt.date(2026, 11, 25), rows
