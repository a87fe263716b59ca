"""What users type cannot change the structure of a Markdown output.

Every typed answer of an example is replaced by text full of Markdown and HTML, the outputs
are rendered, and each Markdown file is parsed with a real CommonMark parser (GFM tables
on, as GitHub and most converters read them): it must have the same headings, lists,
tables, emphasis and links as the clean render, and no HTML at all.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

import pytest
from markdown_it import MarkdownIt

from triage.engine.answersfile import read_answers
from triage.engine.library import builtin_dir
from triage.engine.playbook import load_playbook
from triage.engine.render import render_case

HOSTILE = "# Heading\n- item | cell *em* __strong__ [link](http://x) <b>html</b> `code`\n1. one"
BOOK = builtin_dir() / "partner-dispute.toml"
EXAMPLE = builtin_dir() / "examples" / "partner-dispute" / "integration-rollout-deadline.toml"
STRUCTURE = (
    "heading_open",
    "bullet_list_open",
    "ordered_list_open",
    "list_item_open",
    "table_open",
    "tr_open",
    "th_open",
    "td_open",
    "em_open",
    "strong_open",
    "link_open",
    "code_inline",
    "blockquote_open",
    "hr",
)


def _hostile(question, value):
    """``value`` with every typed text in it replaced by HOSTILE; choices and dates kept."""
    if question.kind in ("text", "longtext") and isinstance(value, str):
        return HOSTILE
    if question.kind == "list" and isinstance(value, list):
        typed = {f.id for f in question.fields if f.kind in ("text", "longtext")}
        return [{k: HOSTILE if k in typed and v else v for k, v in row.items()} for row in value]
    return value


def _shape(markdown: str) -> Counter:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    found: Counter = Counter()
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in STRUCTURE:
                found[t.type] += 1
            if t.type in ("html_block", "html_inline"):
                found["html"] += 1
    return found


def _unbudgeted(playbook):
    """The playbook with no word budgets: hostile text is longer than the clean answers, and a
    plan over its budget is written tight, with fewer rows; the shapes compared here must
    differ only by what the typed text does, so both renders are full length."""
    return dataclasses.replace(
        playbook, outputs=[dataclasses.replace(o, words=None) for o in playbook.outputs]
    )


@pytest.fixture
def both(fixed_now):
    playbook = _unbudgeted(load_playbook(BOOK))
    case = read_answers(EXAMPLE, playbook)
    clean = render_case(playbook, case)
    questions = playbook.questions
    case.answers = {qid: _hostile(questions[qid], value) for qid, value in case.answers.items()}
    return clean, render_case(playbook, case)


def test_a_plan_written_tight_keeps_typed_markdown_as_text_too(fixed_now):
    """The tight render of an over-long plan escapes typed text just as the full one does."""
    playbook = load_playbook(BOOK)
    case = read_answers(EXAMPLE, playbook)
    questions = playbook.questions
    case.answers = {qid: _hostile(questions[qid], value) for qid, value in case.answers.items()}
    plan = render_case(playbook, case)["plan.md"].decode()
    assert _shape(plan)["html"] == 0
    assert "\\# Heading - item \\| cell \\*em\\*" in plan


def test_typed_markdown_never_changes_the_structure_of_a_markdown_output(both):
    clean, hostile = both
    markdown = [name for name in clean if name.endswith(".md")]
    assert {"plan.md", "meeting-invitation.md", "follow-up-summary.md"} <= set(markdown)
    for name in markdown:
        shape = _shape(hostile[name].decode())
        assert shape["html"] == 0, name
        assert shape == _shape(clean[name].decode()), name
    assert "\\# Heading - item \\| cell \\*em\\*" in hostile["plan.md"].decode()


def test_a_table_cell_keeps_a_typed_pipe_as_text(both):
    """GFM drops the cells a stray "|" adds, silently losing what follows it: the typed
    text must arrive whole inside one cell."""
    _clean, hostile = both
    tokens = MarkdownIt("commonmark").enable("table").parse(hostile["plan.md"].decode())
    cells = [  # each cell as a reader sees it: the text, with the escapes undone
        "".join(c.content for c in tokens[i + 1].children or [] if c.type == "text")
        for i, t in enumerate(tokens)
        if t.type == "td_open"
    ]
    assert cells, "the plan has a table"
    assert any("item | cell *em* __strong__" in cell for cell in cells), cells


def _every_example_markdown():
    """(example name, file name, text) for every Markdown output of every built-in example."""
    from triage.engine.library import playbook_files
    from triage.engine.validate import examples_for

    for path in playbook_files(builtin_dir()):
        playbook = load_playbook(path)
        for example in examples_for(playbook):
            files = render_case(playbook, read_answers(example, playbook))
            for name, data in files.items():
                if name.endswith(".md"):
                    yield example.name, name, data.decode()


def test_every_list_starts_after_a_blank_line(fixed_now):
    """Python-Markdown and pandoc's default reader only see a list that follows a blank line
    (CommonMark is lenient): otherwise the bullets run into the paragraph above."""
    item = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
    for example, name, text in _every_example_markdown():
        for before, line in itertools.pairwise(text.split("\n")):
            if item.match(line) and before.strip() and not item.match(before):
                assert before.startswith(("  ", "#")), (example, name, before)


def test_python_markdown_sees_every_list_item_and_no_typed_html(both):
    """Python-Markdown (what many "plan to Word/PDF" scripts use) finds the same list items as
    a CommonMark parser, and the hostile answers reach it as text, never as HTML."""
    markdown = pytest.importorskip("markdown")
    _clean, hostile = both
    for name, data in hostile.items():
        if not name.endswith(".md"):
            continue
        text = data.decode()
        html = markdown.markdown(text, extensions=["tables"])
        commonmark = MarkdownIt("commonmark").enable("table").parse(text)
        items = sum(1 for t in commonmark if t.type == "list_item_open")
        assert html.count("<li>") == items, name
        assert "<b>html</b>" not in html and "<h1>Heading" not in html, name


def _pandoc_blocks(text: str, reader: str) -> Counter:
    """Block kinds pandoc's ``reader`` sees (its JSON AST), walked to every depth."""
    import json

    pypandoc = pytest.importorskip("pypandoc")
    tree = json.loads(pypandoc.convert_text(text, "json", format=reader))
    found: Counter = Counter()

    def walk(node):
        if isinstance(node, dict):
            if "t" in node:
                found[node["t"]] += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree["blocks"])
    return found


