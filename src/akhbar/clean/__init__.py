"""The clean stage: a :class:`~akhbar.records.RawDoc` becomes an :class:`~akhbar.records.Article`.

Plain text goes through the line classifier (:mod:`akhbar.clean.text`); HTML through
trafilatura with ZWNJ protected (:mod:`akhbar.clean.html`), then the classifier's cue rules.
Either way the result keeps the text as ingested (or as extracted, for HTML) in
``Article.text``, and every span, paragraph and removed line points into it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..options import Options
from ..records import Article, RawDoc, content_id

__all__ = ["CleanError", "clean", "clean_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")


class CleanError(ValueError):
    """An item that has no usable article text, or that is refused (too deep, too long)."""


def with_title(text: str, title: str | None) -> str:
    """The article text with its given title on top, unless the text already starts with it.

    A JSON record, feed entry or web page gives the headline apart from the body; putting it
    into the text keeps one offset space for everything (a headline's number is checked
    against the body's) and makes the content hash cover the headline.
    """
    if not title or not title.strip():
        return text
    fold = lambda s: " ".join(s.split()).casefold()  # noqa: E731
    want = fold(title)
    top = [fold(ln) for ln in text.splitlines()[:40] if ln.strip()][:6]
    for line in top:  # the page may open with a language switcher or a menu line
        if line == want or want in line or (line in want and len(line) >= 0.5 * len(want)):
            return text
    return title.strip() + "\n\n" + text


def article_id(text: str, publisher: str | None) -> str:
    """Content hash of the text, and of the outlet when the input names one, so the same wire
    story published by two outlets is two articles (their copies are found by linking), while
    the same file ingested twice is one."""
    return content_id(text if not publisher else text + "\n\x00" + publisher)


def clean_text(raw: RawDoc, options: Options) -> Article:
    """Clean a plain-text item with the line classifier."""
    from .text import classify

    text = with_title(raw.content, raw.title)
    if len(text) > options.max_article_chars:
        raise CleanError(f"article longer than max_article_chars ({len(text)} > {options.max_article_chars})")
    if not text.strip():
        raise CleanError("no article text: the item is empty")
    result = classify(text, title_hint=raw.title, publisher=raw.publisher)
    if not result.paragraphs:
        what = "only a title" if result.title_span else "only boilerplate"
        raise CleanError(f"no article text after cleaning ({what}: {len(result.removed)} line(s) removed)")
    return make_article(raw, text, result, publisher=raw.publisher, published=raw.published,
                        url=raw.url, author=raw.author)


def make_article(raw: RawDoc, text: str, result, *, publisher, published, url, author) -> Article:
    """The Article of a cleaned item: ``result`` is the line classifier's answer over ``text``;
    the metadata given by the input (or found in the page) wins over what the text says."""
    return Article(
        id=article_id(text, publisher),
        source=raw.source,
        path=raw.path,
        format=raw.format,
        text=text,
        title=result.title,
        title_span=result.title_span,
        paragraphs=tuple(result.paragraphs),
        removed=tuple(result.removed),
        published=published or result.published,
        publisher=publisher,
        credits=tuple(result.credits),
        url=url,
        author=author,
        encoding=raw.encoding,
    )


def clean(raw: RawDoc, options: Options) -> Article:
    """Clean one item: dispatch on ``raw.format`` ("text" or "html").

    Raises :class:`CleanError` for an item with no usable text, HTML nested deeper than
    ``options.max_html_depth``, or text longer than ``options.max_article_chars``.
    """
    if any(f and _SURROGATE.search(f) for f in (raw.content, raw.source, raw.path, raw.title, raw.url,
                                                   raw.publisher, raw.author)):
        # a RawDoc not made by ingest (which never yields them): lone surrogates would break the
        # content hash and the store; each becomes U+FFFD (or \xNN in a path), offsets unchanged
        from ..ingest.reader import storable

        raw = storable(raw)
    if raw.title is not None:
        # a title is one line: one broken by a newline would be looked for as one line and
        # not found (ingest folds the titles it reads; a RawDoc made elsewhere may not)
        title = " ".join(raw.title.split()) or None
        if title != raw.title:
            raw = replace(raw, title=title)
    if raw.format == "html":
        from .html import clean_html

        return clean_html(raw, options)
    return clean_text(raw, options)
