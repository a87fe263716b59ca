"""A playbook read from its files: its TOML parsed, every table's shape and every name
checked, and the model built (:class:`Loader`).

A run whose playbook is kept as its checked model (:mod:`triage.engine.playbook`) reads
none of this, nor the format's declarations it checks against
(:mod:`triage.engine.formats.playbook`): they load only when a playbook is read from its
files, or a stage file is checked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from triage.engine import codecache, names, sandbox
from triage.engine.errors import Problem
from triage.engine.formats import playbook as fmt
from triage.engine.model import (
    ActionSpec,
    Adjustment,
    Band,
    Fact,
    Level,
    OutputSpec,
    Playbook,
    Question,
    Raise,
    Rule,
    Score,
    Stage,
    playbook_id,
)
from triage.engine.structure import Checker, check_question, closest, each
from triage.engine.tomlfile import TomlFile, display_path, read_toml

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_OUTPUTS = {
    "plan": ("plan.md", "plan.md.j2"),
    "email": ("reset-email.eml", "reset-email.txt.j2"),
}
DEFAULT_SUBJECT = "Acknowledging the issue and proposing a way forward"


def _checked(playbook: Playbook, file: TomlFile, tomls: dict[Path, TomlFile]) -> list[Problem]:
    """The checks across the whole playbook, skipped when these exact files (the same
    content hash) passed them before under this exact engine."""
    remembered = f"{playbook.content_hash}\0{codecache.engine_stamp()}"
    if codecache.load("checked", remembered) is not None:
        return []
    from triage.engine.checks import check_references

    problems = check_references(playbook, file, tomls)
    if not problems:
        codecache.store("checked", remembered, True)
    return problems


def check_stage_file(path: Path) -> list[Problem]:
    """Problems in a shared stage file checked on its own (names are checked by its playbooks)."""
    loader = Loader(path)
    file = loader.read(path, "stage file")
    if file is None:
        return loader.problems
    c = Checker(file)
    v = c.shape(fmt.STAGE_FILE, file.data)
    loader.stages(file, c, v["stages"], [path.resolve()])
    return c.problems + loader.problems


def is_stage_file(data: dict[str, Any]) -> bool:
    """Whether parsed TOML is a shared stage file (stages and nothing a playbook has)."""
    return "stages" in data and "format" not in data and set(data) <= set(fmt.STAGE_FILE.allowed())


class Loader:
    """Reads one playbook from its files: :meth:`load` gives its model, or None, with
    every problem found in ``problems``."""

    def __init__(self, path: Path):
        self.path = path
        self.root = path.resolve().parent if path.exists() else path.parent
        self.problems: list[Problem] = []
        self.files: list[Path] = []
        self.tomls: dict[Path, TomlFile] = {}
        self.hash = hashlib.sha256()

    def read(self, path: Path, what: str) -> TomlFile | None:
        found = read_toml(path, what, keep=True)
        if isinstance(found, Problem):
            self.problems.append(found)
            return None
        self.files.append(path)
        self.tomls[path.resolve()] = found
        self.hash.update(found.source.encode())
        return found

    def load(self) -> Playbook | None:
        file = self.read(self.path, "playbook")
        if file is None:
            return None
        c = Checker(file)
        v = c.shape(fmt.PLAYBOOK, file.data)
        levels = self.levels(c, v["levels"])
        stages = self.stages(file, c, v["stages"], [self.path.resolve()])
        if not stages and not c.problems and not any(p.file != file.name for p in self.problems):
            c.add("stages", "The playbook needs at least one stage.")
        scores = self.scores(c, v["scores"])
        facts = self.facts(c, v["facts"], stages)
        rules, default_route, default_level, default_because = self.decision(c, v["decision"])
        actions = each(c, v["actions"], "actions", lambda p, t: self.action(c, p, t))
        outputs = self.outputs(c, v["outputs"])
        self.problems[:0] = c.problems
        playbook = Playbook(
            id=playbook_id(self.path),
            path=self.path,
            title=v["title"],
            summary=v["summary"],
            version=v["version"],
            stages=tuple(stages),
            scores=tuple(scores),
            rules=tuple(rules),
            default_route=default_route,
            default_level=default_level,
            default_because=default_because,
            levels=tuple(levels),
            facts=tuple(facts),
            days_off=v["days_off"],
            actions=tuple(actions),
            outputs=tuple(outputs),
            files=tuple(self.files),
        )
        for output in outputs:
            if output.template is not None and output.template.is_file():
                self.hash.update(output.template.read_bytes())
        from dataclasses import replace

        playbook = replace(playbook, content_hash="sha256:" + self.hash.hexdigest())
        if not self.problems:
            self.problems.extend(_checked(playbook, file, self.tomls))
        return playbook

    # -- stages and includes -------------------------------------------------

    def stages(self, file: TomlFile, c: Checker, value: Any, stack: list[Path]) -> list[Stage]:
        found: list[Stage] = []
        for path, table in c.tables(value, "stages"):
            v = c.shape(fmt.STAGE, table, path)
            if "include" in table:
                if v["include"]:
                    found.extend(self.include(file, c, f"{path}.include", v["include"], stack))
                continue
            stage = self.stage(c, path, v, file.path)
            if stage is not None:
                found.append(stage)
        return found

    def include(
        self, file: TomlFile, c: Checker, where: str, target: str, stack: list[Path]
    ) -> list[Stage]:
        resolved = self.inside(c, where, target, file.path.parent, "include")
        if resolved is None:
            return []
        if resolved in stack:
            chain = " -> ".join(
                display_path(p) for p in [*stack[stack.index(resolved) :], resolved]
            )
            c.add(where, f"`{where}` = {target!r} includes itself in a circle: {chain}.")
            return []
        if not resolved.is_file():
            c.add(where, f"`{where}` = {target!r}: no such file ({display_path(resolved)}).")
            return []
        included = self.read(resolved, "stage file")
        if included is None:
            return []
        ic = Checker(included)
        v = ic.shape(fmt.STAGE_FILE, included.data)
        stages = self.stages(included, ic, v["stages"], [*stack, resolved])
        self.problems.extend(ic.problems)
        return stages

    def inside(self, c: Checker, where: str, target: str, base: Path, what: str) -> Path | None:
        """Resolve ``target`` against ``base``, refusing anything outside the playbook's folder."""
        if Path(target).is_absolute() or target.startswith(("/", "\\")) or ":" in target[:3]:
            c.add(
                where,
                f"`{where}` = {target!r} must be a path relative to the playbook, not absolute.",
            )
            return None
        resolved = (base / target).resolve()
        if not resolved.is_relative_to(self.root):
            c.add(
                where,
                f"`{where}` = {target!r} points outside the playbook's folder "
                f"({display_path(self.root)}); an {what} must stay inside it.",
            )
            return None
        return resolved

    def stage(self, c: Checker, path: str, v: dict[str, Any], source: Path) -> Stage:
        questions: list[Question] = []
        for qpath, qtable in c.tables(v["questions"], f"{path}.questions"):
            question = check_question(c, qpath, qtable, v["id"])
            if question is not None:
                questions.append(question)
        return Stage(
            id=v["id"],
            title=v["title"],
            guidance=v["guidance"],
            when=v["when"],
            questions=tuple(questions),
            source=source,
            key=path,
        )

    # -- scores, decision, levels, actions, outputs ---------------------------

    def scores(self, c: Checker, table: Any) -> list[Score]:
        found = []
        for path, name, spec in c.entries(fmt.SCORES, table, "scores"):
            v = c.shape(fmt.SCORE, spec, path)
            bands = each(c, v["bands"], f"{path}.bands", lambda p, t: self.band(c, p, t))
            if not bands:
                c.add(path, f"`{path}` needs at least one band.")
            adjust = each(c, v["adjust"], f"{path}.adjust", lambda p, t: self.adjustment(c, p, t))
            found.append(
                Score(
                    name=name,
                    label=name if v["label"] is None else v["label"],
                    description=v["description"],
                    start=v["start"],
                    bands=tuple(bands),
                    adjust=tuple(adjust),
                )
            )
        return found

    def band(self, c: Checker, path: str, table: dict[str, Any]) -> Band:
        v = c.shape(fmt.BAND, table, path)
        return Band(min=v["min"], label=v["label"], advice=v["advice"])

    def adjustment(self, c: Checker, path: str, table: dict[str, Any]) -> Adjustment:
        v = c.shape(fmt.ADJUST, table, path)
        return Adjustment(when=v["when"], points=v["points"], because=v["because"])

    def decision(
        self, c: Checker, table: dict[str, Any]
    ) -> tuple[list[Rule], str, int | None, str]:
        if not table:
            return [], "negotiate", None, "Nothing points away from talking directly."
        v = c.shape(fmt.DECISION, table, "decision")
        rules = each(c, v["rules"], "decision.rules", lambda p, t: self.rule(c, p, t))
        seen: set[str] = set()
        for index, rule in enumerate(rules):
            if rule.id in seen:
                c.add(
                    f"decision.rules[{index}].id",
                    f"`decision.rules[{index}].id` = {rule.id!r} is used twice.",
                )
            seen.add(rule.id)
        return rules, v["default"] or "negotiate", v["level"], v["because"]

    def rule(self, c: Checker, path: str, table: dict[str, Any]) -> Rule:
        v = c.shape(fmt.RULE, table, path)
        return Rule(
            id=v["id"], when=v["when"], route=v["route"], because=v["because"], level=v["level"]
        )

    def facts(self, c: Checker, table: dict[str, Any], stages: list[Stage]) -> list[Fact]:
        """``[facts]``: name = expression, in order; each may use the ones above it."""
        early = {q.id for s in stages for q in s.questions} | names.SCORE_NAMES
        found: list[Fact] = []
        for _key, name, expr in c.entries(fmt.FACTS, table, "facts"):
            try:
                used = set(sandbox.expression_reads(expr).names)
            except sandbox.ExpressionError:
                used = set()  # reported with its position by the name checks
            below = set(table) - {f.name for f in found}  # reported by the name checks
            late = not used - below <= early
            if not late:
                early.add(name)
            found.append(Fact(name, expr, late))
        return found

    def levels(self, c: Checker, value: Any) -> list[Level]:
        found: list[Level] = []
        for path, table in c.tables(value, "levels"):
            level = self.level(c, path, table)
            if any(lv.level == level.level for lv in found) and "level" in table:
                c.add(f"{path}.level", f"`{path}.level` = {level.level} is used twice.")
            found.append(level)
        return found

    def level(self, c: Checker, path: str, table: dict[str, Any]) -> Level:
        v = c.shape(fmt.LEVEL, table, path)
        raises: list[Raise] = []
        if v["when"] is not None:
            if "because" not in table:  # the same sentence as for a `raises` entry
                c.add(path, fmt.RAISE_MISSING.format(what=path))
            raises.append(Raise(v["when"], v["because"]))
        for sub, entry in c.tables(v["raises"], f"{path}.raises"):
            r = c.shape(fmt.RAISE, entry, sub)
            key = sub[len(path) + 1 :] + ".when"  # raises[n].when
            raises.append(Raise(r["when"], r["because"], key))
        return Level(
            level=v["level"], name=v["name"], who=v["who"], decides=v["decides"],
            raises=tuple(raises),
        )  # fmt: skip

    def action(self, c: Checker, path: str, table: dict[str, Any]) -> ActionSpec:
        v = c.shape(fmt.ACTION, table, path)
        if "from" in table:
            return ActionSpec(
                source=v["from"], when=v["when"], shared=v["shared"], priority=v["priority"]
            )
        return ActionSpec(
            what=v["what"],
            owner=v["owner"],
            due_days=v["due_days"],
            due=v["due"],
            when=v["when"],
            shared=v["shared"],
            any_day=v["any_day"],
            priority=v["priority"],
            outward=v["outward"],
            before=v["before"],
            id=v["id"],
        )

    def outputs(self, c: Checker, table: Any) -> list[OutputSpec]:
        found: dict[str, OutputSpec] = {}
        for name, (file, template_file) in DEFAULT_OUTPUTS.items():
            found[name] = OutputSpec(
                name,
                file,
                DEFAULT_TEMPLATES / template_file,
                subject=DEFAULT_SUBJECT if name == "email" else None,
            )
        for path, name, spec in c.entries(fmt.OUTPUTS, table, "outputs", declared=True):
            calendar = str(spec.get("file", "")).endswith(".ics")
            base = found.get(name)
            declared = (
                fmt.CALENDAR_OUTPUT
                if calendar
                else fmt.EMAIL_OUTPUT
                if name == "email"
                else fmt.PLAN_OUTPUT
                if base is not None
                else fmt.FILE_OUTPUT
            )
            v = c.shape(declared, spec, path)
            file = v["file"] if v["file"] is not None else (base.file if base else "")
            if file and (Path(file).name != file or file in (".", "..", *fmt.RESERVED_FILES)):
                c.add(
                    f"{path}.file",
                    f"`{path}.file` = {file!r} must be a plain file name such as notes.md.",
                )
                file = ""
            if calendar:
                found[name] = OutputSpec(
                    name=name,
                    file=file,
                    template=None,
                    when=v["when"],
                    events=v["events"],
                    minutes=v["minutes"],
                    zone=v["zone"],
                    title=v["title"],
                )
                continue
            template = base.template if base else None
            if v["template"]:
                template = self.inside(
                    c, f"{path}.template", v["template"], self.path.resolve().parent, "template"
                )
                if template is not None and not template.is_file():
                    c.add(
                        f"{path}.template",
                        f"`{path}.template` = {v['template']!r}: no such file.",
                    )
                    template = None
            found[name] = OutputSpec(
                name=name,
                file=file,
                template=template,
                when=v["when"],
                subject=_or_base(v.get("subject"), base.subject if base else None),
                to=_or_base(v.get("to"), base.to if base else None),
                cc=_or_base(v.get("cc"), base.cc if base else None),
                sender=_or_base(v.get("from"), base.sender if base else None),
                words=v.get("words")
                if v.get("words") is not None
                else (base.words if base else None),
            )
        files = [o.file for o in found.values()]
        for name, output in found.items():
            if output.file and files.count(output.file) > 1:
                c.add(
                    f"outputs.{name}.file",
                    f"`outputs.{name}.file` = {output.file!r} is written by two outputs.",
                )
        return [
            o for o in found.values() if o.file and (o.template or (o.is_calendar and o.events))
        ]


def _or_base(value: str | None, base: str | None) -> str | None:
    return base if value is None else value


def suggest(word: str, known: set[str]) -> str:
    """A "Did you mean" sentence naming the known word closest to ``word``, or "" if none."""
    hint = closest(word, known)
    return f" Did you mean {hint!r}?" if hint else ""


__all__ = ["Loader", "check_stage_file", "is_stage_file", "suggest"]
