"""The home screen's quick read of a playbook's title and summary (PlaybookEntry.peek):
the plain lines are read without a TOML parser, and must read exactly as tomllib reads them."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from triage.engine.library import PlaybookEntry, _plain_keys, builtin_dir, playbook_files


def as_tomllib_reads(text: str) -> dict | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def test_the_built_in_playbooks_peek_as_tomllib_reads_them():
    for path in playbook_files(builtin_dir()):
        entry = PlaybookEntry(path.stem, path, "built-in").peek()
        text = path.read_text(encoding="utf-8-sig")
        top = tomllib.loads(text[: text.index("\n[")])
        assert (entry.peeked_title, entry.peeked_summary) == (top["title"], top["summary"])
        assert _plain_keys(text[: text.index("\n[")]) in (None, top)


TRICKY = [
    "",
    "\n\n",
    'title = "A"\nsummary = "B" # why\n',
    'title="A"#c\r\nformat = 0\r\n',
    'title = "A"\ntitle = "B"\n',  # twice: TOML refuses it
    'title = "a \\" b"\n',  # an escape: left to the parser
    "title = 'literal'\n",
    'title = """long"""\n',
    'title = "tab\there"\n',
    'title = "bell\x07"\n',
    "# a comment with a bell \x07\n",
    "# a comment with a tab \t and ünïcode\n",
    "format = 01\n",
    "format = +1\n",
    "format = 1_000\n",
    'site.title = "dotted"\n',
    '"quoted" = "key"\n',
    '123 = "digits"\n',
    'title = "x" "y"\n',
    'title = "x"\rsummary = "y"\n',
    'title = "x"\r\r\n',
    '\x0ctitle = "form feed"\n',
    'title\t=\t"tabs"\t# and a comment\n',
    'title = "del\x7f"\n',
    "title = \n",
    'title = "no end\n',
]


def test_tricky_lines_read_as_tomllib_reads_them_or_go_to_it():
    for text in TRICKY:
        quick = _plain_keys(text)
        assert quick is None or quick == as_tomllib_reads(text), repr(text)


LINE = st.one_of(
    st.just(""),
    st.text(alphabet=' \t#"=\\\r\x07\x7fab1_-.', max_size=12),
    st.builds(
        lambda key, value, tail: f"{key} = {value}{tail}",
        st.sampled_from(["title", "summary", "format", "a-b", "x.y", "7"]),
        st.one_of(
            st.text(alphabet='ab "\\\t\x01é#', max_size=8).map(lambda t: f'"{t}"'),
            st.sampled_from(["0", "1", "01", "10", "+1", "1_0", "true", "'x'"]),
        ),
        st.sampled_from(["", " ", " # c", "#", "\r", " \t# c\x07"]),
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=6))
def test_any_lines_read_as_tomllib_reads_them_or_go_to_it(lines):
    text = "\n".join(lines)
    quick = _plain_keys(text)
    assert quick is None or quick == as_tomllib_reads(text)
