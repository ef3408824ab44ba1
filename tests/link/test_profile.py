"""Link profiles: what the linker compares, from one article."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from akhbar.link.profile import (NUM_PERM, SCHEME, _permutations, build_profile, minhash_of, minhash_values,
                                 shingle_hashes)
from akhbar.link.terms import content_terms, link_tables, stem, words
from akhbar.records import LinkProfile


def test_profile_of_a_sample_leaves_out_outlets_and_background_dates(seed_articles):
    article = seed_articles["000_5d9e425671e85465.txt"]
    p = build_profile(article)
    ids = {e for e, _, _ in p.entities}
    assert "person/vladimir-putin" in ids
    assert not any(e.startswith("outlet/") for e in ids)  # whom it cites is not what happened
    assert {5000.0, 7000.0} <= set(p.figures)
    assert not any(1900 <= f <= 2100 for f in p.figures)
    assert not any(d.startswith(("1991", "1993")) for d in p.reported_dates)
    assert p.lang == "fa" and p.words > 100
    assert len(p.minhash) == 4 * NUM_PERM


def test_an_entity_in_the_title_weighs_more(seed_articles):
    article = seed_articles["002_82b5bf6752724c81.txt"]
    weights = {e: w for e, w, _ in build_profile(article).entities}
    counts = {}
    for m in article.entities:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    titled = {m.entity_id for m in article.entities if m.in_title}
    assert titled
    e = next(iter(titled))
    assert weights[e] > 1.0 + np.log(counts[e]) - 1e-9


def test_profile_round_trips_through_a_dict(seed_articles):
    p = build_profile(seed_articles["001_6c5c1c1384cff0d9.txt"])
    assert LinkProfile.from_dict(p.as_dict()) == p


def test_the_signature_is_datasketchs_minhash():
    tokens = "the summit of the commonwealth of independent states ended in burabay on friday".split()
    ours = minhash_of(tokens)
    theirs = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda x: x, permutations=_permutations(NUM_PERM), scheme=SCHEME)
    theirs.update_batch(shingle_hashes(tokens).tolist())
    assert (ours.hashvalues == theirs.hashvalues).all()
    shifted = minhash_of(tokens[1:])
    assert 0.5 < ours.jaccard(shifted) < 1.0


@pytest.mark.parametrize("n", [0, 1, 3, 4, 5, 40, 3000])
def test_the_numpy_signature_equals_datasketchs_for_short_long_and_repetitive_texts(n):
    tokens = [("و", "في", "برلين", "x")[i % 4] if i % 3 else f"w{i % 97}" for i in range(n)]
    theirs = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda x: x, permutations=_permutations(NUM_PERM), scheme=SCHEME)
    theirs.update_batch(shingle_hashes(tokens).tolist())
    ours = minhash_values(tokens)
    assert ours.dtype == theirs.hashvalues.dtype and (ours == theirs.hashvalues).all()


def test_arabic_terms_lose_the_article_and_proclitics_but_not_a_first_letter():
    tables = link_tables()
    rule = tables.rule("ar")
    assert stem("والرييس", rule) == stem("الرييس", rule) == "رييس"
    assert stem("بوتين", rule).startswith("بوت")  # a name starting with ب keeps it
    assert stem("السودان", rule) == "سودان"


def test_persian_plural_and_russian_case_endings_meet():
    tables = link_tables()
    fa = content_terms(words("کشورهای کشور"), "fa", tables)
    assert list(fa) == ["كشور"] and fa["كشور"] == 2
    ru = content_terms(words("президента президентом"), "ru", tables)
    assert len(ru) == 1


def test_stopwords_and_bare_numbers_are_not_terms():
    terms = content_terms(words("the president said that 2015 was the year"), "en", link_tables())
    assert "the" not in terms and "2015" not in terms and "president" in terms
