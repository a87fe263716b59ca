"""Compiled code kept between runs: the same results warm as cold, and never a problem.

A cache is only worth having if nobody can tell it is there except by the speed: a warm
run writes exactly what a cold one writes, a damaged or unwritable cache is ignored, and
two runs at once do not trip over each other.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from triage.engine import codecache, sandbox

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "playbooks" / "examples" / "client-communication-breakdown"
TEMPLATE = "Dear {{ name | first_name }},\n{% for item in items %}- {{ item }}\n{% endfor %}"
CONTEXT = {"name": "Dana Whitfield", "items": ["the March invoice", "the call notes"]}


def _forget() -> None:
    sandbox._template.cache_clear()
    sandbox._made_template.cache_clear()
    sandbox.compile_expression.cache_clear()
    sandbox.expression_reads.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    _forget()
    yield folder
    _forget()


def _entries(folder: Path) -> list[Path]:
    return (
        sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []
    )


def test_a_template_renders_the_same_from_the_cache(cache: Path):
    cold = sandbox.render(TEMPLATE, CONTEXT)
    assert _entries(cache), "the compiled template was not kept"
    _forget()
    warm = sandbox.render(TEMPLATE, CONTEXT)
    assert warm == cold == "Dear Dana,\n- the March invoice\n- the call notes\n"
    assert sandbox.template_reads(TEMPLATE).names == {"name", "items"}


def test_what_a_kept_template_reads_is_known_without_loading_its_code(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    """A run asks what every action's text reads and renders about half of them: the
    others' code stays as it was kept, and a template rendered later loads it then."""
    sandbox.render(TEMPLATE, CONTEXT)
    _forget()
    loaded: list[bytes] = []
    real = sandbox._loaded_code
    monkeypatch.setattr(sandbox, "_loaded_code", lambda data: loaded.append(data) or real(data))
    assert sandbox.template_reads(TEMPLATE).names == {"name", "items"}
    assert loaded == []
    assert (
        sandbox.render(TEMPLATE, CONTEXT) == "Dear Dana,\n- the March invoice\n- the call notes\n"
    )
    assert len(loaded) == 1


def test_kept_template_code_that_does_not_load_is_compiled_again(cache: Path):
    reads = sandbox.template_reads(TEMPLATE)
    codecache.store("template", TEMPLATE, (reads.names, reads.attributes, reads.lines, b"\xe3x"))
    _forget()
    assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,\n- the March invoice")


def test_expressions_evaluate_the_same_from_the_cache(cache: Path):
    source = "amount > 1000 and fault in ['mostly_us', 'both']"
    context = {"amount": 2500, "fault": "both"}
    assert sandbox.evaluate(source, context) is True
    _forget()
    assert sandbox.evaluate(source, context) is True
    assert sandbox.expression_reads(source).names == {"amount", "fault"}


def test_a_template_that_is_refused_is_never_kept(cache: Path):
    with pytest.raises(sandbox.ExpressionError, match="include"):
        sandbox.render("{% include 'x' %}", {})
    assert not any(p.suffix == ".template" for p in _entries(cache))


def test_a_damaged_entry_is_ignored_and_replaced(cache: Path):
    sandbox.render(TEMPLATE, CONTEXT)
    for entry in _entries(cache):
        entry.write_bytes(codecache._MAGIC + b"\0" * 40)  # right start, wrong contents
    _forget()
    assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
    assert codecache.load("template", TEMPLATE) is not None  # written again, whole


def test_an_entry_with_one_byte_changed_is_not_used(cache: Path):
    codecache.store("toml", "x = 1", {"x": 1})
    (entry,) = [p for p in _entries(cache) if p.suffix == ".toml"]
    whole = entry.read_bytes()
    assert codecache.load("toml", "x = 1") == {"x": 1}
    for spot in (len(whole) - 1, len(codecache._MAGIC) + codecache._CHECK):
        damaged = bytearray(whole)
        damaged[spot] ^= 0x01  # still marshal data for {"x": 0} or the like: the check finds it
        entry.write_bytes(bytes(damaged))
        assert codecache.load("toml", "x = 1") is None
    entry.write_bytes(whole[:-1])  # cut short
    assert codecache.load("toml", "x = 1") is None


