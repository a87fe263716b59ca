"""A case: the answers given so far, the route decision, and the ledger."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.engine.atomic import private_dir, write_atomic
from triage.engine.errors import AnswersInvalid, Problem
from triage.engine.names import ROUTE_CHOICES, ROUTES

if TYPE_CHECKING:  # evaluating pulls in Jinja2; listing cases must stay light
    from triage.engine.evaluate import Evaluation
    from triage.engine.model import Playbook
    from triage.engine.tomlfile import TomlFile
    from triage.engine.tracking import Change

CASE_FILE = "case.toml"
COUNTERPARTY = "counterparty"  # the question that names the other side, by convention


def now() -> dt.datetime:
    """The current time in UTC, to the second: the one clock the engine reads (tests set it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    """The date on the user's calendar, by the same clock as the ledger."""
    return now().astimezone().date()


# What each kind of ledger entry is called where people read it (the app's timeline).
EVENT_LABELS = {
    "case-started": "Case started",
    "route-recommended": "Recommended",
    "route-accepted": "Route accepted",
    "route-overridden": "Route chosen instead",
    "override-withdrawn": "Back to the recommendation",
    "route-superseded": "Advice changed",
    "playbook-updated": "Playbook changed",
    "outputs-written": "Files written",
    "draft-kept": "Draft kept",
    "thread-imported": "Thread imported",
    "action-done": "Done",
    "action-moved": "New date",
    "action-dropped": "Dropped",
    "action-reopened": "Reopened",
    "action-added": "Action added",
    "meeting-held": "Meeting",
    "outcome": "Outcome",
    "escalated": "Escalated",
    "case-closed": "Closed",
}


@dataclass
class LedgerEntry:
    """One line of a case's decision ledger: when, what happened, the detail and who."""

    at: dt.datetime
    event: str
    detail: str
    who: str = ""  # who decided, when someone did (an escalation, a close, a change)
    version: str = ""  # the playbook's version when it was written

    @property
    def label(self) -> str:
        return EVENT_LABELS.get(self.event, self.event.replace("-", " ").capitalize())


@dataclass
class Case:
    """Everything a user has said about one dispute, enough to resume it exactly."""

    id: str
    playbook: str
    playbook_path: str = ""
    playbook_version: str = ""
    playbook_hash: str = ""
    created: dt.datetime = field(default_factory=now)
    updated: dt.datetime = field(default_factory=now)
    stage: str = ""
    stage_title: str = ""  # shown in lists of cases without loading the playbook
    answers: dict[str, Any] = field(default_factory=dict)
    override_route: str = ""
    override_reason: str = ""
    ledger: list[LedgerEntry] = field(default_factory=list)
    pending: dict[str, str] = field(default_factory=dict)  # typed text not yet a valid answer
    drafts: dict[str, str] = field(default_factory=dict)  # output file -> the user's edited text
    # output file -> a fingerprint of the template's text the draft was edited from (or last
    # checked against), to say when answers changed under an edited draft
    draft_bases: dict[str, str] = field(default_factory=dict)
    # follow-through once the outputs exist (see triage.engine.tracking)
    action_changes: list[Change] = field(default_factory=list)
    added_actions: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    escalated_level: int | None = None  # raised after an outcome, by a person, for a reason
    closed: dict[str, Any] | None = None
    # the next open action and its date, kept when the tracker is written so that lists of
    # cases can say what is next, and what is overdue, without rendering anything
    next_due: dt.date | None = None
    next_action: str = ""
    path: Path | None = None  # where case.toml lives, once saved

    @classmethod
    def new(
        cls, playbook: Playbook, answers: dict[str, Any] | None = None, case_id: str = ""
    ) -> Case:
        created = now()
        return cls(
            id=case_id or new_case_id(created, (answers or {}).get("counterparty")),
            playbook=playbook.id,
            playbook_path=str(playbook.path.resolve()),
            playbook_version=playbook.version,
            playbook_hash=playbook.content_hash,
            created=created,
            updated=created,
            answers=dict(answers or {}),
        )

    @property
    def followed_up(self) -> bool:
        """Anything recorded after the outputs: action changes, meetings, outcomes, a close."""
        return bool(
            self.action_changes
            or self.added_actions
            or self.meetings
            or self.outcomes
            or self.escalated_level
            or self.closed
        )

    @property
    def override(self) -> tuple[str, str] | None:
        return (self.override_route, self.override_reason) if self.override_route else None

    @property
    def counterparty(self) -> str:
        value = self.answers.get(COUNTERPARTY)
        return value if isinstance(value, str) else ""

    @property
    def date(self) -> dt.date:
        return self.created.date()

    def log(self, event: str, detail: str, who: str = "") -> None:
        self.ledger.append(LedgerEntry(now(), event, detail, who.strip(), self.playbook_version))

    def log_once(self, event: str, detail: str) -> None:
        """Log unless the latest entry of this kind already says the same."""
        latest = next((e for e in reversed(self.ledger) if e.event == event), None)
        if latest is None or latest.detail != detail:
            self.log(event, detail)

    def set_override(self, route: str, reason: str) -> None:
        """Record the user's choice of another route; both go into the ledger."""
        if route not in ROUTES:
            raise ValueError(f"{route!r} is not a route; use {ROUTE_CHOICES}.")
        if not reason.strip():
            raise ValueError("Give a reason for choosing another route.")
        self.override_route, self.override_reason = route, reason.strip()
        self.log("route-overridden", f"{route}: {reason.strip()}")

    def clear_override(self) -> None:
        if self.override_route:
            self.log(
                "override-withdrawn", f"back to the recommended route (was {self.override_route})"
            )
        self.override_route = self.override_reason = ""

    def to_toml(self, evaluation: Evaluation | None = None) -> bytes:
        data: dict[str, Any] = {
            "case": {
                "id": self.id,
                "playbook": self.playbook,
                "playbook_path": self.playbook_path,
                "playbook_version": self.playbook_version,
                "playbook_hash": self.playbook_hash,
                "created": self.created,
                "updated": self.updated,
                "stage": self.stage,
                "stage_title": self.stage_title,
            }
            | (
                {"next_due": self.next_due, "next_action": self.next_action}
                if self.next_due
                else {}
            ),
            "answers": _without_none(self.answers),
        }
        if self.override_route:
            data["override"] = {"route": self.override_route, "reason": self.override_reason}
        if self.pending:
            data["pending"] = dict(self.pending)
        if self.drafts:
            data["drafts"] = dict(self.drafts)
        bases = {k: v for k, v in self.draft_bases.items() if k in self.drafts}
        if bases:
            data["draft_bases"] = bases
        if evaluation is not None:
            data["scores"] = {
                name: {"value": s.value, "band": s.band} for name, s in evaluation.scores.items()
            }
            route = evaluation.route
            data["route"] = {
                "recommended": route.recommended,
                "because": route.because,  # why it is recommended
                "rules": [f.id for f in route.fired],
                "chosen": route.chosen,
            }
            if route.overridden:  # why the user chose another: their words, not the rule's
                data["route"]["reason"] = route.override_reason
            level = max(route.level or 0, self.escalated_level or 0)  # raised after an outcome
            if level:
                data["route"]["level"] = level  # the chosen route's
        if self.followed_up:
            from triage.engine.tracking import changes_to_toml

            data.update(changes_to_toml(self))
        data["ledger"] = [
            {"at": e.at, "event": e.event, "detail": e.detail}
            | ({"who": e.who} if e.who else {})
            | ({"version": e.version} if e.version else {})
            for e in self.ledger
        ]
        header = (
            b"# triage case file: your answers to this dispute. Keep it private.\n"
            b"# triage rewrites this file as you work: edit the answers if you like, but comments\n"
            b"# you add here are not kept.\n"
        )
        import tomli_w

        # Multi-line answers are written as multi-line strings, so the file reads as typed;
        # tomli-w would turn a CR LF inside one into LF, so such a file keeps escapes.
        multiline = not _has_carriage_return(data)
        return header + tomli_w.dumps(data, multiline_strings=multiline).encode()

    def save(self, path: Path | None = None, evaluation: Evaluation | None = None) -> Path:
        """Write case.toml atomically, readable by the owner only."""
        target = path or self.path
        if target is None:
            raise ValueError("the case has no file yet")
        private_dir(target.parent)
        self.updated = now()
        write_atomic(target, self.to_toml(evaluation))
        self.path = target
        return target


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 40, sep: str = "-") -> str:
    """A safe name from any text (a folder, an id): lower-case ASCII letters and digits
    joined by ``sep``; no path separators, dots or control characters."""
    normal = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _NOT_SLUG.sub(sep, normal.lower()).strip(sep)
    return cleaned[:limit].strip(sep)


