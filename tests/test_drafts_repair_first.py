"""Kind: the email leads with our position or money where the situation needs repair first.

Our senior person insulted them, they walked out when our side raised a clause, a public buyer
is inside its own complaint procedure, a debtor may not survive: the recipient first needs the
repair (or, for the debtor, a question about what they can pay), not our claim or our reading.
"""

from __future__ import annotations

from drafts_cases import render


def test_our_md_insulted_them_so_the_invoice_waits_behind_the_apology(tmp_path, monkeypatch):
    texts = render(
        "client-communication-breakdown--munich-md-debrief-outburst", tmp_path, monkeypatch
    )
    email, subject = texts["email"], texts["Subject"]
    assert "claim" not in subject.lower(), subject
    assert "is due" not in email, email
    assert email.index("sorry") < email.index("IE-2611"), email
    # The invoice is parked, not asked for: it waits until we have talked.
    assert "wait" in email, email


def test_a_public_buyer_inside_its_own_procedure_gets_no_without_prejudice_label(
    tmp_path, monkeypatch
):
    texts = render(
        "contract-terms-dispute--nhs-trust-supplier-review-indexation", tmp_path, monkeypatch
    )
    for name in ("email", "Subject", "meeting-invitation.md"):
        assert "without prejudice" not in texts[name].lower().replace("-", " "), texts[name]
    email = texts["email"]
    # The fill-rate failure is ours, plainly: it is owned in the email.
    assert "fill rate" in email and "sorry" in email.lower(), email


def test_a_franchisee_who_walked_out_over_a_clause_does_not_get_our_reading_first(
    tmp_path, monkeypatch
):
    email = render("partner-dispute--leeds-franchisee-marketing-fund", tmp_path, monkeypatch)[
        "email"
    ]
    assert "As we read it" not in email, email
    assert "discretion is ours" not in email, email
    # Our own part (the lopsided spend we never reported) comes first, and the arrears wait:
    # an email that puts the money off does not ask for it in the next breath.
    assert "region" in email, email
    assert email.index("region") < email.index("can wait"), email
    assert "resume marketing fund payments" not in email, email


def test_a_debtor_at_risk_is_asked_for_their_figures_not_sent_a_bare_demand(tmp_path, monkeypatch):
    email = render(
        "contract-terms-dispute--corrugated-drinks-brand-cash-trouble", tmp_path, monkeypatch
    )["email"]
    assert "What we are asking for: - Pay" not in email, email
    assert "what you can realistically pay" in email, email
    # The proposal is still there, as a proposal.
    assert "3 monthly instalments" in email, email
