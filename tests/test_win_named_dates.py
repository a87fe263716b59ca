"""A first win is dated by the day it names, not by an earlier date it refers to.

Blind round 36: "Their 3 Dec PO delivered on 8 December", typed on 6 December, put the win in
the tracker on 3 December of the next year, and the thank-you that marks it a year late too,
while the delivery itself was rightly tracked on the 8th.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from drafts_cases import render

from triage.engine.filters.wins import win_day

WINE = "salvage-relationship--forwarder-wine-hs-code-errors"
TODAY = dt.date(2026, 12, 6)
BASE = dt.date(2026, 12, 7)  # the playbook's own day: a win is never earlier


@pytest.mark.parametrize(
    ("win", "day"),
    [
        ("Their 3 Dec PO delivered on 8 December", dt.date(2026, 12, 8)),
        ("The order of 28 November shipped complete by 11 December", dt.date(2026, 12, 11)),
        ("Credit for the 2nd Oct invoice issued on 18 Dec", dt.date(2026, 12, 18)),
        ("Pallets from the 30 Nov load re-labelled", BASE),
        ("Spring range samples approved by 12 March", dt.date(2027, 3, 12)),
    ],
)
def test_a_past_date_in_the_win_is_what_it_refers_to(win: str, day: dt.date) -> None:
    assert win_day(win, BASE, [], [], TODAY, []) == day


def test_a_day_named_for_the_win_is_its_day_even_before_the_playbooks_own() -> None:
    later = dt.date(2026, 12, 16)
    assert win_day("Their 3 Dec PO delivered on 8 December", later, [], [], TODAY, []) == (
        dt.date(2026, 12, 8)
    )
    assert win_day("Pallets from the 30 Nov load re-labelled", later, [], [], TODAY, []) == later


def test_the_tracker_dates_the_win_on_the_day_it_names(tmp_path, monkeypatch) -> None:
    texts = render(
        WINE, tmp_path, monkeypatch, {"first_win": "Their 1 Dec shipment cleared on 9 December"}
    )
    rows = list(csv.DictReader(io.StringIO(texts["actions.csv"])))
    [win] = [r for r in rows if r["action"].startswith("Deliver the first small win")]
    assert win["due"] == "2026-12-09", win
    [told] = [r for r in rows if r["action"].startswith("Tell ") and "first win" in r["action"]]
    assert win["due"] < told["due"] < "2027-01-01", told
