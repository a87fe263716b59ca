"""Kind: the plan names who the email copies, and the draft does not carry them.

When the plan says "Who the email copies: Neil Pilkington", the .eml copies them: in the Cc
header when their address is known, else the user is told whom to add in Cc when the outputs
are written (never in a line of the body the other side would read), so that nobody the plan
relies on is left off. A name typed with new lines
or commas never adds a header or a recipient.
"""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default as default_policy

import tomli_w
from drafts_cases import answers_of, render

from triage.engine.addresses import missing_addresses
from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case, render_parts

ESPRESSO = "partner-dispute--espresso-distributor-exclusivity"
LAB = "partner-dispute--lab-api-patient-data-leak"


def test_who_the_plan_copies_without_an_address_is_a_visible_line_and_a_warning(
    tmp_path, monkeypatch
):
    texts = render(LAB, tmp_path, monkeypatch)
    assert "Who the email copies:** Maria Ek" in texts["plan.md"]
    email = texts["email"]
    # The other side never reads our note to ourselves: the body opens with the greeting, and
    # the user is told whom to copy when the outputs are written.
    assert email.startswith("Dear Henrik,") and "[Cc:" not in email, email
    assert texts["Cc"] == "", texts["Cc"]
    playbook, answers = answers_of(LAB)
    loaded = load_playbook(builtin_dir() / f"{playbook}.toml")
    path = tmp_path / "lab.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    parts = render_parts(loaded, read_answers(path, loaded)).emails["reset-email.eml"]
    notes = missing_addresses({}, {"reset-email.eml": parts})
    assert any("Maria Ek" in n and "Cc" in n for n in notes), notes


def test_who_the_plan_copies_with_an_address_is_in_the_cc_header(tmp_path, monkeypatch):
    change = {"their_escalation_email": "neil.pilkington@example.co.uk"}
    texts = render(ESPRESSO, tmp_path, monkeypatch, change)
    assert texts["Cc"] == "Neil Pilkington <neil.pilkington@example.co.uk>", texts["Cc"]
    assert "[Cc:" not in texts["reset-email.eml"], texts["reset-email.eml"]
    # Without the address, no line in the body stands in for the header.
    texts = render(ESPRESSO, tmp_path, monkeypatch)
    assert texts["Cc"] == "" and "[Cc:" not in texts["email"], texts["email"]


def test_a_name_typed_with_new_lines_and_commas_adds_no_header_or_recipient(tmp_path):
    playbook, answers = answers_of(ESPRESSO)
    answers["their_escalation_owner"] = "Neil Pilkington\nBcc: all@example.com, x@example.com"
    answers["their_escalation_email"] = "neil.pilkington@example.co.uk"
    loaded = load_playbook(builtin_dir() / f"{playbook}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    raw = render_case(loaded, read_answers(path, loaded))["reset-email.eml"]
    message = message_from_bytes(raw, policy=default_policy)
    assert message["Bcc"] is None, raw
    assert [a.addr_spec for a in message["Cc"].addresses] == ["neil.pilkington@example.co.uk"]
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc" not in head and b"all@example.com>" not in head, head
