"""`triage new [PATH]`: a short wizard that writes a new playbook and validates it at once.

Stage files from the built-in ``playbooks/shared/`` are copied beside the new
playbook (under ``shared/``), because an include must stay inside the
playbook's folder; the JSON Schema goes under ``schema/`` so editors that read
the ``#:schema`` line understand the files. Nothing that exists is overwritten.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.engine.case import slug
from triage.engine.model import FIELD_KINDS, KINDS
from triage.engine.names import RESERVED
from triage.engine.schema import SCHEMA_FILE, playbook_schema
from triage.engine.structure import ID as QUESTION_ID
from triage.plain.prompts import (
    ask_checkbox,
    ask_confirm,
    ask_select,
    ask_text,
    has_terminal,
    say,
)
from triage.status import EXIT_INVALID, EXIT_OK, EXIT_STOPPED, EXIT_USAGE

PLAYBOOK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
JOURNEY = ("intake", "value", "accountability", "communications", "dispute", "reset-meeting",
           "follow-up")  # fmt: skip
KIND_HELP = {
    "text": "a short line of text",
    "longtext": "a paragraph or more",
    "choice": "one option from a list",
    "multi": "any number of options from a list",
    "yesno": "yes or no",
    "scale": "a rating from 1 to 5",
    "number": "a number, such as an amount",
    "date": "a date",
    "list": "repeatable rows, such as a timeline or actions",
}


@dataclass
class SharedFile:
    """A built-in stage file the new playbook may include."""

    name: str
    path: Path
    about: str
    stage_ids: list[str]
    question_ids: set[str]
    score_names: list[str]


@dataclass
class Draft:
    """What the wizard has been told so far."""

    id: str = ""
    title: str = ""
    summary: str = ""
    shared: list[SharedFile] = field(default_factory=list)
    stage_title: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)

    def taken_ids(self) -> set[str]:
        taken = {q for s in self.shared for q in s.question_ids}
        return taken | {q["id"] for q in self.questions}


def new_playbook(path: str | Path | None = None) -> int:
    """Ask for a new playbook, write it (never over an existing file) and validate it."""
    if not has_terminal():
        say(
            "triage new needs a terminal to ask its questions; to write a playbook by hand, "
            "follow docs/authoring.md and check it with `triage validate PATH`.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    target = Path(path) if path else None
    if target is not None and target.suffix == ".toml":
        problem = _file_problem(target)
        if problem:
            say(problem, file=sys.stderr)
            return EXIT_INVALID
    try:
        draft = _ask(target)
        file = _destination(target, draft.id)
        return _write(file, draft)
    except KeyboardInterrupt:
        say("\nStopped; nothing was written.", file=sys.stderr)
        return EXIT_STOPPED


def _file_problem(file: Path) -> str:
    if file.exists():
        return f"{file} already exists; triage new never replaces a file. Choose another path."
    if not PLAYBOOK_ID.match(file.stem):
        return (
            f"{file.name}: a playbook's file name is its id, so use lowercase letters, digits "
            "and hyphens, such as supplier-dispute.toml."
        )
    return ""


def _destination(target: Path | None, playbook_id: str) -> Path:
    if target is None:
        return Path.cwd() / f"{playbook_id}.toml"
    if target.suffix == ".toml":
        return target
    return target / f"{playbook_id}.toml"


# -- the questions ---------------------------------------------------------------------


def _ask(target: Path | None) -> Draft:
    draft = Draft()
    say("A new playbook. Answer a few questions; you can edit the file by hand afterwards.")
    if target is not None and target.suffix == ".toml":
        draft.id = target.stem
        say(f"Playbook id: {draft.id} (from the file name)")
    else:
        folder = target or Path.cwd()

        def check_id(text: str) -> bool | str:
            text = text.strip()
            if not PLAYBOOK_ID.match(text):
                return "Use lowercase letters, digits and hyphens, such as supplier-dispute."
            if (folder / f"{text}.toml").exists():
                return f"{folder / (text + '.toml')} already exists; choose another id."
            return True

        draft.id = ask_text("Playbook id (also its file name)", check=check_id).strip()
    draft.title = _text_or("Title", _title_from(draft.id))
    draft.summary = ask_text("One or two sentences for the home screen", check=_required).strip()
    shared = shared_files()
    if shared:
        chosen = ask_checkbox(
            "Which shared stages should it include?",
            [(f"{s.name}: {s.about}", s.name, s.name == "intake") for s in shared],
        )
        draft.shared = [s for s in shared if s.name in chosen]
    if ask_confirm("Add a stage of your own questions?", default=True):
        draft.stage_title = _text_or("Title of your stage", "Our own questions")
        _ask_questions(draft)
    if not draft.shared and not draft.questions:
        say("A playbook needs at least one question; adding the shared intake stage.")
        draft.shared = [s for s in shared if s.name == "intake"][:1]
    return draft


def _ask_questions(draft: Draft) -> None:
    while ask_confirm(
        "Add a question?" if not draft.questions else "Add another question?",
        default=not draft.questions,
    ):
        draft.questions.append(_ask_question(draft.taken_ids(), KINDS))


def _ask_question(taken: set[str], kinds: Iterable[str], what: str = "Question") -> dict[str, Any]:
    def check_id(text: str) -> bool | str:
        text = text.strip()
        if not QUESTION_ID.match(text):
            return "Start with a lowercase letter; use lowercase letters, digits and underscores."
        if text in RESERVED:
            return f"{text!r} is reserved; choose another id."
        if text in taken:
            return f"{text!r} is already used in this playbook; choose another id."
        return True

    question: dict[str, Any] = {"id": ask_text(f"{what} id", check=check_id).strip()}
    question["kind"] = ask_select(
        "Kind of answer", [(f"{k}: {KIND_HELP[k]}", k) for k in kinds], default="text"
    )
    question["prompt"] = ask_text("Prompt (the question as people see it)", check=_required).strip()
    if question["kind"] in ("choice", "multi"):
        question["options"] = _ask_options()
    if question["kind"] == "list":
        question["fields"] = []
        say("Each row of the list has fields; add at least one.")
        while not question["fields"] or ask_confirm("Add another field?", default=False):
            names = {f["id"] for f in question["fields"]}
            question["fields"].append(_ask_question(names, FIELD_KINDS, what="Field"))
    if ask_confirm("Is an answer required?", default=False):
        question["required"] = True
    return question


def _ask_options() -> list[dict[str, str]]:
    options: list[dict[str, str]] = []
    say("Options: type one label at a time; leave it empty when done.")
    while True:

        def check(text: str) -> bool | str:
            if not text.strip() and not options:
                return "Add at least one option."
            value = _slug(text, "_")
            if text.strip() and not value:
                return "Use at least one letter or digit."
            if value in {o["value"] for o in options}:
                return "That option is already there."
            return True

        label = ask_text(f"Option {len(options) + 1} label", check=check).strip()
        if not label:
            return options
        options.append({"value": _slug(label, "_"), "label": label})


def _text_or(message: str, fallback: str) -> str:
    """Ask for a line of text; an empty answer means ``fallback``."""
    answer = ask_text(message, instruction=f"(Enter for “{fallback}”)").strip()
    return answer or fallback


def _required(text: str) -> bool | str:
    return True if text.strip() else "An answer is required."


# -- the built-in stage files ------------------------------------------------------------


def shared_files() -> list[SharedFile]:
    """The built-in stage files, in the order of the journey they cover."""
    from triage.engine.library import builtin_dir

    folder = builtin_dir() / "shared"
    found = []
    for path in sorted(folder.glob("*.toml")):
        try:
            source = path.read_text(encoding="utf-8")
            data = tomllib.loads(source)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        stages = [s for s in data.get("stages", []) if isinstance(s, dict)]
        questions = [q for s in stages for q in s.get("questions", []) if isinstance(q, dict)]
        scores: list[str] = []
        for q in questions:
            tables = [q.get("scores") or {}] + [o.get("scores") or {} for o in q.get("options", [])]
            for table in tables:
                scores += [name for name in table if name not in scores]
        found.append(
            SharedFile(
                name=path.stem,
                path=path,
                about=_about(source, stages),
                stage_ids=[str(s.get("id")) for s in stages],
                question_ids={str(q.get("id")) for q in questions},
                score_names=scores,
            )
        )
    order = {name: index for index, name in enumerate(JOURNEY)}
    return sorted(found, key=lambda s: (order.get(s.name, len(order)), s.name))


def _about(source: str, stages: list[dict[str, Any]]) -> str:
    for line in source.splitlines():
        if line.startswith("#") and not line.startswith("#:"):
            text = line.lstrip("# ").strip()
            return re.sub(r"^Shared stages?:\s*", "", text)
    return ", ".join(str(s.get("title", s.get("id"))) for s in stages)


# -- writing ------------------------------------------------------------------------------


def _write(file: Path, draft: Draft) -> int:
    from triage.engine.validate import check_playbook

    folder = file.parent
    if file.exists():
        say(f"{file} already exists; triage new never replaces a file. Nothing was written.")
        return EXIT_INVALID
    folder.mkdir(parents=True, exist_ok=True)
    notes = []
    for shared in draft.shared:
        copy = folder / "shared" / shared.path.name
        source = shared.path.read_bytes()
        if copy.exists():
            if copy.read_bytes() != source:
                notes.append(f"kept your own {copy} (it differs from the built-in one)")
            continue
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(source)
        notes.append(f"copied {copy}")
    schema = folder / SCHEMA_FILE
    if not schema.exists():
        schema.parent.mkdir(exist_ok=True)
        schema.write_text(json.dumps(playbook_schema(), indent=2) + "\n", encoding="utf-8")
        notes.append(f"wrote {schema} for your editor")
    try:
        with file.open("x", encoding="utf-8") as handle:
            handle.write(playbook_text(draft))
    except FileExistsError:
        say(f"{file} already exists; triage new never replaces a file. Nothing was written.")
        return EXIT_INVALID
    say()
    say(f"Wrote {file}")
    for note in notes:
        say(f"  ({note})")
    report = check_playbook(file)
    if report.problems:
        say("It does not validate yet:")
        for problem in report.problems:
            say(f"  {problem}")
        return EXIT_INVALID
    say("It is valid. Next steps (see docs/authoring.md):")
    say(f"  triage validate {file} --strict")
    say(f"  triage run {file} --plain")
    return EXIT_OK


def playbook_text(draft: Draft) -> str:
    """The new playbook as TOML, with comments that point at what to edit next."""
    lines = [
        f"#:schema ./{SCHEMA_FILE}",
        "# A triage playbook: see docs/authoring.md for every key.",
        "format = 1",
        f"title = {_toml(draft.title)}",
        f"summary = {_toml(draft.summary)}",
        'version = "0.1.0"',
        "",
    ]
    for shared in draft.shared:
        lines += ["[[stages]]", f"include = {_toml('shared/' + shared.path.name)}", ""]
    if draft.questions or draft.stage_title:
        taken = {sid for s in draft.shared for sid in s.stage_ids}
        stage_id = _slug(draft.stage_title, "_") or "our_questions"
        if not QUESTION_ID.match(stage_id):
            stage_id = "stage_" + stage_id
        while stage_id in taken:
            stage_id += "_2"
        lines += ["[[stages]]", f"id = {_toml(stage_id)}", f"title = {_toml(draft.stage_title)}"]
        lines.append("")
        for question in draft.questions:
            lines += _question_lines(question, "stages.questions")
    scores = [name for s in draft.shared for name in s.score_names]
    for name in dict.fromkeys(scores):
        label = name.replace("_", " ").capitalize()
        lines += [
            f"[scores.{name}]",
            f"label = {_toml(label)}",
            "# A value falls in the band with the greatest `min` not above it: tune these.",
            f"[[scores.{name}.bands]]",
            "min = 0",
            'label = "Low"',
            f"[[scores.{name}.bands]]",
            "min = 5",
            'label = "High"',
            "",
        ]
    lines += [
        "[decision]",
        'default = "negotiate"',
        'because = "Nothing points away from talking directly, so start there."',
        "",
        "# Rules are tried in order; the first that holds chooses the route. For example:",
        "# [[decision.rules]]",
        '# id = "no_progress"',
        '# when = "direct_talks_failed"',
        '# route = "mediate"',
        '# because = "Direct talks have stalled, so a neutral mediator gives the next meeting '
        'its best chance."',
        "",
    ]
    return "\n".join(lines)


def _question_lines(question: dict[str, Any], table: str) -> list[str]:
    lines = [f"[[{table}]]"]
    for key in ("id", "kind", "prompt"):
        lines.append(f"{key} = {_toml(question[key])}")
    if question.get("required"):
        lines.append("required = true")
    lines.append("")
    for option in question.get("options", []):
        lines += [
            f"[[{table}.options]]",
            f"value = {_toml(option['value'])}",
            f"label = {_toml(option['label'])}",
            "",
        ]
    for item in question.get("fields", []):
        lines += _question_lines(item, f"{table}.fields")
    return lines


def _toml(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"k": text}).split("=", 1)[1].strip()


def _slug(text: str, sep: str) -> str:
    return slug(text, limit=60, sep=sep)


def _title_from(playbook_id: str) -> str:
    return playbook_id.replace("-", " ").capitalize()
