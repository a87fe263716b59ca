"""The first screen fits the case: a customer who gave notice gets the date it runs out and a
standard held to the end; a company's head writes the mandate down instead of agreeing it with
sponsors above them; a small working-level matter is one half-hour call; a mixed message is
decided before it is told."""

from __future__ import annotations

import datetime as dt

from test_plan_first_steps import rows as tracker_rows
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters import notice_given_end


def _first_screen(plan: str) -> str:
    return plan.split("### Next three actions", 1)[1].split("\n## ", 1)[0]


def test_the_end_of_a_notice_is_read_from_the_notes():
    saturday = dt.date(2026, 12, 5)
    assert notice_given_end("they gave 60 day notice nov 30, floor was patchy", saturday) == (
        dt.date(2027, 1, 29)
    )
    assert notice_given_end("3 months' notice received on 14/11", saturday) == dt.date(2027, 2, 14)
    # No period, or no date it was given: nothing is made up.
    assert notice_given_end("they gave notice on 1 Dec", saturday) is None
    assert notice_given_end("30 days notice", saturday) is None


def _leaving_customer() -> dict:
    return {
        "counterparty": "Harrow Vale Primary School",
        "our_contact": "Dana Whitfield",
        "what_happened": (
            "bursar emailed: 90 days notice given 20 nov, cleaning contract. two missed nights "
            "in october and the hall floor polish was streaky. honestly we barely break even"
        ),
        "annual_value": 41000,
        "currency": "GBP",
        "worth_salvaging": "no",
        "ending_by": "them",
    }


