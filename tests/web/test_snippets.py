"""Search hits found in the original text, whatever the spelling, and snippets around them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from akhbar.web.snippets import hit_spans, snippet, wanted_terms


def hits(text: str, lang: str, query: str) -> list[str]:
    return [text[s:e] for s, e in hit_spans(text, lang, wanted_terms(query))]


def test_persian_glued_word_matches_the_zwnj_query():
    text = "نشست مقامات بلندپایه سرویسهای امنیتی و ارگانهای انتظامی"
    assert hits(text, "fa", "سرویس‌های امنیتی") == ["سرویسهای", "امنیتی"]


def test_persian_yeh_and_kaf_fold_with_arabic_spelling():
    assert hits("رئیس جمهور روسیه", "fa", "رئيس") == ["رئیس"]


def test_arabic_hamza_and_proclitics():
    text = "مكافحة الإرهاب الدولي وللإرهاب أسباب"
    assert hits(text, "ar", "ارهاب") == ["الإرهاب", "وللإرهاب"]


def test_digits_of_every_system_and_punctuation_left_out():
    text = "اليوم الأربعاء 26 أكتوبر ٢٠٢٢. وفي 2022، قال"
    assert hits(text, "ar", "2022") == ["٢٠٢٢", "2022"]


def test_english_case():
    assert hits("Putin met TASS editors.", "en", "putin tass") == ["Putin", "TASS"]


def test_no_hit_gives_the_start_and_no_marks():
    out = str(snippet("one two three four", "en", wanted_terms("zebra")))
    assert out == "one two three four"


def test_snippet_is_cut_around_the_first_hit_and_escaped():
    text = ("<b>x</b> " * 60) + "the needle is here " + ("tail " * 80)
    out = str(snippet(text, "en", wanted_terms("needle"), width=120))
    assert out.startswith("… ") and out.endswith(" …")
    assert '<span class="m m-hit">needle</span>' in out
    assert "<b>" not in out and "&lt;b&gt;" in out


@given(st.text(alphabet=st.sampled_from(list("ab پوتینبوتين12٢\u200c\n<&")), max_size=60),
       st.sampled_from(["fa", "ar", "en", None]), st.sampled_from(["a", "پوتین", "بوتين", "12", "ab b"]))
def test_hits_are_inside_the_text_and_on_word_characters(text, lang, query):  # noqa: ANN001
    for s, e in hit_spans(text, lang, wanted_terms(query)):
        assert 0 <= s < e <= len(text)
        assert re.match(r"\w", text[s]) and re.match(r"[\w\u064b-\u065f]", text[e - 1])
