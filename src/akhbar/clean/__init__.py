"""The clean stage: a :class:`~akhbar.records.RawDoc` becomes an :class:`~akhbar.records.Article`.

Plain text goes through the line classifier (:mod:`akhbar.clean.text`); HTML through
trafilatura with ZWNJ protected (:mod:`akhbar.clean.html`), then the classifier's cue rules.
Either way the result keeps the text as ingested (or as extracted, for HTML) in
``Article.text``, and every span, paragraph and removed line points into it.
"""

from __future__ import annotations

from ..options import Options
from ..records import Article, RawDoc, content_id

__all__ = ["CleanError", "clean", "clean_text"]


class CleanError(ValueError):
    """An item that has no usable article text, or that is refused (too deep, too long)."""


def clean_text(raw: RawDoc, options: Options) -> Article:
    """Clean a plain-text item with the line classifier."""
    from .text import classify

    text = raw.content
    if len(text) > options.max_article_chars:
        raise CleanError(f"article longer than max_article_chars ({len(text)} > {options.max_article_chars})")
    if not text.strip():
        raise CleanError("no article text: the item is empty")
    result = classify(text, title_hint=raw.title, publisher=raw.publisher)
    if not result.paragraphs:
        what = "only a title" if result.title_span else "only boilerplate"
        raise CleanError(f"no article text after cleaning ({what}: {len(result.removed)} line(s) removed)")
    return Article(
        id=content_id(text),
        source=raw.source,
        path=raw.path,
        format=raw.format,
        text=text,
        title=result.title,
        title_span=result.title_span,
        paragraphs=tuple(result.paragraphs),
        removed=tuple(result.removed),
        published=raw.published or result.published,
        publisher=raw.publisher,
        credits=tuple(result.credits),
        url=raw.url,
        author=raw.author,
        encoding=raw.encoding,
    )


def clean(raw: RawDoc, options: Options) -> Article:
    """Clean one item: dispatch on ``raw.format`` ("text" or "html").

    Raises :class:`CleanError` for an item with no usable text, HTML nested deeper than
    ``options.max_html_depth``, or text longer than ``options.max_article_chars``.
    """
    if raw.format == "html":
        from .html import clean_html

        return clean_html(raw, options)
    return clean_text(raw, options)
