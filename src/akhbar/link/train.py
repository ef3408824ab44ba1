"""Fit the shipped link model (``data/link/model.json``) on labelled data, reproducibly:

    python -m akhbar.link.train --devset DEVSET.jsonl --semeval TRAIN.csv -o src/akhbar/data/link/model.json

Two sources of pairs, each with its own bias term (their labels mean slightly different things):
- the event development set (``benchmarks/devset``: SaudiNewsNet articles with gold events):
  every pair of its articles, labelled 1 when they report the same event;
- SemEval-2022 Task 8 pairs in the languages Akhbar analyses fully (its knowledge base and
  concept lists cover fa, ar, ru and en; the set has ar-ar and en-en): 1 when ``Overall`` <= 1.5
  (same event), 0 when >= 2.5, the uncertain middle left out; undated pairs.
The shipped bias is the development set's (events are what the linker builds). Two models are
fitted on these pairs: one over every feature, and the cross-language one over the
language-free features only (the words withheld, as they are between two languages). The
threshold is chosen by BCubed F1 in a two-fold cross-validation over the development set's
events (folds by a hash of the event label), so the figure reported for it is not a training
figure; the same folds, linked with the cross-language model alone, say how well events are
found when no words can be compared.
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
from .frequencies import Frequencies
from .profile import build_profile
from .concepts import concept_table
from .similarity import FEATURES, LANGUAGE_FREE, Cluster, LinkModel, features

SOURCE = "semeval_source"
UNDATED_DAY = 735820  # 2015-08-10: the development set's first day, for an article with no date
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def _freq(profiles: Sequence[LinkProfile]) -> Frequencies:
    freq = Frequencies()
    for p in profiles:
        freq.add_profile(p)
    return freq


def _mean(a: LinkProfile, b: LinkProfile, freq: Frequencies) -> dict[str, float]:
    fa, fb = features(a, Cluster.of(b), freq), features(b, Cluster.of(a), freq)
    return {k: (fa[k] + fb[k]) / 2 for k in FEATURES}


def devset_pairs(profiles: Sequence[LinkProfile], gold: dict[str, str]) -> tuple[list[dict[str, float]], list[int]]:
    freq = _freq(profiles)
    rows, labels = [], []
    for i, a in enumerate(profiles):
        for b in profiles[:i]:
            rows.append(_mean(a, b, freq))
            labels.append(int(gold[a.article] == gold[b.article]))
    return rows, labels


def semeval_pairs(path: str, options: Options) -> tuple[list[dict[str, float]], list[int]]:
    from ..evaluate.similarity import pair_features, profiles, read_pairs

    analysed = set(concept_table().by_lang)
    pairs = [p for p in read_pairs(path) if not 1.5 < p.overall < 2.5 and {p.lang1, p.lang2} <= analysed]
    profs = profiles(path, pairs, options)
    freq = _freq(list(profs.values()))
    rows = [pair_features(profs.get(f"{p.pair_id}:1"), profs.get(f"{p.pair_id}:2"), freq) for p in pairs]
    return rows, [int(p.overall <= 1.5) for p in pairs]


def imputed_date(dev_rows) -> float:
    """The mean date proximity of the development pairs (all dated): what an undated pair is
    scored with, instead of a weight for "undated" learned from another source's pairs."""
    dated = [r["date"] for r in dev_rows if not r["undated"]]
    return round(sum(dated) / len(dated), 4) if dated else 0.0


def fit(dev_rows, dev_labels, sem_rows, sem_labels, l2: float = 1.0,
        features: Sequence[str] = FEATURES) -> tuple[float, dict[str, float]]:
    """Logistic fit over both sources with a source bias; resemblance weights kept >= 0; an
    undated pair's date proximity imputed (:func:`imputed_date`)."""
    mean_date = imputed_date(dev_rows)

    def impute(r: dict[str, float]) -> dict[str, float]:
        return {**r, "date": mean_date} if r["undated"] else r

    rows = [dict(impute(r), **{SOURCE: 0.0}) for r in dev_rows] + [dict(impute(r), **{SOURCE: 1.0}) for r in sem_rows]
    labels = list(dev_labels) + list(sem_labels)
    bias, weights = fit_logistic(rows, labels, l2=l2, features=[f for f in features if f != "undated"] + [SOURCE])
    return bias, {f: weights.get(f, 0.0) for f in features}


