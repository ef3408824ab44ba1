"""Fit the link model's cross-language submodel on real cross-language pairs, reproducibly:

    python -m akhbar.link.train_cross --model src/akhbar/data/link/model.json \\
        --cross ../shared/data/ntrex-dev/ntrex-dev.jsonl --devset devset.jsonl \\
        --semeval ../shared/data/semeval2022-task8/train.csv -o src/akhbar/data/link/model.json

The submodel scores an article against an event whose reports are all in other languages, over
the features languages share (no words). It was fitted on same-language pairs with the words
withheld, never on two languages, and its bias left most true pairs under the threshold. Here:

- pairs: every pair of articles in two languages of the cross-language file (labelled by its
  gold events), the development set's pairs and SemEval's clear pairs with the words withheld
  (as before), each source with its own bias; the shipped bias is the cross-language file's;
- weights of the resemblance features kept >= 0 (:mod:`.fit`), an undated pair scored with the
  development set's mean date proximity (the model's ``imputed``);
- its own threshold, chosen by BCubed F1 in a two-fold cross-validation over the cross-language
  file's events (folds by a hash of the event label: a fold's events are never fitted on when it
  is measured), so the reported figure is not a training figure: the best F1 among the
  thresholds that keep a cross-validated precision of 0.97 (:func:`chosen_threshold`).

The same-language model (bias, weights, threshold) is kept as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..options import LinkOptions, Options
from ..records import IngestError, LinkProfile
from .events import link_profiles
from .fit import fit_logistic
from .similarity import LANGUAGE_FREE, LinkModel
from .train import _freq, _mean, devset_pairs, imputed_date, semeval_pairs

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
UNDATED_DAY = 736970  # 2018-10-01: the cross-language file's articles are undated; one day for all


def labelled_profiles(path: str, options: Options) -> tuple[list[LinkProfile], dict[str, str]]:
    """The link profiles of a gold JSONL's articles and their gold events (by article id)."""
    from ..evaluate.clusters import read_gold_jsonl
    from ..ingest import read_items
    from ..pipeline import process_parallel

    by_source: dict[str, str] = {}
    for r in read_gold_jsonl(path):
        for key in (r.get("url"), r.get("id")):
            if key:
                by_source[key] = r["event"]
    profiles, gold = [], {}
    for result in process_parallel(read_items([path], options), options, with_articles=False):
        if isinstance(result, IngestError) or result[1].profile is None:
            continue
        event = by_source.get(result[1].values["source"])
        if event is not None:
            profiles.append(result[1].profile)
            gold[result[1].profile.article] = event
    return profiles, gold


def cross_pairs(profiles: Sequence[LinkProfile], gold: dict[str, str]) -> tuple[list[dict[str, float]], list[int]]:
    """Every pair of articles in two languages, weighed with the set's own counts (one undated
    day of a young archive, as the link stage weighs it)."""
    freq = _freq(profiles)
    rows, labels = [], []
    for i, a in enumerate(profiles):
        for b in profiles[:i]:
            if a.lang != b.lang:
                rows.append(_mean(a, b, freq))
                labels.append(int(gold[a.article] == gold[b.article]))
    return rows, labels


