"""The normalize stage: per-language normalization with a map back to the original text."""

from __future__ import annotations

from array import array

from ..records import Article, NormalizedText
from . import neutral, offsets, persian
from .arabic import normalize_ar

__all__ = ["normalize", "normalize_mapped", "normalize_article"]


def normalize(text: str, lang: str | None) -> NormalizedText:
    """Normalize ``text`` for language ``lang`` (ISO 639-1; None or another code: only the
    language-neutral steps). ``to_original`` offsets point into ``text``."""
    norm, m = normalize_mapped(text, offsets.identity(len(text)), lang)
    return NormalizedText(norm, m)


def normalize_mapped(text: str, m: array, lang: str | None) -> tuple[str, array]:
    """The steps, on a text whose characters come from the offsets ``m`` (len(text) + 1).

    The order matters for idempotence: spaces are collapsed after every step that can delete
    characters and before the steps that look at spaces; numbers come last and only insert a
    space between a digit and a letter.
    """
    text, m = neutral.clean_characters(text, m)
    if lang == "fa":
        text, m = persian.normalize_letters(text, m)
        text, m = persian.clean_zwnj(text, m)
        text, m = neutral.collapse_spaces(text, m)
        text, m = persian.join_affixes(text, m)
        text, m = persian.repair_glued(text, m)
    else:
        if lang == "ar":
            text, m = normalize_ar(text, m)
        text, m = neutral.collapse_spaces(text, m)
    return neutral.numbers(text, m)


def normalize_article(article: Article) -> Article:
    """The article with ``norm_title`` and ``norm_body`` filled for ``article.lang``.

    ``norm_body`` is the paragraphs, normalized, joined by blank lines; every character maps
    into ``article.text`` (a separator maps to the end of the paragraph before it). The title
    maps into its span of ``article.text``, or to offset 0 when it is only metadata.
    """
    lang = article.lang
    norm_title = None
    if article.title_span is not None:
        s, e = article.title_span.start, article.title_span.end
        t, tm = normalize_mapped(article.text[s:e], offsets.identity(e - s, s), lang)
        norm_title = NormalizedText(t, tm)
    elif article.title is not None:
        t, _ = normalize_mapped(article.title, offsets.identity(len(article.title)), lang)
        norm_title = NormalizedText(t, array("i", [0]) * (len(t) + 1))
    parts: list[str] = []
    m = array("i")
    prev_end = 0
    for i, p in enumerate(article.paragraphs):
        if i:
            parts.append("\n\n")
            m.extend((prev_end, prev_end))
        parts.append(article.text[p.start : p.end])
        m.extend(offsets.span_map(p.start, p.end))
        prev_end = p.end
    m.append(prev_end)
    b, bm = normalize_mapped("".join(parts), m, lang)
    return article.with_(norm_title=norm_title, norm_body=NormalizedText(b, bm))
