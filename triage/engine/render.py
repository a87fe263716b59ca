"""Turn a case into its outputs: plan, reset email, action tracker and more.

Rendering is a pure function of the playbook, the case and its evaluation:
the same inputs give the same bytes, which is what the golden tests rely on.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from triage.engine import calendar, eml, holidays, sandbox, tracking
from triage.engine.answers import as_text, is_empty
from triage.engine.case import Case
from triage.engine.errors import TriageError
from triage.engine.evaluate import Evaluation, evaluate, route_view, work_out_facts
from triage.engine.filters import as_date, markdown_inline, next_working_day
from triage.engine.filters.commitments import gives_reader
from triage.engine.filters.dates import on_day
from triage.engine.filters.deadlines import by_source, deadline_source
from triage.engine.filters.needs import reader_needs
from triage.engine.model import ActionSpec, Fact, OutputSpec, Playbook
from triage.engine.typed_cover import typed_steps_stand

ACTIONS_FILE = "actions.csv"
_ANGLE = re.compile(r"^(.*)<([^<>]*)>\s*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


class RenderError(TriageError):
    """A template failed while rendering; the message names the output."""


def context(playbook: Playbook, case: Case, evaluation: Evaluation) -> dict[str, Any]:
    """Everything templates may read; see docs/playbook-format.md."""
    questions = playbook.questions
    values = evaluation.values
    ctx: dict[str, Any] = dict(values)
    ctx["labels"] = {qid: _label(q, values.get(qid)) for qid, q in questions.items()}
    ctx["scores"] = {name: s.known for name, s in evaluation.scores.items()}
    ctx["bands"] = {
        name: {
            "label": s.band,
            "advice": s.advice,
            "score": s.value,
            "title": s.label,
            "drivers": [{"points": d.points, "reason": d.reason} for d in s.drivers],
        }
        for name, s in evaluation.scores.items()
    }
    ctx["route"] = route_view(playbook, evaluation.route)
    _escalated(playbook, case, ctx["route"])
    ctx["case"] = {
        "id": case.id,
        "created": case.date,
        "playbook": playbook.id,
        "playbook_title": playbook.title,
        "playbook_version": playbook.version,
    }
    ctx["today"] = case.date
    ctx["tight"] = False  # true only when a file ran over its word budget (`words`)
    acted_on = action_names(tuple(playbook.actions), playbook.facts) | _address_reads(playbook)
    ctx["stages"] = [
        {
            "id": s.stage.id,
            "title": s.stage.title,
            "questions": [
                {
                    "id": q.question.id,
                    "prompt": q.question.prompt,
                    "kind": q.question.kind,
                    "answer": q.value,
                    "text": as_text(q.question, q.value),
                    "in_actions": q.question.id in acted_on,
                }
                for q in s.questions
                if q.applies
            ],
        }
        for s in evaluation.stages
        if s.applies
    ]
    ctx["levels"] = [
        {"level": lv.level, "name": lv.name, "who": lv.who, "decides": lv.decides}
        for lv in playbook.levels
    ]
    ctx["playbook"] = {
        "id": playbook.id,
        "title": playbook.title,
        "summary": playbook.summary,
        "version": playbook.version,
    }
    ctx.update(evaluation.facts)
    ctx["days_off"] = days_off(playbook, ctx)
    # Where the notice deadline comes from (the contract, the law, a regulator, their letter),
    # so that every text names it by its source.
    ctx["deadline_source"] = deadline_source(ctx)
    work_out_facts(playbook, ctx, late=True)
    ctx["actions"] = actions(playbook, case, evaluation, ctx)
    ctx["reader_needs"] = _reader_needs(ctx)
    _in_the_case_words(ctx)
    ctx["ledger"] = [
        {"at": e.at, "event": e.event, "detail": e.detail, "who": e.who, "version": e.version}
        for e in case.ledger
    ]
    ctx["retired_answers"] = [  # kept from an earlier version of the playbook, and shown
        {"id": qid, "text": _retired_text(value)}
        for qid, value in case.answers.items()
        if qid not in questions and value not in (None, "", [], {})
    ]
    return ctx


def days_off(playbook: Playbook, ctx: dict[str, Any]) -> list[dt.date]:
    """The weekdays that are not working days, from the playbook's ``days_off``: the public
    holidays of the calendars it names, and the dates it gives, from a year before the
    case's date to three years after it, in date order."""
    if playbook.days_off is None:
        return []
    try:
        value = sandbox.evaluate(playbook.days_off, ctx)
    except sandbox.ExpressionError as exc:
        raise RenderError(f"days_off: {exc}.") from None
    year = ctx["today"].year
    found: set[dt.date] = set()
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        if item is None or item is False or item == "":
            continue
        if isinstance(item, dict):
            item = item.get("date")
            if item is None or item == "":
                continue
        if isinstance(item, list | tuple | set | frozenset):
            pending += list(item)
            continue
        day = as_date(item)
        if day is not None:
            found.add(day)
        elif isinstance(item, str) and item in holidays.CALENDARS:
            for each in range(year - 1, year + 4):
                found |= holidays.public_holidays(item, each)
        else:
            known = ", ".join(holidays.CALENDARS)
            raise RenderError(
                f"days_off gives {item!r}, which is neither a date nor one of the public-holiday "
                f"calendars ({known})."
            )
    return sorted(d for d in found if d.weekday() < 5)


