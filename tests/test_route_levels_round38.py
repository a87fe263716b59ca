"""Who makes the apology sets the level (a mediator's reading of rounds 36 and 38).

When we let down a core account and the manager plans for our chief executive or managing
director to make the apology in person, the plan must not say the matter is decided by "a
director on our side": the level follows who speaks for us. A gesture made by a sales director,
a shared fault, or an account that is not core stays with the senior sponsor.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_reader_needs import SATURDAY, drafts

PLAYBOOK = "salvage-relationship"

BASE: dict[str, Any] = {
    "counterparty": "Hallstrom Bakeries AB",
    "their_contact": "Ulrika Hallström",
    "our_contact": "Jonas Berg",
    "what_happened": "Our filling line was down for a week and we delivered their November "
    "orders late and short three times, telling them on the day. They have asked another "
    "supplier for samples and stopped returning calls.",
    "amount_at_stake": 0,
    "annual_value": 900000,
    "currency": "SEK",
    "strategic_value": "core",
    "worth_salvaging": "yes",
    "fault": "mostly_us",
    "trust_today": 2,
    "emotions": "tense",
    "heat_source": "theirs",
    "red_flags": ["silence"],
    "money": "none",
}

TOP_GESTURES = {
    "managing director visits": "Our managing director visits their bakery to apologise in person",
    "CEO flies out": "Our CEO flies to Malmö with the recovery plan and apologises face to face",
    "founder's call and visit": "A visit from our founder, Per Lind, to say sorry and show the "
    "new stock rule",
    "MD, abbreviated": "Our MD calls Ulrika and then visits with the buffer-stock offer",
}


def _level(texts: dict[str, str]) -> int:
    found = re.search(r"decided at level (\d)", texts["plan.md"])
    assert found, texts["plan.md"][:600]
    return int(found.group(1))


@pytest.mark.parametrize("name", sorted(TOP_GESTURES))
def test_an_apology_from_our_top_on_a_core_account_we_let_down_is_decided_at_the_top(
    name, tmp_path, monkeypatch
):
    case = BASE | {"olive_branch": TOP_GESTURES[name]}
    texts = drafts(PLAYBOOK, case, tmp_path, monkeypatch, SATURDAY)
    assert _level(texts) == 3, name
    assert "The level follows who speaks for us" in texts["plan.md"]
    # the level is named for who decides, so the steps that name it read as English
    assert "decided at level 3: leadership (the managing director" in texts["plan.md"]
    assert "leadership and legal" not in texts["plan.md"].lower()


@pytest.mark.parametrize(
    "change",
    [
        {"olive_branch": "Our sales director visits their bakery to apologise in person"},
        {"olive_branch": "Our managing director visits their bakery", "fault": "both"},
        {"olive_branch": "Our CEO calls to apologise", "strategic_value": "important"},
    ],
    ids=["a director, not the top", "a shared fault", "an account that is not core"],
)
def test_other_gestures_stay_with_the_senior_sponsor(change, tmp_path, monkeypatch):
    texts = drafts(PLAYBOOK, BASE | change, tmp_path, monkeypatch, SATURDAY)
    assert _level(texts) == 2
    assert "The level follows who speaks for us" not in texts["plan.md"]


PARTNER_EXIT: dict[str, Any] = {
    "counterparty": "Andes Diagnostics Distribución S.A.S.",
    "their_contact": "Camilo Restrepo",
    "our_contact": "Frida Lund",
    "what_happened": "They signed with our direct competitor in September and now offer its "
    "reagents to our installed base. We have decided to end the distribution agreement under "
    "clause 18.1 with 90 days' notice. Two invoices are overdue.",
    "amount_at_stake": 96000,
    "annual_value": 610000,
    "currency": "USD",
    "strategic_value": "important",
    "worth_salvaging": "no",
    "fault": "mostly_them",
    "money": "they_owe",
    "red_flags": ["payment_withheld"],
}


@pytest.mark.parametrize(
    "change",
    [{}, {"red_flags": ["payment_withheld", "threats"]}, {"money": "both"}],
    ids=["money to recover", "hard words on their side", "money both ways"],
)
def test_a_partner_exit_with_money_to_recover_is_the_executive_sponsors_decision(
    change, tmp_path, monkeypatch
):
    texts = drafts("partner-dispute", PARTNER_EXIT | change, tmp_path, monkeypatch, SATURDAY)
    assert "Part well" in texts["plan.md"]
    assert _level(texts) == 3


def test_a_partner_exit_with_their_lawyers_involved_goes_to_the_top(tmp_path, monkeypatch):
    case = PARTNER_EXIT | {"red_flags": ["payment_withheld", "lawyers"]}
    texts = drafts("partner-dispute", case, tmp_path, monkeypatch, SATURDAY)
    assert _level(texts) == 4
    assert "with lawyers or a claim already in the air" in texts["plan.md"]
