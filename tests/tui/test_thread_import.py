"""Importing an email thread in the app: what a manager sees, and what the case keeps."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from tests.fixtures.thread import mail
from tests.tui.conftest import no_blink
from triage.tui.app import make_app
from triage.tui.dialogs.thread_import import ThreadImportDialog
from triage.tui.screens.case import CaseScreen
from triage.tui.widgets.choice import TickList
from triage.tui.widgets.list_editor import ListEditor
from triage.tui.widgets.thread_strip import ThreadStrip

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "playbooks/examples/client-communication-breakdown/outage-our-fault.toml"
COMMS = ("timeline", "reply_times", "tone_shift", "mixed_messages", "mixed_messages_detail")
SIZE = (120, 40)


def make_case(folder: Path, stage: str = "comms_audit") -> Path:
    """A case answered from a built-in example but for its communications audit, saved
    (outputs not written) and standing at ``stage``."""
    from triage.engine.answersfile import read_answers
    from triage.engine.library import find_playbook
    from triage.engine.session import Session

    playbook = find_playbook("client-communication-breakdown")
    case = read_answers(EXAMPLE, playbook)
    for qid in COMMS:
        case.answers.pop(qid, None)
    case.stage = stage
    case.id = folder.name
    Session(playbook, case, folder).save()
    return folder


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    return make_case(tmp_path / "case")


@pytest.fixture
def thread_file(tmp_path: Path) -> Path:
    path = tmp_path / "thread.mbox"
    path.write_bytes(mail.mbox(mail.long_thread()))
    return path


def saved(folder: Path) -> dict[str, Any]:
    return tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))


def shown(widget: Any) -> str:
    """The text a widget shows, as plain text."""
    return str(widget.render())


async def open_dialog(pilot: Any) -> ThreadImportDialog:
    await pilot.press("ctrl+t")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ThreadImportDialog)
    return dialog


async def read(
    pilot: Any, files: str = "", pasted: str = "", click: bool = False
) -> ThreadImportDialog:
    """Give the file names (or paste), Read (Ctrl+R, or a click on the button), and wait for
    the reading to finish."""
    dialog = pilot.app.screen
    dialog.query_one("#thread-files", Input).value = files
    if pasted:
        dialog.query_one("#thread-paste", TextArea).text = pasted
    if click:
        await pilot.click("#read")
    else:
        await pilot.press("ctrl+r")
    await pilot.pause()  # the button's action runs, and starts the worker
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not dialog._busy:
            break
    assert not dialog._busy, "the thread was never read"
    return dialog


async def test_a_thread_is_read_confirmed_and_the_stage_shows_it_prefilled(
    case_dir, thread_file, monkeypatch
):
    monkeypatch.chdir(thread_file.parent)  # file names are relative to the current folder
    before = saved(case_dir)["answers"]
    app = make_app(str(case_dir))
    told: list[str] = []  # every notification, kept: a toast times out, under load too soon
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.stage_id == "comms_audit"
        notify = screen.notify
        monkeypatch.setattr(
            screen, "notify", lambda message, **kw: told.append(message) or notify(message, **kw)
        )
        dialog = await open_dialog(pilot)
        await read(pilot, files="thread.mbox", click=True)

        assert "Read 200 messages from thread.mbox" in shown(dialog.query_one("#thread-read"))
        summary = shown(dialog.query_one("#thread-summary"))
        assert "Our side: 101 from Sam Okafor, Priya Nair; replies in 19 h (median)" in summary
        assert "Turning point: On 1 May 2026, Dana Whitcombe (their side)" in summary
        assert "Mixed messages (our side, on credit" in summary
        strip = shown(dialog.query_one(ThreadStrip))
        assert "our side" in strip and "their side" in strip and "▲ turning point, 1 May" in strip
        assert "X" in strip.splitlines()[2]  # their side turns hostile
        changes = shown(dialog.query_one("#thread-changes"))
        assert "Timeline: 10 key messages added (10 rows in all)." in changes
        assert "Where did the tone shift" in changes  # named by its question, not its id
        assert "case.toml" not in changes
        assert saved(case_dir)["answers"] == before  # nothing saved before Confirm

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.stage_id == "comms_audit"
        editor = screen.query_one("#q-timeline").query_one(ListEditor)
        assert len(editor.rows) == 10
        rows_shown = str(editor.query_one("DataTable").get_row_at(0)[0])
        assert rows_shown.startswith("2026-03-02 · Email · ")
        tone_shift = screen.query_one("#q-tone_shift").query_one(TextArea).text
        assert tone_shift.startswith("On 1 May 2026, Dana Whitcombe (their side) wrote")
        assert any("10 key messages added to the timeline" in message for message in told)

        answers = saved(case_dir)["answers"]
        assert len(answers["timeline"]) == 10
        assert answers["mixed_messages"] is True
        assert {k: v for k, v in answers.items() if k not in COMMS} == before
        assert [p.name for p in case_dir.iterdir()] == ["case.toml"]  # the thread: not copied

        # The user removes a row with the stage's own list editor: it stays removed.
        editor.query_one("DataTable").focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(saved(case_dir)["answers"]["timeline"]) == 9


async def test_a_bad_file_is_one_sentence_and_the_case_is_unchanged(case_dir, tmp_path):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    before = (case_dir / "case.toml").read_bytes()
    app = make_app(str(case_dir))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await read(pilot, files=str(bad))
        said = shown(dialog.query_one("#thread-error"))
        assert said.startswith("photo.jpg is not mail or text")
        assert said.count(". ") == 0 and "Traceback" not in said  # one sentence
        assert not dialog.query_one("#thread-found").display  # the file names stay to correct

        await read(pilot, files=str(tmp_path / "missing.mbox"))
        assert "missing.mbox does not exist." in shown(dialog.query_one("#thread-error"))
        await read(pilot, files='"unclosed.mbox')
        assert "quote" in shown(dialog.query_one("#thread-error"))

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert (case_dir / "case.toml").read_bytes() == before


async def test_cancel_after_reading_leaves_the_case_as_it_was(case_dir, thread_file):
    before = (case_dir / "case.toml").read_bytes()
    app = make_app(str(case_dir))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await read(pilot, files=str(thread_file))
        assert dialog.query_one("#thread-found").display
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.query_one("#q-timeline").query_one(ListEditor).rows == []
    assert (case_dir / "case.toml").read_bytes() == before


async def test_the_sides_can_be_corrected_and_the_audit_follows(tmp_path, thread_file):
    """A case that names neither side's people: the mailbox's owner is taken as ours, and
    ticking the right people puts them back."""
    from triage.engine.session import Session

    folder = make_case(tmp_path / "case")
    session = Session.resume(folder)
    for qid in ("our_email", "our_contact", "their_email", "their_contact", "our_company"):
        session.case.answers.pop(qid, None)
    session.answer("counterparty", "Acme")
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await read(pilot, files=str(thread_file))
        summary = shown(dialog.query_one("#thread-summary"))
        assert "Our side: 99 from Dana Whitcombe" in summary  # wrong: she writes for them
        ticks = dialog.query_one(TickList)
        assert ticks.selected == ["dana@fenwick.example"]
        ticks.deselect_all()
        ticks.select("sam.okafor@baseline.example")
        ticks.select("priya.nair@baseline.example")
        for _ in range(200):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if not dialog._busy:
                break
        await pilot.pause()
        summary = shown(dialog.query_one("#thread-summary"))
        assert "Our side: 101 from Sam Okafor, Priya Nair" in summary
        assert "Their side: 99 from Dana Whitcombe" in summary
        await pilot.press("ctrl+s")
        await pilot.pause()
    rows = saved(folder)["answers"]["timeline"]
    assert any(r["who"] == "Dana Whitcombe (their side)" for r in rows)
    assert not any(r["who"] == "Dana Whitcombe (our side)" for r in rows)


async def test_pasted_messages_are_read_too(case_dir):
    pasted = (
        "[03/03/2026, 09:14] Dana Whitcombe: The reports are late again.\n"
        "[03/03/2026, 09:40] Sam Okafor: Sorry Dana, we will have them by noon.\n"
        "[04/03/2026, 08:02] Dana Whitcombe: You always say that. This is unacceptable.\n"
    )
    app = make_app(str(case_dir))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await read(pilot, pasted=pasted)
        assert "Read 3 messages from pasted text" in shown(dialog.query_one("#thread-read"))
        assert "no side    -x" in shown(dialog.query_one(ThreadStrip))  # no name in the case
        await pilot.press("ctrl+s")
        await pilot.pause()
    rows = saved(case_dir)["answers"]["timeline"]
    assert len(rows) == 3 and {r["channel"] for r in rows} == {"chat"}


async def test_the_key_works_inside_a_field_and_only_on_the_communications_stage(tmp_path):
    folder = make_case(tmp_path / "case")
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#q-tone_shift").focus_control()  # a TextArea has focus
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ThreadImportDialog)
        assert isinstance(app.focused, Input)  # the file names, ready to type
        app.screen.query_one("#thread-paste", TextArea).focus()
        await pilot.press("a", "b", "escape")  # Escape cancels from the paste box too
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+b")  # the stage before: no import key there
        await pilot.pause()
        assert screen.stage_id != "comms_audit"
        assert "import_thread" not in {b.binding.action for b in screen.active_bindings.values()}


async def test_the_palette_goes_to_the_stage_and_opens_the_import(tmp_path):
    folder = make_case(tmp_path / "case", stage="intake")
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.stage_id == "intake"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Import an email")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ThreadImportDialog)
        assert screen.stage_id == "comms_audit"


# -- snapshots -------------------------------------------------------------------------------

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
def test_import_dialog_with_a_thread(snap_compare, tmp_path, monkeypatch, fixed_now, utc, size):
    """The dialog with a 200-message thread read: the strip, the figures, Confirm."""
    monkeypatch.chdir(tmp_path)
    Path("thread.mbox").write_bytes(mail.mbox(mail.long_thread()))
    make_case(Path("case"))

    async def run_before(pilot) -> None:
        await open_dialog(pilot)
        await read(pilot, files="thread.mbox")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("case"), terminal_size=size, run_before=run_before)


@SIZES
def test_import_dialog_before_reading(snap_compare, tmp_path, monkeypatch, fixed_now, utc, size):
    monkeypatch.chdir(tmp_path)
    make_case(Path("case"))

    async def run_before(pilot) -> None:
        await open_dialog(pilot)
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app("case"), terminal_size=size, run_before=run_before)


# -- the strip and the rows, without a screen ------------------------------------------------


def test_the_strip_marks_tones_gaps_the_turning_point_and_the_longest_wait(tmp_path):
    from rich.style import Style

    from triage.engine.thread import audit, read_thread, sides_from_answers
    from triage.tui.widgets.thread_strip import strip_lines

    path = tmp_path / "t.mbox"
    path.write_bytes(mail.mbox(mail.long_thread()))
    found = audit(read_thread([path]), sides_from_answers({"our_company": "Baseline"}))
    for width in (40, 76, 110):
        lines = [line.plain for line in strip_lines(found, width, lambda _part: Style())]
        ruler, ours, theirs, turning, wait, legend = lines  # the widget cuts what runs over
        assert max(len(ruler), len(ours), len(theirs)) <= width
        assert ruler.split()[0:2] == ["2", "Mar"] and ruler.endswith("Jun")
        assert ours.startswith("our side   ") and theirs.startswith("their side ")
        assert "o" in theirs and "X" in theirs and "x" in ours
        column = turning.index("▲")
        assert theirs[column] == "X"  # the mark sits under the message where it turned
        assert "for their reply (from 22 Mar)" in wait and "29 h" in wait
        assert legend.split()[:2] == ["o", "calm"]


def test_rows_of_one_day_keep_the_order_they_were_sent_in(tmp_path):
    """The turning point and the message it answered, on the same day: the answer second."""
    from triage.engine.library import find_playbook
    from triage.engine.thread import audit, read_thread, sides_from_answers, suggestions

    path = tmp_path / "t.mbox"
    path.write_bytes(mail.mbox(mail.long_thread()))
    found = audit(read_thread([path]), sides_from_answers({"our_company": "Baseline"}))
    made = suggestions(find_playbook("client-communication-breakdown"), {}, found)
    first_may = [r for r in made.timeline if str(r["date"]) == "2026-05-01"]
    assert [r["who"] for r in first_may] == ["Priya Nair (our side)", "Dana Whitcombe (their side)"]


async def test_whole_messages_are_kept_when_ticked(case_dir, thread_file, monkeypatch):
    from textual.widgets import Checkbox

    monkeypatch.chdir(thread_file.parent)
    app = make_app(str(case_dir))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await read(pilot, files="thread.mbox", click=True)
        box = dialog.query_one("#thread-whole", Checkbox)
        assert box.value is False, "excerpts only, unless the user chooses"
        box.focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    rows = saved(case_dir)["answers"]["timeline"]
    assert len(rows) == 10 and all(r.get("message") for r in rows)
