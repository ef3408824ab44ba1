"""The check stage: where reports disagree.

Within one article (:func:`check_article`, a pipeline component, pure and per-article):

- ``calendar_mismatch``: a date given in two calendars side by side whose halves disagree
  ("21 دسامبر 1991 (20 آذر 1380)": 21 December 1991 is 30 Azar 1370);
- ``weekday_mismatch``: a weekday written with a date that falls on another day;
- ``headline_body_mismatch``: the title's figure for something against the body's figure for
  the same thing (7,000 in the title, 5,000 to 7,000 in the body: an overstatement).

Between the reports of one event (:func:`check_event`, on :class:`Report` s built from processed
articles or from stored article objects): ``quantity_conflict``, ``venue_conflict``,
``date_conflict``, ``speaker_conflict``; and :func:`find_claims`: the same claim (a speaker, a
figure, what it counts) found in several articles and languages.

Every flag quotes its statements with their articles and offsets and explains itself in one
English sentence (:class:`akhbar.records.Flag`). Language knowledge: ``data/check/``.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Article, Flag
from .claims import find_claims
from .dates import calendar_flags, weekday_flags
from .event import check_event
from .figures import Figure
from .headline import headline_flags
from .report import Report, article_figures

__all__ = ["check_article", "check_event", "find_claims", "Report", "article_flags", "article_figures"]


def article_flags(article: Article, figures: list[Figure] | None = None) -> list[Flag]:
    """The flags within one article, in text order of their first statement. ``figures``: the
    article's :func:`article_figures`, when the caller has them already."""
    if figures is None:
        figures = article_figures(article)
    flags = calendar_flags(article) + weekday_flags(article) + headline_flags(figures, article.title)
    flags.sort(key=lambda f: (f.statements[0].start, f.kind) if f.statements else (0, f.kind))
    return flags


def check_article(article: Article, figures: list[Figure] | None = None) -> Article:
    """The article with ``flags`` filled (see the module docstring)."""
    return replace(article, flags=tuple(article_flags(article, figures)))
