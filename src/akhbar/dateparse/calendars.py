"""Conversions between the Gregorian, Solar Hijri (Jalali) and Lunar Hijri calendars.

- Jalali: ``jdatetime`` (the arithmetic Persian calendar Iran uses; its leap years match the
  official calendar for the years news is about).
- Hijri: ``hijridate`` (the Umm al-Qura calendar of Saudi Arabia, tabulated for 1343-1500 AH,
  i.e. 1924-08-01 to 2077-11-16), and outside that range ``convertdate.islamic`` (the arithmetic
  "tabular" Islamic calendar). The two disagree by one or two days on many dates, and neither is
  what every country uses: a lunar month starts with a local sighting of the moon, so a date
  written in Tehran, Cairo and Riyadh may mean days a day apart. Treat a Hijri date's Gregorian
  value as +-2 days. Because a lunar month has 29 or 30 days depending on the sighting, day 30 is
  accepted in every month: where the table's month has 29 days it is the day after the 29th.
  (The early Umm al-Qura table in ``hijridate`` has three 31-day months, 1345/5, 1348/11 and
  1349/11; their day 31 exists, so that every Gregorian day round-trips.)
"""

from __future__ import annotations

import datetime

import jdatetime
from convertdate import islamic
from hijridate import Gregorian, Hijri

CALENDARS = ("gregorian", "jalali", "hijri")

# The years a written date may have in each calendar (four digits; wider ranges are not news).
YEAR_RANGE = {
    "gregorian": (1000, 2199),
    "jalali": (1000, 1699),
    "hijri": (1000, 1699),
}
# A month name and a number without a day and without an era marker is a month and year only
# in this narrower range: "في جمادى الآخرة 1063 صفقة" counts deals, "رمضان 1436" is a date.
MONTH_YEAR_RANGE = {
    "gregorian": (1500, 2199),
    "jalali": (1200, 1499),
    "hijri": (1300, 1499),
}
_UMM_AL_QURA_YEARS = (1343, 1500)
_UMM_AL_QURA_DAYS = (datetime.date(1924, 8, 1), datetime.date(2077, 11, 16))


def _hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    if not (1 <= month <= 12 and 1 <= day <= 31 and year >= 1):
        raise ValueError(f"invalid Hijri date {year}-{month}-{day}")
    if _UMM_AL_QURA_YEARS[0] <= year <= _UMM_AL_QURA_YEARS[1]:
        h = Hijri(year, month, 1)
        if day > max(30, h.month_length()):
            raise ValueError(f"invalid Hijri date {year}-{month}-{day}")
        g = h.to_gregorian()
        first = datetime.date(g.year, g.month, g.day)
    else:
        if day > 30:
            raise ValueError(f"invalid Hijri date {year}-{month}-{day}")
        y, m, d = islamic.to_gregorian(year, month, 1)
        first = datetime.date(y, m, d)
    # day 30 of a 29-day month is the day after the 29th (see the module docstring)
    return first + datetime.timedelta(days=day - 1)


def to_gregorian(calendar: str, year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of ``year-month-day`` in ``calendar``; ValueError if it does not exist."""
    try:
        if calendar == "gregorian":
            return datetime.date(year, month, day)
        if calendar == "jalali":
            if not (1 <= month <= 12 and 1 <= day <= 31 and year >= 1):
                raise ValueError(f"invalid Jalali date {year}-{month}-{day}")
            g = jdatetime.date(year, month, day).togregorian()
            return datetime.date(g.year, g.month, g.day)
        if calendar == "hijri":
            return _hijri_to_gregorian(year, month, day)
    except (OverflowError, TypeError) as e:
        raise ValueError(f"invalid {calendar} date {year}-{month}-{day}: {e}") from None
    raise ValueError(f"unknown calendar {calendar!r}; use one of {', '.join(CALENDARS)}")


def from_gregorian(calendar: str, d: datetime.date) -> tuple[int, int, int]:
    """``(year, month, day)`` of the Gregorian date ``d`` in ``calendar``."""
    if calendar == "gregorian":
        return d.year, d.month, d.day
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=d)
        return j.year, j.month, j.day
    if calendar == "hijri":
        if _UMM_AL_QURA_DAYS[0] <= d <= _UMM_AL_QURA_DAYS[1]:
            return Gregorian(d.year, d.month, d.day).to_hijri().datetuple()
        y, m, dd = islamic.from_gregorian(d.year, d.month, d.day)
        return int(y), int(m), int(dd)
    raise ValueError(f"unknown calendar {calendar!r}; use one of {', '.join(CALENDARS)}")


def expand_year(calendar: str, yy: int) -> int:
    """A two-digit year as a full year, with a fixed pivot so that results never depend on today.

    Jalali: 00-29 -> 1400-1429, 30-99 -> 1330-1399 (news writes ``۱۴ مهر ۹۴`` for 1394).
    Gregorian: 00-49 -> 2000-2049, 50-99 -> 1950-1999.
    """
    if calendar == "jalali":
        return 1400 + yy if yy < 30 else 1300 + yy
    if calendar == "gregorian":
        return 2000 + yy if yy < 50 else 1900 + yy
    raise ValueError(f"no two-digit years in the {calendar} calendar")
