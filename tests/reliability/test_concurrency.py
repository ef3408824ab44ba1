"""Concurrency: readers read while an ingest writes (WAL, busy timeouts) with no errors and
consistent answers; two ingests into one database are serialized or refused with a clear
message, never corrupting it.

The writer here is a real ingest in a subprocess (two workers). The readers are the Store's
read side in threads of this process, the CLI's listing commands in subprocesses, and, when the
web UI exists, its JSON API through FastAPI's TestClient.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from _reliability_helpers import (PYTHON, canonical_dump, dump_difference, ingest_command, integrity_problems,
                                  kill_group, start)
from akhbar.store import Store

QUERIES = ("السعودية", "سرویس‌های امنیتی", "وزير")


def _fresh_db(tmp_path: Path) -> Path:
    """A database with its schema in place (the race of two first openers is tested apart)."""
    db = tmp_path / "shared.db"
    Store(db).close()
    return db


def _same_as_reference(db: Path, reference) -> None:
    assert not integrity_problems(db)
    difference = dump_difference(canonical_dump(db), reference.dump)
    assert not difference, "the database differs from one clean run:\n" + difference


def _finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


# -- two writers ------------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize("stagger", [0.0, 2.0], ids=["together", "second-starts-later"])
def test_two_ingests_into_one_database(small_reference, tmp_path, stagger):
    db = _fresh_db(tmp_path)
    first = start(ingest_command([small_reference.corpus], db, as_json=True))
    time.sleep(stagger)
    second = start(ingest_command([small_reference.corpus], db, as_json=True))
    results = {p.pid: _finish(p) for p in (first, second)}
    refused = 0
    for pid, (status, out, err) in results.items():
        other = first.pid if pid == second.pid else second.pid
        if status == 2:
            refused += 1
            assert re.search(rf"another Akhbar process \(pid {other}\) is writing to .*shared\.db", err), err
            assert out.strip() == "", "a refused run must print no report"
        else:
            assert status == small_reference.status, err[-2000:]
            report = json.loads(out)
            want = small_reference.report
            assert report["added"] + report["unchanged"] == want["added"] + want["unchanged"]
    assert refused <= 1, "both ingests were refused"
    _same_as_reference(db, small_reference)
    assert Store(db).count() == len(small_reference.dump["articles"])


# The first opening of a new database file by two processes at once (an ingest and `akhbar
# serve` started together by a script, or two ingests). Reproduced deterministically here;
# both were bugs in akhbar/store, fixed (the WAL switch retries within the busy timeout; a
# migration is checked again once the write lock is held).


def test_opening_a_new_database_while_another_process_creates_it_waits(tmp_path):
    db = tmp_path / "new.db"
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE scratch (x)")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    Store(db).close()  # must wait for the other writer (busy timeout), not fail
    other.close()


def test_two_processes_migrating_a_new_database_at_once(tmp_path, monkeypatch):
    import akhbar.store.sqlite as store_sqlite
    from akhbar.store.migrations import MIGRATIONS, migrate

    db = tmp_path / "new.db"
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)")
    other.execute("BEGIN IMMEDIATE")  # the other process is migrating
    entered = threading.Event()

    def watched_migrate(conn):
        entered.set()
        return migrate(conn)

    monkeypatch.setattr(store_sqlite, "migrate", watched_migrate)
    outcome: list[BaseException | None] = []

    def open_store() -> None:
        try:
            Store(db).close()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome.append(exc)

    opener = threading.Thread(target=open_store)
    opener.start()
    assert entered.wait(30)
    time.sleep(0.3)  # the opener has read the (empty) migration record and waits for the lock
    for name, statements in MIGRATIONS:
        for sql in statements:
            other.execute(sql)
        other.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, '2026-01-01T00:00:00')", (name,))
    other.execute("COMMIT")
    opener.join(60)
    other.close()
    assert outcome == [None], f"opening failed: {outcome}"


# -- readers beside a writer ------------------------------------------------------------------


class Monotone:
    """Records a series of observations and the first time one goes down."""

    def __init__(self, name: str) -> None:
        self.name, self.last, self.seen, self.problem = name, -1, 0, None

    def observe(self, value: int) -> None:
        self.seen += 1
        if value < self.last and self.problem is None:
            self.problem = f"{self.name} went down from {self.last} to {value}"
        self.last = max(self.last, value)


def _store_reader(db: Path, stop: threading.Event, errors: list, checks: dict) -> None:
    """The Store's read side in a loop: counts, listings, searches, whole articles."""
    for k in ("count", "articles", *QUERIES):
        checks[k] = Monotone(f"store {k}")
    try:
        store = Store(db)
    except BaseException as exc:  # noqa: BLE001
        errors.append(f"store: opening: {type(exc).__name__}: {exc}")
        return
    try:
        while not stop.is_set():
            checks["count"].observe(store.count())
            rows = store.articles()
            checks["articles"].observe(len(rows))
            for query in QUERIES:
                checks[query].observe(len(store.search(query, limit=10_000)))
            for row in rows[:: max(1, len(rows) // 5)]:
                article = store.article(row["id"])
                if article is None or article["id"] != row["id"] or not article["body"]:
                    errors.append(f"store: article {row['id']} listed but not shown whole")
    except BaseException as exc:  # noqa: BLE001
        errors.append(f"store: {type(exc).__name__}: {exc}")
    finally:
        store.close()


def _cli_reader(db: Path, stop: threading.Event, errors: list, checks: dict) -> None:
    """``akhbar articles --json`` and ``akhbar search --json`` in subprocesses, in a loop."""
    checks["count"] = Monotone("akhbar articles --json")
    checks["search"] = Monotone("akhbar search --json")
    while not stop.is_set():
        for cmd, monotone in ((["articles", "--json"], checks["count"]),
                              (["search", QUERIES[0], "--json", "--limit", "10000"], checks["search"])):
            proc = subprocess.run([PYTHON, "-m", "akhbar", *cmd, "--db", str(db)], capture_output=True, timeout=300)
            if proc.returncode != 0:
                errors.append(f"akhbar {' '.join(cmd)} exited {proc.returncode}: "
                              f"{proc.stderr.decode('utf-8', 'replace')[-1000:]}")
                return
            monotone.observe(len(json.loads(proc.stdout)))


def _web_reader(db: Path, stop: threading.Event, errors: list, checks: dict) -> None:
    """The JSON API through FastAPI's TestClient, in a loop."""
    from fastapi.testclient import TestClient

    from akhbar.web import create_app

    checks["count"] = Monotone("GET /api/articles")
    checks["search"] = Monotone("GET /api/search")
    client = TestClient(create_app(str(db)))
    while not stop.is_set():
        for url, monotone in (("/api/articles?limit=500", checks["count"]),
                              (f"/api/search?q={QUERIES[0]}&limit=500", checks["search"])):
            try:
                response = client.get(url)
            except BaseException as exc:  # noqa: BLE001
                errors.append(f"GET {url}: {type(exc).__name__}: {exc}")
                return
            if response.status_code != 200:
                errors.append(f"GET {url}: {response.status_code} {response.text[:500]}")
                return
            body = response.json()
            items = body if isinstance(body, list) else body.get("items", body.get("articles", body.get("results", [])))
            monotone.observe(len(items))


def _web_available() -> bool:
    try:
        from akhbar.web import create_app  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.shared
def test_readers_during_an_ingest(kill_reference, tmp_path):
    """While ``akhbar ingest`` writes (several commits), two Store readers, the CLI's listing
    commands and (when the web UI exists) the JSON API read without error, their counts never
    go down, and the ingest stores what it stores alone."""
    db = _fresh_db(tmp_path)
    readers = {"store-1": _store_reader, "store-2": _store_reader, "cli": _cli_reader}
    if _web_available():
        readers["web"] = _web_reader
    stop = threading.Event()
    errors: list[str] = []
    checks: dict[str, dict[str, Monotone]] = {name: {} for name in readers}
    threads = [threading.Thread(target=fn, args=(db, stop, errors, checks[name]), daemon=True)
               for name, fn in readers.items()]
    writer = start(ingest_command([kill_reference.corpus], db))
    for t in threads:
        t.start()
    status, _, err = _finish(writer)
    stop.set()
    for t in threads:
        t.join(300)
    assert status == kill_reference.status, err[-2000:]
    assert not errors, errors[:5]
    stored = len(kill_reference.dump["articles"])
    for name, found in checks.items():
        problems = [c.problem for c in found.values() if c.problem]
        assert not problems, problems
        assert found["count"].seen >= 2, f"reader {name} did not get to read during the ingest"
    # a reader may have made its last read before the final commit: one more read, now, and it
    # must see everything, and never less than what it saw during the run
    with Store(db) as reader:
        final = reader.count()
    assert final == stored and checks["store-1"]["count"].last <= final
    print(f"\nreads during one ingest: " + ", ".join(f"{name} {c['count'].seen}" for name, c in checks.items()))
    _same_as_reference(db, kill_reference)
