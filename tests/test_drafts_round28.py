"""Kinds: the reset email as its recipient reads it, on cases written by a mediator.

Each test names a kind of failure a reader would stop at, not one case: a claim about our
lawyer that is not yet true, our internal notes pasted in, a dispute or a month where the
matter should be named, an ask or an ending under "what we can offer", money asked for in the
breath that says it can wait, two names under one "I", and stitching that breaks the grammar.
"""

from __future__ import annotations

import datetime as dt

from drafts_cases import render

from triage.engine import filters

BENGALURU = "partner-dispute--bengaluru-si-bank-deal-commission"
SAO_PAULO = "contract-terms-dispute--sao-paulo-launch-led-wall-notificacao"
LODZ = "contract-terms-dispute--lodz-labels-overdue-invoices"
JURONG = "contract-terms-dispute--jurong-ducting-variation-notice"
TRONDHEIM = "client-communication-breakdown--trondheim-meeting-rooms-reply-all"
NATALES = "partner-dispute--natales-lodge-affiliate-retainer"
GUADALAJARA = "client-communication-breakdown--guadalajara-tablet-proration-mixup"
BRNO = "salvage-relationship--brno-pallet-shortfall-quick"
GLASGOW = "contract-terms-dispute--glasgow-lawyers-our-fault"
TARTU = "salvage-relationship--tartu-processor-breach"
VILNIUS = "client-communication-breakdown--vilnius-at-fault-label-printer"
PORTO = "salvage-relationship--porto-tiny-exit-translator"
GHENT = "contract-terms-dispute--ghent-owed-no-dispute"


def _closing(body: str) -> list[str]:
    lines = body.replace("\r", "").strip().split("\n")
    return lines[lines.index("Kind regards,") + 1 :]


# Kind 5: one signer, the person "I" is.


def test_one_person_signs_and_a_senior_colleague_is_named_with_the_role(tmp_path, monkeypatch):
    texts = render(BENGALURU, tmp_path, monkeypatch)
    assert _closing(texts["reset-email.eml"]) == [
        "Neha Kulkarni",
        "Sahyadri Fintech Solutions Pvt Ltd",
    ], texts["reset-email.eml"]
    # Typed as "Sanjay (CEO)", given in full from the ledger ("Sanjay Patil / Raghav Iyer").
    assert "Sanjay Patil, our CEO, will join us" in texts["email"], texts["email"]


def test_a_colleague_typed_by_first_name_is_never_signed_or_named_that_way(tmp_path, monkeypatch):
    for case in (JURONG, LODZ, VILNIUS):
        closing = _closing(render(case, tmp_path, monkeypatch)["reset-email.eml"])
        assert len(closing) == 2, closing  # the signer and the company, nobody else


# Kind 1: nothing said about our lawyer that the answers do not record.


def test_no_counsel_clears_or_writes_before_a_lawyer_is_on_record(tmp_path, monkeypatch):
    email = render(SAO_PAULO, tmp_path, monkeypatch)["email"]
    assert "counsel's clearance" not in email, email
    assert "from our lawyers" not in email and "between our lawyers" not in email, email
    # The reply's date is the manager's own step for it (14 Dec), never one worked out.
    assert "once our lawyer has reviewed your letter, by Monday 14 December" in email, email
    assert "Friday 11 December 2026, before" not in email, email


def test_the_lawyer_who_wrote_is_answered_as_the_author_of_the_letter(tmp_path, monkeypatch):
    email = render(SAO_PAULO, tmp_path, monkeypatch)["email"]
    assert "your letter of 30 November on behalf of Farmavida Brasil Ltda." in email, email
    assert "from your lawyers" not in email, email
    glasgow = render(GLASGOW, tmp_path, monkeypatch)["email"]
    assert "your letter of 1 December on behalf of Clyde Fresh Foods Ltd" in glasgow, glasgow
    assert "your solicitors" not in glasgow, glasgow


