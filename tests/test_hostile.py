"""Nothing executed: hostile playbooks are refused, quickly and in little memory.

The playbooks live in tests/hostile/. Files named ``run-*`` are valid on their
face and can only be refused while rendering (their danger depends on the
answers); every other file must be refused by ``triage validate`` with one line.
Time and memory bounds are generous safety limits, not performance timings; time is
processor time, so a machine busy with other work does not fail them.

Every test runs three times: with no compiled-code cache (each template and expression is
parsed, checked and compiled from its text), with a warm one (the code that runs was
compiled in an earlier pass and loaded from disk), and with a warm one read through a
bundle (one file holding the earlier pass's entries, as a `triage run` reads them), so
the limits hold every way.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

from triage.cli import main
from triage.engine import sandbox
from triage.engine.errors import PlaybookInvalid
from triage.engine.playbook import load_playbook

HOSTILE = Path(__file__).parent / "hostile"
REPO = Path(__file__).resolve().parent.parent
AT_VALIDATE = sorted(p for p in HOSTILE.glob("*.toml") if not p.name.startswith("run-"))
AT_RENDER = sorted(HOSTILE.glob("run-*.toml"))
LONG_ANSWER = "ab\n" * 33_334  # about 100,000 characters over many lines
CPU_LIMIT = 5.0  # seconds of processor time: a busy machine's waits are not the playbook's
MEMORY_LIMIT = 200 * 1024 * 1024


def _forget_compiled() -> None:
    """Drop what this process compiled, so the next use compiles or loads from disk."""
    sandbox._template.cache_clear()
    sandbox._made_template.cache_clear()
    sandbox.compile_expression.cache_clear()
    sandbox.expression_reads.cache_clear()


def _fill(folder: Path, bundle: str = "") -> None:
    """Compile, in a pass of its own, everything here that compiles, into ``folder`` (and
    into the bundle called ``bundle``, if given)."""
    from triage.engine import codecache
    from triage.engine.case import Case
    from triage.engine.render import RenderError, render_case

    with contextlib.ExitStack() as stack:
        stack.enter_context(pytest.MonkeyPatch.context()).setenv("TRIAGE_CACHE", str(folder))
        if bundle:
            stack.enter_context(codecache.bundle(bundle))
        _forget_compiled()
        for path in AT_VALIDATE:
            main(["validate", str(path)])
        for path in AT_RENDER:
            playbook = load_playbook(path)
            with contextlib.suppress(RenderError):
                render_case(playbook, Case.new(playbook, {"counterparty": "Acme"}))
        for source in EXPRESSIONS:
            with contextlib.suppress(sandbox.ExpressionError):
                sandbox.compile_expression(source)
        for source in TEMPLATES:
            with contextlib.suppress(sandbox.ExpressionError):
                sandbox.template_reads(source)
        _forget_compiled()
        assert codecache.load("template", TEMPLATES[0]) is not None  # compiled and kept


BUNDLE = "hostile playbooks"


@pytest.fixture(scope="module", params=["cold", "warm", "bundled"])
def compiled_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """``cold``: no cache at all; ``warm``: a cache filled beforehand by _fill;
    ``bundled``: the same, also kept in a bundle, which each test then reads through."""
    if request.param == "cold":
        setting = "off"
    else:
        folder = tmp_path_factory.mktemp(f"{request.param}-cache")
        bundle = BUNDLE if request.param == "bundled" else ""
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            _fill(folder, bundle)
        if bundle:  # the entries' own files gone: only the bundle can supply them
            for entry in folder.iterdir():
                if entry.suffix in {".template", ".expression", ".reads"}:
                    entry.unlink()
        setting = str(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRIAGE_CACHE", setting)
        yield request.param


@pytest.fixture(autouse=True)
def _each_from_the_cache(compiled_cache: str):
    from triage.engine import codecache

    _forget_compiled()
    with codecache.bundle(BUNDLE) if compiled_cache == "bundled" else contextlib.nullcontext():
        if compiled_cache == "bundled":
            assert codecache.load("template", TEMPLATES[0]) is not None  # from the bundle
        yield
    _forget_compiled()


def test_there_are_hostile_playbooks_of_both_kinds():
    assert len(AT_VALIDATE) >= 30
    assert len(AT_RENDER) >= 8


@pytest.mark.parametrize("path", AT_VALIDATE, ids=lambda p: p.stem)
def test_triage_validate_refuses_with_one_line(path: Path, capsys: pytest.CaptureFixture[str]):
    started = time.process_time()
    status = main(["validate", str(path)])
    elapsed = time.process_time() - started
    out, err = capsys.readouterr()
    problems = [line for line in out.splitlines() if line and "playbook" not in line[:12]]
    problems = [line for line in out.splitlines() if ": " in line and not line[0].isdigit()]
    assert status == 1, out
    assert len(problems) == 1, out
    assert "Traceback" not in out + err
    assert elapsed < CPU_LIMIT


@pytest.mark.parametrize("path", AT_VALIDATE, ids=lambda p: p.stem)
def test_loading_raises_playbook_invalid(path: Path):
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    assert len(caught.value.problems) == 1


def test_validating_every_hostile_file_in_one_process_stays_small():
    """The real command in a child process: exit 1, one line per file, bounded time and memory."""
    script = textwrap.dedent(
        """
        import resource, subprocess, sys
        done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = used.ru_utime + used.ru_stime
        peak = used.ru_maxrss * 1024
        print(done.returncode, elapsed, peak)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        """
    )
    command = [sys.executable, "-c", script, sys.executable, "-m", "triage", "validate"]
    done = subprocess.run(
        command + [str(p) for p in AT_VALIDATE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=_env(),
    )
    first, *lines = done.stdout.splitlines()
    status, elapsed, peak = first.split()
    assert int(status) == 1
    assert "Traceback" not in done.stderr
    assert len([line for line in lines if line.startswith("tests/hostile")]) == len(AT_VALIDATE)
    assert float(elapsed) < 20 * CPU_LIMIT / 5
    assert int(peak) < MEMORY_LIMIT


RENDER_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, time, tracemalloc
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a runaway fails, not the host
    from pathlib import Path
    from triage.engine.case import Case
    from triage.engine.evaluate import evaluate
    from triage.engine.playbook import load_playbook
    from triage.engine.render import RenderError, render_case

    answer = sys.argv[1]
    results = {}
    for name in sys.argv[2:]:
        playbook = load_playbook(Path(name))
        case = Case.new(playbook, {"counterparty": answer})
        tracemalloc.start()
        started = time.process_time()
        try:
            render_case(playbook, case, evaluate(playbook, case.answers))
            outcome = "rendered"
        except RenderError as exc:
            outcome = "refused: " + str(exc)
        except BaseException as exc:  # anything else is a failure the test reports
            outcome = f"crashed: {exc.__class__.__name__}: {exc}"
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results[Path(name).stem] = {"outcome": outcome, "seconds": elapsed, "peak": peak}
    # The peak of this process's own memory. ru_maxrss is not used: Linux carries it
    # across exec, so a child started from a large pytest process reports the parent's.
    try:
        with open("/proc/self/status") as status:
            hwm = next(line for line in status if line.startswith("VmHWM:"))
        results["__maxrss__"] = int(hwm.split()[1]) * 1024
    except (OSError, StopIteration):
        results["__maxrss__"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(results))
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    return env


@pytest.fixture(scope="module")
def rendered(compiled_cache: str) -> dict[str, dict]:
    done = subprocess.run(
        [sys.executable, "-c", RENDER_SCRIPT, LONG_ANSWER, *map(str, AT_RENDER)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("path", AT_RENDER, ids=lambda p: p.stem)
def test_render_time_payloads_are_refused_quickly_and_small(path: Path, rendered: dict):
    result = rendered[path.stem]
    assert result["outcome"].startswith("refused: notes.md: "), result["outcome"]
    assert "\n" not in result["outcome"]
    assert result["seconds"] < CPU_LIMIT
    assert result["peak"] < MEMORY_LIMIT


def test_the_render_process_never_grew_large(rendered: dict):
    assert rendered["__maxrss__"] < MEMORY_LIMIT


@pytest.mark.parametrize("path", AT_RENDER, ids=lambda p: p.stem)
def test_render_time_playbooks_are_fine_with_a_short_answer(path: Path):
    """They are refused for what they do with the answer, not for existing."""
    from triage.engine.case import Case
    from triage.engine.render import RenderError, render_case

    playbook = load_playbook(path)
    case = Case.new(playbook, {"counterparty": "Acme"})
    try:
        render_case(playbook, case)
    except RenderError as exc:  # these two are refused whatever the answer
        assert path.stem in ("run-endless-macro", "run-ljust"), exc


# -- the sandbox itself, payload by payload ---------------------------------------------------

CONTEXT = {"x": "hello", "items": [1, 2, 3], "s": "ab" * 50_000, "scores": {"trust": 3}}

EXPRESSIONS = [
    "x.__class__",
    "x.__class__.__mro__[1].__subclasses__()",
    "x.upper.__globals__",
    "x.__init__.__globals__['__builtins__']",
    "cycler.__init__.__globals__",
    "joiner()",
    "namespace()",
    "lipsum()",
    "self",
    "config",
    "request",
    "range(10)",
    "'{0.__class__}'.format(x)",
    "x.format_map({})",
    "'%s' % x",
    "'%1000000000s' | format(x)",
    "'a' * 10**9",
    "'x' | center(10**9)",
    "x.ljust(10**9)",
    "x.center(10**9)",
    "x.zfill(10**9)",
    "x.encode()",
    "x.translate({104: s})",
    "{}.fromkeys(s | list, s)",
    "items | slice(10**9) | list",
    "items | batch(10**9) | list",
    "[1] | batch(1000, fill_with=s) | list",
    "s | replace('a', s)",
    "s.replace('a', s)",
    "s | list | join(s)",
    "x.join([s] * 11)",
    "s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s",
    "[s, s, s, s, s, s, s, s, s, s, s]",
    "s | list | map('replace', 'a', s) | list",
    "s | wordwrap(1, wrapstring=s)",
    "('\\n' * 99999) | indent(1000)",
    "((10 ** 64) ** 64) ** 64",
    "x | attr('__class__')",
    "x | xmlattr",
    "items.pop()",
    "scores.update({'trust': 9})",
]


@pytest.mark.parametrize("source", EXPRESSIONS)
def test_hostile_expressions_are_refused_in_little_time_and_memory(source: str):
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(sandbox.ExpressionError) as caught:
            sandbox.evaluate(source, dict(CONTEXT))
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(caught.value) and "\n" not in str(caught.value)
    assert elapsed < CPU_LIMIT
    assert peak < MEMORY_LIMIT


TEMPLATES = [
    "{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "{% set x %}{% for a in s %}{{ s }}{% endfor %}{% endset %}{{ x | length }}",
    "{% set x %}{% for a in s %}{% for b in s %}{{ 'y' * 900 }}{% endfor %}{% endfor %}{% endset %}",
    "{% for c in s %}{% if 'zz' in s %}.{% endif %}{% endfor %}",
    "{% set a = s ~ s %}{% set b = a ~ a %}{% set c = b ~ b %}{% set d = c ~ c %}{{ d }}",
    "{{ [s, s, s, s, s, s, s, s, s, s, s] }}",
    "{% for i in items recursive %}{{ loop(items) }}{% endfor %}",
    "{% include 'x.j2' %}",
    "{% import 'x.j2' as x %}",
    "{% from 'x.j2' import y %}",
    "{% extends 'x.j2' %}",
    "{% block b %}{{ self.b() }}{{ self.b() }}{% endblock %}",
    "{{ x.__class__.__base__.__subclasses__() }}",
    # many large lists of its own, each read by a filter: a render keeps few of them
    "{% for i in range(10 ** 6) %}{{ (s[:5000] | list) | length }}{% endfor %}",
]


@pytest.mark.parametrize("source", TEMPLATES)
def test_hostile_templates_are_refused_in_little_time_and_memory(source: str):
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(sandbox.ExpressionError):
            sandbox.render(source, dict(CONTEXT))
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < CPU_LIMIT
    assert peak < MEMORY_LIMIT


def test_a_slow_template_is_refused_by_its_own_work_not_the_wall_clock(monkeypatch):
    """The time limit counts the processor time the render spends: a machine busy with
    other work (a test run, a build) must not refuse a playbook that is fine, and a
    template that spends the time itself is still stopped, with one sentence."""
    from triage.engine.sandbox import limits

    loop = "{% for a in s %}{% for b in items %}{{ b }}{% endfor %}{% endfor %}"
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.05)
    with pytest.raises(sandbox.ExpressionError, match=r"took longer than 0\.05 seconds"):
        sandbox.render(loop, dict(CONTEXT))
    # Waiting (the wall clock running while this thread does nothing) is not work.
    slow_clock = iter(range(0, 10**9, 10))
    monkeypatch.setattr(limits.time, "monotonic", lambda: float(next(slow_clock)))
    assert sandbox.render("{% for b in items %}{{ b }}{% endfor %}" * 20, dict(CONTEXT))


@pytest.mark.parametrize(
    "source",
    [
        "{% include 'x.j2' %}",
        "{% for i in items recursive %}{% endfor %}",
        "{{ self }}",
        "{{ x.__class__ }}",
        "{{ x['__class__'] }}",
        "{{ x | attr('y') }}",
        "{{ 'a' * 10**9 }}",
        "{{ '%s' % x }}",
        "{{ x | center(10**9) }}",
    ],
)
def test_what_can_be_seen_without_running_is_refused_when_parsing(source: str):
    with pytest.raises(sandbox.ExpressionError):
        sandbox.parse_template(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ x | upper }} {{ items | join(', ') }}", "HELLO 1, 2, 3"),
        ("{{ '%.1f' | format(2.25) }} {{ x.replace('l', 'L') }}", "2.2 heLLo"),
        (
            "{% for i in items %}{{ loop.index }}{% if not loop.last %},{% endif %}{% endfor %}",
            "1,2,3",
        ),
        ("{{ (x ~ '!') | center(9) }}|{{ x | truncate(5) }}", "  hello! |hello"),
        ("{% macro m(v) %}<{{ v }}>{% endmacro %}{{ m(x) }}{{ [1, 2] | sum }}", "<hello>3"),
        ("{{ s | length }} {{ (s ~ s) | length }}", "100000 200000"),
    ],
)
def test_ordinary_templates_still_work(source: str, expected: str):
    assert sandbox.render(source, dict(CONTEXT)) == expected


# -- paths cannot leave the playbook's folder ------------------------------------------------

PLAYBOOK = """format = 1
title = "Links"
summary = "Paths that leave through symbolic links."
version = "1.0.0"

