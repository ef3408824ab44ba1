"""The pieces of an article an analysis reads (normalized title and body), sentence limits in
normalized text, and the way back from a normalized span to the article's own offsets.

A title that is only metadata (``article.title_span`` is None) is normalized here again against
``article.title`` itself, so a mention in it still gets its words: such mentions are reported
with ``start = end = 0`` and ``in_title=True``, and their ``text`` is taken from the title.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..normalize import normalize
from ..records import Article, NormalizedText

__all__ = ["Segment", "segments", "body_segment", "Sentences", "sentence_bounds", "norm_span"]

# A sentence ends at a run of . ! ? ؟ … followed by a space, a closing mark or the end (not
# inside a number: 2.5), or at a line break.
_CLOSERS = frozenset("\"'»”)]")
_AFTER_END = frozenset(" \t\n\"'»”)]")


@dataclass(frozen=True)
class Segment:
    """Normalized text whose map points into ``source`` (``article.text``, or ``article.title``
    for a metadata-only title: ``metadata`` is then True, and the map into the title is made
    only when a span is mapped back, with ``lang``)."""

    norm: NormalizedText
    source: str
    in_title: bool = False
    metadata: bool = False
    lang: str | None = None
    _title_map: list = field(default_factory=list, compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def original(self, start: int, end: int) -> tuple[int, int, str]:
        """(start, end, text) in the article for the normalized span; (0, 0, title words) for
        a metadata-only title."""
        if self.metadata:
            if not self._title_map:
                self._title_map.append(normalize(self.source, self.lang))
            title_norm = self._title_map[0]
            if title_norm.text != self.norm.text:  # not the same normalization: keep its words
                return 0, 0, self.norm.text[start:end]
            s, e = title_norm.original_span(start, end)
            return 0, 0, self.source[s:e]
        s, e = self.norm.original_span(start, end)
        return s, e, self.source[s:e]


def body_segment(article: Article) -> Segment | None:
    if article.norm_body is None:
        return None
    return Segment(article.norm_body, article.text)


def segments(article: Article, title: bool = True) -> list[Segment]:
    """The title (when ``title``) and the body of ``article`` as normalized segments."""
    out: list[Segment] = []
    if title and article.norm_title is not None and article.norm_title.text.strip():
        if article.title_span is not None:
            out.append(Segment(article.norm_title, article.text, in_title=True))
        elif article.title:
            # norm_title's map points to 0 (no place in the text); the map into the title
            # itself is made from the same normalization when a span needs it
            out.append(Segment(article.norm_title, article.title, in_title=True, metadata=True, lang=article.lang))
    body = body_segment(article)
    if body is not None:
        out.append(body)
    return out


def norm_span(norm: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """The normalized span covering the original span [start, end) (the inverse map)."""
    m = norm.to_original
    return bisect_left(m, start), bisect_left(m, end)


class Sentences:
    """The sentences of a normalized text, found once: :meth:`bounds` of a position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0]
        self._ends = []
        n = len(text)
        marks = []
        for ch in ".!?\u061f\u2026\n":  # str.find is much faster than a regex scan
            i = text.find(ch)
            while i >= 0:
                marks.append(i)
                i = text.find(ch, i + 1)
        marks.sort()
        run_start = -2
        prev = -2
        for i in marks:
            if i != prev + 1:
                run_start = i
            prev = i
            e = i + 1
            if e < n and (text[e] in ".!?\u061f\u2026\n"):
                continue  # the run goes on
            if text[i] != "\n" and e < n and text[e] not in _AFTER_END and "\n" not in text[run_start:e]:
                continue  # 2.5, U.S.A: not the end of a sentence
            while e < n and text[e] in _CLOSERS:
                e += 1  # «... .» : the closing mark belongs to the sentence that ends
            self._ends.append(run_start)
            self._starts.append(e)
        self._ends.append(len(text))

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``; end excludes the final punctuation."""
        i = bisect_right(self._starts, pos) - 1
        start, end = self._starts[i], self._ends[i]
        if end < pos:  # pos inside the final punctuation
            end = pos
        while start < end and self.text[start].isspace():
            start += 1
        return start, end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence of normalized ``text`` around ``pos`` (for one look; use
    :class:`Sentences` for many)."""
    return Sentences(text).bounds(pos)
