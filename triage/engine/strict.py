"""`triage validate --strict`: warnings about questions nothing uses and conditions that cannot hold.

A valid playbook can still ask a question whose answer goes nowhere (only the
plan's generic list of answers shows it), or guard a question with conditions
that contradict each other. Neither is an error, but both are worth a look.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import nodes

from triage.engine import sandbox
from triage.engine.errors import Problem
from triage.engine.model import Playbook, Question, Stage
from triage.engine.sandbox.reads import all_nodes
from triage.engine.tomlfile import TomlFile, display_path, read_toml


def strict_warnings(playbook: Playbook) -> list[Problem]:
    """Warnings for ``playbook``: unused questions, then conditions that can never hold."""
    return _Strict(playbook).run()


@dataclass
class _Facts:
    """What a conjunction of simple conditions says about one question's answer."""

    equals: dict[Any, str] = field(default_factory=dict)  # value -> where it was required
    differs: dict[Any, str] = field(default_factory=dict)
    truthy: str | None = None
    falsy: str | None = None
    within: list[tuple[set[Any], str]] = field(default_factory=list)


class _Strict:
    def __init__(self, playbook: Playbook):
        self.playbook = playbook
        self.questions = playbook.questions
        self.files: dict[Path, TomlFile | None] = {}
        self.warnings: list[Problem] = []

    # -- where ----------------------------------------------------------------

    def warn(self, source: Path | None, key: str, message: str) -> None:
        path = source or self.playbook.path
        resolved = path.resolve()
        if resolved not in self.files:
            found = read_toml(path)
            self.files[resolved] = found if isinstance(found, TomlFile) else None
        file = self.files[resolved]
        if file is None:
            self.warnings.append(Problem(display_path(path), message))
        else:
            self.warnings.append(file.problem(key, message))

    def run(self) -> list[Problem]:
        self.unused()
        self.order()
        self.contradictions()
        self.unknown_options()
        self.unnamed_actions()
        return self.warnings

    # -- every expression and template, with where it stands -------------------

    def expressions(self) -> Iterator[tuple[Path | None, str, str]]:
        for stage in self.playbook.stages:
            if stage.when:
                yield stage.source, f"{stage.key}.when", stage.when
            for q in stage.questions:
                if q.when:
                    yield stage.source, f"{q.key}.when", q.when
        for score in self.playbook.scores:
            for i, adj in enumerate(score.adjust):
                yield None, f"scores.{score.name}.adjust[{i}].when", adj.when
        for fact in self.playbook.facts:
            yield None, f"facts.{fact.name}", fact.expr
        for i, level in enumerate(self.playbook.levels):
            for up in level.raises:
                yield None, f"levels[{i}].{up.key}", up.when
        for i, rule in enumerate(self.playbook.rules):
            yield None, f"decision.rules[{i}].when", rule.when
        for i, action in enumerate(self.playbook.actions):
            if action.when:
                yield None, f"actions[{i}].when", action.when
            if action.due:
                yield None, f"actions[{i}].due", action.due
            if action.before:
                yield None, f"actions[{i}].before", action.before
        if self.playbook.days_off:
            yield None, "days_off", self.playbook.days_off
        for output in self.playbook.outputs:
            # a calendar's slots, lengths and clock are expressions too
            for key, text in (
                ("when", output.when),
                ("events", output.events),
                ("minutes", output.minutes),
                ("zone", output.zone),
            ):
                if text:
                    yield None, f"outputs.{output.name}.{key}", text

    def templates(self) -> Iterator[str]:
        for action in self.playbook.actions:
            if action.source is None:
                yield action.what
                yield action.owner
        for output in self.playbook.outputs:
            for text in (output.subject, output.to, output.cc, output.sender, output.title):
                if text:
                    yield text
            if output.template is not None:
                try:
                    yield output.template.read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    continue

    # -- unused questions --------------------------------------------------------

    def used_names(self) -> set[str]:
        used: set[str] = set()
        for _source, _key, text in self.expressions():
            tree = _parse(text)
            if tree is not None:
                used |= _names(tree) | sandbox.attribute_uses(tree, "labels")
        for text in self.templates():
            try:
                reads = sandbox.template_reads(text)
            except sandbox.ExpressionError:
                continue
            used |= reads.names | reads.of("labels")
        used |= {a.source for a in self.playbook.actions if a.source}
        return used

    def unused(self) -> None:
        used = self.used_names()
        for stage in self.playbook.stages:
            for q in stage.questions:
                if q.id in used or _has_scores(q):
                    continue
                self.warn(
                    stage.source,
                    f"{q.key}.id",
                    f"Question {q.id!r} is not used by any template, rule, score, action or "
                    "condition; its answer only appears in the plan's list of answers.",
                )
        for fact in self.playbook.facts:
            if fact.name not in used:
                self.warn(
                    None,
                    f"facts.{fact.name}",
                    f"Fact {fact.name!r} is not used by any rule, action, output or template.",
                )

    # -- conditions that read answers not given yet ------------------------------

    def order(self) -> None:
        position: dict[str, int] = {}
        for stage in self.playbook.stages:
            for q in stage.questions:
                position[q.id] = len(position)
        index = 0
        for stage in self.playbook.stages:
            # a stage's condition is worked out before any of its own questions are answered
            self._order_one(stage.source, f"{stage.key}.when", stage.when, index, position, stage)
            for q in stage.questions:
                self._order_one(
                    stage.source, f"{q.key}.when", q.when, index, position, stage, own=q.id
                )
                index += 1

    def _order_one(
        self,
        source: Path | None,
        key: str,
        text: str | None,
        index: int,
        position: dict[str, int],
        stage: Stage,
        own: str = "",
    ) -> None:
        tree = _parse(text)
        if tree is None:
            return
        for name in sorted(_names(tree)):
            where = position.get(name)
            if where is None or where < index:
                continue
            later = self.questions[name]
            if name == own:
                place = "by this very question"
            elif later.stage == stage.id:
                place = f"later in stage {stage.id!r}"
            else:
                place = f"in the later stage {later.stage!r}"
            self.warn(
                source,
                key,
                f"`{key}` reads {name!r}, which is only answered {place}, so it is always none "
                "here and the condition never changes.",
            )

    # -- conditions that contradict each other -------------------------------------

    def contradictions(self) -> None:
        for stage in self.playbook.stages:
            stage_facts = self._facts(stage.when, f"{stage.key}.when")
            clash = _clash(stage_facts, self.questions)
            if clash:
                self.warn(
                    stage.source,
                    f"{stage.key}.when",
                    f"`{stage.key}.when` can never hold: {clash}; the stage never applies.",
                )
                continue
            for q in stage.questions:
                if not q.when:
                    continue
                facts = self._facts(q.when, f"{q.key}.when", base=stage_facts)
                clash = _clash(facts, self.questions)
                if clash:
                    self.warn(
                        stage.source,
                        f"{q.key}.when",
                        f"`{q.key}.when` can never hold together with its stage's condition: "
                        f"{clash}; the question is never asked."
                        if stage.when and _mentions(clash, f"{stage.key}.when")
                        else f"`{q.key}.when` can never hold: {clash}; the question is never asked.",
                    )

    def _facts(
        self, text: str | None, key: str, base: dict[str, _Facts] | None = None
    ) -> dict[str, _Facts]:
        facts = {name: _copy(f) for name, f in (base or {}).items()}
        tree = _parse(text)
        if tree is None:
            return facts
        for part in _conjuncts(tree):
            _learn(facts, part, key)
        return facts

    # -- comparisons with options that do not exist ----------------------------------

    def unknown_options(self) -> None:
        for source, key, text in self.expressions():
            tree = _parse(text)
            if tree is None:
                continue
            for name, value in _compared_constants(tree):
                q = self.questions.get(name)
                # '' stands for a question left unanswered, as `none` does
                if q is None or not q.options or not isinstance(value, str) or not value:
                    continue
                if q.option(value) is None:
                    values = ", ".join(repr(o.value) for o in q.options)
                    self.warn(
                        source,
                        key,
                        f"`{key}` compares {name!r} with {value!r}, which is not one of its "
                        f"options ({values}), so that comparison never holds.",
                    )

    # -- actions a rewording would detach ------------------------------------------

    def unnamed_actions(self) -> None:
        """One warning for the playbook's actions that have no ``id``: a case file keeps its
        marks against an action, and a calendar its event, by that name, else by a digest of
        the action's words, which a rewording changes."""
        unnamed = [i for i, a in enumerate(self.playbook.actions) if not a.id and a.source is None]
        if not unnamed:
            return
        count = len(unnamed)
        which = "This action has" if count == 1 else f"{count} actions have"
        first = "" if count == 1 else " (this is the first)"
        self.warn(
            None,
            f"actions[{unnamed[0]}].what",
            f"{which} no `id`{first}: a case file keeps a step's marks (done, a new date or "
            "owner) and a calendar its event by that name, so rewording an unnamed action "
            'detaches them. Add a short name such as `id = "send-the-dates"`.',
        )


