"""A first win is never marked done before the event it depends on: a typed step that names it
in another form of the word ("recalibration" and "Weighbridge recalibrated", "installation" and
"Install"), and a span that has to run ("a week of parallel weighing", "two weeks of complete
deliveries"), counted from that step."""

from __future__ import annotations

import csv
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example

BASE = "salvage-relationship/bakery-supplier-small-breach"

CASES = [
    # a linen laundry: the certificate comes with the recalibration, then a week of weighing
    (
        "Recalibration certificate and a week of parallel clean/soiled weighing shared with "
        "their finance",
        {
            "what": "Accredited body recalibrates the weighbridge; certificate to their finance",
            "due": "2026-12-16",
        },
        "2026-12-23",
    ),
    # a packaging line: the sensors have to be in before the win can be claimed
    (
        "Sensor installation on line 2 confirmed by their quality lead",
        {"what": "Install the replacement sensors on line 2", "due": "2026-12-14"},
        "2026-12-14",
    ),
    # a translation agency: clean deliveries only count after the migration
    (
        "Three days of clean file deliveries after the server migration",
        {"what": "Migrate the Lisbon file server", "due": "2026-12-10"},
        "2026-12-14",
    ),
    # a bakery supplier: two weeks of complete deliveries have to run first
    (
        "Two weeks of complete deliveries, checked on arrival with the café managers",
        None,
        "2026-12-19",
    ),
]


@pytest.mark.parametrize(("win", "step", "not_before"), CASES)
def test_the_win_waits_for_what_it_names(win, step, not_before, tmp_path, monkeypatch):
    answers = example(BASE)
    answers["first_win"] = win
    if step:
        answers["agreed_actions"] = [{**step, "owner": "Ops lead"}]
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    rows = list(csv.reader(io.StringIO(texts["actions.csv"])))[1:]
    deliver = [r for r in rows if r[0].startswith("Deliver the first small win")]
    told = [r for r in rows if "the first win is done" in r[0]]
    assert deliver and deliver[0][2] >= not_before, deliver
    assert told and told[0][2] > deliver[0][2], (deliver, told)
