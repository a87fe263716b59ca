"""Read exported mail and pasted text into messages, with the standard library only.

What is read, whatever the file is called: an ``.eml`` message; an mbox archive
(Thunderbird's folders, Apple Mail's ``.mbox`` export folder, Gmail's Takeout), streamed a
message at a time; text pasted from a chat or a mail client (see :mod:`.pasted`). An
Outlook ``.msg`` file gets a sentence saying how to save it in a form that can be read.

Files are opened for reading only (``mailbox.mbox`` would open them for writing as well,
which is why archives are split here), never copied, moved or changed. Anything wrong is
a :class:`ThreadError`: one sentence naming the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import Message as RawMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import IO

from triage.engine.errors import TriageError
from triage.engine.thread.clean import html_to_text, one_line, own_words, plain

MAX_FILE_BYTES = 100 * 1024 * 1024  # a thread is kilobytes; a whole mailbox is not a thread
MAX_MESSAGES = 5000
MAX_MESSAGE_BYTES = 25 * 1024 * 1024  # a single message larger than this is skipped, not read
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook .msg (and old Office files)


class ThreadError(TriageError):
    """A file could not be imported; the message is one sentence naming it."""


@dataclass(frozen=True)
class Message:
    """One message of a thread, in its sender's own words (quotes and signature cut)."""

    date: dt.datetime | None  # timezone-aware (UTC when the source gave no zone); None: unknown
    name: str  # the sender's name as shown, or their address
    address: str  # lower case; '' for chat lines and pasted text without one
    subject: str
    text: str
    channel: str = "email"  # a value of the timeline's channel field: email or chat
    message_id: str = ""
    recipients: tuple[str, ...] = ()  # addresses in To and Cc, lower case
    source: str = ""  # the file it came from (its name only)

    @property
    def sender(self) -> str:
        """The sender as people know them: a name, else the address."""
        return self.name or self.address or "unknown sender"

    def key(self) -> str:
        """What makes two copies of a message the same: its Message-ID, else when, who
        and what (to the minute, since clients round times differently)."""
        if self.message_id:
            return "id:" + self.message_id
        return "body:" + self.content_key()

    def content_key(self) -> str:
        when = self.date.strftime("%Y%m%d%H%M") if self.date else ""
        words = " ".join(self.text.split()).casefold()
        digest = hashlib.sha256(words.encode()).hexdigest()[:16]
        return f"{when}|{(self.address or self.name).casefold()}|{digest}"


@dataclass
class Thread:
    """The messages read from one or more files, oldest first, each once."""

    messages: list[Message] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    duplicates: int = 0  # copies merged (the same message in two files, or twice in one)
    skipped: list[str] = field(default_factory=list)  # one sentence per message not read


# -- reading files --------------------------------------------------------------------------


def read_thread(
    paths: Iterable[Path | str], *, pasted: str | None = None, max_messages: int | None = None
) -> Thread:
    """Every message in ``paths`` (files or Apple Mail ``.mbox`` folders) and in ``pasted``
    text, oldest first, duplicates merged. Raises :class:`ThreadError` with one sentence for
    a file that cannot be read; nothing is returned half read."""
    from triage.engine.thread.pasted import split_pasted

    limit = MAX_MESSAGES if max_messages is None else max_messages
    found: list[Message] = []
    thread = Thread()
    for raw_path in paths:
        path = _mail_file(Path(raw_path))
        name = path.name if path.name != "mbox" else path.parent.name
        thread.files.append(name)
        found.extend(_read_file(path, limit - len(found), thread.skipped))
        if len(found) > limit:
            raise ThreadError(
                f"{name} brings the import to more than {limit:,} messages: export only the "
                "thread about this dispute."
            )
    if pasted is not None:
        thread.files.append("pasted text")
        messages = split_pasted(plain(pasted), "pasted text")
        if not messages:
            raise ThreadError("The pasted text is empty: there is nothing to import.")
        found.extend(messages)
    return _merged(found, thread)


