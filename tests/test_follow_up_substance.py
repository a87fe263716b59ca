"""The follow-up leads with substance, not process: on an exit, what we owe is paid in full by
its day; a shared dashboard of their numbers is not offered to a partner who is holding orders
in protest or owes us money (it stays on our tracker)."""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts, example

EXITS = [
    (
        "client-communication-breakdown/small-retainer-exit-after-failed-reset",
        "GBP",
        6240,
        "£6,240",
    ),
    ("contract-terms-dispute/maintenance-contract-mutual-end", "EUR", 18400, "€18,400"),
    ("partner-dispute/marginal-alliance-mutual-end", "CHF", 9850, "CHF 9,850"),
    ("salvage-relationship/small-account-exit", "AUD", 480, "AUD 480"),
]


@pytest.mark.parametrize(("name", "currency", "amount", "said"), EXITS)
def test_an_exit_follow_up_says_what_we_owe_is_paid(
    name, currency, amount, said, tmp_path, monkeypatch
):
    answers = example(name)
    answers.update(money="we_owe", amount_at_stake=amount, currency=currency)
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, SATURDAY)
    follow_up = texts["follow-up-summary.md"]
    assert f"| We will pay the {said} we owe you, in full |" in follow_up, follow_up
    # on the tracker's own day
    assert "7 December 2026 |" in follow_up.split(f"{said} we owe you")[1].split("\n")[0]


def test_nothing_owed_nothing_promised(tmp_path, monkeypatch):
    name = "salvage-relationship/small-account-exit"
    answers = example(name)
    answers.update(money="none")
    follow_up = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "follow-up-summary.md"
    ]
    assert "we owe you" not in follow_up


KPIS = [
    # a reseller holding its quarter's orders over a commission row
    ("partner-dispute/reseller-commission-negotiate", None),
    # the same reseller owing us for two quarters: a dashboard of its debt
    ("partner-dispute/reseller-commission-negotiate", "they_owe"),
    # an integration partner past its rollout deadline
    ("partner-dispute/integration-rollout-deadline", None),
]


@pytest.mark.parametrize(("name", "money"), KPIS)
def test_a_dashboard_of_their_numbers_stays_on_our_tracker(name, money, tmp_path, monkeypatch):
    answers = example(name)
    if money:
        answers["money"] = money
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "dashboard" not in texts["follow-up-summary.md"]
    assert "dashboard" in texts["actions.csv"]
