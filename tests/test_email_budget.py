"""Every version of the reset email keeps its body to 200 words, whatever was typed.

The exit version has its own test (test_exit_email_budget); this one covers the others: an
open apology, the general reset, a breach alleged (without prejudice), what they owe us, a
misunderstanding and the formal acknowledgment. Each starts from a built-in example and piles
on what a stressed manager types. The body drops detail to fit, never what we commit to: every
change we are making, our ask, when we reply, and at least one time offered.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
import tomli_w

from triage.engine.answersfile import read_answers
from triage.engine.evaluate import evaluate
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import context, render_case

EXAMPLES = builtin_dir() / "examples"
BASES = {
    "at_fault": "client-communication-breakdown/outage-our-fault",
    "reset": "client-communication-breakdown/our-director-argued-on-site",
    "breach": "contract-terms-dispute/final-payment-mediation-clause",
    "owed": "contract-terms-dispute/unpaid-invoices-owed",
    "misunderstanding": "client-communication-breakdown/misread-price-notice",
    "formal": "contract-terms-dispute/letter-of-claim",
    "heated": "partner-dispute/chain-claim-our-buyer-lost-temper",
}
MISTAKES = [
    {
        "mistake": "we released the new booking screen during your busiest clinic hours without "
        "warning your front desks or checking it with you first",
        "fix": "rolled back the same evening; every release now goes out after 8 pm with a "
        "tested rollback and a note to you",
    },
    {
        "mistake": "your urgent ticket got an automated reply and nobody senior called you until "
        "the following afternoon",
        "fix": "urgent tickets now page the on-call lead, who calls you within the hour",
    },
    {
        "mistake": "our invoice for November charged the old tier for all fourteen practices",
        "fix": "finance checks each tier change against the next invoice before it goes out",
    },
]
TIMES = [
    {"date": dt.date(2026, 12, 1), "time": "11:00"},
    {"date": dt.date(2026, 12, 2), "time": "15:00"},
    {"date": dt.date(2026, 12, 3), "time": "09:30"},
]
HEAVY = {
    "shared_goal": "Patients at all fourteen practices who can always book online, and front "
    "desks who never have to apologise for our system again",
    "issue_for_them": "the booking outage on 17 November and the November invoices",
    "proposed_times": TIMES,
    "their_hours_ahead": 8,
    "our_spoc": "Jordan Mills",
    "our_contact": "Leah Carter, Managing Director",
    "our_company": "Inkwell Clinical Software Limited",
    "our_ask": "pay invoices 2026-118 and 2026-131 (184,000 in total) by 18 December, or tell "
    "me by 11 December which item is in question and why",
}


# Everything else that adds a section: amounts both ways, their complaint procedure, their
# proposal of mediation, and our own side's heat with a fresh lead.
EVERYTHING = {
    "money": "both",
    "owed_basis": "due",
    "mediation_open": "proposed",
    "heat_source": "ours",
    "new_lead": "Leah Carter, Managing Director",
}


def _cases() -> list[tuple[str, dict]]:
    cases = []
    grid = itertools.product(BASES.items(), [1, 3], ["light", "heavy", "everything"])
    for (variant, base), count, load in grid:
        changes: dict = {"our_mistakes": MISTAKES[:count]}
        if load != "light":
            changes.update(HEAVY)
        if load == "everything":
            changes.update(EVERYTHING)
            changes["complaint_procedure"] = True
        cases.append((f"{variant}-{count}-{load}", {"base": base, **changes}))
    return cases


CASES = _cases()


def load_of(changes: dict) -> str:
    return "light" if "shared_goal" not in changes else "heavy"


def count_of(changes: dict) -> int:
    return len(changes["our_mistakes"])


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize("changes", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_every_email_is_at_most_200_words_and_keeps_what_we_commit_to(
    changes, tmp_path: Path, fixed_now
):
    changes = dict(changes)
    base = changes.pop("base")
    playbook = load_playbook(builtin_dir() / f"{base.split('/')[0]}.toml")
    answers = tomllib.loads((EXAMPLES / f"{base}.toml").read_text(encoding="utf-8"))
    answers.pop("expect", None)
    if changes.pop("complaint_procedure", False):
        answers["red_flags"] = [*(answers.get("red_flags") or []), "complaint_procedure"]
    answers.update(changes)
    if load_of(changes) != "light":  # what they asked for, which the email must answer
        answers["what_happened"] = (
            f"{answers['what_happened']} They asked for a refund of the November invoices "
            "and a call from a director."
        )
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(answers).encode())
    case = read_answers(path, playbook)
    evaluation = evaluate(playbook, case.answers, case.override)
    ctx = context(playbook, case, evaluation)
    ctx_variant = ctx.get("email_variant")
    if ctx_variant == "breach" and answers.get("fault") == "misunderstanding":
        ctx_variant = "misunderstanding"  # as the template reads it: short and friendly
    message = message_from_bytes(
        render_case(playbook, case)["reset-email.eml"], policy=default_policy
    )
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert len(body.split()) <= 200, f"{ctx_variant}: {len(body.split())} words\n{body}"
    flat = " ".join(body.split())
    if ctx_variant in ("at_fault", "reset", "misunderstanding", "owed"):
        for mistake in changes["our_mistakes"]:
            fix = " ".join(mistake["fix"].split(";")[-1].split()[:6])
            assert fix.lower() in flat.lower(), f"the change we make is kept: {fix!r}\n{body}"
    if ctx_variant == "owed" and "our_ask" in changes:
        assert "pay invoices 2026-118 and 2026-131" in flat.lower(), body
    if ctx_variant not in ("formal", "misunderstanding"):
        assert re.search(r"reply within|reply in full|will reply", flat), body
    heated = ctx.get("heat_source") in ("ours", "both") and ctx.get("new_lead")
    if heated and ctx_variant in ("at_fault", "reset", "owed", "misunderstanding"):
        assert "I lead this on our side" in flat, "who leads from now on is kept"
    if "complaint_procedure" in answers["red_flags"] and ctx_variant not in ("formal", "exit"):
        # Short of words, one reply date covers both: "... and to your formal complaint, by".
        assert re.search(
            r"answer (?:your formal complaint|the complaint)|and to your formal complaint, by", flat
        ), body
    if ctx_variant not in ("formal",) and load_of(changes) != "light":
        named = "You asked for a refund of the November invoices" in flat
        assert named or "a full reply to what you asked for" in flat, body
        assert re.search(
            r"[Yy]ou will have a full reply (?:on the rest |to what you asked for"
            r"(?:, and to your formal complaint,)? )?by \w+day",
            flat,
        ), body
    if ctx_variant in ("at_fault", "reset", "misunderstanding", "owed") and count_of(changes):
        assert "we rolled it back the same evening" in flat.lower(), "what is already done is said"
    if "proposed_times" in changes and ctx_variant != "formal":
        # Listed, or short of words both in one line ("on Tuesday 8 December at 10:00 or ...").
        assert re.search(r"^- \w+day \d|\bon \w+day \d+ \w+(?: \d{4})? at \d", body, re.M), (
            "a time offered is kept"
        )
