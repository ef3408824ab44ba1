"""Quality floors for linking: events on the SaudiNewsNet development set (BCubed), events across
languages on held-out ntrex-dev events, and article similarity on SemEval-2022 Task 8 (Pearson).
Figures in benchmarks/README.md."""

from __future__ import annotations

import pytest

from akhbar.evaluate.devset import build_devset
from akhbar.evaluate.linking import evaluate_clusters
from akhbar.evaluate.similarity import evaluate_similarity
from akhbar.link.similarity import shipped_model
from akhbar.options import LinkOptions, Options

pytestmark = pytest.mark.shared

DEVSET_F1 = 0.85  # measured 0.853 (P 0.926, R 0.791) with the shipped model, linked in archive order
SEMEVAL_PEARSON = 0.60  # measured 0.611 with the shipped similarity model


@pytest.fixture(scope="module")
def devset(shared, tmp_path_factory, request):
    labels = request.config.rootpath / "benchmarks" / "devset" / "saudinewsnet-events.labels.jsonl"
    out = tmp_path_factory.mktemp("devset") / "devset.jsonl"
    build_devset(shared / "data" / "saudinewsnet", labels, out)
    return out


def test_events_on_the_development_set(devset):
    result = evaluate_clusters(devset, Options(workers=2))
    assert result["f1"] >= DEVSET_F1, result
    assert result["precision"] >= 0.9 and result["recall"] >= 0.79, result


def test_similarity_on_semeval(shared):
    path = shared / "data" / "semeval2022-task8" / "train.csv"
    options = Options(languages=("ar", "de", "en", "es", "fr", "pl", "tr"), workers=2)
    report, _ = evaluate_similarity(str(path), options)
    assert report["pairs"] == 796
    assert report["pearson"] >= SEMEVAL_PEARSON, report
    assert report["by_language_pair"]["en-en"]["pearson"] >= 0.75, report


@pytest.fixture(scope="module")
def ntrex(shared):
    from akhbar.link.train_cross import labelled_profiles

    return labelled_profiles(str(shared / "data" / "ntrex-dev" / "ntrex-dev.jsonl"), Options(workers=2))


# The cross-language submodel fitted on one half of ntrex-dev's events (folds by a hash of the
# event label, as akhbar.link.train_cross does) and measured on the other half, with the shipped
# threshold: a held-out figure. Measured: BCubed F1 0.854 (P 0.962, R 0.768) and 0.878 (P 0.970,
# R 0.802) on the two halves (the shipped submodel's own two-fold figure, fitted with the other
# sources too, is 0.849 at its threshold 0.6: benchmarks/README.md).
NTREX_HELD_OUT_F1 = 0.83


def test_cross_language_events_on_held_out_ntrex_events(ntrex):
    import hashlib

    from akhbar.evaluate.clusters import bcubed
    from akhbar.link.events import link_profiles
    from akhbar.link.train_cross import UNDATED_DAY, cross_pairs, fit_cross, with_cross

    profiles, gold = ntrex
    assert len(profiles) == 256
    shipped = shipped_model()

    def fold(p):
        return int(hashlib.sha256(gold[p.article].encode()).hexdigest(), 16) % 2

    for k in (0, 1):
        train = [p for p in profiles if fold(p) != k]
        test = [p for p in profiles if fold(p) == k]
        bias, weights = fit_cross([cross_pairs(train, gold)], shipped.imputed["date"])
        model = with_cross(shipped, bias, weights, shipped.cross_language["threshold"])
        links = link_profiles(LinkOptions(), model, test, UNDATED_DAY)
        result = bcubed({p.article: gold[p.article] for p in test}, {a: l.event for a, l in links.items()})
        assert result["f1"] >= NTREX_HELD_OUT_F1, (k, result)
