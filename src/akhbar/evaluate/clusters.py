"""``akhbar eval clusters``: BCubed precision, recall and F1 of an event clustering.

BCubed (Bagga & Baldwin 1998; the extended form of Amigó, Gonzalo, Artiles & Verdejo 2009,
"A comparison of extrinsic clustering evaluation metrics based on formal constraints") scores
each item, then averages over items:

- precision of item *i*: the share of the items in *i*'s predicted cluster that share *i*'s
  gold event (*i* itself included);
- recall of item *i*: the share of the items of *i*'s gold event that are in *i*'s predicted
  cluster (*i* itself included);
- precision and recall are the means over the items of the gold; F1 is the harmonic mean of
  the two means (Amigó's F with alpha = 0.5), not a mean of per-item F1s.

The gold is the reference: only its items are scored. A gold item absent from the prediction
counts as a predicted singleton (a linker that dropped an article has not linked it); a
predicted item absent from the gold is ignored, and its presence in a cluster does not lower
the precision of the gold items in that cluster (the gold says nothing about it). Both are
counted in the result (``missing``, ``extra``).

Computed from the contingency counts n(p, g) of predicted cluster p and gold event g: the
per-item precisions of the n(p, g) items in p ∩ g are all n(p, g) / |p|, so the sum over items
is Σ n(p, g)² / |p|, and likewise Σ n(p, g)² / |g| for recall: linear in the number of items.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["bcubed", "read_gold_jsonl", "gold_events"]

_DIGITS = 4


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, Any]:
    """BCubed scores of ``predicted`` (item -> cluster label) against ``gold`` (item -> event).

    Returns ``{"precision", "recall", "f1"}`` (rounded to 4 places; all 1.0 for an empty gold,
    where there is nothing to get wrong) plus ``items`` (gold items scored), ``gold_clusters``,
    ``predicted_clusters`` (clusters among the gold items, missing items counted as
    singletons), ``missing`` (gold items absent from ``predicted``) and ``extra`` (predicted
    items absent from ``gold``). Labels are compared for equality only: a cluster label means
    nothing across the two mappings.
    """
    n = len(gold)
    extra = sum(1 for item in predicted if item not in gold)
    if not n:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0, "items": 0, "gold_clusters": 0,
                "predicted_clusters": 0, "missing": 0, "extra": extra}
    missing = 0
    pairs: Counter[tuple[Hashable, Hashable]] = Counter()
    for item, event in gold.items():
        if item in predicted:
            cluster: Hashable = ("p", predicted[item])
        else:  # a singleton of its own: a key no predicted label can equal
            cluster = ("missing", item)
            missing += 1
        pairs[cluster, event] += 1
    cluster_size: Counter[Hashable] = Counter()
    event_size: Counter[Hashable] = Counter()
    for (cluster, event), count in pairs.items():
        cluster_size[cluster] += count
        event_size[event] += count
    p_sum = sum(c * c / cluster_size[cluster] for (cluster, _), c in pairs.items())
    r_sum = sum(c * c / event_size[event] for (_, event), c in pairs.items())
    p, r = p_sum / n, r_sum / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, _DIGITS), "recall": round(r, _DIGITS), "f1": round(f, _DIGITS),
            "items": n, "gold_clusters": len(event_size), "predicted_clusters": len(cluster_size),
            "missing": missing, "extra": extra}


def _key(record: dict[str, Any]) -> str | None:
    for field in ("id", "url"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_gold_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file: one JSON object per line with a non-empty ``event``
    string and an ``id`` or ``url`` string (other fields, such as the article's text, are kept
    as they are). Blank lines are skipped.

    Raises ValueError naming the file and line for a line that is not such an object, and for
    an item (``id``, else ``url``) given twice with two different events.
    """
    path = Path(path)
    records: list[dict[str, Any]] = []
    seen: dict[str, tuple[str, int]] = {}
    with path.open(encoding="utf-8-sig") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}: line {n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{where}: a JSON {type(obj).__name__}, not an object")
            event = obj.get("event")
            if not isinstance(event, str) or not event.strip():
                raise ValueError(f"{where}: no gold event (a non-empty string field \"event\")")
            key = _key(obj)
            if key is None:
                raise ValueError(f"{where}: no item key (a non-empty string field \"id\" or \"url\")")
            if key in seen and seen[key][0] != event:
                raise ValueError(f"{where}: {key} is given two events: {seen[key][0]!r} "
                                 f"(line {seen[key][1]}) and {event!r}")
            seen.setdefault(key, (event, n))
            records.append(obj)
    return records


def gold_events(records: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Item -> gold event for records as :func:`read_gold_jsonl` returns them; the item is the
    record's ``id`` when it has one, else its ``url`` (for a JSONL record ingested by Akhbar,
    the url is the article's ``source``)."""
    out: dict[str, str] = {}
    for record in records:
        key = _key(dict(record))
        if key is not None:
            out[key] = record["event"]
    return out
