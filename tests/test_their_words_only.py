"""When the heated words were theirs, our first call does not apologise for them.

Blind round 34: at a meeting their MD said we were "invoicing our own mistakes" and our MD
took it personally; the manager marked the heat as coming from both sides, at the top. The
plan's first action told our lead to open "by apologising for the tone of our chief
executive's remark". Our side said nothing to apologise for; the call acknowledges hard
words on both sides and says who leads now.
"""

from __future__ import annotations

from test_reader_needs import SATURDAY, drafts, example

CASE = "client-communication-breakdown/our-director-argued-on-site"


def _call(answers, tmp_path, monkeypatch) -> str:
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    calls = [
        line for line in texts["actions.csv"].splitlines() if "before anything more goes" in line
    ]
    assert calls, texts["actions.csv"]
    return calls[0]


def test_their_remark_is_not_ours_to_apologise_for(tmp_path, monkeypatch):
    answers = example(CASE) | {
        "heat_source": "both",
        "heat_who": "top",
        "tone_shift": "At the site review on 12 November their operations director said our "
        "engineers were 'tourists with laptops'. Our CEO took it very badly and wants to stop "
        "the work.",
    }
    call = _call(answers, tmp_path, monkeypatch)
    assert "apologising for the tone of our chief executive" not in call
    assert "hard words were said on both sides" in call
    assert "personal note from the person who" not in call


def test_our_own_remark_is_still_apologised_for(tmp_path, monkeypatch):
    answers = example(CASE) | {
        "heat_source": "both",
        "heat_who": "top",
        "tone_shift": "At the site review our CEO told their operations director that her "
        "team were amateurs; she answered that we were overcharging.",
    }
    call = _call(answers, tmp_path, monkeypatch)
    assert "apologising for the tone of our chief executive’s remark" in call
