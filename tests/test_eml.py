"""A plain draft is written and read back without the email package, byte for byte as the
email package writes and reads it; anything else still goes through the email package,
with its header safety."""

from __future__ import annotations

import contextlib
from email import message_from_bytes, policy
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import parseaddr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from triage.engine import eml
from triage.engine.render import EmailParts, email_bytes, email_parts, header_text, split_address
from triage.engine.tone_report import draft_text

# Text as playbooks and answers hold it: mostly plain, with the characters that matter to
# headers and addresses (specials, quotes, encoded-word markers, controls, line breaks,
# letters beyond ASCII) mixed in.
_TRICKY = " \t\r\n\x0b\x0c\x85\u2028\"'()<>@,;:.[]\\=?_-+/é漢\u202e\x00"
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E), st.sampled_from(_TRICKY)
    ),
    max_size=60,
)
_LOCAL = st.from_regex(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\"() -]{1,12}", fullmatch=True)
_DOMAIN = st.from_regex(r"[A-Za-z0-9.-]{1,12}", fullmatch=True)
_ADDRESS = st.one_of(st.builds(lambda a, b: f"{a}@{b}", _LOCAL, _DOMAIN), _TEXT)
_BODY = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(_TRICKY)),
    max_size=400,
)
_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _package_bytes(parts: EmailParts) -> bytes:
    """What render.email_bytes wrote with the email package alone."""
    message = EmailMessage()
    message["Subject"] = parts.subject
    for header, value in (("From", parts.sender), ("To", parts.to), ("Cc", parts.cc)):
        if value:
            message[header] = value
    message["X-Unsent"] = "1"
    long_lines = any(len(line) > 900 for line in parts.body.splitlines())
    message.set_content(parts.body, cte="quoted-printable" if long_lines else "8bit")
    return message.as_bytes(policy=SMTP.clone(max_line_length=998))


def _package_address(name: str, address: str) -> str:
    with contextlib.suppress(ValueError, IndexError, TypeError, MessageError):
        return str(Address(display_name=name, addr_spec=address))
    return ""


def _package_text(data: bytes) -> str:
    message = message_from_bytes(data, policy=policy.default)
    body = message.get_content() if isinstance(message, EmailMessage) else ""
    subject = str(message.get("Subject", "") or "")
    return f"{subject}\n\n{body}" if subject else str(body)


@_SETTINGS
@given(_TEXT, _ADDRESS)
@example("Martin Pryce", "m.pryce@keystoneestates.example")
@example("O'Brien", "a.b@c")
@example("J. Smith", "j@x.org")
def test_a_plain_address_is_shown_as_the_email_package_shows_it(name: str, address: str):
    name = header_text(name)
    shown = eml.address(name, address)
    if shown is not None:
        assert shown == _package_address(name, address)


@_SETTINGS
@given(_TEXT)
@example("a@b.c")
@example("x <a@b.c>")
@example("")
def test_an_address_alone_is_split_as_parseaddr_splits_it(text: str):
    text = header_text(text)
    if "<" in text:
        return  # the angle brackets' own rule, unchanged
    _name, address = parseaddr(text)
    expected = ("", address) if "@" in address and "," not in text else ("", "")
    assert split_address(text) == expected


@_SETTINGS
@given(_TEXT, _ADDRESS, _TEXT, _ADDRESS, _BODY)
@example("Invoice 2291: next steps", "m@x.example", "Martin Pryce", "a@b.example", "Dear M,\n")
@example("=?utf-8?q?hi?=", "a@b.c", "", "", "x\r\ny\rz\u2028\n")
@example("Re: a", "a@b.c", "A", "a@b.c", "x" * 901 + "\n")
def test_a_draft_is_the_email_package_s_bytes_and_reads_back_the_same(
    subject: str, to: str, name: str, sender: str, body: str
):
    parts = email_parts(subject, f"{name} <{to}>", body, sender)
    written = email_bytes(parts)
    assert written == _package_bytes(parts)
    assert draft_text("reset-email.eml", written) == _package_text(written)
    plain = eml.read(written)
    assert plain is None or plain == _package_text(written)


def test_a_common_draft_takes_the_plain_path():
    parts = email_parts(
        "Invoice 2291 and support response times: the open amount",
        "Martin Pryce <m.pryce@keystoneestates.example>",
        "Dear Martin,\n\nI am writing about the invoice.\n\nKind regards,\nAisha Khan\n",
        "Aisha Khan <aisha@northwind.example>",
        "Finance <finance@keystoneestates.example>",
    )
    headers = [("From", parts.sender), ("To", parts.to), ("Cc", parts.cc)]
    written = eml.write(parts.subject, headers, parts.body)
    assert written is not None and written == _package_bytes(parts)
    assert eml.read(written) == _package_text(written)


def test_header_text_that_is_not_plain_goes_through_the_email_package():
    """A line break, a control or a letter beyond ASCII never reaches a header as is."""
    for subject in ("Hello\r\nBcc: x@evil.example", "Caf\u00e9 bill", "a\x00b", "=?utf-8?q?x?="):
        assert eml.write(subject, [], "body\n") is None
    for name, address in (("Eve\r\nBcc: x@evil.example", "a@b.c"), ("A", "a@b.c\r\nBcc: x@y.z")):
        assert eml.address(name, address) is None
    assert eml.write("Hi", [("To", "a@b.c\r\nBcc: x@evil.example")], "body\n") is None
    parts = email_parts("Hello\r\nBcc: x@evil.example", "Eve\nBcc: e@x.org <a@b.c>", "hi\n")
    written = email_bytes(parts)
    assert b"\nBcc:" not in written and written == _package_bytes(parts)


def test_headers_and_lines_at_the_length_limits_are_written_as_the_email_package_writes():
    """Lines of up to 998 characters stay whole; the body's 900 is where it turns to
    quoted-printable: each side of both, the same bytes."""
    for length in range(985, 1002):
        subject = ("word " * 300)[:length].strip()
        to = ("Ann " * 300)[: length - 20].strip() + " <a@b.example>"
        parts = EmailParts(subject, to, "", "x\n", "")
        assert email_bytes(parts) == _package_bytes(parts)
    for length in (899, 900, 901, 997, 998, 999):
        parts = EmailParts("S", "a@b.example", "", "x" * length + "\n", "")
        assert email_bytes(parts) == _package_bytes(parts)
        assert draft_text("a.eml", email_bytes(parts)) == _package_text(email_bytes(parts))
