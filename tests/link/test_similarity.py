"""Features, the link model and document frequencies."""

from __future__ import annotations

import json

import pytest

from akhbar.link.fit import fit_logistic
from akhbar.link.frequencies import Frequencies
from akhbar.link.similarity import FEATURES, Cluster, LinkModel, features, pair_similarity, shipped_model
from akhbar.records import LinkProfile


def profile(article: str, lang: str = "ar", date: str | None = "2015-07-21", entities=(), figures=(), terms=()):
    return LinkProfile(article=article, lang=lang, date=date, published=date, publisher=None, title=article,
                       entities=tuple((e, 1.0, e) for e in entities), figures=tuple(figures),
                       terms=tuple((t, 1) for t in terms), words=50)


def test_a_person_weighs_more_than_a_country_in_a_small_archive():
    freq = Frequencies()
    assert freq.entity_idf("person/x") > freq.entity_idf("country/RU")
    for _ in range(100):
        freq.add("en", ["person/x"], [])
    assert freq.entity_idf("person/x") < freq.entity_idf("country/RU")  # the archive's counts take over


def test_frequencies_round_trip_through_their_stored_form_and_add_up():
    freq = Frequencies()
    freq.add("ar", ["country/SA", "person/x"], ["ملك", "قمه"], [5000.0])
    freq.add("fa", ["country/SA"], ["ملك"])
    again = Frequencies.from_dict(json.loads(json.dumps(freq.as_dict())))
    assert (again.articles, again.entities, again.terms, again.figures) == \
        (freq.articles, freq.entities, freq.terms, freq.figures)
    again.update(freq)
    again.update(freq, -1)
    assert (again.articles, again.entities, again.terms, again.figures) == \
        (freq.articles, freq.entities, freq.terms, freq.figures)


def test_features_of_an_article_against_itself():
    p = profile("a", entities=["person/x", "country/SA"], figures=[5000.0], terms=["قمه", "ملك"])
    f = features(p, Cluster.of(p), Frequencies())
    assert f["entities"] == pytest.approx(1.0) and f["lexical"] == pytest.approx(1.0)
    assert f["figures"] > 0 and f["date"] == 1.0 and f["undated"] == 0.0 and f["cross_lingual"] == 0.0
    assert set(f) == set(FEATURES)


def test_date_proximity_decays_and_undated_is_its_own_case():
    a = profile("a", date="2015-07-21", entities=["person/x"])
    near = features(a, Cluster.of(profile("b", date="2015-07-22", entities=["person/x"])), Frequencies())
    far = features(a, Cluster.of(profile("c", date="2015-08-21", entities=["person/x"])), Frequencies())
    undated = features(profile("d", date=None, entities=["person/x"]), Cluster.of(a), Frequencies())
    assert near["date"] > far["date"] and undated["undated"] == 1.0 and undated["date"] == 0.0


def test_other_languages_share_no_words_but_share_entities():
    a = profile("a", lang="fa", entities=["person/x"], terms=["نشست"])
    b = profile("b", lang="ar", entities=["person/x"], terms=["قمه"])
    f = features(a, Cluster.of(b), Frequencies())
    assert f["cross_lingual"] == 1.0 and f["lexical"] == 0.0 and f["entities"] > 0.9


def test_pair_similarity_is_symmetric_and_orders_pairs():
    freq = Frequencies()
    a = profile("a", entities=["person/x", "place/y"], figures=[5000.0], terms=["قمه", "ملك", "زياره"])
    b = profile("b", entities=["person/x", "place/y"], figures=[5000.0], terms=["قمه", "ملك", "زياره"])
    c = profile("c", entities=["country/US"], terms=["مباراه", "كره"])
    assert pair_similarity(a, b, freq) == pair_similarity(b, a, freq)
    assert pair_similarity(a, b, freq) > pair_similarity(a, c, freq)


def test_the_model_checks_its_options():
    with pytest.raises(ValueError, match="unknown feature"):
        LinkModel(bias=0.0, weights={"colour": 1.0})
    with pytest.raises(ValueError, match="threshold"):
        LinkModel(bias=0.0, weights={}, threshold=1.5)
    m = shipped_model()
    assert LinkModel.from_dict(m.as_dict()) == m and m.about


def test_fitting_recovers_the_direction_and_keeps_resemblance_weights_nonnegative():
    rows, labels = [], []
    for i in range(200):
        lex = (i % 10) / 10
        rows.append({"lexical": lex, "entities": ((i * 7) % 10) / 10})
        labels.append(int(lex > 0.5))
    bias, weights = fit_logistic(rows, labels)
    assert weights["lexical"] > 1.0 and bias < 0
    assert all(weights[f] >= 0 for f in ("entities", "figures", "date", "rare_entity"))


def test_norms_kept_up_by_each_article_stay_close_to_a_full_refresh_and_equal_it_at_refresh_points():
    from akhbar.link.similarity import NORM_REFRESH

    freq = Frequencies()
    for i in range(2000):  # an archive: its weights drift little with each article
        freq.add("ar", [f"person/other{i % 50}", "country/SA"], [f"w{i % 40}", f"x{i % 300}"])
    kept = Cluster()
    words = [f"w{i}" for i in range(30)]
    for i in range(3 * NORM_REFRESH + 3):
        p = profile(f"a{i}", entities=[f"person/{i % 4}", "country/SA"], terms=words[i % 7 : i % 7 + 9])
        freq.add_profile(p)
        kept.add_with_norms(p, freq)
        full = Cluster.of(p) if i == 0 else full
        if i:
            full.add(p)
        full.refresh_norms(freq)
        for key, value in full.norms.items():
            if kept.size <= NORM_REFRESH or kept.size % max(NORM_REFRESH, (kept.size - 1) // NORM_REFRESH) == 0:
                assert kept.norms[key] == pytest.approx(value, rel=1e-12)
            else:  # in between, the weights of the keys this article did not name are old ones
                # (the most for new names, whose counts grow fastest: measured 2% at most here)
                assert kept.norms[key] == pytest.approx(value, rel=0.05)
