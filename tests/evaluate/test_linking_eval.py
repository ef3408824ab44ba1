"""Quality floors for linking: events on the SaudiNewsNet development set (BCubed) and article
similarity on SemEval-2022 Task 8 (Pearson). Figures in benchmarks/README.md."""

from __future__ import annotations

import pytest

from akhbar.evaluate.devset import build_devset
from akhbar.evaluate.linking import evaluate_clusters
from akhbar.evaluate.similarity import evaluate_similarity
from akhbar.options import Options

pytestmark = pytest.mark.shared

DEVSET_F1 = 0.85  # measured 0.862 (P 0.876, R 0.848) with the shipped model
SEMEVAL_PEARSON = 0.60  # measured 0.611 with the shipped similarity model


def test_events_on_the_development_set(shared, tmp_path, request):
    labels = request.config.rootpath / "benchmarks" / "devset" / "saudinewsnet-events.labels.jsonl"
    out = tmp_path / "devset.jsonl"
    build_devset(shared / "data" / "saudinewsnet", labels, out)
    result = evaluate_clusters(out, Options(workers=2))
    assert result["f1"] >= DEVSET_F1, result
    assert result["precision"] >= 0.85 and result["recall"] >= 0.82, result


def test_similarity_on_semeval(shared):
    path = shared / "data" / "semeval2022-task8" / "train.csv"
    options = Options(languages=("ar", "de", "en", "es", "fr", "pl", "tr"), workers=2)
    report, _ = evaluate_similarity(str(path), options)
    assert report["pairs"] == 796
    assert report["pearson"] >= SEMEVAL_PEARSON, report
    assert report["by_language_pair"]["en-en"]["pearson"] >= 0.75, report
