"""Entities: persons, organizations, countries, places and outlets named in an article, linked
to the knowledge base (or to a new id for a person found next to a title), with time-aware
resolution of role phrases ("the Russian president" in 2015 is Putin).

    >>> article = analyze_entities(article, AnalysisContext.build(Options(workers=1)))
    >>> [(m.text, m.label) for m in article.entities]

How, in order:

1. **Names.** The title, the body and the "source:" lines are matched against the gazetteer of
   the article's language (:mod:`akhbar.analyze.gazetteer`): leftmost-longest, whole words only,
   with proclitics, suffixes and case endings (:mod:`akhbar.analyze.variants`).
2. **Ambiguous names** (a name that is also a word, or that several entities share) are taken
   only with support: the same entity named unambiguously elsewhere in the article, a cue of its
   type beside it ("به گزارش مشرق", "منبع: فارس", "تنظيم القاعدة", "شهر آستانه"), a list
   with an entity of its kind ("داعش والقاعدة"), or for a country its adjective ("المغربي").
   A long name turned down gives way to the names inside it. A known person's name takes in
   the given name before it and the particles after it ("حمد بن جاسم بن جبر").
3. **Roles.** A role title (``kb.role_titles``) with the country or body it is of (a name or a
   nationality adjective: "رئیس جمهور روسیه", "الرئيس الروسي", "президент России", "the Russian
   president") and no name beside it resolves to the holder on the article's date
   (:mod:`akhbar.analyze.roles`); the mention is the title (with its adjective); the country
   keeps its own mention. A name after the title that the base lacks is a discovered person
   (:mod:`akhbar.analyze.discovery`), as is a name after an honorific or, in Arabic, a speech verb.
4. **Short forms.** Within the article, a person named in full lends the full name and the
   last word to later mentions ("Lavrov" after "Sergey Lavrov"); with two such persons, the
   last one named in full wins.

Mentions are sorted by start and never overlap; ``start``/``end`` are offsets into
``article.text`` and ``text == article.text[start:end]``. A title given only as metadata is
analyzed too: its mentions have ``in_title=True`` and ``start == end == 0``.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import date
from itertools import compress

from ..normalize import normalize, normalize_article
from ..records import Article, EntityMention, NormalizedText
from .context import AnalysisContext
from .cues import Cues, cues_for
from .discovery import find_later, later_mentions, name_after, name_before, quoted_before, slug
from .gazetteer import ENTITY, NATIONALITY, ROLE, Gazetteer, Match, scan
from .roles import reference_date, resolve_role
from .tokens import WORD_RE, Words, joins, words

__all__ = ["analyze_entities", "GAZETTEER_LANGUAGES"]

# Languages with their own gazetteer; any other language gets the English one (names in Latin
# script) and only the language-neutral steps.
GAZETTEER_LANGUAGES = ("fa", "ar", "ru", "en")
# Languages whose adjectives stand before the noun ("the Russian president", "российский
# президент"); in Persian and Arabic they follow it ("الرئيس الروسي").
_MODIFIER_FIRST = frozenset({"ru", "en"})
_FAMILY = {"country": "geo", "place": "geo"}
_PRIORITY = {"country": 0, "place": 1, "organization": 2, "outlet": 3, "other": 4, "person": 5}
# What may stand between a name and the title beside it: spaces, a comma, quotation marks.
_APPOSITION_MARKS = frozenset(" ,،«»\"“”\u200c")
_SENTENCE_END = frozenset(".!?:؟\n")


@dataclass
class _Segment:
    norm: NormalizedText
    in_title: bool
    metadata: bool  # a title given only as metadata: mentions get offsets (0, 0)
    words: Words = field(init=False)
    matches: list[Match] = field(init=False)
    taken: bytearray = field(init=False)

    def prepare(self, gazetteer: Gazetteer) -> None:
        self.words = words(self.norm.text)
        self.matches = scan(self.words, gazetteer)
        self.taken = bytearray(len(self.words))

    def take(self, i: int, j: int) -> None:
        self.taken[i:j] = b"\x01" * (j - i)

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.taken) and not self.taken[i]


@dataclass(slots=True)
class _Found:
    seg: int
    i: int
    j: int
    start: int
    end: int
    entity_id: str
    type: str
    how: str = "name"
    label: str | None = None  # None: the knowledge base's label
    skip: int = 0  # characters of a proclitic before ``start`` in word ``i``


def _segments(article: Article, lang: str) -> list[_Segment]:
    segs: list[_Segment] = []
    if article.norm_title is not None:
        segs.append(_Segment(article.norm_title, True, article.title_span is None))
    if article.norm_body is not None:
        segs.append(_Segment(article.norm_body, False, False))
    for line in article.removed:
        if line.kind == "source" and 0 <= line.start < line.end <= len(article.text):
            norm = normalize(article.text[line.start:line.end], lang)
            shifted = array("i", (x + line.start for x in norm.to_original))
            segs.append(_Segment(NormalizedText(norm.text, shifted), False, False))
    return segs


def _family(type_: str) -> str:
    return _FAMILY.get(type_, type_)


def _apposition(gap: str) -> bool:
    return len(gap) <= 4 and all(c in _APPOSITION_MARKS for c in gap)


class _Resolver:
    """The passes of one article (kept together so each pass sees what the earlier found)."""

    def __init__(self, article: Article, context: AnalysisContext, lang: str) -> None:
        self.article = article
        self.kb = context.kb
        self.lang = lang
        self.gaz: Gazetteer = context.gazetteer(lang)
        self.cues: Cues = cues_for(lang)
        self.segs = _segments(article, article.lang or lang)
        for seg in self.segs:
            seg.prepare(self.gaz)
        self.found: list[_Found] = []
        self.by_start: list[dict[int, _Found]] = [{} for _ in self.segs]
        self.by_end: list[dict[int, _Found]] = [{} for _ in self.segs]
        self.strong: set[str] = set()
        self._related_ids: set[str] | None = None
        self._on_done = False
        self._on: date | None = None

    # -- helpers ------------------------------------------------------------------------

    def add(self, f: _Found) -> _Found:
        self.found.append(f)
        self.by_start[f.seg][f.i] = f
        self.by_end[f.seg][f.j] = f
        self.segs[f.seg].take(f.i, f.j)
        return f

    def on(self) -> date | None:
        """The day role phrases are resolved on (computed once, when first needed)."""
        if not self._on_done:
            self._on = reference_date(self.article)
            self._on_done = True
        return self._on

    def _type(self, eid: str) -> str:
        return self.gaz.types.get(eid, "other")

    # -- 1 and 2: names -----------------------------------------------------------------

    def names(self) -> None:
        pending: list[tuple[int, Match]] = []
        for si, seg in enumerate(self.segs):
            for m in seg.matches:
                if m.kind != ENTITY:
                    seg.take(m.i, m.j)
                    continue
                targets = m.entry.targets
                if len(targets) == 1 and not targets[0][1]:
                    eid = targets[0][0]
                    self.add(_Found(si, m.i, m.j, m.start, m.end, eid, self._type(eid), skip=m.skip))
                    self.strong.add(eid)
                else:
                    pending.append((si, m))
        while pending:
            retry: list[tuple[int, Match]] = []
            for si, m in pending:
                eid = self._disambiguate(si, m)
                if eid is not None:
                    self.add(_Found(si, m.i, m.j, m.start, m.end, eid, self._type(eid), skip=m.skip))
                elif m.j - m.i > 1:
                    retry.extend(self._inside(si, m))
            pending = retry

    def _inside(self, si: int, m: Match) -> list[tuple[int, Match]]:
        """The shorter names inside a long name that was turned down ("روسیه" in an unsupported
        "روسیه امروز"): accepted at once when unambiguous, else returned to be decided."""
        seg = self.segs[si]
        seg.taken[m.i:m.j] = bytes(m.j - m.i)
        inner = scan(seg.words, self.gaz, m.i, m.j, shorter_than=m.j - m.i)
        seg.matches = sorted(seg.matches + inner, key=lambda x: x.i)
        pending: list[tuple[int, Match]] = []
        for x in inner:
            targets = x.entry.targets
            if x.kind != ENTITY:
                seg.take(x.i, x.j)
            elif len(targets) == 1 and not targets[0][1]:
                eid = targets[0][0]
                self.add(_Found(si, x.i, x.j, x.start, x.end, eid, self._type(eid), skip=x.skip))
                self.strong.add(eid)
            else:
                pending.append((si, x))
        return pending

    def _disambiguate(self, si: int, m: Match) -> str | None:
        targets = m.entry.targets
        ids = [eid for eid, _ in targets]
        named = [eid for eid in ids if eid in self.strong]
        if len(named) == 1:
            return named[0]
        if named:  # "Bush" after "George H. W. Bush" and "George W. Bush": the last one named
            order: dict[str, list[tuple[int, int]]] = {}
            for f in self.found:
                if f.entity_id in named:
                    order.setdefault(f.entity_id, []).append((f.seg, f.start))
            return self._nearest(named, order, si, m.start)
        text = self.segs[si].norm.text
        cued = [eid for eid in ids
                if self.cues.before(self._type(eid), text, m.start) or self.cues.after(self._type(eid), text, m.end)]
        if cued:
            return cued[0]
        listed = [eid for eid in ids if self._listed(si, m, _family(self._type(eid)))]
        if listed:
            return listed[0]
        related = [eid for eid in ids if self._related(eid, shared=len(ids) > 1)]
        if related:
            return related[0]
        # names shared by several entities: the ones that need no context, things before persons
        # (two persons sharing a surname need the full name in the article, rule 1)
        plain = sorted((eid for eid, ambiguous in targets if not ambiguous and self._type(eid) != "person"),
                       key=lambda eid: _PRIORITY.get(self._type(eid), 9))
        return plain[0] if plain else None

    def _related(self, eid: str, shared: bool) -> bool:
        """A country whose nationality adjective ("المغربي") or one of whose places the article
        names; or, for a name several entities share ("عمان": Oman, Amman), a place in a
        country the article names."""
        if self._related_ids is None:
            related: set[str] = set()
            for seg in self.segs:
                related.update(c for m in seg.matches if m.kind == NATIONALITY for c in m.entry.targets)
            for sid in self.strong:
                entity = self.kb.get(sid)
                if entity is not None and entity.type == "place" and "in" in entity.attrs:
                    related.add(entity.attrs["in"])
            self._related_ids = related
        type_ = self._type(eid)
        if type_ == "country":
            return eid in self._related_ids
        if type_ == "place" and shared:
            entity = self.kb.get(eid)
            country = entity.attrs.get("in") if entity is not None else None
            return country is not None and (country in self.strong or country in self._related_ids)
        return False

    def _listed(self, si: int, m: Match, family: str) -> bool:
        """Whether ``m`` stands in a list next to an accepted name of ``family``: after a comma
        or a conjunction (a separate word, or an Arabic proclitic و/ف on either name)."""
        w = self.segs[si].words
        conj = self.cues.conjunctions

        def glued_conj(match: Match | _Found) -> bool:
            return match.skip > 0 and w.words[match.i][:1] in conj

        def comma(gap: str) -> bool:
            return "," in gap or "،" in gap

        f = self.by_end[si].get(m.i)
        if f is not None and _family(f.type) == family and (comma(w.gap(m.i - 1)) or glued_conj(m)):
            return True
        f = self.by_end[si].get(m.i - 1)
        if f is not None and _family(f.type) == family and w.words[m.i - 1] in conj:
            return True
        f = self.by_start[si].get(m.j)
        if f is not None and _family(f.type) == family and (comma(w.gap(m.j - 1)) or glued_conj(f)):
            return True
        f = self.by_start[si].get(m.j + 1)
        return f is not None and _family(f.type) == family and m.j < len(w) and w.words[m.j] in conj

    def extend_persons(self) -> None:
        """A known person's name with the given name before it ("جوزف ليبرمان" when the base
        has "ليبرمان") or the particles and names after it ("حمد بن جاسم بن جبر آل ثاني")."""
        particles, stop = self.gaz.particles, self.gaz.stopwords
        for f in list(self.found):
            if f.type != "person":
                continue
            seg = self.segs[f.seg]
            w = seg.words
            i, j = f.i, f.j
            while f.i - i < 2 and f.skip == 0 and self._given_before(seg, i):
                i -= 1
            while j < len(w) and w.words[j] in particles and seg.free(j) and joins(w.gap(j - 1)):
                k = j + 1  # particles, then one name word: "بن عبد العزيز"
                while k < len(w) and w.words[k] in particles and seg.free(k) and joins(w.gap(k - 1)):
                    k += 1
                if k < len(w) and seg.free(k) and joins(w.gap(k - 1)) and w.words[k] not in stop \
                        and not w.words[k].isdigit():
                    j = k + 1
                else:
                    break
            if (i, j) != (f.i, f.j):
                self._move(f, i, j)

    def _given_before(self, seg: _Segment, i: int) -> bool:
        """Whether the word before word ``i`` is a given name that belongs to the name there:
        a known given name, or in Russian and English a capitalised word that does not start
        a sentence and is no function word or title."""
        w = seg.words
        if i == 0 or not seg.free(i - 1) or not joins(w.gap(i - 1)):
            return False
        prev = w.words[i - 1]
        if prev in self.gaz.given_names:
            return True
        if not self.gaz.cased or not prev[:1].isupper() or prev in self.gaz.stopwords:
            return False
        if prev in self.gaz.title_heads or i - 1 == 0:
            return False
        return not _SENTENCE_END & set(w.before(i - 1))

    def _move(self, f: _Found, i: int, j: int) -> None:
        """Give mention ``f`` the words ``i`` to ``j``."""
        seg = self.segs[f.seg]
        self.by_start[f.seg].pop(f.i, None)
        self.by_end[f.seg].pop(f.j, None)
        anchor = (f.i, f.start - f.skip)  # word f.i and where it starts
        if i != f.i:
            f.start, f.skip = seg.words.start(i, anchor), 0
        if j != f.j:
            f.end = seg.words.end(j - 1, anchor)
        f.i, f.j = i, j
        self.by_start[f.seg][i] = f
        self.by_end[f.seg][j] = f
        seg.take(i, j)

    # -- 3: roles and discovery ---------------------------------------------------------

    def roles(self) -> None:
        for si, seg in enumerate(self.segs):
            roles = [m for m in seg.matches if m.kind == ROLE]
            if not roles:
                continue
            nats = {m.i: m for m in seg.matches if m.kind == NATIONALITY}
            nats_end = {m.j: m for m in seg.matches if m.kind == NATIONALITY}
            for r in roles:
                self._role(si, seg, r, nats, nats_end)
        self._cued_names()
        if self.gaz.given_opens_anywhere:
            self._given_name_runs()

    def _skip_connectors(self, w: Words, k: int, step: int) -> int:
        """Word index after the connector words ("of", "the") from ``k`` in direction ``step``."""
        connectors = self.cues.connectors
        while connectors and 0 <= k < len(w) and w.words[k] in connectors:
            k += step
        return k

    def _at(self, si: int, *, start: int | None = None, end: int | None = None) -> _Found | None:
        return self.by_start[si].get(start) if start is not None else self.by_end[si].get(end)

    def _role(self, si: int, seg: _Segment, r: Match, nats: dict, nats_end: dict) -> None:
        w = seg.words
        phrase = [r.start, r.end]
        pi, pj = r.i, r.j
        of: str | None = None
        k = self._skip_connectors(w, r.j, 1)
        if k in nats and (k == r.j or joins(w.gap(k - 1))):
            nat = nats[k]
            of, phrase[1], pj = nat.entry.targets[0], nat.end, nat.j
        else:
            f = self._at(si, start=k)
            if f is not None and f.type in ("country", "organization") and joins(w.gap(r.j - 1)):
                of, pj = f.entity_id, f.j
        if of is None and self.lang in _MODIFIER_FIRST:
            k = self._skip_connectors(w, r.i - 1, -1) + 1
            if k in nats_end:
                nat = nats_end[k]
                of, phrase[0], pi = nat.entry.targets[0], nat.start, nat.i
            else:
                f = self._at(si, end=k)
                if f is not None and f.type in ("country", "organization"):
                    of, pi = f.entity_id, f.i
        # a person named beside the phrase: the title is part of that mention's context
        after = self._at(si, start=pj)
        if after is not None and after.type == "person" and _apposition(w.gap(pj - 1)):
            return
        k = self._skip_connectors(w, pi - 1, -1) + 1
        before = self._at(si, end=k)
        if before is not None and before.type == "person" and _apposition(w.gap(k - 1)):
            return
        span = (name_after(w, pj, self.gaz, seg.free, titled=True) or quoted_before(w, pi, seg.free)
                or name_before(w, pi, self.gaz, seg.free))
        if span is not None:
            self._discovered(si, *span, near=(r.i, r.start - r.skip))
            return
        if of is None:
            return
        named = {f.entity_id for f in self.found if f.type == "person"}
        holder = resolve_role(self.kb, r.entry.targets, of, self.on(), named)
        if holder is not None:
            self.add(_Found(si, pi if phrase[0] != r.start else r.i, pj if phrase[1] != r.end else r.j,
                            phrase[0], phrase[1], holder.id, holder.type, "role"))

    def _discovered(self, si: int, i: int, j: int, near: tuple[int, int] | None = None) -> None:
        """A new person named by words ``i`` to ``j`` (``near``: a word and its start)."""
        seg = self.segs[si]
        known = self.by_start[si].get(j)
        if known is not None and known.type == "person" and joins(seg.words.gap(j - 1)):
            self._move(known, i, known.j)  # "لويس" + a known "لولا دا سيلفا": one person
            return
        start = seg.words.start(i, near)
        end = seg.words.end(j - 1, (i, start))
        text = seg.norm.text[start:end]
        self.add(_Found(si, i, j, start, end, f"new/person/{slug(text)}", "person", "discovered",
                        label=self._original(seg, start, end) or text))

    def _cued_names(self) -> None:
        """Names after an honorific ("السيد", "آقای", "Mr") or, in Arabic, a speech verb."""
        honorifics = self.cues.honorifics
        speech = self.cues.speech
        triggers = honorifics | speech
        if not triggers:
            return
        for si, seg in enumerate(self.segs):
            w = seg.words
            for k in compress(range(1, len(w) + 1), map(triggers.__contains__, w.words)):
                if not seg.free(k) or not seg.free(k - 1) and w.words[k - 1] not in honorifics:
                    continue
                honorific = w.words[k - 1] in honorifics
                span = name_after(w, k, self.gaz, seg.free, lenient=honorific, titled=honorific)
                if span is not None:
                    self._discovered(si, *span)

    def _given_name_runs(self) -> None:
        """Names of two parts or more opened by a known given name, with no cue before them
        ("... استقبل محمد بن راشد ...", "أحمد سليم"): where the language's name parts say
        that its given names are telling enough (``given anywhere`` in ``name_parts.tsv``). A
        given name alone is not taken: too many are also words (بدر، رمضان)."""
        given = self.gaz.given_names
        for si, seg in enumerate(self.segs):
            w = seg.words
            for k in compress(range(len(w)), map(given.__contains__, w.words)):
                if not seg.free(k):
                    continue
                span = name_after(w, k, self.gaz, seg.free, lenient=True)
                if span is not None and span[1] - span[0] >= 2:
                    self._discovered(si, *span)

    # -- 4: short forms -----------------------------------------------------------------

    def short_forms(self) -> None:
        full: dict[tuple[str, ...], str] = {}
        shorts: dict[str, list[str]] = {}
        labels: dict[str, str | None] = {}
        order: dict[str, list[tuple[int, int]]] = {}
        stop = self.gaz.stopwords
        for f in self.found:
            if f.type != "person" or f.how == "role":
                continue
            key = tuple(WORD_RE.findall(self.segs[f.seg].norm.text[f.start:f.end]))
            labels.setdefault(f.entity_id, f.label)
            order.setdefault(f.entity_id, []).append((f.seg, f.start))
            if len(key) < 2:
                continue
            if f.how == "discovered":
                full.setdefault(key, f.entity_id)
            last = key[-1]
            # never a short form: a function word, a suffix (الثاني), the word after a particle
            # (الله in عبد الله), an Arabic word with the article (الماضي: "last", العبيد)
            if (len(last) >= 3 and last not in stop and last not in self.gaz.suffixes
                    and not last.startswith(self.gaz.articles)
                    and key[-2] not in self.gaz.particles and f.entity_id not in shorts.get(last, ())
                    and not self._known_short(last, f.entity_id)):
                shorts.setdefault(last, []).append(f.entity_id)
        if not full and not shorts:
            return
        table = later_mentions(full, shorts, self.lang)
        for si, seg in enumerate(self.segs):
            for i, j, start, end, skip, ids in find_later(seg.words, table, seg.free):
                eid = ids[0] if len(ids) == 1 else self._nearest(list(ids), order, si, start)
                how = "discovered" if eid.startswith("new/") else "name"
                self.add(_Found(si, i, j, start, end, eid, "person", how, labels.get(eid), skip=skip))

    def _known_short(self, word: str, eid: str) -> bool:
        """Whether the base itself lists ``word`` as a one-word name of ``eid`` (then the main
        pass has found it already)."""
        head = self.gaz.first.get(word)
        return head is not None and any(eid == t for entry, _, _ in head.single for t, _ in entry.targets)

    @staticmethod
    def _nearest(ids: list[str], order: dict[str, list[tuple[int, int]]], si: int, start: int) -> str:
        best, best_pos = ids[0], (-1, -1)
        for eid in ids:
            for pos in order.get(eid, ()):
                if best_pos < pos <= (si, start):
                    best, best_pos = eid, pos
        return best

    # -- output -------------------------------------------------------------------------

    def _original(self, seg: _Segment, start: int, end: int) -> str:
        if seg.metadata:
            return seg.norm.text[start:end]
        s, e = seg.norm.original_span(start, end)
        return self.article.text[s:e]

    def _trim_title(self, seg: _Segment, f: _Found) -> None:
        """A person's name without the title or honorific the base's form starts with
        ("الملك محمد السادس" -> "محمد السادس", "President X" -> "X")."""
        heads = self.gaz.title_heads
        w = seg.words
        while f.j - f.i >= 2 and w.words[f.i] in heads and w.words[f.i + 1] not in self.gaz.particles:
            f.i += 1
            f.start = w.start(f.i, (f.i - 1, f.start - f.skip))
            f.skip = 0

    def mentions(self) -> tuple[EntityMention, ...]:
        out: list[EntityMention] = []
        for f in self.found:
            seg = self.segs[f.seg]
            if f.type == "person" and f.how != "role":
                self._trim_title(seg, f)
            if seg.metadata:
                s = e = 0
            else:
                s, e = seg.norm.original_span(f.start, f.end)
            if f.label is not None:
                label = f.label
            else:
                entity = self.kb.get(f.entity_id)
                label = entity.label if entity is not None else f.entity_id
            out.append(EntityMention(s, e, self.article.text[s:e], f.entity_id, label, f.type, f.how, seg.in_title))
        out.sort(key=lambda m: (m.start, -m.end))
        kept: list[EntityMention] = []
        last_end = -1
        for m in out:
            if m.start == m.end:
                kept.append(m)
            elif m.start >= last_end:
                kept.append(m)
                last_end = m.end
        return tuple(kept)


def analyze_entities(article: Article, context: AnalysisContext) -> Article:
    """The article with ``entities`` filled (sorted by start, not overlapping)."""
    if article.lang is None:
        return article.with_(entities=())
    if article.norm_body is None:
        article = normalize_article(article)
    lang = article.lang if article.lang in GAZETTEER_LANGUAGES else "en"
    resolver = _Resolver(article, context, lang)
    resolver.names()
    resolver.extend_persons()
    resolver.roles()
    resolver.short_forms()
    return article.with_(entities=resolver.mentions())
