"""The exchange the opening line apologised for is not apologised for again.

Blind round 34: the CEO typed as the first thing to say "Greg Halvorsen's email of 23
November was unacceptable, and I am sorry for it", and the listed mistake was "our
engineering director's email of 23 November was personal and insulting". The email said
sorry for the same email twice, in two paragraphs. The same dated exchange (the day and the
kind of message) is the same thing, whoever is named.
"""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters import same_event

CASE = "salvage-relationship/chief-executive-heated"


def test_the_same_dated_email_is_one_event():
    assert same_event(
        "our engineering director's email of 23 November was personal and insulting",
        "Greg Halvorsen's email of 23 November was unacceptable, and I am sorry for it.",
    )
    assert same_event("the call on 2 Dec", "I am sorry for our call of 2 December")
    assert not same_event("our email of 23 November", "our call of 23 November")
    assert not same_event("our email of 23 November", "our email of 24 November")


def test_one_sorry_for_the_email_the_opening_line_owned(tmp_path, monkeypatch):
    answers = example(CASE)
    answers["our_mistakes"] = [
        {"mistake": "our email of 22 November to your CEO was personal and wrong to send",
         "fix": "Chloe Haddad leads the account from now on"},
        {"mistake": "our studio fell behind on the summer campaign",
         "fix": "a shared production schedule with weekly checkpoints"},
    ]  # fmt: skip
    answers["say_first"] = (
        "Gareth's email of 22 November to your CEO was wrong, and I am sorry for it."
    )
    email = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "email of 22 November" in email
    assert email.count("22 November") == 1, email
    assert "I will lead" in email  # the fix still said, in the signer's voice
    # Without the apology in the opening line, the listed mistake is still apologised for.
    answers["say_first"] = "The summer campaign is back on schedule from Monday."
    email = drafts("salvage-relationship", answers, tmp_path, monkeypatch, SATURDAY)[
        "reset-email.eml"
    ]
    assert "sorry" in email.lower() and "22 November" in email
