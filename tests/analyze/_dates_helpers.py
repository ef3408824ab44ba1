"""Build analyzed articles for the date tests without the language detector."""

from __future__ import annotations

from types import SimpleNamespace

from akhbar.analyze.dates import analyze_dates
from akhbar.normalize import normalize_article
from akhbar.options import Options
from akhbar.records import Article, RemovedLine, Span

CONTEXT = SimpleNamespace(options=Options(workers=1))


def make_article(text: str, lang: str, *, title: bool = True, published: str | None = None,
                 dateline: str | None = None, meta_title: str | None = None) -> Article:
    """An article of ``text``: paragraphs split at blank lines, the first one the title when
    ``title``; ``dateline``: a line put before the body and recorded as a removed dateline."""
    full = (dateline + "\n\n" if dateline else "") + text
    spans, pos = [], 0
    for block in full.split("\n\n"):
        start = full.index(block, pos)
        pos = start + len(block)
        if block.strip():
            spans.append(Span(start, pos))
    removed = ()
    if dateline:
        d = spans.pop(0)
        removed = (RemovedLine(d.start, d.end, full[d.start:d.end], "dateline"),)
    title_span = spans.pop(0) if title else None
    article = Article(
        id="t", source="t", path="t", format="text", text=full,
        title=full[title_span.start:title_span.end] if title_span else meta_title,
        title_span=title_span, paragraphs=tuple(spans), removed=removed, published=published,
        lang=lang,
    )
    return normalize_article(article)


def analyze(text: str, lang: str, **kw) -> Article:
    return analyze_dates(make_article(text, lang, **kw), CONTEXT)


def relative(article: Article) -> list:
    return [d for d in article.dates if d.calendar == "relative"]


def texts(article: Article, calendar: str | None = None) -> list[str]:
    return [d.text for d in article.dates if calendar is None or d.calendar == calendar]


def check_spans(article: Article) -> None:
    for d in article.dates:
        assert 0 <= d.start <= d.end <= len(article.text)
        assert article.text[d.start:d.end] == d.text
        if d.twin is not None:
            assert article.dates[d.twin].twin == article.dates.index(d)
