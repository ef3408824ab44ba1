"""Search hits in the original text: which words of an article a query matched, and a snippet.

The full-text index holds folded terms (``normalize.fold_for_search``), not the article's text,
so FTS5's own ``snippet()`` would show folded words. Here each word of the original text is
folded the same way (normalized for the article's language, then folded) and compared with the
query's alternatives (``normalize.query_terms``): the words that would have matched are marked
at their original offsets, whatever their spelling (``سرویسهای`` for ``سرویس‌های``, ``الإرهاب``
for ``ارهاب``, ``٢٠٢٢`` for ``2022``).
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup

from ..normalize import fold_for_search, normalize, query_terms
from .highlight import Mark, render

__all__ = ["wanted_terms", "hit_spans", "snippet"]

_CHUNK = re.compile(r"\S+")


def wanted_terms(query: str) -> frozenset[str]:
    """Every index term a query may match (the words of phrase alternatives too)."""
    out: set[str] = set()
    for alts in query_terms(query):
        for t in alts:
            out.update(t.split())
    return frozenset(out)


def hit_spans(text: str, lang: str | None, wanted: frozenset[str], *, stop_after: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` (original offsets) whose words match one of the ``wanted`` terms."""
    if not text or not wanted:
        return []
    norm = normalize(text, lang)
    spans: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(norm.text):
        terms = fold_for_search(m.group(), lang, normalized=True).split()
        if not wanted.isdisjoint(terms):
            spans.append(_trim(text, *norm.original_span(m.start(), m.end())))
            if stop_after is not None and len(spans) >= stop_after:
                break
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the punctuation around the word (``«الإرهاب،»`` -> ``الإرهاب``)."""
    while s < e and unicodedata.category(text[s])[0] not in "LN":
        s += 1
    while e > s and unicodedata.category(text[e - 1])[0] not in "LNM":
        e -= 1
    return s, e


def snippet(text: str, lang: str | None, wanted: frozenset[str], *, width: int = 260) -> Markup:
    """About ``width`` characters of ``text`` around its first hits, hits highlighted; the
    start of the text when nothing matches (the query matched another field)."""
    spans = hit_spans(text, lang, wanted, stop_after=8)
    if spans:
        first = spans[0][0]
        start = max(0, first - width // 3)
        if start:
            space = text.find(" ", start, first)
            start = space + 1 if space != -1 else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space != -1 else end
    marks = [Mark(s, e, "hit") for s, e in spans if s < end]
    html = render(text, marks, start, end)
    return Markup(("… " if start else "") + html + (" …" if end < len(text) else ""))
