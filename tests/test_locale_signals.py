"""Where each side is, read from the right signals: the language note follows their side
only, the public holidays follow the two companies' countries (not the invoice currency),
and a date the plan claims to keep free is free, or the plan says why it is not."""

from __future__ import annotations

import datetime as dt

import pytest
from test_holidays import BASE, _render

from triage.engine.filters.calendars import holiday_guess
from triage.engine.filters.language import their_language
from triage.engine.render import context, render_case

D = dt.date


SUNDAY = D(2026, 12, 6)


def _plan(answers: dict, day: dt.date = SUNDAY, playbook: str = "salvage-relationship"):
    """The plan (on one line) and the actions' due dates, for BASE with ``answers``."""
    pb, case, evaluation = _render(dict(BASE, **answers), day, playbook)
    ctx = context(pb, case, evaluation)
    plan = " ".join(render_case(pb, case)["plan.md"].decode().split())
    return plan, {a["what"]: a["due"] for a in ctx["actions"]}


# -- Kind 1: the language note reads their side, and says nothing when unsure -------------

THEIRS_NOT_FRENCH_OR_SPANISH = [
    # A German GmbH at a .de address, writing to us in France (our side must not count).
    ("Dr. Matthias Kessler", "m.kessler@brenner-wolf.de", "Brenner Wolf Maschinenbau GmbH",
     "EUR", "claire.morel@atelier-rhone.fr", "Atelier Rhône SAS"),
    # An Austrian GmbH, no address, a French-looking given name: the form says German.
    ("Pierre Huber", "", "Huber Holztechnik GmbH", "EUR", "", "Scierie Vosges SARL"),
    # A Dutch B.V. to a Spanish S.L.
    ("Sanne de Vries", "sanne@kanaalfoods.nl", "Kanaal Foods B.V.", "EUR",
     "marta@olivaressur.es", "Olivares del Sur S.L."),
    # A Polish Sp. z o.o. with no address, in euros, to a French company.
    ("Agnieszka Nowak", "", "Wisła Logistyka Sp. z o.o.", "EUR", "", "Transports Morel SAS"),
    # An Icelandic ehf. selling to us in Mexico, in pesos.
    ("Guðrún Jónsdóttir", "gudrun@hafsalt.is", "Hafsalt ehf.", "MXN", "ana@dulces.com.mx", ""),
    # A Spanish name at a US company: the name alone is weak.
    ("José García", "jose.garcia@lakeshore.com", "Lakeshore Supply Inc.", "USD", "", ""),
    # Their address is French but their company is German: they disagree, so nothing.
    ("Paul Martin", "paul.martin@kessler.fr", "Kessler Antriebe GmbH", "EUR", "", ""),
    # S.A.S. is French and Colombian: with US dollars and a generic address, unsure.
    ("", "ventas@andesbrew.com", "Andes Brew S.A.S.", "USD", "", ""),
    # A Spanish name and pesos, but the pesos are ours (our address is in Mexico).
    ("Lucía Torres", "", "", "MXN", "compras@ferrebajio.com.mx", ""),
    # A Swiss AG: German-speaking, whatever the currency.
    ("Hans Meier", "h.meier@alpentech.ch", "Alpentech AG", "CHF", "", ""),
]  # fmt: skip


@pytest.mark.parametrize("signals", THEIRS_NOT_FRENCH_OR_SPANISH)
def test_the_language_is_not_guessed_from_our_side_or_from_weak_or_mixed_signals(signals):
    assert their_language(*signals) == ""


THEIRS_SAY_IT = [
    ("Spanish", ("Iago Pereira Rial", "iago@salazonespereira.es", "Salazones Pereira Rial S.L.",
                 "EUR", "sigridur@nordurfiskur.is", "Norðurfiskur ehf.")),
    ("Spanish", ("Martín Rodríguez", "martin@tiendaoriental.com.uy", "", "USD",
                 "lucia@codigocordoba.com.ar", "")),
    ("Spanish", ("", "", "Andes Brew S.A.S.", "COP", "", "")),
    ("French", ("", "", "Velo Rhône S.A.S.", "EUR", "", "")),
    ("French", ("Jean Dupont", "jean.dupont@horlogerie-leman.ch", "Horlogerie Léman Sàrl",
                "CHF", "", "")),
    ("Spanish", ("Rogelio Garza", "", "Grupo Envasadora del Norte, S.A. de C.V.", "USD",
                 "", "")),
    ("French", ("Awa Diop", "awa.diop@teranga-agro.sn", "", "XOF", "", "")),
    # Ecuador writes its limited company "Cía. Ltda.", and trades in dollars.
    ("Spanish", ("Don Patricio", "imprenta@gmail.com", "Imprenta del Sur Cía. Ltda.", "USD",
                 "", "")),
]  # fmt: skip


