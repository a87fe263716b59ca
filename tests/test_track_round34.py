"""Round 33 readers' kinds for the tracker, read as the manager who runs actions.csv:

- the same event twice: our notice to end the contract, typed by the manager with its own
  owner and date, is not served again on a date of the plan's own (Novi Sad: 9 and 15 Dec);
- the coaching for our own side's heated message: where we are at fault, the apology covers
  what the message said, not only its tone, and never "without conceding the substance"
  (Tampere: a sales director blamed the buyer's forecasts for our furnace's delays).
"""

from __future__ import annotations

import csv
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example


def rows(playbook: str, answers: dict, tmp_path, monkeypatch) -> list[dict[str, str]]:
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def notice_rows(found: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in found if "notice" in r["action"].lower() and "serve" in r["action"].lower()]


# (example, the manager's own step serving our notice, its owner, its day)
NOTICES = [
    (  # a distributor in Serbia, lawyers checking: a letter under the clause, a week out
        "partner-dispute/reseller-exit-six-months-notice",
        "Formal notice letter under cl. 15.1, checked by our lawyer",
        "Markus Weil",
        "2026-12-15",
    ),
    (  # a Danish rival: notice sent by the MD after the call
        "partner-dispute/rival-exit-notice-after-checks",
        "send the 6-month notice under cl 15.2",
        "Henrik Baltrum",
        "2026-12-11",
    ),
    (  # a tiny retainer in Scotland, the owner ends it himself
        "client-communication-breakdown/small-retainer-exit-after-failed-reset",
        "Give notice by email under clause 4 of our terms",
        "Callum Reid",
        "2026-12-09",
    ),
    (  # handed over in person at their office
        "partner-dispute/reseller-exit-six-months-notice",
        "Hand Conor our termination letter in person at the Cork meeting",
        "Maeve Brennan",
        "2026-12-14",
    ),
]


@pytest.mark.parametrize("name,step,owner,day", NOTICES)
def test_our_notice_typed_by_the_manager_is_served_once(
    name, step, owner, day, tmp_path, monkeypatch
):
    playbook = name.split("/")[0]
    answers = example(name)
    answers["agreed_actions"] = [
        *[a for a in answers.get("agreed_actions") or [] if "notice" not in a["what"].lower()],
        {"what": step, "owner": owner, "due": day},
    ]
    found = rows(playbook, answers, tmp_path, monkeypatch)
    assert not [r for r in found if r["action"].startswith("Serve our notice")], found
    typed = [r for r in found if r["action"].rstrip(".") == step[0].upper() + step[1:]]
    typed = typed or [r for r in found if step.lower() in r["action"].lower()]
    assert len(typed) == 1 and (typed[0]["owner"], typed[0]["due"]) == (owner, day)


def test_a_step_answering_their_notice_leaves_ours_in_the_plan(tmp_path, monkeypatch):
    name = "partner-dispute/reseller-exit-six-months-notice"
    answers = example(name)
    answers["agreed_actions"] = [
        {"what": "Reply to their notice about the stock buy-back", "owner": "Maeve Brennan",
         "due": "2026-12-10"},
        {"what": "Our lawyer checks the notice period and wording", "owner": "Maeve Brennan",
         "due": "2026-12-08"},
    ]  # fmt: skip
    found = rows("partner-dispute", answers, tmp_path, monkeypatch)
    assert len([r for r in found if r["action"].startswith("Serve our notice")]) == 1


# --- our own side's heat: the apology's coaching follows who is at fault ------------------

HEATED = [
    "client-communication-breakdown/ceo-reply-all-coo-takes-over",
    "partner-dispute/director-heated-email",
    "client-communication-breakdown/our-founder-insulted-client-invoice-waits",
]


@pytest.mark.parametrize("name", HEATED)
def test_at_fault_the_apology_is_for_what_our_message_said(name, tmp_path, monkeypatch):
    playbook = name.split("/")[0]
    answers = example(name)
    answers["fault"] = "mostly_us"
    text = " ".join(r["action"] for r in rows(playbook, answers, tmp_path, monkeypatch))
    assert "without conceding the substance" not in text
    assert "for what it said as well as how it said it (the fault is mostly ours)" in text
    assert "apologising for the tone of" not in text, "'tone' plays down what it said"


