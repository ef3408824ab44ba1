"""Plain text: a line-level boilerplate classifier built like jusText's block classifier.

Each non-blank line is one unit. The classifier works in three passes, and every removal
records the rule that decided it (``RemovedLine.reason``):

1. **Cues** (data files, see :mod:`akhbar.clean.tables`): short lines that are comment prompts,
   related-news headers, end-of-message markers, photo credits, share/print buttons, tag lists,
   captcha, ads, navigation, copyright, "source:" credits, datelines, language switchers, links
   and menus are removed outright ("hard" decisions).
2. **Features**, as jusText does on HTML blocks: length in words, stopword density (function
   words per token), sentence-final punctuation. A line is ``good`` (a paragraph of prose),
   ``near`` (prose-like but short), ``short`` (too short to tell: headings, names, menu items)
   or ``bad`` (long but with almost no function words: tag clouds, name lists).
3. **Context**, jusText's context-sensitive pass: a ``short`` line takes the class of its
   nearest decided neighbours (so runs of short lines, menus and sponsor lists, go together,
   and a subheading between paragraphs stays); the document's edges count as boilerplate, so
   short lines after the last paragraph are dropped; a ``near`` line survives unless it sits
   among boilerplate on both sides.

The title is found, not assumed (:mod:`akhbar.clean.title`); lines repeating it are removed.
A line that is just a date near the top or at the foot becomes the publication date (through
:func:`akhbar.clean.dateline.parse_dateline`) and is removed as a ``dateline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import RemovedLine, Span
from . import title as titles
from .cues import BAD, MEDIUM_WORDS, REASONS, apply_cues, dateline_parser, set_removed
from .lines import SHORT, Line, ends_with_colon, split_lines
from .tables import tables

GOOD, NEAR = "good", "near"
_DIGIT = re.compile(r"\d")

# Feature thresholds (jusText's defaults are in characters over HTML blocks; these are in
# words over lines, tuned on SaudiNewsNet articles and general news text).
LONG_WORDS = 15  # a line this long is prose unless it has no function words
GOOD_STOPWORDS = 0.08  # function-word density of prose in the weakest case (Arabic, clitics)
NEAR_STOPWORDS_LONGER = 0.20  # a line of 10+ words without a final stop needs this many ...
NEAR_STOPWORDS_NO_PUNCT = 0.30  # ... a shorter one this many (jusText's stopwords_low)
DATELINE_CAP = 12  # words
HEAD_LINES = 6  # datelines are looked for in the first lines and after the last paragraph

# Removed lines that say nothing about their neighbourhood (separators, photo credits inside
# the body): the context pass looks through them.
TRANSPARENT = frozenset({"symbols", "photo"})
LIST_RUN = 500  # at most this many short lines continue a line ending with a colon

__all__ = ["Classified", "classify", "context_pass", "feature_class"]


@dataclass(slots=True)
class Classified:
    """The classifier's answer for one text."""

    lines: list[Line]
    title: str | None = None
    title_span: Span | None = None
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    published: str | None = None


def feature_class(line: Line) -> tuple[str, str]:
    """jusText-style class from length, stopword density and end punctuation, with its reason."""
    d = line.stopwords
    if line.words >= LONG_WORDS:
        if d >= GOOD_STOPWORDS:
            return GOOD, f"prose: {line.words} words, {d:.0%} function words"
        if d > 0 or line.end_punct:
            return NEAR, f"long line with few function words ({d:.0%})"
        return BAD, f"{line.words} words without a single function word (a list of names or tags)"
    if line.words >= MEDIUM_WORDS and (
        line.end_punct or d >= NEAR_STOPWORDS_NO_PUNCT or (line.words >= 10 and d >= NEAR_STOPWORDS_LONGER)
    ):
        return NEAR, f"short prose: {line.words} words, {d:.0%} function words"
    return SHORT, f"short line ({line.words} words)"