def _reader_needs(ctx: dict[str, Any]) -> dict[str, Any]:
    """What the drafts must tell their reader, from the answers (see ``filters.needs``), and
    the day we promise our answer to what they asked: within three working days, and before
    the first meeting offered when there is one."""
    needs = reader_needs(ctx)
    # Only the email to a business person while lawyers are near states our facts
    # (``facts_only``): the check is loaded for that case alone, so a run with no such email,
    # or one whose findings are kept from a run before, does not load it.
    flags = {str(f) for f in (ctx.get("red_flags") or []) if isinstance(f, str)}
    lawyers_near = bool(
        flags & {"lawyers", "letter_of_claim", "proceedings", "termination_notice"}
        or ctx.get("lawyers_side")
        or ctx.get("lawyer_consulted")
        or ctx.get("their_solicitors")
        or ctx.get("counsel_on")
    )
    if needs["mistakes"] and lawyers_near and ctx.get("fault") in ("mostly_us", "both"):
        # Whether the tone check reads a mistake as blame or an admission ("we told you ..."):
        # read here, outside the template's time limit, for ``facts_only`` to leave it out.
        from triage.engine.tone_check import check_text

        for mistake in needs["mistakes"]:
            mistake["flagged"] = bool(check_text(mistake["mistake"]))
    today = ctx["today"]
    off = frozenset(ctx.get("days_off") or ())
    soon = next_working_day(today + dt.timedelta(days=1), off)
    by = soon
    for _ in range(2):  # three working days from today
        by = next_working_day(by + dt.timedelta(days=1), off)
    first = as_date(ctx.get("first_slot"))
    if first is not None:
        before = first - dt.timedelta(days=1)
        while before.weekday() >= 5 or before in off:
            before -= dt.timedelta(days=1)
        by = max(soon, min(by, before))
    needs["answer_by"] = by
    return needs


def _in_the_case_words(ctx: dict[str, Any]) -> None:
    """The route's reasons as this case reads them: "today" names the first working day when
    the plan is written on a weekend or a day off ("call them today" on a Saturday reads "call
    them on Monday", as its first step is dated), and a deadline is named by its source."""
    route = ctx.get("route")
    if not isinstance(route, dict):
        return
    today = ctx["today"]
    first = next_working_day(today, frozenset(ctx.get("days_off") or ()))
    deadline = as_date(ctx.get("notice_deadline"))
    flags = ctx.get("red_flags") or ()
    if (deadline is not None and today <= deadline <= first) or "data_breach" in flags:
        # A deadline that does not wait for Monday, or a breach whose reporting clock runs
        # over the weekend: "take legal advice today" means today.
        first = today
    source = str(ctx.get("deadline_source") or "")

    def words(text: Any) -> Any:
        return on_day(by_source(text, source), first, today) if isinstance(text, str) else text

    route["because"] = words(route.get("because"))
    route["level_reasons"] = [words(r) for r in route.get("level_reasons") or []]
    route["fired"] = [
        {**f, "because": words(f.get("because"))} if isinstance(f, dict) else f
        for f in route.get("fired") or []
    ]


