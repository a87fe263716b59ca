"""A tracker the manager can run a week on, and that tells the other side only what is theirs.

Read as the manager who works from actions.csv and as the person who receives the follow-up:
our fallback plans, the sanctions we apply, decisions about our own staff and coaching for the
call stay internal; a buyer whose supplier may fail recovers its property and secures supply
rather than chasing a debt; a partner selling us its share of a joint venture gets a buy-out
(valuer, heads of terms, the work in hand protected), not a customer's exit; every row has an
owner; nothing is cut off mid-phrase; a change the manager already typed is not listed twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters import deliverables, in_force, share_deal, step_part
from triage.engine.filters.commitments import gives_reader

NEXT_WEEK = dt.date(2026, 12, 9)


def rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def row_with(csv_text: str, words: str) -> dict[str, str]:
    found = [r for r in rows(csv_text) if words in r["action"]]
    assert found, f"no row with {words!r}"
    return found[0]


# --- Kind 1: internal material never marked shared or sent --------------------------------

OUR_OWN = [
    # Our fallback if they fail us.
    "Request urgent samples and quotes from two alternative film printers",
    "Find a second supplier for the PET resin",
    "Get quotes from other carriers for the Rotterdam lane",
    "Start second-sourcing the wiring harness",
    # A sanction we apply meanwhile.
    "Switch release of new containers to cash-against-release",
    "Put the account on credit hold",
    "Hold further shipments until the arrears are cleared",
    # A decision about our own staff.
    "Remove Lars Ekstrom from the account and the thread",
    "Take Priya Shah off the project",
]

FOR_THEM = [
    "Ship 14 replacement transducers",
    "Send the corrected invoice",
    "Issue the credit note for the 25% SLA credit",
    "Remove the late-payment fee from the account",
]


@pytest.mark.parametrize("what", OUR_OWN)
def test_our_fallbacks_sanctions_and_staff_decisions_are_ours_alone(what):
    assert not gives_reader(what)
    steps = [{"what": what, "owner": "Ops", "due": NEXT_WEEK}]
    assert deliverables(steps, today=SATURDAY.date()) == []


@pytest.mark.parametrize("what", FOR_THEM)
def test_what_we_give_them_is_still_shared(what):
    assert gives_reader(what)


def _supplier_case() -> dict:
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["agreed_actions"] = [
        {"what": "Remove Tom Baker from the account", "owner": "Helen Achebe", "due": NEXT_WEEK},
        {
            "what": "Get quotes from other hosting providers",
            "owner": "Procurement",
            "due": NEXT_WEEK,
        },
        {"what": "Send the corrected invoice", "owner": "Finance", "due": dt.date(2026, 12, 14)},
    ]
    answers["support_offer"] = ["senior_contact", "incident_reports", "escalation_path"]
    return answers


def test_typed_internal_steps_stay_internal_and_out_of_the_drafts(tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown", _supplier_case(), tmp_path, monkeypatch, SATURDAY
    )
    tracker = texts["actions.csv"]
    assert row_with(tracker, "Remove Tom Baker")["audience"] == "internal"
    assert row_with(tracker, "other hosting providers")["audience"] == "internal"
    assert row_with(tracker, "corrected invoice")["audience"] == "shared"
    for name, text in texts.items():
        if name.endswith(".eml") or name == "follow-up-summary.md":
            assert "Tom Baker" not in text, name
            assert "hosting providers" not in text, name


def test_coaching_and_support_not_yet_offered_are_not_shared(tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown", _supplier_case(), tmp_path, monkeypatch, SATURDAY
    )
    tracker = texts["actions.csv"]
    # The support chosen is proposed at the meeting, not "what we offered".
    assert "Set up what we offered" not in tracker
    offer = row_with(tracker, "written incident report")
    assert offer["audience"] == "internal"
    assert "written incident report" not in texts["follow-up-summary.md"]
    # Coaching for our own call ("Open with a specific apology") is never a shared row.
    for row in rows(tracker):
        if "Open with a specific apology" in row["action"] or "Listen first" in row["action"]:
            assert row["audience"] == "internal"
    # A change we said is in force now is checked on our side, not promised again.
    for row in rows(tracker):
        if row["action"].startswith("Put in place now"):
            assert row["audience"] == "internal"


# --- Kind 2: the template fits the relationship -------------------------------------------


def _failing_supplier(**change) -> dict:
    answers = {
        "counterparty": "Kartonagen Weber GmbH",
        "their_contact": "Jonas Weber",
        "their_email": "j.weber@kartonagen-weber.example",
        "our_company": "Alpenmilch AG",
        "our_contact": "Sandra Huber",
        "issue_title": "the prepaid carton order and our cutting dies",
        "what_happened": (
            "Weber prints all our yoghurt cartons. We prepaid EUR 120,000 for the Q1 cartons on "
            "1 Oct; nothing shipped. On 30 Nov Jonas told us they have engaged insolvency "
            "advisers and asked suppliers and customers to hold off. Our 9 cutting dies are at "
            "their plant. Our carton stock runs out mid-January."
        ),
        "since": dt.date(2026, 11, 20),
        "amount_at_stake": 160000,
        "currency": "EUR",
        "partnership_type": "supplier",
        "annual_value": 900000,
        "strategic_value": "important",
        "alternatives": "costly",
        "worth_salvaging": "unsure",
        "fault": "mostly_them",
        "red_flags": ["insolvency"],
        "insolvency_started": False,
        "money": "they_owe",
        "owed_basis": "due",
        "work_ongoing": True,
        "prevention_measures": ["joint_reviews", "written_agreement"],
    }
    answers.update(change)
    return answers


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"counterparty": "Plasticos del Sur S.A.", "currency": "ARS", "our_contact": None},
        {"red_flags": ["insolvency", "payment_withheld"], "alternatives": "none"},
    ],
)
def test_a_buyer_facing_a_failing_supplier_recovers_its_property(tmp_path, monkeypatch, change):
    texts = drafts("partner-dispute", _failing_supplier(**change), tmp_path, monkeypatch, SATURDAY)
    tracker, plan = texts["actions.csv"], texts["plan.md"]
    # No creditor's steps: we supply them nothing, and no payment plan is chased.
    assert "add nothing to what is owed" not in tracker
    assert "delivered only against payment" not in tracker
    assert "Before agreeing any payment plan" not in tracker
    assert "what they can realistically pay" not in plan
    # What is ours comes back, agreed with them; supply is secured on our side, quietly.
    assert row_with(tracker, "collect what is ours")["audience"] == "shared"
    second = row_with(tracker, "qualify a second source")
    assert second["audience"] == "internal"
    assert "recover what is ours" in plan
    # No long-term structure with a partner that may not survive.
    assert "quarterly joint review" not in tracker
    assert "amendment both sides sign" not in tracker
    for row in rows(tracker):
        if row["audience"] == "shared":
            assert "second source" not in row["action"]


def _jv_exit(**change) -> dict:
    answers = {
        "counterparty": "Bodegas Llano Alto S.L.",
        "their_contact": "Carmen Ruiz",
        "our_company": "Nordvin AB",
        "our_contact": "Erik Lund",
        "issue_title": "the future of our joint venture, Llano Nord",
        "what_happened": (
            "Since 2019 we have run Llano Nord S.L., a 50/50 joint venture with Bodegas Llano "
            "Alto that bottles their wine for Nordic monopolies. On 20 Nov Carmen told us the "
            "family wants to sell their shares; the agreement gives us a right of first refusal "
            "until 28 February."
        ),
        "since": dt.date(2026, 11, 20),
        "amount_at_stake": 2000000,
        "currency": "EUR",
        "partnership_type": "alliance",
        "annual_value": 6000000,
        "strategic_value": "core",
        "alternatives": "costly",
        "worth_salvaging": "no",
        "ending_by": "them",
        "exit_reason": "basis_gone",
        "fault": "misunderstanding",
        "red_flags": ["deadline"],
        "notice_deadline": dt.date(2027, 2, 28),
        "deadline_kind": "contract",
        "money": "none",
        "work_ongoing": True,
        "joint_initiatives": "The spring bottling run for the monopoly tender.",
        "proposed_times": [{"date": dt.date(2026, 12, 15), "time": "10:00"}],
    }
    answers.update(change)
    return answers


@pytest.mark.parametrize(
    "change",
    [
        {},
        {
            "what_happened": (
                "Our partner in the Lagos bottling company wants out: they asked us to buy out "
                "their 40% stake after the season."
            ),
            "notice_deadline": None,
            "red_flags": [],
        },
    ],
)
def test_a_partner_selling_its_share_gets_a_buy_out_not_a_customer_exit(
    tmp_path, monkeypatch, change
):
    texts = drafts("partner-dispute", _jv_exit(**change), tmp_path, monkeypatch, SATURDAY)
    tracker, plan = texts["actions.csv"], texts["plan.md"]
    assert "Agree the end with" not in tracker
    assert "ends when their notice runs out" not in tracker
    assert "make the handover easy" not in plan
    assert "heads of terms" in tracker
    assert "Appoint the valuer together" in tracker
    assert "carries on as normal until the buy-out completes" in tracker
    assert "the end of our arrangement" not in texts["follow-up-summary.md"]
    if change == {}:
        terms = row_with(tracker, "heads of terms")
        assert terms["due"] < "2027-02-28"
        assert "well before 28 February 2027" in terms["action"]


def test_a_buy_out_is_read_from_the_notes():
    assert share_deal("a 50/50 joint venture that packs their fruit")
    assert share_deal("they asked us to buy out their 40% stake")
    assert share_deal("our right of first refusal runs to February")
    assert not share_deal("the shared drive was down and the stakeholders were upset")
    assert not share_deal("they are moving to another cleaner at the end of term")


# --- Kind 4: a tracker you can run --------------------------------------------------------


def test_rows_nobody_owns_are_yours(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/misread-price-notice")
    for key in ("our_contact", "our_spoc", "new_lead", "escalation_owner"):
        answers.pop(key, None)
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    for row in rows(texts["actions.csv"]):
        assert row["owner"].strip(), row
    first = texts["plan.md"].split("### Next three actions", 1)[1].split("\n## ", 1)[0]
    assert "*You, " in first


def test_a_long_answer_in_a_row_ends_at_a_clause_never_mid_phrase():
    text = (
        "CAPA accepted, the stock loss paid (through our insurer where possible) and the "
        "November invoice released; the renewal in March kept on the same terms and a quarterly "
        "review with their quality team from January onwards"
    )
    short = step_part(text, 6)
    assert "…" not in short
    assert short.count("(") == short.count(")")
    assert short == (
        "CAPA accepted, the stock loss paid (through our insurer where possible) and the "
        "November invoice released"
    )
    assert step_part("penalty withdrawn or reduced", 6) == "penalty withdrawn or reduced"


@pytest.mark.parametrize(
    "name",
    [
        "client-communication-breakdown/outage-our-fault",
        "salvage-relationship/franchisee-trust-gone",
        "partner-dispute/director-heated-email",
        "contract-terms-dispute/letter-of-claim-mediate-first",
    ],
)
def test_no_tracker_row_is_cut_off(tmp_path, monkeypatch, name):
    playbook = name.split("/")[0]
    texts = drafts(playbook, example(name), tmp_path, monkeypatch, SATURDAY)
    for row in rows(texts["actions.csv"]):
        assert "…" not in row["action"], row["action"]


def test_a_change_the_manager_typed_is_not_listed_twice():
    fixes = [
        "alarm procedure retraining for all 31 drivers on pharma runs, completed by 18 December",
        "a preliminary report within 24 hours and a full one within 5 working days",
    ]
    typed = [{"what": "Finish alarm-procedure retraining for all pharma drivers"}]
    assert in_force(fixes, False, typed) == [fixes[1]]
    # A different change that shares a word or two is kept.
    typed = [{"what": "Send the incident report to their quality team"}]
    assert in_force(fixes, False, typed) == fixes
    # "from now on" is in force today, whatever else the sentence promises.
    said = "I will lead this personally from now on and Lars will step back from the account"
    assert in_force([said]) == [said]


# --- Agendas: whole five minutes, and an apology meeting opens with the apology ----------


def _agenda(text: str) -> list[tuple[str, int]]:
    found = re.findall(r"^\d\. (.+) \((-?\d+) min\)$", text, re.M)
    return [(item, int(m)) for item, m in found]


@pytest.mark.parametrize("minutes", [30, 45, 60, 90, 120])
def test_agenda_times_are_whole_five_minutes_that_add_up(tmp_path, monkeypatch, minutes):
    answers = example("partner-dispute/reseller-commission-negotiate")
    answers["meeting_minutes"] = minutes
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    for name in ("plan.md", "meeting-invitation.md"):
        agenda = _agenda(texts[name])
        assert agenda, name
        assert all(m >= 5 and m % 5 == 0 for _, m in agenda), (name, agenda)
        assert sum(m for _, m in agenda) == minutes, (name, agenda)


@pytest.mark.parametrize("minutes", [30, 45, 60])
def test_an_apology_meeting_opens_with_the_apology(tmp_path, monkeypatch, minutes):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["meeting_minutes"] = minutes
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    agenda = _agenda(texts["plan.md"])
    assert agenda[0][0].startswith("Our apology"), agenda
    assert not any("without interruption" in item for item, _ in agenda)
    invitation = texts["meeting-invitation.md"]
    # In person, the invitation to apologise has one plain purpose line and no timed agenda
    # (round 32 reader); by video or phone it keeps the agenda, opening with the apology.
    if "## What the meeting is for" in invitation:
        assert invitation.index("To apologise to you in person") > 0
        assert not _agenda(invitation)
    else:
        agenda = _agenda(invitation)
        assert agenda[0][0].startswith("Our apology"), agenda
        assert not any("without interruption" in item for item, _ in agenda)


def test_a_meeting_where_the_fault_is_theirs_keeps_both_views(tmp_path, monkeypatch):
    answers = example("partner-dispute/reseller-commission-negotiate")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    assert not _agenda(texts["meeting-invitation.md"])[0][0].startswith("Our apology")


# --- Boilerplate that fits the sector ---------------------------------------------------


def test_a_standstill_speaks_of_adjudication_only_in_construction(tmp_path, monkeypatch):
    build = drafts(
        "contract-terms-dispute",
        example("contract-terms-dispute/cross-claims-shared-delay-mediation-clause"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )["actions.csv"]
    assert "court or adjudication" in build
    assert "contractual payment notices still served on time" in build
    payroll = drafts(
        "client-communication-breakdown",
        example("client-communication-breakdown/service-credits-after-ceo-meeting"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )["actions.csv"]
    standstill = row_with(payroll, "Agree a standstill")["action"]
    assert "adjudication" not in standstill
    assert "payment notices" not in standstill
    assert "court or arbitration" in standstill


# --- Kind 3: dates that agree across plan, tracker, invitation and email -----------------


def _careful_case(**change) -> dict:
    """A case whose email waits for a lawyer's read, with a slot offered before it can go."""
    answers = _failing_supplier(
        proposed_times=[
            {"date": dt.date(2026, 12, 9), "time": "10:00"},
            {"date": dt.date(2026, 12, 11), "time": "10:00"},
        ]
    )
    # A breach alleged: the email waits for a lawyer's read, and two closures push it back to
    # the day of the first slot.
    answers["alleged_breach"] = True
    answers["public_holidays"] = ["none"]
    answers["closed_days"] = [
        {"date": dt.date(2026, 12, 7), "note": "Office closed for the stocktake"},
        {"date": dt.date(2026, 12, 8), "note": "Immaculate Conception"},
    ]
    answers.update(change)
    return answers


