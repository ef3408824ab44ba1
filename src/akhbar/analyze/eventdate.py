"""Publication date and event date of an article, inferred separately from its date mentions.

The **publication date** is what ingest/clean found (metadata, a dateline line). When they found
none, it is taken, in this order, from

1. a date on a dateline line the cleaner moved out of the body;
2. a dateline at the head of the first paragraph ("تهران - ایرنا - ۴ آبان ۱۴۰۱ - ...",
   "MOSCOW, 26 October 2022 (Reuters) -"), read with :func:`akhbar.clean.dateline.parse_dateline`;
3. a date the title or lead anchors to the day of writing: "اليوم الأربعاء 26 أكتوبر 2022" is
   the publication date, "أمس 25 أكتوبر" the day before it.

**Roles.** ``publication``: the dates of 1 and 2. ``background`` (never the event date):

- a background cue in the same sentence, within :data:`CUE_WINDOW` characters and with no other
  date between (a founding, a birth, an anniversary, "since", "منذ", "تأسست", "تاسیس";
  ``date_cues.tsv``), unless the date is within :data:`RECENT_DAYS` of the publication date (a
  founding last week is the news); a date in two calendars shares its twin's role;
- more than :data:`BACKGROUND_DAYS` before the reference date (the publication date, else the
  event date once chosen), or, with neither, more than that before the newest date of the title
  and lead ("before other dates in the lead"); a month and year ("دسامبر 1991") counts from its
  first day;
- with no reference date at all, every absolute date outside the lead from the first paragraph
  (in the lead or not) holding a cued background date on: news is written as an inverted
  pyramid, and once it turns to history ("the union was founded in 1991 ...") what follows is
  history too.

**Event date.** The candidates are the mentions in the title and the *lead* (the first
paragraphs up to :data:`LEAD_CHARS` characters, at most :data:`LEAD_PARAGRAPHS`) that are not
background or publication dates:

- an absolute date with a complete value, not in a future-tense clause (``future`` cues of
  ``date_cues.tsv``: "will", "سوف", "خواهد", "состоится") nor followed by "next" ("21 أكتوبر
  المقبل"), and, when the publication date is
  known, from :data:`RECENT_DAYS` before it to one day after it (news reports what just
  happened; an older date in the lead is context, a later one is scheduled);
- a relative day that is today or in the past ("روز گذشته", "اليوم", "yesterday"), or a weekday
  ("روز جمعه": the most recent such day on or before publication, see
  :func:`akhbar.analyze.relative.resolve`) that does not resolve to a future day. Weeks ("last
  week") name no day and are never the event date.

The first candidate wins, in this order: an anchored date (3 above), then the title, then the
lead in reading order. A relative event date has a value only when the publication date is
known; otherwise the mention is still marked ``event`` and ``event_date`` stays None. With no
candidate, ``event_date`` is None: the publication date is not used as a guess.
"""

from __future__ import annotations

import datetime

__all__ = ["Cand", "LEAD_CHARS", "LEAD_PARAGRAPHS", "BACKGROUND_DAYS", "RECENT_DAYS",
           "CUE_WINDOW", "mark_background", "choose_event", "propagate_background"]

LEAD_CHARS = 300
LEAD_PARAGRAPHS = 3
BACKGROUND_DAYS = 365
RECENT_DAYS = 31
CUE_WINDOW = 80


