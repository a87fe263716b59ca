"""Kind: the concrete offer, ask, amount or deadline typed in the answers is missing.

The apology, reset, misunderstanding and mediation versions used to carry no ask at all, and a
goodwill credit we will give lived only in our private minimum. The recipient needs both.
"""

from __future__ import annotations

from drafts_cases import render


def test_the_goodwill_credit_we_will_give_is_offered_without_our_ceiling(tmp_path, monkeypatch):
    for name in (
        "client-communication-breakdown--dental-reminders-director-email",
        "client-communication-breakdown--dublin-payroll-overtime-bug",
    ):
        email = render(name, tmp_path, monkeypatch)["email"]
        assert "goodwill credit" in email, email
        assert "5k" not in email and "2 months" not in email, email


def test_the_ask_reaches_them_in_the_versions_that_had_none(tmp_path, monkeypatch):
    email = render("partner-dispute--london-austin-launch-campaign-split", tmp_path, monkeypatch)[
        "email"
    ]
    assert (
        "I would ask you to confirm Corral's share of the launch campaign in writing by 11 December"
        in email
    ), email
    email = render(
        "contract-terms-dispute--nhs-trust-supplier-review-indexation", tmp_path, monkeypatch
    )["email"]
    assert "deferred to 1 January 2027" in email, email
    assert "ahead of your 11 December 2026 deadline" in email, email


def test_the_undisputed_part_and_our_costs_are_asked_for(tmp_path, monkeypatch):
    email = render(
        "contract-terms-dispute--rotterdam-fitout-lds-mediation-clause", tmp_path, monkeypatch
    )["email"]
    assert "pay the undisputed part of the final account" in email and "65,000" in email, email
    email = render("partner-dispute--leeds-analytics-partner-api-key-leak", tmp_path, monkeypatch)[
        "email"
    ]
    assert "GBP 41,870" in email, email


def test_a_handover_names_the_customers_we_share(tmp_path, monkeypatch):
    email = render("partner-dispute--oslo-integration-partner-wants-out", tmp_path, monkeypatch)[
        "email"
    ]
    assert "smoothly for the 12 customers we share" in email, email
    assert "a handover plan for the 12 customers we share" in email, email
