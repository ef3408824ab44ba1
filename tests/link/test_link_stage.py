"""The link stage is order-free: any order or grouping of the same articles gives the same events,
copies and stories, with the same ids, and a backfill relinks only the days its windows reach.

The real-data tests store 1,200+ SaudiNewsNet articles of five crawl days (14 outlets) once,
without linking, then give their link profiles to fresh databases in different orders and
groupings, running the link stage after each group as ingest does."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.bench import saudinewsnet_records
from akhbar.linking import link_stored
from akhbar.options import LinkOptions, Options
from akhbar.records import LinkProfile
from akhbar.run import EventChecker, ingest_paths
from akhbar.store import Store

DAYS = ("2015-08-02", "2015-08-03", "2015-08-04", "2015-08-06", "2015-08-07")


def dump(db: Path) -> dict:
    """Everything the link stage decides, as sorted rows."""
    c = sqlite3.connect(db)
    q = lambda sql: sorted(tuple(r) for r in c.execute(sql))  # noqa: E731
    out = {
        "links": q("SELECT article, event, linked_to, score, features, weights, copy_of, copy_similarity FROM event_articles"),
        "events": q("SELECT id, date, first, last, size, languages, outlets, story, story_parent, story_score, place, "
                    "first_day, undated, label, state FROM events"),
        "stories": q("SELECT id, label, first, last, size FROM stories"),
        "story_events": q("SELECT story, event, position FROM story_events"),
        "flags": q("SELECT id, kind, event, articles, statements FROM flags WHERE event IS NOT NULL"),
        "claims": q("SELECT id, event, articles FROM claims WHERE event IS NOT NULL"),
    }
    c.close()
    return out


@pytest.fixture(scope="module")
def stored(tmp_path_factory, shared):
    """A database holding the sample's articles and link profiles, nothing linked."""
    folder = tmp_path_factory.mktemp("snn")
    jsonl = folder / "sample.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(saudinewsnet_records(shared / "data" / "saudinewsnet")):
            if (r["date"] or "")[:10] in DAYS and i % 7 == 0:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    db = folder / "stored.db"
    with Store(db) as store:
        ingest_paths([str(jsonl)], store, Options(workers=2), link=False)
    c = sqlite3.connect(db)
    rows = c.execute("SELECT article, clock, profile, day, stamp FROM link_profiles ORDER BY article").fetchall()
    c.execute("DELETE FROM link_profiles")
    c.commit()
    c.close()
    return db, rows


def link_in_groups(stored, target: Path, groups: list[list[tuple]], options: LinkOptions | None = None) -> list:
    """Copy the stored articles to ``target`` and give it their profiles group after group,
    linking after each; return what each link pass did."""
    template, _ = stored
    shutil.copy(template, target)
    runs = []
    with Store(target) as store:
        for group in groups:
            store.conn.executemany("INSERT INTO link_profiles (article, clock, profile, day, stamp, linked) "
                                   "VALUES (?, ?, ?, ?, ?, 0)", group)
            runs.append(link_stored(store, options, checker=EventChecker()))
    return runs


