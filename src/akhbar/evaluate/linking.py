"""``akhbar eval clusters``: ingest a gold JSONL into a temporary database and score its events
with BCubed (:func:`akhbar.evaluate.clusters.bcubed`), in total and per language."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from ..options import LinkOptions, Options
from .clusters import bcubed, gold_events, read_gold_jsonl


def predicted_events(db_path: str) -> tuple[dict[str, str], dict[str, str]]:
    """(source -> event, source -> language) of the articles in a database."""
    from ..store import Store

    with Store(db_path) as store:
        rows = store.conn.execute(
            "SELECT a.source, a.lang, ea.event FROM articles a LEFT JOIN event_articles ea ON ea.article = a.id"
        ).fetchall()
    events = {r[0]: r[2] or "article:" + r[0] for r in rows}
    langs = {r[0]: r[1] or "?" for r in rows}
    return events, langs


def evaluate_clusters(path: Path, options: Options, link_options: LinkOptions | None = None) -> dict[str, Any]:
    from ..run import ingest_paths
    from ..store import Store

    gold = gold_events(read_gold_jsonl(path))
    with tempfile.TemporaryDirectory(prefix="akhbar-eval-") as tmp:
        db = str(Path(tmp) / "eval.db")
        with Store(db) as store:
            report = ingest_paths([str(path)], store, options, link_options=link_options)
        predicted, langs = predicted_events(db)
    result = bcubed(gold, predicted)
    result["failed"] = len(report.failed)
    by_lang: dict[str, Any] = {}
    for lang in sorted({langs.get(k, "?") for k in gold}):
        items = {k for k in gold if langs.get(k, "?") == lang}
        by_lang[lang] = bcubed({k: gold[k] for k in items}, {k: v for k, v in predicted.items() if k in items})
    result["by_language"] = by_lang
    return result
