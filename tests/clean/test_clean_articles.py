"""The plain-text classifier on constructed articles in fa, ar, ru and en.

Each article is wrapped in the kind of junk other news sites leave in scraped text (not the
sample articles' lines): menus, language switchers, datelines, bylines, photo credits, share
buttons, tags, related-news lists, comment prompts, copyright lines. Every test states which
lines must be removed (and how) and which must stay in the body.
"""

from __future__ import annotations

import importlib.util

import pytest

from akhbar.clean import clean
from akhbar.options import Options
from akhbar.records import Span, RawDoc

HAS_DATELINE = importlib.util.find_spec("akhbar.clean.dateline") is not None
needs_dateline = pytest.mark.skipif(not HAS_DATELINE, reason="akhbar.clean.dateline not written yet")


def run(text: str, **raw) -> tuple:
    article = clean(RawDoc(source="t", path="t", content=text, **raw), Options())
    body = [article.text[p.start : p.end] for p in article.paragraphs]
    removed = {r.text: r for r in article.removed}
    return article, body, removed


def check(text: str, title: str, content: list[str], junk: list[str], sources: list[str] = (), **raw):
    article, body, removed = run(text, **raw)
    assert article.title == title
    if article.title_span:
        assert article.text[article.title_span.start : article.title_span.end] == title
    for line in content:
        assert line in body, f"content line removed: {line!r} ({removed.get(line)})"
    for line in junk:
        assert line in removed and line not in body, f"junk kept: {line!r}"
        assert removed[line].reason, line
    for line in sources:
        assert removed[line].kind == "source", line
    # every non-blank line is accounted for exactly once
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert len(body) + len(article.removed) + (1 if article.title_span else 0) == len(lines)
    return article, body, removed


EN_CONTENT = [
    "LONDON (Wire) - Oil prices rose for a third day on Friday after producers in the OPEC+ group "
    "signalled that they were prepared to deepen output cuts if demand weakened further in the spring.",
    "Brent crude futures were up 1.2 percent at $86.40 a barrel by midday, while U.S. West Texas "
    "Intermediate gained 1.1 percent, extending a rally that began when the group's ministers met on Wednesday.",
    "Supply worries",
    "Traders said that the market had been caught off guard by the tone of the statement, which "
    "pointed to further reductions and warned that inventories in the industrialised world were rising.",
    "Analysts still expect a tight market in the summer.",
]


def test_english_wire_story():
    text = "\n".join([
        "Skip to main content",
        "Home | World | Business | Markets | Politics",
        "English | Español | Français",
        "Advertisement",
        "",
        "Oil climbs as OPEC+ signals deeper output cuts",
        "By Jane Doe",
        "",
        *EN_CONTENT,
        "",
        "Reporting by John Smith; Editing by Mark Potter",
        "Source: Wire services",
        "Share this article",
        "Related Articles",
        "Gold steadies ahead of Fed decision",
        "Dollar edges lower",
        "Leave a comment",
        "© 2023 Example Media. All rights reserved.",
    ])
    article, body, removed = check(
        text,
        "Oil climbs as OPEC+ signals deeper output cuts",
        EN_CONTENT,
        ["Skip to main content", "Home | World | Business | Markets | Politics", "English | Español | Français",
         "Advertisement", "By Jane Doe", "Reporting by John Smith; Editing by Mark Potter", "Share this article",
         "Related Articles", "Gold steadies ahead of Fed decision", "Dollar edges lower", "Leave a comment",
         "© 2023 Example Media. All rights reserved."],
        ["Source: Wire services"],
    )
    assert article.credits == ("Wire services",)
    assert "language switcher" in removed["English | Español | Français"].reason
    assert "comment" in removed["Leave a comment"].reason


RU_CONTENT = [
    "Президент России провел в среду оперативное совещание с постоянными членами Совета безопасности, "
    "на котором обсуждались вопросы обеспечения безопасности на границах страны.",
    "По словам пресс-секретаря, участники встречи также рассмотрели ситуацию в регионе и меры, "
    "которые должны быть приняты для защиты критически важной инфраструктуры.",
    "В совещании приняли участие председатель правительства, руководители силовых ведомств и "
    "секретарь Совета безопасности, сообщили в Кремле.",
]


def test_russian_agency_story():
    text = "\n\n".join([
        "Ru | En | De",
        "Главная",
        "Путин провел совещание с постоянными членами Совбеза",
        *RU_CONTENT,
        "Фото: пресс-служба Кремля",
        "Читайте также: В Кремле прокомментировали итоги переговоров",
        "Источник: ТАСС",
        "Комментарии",
        "Самое читаемое",
        "Курс доллара опустился ниже 60 рублей",
        "Синоптики пообещали снег",
        "Подписывайтесь на наш канал в Telegram",
    ])
    article, body, removed = check(
        text,
        "Путин провел совещание с постоянными членами Совбеза",
        RU_CONTENT,
        ["Ru | En | De", "Главная", "Фото: пресс-служба Кремля",
         "Читайте также: В Кремле прокомментировали итоги переговоров", "Комментарии", "Самое читаемое",
         "Курс доллара опустился ниже 60 рублей", "Синоптики пообещали снег",
         "Подписывайтесь на наш канал в Telegram"],
        ["Источник: ТАСС"],
    )
    assert article.credits == ("ТАСС",)
    assert "photo" in removed["Фото: пресс-служба Кремля"].reason


