"""The plan's next three actions: what to do first, not only what falls due first.

The tracker lists every step by its due date. The plan's first screen names three, and a
step that protects us before a deadline, or carries the remedy the case turns on, belongs
among them even when routine steps (a document list, a ledger) fall due a day earlier.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from triage.engine.filters.dates import as_date

__all__ = ["next_three"]

# A high-priority step is one of the next three when it falls due within this many days.
_HORIZON = dt.timedelta(days=7)


def next_three(rows: Any, today: Any = None) -> list[Any]:
    """Filter ``next_three``: the three steps a manager should take next, from open tracker
    rows already sorted by due date. The high-priority steps due within a week come
    first (at most three), the earliest of the others fill the rest, low-priority ones
    last; the three are given back in date order, as the tracker lists them."""
    rows = list(rows or [])
    start = as_date(today)
    order = {id(row): index for index, row in enumerate(rows)}

    def soon(row: Any) -> bool:
        day = as_date(row.get("due"))
        return day is None or start is None or day <= start + _HORIZON

    high = [r for r in rows if r.get("priority") == "high" and soon(r)][:3]
    rest = [r for r in rows if r.get("priority") != "low" and not any(r is h for h in high)]
    low = [r for r in rows if r.get("priority") == "low"]
    chosen = (high + rest + low)[:3]
    return sorted(chosen, key=lambda row: order[id(row)])
