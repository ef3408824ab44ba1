"""How alike an article is to an event (or to another article): named features, one score.

Each feature is a number in [0, 1] that a person can read ("entities 0.62: weighted share of the
people, places and organizations they name"); the score is a logistic model over them whose
weights were fitted on labelled pairs (``data/link/model.json``, which records how). The same
function scores an article against an event (the event's articles pooled in a :class:`Cluster`)
and an article against an article (a cluster of one), which is what ``akhbar eval similarity``
measures.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

from ..records import LinkProfile
from .frequencies import CONCEPTS, Frequencies

FEATURES = ("entities", "rare_entity", "figures", "reported_dates", "date", "undated", "lexical", "concepts",
            "cross_lingual")
# What two reports in different languages can still be compared on (the cross-language model's
# features: no words, and no indicator that would be constant)
LANGUAGE_FREE = ("entities", "rare_entity", "figures", "reported_dates", "date", "concepts")
MAX_CLUSTER_TERMS = 150  # per language: an event's vocabulary is its most used words
# A cluster's vector lengths are recomputed in full while it is small (its new names' weights
# change fastest), then each time it grows by this many articles or by an eighth, whichever is
# more; in between an article updates them by the change of its own keys only
NORM_REFRESH = 8


def day(iso: str | None) -> int | None:
    """An ISO date as a day number (None stays None; a malformed date counts as unknown)."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class Cluster:
    """Articles pooled: summed entity weights, figures, reported dates, article dates, words per
    language, languages. Mergeable (add the counts)."""

    size: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    labels: dict[str, str] = field(default_factory=dict)
    figures: Counter[float] = field(default_factory=Counter)
    reported_dates: Counter[str] = field(default_factory=Counter)
    days: Counter[int] = field(default_factory=Counter)
    terms: dict[str, Counter[str]] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    # vector lengths ("e" for entities, "t:<lang>" for words) with the weights of the moment the
    # cluster last changed (:meth:`refresh_norms`): scoring then costs only the shared keys
    norms: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, profile: LinkProfile) -> "Cluster":
        c = cls()
        c.add(profile)
        return c

    def add(self, p: LinkProfile, *, figures: bool = True) -> None:
        """Pool ``p`` in; ``figures=False`` leaves out its figures and reported dates (what a
        story, which is compared by who and what only, has no use for)."""
        self.size += 1
        for e, w, label in p.entities:
            self.entities[e] += w
            self.labels.setdefault(e, label)
        if figures:
            self.figures.update(p.figures)
            self.reported_dates.update(p.reported_dates)
        d = day(p.date)
        if d is not None:
            self.days[d] += 1
        lang = p.lang or ""
        self.languages[lang] += 1
        bucket = self.terms.setdefault(lang, Counter())
        bucket.update(dict(p.terms))
        if len(bucket) > 2 * MAX_CLUSTER_TERMS:
            self.terms[lang] = Counter(dict(sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CLUSTER_TERMS]))
        if p.concepts:  # pooled like the words of one more language (see frequencies.CONCEPTS)
            self.terms.setdefault(CONCEPTS, Counter()).update(dict(p.concepts))

    def merge(self, other: "Cluster") -> None:
        self.size += other.size
        self.entities.update(other.entities)
        for e, label in other.labels.items():
            self.labels.setdefault(e, label)
        self.figures.update(other.figures)
        self.reported_dates.update(other.reported_dates)
        self.days.update(other.days)
        self.languages.update(other.languages)
        for lang, terms in other.terms.items():
            self.terms.setdefault(lang, Counter()).update(terms)

    def refresh_norms(self, freq: Frequencies) -> None:
        self.norms = {"e": _norm(entity_vector(self.entities, freq))}
        for lang, terms in self.terms.items():
            self.norms["t:" + lang] = _norm(term_vector(terms, lang, freq))

    def add_with_norms(self, p: LinkProfile, freq: Frequencies, *, figures: bool = True) -> None:
        """:meth:`add` ``p`` and bring the vector lengths up to date: in full while the cluster
        is small and at each :data:`NORM_REFRESH` step of its growth, otherwise by the change of the
        article's own keys at today's weights (the weights of the other keys drift only with the
        archive's counts, slowly). A full refresh costs the whole cluster; this costs the article."""
        lang = p.lang or ""
        bucket = self.terms.get(lang)
        if self.size < NORM_REFRESH or (self.size + 1) % max(NORM_REFRESH, self.size // NORM_REFRESH) == 0 \
                or "e" not in self.norms:
            self.add(p, figures=figures)
            self.refresh_norms(freq)
            return
        before_e = {e: self.entities.get(e, 0.0) for e, _, _ in p.entities}
        before_t = {t: bucket.get(t, 0) for t, _ in p.terms} if bucket is not None else {}
        concepts = self.terms.get(CONCEPTS)
        before_c = {c: concepts.get(c, 0) for c, _ in p.concepts} if concepts is not None else {}
        self.add(p, figures=figures)
        if bucket is not None and self.terms[lang] is not bucket:  # its vocabulary was cut back
            self.refresh_norms(freq)
            return
        sq = self.norms["e"] ** 2
        for e, old in before_e.items():
            idf = freq.entity_idf(e)
            sq += (self.entities[e] * idf) ** 2 - (old * idf) ** 2
        self.norms["e"] = math.sqrt(max(sq, 0.0))
        for key, changed, before in ((lang, [t for t, _ in p.terms], before_t),
                                     (CONCEPTS, [c for c, _ in p.concepts], before_c)):
            if not changed:
                continue
            sq = self.norms.get("t:" + key, 0.0) ** 2
            counts = self.terms[key]
            for t in changed:
                idf = freq.term_idf(key, t)
                old = before.get(t, 0)
                sq += ((1.0 + math.log(counts[t])) * idf) ** 2 - ((1.0 + math.log(old)) * idf if old > 0 else 0.0) ** 2
            self.norms["t:" + key] = math.sqrt(max(sq, 0.0))

    def day_range(self) -> tuple[int, int] | None:
        return (min(self.days), max(self.days)) if self.days else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "entities": dict(self.entities),
            "labels": self.labels,
            "figures": [[k, v] for k, v in self.figures.items()],
            "reported_dates": dict(self.reported_dates),
            "days": [[k, v] for k, v in self.days.items()],
            "terms": {lang: dict(t) for lang, t in self.terms.items()},
            "languages": dict(self.languages),
            "norms": self.norms,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Cluster":
        return cls(
            size=d["size"],
            entities=Counter(d["entities"]),
            labels=dict(d["labels"]),
            figures=Counter({float(k): v for k, v in d["figures"]}),
            reported_dates=Counter(d["reported_dates"]),
            days=Counter({int(k): v for k, v in d["days"]}),
            terms={lang: Counter(t) for lang, t in d["terms"].items()},
            languages=Counter(d["languages"]),
            norms=dict(d.get("norms", {})),
        )


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


@dataclass(frozen=True)
class ArticleVector:
    """An article's weighted vector (``weights``: tf x idf) with what scoring it against many
    clusters needs, computed once: each weight times its key's idf again (``scaled``; the
    cluster's weight of a key is its own tf times the same idf) and the vector's length."""

    weights: dict[str, float]
    scaled: dict[str, float]
    norm: float

    @classmethod
    def of(cls, tf: dict[str, float], idf: Callable[[str], float]) -> "ArticleVector":
        weights: dict[str, float] = {}
        scaled: dict[str, float] = {}
        for k, x in tf.items():
            i = idf(k)
            weights[k] = x * i
            scaled[k] = x * i * i
        return cls(weights, scaled, _norm(weights))


def _cosine_to(a: ArticleVector, counts: dict[str, float], log_tf: bool, b_norm: float | None,
               idf: Callable[[str], float]) -> float:
    """Cosine of ``a`` with a cluster's vector: its ``counts`` as tf (``1 + log`` of them when
    ``log_tf``) times ``idf``, whose length is ``b_norm`` when known (only the keys they share
    are then weighted)."""
    if not a.weights or not counts:
        return 0.0
    dot = 0.0
    for k, v in a.scaled.items():
        n = counts.get(k)
        if n:
            dot += v * (1.0 + math.log(n)) if log_tf else v * n
    if not dot:
        return 0.0
    if b_norm is None:
        b_norm = math.sqrt(sum((((1.0 + math.log(n)) if log_tf else n) * idf(k)) ** 2 for k, n in counts.items() if n))
    return min(1.0, dot / (a.norm * b_norm)) if b_norm else 0.0


def entity_vector(weights: dict[str, float], freq: Frequencies) -> dict[str, float]:
    return {e: w * freq.entity_idf(e) for e, w in weights.items()}


def term_vector(counts: dict[str, float], lang: str | None, freq: Frequencies) -> dict[str, float]:
    return {t: (1.0 + math.log(c)) * freq.term_idf(lang, t) for t, c in counts.items() if c > 0}


def article_entities(p: LinkProfile, freq: Frequencies) -> ArticleVector:
    return ArticleVector.of({e: w for e, w, _ in p.entities}, freq.entity_idf)


def article_terms(counts: dict[str, float], lang: str | None, freq: Frequencies) -> ArticleVector:
    return ArticleVector.of({t: 1.0 + math.log(c) for t, c in counts.items() if c > 0},
                            lambda t: freq.term_idf(lang, t))


def entity_cosine(vec: ArticleVector, c: Cluster, freq: Frequencies) -> float:
    """Cosine of an article's weighted entities with the cluster's pooled ones."""
    return _cosine_to(vec, c.entities, False, c.norms.get("e"), freq.entity_idf)


def term_cosine(vec: ArticleVector, c: Cluster, lang: str, freq: Frequencies) -> float:
    """Cosine of a weighted word (or concept) vector with the cluster's pooled words of ``lang``."""
    return _cosine_to(vec, c.terms[lang], True, c.norms.get("t:" + lang), lambda t: freq.term_idf(lang, t))


Vectors = tuple[ArticleVector, ArticleVector, ArticleVector]


def article_vectors(p: LinkProfile, freq: Frequencies) -> Vectors:
    """The article's weighted entity, word and concept vectors (compute once, score many clusters)."""
    return (article_entities(p, freq), article_terms(dict(p.terms), p.lang, freq),
            article_terms(dict(p.concepts), CONCEPTS, freq))


def features(p: LinkProfile, c: Cluster, freq: Frequencies, vectors: Vectors | None = None) -> dict[str, float]:
    """The features of article ``p`` against cluster ``c`` (see :data:`FEATURES`); ``vectors``
    are :func:`article_vectors` of ``p`` when already computed."""
    evec, tvec, cvec = vectors or article_vectors(p, freq)
    shared = [e for e in evec.weights if e in c.entities]
    f = dict.fromkeys(FEATURES, 0.0)
    if shared:
        f["entities"] = entity_cosine(evec, c, freq)
        f["rare_entity"] = min(1.0, max(freq.entity_idf(e) for e in shared) / freq.max_entity_idf())
    if p.figures and c.figures:  # two rare figures in common make 1
        rarity = sum(freq.figure_idf(x) for x in p.figures if x in c.figures) / freq.max_figure_idf()
        f["figures"] = min(1.0, rarity / 2)
    if p.reported_dates and c.reported_dates:
        f["reported_dates"] = min(2, sum(1 for x in p.reported_dates if x in c.reported_dates)) / 2
    d = day(p.date)
    span = c.day_range()
    if d is None or span is None:
        f["undated"] = 1.0
    else:
        gap = 0 if span[0] <= d <= span[1] else min(abs(d - span[0]), abs(d - span[1]))
        f["date"] = math.exp(-gap / 2.0)
    lang = p.lang or ""
    if lang in c.terms and p.terms:
        f["lexical"] = term_cosine(tvec, c, lang, freq)
    if cvec.weights and CONCEPTS in c.terms:
        f["concepts"] = term_cosine(cvec, c, CONCEPTS, freq)
    if lang not in c.languages:
        f["cross_lingual"] = 1.0
    return {k: round(v, 4) for k, v in f.items()}


@dataclass(frozen=True)
class LinkModel:
    """A logistic model over the features: ``P(same event) = 1 / (1 + exp(-(bias + w . f)))``.
    ``threshold``: an article joins the best event at or above it (a model file's
    ``merge_threshold``, from when events could be merged, is read and ignored).

    ``cross_language`` holds a second ``bias`` and ``weights`` over :data:`LANGUAGE_FREE` features
    only, for an article scored against reports all in other languages: there the words cannot
    be compared, and a model that leans on them would need shared words no such pair can have.
    (A submodel per pattern of missing features, fitted on the same pairs with the words
    withheld.)"""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    about: str = ""
    # values scored in place of a feature that cannot be measured: an undated pair's ``date``
    # is scored as the mean date proximity of the pairs the model was fitted on
    imputed: dict[str, float] = field(default_factory=dict)
    # {"bias": float, "weights": {feature: weight}, "threshold": float (optional)}
    cross_language: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(FEATURES)
        if self.cross_language is not None:
            unknown |= set(self.cross_language["weights"]) - set(LANGUAGE_FREE)
        cross_threshold = (self.cross_language or {}).get("threshold", self.threshold)
        if not 0.0 < cross_threshold < 1.0:
            raise ValueError(f"link model: need 0 < cross-language threshold < 1, not {cross_threshold!r}")
        if unknown:
            raise ValueError(f"link model: unknown feature(s) {', '.join(sorted(unknown))}; known: {', '.join(FEATURES)} "
                             f"(cross-language: {', '.join(LANGUAGE_FREE)})")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"link model: need 0 < threshold < 1, not {self.threshold!r}")

    def weights_for(self, f: dict[str, float]) -> tuple[float, dict[str, float]]:
        """The (bias, weights) that score these features: the cross-language ones for a pair in
        two languages, when the model has them."""
        if f.get("cross_lingual") and self.cross_language is not None:
            return float(self.cross_language["bias"]), self.cross_language["weights"]
        return self.bias, self.weights

    def threshold_for(self, f: dict[str, float]) -> float:
        """The score at which an article joins an event with these features: the cross-language
        submodel's own threshold for a pair in two languages, when it has one."""
        if f.get("cross_lingual") and self.cross_language is not None:
            return float(self.cross_language.get("threshold", self.threshold))
        return self.threshold

    def score(self, f: dict[str, float]) -> float:
        if f.get("undated") and "date" in self.imputed:
            f = {**f, "date": self.imputed["date"]}
        bias, weights = self.weights_for(f)
        z = bias + sum(w * f.get(k, 0.0) for k, w in weights.items())
        return round(1.0 / (1.0 + math.exp(-z)), 6)

    def as_dict(self) -> dict[str, Any]:
        d = {"bias": self.bias, "weights": self.weights, "threshold": self.threshold,
             "imputed": self.imputed, "about": self.about}
        if self.cross_language is not None:
            d["cross_language"] = self.cross_language
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LinkModel":
        cross = d.get("cross_language")
        if cross is not None:
            cross = {**({"threshold": float(cross["threshold"])} if "threshold" in cross else {}),
                     "bias": float(cross["bias"]), "weights": {k: float(v) for k, v in cross["weights"].items()}}
        return cls(bias=float(d["bias"]), weights={k: float(v) for k, v in d["weights"].items()},
                   threshold=float(d.get("threshold", 0.5)),
                   about=str(d.get("about", "")), imputed={k: float(v) for k, v in d.get("imputed", {}).items()},
                   cross_language=cross)


@lru_cache(maxsize=2)
def _load(name: str) -> LinkModel:
    text = resources.files("akhbar").joinpath("data", "link", name).read_text(encoding="utf-8")
    return LinkModel.from_dict(json.loads(text))


def shipped_model() -> LinkModel:
    """The event model (``data/link/model.json``): does this article join that event?"""
    return _load("model.json")


def similarity_model() -> LinkModel:
    """The pair-similarity model (``data/link/similarity.json``): how alike two articles are, in
    the graded sense of SemEval-2022 Task 8 (same story counts, not only the same event)."""
    return _load("similarity.json")


def pair_similarity(a: LinkProfile, b: LinkProfile, freq: Frequencies, model: LinkModel | None = None) -> float:
    """How alike two articles are (symmetric: the mean of both directions)."""
    model = model or similarity_model()
    return round((model.score(features(a, Cluster.of(b), freq)) + model.score(features(b, Cluster.of(a), freq))) / 2, 6)
