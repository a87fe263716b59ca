"""A draft's .eml in the plain case, written and read back without the email package.

Loading the email package costs a headless case about 8 ms of its start (its header
parser, ``socket``, ``calendar`` and ``locale`` with it), yet nearly every draft is plain:
headers of printable ASCII that fit on one line, addresses of the common form, a body
with no line longer than 900 characters. For those, :func:`write` gives exactly the bytes
the email package writes for :func:`triage.engine.render.email_bytes` (``EmailMessage``,
the SMTP policy with lines of up to 998 characters, an 8bit body), :func:`address` what
``str(Address(...))`` gives, and :func:`read` what the email package reads back (the
subject, and the body as ``get_content`` returns it). For anything else each returns
None, and the caller uses the email package as before: the plain case is recognised by
what it holds, never assumed. tests/test_eml.py compares the two on generated drafts.

Header safety is unchanged: a value with anything but printable ASCII (a line break, a
control) is never plain, so it goes through the email package.
"""

from __future__ import annotations

import re

__all__ = ["address", "read", "write"]

# What RFC 5322 calls atext, and a dot-atom of it: an address of the common form.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*")  # atext and spaces: no quoting
_PLAIN_TEXT = re.compile(r"[ -~]*")  # printable ASCII, no line break or control
_PLAIN_SHOWN = re.compile(
    rf"{_PLAIN_NAME.pattern} <{_PLAIN_ADDRESS.pattern}>|{_PLAIN_ADDRESS.pattern}"
)
_MOST = 900  # characters in a body line before render.py asks for quoted-printable
_HEADER_MOST = 998  # characters in a header line before the email package would fold it
_HEAD = 'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n'
_TAIL = "MIME-Version: 1.0\r\n\r\n"


def _plain_value(value: str) -> bool:
    return (
        _PLAIN_TEXT.fullmatch(value) is not None
        and value == " ".join(value.split())  # one space between words, none at the ends
        and "=?" not in value  # what could be read as an encoded word
    )


def address(name: str, addr_spec: str) -> str | None:
    """``str(Address(display_name=name, addr_spec=addr_spec))`` for a plain address and
    name (a name with none of RFC 5322's specials, so never quoted); None otherwise."""
    if _PLAIN_ADDRESS.fullmatch(addr_spec) is None or _PLAIN_NAME.fullmatch(name) is None:
        return None
    if name != " ".join(name.split()):
        return None
    return f"{name} <{addr_spec}>" if name else addr_spec


def write(subject: str, headers: list[tuple[str, str]], body: str) -> bytes | None:
    """The draft's bytes: ``Subject``, then each ``(name, value)`` of ``headers`` given a
    value (addresses as :func:`address` shows them), then ``X-Unsent: 1``, and the body
    as 8bit UTF-8; None unless all is plain."""
    given = [(name, value) for name, value in headers if value]
    if any(_PLAIN_SHOWN.fullmatch(value) is None for _name, value in given):
        return None  # an address the email package would write its own way (quoted, say)
    out = []
    for name, value in [("Subject", subject), *given, ("X-Unsent", "1")]:
        if not _plain_value(value) or len(name) + 2 + len(value) > _HEADER_MOST or not value:
            return None
        out.append(f"{name}: {value}\r\n")
    try:
        encoded = body.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if any(len(line) > _MOST for line in body.splitlines()):
        return None
    text_lines = encoded.splitlines()  # as the email package splits them: \n, \r\n, \r
    if any(len(line) > _HEADER_MOST for line in text_lines):
        return None
    head = "".join(out) + _HEAD + _TAIL
    return head.encode("ascii") + b"".join(line + b"\r\n" for line in text_lines)


def read(data: bytes) -> str | None:
    """What the tone check reads of a draft: ``subject``, a blank line and the body (the
    body alone with no subject), as the email package reads it back; None unless the
    draft is one :func:`write` makes."""
    head, blank, body = data.partition(b"\r\n\r\n")
    if not blank or not head.isascii():
        return None
    lines = head.decode("ascii").split("\r\n")
    if lines[-3:] != [
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: 8bit",
        "MIME-Version: 1.0",
    ]:
        return None
    subject = ""
    seen = set()
    for line in lines[:-3]:
        name, colon, value = line.partition(": ")
        if not colon or name in seen or name not in ("Subject", "From", "To", "Cc", "X-Unsent"):
            return None
        if not _plain_value(value) or not value:
            return None
        seen.add(name)
        if name == "Subject":
            subject = value
    if b"\r" in body.replace(b"\r\n", b"") or (body and not body.endswith(b"\r\n")):
        return None
    if b"\n" in body.replace(b"\r\n", b""):
        return None
    text = body.decode("utf-8", errors="replace")
    return f"{subject}\n\n{text}" if subject else text
