"""Fixtures for the ingest tests (helpers live in ``_ingest_helpers.py``)."""

from __future__ import annotations

import pytest

from akhbar.options import Options


@pytest.fixture
def opts() -> Options:
    return Options(workers=1)
