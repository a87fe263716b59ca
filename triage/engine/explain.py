"""What every front end shows about where a case stands, as plain sentences.

The route and why, the level and who decides, the rules that held, where the decision
stands, and the scores: the app styles these lines and the prompts print them, so both
say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from triage.engine.evaluate import level_reason_lines
from triage.engine.names import ROUTE_LABELS

if TYPE_CHECKING:
    from triage.engine.evaluate import ScoreState
    from triage.engine.session import Session


@dataclass(frozen=True)
class LevelLine:
    """The escalation level of the route being taken, and who may decide there."""

    number: int
    name: str
    who: str
    decides: str

    def heading(self, after_number: str = "") -> str:
        """ "Escalation level 2: Commercial leads (sales director and finance)";
        ``after_number`` goes after the 2 (" for your choice")."""
        name = f": {self.name}" if self.name else ""
        who = f" ({self.who})" if self.who else ""
        return f"Escalation level {self.number}{after_number}{name}{who}"


@dataclass(frozen=True)
class RuleHeld:
    """A playbook rule that held; the first one decides the route."""

    label: str
    level: int | None
    because: str


@dataclass(frozen=True)
class RouteExplanation:
    """The recommendation, the choice if another route was chosen, and why."""

    recommended: str  # the route's label, e.g. "Negotiate directly"
    why: str
    chosen: str  # the label of the route chosen instead, "" when the recommendation stands
    chosen_because: str
    level: LevelLine | None  # the level of the route being taken
    level_reasons: tuple[str, ...]  # one line per reason the level was raised
    rules: tuple[RuleHeld, ...]
    alternatives: tuple[str, ...]  # labels of the routes not being taken
    missing: str  # a sentence when required answers are still missing, else ""
    decision: str  # where the decision stands: accepted (when), superseded, or ""
    superseded: bool  # accepted, but the answers now lead elsewhere


def explain_route(session: Session) -> RouteExplanation:
    """Everything a front end says about the route of ``session``'s case."""
    evaluation = session.evaluation
    route = evaluation.route
    level = session.playbook.level(route.level)
    missing = len(evaluation.missing)
    acceptance = session.acceptance
    decision = ""
    if acceptance is not None and not route.overridden:
        decision = (
            acceptance.change()
            if acceptance.superseded
            else f"You accepted this route on {acceptance.on}."
        )
    return RouteExplanation(
        recommended=ROUTE_LABELS[route.recommended],
        why=route.because,
        chosen=ROUTE_LABELS[route.chosen] if route.overridden else "",
        chosen_because=route.override_reason if route.overridden else "",
        level=(
            None
            if route.level is None
            else LevelLine(route.level, level.name, level.who, level.decides)
            if level is not None
            else LevelLine(route.level, "", "", "")  # a level the playbook does not name
        ),
        level_reasons=tuple(level_reason_lines(session.playbook, route)),
        rules=tuple(RuleHeld(ROUTE_LABELS[f.route], f.level, f.because) for f in route.fired),
        alternatives=tuple(ROUTE_LABELS[r] for r in route.alternatives),
        missing=(
            f"{missing} required answer{'s are' if missing != 1 else ' is'} still missing; "
            "the recommendation may change."
            if missing
            else ""
        ),
        decision=decision,
        superseded=bool(acceptance and acceptance.superseded and not route.overridden),
    )


def number(value: float) -> str:
    """A score as people write it: 7, not 7.0; 2.5 stays."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def score_line(score: ScoreState) -> str:
    """One line for a score: "Relationship value 7 (High). Worth a senior call."."""
    advice = f" {score.advice}" if score.advice else ""
    return f"{score.label} {number(score.value)} ({score.band}).{advice}"


def drivers(score: ScoreState) -> list[tuple[str, str]]:
    """What moved a score: (points, reason) pairs such as ("+2", "a reference customer")."""
    return [(f"{driver.points:+g}", driver.reason) for driver in score.drivers]
