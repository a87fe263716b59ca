"""The plan's language note works for any language the answers show, not only French and
Spanish: a note typed that a letter is in Japanese, a name or company written with letters only
that language uses, or both sides in one non-English country. It tells the manager to have it
translated by someone fluent, or to add a note in that language; it never translates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from test_reader_needs import SATURDAY

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts


def plan_of(
    playbook_id: str, answers: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    rendered = render_parts(playbook, read_answers(path, playbook))
    return " ".join(rendered.files["plan.md"].decode("utf-8-sig").split())


BASE: dict[str, Any] = {
    "what_happened": "Our price letter for 2027 was headed like a formal notice.",
    "fault": "misunderstanding",
    "worth_salvaging": "yes",
}


@pytest.mark.parametrize(
    ("playbook", "extra", "language"),
    [
        (
            "client-communication-breakdown",
            {
                "their_contact": "Ingrid Haugland",
                "their_email": "ingrid@lyngensjomat.no",
                "counterparty": "Lyngen Sjømat AS",
                "our_email": "eirik@polarkjole.no",
                "our_company": "Polar Kjøleteknikk AS",
                "currency": "NOK",
            },
            "Norwegian",
        ),
        (
            "salvage-relationship",
            {
                "their_contact": "Agnieszka Wróblewska",
                "their_email": "a.wroblewska@odra-ac.pl",
                "counterparty": "Odra Automotive Components Sp. z o.o.",
                "our_email": "tomas@moravia-is.cz",
                "currency": "EUR",
            },
            "Polish",
        ),
        (
            "partner-dispute",
            {
                "their_contact": "Kenji Sato",
                "their_email": "k.sato@example.com",
                "counterparty": "Sato Trading",
                "currency": "USD",
                "agreed_actions": [
                    {
                        "what": "Letter of apology in Japanese, signed by our CEO",
                        "owner": "Anna Berg",
                        "due": dt.date(2026, 12, 9),
                    }
                ],
            },
            "Japanese",
        ),
        (
            "contract-terms-dispute",
            {
                "their_contact": "Hiroshi Tanaka",
                "counterparty": "田中精機株式会社",
                "currency": "JPY",
            },
            "Japanese",
        ),
    ],
)
def test_the_plan_notes_their_language_whatever_it_is(
    playbook: str,
    extra: dict[str, Any],
    language: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = plan_of(playbook, {**BASE, **extra}, tmp_path, monkeypatch)
    assert f"works in {language}, and the drafts are in English" in plan, plan
    assert "not a machine translation" in plan, plan
    assert f"a short personal note in {language}" in plan, plan


def test_a_country_alone_is_no_sign(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Business between countries is often in English: an address abroad says nothing yet."""
    extra = {
        "their_contact": "Lars Olsen",
        "their_email": "lars@nordkapp-fisk.no",
        "counterparty": "Nordkapp Fisk AS",
        "our_email": "mary@seafoodco.co.uk",
        "currency": "NOK",
    }
    plan = plan_of("client-communication-breakdown", {**BASE, **extra}, tmp_path, monkeypatch)
    assert "Their language" not in plan, plan
