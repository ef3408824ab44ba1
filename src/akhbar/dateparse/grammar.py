r"""The date grammar: compiled patterns for a set of languages.

Forms recognised (``D`` day, ``M`` month name, ``Y`` year; spaces optional where Persian and
Arabic text loses them, ``16مهر``, ``مهر1382``):

- ``A`` day first: ``D [suffix] [of|من] [شهر] M[ماه] [/M | (M) | M] [,] [سال|عام] [Y [era]]``;
  the day may be a Persian or Arabic ordinal word (``سوم اسفند 1362``, ``الخامس من شوال 1436``)
  or, only when a year follows, a Persian cardinal word (``یک تیر سال 1332``); without a day it
  is month and year, ``M [,] [سال|عام] Y [era]`` (a two-digit year only after ``سال``);
- ``B`` month first with a day, for Latin-script names: ``M D[th][,] [Y [era]]``;
- ``N1``/``N2`` numeric: ``Y/M/D`` and ``D/M/Y`` (or ``M/D/Y``) with one separator out of
  ``/ - . \``, optionally spaced (``1395 . 8 . 19``).

A weekday word before any of them is found afterwards with ``weekday_back``. Every date
contains a digit; the search is anchored on digit runs, so text without digits costs one regex
scan and a text with digits a few anchored matches per number, never a scan per character in
Python. Month names, weekdays and markers are compiled as prefix tries from the tables
(:func:`~akhbar.dateparse.folding.trie_pattern`). The decisions the patterns cannot make (is
this year plausible for this calendar, does the name need a day, is the day-month order
clear) are made in :mod:`akhbar.dateparse.parse`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .folding import key, trie_pattern
from .tables import Merged, language_table, merged

GAP = "[ \t\u00a0\u202f\u2009\u200c\u200e\u200f]"
NAL = r"(?<![^\W\d_])"  # not after a letter
NBL = r"(?![^\W\d_])"  # not before a letter
SEPS = r"[/\-.\\]"
# a day or a numeric date part must not continue a number (2.5, 10:30, 1.1.12.234, COVID-19)
NUM_START = r"(?<![\dA-Za-z\u0400-\u04FF])(?<!\d[.,/\\:\-٫٬])(?<![A-Za-z]-)"
NUM_END = r"(?!\d)(?![.,/\\:\-٫٬]\d)"
YEAR_END = r"(?!\d)(?![.,/\\:٫٬]\d)"
# between the two names of a doubled month: "/", "-", "(", or spaces
DOUBLE_SEP = f"(?:{GAP}{{0,3}}[/\\-]{GAP}{{0,3}}|{GAP}{{1,3}}|{GAP}{{0,3}}\\({GAP}{{0,3}})"


def _latin(variant: str) -> bool:
    return all(c.isascii() for c in variant)


@dataclass(frozen=True)
class Grammar:
    tables: Merged
    master: re.Pattern  # anchored forms, used with .match at candidate starts
    back: re.Pattern  # what may stand before a year/day: [day word] month ..., ending at endpos
    latin_back: re.Pattern  # a Latin month before a day number (form B), ending at endpos
    weekday_back: re.Pattern  # a weekday (and link) ending at endpos
    era: re.Pattern  # an era marker after a year
    month_at: re.Pattern  # a month name (after optional spaces): is this number a day?
    # cheap filters before the patterns above (keys of words, see _word_sets)
    first_words: frozenset  # what may follow a day number: a month's first word, ام, th, of
    last_words: frozenset  # what may stand right before a year or a day: a month's last word
    year_words: frozenset  # سال, عام
    year_word_ends: frozenset  # their last letters, in every spelling
    weekday_words: frozenset  # the last words of weekday names and of الموافق-like links


def _month_part(p: str, months: str, msfx: str) -> str:
    """A month name, optionally doubled: ``أكتوبر/تشرين الأول``, ``أكتوبر (تشرين الأول)``,
    ``سبتمبر أيلول`` (one copy of the month trie for the second name keeps compiling fast)."""
    return (
        f"(?P<{p}_mf>{NAL}(?P<{p}_m>{months})(?:{GAP}?(?:{msfx}))?{NBL})"
        f"(?P<{p}_dbl>{DOUBLE_SEP}"
        f"{NAL}(?P<{p}_m2>{months})(?:{GAP}?(?:{msfx}))?{NBL}(?:{GAP}{{0,3}}\\))?)?"
    )


@lru_cache(maxsize=16)
def grammar(langs: tuple[str, ...]) -> Grammar:
    t = merged(langs)
    # every spelling (the merged table keeps one entry per key and language)
    variants = [m.variant for lang in langs for m in language_table(lang).months]
    months = trie_pattern(variants)
    latin_months = trie_pattern(v for v in variants if _latin(v))
    msfx = trie_pattern(t.words("msfx"))
    dsfx = trie_pattern(t.words("dsfx"))
    dlink = trie_pattern(t.words("dlink"))
    ypfx = trie_pattern(t.words("ypfx"))
    wdlink = trie_pattern(t.words("wdlink"))
    daywords = trie_pattern(text for lang in langs
                            for kind, _, text in language_table(lang).words
                            if kind in ("day", "dayc"))
    weekdays = trie_pattern(v for lang in langs for v, _ in language_table(lang).weekdays)
    eras = trie_pattern(v for lang in langs for v, _ in language_table(lang).eras)

    day_suffix = f"(?:{GAP}?(?:{dsfx}){NBL})?"
    mpfx = trie_pattern(t.words("mpfx"))
    day_month_link = (f"{GAP}{{0,3}}(?:{NAL}(?:{dlink}){NBL}{GAP}{{1,3}})?"
                      f"(?:{NAL}(?:{mpfx}){NBL}{GAP}{{1,3}})?")
    year_sep = f"(?:{GAP}{{0,3}}[,،]{GAP}{{0,3}}|{GAP}{{0,3}})"
    year_prefix = f"(?:(?:{ypfx}){GAP}{{1,3}})?"

    def named_year_prefix(p: str) -> str:
        return f"(?P<{p}_yp>(?:{ypfx}){GAP}{{1,3}})?"

    # day first (26 October 2022), or no day: month and year (October 2015, رمضان 1436)
    form_a = (
        f"(?P<A>(?:(?:{NUM_START}(?P<a_dn>\\d{{1,2}}){NUM_END}{day_suffix}"
        f"|{NAL}(?P<a_dw>{daywords}){NBL}){day_month_link})?"
        f"{_month_part('a', months, msfx)}"
        f"(?:{year_sep}{named_year_prefix('a')}(?P<a_y>\\d{{4}}|\\d{{2}}){YEAR_END})?)"
    )
    form_b = (
        f"(?P<B>{NAL}(?P<b_m>{latin_months}){NBL}{GAP}{{1,3}}"
        f"(?P<b_dp>(?P<b_dn>\\d{{1,2}}){NUM_END}{day_suffix})"
        f"(?:(?:{GAP}{{0,3}},{GAP}{{0,3}}|{GAP}{{1,3}})(?P<b_y>\\d{{4}}){YEAR_END})?)"
    )
    form_n1 = (
        f"(?P<N1>{NUM_START}(?P<n1_y>\\d{{4}}){GAP}?(?P<n1_s>{SEPS}){GAP}?(?P<n1_m>\\d{{1,2}})"
        f"{GAP}?(?P=n1_s){GAP}?(?P<n1_d>\\d{{1,2}})(?!\\d)(?![/\\-.\\\\:]\\d))"
    )
    form_n2 = (
        f"(?P<N2>{NUM_START}(?P<n2_a>\\d{{1,2}}){GAP}?(?P<n2_s>{SEPS}){GAP}?(?P<n2_b>\\d{{1,2}})"
        f"{GAP}?(?P=n2_s){GAP}?(?P<n2_y>\\d{{4}}|\\d{{2}})(?!\\d)(?![/\\-.\\\\:]\\d))"
    )
    # B before A: at a Latin month, "October 26, 2022" is month-day-year, not month-year
    master = "|".join((form_n1, form_n2, form_b, form_a))

    plain_month = f"{NAL}(?:{months})(?:{GAP}?(?:{msfx}))?{NBL}"
    back = (
        f"(?:{NAL}(?:{daywords}){NBL}{day_month_link})?{plain_month}"
        f"(?:{DOUBLE_SEP}{plain_month}(?:{GAP}{{0,3}}\\))?)?"
        f"{year_sep}{year_prefix}\\Z"
    )
    latin_back = f"{NAL}(?:{latin_months}){NBL}{GAP}{{1,3}}\\Z"
    weekday_back = (
        f"{NAL}(?P<wd>{weekdays}){NBL}{GAP}{{0,3}}[,،\\-]?{GAP}{{0,3}}"
        f"(?:(?:{wdlink}){GAP}{{1,3}})?\\Z"
    )
    era = f"{GAP}{{0,2}}(?P<era>{eras}){NBL}"
    month_at = f"{GAP}{{0,3}}{NAL}(?:{months}){NBL}"
    flags = re.IGNORECASE
    return Grammar(
        tables=t,
        master=re.compile(master, flags),
        back=re.compile(back, flags),
        latin_back=re.compile(latin_back, flags),
        weekday_back=re.compile(weekday_back, flags),
        era=re.compile(era, flags),
        month_at=re.compile(month_at, flags),
        **_word_sets(langs, variants, t),
    )


_NON_WORD = re.compile(r"[\W\d_]+")


def _spellings(ch: str) -> set[str]:
    """Every character that :func:`key` folds to the same letter as ``ch``."""
    k = key(ch)
    return {c for c in "یيىئکكهةۀاأإآٱ" + ch + ch.upper() if key(c) == k}


def _word_sets(langs: tuple[str, ...], variants: list[str], t: Merged) -> dict:
    first, last = set(), set()
    msfx = [key(w) for w in t.words("msfx")]
    for v in variants:
        parts = [key(x) for x in _NON_WORD.split(v) if x]
        whole = key(v)
        first.update((parts[0], whole))
        last.update((parts[-1], whole))
        first.update(whole + sfx for sfx in msfx)  # آذرماه
        last.update(whole + sfx for sfx in msfx)
    first.update(key(w) for kind in ("dsfx", "dlink", "mpfx") for w in t.words(kind))
    first.update(key(x) for w in t.words("dsfx") for x in _NON_WORD.split(w) if x)  # -го
    weekday_words = {key(x) for lang in langs for v, _ in language_table(lang).weekdays
                     for x in [v, *_NON_WORD.split(v)] if x}
    weekday_words.update(key(x) for w in t.words("wdlink") for x in _NON_WORD.split(w) if x)
    return {
        "weekday_words": frozenset(weekday_words),
        "first_words": frozenset(first - {""}),
        "last_words": frozenset(last - {""}),
        "year_words": frozenset(key(w) for w in t.words("ypfx")),
        "year_word_ends": frozenset(c for w in t.words("ypfx") for c in _spellings(w[-1])),
    }
