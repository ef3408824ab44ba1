"""An article's link profile: what the linker compares, computed once in the worker.

Pure: the same Article gives the same profile in any process. See :class:`LinkProfile`.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from ..records import Article, LinkProfile
from .concepts import ConceptTable, concept_table
from .terms import LinkTables, content_terms, link_tables, words

NUM_PERM = 64  # MinHash permutations: 64 estimate a Jaccard of 0.5 within about +-0.06
SHINGLE = 4  # words per shingle: copies share long runs; topical neighbours share single words
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures say which one made them
MAX_TERMS = 40
MAX_FIGURES = 24
TITLE_WEIGHT = 1.6  # an entity named in the headline ...
LEAD_WEIGHT = 1.3  # ... or in the first paragraph is what the article is about
# Entity types that say what happened; outlets say who reported it (provenance), not what.
EVENT_TYPES = frozenset({"person", "organization", "country", "place", "other"})


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own permutations for seed 1, made once per process instead of per article."""
    m = MinHash(num_perm=num_perm, seed=1)
    return m.permutations


def shingle_hashes(tokens: list[str], *, distinct: bool = True) -> np.ndarray:
    """32-bit hashes of the text's word shingles (of the whole text when it is shorter): each
    word hashed once (CRC-32), a shingle's hash a polynomial of its words' hashes. With
    ``distinct=False`` a repeated shingle stays repeated (a minimum does not care)."""
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    table = {t: zlib.crc32(t.encode("utf-8")) for t in set(tokens)}
    h = np.fromiter((table[t] for t in tokens), dtype=np.uint64, count=len(tokens))
    n = len(h) - SHINGLE + 1
    if n <= 0:
        acc = np.zeros(1, dtype=np.uint64)
        for x in h:
            acc = acc * np.uint64(_BASE) + x
    else:
        acc = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE):
            acc = acc * np.uint64(_BASE) + h[k : k + n]  # wraps modulo 2**64, deterministically
    acc &= np.uint64(0xFFFFFFFF)
    return np.unique(acc) if distinct else acc


_BASE = 1_000_003
# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies before permuting
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_MAX32 = np.uint32(0xFFFFFFFF)


def _identity(value: int) -> int:
    return value


def minhash_values(tokens: list[str], num_perm: int = NUM_PERM) -> np.ndarray:
    """The signature datasketch's MinHash (affine32 scheme, seed 1) gives the text's word
    shingles, as uint32, computed in numpy without a Python call per shingle."""
    hashes = shingle_hashes(tokens, distinct=False)
    if not len(hashes):
        return np.full(num_perm, _MAX32, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> np.uint32(s1))
    hv = hv * np.uint32(m1)
    hv = hv ^ (hv >> np.uint32(s2))
    hv = hv * np.uint32(m2)
    hv = hv ^ (hv >> np.uint32(s3))
    a, b = _permutations(num_perm)
    return (hv * a + b).min(axis=0)


def minhash_of(tokens: list[str], num_perm: int = NUM_PERM) -> MinHash:
    """datasketch MinHash (affine32 scheme, seed 1) over the text's word shingles."""
    return MinHash(num_perm=num_perm, seed=1, hashfunc=_identity, permutations=_permutations(num_perm),
                   scheme=SCHEME, hashvalues=minhash_values(tokens, num_perm))


def entity_weights(article: Article) -> tuple[tuple[str, float, str], ...]:
    """(entity_id, weight, label), by id: 1 + log(mentions), more when named up front."""
    lead_end = article.paragraphs[0].end if article.paragraphs else 0
    counts: Counter[str] = Counter()
    boost: dict[str, float] = {}
    labels: dict[str, str] = {}
    for m in article.entities:
        if m.type not in EVENT_TYPES:
            continue
        counts[m.entity_id] += 1
        labels.setdefault(m.entity_id, m.label)
        b = TITLE_WEIGHT if m.in_title else (LEAD_WEIGHT if m.start < lead_end else 1.0)
        boost[m.entity_id] = max(boost.get(m.entity_id, 1.0), b)
    return tuple(sorted((e, round((1.0 + math.log(c)) * boost[e], 3), labels[e]) for e, c in counts.items()))


def salient_figures(article: Article) -> tuple[float, ...]:
    """Numbers worth comparing across reports: counts, sums and percentages, not years, not the
    small numbers every text has."""
    found: set[float] = set()
    for q in article.quantities:
        for v in (q.value, q.low, q.high):
            if v is None:
                continue
            if v < 10 and q.unit != "percent":
                continue
            if q.unit is None and q.counted is None and float(v).is_integer() and 1900 <= v <= 2100:
                continue  # a bare year-like number
            found.add(round(float(v), 2))
    return tuple(sorted(found)[:MAX_FIGURES])


def top_terms(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """The ``n`` most frequent terms, ties in term order: ``sorted`` by (-count, term) of only
    the terms that can make the cut (most of an article's words occur once)."""
    if len(counts) > n:
        cut = sorted(counts.values(), reverse=True)[n - 1]
        items = [kv for kv in counts.items() if kv[1] >= cut]
    else:
        items = list(counts.items())
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))[:n]


def build_profile(article: Article, tables: LinkTables | None = None, *, num_perm: int = NUM_PERM,
                  concepts: ConceptTable | None = None, tokens: list[str] | None = None) -> LinkProfile:
    """``tokens``: :func:`~akhbar.link.terms.words` of the normalized title and body, when the
    caller has folded them already."""
    tables = tables or link_tables()
    concepts = concepts or concept_table()
    title = article.norm_title.text if article.norm_title else (article.title or "")
    body = article.norm_body.text if article.norm_body else article.body
    if tokens is None:
        tokens = words(title + "\n" + body)
    terms = content_terms(tokens, article.lang, tables)
    top = top_terms(terms, MAX_TERMS)
    reported = sorted({d.value for d in article.dates if d.value and d.role not in ("background", "publication")})
    hv = minhash_values(tokens, num_perm).astype("<u4")
    return LinkProfile(
        article=article.id,
        lang=article.lang,
        date=article.event_date or article.published,
        published=article.published,
        publisher=article.publisher,
        title=article.title,
        entities=entity_weights(article),
        figures=salient_figures(article),
        reported_dates=tuple(reported),
        terms=tuple(top),
        concepts=tuple(sorted(concepts.concepts(terms.items(), article.lang).items(), key=lambda kv: (-kv[1], kv[0]))),
        minhash=hv.tobytes(),
        words=len(tokens),
    )
