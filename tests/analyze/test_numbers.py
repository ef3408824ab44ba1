"""Quantities: digits, number words, scales, ranges, percent, ordinals, Arabic duals, what is
counted; and what is not a quantity (dates, years, times, phone numbers, codes, labels)."""

from __future__ import annotations

import json
import time

import pytest
from _nqc_helpers import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analyze.number_grammar import grammar
from akhbar.analyze.numbers import analyze_numbers, find_quantities
from akhbar.normalize import normalize


def quantities(body: str, lang: str, **kw):
    art = analyze_numbers(make_article(body, lang, **kw), None)
    for q in art.quantities:
        if not (q.in_title and q.start == q.end == 0):
            assert q.text == art.text[q.start:q.end]
    return art.quantities


def one(body: str, lang: str):
    qs = quantities(body, lang)
    assert len(qs) == 1, [(q.text, q.value) for q in qs]
    return qs[0]


def values(body: str, lang: str):
    return [(q.value, q.low, q.high, q.unit) for q in quantities(body, lang)]


# -- Persian -----------------------------------------------------------------------------------

def test_fa_scale_and_counted_noun():
    q = one("به گفته مقامات محلی ۱۲ هزار نفر در این راهپیمایی شرکت کردند.", "fa")
    assert (q.value, q.counted, q.text) == (12000, "نفر", "۱۲ هزار نفر")


def test_fa_range_glued_scale_distributes():
    q = one("بین ۳تا ۴ میلیون تن گندم وارد شد.", "fa")
    assert (q.low, q.high) == (3_000_000, 4_000_000)
    assert q.text.startswith("بین ۳تا ۴ میلیون")


def test_fa_percent_and_words():
    assert values("نرخ تورم به ۳۵ درصد رسید.", "fa") == [(35, None, None, "percent")]
    q = one("بیست و پنج هزار نفر در این همایش حضور داشتند.", "fa")
    assert q.value == 25000 and q.counted == "نفر"


def test_fa_persian_decimal_and_thousands_separators():
    assert values("بودجه ۲٫۵ میلیارد دلار است.", "fa") == [(2.5e9, None, None, "USD")]
    assert values("حدود ۱۲٬۰۰۰ نفر", "fa")[0][0] == 12000


def test_fa_ordinal_words_and_digits():
    assert values("در پنجاه و سومین نشست سران", "fa") == [(53, None, None, "ordinal")]
    assert values("برای ۴۲مین بار", "fa") == [(42, None, None, "ordinal")]


def test_fa_not_quantities():
    # "یک" is an article, "نه" is "not", years, dates, clock times, codes
    assert quantities("او یک پیشنهاد داد و نه تنها آن را پذیرفتند.", "fa") == ()
    assert quantities("این قانون در سال ۱۳۹۸ تصویب شد.", "fa") == ()
    assert quantities("جلسه در ۱۵ مهر ۱۴۰۱ برگزار شد.", "fa") == ()
    assert quantities("نشست ساعت ۱۰:۳۰ صبح آغاز شد.", "fa") == ()
    assert quantities("طبق ماده ۵ این قانون", "fa") == ()
    assert quantities("توافق سه جانبه امضا شد.", "fa") == ()


def test_fa_verb_is_not_counted():
    q = one("شمار قربانیان به ۴۵ رسید.", "fa")
    assert q.value == 45 and q.counted is None


# -- Arabic ------------------------------------------------------------------------------------

def test_ar_range_between_and_scale():
    q = one("يتراوح عدد المقاتلين ما بين 3 و 4 آلاف مقاتل.", "ar")
    assert (q.low, q.high, q.counted) == (3000, 4000, "مقاتل")
    assert q.text.startswith("ما بين")
    q = one("بين 10 و20 ألف لاجئ", "ar")
    assert (q.low, q.high) == (10000, 20000)


def test_ar_counted_noun_in_original_spelling():
    q = one("وقّع الجانبان 9 اتفاقيات للتعاون.", "ar")
    assert (q.value, q.counted) == (9, "اتفاقيات")


