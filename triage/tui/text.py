"""Text shown inert: whatever a user or a playbook wrote is displayed literally, never as markup."""

from __future__ import annotations

from typing import Any

from textual.content import Content


def inert(text: Any) -> Content:
    """Plain content: ``[bold]`` or ``[link=...]`` in ``text`` is shown as typed."""
    return Content(str(text))
