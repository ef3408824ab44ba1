"""The embedded store: one SQLite file, WAL, migrations recorded in it, one writer at a time.

Readers (the CLI's listing commands, later the web UI) open the file whenever they like; WAL
lets them read while an ingest writes. Writers take an exclusive lock file beside the database
(``<db>.lock``) for the whole run, so a second ingest into the same file is refused with a clear
message instead of interleaving with the first. Article ids are content hashes, so inserting an
article that is already there changes nothing ("unchanged").
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..normalize import query_terms
from ..normalize.search import STEM_MARK, bare_stem
from ..records import IngestError
from .checks import write_article_flags
from .events import LinkStore
from .migrations import migrate
from .rows import ArticleRow
from .sql import conditions, paged, where

SUMMARY_COLUMNS = ("id", "source", "lang", "title", "published", "publisher")
# an article's event (merged events resolve through event_merges: one level is all the linker
# leaves, since it rewrites the members of an absorbed event)
EVENT_OF = "(SELECT ea.event FROM event_articles ea WHERE ea.article = articles.id)"
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
WRITER_CHECKPOINT_PAGES = 16384  # WAL pages (4 KiB) between checkpoints while a writer holds the lock
WRITER_CACHE_KIB = 65536  # the writer's page cache


class StoreError(Exception):
    """A problem with the database that a person can act on; the message says what."""


class WriterBusy(StoreError):
    pass


class BadQuery(StoreError):
    pass


class Store(LinkStore):
    def __init__(self, path: str | os.PathLike, *, busy_timeout_ms: int = 30_000) -> None:
        self.path = str(path)
        self._lock_fd: int | None = None
        try:
            if self.path != ":memory:":
                parent = Path(self.path).resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"cannot open database {self.path}: folder {parent} does not exist")
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if self.path != ":memory:":
                self._set_wal(busy_timeout_ms)
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def _set_wal(self, busy_timeout_ms: int) -> None:
        """WAL mode; switching a new file to it answers "locked" at once while another process
        does the same (the busy timeout does not apply), so retry until the timeout."""
        import time

        deadline = time.monotonic() + busy_timeout_ms / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.release_writer()
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def writer(self) -> Iterator["Store"]:
        """Hold the one-writer lock for the duration of a run."""
        self.acquire_writer()
        try:
            yield self
        finally:
            self.release_writer()

    def acquire_writer(self) -> None:
        if self.path == ":memory:" or self._lock_fd is not None:
            return
        lock_path = self.path + ".lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = self._lock_holder(fd)
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise WriterBusy(
                    f"another Akhbar process (pid {holder}) is writing to {self.path}; "
                    "wait for it to finish (one writer at a time)"
                ) from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock_fd = fd
        # The writer's batches are large (a SaudiNewsNet article adds ~60 KB of pages): with the
        # default 4 MB the WAL is copied back into the database every few dozen articles, and
        # pages that every batch touches again (the FTS index's, the B-trees' upper levels) are
        # copied each time. 64 MB between checkpoints and a 64 MB page cache cut the writer's
        # SQL time by a sixth (0.92 -> 0.75 ms an article, measured on 10,000 articles).
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
        self.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")

    @staticmethod
    def _lock_holder(fd: int) -> str:
        """The pid the writer wrote into the lock file. It writes it just after taking the lock,
        so a process refused in between finds the file empty for a moment: look again briefly."""
        import time

        for _ in range(50):
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            if holder:
                return holder
            time.sleep(0.01)
        return "unknown"

    def release_writer(self) -> None:
        if self._lock_fd is not None:
            self.conn.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default again
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- writing -----------------------------------------------------------------------------

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def write_batch(self, rows: list[ArticleRow], errors: list[IngestError] = ()) -> list[bool]:
        """Insert a batch, with each new article's link profile (not linked yet: see
        :mod:`akhbar.linking`) and the flags found in it, in one transaction; return for each
        row whether it was new."""
        added: list[bool] = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for row in rows:
                v = row.values
                cols = ",".join(v)
                cur = self.conn.execute(
                    f"INSERT OR IGNORE INTO articles ({cols}) VALUES ({','.join('?' * len(v))})",
                    list(v.values()),
                )
                if cur.rowcount == 1:
                    rowid = cur.lastrowid
                    self.conn.execute(
                        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                        (rowid, row.fts_title, row.fts_body),
                    )
                    if row.mentions:
                        self.conn.executemany(
                            "INSERT INTO mentions (article, entity_id, label, type, start, end, text, how) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [(rowid, *m) for m in row.mentions],
                        )
                    if row.flags:
                        write_article_flags(self, v["id"], row.flags)
                    if row.profile is not None:
                        self._write_profile(row.profile, v.get("ingested_at"))
                    added.append(True)
                else:
                    added.append(False)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            for err in errors:
                self.conn.execute("INSERT INTO ingest_errors (path, error, at) VALUES (?, ?, ?)", (err.path, err.error, now))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return added

    # -- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(
        self,
        *,
        lang: str | None = None,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        clauses, params = self._filters(lang=lang, publisher=publisher, since=since, until=until)
        sql = paged(f"SELECT {','.join(SUMMARY_COLUMNS)}, {EVENT_OF} AS event FROM articles{where(clauses)} "
                    "ORDER BY published IS NULL, published DESC, rowid", params, limit, offset)
        return [dict(r) for r in self.conn.execute(sql, params)]

    def resolve_id(self, ident: str) -> str | None:
        """An article id from a full id or an unambiguous prefix (at least 4 characters)."""
        ident = ident.strip().lower()
        row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (ident,)).fetchone()
        if row:
            return row[0]
        if len(ident) < 4 or not all(c in "0123456789abcdef" for c in ident):
            return None
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (ident, ident + "g")
        ).fetchall()
        if len(rows) > 1:
            raise StoreError(f"article id prefix {ident!r} is ambiguous; give more characters")
        return rows[0][0] if rows else None

    def article(self, ident: str) -> dict[str, Any] | None:
        article_id = self.resolve_id(ident)
        if article_id is None:
            return None
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        data = json.loads(row["data"])
        out = {k: row[k] for k in SUMMARY_COLUMNS}
        out.update(self.article_links(article_id))
        out.update(
            {
                "event_date": row["event_date"],
                **analysis_view(data),
                "body": row["body"],
                "removed": [r["text"] for r in data["removed"]],
                "removed_lines": data["removed"],
                "credits": data["credits"],
                "url": row["url"],
                "author": row["author"],
                "path": row["path"],
                "format": row["format"],
                "encoding": row["encoding"],
                "lang_confidence": row["lang_confidence"],
                "title_span": data["title_span"],
                "paragraphs": data["paragraphs"],
                "text": row["text"],
                "ingested_at": row["ingested_at"],
            }
        )
        return out

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT path, error, at FROM ingest_errors ORDER BY rowid DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
    ) -> list[dict[str, Any]]:
        match = build_match(query)
        clauses, params = self._filters(lang=lang, publisher=publisher, since=since, until=until, prefix="a.")
        where = "".join(" AND " + c for c in clauses)
        sql = (
            f"SELECT {','.join('a.' + c for c in SUMMARY_COLUMNS)}, {EVENT_OF.replace('articles.id', 'a.id')} AS event, "
            f"-bm25(articles_fts, 4.0, 1.0) AS score "
            f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ?{where} ORDER BY score DESC, a.rowid LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, [match, *params, int(limit)]).fetchall()
        except sqlite3.OperationalError as exc:  # should not happen: terms are quoted
            raise BadQuery(f"cannot search for {query!r}: {exc}") from exc
        return [{**dict(r), "score": round(r["score"], 4)} for r in rows]

    @staticmethod
    def _filters(*, prefix: str = "", **kw: Any) -> tuple[list[str], list[Any]]:
        """SQL conditions (to join with AND) and their parameters for the listing filters."""
        return conditions([(name, prefix + cond) for name, cond in _FILTERS], **kw)


_FILTERS = (("lang", "lang = ?"), ("publisher", "publisher = ?"), ("since", "published >= ?"), ("until", "published <= ?"))


def _number(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def analysis_view(data: dict[str, Any]) -> dict[str, Any]:
    """The analysis results in the shapes of INTERFACE.md (plus fields of our own)."""
    entities: dict[str, dict[str, Any]] = {}
    for m in data.get("entities", []):
        e = entities.setdefault(
            m["entity_id"],
            {
                "label": m["label"],
                "type": m["type"],
                "kb_id": None if m["entity_id"].startswith("new/") else m["entity_id"],
                "id": m["entity_id"],
                "mentions": [],
            },
        )
        e["mentions"].append({"start": m["start"], "end": m["end"], "text": m["text"], "how": m["how"]})
    return {
        "entities": list(entities.values()),
        "dates": [
            {k: d[k] for k in ("text", "start", "end", "calendar", "value", "stated", "offset_days", "weekday", "twin", "role")}
            for d in data.get("dates", [])
        ],
        "quantities": [
            {k: _number(q[k]) for k in ("text", "start", "end", "value", "low", "high", "unit", "counted")}
            for q in data.get("quantities", [])
        ],
        "quotes": [
            {k: q[k] for k in ("speaker", "cue", "text", "start", "end", "speaker_id", "kind", "cue_start", "cue_end")}
            for q in data.get("quotes", [])
        ],
        "citations": [
            {k: c[k] for k in ("outlet", "cue", "start", "end", "outlet_id", "role", "via")}
            for c in data.get("citations", [])
        ],
    }


def build_match(query: str) -> str:
    """An FTS5 MATCH expression from a free-text query in any language or spelling.

    Every word becomes a group of quoted alternatives (its folded form and its forms without
    clitics), and all groups must match. Users' text never reaches FTS5 syntax unquoted, so
    operators and stray quotes in a query are just characters.
    """
    if not query or not query.strip():
        raise BadQuery("empty query: give at least one word to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"query too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    groups = query_terms(query)
    groups = [[t for t in g if t] for g in groups]
    groups = [g for g in groups if g]
    if not groups:
        raise BadQuery(f"nothing to search for in {query!r}: it has no letters or digits")
    if len(groups) > MAX_QUERY_TERMS:
        raise BadQuery(f"query has too many words ({len(groups)}; at most {MAX_QUERY_TERMS})")
    parts = []
    for alts in groups:
        quoted = ['"' + t.replace('"', "") + '"' for t in dict.fromkeys(alts)]
        # the index holds an Arabic word once, bare, plus one STEM_MARK term per Arabic document
        # (normalize.fold_for_index): a stem alternative is also the bare word in such a document
        quoted += [f'("{s}" AND "{STEM_MARK}")' for s in map(bare_stem, dict.fromkeys(alts)) if s]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)