def test_ar_dual_nouns():
    q = one("أطلق الجيش صاروخين على الموقع.", "ar")
    assert (q.value, q.counted, q.text) == (2, "صاروخ", "صاروخين")
    q = one("وصل وفدان اثنان إلى العاصمة.", "ar")
    assert q.value == 2 and q.text == "وفدان اثنان"
    # a dual with the article is a reference ("the two states"), a plural in -ين is no dual
    assert quantities("أكد رئيسا الدولتين على التعاون.", "ar") == ()
    assert quantities("اجتمع المسؤولين مع المدنيين في القرية.", "ar") == ()


def test_ar_words_percent_vague():
    assert values("قتل خمسة وعشرون شخصا", "ar")[0][0] == 25
    assert values("ارتفع المؤشر بنسبة 12 في المئة", "ar") == [(12, None, None, "percent")]
    assert values("خرج عشرات الآلاف من المتظاهرين", "ar") == [(None, 20000, 99999, None)]
    q = one("نزح مئات العائلات", "ar")
    assert (q.low, q.high, q.counted) == (200, 999, "العائلات")


def test_ar_ordinal_with_article():
    assert values("انعقدت الدورة الـ 34 للمجلس", "ar") == [(34, None, None, "ordinal")]
    # after a word without the article, "الـ" makes a definite count, not an ordinal
    q = one("من بين الـ80 مرشحا تأهل الفائزون", "ar")
    assert (q.value, q.unit, q.counted) == (80, None, "مرشحا")


def test_ar_arabic_indic_digits_and_money():
    q = one("بلغت الصادرات ٣٫٧ مليار دولار", "ar")
    assert (q.value, q.unit) == (3.7e9, "USD")


def test_ar_not_quantities():
    assert quantities("عقد الاجتماع يوم الاثنين في العاصمة.", "ar") == ()
    assert quantities("تأسست المنظمة عام 1945.", "ar") == ()
    assert quantities("في 12 مارس 2021 أعلنت الوزارة", "ar") == ()
    assert quantities("وصلت الرحلة رقم 405 متأخرة.", "ar") == ()
    assert quantities("حلقت طائرات إف-35 فوق المدينة.", "ar") == ()
    assert quantities("يمتد البرنامج بين عامي 2018 و2022.", "ar") == ()
    assert quantities("للاستفسار اتصل على +966 11 456-7890", "ar") == ()


# -- Russian -----------------------------------------------------------------------------------

def test_ru_range_with_scale():
    q = one("В акции приняли участие от 8 до 10 тысяч человек.", "ru")
    assert (q.low, q.high, q.counted) == (8000, 10000, "человек")
    q = one("Погибли 3-4 тыс. жителей", "ru")
    assert (q.low, q.high) == (3000, 4000)


def test_ru_space_grouping_decimal_comma_words():
    assert values("Бюджет составил 1,5 млрд рублей", "ru") == [(1.5e9, None, None, "RUB")]
    assert one("В городе живут 12 500 человек.", "ru").value == 12500
    assert one("Пострадали двадцать три человека.", "ru").value == 23
    assert values("Рост составил 7 процентов", "ru") == [(7, None, None, "percent")]


def test_ru_ordinal_and_years():
    assert values("Открылся 27-й съезд партии", "ru") == [(27, None, None, "ordinal")]
    assert quantities("Это произошло в 2014 году.", "ru") == ()
    assert quantities("Кризис 1990-х годов", "ru") == ()
    assert quantities("Су-24 вылетел по тревоге", "ru") == ()


# -- English -----------------------------------------------------------------------------------

def test_en_ranges():
    q = one("Between 2,000 and 3,000 refugees crossed the border.", "en")
    assert (q.low, q.high, q.counted) == (2000, 3000, "refugees")
    assert one("some 4-6 million barrels", "en").low == 4e6
    assert one("from 10 to 12 thousand troops", "en").high == 12000


def test_en_words_percent_ordinal_money():
    assert one("Thirty-two people were injured.", "en").value == 32
    assert one("a hundred and twenty soldiers", "en").value == 120
    assert values("up 15 percent on the year", "en") == [(15, None, None, "percent")]
    assert values("the 63rd session", "en") == [(63, None, None, "ordinal")]
    assert values("a loan of $2.5 billion", "en") == [(2.5e9, None, None, "USD")]
    q = one("Hundreds of protesters gathered.", "en")
    assert (q.low, q.high, q.counted) == (200, 999, "protesters")


