"""The reset email's Cc line: the person the plan says it copies, header-safe, or nothing."""

from __future__ import annotations

import mailbox
from email import message_from_bytes
from email.policy import default as default_policy
from email.utils import getaddresses

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.playbook import load_playbook
from triage.engine.render import email_message, render_case

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


def test_the_cc_line_is_the_playbooks_own_template_and_is_checked_like_to(good, fixed_now):
    """`cc` sits beside `to` in [outputs.email]: a template string rendered per case, so the
    playbook decides who is copied and when (an empty result writes no Cc line)."""
    path = good / "mini.toml"
    path.write_text(
        path.read_text().replace(
            "to = \"{{ counterparty }} <{{ their_email or '' }}>\"\n",
            "to = \"{{ counterparty }} <{{ their_email or '' }}>\"\n"
            "cc = \"{{ 'Ruth Adeyemi <ruth@acme.example>' if route == 'mediate' else '' }}\"\n",
        )
    )
    playbook = load_playbook(path)
    angry = render_case(playbook, read_answers(good / "examples/mini/angry.toml", playbook))
    calm = render_case(playbook, read_answers(good / "examples/mini/calm.toml", playbook))
    (copied,) = _parsed(angry["reset-email.eml"])["Cc"].addresses
    assert copied.addr_spec == "ruth@acme.example"
    assert _parsed(calm["reset-email.eml"])["Cc"] is None


def test_a_misspelt_name_in_the_cc_template_is_refused_where_it_is(good):
    from triage.engine.errors import PlaybookInvalid

    path = good / "mini.toml"
    path.write_text(
        path.read_text().replace(
            "to = \"{{ counterparty }} <{{ their_email or '' }}>\"\n",
            'to = "{{ counterparty }} <{{ their_email or \'\' }}>"\ncc = "{{ thier_email }}"\n',
        )
    )
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    assert "outputs.email.cc" in str(caught.value) and "thier_email" in str(caught.value)


def test_their_escalation_owner_is_copied_once_it_is_escalated(fixed_now):
    """partner-dispute copies their escalation owner, as its plan says, from level 2; not
    when the owner is the person the email is to, and not without an address."""
    from triage.engine.library import builtin_dir

    playbook = load_playbook(builtin_dir() / "partner-dispute.toml")
    example = builtin_dir() / "examples/partner-dispute/chain-claim-our-buyer-lost-temper.toml"
    case = read_answers(example, playbook)
    (copied,) = _parsed(render_case(playbook, case)["reset-email.eml"])["Cc"].addresses
    assert (copied.display_name, copied.addr_spec) == (
        "Gwen Morgan",
        "gwen.morgan@millbrook.example",
    )
    case.answers["their_escalation_owner"] = "Owen Hughes"  # the person it is addressed to
    assert _parsed(render_case(playbook, case)["reset-email.eml"])["Cc"] is None
    case.answers["their_escalation_owner"] = "Gwen Morgan"
    del case.answers["their_escalation_email"]
    assert _parsed(render_case(playbook, case)["reset-email.eml"])["Cc"] is None
