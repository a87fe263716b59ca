"""A lead typed as two people signs the drafts as one, and the plan asks for one lead.

A draft says "I lead this on our side" and "please come straight to me": signed by two
people it contradicts itself. A mediator wants one voice towards the other side, so the first
person named signs every draft, the commitments typed with that person's name read "I", and
the plan's first screen says that one lead is needed.
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from triage.engine.case import Case
from triage.engine.filters import first_person, person
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

PLAYBOOKS = [load_playbook(path) for path in playbook_files(builtin_dir())]
TWO_LEADS = [
    "Ana Ruiz and Tom Berg",
    "Ana Ruiz / Tom Berg",
    "Ana Ruiz & Tom Berg",
    "Ana Ruiz + Tom Berg",
    "Ana Ruiz (ops) and Tom Berg (sales)",
    "Ana Ruiz/Tom Berg",
]
ANSWERS = {
    "counterparty": "Kite & Co",
    "their_contact": "Dana Okafor",
    "issue_title": "late deliveries",
    "what_happened": "Two shipments arrived late in October and nobody warned them in time.",
    "our_mistakes": [
        {"mistake": "we did not warn you in time", "fix": "Ana will call you every Friday"}
    ],
    "fault": "mostly_us",
}


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize("typed", TWO_LEADS)
def test_two_people_typed_as_one_answer_are_read_as_two(typed):
    assert person(typed) == "Ana Ruiz and Tom Berg"
    assert person(typed, one=True) == "Ana Ruiz"
    assert first_person("Ana will call you every Friday", typed) == "I will call you every Friday"
    assert first_person("Tom joins the calls", typed) == "Tom joins the calls"


@pytest.mark.parametrize(
    "typed", ["Thomas Gruber / now their lawyers", "Kite & Co", "Ravi Menon, COO", "Ana and Tom"]
)
def test_a_note_or_a_company_is_not_a_second_lead(typed):
    assert " and " not in person(typed, one=True)


def _drafts(playbook, answers) -> tuple[str, dict[str, str]]:
    files = render_case(playbook, Case.new(playbook, answers, "voice"))
    texts = {}
    for name, data in files.items():
        if name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            texts[name] = message.get_body(preferencelist=("plain",)).get_content()
        elif name.endswith(".md") and name != "plan.md":
            texts[name] = data.decode()
    return files["plan.md"].decode(), texts


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
@pytest.mark.parametrize("typed", TWO_LEADS[:3])
def test_the_drafts_are_signed_by_one_lead_and_the_plan_asks_for_one(playbook, typed, fixed_now):
    plan, drafts = _drafts(playbook, {**ANSWERS, "our_contact": typed})
    assert "**One lead, one voice:**" in plan
    assert "signed by Ana Ruiz alone" in plan
    for name, text in drafts.items():
        assert "Tom Berg" not in text, f"{name} is signed by one person"
        assert "Ana Ruiz and" not in text and "Ana and Tom" not in text, name
    email = drafts.get("reset-email.eml", "")
    assert email.rstrip().splitlines()[-2:][0] in ("Ana Ruiz", "Kind regards,", "Best wishes,") or (
        "\nAna Ruiz\n" in email
    )


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.id)
def test_one_lead_gets_no_note(playbook, fixed_now):
    plan, _ = _drafts(playbook, {**ANSWERS, "our_contact": "Ana Ruiz"})
    assert "One lead, one voice" not in plan


def test_the_signer_named_as_the_subject_of_a_later_clause_speaks_as_i():
    from triage.engine.filters.voice import first_person

    # A fix typed as "...; Farah leads" in an email Farah signs: "I will lead", never "me leads".
    said = first_person("Rami is off the project; Farah leads", "Farah Haddad", "Yusuf")
    assert said == "Rami is off the project; I will lead"
    assert first_person("weekly call. Helen joins it", "Helen Achebe") == (
        "weekly call. I will join it"
    )
    # Both verbs of one clause follow the subject.
    said = first_person("Farah calls Yusuf and apologises", "Farah Haddad", "Yusuf")
    assert said == "I will call you and apologise"


def test_an_email_that_follows_the_first_call_does_not_promise_another_call(tmp_path, monkeypatch):
    from test_reader_needs import SATURDAY, drafts, example

    answers = example("salvage-relationship/renewal-notice-threatened-monday")
    answers.pop("proposed_times")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    # The plan has our managing director phone first, before anything goes in writing: the
    # email follows that call and does not promise to phone "to find a time to talk".
    assert "Phone Marloes Visser first, before anything goes in writing" in texts["plan.md"]
    email = texts["reset-email.eml"]
    # Written before that call, it never claims it ("Following my call"): reader39 kind 2.
    assert "Following my call" not in email
    assert "I would like us to find a time to talk" in email
    assert "I will phone you" not in email


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("incident report to Dr Nattapong by tuesday", "incident report to you by tuesday"),
        ("send Ms. Adaeze the statement", "send you the statement"),
        ("ask Khun Somchai to approve the plan", "ask you to approve the plan"),
    ],
)
def test_the_reader_is_you_whole_never_a_title_before_you(typed, said):
    reader = {"Dr Nattapong": "Dr. Nattapong Srisuk", "Ms. Adaeze": "Ms Adaeze Okafor"}
    who = next((v for k, v in reader.items() if k in typed), "Khun Somchai Rattanakul")
    text = first_person(typed, "Wiroj Chaiyaporn", reader=who)
    assert text == said
