"""Kinds: raw fragments pasted into the email, and the wrong person signing it.

Our own shorthand reaches the reader as a proposal in sentences ("I propose that you pay ...",
never "I propose: pay ..."), and "they" for things we did stays "they". At level 2 and above
the senior person who takes part for us is named in the text, with their role; one person signs.
"""

from __future__ import annotations

from drafts_cases import render

from triage.engine.filters import first_person

LEEDS = "client-communication-breakdown--leeds-payroll-three-errors"
SENIOR_ATTENDS = {
    "attendees": "Priya + their finance director; our operations director Sam Okafor + me",
    "our_spoc": "Sam Okafor, Operations Director",
}


def test_the_senior_person_who_takes_part_is_named_in_the_text_not_under_the_i(
    tmp_path, monkeypatch
):
    body = render(LEEDS, tmp_path, monkeypatch, SENIOR_ATTENDS)["reset-email.eml"]
    closing = body.replace("\r", "").strip().split("\n")
    at = closing.index("Kind regards,")
    # One signer, the person "I" is; the senior colleague is named above, with the role.
    assert closing[at + 1 :] == ["Tom Ashby", "Ledgerline Payroll Ltd"], closing
    assert "Sam Okafor, our Operations Director, will join us" in " ".join(closing), closing


def test_nobody_co_signs_when_the_signer_is_the_only_one_of_ours(tmp_path, monkeypatch):
    body = render(LEEDS, tmp_path, monkeypatch)["reset-email.eml"]
    closing = body.replace("\r", "").strip().split("\n")
    assert closing[-2:] == ["Tom Ashby", "Ledgerline Payroll Ltd"], closing


def test_a_typed_order_to_pay_reads_as_a_proposal_to_them(tmp_path, monkeypatch):
    change = {"our_ask": "pay invoice 4410 (EUR 12,000) by 18 Dec and the rest in 2 instalments"}
    email = render(
        "contract-terms-dispute--corrugated-drinks-brand-cash-trouble",
        tmp_path,
        monkeypatch,
        change,
    )["email"]
    assert "I propose: pay" not in email, email
    assert "I propose that you pay invoice 4410 (EUR 12,000) by 18 December" in email, email


def test_they_for_things_that_happened_is_not_turned_into_the_reader():
    said = first_person(
        "we didn't flag the extra review rounds as change requests when they happened",
        "Marcus Reyes",
        "Karen Oduya",
    )
    assert said.endswith("when they happened"), said
    # The reader is still "you" where "they" stands for them.
    assert first_person("they were upset", "Marcus Reyes", "Karen Oduya") == "you were upset"


def test_a_sparse_subject_line_never_carries_a_placeholder(tmp_path, monkeypatch):
    # No contact, no title, no date, no sum and no month in the notes: still sendable.
    change = {
        "amount_at_stake": None,
        "what_happened": "wrong bore size on lot 77, no orders since",
    }
    subject = render("salvage-relationship--porto-cork-sparse", tmp_path, monkeypatch, change)[
        "Subject"
    ]
    assert "[" not in subject and subject.startswith("Our work together"), subject
