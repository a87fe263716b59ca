"""Clean sentences the tone check flagged on the thirty-second blind set, fixed by kind, each
with a twin in some of the same words that must still be flagged.

- Their people doing their job, confirmed or agreed by us ("We confirm your QC team rejected
  the batch because of the wrong labels"; "Your team will confirm which units to replace"),
  is not blame.
- "Good news" and our own people's "finally" ("our engineers have finally traced it") are
  not thanks with a sting.
"""

from __future__ import annotations

import pytest

from triage.engine.tone import check_text

CLEAN = [
    "We confirm your QC team rejected 2,000 pieces on 4 April because of the wrong care labels.",
    "We acknowledge that your inspectors found the seal missing on three crates.",
    "Your team will confirm which of the 14 damaged units you want replaced and which credited.",
    "Your buyer can choose the delivery week that suits the store best.",
    "Good news: after three days of digging, our engineers have finally traced the duplicate "
    "invoices to a timezone setting.",
    "Good news: after two weeks our lab has at last reproduced the fault.",
]
FLAGGED = [
    "Your QC team rejected the whole batch without even reading our test report.",
    "Your warehouse team lost the pallets again.",
    "Great to see your engineers finally turned up after five days.",
    "Thanks for finally sending the file, only three weeks late.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses_pass(text):
    assert check_text(text) == [], text


@pytest.mark.parametrize("text", FLAGGED)
def test_their_twins_are_still_flagged(text):
    assert check_text(text), text


def test_a_denied_admission_is_not_an_admission():
    assert check_text("Nothing in this email admits liability.") == []
    assert check_text("Nothing here admits liability for the delays.") == []
    assert check_text("We admit liability for the late deliveries.")
