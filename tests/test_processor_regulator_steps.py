"""When we process their data, the report to the regulator is theirs to make as controller: the
tracker helps them make it and never has us answering the regulator, nor a reply "to their
solicitors" for a date the regulator set. Where we are the controller, the answer stays ours."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from test_reader_needs import SATURDAY, drafts, example

# (example, what we process for them, their deadline)
PROCESSORS = [
    (
        "client-communication-breakdown/loyalty-app-regulator-inquiry",
        "We run their loyalty app as processor under the data processing agreement.",
        dt.date(2026, 12, 16),
    ),
    (
        "contract-terms-dispute/supplier-owned-data-slip",
        "Nous sommes sous-traitant au sens du RGPD pour leurs fichiers clients.",
        dt.date(2026, 12, 14),
    ),
    (
        "partner-dispute/director-heated-email",
        "Under the processing agreement we host the shared lead list for them.",
        dt.date(2026, 12, 17),
    ),
    (
        "salvage-relationship/small-account-exit",
        "We are their processor (Auftragsverarbeitung) for the mailing list.",
        dt.date(2026, 12, 15),
    ),
]


def _variant(name: str, note: str, deadline: dt.date, lawyers: bool = True) -> dict:
    answers = example(name)
    flags = {"data_breach", "regulator", "deadline"} | (
        {"lawyers", "threats"} if lawyers else set()
    )
    answers["red_flags"] = sorted(set(answers.get("red_flags") or []) | flags)
    if lawyers:
        answers["lawyers_side"] = "both"
    answers.update(
        regulator_told=True,
        breach_where="ours",
        notice_deadline=deadline,
        deadline_kind="regulator",
        formal_from="them",
        what_happened=f"{answers.get('what_happened') or ''} {note} Their DPO notified the "
        "regulator, which wants their follow-up report by the date below.",
    )
    return answers


def _tracker(name: str, answers: dict, tmp_path, monkeypatch) -> list[list[str]]:
    texts = drafts(name.split("/")[0], answers, tmp_path, monkeypatch, SATURDAY)
    return list(csv.reader(io.StringIO(texts["actions.csv"])))[1:]


@pytest.mark.parametrize(("name", "note", "deadline"), PROCESSORS)
def test_a_processor_helps_the_controller_answer(name, note, deadline, tmp_path, monkeypatch):
    rows = _tracker(name, _variant(name, note, deadline), tmp_path, monkeypatch)
    text = "\n".join(r[0] for r in rows)
    assert "Send our answer to the regulator" not in text
    assert "is the only one who speaks to the regulator" not in text
    assert "formal reply to their solicitors" not in text
    give = [r for r in rows if "what their answer to the regulator needs" in r[0]]
    assert len(give) == 1 and give[0][2] < deadline.isoformat(), give
    assert "never write to the regulator around them" in give[0][0]


def test_our_own_report_to_them_is_that_step(tmp_path, monkeypatch):
    name, note, deadline = PROCESSORS[0]
    answers = _variant(name, note, deadline)
    typed = "Send the written incident report to their DPO, checked by counsel"
    answers["agreed_actions"] = [{"what": typed, "owner": "Hélène Roussel", "due": "2026-12-11"}]
    rows = _tracker(name, answers, tmp_path, monkeypatch)
    assert not [r for r in rows if "what their answer to the regulator needs" in r[0]], rows
    mine = [r for r in rows if r[0].startswith(typed)]
    assert len(mine) == 1 and mine[0][2] == "2026-12-11", mine
    # the controller's part is still said, on our own side
    assert [r for r in rows if r[0].startswith("Their report to the regulator is theirs")], rows


def test_as_controller_the_answer_to_the_regulator_is_ours(tmp_path, monkeypatch):
    name, _, deadline = PROCESSORS[0]
    answers = _variant(name, "The records are our own customer list.", deadline, lawyers=False)
    rows = _tracker(name, answers, tmp_path, monkeypatch)
    assert [r for r in rows if r[0].startswith("Send our answer to the regulator by")], rows
