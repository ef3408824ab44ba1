"""Read-only queries about entities (and the corpus facets the views need), over a :class:`Store`.

Plain functions taking an open store: the web UI's entity pages, its filters and the exports use
them. Nothing here writes. ``entity_id`` is a knowledge-base id (``person/vladimir-putin``) or the
id of a name discovered in the articles (``new/person/<slug>``), as in the ``mentions`` table.

Also here: the corpus facets (counts per language, outlet and flag kind) that pages filter by,
and iterators over every mention and quote for the exports.

Dates: an article is placed in time by its publication date, or by its inferred event date when
it has none; articles with neither are counted under the period ``None``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from .sqlite import EVENT_OF, SUMMARY_COLUMNS, Store

__all__ = [
    "PERIODS",
    "entity_summary",
    "mentions_over_time",
    "cooccurring",
    "quotes_by",
    "entity_articles",
    "articles_naming",
    "article_languages",
    "top_entities",
    "find_entities",
    "corpus_counts",
    "flag_kinds",
    "iter_article_ids",
    "iter_mentions",
    "iter_quotes",
]

# period name -> length of the ISO date prefix that names it
PERIODS = {"year": 4, "month": 7, "day": 10}
_WHEN = "COALESCE(a.published, a.event_date)"
# the article summary of Store.articles, for a query over ``articles a``
_SUMMARY = ",".join("a." + c for c in SUMMARY_COLUMNS) + ", " + EVENT_OF.replace("articles.id", "a.id") + " AS event"


def _kb_id(entity_id: str) -> str | None:
    return None if entity_id.startswith("new/") else entity_id


def entity_summary(store: Store, entity_id: str) -> dict[str, Any] | None:
    """What the store knows of one entity: label, type, ``counts`` of its mentions and articles,
    the ``first`` and ``last`` dates it appears on, and its ``forms`` as written, by language
    (most used first)."""
    head = store.conn.execute(
        f"SELECT m.label, m.type, count(*) AS mentions, count(DISTINCT m.article) AS articles, "
        f"min({_WHEN}) AS first, max({_WHEN}) AS last "
        f"FROM mentions m JOIN articles a ON a.rowid = m.article WHERE m.entity_id = ? GROUP BY m.entity_id",
        (entity_id,),
    ).fetchone()
    if head is None:
        return None
    forms: dict[str, list[dict[str, Any]]] = {}
    for row in store.conn.execute(
        "SELECT a.lang, m.text, count(*) AS n FROM mentions m JOIN articles a ON a.rowid = m.article "
        "WHERE m.entity_id = ? AND m.how != 'pronoun' GROUP BY a.lang, m.text ORDER BY n DESC, m.text LIMIT 200",
        (entity_id,),
    ):
        forms.setdefault(row["lang"] or "und", []).append({"text": row["text"], "mentions": row["n"]})
    return {
        "id": entity_id,
        "kb_id": _kb_id(entity_id),
        "label": head["label"],
        "type": head["type"],
        "counts": {"mentions": head["mentions"], "articles": head["articles"]},
        "first": head["first"],
        "last": head["last"],
        "forms": forms,
    }


def mentions_over_time(store: Store, entity_id: str, *, by: str = "month") -> list[dict[str, Any]]:
    """Mentions and articles of an entity per period (``year``, ``month`` or ``day``) and
    language, in time order (undated articles last, with ``period`` None)."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    rows = store.conn.execute(
        f"SELECT substr({_WHEN}, 1, ?) AS period, a.lang AS lang, count(*) AS mentions, "
        f"count(DISTINCT m.article) AS articles "
        f"FROM mentions m JOIN articles a ON a.rowid = m.article WHERE m.entity_id = ? "
        f"GROUP BY period, a.lang ORDER BY period IS NULL, period, a.lang",
        (PERIODS[by], entity_id),
    )
    return [dict(r) for r in rows]


