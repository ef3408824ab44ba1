"""Document frequencies for IDF weights, smoothed by a prior so that a small archive still
weighs a person above a country.

With ``n`` articles seen and ``df`` of them naming an entity, the weight is
``log((n + P) / (df + P * prior + 1))``: with few articles the prior (by entity type, or for a
word the same small rate for all) decides, with many the archive's own counts do. The counts are
plain dicts, so the state pickles, merges (add the counts) and is stored between runs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
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
    changed: set[str] = field(default_factory=set, repr=False)  # keys touched since last drain
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
            self.changed.add("f:" + key)
        for e in entity_ids:
            self.entities[e] += 1
            self.changed.add("e:" + e)
        bucket = self.terms.setdefault(lang or "", Counter())
        for t in terms:
            bucket[t] += 1
            self.changed.add(f"t:{lang or ''}:{t}")

    def add_profile(self, p: LinkProfile) -> None:
        """Count one article: its entities, words, figures, and its concepts (as :data:`CONCEPTS` words)."""
        self.add(p.lang, (e for e, _, _ in p.entities), (t for t, _ in p.terms), p.figures)
        if p.concepts:
            bucket = self.terms.setdefault(CONCEPTS, Counter())
            for c, _ in p.concepts:
                bucket[c] += 1
                self.changed.add(f"t:{CONCEPTS}:{c}")

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

    # -- storage: one row per key ("e:<entity>", "f:<figure>", "t:<lang>:<term>", "n") ----------------------

    def drain_changes(self) -> list[tuple[str, int]]:
        """The (key, count) rows changed since the last call, and the article count."""
        rows = [("n", self.articles)]
        for key in sorted(self.changed):
            if key.startswith("e:"):
                rows.append((key, self.entities[key[2:]]))
            elif key.startswith("f:"):
                rows.append((key, self.figures[key[2:]]))
            else:
                _, lang, term = key.split(":", 2)
                rows.append((key, self.terms[lang][term]))
        self.changed.clear()
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int]]) -> "Frequencies":
        f = cls()
        for key, count in rows:
            if key == "n":
                f.articles = int(count)
            elif key.startswith("e:"):
                f.entities[key[2:]] = int(count)
            elif key.startswith("f:"):
                f.figures[key[2:]] = int(count)
            elif key.startswith("t:"):
                _, lang, term = key.split(":", 2)
                f.terms.setdefault(lang, Counter())[term] = int(count)
        return f
