"""Load a playbook file, with its included stage files, into a checked Playbook."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from triage.engine import codecache, names, sandbox
from triage.engine.errors import PlaybookInvalid, Problem
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
from triage.engine.structure import Checker, check_question, check_route, closest, each
from triage.engine.tomlfile import TomlFile, display_path, read_toml

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TOP_KEYS = {"format", "title", "summary", "version", "levels", "facts", "days_off", "stages",
            "scores", "decision", "actions", "outputs"}  # fmt: skip
STAGE_FILE_KEYS = {"format", "title", "summary", "stages"}
STAGE_KEYS = {"id", "title", "guidance", "when", "questions"}
LEVEL_KEYS = {"level", "name", "who", "decides", "when", "because", "raises"}
ACTION_KEYS = {"what", "owner", "due_days", "due", "when", "shared"}
FROM_ACTION_KEYS = {"from", "when", "shared"}
DEFAULT_OUTPUTS = {
    "plan": ("plan.md", "plan.md.j2"),
    "email": ("reset-email.eml", "reset-email.txt.j2"),
}
DEFAULT_SUBJECT = "Acknowledging the issue and proposing a way forward"


def load_playbook(path: Path | str) -> Playbook:
    """Load and check a playbook; raise PlaybookInvalid listing every problem found."""
    loader = _Loader(Path(path))
    playbook = loader.load()
    if loader.problems or playbook is None:
        raise PlaybookInvalid(loader.problems)
    return playbook


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
    loader = _Loader(path)
    file = loader.read(path, "stage file")
    if file is None:
        return loader.problems
    c = Checker(file)
    c.unknown_keys(file.data, "", STAGE_FILE_KEYS)
    loader.stages(file, c, [path.resolve()])
    return c.problems + loader.problems


def is_stage_file(data: dict[str, Any]) -> bool:
    return "stages" in data and "format" not in data and set(data) <= STAGE_FILE_KEYS


class _Loader:
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
        data = file.data
        c.unknown_keys(data, "", TOP_KEYS)
        fmt = c.get(data, "", "format", int, required=True)
        if fmt is not None and fmt != 1:
            c.add(
                "format",
                f"`format` = {fmt} is not supported; this version of triage reads format 1.",
            )
        title = c.get(data, "", "title", str, required=True, default="")
        summary = c.get(data, "", "summary", str, required=True, default="")
        version = c.get(data, "", "version", str, required=True, default="")
        levels = self.levels(c, data)
        stages = self.stages(file, c, [self.path.resolve()])
        if not stages and not c.problems and not any(p.file != file.name for p in self.problems):
            c.add("stages", "The playbook needs at least one stage.")
        scores = self.scores(c, data.get("scores"))
        facts = self.facts(c, data, stages)
        days_off = c.get(data, "", "days_off", str)
        decision = c.get(data, "", "decision", dict, default={})
        rules, default_route, default_level, default_because = self.decision(c, decision)
        actions = each(c, data, "", "actions", lambda p, t: self.action(c, p, t))
        outputs = self.outputs(c, data.get("outputs"))
        self.problems[:0] = c.problems
        playbook = Playbook(
            id=playbook_id(self.path),
            path=self.path,
            title=title,
            summary=summary,
            version=version,
            stages=tuple(stages),
            scores=tuple(scores),
            rules=tuple(rules),
            default_route=default_route,
            default_level=default_level,
            default_because=default_because,
            levels=tuple(levels),
            facts=tuple(facts),
            days_off=days_off,
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

    def stages(self, file: TomlFile, c: Checker, stack: list[Path]) -> list[Stage]:
        found: list[Stage] = []
        for path, table in c.table_list(file.data, "", "stages"):
            if "include" in table:
                c.unknown_keys(table, path, {"include"})
                target = c.get(table, path, "include", str, required=True)
                if target:
                    found.extend(self.include(file, c, f"{path}.include", target, stack))
                continue
            stage = self.stage(c, path, table, file.path)
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
        ic.unknown_keys(included.data, "", STAGE_FILE_KEYS)
        stages = self.stages(included, ic, [*stack, resolved])
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

    def stage(self, c: Checker, path: str, table: dict[str, Any], source: Path) -> Stage | None:
        c.unknown_keys(table, path, STAGE_KEYS)
        sid = c.identifier(table, path)
        title = c.get(table, path, "title", str, required=True, default="")
        questions: list[Question] = []
        for qpath, qtable in c.table_list(table, path, "questions"):
            question = check_question(c, qpath, qtable, sid)
            if question is not None:
                questions.append(question)
        return Stage(
            id=sid,
            title=title,
            guidance=c.get(table, path, "guidance", str, default=""),
            when=c.get(table, path, "when", str),
            questions=tuple(questions),
            source=source,
            key=path,
        )

    # -- scores, decision, levels, actions, outputs ---------------------------

    def scores(self, c: Checker, table: Any) -> list[Score]:
        if table is None:
            return []
        if not isinstance(table, dict):
            c.add("scores", "`scores` must be a table of named scores.")
            return []
        found = []
        for name, spec in table.items():
            path = f"scores.{name}"
            if not isinstance(spec, dict):
                c.add(path, f"`{path}` must be a table.")
                continue
            c.unknown_keys(spec, path, {"label", "description", "start", "bands", "adjust"})
            bands = each(c, spec, path, "bands", lambda p, t: self.band(c, p, t))
            if not bands:
                c.add(path, f"`{path}` needs at least one band.")
            adjust = each(c, spec, path, "adjust", lambda p, t: self.adjustment(c, p, t))
            found.append(
                Score(
                    name=name,
                    label=c.get(spec, path, "label", str, required=True, default=name),
                    description=c.get(spec, path, "description", str, default=""),
                    start=c.get(spec, path, "start", (int, float), default=0),
                    bands=tuple(bands),
                    adjust=tuple(adjust),
                )
            )
        return found

    def band(self, c: Checker, path: str, table: dict[str, Any]) -> Band:
        c.unknown_keys(table, path, {"min", "label", "advice"})
        return Band(
            min=c.get(table, path, "min", (int, float), default=float("-inf")),
            label=c.get(table, path, "label", str, required=True, default=""),
            advice=c.get(table, path, "advice", str, default=""),
        )

    def adjustment(self, c: Checker, path: str, table: dict[str, Any]) -> Adjustment:
        c.unknown_keys(table, path, {"when", "points", "because"})
        return Adjustment(
            when=c.get(table, path, "when", str, required=True, default="false"),
            points=c.get(table, path, "points", (int, float), required=True, default=0),
            because=c.get(table, path, "because", str, required=True, default=""),
        )

    def decision(
        self, c: Checker, table: dict[str, Any]
    ) -> tuple[list[Rule], str, int | None, str]:
        c.unknown_keys(table, "decision", {"default", "level", "because", "rules"})
        if not table:
            return [], "negotiate", None, "Nothing points away from talking directly."
        default = check_route(
            c,
            "decision.default",
            c.get(table, "decision", "default", str, required=True, default=""),
        )
        level = c.get(table, "decision", "level", int)
        because = c.get(table, "decision", "because", str, required=True, default="")
        rules = each(c, table, "decision", "rules", lambda p, t: self.rule(c, p, t))
        seen: set[str] = set()
        for index, rule in enumerate(rules):
            if rule.id in seen:
                c.add(
                    f"decision.rules[{index}].id",
                    f"`decision.rules[{index}].id` = {rule.id!r} is used twice.",
                )
            seen.add(rule.id)
        return rules, default or "negotiate", level, because

    def rule(self, c: Checker, path: str, table: dict[str, Any]) -> Rule:
        c.unknown_keys(table, path, {"id", "when", "route", "level", "because"})
        return Rule(
            id=c.identifier(table, path),
            when=c.get(table, path, "when", str, required=True, default="false"),
            route=check_route(
                c, f"{path}.route", c.get(table, path, "route", str, required=True, default="")
            ),
            because=c.get(table, path, "because", str, required=True, default=""),
            level=c.get(table, path, "level", int),
        )

    def facts(self, c: Checker, data: dict[str, Any], stages: list[Stage]) -> list[Fact]:
        """``[facts]``: name = expression, in order; each may use the ones above it."""
        table = c.get(data, "", "facts", dict, default={})
        early = {q.id for s in stages for q in s.questions} | names.SCORE_NAMES
        found: list[Fact] = []
        for name, expr in table.items():
            key = f"facts.{name}"
            if not isinstance(expr, str):
                c.add(
                    key, f"`{key}` must be an expression in quotes, like \"fault == 'mostly_us'\"."
                )
                continue
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

    def levels(self, c: Checker, data: dict[str, Any]) -> list[Level]:
        found: list[Level] = []
        for path, table in c.table_list(data, "", "levels"):
            level = self.level(c, path, table)
            if any(lv.level == level.level for lv in found) and "level" in table:
                c.add(f"{path}.level", f"`{path}.level` = {level.level} is used twice.")
            found.append(level)
        return found

    def level(self, c: Checker, path: str, table: dict[str, Any]) -> Level:
        c.unknown_keys(table, path, LEVEL_KEYS)
        raises: list[Raise] = []
        when = c.get(table, path, "when", str)
        if when is not None:
            raises.append(Raise(when, self.raise_because(c, path, table)))
        for sub, entry in c.table_list(table, path, "raises"):
            c.unknown_keys(entry, sub, {"when", "because"})
            found = c.get(entry, sub, "when", str, required=True, default="false")
            key = sub[len(path) + 1 :] + ".when"  # raises[n].when
            raises.append(Raise(found, self.raise_because(c, sub, entry), key))
        return Level(
            level=c.get(table, path, "level", int, required=True, default=0),
            name=c.get(table, path, "name", str, required=True, default=""),
            who=c.get(table, path, "who", str, default=""),
            decides=c.get(table, path, "decides", str, default=""),
            raises=tuple(raises),
        )

    @staticmethod
    def raise_because(c: Checker, path: str, table: dict[str, Any]) -> str:
        if "because" not in table:
            c.add(
                path,
                f"{path} has `when`, so it needs `because`: the reason users see when "
                "it raises the level.",
            )
        return c.get(table, path, "because", str, default="")

    def action(self, c: Checker, path: str, table: dict[str, Any]) -> ActionSpec:
        shared = c.get(table, path, "shared", bool, default=False)
        if "from" in table:
            c.unknown_keys(table, path, FROM_ACTION_KEYS)
            return ActionSpec(
                source=c.get(table, path, "from", str, required=True),
                when=c.get(table, path, "when", str),
                shared=shared,
            )
        c.unknown_keys(table, path, ACTION_KEYS)
        return ActionSpec(
            what=c.get(table, path, "what", str, required=True, default=""),
            owner=c.get(table, path, "owner", str, default=""),
            due_days=c.get(table, path, "due_days", int),
            due=c.get(table, path, "due", str),
            when=c.get(table, path, "when", str),
            shared=shared,
        )

    def outputs(self, c: Checker, table: Any) -> list[OutputSpec]:
        table = table if isinstance(table, dict) else {}
        if "outputs" in table and not isinstance(table, dict):
            c.add("outputs", "`outputs` must be a table.")
        found: dict[str, OutputSpec] = {}
        for name, (file, template_file) in DEFAULT_OUTPUTS.items():
            found[name] = OutputSpec(
                name,
                file,
                DEFAULT_TEMPLATES / template_file,
                subject=DEFAULT_SUBJECT if name == "email" else None,
            )
        for name, spec in table.items():
            path = f"outputs.{name}"
            if not isinstance(spec, dict):
                c.add(path, f"`{path}` must be a table.")
                continue
            calendar = str(spec.get("file", "")).endswith(".ics")
            allowed = (
                {"file", "when", "events", "minutes", "title"}
                if calendar
                else {"file", "template", "when"}
                | ({"subject", "to", "from"} if name == "email" else set())
            )
            c.unknown_keys(spec, path, allowed)
            base = found.get(name)
            file = c.get(
                spec, path, "file", str, required=base is None, default=base.file if base else ""
            )
            if file and (
                Path(file).name != file
                or file in (".", "..")
                or file in ("case.toml", "actions.csv", "actions.ics")
            ):
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
                    when=c.get(spec, path, "when", str),
                    events=c.get(spec, path, "events", str, required=True),
                    minutes=c.get(spec, path, "minutes", str),
                    title=c.get(spec, path, "title", str, required=True),
                )
                continue
            template_name = c.get(spec, path, "template", str, required=base is None)
            template = base.template if base else None
            if template_name:
                template = self.inside(
                    c, f"{path}.template", template_name, self.path.resolve().parent, "template"
                )
                if template is not None and not template.is_file():
                    c.add(
                        f"{path}.template", f"`{path}.template` = {template_name!r}: no such file."
                    )
                    template = None
            found[name] = OutputSpec(
                name=name,
                file=file,
                template=template,
                when=c.get(spec, path, "when", str),
                subject=c.get(spec, path, "subject", str, default=base.subject if base else None),
                to=c.get(spec, path, "to", str, default=base.to if base else None),
                sender=c.get(spec, path, "from", str, default=base.sender if base else None),
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


def suggest(word: str, known: set[str]) -> str:
    hint = closest(word, known)
    return f" Did you mean {hint!r}?" if hint else ""


__all__ = ["PlaybookInvalid", "load_playbook", "names", "playbook_id", "sandbox", "suggest"]
