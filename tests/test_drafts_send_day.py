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
    assert "Please send us straight away a full account" in email, email


def test_inside_a_three_day_clock_the_email_gives_a_number_to_call(tmp_path, monkeypatch):
    texts = render(LAB, tmp_path, monkeypatch)
    email = texts["email"]
    assert "within a working day" not in email, email
    assert "call me at any time on [YOUR PHONE NUMBER]" in email, email
    notes = missing_addresses({"reset-email.eml": texts["reset-email.eml"].encode()})
    assert any("[YOUR PHONE NUMBER]" in n for n in notes), notes
