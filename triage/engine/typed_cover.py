"""The manager's own step stands for the playbook's step that does the same thing.

One commitment, one row, one date: when the manager typed "Pay Q3 revenue share EUR 18,400"
for 11 December, the playbook's "Pay them in full what we owe (€18,400)" on 7 December is the
same payment, and two dates for it would leave the tracker, the calendar and the drafts at
odds. The typed row keeps its words, owner and date; what the playbook's step adds on how to
do it (its guidance, after the task) follows the typed words, so nothing the plan advises is
lost. Each kind of step that can be covered is one entry of ``COVERS``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from triage.engine.filters import as_date
from triage.engine.filters.notes import typed_call


@dataclass(frozen=True)
class Cover:
    """A playbook step (by id) that a typed step can stand for.

    ``covers(template_text, typed_text, ctx)`` says whether the typed step is the same act;
    ``guidance(template_text)`` is what of the playbook's words follows the typed ones;
    ``days`` is how many days after the playbook's date the typed one may fall.
    """

    ids: frozenset[str]
    covers: Callable[[str, str, dict[str, Any]], bool]
    guidance: Callable[[str], str]
    days: int


# A payment in the manager's words: "Pay Q3 revenue share", "refund the EUR 480", "transfer".
_PAYS = re.compile(r"\b(?:pay|pays|paid|payment|refund|refunds|transfer|transfers|settle)\b", re.I)
# The sum a step names, in figures: "18,400", "18 400", "18.400", "480".
_SUM = re.compile(r"\d[\d,.\u202f\u00a0 ]*\d|\d")


def _sums(text: str) -> set[int]:
    """The whole amounts written in figures in ``text`` (separators dropped, decimals cut)."""
    found: set[int] = set()
    for match in _SUM.finditer(text):
        raw = re.sub(r"[.,]\d{2}$", "", match.group(0).strip())  # 480.00 is 480
        digits = re.sub(r"\D", "", raw)
        if digits and len(digits) < 13:
            found.add(int(digits))
    return {n for n in found if n >= 10}  # not a clause's "2" or a day's "7"


def _pays_same(template: str, typed: str, ctx: dict[str, Any]) -> bool:
    """The typed step pays a sum the playbook's payment step names."""
    owed = re.search(r"what we owe \(([^)]*)\)", template)
    return bool(owed and _PAYS.search(typed) and _sums(owed.group(1)) & _sums(typed))


def _calls_them(template: str, typed: str, ctx: dict[str, Any]) -> bool:
    """The typed step is a call or a visit to their contact (or their company)."""
    names = [ctx.get(k) for k in ("their_contact", "their_spoc", "their_greeting", "counterparty")]
    return typed_call([{"what": typed, "due": "2000-01-01"}], [n for n in names if n]) is not None


# A report the manager typed as going to them: "Send written incident report to their DPO".
_REPORT_TO_THEM = re.compile(
    r"\b(?:send|sends|give|gives|deliver|delivers|share|shares)\b[^.;]*\breport\b", re.I
)


def _report_to_them(template: str, typed: str, ctx: dict[str, Any]) -> bool:
    """We process their data and the typed step sends them our report: it is what their
    answer to the regulator needs."""
    return bool(ctx.get("we_process")) and bool(_REPORT_TO_THEM.search(typed))


def _after_first_sentence(text: str) -> str:
    """A step's words after its task: "Phone X before …. Open by apologising …" gives the
    second part."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _last_clause(text: str) -> str:
    """The closing rule of a step's words: "…, before the meeting; what we owe is paid, never
    traded against the terms of the end" gives the part after the last semicolon."""
    return text.rsplit("; ", 1)[1].strip() if "; " in text else ""


COVERS: tuple[Cover, ...] = (
    # the money we owe on an exit, paid on the manager's own day
    Cover(frozenset({"decide-still-open-exit"}), _pays_same, _last_clause, days=60),
    # the first call after our own side's heat, made on the call the manager planned
    Cover(frozenset({"first-call-after-the-heat"}), _calls_them, _after_first_sentence, days=7),
    # our report for their answer to the regulator, sent on the manager's day, never later
    Cover(frozenset({"send-answer-regulator-working"}), _report_to_them, _after_first_sentence, 0),
)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".;")
    return (text[:1].upper() + text[1:]) if text else ""


def typed_steps_stand(rows: list[dict[str, Any]], ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows with each playbook step that one of the manager's typed steps already does
    left out, and its guidance added to the typed step's words (once) when that step stays on
    our own side."""
    dropped: set[int] = set()
    for index, row in enumerate(rows):
        cover = next((c for c in COVERS if row.get("id") in c.ids), None)
        if cover is None or row.get("mine"):
            continue
        due = as_date(row.get("due"))
        for typed in rows:
            day = as_date(typed.get("due"))
            if not typed.get("mine") or day is None or due is None:
                continue
            if day > due + dt.timedelta(days=cover.days):
                continue
            if not cover.covers(row["what"], str(typed.get("what") or ""), ctx):
                continue
            dropped.add(index)
            # our own advice on how to do it stays off a row the other side may be sent
            extra = "" if typed.get("shared") else _sentence(cover.guidance(row["what"]))
            if extra and extra.lower() not in typed["what"].lower():
                typed["what"] = f"{typed['what'].rstrip(' .;')}. {extra}"
            break
    return [row for index, row in enumerate(rows) if index not in dropped]
