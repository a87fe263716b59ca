"""Put an audit into a case: the key messages into the timeline, suggestions into the
questions after it, and nothing the user has already answered changed.

The timeline question holds a handful of rows ("the ones where something changed"), so an
import adds the key messages of a thread, not all of them: the turning point and the
message before it, mixed messages, the first and last, the most heated, and the answers
that ended the longest waits. Only excerpts are kept, never whole bodies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.engine.answers import check_value, is_empty
from triage.engine.thread.audit import (
    HEAT,
    Audit,
    audit,
    mixed_sentence,
    plan_figures,
    sides_from_answers,
    turning_sentence,
)
from triage.engine.thread.read import ThreadError, read_thread

if TYPE_CHECKING:
    from triage.engine.model import Playbook
    from triage.engine.session import Session

TIMELINE = "timeline"
TONE_SHIFT = "tone_shift"
MIXED = "mixed_messages"
MIXED_DETAIL = "mixed_messages_detail"
REPLY_TIMES = "reply_times"
DEFAULT_ROWS = 10  # "five to ten entries is plenty", says the question's help


@dataclass
class Suggestions:
    """What an import would change in a case's answers."""

    timeline: list[dict[str, Any]]  # the whole new value of the timeline question
    added: list[dict[str, Any]]  # the rows the import adds
    already: int = 0  # key messages already in the timeline
    left_out: int = 0  # key messages that did not fit (the question's most rows)
    answers: dict[str, Any] = field(default_factory=dict)  # other questions, still unanswered
    kept: list[str] = field(default_factory=list)  # one sentence per answer left as it was
    # the same, as (question id, suggested value), and each question's prompt
    kept_values: list[tuple[str, Any]] = field(default_factory=list)
    prompts: dict[str, str] = field(default_factory=dict)

    def lines(self, by_prompt: bool = False) -> list[str]:
        """What the import does to the case, in a few lines for a person; ``by_prompt``
        names each question by its prompt, as a screen shows it, rather than by its id."""
        out = [
            f"Timeline: {len(self.added)} key message{'s' if len(self.added) != 1 else ''} "
            f"added ({len(self.timeline)} row{'s' if len(self.timeline) != 1 else ''} in all)"
            + (f"; {self.already} already there" if self.already else "")
            + (f"; {self.left_out} left out, the timeline is full" if self.left_out else "")
            + "."
        ]
        if not by_prompt:
            for qid, value in self.answers.items():
                out.append(f"Suggested {qid}: {_shown(value)}")
            return out + self.kept
        for qid, value in self.answers.items():
            out.append(f"{self.prompts.get(qid, qid)} {_shown(value)}")
        for qid, value in self.kept_values:
            out.append(
                f"{self.prompts.get(qid, qid)} Your answer is kept; the import suggests: "
                f"{_shown(value)}"
            )
        return out


def _shown(value: Any) -> str:
    if isinstance(value, list):  # rows: the reply times, one a side
        return "; ".join(_row(r) for r in value if isinstance(r, Mapping))
    return "yes" if value is True else "no" if value is False else str(value)


def _row(row: Mapping[str, Any]) -> str:
    """A reply-times row for a person: 'their side: 99 messages, usual reply 5 h, longest
    wait 29 h, 1 unanswered'."""
    parts = [f"{row.get('messages')} messages"] if row.get("messages") is not None else []
    if row.get("median_reply") not in (None, "", "-"):
        parts.append(f"usual reply {row['median_reply']}")
    if row.get("longest_wait") not in (None, "", "-"):
        parts.append(f"longest wait {row['longest_wait']}")
    if row.get("unanswered"):
        parts.append(f"{row['unanswered']} unanswered")
    return f"{row.get('side')}: {', '.join(parts)}"


def timeline_stage(playbook: Playbook) -> str | None:
    """The id of the stage holding the communications timeline a thread is imported into
    (``comms_audit`` in the built-in playbooks); None when the playbook has none."""
    question = playbook.questions.get(TIMELINE)
    return question.stage if question is not None and question.kind == "list" else None


