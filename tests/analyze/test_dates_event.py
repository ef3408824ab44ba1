"""Absolute dates, twins, roles, publication and event dates on constructed articles."""

from __future__ import annotations

from _dates_helpers import analyze, check_spans, make_article, relative, texts

from akhbar.analyze.dates import analyze_dates
from akhbar.records import DateMention

from _dates_helpers import CONTEXT


def by_text(article, text: str) -> DateMention:
    return next(d for d in article.dates if d.text == text)


# -- absolute dates and twins ---------------------------------------------------------------------

def test_persian_gregorian_with_wrong_jalali_twin_keeps_both_values():
    a = analyze("تیتر خبر\n\nاین پیمان در 21 دسامبر 1991 (20 آذر 1380) در آلماتی امضا شد.", "fa")
    check_spans(a)
    g, j = a.dates
    assert (g.text, g.calendar, g.value, g.stated) == ("21 دسامبر 1991", "gregorian", "1991-12-21", "1991-12-21")
    assert (j.text, j.calendar, j.value, j.stated) == ("20 آذر 1380", "jalali", "2001-12-11", "1380-09-20")
    assert (g.twin, j.twin) == (1, 0)


def test_arabic_hijri_and_gregorian_twins_with_link_word():
    a = analyze("عنوان\n\nصدر القرار في ١٥ رمضان ١٤٤٤ هـ الموافق ٦ أبريل ٢٠٢٣ م بعد مشاورات.", "ar")
    check_spans(a)
    h, g = a.dates
    assert (h.calendar, h.stated, h.value) == ("hijri", "1444-09-15", "2023-04-06")
    assert (g.calendar, g.value) == ("gregorian", "2023-04-06")
    assert (h.twin, g.twin) == (1, 0)


def test_numeric_twins_in_brackets():
    a = analyze("تیتر\n\nاین سند در ۱۴۰۱/۰۸/۰۴ (2022-10-26) منتشر شد.", "fa")
    assert [(d.calendar, d.value, d.twin) for d in a.dates] == [
        ("jalali", "2022-10-26", 1), ("gregorian", "2022-10-26", 0)]


def test_same_calendar_neighbours_are_not_twins():
    a = analyze("Title\n\nTalks ran from 3 March 2021 to 5 March 2021 in Vienna.", "en")
    assert [d.twin for d in a.dates] == [None, None]


def test_distant_dates_in_two_calendars_are_not_twins():
    a = analyze("تیتر\n\nقرارداد در 21 دسامبر 1991 امضا شد و سپس در جلسه‌ای دیگر در 20 آذر 1380 تمدید شد.", "fa")
    assert [d.twin for d in a.dates] == [None, None]


def test_weekday_written_with_a_date():
    a = analyze("Title\n\nThe council met on Wednesday, 26 October 2022, in Moscow.", "en")
    d = a.dates[0]
    assert d.weekday == 2 and d.calendar == "gregorian" and relative(a) == []


def test_russian_absolute_and_relative():
    a = analyze("Заголовок\n\nПрезидент вчера провёл встречу. Соглашение подписано 25 октября 2022 года.",
                "ru", published="2022-10-26")
    check_spans(a)
    assert texts(a) == ["вчера", "25 октября 2022 года"]
    y = a.dates[0]
    assert (y.offset_days, y.value, y.role) == (-1, "2022-10-25", "event")
    assert a.event_date == "2022-10-25"


# -- publication date -----------------------------------------------------------------------------

def test_given_publication_date_is_kept_and_resolves_relative_dates():
    a = analyze("تیتر\n\nوزیر روز گذشته به مسکو رفت.", "fa", published="2022-10-26")
    assert a.published == "2022-10-26"
    d = relative(a)[0]
    assert (d.offset_days, d.value, d.role) == (-1, "2022-10-25", "event")
    assert a.event_date == "2022-10-25"


def test_a_given_publication_date_with_a_time_is_kept_as_given():
    a = analyze("Title\n\nThe minister resigned yesterday.", "en", published="2022-10-26T09:30:00+03:00")
    assert a.published == "2022-10-26T09:30:00+03:00"
    assert a.event_date == "2022-10-25"


def test_dateline_line_is_a_publication_mention():
    a = analyze("عنوان الخبر\n\nأكد الرئيس اليوم أهمية التعاون.", "ar", dateline="٢٦ أكتوبر ٢٠٢٢")
    check_spans(a)
    pub = a.dates[0]
    assert (pub.text, pub.role, pub.value) == ("٢٦ أكتوبر ٢٠٢٢", "publication", "2022-10-26")
    assert a.published == "2022-10-26"
    today = relative(a)[0]
    assert (today.value, today.role) == ("2022-10-26", "event")
    assert a.event_date == "2022-10-26"


