"""Stories: events chained over months and years by who and what they are about.

A new event continues the story whose pooled entity profile (IDF-weighted) and, in the same
language, vocabulary are closest to the event's first article, when that closeness reaches the
story threshold; otherwise it starts a story of its own. A story idle longer than the story
window is closed. Labels come from the story's dominant entities, people and organizations first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records import LinkProfile
from .frequencies import Frequencies
from .similarity import Cluster, _cosine_to, entity_vector, term_cosine, term_vector

ENTITY_SHARE = 0.7  # of the story similarity; the rest is same-language vocabulary
LABEL_ENTITIES = 3
STORY_CANDIDATES = 8  # stories fully compared with a new event: the best by shared rare entities


@dataclass
class StoryState:
    id: str
    cluster: Cluster
    events: list[str] = field(default_factory=list)
    clock: int | None = None
    dirty: bool = True
    label: str = ""  # computed when an article joins, so it does not depend on when it is stored

    def make_label(self, freq: Frequencies) -> str:
        ranked = sorted(self.cluster.entities.items(), key=lambda kv: (-kv[1] * freq.entity_idf(kv[0]), kv[0]))
        first = [e for e, _ in ranked if not e.startswith(("country/", "place/"))]
        rest = [e for e, _ in ranked if e.startswith(("country/", "place/"))]
        chosen = (first + rest)[:LABEL_ENTITIES]
        return " · ".join(self.cluster.labels.get(e, e) for e in chosen) or "(no named entities)"

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
        self._by_entity: dict[str, set[str]] = {}

    def similarity(self, p: LinkProfile, story: StoryState, freq: Frequencies) -> float:
        c = story.cluster
        ent = _cosine_to(entity_vector({e: w for e, w, _ in p.entities}, freq), c.entities,
                         lambda e, w: w * freq.entity_idf(e), c.norms.get("e"))
        lang = p.lang or ""
        if lang in c.terms and p.terms:
            lex = term_cosine(term_vector(dict(p.terms), lang, freq), c, lang, freq)
            return round(ENTITY_SHARE * ent + (1 - ENTITY_SHARE) * lex, 6)
        return round(ent, 6)

    def assign(self, event_id: str, p: LinkProfile, clock: int | None, freq: Frequencies, limit: int) -> str:
        """The story a new event (first article ``p``) belongs to, started if none fits."""
        pre: dict[str, float] = {}
        ranked = sorted(p.entities, key=lambda e: (-e[1] * freq.entity_idf(e[0]), e[0]))[:limit]
        for e, _, _ in ranked:
            idf = freq.entity_idf(e)
            for sid in self._by_entity.get(e, ()):
                story = self.stories[sid]
                if clock is not None and story.clock is not None and story.clock < clock - self.window_days:
                    continue
                pre[sid] = pre.get(sid, 0.0) + idf
        best: tuple[float, str] | None = None
        for _, sid in sorted(((-s, sid) for sid, s in pre.items()))[:STORY_CANDIDATES]:
            story = self.stories[sid]
            s = self.similarity(p, story, freq)
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
        story.cluster.add(p)
        story.cluster.refresh_norms(freq)
        story.label = story.make_label(freq)
        if clock is not None:
            story.clock = clock if story.clock is None else max(story.clock, clock)
        story.dirty = True
        for e, _, _ in p.entities:
            self._by_entity.setdefault(e, set()).add(sid)

    def remove_event(self, sid: str, event_id: str) -> None:
        story = self.stories.get(sid)
        if story and event_id in story.events:
            story.events.remove(event_id)
            story.dirty = True

    def restore(self, story: StoryState) -> None:
        self.stories[story.id] = story
        for e in story.cluster.entities:
            self._by_entity.setdefault(e, set()).add(story.id)

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
                    ids.discard(sid)
                    if not ids:
                        del self._by_entity[e]
