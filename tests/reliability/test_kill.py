"""Crash safety: an ingest SIGKILLed at random moments never corrupts the database, never
leaves a lock that refuses the next run, and the same ingest run again then stores exactly what
one clean run stores (no duplicates, no losses, the same events and links).

Each round starts ``python -m akhbar ingest CORPUS --db X --quiet --workers 2`` in its own
process group and kills the whole group (the main process, the forkserver and the workers) after
a seeded random delay. Two thirds of the delays are stratified over the length of a clean run, so
kills land in start-up (migrations, loading the models), in the middle and near the end (the
final commit); a third are a random fraction of a second after the run's first commit of new
articles, so some kills always land between two commits, however fast the machine is. The rounds resume one another on the same database, as a person would
start the ingest again after a crash.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from _reliability_helpers import (PYTHON, canonical_dump, connect_ro, dump_difference, ingest_command,
                                  integrity_problems, kill_group, run_ingest, start)
from akhbar.store import Store

pytestmark = pytest.mark.shared


def _check_after_kill(db: Path, killed_pid: int) -> None:
    problems = integrity_problems(db)
    assert not problems, f"database damaged by a kill: {problems}"
    lock = Path(str(db) + ".lock")
    if lock.exists():
        holder = lock.read_text(encoding="ascii", errors="replace").strip()
        assert holder in ("", str(killed_pid)), f"lock file names pid {holder}, the killed ingest was {killed_pid}"
    # the stale lock of the dead process must not refuse the next writer
    with Store(db) as store:
        store.acquire_writer()
        store.release_writer()


def _stored(db: Path) -> int:
    with Store(db) as store:
        return store.count()


def _count(db: Path) -> int:
    """Articles committed so far, read beside the running writer (0 before the table exists)."""
    if not db.exists():
        return 0
    try:
        conn = connect_ro(db)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


def kill_schedule(rng: random.Random, kills: int, span: float) -> list[tuple[str, float]]:
    """``("time", seconds)``: kill after that long; ``("commit", seconds)``: kill that long after
    the run's first commit of new articles (so some kills land between two commits, whatever the
    machine's speed). Time kills are stratified over the length of a clean run."""
    n_commit = max(1, kills // 3)
    n_time = kills - n_commit
    plan = [("time", span * (i + rng.random()) / n_time) for i in range(n_time)]
    plan += [("commit", rng.uniform(0.0, 0.4)) for _ in range(n_commit)]
    rng.shuffle(plan)
    # the first kill lands in start-up, while migrations run and the models load
    plan.sort(key=lambda p: p[0] != "time" or p[1] > span / n_time)
    return plan


def kill_loop(reference, tmp_path: Path, kills: int, seed: int) -> dict:
    """Kill ``kills`` ingests as :func:`kill_schedule` says, resume to completion, compare with
    the clean run."""
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    span = reference.seconds
    plan = kill_schedule(rng, kills, span) + kill_schedule(rng, kills, span)  # the second for retries
    figures = {"kills": 0, "completed_before_kill": 0, "plan": [], "stored_after_kill": []}
    attempts = 0
    while figures["kills"] < kills:
        attempts += 1
        assert attempts <= 3 * kills, f"could not land {kills} kills in {attempts} attempts: {figures}"
        # a run that ended before its kill moves on to the next entry of the plan
        how, delay = plan[(attempts - 1) % len(plan)]
        before = _count(db)
        proc = start(ingest_command([reference.corpus], db))
        if how == "commit":
            # wait for new articles to be committed (or the run to end, or, when everything is
            # stored already and no commit will add any, most of a run's length), then a little
            started = time.monotonic()
            while proc.poll() is None and _count(db) == before and time.monotonic() - started < 0.8 * span:
                time.sleep(0.02)
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        killed, err = kill_group(proc)
        if killed:
            figures["kills"] += 1
            figures["plan"].append(f"{how}+{delay:.2f}s")
        else:
            figures["completed_before_kill"] += 1
            assert proc.returncode in (0, 1), f"an ingest after a kill failed ({proc.returncode}): {err[-2000:]}"
        if db.exists():
            _check_after_kill(db, proc.pid)
            if killed:
                figures["stored_after_kill"].append(_stored(db))

    status, report, err, seconds = run_ingest([reference.corpus], db)
    assert "another Akhbar process" not in err, f"a dead ingest's lock refused the next run: {err}"
    assert status == reference.status, f"resumed ingest exited {status}, the clean one {reference.status}: {err[-2000:]}"
    want = reference.report
    assert report["added"] + report["unchanged"] == want["added"] + want["unchanged"]
    assert len(report["failed"]) == len(want["failed"])
    assert not integrity_problems(db)
    dump = canonical_dump(db)
    difference = dump_difference(dump, reference.dump)
    assert not difference, "the resumed database differs from one clean run:\n" + difference
    figures.update(articles=len(dump.get("articles", [])), tables=sorted(dump), clean_run_seconds=round(span, 1),
                   resumed_added=report["added"], resumed_unchanged=report["unchanged"])
    print(f"\nkill loop (seed {seed}): {figures}")
    return figures


def test_three_kills_then_resume_equals_one_clean_run(kill_reference, tmp_path):
    figures = kill_loop(kill_reference, tmp_path, kills=3, seed=7)
    assert figures["kills"] == 3


@pytest.mark.slow
def test_twenty_four_kills_then_resume_equals_one_clean_run(kill_reference, tmp_path):
    figures = kill_loop(kill_reference, tmp_path, kills=24, seed=20261123)
    assert figures["kills"] == 24


BATCH_INGEST = Path(__file__).with_name("_batch_ingest.py")


def _batch_ingest(db: Path, corpus: Path, *, batch: int, stop: int = 0) -> tuple[int, str]:
    proc = start([PYTHON, str(BATCH_INGEST), str(db), str(batch), "2", str(stop), str(corpus)])
    try:
        # wait for the main process, not for its pipes: workers it left behind may hold them
        proc.wait(timeout=600)
    finally:
        _, err = kill_group(proc)
    return proc.returncode, err


@pytest.mark.parametrize("stop", [pytest.param(1, marks=pytest.mark.slow), 2, pytest.param(3, marks=pytest.mark.slow)])
def test_resume_after_dying_right_after_a_commit_equals_one_clean_run(kill_reference, tmp_path, stop):
    """The deterministic core of the kill test: the ingest dies just after its 1st, 2nd or 3rd
    commit of 256 articles, is run again, and must end where one clean run ends."""
    db = tmp_path / "resumed.db"
    status, err = _batch_ingest(db, kill_reference.corpus, batch=256, stop=stop)
    assert status == 3, f"the ingest did not die after commit {stop} ({status}): {err[-2000:]}"
    assert not integrity_problems(db)
    status, report, err, _ = run_ingest([kill_reference.corpus], db)
    assert status == kill_reference.status, err[-2000:]
    difference = dump_difference(canonical_dump(db), kill_reference.dump)
    assert not difference, f"resumed after commit {stop}, the database differs from one clean run:\n" + difference


def test_commit_batches_do_not_change_what_is_stored(small_reference, tmp_path):
    """A resumed run commits at other places than a clean one, so what is stored must not
    depend on where the commits fall (here every 8 articles instead of every 256)."""
    db = tmp_path / "batched.db"
    status, err = _batch_ingest(db, small_reference.corpus, batch=8)
    assert status == small_reference.status, err[-2000:]
    assert not integrity_problems(db)
    difference = dump_difference(canonical_dump(db), small_reference.dump)
    assert not difference, "committing every 8 articles stores something else:\n" + difference
