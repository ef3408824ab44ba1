"""Properties of the entity recogniser on arbitrary text: offsets always point at the mention's
text in the original, mentions are sorted and never overlap, nothing raises."""

from __future__ import annotations

from _entities_helpers import article, check_invariants, context
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analyze.entities import analyze_entities

# Words that the recogniser reacts to (names, proclitic forms, titles, adjectives, cues), mixed
# with noise, so that random texts reach every pass.
WORDS = {
    "fa": ["پوتین", "روسیه", "رئیس", "جمهور", "وزیر", "امور", "خارجه", "سرگئی", "تستوف", "به", "گزارش",
           "مشرق", "فارس", "منبع:", "«", "»", "آستانه", "پایتخت", "ها", "\u200c", "ای", "و", "ترکیه", "2015"],
    "ar": ["بوتين", "وبوتين", "لروسيا", "بالعراق", "للعراق", "الرئيس", "الروسي", "وزير", "الخارجية", "محمد",
           "بن", "عبد", "الله", "قال", "السيد", "القاعدة", "تنظيم", "و", "،", "المصدر:", "تاس", "(", ")"],
    "ru": ["Путина", "России", "президент", "министр", "иностранных", "дел", "Сергей", "Тестов", "Москве",
           "сообщает", "ТАСС", ",", ".", "и", "Российской", "Федерации"],
    "en": ["Putin", "Russian", "President", "Foreign", "Minister", "John", "Testwood", "of", "the", "Russia",
           "'s", "U.S.", "according", "to", "Reuters", ",", ".", "and", "Mr", "bin"],
}

texts = st.sampled_from(sorted(WORDS)).flatmap(
    lambda lang: st.tuples(
        st.just(lang),
        st.lists(st.one_of(st.sampled_from(WORDS[lang]), st.text(min_size=1, max_size=4)), max_size=30)
        .map(lambda ws: " ".join(ws)),
        st.sampled_from([None, "2010-06-01", "2015-06-01"]),
    )
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_sorted_and_disjoint_on_any_text(case):
    lang, text, published = case
    art = analyze_entities(article(text, lang, published), context())
    check_invariants(art)
    for m in art.entities:
        assert m.type in ("person", "organization", "country", "place", "outlet", "other")
        assert m.how in ("name", "role", "discovered", "pronoun")
        assert m.entity_id.startswith((m.type + "/", "new/" + m.type + "/"))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_analysis_is_deterministic(case):
    lang, text, published = case
    first = analyze_entities(article(text, lang, published), context()).entities
    again = analyze_entities(article(text, lang, published), context()).entities
    assert first == again