def test_en_not_quantities():
    assert quantities("One of the officials said it again.", "en") == ()
    assert quantities("The treaty was signed in 1994 in Paris.", "en") == ()
    assert quantities("The 2016 election changed everything.", "en") == ()
    assert quantities("The meeting starts at 9:15 am.", "en") == ()
    assert quantities("Call 555-0199 for details.", "en") == ()
    assert quantities("The COVID-19 pandemic and the G20 summit", "en") == ()
    assert quantities("The team won 3-1 on Sunday.", "en") == ()
    assert quantities("Under Article 51 of the Charter", "en") == ()
    assert quantities("On 5 May 2023 the talks resumed.", "en") == ()


# -- title, offsets, speed ---------------------------------------------------------------------

def test_title_quantities_marked_in_title():
    art = analyze_numbers(make_article("متن خبر بدون عدد.", "fa", title="کشته شدن ۳۰ نفر در سیل"), None)
    (q,) = art.quantities
    assert q.in_title and q.value == 30 and q.text == art.text[q.start:q.end]


def test_metadata_title_has_zero_offsets_and_the_words():
    art = analyze_numbers(make_article("No numbers here.", "en", title="Floods kill 30 people",
                                       title_in_text=False), None)
    (q,) = art.quantities
    assert q.in_title and (q.start, q.end) == (0, 0) and q.text == "30 people"


def test_dates_from_the_dates_analysis_are_used():
    from akhbar.records import DateMention

    art = make_article("Talks on 5 May 2023 drew 40 delegates.", "en")
    s = art.text.index("5 May 2023")
    art = art.with_(dates=(DateMention(s, s + 10, "5 May 2023", "gregorian"),))
    assert [q.value for q in analyze_numbers(art, None).quantities] == [40]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٫٬,.:-/ %٪\n") + [
    " ", " هزار ", " تا ", " و ", " آلاف ", " بين ", " million ", " to ", " тысяч ", " до ",
    " درصد ", "الـ", "st", "-й", " نفر", " وثيقتين ", " عام ", " سال ", " بیست ", " خمسة ",
    " twenty ", " пять ", " اثنين", " عشرات ", "(", ")"]), max_size=30).map("".join),
    st.sampled_from(["fa", "ar", "ru", "en"]))
def test_property_spans_are_valid(body, lang):
    art = make_article(body, lang)
    out = analyze_numbers(art, None)
    for q in out.quantities:
        assert 0 <= q.start <= q.end <= len(art.text)
        assert q.text == art.text[q.start:q.end]
        assert (q.value is None) != (q.low is None)
        if q.low is not None:
            assert q.low <= q.high


def test_find_quantities_speed():
    g = grammar("ar")
    text = normalize("قتل 5 أشخاص وأصيب ما بين 10 و20 آخرين في 3 انفجارات، وفق بيان صدر في 4 مايو 2015 "
                     "عن الوزارة التي قالت إن 40 في المائة من الضحايا أطفال. " * 12, "ar").text
    find_quantities(text, g)
    t = time.perf_counter()
    for _ in range(20):
        find_quantities(text, g)
    per_run = (time.perf_counter() - t) / 20
    assert per_run < 0.01, f"{per_run * 1000:.2f} ms for a {len(text)}-character text"


# -- the samples -------------------------------------------------------------------------------

@pytest.mark.shared
def test_seed_quantities(seed_articles: dict, gold: dict):
    missed = []
    for name, doc in gold["documents"].items():
        art = seed_articles[name]
        found = analyze_numbers(art, None).quantities
        for g in doc.get("quantities", []):
            ok = any(
                (g.get("value") is None or q.value == g["value"])
                and (g.get("low") is None or (q.low, q.high) == (g["low"], g["high"]))
                and (g.get("unit") is None or q.unit == g["unit"])
                and (g.get("where") != "title" or q.in_title)
                and (g["text"] in q.text or q.text in g["text"])
                for q in found
            )
            if not ok:
                missed.append((name, json.dumps(g, ensure_ascii=False)))
    assert not missed