@pytest.mark.parametrize(
    "playbook, answers",
    [
        ("partner-dispute", _careful_case()),
        ("partner-dispute", _careful_case(counterparty="Plasticos del Sur S.A.", currency="ARS")),
    ],
)
def test_the_first_meeting_is_a_slot_the_email_still_offers(
    tmp_path, monkeypatch, playbook, answers
):
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    tracker = texts["actions.csv"]
    send = next(r for r in rows(tracker) if r["action"].startswith("Send the reset email"))
    meeting = next(r for r in rows(tracker) if "first slot offered" in r["action"])
    assert meeting["due"] > send["due"]
    offered = re.findall(r"^- (\w+day \d+ \w+ \d{4})", texts["meeting-invitation.md"], re.M)
    assert offered and all("9 December" not in day for day in offered)
    assert "11 December 2026, first slot offered" in meeting["action"]
    assert "9 December 2026 comes before the email can go" in texts["plan.md"]


def test_a_contract_with_a_mediation_step_gets_a_time_box_to_it(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/senior-meeting-failed-our-fault")
    answers["clauses"] = [
        {
            "ref": "Clause 17",
            "says": "Disputes: senior meeting, then mediation at the Singapore Mediation "
            "Centre, then arbitration",
        }
    ]
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    plan_route = texts["plan.md"].split("## What to do", 1)[1][:200]
    if "Negotiate directly" not in plan_route:
        pytest.skip("route is not direct talks for this example")
    row = row_with(texts["actions.csv"], "propose mediation")
    assert "If it is not settled by" in row["action"]
    assert "Singapore Mediation Centre" in row["action"]
    assert "Clause 17" in row["action"]


def test_the_invitation_names_the_day_of_the_call_that_agrees_a_mediation(tmp_path, monkeypatch):
    answers = example("salvage-relationship/missed-launch-mediate")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    call = [r for r in rows(texts["actions.csv"]) if "agree the mediation" in r["action"]]
    invitation = texts["meeting-invitation.md"]
    if call and "- The call:" in invitation:
        day = dt.date.fromisoformat(call[0]["due"])
        assert f"- The call: on {day:%A} {day.day} {day:%B %Y}" in invitation
        assert "early next week" not in invitation


def test_a_first_win_the_manager_already_typed_is_not_a_second_row(tmp_path, monkeypatch):
    answers = example("salvage-relationship/goods-held-under-lien")
    answers["first_win"] = "Both containers released and delivered within 12 days"
    answers["change_steps"] = [
        *(answers.get("change_steps") or []),
        {
            "what": "Release both containers and deliver them",
            "owner": "Ops",
            "due": dt.date(2026, 12, 14),
        },
    ]
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Deliver the first small win" not in texts["actions.csv"]
    answers["change_steps"] = answers["change_steps"][:-1]
    answers["first_win"] = "A joint tasting of the new range at their flagship pub"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert "Deliver the first small win" in texts["actions.csv"]
