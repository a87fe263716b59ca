"""Problems found in playbooks, answers and case files, reported as one line each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what to do about it."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.col or 1}: {self.message}"


class TriageError(Exception):
    """Base class for errors the command line reports as one sentence."""


class PlaybookInvalid(TriageError):
    """A playbook, or a file it includes, has one or more problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class AnswersInvalid(TriageError):
    """An answers file or case file does not fit its playbook."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ExpressionError(TriageError):
    """A playbook expression or template failed to compile or to evaluate."""

    line: int | None = None  # the template line, when known


class AnswerInvalid(TriageError):
    """One answer does not fit its question; the message is shown to the user."""


class OutputExists(TriageError):
    """Writing the outputs would replace files that are already there."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = ", ".join(str(p) for p in paths)
        super().__init__(
            f"{names} already exist{'s' if len(paths) == 1 else ''}; "
            "pass --force to replace, or choose another folder with --out."
        )
