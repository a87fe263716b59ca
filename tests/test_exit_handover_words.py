"""An exit letter names what is handed over in words that fit any relationship.

Blind round 34: the exit letters to a coffee-machine service client and to a reseller asked
to agree "how the work in progress is handed over", which reads as a project's. The letter
and the shared "agree the end" step now say "anything still in progress".
"""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example


def test_a_reseller_exit_hands_over_customers_and_anything_in_progress(tmp_path, monkeypatch):
    answers = example("partner-dispute/reseller-exit-six-months-notice")
    texts = drafts("partner-dispute", answers, tmp_path, monkeypatch, SATURDAY)
    email = texts["reset-email.eml"]
    assert "work in progress" not in email
    assert "anything still in progress are handed over" in email
    assert "work in progress" not in texts["actions.csv"]