def test_counsel_is_named_as_clearing_it_once_an_answer_records_a_lawyer(tmp_path, monkeypatch):
    email = render(SAO_PAULO, tmp_path, monkeypatch, {"lawyer_consulted": True})["email"]
    assert "with our counsel's clearance" in email, email


# Kind 2: our internal notes stay ours.


def test_internal_calls_enforcement_and_owners_never_reach_the_reader(tmp_path, monkeypatch):
    lodz = render(LODZ, tmp_path, monkeypatch)["email"]
    for note in ("Tomasz Lis", "(FD)", "wezwanie", "odsetki", "to CFO"):
        assert note not in lodz, (note, lodz)
    bengaluru = render(BENGALURU, tmp_path, monkeypatch)["email"]
    # This email is the yes to mediation: it does not list itself as a step to come.
    assert "yes to mediation" not in bengaluru and "(Meera" not in bengaluru, bengaluru
    vilnius = render(VILNIUS, tmp_path, monkeypatch)["email"]
    for note in ("deployment logs", "Jonas", "calls Rūta", "CFO approval"):
        assert note not in vilnius, (note, vilnius)


def test_a_processor_never_tells_the_controller_it_will_file_for_them(tmp_path, monkeypatch):
    email = render(TARTU, tmp_path, monkeypatch)["email"]
    assert "AKI ourselves" not in email and "send logs" not in email, email
    assert "Written incident account to you for your AKI notification" in email, email


def test_a_step_for_the_reader_is_said_in_the_first_person(tmp_path, monkeypatch):
    email = render(GUADALAJARA, tmp_path, monkeypatch)["email"]
    # "call rodrigo, send him Lucía's 18 nov order email": the call is the email's own offer.
    assert "- I will send you Lucía's 18 Nov order email and install sheet by" in email, email
    assert "Call rodrigo" not in email and "send him" not in email, email


# Kind 4: only what we give is an offer, and money put off is not asked for.


def test_an_ask_or_an_ending_is_never_put_under_what_we_offer(tmp_path, monkeypatch):
    jurong = render(JURONG, tmp_path, monkeypatch)["email"]
    assert "We would also like to offer signed" not in jurong and "offer: or" not in jurong, jurong
    assert "If you prefer, we can go through the quote line by line" in jurong, jurong
    natales = render(NATALES, tmp_path, monkeypatch)["email"]
    assert "I propose that we pay the CLP 184,000 commission as a goodwill gesture." in natales
    assert "and end the affiliate agreement" not in natales, natales
    porto = render(PORTO, tmp_path, monkeypatch)["email"]
    # Her open invoices are money we owe: said as what we will do, never proposed.
    assert "We will pay both open invoices (EUR 360) this week." in porto, porto


def test_money_that_can_wait_is_not_asked_for_in_the_same_breath(tmp_path, monkeypatch):
    email = render(TRONDHEIM, tmp_path, monkeypatch)["email"]
    assert "can wait until we have talked" in email, email
    assert "I would ask you to pay" not in email and "NOK 6,900" not in email, email


def test_an_offer_typed_as_a_note_reads_as_our_proposal(tmp_path, monkeypatch):
    email = render(GLASGOW, tmp_path, monkeypatch)["email"]
    assert "I propose that we pay the stock value (GBP 41,000) through our insurer." in email


# Kind 3 and 6: the matter named, and what the reader needs.


def test_with_no_title_the_matter_is_named_from_the_notes_not_by_a_month(tmp_path, monkeypatch):
    texts = render(BRNO, tmp_path, monkeypatch)
    assert "what happened in" not in texts["email"].lower(), texts["email"]
    assert "about the three short deliveries" in texts["email"], texts["email"]
    assert texts["Subject"].startswith("The three short deliveries"), texts["Subject"]