@pytest.fixture(scope="module")
def reference(stored, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "one.db"
    link_in_groups(stored, db, [stored[1]])
    return dump(db)


def publisher(row) -> str:
    return json.loads(row[2]).get("publisher") or ""


@pytest.mark.shared
def test_the_sample_is_real_news_of_several_days_and_outlets(stored, reference):
    rows = stored[1]
    assert len(rows) >= 1000
    assert len({r[3] for r in rows}) >= 5 and len({publisher(r) for r in rows}) >= 10
    sizes = [e[4] for e in reference["events"]]
    assert max(sizes) >= 3 and sum(s > 1 for s in sizes) >= 20  # events of several outlets
    assert sum(1 for link in reference["links"] if link[6]) >= 10  # copies
    assert len(reference["stories"]) < len(reference["events"])  # stories of several events


@pytest.mark.shared
@pytest.mark.parametrize("order", ["reversed days", "one group per outlet", "one day missing, then backfilled",
                                   "the later days stored first"])
def test_named_orderings_give_the_same_events_copies_and_stories(stored, reference, tmp_path, order):
    rows = stored[1]
    days = sorted({r[3] for r in rows})
    if order == "reversed days":
        groups = [[r for r in rows if r[3] == d] for d in reversed(days)]
    elif order == "one group per outlet":
        groups = [[r for r in rows if publisher(r) == p] for p in sorted({publisher(r) for r in rows})]
    elif order == "one day missing, then backfilled":
        middle = days[len(days) // 2]
        groups = [[r for r in rows if r[3] != middle], [r for r in rows if r[3] == middle]]
    else:
        cut = days[len(days) // 2]
        groups = [[r for r in rows if r[3] >= cut], [r for r in rows if r[3] < cut]]
    link_in_groups(stored, tmp_path / "x.db", groups)
    assert dump(tmp_path / "x.db") == reference


@pytest.mark.shared
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), parts=st.integers(1, 5))
def test_any_permutation_and_grouping_gives_the_same_events(stored, reference, tmp_path, seed, parts):
    rows = list(stored[1])
    rng = random.Random(seed)
    rng.shuffle(rows)
    cuts = sorted(rng.sample(range(1, len(rows)), parts - 1))
    groups = [rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)])]
    db = tmp_path / f"perm-{seed}-{parts}.db"
    link_in_groups(stored, db, groups)
    assert dump(db) == reference


@pytest.mark.shared
def test_a_link_pass_stopped_half_way_is_finished_by_the_next(stored, reference, tmp_path):
    db = tmp_path / "stopped.db"
    shutil.copy(stored[0], db)
    with Store(db) as store:
        store.conn.executemany("INSERT INTO link_profiles (article, clock, profile, day, stamp, linked) "
                               "VALUES (?, ?, ?, ?, ?, 0)", stored[1])

        def stop(run):
            if run.decided >= 300:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            link_stored(store, checker=EventChecker(), progress=stop, batch_size=100)
        assert store.conn.execute("SELECT count(*) FROM event_articles").fetchone()[0] >= 300
        link_stored(store, checker=EventChecker())
    assert dump(db) == reference


@pytest.mark.shared
def test_link_all_relinks_to_the_same_result(stored, reference, tmp_path):
    db = tmp_path / "all.db"
    link_in_groups(stored, db, [stored[1]])
    with Store(db) as store:
        run = link_stored(store, everything=True, checker=EventChecker())
    assert run.decided == len(stored[1]) and run.replayed == 0
    assert dump(db) == reference


# -- a long synthetic archive: what a backfill costs -------------------------------------------------


def synthetic(days: int = 60, per_day: int = 6) -> list[LinkProfile]:
    """Each day three happenings, each reported twice (that day and the next), in two topics."""
    out = []
    start = date(2020, 1, 1)
    for d in range(days):
        for k in range(per_day):
            happening = f"h{(d - k % 2) * 3 + k // 2}"
            day = (start + timedelta(days=d)).isoformat()
            out.append(LinkProfile(article=f"{d:03d}{k}", lang="en", date=day, published=day, publisher=f"o{k}",
                                   title=happening, entities=((f"person/{happening}", 1.0, happening), (f"organization/t{k % 2}", 1.0, "t")),
                                   terms=((happening, 3), (f"topic{k % 2}", 2), (f"w{d}{k}", 1)), words=50))
    return out


def rows_of(profiles: list[LinkProfile]) -> list[tuple]:
    from akhbar.link.similarity import day

    return [(p.article, day(p.date), json.dumps(p.as_dict()), day(p.date), p.published) for p in profiles]


