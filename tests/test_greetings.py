"""Every draft to the other side greets them the same way, by the name they go by."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

DRAFTS = ("follow-up-summary.md", "meeting-invitation.md", "mediation-proposal.md")


def _greetings(files: dict[str, bytes]) -> dict[str, str]:
    email = message_from_bytes(files["reset-email.eml"], policy=default_policy)
    found = {"reset-email.eml": email.get_body(("plain",)).get_content().splitlines()[0]}
    for name in DRAFTS:
        if name in files:
            lines = files[name].decode("utf-8-sig").splitlines()
            found[name] = next(line for line in lines if line.startswith("Dear "))
    return found


@pytest.mark.parametrize(
    ("contact", "greeting", "expected"),
    [
        ("Mrs Chan Mei-ling (Director)", "Mrs Chan", "Dear Mrs Chan,"),
        ("Dr. José María García López", "", "Dear Dr. García,"),
        ("Siobhan Gallagher (MD)", "Siobhán", "Dear Siobhán,"),
    ],
)
def test_the_email_and_the_other_drafts_greet_alike(contact, greeting, expected, fixed_now):
    playbook = load_playbook(builtin_dir() / "client-communication-breakdown.toml")
    example = builtin_dir() / "examples/client-communication-breakdown/slow-helpdesk-negotiate.toml"
    case = read_answers(example, playbook)
    case.answers["their_contact"] = contact
    if greeting:
        case.answers["their_greeting"] = greeting
    found = _greetings(render_case(playbook, case))
    assert len(found) >= 2  # the email and at least one other draft
    assert set(found.values()) == {expected}, found
