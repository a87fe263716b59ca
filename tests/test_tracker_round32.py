"""Round 32 reader's tracker kinds, read as the manager who runs actions.csv for a week and as
the person who receives the email:

- dates that contradict each other: an exit email sent before the call that tells them, a
  notice date before the call it follows, a formal reply the email dates differently from the
  tracker, a senior contact "confirmed" days after the email has named them;
- a tracker you could run: no bare "Lessons review on our side", one row that briefs our
  lawyer, no "alternative ready" three days out, no renewal talk in a data incident;
- sparse cases start by filling in the basics, and nobody chases a contact who went silent;
- an exit's "Is it worth saving?" box agrees with the exit;
- calendar events keep their UID when an action's words change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from test_reader_needs import SATURDAY, drafts, example

from triage.engine import calendar
from triage.engine.filters import typed_call

TODAY = SATURDAY.date()


def rows(texts: dict[str, str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def flat(text: str) -> str:
    return " ".join(text.split())


# --- Kind 3: a call is the step's own verb, never "calls from them" ------------------------

NAMES = ["Samuel Kiprotich", "Samuel", "Kahawa Corner Cafés Ltd"]


@pytest.mark.parametrize(
    "what",
    [
        "Tell support staff not to answer personal-number calls from Kahawa; log to ticket only",
        "Log every call from Samuel in the ticket queue",
        "Route night calls from Kahawa staff to the voicemail box",
        "Review the recording of the calls Samuel made to Faith",
    ],
)
def test_calls_from_them_are_not_a_call_to_them(what):
    steps = [{"what": what, "owner": "Kevin", "due": dt.date(2026, 12, 7)}]
    assert typed_call(steps, NAMES) is None


@pytest.mark.parametrize(
    "what",
    [
        "Call Samuel, then send 30 days' notice under cl. 12",
        "Wanjiru calls Samuel before any letter goes",
        "First phone Samuel Kiprotich to tell him",
        "Check the figures, then ring Samuel",
    ],
)
def test_a_call_to_them_is_still_found(what):
    steps = [
        {"what": "Tell staff not to answer calls from Kahawa", "due": dt.date(2026, 12, 7)},
        {"what": what, "owner": "Wanjiru", "due": dt.date(2026, 12, 9)},
    ]
    assert typed_call(steps, NAMES) == dt.date(2026, 12, 9)


# --- Kind 3: the exit email follows the call that tells them -------------------------------

EXITS = [
    ("salvage-relationship", "salvage-relationship/small-account-exit"),
    ("salvage-relationship", "salvage-relationship/marginal-client-heavy-repair-exit"),
    ("partner-dispute", "partner-dispute/marginal-alliance-mutual-end"),
]


@pytest.mark.parametrize("playbook,name", EXITS)
def test_the_exit_email_goes_after_the_call_that_tells_them(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    their = str(answers.get("their_greeting") or answers["their_contact"]).split()[0]
    call_day = dt.date(2026, 12, 9)
    answers["ending_by"] = "us"
    answers["agreed_actions"] = [
        {
            "what": f"Tell our support desk to log calls from {their} as tickets only",
            "owner": "Support lead",
            "due": dt.date(2026, 12, 7),
        },
        {
            "what": f"Call {their}, then send our notice",
            "owner": str(answers.get("our_contact") or "Dana Reyes"),
            "due": call_day,
        },
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, now=SATURDAY)
    assert "exit" in texts["plan.md"].lower(), "not an exit with these answers"
    sent = [r for r in rows(texts) if re.match(r"(Send|Tell) .* exit email", r["action"])]
    assert sent, [r["action"] for r in rows(texts)]
    assert all(dt.date.fromisoformat(r["due"]) >= call_day for r in sent), sent
    email = flat(texts["reset-email.eml"])
    # it follows the call: no slot on or before the day it goes, no end announced as news
    for day in ("Monday 7 December", "Tuesday 8 December", "Wednesday 9 December 2026 at"):
        assert day not in email, email
    assert "I am writing to let you know" not in email, email


# --- Kind 3: the senior contact is briefed before the email names them ---------------------


def test_the_direct_line_is_briefed_before_the_email_names_them(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["support_offer"] = ["senior_contact"]
    answers["senior_contact_name"] = "Olumide Adeyemi"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    table = rows(texts)
    line = [r for r in table if "Olumide Adeyemi" in r["action"] and "direct line" in r["action"]]
    email = [r for r in table if r["action"].startswith("Send the reset email")]
    assert line and email, [r["action"] for r in table]
    assert line[0]["due"] <= email[0]["due"], (line, email)
    assert line[0]["audience"] == "internal"
    assert not any(r["action"].startswith("Confirm Olumide") for r in table)


# --- Kind 8: no bare rows, one lawyer briefing, no impossible timing ------------------------

SPARSE = [
    ("client-communication-breakdown", "client-communication-breakdown/sparse-answers"),
    ("client-communication-breakdown", "client-communication-breakdown/outage-our-fault"),
    ("salvage-relationship", "salvage-relationship/small-account-exit"),
    ("partner-dispute", "partner-dispute/marginal-alliance-mutual-end"),
    ("contract-terms-dispute", "contract-terms-dispute/maintenance-contract-mutual-end"),
]


@pytest.mark.parametrize("playbook,name", SPARSE)
def test_the_lessons_review_says_what_it_reviews(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers.pop("lessons", None)
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    for row in rows(texts):
        assert row["action"].strip() != "Lessons review on our side", row
        if row["action"].startswith("Lessons review on our side"):
            assert "earliest sign" in row["action"], row


@pytest.mark.parametrize(
    "typed",
    [
        "Brief our lawyer (mec. Joanna Sadowska) on the DPA and our position as processor",
        "Lawyer checks our reply and the notice under clause 15.5",
        "Call counsel about the cure notice and agree the formal reply",
        "Ana briefs our external counsel on the termination letter",
    ],
)
def test_one_row_briefs_our_lawyer(typed, tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/notice-given-after-senior-meeting-failed")
    answers["agreed_actions"] = [
        *(answers.get("agreed_actions") or []),
        {"what": typed, "owner": "Ana Ruiz", "due": dt.date(2026, 12, 7)},
    ]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    actions = [r["action"] for r in rows(texts)]
    assert typed in actions
    assert not [a for a in actions if a.startswith("Brief our lawyer") and a != typed], actions


@pytest.mark.parametrize("playbook,name", EXITS)
def test_no_alternative_due_days_before_the_end_is_announced(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["ending_by"] = "us"
    answers["alternatives"] = "costly"
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    for row in rows(texts):
        assert "before the end is announced" not in row["action"], row
        if "takes over what they do" in row["action"]:
            assert dt.date.fromisoformat(row["due"]) >= TODAY + dt.timedelta(days=7), row


def test_a_data_incident_has_no_renewal_row(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/loyalty-app-shopper-data-complaint")
    answers["renewal_date"] = dt.date(2027, 6, 30)
    flags = list(answers.get("red_flags") or [])
    answers["red_flags"] = [*flags, "data_breach"] if "data_breach" not in flags else flags
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert not [r for r in rows(texts) if r["action"].startswith("Agree renewal terms")]


# --- Kind 10: sparse cases fill in the basics first; no chasing a silent contact -----------


@pytest.mark.parametrize(
    "playbook", ["client-communication-breakdown", "salvage-relationship", "partner-dispute"]
)
def test_a_blank_lead_is_the_first_thing_to_fill_in(playbook, tmp_path, monkeypatch):
    answers = {
        "counterparty": "Harbourline Freight Pty Ltd",
        "their_contact": "Mele Tupou",
        "what_happened": "They stopped answering after we moved the go-live twice. Our fault.",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
    }
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    first = rows(texts)[0]["action"]
    assert first.startswith("Fill in what this plan has had to guess"), first
    assert "who leads for us" in first and "at stake in money" in first


def test_a_full_case_is_not_asked_to_fill_in(tmp_path, monkeypatch):
    texts = drafts(
        "client-communication-breakdown",
        example("client-communication-breakdown/outage-our-fault"),
        tmp_path,
        monkeypatch,
        SATURDAY,
    )
    assert not [r for r in rows(texts) if r["action"].startswith("Fill in what")]


def test_no_weekly_updates_chase_a_contact_who_went_silent(tmp_path, monkeypatch):
    answers = {
        "counterparty": "Mactan Harbor Contact Solutions, Inc.",
        "their_contact": "Ramon Dela Cruz",
        "what_happened": "We moved go-live 2 days before. Since 20 Nov he is not answering.",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "red_flags": ["silence"],
    }
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)
    assert not [r for r in rows(texts) if "progress updates" in r["action"]], rows(texts)


# --- Kind 5: an exit's value box agrees with the exit --------------------------------------


@pytest.mark.parametrize("playbook,name", EXITS)
def test_an_exit_is_not_told_to_fix_it_and_review_in_a_month(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["annual_value"] = 400000
    answers["relationship_years"] = "established"
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    plan = texts["plan.md"]
    assert "planned exit" in plan.lower() or "part well" in plan.lower(), "not an exit"
    box = plan.split("## Is it worth saving?")[1].split("\n## ")[0]
    assert "review in a month" not in box, box
    assert "Worth serious effort" not in box, box


# --- Kind 8/calendar: an event keeps its UID when the action's words change ----------------


def _uids(data: bytes) -> list[str]:
    return re.findall(r"^UID:(\S+)", data.decode().replace("\r\n ", ""), re.M)


def test_a_reworded_typed_step_keeps_its_calendar_event():
    before = [
        {"what": "Prepare data export", "owner": "Kevin", "due": "2026-12-18", "uid": "a#0"},
        {"what": "Pay Q3 MDF", "owner": "Finance", "due": "2026-12-18", "uid": "a#1"},
    ]
    after = [
        {**before[0], "what": "Prepare the export of their sales history", "due": "2026-12-17"},
        {**before[1], "what": "Pay the full EUR 46,200 (Q3 and Q4 MDF, commission)"},
    ]
    assert _uids(calendar.actions_ics(before, "x", "case-1", TODAY)) == _uids(
        calendar.actions_ics(after, "x", "case-1", TODAY)
    )
    # another case never shares an event with this one
    assert set(_uids(calendar.actions_ics(before, "x", "case-2", TODAY))).isdisjoint(
        _uids(calendar.actions_ics(before, "x", "case-1", TODAY))
    )


def test_a_playbook_action_with_an_id_keeps_its_key_when_reworded(tmp_path):
    from triage.engine import tracking

    old = tracking.action_key("Lessons review on our side", [], "lessons-review")
    new = tracking.action_key(
        "Lessons review on our side: what let this happen", [], "lessons-review"
    )
    assert old == new
    assert tracking.action_key("A", []) != tracking.action_key("B", [])


def test_typed_steps_in_the_tracker_carry_their_place_not_their_words(tmp_path, monkeypatch):
    answers = example("salvage-relationship/small-account-exit")
    steps = [
        {"what": "Prepare the data export", "owner": "Kevin Otieno", "due": dt.date(2026, 12, 18)},
        {"what": "Tell staff: tickets only", "owner": "Kevin Otieno", "due": dt.date(2026, 12, 8)},
    ]
    import tomli_w

    from triage.engine import case as case_module
    from triage.engine.answersfile import read_answers
    from triage.engine.library import builtin_dir
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_parts

    monkeypatch.setattr(case_module, "now", lambda: SATURDAY)
    playbook = load_playbook(builtin_dir() / "salvage-relationship.toml")

    def uids(agreed: list[dict]) -> list[str]:
        path = tmp_path / "a.toml"
        path.write_bytes(tomli_w.dumps({**answers, "agreed_actions": agreed}).encode())
        case = read_answers(path, playbook)
        case.id = "fixed-case"
        return sorted(_uids(render_parts(playbook, case).files[calendar.ACTIONS_CALENDAR]))

    reworded = [{**steps[0], "what": "Export their sales history as CSV"}, steps[1]]
    assert uids(steps) == uids(reworded)


# --- Kind 8: one row per event -------------------------------------------------------------


@pytest.mark.parametrize(
    "playbook,name",
    [
        ("salvage-relationship", "salvage-relationship/small-account-exit"),
        ("client-communication-breakdown", "client-communication-breakdown/misread-price-notice"),
        ("partner-dispute", "partner-dispute/marginal-alliance-mutual-end"),
    ],
)
def test_a_short_call_they_typed_is_the_call_not_a_second_one(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    their = str(answers.get("their_greeting") or answers["their_contact"]).split()[0]
    answers["meeting_format"] = "phone"
    answers["meeting_minutes"] = 15
    answers["proposed_times"] = [
        {"date": dt.date(2026, 12, 8), "time": "11:00"},
        {"date": dt.date(2026, 12, 9), "time": "15:00"},
    ]
    typed = f"Call {their} and confirm the next step in writing"
    owner = str(answers.get("our_contact") or "Dana Reyes")
    answers["agreed_actions"] = [{"what": typed, "owner": owner, "due": dt.date(2026, 12, 8)}]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    actions = [r["action"] for r in rows(texts)]
    assert typed in actions
    doubles = [a for a in actions if re.match(rf"(Have a short call with|Meet) {their}", a)]
    assert not doubles, actions


@pytest.mark.parametrize(
    "name",
    [
        "salvage-relationship/small-account-exit",
        "salvage-relationship/marginal-client-heavy-repair-exit",
    ],
)
def test_an_exit_confirms_the_agreed_end_once(name, tmp_path, monkeypatch):
    answers = example(name)
    answers["ending_by"] = "us"
    answers["exit_reason"] = "cost"
    answers["proposed_times"] = [{"date": dt.date(2026, 12, 9), "time": "10:00"}]
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, SATURDAY)
    actions = [r["action"] for r in rows(texts)]
    confirms = [a for a in actions if "warm confirmation" in a or "written summary of what" in a]
    assert len(confirms) <= 1, confirms


def test_one_escalation_ladder_row(tmp_path, monkeypatch):
    answers = example("partner-dispute/marginal-alliance-mutual-end")
    answers["worth_salvaging"] = "yes"
    answers["ending_by"] = None
    answers["prevention_measures"] = ["ladder", "touchpoints"]
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    ladders = [r["action"] for r in rows(texts) if "escalation ladder" in r["action"]]
    assert len(ladders) <= 1, ladders


# --- Kind 6: rows they may read carry no coaching for us -----------------------------------


@pytest.mark.parametrize(
    "playbook,name",
    [
        ("client-communication-breakdown", "client-communication-breakdown/outage-our-fault"),
        ("salvage-relationship", "salvage-relationship/marginal-client-heavy-repair-exit"),
        ("contract-terms-dispute", "contract-terms-dispute/maintenance-contract-mutual-end"),
    ],
)
def test_shared_rows_carry_no_coaching_for_us(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["worth_salvaging"] = "yes"
    answers["mixed_messages"] = True
    answers["mixed_messages_detail"] = "Their CFO says pay in full (their side); their PM says not"
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    for row in rows(texts):
        if row["audience"] == "shared":
            assert "an owner and a date for each" not in row["action"], row
            assert "which of the positions" not in row["action"], row


@pytest.mark.parametrize(
    "typed,said",
    [
        ("Credit note for CAD 18,600", "We will issue a credit note for CAD 18,600"),
        ("Refund of the Q4 screening fees", "We will refund the Q4 screening fees"),
        (
            "Written incident report for the three P1 misses",
            "We will send you a written incident report for the three P1 misses",
        ),
        ("Joint change log set up", "We will set up the joint change log"),
        ("written recovery plan sent", ""),
    ],
)
def test_a_deliverable_typed_as_a_noun_reads_as_what_we_will_do(typed, said):
    from triage.engine.filters.commitments import our_task

    assert our_task(typed) == said


# --- Kind 8: the formal reply the email promises is a row, on the email's date -------------

LETTERS = [
    ("client-communication-breakdown", "client-communication-breakdown/rushed-solicitors-letter"),
    ("contract-terms-dispute", "contract-terms-dispute/letter-of-claim"),
    ("contract-terms-dispute", "contract-terms-dispute/letter-of-claim-mediate-first"),
    # peak-outage-legal was here: its email names no formal reply (the test skipped it).
    (
        "client-communication-breakdown",
        "client-communication-breakdown/solicitors-demand-refund-date-close",
    ),
]


@pytest.mark.parametrize("playbook,name", LETTERS)
def test_the_formal_reply_the_email_dates_is_on_the_tracker(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["notice_deadline"] = dt.date(2026, 12, 18)
    answers["lawyer_consulted"] = True
    answers["agreed_actions"] = [
        a
        for a in answers.get("agreed_actions") or []
        if not re.search(r"respon|repl", str(a.get("what")), re.I)
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    email = flat(texts["reset-email.eml"])
    promised = re.search(
        r"formal (?:reply|response) will come [^.]*? by (\w+day \d+ \w+ \d{4})", email
    )
    assert promised, email
    day = dt.datetime.strptime(promised.group(1), "%A %d %B %Y").date()
    replies = [r for r in rows(texts) if "formal reply" in r["action"]]
    assert replies, [r["action"] for r in rows(texts)]
    assert replies[0]["due"] == day.isoformat(), (replies, promised.group(0))


# --- Kind 3/7: the mediation's call and its day, and the summary after it ------------------

MEDIATIONS = [
    ("contract-terms-dispute", "contract-terms-dispute/final-payment-mediation-clause"),
    ("contract-terms-dispute", "contract-terms-dispute/cross-claims-shared-delay-mediation-clause"),
    ("contract-terms-dispute", "contract-terms-dispute/letter-of-claim-mediate-first"),
]


@pytest.mark.parametrize("playbook,name", MEDIATIONS)
def test_the_mediation_day_is_the_mediation_not_the_call(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["proposed_times"] = [
        {"date": dt.date(2027, 1, 12), "time": "10:00"},
        {"date": dt.date(2027, 1, 14), "time": "10:00"},
    ]
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    assert "mediat" in texts["plan.md"].split("## ")[1].lower(), "not the mediation route"
    actions = [r["action"] for r in rows(texts)]
    calls = [a for a in actions if "to agree the mediation" in a]
    assert calls, actions
    assert "first date offered for the mediation)" not in calls[0], calls
    assert "the mediation itself: 12 January 2027" in calls[0], calls
    assert not [a for a in actions if a.startswith("Propose two or three independent")], actions
    summary = texts["follow-up-summary.md"]
    assert "on our call on 12 January 2027" not in summary, summary
    assert "at the mediation on 12 January 2027" in summary, summary
    # Whether the day settled is not known when the summary is drafted: no signed settlement
    # is assumed, and what was put in writing there stands.
    assert "settlement agreement we signed" not in summary, summary
    assert "Any terms we put in writing at the mediation stand as written" in summary, summary


# --- Kind 8: money we owe is paid in full, on the tracker ----------------------------------


@pytest.mark.parametrize(
    "playbook,name",
    [
        ("partner-dispute", "partner-dispute/marginal-alliance-mutual-end"),
        ("salvage-relationship", "salvage-relationship/marginal-client-heavy-repair-exit"),
        ("contract-terms-dispute", "contract-terms-dispute/maintenance-contract-mutual-end"),
    ],
)
def test_money_we_owe_on_an_exit_is_paid_in_full(playbook, name, tmp_path, monkeypatch):
    answers = example(name)
    answers["money"] = "we_owe"
    answers["amount_at_stake"] = 46200
    answers["currency"] = "EUR"
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    assert "exit" in texts["plan.md"].lower(), "not an exit with these answers"
    actions = [r["action"] for r in rows(texts)]
    assert [a for a in actions if "in full what we owe (€46,200)" in a], actions
    assert not [a for a in actions if a.startswith("Settle what is owed either way")], actions


# --- Kind 7: an exit under a hold does not say "the work carries on as now" ---------------


# Each exit either says what the hold pauses or says nothing of the meantime (says_hold false),
# and none says the work carries on as now: each row asserts which, instead of skipping.
@pytest.mark.parametrize(
    "name,says_hold",
    [
        ("partner-dispute/referral-partner-now-competes", False),
        ("partner-dispute/marginal-alliance-mutual-end", False),
        ("partner-dispute/reseller-exit-six-months-notice", True),
        ("partner-dispute/rival-exit-notice-after-checks", True),
    ],
)
def test_an_exit_under_a_hold_says_what_is_paused(name, says_hold, tmp_path, monkeypatch):
    answers = example(name)
    answers["hold_needed"] = True
    answers["hold_scope"] = "Joint marketing and new bids paused; service and warranty carry on."
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    email = flat(texts["reset-email.eml"])
    assert "the work carries on as now" not in email, email
    assert ("joint marketing and new bids are paused" in email) == says_hold, email
    for row in rows(texts):
        assert "on the current terms" not in row["action"], row


# --- Kind 7: an apology visit is invited plainly; a misunderstanding gets no meeting pack ---

APOLOGIES = [
    ("client-communication-breakdown", "client-communication-breakdown/outage-our-fault"),
    (
        "client-communication-breakdown",
        "client-communication-breakdown/our-director-argued-on-site",
    ),
    ("client-communication-breakdown", "client-communication-breakdown/junior-curt-reply-our-bug"),
]


@pytest.mark.parametrize("playbook,name", APOLOGIES)
def test_an_apology_visit_has_no_ground_rules_or_timed_agenda(
    playbook, name, tmp_path, monkeypatch
):
    answers = example(name)
    answers["fault"] = "mostly_us"
    answers["meeting_minutes"] = 60
    answers["chair"] = "self"
    answers["meeting_format"] = "in_person"
    texts = drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)
    invitation = texts["meeting-invitation.md"]
    assert "Ground rules" not in invitation, invitation
    assert "not about people" not in invitation, invitation
    assert not re.search(r"\(\d+ min\)", invitation), invitation
    assert "To apologise to you in person" in invitation, invitation


@pytest.mark.parametrize(
    "playbook,name",
    [
        ("client-communication-breakdown", "client-communication-breakdown/misread-price-notice"),
        ("client-communication-breakdown", "client-communication-breakdown/misread-invoice-sparse"),
        ("partner-dispute", "partner-dispute/handover-misread-demo-date"),
    ],
)
def test_a_misunderstanding_gets_a_call_not_a_meeting_pack(playbook, name, tmp_path, monkeypatch):
    texts = drafts(playbook, example(name), tmp_path, monkeypatch, SATURDAY)
    assert "meeting-invitation.md" not in texts
    assert re.search(r"\b(?:call|phone)\b", flat(texts["reset-email.eml"]).lower())


# --- Kind 3: the notice is served after the call that tells them, and the email agrees -----


@pytest.mark.parametrize(
    "name",
    [
        "partner-dispute/marginal-alliance-mutual-end",
        "partner-dispute/reseller-exit-six-months-notice",
    ],
)
def test_the_notice_comes_the_working_day_after_the_call(name, tmp_path, monkeypatch):
    answers = example(name)
    answers["ending_by"] = "us"
    answers.pop("notice_deadline", None)
    their = str(answers.get("their_greeting") or answers["their_contact"]).split()[0]
    call_day = dt.date(2026, 12, 9)
    answers["agreed_actions"] = [
        {"what": f"Call {their} before any letter goes", "owner": "Anders Lund", "due": call_day}
    ]
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    serve = [r for r in rows(texts) if r["action"].startswith("Serve our notice")]
    assert serve, [r["action"] for r in rows(texts)]
    assert dt.date.fromisoformat(serve[0]["due"]) > call_day, serve
    email = flat(texts["reset-email.eml"])
    assert "will follow in writing by Tuesday 8 December" not in email, email
    assert "will follow in writing by Wednesday 9 December" not in email, email
