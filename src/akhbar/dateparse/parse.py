"""``find_dates``: absolute dates in Gregorian, Solar Hijri and Lunar Hijri calendars.

Decisions, documented here because they change what is found:

- **Every date contains a digit** (a day or a year): the search is anchored on digit runs.
  Word-only dates (``دوم خرداد``) are left to the later relative-date stage; a Persian ordinal or
  cardinal *word* day is recognised when a year in digits follows (``سوم اسفند 1362``).
- **A bare year is never a date**, nor a month name without a number next to it. Month and year
  (``دسامبر 1991``) and day and month (``16بهمن``) are matches with ``value`` None.
- **Years** have four digits. Two-digit years are read only (a) after a Jalali month with a day
  or with ``سال`` (``۱۴مهر۹۴`` -> 1394, ``دی سال ۹۳`` -> 1393) and (b) in all-two-digit numeric
  dates without spaces (``26.10.22``; in Persian text ``۹۵/۰۹/۰۶`` year first, when the first
  part cannot be a day); the century comes from
  :func:`~akhbar.dateparse.calendars.expand_year`.
- **Numeric dates**: year first is always ``Y/M/D``. Year last: when one of the two parts is
  above 12 the order is clear; when both are <= 12 the order is day-first (``D/M/Y``: Persian,
  Arabic, Russian, European usage) except with ``lang="en"`` and ``/`` separators, where it is
  the US ``M/D/Y``. A four-digit year 1800-2199 is Gregorian; 1200-1499 is Jalali in Persian
  text and Lunar Hijri in Arabic text (the ``lang`` hint, else the script: Persian letters vs
  Arabic-only letters, Persian when nothing tells them apart), and no date in other text; an
  era marker after the year (``هـ``, ``ه.ش``, ``م``, ``г.``, ``AH``) overrides all of this.
- **Weekdays** right before a date (``الأربعاء 26 ...``, ``Wednesday, October 26``) are part of
  the match and kept as written, even when they disagree with the date.
- **Speed**: every date has a digit, so the search is anchored on digit runs; cheap word-set
  tests (is the next word a month's first word, is one of the three previous words a month's
  last word) decide whether the compiled patterns are tried at all.
- **Calendar of a month name** comes from the name: ``آذر``/``مهر`` are Jalali, ``آذار``/
  ``ديسمبر``/``كانون الأول`` Gregorian, ``رمضان`` Lunar Hijri. Names that are also ordinary words
  need a day and/or a year next to them (flags in ``data/dates/*/months.tsv``).
- ``lang`` is a hint: ``"fa"``, ``"ar"``, ``"ru"`` use that language's tables plus English ones;
  ``None`` (or another language) uses all tables.
"""

from __future__ import annotations

import re

from .calendars import MONTH_YEAR_RANGE, YEAR_RANGE, expand_year, to_gregorian
from .folding import key
from .grammar import GAP, Grammar, grammar
from .match import DateMatch
from .tables import LANGUAGES, MonthName

_LOOKBACK = 60  # chars before a year where its day word and month may start
_WEEKDAY_LOOKBACK = 40
_GAP_CHARS = " \t\u00a0\u202f\u2009\u200c\u200e\u200f,،"
_HAS_GAP = re.compile(GAP)
_WORD = re.compile(r"[^\W\d_]+")
# the digit systems of the four languages: ASCII, Arabic-Indic, Persian (Extended Arabic-Indic)
_FIRST_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_RUN = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]+")
# after a number: a separator and a digit (2022/10), or (after a hyphen) the next word (26 October)
_AFTER_NUMBER = re.compile(f"{GAP}{{0,3}}(?:([/\\-.\\\\]){GAP}?\\d|-?([^\\W\\d_]+))")
_FA_LETTERS = "پچژگیک"
_AR_LETTERS = "يكةى"
_ARABIC_SCRIPT = re.compile("[\u0600-\u06FF]")


def _languages(lang: str | None) -> tuple[tuple[str, ...], str | None]:
    if lang:
        code = lang.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return ((code,) if code == "en" else (code, "en")), code
    return LANGUAGES, None


class _Context:
    """The text's language: the hint, else guessed once from the Arabic-script letters."""

    __slots__ = ("text", "hint", "_guess", "_guessed")

    def __init__(self, text: str, hint: str | None) -> None:
        self.text, self.hint, self._guess, self._guessed = text, hint, None, False

    def lang(self) -> str | None:
        if self.hint:
            return self.hint
        if not self._guessed:
            fa = sum(self.text.count(c) for c in _FA_LETTERS)
            ar = sum(self.text.count(c) for c in _AR_LETTERS)
            if fa != ar:
                self._guess = "fa" if fa > ar else "ar"
            elif _ARABIC_SCRIPT.search(self.text):
                # no letter tells them apart (a short line: "1401/08/04 تهران"): Persian, since
                # Arabic writes its Hijri numeric dates with هـ, which decides without a guess
                self._guess = "fa"
            self._guessed = True
        return self._guess


