"""The reset email's Cc line: the person the plan says it copies, header-safe, or nothing."""

from __future__ import annotations

import mailbox
from email import message_from_bytes
from email.headerregistry import Address
from email.policy import default as default_policy
from email.utils import getaddresses

import pytest

from triage.engine.render import _copied, email_message

TO = "Dana Okafor <dana@client.example>"
FROM = "Sam Lee <sam@us.example>"


def _parsed(raw: bytes):
    return message_from_bytes(raw, policy=default_policy)


@pytest.mark.parametrize(
    ("cc", "shown"),
    [
        ("Ruth Adeyemi <ruth@client.example>", ("Ruth Adeyemi", "ruth@client.example")),
        ("ruth@client.example", ("", "ruth@client.example")),
        (
            "Dr. Ruth O'Neil, COO <ruth@client.example>",
            ("Dr. Ruth O'Neil, COO", "ruth@client.example"),
        ),
        ("José Müller <jose@client.example>", ("José Müller", "jose@client.example")),
    ],
)
def test_the_copied_person_is_on_the_cc_line_as_mail_readers_see_it(cc, shown, tmp_path):
    raw = email_message("Subject", TO, "Dear Dana,\n", FROM, cc)
    message = _parsed(raw)
    (address,) = message["Cc"].addresses
    assert (address.display_name, address.addr_spec) == shown
    assert message["To"].addresses[0].addr_spec == "dana@client.example"
    assert message["From"].addresses[0].addr_spec == "sam@us.example"
    # a mailbox-style reader sees the same Cc
    box = mailbox.mbox(tmp_path / "drafts.mbox")
    box.add(mailbox.mboxMessage(raw))
    box.flush()
    (read,) = list(mailbox.mbox(tmp_path / "drafts.mbox"))
    assert [a for _, a in getaddresses(read.get_all("Cc"))] == [shown[1]]


@pytest.mark.parametrize(
    "cc",
    [
        "Eve <eve@x.example>, Mallory <m@y.example>",
        "ruth@client.example\r\nBcc: spy@evil.example",
        "ruth@client.example\nBcc: spy@evil.example",
        "Ruth <ruth@client.example>\u2028Bcc: spy@evil.example",
        "Ruth <ruth@client.example>; spy@evil.example",
    ],
)
def test_typed_text_never_adds_a_recipient_or_a_header(cc):
    message = _parsed(email_message("S", TO, "B\n", FROM, cc))
    assert message["Bcc"] is None
    recipients = [
        a.addr_spec for h in ("To", "Cc") for a in (message[h].addresses if message[h] else ())
    ]
    assert "spy@evil.example" not in recipients
    assert len(message["Cc"].addresses if message["Cc"] else ()) <= 1


@pytest.mark.parametrize("cc", ["", "   ", "not an address", "Ruth Adeyemi", TO])
def test_no_usable_address_or_the_recipient_again_gives_no_cc_line(cc):
    raw = email_message("S", TO, "B\n", FROM, cc)
    assert _parsed(raw)["Cc"] is None
    assert b"\nCc:" not in raw


def test_the_cc_comes_from_the_playbooks_email_cc_fact():
    ruth = str(Address(display_name="Ruth Adeyemi", addr_spec="ruth@client.example"))
    assert _copied({"email_cc": ruth}) == ruth
    assert _copied({}) == "" and _copied({"email_cc": None}) == ""
