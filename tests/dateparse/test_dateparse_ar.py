"""Arabic: Egyptian/Gulf, Maghrebi and Levantine month names, Hijri dates, weekdays."""

from __future__ import annotations

import pytest

from akhbar.dateparse import find_dates


def found(text, lang="ar"):
    return [(m.text, m.calendar, m.iso()) for m in find_dates(text, lang)]


@pytest.mark.parametrize("text, want", [
    ("عقد الاجتماع في ٢٦ أكتوبر ٢٠٢٢ في موسكو", [("٢٦ أكتوبر ٢٠٢٢", "gregorian", "2022-10-26")]),
    ("في 26 اكتوبر 2022", [("26 اكتوبر 2022", "gregorian", "2022-10-26")]),
    ("في 1 يناير 2020", [("1 يناير 2020", "gregorian", "2020-01-01")]),
    ("في 14 فبراير 2005", [("14 فبراير 2005", "gregorian", "2005-02-14")]),
    ("في 25 أبريل 2011", [("25 أبريل 2011", "gregorian", "2011-04-25")]),
    ("في 25 ابريل 2011", [("25 ابريل 2011", "gregorian", "2011-04-25")]),
    ("في 15 مايو 1948", [("15 مايو 1948", "gregorian", "1948-05-15")]),
    ("في 5 يونيو 1967", [("5 يونيو 1967", "gregorian", "1967-06-05")]),
    ("في 23 يوليو 1952", [("23 يوليو 1952", "gregorian", "1952-07-23")]),
    ("في 2 أغسطس 1990", [("2 أغسطس 1990", "gregorian", "1990-08-02")]),
    ("في 11 سبتمبر 2001", [("11 سبتمبر 2001", "gregorian", "2001-09-11")]),
    ("في 6 أكتوبر 1973", [("6 أكتوبر 1973", "gregorian", "1973-10-06")]),
    ("في 1 نوفمبر 1954", [("1 نوفمبر 1954", "gregorian", "1954-11-01")]),
    ("في 17 ديسمبر 2010", [("17 ديسمبر 2010", "gregorian", "2010-12-17")]),
    # Maghrebi
    ("في 14 جانفي 2011", [("14 جانفي 2011", "gregorian", "2011-01-14")]),
    ("في 22 فيفري 2019", [("22 فيفري 2019", "gregorian", "2019-02-22")]),
    ("في 5 جويلية 1962", [("5 جويلية 1962", "gregorian", "1962-07-05")]),
    ("في 20 أوت 1955", [("20 أوت 1955", "gregorian", "1955-08-20")]),
    ("في 1 ماي 2020 عيد العمال", [("1 ماي 2020", "gregorian", "2020-05-01")]),
    ("في 30 يوليوز 1999", [("30 يوليوز 1999", "gregorian", "1999-07-30")]),
    # Levantine
    ("في 6 كانون الثاني 2021", [("6 كانون الثاني 2021", "gregorian", "2021-01-06")]),
    ("في 14 شباط 2005", [("14 شباط 2005", "gregorian", "2005-02-14")]),
    ("في 15 آذار 2011", [("15 آذار 2011", "gregorian", "2011-03-15")]),
    ("في 13 نيسان 1975", [("13 نيسان 1975", "gregorian", "1975-04-13")]),
    ("في 25 أيار 2000", [("25 أيار 2000", "gregorian", "2000-05-25")]),
    ("في 5 حزيران 1967", [("5 حزيران 1967", "gregorian", "1967-06-05")]),
    ("في 12 تموز 2006", [("12 تموز 2006", "gregorian", "2006-07-12")]),
    ("في 4 آب 2020 وقع الانفجار", [("4 آب 2020", "gregorian", "2020-08-04")]),
    ("في 9 أيلول 2001", [("9 أيلول 2001", "gregorian", "2001-09-09")]),
    ("في 17 تشرين الأول 2019", [("17 تشرين الأول 2019", "gregorian", "2019-10-17")]),
    ("في 22 تشرين الثاني 1943", [("22 تشرين الثاني 1943", "gregorian", "1943-11-22")]),
    ("في 31 كانون الأول 2022", [("31 كانون الأول 2022", "gregorian", "2022-12-31")]),
])
def test_gregorian_month_names(text, want):
    assert found(text) == want