@pytest.mark.parametrize("reader", ["markdown", "gfm", "commonmark_x"])
def test_pandoc_reads_every_list_table_and_heading_and_no_typed_html(both, reader):
    """How people turn a plan into Word or PDF: pandoc's own Markdown, GFM and CommonMark
    readers see the same lists, items, tables and headings as a CommonMark parser, and the
    hostile answers reach them as text."""
    _clean, hostile = both
    for name, data in hostile.items():
        if not name.endswith(".md"):
            continue
        text = data.decode()
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        seen = _pandoc_blocks(text, reader)
        count = Counter(t.type for t in tokens)
        assert seen["BulletList"] == count["bullet_list_open"], (reader, name)
        assert seen["OrderedList"] == count["ordered_list_open"], (reader, name)
        assert seen["Header"] == count["heading_open"], (reader, name)
        assert seen["Table"] == count["table_open"], (reader, name)
        assert seen["RawBlock"] == 0 and seen["RawInline"] == 0, (reader, name, "typed HTML")


def test_pandoc_sees_the_lists_and_tables_of_every_example(fixed_now):
    """Every Markdown output of every built-in example, through pandoc's default reader."""
    for example, name, text in _every_example_markdown():
        count = Counter(t.type for t in MarkdownIt("commonmark").enable("table").parse(text))
        seen = _pandoc_blocks(text, "markdown")
        assert seen["BulletList"] == count["bullet_list_open"], (example, name)
        assert seen["Table"] == count["table_open"], (example, name)
        assert seen["Header"] == count["heading_open"], (example, name)
