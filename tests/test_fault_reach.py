"""When our fault reached others too, the first week checks who else it hit.

Blind round 36: a Swiss IT firm's mail merge put the yearly total in the monthly-fee column of
the notice every support client received; a dental-software firm retired its support address
without a bounce, so cancellations went unread; a payroll release showed one client's payslips
to another. The plans fixed the cause for later but never asked who else got the same thing,
so the next client would have to raise it too.
"""

from __future__ import annotations

import pytest

from tests.test_question_effects import Advice, examples_now  # noqa: F401
from triage.engine.filters.reach import fault_reach


@pytest.mark.parametrize(
    ("happened", "owned", "kind", "whom", "what"),
    [
        (
            "On 27 Nov we sent all our support clients the 2027 price notice.",
            ["the notice showed the yearly total in the monthly column"],
            "letter",
            "clients",
            "notice",
        ),
        (
            "Every customer got the new statement layout in October.",
            [{"mistake": "the statement dropped the credit line", "fix": "reissued"}],
            "letter",
            "customer",
            "statement",
        ),
        (
            "A mail-merge slip addressed the renewal letter to the wrong buyer.",
            [],
            "letter",
            "clients",
            "letter",
        ),
        (
            "Release 8.14 of our portal showed their staff list to users at one other client.",
            ["we shipped the release on a Friday without the access test"],
            "release",
            "clients",
            "release",
        ),
        (
            "She wrote to our old support mailbox, retired in August; the bounce was off.",
            [],
            "address",
            "clients",
            "address",
        ),
    ],
)
def test_a_fault_that_went_to_many_is_read(happened, owned, kind, whom, what) -> None:
    found = fault_reach([happened], owned, "clients")
    assert found["kind"] == kind and found["what"] == what
    assert found["whom"].startswith(whom)


@pytest.mark.parametrize(
    "happened",
    [
        "Our engineer missed the 14 November service visit at their plant.",
        "All their stores reported the outage to us on Monday.",
        "We upgraded their terminals to version 4.2.1 and the printer stopped.",
        "Her email went to our help portal and was answered after nine days.",
    ],
)
def test_a_fault_of_this_case_alone_is_not(happened: str) -> None:
    assert fault_reach([happened], [], "clients") == {}


def test_the_tracker_checks_who_else_got_the_letter_this_week() -> None:
    many = Advice(
        "client-communication-breakdown",
        "misread-price-notice",
        what_happened="On 20 November we sent all our hosting clients the yearly price letter; "
        "a mail-merge slip printed last year's fee as the new one.",
    )
    [row] = many.rows_with("Check which other clients got the same ")
    assert row["audience"] == "internal" and row["due"] <= "2026-11-25"
    theirs = Advice(
        "client-communication-breakdown",
        "misread-price-notice",
        what_happened="On 20 November we sent all our hosting clients the yearly price letter; "
        "a mail-merge slip printed last year's fee as the new one.",
        fault="mostly_them",
    )
    assert not theirs.rows_with("Check which other")
    statement = Advice(
        "partner-dispute",
        "reseller-commission-negotiate",
        what_happened="After the October migration every partner got a commission statement "
        "without the Q3 accelerator.",
        fault="mostly_us",
    )
    [row] = statement.rows_with("Check which other partners got a statement with the same fault")
    assert row["audience"] == "internal"
    alone = Advice(
        "client-communication-breakdown",
        "misread-price-notice",
        what_happened="Our account manager told Sofia on the phone that her price rises in January; "
        "her contract fixes it until March 2028.",
        our_mistakes=[{"mistake": "our account manager misquoted her contract", "fix": "briefed"}],
    )
    assert not alone.rows_with("Check which other")