# -- helpers on expression trees ---------------------------------------------------


def _parse(text: str | None) -> nodes.Expr | None:
    if not text:
        return None
    try:
        return sandbox.parse_expression(text)
    except sandbox.ExpressionError:
        return None


def _names(tree: nodes.Node) -> set[str]:
    """The names an expression reads, including a condition that is one bare name."""
    return sandbox.expression_names(tree)


def _has_scores(question: Question) -> bool:
    return bool(question.scores) or any(o.scores for o in question.options)


def _conjuncts(tree: nodes.Node) -> list[nodes.Node]:
    if isinstance(tree, nodes.And):
        return _conjuncts(tree.left) + _conjuncts(tree.right)
    return [tree]


def _constant(node: nodes.Node) -> tuple[bool, Any]:
    if isinstance(node, nodes.Const):
        return True, node.value
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_constant(item) for item in node.items]
        if all(ok for ok, _ in items):
            return True, tuple(value for _, value in items)
    return False, None


def _comparison(node: nodes.Node) -> tuple[str, str, Any] | None:
    """``name == 'x'`` (either way round), ``!=``, and ``name in [...]`` as (name, op, value)."""
    if not isinstance(node, nodes.Compare) or len(node.ops) != 1:
        return None
    op = node.ops[0].op
    left, right = node.expr, node.ops[0].expr
    if isinstance(left, nodes.Name):
        ok, value = _constant(right)
        if ok and op in ("eq", "ne", "in", "notin"):
            return left.name, op, value
    if isinstance(right, nodes.Name):
        ok, value = _constant(left)
        if ok and op in ("eq", "ne"):
            return right.name, op, value
    return None


