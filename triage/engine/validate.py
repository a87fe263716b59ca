"""`triage validate`: check playbooks and run their example answer sets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from triage.engine import codecache
from triage.engine.answersfile import read_answers_evaluated
from triage.engine.case import now
from triage.engine.errors import AnswersInvalid, PlaybookInvalid, Problem
from triage.engine.evaluate import Evaluation, evaluate
from triage.engine.library import discover, playbook_dirs, playbook_files
from triage.engine.model import ROUTES, Playbook
from triage.engine.names import ROUTE_CHOICES
from triage.engine.playbook import load_playbook
from triage.engine.playbook_loader import check_stage_file, is_stage_file
from triage.engine.render import RenderError, render_case
from triage.engine.sandbox import ExpressionError
from triage.engine.structure import closest
from triage.engine.tomlfile import display_path, read_toml


@dataclass
class Report:
    """The result of checking one playbook file."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    examples: int = 0


def examples_for(playbook: Playbook) -> list[Path]:
    """The playbook's example answer files, sorted; none when it has no examples folder."""
    folder = playbook.path.parent / "examples" / playbook.id
    return sorted(p for p in folder.glob("*.toml") if p.is_file()) if folder.is_dir() else []


def check_examples(playbook: Playbook) -> tuple[int, list[Problem]]:
    """Run every example answer set; each must load, meet its [expect] and render."""
    problems: list[Problem] = []
    examples = examples_for(playbook)
    for path in examples:
        name = display_path(path)
        passed = _passed_key(playbook, path)
        if passed and codecache.load("example", passed) is not None:
            continue  # passed today, with these exact files, under this exact engine
        before = len(problems)
        try:
            case, evaluation = read_answers_evaluated(path, playbook, example=True)
            render_case(playbook, case, evaluation)
            recommended = evaluate(playbook, case.answers) if case.override else evaluation
        except (AnswersInvalid, PlaybookInvalid) as exc:
            problems.extend(exc.problems)
            continue
        except (RenderError, ExpressionError) as exc:
            problems.append(Problem(name, f"does not render: {exc}"))
            continue
        problems.extend(_expectations(path, recommended))
        if passed and len(problems) == before:
            codecache.store("example", passed, True)
    return len(examples), problems


def _passed_key(playbook: Playbook, path: Path) -> str | None:
    """What an example's result depends on: the playbook's files, the example's, the engine
    and the date (drafts carry dates), so that a pass is only reused when nothing changed."""
    try:
        example = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    today = now().date().isoformat()  # as a case made now would be dated
    return f"{playbook.content_hash}\0{example}\0{today}\0{codecache.engine_stamp()}"


EXPECT_KEYS = {"route", "level", "bands"}


def _expectations(path: Path, evaluation: Evaluation) -> list[Problem]:
    """Check an example's [expect] against the recommended route, its level and the bands."""
    file = read_toml(path, keep=True)  # a playbook's example, just read by read_answers
    if isinstance(file, Problem):
        return [file]
    expect = file.data.get("expect")
    if expect is None:
        return []
    if not isinstance(expect, dict):
        return [file.problem("expect", "`expect` must be a table.")]
    found = []
    for key in expect:
        if key not in EXPECT_KEYS:
            hint = closest(key, EXPECT_KEYS)
            extra = f" Did you mean `{hint}`?" if hint else ""
            found.append(
                file.problem(
                    f"expect.{key}",
                    f"`expect.{key}` is not a known key; use route, level or bands.{extra}",
                )
            )
    route = expect.get("route")
    recommended = evaluation.route.recommended
    if route is not None and route not in ROUTES:
        found.append(
            file.problem(
                "expect.route", f"`expect.route` = {route!r} is not a route; use {ROUTE_CHOICES}."
            )
        )
    elif route is not None and route != recommended:
        found.append(
            file.problem(
                "expect.route",
                f"expected route {route!r}, but the playbook recommends {recommended!r}.",
            )
        )
    level = expect.get("level")
    actual = evaluation.route.level
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        found.append(file.problem("expect.level", "`expect.level` must be a whole number."))
    elif level is not None and level != actual:
        reasons = " ".join(evaluation.route.level_reasons)
        at = f"at level {actual}" if actual is not None else "at no level"
        found.append(
            file.problem(
                "expect.level",
                f"expected level {level}, but the playbook recommends {recommended!r} {at}"
                + (f", because: {reasons}" if reasons else "."),
            )
        )
    bands = expect.get("bands", {})
    if not isinstance(bands, dict):
        found.append(
            file.problem("expect.bands", "`expect.bands` must be a table of score = band label.")
        )
    else:
        for name, label in bands.items():
            state = evaluation.scores.get(name)
            if state is None:
                found.append(file.problem(f"expect.bands.{name}", f"there is no score {name!r}."))
            elif state.band != label:
                found.append(
                    file.problem(
                        f"expect.bands.{name}",
                        f"expected {name} band {label!r}, but the score {state.value} is {state.band!r}.",
                    )
                )
    return found


def check_playbook(path: Path, strict: bool = False) -> Report:
    """A report on one playbook file: its problems, examples run, and warnings when strict."""
    report = Report(path)
    found = read_toml(path, "playbook", keep=True)
    if not isinstance(found, Problem) and is_stage_file(found.data):
        report.problems.extend(check_stage_file(path))
        return report
    try:
        playbook = load_playbook(path)
    except PlaybookInvalid as exc:
        report.problems.extend(exc.problems)
        return report
    report.examples, problems = check_examples(playbook)
    report.problems.extend(problems)
    if strict:
        from triage.engine.strict import strict_warnings

        report.warnings.extend(strict_warnings(playbook))
    return report


def validate(paths: list[str], strict: bool = False) -> list[Report]:
    """Check the named files and folders, or every playbook found when none are named."""
    reports: list[Report] = []
    if not paths:
        reports = [check_playbook(entry.path, strict) for entry in discover(load=False)]
        for folder, source in playbook_dirs():
            if source == "team" and not folder.is_dir():
                problem = Problem(str(folder), "is named in TRIAGE_PLAYBOOKS but is not a folder.")
                reports.append(Report(folder, [problem]))
        return reports
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = playbook_files(path)
            if not files:
                reports.append(
                    Report(
                        path,
                        [
                            Problem(
                                display_path(path),
                                "is a folder with no playbook (.toml) files in it.",
                            )
                        ],
                    )
                )
            reports.extend(check_playbook(p, strict) for p in files)
        elif not path.exists():
            known = _playbook_named(name)
            if known is not None:  # a playbook's id, as `triage run` takes it
                reports.append(check_playbook(known, strict))
            else:
                reports.append(Report(path, [Problem(name, "does not exist.")]))
        else:
            reports.append(check_playbook(path, strict))
    return reports


def _playbook_named(name: str) -> Path | None:
    """The file of the playbook whose id is ``name`` (built-in or in a playbook folder)."""
    from triage.engine.library import discover

    if "/" in name or "\\" in name or name.endswith(".toml"):
        return None
    return next((entry.path for entry in discover(load=False) if entry.id == name), None)
