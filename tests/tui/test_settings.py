"""Where the app keeps its settings: the config folder, not beside the cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from triage.tui import settings


@pytest.mark.skipif(
    sys.platform != "linux", reason="the XDG folders are Linux's; macOS keeps both in one"
)
def test_settings_go_to_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TRIAGE_HOME", raising=False)
    monkeypatch.delenv(settings.CONFIG_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # Linux
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = settings.settings_path()
    assert "config" in path.parts and "data" not in path.parts


def test_triage_config_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(settings.CONFIG_ENV, str(tmp_path / "mine"))
    settings.save_setting("theme", "nord")
    assert 'theme = "nord"' in (tmp_path / "mine" / "settings.toml").read_text()
    assert settings.load_settings() == {"theme": "nord"}


def test_settings_from_an_earlier_version_are_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text('theme = "dracula"\n')
    monkeypatch.setenv("TRIAGE_HOME", str(home))
    monkeypatch.setenv(settings.CONFIG_ENV, str(tmp_path / "new"))
    assert settings.load_settings() == {"theme": "dracula"}
    settings.save_setting("theme", "nord")
    assert settings.load_settings() == {"theme": "nord"}
