"""Nothing injected: hostile answers are stored exactly, but cannot forge headers, paths or formulas."""

from __future__ import annotations

import csv
import email
import email.policy
import io
from pathlib import Path

import pytest

from triage.engine.case import load_case
from triage.engine.library import cases_dir
from triage.engine.playbook import load_playbook
from triage.engine.session import Session

HOSTILE_TEXT = [
    "Acme\r\nBcc: evil@attacker.example",
    "Acme\nSubject: forged\n\nbody",
    "Acme\rTo: evil@attacker.example",
    "[bold red]Acme[/] [link=https://attacker.example]click[/link]",
    "\x1b[2J\x1b[31mAcme\x1b[0m\x1b]8;;https://attacker.example\x07x\x1b]8;;\x07",
    "Ac\x00me",
    "\u202eemaN\u202c Acme \u2066x\u2069",
    '=HYPERLINK("https://attacker.example","Acme")',
    "A" * 100_000,
    "../../etc/x",
    "/etc/passwd",
    "..\\..\\windows\\x",
    "=cmd|' /C calc'!A0",
]


@pytest.fixture
def mini(good: Path):
    return load_playbook(good / "mini.toml")


def _session(mini, counterparty: str) -> Session:
    session = Session.start(mini)
    session.answer("counterparty", counterparty)
    session.answer("their_email", "jo@acme.example")
    session.answer("alternatives", "easy")
    session.answer("trust_level", 2)
    return session


@pytest.mark.parametrize(
    "text",
    HOSTILE_TEXT,
    ids=range(len(HOSTILE_TEXT)),
)
def test_hostile_text_is_stored_exactly_as_typed(mini, text: str):
    session = _session(mini, text)
    session.answer("breach_alleged", True)
    assert session.path is not None
    case = load_case(session.path)
    assert case.answers["counterparty"] == text
    assert Session.resume(session.path).value("counterparty") == text


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_the_case_folder_stays_inside_triage_home(mini, text: str):
    session = _session(mini, text)
    assert session.folder is not None
    folder = session.folder.resolve()
    assert folder.parent == cases_dir().resolve()
    assert folder.name.isascii() and "/" not in folder.name and "\\" not in folder.name
    assert not folder.name.startswith(".")


ALLOWED_HEADERS = {
    "subject",
    "to",
    "x-unsent",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
}


def _headers(message: email.message.EmailMessage) -> dict[str, str]:
    return {k.lower(): str(v) for k, v in message.items()}


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_no_answer_can_add_an_email_header_or_a_line(mini, text: str):
    session = _session(mini, text)
    raw = session.outputs()["reset-email.eml"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert set(_headers(message)) <= ALLOWED_HEADERS
    for name, value in message.items():
        assert "\n" not in str(value) and "\r" not in str(value) and "\x00" not in str(value)
        assert "\u202e" not in str(value), name
    head = raw.split(b"\r\n\r\n", 1)[0].decode("utf-8")
    for line in head.split("\r\n"):
        if not line[:1].isspace():  # a header of its own, not a folded continuation
            assert line.split(":", 1)[0].lower() in ALLOWED_HEADERS, line
    assert len(message.get_all("subject")) == 1
    assert len(message.get_all("to") or []) <= 1


@pytest.mark.parametrize(
    "text",
    ["evil@attacker.example", "Acme\r\nBcc: evil@attacker.example", "x <evil@attacker.example>, "],
)
def test_a_counterparty_name_cannot_change_the_recipient(mini, text: str):
    session = _session(mini, text)
    message = email.message_from_bytes(
        session.outputs()["reset-email.eml"], policy=email.policy.default
    )
    assert [a.addr_spec for a in message["To"].addresses] == ["jo@acme.example"]


FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']


def test_csv_cells_cannot_start_a_formula(mini):
    session = _session(mini, "=Acme")
    rows = [{"what": f, "owner": f, "due": "2026-04-01"} for f in FORMULAS]
    session.answer("agreed_actions", rows)
    data = session.outputs()["actions.csv"].decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(data, newline="")))
    assert parsed[0] == ["action", "owner", "due", "status", "audience"]
    cells = [cell for row in parsed[1:] for cell in row]
    assert len(parsed) == 1 + 1 + len(FORMULAS)  # the reset-email action and ours
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    ours = [row[0] for row in parsed[1:] if not row[0].startswith("Send the reset email")]
    assert ours == ["'" + f for f in FORMULAS]  # rows are sorted by date: ours share one


def test_rich_markup_and_escapes_reach_the_plan_as_plain_text(mini):
    text = "[bold]Acme[/bold] \x1b[31m"
    session = _session(mini, text)
    plan = session.outputs()["plan.md"].decode("utf-8")
    assert "[bold]Acme[/bold]" in plan or "Acme" in plan


@pytest.mark.parametrize("text", ["@x y", "@[", "a@@b", "x <a@b>"])
def test_a_counterparty_that_looks_like_half_an_address_still_renders(mini, text: str):
    session = _session(mini, text)
    message = email.message_from_bytes(
        session.outputs()["reset-email.eml"], policy=email.policy.default
    )
    assert message["Subject"]


@pytest.mark.parametrize("to", ["@0", "jo@acme..com"])
def test_a_malformed_address_leaves_the_draft_without_a_recipient(to: str):
    from triage.engine.render import email_message

    message = email.message_from_bytes(
        email_message("Subject", to, "Body"), policy=email.policy.default
    )
    assert message["To"] is None
