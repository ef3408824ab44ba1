"""The number grammar of one language, compiled from ``data/analyze/<lang>/numbers.tsv``,
``number_words.tsv``, ``units.tsv`` (and ``dual_nouns.tsv`` for Arabic), and the parser of one
number phrase in normalized text.

A number phrase is digits (``7,000``, ``7.5``, Russian ``7 000`` and ``7,5``, Arabic ``7،5``) or
number words (``پنجاه و یک``, ``خمسة وعشرون``, ``двадцать пять``, ``twenty-five``), then scale
words (``هزار``, ``آلاف``, ``млн``, ``million``); or a vague plural (``عشرات``, ``ده‌ها``,
``сотни``, ``thousands``: a range, 20-99 for "tens of"). :func:`parse_number` reads one such
phrase at a position; :mod:`akhbar.analyze.numbers` adds ranges, units, what is counted, and
throws out years, dates, times and codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .phrase_tables import SCAN_START, WordFinder, caseless, norm_phrase, table_rows, word_alternation

__all__ = ["NumberGrammar", "Num", "grammar", "parse_number", "YEAR_RANGES"]

# Values a bare four-digit number may have when it is a year, per language (Gregorian
# everywhere; Solar Hijri in Persian, Lunar Hijri in Arabic).
YEAR_RANGES = {
    "fa": ((1300, 1499), (1800, 2100)),
    "ar": ((1300, 1499), (1800, 2100)),
}
DEFAULT_YEAR_RANGES = ((1800, 2100),)

_DIGITS = {
    # thousands groups must be exactly three digits; a decimal part follows "." (and the Arabic
    # comma in Arabic script, where the normalizer leaves it)
    "default": r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?",
    "fa": r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:[.\u060c]\d+)?",
    "ar": r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:[.\u060c]\d+)?",
    # Russian: thousands grouped with a space, decimal comma (or point)
    "ru": r"\d{1,3}(?: \d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?",
}
# Arabic proclitics that may be glued to a number word (وعشرون, بخمسة, لثلاثة)
_AR_PROCLITIC = "[وبلفك]"
_AR_PROCLITIC_CHARS = "وبلفك"


@dataclass(frozen=True)
class Word:
    kinds: dict  # kind -> value (num, hundred, scale, vague, fraction, ordinal)
    ambiguous: bool


@dataclass(frozen=True)
class NumberGrammar:
    lang: str
    words: dict  # normalized number word -> Word
    atom: re.Pattern  # digits (group d) or a number word (group w, optional proclitic group p)
    word_scan: WordFinder  # number words and dual nouns
    proclitics: str  # letters that may be glued before a number word (Arabic)
    twos: frozenset  # the words for "two" that make a dual explicit (شخصين اثنين)
    sep: re.Pattern  # between two parts of one number: a space, a connector (group c)
    range_sep: re.Pattern  # between the ends of a range (group paired when it needs an opener)
    percent_after: re.Pattern
    ordinal_suffix: re.Pattern
    unit_after: re.Pattern
    units: dict  # normalized unit word -> unit code
    year_after: re.Pattern
    before: Before  # the phrases before a number: BEFORE_KINDS and unit_before
    skip_after: re.Pattern
    next_word: re.Pattern  # the word after a number (group n)
    not_counted: frozenset
    not_counted_suffix: tuple  # endings of words that are not counted nouns (Arabic verbs: قتلوا)
    partitive: frozenset
    definite: tuple  # the article of a noun before an ordinal_before word (Arabic ال)
    dual_singular: dict  # normalized dual form -> singular in ordinary spelling
    year_ranges: tuple


def _kinds(lang: str, kind: str) -> list[str]:
    return [norm_phrase(r[1], lang) for r in table_rows(lang, "number_words.tsv") if r[0] == kind and len(r) > 1]


@dataclass(frozen=True)
class Before:
    """The phrases (of up to three words) that matter right before a number, with their kinds
    (``range_open``, ``year_before``, ``skip_before`` ...): one set lookup of the one, two and
    three words before a position, cheaper than a regex search backwards per table. In Arabic
    the first word may carry up to two proclitics (بالرحلة, للمادة)."""

    phrases: dict  # phrase -> frozenset of kinds
    lower: bool = False
    proclitics: str = ""

    def kinds_at(self, text: str, pos: int) -> dict[str, int]:
        """kind -> start of the longest phrase of that kind ending right before ``pos`` (one
        space between allowed)."""
        out: dict[str, int] = {}
        if not self.phrases or pos <= 0:
            return out
        for phrase, start in preceding(text, pos):  # shortest first: longer ones overwrite
            key = phrase.lower() if self.lower else phrase
            kinds = self.phrases.get(key)
            if kinds is None and self.proclitics and len(key) > 2 and key[0] in self.proclitics:
                kinds = self.phrases.get(key[1:])
                if kinds is None and len(key) > 3 and key[1] in self.proclitics:
                    kinds = self.phrases.get(key[2:])
            if kinds:
                for kind in kinds:
                    out[kind] = start
        return out


def preceding(text: str, pos: int, words: int = 3, reach: int = 40) -> list[tuple[str, int]]:
    """The last one, two ... ``words`` words before ``pos`` (one space before ``pos`` is
    skipped), shortest first, each with its start; a line break ends the look back."""
    a = max(0, pos - reach)
    j = pos - a
    chunk = text[a:pos]
    if chunk.endswith(" "):
        j -= 1
    if j <= 0 or chunk[j - 1].isspace():
        return []
    out = []
    end = j
    for _ in range(words):
        b = max(chunk.rfind(" ", 0, end), chunk.rfind("\n", 0, end))
        if b < 0 and a > 0:
            break
        out.append((chunk[b + 1:j], a + b + 1))
        if b < 0 or chunk[b] == "\n":
            break
        end = b
    return out


BEFORE_KINDS = ("range_open", "percent_before", "ordinal_before", "year_before", "year_prep", "skip_before")


def _before_table(lang: str, before_units: list[str]) -> Before:
    phrases: dict[str, set[str]] = {}
    for kind in BEFORE_KINDS:
        for phrase in _kinds(lang, kind):
            phrases.setdefault(phrase, set()).add(kind)
    for phrase in before_units:
        phrases.setdefault(phrase, set()).add("unit_before")
    return Before({k: frozenset(v) for k, v in phrases.items()}, caseless(lang),
                  _AR_PROCLITIC_CHARS if lang == "ar" else "")


def _after(words: list[str], lang: str, space: str = " ?") -> re.Pattern[str]:
    flags = re.IGNORECASE if caseless(lang) else 0
    return re.compile(space + "(?:" + word_alternation(words) + ")", flags)


@lru_cache(maxsize=None)
def grammar(lang: str) -> NumberGrammar:
    """The compiled number grammar of ``lang`` (an unknown language: digits only)."""
    words: dict[str, Word] = {}
    for row in table_rows(lang, "numbers.tsv"):
        if len(row) < 3:
            continue
        key = norm_phrase(row[0], lang)
        value = float(row[1])
        amb = len(row) > 3 and "a" in row[3]
        old = words.get(key)
        kinds = dict(old.kinds) if old else {}
        kinds[row[2]] = value
        words[key] = Word(kinds, amb or (old.ambiguous if old else False))
    flags = re.IGNORECASE if caseless(lang) else 0
    digits = _DIGITS.get(lang, _DIGITS["default"])
    prefix = f"(?P<p>{_AR_PROCLITIC})?" if lang == "ar" else ""
    word_re = word_alternation(words) if words else "(?!)"
    atom = re.compile(rf"(?<![\w\u200c])(?:(?P<d>{digits})|{prefix}(?P<w>{word_re}))", flags)
    connectors = _kinds(lang, "connector")
    conn_re = word_alternation(connectors) if connectors else "(?!)"
    # a connector stands between spaces, or glued around a hyphen (twenty-five)
    sep = re.compile(rf"(?: (?P<c>{conn_re}) | ?(?P<h>-) ?| )", flags)
    ranges = _kinds(lang, "range")
    paired = _kinds(lang, "range_paired")
    range_sep = re.compile(
        rf" ?(?:(?P<r>{word_alternation(ranges)})|(?P<paired>{word_alternation(paired)})) ?", flags)
    units: dict[str, str] = {}
    before_units: list[str] = []
    for row in table_rows(lang, "units.tsv"):
        if len(row) < 2:
            continue
        key = norm_phrase(row[0], lang)
        if len(row) > 2 and row[2] == "before":
            before_units.append(key)
        else:
            units[key] = row[1]
        units.setdefault(key, row[1])
    dual_singular: dict[str, str] = {}
    for row in table_rows(lang, "dual_nouns.tsv"):
        singular = row[0]
        if len(row) > 1 and row[1]:
            forms = [f.strip() for f in row[1].split(",") if f.strip()]
        else:
            stem = singular[:-1] if singular.endswith(("ة", "ه")) else singular
            suffix = ("تين", "تان") if singular.endswith(("ة", "ه")) else ("ين", "ان")
            forms = [stem + s for s in suffix]
        for f in forms:
            dual_singular[norm_phrase(f, lang)] = singular
    scan_words = set(words) | set(dual_singular)
    # one pass over the text finds every number word; the scan starts at a space or an opening
    # mark (a character class the regex engine skips to quickly), then an optional proclitic
    scan_re = word_alternation(scan_words) if scan_words else "(?!)"
    proclitic = f"(?P<p>{_AR_PROCLITIC})?" if lang == "ar" else ""
    word_scan = WordFinder(re.compile(rf"{SCAN_START}{proclitic or '(?P<p>)'}(?P<w>{scan_re})", flags))
    return NumberGrammar(
        lang=lang,
        words=words,
        atom=atom,
        word_scan=word_scan,
        proclitics="وبلفك" if lang == "ar" else "",
        twos=frozenset(_kinds(lang, "dual_marker")),
        sep=sep,
        range_sep=range_sep,
        percent_after=_after(_kinds(lang, "percent"), lang),
        ordinal_suffix=_after(_kinds(lang, "ordinal_suffix"), lang, space=" ?"),
        unit_after=_after(list(units), lang),
        units=units,
        year_after=_after(_kinds(lang, "year_after"), lang, space=" "),
        skip_after=_after(_kinds(lang, "skip_after"), lang, space=" "),
        before=_before_table(lang, before_units),
        next_word=re.compile(r" (?P<n>[^\W\d_][\w\u200c]*)"),
        not_counted=frozenset(_kinds(lang, "not_counted")),
        not_counted_suffix=tuple(_kinds(lang, "not_counted_suffix")),
        partitive=frozenset(_kinds(lang, "partitive")),
        definite=tuple(_kinds(lang, "definite")),
        dual_singular=dual_singular,
        year_ranges=YEAR_RANGES.get(lang, DEFAULT_YEAR_RANGES),
    )


@dataclass
class Num:
    """One number phrase: ``value`` (None for a vague plural: ``low``/``high``), ``base`` and
    ``mult`` (the value before its last scale word and that scale: 7 and 1000 for ``7 هزار``)."""

    start: int
    end: int
    value: float | None
    base: float
    mult: float
    low: float | None = None
    high: float | None = None
    ordinal: bool = False
    digits_only: bool = False  # one run of digits, nothing else (a year candidate)
    integer_digits: str = ""  # the digits as written when digits_only


def _digits_value(s: str, lang: str) -> float:
    if lang == "ru":
        s = s.replace(" ", "")
        if "," in s:
            s = s.replace(",", ".")
    else:
        s = s.replace(",", "").replace("\u060c", ".")
    return float(s)


def _compound(prev: float, val: float, conn: bool) -> bool:
    """Whether number word ``val`` continues ``prev`` in one number: larger then smaller
    (بیست و پنج, двадцать пять, twenty-five, сто двадцать), units before tens with a connector
    (Arabic خمسة وعشرون), or a unit before ten (Arabic teens: ثلاثة عشر)."""
    if prev >= 20 and val < prev and (val < 10 or (prev >= 100 and val < 100)):
        return True
    if conn and prev < 10 and 20 <= val <= 90 and val % 10 == 0:
        return True
    return not conn and prev < 10 and val == 10


def parse_number(text: str, pos: int, g: NumberGrammar) -> Num | None:
    """The number phrase starting at ``pos`` of ``text``, or None.

    None also for a phrase made only of ambiguous words (``یک`` "a", ``نه`` "no", ``one``,
    ``اثنين`` "Monday") with no scale word: those are numbers only inside longer phrases.
    """
    total = 0.0
    cur = 0.0
    have = False
    last_kind = ""
    last_val = 0.0
    mult = 1.0
    base = 0.0
    vague: float | None = None
    ordinal = False
    only_ambiguous = True
    words_used = 0
    digits_only = False
    digits_text = ""
    start = -1
    end = pos
    i = pos
    while True:
        conn = False
        j = i
        if have:
            ms = g.sep.match(text, i)
            if not ms:
                break
            conn = ms.group("c") is not None or ms.group("h") is not None
            j = ms.end()
        m = g.atom.match(text, j)
        if not m:
            break
        if m.group("d") is not None:
            val = _digits_value(m.group("d"), g.lang)
            if have:
                # digits after a scale word: "7 هزار و 500"
                if not (last_kind == "scale" and conn and val < mult):
                    break
                total += val
                digits_only = False
            else:
                cur = val
                digits_only = True
                digits_text = m.group("d")
            only_ambiguous = False
            have = True
            last_kind, last_val = "digits", val
            if start < 0:
                start = m.start("d")
            i = end = m.end()
            continue
        word = m.group("w")
        key = word.lower() if caseless(g.lang) else word
        entry = g.words.get(key)
        if entry is None:
            break
        glued_conn = bool(m.groupdict().get("p")) if g.lang == "ar" else False
        kinds = entry.kinds
        if have and glued_conn:
            conn = True
        if "ordinal" in kinds:
            if have and not (conn and last_kind == "num"):
                break
            cur += kinds["ordinal"]
            ordinal = True
            only_ambiguous = False
            have = True
            if start < 0:
                start = m.start("w")
            end = m.end()
            break
        if vague is not None:
            # "عشرات الآلاف", "tens of thousands" (no "of" here): a scale after a vague plural
            if "scale" in kinds:
                mult *= kinds["scale"]
                i = end = m.end()
                continue
            break
        if "scale" in kinds and (cur or total):
            scale = kinds["scale"]
            if cur:
                base = cur
                total += cur * scale
                cur = 0.0
            elif last_kind == "scale":  # هزار میلیارد: a thousand billion
                total *= scale
                base = total / scale
            else:
                break
            mult = scale
            digits_only = False
            only_ambiguous = False
            last_kind, last_val = "scale", scale
            i = end = m.end()
            continue
        if not have and "vague" in kinds:
            vague = kinds["vague"]
            only_ambiguous = entry.ambiguous
            have = True
            start = m.start("w")
            last_kind = "vague"
            i = end = m.end()
            continue
        if not have and "scale" in kinds:
            # "هزار نفر", "a thousand": the scale word alone
            total = kinds["scale"]
            base, mult = 1.0, kinds["scale"]
            only_ambiguous = entry.ambiguous
            have = True
            start = m.start("w")
            last_kind, last_val = "scale", kinds["scale"]
            i = end = m.end()
            words_used += 1
            continue
        if "hundred" in kinds:
            if have and last_kind not in ("num",) and not conn and last_kind != "scale":
                break
            if last_kind == "num":
                cur = (cur or 1.0) * 100.0
            else:
                cur += 100.0
            only_ambiguous = False
            digits_only = False
        elif "num" in kinds:
            val = kinds["num"]
            if have:
                if last_kind == "digits":
                    break
                if last_kind == "num" and not _compound(last_val, val, conn):
                    break
                if last_kind == "scale" and val >= mult:
                    break
                if last_kind == "hundred" and val >= 100:
                    break
            cur += val
            if not entry.ambiguous:
                only_ambiguous = False
            digits_only = False
            last_val = val
        elif "fraction" in kinds:
            if not have or not conn:
                break
            if last_kind == "scale":
                total += kinds["fraction"] * mult
            else:
                cur += kinds["fraction"]
            digits_only = False
        else:
            break
        last_kind = "hundred" if "hundred" in kinds else ("num" if "num" in kinds else "fraction")
        have = True
        words_used += 1
        if start < 0:
            start = m.start("w")
        i = end = m.end()
    if not have or start < 0:
        return None
    if vague is not None:
        if only_ambiguous:
            return None
        return Num(start, end, None, vague, mult, low=2 * vague * mult, high=10 * vague * mult - 1)
    if only_ambiguous:
        return None
    value = total + cur
    if last_kind != "scale":
        base, mult = value, 1.0
    if value == 1 and words_used == 1 and not ordinal and last_kind != "scale":
        return None  # "one", "یک", "واحد" alone: an article or "single", not a count
    return Num(start, end, value, base, mult, ordinal=ordinal, digits_only=digits_only,
               integer_digits=digits_text if digits_only else "")
