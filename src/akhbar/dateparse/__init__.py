"""Absolute dates in Gregorian, Solar Hijri (Jalali) and Lunar Hijri calendars, in Persian,
Arabic, Russian and English text: month names with their variants, weekdays, numeric dates in
every digit system, with exact character offsets.

- :func:`find_dates` (grammar and decisions: :mod:`akhbar.dateparse.parse`),
- :class:`DateMatch`, what it returns,
- :func:`to_gregorian` / :func:`from_gregorian` (which library converts which calendar:
  :mod:`akhbar.dateparse.calendars`).

Language knowledge is in ``akhbar/data/dates/<lang>/`` (format in the README there).
"""

from .calendars import from_gregorian, to_gregorian
from .match import DateMatch
from .parse import find_dates

__all__ = ["DateMatch", "find_dates", "to_gregorian", "from_gregorian"]