def test_today_with_a_date_gives_the_publication_date():
    a = analyze("Title\n\nToday, Wednesday 26 October 2022, the council met in Minsk.", "en")
    assert a.published == "2022-10-26"
    assert a.event_date == "2022-10-26"
    assert [(d.text, d.role) for d in a.dates] == [("Wednesday 26 October 2022", "event")]


def test_yesterday_with_a_date_gives_the_next_day_as_publication_date():
    a = analyze("عنوان\n\nأعلنت الوزارة أمس 25 أكتوبر 2022 عن خطة جديدة.", "ar")
    assert a.published == "2022-10-26"
    assert a.event_date == "2022-10-25"


def test_dateline_at_the_head_of_the_lead():
    a = analyze("تیتر\n\nتهران - ایرنا - ۴ آبان ۱۴۰۱ - وزیر امور خارجه روز جمعه به مسکو رفت.", "fa")
    assert a.published == "2022-10-26"
    head, friday = a.dates
    assert head.role == "publication"
    assert (friday.weekday, friday.offset_days, friday.value, friday.role) == (4, -5, "2022-10-21", "event")
    assert a.event_date == "2022-10-21"


def test_no_publication_date_leaves_relative_values_empty():
    a = analyze("تیتر\n\nپوتین روز جمعه در نشست سران گفت که همکاری ادامه دارد.", "fa")
    assert a.published is None and a.event_date is None
    d = relative(a)[0]
    assert (d.text, d.weekday, d.offset_days, d.value, d.role) == ("روز جمعه", 4, None, None, "event")


# -- background and event -------------------------------------------------------------------------

HISTORY_FA = (
    "تیتر\n\n"
    "نشست سران کشورهای مستقل مشترک المنافع روز گذشته در پایتخت قزاقستان به پایان رسید.\n\n"
    "رهبران درباره مبارزه با تروریسم گفتگو کردند و بر همکاری امنیتی تاکید داشتند و گفتند که "
    "این همکاری در سال‌های آینده گسترش خواهد یافت و نهادهای مشترک تقویت می‌شوند.\n\n"
    "این اتحادیه پس از فروپاشی شوروی شکل گرفت. بیانیه تاسیس آن در 21 دسامبر 1991 (20 آذر 1380) "
    "در آلماتی امضا شد.\n\n"
    "عضویت گرجستان در 3 دسامبر 1993 (12 آذر 1382) پذیرفته شد."
)


def test_history_paragraphs_are_background_and_never_the_event():
    a = analyze(HISTORY_FA, "fa")
    check_spans(a)
    assert a.published is None and a.event_date is None
    roles = {d.text: d.role for d in a.dates}
    assert roles["روز گذشته"] == "event"
    for t in ("21 دسامبر 1991", "20 آذر 1380", "3 دسامبر 1993", "12 آذر 1382"):
        assert roles[t] == "background", t


def test_history_with_a_publication_date():
    a = analyze(HISTORY_FA, "fa", published="2015-10-17")
    assert a.event_date == "2015-10-16"
    assert all(d.role == "background" for d in a.dates if d.calendar != "relative")


def test_founding_cue_makes_a_lead_date_background():
    a = analyze("Title\n\nThe bloc, founded on 8 December 1991, opened its summit on 16 October 2015 "
                "in Burabay.", "en")
    roles = {d.text: d.role for d in a.dates}
    assert roles == {"8 December 1991": "background", "16 October 2015": "event"}
    assert a.event_date == "2015-10-16"


def test_recent_founding_is_news_not_background():
    a = analyze("Title\n\nThe new agency, founded on 20 October 2022, started work.", "en",
                published="2022-10-26")
    assert a.dates[0].role == "event" and a.event_date == "2022-10-20"


def test_old_date_in_the_lead_is_context_when_publication_is_known():
    a = analyze("عنوان\n\nوقع الجانبان في 5 مارس 2022 اتفاقا جديدا للتعاون.", "ar", published="2022-10-26")
    assert a.dates[0].role == ""  # seven months old: not the event, not background
    assert a.event_date is None


def test_older_lead_date_is_background_against_the_newest_one():
    a = analyze("Title\n\nOn 16 October 2015 the leaders, meeting as they did on 3 March 2009, "
                "signed a declaration.", "en")
    roles = {d.text: d.role for d in a.dates}
    assert roles["3 March 2009"] == "background"
    assert a.event_date == "2015-10-16"


