"""The record :func:`~akhbar.dateparse.find_dates` returns."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMatch:
    """One absolute date found in a text.

    ``start``/``end`` are offsets into the searched string and ``text`` is ``string[start:end]``
    (an attached weekday word and an era marker such as ``هـ`` or ``г.`` are inside the span).
    ``year``/``month``/``day`` are the date as written, in ``calendar`` (a two-digit year
    expanded, see :func:`~akhbar.dateparse.calendars.expand_year`); a part that is not written
    is None. ``value`` is the Gregorian date, None when a part is missing or the date does not
    exist (``31 فوریه``). ``weekday`` (0 = Monday .. 6 = Sunday) is the weekday *as written*,
    which may disagree with ``value``: checking that is the later stage's job.
    """

    start: int
    end: int
    text: str
    calendar: str  # "gregorian" | "jalali" | "hijri"
    year: int | None
    month: int | None
    day: int | None
    value: datetime.date | None
    weekday: int | None = None
    weekday_text: str | None = None

    def iso(self) -> str | None:
        """The Gregorian date as ``YYYY-MM-DD``, or None when there is no complete valid date."""
        return self.value.isoformat() if self.value is not None else None
