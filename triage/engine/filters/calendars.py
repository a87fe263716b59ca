"""Public-holiday calendars in expressions: the one a currency suggests, and their names."""

from __future__ import annotations

from typing import Any

from triage.engine import holidays


def currency_holidays(value: Any) -> list[str]:
    """Filter ``currency_holidays``: the public-holiday calendar a currency code suggests,
    as a list (``"CAD"`` -> ``["canada"]``), for a currency that belongs to one country;
    ``[]`` for any other (the euro among them) and for none."""
    code = value.strip().upper() if isinstance(value, str) else ""
    found = holidays.CURRENCY_CALENDARS.get(code)
    return [found] if found else []


def holiday_names(value: Any) -> list[str]:
    """Filter ``holiday_names``: the places of the calendars named, as a sentence says them
    ("England and Wales", "the US"), in the order the question lists them; names that are
    not calendars (``none``) are left out."""
    chosen = {v for v in value if isinstance(v, str)} if isinstance(value, list | tuple) else set()
    return [name for key, name in holidays.CALENDARS.items() if key in chosen]
