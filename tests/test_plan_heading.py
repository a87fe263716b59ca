"""The plan's heading names the company as it is written: "S.A.", "Inc.", "Co., Ltd." keep
their final full stop, in brackets at the end, so the heading itself does not end in one
(Markdown linters reject a heading that ends in a full stop)."""

from __future__ import annotations

import pytest
from test_reader_needs import SATURDAY, drafts


@pytest.mark.parametrize(
    "company", ["Zielony Koszyk S.A.", "Mactan Harbor Contact Solutions, Inc.", "Sunwoo Co., Ltd."]
)
def test_the_heading_keeps_the_companys_final_full_stop(company, tmp_path, monkeypatch):
    answers = {
        "counterparty": company,
        "issue_title": "The November payslip files",
        "what_happened": "A shared link to their payslip files stayed open for a day.",
    }
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert texts["plan.md"].splitlines()[0] == f"# The November payslip files ({company})"
    # Without a title, the name still keeps its full stop and the heading does not end in one.
    del answers["issue_title"]
    texts = drafts("client-communication-breakdown", answers, tmp_path, monkeypatch, SATURDAY)
    assert texts["plan.md"].splitlines()[0] == f"# Plan ({company})"
