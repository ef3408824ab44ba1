"""Stories: events chained over months and years by who and what they are about.

Each event has at most one *story parent*: of the events before it (by their first articles'
places) that began within ``story_window_days`` of it, the one whose pooled entities
(IDF-weighted) and vocabulary are closest to its own, when that closeness reaches the story
threshold (an undated event, placed on the day it was stored, has no time to be compared by:
it is compared with events of any time). A story is a tree of such links; its id is ``st-`` + the first article of its root
event. Since a parent depends only on the two events and the weights of the child's first day,
stories depend on the set of events, not on the order they were found in; a changed event
changes the parents of itself and of the later events that could choose it, nothing else.

Candidates are the events sharing one of the child's rarest entities (``retrieval_entities``); of
the events naming an entity, only the ``MAX_STORY_POSTING`` most recent before the child are
looked at (a country runs through thousands of events). Labels come from the story's dominant
entities, people and organizations first.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable

from .frequencies import Frequencies
from .similarity import Cluster

ENTITY_SHARE = 0.7  # of the story similarity; the rest is vocabulary
LABEL_ENTITIES = 3
STORY_CANDIDATES = 8  # events fully compared with an event: the best by shared rare entities
MAX_STORY_POSTING = 256


@dataclass(frozen=True)
class StoryEvent:
    """What stories know of an event: its id, the place of its first article (a sortable
    string), its first day and its pooled articles."""

    id: str
    place: str
    first_day: int
    undated: bool  # no article of it had a date: it is compared with events of any time
    cluster: Cluster

    @classmethod
    def from_row(cls, event_id: str, place: str, first_day: int, undated: bool,
                 state: dict[str, Any]) -> "StoryEvent":
        return cls(event_id, place, first_day, undated, Cluster.from_dict(state["cluster"]))


def retrieval_entities(event: StoryEvent, freq: Frequencies, limit: int) -> list[str]:
    """The event's rarest weighty entities: the keys its story parent is looked for by."""
    ranked = sorted(event.cluster.entities.items(), key=lambda kv: (-kv[1] * freq.entity_idf(kv[0]), kv[0]))
    return [e for e, _ in ranked[:limit]]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(x * b[k] for k, x in a.items() if k in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum(x * x for x in a.values()))
    nb = math.sqrt(sum(x * x for x in b.values()))
    return min(1.0, dot / (na * nb))


def _entities(c: Cluster, freq: Frequencies) -> dict[str, float]:
    return {e: w * freq.entity_idf(e) for e, w in c.entities.items() if w > 0}


def _terms(c: Cluster, freq: Frequencies) -> dict[str, float]:
    return {f"{lang}\t{t}": (1.0 + math.log(n)) * freq.term_idf(lang, t)
            for lang, terms in c.terms.items() for t, n in terms.items() if n > 0}


def similarity(a: StoryEvent, b: StoryEvent, freq: Frequencies) -> float:
    """How alike two events are for a story: entities mostly, vocabulary (words of any shared
    language, and news concepts) for the rest."""
    ent = _cosine(_entities(a.cluster, freq), _entities(b.cluster, freq))
    lex = _cosine(_terms(a.cluster, freq), _terms(b.cluster, freq))
    return round(ENTITY_SHARE * ent + (1 - ENTITY_SHARE) * lex, 6)


def story_parent(event: StoryEvent, keys: list[str], candidates: Callable[[str], list[str]],
                 load: Callable[[str], StoryEvent], freq: Frequencies, threshold: float) -> tuple[str, float] | None:
    """The event's story parent and their similarity, or None. ``candidates(entity)``: the ids
    of the events before ``event`` in the story window naming the entity, most recent first, at
    most :data:`MAX_STORY_POSTING`; ``load(id)`` the event."""
    pre: dict[str, float] = {}
    for e in keys:
        idf = freq.entity_idf(e)
        for other in candidates(e):
            pre[other] = pre.get(other, 0.0) + idf
    best: tuple[float, str] | None = None
    for _, eid in heapq.nsmallest(STORY_CANDIDATES, ((-round(s, 9), eid) for eid, s in pre.items())):
        s = similarity(event, load(eid), freq)
        if s >= threshold and (best is None or (s, eid) > best):
            best = (s, eid)
    return (best[1], best[0]) if best else None


def story_label(clusters: list[Cluster], freq: Frequencies) -> str:
    """The story's dominant people and organizations (places and countries when it has fewer)."""
    pooled: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for c in clusters:
        pooled.update(c.entities)
        for e, label in c.labels.items():
            labels.setdefault(e, label)

    def rank(kv: tuple[str, float]) -> tuple[float, str]:
        return (-kv[1] * freq.entity_idf(kv[0]), kv[0])

    items = pooled.items()
    first = heapq.nsmallest(LABEL_ENTITIES, (kv for kv in items if not kv[0].startswith(("country/", "place/"))), key=rank)
    if len(first) < LABEL_ENTITIES:
        first += heapq.nsmallest(LABEL_ENTITIES - len(first),
                                 (kv for kv in items if kv[0].startswith(("country/", "place/"))), key=rank)
    return " · ".join(labels.get(e, e) for e, _ in first) or "(no named entities)"
