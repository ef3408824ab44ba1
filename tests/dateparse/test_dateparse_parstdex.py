"""The ParsTDEx evaluation runs and its numbers stay where they are (overlap precision first)."""

from __future__ import annotations

import pytest

from akhbar.evaluate.parstdex import evaluate_parstdex

pytestmark = pytest.mark.shared


def test_parstdex_scores(shared):
    path = shared / "data" / "parstdex" / "data.json"
    if not path.is_file():
        pytest.skip(f"ParsTDEx not found at {path}")
    r = evaluate_parstdex(path)
    assert r["sentences"] == 305 and r["gold_spans"] > 300
    for k in ("exact", "overlap"):
        assert set(r[k]) == {"precision", "recall", "f1"}
    # what we call a date is one (the misses are times, durations, relative dates, bare years)
    assert r["overlap"]["precision"] >= 0.95
    assert r["exact"]["precision"] >= 0.45
    # and the absolute dates among the gold spans are mostly found
    assert r["dated_gold"]["recall_overlap"] >= 0.85
    assert r["precision"] == r["overlap"]["precision"]
