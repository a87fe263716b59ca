"""The engine, and every command that needs no screen, must not load Textual or questionary."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

UI = ("textual", "questionary", "prompt_toolkit")


def loaded_ui_modules(code: str) -> list[str]:
    probe = textwrap.dedent(code) + textwrap.dedent(
        f"""
        import sys
        print("UI:" + ",".join(sorted({{m.split('.')[0] for m in sys.modules}} & set({UI!r}))))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    [line] = [x for x in result.stdout.splitlines() if x.startswith("UI:")]
    return [m for m in line.removeprefix("UI:").split(",") if m]


def test_importing_the_engine_loads_no_ui():
    code = """
    import triage.engine
    from triage.engine import answers, answersfile, case, checks, evaluate, library, listing
    from triage.engine import outputs, playbook, render, sandbox, session, validate
    """
    assert loaded_ui_modules(code) == []


def test_validate_and_run_answers_load_no_ui(good, tmp_path):
    code = f"""
    from triage.cli import main
    assert main(["validate", {str(good)!r}]) == 0
    assert main(["run", {str(good / "mini.toml")!r}, "--answers",
                 {str(good / "examples/mini/calm.toml")!r}, "--out", {str(tmp_path / "o")!r}]) == 0
    assert main(["list"]) == 0
    """
    assert loaded_ui_modules(code) == []


def test_version_imports_almost_nothing():
    code = """
    from triage.cli import main
    try:
        main(["--version"])
    except SystemExit:
        pass
    heavy = {"jinja2", "textual", "rich", "platformdirs", "tomli_w"}
    loaded = {m.split('.')[0] for m in sys.modules} & heavy
    assert not loaded, loaded
    """
    assert loaded_ui_modules("import sys\n" + textwrap.dedent(code)) == []


# Who may import whom, read from the source (imports inside functions too): the engine
# stands alone, and each front end keeps to its own toolkit.
CONTRACT = {
    "engine": {"textual", "rich", "questionary", "prompt_toolkit", "triage.tui", "triage.plain"},
    "plain": {"textual", "triage.tui"},
    "tui": {"questionary", "prompt_toolkit", "triage.plain"},
}


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, by its full name: ``from triage import tui`` counts as
    triage.tui, and relative imports are resolved from the file's package."""
    root = Path(__file__).resolve().parent.parent
    package = path.resolve().relative_to(root).with_suffix("").parts[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", sorted(CONTRACT))
def test_each_layer_imports_only_what_the_contract_allows(layer: str):
    package = Path(__file__).resolve().parent.parent / "triage" / layer
    broken = []
    for path in sorted(package.rglob("*.py")):
        for name in sorted(imports_of(path)):
            if any(name == banned or name.startswith(banned + ".") for banned in CONTRACT[layer]):
                broken.append(f"{path.relative_to(package.parent.parent)} imports {name}")
    assert broken == []
