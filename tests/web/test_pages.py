"""Every page, in process: it renders, it escapes what came from articles, it sets the security
headers, and it marks the direction of every block of article text."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from _web_helpers import PAYLOAD_MARKERS

PUTIN = "person/vladimir-putin"


def page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def assert_no_payload(html: str) -> None:
    for marker in PAYLOAD_MARKERS:
        assert marker not in html, marker
    assert "<b>پوتین</b>" not in html


def test_home(client, store):
    html = page(client, "/")
    assert "Recent events" in html and "Newest flags" in html and "Stories" in html
    assert "Persian" in html and "Arabic" in html  # counts per language
    assert "Mashregh News" in html  # counts per outlet
    ev = store.events(limit=1)[0]
    assert f'href="/events/{ev["id"]}"' in html
    assert_no_payload(html)


def test_every_html_page_has_the_security_headers(client, ids, store):
    ev = store.events(limit=1)[0]
    for url in ["/", "/articles", f"/articles/{ids['000']}", "/entities", f"/entities/{PUTIN}", "/search?q=x",
                "/events", f"/events/{ev['id']}", "/stories", f"/stories/{ev['story']}", "/flags", "/nothing-here"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "'unsafe-eval'" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_no_inline_script_and_no_remote_asset(client, ids, store):
    ev = store.events(limit=1)[0]
    for url in ["/", f"/articles/{ids['000']}", f"/entities/{PUTIN}", f"/events/{ev['id']}", f"/stories/{ev['story']}",
                "/search?q=%D9%BE%D9%88%D8%AA%DB%8C%D9%86"]:
        html = page(client, url)
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r'(src|href)="(https?:)?//(?!www\.wikidata\.org/)', html.replace('rel="noopener noreferrer"', "")), url
        assert " style=" not in html and "<style" not in html  # CSP allows no inline style either
        assert re.search(r"<[a-zA-Z][^>]*\son\w+=", html) is None, url  # no inline event handler


def test_article_page(client, ids):
    html = page(client, f"/articles/{ids['000']}")
    # the text in its language and direction, mentions highlighted with tooltips and links
    assert '<div class="text" lang="fa" dir="rtl">' in html
    assert re.search(r'<a class="m m-entity t-person" href="/entities/person/vladimir-putin" title="Vladimir Putin · person', html)
    assert 'class="m m-date' in html and 'class="m m-quantity"' in html and 'class="m m-quote"' in html
    assert "m m-citation" in html
    # the removed boilerplate, behind the toggle
    assert 'id="show-removed"' in html and 'class="removed"' in html and "نظر شما" in html
    # whom it cites, its quotes, its event
    assert "Expert (magazine)" in html and "Fars News Agency" in html
    assert "/events/ev-" in html


def test_arabic_article_is_rtl_and_english_chrome_ltr(client, ids):
    html = page(client, f"/articles/{ids['001']}")
    assert '<html lang="en" dir="ltr">' in html
    assert '<h1 class="title" lang="ar" dir="rtl">' in html


def test_hostile_article_is_shown_as_text(client, ids):
    html = page(client, f"/articles/{ids['hostile.txt']}")
    assert_no_payload(html)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#39;body&#39;)&gt;" in html
    assert "&lt;/p&gt;&lt;/div&gt;&lt;/span&gt;" in html
    assert "&amp;amp; &amp;lt;entities&amp;gt;" in html  # entities in the text stay text


def test_hostile_url_and_publisher_are_not_links(client, ids):
    html = page(client, f"/articles/{ids['hostile.jsonl']}")
    assert_no_payload(html)
    assert 'href="javascript' not in html.lower()
    assert "javascript:alert(&#39;url&#39;)" in html  # shown, as text
    assert "&#34;&#39;&gt;" in html  # the publisher's quotes and bracket, escaped


def test_links_out_carry_noopener_noreferrer(client, ids, store):
    # every link to another site (the Wikidata link of an entity; an article's source URL)
    html = page(client, f"/entities/{PUTIN}")
    outside = re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', html)
    assert outside
    for tag in outside:
        assert 'rel="noopener noreferrer"' in tag, tag


def test_page_links_are_relative(client):
    html = page(client, "/articles?limit=2")
    assert 'href="/articles?limit=2&amp;offset=2"' in html
    assert "testserver" not in page(client, f"/entities/{PUTIN}")


def test_entity_page(client):
    html = page(client, f"/entities/{PUTIN}")
    assert "Vladimir Putin" in html and "Q7747" in html
    assert 'data-figure="fig-timeline"' in html and '<script type="application/json" id="fig-timeline">' in html
    assert "Appears with" in html and "/entities/country/RU" in html
    assert "Quotes by Vladimir Putin" in html and "<blockquote" in html
    assert '<span lang="fa" dir="rtl">ولادیمیر پوتین · پوتین</span>' in html
    assert "/static/vendor/plotly.min.js" in html and 'id="plotly.js-style-global"' in html
    assert page(client, f"/entities/{PUTIN}?by=month").count("<strong>month</strong>") == 1
    page(client, f"/entities/{PUTIN}?by=week", 400)


def test_entity_json_in_page_cannot_close_its_script(client, ids):
    # labels and forms from articles go into the figure JSON: "</script>" must not survive there
    html = page(client, f"/entities/{PUTIN}")
    block = html.split('<script type="application/json" id="fig-timeline">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block


def test_unknown_things_are_404_pages(client):
    assert "no entity with id" in page(client, "/entities/person/nobody-here", 404)
    assert "no article with id" in page(client, "/articles/ffffffffffffffff", 404)
    assert "no event with id" in page(client, "/events/ev-nothing", 404)
    assert "no story with id" in page(client, "/stories/st-nothing", 404)
    html = page(client, "/no/such/page", 404)
    assert "Not found" in html


def test_hostile_id_in_a_404_is_escaped(client):
    html = page(client, "/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", 404)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_search_persian_any_spelling(client, ids):
    html = page(client, "/search?q=" + quote("سرویس‌های امنیتی"))
    assert f"/articles/{ids['003']}" in html and f"/articles/{ids['000']}" in html
    assert '<span class="m m-hit">سرویسهای</span>' in html
    assert '<p class="snippet" lang="fa" dir="rtl">' in html


def test_search_arabic_with_filters(client, ids):
    html = page(client, "/search?q=" + quote("الارهاب") + "&lang=ar")
    assert f"/articles/{ids['001']}" in html and f"/articles/{ids['000']}" not in html
    assert '<span class="m m-hit">الإرهاب</span>' in html
    assert "/articles/" not in page(client, "/search?q=" + quote("الارهاب") + "&lang=ru").split("<h1>Search</h1>")[1]


def test_search_entity_filter_and_entity_only(client, ids):
    both = page(client, "/search?q=" + quote("مسکو") + "&entity=" + quote(PUTIN))
    assert f"/articles/{ids['hostile.txt']}" in both
    only = page(client, "/search?entity=" + quote("بوتين"))
    for key in ("000", "001", "002", "003", "004"):
        assert f"/articles/{ids[key]}" in only
    none = page(client, "/search?q=" + quote("مسکو") + "&entity=" + quote("person/nobody"))
    assert "No article matches" in none


def test_search_date_range(client, ids):
    html = page(client, "/search?q=" + quote("بوتين") + "&since=2022-10-27&until=2022-12-31")
    assert f"/articles/{ids['hostile.jsonl']}" in html and f"/articles/{ids['002']}" not in html
    page(client, "/search?q=x&since=yesterday", 400)


def test_search_bad_queries_are_400_not_500(client):
    assert "no letters or digits" in page(client, "/search?q=" + quote('"\'()*'), 400)
    assert "too long" in page(client, "/search?q=" + "a" * 1200, 400)
    assert "Search" in page(client, "/search")  # the empty form


def test_search_escapes_the_query(client):
    html = page(client, "/search?q=" + quote("<script>alert(1)</script> zzz"))
    assert "<script>alert(1)" not in html


def test_event_page_side_by_side(client, store, ids):
    ev = max(store.events(), key=lambda e: (len(e["languages"]), e["size"]))
    html = page(client, f"/events/{ev['id']}")
    for lang in ev["languages"]:  # one column per language, right-to-left for these
        assert f'<section class="column" lang="{lang}" dir="rtl">' in html
    assert html.count('<section class="column"') == len(ev["languages"])
    for article_id in ev["articles"]:
        assert f"/articles/{article_id}" in html
    if ev["links"]:
        link = ev["links"][0]
        assert f'linked to <a href="/articles/{link["linked_to"]}">' in html
        for name in link["features"]:
            assert name.replace("_", " ") in html
    assert 'class="m m-entity t-person"' in html


def test_story_page_has_its_timeline(client, store):
    ev = store.events(limit=1)[0]
    html = page(client, f"/stories/{ev['story']}")
    assert 'data-figure="fig-story"' in html and f'href="/events/{ev["id"]}"' in html


def test_lists_and_pagination(client, ids):
    html = page(client, "/articles?limit=2")
    assert html.count('class="row"') == 2 and 'rel="next"' in html and "offset=2" in html
    html = page(client, "/articles?limit=2&offset=6")
    assert html.count('class="row"') == 1 and 'rel="prev"' in html
    assert f"/articles/{ids['001']}" in page(client, "/articles?lang=ar")
    assert "person/vladimir-putin" in page(client, "/entities?type=person")
    page(client, "/events")
    page(client, "/stories")
    page(client, "/articles?limit=0", 422)


def test_flags_page(client, store):
    from akhbar.store.checks import list_flags

    html = page(client, "/flags")
    flags = list_flags(store)
    if not flags:
        assert "No flags" in html
        return
    assert flags[0]["kind"].replace("_", " ") in html
    kind = flags[0]["kind"]
    html = page(client, f"/flags?kind={kind}")
    assert html.count('class="flag"') == sum(1 for f in flags if f["kind"] == kind)


@pytest.mark.parametrize("path", ["/static/app.css", "/static/app.js", "/static/favicon.svg",
                                  "/static/vendor/plotly.min.js", "/static/vendor/plotly.css"])
def test_static_assets_are_shipped(client, path):
    r = client.get(path)
    assert r.status_code == 200 and len(r.content) > 100
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_nest_no_link_in_a_link(client, store, ids):
    from html.parser import HTMLParser

    class Links(HTMLParser):
        depth = 0
        nested = 0

        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            if tag == "a":
                self.nested += self.depth > 0
                self.depth += 1

        def handle_endtag(self, tag):  # noqa: ANN001
            if tag == "a":
                self.depth -= 1

    ev = store.events(limit=1)[0]
    for url in ["/", f"/events/{ev['id']}", f"/articles/{ids['000']}", f"/articles/{ids['hostile.txt']}",
                f"/entities/{PUTIN}", "/search?q=" + quote("پوتین")]:
        parser = Links()
        parser.feed(page(client, url))
        assert parser.nested == 0 and parser.depth == 0, url
