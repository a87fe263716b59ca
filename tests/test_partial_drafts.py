"""Drafts and the plan written mid-way, before every required answer is in, still read right.

The app writes outputs whenever asked, so a plan or a draft may be made from a case with the
issue's title, the other side's name or our lead not given yet. What is missing is left out
of a heading, a greeting, a signature or a line of contacts, never printed as a gap.
"""

from __future__ import annotations

import datetime as dt
import re
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from triage.engine.case import Case
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

PLAYBOOKS = [load_playbook(path) for path in playbook_files(builtin_dir())]

# Partial answers as a hurried manager leaves them, in the order the questions come.
PARTIAL = {
    "nothing yet": {},
    "their company only": {"counterparty": "Kite & Co"},
    "a title and our lead": {"issue_title": "late deliveries", "our_contact": "Sam Lee"},
    "their side and a title": {
        "counterparty": "Harbour Trust",
        "their_contact": "Dana Okafor",
        "issue_title": "The Q3 invoice.",
    },
    "our lead with a title, no company": {
        "our_contact": "Priya Shah, Head of Partnerships",
        "what_happened": "Two shipments arrived late in October and nobody warned them.",
    },
    "their contact only": {"their_contact": "dr. Mei Ling Tan"},
}

# What a gap left by a missing answer looks like in text.
GAPS = [
    (re.compile(r"(?m)^#+\s*[:,.;]"), "a heading that starts with punctuation"),
    (re.compile(r"(?m)^#+\s*$"), "an empty heading"),
    (re.compile(r"(?m)^(?:Dear|Hi)\s*,|^(?:Dear|Hi) None\b|None team"), "a greeting with no name"),
    (re.compile(r" \*,\s"), "an owner missing before a date"),
    (re.compile(r"[^\S\n]{2,}for us|each,\s+for us"), "a contact missing"),
    (re.compile(r"Owner\s+unless"), "an owner missing"),
    (re.compile(r"(?m)^- \*\*(?:To|From):\*\*\s*(?:,|$)"), "an empty To or From line"),
    (re.compile(r"\|\s+\|\s+\d"), "an empty owner cell"),
    (re.compile(r"can go to \."), "the other side missing"),
    (re.compile(r"(?m)^, "), "a signature that starts with a comma"),
]


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    texts = {}
    for name, data in files.items():
        if name.endswith((".md", ".txt")):
            texts[name] = data.decode()
        elif name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            body = message.get_body(preferencelist=("plain",))
            texts[name] = body.get_content() if body is not None else ""
    return texts


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
@pytest.mark.parametrize("answers", list(PARTIAL.values()), ids=list(PARTIAL))
def test_outputs_written_mid_way_leave_out_what_is_not_known(playbook, answers, fixed_now):
    case = Case.new(playbook, answers, "partial")
    for name, text in _texts(render_case(playbook, case)).items():
        for pattern, what in GAPS:
            found = pattern.search(text)
            assert not found, (
                f"{name}: {what}: {text[max(0, found.start() - 60) : found.end() + 40]!r}"
            )


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_the_plan_is_headed_by_what_is_known(playbook, fixed_now):
    def heading(answers: dict[str, str]) -> str:
        plan = render_case(playbook, Case.new(playbook, answers, "partial"))["plan.md"].decode()
        return plan.splitlines()[0]

    assert heading({"counterparty": "Kite & Co"}) == "# Kite & Co"
    assert heading({"issue_title": "late deliveries"}) == "# Late deliveries"
    both = {"issue_title": "late deliveries", "counterparty": "Kite & Co"}
    assert heading(both) == "# Late deliveries: Kite & Co"
    assert heading({}) == "# A dispute not yet described"


@pytest.mark.parametrize(
    ("money", "amount", "annual", "shown"),
    [
        ("they_owe", 18000, 64000, "- Money at stake: about £18,000, against a relationship worth"),
        ("both", 4200, None, "- Money at stake: about £4,200."),
        ("they_owe", 24000, 24000, None),  # the account's yearly value, typed as the sum
        ("none", 4200, 140000, None),  # they said no money is in dispute
        ("none", 220000, 220000, None),
        (None, 0, 64000, None),
    ],
)
def test_the_plan_shows_money_at_stake_only_for_a_sum_in_dispute(money, amount, annual, shown):
    playbook = next(p for p in PLAYBOOKS if p.id == "salvage-relationship")
    answers = {"counterparty": "Kite & Co", "issue_title": "late deliveries", "currency": "GBP"}
    answers |= {"amount_at_stake": amount, "money": money, "annual_value": annual}
    answers = {k: v for k, v in answers.items() if v is not None}
    plan = render_case(playbook, Case.new(playbook, answers, "money"))["plan.md"].decode()
    if shown is None:
        assert "Money at stake" not in plan
    else:
        assert shown in plan


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Krogh - Mette says SLA breach", "**Subject:** Summary of our next steps"),
        ("Our claim and their contra-charges", "**Subject:** Our claim and your contra-charges: "),
        ("Unpaid invoices 2026-118", "**Subject:** Unpaid invoices 2026-118: "),
        ("The biscuit recall", "**Subject:** The biscuit recall: "),
    ],
)
def test_the_summary_subject_names_the_issue_as_the_email_does(playbook, title, subject, fixed_now):
    answers = {
        "counterparty": "Krogh Logistik",
        "their_contact": "Mette Krogh",
        "issue_title": title,
    }
    files = render_case(playbook, Case.new(playbook, answers, "subject"))
    summary = files.get("follow-up-summary.md", b"").decode()
    if summary:
        assert subject in summary
