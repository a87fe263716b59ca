"""Kind: the drafts, read by the person who receives them, keep formal steps in sequence and
say what we will deliver, and by when.

A notice the case schedules after a lawyer's check and a call is never served by the email; a
reply to their lawyers that proposes anything is without prejudice and cleared by counsel; a
small claim is answered by the owner after a check, not lawyer to lawyer; a cure period is met
with a dated plan, never treated as a window to reply in; what we give (an approved offer, a
dated fix, a named senior contact) is in the email as ours; a meeting keeps its format, and with
no times we say the day we will phone; a name nobody gave is a visible placeholder.
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default as default_policy

import tomli_w
from test_reader_needs import SATURDAY, drafts, example

from triage.engine import filters
from triage.engine.addresses import missing_addresses
from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case, render_parts


def _flat(text: str) -> str:
    return " ".join(text.split())


def _read(name: str, tmp_path, monkeypatch, **change) -> dict[str, str]:
    answers = {**example(name), **change}
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, now=SATURDAY)
    texts["email"] = _flat(texts["reset-email.eml"])
    return texts


def test_an_exit_whose_notice_waits_for_its_checks_does_not_serve_it(tmp_path, monkeypatch):
    email = _read("partner-dispute/rival-exit-notice-after-checks", tmp_path, monkeypatch)["email"]
    assert "this is our notice" not in email and "ends on" not in email, email
    assert (
        "our formal notice under Reseller Agreement cl 15.2, giving 6 months, will follow in "
        "writing by Friday 11 December 2026" in email
    ), email
    # The tracker sends this email once Henrik's call (Thursday 10 December) has told them:
    # the email follows that call, so it does not announce it as still to come.
    assert "As Henrik Baltrum said on the phone" in email, email
    assert "will call you by" not in email, email
    # What they hold of ours is for the lawyer-checked notice, never paraphrased here.
    assert "stays confidential" not in email, email
    assert "customer records under cl 8 (customer data)" in email, email
    # Lead-sharing already stopped: no promise to keep "every commitment" as before.
    assert "keep every commitment" not in email, email


def test_a_reply_to_their_lawyers_that_offers_anything_is_without_prejudice(tmp_path, monkeypatch):
    texts = _read("salvage-relationship/their-lawyers-claim-offer-in-person", tmp_path, monkeypatch)
    email = texts["email"]
    assert email.startswith("WITHOUT PREJUDICE"), email
    assert texts["subject"].startswith("Without prejudice"), texts["subject"]
    assert "with our counsel's clearance" in email, email
    assert (
        "We would also like to offer 15% off October-December fees and two replacement cold rooms at "
        "cost, claim withdrawn, fees released." in email
    ), email
    assert "Finance director" not in email  # the sign-off note stays ours
    # The clause's own order and body: talks first, then SIAC mediation.
    assert "first to try to settle this directly" in email and "through the SIAC" in email, email
    # An in-person meeting with counsel on both sides cannot be held the day after the email
    # that proposes it: the times typed (9 and 10 December, the email going on the 8th) are not
    # offered, the plan says from when to offer new ones, and no video call replaces it.
    assert "Could we meet" not in email and "9 December" not in email, email
    assert "please tell me what suits you" in email, email
    assert "too soon for an in-person meeting with counsel" in texts["plan.md"]
    assert "phone or video" not in email, email
    assert (
        "Spare compressors on site at Orchard and Sentosa, by Friday 11 " in email
        and "Wei Jie" not in email
    )
    assert texts["meeting-invitation.md"].lstrip().startswith("**WITHOUT PREJUDICE**")
    assert "through the SIAC" in _flat(texts["mediation-proposal.md"])


def test_a_small_claim_from_their_lawyer_is_answered_by_the_owner_after_a_check(
    tmp_path, monkeypatch
):
    texts = _read("contract-terms-dispute/small-claim-their-lawyer-unnamed", tmp_path, monkeypatch)
    email = texts["email"]
    assert (
        "I will reply to the letter myself, in writing, once our lawyer has checked it, by "
        "Thursday 10 December 2026, before the date in the letter." in email
    ), email
    assert "from our lawyers to yours" not in email, email
    # The job is finished: no day-to-day work carrying on "as before".
    assert "day-to-day" not in email and "as before" not in email, email
    # Names nobody typed are placeholders to fill, never a company "team" or a blank signature.
    # With no signer named, the sign-off has no name under it (the user is told to sign it),
    # never a bracket the other side could receive.
    assert email.startswith("Dear [THEIR NAME],") and email.endswith("Kind regards,"), email
    assert "team," not in email and "matter between us" not in email, email
    assert texts["subject"] == "Your claim for PLN 14,000: acknowledging receipt"


def test_run_says_which_draft_holds_a_placeholder(tmp_path, monkeypatch):
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / "contract-terms-dispute.toml")
    path = tmp_path / "answers.toml"
    answers = example("contract-terms-dispute/small-claim-their-lawyer-unnamed")
    path.write_bytes(tomli_w.dumps(answers).encode())
    rendered = render_parts(playbook, read_answers(path, playbook))
    notes = missing_addresses(rendered.files, rendered.emails)
    said = " ".join(notes)
    assert "reset-email.eml has the placeholder [THEIR NAME]" in said, notes
    assert "reset-email.eml has no name under its sign-off" in said, notes
    assert "plan.md" not in said, notes  # the plan is ours, not sent


def test_a_cure_period_is_met_with_a_dated_plan_and_the_meeting_as_offered(tmp_path, monkeypatch):
    email = _read("contract-terms-dispute/cure-period-plan-and-ceo-meeting", tmp_path, monkeypatch)[
        "email"
    ]
    assert (
        "The cure period in your notice ends on Monday 14 December 2026; you will have our "
        "written plan to meet it by Thursday 10 December 2026." in email
    ), email
    assert "you will have our answer by then" not in email, email
    assert "Three more senior developers on the project at our cost, by Thursday 10 December" in (
        email
    )
    assert "counsel" not in email.lower(), email  # our preparation is not shown to them
    # The lawyer reads the email first, so it goes on Tuesday: the 15:00 slot that day is left
    # out, and the meeting is offered at the time that can still be kept.
    # The lawyer, briefed on Monday, reads the email that day or the next; both typed times
    # fall after it goes, so both are offered, in date order.
    assert "Could we meet at one of these times (in person, about 90 minutes)?" in email, email
    assert email.index("Tuesday 8 December 2026 at 15:00") < email.index(
        "Wednesday 9 December 2026 at 10:00"
    ), email
    assert "Ines Carvalho, our CEO, will lead the meeting for us." in email, email
    assert "carries on as normal" not in email, email


def test_a_cure_notice_from_their_side_is_not_a_reply_window(tmp_path, monkeypatch):
    """Legal route, our lawyer only: the cure period named in the clause is met with the plan."""
    email = _read(
        "contract-terms-dispute/cure-period-plan-and-ceo-meeting",
        tmp_path,
        monkeypatch,
        red_flags=["notice_close", "payment_withheld", "lawyers", "deadline", "letter_of_claim"],
    )["email"]
    assert "within the time your letter gives" not in email, email
    assert "before the cure period ends on 14 December 2026" in email, email
    assert "carries on as normal" not in email and "as before" not in email, email


def test_a_silent_debtor_is_phoned_not_told_to_come_straight_to_me(tmp_path, monkeypatch):
    texts = _read("partner-dispute/silent-distributor-no-names", tmp_path, monkeypatch)
    email = texts["email"]
    assert "come straight to me" not in email, email
    assert "I will phone you on Monday 7 December 2026" in email, email
    assert "I would ask you to pay INV-5512 and INV-5590 (EUR 38,500)" in email, email
    assert "- Pay" not in email, email
    assert "recent weeks" not in texts["subject"] and "38,500 outstanding" in texts["subject"]
    assert email.startswith("Dear [THEIR NAME],"), email


def test_our_fault_email_names_the_dated_fixes_and_the_senior_contact(tmp_path, monkeypatch):
    email = _read(
        "client-communication-breakdown/tiny-hotel-double-charge-our-fault", tmp_path, monkeypatch
    )["email"]
    # A list that holds a thing ("A written note you can pass on to the guests") is what we
    # commit to, never fragments under "What we will do"; the senior contact works with the
    # signer, so that the email speaks with one voice.
    assert "What we commit to, and by when:" in email, email
    assert "- Refund every double charge to the guests' cards, by Monday 7 December." in email
    assert "Lena Vogt, our head of payments, will work with me as your senior contact." in email
    assert "Lena and I will reply" in email, email
    assert len(email.split()) <= 200, email


def test_a_breach_email_has_no_stock_line_about_what_matters_to_both_of_us(tmp_path, monkeypatch):
    email = _read("salvage-relationship/franchisee-trust-gone", tmp_path, monkeypatch)["email"]
    # The breach version: both sides share the fault, so it is open and proposes
    # without-prejudice talks (no label over our own part).
    assert "I suggest a without-prejudice conversation" in email, email
    assert "matters a great deal to both of us" not in email, email


def test_a_mediator_typed_with_our_own_note_is_proposed_without_it(tmp_path, monkeypatch):
    texts = _read(
        "salvage-relationship/their-lawyers-claim-offer-in-person",
        tmp_path,
        monkeypatch,
        chair="facilitator",
        facilitator_name="SIAC mediation panel (to be agreed)",
    )
    proposal = _flat(texts["mediation-proposal.md"])
    # Clause 18 names SIAC mediation: the panel is the contract's own, not "one possibility".
    assert "the mediation would be with the SIAC mediation panel" in proposal, proposal
    assert "to be agreed" not in proposal


def test_the_dated_actions_they_see_leave_out_our_own_preparation():
    actions = [
        {"what": "counsel review of notice + draft response", "owner": "Meera", "due": "x"},
        {"what": "lawyer checks notice wording", "owner": "Elin", "due": dt.date(2026, 12, 9)},
        {"what": "CFO approve goodwill credit", "owner": "Kadri", "due": dt.date(2026, 12, 8)},
        {"what": "offer approved: 20% off fees + 2 chillers at cost. CFO signs off", "due": None},
        {"what": "agree one message between sales and finance", "due": dt.date(2026, 12, 7)},
        {
            "what": "Youssef apology note to Javier (Samira reviews it first)",
            "due": dt.date(2026, 12, 7),
        },
        {"what": "written cure plan sent", "owner": "Rohan Deshpande", "due": dt.date(2026, 12, 9)},
        {
            "what": "roll gateways back to v2",
            "owner": "Lin Wei-han (FAE)",
            "due": dt.date(2026, 12, 8),
        },
        {"what": "done already", "status": "done", "due": dt.date(2026, 12, 8)},
    ]
    found = filters.deliverables(
        actions, [], "Rohan Deshpande", "Pieter", dt.date(2026, 12, 5), "EUR"
    )
    assert [d["what"] for d in found] == [
        "Youssef apology note to Javier",
        "Roll gateways back to v2",
        "Written cure plan, sent to you",
    ]
    assert [d["who"] for d in found] == ["", "Lin Wei-han, FAE", ""]
    assert filters.approved_offer(actions, "USD") == "20% off fees and 2 chillers at cost"
    step = filters.pending_step(actions, "notice", dt.date(2026, 12, 5))
    assert step and step["due"] == dt.date(2026, 12, 9)


def test_a_sum_is_told_small_or_large_in_rough_euros_and_a_body_is_named_as_typed():
    assert (filters.about_eur(86000, "CZK") or 0) < 10000 < (filters.about_eur(390000, "USD") or 0)
    assert filters.about_eur(100, "XYZ") is None
    assert filters.mediation_body(
        "disputes: negotiation 30 days then AIAC mediation then arbitration"
    ) == ("AIAC")
    assert filters.mediation_body("disputes: mediation (KCAB rules) first") == "KCAB rules"


def test_the_subject_names_the_sum_when_nothing_else_names_the_issue(tmp_path, monkeypatch):
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / "partner-dispute.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(example("partner-dispute/silent-distributor-no-names")).encode())
    files = render_case(playbook, read_answers(path, playbook))
    subject = str(message_from_bytes(files["reset-email.eml"], policy=default_policy)["Subject"])
    assert subject == "The €38,500 outstanding: next steps", subject


def test_a_colleagues_step_typed_after_a_comma_reads_as_its_own_sentence():
    said = filters.fix_sentence("I will lead from now, Youssef writes a short apology to Javier")
    assert said == "I will lead from now. Youssef will write a short apology to Javier.", said
    actions = [
        {
            "what": "Youssef apology note to Javier",
            "owner": "Youssef Benali",
            "due": dt.date(2026, 12, 7),
        }
    ]
    found = filters.deliverables(actions, [], "Samira El Idrissi", "Lucia", dt.date(2026, 12, 5))
    assert found[0]["who"] == "", found  # the note already names him