@pytest.mark.parametrize("text, want", [
    ("الأربعاء 26 أكتوبر/تشرين الأول 2022", "الأربعاء 26 أكتوبر/تشرين الأول 2022"),
    ("26 تشرين الأول/أكتوبر 2022", "26 تشرين الأول/أكتوبر 2022"),
    ("26 أكتوبر (تشرين الأول) 2022", "26 أكتوبر (تشرين الأول) 2022"),
    ("26 أكتوبر / تشرين الأول 2022", "26 أكتوبر / تشرين الأول 2022"),
])
def test_double_month_forms_are_one_date(text, want):
    (m,) = find_dates("اليوم " + text + ".", "ar")
    assert m.text == want and m.iso() == "2022-10-26"


def test_double_form_with_two_different_months_is_not_one_date():
    a, b = find_dates("بين 26 أكتوبر/نوفمبر 2022", "ar")
    assert (a.text, a.month, a.year, a.value) == ("26 أكتوبر", 10, None, None)
    assert (b.text, b.month, b.year, b.value) == ("نوفمبر 2022", 11, 2022, None)


def test_levantine_adhar_is_gregorian_and_persian_azar_is_jalali():
    (a,) = find_dates("في 15 آذار 2011", "ar")
    (b,) = find_dates("في 15 آذر 1390", "fa")
    assert (a.calendar, a.month) == ("gregorian", 3)
    assert (b.calendar, b.month) == ("jalali", 9)
    (c,) = find_dates("في 15 آذر 1390")
    assert c.calendar == "jalali"


@pytest.mark.parametrize("text, want", [
    ("في 15 رمضان 1444 هـ", ("15 رمضان 1444 هـ", 1444, 9, 15, "2023-04-06")),
    ("الموافق 1 شوال 1444هـ", ("1 شوال 1444هـ", 1444, 10, 1, "2023-04-21")),
    ("10 محرم 1445", ("10 محرم 1445", 1445, 1, 10, "2023-07-28")),
    ("12 ربيع الأول 1444 هـ", ("12 ربيع الأول 1444 هـ", 1444, 3, 12, "2022-10-08")),
    ("9 ذو الحجة 1443", ("9 ذو الحجة 1443", 1443, 12, 9, "2022-07-08")),
    ("9 ذي الحجة 1443", ("9 ذي الحجة 1443", 1443, 12, 9, "2022-07-08")),
    ("5 جمادى الآخرة 1444", ("5 جمادى الآخرة 1444", 1444, 6, 5, "2022-12-29")),
    ("20 صفر 1444 هجري", ("20 صفر 1444 هجري", 1444, 2, 20, "2022-09-16")),
])
def test_hijri(text, want):
    (m,) = find_dates(text, "ar")
    assert (m.text, m.year, m.month, m.day, m.iso()) == want
    assert m.calendar == "hijri"


def test_hijri_month_year():
    (m,) = find_dates("خلال شهر رمضان 1444 هـ", "ar")
    assert (m.text, m.calendar, m.year, m.month, m.day, m.value) == ("رمضان 1444 هـ", "hijri", 1444, 9, None, None)


