"""Write a declared format as a JSON Schema (draft 2020-12), for editors.

Tables named in ``defs`` go under ``$defs`` and are referred to; the others are written
where they are used. TOML dates are strings with a ``format`` here, as TOML language
servers present them.
"""

from __future__ import annotations

import math
from typing import Any

from triage.engine.formats.declare import TABLE, Key, Table

DIALECT = "https://json-schema.org/draft/2020-12/schema"
EXPRESSION = " A Jinja2 expression such as `severity >= 4`."


class _Writer:
    def __init__(self, defs: tuple[Table, ...]):
        self.defs = {table.name: table for table in defs}

    def ref_or_table(self, table: Table) -> dict[str, Any]:
        if self.defs.get(table.name) is table:
            return {"$ref": f"#/$defs/{table.name}"}
        return self.table(table)

    def table(self, table: Table) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object"}
        if table.description:
            schema["description"] = table.description
        required = [k.name for k in table.keys if k.required]
        if required and table.variant is None:
            schema["required"] = required
        if table.keys:
            schema["properties"] = {k.name: self.key(k) for k in table.keys}
        if table.names is not None:
            schema["propertyNames"] = {"pattern": table.names}
        if isinstance(table.values, Table):
            schema["additionalProperties"] = self.ref_or_table(table.values)
        elif isinstance(table.values, Key):
            schema["additionalProperties"] = self.key(table.values)
        elif not table.open:
            schema["additionalProperties"] = False
        if table.variant is not None:
            # Either the variant's keys alone, or the table's own with their required ones.
            others = [k.name for k in table.keys if k.name not in table.variant.keys]
            schema["if"] = {"required": [table.variant.key]}
            schema["then"] = (
                {"maxProperties": 1}
                if len(table.variant.keys) == 1
                else {"properties": dict.fromkeys(others, False)}
            )
            schema["else"] = {"required": list(table.required())}
        schema.update(table.schema)
        return schema

    def key(self, key: Key) -> dict[str, Any]:
        if key.table is not None and key.type is TABLE:
            schema = self.ref_or_table(key.table)
            if "$ref" not in schema:
                description = key.description or schema.get("description")
                schema = {**schema, "description": description} if description else schema
                return schema
            if key.description:
                schema["description"] = key.description
            return schema
        if key.choices is not None:
            schema = (
                {"const": key.choices[0]} if len(key.choices) == 1 else {"enum": list(key.choices)}
            )
        else:
            schema = dict(key.type.schema)
        description = key.description + (EXPRESSION if key.expression else "")
        if description:
            schema["description"] = description
        if key.expression or key.nonempty:
            schema["minLength"] = 1
        if key.pattern is not None:
            schema["pattern"] = key.pattern
        if key.items is not None:
            schema["items"] = (
                self.ref_or_table(key.items)
                if isinstance(key.items, Table)
                else self.key(key.items)
            )
        if key.documented and _is_json(key.default):
            schema["default"] = key.default
        schema.update(key.schema)
        return schema


def _is_json(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool))


def json_schema(top: Table, defs: tuple[Table, ...], title: str, **extra: Any) -> dict[str, Any]:
    """The JSON Schema of files whose top level is ``top``; ``extra`` adds (or, as ``None``,
    removes) words at the top level."""
    writer = _Writer(defs)
    schema: dict[str, Any] = {"$schema": DIALECT, "title": title, **writer.table(top)}
    for word, value in extra.items():
        if value is None:
            schema.pop(word, None)
        else:
            schema[word] = value
    if defs:
        schema["$defs"] = {table.name: writer.table(table) for table in defs}
    return schema
