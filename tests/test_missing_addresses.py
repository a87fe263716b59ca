"""Kind: a draft with no address typed for it.

The .eml is still a draft every mail client opens: the header is left out (never "None", never a
placeholder that could be sent), and the outputs step says which draft lacks which address and
what fills it in.
"""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from test_cli import triage

from triage.engine.addresses import missing_addresses

CEBU = (
    Path(__file__).parent
    / "fixtures"
    / "drafts"
    / "partner-dispute--cebu-referral-commission-notes.toml"
)


def test_a_draft_with_no_address_typed_opens_and_the_user_is_told_which_is_missing(tmp_path):
    out = tmp_path / "out"
    result = triage(
        "run", "partner-dispute", "--answers", str(CEBU), "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = (out / "reset-email.eml").read_bytes()
    assert b"None" not in data
    message = message_from_bytes(data, policy=default_policy)
    assert message["From"] is None and message["To"] is None
    assert message["X-Unsent"] == "1" and message["Subject"]
    assert message.get_body(preferencelist=("plain",)).get_content().startswith("Dear Marco,")
    assert "reset-email.eml has no To address" in result.stdout, result.stdout
    assert "reset-email.eml has no From address" in result.stdout, result.stdout


def test_only_the_missing_address_is_named():
    draft = b"Subject: Hi\r\nFrom: A <a@example.com>\r\nX-Unsent: 1\r\n\r\nBody\r\n"
    notes = missing_addresses({"reset-email.eml": draft, "plan.md": b"# Plan"})
    assert len(notes) == 1 and "no To address" in notes[0], notes
    full = b"Subject: Hi\r\nFrom: a@example.com\r\nTo: b@example.com\r\n\r\nBody\r\n"
    assert missing_addresses({"x.eml": full}) == []