AR_CONTENT = [
    "التقى وزير الخارجية المصري نظيره الأردني في العاصمة عمان اليوم الأحد، وبحث الجانبان تطورات "
    "الأوضاع في المنطقة وسبل تعزيز التعاون الثنائي بين البلدين في مختلف المجالات.",
    "وأكد الوزيران خلال مؤتمر صحفي مشترك على أهمية التنسيق المستمر بين القاهرة وعمان إزاء القضايا "
    "الإقليمية، وفي مقدمتها الأوضاع في الأراضي الفلسطينية.",
    "الملف الاقتصادي",
    "وأشار الوزير الأردني إلى أن حجم التبادل التجاري بين البلدين شهد ارتفاعا ملحوظا خلال العام "
    "الماضي، معربا عن أمله في زيادته خلال الفترة المقبلة.",
]


def test_arabic_ministry_story():
    text = "\n".join([
        "الرئيسية",
        "English | Français",
        "وزير الخارجية المصري يلتقي نظيره الأردني في عمان لبحث الأوضاع الإقليمية",
        *AR_CONTENT,
        "اقرأ أيضا: الأردن ومصر يوقعان اتفاقية للربط الكهربائي",
        "المصدر: وكالة الأنباء الأردنية (بترا)",
        "/انتهى/",
        "شارك",
        "طباعة",
        "الأكثر قراءة",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "جميع الحقوق محفوظة © 2023",
    ])
    article, body, removed = check(
        text,
        "وزير الخارجية المصري يلتقي نظيره الأردني في عمان لبحث الأوضاع الإقليمية",
        AR_CONTENT,
        ["الرئيسية", "English | Français", "اقرأ أيضا: الأردن ومصر يوقعان اتفاقية للربط الكهربائي", "/انتهى/",
         "شارك", "طباعة", "الأكثر قراءة", "ارتفاع أسعار الذهب في الأسواق المحلية", "جميع الحقوق محفوظة © 2023"],
        ["المصدر: وكالة الأنباء الأردنية (بترا)"],
    )
    assert article.credits == ("وكالة الأنباء الأردنية (بترا)",)
    assert "end-of-message" in removed["/انتهى/"].reason


FA_CONTENT = [
    "به گزارش خبرگزاری نمونه، وزیر امور خارجه روز دوشنبه در دیدار با همتای عمانی خود درباره "
    "روابط دوجانبه و تحولات منطقه گفت‌وگو کرد و بر گسترش همکاری‌های اقتصادی تاکید کرد.",
    "وی افزود: دو کشور می‌توانند در زمینه‌های حمل و نقل، انرژی و گردشگری همکاری‌های "
    "گسترده‌تری داشته باشند و کمیسیون مشترک اقتصادی به زودی تشکیل می‌شود.",
    "وزیر خارجه عمان نیز در این دیدار از مواضع ایران در قبال امنیت منطقه قدردانی کرد.",
]


def test_persian_agency_story():
    text = "\n\n".join([
        "صفحه اصلی",
        "English | عربي",
        "دیدار وزیر امور خارجه با همتای عمانی؛ تاکید بر گسترش همکاری‌های اقتصادی",
        *FA_CONTENT,
        "کد خبر: 1234567",
        "برچسب‌ها: وزارت امور خارجه، عمان، دیپلماسی",
        "انتهای پیام",
        "اخبار مرتبط",
        "سفر هیئت اقتصادی به مسقط",
        "ارسال نظر",
        "کلیه حقوق این سایت محفوظ است",
    ])
    article, body, removed = check(
        text,
        "دیدار وزیر امور خارجه با همتای عمانی؛ تاکید بر گسترش همکاری‌های اقتصادی",
        FA_CONTENT,
        ["صفحه اصلی", "English | عربي", "کد خبر: 1234567", "برچسب‌ها: وزارت امور خارجه، عمان، دیپلماسی",
         "انتهای پیام", "اخبار مرتبط", "سفر هیئت اقتصادی به مسقط", "ارسال نظر", "کلیه حقوق این سایت محفوظ است"],
    )
    # ZWNJ-glued and spaced spellings of a cue match alike
    _, _, removed2 = run("\n".join([FA_CONTENT[0], FA_CONTENT[1], "پربیننده ترین اخبار", "پربینندهترین اخبار"]))
    assert "پربیننده ترین اخبار" in removed2 and "پربینندهترین اخبار" in removed2


