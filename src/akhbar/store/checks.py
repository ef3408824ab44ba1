"""Flags and claims in the store (tables of migration ``0004_checks``).

Per-article flags (calendar, weekday, headline versus body) are written once with their article
(:func:`write_article_flags`); an event's flags and claims are replaced as a whole each time the
event changes (:func:`replace_event_checks`). Readers get the flag and claim objects of
INTERFACE.md (:func:`list_flags`, :func:`list_claims`).

The functions take a :class:`~akhbar.store.Store` and join a transaction already open on its
connection (the writer's batch), or run in one of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ..records import Claim, Flag
from .sql import conditions, paged, where

__all__ = ["write_article_flags", "replace_event_checks", "list_flags", "list_claims", "delete_event_checks"]

_FLAG_CORE = ("id", "kind", "articles", "event", "statements", "explanation")


@contextmanager
def _transaction(conn: Any) -> Iterator[None]:
    if conn.in_transaction:  # the caller's batch: it commits
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _flag_dict(flag: Flag | Mapping[str, Any]) -> dict[str, Any]:
    return flag.as_dict() if isinstance(flag, Flag) else dict(flag)


def _insert_flag(conn: Any, d: dict[str, Any], article: str | None, event: str | None) -> None:
    data = {k: v for k, v in d.items() if k not in _FLAG_CORE}
    articles = list(d.get("articles") or ([article] if article else []))
    cur = conn.execute(
        "INSERT INTO flags (id, kind, article, event, articles, statements, explanation, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (d.get("id") or Flag.from_dict(d).id, d["kind"], article, event, json.dumps(articles, ensure_ascii=False),
         json.dumps(d.get("statements", []), ensure_ascii=False), d.get("explanation", ""),
         json.dumps(data, ensure_ascii=False)),
    )
    conn.executemany("INSERT INTO flag_articles (flag, article) VALUES (?, ?)",
                     [(cur.lastrowid, a) for a in dict.fromkeys(articles)])


def write_article_flags(store: Any, article_id: str, flags: Iterable[Flag | Mapping[str, Any]]) -> None:
    """Replace the flags found within article ``article_id`` (Flag records or their dicts)."""
    conn = store.conn
    with _transaction(conn):
        conn.execute("DELETE FROM flags WHERE article = ? AND event IS NULL", (article_id,))
        for flag in flags:
            _insert_flag(conn, _flag_dict(flag), article_id, None)


def delete_event_checks(store: Any, event_id: str) -> None:
    """Forget an event's flags and claims (an event merged into another)."""
    replace_event_checks(store, event_id, (), ())


def replace_event_checks(store: Any, event_id: str, flags: Iterable[Flag | Mapping[str, Any]],
                         claims: Iterable[Claim | Mapping[str, Any]]) -> None:
    """Delete event ``event_id``'s flags and claims and insert these (call it each time the
    event changes: an article joined, events merged)."""
    conn = store.conn
    with _transaction(conn):
        conn.execute("DELETE FROM flags WHERE event = ?", (event_id,))
        conn.execute("DELETE FROM claims WHERE event = ?", (event_id,))
        for flag in flags:
            _insert_flag(conn, _flag_dict(flag), None, event_id)
        for claim in claims:
            c = claim.as_dict() if isinstance(claim, Claim) else dict(claim)
            articles = list(c.get("articles") or dict.fromkeys(r["article"] for r in c.get("reports", [])))
            cur = conn.execute(
                "INSERT INTO claims (id, event, speaker, speaker_id, text, value, low, high, unit, counted, "
                "articles, reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c["id"], event_id, c.get("speaker"), c.get("speaker_id"), c.get("text", ""), c.get("value"),
                 c.get("low"), c.get("high"), c.get("unit"), c.get("counted"),
                 json.dumps(articles, ensure_ascii=False), json.dumps(c.get("reports", []), ensure_ascii=False)),
            )
            conn.executemany("INSERT INTO claim_articles (claim, article) VALUES (?, ?)",
                             [(cur.lastrowid, a) for a in dict.fromkeys(articles)])


_FLAG_FILTERS = (("kind", "f.kind = ?"), ("event", "f.event = ?"),
                 ("article", "f.rowid IN (SELECT flag FROM flag_articles WHERE article = ?)"))
_CLAIM_FILTERS = (("event", "c.event = ?"), ("article", "c.rowid IN (SELECT claim FROM claim_articles WHERE article = ?)"))


def _number(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def list_flags(store: Any, *, kind: str | None = None, article: str | None = None, event: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Flag objects, oldest first; ``article``: the flags that concern it (its own and its
    events'), ``event``: the flags between that event's reports."""
    clauses, params = conditions(_FLAG_FILTERS, kind=kind, event=event, article=article)
    sql = paged(f"SELECT * FROM flags f{where(clauses)} ORDER BY f.rowid", params, limit, offset)
    out = []
    for row in store.conn.execute(sql, params):
        d = {"id": row["id"], "kind": row["kind"], "articles": json.loads(row["articles"]), "event": row["event"],
             "statements": json.loads(row["statements"]), "explanation": row["explanation"]}
        d.update(json.loads(row["data"]))
        out.append(d)
    return out


def list_claims(store: Any, *, article: str | None = None, event: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:
    """Claim objects, oldest first; ``article``: the claims it reports."""
    clauses, params = conditions(_CLAIM_FILTERS, event=event, article=article)
    sql = paged(f"SELECT * FROM claims c{where(clauses)} ORDER BY c.rowid", params, limit, offset)
    return [
        {"id": r["id"], "speaker": r["speaker"], "speaker_id": r["speaker_id"], "text": r["text"],
         "value": _number(r["value"]), "low": _number(r["low"]), "high": _number(r["high"]), "unit": r["unit"],
         "counted": r["counted"], "event": r["event"], "articles": json.loads(r["articles"]),
         "reports": json.loads(r["reports"])}
        for r in store.conn.execute(sql, params)
    ]
