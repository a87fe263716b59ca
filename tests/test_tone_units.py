"""The tone check read paragraph by paragraph, each paragraph's findings kept in a headless
run's bundle (triage/engine/tone_units.py): the findings of every built-in example are the
same, positions included, with the cache cold, warm, and after an answer changed, as a
check that keeps nothing; a warm run reads no paragraph again and loads no rules; a team's
rules file that changes is read again; nothing of the text is kept; a damaged or
unwritable cache is a miss."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from triage.engine import codecache, tone_kept, tone_load, tone_report, tone_units
from triage.engine.library import find_playbook
from triage.engine.session import Session
from triage.engine.tone_check import _check_text
from triage.engine.tone_text import _normalise

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "playbooks" / "examples").glob("*/*.toml"))
CORPUS = Path(__file__).parent / "tone_corpus"
_FIRST_TEXT = re.compile(r'^(\w+) = "(?=[A-Za-z0-9])', re.MULTILINE)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    monkeypatch.setattr(tone_units, "before_check", None)
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each paragraph the check reads (not found kept), and each load of the rules."""
    seen: list[str] = []
    real_checked, real_load = tone_units._checked, tone_load.load_rules

    def checked(text, rules):
        seen.append(text)
        return real_checked(text, rules)

    def load(*args, **kwargs):
        seen.append("<rules>")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(tone_units, "_checked", checked)
    monkeypatch.setattr(tone_load, "load_rules", load)
    return seen


def _case(playbook: str, answers: Path):
    session = Session.from_answers(find_playbook(playbook), answers)
    return session, session.outputs()


def _bundled(session, files, rules=None):
    """The findings of a headless run's check: in a bundle, saved when it closes."""
    with codecache.bundle(f"test\0{session.playbook.id}"):
        return tone_report.check_session(session, rules, files)


def _changed(answers: Path, into: Path) -> Path:
    """The answers with their first text answer changed (as a user edits a case)."""
    text = answers.read_text(encoding="utf-8")
    match = _FIRST_TEXT.search(text)
    assert match is not None, answers
    into.write_text(text[: match.end()] + "Changed: " + text[match.end() :], encoding="utf-8")
    return into


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_finds_the_same_cold_warm_and_changed(
    example: Path, cache: Path, reads: list[str], tmp_path: Path
):
    playbook = example.parent.name
    session, files = _case(playbook, example)
    plain = tone_report.check_session(session, None, files)  # no bundle: nothing kept
    assert _bundled(session, files) == plain  # cold: every paragraph read, and kept
    reads.clear()
    assert _bundled(session, files) == plain  # warm
    assert reads == [], "a warm check read a paragraph again, or loaded the rules"

    changed, changed_files = _case(playbook, _changed(example, tmp_path / "changed.toml"))
    assert changed_files != files
    reads.clear()
    found = _bundled(changed, changed_files)
    read = [text for text in reads if text != "<rules>"]
    assert read and all("Changed: " in text for text in read)  # only the changed paragraphs
    assert found == tone_report.check_session(changed, None, changed_files)


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.toml")):
        for value in tomllib.loads(path.read_text(encoding="utf-8")).values():
            if isinstance(value, list):
                texts += [d["text"] for d in value if isinstance(d, dict) and "text" in d]
    return texts


def test_paragraphs_are_the_checks_own():
    """Each paragraph, read on its own, is read as the check reads that part of the whole
    text: the whole text's reading is the paragraphs' joined by the breaks."""
    samples = [
        *_corpus_texts()[:400],
        "Thanks.\n\n- you never reply\n- and\r\n  2) you always\n\n\n  indented\n",
        "  leading\n\n\nthree\n \n four",
        "",
        "\n\n",
        "alpha:\r\n- beta",
    ]
    for text in samples:
        flat, _index, _breaks = _normalise(text)
        pieces = [_normalise(text[start:end])[0] for start, end in tone_units.paragraphs(text)]
        assert "\n".join(pieces) == flat, repr(text[:80])
        for start, _end in tone_units.paragraphs(text):
            assert start == 0 or text[start - 1] == "\n"  # columns are the text's own


