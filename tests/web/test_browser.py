"""The UI as a person uses it, in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; no browser download). Every kind of page loads with no script error, no dialog and
no Content-Security-Policy violation of the app's own; clicks lead from an event to an article
to an entity; searches in Persian and Arabic find their articles; a hostile article stays text.

Screenshots for the README: ``AKHBAR_SCREENSHOTS=1`` writes them to docs/screenshots/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("AKHBAR_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PUTIN = "person/vladimir-putin"

# Plotly's bundle carries MapLibre, whose stylesheet (for map traces, which Akhbar never draws)
# it inserts as an inline <style> at load: the CSP blocks it, harmlessly. Anything else fails.
KNOWN_VIOLATIONS = (("style-src-elem", "plotly.min.js"),)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (install Debian's chromium or set AKHBAR_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page with listeners for dialogs, script errors, console errors and CSP violations."""

    def __init__(self, browser, base: str, width: int = 1400, height: int = 900) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.add_init_script(
            "window.__csp = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            "[e.violatedDirective, e.sourceFile || '', e.blockedURI || '']));"
        )

    def _dialog(self, dialog) -> None:  # noqa: ANN001
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        self.page.wait_for_load_state("networkidle")
        self.check(path)

    def check(self, where: str) -> None:
        violations = [v for v in self.page.evaluate("window.__csp || []")
                      if not any(v[0] == d and v[1].endswith(f) for d, f in KNOWN_VIOLATIONS)]
        assert not violations, (where, violations)
        assert not self.dialogs, (where, self.dialogs)
        assert not self.errors, (where, self.errors)

    def shot(self, name: str, full_page: bool = False) -> None:
        if os.environ.get("AKHBAR_SCREENSHOTS") == "1":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def ui(browser, seeds_server):
    """A watched page on the example corpus."""
    w = Watched(browser, seeds_server)
    yield w
    w.close()


@pytest.fixture
def hostile_ui(browser, live_server):
    """A watched page on the corpus that also holds the hostile articles."""
    w = Watched(browser, live_server)
    yield w
    w.close()


@pytest.fixture(scope="module")
def seed_ids(seeds_store) -> dict[str, str]:
    return {row["source"].rsplit("/", 1)[-1][:3]: row["id"] for row in seeds_store.articles()}


def test_every_kind_of_page_loads(ui, seeds_store, seed_ids):
    ev = seeds_store.events(limit=1)[0]
    for path in ["/", "/events", "/stories", "/articles", "/entities", "/flags", "/search",
                 f"/events/{ev['id']}", f"/stories/{ev['story']}", f"/articles/{seed_ids['001']}", f"/entities/{PUTIN}"]:
        ui.go(path)
        assert ui.page.locator("header.top .brand").is_visible()
    ui.go("/")
    ui.shot("home")


def test_event_to_article_to_entity(ui, seeds_store):
    best = max(seeds_store.events(), key=lambda e: (len(e["languages"]), e["size"]))
    ev = seeds_store.event(best["id"])
    ui.go(f"/events/{ev['id']}")
    columns = ui.page.locator("section.column")
    assert columns.count() == len(ev["languages"])
    assert columns.first.get_attribute("dir") == "rtl"
    ui.shot("event")
    # a reason for each linked article, opened
    if ev["links"]:
        ui.page.locator(".why details summary").first.click()
        assert ui.page.locator(".why details[open] table").first.is_visible()
    # to an article (an Arabic one when the event has one)
    lang = "ar" if "ar" in ev["languages"] else ev["languages"][0]
    ui.page.locator(f'section.column[lang="{lang}"] article.card h3 a').first.click()
    ui.page.wait_for_load_state("networkidle")
    assert "/articles/" in ui.page.url
    ui.check("article")
    assert ui.page.locator("h1.title").get_attribute("dir") == "rtl" and ui.page.locator("h1.title").get_attribute("lang") == lang
    # a highlighted mention carries its tooltip, and leads to the entity
    mention = ui.page.locator('.text a.m-entity[href="/entities/person/vladimir-putin"]').first
    assert "Vladimir Putin · person" in mention.get_attribute("title")
    mention.hover()
    mention.click()
    ui.page.wait_for_load_state("networkidle")
    assert ui.page.url.endswith("/entities/person/vladimir-putin")
    ui.check("entity")
    assert "Vladimir Putin" in ui.page.locator("h1").inner_text()
    # the plot is drawn by Plotly from the shipped bundle
    ui.page.wait_for_selector("#fig-timeline ~ .plot .main-svg, .plot .main-svg", timeout=10_000)
    assert ui.page.locator(".plot .main-svg").count() >= 1
    ui.shot("entity")


