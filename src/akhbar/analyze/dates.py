"""The date analysis of an article: every date mention, the publication date and the event date.

``analyze_dates(article, context)`` fills ``Article.dates`` (a tuple of
:class:`~akhbar.records.DateMention`, in text order), ``Article.event_date`` and, when the input
gave none and the text does, ``Article.published`` (a given one is kept).

What is read: the title when it stands in the text (``title_span``; a title given only as
metadata is read too, but its dates only count as evidence for the event date: they have no
offsets in ``Article.text``), the body (``norm_body``), and the dateline lines the cleaner moved
out of the body (``removed`` with kind ``dateline``: "٢٦ أكتوبر ٢٠٢٢" is the publication date's
mention). Every mention's ``start``/``end`` are offsets into ``Article.text`` and its ``text``
is ``Article.text[start:end]``.

- **Absolute dates**: :func:`akhbar.dateparse.find_dates` on the normalized texts, mapped back
  with ``original_span``; ``calendar`` gregorian | jalali | hijri; ``value`` the Gregorian date
  of the date as written (``20 آذر 1380`` -> 2001-12-11 even when the text pairs it with 21
  December 1991); ``stated`` the date in its own calendar: ``1380-09-20``, ``1991-12`` (month
  and year), ``--10-16`` (day and month). A day and month without a year get the year that puts
  them nearest the publication date, when it is known. ``weekday``: the weekday written with it.
- **Twins**: two adjacent dates in different calendars, with only brackets, a slash, a dash, a
  comma or a link word (``الموافق``, ``برابر با``; ``date_cues.tsv``) between them, point at each
  other with ``twin`` (their indexes in ``Article.dates``); each keeps its own value, and the
  check stage compares them.
- **Relative dates**: :mod:`akhbar.analyze.relative` (``calendar`` "relative", ``offset_days``,
  ``weekday``; ``value`` = publication date + offset when the publication date is known). A
  weekday alone ("روز جمعه", "on Friday") is the most recent such day on or before publication
  (the next one on or after it when its clause is in the future tense); its ``offset_days`` and
  ``value`` stay None until the publication date is known. A week ("هفته گذشته", "last week")
  has ``offset_days`` = 7 per week and never a ``value``: it names a week, not a day.
- **Roles, publication date, event date**: :mod:`akhbar.analyze.eventdate`.

Language tables: ``data/analyze/<lang>/relative_dates.tsv`` and ``date_cues.tsv`` (format in
``data/analyze/DATES.md``). A language without tables gets absolute dates only.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from typing import Any

from ..dateparse import find_dates, from_gregorian, to_gregorian
from ..normalize import normalize
from ..records import Article, DateMention, NormalizedText
from .datetables import cue_table, norm_key, relative_table
from .eventdate import (CUE_WINDOW, LEAD_CHARS, LEAD_PARAGRAPHS, Cand, choose_event,
                        mark_background, propagate_background)
from .relative import find_relative, resolve

__all__ = ["analyze_dates"]

_TWIN_GAP = re.compile(r"[\s\u200c()\[\]/\-–—,،]+")
_TWIN_MAX_GAP = 24
_SENTENCE_BREAK = re.compile(r"[.!?؟؛\n]")
_SENTENCE_WINDOW = 300
_LINE_HEAD_END = re.compile(r"\s[-–—|]\s|:\s|\n")
_FUTURE_WINDOW = 60
_CLAUSE_BREAK = re.compile(r"[,،;؛]")
_NEXT_WORD = re.compile(r"[\s\u200c()]*([^\W\d_]+)")
_YEARLESS_AHEAD_DAYS = 31


def analyze_dates(article: Article, context: Any) -> Article:
    """The article with ``dates``, ``event_date`` and (when missing) ``published`` filled."""
    lang = article.lang
    given = _parse_iso(article.published)
    cands: list[Cand] = []
    for where, nt, shift, visible in _sources(article):
        cands += _find(article, nt, shift, where, visible, lang)
    _mark_publication(article, cands, lang)
    published = given or _infer_published(article, cands, lang)
    for c in cands:
        _resolve(c, published)
    mark_background(cands, published)
    event = choose_event(cands, published)
    reference = published or (event.value if event is not None else None)
    propagate_background(cands, reference)
    dates = _mentions(cands)
    changes: dict[str, Any] = {"dates": dates,
                               "event_date": event.value.isoformat() if event and event.value else None}
    if article.published is None and published is not None:
        changes["published"] = published.isoformat()
    return article.with_(**changes)


# -- where the dates are --------------------------------------------------------------------------


def _sources(article: Article):
    """(where, normalized text, offset shift, visible) for the title, body and dateline lines."""
    lang = article.lang
    if article.title_span is not None and article.norm_title is not None:
        yield "title", article.norm_title, 0, True
    elif article.title:
        # a title given only as metadata: normalize_article normalized it with a map to 0
        yield "meta", article.norm_title or normalize(article.title, lang), 0, False
    body = article.norm_body
    if body is None and article.paragraphs:
        from ..normalize import normalize_article  # an article that skipped the normalize stage

        body = normalize_article(article).norm_body
    if body is not None:
        yield "body", body, 0, True
    for r in article.removed:
        if r.kind == "dateline" and 0 <= r.start < r.end <= len(article.text):
            yield "dateline", normalize(article.text[r.start:r.end], lang), r.start, True


def _lead_end(article: Article) -> int:
    """The end (in ``Article.text``) of the lead: see :mod:`akhbar.analyze.eventdate`."""
    total, end = 0, 0
    for i, p in enumerate(article.paragraphs):
        if i >= LEAD_PARAGRAPHS or (i and total >= LEAD_CHARS):
            break
        total += p.end - p.start
        end = p.end
    return end


def _find(article: Article, nt: NormalizedText, shift: int, where: str, visible: bool,
          lang: str | None) -> list[Cand]:
    text = nt.text
    matches = find_dates(text, lang)
    spans = [(m.start, m.end) for m in matches]
    rel, anchors = find_relative(text, lang, spans)
    if not matches and not rel:
        return []
    starts = [p.start for p in article.paragraphs]
    lead_end = _lead_end(article) if where == "body" else 0
    sentences = _Sentences(text)
    cues = cue_table(lang)

    def make(s: int, e: int, calendar: str) -> Cand:
        os_, oe = nt.original_span(s, e)
        if visible:
            os_, oe = os_ + shift, oe + shift
        else:
            os_ = oe = 0
        w = where
        para = bisect_right(starts, os_) - 1 if where == "body" else -1
        if where == "body" and os_ < lead_end:
            w = "lead"
        c = Cand(w, visible, s, e, os_, oe, article.text[os_:oe] if visible else "", calendar)
        c.paragraph = para
        return c

    out: list[Cand] = []
    absolute: list[Cand] = []
    for m in matches:
        c = make(m.start, m.end, m.calendar)
        c.match = m
        c.value = m.value
        c.weekday = m.weekday
        c.stated = _stated(m.year, m.month, m.day)
        if m.value is None and m.year is not None and m.month is not None and m.day is None:
            c.approx = _first_day(m.calendar, m.year, m.month)
        absolute.append(c)
    for a in anchors:
        absolute[a.date_index].anchor = a.offset
    _link_twins(text, absolute, cues)
    for c in absolute:
        c.bg_cue = _background_cue(text, c, absolute, sentences, cues)
        c.future = _future_cue(text, c, sentences, cues) or _next_word_says_next(text, c.nend, lang)
    out += absolute
    for r in rel:
        c = make(r.start, r.end, "relative")
        c.match = r
        c.unit, c.offset, c.weekday, c.direction = r.unit, r.offset, r.weekday, r.direction
        if r.unit == "weekday":
            c.offset = None
            c.future = _future_cue(text, c, sentences, cues)
        out.append(c)
    return out


def _first_day(calendar: str, year: int, month: int) -> datetime.date | None:
    try:
        return to_gregorian(calendar, year, month, 1)
    except (ValueError, OverflowError):
        return None


def _next_word_says_next(text: str, end: int, lang: str | None) -> bool:
    """Is the date followed by a word meaning "next" ("21 أكتوبر المقبل", "۴ آبان آینده")? The
    ``wd_after`` words of direction 1 in ``relative_dates.tsv``."""
    table = relative_table(lang) if lang else None
    if table is None:
        return False
    m = _NEXT_WORD.match(text, end, end + 30)
    return m is not None and table.wd_after.get(norm_key(m.group(1)), 0) > 0


def _stated(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None:
        return None
    if year is not None and day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year is not None:
        return f"{year:04d}-{month:02d}"
    if day is not None:
        return f"--{month:02d}-{day:02d}"
    return None


# -- twins and cues ------------------------------------------------------------------------------


def _link_twins(text: str, absolute: list[Cand], cues) -> None:
    link = cues.get("twin", "between")
    for a, b in zip(absolute, absolute[1:]):
        if a.calendar == b.calendar or a.twin is not None:
            continue
        gap = text[a.nend:b.nstart]
        if len(gap) > _TWIN_MAX_GAP or "\n" in gap:
            continue
        stripped = _TWIN_GAP.sub(" ", gap).strip()
        if stripped and (link is None or not _whole(link, stripped)):
            continue
        a.twin, b.twin = b, a


def _whole(rx: re.Pattern, s: str) -> bool:
    m = rx.match(s)
    return m is not None and m.end() == len(s)


class _Sentences:
    """The sentence around a stretch of text, looked for within :data:`_SENTENCE_WINDOW`
    characters (a dot between digits, ``2.5``, does not end a sentence)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def _is_break(self, i: int) -> bool:
        t = self.text
        if t[i] != ".":
            return True
        return not (0 < i < len(t) - 1 and t[i - 1].isdigit() and t[i + 1].isdigit())

    def bounds(self, s: int, e: int) -> tuple[int, int]:
        t = self.text
        lo = max(0, s - _SENTENCE_WINDOW)
        for m in reversed(list(_SENTENCE_BREAK.finditer(t, lo, s))):
            if self._is_break(m.start()):
                lo = m.end()
                break
        hi = min(len(t), e + _SENTENCE_WINDOW)
        for m in _SENTENCE_BREAK.finditer(t, e, hi):
            if self._is_break(m.start()):
                hi = m.start()
                break
        return lo, hi


