"""A case in progress: saved at every answer, resumed exactly, never silently lost."""

from __future__ import annotations

import stat

import pytest

from triage.engine.case import load_case
from triage.engine.errors import AnswersInvalid, OutputExists
from triage.engine.playbook import load_playbook
from triage.engine.session import Session


def start(good) -> Session:
    return Session.start(load_playbook(good / "mini.toml"))


def test_every_answer_is_saved_at_once_to_a_private_file(good, triage_home):
    session = start(good)
    session.answer_text("counterparty", "Acme Ltd")
    path = session.path
    assert path is not None and path.is_relative_to(triage_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_case(path).answers == {"counterparty": "Acme Ltd"}
    session.answer_text("annual_value", "120,000")
    assert load_case(path).answers["annual_value"] == 120000


def test_an_invalid_answer_is_refused_and_the_old_one_kept(good):
    session = start(good)
    session.answer_text("their_email", "jo@acme.example")
    with pytest.raises(ValueError, match=r"name@example\.com"):
        session.answer_text("their_email", "not an email")
    assert load_case(session.path).answers["their_email"] == "jo@acme.example"


def test_resume_returns_to_the_same_stage_with_every_answer(good):
    session = start(good)
    session.answer_text("counterparty", "Acme Ltd")
    session.answer("alternatives", "hard")
    session.go_to("trust")
    again = Session.resume(session.case.id)
    assert again.current().stage.id == "trust"
    assert again.case.answers == {"counterparty": "Acme Ltd", "alternatives": "hard"}


def test_navigation_skips_stages_that_do_not_apply(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.answer("alternatives", "easy")
    session.go_to("trust")
    assert session.next_stage().stage.id == "plan"
    session.answer("alternatives", "hard")
    assert session.next_stage().stage.id == "legal"
    session.go_to("plan")
    assert session.previous_stage().stage.id == "legal"


def test_an_override_and_its_reason_reach_the_ledger(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.answer("trust_level", 5)
    with pytest.raises(ValueError, match="reason"):
        session.override("mediate", "  ")
    session.override("mediate", "They asked for a neutral chair.")
    case = load_case(session.path)
    assert case.override_route == "mediate"
    assert any(e.event == "route-overridden" and "neutral chair" in e.detail for e in case.ledger)
    assert 'chosen = "mediate"' in session.path.read_text()


def test_outputs_are_written_beside_the_case_and_never_replaced_silently(good):
    session = start(good)
    for qid, value in {"counterparty": "A", "alternatives": "easy", "trust_level": 4}.items():
        session.answer(qid, value)
    written = session.write_outputs()
    assert {p.name for p in written} == {
        "plan.md",
        "reset-email.eml",
        "actions.csv",
        "actions.ics",
    }
    (session.folder / "plan.md").write_text("edited by hand")
    with pytest.raises(OutputExists):
        session.write_outputs()
    assert (session.folder / "plan.md").read_text() == "edited by hand"


def test_a_case_file_broken_by_hand_is_reported_and_left_alone(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.path.write_text("[case]\nid = 3\n[answers]\n")
    before = session.path.read_bytes()
    with pytest.raises(AnswersInvalid) as caught:
        Session.resume(session.path)
    assert "case.id" in str(caught.value)
    assert session.path.read_bytes() == before


def test_answers_that_no_longer_fit_are_kept_and_marked(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    text = session.path.read_text().replace(
        'counterparty = "A"', 'counterparty = "A"\ntrust_level = 9'
    )
    session.path.write_text(text)
    again = Session.resume(session.path)
    assert "trust_level" in again.invalid
    assert again.case.answers["trust_level"] == 9
    again.answer_text("annual_value", "5")
    assert "trust_level = 9" in again.path.read_text()


def test_open_resumes_a_saved_case_and_starts_a_playbook(good):
    started = Session.open(str(good / "mini.toml"))
    assert not started.resumed
    started.answer_text("counterparty", "Acme")
    again = Session.open(started.case.id)
    assert again.resumed and again.case.answers["counterparty"] == "Acme"
    assert Session.open(str(started.path)).resumed


def test_a_case_folder_is_not_named_after_a_half_typed_name(good, triage_home):
    session = start(good)
    session.answer_text("counterparty", "A")  # the first keystroke of "Acme", in the app
    session.answer_text("counterparty", "Acme")
    session.answer("trust_level", 3)
    assert session.folder is not None and session.folder.parent == triage_home / "cases"
    assert not session.folder.name.endswith("-a")
    assert [p.parent for p in (triage_home / "cases").glob("*/case.toml")] == [session.folder]


def test_text_that_is_not_yet_valid_is_kept_until_a_valid_answer(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.keep_text("their_email", "jo@")
    assert Session.resume(session.path).pending_text("their_email") == "jo@"
    session.answer_text("their_email", "jo@acme.example")
    assert Session.resume(session.path).pending_text("their_email") is None


def test_an_edited_draft_replaces_the_template_until_reset(good):
    from email import message_from_bytes
    from email.policy import default

    session = start(good)
    for qid, value in {"counterparty": "Acme", "alternatives": "easy", "trust_level": 4}.items():
        session.answer(qid, value)
    session.set_draft("reset-email.eml", "Hi Jo,\n\nMy own words.\n")
    reopened = Session.resume(session.path)
    email = message_from_bytes(reopened.outputs()["reset-email.eml"], policy=default)
    assert email.get_content().replace("\r\n", "\n") == "Hi Jo,\n\nMy own words.\n"
    assert email["Subject"] == "A way forward with Acme"
    reopened.set_draft("reset-email.eml", None)
    assert b"My own words" not in reopened.outputs()["reset-email.eml"]


def test_accepting_the_same_route_twice_records_it_once(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.accept_route()
    session.accept_route()
    assert [e.event for e in session.case.ledger].count("route-accepted") == 1


def test_a_playbook_can_be_listed_before_it_is_checked(good):
    from triage.engine.library import PlaybookEntry

    entry = PlaybookEntry("mini", good / "mini.toml", "team").peek()
    assert (entry.title, entry.summary) == (
        "Mini dispute",
        "A small playbook for the engine tests.",
    )
    assert not entry.checked and entry.playbook is None
    assert entry.check().valid and entry.checked


def test_emptied_text_discards_what_was_kept(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.keep_text("their_email", "jo@")
    session.keep_text("their_email", "")
    assert Session.resume(session.path).pending_text("their_email") is None


def test_the_template_text_is_available_while_a_draft_exists(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.set_draft("reset-email.eml", "Mine")
    assert b"Mine" in session.outputs()["reset-email.eml"]
    assert b"Mine" not in session.outputs(use_drafts=False)["reset-email.eml"]
    assert (
        session.template_output("reset-email.eml")
        == session.outputs(use_drafts=False)["reset-email.eml"]
    )


def test_the_case_file_keeps_the_reason_for_a_chosen_route(good):
    """[route] says why the route was recommended and, apart, why the user chose another."""
    import tomllib

    session = start(good)
    session.answer_text("counterparty", "A")
    session.answer("trust_level", 5)
    recommended = session.evaluation.route
    session.override("mediate", "They asked for a neutral chair.")
    route = tomllib.loads(session.path.read_text())["route"]
    assert route["recommended"] == recommended.recommended != "mediate"
    assert route["because"] == recommended.because  # the rule's reason, kept as such
    assert route["chosen"] == "mediate"
    assert route["reason"] == "They asked for a neutral chair."
    session.accept_route()
    assert "reason" not in tomllib.loads(session.path.read_text())["route"]


def test_moving_on_is_not_accepting(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.note_recommendation()
    events = [e.event for e in session.case.ledger]
    assert "route-recommended" in events and "route-accepted" not in events
    assert session.acceptance is None


def test_an_accepted_route_the_answers_no_longer_support_is_marked_superseded(good):
    session = start(good)
    session.answer_text("counterparty", "A")
    session.answer("trust_level", 5)
    first = session.evaluation.route.recommended
    session.accept_route()
    assert session.acceptance is not None and not session.acceptance.superseded
    session.answer("trust_level", 1)  # low trust: the mini playbook now says mediate
    assert session.evaluation.route.recommended == "mediate" != first
    acceptance = Session.resume(session.path).acceptance
    assert acceptance is not None and acceptance.route == first and acceptance.superseded
    notes = [e.detail for e in session.case.ledger if e.event == "route-superseded"]
    assert len(notes) == 1 and first in notes[0] and "now recommend mediate" in notes[0]
    session.answer("trust_level", 2)  # still mediate: said once, not at every answer
    assert [e.event for e in session.case.ledger].count("route-superseded") == 1
    session.accept_route()
    assert not session.acceptance.superseded


def test_an_edited_draft_says_when_answers_under_it_changed(good):
    session = start(good)
    for qid, value in {"counterparty": "Acme", "alternatives": "easy", "trust_level": 4}.items():
        session.answer(qid, value)
    session.set_draft("reset-email.eml", "Hi Jo,\n\nMy own words.\n")
    session.set_draft("reset-email.eml", "Hi Jo,\n\nMy own words, and more.\n")
    assert not session.draft_outdated("reset-email.eml")
    session.answer("trust_level", 5)  # the email does not depend on it: nothing to check
    assert session.outdated_drafts() == []
    session.answer("counterparty", "Acme Holdings")  # the email it was drafted from changed
    assert session.outdated_drafts() == ["reset-email.eml"]
    reopened = Session.resume(session.path)
    assert reopened.draft_outdated("reset-email.eml")  # remembered with the case
    reopened.keep_draft("reset-email.eml")
    assert not Session.resume(session.path).draft_outdated("reset-email.eml")
    assert any(e.event == "draft-kept" for e in reopened.case.ledger)
    reopened.answer("counterparty", "Acme Group")
    reopened.set_draft("reset-email.eml", None)  # back to the template: nothing to check
    assert reopened.outdated_drafts() == []


def test_render_from_the_command_line_names_an_edited_draft_to_check(good, tmp_path, capsys):
    from triage.cli import main

    session = start(good)
    for qid, value in {"counterparty": "Acme", "alternatives": "easy", "trust_level": 4}.items():
        session.answer(qid, value)
    session.set_draft("reset-email.eml", "Hi Jo,\n\nMy own words.\n")
    session.answer("counterparty", "Acme Holdings")
    assert main(["render", str(session.path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert (
        "Check reset-email.eml: you edited it, and answers it is drafted from have changed" in err
    )
    assert "My own words." in (tmp_path / "out" / "reset-email.eml").read_text()


def test_lists_say_how_far_a_case_has_got_in_words(good, tmp_path, capsys):
    from triage.cli import main
    from triage.engine.listing import case_summaries

    session = start(good)
    for qid, value in {"counterparty": "Acme", "alternatives": "easy", "trust_level": 4}.items():
        session.answer(qid, value)
    session.go_to("trust")
    assert case_summaries()[0]["progress"] == "Trust"  # the stage's title, never its id
    main(["list"])
    out = capsys.readouterr().out
    assert "Trust" in out and "trust_level" not in out
    session.write_outputs(tmp_path / "out")
    assert case_summaries()[0]["progress"] == "Outputs written"


def test_offered_text_is_stored_or_kept_with_the_reason_in_one_call(good):
    session = start(good)
    session.offer("counterparty", text="Acme Ltd")
    refused = session.offer("their_email", text="jo@")
    assert not refused.stored and refused.kept
    assert "name@example.com" in refused.reason
    again = Session.resume(session.path)
    assert again.pending_text("their_email") == "jo@"  # what was typed outlives the process
    taken = again.offer("their_email", text="jo@acme.example")
    assert taken.stored and taken.value == "jo@acme.example" and not taken.reason
    assert Session.resume(session.path).pending_text("their_email") is None


def test_an_offered_pick_is_checked_and_a_refused_one_keeps_the_old_answer(good):
    session = start(good)
    assert session.offer("alternatives", value="hard").stored
    refused = session.offer("alternatives", value="impossible")
    assert not refused.stored and not refused.kept and refused.reason
    assert load_case(session.path).answers["alternatives"] == "hard"


def test_an_answer_that_cannot_be_saved_holds_and_says_so(good, monkeypatch):
    session = start(good)
    session.offer("counterparty", text="Acme Ltd")

    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session, "save", full_disk)
    offer = session.offer("annual_value", text="120,000")
    assert offer.stored and offer.value == 120000
    assert offer.unsaved == "The answer could not be saved: No space left on device."
    assert session.case.answers["annual_value"] == 120000  # saved with the next answer
    kept = session.offer("their_email", text="jo@")
    assert not kept.stored and kept.unsaved.startswith("What you typed could not be saved")


def test_an_answer_equal_to_the_default_is_stored_as_an_answer():
    """Typing the default is answering: it feeds scores and survives a new default."""
    from triage.engine.library import find_playbook

    session = Session.start(find_playbook("client-communication-breakdown"))
    session.answer_text("counterparty", "Acme Ltd")
    question = next(q for q in session.playbook.questions.values() if q.default is not None)
    offer = session.offer(question.id, value=question.default)
    assert offer.stored and offer.value == question.default
    assert load_case(session.path).answers[question.id] == question.default


def test_an_answer_whose_save_failed_is_saved_when_offered_again(good, monkeypatch):
    session = start(good)
    session.offer("counterparty", text="Acme Ltd")
    real_save = session.save

    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session, "save", full_disk)
    assert session.offer("annual_value", text="120,000").unsaved
    monkeypatch.setattr(session, "save", real_save)
    again = session.offer("annual_value", text="120,000")  # the same answer, the disk back
    assert again.stored and not again.unsaved
    assert load_case(session.path).answers["annual_value"] == 120000


def test_a_headless_write_takes_the_next_step_from_rows_already_rendered(
    good, tmp_path, monkeypatch
):
    """write_with_case given a rendering writes what it would have rendered itself, and
    keeps the same next step, without working out the tracker a second time."""
    import datetime as dt

    from triage.engine import case

    # Both cases start in the same second: the case id (in the plan) is made from the time.
    started = dt.datetime(2026, 12, 5, 17, 11, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(case, "now", lambda: started)
    playbook = load_playbook(good / "mini.toml")
    answers = good / "examples" / "mini" / "calm.toml"
    written = {}
    for how in ("itself", "given"):
        session = Session.from_answers(playbook, answers)
        rendered = session.preview() if how == "given" else None
        paths = session.write_with_case(tmp_path / how, rendered=rendered)
        written[how] = (
            {p.name: p.read_bytes() for p in paths if p.name != "case.toml"},
            session.case.next_due,
            session.case.next_action,
        )
    assert written["given"] == written["itself"]
    assert written["given"][2]  # the fixture's case has an open action to name
