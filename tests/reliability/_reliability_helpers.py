"""Helpers for the reliability tests: corpora, ingest subprocesses, kills, database checks.

A *canonical dump* of a database is what two runs that stored the same thing must agree on:
every table's rows as a sorted multiset, with rowids left out (rowid-valued foreign keys are
replaced by the referenced row's own canonical content), FTS5 shadow tables, the migrations
record, the error log and wall-clock columns left out. Tables are discovered from
``sqlite_master``, so tables added later (events, links, flags ...) are compared too.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from akhbar.bench import saudinewsnet_to_jsonl

PYTHON = sys.executable

# Tables whose rows legitimately differ between two runs that stored the same articles.
SKIP_TABLES = {"_migrations", "ingest_errors"}
# Columns holding wall-clock times.
CLOCK_COLUMNS = {"ingested_at", "applied_at", "at", "created", "updated", "modified", "timestamp"}
FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


# -- corpora ----------------------------------------------------------------------------------


def saudinewsnet_jsonl(folder: Path, out: Path, count: int, *, stride: int = 37) -> int:
    """Write ``count`` SaudiNewsNet articles as JSONL, taking every ``stride``-th article across
    all day files (outlets and days vary), in a fixed order. Returns how many were written."""
    return saudinewsnet_to_jsonl(folder, out, count, stride=stride)


def build_corpus(shared: Path, out: Path, count: int) -> Path:
    """A folder with ``count`` SaudiNewsNet articles as JSONL plus the sample articles."""
    snn = shared / "data" / "saudinewsnet"
    seeds = shared / "seeds"
    if not snn.is_dir():
        import pytest

        pytest.skip(f"SaudiNewsNet not found at {snn} (set AKHBAR_SHARED)")
    out.mkdir(parents=True, exist_ok=True)
    written = saudinewsnet_jsonl(snn, out / "saudinewsnet.jsonl", count)
    assert written == count, f"SaudiNewsNet has only {written} articles at stride 37"
    if seeds.is_dir():
        shutil.copytree(seeds, out / "seeds")
    return out


# -- ingest subprocesses ----------------------------------------------------------------------


def ingest_command(paths: Sequence[str | Path], db: str | Path, *, workers: int = 2, as_json: bool = False) -> list[str]:
    cmd = [PYTHON, "-m", "akhbar", "ingest", *map(str, paths), "--db", str(db), "--quiet", "--workers", str(workers)]
    if as_json:
        cmd.append("--json")
    return cmd


def start(cmd: list[str], cwd: Path | None = None) -> subprocess.Popen:
    """Start a command in its own process group (so that it and its workers can be killed
    together), output captured."""
    return subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def run_ingest(paths: Sequence[str | Path], db: str | Path, *, workers: int = 2, timeout: float = 300) -> tuple[int, dict | None, str, float]:
    """Run one ingest to completion: (exit status, JSON report or None, stderr, wall seconds)."""
    started = time.monotonic()
    proc = start(ingest_command(paths, db, workers=workers, as_json=True))
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    seconds = time.monotonic() - started
    try:
        report = json.loads(out) if out.strip() else None
    except json.JSONDecodeError:
        report = None
    return proc.returncode, report, err.decode("utf-8", "replace"), seconds


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in process group ``pgid``."""
    members = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        state, pgrp = fields[0], int(fields[3])
        if pgrp == pgid and state not in (b"Z", b"X"):
            members.append(int(entry.name))
    return members


def kill_group(proc: subprocess.Popen, timeout: float = 20.0) -> tuple[bool, str]:
    """SIGKILL the process and every process of its group (its workers, the forkserver), wait
    until none is left. Returns whether the process was still running when killed, and its
    standard error."""
    running = proc.poll() is None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, err = proc.communicate()
    deadline = time.monotonic() + timeout
    while (left := group_members(proc.pid)) and time.monotonic() < deadline:
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    assert not group_members(proc.pid), f"processes of group {proc.pid} survived SIGKILL"
    return running, (err or b"").decode("utf-8", "replace")


# -- database checks --------------------------------------------------------------------------


