"""Events: each article joins the event it reports, or opens one, in the archive's own order.

The linker takes articles in their canonical order, :class:`Place` (day, publication stamp,
id): the order the archive has, never the order articles arrived in. An article is compared
only with what comes before it within the window of its own day:

- events whose first day lies within ``window_days`` before its day (an event's time span is
  at most one window: a happening that goes on longer continues as a story);
- articles of ``copy_window_days`` before it (copies, MinHash LSH);
- weights from the document frequencies of the ``frequency_days`` before its day
  (:class:`~akhbar.link.frequencies.FrequencyWindow`), fixed for the whole day.

So what is decided about an article depends only on the set of articles, not on the order they
came in, and a change (a backfilled article) changes decisions from its place on and no further
than the windows carry it; :mod:`akhbar.linking` relinks that stretch and stops where the
decisions are the stored ones again. An event's id is ``ev-`` + its first article's id.

For each article: is it a copy of an earlier one? Then it joins that article's event. Otherwise
candidate events come from inverted indexes of entities, figures and words; the best few by a
cheap pre-score are scored with the link model (:mod:`.similarity`); the best at or above the
threshold takes the article, else the article opens a new event.
"""

from __future__ import annotations

import heapq
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from ..options import LinkOptions
from ..records import EventLink, LinkBatch, LinkProfile
from .copies import CopyIndex
from .frequencies import CONCEPTS, Frequencies, FrequencyWindow
from .similarity import Cluster, LinkModel, article_vectors, day, features

RECENT_MEMBERS = 8  # members an article is compared with to say which one it was linked to
INDEXED_TERMS = 8  # an article's words that make its event findable by vocabulary
MAX_POSTING = 256  # events a retrieval key may point to before it is skipped as uninformative
LABEL_CHARS = 200


@dataclass(frozen=True, order=True)
class Place:
    """Where an article stands in the archive's order: its day (ordinal), then its publication
    stamp (the ISO date-time it was published, "" when unknown), then its id."""

    day: int
    stamp: str
    article: str

    @classmethod
    def of(cls, p: LinkProfile, undated_day: int) -> "Place":
        """``p``'s place: its own date (the event date read from its text, else its publication
        date); an article with neither is placed on ``undated_day`` (the day it was first
        stored: see :mod:`akhbar.linking`)."""
        d = day(p.date)
        return cls(undated_day if d is None else d, p.published or "", p.article)


