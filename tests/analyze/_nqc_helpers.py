"""Helpers of the numbers, quotes and citations tests: articles built from a few sentences,
entity mentions made by hand, and the knowledge-base context."""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from akhbar.normalize import normalize_article
from akhbar.options import Options
from akhbar.records import Article, EntityMention, RemovedLine, Span


def make_article(body: str, lang: str, title: str | None = None, *, title_in_text: bool = True,
                 removed_lines: tuple[str, ...] = (), source_lines: tuple[str, ...] = (),
                 credits: tuple[str, ...] = (), publisher: str | None = None) -> Article:
    """An article as the earlier stages would give it: the title (in the text or only as
    metadata), the body's paragraphs (split at blank lines), source lines at the end."""
    parts: list[str] = []
    pos = 0
    title_span = None
    if title is not None and title_in_text:
        parts.append(title + "\n\n")
        title_span = Span(0, len(title))
        pos = len(title) + 2
    paragraphs = []
    for para in body.split("\n\n"):
        paragraphs.append(Span(pos, pos + len(para)))
        parts.append(para + "\n\n")
        pos += len(para) + 2
    removed = []
    for kind, lines in (("source", source_lines), ("boilerplate", removed_lines)):
        for line in lines:
            removed.append(RemovedLine(pos, pos + len(line), line, kind))
            parts.append(line + "\n")
            pos += len(line) + 1
    text = "".join(parts)
    art = Article(id="t", source="t", path="t", format="text", text=text, title=title,
                  title_span=title_span, paragraphs=tuple(paragraphs), removed=tuple(removed),
                  credits=credits, publisher=publisher, lang=lang)
    return normalize_article(art)


def mentions(article: Article, names: dict[str, tuple[str, str, str]]) -> tuple[EntityMention, ...]:
    """Every occurrence (as a whole word) of each surface in ``names`` (surface -> (id, label,
    type)), longest surfaces first, without overlaps."""
    taken: list[tuple[int, int]] = []
    out = []
    for surface in sorted(names, key=len, reverse=True):
        eid, label, typ = names[surface]
        for m in re.finditer(r"(?<![\w\u200c])" + re.escape(surface) + r"(?![\w\u200c])", article.text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            in_title = article.title_span is not None and e <= article.title_span.end
            out.append(EntityMention(s, e, article.text[s:e], eid, label, typ, in_title=in_title))
    return tuple(sorted(out, key=lambda x: x.start))


def with_mentions(article: Article, names: dict[str, tuple[str, str, str]]) -> Article:
    return article.with_(entities=mentions(article, names))


@lru_cache(maxsize=1)
def context():
    """The real analysis context (knowledge base and options), built once for the tests."""
    try:
        from akhbar.analyze.context import AnalysisContext
    except ImportError:  # pragma: no cover - the context module is another analysis' work
        from akhbar.kb import KnowledgeBase

        return SimpleNamespace(kb=KnowledgeBase.load(), options=Options(workers=1))
    return AnalysisContext.build(Options(workers=1))


PUTIN = ("person/vladimir-putin", "Vladimir Putin", "person")
LAVROV = ("person/sergey-lavrov", "Sergey Lavrov", "person")
ERDOGAN = ("person/recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "person")
RUSSIA = ("country/RU", "Russia", "country")
TASS = ("outlet/tass", "TASS", "outlet")
