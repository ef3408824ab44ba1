"""Citations: outlets named as sources after cues, source lines, the publisher, "via" chains,
and the words that look like outlets or cues but are none."""

from __future__ import annotations


import pytest
from _nqc_helpers import context, make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analyze.citations import analyze_citations


def cite(body: str, lang: str, **kw):
    art = analyze_citations(make_article(body, lang, **kw), context())
    for c in art.citations:
        if c.start != c.end:
            assert c.cue == art.text[c.start:c.end]
    return art


def outlets(body: str, lang: str, **kw):
    return [(c.outlet, c.role, c.via) for c in cite(body, lang, **kw).citations]


# -- Persian -----------------------------------------------------------------------------------

def test_fa_publisher_and_via_chain():
    body = ("وزیران خارجه دو کشور امروز دیدار کردند.\n\n"
            "به گزارش خبرگزاری مهر به نقل از «ریانووستی»، این دیدار دو ساعت طول کشید.")
    art = cite(body, "fa")
    assert [(c.outlet, c.role, c.via) for c in art.citations] == [
        ("Mehr News Agency", "publisher", None), ("RIA Novosti", "cited", "Mehr News Agency")]
    assert art.publisher == "Mehr News Agency"
    assert art.citations[1].cue.endswith("«ریانووستی»")


def test_fa_section_and_reporter_fillers():
    body = "به گزارش خبرنگار گروه سیاسی ایسنا، مجلس طرح جدید را تصویب کرد."
    assert outlets(body, "fa") == [("Iranian Students' News Agency", "publisher", None)]


def test_fa_foreign_outlet_is_cited_not_publisher():
    body = "به گزارش رویترز، قیمت نفت امروز افزایش یافت."
    art = cite(body, "fa")
    assert [(c.outlet, c.role) for c in art.citations] == [("Reuters", "cited")]
    assert art.publisher is None


def test_fa_given_publisher_is_kept():
    body = "به گزارش خبرگزاری فارس به نقل از تسنیم، نشست فردا برگزار می‌شود."
    art = cite(body, "fa", publisher="ایسنا")
    assert art.publisher == "ایسنا"
    assert [(c.outlet, c.role) for c in art.citations] == [("Fars News Agency", "cited"),
                                                          ("Tasnim News Agency", "cited")]


def test_fa_source_line_has_real_offsets_and_ambiguous_name():
    art = cite("متن خبر درباره بازار ارز.", "fa", source_lines=("منبع: مهر",), credits=("مهر",))
    (c,) = art.citations
    assert (c.outlet, c.cue) == ("Mehr News Agency", "منبع: مهر")
    assert art.text[c.start:c.end] == "منبع: مهر"


def test_fa_no_outlet_no_citation():
    assert outlets("به گزارش رسانه‌های محلی، باران شدید بارید.", "fa") == []
    # outlet-like words in ordinary use, without a cue
    assert outlets("فرهنگ مشرق زمین و زبان فارس در این کتاب بررسی شده است.", "fa") == []


# -- Arabic ------------------------------------------------------------------------------------

def test_ar_report_and_quoting():
    body = "وذكرت وكالة الأنباء السعودية نقلا عن مصدر رسمي أن الاجتماع انتهى."
    assert outlets(body, "ar") == [("Saudi Press Agency", "cited", None)]
    body = "أفادت وكالة فرانس برس نقلاً عن رويترز بأن المفاوضات توقفت."
    assert outlets(body, "ar") == [("Agence France-Presse", "cited", None),
                                   ("Reuters", "cited", "Agence France-Presse")]


def test_ar_proclitic_lam_on_the_outlet():
    assert outlets("وفقا لوكالة رويترز فإن الأسعار ارتفعت.", "ar") == [("Reuters", "cited", None)]
    assert outlets("وقال الوزير في تصريح لـ«الشرق الأوسط» إن الخطة جاهزة.", "ar") == [
        ("Asharq Al-Awsat", "cited", None)]


def test_ar_credit_lines():
    art = cite("نص الخبر عن الاقتصاد.", "ar", source_lines=("المصدر: رويترز", "وكالات"),
               credits=("رويترز", "وكالات"))
    assert [(c.outlet, c.cue) for c in art.citations] == [("Reuters", "المصدر: رويترز")]


def test_ar_not_citations():
    assert outlets("يتراوح العدد بحسب مختلف التقديرات بين ألف وألفين.", "ar") == []
    assert outlets("ذكرت مصادر محلية أن الطريق مغلق.", "ar") == []


# -- Russian -----------------------------------------------------------------------------------

def test_ru_cues():
    assert outlets("Как сообщает ТАСС, переговоры продолжатся.", "ru") == [("TASS", "cited", None)]
    assert outlets("По данным агентства Интерфакс, сделка закрыта.", "ru") == [("Interfax", "cited", None)]
    assert outlets("Источник: РИА Новости", "ru") == [("RIA Novosti", "cited", None)]
    assert outlets("По данным Минздрава, число больных снизилось.", "ru") == []


def test_ru_outlet_found_by_the_entities_analysis():
    from _nqc_helpers import with_mentions

    art = make_article("Об этом сообщил Интерфаксу источник в правительстве.", "ru")
    art = with_mentions(art, {"Интерфаксу": ("outlet/interfax", "Interfax", "outlet")})
    out = analyze_citations(art, context())
    assert [(c.outlet, c.cue) for c in out.citations] == [("Interfax", "сообщил Интерфаксу")]


# -- English -----------------------------------------------------------------------------------

def test_en_cues():
    assert outlets("According to Reuters, the talks stalled.", "en") == [("Reuters", "cited", None)]
    assert outlets("The Associated Press reported that the plant closed.", "en") == [
        ("Associated Press", "cited", None)]
    assert outlets("The minister told Al Jazeera the plan was ready.", "en") == [("Al Jazeera", "cited", None)]
    assert outlets("According to officials, the road is closed.", "en") == []
    assert outlets("The press reported nothing new.", "en") == []


# -- any text ---------------------------------------------------------------------------------

PIECES = [" ", ".", ":", "،", ",", "«", "»", "\n", " به گزارش", " به نقل از", " خبرگزاری", " تسنیم", " مشرق",
          " منبع:", " ذكرت", " وكالة", " تاس", " نقلا عن", " сообщает", " ТАСС", " according to", " Reuters",
          " reported", " the", " news agency", " word"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.sampled_from(["fa", "ar", "ru", "en"]))
def test_property_any_text(body, lang):
    out = analyze_citations(make_article(body, lang), context())
    for c in out.citations:
        assert 0 <= c.start < c.end <= len(out.text) and c.cue == out.text[c.start:c.end]
        assert c.role in ("publisher", "cited")


# -- the samples -------------------------------------------------------------------------------

@pytest.mark.shared
def test_seed_cited_sources_and_publishers(seed_articles: dict, gold: dict):
    missed = []
    for name, doc in gold["documents"].items():
        art = seed_articles[name]
        out = analyze_citations(art, context())
        found = {c.outlet for c in out.citations}
        missed += [(name, g["outlet"]) for g in doc.get("cited_sources", []) if g["outlet"] if g["outlet"] not in found]
        if doc.get("lang") == "fa" and doc.get("publisher"):
            assert out.publisher == doc["publisher"], name
    assert not missed
