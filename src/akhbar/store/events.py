"""Events, stories and copies in the store: writing what the linker decided, reading it back.

A mixin of :class:`~akhbar.store.sqlite.Store` (which provides ``self.conn``). Writing happens
inside the writer's batch transaction, so articles and their links are committed together.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
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

    def _write_links(self, batch: LinkBatch) -> None:
        c = self.conn
        c.executemany(
            "INSERT OR IGNORE INTO event_articles (article, event, linked_to, score, features, weights, copy_of, "
            "copy_similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(l.article, l.event, l.linked_to, l.score, _json(l.features) if l.features else None,
              _json(l.weights) if l.weights else None, l.copy_of, l.copy_similarity) for l in batch.links],
        )
        for m in batch.merges:
            c.execute("INSERT OR REPLACE INTO event_merges (absorbed, into_event, via, score) VALUES (?, ?, ?, ?)",
                      (m.absorbed, m.into, m.via, m.score))
            c.execute("UPDATE event_articles SET event = ? WHERE event = ?", (m.into, m.absorbed))
            c.execute("DELETE FROM story_events WHERE event = ?", (m.absorbed,))
        c.executemany(
            "INSERT OR REPLACE INTO events (id, date, first, last, clock, label, size, languages, outlets, story, "
            "merged_into, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e["id"], e["date"], e["first"], e["last"], e["clock"], e["label"], e["size"], _json(e["languages"]),
              _json(e["outlets"]), e["story"], e["merged_into"], _json(e["state"])) for e in batch.events],
        )
        for s in batch.stories:
            c.execute(
                "INSERT OR REPLACE INTO stories (id, label, first, last, clock, size, state) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (s["id"], s["label"], s["first"], s["last"], s["clock"], len(s["events"]), _json(s["state"])),
            )
            c.execute("DELETE FROM story_events WHERE story = ?", (s["id"],))
            c.executemany("INSERT OR REPLACE INTO story_events (story, event, position) VALUES (?, ?, ?)",
                          [(s["id"], ev, i) for i, ev in enumerate(s["events"])])
        c.executemany("INSERT OR IGNORE INTO link_profiles (article, clock, profile) VALUES (?, ?, ?)", batch.profiles)
        c.executemany("INSERT OR REPLACE INTO link_frequencies (key, count) VALUES (?, ?)", batch.frequencies)
        if batch.clock is not None:
            c.execute("INSERT OR REPLACE INTO link_meta (key, value) VALUES ('clock', ?)", (str(batch.clock),))

    # -- the linker's state for a new run -------------------------------------------------------

    def link_snapshot(self, window_days: int, copy_window_days: int, story_window_days: int):
        """What :meth:`akhbar.link.Linker.restore` needs: the events, stories and copy candidates
        of the windows ending at the latest day stored (events whose articles are all undated
        have no day and are always loaded)."""
        from ..link import Frequencies, LinkSnapshot

        c = self.conn
        row = c.execute("SELECT value FROM link_meta WHERE key = 'clock'").fetchone()
        clock = int(row[0]) if row else None
        freq = Frequencies.from_rows(c.execute("SELECT key, count FROM link_frequencies"))
        horizon = -1 if clock is None else clock - window_days - 1
        events = [(r[0], json.loads(r[1])) for r in c.execute(
            "SELECT id, state FROM events WHERE merged_into IS NULL AND (clock IS NULL OR clock >= ?) ORDER BY rowid",
            (horizon,))]
        story_horizon = -1 if clock is None else clock - story_window_days - 1
        stories = [(r[0], json.loads(r[1])) for r in c.execute(
            "SELECT id, state FROM stories WHERE clock IS NULL OR clock >= ? ORDER BY coalesce(clock, -1), rowid",
            (story_horizon,))]  # the least recently active first: the order the linker looks at them in
        recent = {a for _, state in events for a in state.get("recent", ())}
        copy_horizon = -1 if clock is None else clock - copy_window_days - 1
        profiles = []
        for article, pclock, profile, event, copy_of in c.execute(
            "SELECT p.article, p.clock, p.profile, ea.event, ea.copy_of FROM link_profiles p "
            "LEFT JOIN event_articles ea ON ea.article = p.article "
            "WHERE p.clock IS NULL OR p.clock >= ? ORDER BY ea.rowid", (min(copy_horizon, horizon),)):
            if pclock is None or pclock >= copy_horizon or article in recent:
                profiles.append((article, pclock, LinkProfile.from_dict(json.loads(profile)), event, copy_of))
        # recent members older than the copy window (a long-running event)
        missing = recent - {p[0] for p in profiles}
        for article in sorted(missing):
            r = c.execute("SELECT p.clock, p.profile, ea.event, ea.copy_of FROM link_profiles p JOIN event_articles ea "
                          "ON ea.article = p.article WHERE p.article = ?", (article,)).fetchone()
            if r:
                profiles.append((article, r[0], LinkProfile.from_dict(json.loads(r[1])), r[2], r[3]))
        aliases = dict(c.execute("SELECT absorbed, into_event FROM event_merges"))
        return LinkSnapshot(clock=clock, frequencies=freq, events=events, stories=stories, profiles=profiles,
                            aliases=aliases)

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
            "SELECT article, linked_to, score, features, weights, copy_of, copy_similarity FROM event_articles "
            "WHERE event = ? ORDER BY rowid", (row["id"],)).fetchall()
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
            "SELECT article, copy_similarity FROM event_articles WHERE copy_of = ? ORDER BY rowid", (article_id,))]
        if row is None:
            return {"event": None, "copy_of": None, "copies": copies}
        return {
            "event": self.resolve_event_id(row["event"]),
            "copy_of": {"article": row["copy_of"], "similarity": row["copy_similarity"]} if row["copy_of"] else None,
            "copies": copies,
            "linked_to": row["linked_to"], "link_score": row["score"],
        }


def iso_day(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal else None
