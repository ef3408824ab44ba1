"""Datelines: a line that gives a date and nothing else of substance.

``parse_dateline("٢٦ أكتوبر ٢٠٢٢")`` is ``"2022-10-26"``; so is ``"تهران - ایرنا - ۴ آبان ۱۴۰۱"``,
``"Published: Wednesday, 26 Oct 2022 10:30 GMT"`` and ``"Опубликовано: 26.10.2022 в 10:30"``. A
sentence that merely contains a date is not a dateline: "اليوم الأربعاء 26 أكتوبر/تشرين الأول
2022" standing alone is one, inside "وجاءت تصريحات الرئيس ... اليوم الأربعاء 26 أكتوبر/تشرين
الأول 2022." it is not.

How a line is read: its dates are found with :func:`akhbar.dateparse.find_dates`; the dates,
clock times (``10:30``, ``T10:30:00+03:00``), dateline labels, time words and "news id: 123"
(``data/dates/<lang>/dateline.tsv``) are taken out; what remains is cut at separators
(``- | / , ، : ( )``...). The line is a dateline when some date is complete, the stretch around
each date holds nothing else, and the rest is at most :data:`MAX_OTHER_WORDS` words without
digits (a place, an agency: "MOSCOW (Reuters)", "تهران - ایرنا").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dateparse import find_dates
from ..dateparse.folding import trie_pattern
from ..dateparse.grammar import NAL, NBL
from ..dateparse.tables import LANGUAGES, language_table

MAX_LINE_CHARS = 200
MAX_OTHER_WORDS = 3
_DATE = "\x00"
_SEPARATORS = re.compile(r"[-–—|/\\،,:;؛()\[\]«»\"“”•·*]+")
_TIME = re.compile(
    r"(?<!\d)\d{1,2}\s?[:：]\s?\d{2}(?:\s?[:：]\s?\d{2})?(?:[.,]\d+)?(?!\d)"
    r"|T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+\-−]\d{2}:?\d{2})?"
    r"|(?<![\w])[+\-−]\d{2}:?\d{2}(?!\d)"
    r"|(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern, re.Pattern]:
    """(labels and time words, "id: number") from every language's dateline table."""
    words, ids = [], []
    for lang in LANGUAGES:
        for kind, text in language_table(lang).dateline:
            (ids if kind == "id" else words).append(text)
    word_rx = re.compile(f"{NAL}(?:{trie_pattern(words)}){NBL}", re.IGNORECASE)
    id_rx = re.compile(f"{NAL}(?:{trie_pattern(ids)}){NBL}\\s*[:：#]?\\s*\\d+", re.IGNORECASE)
    return word_rx, id_rx


def parse_dateline(line: str, lang: str | None = None) -> str | None:
    """The ISO date of a dateline, or None when ``line`` is not one (see the module docstring).

    ``lang`` is the optional language hint of :func:`~akhbar.dateparse.find_dates`.
    """
    text = line.strip()
    if not text or len(text) > MAX_LINE_CHARS:
        return None
    dates = find_dates(text, lang)
    first = next((d for d in dates if d.value is not None), None)
    if first is None:
        return None
    parts, pos = [], 0
    for d in dates:
        parts += [text[pos:d.start], f" {_DATE} "]
        pos = d.end
    parts.append(text[pos:])
    rest = "".join(parts)
    word_rx, id_rx = _words()
    rest = id_rx.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = word_rx.sub(" ", rest)
    other = 0
    for segment in _SEPARATORS.split(rest):
        tokens = segment.split()
        if _DATE in tokens:
            if any(t != _DATE for t in tokens):
                return None  # a word next to the date with no separator: a sentence
            continue
        if any(any(c.isdigit() for c in t) for t in tokens):
            return None
        other += len(tokens)
    if other > MAX_OTHER_WORDS:
        return None
    return first.iso()
