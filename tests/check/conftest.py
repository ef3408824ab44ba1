"""Fixtures of the check tests: one pipeline per session, and small articles through it."""

from __future__ import annotations

from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def pipeline():
    from akhbar.options import Options
    from akhbar.pipeline import Pipeline

    return Pipeline(Options(workers=1))


@pytest.fixture(scope="session")
def process(pipeline):
    """``process(text, title=..., published=...)``: one small article through the whole pipeline."""
    from akhbar.records import Article, RawDoc

    def run(text: str, title: str | None = None, published: str | None = None) -> Article:
        article = pipeline.process(RawDoc(source="test", path="test", content=text, title=title, published=published))
        assert isinstance(article, Article), article
        return article

    return run
