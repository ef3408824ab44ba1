"""Hand-built articles for unit tests that need no pipeline (dates and figures set by hand)."""

from __future__ import annotations

from akhbar.records import Article, DateMention, Quantity, Span, content_id


def article(text: str, *, title_end: int | None = None, dates=(), quantities=(), lang: str = "fa") -> Article:
    """An article whose title is ``text[:title_end]`` (None: no title) and whose body is the rest."""
    body_start = (title_end + 1) if title_end is not None else 0
    return Article(
        id=content_id(text), source="t", path="t", format="text", text=text,
        title=text[:title_end] if title_end is not None else None,
        title_span=Span(0, title_end) if title_end is not None else None,
        paragraphs=(Span(body_start, len(text)),), lang=lang,
        dates=tuple(dates), quantities=tuple(quantities),
    )


def date(text: str, whole: str, calendar: str, value: str | None, stated: str | None, *,
         twin: int | None = None, weekday: int | None = None, after: int = 0) -> DateMention:
    """The mention of ``text`` in ``whole`` (the first one at or after ``after``)."""
    start = whole.index(text, after)
    return DateMention(start, start + len(text), text, calendar, value, stated, twin=twin, weekday=weekday)


def quantity(text: str, whole: str, *, value=None, low=None, high=None, unit=None, counted=None,
             in_title=False, after: int = 0) -> Quantity:
    start = whole.index(text, after)
    return Quantity(start, start + len(text), text, value=value, low=low, high=high, unit=unit,
                    counted=counted, in_title=in_title)
