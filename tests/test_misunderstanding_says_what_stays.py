"""A misunderstanding our own letter caused says plainly what the clause does, with the figure
typed, and that nothing else changes; never only "we have been reading it differently". A
decided gesture typed as a note ("keep the 2026 fee ...") is said as what we will do."""

from __future__ import annotations

from typing import Any

import pytest
from test_drafts_round35 import email_of


def misread(**extra: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "counterparty": "Panadería Ruiz S.L.",
        "their_contact": "Lucía Ruiz",
        "our_contact": "Tom Baker",
        "our_company": "ColdChain Services Ltd",
        "what_happened": "Our yearly price letter was headed 'Notice of change of terms', and "
        "Lucía thinks we are changing the contract.",
        "fault": "misunderstanding",
        "worth_salvaging": "yes",
        "our_mistakes": [
            {
                "mistake": "our price letter was headed as a notice of changed terms",
                "fix": "the letter template is being rewritten",
            }
        ],
    }
    answers.update(extra)
    return answers


@pytest.mark.parametrize(
    ("playbook", "clause", "said"),
    [
        (
            "client-communication-breakdown",
            {
                "ref": "Clause 6.3",
                "says": "Fees are adjusted each 1 January by the CPI change",
                "our_reading": "Automatic, no new terms, +3.4% for 2027",
            },
            "To be clear, clause 6.3 reads: fees are adjusted each 1 January by the CPI change; "
            "that is +3.4% for 2027. Nothing else in our agreement changes.",
        ),
        (
            "salvage-relationship",
            {
                "ref": "Section 9",
                "says": "The service rate follows the national wage index each April",
                "our_reading": "Only the index, EUR 12 a month more from April",
            },
            "To be clear, section 9 reads: the service rate follows the national wage index each "
            "April; that is EUR 12 a month more from April. Nothing else in our agreement changes.",
        ),
        (
            "partner-dispute",
            {"ref": "4.2", "says": "Commission is reviewed every two years"},
            "To be clear, clause 4.2 reads: commission is reviewed every two years. Nothing else "
            "in our agreement changes.",
        ),
    ],
)
def test_a_misunderstanding_says_what_the_clause_does_and_that_nothing_else_changes(
    playbook: str,
    clause: dict[str, str],
    said: str,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = email_of(playbook, misread(clauses=[clause]), tmp_path, monkeypatch)
    body = out["body"]
    assert said in body, body
    assert "reading it differently" not in body, body


def test_a_gesture_typed_as_a_note_is_said_as_what_we_will_do(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = misread(
        our_offer="keep the 2026 fee for January and February while she checks the clause",
        clauses=[{"ref": "Clause 6.3", "says": "Fees follow the CPI each January"}],
    )
    body = email_of("client-communication-breakdown", answers, tmp_path, monkeypatch)["body"]
    assert "We will keep the 2026 fee for January and February" in body, body
    assert "On our side: keep" not in body, body
