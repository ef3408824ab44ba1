"""BCubed scoring of event clusterings, and the gold JSONL reader.

The hand-computed examples follow the per-item definition (Bagga & Baldwin 1998; Amigó et al.
2009); the constraint tests are Amigó et al.'s four formal constraints, which BCubed is the
one family of metrics to satisfy all of.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.evaluate.clusters import bcubed, gold_events, read_gold_jsonl


def clustering(*clusters: str) -> dict[str, str]:
    """``clustering("ab", "c")``: items a and b in one cluster, c in another."""
    return {item: f"c{k}" for k, cluster in enumerate(clusters) for item in cluster}


def prf(result: dict) -> tuple[float, float, float]:
    return result["precision"], result["recall"], result["f1"]


GOLD = clustering("ab", "c", "d")  # events: {a, b}, {c}, {d}


def test_perfect_clustering_with_other_labels():
    predicted = {"a": "x", "b": "x", "c": "y", "d": "z"}
    result = bcubed(GOLD, predicted)
    assert prf(result) == (1.0, 1.0, 1.0)
    assert result["items"] == 4 and result["gold_clusters"] == 3 and result["predicted_clusters"] == 3


def test_all_in_one_cluster():
    # precision per item: a 2/4, b 2/4, c 1/4, d 1/4 -> 0.375; recall 1
    result = bcubed(GOLD, dict.fromkeys(GOLD, "one"))
    assert result["precision"] == 0.375 and result["recall"] == 1.0
    assert result["f1"] == round(2 * 0.375 / 1.375, 4)  # 0.5455


def test_all_singletons():
    # recall per item: a 1/2, b 1/2, c 1, d 1 -> 0.75; precision 1
    result = bcubed(GOLD, {item: item for item in GOLD})
    assert result["precision"] == 1.0 and result["recall"] == 0.75
    assert result["f1"] == round(2 * 0.75 / 1.75, 4)  # 0.8571


def test_hand_computed_mixed_example():
    gold = clustering("abc", "de")
    predicted = clustering("ab", "cde")
    # precision: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/3 / 5; recall: a 2/3, b 2/3, c 1/3, d 1, e 1
    p, r = (11 / 3) / 5, (11 / 3) / 5
    assert prf(bcubed(gold, predicted)) == (round(p, 4), round(r, 4), round(p, 4))


def test_labels_mean_nothing_across_the_two_mappings():
    gold = {"a": "1", "b": "2"}
    assert prf(bcubed(gold, {"a": "2", "b": "1"})) == (1.0, 1.0, 1.0)
    assert prf(bcubed(gold, {"a": "1", "b": "1"})) == (0.5, 1.0, round(2 * 0.5 / 1.5, 4))


def test_missing_items_are_singletons():
    gold = clustering("abc")
    result = bcubed(gold, {"a": "x", "b": "x"})  # c was not clustered
    # recall: a 2/3, b 2/3, c 1/3
    assert result["precision"] == 1.0 and result["recall"] == round(5 / 9, 4)
    assert result["missing"] == 1 and result["predicted_clusters"] == 2


def test_a_missing_item_never_joins_a_cluster_named_like_it():
    gold = clustering("ab")
    result = bcubed(gold, {"b": "a"})  # "a" is missing; "b" is in a cluster labelled "a"
    assert prf(result)[:2] == (1.0, 0.5) and result["missing"] == 1


def test_extra_predicted_items_are_ignored():
    gold = clustering("ab", "c")
    result = bcubed(gold, {"a": "x", "b": "x", "c": "y", "z1": "x", "z2": "y"})
    assert prf(result) == (1.0, 1.0, 1.0) and result["extra"] == 2


def test_empty_gold():
    result = bcubed({}, {"a": "x"})
    assert prf(result) == (1.0, 1.0, 1.0) and result["items"] == 0 and result["extra"] == 1


# Amigó, Gonzalo, Artiles, Verdejo (2009), section 3: the four formal constraints.

def test_constraint_cluster_homogeneity():
    """Splitting a cluster that mixes two events into one cluster per event is better."""
    gold = clustering("abc", "de", "fg")
    mixed = bcubed(gold, clustering("abde", "c", "fg"))
    split = bcubed(gold, clustering("ab", "de", "c", "fg"))
    assert split["precision"] > mixed["precision"] and split["f1"] > mixed["f1"]


def test_constraint_cluster_completeness():
    """Merging two clusters of the same event is better."""
    gold = clustering("abcd", "ef")
    apart = bcubed(gold, clustering("ab", "cd", "ef"))
    merged = bcubed(gold, clustering("abcd", "ef"))
    assert merged["recall"] > apart["recall"] and merged["f1"] > apart["f1"]


def test_constraint_rag_bag():
    """A stray item does less harm in a cluster that is already a mixture than in a clean one."""
    gold = clustering("abcd", "e", "f", "g", "h")
    into_clean = bcubed(gold, clustering("abcdh", "efg"))  # P: (4*4/5 + 1/5 + 3*1/3) / 8 = 0.55
    into_rag_bag = bcubed(gold, clustering("abcd", "efgh"))  # P: (4 + 4*1/4) / 8 = 0.625
    assert into_clean["precision"] == 0.55 and into_rag_bag["precision"] == 0.625
    assert into_rag_bag["f1"] > into_clean["f1"]


def test_constraint_cluster_size_versus_quantity():
    """One item split off a large cluster is better than many small clusters each split."""
    gold = clustering("abcde", "fg", "hi", "jk", "lm")
    one_big_error = bcubed(gold, clustering("abcd", "e", "fg", "hi", "jk", "lm"))
    many_small = bcubed(gold, clustering("abcde", "f", "g", "h", "i", "j", "k", "l", "m"))
    assert one_big_error["recall"] == round((4 * 4 / 5 + 1 / 5 + 8) / 13, 4)  # 0.8769
    assert many_small["recall"] == round((5 + 8 / 2) / 13, 4)  # 0.6923
    assert one_big_error["f1"] > many_small["f1"]


# Properties, against the per-item definition computed the slow way.

def naive(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    pred = {item: ("p", predicted[item]) if item in predicted else ("m", item) for item in gold}
    ps, rs = [], []
    for i in gold:
        same_cluster = [j for j in gold if pred[j] == pred[i]]
        same_event = [j for j in gold if gold[j] == gold[i]]
        both = [j for j in same_cluster if gold[j] == gold[i]]
        ps.append(len(both) / len(same_cluster))
        rs.append(len(both) / len(same_event))
    return sum(ps) / len(ps), sum(rs) / len(rs)


items = st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=16, unique=True)


@st.composite
def gold_and_prediction(draw):
    keys = draw(items)
    gold = {k: draw(st.sampled_from("XYZW")) for k in keys}
    predicted_keys = draw(st.lists(st.sampled_from(keys + ["q", "r"]), unique=True))
    predicted = {k: draw(st.sampled_from("12345")) for k in predicted_keys}
    return gold, predicted


@given(gold_and_prediction())
def test_matches_the_per_item_definition(case):
    gold, predicted = case
    result = bcubed(gold, predicted)
    p, r = naive(gold, predicted)
    # rounded to 4 places (a tie such as 0.40625 may round either way after float sums)
    assert abs(result["precision"] - p) <= 5e-5 + 1e-12 and abs(result["recall"] - r) <= 5e-5 + 1e-12
    assert 0.0 < result["precision"] <= 1.0 and 0.0 < result["recall"] <= 1.0
    assert min(result["precision"], result["recall"]) - 1e-4 <= result["f1"] <= max(result["precision"], result["recall"]) + 1e-4


@given(gold_and_prediction())
def test_swapping_gold_and_prediction_swaps_precision_and_recall(case):
    gold, predicted = case
    predicted = {k: predicted.get(k, f"own-{k}") for k in gold}  # same items on both sides
    forward, backward = bcubed(gold, predicted), bcubed(predicted, gold)
    assert abs(forward["precision"] - backward["recall"]) <= 1e-4  # equal up to the rounding
    assert abs(forward["recall"] - backward["precision"]) <= 1e-4


@given(gold_and_prediction())
def test_gold_against_itself_is_perfect(case):
    gold, _ = case
    assert prf(bcubed(gold, {k: f"renamed-{v}" for k, v in gold.items()})) == (1.0, 1.0, 1.0)


# The gold reader.

def write_lines(tmp_path, *lines: str):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_jsonl_keeps_records_and_skips_blank_lines(tmp_path):
    path = write_lines(
        tmp_path,
        json.dumps({"url": "http://x/1", "event": "e1", "text": "نص"}, ensure_ascii=False),
        "",
        json.dumps({"id": "abc", "url": "http://x/2", "event": "e2"}),
        json.dumps({"url": "http://x/1", "event": "e1"}),  # the same item again, same event: fine
    )
    records = read_gold_jsonl(path)
    assert len(records) == 3 and records[0]["text"] == "نص"
    assert gold_events(records) == {"http://x/1": "e1", "abc": "e2"}  # id wins over url


@pytest.mark.parametrize("line, message", [
    ('{"url": "http://x/1"}', "no gold event"),
    ('{"url": "http://x/1", "event": ""}', "no gold event"),
    ('{"event": "e1", "title": "t"}', "no item key"),
    ('["url", "event"]', "not an object"),
    ('{"url": "http://x/1", "event": "e1"', "invalid JSON"),
])
def test_read_gold_jsonl_names_the_line_and_the_problem(tmp_path, line, message):
    path = write_lines(tmp_path, json.dumps({"url": "http://x/0", "event": "e0"}), line)
    with pytest.raises(ValueError, match=rf"gold\.jsonl: line 2: .*{message}"):
        read_gold_jsonl(path)


def test_read_gold_jsonl_rejects_an_item_with_two_events(tmp_path):
    path = write_lines(tmp_path, json.dumps({"url": "http://x/1", "event": "e1"}),
                       json.dumps({"url": "http://x/1", "event": "e2"}))
    with pytest.raises(ValueError, match=r"line 2: http://x/1 is given two events: 'e1' \(line 1\)"):
        read_gold_jsonl(path)


def test_per_language_pair_scores_and_the_cross_language_pairs_joined():
    from akhbar.evaluate.linking import language_pairs

    # one event reported in en, fa and ar (a, b, c) and one in en and ru (d, e)
    gold = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    langs = {"a": "en", "b": "fa", "c": "ar", "d": "en", "e": "ru"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "3", "e": "3"}
    out = language_pairs(gold, predicted, langs)
    assert out["cross_language_pairs"] == 4  # a-b, a-c, b-c, d-e
    assert out["cross_language_joined"] == 0.5  # a-b and d-e
    assert out["by_language_pair"]["en-fa"]["cross_language_joined"] == 1.0
    assert out["by_language_pair"]["ar-en"]["cross_language_joined"] == 0.0
    assert out["by_language_pair"]["en-ru"]["f1"] == 1.0
    assert out["by_language_pair"]["ar-fa"]["recall"] == 0.5