def test_a_backfilled_day_relinks_its_windows_not_the_archive(tmp_path):
    rows = rows_of(synthetic())
    options = LinkOptions()
    empty = tmp_path / "empty.db"
    Store(empty).close()
    one, split = tmp_path / "one.db", tmp_path / "split.db"
    link_in_groups((empty, []), one, [rows], options)
    backfilled = [r for r in rows if r[0].startswith("010")]
    runs = link_in_groups((empty, []), split, [[r for r in rows if r not in backfilled], backfilled], options)
    assert dump(split) == dump(one)
    reach = max(options.window_days, options.copy_window_days, options.frequency_days) \
        + max(options.window_days, options.copy_window_days) + 1
    assert runs[1].decided <= (reach + 1) * 6 < len(rows) - 10 * 6  # the days it reaches, not the rest
    assert runs[1].replayed > 0


def test_a_new_article_after_everything_is_decided_alone(tmp_path):
    rows = rows_of(synthetic(days=20))
    empty = tmp_path / "empty.db"
    Store(empty).close()
    options = LinkOptions(frequency_min_articles=0)
    runs = link_in_groups((empty, []), tmp_path / "x.db", [rows[:-1], rows[-1:]], options)
    link_in_groups((empty, []), tmp_path / "one.db", [rows], options)
    assert runs[1].decided == 1
    assert runs[1].replayed == 14 * 6 + 5  # the events' and copies' window; the weights from the stored day counts
    assert dump(tmp_path / "x.db") == dump(tmp_path / "one.db")


def test_undated_articles_are_placed_on_the_day_they_were_stored_and_move_nothing_else(tmp_path):
    dated = [{"title": f"Summit {i}", "text": "Leaders of the Gulf met in Riyadh on the summit. " * 5 + f"Item {i}.",
              "date": "2015-08-0" + str(1 + i % 3), "url": f"https://example.org/{i}", "source": "example"}
             for i in range(6)]
    undated = {"title": "A note", "text": "Leaders of the Gulf met in Riyadh, the archive says. " * 5,
               "url": "https://example.org/undated", "source": "example"}
    misdated = {"title": "An old note", "text": "Leaders of the Gulf met in Riyadh on 3 March 1918. " * 5,
                "url": "https://example.org/misdated", "source": "example"}

    def ingest(db, batches):
        with Store(db) as store:
            for n, batch in enumerate(batches):
                path = tmp_path / f"{db.stem}-{n}.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in batch), encoding="utf-8")
                ingest_paths([str(path)], store, Options(workers=1))
        return dump(db)

    alone = ingest(tmp_path / "alone.db", [dated])
    after = ingest(tmp_path / "after.db", [dated, [undated], [misdated]])
    before = ingest(tmp_path / "before.db", [[misdated], [undated], dated])
    assert after == before
    assert set(alone["links"]) <= set(after["links"])  # the dated articles' links do not move
    assert {e[:7] for e in alone["events"]} <= {e[:7] for e in after["events"]}
    with Store(tmp_path / "after.db") as store:
        placed = dict(store.conn.execute("SELECT a.url, p.day FROM link_profiles p JOIN articles a ON a.id = p.article"))
        stored = store.conn.execute("SELECT ingested_at FROM articles WHERE url = 'https://example.org/undated'").fetchone()
    assert placed["https://example.org/undated"] == date.fromisoformat(stored[0][:10]).toordinal()
    assert placed["https://example.org/misdated"] < date(1990, 1, 1).toordinal()  # its own date, for itself only


def test_profiles_stored_before_places_existed_are_placed_and_linked(tmp_path):
    rows = rows_of(synthetic(days=3))
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.conn.executemany("INSERT INTO link_profiles (article, clock, profile, linked) VALUES (?, ?, ?, 0)",
                               [(r[0], r[1], r[2]) for r in rows])
        run = link_stored(store)
        placed = dict(store.conn.execute("SELECT article, day FROM link_profiles"))
    assert run.decided == len(rows)
    assert placed == {r[0]: r[3] for r in rows}
