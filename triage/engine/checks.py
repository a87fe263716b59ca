"""Checks that need the whole playbook: ids, names in expressions, templates."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from triage.engine import names, sandbox
from triage.engine.errors import Problem
from triage.engine.model import Playbook
from triage.engine.structure import ID, closest
from triage.engine.tomlfile import TomlFile, display_path

MAX_TEMPLATE_BYTES = 256 * 1024


class _References:
    def __init__(self, playbook: Playbook, top: TomlFile, tomls: dict[Path, TomlFile]):
        self.playbook = playbook
        self.top = top
        self.tomls = tomls
        self.problems: list[Problem] = []
        self.questions = {q.id for s in playbook.stages for q in s.questions}
        self.scores = {s.name for s in playbook.scores}
        self.early_facts = {f.name for f in playbook.facts if not f.late}
        self.facts = {f.name for f in playbook.facts}
        self.below: set[str] = set()  # while checking a fact: itself and the facts after it

    def at(self, source: Path | None, key: str, message: str) -> None:
        file = self.tomls.get(source.resolve()) if source else None
        self.problems.append((file or self.top).problem(key, message))

    def expression(
        self, source: Path | None, key: str, text: str | None, allowed: Iterable[str], what: str
    ) -> None:
        if text is None:
            return
        try:
            reads = sandbox.expression_reads(text)
        except sandbox.ExpressionError as exc:
            self.at(source, key, f"`{key}` is not a valid expression: {exc}.")
            return
        self.names(source, key, reads, set(allowed), what)

    def names(
        self,
        source: Path | None,
        key: str,
        reads: sandbox.Reads,
        allowed: set[str],
        what: str,
        template_file: str | None = None,
    ) -> None:
        """Report names that do not exist: against ``key`` in the TOML file, or at their
        own line in ``template_file`` when the names come from a template file."""
        subject = "The template" if template_file else f"`{key}`"

        def report(message: str, line: int | None) -> None:
            if template_file:
                self.problems.append(Problem(template_file, message, line, 1 if line else None))
            else:
                self.at(source, key, message)

        known = self.questions | allowed
        for name in sorted(reads.names - known):
            hint = closest(name, known)
            if name in names.TEMPLATE_NAMES:
                extra = f" `{name}` is not available in {what}."
            elif name in self.facts:
                message = (
                    f"{subject} names fact {name!r}, which is defined below it; move it up."
                    if name in self.below
                    else f"{subject} names fact {name!r}, which reads the route or the date, "
                    f"so {what} cannot use it."
                )
                report(message, reads.line(name))
                continue
            else:
                extra = f" Did you mean {hint!r}?" if hint else ""
            message = f"{subject} names {name!r}, which is not a question in this playbook.{extra}"
            report(message, reads.line(name))
        lookups = (
            ("scores", self.scores, "no score {!r} is defined"),
            ("bands", self.scores, "no score {!r} is defined"),
            ("labels", self.questions, "{!r} is not a question"),
        )
        for base, defined, missing in lookups:
            if base not in allowed and base != "labels":
                continue
            for item in sorted(reads.of(base) - defined):
                message = f"{subject} uses {base}.{item}, but {missing.format(item)}."
                report(message, reads.line(item))

    def template_text(self, key: str, text: str | None, allowed: set[str], what: str) -> None:
        if text is None:
            return
        try:
            reads = sandbox.template_reads(text)
        except sandbox.ExpressionError as exc:
            self.at(None, key, f"`{key}` is not a valid template: {exc}.")
            return
        self.names(None, key, reads, allowed, what)

    def run(self) -> list[Problem]:
        self.ids()
        self.conditions()
        self.score_refs()
        self.fact_exprs()
        self.expression(
            None,
            "days_off",
            self.playbook.days_off,
            names.DAYS_OFF_NAMES | self.early_facts,
            "days_off",
        )
        self.decision()
        self.actions()
        self.outputs()
        return self.problems

    def ids(self) -> None:
        stages: set[str] = set()
        seen: dict[str, str] = {}
        for stage in self.playbook.stages:
            if stage.id in stages:
                self.at(
                    stage.source,
                    f"{stage.key}.id",
                    f"Stage id {stage.id!r} is used twice in this playbook.",
                )
            stages.add(stage.id)
            for q in stage.questions:
                if q.id in seen:
                    self.at(
                        stage.source,
                        f"{q.key}.id",
                        f"Question id {q.id!r} is used twice (also in stage {seen[q.id]!r}).",
                    )
                elif q.id in names.RESERVED:
                    self.at(
                        stage.source,
                        f"{q.key}.id",
                        f"Question id {q.id!r} is reserved; choose another.",
                    )
                seen.setdefault(q.id, stage.id)

    def conditions(self) -> None:
        for stage in self.playbook.stages:
            self.expression(
                stage.source,
                f"{stage.key}.when",
                stage.when,
                names.ANSWERS_ONLY,
                "stage conditions",
            )
            for q in stage.questions:
                self.expression(
                    stage.source, f"{q.key}.when", q.when, names.ANSWERS_ONLY, "question conditions"
                )

    def score_refs(self) -> None:
        for stage in self.playbook.stages:
            for q in stage.questions:
                weights = [(f"{q.key}.scores", q.scores)]
                weights += [
                    (f"{q.key}.options[{i}].scores", o.scores) for i, o in enumerate(q.options)
                ]
                for key, table in weights:
                    for name in table:
                        if name not in self.scores:
                            hint = closest(name, self.scores)
                            extra = (
                                f" Did you mean {hint!r}?" if hint else " Define it under [scores]."
                            )
                            self.at(
                                stage.source,
                                f"{key}.{name}",
                                f"Score {name!r} is not defined.{extra}",
                            )
        for score in self.playbook.scores:
            for i, adj in enumerate(score.adjust):
                key = f"scores.{score.name}.adjust[{i}].when"
                self.expression(None, key, adj.when, names.SCORE_NAMES, "score adjustments")

    def fact_exprs(self) -> None:
        above: set[str] = set()
        for fact in self.playbook.facts:
            key = f"facts.{fact.name}"
            if not ID.match(fact.name):
                self.at(
                    None,
                    key,
                    f"Fact name {fact.name!r} must start with a lowercase letter and use only "
                    "lowercase letters, digits and underscores.",
                )
            elif fact.name in self.questions or fact.name in names.RESERVED:
                taken = "a question id" if fact.name in self.questions else "reserved"
                self.at(None, key, f"Fact name {fact.name!r} is {taken}; choose another.")
            allowed = set(names.SCORE_NAMES) | above
            if fact.late:
                allowed |= names.ACTION_NAMES
            self.below = self.facts - above
            self.expression(None, key, fact.expr, allowed, "facts")
            above.add(fact.name)
        self.below = set()

    def decision(self) -> None:
        levels = {lv.level for lv in self.playbook.levels}
        early = set(names.SCORE_NAMES) | self.early_facts
        for i, lv in enumerate(self.playbook.levels):
            for up in lv.raises:
                key = f"levels[{i}].{up.key}"
                self.expression(None, key, up.when, early, "level conditions")
        for i, rule in enumerate(self.playbook.rules):
            key = f"decision.rules[{i}]"
            self.expression(None, f"{key}.when", rule.when, early, "decision rules")
            if levels and rule.level is not None and rule.level not in levels:
                self.at(
                    None,
                    f"{key}.level",
                    f"`{key}.level` = {rule.level} is not one of the [[levels]].",
                )
        level = self.playbook.default_level
        if levels and level is not None and level not in levels:
            self.at(
                None, "decision.level", f"`decision.level` = {level} is not one of the [[levels]]."
            )

    def actions(self) -> None:
        questions = self.playbook.questions
        allowed = set(names.ACTION_NAMES) | self.facts
        for i, action in enumerate(self.playbook.actions):
            key = f"actions[{i}]"
            self.expression(None, f"{key}.when", action.when, allowed, "action conditions")
            if action.source is not None:
                q = questions.get(action.source)
                fields = {f.id: f for f in q.fields} if q is not None else {}
                if q is None or not q.fields:  # only a list question has rows to act on
                    self.at(
                        None,
                        f"{key}.from",
                        f"`{key}.from` = {action.source!r} must name a list question.",
                    )
                elif "what" not in fields:
                    self.at(
                        None,
                        f"{key}.from",
                        f"The list question {action.source!r} needs a field `what`.",
                    )
                elif "shared" in fields and fields["shared"].kind != "yesno":
                    stage = self.playbook.stage(q.stage)
                    self.at(
                        stage.source if stage else None,
                        f"{fields['shared'].key}.kind",
                        f"`{fields['shared'].key}.kind` must be 'yesno': the field `shared` of "
                        f"list question {action.source!r} marks a row as shared with the other "
                        "side.",
                    )
                continue
            self.expression(None, f"{key}.due", action.due, allowed, "action due dates")
            self.expression(None, f"{key}.before", action.before, allowed, "action due dates")
            self.template_text(f"{key}.what", action.what, allowed, "actions")
            self.template_text(f"{key}.owner", action.owner, allowed, "actions")

    def outputs(self) -> None:
        for output in self.playbook.outputs:
            key = f"outputs.{output.name}"
            self.expression(
                None,
                f"{key}.when",
                output.when,
                names.OUTPUT_NAMES | self.facts,
                "output conditions",
            )
            header_names = set(names.ACTION_NAMES) | self.facts
            self.template_text(f"{key}.subject", output.subject, header_names, "email headers")
            self.template_text(f"{key}.to", output.to, header_names, "email headers")
            self.template_text(f"{key}.cc", output.cc, header_names, "email headers")
            self.template_text(f"{key}.from", output.sender, header_names, "email headers")
            self.template_text(f"{key}.title", output.title, header_names, "calendar titles")
            for part in ("events", "minutes", "zone"):
                self.expression(
                    None,
                    f"{key}.{part}",
                    getattr(output, part),
                    names.OUTPUT_NAMES | names.ACTION_NAMES | self.facts,
                    "calendar events",
                )
            self.template_file(key, output.template)

    def template_file(self, key: str, path: Path | None) -> None:
        if path is None:
            return
        shown = display_path(path)
        try:
            raw = path.read_bytes()[: MAX_TEMPLATE_BYTES + 1]
        except OSError as exc:
            self.at(None, f"{key}.template", f"Template {shown} cannot be read: {exc.strerror}.")
            return
        if len(raw) > MAX_TEMPLATE_BYTES:
            self.at(None, f"{key}.template", f"Template {shown} is larger than 256 KiB.")
            return
        try:
            text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError:
            self.at(None, f"{key}.template", f"Template {shown} is not UTF-8 text.")
            return
        try:
            reads = sandbox.template_reads(text)
        except sandbox.ExpressionError as exc:
            self.problems.append(
                Problem(shown, f"Template does not compile: {exc}.", getattr(exc, "line", None), 1)
            )
            return
        allowed = set(names.TEMPLATE_NAMES) | self.facts
        self.names(None, key, reads, allowed, "templates", shown)


def check_references(
    playbook: Playbook, top: TomlFile, tomls: dict[Path, TomlFile]
) -> list[Problem]:
    """Problems with the names a playbook refers to: questions, scores and facts."""
    return _References(playbook, top, tomls).run()
