"""Steps in the order they can happen, and one date per event: the call that agrees a mediation
is on one day in the email, the proposal, the invitation and the tracker, and the email goes with
the proposal the manager typed, not before it; an exit is decided before anyone tells them, and
the notice is served after our lawyer has checked it; a note that proposes a call goes before it;
a formal reply from our lawyers has one date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_reader_needs import MONDAY, drafts, example

MEDIATIONS = [
    (
        "partner-dispute/chain-claim-contaminated-flour",
        "Send our mediation proposal under the dispute clause to their managing director",
    ),
    (
        "salvage-relationship/pub-group-rich-history",
        "Counsel-approved letter proposing mediation under clause 19",
    ),
    (
        "contract-terms-dispute/service-charge-mediation-proposed",
        "Write to their GC proposing mediation with two named mediators",
    ),
]


def _rows(csv: str) -> list[tuple[str, str]]:
    out = []
    for line in csv.splitlines()[1:]:
        m = re.search(r",(\d{4}-\d\d-\d\d),open,", line)
        if m:
            out.append((line, m.group(1)))
    return out


def _long(day: dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


@pytest.mark.parametrize(("name", "step"), MEDIATIONS)
def test_the_call_that_agrees_the_mediation_has_one_date(name, step, tmp_path, monkeypatch):
    answers = example(name)
    proposal_day = dt.date(2026, 11, 27)
    answers["agreed_actions"] = [
        *(answers.get("agreed_actions") or []),
        {"what": step, "owner": "Helen Marsh, Managing Director", "due": proposal_day},
    ]
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, MONDAY)
    rows = _rows(texts["actions.csv"])
    call = [d for r, d in rows if "to agree the mediation" in r]
    assert call, texts["actions.csv"]
    said = _long(dt.date.fromisoformat(call[0]))
    email = texts["reset-email.eml"]
    if "phone you on" in email:
        assert f"I will phone you on {said}" in email, email
    if "mediation-proposal.md" in texts and "phone you on" in texts["mediation-proposal.md"]:
        assert f"I will phone you on {said}" in texts["mediation-proposal.md"]
    if "The call:" in texts.get("meeting-invitation.md", ""):
        assert f"The call: on {said}" in texts["meeting-invitation.md"]
    # The email does not go before the proposal it announces.
    send = [d for r, d in rows if r.lstrip('"').startswith("Send the reset email")]
    assert send and send[0] >= proposal_day.isoformat(), rows


def _thermi_like(playbook: str, name: str) -> dict:
    answers = example(f"{playbook}/{name}")
    answers.pop("notice_deadline", None)
    answers["agreed_actions"] = [
        {
            "what": "Agree with Pekka: exit at the end of the notice period, no claim for now",
            "owner": "Aino Korhonen",
            "due": dt.date(2026, 11, 25),
        },
        {
            "what": "Lawyer to check the notice wording and the data clause",
            "owner": "Aino Korhonen with counsel",
            "due": dt.date(2026, 11, 27),
        },
    ]
    return answers


EXITS = [
    ("partner-dispute", "reseller-exit-six-months-notice"),
    ("partner-dispute", "marginal-alliance-mutual-end"),
    ("salvage-relationship", "marginal-client-heavy-repair-exit"),
    ("contract-terms-dispute", "maintenance-contract-mutual-end"),
]


@pytest.mark.parametrize(("playbook", "name"), EXITS)
def test_decide_then_tell_then_serve_after_the_lawyer(playbook, name, tmp_path, monkeypatch):
    texts = drafts(playbook, _thermi_like(playbook, name), tmp_path, monkeypatch, MONDAY)
    rows = _rows(texts["actions.csv"])
    order = [r for r, _ in rows]
    days = dict(rows)
    decide = next(r for r in order if "Agree with Pekka" in r)
    check = next(r for r in order if "Lawyer to check the notice wording" in r)
    tell = [r for r in order if "then send the exit email" in r or "the exit email" in r[:80]]
    for row in tell:
        assert days[row] >= days[decide] and order.index(row) > order.index(decide), order
    serve = [r for r in order if r.lstrip('"').startswith("Serve our notice")]
    for row in serve:
        assert days[row] > days[check], order
    if "formal notice" in texts["reset-email.eml"]:
        assert "will follow in writing by Wednesday 25 November" not in texts["reset-email.eml"]


@pytest.mark.parametrize(
    "name",
    [
        "client-communication-breakdown/misread-price-notice",
        "contract-terms-dispute/rebate-misread-german-distributor",
        "partner-dispute/handover-misread-demo-date",
    ],
)
def test_a_note_that_proposes_the_call_goes_before_it(name, tmp_path, monkeypatch):
    texts = drafts(name.split("/")[0], example(name), tmp_path, monkeypatch, MONDAY)
    rows = _rows(texts["actions.csv"])
    order = [r for r, _ in rows]
    assert "(the draft email)" in texts["actions.csv"]
    assert "After the call, send" not in texts["actions.csv"]
    send = next(r for r in order if "(the draft email)" in r)
    calls = [r for r in order if "Have a short call with" in r]
    for call in calls:
        assert order.index(send) < order.index(call), order
        assert dict(rows)[send] <= dict(rows)[call]
