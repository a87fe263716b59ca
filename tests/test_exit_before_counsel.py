"""An exit whose end our lawyers are still to write: the friendly email serves no notice.

When the manager's own step has our counsel drafting the termination later, the exit email
sent before it asks to agree together how and when the agreement ends and says the lawyers
will put it in writing; it never says "Under clause X, the agreement ends in ...". A sum the
opening already says we pay in full is not "a fair settlement of what is owed" again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_drafts_round35 import email_of


def exit_case(**extra: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "counterparty": "Fjordlys Reiser AS",
        "their_contact": "Ingrid Solberg",
        "their_email": "ingrid@fjordlys.no",
        "our_contact": "Tomás Ruiz",
        "our_company": "Ruta Viajes S.L.",
        "what_happened": "Fjordlys was bought by our main competitor in October. The referral "
        "alliance no longer fits; Ingrid has been fair throughout.",
        "worth_salvaging": "no",
        "fault": "misunderstanding",
        "money": "we_owe",
        "work_ongoing": True,
        "say_first": "Your Q3 referral fees of EUR 9,600 will be paid in full by 18 December.",
        "clauses": [
            {
                "ref": "Clause 14.1",
                "says": "Either party may terminate on change of control, 60 days' notice",
                "our_reading": "We can give notice now; ends early February 2027",
            },
            {
                "ref": "Clause 11",
                "says": "Confidential information returned or deleted on termination",
            },
        ],
        "agreed_actions": [
            {
                "what": "Counsel to draft the mutual termination agreement under clause 14.1",
                "owner": "Tomás Ruiz with our lawyer",
                "due": dt.date(2026, 12, 16),
            }
        ],
        "proposed_times": [{"date": dt.date(2026, 12, 10), "time": "10:00"}],
    }
    answers.update(extra)
    return answers


@pytest.mark.parametrize(
    ("playbook", "step"),
    [
        ("partner-dispute", "Counsel to draft the mutual termination agreement under clause 14.1"),
        ("salvage-relationship", "Our lawyer drafts the wind-down agreement"),
        ("client-communication-breakdown", "Solicitors to prepare termination letter"),
    ],
)
def test_an_exit_email_before_counsel_writes_the_end_serves_no_notice(
    playbook: str, step: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = exit_case(
        agreed_actions=[{"what": step, "owner": "Tomás Ruiz", "due": dt.date(2026, 12, 16)}]
    )
    out = email_of(playbook, answers, tmp_path, monkeypatch)
    body = out["body"]
    assert "ends in February" not in body and "ends on" not in body, body
    assert "this is our notice" not in body, body
    assert "agree together how and when" in body, body
    assert "will then put it in writing" in body, body
    assert "fair settlement of what is owed" not in body, body


def test_with_no_counsel_step_the_exit_is_as_before(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = email_of("partner-dispute", exit_case(agreed_actions=[]), tmp_path, monkeypatch)
    assert "agree together how and when" not in out["body"], out["body"]
