"""Relative dates: "روز گذشته", "اليوم (الاثنين)", "أول من أمس", "в пятницу", "last Friday".

:func:`find_relative` finds them in a normalized text with the tables of
``data/analyze/<lang>/relative_dates.tsv`` (:mod:`akhbar.analyze.datetables`);
:func:`resolve` turns one into an offset and a date once the publication date is known.

How a text is searched (one regex pass over the text; everything else happens at the few hits):

- the *core* words (day and week phrases, weekday names) are found by one compiled trie with no
  lookbehind (a lookbehind at the head of a pattern costs Python's ``re`` its fast first-character
  scan); a hit must start a word, or follow one of the language's proclitics (``واليوم``);
- a weekday takes the word before it (``روز``, ``يوم``, ``в``, ``on``, ``last``) or a direction
  word after it (``گذشته``, ``الماضي``); a day word takes a weekday after it (``أمس الجمعة``,
  ``اليوم (الاثنين)``), a weekday a day word in brackets (``الاثنين (أمس)``); both take a part of
  the day before or after (``صباح``, ``вечером``). A weekday alone counts only in languages whose
  table says so (``جمعه``, ``الخميس``, ``Friday``; not Russian ``пятница``);
- blocked: a phrase whose neighbouring word is in the table's block lists (``نماز جمعه``,
  ``اليوم الوطني``, ``في اليوم``, ``Good Friday``; ``<number>`` stands for any number:
  ``3 روز گذشته`` is "the past three days"), the last word of a quoted name (``«روسيا اليوم»``),
  and in Latin and Cyrillic script a day word written with a capital inside a sentence
  (``Russia Today``, ``Россия Сегодня``);
- a phrase that overlaps an absolute date is not a second mention (the weekday of ``الأربعاء 26
  أكتوبر``); a day word right before an absolute date (``اليوم الأربعاء 26 أكتوبر``) is not a
  mention either but an *anchor*: it says that the date is the publication date plus its offset.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import dataclass

from .datetables import NUMBER, RelativeTable, norm_key, relative_table

__all__ = ["RelativeMatch", "Anchor", "find_relative", "resolve", "weekday_offset"]

_SPACE_CHARS = " \u00a0\u200c"
_NEXT_WORD = re.compile(r"[ \u00a0\u200c]*([^\W_]+)")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+\Z")
# what may stand between an anchoring day word and the date (or the date's weekday)
_ANCHOR_GAP = re.compile(r"[\s\u200c,،:()\-–—]{0,4}")
_OPEN_QUOTES = "«\"“„'‘‹"
_CLOSE_QUOTES = "»\"”'’›"
_SENTENCE_END = ".!?؟\n:«\"“"
_QUOTE_WINDOW = 30


@dataclass(frozen=True)
class RelativeMatch:
    """A relative expression at ``start:end`` of the searched text.

    ``unit`` is ``"day"`` (``offset`` in days), ``"week"`` (``offset`` in weeks) or
    ``"weekday"`` (``weekday`` named, ``direction`` -1 the last one before, 0 the most recent on
    or before, 1 the next one after publication). A day phrase with a weekday beside it
    (``أمس الجمعة``) has both ``offset`` and ``weekday``.
    """

    start: int
    end: int
    text: str
    unit: str
    offset: int | None = None
    weekday: int | None = None
    direction: int = 0


@dataclass(frozen=True)
class Anchor:
    """A day word right before an absolute date: the date is publication + ``offset``."""

    start: int
    end: int
    date_index: int  # index into the absolute spans given to find_relative
    offset: int


def find_relative(text: str, lang: str | None,
                  taken: list[tuple[int, int]] | tuple = ()) -> tuple[list[RelativeMatch], list[Anchor]]:
    """Relative expressions in the normalized ``text`` of language ``lang``.

    ``taken``: the spans of the absolute dates already found in ``text`` (sorted, not
    overlapping). Returns the mentions and the anchors (see the module docstring)."""
    table = relative_table(lang) if lang else None
    if table is None or not text:
        return [], []
    starts = [s for s, _ in taken]
    found: list[RelativeMatch] = []
    anchors: list[Anchor] = []
    for m in table.anchor.finditer(text):
        s, e = m.span()
        if not _starts_word(text, s, table):
            continue
        if not _ends_word(text, e):
            m = table.anchor_word.match(text, s)
            if m is None:
                continue
            e = m.end()
        k = norm_key(m.group())
        unit = table.kind(k)
        if unit is None:
            continue
        hit = _extend(text, s, e, k, unit, table)
        if hit is None:
            continue
        # an absolute date overlapping, or right after a day word
        i = bisect_left(starts, hit.end)
        j = i - 1
        if j >= 0 and taken[j][1] > hit.start:
            if unit == "day" and e <= taken[j][0] and _ANCHOR_GAP.fullmatch(text, e, taken[j][0]):
                anchors.append(Anchor(s, e, j, table.day[k]))
            continue
        if unit == "day" and i < len(taken) and _ANCHOR_GAP.fullmatch(text, hit.end, taken[i][0]):
            anchors.append(Anchor(s, e, i, table.day[k]))
            continue
        if found and found[-1].end > hit.start:
            continue
        found.append(hit)
    return found, anchors


def _starts_word(text: str, s: int, table: RelativeTable) -> bool:
    if s == 0 or not _is_letter(text[s - 1]):
        return s == 0 or not (text[s - 1] == "\u200c" and s > 1 and _is_letter(text[s - 2]))
    m = _LETTERS_BEFORE.search(text, max(0, s - 4), s)
    if m is None or norm_key(m.group()) not in table.proclitics:
        return False
    p = m.start()
    return p == 0 or not _is_letter(text[p - 1])


def _ends_word(text: str, e: int) -> bool:
    if e >= len(text):
        return True
    c = text[e]
    if c == "\u200c":
        return e + 1 >= len(text) or not text[e + 1].isalpha()
    return not c.isalpha()


def _is_letter(c: str) -> bool:
    return c.isalpha()


def _word_before(text: str, pos: int, comma: bool = False) -> tuple[int, int] | None:
    """The word (a run of letters) or number ending right before ``pos`` with at most three
    spaces between (and, with ``comma``, a comma), as ``(start, end)``; None when there is none."""
    j, n = pos, 0
    while j > 0 and text[j - 1] in _SPACE_CHARS and n < 3:
        j, n = j - 1, n + 1
    if comma and j > 0 and text[j - 1] in ",،":
        j, n = j - 1, 0
        while j > 0 and text[j - 1] in _SPACE_CHARS and n < 3:
            j, n = j - 1, n + 1
    if j == 0:
        return None
    c = text[j - 1]
    test = str.isdigit if c.isdigit() else str.isalpha if c.isalpha() else None
    if test is None:
        return None
    i = j - 1
    while i > 0 and test(text[i - 1]):
        i -= 1
    return i, j


def _prev_word(text: str, pos: int) -> str:
    """The key of the word right before ``pos`` (only spaces between), :data:`NUMBER` for a number."""
    w = _word_before(text, pos)
    if w is None:
        return ""
    return NUMBER if text[w[0]].isdigit() else norm_key(text[w[0]:w[1]])


def _phrase_before(text: str, pos: int, keys: frozenset | dict, lasts: frozenset,
                   proclitics: frozenset, comma: bool = False) -> int:
    """Where a phrase of ``keys`` (up to three words) ending right before ``pos`` starts, or -1.
    ``lasts``: the keys of the phrases' last words (most words fail that test at once); the first
    word may carry a proclitic (``وفي وقت سابق``)."""
    w = _word_before(text, pos, comma)
    if w is None:
        return -1
    last = norm_key(text[w[0]:w[1]])
    if last not in lasts and not (last[:1] in proclitics or last[:2] in proclitics or last[:3] in proclitics):
        return -1
    best, first, end = -1, w, w[1]
    for n in range(3):
        if n:
            first = _word_before(text, first[0])
            if first is None:
                break
        k = norm_key(text[first[0]:end])
        if k in keys:
            best = first[0]
        else:
            for n_p in range(1, min(3, len(k) - 1) + 1):
                if k[:n_p] in proclitics and k[n_p:] in keys:  # "وفي وقت سابق"
                    best = first[0] + n_p
                    break
    return best


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, pos + 30)
    return norm_key(m.group(1)) if m else ""


def _extend(text: str, s: int, e: int, k: str, unit: str, t: RelativeTable) -> RelativeMatch | None:
    """The whole phrase around the core word ``text[s:e]``, or None when it is blocked."""
    prev = _prev_word(text, s)
    if _blocked_before(t, k, unit, prev):
        return None
    start, end = s, e
    offset = weekday = None
    direction = 0
    if unit == "day":
        offset = t.day[k]
        m = t.attached_weekday.match(text, e)
        if m:
            weekday = t.weekday.get(norm_key(m.group("w1") or m.group("w2")))
            end = m.end()
    elif unit == "week":
        offset = t.week[k]
    else:
        weekday = t.weekday[k]
        extended = False
        b = _phrase_before(text, s, t.wd_before, t.wd_before_lasts, t.proclitics)
        if b >= 0:
            direction = t.wd_before[norm_key(text[b:s])]
            start, extended = b, True
            if _blocked_before(t, k, unit, _prev_word(text, start)):
                return None
        m = t.after_weekday.match(text, e)
        if m:
            direction = t.wd_after.get(norm_key(m.group("w")), direction)
            end, extended = m.end(), True
        else:
            m = t.attached_day.match(text, e)
            if m:
                offset = t.day.get(norm_key(m.group("w")))
                unit, end, extended = "day", m.end(), True
        if not extended and not t.bare_weekday:
            return None
    b = _phrase_before(text, start, t.part_before, t.part_before_lasts, t.proclitics, comma=True)
    if b >= 0:
        start = b
    m = t.after_part.match(text, end)
    if m:
        end = m.end()
    if t.blocked(t.block_after, k, unit, _next_word(text, end)):
        return None
    if _quoted_name(text, s, e, end):
        return None
    if t.kind(k) != "weekday" and _capital_inside_sentence(text, s):
        return None
    return RelativeMatch(start, end, text[start:end], unit, offset, weekday, direction)


def _blocked_before(t: RelativeTable, k: str, unit: str, word: str) -> bool:
    """Is ``word`` (or ``word`` without a proclitic: ``وفي``) a blocker before phrase ``k``?"""
    if t.blocked(t.block_before, k, unit, word):
        return True
    return len(word) > 2 and word[0] in t.proclitics and t.blocked(t.block_before, k, unit, word[1:])


def _quoted_name(text: str, s: int, e: int, end: int) -> bool:
    """Is the core word the last word of a quoted name (``«روسيا اليوم»``, ``"Today"``)?"""
    if end != e:
        return False
    while e < len(text) and text[e] in " \u00a0":
        e += 1
    if e >= len(text) or text[e] not in _CLOSE_QUOTES:
        return False
    if text[e] in "'’" and e + 1 < len(text) and text[e + 1].isalpha():
        return False  # "today's": an apostrophe, not a closing quote
    window = text[max(0, s - _QUOTE_WINDOW):s]
    opened = max(window.rfind(q) for q in _OPEN_QUOTES)
    if opened < 0:
        return False
    inside = window[opened + 1:]
    if "\n" in inside or any(q in inside for q in _CLOSE_QUOTES):
        return False
    return len(inside.split()) <= 2  # a short name: at most two words before the core word


def _capital_inside_sentence(text: str, s: int) -> bool:
    """A day word with a capital inside a sentence is part of a name ("Russia Today")."""
    c = text[s]
    if not c.isupper() or c.lower() == c.upper():
        return False
    j = s - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] not in _SENTENCE_END and not text[j].isdigit()


def weekday_offset(published: datetime.date, weekday: int, direction: int) -> int:
    """Days from ``published`` to the named weekday: the most recent on or before it
    (direction 0, -6..0), the last one before it (-1, -7..-1), the next one after it (1, 1..7)."""
    d = published.weekday()
    if direction < 0:
        return -(((d - weekday - 1) % 7) + 1)
    if direction > 0:
        return ((weekday - d - 1) % 7) + 1
    return -((d - weekday) % 7)


def resolve(match: RelativeMatch, published: datetime.date | None,
            forward: bool = False) -> tuple[int | None, datetime.date | None]:
    """``(offset_days, value)`` of a relative expression against the publication date.

    A day phrase has its offset whatever the publication date; a week phrase has its offset in
    days (7 per week) and never a value (it names a week, not a day); a weekday has neither until
    the publication date is known. ``forward``: a weekday with no direction word in a sentence
    whose verb is in the future is the next such day on or after publication."""
    if match.unit == "week":
        return (match.offset * 7 if match.offset is not None else None), None
    if match.unit == "day":
        if match.offset is None:
            return None, None
        return match.offset, _add(published, match.offset)
    if published is None or match.weekday is None:
        return None, None
    if forward and match.direction == 0:
        off = (match.weekday - published.weekday()) % 7
    else:
        off = weekday_offset(published, match.weekday, match.direction)
    return off, _add(published, off)


def _add(d: datetime.date | None, days: int) -> datetime.date | None:
    if d is None:
        return None
    try:
        return d + datetime.timedelta(days=days)
    except OverflowError:
        return None