def cooccurring(store: Store, entity_id: str, *, limit: int = 20, type: str | None = None) -> list[dict[str, Any]]:
    """The entities named in the same articles as ``entity_id``, by how many articles they
    share with it (most first)."""
    type_clause = " AND m2.type = ?" if type else ""
    params: list[Any] = [entity_id, entity_id, *([type] if type else []), int(limit)]
    rows = store.conn.execute(
        "WITH arts AS (SELECT DISTINCT article FROM mentions WHERE entity_id = ?) "
        "SELECT m2.entity_id AS id, min(m2.label) AS label, min(m2.type) AS type, "
        "count(DISTINCT m2.article) AS articles "
        "FROM arts JOIN mentions m2 ON m2.article = arts.article "
        f"WHERE m2.entity_id != ?{type_clause} GROUP BY m2.entity_id "
        "ORDER BY articles DESC, label LIMIT ?",
        params,
    )
    return [{**dict(r), "kb_id": _kb_id(r["id"])} for r in rows]


_QUOTE_KEYS = ("speaker", "speaker_id", "cue", "text", "start", "end", "kind")


def quotes_by(store: Store, entity_id: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The quotes whose speaker is ``entity_id``, newest article first: each with its article's
    id, language, date and title and the quote's offsets in that article's text."""
    rows = store.conn.execute(
        f"SELECT a.id AS article, a.lang, {_WHEN} AS date, a.title, q.value AS quote "
        "FROM articles a, json_each(a.data, '$.quotes') q "
        "WHERE a.rowid IN (SELECT article FROM mentions WHERE entity_id = ?) "
        "AND json_extract(q.value, '$.speaker_id') = ? "
        f"ORDER BY {_WHEN} IS NULL, {_WHEN} DESC, a.rowid, q.key LIMIT ? OFFSET ?",
        (entity_id, entity_id, int(limit), int(offset)),
    )
    out = []
    for r in rows:
        q = json.loads(r["quote"])
        out.append({"article": r["article"], "lang": r["lang"], "date": r["date"], "title": r["title"],
                    **{k: q.get(k) for k in _QUOTE_KEYS}})
    return out


def entity_articles(
    store: Store,
    entity_id: str,
    *,
    lang: str | None = None,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Summaries of the articles that name ``entity_id`` (with the listing filters of
    ``Store.articles``), newest first, each with the number of its ``mentions`` of the entity."""
    clauses, params = _filters(lang=lang, publisher=publisher, since=since, until=until)
    rows = store.conn.execute(
        f"SELECT {_SUMMARY}, count(*) AS mentions FROM mentions m JOIN articles a ON a.rowid = m.article "
        f"WHERE m.entity_id = ?{''.join(' AND ' + c for c in clauses)} GROUP BY a.rowid "
        "ORDER BY a.published IS NULL, a.published DESC, a.rowid LIMIT ? OFFSET ?",
        (entity_id, *params, int(limit), int(offset)),
    )
    return [dict(r) for r in rows]


def _filters(**kw: Any) -> tuple[list[str], list[Any]]:
    return Store._filters(prefix="a.", **kw)


def articles_naming(store: Store, entity_ids: Sequence[str], article_ids: Sequence[str]) -> set[str]:
    """Those of ``article_ids`` that name one of ``entity_ids``."""
    found: set[str] = set()
    if not entity_ids:
        return found
    ents = ",".join("?" * len(entity_ids))
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i : i + 500])
        rows = store.conn.execute(
            f"SELECT DISTINCT a.id FROM articles a JOIN mentions m ON m.article = a.rowid "
            f"WHERE a.id IN ({','.join('?' * len(chunk))}) AND m.entity_id IN ({ents})",
            [*chunk, *entity_ids],
        )
        found.update(r[0] for r in rows)
    return found


