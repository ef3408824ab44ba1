"""Numeric dates, digit systems, calendar choice for numeric years."""

from __future__ import annotations

import pytest

from akhbar.dateparse import find_dates


def got(text, lang=None):
    return [(m.text, m.calendar, m.iso()) for m in find_dates(text, lang)]


@pytest.mark.parametrize("text, lang, want", [
    ("2022/10/26", None, ("2022/10/26", "gregorian", "2022-10-26")),
    ("2022-10-26", None, ("2022-10-26", "gregorian", "2022-10-26")),
    ("26/10/2022", None, ("26/10/2022", "gregorian", "2022-10-26")),
    ("26-10-2022", None, ("26-10-2022", "gregorian", "2022-10-26")),
    ("26.10.2022", "ru", ("26.10.2022", "gregorian", "2022-10-26")),
    ("۱۴۰۱/۰۸/۰۴", "fa", ("۱۴۰۱/۰۸/۰۴", "jalali", "2022-10-26")),
    ("1401/8/4", "fa", ("1401/8/4", "jalali", "2022-10-26")),
    ("۱۴۰۱-۰۸-۰۴", "fa", ("۱۴۰۱-۰۸-۰۴", "jalali", "2022-10-26")),
    ("۴/۸/۱۴۰۱", "fa", ("۴/۸/۱۴۰۱", "jalali", "2022-10-26")),
    ("1395 . 8 . 19", "fa", ("1395 . 8 . 19", "jalali", "2016-11-09")),
    ("5 / 9 / 1385", "fa", ("5 / 9 / 1385", "jalali", "2006-11-26")),
    ("۹۵/۰۹/۰۶", "fa", ("۹۵/۰۹/۰۶", "jalali", "2016-11-26")),
    ("1444/03/30", "ar", ("1444/03/30", "hijri", "2022-10-26")),
    ("1444/03/30هـ", None, ("1444/03/30هـ", "hijri", "2022-10-26")),
    ("1401/08/04 ه.ش", "ar", ("1401/08/04 ه.ش", "jalali", "2022-10-26")),
    ("1100/09/09 قمری", "fa", ("1100/09/09 قمری", "hijri", "1689-06-27")),
    ("26.10.22", "ru", ("26.10.22", "gregorian", "2022-10-26")),
    ("11.19.2016", None, ("11.19.2016", "gregorian", "2016-11-19")),
    ("٢٦/١٠/٢٠٢٢", "ar", ("٢٦/١٠/٢٠٢٢", "gregorian", "2022-10-26")),
    ("۲۰۲۲/۱۰/۲۶", "fa", ("۲۰۲۲/۱۰/۲۶", "gregorian", "2022-10-26")),
])
def test_numeric(text, lang, want):
    assert got("date " + text + " end", lang) == [want]


@pytest.mark.parametrize("text, lang", [
    ("1401/08/04", "en"),  # a 14xx year is no date outside Persian/Arabic text
    ("1401/08/04", "ru"),
    ("26/13/2022", None),  # no month 13
    ("32/10/2022", None),
    ("1.1.12.234", None),
    ("10:30:45", None),
    ("1/2/3", None),
    ("05/09/95", "fa"),  # neither the order nor the calendar is clear
    ("26 . 10 . 22", "ru"),  # two-digit years only unspaced
    ("1700/01/01", None),
])
def test_numeric_rejected(text, lang):
    assert find_dates("x " + text + " y", lang) == []


def test_numeric_year_calendar_follows_the_script_without_hint():
    assert got("تاریخ ۱۴۰۱/۰۸/۰۴ گزارش")[0][1] == "jalali"
    assert got("بتاريخ 1444/03/30 صدرت الوثيقة")[0][1] == "hijri"
    assert got("1401/08/04 تهران")[0][1] == "jalali"  # nothing tells them apart: Persian


def test_invalid_numeric_date_has_no_value():
    (m,) = find_dates("31/02/2022")
    assert (m.month, m.day, m.value) == (2, 31, None)


@pytest.mark.parametrize("digits", ["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"])
def test_every_digit_system(digits):
    tr = str.maketrans("0123456789", digits)
    for text, lang, iso in [("26 أكتوبر 2022", "ar", "2022-10-26"), ("4 آبان 1401", "fa", "2022-10-26"),
                            ("2022/10/26", None, "2022-10-26")]:
        t = text.translate(tr)
        (m,) = find_dates(t, lang)
        assert (m.text, m.iso()) == (t, iso)


def test_mixed_digit_systems_in_one_date():
    (m,) = find_dates("۲۶ أكتوبر 2022", "ar")
    assert m.iso() == "2022-10-26"


def test_digit_runs_inside_longer_numbers_are_not_days():
    assert find_dates("شماره 123 آذر 1400", "fa")[0].text == "آذر 1400"
    assert find_dates("کد 12345 آبان", "fa") == []
