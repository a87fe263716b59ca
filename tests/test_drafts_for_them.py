"""The drafts that go to the other side read right to the person who receives them.

Each test takes a built-in example, changes the answers the way a manager types them, and
reads the reset email as its recipient would: a lawyer's letter is acknowledged, not
apologised for; an owed sum is met with the offer the manager chose; a sorry names what we
did; a supplier who failed us is not told we are sorry.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from test_reader_needs import SATURDAY, drafts, example


def _flat(text: str) -> str:
    return " ".join(text.split())


def _email(playbook: str, answers: dict[str, Any], tmp_path, monkeypatch, now=None) -> str:
    kw = {"now": now} if now else {}
    return _flat(drafts(playbook, answers, tmp_path, monkeypatch, **kw)["reset-email.eml"])


# Kind: a letter from their solicitors.


def test_their_solicitors_letter_is_acknowledged_without_apology_or_garble(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/solicitors-letter-after-project")
    answers["issue_for_them"] = "your letter of 27 November"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    email = _flat(texts["reset-email.eml"])
    assert "your solicitors' letter of 27 November" in email, email
    assert "about your letter" not in email, email
    assert "sorry" not in email.lower(), email
    assert "from our solicitors to yours" in email, email
    # The contract has ended: no "I remain your contact for the day-to-day work".
    assert "day-to-day" not in email, email
    assert "acknowledging receipt" in texts["subject"], texts["subject"]


def test_a_breach_notice_gets_one_line_on_the_work_that_carries_on(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/cure-notice-from-their-lawyers")
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert email.count("In the meantime") <= 1, email
    assert "working hours" not in email, email
    assert len(re.findall(r"day-to-day", email)) <= 1, email


# Kind: money owed to us.


def test_the_email_proposes_the_staged_payment_the_manager_chose(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["our_ask"] = (
        "pay invoice 4417 (84,000), or 60,000 now and the balance when the 3 agreed defects "
        "are closed"
    )
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    email = _flat(texts["reset-email.eml"])
    assert "What I propose" in email and "60,000 now and the balance" in email, email
    assert "Pay invoice 4417" not in email, email
    assert "landing point" in texts["plan.md"]


def test_a_split_offered_with_the_ask_is_the_offer(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["our_ask"] = (
        "release INV-20931 (3,480) - happy to split it, 1,740 now and 1,740 with the December run"
    )
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "1,740 now and" in email and "December invoice" in email, email
    assert "December run" not in email and "happy to" not in email, email


def test_a_disputed_sum_is_answered_not_met_with_which_item(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers["red_flags"] = [*(answers.get("red_flags") or []), "payment_withheld"]
    answers["clauses"] = [
        {
            "ref": "MSA 7.3",
            "says": "Deemed accepted after 10 working days",
            "our_reading": "rejection came on day 12, so milestone 3 is accepted and payable",
            "their_reading": "acceptance needs every finding closed",
        }
    ]
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "tell me which item" not in email, email
    assert (
        "I know you read MSA 7.3 differently. As we read it, rejection came on day 12" in email
    ), email


def test_which_item_is_still_asked_when_nothing_is_disputed_yet(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/unpaid-invoices-owed")
    answers.update(direct_talks_failed=False, alleged_breach=False)
    for c in answers.get("clauses") or []:
        c["their_reading"] = "unknown"
    answers["red_flags"] = [
        f for f in answers.get("red_flags") or [] if f not in ("payment_withheld", "silence")
    ]
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    if "What we are asking for" in email:
        assert "tell me which item" in email, email


# Kind: apologies for what the answers record as ours, and only that.


def _fixture(name: str) -> dict[str, Any]:
    """A realistic case's answers (tests/fixtures/drafts), as a manager typed them."""
    path = Path(__file__).parent / "fixtures" / "drafts" / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_no_one_voice_apology_without_mixed_messages(tmp_path, monkeypatch):
    # A row between our designer and their owner, no mixed messages recorded.
    answers = _fixture("small-invoice-principle")
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "one voice" not in email and "calmly" not in email, email
    answers["mixed_messages"] = True
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "one voice" in email, email