@pytest.mark.parametrize("name", HEATED)
def test_shared_fault_owns_our_part_and_their_fault_concedes_nothing(name, tmp_path, monkeypatch):
    playbook = name.split("/")[0]
    answers = example(name)
    answers["fault"] = "both"
    both = " ".join(r["action"] for r in rows(playbook, answers, tmp_path, monkeypatch))
    assert "owning the part of the substance that is ours" in both
    assert "without conceding the substance" not in both
    answers["fault"] = "mostly_them"
    theirs = " ".join(r["action"] for r in rows(playbook, answers, tmp_path, monkeypatch))
    if "Open by apologising" in theirs:
        assert "without conceding the substance" in theirs


# --- a manager of ours set it alight, a new lead takes over: the new lead phones first -------

MANAGER_HEAT = [
    ("client-communication-breakdown/ceo-reply-all-coo-takes-over", "Dana Whitfield, COO"),
    ("partner-dispute/director-heated-email", "Marie-Claude Arsenault, VP Partnerships"),
    ("client-communication-breakdown/our-founder-insulted-client-invoice-waits", "Tomás Ruiz"),
]


@pytest.mark.parametrize("name,new_lead", MANAGER_HEAT)
def test_after_our_managers_outburst_the_new_lead_phones_before_the_email(
    name, new_lead, tmp_path, monkeypatch
):
    playbook = name.split("/")[0]
    answers = example(name)
    answers.update(
        heat_source="ours",
        heat_who="manager",
        new_lead=new_lead,
        fault="mostly_us",
        tone_shift="My call on 26 Nov, when I told her the numbers looked padded.",
    )
    answers.pop("agreed_actions", None)
    found = rows(playbook, answers, tmp_path, monkeypatch)
    calls = [r for r in found if "before anything more goes in writing" in r["action"]]
    assert len(calls) == 1, [r["action"][:80] for r in found]
    (call,) = calls
    assert call["action"].startswith("Phone ")
    assert "our manager’s remark" in call["action"], "a call is a remark, and not our director's"
    emails = [r for r in found if r["action"].startswith("Send the reset email")]
    assert not emails or emails[0]["due"] >= call["due"]
    assert found.index(call) < found.index(emails[0]) if emails else True


# --- our letter proposing mediation comes before the call to agree the mediator -------------

PROPOSALS = [
    ("contract-terms-dispute/final-payment-mediation-clause", "Counsel-approved letter proposing mediation under clause 14"),
    ("contract-terms-dispute/letter-of-claim-mediate-first", "Send our mediation proposal to their solicitors, approved by counsel"),
    ("contract-terms-dispute/cross-claims-shared-delay-mediation-clause", "Letter proposing mediation under clause 20.3, checked by our lawyer"),
]  # fmt: skip


@pytest.mark.parametrize("name,step", PROPOSALS)
def test_the_call_to_agree_the_mediator_follows_our_letter_proposing_it(
    name, step, tmp_path, monkeypatch
):
    playbook = name.split("/")[0]
    answers = example(name)
    answers["agreed_actions"] = [{"what": step, "owner": "Ingrid Solheim", "due": "2026-12-14"}]
    found = rows(playbook, answers, tmp_path, monkeypatch)
    later = [
        r
        for r in found
        if "to agree the mediation" in r["action"] or r["action"].startswith("Agree a standstill")
    ]
    assert later, [r["action"][:60] for r in found]
    assert all(r["due"] > "2026-12-14" for r in later), [
        (r["due"], r["action"][:50]) for r in later
    ]


# --- a small owner-run debt, a customer we keep: a plan to pay, not a dispute meeting --------

