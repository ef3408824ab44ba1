"""Figures: hedges, counted nouns, states, and how two figures relate (no pipeline)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.check.figures import (Figure, hedge_of, is_vague, judge, kinship, make_figure, noun_keys, relate,
                                  state_of, sums_to)


def fig(text: str, whole: str | None = None, *, lang="en", value=None, low=None, high=None, unit=None,
        counted=None, where="body", entities=frozenset()) -> Figure | None:
    whole = whole if whole is not None else text
    start = whole.index(text)
    q = SimpleNamespace(start=start, end=start + len(text), text=text, value=value, low=low, high=high,
                        unit=unit, counted=counted)
    return make_figure(q, "a", whole, lang, where, frozenset(entities), None, None)


@pytest.mark.parametrize("lang, before, kind", [
    ("en", "at least ", "min"), ("en", "more than ", "over"), ("en", "up to ", "max"), ("en", "about ", "about"),
    ("en", "nearly ", "nearly"),
    ("ar", "أكثر من ", "over"), ("ar", "نحو ", "about"), ("ar", "ما لا يقل عن ", "min"), ("ar", "لا تتجاوز ", "max"),
    ("ar", "إصابة فتاة و", "part"),
    ("fa", "دست‌کم ", "min"), ("fa", "دست کم ", "min"), ("fa", "بیش از ", "over"), ("fa", "حدود ", "about"),
    ("ru", "более ", "over"), ("ru", "не менее ", "min"), ("ru", "около ", "about"), ("ru", "почти ", "nearly"),
])
def test_hedges_before_the_number(lang, before, kind):
    whole = before + "30 X"
    assert hedge_of(whole, len(before), len(before) + 2, lang, "30") == kind


@pytest.mark.parametrize("lang, after, kind", [
    ("ar", " على الأقل", "min"), ("ar", " آخرين", "part"), ("en", " or more", "min"), ("ru", " и более", "min"),
    ("fa", " به بالا", "min"),
])
def test_hedges_after_the_number(lang, after, kind):
    whole = "30 X" + after
    assert hedge_of(whole, 0, 4, lang, "30 X") == kind


def test_no_hedge_inside_a_word():
    assert hedge_of("aboutX 30 people", 7, 9, "en", "30") is None
    assert hedge_of("the 30 people", 4, 6, "en", "30") is None


@pytest.mark.parametrize("lang, noun, concept", [
    ("ar", "شخصا", "person"), ("ar", "أشخاص", "person"), ("ar", "قتيلا", "dead"), ("ar", "الإرهابيين", "terrorist"),
    ("ar", "وثيقة", "document"), ("fa", "نفر", "person"), ("fa", "کشته", "dead"), ("ru", "человек", "person"),
    ("ru", "погибших", "dead"), ("en", "people", "person"), ("en", "fighters", "fighter"), ("ar", "سنوات", "-"),
])
def test_counted_concepts(lang, noun, concept):
    assert noun_keys(noun, lang)[0] == concept


def test_nouns_outside_the_table_compare_by_stem_within_a_language():
    assert noun_keys("متطرفين", "ar") == (None, noun_keys("متطرفون", "ar")[1])
    assert noun_keys("metros", "en")[1] == noun_keys("metro", "en")[1]


@pytest.mark.parametrize("lang, text, start_word, concept", [
    ("en", "killing 12 people", "12 people", "dead"), ("en", "12 people were killed", "12 people", "dead"),
    ("ar", "أسفر عن مقتل 27 شخصا", "27 شخصا", "dead"), ("ar", "وإصابة 100 شخص", "100 شخص", "injured"),
    ("fa", "۱۲ نفر کشته و ۳۰ نفر زخمی شدند", "۳۰ نفر", "injured"), ("fa", "۱۲ نفر کشته شدند", "۱۲ نفر", "dead"),
    ("ru", "погибли 20 человек", "20 человек", "dead"), ("ru", "задержали 300 человек", "300 человек", "arrested"),
])
def test_states_narrow_a_count_of_people(lang, text, start_word, concept):
    f = fig(start_word, text, lang=lang, value=1.0, counted=start_word.split()[-1])
    assert f.concept == concept


def test_state_of_needs_the_word_next_to_the_figure():
    text = "Police killed a man; 12 people gathered"
    s = text.index("12 people")
    assert state_of(text, s, s + 9, "en") is None


def test_vague_plurals():
    assert is_vague(20, 99, "dozens of")
    assert is_vague(200, 999, "مئات")
    assert not is_vague(20, 99, "20 to 99")
    assert not is_vague(5000, 7000, "پنج تا هفت هزار")


def test_skipped_figures():
    assert fig("51", "الـ 51", lang="ar", value=51.0, unit="ordinal") is None
    assert fig("8220", "&#8220;", lang="ar", value=8220.0) is None
    assert fig("4 مليون", "1,4 مليون", lang="ar", value=4e6) is None
    assert fig("5 سنوات", lang="ar", value=5.0, counted="سنوات") is None


def test_round_word_figure_is_about():
    f = fig("مليار يورو", lang="ar", value=1e9, unit="EUR")
    assert f.hedge == "about"
    g = fig("1.1 مليار يورو", lang="ar", value=1.1e9, unit="EUR")
    assert relate(f, g) == "agree"


def test_relations():
    seven = fig("7000", value=7000.0)
    rng = fig("5000-7000", low=5000.0, high=7000.0)
    six = fig("6000", value=6000.0)
    assert relate(seven, rng) == "overstatement"
    assert relate(rng, seven) == "overstatement"
    assert relate(six, rng) == "narrowing"
    assert relate(fig("4000", value=4000.0), rng) == "contradiction"
    assert relate(fig("7100", value=7100.0), seven) == "agree"  # rounding
    assert relate(fig("5500-6500", low=5500.0, high=6500.0), rng) == "narrowing"
    assert relate(fig("7500", "at least 7500", value=7500.0), seven) == "contradiction"
    assert relate(fig("6500", "more than 6500", value=6500.0), seven) == "agree"


def test_kinship():
    person = fig("30 people", value=30.0, counted="people")
    dead = fig("27 killed", value=27.0, counted="killed")
    usd = fig("$5", value=5.0, unit="USD")
    assert kinship(person, dead) == "related"
    assert kinship(person, person) == "same"
    assert kinship(usd, fig("$7", value=7.0, unit="USD")) == "same"
    assert kinship(usd, person) == "different"
    assert kinship(fig("5", value=5.0), fig("6", value=6.0)) == "bare"


def test_judge_prefers_agreement_and_needs_one_clear_candidate():
    title = fig("40 people", value=40.0, counted="people", where="title")
    body25 = fig("25 people", value=25.0, counted="people")
    body40 = fig("40 residents", value=40.0, counted="residents")
    assert judge(title, [body25]) == (body25, "contradiction")
    assert judge(title, [body25, body40]) is None  # the body gives 40 as well
    assert judge(title, [body25, fig("15 people", value=15.0, counted="people")]) is None  # 25 + 15
    assert judge(title, [fig("300 people", value=300.0, counted="people")]) is None  # too far apart


def test_sums_to():
    t = fig("17", value=17.0)
    assert sums_to(t, [fig("15", value=15.0), fig("2", value=2.0)])
    assert sums_to(t, [fig("10", value=10.0), fig("4", value=4.0), fig("3", value=3.0)])
    assert not sums_to(t, [fig("15", value=15.0), fig("3", value=3.0)])


values = st.floats(min_value=1, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(values)
def test_a_figure_agrees_with_itself(v):
    a = fig("x", value=v)
    assert relate(a, a) == "agree"


@given(values, values)
def test_relate_is_symmetric(x, y):
    a, b = fig("x", value=x), fig("y", value=y)
    assert relate(a, b) == relate(b, a)
    lo, hi = sorted((x, y))
    r = fig("r", low=lo, high=hi)
    assert relate(a, r) == relate(r, a)


@given(values, st.floats(min_value=1.2, max_value=10), st.floats(min_value=0.0, max_value=1.0))
def test_a_figure_inside_a_range_is_never_a_contradiction(low, width, where):
    high = low * width
    v = low + (high - low) * where
    assert relate(fig("v", value=v), fig("r", low=low, high=high)) in ("overstatement", "narrowing", "agree")


@given(values, st.floats(min_value=1.2, max_value=10))
def test_a_figure_outside_a_range_is_a_contradiction(low, width):
    high = low * width
    assert relate(fig("v", value=high * 1.5), fig("r", low=low, high=high)) == "contradiction"
