"""What the manager's own opening line already says sorry for is not listed again.

Blind round 35: a managing director typed as the first thing to say "We missed your
maintenance windows on 7 and 14 November, and the way our service manager spoke to your team
on 24 November was unacceptable. I am sorry for both." The email then said "We got this
wrong:" and listed the same two mistakes, with a second "I am sorry", at 261 words. A reseller
manager's opening apology for "the email you received from us on 19 November" was followed by
"our sales director's email of 19 November was insulting … I am sorry". Each thing is
apologised for once; what the opening line did not name is still owned.
"""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

from triage.engine.filters import apologised_in

OUTAGE = "client-communication-breakdown/outage-our-fault"


def test_an_opening_apology_covers_a_mistake_by_its_dates_and_words():
    opening = (
        "We cancelled your two pick-ups on 3 and 10 March, and the way our depot supervisor "
        "spoke to your driver on 12 March was unacceptable. I apologise for all of it."
    )
    assert apologised_in("we cancelled two pick-ups on 3 and 10 March without warning", opening)
    assert apologised_in(
        "our depot supervisor shouted at your driver at the gate on 12 March", opening
    )
    assert not apologised_in("our invoices for February double-charged the fuel levy", opening)
    # the same dates without an apology, or in a line that apologises for something else
    assert not apologised_in(
        "we cancelled two pick-ups on 3 and 10 March", "Our crews are back on 3 and 10 April."
    )
    assert not apologised_in(
        "we cancelled two pick-ups on 3 and 10 March",
        "I am sorry the new portal has been slow to load this month.",
    )


def _email(answers, tmp_path, monkeypatch, playbook="client-communication-breakdown"):
    return drafts(playbook, answers, tmp_path, monkeypatch, SATURDAY)["reset-email.eml"]


def test_the_list_keeps_only_what_the_opening_line_left_out(tmp_path, monkeypatch):
    answers = example(OUTAGE)
    answers["say_first"] = (
        "On 14 November we deployed an untested change during your busiest weekend and took "
        "your checkout down. I am sorry."
    )
    email = _email(answers, tmp_path, monkeypatch)
    assert email.count("untested change") == 1, email
    assert "We also got these wrong" in email or "We also got this wrong" in email, email
    assert "nobody senior called you until the monday" in email.lower(), email
    assert "I am sorry for those too" in email, email
    # without the opening line, the list names the deployment as before
    answers.pop("say_first")
    email = _email(answers, tmp_path, monkeypatch)
    assert "We got this wrong: we deployed an untested change" in email, email


def test_an_opening_line_that_owns_every_mistake_leaves_no_list(tmp_path, monkeypatch):
    answers = example(OUTAGE)
    answers["our_mistakes"] = [
        {"mistake": "our night shift shipped your 2 December order to the wrong warehouse",
         "fix": "a second scan at the dock door"},
    ]  # fmt: skip
    answers["say_first"] = (
        "Our night shift sent your 2 December order to the wrong warehouse, and I am sorry."
    )
    email = _email(answers, tmp_path, monkeypatch)
    assert email.count("wrong warehouse") == 1, email
    assert "We got this wrong" not in email and "We also got" not in email, email
