"""Conflicts between the reports of one event.

- ``quantity_conflict``: two reports give different figures for the same count. The same count:
  the same counted thing (a concept of ``counted.tsv`` across languages, or the same noun in one
  language, or the same unit) *and* the same context (an entity named in both figures' sentences,
  the same speaker, or both in the title or lead with the same concept). As in the headline check, a figure agrees when any figure of the other
  report for the same count agrees (rounding ~5%, hedges); a range containing the other figure is
  an ``overstatement`` (the top of the range given as the figure) or a ``narrowing``; a plain
  ``contradiction`` needs the other report to give exactly one figure for that count, not more
  than three times apart, both figures in the title or lead (the story's main count; a body
  figure is too often a part of it), and for an amount matched by its unit alone (money,
  percentages) both in the titles or said by one speaker, with no other such amount around.
  One flag per pair of reports and count. A headline figure its own body corrects is not
  compared again.
- ``venue_conflict``: the reports name different places as where the event happened (a city
  after a venue preposition in the title or lead, or a dateline city; a country only when a
  report names no city), neither inside the other (Burabay is in Kazakhstan: no conflict), and
  neither report names the other's place at all (an article naming both knows of both).
- ``date_conflict``: the event dates the reports state (a mention with the role ``event``)
  differ by more than a day, and neither report gives the other's date anywhere.
- ``speaker_conflict``: one quote attributed to two speakers: in one language, nearly the same
  words (word overlap >= 0.6, at least six words); across languages, a figure in common and at
  least two entities named in both quotes. Both speakers must be persons of the knowledge base
  (a discovered name may be one person spelt two ways), and neither report may name the other's
  speaker (when both name both, the analysis more likely picked the wrong one), nor give the
  quote to the other's speaker too.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations, islice

from ..records import Flag, Statement
from .figures import Figure, judge, kinship, relate, same_thing
from .places import compatible
from .report import QuoteFact, Report, Venue

DATE_SLACK_DAYS = 1
SAME_WORDS = 0.6
MIN_QUOTE_WORDS = 6
MIN_SHARED_ENTITIES = 2


def check_event(event_id: str | None, reports: Sequence[Report], memo: "PairMemo | None" = None) -> list[Flag]:
    """The conflicts between the reports of one event (one report per article). With ``memo``,
    a pair of reports compared before (in this event or another) is not compared again."""
    reports = _unique(reports)
    if len(reports) < 2:
        return []
    pairs = memo if memo is not None else PairMemo(0)
    quantities: list[Flag] = []
    speakers: list[Flag] = []
    for ra, rb in combinations(reports, 2):
        q, s = pairs.get(ra, rb)
        quantities += q
        speakers += s
    flags = (quantities + venue_conflicts(event_id, reports) + date_conflicts(event_id, reports) + speakers)
    return [f if f.event == event_id else replace(f, event=event_id) for f in flags]


class PairMemo:
    """What each pair of reports gave (their quantity and speaker conflicts, with no event id),
    kept for an ingest run: when a report joins an event of n reports only the n new pairs are
    compared, not all n(n+1)/2 again. Keyed by article ids, which are content hashes, so a
    pair's answer never changes; at most ``max_pairs`` are kept (the oldest forgotten first),
    which costs time, never a different result."""

    def __init__(self, max_pairs: int = 200_000) -> None:
        if max_pairs < 0:
            raise ValueError(f"max_pairs must be >= 0, not {max_pairs!r}")
        self.max_pairs = max_pairs
        self._pairs: dict[tuple[str, str], tuple[list[Flag], list[Flag]]] = {}

    def get(self, ra: Report, rb: Report) -> tuple[list[Flag], list[Flag]]:
        """The quantity and speaker conflicts between ``ra`` and ``rb`` (in this order: the
        order of :func:`_unique`)."""
        key = (ra.article, rb.article)
        found = self._pairs.get(key)
        if found is None:
            found = (pair_quantity_conflicts(ra, rb), pair_speaker_conflicts(ra, rb))
            if self.max_pairs:
                if len(self._pairs) >= self.max_pairs:
                    for old in list(islice(self._pairs, max(1, self.max_pairs // 10))):
                        del self._pairs[old]
                self._pairs[key] = found
        return found

    def __len__(self) -> int:
        return len(self._pairs)


def _unique(reports: Sequence[Report]) -> list[Report]:
    seen: dict[str, Report] = {}
    for r in reports:
        seen.setdefault(r.article, r)
    return sorted(seen.values(), key=lambda r: (r.published or "~", r.article))


def _short(article_id: str) -> str:
    return article_id[:8]


# -- figures ----------------------------------------------------------------------------------


def _same_context(a: Figure, b: Figure) -> bool:
    """Across reports a figure speaks of the same count only in the same context: the same
    speaker, an entity named in both figures' sentences, or both figures in the title or lead
    counting the same concept (the story's main count: "killing 12 people", "погибли 20
    человек")."""
    if a.speaker_id and a.speaker_id == b.speaker_id:
        return True
    if not a.entities.isdisjoint(b.entities):
        return True
    return (a.statement.where in ("title", "lead") and b.statement.where in ("title", "lead")
            and a.concept is not None and a.concept == b.concept)


def _context_keys(f: Figure) -> set:
    """What a figure's context is made of, one key per way :func:`_same_context` can hold."""
    keys: set = set(f.entities)
    if f.speaker_id:
        keys.add(("speaker", f.speaker_id))
    if f.statement.where in ("title", "lead") and f.concept is not None:
        keys.add(("main", f.concept))
    return keys


def _context_index(figures: Sequence[Figure]) -> dict[object, list[int]]:
    index: dict[object, list[int]] = {}
    for i, f in enumerate(figures):
        for k in _context_keys(f):
            index.setdefault(k, []).append(i)
    return index


def _in_context(fa: Figure, figures: Sequence[Figure], index: dict[object, list[int]]) -> list[Figure]:
    """The figures in the same context as ``fa`` (:func:`_same_context`), in their order, found
    through ``index`` (:func:`_context_index` of ``figures``) instead of by trying each."""
    hits = {i for k in _context_keys(fa) for i in index.get(k, ())}
    return [figures[i] for i in sorted(hits)]


def pair_quantity_conflicts(ra: Report, rb: Report) -> list[Flag]:
    """The quantity conflicts between two reports, both ways round (no event id): one flag per
    count, from the most prominent figures."""
    flags: dict[frozenset, Flag] = {}
    seen_counts: set[tuple] = set()
    for ra, rb in ((ra, rb), (rb, ra)):
        theirs = rb.cross_figures()
        index = _context_index(theirs)
        for fa in sorted(ra.cross_figures(), key=_salience):
            found = judge(fa, _in_context(fa, theirs, index))
            if found is None:
                continue
            fb, relation = found
            if relation == "contradiction" and not _main_counts(fa, fb, ra):
                continue
            count = (frozenset({ra.article, rb.article}), fa.concept or fa.stem or fa.unit)
            if count in seen_counts:
                continue  # one flag per pair of reports and count: the most prominent figures
            k = frozenset({_key(fa.statement), _key(fb.statement)})
            if k not in flags:
                seen_counts.add(count)
                flags[k] = _quantity_flag(None, fa, fb, relation)
    return list(flags.values())


_PROMINENCE = {"title": 0, "lead": 1, "body": 2}


def _salience(f: Figure) -> int:
    return _PROMINENCE.get(f.statement.where, 2)


def _main_counts(fa: Figure, fb: Figure, ra: Report) -> bool:
    """May these two single figures contradict each other? Only a story's main figures: both
    in the title or lead (a body figure is too often a part: "35 bodies recovered" of 38 dead),
    and for amounts matched by their unit alone (money, percentages) both in the title or said
    by the same speaker, with no other such amount in the first report."""
    if fa.statement.where not in ("title", "lead") or fb.statement.where not in ("title", "lead"):
        return False
    if fb.concept is not None or fb.stem is not None:
        return True
    same_speaker = fa.speaker_id is not None and fa.speaker_id == fb.speaker_id
    if not same_speaker and (fa.statement.where != "title" or fb.statement.where != "title"):
        return False
    return not _rivals(fa, fb, ra)


def _rivals(fa: Figure, fb: Figure, ra: Report) -> bool:
    """Does ``ra`` give another figure than ``fa`` that could be the amount ``fb`` gives?"""
    return any(x is not fa and kinship(x, fb) == "same" and _same_context(x, fb) for x in ra.cross_figures())


def _key(s: Statement) -> tuple[str, int, int]:
    return s.article, s.start, s.end


def _quantity_flag(event_id: str | None, a: Figure, b: Figure, relation: str) -> Flag:
    sa, sb = a.statement, b.statement
    said = (f'"{sa.text}" ({a.describe()}) in {_short(sa.article)} against "{sb.text}" ({b.describe()}) '
            f"in {_short(sb.article)}")
    if relation == "overstatement":
        point = sa if a.value is not None else sb
        tail = f"{_short(point.article)} gives the top of the other's range as the figure (an overstatement)"
    elif relation == "narrowing":
        tail = "one report narrows the other's range"
    else:
        tail = "the two cannot both be right"
    explanation = f"Reports of this event give different figures for the same count: {said}; {tail}."
    return Flag("quantity_conflict", (sa.article, sb.article), (sa, sb), explanation, event=event_id,
                relation=relation)


# -- venues -----------------------------------------------------------------------------------


def _main_venue(report: Report) -> Venue | None:
    places = [v for v in report.venues if v.type == "place"]
    if places:
        return places[0]
    return report.venues[0] if report.venues else None


def venue_conflicts(event_id: str | None, reports: Sequence[Report]) -> list[Flag]:
    venues = {r.article: _main_venue(r) for r in reports}
    by_pair: dict[frozenset, tuple[Venue, Venue, list[str]]] = {}
    for ra, rb in combinations(reports, 2):
        va, vb = venues[ra.article], venues[rb.article]
        if va is None or vb is None or va.type != vb.type or compatible(va.entity_id, vb.entity_id):
            continue
        if va.entity_id in rb.named or vb.entity_id in ra.named:
            continue
        k = frozenset({va.entity_id, vb.entity_id})
        if k not in by_pair:
            by_pair[k] = (va, vb, [])
        arts = by_pair[k][2]
        for a in (ra.article, rb.article):
            if a not in arts:
                arts.append(a)
    flags = []
    for va, vb, arts in by_pair.values():
        sa, sb = va.statement, vb.statement
        explanation = (f'Reports of this event place it in different places: "{sa.text}" ({sa.value}) in '
                       f'{_short(sa.article)} and "{sb.text}" ({sb.value}) in {_short(sb.article)}.')
        flags.append(Flag("venue_conflict", tuple(arts), (sa, sb), explanation, event=event_id,
                          relation="contradiction"))
    return flags


# -- dates ------------------------------------------------------------------------------------


def date_conflicts(event_id: str | None, reports: Sequence[Report]) -> list[Flag]:
    dated = [r for r in reports if r.event_date_statement is not None]
    flags: dict[frozenset, Flag] = {}
    for ra, rb in combinations(dated, 2):
        try:
            da = datetime.date.fromisoformat(ra.event_date)
            db = datetime.date.fromisoformat(rb.event_date)
        except (TypeError, ValueError):
            continue
        if abs((da - db).days) <= DATE_SLACK_DAYS:
            continue
        if _mentions(ra, db) or _mentions(rb, da):
            continue  # a report that also gives the other's date knows of both
        k = frozenset({ra.event_date, rb.event_date})
        if k in flags:
            continue
        sa, sb = ra.event_date_statement, rb.event_date_statement
        explanation = (f'Reports of this event date it differently: "{sa.text}" ({ra.event_date}) in '
                       f'{_short(ra.article)} and "{sb.text}" ({rb.event_date}) in {_short(rb.article)}.')
        flags[k] = Flag("date_conflict", (ra.article, rb.article), (sa, sb), explanation, event=event_id,
                        relation="contradiction")
    return list(flags.values())


def _mentions(report: Report, day: datetime.date) -> bool:
    for value in report.dates:
        try:
            if abs((datetime.date.fromisoformat(value) - day).days) <= DATE_SLACK_DAYS:
                return True
        except ValueError:
            continue
    return False


# -- speakers ---------------------------------------------------------------------------------


def same_quote(qa: QuoteFact, ra: Report, qb: QuoteFact, rb: Report) -> bool:
    """Are the two quotes the same words (see the module docstring)?"""
    if ra.lang is not None and ra.lang == rb.lang:
        small = min(len(qa.tokens), len(qb.tokens))
        if small < MIN_QUOTE_WORDS:
            return False
        return len(qa.tokens & qb.tokens) / len(qa.tokens | qb.tokens) >= SAME_WORDS
    if len(qa.entities & qb.entities) < MIN_SHARED_ENTITIES:
        return False
    return any(
        same_thing(ra.figures[i], rb.figures[j]) is not False and relate(ra.figures[i], rb.figures[j]) == "agree"
        for i in qa.figures for j in qb.figures
    )


def pair_speaker_conflicts(ra: Report, rb: Report) -> list[Flag]:
    """Quotes of ``ra`` that ``rb`` gives to another speaker (no event id)."""
    flags: dict[frozenset, Flag] = {}
    for qa in ra.quotes:
        if not _known_person(qa.speaker_id):
            continue
        matches = [qb for qb in rb.quotes if _known_person(qb.speaker_id) and same_quote(qa, ra, qb, rb)]
        if not matches or any(qb.speaker_id == qa.speaker_id for qb in matches):
            continue
        for qb in matches:
            if qb.speaker_id in ra.named or qa.speaker_id in rb.named:
                continue  # both reports name both people: more likely a speaker picked wrong
            back = [q for q in ra.quotes if q.speaker_id == qb.speaker_id and same_quote(q, ra, qb, rb)]
            if back:
                continue
            sa, sb = qa.statement, qb.statement
            k = frozenset({_key(sa), _key(sb)})
            if k in flags:
                continue
            explanation = (f'The same quote is attributed to different speakers: {sa.speaker} in '
                           f'{_short(sa.article)} ("{_clip(sa.text)}") and {sb.speaker} in '
                           f'{_short(sb.article)} ("{_clip(sb.text)}").')
            flags[k] = Flag("speaker_conflict", (ra.article, rb.article), (sa, sb), explanation,
                            relation="contradiction")
    return list(flags.values())


def _known_person(entity_id: str | None) -> bool:
    """A person of the knowledge base: a name discovered in the text ("new/person/...") may be
    one person spelt two ways ("عبدالله عبداللطيف", "عبد الله عبد اللطيف عبد الله")."""
    return bool(entity_id) and entity_id.startswith("person/")


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
