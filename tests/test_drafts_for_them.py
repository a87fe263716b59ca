"""The drafts that go to the other side read right to the person who receives them.

Each test takes a built-in example, changes the answers the way a manager types them, and
reads the reset email as its recipient would: a lawyer's letter is acknowledged, not
apologised for; an owed sum is met with the offer the manager chose; a sorry names what we
did; a supplier who failed us is not told we are sorry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from test_reader_needs import drafts, example


def _flat(text: str) -> str:
    return " ".join(text.split())


def _email(playbook: str, answers: dict[str, Any], tmp_path, monkeypatch) -> str:
    return _flat(drafts(playbook, answers, tmp_path, monkeypatch)["reset-email.eml"])


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
