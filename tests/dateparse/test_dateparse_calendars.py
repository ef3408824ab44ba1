"""Calendar conversions and their property tests."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.dateparse import from_gregorian, to_gregorian


@pytest.mark.parametrize("cal, ymd, iso", [
    ("jalali", (1380, 9, 20), "2001-12-11"),
    ("jalali", (1370, 9, 30), "1991-12-21"),
    ("jalali", (1401, 1, 1), "2022-03-21"),
    ("jalali", (1403, 12, 30), "2025-03-20"),
    ("hijri", (1444, 9, 1), "2023-03-23"),
    ("hijri", (1444, 10, 1), "2023-04-21"),
    ("hijri", (1, 1, 1), "0622-07-19"),  # outside Umm al-Qura: the arithmetic calendar
    ("gregorian", (2022, 10, 26), "2022-10-26"),
])
def test_to_gregorian(cal, ymd, iso):
    assert to_gregorian(cal, *ymd).isoformat() == iso


@pytest.mark.parametrize("cal, ymd", [
    ("gregorian", (2022, 2, 29)), ("gregorian", (2022, 13, 1)), ("jalali", (1401, 12, 30)),
    ("jalali", (1401, 7, 31)), ("jalali", (1401, 0, 1)), ("hijri", (1444, 9, 31)), ("hijri", (1444, 13, 1)),
])
def test_invalid_dates_raise_value_error(cal, ymd):
    with pytest.raises(ValueError):
        to_gregorian(cal, *ymd)


def test_unknown_calendar():
    with pytest.raises(ValueError):
        to_gregorian("julian", 2000, 1, 1)
    with pytest.raises(ValueError):
        from_gregorian("julian", datetime.date(2000, 1, 1))


def test_hijri_day_30_of_a_29_day_month_is_the_next_day():
    # Rabi al-Awwal 1444 has 29 days in Umm al-Qura; a sighting calendar may have a 30th
    assert to_gregorian("hijri", 1444, 3, 30) == to_gregorian("hijri", 1444, 4, 1)


@pytest.mark.parametrize("d", ["1926-12-06", "1930-04-29", "1931-04-18"])
def test_early_umm_al_qura_31_day_months_round_trip(d):
    day = datetime.date.fromisoformat(d)
    ymd = from_gregorian("hijri", day)
    assert ymd[2] == 31 and to_gregorian("hijri", *ymd) == day


def test_umm_al_qura_and_arithmetic_calendar_differ():
    from convertdate import islamic

    assert to_gregorian("hijri", 1443, 9, 1).isoformat() == "2022-04-02"  # Ramadan 1443 in Riyadh
    diffs = {(to_gregorian("hijri", 1443, m, 1) - datetime.date(*islamic.to_gregorian(1443, m, 1))).days
             for m in range(1, 13)}
    assert diffs - {0} and all(abs(x) <= 2 for x in diffs)


dates = st.dates(min_value=datetime.date(1700, 1, 1), max_value=datetime.date(2199, 12, 31))


@settings(max_examples=300, deadline=None)
@given(d=dates, cal=st.sampled_from(["gregorian", "jalali", "hijri"]))
def test_round_trip(d, cal):
    assert to_gregorian(cal, *from_gregorian(cal, d)) == d


def test_round_trip_every_day_of_the_umm_al_qura_range():
    d, end = datetime.date(1924, 8, 1), datetime.date(2077, 11, 16)
    while d <= end:
        assert to_gregorian("hijri", *from_gregorian("hijri", d)) == d, d
        d += datetime.timedelta(days=97)  # every month position over the years


@settings(max_examples=200, deadline=None)
@given(d=dates)
def test_from_gregorian_is_monotonic_by_day(d):
    nxt = d + datetime.timedelta(days=1)
    for cal in ("jalali", "hijri"):
        assert from_gregorian(cal, nxt) > from_gregorian(cal, d)
