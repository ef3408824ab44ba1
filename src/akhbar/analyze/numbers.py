"""Quantities: the numbers an article states, with what they count.

    >>> article = analyze_numbers(article, context)
    >>> [(q.text, q.value, q.low, q.high, q.unit, q.counted) for q in article.quantities]
    [('7 هزار نفر', 7000.0, None, None, None, 'نفر'), ('5تا 7 هزار نفر', None, 5000.0, 7000.0, None, 'نفر'), ...]

Found in the normalized title and body (digits already folded to ASCII):

- digits (``7,000``, ``7.5``, ``7 000`` and ``7,5`` in Russian, ``7،5`` in Arabic script) and
  number words, then scale words (:mod:`akhbar.analyze.number_grammar`);
- ranges: ``5 تا 7 هزار`` (the scale of the second end applies to the first when the first has
  none and is smaller), ``ما بين 5 و 7 آلاف``, ``от 5 до 7 тысяч``, ``5,000 to 7,000``,
  ``5-7 thousand``, ``between 5 and 7 thousand``; the opening word is part of the text;
- percentages (unit ``percent``), ordinals (unit ``ordinal``: ``الـ 51``, ``51st``, ``51-й``,
  ``پنجاه و یکمین``), money and measures (unit: an ISO 4217 code, ``km``, ``t`` ...);
- Arabic duals of common counted nouns (``وثيقتين`` = 2, counted ``وثيقة``), and
  ``<noun> اثنين``;
- ``counted``: the noun right after the number (or after "of": ``مئات من الجنود``) unless it
  is a function word or a verb; the noun is part of ``text``.

Not quantities: the numbers inside dates (``article.dates`` when the dates analysis ran, else
:func:`akhbar.dateparse.find_dates`), years (a four-digit year-like number after ``سال``,
``عام``, ``year``, ``в``..., before ``م``, ``году``..., or standing alone before punctuation or
a function word), clock times, phone numbers, codes (``F-16``, ``COVID-19``, ``G20``), scores
(``2-1``), numbers after labels such as ``ماده``, ``رقم``, ``№``, ``Article``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..dateparse import find_dates
from ..records import Article, Quantity
from .number_grammar import NumberGrammar, Num, grammar, parse_number, preceding
from .phrase_tables import WordHit, caseless
from .text_segments import norm_span, segments

__all__ = ["analyze_numbers", "find_quantities", "Found"]

_DUAL_BEFORE = re.compile(r"(?<![\w\u200c])([^\W\d_]{2,}(?:ين|ان)) $")
_PHONE = re.compile(
    r"(?<![\w+])\+\d[\d ()\-]{6,}\d(?!\d)"
    r"|(?<![\w(])\(?\d{2,5}\)?[ -]\d{2,4}-\d{2,4}(?:-\d{2,4})?(?!\d)"
    r"|(?<![\d\w-])\d{3}-\d{4}(?![\d-])"
)
_GLUED = re.compile(r"-?[^\W\d_]+")
_LETTER_HYPHEN = re.compile(r"[^\W\d_]-?$")


@dataclass
class Found:
    """A quantity in normalized coordinates, before it is mapped to the article."""

    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: tuple[int, int] | None = None  # normalized span of the counted noun
    counted_word: str | None = None  # the ordinary spelling, for Arabic duals (وثيقة)


def analyze_numbers(article: Article, context: object = None) -> Article:
    """``article`` with ``quantities`` filled from its title and body (see the module doc)."""
    lang = article.lang or ""
    g = grammar(lang)
    out: list[Quantity] = []
    for seg in segments(article):
        dates = None
        if not seg.in_title and article.dates:
            dates = [norm_span(seg.norm, d.start, d.end) for d in article.dates if d.end > d.start]
        for f in find_quantities(seg.text, g, dates):
            if not all(v is None or math.isfinite(v) for v in (f.value, f.low, f.high)):
                continue  # hundreds of digits overflow a float: no count, and not valid JSON
            start, end, text = seg.original(f.start, f.end)
            counted = f.counted_word
            if counted is None and f.counted is not None:
                counted = seg.original(*f.counted)[2]
            out.append(Quantity(start=start, end=end, text=text, value=f.value, low=f.low, high=f.high,
                                unit=f.unit, counted=counted, in_title=seg.in_title))
    return article.with_(quantities=tuple(out))


def find_quantities(text: str, g: NumberGrammar, dates: list[tuple[int, int]] | None = None) -> list[Found]:
    """The quantities of normalized ``text``.

    ``dates``: the spans of the text's dates (numbers inside them are not quantities); None:
    :func:`~akhbar.dateparse.find_dates` is asked about the neighbourhood of each quantity.
    """
    candidates: list[tuple[int, WordHit | None]] = [(i, None) for i in _digit_starts(text)]
    for hit in g.word_scan.finditer(text):
        candidates.append((hit.word_start, hit))
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[0])
    reader = _Reader(text, g)
    found: list[Found] = []
    consumed = 0
    for s, m in candidates:
        if s < consumed:
            continue
        if m is not None:
            word = m.word
            if word in g.dual_singular:
                found.append(Found(s, m.end, value=2.0, counted_word=g.dual_singular[word]))
                consumed = m.end
                continue
            if word in g.twos:
                pw = _DUAL_BEFORE.search(text, max(0, s - 40), s)
                if pw:
                    if found and found[-1].start == pw.start():  # a dual noun of the table
                        found[-1].end = m.end
                    else:
                        found.append(Found(pw.start(), m.end, value=2.0, counted=pw.span(1)))
                    consumed = m.end
                    continue
            s = m.start  # the atom pattern takes a glued proclitic itself
        num = parse_number(text, s, g)
        if num is None:
            continue
        f, stop = reader.quantity(num)
        consumed = max(stop, num.end)
        if f is not None:
            found.append(f)
    if not found:
        return found
    if dates is None:
        dates = _dates_near(text, g.lang, found)
    if dates:
        found = [f for f in found if not _overlaps(f.start, f.end, dates)]
    found.sort(key=lambda f: f.start)
    return found


def _digit_starts(text: str) -> list[int]:
    """Where the runs of ASCII digits start (str.find is much faster than a regex scan)."""
    positions = []
    for d in "0123456789":
        i = text.find(d)
        while i >= 0:
            positions.append(i)
            i = text.find(d, i + 1)
    if not positions:
        return positions
    positions.sort()
    starts = [positions[0]]
    for a, b in zip(positions, positions[1:]):
        if b != a + 1:
            starts.append(b)
    return starts


def _dates_near(text: str, lang: str, found: list[Found]) -> list[tuple[int, int]]:
    """Date spans around the quantities that hold digits (cheaper than parsing the whole
    text: a date that holds a number lies within a few words of it)."""
    windows: list[list[int]] = []
    for f in found:
        if not any(ch.isdigit() for ch in text[f.start:f.end]):
            continue
        a, b = max(0, f.start - 48), min(len(text), f.end + 48)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(b, windows[-1][1])
        else:
            windows.append([a, b])
    spans = []
    for a, b in windows:
        spans.extend((a + d.start, a + d.end) for d in find_dates(text[a:b], lang or None))
    return spans


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        if a < e and s < b:
            return True
    return False


def _is_year_value(num: Num, g: NumberGrammar) -> bool:
    if not num.digits_only or len(num.integer_digits) != 4 or not num.integer_digits.isdigit():
        return False
    v = int(num.integer_digits)
    return any(a <= v <= b for a, b in g.year_ranges)


def _fa_verb(word: str) -> bool:
    from ..normalize.tables import fa_verbs  # local: only Persian needs it

    return word in fa_verbs().tails


class _Reader:
    """Reads the quantity around one number phrase of ``text``: codes, ordinals, ranges,
    years, labels, percent and units, the counted noun. Remembers the words before each
    position it looked at (several tables look at the same ones)."""

    def __init__(self, text: str, g: NumberGrammar) -> None:
        self.text = text
        self.g = g
        self._preceding: dict[int, dict[str, int]] = {}

    def before(self, kind: str, pos: int) -> int | None:
        """Where a phrase of ``kind`` (``range_open``, ``year_before`` ...) ending right before
        ``pos`` starts, or None."""
        kinds = self._preceding.get(pos)
        if kinds is None:
            kinds = self._preceding[pos] = self.g.before.kinds_at(self.text, pos)
        return kinds.get(kind)

    def key(self, word: str) -> str:
        return word.lower() if caseless(self.g.lang) else word

    def quantity(self, num: Num) -> tuple[Found | None, int]:
        """The quantity around ``num``, or None when it is not one; with the position the
        scan may go on from."""
        text, g = self.text, self.g
        start, end = num.start, num.end
        f = Found(start, end, value=num.value, low=num.low, high=num.high)
        if text[start].isdigit() and self._code(start, end):
            return None, end
        if num.digits_only and end < len(text) and text[end].isalpha():
            glued = _GLUED.match(text, end)
            suffix = self.key(glued.group())
            if g.ordinal_suffix.fullmatch(suffix) or g.ordinal_suffix.fullmatch(" " + suffix):
                f.unit, f.end = "ordinal", glued.end()
                return self.ordinal(f, num)
            if suffix in g.units:
                f.unit, f.end = g.units[suffix], glued.end()
                return f, f.end
            return None, glued.end()  # a code such as 4G, 3D
        if num.digits_only:
            mo = g.ordinal_suffix.match(text, end)
            if mo and (mo.end() >= len(text) or not (text[mo.end()].isalnum() or text[mo.end()] == "\u200c")):
                f.unit, f.end = "ordinal", mo.end()
                return self.ordinal(f, num)
            ob = self.before("ordinal_before", start)
            if ob is not None and self._after_definite(ob):
                f.unit, f.start = "ordinal", ob
                return self.ordinal(f, num)
        if num.ordinal:
            f.unit = "ordinal"
            return self.ordinal(f, num)
        stop = end
        if num.value is not None:
            rng = self.range(num)
            if rng == "drop":
                return None, self.skip_range(num)
            if rng is not None:
                f.start, f.end, f.low, f.high, f.value = rng
                stop = f.end
        if f.value is not None and f.low is None and self.is_year(num):
            return None, stop
        if self.before("skip_before", f.start) is not None or g.skip_after.match(text, f.end):
            return None, stop
        mp = g.percent_after.match(text, f.end)
        if mp:
            f.unit, f.end = "percent", mp.end()
        else:
            pb = self.before("percent_before", f.start)
            if pb is not None:
                f.unit, f.start = "percent", pb
        if f.unit is None:
            mu = g.unit_after.match(text, f.end)
            if mu:
                f.unit, f.end = g.units.get(self.key(mu.group().strip())), mu.end()
            else:
                ub = self.before("unit_before", f.start)
                if ub is not None:
                    f.unit, f.start = g.units.get(self.key(text[ub:f.start].strip())), ub
        if f.unit is None:
            self.counted(f)
            if f.counted is None and f.low is None and num.digits_only and self.label(f):
                return None, stop
        return f, max(stop, f.end)

    def _after_definite(self, pos: int) -> bool:
        """Whether the word before ``pos`` carries the definite article (Arabic "الاجتماع الـ
        51" is an ordinal, "ما يقارب الـ1432" a count); true where the language has none."""
        if not self.g.definite:
            return True
        words = preceding(self.text, pos, words=1)
        if not words:
            return False
        word = words[0][0]
        for p in self.g.definite:
            i = word.find(p)
            if 0 <= i <= 2 and len(word) > i + len(p) + 1:  # ال, وال, بال, لل...
                return True
        return word.startswith("لل")

    def _code(self, start: int, end: int) -> bool:
        """Digits that are part of a code, a phone number, a time or a version: F-16,
        COVID-19, +7 495 123-45-67, 12:30, 3.2.1, 24/7."""
        text = self.text
        if _LETTER_HYPHEN.search(text, max(0, start - 2), start):
            return True
        a, b = max(0, start - 20), min(len(text), end + 20)
        window = text[a:b]
        if "-" in window or "+" in window:
            for m in _PHONE.finditer(text, a, b):
                if m.start() < end and start < m.end():
                    return True
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < len(text) else ""
        after = text[end + 1] if end + 1 < len(text) else ""
        if prev in "/.:#" and start >= 2 and text[start - 2].isalnum():
            return True
        return nxt in "/.:" and after.isdigit()

    def is_year(self, num: Num) -> bool:
        """A number used as a year: any whole number before an era or year word (``702 م``,
        ``331 قبل الميلاد``, ``2015 году``) or a three- or four-digit one after a year word
        (``عام 702``); a year-like four-digit number after a preposition of time, or with
        nothing (punctuation, a function word) after it."""
        g = self.g
        digits = num.integer_digits
        if not num.digits_only or not digits.isdigit() or len(digits) > 4:
            return False
        if g.year_after.match(self.text, num.end):
            return True
        if len(digits) >= 3 and self.before("year_before", num.start) is not None:
            return True
        if not _is_year_value(num, g):
            return False
        if self.before("year_prep", num.start) is not None:
            return True
        nw = g.next_word.match(self.text, num.end)
        return nw is None or self.key(nw.group("n")) in g.not_counted

    def ordinal(self, f: Found, num: Num) -> tuple[Found | None, int]:
        g = self.g
        if _is_year_value(num, g) and (
            g.year_after.match(self.text, f.end)
            or self.before("year_prep", f.start) is not None
            or self.before("year_before", f.start) is not None
        ):
            return None, f.end  # 2022-й год, в 1990-х
        if self.before("skip_before", f.start) is not None:
            return None, f.end
        return f, f.end

    def range(self, num: Num):
        """(start, end, low, high, None) for a range starting with ``num``; "drop" for a range
        of years or a score (2-1); None when no range follows."""
        g = self.g
        mr = g.range_sep.match(self.text, num.end)
        if not mr or mr.end() == num.end:
            return None
        second = parse_number(self.text, mr.end(), g)
        if second is None or second.value is None or second.ordinal:
            return None
        opener = self.before("range_open", num.start)
        if mr.group("paired") is not None and opener is None:
            return None
        if _is_year_value(num, g) and _is_year_value(second, g):
            return "drop"
        low, high = num.value, second.value
        if num.mult == 1 and second.mult > 1 and num.value <= second.base:
            low = num.value * second.mult  # 5 تا 7 هزار: the scale applies to both ends
        if low > high:
            if mr.group("r") in ("-", "\u2013") and opener is None:
                return "drop"  # a score or a code: 2-1
            return None
        start = opener if opener is not None else num.start
        return start, second.end, low, high, None

    def skip_range(self, num: Num) -> int:
        mr = self.g.range_sep.match(self.text, num.end)
        second = parse_number(self.text, mr.end(), self.g) if mr else None
        return second.end if second else num.end

    def counted(self, f: Found) -> None:
        """The noun after the number (or after "of"), unless a function word, a number word,
        a unit or a verb."""
        g = self.g
        nw = g.next_word.match(self.text, f.end)
        if nw is None:
            return
        key = self.key(nw.group("n"))
        if key in g.partitive:
            nw = g.next_word.match(self.text, nw.end())
            if nw is None:
                return
            key = self.key(nw.group("n"))
        if key in g.not_counted or key in g.words or key in g.units or g.year_after.match(" " + key):
            return
        if g.not_counted_suffix and key.endswith(g.not_counted_suffix):
            return
        if g.lang == "fa" and _fa_verb(key):
            return
        f.counted = nw.span("n")
        f.end = nw.end("n")

    def label(self, f: Found) -> bool:
        """A bare number that labels rather than counts: an episode "(2)", a list item "3 -"."""
        text = self.text
        before = text[f.start - 1] if f.start else "\n"
        after = text[f.end] if f.end < len(text) else "\n"
        if before == "(" and after == ")":
            return True
        line_start = text.rfind("\n", 0, f.start) + 1
        if text[line_start:f.start].strip():
            return False
        rest = text[f.end:f.end + 2].lstrip(" ")
        return not rest or rest[0] in "-.)\u2013:"
