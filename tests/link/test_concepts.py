"""News concepts: words of any language keyed as linking keys them, compared across languages."""

from __future__ import annotations

import pytest

from akhbar.link.concepts import ConceptTable, concept_table, parse_concepts
from akhbar.link.frequencies import CONCEPTS, Frequencies
from akhbar.link.similarity import LANGUAGE_FREE, Cluster, LinkModel, features
from akhbar.link.terms import content_terms, link_tables, words
from akhbar.normalize.search import fold_text
from akhbar.records import LinkProfile


def keyed(text: str, lang: str) -> list[tuple[str, int]]:
    return list(content_terms(words(fold_text(text)), lang, link_tables()).items())


def test_words_are_keyed_as_article_words_are():
    table = ConceptTable({"ar": parse_concepts("explosion\tانفجار تفجير\nsummit\tقمة\n", "ar", link_tables())})
    # the article and the proclitic, the feminine ending, the plural: all reach the listed word
    got = table.concepts(keyed("وقع الانفجار بعد التفجيرات في القمة", "ar"), "ar")
    assert got == {"explosion": 2, "summit": 1}
    assert table.concepts(keyed("وقع الانفجار", "ar"), "fa") == {}  # no table for the language: no concepts


def test_a_word_keyed_to_two_concepts_is_a_data_error_naming_both():
    with pytest.raises(ValueError, match="already the key of 'explosion'"):
        parse_concepts("explosion\tblast\nwind\tblasts\n", "en", link_tables())
    with pytest.raises(ValueError, match="line 2"):
        parse_concepts("explosion\tblast\nbroken line\n", "en", link_tables())


def test_shipped_tables_cover_the_four_analysed_languages_with_one_set_of_concepts():
    table = concept_table()
    assert {"fa", "ar", "ru", "en"} <= set(table.by_lang)
    ids = {lang: set(keys.values()) for lang, keys in table.by_lang.items()}
    assert ids["fa"] == ids["ar"] == ids["ru"] == ids["en"] and len(ids["en"]) >= 250


@pytest.mark.parametrize("lang,text", [
    ("fa", "در این انفجار دست کم ده نفر کشته شدند"),
    ("ar", "قتل عشرة أشخاص على الأقل في الانفجار"),
    ("ru", "В результате взрыва погибли по меньшей мере десять человек"),
    ("en", "At least ten people were killed in the explosion"),
])
def test_one_happening_gives_the_same_concepts_in_each_language(lang, text):
    got = concept_table().concepts(keyed(text, lang), lang)
    assert {"explosion", "killed"} <= set(got), got


def profile(article, lang, concepts, entities=("person/x",)):
    return LinkProfile(article=article, lang=lang, date=None, published=None, publisher=None,
                       entities=tuple((e, 1.0, e) for e in entities), concepts=tuple((c, 1) for c in concepts))


def test_concepts_are_a_feature_across_languages_and_counted_as_their_own_vocabulary():
    freq = Frequencies()
    a, b = profile("a", "fa", ["explosion", "killed"]), profile("b", "ar", ["explosion", "killed"])
    c = profile("c", "ar", ["election"])
    for p in (a, b, c):
        freq.add_profile(p)
    assert freq.terms[CONCEPTS] == {"explosion": 2, "killed": 2, "election": 1}
    same, other = features(a, Cluster.of(b), freq), features(a, Cluster.of(c), freq)
    assert same["concepts"] == pytest.approx(1.0) and other["concepts"] == 0.0
    assert same["cross_lingual"] == 1.0 and same["lexical"] == 0.0


def test_a_pair_in_two_languages_is_scored_by_the_cross_language_model():
    model = LinkModel(bias=-5.0, weights={"lexical": 10.0, "entities": 1.0},
                      cross_language={"bias": -2.0, "weights": {"entities": 4.0}})
    across = {"entities": 1.0, "lexical": 0.0, "cross_lingual": 1.0}
    within = {"entities": 1.0, "lexical": 0.0, "cross_lingual": 0.0}
    assert model.score(across) > 0.8 > 0.1 > model.score(within)
    assert model.weights_for(across)[1] == {"entities": 4.0}
    assert LinkModel.from_dict(model.as_dict()) == model
    with pytest.raises(ValueError, match="lexical"):
        LinkModel(bias=0.0, weights={}, cross_language={"bias": 0.0, "weights": {"lexical": 1.0}})
    assert "lexical" not in LANGUAGE_FREE and "cross_lingual" not in LANGUAGE_FREE