def fit_cross(sources: Sequence[tuple[list[dict[str, float]], list[int]]], mean_date: float,
              l2: float = 1.0) -> tuple[float, dict[str, float]]:
    """(bias, weights) over the language-free features, one bias per source: the first
    source's is returned."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    indicators = [f"source{k}" for k in range(1, len(sources))]
    for k, (source_rows, source_labels) in enumerate(sources):
        for r in source_rows:
            r = {**r, "date": mean_date} if r.get("undated") else dict(r)
            rows.append({**r, **{name: float(name == f"source{k}") for name in indicators}})
        labels.extend(source_labels)
    bias, weights = fit_logistic(rows, labels, l2=l2, features=list(LANGUAGE_FREE) + indicators)
    return bias, {f: weights[f] for f in LANGUAGE_FREE}


def with_cross(model: LinkModel, bias: float, weights: dict[str, float], threshold: float) -> LinkModel:
    return replace(model, cross_language={"bias": round(bias, 4), "weights": {k: round(v, 4) for k, v in weights.items()},
                                          "threshold": threshold})


def cross_validate(model: LinkModel, profiles, gold, others, mean_date: float) -> dict[float, dict[str, float]]:
    """BCubed of the cross-language file per cross-language threshold, each fold linked with a
    submodel fitted on the other fold's pairs (and the other sources)."""
    from ..evaluate.clusters import bcubed

    def fold(p: LinkProfile) -> int:
        return int(hashlib.sha256(gold[p.article].encode()).hexdigest(), 16) % 2

    fitted = {}
    for k in (0, 1):
        train = [p for p in profiles if fold(p) != k]
        fitted[k] = fit_cross([cross_pairs(train, gold), *others], mean_date)
    out: dict[float, dict[str, float]] = {}
    for threshold in THRESHOLDS:
        predicted: dict[str, str] = {}
        for k in (0, 1):
            m = with_cross(model, *fitted[k], threshold)
            links = link_profiles(LinkOptions(), m, [p for p in profiles if fold(p) == k], UNDATED_DAY)
            predicted.update((a, f"{k}:{link.event}") for a, link in links.items())
        out[threshold] = bcubed(gold, predicted)
    return out


PRECISION_FLOOR = 0.97  # cross-validated BCubed precision a cross-language threshold must keep


def chosen_threshold(cv: dict[float, dict[str, float]]) -> float:
    """The threshold of the best cross-validated F1 among those whose cross-validated precision
    is at least :data:`PRECISION_FLOOR` (the most precise one when none is): precision first,
    since translations, the only cross-language pairs here, are easier to join than reports
    written apart, and the disagreement flags are built on the events."""
    precise = [t for t, s in cv.items() if s["precision"] >= PRECISION_FLOOR]
    if not precise:
        return max(cv, key=lambda t: (cv[t]["precision"], t))
    return max(precise, key=lambda t: (cv[t]["f1"], t))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True, help="the link model whose cross-language submodel is refitted")
    ap.add_argument("--cross", required=True, help="a JSONL of articles in several languages with gold events")
    ap.add_argument("--devset", required=True, help="the development set JSONL (akhbar.evaluate.devset.build_devset)")
    ap.add_argument("--semeval", required=True, help="SemEval-2022 Task 8 train.csv")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    model = LinkModel.from_dict(json.loads(Path(args.model).read_text(encoding="utf-8")))
    options = Options(workers=args.workers)
    profiles, gold = labelled_profiles(args.cross, options)
    dev_profiles, dev_gold = labelled_profiles(args.devset, options)
    dev = devset_pairs(dev_profiles, dev_gold)
    sem = semeval_pairs(args.semeval, Options(languages=("ar", "de", "en", "es", "fa", "fr", "pl", "ru", "tr"),
                                              workers=args.workers))
    mean_date = imputed_date(dev[0])
    cv = cross_validate(model, profiles, gold, [dev, sem], mean_date)
    threshold = chosen_threshold(cv)
    bias, weights = fit_cross([cross_pairs(profiles, gold), dev, sem], mean_date)
    new = replace(with_cross(model, bias, weights, threshold), about=model.about + (
        f"; cross-language submodel refitted by `python -m akhbar.link.train_cross` on every pair in two languages "
        f"of {len(profiles)} articles ({Path(args.cross).name}), with the development set's and SemEval's pairs "
        f"(words withheld) under their own biases; its threshold by two-fold cross-validated BCubed F1 over "
        f"{Path(args.cross).name}'s events: " + ", ".join(f"{t}: {s['f1']}" for t, s in sorted(cv.items()))
        + f" (chosen: {threshold}, the best F1 with a cross-validated precision of {PRECISION_FLOOR} or more)"))
    Path(args.out).write_text(json.dumps(new.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"cross_language": new.cross_language, "cross_validated": cv}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
