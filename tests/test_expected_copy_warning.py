"""The run says whom the plan expected in copy, and why, when the reset email copies nobody.

When the letter that started it came from their general counsel or DPO, or a senior person of
theirs is named in the answers, the manager is told once which person the plan expected copied
and why. Nobody is added to Cc by it, and a person already in To or Cc is not named.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from test_reader_needs import SATURDAY

from triage.engine.addresses import missing_addresses
from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts


def notes_of(
    playbook_id: str, answers: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], bytes]:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    rendered = render_parts(playbook, read_answers(path, playbook))
    return missing_addresses(rendered.files, rendered.emails), rendered.files["reset-email.eml"]


BASE: dict[str, Any] = {
    "counterparty": "Aurora Fisk AS",
    "their_contact": "Kari Nordmann",
    "their_email": "kari@aurorafisk.no",
    "our_contact": "Jan Kowalski",
    "our_email": "jan@baltpack.pl",
    "our_company": "BaltPack sp. z o.o.",
    "what_happened": "Three deliveries of trays arrived late in November.",
    "fault": "both",
    "money": "we_owe",
    "worth_salvaging": "yes",
}


@pytest.mark.parametrize(
    ("playbook", "extra", "named", "why"),
    [
        (
            "contract-terms-dispute",
            {
                "timeline": [
                    {
                        "date": dt.date(2026, 11, 26),
                        "channel": "letter",
                        "who": "Ola Hansen, General Counsel (their side)",
                        "tone": "neutral",
                        "note": "Proposes mediation",
                    }
                ]
            },
            "Ola Hansen (General Counsel)",
            "who sent their letter of 26 November",
        ),
        (
            "client-communication-breakdown",
            {
                "timeline": [
                    {
                        "date": dt.date(2026, 12, 3),
                        "channel": "email",
                        "who": "Their DPO Ingrid Berg (their side)",
                        "tone": "neutral",
                        "note": "Formal request for an incident report",
                    }
                ]
            },
            "Ingrid Berg (DPO)",
            "who sent their email of 3 December",
        ),
        (
            "partner-dispute",
            {"their_spoc": "Łukasz Wiśniewski (CEO)"},
            "Łukasz Wiśniewski (CEO)",
            "named in your answers as their contact for this",
        ),
        (
            "salvage-relationship",
            {"attendees": "Kari Nordmann and their General Manager Selin Öztürk; Jan Kowalski"},
            "Selin Öztürk (General Manager)",
            "named among those who attend",
        ),
    ],
)
def test_the_run_names_whom_the_plan_expected_in_copy_and_why(
    playbook: str,
    extra: dict[str, Any],
    named: str,
    why: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes, eml = notes_of(playbook, {**BASE, **extra}, tmp_path, monkeypatch)
    said = [n for n in notes if "the plan expects them to see it" in n]
    assert len(said) == 1, notes
    assert named in said[0] and why in said[0], said
    # Nobody is added to Cc by the warning.
    assert b"\nCc:" not in eml.split(b"\r\n\r\n")[0].replace(b"\r\n", b"\n"), eml[:400]


def test_nobody_is_named_when_only_the_reader_and_our_side_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {
        "timeline": [
            {
                "date": dt.date(2026, 11, 26),
                "channel": "letter",
                "who": "Kari Nordmann, CEO (their side)",
                "tone": "terse",
                "note": "Complaint",
            },
            {
                "date": dt.date(2026, 11, 27),
                "channel": "email",
                "who": "Anna Nowak, CEO (our side)",
                "tone": "neutral",
                "note": "Reply",
            },
        ]
    }
    notes, _ = notes_of("contract-terms-dispute", {**BASE, **extra}, tmp_path, monkeypatch)
    assert not [n for n in notes if "the plan expects them to see it" in n], notes


@pytest.mark.parametrize(
    ("playbook", "note", "role"),
    [
        (
            "client-communication-breakdown",
            "She replied on 3 December, copying her CFO.",
            "finance director",
        ),
        ("salvage-relationship", "Our account manager's email copied their CEO by mistake.", "CEO"),
        (
            "contract-terms-dispute",
            "Their managing director has seen the thread since Friday.",
            "managing director",
        ),
        ("partner-dispute", "Her email of 2 December cc'd their GM.", "general manager"),
    ],
)
def test_their_senior_person_unnamed_but_in_the_thread_is_expected_in_copy(
    playbook, note, role, tmp_path, monkeypatch
):
    answers = {**BASE, "what_happened": BASE["what_happened"] + " " + note}
    notes, _ = notes_of(playbook, answers, tmp_path, monkeypatch)
    assert any(f"does not copy their {role}" in n for n in notes), notes


@pytest.mark.parametrize(
    ("role", "note"),
    [
        ("CFO", "Her CFO is now copied in on every email."),
        ("FD", "She replied on 3 December, copying her FD."),
        ("CEO", "Their CEO has seen the thread since Friday."),
    ],
)
def test_a_named_senior_person_is_not_named_again_by_role(role, note, tmp_path, monkeypatch):
    answers = {
        **BASE,
        "what_happened": BASE["what_happened"] + " " + note,
        "timeline": [
            {
                "date": dt.date(2026, 12, 2),
                "channel": "letter",
                "who": f"Astrid Lie, {role} (their side)",
                "tone": "terse",
                "note": "Asks for a credit",
            }
        ],
    }
    notes, _ = notes_of("client-communication-breakdown", answers, tmp_path, monkeypatch)
    copy_notes = [n for n in notes if "does not copy" in n]
    assert copy_notes and "Astrid Lie" in copy_notes[0], notes
    assert "who has seen the exchange so far" not in copy_notes[0], copy_notes
