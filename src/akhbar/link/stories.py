"""Stories: events chained over months and years by who and what they are about.

A new event continues the story whose pooled entity profile (IDF-weighted) and, in the same
language, vocabulary are closest to the event's first article, when that closeness reaches the
story threshold; otherwise it starts a story of its own. A story idle longer than the story
window is closed. Labels come from the story's dominant entities, people and organizations first.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from ..records import LinkProfile
from .frequencies import Frequencies
from .similarity import ArticleVector, Cluster, article_entities, article_terms, entity_cosine, term_cosine

ENTITY_SHARE = 0.7  # of the story similarity; the rest is same-language vocabulary
LABEL_ENTITIES = 3
STORY_CANDIDATES = 8  # stories fully compared with a new event: the best by shared rare entities
# Of the stories naming an entity, those most recently joined by an article that names it are the
# ones looked at (a country runs through thousands of stories: the live ones are the candidates)
MAX_STORY_POSTING = 256


@dataclass
class StoryState:
    id: str
    cluster: Cluster
    events: list[str] = field(default_factory=list)
    clock: int | None = None
    dirty: bool = True
    label: str = ""  # computed when an article joins, so it does not depend on when it is stored

    def make_label(self, freq: Frequencies) -> str:
        def rank(kv: tuple[str, float]) -> tuple[float, str]:
            return (-kv[1] * freq.entity_idf(kv[0]), kv[0])

        items = self.cluster.entities.items()
        first = heapq.nsmallest(LABEL_ENTITIES, (kv for kv in items if not kv[0].startswith(("country/", "place/"))), key=rank)
        if len(first) < LABEL_ENTITIES:
            first += heapq.nsmallest(LABEL_ENTITIES - len(first),
                                     (kv for kv in items if kv[0].startswith(("country/", "place/"))), key=rank)
        return " · ".join(self.cluster.labels.get(e, e) for e, _ in first) or "(no named entities)"

    def row(self) -> dict[str, Any]:
        span = self.cluster.day_range()
        return {
            "id": self.id,
            "label": self.label,
            "first": date.fromordinal(span[0]).isoformat() if span else None,
            "last": date.fromordinal(span[1]).isoformat() if span else None,
            "clock": self.clock,
            "events": list(self.events),
            "state": {"cluster": self.cluster.as_dict(), "events": self.events, "clock": self.clock, "label": self.label},
        }

    @classmethod
    def from_row(cls, story_id: str, state: dict[str, Any]) -> "StoryState":
        clock = state.get("clock")
        return cls(story_id, Cluster.from_dict(state["cluster"]), list(state["events"]),
                   None if clock is None else int(clock), dirty=False, label=state.get("label", ""))


class StoryIndex:
    def __init__(self, threshold: float, window_days: int) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.stories: dict[str, StoryState] = {}
        self._by_entity: dict[str, dict[str, None]] = {}  # entity -> stories, by recency

    def similarity(self, p: LinkProfile, story: StoryState, freq: Frequencies,
                   vectors: tuple[ArticleVector, ArticleVector] | None = None) -> float:
        """``vectors``: the article's weighted entity and word vectors, when already computed."""
        c = story.cluster
        evec, tvec = vectors or self._vectors(p, freq)
        ent = entity_cosine(evec, c, freq)
        lang = p.lang or ""
        if lang in c.terms and p.terms:
            lex = term_cosine(tvec, c, lang, freq)
            return round(ENTITY_SHARE * ent + (1 - ENTITY_SHARE) * lex, 6)
        return round(ent, 6)

    @staticmethod
    def _vectors(p: LinkProfile, freq: Frequencies) -> tuple[ArticleVector, ArticleVector]:
        return article_entities(p, freq), article_terms(dict(p.terms), p.lang, freq)

    def assign(self, event_id: str, p: LinkProfile, clock: int | None, freq: Frequencies, limit: int) -> str:
        """The story a new event (first article ``p``) belongs to, started if none fits."""
        pre: dict[str, float] = {}
        ranked = sorted(p.entities, key=lambda e: (-e[1] * freq.entity_idf(e[0]), e[0]))[:limit]
        for e, _, _ in ranked:
            idf = freq.entity_idf(e)
            for sid in islice(reversed(self._by_entity.get(e, {})), MAX_STORY_POSTING):
                story = self.stories[sid]
                if clock is not None and story.clock is not None and story.clock < clock - self.window_days:
                    continue
                pre[sid] = pre.get(sid, 0.0) + idf
        best: tuple[float, str] | None = None
        vectors = self._vectors(p, freq) if pre else None
        for _, sid in heapq.nsmallest(STORY_CANDIDATES, ((-s, sid) for sid, s in pre.items())):
            s = self.similarity(p, self.stories[sid], freq, vectors)
            if s >= self.threshold and (best is None or s > best[0]):
                best = (s, sid)
        if best is None:
            sid = "st-" + p.article
            self.stories[sid] = StoryState(sid, Cluster(), [], clock)
        else:
            sid = best[1]
        self.stories[sid].events.append(event_id)
        return sid

    def add_article(self, sid: str, p: LinkProfile, clock: int | None, freq: Frequencies) -> None:
        story = self.stories[sid]
        story.cluster.add_with_norms(p, freq, figures=False)
        story.label = story.make_label(freq)
        if clock is not None:
            story.clock = clock if story.clock is None else max(story.clock, clock)
        story.dirty = True
        for e, _, _ in p.entities:
            self._named(e, sid)

    def remove_event(self, sid: str, event_id: str) -> None:
        story = self.stories.get(sid)
        if story and event_id in story.events:
            story.events.remove(event_id)
            story.dirty = True

    def restore(self, story: StoryState) -> None:
        """Load a stored story (restore them oldest first: the order they are looked at in)."""
        self.stories[story.id] = story
        for e in story.cluster.entities:
            self._named(e, story.id)

    def _named(self, entity_id: str, sid: str) -> None:
        """Story ``sid`` just named the entity: it moves to the recent end of its posting."""
        named = self._by_entity.setdefault(entity_id, {})
        named.pop(sid, None)
        named[sid] = None

    def drain(self) -> list[dict[str, Any]]:
        rows = [s.row() for s in self.stories.values() if s.dirty]
        for s in self.stories.values():
            s.dirty = False
        return rows

    def evict(self, before_clock: int) -> None:
        for sid in [sid for sid, s in self.stories.items()
                    if s.clock is not None and s.clock < before_clock and not s.dirty]:
            story = self.stories.pop(sid)
            for e in story.cluster.entities:
                ids = self._by_entity.get(e)
                if ids:
                    ids.pop(sid, None)
                    if not ids:
                        del self._by_entity[e]
