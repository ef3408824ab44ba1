"""``akhbar eval similarity``: the Pearson correlation of Akhbar's article-pair similarity with
SemEval-2022 Task 8's ``Overall`` judgement, per language pair and in total.

Overall runs from 1 (same event, same story) to 4 (unrelated); the similarity ``s`` in [0, 1]
is put on that scale as ``4 - 3 s`` so that a good system correlates positively. Rows whose
``pair_id`` is not ``<digits>_<digits>`` are the data set's machine-translated augmentations and
are left out, as its README says. Document frequencies come from the texts of the file itself.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..link.frequencies import Frequencies
from ..link.profile import build_profile
from ..link.similarity import FEATURES, Cluster, LinkModel, features, similarity_model
from ..options import Options
from ..pipeline import process_parallel
from ..records import IngestError, LinkProfile, RawDoc

PAIR_ID = re.compile(r"^\d+_\d+$")
SIMILAR = 2.0  # Overall at or below this counts as "the same event" when fitting the model


@dataclass(frozen=True)
class Pair:
    pair_id: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float


def read_pairs(path: str | Path) -> list[Pair]:
    csv.field_size_limit(1 << 30)
    pairs = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not PAIR_ID.match(row.get("pair_id", "")):
                continue
            try:
                overall = float(row["Overall"])
            except (KeyError, ValueError):
                continue
            pairs.append(Pair(row["pair_id"], row["lang1"], row["lang2"], row["text1"], row["text2"], overall))
    if not pairs:
        raise ValueError(f"{path}: no SemEval-2022 Task 8 pairs (columns pair_id, lang1, lang2, text1, text2, Overall)")
    return pairs


def _items(path: str, pairs: list[Pair]) -> Iterator[RawDoc]:
    for p in pairs:
        for side, text in (("1", p.text1), ("2", p.text2)):
            yield RawDoc(source=f"{path}#{p.pair_id}:{side}", path=path, content=text or " ")


def profiles(path: str, pairs: list[Pair], options: Options) -> dict[str, LinkProfile]:
    """Each text through the per-article pipeline, then its link profile, by ``PAIR:SIDE``."""
    out: dict[str, LinkProfile] = {}
    keys = [f"{p.pair_id}:{side}" for p in pairs for side in "12"]
    for key, result in zip(keys, process_parallel(_items(path, pairs), options, with_articles=True)):
        if isinstance(result, IngestError):
            continue  # an empty or unreadable text: the pair is scored as unrelated
        out[key] = build_profile(result[0])
    return out


def pair_features(a: LinkProfile | None, b: LinkProfile | None, freq: Frequencies) -> dict[str, float]:
    """The mean of the features in both directions (the features are not symmetric)."""
    if a is None or b is None:
        return dict.fromkeys(FEATURES, 0.0)
    fa, fb = features(a, Cluster.of(b), freq), features(b, Cluster.of(a), freq)
    return {k: (fa[k] + fb[k]) / 2 for k in FEATURES}


def pearson(x: list[float], y: list[float]) -> float | None:
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return None
    return round(float(np.corrcoef(x, y)[0, 1]), 4)


def evaluate_similarity(path: str, options: Options, model: LinkModel | None = None, *,
                        fit: bool = False, folds: int = 5) -> tuple[dict[str, Any], LinkModel | None]:
    """Score the pairs; with ``fit``, also fit a model on them (and report k-fold figures)."""
    from ..link.fit import fitted_model

    model = model or similarity_model()
    pairs = read_pairs(path)
    profs = profiles(path, pairs, options)
    freq = Frequencies()
    for p in profs.values():
        freq.add_profile(p)
    rows = [pair_features(profs.get(f"{p.pair_id}:1"), profs.get(f"{p.pair_id}:2"), freq) for p in pairs]
    gold = [p.overall for p in pairs]
    labels = [int(p.overall <= SIMILAR) for p in pairs]
    new_model = None
    if fit:
        new_model = fitted_model(rows, labels, about=f"fitted by `akhbar eval similarity {Path(path).name} --fit` on "
                                 f"{len(pairs)} pairs (same event: Overall <= {SIMILAR})",
                                 threshold=model.threshold)
        model = new_model
    predicted = [4 - 3 * model.score(r) for r in rows]
    report: dict[str, Any] = {"pearson": pearson(predicted, gold), "pairs": len(pairs), "by_language_pair": {}}
    by_pair: dict[str, list[int]] = {}
    for i, p in enumerate(pairs):
        by_pair.setdefault(f"{p.lang1}-{p.lang2}", []).append(i)
    for key, idx in sorted(by_pair.items()):
        report["by_language_pair"][key] = {"pearson": pearson([predicted[i] for i in idx], [gold[i] for i in idx]),
                                           "pairs": len(idx)}
    report["unreadable_texts"] = sum(f"{p.pair_id}:{s}" not in profs for p in pairs for s in "12")
    report["model"] = model.as_dict()
    if fit and folds > 1:
        report["cross_validated_pearson"] = _cross_validated(rows, labels, gold, folds, model)
    return report, new_model


def _cross_validated(rows: list[dict[str, float]], labels: list[int], gold: list[float], folds: int,
                     model: LinkModel) -> float | None:
    from ..link.fit import fitted_model

    predicted = [0.0] * len(rows)
    for k in range(folds):
        train = [i for i in range(len(rows)) if i % folds != k]
        m = fitted_model([rows[i] for i in train], [labels[i] for i in train], about="fold",
                         threshold=model.threshold)
        for i in range(k, len(rows), folds):
            predicted[i] = 4 - 3 * m.score(rows[i])
    return pearson(predicted, gold)


def main(argv: list[str] | None = None) -> int:  # python -m akhbar.evaluate.similarity FILE
    import json

    args = argv if argv is not None else sys.argv[1:]
    report, _ = evaluate_similarity(args[0], Options(languages=("de", "en", "es", "tr", "pl", "ar", "fr")))
    print(json.dumps(report, indent=2))
    return 0
