"""What a manager's typed notes say, read so the advice can act on it: that the other side has
gone quiet (and whether our calls go unanswered too), and that our own formal letter has
already gone out. Rushed answer sets leave the lists of warning signs empty; the notes still
say it."""

from __future__ import annotations

import pytest

from triage.engine.filters import gone_quiet, notice_served, our_messages


@pytest.mark.parametrize(
    ("note", "quiet", "calls"),
    [
        ("no new orders since, calls not picked", True, True),
        ("radu stopped answering after 27 oct", True, False),
        ("she hasnt answered 2 emails since the price rise", True, False),
        ("we called twice, no answer", True, True),
        ("not picking up the phone since the audit", True, True),
        ("they've gone quiet", True, False),
        # Our own silence, or no silence at all, is not theirs.
        ("we did not reply for three days, sorry", False, False),
        ("our support did not respond over the weekend", False, False),
        ("their ops guy says cash is tight", False, False),
    ],
)
def test_a_note_that_they_have_gone_quiet_is_read(note, quiet, calls):
    assert gone_quiet(note) is quiet
    assert gone_quiet(note, calls=True) is calls


@pytest.mark.parametrize(
    ("note", "served"),
    [
        ("our lawyer sent letter of demand 27/11, 14 days", True),
        ("class cert issued 20/11, letter of demand 27/11", True),
        ("notice of termination served 1 Dec", True),
        ("we must serve notice by 11 dec", False),
        ("need to send the notice before the 11th", False),
        ("they sent us a notice of breach on 2 dec", False),
    ],
)
def test_a_note_that_our_formal_letter_has_gone_out_is_read(note, served):
    assert notice_served(note) is served


def test_who_said_what_keeps_our_side_and_drops_the_tags():
    note = "Ryan (their side) agreed 50/50 in Sept; our rep (our side) said it was never approved"
    assert our_messages(note) == "our rep said it was never approved"
    assert our_messages("newsletter (our side) said July, ticket (our side) said Jan") == (
        "newsletter said July, ticket said Jan"
    )
    assert our_messages("plain note with no tags") == "plain note with no tags"
