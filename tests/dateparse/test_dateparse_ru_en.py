"""Russian and English dates."""

from __future__ import annotations

import pytest

from akhbar.dateparse import find_dates


def one(text, lang):
    ms = find_dates(text, lang)
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize("text, want_text, iso", [
    ("Встреча прошла 26 октября 2022 г. в Москве", "26 октября 2022 г.", "2022-10-26"),
    ("Встреча прошла 26 октября 2022 года в Москве", "26 октября 2022 года", "2022-10-26"),
    ("Договор подписан 8 декабря 1991 года", "8 декабря 1991 года", "1991-12-08"),
    ("с 1 января 2023 г.", "1 января 2023 г.", "2023-01-01"),
    ("к 9 мая 2020", "9 мая 2020", "2020-05-09"),
    ("12 июня 1990 года", "12 июня 1990 года", "1990-06-12"),
    ("23 февраля 2022", "23 февраля 2022", "2022-02-23"),
    ("8 марта 2021", "8 марта 2021", "2021-03-08"),
    ("12 апреля 1961", "12 апреля 1961", "1961-04-12"),
    ("22 июля 1941", "22 июля 1941", "1941-07-22"),
    ("19 августа 1991", "19 августа 1991", "1991-08-19"),
    ("1 сентября 2004", "1 сентября 2004", "2004-09-01"),
    ("7 ноября 1917 г.", "7 ноября 1917 г.", "1917-11-07"),
    ("26-го октября 2022 года", "26-го октября 2022 года", "2022-10-26"),
    ("26 окт. 2022", "26 окт. 2022", "2022-10-26"),
    ("ДАТА: 26 ОКТЯБРЯ 2022", "26 ОКТЯБРЯ 2022", "2022-10-26"),
    ("Опубликовано 26.10.2022 в 10:30", "26.10.2022", "2022-10-26"),
    ("срок до 01.02.2023", "01.02.2023", "2023-02-01"),
    ("среда, 26 октября 2022", "среда, 26 октября 2022", "2022-10-26"),
])
def test_russian(text, want_text, iso):
    m = one(text, "ru")
    assert (m.text, m.iso(), m.calendar) == (want_text, iso, "gregorian")


@pytest.mark.parametrize("text, month", [
    ("в мае 2020 года", 5), ("в январе 2021", 1), ("октябрь 2015", 10), ("в декабре 1991 года", 12),
])
def test_russian_month_year(text, month):
    m = one(text, "ru")
    assert (m.month, m.day, m.value) == (month, None, None)


def test_russian_weekday():
    m = one("в среду, 26 октября 2022 года", "ru")
    assert (m.weekday, m.weekday_text) == (2, "среду")


@pytest.mark.parametrize("text, want_text, iso", [
    ("On Wednesday, October 26, 2022, Putin said", "Wednesday, October 26, 2022", "2022-10-26"),
    ("Putin said on Oct. 26, 2022 that", "Oct. 26, 2022", "2022-10-26"),
    ("the attacks of Sept. 11, 2001 changed", "Sept. 11, 2001", "2001-09-11"),
    ("on 26 October 2022 in Moscow", "26 October 2022", "2022-10-26"),
    ("on the 26th of October, 2022", "26th of October, 2022", "2022-10-26"),
    ("on October 26th, 2022", "October 26th, 2022", "2022-10-26"),
    ("Wed, 26 Oct 2022 10:00:00 GMT", "Wed, 26 Oct 2022", "2022-10-26"),
    ("released 2022-10-26T10:00:00Z", "2022-10-26", "2022-10-26"),
    ("due 10/26/2022", "10/26/2022", "2022-10-26"),
    ("on 1 May 2020", "1 May 2020", "2020-05-01"),
    ("on March 8, 2021", "March 8, 2021", "2021-03-08"),
    ("on Ramadan 15, 1444 AH", "Ramadan 15, 1444 AH", "2023-04-06"),
])
def test_english(text, want_text, iso):
    ms = find_dates(text, "en")
    assert [(m.text, m.iso()) for m in ms] == [(want_text, iso)]


def test_english_hijri_and_jalali_names():
    m = one("on 15 Ramadan 1444 AH", "en")
    assert (m.calendar, m.year, m.month, m.day, m.text) == ("hijri", 1444, 9, 15, "15 Ramadan 1444 AH")
    m = one("on 1 Farvardin 1402", "en")
    assert (m.calendar, m.iso()) == ("jalali", "2023-03-21")


def test_english_month_year_and_us_order():
    m = one("in October 2015 the summit", "en")
    assert (m.text, m.month, m.day, m.value) == ("October 2015", 10, None, None)
    assert one("10/05/2022", "en").iso() == "2022-10-05"  # US order when ambiguous with lang=en
    assert one("10/05/2022", "ru").iso() == "2022-05-10"  # day first elsewhere
    assert one("10/05/2022", None).iso() == "2022-05-10"
    assert one("13/05/2022", "en").iso() == "2022-05-13"  # unambiguous


@pytest.mark.parametrize("text", [
    "they may 5 times", "you may 2022", "March on", "in 2020 the", "COVID-19 cases", "version 1.2.10",
    "call 555-12-2020", "192.168.10.10", "Dec", "Tir 5", "sat 5 hours",
])
def test_english_not_dates(text):
    assert find_dates(text, "en") == []
