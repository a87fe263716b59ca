"""The plan's first screen names what to do first: the act that protects us before a
deadline, the remedy the case turns on, the senior person who can decide; routine
preparation (a document list, a ledger) does not crowd them out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

from test_reader_needs import MONDAY, SATURDAY, drafts, example

from triage.engine.filters.senior import our_senior
from triage.engine.filters.steps import next_three


def first_three(texts: dict[str, str]) -> list[str]:
    plan = texts["plan.md"]
    block = plan.split("### Next three actions", 1)[1].split("\n\n", 2)[1]
    return re.findall(r"^\d\. (.*)$", block, re.M)


def rows(texts: dict[str, str]) -> list[dict[str, Any]]:
    return list(csv.DictReader(io.StringIO(texts["actions.csv"])))


def test_a_protecting_step_due_later_in_the_week_is_among_the_next_three():
    day = dt.date(2026, 12, 7)
    steps = [
        {"what": "Gather the documents", "due": "2026-12-07", "priority": "low"},
        {"what": "Take legal advice", "due": "2026-12-07", "priority": "normal"},
        {"what": "Re-read the clauses", "due": "2026-12-07", "priority": "low"},
        {"what": "Send the reset email", "due": "2026-12-08", "priority": "normal"},
        {"what": "Serve our notice", "due": "2026-12-09", "priority": "high"},
        {"what": "Lessons review", "due": "2026-12-10", "priority": "low"},
        {"what": "Hold the meeting", "due": "2026-12-11", "priority": "normal"},
    ]
    chosen = [s["what"] for s in next_three(steps, day)]
    # The notice is chosen, the routine steps are not, and the three keep their date order.
    assert chosen == ["Take legal advice", "Send the reset email", "Serve our notice"]
    # A high-priority step weeks away does not push out this week's work.
    later = {**steps[4], "due": "2027-01-20"}
    steps = [*steps[:4], *steps[5:], later]  # the tracker's order: by date
    chosen = [s["what"] for s in next_three(steps, day)]
    assert chosen == ["Take legal advice", "Send the reset email", "Hold the meeting"]


def test_the_senior_person_named_among_those_who_attend_is_found_on_our_side_only():
    assert our_senior("Thabo + their finance mgr; our MD Pieter van Wyk + me") == "Pieter van Wyk"
    assert our_senior("me, Juliana Prado, our head of CS (Carla Menezes)") == "Carla Menezes"
    assert our_senior("ours: Claudia (CFO), MD Dr. Hessler; theirs: Murat + their GM") == (
        "Dr Hessler"
    )
    assert our_senior("our CEO + Sameer; their CEO + their legal head") == "Our CEO"
    assert our_senior("Rajesh + Daniel, their COO + Grace") == ""
    assert our_senior("Mercy and me") == ""


def test_the_mandate_and_the_call_go_to_the_senior_person_who_attends(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/improper-request-compliance")
    answers["chair"] = "self"
    answers.pop("chair_name", None)
    answers["attendees"] = "me and our CFO, Rita Gomes; their finance lead"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    owners = {r["action"][:20]: r["owner"] for r in rows(texts)}
    assert owners["Agree our mandate wi"] == "Rita Gomes"
    # Their people never own our steps.
    answers["attendees"] = "me; their CFO, Rita Gomes"
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    owners = {r["action"][:20]: r["owner"] for r in rows(texts)}
    assert owners["Agree our mandate wi"] == "Aisha Khan"


def test_our_own_notice_due_this_week_is_served_even_when_their_lawyers_have_written(
    tmp_path, monkeypatch
):
    answers = example("contract-terms-dispute/cure-notice-their-lawyers-no-mediation")
    answers["formal_from"] = "both"
    answers["red_flags"] = ["lawyers", "letter_of_claim", "notice_close"]
    answers["notice_deadline"] = (MONDAY.date() + dt.timedelta(days=4)).isoformat()
    answers["deadline_kind"] = "contract"
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    served = [s for s in first_three(texts) if s.startswith("Have our lawyer serve our formal")]
    assert served, first_three(texts)
    row = next(r for r in rows(texts) if r["action"].startswith("Have our lawyer serve"))
    assert row["due"] < answers["notice_deadline"]


def test_a_misunderstanding_is_called_first_then_confirmed_once(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/misread-price-notice")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    steps = [r["action"] for r in rows(texts)]
    call = next(i for i, s in enumerate(steps) if s.startswith("Have a short call"))
    # The draft puts the one fact right and proposes the call: it goes before the call, and the
    # row says what the draft does.
    note = next(i for i, s in enumerate(steps) if s.startswith("Before the call, send"))
    assert note < call
    assert not any(s.startswith("Send ") and "written summary" in s for s in steps)


def test_when_we_are_at_fault_the_first_call_opens_with_a_specific_apology(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/outage-our-fault")
    answers["channel_problem"] = True
    answers["felt_undervalued"] = True
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    call = next(r["action"] for r in rows(texts) if r["action"].startswith("Phone "))
    assert "Open with a specific apology: sorry " in call
    assert "Listen first" not in call


def test_a_regulator_with_no_personal_data_gets_no_data_protection_steps(tmp_path, monkeypatch):
    answers = example("salvage-relationship/labelling-regulator-dated-plan")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    everything = texts["plan.md"] + texts["actions.csv"]
    for stock in ("data protection", "72 hours", "Personal data"):
        assert stock not in everything
    assert "what the regulator requires of us" in first_three(texts)[0]
    # The same case with a breach of personal data keeps the reporting clock.
    answers["red_flags"] = ["data_breach", "regulator", "deadline"]
    answers["breach_where"] = "ours"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    assert "72 hours" in texts["actions.csv"]


def test_ending_it_with_an_abusive_client_is_written_and_protects_our_people(tmp_path, monkeypatch):
    answers = example("salvage-relationship/labelling-regulator-dated-plan")
    answers.update(
        worth_salvaging="no",
        ending_by="us",
        exit_reason="conduct",
        heat_source="theirs",
        emotions="high",
        strategic_value="marginal",
        category="operational",
        red_flags=["personal"],
    )
    for key in ("notice_deadline", "deadline_kind", "regulator_told"):
        answers.pop(key)
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    steps = [r["action"] for r in rows(texts)]
    assert any(s.startswith("Tell our team that from now on all contact") for s in steps)
    assert any(s.startswith("Send Mette Kristensen the exit email yourself") for s in steps)
    for absent in ("Meet Mette", "warm confirmation", "by phone"):
        assert not any(absent in s for s in steps), absent
    assert "No meeting is needed." in texts["plan.md"]


def test_a_chief_executive_who_leads_makes_the_senior_call_herself(tmp_path, monkeypatch):
    answers = example("salvage-relationship/labelling-regulator-dated-plan")
    answers["first_contact"] = "senior"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    assert any(r["action"].startswith("Ask a senior colleague to phone") for r in rows(texts))
    # When the lead is our chief executive, there is nobody more senior to ask.
    answers.update(heat_source="ours", heat_who="manager", new_lead="Hugh Bramley (CEO)")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    steps = [r["action"] for r in rows(texts)]
    assert not any(s.startswith("Ask a senior colleague to phone") for s in steps)
    assert any(s.startswith("Phone Mette Kristensen first") for s in steps)


def test_a_debt_is_chased_with_a_call_and_a_dated_demand_not_a_reset(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/agency-client-unpaid-silent")
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    table = rows(texts)
    steps = [r["action"] for r in table]
    first = first_three(texts)
    # Nothing more on credit, and a call to whoever can pay, first; not another email.
    assert first[0].startswith("Hold further supply to Harrowgate Home Interiors Ltd on credit")
    call = next(r for r in table if r["action"].startswith("Phone "))
    assert "can authorise the payment" in call["action"] and "not another email" in call["action"]
    assert call["owner"] == "Tom Reyes" and call["audience"] == "internal"  # our words
    assert any(s.startswith("Phone ") for s in first)
    after = next(s for s in steps if s.startswith("After the call, send Daniel Frost the email"))
    # The demand is a letter of its own if nothing is agreed: the email itself threatens
    # nothing, and the tracker says so instead of promising a line the draft does not have.
    assert "a formal demand is the next step, in a letter of its own" in after
    assert "a formal demand follows" not in after
    for reset in ("reset meeting", "what a good outcome looks like", "Send the reset email"):
        assert not any(reset in s for s in steps), reset


def test_the_managers_own_step_this_week_stands_for_the_standard_one(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/cure-notice-their-lawyers-no-mediation")
    monday = MONDAY.date()
    answers["agreed_actions"] = [
        {"what": "Our solicitor reviews their letter and drafts our reply", "owner": "Priya Nair",
         "due": monday + dt.timedelta(days=1)},
    ]  # fmt: skip
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    first = first_three(texts)
    mine = [s for s in first if s.startswith("Our solicitor reviews their letter")]
    assert mine and "Priya Nair" in mine[0]
    # The standard "take advice" step does not repeat it on the first screen.
    assert not any(s.startswith(("Take legal advice", "Brief our lawyer")) for s in first)
    # Without the manager's own step, the standard one is there.
    answers.pop("agreed_actions")
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert any(s.startswith(("Take legal advice", "Brief our lawyer")) for s in first_three(texts))


def test_a_deadline_on_monday_is_prepared_for_before_it_not_on_it(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/cure-notice-their-lawyers-no-mediation")
    answers["notice_deadline"] = "2026-12-07"  # the Monday after a Saturday
    answers["red_flags"] = ["lawyers", "letter_of_claim", "notice_close"]
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch, now=SATURDAY)
    advice = next(
        r for r in rows(texts) if r["action"].startswith(("Take legal advice", "Brief our lawyer"))
    )
    assert advice["due"] < "2026-12-07", advice


def test_a_step_towards_them_is_on_the_first_screen_but_its_words_stay_ours(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/agency-client-unpaid-silent")
    answers["agreed_actions"] = [
        {"what": "Ask Daniel for the name of their finance lead", "owner": "Ines Moreau",
         "due": MONDAY.date() + dt.timedelta(days=3)},
        {"what": "Update our credit-hold rule", "owner": "Ines Moreau",
         "due": MONDAY.date() + dt.timedelta(days=1)},
    ]  # fmt: skip
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert any(s.startswith("Phone whoever at Harrowgate") for s in first_three(texts))
    audience = {r["action"]: r["audience"] for r in rows(texts)}
    # The call and the manager's notes are ours to read: not on the list they receive.
    assert audience["Ask Daniel for the name of their finance lead"] == "internal"
    assert all(audience[a] == "internal" for a in audience if a.startswith("Phone whoever"))
    summary = texts["follow-up-summary.md"]
    for ours in ("not another email", "has stopped replying", "Ask Daniel", "without conceding"):
        assert ours not in summary, ours


def test_who_said_what_is_named_without_the_side_tags(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/misread-price-notice")
    answers.update(
        mixed_messages=True,
        mixed_messages_detail="support (our side) said January; the newsletter (our side) said "
        "July; their buyer (their side) read it as 1 March",
    )
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch)
    everything = texts["plan.md"] + texts["actions.csv"]
    assert "(our side)" not in everything.split("## The situation")[0]
    tell = [r["action"] for r in rows(texts) if "which of our messages stands" in r["action"]]
    for step in tell:
        assert "side)" not in step and "their buyer" not in step
        assert "support said January; the newsletter said July" in step


def test_the_senior_named_before_a_bracketed_title_is_found():
    assert our_senior("Mart + Kadri Saar (our COO) / Ilze + their CFO") == "Kadri Saar"
    # A first name for the lead themselves gives the lead's full name.
    assert our_senior("Farid (Group MD) + our COO / Dilani + their CFO", "Farid Rahman") == (
        "Farid Rahman"
    )


def test_when_our_calls_go_unanswered_the_next_contact_is_a_visit(tmp_path, monkeypatch):
    answers = example("salvage-relationship/rushed-silent-after-our-defect")
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    visit = [s for s in first_three(texts) if s.startswith("Go to see Orchard Lane Bakeries")]
    assert visit and "taking a director from our side" in visit[0]
    assert "come and see you" in texts["reset-email.eml"]
    assert "I will phone you" not in texts["reset-email.eml"]
    # Emails unanswered but no word of calls: a phone call comes first, as before.
    answers["what_happened"] = "wrong allergen panel on batch 2207, two emails unanswered"
    texts = drafts("salvage-relationship", answers, tmp_path, monkeypatch)
    assert not any(s.startswith("Go to see") for s in first_three(texts))


def test_a_cure_notice_with_dated_steps_but_no_written_plan_still_drafts(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/cure-period-plan-and-ceo-meeting")
    answers["agreed_actions"] = [
        step for step in answers["agreed_actions"] if "plan" not in step["what"]
    ]
    texts = drafts("contract-terms-dispute", answers, tmp_path, monkeypatch)
    # Before, the draft failed to render ("No first item") and the case wrote nothing.
    assert "Thank you for your notice" in texts["reset-email.eml"]


def test_a_step_timed_against_the_call_does_not_stand_for_the_call():
    """The manager's "short email after the call" is not the call: the call that settles
    it stays on the first screen."""
    day = dt.date(2026, 12, 7)
    steps = [
        {
            "what": "Have a 15-minute call with Ana to agree what changes",
            "due": "2026-12-07",
            "priority": "high",
            "shared": True,
        },
        {
            "what": "new quote to her before the call",
            "due": "2026-12-07",
            "priority": "high",
            "mine": True,
        },
        {
            "what": "short email after the call with what we agreed",
            "due": "2026-12-08",
            "priority": "high",
            "mine": True,
        },
    ]
    chosen = [s["what"] for s in next_three(steps, day)]
    assert any(c.startswith("Have a 15-minute call") for c in chosen), chosen
    # On the same day the manager's own step comes first: here the quote before the call.
    assert chosen[0] == "new quote to her before the call", chosen
    # A typed call to them still stands for ours.
    steps[2] = {**steps[2], "what": "call Ana and go through the quote"}
    chosen = [s["what"] for s in next_three(steps, day)]
    assert not any(c.startswith("Have a 15-minute call") for c in chosen), chosen


def test_the_managers_own_step_comes_first_on_the_same_day():
    """Blind round 34: a standard step ("Decide which of our messages stands", "take new
    orders paid with the order") headed the first screen above the manager's own call due the
    same Monday. The manager's own steps are their plan: on the same day they come first, and
    their own step towards the other side is the one kept on the screen."""
    day = dt.date(2026, 12, 7)
    steps = [
        {"what": "Decide which of our messages stands, then tell them once", "due": "2026-12-07",
         "priority": "high", "shared": True},
        {"what": "Call Birgitte, apologise, no technical detail", "due": "2026-12-07",
         "priority": "high", "mine": True, "outward": True},
        {"what": "Written incident report with root cause", "due": "2026-12-09",
         "priority": "high", "mine": True, "outward": True},
        {"what": "Take new orders paid with the order until a plan is agreed",
         "due": "2026-12-07", "priority": "high"},
    ]  # fmt: skip
    chosen = [s["what"] for s in next_three(steps, day)]
    assert chosen[0] == "Call Birgitte, apologise, no technical detail", chosen
    assert chosen[-1] == "Written incident report with root cause", chosen
    # A later step of the manager's does not push an earlier standard call off the screen.
    steps[1] = {**steps[1], "due": "2026-12-10"}
    steps[2] = {**steps[2], "due": "2026-12-11"}
    chosen = [s["what"] for s in next_three(steps, day)]
    assert "Decide which of our messages stands, then tell them once" in chosen, chosen
