"""A headless run's whole tone check, noted as clean for the next run of the same case.

``triage run --answers`` checks the same drafts and answers every time the same case is run
again (a script, a team's CI, a user writing the outputs afresh), and the check cost a warm run
about a tenth of its time: the packaged rules read back from the code cache (over 2 MB
of kept rules and scan programs), and any typed answer with a finding that no draft
repeats read again in full, since only a text's "clean" is noted (see
:func:`triage.engine.tone_check.check_text`). Here, when a whole case's check found
nothing, that is noted in the run's bundle under a digest of everything the check reads:
the rules file, the engine's code (its stamp: every module and the rules by size and
time), the playbook's drafts (file, subject, recipient, template) and questions, every
text in the answers and every rendered draft. The next run of exactly that case finds
the note and neither loads the check's modules and rules nor reads a text; anything
changed, and it checks as before. This module imports none of the check's own, so that a
run which finds the note never loads them.

Only a digest is kept, never the text (drafts and answers hold private notes), and only
"clean": findings quote the text, so a case with any is checked on every run. Only with
the packaged rules alone: a team's rules files (``TRIAGE_TONE_RULES``) may fail to load,
and that is said on every run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.engine import codecache
from triage.engine.drafts import is_draft
from triage.engine.filedigest import file_digest

if TYPE_CHECKING:
    from triage.engine.session import Session

__all__ = ["clean_key", "note_clean", "packaged_digest", "was_clean"]

_KIND = "tonecase"
_FORMAT = "tone case 2"
# As triage.engine.tone_load names them (a test holds them to the same), without
# loading that module and the check's others with it.
RULES_PATH = Path(__file__).with_name("tone-rules.toml")
RULES_ENV = "TRIAGE_TONE_RULES"


def clean_key(session: Session, files: Mapping[str, bytes]) -> str:
    """The digest a clean check of ``session`` with these rendered ``files`` is noted
    under; '' when nothing may be noted (no bundle open, a team's rules files, a rules
    file that cannot be read)."""
    if not codecache.bundle_open():
        return ""
    if any(p.strip() for p in os.environ.get(RULES_ENV, "").split(os.pathsep)):
        return ""
    rules = packaged_digest()  # read and hashed only when the file changed
    if rules is None:
        return ""
    digest = hashlib.sha256()

    def part(data: bytes | str) -> None:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        digest.update(len(raw).to_bytes(8, "little") + raw)

    part(_FORMAT)
    part(codecache.engine_stamp())
    part(rules)
    playbook = session.playbook
    for output in playbook.outputs:
        part(repr(output))
        template = b""
        if output.template is not None:
            try:
                template = output.template.read_bytes()
            except OSError:
                return ""
        part(hashlib.sha256(template).digest())
    values = session.evaluation.values
    for qid, question in playbook.questions.items():
        fields = tuple((sub.id, sub.kind) for sub in question.fields)
        part(repr((qid, question.kind, fields)))
        for where, text in _texts(values.get(qid)):  # every text the check could read
            part(where)
            part(text)
    part(repr(sorted(session.case.drafts)))
    for name, data in files.items():
        if is_draft(name):  # the check reads no other file (calendars are stamped anew)
            part(name)
            part(hashlib.sha256(data).digest())
    return digest.hexdigest()


def packaged_digest() -> str | None:
    """SHA-256 of the packaged rules file (over half a megabyte), read and hashed only when
    the file changed since a run last did (see :mod:`triage.engine.filedigest`); None when
    it cannot be read."""
    return file_digest(RULES_PATH)


def _texts(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Each text in an answer, with where it sits: the answer itself, or a list's item,
    or a row's field (the check reads text and long-text answers, and the text fields of
    a list's rows: all of them are here)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            yield from _texts(item, f"{where}[{number}]")


def was_clean(key: str) -> bool:
    """Whether the last run noted a clean check under ``key`` (see :func:`clean_key`)."""
    return bool(key) and codecache.load_bundled(_KIND, key) is True


def note_clean(key: str) -> None:
    """Note, in the bundle open now, that the check under ``key`` found nothing."""
    if key:
        codecache.store_bundled(_KIND, key, True)
