"""`triage import`, the answers file's `import` key, and merging an audit into a saved case."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.fixtures.thread import mail
from tests.fixtures.thread.mail import OURS, START, THEIRS
from tests.test_cli import assert_one_clean_line, triage
from triage.engine.session import Session
from triage.engine.thread import audit, merge_into_session, read_thread, sides_from_answers

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "playbooks/examples/client-communication-breakdown/outage-our-fault.toml"


@pytest.fixture
def thread_file(tmp_path: Path) -> Path:
    path = tmp_path / "thread.mbox"
    path.write_bytes(mail.mbox(mail.long_thread()))
    return path


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A case run headless from a built-in example, its outputs written in another folder."""
    result = triage(
        "run", "client-communication-breakdown", "--answers", str(EXAMPLE), "--out", "out",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_import_prints_the_audit_and_the_case_carries_on_prefilled(case_dir, thread_file):
    before = Session.resume(case_dir).case.answers
    result = triage("import", str(case_dir), str(thread_file))
    output = assert_one_clean_line(result, 0)
    assert "Read 200 messages from thread.mbox" in output
    assert "Our side: 101 from Sam Okafor, Priya Nair; replies in 19 h (median)" in output
    assert "Turning point: On 1 May 2026, Dana Whitcombe (their side)" in output
    assert "Mixed messages (our side, on credit" in output
    assert "our side   " in output and "^ turning point" in output  # the strip
    assert "Timeline: 10 key messages added" in output

    session = Session.resume(case_dir)
    answers = session.case.answers
    timeline = answers["timeline"]
    assert len(timeline) == 10
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)
    turned = [r for r in timeline if r["date"] == dt.date(2026, 5, 1) and r["tone"] == "hostile"]
    assert turned and turned[0]["who"] == "Dana Whitcombe (their side)"
    assert answers["tone_shift"].startswith("On 1 May 2026, Dana Whitcombe (their side) wrote")
    assert answers["mixed_messages"] is True
    assert "Sam Okafor (22 Mar)" in answers["mixed_messages_detail"]
    for key, value in before.items():  # nothing typed before is changed
        assert answers[key] == value
    assert session.case.ledger[-1].event == "thread-imported"
    text = (case_dir / "case.toml").read_text()
    assert text.count("[[answers.timeline]]") == 10  # only the key messages, as excerpts:
    assert "Hi Dana" not in text and "Account Director" not in text and "wrote:" not in text

    rendered = triage("render", str(case_dir), "--force")
    assert rendered.returncode == 0, rendered.stderr
    plan = (case_dir / "plan.md").read_text()
    assert "You logged 10 messages; these are the ones where the tone turned:" in plan
    assert "| 1 May 2026 | Dana Whitcombe (their side) | hostile |" in plan
    assert "- Where the tone shifted: on 1 May 2026, Dana Whitcombe (their side) wrote" in plan
    # the reply times, kept as figures (editable in the stage), are a small table in the plan
    sides = {r["side"]: r for r in answers["reply_times"]}
    assert sides["our side"]["messages"] == 101 and sides["our side"]["median_reply"] == "19 h"
    assert "| Side | Messages | Usual reply | Longest wait | Left unanswered |" in plan
    assert "| our side | 101 | 19 h |" in plan


def test_whole_messages_are_kept_only_when_asked(case_dir, thread_file):
    result = triage("import", str(case_dir), str(thread_file), "--whole-messages")
    assert result.returncode == 0, result.stderr
    rows = Session.resume(case_dir).case.answers["timeline"]
    assert len(rows) == 10 and all(r.get("message") for r in rows)
    for row in rows:  # the message's own words: longer than the excerpt, no quoted reply
        assert len(row["message"]) >= len(row["note"].rstrip(".")) - 3
        assert "wrote:" not in row["message"] and "\n>" not in row["message"]
    # (without the flag only excerpts are kept: see the test above, "Hi Dana" not in the file)


def test_a_dry_run_changes_nothing(case_dir, thread_file):
    saved = (case_dir / "case.toml").read_bytes()
    result = triage("import", str(case_dir), str(thread_file), "--dry-run", "--rows", "4")
    output = assert_one_clean_line(result, 0)
    assert "Timeline: 4 key messages added" in output and "Nothing was saved" in output
    assert (case_dir / "case.toml").read_bytes() == saved


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "empty.mbox is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "empty.mbox is not mail or text"),
    ],
)
def test_bad_input_is_one_sentence_and_the_case_is_untouched(case_dir, tmp_path, data, said):
    bad = tmp_path / "empty.mbox"
    bad.write_bytes(data)
    saved = (case_dir / "case.toml").read_bytes()
    result = triage("import", str(case_dir), str(bad))
    output = assert_one_clean_line(result, 1)
    assert said in output and len(output.strip().splitlines()) == 1
    assert (case_dir / "case.toml").read_bytes() == saved


