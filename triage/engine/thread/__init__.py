"""Import an exported thread (mail or pasted chat) into the communications audit.

Reading (:mod:`.read`), cleaning (:mod:`.clean`, :mod:`.pasted`), the computed audit
(:mod:`.audit`) and merging it into a case (:mod:`.merge`). Only the standard library is
used: nothing leaves the machine, and the files read are never written, copied or moved.

    thread = read_thread([Path("dispute.mbox")])
    found = audit(thread, ours=sides_from_answers(session.case.answers))
    summary_lines(found)            # what the command line prints
    merge_into_session(session, found)

No UI imports here: the app, the plain prompts and the command line all call these.
"""

from __future__ import annotations

from triage.engine.thread.audit import (
    Audit,
    AuditRow,
    Sender,
    Sides,
    audit,
    plan_figures,
    resided,
    senders,
    sides_from_answers,
    strip_cells,
    strip_text,
    summary_lines,
)
from triage.engine.thread.merge import (
    Suggestions,
    import_into_answers,
    merge_into_session,
    suggestions,
    timeline_stage,
)
from triage.engine.thread.read import (
    Message,
    Thread,
    ThreadError,
    paths_from_text,
    read_pasted,
    read_thread,
)

__all__ = [
    "Audit",
    "AuditRow",
    "Message",
    "Sender",
    "Sides",
    "Suggestions",
    "Thread",
    "ThreadError",
    "audit",
    "import_into_answers",
    "merge_into_session",
    "paths_from_text",
    "plan_figures",
    "read_pasted",
    "read_thread",
    "resided",
    "senders",
    "sides_from_answers",
    "strip_cells",
    "strip_text",
    "suggestions",
    "summary_lines",
    "timeline_stage",
]
