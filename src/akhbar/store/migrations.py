"""Schema migrations, recorded in the database itself (table ``_migrations``).

Each migration is a name and a list of SQL statements, applied once, in order, inside a
transaction; the name and time are recorded so ``akhbar`` can tell what a database file holds.
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[str, list[str]]] = [
    (
        "0001_articles",
        [
            """
            CREATE TABLE articles (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,           -- content hash (records.content_id)
                source TEXT NOT NULL,              -- file path, record URL or PATH#N
                path TEXT NOT NULL,
                format TEXT NOT NULL,
                url TEXT,
                lang TEXT,
                lang_confidence REAL,
                title TEXT,
                published TEXT,                    -- ISO date
                publisher TEXT,
                author TEXT,
                encoding TEXT,
                text TEXT NOT NULL,                -- original text; every offset points here
                body TEXT NOT NULL,                -- cleaned body, original spelling
                data TEXT NOT NULL,                -- JSON: spans, removed lines, credits, langs
                ingested_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX articles_lang ON articles(lang)",
            "CREATE INDEX articles_published ON articles(published)",
            "CREATE INDEX articles_publisher ON articles(publisher)",
            # The searchable shadow: normalized, folded terms (see normalize.fold_for_search).
            # unicode61 alone splits Persian at ZWNJ, keeps diacritics and does not fold ي/ی,
            # so the index holds folded terms, never the raw text. The terms are already
            # casefolded letters and digits separated by ASCII spaces, so the 'ascii'
            # tokenizer (which splits on ASCII separators only) indexes them as they are,
            # 1.8x faster than unicode61 here (0.9 vs 1.6 ms per SaudiNewsNet article).
            """
            CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = "ascii")
            """,
            """
            CREATE TABLE ingest_errors (
                rowid INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                error TEXT NOT NULL,
                at TEXT NOT NULL
            )
            """,
        ],
    ),
    (
        "0002_analysis",
        [
            "ALTER TABLE articles ADD COLUMN event_date TEXT",
            "CREATE INDEX articles_event_date ON articles(event_date)",
            # one row per entity mention, for entity pages and filters
            """
            CREATE TABLE mentions (
                article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
                entity_id TEXT NOT NULL,
                label TEXT NOT NULL,
                type TEXT NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                text TEXT NOT NULL,
                how TEXT NOT NULL
            )
            """,
            "CREATE INDEX mentions_entity ON mentions(entity_id)",
            "CREATE INDEX mentions_article ON mentions(article)",
        ],
    ),
    (
        "0003_links",
        [
            # events, with the linker's state for the events of the recent window (``state``,
            # JSON); ``merged_into`` is set on an event absorbed by another (link/events.py)
            """
            CREATE TABLE events (
                id TEXT PRIMARY KEY,               -- "ev-" + the founding article's id
                date TEXT, first TEXT, last TEXT,  -- ISO dates: most reported, earliest, latest
                clock INTEGER,                     -- latest day (ordinal) of its articles
                label TEXT,
                size INTEGER NOT NULL,
                languages TEXT NOT NULL,           -- JSON list
                outlets TEXT NOT NULL,             -- JSON list
                story TEXT,
                merged_into TEXT,
                state TEXT NOT NULL                -- JSON: the linker's pooled profile
            )
            """,
            "CREATE INDEX events_clock ON events(clock)",
            "CREATE INDEX events_story ON events(story)",
            "CREATE INDEX events_date ON events(date)",
            # one row per article: its event and why (EventLink); insertion order = rowid
            """
            CREATE TABLE event_articles (
                rowid INTEGER PRIMARY KEY,
                article TEXT NOT NULL UNIQUE,
                event TEXT NOT NULL,
                linked_to TEXT,
                score REAL,
                features TEXT,                     -- JSON
                weights TEXT,                      -- JSON
                copy_of TEXT,
                copy_similarity REAL
            )
            """,
            "CREATE INDEX event_articles_event ON event_articles(event)",
            "CREATE INDEX event_articles_copy ON event_articles(copy_of)",
            """
            CREATE TABLE event_merges (
                absorbed TEXT PRIMARY KEY,
                into_event TEXT NOT NULL,
                via TEXT NOT NULL,
                score REAL
            )
            """,
            """
            CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                label TEXT,
                first TEXT, last TEXT,
                clock INTEGER,
                size INTEGER NOT NULL,
                state TEXT NOT NULL
            )
            """,
            "CREATE INDEX stories_clock ON stories(clock)",
            """
            CREATE TABLE story_events (
                story TEXT NOT NULL,
                event TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (story, event)
            )
            """,
            "CREATE INDEX story_events_event ON story_events(event)",
            # what the linker needs to pick up where the last run stopped
            "CREATE TABLE link_profiles (article TEXT PRIMARY KEY, clock INTEGER, profile TEXT NOT NULL)",
            "CREATE INDEX link_profiles_clock ON link_profiles(clock)",
            "CREATE TABLE link_frequencies (key TEXT PRIMARY KEY, count INTEGER NOT NULL)",
            "CREATE TABLE link_meta (key TEXT PRIMARY KEY, value TEXT)",
        ],
    ),
    (
        "0004_checks",
        [
            # one row per flag (akhbar.records.Flag): within one article (``article`` set, ``event``
            # null) or between the reports of one event (``event`` set); store/checks.py
            """
            CREATE TABLE flags (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL,                  -- Flag.id: hash of kind and statement offsets
                kind TEXT NOT NULL,
                article TEXT,                      -- the article of a per-article flag
                event TEXT,                        -- the event of an event flag
                articles TEXT NOT NULL,            -- JSON list of article ids
                statements TEXT NOT NULL,          -- JSON list of statements
                explanation TEXT NOT NULL,
                data TEXT NOT NULL                 -- JSON: relation, correct, ...
            )
            """,
            "CREATE INDEX flags_kind ON flags(kind)",
            "CREATE INDEX flags_event ON flags(event)",
            "CREATE INDEX flags_article ON flags(article)",
            # every article a flag concerns, for "the flags of this article" (event flags too)
            """
            CREATE TABLE flag_articles (
                flag INTEGER NOT NULL REFERENCES flags(rowid) ON DELETE CASCADE,
                article TEXT NOT NULL
            )
            """,
            "CREATE INDEX flag_articles_article ON flag_articles(article)",
            "CREATE INDEX flag_articles_flag ON flag_articles(flag)",
            """
            CREATE TABLE claims (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL,                  -- Claim.id: hash of its earliest report
                event TEXT,
                speaker TEXT,
                speaker_id TEXT,
                text TEXT NOT NULL,
                value REAL,
                low REAL,
                high REAL,
                unit TEXT,
                counted TEXT,
                articles TEXT NOT NULL,            -- JSON list of article ids
                reports TEXT NOT NULL              -- JSON list of statements
            )
            """,
            "CREATE INDEX claims_id ON claims(id)",
            "CREATE INDEX claims_event ON claims(event)",
            """
            CREATE TABLE claim_articles (
                claim INTEGER NOT NULL REFERENCES claims(rowid) ON DELETE CASCADE,
                article TEXT NOT NULL
            )
            """,
            "CREATE INDEX claim_articles_article ON claim_articles(article)",
            "CREATE INDEX claim_articles_claim ON claim_articles(claim)",
        ],
    ),
    (
        "0005_link_stage",
        [
            # Linking is a stage of its own, over stored articles in their archive order
            # (akhbar/linking.py): each profile's place (day ordinal, publication stamp, id) and
            # whether it is linked. Links made by the earlier, order-dependent linker are
            # dropped: the next link run relinks every article.
            "ALTER TABLE link_profiles ADD COLUMN day INTEGER",
            "ALTER TABLE link_profiles ADD COLUMN stamp TEXT",
            "ALTER TABLE link_profiles ADD COLUMN linked INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX link_profiles_place ON link_profiles(day, stamp, article)",
            "CREATE INDEX link_profiles_pending ON link_profiles(linked) WHERE linked = 0",
            "ALTER TABLE events ADD COLUMN place TEXT",  # the first article's place, sortable
            "ALTER TABLE events ADD COLUMN first_day INTEGER",
            "ALTER TABLE events ADD COLUMN story_parent TEXT",  # link/stories.py
            "ALTER TABLE events ADD COLUMN story_score REAL",
            "ALTER TABLE events ADD COLUMN undated INTEGER NOT NULL DEFAULT 0",  # no article of it had a date
            "CREATE INDEX events_story_parent ON events(story_parent)",
            "CREATE INDEX events_place ON events(place)",
            # the rarest entities of each event: what its story parent is looked for by
            """
            CREATE TABLE event_keys (
                entity TEXT NOT NULL,
                event TEXT NOT NULL,
                place TEXT NOT NULL,
                first_day INTEGER NOT NULL,
                undated INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (event, entity)
            )
            """,
            "CREATE INDEX event_keys_entity ON event_keys(entity, place)",
            # the document frequencies counted on each day (JSON, link.frequencies)
            "CREATE TABLE link_days (day INTEGER PRIMARY KEY, counts TEXT NOT NULL)",
            # events whose story parents are to be found again (written with the links, so a
            # pass stopped before its stories leaves the work for the next)
            "CREATE TABLE link_story_todo (event TEXT PRIMARY KEY)",
            "DELETE FROM event_articles",
            "DELETE FROM events",
            "DELETE FROM event_merges",
            "DELETE FROM stories",
            "DELETE FROM story_events",
            "DROP TABLE link_frequencies",  # cumulative counts: the weights are per day now (link_days)
            "DELETE FROM link_meta",
            "DELETE FROM flag_articles WHERE flag IN (SELECT rowid FROM flags WHERE event IS NOT NULL)",
            "DELETE FROM flags WHERE event IS NOT NULL",
            "DELETE FROM claim_articles WHERE claim IN (SELECT rowid FROM claims WHERE event IS NOT NULL)",
            "DELETE FROM claims WHERE event IS NOT NULL",
        ],
    ),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY id")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    done = set(applied(conn))
    known = [name for name, _ in MIGRATIONS]
    unknown = done - set(known)
    if unknown:
        raise RuntimeError(
            f"this database was written by a newer Akhbar (migrations {', '.join(sorted(unknown))}); upgrade Akhbar"
        )
    new: list[str] = []
    for name, statements in MIGRATIONS:
        if name in done:
            continue
        # the connection is in autocommit mode (isolation_level=None): one explicit
        # transaction per migration, so a crash leaves it either applied and recorded or absent
        conn.execute("BEGIN IMMEDIATE")
        # another process may have applied it while this one waited for the write lock
        if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
            conn.execute("ROLLBACK")
            continue
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        new.append(name)
    return new
