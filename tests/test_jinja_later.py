"""With every template compiled in the code cache, a run loads no part of Jinja2's compiler,
lexer or parser, and the sandbox's limits hold as they do in a run that compiles; a
template compiled later in such a run gets the real compiler, refusals and all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys
from triage.engine import sandbox

def outcome(source, context):
    try:
        return ["ok", sandbox.render(source, context)]
    except sandbox.ExpressionError as exc:
        return ["refused", str(exc)]

fine = "Dear {{ name }},{% for x in items %} {{ x | upper }}{% endfor %}"
heavy = "{% for i in range(200000) %}{{ i }}{% endfor %}"
wide = "{{ name * 100000000 }}"
loaded = lambda: sorted(
    m for m in ("jinja2.compiler", "jinja2.lexer", "jinja2.parser", "jinja2.idtracking")
    if getattr(sys.modules.get(m), "__file__", None)
)
seen = {
    "fine": outcome(fine, {"name": "Ann", "items": ["a", "b"]}),
    "heavy": outcome(heavy, {}),
    "wide": outcome(wide, {"name": "ab"}),
    "condition": sandbox.holds("score > 3 and name != 'x'", {"score": 4, "name": "y"}),
    "loaded": loaded(),
}
if sys.argv[1] == "later":  # then something new: compiled, and refused, as always
    seen["new"] = outcome("{{ name | lower }}!", {"name": "ANN"})
    seen["include"] = outcome("{% include 'x' %}", {})
    seen["loaded after"] = loaded()
print(json.dumps(seen))
"""


def _run(tmp_path: Path, step: str, cache: str | None = None) -> dict:
    env = dict(os.environ, TRIAGE_CACHE=cache or str(tmp_path / "cache"), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, step],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_warm_run_loads_no_compiler_and_keeps_every_limit(tmp_path: Path):
    cold = _run(tmp_path, "first", cache="off")
    _run(tmp_path, "first")  # fills the cache
    warm = _run(tmp_path, "again")
    assert cold["loaded"] == [
        "jinja2.compiler",
        "jinja2.idtracking",
        "jinja2.lexer",
        "jinja2.parser",
    ]
    assert warm["loaded"] == []
    assert cold["fine"] == warm["fine"] == ["ok", "Dear Ann, A B"]
    for limit in ("heavy", "wide"):
        assert warm[limit][0] == "refused" and warm[limit] == cold[limit]
    assert cold["condition"] is warm["condition"] is True


def test_a_template_compiled_after_a_warm_start_is_compiled_and_refused_as_always(
    tmp_path: Path,
):
    _run(tmp_path, "first")
    later = _run(tmp_path, "later")
    assert later["loaded"] == []
    assert later["new"] == ["ok", "ann!"]
    assert later["include"][0] == "refused" and "include" in later["include"][1]
    assert later["loaded after"] == [
        "jinja2.compiler",
        "jinja2.idtracking",
        "jinja2.lexer",
        "jinja2.parser",
    ]


HEADLESS = r"""
import json, sys
from triage.cli import main

status = main(["run", sys.argv[1], "--answers", sys.argv[2], "--out", sys.argv[3], "--force"])
unused = ("tempfile", "shutil", "jinja2.loaders", "jinja2.bccache")
seen = {
    "status": status,
    "loaded": sorted(m for m in unused if getattr(sys.modules.get(m), "__file__", None)),
}
import jinja2  # another user of Jinja2 in the same process still gets all of it

env = jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 1 + 1 }}"}))
seen["loader"] = [env.get_template("t").render(), isinstance(env.loader, jinja2.BaseLoader)]
print(json.dumps(seen))
"""


def test_a_warm_headless_case_loads_no_loader_bytecode_cache_or_tempfile(
    tmp_path: Path, good: Path
):
    """A case's templates come from the code cache: Jinja2's template loaders and bytecode
    caches and ``tempfile`` (with ``shutil``) are not loaded for it, yet anything else in
    the process that wants them gets the real ones."""
    args = [str(good / "mini.toml"), str(good / "examples" / "mini" / "calm.toml")]
    env = dict(os.environ, TRIAGE_CACHE=str(tmp_path / "cache"), PYTHONPATH=str(REPO))
    env["TRIAGE_HOME"] = str(tmp_path / "home")
    for step in ("first", "second", "warm"):  # the second still adds to the run's bundle
        done = subprocess.run(
            [sys.executable, "-c", HEADLESS, *args, str(tmp_path / step)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["status"] == 0
    assert seen["loaded"] == []
    assert seen["loader"] == ["2", True]