DEBTS = [
    ("contract-terms-dispute/cash-tight-still-ordering", {}),
    ("contract-terms-dispute/unpaid-invoices-owed", {"red_flags": ["cash_tight"]}),
    ("contract-terms-dispute/demand-letter-already-out", {"red_flags": ["cash_tight"]}),
    (
        "client-communication-breakdown/agency-client-unpaid-silent",
        {"red_flags": ["cash_tight", "payment_withheld"]},
    ),
]


@pytest.mark.parametrize("name,changes", DEBTS)
def test_terms_change_only_if_the_call_agrees_no_plan(name, changes, tmp_path, monkeypatch):
    playbook = name.split("/")[0]
    answers = {**example(name), **changes, "worth_salvaging": "yes"}
    found = rows(playbook, answers, tmp_path, monkeypatch)
    calls = [r for r in found if r["action"].startswith("Phone ")]
    holds = [
        r for r in found if "paid with the order" in r["action"] or "on delivery" in r["action"]
    ]
    assert calls and holds, [r["action"][:70] for r in found]
    (hold,) = holds
    assert hold["action"].startswith("If the call agrees no payment plan")
    assert "paid with the order" not in hold["action"]
    assert hold["due"] > calls[0]["due"], "never a prepayment demand before the call"
    text = " ".join(r["action"] for r in found)
    assert "a formal demand follows if nothing is agreed" not in text, "the draft threatens nothing"


def test_the_call_agrees_a_plan_they_can_keep(tmp_path, monkeypatch):
    answers = {
        **example("contract-terms-dispute/unpaid-invoices-owed"),
        "red_flags": ["cash_tight"],
    }
    answers.pop("our_ask", None)
    found = rows("contract-terms-dispute", answers, tmp_path, monkeypatch)
    (call,) = [r for r in found if r["action"].startswith("Phone ")]
    assert "Hear first what is holding the money up" in call["action"]
    assert "what is overdue in instalments, each with its date" in call["action"]


@pytest.mark.parametrize("name,changes", DEBTS[:3])
def test_a_debt_call_invitation_has_no_ground_rules(name, changes, tmp_path, monkeypatch):
    playbook = name.split("/")[0]
    answers = {**example(name), **changes, "worth_salvaging": "yes"}
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    assert "meeting-invitation.md" not in texts, "no time offered: no invitation, as no email call"
    answers["proposed_times"] = [{"date": "2026-12-10", "time": "10:00"}]
    answers["meeting_minutes"] = 30
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    invitation = texts.get("meeting-invitation.md", "")
    assert invitation, "a time offered: the invitation goes with it"
    assert "Purpose and ground rules" not in invitation
    assert "Ground rules we suggest" not in invitation
    assert "without interruption" not in invitation
    assert "A plan for what is outstanding: amounts and dates" in invitation
    assert "Purpose and ground rules" not in texts["plan.md"], "the plan's agenda is the same"


# --- trust and heat left unrated: the plan says what the notes and the log show -------------

RUSHED = [
    ("contract-terms-dispute", "contract-terms-dispute/rushed-extra-work-unpaid"),
    ("partner-dispute", "partner-dispute/rushed-supplier-late-again"),
    ("salvage-relationship", "salvage-relationship/rushed-quiet-after-price-rise"),
    ("client-communication-breakdown", "client-communication-breakdown/rushed-double-billing-misread"),
]  # fmt: skip


def _trust_line(plan: str) -> str:
    return next(line for line in plan.splitlines() if line.startswith("- **Trust and heat:**"))


