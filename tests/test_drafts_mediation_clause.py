"""Kind: contract-named mediation details replaced by generic text.

When a clause names mediation, with the body or rules to use, the email and the proposal say
so: the clause, the body ("Resolution Institute", "SCC Mediation Rules"), the step as the
contract's (not "voluntary"), lawyers at the table when the attendees include them, and a day
in person rather than a generic half day with a trade-association panel.
"""

from __future__ import annotations

from drafts_cases import flat, render

from triage.engine.filters import clause_ref, mediation_body


def test_the_clause_and_its_body_are_named_in_the_email_and_the_proposal(tmp_path, monkeypatch):
    texts = render(
        "contract-terms-dispute--brisbane-design-variations-mediation-clause", tmp_path, monkeypatch
    )
    assert "clause 36 of our agreement" in texts["email"], texts["email"]
    assert "Resolution Institute" in texts["email"], texts["email"]
    proposal = flat(texts["mediation-proposal.md"])
    assert "Resolution Institute" in proposal, proposal
    assert "trade association" not in proposal, proposal
    # Their DD and both lawyers attend: advisers are at the table, not in the background.
    assert "in the background" not in proposal and "lawyer to the table" in proposal, proposal


def test_a_contract_step_is_not_called_voluntary(tmp_path, monkeypatch):
    texts = render("salvage-relationship--gothenburg-wms-upgrade-deadlock", tmp_path, monkeypatch)
    proposal = flat(texts["mediation-proposal.md"])
    assert "voluntary" not in proposal, proposal
    assert "SCC Mediation Rules" in proposal and "clause 24" in proposal, proposal
    assert "a full day, in person" in proposal, proposal
    assert "authority to settle" in proposal, proposal
    assert "SCC Mediation Rules" in texts["email"], texts["email"]


def test_clause_filters_read_the_reference_and_the_body():
    assert clause_ref("cl. 36 Dispute resolution") == "clause 36"
    assert clause_ref("Agreement cl. 24") == "clause 24"
    assert clause_ref("§14") == "§14"
    assert mediation_body("then mediation (SCC Mediation Rules), then arbitration") == (
        "SCC Mediation Rules"
    )
    assert mediation_body("then mediation under the bfa scheme, before court") == "bfa scheme"
    assert mediation_body("then mediation, then courts") == ""
