"""The methods ``dataclasses`` writes as modules load, compiled once and kept between runs.

For every data class, ``dataclasses`` writes the source of its methods (``__init__``,
``__repr__``, ``__eq__``, and for a frozen one ``__hash__``, ``__setattr__`` and
``__delattr__``) and runs it with ``exec``, which compiles it first: about 1.5 ms a class
on Python 3.11, nearly all of it compiling, for some 40 classes before a headless case
starts. Within :func:`kept`, the ``exec`` that ``dataclasses`` calls looks that source up
among the code the last such block compiled, and compiles only what is new, exactly as
``exec`` would (file name ``<string>``, the calling code's ``__future__`` flags); when the
block ends, what it compiled is kept in the code cache for the next run. The same source
gives the same code, so the classes are the same.

Only imports run inside the block: the sources are what ``dataclasses`` writes for the
modules' own classes. The entry's key holds Python's exact version (the format of code
objects). With no cache folder, or an entry that is not as expected, every class is
compiled as usual.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import sys
import types
from collections.abc import Iterator
from typing import Any

from triage.engine import codecache

__all__ = ["kept"]

_KIND = "importclass"
_FORMAT = "import dataclasses 1"
_MOST = 2048  # sources in one entry; past this, only those the last load compiled
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


@contextlib.contextmanager
def kept(name: str) -> Iterator[None]:
    """Within this block (the imports of the command ``name``), the methods of data
    classes are compiled only when the last such block did not; see the module."""
    import dataclasses

    if codecache.folder() is None or "exec" in vars(dataclasses):
        yield
        return
    text = f"{_FORMAT}\0{name}"
    known = _codes(codecache.load(_KIND, text))
    made: dict[str, types.CodeType] = {}

    def compiled_exec(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        caller = sys._getframe(1)
        if globals is None:  # what exec does with none given: the caller's namespaces
            globals = caller.f_globals
            if locals is None:
                locals = caller.f_locals
        if isinstance(source, str):
            flags = caller.f_code.co_flags & _FUTURE_FLAGS  # what exec would inherit
            key = f"{flags}\0{source}"
            code = known.get(key) or made.get(key)
            if code is None:
                code = made[key] = compile(source, "<string>", "exec", flags, dont_inherit=True)
            source = code
        builtins.exec(source, globals, locals)

    dataclasses.exec = compiled_exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if vars(dataclasses).get("exec") is compiled_exec:
            del dataclasses.exec  # type: ignore[attr-defined]
        if made:
            merged = {**known, **made} if len(known) + len(made) <= _MOST else made
            codecache.store(_KIND, text, merged)


def _codes(value: Any) -> dict[str, types.CodeType]:
    """The entry's code by flags and source; none if anything about it is not right."""
    if not isinstance(value, dict):
        return {}
    for key, code in value.items():
        if not (isinstance(key, str) and isinstance(code, types.CodeType)):
            return {}
    return value
