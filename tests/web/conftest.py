"""Fixtures of the web tests: one database with the sample articles and a hostile article,
an in-process client, and (for the browser tests) a live server on a free local port."""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from _web_helpers import HOSTILE_RECORD, HOSTILE_TEXT



@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """The five sample articles and two hostile ones, ingested (and linked) once per session."""
    from akhbar.options import Options
    from akhbar.run import ingest_paths
    from akhbar.store import Store

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (hostile / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "web.db"
    with Store(db) as store:
        report = ingest_paths([str(examples), str(hostile)], store, Options(workers=1))
    assert not report.failed and len(report.added) == 7, report.as_dict()
    return db


@pytest.fixture(scope="session")
def app(web_db: Path):
    from akhbar.web import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette: "use httpx2" (a deprecation notice, not ours)
        from fastapi.testclient import TestClient
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def store(web_db: Path):
    from akhbar.store import Store

    s = Store(web_db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def ids(store) -> dict[str, str]:
    """Article ids by the name of the file they came from (``000``..``004``, ``hostile.txt``,
    ``hostile.jsonl``)."""
    out = {}
    for row in store.articles():
        if row["source"].startswith("javascript:"):
            out["hostile.jsonl"] = row["id"]
            continue
        name = row["source"].rsplit("/", 1)[-1]
        out[name if name.startswith("hostile") else name[:3]] = row["id"]
    assert set(out) == {"000", "001", "002", "003", "004", "hostile.txt", "hostile.jsonl"}, out
    return out


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` served by uvicorn in a thread on a free port of 127.0.0.1, for the browser."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """The app over the database with the hostile articles."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """The example corpus alone (what the README's screenshots show)."""
    from akhbar.options import Options
    from akhbar.run import ingest_paths
    from akhbar.store import Store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(db) as store:
        report = ingest_paths([str(examples)], store, Options(workers=1))
    assert not report.failed and len(report.added) == 5, report.as_dict()
    return db


@pytest.fixture(scope="session")
def seeds_store(seeds_db: Path):
    from akhbar.store import Store

    s = Store(seeds_db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_server(seeds_db: Path) -> Iterator[str]:
    from akhbar.web import create_app

    with serving(create_app(seeds_db)) as url:
        yield url
