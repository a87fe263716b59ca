"""The Markdown drafts and plans pass a Markdown linter, as an editor's would show them.

pymarkdown (a Python port of markdownlint's rules) reads every Markdown output of every
built-in example (the golden files, which test_render keeps equal to what triage writes).
Three rules are off, each for a reason: MD013 (line length: these are paragraphs of prose,
written one line each so that mail clients and converters reflow them), MD041 (a letter
starts with its greeting or its without-prejudice marker, not a heading), MD036 (the bold
WITHOUT PREJUDICE marker is a marker, not a heading).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pymarkdown = pytest.importorskip("pymarkdown.api")

GOLDEN = Path(__file__).parent / "golden"
BUILT_IN = ["client-communication-breakdown", "contract-terms-dispute", "partner-dispute",
            "salvage-relationship"]  # fmt: skip
FILES = sorted(f for name in BUILT_IN for f in (GOLDEN / name).rglob("*.md"))


def test_there_are_markdown_outputs_to_lint():
    assert len(FILES) >= 60


@pytest.mark.parametrize(
    "path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}"
)
def test_every_markdown_output_passes_the_linter(path: Path):
    api = pymarkdown.PyMarkdownApi()
    for rule in ("md013", "md041", "md036"):
        api = api.disable_rule_by_identifier(rule)
    failures = api.scan_path(str(path)).scan_failures
    assert not failures, [f"{f.line_number}: {f.rule_id} {f.rule_description}" for f in failures]
