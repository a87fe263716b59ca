"""The tone check over a case: its drafts, the typed answers that reach them, and findings
worded for a person (:class:`Finding`)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
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


def _words(text: str) -> list[str]:
    return _squashed(text).split()


def _shows(draft_phrase: str, answer_phrase: str) -> bool:
    """Whether a draft's finding covers words of an answer's finding: one holds the other, or
    they overlap by a word or more where one ends and the other starts."""
    ours, theirs = _words(draft_phrase), _words(answer_phrase)
    if not ours or not theirs:
        return False
    joined_ours, joined_theirs = " ".join(ours), " ".join(theirs)
    if f" {joined_theirs} " in f" {joined_ours} " or f" {joined_ours} " in f" {joined_theirs} ":
        return True
    most = min(len(ours), len(theirs))
    return any(ours[-n:] == theirs[:n] or theirs[-n:] == ours[:n] for n in range(1, most))


# Filters that set an answer into the sentence its draft gives it (a shared goal becomes
# "What we both want is ..."): applied when no rendered draft is at hand to read it in.
_FRAME_USE = r"\{\{-?\s*%s((?:\s*\|\s*\w+(?:\([^)]*\))?)*)\s*-?\}\}"
_FILTER_NAME = r"\|\s*(\w+)(\()?"


@functools.lru_cache(maxsize=256)
def _frame_filters(source: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Each chain of argument-free filters the template source applies to ``name``."""
    import re

    chains: list[tuple[str, ...]] = []
    for use in re.finditer(_FRAME_USE % re.escape(name), source):
        chain: list[str] = []
        for filt in re.finditer(_FILTER_NAME, use.group(1)):
            if filt.group(2):  # a filter that needs more of the case than the answer
                break
            chain.append(filt.group(1))
        if chain and tuple(chain) not in chains:
            chains.append(tuple(chain))
    return tuple(chains)


def _framed(text: str, chains: tuple[tuple[str, ...], ...]) -> list[str]:
    """The answer as each chain of the template's own filters sets it into a sentence."""
    from triage.engine import filters

    framed: list[str] = []
    for chain in chains:
        value: Any = text
        try:
            for name in chain:
                value = getattr(filters, name)(value)
        except (AttributeError, TypeError, ValueError):
            continue
        if isinstance(value, str) and value.strip() and value != text:
            framed.append(value)
    return framed


def _output_sources(output: OutputSpec) -> list[str]:
    sources = [output.subject or "", output.to or ""]
    if output.template is not None:
        with contextlib.suppress(OSError):
            sources.append(output.template.read_text(encoding="utf-8-sig"))
    return [source for source in sources if source]


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
    only drafts that were rendered count, and an answer's phrase only when the draft's own
    check flags those words where they landed; drafts the user edited by hand (``drafts``)
    no longer take answers. Without ``files``, an answer is read in the sentence the
    template's own filters set it in (a shared goal as "What we both want is ...").
    """
    found, _shown = _answer_findings(playbook, answers, rules, files=files, drafts=drafts)
    return found


def _answer_findings(
    playbook: Playbook,
    answers: Mapping[str, Any],
    rules: list[ToneRule] | None,
    *,
    files: Mapping[str, bytes] | None,
    drafts: Mapping[str, str] | None,
    in_drafts: Mapping[str, list[Finding]] | None = None,
) -> tuple[list[Finding], set[tuple[str, int]]]:
    """The answers' findings, and which of the drafts' findings (file, index in
    ``in_drafts[file]``) they stand for."""
    targets: list[tuple[str, frozenset[str] | None, list[str]]] = []
    for output in playbook.outputs:
        if not is_draft(output.file) or (drafts and output.file in drafts):
            continue
        if files is not None and output.file not in files:
            continue
        targets.append((output.file, _output_uses(output), _output_sources(output)))
    shown: set[tuple[str, int]] = set()
    if not targets:
        return [], shown
    rendered: dict[str, str] = {}
    if files is not None:
        if in_drafts is None:
            in_drafts = {
                name: [_finding(name, w) for w in check_text(draft_text(name, files[name]), rules)]
                for name, _uses, _sources in targets
            }
        rendered = {name: _squashed(draft_text(name, files[name])) for name, _u, _s in targets}

    findings: list[Finding] = []
    for qid, question in playbook.questions.items():
        reached = [
            (name, sources) for name, uses, sources in targets if uses is None or qid in uses
        ]
        if not reached:
            continue
        for detail, text in _typed_texts(question, answers.get(qid)):
            about = {"question": qid, "prompt": question.prompt, "detail": detail}
            if files is None:
                findings.extend(_unrendered(text, reached, rules, about))
                continue
            assert in_drafts is not None
            typed = _squashed(text)
            for warning in check_text(text, rules):
                phrase = _squashed(warning.matched)
                hit = []
                for name, _sources in reached:
                    if phrase not in rendered[name]:
                        continue
                    there = [
                        n
                        for n, f in enumerate(in_drafts.get(name, []))
                        if _shows(f.phrase, warning.matched)
                    ]
                    if there:
                        hit.append(name)
                        shown.update((name, n) for n in there)
                if hit:
                    findings.append(_finding(hit[0], warning, files=tuple(hit), **about))
            # what the draft flags in the answer's own words, though the answer alone passes
            for name, _sources in reached:
                for n, f in enumerate(in_drafts.get(name, [])):
                    words = _squashed(f.phrase)
                    if (name, n) in shown or len(words.split()) < 2 or words not in typed:
                        continue
                    shown.add((name, n))
                    # where it sits in the answer is not known: no line or column
                    findings.append(
                        replace(
                            f,
                            line=0,
                            column=0,
                            files=(name,),
                            question=qid,
                            prompt=question.prompt,
                            detail=detail,
                        )
                    )
    return findings, shown


def _unrendered(
    text: str,
    reached: list[tuple[str, list[str]]],
    rules: list[ToneRule] | None,
    about: dict[str, str],
) -> list[Finding]:
    """An answer's findings when no rendered draft is at hand: read in the sentence each
    template's own filters set it in, where they set it in one. A draft that names the answer
    bare reads it as typed; one that reads every answer (through ``stages``) counts only when
    no draft gives the answer a sentence of its own."""
    import re

    qid = about["question"]
    framed_in: dict[str, list[str]] = {}
    named: list[str] = []  # drafts whose templates name the answer themselves
    for name, sources in reached:
        chains = tuple(c for source in sources for c in _frame_filters(source, qid))
        framed_in[name] = _framed(text, chains) if chains else []
        if any(re.search(rf"\b{re.escape(qid)}\b", source) for source in sources):
            named.append(name)
    framed = any(framed_in.values())
    bare = [name for name in framed_in if not framed_in[name] and (name in named or not framed)]
    found: list[Finding] = []
    for warning in check_text(text, rules):
        hit = [
            name
            for name, _sources in reached
            if name in bare
            or any(
                _shows(w.matched, warning.matched)
                for frame in framed_in[name]
                for w in check_text(frame, rules)
            )
        ]
        if hit:
            found.append(_finding(hit[0], warning, files=tuple(hit), **about))
    return found


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
    in_drafts: dict[str, list[Finding]] = {name: [] for name in files if is_draft(name)}
    for finding in check_outputs(files, rules):
        in_drafts[finding.file].append(finding)
    from_answers, shown = _answer_findings(
        playbook, answers, rules, files=files, drafts=drafts, in_drafts=in_drafts
    )
    rest = [
        f
        for name, found in in_drafts.items()
        for n, f in enumerate(found)
        if (name, n) not in shown
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
