"""The JSON API under ``/api/``: the same objects as the command line's ``--json`` output.

Lists take ``limit`` (capped at 500) and ``offset``. An unknown id answers 404 with
``{"detail": ...}``; a query that cannot be searched (empty, too long) answers 400.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from ..store import Store
from ..store import entities as ent
from .app import open_store
from .queries import entity_object, iso_date, page, run_search
from ..store.checks import list_claims, list_flags

router = APIRouter(prefix="/api", tags=["api"])

Limit = Query(None, ge=1, description="At most this many items (capped at 500).")
Offset = Query(0, ge=0, description="Skip this many items first.")
Lang = Query(None, description="Only this language (ISO 639-1, e.g. fa, ar).")
Publisher = Query(None, description="Only this outlet (as listed in article summaries).")
Since = Query(None, description="Only articles published on or after this ISO date.")
Until = Query(None, description="Only articles published on or before this ISO date.")


def _json(data: Any) -> JSONResponse:
    return JSONResponse(data)


def _found(obj: Any, what: str, ident: str) -> JSONResponse:
    if obj is None:
        raise HTTPException(404, f"no {what} with id {ident!r}")
    return _json(obj)


@router.get("/articles", summary="List articles, newest first (article summaries)")
def articles(
    lang: str | None = Lang,
    publisher: str | None = Publisher,
    since: str | None = Since,
    until: str | None = Until,
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(store.articles(lang=lang, publisher=publisher, since=iso_date("since", since),
                                until=iso_date("until", until), limit=lim, offset=off))


@router.get("/articles/{article_id}", summary="One article with everything found in it (article object)")
def article(article_id: str, store: Store = Depends(open_store)) -> JSONResponse:
    return _found(store.article(article_id), "article", article_id)


@router.get("/search", summary="Full-text and entity search in any language or spelling (summaries with a score)")
def search(
    q: str | None = Query(None, description="Words to find, in any language or spelling; every word must match."),
    lang: str | None = Lang,
    publisher: str | None = Publisher,
    since: str | None = Since,
    until: str | None = Until,
    entity: str | None = Query(None, description="Only articles naming this entity (id, English label or a name as written)."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset, default=20)
    return _json(run_search(store, q, lang=lang, publisher=publisher, since=iso_date("since", since),
                            until=iso_date("until", until), entity=entity, limit=lim, offset=off))


@router.get("/entities", summary="The entities named in the most articles")
def entities(
    type: str | None = Query(None, description="Only this type: person, organization, country, place, outlet, other."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(ent.top_entities(store, type=type, limit=lim, offset=off))


@router.get("/entities/{entity_id:path}", summary="One entity: mentions over time, co-occurring entities, quotes, articles")
def entity(
    entity_id: str,
    by: str | None = Query(None, description="Timeline period: day, month or year (default: from the time span)."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _found(entity_object(store, entity_id, by=by, limit=lim, offset=off), "entity", entity_id)


@router.get("/counts", summary="Articles per language and per outlet")
def counts(store: Store = Depends(open_store)) -> JSONResponse:
    return _json(ent.corpus_counts(store))


@router.get("/events", summary="List events, newest first (event objects)")
def events(
    lang: str | None = Lang,
    since: str | None = Query(None, description="Only events on or after this ISO date."),
    until: str | None = Query(None, description="Only events on or before this ISO date."),
    entity: str | None = Query(None, description="Only events naming this entity id."),
    story: str | None = Query(None, description="Only the events of this story."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(store.events(lang=lang, since=iso_date("since", since), until=iso_date("until", until),
                              entity=entity, story=story, limit=lim, offset=off))


@router.get("/events/{event_id}", summary="One event (event object)")
def event(event_id: str, store: Store = Depends(open_store)) -> JSONResponse:
    return _found(store.event(event_id), "event", event_id)


@router.get("/stories", summary="List stories (story objects)")
def stories(limit: int | None = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(store.stories(limit=lim, offset=off))


@router.get("/stories/{story_id}", summary="One story (story object)")
def story(story_id: str, store: Store = Depends(open_store)) -> JSONResponse:
    return _found(store.story(story_id), "story", story_id)


@router.get("/flags", summary="Inconsistencies found (flag objects)")
def flags(
    kind: str | None = Query(None, description="Only this kind, e.g. calendar_mismatch, quantity_conflict."),
    article: str | None = Query(None, description="Only flags concerning this article id."),
    event: str | None = Query(None, description="Only flags of this event id."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(list_flags(store, kind=kind, article=article, event=event, limit=lim, offset=off))


@router.get("/claims", summary="Claims found in several reports (claim objects)")
def claims(
    article: str | None = Query(None, description="Only claims reported by this article id."),
    event: str | None = Query(None, description="Only claims of this event id."),
    limit: int | None = Limit,
    offset: int = Offset,
    store: Store = Depends(open_store),
) -> JSONResponse:
    lim, off = page(limit, offset)
    return _json(list_claims(store, article=article, event=event, limit=lim, offset=off))
