"""Given a playbook and answers: what applies, the scores, and the route."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from triage.engine import sandbox
from triage.engine.answers import is_empty, says_nothing
from triage.engine.model import ROUTE_LABELS, ROUTES, Playbook, Question, Stage


@dataclass
class QuestionState:
    """A question as the answers leave it: whether it applies, and its value."""

    question: Question
    applies: bool
    value: Any  # the stored answer, kept even when the question no longer applies

    @property
    def answered(self) -> bool:
        return not is_empty(self.value)

    @property
    def missing(self) -> bool:
        return self.applies and self.question.required and not self.answered


@dataclass
class StageState:
    """A stage as the answers leave it: whether it applies, and its questions."""

    stage: Stage
    applies: bool
    questions: list[QuestionState]

    @property
    def complete(self) -> bool:
        return not any(q.missing for q in self.questions)


@dataclass(frozen=True)
class Contribution:
    """What moved a score: the points, and the reason shown beside them."""

    points: float
    reason: str


@dataclass
class ScoreState:
    """A score worked out from the answers: its value, band, advice and drivers."""

    name: str
    label: str
    value: float
    band: str
    advice: str
    drivers: list[Contribution] = field(default_factory=list)
    assessed: bool = True  # False until an answer that feeds this score has been given

    @property
    def known(self) -> float | None:
        """The value for rules and templates: none until assessed, so no rule fires on it."""
        return self.value if self.assessed else None


NOT_ASSESSED = "Not assessed yet"
NOT_ASSESSED_ADVICE = "Answer the questions that feed this score to see where it stands."


@dataclass(frozen=True)
class FiredRule:
    """A route rule whose condition holds, with the route and level it leads to."""

    id: str
    route: str
    because: str
    level: int | None


@dataclass
class RouteState:
    """The recommended route, the one chosen, the level, and why."""

    recommended: str
    level: int | None  # the final level: the rule's (or default's), raised by [[levels]] `when`
    because: str
    fired: list[FiredRule]
    chosen: str
    override_reason: str = ""
    level_reasons: list[str] = field(default_factory=list)  # why the level is above the rule's

    @property
    def overridden(self) -> bool:
        return self.chosen != self.recommended

    @property
    def alternatives(self) -> list[str]:
        return [r for r in ROUTES if r != self.chosen]


@dataclass
class Evaluation:
    """Everything the answers lead to: stages that apply, values, scores, facts and route."""

    stages: list[StageState]
    values: dict[str, Any]  # answers of questions that apply; None elsewhere
    scores: dict[str, ScoreState]
    route: RouteState
    facts: dict[str, Any] = field(default_factory=dict)  # the facts known before the route

    def stage(self, stage_id: str) -> StageState | None:
        return next((s for s in self.stages if s.stage.id == stage_id), None)

    @property
    def missing(self) -> list[QuestionState]:
        return [q for s in self.stages if s.applies for q in s.questions if q.missing]


class RouteView(dict[str, Any]):
    """The route in templates: ``route.label`` and friends, and ``route == 'mediate'``."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.get("id") == other
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None

    def __str__(self) -> str:
        return str(self.get("label", ""))


def _holds(source: str | None, context: dict[str, Any], where: str) -> bool:
    try:
        return sandbox.holds(source, context)
    except sandbox.ExpressionError as exc:
        raise sandbox.ExpressionError(f"In this playbook, {where} failed: {exc}.") from None


def evaluate(
    playbook: Playbook,
    answers: dict[str, Any],
    override: tuple[str, str] | None = None,
) -> Evaluation:
    """Work out applicability, scores and the route from ``answers``.

    ``override`` is ``(route, reason)`` when the user chose another route.
    """
    values: dict[str, Any] = {q: None for q in playbook.questions}
    stages: list[StageState] = []
    for stage in playbook.stages:
        stage_applies = _holds(stage.when, values, f"the condition of stage {stage.id!r}")
        states = []
        for question in stage.questions:
            applies = stage_applies and _holds(
                question.when, values, f"the condition of question {question.id!r}"
            )
            value = answers.get(question.id)
            if value is None and question.default is not None:
                value = question.default
            if applies:
                values[question.id] = None if says_nothing(question, value) else value
            states.append(QuestionState(question, applies, value))
        stages.append(StageState(stage, stage_applies, states))
    answered = {qid for qid, value in answers.items() if not is_empty(value)}
    scores = _scores(playbook, values, answered)
    context = dict(values)
    context["scores"] = {name: s.known for name, s in scores.items()}
    known = work_out_facts(playbook, context, late=False)
    route = _route(playbook, context, override)
    return Evaluation(stages, values, scores, route, known)


def work_out_facts(playbook: Playbook, context: dict[str, Any], late: bool) -> dict[str, Any]:
    """The value of each of the playbook's early (or late) facts, added to ``context`` too."""
    found: dict[str, Any] = {}
    for fact in playbook.facts:
        if fact.late != late:
            continue
        try:
            value = sandbox.evaluate(fact.expr, context)
        except sandbox.ExpressionError as exc:
            raise sandbox.ExpressionError(
                f"In this playbook, fact {fact.name!r} failed: {exc}."
            ) from None
        context[fact.name] = found[fact.name] = value
    return found


