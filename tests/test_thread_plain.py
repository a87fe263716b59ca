"""Importing an email thread in the line-by-line prompts, driven through a pseudo-terminal."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.fixtures.thread import mail
from tests.prompts import DOWN, reply, spawn_triage
from tests.tui.test_thread_import import make_case

pexpect = pytest.importorskip("pexpect")


def spawn(home: Path, case: Path) -> pexpect.spawn:
    return spawn_triage(["run", str(case), "--plain"], case.parent, {"TRIAGE_HOME": str(home)})


def stop(child: pexpect.spawn) -> None:
    """Ctrl-C at the next question: the answers so far are kept, the exit is 130."""
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def answers(case: Path) -> dict:
    return tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))["answers"]


def test_a_thread_is_imported_and_the_stage_asks_with_it_as_the_answers(tmp_path, triage_home):
    case = make_case(tmp_path / "case")
    (tmp_path / "thread.mbox").write_bytes(mail.mbox(mail.long_thread()))
    child = spawn(triage_home, case)
    child.expect_exact("Stage 4 of 9: Audit the communications")
    reply(child, "Import an email thread or pasted messages? (files, paste, or skip)", "\r")
    reply(child, "Files to read", "thread.mbox\r")  # relative to the current folder
    child.expect_exact("Read 200 messages from thread.mbox, 2 March 2026 to 10 June 2026.")
    child.expect_exact("Our side: 101 from Sam Okafor, Priya Nair")
    child.expect_exact("Turning point: On 1 May 2026, Dana Whitcombe (their side)")
    child.expect_exact("their side ")  # the strip
    child.expect_exact("^ turning point")
    child.expect_exact("Timeline: 10 key messages added (10 rows in all).")
    child.expect_exact("Where did the tone shift, and what seems to have triggered it? On 1 May")
    assert "timeline" not in answers(case)  # nothing saved before it is confirmed
    reply(child, "Add this to the case?", "\r")
    child.expect_exact("Added 10 key messages.")
    # the stage's questions, with what was imported as their answers so far
    child.expect_exact("1. 2026-03-02, Email, ")
    reply(child, "Keep these 10 entries?", "\r")
    reply(child, "Add another entry?", "n")
    child.expect_exact("How long does each side take to reply?")
    reply(child, "Keep these 2 entries?", "\r")  # the reply times, one row a side
    reply(child, "Add another entry?", "n")
    reply(child, "Where did the tone shift", "\r")  # Enter keeps the suggestion
    reply(child, "Have different people", "\r")  # Yes, as suggested
    reply(child, "Who said what?", "\r")
    child.expect_exact("Has the channel itself become part of the problem?")
    stop(child)
    saved = answers(case)
    assert len(saved["timeline"]) == 10
    assert saved["tone_shift"].startswith("On 1 May 2026, Dana Whitcombe (their side) wrote")
    assert saved["mixed_messages"] is True
    assert "Sam Okafor (22 Mar)" in saved["mixed_messages_detail"]


def test_bad_input_is_one_sentence_then_pasted_text_is_read(tmp_path, triage_home):
    case = make_case(tmp_path / "case")
    (tmp_path / "empty.eml").write_bytes(b"")
    before = answers(case)
    child = spawn(triage_home, case)
    reply(child, "Import an email thread or pasted messages?", "\r")
    reply(child, "Files to read", "empty.eml\r")
    child.expect_exact("empty.eml is empty: there is nothing to import.")
    reply(child, "Import an email thread or pasted messages?", DOWN + "\r")  # paste
    child.expect_exact("type a line with a single . and press Enter to finish")
    child.send("[03/03/2026, 09:14] Dana Whitcombe: The reports are late again.\r")
    child.send("[03/03/2026, 09:40] Sam Okafor: Sorry Dana, we will have them by noon.\r")
    child.send("[04/03/2026, 08:02] Dana Whitcombe: You always say that. Unacceptable.\r")
    child.send(".\r")
    child.expect_exact("Read 3 messages from pasted text")
    child.expect_exact("no side    -x")  # the strip keeps senders on neither side
    reply(child, "Add this to the case?", DOWN * 2 + "\r")  # correct the sides
    reply(child, "Who writes for our side?", DOWN + " \r")  # Sam Okafor
    child.expect_exact("Our side: 1 from Sam Okafor")
    child.expect_exact("Their side: 2 from Dana Whitcombe")
    reply(child, "Add this to the case?", DOWN * 3 + "\r")  # No
    child.expect_exact("Nothing was added.")
    reply(child, "Import an email thread or pasted messages?", DOWN + DOWN + "\r")  # skip
    child.expect_exact("The key messages so far, oldest first")
    reply(child, "Add an entry?", "n")
    child.expect_exact("Where did the tone shift")  # Ctrl-C at a question, not between two
    stop(child)
    assert answers(case) == before  # nothing imported (the walk saves where it stopped)


def test_imported_rows_can_be_dropped_one_by_one(tmp_path, triage_home):
    """Nothing is kept that the user removes: after an import, 'Keep some' ticks off the
    rows that do not belong, and only those go."""
    case = make_case(tmp_path / "case")
    (tmp_path / "thread.mbox").write_bytes(mail.mbox(mail.long_thread()))
    child = spawn(triage_home, case)
    reply(child, "Import an email thread or pasted messages? (files, paste, or skip)", "\r")
    reply(child, "Files to read", "thread.mbox\r")
    reply(child, "Add this to the case?", DOWN + "\r")  # yes, and whole messages too
    child.expect_exact("Added 10 key messages.")
    reply(child, "Keep these 10 entries?", DOWN + "\r")  # keep some
    reply(child, "Which entries to keep?", DOWN + " " + DOWN + " " + "\r")  # untick 2 and 3
    reply(child, "Add another entry?", "n")
    reply(child, "Keep these 2 entries?", "\r")  # the reply times
    reply(child, "Add another entry?", "n")
    child.expect_exact("Where did the tone shift")
    stop(child)
    kept = answers(case)["timeline"]
    assert len(kept) == 8
    assert all(len(r["message"]) >= len(r["note"].rstrip(".")) for r in kept), "kept whole"
    assert [r["date"] for r in kept] == sorted(r["date"] for r in kept)
