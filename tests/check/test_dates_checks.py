"""Calendar and weekday mismatches, per language, on hand-built dates (no pipeline)."""

from __future__ import annotations

import datetime

from _check_helpers import article, date
from hypothesis import given
from hypothesis import strategies as st

from akhbar.check import article_flags
from akhbar.check.dates import calendar_flags, weekday_flags
from akhbar.dateparse import from_gregorian


def _pair(text, a, b, cal_a, cal_b, val_a, val_b, st_a, st_b, lang="fa"):
    dates = [date(a, text, cal_a, val_a, st_a, twin=1), date(b, text, cal_b, val_b, st_b, twin=0)]
    return article(text, dates=dates, lang=lang)


def test_fa_seed_style_jalali_ten_years_off():
    text = "بیانیه تاسیس در 21 دسامبر 1991 (20 آذر 1380) در آلماتی امضا شد."
    art = _pair(text, "21 دسامبر 1991", "20 آذر 1380", "gregorian", "jalali", "1991-12-21", "2001-12-11",
                "1991-12-21", "1380-09-20")
    [flag] = calendar_flags(art)
    assert flag.kind == "calendar_mismatch"
    assert flag.correct == "21 December 1991 is 30 Azar 1370"
    assert [s.text for s in flag.statements] == ["21 دسامبر 1991", "20 آذر 1380"]
    assert all(text[s.start:s.end] == s.text for s in flag.statements)
    assert '"21 دسامبر 1991"' in flag.explanation and "11 December 2001" in flag.explanation


def test_fa_correct_pair_is_not_flagged():
    text = "در 21 دسامبر 1991 (30 آذر 1370) امضا شد."
    art = _pair(text, "21 دسامبر 1991", "30 آذر 1370", "gregorian", "jalali", "1991-12-21", "1991-12-21",
                "1991-12-21", "1370-09-30")
    assert calendar_flags(art) == []


def test_ar_hijri_allows_two_days_of_moon_sighting():
    text = "يوم الخميس 1 محرم 1445 هـ الموافق 20 يوليو 2023 م"
    art = _pair(text, "1 محرم 1445 هـ", "20 يوليو 2023 م", "hijri", "gregorian", "2023-07-19", "2023-07-20",
                "1445-01-01", "2023-07-20", lang="ar")
    assert calendar_flags(art) == []


def test_ar_hijri_month_off_is_flagged():
    text = "يوم 16 رمضان 1436هـ الموافق 3 يونيو 2015م"
    art = _pair(text, "16 رمضان 1436هـ", "3 يونيو 2015م", "hijri", "gregorian", "2015-07-03", "2015-06-03",
                "1436-09-16", "2015-06-03", lang="ar")
    [flag] = calendar_flags(art)
    assert flag.correct == "16 Ramadan 1436 is 3 July 2015"


def test_ru_and_en_pairs():
    text = "1 рамадана 1444 года хиджры (23 апреля 2023 года)"
    art = _pair(text, "1 рамадана 1444 года хиджры", "23 апреля 2023 года", "hijri", "gregorian", "2023-03-23",
                "2023-04-23", "1444-09-01", "2023-04-23", lang="ru")
    assert len(calendar_flags(art)) == 1
    text = "on March 15, 2023 (Esfand 24, 1401)"
    art = _pair(text, "March 15, 2023", "Esfand 24, 1401", "gregorian", "jalali", "2023-03-15", "2023-03-15",
                "2023-03-15", "1401-12-24", lang="en")
    assert calendar_flags(art) == []


def test_month_only_halves_must_overlap():
    text = "در آذر ۱۳۷۰ (دسامبر ۱۹۹۱) منحل شد و در مهر ۱۳۷۰ (دسامبر ۱۹۹۱) نه."
    dates = [
        date("آذر ۱۳۷۰", text, "jalali", None, "1370-09", twin=1),
        date("دسامبر ۱۹۹۱", text, "gregorian", None, "1991-12", twin=0),
        date("مهر ۱۳۷۰", text, "jalali", None, "1370-07", twin=3),
        date("دسامبر ۱۹۹۱", text, "gregorian", None, "1991-12", twin=2, after=text.index("مهر")),
    ]
    flags = calendar_flags(article(text, dates=dates))
    assert [f.statements[0].text for f in flags] == ["مهر ۱۳۷۰"]


