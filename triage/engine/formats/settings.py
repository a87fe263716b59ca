"""The app's own settings file (``settings.toml``), declared once.

A preference is never worth an error: a setting of the wrong type is left out (its
default applies) and keys this version does not know are kept, so that a newer
version's settings survive a save by an older one.
"""

from __future__ import annotations

from typing import Any

from triage.engine.formats.declare import Key, Table

SETTINGS = Table(
    "settings",
    (Key("theme", description="The app's colour theme: the name of a Textual theme."),),
    "The full-screen app's settings, kept in the user's config folder.",
    open=True,
)


def read_settings(data: dict[str, Any]) -> dict[str, Any]:
    """The settings in ``data`` that fit their declaration, and the unknown ones as they are."""
    declared = {key.name: key for key in SETTINGS.keys}
    return {
        name: value
        for name, value in data.items()
        if name not in declared or declared[name].type.accepts(value)
    }


def defaults() -> dict[str, Any]:
    """Each declared setting's default (None: the app decides)."""
    return {key.name: key.default for key in SETTINGS.keys}
