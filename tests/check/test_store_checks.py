"""Flags and claims in the store: migration 0004, writing, replacing, listing."""

from __future__ import annotations

import pytest

from akhbar.records import Claim, Flag, Statement
from akhbar.store import Store
from akhbar.store.checks import (delete_event_checks, list_claims, list_flags, replace_event_checks,
                                 write_article_flags)


def flag(kind="calendar_mismatch", articles=("a1",), event=None, start=0, **kw):
    statements = tuple(Statement(a, start, start + 4, "text", value=7.0) for a in articles)
    return Flag(kind, tuple(articles), statements, f"The {kind} explained.", event=event, **kw)


def claim(ident="c1", articles=("a1", "a2")):
    return Claim(ident, "Vladimir Putin", "person/vladimir-putin", "5 to 7 thousand",
                 tuple(Statement(a, 10, 20, "quote") for a in articles), low=5000.0, high=7000.0)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def test_migration_is_recorded(store):
    names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations")]
    assert "0004_checks" in names
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"flags", "claims", "flag_articles", "claim_articles"} <= tables


def test_article_flags_round_trip_and_replace(store):
    f = flag(correct="21 December 1991 is 30 Azar 1370", relation="contradiction")
    write_article_flags(store, "a1", [f, flag("weekday_mismatch", start=9)])
    rows = list_flags(store, article="a1")
    assert [r["kind"] for r in rows] == ["calendar_mismatch", "weekday_mismatch"]
    assert rows[0] == f.as_dict()
    assert rows[0]["statements"][0] == {"article": "a1", "start": 0, "end": 4, "text": "text", "value": 7}
    write_article_flags(store, "a1", [f.as_dict()])  # dicts too; the old ones go
    assert [r["id"] for r in list_flags(store, article="a1")] == [f.id]


def test_event_checks_replace_and_filters(store):
    write_article_flags(store, "a1", [flag()])
    replace_event_checks(store, "e1", [flag("venue_conflict", ("a1", "a2"), event="e1")], [claim()])
    replace_event_checks(store, "e2", [flag("date_conflict", ("a3", "a4"), event="e2")], [])
    assert len(list_flags(store)) == 3
    assert [f["kind"] for f in list_flags(store, article="a1")] == ["calendar_mismatch", "venue_conflict"]
    assert [f["kind"] for f in list_flags(store, event="e1")] == ["venue_conflict"]
    assert [f["kind"] for f in list_flags(store, kind="date_conflict")] == ["date_conflict"]
    assert len(list_flags(store, limit=1)) == 1
    [c] = list_claims(store, article="a2")
    assert c == {**claim().as_dict(), "event": "e1"}
    assert c["low"] == 5000 and isinstance(c["low"], int)
    replace_event_checks(store, "e1", [flag("quantity_conflict", ("a1", "a2"), event="e1")], [])
    assert [f["kind"] for f in list_flags(store, event="e1")] == ["quantity_conflict"]
    assert list_claims(store) == []
    delete_event_checks(store, "e2")
    assert list_flags(store, article="a3") == []
    # the link table follows the flags
    assert store.conn.execute("SELECT count(*) FROM flag_articles").fetchone()[0] == 3


def test_joins_an_open_transaction(store):
    store.conn.execute("BEGIN IMMEDIATE")
    write_article_flags(store, "a1", [flag()])
    store.conn.execute("ROLLBACK")
    assert list_flags(store) == []


def test_a_failed_write_leaves_nothing(store):
    with pytest.raises(KeyError):
        write_article_flags(store, "a1", [flag(), {"statements": []}])
    assert list_flags(store) == []