def _retired_text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_retired_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_retired_text(v)}" for k, v in value.items())
    return str(value)


def _escalated(playbook: Playbook, case: Case, route: dict[str, Any]) -> None:
    """A level raised after an outcome (recorded with who and why) stands over the rules'."""
    wanted = case.escalated_level or 0  # already within the playbook's levels
    if not wanted or (route.get("level") or 0) >= wanted:
        return
    level = playbook.level(wanted)
    route.update(
        level=wanted,
        level_name=level.name if level else "",
        level_who=level.who if level else "",
        level_decides=level.decides if level else "",
        level_reasons=[
            *route.get("level_reasons", []),
            "Escalated after an outcome: see the ledger.",
        ],
    )


@functools.lru_cache(maxsize=16)
def action_names(specs: tuple[ActionSpec, ...], facts: tuple[Fact, ...] = ()) -> frozenset[str]:
    """The answers the action tracker reads, so a plan need not repeat them word for word.

    A fact the actions read counts as reading every name in its expression.
    """
    names: set[str] = set()
    for spec in specs:
        names |= sandbox.names_in(e for e in (spec.when, spec.due, spec.before) if e)
        for source in (spec.what, spec.owner):
            if source:
                names |= sandbox.template_reads(source).names
        if spec.source:
            names.add(spec.source)
    for fact in reversed(facts):  # a fact reads only facts above it
        if fact.name in names:
            names |= sandbox.names_in([fact.expr])
    return frozenset(names)


def _address_reads(playbook: Playbook) -> frozenset[str]:
    """The answers an email's address lines read (an address for its Cc line, say): they
    are used, so the plan does not list them among the notes that change nothing."""
    names: set[str] = set()
    for output in playbook.outputs:
        for source in (output.to, output.cc, output.sender):
            if source:
                names |= sandbox.template_reads(source).names
    return frozenset(names)


def _label(question: Any, value: Any) -> Any:
    if value is None:
        return None
    if question.kind == "multi":
        return [as_text(question, [v]) for v in value]
    return as_text(question, value)


def actions(
    playbook: Playbook, case: Case, evaluation: Evaluation, ctx: dict[str, Any]
) -> list[dict[str, Any]]:
    """The action tracker rows, sorted by due date (rows without one last), then by priority
    (high, normal, low) among rows due the same day, else in playbook order.

    A computed due date (``due``, else ``due_days``) on a Saturday, a Sunday or one of the
    playbook's days off moves to the next working day; a date typed in a list question's
    row is kept as typed.
    """
    rows: list[dict[str, Any]] = []
    off = frozenset(ctx.get("days_off") or ())
    first = next_working_day(case.date, off)  # the day "today" means in a step's words
    for index, spec in enumerate(playbook.actions):
        where = f"actions[{index}]"
        try:
            if not sandbox.holds(spec.when, ctx):
                continue
            if spec.source is not None:
                for row in evaluation.values.get(spec.source) or []:
                    shared = row.get("shared")
                    typed = _row(
                        row.get("what", ""),
                        row.get("owner", ""),
                        row.get("due"),
                        row.get("status"),
                        shared
                        if isinstance(shared, bool)
                        else spec.shared or gives_reader(row.get("what", "")),
                    )
                    typed["mine"] = True  # the manager's own step, typed in the answers
                    # its calendar event follows its place in the list, not its words
                    typed["uid"] = (
                        f"{spec.source}#{sum(1 for r in rows if str(r.get('uid', '')).startswith(spec.source + '#'))}"
                    )
                    typed["priority"] = spec.priority
                    typed["outward"] = _to_them(row.get("what"), ctx)
                    rows.append(typed)
                continue
            what = sandbox.render(spec.what, ctx).strip()
            owner = sandbox.render(spec.owner, ctx).strip() if spec.owner else ""
            moment = _moment(spec, ctx, where)
            due = _before(_due(spec, case, ctx, where, off), moment, case, off)
        except sandbox.ExpressionError as exc:
            raise RenderError(f"{where}: {exc}.") from None
        if what:
            # The words agree with the date and with the deadline's source: on a Saturday a
            # step dated Monday says "on Monday", not "today" (one kept on the Saturday, before
            # a deadline that does not wait, still says "today"); a reporting window set by
            # law is not called "the contractual deadline".
            day = due if due is not None and due < first else first
            what = on_day(by_source(what, str(ctx.get("deadline_source") or "")), day, case.date)
            row = _row(what, owner, due, None, spec.shared)
            row["priority"] = spec.priority
            row["outward"] = spec.outward
            row["id"] = spec.id
            # A step timed against a moment: our preparation for it, or the step towards them
            # that meets it (asking them to move their notice date).
            row["timed"] = moment is not None and moment >= case.date
            row["prepares"] = row["timed"] and not (spec.outward or spec.shared)
            taken = [r.get("key") for r in rows]
            # named by the action's id when it has one, so a reworded step keeps its calendar
            # event and its updates; updates saved under the digest of its words still apply
            row["key"] = tracking.action_key(spec.what, taken, spec.id)
            row["legacy_key"] = tracking.action_key(spec.what, [r.get("legacy_key") for r in rows])
            rows.append(row)
    rows = typed_steps_stand(_one_lawyer_briefing(rows), ctx)
    # A row nobody owns is the lead's: a tracker someone can run names who does each step.
    lead = str(ctx.get("lead") or "").strip()
    for row in rows:
        if not row["owner"].strip() and lead:
            row["owner"] = lead
    talk_first = ctx.get("route") != "legal"  # RouteView compares by its id
    return sorted(tracking.apply(rows, case), key=functools.partial(_by_due, talk_first=talk_first))