@pytest.mark.parametrize("playbook,name", RUSHED)
def test_notes_that_show_them_still_talking_are_not_called_unrated(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    answers.pop("trust_today", None)
    answers.pop("emotions", None)
    answers["what_happened"] = (
        "They have not paid the last three invoices. Their new finance manager says the season "
        'was very bad and asks "please wait until January". His father was one of our first '
        "customers and I do not want to lose them."
    )
    answers.pop("timeline", None)
    plan = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    line = _trust_line(plan)
    assert "not rated, so taken as in the middle" not in line
    assert "still talking to you" in line and "please wait until January" in line


@pytest.mark.parametrize("playbook,name", RUSHED)
def test_a_hostile_message_in_the_log_is_named_when_heat_is_unrated(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    answers.pop("trust_today", None)
    answers.pop("emotions", None)
    answers["what_happened"] = "The Q3 statement was short by 37 clients; she sent her list."
    answers["timeline"] = [
        {"date": "2026-10-20", "channel": "email", "who": "Priya Raman (their side)",
         "tone": "neutral", "note": "Sends her list"},
        {"date": "2026-11-26", "channel": "phone", "who": "Trevor Dunphy (our side)",
         "tone": "hostile", "note": "Accused her of padding, ended the call"},
    ]  # fmt: skip
    plan = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    line = _trust_line(plan)
    assert "your message log shows it running hot" in line
    assert "26 November 2026, Trevor Dunphy (our side)" in line
    # and with nothing in the notes or the log, the plan still says it was not rated
    answers["timeline"] = answers["timeline"][:1]
    plan = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "not rated, so taken as in the middle" in _trust_line(plan)


# --- in person with no place, or one time only: the plan asks once, concretely --------------

IN_PERSON = [
    ("salvage-relationship", "salvage-relationship/bakery-supplier-small-breach"),
    ("partner-dispute", "partner-dispute/reseller-commission-negotiate"),
    ("client-communication-breakdown", "client-communication-breakdown/outage-our-fault"),
]


@pytest.mark.parametrize("playbook,name", IN_PERSON)
def test_in_person_with_no_place_the_plan_asks_where_and_the_invitation_says_it(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    answers.update(
        meeting_format="in_person",
        proposed_times=[
            {"date": "2026-12-10", "time": "10:00"},
            {"date": "2026-12-11", "time": "14:00"},
        ],
    )
    answers.pop("meeting_place", None)
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    assert plan.count("**Where to meet:** in person, but no place is named") == 1
    answers["meeting_place"] = "your office in Novi Sad."
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    assert "Where to meet" not in texts["plan.md"]
    if "meeting-invitation.md" in texts:
        assert "In person, your office in Novi Sad, about" in texts["meeting-invitation.md"]


ONE_TIME = [
    ("client-communication-breakdown", "client-communication-breakdown/outage-our-fault"),
    ("partner-dispute", "partner-dispute/reseller-commission-negotiate"),
    ("partner-dispute", "partner-dispute/chain-claim-our-buyer-lost-temper"),
    ("contract-terms-dispute", "contract-terms-dispute/council-complaint-procedure"),
]


@pytest.mark.parametrize("playbook,name", ONE_TIME)
def test_one_time_offered_the_plan_asks_for_a_second(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["proposed_times"] = [{"date": "2026-12-14", "time": "10:00"}]
    plan = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "**Times offered:** only one (Monday 14 December 2026 at 10:00). Add a second" in plan
    answers["proposed_times"].append({"date": "2026-12-15", "time": "15:00"})
    plan = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "**Times offered:**" not in plan


# --- the legal route's contract meeting of senior people is held, with its invitation -------

CLAUSE_MEETINGS = [
    ("partner-dispute", "partner-dispute/chain-claim-their-solicitors-write"),
    ("contract-terms-dispute", "contract-terms-dispute/solicitors-letter-after-project"),
    ("contract-terms-dispute", "contract-terms-dispute/cure-notice-their-lawyers-no-mediation"),
    ("client-communication-breakdown", "client-communication-breakdown/rushed-solicitors-letter"),
]


@pytest.mark.parametrize("playbook,name", CLAUSE_MEETINGS)
def test_the_contracts_senior_meeting_gets_its_invitation(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["dispute_clause"] = "escalation"
    answers["senior_talks_done"] = False
    answers["clauses"] = [
        *(answers.get("clauses") or []),
        {"ref": "cl. 19", "says": "Disputes go first to a meeting of the managing directors"},
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    table = list(csv.DictReader(io.StringIO(texts["actions.csv"])))
    held = [r for r in table if r["action"].startswith("Hold the meeting of senior people")]
    assert held, "a claim against us, on the legal route: the contract's meeting is held"
    invitation = texts.get("meeting-invitation.md", "")
    assert invitation, "the meeting has its invitation"
    assert "As clause 19 of our agreement provides, I would like to propose a meeting" in invitation
    assert "Purpose and ground rules" in invitation or "## Agenda" in invitation


# --- we end it: we do not ask them for a transition period, and the hold is said as prose ---

ENDINGS = [
    ("partner-dispute", "partner-dispute/reseller-exit-six-months-notice"),
    ("partner-dispute", "partner-dispute/rival-exit-notice-after-checks"),
    ("partner-dispute", "partner-dispute/reseller-breached-confidence-exit"),
]


@pytest.mark.parametrize("playbook,name", ENDINGS)
def test_when_we_end_it_we_agree_how_the_notice_runs(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["hold_needed"] = True
    answers["hold_scope"] = (
        "Paused: new marketing funds, the joint demo farm. Carries on: service, spare parts"
    )
    found = rows(playbook, answers, tmp_path, monkeypatch)
    text = " ".join(r["action"] for r in found)
    assert "for a transition period" not in text
    runs = [r for r in found if "a transition period until our notice takes effect" in r["action"]]
    if not runs:
        pytest.skip("no replacement to move to in this case")
    assert "Paused:" not in runs[0]["action"] and "Carries on:" not in runs[0]["action"]
    assert "we are pausing new marketing funds" in runs[0]["action"]


# --- a leak of ours, their lawyers involved: the call the notes plan is held, by video ------

LEAKS = [
    ("client-communication-breakdown", "client-communication-breakdown/loyalty-app-their-solicitors"),
    ("partner-dispute", "partner-dispute/processor-data-breach"),
    ("partner-dispute", "partner-dispute/distributor-data-legal"),
    ("salvage-relationship", "salvage-relationship/newsletter-data-slip-our-side-heated"),
]  # fmt: skip


@pytest.mark.parametrize("playbook,name", LEAKS)
def test_a_call_with_their_dpo_and_counsel_is_on_the_tracker_with_its_invitation(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    flags = set(answers.get("red_flags") or [])
    answers.update(
        red_flags=sorted(flags | {"data_breach", "lawyers"}),
        fault="mostly_us",
        meeting_format="video",
        meeting_minutes=60,
        proposed_times=[
            {"date": "2026-12-08", "time": "10:00"},
            {"date": "2026-12-08", "time": "15:00"},
        ],
    )
    answers.pop("lawyers_side", None)
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    if "Take legal advice" not in plan.split("### Next three actions")[0]:
        pytest.skip("not on the legal route here")
    table = list(csv.DictReader(io.StringIO(texts["actions.csv"])))
    meets = [r for r in table if r["action"].startswith("Meet ") and r["due"] == "2026-12-08"]
    assert meets, [(r["due"], r["action"][:60]) for r in table]
    invitation = texts.get("meeting-invitation.md", "")
    assert "Tuesday 8 December 2026 at 10:00" in invitation
    assert "1. The facts: what happened, what we know and what we do not know yet" in invitation
    assert "Ground rules we suggest" not in invitation
    assert "1. The facts: what happened, what we know and what we do not know yet" in plan
    assert "1. The facts: what happened, what we know and what we do not know yet" in plan


def test_with_an_insurer_in_it_the_new_lead_does_not_phone_to_own_the_substance(
    tmp_path, monkeypatch
):
    name, new_lead = MANAGER_HEAT[1]
    answers = example(name)
    answers.update(heat_source="ours", heat_who="manager", new_lead=new_lead, fault="both")
    answers["red_flags"] = sorted({*(answers.get("red_flags") or []), "insurer"})
    answers.pop("agreed_actions", None)
    found = rows("partner-dispute", answers, tmp_path, monkeypatch)
    assert not [r for r in found if "before anything more goes in writing" in r["action"]]
