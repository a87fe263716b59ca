"""Sparse cases: the plan's "Not answered yet" list reads the notes before saying nothing is
known. Our part admitted in the story, or tempers the story shows, are pointed at, not guessed
over ("taken as in the middle")."""

from __future__ import annotations

import datetime as dt

import pytest
from test_reader_needs import SATURDAY, drafts

from triage.engine.filters import heat_in_notes, owned_in_notes

ALL = [
    "partner-dispute",
    "contract-terms-dispute",
    "client-communication-breakdown",
    "salvage-relationship",
]


def _gaps(plan: str) -> str:
    return plan.split("## Not answered yet", 1)[1].split("\n## ", 1)[0]


def _sparse(what_happened: str, **changes) -> dict:
    return {
        "counterparty": "Lakeside Packaging GmbH",
        "their_contact": "Jana Köhler",
        "what_happened": what_happened,
        "currency": "EUR",
        "money": "both",
        "direct_talks_failed": True,
    } | changes


@pytest.mark.parametrize(
    ("notes", "quoted"),
    [
        (
            "They claim the rebate; we say the 300 t returned (the faulty March batch, which was "
            "our fault, we replaced it) does not count.",
            "the faulty March batch, which was our fault, we replaced it",
        ),
        (
            "Honestly we dropped the ball on the handover, and they now withhold the last invoice.",
            "we dropped the ball on the handover",
        ),
        (
            "The late delivery is on us. They deduct the penalty from every invoice since.",
            "The late delivery is on us",
        ),
    ],
)
def test_our_part_in_the_notes_is_pointed_at_not_called_unanswered(
    notes, quoted, tmp_path, monkeypatch
):
    texts = drafts("contract-terms-dispute", _sparse(notes), tmp_path, monkeypatch, SATURDAY)
    gaps = _gaps(texts["plan.md"])
    assert "your notes say part of it was ours" in gaps, gaps
    assert quoted in gaps, gaps
    assert "so the email owns nothing" not in gaps


def test_their_blame_or_our_denial_is_not_read_as_our_part():
    assert owned_in_notes("They say it was our mistake, but the drawing was theirs.") == ""
    assert owned_in_notes("It was not our fault: the spec changed twice.") == ""
    assert owned_in_notes("Their invoice was late again.") == ""


def test_heat_in_the_notes_is_named_when_trust_and_heat_are_unrated(tmp_path, monkeypatch):
    notes = (
        "We moved the go-live two days before the date. Their COO was very upset on the call "
        "and since then is not answering emails or calls."
    )
    texts = drafts("salvage-relationship", _sparse(notes), tmp_path, monkeypatch, SATURDAY)
    gaps = _gaps(texts["plan.md"])
    assert "your notes suggest otherwise" in gaps and "very upset" in gaps, gaps
    calm = _sparse("We disagree on how the rebate threshold counts returned tonnage.")
    texts = drafts("salvage-relationship", calm, tmp_path, monkeypatch, SATURDAY)
    assert "taken as in the middle: some trust left" in _gaps(texts["plan.md"])
    assert heat_in_notes("They were furious and hung up.") != ""
    assert heat_in_notes("We replied the same day.") == ""


def test_a_fault_mostly_ours_with_nothing_typed_says_where_the_apology_comes_from(
    tmp_path, monkeypatch
):
    notes = "We pushed the go-live back two days before the date; the payroll export failed."
    sparse = _sparse(notes, fault="mostly_us", money="none")
    texts = drafts("salvage-relationship", sparse, tmp_path, monkeypatch, SATURDAY)
    gaps = _gaps(texts["plan.md"])
    assert "whatever the email owns comes from your notes" in gaps, gaps
    assert "so the email owns nothing" not in gaps


@pytest.mark.parametrize(
    ("notes", "quoted"),
    [
        (
            "They want a discount for the last two print runs. I think they are exaggerating, but "
            "we were late once.",
            "we were late once",
        ),
        (
            "Client refuses to pay invoice 4471, says cleaners skipped the 3rd floor twice. Our "
            "team lead was rude to their office manager on the phone.",
            "Our team lead was rude to their office manager",
        ),
        (
            "We missed the 12 November loading slot and they booked another haulier for it.",
            "We missed the 12 November loading slot",
        ),
        (
            "Our account manager lost his temper on Friday's call and hung up.",
            "Our account manager lost his temper",
        ),
    ],
)
def test_our_part_said_plainly_in_the_notes_is_pointed_at(notes, quoted, tmp_path, monkeypatch):
    texts = drafts("salvage-relationship", _sparse(notes), tmp_path, monkeypatch, SATURDAY)
    gaps = _gaps(texts["plan.md"])
    assert "your notes say part of it was ours" in gaps, gaps
    assert quoted in gaps, gaps
    assert "on the…" not in gaps and "on the phone…" not in gaps


def test_a_rude_exchange_in_the_notes_is_not_called_the_middle(tmp_path, monkeypatch):
    notes = "They hold the invoice. Our site supervisor was rude to their facilities manager."
    texts = drafts("salvage-relationship", _sparse(notes), tmp_path, monkeypatch, SATURDAY)
    gaps = _gaps(texts["plan.md"])
    assert "your notes suggest otherwise" in gaps, gaps


def test_denials_and_their_claims_about_us_stay_unowned():
    assert owned_in_notes("It was not that we were late: the port closed for two days.") == ""
    assert owned_in_notes("They claim we overcharged them on the October invoice.") == ""
    assert owned_in_notes("Their driver was rude at our gate.") == ""


@pytest.mark.parametrize(
    ("notes", "quoted"),
    [
        (
            "We send every client the yearly indexation letter. Also our letter is a template "
            "and it sounds cold, like a demand.",
            "Also our letter is a template and it sounds cold, like a demand",
        ),
        ("Our reminder came across as rude, I admit.", "Our reminder came across as rude, I admit"),
        (
            "Fair to say our renewal email sounded quite harsh.",
            "Fair to say our renewal email sounded quite harsh",
        ),
    ],
)
def test_our_own_message_read_badly_is_our_part(notes, quoted):
    assert owned_in_notes(notes) == quoted


def test_our_message_defended_or_their_claim_about_it_is_not():
    assert owned_in_notes("Our letter is clear and they simply ignored it.") == ""
    assert owned_in_notes("They say our email was rude.") == ""


@pytest.mark.parametrize("playbook", ALL)
def test_notes_that_open_with_what_we_did_name_the_thing(playbook, tmp_path, monkeypatch):
    notes = (
        "we send every client the yearly indexation letter in November (contract cl. 7.2). "
        "Their new facility manager wrote back that they never agreed to a price increase."
    )
    case = {
        "counterparty": "Dunaj Office Park a.s.",
        "their_contact": "Ing. Peter Kováč",
        "what_happened": notes,
        "since": dt.date(2026, 12, 2),
        "fault": "misunderstanding",
    }
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    assert "the yearly indexation letter" in texts["subject"].lower()
    assert "what happened in December" not in texts["reset-email.eml"]
    assert "names it from your notes, as “the yearly indexation letter”" in _gaps(texts["plan.md"])