def _background_cue(text: str, c: Cand, absolute: list[Cand], sentences: _Sentences, cues) -> bool:
    rx_any, rx_before = cues.get("background", "any"), cues.get("background", "before")
    if rx_any is None and rx_before is None:
        return False
    lo, hi = sentences.bounds(c.nstart, c.nend)
    lo, hi = max(lo, c.nstart - CUE_WINDOW), min(hi, c.nend + CUE_WINDOW)
    others = [(o.nstart, o.nend) for o in absolute if o is not c and lo <= o.nstart < hi]
    for rx, end in ((rx_before, c.nstart), (rx_any, hi)):
        if rx is None:
            continue
        for m in rx.finditer(text, lo, end):
            if c.nstart <= m.start() < c.nend:
                continue
            a, b = (m.end(), c.nstart) if m.start() < c.nstart else (c.nend, m.start())
            if not any(a <= s and e <= b for s, e in others):
                return True
    return False


def _future_cue(text: str, c: Cand, sentences: _Sentences, cues) -> bool:
    """Is the verb of the date's clause in the future? (a cue between the date and the nearest
    comma or sentence end, within :data:`_FUTURE_WINDOW` characters)"""
    before, after = cues.get("future", "before"), cues.get("future", "after")
    if before is None and after is None:
        return False
    lo, hi = sentences.bounds(c.nstart, c.nend)
    if before is not None:
        a = max(lo, c.nstart - _FUTURE_WINDOW)
        m = None
        for m in _CLAUSE_BREAK.finditer(text, a, c.nstart):
            pass
        if before.search(text, m.end() if m else a, c.nstart):
            return True
    if after is not None:
        b = min(hi, c.nend + _FUTURE_WINDOW)
        m = _CLAUSE_BREAK.search(text, c.nend, b)
        if after.search(text, c.nend, m.start() if m else b):
            return True
    return False


