"""What the checks need from one article: a :class:`Report`.

Built either from a processed :class:`~akhbar.records.Article` (:meth:`Report.from_article`) or
from the article object the store returns (``Store.article(id)``, ``akhbar show ID --json``:
:meth:`Report.from_article_object`), so the event checks run on freshly processed articles and
on stored ones alike. Both give the same Report for the same article.

A Report holds the article's figures (:class:`~akhbar.check.figures.Figure`), its quotes with
the entities and figures inside them, the places it names as where the event happened
(:class:`Venue`), its event date with the mention that states it, and every entity it names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..records import Article, Statement
from .figures import Figure, make_figure, normalized_windows
from .headline import counterparts
from .places import place_kind
from .tables import key, venue_cues

LEAD_PARAGRAPHS = 2
LEAD_MAX_CHARS = 700  # the lead ends at most this far into the body
_ENDS = ".!?؟؛;\n"
SENTENCE_WINDOW = 300
_WORD = re.compile(r"[^\W_]{2,}")
_DATELINE_AFTER = re.compile(r"\s*[-–—,،(/:|]")
_QUOTE_MARKS = "«»\"'“”„‘’()[]"
NOT_CONTEXT = frozenset({"outlet"})  # entity types that say who reports, not what happened
VENUE_KINDS = frozenset({"city", "town", "site", "district", "island"})


@dataclass(frozen=True)
class QuoteFact:
    statement: Statement  # the quoted text, its offsets and speaker label
    speaker_id: str | None
    tokens: frozenset[str]
    entities: frozenset[str]  # entity ids named inside the quote (the speaker left out)
    figures: tuple[int, ...]  # indexes into Report.figures of the figures inside it


@dataclass(frozen=True)
class Venue:
    statement: Statement  # the place's mention; value = its label, entity_id = its id
    entity_id: str
    type: str  # place | country
    how: str  # "cue" (after a venue preposition) | "dateline" (opening the first paragraph)


@dataclass(frozen=True)
class Report:
    article: str
    lang: str | None
    published: str | None
    event_date: str | None
    event_date_statement: Statement | None
    figures: tuple[Figure, ...]
    quotes: tuple[QuoteFact, ...]
    venues: tuple[Venue, ...]
    named: frozenset[str]  # every entity id the article names
    covered: frozenset[int] = frozenset()  # title figures whose count the body also gives
    dates: frozenset[str] = frozenset()  # every date the article gives (ISO values)

    def cross_figures(self) -> list[Figure]:
        """The figures to compare with other reports: the body's, and the title's only where the
        body does not give the same count (a headline the body corrects is flagged within the
        article, not again against every other report)."""
        return [f for i, f in enumerate(self.figures) if i not in self.covered]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (:meth:`from_dict` gives the Report back), so a Report can be built
        where the article is processed and kept with it."""
        st = lambda s: s.as_dict() if s is not None else None  # noqa: E731
        return {
            "article": self.article, "lang": self.lang, "published": self.published, "event_date": self.event_date,
            "event_date_statement": st(self.event_date_statement),
            "figures": [{"statement": st(f.statement), "value": f.value, "low": f.low, "high": f.high, "unit": f.unit,
                         "hedge": f.hedge, "counted": f.counted, "concept": f.concept, "stem": f.stem, "lang": f.lang,
                         "entities": sorted(f.entities), "speaker_id": f.speaker_id, "quote": f.quote}
                        for f in self.figures],
            "quotes": [{"statement": st(q.statement), "speaker_id": q.speaker_id, "tokens": sorted(q.tokens),
                        "entities": sorted(q.entities), "figures": list(q.figures)} for q in self.quotes],
            "venues": [{"statement": st(v.statement), "entity_id": v.entity_id, "type": v.type, "how": v.how}
                       for v in self.venues],
            "named": sorted(self.named), "covered": sorted(self.covered), "dates": sorted(self.dates),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Report":
        st = lambda s: Statement.from_dict(s) if s is not None else None  # noqa: E731
        figures = tuple(
            Figure(st(f["statement"]), f["value"], f["low"], f["high"], f["unit"], f["hedge"], f["counted"],
                   f["concept"], f["stem"], f["lang"], frozenset(f["entities"]), f["speaker_id"], f["quote"])
            for f in d.get("figures", ()))
        quotes = tuple(QuoteFact(st(q["statement"]), q["speaker_id"], frozenset(q["tokens"]), frozenset(q["entities"]),
                                 tuple(q["figures"])) for q in d.get("quotes", ()))
        venues = tuple(Venue(st(v["statement"]), v["entity_id"], v["type"], v["how"]) for v in d.get("venues", ()))
        return cls(d["article"], d.get("lang"), d.get("published"), d.get("event_date"),
                   st(d.get("event_date_statement")), figures, quotes, venues, frozenset(d.get("named", ())),
                   frozenset(d.get("covered", ())), frozenset(d.get("dates", ())))

    @classmethod
    def from_article(cls, article: Article, figures: list[Figure] | None = None) -> "Report":
        """``figures``: the article's :func:`article_figures`, when already found (the check
        stage finds them for the headline check)."""
        return _Source.of_article(article).report(figures)

    @classmethod
    def from_article_object(cls, obj: Mapping[str, Any]) -> "Report":
        """From the article object of ``Store.article()`` (it needs ``id``, ``text``,
        ``title_span``, ``paragraphs``, ``entities``, ``dates``, ``quantities``, ``quotes``)."""
        return _Source.of_object(obj).report()


def article_figures(article: Article) -> list[Figure]:
    """The article's figures (what the headline check compares), without the rest of a Report."""
    return _Source.of_article(article).figures()


def _in_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


class _Source:
    """One article's text and analysis in plain tuples, whatever it was read from."""

    def __init__(self, article_id: str, lang: str | None, text: str, published: str | None,
                 event_date: str | None, title_span: tuple[int, int] | None,
                 paragraphs: Sequence[tuple[int, int]], entities: Sequence[tuple],
                 dates: Iterable[Any], quantities: Iterable[Any], quotes: Iterable[Any]) -> None:
        self.id, self.lang, self.text = article_id, lang, text
        self.published, self.event_date = published, event_date
        self.title_span, self.paragraphs = title_span, list(paragraphs)
        self.entities = sorted(entities, key=lambda e: e[0])  # (start, end, text, id, label, type)
        self.starts = [e[0] for e in self.entities]
        self.dates, self.quantities = list(dates), list(quantities)
        self.quotes = [q for q in quotes if q.end > q.start]
        self.windows: Any = None  # normalized_windows of the article, when it has them
        self.body_start = self.paragraphs[0][0] if self.paragraphs else 0
        lead_end = self.paragraphs[min(LEAD_PARAGRAPHS, len(self.paragraphs)) - 1][1] if self.paragraphs else 0
        self.lead_end = min(lead_end, self.body_start + LEAD_MAX_CHARS)

    @classmethod
    def of_article(cls, a: Article) -> "_Source":
        ents = [(m.start, m.end, m.text, m.entity_id, m.label, m.type) for m in a.entities]
        quantities = a.quantities
        if a.title_span is None:  # a title given only as metadata has no offsets to quote
            quantities = [q for q in quantities if not q.in_title]
        source = cls(a.id, a.lang, a.text, a.published, a.event_date,
                     (a.title_span.start, a.title_span.end) if a.title_span else None,
                     [(p.start, p.end) for p in a.paragraphs], ents, a.dates, quantities, a.quotes)
        if a.norm_body is not None:
            source.windows = normalized_windows([a.norm_title if a.title_span else None, a.norm_body])
        return source

    @classmethod
    def of_object(cls, obj: Mapping[str, Any]) -> "_Source":
        ts = obj.get("title_span")
        ents = []
        for e in obj.get("entities", ()):
            eid = e.get("id") or e.get("kb_id") or "new/" + str(e.get("label"))
            for m in e.get("mentions", ()):
                ents.append((m["start"], m["end"], m["text"], eid, e.get("label"), e.get("type")))
        return cls(
            obj["id"], obj.get("lang"), obj.get("text") or "", obj.get("published"), obj.get("event_date"),
            (int(ts[0]), int(ts[1])) if ts else None,
            [(p["start"], p["end"]) for p in obj.get("paragraphs", ())], ents,
            [SimpleNamespace(**{"role": "", **d}) for d in obj.get("dates", ())],
            [SimpleNamespace(**{"counted": None, **q}) for q in obj.get("quantities", ())],
            [SimpleNamespace(**{"speaker_id": None, "speaker": None, **q}) for q in obj.get("quotes", ())],
        )

    # -- positions -------------------------------------------------------------------------

    def in_title(self, start: int, end: int) -> bool:
        ts = self.title_span
        return ts is not None and ts[0] <= start and end <= ts[1]

    def where(self, start: int, end: int) -> str:
        if self.in_title(start, end):
            return "title"
        return "lead" if start < self.lead_end else "body"

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``text[start:end]``, looked for within :data:`SENTENCE_WINDOW`
        characters either side (a dot between digits does not end a sentence)."""
        text = self.text
        lo, hi = max(0, start - SENTENCE_WINDOW), min(len(text), end + SENTENCE_WINDOW)
        s = lo
        for c in _ENDS:
            i = text.rfind(c, lo, start)
            while i > s and c == "." and _in_number(text, i):
                i = text.rfind(c, lo, i)
            if i + 1 > s:
                s = i + 1
        e = hi
        for c in _ENDS:
            i = text.find(c, end, e)
            while i != -1 and c == "." and _in_number(text, i):
                i = text.find(c, i + 1, e)
            if i != -1 and i + 1 < e:
                e = i + 1
        return s, e

    def entities_between(self, s: int, e: int) -> frozenset[str]:
        i = bisect_right(self.starts, s - 1)
        out = set()
        ents = self.entities
        while i < len(ents) and ents[i][0] < e:
            if ents[i][1] <= e and ents[i][5] not in NOT_CONTEXT:
                out.add(ents[i][3])
            i += 1
        return frozenset(out)

    # -- parts -----------------------------------------------------------------------------

    def figures(self) -> list[Figure]:
        spans = [(q.start, q.end) for q in self.quotes]
        out: list[Figure] = []
        for q in self.quantities:
            if q.end <= q.start:
                continue
            w = self.where(q.start, q.end)
            context = self.entities_between(*(self.title_span if w == "title" else self.sentence(q.start, q.end)))
            qi = next((i for i, (s, e) in enumerate(spans) if s <= q.start and q.end <= e), None)
            speaker = self.quotes[qi].speaker_id if qi is not None else None
            f = make_figure(q, self.id, self.text, self.lang, w, context, speaker, qi, self.windows)
            if f is not None:
                out.append(f)
        return out

    def report(self, figures: list[Figure] | None = None) -> Report:
        if figures is None:
            figures = self.figures()
        body = [b for b in figures if not b.in_title]
        covered = frozenset(i for i, f in enumerate(figures) if f.in_title and counterparts(f, body))
        quotes = []
        for qi, q in enumerate(self.quotes):
            st = Statement(self.id, q.start, q.end, q.text, speaker=q.speaker, where=self.where(q.start, q.end),
                           entity_id=q.speaker_id)
            tokens = frozenset(_WORD.findall(key(q.text, self.lang)))
            inside = self.entities_between(q.start, q.end) - {q.speaker_id}
            quotes.append(QuoteFact(st, q.speaker_id, tokens, inside,
                                    tuple(i for i, f in enumerate(figures) if f.quote == qi)))
        date_statement = None
        if self.event_date:
            for d in self.dates:
                if d.value == self.event_date and d.role == "event" and d.end > d.start:
                    date_statement = Statement(self.id, d.start, d.end, d.text, value=self.event_date,
                                               calendar=d.calendar, where=self.where(d.start, d.end))
                    break
        return Report(self.id, self.lang, self.published, self.event_date, date_statement, tuple(figures),
                      tuple(quotes), self.venues(), frozenset(e[3] for e in self.entities), covered,
                      frozenset(d.value for d in self.dates if getattr(d, "value", None)))

    def venues(self) -> tuple[Venue, ...]:
        """Places named as where the event happened: in the title or the lead after a venue
        preposition (در «آستانه», في مدينة باراباي, в Москве, in Astana), or opening the first
        paragraph as a dateline ("MOSCOW, Oct 16 -")."""
        cues = venue_cues(self.lang)
        out: list[Venue] = []
        seen: set[str] = set()
        for s, e, surface, eid, label, etype in self.entities:
            if etype not in ("place", "country") or eid in seen:
                continue
            title = self.in_title(s, e)
            if not title and not (self.body_start <= s < self.lead_end):
                continue
            if etype == "place" and place_kind(eid) not in VENUE_KINDS:
                continue  # regions, seas, continents: where things are, not where a meeting is
            if self.after_cue(s, cues):
                how = "cue"
            elif (etype == "place" and self.paragraphs and 0 <= s - self.body_start <= 2
                  and _DATELINE_AFTER.match(self.text, e)):
                how = "dateline"
            else:
                continue
            seen.add(eid)
            st = Statement(self.id, s, e, surface, value=label, entity_id=eid, where="title" if title else "lead")
            out.append(Venue(st, eid, etype, how))
        return tuple(out)

    def after_cue(self, start: int, cues: Any) -> bool:
        if not cues.preps and not cues.attached:
            return False
        before = self.text[max(0, start - 40):start]
        if before and before[-1].isalpha():
            # a one-letter preposition joined to the name (بالرياض): the mention starts after it
            j = len(before) - 1
            while j >= 0 and before[j].isalpha():
                j -= 1
            return key(before[j + 1:], self.lang) in cues.attached
        words = key(before, self.lang)
        changed = True
        while changed and words:
            changed = False
            words = words.rstrip(_QUOTE_MARKS + " ")
            for filler in cues.fillers:
                if words == filler or words.endswith(" " + filler):
                    words = words[: -len(filler)]
                    changed = True
                    break
        return (words.rsplit(" ", 1)[-1] if words else "") in cues.preps