def article_languages(store: Store, article_ids: Sequence[str]) -> dict[str, str | None]:
    """The language of each of ``article_ids`` (ids not stored are left out)."""
    out: dict[str, str | None] = {}
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i : i + 500])
        rows = store.conn.execute(f"SELECT id, lang FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        out.update((r[0], r[1]) for r in rows)
    return out


def top_entities(
    store: Store, *, type: str | None = None, recent: int | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """The entities named in the most articles (optionally of one ``type``; optionally among
    the ``recent`` newest articles only, which bounds the cost on a large store)."""
    clauses, params = [], []
    if type:
        clauses.append("type = ?")
        params.append(type)
    if recent:
        clauses.append(
            "article IN (SELECT rowid FROM articles ORDER BY published IS NULL, published DESC, rowid DESC LIMIT ?)"
        )
        params.append(int(recent))
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    rows = store.conn.execute(
        f"SELECT entity_id AS id, min(label) AS label, min(type) AS type, count(DISTINCT article) AS articles "
        f"FROM mentions {where} GROUP BY entity_id ORDER BY articles DESC, label LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return [{**dict(r), "kb_id": _kb_id(r["id"])} for r in rows]


def find_entities(store: Store, text: str, *, limit: int = 10) -> list[str]:
    """Entity ids that ``text`` names: an id itself, an English label (any case), or a form
    written in an article (``پوتین``, ``بوتين``); the most mentioned first."""
    text = text.strip()
    if not text:
        return []
    rows = store.conn.execute(
        "SELECT entity_id, count(*) AS n FROM mentions WHERE entity_id = ? OR label = ? COLLATE NOCASE OR text = ? "
        "GROUP BY entity_id ORDER BY n DESC LIMIT ?",
        (text, text, text, int(limit)),
    )
    return [r[0] for r in rows]


def corpus_counts(store: Store, *, limit: int = 50) -> dict[str, Any]:
    """How many articles, events, stories and flags there are, and the articles per language
    and per outlet (most first)."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    langs = store.conn.execute(
        "SELECT lang, count(*) AS articles FROM articles GROUP BY lang ORDER BY articles DESC, lang LIMIT ?", (limit,)
    )
    outlets = store.conn.execute(
        "SELECT publisher, count(*) AS articles FROM articles GROUP BY publisher "
        "ORDER BY publisher IS NULL, articles DESC, publisher LIMIT ?",
        (limit,),
    )
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "events": one("SELECT count(*) FROM events WHERE merged_into IS NULL"),
        "stories": one("SELECT count(*) FROM stories WHERE size > 0"),
        "flags": one("SELECT count(*) FROM flags"),
        "languages": [dict(r) for r in langs],
        "outlets": [dict(r) for r in outlets],
    }


def flag_kinds(store: Store) -> list[dict[str, Any]]:
    """The kinds of flag in the store with how many of each (most first)."""
    rows = store.conn.execute("SELECT kind, count(*) AS flags FROM flags GROUP BY kind ORDER BY flags DESC, kind")
    return [dict(r) for r in rows]


def iter_article_ids(store: Store, *, batch: int = 1000) -> Iterator[str]:
    """Every article id, in the order they were stored (keyset pagination: constant memory)."""
    last = 0
    while True:
        rows = store.conn.execute("SELECT rowid, id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)).fetchall()
        if not rows:
            return
        yield from (r[1] for r in rows)
        last = rows[-1][0]


def iter_mentions(store: Store, *, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every entity mention with its article's id, language and date, in storage order."""
    last = 0
    while True:
        rows = store.conn.execute(
            f"SELECT m.rowid AS n, a.id AS article, a.lang, {_WHEN} AS date, m.entity_id, m.label, m.type, "
            "m.start, m.end, m.text, m.how FROM mentions m JOIN articles a ON a.rowid = m.article "
            "WHERE m.rowid > ? ORDER BY m.rowid LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            return
        for r in rows:
            d = dict(r)
            del d["n"]
            d["kb_id"] = _kb_id(d["entity_id"])
            yield d
        last = rows[-1]["n"]


def iter_quotes(store: Store, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every quote with its article's id, language and date, in storage order."""
    last = 0
    while True:
        arts = store.conn.execute("SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)).fetchall()
        if not arts:
            return
        hi = arts[-1][0]
        rows = store.conn.execute(
            f"SELECT a.id AS article, a.lang, {_WHEN} AS date, q.value AS quote "
            "FROM articles a, json_each(a.data, '$.quotes') q WHERE a.rowid > ? AND a.rowid <= ? "
            "ORDER BY a.rowid, q.key",
            (last, hi),
        )
        for r in rows:
            q = json.loads(r["quote"])
            yield {"article": r["article"], "lang": r["lang"], "date": r["date"], **{k: q.get(k) for k in _QUOTE_KEYS}}
        last = hi
