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

    records = read_gold_jsonl(path)
    gold = gold_events(records)
    with tempfile.TemporaryDirectory(prefix="akhbar-eval-") as tmp:
        db = str(Path(tmp) / "eval.db")
        with Store(db) as store:
            report = ingest_paths([str(path)], store, options, link_options=link_options)
        predicted, langs = predicted_events(db)
    # the gold names an item by its id when it has one; the store knows it by its url (source)
    for r in records:
        item, url = r.get("id"), r.get("url")
        if item and url and item not in predicted and url in predicted:
            predicted[item], langs[item] = predicted.pop(url), langs.pop(url)
    # a record repeating an earlier one (same outlet, title and text under another URL) is the
    # same article to Akhbar, stored once: it gets that article's event
    first: dict[tuple, str] = {}
    for r in records:
        key = (r.get("source"), r.get("title"), r.get("text") or r.get("content"))
        item = r.get("id") or r.get("url")
        if key in first and item not in predicted and first[key] in predicted:
            predicted[item], langs[item] = predicted[first[key]], langs[first[key]]
        first.setdefault(key, item)
    result = bcubed(gold, predicted)
    result["failed"] = len(report.failed)
    by_lang: dict[str, Any] = {}
    for lang in sorted({langs.get(k, "?") for k in gold}):
        items = {k for k in gold if langs.get(k, "?") == lang}
        by_lang[lang] = bcubed({k: gold[k] for k in items}, {k: v for k, v in predicted.items() if k in items})
    result["by_language"] = by_lang
    result.update(language_pairs(gold, predicted, langs))
    return result


def language_pairs(gold: dict[str, str], predicted: dict[str, str], langs: dict[str, str]) -> dict[str, Any]:
    """BCubed over the articles of each two languages (``by_language_pair``, "ar-fa" and the
    like), and the share of the gold's pairs of one event in two languages that are in one
    predicted event (``cross_language_joined``: joined, of how many), per pair of languages too."""
    present = sorted({langs.get(k, "?") for k in gold})
    by_pair: dict[str, Any] = {}
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            items = {k for k in gold if langs.get(k, "?") in (a, b)}
            scores = bcubed({k: gold[k] for k in items}, {k: v for k, v in predicted.items() if k in items})
            by_pair[f"{a}-{b}"] = scores
    members: dict[str, list[str]] = {}
    for k, ev in gold.items():
        members.setdefault(ev, []).append(k)
    joined: dict[str, list[int]] = {}
    for items in members.values():
        for i, x in enumerate(items):
            for y in items[i + 1:]:
                la, lb = sorted((langs.get(x, "?"), langs.get(y, "?")))
                if la == lb:
                    continue
                counts = joined.setdefault(f"{la}-{lb}", [0, 0])
                counts[1] += 1
                counts[0] += predicted.get(x) is not None and predicted.get(x) == predicted.get(y)
    total = [sum(c[0] for c in joined.values()), sum(c[1] for c in joined.values())]
    for pair, (hit, n) in joined.items():
        by_pair.setdefault(pair, {})["cross_language_joined"] = round(hit / n, 4) if n else None
    return {"by_language_pair": by_pair,
            "cross_language_joined": round(total[0] / total[1], 4) if total[1] else None,
            "cross_language_pairs": total[1]}


def evaluate_seed_links(gold: dict[str, Any], seeds_dir: Path, options: Options) -> dict[str, Any]:
    """The samples' events and stories against the gold (``seeds.json``: ``events`` and
    ``stories`` list documents by file name), BCubed, after one ingest of the folder."""
    from ..run import ingest_paths
    from ..store import Store

    gold_event = {doc: e["id"] for e in gold.get("events", []) for doc in e["documents"]}
    story_of_event = {ev: s["id"] for s in gold.get("stories", []) for ev in s["events"]}
    gold_story = {doc: story_of_event.get(ev, ev) for doc, ev in gold_event.items()}
    with tempfile.TemporaryDirectory(prefix="akhbar-eval-") as tmp:
        db = str(Path(tmp) / "seeds.db")
        with Store(db) as store:
            ingest_paths([str(seeds_dir / name) for name in sorted(gold_event)], store, options)
            rows = store.conn.execute(
                "SELECT a.source, ea.event, e.story FROM articles a JOIN event_articles ea ON ea.article = a.id "
                "JOIN events e ON e.id = ea.event").fetchall()
    event = {Path(src).name: ev for src, ev, _ in rows}
    story = {Path(src).name: st for src, _, st in rows}
    return {
        "events": bcubed(gold_event, event) | {"found": len(set(event.values()))},
        "stories": bcubed(gold_story, story) | {"found": len(set(story.values()))},
    }
