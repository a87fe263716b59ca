"""One commitment, one row, one date: a step the manager typed stands for the playbook's step
that does the same thing (the payment we owe on an exit, the first call after our own side's
heat), on the manager's date, so the tracker, the plan's first screen and the calendar never
carry two dates for one act."""

from __future__ import annotations

import csv
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example


def _rows(playbook: str, answers: dict, tmp_path, monkeypatch) -> tuple[list[list[str]], dict]:
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    return list(csv.reader(io.StringIO(texts["actions.csv"])))[1:], texts


EXITS = [
    # a marketing retainer ended in the UK: the balance refunded on the manager's day
    (
        "client-communication-breakdown/small-retainer-exit-after-failed-reset",
        "GBP",
        6240,
        "Refund the £6,240 retainer balance",
        "2026-12-10",
        "6,240",
    ),
    # a Norwegian service contract ended by agreement: the last instalment, spaced figures
    (
        "contract-terms-dispute/maintenance-contract-mutual-end",
        "NOK",
        48000,
        "Finance transfers the final NOK 48 000 owed",
        "2026-12-14",
        "48",
    ),
    # a Spanish alliance wound down: the rebate written the continental way
    (
        "partner-dispute/marginal-alliance-mutual-end",
        "EUR",
        11750,
        "Pay Q3 rebate EUR 11.750",
        "2026-12-09",
        "11",
    ),
    # a small design client let go: the credit note we owe, paid a week on
    (
        "salvage-relationship/small-account-exit",
        "AUD",
        2300,
        "Pay the AUD 2,300 credit to their account",
        "2026-12-11",
        "2,300",
    ),
]


@pytest.mark.parametrize(("name", "currency", "amount", "typed", "due", "figure"), EXITS)
def test_the_payment_the_manager_typed_is_the_only_row_for_it(
    name, currency, amount, typed, due, figure, tmp_path, monkeypatch
):
    playbook = name.split("/")[0]
    answers = example(name)
    answers.update(money="we_owe", amount_at_stake=amount, currency=currency)
    answers["agreed_actions"] = [{"what": typed, "owner": "Finance", "due": due}]
    rows, texts = _rows(playbook, answers, tmp_path, monkeypatch)
    assert not [r for r in rows if "in full what we owe" in r[0]], rows
    mine = [r for r in rows if r[0].startswith(typed)]
    assert len(mine) == 1 and mine[0][2] == due, mine
    # the plan's list carries the payment once, on that day
    assert "in full what we owe" not in texts["plan.md"]


def test_a_different_sum_typed_leaves_the_payment_we_owe_in_place(tmp_path, monkeypatch):
    name = "client-communication-breakdown/small-retainer-exit-after-failed-reset"
    answers = example(name)
    answers.update(money="we_owe", amount_at_stake=6240, currency="GBP")
    answers["agreed_actions"] = [
        {"what": "Pay the £900 hosting invoice", "owner": "Finance", "due": "2026-12-10"}
    ]
    rows, _ = _rows(name.split("/")[0], answers, tmp_path, monkeypatch)
    assert [r for r in rows if "in full what we owe (£6,240)" in r[0]], rows


def test_our_advice_on_paying_stays_off_a_row_they_may_be_sent(tmp_path, monkeypatch):
    name = "partner-dispute/marginal-alliance-mutual-end"
    answers = example(name)
    answers.update(money="we_owe", amount_at_stake=18400, currency="EUR")
    answers["agreed_actions"] = [
        {
            "what": "Pay Q3 revenue share EUR 18,400",
            "owner": "Finance",
            "due": "2026-12-11",
        }
    ]
    rows, texts = _rows("partner-dispute", answers, tmp_path, monkeypatch)
    mine = [r for r in rows if r[0].startswith("Pay Q3 revenue share")]
    assert mine == [mine[0]] and mine[0][4] == "shared", rows
    assert not [r for r in rows if "in full what we owe" in r[0]], rows
    assert "never traded" not in mine[0][0]
    assert "never traded" not in texts.get("follow-up-summary.md", "")


HEATED = [
    ("client-communication-breakdown/our-director-argued-on-site", "Joanne", "Pryce"),
    ("client-communication-breakdown/ceo-reply-all-coo-takes-over", "Ingrid", "Solheim"),
    ("partner-dispute/director-heated-email", "Hannah", "Kowalczyk"),
    ("partner-dispute/our-vp-insulted-reseller-ceo-leads", "Marta", "Alves"),
]


@pytest.mark.parametrize(("name", "first", "last"), HEATED)
def test_the_call_the_manager_planned_is_the_first_call(name, first, last, tmp_path, monkeypatch):
    answers = example(name)
    typed = f"Call {first} personally to apologise and propose a meeting"
    answers["agreed_actions"] = [
        *[a for a in answers.get("agreed_actions") or [] if first not in str(a.get("what"))],
        {"what": typed, "owner": answers.get("our_contact") or "Us", "due": "2026-12-08"},
    ]
    rows, _ = _rows(name.split("/")[0], answers, tmp_path, monkeypatch)
    calls = [r for r in rows if r[0].startswith(("Phone " + first, "Call " + first))]
    assert len(calls) == 1, calls
    # on the manager's day, with the plan's advice on how to open it kept
    assert calls[0][0].startswith(typed) and calls[0][2] == "2026-12-08", calls
    assert "Open by " in calls[0][0], calls
