"""The tone check over a case: its drafts, the typed answers that reach them, and findings
worded for a person (:class:`Finding`)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from triage.engine.drafts import DRAFT_SUFFIXES, NOT_DRAFTS, is_draft
from triage.engine.tone_text import _STRAIGHT, _inert
from triage.engine.tone_units import check_text  # loads the check only for a paragraph not kept
from triage.engine.tone_warning import ToneWarning

if TYPE_CHECKING:
    from triage.engine.model import OutputSpec, Playbook, Question
    from triage.engine.session import Session
    from triage.engine.tone_rule import ToneRule

__all__ = [
    "DRAFT_SUFFIXES",
    "NOT_DRAFTS",
    "Finding",
    "check_answers",
    "check_case",
    "check_outputs",
    "check_session",
    "draft_text",
    "is_draft",
]

# -- checking a case's drafts and answers ----------------------------------------------------


_NOUNS = {
    "blame": "blame",
    "absolutes": "an absolute",
    "threats": "a threat",
    "ultimatums": "an ultimatum",
    "sarcasm": "sarcasm",
    "liability": "an admission of liability",
}
_MAX_PHRASE = 80


@dataclass(frozen=True)
class Finding:
    """A flagged phrase in a case's draft, or in a typed answer that flows into one.

    ``file`` is the draft; for an answer, the first draft it reaches, and ``files``
    all of them. ``question`` is set when the phrase comes from a typed answer, with
    its ``prompt`` and, for a list question, ``detail`` (the row and the field id).
    ``line`` and ``column`` are 1-based within the checked text (an email's subject and
    body as :func:`draft_text` gives them, or the answer), 0 if unknown. ``cues`` are the
    separate words of a finding made of cues (shown instead of a phrase too long to show).
    """

    file: str
    phrase: str
    category: str
    explanation: str
    suggestion: str
    rule: str = ""
    line: int = 0
    column: int = 0
    question: str = ""
    prompt: str = ""
    detail: str = ""
    files: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()

    @property
    def shown_phrase(self) -> str:
        phrase = self.phrase
        if len(phrase) > _MAX_PHRASE and self.cues:
            phrase = " ... ".join(self.cues)
        if len(phrase) > _MAX_PHRASE:
            phrase = phrase[: _MAX_PHRASE - 3].rstrip() + "..."
        return phrase

    def message(self) -> str:
        """One line for a person, safe to print: control characters shown as escapes."""
        what = _NOUNS.get(self.category, f"{self.category!r} wording")
        if self.question:
            which = f"{self.question}, {self.detail}" if self.detail else self.question
            files = list(self.files or (self.file,))
            into = ", ".join(files[:-1]) + " and " + files[-1] if len(files) > 1 else files[0]
            text = (
                f"Your answer to '{self.prompt}' ({which}) would put {what} "
                f'into {into}: "{self.shown_phrase}". Try: {self.suggestion}'
            )
        else:
            text = f'{self.file}: "{self.shown_phrase}" ({self.category}). Try: {self.suggestion}'
        return _inert(text)

    def __str__(self) -> str:
        return self.message()


@functools.lru_cache(maxsize=32)  # asked of each draft by the answers' check, then its own
def draft_text(name: str, data: bytes) -> str:
    """The words of a draft as the other side would read them (an email: subject and body)."""
    if not name.endswith(".eml"):
        return data.decode("utf-8", errors="replace")
    from triage.engine.eml import read

    plain = read(data)  # a plain draft, read as the email package reads it
    if plain is not None:
        return plain
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    message = message_from_bytes(data, policy=policy.default)
    body = message.get_content() if isinstance(message, EmailMessage) else ""
    subject = str(message.get("Subject", "") or "")
    return f"{subject}\n\n{body}" if subject else str(body)


def _finding(file: str, warning: ToneWarning, **extra: Any) -> Finding:
    return Finding(
        file=file,
        phrase=warning.matched,
        category=warning.category,
        explanation=warning.explanation,
        suggestion=warning.suggestion,
        rule=warning.rule,
        line=warning.line,
        column=warning.column,
        cues=warning.cues,
        **extra,
    )


def check_outputs(files: Mapping[str, bytes], rules: list[ToneRule] | None = None) -> list[Finding]:
    """Findings in every draft among a case's rendered ``files`` (by file name), in order."""
    findings: list[Finding] = []
    for name, data in files.items():
        if not is_draft(name):
            continue
        for warning in check_text(draft_text(name, data), rules):
            findings.append(_finding(name, warning))
    return findings


