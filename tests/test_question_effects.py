"""What each answer changes, seen by altering one answer of a built-in example.

Issue 15 asks that every question either changes the route, the level, an action or a draft,
or is removed. The examples pin what each answer does where it is given; these tests take an
example, change the one answer in question (or take it away) and check what a manager would see
change: an action appearing, its date or audience, the level, a draft's paragraph.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.case import Case
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import context, render_case

# The examples are cases of late November 2026 (see tests/test_render.py).
NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def examples_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: NOW)


class Advice:
    """One example with some answers changed: its route, actions, files and facts."""

    def __init__(self, playbook_id: str, example: str, **changes: Any) -> None:
        playbook = load_playbook(builtin_dir() / f"{playbook_id}.toml")
        path = builtin_dir() / "examples" / playbook_id / f"{example}.toml"
        answers = dict(read_answers(path, playbook).answers)
        for key, value in changes.items():
            if value is None:
                answers.pop(key, None)
            else:
                answers[key] = value
        case = Case.new(playbook, answers, "effects")
        self.evaluation = evaluate(playbook, case.answers)
        self.route = self.evaluation.route
        self.files = render_case(playbook, case, self.evaluation)
        self.rows = list(csv.DictReader(io.StringIO(self.files["actions.csv"].decode("utf-8-sig"))))
        self.context = context(playbook, case, self.evaluation)

    def rows_with(self, text: str) -> list[dict[str, str]]:
        return [row for row in self.rows if text in row["action"]]

    def text(self, name: str) -> str:
        return self.files[name].decode("utf-8", errors="replace") if name in self.files else ""


# --- Mixed messages: the side decides the step; who said what decides what we correct ---


def test_mixed_messages_on_their_side_ask_who_speaks_for_them_not_for_one_voice_of_ours():
    ours = Advice("contract-terms-dispute", "money-owed-both-ways", mixed_messages_side="ours")
    theirs = Advice("contract-terms-dispute", "money-owed-both-ways")
    assert ours.rows_with("One voice from now on") and not ours.rows_with("who speaks for")
    assert theirs.rows_with("who speaks for Northgate College Group")
    # Asking which of their people speaks for them is settled on our own list first: sent to
    # them as a shared row, it reads as "your people contradict each other" (a mediator's read
    # of blind round 32).
    assert theirs.rows_with("who speaks for")[0]["audience"] == "internal"
    assert not theirs.rows_with("One voice from now on")


def test_who_said_what_on_our_side_is_corrected_once_or_found_out_first():
    told = Advice("salvage-relationship", "customer-may-not-pay")
    unknown = Advice("salvage-relationship", "customer-may-not-pay", mixed_messages_detail=None)
    [tell] = told.rows_with("which of our messages stands")
    assert "Finance put the account on stop" in tell["action"] or "finance put" in tell["action"]
    assert not unknown.rows_with("which of our messages stands")
    [find] = unknown.rows_with("Find out what each of our people has told")
    assert find["audience"] == tell["audience"] == "internal"
    assert find["due"] <= tell["due"]


def test_an_imported_thread_says_whose_side_the_mixed_messages_were_on():
    """A thread import writes the side into the detail ("(their side, on ...)"); with no side
    chosen, that is read, so an imported thread changes the step as a typed answer would."""
    detail = (
        'Rhian Evans (3 Nov): "we accept the works point"; Dai Morgan (6 Nov): "we do not '
        'accept it" (their side, on works, credit).'
    )
    advice = Advice(
        "contract-terms-dispute",
        "money-owed-both-ways",
        mixed_messages_side=None,
        mixed_messages_detail=detail,
    )
    assert advice.context["mixed_side"] == "theirs"
    assert advice.rows_with("who speaks for") and not advice.rows_with("One voice")


# --- The least we can accept: the mandate signs it off, and it marks a failed negotiation ---


def test_without_a_walk_away_point_the_mandate_asks_for_one():
    given = Advice("partner-dispute", "reseller-commission-negotiate")
    missing = Advice("partner-dispute", "reseller-commission-negotiate", minimum_outcome=None)
    [signed] = given.rows_with("Agree our mandate")
    [asked] = missing.rows_with("Agree our mandate")
    assert "the least we accept (a split of the commission" in signed["action"]
    assert "where we would walk away" in asked["action"]
    [attempt] = given.rows_with("Informal attempt")
    assert (
        "sooner if the best they offer stays short of the least we can accept"
        in (attempt["action"])
    )
    assert "short of" not in missing.rows_with("Informal attempt")[0]["action"]


# --- Our stake against theirs: who needs what ---


def test_our_stake_is_what_the_option_for_theirs_must_also_protect():
    given = Advice("salvage-relationship", "customer-may-not-pay")
    missing = Advice(
        "salvage-relationship", "customer-may-not-pay", our_stake=None, they_bring=None
    )
    [option] = given.rows_with("Prepare one option for what is at stake on their side")
    assert "also protects what is at stake for us (£148,000, our stock" in option["action"]
    [plain] = missing.rows_with("Prepare one option for what is at stake on their side")
    assert plain["action"].endswith("and what we want in return")
    # In the rescue playbook, what they bring us stands in when no stake of ours is typed.
    brought = Advice("salvage-relationship", "customer-may-not-pay", our_stake=None)
    [option] = brought.rows_with("Prepare one option for what is at stake on their side")
    assert "also protects what is at stake for us (about £420,000 a year" in option["action"]


def test_in_a_partner_dispute_what_we_gain_stands_in_for_our_stake():
    advice = Advice(
        "partner-dispute",
        "reseller-commission-negotiate",
        our_stake=None,
        gain_us="Kestrel's pipeline for the next four quarters",
    )
    [option] = advice.rows_with("Prepare one option for what is at stake on their side")
    assert "protects what is at stake for us (Kestrel's pipeline" in option["action"]


# --- The contract named: the lawyer gets it, the clauses are read in it, or the terms found first ---


def test_the_contract_named_goes_to_the_lawyer_and_frames_the_rereading():
    named = Advice("contract-terms-dispute", "licence-audit-claim-answered")
    unnamed = Advice("contract-terms-dispute", "licence-audit-claim-answered", contract_ref=None)
    [lawyer] = named.rows_with("Brief our lawyer")
    assert "; give them Vireon Master Licence Agreement" in lawyer["action"]
    assert "give them" not in unnamed.rows_with("Brief our lawyer")[0]["action"]
    [reread] = named.rows_with("Re-read in full")
    assert "(Vireon Master Licence Agreement" in reread["action"]
    [confirm] = unnamed.rows_with("Re-read")
    assert "confirm which signed contract, and which version of it" in confirm["action"]


def test_with_no_contract_and_no_clause_named_the_terms_are_established_first():
    advice = Advice(
        "contract-terms-dispute", "licence-audit-claim-answered", contract_ref=None, clauses=None
    )
    assert advice.rows_with("Establish which terms govern before anything else")
    assert not advice.rows_with("Re-read")


# --- Warning signals: a dated check before the review, not words in the touchpoint ---


def test_the_warning_signs_chosen_become_a_check_before_the_review():
    chosen = Advice("partner-dispute", "reseller-commission-negotiate")
    none = Advice("partner-dispute", "reseller-commission-negotiate", warning_signals=None)
    [check] = chosen.rows_with("Early-warning check before the review")
    assert "have the numbers dipped (Registered deals per quarter" in check["action"]
    assert "have referrals or joint activity fallen off" in check["action"]
    assert "takes it to level 3 without waiting for the review" in check["action"]
    assert check["audience"] == "internal"
    review = chosen.rows_with("Review with")[0]
    assert check["due"] < review["due"]
    assert not none.rows_with("Early-warning check")
    # The example's check-ins (weekly) and touchpoints (every two weeks) differ: one row says both.
    assert "watching on our side" in none.rows_with("Check-ins with")[0]["action"]
    assert "watching" not in chosen.rows_with("Check-ins with")[0]["action"]


def test_slower_replies_are_measured_against_the_reply_time_agreed():
    advice = Advice(
        "partner-dispute",
        "reseller-commission-negotiate",
        warning_signals=["slower_replies"],
        response_hours=4,
    )
    [check] = advice.rows_with("Early-warning check")
    assert "have replies been slower than agreed (4 working hours)?" in check["action"]


def test_who_set_the_deadline_names_it_in_the_steps():
    """A date a regulator set is not "the contractual deadline": when the manager says who
    set the date, every step that names it says so; unsaid, it is inferred as before."""
    inferred = Advice("partner-dispute", "processor-owned-breach-indemnity-notice")
    assert inferred.rows_with("before the contractual deadline of")
    told = Advice(
        "partner-dispute", "processor-owned-breach-indemnity-notice", deadline_kind="regulator"
    )
    assert not told.rows_with("contractual deadline")
    assert told.rows_with("before the regulator's deadline of")
    letter = Advice(
        "partner-dispute", "processor-owned-breach-indemnity-notice", deadline_kind="letter"
    )
    assert letter.rows_with("before their letter's deadline of")


@pytest.mark.parametrize("nobody", ["not sure now, Dev left", "tbc", "?", "unknown"])
def test_a_contact_typed_as_not_sure_is_nobody_and_finding_them_comes_first(nobody: str):
    """'Phone not sure first' helps nobody: a placeholder in the contact's place counts as no
    name, the steps speak of the company, and finding who decides is the first step."""
    advice = Advice("contract-terms-dispute", "money-owed-both-ways", their_contact=nobody)
    whats = [row["action"] for row in advice.rows]
    assert not [w for w in whats if nobody in w], whats
    assert whats[0].startswith("Write down who at "), whats[:3]
    email = advice.text("reset-email.eml")
    assert f"Dear {nobody}" not in email and f"To: {nobody}" not in email


def test_a_misunderstanding_that_came_with_threats_is_not_kept_small():
    """Threats (a re-tender, a public review) mean more than a misunderstanding: the route is
    not the misunderstanding rule, and the plan does not say "keep it small"."""
    calm = Advice("client-communication-breakdown", "misread-price-notice")
    assert "Keep it small" in calm.text("plan.md")
    # a misunderstanding cleared up in one call needs no standing check-ins afterwards
    assert not calm.rows_with("check-ins with")
    threatened = Advice(
        "client-communication-breakdown", "misread-price-notice", red_flags=["threats"]
    )
    assert "misunderstanding" not in [rule.id for rule in threatened.route.fired]
    assert "Keep it small" not in threatened.text("plan.md")
    assert not threatened.rows_with("to clear up the misunderstanding")


def test_a_date_weeks_away_in_ordinary_talks_does_not_wait_for_a_lawyer():
    """A contractual date more than two weeks off, with no breach alleged and nothing formal,
    is checked with our legal or finance lead before the meeting; the email does not wait for
    a lawyer. A breach alleged, or a close date, still brings the lawyer in first."""
    talks = Advice(
        "contract-terms-dispute",
        "money-owed-both-ways",
        alleged_breach=False,
        notice_deadline=dt.date(2027, 1, 29),
    )
    assert talks.rows_with("Check with our legal or finance lead")
    assert not talks.rows_with("Take legal advice")
    assert talks.rows_with("once our legal or finance lead has seen it")
    breach = Advice(
        "contract-terms-dispute", "money-owed-both-ways", notice_deadline=dt.date(2027, 1, 29)
    )
    assert breach.rows_with("Take legal advice")
    assert breach.rows_with("once the lawyer has read it")
    close = Advice(
        "contract-terms-dispute",
        "money-owed-both-ways",
        alleged_breach=False,
        notice_deadline=dt.date(2026, 12, 1),
    )
    assert close.rows_with("Take legal advice")


def test_ending_it_ourselves_checks_the_contract_before_the_call_and_serves_notice_after():
    advice = Advice("client-communication-breakdown", "small-retainer-exit-after-failed-reset")
    whats = [row["action"] for row in advice.rows]
    check = next(i for i, w in enumerate(whats) if w.startswith("Before anyone tells"))
    call = next(i for i, w in enumerate(whats) if "by phone, then send the exit email" in w)
    assert check < call
    [notice] = advice.rows_with("Serve our notice to end")
    assert notice["due"] > advice.rows[call]["due"]


def test_when_talks_failed_and_mediation_is_refused_their_lawyers_make_it_legal():
    """Their lawyers acting, talks failed, mediation turned down: nothing between the
    principals is left open, so counsel leads (at the top level); open to mediation, the
    example's own route stands."""
    open_door = Advice("partner-dispute", "regulator-questions-joint-answer")
    assert open_door.route.recommended != "legal"
    refused = Advice("partner-dispute", "regulator-questions-joint-answer", mediation_open="no")
    assert refused.route.recommended == "legal"
    assert refused.route.level == 4


