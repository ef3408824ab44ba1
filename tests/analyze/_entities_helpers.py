"""Helpers for the entity tests: one analysis context per session, articles from plain text."""

from __future__ import annotations

from functools import lru_cache

from akhbar.analyze.context import AnalysisContext
from akhbar.analyze.entities import analyze_entities
from akhbar.normalize import normalize_article
from akhbar.options import Options
from akhbar.records import Article, EntityMention, Span


@lru_cache(maxsize=1)
def context() -> AnalysisContext:
    return AnalysisContext.build(Options(workers=1))


def article(text: str, lang: str, published: str | None = None, title: str | None = None,
            title_in_text: bool = False) -> Article:
    """An article whose body is ``text`` (one paragraph per line), normalized, not yet analyzed."""
    full = text
    title_span = None
    offset = 0
    if title is not None and title_in_text:
        full = title + "\n\n" + text
        title_span = Span(0, len(title))
        offset = len(title) + 2
    paragraphs = []
    pos = offset
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    art = Article(id="t", source="t", path="t", format="text", text=full, title=title, title_span=title_span,
                  paragraphs=tuple(paragraphs), lang=lang, published=published)
    return normalize_article(art)


def entities(text: str, lang: str, published: str | None = None, **kw) -> tuple[EntityMention, ...]:
    art = analyze_entities(article(text, lang, published, **kw), context())
    check_invariants(art)
    return art.entities


def check_invariants(art: Article) -> None:
    """Offsets point into the text, mentions are sorted and never overlap."""
    last_end = 0
    for m in art.entities:
        assert art.text[m.start:m.end] == m.text
        assert 0 <= m.start <= m.end <= len(art.text)
        if m.end > m.start:
            assert m.start >= last_end, (m, art.entities)
            last_end = m.end
    starts = [m.start for m in art.entities]
    assert starts == sorted(starts)


def pairs(mentions) -> list[tuple[str, str]]:
    """(text, entity id) of each mention."""
    return [(m.text, m.entity_id) for m in mentions]


def ids(mentions) -> set[str]:
    return {m.entity_id for m in mentions}
