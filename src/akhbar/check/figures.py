"""Figures: the quantities an article states, made comparable, and how two of them relate.

A :class:`Figure` is a :class:`~akhbar.records.Quantity` with what the checks need to compare
it with another: the interval it allows (a hedge such as "at least", "حدود", "около" widens it),
what it counts as a language-independent concept (``data/check/<lang>/counted.tsv``) or, for a
noun not in the table, a stem comparable within the language, the entities named in its
sentence, and the speaker of the quote it stands in.

:func:`relate` says how two figures for the same thing relate: ``agree`` (equal up to rounding,
~5%, or hedged intervals that meet), ``overstatement`` (a single figure that is the top of the
other's range: "7,000" against "5,000 to 7,000"), ``narrowing`` (a figure or range inside the
other's range), ``contradiction`` (they cannot both be right).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any
from dataclasses import dataclass
from functools import lru_cache

from ..records import Statement
from .tables import broader, counted, fold, hedges, key, states, words_before

ROUNDING = 0.05  # figures this close (relative) are the same figure rounded
MAX_RATIO = 3.0  # two single figures further apart than this are taken to count different things
_WINDOW = 32  # characters looked at around a figure for a hedge or a state
_DIGIT_RUN = re.compile(r"\d+")
_CUT_NUMBER = re.compile(r"(?<!\d)\d{1,3}\s?[,.٫]\s?$")
SKIP_UNITS = frozenset({"ordinal"})
NEVER_COMPARED = "-"
PERSON = "person"  # a count of people that states.tsv may narrow (dead, injured, arrested)
CASUALTY = "casualty"  # the dead and the injured counted together  # the concept of nouns whose figures are never compared (time spans)


@dataclass(frozen=True)
class Figure:
    statement: Statement  # text, offsets, value/low/high/unit, where (title | lead | body)
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    hedge: str | None  # min | over | max | under | about | nearly | vague (a "hundreds of")
    counted: str | None  # the noun as written
    concept: str | None  # language-independent (counted.tsv)
    stem: str | None  # within-language key of a noun not in the table
    lang: str | None
    entities: frozenset[str] = frozenset()  # entity ids named in the figure's sentence
    speaker_id: str | None = None  # the speaker, when the figure stands in a quote
    quote: int | None = None  # index of that quote in the article's quotes

    @property
    def in_title(self) -> bool:
        return self.statement.where == "title"

    @property
    def top(self) -> float:
        return self.high if self.value is None else self.value

    @property
    def is_range(self) -> bool:
        return self.value is None and self.low is not None and self.high is not None and self.low < self.high

    def interval(self) -> tuple[float, float]:
        """What the figure allows, hedges included."""
        if self.value is None:
            return self.low, self.high
        v = self.value
        return {
            "min": (v, math.inf), "over": (v, math.inf), "max": (0.0, v), "under": (0.0, v),
            "about": (v * 0.9, v * 1.1), "nearly": (v * 0.85, v), "part": (v, math.inf),
        }.get(self.hedge, (v, v))

    def scale(self) -> int:
        t = abs(self.top)
        return int(math.floor(math.log10(t))) if t >= 1 else 0

    def describe(self) -> str:
        """The figure in plain English digits: "7,000", "5,000-7,000"."""
        if self.value is not None:
            return fmt(self.value)
        return f"{fmt(self.low)}-{fmt(self.high)}"


def fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=4096)
def noun_keys(noun: str | None, lang: str | None) -> tuple[str | None, str | None]:
    """(concept, stem) of a counted noun: the concept from ``counted.tsv`` (also after stripping
    affixes), else the stripped stem for comparing within the language."""
    if not noun:
        return None, None
    table = counted(lang)
    k = key(noun, lang)
    if not k:
        return None, None
    if k in table.concepts:
        return table.concepts[k], None
    stem = k
    for p in table.prefixes:
        if stem.startswith(p) and len(stem) - len(p) >= 3:
            stem = stem[len(p):]
            break
    for s in table.suffixes:
        if stem.endswith(s) and len(stem) - len(s) >= 3:
            stem = stem[: -len(s)].strip()
            break
    if stem in table.concepts:
        return table.concepts[stem], None
    return None, stem


def hedge_of(text: str, start: int, end: int, lang: str | None, qtext: str = "") -> str | None:
    """The hedge around the figure at ``text[start:end]`` (``hedges.tsv``)."""
    return _hedge(*_windows(text, start, end, lang), lang)


def _windows(text: str, start: int, end: int, lang: str | None) -> tuple[str, str]:
    """The keyed text right before a figure and right after it."""
    return key(text[max(0, start - _WINDOW):start], lang), key(text[end:end + _WINDOW], lang)


def normalized_windows(norms: Sequence[Any]) -> Callable[[int, int], tuple[str, str]]:
    """``windows`` for :func:`make_figure` from an article's normalized title and body
    (:class:`~akhbar.records.NormalizedText`): the same keyed text as :func:`_windows` gives,
    without normalizing again."""
    spans = [(n.to_original[0], n.to_original[-1], n) for n in norms if n is not None and len(n.text)]

    def windows(start: int, end: int) -> tuple[str, str]:
        for lo, hi, n in spans:
            if lo <= start and end <= hi:
                m = n.to_original
                ns, ne = bisect_left(m, start), bisect_left(m, end)
                t = n.text
                return fold(t[max(0, ns - _WINDOW):ns]), fold(t[ne:ne + _WINDOW])
        raise LookupError

    return windows


def _hedge(before: str, after: str, lang: str | None) -> str | None:
    table = hedges(lang)
    return table.before_match(before) or table.after_match(after)


def state_of(text: str, start: int, end: int, lang: str | None) -> str | None:
    """What happened to the people counted, from the words right before the number or right
    after the counted noun (``states.tsv``): ``dead``, ``injured``, ``arrested``..."""
    return _state(*_windows(text, start, end, lang), lang)


def _state(before: str, after: str, lang: str | None) -> str | None:
    """The state before the number, else after the counted noun. Two states joined before the
    number ("مصرع وإصابة 8", "killed and injured 8") count both: ``casualty``."""
    table = states(lang)
    words = words_before(before)
    found = table.before_words(words)
    if found is None:
        return table.after_match(after)
    state, n = found
    rest = words[:-n]
    if rest and hedges(lang).before.get(rest[-1]) == "part":  # a conjunction: "killed and"
        rest = rest[:-1]
    other = table.before_words(rest)
    if other is not None and other[0] != state:
        return CASUALTY
    return state


def is_vague(low: float | None, high: float | None, qtext: str) -> bool:
    """"عشرات", "сотни", "hundreds of": the analysis gives 2×s … 10×s−1 with fewer than two
    numbers written."""
    if low is None or high is None or low <= 0:
        return False
    s = low / 2
    if not math.isclose(math.log10(s), round(math.log10(s))) or not math.isclose(high, 10 * s - 1):
        return False
    return len(_DIGIT_RUN.findall(qtext)) < 2


def make_figure(q, article_id: str, text: str, lang: str | None, where: str,
                entities: frozenset[str], speaker_id: str | None, quote: int | None,
                windows: Callable[[int, int], tuple[str, str]] | None = None) -> Figure | None:
    """A Figure from a Quantity-like object (attributes start, end, text, value, low, high,
    unit, counted); None for what is never compared (ordinals, numbers with no value).
    ``windows(start, end)``: the keyed text before and after the figure, when the caller has
    the article's normalized text at hand (else the text around it is normalized here)."""
    if q.unit in SKIP_UNITS or (q.value is None and (q.low is None or q.high is None)):
        return None
    if text[max(0, q.start - 2):q.start] == "&#":
        return None  # an HTML character reference left in the text ("&#8220;"), not a number
    if _CUT_NUMBER.search(text, max(0, q.start - 4), q.start):
        return None  # the tail of a number the analysis split ("1,4 مليون", "7, 2 مليار")
    value = float(q.value) if q.value is not None else None
    low = float(q.low) if q.low is not None else None
    high = float(q.high) if q.high is not None else None
    try:
        before, after = windows(q.start, q.end) if windows is not None else _windows(text, q.start, q.end, lang)
    except LookupError:  # not in the normalized text (a title given only as metadata)
        before, after = _windows(text, q.start, q.end, lang)
    hedge = "vague" if value is None and is_vague(low, high, q.text) else _hedge(before, after, lang)
    if hedge is None and value is not None and value >= 1000 and not _DIGIT_RUN.search(q.text) \
            and math.isclose(math.log10(value), round(math.log10(value))):
        hedge = "about"  # a round word figure: "مليار يورو", "a million" (1.1 billion is "a billion")
    concept, stem = noun_keys(q.counted, lang)
    if concept == NEVER_COMPARED:
        return None
    if concept in (None, PERSON) and stem is None:
        concept = _state(before, after, lang) or concept
    st = Statement(article_id, q.start, q.end, q.text, value=value, low=low, high=high, unit=q.unit, where=where)
    return Figure(st, value, low, high, q.unit, hedge, q.counted, concept, stem, lang, entities, speaker_id, quote)


