"""Kind: a draft whose dates and promises do not fit the day the plan sends it, or its clock.

The plan sends a lawyer-read email on its own day ("Send the reset email ... once the lawyer
has read it"): nothing in the email is asked for, or promised, on a day before it arrives.
Inside a legal clock of three days (a breach report), "I will answer within a working day" is
too slow: the email gives a number to call, as a placeholder the user is told about.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from drafts_cases import render

from triage.engine.addresses import missing_addresses

LAB = "partner-dispute--lab-api-patient-data-leak"
_MONTHS = "January February March April May June July August September October November December"


def _send_day(actions_csv: str) -> dt.date:
    rows = csv.DictReader(io.StringIO(actions_csv.lstrip("\ufeff")))
    (due,) = [r["due"] for r in rows if r["action"].startswith("Send the reset email")]
    return dt.date.fromisoformat(due)


def test_nothing_is_asked_for_before_the_day_the_email_is_sent(tmp_path, monkeypatch):
    texts = render(LAB, tmp_path, monkeypatch)
    email = texts["email"]
    sent = _send_day(texts["actions.csv"])
    for found in re.finditer(r"\b(?:by|on) \w+day (\d{1,2}) (\w+) (\d{4})", email):
        day = dt.date(int(found[3]), _MONTHS.split().index(found[2]) + 1, int(found[1]))
        if "report it under data protection law" in email[max(0, found.start() - 60) : found.end()]:
            continue  # the regulator's deadline is a fact, not something asked of them
        assert day >= sent, (found[0], sent, email)
    # The report is due to the regulator on Monday: the lawyer reads the email the day it is
    # briefed and it goes now, so their account is asked for by Sunday, before our clock.
    assert "Please send us by Sunday 6 December 2026 a full account" in email, email


def test_inside_a_three_day_clock_the_email_gives_a_number_to_call(tmp_path, monkeypatch):
    texts = render(LAB, tmp_path, monkeypatch)
    email = texts["email"]
    assert "within a working day" not in email, email
    assert "call me at any time on [YOUR PHONE NUMBER]" in email, email
    notes = missing_addresses({"reset-email.eml": texts["reset-email.eml"].encode()})
    assert any("[YOUR PHONE NUMBER]" in n for n in notes), notes


def test_a_time_offered_on_or_before_the_day_the_email_goes_is_not_offered(tmp_path, monkeypatch):
    """The lawyer reads the email first, so it goes days from now: a meeting time the manager
    listed for before then is left out of it, and the plan says to offer new ones."""
    from test_reader_needs import SATURDAY, drafts

    answers = {
        "counterparty": "Sukhumvit Family Clinics",
        "their_contact": "Dr. Nattapong Srisuk",
        "their_email": "nattapong@sfc.example",
        "our_contact": "Wiroj Chaiyaporn",
        "what_happened": "our porting of their hotline went wrong over the weekend; patients "
        "could not get through. they complained to the regulator, who wants our account",
        "fault": "both",
        "emotions": "high",
        "alleged_breach": True,
        "red_flags": ["threats", "regulator", "deadline"],
        "regulator_told": True,
        "notice_deadline": "2026-12-18",
        "deadline_kind": "regulator",
        "stake_vs_fee": "larger",
        "lawyer_consulted": True,
        "proposed_times": [
            {"date": "2026-12-07", "time": "13:30"},
            {"date": "2026-12-15", "time": "10:00"},
        ],
    }
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    sent = _send_day(texts["actions.csv"])
    assert sent >= dt.date(2026, 12, 7)
    assert "7 December 2026 at 13:30" not in texts["reset-email.eml"]
    assert "15 December 2026 at 10:00" in texts["reset-email.eml"]
