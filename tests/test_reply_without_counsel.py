"""A letter of claim or a cure notice the other business wrote itself, with no lawyer acting on
either side: the tracker has us answer it ourselves (with advice read first), never "through our
lawyer". Where lawyers act, or a court claim is made, the reply still goes through our lawyer."""

from __future__ import annotations

import csv
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example

THROUGH = "through our lawyer"


def _meet_their_date(name: str, answers: dict, tmp_path, monkeypatch) -> str:
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, SATURDAY)
    rows = list(csv.reader(io.StringIO(texts["actions.csv"])))[1:]
    found = [r[0] for r in rows if r[0].startswith("Meet their date")]
    assert len(found) == 1, rows
    return found[0]


def _no_lawyers(name: str) -> dict:
    answers = example(name)
    answers["red_flags"] = [f for f in answers["red_flags"] if f != "lawyers"]
    answers.pop("lawyers_side", None)
    return answers


CASES = [
    # a facilities client's procurement team served the cure notice itself
    "client-communication-breakdown/cure-notice-from-procurement",
    # a reseller's own managing director wrote the breach letter
    "partner-dispute/breach-letter-close-date-no-lawyers",
]
# the same letters, with the lawyers taken out: their operations director wrote it
STRIPPED = [
    "contract-terms-dispute/cure-notice-from-their-lawyers",
    "partner-dispute/their-lawyers-cure-notice-close",
]


@pytest.mark.parametrize("name", CASES + STRIPPED)
def test_we_answer_a_letter_no_lawyer_wrote(name, tmp_path, monkeypatch):
    answers = _no_lawyers(name) if name in STRIPPED else example(name)
    step = _meet_their_date(name, answers, tmp_path, monkeypatch)
    assert THROUGH not in step and "our lawyer answers" not in step, step
    assert "with our written reply" in step, step


@pytest.mark.parametrize("name", STRIPPED)
def test_their_lawyers_are_answered_by_ours(name, tmp_path, monkeypatch):
    step = _meet_their_date(name, example(name), tmp_path, monkeypatch)
    assert THROUGH in step, step