def test_an_apology_already_made_is_repeated(tmp_path, monkeypatch):
    assert "I am sorry, again" in render(TARTU, tmp_path, monkeypatch)["email"]
    assert "I am sorry, again" in render(GLASGOW, tmp_path, monkeypatch)["email"]


def test_their_senior_person_named_in_the_notes_is_copied(tmp_path, monkeypatch):
    email = render(TRONDHEIM, tmp_path, monkeypatch)["email"]
    texts = render(TRONDHEIM, tmp_path, monkeypatch)
    assert "Bjørn Eide" in texts["copy"] and "[Cc:" not in email, (texts["copy"], email)


def test_an_undisputed_debt_is_asked_for_without_an_invented_disagreement(tmp_path, monkeypatch):
    email = render(GHENT, tmp_path, monkeypatch)["email"]
    assert "differently" not in email and "formal reminder" not in email, email
    assert "Els Maes" not in email, email  # our call to their CFO is ours to make
    assert "I would ask you to pay VG-2026-311 and VG-2026-348" in email, email


# Kind 7: stitching.


def test_a_clause_and_a_seat_of_mediation_read_as_a_letter_writes_them(tmp_path, monkeypatch):
    email = render(BENGALURU, tmp_path, monkeypatch)["email"]
    assert "through the Mumbai" not in email and "21 of our agreement" not in email, email
    assert "clause 21 of our Partner Agreement" in email and "in Mumbai" in email, email


def test_a_one_person_business_has_no_team_to_reassure(tmp_path, monkeypatch):
    email = render(NATALES, tmp_path, monkeypatch)["email"]
    assert "your team" not in email, email
    assert "customers and work in progress" not in email, email


# The filters behind them.


def test_the_filters_keep_only_what_we_give_and_name_things_plainly():
    assert filters.only_given("signed variation order for SGD 48,600") == ""
    assert filters.ending_of("pay the 360 and end the retainer on 30 days' notice") == (
        "end the retainer on 30 days' notice"
    )
    assert filters.matter("3 deliveries 24/11, 1/12 short ~40 cartons") == (
        "the three short deliveries"
    )
    assert filters.matter("we switched scanners on 20/11") == ""
    assert filters.matter("Gavin says Ashdown Vets came from him") == ""
    assert filters.full_name("Sanjay", "CEO meeting: Sanjay Patil / Raghav Iyer") == (
        "Sanjay Patil"
    )
    assert filters.lawyer_writes("Tom Reid (Reid & Co Solicitors)")
    assert not filters.lawyer_writes("Tom Reid (CFO)")
    assert filters.letter_day("1/12 letter of claim from X LLP", dt.date(2026, 12, 5)) == (
        "1 December"
    )
    assert filters.mediation_by("then mediation (Mumbai)") == " in Mumbai"
    assert filters.clause_named("Partner Agreement 21") == "clause 21 of our Partner Agreement"
    assert filters.their_senior("2 Dec: their COO Bjørn Eide called me") == "Bjørn Eide"


def test_a_figure_still_to_be_approved_is_not_put_in_writing(tmp_path, monkeypatch):
    steps = {
        "our_offer": None,
        "agreed_actions": [
            {
                "what": "offer approved: a credit of EUR 1,400 on the January invoice",
                "owner": "Tomas Petrauskas",
                "due": dt.date(2026, 12, 7),
            },
            {
                "what": "get CFO approval for credit up to EUR 2,800",
                "owner": "Tomas Petrauskas",
                "due": dt.date(2026, 12, 10),
            },
        ],
    }
    email = render(VILNIUS, tmp_path, monkeypatch, steps)["email"]
    assert "EUR 1,400" not in email, email
    assert "a goodwill credit, which I will confirm by Thursday 10 December" in email, email


def test_a_typed_offer_of_a_credit_is_said_once(tmp_path, monkeypatch):
    email = render(VILNIUS, tmp_path, monkeypatch)["email"]
    assert "We would also like to offer a credit of EUR 1,400" in email, email
    assert email.count("credit") == 1, email
