"""Dates that contradict themselves: a date given in two calendars side by side whose halves do
not agree (``calendar_mismatch``), and a weekday written with a date that falls on another day
(``weekday_mismatch``).

The dates analysis pairs the two halves (``DateMention.twin``) and keeps each half's own value;
here each half becomes the Gregorian days it may mean (a day, or a whole month when only the
month is written) and the two must meet. A Lunar Hijri date may fall a day or two either side of
its tabulated value (months start with a local sighting of the moon; see
``akhbar.dateparse.calendars``), so a Hijri half is allowed two days, and a weekday written with
a Hijri date one day; a Solar Hijri (Jalali) or Gregorian half must match exactly.
"""

from __future__ import annotations

import datetime
import re

from ..dateparse import from_gregorian, to_gregorian
from ..records import Article, DateMention, Flag, Statement
from .tables import english_names

HIJRI_SLACK_DAYS = 2
HIJRI_WEEKDAY_SLACK = 1
_STATED = re.compile(r"^(\d{3,4})-(\d{2})(?:-(\d{2}))?$")


def _parse(d: DateMention) -> tuple[int, int, int | None] | None:
    m = _STATED.match(d.stated or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None


def _days(calendar: str, y: int, m: int, day: int | None) -> tuple[datetime.date, datetime.date] | None:
    """The Gregorian days a date (or a whole month) of ``calendar`` covers."""
    try:
        if day is not None:
            g = to_gregorian(calendar, y, m, day)
            return g, g
        first = to_gregorian(calendar, y, m, 1)
        nxt = to_gregorian(calendar, y + (m == 12), m % 12 + 1, 1)
        return first, nxt - datetime.timedelta(days=1)
    except (ValueError, OverflowError):
        return None


def spell(calendar: str, y: int, m: int, day: int | None = None) -> str:
    """"30 Azar 1370", "December 1991"."""
    month = english_names().get((calendar, m), str(m))
    return f"{day} {month} {y}" if day is not None else f"{month} {y}"


def spell_gregorian(d: datetime.date) -> str:
    return spell("gregorian", d.year, d.month, d.day)


def _statement(article: Article, d: DateMention) -> Statement:
    return Statement(article.id, d.start, d.end, d.text, value=d.value, calendar=d.calendar, stated=d.stated,
                     where=_where(article, d.start))


def _where(article: Article, start: int) -> str:
    ts = article.title_span
    return "title" if ts is not None and ts.start <= start < ts.end else "body"


def _in_calendar(calendar: str, span: tuple[datetime.date, datetime.date]) -> str:
    """The Gregorian days ``span`` in ``calendar``: "30 Azar 1370" or "10 Azar to 9 Dey 1370"."""
    a = from_gregorian(calendar, span[0])
    if span[0] == span[1]:
        return spell(calendar, *a)
    b = from_gregorian(calendar, span[1])
    return f"{spell(calendar, *a)} to {spell(calendar, *b)}"


def calendar_flags(article: Article) -> list[Flag]:
    flags: list[Flag] = []
    dates = article.dates
    for i, a in enumerate(dates):
        j = a.twin
        if j is None or j <= i or j >= len(dates):
            continue
        b = dates[j]
        if a.calendar == b.calendar or "relative" in (a.calendar, b.calendar):
            continue
        pa, pb = _parse(a), _parse(b)
        if pa is None or pb is None:
            continue
        da, db = _days(a.calendar, *pa), _days(b.calendar, *pb)
        if da is None or db is None:
            continue
        slack = datetime.timedelta(days=HIJRI_SLACK_DAYS if "hijri" in (a.calendar, b.calendar) else 0)
        if da[0] - slack <= db[1] and db[0] - slack <= da[1]:
            continue
        correct = f"{spell(a.calendar, *pa)} is {_in_calendar(b.calendar, da)}"
        other = f"{spell(b.calendar, *pb)} is {_in_calendar(a.calendar, db)}"
        explanation = (f'"{a.text}" and "{b.text}" are given as the same date but disagree: '
                       f"{correct}, while {other}.")
        flags.append(Flag("calendar_mismatch", (article.id,), (_statement(article, a), _statement(article, b)),
                          explanation, relation="contradiction", correct=correct))
    return flags


def weekday_flags(article: Article) -> list[Flag]:
    flags: list[Flag] = []
    names = english_names()
    for d in article.dates:
        if d.weekday is None or d.calendar == "relative" or not d.value:
            continue
        parsed = _parse(d)
        if parsed is None or parsed[2] is None:
            continue
        try:
            day = datetime.date.fromisoformat(d.value)
        except ValueError:
            continue
        allowed = {day.weekday()}
        if d.calendar == "hijri":
            allowed |= {(day.weekday() + k) % 7 for k in range(-HIJRI_WEEKDAY_SLACK, HIJRI_WEEKDAY_SLACK + 1)}
        if d.twin is not None and 0 <= d.twin < len(article.dates) and article.dates[d.twin].value:
            try:
                allowed.add(datetime.date.fromisoformat(article.dates[d.twin].value).weekday())
            except ValueError:
                pass
        if d.weekday in allowed:
            continue
        said, real = names[("weekday", d.weekday)], names[("weekday", day.weekday())]
        own = spell(d.calendar, *parsed)
        when = own if d.calendar == "gregorian" else f"{own} ({spell_gregorian(day)})"
        correct = f"{when} falls on a {real}"
        swapped = _swapped(d, parsed)
        explanation = f'"{d.text}" names a {said}, but {correct}'
        if swapped:
            explanation += f" (with day and month the other way round, {swapped} would be a {said})"
        explanation += "."
        flags.append(Flag("weekday_mismatch", (article.id,), (_statement(article, d),), explanation,
                          relation="contradiction", correct=correct))
    return flags


_NUMERIC = re.compile(r"\d\s*[/.\-]\s*\d")


def _weekday_fits(calendar: str, day: datetime.date, weekday: int) -> bool:
    slack = HIJRI_WEEKDAY_SLACK if calendar == "hijri" else 0
    return any((day.weekday() + k) % 7 == weekday for k in range(-slack, slack + 1))


def _swapped(d: DateMention, parsed: tuple[int, int, int | None]) -> str | None:
    """A numeric date ("10/4/1436") read with day and month the other way round, when that
    reading falls on the weekday named: "4 Shawwal 1436 (20 July 2015)"."""
    y, m, day = parsed
    if day is None or day > 12 or day == m or not _NUMERIC.search(d.text):
        return None
    try:
        g = to_gregorian(d.calendar, y, day, m)
    except (ValueError, OverflowError):
        return None
    if not _weekday_fits(d.calendar, g, d.weekday):
        return None
    own = spell(d.calendar, y, day, m)
    return own if d.calendar == "gregorian" else f"{own} ({spell_gregorian(g)})"
