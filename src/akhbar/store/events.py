"""Events, stories and copies in the store: writing what the linker decided, reading it back.

A mixin of :class:`~akhbar.store.sqlite.Store` (which provides ``self.conn``). Writing happens
inside the writer's batch transaction, so articles and their links are committed together.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import LinkBatch, LinkProfile
from .sql import conditions, paged, where

_EVENT_FILTERS = (
    ("lang", "EXISTS (SELECT 1 FROM json_each(e.languages) WHERE value = ?)"),
    ("since", "coalesce(e.last, e.date) >= ?"),
    ("until", "coalesce(e.first, e.date) <= ?"),
    ("story", "e.story = ?"),
    ("entity", "e.id IN (SELECT ea.event FROM event_articles ea JOIN articles a ON a.id = ea.article "
               "JOIN mentions m ON m.article = a.rowid WHERE m.entity_id = ?)"),
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class LinkStore:
    conn: sqlite3.Connection

    # -- writing (inside the writer's transaction) ---------------------------------------------

    def _write_profile(self, p: LinkProfile, ingested_at: str | None) -> None:
        """Store a new article's link profile at its place, not linked yet. An article with no
        date of its own is placed on the day it was first stored (``ingested_at``)."""
        from ..link.events import Place

        place = Place.of(p, _stored_day(ingested_at))
        self.conn.execute("INSERT OR IGNORE INTO link_profiles (article, clock, profile, day, stamp, linked) "
                          "VALUES (?, ?, ?, ?, ?, 0)",
                          (p.article, place.day, _json(p.as_dict()), place.day, place.stamp))

    def write_links(self, batch: LinkBatch, linked: Iterable[str], days: Iterable[tuple[int, dict[str, Any]]] = (),
                    gone: Iterable[str] = ()) -> None:
        """What a link pass decided (inside the caller's transaction): each article's event and
        why, the changed events' rows, the articles now linked, the day counts of the days it
        went through, and the events left with no article (``gone``: deleted)."""
        c = self.conn
        c.executemany(
            "INSERT OR REPLACE INTO event_articles (article, event, linked_to, score, features, weights, copy_of, "
            "copy_similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(l.article, l.event, l.linked_to, l.score, _json(l.features) if l.features else None,
              _json(l.weights) if l.weights else None, l.copy_of, l.copy_similarity) for l in batch.links],
        )
        c.executemany(
            "INSERT INTO events (id, date, first, last, clock, label, size, languages, outlets, state, place, first_day, "
            "undated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET date = excluded.date, "
            "first = excluded.first, last = excluded.last, clock = excluded.clock, label = excluded.label, "
            "size = excluded.size, languages = excluded.languages, outlets = excluded.outlets, state = excluded.state, "
            "place = excluded.place, first_day = excluded.first_day, undated = excluded.undated",
            [(e["id"], e["date"], e["first"], e["last"], e["clock"], e["label"], e["size"], _json(e["languages"]),
              _json(e["outlets"]), _json(e["state"]), self._event_place(e["id"]), e["first_day"], int(e["undated"]))
             for e in batch.events],
        )
        c.executemany("UPDATE link_profiles SET linked = 1 WHERE article = ?", ((a,) for a in linked))
        c.executemany("INSERT OR REPLACE INTO link_days (day, counts) VALUES (?, ?)",
                      ((d, _json(counts)) for d, counts in days))
        for ev in gone:
            c.execute("DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_articles WHERE event = ?)",
                      (ev, ev))

    def _event_place(self, event_id: str) -> str | None:
        row = self.conn.execute("SELECT day, stamp, article FROM link_profiles WHERE article = ?",
                                (event_id[3:],)).fetchone()
        return place_key(row[0], row[1], row[2]) if row else None

    # -- the link stage's input ----------------------------------------------------------------

    def place_profiles(self) -> int:
        """Give a place to the profiles stored before places existed (an older database)."""
        from ..link.events import Place

        rows = self.conn.execute("SELECT p.article, p.profile, a.ingested_at FROM link_profiles p "
                                 "LEFT JOIN articles a ON a.id = p.article WHERE p.day IS NULL").fetchall()
        for article, profile, ingested_at in rows:
            place = Place.of(LinkProfile.from_dict(json.loads(profile)), _stored_day(ingested_at))
            self.conn.execute("UPDATE link_profiles SET day = ?, stamp = ? WHERE article = ?",
                              (place.day, place.stamp, article))
        return len(rows)

    def first_pending(self) -> tuple[int, str, str] | None:
        """The place (day, stamp, article) the next link pass starts at: the first article not
        linked yet, or where a pass that was stopped had got to, whichever comes first."""
        row = self.conn.execute("SELECT day, stamp, article FROM link_profiles WHERE linked = 0 "
                                "ORDER BY day, stamp, article LIMIT 1").fetchone()
        pending = (row[0], row[1], row[2]) if row else None
        resume = self._link_resume()
        return min(p for p in (pending, resume) if p is not None) if pending or resume else None

    def last_pending_day(self) -> int | None:
        last = self.conn.execute("SELECT max(day) FROM link_profiles WHERE linked = 0").fetchone()[0]
        resume = self._link_resume()
        return max(d for d in (last, resume[0] if resume else None) if d is not None) if last or resume else None

    def _link_resume(self) -> tuple[int, str, str] | None:
        row = self.conn.execute("SELECT value FROM link_meta WHERE key = 'resume'").fetchone()
        return tuple(json.loads(row[0])) if row else None

    def set_link_resume(self, place: tuple[int, str, str] | None) -> None:
        """Where a link pass has got to (None: it finished)."""
        if place is None:
            self.conn.execute("DELETE FROM link_meta WHERE key = 'resume'")
        else:
            self.conn.execute("INSERT OR REPLACE INTO link_meta (key, value) VALUES ('resume', ?)", (_json(list(place)),))

    def placed_profiles(self, from_day: int, chunk: int = 2000) -> Iterator[tuple[tuple[int, str, str], LinkProfile,
                                                                                    str | None, str | None, bool]]:
        """From ``from_day`` on, in place order: (place, profile, stored event, stored copy_of,
        linked). Read a chunk at a time, so the caller may write between chunks."""
        after: tuple[int, str, str] = (from_day, "", "")
        first = True
        while True:
            rows = self.conn.execute(
                "SELECT p.day, p.stamp, p.article, p.profile, ea.event, ea.copy_of, p.linked FROM link_profiles p "
                "LEFT JOIN event_articles ea ON ea.article = p.article "
                f"WHERE (p.day, p.stamp, p.article) {'>=' if first else '>'} (?, ?, ?) "
                "ORDER BY p.day, p.stamp, p.article LIMIT ?", (*after, chunk)).fetchall()
            first = False
            for r in rows:
                yield (r[0], r[1], r[2]), LinkProfile.from_dict(json.loads(r[3])), r[4], r[5], bool(r[6])
            if len(rows) < chunk:
                return
            after = (rows[-1][0], rows[-1][1], rows[-1][2])

    def day_profiles(self, day: int) -> Iterator[LinkProfile]:
        """The profiles of every stored article of a day."""
        for r in self.conn.execute("SELECT profile FROM link_profiles WHERE day = ?", (day,)):
            yield LinkProfile.from_dict(json.loads(r[0]))

    def articles_between(self, first: int, last: int) -> int:
        return self.conn.execute("SELECT count(*) FROM link_profiles WHERE day BETWEEN ? AND ?", (first, last)).fetchone()[0]

    def add_story_todo(self, events: Iterable[str], first_day: int, last_day: int) -> None:
        """Events whose story parents must be found again, and the days whose weights changed."""
        self.conn.executemany("INSERT OR IGNORE INTO link_story_todo (event) VALUES (?)", ((e,) for e in events))
        days = self.story_todo_days()
        if days:
            first_day, last_day = min(first_day, days[0]), max(last_day, days[1])
        self.conn.execute("INSERT OR REPLACE INTO link_meta (key, value) VALUES ('story_days', ?)",
                          (_json([first_day, last_day]),))

    def story_todo(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT event FROM link_story_todo")}

    def story_todo_days(self) -> tuple[int, int] | None:
        row = self.conn.execute("SELECT value FROM link_meta WHERE key = 'story_days'").fetchone()
        return tuple(json.loads(row[0])) if row else None

    def clear_story_todo(self) -> None:
        self.conn.execute("DELETE FROM link_story_todo")
        self.conn.execute("DELETE FROM link_meta WHERE key = 'story_days'")

    def event_places(self, ids: Iterable[str] | None = None, since_day: int | None = None) -> list[tuple[str, str]]:
        """(id, place) of these events (all when None; those that began on ``since_day`` or
        later when given), in place order."""
        if ids is None:
            return [tuple(r) for r in self.conn.execute("SELECT id, place FROM events WHERE first_day >= ? ORDER BY place",
                                                        (since_day if since_day is not None else -1,))]
        out = []
        for ev in ids:
            r = self.conn.execute("SELECT id, place FROM events WHERE id = ?", (ev,)).fetchone()
            if r:
                out.append((r[0], r[1]))
        return sorted(out, key=lambda r: r[1])

    def reset_links(self) -> None:
        """Forget every link (``akhbar link --all``): events, stories, their checks; every
        article pending again. Inside the caller's transaction."""
        c = self.conn
        for sql in ("DELETE FROM event_articles", "DELETE FROM events", "DELETE FROM event_merges",
                    "DELETE FROM stories", "DELETE FROM story_events", "DELETE FROM event_keys",
                    "DELETE FROM link_days", "DELETE FROM link_story_todo", "DELETE FROM link_meta",
                    "DELETE FROM flag_articles WHERE flag IN (SELECT rowid FROM flags WHERE event IS NOT NULL)",
                    "DELETE FROM flags WHERE event IS NOT NULL",
                    "DELETE FROM claim_articles WHERE claim IN (SELECT rowid FROM claims WHERE event IS NOT NULL)",
                    "DELETE FROM claims WHERE event IS NOT NULL",
                    "UPDATE link_profiles SET linked = 0"):
            c.execute(sql)

    def day_counts(self, first: int, last: int) -> list[tuple[int, dict[str, Any]]]:
        return [(r[0], json.loads(r[1])) for r in self.conn.execute(
            "SELECT day, counts FROM link_days WHERE day BETWEEN ? AND ? ORDER BY day", (first, last))]

    # -- stories' input and output ---------------------------------------------------------------

    def story_events(self, ids: Iterable[str]) -> list[tuple[str, str, int, bool, dict[str, Any]]]:
        """(id, place, first day, undated, state) of the events that exist among ``ids``."""
        out = []
        for ev in ids:
            r = self.conn.execute("SELECT id, place, first_day, undated, state FROM events WHERE id = ?",
                                  (ev,)).fetchone()
            if r:
                out.append((r[0], r[1], r[2], bool(r[3]), json.loads(r[4])))
        return out

    def events_naming(self, entity: str, before_place: str, since_day: int | None, limit: int) -> list[str]:
        """Events before ``before_place`` naming ``entity`` (by their retrieval keys), most recent
        first: those that began on ``since_day`` or later, and undated ones (None: all)."""
        return [r[0] for r in self.conn.execute(
            "SELECT event FROM event_keys WHERE entity = ? AND place < ? AND (? IS NULL OR first_day >= ? OR undated) "
            "ORDER BY place DESC LIMIT ?", (entity, before_place, since_day, since_day, limit))]

    def later_events_naming(self, entities: Iterable[str], after_place: str, until_day: int | None) -> set[str]:
        """Events after ``after_place`` naming one of ``entities`` that began by ``until_day``,
        and undated ones (None: all)."""
        out: set[str] = set()
        for e in entities:
            out.update(r[0] for r in self.conn.execute(
                "SELECT event FROM event_keys WHERE entity = ? AND place > ? AND (? IS NULL OR first_day <= ? OR undated)",
                (e, after_place, until_day, until_day)))
        return out

    def event_keys_of(self, event_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT entity FROM event_keys WHERE event = ?", (event_id,))]

    def set_event_keys(self, event_id: str, place: str, first_day: int, keys: Iterable[str],
                       undated: bool = False) -> None:
        self.conn.execute("DELETE FROM event_keys WHERE event = ?", (event_id,))
        if not place:
            return
        self.conn.executemany("INSERT INTO event_keys (entity, event, place, first_day, undated) VALUES (?, ?, ?, ?, ?)",
                              ((k, event_id, place, first_day, int(undated)) for k in keys))

    def event_exists(self, event_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None

    def event_key_rows(self, event_id: str) -> list[tuple[str, str, int, bool]]:
        return [(r[0], r[1], r[2], bool(r[3])) for r in self.conn.execute(
            "SELECT entity, place, first_day, undated FROM event_keys WHERE event = ?", (event_id,))]

    def events_first_between(self, lo: int, hi: int) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM events WHERE first_day BETWEEN ? AND ?", (lo, hi))]

    def forget_event_story(self, event_id: str) -> list[str]:
        """Take a deleted event out of its story; return that story."""
        stories = [r[0] for r in self.conn.execute("SELECT story FROM story_events WHERE event = ?", (event_id,))]
        self.conn.execute("DELETE FROM story_events WHERE event = ?", (event_id,))
        self.conn.execute("UPDATE events SET story_parent = NULL WHERE story_parent = ?", (event_id,))
        return stories

    def story_children(self, event_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM events WHERE story_parent = ?", (event_id,))]

    def story_parent_of(self, event_id: str) -> str | None:
        r = self.conn.execute("SELECT story_parent FROM events WHERE id = ?", (event_id,)).fetchone()
        return r[0] if r else None

    def set_story_parent(self, event_id: str, parent: str | None, score: float | None) -> None:
        self.conn.execute("UPDATE events SET story_parent = ?, story_score = ? WHERE id = ?", (parent, score, event_id))

    def set_event_story(self, event_id: str, story: str) -> str | None:
        """Put the event in ``story``; return the story it was in."""
        r = self.conn.execute("SELECT story FROM events WHERE id = ?", (event_id,)).fetchone()
        self.conn.execute("UPDATE events SET story = ? WHERE id = ?", (story, event_id))
        return r[0] if r else None

    def story_last_day(self, story: str) -> int:
        """The first day of the story's latest event (0 when it has none)."""
        return self.conn.execute("SELECT coalesce(max(first_day), 0) FROM events WHERE story = ?", (story,)).fetchone()[0]

    def story_members(self, story: str) -> list[tuple[str, str, str | None, str | None, str]]:
        """(event, place, first, last, state) of the story's events, in place order."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT id, place, first, last, state FROM events WHERE story = ? ORDER BY place", (story,))]

    def write_story(self, row: dict[str, Any] | None, story_id: str, events: list[str]) -> None:
        c = self.conn
        c.execute("DELETE FROM story_events WHERE story = ?", (story_id,))
        if row is None:
            c.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            return
        c.execute("INSERT OR REPLACE INTO stories (id, label, first, last, clock, size, state) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (story_id, row["label"], row["first"], row["last"], row["clock"], len(events), "{}"))
        c.executemany("INSERT INTO story_events (story, event, position) VALUES (?, ?, ?)",
                      [(story_id, ev, i) for i, ev in enumerate(events)])

    # -- reading -------------------------------------------------------------------------------

    def events(self, *, lang: str | None = None, since: str | None = None, until: str | None = None,
               entity: str | None = None, story: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        clauses, params = conditions(_EVENT_FILTERS, lang=lang, since=since, until=until, story=story, entity=entity)
        sql = paged(f"SELECT e.* FROM events e{where(['e.merged_into IS NULL', *clauses])} "
                    "ORDER BY e.date IS NULL, e.date DESC, e.size DESC, e.rowid", params, limit, offset)
        return [self._event_object(r) for r in self.conn.execute(sql, params).fetchall()]

    def resolve_event_id(self, ident: str) -> str | None:
        ident = ident.strip()
        row = self.conn.execute("SELECT id FROM events WHERE id = ?", (ident,)).fetchone()
        if row is None and len(ident) >= 4:
            key = ident if ident.startswith("ev-") else "ev-" + ident
            rows = self.conn.execute("SELECT id FROM events WHERE id >= ? AND id < ? LIMIT 2", (key, key + "\uffff")).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        merged = self.conn.execute("SELECT into_event FROM event_merges WHERE absorbed = ?", (row[0],)).fetchone()
        return self.resolve_event_id(merged[0]) if merged else row[0]

    def event(self, ident: str) -> dict[str, Any] | None:
        event_id = self.resolve_event_id(ident)
        if event_id is None:
            return None
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        out = self._event_object(row)
        out["merged"] = [dict(r) for r in self.conn.execute(
            "SELECT absorbed, via, score FROM event_merges WHERE into_event = ?", (event_id,))]
        return out

    def _event_object(self, row: sqlite3.Row) -> dict[str, Any]:
        members = self.conn.execute(
            "SELECT ea.article, ea.linked_to, ea.score, ea.features, ea.weights, ea.copy_of, ea.copy_similarity "
            "FROM event_articles ea LEFT JOIN link_profiles p ON p.article = ea.article "
            "WHERE ea.event = ? ORDER BY p.day, p.stamp, ea.article", (row["id"],)).fetchall()
        links = []
        for m in members[1:]:
            links.append({
                "article": m["article"], "linked_to": m["linked_to"], "score": m["score"],
                "features": json.loads(m["features"]) if m["features"] else {},
                "weights": json.loads(m["weights"]) if m["weights"] else {},
                "copy_of": m["copy_of"], "copy_similarity": m["copy_similarity"],
            })
        state = json.loads(row["state"])
        cluster = state["cluster"]
        top = sorted(cluster["entities"].items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        return {
            "id": row["id"], "date": row["date"], "label": row["label"],
            "articles": [m["article"] for m in members],
            "languages": json.loads(row["languages"]), "outlets": json.loads(row["outlets"]),
            "story": row["story"], "first": row["first"], "last": row["last"], "size": len(members),
            "entities": [{"kb_id": None if e.startswith("new/") else e, "id": e, "label": cluster["labels"].get(e, e),
                          "type": e.split("/")[1] if e.startswith("new/") else e.split("/")[0], "weight": round(w, 3)}
                         for e, w in top],
            "links": links,
        }

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        params: list[Any] = []
        sql = paged("SELECT * FROM stories WHERE size > 0 ORDER BY last IS NULL, last DESC, size DESC, rowid",
                    params, limit, offset)
        return [self._story_object(r) for r in self.conn.execute(sql, params).fetchall()]

    def story(self, ident: str) -> dict[str, Any] | None:
        ident = ident.strip()
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (ident,)).fetchone()
        if row is None and len(ident) >= 4:
            key = ident if ident.startswith("st-") else "st-" + ident
            rows = self.conn.execute("SELECT * FROM stories WHERE id >= ? AND id < ? LIMIT 2", (key, key + "\uffff")).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return self._story_object(row) if row else None

    def _story_object(self, row: sqlite3.Row) -> dict[str, Any]:
        events = self.conn.execute(
            "SELECT e.id, e.date, e.first, e.size, e.languages FROM story_events se JOIN events e ON e.id = se.event "
            "WHERE se.story = ? AND e.merged_into IS NULL", (row["id"],)).fetchall()
        ordered = sorted(events, key=lambda e: (e["first"] or e["date"] or "9999", e["id"]))
        languages = sorted({lang for e in events for lang in json.loads(e["languages"])})
        dates = [d for e in events for d in (e["first"], e["date"]) if d]
        return {
            "id": row["id"], "label": row["label"], "events": [e["id"] for e in ordered],
            "first": min(dates) if dates else row["first"], "last": row["last"],
            "size": len(events), "articles": sum(e["size"] for e in events), "languages": languages,
        }

    def article_links(self, article_id: str) -> dict[str, Any]:
        """The article's event, whom it copies and who copies it."""
        row = self.conn.execute("SELECT event, copy_of, copy_similarity, linked_to, score FROM event_articles "
                                "WHERE article = ?", (article_id,)).fetchone()
        copies = [{"article": r[0], "similarity": r[1]} for r in self.conn.execute(
            "SELECT ea.article, ea.copy_similarity FROM event_articles ea LEFT JOIN link_profiles p ON p.article = ea.article "
            "WHERE ea.copy_of = ? ORDER BY p.day, p.stamp, ea.article", (article_id,))]
        if row is None:
            return {"event": None, "copy_of": None, "copies": copies}
        return {
            "event": self.resolve_event_id(row["event"]),
            "copy_of": {"article": row["copy_of"], "similarity": row["copy_similarity"]} if row["copy_of"] else None,
            "copies": copies,
            "linked_to": row["linked_to"], "link_score": row["score"],
        }


def place_key(day: int, stamp: str | None, article: str) -> str:
    """A place (link.events.Place) as a string that sorts as the place does."""
    return f"{day:07d}\x01{stamp or ''}\x01{article}"


def _stored_day(ingested_at: str | None) -> int:
    """The day an article was first stored (today when unknown): where an undated one is placed."""
    from ..link.similarity import day

    return day(ingested_at) or date.today().toordinal()


def iso_day(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal else None
