"""What each side gets from the relationship, why it began and what leaving would cost: the
rescue playbook asks all four, so each must change a step the manager runs, not only the plan's
list of answers."""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

RESCUE = "salvage-relationship/pub-group-rich-history"
EXIT = "salvage-relationship/customer-bought-by-rival-maker"


def test_what_we_bring_them_is_the_need_an_option_is_prepared_for(tmp_path, monkeypatch):
    answers = example(RESCUE)
    answers.pop("their_stake", None)
    answers.pop("our_stake", None)
    answers["we_bring"] = "Same-day cask swaps and the cellar training for their bar staff."
    answers["they_bring"] = "Our busiest taps in the city centre."
    steps = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "actions.csv"
    ].lower()
    assert "prepare one option for what is at stake on their side (same-day cask swaps" in steps
    assert "also protects what is at stake for us (our busiest taps in the city centre" in steps
    # What they typed as at stake in the dispute itself comes first.
    answers["their_stake"] = "Margins in fourteen pubs."
    steps = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "actions.csv"
    ].lower()
    assert "what is at stake on their side (margins in fourteen pubs" in steps
    assert "same-day cask swaps" not in steps


def test_the_meeting_opens_on_why_we_started(tmp_path, monkeypatch):
    answers = example(RESCUE)
    answers["original_goals"] = "They wanted a printer who could turn round a catalogue in a week."
    steps = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "actions.csv"
    ].lower()
    assert (
        "open the meeting with why we started working together (they wanted a printer who "
        "could turn round a catalogue in a week)" in steps
    )
    answers.pop("original_goals")
    steps = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "actions.csv"
    ].lower()
    assert "why we started working together" not in steps


def test_an_exit_covers_what_walking_away_costs_us(tmp_path, monkeypatch):
    answers = example(EXIT)
    answers["walk_away_cost"] = "Two night-shift operators and the Leeds delivery run."
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "cover what walking away costs us (two night-shift operators and the leeds" in (
        texts["actions.csv"].lower()
    )
