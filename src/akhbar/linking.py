"""The link stage: events, copies and stories over the stored articles, in the archive's order.

Ingest stores each article with its link profile, not linked. Linking (``akhbar link``, and at
the end of every ingest) takes the stored articles in their place order (:class:`~akhbar.link.
events.Place`: day, publication stamp, id) from the first one not linked yet:

1. **Rebuild** the linker's state at that place from what is stored: the decisions of the days
   before it that the windows can still see (events, copies, document frequencies) are replayed,
   not decided again.
2. **Decide** from that place on, article after article, writing each decision. Past the last
   new article's day plus the longest window (events, copies, frequencies) the stored decisions
   are those the pass would make again as soon as one window of days goes by with no decision
   changed: there the pass stops. A new article after everything stored costs one decision; a
   backfilled one costs the days its windows reach.
3. **Stories** for the events that changed, and for the later events that could choose them as
   their story parent (:mod:`akhbar.link.stories`); **event checks** for the changed events.

So the events, copies and stories of a database depend only on its set of articles. ``--all``
forgets every link and relinks from the first article, without parsing anything again.
Undated articles are placed on the day they were first stored (a rule of their own, which no
other article moves).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .link import LinkModel, shipped_model
from .link.events import Linker, Place
from .link.frequencies import Frequencies, FrequencyWindow
from .link.similarity import Cluster, day as day_number
from .link.stories import MAX_STORY_POSTING, StoryEvent, retrieval_entities, story_label, story_parent
from .options import LinkOptions
from .records import LinkBatch
from .store import Store
from .store.events import iso_day, place_key

LABEL_EVENTS = 50  # a story's label comes from its most recent events


def load_model(link_options: LinkOptions) -> LinkModel:
    """The link model: the user's file when given, else the shipped one."""
    if not link_options.model_file:
        return shipped_model()
    try:
        with open(link_options.model_file, encoding="utf-8") as fh:
            return LinkModel.from_dict(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"link model {link_options.model_file}: {exc}") from exc


@dataclass
class LinkRun:
    """What a link pass did: articles decided (``changed`` of them differently from before, or
    new), articles replayed to rebuild the state, events and stories rewritten, the days gone
    through, and the time taken."""

    decided: int = 0
    changed: int = 0
    replayed: int = 0
    events: int = 0
    stories: int = 0
    first_day: str | None = None
    last_day: str | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Pass:
    """One link pass over the store (inside one writer)."""

    def __init__(self, store: Store, options: LinkOptions, checker: Callable[[Store, LinkBatch, list[str]], None] | None,
                 progress: Callable[[LinkRun], None] | None) -> None:
        self.store, self.options, self.checker, self.progress = store, options, checker, progress
        self.linker = Linker(options, load_model(options), self.day_counts)
        self.run = LinkRun()
        self.linked: list[str] = []
        self.gone: set[str] = set()
        self.from_day: int = 0

    def day_counts(self, day: int) -> Frequencies:
        """The counts of every stored article of ``day`` (for a young archive's weights)."""
        counts = Frequencies()
        for p in self.store.day_profiles(day):
            counts.add_profile(p)
        return counts

    def start_at(self, pending: Place) -> Place:
        """Where deciding starts: at the first article not linked yet, or at the start of its day
        when that day's weights count the day's own articles (a young archive), which the new
        article has changed."""
        o = self.options
        before = self.store.articles_between(pending.day - o.frequency_days, pending.day - 1)
        return Place(pending.day, "", "") if before < o.frequency_min_articles else pending

    def events(self, start: Place, last_new_day: int, batch_size: int) -> None:
        o = self.options
        self.from_day = start.day
        stop_after = last_new_day + max(o.window_days, o.copy_window_days, o.frequency_days)
        settle = max(o.window_days, o.copy_window_days)
        last_change = start.day
        day: int | None = None
        # the days before the start that the windows reach: replayed where events and copies
        # reach, counted from their stored day counts where only the weights do
        rebuild_from = start.day - max(o.window_days, o.copy_window_days)
        for d, counts in self.store.day_counts(rebuild_from - o.frequency_days, rebuild_from - 1):
            self.linker.window.add_day(d, Frequencies.from_dict(counts))
        converged: int | None = None  # the day from which the stored decisions stand
        for (d, stamp, article), p, old_event, old_copy, was_linked in self.store.placed_profiles(rebuild_from):
            place = Place(d, stamp, article)
            if converged is None and d != day and day is not None and d > stop_after and d > last_change + settle:
                converged = d
            if place < start or converged is not None:
                if converged is not None and d >= converged + o.window_days:
                    break  # the events changed before the stored decisions stood again are whole
                self.linker.replay(place, p, old_event, old_copy)
                self.run.replayed += 1
                continue
            if d != day:
                day = d
            link = self.linker.link(place, p)
            self.run.decided += 1
            self.linked.append(article)
            if not was_linked or link.event != old_event or link.copy_of != old_copy:
                last_change = d
                self.run.changed += 1
                if old_event and old_event != link.event:
                    self.gone.add(old_event)
                    self.linker.touch(old_event)
            if len(self.linked) >= batch_size:
                self.flush(resume=place)
        self.run.first_day = iso_day(start.day)
        self.run.last_day = iso_day(day)
        self.flush(resume=None, final=True)

    def flush(self, resume: Place | None, final: bool = False) -> None:
        """Write what was decided up to ``resume`` (the next pass starts there if this one is
        stopped), the event checks and the story work it leaves, and commit."""
        batch = self.linker.drain(final)
        days = [(d, counts) for d, counts in batch.days if d >= self.from_day]  # the others are stored already
        gone = sorted(self.gone - {e["id"] for e in batch.events})
        self.store.write_links(batch, self.linked, days, gone)
        self.store.set_link_resume(None if resume is None else (resume.day, resume.stamp, resume.article))
        if self.checker is not None:
            self.checker(self.store, batch, [ev for ev in gone if not self.store.event_exists(ev)])
        last = self.linker.day if self.linker.day is not None else self.from_day
        self.store.add_story_todo([e["id"] for e in batch.events] + gone, self.from_day, last)
        self.run.events += len(batch.events)
        self.linked = []
        self.gone -= set(gone)
        self.store.conn.execute("COMMIT")
        self.store.conn.execute("BEGIN IMMEDIATE")
        # what the linker keeps lives on: the cycle collector need not walk it again each time
        gc.freeze()
        if self.progress:
            self.progress(self.run)


