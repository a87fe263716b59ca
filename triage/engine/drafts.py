"""Which of a case's outputs are drafts: what the other side will read (the emails and the
Markdown drafts), not the plan, the tracker or the case file. Kept apart from the tone
check that reads them, so a headless run can tell without loading that check."""

from __future__ import annotations

__all__ = ["DRAFT_SUFFIXES", "NOT_DRAFTS", "is_draft"]

NOT_DRAFTS = frozenset({"plan.md", "actions.csv", "case.toml"})
DRAFT_SUFFIXES = (".eml", ".md", ".txt")


def is_draft(name: str) -> bool:
    """True for an output meant for the other side: the email and the .md drafts, not the plan."""
    return name not in NOT_DRAFTS and name.endswith(DRAFT_SUFFIXES)