@pytest.mark.parametrize("text, weekday", [
    ("السبت 22 أكتوبر 2022", 5), ("الأحد 23 أكتوبر 2022", 6), ("الاثنين 24 أكتوبر 2022", 0),
    ("الإثنين 24 أكتوبر 2022", 0), ("الثلاثاء 25 أكتوبر 2022", 1), ("الأربعاء 26 أكتوبر 2022", 2),
    ("الخميس 27 أكتوبر 2022", 3), ("الجمعة 28 أكتوبر 2022", 4),
    ("الخميس، 27 أكتوبر 2022", 3), ("الخميس الموافق 27 أكتوبر 2022", 3),
])
def test_weekdays(text, weekday):
    (m,) = find_dates("يوم " + text, "ar")
    assert m.text == text and m.weekday == weekday and m.value.weekday() == weekday


def test_day_with_arabic_article_and_min():
    (m,) = find_dates("في الـ26 من أكتوبر 2022", "ar")
    assert (m.text, m.iso()) == ("26 من أكتوبر 2022", "2022-10-26")


def test_weekday_is_kept_as_written_even_when_wrong():
    (m,) = find_dates("الخميس 26 أكتوبر 2022", "ar")
    assert m.weekday == 3 and m.value.weekday() == 2


@pytest.mark.parametrize("text", [
    "رجب طيب أردوغان في 2020",  # a name, a bare year
    "قال الأب 5 مرات",
    "اتصل بوالده آب",
    "5 آب",  # آب needs a day and a year
    "في 5 صفر",  # صفر = zero without a year
    "ما بين 5 و 7 آلاف",
    "حتى عام 2030",
    "نيسان 2020 الجديدة",  # Nissan, not April: نيسان needs a day
    "15 مهر",  # a word in Arabic: needs a year
])
def test_not_dates(text):
    assert find_dates(text, "ar") == []


def test_numeric_hijri_and_gregorian():
    assert found("صدر في 30/3/1444") == [("30/3/1444", "hijri", "2022-10-26")]
    assert found("صدر في 1444/3/30هـ") == [("1444/3/30هـ", "hijri", "2022-10-26")]
    assert found("صدر في 26/10/2022م") == [("26/10/2022م", "gregorian", "2022-10-26")]
    assert found("٢٦/١٠/٢٠٢٢") == [("٢٦/١٠/٢٠٢٢", "gregorian", "2022-10-26")]


@pytest.mark.parametrize("text, want", [
    ("في الخامس من جمادى الثانية 1436هـ الموافق", ("الخامس من جمادى الثانية 1436هـ", "2015-03-25")),
    ("يوم السادس والعشرين من فبراير 2016 موعداً", ("السادس والعشرين من فبراير 2016", "2016-02-26")),
    ("حرب العاشر من رمضان 1393", ("العاشر من رمضان 1393", "1973-10-06")),
    ("الحادي عشر من سبتمبر 2001", ("الحادي عشر من سبتمبر 2001", "2001-09-11")),
    ("حتى 25 من شهر ذي القعدة 1436هـ.", ("25 من شهر ذي القعدة 1436هـ", "2015-09-09")),
    ("يوم 6 محرم من عام 1419هـ الموافق", ("6 محرم من عام 1419هـ", "1998-05-02")),
    ("في 5 فبراير من العام 2013 تقريراً", ("5 فبراير من العام 2013", "2013-02-05")),
])
def test_gulf_press_forms(text, want):
    (m,) = find_dates(text, "ar")
    assert (m.text, m.iso()) == want


def test_ordinal_word_day_needs_a_year():
    assert find_dates("في الخامس من شوال", "ar") == []


def test_doubled_month_with_only_a_space():
    (m,) = find_dates("في سبتمبر أيلول 2012 لكن", "ar")
    assert (m.text, m.month, m.year) == ("سبتمبر أيلول 2012", 9, 2012)


@pytest.mark.parametrize("text", [
    "وبلغ إجمالي عدد الصفقات في جمادى الآخرة 1063 صفقة",  # a count after a month name
    "تلقت خلال شهر رمضان المبارك 1550 بلاغا",
])
def test_month_and_count_is_not_a_month_year(text):
    assert find_dates(text, "ar") == []
