"""Citations: the outlets an article names as its sources, and who published it.

    >>> article = analyze_citations(article, context)
    >>> [(c.outlet, c.role, c.via, c.cue) for c in article.citations]
    [('Mashregh News', 'publisher', None, 'به گزارش مشرق'), ('Expert (magazine)', 'cited', 'Mashregh News', ...)]

Cues are per-language data (``data/analyze/<lang>/citations.tsv``): ``report`` (the outlet after
the cue reports: "به گزارش X", "ذكرت وكالة X", "сообщает X", "according to X"), ``quoting``
("به نقل از X", "نقلا عن X", "со ссылкой на X", "citing X"), ``label`` ("منبع: X",
"المصدر: X"), ``told`` ("told X"), ``report_before`` (the outlet before the cue: "X reported").
The outlet must be an outlet of the knowledge base (:mod:`akhbar.analyze.outlet_names`); filler
words and quotation marks may stand between the cue and its name ("به گزارش گروه بین‌الملل
خبرگزاری تسنیم", "خبرگزاری «نووستی»").

- The article's own "source:" lines (``article.removed`` of kind ``source``, whose outlets are
  ``article.credits``) are citations with the line's offsets; a credit that is no outlet
  ("وكالات", "agencies") is none.
- Publisher: the first ``report`` cue marked ``p`` (Persian "به گزارش X") in the lead (the
  first three paragraphs) names the publisher when X publishes in the article's language:
  role ``publisher``; ``article.publisher`` is set from it when the input gave none (a given
  publisher is kept, and X is then the publisher only when it is that outlet).
- A ``quoting`` citation right after another one (same sentence, only spaces or a comma
  between) was cited *via* it: "به گزارش X به نقل از Y" gives Y with ``via`` = X.

``start``/``end`` cover the cue and the outlet's name; ``cue`` is that text as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..normalize import normalize
from ..records import Article, Citation
from .outlet_names import OutletIndex, outlet_index
from .phrase_tables import WordFinder, caseless, compile_words, norm_phrase, table_rows
from .text_segments import body_segment, norm_span

__all__ = ["analyze_citations", "CitationCues", "citation_cues"]

LEAD_PARAGRAPHS = 3
_OPENING = "«“\"„"
_CLOSING = "»”\""


@dataclass(frozen=True)
class CitationCues:
    lang: str
    finder: WordFinder
    kinds: dict  # normalized cue -> kind
    publisher_cues: frozenset  # normalized report cues that name the publisher in the lead
    fillers: frozenset
    labels: WordFinder  # the label cues alone, for source lines


@lru_cache(maxsize=None)
def citation_cues(lang: str) -> CitationCues:
    kinds: dict[str, str] = {}
    publisher: set[str] = set()
    fillers: set[str] = set()
    for row in table_rows(lang, "citations.tsv"):
        if len(row) < 2:
            continue
        key = norm_phrase(row[1], lang)
        if row[0] == "filler":
            fillers.add(key.lower())
            continue
        kinds[key] = row[0]
        if len(row) > 2 and "p" in row[2]:
            publisher.add(key)
    prefix = "[وف]" if lang == "ar" else ""
    labels = [k for k, v in kinds.items() if v == "label"]
    return CitationCues(lang, compile_words(kinds, lang, prefix=prefix), kinds, frozenset(publisher),
                        frozenset(fillers), compile_words(labels, lang))


@dataclass
class _Found:
    start: int  # normalized body offsets (cue start .. name end)
    end: int
    kind: str
    cue_key: str
    outlet_id: str
    via: str | None = None
    role: str = "cited"


def analyze_citations(article: Article, context) -> Article:
    """``article`` with ``citations`` (and ``publisher`` when the input gave none) filled."""
    lang = article.lang or ""
    kb = context.kb
    index = outlet_index(context, lang)
    cues = citation_cues(lang)
    out: list[Citation] = []
    seg = body_segment(article)
    publisher = article.publisher
    if seg is not None:
        found = find_citations(seg.text, cues, index, _outlet_mentions(article, seg))
        _mark_publisher(found, seg.text, cues, article, kb)
        for f in found:
            entity = kb.get(f.outlet_id)
            start, end, text = seg.original(f.start, f.end)
            out.append(Citation(start=start, end=end, cue=text, outlet=entity.label, outlet_id=entity.id,
                                role=f.role, via=f.via))
            if f.role == "publisher" and publisher is None:
                publisher = entity.label
    out.extend(_source_lines(article, cues, index, kb))
    return article.with_(citations=tuple(out), publisher=publisher)


def _outlet_mentions(article: Article, seg) -> list[tuple[int, int, str]]:
    """The outlets the entities analysis found in the body, as normalized spans."""
    out = []
    for m in article.entities:
        if m.type == "outlet" and not m.in_title and m.end > m.start:
            s, e = norm_span(seg.norm, m.start, m.end)
            if e > s:
                out.append((s, e, m.entity_id))
    return out


def find_citations(text: str, cues: CitationCues, index: OutletIndex,
                   mentions: list[tuple[int, int, str]] = ()) -> list[_Found]:
    """The citations of normalized ``text`` (in order), ``via`` set between them.

    ``mentions``: outlet mentions found by the entities analysis (normalized spans), used when
    the name after a cue is not one of the index's forms (a case ending: "сообщил Интерфаксу").
    """
    found: list[_Found] = []
    if not cues.kinds:
        return found
    for hit in cues.finder.finditer(text):
        key = hit.word.lower() if caseless(cues.lang) else hit.word
        kind = cues.kinds.get(key)
        if kind is None:
            continue
        if kind == "report_before":
            named = index.before(text, hit.start, cues.fillers) or _mention_before(text, hit.start, mentions, cues)
            if named is None:
                continue
            s, e, ids = named
            start, end = s, hit.end
        else:
            named = index.after(text, hit.end, cues.fillers) or _mention_after(text, hit.end, mentions, cues)
            if named is None:
                continue
            s, e, ids = named
            if e < len(text) and text[e] in _CLOSING and any(c in _OPENING for c in text[max(0, s - 1):e]):
                e += 1  # the closing mark of «اکسپورت»
            start, end = hit.start, e
        if found and found[-1].end > start:
            continue  # already part of the previous citation
        f = _Found(start, end, kind, key, ids[0])
        if kind == "quoting" and found and _adjacent(text, found[-1].end, start):
            f.via = found[-1].outlet_id
        found.append(f)
    return found


def _only_fillers(gap: str, cues: CitationCues) -> bool:
    words = [w.strip(_OPENING + _CLOSING).lower() for w in gap.split()]
    return len(words) <= 4 and all(not w or w in cues.fillers for w in words)


def _mention_after(text: str, pos: int, mentions, cues: CitationCues):
    for s, e, eid in mentions:
        if s >= pos:
            return (s, e, (eid,)) if s - pos <= 60 and _only_fillers(text[pos:s], cues) else None
    return None


def _mention_before(text: str, pos: int, mentions, cues: CitationCues):
    for s, e, eid in reversed(mentions):
        if e <= pos:
            return (s, e, (eid,)) if pos - e <= 40 and _only_fillers(text[e:pos], cues) else None
    return None


def _adjacent(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return len(gap) <= 4 and all(c in " ,\u060c\u200c" for c in gap)


def _mark_publisher(found: list[_Found], text: str, cues: CitationCues, article: Article, kb) -> None:
    """The first publisher cue in the lead names the publisher (see the module doc); the
    ``via`` ids become labels."""
    lead_end = _lead_end(text)
    for f in found:
        if f.cue_key in cues.publisher_cues:
            if f.start < lead_end and _publishes_in(kb.get(f.outlet_id), article):
                f.role = "publisher"
            break
    for f in found:
        if f.via is not None:
            entity = kb.get(f.via)
            f.via = entity.label if entity else None


def _lead_end(text: str) -> int:
    pos = 0
    for _ in range(LEAD_PARAGRAPHS):
        i = text.find("\n\n", pos)
        if i < 0:
            return len(text)
        pos = i + 2
    return pos


def _publishes_in(entity, article: Article) -> bool:
    """Whether the outlet can be this article's publisher: it publishes in the article's
    language (or its language is unknown), and it is the publisher the input gave, if any."""
    if entity is None:
        return False
    lang = entity.attrs.get("lang")
    if lang and article.lang and lang != article.lang:
        return False
    given = article.publisher
    if not given:
        return True
    g = given.strip().lower()
    names = {entity.label.lower()} | {n.lower() for _, n in entity.all_names()}
    domains = entity.attrs.get("domain", "")
    return g in names or any(d.lower() in g for d in domains.replace(",", " ").split())


def _source_lines(article: Article, cues: CitationCues, index: OutletIndex, kb) -> list[Citation]:
    """Citations from the "source:" lines the cleaner removed (their outlets are the credits)."""
    out: list[Citation] = []
    seen: set[str] = set()
    lang = article.lang or ""
    for r in article.removed:
        if r.kind != "source":
            continue
        norm = normalize(r.text, lang or None)
        pos = 0
        for hit in cues.labels.finditer(norm.text, 0, min(len(norm.text), 24)):
            pos = hit.end
            break
        named = index.after(norm.text, pos, cues.fillers)
        if named is None:
            continue
        entity = kb.get(named[2][0])
        if article.text[r.start:r.end] == r.text:
            start, end = r.start, r.end
        else:
            start = end = 0
        out.append(Citation(start=start, end=end, cue=r.text.strip() if start == end else article.text[start:end],
                            outlet=entity.label, outlet_id=entity.id, role="cited"))
        seen.add(entity.id)
    for credit in article.credits:  # credits given without a line of the text (metadata)
        norm = normalize(credit, lang or None).text
        named = index.after(norm, 0, cues.fillers)
        if named is not None and named[2][0] not in seen:
            entity = kb.get(named[2][0])
            out.append(Citation(start=0, end=0, cue=credit, outlet=entity.label, outlet_id=entity.id))
            seen.add(entity.id)
    return out
