"""Figures that are not money do not get a currency.

Blind round 34: a data-breach email to a retailer's lawyers opened "a reporting file of AUD
41,806 of your loyalty members", and two trackers read "Re-read in full $14.2, $9.3, $9.5 and
$22" and "Annex B 2.4, €12.3": clause numbers typed bare were given the case's currency.
"""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters.money import amounts


@pytest.mark.parametrize(
    "text",
    [
        "a reporting file of 41,806 of your loyalty members was left readable",
        "1,200 of the 4,000 units failed the drop test",
        "2,300 of our drivers were affected",
    ],
)
def test_a_share_of_a_group_counts_people_or_things(text):
    assert amounts(text, "AUD") == text


def test_a_share_of_a_sum_is_still_money():
    assert amounts("a refund of 3,400 of the fee", "EUR") == "a refund of €3,400 of the fee"
    assert amounts("we owe 12,500 of the retention", "ZAR") == "we owe ZAR 12,500 of the retention"


def test_clause_numbers_typed_bare_are_not_sums(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/council-complaint-procedure")
    answers["currency"] = "USD"
    answers["clauses"] = [
        {
            "ref": "14.2",
            "says": "Liquidated damages at 0.5% a week",
            "our_reading": "Net of their delay",
            "their_reading": "The full 70 days",
        },
        {
            "ref": "9.3",
            "says": "Drawings approved within 14 days",
            "our_reading": "They took 11 weeks",
            "their_reading": "Not relevant",
        },
        {
            "ref": "22",
            "says": "Disputes: senior meeting, then mediation",
            "our_reading": "Meet first",
            "their_reading": "Same",
        },
    ]
    steps = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    tracker = steps["actions.csv"]
    assert "14.2, 9.3 and 22" in tracker
    assert "$14.2" not in tracker and "$22" not in tracker