@dataclass
class EventState:
    id: str
    cluster: Cluster
    title: str | None
    first: int  # the day of its first article
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=RECENT_MEMBERS))
    outlets: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)  # its postings: "e:<id>", "f:<figure>", "t:<lang>:<term>"
    members: list[str] = field(default_factory=list)
    dated: int = 0  # members with a date of their own (the others are placed on the day stored)

    def row(self) -> dict[str, Any]:
        """Its stored row; the dates are those of its dated articles (None when it has none)."""
        c = self.cluster
        span = c.day_range()
        mode = min(c.days.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c.days else None
        return {
            "id": self.id,
            "date": date.fromordinal(mode).isoformat() if mode else None,
            "first": date.fromordinal(span[0]).isoformat() if span else None,
            "last": date.fromordinal(span[1]).isoformat() if span else None,
            "clock": span[1] if span else self.first,
            "first_day": self.first,
            "undated": not self.dated,
            "label": (self.title or "")[:LABEL_CHARS] or None,
            "size": c.size,
            "languages": sorted(c.languages),
            "outlets": sorted(self.outlets),
            "state": {"cluster": {k: v for k, v in c.as_dict().items() if k != "norms"}, "title": self.title},
        }


def _figure_key(x: float) -> str:
    return f"f:{x:g}"


class Linker:
    """The event and copy decisions for articles given in :class:`Place` order. ``link``
    decides one; ``replay`` applies one decided before (to rebuild the state at a place from
    what is stored); ``drain`` hands over what changed."""

    def __init__(self, options: LinkOptions, model: LinkModel,
                 day_counts: Callable[[int], Frequencies] | None = None) -> None:
        """``day_counts(day)``: the counts of all the articles of a day, for a day whose weights
        count its own articles (a young archive: :class:`FrequencyWindow`); without it, a day
        is weighed by the days before it only."""
        self.options = options
        self.model = model
        self.day_counts = day_counts
        self.window = FrequencyWindow(options.frequency_days, options.frequency_min_articles)
        self.freq = Frequencies()  # the weights of the current day
        self.day: int | None = None
        self.last: Place | None = None
        self.events: dict[str, EventState] = {}
        self.event_of: dict[str, str] = {}  # article -> event, for the events in memory
        self.profiles: dict[str, LinkProfile] = {}  # recent members' profiles
        self._postings: dict[str, set[str]] = {}
        self.copies = CopyIndex(options.copy_threshold, options.copy_window_days)
        self._links: list[EventLink] = []
        self._dirty: set[str] = set()
        self._rows: dict[str, dict[str, Any]] = {}  # rows of changed events that left memory

    # -- the decision ------------------------------------------------------------------------

    def link(self, place: Place, p: LinkProfile) -> EventLink:
        self._advance(place)
        d = place.day
        copy = self.copies.find(p, d)
        link: EventLink | None = None
        if copy is not None:
            original, sim = copy
            ev_id = self.event_of.get(original)
            if ev_id in self.events:
                link = EventLink(p.article, ev_id, linked_to=original, score=None,
                                 features={"copy": sim}, weights=None, copy_of=original, copy_similarity=sim)
        if link is None:
            link = self._assign(p, d, copy)
        self._join(link.event, p, d)
        self.copies.add(p, d, copy[0] if copy else None)
        self.window.add(d, p)
        self._links.append(link)
        return link

    def replay(self, place: Place, p: LinkProfile, event: str | None, copy_of: str | None) -> None:
        """Apply a stored decision: ``p`` is in ``event`` (None: not known) and copies
        ``copy_of``. An event whose first article was not replayed is left out: it has left the
        window before any article decided after the replay could see it."""
        self._advance(place)
        d = place.day
        if event is not None:
            if event == "ev-" + p.article and event not in self.events:
                self.events[event] = EventState(event, Cluster(), p.title, d)
            if event in self.events:
                self._join(event, p, d, dirty=False)
        self.copies.add(p, d, copy_of)
        self.window.add(d, p)

    def _assign(self, p: LinkProfile, d: int, copy: tuple[str, float] | None) -> EventLink:
        scored: list[tuple[float, str, dict[str, float]]] = []
        vectors = article_vectors(p, self.freq)
        for ev_id in self._candidates(p):
            cluster = self.events[ev_id].cluster
            f = features(p, cluster, self.freq, vectors)
            scored.append((self.model.score(f), ev_id, f))
            if len(cluster.languages) > 1 and not f["cross_lingual"]:
                # reports in its own language and in others: it may be judged by either
                across = {**f, "cross_lingual": 1.0}
                scored.append((self.model.score(across), ev_id, across))
        scored = sorted((t for t in scored if t[0] >= self.model.threshold_for(t[2])), key=lambda t: (-t[0], t[1]))
        copy_fields = {"copy_of": copy[0], "copy_similarity": copy[1]} if copy else {}
        if not scored:
            ev_id = "ev-" + p.article
            self.events[ev_id] = EventState(ev_id, Cluster(), p.title, d)
            return EventLink(p.article, ev_id, **copy_fields)
        score, ev_id, f = scored[0]
        return EventLink(p.article, ev_id, linked_to=self._closest_member(p, ev_id, vectors), score=score, features=f,
                         weights=dict(self.model.weights_for(f)[1]), **copy_fields)

    def _candidates(self, p: LinkProfile) -> list[str]:
        """The best few events by a cheap pre-score (the weights of the keys they share with the
        article); the events in memory are those of the window. A key shared by more than
        ``MAX_POSTING`` events is skipped: like a stopword, it would cost much and tell little."""
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
        for c, _ in p.concepts[:INDEXED_TERMS]:  # what a report in another language can share
            add(f"t:{CONCEPTS}:{c}", 0.5 * self.freq.term_idf(CONCEPTS, c))
        best = heapq.nsmallest(self.options.candidates, ((-round(s, 9), ev_id) for ev_id, s in pre.items()))
        return [ev_id for _, ev_id in best]

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

    def _advance(self, place: Place) -> None:
        """Move to ``place``: a new day takes that day's weights, lets events and copies out of
        the window go, and recomputes the vector lengths of the events left with the new weights
        (so they do not depend on the path that led here)."""
        if self.last is not None and place <= self.last:
            raise ValueError(f"article {place.article}: articles must come in their archive order "
                             f"(day, stamp, id); it comes after {self.last.article}")
        self.last = place
        if place.day == self.day:
            return
        self.day = place.day
        self.freq = self.window.for_day(place.day, self.day_counts)
        horizon = place.day - self.options.window_days
        for ev_id in [e for e, ev in self.events.items() if ev.first < horizon]:
            self._drop(ev_id)
        self.copies.evict(place.day - self.options.copy_window_days)
        for ev in self.events.values():
            ev.cluster.refresh_norms(self.freq)

    def _join(self, ev_id: str, p: LinkProfile, d: int, *, dirty: bool = True) -> None:
        ev = self.events[ev_id]
        ev.cluster.add_with_norms(p, self.freq)
        if p.publisher:
            ev.outlets[p.publisher] += 1
        if len(ev.recent) == ev.recent.maxlen:
            self.profiles.pop(ev.recent[0], None)
        ev.recent.append(p.article)
        ev.members.append(p.article)
        ev.dated += day(p.date) is not None
        self.profiles[p.article] = p
        self.event_of[p.article] = ev_id
        keys = {"e:" + e for e, _, _ in p.entities} | {_figure_key(x) for x in p.figures}
        keys |= {f"t:{p.lang or ''}:{t}" for t, _ in p.terms[:INDEXED_TERMS]}
        keys |= {f"t:{CONCEPTS}:{c}" for c, _ in p.concepts[:INDEXED_TERMS]}
        for k in keys - ev.keys:
            self._postings.setdefault(k, set()).add(ev_id)
        ev.keys |= keys
        if dirty:
            self._dirty.add(ev_id)

    def touch(self, ev_id: str) -> None:
        """Mark an event changed (an article it had was decided into another one)."""
        if ev_id in self.events:
            self._dirty.add(ev_id)

    def _drop(self, ev_id: str) -> None:
        ev = self.events.pop(ev_id)
        if ev_id in self._dirty:
            self._dirty.discard(ev_id)
            self._rows[ev_id] = ev.row()
        for k in ev.keys:
            ids = self._postings.get(k)
            if ids is not None:
                ids.discard(ev_id)
                if not ids:
                    del self._postings[k]
        for a in ev.members:
            self.event_of.pop(a, None)
        for member in ev.recent:
            self.profiles.pop(member, None)

    # -- reporting -----------------------------------------------------------------------------

    def drain(self, final: bool = False) -> LinkBatch:
        """The links decided, the events changed and the days' counts completed since the last
        call (for the store); ``final``: the day in progress counts as completed too."""
        rows = dict(self._rows)
        rows.update((e, self.events[e].row()) for e in self._dirty)
        days = self.window.completed + (self.window.current() if final else [])
        self.window.completed = []
        batch = LinkBatch(links=tuple(self._links), events=tuple(rows[e] for e in sorted(rows)),
                          days=tuple((d, f.as_dict()) for d, f in days))
        self._links, self._dirty, self._rows = [], set(), {}
        return batch


def link_profiles(options: LinkOptions, model: LinkModel, profiles: list[LinkProfile],
                  undated_day: int) -> dict[str, EventLink]:
    """Link these profiles in their archive order, undated ones on ``undated_day``: what the
    link stage decides for a database holding just them."""
    placed = sorted((Place.of(p, undated_day), p) for p in {p.article: p for p in profiles}.values())
    by_day: dict[int, Frequencies] = {}
    for place, p in placed:
        by_day.setdefault(place.day, Frequencies()).add_profile(p)
    linker = Linker(options, model, lambda d: by_day.get(d, Frequencies()))
    return {place.article: linker.link(place, p) for place, p in placed}