def key_rows(found: Audit) -> list[int]:
    """The rows worth a line in the timeline, most telling first."""
    order: list[int] = []

    def add(index: int | None) -> None:
        if index is not None and 0 <= index < len(found.rows) and index not in order:
            order.append(index)

    if found.turning is not None:
        add(found.turning)
        add(found.turning - 1)
    for mixed in found.mixed:
        add(mixed.first.index)
        add(mixed.second.index)
    if found.rows:
        add(0)
    heated = sorted(
        (r for r in found.rows if r.flagged),
        key=lambda r: (-sum(HEAT.get(c, 0) for c, _p in r.findings), r.index),
    )
    said: set[str] = {found.rows[i].excerpt.casefold() for i in order}
    distinct = []
    for row in heated:  # the same words sent again tell nothing new
        if row.excerpt.casefold() not in said:
            said.add(row.excerpt.casefold())
            distinct.append(row)
    for row in distinct[:4]:
        add(row.index)
    for figures in found.figures.values():
        usual = figures.median or dt.timedelta(0)
        if figures.longest and figures.longest >= max(dt.timedelta(days=1), usual * 1.5):
            ended = next(
                (
                    r.index
                    for r in found.rows
                    if r.side == figures.side and r.waited == figures.longest
                ),
                None,
            )
            add(ended)
    if found.rows:
        add(len(found.rows) - 1)
    for row in distinct[4:]:
        add(row.index)
    return order


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    def key(row: Mapping[str, Any]) -> tuple[str, str, str]:
        return (
            str(row.get("date")),
            " ".join(str(row.get("who") or "").casefold().split()),
            " ".join(str(row.get("note") or "").casefold().split()),
        )

    return key(a) == key(b)


def suggestions(
    playbook: Playbook,
    answers: Mapping[str, Any],
    found: Audit,
    rows: int = DEFAULT_ROWS,
    today: dt.date | None = None,
    whole: bool = False,
) -> Suggestions:
    """What importing ``found`` would change in ``answers``: the key messages merged into the
    timeline (oldest first, rows already there kept), and a suggestion for each of
    tone_shift, mixed_messages and its detail that is still unanswered. Every value is
    checked against the playbook's questions; ThreadError when the playbook has no
    timeline question."""
    question = playbook.questions.get(TIMELINE)
    if question is None or question.kind != "list":
        raise ThreadError(
            f"Playbook {playbook.id!r} has no communications timeline to import a thread into."
        )
    existing = [dict(r) for r in answers.get(TIMELINE) or [] if isinstance(r, Mapping)]
    room = max(0, (question.max if question.max is not None else 30) - len(existing))
    undated = today or dt.date.today()
    added: list[dict[str, Any]] = []
    indexes: list[int] = []  # each added row's message, to keep one day's rows in order
    already = left_out = 0
    for index in key_rows(found)[:rows]:
        row = found.rows[index].timeline_row(undated, whole)
        if any(_same(row, old) for old in existing + added):
            already += 1
            continue
        if len(added) >= room:
            left_out += 1
            continue
        added.append(row)
        indexes.append(index)
    # oldest first; on one day, rows typed before the import first, then the messages in
    # the order they were sent (not in the order of how telling they are)
    order = sorted(
        [(r, 0, n) for n, r in enumerate(existing)]
        + [(r, 1, i) for r, i in zip(added, indexes, strict=True)],
        key=lambda item: (str(item[0].get("date")), item[1], item[2]),
    )
    timeline = [r for r, _from, _n in order]
    try:
        timeline = check_value(question, timeline) or []
    except ValueError as exc:
        raise ThreadError(f"The imported timeline does not fit the playbook: {exc}") from None
    made = Suggestions(timeline=timeline, added=added, already=already, left_out=left_out)
    _suggest(playbook, answers, found, made)
    return made


def _suggest(
    playbook: Playbook, answers: Mapping[str, Any], found: Audit, made: Suggestions
) -> None:
    offers: dict[str, Any] = {}
    shift = turning_sentence(found)
    if shift:
        offers[TONE_SHIFT] = shift
    if found.mixed:
        offers[MIXED] = True
        offers[MIXED_DETAIL] = mixed_sentence(found)
    sides = plan_figures(found)["sides"]
    if sides:  # the figures themselves, so the plan can show them as a small table
        offers[REPLY_TIMES] = [
            {k: side[k] for k in ("side", "messages", "median_reply", "longest_wait", "unanswered")}
            for side in sides
        ]
    for qid, value in offers.items():
        question = playbook.questions.get(qid)
        if question is None:
            continue
        if isinstance(value, str) and question.max_length:
            value = (
                value[: question.max_length - 3].rstrip() + "..."
                if len(value) > question.max_length
                else value
            )
        made.prompts[qid] = question.prompt
        if not is_empty(answers.get(qid)):
            if answers.get(qid) != value and qid != MIXED_DETAIL:
                made.kept_values.append((qid, value))
                made.kept.append(
                    f"Kept your answer to {qid!r}; the import suggests: "
                    f"{'yes' if value is True else value}"
                )
            continue
        try:
            made.answers[qid] = check_value(question, value)
        except ValueError:
            continue


