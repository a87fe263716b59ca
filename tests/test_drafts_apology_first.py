"""Kinds: a repair email that leads with money, and an apology for the lesser thing.

When the fault is mostly ours, or our own top person insulted them, the first email is the
apology: no money ask, no joint statement of the amounts, no offset, and no without-prejudice
label. Its first paragraph names the worst of our mistakes, with what it meant for them.
"""

from __future__ import annotations

from drafts_cases import render

LISBON = "partner-dispute--lisbon-founder-insulted-installer"
LEEDS = "client-communication-breakdown--leeds-payroll-three-errors"


def _first_paragraph(body: str) -> str:
    paragraphs = [p for p in body.replace("\r", "").split("\n\n") if p.strip()]
    return " ".join(paragraphs[1].split())  # after the greeting


def test_our_founders_insult_is_apologised_for_first_and_the_money_waits(tmp_path, monkeypatch):
    texts = render(LISBON, tmp_path, monkeypatch)
    email, body, subject = texts["email"], texts["reset-email.eml"], texts["Subject"]
    # A repair, not a lawyer's letter: no without-prejudice label on the email or its subject.
    assert "WITHOUT PREJUDICE" not in email and "prejudice" not in subject.lower(), email
    assert "apology" in subject.lower(), subject
    # The insult comes first, before the map we forgot to send and before any sum.
    first = _first_paragraph(body)
    assert "founder" in first and "sorry" in first, first
    assert email.index("founder") < email.index("map"), email
    # No ledger, no offset, no ask: the money waits for the meeting.
    for said in ("one statement", "line by line", "offset", "I would ask you", "18,500"):
        assert said not in email, email
    assert "can wait until we have met" in email, email


def test_a_payroll_we_got_wrong_is_owned_with_its_effect_and_no_payment_ask(tmp_path, monkeypatch):
    texts = render(LEEDS, tmp_path, monkeypatch)
    email, body = texts["email"], texts["reset-email.eml"]
    first = _first_paragraph(body)
    # The worst mistake, specifically, with what it did to them.
    assert "tax codes" in first and "sorry" in first, first
    assert "60 staff were overtaxed" in first, first
    # Said once: no opener that repeats the mistake in other words.
    assert email.count("tax codes") == 2, email  # the apology, and the change we make
    # The other mistakes are still owned, the answer with a ticket number among them.
    assert "ticket number" in email, email
    for said in ("one statement", "line by line", "pay the nov invoice", "I would ask you"):
        assert said not in email, email


def test_an_apology_is_never_about_a_sum_of_money(tmp_path, monkeypatch):
    texts = render(
        "salvage-relationship--porto-cork-sparse",
        tmp_path,
        monkeypatch,
    )
    email, subject = texts["email"], texts["Subject"]
    assert "12,000" not in subject and "12,000" not in email, email
    assert "October" in subject, subject
    # With no mistake listed, the notes still say what it did to them.
    assert "your bottling line stopped" in email, email
