"""The per-language date tables in ``akhbar/data/dates/<lang>/`` (format: the README there).

:func:`language_table` reads one language's files (once per process); :func:`merged` joins
several languages' tables into lookups by :func:`~akhbar.dateparse.folding.key`. A spelling that
two languages share (``مارس`` in Persian and Arabic) must mean the same month in both; the
flags may differ per language (``مهر`` needs a year in Arabic, not in Persian), so every entry
keeps its language and the grammar picks the entry of the text's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .folding import key

LANGUAGES = ("fa", "ar", "ru", "en")
CALENDARS = ("gregorian", "jalali", "hijri")


@dataclass(frozen=True)
class MonthName:
    lang: str
    calendar: str
    month: int
    variant: str
    needs_day: bool = False
    needs_year: bool = False
    lang_only: bool = False  # only when the text is in ``lang``
    capital: bool = False  # only with an upper-case first letter


@dataclass(frozen=True)
class LanguageTable:
    lang: str
    months: tuple[MonthName, ...]
    weekdays: tuple[tuple[str, int], ...]  # (variant, 0=Monday..6=Sunday)
    eras: tuple[tuple[str, str], ...]  # (marker, calendar)
    words: tuple[tuple[str, int | None, str], ...]  # (kind, value, text)
    dateline: tuple[tuple[str, str], ...]  # (kind, text)


def _rows(lang: str, name: str) -> list[list[str]]:
    path = resources.files("akhbar").joinpath("data", "dates", lang, name)
    if not path.is_file():
        return []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        rows.append(cols)
    return rows


def _flags(cols: list[str], i: int) -> str:
    return cols[i] if len(cols) > i else ""


@lru_cache(maxsize=None)
def language_table(lang: str) -> LanguageTable:
    """The date tables of one language (``fa``, ``ar``, ``ru``, ``en``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no date tables for language {lang!r}; have {', '.join(LANGUAGES)}")
    months = []
    for cols in _rows(lang, "months.tsv"):
        calendar, month, variant = cols[0], int(cols[1]), cols[2]
        flags = _flags(cols, 3)
        if calendar not in CALENDARS or not 1 <= month <= 12 or set(flags) - set("dyLC"):
            raise ValueError(f"data/dates/{lang}/months.tsv: bad row {cols!r}")
        months.append(MonthName(lang, calendar, month, variant, "d" in flags, "y" in flags,
                                "L" in flags, "C" in flags))
    weekdays = []
    for cols in _rows(lang, "weekdays.tsv"):
        wd = int(cols[0])
        if not 0 <= wd <= 6:
            raise ValueError(f"data/dates/{lang}/weekdays.tsv: bad row {cols!r}")
        weekdays.append((cols[1], wd))
    eras = []
    for cols in _rows(lang, "eras.tsv"):
        if cols[0] not in CALENDARS:
            raise ValueError(f"data/dates/{lang}/eras.tsv: bad row {cols!r}")
        eras.append((cols[1], cols[0]))
    words = []
    for cols in _rows(lang, "words.tsv"):
        kind, value, text = cols[0], (int(cols[1]) if cols[1] else None), cols[2]
        words.append((kind, value, text))
    dateline = [(cols[0], cols[1]) for cols in _rows(lang, "dateline.tsv")]
    return LanguageTable(lang, tuple(months), tuple(weekdays), tuple(eras), tuple(words),
                         tuple(dateline))


@dataclass(frozen=True)
class Merged:
    """Several languages' tables joined into lookups by key."""

    langs: tuple[str, ...]
    months: dict[str, dict[str, MonthName]]  # key -> lang -> entry
    weekdays: dict[str, int]
    eras: dict[str, str]
    day_words: dict[str, tuple[int, bool]]  # key -> (day, cardinal?)

    def words(self, kind: str) -> list[str]:
        out = []
        for lang in self.langs:
            out += [t for k, _, t in language_table(lang).words if k == kind]
        return out


@lru_cache(maxsize=16)
def merged(langs: tuple[str, ...]) -> Merged:
    months: dict[str, dict[str, MonthName]] = {}
    weekdays: dict[str, int] = {}
    eras: dict[str, str] = {}
    day_words: dict[str, tuple[int, bool]] = {}
    for lang in langs:
        t = language_table(lang)
        for m in t.months:
            k = key(m.variant)
            prev = next(iter(months.get(k, {}).values()), None)
            if prev is not None and (prev.calendar, prev.month) != (m.calendar, m.month):
                raise ValueError(
                    f"month name {m.variant!r} ({lang}) means {m.calendar} {m.month} but "
                    f"{prev.variant!r} ({prev.lang}) means {prev.calendar} {prev.month}")
            months.setdefault(k, {}).setdefault(lang, m)
        for v, wd in t.weekdays:
            k = key(v)
            if weekdays.get(k, wd) != wd:
                raise ValueError(f"weekday {v!r} ({lang}) is ambiguous")
            weekdays[k] = wd
        for v, cal in t.eras:
            k = key(v)
            if eras.get(k, cal) != cal:
                raise ValueError(f"era marker {v!r} ({lang}) is ambiguous")
            eras[k] = cal
        for kind, value, text in t.words:
            if kind in ("day", "dayc"):
                day_words[key(text)] = (int(value), kind == "dayc")
    return Merged(langs, months, weekdays, eras, day_words)