# A step that briefs or consults our own lawyer: "Brief our lawyer (mec. Joanna Sadowska) on
# DPA 9", "Lawyer checks the notice under 15.5", "Call counsel about the cure notice".
_LAWYER_BRIEF = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:brief|briefs|instruct|instructs|consult|consults|call|calls|phone|"
    r"phones|ask|asks|check with|checks with|email|emails)\s+(?:our\s+|the\s+|an?\s+)?"
    r"(?:external\s+|outside\s+|own\s+)?(?:lawyers?|counsel|solicitors?|attorneys?|advocates?|"
    r"legal\s+(?:team|adviser|advisor|counsel))\b|"
    r"^\W*(?:our\s+|the\s+)?(?:lawyers?|counsel|solicitors?|attorneys?)\b[^.;]{0,12}?\b"
    r"(?:checks?|reviews?|reads?|advises?|confirms?)\b",
    re.I,
)
# Our lawyer named by a lawyer's title or role ("Brief Maître Vautrin fully", "Instruct mec.
# Sadowska", "Brief Halldóra (lawyer) - advise only"): case-sensitive, so "call me back" is
# never a lawyer.
_LAWYER_NAMED = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?i:brief|briefs|instruct|instructs|consult|consults|call|calls|"
    r"phone|phones|email|emails|send|sends)\s+(?:"
    r"(?i:ma[iî]tre|me\.?|mec\.?|avv\.?|adv\.?|advocate|abogad[oa]|rechtsanw\w*|dr\.?\s+iur\.?)"
    r"\s+[A-ZÀ-Þ]|"
    r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?\s*\((?i:(?:our\s+)?(?:lawyer|counsel|solicitor|"
    r"attorney|abogad[oa]|avocat|advokat|rechtsanw\w*))\))"
)
# The playbook's own briefing of our lawyer, and its check of how to end a contract.
_OUR_BRIEFING = re.compile(
    r"^(?:Brief our lawyer\b|Before anyone tells .{1,80}?, check with our lawyer what the "
    r"contract requires)"
)


def _one_lawyer_briefing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The manager's own step that briefs our lawyer stands for the playbook's: one "brief
    our lawyer" row on the tracker, with the manager's owner, date and words. A typed step
    days later (a counsel review of the reply) leaves the early briefing in place."""
    typed = [
        day
        for r in rows
        if r.get("mine")
        and (
            _LAWYER_BRIEF.search(str(r.get("what") or ""))
            or _LAWYER_NAMED.search(str(r.get("what") or ""))
        )
        and (day := as_date(r.get("due"))) is not None
    ]

    def covered(row: dict[str, Any]) -> bool:
        due = as_date(row.get("due"))
        return due is not None and any(day <= due + dt.timedelta(days=1) for day in typed)

    return [
        r
        for r in rows
        if r.get("mine") or not (_OUR_BRIEFING.search(str(r["what"])) and covered(r))
    ]


def _to_them(what: Any, ctx: dict[str, Any]) -> bool:
    """Whether a step the manager typed goes to the other side: it names their contact
    ("incident report to Ilze", "Karin calls Ole Martin"). It stays on our own list unless
    its row says it is shared: the words are the manager's notes."""
    text = str(what or "")
    for said in (ctx.get("their_contact"), ctx.get("their_greeting")):
        names = [n for n in str(said or "").split() if len(n) > 2]
        if any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in names[:1] + names[-1:]):
            return True
    return False


def _due(
    spec: ActionSpec, case: Case, ctx: dict[str, Any], where: str, off: frozenset[dt.date]
) -> dt.date | None:
    """The due date of a standard action, never before the day the plan is written, moved to
    the next working day when it falls on a weekend or one of the days off (unless the action
    is marked ``any_day``: a clock that does not stop); None when nothing gives one."""
    day = None
    if spec.due is not None:
        try:
            value = sandbox.evaluate(spec.due, ctx)
        except sandbox.ExpressionError as exc:
            raise RenderError(f"{where}.due: {exc}.") from None
        if value is not None and value is not False and value != "":
            day = as_date(value)
            if day is None:
                shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                raise RenderError(
                    f"{where}.due gives {shown}, which is not a date: it must give a date, "
                    "'YYYY-MM-DD' text, or none to use due_days."
                )
    if day is None and spec.due_days is not None:
        day = case.date + dt.timedelta(days=spec.due_days)
    if day is not None and day < case.date:
        day = case.date  # a step worked out from a near date ("3 days before the meeting") is never already overdue
    if day is None or spec.any_day:
        return day
    rolled = next_working_day(day, off)
    deadline = as_date(ctx.get("notice_deadline"))
    timed = "deadline" in (spec.due or "")  # the step is timed against the case's deadline
    if timed and deadline is not None and day <= deadline <= rolled:
        # A deadline that falls on or before the next working day (a reporting window ending
        # on a Sunday or on the Monday) does not wait for Monday: the step timed against it
        # keeps its day, so it is never due on the deadline day itself.
        return day
    if (
        ctx.get("deadline_tight")
        and "deadline_tight" in (spec.due or "")
        and deadline is not None
        and day <= deadline
    ):
        # A report the law dates within two working days (a regulator's breach clock): the
        # step the playbook times by it (the email, read by our lawyer the day it is briefed)
        # goes the day it is due, weekend or not, so a meeting booked before the deadline stands.
        return day
    return rolled


def _moment(spec: ActionSpec, ctx: dict[str, Any], where: str) -> dt.date | None:
    """The moment an action's ``before`` names (the first meeting, their notice date), if any."""
    if spec.before is None:
        return None
    try:
        return as_date(sandbox.evaluate(spec.before, ctx))
    except sandbox.ExpressionError as exc:
        raise RenderError(f"{where}.before: {exc}.") from None


def _before(
    day: dt.date | None, moment: dt.date | None, case: Case, off: frozenset[dt.date]
) -> dt.date | None:
    """The due date brought forward to come before the action's ``before`` moment (the
    first meeting, their deadline): the last working day before it, or, when none is left
    after the case date, the last day before it, weekend or not (preparing for a Monday
    meeting is done by Sunday, not on the morning itself); the case date at the earliest."""
    if day is None or moment is None or moment < case.date or day < moment:
        return day
    earlier = moment - dt.timedelta(days=1)
    while earlier >= case.date and (earlier.weekday() >= 5 or earlier in off):
        earlier -= dt.timedelta(days=1)
    if earlier >= case.date:
        return earlier
    return max(case.date, moment - dt.timedelta(days=1))


_WEIGHT = {"high": 0, "normal": 1, "low": 2}


def _by_due(row: dict[str, Any], talk_first: bool = False) -> tuple[int, str, int, int]:
    """Due date first; among steps due the same day, the high-priority ones first, and of
    those, unless the matter is with lawyers (``talk_first`` false), our preparation for the
    meeting (a step with a ``before`` moment: the check with our legal or finance lead, the
    mandate) after the rest: the apology call leads, and the preparation follows it."""
    day = as_date(row["due"])
    weight = _WEIGHT.get(str(row.get("priority") or "normal"), 1)
    later = talk_first and weight == 0 and bool(row.get("prepares"))
    return (0, day.isoformat(), weight, int(later)) if day else (1, "", weight, int(later))


def _row(what: Any, owner: Any, due: Any, status: Any, shared: bool) -> dict[str, Any]:
    return {
        "what": str(what or ""),
        "owner": str(owner or ""),
        "due": due.isoformat() if isinstance(due, dt.date) else str(due or ""),
        "status": str(status or "open"),
        "audience": "shared" if shared else "internal",
        "shared": shared,
    }


ACTIONS_HEADER = ("action", "owner", "due", "status", "audience")


def actions_csv(rows: list[dict[str, Any]]) -> bytes:
    """The tracker as CSV with the header action,owner,due,status,audience; a row with no
    owner (no lead named) is the reader's own, "You".

    UTF-8 with a byte-order mark, so a spreadsheet opened with a double-click (Excel,
    LibreOffice) reads accented names correctly; Python reads it with ``utf-8-sig``, and
    pandas and duckdb skip the mark themselves. No cell can start a spreadsheet formula.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ACTIONS_HEADER)
    for row in rows:
        audience = row.get("audience") or ("shared" if row.get("shared") else "internal")
        writer.writerow(
            [
                _cell(row["what"]),
                _cell(row["owner"] or "You"),  # no lead named: the reader owns it
                _cell(row["due"]),
                _cell(row["status"]),
                _cell(audience),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def header_text(text: str) -> str:
    """One line of header text: no line breaks, controls or direction overrides."""
    return " ".join(_CONTROL.sub(" ", text).split())


def split_address(text: str) -> tuple[str, str]:
    """Split ``Name <addr>`` at its last angle brackets, whatever the name contains.

    The address is only ever what stands inside the final ``<...>``: a name typed
    by the user can never become, or add, a recipient.
    """
    found = _ANGLE.match(text)
    if found:
        return found.group(1).strip().strip('"').strip(), found.group(2).strip()
    if "@" not in text:  # no address at all (parseaddr finds none either)
        return "", ""
    if eml.address("", text) == text:  # a plain address alone: what parseaddr gives
        return "", text
    from email.utils import parseaddr

    _name, address = parseaddr(text)
    return ("", address) if "@" in address and "," not in text else ("", "")


@dataclass(frozen=True)
class EmailParts:
    """An email draft as rendered, before it is made into .eml bytes: what a preview shows."""

    subject: str
    to: str
    sender: str
    body: str
    cc: str = ""  # the person the plan says the email copies, when their address is known
    # Whom the plan says the email copies with no address typed for them: told to the user
    # when the outputs are written, never written into the body the other side reads.
    copy_names: str = ""
    # No signer was named: the sign-off is left with no name under it (never a bracket the
    # other side could receive), and the user is told when the outputs are written.
    unsigned: bool = False
    # Their lawyer the draft is written to, with no address typed for them: told to the user
    # when the outputs are written (their side asked that all contact go through them).
    to_name: str = ""
    # Their people the plan expected in copy, and why, when the draft copies none of them:
    # told to the user once (see ``copies``); nobody is added to Cc unless the answers say so.
    expected_copy: str = ""


# The template's line naming whom to copy without an address ("[Cc: Paul Hnatyshyn — add
# their address]"): taken out of the body, so that no note of ours reaches the other side.
_NO_SIGNER = re.compile(r"^\\?\[YOUR NAME\\?\]\n", re.M)
_COPY_LINE = re.compile(
    r"^\[Cc: (?P<names>[^\]\n]+?) — add (?:their|the) address(?:es)?\]\n(?:[ \t]*\n)?", re.M
)


# The template's line naming their lawyer as the addressee without an address ("[To: Hamish
# Doyle, their lawyer — add their address]"): taken out of the body like the copy line.
_TO_LINE = re.compile(r"^\[To: (?P<names>[^\]\n]+?) — add their address\]\n(?:[ \t]*\n)?", re.M)


def email_parts(subject: str, to: str, body: str, sender: str = "", cc: str = "") -> EmailParts:
    """An email's parts as its draft will carry them: a header-safe subject (never empty),
    the addresses as mail clients read them (left out when not usable), the body ending
    in a new line. Each of From, To and Cc holds one address at most: a name typed with
    commas, new lines or a second address can never add a recipient."""
    addresses = []
    for value in (sender, to, cc):
        name, address = split_address(header_text(value))
        shown = ""
        if address and "@" in address:
            shown = eml.address(header_text(name), address) or _address(name, address)
        addresses.append(shown)
    body = body.replace("\x00", "")
    copies = _COPY_LINE.search(body)
    if copies:
        body = body[: copies.start()] + body[copies.end() :]
    to_line = _TO_LINE.search(body)
    if to_line:
        body = body[: to_line.start()] + body[to_line.end() :]
    unsigned = _NO_SIGNER.search(body)
    if unsigned:
        body = body[: unsigned.start()] + body[unsigned.end() :]
    return EmailParts(
        header_text(subject) or "A way forward",
        addresses[1],
        addresses[0],
        body if body.endswith("\n") else body + "\n",
        addresses[2] if addresses[2] not in addresses[:2] else "",
        copies.group("names") if copies else "",
        bool(unsigned),
        to_line.group("names") if to_line and not addresses[1] else "",
    )


def email_message(subject: str, to: str, body: str, sender: str = "", cc: str = "") -> bytes:
    """A draft RFC 5322 message that mail clients open for editing."""
    return email_bytes(email_parts(subject, to, body, sender, cc))


def _address(name: str, address: str) -> str:
    """``Name <address>`` as mail clients read it, or '' for an address that is not usable
    (the draft is still written, without that header)."""
    from email.errors import MessageError
    from email.headerregistry import Address

    with contextlib.suppress(ValueError, IndexError, TypeError, MessageError):
        return str(Address(display_name=header_text(name), addr_spec=address))
    return ""


def email_bytes(parts: EmailParts) -> bytes:
    """An email draft as .eml bytes, marked unsent, with headers left unfolded."""
    headers = [("From", parts.sender), ("To", parts.to), ("Cc", parts.cc)]
    plain = eml.write(parts.subject, headers, parts.body)  # the email package's bytes
    if plain is not None:
        return plain
    from email.message import EmailMessage
    from email.policy import SMTP

    message = EmailMessage()
    message["Subject"] = parts.subject
    for header, value in (("From", parts.sender), ("To", parts.to), ("Cc", parts.cc)):
        if value:
            message[header] = value
    message["X-Unsent"] = "1"
    long_lines = any(len(line) > 900 for line in parts.body.splitlines())
    message.set_content(parts.body, cte="quoted-printable" if long_lines else "8bit")
    # Headers are not folded at 78 columns: Python folds a subject holding ": " right after
    # "Subject:", leaving the first line empty, which some clients show as a blank subject
    # or a leading space. Lines up to 998 characters are what RFC 5322 requires.
    return message.as_bytes(policy=SMTP.clone(max_line_length=998))


_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


def tidy_markdown(text: str) -> str:
    """A template's Markdown as linters and converters expect it: one blank line between
    blocks (a section left out used to leave two), no trailing spaces, one final newline.
    Only template output: a user's own edited draft is written as they wrote it."""
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n") + "\n"


def escaping_for(file_name: str) -> Callable[[str], str] | None:
    """How values are escaped in an output, by its kind: Markdown files escape every value
    once, as they are written; plain text and email bodies take them as they are."""
    return markdown_inline if file_name.lower().endswith((".md", ".markdown")) else None


def render_output(
    output: OutputSpec,
    ctx: dict[str, Any],
    draft: str | None = None,
    emails: dict[str, EmailParts] | None = None,
) -> bytes | None:
    """One output's bytes, or None when its condition does not hold.

    ``draft`` is the user's edited text, used instead of the template's. An email's parts
    are also put in ``emails`` (by file name) when it is given.
    """
    try:
        if not sandbox.holds(output.when, ctx):
            return None
        if output.is_calendar:
            return _meeting_calendar(output, ctx)
        assert output.template is not None
        if draft is not None:
            body = draft
        else:
            source = output.template.read_text(encoding="utf-8-sig")
            body = _written(output, source, ctx)
            if output.words and len(body.split()) > output.words:
                body = _written(output, source, {**ctx, "tight": True})
        if output.is_email:
            subject = sandbox.render(output.subject or "", ctx)
            to = sandbox.render(output.to or "", ctx)
            sender = sandbox.render(output.sender or "", ctx)
            cc = sandbox.render(output.cc or "", ctx)
            parts = email_parts(subject, to, body, sender, cc)
            if output.file == "reset-email.eml" and not parts.to_name:
                from triage.engine.copies import expected_copies

                expected = expected_copies(ctx, parts.to, parts.cc, parts.copy_names)
                parts = dataclasses.replace(parts, expected_copy=expected)
            if emails is not None:
                emails[output.file] = parts
            return email_bytes(parts)
    except sandbox.ExpressionError as exc:
        raise RenderError(f"{output.file}: {exc}.") from None
    except OSError as exc:
        raise RenderError(f"{output.file}: the template cannot be read ({exc.strerror}).") from None
    return body.encode("utf-8")


def _written(output: OutputSpec, source: str, ctx: dict[str, Any]) -> str:
    body = sandbox.render(source, ctx, escape=escaping_for(output.file))
    return tidy_markdown(body) if output.file.endswith(".md") else body


def _meeting_calendar(output: OutputSpec, ctx: dict[str, Any]) -> bytes | None:
    slots = sandbox.evaluate(output.events or "[]", ctx)
    if not isinstance(slots, list | tuple):
        raise RenderError(f"{output.file}: `events` must give a list of slots (date and time).")
    minutes = sandbox.evaluate(output.minutes, ctx) if output.minutes else None
    title = header_text(sandbox.render(output.title or "", ctx))
    seed = f"{ctx['case']['id']}/{output.file}"
    zone = sandbox.evaluate(output.zone, ctx) if output.zone else None
    zone = zone if isinstance(zone, str) and zone else None
    data = calendar.meeting_ics(slots, minutes, title, seed, ctx["today"], zone)
    return data if b"BEGIN:VEVENT" in data else None  # no slot ahead: no file


def render_one(
    playbook: Playbook, case: Case, evaluation: Evaluation, file_name: str
) -> bytes | None:
    """One templated output by file name, from its template (drafts ignored)."""
    output = next((o for o in playbook.outputs if o.file == file_name), None)
    if output is None:
        return None
    return render_output(output, context(playbook, case, evaluation))


@dataclass(frozen=True)
class Rendered:
    """Every output's bytes, and what they were made from, for previews that would
    otherwise read the bytes back: each email's parts and the tracker's rows."""

    files: dict[str, bytes]
    emails: dict[str, EmailParts]
    actions: list[dict[str, Any]]


def render_case(
    playbook: Playbook,
    case: Case,
    evaluation: Evaluation | None = None,
    use_drafts: bool = True,
) -> dict[str, bytes]:
    """Every output of the case, by file name; actions.csv is always included."""
    return render_parts(playbook, case, evaluation, use_drafts).files


def render_parts(
    playbook: Playbook,
    case: Case,
    evaluation: Evaluation | None = None,
    use_drafts: bool = True,
) -> Rendered:
    """:func:`render_case`, with the emails' parts and the tracker's rows."""
    evaluation = evaluation or evaluate(playbook, case.answers, case.override)
    ctx = context(playbook, case, evaluation)
    files: dict[str, bytes] = {}
    emails: dict[str, EmailParts] = {}
    for output in playbook.outputs:
        draft = case.drafts.get(output.file) if use_drafts else None
        data = render_output(output, ctx, draft, emails)
        if data is not None:
            files[output.file] = data
    files[ACTIONS_FILE] = actions_csv(ctx["actions"])
    name = f"Actions: {header_text(str(ctx.get('counterparty') or ctx['case']['id']))}"
    files[calendar.ACTIONS_CALENDAR] = calendar.actions_ics(
        ctx["actions"], name, ctx["case"]["id"], ctx["today"]
    )
    return Rendered(files, emails, list(ctx["actions"]))


def is_answered(value: Any) -> bool:
    """Whether a value holds a real answer (not None, '', or empty)."""
    return not is_empty(value)