def kinship(a: Figure, b: Figure) -> str:
    """How sure it is that two figures count the same thing:

    - ``same``: the same concept of ``counted.tsv``, or the same unit (money, percent, km) with
      no noun against it;
    - ``stem``: the same noun outside the table, in one language;
    - ``related``: one concept is a kind of the other (``dead``, ``person``);
    - ``bare``: neither names a noun or a unit;
    - ``half``: one names a noun, the other nothing;
    - ``different``: different units, concepts or nouns.
    """
    if a.unit != b.unit:
        return "different"
    an, bn = a.concept or a.stem, b.concept or b.stem
    if a.concept and b.concept:
        if a.concept == b.concept:
            return "same"
        up = broader()
        if b.concept in up.get(a.concept, ()) or a.concept in up.get(b.concept, ()):
            return "related"
        return "different"
    if a.stem and b.stem:
        return "stem" if a.lang == b.lang and a.stem == b.stem else "different"
    if an and bn:
        return "different"  # a noun in the table against one outside it
    if an or bn:
        return "half"
    return "same" if a.unit is not None else "bare"


def same_thing(a: Figure, b: Figure) -> bool | None:
    """True (surely the same count), False (surely not), None (nothing says either way)."""
    k = kinship(a, b)
    if k in ("same", "stem"):
        return True
    return False if k == "different" else None