def find_dates(text: str, lang: str | None = None) -> list[DateMatch]:
    """The absolute dates in ``text``, in order, not overlapping (see the module docstring)."""
    if not text:
        return []
    langs, hint = _languages(lang)
    g = grammar(langs)
    ctx = _Context(text, hint)
    out: list[DateMatch] = []
    last_end = pos = 0
    while True:
        # a one-character class is searched far faster than \d+ by re (no per-position setup)
        first = _FIRST_DIGIT.search(text, pos)
        if first is None:
            break
        s = first.start()
        e = pos = _DIGIT_RUN.match(text, s).end()
        n = e - s
        if n > 4 or n == 3 or s < last_end:
            continue
        before = _start_before(text, s, n, g, last_end)
        for start in (before, s if _may_start(text, e, n, g) else -1):
            if start < 0:
                continue
            m = g.master.match(text, start)
            found = _build(m, text, g, ctx) if m is not None else None
            if found is not None:
                out.append(_with_weekday(found, text, g, last_end))
                last_end = pos = max(e, found[1])
                break
    return out


# ---------------------------------------------------------------------------------------------


def _may_start(text: str, end: int, n: int, g: Grammar) -> bool:
    """Can the digit run ending at ``end`` begin a date? (numeric separator, or a month word)"""
    m = _AFTER_NUMBER.match(text, end)
    if m is None:
        return False
    if m.group(1):
        return True
    return n <= 2 and m.group(2) is not None and key(m.group(2)) in g.first_words


def _start_before(text: str, s: int, n: int, g: Grammar, floor: int) -> int:
    """Where a date whose digits start at ``s`` may begin earlier (``October 26``, ``سوم اسفند
    1362``, ``دی سال ۹۳``), or -1. Cheap tests first: the character and words before."""
    j = s - 1
    while j >= floor and s - j <= 4 and text[j] in _GAP_CHARS:
        j -= 1
    if j < floor:
        return -1
    c = text[j]
    if n == 4:
        if not (c.isalpha() or c in ").\u0640"):
            return -1
    elif c.isascii():
        if not (c.isalpha() or c == "."):
            return -1  # form B: October 26
    elif n != 2 or c not in g.year_word_ends:
        return -1  # دی سال ۹۳
    words = _previous_words(text, s, floor)
    if not any(w in g.last_words for w in words):
        return -1
    if n == 4 or (n == 2 and words[0] in g.year_words):
        w = g.back.search(text, max(floor, s - _LOOKBACK), s)
    elif n <= 2 and words[0].isascii():
        w = g.latin_back.search(text, max(floor, s - 16), s)
    else:
        w = None
    return w.start() if w else -1


def _previous_words(text: str, pos: int, floor: int = 0, limit: int = 3) -> list[str]:
    """Keys of the last ``limit`` words before ``pos`` (nearest first), not before ``floor``."""
    words = _WORD.findall(text, max(floor, pos - 40), pos)[-limit:]
    return [key(w) for w in reversed(words)]


def _entry(text: str, g: Grammar, ctx: _Context) -> MonthName | None:
    entries = g.tables.months.get(key(text))
    if not entries:
        return None
    if len(entries) == 1:
        return next(iter(entries.values()))
    lang = ctx.lang()
    if lang in entries:
        return entries[lang]
    return min(entries.values(), key=lambda e: e.needs_day + e.needs_year + e.lang_only)


def _usable(entry: MonthName, name_start: int, text: str, ctx: _Context) -> bool:
    if entry.capital and not text[name_start].isupper():
        return False
    if entry.lang_only and ctx.lang() != entry.lang:
        return False
    return True


def _era(text: str, pos: int, g: Grammar) -> tuple[str, int] | None:
    em = g.era.match(text, pos)
    if em is None:
        return None
    cal = g.tables.eras.get(key(em.group("era")))
    return (cal, em.end()) if cal else None


Found = tuple  # (start, end, calendar, year, month, day)