def paths_from_text(text: str) -> list[Path]:
    """File names typed on one line, as a shell splits them: separated by spaces, with
    quotes (or, outside Windows, a backslash) around a space in a name; ``~`` is the home
    folder and a relative name is relative to the current folder. ThreadError (one
    sentence) for a quote left open."""
    import os
    import shlex

    try:
        words = shlex.split(text, posix=os.name != "nt")
    except ValueError:
        raise ThreadError(
            "A quote in the file names is not closed: put a name with spaces between quotes."
        ) from None
    if os.name == "nt":
        words = [w[1:-1] if len(w) > 1 and w[0] == w[-1] and w[0] in "'\"" else w for w in words]
    return [Path(word).expanduser() for word in words if word.strip()]


def read_pasted(text: str, source: str = "pasted text") -> Thread:
    """Messages from text pasted from a chat or a mail client (see :mod:`.pasted`)."""
    from triage.engine.thread.pasted import split_pasted

    thread = Thread(files=[source])
    return _merged(split_pasted(plain(text), source), thread)


def _merged(found: list[Message], thread: Thread) -> Thread:
    seen: dict[str, int] = {}
    messages: list[Message] = []
    for message in found:
        keys = {message.key(), "body:" + message.content_key()}
        if not message.text.strip() and not message.message_id:
            continue  # nothing said and nothing to tell it apart: an empty forward, a receipt
        if any(k in seen for k in keys):
            thread.duplicates += 1
            continue
        for k in keys:
            seen[k] = len(messages)
        messages.append(message)
    far_future = dt.datetime.max.replace(tzinfo=dt.UTC)
    messages.sort(key=lambda m: m.date or far_future)  # undated last, in the order read
    thread.messages = messages
    return thread


def _mail_file(path: Path) -> Path:
    """The file to read for ``path``: Apple Mail exports a folder ``Name.mbox`` holding ``mbox``."""
    if path.is_dir():
        inner = path / "mbox"
        if inner.is_file():
            return inner
        raise ThreadError(f"{path.name} is a folder, not a mail file or an Apple Mail export.")
    if not path.exists():
        raise ThreadError(f"{path} does not exist.")
    return path


def _read_file(path: Path, room: int, skipped: list[str]) -> list[Message]:
    name = path.name if path.name != "mbox" else path.parent.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ThreadError(f"{name} cannot be read ({exc.strerror or exc}).") from None
    if size == 0:
        raise ThreadError(f"{name} is empty: there is nothing to import.")
    if size > MAX_FILE_BYTES:
        raise ThreadError(
            f"{name} is {size / 1024 / 1024:,.0f} MB, more than the {MAX_FILE_BYTES // 1024 // 1024} "
            "MB triage reads: export only the thread about this dispute (select its messages "
            "and save or export just those)."
        )
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(0)
            kind = sniff(head, path.suffix.lower())
            if kind == "msg":
                raise ThreadError(
                    f"{name} is an Outlook .msg file, which triage cannot read: in Outlook, save "
                    "the messages as text (File > Save As > Text Only) or drag them into a "
                    "folder as .eml (Outlook on the web and the new Outlook: Download), and "
                    "import that instead."
                )
            if kind == "binary":
                raise ThreadError(
                    f"{name} is not mail or text (it looks like a binary file): import .eml or "
                    ".mbox files, or a .txt file of pasted messages."
                )
            if kind == "mbox":
                messages = list(_read_mbox(handle, name, room, skipped))
            elif kind == "eml":
                messages = [_message(handle.read(), name)]
            else:
                messages = _read_text(handle.read(), name)
    except OSError as exc:
        raise ThreadError(f"{name} cannot be read ({exc.strerror or exc}).") from None
    if not messages:
        raise ThreadError(f"{name} has no messages that triage could read.")
    return messages


_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?")
_MAIL_HEADERS = (
    b"from:",
    b"date:",
    b"subject:",
    b"message-id:",
    b"received:",
    b"return-path:",
    b"mime-version:",
    b"delivered-to:",
    b"to:",
)