def judge(figure: Figure, others: Sequence[Figure], context: Callable[[Figure, Figure], bool] | None = None,
          ) -> tuple[Figure, str] | None:
    """The figure of ``others`` that disagrees with ``figure`` about the same count, and how
    (``overstatement``, ``narrowing``, ``contradiction``); None when one of them agrees with it
    or none clearly speaks of the same count.

    - agreement is looked for widely: any figure in a compatible unit that agrees, whatever it
      counts, or two or three that add up to it;
    - an overstatement or narrowing needs the same concept, unit or noun (two bare numbers are
      too often a name, a part number or a score: "جدة 36", "(1-2)");
    - a contradiction needs exactly one figure of the same concept or unit, not more than
      :data:`MAX_RATIO` apart.

    ``context(a, b)``: a further condition on every pair (the same sentence entities across
    reports).
    """
    pool = [o for o in others if context is None or context(figure, o)]
    if not pool:
        return None
    # agreement is looked for in every figure in a compatible unit, whatever its noun: a body
    # that gives the headline's figure somewhere ("53 ألف حالة", "نحو ٥٣٨٩٤ بلاغًا") agrees
    near = [o for o in pool if may_agree(figure, o)]
    if any(relate(figure, o) == "agree" for o in near):
        return None
    if sums_to(figure, near):
        return None  # a total of counts the other side gives by group ("15 ... and two ...": 17)
    kin = [(o, k, relate(figure, o)) for o in pool for k in (kinship(figure, o),) if k != "different"]
    for o, k, r in kin:
        if r in ("overstatement", "narrowing") and k in ("same", "stem"):
            return o, r
    strict = [o for o, k, _ in kin if k == "same"]
    if len(strict) == 1 and not far_apart(figure, strict[0]):
        return strict[0], "contradiction"
    return None


