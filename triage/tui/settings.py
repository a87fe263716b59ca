"""The app's own small settings (the chosen theme), kept in the user's config folder.

TRIAGE_CONFIG names the folder; otherwise, when TRIAGE_HOME is set (a portable or test
home), settings live beside the cases there; otherwise in the platform's config folder
(``~/.config/triage`` on Linux). Settings saved by earlier versions in the data folder are
still read until a setting is saved again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.toml"


CONFIG_ENV = "TRIAGE_CONFIG"


def settings_path() -> Path:
    """Where the settings file lives (TRIAGE_CONFIG, TRIAGE_HOME, else the config folder)."""
    import os

    from triage.engine.library import home

    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured).expanduser() / SETTINGS_FILE
    if os.environ.get("TRIAGE_HOME"):
        return home() / SETTINGS_FILE
    from platformdirs import user_config_dir

    return Path(user_config_dir("triage", appauthor=False)) / SETTINGS_FILE


def _legacy_path() -> Path:
    from triage.engine.library import home

    return home() / SETTINGS_FILE


def load_settings() -> dict[str, Any]:
    """The saved settings, or an empty table when there are none or they cannot be read.

    The file's keys are declared in :mod:`triage.engine.formats.settings`: a setting of
    the wrong type is left out, and keys of a later version are kept as they are.
    """
    path = settings_path()
    if not path.exists() and _legacy_path().exists():
        path = _legacy_path()  # saved by an earlier version beside the cases
    try:
        handle = path.open("rb")
    except OSError:
        return {}
    import tomllib  # only when there is a file: none before the first theme is chosen

    try:
        with handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    from triage.engine.formats.settings import read_settings  # only when there is a file

    return read_settings(data) if isinstance(data, dict) else {}


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
