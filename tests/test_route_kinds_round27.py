"""Three kinds of case the route and level got wrong on disputes nobody had tuned on: a small
slip of ours with no yearly value given, a personal-data breach of ours met with threats to
end the contract or go to law, and extra work priced under the contract's own variations
clause, which is not a contract amendment for the directors."""

from __future__ import annotations

from test_plan_first_steps import rows as tracker_rows
from test_reader_needs import SATURDAY, drafts


def _decided(texts: dict[str, str]) -> str:
    return texts["plan.md"].split("## What to do", 1)[1].split("\n\n", 2)[1]


def test_a_small_slip_of_ours_stays_with_the_account_team(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Tiskárna Rovnost s.r.o.",
        "what_happened": "two of our drivers left pallets at the wrong gate on 1/12 and 3/12, "
        "they paid a forklift crew twice. they want the crew cost back",
        "amount_at_stake": 42000,
        "currency": "CZK",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "emotions": "calm",
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 1" in _decided(texts)
    # The same slip over a large sum goes to someone senior.
    answers["amount_at_stake"] = 900000
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 2" in _decided(texts)


def _payslips() -> dict:
    return {
        "counterparty": "Vandlab Klinikker ApS",
        "their_contact": "Sofie Brandt",
        "our_contact": "Lars Holm",
        "what_happened": "thursday our clerk mailed their december payslip file (names, CPR, "
        "salary) to another client by mistake. their HR director is furious, the CEO wrote "
        "that the contract is under review and their lawyer will be in touch",
        "annual_value": 280000,
        "currency": "DKK",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "emotions": "high",
        "trust_today": 1,
        "red_flags": ["data_breach", "regulator", "threats"],
        "regulator_told": False,
        "breach_where": "ours",
    }


def test_a_data_breach_of_ours_met_with_threats_is_a_legal_matter_first(tmp_path, monkeypatch):
    texts = drafts("salvage-relationship", _payslips(), tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Take legal advice")
    # Without the threats, the same breach is talked through with a lawyer in the background.
    answers = _payslips()
    answers["red_flags"] = ["data_breach", "regulator"]
    answers["what_happened"] = answers["what_happened"].split(". their HR")[0]
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert _decided(texts).startswith("**Negotiate")


def _extra_work() -> dict:
    return {
        "counterparty": "Kallang Cold Foods Pte Ltd",
        "their_contact": "Ben Ong",
        "our_contact": "Mei Tan",
        "what_happened": "their site lead asked us on 24/11 to add two extract fans, not on "
        "the drawings. we did it. quote SGD 31,000 sent 1/12, their finance say no VO, no "
        "payment. variation order needs the GM's signature",
        "amount_at_stake": 31000,
        "annual_value": 400000,
        "currency": "SGD",
        "fault": "both",
        "money": "they_owe",
        "owed_basis": "claim",
        "stake_vs_fee": "larger",
        "options_considered": ["variation", "clarify"],
        "our_ask": "sign a variation order for the two extract fans",
    }


def test_extra_work_under_the_variations_clause_is_not_a_contract_amendment(tmp_path, monkeypatch):
    texts = drafts("contract-terms-dispute", _extra_work(), tmp_path, monkeypatch, SATURDAY)
    assert "is a contract amendment" not in texts["plan.md"]
    assert "decided at level 3" not in _decided(texts)
    # A price that changes from now on, signed into the contract, is one.
    answers = _extra_work()
    answers["what_happened"] = "they want our rates cut 12% from January, in the contract"
    answers["our_ask"] = "keep the current rates to the end of the term"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert "decided at level 3" in _decided(texts)


def test_a_processor_gives_the_controller_what_its_report_needs(tmp_path, monkeypatch):
    answers = _payslips() | {
        "notice_deadline": "2026-12-08",
        "deadline_kind": "statute",
        "what_happened": "our clerk mailed their payslip file to another client. under our data "
        "processing agreement we told them within the day; they must report it by tuesday",
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    steps = texts["actions.csv"]
    assert "what their report to the data protection regulator needs" in steps
    assert "never file around them" in steps
    assert "Report the breach to the data protection regulator" not in steps
    # The email goes before that deadline, not on it.
    sent = [r for r in tracker_rows(texts) if r["action"].startswith("Send the")]
    # Inside two working days of it, the email goes the day the lawyer reads it, weekend or not.
    assert [r["due"] for r in sent] == ["2026-12-05"]
    # Holding the data ourselves, with no processing agreement named, we report it.
    answers["what_happened"] = "a laptop with their staff records was stolen from our office"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Report the breach to the data protection regulator" in texts["actions.csv"]


def test_a_small_slip_gets_one_first_call_after_finding_who_to_call(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Pekarna Sever s.r.o.",
        "what_happened": "three deliveries short last week, our new scanner probably miscounted",
        "amount_at_stake": 30000,
        "currency": "CZK",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "emotions": "calm",
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    first = texts["plan.md"].split("### Next three actions", 1)[1].split("\n## ", 1)[0]
    assert first.index("Write down who at Pekarna Sever") < first.index("Have a short call")
    assert "Phone Pekarna Sever s.r.o. first" not in texts["actions.csv"]
    # A small account the manager keeps is not told that parting is a fine outcome.
    assert "parting on good terms" not in texts["plan.md"]
    # Nothing says what the account is worth a year, so the plan does not call it small on
    # figures it was never given: it asks for them before real time or money goes in.
    assert "Nothing else about its value was answered" in texts["plan.md"]
    # The email follows that call instead of promising another, and does not claim the call
    # before it has happened (reader39 kind 2).
    assert "Following my call" not in texts["reset-email.eml"]
    assert "I will phone you" not in texts["reset-email.eml"]