def test_future_date_in_the_lead_is_not_the_event():
    a = analyze("Title\n\nThe summit will be held on 5 November 2022 in Cairo, officials said on Tuesday.",
                "en", published="2022-10-26")
    roles = {d.text: d.role for d in a.dates}
    assert roles["5 November 2022"] == ""
    assert roles["on Tuesday"] == "event"
    assert a.event_date == "2022-10-25"


def test_future_tense_weekday_resolves_forward():
    a = analyze("Заголовок\n\nСаммит состоится в среду в Минске.", "ru", published="2022-10-24")
    d = relative(a)[0]
    assert (d.offset_days, d.value, d.role) == (2, "2022-10-26", "")
    assert a.event_date is None


def test_tomorrow_and_weeks_are_never_the_event():
    a = analyze("Title\n\nThe talks resume tomorrow after a pause last week.", "en", published="2022-10-26")
    assert a.event_date is None
    assert {d.text: d.offset_days for d in a.dates} == {"tomorrow": 1, "last week": -7}
    assert all(d.value is None for d in a.dates if d.text == "last week")


def test_title_date_wins_over_lead():
    a = analyze("Summit of 16 October 2015 ends\n\nYesterday the leaders went home.", "en",
                published="2015-10-18")
    assert a.event_date == "2015-10-16"
    assert by_text(a, "16 October 2015").role == "event"


def test_dates_outside_the_lead_are_not_candidates():
    body = ("Title\n\n" + "The ministers discussed trade and security at length. " * 6 +
            "\n\nA second paragraph without dates but with enough words to end the lead. " * 4 +
            "\n\nIn a later session on 12 October 2022 they agreed on a text.")
    a = analyze(body, "en", published="2022-10-26")
    assert a.event_date is None
    assert a.dates[-1].role == ""


def test_metadata_title_dates_count_as_evidence_only():
    art = make_article("Yesterday the leaders went home.", "en", title=False,
                       meta_title="Summit of 16 October 2015 ends", published="2015-10-18")
    a = analyze_dates(art, CONTEXT)
    assert a.event_date == "2015-10-16"
    assert texts(a) == ["Yesterday"]  # no offsets for a title outside the text
    check_spans(a)


def test_year_less_date_takes_the_year_nearest_publication():
    a = analyze("تیتر\n\nوزیر در 16 مهر با همتای خود دیدار کرد.", "fa", published="2022-10-26")
    d = a.dates[0]
    assert (d.stated, d.value, d.role) == ("--07-16", "2022-10-08", "event")


def test_year_less_date_near_new_year():
    a = analyze("Title\n\nThe deal was signed on 30 December.", "en", published="2023-01-02")
    assert a.dates[0].value == "2022-12-30"


def test_article_without_dates():
    a = analyze("Title\n\nNothing here says when.", "en", published="2022-10-26")
    assert a.dates == () and a.event_date is None and a.published == "2022-10-26"


def test_article_in_another_language_gets_absolute_dates_only():
    a = analyze("Titel\n\nDas Treffen fand am 26.10.2022 statt, heute.", "de")
    assert [d.calendar for d in a.dates] == ["gregorian"]


def test_year_less_date_looks_back_unless_the_text_says_next():
    a = analyze("عنوان\n\nأعلن البلدان في 17 ديسمبر عزمهما تطبيع العلاقات. وتنتهي ولاية البرلمان "
                "في 21 أكتوبر المقبل.", "ar", published="2015-07-21")
    last_december, next_october = a.dates
    assert last_december.value == "2014-12-17"
    assert (next_october.value, next_october.role) == ("2015-10-21", "")


def test_month_and_year_count_for_background():
    a = analyze("Title\n\nOutput stayed at the ceiling agreed in December 2011, the council said.", "en",
                published="2015-07-21")
    d = a.dates[0]
    assert (d.stated, d.value, d.role) == ("2011-12", None, "background")


def test_agency_datelines_in_english_and_russian():
    a = analyze("Title\n\nMOSCOW, 26 October 2022 (Reuters) - Russia said on Tuesday it had agreed a deal.", "en")
    assert a.published == "2022-10-26" and a.event_date == "2022-10-25"
    assert [(d.text, d.role) for d in a.dates] == [("26 October 2022", "publication"), ("on Tuesday", "event")]
    a = analyze("Заголовок\n\nМОСКВА, 26 октября 2022 года — Президент в среду провёл встречу.", "ru")
    assert a.published == "2022-10-26" and a.event_date == "2022-10-26"


def test_a_sentence_opening_with_a_date_is_not_a_dateline():
    a = analyze("Title\n\nOn 24 October 2022 the ministers met in Minsk and signed two agreements.", "en")
    assert a.published is None
    assert a.dates[0].role == "event" and a.event_date == "2022-10-24"