def fitted(dev_rows, dev_labels, sem_rows, sem_labels, threshold: float, about: str = "") -> LinkModel:
    """The event model with its cross-language submodel, fitted on these pairs."""
    bias, weights = fit(dev_rows, dev_labels, sem_rows, sem_labels)
    xbias, xweights = fit(dev_rows, dev_labels, sem_rows, sem_labels, features=LANGUAGE_FREE)
    return LinkModel(bias=bias, weights=weights, threshold=threshold,
                     imputed={"date": imputed_date(dev_rows)}, about=about,
                     cross_language={"bias": xbias, "weights": xweights})


def language_free(model: LinkModel) -> LinkModel:
    """The model's cross-language submodel scoring every pair: linking as if no two reports
    shared a language."""
    assert model.cross_language is not None
    return LinkModel(bias=model.cross_language["bias"], weights=dict(model.cross_language["weights"]),
                     threshold=float(model.cross_language.get("threshold", model.threshold)), imputed=model.imputed)


def devset_profiles(path: str, options: Options) -> tuple[list[LinkProfile], dict[str, str]]:
    from ..evaluate.clusters import gold_events, read_gold_jsonl
    from ..ingest import read_items
    from ..pipeline import process_parallel

    gold_by_url = gold_events(read_gold_jsonl(path))
    profiles, gold = [], {}
    for result in process_parallel(read_items([path], options), options, with_articles=True):
        if isinstance(result, IngestError) or result[0].source not in gold_by_url:
            continue
        profiles.append(build_profile(result[0]))
        gold[result[0].id] = gold_by_url[result[0].source]
    return profiles, gold


def cross_validate(profiles, gold, sem_rows, sem_labels) -> dict[str, dict[float, dict[str, float]]]:
    """BCubed per threshold on held-out folds: ``all`` with the full model, ``language_free``
    with the cross-language submodel alone."""
    from ..evaluate.clusters import bcubed

    def fold(p: LinkProfile) -> int:
        return int(hashlib.sha256(gold[p.article].encode()).hexdigest(), 16) % 2

    out: dict[str, dict[float, dict[str, float]]] = {"all": {}, "language_free": {}}
    models = {}
    for k in (0, 1):
        models[k] = fitted(*devset_pairs([p for p in profiles if fold(p) != k], gold), sem_rows, sem_labels, 0.5)
    for threshold in THRESHOLDS:
        for kind in out:
            predicted: dict[str, str] = {}
            for k in (0, 1):
                model = replace(models[k], threshold=threshold)
                links = link_profiles(LinkOptions(), language_free(model) if kind == "language_free" else model,
                                      [p for p in profiles if fold(p) == k], UNDATED_DAY)
                predicted.update((a, f"{k}:{link.event}") for a, link in links.items())
            out[kind][threshold] = bcubed(gold, predicted)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", required=True, help="the development set JSONL (akhbar.evaluate.devset.build_devset)")
    ap.add_argument("--semeval", required=True, help="SemEval-2022 Task 8 train.csv")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    options = Options(workers=args.workers)
    profiles, gold = devset_profiles(args.devset, options)
    sem_rows, sem_labels = semeval_pairs(args.semeval, Options(languages=("ar", "de", "en", "es", "fa", "fr", "pl", "ru", "tr"),
                                                                 workers=args.workers))
    cv = cross_validate(profiles, gold, sem_rows, sem_labels)
    scores = cv["all"]
    threshold = max(scores, key=lambda t: (scores[t]["f1"], -t))
    model = fitted(
        *devset_pairs(profiles, gold), sem_rows, sem_labels, threshold,
        about=(f"fitted by `python -m akhbar.link.train` on {len(profiles)} development-set articles "
               f"({Path(args.devset).name}) and {len(sem_rows)} SemEval-2022 Task 8 pairs; threshold by two-fold "
               f"cross-validated BCubed F1 on the development set: "
               + ", ".join(f"{t}: {s['f1']}" for t, s in sorted(scores.items()))
               + f"; the cross-language model alone, same folds, at {threshold}: F1 "
               + str(cv["language_free"][threshold]["f1"])),
    )
    Path(args.out).write_text(json.dumps(model.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"model": model.as_dict(), "cross_validated": cv}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