def new_case_id(created: dt.datetime, counterparty: Any = None) -> str:
    """A case's folder name: the time it was started, then the counterparty's name if known."""
    name = slug(counterparty) if isinstance(counterparty, str) else ""
    stamp = f"{created:%Y%m%d-%H%M%S}"
    return f"{stamp}-{name}" if name else stamp


def is_case_data(data: dict[str, Any]) -> bool:
    """Whether parsed TOML looks like a case file (a [case] table and answers)."""
    return isinstance(data.get("case"), dict) and "answers" in data


def load_case(path: Path) -> Case:
    """Read a case file; raise AnswersInvalid with one sentence when it is not usable."""
    from triage.engine.tomlfile import read_toml  # only once there is a case to read

    found = read_toml(path, "case file")
    if isinstance(found, Problem):
        raise AnswersInvalid([found])
    return case_from_toml(found)


def case_from_toml(file: TomlFile) -> Case:
    """The case in a parsed case file, or AnswersInvalid naming every problem in it.

    The file's shape is checked against :data:`triage.engine.formats.case.CASE_FILE`;
    the follow-through tables by :mod:`triage.engine.tracking`.
    """
    from triage.engine.formats import case as fmt
    from triage.engine.formats.declare import Checker

    data = file.data
    if not is_case_data(data):
        raise AnswersInvalid(
            [Problem(file.name, "is not a triage case file (it has no [case] and [answers]).")]
        )
    c = Checker(file)
    meta = c.shape(fmt.CASE, data["case"], "case")
    v = c.shape(fmt.CASE_FILE, data)
    case = Case(
        id=meta["id"],
        playbook=meta["playbook"],
        playbook_path=meta["playbook_path"],
        playbook_version=meta["playbook_version"],
        playbook_hash=meta["playbook_hash"],
        created=_stamp(meta["created"]),
        updated=_stamp(meta["updated"]),
        stage=meta["stage"],
        stage_title=meta["stage_title"],
        path=file.path,
    )
    next_due = meta["next_due"]
    if isinstance(next_due, dt.date) and not isinstance(next_due, dt.datetime):
        case.next_due, case.next_action = next_due, meta["next_action"]
    if v["answers"] is not None:
        case.answers = dict(v["answers"])
    if v["override"] is not None:
        override = c.shape(fmt.OVERRIDE, v["override"], "override")
        if override["route"] and override["reason"] is not None:
            case.override_route, case.override_reason = override["route"], override["reason"]
    for key in ("pending", "drafts", "draft_bases"):
        texts = c.entries(fmt.CASE_FILE.child(key), v[key], key)
        setattr(case, key, {name: text for _, name, text in texts})
    if any(k in data for k in fmt.FOLLOW_KEYS):  # listing cases stays light
        from triage.engine.tracking import changes_from_toml

        changes_from_toml(case, data, c.add)
    for path, entry in c.tables(v["ledger"], "ledger"):
        e = c.shape(fmt.ENTRY, entry, path)
        if e["at"] is not None:
            case.ledger.append(
                LedgerEntry(e["at"], *(str(e[k]) for k in ("event", "detail", "who", "version")))
            )
    if c.problems:
        raise AnswersInvalid(c.problems)
    return case


def _stamp(value: dt.datetime | None) -> dt.datetime:
    """A stored time, in UTC when it names no zone; now when it was not a time (reported)."""
    if value is None:
        return now()
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_carriage_return(v) for v in value)
    return False
