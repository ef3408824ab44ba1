"""``akhbar eval seeds``: score the per-article stages on hand-annotated articles.

Gold format: ``shared/gold/seeds.json`` (``documents``: file name → ``lang``, ``title``,
``published``, ``boilerplate_lines``, ``source_lines``, ...). Scored per document, per
language and in total (the analysis kinds are described in :mod:`.seeds_analysis`):

- ``lang``, ``title``, ``published``: accuracy (a document counts once for each);
- ``boilerplate``: the gold boilerplate lines against the lines we removed as boilerplate
  (precision: removed lines that are gold boilerplate or gold source lines; recall: gold
  boilerplate lines removed);
- ``source``: the gold "source:" lines against the lines we kept as source metadata;
- ``content``: every other non-blank line of the raw text (minus the title and a dateline that
  gave the right publication date) against the lines of our body.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..ingest import read_items
from ..options import Options
from ..pipeline import Pipeline
from ..records import Article, IngestError
from .scores import prf
from .seeds_analysis import KINDS as ANALYSIS_KINDS
from .seeds_analysis import score_analysis


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def score_document(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    raw_lines = _lines(article.text)
    gold_bp = {ln.strip() for ln in gold.get("boilerplate_lines", [])}
    gold_src = {ln.strip() for ln in gold.get("source_lines", [])}
    gold_title = (gold.get("title") or "").strip()

    removed = {r.text.strip(): r for r in article.removed}
    removed_bp = {t for t, r in removed.items() if r.kind == "boilerplate"}
    removed_src = {t for t, r in removed.items() if r.kind == "source"}
    dateline_ok = {
        t for t, r in removed.items() if r.kind == "dateline" and article.published == gold.get("published")
    }
    body_lines = set(_lines(article.body))

    title_seen = False
    content: list[str] = []
    for ln in raw_lines:
        if ln == gold_title and not title_seen:
            title_seen = True
            continue
        if ln in gold_bp or ln in gold_src or ln in dateline_ok:
            continue
        content.append(ln)

    # lines we took out of the body as boilerplate that are neither gold boilerplate nor source
    wrong_removals = sorted(t for t in removed_bp if t not in gold_bp and t not in gold_src)
    counts = {
        "boilerplate": (len(removed_bp & (gold_bp | gold_src)), len(removed_bp), len(gold_bp & set(raw_lines)), len(gold_bp & removed_bp.union(removed_src))),
        "source": (len(removed_src & gold_src), len(removed_src), len(gold_src), len(gold_src & removed_src)),
        "content": (
            sum(1 for ln in body_lines if ln in content),
            len(body_lines),
            len(content),
            sum(1 for ln in content if ln in body_lines),
        ),
    }
    return {
        "lang": article.lang == gold.get("lang"),
        "title": (article.title or "").strip() == gold_title,
        "published": article.published == gold.get("published"),
        "counts": counts,
        "got": {"lang": article.lang, "title": article.title, "published": article.published},
        "missed_content": [ln for ln in content if ln not in body_lines],
        "kept_boilerplate": sorted((gold_bp | gold_src) & body_lines),
        "wrong_removals": wrong_removals,
    }


def evaluate_seeds(gold_path: Path, seeds_dir: Path, options: Options) -> dict[str, Any]:
    everything = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = everything["documents"]
    must_not: dict[str, list[str]] = defaultdict(list)
    for m in everything.get("must_not", []):
        if "event date" in m.get("what", ""):
            must_not[m["doc"]].append(m["what"])
    pipeline = Pipeline(options)
    per_doc: dict[str, Any] = {}
    for name, g in sorted(gold.items()):
        path = seeds_dir / name
        items = list(read_items([str(path)], options))
        result = pipeline.process(items[0]) if items and not isinstance(items[0], IngestError) else items[0] if items else None
        if not isinstance(result, Article):
            per_doc[name] = {"error": result.error if result else "not found", "lang_gold": g.get("lang")}
            continue
        doc = score_document(result, g) | {"lang_gold": g.get("lang")}
        analysis = score_analysis(result, g)
        doc["counts"].update(analysis["counts"])
        doc["misses"] = analysis["misses"]
        doc["event_date"] = result.event_date
        years = [y for m in must_not.get(name, []) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", m)]
        doc["background_event_date"] = bool(result.event_date and any(result.event_date.startswith(y) for y in years))
        per_doc[name] = doc

    table: list[dict[str, Any]] = []
    totals: dict[str, Any] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for name, d in per_doc.items():
        groups["all"].append(name)
        groups[d["lang_gold"]].append(name)
    for group, names in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        docs = [per_doc[n] for n in names]
        ok = [d for d in docs if "error" not in d]
        for key in ("lang", "title", "published"):
            acc = round(sum(d[key] for d in ok) / len(docs), 4) if docs else 0.0
            table.append({"group": group, "kind": key, "precision": acc, "recall": acc, "f1": acc, "n": len(docs)})
        for kind in ("boilerplate", "source", "content", *ANALYSIS_KINDS):
            tp_p = sum(d["counts"][kind][0] for d in ok)
            n_p = sum(d["counts"][kind][1] for d in ok)
            n_g = sum(d["counts"][kind][2] for d in ok)
            tp_r = sum(d["counts"][kind][3] for d in ok)
            if not n_p and not n_g:
                continue
            p, r, f = prf(tp_p, n_p, tp_r, n_g)
            table.append({"group": group, "kind": kind, "precision": p, "recall": r, "f1": f, "n": n_g})
    if everything.get("events"):
        from .linking import evaluate_seed_links

        for kind, scores in evaluate_seed_links(everything, seeds_dir, options).items():
            table.append({"group": "all", "kind": kind, **{k: scores[k] for k in ("precision", "recall", "f1")},
                          "n": scores["gold_clusters"]})
    for row in table:
        if row["group"] == "all":
            totals[row["kind"]] = {k: row[k] for k in ("precision", "recall", "f1")}
    content = totals.get("content", {})
    return {
        "precision": content.get("precision"),
        "recall": content.get("recall"),
        "f1": content.get("f1"),
        "kinds": totals,
        "background_event_dates": sum(1 for d in per_doc.values() if d.get("background_event_date")),
        "table": table,
        "documents": {n: {k: v for k, v in d.items() if k != "counts"} for n, d in per_doc.items()},
    }
