"""Server-rendered pages (Jinja2, autoescaped). Article text reaches a template only as escaped
text or as the :class:`markupsafe.Markup` built by :mod:`.highlight` from escaped pieces."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..store import BadQuery, Store
from ..store import entities as ent
from ..store.checks import list_claims, list_flags
from .app import WEB_DIR, open_store
from .bidi import isolate, isolate_quoted, language_name, text_dir
from .highlight import Mark, article_marks, entity_href, format_number, render
from .plots import language_color, mentions_figure, story_figure
from .queries import entity_object, iso_date, page, run_search
from .snippets import snippet, wanted_terms

router = APIRouter(include_in_schema=False)

MAX_ARTICLES_SIDE_BY_SIDE = 8  # per language on an event page; the rest are listed


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link a person may follow, else None (``javascript:``,
    ``data:`` and relative links from an article are shown as text, never as links)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def query_url(request: Request, **changes: Any) -> str:
    """This page's path and query with some parameters changed (a relative link, so that it
    stays right behind a proxy)."""
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    return request.url.path + "?" + urlencode(params)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    env = templates.env
    env.globals.update(
        entity_href=entity_href,
        text_dir=text_dir,
        language_name=language_name,
        language_color=language_color,
        format_number=format_number,
        safe_url=safe_url,
        isolate=isolate,
        query_url=query_url,
    )
    env.filters["isolate_quoted"] = isolate_quoted
    return templates


TEMPLATES = _templates()


def render_page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {400: "Bad request", 404: "Not found", 422: "Bad request", 501: "Not available yet"}
    return render_page(request, "error.html", status, status=status, title=titles.get(status, "Error"), message=message)


# -- article rendering ---------------------------------------------------------------------


def article_blocks(article: dict[str, Any], marks: list[Mark] | None = None, *, removed: bool = True) -> list[dict[str, Any]]:
    """The article's text as blocks in reading order: its paragraphs (each with its own
    language) and, with ``removed``, the lines removed as boilerplate, each block's HTML
    highlighted with ``marks``."""
    text = article["text"]
    marks = article_marks(article) if marks is None else marks
    lang = article.get("lang")
    blocks = [
        {"kind": "paragraph", "start": p["start"], "end": p["end"], "lang": p.get("lang") or lang}
        for p in article.get("paragraphs", ())
    ]
    if removed:
        blocks += [
            {"kind": "removed", "start": r["start"], "end": r["end"], "lang": lang,
             "label": f"removed ({r['kind']}): {r.get('reason') or ''}".strip()}
            for r in article.get("removed_lines", ())
        ]
    blocks.sort(key=lambda b: (b["start"], b["end"]))
    for b in blocks:
        b["html"] = render(text, marks, b["start"], b["end"])
    return blocks


def article_title(article: dict[str, Any], marks: list[Mark]) -> Markup:
    span = article.get("title_span")
    if span and article.get("text"):
        return render(article["text"], marks, span[0], span[1])
    return Markup(escape(article.get("title") or "(no title)"))


# -- pages ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Store = Depends(open_store)) -> Response:
    counts = ent.corpus_counts(store, limit=15)
    newest = list_flags(store, limit=8, offset=max(0, counts["flags"] - 8))[::-1]
    return render_page(
        request, "home.html",
        counts=counts, events=store.events(limit=12), stories=store.stories(limit=8), flags=newest,
        articles=store.articles(limit=12),
        top=ent.top_entities(store, recent=2000, limit=24),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    lang: str | None = None,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = Query(None, ge=1),
    offset: int = Query(0, ge=0),
    store: Store = Depends(open_store),
) -> Response:
    lim, off = page(limit, offset)
    rows = store.articles(lang=lang or None, publisher=publisher or None, since=iso_date("since", since),
                          until=iso_date("until", until), limit=lim, offset=off)
    return render_page(request, "articles.html", rows=rows, limit=lim, offset=off,
                       filters={"lang": lang, "publisher": publisher, "since": since, "until": until})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: Store = Depends(open_store)) -> Response:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    marks = article_marks(article)
    flags = article["flags"] if "flags" in article else list_flags(store, article=article["id"])
    entities_by_type: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(article["entities"], key=lambda e: (-len(e["mentions"]), e["label"])):
        entities_by_type.setdefault(e["type"], []).append(e)
    return render_page(
        request, "article.html",
        a=article,
        flags=flags,
        title_html=article_title(article, marks),
        blocks=article_blocks(article, marks),
        entities_by_type=entities_by_type,
        removed_count=len(article.get("removed_lines", ())),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    type: str | None = None,
    limit: int | None = Query(None, ge=1),
    offset: int = Query(0, ge=0),
    store: Store = Depends(open_store),
) -> Response:
    lim, off = page(limit, offset, default=100)
    rows = ent.top_entities(store, type=type or None, limit=lim, offset=off)
    return render_page(request, "entities.html", rows=rows, type=type, limit=lim, offset=off)


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    entity_id: str,
    by: str | None = None,
    offset: int = Query(0, ge=0),
    store: Store = Depends(open_store),
) -> Response:
    lim, off = page(50, offset)
    obj = entity_object(store, entity_id, by=by, limit=lim, offset=off)
    if obj is None:
        raise HTTPException(404, f"no entity with id {entity_id!r} is named in any article")
    undated = sum(r["articles"] for r in obj["timeline"] if r["period"] is None)
    return render_page(request, "entity.html", e=obj, figure=mentions_figure(obj["timeline"], by=obj["by"]),
                       undated=undated, limit=lim, offset=off)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str | None = None,
    lang: str | None = None,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    offset: int = Query(0, ge=0),
    store: Store = Depends(open_store),
) -> Response:
    lim, off = page(20, offset)
    form = {"q": q or "", "lang": lang or "", "publisher": publisher or "", "since": since or "",
            "until": until or "", "entity": entity or ""}
    counts = ent.corpus_counts(store, limit=200)
    context: dict[str, Any] = {"form": form, "counts": counts, "limit": lim, "offset": off,
                               "suggest": ent.top_entities(store, recent=2000, limit=60), "results": None}
    if (q and q.strip()) or (entity and entity.strip()):
        try:
            rows = run_search(store, q, lang=lang or None, publisher=publisher or None, since=iso_date("since", since),
                              until=iso_date("until", until), entity=entity, limit=lim, offset=off)
        except BadQuery as exc:
            return render_page(request, "search.html", 400, error=str(exc), **context)
        wanted = wanted_terms(q) if q and q.strip() else frozenset()
        results = []
        for row in rows:
            a = store.article(row["id"])
            if a is None:  # deleted between the two queries
                continue
            results.append({
                **row,
                "title_html": render(a.get("title") or "", [Mark(s, e, "hit") for s, e in _title_hits(a, wanted)]),
                "snippet": snippet(a["body"], a["lang"], wanted),
            })
        context["results"] = results
    return render_page(request, "search.html", **context)


def _title_hits(article: dict[str, Any], wanted: frozenset[str]) -> list[tuple[int, int]]:
    from .snippets import hit_spans

    return hit_spans(article.get("title") or "", article.get("lang"), wanted) if wanted else []


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    offset: int = Query(0, ge=0),
    store: Store = Depends(open_store),
) -> Response:
    lim, off = page(50, offset)
    rows = store.events(lang=lang or None, since=iso_date("since", since), until=iso_date("until", until),
                        entity=entity or None, limit=lim, offset=off)
    return render_page(request, "events.html", rows=rows, limit=lim, offset=off,
                       filters={"lang": lang, "since": since, "until": until, "entity": entity})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store: Store = Depends(open_store)) -> Response:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    links = {link["article"]: link for link in event.get("links", ())}
    columns: dict[str | None, dict[str, Any]] = {}
    for article_id in event["articles"]:
        a = store.article(article_id)
        if a is None:
            continue
        col = columns.setdefault(a.get("lang"), {"lang": a.get("lang"), "shown": [], "more": []})
        if len(col["shown"]) < MAX_ARTICLES_SIDE_BY_SIDE:
            marks = article_marks(a)
            # the title is itself a link: its marks must not be links inside it
            title_marks = [replace(m, href=None) for m in marks]
            col["shown"].append({"a": a, "title_html": article_title(a, title_marks),
                                 "blocks": article_blocks(a, marks, removed=False), "link": links.get(a["id"])})
        else:
            col["more"].append(a)
    ordered = sorted(columns.values(), key=lambda c: (-(len(c["shown"]) + len(c["more"])), c["lang"] or ""))
    return render_page(request, "event.html", ev=event, columns=ordered,
                       flags=list_flags(store, event=event["id"]), claims=list_claims(store, event=event["id"]))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, offset: int = Query(0, ge=0), store: Store = Depends(open_store)) -> Response:
    lim, off = page(50, offset)
    return render_page(request, "stories.html", rows=store.stories(limit=lim, offset=off), limit=lim, offset=off)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: Store = Depends(open_store)) -> Response:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    events = [e for e in (store.event(i) for i in story["events"]) if e is not None]
    langs = ent.article_languages(store, [a for e in events for a in e["articles"]])
    counts = {e["id"]: dict(Counter(langs.get(a) or "?" for a in e["articles"])) for e in events}
    return render_page(request, "story.html", story=story, events=events, counts=counts,
                       figure=story_figure(events, counts))


@router.get("/flags", response_class=HTMLResponse)
def flags_page(
    request: Request, kind: str | None = None, offset: int = Query(0, ge=0), store: Store = Depends(open_store)
) -> Response:
    lim, off = page(100, offset)
    rows = list_flags(store, kind=kind or None, limit=lim, offset=off)
    kinds = ent.flag_kinds(store)
    return render_page(request, "flags.html", rows=rows, kind=kind, kinds=kinds, limit=lim, offset=off)
