"""``akhbar eval extraction``: article-body extraction on the article extraction benchmark.

The benchmark (scrapinghub/article-extraction-benchmark) is a folder with ``html/<id>.html.gz``
(or ``.html``) and ``ground-truth.json`` mapping each id to ``{"articleBody", "url"}``. Each
page goes through Akhbar's own HTML path (``clean(RawDoc(format="html"))``, the article's
``body``), and is scored as the benchmark's ``evaluate.py`` scores it:

- text is tokenized with ``\\w+``; the units compared are shingles of 4 consecutive tokens
  (a text shorter than 4 tokens is one shorter shingle), counted as a multiset;
- per page, tp/fp/fn are the multiset overlap and the two differences, normalized to sum 1;
- precision is the mean of per-page precisions over pages with tp + fp > 0 (a page where
  nothing was extracted does not count for precision), recall the mean over pages with
  tp + fn > 0; a page whose fp and fn are both 0 scores 1; F1 is the harmonic mean of the two
  means (not a mean of per-page F1s);
- accuracy: the share of pages whose token sequence equals the gold's.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..clean import CleanError, clean
from ..options import Options
from ..records import RawDoc

__all__ = ["evaluate_extraction", "shingle_matching", "metrics_from_counts"]

_TOKEN = re.compile(r"\w+")
NGRAM = 4


def _tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str | None, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _tokens(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_matching(true: str | None, pred: str | None, n: int = NGRAM) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles of ``n`` tokens, normalized to sum 1 (all 0 for two empty texts)."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0
    for k in t.keys() | p.keys():
        a, b = t.get(k, 0), p.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics_from_counts(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """The benchmark's averaged precision, recall and F1 over pages' (tp, fp, fn)."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _read_page(html_dir: Path, page_id: str, options: Options) -> tuple[Path, str]:
    gz = html_dir / f"{page_id}.html.gz"
    if gz.exists():
        with gzip.open(gz, "rb") as f:
            data = f.read(options.max_decompressed_bytes + 1)
        if len(data) > options.max_decompressed_bytes:
            raise CleanError(f"{gz.name}: expands beyond max_decompressed_bytes")
        return gz, data.decode("utf-8", errors="replace")
    plain = html_dir / f"{page_id}.html"
    return plain, plain.read_text(encoding="utf-8", errors="replace")


def evaluate_extraction(folder: Path, options: Options, per_page: bool = True) -> dict[str, Any]:
    """Score Akhbar's HTML cleaning on a benchmark folder (see the module docstring).

    Returns ``{"precision", "recall", "f1", "accuracy", "pages", "failed", "seconds",
    "per_page"}``; ``per_page`` lists ``{"id", "precision", "recall", "f1", "error"?}`` and is
    left out when ``per_page`` is False. ``failed`` counts pages where cleaning raised
    (scored as empty extractions, as the benchmark scores a missing body).
    """
    folder = Path(folder)
    gold_path = folder / "ground-truth.json"
    if not gold_path.exists():
        raise FileNotFoundError(f"{gold_path} not found: not an article-extraction-benchmark folder")
    gold: dict[str, dict[str, Any]] = json.loads(gold_path.read_text(encoding="utf-8"))
    counts: list[tuple[float, float, float]] = []
    exact: list[float] = []
    pages: list[dict[str, Any]] = []
    failed = 0
    started = time.perf_counter()
    for page_id in sorted(gold):
        truth = gold[page_id].get("articleBody", "")
        url = gold[page_id].get("url") or None
        error = None
        try:
            path, html = _read_page(folder / "html", page_id, options)
            article = clean(RawDoc(source=url or str(path), path=str(path), content=html, format="html", url=url), options)
            body = article.body
        except (CleanError, OSError) as exc:
            body, error, failed = "", str(exc), failed + 1
        c = shingle_matching(truth, body)
        counts.append(c)
        exact.append(float(_tokens(truth) == _tokens(body)))
        if per_page:
            p, r = _precision(*c), _recall(*c)
            row: dict[str, Any] = {"id": page_id, "precision": round(p, 4), "recall": round(r, 4),
                                   "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
            if error:
                row["error"] = error
            pages.append(row)
    seconds = time.perf_counter() - started
    m = metrics_from_counts(counts)
    result: dict[str, Any] = {
        "precision": round(m["precision"], 4),
        "recall": round(m["recall"], 4),
        "f1": round(m["f1"], 4),
        "accuracy": round(statistics.mean(exact), 4) if exact else 0.0,
        "pages": len(counts),
        "failed": failed,
        "seconds": round(seconds, 2),
    }
    if per_page:
        result["per_page"] = pages
    return result
