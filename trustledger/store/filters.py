"""A WHERE clause built from optional filters, so each list query states only its conditions."""

from __future__ import annotations

from typing import Any


class Where:
    """Conditions joined with AND; a condition whose value is None (or empty) is left out."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *values: Any) -> Where:
        """Add `condition` with its `?` parameters, unless the first value is None or empty."""
        if values and values[0] in (None, "", [], ()):
            return self
        self.conditions.append(condition)
        self.params.extend(values)
        return self

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""
