"""The exit version of the reset email keeps to 200 words, whatever was typed.

It drops detail to get there (the second mistake named, extra times offered, the mistakes
named, the long name of what is settled, the longer opening), never what we commit to: a
final date (or the end their notice fixes), a handover where there is work to hand over, a
fair settlement and keeping every commitment until then, nor the ask on an open amount. Each case starts from a built-in exit example and piles on what a
stressed manager types: long mistakes, a long ask, three times across a time zone, a contact
other than the signer, a job title and a long company name.
"""

from __future__ import annotations

import datetime as dt
import itertools
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

EXAMPLES = builtin_dir() / "examples"
BASES = [
    "salvage-relationship/small-account-exit",
    "salvage-relationship/tiny-account-exit",
    "client-communication-breakdown/tiny-account-angry-reviews",
    "contract-terms-dispute/maintenance-contract-mutual-end",
    "partner-dispute/referral-partner-leaving",
]
MISTAKES = [
    [
        {
            "mistake": "we quoted the rush fee verbally and never put it in writing before the "
            "job started, so the invoice surprised you",
            "fix": "every fee is now confirmed in writing before any job starts",
        },
        {
            "mistake": "our account manager promised a delivery date the studio could not meet "
            "and did not warn you in time",
            "fix": "delivery dates now come from the studio planner, never from sales",
        },
        {"mistake": "we sent the October invoice to the wrong contact twice"},
    ],
    [{"mistake": "missed 2 deadlines w/o warning"}, {"mistake": "invoice sent to old address"}],
]
ASKS = [
    "pay the October invoice in full and settle the November run at cost, as discussed on the phone",
    "pay invoice 0419 (1,140) by Friday",
]
TIMES = [
    {"date": dt.date(2026, 11, 26), "time": "11:00"},
    {"date": dt.date(2026, 11, 27), "time": "15:00"},
    {"date": dt.date(2026, 11, 30), "time": "09:30"},
]
HEAVY = {
    "our_spoc": "Jordan Mills",
    "their_hours_ahead": 8,
    "issue_for_them": "the brochure reprints and the October and November invoices",
    "proposed_times": TIMES,
    "our_contact": "Leah Carter, Managing Director",
    "our_company": "Inkwell Print Studio Limited",
}


def _cases() -> list[tuple[str, dict]]:
    cases = []
    grid = itertools.product(
        BASES,
        ["mostly_us", "both"],
        ["us", "them", "mutual"],
        [None, "basis_gone"],
        ["both", "they_owe", "none"],
        [False, True],
    )
    for base, fault, ending, reason, money, heavy in grid:
        mistakes = 0 if heavy else 1  # the long notes with the heavy extras, the short without
        changes: dict = {"fault": fault, "ending_by": ending, "money": money}
        changes["our_mistakes"] = MISTAKES[mistakes]
        if reason:
            changes["exit_reason"] = reason
        if money != "none":
            changes["our_ask"] = ASKS[mistakes]
        if heavy:
            changes.update(HEAVY)
        name = (
            f"{base}-{fault}-{ending}-{reason}-{money}-{mistakes}-{'heavy' if heavy else 'light'}"
        )
        cases.append((name, {"base": base, **changes}))
    return cases


CASES = _cases()


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize("changes", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_the_exit_email_is_at_most_200_words_and_keeps_what_we_commit_to(
    changes, tmp_path: Path, fixed_now
):
    changes = dict(changes)
    base = changes.pop("base")
    playbook = load_playbook(builtin_dir() / f"{base.split('/')[0]}.toml")
    import tomllib

    answers = tomllib.loads((EXAMPLES / f"{base}.toml").read_text(encoding="utf-8"))
    answers.pop("expect", None)
    answers.update(changes)
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    case = read_answers(path, playbook)
    evaluation = evaluate(playbook, case.answers, case.override)
    if evaluation.route.chosen != "exit":
        pytest.skip("these answers do not lead to an exit")
    message = message_from_bytes(
        render_case(playbook, case)["reset-email.eml"], policy=default_policy
    )
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert len(body.split()) <= 200, body
    # The end: a final date to agree, or the date their notice already fixes, stated; a
    # handover wherever there is work in progress (a referral arrangement has none).
    assert "final date" in body or "sets the end date" in body, body
    assert "handover" in body or base.startswith("partner-dispute/referral"), body
    assert "confirmed in writing" in body, body
    nothing_owed = changes.get("exit_reason") and changes["money"] == "none"
    assert "settlement" in body or nothing_owed, body
    if "our_spoc" not in changes or changes.get("ending_by") != "them":
        assert "keep every commitment" in body, body
    if changes.get("our_ask") and changes["money"] in ("they_owe", "both"):
        assert changes["our_ask"].split()[1] in body, "the ask on the open amount is kept"
