"""What the pages and the API both ask of the store: checked parameters, search with an entity
filter, the entity object. The API returns these objects as they are; the pages render them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from fastapi import HTTPException

from ..kb import KnowledgeBase
from ..store import BadQuery, Store
from ..store import entities as ent

__all__ = ["MAX_LIMIT", "ENTITY_FILTER_POOL", "page", "iso_date", "run_search", "entity_object", "auto_period"]

MAX_LIMIT = 500  # no list answers more than this many items at once
MAX_OFFSET = 100_000
ENTITY_FILTER_POOL = 2000  # a search filtered by entity looks among this many best matches

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def page(limit: int | None, offset: int | None, default: int = 50) -> tuple[int, int]:
    """``limit`` capped to :data:`MAX_LIMIT` (at least 1) and ``offset`` (at least 0)."""
    lim = default if limit is None else max(1, min(int(limit), MAX_LIMIT))
    off = 0 if offset is None else max(0, min(int(offset), MAX_OFFSET))
    return lim, off


def iso_date(name: str, value: str | None) -> str | None:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or None; anything else is a 400."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _ISO.fullmatch(value):
        raise HTTPException(400, f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}")
    return value


def run_search(
    store: Store,
    q: str | None,
    *,
    lang: str | None = None,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Article summaries matching a query in any language or spelling (``store.search``, each
    with its ``score``), optionally only those naming ``entity`` (an id, an English label or a
    name as written in an article). With an entity and no query: that entity's articles."""
    filters = {"lang": lang or None, "publisher": publisher or None, "since": since, "until": until}
    entity_ids: list[str] | None = None
    if entity and entity.strip():
        entity_ids = ent.find_entities(store, entity)
        if not entity_ids:
            return []
    if not (q and q.strip()):
        if entity_ids is None:
            raise BadQuery("empty query: give at least one word to search for (or an entity)")
        return ent.entity_articles(store, entity_ids[0], **filters, limit=limit, offset=offset)
    if entity_ids is None:
        return store.search(q, **filters, limit=offset + limit)[offset:]
    rows = store.search(q, **filters, limit=ENTITY_FILTER_POOL)
    keep = ent.articles_naming(store, entity_ids, [r["id"] for r in rows])
    return [r for r in rows if r["id"] in keep][offset : offset + limit]


def auto_period(summary: dict[str, Any]) -> str:
    """Days for an entity seen over two months or less, months up to ten years, else years."""
    first, last = summary.get("first"), summary.get("last")
    if not first or not last:
        return "month"
    try:
        span_months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7] or 1) - int(first[5:7] or 1)
    except ValueError:
        return "month"
    return "day" if span_months <= 2 else "month" if span_months <= 120 else "year"


def entity_object(store: Store, entity_id: str, *, by: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """An entity with everything its page shows: the summary (``store.entities.entity_summary``:
    label, type, ``counts``, first and last dates, forms), ``kb`` (its knowledge-base record),
    ``timeline`` (articles per period and language), ``cooccurring`` entities, ``quotes`` by it
    and ``articles`` (summaries, newest first; ``limit``/``offset`` page them and the quotes)."""
    summary = ent.entity_summary(store, entity_id)
    if summary is None:
        return None
    by = by or auto_period(summary)
    if by not in ent.PERIODS:
        raise HTTPException(400, f"by must be one of {', '.join(ent.PERIODS)}, not {by!r}")
    return {
        **summary,
        "kb": kb_record(entity_id),
        "by": by,
        "timeline": ent.mentions_over_time(store, entity_id, by=by),
        "cooccurring": ent.cooccurring(store, entity_id, limit=30),
        "quotes": ent.quotes_by(store, entity_id, limit=limit, offset=offset),
        "articles": ent.entity_articles(store, entity_id, limit=limit, offset=offset),
    }


@lru_cache(maxsize=1)
def shipped_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process on first use."""
    return KnowledgeBase.load()


def kb_record(entity_id: str) -> dict[str, Any] | None:
    """The shipped knowledge base's record of an id: names per language, Wikidata QID, roles."""
    entity = None if entity_id.startswith("new/") else shipped_kb().get(entity_id)
    if entity is None:
        return None
    return {
        "id": entity.id,
        "label": entity.label,
        "type": entity.type,
        "qid": entity.qid,
        "names": {lang: list(forms) for lang, forms in entity.names.items()},
        "roles": [
            {"role": r.role, "of": r.of, "start": r.start.isoformat() if r.start else None, "end": r.end.isoformat() if r.end else None}
            for r in entity.roles
        ],
    }
