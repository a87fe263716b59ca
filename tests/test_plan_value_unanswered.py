"""A sparse case where the manager said only that the relationship is worth saving: the plan
does not turn the empty value questions into a verdict ("Low: on the figures it is small")."""

from __future__ import annotations

import re

import pytest
from test_reader_needs import SATURDAY, drafts


def _value_section(plan: str) -> str:
    return plan.split("## Is it worth saving?", 1)[1].split("\n## ", 1)[0]


def _sparse(**changes) -> dict:
    return {
        "counterparty": "Harbourline Contact Centres Inc.",
        "their_contact": "Ramon Villanueva",
        "what_happened": "We moved their go-live two days before the date because the payroll "
        "export failed testing; their COO was upset on the call and has not answered since.",
        "currency": "PHP",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
    } | changes


@pytest.mark.parametrize("playbook", ["salvage-relationship", "client-communication-breakdown"])
def test_only_the_managers_view_given_is_not_scored_as_small(playbook, tmp_path, monkeypatch):
    texts = drafts(playbook, _sparse(), tmp_path, monkeypatch, SATURDAY)
    section = _value_section(texts["plan.md"])
    assert "Your own view: yes" in section, section
    assert "small" not in section and "Low" not in section, section
    assert "what it is worth a year" in section, section
    # Once a figure is given, the score speaks again.
    texts = drafts(
        playbook,
        _sparse(annual_value=90000, strategic_value="core"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )
    section = _value_section(texts["plan.md"])
    assert "what it is worth a year" not in section, section
    assert re.search(r"\*\*\w+\*\* \(\d+\)\.", section), section
