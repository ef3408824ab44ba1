"""Online event linking: one article at a time, against the events of a recent window.

For each article: is it a copy of an earlier one (MinHash LSH)? Then it joins that article's
event. Otherwise candidate events come from inverted indexes of entities, figures and words; the
best few by a cheap pre-score are scored with the link model (:mod:`.similarity`); the best at
or above the threshold takes the article, else the article opens a new event. An article that
also fits a second event with high confidence merges the two (recorded). Event ids are the
founding article's id, so the same articles in the same order give the same events whether they
come in one batch or day by day (the state between runs is stored and restored exactly).
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..options import LinkOptions
from ..records import EventLink, EventMerge, LinkBatch, LinkProfile
from .copies import CopyIndex
from .frequencies import Frequencies
from .similarity import Cluster, LinkModel, article_vectors, day, features
from .stories import StoryIndex, StoryState

RECENT_MEMBERS = 8  # members an article is compared with to say which one it was linked to
INDEXED_TERMS = 8
MAX_POSTING = 256  # events a retrieval key may point to before it is skipped as uninformative  # an article's words that make its event findable by vocabulary
LABEL_CHARS = 200


@dataclass
class EventState:
    id: str
    cluster: Cluster
    title: str | None
    clock: int | None  # the latest day of its articles (None while all are undated)
    story: str | None = None
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=RECENT_MEMBERS))
    outlets: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)  # its postings: "e:<id>", "f:<figure>", "t:<lang>:<term>"
    merged_into: str | None = None

    def row(self) -> dict[str, Any]:
        c = self.cluster
        span = c.day_range()
        mode = min(c.days.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c.days else None
        return {
            "id": self.id,
            "date": date.fromordinal(mode).isoformat() if mode else None,
            "first": date.fromordinal(span[0]).isoformat() if span else None,
            "last": date.fromordinal(span[1]).isoformat() if span else None,
            "clock": self.clock,
            "label": (self.title or "")[:LABEL_CHARS] or None,
            "size": c.size,
            "languages": sorted(c.languages),
            "outlets": sorted(self.outlets),
            "story": self.story,
            "merged_into": self.merged_into,
            "state": {
                "cluster": c.as_dict(), "title": self.title, "clock": self.clock, "story": self.story,
                "recent": list(self.recent), "outlets": dict(self.outlets), "keys": sorted(self.keys),
            },
        }

    @classmethod
    def from_row(cls, event_id: str, state: dict[str, Any]) -> "EventState":
        clock = state.get("clock")
        ev = cls(event_id, Cluster.from_dict(state["cluster"]), state.get("title"), None if clock is None else int(clock),
                 state.get("story"))
        ev.recent.extend(state.get("recent", ()))
        ev.outlets.update(state.get("outlets", {}))
        ev.keys = set(state.get("keys", ()))
        return ev


def _later(a: int | None, b: int | None) -> int | None:
    return b if a is None else (a if b is None else max(a, b))


def _figure_key(x: float) -> str:
    return f"f:{x:g}"


class Linker:
    def __init__(self, options: LinkOptions, model: LinkModel, frequencies: Frequencies | None = None) -> None:
        self.options = options
        self.model = model
        self.freq = frequencies or Frequencies()
        self.clock: int | None = None  # the latest article day seen
        self.events: dict[str, EventState] = {}
        self.event_of: dict[str, str] = {}  # article -> event, for articles in memory
        self.profiles: dict[str, LinkProfile] = {}  # recent members' profiles
        self.alias: dict[str, str] = {}  # merged event -> the event it went into
        self._postings: dict[str, set[str]] = {}
        self.copies = CopyIndex(options.copy_threshold, options.copy_window_days)
        self.stories = StoryIndex(options.story_threshold, options.story_window_days)
        self._links: list[EventLink] = []
        self._merges: list[EventMerge] = []
        self._dirty: set[str] = set()
        self._new_profiles: list[tuple[str, int, str]] = []

    # -- the decision ------------------------------------------------------------------------

    def link(self, p: LinkProfile) -> EventLink:
        d = day(p.date)
        if d is not None:
            self.clock = d if self.clock is None else max(self.clock, d)
        clock = d if d is not None else self.clock  # an undated article lives at the latest day seen
        copy = self.copies.find(p, clock)
        link: EventLink | None = None
        if copy is not None:
            original, sim = copy
            ev_id = self._resolve(self.event_of.get(original))
            if ev_id in self.events:
                link = EventLink(p.article, ev_id, linked_to=original, score=None,
                                 features={"copy": sim}, weights=None, copy_of=original, copy_similarity=sim)
        if link is None:
            link = self._assign(p, d, clock, copy)
        self._join(link.event, p, clock)
        self.copies.add(p, clock, copy[0] if copy else None)
        self.freq.add_profile(p)
        self._links.append(link)
        self._new_profiles.append((p.article, clock, json.dumps(p.as_dict(), ensure_ascii=False)))
        return link

    def _assign(self, p: LinkProfile, d: int | None, clock: int | None, copy: tuple[str, float] | None) -> EventLink:
        scored: list[tuple[float, str, dict[str, float]]] = []
        vectors = article_vectors(p, self.freq)
        for ev_id in self._candidates(p, d, clock):
            f = features(p, self.events[ev_id].cluster, self.freq, vectors)
            scored.append((self.model.score(f), ev_id, f))
        scored.sort(key=lambda t: (-t[0], t[1]))
        copy_fields = {"copy_of": copy[0], "copy_similarity": copy[1]} if copy else {}
        if not scored or scored[0][0] < self.model.threshold:
            ev_id = "ev-" + p.article
            self.events[ev_id] = EventState(ev_id, Cluster(), p.title, clock)
            self.events[ev_id].story = self.stories.assign(ev_id, p, clock, self.freq, self.options.retrieval_entities)
            return EventLink(p.article, ev_id, **copy_fields)
        score, ev_id, f = scored[0]
        for s2, other, _ in scored[1:]:
            if s2 < self.model.merge_threshold:
                break
            ev_id = self._merge(ev_id, other, p.article, s2)
        return EventLink(p.article, ev_id, linked_to=self._closest_member(p, ev_id, vectors), score=score, features=f,
                         weights=dict(self.model.weights_for(f)[1]), **copy_fields)

    def _candidates(self, p: LinkProfile, d: int | None, clock: int | None) -> list[str]:
        """The best few events by a cheap pre-score (the weights of the keys they share with the
        article), among those in the time window. A key shared by more than ``MAX_POSTING``
        events is skipped: like a stopword, it would cost much and tell little."""
        pre: dict[str, float] = {}

        def add(key: str, weight: float) -> None:
            events = self._postings.get(key)
            if events and len(events) <= MAX_POSTING:
                for ev in events:
                    pre[ev] = pre.get(ev, 0.0) + weight

        ranked = sorted(p.entities, key=lambda e: (-e[1] * self.freq.entity_idf(e[0]), e[0]))
        for e, _, _ in ranked[: self.options.retrieval_entities]:
            add("e:" + e, self.freq.entity_idf(e))
        for x in p.figures:
            add(_figure_key(x), 1.0)
        lang = p.lang or ""
        for t, _ in p.terms[:INDEXED_TERMS]:
            add(f"t:{lang}:{t}", 0.5 * self.freq.term_idf(lang, t))
        horizon = None if self.clock is None else self.clock - self.options.window_days
        window = self.options.window_days
        heap = [(-s, ev_id) for ev_id, s in pre.items()]
        heapq.heapify(heap)
        chosen: list[str] = []
        while heap and len(chosen) < self.options.candidates:
            _, ev_id = heapq.heappop(heap)
            ev = self.events[ev_id]
            if horizon is not None and ev.clock is not None and ev.clock < horizon:
                continue
            span = ev.cluster.day_range()
            if d is not None and span is not None and (d < span[0] - window or d > span[1] + window):
                continue
            chosen.append(ev_id)
        return chosen

    def _closest_member(self, p: LinkProfile, ev_id: str, vectors) -> str | None:
        best: tuple[float, str] | None = None
        for member in self.events[ev_id].recent:
            mp = self.profiles.get(member)
            if mp is None:
                continue
            s = self.model.score(features(p, Cluster.of(mp), self.freq, vectors))
            if best is None or (s, member) > best:
                best = (s, member)
        return best[1] if best else None

    # -- state changes -----------------------------------------------------------------------

    def _join(self, ev_id: str, p: LinkProfile, clock: int | None) -> None:
        ev = self.events[ev_id]
        ev.cluster.add_with_norms(p, self.freq)
        ev.clock = _later(ev.clock, clock)
        if p.publisher:
            ev.outlets[p.publisher] += 1
        if len(ev.recent) == ev.recent.maxlen:
            self.profiles.pop(ev.recent[0], None)
        ev.recent.append(p.article)
        self.profiles[p.article] = p
        self.event_of[p.article] = ev_id
        keys = {"e:" + e for e, _, _ in p.entities} | {_figure_key(x) for x in p.figures}
        keys |= {f"t:{p.lang or ''}:{t}" for t, _ in p.terms[:INDEXED_TERMS]}
        for k in keys - ev.keys:
            self._postings.setdefault(k, set()).add(ev_id)
        ev.keys |= keys
        if ev.story is not None and ev.story in self.stories.stories:
            self.stories.add_article(ev.story, p, clock, self.freq)
        self._dirty.add(ev_id)

    def _merge(self, into: str, other: str, via: str, score: float) -> str:
        a, b = self.events[into], self.events[other]
        if (b.cluster.size, a.id) > (a.cluster.size, b.id):  # the bigger one survives (a tie: the older id)
            a, b = b, a
        a.cluster.merge(b.cluster)
        a.cluster.refresh_norms(self.freq)
        a.clock = _later(a.clock, b.clock)
        a.outlets.update(b.outlets)
        for k in b.keys:
            ids = self._postings.get(k)
            if ids is not None:
                ids.discard(b.id)
                ids.add(a.id)
        a.keys |= b.keys
        for member in b.recent:
            self.event_of[member] = a.id
        b.merged_into = a.id
        self.alias[b.id] = a.id
        if b.story:
            self.stories.remove_event(b.story, b.id)
        self._merges.append(EventMerge(absorbed=b.id, into=a.id, via=via, score=score))
        self._dirty.update({a.id, b.id})
        return a.id

    def _resolve(self, ev_id: str | None) -> str | None:
        while ev_id in self.alias:
            ev_id = self.alias[ev_id]
        return ev_id

    # -- reporting, memory, restoring ----------------------------------------------------------

    def drain(self) -> LinkBatch:
        """What changed since the last call (for the store), then forget what left the window."""
        batch = LinkBatch(
            links=tuple(self._links),
            merges=tuple(self._merges),
            events=tuple(self.events[e].row() for e in sorted(self._dirty)),
            stories=tuple(self.stories.drain()),
            profiles=tuple(self._new_profiles),
            frequencies=tuple(self.freq.drain_changes()),
            clock=self.clock,
        )
        for ev_id in self._dirty:
            if self.events[ev_id].merged_into:
                self._drop(ev_id)
        self._links, self._merges, self._new_profiles = [], [], []
        self._dirty = set()
        self._evict()
        return batch

    def _drop(self, ev_id: str) -> None:
        ev = self.events.pop(ev_id)
        for k in ev.keys:
            ids = self._postings.get(k)
            if ids is not None:
                ids.discard(ev_id)
                if not ids:
                    del self._postings[k]
        for member in ev.recent:
            if self.event_of.get(member) == ev_id:
                self.event_of.pop(member, None)
                self.profiles.pop(member, None)

    def _evict(self) -> None:
        """Events, copies and stories out of their windows leave memory (they stay stored)."""
        if self.clock is None:
            return
        horizon = self.clock - self.options.window_days - 1
        for ev_id in [e for e, ev in self.events.items() if ev.clock is not None and ev.clock < horizon]:
            self._drop(ev_id)
        self.event_of = {a: e for a, e in self.event_of.items() if e in self.events}
        self.copies.evict(self.clock - self.options.copy_window_days - 1)
        self.stories.evict(self.clock - self.options.story_window_days - 1)

    def restore(self, snapshot: "LinkSnapshot") -> None:
        """Load the stored state a previous run left: the same as if it had never stopped."""
        self.clock = snapshot.clock
        self.freq = snapshot.frequencies
        self.alias.update(snapshot.aliases)
        for ev_id, state in snapshot.events:
            ev = EventState.from_row(ev_id, state)
            self.events[ev_id] = ev
            for k in ev.keys:
                self._postings.setdefault(k, set()).add(ev_id)
        for sid, state in snapshot.stories:
            self.stories.restore(StoryState.from_row(sid, state))
        for article, clock, profile, ev_id, copy_of in snapshot.profiles:
            ev_id = self._resolve(ev_id)
            if ev_id in self.events:
                self.event_of[article] = ev_id
                if article in self.events[ev_id].recent:
                    self.profiles[article] = profile
            self.copies.add(profile, clock, copy_of)


@dataclass
class LinkSnapshot:
    """The linker's state as stored: recent events and stories, the profiles of their recent
    members and of the articles in the copy window, the frequencies and the clock."""

    clock: int | None
    frequencies: Frequencies
    events: list[tuple[str, dict[str, Any]]]
    stories: list[tuple[str, dict[str, Any]]]
    profiles: list[tuple[str, int, LinkProfile, str | None, str | None]]  # article, clock, profile, event, copy_of
    aliases: dict[str, str]