def link_stored(store: Store, link_options: LinkOptions | None = None, *, everything: bool = False,
                checker: Callable[[Store, LinkBatch, list[str]], None] | None = None,
                progress: Callable[[LinkRun], None] | None = None, batch_size: int = 1024) -> LinkRun:
    """Link the stored articles not linked yet (all of them again with ``everything``), then
    the stories of what changed (also what a stopped pass left). The caller holds the writer."""
    began = time.perf_counter()
    options = link_options or LinkOptions()
    work = _Pass(store, options, checker, progress)
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        if everything:
            store.reset_links()
        store.place_profiles()
        start = store.first_pending()
        if start is not None:
            work.events(work.start_at(Place(*start)), store.last_pending_day(), batch_size)
        work.run.stories = link_stories(store, options, everything=everything)
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise
    finally:
        gc.unfreeze()
    store.conn.execute("COMMIT")
    work.run.seconds = round(time.perf_counter() - began, 3)
    return work.run


# -- stories -----------------------------------------------------------------------------------


class _DayWeights:
    """The weights of a day as the event pass has them (:class:`~akhbar.link.frequencies.
    FrequencyWindow`), from the stored day counts; asked for in day order, each day's counts
    are read once."""

    def __init__(self, store: Store, options: LinkOptions) -> None:
        self.store, self.options = store, options
        self._window: FrequencyWindow | None = None
        self._day: int | None = None
        self._weights = Frequencies()

    def _counts(self, day: int) -> Frequencies:
        rows = self.store.day_counts(day, day)
        return Frequencies.from_dict(rows[0][1]) if rows else Frequencies()

    def __call__(self, day: int) -> Frequencies:
        if day == self._day:
            return self._weights
        o = self.options
        if self._window is None or self._day is None or day < self._day:
            self._window = FrequencyWindow(o.frequency_days, o.frequency_min_articles)
            first = day - o.frequency_days
        else:
            first = max(self._day, day - o.frequency_days)
        for d, counts in self.store.day_counts(first, day - 1):
            self._window.add_day(d, Frequencies.from_dict(counts))
        self._weights = self._window.for_day(day, self._counts)
        self._day = day
        return self._weights