def test_an_unusable_cache_folder_is_no_cache_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TRIAGE_CACHE", str(blocker / "cache"))
    _forget()
    assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
    _forget()


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRIAGE_CACHE", "off")
    assert codecache.folder() is None
    _forget()
    assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
    _forget()


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are a POSIX idea")
def test_the_cache_folder_is_the_owners_alone(cache: Path):
    sandbox.render(TEMPLATE, CONTEXT)
    assert cache.stat().st_mode & 0o077 == 0


def test_a_kept_regex_matches_exactly_as_a_fresh_one(cache: Path):
    pattern = r"(?<!\w)(?:see you in (?:court|front of a judge)|(?P<who>our lawyers) will)(?!\w)"
    texts = ["We will see you in court.", "Our lawyers will call.", "See you in Court", "nothing"]
    fresh = re.compile(pattern, re.IGNORECASE)
    first = codecache.regex(pattern, re.IGNORECASE)
    kept = codecache.regex(pattern, re.IGNORECASE)  # this one from the file
    assert codecache.load("regex", f"{int(re.IGNORECASE)}\0{pattern}") is not None
    for text in texts:
        spans = [(m.span(), m.groupdict()) for m in fresh.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in first.finditer(text)] == spans
        assert [(m.span(), m.groupdict()) for m in kept.finditer(text)] == spans


def test_a_regex_compiled_from_a_tree_parsed_before_is_the_same(cache: Path):
    """The tone rules' scans compile from the tree their anchors were read from: the same
    program as from the text, and no parse at all when the program is kept."""
    from re import _parser  # type: ignore[attr-defined]

    pattern = r"(?<!\w)(?:you (?:ignored|failed) us|we (?:were|felt) ignored)(?!\w)"
    parsed: list[object] = []

    def parse() -> object:
        parsed.append(_parser.parse(pattern, 0))
        return parsed[-1]

    first = codecache.regex(pattern, 0, parse)
    assert len(parsed) == 1
    assert codecache.load("regex", f"0\0{pattern}") == codecache._program(pattern, 0)
    kept = codecache.regex(pattern, 0, parse)
    assert len(parsed) == 1  # read from the cache, not parsed
    fresh = re.compile(pattern)
    for text in ["you ignored us", "we felt ignored.", "you ignored usual", "nothing"]:
        spans = [m.span() for m in fresh.finditer(text)]
        assert [m.span() for m in first.finditer(text)] == spans
        assert [m.span() for m in kept.finditer(text)] == spans


def test_a_tampered_regex_program_falls_back_to_compiling(cache: Path):
    pattern = "threat(en)?s?"
    codecache.regex(pattern)
    flags, code, groups, index, names = codecache.load("regex", f"0\0{pattern}")
    broken = b"\xe7\x03\x00\x00" + code  # an opcode (999) the engine does not have
    codecache.store("regex", f"0\0{pattern}", (flags, broken, groups, index, names))
    assert codecache.regex(pattern).search("no threats here").group() == "threats"
    with pytest.raises(re.error):
        codecache.regex("(unclosed")


def test_an_upgrade_of_the_sandbox_never_reads_old_code(monkeypatch: pytest.MonkeyPatch):
    before = codecache._key("template", TEMPLATE)
    monkeypatch.setattr(codecache, "_fingerprint", lambda sandboxed: b"another sandbox")
    assert codecache._key("template", TEMPLATE) != before