def may_agree(a: Figure, b: Figure) -> bool:
    """Could the two be one count, named differently? Not in different units, not two unrelated
    concepts of the table (people and houses), and not with a plural of vague size against a
    noun of its own ("dozens of towns")."""
    if not units_meet(a, b):
        return False
    k = kinship(a, b)
    if k not in ("different", "half"):
        return True
    if a.concept and b.concept and a.unit == b.unit:
        return False
    return a.hedge != "vague" and b.hedge != "vague"


def units_meet(a: Figure, b: Figure) -> bool:
    """The same unit, or one figure with none ("120 مليونا" beside "120 مليون يورو")."""
    return a.unit == b.unit or a.unit is None or b.unit is None


def close(x: float, y: float, tolerance: float = ROUNDING) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)


def relate(a: Figure, b: Figure) -> str:
    """``agree``, ``overstatement`` (``a`` is the top of ``b``'s range, or the reverse),
    ``narrowing`` or ``contradiction``; see the module docstring."""
    hedged = a.hedge is not None or b.hedge is not None
    if hedged:
        (alo, ahi), (blo, bhi) = a.interval(), b.interval()
        meet = alo <= bhi * (1 + ROUNDING) and blo <= ahi * (1 + ROUNDING)
        return "agree" if meet else "contradiction"
    if a.value is not None and b.value is not None:
        return "agree" if close(a.value, b.value) else "contradiction"
    if a.value is not None or b.value is not None:
        point, rng = (a, b) if a.value is not None else (b, a)
        v, lo, hi = point.value, rng.low, rng.high
        if close(lo, hi):
            return "agree" if close(v, hi) else "contradiction"
        if close(v, hi):
            return "overstatement"
        if lo * (1 - ROUNDING) <= v <= hi * (1 + ROUNDING):
            return "narrowing"
        return "contradiction"
    if close(a.low, b.low) and close(a.high, b.high):
        return "agree"
    inside = lambda x, y: x.low >= y.low * (1 - ROUNDING) and x.high <= y.high * (1 + ROUNDING)  # noqa: E731
    if inside(a, b) or inside(b, a):
        return "narrowing"
    return "contradiction"


def far_apart(a: Figure, b: Figure) -> bool:
    """Single figures more than :data:`MAX_RATIO` apart: more likely two different counts
    than one count reported two ways."""
    x, y = abs(a.top), abs(b.top)
    if min(x, y) <= 0:
        return True
    return max(x, y) / min(x, y) > MAX_RATIO


def sums_to(target: Figure, parts: Sequence[Figure]) -> bool:
    """Is ``target`` the sum of two of ``parts``, or of three of the first twelve (a total of
    counts given by group)?"""
    if target.value is None:
        return False
    values = [p.value for p in parts if p.value is not None and p is not target]
    n = len(values)
    seen: set[float] = set()
    for v in values:  # two: one pass with a set
        if any(close(target.value - v, w, 0.001) for w in seen):
            return True
        seen.add(v)
    values = values[:12]
    for i in range(n if n < 12 else 12):
        for j in range(i + 1, len(values)):
            for k in range(j + 1, len(values)):
                if close(values[i] + values[j] + values[k], target.value, 0.001):
                    return True
    return False


def explain_relation(relation: str, first: str, second: str) -> str:
    """How ``first`` (a figure as said in one place) stands to ``second``, in words."""
    return {
        "overstatement": f"{first} gives the top of {second} as the figure (an overstatement)",
        "narrowing": f"{first} narrows {second}",
        "contradiction": f"{first} contradicts {second}",
    }[relation]
