"""The playbook as data: stages, questions, scores, rules, actions and outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.engine.kinds import FIELD_KINDS as FIELD_KINDS
from triage.engine.kinds import KINDS as _KINDS
from triage.engine.names import ROUTE_LABELS as ROUTE_LABELS
from triage.engine.names import ROUTES as ROUTES

KINDS = tuple(_KINDS)


def playbook_id(path: Path) -> str:
    """A playbook's id is its file name without ``.toml``."""
    return path.name.removesuffix(".toml")


@dataclass(frozen=True)
class Option:
    """One choice of a choice or multi question, with the points it adds to scores."""

    value: str
    label: str
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    """A question, or a field of a list question's records."""

    id: str
    kind: str
    prompt: str
    help: str = ""
    required: bool = False
    default: Any = None
    when: str | None = None
    min: Any = None
    max: Any = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    message: str | None = None
    labels: tuple[str, ...] = ()
    unit: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    fields: tuple[Question, ...] = ()
    stage: str = ""
    key: str = field(default="", compare=False)  # key path in its file, for messages

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Stage:
    """A stage of a playbook: its title, guidance, condition and questions."""

    id: str
    title: str
    guidance: str = ""
    when: str | None = None
    questions: tuple[Question, ...] = ()
    source: Path | None = None
    key: str = field(default="", compare=False)


@dataclass(frozen=True)
class Band:
    """A named range of a score, from its minimum, with advice for it."""

    min: float
    label: str
    advice: str = ""


@dataclass(frozen=True)
class Adjustment:
    """Points a score gains or loses when a condition on the answers holds."""

    when: str
    points: float
    because: str


@dataclass(frozen=True)
class Score:
    """A score a playbook works out from the answers, with its bands and adjustments."""

    name: str
    label: str
    description: str = ""
    start: float = 0
    bands: tuple[Band, ...] = ()
    adjust: tuple[Adjustment, ...] = ()

    def band(self, value: float) -> Band:
        ordered = sorted(self.bands, key=lambda b: b.min)
        chosen = ordered[0]
        for band in ordered:
            if value >= band.min:
                chosen = band
        return chosen


@dataclass(frozen=True)
class Rule:
    """A route rule: when its condition holds, the route, the level and why."""

    id: str
    when: str
    route: str
    because: str
    level: int | None = None


@dataclass(frozen=True)
class Fact:
    """A named expression from ``[facts]``, worked out once and readable by name.

    ``late`` facts read the route or the date (``route``, ``today``...), so only actions,
    outputs and templates can use them; the others are known before the decision rules.
    """

    name: str
    expr: str
    late: bool = False


@dataclass(frozen=True)
class Raise:
    """A condition that raises a route to at least its level, and the reason users read."""

    when: str
    because: str
    key: str = "when"  # where the condition stands in its level: `when` or `raises[n].when`


@dataclass(frozen=True)
class Level:
    """An escalation level; each of ``raises`` lifts a route to at least this level."""

    level: int
    name: str
    who: str = ""
    decides: str = ""
    raises: tuple[Raise, ...] = ()


@dataclass(frozen=True)
class ActionSpec:
    """An action a playbook proposes: what, who, when it is due and whether it is shared."""

    what: str = ""
    owner: str = ""
    due_days: int | None = None
    when: str | None = None
    source: str | None = None  # the id of a list question, for ``from = "..."``
    due: str | None = None  # an expression giving the due date; due_days when it gives none
    shared: bool = False  # to share with the other side (else internal)
    any_day: bool = False  # keep a weekend or day-off date: a clock that does not stop
    priority: str = "normal"  # high, normal or low: the order among steps due the same day
    outward: bool = False  # a step towards them, kept on our own list (not shared)
    before: str | None = None  # an expression giving a moment the step must come before
    id: str = ""  # a stable name for its calendar event and updates (else a digest of `what`)


@dataclass(frozen=True)
class OutputSpec:
    """An output file a playbook writes, and the template it comes from."""

    name: str
    file: str
    template: Path | None  # None: the engine's default template
    when: str | None = None
    subject: str | None = None
    to: str | None = None
    cc: str | None = None  # who the email copies: one address at most
    sender: str | None = None  # the email's From (key `from` in the playbook)
    events: str | None = None  # a calendar (.ics): expression giving the slots offered
    minutes: str | None = None  # a calendar: expression giving each event's length
    zone: str | None = None  # a calendar: expression giving the IANA zone of the typed times
    title: str | None = None  # a calendar: template for each event's title
    words: int | None = None  # over this many words, written again with `tight` true

    @property
    def is_email(self) -> bool:
        return self.file.endswith(".eml")

    @property
    def is_calendar(self) -> bool:
        return self.file.endswith(".ics")


@dataclass(frozen=True)
class Playbook:
    """A checked playbook: stages, questions, scores, rules, levels, actions and outputs."""

    id: str
    path: Path
    title: str
    summary: str
    version: str
    stages: tuple[Stage, ...]
    scores: tuple[Score, ...] = ()
    rules: tuple[Rule, ...] = ()
    default_route: str = "negotiate"
    default_level: int | None = None
    default_because: str = ""
    levels: tuple[Level, ...] = ()
    facts: tuple[Fact, ...] = ()
    days_off: str | None = None  # an expression: public-holiday calendars and dates to skip
    actions: tuple[ActionSpec, ...] = ()
    outputs: tuple[OutputSpec, ...] = ()
    content_hash: str = ""
    files: tuple[Path, ...] = ()

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.stages for q in s.questions}

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def level(self, number: int | None) -> Level | None:
        return next((lv for lv in self.levels if lv.level == number), None)
