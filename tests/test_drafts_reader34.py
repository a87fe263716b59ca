"""Email, plan and calendar faults a mediator found on blind round 33 (reader 34), fixed by kind.

- A fix told in what happened with a version or a decimal ("hotfix 4.12.1") is quoted whole,
  never cut at its first full stop ("We fixed the export on 28 Nov (hotfix 4.").
- When the email opens with the fix (`say_first`), it is not said a second time.
- A typed change whose first half our offer already says keeps its verb: "we will reimburse
  the bank fees and the clerks' overtime" beside an offer to reimburse both is left out, not
  cut to a bare "the clerks' overtime".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import tomli_w
from icalendar import Calendar
from test_reader_needs import SATURDAY, drafts

from triage.engine import case
from triage.engine.answersfile import read_answers
from triage.engine.filters import unsaid
from triage.engine.filters.needs import fixed_in_story
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

PLAYBOOKS = [
    "partner-dispute",
    "contract-terms-dispute",
    "client-communication-breakdown",
    "salvage-relationship",
]


@pytest.mark.parametrize(
    ("story", "said"),
    [
        (
            "They paid the fees themselves. We fixed the export on 28 Nov (hotfix 4.12.1). She "
            "wants a guarantee.",
            "we fixed the export on 28 Nov (hotfix 4.12.1)",
        ),
        (
            "We patched the gateway on 3.5 firmware on Monday.",
            "we patched the gateway on 3.5 firmware on Monday",
        ),
        (
            "We corrected the invoice (credit note CN-2.1, sent 4 May, and signed) last week.",
            "we have corrected the invoice",
        ),
        ("We fixed the bug a week later but did not tell him.", "we have fixed the bug"),
    ],
)
def test_a_fix_with_a_version_number_is_quoted_whole(story, said):
    assert fixed_in_story(story) == said


@pytest.mark.parametrize(
    ("changes", "offer", "kept"),
    [
        (
            ["we will reimburse the bank fees and the clerks' overtime"],
            "We reimburse NAD 14,600 bank fees and NAD 9,000 overtime.",
            [],
        ),
        (
            ["we refund the freight and the storage days"],
            "We refund the freight (EUR 2,400) and the storage days at the port.",
            [],
        ),
        (
            ["a second van from 14 December and a call the day before"],
            "a second van from 14 December",
            ["a call the day before"],
        ),
        (
            ["we credit the late fee and a named engineer answers your calls"],
            "We credit the late fee of EUR 300.",
            ["a named engineer answers your calls"],
        ),
    ],
)
def test_a_change_our_offer_half_says_keeps_its_verb(changes, offer, kept):
    assert unsaid(changes, offer) == kept


def _payroll(**changes) -> dict:
    return {
        "counterparty": "Kalahari Meat Processors (Pty) Ltd",
        "their_contact": "Ndeshi Amutenya",
        "our_contact": "Johan Visser",
        "what_happened": "Our release of 24 November broke the bank export, so their staff were "
        "paid without overtime. They ran a manual top-up themselves. We fixed the export on "
        "28 Nov (hotfix 4.12.1). She wants the costs covered and a safe December run.",
        "say_first": "The export error is fixed (hotfix 4.12.1, 28 November) and we will test "
        "your December run with your team before anything goes to the bank.",
        "amount_at_stake": 20000,
        "annual_value": 600000,
        "currency": "NAD",
        "strategic_value": "important",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 2,
        "emotions": "tense",
        "heat_source": "theirs",
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_the_fix_the_email_opens_with_is_not_said_again(playbook, tmp_path, monkeypatch):
    body = drafts(playbook, _payroll(), tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    assert body.count("4.12.1") == 1, body
    assert "(hotfix 4." not in body.replace("4.12.1", "")
    # Without the opening line, the fix told in what happened is said, whole.
    body = drafts(playbook, _payroll(say_first=None), tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "hotfix 4.12.1)" in body, body


def _mediation(**changes) -> dict:
    """Talks failed under a contract that names mediation; dates offered in January."""
    return {
        "counterparty": "Hokkaido Dairy Works K.K.",
        "their_contact": "Kenji Takahashi",
        "our_contact": "Ingrid Berg",
        "what_happened": "We disagree on how the volume rebate in clause 12 is counted. Three "
        "rounds of talks between the commercial leads did not move it, and they hold two of our "
        "invoices. The contract names mediation as the next step.",
        "amount_at_stake": 30000000,
        "annual_value": 240000000,
        "currency": "JPY",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 3,
        "emotions": "tense",
        "heat_source": "theirs",
        "money": "both",
        "stake_vs_fee": "larger",
        "dispute_clause": "mediation",
        "mediation_open": "yes",
        "direct_talks_failed": True,
        "meeting_format": "in_person",
        "meeting_minutes": 240,
        "proposed_times": [
            {"date": dt.date(2027, 1, 19), "time": "10:00"},
            {"date": dt.date(2027, 1, 20), "time": "10:00"},
        ],
    } | changes


def _calendar(playbook: str, answers: dict, tmp_path, monkeypatch) -> list:
    monkeypatch.setattr(case, "now", lambda: SATURDAY)
    pb = load_playbook(builtin_dir() / f"{playbook}.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps({k: v for k, v in answers.items() if v is not None}).encode())
    rendered = render_parts(pb, read_answers(path, pb))
    return list(Calendar.from_ical(rendered.files["reset-meeting.ics"]).walk("VEVENT"))


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_mediation_dates_go_in_the_calendar_as_the_mediation(playbook, tmp_path, monkeypatch):
    plan = drafts(playbook, _mediation(), tmp_path, monkeypatch, SATURDAY)["plan.md"]
    assert "**Bring in a mediator**" in plan.split("### Next three actions")[0]
    events = _calendar(playbook, _mediation(), tmp_path, monkeypatch)
    assert len(events) == 2
    for event in events:
        assert str(event["SUMMARY"]).startswith("Mediation"), event["SUMMARY"]
        assert event["DTEND"].dt - event["DTSTART"].dt == dt.timedelta(minutes=240)


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_times_days_away_are_still_the_short_call_to_agree_it(playbook, tmp_path, monkeypatch):
    near = _mediation(
        meeting_minutes=None,
        meeting_format=None,
        proposed_times=[{"date": dt.date(2026, 12, 8), "time": "10:00"}],
    )
    events = _calendar(playbook, near, tmp_path, monkeypatch)
    assert [str(e["SUMMARY"]).split(":")[0] for e in events] == ["Call about mediation"]
    assert events[0]["DTEND"].dt - events[0]["DTSTART"].dt == dt.timedelta(minutes=30)


def _our_notice(**changes) -> dict:
    """Extra work they have not accepted; our final account must go in by a date."""
    return {
        "counterparty": "Umgeni Cold Stores (Pty) Ltd",
        "their_contact": "Sipho Dlamini",
        "our_contact": "Leigh-Anne Pillay",
        "what_happened": "Their site manager asked for two extra racking bays by phone; we built "
        "them and invoiced the variations. They refuse to pay without a signed variation order. "
        "The contract says our final account must be in by the 15th or the claim lapses.",
        "amount_at_stake": 900000,
        "annual_value": 4000000,
        "currency": "ZAR",
        "strategic_value": "important",
        "worth_salvaging": "yes",
        "fault": "both",
        "trust_today": 3,
        "emotions": "tense",
        "heat_source": "theirs",
        "money": "they_owe",
        "formal_from": "us",
        "red_flags": ["notice_close", "payment_withheld"],
        "notice_deadline": dt.date(2026, 12, 15),
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_our_protective_notice_is_not_called_a_formality(playbook, tmp_path, monkeypatch):
    email = drafts(playbook, _our_notice(), tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    flat = " ".join(email.split())
    assert "formality" not in flat, flat
    assert "So that nothing is lost while we talk, our formal notice" in flat, flat


@pytest.mark.parametrize(
    "typed",
    [
        # Our tactic with our own lawyer, said to the claimant.
        "Instruct Ms Kgosi to respond to the letter of demand before 14 Dec (and ask for time)",
        "Instruct our attorneys to answer the letter of claim",
        "Ask for more time on the reply to their letter",
        # Our own working-out of the line we will take.
        "Calculate the inverter-caused shortfall from the trip logs",
        "Reconcile both statements line by line",
        # The email is itself the request to meet.
        "Letter requesting MD meeting under clause 24.2",
        "Letter proposing mediation under clause 19",
        # What simply carries on reads as a cut-off with a date after it.
        "Keep Q1 shipments on schedule",
    ],
)
def test_our_own_preparation_is_not_promised_to_them(typed):
    from triage.engine.filters.commitments import deliverables, gives_reader

    rows = [{"what": typed, "owner": "Thato Mokoena", "due": dt.date(2026, 12, 9)}]
    assert deliverables(rows, [], "Thato Mokoena", "Kabo", dt.date(2026, 12, 6)) == []
    assert not gives_reader(typed)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Send full incident report, reviewed by counsel",
            "We will send you the full incident report",
        ),
        ("Send the audit plan once checked by our lawyer", "We will send you the audit plan"),
    ],
)
def test_a_report_checked_by_our_lawyer_is_still_theirs(typed, said):
    from triage.engine.filters.commitments import deliverables, gives_reader

    rows = [{"what": typed, "owner": "Ana Pop", "due": dt.date(2026, 12, 9)}]
    found = deliverables(rows, [], "Bogdan Ionescu", "Irina", dt.date(2026, 12, 6))
    assert [d["said"] for d in found] == [said]
    assert gives_reader(typed)


def _row(day: int, who: str, tone: str, note: str) -> dict:
    return {
        "date": dt.date(2026, 11, day),
        "channel": "email",
        "who": who,
        "tone": tone,
        "note": note,
    }


TURNS = [
    _row(3, "Lina Berg (their side)", "terse", "Third late delivery"),
    _row(10, "Lina Berg (their side)", "defensive", "Asks for the recovery plan again"),
    _row(
        17,
        "Jari Salo, Sales Director (our side)",
        "hostile",
        "Reply-all: their forecasts are fiction",
    ),
    _row(20, "Anders Holm (their side)", "hostile", "Reassessing the sourcing"),
    _row(24, "Anders Holm (their side)", "terse", "Wants the corrective plan by Friday"),
]


def test_our_own_sharp_message_is_never_the_one_left_out_of_the_table():
    from triage.engine.filters import turns_shown

    shown = [r["date"].day for r in turns_shown(TURNS, ["hannele virtanen"], False)]
    assert shown == [3, 17, 24]
    assert [r["date"].day for r in turns_shown(TURNS, [], True)] == [17, 24]
    # Ours by name, with no side written.
    named = [dict(r, who="Jari Salo") if r["date"].day == 17 else r for r in TURNS]
    assert [r["date"].day for r in turns_shown(named, ["jari salo"], True)] == [17, 24]
    # Nothing of ours: the first and the latest.
    theirs = [r for r in TURNS if r["date"].day != 17]
    assert [r["date"].day for r in turns_shown(theirs, [], False)] == [3, 24]


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_the_plan_shows_our_reply_all_that_turned_it(playbook, tmp_path, monkeypatch):
    case = _payroll(timeline=TURNS, say_first=None)
    plan = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)["plan.md"]
    table = plan.split("## Where communication went wrong", 1)[1].split("\n## ", 1)[0]
    assert "Reply-all: their forecasts are fiction" in table, table


def _tiny_exit(**changes) -> dict:
    """A USD 588 subscription renewed by mistake: we cancel it and close the account."""
    return {
        "counterparty": "Imprenta del Valle Cía. Ltda.",
        "their_contact": "Don Ernesto Vaca",
        "their_greeting": "Don Ernesto",
        "our_contact": "Lucía Mena",
        "what_happened": "His cancellation went to a sales rep who was leaving, so our system "
        "renewed his plan and sent three automatic reminders for the invoice. He left a one-star "
        "review.",
        "amount_at_stake": 588,
        "annual_value": 588,
        "currency": "USD",
        "strategic_value": "marginal",
        "alternatives": "easy",
        "worth_salvaging": "no",
        "ending_by": "mutual",
        "fault": "both",
        "money": "they_owe",
        "owed_basis": "due",
        "stake_vs_fee": "smaller",
        "work_ongoing": False,
        "our_offer": "We cancel invoice 2026-3318 in full and close the account; your job data "
        "exported to you as a spreadsheet",
        "our_ask": "nothing to pay; just confirm we can close the account",
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_closing_a_tiny_account_asks_for_no_handover_or_settlement(playbook, tmp_path, monkeypatch):
    texts = drafts(playbook, _tiny_exit(), tmp_path, monkeypatch, SATURDAY)
    assert "Part well" in texts["plan.md"].split("### Next three actions")[0]
    flat = " ".join(texts["reset-email.eml"].split())
    assert "ask you to nothing" not in flat, flat
    assert "handover of anything in progress" not in flat, flat
    assert "settlement of" not in flat, flat
    # The offer already cancels what is open: only the ask's own step is left, as an ask.
    assert "All I would ask is that you confirm we can close the account." in flat, flat
    assert "On the open amount: nothing to pay" not in flat, flat


def _complaint(**changes) -> dict:
    """Our late deliveries, their supplier review under their own procedure, our director's
    reply-all; the email opens with the fix."""
    return {
        "counterparty": "Vättern Hydraulik AB",
        "their_contact": "Karin Lind",
        "our_contact": "Mikko Laine",
        "what_happened": "We delivered late three times this autumn. They opened a supplier "
        "review under their procedure and asked for a corrective action plan by the 18th. Our "
        "sales director replied to all blaming their forecasts.",
        "say_first": "Furnace 2 is back at full capacity since 16 November, and every order for "
        "December is on schedule.",
        "our_mistakes": [
            {
                "mistake": "our reply of 27 November blamed your forecasts in front of your team",
                "fix": "furnace 2 is back; a two-week buffer stock of your top parts from 14 "
                "December",
            }
        ],
        "amount_at_stake": 21000,
        "annual_value": 2400000,
        "currency": "EUR",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 2,
        "emotions": "high",
        "heat_source": "ours",
        "red_flags": ["complaint_procedure", "deadline"],
        "notice_deadline": dt.date(2026, 12, 18),
        "deadline_kind": "procedure",
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_complaint_under_their_procedure_gets_one_answer_date(playbook, tmp_path, monkeypatch):
    email = drafts(playbook, _complaint(), tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    flat = " ".join(email.split())
    assert "full reply to what you asked for" not in flat, flat
    # One answer date for the procedure, named as they name it (a supplier review here).
    assert len(re.findall(r"(?:complaint|supplier review)[^.]* in full by", flat)) == 1, flat
    assert "formal complaint" not in flat, flat
    assert "also answer your formal complaint" not in flat
    # What the email opens with is not listed again among the changes.
    assert flat.count("furnace 2 is back") + flat.count("Furnace 2 is back") == 1, flat


def _outburst(**changes) -> dict:
    """Our manager insulted their partner on a call; a new lead takes over and signs."""
    return {
        "counterparty": "Saltmarsh Accountants LLP",
        "their_contact": "Nadia Osei",
        "our_contact": "Gareth Price",
        "new_lead": "Rhian Evans, Head of Partnerships",
        "what_happened": "Our CRM migration lost their referral codes, so the quarter's "
        "commission statement was short. On the call about it I lost my temper.",
        "our_mistakes": [
            {
                "mistake": "on our call of 26 November I questioned your honesty and ended the "
                "call",
                "fix": "Rhian Evans leads our partnership with you from now on",
            },
            {
                "mistake": "our migration dropped your referral codes",
                "fix": "partner codes are now a required field",
            },
        ],
        "timeline": [
            {
                "date": dt.date(2026, 11, 26),
                "channel": "phone",
                "who": "Gareth Price (our side)",
                "tone": "hostile",
                "note": "Accused her of padding the list, ended the call",
            }
        ],
        "amount_at_stake": 9000,
        "annual_value": 120000,
        "currency": "GBP",
        "strategic_value": "core",
        "worth_salvaging": "yes",
        "fault": "mostly_us",
        "trust_today": 2,
        "emotions": "high",
        "heat_source": "ours",
        "heat_who": "manager",
        "money": "we_owe",
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_the_new_lead_never_confesses_what_another_person_did(playbook, tmp_path, monkeypatch):
    email = drafts(playbook, _outburst(), tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]
    flat = " ".join(email.split())
    assert "Rhian" in flat.split("Kind regards")[-1] or "Rhian" in flat[-200:], flat
    assert "I questioned your honesty" not in flat, flat
    assert "Gareth questioned your honesty" in flat, flat
    # The apology for that call is made once, not again as "the tone of our call".
    assert "sorry for the tone of our call" not in flat, flat
    # Signed by the person who typed it, the mistake stays in the first person.
    mine = drafts(playbook, _outburst(new_lead=None), tmp_path, monkeypatch, SATURDAY)
    assert "I questioned your honesty" in " ".join(mine["reset-email.eml"].split())


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Paused: new marketing funds, the joint demo farm; Carries on: service, spare parts, "
            "spring installations already sold",
            "we are pausing new marketing funds and the joint demo farm; service, spare parts "
            "and spring installations already sold carry on as now",
        ),
        (
            "On hold: co-marketing. Continues: deliveries and support",
            "we are pausing co-marketing; deliveries and support carry on as now",
        ),
    ],
)
def test_a_hold_typed_as_labelled_lists_is_said_as_prose(typed, said):
    from triage.engine.filters import hold_said

    assert hold_said(typed) == said


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_the_follow_up_carries_no_admission_typed_in_the_offer(playbook, tmp_path, monkeypatch):
    case = _payroll(
        our_offer="We accept liability for both failures and will settle the documented loss "
        "through our insurer, without arguing the cap.",
        proposed_times=[{"date": dt.date(2026, 12, 9), "time": "10:00"}],
    )
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    for name in ("reset-email.eml", "follow-up-summary.md"):
        if name in texts:
            assert "accept liability" not in texts[name].lower(), texts[name]
    assert "follow-up-summary.md" in texts


def test_an_email_over_the_budget_is_told_to_the_user():
    from triage.engine.addresses import missing_addresses
    from triage.engine.render import EmailParts

    long = EmailParts("Subject", "a@b.example", "c@d.example", "word " * 223)
    short = EmailParts("Subject", "a@b.example", "c@d.example", "word " * 180)
    notes = missing_addresses({}, {"reset-email.eml": long})
    assert any("reset-email.eml is 223 words, over the 200" in n for n in notes), notes
    assert not any("words" in n for n in missing_addresses({}, {"reset-email.eml": short}))


def test_a_count_after_a_name_with_plus_in_it_gets_no_currency():
    from triage.engine.filters.money import amounts

    assert amounts("41,318 Card Plus members", "RON") == "41,318 Card Plus members"
    assert amounts("1,200 plus VAT", "RON") == "RON 1,200 plus VAT"


def _arrears(**changes) -> dict:
    """Sparse: a loyal hotel group behind on three invoices, our owner chasing."""
    return {
        "counterparty": "Lanna Riverside Hotels Co., Ltd.",
        "their_contact": "Khun Somsak Chaiyaporn",
        "what_happened": "They have not paid August to October, THB 486,300. The son who runs "
        "finance says the rainy season was bad and asks us to wait until January.",
        "amount_at_stake": 486300,
        "currency": "THB",
        "money": "they_owe",
        "nobody_above": True,
    } | changes


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_a_thai_contact_is_greeted_by_khun_and_first_name(playbook, tmp_path, monkeypatch):
    texts = drafts(playbook, _arrears(), tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "Dear Khun Somsak," in email or "Hi Khun Somsak," in email, email
    assert "Khun," not in email
    flat = " ".join(email.split())
    # The sum the email opens with is not said again straight after it.
    assert not ("about the THB 486,300 outstanding" in flat and "Our records show" in flat), flat


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_money_we_owe_typed_as_what_we_do_is_a_commitment(playbook, tmp_path, monkeypatch):
    case = _outburst(
        our_offer="We pay GBP 7,400 for the 22 confirmed clients by 11 December and check the "
        "other 4 with you by 18 December"
    )
    flat = " ".join(
        drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"].split()
    )
    assert "We will pay GBP 7,400 for the 22 confirmed clients" in flat, flat
    assert "I propose that we pay" not in flat, flat
    # Money they owe us stays a proposal to them.
    theirs = _arrears(our_offer="We split the late fees 50/50 and waive the interest")
    flat = " ".join(
        drafts(playbook, theirs, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"].split()
    )
    assert "We will split" not in flat


def test_the_last_lawyers_letter_being_ours_means_we_have_answered():
    from triage.engine.filters import lawyers_answered

    theirs = {"date": dt.date(2026, 11, 20), "who": "Hoshino & Partners (their lawyers)"}
    ours = {"date": dt.date(2026, 11, 30), "who": "Fjeldstad Advokatfirma (our lawyers)"}
    assert lawyers_answered([theirs, ours])
    assert not lawyers_answered([ours, dict(theirs, date=dt.date(2026, 12, 2))])
    assert not lawyers_answered([theirs])
    assert not lawyers_answered([])


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_no_formal_reply_is_promised_once_our_lawyers_have_sent_it(playbook, tmp_path, monkeypatch):
    case = {
        "counterparty": "Hakodate Seafoods K.K.",
        "their_contact": "Kenta Mori",
        "our_contact": "Ingrid Solheim",
        "what_happened": "We disagree on how the volume rebate is counted. Their lawyers demanded "
        "JPY 30m within 30 days and announced a set-off; our lawyers answered on 30 November, "
        "rejecting their reading.",
        "amount_at_stake": 30000000,
        "currency": "JPY",
        "lawyers_side": "both",
        "formal_from": "them",
        "red_flags": ["lawyers", "letter_of_claim", "payment_withheld"],
        "notice_deadline": dt.date(2026, 12, 21),
        "timeline": [
            {
                "date": dt.date(2026, 11, 20),
                "channel": "letter",
                "who": "Hoshino & Partners (their lawyers)",
                "tone": "hostile",
                "note": "Demand JPY 30m in 30 days",
            },
            {
                "date": dt.date(2026, 11, 30),
                "channel": "letter",
                "who": "Fjeldstad Advokatfirma (our lawyers)",
                "tone": "hostile",
                "note": "Rejects their reading and the set-off",
            },
        ],
    }
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    assert "Our formal reply will come" not in texts["reset-email.eml"]
    assert "sends the formal reply" not in texts["actions.csv"]
    # Before our lawyers have answered, the reply is promised and on the tracker.
    case["timeline"] = case["timeline"][:1]
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    assert "formal reply" in texts["reset-email.eml"] + texts["actions.csv"]


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_the_mediation_body_the_contract_names_is_not_one_possibility(
    playbook, tmp_path, monkeypatch
):
    case = _mediation(
        chair="facilitator",
        facilitator_name="Japan International Mediation Center in Kyoto (JIMC-Kyoto)",
        clauses=[
            {
                "ref": "clause 19",
                "says": "Disputes go to mediation at the Japan International Mediation Center "
                "in Kyoto before any arbitration",
            }
        ],
    )
    texts = drafts(playbook, case, tmp_path, monkeypatch, SATURDAY)
    proposal = " ".join(texts["mediation-proposal.md"].split())
    assert "One possibility is" not in proposal, proposal
    assert (
        "As clause 19 of our agreement provides, the mediation would be with the Japan "
        "International Mediation Center in Kyoto (JIMC-Kyoto)" in proposal
    ), proposal
