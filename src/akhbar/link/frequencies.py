"""Document frequencies for IDF weights, smoothed by a prior so that a small archive still
weighs a person above a country.

With ``n`` articles seen and ``df`` of them naming an entity, the weight is
``log((n + P) / (df + P * prior + 1))``: with few articles the prior (by entity type, or for a
word the same small rate for all) decides, with many the archive's own counts do. The counts are
plain dicts, so the state pickles and merges (add the counts); a day's counts are stored
(``link_days``) and the weights of a day are the sum of the days before it (:class:`FrequencyWindow`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..records import LinkProfile

PSEUDO_ARTICLES = 200.0
# Expected share of news articles naming an entity of each type (the id's first part): a rough,
# corpus-independent prior; the archive's own counts take over as it grows.
TYPE_PRIOR = {"country": 0.05, "place": 0.01, "organization": 0.01, "person": 0.005, "new": 0.002, "other": 0.01}
TERM_PRIOR = 0.005
FIGURE_PRIOR = 0.005
# Concepts are counted as the words of a language of their own (they are language-independent)
CONCEPTS = "*"


def entity_prior(entity_id: str) -> float:
    return TYPE_PRIOR.get(entity_id.split("/", 1)[0], 0.01)


@dataclass
class Frequencies:
    articles: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    terms: dict[str, Counter[str]] = field(default_factory=dict)  # per language
    figures: Counter[str] = field(default_factory=Counter)  # keyed by the figure written with %g
    # memo of the weights since the counts last changed (one article's scoring asks for the same
    # words and entities many times); cleared by add(), so it never changes a result
    _memo: dict[tuple[str, str], float] = field(default_factory=dict, repr=False, compare=False)

    def add(self, lang: str | None, entity_ids: Iterable[str], terms: Iterable[str],
            figures: Iterable[float] = ()) -> None:
        self.articles += 1
        self._memo.clear()
        for x in figures:
            key = f"{x:g}"
            self.figures[key] += 1
        for e in entity_ids:
            self.entities[e] += 1
        bucket = self.terms.setdefault(lang or "", Counter())
        for t in terms:
            bucket[t] += 1

    def add_profile(self, p: LinkProfile) -> None:
        """Count one article: its entities, words, figures, and its concepts (as :data:`CONCEPTS` words)."""
        self.add(p.lang, (e for e, _, _ in p.entities), (t for t, _ in p.terms), p.figures)
        if p.concepts:
            bucket = self.terms.setdefault(CONCEPTS, Counter())
            for c, _ in p.concepts:
                bucket[c] += 1

    def entity_idf(self, entity_id: str) -> float:
        key = ("", entity_id)
        value = self._memo.get(key)
        if value is None:
            prior = entity_prior(entity_id)
            value = math.log((self.articles + PSEUDO_ARTICLES)
                             / (self.entities.get(entity_id, 0) + PSEUDO_ARTICLES * prior + 1.0))
            self._memo[key] = value
        return value

    def term_idf(self, lang: str | None, term: str) -> float:
        key = (lang or "", term)
        value = self._memo.get(key)
        if value is None:
            df = self.terms.get(lang or "", {}).get(term, 0)
            value = math.log((self.articles + PSEUDO_ARTICLES) / (df + PSEUDO_ARTICLES * TERM_PRIOR + 1.0))
            self._memo[key] = value
        return value

    def figure_idf(self, x: float) -> float:
        df = self.figures.get(f"{x:g}", 0)
        return math.log((self.articles + PSEUDO_ARTICLES) / (df + PSEUDO_ARTICLES * FIGURE_PRIOR + 1.0))

    def max_figure_idf(self) -> float:
        return math.log((self.articles + PSEUDO_ARTICLES) / (PSEUDO_ARTICLES * FIGURE_PRIOR + 1.0))

    def max_entity_idf(self) -> float:
        return math.log((self.articles + PSEUDO_ARTICLES) / (PSEUDO_ARTICLES * min(TYPE_PRIOR.values()) + 1.0))

    def as_dict(self) -> dict:
        return {"n": self.articles, "e": dict(self.entities), "f": dict(self.figures),
                "t": {lang: dict(c) for lang, c in self.terms.items()}}

    @classmethod
    def from_dict(cls, d: dict) -> "Frequencies":
        return cls(articles=int(d["n"]), entities=Counter(d["e"]), figures=Counter(d["f"]),
                   terms={lang: Counter(c) for lang, c in d["t"].items()})

    def update(self, other: "Frequencies", sign: int = 1) -> None:
        """Add (``sign=1``) or take away (``sign=-1``) another set of counts; counts that fall
        to zero are dropped, so adding and taking away the same counts leaves no trace."""
        self._memo.clear()
        self.articles += sign * other.articles
        for mine, theirs in ((self.entities, other.entities), (self.figures, other.figures)):
            _update(mine, theirs, sign)
        for lang, counts in other.terms.items():
            _update(self.terms.setdefault(lang, Counter()), counts, sign)
            if not self.terms[lang]:
                del self.terms[lang]


def _update(mine: Counter[str], theirs: Counter[str], sign: int) -> None:
    for key, n in theirs.items():
        value = mine.get(key, 0) + sign * n
        if value:
            mine[key] = value
        else:
            mine.pop(key, None)


class FrequencyWindow:
    """The document frequencies an article of day ``d`` is weighed with: the counts of the
    articles of the ``days`` days before ``d`` (its own day left out), whatever order they were
    counted in. So the weights of a day are fixed before the day begins: a new article of today
    changes no weight anyone has used, and a backfilled article of day ``b`` changes only the
    weights of days ``b + 1`` to ``b + days`` (what :mod:`akhbar.linking` relinks).

    While the archive is young (fewer than ``min_articles`` in those days) the day's own
    articles are counted too (:meth:`for_day` with ``own``): with no history every word would
    weigh the same. A new article of such a day changes the day's weights, so the day is linked
    again from its start; an archive with history never pays that.

    Counts are integers and the window's total is kept by adding a day as it ends and taking
    away a day as it leaves, so the total for a day is exact, not an approximation of it."""

    def __init__(self, days: int, min_articles: int = 0) -> None:
        if not isinstance(days, int) or days <= 0:
            raise ValueError(f"frequency window must be a positive number of days, not {days!r}")
        if not isinstance(min_articles, int) or min_articles < 0:
            raise ValueError(f"min_articles must be a number >= 0, not {min_articles!r}")
        self.days = days
        self.min_articles = min_articles
        self.total = Frequencies()  # the counts of the days in [lo, hi)
        self._by_day: dict[int, Frequencies] = {}
        self._lo: int | None = None
        self._hi: int | None = None
        self.completed: list[tuple[int, Frequencies]] = []  # days that ended, for the caller to keep

    def current(self) -> list[tuple[int, Frequencies]]:
        """The counts of the days not yet ended (the day in progress)."""
        return [(d, f) for d, f in sorted(self._by_day.items()) if self._hi is None or d >= self._hi]

    def add_day(self, day: int, counts: Frequencies) -> None:
        """Count a whole day at once (its stored counts), before the window reaches it."""
        if self._hi is not None and day < self._hi:
            raise ValueError(f"day {day} is already weighed: count days in order")
        self._by_day[day] = counts

    def add(self, day: int, p: LinkProfile) -> None:
        """Count an article of ``day`` (which must not be in the total yet)."""
        if self._hi is not None and day < self._hi:
            raise ValueError(f"day {day} is already weighed: count articles in their days' order")
        self._by_day.setdefault(day, Frequencies()).add_profile(p)

    def needs_own_day(self, day: int) -> bool:
        """Whether :meth:`for_day` of ``day`` counts the day's own articles (call after it)."""
        return self.total.articles < self.min_articles

    def for_day(self, day: int, own: Callable[[int], Frequencies] | None = None) -> Frequencies:
        """The counts of days ``day - days`` to ``day - 1``; when they hold fewer than
        ``min_articles`` articles, plus ``own(day)``: the counts of all the day's articles."""
        total = self._window(day)
        if own is None or total.articles >= self.min_articles:
            return total
        with_own = Frequencies()
        with_own.update(total)
        with_own.update(own(day))
        return with_own

    def _window(self, day: int) -> Frequencies:
        """The counts of days ``day - days`` to ``day - 1`` (the same object, updated in place)."""
        lo, hi = day - self.days, day
        if self._hi is not None and hi < self._hi:
            raise ValueError(f"the window has moved past day {day}")
        for d in sorted(self._by_day):
            counts = self._by_day[d]
            if (self._hi is None or d >= self._hi) and d < hi:
                self.completed.append((d, counts))
            inside_before = self._lo is not None and self._lo <= d < self._hi
            inside_now = lo <= d < hi
            if inside_now and not inside_before:
                self.total.update(counts)
            elif inside_before and not inside_now:
                self.total.update(counts, -1)
            if d < lo:
                del self._by_day[d]
        self._lo, self._hi = lo, hi
        return self.total
