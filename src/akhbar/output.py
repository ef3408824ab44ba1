"""One bundle of output options for every listing command: a table for people, ``--json`` and
``--csv`` for scripts (the sqlite-utils convention). JSON goes to stdout alone; progress and
messages go to stderr."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import click


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--json``/``--csv``/``--table``, passed to the command as ``fmt``."""
    fn = click.option("--table", "fmt", flag_value="table", default=True, help="Print a table (the default).")(fn)
    fn = click.option("--csv", "fmt", flag_value="csv", help="Print CSV to stdout.")(fn)
    return click.option("--json", "fmt", flag_value="json", help="Print one JSON document to stdout.")(fn)


def emit(data: Any, fmt: str, columns: Sequence[str] | None = None) -> None:
    """Print ``data`` (a list of dicts, or one dict) in the chosen format."""
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = data if isinstance(data, list) else [data]
    if columns is None:
        columns = list(rows[0].keys()) if rows else []
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return
    click.echo(render_table(rows, columns))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _width(text: str) -> int:
    return sum(0 if unicodedata.category(c) in ("Mn", "Cf") else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out, w = [], 0
    for c in text:
        cw = _width(c)
        if w + cw > limit - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def _isolate(text: str) -> str:
    """Wrap right-to-left text in Unicode isolates so it cannot reorder the table's columns."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return "\u2068" + text + "\u2069"
    return text


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], max_col: int = 60) -> str:
    if not rows:
        return "(none)"
    cells = [[_clip(_cell(r.get(c)), max_col) for c in columns] for r in rows]
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        # Each cell is isolated (U+2068..U+2069) so right-to-left text cannot reorder the columns.
        return "  ".join(_isolate(v) + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    head = line(list(columns))
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([head, rule, *(line(r) for r in cells)])
