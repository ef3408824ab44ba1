"""The shipped news-concept lists (``data/link/concepts_<lang>.tsv``): well formed, one set of
concepts in the four languages, each word keyed to one concept only, and enough coverage of real
news to be worth comparing across languages.

Run as a script to print the coverage measurements and the most frequent concepts:
``python tests/link/test_concepts_data.py`` (needs the shared data sets, see ``shared_dir``).
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
import zipfile
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pytest

from akhbar.link.concepts import concept_table
from akhbar.link.terms import content_terms, link_tables, stem, words
from akhbar.normalize.search import fold_text

LANGS = ("fa", "ar", "ru", "en")
MIN_CONCEPTS = 250
COVERAGE_FLOOR = 0.8  # share of articles with at least two concepts
CONCEPT_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
ZWNJ = "\u200c"
ARABIC_ONLY = re.compile("[\u064a\u0643\u0629\u0649]")  # ي ك ة ى: Persian writes ی ک ه
PERSIAN_ONLY = re.compile(f"[\u06cc\u06a9\u067e\u0686\u0698\u06af{ZWNJ}]")  # ی ک پ چ ژ گ, ZWNJ


@lru_cache(maxsize=None)
def listed(lang: str) -> dict[str, list[str]]:
    """``concept -> words`` of one shipped file, parsed strictly (one tab, no repeated id)."""
    text = resources.files("akhbar").joinpath("data", "link", f"concepts_{lang}.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        assert line.count("\t") == 1, f"concepts_{lang}.tsv line {n}: expected one tab: {line[:60]!r}"
        concept, listed_words = line.split("\t")
        assert CONCEPT_ID.fullmatch(concept), f"concepts_{lang}.tsv line {n}: bad concept id {concept!r}"
        assert concept not in out, f"concepts_{lang}.tsv line {n}: {concept!r} listed twice"
        out[concept] = listed_words.split()
    return out


def key(word: str, lang: str) -> str:
    return stem(fold_text(word), link_tables().rule(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_parses_with_no_empty_concept(lang):
    concepts = listed(lang)
    assert concepts
    empty = [c for c, ws in concepts.items() if not ws]
    assert not empty, f"{lang}: concepts with no words: {empty}"
    repeated = [(c, w) for c, ws in concepts.items() for w, n in Counter(ws).items() if n > 1]
    assert not repeated, f"{lang}: words listed twice in one concept: {repeated}"


def test_the_four_languages_share_one_set_of_concepts():
    ids = {lang: set(listed(lang)) for lang in LANGS}
    for lang in LANGS:
        assert ids[lang] == ids["en"], (f"{lang} vs en: only in {lang}: {sorted(ids[lang] - ids['en'])}, "
                                        f"only in en: {sorted(ids['en'] - ids[lang])}")
    assert len(ids["en"]) >= MIN_CONCEPTS
    # the loader used by linking reads the same concepts in every language
    table = concept_table()
    for lang in LANGS:
        assert set(table.by_lang[lang].values()) == ids["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_key_belongs_to_two_concepts(lang):
    owner: dict[str, tuple[str, str]] = {}
    collisions = []
    for concept, ws in listed(lang).items():
        for w in ws:
            k = key(w, lang)
            first = owner.setdefault(k, (concept, w))
            if first[0] != concept:
                collisions.append(f"{w!r} ({concept}) and {first[1]!r} ({first[0]}) both key to {k!r}")
    assert not collisions, f"{lang}: " + "; ".join(collisions)


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_is_one_matchable_word_and_no_stopword(lang):
    rule = link_tables().rule(lang)
    stop = link_tables().stopwords[lang]
    for concept, ws in listed(lang).items():
        for w in ws:
            folded = fold_text(w)
            assert words(w) == [folded], f"{lang} {concept}: {w!r} is not one word once folded"
            assert folded not in stop, f"{lang} {concept}: {w!r} is a stopword, linking never sees it"
            assert len(folded) >= rule.min_len and not folded.isdigit(), \
                f"{lang} {concept}: {w!r} is too short to be a linking term"


@pytest.mark.parametrize("lang", LANGS)
def test_words_are_in_the_orthography_of_their_language(lang):
    for concept, ws in listed(lang).items():
        for w in ws:
            assert not any(unicodedata.category(ch) == "Mn" for ch in w), f"{lang} {concept}: diacritics in {w!r}"
            if lang == "fa":
                assert not ARABIC_ONLY.search(w), f"fa {concept}: Arabic letter in {w!r} (write ی ک)"
                assert not w.startswith(ZWNJ) and not w.endswith(ZWNJ), f"fa {concept}: stray ZWNJ in {w!r}"
            elif lang == "ar":
                assert not PERSIAN_ONLY.search(w), f"ar {concept}: Persian letter or ZWNJ in {w!r}"
            elif lang == "ru":
                assert re.fullmatch("[а-яё]+", w), f"ru {concept}: {w!r} is not a lowercase Russian word"
            else:
                assert re.fullmatch("[a-z0-9]+", w), f"en {concept}: {w!r} is not a lowercase English word"


def concepts_of(text: str, lang: str) -> Counter[str]:
    """The concepts of a text as linking finds them: folded words, content terms, concept keys."""
    tables = link_tables()
    return concept_table().concepts(content_terms(words(fold_text(text)), lang, tables).items(), lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "A magnitude 6.1 earthquake struck the region; rescuers pulled survivors from collapsed houses.",
     {"earthquake", "rescue", "collapse"}),
    ("ru", "Землетрясение магнитудой 6,1 произошло в регионе; спасатели извлекли выживших из обрушившихся домов.",
     {"earthquake", "rescue", "collapse"}),
    ("ar", "ضرب زلزال بقوة 6.1 درجات المنطقة وعملت فرق الإنقاذ على انتشال ناجين من المنازل بعد انهيار عدد منها.",
     {"earthquake", "rescue", "collapse"}),
    ("fa", "زلزله‌ای به بزرگی ۶٫۱ ریشتر منطقه را لرزاند و امدادگران بازماندگان را از زیر آوار خانه‌ها نجات دادند.",
     {"earthquake", "rescue"}),
    ("en", "Voters went to the polls in the parliamentary election; the opposition party won most votes.",
     {"election", "vote", "parliament", "opposition", "political_party"}),
    ("ru", "Избиратели проголосовали на парламентских выборах; оппозиционная партия получила больше всего голосов.",
     {"election", "vote", "parliament", "opposition", "political_party"}),
    ("ar", "أدلى الناخبين بأصواتهم في الانتخابات البرلمانية وحصل حزب المعارضة على أكثر الأصوات في التصويت.",
     {"election", "vote", "parliament", "opposition", "political_party"}),
    ("fa", "رای‌دهندگان در انتخابات مجلس شرکت کردند و حزب مخالفان بیشترین آرا را به دست آورد.",
     {"election", "vote", "parliament", "political_party"}),
    ("en", "Leaders at the summit signed a declaration on fighting terrorism and securing the border.",
     {"summit", "signing", "terrorism", "border"}),
    ("ru", "Лидеры на саммите подписали декларацию о борьбе с терроризмом и охране границы.",
     {"summit", "signing", "terrorism", "border"}),
    ("ar", "جرى خلال القمة التوقيع على بيان حول مكافحة الإرهاب وتعزيز الأمن على الحدود.",
     {"summit", "signing", "terrorism", "border"}),
    ("fa", "سران در این اجلاس بیانیه‌ای درباره مبارزه با تروریسم و امنیت مرزها امضا کردند.",
     {"summit", "signing", "terrorism", "border"}),
])
def test_one_event_gives_the_same_concepts_in_each_language(lang, text, expected):
    got = set(concepts_of(text, lang))
    assert expected <= got, f"{lang}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize("lang,text", [
    ("ar", "قال إن الاجتماعية والرياضية في الرياض أمرا مهما على الأقل"),  # social, sporting, Riyadh, "at least"
    ("ru", "Таким образом, контракт потребовал электронной почты"),  # way, contract, required, electronic
    ("en", "He said the right share of homes was fine"),
])
def test_common_words_that_only_look_like_concept_words_give_none(lang, text):
    assert not concepts_of(text, lang), concepts_of(text, lang)


# --- coverage on public news data (skipped when the shared data sets are absent)

def shared_dir() -> Path:
    env = os.environ.get("AKHBAR_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


def saudinewsnet_texts(n: int = 500) -> list[str]:
    path = shared_dir() / "data" / "saudinewsnet" / "2015-07-21.zip"
    if not path.is_file():
        pytest.skip(f"SaudiNewsNet not found at {path} (set AKHBAR_SHARED)")
    with zipfile.ZipFile(path) as z:
        articles = json.loads(z.read(z.namelist()[0]))
    return [a["content"] for a in articles if a.get("content")][:n]


def semeval_english_texts(n: int = 200) -> list[str]:
    """English texts of SemEval-2022 Task 8: ``text1`` of the rows with ``lang1 == en`` (161 in the
    training set), then ``text2`` of those rows, distinct, up to ``n``."""
    path = shared_dir() / "data" / "semeval2022-task8" / "train.csv"
    if not path.is_file():
        pytest.skip(f"SemEval-2022 Task 8 data not found at {path} (set AKHBAR_SHARED)")
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["lang1"] == "en"]
    texts = [r["text1"] for r in rows] + [r["text2"] for r in rows if r["lang2"] == "en"]
    return [t for t in dict.fromkeys(texts) if t.strip()][:n]


def coverage(texts: list[str], lang: str) -> tuple[float, Counter[str]]:
    """The share of texts with at least two concepts, and in how many texts each concept is."""
    per = [concepts_of(t, lang) for t in texts]
    return sum(1 for p in per if len(p) >= 2) / len(per), Counter(c for p in per for c in p)


@pytest.mark.parametrize("source,lang", [("saudinewsnet", "ar"), ("semeval-en", "en")])
def test_most_news_articles_have_at_least_two_concepts(source, lang):
    texts = saudinewsnet_texts() if source == "saudinewsnet" else semeval_english_texts()
    share, df = coverage(texts, lang)
    assert share >= COVERAGE_FLOOR, f"{source}: only {share:.1%} of {len(texts)} texts have two concepts"
    # no concept is so generic that it is in almost every article
    common = [(c, n) for c, n in df.items() if n > 0.6 * len(texts)]
    assert not common, f"{source}: concepts in most articles: {common}"


if __name__ == "__main__":
    for name, texts, lang in (("SaudiNewsNet 2015-07-21 (ar)", saudinewsnet_texts(), "ar"),
                              ("SemEval-2022 Task 8 (en)", semeval_english_texts(), "en")):
        share, df = coverage(texts, lang)
        print(f"{name}: {len(texts)} texts, {share:.1%} with >= 2 concepts, "
              f"{sum(df.values()) / len(texts):.1f} concepts per text")
        print("  most frequent:", ", ".join(f"{c} {n}" for c, n in df.most_common(30)))