def test_runs_at_the_same_time_share_one_cache(tmp_path: Path):
    """Four whole cases at once into one empty cache: all write the same outputs."""
    env = dict(os.environ, TRIAGE_CACHE=str(tmp_path / "cache"), PYTHONPATH=str(REPO))
    answers = EXAMPLE / "outage-our-fault.toml"
    command = [sys.executable, "-m", "triage", "run", "client-communication-breakdown"]
    command += ["--answers", str(answers), "--out"]
    children = [
        subprocess.Popen(
            [*command, str(tmp_path / f"out{n}")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()[-1000:]
    plans = {(tmp_path / f"out{n}" / "plan.md").read_text(encoding="utf-8") for n in range(4)}
    assert len(plans) == 1
    # entries are written through ".NAME.XXXXXXXX.tmp" (as atomic.py names them; ".tmp-*"
    # was tempfile's name for them)
    left = [*(tmp_path / "cache").glob(".*.tmp"), *(tmp_path / "cache").glob(".tmp-*")]
    assert not left, "a temporary file was left behind"
    # and a warm run after them writes the same plan again
    warm = subprocess.run(
        [*command, str(tmp_path / "warm")], env=env, capture_output=True, text=True, timeout=120
    )
    assert warm.returncode == 0, warm.stderr
    assert (tmp_path / "warm" / "plan.md").read_text(encoding="utf-8") in plans


def test_nothing_a_user_typed_reaches_the_cache(tmp_path: Path):
    """Case and answers files hold private notes: only playbooks' own files are kept."""
    secret = "Priya said the Leeds warehouse manager was drunk on site"
    answers = tmp_path / "answers.toml"
    text = (EXAMPLE / "outage-our-fault.toml").read_text(encoding="utf-8")
    assert "Daniel estimates" in text
    answers.write_text(text.replace("Daniel estimates", f"{secret}. Daniel estimates"), "utf-8")
    cache = tmp_path / "cache"
    env = dict(os.environ, TRIAGE_CACHE=str(cache), PYTHONPATH=str(REPO))
    env["TRIAGE_HOME"] = str(tmp_path / "home")
    for command in (
        ["run", "client-communication-breakdown", "--answers", str(answers), "--out",
         str(tmp_path / "out")],
        ["list"],
    ):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "triage", *command], env=env, capture_output=True, timeout=120
        )
        assert done.returncode in (0, 1), done.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.md"))
    assert "Leeds warehouse" in written, "the note never reached the outputs"
    assert _entries(cache), "the run kept nothing at all: this test would prove nothing"
    for entry in _entries(cache):
        data = entry.read_bytes()
        assert b"Leeds warehouse" not in data, entry.name
        assert "Leeds warehouse".encode("utf-16-le") not in data, entry.name


def _bundles(folder: Path) -> list[Path]:
    return [p for p in _entries(folder) if p.suffix == ".bundle"]


def test_a_bundle_keeps_what_a_run_used_in_one_file(cache: Path):
    with codecache.bundle("a playbook"):
        cold = sandbox.render(TEMPLATE, CONTEXT)
        assert sandbox.evaluate("amount > 10", {"amount": 11}) is True
    assert len(_bundles(cache)) == 1
    for entry in _entries(cache):
        if entry.suffix != ".bundle":
            entry.unlink()  # only the bundle is left to supply them
    _forget()
    with codecache.bundle("a playbook"):
        assert sandbox.render(TEMPLATE, CONTEXT) == cold
        assert sandbox.evaluate("amount > 10", {"amount": 9}) is False
        assert sandbox.template_reads(TEMPLATE).names == {"name", "items"}
    assert not [p for p in _entries(cache) if p.suffix != ".bundle"], "nothing was compiled"


def test_a_bundle_drops_what_only_a_playbook_read_from_its_files_needed(cache: Path):
    """The first run parses the playbook's TOML; later runs load its kept model and render:
    the parsed TOML leaves the bundle they read, yet a run that rendered nothing (it stopped
    before its templates) keeps the bundle as it was."""
    source = 'title = "Mini"\n'
    with codecache.bundle("a playbook"):
        codecache.parsed_toml(source)
        assert sandbox.evaluate("amount > 10", {"amount": 11}) is True
        sandbox.render(TEMPLATE, CONTEXT)
    (bundle,) = _bundles(cache)
    first = bundle.read_bytes()
    assert f"toml\0{source}".encode() in first
    _forget()
    with codecache.bundle("a playbook"):
        assert sandbox.evaluate("amount > 10", {"amount": 11}) is True  # stops before rendering
    assert bundle.read_bytes() == first
    _forget()
    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    kept = bundle.read_bytes()
    assert f"toml\0{source}".encode() not in kept
    assert f"template\0{TEMPLATE}".encode() in kept
    assert codecache.parsed_toml(source) == {"title": "Mini"}  # still kept on its own


def test_a_bundle_answers_only_for_the_exact_text(cache: Path):
    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    _forget()
    changed = TEMPLATE.replace("Dear", "Hello")
    with codecache.bundle("a playbook"):
        assert sandbox.render(changed, CONTEXT).startswith("Hello Dana,")
        with pytest.raises(sandbox.ExpressionError, match="include"):
            sandbox.render(TEMPLATE + "{% include 'x' %}", CONTEXT)  # still refused


def test_a_damaged_bundle_is_ignored_and_written_again(cache: Path):
    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    (bundle,) = _bundles(cache)
    whole = bundle.read_bytes()
    bundle.write_bytes(whole[: len(whole) // 2])  # cut short
    _forget()
    with codecache.bundle("a playbook"):
        assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
    assert bundle.read_bytes() == whole


def test_a_bundle_whose_index_does_not_fit_its_file_is_ignored(cache: Path):
    """Whole (its check holds) but with an index pointing past its end, or not an index at
    all: the run compiles what it needs and writes a good bundle over it."""
    import marshal

    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    (bundle,) = _bundles(cache)
    good = bundle.read_bytes()
    head = marshal.dumps({f"template\0{TEMPLATE}": (0, 10**6)})
    for payload in (len(head).to_bytes(4, "little") + head + b"short", b"\xff" * 40):
        bundle.unlink()
        assert codecache._write(cache, bundle.name, payload)
        _forget()
        with codecache.bundle("a playbook"):
            assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
        assert bundle.read_bytes() == good


def test_a_bundle_is_written_only_when_a_run_needed_something_new(cache: Path):
    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    (bundle,) = _bundles(cache)
    before = bundle.stat().st_mtime_ns
    _forget()
    with codecache.bundle("a playbook"):
        sandbox.render(TEMPLATE, CONTEXT)
    assert bundle.stat().st_mtime_ns == before


def test_a_bundle_takes_the_small_regexes_a_later_run_read_back(cache: Path):
    """A first run compiles (and keeps) every tone rule's scan one by one, which later runs
    take from one entry of their own: the bundle, read by every run, must not carry them.
    What a later run reads back pattern by pattern comes from the bundle after that."""
    small, large = r"(?:our|my) lawyers?", "|".join(f"word{n:05d}" for n in range(3000))
    with codecache.bundle("a playbook"):
        codecache.regex(small)
        codecache.regex(large)  # compiled here: kept as files of their own only
    assert not _bundles(cache)
    with codecache.bundle("a playbook"):  # read back, pattern by pattern
        assert codecache.regex(small).search("Our lawyers") is None  # as compiled: no flags
        assert codecache.regex(large).search("word02999") is not None
    (bundle,) = _bundles(cache)
    for entry in _entries(cache):
        if entry.suffix != ".bundle":
            entry.unlink()
    with codecache.bundle("a playbook"):
        assert codecache.regex(small).search("my lawyer").group() == "my lawyer"
    assert [p for p in _entries(cache) if p.suffix == ".regex"] == [], (
        "the small one came from the bundle"
    )
    assert len(bundle.read_bytes()) < 16_384, "the large one stayed out of it"


def test_a_bundle_in_an_unusable_folder_is_no_bundle_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TRIAGE_CACHE", str(blocker / "cache"))
    _forget()
    with codecache.bundle("a playbook"):
        assert sandbox.render(TEMPLATE, CONTEXT).startswith("Dear Dana,")
    _forget()


def test_the_engine_stamp_changes_with_any_module_of_the_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """What the checks concluded is kept under the engine's stamp: a change to a module in a
    subpackage (a filter, a file format) must change it as much as one beside it."""
    engine = tmp_path / "engine"
    (engine / "filters" / "__pycache__").mkdir(parents=True)
    (engine / "codecache.py").write_text("# the cache\n")
    (engine / "filters" / "dates.py").write_text("# a filter\n")
    (engine / "filters" / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"compiled")
    monkeypatch.setattr(codecache, "__file__", str(engine / "codecache.py"))
    stamp = codecache.engine_stamp.__wrapped__
    before = stamp()
    assert "filters/dates.py" in before.replace("\\", "/") and "pyc" not in before
    (engine / "filters" / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"other bytes")
    assert stamp() == before
    (engine / "filters" / "dates.py").write_text("# a filter, changed\n")
    assert stamp() != before


CONDITIONS = ["amount > 10", "owner == 'Dana' and amount < 100", "items | length >= 2"]
SEEN = {"amount": 11, "owner": "Dana", "items": ["a", "b"]}


def _bundle_index(bundle: Path) -> dict[str, tuple[int, int]]:
    import marshal

    payload = bundle.read_bytes()[8:]  # past the magic and the check
    size = int.from_bytes(payload[:4], "little")
    index: dict[str, tuple[int, int]] = marshal.loads(payload[4 : 4 + size])
    return index


def test_a_bundle_keeps_every_conditions_code_in_one_entry(cache: Path):
    """A headless case evaluates some 350 conditions: their code is one entry of the
    bundle, read at once, and gives the same answers warm, from the bundle alone."""
    with codecache.bundle("a playbook"):
        cold = [sandbox.evaluate(c, SEEN) for c in CONDITIONS]
    (bundle,) = _bundles(cache)
    keys = list(_bundle_index(bundle))
    assert [k for k in keys if k.startswith("expression\0")] == []
    assert keys.count("\1expression") == 1
    for entry in _entries(cache):
        if entry.suffix != ".bundle":
            entry.unlink()  # only the bundle is left to supply them
    _forget()
    before = bundle.stat().st_mtime_ns
    with codecache.bundle("a playbook"):
        assert [sandbox.evaluate(c, SEEN) for c in CONDITIONS] == cold == [True, True, True]
        assert sandbox.evaluate("amount > 10", {"amount": 3}) is False
    assert not [p for p in _entries(cache) if p.suffix != ".bundle"], "nothing was compiled"
    assert bundle.stat().st_mtime_ns == before, "nothing new: not written again"


def test_a_new_condition_joins_the_bundles_table_and_the_others_stay(cache: Path):
    with codecache.bundle("a playbook"):
        for c in CONDITIONS:
            sandbox.evaluate(c, SEEN)
    _forget()
    with codecache.bundle("a playbook"):
        assert sandbox.evaluate("owner != 'Lee'", SEEN) is True  # new: compiled, kept
        assert sandbox.evaluate(CONDITIONS[0], SEEN) is True
    assert len(_bundles(cache)) == 1
    for entry in _entries(cache):
        if entry.suffix != ".bundle":
            entry.unlink()
    _forget()
    with codecache.bundle("a playbook"):
        for c in [*CONDITIONS, "owner != 'Lee'"]:
            assert sandbox.evaluate(c, SEEN) is True
    assert not [p for p in _entries(cache) if p.suffix != ".bundle"], "all four were kept"


def test_a_damaged_table_of_conditions_is_compiled_again(cache: Path):
    """A table that does not read back (whole, by the file's check, but not a table of
    code) is no table: each condition is compiled again, gives the same answer, and the
    bundle is written again with a good one."""
    import marshal

    with codecache.bundle("a playbook"):
        for c in CONDITIONS:
            sandbox.evaluate(c, SEEN)
    (bundle,) = _bundles(cache)
    good = bundle.read_bytes()
    for entry in _entries(cache):
        if entry.suffix != ".bundle":
            entry.unlink()
    index = _bundle_index(bundle)
    body = good[8 + 4 + int.from_bytes(good[8:12], "little") :]
    bad = {"\1expression": marshal.dumps({1: "not code", "amount > 10": "print('x')"})}
    entries = {k: body[s : s + n] for k, (s, n) in index.items() if k not in bad} | bad
    new_index, start = {}, 0
    for key, value in entries.items():
        new_index[key] = (start, len(value))
        start += len(value)
    head = marshal.dumps(new_index)
    bundle.unlink()
    assert codecache._write(
        cache, bundle.name, len(head).to_bytes(4, "little") + head + b"".join(entries.values())
    )
    _forget()
    with codecache.bundle("a playbook"):
        assert [sandbox.evaluate(c, SEEN) for c in CONDITIONS] == [True, True, True]
    assert bundle.read_bytes() == good