def test_the_specific_mistake_gets_the_sorry_and_its_fix_beside_it(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/our-director-argued-on-site")
    answers["our_mistakes"] = [
        {"mistake": "March pallet count error", "fix": "monthly count photo report"},
        {
            "mistake": "our reply of 24 November blamed your team",
            "fix": "weekly report now has a risks line",
        },
    ]
    email = _email("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert ": March pallet count error." not in email, email
    assert "March pallet count error" in email
    # Each change comes straight after the mistake it answers.
    assert re.search(r"blamed your team\.? Weekly report now has a risks line", email), email
    assert "What we are changing: weekly report" not in email, email


def test_a_supplier_who_failed_us_is_not_told_we_are_sorry(tmp_path, monkeypatch):
    answers = example("partner-dispute/reseller-commission-negotiate")
    answers.update(
        partnership_type="supplier",
        issue_title="missed collections",
        our_contribution="dunno, maybe our cut-off moved",
        our_mistakes=[],
        heat_source="theirs",
    )
    answers.pop("fault", None)
    email = _email("partner-dispute", answers, tmp_path, monkeypatch)
    assert "sorry" not in email.lower(), email
    assert "dunno" not in email and "maybe our cut-off" not in email, email
    assert "how this has affected you" not in email, email


def test_a_mediation_proposal_does_not_ask_how_it_has_affected_them(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/final-payment-mediation-clause")
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "affected you" not in email, email


# Kind: timing that fits the deadline.


def test_no_call_is_asked_for_in_the_next_week_or_so(tmp_path, monkeypatch):
    answers = _fixture("small-invoice-principle")
    answers.pop("proposed_times", None)
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "next week or so" not in email, email
    assert "this week" in email, email


def test_a_call_comes_before_a_deadline_within_days(tmp_path, monkeypatch):
    answers = _fixture("small-invoice-principle")
    answers.pop("proposed_times", None)
    answers["notice_deadline"] = dt.date(2026, 11, 27)  # Friday; the case opens on Monday 23rd
    email = _email("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert "before Thursday 26 November 2026" in email, email


def test_the_call_to_agree_a_mediator_is_not_put_off_to_the_mediation_dates(tmp_path, monkeypatch):
    answers = _fixture("electrical-sub-final-account")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, now=SATURDAY)
    email = _flat(texts["reset-email.eml"])
    # Not "a short call early next week": we phone on the next working day, a date they can hold.
    # The plan sends this email on Monday 7 December, once the lawyer has read it (briefed on
    # the first working day): the call is promised for that day, never for a day before it
    # arrives, and the proposal sent beside it names the same day.
    assert "I will phone you on Monday 7 December 2026 to agree the mediator" in email, email
    # A mediation eleven days out, before anyone has agreed a mediator, cannot happen: of the
    # two dates typed (16 December, 12 January), only January is offered for it.
    assert "For the mediation itself, this date would suit us" in email, email
    assert "Tuesday 12 January 2027" in email and "16 December" not in email, email
    proposal = _flat(texts["mediation-proposal.md"])
    assert "I will phone you on Monday 7 December 2026 to arrange it" in proposal, proposal
    assert "12 January 2027" in proposal and "16 December" not in proposal, proposal
    invitation = _flat(texts["meeting-invitation.md"])
    assert "dated once we have agreed the mediator" not in invitation, invitation
    # Our authority stays in the plan, and the signer is "me", not "Fiona".
    assert "authority" not in invitation and "Alan" not in invitation, invitation
    assert "Fiona and" not in invitation, invitation


# Kind: exit emails carry the exit's terms.


def test_an_exit_over_their_breach_gives_notice_and_reserves_rights(tmp_path, monkeypatch):
    answers = _fixture("distributor-launched-rival")
    email = _email("partner-dispute", answers, tmp_path, monkeypatch, now=SATURDAY)
    assert "judgement" not in email, email
    assert "we reserve all our rights" in email and "§9.2" in email, email
    assert "Under §14, the agreement ends on 30 June 2027." in email, email
    assert "Under §11, please return" in email, email
    assert "ask how information" not in email, email


def test_an_exit_states_the_sum_we_have_decided_to_pay(tmp_path, monkeypatch):
    answers = _fixture("referral-partner-wind-down")
    email = _email("partner-dispute", answers, tmp_path, monkeypatch, now=SATURDAY)
    assert "We will pay the £620 in question." in email, email
    assert "fair settlement of the £620" not in email, email


def test_an_exit_apology_is_a_whole_sentence_with_months_in_full(tmp_path, monkeypatch):
    answers = _fixture("loss-making-client-exit")
    email = _email("salvage-relationship", answers, tmp_path, monkeypatch, now=SATURDAY)
    assert "I am sorry for the March pallet count error." in email, email
    assert ": March pallet" not in email and "Nov storage" not in email, email
    assert "settlement of the storage invoices and pick times" not in email, email


# Kind: their lawyer asked that all contact go through her.


def test_no_email_goes_to_a_contact_whose_lawyer_asked_for_all_contact(tmp_path, monkeypatch):
    answers = _fixture("connector-data-exposure")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, now=SATURDAY)
    email = _flat(texts["reset-email.eml"])
    assert email.startswith("Dear Sir or Madam"), email
    assert "Dear Owen" not in email, email
    assert "by Sunday 6 December 2026" in email, email  # within the 72-hour clock
    assert "Send nothing to Owen Pritchard directly" in texts["plan.md"]


def test_the_email_has_no_recipient_address_when_it_must_go_through_their_lawyer(
    tmp_path, monkeypatch
):
    from email import message_from_bytes
    from email.policy import default as default_policy

    from triage.engine import case
    from triage.engine.answersfile import read_answers
    from triage.engine.library import builtin_dir
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_case

    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / "partner-dispute.toml")
    path = Path(__file__).parent / "fixtures" / "drafts" / "connector-data-exposure.toml"
    files = render_case(playbook, read_answers(path, playbook))
    message = message_from_bytes(files["reset-email.eml"], policy=default_policy)
    assert "owen@" not in str(message["To"] or ""), message["To"]


# Kind: shorthand from our notes.


def test_month_abbreviations_and_trade_shorthand_are_spelled_out():
    from triage.engine.filters.shorthand import spell_out

    assert spell_out("pay the Nov storage invoice by 18 Dec") == (
        "pay the November storage invoice by 18 December"
    )
    assert spell_out("settle the three D&D invoices") == (
        "settle the three demurrage and detention invoices"
    )


def test_attendee_notes_lose_our_authority_and_plus_signs():
    from triage.engine.filters import attendees_for_them

    assert (
        attendees_for_them(
            "you and your QS; Fiona and our commercial manager. Alan available by phone with authority."
        )
        == "you and your QS; Fiona and our commercial manager"
    )
    assert attendees_for_them("our strategy lead (not Jamie) + me") == "our strategy lead and me"
