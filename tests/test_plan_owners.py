"""Who owns each step of the plan, and when the steps fall, as the manager running it reads them.

A mediator reading the plan asks: does the person who decides at this level sign off the
mandate, does the senior call go to someone senior, is a step about the regulator owned by the
person the step names, and is a step promised "before we meet" dated before the meeting.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from test_reader_needs import drafts, example


def rows(texts: dict[str, str]) -> list[dict[str, Any]]:
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def owner_of(texts: dict[str, str], start: str) -> str:
    found = [r["owner"] for r in rows(texts) if r["action"].startswith(start)]
    assert found, f"no step starting {start!r} in {[r['action'][:50] for r in rows(texts)]}"
    return found[0]


def test_the_mandate_is_signed_off_by_the_senior_colleague_who_chairs(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/improper-request-compliance")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert owner_of(texts, "Agree our mandate") == "Graham Holt"
    # Without a colleague in the chair, the lead prepares it.
    answers["chair"] = "self"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert owner_of(texts, "Agree our mandate") == "Aisha Khan"


def test_the_call_to_listen_goes_to_the_senior_colleague_and_is_made_once(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/improper-request-compliance")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert owner_of(texts, "Have someone senior on our side phone") == "Graham Holt"
    # When the plan already has a call before the email, the listening is part of that call:
    # one call to them, not two.
    answers["channel_problem"] = True
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    their = answers["their_contact"].split()[0]
    calls = [
        r
        for r in rows(texts)
        if r["action"].startswith("Phone ") or "phone " + their in r["action"]
    ]
    assert len(calls) == 1, [r["action"] for r in calls]
    assert "Listen first" in calls[0]["action"]


def test_the_regulator_report_is_owned_by_the_data_protection_lead(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/loyalty-app-regulator-inquiry")
    answers["red_flags"] = sorted({*answers.get("red_flags", []), "data_breach", "regulator"})
    answers["regulator_told"] = True
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    owner = owner_of(texts, "Make sure the report already made to the regulator")
    assert owner == "Our data protection lead"


def test_a_first_win_promised_before_the_meeting_is_dated_before_it(tmp_path, monkeypatch):
    answers = example("salvage-relationship/missed-launch-mediate")
    answers["first_win"] = "send Rosa the signed menu checklist before we meet"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    table = rows(texts)
    win = next(r for r in table if r["action"].startswith("Deliver the first small win"))
    meeting = next(r for r in table if "first slot offered" in r["action"])
    first_slot = meeting["due"]
    assert win["due"] < first_slot, (win["due"], meeting["action"])
    # A first win with no such promise keeps its usual date, some days out.
    answers["first_win"] = "cater their team lunch at cost, with the new checks in place"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    win = next(r for r in rows(texts) if r["action"].startswith("Deliver the first small win"))
    assert win["due"] >= first_slot


def test_a_misunderstanding_with_real_money_on_it_is_not_kept_small(tmp_path, monkeypatch):
    answers = example("partner-dispute/misread-cost-split-budget")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch)
    first_screen = texts["plan.md"].split("## The situation")[0]
    assert "began as a misunderstanding, but money" in first_screen
    assert "make it look bigger" not in first_screen
    assert not any("clear up the misunderstanding" in r["action"] for r in rows(texts))
    # The same misreading with little money on it stays a short, friendly call.
    answers.update(stake_vs_fee="smaller", amount_at_stake=900, decisions_needed=[])
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch)
    assert "looks like a misunderstanding" in texts["plan.md"].split("## The situation")[0]


def test_an_answer_that_only_says_none_is_not_quoted_back_as_if_it_were_one(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/misread-price-notice")
    answers["sla_commitment"] = "none, its a billing query"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    everything = texts["actions.csv"] + texts["reset-email.eml"]
    assert "billing query" not in everything
    assert "compare them line by line with none" not in everything
    # A real commitment is still compared against.
    answers["sla_commitment"] = "invoices issued by the 5th working day (Schedule 2)"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert "line by line with invoices issued by the 5th working day" in texts["actions.csv"]


def test_a_step_timed_against_a_weekend_deadline_is_not_moved_past_it(tmp_path, monkeypatch):
    # A 72-hour reporting window that ends on a Sunday, seen on the Saturday before.
    import datetime as dt

    from test_reader_needs import SATURDAY

    answers = example("client-communication-breakdown/loyalty-app-shopper-data-complaint")
    answers.update(notice_deadline=dt.date(2026, 12, 6), deadline_kind="statute")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    timed = [r for r in rows(texts) if "6 December 2026" in r["action"]]
    assert timed, [r["action"][:60] for r in rows(texts)]
    for row in timed:
        assert row["due"] <= "2026-12-06", (row["due"], row["action"][:80])
    # The mandate, not timed against it, still falls on the next working day.
    mandate = next(r for r in rows(texts) if r["action"].startswith("Agree our mandate"))
    assert mandate["due"] == "2026-12-07", mandate["due"]
