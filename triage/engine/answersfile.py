"""Read an answers file (a case.toml, or a flat table of question id = value, with or
without an [answers] heading).

Its few keys that are not answers are declared in
:data:`triage.engine.formats.case.ANSWERS_FILE`; every other key must be a question of
the playbook, and its value must fit that question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from triage.engine.answers import RowError, check_value, is_empty
from triage.engine.case import Case, case_from_toml, is_case_data
from triage.engine.errors import AnswersInvalid, Problem
from triage.engine.evaluate import Evaluation, evaluate
from triage.engine.formats.case import IMPORT_KEY as IMPORT_KEY
from triage.engine.formats.case import RESERVED_KEYS as RESERVED_KEYS
from triage.engine.formats.declare import closest
from triage.engine.model import Playbook, Question
from triage.engine.tomlfile import TomlFile, read_toml


def expected(question: Question) -> str:
    """What an answer to ``question`` should look like, for error messages."""
    from triage.engine.kinds import kind_of

    return kind_of(question).expected(question)


def check_answers(
    playbook: Playbook, raw: dict[str, Any], file: TomlFile, prefix: str = ""
) -> tuple[dict[str, Any], list[Problem]]:
    """Typed answers from ``raw``, with a problem for every value that does not fit."""
    questions = playbook.questions
    answers: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        where = f"{prefix}{key}"
        question = questions.get(key)
        if question is None:
            hint = closest(key, set(questions))
            extra = f" Did you mean {hint!r}?" if hint else ""
            problems.append(
                file.problem(
                    where, f"{key!r} is not a question in playbook {playbook.id!r}.{extra}"
                )
            )
            continue
        try:
            answers[key] = check_value(question, value)
        except ValueError as exc:
            if str(exc) == "An answer is required.":
                continue  # reported below, once, if the question applies
            # The value check may already say what it expects; say it once.
            hint = "" if str(exc).startswith("Expected") else f" Expected {expected(question)}."
            if isinstance(exc, RowError):  # point at the entry, not the list's first line
                where += exc.path
            problems.append(file.problem(where, f"{key!r} ({question.prompt}): {exc}{hint}"))
    return answers, problems


def _answers_table(data: dict[str, Any], playbook: Playbook) -> bool:
    """The file holds its answers in one table named ``answers`` (and nothing else but the
    few keys an answers file may have), and the playbook has no question of that name."""
    return (
        isinstance(data.get("answers"), dict)
        and "answers" not in playbook.questions
        and all(key == "answers" or key in RESERVED_KEYS for key in data)
    )


def read_answers(path: Path, playbook: Playbook, example: bool = False) -> Case:
    """A case built from an answers file, or AnswersInvalid naming every problem.

    ``example``: the file is one of a playbook's own examples (not a user's answers), so
    its parsed form may be kept in the code cache like the playbook's.
    """
    return read_answers_evaluated(path, playbook, example)[0]


def read_answers_evaluated(
    path: Path, playbook: Playbook, example: bool = False
) -> tuple[Case, Evaluation]:
    """:func:`read_answers`, with the evaluation of the case's answers it needed anyway
    (to find the missing ones), so a caller need not evaluate the same answers again."""
    found = read_toml(path, "answers file", keep=example)
    if isinstance(found, Problem):
        raise AnswersInvalid([found])
    data = found.data
    if is_case_data(data):
        case = case_from_toml(found)
        if case.playbook != playbook.id:
            raise AnswersInvalid(
                [
                    found.problem(
                        "case.playbook",
                        f"This case belongs to playbook {case.playbook!r}, not {playbook.id!r}.",
                    )
                ]
            )
        raw, prefix = case.answers, "answers."
    elif _answers_table(data, playbook):
        # The answers under an [answers] heading, as a case file holds them, without the
        # case's own record: read as the flat table they are.
        raw = {k: v for k, v in data["answers"].items() if k not in RESERVED_KEYS}
        case, prefix = Case.new(playbook), "answers."
    else:
        raw = {k: v for k, v in data.items() if k not in RESERVED_KEYS}
        case, prefix = Case.new(playbook), ""
    flat = not is_case_data(data) and IMPORT_KEY not in playbook.questions
    thread = raw.pop(IMPORT_KEY, None) if flat else None
    answers, problems = check_answers(playbook, raw, found, prefix)
    imported = ""
    if thread is not None and not problems:
        from triage.engine.errors import TriageError
        from triage.engine.thread.merge import answers_file_import

        try:
            answers, imported = answers_file_import(playbook, answers, thread, path.parent)
        except (ValueError, TriageError) as exc:
            problems.append(found.problem(IMPORT_KEY, str(exc)))
    # Values named above as not fitting; an empty required one is reported as missing below.
    reported = {key for key, value in raw.items() if key not in answers and not is_empty(value)}
    evaluation = evaluate(playbook, answers, case.override)
    for state in evaluation.missing:
        q = state.question
        if q.id not in reported:
            problems.append(
                found.problem(
                    prefix.rstrip("."),
                    f"{q.id!r} ({q.prompt}) needs an answer: expected {expected(q)}.",
                )
            )
    if problems:
        raise AnswersInvalid(problems)
    case.answers = answers
    if not is_case_data(data):
        fresh = Case.new(playbook, answers)
        case.id = fresh.id
    if imported:
        case.log("thread-imported", imported)
    return case, evaluation
