"""Importing a thread: reading each client's mail, cleaning it, and the computed audit.

Every archive is built here (tests/fixtures/thread/mail.py), in the header styles of Gmail,
Outlook, Apple Mail and Thunderbird.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.fixtures.thread import mail
from tests.fixtures.thread.mail import OURS, OURS_2, START, THEIRS
from triage.engine.thread import ThreadError, audit, read_pasted, read_thread, sides_from_answers
from triage.engine.thread import read as reading
from triage.engine.thread.audit import plan_figures, strip_text, summary_lines
from triage.engine.thread.merge import key_rows

ANSWERS = {"our_email": "sam.okafor@baseline.example", "their_email": "dana@fenwick.example"}
LATER = START + dt.timedelta(hours=3)
QUOTE = "Hi Sam,\n\nThe export is still broken and nobody has told us why.\n"


def one(tmp_path: Path, data: bytes, name: str = "m.eml"):
    path = tmp_path / name
    path.write_bytes(data)
    thread = read_thread([path])
    assert len(thread.messages) == 1, thread.messages
    return thread.messages[0]


@pytest.mark.parametrize("client", [mail.gmail, mail.outlook, mail.apple, mail.thunderbird])
def test_each_clients_reply_counts_only_its_own_words(tmp_path, client):
    body = "Hi Dana,\n\nWe found the cause and will fix the export by Thursday.\n"
    message = one(tmp_path, client(OURS, THEIRS, LATER, "RE: Export", body, QUOTE, "a@x"))
    assert message.text == "Hi Dana,\n\nWe found the cause and will fix the export by Thursday."
    assert "nobody has told us" not in message.text  # the quoted reply is gone
    assert "Kind regards" not in message.text and "iPhone" not in message.text
    assert "Baseline Commerce Cloud" not in message.text  # nor the signature
    assert (message.name, message.address) == OURS
    assert message.date == LATER


def test_latin1_body_and_encoded_words_in_headers_read_as_written(tmp_path):
    sender = ("Zoë Brontë", "zoe@fenwick.example")
    data = mail.latin1(sender, OURS, START, "Réclamation: délai", "Le délai était trop long.")
    assert b"=?iso-8859-1?" in data.lower() and "é".encode("latin-1") in data
    message = one(tmp_path, data)
    assert message.name == "Zoë Brontë"
    assert message.subject == "Réclamation: délai"
    assert message.text == "Le délai était trop long."


def test_quoted_printable_windows_1252_and_base64_html_are_decoded(tmp_path):
    body = "The café invoice says €1,200 – that is not what we agreed."
    qp = mail.outlook(THEIRS, OURS, START, "Invoice", body)
    assert b"quoted-printable" in qp
    assert one(tmp_path, qp).text.startswith(body)
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>We&nbsp;need the figures "
        "<b>today</b>.</p><blockquote>Earlier: you always say that.</blockquote></body></html>"
    )
    data = mail.html_only(THEIRS, OURS, START, "Figures", html)
    assert b"base64" in data
    message = one(tmp_path, data, "h.eml")
    assert message.text == "We need the figures today."  # no CSS, no quoted block


def test_attachments_are_not_read(tmp_path):
    data = mail.with_attachment(
        THEIRS, OURS, START, "Notes", "Notes from the call attached.", "We will sue you."
    )
    path = tmp_path / "a.eml"
    path.write_bytes(data)
    found = audit(read_thread([path]), sides_from_answers(ANSWERS))
    assert found.rows[0].excerpt == "Notes from the call attached."
    assert found.rows[0].findings == ()


def test_a_wrongly_labelled_charset_still_reads(tmp_path):
    raw = (
        b"From: Dana <dana@fenwick.example>\nTo: sam.okafor@baseline.example\n"
        b"Date: Mon, 2 Mar 2026 09:00:00 +0100\nSubject: x\n"
        b'Content-Type: text/plain; charset="x-made-up"\n\nThe caf\xe9 was closed.\n'
    )
    assert one(tmp_path, raw).text == "The café was closed."


def test_duplicates_across_files_are_merged(tmp_path):
    first = mail.gmail(THEIRS, OURS, START, "Export", "Is the export fixed?", "", "m1@x")
    second = mail.apple(OURS, THEIRS, LATER, "RE: Export", "Not yet, tomorrow.", "", "m2@x")
    (tmp_path / "one.eml").write_bytes(first)
    (tmp_path / "all.mbox").write_bytes(mail.mbox([first, second]))
    thread = read_thread([tmp_path / "one.eml", tmp_path / "all.mbox"])
    assert [m.text for m in thread.messages] == ["Is the export fixed?", "Not yet, tomorrow."]
    assert thread.duplicates == 1
    assert "1 duplicate merged" in summary_lines(audit(thread))[0]


def test_copies_without_a_message_id_are_merged_by_when_who_and_what(tmp_path):
    data = mail.gmail(THEIRS, OURS, START, "Export", "Is the export fixed?")
    (tmp_path / "a.eml").write_bytes(data)
    (tmp_path / "b.eml").write_bytes(data)
    thread = read_thread([tmp_path / "a.eml", tmp_path / "b.eml"])
    assert len(thread.messages) == 1 and thread.duplicates == 1


def test_apple_mail_export_folder_is_read(tmp_path):
    folder = tmp_path / "Fenwick.mbox"
    folder.mkdir()
    (folder / "mbox").write_bytes(mail.mbox([mail.apple(THEIRS, OURS, START, "x", "Hello there.")]))
    (folder / "Info.plist").write_text("<plist/>")
    thread = read_thread([folder])
    assert thread.files == ["Fenwick.mbox"] and len(thread.messages) == 1


# -- the audit of a long thread -----------------------------------------------------------


@pytest.fixture(scope="module")
def long_audit(tmp_path_factory):
    path = tmp_path_factory.mktemp("thread") / "thread.mbox"
    path.write_bytes(mail.mbox(mail.long_thread()))
    return audit(read_thread([path]), sides_from_answers(ANSWERS))


def test_a_200_message_thread_shows_sides_reply_times_and_the_turning_point(long_audit):
    found = long_audit
    assert len(found.rows) == 200
    ours, theirs = found.figures["ours"], found.figures["theirs"]
    assert set(ours.senders) == {"Sam Okafor", "Priya Nair"} and theirs.senders == (
        "Dana Whitcombe",
    )
    assert ours.median == dt.timedelta(hours=19) and theirs.median == dt.timedelta(hours=5)
    turning = found.turning_row
    assert turning is not None and turning.index == 120  # the first heated message
    assert turning.who == "Dana Whitcombe (their side)"
    assert "failed to deliver" in turning.excerpt
    lines = summary_lines(found)
    assert any(line.startswith("Turning point: On 1 May 2026, Dana Whitcombe") for line in lines)
    assert any("replies in 19 h (median)" in line for line in lines)


def test_our_contradicting_commitments_are_found_as_mixed_messages(long_audit):
    [mixed] = long_audit.mixed
    assert mixed.side == "ours"
    assert {mixed.first.message.sender, mixed.second.message.sender} == {OURS[0], OURS_2[0]}
    assert "credit" in mixed.topic


def test_key_rows_hold_the_turning_point_and_the_mixed_messages(long_audit):
    keys = key_rows(long_audit)[:10]
    assert {120, 119, 40, 43, 0} <= set(keys)
    row = long_audit.rows[120].timeline_row(dt.date(2026, 1, 1))
    assert row == {
        "date": dt.date(2026, 5, 1),
        "channel": "email",
        "who": "Dana Whitcombe (their side)",
        "tone": "hostile",
        "note": "You failed to deliver the reports again and this is unacceptable.",
    }


def test_the_strip_shows_both_sides_and_marks_the_turn(long_audit):
    lines = strip_text(long_audit, width=50)
    ours, theirs, marker = lines[1], lines[2], lines[3]
    assert ours.startswith("our side") and theirs.startswith("their side")
    assert "X" in theirs[30:] and "X" not in theirs[:30]  # calm, then hostile
    assert marker.rstrip().endswith("^ turning point")
    figures = plan_figures(long_audit)
    assert figures["messages"] == 200 and figures["turning_point"]["date"] == dt.date(2026, 5, 1)
    assert [s["median_reply"] for s in figures["sides"]] == ["19 h", "5 h"]


def test_sides_without_case_answers_come_from_company_names_or_the_mailbox(tmp_path):
    messages = [
        mail.gmail(THEIRS, OURS, START, "x", "Where is the report?", "", "1@x"),
        mail.gmail(OURS, THEIRS, LATER, "x", "Sending it today.", "", "2@x"),
    ]
    (tmp_path / "t.mbox").write_bytes(mail.mbox(messages))
    thread = read_thread([tmp_path / "t.mbox"])
    by_name = audit(thread, sides_from_answers({"counterparty": "Fenwick & Rowe"}))
    assert [r.side for r in by_name.rows] == ["theirs", "ours"]
    corrected = audit(thread, sides_from_answers({}, ours=["fenwick.example"]))
    assert [r.side for r in corrected.rows] == ["ours", "theirs"]


def test_free_mail_addresses_are_told_apart_by_address_not_domain(tmp_path):
    a, b = ("Ann", "ann@gmail.com"), ("Bob", "bob@gmail.com")
    (tmp_path / "t.mbox").write_bytes(
        mail.mbox(
            [
                mail.gmail(a, b, START, "x", "Are we still on for Friday?", "", "1@x"),
                mail.gmail(b, a, LATER, "x", "Yes, Friday works.", "", "2@x"),
            ]
        )
    )
    found = audit(read_thread([tmp_path / "t.mbox"]), sides_from_answers({"our_email": a[1]}))
    assert [r.side for r in found.rows] == ["ours", "theirs"]


# -- pasted text ------------------------------------------------------------------------------


def test_pasted_whatsapp_chat_is_split_by_its_date_and_sender_lines():
    text = (
        "03/03/2026, 10:14 - Dana Whitcombe: Where is the report?\n"
        "03/03/2026, 10:20 - Sam Okafor: Sending it now.\n"
        "It has the March figures.\n"
        "[13/03/2026, 09:01:05] Dana Whitcombe: You never send it on time.\n"
    )
    thread = read_pasted(text)
    assert [(m.name, m.date.date(), m.channel) for m in thread.messages] == [
        ("Dana Whitcombe", dt.date(2026, 3, 3), "chat"),
        ("Sam Okafor", dt.date(2026, 3, 3), "chat"),
        ("Dana Whitcombe", dt.date(2026, 3, 13), "chat"),
    ]
    assert thread.messages[1].text == "Sending it now.\nIt has the March figures."


def test_a_pasted_mail_thread_splits_at_each_reply_header():
    text = (
        "Sam, I need an answer today.\n\n"
        "From: Sam Okafor <sam.okafor@baseline.example>\n"
        "Sent: Tuesday, March 3, 2026 4:05 PM\n"
        "To: Dana Whitcombe <dana@fenwick.example>\n"
        "Subject: RE: Report\n\n"
        "We are looking into it.\n\n"
        "On Mon, Mar 2, 2026 at 9:00 AM Dana Whitcombe <dana@fenwick.example> wrote:\n"
        "> Where is the report?\n"
    )
    thread = read_pasted(text)
    got = [(m.sender, m.date.isoformat() if m.date else None, m.text) for m in thread.messages]
    assert got == [
        ("Dana Whitcombe", "2026-03-02T09:00:00+00:00", "Where is the report?"),
        ("Sam Okafor", "2026-03-03T16:05:00+00:00", "We are looking into it."),
        ("unknown sender", None, "Sam, I need an answer today."),  # the top reply: undated, last
    ]


def test_pasted_text_with_no_message_lines_is_kept_as_one_entry():
    thread = read_pasted("They called to say the delivery was late again.\nNot happy.")
    [message] = thread.messages
    assert message.date is None and "delivery was late" in message.text
    row = audit(thread).rows[0].timeline_row(dt.date(2026, 3, 9))
    assert row["date"] == dt.date(2026, 3, 9) and row["note"].startswith("(date not found)")


# -- bad input ---------------------------------------------------------------------------------


def refused(tmp_path: Path, data: bytes, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ThreadError) as caught:
        read_thread([path])
    message = str(caught.value)
    assert name in message and "\n" not in message
    return message


def test_empty_binary_and_outlook_msg_files_get_one_sentence(tmp_path):
    assert "is empty" in refused(tmp_path, b"", "empty.eml")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "not mail or text" in refused(tmp_path, png, "photo.eml")
    msg = reading.OLE_MAGIC + b"\x00" * 600
    assert "save the messages as text" in refused(tmp_path, msg, "thread.msg")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024)
    data = mail.mbox([mail.gmail(THEIRS, OURS, START, "x", "word " * 400)])
    message = refused(tmp_path, data, "all-mail.mbox")
    assert "export only the thread" in message


def test_too_many_messages_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_MESSAGES", 5)
    data = mail.mbox(mail.long_thread(count=8, shift_at=8))
    assert "more messages than triage reads" in refused(tmp_path, data, "big.mbox")


def test_a_malformed_message_in_an_archive_is_skipped_and_said(tmp_path):
    good = mail.gmail(THEIRS, OURS, START, "x", "Where is the report?", "", "1@x")
    broken = b"\x00\x01\x02"
    data = mail.mbox([good]) + b"From x Mon Mar  2 09:00:00 2026\n" + broken + b"\n\n"
    (tmp_path / "t.mbox").write_bytes(data)
    thread = read_thread([tmp_path / "t.mbox"])
    assert [m.text for m in thread.messages] == ["Where is the report?"]


def test_text_from_mail_cannot_drive_a_terminal(tmp_path):
    sender = ("Dana \x1b[2J\u202eWhitcombe", "dana@fenwick.example")
    data = mail.gmail(sender, OURS, START, "x\x07", "Please \x1b]0;owned\x07reply.\u202e today")
    found = audit(_read(tmp_path, data))
    row = found.rows[0]
    for text in [row.who, row.excerpt, *summary_lines(found)]:
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text


def _read(tmp_path: Path, data: bytes):
    path = tmp_path / "m.eml"
    path.write_bytes(data)
    return read_thread([path])


def test_the_thread_engine_loads_no_ui():
    from tests.test_import_hygiene import loaded_ui_modules

    code = """
    from triage.engine.thread import audit, read_thread, merge_into_session
    from triage.engine.thread import pasted, clean
    """
    assert loaded_ui_modules(code) == []


def test_a_pasted_slack_day_takes_its_date_from_the_day_line():
    text = (
        "Tuesday, March 3rd, 2026\n"
        "Dana Whitcombe  10:14 AM\nWhere is the report?\n"
        "Sam Okafor  2:20 PM\nSending it now.\n"
    )
    got = [(m.name, m.date, m.text) for m in read_pasted(text).messages]
    assert got == [
        ("Dana Whitcombe", dt.datetime(2026, 3, 3, 10, 14, tzinfo=dt.UTC), "Where is the report?"),
        ("Sam Okafor", dt.datetime(2026, 3, 3, 14, 20, tzinfo=dt.UTC), "Sending it now."),
    ]