def _feeds(question: Question, score: str) -> bool:
    return score in question.scores or any(score in o.scores for o in question.options)


def _scores(
    playbook: Playbook, values: dict[str, Any], answered: set[str]
) -> dict[str, ScoreState]:
    drivers: dict[str, list[Contribution]] = {s.name: [] for s in playbook.scores}
    fed: set[str] = set()  # scores that at least one given answer feeds
    for question in playbook.questions.values():
        value = values.get(question.id)
        if is_empty(value):
            continue
        if question.id in answered:
            fed |= {s.name for s in playbook.scores if _feeds(question, s.name)}
        for name, points, answer in _points(question, value):
            if name in drivers and points:
                drivers[name].append(Contribution(points, f"{question.prompt} {answer}"))
    context = dict(values)
    found: dict[str, ScoreState] = {}
    totals = {s.name: s.start + sum(c.points for c in drivers[s.name]) for s in playbook.scores}
    context["scores"] = totals
    for score in playbook.scores:
        adjusted = False
        for adj in score.adjust:
            if _holds(adj.when, context, f"an adjustment of score {score.name!r}"):
                drivers[score.name].append(Contribution(adj.points, adj.because))
                adjusted = True
        value = score.start + sum(c.points for c in drivers[score.name])
        value = int(value) if float(value).is_integer() else round(value, 2)
        band = score.band(value)
        assessed = score.name in fed or adjusted
        found[score.name] = ScoreState(
            score.name,
            score.label,
            value,
            band.label if assessed else NOT_ASSESSED,
            band.advice if assessed else NOT_ASSESSED_ADVICE,
            drivers[score.name],
            assessed,
        )
    return found


def _points(question: Question, value: Any) -> list[tuple[str, float, str]]:
    from triage.engine.kinds import kind_of

    return kind_of(question).points(question, value)


def _route(
    playbook: Playbook, context: dict[str, Any], override: tuple[str, str] | None
) -> RouteState:
    fired = [
        FiredRule(rule.id, rule.route, rule.because, rule.level)
        for rule in playbook.rules
        if _holds(rule.when, context, f"decision rule {rule.id!r}")
    ]
    if fired:
        first = fired[0]
        recommended, level, because = first.route, first.level, first.because
    else:
        recommended, level, because = (
            playbook.default_route,
            playbook.default_level,
            playbook.default_because,
        )
    chosen, reason = recommended, ""
    if override and override[0] in ROUTES and override[0] != recommended:
        chosen, reason = override
        level = _level_for(playbook, chosen)
    raising = [
        (lv.level, up.because)
        for lv in playbook.levels
        for up in lv.raises
        if _holds(up.when, context, f"a condition of level {lv.level}")
    ]
    level, reasons = raise_level(level, raising)
    return RouteState(recommended, level, because, fired, chosen, reason, reasons)


def raise_level(level: int | None, raising: list[tuple[int, str]]) -> tuple[int | None, list[str]]:
    """The final level: the highest of ``level`` and the levels raised to.

    ``raising`` holds (level, because) for every condition that held. The reasons are those
    that reach the final level, when it is above ``level``; none when the rule's own stands.
    """
    top = max((number for number, _ in raising), default=None)
    if top is None or (level is not None and top <= level):
        return level, []
    return top, [because for number, because in raising if number == top and because]


def level_reason_lines(playbook: Playbook, route: RouteState) -> list[str]:
    """One line per reason the level was raised: "Level 3 (Executive sponsors) because: ..."."""
    level = playbook.level(route.level)
    name = f" ({level.name})" if level and level.name else ""
    return [f"Level {route.level}{name} because: {reason}" for reason in route.level_reasons]


def _level_for(playbook: Playbook, route: str) -> int | None:
    """The escalation level a chosen route implies: that of the first rule leading to it."""
    for rule in playbook.rules:
        if rule.route == route and rule.level is not None:
            return rule.level
    return playbook.default_level


def route_view(playbook: Playbook, route: RouteState) -> RouteView:
    """The route as templates see it: labels, level, reasons and the rules that held."""
    level = playbook.level(route.level)
    return RouteView(
        id=route.chosen,
        label=ROUTE_LABELS[route.chosen],
        level=route.level,
        level_name=level.name if level else "",
        level_who=level.who if level else "",
        level_decides=level.decides if level else "",
        level_reasons=list(route.level_reasons),
        because=route.because,
        recommended=route.recommended,
        recommended_label=ROUTE_LABELS[route.recommended],
        overridden=route.overridden,
        override_reason=route.override_reason,
        fired=[{"id": f.id, "route": f.route, "because": f.because} for f in route.fired],
        alternatives=[{"id": r, "label": ROUTE_LABELS[r]} for r in route.alternatives],
    )