def test_a_regulator_s_date_gets_its_own_step_to_send_the_answer():
    advice = Advice(
        "partner-dispute",
        "regulator-questions-joint-answer",
        notice_deadline=dt.date(2026, 12, 4),
        deadline_kind="regulator",
    )
    [answer] = advice.rows_with("Send our answer to the regulator by")
    assert answer["due"] == "2026-12-03"  # a working day before the regulator's date
    assert "read by our lawyer" in answer["action"]
    contract = Advice(
        "partner-dispute",
        "regulator-questions-joint-answer",
        notice_deadline=dt.date(2026, 12, 4),
        deadline_kind="contract",
    )
    assert not contract.rows_with("Send our answer to the regulator by")


def test_a_client_leaving_for_its_own_reasons_gets_no_lawyers_letter():
    """A relationship whose basis simply went (a strategy change, the work taken in-house) is
    ended well, with no letter reserving our rights; one where they now compete with us gets
    the measured letter about what they hold of ours."""
    competes = Advice("partner-dispute", "referral-partner-now-competes")
    assert competes.rows_with("reserving our rights")
    strategy = Advice("partner-dispute", "referral-partner-now-competes", exit_reason="basis_gone")
    assert strategy.route.recommended == competes.route.recommended
    assert not strategy.rows_with("reserving our rights")


