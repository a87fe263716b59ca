"""Reset-email and mediation-proposal faults a mediator found reading blind round 34, fixed by
kind, each with variants of our own across the playbooks.

- Their lawyers asked that all contact go through them (in the mixed messages, the message log,
  what happened): the email is written to their lawyer, by name, and never to the contact they
  asked us not to write to; the user is told to add the lawyer's address.
- Our top person apologises for one of our people's conduct: the email says they will, and the
  signer does not stay "your contact, as before".
- A misunderstanding our notes clear up: the email says plainly what does not change, and its
  subject names what they misread, not "what happened in December".
- They proposed mediation: the email and the proposal accept it and move to choosing the
  mediator, never propose it back; when nobody on their side did, the proposal proposes.
- A hold typed as a note reads as a sentence; two times typed stay two when words are short;
  a letter our steps send in their language is announced, never machine-translated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_drafts_round35 import email_of
from test_reader_needs import drafts, example

from triage.engine.addresses import missing_addresses
from triage.engine.filters import (
    hold_said,
    offer_said,
    top_apology,
    unchanged,
    via_counsel,
    without_term,
    written_in,
)
from triage.engine.filters.counsel import for_counsel, their_counsel
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_parts

# Kind 1: their lawyers asked that all contact go through them ------------------------------


def _counsel_only(base: str, **changes: Any) -> dict[str, Any]:
    answers = example(base)
    answers.update(changes)
    answers["red_flags"] = sorted(set(answers.get("red_flags") or []) | {"lawyers"})
    answers["lawyers_side"] = "theirs"
    return answers


COUNSEL_CASES = [
    (
        "client-communication-breakdown",
        "client-communication-breakdown/peak-outage-legal",
        {
            "mixed_messages": True,
            "mixed_messages_detail": "Daniel still phones our ops team; their solicitor says all "
            "comms through her from now on.",
            "timeline": [
                {
                    "date": dt.date(2026, 11, 30),
                    "channel": "letter",
                    "who": "Joanna Pryce, Pryce Hallam Solicitors (their side)",
                    "tone": "hostile",
                    "note": "Claim for the outage losses, rights reserved",
                }
            ],
        },
        "d.moss@castlegate-logistics.example",
        "Dear Joanna,",
        "Daniel",
    ),
    (
        "contract-terms-dispute",
        "contract-terms-dispute/letter-of-claim",
        {
            "tone_shift": "Since their letter. They asked us not to contact Rachel directly.",
            "what_happened": "Their lawyers (Mr Tobias Hartley of Hartley Lane LLP, "
            "t.hartley@hartleylane.example) wrote on 27 November claiming the late batches "
            "cost them a supermarket listing.",
            "timeline": [
                {
                    "date": dt.date(2026, 11, 27),
                    "channel": "letter",
                    "who": "Tobias Hartley, their lawyers (their side)",
                    "tone": "hostile",
                    "note": "Letter of claim, reply in 14 days",
                }
            ],
        },
        "rachel.ashby@ashbyfoods.example",
        "Dear Mr Hartley,",
        "Rachel",
    ),
    (
        "partner-dispute",
        "partner-dispute/chain-claim-their-solicitors-write",
        {
            "their_spoc": "Ms Carys Morgan: all correspondence to be directed to their solicitors",
            "timeline": [
                {
                    "date": dt.date(2026, 12, 1),
                    "channel": "letter",
                    "who": "Carys Morgan, Morgan Pryce Solicitors (their side)",
                    "tone": "neutral",
                    "note": "Letter of claim for the contaminated flour",
                }
            ],
        },
        "owen.hughes@millbrook.example",
        "Dear Ms Morgan,",
        "Owen",
    ),
    (
        "salvage-relationship",
        "salvage-relationship/their-lawyers-claim-offer-in-person",
        {
            "mixed_messages": True,
            "mixed_messages_detail": "Grace still texts our site lead; their lawyers asked us "
            "not to contact Grace directly.",
            "timeline": [
                {
                    "date": dt.date(2026, 11, 28),
                    "channel": "letter",
                    "who": "Daniel Koh, Koh & Lim LLP (their side)",
                    "tone": "hostile",
                    "note": "Claim for the failed chiller, 21 days to respond",
                }
            ],
        },
        "grace.tan@merlionhosp.example",
        "Dear Daniel,",
        "Grace",
    ),
]


@pytest.mark.parametrize(
    ("playbook", "base", "changes", "contact_email", "greeting", "first"), COUNSEL_CASES
)
def test_an_email_their_lawyers_asked_for_goes_to_them(
    playbook, base, changes, contact_email, greeting, first, tmp_path, monkeypatch
):
    email = email_of(playbook, _counsel_only(base, **changes), tmp_path, monkeypatch)
    assert contact_email not in email["To"]
    assert greeting in email["text"]
    assert f"Dear {first}," not in email["text"]
    assert f"not to {first} directly" in email["body"]
    # The lawyer wrote the letter: never "the letter from your lawyers" to them.
    assert "letter from your" not in email["body"]
    assert "to your lawyers, as you prefer" not in email["body"]
    assert "asked that all contact go through their lawyers" in email["plan"]


def test_the_lawyers_address_in_the_notes_is_the_to_line(tmp_path, monkeypatch):
    _, base, changes, *_ = COUNSEL_CASES[1]
    email = email_of(
        "contract-terms-dispute", _counsel_only(base, **changes), tmp_path, monkeypatch
    )
    assert email["To"] == "Tobias Hartley <t.hartley@hartleylane.example>"


def test_the_user_is_told_to_address_the_lawyer(tmp_path, monkeypatch):
    import tomli_w

    from triage.engine import case
    from triage.engine.answersfile import read_answers

    monkeypatch.setattr(case, "now", lambda: dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC))
    _, base, changes, *_ = COUNSEL_CASES[0]
    playbook = load_playbook(builtin_dir() / "client-communication-breakdown.toml")
    path = tmp_path / "answers.toml"
    path.write_bytes(tomli_w.dumps(_counsel_only(base, **changes)).encode())
    rendered = render_parts(playbook, read_answers(path, playbook))
    notes = " ".join(missing_addresses(rendered.files, rendered.emails))
    assert "is written to Joanna Pryce of Pryce Hallam Solicitors, their lawyer" in notes
    assert "answer 'Their email address'" not in notes
    assert b"[To:" not in rendered.files["reset-email.eml"]


def test_lawyers_who_asked_nothing_leave_the_email_with_the_contact(tmp_path, monkeypatch):
    answers = _counsel_only("client-communication-breakdown/peak-outage-legal")
    email = email_of("client-communication-breakdown", answers, tmp_path, monkeypatch)
    assert "d.moss@castlegate-logistics.example" in email["To"]
    assert "Dear Daniel," in email["text"]


@pytest.mark.parametrize(
    ("notes", "asked"),
    [
        ("Doyle says all comms through him", True),
        ("Asked that all correspondence be directed to their solicitors", True),
        ("They asked us not to contact Rachel directly", True),
        ("From now on we write only to their lawyers", True),
        ("she sent messages to her team", False),
        ("emails to him were unanswered", False),
        ("Everything now goes through lawyers and the project office", False),
    ],
)
def test_the_ask_to_write_only_to_their_lawyers_is_read_in_its_wordings(notes, asked):
    assert via_counsel(["", notes]) is asked


def test_their_lawyer_is_found_and_their_client_named_as_theirs():
    timeline = [{"who": "Hamish Doyle, their lawyers (their side)", "note": "Report by 11 Dec"}]
    found = their_counsel(
        timeline, ["letter from their lawyers (Doyle Whitford Lawyers, Mr Hamish Doyle)"]
    )
    assert found["greet"] == "Mr Doyle"
    assert found["firm"] == "Doyle Whitford Lawyers"
    assert their_counsel([{"who": "Doyle Whitford Lawyers (their side)"}]) == {}
    assert for_counsel("the data incident affecting your loyalty members") == (
        "the data incident affecting your client's loyalty members"
    )


# Kind 2: our top person apologises ------------------------------------------------------------


def test_the_email_says_our_chief_executive_apologises_and_drops_as_before(tmp_path, monkeypatch):
    answers = example("contract-terms-dispute/letter-of-claim")
    answers.update(
        {
            "heat_source": "both",
            "heat_who": "director",
            "our_spoc": answers.get("our_contact"),
            "agreed_actions": [
                {
                    "what": "MD personal apology to Rachel for our sales director's call",
                    "owner": "Femi Adeyemi",
                    "due": dt.date(2026, 12, 9),
                }
            ],
            "attendees": "Rachel Ashby; Femi Adeyemi (MD) and me",
        }
    )
    email = email_of("contract-terms-dispute", answers, tmp_path, monkeypatch)
    assert (
        "Femi Adeyemi, our managing director, will apologise to you for it personally by Wednesday 9 December 2026."
        in email["body"]
    )
    assert "as before" not in email["body"]


@pytest.mark.parametrize(
    ("texts", "notes", "signer", "name", "how"),
    [
        (
            ["our CEO will apologise personally; Chiara leads contact from now"],
            "Giovanni Lodrini (CEO) and Chiara",
            "Chiara Bonomelli",
            "Giovanni Lodrini",
            "",
        ),
        (
            ["Our MD to phone Ms Ito and apologise"],
            "their MD Ito; our MD, Sven Olsen",
            "Kari Berg",
            "Sven Olsen",
            "call",
        ),
        (
            ["Letter of apology from our founder"],
            "Founder Ana Ribeiro",
            "Luís Costa",
            "Ana Ribeiro",
            "write",
        ),
    ],
)
def test_our_top_persons_apology_is_read_from_steps_and_changes(texts, notes, signer, name, how):
    found = top_apology(texts, notes, signer)
    assert (found["name"], found["how"]) == (name, how)


def test_the_top_apology_never_names_the_director_whose_conduct_it_is():
    found = top_apology(
        ["A visit by our CEO to apologise in person"],
        "Our sales director Jari Mäkelä replied to all; Timo Laine (Head of Quality)",
        "Timo Laine",
    )
    assert found["name"] == ""
    assert (
        top_apology(["A visit by our CEO to apologise in person"], "", "Hannele Virtanen", "CEO")
        == {}
    )


def test_no_top_apology_when_theirs_or_when_the_top_person_signs():
    assert top_apology(["their CEO wants an apology"], "", "Kari Berg") == {}
    assert (
        top_apology(
            ["Letter of apology from our managing director"], "our MD Sven Olsen", "Sven Olsen"
        )
        == {}
    )


# Kind 3: a misunderstanding says what does not change -----------------------------------------


def _misread(what: str, **changes: Any) -> dict[str, Any]:
    answers = {
        "counterparty": "Ferienhof Alpenblick GmbH",
        "their_contact": "Dr. Lena Moser",
        "their_email": "l.moser@alpenblick.example",
        "our_company": "Bergdata Software GmbH",
        "our_contact": "Jonas Keller",
        "our_email": "j.keller@bergdata.example",
        "what_happened": what,
        "since": dt.date(2026, 12, 2),
        "fault": "misunderstanding",
        "emotions": "tense",
        "strategic_value": "useful",
        "worth_salvaging": "yes",
    }
    answers.update(changes)
    return answers


MISREADS = [
    (
        "client-communication-breakdown",
        "Our system sent them the standard renewal reminder on 1 Dec. Lena read it as a price "
        "rise. Nothing is changing, the contract renews automatically on same terms per §9.",
        "Our renewal reminder of 1 December: nothing changes",
        "It was a standard renewal reminder, not a change: nothing changes, and your contract "
        "renews automatically on the same terms under §9.",
    ),
    (
        "partner-dispute",
        "They got our 2027 price list email on 14 Nov and thought their partner discount goes "
        "down. Their discount stays the same until the agreement ends in 2028.",
        "Our price list of 14 November: nothing changes",
        "It was not a change: nothing changes, and your discount stays the same until the "
        "agreement ends in 2028.",
    ),
    (
        "salvage-relationship",
        "Our invoice of 3 Nov splits storage onto its own line and they think it is a new "
        "charge. Nothing has changed, it is the same price overall. We have not replied yet.",
        "Our invoice of 3 November: nothing changes",
        "I am sorry for the worry it caused, and that we did not reply sooner.",
    ),
]


@pytest.mark.parametrize(("playbook", "what", "subject", "said"), MISREADS)
def test_a_misunderstanding_says_what_does_not_change(
    playbook, what, subject, said, tmp_path, monkeypatch
):
    email = email_of(playbook, _misread(what), tmp_path, monkeypatch)
    assert email["Subject"] == subject
    assert said in email["body"]
    assert "reading it differently" not in email["body"]
    assert "Dear Dr. Moser," in email["text"]


def test_nothing_is_invented_when_the_notes_do_not_say_what_stays(tmp_path, monkeypatch):
    what = "Our annual indexation letter went out on 1 Dec. They think we are raising prices."
    email = email_of("client-communication-breakdown", _misread(what), tmp_path, monkeypatch)
    assert "nothing changes" not in email["body"]
    assert unchanged(what) == {}


# Kind 4: they proposed mediation --------------------------------------------------------------


MEDIATIONS = [
    ("contract-terms-dispute", "contract-terms-dispute/letter-of-claim-mediate-first"),
    ("partner-dispute", "partner-dispute/chain-claim-contaminated-flour"),
    ("salvage-relationship", "salvage-relationship/cross-claims-two-meetings-failed"),
    (
        "client-communication-breakdown",
        "client-communication-breakdown/service-credits-after-ceo-meeting",
    ),
]


@pytest.mark.parametrize(("playbook", "base"), MEDIATIONS)
def test_their_proposal_of_mediation_is_accepted_not_proposed_back(
    playbook, base, tmp_path, monkeypatch
):
    answers = example(base)
    answers.update(mediation_open="proposed", dispute_clause="mediation")
    texts = drafts(playbook, answers, tmp_path, monkeypatch)
    proposal = texts["mediation-proposal.md"]
    assert "I would like to propose mediation" not in proposal
    assert "I think now is the time to use it" not in proposal
    assert "The next step is to choose the mediator together." in proposal
    assert "Please let me know the names you would suggest for the mediator" in proposal
    email = texts["reset-email.eml"]
    assert "a proposal to mediate" not in texts["subject"]
    assert "I suggest we take this to mediation" not in email
    assert "I would like to propose mediation" not in email


def test_a_letter_from_their_lawyers_proposing_mediation_is_theirs_not_the_readers(
    tmp_path, monkeypatch
):
    from triage.engine.filters import proposed_by_reader

    timeline = [
        {
            "who": "Kasozi & Co. (their side)",
            "note": "Mediation under cl. 24, agree mediator by 18 Dec",
        }
    ]
    assert proposed_by_reader(timeline, "Emmanuel Ssekandi") is False


@pytest.mark.parametrize(("playbook", "base"), MEDIATIONS)
def test_when_nobody_proposed_it_the_proposal_proposes(playbook, base, tmp_path, monkeypatch):
    answers = example(base)
    answers["mediation_open"] = "maybe"
    texts = drafts(playbook, answers, tmp_path, monkeypatch)
    assert "I would like to propose mediation" in texts["mediation-proposal.md"]


# Kinds 5 and 6: a hold as a sentence, both times, a letter in their language -----------------


def test_a_hold_typed_as_a_note_reads_as_a_sentence_to_them():
    said = hold_said(
        "New deals in the territory paused from Campo's side; support continues as normal.",
        "Soluciones Campo Occidente S.A. de C.V.",
    )
    assert (
        said == "new deals in the territory are paused from your side; support continues as normal"
    )
    assert hold_said("Shipments on hold until the audit") == "shipments are on hold until the audit"


def test_a_letter_in_their_language_is_announced(tmp_path, monkeypatch):
    answers = example("salvage-relationship/" + _salvage_apology())
    answers["agreed_actions"] = [
        *(answers.get("agreed_actions") or []),
        {
            "what": "Letter of apology in Korean to Mr Kim",
            "owner": answers.get("our_contact") or "Me",
            "due": dt.date(2026, 12, 9),
        },
    ]
    email = email_of("salvage-relationship", answers, tmp_path, monkeypatch)
    assert "letter in Korean will follow by Wednesday 9 December 2026." in email["body"]
    assert written_in([{"what": "Reports in English", "due": None}]) == {}


def _salvage_apology() -> str:
    for path in sorted((builtin_dir() / "examples" / "salvage-relationship").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        if 'fault = "mostly_us"' in text and "lawyers" not in text:
            return path.stem
    raise AssertionError("no salvage example where we are at fault")


# Kind 5: an offer the manager has decided is said as decided -------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "We cover the DKK 38,500 cost of the manual top-up",
            "We will cover the DKK 38,500 cost of the manual top-up.",
        ),
        (
            "we replace the 14 transducers free of charge",
            "We will replace the 14 transducers free of charge.",
        ),
        ("we split the extra guests 50/50", "I propose that we split the extra guests 50/50."),
        (
            "we credit 10% of the fee if you renew for two years",
            "I propose that we credit 10% of the fee if you renew for two years.",
        ),
        (
            "We absorb rounds three to five as a full and final settlement",
            "I propose that we absorb rounds three to five as a full and final settlement.",
        ),
    ],
)
def test_an_offer_typed_as_what_we_do_is_decided_unless_it_is_a_bargain(typed, said):
    assert offer_said(typed) == said


def test_the_email_commits_to_the_offer_we_decided(tmp_path, monkeypatch):
    answers = example("salvage-relationship/" + _salvage_apology())
    answers["our_offer"] = "We refund the two November service visits (EUR 1,480)"
    email = email_of("salvage-relationship", answers, tmp_path, monkeypatch)
    assert "I propose that we refund" not in email["body"]
    assert "We will refund the two November service visits (EUR 1,480)" in email["body"]


# Kind 6: both times typed are offered, even short of words -----------------------------------


def test_a_long_exit_email_still_offers_both_times(tmp_path, monkeypatch):
    answers = example("partner-dispute/referral-partner-now-competes")
    answers["proposed_times"] = [
        {"date": dt.date(2026, 12, 10), "time": "17:00"},
        {"date": dt.date(2026, 12, 11), "time": "16:00"},
    ]
    answers["their_hours_ahead"] = -7
    answers["hold_scope"] = (
        "New orders through the shared portal paused from our side while the notice runs; "
        "support, spare parts and warranty work carry on exactly as they do today."
    )
    answers["our_offer"] = (
        "We pay the Q4 referral fees in full on 15 January as the agreement says, and a "
        "referral fee of 10% of first-year licences on every client that transfers cleanly"
    )
    answers["our_ask"] = (
        "confirm by 18 December which of your clients are mid-onboarding, so that each one "
        "has a named contact on our side before the handover starts"
    )
    email = email_of("partner-dispute", answers, tmp_path, monkeypatch)
    assert (
        "on Thursday 10 December at 17:00 my time (10:00 yours) or Friday 11 December at 16:00 "
        "my time (09:00 yours), by video call" in email["body"]
    ), email["text"]
    assert len(email["body"].split()) <= 200


# Kind 5: said once -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "base",
    [
        "salvage-relationship/our-failure-they-proposed-mediation",
        "salvage-relationship/newsletter-data-slip-our-side-heated",
        "salvage-relationship/labelling-regulator-dated-plan",
    ],
)
def test_our_apology_as_a_dated_step_is_not_listed_again_as_a_commitment(
    base, tmp_path, monkeypatch
):
    answers = example(base)
    first = answers["their_contact"].split()[0]
    answers["change_steps"] = [
        *(answers.get("change_steps") or []),
        {
            "what": f"Apology call to {first}, then letter to her and her VP",
            "owner": answers.get("our_contact") or "Me",
            "due": dt.date(2026, 12, 8),
            "evidence": "Call and letter",
        },
    ]
    email = email_of("salvage-relationship", answers, tmp_path, monkeypatch)
    assert "sorry" in email["body"].lower()
    assert "Apology call" not in email["body"], email["text"]


def test_the_mediation_is_not_offered_again_as_a_term():
    typed = (
        "A written apology for the 20 November email, and a without-prejudice meeting with a "
        "mediator to settle commission and the open invoices together"
    )
    assert without_term(typed, "mediat") == "A written apology for the 20 November email"
    assert without_term("a free re-shoot", "mediat") == "a free re-shoot"


def test_one_email_has_one_label_for_what_changes(tmp_path, monkeypatch):
    answers = example("client-communication-breakdown/our-founder-insulted-client-invoice-waits")
    answers["our_mistakes"] = [
        {
            "mistake": "we told you about the backlog only when you asked",
            "fix": "weekly status note on every order, delays flagged the same day",
        },
        {
            "mistake": "the draft went out with two logs missing",
            "fix": "a second engineer checks every report before it leaves",
        },
        {
            "mistake": "our invoice reminder went out during the dispute",
            "fix": "reminders paused while a dispute is open",
        },
    ]
    body = email_of("client-communication-breakdown", answers, tmp_path, monkeypatch)["body"]
    assert "What changes:" in body
    assert "What we are changing:" not in body
    assert "What else changes: a second engineer checks every report" in body


def test_a_clause_number_beside_the_notice_is_not_the_letter_date():
    """Blind round 35: "a formal notice of material breach under clause 18.2" made a letter to
    their lawyer say "your letter of 18 February". A clause number is not a day and month."""
    import datetime as dt

    from triage.engine.filters.letters import letter_day

    today = dt.date(2026, 12, 6)
    assert letter_day("They served a notice of breach under clause 18.2 last week.", today) == ""
    assert letter_day("Their claim under clause 7.3, received 1 December.", today) == "1 December"
    assert letter_day("Letter of demand dated 30.11.2026 from their attorneys", today) == (
        "30 November"
    )
    assert letter_day("30/11 notice from their lawyers", today) == "30 November"
