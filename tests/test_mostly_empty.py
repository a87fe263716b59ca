"""A rushed manager answers only what they know, and still gets a plan.

Only the company the dispute is with and what happened are required; every other answer may be
left empty. An empty answer is never read as a fact (no trust "badly eroded" from a scale nobody
rated, no "None" in a draft), and the plan says plainly what was not answered and what an
answer would change.
"""

from __future__ import annotations

import datetime as dt
import re
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from triage.engine.case import Case
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

PLAYBOOKS = [load_playbook(path) for path in playbook_files(builtin_dir())]

BARE = {
    "counterparty": "Harbour Trust",
    "what_happened": "they say our last two deliveries were late, want a credit",
}


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC))


def _render(playbook, answers):
    case = Case.new(playbook, answers, "rushed")
    files = render_case(playbook, case)
    plan = files["plan.md"].decode()
    message = message_from_bytes(files["reset-email.eml"], policy=default_policy)
    email = message.get_content().replace("\r\n", "\n")
    return plan, email, evaluate(playbook, answers)


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_only_the_company_and_what_happened_are_required(playbook):
    required = {q.id for q in playbook.questions.values() if q.required}
    assert required == {"counterparty", "what_happened"}
    assert evaluate(playbook, BARE).missing == []


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_two_answers_give_a_plan_that_says_what_it_does_not_know(playbook):
    plan, email, _ = _render(playbook, BARE)
    for text in (plan, email):
        assert "None" not in text
    gaps = plan.split("## Not answered yet", 1)[1].split("\n## ", 1)[0]
    assert "**Who leads for us:** not named, so the email has no name under its sign-off" in gaps
    assert "**Their contact:** not named" in gaps
    assert "**Trust and heat:** not rated, so taken as in the middle" in gaps
    assert "**The least you could accept:** not set" in gaps
    assert "Also left blank: when it started, what is at stake for you" in gaps
    # A name nobody gave is a placeholder the sender must fill in, never a blank or "None",
    # and never "Dear Harbour Trust team" from a company name.
    assert email.rstrip().endswith(("Kind regards,", "Best wishes,")) and "[YOUR NAME]" not in email
    assert re.search(r"(?m)^Dear \[THEIR NAME\],$", email)


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_a_fully_answered_point_is_not_listed_as_open(playbook):
    answers = {
        **BARE,
        "their_contact": "Dana Okafor",
        "our_contact": "Sam Lee",
        "issue_title": "the October deliveries",
        "trust_today": 4,
        "emotions": "calm",
        "minimum_outcome": "a credit for the two late loads",
        "our_contribution": "we did not warn them the loads would be late",
    }
    plan, email, _ = _render(playbook, answers)
    gaps = plan.split("## Not answered yet", 1)[1].split("\n## ", 1)[0]
    for point in ("Who leads", "Their contact", "A name for", "Trust", "How heated"):
        assert f"**{point}" not in gaps
    assert "least you could accept" not in gaps
    assert email.rstrip().endswith("Sam Lee")


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_trust_and_heat_are_named_apart_when_only_one_was_rated(playbook):
    plan = _render(playbook, {**BARE, "emotions": "high"})[0]
    assert "**Trust today:** not rated, so taken as neither high nor low" in plan
    assert "How heated" not in plan and "Trust and heat" not in plan
    plan = _render(playbook, {**BARE, "trust_today": 2})[0]
    assert "**How heated it is:** not rated" in plan
    assert "Trust today" not in plan and "Trust and heat" not in plan


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_unrated_trust_is_taken_as_the_middle_not_as_gone(playbook):
    """Tense, with trust left unrated, is strained trust: not 'badly eroded' because the one
    question that says how much trust is left was skipped."""
    evaluation = evaluate(playbook, {**BARE, "emotions": "tense", "red_flags": ["deadline"]})
    trust = evaluation.scores["trust"]
    assert trust.band == "Strained"
    assert any("not rated" in d.reason for d in trust.drivers)
    rated = evaluate(playbook, {**BARE, "emotions": "tense", "trust_today": 1})
    assert rated.scores["trust"].band == "Badly eroded"
    assert not any("not rated" in d.reason for d in rated.scores["trust"].drivers)


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_their_lawyers_claim_with_trust_unrated_is_not_read_as_principals_still_talking(
    playbook,
):
    answers = {
        **BARE,
        "red_flags": ["lawyers", "letter_of_claim"],
        "lawyers_side": "theirs",
        "formal_from": "them",
        "fault": "mostly_them",
    }
    route = evaluate(playbook, answers).route
    assert route.recommended == "legal"
    assert "still trust each other" not in route.because
    trusting = evaluate(playbook, {**answers, "trust_today": 5, "emotions": "calm"}).route
    assert "still trust each other" in trusting.because


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_a_shrug_typed_for_their_contact_is_read_as_not_known(playbook):
    plan, email, _ = _render(playbook, {**BARE, "their_contact": "not sure"})
    assert re.search(r"(?m)^Dear \[THEIR NAME\],$", email)
    assert "**Their contact:** not named" in plan


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_a_claim_without_its_date_asks_for_the_date(playbook):
    answers = {**BARE, "red_flags": ["letter_of_claim"], "formal_from": "them"}
    plan, _, _ = _render(playbook, answers)
    assert "**Their deadline:** no date given" in plan
    dated = {**answers, "notice_deadline": dt.date(2026, 12, 14)}
    assert "**Their deadline:**" not in _render(playbook, dated)[0]


def test_a_marginal_account_let_go_needs_no_replacement_lined_up():
    """Nobody said how easily it could be replaced, but it is marginal by our own account:
    no step to make sure an alternative is ready before ending it."""
    playbook = next(p for p in PLAYBOOKS if p.id == "salvage-relationship")
    answers = {
        **BARE,
        "strategic_value": "marginal",
        "worth_salvaging": "no",
        "ending_by": "us",
        "exit_reason": "cost",
    }
    case = Case.new(playbook, answers, "rushed")
    actions = render_case(playbook, case)["actions.csv"].decode("utf-8-sig")
    assert evaluate(playbook, answers).route.recommended == "exit"
    assert "takes over what they do" not in actions
    core = {**answers, "strategic_value": "important"}
    case = Case.new(playbook, core, "rushed")
    assert "takes over what they do" in render_case(playbook, case)["actions.csv"].decode(
        "utf-8-sig"
    )


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
@pytest.mark.parametrize("since", [None, dt.date(2026, 10, 12)], ids=["no date", "a date"])
def test_an_unnamed_issue_is_named_in_the_plan_as_the_email_names_it(playbook, since):
    answers = {**BARE, "since": since} if since else BARE
    files = render_case(playbook, Case.new(playbook, answers, "rushed"))
    subject = str(message_from_bytes(files["reset-email.eml"], policy=default_policy)["Subject"])
    plan = files["plan.md"].decode()
    if since:
        said = "what happened in October"
        assert subject.startswith(said[:1].upper() + said[1:])
        assert (
            f"**A name for the issue:** not given, so the email names it only vaguely, as “{said}”"
            in plan
        )
    else:
        # No date and no sum to name it by: a subject that can go as it is, never a placeholder
        # (a subject line is the part least read before sending) nor "recent weeks".
        assert "[" not in subject and "recent weeks" not in subject
        assert subject.startswith("Our work together")
        assert "names it only vaguely, as “our work together”" in plan
