"""Copies: MinHash LSH over word shingles, within a language and a window."""

from __future__ import annotations

from akhbar.link.copies import CopyIndex
from akhbar.link.profile import minhash_of
from akhbar.records import LinkProfile

BASE = ("أعلن وزير الخارجية اليوم في مؤتمر صحفي عقده في الرياض أن المملكة ستستضيف قمة إقليمية "
        "الشهر المقبل لبحث الأوضاع في المنطقة وسبل تعزيز التعاون الاقتصادي بين الدول المشاركة "
        "وأضاف أن الدعوات وجهت إلى قادة الدول وأن التحضيرات بدأت منذ أسابيع").split()


def prof(article: str, tokens: list[str], lang: str = "ar") -> LinkProfile:
    hv = minhash_of(tokens).hashvalues.astype("<u4").tobytes()
    return LinkProfile(article=article, lang=lang, date=None, published=None, publisher=None, minhash=hv, words=len(tokens))


def test_a_lightly_edited_copy_is_found_and_points_to_the_original():
    index = CopyIndex(threshold=0.6, window_days=14)
    index.add(prof("orig", BASE), 100, None)
    edited = BASE[:-2] + ["ذلك", "اليوم"]
    found = index.find(prof("copy1", edited), 101)
    assert found is not None and found[0] == "orig" and found[1] >= 0.6
    index.add(prof("copy1", edited), 101, "orig")
    again = index.find(prof("copy2", edited), 102)
    assert again is not None and again[0] == "orig"  # a copy of a copy points to the first version


def test_other_text_other_language_and_old_articles_are_not_copies():
    index = CopyIndex(threshold=0.6, window_days=14)
    index.add(prof("orig", BASE), 100, None)
    assert index.find(prof("other", list(reversed(BASE))), 100) is None
    assert index.find(prof("fa", BASE, lang="fa"), 100) is None
    assert index.find(prof("late", BASE), 100 + 15) is None
    assert index.evict(before_clock=101) == 1 and len(index) == 0
