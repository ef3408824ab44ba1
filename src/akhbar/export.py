"""``akhbar export``: articles, events, stories, mentions, quotes, claims and flags as JSONL, CSV
or Parquet.

JSONL holds the objects exactly as the command line's ``--json`` prints them (one per line).
CSV and Parquet hold one flat row per object with fixed columns (:data:`COLUMNS`): scalars as
they are, lists of names or ids as lists (Parquet ``list<string>``; CSV: a JSON array), nested
structures (entities, links, statements) as JSON text. The files open in pandas
(``read_json(lines=True)``, ``read_csv``, ``read_parquet``) and DuckDB (``read_json``,
``read_csv``, ``read_parquet``).

The whole export reads one snapshot of the database (one read transaction), so an ingest
running at the same time never makes it see half a batch.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .store import Store
from .store import entities as ent
from .store.checks import list_claims, list_flags

__all__ = ["KINDS", "FORMATS", "COLUMNS", "records", "export", "ExportError"]

KINDS = ("articles", "events", "stories", "mentions", "quotes", "claims", "flags")
FORMATS = ("jsonl", "csv", "parquet")
PAGE = 500

# column -> type: str, int, float, list (of strings) or json (nested, as JSON text)
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "str", "source": "str", "lang": "str", "title": "str", "published": "str", "publisher": "str",
        "event": "str", "event_date": "str", "url": "str", "author": "str", "path": "str", "format": "str",
        "lang_confidence": "float", "credits": "list", "body": "str", "removed": "list",
        "entities": "json", "dates": "json", "quantities": "json", "quotes": "json", "citations": "json",
        "copy_of": "json", "copies": "json", "text": "str", "ingested_at": "str",
    },
    "events": {
        "id": "str", "date": "str", "label": "str", "first": "str", "last": "str", "size": "int", "story": "str",
        "articles": "list", "languages": "list", "outlets": "list", "entities": "json", "links": "json",
    },
    "stories": {
        "id": "str", "label": "str", "first": "str", "last": "str", "size": "int", "articles": "int",
        "events": "list", "languages": "list",
    },
    "mentions": {
        "article": "str", "lang": "str", "date": "str", "entity_id": "str", "kb_id": "str", "label": "str",
        "type": "str", "start": "int", "end": "int", "text": "str", "how": "str",
    },
    "quotes": {
        "article": "str", "lang": "str", "date": "str", "speaker": "str", "speaker_id": "str", "cue": "str",
        "text": "str", "start": "int", "end": "int", "kind": "str",
    },
    "claims": {
        "id": "str", "speaker": "str", "speaker_id": "str", "text": "str", "value": "float", "low": "float",
        "high": "float", "unit": "str", "counted": "str", "event": "str", "articles": "list", "reports": "json",
    },
    "flags": {
        "id": "str", "kind": "str", "event": "str", "articles": "list", "explanation": "str", "statements": "json",
    },
}


class ExportError(Exception):
    """An export that cannot be done as asked; the message says why."""


def _paged(fetch: Any) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = fetch(limit=PAGE, offset=offset)
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """Every object of kind ``what``, as the command line's ``--json`` gives it."""
    if what == "articles":
        for article_id in ent.iter_article_ids(store):
            article = store.article(article_id)
            if article is not None:
                yield article
    elif what == "events":
        yield from _paged(store.events)
    elif what == "stories":
        yield from _paged(store.stories)
    elif what == "mentions":
        yield from ent.iter_mentions(store)
    elif what == "quotes":
        yield from ent.iter_quotes(store)
    elif what == "claims":
        yield from _paged(lambda **kw: list_claims(store, **kw))
    elif what == "flags":
        yield from _paged(lambda **kw: list_flags(store, **kw))
    else:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(KINDS)}")


def _cell(value: Any, kind: str) -> Any:
    """A value for a flat row (CSV and Parquet)."""
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "list":
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value if isinstance(value, str) else str(value)


def _write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _write_csv(rows: Iterator[dict[str, Any]], columns: dict[str, str], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        cells = []
        for name, kind in columns.items():
            v = _cell(row.get(name), kind)
            cells.append("" if v is None else json.dumps(v, ensure_ascii=False) if kind == "list" else v)
        writer.writerow(cells)
        n += 1
    return n


def _arrow_schema(columns: dict[str, str]) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string()), "json": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in columns.items()])


def _write_parquet(rows: Iterator[dict[str, Any]], columns: dict[str, str], path: Path, batch: int = 2000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    n = 0
    buffer: list[dict[str, Any]] = []

    def flush(writer: Any) -> None:
        table = pa.Table.from_pydict(
            {name: [_cell(r.get(name), kind) for r in buffer] for name, kind in columns.items()}, schema=schema
        )
        writer.write_table(table)
        buffer.clear()

    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for row in rows:
            buffer.append(row)
            n += 1
            if len(buffer) >= batch:
                flush(writer)
        if buffer or n == 0:
            flush(writer)
    return n


def export(store: Store, what: str, fmt: str, out: str | os.PathLike | IO[str] | None) -> int:
    """Write every object of kind ``what`` in format ``fmt`` to ``out`` (a path, an open text
    stream, or None for standard output; Parquet needs a path). Returns how many were written.
    A file is written beside its final name and renamed at the end, so a failed export never
    leaves half a file under that name."""
    import sys

    if what not in KINDS:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    stream = out if out is not None and hasattr(out, "write") else None
    if fmt == "parquet" and (out is None or stream is not None):
        raise ExportError("Parquet is a binary file format: give an output file with -o PATH")
    columns = COLUMNS[what]
    store.conn.execute("BEGIN")  # one read snapshot for the whole export
    try:
        rows = records(store, what)
        if stream is not None or out is None:
            target = stream if stream is not None else sys.stdout
            return _write_jsonl(rows, target) if fmt == "jsonl" else _write_csv(rows, columns, target)
        path = Path(out)  # type: ignore[arg-type]
        if path.is_dir():
            raise ExportError(f"cannot write the export to {path}: it is a folder")
        if not path.parent.is_dir():
            raise ExportError(f"cannot write the export to {path}: folder {path.parent} does not exist")
        part = path.with_name(path.name + ".part")
        try:
            if fmt == "parquet":
                n = _write_parquet(rows, columns, part)
            else:
                with part.open("w", encoding="utf-8", newline="") as fh:
                    n = _write_jsonl(rows, fh) if fmt == "jsonl" else _write_csv(rows, columns, fh)
            part.replace(path)
        finally:
            part.unlink(missing_ok=True)
        return n
    finally:
        store.conn.execute("COMMIT")