def test_persian_with_arabic_letters_matches_persian_cues():
    # Persian typed with Arabic yeh/kaf: cue and stopword matching fold them (the text is untouched)
    text = "\n".join([FA_CONTENT[0].replace("ی", "ي").replace("ک", "ك"), FA_CONTENT[1], "نظرات كاربران"])
    article, body, removed = run(text)
    assert "نظرات كاربران" in removed
    assert article.text == text


def test_a_list_introduced_by_a_colon_stays():
    intro = ("The committee published the names of the teams that qualified for the next round of the "
             "competition, which starts in October and ends in November:")
    teams = ["Lions - Eagles", "Tigers - Sharks", "Wolves - Bears", "Hawks - Owls"]
    text = "\n".join(["Draw for the second round announced", EN_CONTENT[0], EN_CONTENT[1], intro, *teams])
    article, body, removed = run(text)
    for team in teams:
        assert team in body, removed.get(team)


def test_a_short_closing_sentence_stays_and_a_trailing_menu_goes():
    text = "\n".join(["Talks resume in Geneva", EN_CONTENT[0], EN_CONTENT[3],
                      "The next round is due in May.", "World", "Business", "Sport"])
    article, body, removed = run(text)
    assert "The next round is due in May." in body
    assert all(x in removed for x in ("World", "Business", "Sport"))
    assert "after the last paragraph" in removed["Sport"].reason


def test_everything_after_an_end_marker_is_furniture():
    text = "\n".join(["Talks resume in Geneva", EN_CONTENT[0], EN_CONTENT[1], "End of story",
                      EN_CONTENT[3]])
    article, body, removed = run(text)
    assert EN_CONTENT[3] in removed
    assert "end-of-message" in removed[EN_CONTENT[3]].reason


def test_repeated_title_nearly_the_same_is_removed():
    text = "\n".join([
        "Putin calls for closer security cooperation in the CIS",
        "Putin calls for closer security cooperation in the CIS.",
        EN_CONTENT[0], EN_CONTENT[1],
    ])
    article, body, removed = run(text)
    assert article.title_span is not None
    assert removed["Putin calls for closer security cooperation in the CIS."].reason == "repeats the title"


def test_title_given_by_the_container():
    # the text starts with it: title_span points there
    text = "\n".join(["Oil climbs as OPEC+ signals deeper cuts", EN_CONTENT[0], EN_CONTENT[1]])
    article, body, removed = run(text, title="Oil climbs as OPEC+ signals deeper cuts | Example News")
    assert article.title == "Oil climbs as OPEC+ signals deeper cuts"
    assert article.title_span is not None and article.title_span.start == 0
    # the text does not start with it: the title is put on top, so it has offsets like the rest
    article, body, removed = run("\n".join(EN_CONTENT[:2]), title="Oil climbs again")
    assert article.title == "Oil climbs again"
    assert article.text.startswith("Oil climbs again\n\n") and article.title_span == Span(0, 16)
    assert body == EN_CONTENT[:2]


def test_no_title_when_the_text_opens_with_a_paragraph():
    article, body, removed = run("\n\n".join(EN_CONTENT[:2]))
    assert article.title is None and article.title_span is None
    assert body == EN_CONTENT[:2]


def test_publisher_line_is_removed():
    text = "\n".join(["Oil climbs again", EN_CONTENT[0], EN_CONTENT[1], "Example News"])
    article, body, removed = run(text, publisher="Example News")
    assert removed["Example News"].reason == "the publisher's name"
    assert article.publisher == "Example News"


def test_a_one_paragraph_brief_is_kept():
    # nothing around it looks like a page: short items are not thrown away by the context pass
    article, body, removed = run("Markets closed higher on Friday.", title="Markets close higher")
    assert body == ["Markets closed higher on Friday."]


def test_agencies_line_is_a_source():
    article, body, removed = run("\n".join(["Quake hits the coast", EN_CONTENT[0], EN_CONTENT[1], "(Agencies)"]))
    assert removed["(Agencies)"].kind == "source"
    assert article.credits == ("Agencies",)


@needs_dateline
def test_dateline_near_the_top_becomes_published():
    text = "\n".join(["Oil climbs again", "26 October 2022", EN_CONTENT[0], EN_CONTENT[1]])
    article, body, removed = run(text)
    assert article.published == "2022-10-26"
    assert removed["26 October 2022"].kind == "dateline"


@needs_dateline
def test_dateline_in_persian_digits_and_solar_hijri():
    text = "\n".join(["دیدار وزیر امور خارجه با همتای عمانی", "۴ آبان ۱۴۰۱", *FA_CONTENT])
    article, body, removed = run(text)
    assert article.published == "2022-10-26"
    assert removed["۴ آبان ۱۴۰۱"].kind == "dateline"


def test_container_date_wins_over_dateline():
    text = "\n".join(["Oil climbs again", "26 October 2022", EN_CONTENT[0], EN_CONTENT[1]])
    article, _, _ = run(text, published="2022-10-27")
    assert article.published == "2022-10-27"
