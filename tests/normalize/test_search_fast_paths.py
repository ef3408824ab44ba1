"""The fast paths of search folding give what the plain definitions give.

- :func:`fold_terms` (one translate + split) = the runs of letters and digits of
  :func:`fold_text` (what ``_TERM.findall`` finds), for every character and any text.
- The stem terms of an Arabic document, found by regexes over its distinct terms, = the
  :func:`_stem_terms` of each distinct term (as a multiset; their order is invisible to FTS5).
- :func:`fold_for_index` (the compact shadow) with ``S AND ـ`` alternatives finds the same
  documents through SQLite FTS5 as :func:`fold_for_search` with the plain alternatives.
- :func:`offsets.span_map` = ``array("i", range(start, end))``.
"""

from __future__ import annotations

import sqlite3
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.normalize import normalize
from akhbar.normalize import offsets
from akhbar.normalize.search import (
    _TERM,
    STEM_MARK,
    _stem_terms,
    bare_stem,
    fold_for_index,
    fold_for_search,
    fold_terms,
    fold_text,
    query_terms,
)

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئءٱپچژگکیۀ\u064b\u064e\u0650\u0651\u0652\u0640\u0670"
    "0123456789۰۱۲۳٠١٢٣ \u00a0\t\n\u200c\u200d\u200f\ufeff"
    "abcXYZßéñe\u0301ийЁЖж\u0306ΣσςİI.,;:!?()«»\"'_-–/%\ufefb\ufe8e\ufdf2\uac00\U0001d400\U0001f600"
)


def reference_terms(text: str) -> list[str]:
    return _TERM.findall(fold_text(text))


def test_fold_terms_every_character():
    bad = []
    for cp in range(0x10000):
        for text in ("x" + chr(cp) + "y", "и" + chr(cp) + "й"):
            if fold_terms(text) != reference_terms(text):
                bad.append(hex(cp))
                break
    assert not bad, bad[:20]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80) | st.text(max_size=40))
def test_fold_terms_is_the_plain_definition(text):
    assert fold_terms(text) == reference_terms(text)


ARABIC_WORDS = ["الإرهاب", "والإرهاب", "للإرهاب", "إرهاب", "وزير", "بالمدينة", "فالقوات", "كالعادة",
                "وبالتالي", "2015", "و2015", "apple", "وapple", "في", "من", "ولل", "قال", "والسلام"]


def reference_document(text: str) -> list[str]:
    terms = reference_terms(text)
    return terms + [s for t in dict.fromkeys(terms) for s in _stem_terms(t)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ARABIC_WORDS + [" ", "،", ".", "\n"]), max_size=30).map(" ".join))
def test_arabic_stem_terms_are_those_of_each_word(text):
    norm = normalize(text, "ar").text
    got = fold_for_search(norm, "ar", normalized=True).split()
    want = reference_document(norm)
    running = len(reference_terms(norm))
    assert got[:running] == want[:running]  # the running text, in order
    assert sorted(got) == sorted(want)  # then the same stem terms


DOCS = {
    "ar_bare": ("إرهاب في المنطقة ووزير", "ar"),
    "ar_def": ("مكافحة الإرهاب والإرهابيين", "ar"),
    "ar_lil": ("دعم للإرهاب", "ar"),
    "ar_year": ("في عام 2015 قال وزير", "ar"),
    "ar_glued_year": ("و2015 كان عاما", "ar"),
    "ar_latin": ("شركة وapple", "ar"),
    "fa_under": ("زیر فشار تحریم ها و ارهاب", "fa"),
    "fa_minister": ("وزیر امور خارجه", "fa"),
    "en": ("Putin's summit", "en"),
}
QUERIES = ["الإرهاب", "ارهاب", "إرهاب", "والإرهاب", "للإرهاب", "بالإرهاب", "وزیر", "وزير", "زیر",
           "ووزير", "2015", "و2015", "apple", "وapple", "المنطقة", "منطقة", "والمنطقة", "Putin", "عاما", "والعام"]


def _db(fold) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    if not any("ENABLE_FTS5" in r[0] for r in con.execute("PRAGMA compile_options")):
        pytest.skip("this sqlite3 has no FTS5")
    con.execute('CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, body, tokenize = "ascii")')
    for key, (text, lang) in DOCS.items():
        con.execute("INSERT INTO t VALUES (?, ?)", (key, fold(text, lang)))
    return con


def _search(con, query: str, with_bare: bool) -> set[str]:
    groups = []
    for alts in query_terms(query):
        quoted = [f'"{t}"' for t in dict.fromkeys(alts)]
        if with_bare:
            quoted += [f'("{s}" AND "{STEM_MARK}")' for s in map(bare_stem, dict.fromkeys(alts)) if s]
        groups.append("(" + " OR ".join(quoted) + ")")
    return {r[0] for r in con.execute("SELECT id FROM t WHERE t MATCH ?", (" AND ".join(groups),))}


def test_compact_index_finds_the_same_documents():
    full, compact = _db(fold_for_search), _db(fold_for_index)
    for query in QUERIES:
        assert _search(compact, query, True) == _search(full, query, False), query
    # and the cases that make the marker necessary
    assert "ar_bare" in _search(compact, "الإرهاب", True)
    assert "fa_under" not in _search(compact, "وزیر", True)


def test_compact_index_is_smaller():
    text = "قال وزير الخارجية إن الإرهاب والتطرف في المنطقة يهددان السلام"
    assert len(fold_for_index(text, "ar").split()) < len(fold_for_search(text, "ar").split())
    assert fold_for_index("زیر فشار", "fa") == fold_for_search("زیر فشار", "fa")


@pytest.mark.parametrize("start,end", [(0, 0), (0, 5), (7, 300), (65530, 65540), (100, 1 << 17)])
def test_span_map(start, end):
    assert offsets.span_map(start, end) == array("i", range(start, end))
    assert offsets.identity(end - start, start) == array("i", range(start, end + 1))