@pytest.mark.parametrize(("language", "signals"), THEIRS_SAY_IT)
def test_their_address_or_their_legal_form_gives_their_language(language, signals):
    assert their_language(*signals) == language


def test_a_german_company_writing_to_a_french_one_gets_no_french_note():
    plan, _ = _plan(
        {
            "counterparty": "Brenner Wolf Maschinenbau GmbH",
            "their_contact": "Dr. Matthias Kessler",
            "their_email": "m.kessler@brenner-wolf.de",
            "our_company": "Atelier Rhône SAS",
            "our_email": "claire.morel@atelier-rhone.fr",
            "currency": "EUR",
            "public_holidays": ["france", "germany"],
        }
    )
    assert "Their language" not in plan and "works in French" not in plan, plan
    plan, _ = _plan(
        {
            "counterparty": "Salazones Pereira Rial S.L.",
            "their_contact": "Iago Pereira Rial",
            "their_email": "iago@salazonespereira.es",
            "our_company": "Norðurfiskur ehf.",
            "our_email": "sigridur@nordurfiskur.is",
            "currency": "EUR",
        }
    )
    assert "the answers suggest Iago Pereira Rial works in Spanish" in plan, plan


# -- Kind 2: whose holidays, from where the companies are, never from the dollar ----------


def test_a_case_in_dollars_between_two_countries_without_a_calendar_names_them():
    plan, _ = _plan(
        {
            "counterparty": "Gulf Star Trading FZE",
            "their_contact": "Omar Al Hashimi",
            "their_email": "omar@gulfstar.ae",
            "our_company": "Sahyadri Components Pvt. Ltd.",
            "our_email": "anil@sahyadri.in",
            "currency": "USD",
        }
    )
    assert "the US" not in plan and "as USD suggests" not in plan, plan
    assert (
        "triage has no public-holiday calendar for India or the United Arab Emirates: add "
        'their holidays under "Other days either side is closed".' in plan
    ), plan
    plan, _ = _plan(
        {
            "counterparty": "Tienda Oriental S.A.",
            "their_email": "martin@tiendaoriental.com.uy",
            "our_company": "Código Córdoba S.R.L.",
            "our_email": "lucia@codigocordoba.com.ar",
            "currency": "USD",
        }
    )
    assert "the US" not in plan and "as USD suggests" not in plan, plan
    assert "no public-holiday calendar for Argentina or Uruguay" in plan, plan
    # An Ecuadorian company in dollars: Ecuador, not the US.
    plan, _ = _plan(
        {
            "counterparty": "Imprenta del Sur Cía. Ltda.",
            "their_email": "imprenta@gmail.com",
            "currency": "USD",
        }
    )
    assert "as USD suggests" not in plan, plan
    assert "no public-holiday calendar for Ecuador" in plan, plan
    # The dollar still decides when nothing places either side.
    plan, _ = _plan({"currency": "USD", "counterparty": "Acme Corp"})
    assert "Dates skip weekends and public holidays in the US (as USD suggests)." in plan
    plan, _ = _plan({"currency": "NZD", "their_email": "hemi@tuiconnect.com"})
    assert "public holidays in New Zealand (as NZD suggests)." in plan


