"""Typed answers are checked in the sentence they land in, not on their own.

A shared goal is framed "What we both want is ..."; an offer "I propose that ..."; a
mistake as what we got wrong. Read alone, such an answer can look like an absolute about the
other side or an ultimatum ("your bank customers never notice", "by 15 January and credit or
invoice the difference") when the draft itself says nothing of the kind. The warnings a
person sees (the app's outputs step, the plain prompts, `run --answers`) name an answer only
when the draft's own check flags those words where they landed; an answer the draft does
flag is still named, as the place to change it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case
from triage.engine.tone import check_answers, check_case, check_text, draft_text

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
WINE = "salvage-relationship--forwarder-wine-hs-code-errors"
STUDIO = "salvage-relationship--design-studio-silent-developer"
BANK = "salvage-relationship--bank-insourcing-final-sow"
JOINERY = "salvage-relationship--joinery-pm-court-threat"
BRNO = "salvage-relationship--brno-pallet-shortfall-quick"


def _case(name: str, tmp_path: Path, change: dict[str, Any]):
    playbook_name = name.split("--")[0]
    answers = tomllib.loads((FIXTURES / f"{name}.toml").read_text(encoding="utf-8"))
    answers.update(change)
    playbook = load_playbook(builtin_dir() / f"{playbook_name}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    case = read_answers(path, playbook)
    evaluation = evaluate(playbook, case.answers, case.override)
    return playbook, evaluation.values, render_case(playbook, case, evaluation)


def _about(findings, qid: str) -> list[str]:
    return [f.message() for f in findings if f.question == qid]


# The goal as the draft frames it: a state both sides want, not their record.
GOALS = [
    (WINE, "a month-end close your bank customers never notice"),
    (WINE, "invoices your finance team never has to query again"),
    (STUDIO, "releases your app store reviewers never send back"),
    (STUDIO, "payslips your staff never query"),
]


@pytest.mark.parametrize(("name", "goal"), GOALS)
def test_a_shared_goal_is_read_as_the_draft_frames_it(name, goal, tmp_path):
    assert check_text(goal), goal  # alone, it reads as an absolute about them
    change: dict[str, Any] = {"shared_goal": goal}
    if name == STUDIO:
        # A debt chased by phone gets its invitation (where the goal is framed) only once a
        # time is offered, as the email has no call in it before then.
        change["proposed_times"] = [{"date": "2027-01-12", "time": "10:00"}]
    playbook, values, files = _case(name, tmp_path, change)
    assert any("never" in draft.decode("utf-8", "replace") for draft in files.values())
    assert _about(check_case(playbook, values, files), "shared_goal") == []
    # without rendered drafts, the answer is read in the sentence the template's filter makes
    assert [f for f in check_answers(playbook, values) if f.question == "shared_goal"] == []


def test_a_shared_goal_that_blames_them_is_still_named(tmp_path):
    goal = "your team to stop ignoring our change requests"
    playbook, values, files = _case(WINE, tmp_path, {"shared_goal": goal})
    messages = _about(check_case(playbook, values, files), "shared_goal")
    assert messages and all("Your answer to" in m for m in messages), messages
    assert "ignoring" in messages[0]


# An offer that settles a balance either way, with a date for a joint step, is no ultimatum.
OFFERS = [
    (
        WINE,
        "we agree the index in a joint review by 15 January and credit or invoice the difference",
    ),
    (WINE, "a joint stock count by 30 March, then we invoice or credit the balance"),
    (JOINERY, "re-measure on site by Friday 12 December and adjust the final account up or down"),
    (BANK, "a credit note by Friday, or we pay it in cash if you prefer"),
]


@pytest.mark.parametrize(("name", "offer"), OFFERS)
def test_an_offer_settled_either_way_is_not_an_ultimatum(name, offer, tmp_path):
    playbook, values, files = _case(name, tmp_path, {"our_offer": offer})
    email = " ".join(draft_text("reset-email.eml", files["reset-email.eml"]).split())
    assert " ".join(offer.split()[-3:]) in email  # the offer reaches the email
    found = check_case(playbook, values, files)
    assert [f.message() for f in found if f.category == "ultimatums"] == []


@pytest.mark.parametrize(
    ("name", "field", "text", "words"),
    [
        (
            BANK,
            "our_offer",
            "a 10% credit if you sign by Friday, failing which the offer lapses",
            "failing which",
        ),
        (
            JOINERY,
            "our_offer",
            "a fixed price, but only until Friday, after which we walk away",
            "after which",
        ),
        (
            BANK,
            "our_ask",
            "pay the undisputed EUR 12,000 by 15 January, failing which we will suspend support",
            "failing which",
        ),
        (
            JOINERY,
            "our_ask",
            "confirm by Friday whether the old price stands, otherwise we order elsewhere",
            "otherwise we order elsewhere",
        ),
    ],
)
def test_an_ultimatum_the_draft_shows_is_named_against_the_answer(
    name, field, text, words, tmp_path
):
    playbook, values, files = _case(name, tmp_path, {field: text})
    found = check_case(playbook, values, files)
    messages = _about(found, field)
    assert any(words in m for m in messages), [f.message() for f in found]
    # and reported once: not again against the draft
    assert not [f for f in found if not f.question and words in f.phrase]


@pytest.mark.parametrize(
    ("name", "mistakes"),
    [
        (BRNO, ["we never sent the revised pallet plan to your warehouse"]),
        (WINE, ["we never told your customs broker the codes had changed"]),
        (
            BRNO,
            ["we always assumed your team had the new labels", "we invoiced before the recount"],
        ),
    ],
)
def test_our_own_mistakes_stay_ours(name, mistakes, tmp_path):
    change = {"our_mistakes": [{"mistake": m} for m in mistakes]}
    playbook, values, files = _case(name, tmp_path, change)
    assert _about(check_case(playbook, values, files), "our_mistakes") == []


def test_a_mistake_with_a_sting_is_still_flagged(tmp_path):
    change = {"our_mistakes": [{"mistake": "Thanks for finally calling us back"}]}
    playbook, values, files = _case(BRNO, tmp_path, change)
    messages = [f.message() for f in check_case(playbook, values, files)]
    assert any("Thanks for finally" in m for m in messages), messages


def test_a_purpose_for_their_people_is_no_absolute():
    # an olive branch or goal said as a purpose: what we want for them, not their record
    for text in [
        "our CEO to call yours, and a review so your staff never face that again",
        "We will fix the rota so that your drivers never wait at the gate again.",
        "A fix to make sure your engineers never have to re-key an order.",
    ]:
        assert check_text(text) == [], text
    for text in [
        "Your staff never answer the phone.",
        "So your team never replied, and the site stood idle.",
    ]:
        assert check_text(text), text


@pytest.mark.parametrize(
    ("name", "ask"),
    [
        (BANK, "tell us which shipments your team never received"),
        (JOINERY, "confirm which of the variation notices your office never got"),
        (BANK, "list the invoices your accounts team never received, so we can resend them"),
    ],
)
def test_an_ask_about_what_never_reached_them_is_no_absolute(name, ask, tmp_path):
    playbook, values, files = _case(name, tmp_path, {"our_ask": ask})
    email = " ".join(draft_text("reset-email.eml", files["reset-email.eml"]).split())
    assert "never" in email  # the ask reaches the email
    assert [f.message() for f in check_case(playbook, values, files)] == []
