"""Span scores of :func:`akhbar.dateparse.find_dates` on the ParsTDEx test sentences.

ParsTDEx (``shared/data/parstdex/data.json``): 305 Persian sentences, each with the character
spans of its date *and time* expressions (``expected``, a string holding a JSON list of
``[start, end]``). Many gold spans are things ``find_dates`` does not look for: clock times
(``ساعت ۱۷``), durations (``۳ سال``), relative expressions (``دیروز``, ``سال گذشته``), bare years
(``سال ۱۳۹۵``) and seasons. Recall is therefore low by design; precision is the number that
says whether what we call a date is one. Two matchings are reported:

- ``exact``: a predicted span counts when it equals a gold span;
- ``overlap``: a predicted span counts when it overlaps a gold span, a gold span is found when
  a predicted span overlaps it (gold spans often include a preposition, ``در تاریخ``, or a time).

``relative=True`` adds the relative expressions the date analysis finds (``امروز``, ``روز گذشته``,
``پنج‌شنبه گذشته``, :func:`akhbar.analyze.relative.find_relative` on the normalized sentence,
mapped back to its characters), so the two runs give the before/after figures of that analysis.

``dated_gold`` narrows recall to the gold spans that hold what ``find_dates`` is meant to find:
a digit next to a month name of our Persian tables or a numeric Y/M/D, D/M/Y date. That subset
is chosen with our own tables, so read it as "recall on the absolute dates", not as a benchmark.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..dateparse import find_dates
from ..dateparse.folding import trie_pattern
from ..dateparse.tables import language_table
from .scores import prf

_NUMERIC = re.compile(r"\d{1,4}\s?[/.\-\\]\s?\d{1,2}\s?[/.\-\\]\s?\d{1,4}")


def _dated_rx() -> re.Pattern:
    months = trie_pattern(m.variant for m in language_table("fa").months)
    return re.compile(rf"\d\s*(?:{months})|(?:{months})[\s\u200c]*(?:ماه)?\s*(?:سال\s*)?\d")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relative_spans(text: str, lang: str | None) -> list[tuple[int, int]]:
    """The relative expressions of the date analysis in ``text``, as spans of ``text``."""
    from ..analyze.relative import find_relative  # local: the plain run needs no analysis tables
    from ..normalize import normalize

    nt = normalize(text, lang)
    taken = [(m.start, m.end) for m in find_dates(nt.text, lang)]
    found, _ = find_relative(nt.text, lang, taken)
    return [nt.original_span(r.start, r.end) for r in found]


def evaluate_parstdex(path: Path, lang: str | None = "fa", relative: bool = False) -> dict:
    """Precision/recall/F1 of date spans on ParsTDEx, exact and overlapping (see module doc)."""
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    dated = _dated_rx()
    n_pred = n_gold = n_dated = 0
    exact_tp = ov_pred = ov_gold = ov_dated = ex_dated = 0
    for item in items:
        text = item["test_input"]
        gold = [tuple(s) for s in json.loads(item["expected"])]
        pred = [(m.start, m.end) for m in find_dates(text, lang)]
        if relative:
            pred = sorted(set(pred) | set(_relative_spans(text, lang)))
        n_pred += len(pred)
        n_gold += len(gold)
        gold_set = set(gold)
        exact_tp += sum(p in gold_set for p in pred)
        ov_pred += sum(any(_overlaps(p, g) for g in gold) for p in pred)
        for g in gold:
            hit = any(_overlaps(p, g) for p in pred)
            ov_gold += hit
            if dated.search(text[g[0]:g[1]]) or _NUMERIC.search(text[g[0]:g[1]]):
                n_dated += 1
                ov_dated += hit
                ex_dated += g in set(pred)
    ep, er, ef = prf(exact_tp, n_pred, exact_tp, n_gold)
    op, orc, of = prf(ov_pred, n_pred, ov_gold, n_gold)
    return {
        "relative": relative,
        "sentences": len(items),
        "gold_spans": n_gold,
        "predicted_spans": n_pred,
        "exact": {"precision": ep, "recall": er, "f1": ef},
        "overlap": {"precision": op, "recall": orc, "f1": of},
        "dated_gold": {
            "spans": n_dated,
            "recall_exact": round(ex_dated / n_dated, 4) if n_dated else 1.0,
            "recall_overlap": round(ov_dated / n_dated, 4) if n_dated else 1.0,
        },
        # the top-level trio, as every ``akhbar eval`` answer has it: the overlap scores
        "precision": op,
        "recall": orc,
        "f1": of,
    }