def test_a_new_lead_and_a_day_to_day_contact_are_one_voice_not_two():
    advice = Advice(
        "client-communication-breakdown",
        "renewal-at-risk-senior-first",
        heat_source="ours",
        heat_who="manager",
        new_lead="Sam Ortiz, COO",
        our_spoc="Jo Park",
    )
    [voice] = advice.rows_with("One voice from now on")
    assert "Sam Ortiz leads for us" in voice["action"]
    assert "Jo Park stays the day-to-day contact" in voice["action"]
    assert "only Jo Park speaks for us" not in voice["action"]
    handover = advice.rows_with("Hand the lead to")
    assert not handover or "Sam Ortiz" in handover[0]["action"]


def test_when_the_heat_came_from_our_side_the_apology_comes_before_our_claim():
    """To someone our own side was rude to, the money is not the opening line: the email
    says sorry first and puts our figure after it; otherwise the claim opens, as before."""
    calm = Advice("contract-terms-dispute", "small-write-off-contract-owner")
    body = calm.text("reset-email.eml")
    assert body.index("As we see it") < body.index("I am sorry")
    heated = Advice(
        "contract-terms-dispute",
        "small-write-off-contract-owner",
        emotions="high",
        heat_source="ours",
        heat_who="manager",
        our_mistakes=[
            {
                "mistake": "our account manager told your team the overrun was their fault",
                "fix": "I lead this myself from now on",
            }
        ],
    )
    body = heated.text("reset-email.eml")
    assert "As we see it" in body
    assert body.index("I am sorry") < body.index("As we see it")
