"""Linking through ingest and the store: links committed with their articles, explained, and the
same events whether the articles come in one batch or one at a time (day by day)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from akhbar.options import Options
from akhbar.run import ingest_paths
from akhbar.store import Store


def dump(db: Path) -> dict:
    with Store(db) as s:
        q = lambda sql: sorted(tuple(r) for r in s.conn.execute(sql))  # noqa: E731
        return {
            "links": q("SELECT article, event, linked_to, score, features, weights, copy_of, copy_similarity FROM event_articles"),
            "events": q("SELECT id, date, first, last, size, languages, outlets, story, story_parent, story_score, "
                        "place, first_day, undated, state FROM events"),
            "stories": q("SELECT id, label, first, last, size, state FROM stories"),
            "story_events": q("SELECT story, event, position FROM story_events"),
            "event_keys": q("SELECT * FROM event_keys"),
            "days": q("SELECT * FROM link_days"),
            "flags": q("SELECT id, kind, event, articles FROM flags WHERE event IS NOT NULL"),
        }


def test_every_sample_is_linked_and_every_link_explained(tmp_path, examples):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest_paths([str(examples)], store, Options(workers=1))
        events = store.events()
        assert sum(e["size"] for e in events) == 5
        for e in events:
            assert e["articles"] and e["id"] == "ev-" + e["articles"][0]
            assert len(e["links"]) == len(e["articles"]) - 1
            for link in e["links"]:
                assert link["linked_to"] in e["articles"] and link["features"] and link["weights"]
                assert link["score"] >= 0.0
        stories = store.stories()
        assert {ev for s in stories for ev in s["events"]} == {e["id"] for e in events}
        article = store.article(events[0]["articles"][0])
        assert article["event"] == events[0]["id"] and article["copy_of"] is None
        assert all(a["event"] for a in store.articles())


def test_one_batch_and_one_file_at_a_time_give_the_same_events(tmp_path, examples):
    files = sorted(str(p) for p in examples.iterdir())
    with Store(tmp_path / "batch.db") as store:
        ingest_paths(files, store, Options(workers=1))
    with Store(tmp_path / "daily.db") as store:
        for f in files:
            ingest_paths([f], store, Options(workers=1))
    assert dump(tmp_path / "batch.db") == dump(tmp_path / "daily.db")


def test_ingesting_again_changes_nothing(tmp_path, examples):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest_paths([str(examples)], store, Options(workers=1))
    before = dump(db)
    with Store(db) as store:
        report = ingest_paths([str(examples)], store, Options(workers=1))
    assert report.unchanged == 5 and dump(db) == before


@pytest.mark.shared
def test_saudinewsnet_day_by_day_equals_one_batch(tmp_path, shared):
    """Three crawl days of real news (copies, multi-outlet events), 80 articles a day."""
    days = []
    for zpath in sorted((shared / "data" / "saudinewsnet").glob("*.zip"))[:3]:
        with zipfile.ZipFile(zpath) as z:
            records = json.loads(z.read(z.namelist()[0]))[:80]
        path = tmp_path / f"{zpath.stem}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps({"title": r["title"], "text": r["content"], "url": r["url"],
                                     "date": r["date_extracted"][:10], "source": r["source"]}, ensure_ascii=False) + "\n")
        days.append(str(path))
    options = Options(workers=2)
    with Store(tmp_path / "batch.db") as store:
        ingest_paths(days, store, options)
    with Store(tmp_path / "daily.db") as store:
        for d in days:
            ingest_paths([d], store, options)
    batch, daily = dump(tmp_path / "batch.db"), dump(tmp_path / "daily.db")
    assert len(batch["links"]) > 200
    assert len({link[1] for link in batch["links"]}) < len(batch["links"])  # some events have several articles
    assert batch == daily