def test_the_two_companies_countries_give_the_calendars_and_their_holidays_are_kept_free():
    # A Scottish buyer (.co.uk) and a Norwegian AS, in euros: Constitution Day, 17 May, is
    # kept free, and the plan says where the calendars came from.
    answers = {
        "counterparty": "Sørfjord Laks AS",
        "their_email": "ingrid.solberg@sorfjordlaks.no",
        "our_company": "Cairnmore Diagnostics Ltd",
        "our_email": "euan@cairnmorediag.co.uk",
        "currency": "EUR",
        "review_days": 7,
    }
    plan, dues = _plan(answers, D(2027, 5, 10))
    assert (
        "Dates skip weekends and public holidays in England and Wales and Norway (from the "
        "addresses and company names)." in plan
    ), plan
    review = next(due for what, due in dues.items() if what.startswith("Review with"))
    assert review == "2027-05-18", dues
    # A Canadian address in US dollars: Canada's holidays, not the US's.
    plan, _ = _plan(
        {"their_email": "d.thibodeau@redriver.ca", "currency": "USD", "counterparty": "Red River"}
    )
    assert "public holidays in Canada (from the addresses" in plan and "the US" not in plan, plan
    # A South African (Pty) Ltd with no address, in rand: South Africa, from its form.
    plan, dues = _plan(
        {"counterparty": "Highveld Coffee (Pty) Ltd", "currency": "ZAR", "review_days": 9},
        D(2026, 12, 7),
    )
    assert "public holidays in South Africa" in plan, plan
    assert "2026-12-16" not in dues.values(), dues  # the Day of Reconciliation


def test_one_side_placed_and_a_local_currency_of_another_country_counts_for_the_other():
    found = holiday_guess("ops@kestrel.com", "Kestrel Foods", "sam@reidco.de", "", "CAD")
    assert found["calendars"] == ["germany", "canada"]
    # US dollars never stand in for a side an address already places elsewhere.
    found = holiday_guess("ops@kestrel.com", "Kestrel Foods", "sam@reidco.de", "", "USD")
    assert found["calendars"] == ["germany"]
    # Nor does the euro ever name a country.
    assert holiday_guess("", "", "", "", "EUR")["calendars"] == []


# -- Kind 3: a date the plan keeps free is free, or the plan says so -----------------------


def test_a_typed_date_on_their_public_holiday_is_named_in_the_plan():
    plan, dues = _plan(
        {
            "counterparty": "Salazones Pereira Rial S.L.",
            "their_email": "iago@salazonespereira.es",
            "our_email": "sigridur@nordurfiskur.is",
            "currency": "EUR",
            "agreed_actions": [
                {"what": "Call Manuel, accept mediation in principle", "owner": "Sigríður",
                 "due": D(2026, 12, 8)},
                {"what": "Send the surveyor's report", "owner": "Einar", "due": D(2026, 12, 9)},
            ],
        }
    )  # fmt: skip
    assert dues["Call Manuel, accept mediation in principle"] == "2026-12-08"
    assert (
        'Your date for "Call Manuel, accept mediation in principle", Tuesday 8 December 2026, '
        "is kept as you typed it, though it is a public holiday in Spain: move it if someone "
        "there is needed that day." in plan
    ), plan
    assert "surveyor" not in plan.split("Dates skip", 1)[1].split("**Review", 1)[0]
    # The same on a day the manager listed as closed, in a case in pounds.
    plan, _ = _plan(
        {
            "currency": "GBP",
            "closed_days": [{"date": D(2026, 12, 18), "note": "Works shutdown"}],
            "agreed_actions": [
                {"what": "Send Ana the revised schedule", "owner": "Sam", "due": D(2026, 12, 18)},
                {"what": "Check our stock counts", "owner": "Sam", "due": D(2026, 12, 18)},
            ],
        }
    )
    assert (
        '"Send Ana the revised schedule", Friday 18 December 2026, is kept as you typed it, '
        "though it is a day you listed as closed: move it unless they have agreed to it." in plan
    ), plan
    assert "stock counts" not in plan.split("Dates skip", 1)[1], plan  # our own step


