"""The app's own small settings (the chosen theme), kept beside the cases in TRIAGE_HOME."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.toml"


def settings_path() -> Path:
    from triage.engine.library import home

    return home() / SETTINGS_FILE


def load_settings() -> dict[str, Any]:
    """The saved settings, or an empty table when there are none or they cannot be read."""
    try:
        with settings_path().open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: str) -> None:
    """Store one setting atomically; a failure to save a preference is never fatal."""
    import tomli_w

    from triage.engine.atomic import private_dir, write_atomic

    data = load_settings()
    data[key] = value
    path = settings_path()
    try:
        private_dir(path.parent)
        write_atomic(path, tomli_w.dumps(data).encode())
    except OSError:
        pass
