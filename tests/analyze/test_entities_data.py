"""The entity tables load, are well formed, and agree with the knowledge base."""

from __future__ import annotations

import pytest
from _entities_helpers import context
from hypothesis import given
from hypothesis import strategies as st

from akhbar.analyze import tables
from akhbar.analyze.gazetteer import _nationality_forms
from akhbar.normalize import normalize
from akhbar.analyze.tokens import Words
from akhbar.analyze.variants import blocking_suffixes, persian_class, ru_inflections, word_forms

LANGS = ("fa", "ar", "ru", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_tables_load(lang):
    assert tables.cues(lang)[("outlet", "before")]
    assert tables.nationalities(lang)
    assert tables.stopwords(lang)
    parts = tables.name_parts(lang)
    assert parts.particles


@pytest.mark.parametrize("lang", LANGS)
def test_nationalities_name_countries_of_the_base(lang):
    kb = context().kb
    for country, adjective in tables.nationalities(lang):
        assert country in kb, (lang, country, adjective)


@pytest.mark.parametrize("lang", LANGS)
def test_no_nationality_adjective_is_also_a_country_name(lang):
    """A form that is both is read as the country (names win over adjectives): it must at least
    be the same country ("السعودية" is Saudi Arabia and the feminine "Saudi")."""
    kb = context().kb
    names = {normalize(n, lang).text: eid for n, eid in kb.names(lang) if eid.startswith("country/")}
    clash = [(a, c) for a, c in _nationality_forms(lang) if names.get(normalize(a, lang).text, c) != c]
    assert not clash


def test_arabic_proclitics():
    p = tables.proclitics("ar")
    assert {"و", "ب"} <= set(p.plain) and "ل" in p.lam and p.article == "ال"
    assert "لل" in p.definite() and "بال" in p.definite()
    assert tables.proclitics("ru").plain == ()


def test_arabic_word_forms():
    forms = word_forms("العراق", "ar", first=True, last=True)
    assert forms["العراق"] == (0, 0)
    assert forms["بالعراق"] == (1, 0)
    assert forms["للعراق"] == (1, 0)
    assert forms["وللعراق"] == (2, 0)
    assert word_forms("روسيا", "ar", first=True, last=True)["لروسيا"] == (1, 0)
    assert word_forms("روسيا", "ar", first=False, last=True) == {"روسيا": (0, 0)}


def test_persian_suffixes():
    assert persian_class("روسیه") == "heh" and persian_class("آمریکا") == "vowel"
    assert persian_class("پوتین") == "consonant" and persian_class("مولداوی") == "yeh"
    forms = word_forms("همسود", "fa", first=True, last=True)
    assert forms["همسودها"] == (0, 2)
    assert "ای" in blocking_suffixes("ترکیه")
    assert "ها" not in blocking_suffixes("ترکیه")


def test_russian_inflections():
    assert {"Путина", "Путину", "Путиным", "Путине"} <= ru_inflections("Путин")
    assert {"России", "Россию", "Россией"} <= ru_inflections("Россия")
    assert {"Москвы", "Москве", "Москву", "Москвой"} <= ru_inflections("Москва")
    assert {"Сергея", "Сергею", "Сергеем"} <= ru_inflections("Сергей")
    assert {"российского", "российской", "российскую"} <= ru_inflections("российский", adjective=True)
    assert ru_inflections("США") == set() and ru_inflections("Токио") == set()


@given(st.text(alphabet=st.sampled_from(list("ab ,.\u200c-«»روسيا\n")), max_size=60), st.data())
def test_word_offsets_with_and_without_an_anchor(text, data):
    words = Words(text)
    assert "".join(words.parts) == text
    for k in range(len(words)):
        assert text[words.start(k):words.end(k)] == words.words[k]
        k0 = data.draw(st.integers(0, len(words) - 1))
        assert words.start(k, (k0, words.start(k0))) == words.start(k)