def _compared_constants(tree: nodes.Node) -> Iterator[tuple[str, Any]]:
    for node in all_nodes(tree, nodes.Compare):
        found = _comparison(node)
        if found is not None:
            name, op, value = found
            if op in ("eq", "ne"):
                yield name, value
            elif isinstance(value, tuple):
                for item in value:
                    yield name, item
        # 'sla' in issues: a constant tested for membership in a multi answer
        if (
            len(node.ops) == 1
            and node.ops[0].op in ("in", "notin")
            and isinstance(node.expr, nodes.Const)
            and isinstance(node.ops[0].expr, nodes.Name)
        ):
            yield node.ops[0].expr.name, node.expr.value


def _learn(facts: dict[str, _Facts], node: nodes.Node, where: str) -> None:
    if isinstance(node, nodes.Name):
        facts.setdefault(node.name, _Facts()).truthy = where
        return
    if isinstance(node, nodes.Not) and isinstance(node.node, nodes.Name):
        facts.setdefault(node.node.name, _Facts()).falsy = where
        return
    found = _comparison(node)
    if found is None:
        return
    name, op, value = found
    entry = facts.setdefault(name, _Facts())
    if op == "eq" and _hashable(value):
        entry.equals.setdefault(value, where)
    elif op == "ne" and _hashable(value):
        entry.differs.setdefault(value, where)
    elif op == "in" and isinstance(value, tuple) and all(_hashable(v) for v in value):
        entry.within.append((set(value), where))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _copy(facts: _Facts) -> _Facts:
    return _Facts(
        dict(facts.equals), dict(facts.differs), facts.truthy, facts.falsy, list(facts.within)
    )


def _show(value: Any) -> str:
    return repr(value) if not isinstance(value, bool) else str(value).lower()


def _clash(facts: dict[str, _Facts], questions: dict[str, Question]) -> str:
    """Describe the first contradiction among the facts, or return ''."""
    for name, f in facts.items():
        if name not in questions:
            continue
        equals = list(f.equals.items())
        if len(equals) > 1:
            (a, wa), (b, wb) = equals[0], equals[1]
            return f"{name} == {_show(a)} (in {wa}) and {name} == {_show(b)} (in {wb})"
        for value, where in equals:
            if value in f.differs:
                return (
                    f"{name} == {_show(value)} (in {where}) and "
                    f"{name} != {_show(value)} (in {f.differs[value]})"
                )
            for allowed, wi in f.within:
                if value not in allowed:
                    return f"{name} == {_show(value)} (in {where}) but must be one of {sorted(allowed, key=str)} (in {wi})"
            if f.falsy and value not in (None, "", 0, False):
                return f"{name} == {_show(value)} (in {where}) and not {name} (in {f.falsy})"
            if f.truthy and value in (None, "", 0, False):
                return (
                    f"{name} == {_show(value)} (in {where}) and {name} must be set (in {f.truthy})"
                )
        if f.truthy and f.falsy:
            return f"{name} must be set (in {f.truthy}) and not {name} (in {f.falsy})"
        if len(f.within) > 1:
            common = set.intersection(*(s for s, _ in f.within))
            if not common:
                return f"{name} must be in lists with nothing in common ({f.within[0][1]}, {f.within[1][1]})"
    return ""


def _mentions(text: str, key: str) -> bool:
    return f"(in {key})" in text