# -- publication date, values ---------------------------------------------------------------------


def _parse_iso(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _mark_publication(article: Article, cands: list[Cand], lang: str | None) -> None:
    """Dateline dates (a dateline line, or the head of the first paragraph) date the publication."""
    for c in cands:
        if c.where == "dateline":
            c.role = "publication"
    head = _lead_dateline(article, cands, lang)
    if head is not None:
        head.role = "publication"


def _infer_published(article: Article, cands: list[Cand], lang: str | None) -> datetime.date | None:
    """The publication date the text gives (see :mod:`akhbar.analyze.eventdate`), or None."""
    for c in cands:
        if c.where == "dateline" and c.value is not None:
            return c.value
    head = next((c for c in cands if c.where == "lead" and c.role == "publication"), None)
    if head is not None:
        return head.value
    for c in cands:
        if c.anchor is not None and c.value is not None and c.where in ("title", "meta", "lead"):
            try:
                return c.value - datetime.timedelta(days=c.anchor)
            except OverflowError:
                continue
    return None


def _lead_dateline(article: Article, cands: list[Cand], lang: str | None) -> Cand | None:
    """A complete date opening the first paragraph as a dateline ("تهران - ایرنا - ۴ آبان ۱۴۰۱ -")."""
    first = next((c for c in cands if c.where == "lead" and not c.relative), None)
    if first is None or first.value is None or first.paragraph != 0 or not article.paragraphs:
        return None
    p = article.paragraphs[0]
    if first.start - p.start > 60:
        return None
    m = _LINE_HEAD_END.search(article.text, first.end, min(p.end, first.end + 40))
    head = article.text[p.start:m.start() if m else p.end]
    if len(head) > 120:
        return None
    from ..clean.dateline import parse_dateline  # local: the clean stage is not needed otherwise

    iso = parse_dateline(head, lang)
    return first if iso == first.value.isoformat() else None


def _resolve(c: Cand, published: datetime.date | None) -> None:
    if c.relative:
        offset, value = resolve(c.match, published, forward=c.future)
        c.offset, c.value = offset, value
        return
    m = c.match
    if c.value is None and published is not None and m.year is None and m.month and m.day:
        c.value = _year_for(m.calendar, m.month, m.day, published, c.future)


def _year_for(calendar: str, month: int, day: int, published: datetime.date,
              forward: bool) -> datetime.date | None:
    """The date ``day month`` written without a year: the last one up to
    :data:`_YEARLESS_AHEAD_DAYS` after publication (news mostly looks back: "17 ديسمبر" in July
    is last December), or, in a future clause or before a "next" word, the first one from the
    day before publication on."""
    try:
        year = from_gregorian(calendar, published)[0]
    except (ValueError, OverflowError):
        return None
    p = published.toordinal()
    options = []
    for y in (year - 1, year, year + 1):
        try:
            options.append(to_gregorian(calendar, y, month, day))
        except (ValueError, OverflowError):
            continue
    if forward:
        later = [d for d in options if d.toordinal() >= p - 1]
        return min(later) if later else None
    earlier = [d for d in options if d.toordinal() <= p + _YEARLESS_AHEAD_DAYS]
    return max(earlier) if earlier else None


# -- output ---------------------------------------------------------------------------------------


def _mentions(cands: list[Cand]) -> tuple[DateMention, ...]:
    shown = sorted((c for c in cands if c.visible and c.end > c.start), key=lambda c: (c.start, c.end))
    index = {id(c): i for i, c in enumerate(shown)}
    out = []
    for c in shown:
        twin = index.get(id(c.twin)) if c.twin is not None else None
        out.append(DateMention(
            start=c.start, end=c.end, text=c.text, calendar=c.calendar,
            value=c.value.isoformat() if c.value is not None else None,
            stated=c.stated, twin=twin, offset_days=c.offset, weekday=c.weekday, role=c.role,
        ))
    return tuple(out)