def connect_ro(db: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def integrity_problems(db: str | Path) -> list[str]:
    """What is wrong with the file: integrity_check, foreign keys, duplicate article ids, FTS
    rows without article or articles without FTS row, FTS5's own integrity-check. Empty when
    all is well. Opens the file read-write (FTS5's check is an INSERT command): call it only
    when no writer is running."""
    problems: list[str] = []
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 30000")
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append(f"integrity_check: {result[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[:3]}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" in tables:
            dup = conn.execute("SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1").fetchall()
            if dup:
                problems.append(f"duplicate article ids: {dup[:5]}")
            if "articles_fts" in tables:
                orphans = conn.execute(
                    "SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT rowid FROM articles)").fetchone()[0]
                missing = conn.execute(
                    "SELECT count(*) FROM articles WHERE rowid NOT IN (SELECT rowid FROM articles_fts)").fetchone()[0]
                if orphans or missing:
                    problems.append(f"full-text index out of step: {orphans} orphan rows, {missing} articles unindexed")
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall():
            if sql and "USING FTS5" in sql.upper():
                try:  # FTS5's own check: the index matches the stored content
                    conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{name} integrity-check: {exc}")
    finally:
        conn.close()
    return problems


def _dumped_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadow = {v + suffix for v in virtual for suffix in FTS5_SHADOW_SUFFIXES}
    return [name for name, _ in rows
            if name not in SKIP_TABLES and name not in shadow and not name.startswith("sqlite_")]


def _rowid_alias(conn: sqlite3.Connection, table: str) -> str | None:
    cols = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    pks = [c for c in cols if c[5]]
    if len(pks) == 1 and pks[0][2].upper() == "INTEGER":
        return pks[0][1]
    return None


def _unique_column(conn: sqlite3.Connection, table: str) -> str | None:
    """A NOT NULL column with a UNIQUE constraint of its own, if the table has one."""
    notnull = {c[1] for c in conn.execute(f'PRAGMA table_info("{table}")') if c[3]}
    for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        if index[2]:  # unique
            cols = [c[2] for c in conn.execute(f'PRAGMA index_info("{index[1]}")')]
            if len(cols) == 1 and cols[0] in notnull:
                return cols[0]
    return None


def canonical_dump(db: str | Path) -> dict[str, list[tuple]]:
    """Every table's rows as a sorted list of tuples (see the module docstring)."""
    conn = connect_ro(db)
    try:
        tables = _dumped_tables(conn)
        keys: dict[str, dict[int, Any]] = {}

        def row_key(table: str, rowid: int) -> Any:
            """What a rowid reference to ``table`` means: the row's unique key when the table has
            one (``articles.id``), else a hash of the row's canonical content."""
            if table not in keys:
                unique = _unique_column(conn, table)
                keys[table] = {}
                if unique:
                    for rid, key in conn.execute(f'SELECT rowid, "{unique}" FROM "{table}"'):
                        keys[table][rid] = (unique, key)
                else:
                    for rid, *content in canonical_rows(table, with_rowid=True):
                        digest = hashlib.sha256(repr(content).encode("utf-8", "surrogatepass")).hexdigest()[:16]
                        keys[table][rid] = (table, digest)
            return keys[table].get(rowid, ("missing row", table, rowid))

        def canonical_rows(table: str, with_rowid: bool = False) -> list[tuple]:
            cols = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            alias = _rowid_alias(conn, table)
            keep = [c[1] for c in cols if c[1] != alias and c[1] not in CLOCK_COLUMNS and not c[1].endswith("_at")]
            # rowid references: foreign keys to another table's INTEGER PRIMARY KEY (or rowid)
            refs: dict[str, str] = {}
            for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                parent, frm, to = fk[2], fk[3], fk[4]
                if to is None or to == "rowid" or to == _rowid_alias(conn, parent):
                    refs[frm] = parent
            select = ", ".join(f'"{c}"' for c in keep) or "1"
            sql = f'SELECT rowid, {select} FROM "{table}"' if with_rowid else f'SELECT {select} FROM "{table}"'
            out = []
            for row in conn.execute(sql):
                values = list(row)
                offset = 1 if with_rowid else 0
                for i, col in enumerate(keep):
                    if col in refs and values[i + offset] is not None:
                        values[i + offset] = row_key(refs[col], values[i + offset])
                out.append(tuple(values))
            return out

        dump = {}
        for table in tables:
            dump[table] = sorted(canonical_rows(table), key=repr)
        return dump
    finally:
        conn.close()


def dump_difference(a: dict[str, list[tuple]], b: dict[str, list[tuple]], limit: int = 3) -> str:
    """A short account of how two canonical dumps differ ('' when they are equal)."""
    from collections import Counter

    lines = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            lines.append(f"table {table} only in {'first' if table in a else 'second'} dump")
            continue
        ca, cb = Counter(map(repr, a[table])), Counter(map(repr, b[table]))
        if ca == cb:
            continue
        extra, missing = ca - cb, cb - ca
        lines.append(f"{table}: {len(a[table])} vs {len(b[table])} rows; "
                     f"{sum(extra.values())} only in first, {sum(missing.values())} only in second")
        for r in list(extra)[:limit]:
            lines.append(f"   first only: {r[:300]}")
        for r in list(missing)[:limit]:
            lines.append(f"  second only: {r[:300]}")
    return "\n".join(lines)