def test_a_customer_who_gave_notice_gets_its_end_date_and_the_standard_held_to_it(
    tmp_path, monkeypatch
):
    texts = drafts("salvage-relationship", _leaving_customer(), tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    first = _first_screen(plan)
    assert "ends on 18 February 2027, when their notice runs out" in first
    assert "delivered in full and on time" in first
    assert "their notice runs to 18 February 2027" in plan
    # Replacing an account we would not have kept is worth doing, but not among the first three.
    assert "Plan how we replace" not in first
    assert "Plan how we replace" in texts["actions.csv"]
    # An exit's mandate is what we settle, not where we would walk away.
    assert "where we would walk away" not in plan
    assert "what we settle and what we need back before the end" in first


def test_without_a_date_the_team_still_hears_the_standard_holds(tmp_path, monkeypatch):
    answers = _leaving_customer()
    answers["what_happened"] = "bursar says they are moving to another cleaner at the end of term"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "ends when their notice runs out" in steps
    assert "their notice runs to" not in texts["plan.md"]


def test_a_chief_executive_leading_is_not_sent_to_sponsors_for_a_mandate(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/renewal-at-risk-senior-first")
    answers["our_contact"] = "Marta Kowal (CEO)"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Write down our mandate" in steps
    assert "Agree our mandate with the" not in steps
    # A head of department leading still agrees it with the sponsors above.
    answers["our_contact"] = "Marta Kowal (Head of Accounts)"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Agree our mandate with the" in steps


def _small_gripe() -> dict:
    return {
        "counterparty": "Nordhafen Labels GmbH",
        "our_contact": "Pia Lorenz",
        "their_contact": "Jan Albers",
        "what_happened": (
            "two proof rounds late this month, and their calls went to voicemail. our account "
            "exec left in october and nobody picked up her queue"
        ),
        "amount_at_stake": 1900,
        "currency": "EUR",
        "fault": "both",
        "emotions": "tense",
    }


def test_a_small_working_level_matter_is_one_half_hour_call(tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown", _small_gripe(), tmp_path, monkeypatch, SATURDAY
    )
    steps = texts["actions.csv"]
    assert "Have a half-hour call with Jan Albers to agree what changes" in steps
    assert "Hold the reset meeting" not in steps
    assert "check-ins" not in steps
    assert "about 30 minutes" in texts["meeting-invitation.md"]
    # Asked for, the check-ins stay.
    answers = _small_gripe() | {"checkin_cadence": "fortnightly"}
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "fortnightly check-ins" in texts["actions.csv"]
    # A larger sum is a reset meeting, with weekly check-ins.
    answers = _small_gripe() | {"amount_at_stake": 48000}
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Hold the reset meeting" in steps and "weekly check-ins" in steps


def test_a_mixed_message_is_decided_before_it_is_told(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/ceo-reply-all-coo-takes-over")
    answers["mixed_messages"] = True
    answers["mixed_messages_side"] = "ours"
    answers["mixed_messages_detail"] = "our support lead promised a full refund; sales said credit"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Decide which of our messages stands" in steps
    assert "what stands and what does not" in steps


def test_a_lead_who_tops_our_escalation_writes_the_mandate_down(tmp_path, monkeypatch):
    answers = example("partner-dispute/chain-claim-contaminated-flour")
    answers["escalation_owner"] = f"{answers['our_contact']}, CEO"
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Write down our mandate" in steps
    assert "Agree our mandate with the" not in steps
    # With someone else at the top of our escalation, the lead agrees it with them.
    answers["escalation_owner"] = "Ruth Okoye (chief executive)"
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Agree our mandate with the" in texts["actions.csv"]


def test_a_clause_that_goes_straight_to_court_is_not_an_order_to_follow(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["dispute_clause"] = "arbitration_courts"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Follow it." not in texts["plan.md"]
    assert "nothing in it stops you talking first" in texts["plan.md"]
    answers["dispute_clause"] = "escalation"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "talks between named people or levels first. Follow it." in texts["plan.md"]


def test_a_call_the_manager_typed_is_the_first_call_and_the_email_follows_it(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/slow-helpdesk-negotiate")
    answers["agreed_actions"] = [
        {
            "what": "ring Megan to say sorry and walk her through the fix",
            "owner": "Sam Okafor",
            "due": "2026-12-09",
        }
    ]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = tracker_rows(texts)
    assert not [r for r in steps if r["action"].startswith("Phone Megan Price")]
    email_day = [r["due"] for r in steps if r["action"].startswith("Send the reset email")]
    assert email_day == ["2026-12-09"]
    # It follows the call without claiming it before it happens (reader39 kind 2).
    assert "Following my call" not in texts["reset-email.eml"]
    assert "I would like us to find a time to talk" in texts["reset-email.eml"]
    assert "I will phone you" not in texts["reset-email.eml"]
    # A call to someone else (our lawyer) is not a call to them.
    answers["agreed_actions"] = [
        {"what": "call our lawyer about clause 9", "owner": "Sam Okafor", "due": "2026-12-09"}
    ]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Phone Megan Price before the email goes" in texts["actions.csv"]


def test_a_change_said_to_take_effect_at_once_is_dated_now(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = {r["action"]: r for r in tracker_rows(texts)}
    now = [a for a in steps if a.startswith("Put in place now what we said takes effect")]
    assert len(now) == 1 and "incidents now page the on-call engineer" in now[0]
    assert steps[now[0]]["due"] == "2026-12-07"
    later = [a for a in steps if a.startswith("Make the changes we committed to")]
    assert len(later) == 1
    assert "on-call engineer" not in later[0]
    assert "no changes to your store on weekends" in later[0]
    # "Will" is a promise still to keep, not a change in force.
    assert "Helen will call you herself" in later[0]


def test_a_cause_in_our_own_process_is_ours_to_fix_even_when_they_owe_us(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["fault"] = "mostly_them"
    answers["why_1"] = "the invoices went unpaid for ten weeks"
    answers["root_cause"] = "we have no reminder step after the first overdue notice"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Fix the cause, not only this case: we have no reminder step" in steps
    assert "who changes what to remove the cause" not in steps
    # A cause on their side is still agreed with them.
    answers["root_cause"] = "their AP team only pays invoices that quote a purchase order"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "who changes what to remove the cause" in texts["actions.csv"]


def test_ending_a_tiny_account_takes_no_lawyer_even_when_they_allege_a_breach(
    tmp_path, monkeypatch
):
    answers = example("client-communication-breakdown/small-retainer-exit-after-failed-reset")
    answers["alleged_breach"] = True
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "five minutes and no lawyer" in steps
    assert "Take legal advice" not in steps and "once the lawyer has read it" not in steps


def test_a_small_exit_lets_go_only_of_what_is_above_the_least_we_set(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/small-retainer-exit-after-failed-reset")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    # The typed answer set mid-sentence: its opening word keeps no capital it had for starting it.
    assert "hold to the least you set (notice given, £6,400 paid" in steps
    assert "writing it off costs less than chasing it" not in steps


def test_the_call_to_agree_a_mediation_comes_days_before_the_mediation(tmp_path, monkeypatch):
    answers = example("partner-dispute/chain-claim-contaminated-flour")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    call = [r for r in rows if "to agree the mediation" in r["action"]]
    assert len(call) == 1
    first = answers["proposed_times"][0]["date"]
    assert dt.date.fromisoformat(call[0]["due"]) < first
    # the date in brackets is the mediation's, never the call's own (the round 32 reader read
    # "(12 January, the first date offered for the mediation)" on a call due in December)
    assert (
        f"(the mediation itself: {first.day} {first:%B %Y}, the first date offered)"
        in (call[0]["action"])
    )


def test_a_claim_over_finished_work_is_answered_not_put_right(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/cure-notice-from-their-lawyers")
    answers["work_ongoing"] = False
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "Meet their date" in steps and "nothing left to put right" in steps
    assert "put right what we can before it" not in steps
    answers["work_ongoing"] = True
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "nothing left to put right" not in texts["actions.csv"]


def test_a_wider_problem_that_may_have_hurt_others_is_checked_now(tmp_path, monkeypatch):
    answers = _small_gripe() | {
        "worth_salvaging": "yes",
        "wider_problem": "every client's proofs go through the same shared inbox, so others "
        "may be waiting too",
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    wider = [r for r in rows if "wider problem" in r["action"]]
    assert len(wider) == 1 and "check now whether it has hurt anyone else" in wider[0]["action"]
    assert wider[0]["due"] == "2026-12-07"
    answers["wider_problem"] = "handovers between sales and delivery are informal"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "hurt anyone else" not in texts["actions.csv"]


def test_a_heated_remark_said_aloud_is_apologised_for_as_a_remark(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/ceo-reply-all-coo-takes-over")
    answers["tone_shift"] = "the review meeting: our CEO said their team was useless and walked out"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "our chief executive’s remark" in steps
    assert "from the person who made it" in steps
    answers["tone_shift"] = "our CEO's reply-all email calling their team useless"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert "our chief executive’s message" in texts["actions.csv"]


def test_an_exit_after_a_call_the_manager_typed_serves_notice_after_it(tmp_path, monkeypatch):
    answers = example("partner-dispute/rival-exit-notice-after-checks")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    call = [r for r in rows if r["action"].startswith("MD calls Mads")]
    email = [r for r in rows if "the exit email" in r["action"]]
    notice = [r for r in rows if r["action"].startswith("Serve our notice")]
    assert len(call) == 1 and len(email) == 1
    assert "once your call has told them" in email[0]["action"]
    assert "yourself, by phone" not in texts["actions.csv"]
    assert email[0]["due"] >= call[0]["due"]
    assert all(r["due"] >= call[0]["due"] for r in notice)


def test_an_email_making_an_offer_waits_for_the_approval_the_manager_typed(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/slow-helpdesk-negotiate")
    answers["our_offer"] = "a service credit of one month's fee"
    answers["agreed_actions"] = [
        {"what": "get the credit approved by finance", "owner": "Sam Okafor", "due": "2026-12-10"}
    ]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    assert [r["due"] for r in rows if r["action"].startswith("Send the reset email")] == [
        "2026-12-10"
    ]
    # With nothing offered, the approval does not hold the email back.
    answers.pop("our_offer")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    rows = tracker_rows(texts)
    assert [r["due"] for r in rows if r["action"].startswith("Send the reset email")] != [
        "2026-12-10"
    ]