def test_pasted_chat_is_read_from_standard_input(case_dir):
    chat = (
        "02/03/2026, 09:00 - Daniel Fenwick: Checkout is down again.\n"
        "02/03/2026, 11:30 - Helen Achebe: We are on it.\n"
        "03/03/2026, 08:00 - Daniel Fenwick: If this is not fixed by Friday we will take legal action.\n"
    )
    result = triage("import", str(case_dir), "-", stdin=chat)
    output = assert_one_clean_line(result, 0)
    assert "Read 3 messages from pasted text" in output
    assert "Their side: 2 from Daniel Fenwick" in output  # named in the case's answers
    rows = Session.resume(case_dir).case.answers["timeline"]
    assert {r["channel"] for r in rows} == {"chat"}
    assert any(r["who"] == "Daniel Fenwick (their side)" and r["tone"] == "hostile" for r in rows)


# -- merging into a session ------------------------------------------------------------------


def _session_with(tmp_path: Path, answers: dict) -> Session:
    from triage.engine.library import find_playbook

    session = Session.start(find_playbook("client-communication-breakdown"), tmp_path / "case")
    for key, value in answers.items():
        session.answer(key, value)
    return session


def _audit(tmp_path: Path, answers: dict):
    path = tmp_path / "t.mbox"
    path.write_bytes(mail.mbox(mail.long_thread(count=30, shift_at=20)))
    return audit(read_thread([path]), sides_from_answers(answers))


def test_typed_rows_and_answers_are_kept_and_a_second_import_adds_nothing(tmp_path):
    typed = {
        "date": dt.date(2026, 2, 20),
        "channel": "phone",
        "who": "Dana (them)",
        "tone": "warm",
        "note": "Friendly call",
    }
    answers = {"our_email": OURS[1], "timeline": [typed], "tone_shift": "After the outage call."}
    session = _session_with(tmp_path, answers)
    found = _audit(tmp_path, answers)
    made = merge_into_session(session, found)
    timeline = session.case.answers["timeline"]
    first = {k: v for k, v in timeline[0].items() if v is not None}  # fields left empty
    assert first == typed and len(timeline) == 1 + len(made.added)
    assert session.case.answers["tone_shift"] == "After the outage call."
    assert any("Kept your answer to 'tone_shift'" in line for line in made.lines())
    again = merge_into_session(Session.resume(tmp_path / "case"), found)
    assert again.added == [] and again.already == len(made.added)


def test_an_import_stopped_while_saving_leaves_the_case_as_it_was(tmp_path, monkeypatch):
    session = _session_with(tmp_path, {"our_email": OURS[1]})
    saved = (tmp_path / "case" / "case.toml").read_bytes()
    found = _audit(tmp_path, {"our_email": OURS[1]})
    from triage.engine import case as case_module

    def interrupted(path, data, mode=0o600):
        raise KeyboardInterrupt

    monkeypatch.setattr(case_module, "write_atomic", interrupted)
    with pytest.raises(KeyboardInterrupt):
        merge_into_session(session, found)
    assert (tmp_path / "case" / "case.toml").read_bytes() == saved
    assert "timeline" not in session.case.answers  # nor is the open session changed


# -- the answers file's `import` key ----------------------------------------------------------


def test_an_answers_file_imports_a_thread_relative_to_itself(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    hostile = "Your | table # **breaks** <script>: you failed to deliver, this is unacceptable."
    messages = [
        mail.gmail(THEIRS, OURS, START, "Report", "Where is the report?", "", "1@x"),
        mail.outlook(
            OURS, THEIRS, START + dt.timedelta(days=1), "RE: Report", "Tomorrow.", "", "2@x"
        ),
        mail.gmail(THEIRS, OURS, START + dt.timedelta(days=6), "RE: Report", hostile, "", "3@x"),
    ]
    (folder / "thread.mbox").write_bytes(mail.mbox(messages))
    text = EXAMPLE.read_text().split("[expect]")[0]
    (folder / "answers.toml").write_text('import = ["thread.mbox"]\n' + text)
    result = triage(
        "run", "client-communication-breakdown", "--answers", str(folder / "answers.toml"),
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert_one_clean_line(result, 0)
    case = Session.resume(tmp_path / "out").case
    assert len(case.answers["timeline"]) == 3
    assert any(e.event == "thread-imported" for e in case.ledger)
    plan = (tmp_path / "out" / "plan.md").read_text()
    # the sender's words stay words in the plan's table: no cell, heading, bold or tag opens
    assert "Your \\| table # \\*\\*breaks\\*\\* \\<script\\>" in plan


def test_an_answers_file_naming_a_missing_thread_says_which(tmp_path):
    text = EXAMPLE.read_text().split("[expect]")[0]
    shutil.copy(EXAMPLE, tmp_path / "copy.toml")
    (tmp_path / "answers.toml").write_text('import = ["missing.mbox"]\n' + text)
    result = triage(
        "run", "client-communication-breakdown", "--answers", str(tmp_path / "answers.toml"),
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    output = assert_one_clean_line(result, 1)
    assert "missing.mbox does not exist" in output and "answers.toml" in output
    assert not (tmp_path / "out").exists()
