"""The triage engine: playbooks, answers, conditions, scores, routes, rendering, cases.

It never imports Textual or questionary; both front ends drive it.
"""

from triage.engine.case import Case, load_case
from triage.engine.errors import (
    AnswerInvalid,
    AnswersInvalid,
    OutputExists,
    PlaybookInvalid,
    Problem,
    TriageError,
)
from triage.engine.evaluate import Evaluation, evaluate
from triage.engine.model import Playbook, Question, Stage
from triage.engine.playbook import load_playbook

__all__ = [
    "AnswerInvalid",
    "AnswersInvalid",
    "Case",
    "Evaluation",
    "OutputExists",
    "Playbook",
    "PlaybookInvalid",
    "Problem",
    "Question",
    "Stage",
    "TriageError",
    "evaluate",
    "load_case",
    "load_playbook",
]
