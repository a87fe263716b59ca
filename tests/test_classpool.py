"""The methods of data classes compiled as modules load are kept between runs: a second
load compiles none of them, and its classes behave as classes made without the pool."""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import inspect
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from triage.engine import classpool

MODULE = '''
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


@dataclass(order=True)
class Row:
    name: str
    cells: list[str] = field(default_factory=list)
    note: str = dataclasses.field(default="", repr=False, compare=False)
'''
CODE = compile(MODULE, "pooled_module", "exec")  # the module's own code: compiled here, once


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_CACHE", str(folder))
    return folder


def _load(pooled: bool = True) -> dict[str, Any]:
    """What a module's import does: define its data classes."""
    module = types.ModuleType("pooled_module")
    sys.modules[module.__name__] = module
    try:
        with classpool.kept("test") if pooled else contextlib.nullcontext():
            exec(CODE, module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


def _methods(cls: type) -> dict[str, Any]:
    made = {}
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__lt__"):
        method = cls.__dict__.get(name)
        if getattr(method, "__code__", None) is not None:
            code = method.__code__
            made[name] = (
                code.co_code,
                code.co_consts,
                code.co_names,
                code.co_varnames,
                code.co_filename,
                code.co_flags,
                method.__defaults__,
                method.__annotations__,
                str(inspect.signature(method)),
            )
    return made


def test_a_second_load_compiles_nothing_and_makes_the_same_classes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load()
    assert len(list(cache.glob("*.importclass"))) == 1

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(builtins, "compile", refuse)
    second = _load()
    monkeypatch.undo()
    plain = _load(pooled=False)
    for name in ("Point", "Row"):
        assert _methods(second[name]) == _methods(plain[name]) == _methods(first[name])
        assert second[name].__doc__ == plain[name].__doc__
    point = second["Point"](1, tags=("a",))
    assert repr(point) == "Point(x=1, y=0, tags=('a',))"
    assert point == second["Point"](1, 0, ("a",)) and hash(point) == hash(
        second["Point"](1, 0, ("a",))
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    rows = [second["Row"]("b"), second["Row"]("a", ["x"], note="n")]
    assert sorted(rows)[0].name == "a" and rows[0].cells == [] and "note" not in repr(rows[1])
    assert "exec" not in vars(dataclasses)  # dataclasses is itself again after the block


def test_a_damaged_or_foreign_entry_is_compiled_afresh(cache: Path) -> None:
    _load()
    for entry in cache.glob("*.importclass"):
        entry.write_bytes(entry.read_bytes()[:-40] + b"\0" * 40)
    again = _load()
    assert repr(again["Point"](3)) == "Point(x=3, y=0, tags=())"


def test_without_a_cache_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIAGE_CACHE", "off")
    assert repr(_load()["Point"](4)) == "Point(x=4, y=0, tags=())"
    assert "exec" not in vars(dataclasses)
