"""Helpers for the ingest tests: read paths into a list, split RawDocs from IngestErrors."""

from __future__ import annotations

from akhbar.ingest import read_items
from akhbar.options import Options
from akhbar.records import IngestError, RawDoc


def collect(paths, options: Options | None = None) -> list[RawDoc | IngestError]:
    return list(read_items([str(p) for p in paths], options or Options(workers=1)))


def docs(items) -> list[RawDoc]:
    return [i for i in items if isinstance(i, RawDoc)]


def errors(items) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]