def link_stories(store: Store, options: LinkOptions, *, everything: bool = False) -> int:
    """Find the story parents again of the events the link passes changed (``link_story_todo``),
    of the later events that could choose them (they share a retrieval entity), of the events
    whose weights changed (their first day lies within the frequency window of a recounted day)
    and of the children of all these; then the story of every event below a changed parent, and
    the rows of the stories touched. Return how many stories were written."""
    changed = store.story_todo()
    days = store.story_todo_days()
    if not changed:
        return 0
    weights = _DayWeights(store, options)
    stories: set[str] = set()
    # every changed event began at most one window before the first day decided again, and
    # what they affect comes after them: when they are a good share of those events, all of
    # them are found again (cheaper than finding which)
    lo = (days[0] if days else 0) - options.window_days
    since = store.event_places(since_day=lo)
    if everything or 4 * len(changed) >= len(since):
        order = since if not everything else store.event_places()
        for ev in changed:
            if not store.event_exists(ev):
                store.set_event_keys(ev, "", 0, ())
                stories.update(store.forget_event_story(ev))
    else:
        order = store.event_places(_affected(store, options, changed, days, weights, stories))
    loaded: dict[str, StoryEvent] = {}

    def load(event_id: str) -> StoryEvent:
        found = loaded.get(event_id)
        if found is None:
            found = loaded[event_id] = StoryEvent.from_row(*store.story_events([event_id])[0])
        return found

    window = options.story_window_days
    for chunk in range(0, len(order), 512):
        for ev in (StoryEvent.from_row(*r) for r in store.story_events(i for i, _ in order[chunk:chunk + 512])):
            if len(loaded) > 4096:
                loaded.clear()
            loaded[ev.id] = ev
            freq = weights(ev.first_day)
            keys = retrieval_entities(ev, freq, options.retrieval_entities)
            store.set_event_keys(ev.id, ev.place, ev.first_day, keys, ev.undated)
            since = None if ev.undated else ev.first_day - window
            parent = story_parent(ev, keys, lambda e, since=since, ev=ev: store.events_naming(e, ev.place, since,
                                                                                              MAX_STORY_POSTING),
                                  load, freq, options.story_threshold)
            store.set_story_parent(ev.id, *(parent or (None, None)))
    for event_id, _ in order:
        stories.update(_place_in_story(store, event_id))
    # labels are weighed as of the story's latest event: written in that order, the weights of
    # each day are read once
    for _, sid in sorted((store.story_last_day(sid), sid) for sid in stories if sid):
        _write_story(store, sid, weights)
    store.clear_story_todo()
    return len(stories)


def _affected(store: Store, options: LinkOptions, changed: set[str], days: tuple[int, int] | None,
              weights: Callable[[int], Frequencies], stories: set[str]) -> set[str]:
    """The events whose story parent may have changed (see :func:`link_stories`); the stories of
    deleted events go into ``stories``."""
    window = options.story_window_days
    affected: set[str] = set(changed)
    for ev in changed:
        affected.update(store.story_children(ev))
        for entity, place, first_day, undated in store.event_key_rows(ev):
            affected.update(store.later_events_naming([entity], place, None if undated else first_day + window))
        if not store.event_exists(ev):
            store.set_event_keys(ev, "", 0, ())
            stories.update(store.forget_event_story(ev))
    for r in sorted(store.story_events(changed), key=lambda r: r[1]):  # by day: the weights are cached by day
        ev = StoryEvent.from_row(*r)
        keys = retrieval_entities(ev, weights(ev.first_day), options.retrieval_entities)
        affected.update(store.later_events_naming(keys, ev.place, None if ev.undated else ev.first_day + window))
    if days is not None:
        affected.update(store.events_first_between(days[0], days[1] + options.frequency_days))
    return affected


def _root(store: Store, event_id: str) -> str:
    seen = {event_id}
    parent = store.story_parent_of(event_id)
    while parent is not None and parent not in seen:
        event_id = parent
        seen.add(parent)
        parent = store.story_parent_of(parent)
    return event_id


def _place_in_story(store: Store, event_id: str) -> set[str]:
    """Put the event and, when its story changed, everything below it in its root's story;
    return the stories touched."""
    story = "st-" + _root(store, event_id)[3:]
    old = store.set_event_story(event_id, story)
    if old == story:
        return {story}
    touched = {story, old} if old else {story}
    stack = store.story_children(event_id)
    while stack:
        child = stack.pop()
        before = store.set_event_story(child, story)
        if before:
            touched.add(before)
        stack.extend(store.story_children(child))
    return touched


def _write_story(store: Store, story_id: str, weights: Callable[[int], Frequencies]) -> None:
    members = store.story_members(story_id)
    if not members:
        store.write_story(None, story_id, [])
        return
    recent = [Cluster.from_dict(json.loads(m[4])["cluster"]) for m in members[-LABEL_EVENTS:]]
    last = max(m[3] or m[2] or "" for m in members) or None
    first = min(m[2] or "9999" for m in members)
    row = {"label": story_label(recent, weights(store.story_last_day(story_id))),
           "first": None if first == "9999" else first, "last": last, "clock": day_number(last) if last else None}
    store.write_story(row, story_id, [m[0] for m in members])


__all__ = ["LinkRun", "link_stored", "link_stories", "load_model", "place_key"]
