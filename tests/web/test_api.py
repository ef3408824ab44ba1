"""The JSON API: the same objects as the store (and so the command line's --json), 404s with a
detail, 400 for bad queries, pagination with a cap, and an OpenAPI description."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from akhbar.store.checks import list_claims, list_flags
from akhbar.web.queries import MAX_LIMIT

PUTIN = "person/vladimir-putin"


def get(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def test_articles_are_the_store_summaries(client, store):
    assert get(client, "/api/articles") == store.articles(limit=50)
    assert get(client, "/api/articles?lang=ar&limit=2&offset=1") == store.articles(lang="ar", limit=2, offset=1)
    assert get(client, "/api/articles?since=2022-10-27") == store.articles(since="2022-10-27", limit=50)


def test_article_is_the_store_article(client, store, ids):
    for key in ("000", "001", "hostile.txt"):
        assert get(client, f"/api/articles/{ids[key]}") == store.article(ids[key])
    assert get(client, f"/api/articles/{ids['000'][:8]}")["id"] == ids["000"]


def test_search_is_the_store_search(client, store):
    q = "سرویس‌های امنیتی"
    assert get(client, "/api/search?q=" + quote(q)) == store.search(q)
    assert get(client, "/api/search?q=" + quote("بوتين") + "&lang=ar") == store.search("بوتين", lang="ar")
    all_rows = store.search("بوتين", limit=100)
    assert get(client, "/api/search?q=" + quote("بوتين") + "&limit=2&offset=1") == all_rows[1:3]


def test_search_with_an_entity(client, ids):
    rows = get(client, "/api/search?q=" + quote("مسکو") + "&entity=" + quote("Vladimir Putin"))
    assert ids["hostile.txt"] in {r["id"] for r in rows}
    assert get(client, "/api/search?q=" + quote("مسکو") + "&entity=person/nobody") == []
    only = get(client, "/api/search?entity=country/RU")
    assert {ids[k] for k in ("000", "001", "002", "003", "004")} <= {r["id"] for r in only}


def test_bad_search_is_400_with_the_message(client):
    assert "empty query" in get(client, "/api/search?q=", 400)["detail"]
    assert "no letters or digits" in get(client, "/api/search?q=" + quote('"*()'), 400)["detail"]
    assert "too long" in get(client, "/api/search?q=" + "x" * 1001, 400)["detail"]
    assert "too many words" in get(client, "/api/search?q=" + quote(" ".join(["w"] * 65)), 400)["detail"]
    assert "since must be an ISO date" in get(client, "/api/search?q=x&since=2022/10/01", 400)["detail"]


def test_events_and_stories_are_the_store_objects(client, store):
    events = store.events(limit=50)
    assert events and get(client, "/api/events") == events
    ev = events[0]
    assert get(client, f"/api/events/{ev['id']}") == store.event(ev["id"])
    assert get(client, "/api/events?lang=fa") == store.events(lang="fa", limit=50)
    assert get(client, f"/api/events?entity={PUTIN}") == store.events(entity=PUTIN, limit=50)
    assert get(client, f"/api/events?story={ev['story']}") == store.events(story=ev["story"], limit=50)
    assert get(client, "/api/stories") == store.stories(limit=50)
    assert get(client, f"/api/stories/{ev['story']}") == store.story(ev["story"])


def test_flags_and_claims_are_the_check_objects(client, store):
    assert get(client, "/api/flags") == list_flags(store, limit=50)
    assert get(client, "/api/claims") == list_claims(store, limit=50)
    assert get(client, "/api/flags?kind=calendar_mismatch") == list_flags(store, kind="calendar_mismatch", limit=50)


def test_entity_object(client, store):
    e = get(client, f"/api/entities/{PUTIN}")
    assert e["id"] == PUTIN and e["label"] == "Vladimir Putin" and e["counts"]["articles"] == 7
    assert e["kb"]["qid"] == "Q7747" and "پوتین" in e["kb"]["names"]["fa"]
    assert {"timeline", "cooccurring", "quotes", "articles", "forms", "by"} <= set(e)
    assert e["quotes"] and all(q["speaker_id"] == PUTIN for q in e["quotes"])
    assert get(client, f"/api/entities/{PUTIN}?by=year")["by"] == "year"
    assert "by must be one of" in get(client, f"/api/entities/{PUTIN}?by=week", 400)["detail"]
    top = get(client, "/api/entities?type=country&limit=3")
    assert len(top) == 3 and {t["type"] for t in top} == {"country"}


def test_counts(client):
    c = get(client, "/api/counts")
    assert c["articles"] == 7 and {"languages", "outlets", "events", "stories", "flags"} <= set(c)


@pytest.mark.parametrize("url", ["/api/articles/ffffffffffffffff", "/api/events/ev-nothing", "/api/stories/st-nothing",
                                 "/api/entities/person/nobody-here", "/api/nothing"])
def test_unknown_ids_are_404_with_a_detail(client, url):
    body = get(client, url, 404)
    assert set(body) == {"detail"} and body["detail"]


def test_limit_is_capped_and_validated(client, store):
    rows = get(client, f"/api/articles?limit={MAX_LIMIT * 10}")
    assert len(rows) == 7
    assert "limit" in get(client, "/api/articles?limit=0", 422)["detail"]
    assert "offset" in get(client, "/api/articles?offset=-1", 422)["detail"]
    from akhbar.web.queries import page

    assert page(10**9, 0) == (MAX_LIMIT, 0)


def test_openapi_describes_the_api(client):
    spec = get(client, "/openapi.json")
    paths = set(spec["paths"])
    for p in ["/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}", "/api/articles",
              "/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/search", "/api/flags", "/api/claims"]:
        assert p in paths, p
    assert not any(p.startswith("/static") or p == "/" for p in paths)  # pages are not API
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_api_responses_have_the_security_headers(client):
    r = client.get("/api/articles")
    assert r.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in r.headers
