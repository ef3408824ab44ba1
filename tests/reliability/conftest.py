"""Fixtures for the reliability tests: a SaudiNewsNet corpus and one clean ingest of it.

The corpora are built once per session in a temporary folder (SaudiNewsNet's JSON day files
turned into JSONL, plus the sample articles); the tests that need them skip with a reason when
``AKHBAR_SHARED`` (default ``../shared``) does not hold the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from _reliability_helpers import build_corpus, canonical_dump, run_ingest

KILL_CORPUS_ARTICLES = 800  # three commit batches of 256 and a last one: kills land between commits
SMALL_CORPUS_ARTICLES = 60


@dataclass(frozen=True)
class CleanRun:
    corpus: Path
    db: Path
    status: int
    report: dict
    seconds: float
    dump: dict


def _clean_run(corpus: Path, db: Path) -> CleanRun:
    status, report, err, seconds = run_ingest([corpus], db)
    assert status in (0, 1) and report is not None, f"clean ingest failed ({status}): {err[-2000:]}"
    return CleanRun(corpus, db, status, report, seconds, canonical_dump(db))


@pytest.fixture(scope="session")
def kill_corpus(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(shared, tmp_path_factory.mktemp("kill-corpus"), KILL_CORPUS_ARTICLES)


@pytest.fixture(scope="session")
def kill_reference(kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    """One uninterrupted ingest of the kill corpus: what every interrupted run must end with."""
    return _clean_run(kill_corpus, tmp_path_factory.mktemp("kill-reference") / "clean.db")


@pytest.fixture(scope="session")
def small_corpus(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(shared, tmp_path_factory.mktemp("small-corpus"), SMALL_CORPUS_ARTICLES)


@pytest.fixture(scope="session")
def small_reference(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    return _clean_run(small_corpus, tmp_path_factory.mktemp("small-reference") / "clean.db")
