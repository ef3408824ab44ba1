"""Small SQL builders shared by the store's listings: filters from a table, and paging."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def conditions(table: Sequence[tuple[str, str]], **values: Any) -> tuple[list[str], list[Any]]:
    """The SQL conditions (to join with AND) of ``table`` — ``(name, "column = ?")`` pairs —
    whose ``values[name]`` is given (not None or empty), and their parameters."""
    clauses, params = [], []
    for name, condition in table:
        if values.get(name):
            clauses.append(condition)
            params.append(values[name])
    return clauses, params


def where(clauses: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def paged(sql: str, params: list[Any], limit: int | None, offset: int = 0) -> str:
    """``sql`` with LIMIT/OFFSET for ``limit``/``offset`` (appending their parameters)."""
    if limit is not None:
        params += [int(limit), int(offset)]
        return sql + " LIMIT ? OFFSET ?"
    if offset:
        params.append(int(offset))
        return sql + " LIMIT -1 OFFSET ?"
    return sql