def ledger_line(found: Audit, made: Suggestions) -> str:
    """The ledger's record of an import: what was read and what changed, no message text."""
    files = ", ".join(found.thread.files)
    extra = f"; suggested {', '.join(made.answers)}" if made.answers else ""
    return (
        f"{len(found.rows)} messages read from {files}; {len(made.added)} added to the "
        f"timeline{extra}"
    )


def merge_into_session(
    session: Session, found: Audit, rows: int = DEFAULT_ROWS, whole: bool = False
) -> Suggestions:
    """Merge ``found`` into a case: one save, so a failure or an interruption leaves the
    case file as it was. (A function over a Session rather than one of its methods.)"""
    case = session.case
    made = suggestions(session.playbook, case.answers, found, rows, whole=whole)
    answers, pending, ledger = dict(case.answers), dict(case.pending), list(case.ledger)
    try:
        for qid, value in made.answers.items():
            case.answers[qid] = value
            case.pending.pop(qid, None)
        case.log("thread-imported", ledger_line(found, made))
        session.answer(TIMELINE, made.timeline)  # evaluates and saves everything at once
    except BaseException:
        case.answers, case.pending, case.ledger = answers, pending, ledger
        session.evaluation = session._evaluate()  # the route and scores of the answers kept
        raise
    return made


# -- an answers file's `import` key ----------------------------------------------------------


@dataclass(frozen=True)
class ImportSpec:
    """The ``import`` key of an answers file: files (relative to the answers file), and
    corrections to the sides."""

    files: tuple[Path, ...]
    ours: tuple[str, ...] = ()
    theirs: tuple[str, ...] = ()
    rows: int = DEFAULT_ROWS
    whole: bool = False  # keep each key message's own words in full, not only an excerpt


def import_spec(value: Any, base: Path) -> ImportSpec:
    """Read ``import = "thread.mbox"``, ``import = ["a.eml", "b.eml"]`` or
    ``import = { files = [...], ours = ["example.com"], theirs = [...], rows = 10,
    whole_messages = true }``;
    ValueError with one sentence when it is none of these."""
    table: Mapping[str, Any]
    if isinstance(value, str | list):
        table = {"files": value}
    elif isinstance(value, Mapping):
        table = value
        unknown = set(table) - {"files", "ours", "theirs", "rows", "whole_messages"}
        if unknown:
            raise ValueError(
                f"`import` has {', '.join(sorted(unknown))}; it takes files, ours, theirs, "
                "rows and whole_messages."
            )
    else:
        raise ValueError("`import` must be a file name, a list of them, or a table with files.")

    def texts(key: str) -> tuple[str, ...]:
        raw = table.get(key, [])
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ValueError(f"`import.{key}` must be a list of names." if key != "files" else
                             "`import` must name the files to read, e.g. import = [\"thread.mbox\"].")  # fmt: skip
        return tuple(items)

    files = texts("files")
    if not files:
        raise ValueError('`import` names no file, e.g. import = ["thread.mbox"].')
    rows = table.get("rows", DEFAULT_ROWS)
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise ValueError("`import.rows` must be a whole number of rows, 1 or more.")
    whole = table.get("whole_messages", False)
    if not isinstance(whole, bool):
        raise ValueError("`import.whole_messages` must be true or false.")
    return ImportSpec(
        files=tuple(base / Path(f).expanduser() for f in files),
        ours=texts("ours"),
        theirs=texts("theirs"),
        rows=rows,
        whole=whole,
    )


def import_into_answers(
    playbook: Playbook,
    answers: Mapping[str, Any],
    files: Iterable[Path],
    *,
    ours: Iterable[str] = (),
    theirs: Iterable[str] = (),
    rows: int = DEFAULT_ROWS,
    whole: bool = False,
) -> tuple[dict[str, Any], Suggestions, Audit]:
    """Answers with a thread imported: for an answers file, which has no session. Raises
    ThreadError (one sentence) when a file cannot be read."""
    thread = read_thread(list(files))
    found = audit(thread, sides_from_answers(answers, ours, theirs))
    made = suggestions(playbook, answers, found, rows, whole=whole)
    merged = dict(answers)
    merged.update(made.answers)
    merged[TIMELINE] = made.timeline
    return merged, made, found


def answers_file_import(
    playbook: Playbook, answers: Mapping[str, Any], value: Any, base: Path
) -> tuple[dict[str, Any], str]:
    """An answers file's ``import`` key applied to its answers: the answers with the thread
    imported, and the ledger's line. ValueError (a bad key) or ThreadError (a file that
    cannot be read), each one sentence."""
    spec = import_spec(value, base)
    merged, made, found = import_into_answers(
        playbook,
        answers,
        spec.files,
        ours=spec.ours,
        theirs=spec.theirs,
        rows=spec.rows,
        whole=spec.whole,
    )
    return merged, ledger_line(found, made)