def _neighbour(lines: list[Line], i: int, step: int, skip_near: bool) -> tuple[str, int]:
    """The class of the nearest line in direction ``step`` that is decided (edges are bad)."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].cue in TRANSPARENT:
            j += step
            continue
        c = lines[j].cls
        if c in (GOOD, BAD):
            return c, j
        if c == NEAR and not skip_near:
            return c, j
        j += step
    return BAD, -1


def context_pass(lines: list[Line]) -> None:
    """jusText's context-sensitive revision of ``short`` and ``near`` lines (in place).

    Before it, short lines that follow a line ending with a colon (a list, a poem, a quoted
    exchange: "the draw:", "the poet says:") are taken as short prose, like the line
    introducing them.
    """
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.hard and line.cls in (SHORT, NEAR, GOOD) and ends_with_colon(line.text):
            j, run = i + 1, 0
            while j < len(lines) and run < LIST_RUN and (lines[j].cls == SHORT or lines[j].cue in TRANSPARENT):
                if lines[j].cls == SHORT and not lines[j].hard:
                    lines[j].cls, lines[j].reason = NEAR, "list item after a line ending with a colon"
                    run += 1
                j += 1
            follows = j < len(lines) and not lines[j].hard and (run or lines[j].cls in (NEAR, GOOD))
            if line.cls == SHORT and (run or follows):
                line.cls, line.reason = NEAR, "introduces a list or a quote (ends with a colon)"
            i = j if run else i + 1
            continue
        i += 1
    revised = []
    for i, line in enumerate(lines):
        if line.cls != SHORT:
            continue
        prev, _ = _neighbour(lines, i, -1, True)
        nxt, _ = _neighbour(lines, i, 1, True)
        if prev == nxt == GOOD:
            revised.append((line, GOOD, "short line between paragraphs"))
        elif prev == nxt == BAD:
            where = "at the edge of the text" if _neighbour(lines, i, -1, True)[1] < 0 or \
                _neighbour(lines, i, 1, True)[1] < 0 else "among boilerplate"
            revised.append((line, BAD, f"short line {where}, no paragraph beside it"))
        elif (prev == BAD and _neighbour(lines, i, -1, False)[0] == NEAR) or (
            nxt == BAD and _neighbour(lines, i, 1, False)[0] == NEAR
        ):
            revised.append((line, GOOD, "short line next to short prose"))
        else:
            side = "before the first paragraph" if nxt == GOOD else "after the last paragraph"
            revised.append((line, BAD, f"short line {side}, next to boilerplate or the edge"))
    for line, cls, reason in revised:
        line.cls, line.reason = cls, reason
    revised = []
    for i, line in enumerate(lines):
        if line.cls != NEAR:
            continue
        prev, _ = _neighbour(lines, i, -1, True)
        nxt, _ = _neighbour(lines, i, 1, True)
        if prev == nxt == BAD:
            revised.append((line, BAD, "short prose among boilerplate"))
        else:
            revised.append((line, GOOD, line.reason))
    for line, cls, reason in revised:
        line.cls, line.reason = cls, reason


def _find_datelines(lines: list[Line], first_good: int, last_good: int) -> None:
    parse = dateline_parser()
    if parse is None:
        return
    for i, line in enumerate(lines):
        if line.hard or line.words > DATELINE_CAP or not _DIGIT.search(line.text):
            continue
        if i < max(HEAD_LINES, first_good) or i > last_good:
            date = parse(line.text)
            if date:
                set_removed(line, f"dateline ({date})", "dateline", "dateline")
                line.date = date


def _cut_after(lines: list[Line], title_index: int | None) -> None:
    """Everything after an end-of-message marker, or after a comment prompt that follows the
    bulk of the article, is page furniture."""
    total = sum(len(x.text) for x in lines if x.cls == GOOD and not x.hard)
    before = 0
    for i, line in enumerate(lines):
        if line.cls == GOOD and not line.hard and i != title_index:
            before += len(line.text)
        if line.cue in ("end", "comment") and before > 0 and (line.cue == "end" or before * 2 > total):
            what = REASONS[line.cue]
            for later in lines[i + 1:]:
                if not later.hard:
                    set_removed(later, f"after the {what} that closes the article", cue="after-" + line.cue)
            return


def classify(
    text: str,
    title_hint: str | None = None,
    publisher: str | None = None,
    context: bool = True,
) -> Classified:
    """Classify the lines of ``text``; see the module docstring.

    ``title_hint``: the title given by the container (JSON field, feed entry, HTML metadata).
    ``publisher``: the outlet given by the container; a line that is just its name is removed.
    ``context``: run the feature and context passes (False: only the cue rules, the title and
    datelines, as used on text that an HTML extractor already cleaned).
    """
    t = tables()
    lines = split_lines(text, t)
    for line in lines:
        apply_cues(line, t, surface=context)
        if not line.hard:
            line.cls, line.reason = feature_class(line)
            if not context:
                line.cls = GOOD
    good = [i for i, x in enumerate(lines) if x.cls == GOOD]
    first_good, last_good = (good[0], good[-1]) if good else (len(lines), -1)
    _find_datelines(lines, first_good, last_good)

    result = Classified(lines)
    ti = titles.find_title(lines, title_hint)
    if ti is not None:
        tline = lines[ti]
        tline.cls, tline.hard, tline.kind, tline.reason = GOOD, True, "title", "title"
        result.title = tline.text
        result.title_span = Span(tline.start, tline.end)
    else:
        result.title = title_hint.strip() if title_hint and title_hint.strip() else None
    if result.title:
        tkey = titles.title_key(result.title)
        for i, line in enumerate(lines):
            if i != ti and not (line.hard and line.kind != "boilerplate") and titles.same_title(tkey, line):
                set_removed(line, "repeats the title", cue="title")
    if publisher:
        pkey = titles.title_key(publisher)
        for line in lines:
            if not line.hard and pkey and len(line.text) <= 2 * len(publisher) and titles.title_key(line.text) == pkey:
                set_removed(line, "the publisher's name", cue="publisher")

    _cut_after(lines, ti)
    if context:
        body = [x for i, x in enumerate(lines) if i != ti]
        context_pass(body)
        if not any(x.cls == GOOD for x in body):
            # A short item (a feed summary, a one-paragraph brief): nothing looks like a page
            # around an article, so only the cue rules apply.
            for x in body:
                if not x.hard:
                    x.cls, x.reason = GOOD, "short text: kept"

    for i, line in enumerate(lines):
        if i == ti:
            continue
        if line.cls == GOOD and not line.hard:
            result.paragraphs.append(Span(line.start, line.end))
            continue
        kind = line.kind if line.hard else "boilerplate"
        result.removed.append(RemovedLine(line.start, line.end, line.text, kind, line.reason))
        if line.kind == "source":
            result.credits.extend(c for c in line.credits if c not in result.credits)
        if line.date and result.published is None:
            result.published = line.date
    return result
