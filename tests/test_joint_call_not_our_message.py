"""A joint call both sides took part in ("(both)") where the tone first turned is not "our
message" to reread and own; the same call marked as ours still is."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example

CASES = [
    ("contract-terms-dispute", "contract-terms-dispute/stage-payments-negotiate"),
    ("partner-dispute", "partner-dispute/reseller-commission-negotiate"),
    ("salvage-relationship", "salvage-relationship/bakery-supplier-small-breach"),
]


def _rows(playbook: str, name: str, who: str, tmp_path, monkeypatch) -> list[str]:
    answers = example(name)
    lead = answers.get("our_contact") or "Sam Reid"
    answers["our_contact"] = lead
    answers["timeline"] = [
        {
            "date": dt.date(2026, 11, 2),
            "channel": "email",
            "who": "Us (our side)",
            "tone": "neutral",
        },
        {
            "date": dt.date(2026, 11, 9),
            "channel": "video",
            "who": who.format(lead=lead),
            "tone": "defensive",
            "note": "They produce the 2023 onboarding email",
        },
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    return [r[0] for r in csv.reader(io.StringIO(texts["actions.csv"]))]


@pytest.mark.parametrize(("playbook", "name"), CASES)
def test_a_joint_call_is_not_our_message(playbook, name, tmp_path, monkeypatch):
    rows = _rows(playbook, name, "{lead} and their buyer (both)", tmp_path, monkeypatch)
    assert not [r for r in rows if r.startswith("Reread our message of 9 November")], rows


@pytest.mark.parametrize(("playbook", "name"), CASES[:1])
def test_our_own_turn_is_still_ours_to_own(playbook, name, tmp_path, monkeypatch):
    rows = _rows(playbook, name, "{lead} (our side)", tmp_path, monkeypatch)
    assert [r for r in rows if r.startswith("Reread our message of 9 November")], rows
