"""The analysis part of ``akhbar eval seeds``: entities, dates, relative dates, quantities,
quotes, citations and publisher against the gold of ``shared/gold/seeds.json``.

Each kind gives (true positives among predictions, predictions, true positives among gold,
gold items), so precision and recall sum over documents:

- entities: the gold entity labels against the labels we link (precision counts every label we
  found that the gold does not list); ``entities_surface``: the gold surfaces we found as a
  mention of the right entity (recall only: the gold lists surfaces by example);
- dates: absolute dates as (calendar, value);
- relative: relative expressions by their text (and offset when the gold gives one);
- quantities: (value) or (low, high), with the unit when the gold gives one;
- quotes: recall of the gold's (speaker, cue) pairs; precision over our quotes whose cue is a
  gold cue (the gold lists cues by example, not every quote);
- citations: the cited outlets' labels;
- publisher: the gold publisher, where the gold names one that is an outlet we know.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..records import Article

KINDS = ("entities", "entities_surface", "dates", "relative", "quantities", "quotes", "citations", "publisher")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("ي", "ی").replace("ك", "ک")
    return " ".join(text.split())


def _counts(pred: set, gold: set) -> tuple[int, int, int, int]:
    return len(pred & gold), len(pred), len(gold & pred), len(gold)


def score_analysis(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    counts: dict[str, tuple[int, int, int, int]] = {}
    misses: dict[str, list] = {}

    pred_labels = {m.label for m in article.entities}
    gold_labels = {e["name"] for e in gold.get("entities", [])}
    counts["entities"] = _counts(pred_labels, gold_labels)
    misses["entities"] = sorted(gold_labels - pred_labels)
    misses["entities_extra"] = sorted(pred_labels - gold_labels)

    surfaces_by_label: dict[str, set[str]] = {}
    for m in article.entities:
        surfaces_by_label.setdefault(m.label, set()).add(_key(m.text))
    gold_surfaces = {(e["name"], _key(s)) for e in gold.get("entities", []) for s in e.get("surfaces", [])}
    found = {(lab, s) for lab, s in gold_surfaces if any(s in t or t in s for t in surfaces_by_label.get(lab, ()))}
    counts["entities_surface"] = (len(found), len(found), len(found), len(gold_surfaces))
    misses["entities_surface"] = sorted(f"{lab}: {s}" for lab, s in gold_surfaces - found)

    pred_dates = {(d.calendar, d.value) for d in article.dates if d.calendar != "relative"}
    gold_dates = {(d["calendar"], d["value"]) for d in gold.get("dates", [])}
    counts["dates"] = _counts(pred_dates, gold_dates)
    misses["dates"] = sorted(map(str, gold_dates - pred_dates))

    pred_rel = {(_key(d.text), d.offset_days) for d in article.dates if d.calendar == "relative"}
    gold_rel = {(_key(d["text"]), d.get("offset_days")) for d in gold.get("relative_dates", [])}
    pred_rel_text = {t for t, _ in pred_rel}
    matched_rel = {g for g in gold_rel if (g[0] in pred_rel_text) and (g[1] is None or g in pred_rel)}
    counts["relative"] = (len({p for p in pred_rel if p[0] in {g[0] for g in gold_rel}}), len(pred_rel), len(matched_rel), len(gold_rel))
    misses["relative"] = sorted(map(str, gold_rel - matched_rel))

    def qkey(value, low, high, unit):
        return (value, None, None, unit) if value is not None else (None, low, high, unit)

    pred_q = {qkey(q.value, q.low, q.high, q.unit) for q in article.quantities}
    pred_q_nounit = {k[:3] for k in pred_q}
    gold_q = [qkey(q.get("value"), q.get("low"), q.get("high"), q.get("unit")) for q in gold.get("quantities", [])]
    hit = [g for g in gold_q if (g in pred_q if g[3] else g[:3] in pred_q_nounit)]
    gold_q_nounit = {g[:3] for g in gold_q}
    counts["quantities"] = (sum(1 for p in pred_q if p[:3] in gold_q_nounit), len(pred_q), len(hit), len(gold_q))
    misses["quantities"] = [str(g) for g in gold_q if g not in hit]

    gold_quotes = [(q["speaker"], _key(q["cue"]).rstrip(":")) for q in gold.get("quotes", [])]
    ours = [(q.speaker, _key(q.cue).rstrip(":")) for q in article.quotes]
    quote_hits = [g for g in gold_quotes if any(sp == g[0] and (g[1] in cue or cue in g[1]) for sp, cue in ours)]
    cue_matched = [(sp, cue) for sp, cue in ours if any(g[1] in cue or cue in g[1] for g in gold_quotes)]
    speaker_ok = [(sp, cue) for sp, cue in cue_matched if any(sp == g[0] and (g[1] in cue or cue in g[1]) for g in gold_quotes)]
    counts["quotes"] = (len(speaker_ok), len(cue_matched), len(quote_hits), len(gold_quotes))
    misses["quotes"] = [str(g) for g in gold_quotes if g not in quote_hits]

    pred_c = {c.outlet for c in article.citations}
    gold_c = {c["outlet"] for c in gold.get("cited_sources", [])}
    counts["citations"] = _counts(pred_c, gold_c)
    misses["citations"] = sorted(gold_c - pred_c)

    gp = gold.get("publisher")
    known = {e["name"] for e in gold.get("entities", []) if e.get("type") == "outlet"}
    if gp and gp in known:
        ok = int(article.publisher == gp)
        counts["publisher"] = (ok, 1 if article.publisher else 0, ok, 1)
        if not ok:
            misses["publisher"] = [f"{gp} (got {article.publisher})"]
    else:
        counts["publisher"] = (0, 0, 0, 0)

    must_not = [m for m in gold.get("_must_not", []) if "event date" in m]
    return {
        "counts": counts,
        "misses": {k: v for k, v in misses.items() if v},
        "event_date": article.event_date,
        "must_not_ok": not must_not or article.event_date is None
        or not any(article.event_date.startswith(y) for y in ("1991", "1993")),
    }
