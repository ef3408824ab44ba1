"""Turn an Article into the row the store writes: a pure function, run in the worker processes.

Folding text for full-text search costs as much as normalizing it, so it happens here, in
parallel, and the single writer only inserts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from ..normalize.search import fold_for_index
from ..records import Article, LinkProfile


@dataclass(frozen=True)
class ArticleRow:
    values: dict
    fts_title: str
    fts_body: str
    mentions: tuple[tuple, ...] = ()  # (entity_id, label, type, start, end, text, how)
    profile: LinkProfile | None = None  # what the linker compares (link/profile.py)
    flags: tuple[dict, ...] = ()  # the flags found within the article (check/)
    report: bytes | None = None  # the article's check Report (check/report.py), pickled: decoded only if needed


def article_data(article: Article) -> dict:
    """The structured parts of an article that have no column of their own."""
    return {
        "title_span": [article.title_span.start, article.title_span.end] if article.title_span else None,
        "paragraphs": [
            {"start": p.start, "end": p.end, "lang": pl.lang, "confidence": round(pl.confidence, 4)}
            for p, pl in zip(article.paragraphs, article.paragraph_langs or [None] * len(article.paragraphs))
        ]
        if article.paragraph_langs
        else [{"start": p.start, "end": p.end} for p in article.paragraphs],
        "removed": [
            {"start": r.start, "end": r.end, "text": r.text, "kind": r.kind, "reason": r.reason}
            for r in article.removed
        ],
        "credits": list(article.credits),
        # vars(): the records are flat, and dataclasses.asdict's deep copy cost 0.3 ms an article
        "entities": [vars(m) for m in article.entities],
        "dates": [vars(d) for d in article.dates],
        "quantities": [vars(q) for q in article.quantities],
        "quotes": [vars(q) for q in article.quotes],
        "citations": [vars(c) for c in article.citations],
    }


def article_row(article: Article, folded: tuple[list[str], list[str]] | None = None) -> ArticleRow:
    """``folded``: the :func:`~akhbar.normalize.search.fold_terms` of the normalized title and
    body, when the caller has them already (the worker folds each once, for the index and the
    link profile)."""
    title_terms, body_terms = folded if folded is not None else (None, None)
    title_norm = article.norm_title.text if article.norm_title else None
    body_norm = article.norm_body.text if article.norm_body else None
    values = {
        "id": article.id,
        "source": article.source,
        "path": article.path,
        "format": article.format,
        "url": article.url,
        "lang": article.lang,
        "lang_confidence": article.lang_confidence,
        "title": article.title,
        "published": article.published,
        "event_date": article.event_date,
        "publisher": article.publisher,
        "author": article.author,
        "encoding": article.encoding,
        "text": article.text,
        "body": article.body,
        "data": json.dumps(article_data(article), ensure_ascii=False),
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return ArticleRow(
        values=values,
        fts_title=fold_for_index(title_norm, article.lang, normalized=True, terms=title_terms)
        if title_norm is not None
        else fold_for_index(article.title or "", article.lang),
        fts_body=fold_for_index(body_norm, article.lang, normalized=True, terms=body_terms)
        if body_norm is not None
        else fold_for_index(article.body, article.lang),
        mentions=tuple((m.entity_id, m.label, m.type, m.start, m.end, m.text, m.how) for m in article.entities),
        flags=tuple(f.as_dict() for f in article.flags),
    )
