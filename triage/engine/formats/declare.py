"""The words a file format is declared in: tables of keys, each with its type and checks.

A :class:`Table` lists its :class:`Key` s once; from that one declaration
:meth:`Checker.shape` checks a parsed TOML table (unknown keys with a "did you mean", wrong
types, missing required keys, patterns and choices, every problem at once, each at its
key path's line), and :mod:`triage.engine.formats.jsonschema` writes the JSON Schema
that editors read. What a declaration cannot say (names, expressions, templates,
references between tables) is checked by the code that builds the model, after the
shape is known to be right.

No validation library: pydantic and msgspec were measured against this (see the commit
that added it) and cost 27 to 87 ms to import, msgspec stops at the first error, and
neither knows a TOML line. This module needs only ``re`` and ``dataclasses``, which the
engine loads anyway.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triage.engine.errors import Problem
    from triage.engine.tomlfile import TomlFile

TYPE_NAMES: dict[type, str] = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    dict: "a table",
    list: "an array",
    dt.date: "a date",
}


# -- types -------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Type:
    """A TOML value's type: the Python types it may have and its JSON Schema."""

    python: tuple[type, ...]
    schema: dict[str, Any]
    name: str = ""  # how messages name it, when not derived from the Python types

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` has this type (true and false are never numbers)."""
        if value.__class__ is bool:
            return bool in self.python or object in self.python
        return isinstance(value, self.python)

    @property
    def expected(self) -> str:
        """The type as messages name it: "text", "a whole number or a number"."""
        return self.name or " or ".join(TYPE_NAMES.get(k, k.__name__) for k in self.python)


TEXT = Type((str,), {"type": "string"})
BOOL = Type((bool,), {"type": "boolean"})
INT = Type((int,), {"type": "integer"})
NUMBER = Type((int, float), {"type": "number"})
TABLE = Type((dict,), {"type": "object"})
ARRAY = Type((list,), {"type": "array"})
DATE_TIME = Type((dt.datetime,), {"type": "string", "format": "date-time"}, "a date and time")
DATE = Type((dt.date,), {"type": "string", "format": "date"})
ANY = Type((object,), {})


# -- keys and tables ---------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Key:
    """One key of a table: its type, whether it is required, its default and its checks.

    ``default`` is what the builder gets when the key is missing or wrong (a problem is
    reported for a wrong one); ``documented`` says it is the real default of an optional
    key, which the schema then states. ``missing`` replaces the "needs `key`" sentence
    ("" leaves a missing key to the builder, which says more); ``nonempty`` refuses "".
    ``pattern`` and ``choices``
    are checked and written into the schema; ``wrong`` (a message with ``{where}``)
    replaces the usual "must be ..." sentence; ``schema`` adds JSON Schema words that
    only editors check. ``items`` is what an array holds; ``table`` the table (or map of
    named entries) a table value is.
    """

    name: str
    type: Type = TEXT
    description: str = ""
    required: bool = False
    default: Any = None
    documented: bool = False
    missing: str | None = None
    pattern: str | None = None
    pattern_message: str = ""
    choices: tuple[Any, ...] | None = None
    choices_message: str = ""
    items: Table | Key | None = None
    table: Table | None = None
    wrong: str = ""
    expression: bool = False
    nonempty: bool = False
    schema: dict[str, Any] = field(default_factory=dict)
    # No check beyond the type: most keys, so the checker takes their values at once.
    plain: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        plain = not self.nonempty and self.pattern is None and self.choices is None
        object.__setattr__(self, "plain", plain)

    def check_value(self, c: Checker, where: str, value: Any) -> Any:
        """The value when it fits the declaration, else ``self.default`` and a problem."""
        if not self.type.accepts(value):
            message = self.wrong or "`{where}` must be {expected}, not {found}."
            c.add(
                where,
                message.format(where=where, expected=self.type.expected, found=describe(value)),
            )
            return self.default
        if self.nonempty and value == "":
            c.add(where, (self.wrong or "`{where}` must not be empty.").format(where=where))
            return self.default
        if (
            self.pattern is not None
            and value.__class__ is str
            and value
            and not re.search(self.pattern, value)
        ):
            c.add(where, self.pattern_message.format(where=where, value=value))
            return value  # kept, so that later checks name it as written
        if self.choices is not None and value not in self.choices and value != "":
            hint = closest(value, self.choices) if isinstance(value, str) else None
            extra = f" Did you mean {hint!r}?" if hint else ""
            choices = ", ".join(map(str, self.choices))
            message = self.choices_message.format(where=where, value=value, choices=choices)
            c.add(where, message + extra)
            return self.default
        return value


@dataclass(frozen=True, eq=False, repr=False)
class Variant:
    """Another set of keys a table takes when it holds ``key`` (a stage's ``include``)."""

    key: str
    keys: tuple[str, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Table:
    """A TOML table: its keys in the order they are checked and documented.

    ``values``: the table also holds entries of any name (a map), each this table or
    key; ``names``: the pattern those names follow. ``wrong_entry`` is the message for an
    entry of the wrong type. ``open``: keys not declared are kept, not reported (files
    written by other versions). ``schema``: rules between keys, for editors.
    """

    name: str
    keys: tuple[Key, ...] = ()
    description: str = ""
    variant: Variant | None = None
    values: Table | Key | None = None
    names: str | None = None
    wrong_entry: str = "`{where}` must be a table."
    open: bool = False
    schema: dict[str, Any] = field(default_factory=dict)
    # Worked out once: a playbook checks thousands of tables against a few dozen.
    _own: tuple[str, ...] = field(init=False, default=())
    _own_set: frozenset[str] = field(init=False, default=frozenset())
    _variant_set: frozenset[str] = field(init=False, default=frozenset())
    _by_name: dict[str, Key] = field(init=False, default_factory=dict)
    _defaults: dict[str, Any] = field(init=False, default_factory=dict)
    _reported: tuple[Key, ...] = field(init=False, default=())  # required, said missing here

    def key(self, name: str) -> Key:
        """The declared key ``name``."""
        return next(k for k in self.keys if k.name == name)

    def child(self, name: str) -> Table:
        """The table that key ``name`` holds."""
        found = self.key(name).table
        if found is None:
            raise KeyError(name)
        return found

    def __post_init__(self) -> None:
        skip = self.variant.key if self.variant is not None else None
        own = tuple(k.name for k in self.keys if k.name != skip)
        object.__setattr__(self, "_own", own)
        object.__setattr__(self, "_own_set", frozenset(own))
        variant = frozenset(self.variant.keys) if self.variant is not None else frozenset()
        object.__setattr__(self, "_variant_set", variant)
        object.__setattr__(self, "_by_name", {k.name: k for k in self.keys})
        object.__setattr__(self, "_defaults", {k.name: k.default for k in self.keys})
        reported = tuple(k for k in self.keys if k.required and k.missing != "")
        object.__setattr__(self, "_reported", reported)

    def allowed(self, data: dict[str, Any] | None = None) -> tuple[str, ...]:
        """The keys allowed in ``data``: the variant's when ``data`` holds its key."""
        if self.variant is not None and data is not None and self.variant.key in data:
            return self.variant.keys
        return self._own

    def allowed_set(self, data: dict[str, Any]) -> frozenset[str]:
        """:meth:`allowed`, as a set."""
        if self.variant is not None and self.variant.key in data:
            return self._variant_set
        return self._own_set

    def required(self, data: dict[str, Any] | None = None) -> tuple[str, ...]:
        """The keys ``data`` must hold (the variant's when it holds the variant's key)."""
        allowed = self.allowed(data)
        return tuple(k.name for k in self.keys if k.required and k.name in allowed)

    def subset(
        self,
        *names: str,
        required: tuple[str, ...] = (),
        optional: tuple[str, ...] = (),
        name: str = "",
        description: str = "",
    ) -> Table:
        """Some of the keys, in their order; ``required`` and ``optional`` change which
        of them must be there."""
        from dataclasses import replace

        keys = tuple(
            replace(k, required=(k.required or k.name in required) and k.name not in optional)
            for k in self.keys
            if k.name in names
        )
        return replace(
            self,
            name=name or self.name,
            keys=keys,
            description=description,
            variant=None,
            schema={},
        )


# -- checking ----------------------------------------------------------------------------


class Checker:
    """Collects problems for one file, naming key paths and their lines."""

    def __init__(self, file: TomlFile):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        """Record a problem at key path ``path`` (its line, or its nearest table's)."""
        self.problems.append(self.file.problem(path, message))

    def shape(self, table: Table, data: dict[str, Any], path: str = "") -> dict[str, Any]:
        """Check ``data`` against ``table``: every declared key's value (its default when
        missing or wrong), after reporting unknown keys, wrong types and missing keys."""
        allowed = table.allowed_set(data)
        if not table.open and table.values is None and not allowed.issuperset(data):
            self.unknown_keys(data, path, allowed)
        values = dict(table._defaults)
        by_name = table._by_name
        for name, value in data.items():  # in the file's order, so problems come in it too
            if name in allowed and name in by_name:
                key = by_name[name]
                if key.plain and key.type.accepts(value):
                    values[name] = value
                else:
                    where = f"{path}.{name}" if path else name
                    values[name] = key.check_value(self, where, value)
        for key in table._reported:
            name = key.name
            if name not in data and name in allowed:
                message = key.missing or "{what} needs `{key}`."
                where = f"{path}.{name}" if path else name
                self.add(path, message.format(what=path or "the file", key=name, where=where))
        return values

    def unknown_keys(self, table: dict[str, Any], path: str, allowed: Any) -> None:
        """Report each key of ``table`` not in ``allowed``, with the closest known one."""
        for key in table:
            if key not in allowed:
                where = f"{path}.{key}" if path else key
                hint = closest(key, tuple(allowed))
                extra = f" Did you mean `{hint}`?" if hint else ""
                self.add(where, f"`{where}` is not a known key.{extra}")

    def tables(self, value: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
        """The tables in an array of tables (already checked to be an array), with paths."""
        items = []
        for index, item in enumerate(value or []):
            if isinstance(item, dict):
                items.append((f"{where}[{index}]", item))
            else:
                self.add(f"{where}[{index}]", f"`{where}[{index}]` must be a table.")
        return items

    def entries(
        self, table: Table, value: Any, where: str, declared: bool = False
    ) -> list[tuple[str, str, Any]]:
        """The (path, name, value) of a map's entries whose values have the declared type;
        the others are reported. ``declared``: also the entries of the map's own keys
        (each a table)."""
        found = []
        entry = table.values
        kind = entry.type if isinstance(entry, Key) else TABLE
        own = {k.name for k in table.keys}
        for name, item in (value or {}).items():
            if name in own and not declared:
                continue
            sub = f"{where}.{name}"
            if kind.accepts(item):
                found.append((sub, name, item))
            else:
                self.add(sub, table.wrong_entry.format(where=sub))
        return found

    # The checks the shape alone cannot make, in the same words as the shape's.

    def expect(self, where: str, value: Any, kind: Type) -> bool:
        """Whether ``value`` has type ``kind``; a problem at ``where`` when not."""
        if kind.accepts(value):
            return True
        self.add(where, f"`{where}` must be {kind.expected}, not {describe(value)}.")
        return False


def describe(value: Any) -> str:
    """A value's type as messages name it (text shows its start)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    for kind, name in TYPE_NAMES.items():
        if isinstance(value, kind) and kind is not bool:
            if isinstance(value, str):
                return f"text {value[:40]!r}"
            return name
    return type(value).__name__


def closest(word: str, choices: Any) -> str | None:
    """The known word closest to ``word``, for a "did you mean"; None when none is close."""
    import difflib

    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.7)
    return found[0] if found else None