def sniff(head: bytes, suffix: str = "") -> str:
    """What the start of a file is: 'mbox', 'eml', 'msg', 'text' or 'binary'."""
    if head.startswith(OLE_MAGIC) or (suffix == ".msg" and b"\x00" in head[:512]):
        return "msg"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith(b"From "):
        return "mbox"
    if b"\x00" in head:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "text"  # UTF-16 text, as Windows tools save it
        return "binary"
    if head.startswith(b"From "):
        return "mbox"
    if _is_header_block(head):
        return "eml"
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return "binary" if control > len(head) // 20 else "text"


def _is_header_block(head: bytes) -> bool:
    """Whether a file starts with mail headers up to a blank line: a message, not a paste.

    Outlook's "save as text" starts with From, Sent, To and Subject too; it has "Sent:"
    where a message has "Date:", so it is read as pasted text, which splits it.
    """
    names: list[bytes] = []
    for line in head.lstrip(b"\r\n").splitlines():
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header
        match = _HEADER.match(line)
        if match is None:
            return False
        names.append(match.group().split(b":")[0].lower())
    else:
        if len(head) < 4096:
            return False  # headers only, no body: not a message either
    known = [n for n in names if n + b":" in _MAIL_HEADERS]
    if b"sent" in names and b"date" not in names:
        return False
    return len(known) >= 2


def _read_mbox(handle: IO[bytes], name: str, room: int, skipped: list[str]) -> Iterator[Message]:
    """Messages of an mbox archive, one at a time: the file is never held in memory whole."""
    count = 0
    for number, (envelope, data) in enumerate(_mbox_chunks(handle), start=1):
        if count >= room:
            raise ThreadError(
                f"{name} has more messages than triage reads at once ({MAX_MESSAGES:,} in "
                "all): export only the thread about this dispute."
            )
        if data is None:
            skipped.append(f"Message {number} in {name} is larger than 25 MB and was skipped.")
            continue
        try:
            message = _message(data, name, envelope)
        except ThreadError:
            skipped.append(f"Message {number} in {name} could not be read and was skipped.")
            continue
        count += 1
        yield message


def _mbox_chunks(handle: IO[bytes]) -> Iterator[tuple[bytes, bytes | None]]:
    """(the "From " line, the message's bytes) for each message; ``None`` for one too big."""
    envelope = b""
    lines: list[bytes] = []
    size = 0
    too_big = False
    previous_blank = True
    for line in handle:
        if line.startswith(b"From ") and previous_blank:
            if envelope or lines:
                yield envelope, None if too_big else b"".join(lines)
            envelope, lines, size, too_big = line, [], 0, False
            previous_blank = False
            continue
        previous_blank = not line.strip()
        if too_big:
            continue
        if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
            line = line[1:]  # mboxrd and mboxo escape "From " at the start of a line
        size += len(line)
        if size > MAX_MESSAGE_BYTES:
            too_big, lines = True, []
            continue
        lines.append(line)
    if envelope or lines:
        yield envelope, None if too_big else b"".join(lines)


def _read_text(data: bytes, name: str) -> list[Message]:
    from triage.engine.thread.pasted import split_pasted

    return split_pasted(plain(decode_text(data)), name)


