"""The drafts say what their reader most needs, in the reader's words.

Each built-in example is a starting point; a test changes the answers the way a manager
would type them (shorthand from our own notes, a fix already done, a demand of theirs) and
reads the drafts the other side receives: the reset email, the invitation, the summary and
the mediation proposal.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

EXAMPLES = builtin_dir() / "examples"
SATURDAY = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)
MONDAY = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


def example(name: str) -> dict[str, Any]:
    """The answers of a built-in example ("playbook/example"), without its expectations."""
    answers = tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))
    answers.pop("expect", None)
    return answers


def drafts(
    playbook_id: str,
    answers: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    now: dt.datetime = MONDAY,
) -> dict[str, str]:
    """Every output of a case made from ``answers`` on ``now``, as text: an email's body
    (under its file name) and its subject (under "subject")."""
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: now)
    playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps({k: v for k, v in answers.items() if v is not None}).encode())
    files = render_case(playbook, read_answers(path, playbook))
    texts: dict[str, str] = {}
    for name, data in files.items():
        if name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            texts[name] = message.get_body(preferencelist=("plain",)).get_content()
            texts["subject"] = str(message["Subject"])
        elif not name.endswith(".ics"):
            texts[name] = data.decode("utf-8-sig")
    return texts


# Kind: our own shorthand reaches the reader in a typed ask or a list of attendees.


def test_a_typed_ask_reaches_them_without_our_shorthand(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["our_ask"] = "release the EUR 410k deducted from IPC 14 + agree EOT w/ Erik asap"
    email = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)["reset-email.eml"]
    assert (
        "Release the EUR 410,000 deducted from interim payment certificate 14 and agree an "
        "extension of time with you as soon as possible." in email
    ), email
    for shorthand in ("410k", "IPC", "EOT", " + ", "w/", "asap"):
        assert shorthand not in email, shorthand


def test_attendees_typed_as_a_note_are_named_as_the_reader_reads_them(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/stage-payments-negotiate")
    answers["attendees"] = "you + Grace + her QS; me + Tom"
    invitation = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)[
        "meeting-invitation.md"
    ]
    assert "Suggested attendees: you and your quantity surveyor; Tom and me." in invitation


def test_the_terms_agreed_are_recorded_in_words_the_reader_uses(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["agreed_terms"] = [{"term": "Erik's team pays the 184k by 18 Dec + we credit 2k"}]
    summary = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)[
        "follow-up-summary.md"
    ]
    assert "1. Your team pays the SEK 184,000 by 18 Dec and we credit SEK 2,000." in summary
