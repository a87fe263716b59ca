"""Kind: headers. A draft signed by a new lead carries their address in From when it is typed;
the address of the person who filled in the case never goes out under the new lead's name."""

from __future__ import annotations

from drafts_cases import render


def test_a_new_leads_address_fills_the_from_line(tmp_path, monkeypatch):
    name = "contract-terms-dispute--corrugated-drinks-brand-cash-trouble"
    texts = render(name, tmp_path, monkeypatch, {"new_lead_email": "sue.patel@severncorr.co.uk"})
    assert texts["From"] == "Sue Patel <sue.patel@severncorr.co.uk>", texts["From"]
    assert texts["email"].rstrip().endswith("Sue Patel Severn Corrugated Ltd"), texts["email"]


def test_without_it_the_contacts_address_is_never_put_under_the_new_leads_name(
    tmp_path, monkeypatch
):
    texts = render(
        "contract-terms-dispute--corrugated-drinks-brand-cash-trouble", tmp_path, monkeypatch
    )
    assert "dave.whitlock" not in texts["From"], texts["From"]
