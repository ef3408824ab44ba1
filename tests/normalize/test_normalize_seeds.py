"""The sample articles (shared/seeds): glued words repaired, nothing else broken, fast enough."""

from __future__ import annotations

import re
import time

import pytest

from akhbar.normalize import fold_for_search, normalize

ZWNJ = "\u200c"

# the glued words the design names, and what they must become
GLUED = {
    "میکند": "می‌کند", "سرویسهای": "سرویس‌های", "برنامهریزیهای": "برنامه‌ریزی‌های",
    "جبهههای": "جبهه‌های", "همکاریهای": "همکاری‌های", "بینالملل": "بین‌الملل",
    "پربینندهترین": "پربیننده‌ترین", "نمیپردازم": "نمی‌پردازم", "تلاشهای": "تلاش‌های",
    "گروههای": "گروه‌های", "کانالهای": "کانال‌های",
}
# words of the seeds that look like a prefix/suffix was glued but are words
WORDS = ["همه", "هستند", "میهن", "بیانیه", "همسود", "همتایان", "میانجیگرانه", "تنها", "انتهای"]


@pytest.fixture(scope="module")
def seeds(shared, gold):
    docs = {}
    for name, doc in gold["documents"].items():
        path = shared / "seeds" / name
        if path.is_file():
            docs[name] = (path.read_text(encoding="utf-8"), doc["lang"])
    if not docs:
        pytest.skip("no seed articles found")
    return docs


def words(text: str) -> set[str]:
    return set(re.findall(rf"[\w{ZWNJ}]+", text))


def test_glued_words_repaired(seeds):
    found = 0
    for text, lang in seeds.values():
        if lang != "fa":
            continue
        raw, norm = words(text), words(normalize(text, "fa").text)
        for glued, fixed in GLUED.items():
            if glued in raw:
                found += 1
                assert fixed in norm and glued not in norm, glued
    assert found >= 8


def test_real_words_intact(seeds):
    for text, lang in seeds.values():
        if lang != "fa":
            continue
        norm = words(normalize(text, "fa").text)
        for w in WORDS:
            if w in words(text):
                assert w in norm, w


def test_scripts_kept_apart_and_numbers(seeds):
    for text, lang in seeds.values():
        out = normalize(text, lang).text
        if lang == "ar":
            assert not set(out) & set("یکۀ") and ZWNJ not in out
        else:
            assert not set(out) & set("يكى")
        assert not re.search(r"[۰-۹٠-٩]", out)
        assert not re.search(r"\d[ء-ي]|[ء-ي]\d|\d[آ-ی]", out)


def test_gold_surfaces_survive_normalization(seeds, gold):
    """An analyzer that normalizes its name lists finds every hand-annotated entity surface."""
    for name, (text, lang) in seeds.items():
        norm = normalize(text, lang).text
        for ent in gold["documents"][name].get("entities", []):
            for surface in ent["surfaces"]:
                assert normalize(surface, lang).text in norm, (name, surface)


def test_offsets_point_back(seeds):
    for text, lang in seeds.values():
        n = normalize(text, lang)
        for mt in re.finditer(r"\w+", n.text):
            s, e = n.original_span(*mt.span())
            assert normalize(text[s:e], lang).text.replace(ZWNJ, "") == mt.group().replace(ZWNJ, "")


def test_fast_enough(seeds):
    for text, lang in seeds.values():
        normalize(text, lang), fold_for_search(text, lang)
        t = time.perf_counter()
        for _ in range(20):
            normalize(text, lang)
        per = (time.perf_counter() - t) / 20
        assert per < 0.005, f"{per * 1000:.2f} ms for {len(text)} characters"