@functools.lru_cache(maxsize=64)
def _template_uses(source: str) -> frozenset[str] | None:
    """Names a template reads; None when it reads every answer (through ``stages``)."""
    from triage.engine import sandbox

    try:
        reads = sandbox.template_reads(source)
    except sandbox.ExpressionError:
        return frozenset()
    if "stages" in reads.names:
        return None
    return reads.names | reads.of("labels")


def _output_uses(output: OutputSpec) -> frozenset[str] | None:
    sources = [output.subject or "", output.to or ""]
    if output.template is not None:
        with contextlib.suppress(OSError):
            sources.append(output.template.read_text(encoding="utf-8-sig"))
    used: set[str] = set()
    for source in sources:
        if not source:
            continue
        names = _template_uses(source)
        if names is None:
            return None
        used |= names
    return frozenset(used)


def _typed_texts(question: Question, value: Any) -> list[tuple[str, str]]:
    """(detail, text) for each piece of text a person typed in an answer."""
    if value is None:
        return []
    if question.kind in ("text", "longtext"):
        return [("", value)] if isinstance(value, str) and value.strip() else []
    if question.kind != "list" or not isinstance(value, list):
        return []
    texts = []
    for number, row in enumerate(value, start=1):
        if not isinstance(row, Mapping):
            continue
        for sub in question.fields:
            cell = row.get(sub.id)
            if sub.kind in ("text", "longtext") and isinstance(cell, str) and cell.strip():
                texts.append((f"row {number}, {sub.id}", cell))
    return texts


def _squashed(text: str) -> str:
    return " ".join(text.translate(_STRAIGHT).casefold().split())


def check_answers(
    playbook: Playbook,
    answers: Mapping[str, Any],
    rules: list[ToneRule] | None = None,
    *,
    files: Mapping[str, bytes] | None = None,
    drafts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings in typed answers that the playbook's drafts put in front of the other side.

    A typed answer (text, longtext, or a text field of a list) counts when a draft's
    template, subject or recipient reads it. With ``files`` (the rendered outputs),
    only drafts that were rendered count, and only when the flagged words really appear
    in them; drafts the user edited by hand (``drafts``) no longer take answers.
    """
    targets: list[tuple[str, frozenset[str] | None]] = []
    for output in playbook.outputs:
        if not is_draft(output.file) or (drafts and output.file in drafts):
            continue
        if files is not None and output.file not in files:
            continue
        targets.append((output.file, _output_uses(output)))
    if not targets:
        return []
    rendered = {
        name: _squashed(draft_text(name, files[name]))
        for name, _uses in targets
        if files is not None
    }

    findings: list[Finding] = []
    for qid, question in playbook.questions.items():
        reached = [name for name, uses in targets if uses is None or qid in uses]
        if not reached:
            continue
        for detail, text in _typed_texts(question, answers.get(qid)):
            for warning in check_text(text, rules):
                hit = [
                    name
                    for name in reached
                    if files is None or _squashed(warning.matched) in rendered[name]
                ]
                if hit:
                    findings.append(
                        _finding(
                            hit[0],
                            warning,
                            question=qid,
                            prompt=question.prompt,
                            detail=detail,
                            files=tuple(hit),
                        )
                    )
    return findings


def check_case(
    playbook: Playbook,
    answers: Mapping[str, Any],
    files: Mapping[str, bytes],
    rules: list[ToneRule] | None = None,
    *,
    drafts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings in the typed answers, then in the drafts, each phrase reported once.

    A phrase in a draft that comes from a typed answer is reported against the answer,
    which is where it can be changed.
    """
    from_answers = check_answers(playbook, answers, rules, files=files, drafts=drafts)
    covered = {(name, f.rule, _squashed(f.phrase)) for f in from_answers for name in f.files}
    rest = [
        f
        for f in check_outputs(files, rules)
        if (f.file, f.rule, _squashed(f.phrase)) not in covered
    ]
    return from_answers + rest


def check_session(
    session: Session, rules: list[ToneRule] | None = None, files: Mapping[str, bytes] | None = None
) -> list[Finding]:
    """:func:`check_case` for a session's current outputs (rendered again unless given)."""
    if files is None:
        files = session.outputs()
    return check_case(
        session.playbook, session.evaluation.values, files, rules, drafts=session.case.drafts
    )