def test_article_removed_boilerplate_toggle(ui, seed_ids):
    ui.go(f"/articles/{seed_ids['000']}")
    removed = ui.page.locator(".text .removed").first
    assert not removed.is_visible()
    ui.page.locator("label[for=show-removed]").click()
    assert removed.is_visible()
    ui.page.locator("label[for=show-removed]").click()
    assert not removed.is_visible()
    ui.shot("article")


def _search(ui, query: str) -> list[str]:
    ui.go("/")
    box = ui.page.locator("form.quick input[name=q]")
    box.fill(query)
    box.press("Enter")
    ui.page.wait_for_load_state("networkidle")
    ui.check(f"search {query}")
    return [a.get_attribute("href") for a in ui.page.locator("ol.rows a.row-title").all()]


def test_search_in_persian(ui, seed_ids):
    found = _search(ui, "سرویسهای امنیتی")  # without the ZWNJ the article has lost too
    assert f"/articles/{seed_ids['003']}" in found and f"/articles/{seed_ids['000']}" in found
    assert ui.page.locator(".snippet .m-hit").first.inner_text() in ("سرویسهای", "امنیتی", "سرویس‌های")
    ui.shot("search-fa")


def test_search_in_arabic_with_a_language_filter(ui, seed_ids):
    found = _search(ui, "الارهاب")
    assert f"/articles/{seed_ids['001']}" in found
    ui.page.locator("select[name=lang]").select_option("ar")
    ui.page.locator(".search-form button[type=submit]").click()
    ui.page.wait_for_load_state("networkidle")
    ui.check("filtered search")
    hrefs = [a.get_attribute("href") for a in ui.page.locator("ol.rows a.row-title").all()]
    assert hrefs and f"/articles/{seed_ids['000']}" not in hrefs
    assert ui.page.locator('.snippet[dir="rtl"]').count() == len(hrefs)


def test_story_timeline_is_drawn(ui, seeds_store):
    story = seeds_store.events(limit=1)[0]["story"]
    ui.go(f"/stories/{story}")
    ui.page.wait_for_selector(".plot .main-svg", timeout=10_000)
    ui.shot("story")


def test_flags_page(ui):
    ui.go("/flags")
    ui.shot("flags")


def test_hostile_article_is_text_and_fires_nothing(hostile_ui, ids):
    ui = hostile_ui
    for key in ("hostile.txt", "hostile.jsonl"):
        ui.go(f"/articles/{ids[key]}")
        ui.page.locator("label[for=show-removed]").click()
        ui.page.locator(".text a.m-entity").first.hover() if ui.page.locator(".text a.m-entity").count() else None
        ui.page.wait_for_timeout(200)
        ui.check(key)
        assert ui.page.locator("main script, main img, main svg, main b, main iframe").count() == 0
    ui.go(f"/articles/{ids['hostile.txt']}")
    title = ui.page.locator("h1.title").inner_text()
    assert "<script>alert('title')</script>" in title and "<b>پوتین</b>" in title
    assert "<img src=x onerror=alert('body')>" in ui.page.locator(".text").inner_text()
    ui.go("/search?q=" + "alert")
    ui.check("search for the payload")