class Cand:
    """A date mention while the analysis works on it (turned into a DateMention at the end)."""

    __slots__ = ("where", "visible", "nstart", "nend", "start", "end", "text", "calendar",
                 "value", "stated", "twin", "offset", "weekday", "unit", "direction", "role",
                 "paragraph", "anchor", "bg_cue", "future", "match", "approx")

    def __init__(self, where: str, visible: bool, nstart: int, nend: int, start: int, end: int,
                 text: str, calendar: str) -> None:
        self.where = where  # "title" | "meta" (a title given only as metadata) | "lead" | "body" | "dateline"
        self.visible = visible
        self.nstart, self.nend, self.start, self.end, self.text = nstart, nend, start, end, text
        self.calendar = calendar
        self.value: datetime.date | None = None
        self.stated: str | None = None
        self.twin: Cand | None = None
        self.offset: int | None = None
        self.weekday: int | None = None
        self.unit: str | None = None  # relative: day | week | weekday
        self.direction = 0
        self.role = ""
        self.paragraph = -1
        self.anchor: int | None = None  # offset of the day word anchoring this date ("اليوم")
        self.bg_cue = False
        self.future = False
        self.match = None
        self.approx: datetime.date | None = None  # a month and year's first day

    @property
    def relative(self) -> bool:
        return self.calendar == "relative"

    @property
    def when(self) -> datetime.date | None:
        """The date for the distance rules: the value, or for a month and year with no day
        ("دسامبر 1991") its first day."""
        return self.value if self.value is not None else self.approx


def _days(a: datetime.date, b: datetime.date) -> int:
    return a.toordinal() - b.toordinal()


def mark_background(cands: list[Cand], reference: datetime.date | None) -> None:
    """Cue and distance rules (see the module docstring), before the event date is chosen."""
    for c in cands:
        when = c.when
        if c.relative or c.role or when is None:
            continue
        if reference is not None:
            age = _days(reference, when)
            if age > BACKGROUND_DAYS or (c.bg_cue and age > RECENT_DAYS):
                c.role = "background"
        elif c.bg_cue:
            c.role = "background"
    if reference is None:
        front = [c.when for c in cands if c.where in ("title", "meta", "lead") and not c.relative
                 and c.when is not None and c.role == ""]
        if front:
            newest = max(front)
            for c in cands:
                if (c.where in ("title", "meta", "lead") and not c.relative and c.when is not None
                        and c.role == "" and _days(newest, c.when) > BACKGROUND_DAYS):
                    c.role = "background"
    _share_with_twins(cands)


def _share_with_twins(cands: list[Cand]) -> None:
    for c in cands:
        if c.twin is not None and c.role == "background" and c.twin.role == "":
            c.twin.role = "background"


def _eligible(c: Cand, published: datetime.date | None) -> bool:
    if c.role in ("background", "publication") or c.where not in ("title", "meta", "lead"):
        return False
    if c.relative:
        if c.unit == "week":
            return False
        if c.offset is not None:
            return c.offset <= 0
        return not (c.unit == "weekday" and (c.future or c.direction > 0))
    if c.value is None or c.future:
        return False
    if published is not None:
        return -1 <= _days(published, c.value) <= RECENT_DAYS
    return True


def choose_event(cands: list[Cand], published: datetime.date | None) -> Cand | None:
    """The mention that dates the event (its role set to ``event``), or None."""
    eligible = [c for c in cands if _eligible(c, published)]
    if not eligible:
        return None
    rank = {"title": 1, "meta": 1, "lead": 2}
    best = min(eligible, key=lambda c: (0 if c.anchor is not None else rank[c.where],
                                        c.where == "meta", c.nstart))
    best.role = "event"
    return best


def propagate_background(cands: list[Cand], reference: datetime.date | None) -> None:
    """After the event date is chosen: distance to the reference (the publication date, else the
    event date), and, with no reference, the inverted-pyramid rule (see the module docstring)."""
    if reference is not None:
        for c in cands:
            if (not c.relative and c.role == "" and c.when is not None
                    and _days(reference, c.when) > BACKGROUND_DAYS):
                c.role = "background"
    else:
        cued = [c.paragraph for c in cands
                if c.where in ("lead", "body") and c.role == "background" and c.bg_cue]
        if cued:
            first = min(cued)
            for c in cands:
                if c.where == "body" and not c.relative and c.role == "" and c.paragraph >= first:
                    c.role = "background"
    _share_with_twins(cands)
