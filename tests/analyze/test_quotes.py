"""Quotes: cue verbs per language, the quoted text, and the speaker (a mention before or after
the cue, the sentence's subject, a pronoun, a subject-less verb)."""

from __future__ import annotations


import pytest
from _nqc_helpers import ERDOGAN, LAVROV, PUTIN, RUSSIA, TASS, context, make_article, with_mentions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analyze.quotes import analyze_quotes

NAMES = {
    "fa": {"پوتین": PUTIN, "ولادیمیر پوتین": PUTIN, "لاوروف": LAVROV, "اردوغان": ERDOGAN, "روسیه": RUSSIA},
    "ar": {"بوتين": PUTIN, "فلاديمير بوتين": PUTIN, "لافروف": LAVROV, "أردوغان": ERDOGAN, "روسيا": RUSSIA,
           "وكالة تاس": TASS},
    "ru": {"Путин": PUTIN, "Владимир Путин": PUTIN, "Лавров": LAVROV, "Эрдоган": ERDOGAN, "ТАСС": TASS},
    "en": {"Putin": PUTIN, "Vladimir Putin": PUTIN, "Lavrov": LAVROV, "Erdogan": ERDOGAN, "Russia": RUSSIA,
           "Reuters": ("outlet/reuters", "Reuters", "outlet")},
}


def quotes(body: str, lang: str):
    art = with_mentions(make_article(body, lang), NAMES[lang])
    out = analyze_quotes(art, context())
    for q in out.quotes:
        assert q.text == out.text[q.start:q.end]
        assert q.cue == out.text[q.cue_start:q.cue_end]
    return out.quotes


def summary(body: str, lang: str):
    return [(q.speaker, q.text) for q in quotes(body, lang)]


# -- Persian -----------------------------------------------------------------------------------

def test_fa_name_before_cue_direct_quote():
    (q,) = quotes("لاوروف در دیدار با همتای خود گفت: «ما به دنبال راه حل سیاسی هستیم.»", "fa")
    assert q.speaker == "Sergey Lavrov" and q.kind == "direct"
    assert q.text == "ما به دنبال راه حل سیاسی هستیم."


def test_fa_pronoun_and_subjectless_verbs_resolve_to_recent_person():
    body = ("اردوغان روز دوشنبه به آنکارا بازگشت.\n\n"
            "وی در جمع خبرنگاران اظهار داشت: مذاکرات ادامه خواهد یافت.\n\n"
            "افزود: هیچ تصمیمی هنوز گرفته نشده است.")
    assert summary(body, "fa") == [
        ("Recep Tayyip Erdoğan", "مذاکرات ادامه خواهد یافت"),
        ("Recep Tayyip Erdoğan", "هیچ تصمیمی هنوز گرفته نشده است"),
    ]


def test_fa_sentence_final_verb_takes_the_clause_before():
    (q,) = quotes("پوتین در پایان دیدار بر ضرورت گسترش همکاری اقتصادی تاکید کرد.", "fa")
    assert q.speaker == "Vladimir Putin" and q.kind == "reported"
    assert "ضرورت گسترش همکاری اقتصادی" in q.text


def test_fa_reported_with_ke_and_document_cue():
    body = ("ولادیمیر پوتین پیامی برای شرکت کنندگان همایش فرستاد.\n\n"
            "در متن این پیام آمده است: «همکاری منطقه‌ای کلید امنیت پایدار است.»\n\n"
            "لاوروف نیز اعلام کرد که مسکو آماده گفت‌وگو است.")
    assert summary(body, "fa") == [
        ("Vladimir Putin", "همکاری منطقه‌ای کلید امنیت پایدار است."),
        ("Sergey Lavrov", "مسکو آماده گفت‌وگو است"),
    ]


def test_fa_goft_inside_other_words_is_no_cue():
    body = ("پوتین و اردوغان در تهران گفتگو کردند.\n\n"
            "این گفت و گو دو ساعت طول کشید.\n\n"
            "می‌توان گفت که روابط دو کشور بهتر شده است.")
    assert quotes(body, "fa") == ()


def test_fa_country_near_the_verb_is_not_the_speaker():
    (q,) = quotes("پوتین در نشست با سران کشورهای همسایه روسیه گفت: امنیت مرزها اولویت ماست.", "fa")
    assert q.speaker == "Vladimir Putin"


def test_fa_according_to():
    body = "اردوغان دیروز به مسکو رفت.\n\nبه گفته وی، دو طرف درباره انرژی توافق کردند."
    assert summary(body, "fa") == [("Recep Tayyip Erdoğan", "دو طرف درباره انرژی توافق کردند")]


# -- Arabic ------------------------------------------------------------------------------------

def test_ar_vso_name_after_cue():
    (q,) = quotes("وقال لافروف في مؤتمر صحفي إن “الحوار هو السبيل الوحيد”.", "ar")
    assert q.speaker == "Sergey Lavrov" and q.text == "الحوار هو السبيل الوحيد"
    assert q.cue == "وقال لافروف"


def test_ar_subjectless_continuation():
    body = ("وأكد أردوغان أن بلاده لن تتراجع عن موقفها.\n\n"
            "وتابع: \"سنواصل العمل مع شركائنا في المنطقة\".\n\n"
            "وأضاف أن المحادثات ستستأنف الأسبوع المقبل.")
    assert [s for s, _ in summary(body, "ar")] == ["Recep Tayyip Erdoğan"] * 3