def decode_text(data: bytes) -> str:
    """Text from a file of unknown encoding: UTF-8 (with or without a mark), UTF-16 with a
    mark, else Windows-1252 (which reads Latin-1 too): never raises."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# -- one message ------------------------------------------------------------------------------

_PARSER = BytesParser(policy=policy.default)


def _message(data: bytes, source: str, envelope: bytes = b"") -> Message:
    """A message from its bytes; ThreadError when it has no sender, date or text at all."""
    try:
        raw = _PARSER.parsebytes(data)
    except Exception:  # the parser is lenient; anything it still cannot take is skipped
        raise ThreadError(f"A message in {source} could not be read.") from None
    name, address = _sender(raw)
    date = _date(raw, envelope)
    subject = one_line(_header(raw, "Subject"))
    text = own_words(body_text(raw))
    if not (address or name) and date is None and not text:
        raise ThreadError(f"{source} is not an email message.")
    recipients: list[str] = []
    for header in ("To", "Cc"):
        with_names = getaddresses([_header(raw, header)])
        recipients += [a.lower() for _n, a in with_names if "@" in a]
    message_id = _header(raw, "Message-ID").strip().strip("<>").strip()
    return Message(
        date=date,
        name=one_line(name)[:200],
        address=address,
        subject=subject[:300],
        text=text,
        message_id=one_line(message_id)[:300],
        recipients=tuple(dict.fromkeys(recipients)),
        source=source,
    )


def _header(raw: RawMessage, name: str) -> str:
    """A header as text, RFC 2047 words decoded; '' when missing or unreadable."""
    try:
        value = raw.get(name)
    except Exception:  # a malformed header the policy refuses to parse
        values = raw.get_all(name, failobj=[]) if hasattr(raw, "get_all") else []
        value = values[0] if values else None
    if value is None:
        return ""
    try:
        return str(value)
    except Exception:
        return ""


def _sender(raw: RawMessage) -> tuple[str, str]:
    for header in ("From", "Sender", "Reply-To"):
        text = _header(raw, header)
        if text:
            name, address = parseaddr(text)
            if address or name:
                address = address.lower() if "@" in address else ""
                return name.strip().strip("\"'"), address
    return "", ""


def _date(raw: RawMessage, envelope: bytes) -> dt.datetime | None:
    for text in (_header(raw, "Date"), _envelope_date(envelope), _received_date(raw)):
        found = parse_mail_date(text)
        if found is not None:
            return found
    return None


def parse_mail_date(text: str) -> dt.datetime | None:
    """An RFC 5322 date as an aware datetime (UTC when it gives no zone); None if unreadable."""
    if not text:
        return None
    try:
        found = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if found is None:
        return None
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def _envelope_date(envelope: bytes) -> str:
    """The date on an mbox "From sender date" line, e.g. Gmail's "Tue Mar 03 10:14:05 +0000 2026"."""
    parts = envelope.decode("ascii", errors="replace").split()[2:]
    if len(parts) < 5:
        return ""
    text = " ".join(parts)
    match = re.match(
        r"(\w{3}) (\w{3}) +(\d{1,2}) (\d\d:\d\d(?::\d\d)?)(?: ([+-]\d{4}))? (\d{4})", text
    )
    if not match:
        return ""
    weekday, month, day, time, zone, year = match.groups()
    return f"{weekday}, {day} {month} {year} {time} {zone or '+0000'}"


def _received_date(raw: RawMessage) -> str:
    received = _header(raw, "Received")
    return received.rsplit(";", 1)[1].strip() if ";" in received else ""


def body_text(raw: RawMessage) -> str:
    """The message's text: its plain part, else its HTML part as text; attachments ignored."""
    plain_part: RawMessage | None = None
    html_part: RawMessage | None = None
    parts = raw.walk() if raw.is_multipart() else iter([raw])
    for part in parts:
        if part.is_multipart():
            continue
        disposition = (part.get_content_disposition() or "").lower()
        if disposition == "attachment" or part.get_filename():
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain_part is None:
            plain_part = part
        elif kind == "text/html" and html_part is None:
            html_part = part
    if plain_part is not None:
        text = _decoded(plain_part)
        if text.strip():
            return text
    if html_part is not None:
        return html_to_text(_decoded(html_part))
    return ""


def _decoded(part: RawMessage) -> str:
    """A text part's content: transfer encoding undone (base64, quoted-printable), then its
    charset; a wrong or unknown charset falls back to UTF-8, then Windows-1252."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if not isinstance(payload, bytes):
        value = part.get_payload()
        return value if isinstance(value, str) else ""
    charset = part.get_content_charset() or ""
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_MESSAGES",
    "Message",
    "Thread",
    "ThreadError",
    "decode_text",
    "parse_mail_date",
    "read_pasted",
    "read_thread",
    "sniff",
]
