"""Rendering is a pure function of playbook and answers: golden files pin every output."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest

from triage.engine.answersfile import read_answers
from triage.engine.errors import PlaybookInvalid
from triage.engine.library import builtin_dir, playbook_files
from triage.engine.playbook import load_playbook
from triage.engine.render import actions_csv, email_message, render_case
from triage.engine.validate import examples_for

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def example_sets() -> list[tuple[Path, Path]]:
    pairs = []
    for path in [FIXTURES / "good/mini.toml", *playbook_files(builtin_dir())]:
        try:
            playbook = load_playbook(path)
        except PlaybookInvalid:
            pairs.append((path, path))  # fails below with the validator's message
            continue
        pairs += [(path, example) for example in examples_for(playbook)]
    return pairs


# The examples are written as cases of late November 2026 (meetings offered in December,
# deadlines from 1 December on), so the goldens are rendered on a Monday before all of them:
# a golden plan never shows a review falling before the meeting it reviews.
GOLDEN_NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def golden_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    from triage.engine import case

    monkeypatch.setattr(case, "now", lambda: GOLDEN_NOW)
    return GOLDEN_NOW


@pytest.mark.parametrize(("playbook_path", "example"), example_sets(), ids=lambda p: p.stem)
def test_every_example_renders_exactly_as_its_golden_files(playbook_path, example, golden_now):
    playbook = load_playbook(playbook_path)
    case = read_answers(example, playbook)
    assert example != playbook_path
    case.id = "golden"
    files = render_case(playbook, case)
    folder = GOLDEN / playbook.id / example.stem
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, data in files.items():
            (folder / name).write_bytes(data)
    expected = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    assert sorted(files) == expected, f"run with UPDATE_GOLDEN=1 to create {folder}"
    for name, data in files.items():
        assert data == (folder / name).read_bytes(), f"{folder / name} differs"


def test_the_email_is_a_draft_with_headers_that_cannot_be_forged():
    raw = email_message(
        "Hello\r\nBcc: victim@example.com", "Jo <jo@example.com>\nCc: x@example.com", "Body\n"
    )
    message = message_from_bytes(raw, policy=default_policy)
    assert message["Bcc"] is None and message["Cc"] is None
    assert message["Subject"] == "Hello Bcc: victim@example.com"
    assert message["To"].addresses[0].addr_spec == "jo@example.com"
    assert message["X-Unsent"] == "1"
    assert message.get_content().replace("\r\n", "\n") == "Body\n"


def test_a_long_subject_with_a_colon_stays_on_the_subject_line():
    """Python folds such a subject right after "Subject:"; mail clients then show a blank
    first line or a leading space. It stays whole, and reads back the same."""
    subject = "Invoice 2291 and support response times: the open amount and next steps"
    raw = email_message(subject, "Martin Pryce <m.pryce@example.com>", "Dear Martin,\n")
    first = next(line for line in raw.split(b"\r\n") if line.startswith(b"Subject:"))
    assert first == b"Subject: " + subject.encode()
    assert message_from_bytes(raw, policy=default_policy)["Subject"] == subject


def test_the_draft_is_from_our_address_when_we_know_it():
    raw = email_message("S", "Dana <dana@client.example>", "B", "Sam Okafor <sam@us.example>")
    message = message_from_bytes(raw, policy=default_policy)
    assert message["From"].addresses[0].addr_spec == "sam@us.example"
    assert message["From"].addresses[0].display_name == "Sam Okafor"
    unknown = message_from_bytes(email_message("S", "", "B", ""), policy=default_policy)
    assert unknown["From"] is None, "no address: the mail program fills in its own"


def test_an_email_without_a_known_address_has_no_to_header():
    message = message_from_bytes(email_message("S", "not an address", "B"), policy=default_policy)
    assert message["To"] is None


def test_the_action_tracker_is_csv_with_the_documented_header_and_no_formulas():
    rows = [
        {"what": '=HYPERLINK("x")', "owner": "Sam, Ops", "due": "2026-03-04", "status": "open"},
        {"what": "Call", "owner": "Jo", "due": "", "status": "open", "audience": "shared"},
    ]
    parsed = list(csv.reader(io.StringIO(actions_csv(rows).decode("utf-8-sig"))))
    assert parsed[0] == ["action", "owner", "due", "status", "audience"]
    assert parsed[1] == ['\'=HYPERLINK("x")', "Sam, Ops", "2026-03-04", "open", "internal"]
    assert parsed[2] == ["Call", "Jo", "", "open", "shared"]


def test_the_action_tracker_opens_with_accents_intact_in_a_spreadsheet():
    """A byte-order mark tells Excel and LibreOffice it is UTF-8 when opened by double-click;
    the csv module reads it with utf-8-sig and sees a plain header."""
    data = actions_csv(
        [{"what": "Rappeler Zoë", "owner": "Renée Müller", "due": "", "status": "open"}]
    )
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["action", "owner", "due", "status", "audience"]
    assert rows[0]["owner"] == "Renée Müller"


def test_outputs_follow_the_route(good, fixed_now):
    playbook = load_playbook(good / "mini.toml")
    calm = render_case(playbook, read_answers(good / "examples/mini/calm.toml", playbook))
    angry = render_case(playbook, read_answers(good / "examples/mini/angry.toml", playbook))
    assert "mediation-proposal.md" not in calm
    assert "mediation-proposal.md" in angry
    actions = calm["actions.csv"].decode("utf-8-sig").splitlines()
    assert actions[1] == "Weekly call,Sam,2026-02-01,open,internal"  # sorted by due date
    assert actions[2] == "Send the reset email to Acme Ltd,Me,2026-03-04,open,internal"


def test_the_ledger_shows_who_decided_and_when_the_playbook_changed(fixed_now):
    """Each entry says who decided, when known, once; a change of playbook version between
    entries is shown where it happened."""
    import datetime as dt

    from triage.engine.case import LedgerEntry

    path = builtin_dir() / "partner-dispute.toml"
    playbook = load_playbook(path)
    case = read_answers(
        builtin_dir() / "examples/partner-dispute/director-heated-email.toml", playbook
    )
    at = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
    case.ledger = [
        LedgerEntry(at, "route-recommended", "negotiate: talk first.", "", "1.0.0"),
        LedgerEntry(
            at, "outcome", "2026-03-09: no agreement", "Nadia Brooks, Head of Channel", "1.0.0"
        ),
        LedgerEntry(
            at, "escalated", "to level 3 by Nadia Brooks: no progress", "Nadia Brooks", "1.1.0"
        ),
        LedgerEntry(at, "case-closed", "2026-04-01: settled", "", "1.1.0"),
    ]
    plan = render_case(playbook, case)["plan.md"].decode()
    ledger = plan.split("## Decision ledger", 1)[1]
    assert "no agreement. *(by Nadia Brooks)*" in ledger
    assert ledger.count("Nadia Brooks") == 2, "named once per entry, never twice"
    assert "*Playbook 1.1.0, was 1.0.0.*" in ledger
    assert ledger.count("Playbook 1.1.0") == 1, "shown where the version changed, not after"


@pytest.mark.parametrize(
    ("typed", "name", "title"),
    [
        ("Daniel Fry, Head of Partnerships (our CRO withdraws the email)", "Daniel Fry", "Head of Partnerships"),
        ("Dr Ana Ruiz", "Dr Ana Ruiz", ""),
        ("Dr Lena Fischer, CTO", "Dr Lena Fischer", "CTO"),
        ("our MD, Graham Kaye", "Graham Kaye", "MD"),
        ("Jo Whitaker, our finance director", "Jo Whitaker", "Finance director"),
        ("Ravi Menon – COO", "Ravi Menon", "COO"),
        ("Gareth Hollins (via his adviser)", "Gareth Hollins", ""),
        ("Ruth Adeyemi and Jens Keller", "Ruth Adeyemi and Jens Keller", ""),
        ("Head of tech transfer, University of Eastmoor", "Head of tech transfer, University of Eastmoor", ""),
        ("Smith, John", "Smith, John", ""),
        ("", "", ""),
        (None, "", ""),
    ],
)  # fmt: skip
def test_a_name_answer_gives_the_name_for_a_signature_and_the_title_for_its_own_line(
    typed, name, title
):
    from triage.engine.filters import job_title, person

    assert (person(typed), job_title(typed)) == (name, title)


def test_a_greeting_leaves_a_job_title_and_a_note_out():
    from triage.engine.filters import first_name

    assert first_name("our MD, Graham Kaye") == "Graham"
    assert first_name("Sofia Lindqvist, Managing Partner (copying her team)") == "Sofia"
    assert first_name("Head of tech transfer, University of Eastmoor") == ""
    assert first_name("new head of CRM (name not known)") == ""


def test_a_commitment_in_the_signers_job_reads_in_their_own_voice():
    from triage.engine.filters import first_person, our_roles

    said = "our COO will lead and call you himself"
    assert first_person(said, "Ravi Menon, COO") == "I will lead and call you myself"
    assert first_person(said, "Ravi Menon") == said, "the signer's job unknown: as typed"
    assert our_roles(first_person(said, "Ravi Menon")) == ["our COO"]
    assert our_roles("our data protection lead checks it; our team replies") == []
    assert first_person(
        "a call with our head of partnerships", "Jo Bloggs, Head of Partnerships"
    ) == ("a call with me")


@pytest.mark.parametrize(
    ("text", "words", "shown"),
    [
        ("Send the summary within a working day", 18, "Send the summary within a working day"),
        (
            "Gather the documents: the signed contract or terms; amendments, change requests, "
            "side letters; emails and letters about the issue; invoices, credit notes",
            12,
            "Gather the documents: the signed contract or terms; amendments, change requests…",
        ),
        (
            "Write one page on where the readings differ (we say the change was valid; they say "
            "it was signed without authority, so it is still in the price), and our proposal",
            18,
            "Write one page on where the readings differ…",
        ),
        (
            "If it is not settled by 11 December 2026, take it to level 3 with this plan and "
            "the decision ledger as well",
            14,
            "If it is not settled by 11 December 2026, take it to level 3…",
        ),
        ("Tell Prof. Mehra we called twice. Nobody answered us at all then or later on", 6,
         "Tell Prof. Mehra we called twice…"),
    ],
)  # fmt: skip
def test_a_long_action_is_shortened_where_the_text_allows(text, words, shown):
    from triage.engine.filters import brief

    assert brief(text, words) == shown


def test_a_long_account_keeps_how_it_began_and_where_it_stands():
    from triage.engine.filters import brief

    story = "It began in March. " + "Then more happened. " * 30 + "Now they refuse to pay."
    short = brief(story, 10, last=8)
    assert short.startswith("It began in March") and short.endswith("Now they refuse to pay.")
    assert "…" in short and len(short.split()) <= 18


def test_a_name_with_a_note_or_a_forged_address_stays_one_sender():
    """The sender's name is a display name, whatever was typed: brackets, quotes, commas, angle
    brackets and line breaks never add an address or a header."""
    typed = 'Dan "the man" Fry, Head of Sales (x) <eve@evil.example>\r\nBcc: eve@evil.example'
    raw = email_message("S", "Jo <jo@client.example>", "B", f"{typed} <dan@us.example>")
    message = message_from_bytes(raw, policy=default_policy)
    assert [a.addr_spec for a in message["From"].addresses] == ["dan@us.example"]
    assert message["Bcc"] is None and b"\r\nBcc:" not in raw