@pytest.mark.parametrize(
    ("ours", "theirs", "currency"),
    [
        ("efua@kentefoods.com.gh", "yaw@ashantihaulage.com.gh", "GHS"),
        ("liis@kalev-soft.ee", "kadri@emajoe.ee", "EUR"),
        ("anna@hafsalt.is", "jon@nordurfiskur.is", "ISK"),
    ],
)
def test_where_no_calendar_applies_new_years_day_is_still_kept_free(ours, theirs, currency):
    # The review, 26 days from Sunday 6 December, would fall on Friday 1 January.
    for chosen in ([], ["none"]):
        answers = {"our_email": ours, "their_email": theirs, "currency": currency}
        plan, dues = _plan(dict(answers, review_days=26, public_holidays=chosen))
        assert "2027-01-01" not in dues.values(), (chosen, dues)
        assert "Dates skip weekends and New Year's Day." in plan, plan
        assert "triage has no public-holiday calendar for" in plan, plan


def test_portugal_mexico_and_finland_have_their_own_calendars_now():
    # A Porto client of an Austrian firm: Tuesday 8 December is a holiday in both.
    plan, dues = _plan(
        {"their_email": "marta@ribeiradouro.pt", "our_email": "florian@lumenroute.at",
         "currency": "EUR", "review_days": 2}
    )  # fmt: skip
    assert "public holidays in Portugal and Austria (from the addresses" in plan, plan
    assert "2026-12-08" not in dues.values(), dues
    # A Mexican S.A. de C.V. with no address, in pesos: Mexico's calendar, and the language.
    plan, _ = _plan(
        {"counterparty": "Grupo Envasadora del Norte, S.A. de C.V.",
         "their_contact": "Lic. Rogelio Garza Treviño", "currency": "MXN"}
    )  # fmt: skip
    assert "public holidays in Mexico (from the addresses and company names)." in plan, plan
    assert "works in Spanish" in plan, plan
    # A Finnish Oy: Finland's Independence Day, Monday 6 December 2027, is kept free.
    plan, dues = _plan(
        {"counterparty": "Kuura Mobility Oy", "currency": "EUR", "review_days": 2},
        D(2027, 12, 4),
    )
    assert "public holidays in Finland" in plan and "2027-12-06" not in dues.values(), dues


def test_none_ticked_for_countries_that_keep_new_years_day_still_keeps_it_free():
    # A Finnish Oy and an Estonian OÜ, "none" ticked and Christmas listed as closed: the
    # check 26 days on stays off 1 January, and the plan says so.
    answers = {
        "our_email": "sanna@kuuramobility.fi",
        "their_email": "kadri@emajoe.ee",
        "currency": "EUR",
        "review_days": 26,
        "public_holidays": ["none"],
        "closed_days": [{"date": D(2026, 12, 24), "note": "Christmas Eve"}],
    }
    plan, dues = _plan(answers)
    assert "2027-01-01" not in dues.values(), dues
    assert "Dates skip weekends, New Year's Day and the days you listed as closed." in plan
    assert "public holidays in Finland" not in plan  # the answer wins: no calendar


def test_new_years_day_is_not_invented_for_a_country_that_works_on_it():
    answers = {"our_email": "anil@sahyadri.in", "their_email": "ravi@kaveri.co.in"}
    plan, dues = _plan(dict(answers, currency="INR", review_days=26))
    assert "2027-01-01" in dues.values(), dues
    assert "New Year's Day" not in plan and "no public-holiday calendar for India" in plan


def test_a_country_the_answers_place_a_side_in_but_not_ticked_is_named():
    porto = {"their_email": "marta@ribeiradouro.pt", "our_email": "florian@lumenroute.at"}
    plan, _ = _plan(dict(porto, currency="EUR", public_holidays=["austria"]))
    assert (
        "The answers place a side in Portugal, whose public holidays are not ticked: tick them "
        "if they count." in plan
    ), plan
    plan, _ = _plan(dict(porto, currency="EUR", public_holidays=["austria", "portugal"]))
    assert "The answers place a side" not in plan, plan
    # A UK address is met by Scotland's calendar: the address cannot tell the two apart.
    bergen = {"their_email": "ingrid@sorfjordlaks.no", "our_email": "euan@cairnmore.co.uk"}
    plan, _ = _plan(dict(bergen, currency="NOK", public_holidays=["scotland", "norway"]))
    assert "The answers place a side" not in plan, plan
    plan, _ = _plan(dict(bergen, currency="NOK", public_holidays=["scotland"]))
    assert "The answers place a side in Norway, whose" in plan, plan