def test_a_text_reads_as_its_paragraphs_each_on_its_own():
    rules = tone_load.load_rules()
    text = "Hello,\n\nYou always reply late.\n\n- per my last email\n- fine\n\nYou never call."
    found = tone_units.check_text(text, rules)
    assert [(w.line, w.column, w.matched) for w in found] == [
        (3, 1, "You always"),
        (5, 3, "per my last email"),
        (8, 1, "You never"),
    ]
    assert found == _check_text(text, rules)  # here the whole text reads the same


def test_a_text_of_more_paragraphs_than_any_draft_is_read_whole(cache: Path, reads: list[str]):
    """Read one by one, each paragraph pays the readings' fixed cost: a template's megabytes
    of short paragraphs are read whole instead, and kept as one."""
    rules = tone_load.load_rules()
    items = [f"Item {n}: you always reply late." for n in range(1001)]
    many = "\n\n".join(items)
    assert len(tone_units.paragraphs(many)) > tone_units.MAX_PARAGRAPHS
    whole = _check_text(many, rules)
    assert len(whole) == 1001
    reads.clear()
    with codecache.bundle("many"):
        assert tone_units.check_text(many, rules) == whole
    assert reads == [many]
    reads.clear()
    with codecache.bundle("many"):
        assert tone_units.check_text(many, rules) == whole
    assert reads == []
    fewer = "\n\n".join(items[:-1])
    assert len(tone_units.paragraphs(fewer)) == tone_units.MAX_PARAGRAPHS
    reads.clear()
    tone_units.check_text(fewer, rules)
    assert len(reads) == tone_units.MAX_PARAGRAPHS


def test_a_team_rules_file_that_changes_is_read_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    team = tmp_path / "team.toml"
    rule = (
        "format = 1\n[[rules]]\nid = 'team-word'\ncategory = 'pressure'\npattern = '{word}'\n"
        "explanation = 'e'\nsuggestion = 's'\n"
    )
    team.write_text(rule.format(word="zorblax"), encoding="utf-8")
    monkeypatch.setenv(tone_kept.RULES_ENV, str(team))
    text = "The zorblax is late.\n\nThe quuxle is late too."

    def check() -> list[str]:
        tone_load._cached_rules.cache_clear()  # as a new process loads them
        rules, problem = tone_load.configured_rules()
        assert problem == ""
        with codecache.bundle("team"):
            return [w.matched for w in tone_units.check_text(text, rules)]

    assert check() == ["zorblax"]
    assert check() == ["zorblax"]  # warm
    team.write_text(rule.format(word="quuxle"), encoding="utf-8")
    assert check() == ["quuxle"]


def test_nothing_of_the_text_is_kept(cache: Path):
    """A finding is kept as offsets and its rule's words: its phrase, its cues and the
    sentence its suggestion rewrites are read from the paragraph again."""
    secret = "Quillfeatherly"
    text = (
        f"Per my last three emails, the {secret} variation is still outstanding.\n\n"
        f"You always reply late about {secret}."
    )
    with codecache.bundle("secret"):
        first = tone_units.check_text(text)
    assert any(secret in w.suggestion for w in first)  # a rewrite of the flagged sentence
    assert list(cache.glob("*.notes"))
    for entry in cache.iterdir():
        assert secret.encode() not in entry.read_bytes(), entry.name
    with codecache.bundle("secret"):
        assert tone_units.check_text(text) == first


def test_a_damaged_entry_is_a_miss(cache: Path, reads: list[str]):
    text = "You always reply late."
    plain = tone_units.check_text(text)
    with codecache.bundle("damaged"):
        assert tone_units.check_text(text) == plain
    key = tone_units.hashlib.sha256(
        tone_units._prefix(None) + text.encode()  # type: ignore[operator]
    ).hexdigest()
    for bad in ((("x",),), ((1, 1, (0, 999), "c", "e", "s", None, "r", ()),), "text", None, 7):
        with codecache.bundle("damaged"):
            codecache.store_bundled(tone_units._KIND, key, bad)
        reads.clear()
        with codecache.bundle("damaged"):
            assert tone_units.check_text(text) == plain
        assert text in reads, bad


def test_an_unwritable_cache_checks_as_usual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TRIAGE_CACHE", str(blocked / "cache"))
    text = "You always reply late.\n\nThanks."
    plain = tone_units.check_text(text)
    for _ in range(2):
        with codecache.bundle("blocked"):
            assert tone_units.check_text(text) == plain