[[stages]]
{stage}

[outputs.notes]
file = "notes.md"
template = "{template}"
"""
STAGE = """id = "intake"
title = "Intake"

[[stages.questions]]
id = "counterparty"
kind = "text"
prompt = "Who?"
"""


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A playbook folder whose shared/ and templates/ are links to a folder outside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "intake.toml").write_text(f"[[stages]]\n{STAGE}")
    (outside / "notes.md.j2").write_text("{{ counterparty }}\n")
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "templates").mkdir()
    (folder / "templates" / "ok.md.j2").write_text("{{ counterparty }}\n")
    (folder / "shared").mkdir()
    (folder / "shared" / "ok.toml").write_text(f"[[stages]]\n{STAGE}")
    try:
        (folder / "shared" / "out.toml").symlink_to(outside / "intake.toml")
        (folder / "templates" / "out.md.j2").symlink_to(outside / "notes.md.j2")
        (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not available here")
    return folder


def _write(folder: Path, stage: str, template: str) -> Path:
    path = folder / "book.toml"
    path.write_text(PLAYBOOK.format(stage=stage, template=template))
    return path


def test_the_linked_fixture_is_valid_when_it_stays_inside(linked: Path):
    load_playbook(_write(linked, 'include = "shared/ok.toml"', "templates/ok.md.j2"))


@pytest.mark.parametrize(
    ("stage", "template"),
    [
        ('include = "shared/out.toml"', "templates/ok.md.j2"),
        ('include = "linked-dir/intake.toml"', "templates/ok.md.j2"),
        ('include = "shared/ok.toml"', "templates/out.md.j2"),
        ('include = "shared/ok.toml"', "linked-dir/notes.md.j2"),
        ('include = "shared/../../outside/intake.toml"', "templates/ok.md.j2"),
        ('include = "shared/ok.toml"', "templates/../../outside/notes.md.j2"),
    ],
)
def test_symbolic_links_and_dot_dot_cannot_leave_the_folder(
    linked: Path, stage: str, template: str
):
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(_write(linked, stage, template))
    assert any("outside the playbook's folder" in p.message for p in caught.value.problems)
