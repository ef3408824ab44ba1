"""Language identification: single headlines, whole articles and paragraphs."""

from __future__ import annotations

import pytest

from akhbar.langid import LanguageIdentifier
from akhbar.options import Options
from akhbar.records import Article, Span, content_id


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier(Options(workers=1))


@pytest.mark.parametrize(
    "headline, lang",
    [
        ("رئیس جمهور روسیه گفت: هفت هزار نفر در جبهه‌های داعش حضور دارند", "fa"),
        ("تاکید پوتین بر لزوم افزایش مشارکت برای نابودی تهدیدات تروریستی", "fa"),
        ("وزیر خارجه ایران به مسکو سفر کرد", "fa"),
        ("بوتين: عملية سلاح الجو الروسي محكومة زمنيا بالعملية الهجومية", "ar"),
        ("وزير الخارجية السعودي يصل إلى القاهرة في زيارة رسمية", "ar"),
        ("مقتل ثلاثة جنود في هجوم على نقطة تفتيش", "ar"),
        ("پاکستان میں زلزلے سے درجنوں افراد ہلاک ہو گئے", "ur"),
        ("وزیراعظم نے قومی اسمبلی سے خطاب کیا", "ur"),
        ("Путин заявил о росте террористической угрозы в СНГ", "ru"),
        ("Зеленський провів телефонну розмову з прем'єр-міністром", "uk"),
        ("Putin says terrorists are trying to infiltrate the CIS", "en"),
        ("Erdoğan, Rusya lideri Putin ile telefonda görüştü", "tr"),
        ("ראש הממשלה נפגש עם שר החוץ האמריקני", "he"),
    ],
)
def test_single_headlines(identifier, headline, lang):
    assert identifier.detect(headline)[0] == lang


def _article(text: str, title: str) -> Article:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id=content_id(text), source="t", path="t", format="text", text=text, title=title,
                   title_span=None, paragraphs=tuple(paragraphs))


def test_paragraph_languages_are_kept_separately(identifier):
    text = (
        "رئیس جمهور روسیه امروز در نشست سران کشورهای مستقل مشترک المنافع سخنرانی کرد و از همکاری امنیتی گفت.\n"
        "وقال الرئيس الروسي إن التعاون الأمني بين دول الرابطة ضروري لمواجهة الإرهاب في المنطقة.\n"
        "او همچنین بر تبادل اطلاعات میان سرویس‌های امنیتی کشورهای عضو تاکید کرد."
    )
    art = identifier.identify(_article(text, "سخنرانی پوتین در نشست سران"))
    assert art.lang == "fa"
    assert [p.lang for p in art.paragraph_langs] == ["fa", "ar", "fa"]
    assert all(0 < p.confidence <= 1 for p in art.paragraph_langs)


def test_restricted_languages_are_respected():
    only = LanguageIdentifier(Options(languages=("ru", "uk"), workers=1))
    assert only.detect("Путин заявил о росте угрозы")[0] in {"ru", "uk"}
    single = LanguageIdentifier(Options(languages=("fa",), workers=1))
    assert single.detect("anything at all") == ("fa", 1.0)


def test_no_letters_means_no_language(identifier):
    assert identifier.detect("12345 -- !!") == (None, 0.0)


def test_a_paragraph_in_the_article_alphabet_skips_lingua_but_a_foreign_letter_does_not(identifier, monkeypatch):
    calls = []
    real = identifier.detect

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(identifier, "detect", counting)
    text = (
        "Президент России провел совещание с членами Совета безопасности в среду вечером в Кремле.\n"
        "Президент України провів нараду з членами Ради національної безпеки і оборони у Києві.\n"
        "Стороны обсудили вопросы региональной безопасности и сотрудничества между странами."
    )
    art = identifier.identify(_article(text, "Совещание в Кремле"))
    assert art.lang == "ru"
    assert [p.lang for p in art.paragraph_langs] == ["ru", "uk", "ru"]
    # the lead, then only the paragraph with letters Russian does not use (і)
    assert len(calls) == 2 and "України" in calls[1]


def test_the_lead_is_asked_again_in_full_only_when_its_opening_is_not_sure(identifier, monkeypatch):
    from akhbar.langid import ARTICLE_SAMPLE_CHARS, FIRST_SAMPLE_CHARS

    body = "وزير الخارجية السعودي يصل إلى القاهرة في زيارة رسمية يلتقي خلالها كبار المسؤولين المصريين. " * 6
    article = _article(body, "وزير الخارجية السعودي في القاهرة")
    real = identifier.detect
    calls = []

    def counting(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(identifier, "detect", counting)
    assert identifier.identify(article).lang == "ar"
    assert calls == [FIRST_SAMPLE_CHARS]  # sure on the opening: one short call, the paragraphs skip lingua

    calls.clear()

    def unsure_when_short(text):
        calls.append(len(text))
        lang, _ = real(text)
        return lang, (0.5 if len(text) <= FIRST_SAMPLE_CHARS else 0.99)

    monkeypatch.setattr(identifier, "detect", unsure_when_short)
    out = identifier.identify(article)
    assert calls[:2] == [FIRST_SAMPLE_CHARS, ARTICLE_SAMPLE_CHARS + len(article.title)]
    assert out.lang == "ar" and out.lang_confidence == 0.99
