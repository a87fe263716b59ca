"""The regular expressions modules compile as they load, kept between runs.

Loading what a headless case needs compiles about 140 regular expressions at module level
(the filters', Jinja2's, the email package's): some 25 ms of every run, the same patterns
each time. Within :func:`kept`, the compiled programs of the patterns the last such load
compiled are put into ``re``'s own cache first, so ``re.compile`` and the module-level
``re.sub(...)`` calls find them there instead of parsing and compiling each pattern again;
when the block ends, the programs of any pattern compiled in it are kept (in the code
cache, as :func:`triage.engine.codecache.regex` keeps the tone rules'), for the next run.

Only imports run inside the block, never anything read from a playbook, a case or an
answers file: every pattern kept is text from the modules themselves, so nothing a user
typed reaches the cache (a pattern built from a name at run time is compiled after the
block, as usual). A program is made into a pattern by ``_sre.compile``, which checks it
("invalid SRE code" for anything malformed); the entry's key holds Python's exact version.
With anything not as expected (no cache folder, another Python, a damaged entry) a module
compiles its patterns itself, as without this.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any

from triage.engine import codecache

__all__ = ["kept"]

_KIND = "importregex"
_FORMAT = "import regexes 1"
_MOST = 1024  # patterns in one entry; past this, only those the last load compiled
# ``re._compile`` looks patterns up in ``re._cache`` by (type, pattern, flags) in these
# versions (3.12 and later also keep a smaller cache in front of it, filled from this one).
_VERSIONS = ((3, 11), (3, 12), (3, 13))


def _cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in _VERSIONS:
        return None
    return cache if isinstance(cache, dict) else None


@contextlib.contextmanager
def kept(name: str) -> Iterator[None]:
    """Within this block (the imports of the command ``name``), patterns the last such
    block compiled are not compiled again; see the module's docstring."""
    cache = _cache()
    if cache is None or codecache.folder() is None:
        yield
        return
    text = f"{_FORMAT}\0{name}"
    programs = _programs(codecache.load(_KIND, text))
    seeded = set()
    for (pattern, flags), program in programs.items():
        key = (type(pattern), pattern, flags)
        if key in cache:
            continue
        compiled = codecache._from_program(pattern, program)
        if compiled is not None:
            cache[key] = compiled
            seeded.add(key)
    before = set(cache)  # one call each: another thread may compile meanwhile
    try:
        yield
    finally:
        new = [key for key in list(cache) if key not in before and key not in seeded]
        if new:
            _keep(text, programs, new)


def _programs(value: Any) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The entry's programs by (pattern, flags); none if anything about it is not right."""
    if not isinstance(value, dict):
        return {}
    for key, program in value.items():
        if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)):
            return {}
        if type(key[1]) is not int or not (isinstance(program, tuple) and len(program) == 5):
            return {}
    return value


def _letters(pattern: str) -> str:
    return "".join(sorted(pattern))


def _shuffled(
    programs: dict[tuple[str, int], tuple[Any, ...]], like: list[tuple[str, int]]
) -> set[tuple[str, int]]:
    """The kept patterns by their letters in order: a module that writes a set of
    characters into a pattern (the email package's parser makes four that way) writes
    them in another order in every process, as strings hash differently in each; such a
    pattern is compiled as it loads, rather than kept again on every run. Only the kept
    patterns of the length and flags of one ``like`` are sorted (a pattern written in
    another order has the same length): sorting all of them took 3 ms."""
    sizes = {(len(pattern), flags) for pattern, flags in like}
    return {
        (_letters(pattern), flags) for pattern, flags in programs if (len(pattern), flags) in sizes
    }


def _keep(
    text: str,
    programs: dict[tuple[str, int], tuple[Any, ...]],
    new: list[tuple[type, str, int]],
) -> None:
    """Keep the programs of the ``new`` patterns, with those kept before while few.

    Bytes patterns are left to compile (two load in every headless case, from the
    standard library); a load that compiled only those looks at nothing kept: sorting the
    letters of every kept pattern took 3 ms of every run that changed nothing."""
    texts = [(pattern, flags) for kind, pattern, flags in new if kind is str]
    if not texts:
        return
    made: dict[tuple[str, int], tuple[Any, ...]] = {}
    shuffled = _shuffled(programs, texts)
    for pattern, flags in texts:
        if (_letters(pattern), flags) in shuffled:
            continue  # a set written out in another order: new in every run, never kept
        try:
            program = codecache._program(pattern, flags)
        except re.error:
            program = None
        if program is not None:
            made[(pattern, flags)] = program
    if not made:
        return
    merged = {**programs, **made} if len(programs) + len(made) <= _MOST else made
    codecache.store(_KIND, text, merged)