def test_ar_participle_takes_the_main_subject():
    body = "وانتقد بوتين سياسة العقوبات الغربية، مضيفا أن روسيا ستجد أسواقا بديلة."
    got = summary(body, "ar")
    assert ("Vladimir Putin", "روسيا ستجد أسواقا بديلة") in got


def test_ar_explicit_subject_that_is_no_entity_has_no_speaker():
    body = "التقى بوتين بالوفد أمس.\n\nوقال مصدر دبلوماسي إن الاجتماع كان مثمرا."
    assert summary(body, "ar") == [(None, "الاجتماع كان مثمرا")]


def test_ar_qal_inside_words_is_no_cue():
    body = ("بوتين يتابع انتقال السلطة في البلاد.\n\n"
            "نشرت الصحيفة مقالا عن استقالة الوزير وقالب الحلوى.")
    assert quotes(body, "ar") == ()


def test_ar_outlet_as_subject_is_a_citation_not_a_quote():
    assert quotes("وذكرت وكالة تاس أن الطائرة هبطت بسلام.", "ar") == ()


def test_ar_name_in_quotation_marks_is_not_the_quote():
    (q,) = quotes("وقال لافروف لـ«الشرق» إن الاتفاق ما زال ممكنا.", "ar")
    assert q.text == "الاتفاق ما زال ممكنا" and q.speaker == "Sergey Lavrov"


# -- Russian -----------------------------------------------------------------------------------

def test_ru_quote_before_inverted_cue():
    (q,) = quotes("«Мы готовы к переговорам в любое время», — заявил Лавров журналистам.", "ru")
    assert q.speaker == "Sergey Lavrov" and q.text == "Мы готовы к переговорам в любое время"


def test_ru_reported_with_chto_and_pronoun():
    body = "Путин провел совещание в Кремле.\n\nОн подчеркнул, что экономика растет быстрее прогнозов."
    assert summary(body, "ru") == [("Vladimir Putin", "экономика растет быстрее прогнозов")]


def test_ru_explicit_subject_without_entity():
    assert summary("Эксперты заявили, что цены вырастут.", "ru") == [(None, "цены вырастут")]


# -- English -----------------------------------------------------------------------------------

def test_en_said_forms():
    body = ("Erdogan said on Tuesday that the corridor would stay open.\n\n"
            "\"We will not accept any delay,\" he said.\n\n"
            "Putin told reporters that the talks had been useful.")
    assert summary(body, "en") == [
        ("Recep Tayyip Erdoğan", "the corridor would stay open"),
        ("Recep Tayyip Erdoğan", "We will not accept any delay"),
        ("Vladimir Putin", "the talks had been useful"),
    ]


def test_en_inverted_and_officials():
    body = "\"The border is closed,\" said Lavrov.\n\nOfficials said the decision was final."
    assert summary(body, "en") == [("Sergey Lavrov", "The border is closed"),
                                   (None, "the decision was final")]


def test_en_appositive_does_not_make_the_speaker():
    body = "Putin, speaking after talks with Erdogan, said the deal was fair to both sides."
    assert summary(body, "en") == [("Vladimir Putin", "the deal was fair to both sides")]


def test_ru_inverted_after_kak():
    assert summary("Как заявил Путин, Россия готова к диалогу.", "ru") == [
        ("Vladimir Putin", "Россия готова к диалогу")]


def test_en_not_cues():
    body = "Putin arrived in Ankara. The said agreement was signed. Needless to say, it rained."
    assert quotes(body, "en") == ()


def test_en_reuters_reported_is_no_quote():
    assert quotes("Reuters said the plant had been shut down for repairs.", "en") == ()


# -- any text ---------------------------------------------------------------------------------

PIECES = [" ", ".", ":", "،", ",", "«", "»", "\"", "“", "”", "\n", "\n\n", " گفت", " افزود", " وی", " پوتین",
          " که", " تاکید کرد", " وقال", " بوتين", " أن", " وتابع", " заявил", " Путин", " что", " said",
          " Putin", " he", " that", " according to", " به گفته", " word", " کلمه", " كلمة"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.sampled_from(["fa", "ar", "ru", "en"]))
def test_property_any_text(body, lang):
    art = with_mentions(make_article(body, lang), NAMES[lang])
    out = analyze_quotes(art, context())
    for q in out.quotes:
        assert 0 <= q.start < q.end <= len(art.text)
        assert q.text == art.text[q.start:q.end] and q.cue == art.text[q.cue_start:q.cue_end]
        assert q.kind in ("direct", "reported")


# -- the samples -------------------------------------------------------------------------------

@pytest.mark.shared
def test_seed_quote_speakers(seed_articles: dict, gold: dict):
    ctx = context()
    missed = []
    for name, doc in gold["documents"].items():
        art = seed_articles[name]
        got = analyze_quotes(art, ctx).quotes  # the pipeline has found the entities
        used: set[int] = set()
        for g in doc.get("quotes", []):
            cue = g["cue"].rstrip(":")
            hit = next((i for i, q in enumerate(got) if i not in used and q.speaker == g["speaker"]
                        and (q.cue in cue or cue in q.cue)), None)
            if hit is None:
                missed.append((name, g["cue"], g["speaker"]))
            else:
                used.add(hit)
    assert not missed
