"""Jinja2 without its compiler, lexer, parser, loaders and bytecode caches until needed.

Jinja2's package loads its lexer, parser and compiler (with the compiler's symbol
tracking and optimizer) as it loads, about 4 ms of a headless case, yet a run whose
templates and conditions all come compiled from the code cache only runs their code:
``jinja2.runtime`` and the environment's sandbox methods. It also loads its template
loaders and bytecode caches, which the sandbox never uses (its templates are text handed
to it, and its code cache is triage's own), and with them ``tempfile`` (with ``shutil``
and its compression modules) and ``pickle``: about 3 ms more. :func:`import_jinja2` imports Jinja2 with
stand-ins for those five modules: ``jinja2.environment`` and the ``jinja2`` package alone
receive, for each name they take from them, a stand-in that loads the real modules on
first use (a call or an attribute) and puts the real names back in their places; any
other module asking for one of those names gets the real one, loaded there and then.
Nothing that checks or limits a template lives in these modules: the sandbox's checks are
the environment's own methods and ours, loaded as always; what is compiled is compiled by
the real compiler. If Jinja2 will not import this way, it is imported as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

LATER = ("jinja2.compiler", "jinja2.lexer", "jinja2.parser", "jinja2.loaders", "jinja2.bccache")
# The modules that receive stand-ins: the environment (from the compiler, lexer and parser)
# and the package itself, which names the loaders and bytecode caches for its users.
_TAKERS = frozenset({"jinja2.environment", "jinja2"})
_loaded = False


class _Later:
    """A name ``jinja2.environment`` took from a module not loaded yet."""

    __slots__ = ("_module", "_name")

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name

    def _real(self) -> Any:
        load()
        return getattr(sys.modules[self._module], self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._real()(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)

    def __repr__(self) -> str:
        return f"<{self._module}.{self._name}, loaded when first used>"


class _Stub(types.ModuleType):
    """Stands in ``sys.modules`` for a module of :data:`LATER` until it is loaded."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if not _loaded and sys._getframe(1).f_globals.get("__name__") in _TAKERS:
            return _Later(self.__name__, name)
        load()
        return getattr(sys.modules[self.__name__], name)


def import_jinja2() -> None:
    """Import Jinja2 (and its sandbox), leaving out what only compiling needs; see above."""
    if "jinja2" in sys.modules:
        return
    for name in LATER:
        sys.modules[name] = _Stub(name)
    try:
        importlib.import_module("jinja2.sandbox")
    except Exception:  # a Jinja2 this does not suit: as usual, from the start
        for name in [n for n in sys.modules if n == "jinja2" or n.startswith("jinja2.")]:
            del sys.modules[name]
        importlib.import_module("jinja2.sandbox")


def load() -> None:
    """Load the compiler, lexer and parser, and put their names where stand-ins stood."""
    global _loaded
    if _loaded:
        return
    for name in LATER:
        if isinstance(sys.modules.get(name), _Stub):
            del sys.modules[name]
    for name in LATER:
        importlib.import_module(name)
    _loaded = True
    places: list[Any] = []
    for name in sorted(_TAKERS):
        taker = sys.modules.get(name)
        if taker is not None:
            places += [taker, *(v for v in vars(taker).values() if isinstance(v, type))]
    for place in places:
        for key, value in list(vars(place).items()):
            if isinstance(value, _Later):
                setattr(place, key, value._real())
