"""Shared fixtures: where the sample articles and the public data sets are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No per-example deadline: CI machines are shared and a slow example is not a failure; the
# speed of the stages is measured by `akhbar bench`, not by tests.
settings.register_profile("akhbar", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("akhbar")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "seeds"


def shared_dir() -> Path:
    env = os.environ.get("AKHBAR_SHARED")
    return Path(env) if env else REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set AKHBAR_SHARED)")
    return path


@pytest.fixture(scope="session")
def gold(shared: Path) -> dict:
    import json

    path = shared / "gold" / "seeds.json"
    if not path.is_file():
        pytest.skip(f"gold annotations not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seed_articles(shared: Path, gold: dict) -> dict:
    """The sample articles through the whole pipeline, once per test session (building the
    pipeline loads lingua's models, the knowledge base and the gazetteers)."""
    from akhbar.options import Options
    from akhbar.pipeline import Pipeline
    from akhbar.records import Article, RawDoc

    pipeline = Pipeline(Options(workers=1))
    out = {}
    for name in gold["documents"]:
        path = shared / "seeds" / name
        article = pipeline.process(RawDoc(source=str(path), path=str(path), content=path.read_text(encoding="utf-8")))
        assert isinstance(article, Article), (name, article)
        out[name] = article
    return out