def _build(m: re.Match, text: str, g: Grammar, ctx: _Context) -> Found | None:
    form = m.lastgroup
    if form in ("N1", "N2"):
        return _numeric(m, form, text, g, ctx)
    p = form.lower()
    entry = _entry(m.group(f"{p}_m"), g, ctx)
    if entry is None or not _usable(entry, m.start(f"{p}_m"), text, ctx):
        return None
    cal = entry.calendar
    day = None
    dn = m.group(f"{p}_dn")
    dw = m.group("a_dw") if form == "A" else None
    if dn is not None or dw is not None:
        day = int(dn) if dn is not None else g.tables.day_words[key(dw)][0]
        if not 1 <= day <= 31:
            return None
    # where the date ends without its year: after the (doubled) month, or after B's day
    year_allowed = True
    if form == "B":
        end = m.end("b_dp")
    else:
        end = m.end(f"{p}_mf")
        if m.group(f"{p}_dbl"):
            other = _entry(m.group(f"{p}_m2"), g, ctx)
            if other is not None and (other.calendar, other.month) == (cal, entry.month):
                end = m.end(f"{p}_dbl")
            else:
                year_allowed = False  # "26 October/November 2022": not one date; keep "26 October"
    year = None
    ytext = m.group(f"{p}_y")
    if ytext is not None and year_allowed:
        if len(ytext) == 4:
            era = _era(text, m.end(f"{p}_y"), g)
            bounds = YEAR_RANGE if day is not None or (era and era[0] == cal) else MONTH_YEAR_RANGE
            lo, hi = bounds[cal]
            if lo <= int(ytext) <= hi:
                year = int(ytext)
        elif (cal == "jalali" and (day is not None or m.group(f"{p}_yp"))
              and g.month_at.match(text, m.end(f"{p}_y")) is None):
            # ۱۴مهر۹۴, دی سال ۹۳; but not ۲۰ آبان ۱۴ آذر
            year = expand_year("jalali", int(ytext))
        if year is not None:
            end = m.end(f"{p}_y")
            era = _era(text, end, g)
            if era and era[0] == cal:
                end = era[1]
    if (entry.needs_day and day is None) or (entry.needs_year and year is None):
        return None
    if year is None and dn is None:
        return None  # every date has a digit: a word day or a lone month needs its year
    return (m.start(), end, cal, year, entry.month, day)


def _numeric(m: re.Match, form: str, text: str, g: Grammar, ctx: _Context) -> Found | None:
    spaced = _HAS_GAP.search(m.group()) is not None
    if form == "N1":
        y, mo, d = int(m.group("n1_y")), int(m.group("n1_m")), int(m.group("n1_d"))
        sep = m.group("n1_s")
        two_digit = False
    else:
        a, b, ytext = m.group("n2_a"), m.group("n2_b"), m.group("n2_y")
        sep = m.group("n2_s")
        two_digit = len(ytext) == 2
        if two_digit:
            if spaced or sep not in "/." or len(a) != 2 or len(b) != 2:
                return None
            if ctx.lang() == "fa":
                if int(a) <= 31:
                    return None  # 05/09/95: neither order nor calendar is clear
                y, mo, d = expand_year("jalali", int(a)), int(b), int(ytext)
                return _numeric_result(m, "jalali", y, mo, d)
            y = expand_year("gregorian", int(ytext))
        else:
            y = int(ytext)
        a_i, b_i = int(a), int(b)
        if a_i > 12 >= b_i:
            d, mo = a_i, b_i
        elif b_i > 12 >= a_i:
            mo, d = a_i, b_i
        elif a_i <= 12 and b_i <= 12:
            if ctx.hint == "en" and sep == "/":
                mo, d = a_i, b_i
            else:
                d, mo = a_i, b_i
        else:
            return None
        if two_digit:
            return _numeric_result(m, "gregorian", y, mo, d)
    era = _era(text, m.end(), g)
    if era:
        cal = era[0]
        lo, hi = YEAR_RANGE[cal]
        if not lo <= y <= hi:
            return None
    elif 1800 <= y <= 2199:
        cal = "gregorian"
    elif 1200 <= y <= 1499 and ctx.lang() in ("fa", "ar"):
        cal = "jalali" if ctx.lang() == "fa" else "hijri"
    else:
        return None
    return _numeric_result(m, cal, y, mo, d, era[1] if era else None)


def _numeric_result(m: re.Match, cal: str, y: int, mo: int, d: int,
                    era_end: int | None = None) -> Found | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    end = era_end if era_end is not None else m.end()
    return (m.start(), end, cal, y, mo, d)


def _with_weekday(found: Found, text: str, g: Grammar, floor: int) -> DateMatch:
    start, end, cal, year, month, day = found
    value = None
    if year is not None and month is not None and day is not None:
        try:
            value = to_gregorian(cal, year, month, day)
        except ValueError:
            value = None
    weekday = weekday_text = None
    words = _previous_words(text, start, floor, 2) if start > floor else ()
    if any(w in g.weekday_words for w in words):
        wm = g.weekday_back.search(text, max(floor, start - _WEEKDAY_LOOKBACK), start)
        if wm is not None:
            wd = g.tables.weekdays.get(key(wm.group("wd")))
            if wd is not None:
                weekday, weekday_text, start = wd, wm.group("wd"), wm.start()
    return DateMatch(start, end, text[start:end], cal, year, month, day, value, weekday,
                     weekday_text)
