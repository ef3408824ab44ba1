"""Read-only entity queries over a store holding the sample articles."""

from __future__ import annotations

import pytest

from akhbar.store import entities as ent

PUTIN = "person/vladimir-putin"


def test_summary_counts_forms_and_dates(store):
    s = ent.entity_summary(store, PUTIN)
    assert s["label"] == "Vladimir Putin" and s["type"] == "person" and s["kb_id"] == PUTIN
    # all five sample articles name him, and so do the two hostile ones
    assert s["counts"]["articles"] == 7
    assert s["counts"]["mentions"] >= 7
    assert "پوتین" in {f["text"] for f in s["forms"]["fa"]}
    assert "بوتين" in {f["text"] for f in s["forms"]["ar"]}
    assert s["first"] <= s["last"]


def test_unknown_entity(store):
    assert ent.entity_summary(store, "person/nobody-at-all") is None
    assert ent.mentions_over_time(store, "person/nobody-at-all") == []
    assert ent.cooccurring(store, "person/nobody-at-all") == []


def test_mentions_over_time_by_period(store):
    by_day = ent.mentions_over_time(store, PUTIN, by="day")
    assert sum(r["articles"] for r in by_day) == 7
    dated = [r for r in by_day if r["period"]]
    assert all(len(r["period"]) == 10 for r in dated)
    assert {r["lang"] for r in by_day} == {"fa", "ar"}
    by_year = ent.mentions_over_time(store, PUTIN, by="year")
    assert all(r["period"] is None or len(r["period"]) == 4 for r in by_year)
    with pytest.raises(ValueError, match="by must be one of"):
        ent.mentions_over_time(store, PUTIN, by="week")


def test_cooccurring_entities_share_articles(store):
    rows = ent.cooccurring(store, PUTIN, limit=5)
    assert rows[0]["id"] == "country/RU" and rows[0]["articles"] >= 5
    assert PUTIN not in {r["id"] for r in rows}
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    only_countries = ent.cooccurring(store, PUTIN, type="country")
    assert only_countries and {r["type"] for r in only_countries} == {"country"}


def test_quotes_by_a_person(store, ids):
    quotes = ent.quotes_by(store, PUTIN, limit=100)
    assert len(quotes) >= 5
    assert {q["speaker_id"] for q in quotes} == {PUTIN}
    assert ids["000"] in {q["article"] for q in quotes}
    q = quotes[0]
    article = store.article(q["article"])
    assert article["text"][q["start"] : q["end"]].strip() == q["text"].strip()
    assert ent.quotes_by(store, PUTIN, limit=2, offset=1) == quotes[1:3]


def test_entity_articles_newest_first_with_filters(store, ids):
    rows = ent.entity_articles(store, PUTIN)
    assert len(rows) == 7 and {"id", "lang", "title", "event", "mentions"} <= set(rows[0])
    assert {r["lang"] for r in ent.entity_articles(store, PUTIN, lang="ar")} == {"ar"}
    assert len(ent.entity_articles(store, PUTIN, limit=2, offset=1)) == 2


def test_find_entities_by_id_label_or_written_form(store):
    assert ent.find_entities(store, PUTIN)[0] == PUTIN
    assert ent.find_entities(store, "vladimir putin")[0] == PUTIN
    assert ent.find_entities(store, "بوتين")[0] == PUTIN
    assert ent.find_entities(store, "  ") == []


def test_articles_naming_and_languages(store, ids):
    all_ids = list(ids.values())
    assert ent.articles_naming(store, [PUTIN], all_ids) == set(all_ids)
    assert ent.articles_naming(store, ["person/nobody"], all_ids) == set()
    langs = ent.article_languages(store, all_ids + ["missing"])
    assert langs[ids["000"]] == "fa" and langs[ids["001"]] == "ar" and "missing" not in langs


def test_top_entities_and_corpus_counts(store):
    top = ent.top_entities(store, limit=3)
    assert {t["id"] for t in top} >= {PUTIN}
    assert ent.top_entities(store, type="person", limit=50)[0]["type"] == "person"
    assert len(ent.top_entities(store, recent=2, limit=100)) < len(ent.top_entities(store, limit=100))
    counts = ent.corpus_counts(store)
    assert counts["articles"] == 7 and counts["events"] >= 1
    assert {l["lang"]: l["articles"] for l in counts["languages"]} == {"fa": 4, "ar": 3}


def test_iterators_cover_everything(store):
    mentions = list(ent.iter_mentions(store, batch=7))
    assert len(mentions) == store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert {"article", "entity_id", "kb_id", "label", "start", "end", "text", "lang", "date"} <= set(mentions[0])
    quotes = list(ent.iter_quotes(store, batch=2))
    assert len(quotes) == sum(len(store.article(i)["quotes"]) for i in ent.iter_article_ids(store, batch=3))