def test_weekday_mismatch_per_language():
    cases = [
        ("ar", "الاثنين الموافق 10/4/ 1436هـ", "hijri", "2015-01-30", "1436-04-10", 0),
        ("en", "Tuesday, October 26, 2022", "gregorian", "2022-10-26", "2022-10-26", 1),
        ("ru", "четверг, 26 октября 2022 года", "gregorian", "2022-10-26", "2022-10-26", 3),
        ("fa", "دوشنبه ۴ آبان ۱۴۰۱", "jalali", "2022-10-26", "1401-08-04", 0),
    ]
    for lang, text, cal, value, stated, wd in cases:
        art = article(text, dates=[date(text, text, cal, value, stated, weekday=wd)], lang=lang)
        [flag] = weekday_flags(art)
        assert flag.kind == "weekday_mismatch", lang
        assert flag.statements[0].text == text


def test_weekday_swapped_day_and_month_is_explained():
    text = "أمس الاثنين الموافق 10/4/ 1436هـ"
    d = date("الاثنين الموافق 10/4/ 1436هـ", text, "hijri", "2015-01-30", "1436-04-10", weekday=0)
    [flag] = weekday_flags(article(text, dates=[d], lang="ar"))
    assert "4 Shawwal 1436 (20 July 2015) would be a Monday" in flag.explanation


def test_weekday_right_or_within_hijri_slack_or_relative_is_not_flagged():
    ok = [
        ("ar", "الأربعاء 26 أكتوبر/تشرين الأول 2022", "gregorian", "2022-10-26", "2022-10-26", 2),
        ("ar", "الاثنين 10 شوال 1436 هـ", "hijri", "2015-07-26", "1436-10-10", 0),  # Sunday in Umm al-Qura
        ("fa", "روز جمعه", "relative", None, None, 4),
        ("en", "Wednesday, October 26", "gregorian", "2022-10-26", "--10-26", 1),  # no year written
    ]
    for lang, text, cal, value, stated, wd in ok:
        art = article(text, dates=[date(text, text, cal, value, stated, weekday=wd)], lang=lang)
        assert weekday_flags(art) == [], text


@given(st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2070, 12, 31)))
def test_a_correct_conversion_is_never_flagged(day):
    for calendar in ("jalali", "hijri"):
        y, m, d = from_gregorian(calendar, day)
        text = f"{day.isoformat()} ({y}-{m}-{d})"
        left, right = day.isoformat(), f"{y}-{m}-{d}"
        art = _pair(text, left, right, "gregorian", calendar, day.isoformat(), day.isoformat(),
                    day.isoformat(), f"{y:04d}-{m:02d}-{d:02d}")
        assert calendar_flags(art) == []
        wd = day.weekday()
        dated = article(left, dates=[date(left, left, "gregorian", left, left, weekday=wd)])
        assert weekday_flags(dated) == []


@given(st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2070, 12, 31)),
       st.integers(min_value=3, max_value=4000))
def test_a_conversion_off_by_more_than_the_slack_is_always_flagged(day, shift):
    wrong = day + datetime.timedelta(days=shift)
    for calendar in ("jalali", "hijri"):
        y, m, d = from_gregorian(calendar, wrong)
        text = f"{day.isoformat()} ({y}-{m}-{d})"
        art = _pair(text, day.isoformat(), f"{y}-{m}-{d}", "gregorian", calendar, day.isoformat(), wrong.isoformat(),
                    day.isoformat(), f"{y:04d}-{m:02d}-{d:02d}")
        [flag] = calendar_flags(art)
        assert flag.correct.startswith(f"{day.day} ")


def test_article_flags_orders_by_position():
    text = "Tuesday, October 26, 2022 and 21 دسامبر 1991 (20 آذر 1380)"
    dates = [
        date("Tuesday, October 26, 2022", text, "gregorian", "2022-10-26", "2022-10-26", weekday=1),
        date("21 دسامبر 1991", text, "gregorian", "1991-12-21", "1991-12-21", twin=2),
        date("20 آذر 1380", text, "jalali", "2001-12-11", "1380-09-20", twin=1),
    ]
    kinds = [f.kind for f in article_flags(article(text, dates=dates))]
    assert kinds == ["weekday_mismatch", "calendar_mismatch"]
