"""The gazetteer of one language: every name of the knowledge base, role title and nationality
adjective, as word sequences indexed by their first word's written forms.

Names are normalized with :func:`akhbar.normalize.normalize` for the article's language, as the
article text is, so both sides agree (alef forms, yeh/kaf, ZWNJ, digits). Each word of a name is
expanded to its written forms (:mod:`akhbar.analyze.variants`: Arabic proclitics, Persian
suffixes, Russian case endings, a capital at a sentence start). Persian and Arabic articles also
get the English names, for names written in Latin script; Russian ones too.

:func:`scan` finds the leftmost-longest matches in a text's words, never inside a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import NamedTuple, TypeVar

from ..kb import KnowledgeBase
from ..normalize import normalize
from . import tables
from .tokens import WORD_RE, Words, joins_after
from .variants import blocking_suffixes, word_forms

__all__ = ["ENTITY", "ROLE", "NATIONALITY", "Entry", "Match", "Head", "Gazetteer", "build_gazetteer", "index",
           "scan", "find_words"]

ENTITY, ROLE, NATIONALITY = 0, 1, 2
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Entry:
    """One name (or title, or adjective) as a word sequence.

    ``targets``: for an entity name ``((entity id, ambiguous), ...)``; for a role title the
    roles it names; for a nationality adjective the country ids. ``rest[k]`` maps the written
    forms of word ``k + 1`` to the characters to trim at its end; ``block``: Persian words that,
    after a ZWNJ, make the last word an adjective."""

    kind: int
    name: str
    size: int
    targets: tuple
    rest: tuple[dict[str, int], ...] = ()
    block: frozenset[str] = frozenset()


class Match(NamedTuple):
    """Words ``i`` to ``j`` (exclusive) of a text matched ``entry``; ``start``/``end`` are
    character offsets in the normalized text, without proclitic or suffix."""

    kind: int  # ENTITY, ROLE or NATIONALITY (the entry's)
    entry: Entry
    i: int
    j: int
    start: int
    end: int
    skip: int = 0  # characters of a proclitic before ``start`` in word ``i``


Candidate = tuple[Entry, int, int]  # entry, characters to skip at the start, to trim at the end


@dataclass(slots=True)
class Head:
    """The names whose first word has one written form: one-word names, and longer names by
    the written forms of their second word (so a common first word costs one lookup)."""

    single: list[Candidate] = field(default_factory=list)
    longer: dict[str, list[Candidate]] = field(default_factory=dict)


@dataclass
class Gazetteer:
    """``first``: the index of :func:`index`; ``given_names``: first words of the base's person
    names, shared by two persons or more (a Persian or Arabic name found without a title starts
    with one); ``first_names``: also the one-off first words (a name right after a title);
    ``stopwords``: words never part of a name; ``particles``/``suffixes``: name parts
    (``tables.name_parts``); ``title_heads``: one-word titles and honorifics, which stand before
    a name but are not part of it (``الملك``, ``السيد``, ``President``); ``types``: entity id ->
    type; the rest describes the language's writing (article, proclitics, capitals)."""

    lang: str
    first: dict[str, Head]
    given_names: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()  # also the one-off first words (after a title)
    stopwords: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    types: dict[str, str] = field(default_factory=dict)
    articles: tuple[str, ...] = ()  # the definite article written on a word (Arabic ال)
    definite_prefixes: tuple[str, ...] = ()  # a proclitic and the article (بال، وال، لل)
    conjunctions: tuple[str, ...] = ()  # conjunctions written on a word (Arabic و)
    proclitics: tuple[str, ...] = ()  # every proclitic written on a word (و ف ب ك ل ...)
    cased: bool = False  # the language's script has capitals (names are capitalised)
    given_opens_anywhere: bool = False  # a given name opens a discovered name with no cue before it


def index(entries: Iterable[tuple[Entry, dict[str, tuple[int, int]]]],
          stopwords: frozenset[str]) -> dict[str, Head]:
    """``{first word form: Head}`` for entries with the written forms of their first word.

    A one-word name whose form is a function word of the language (``على`` folds to the name
    ``علي``) is left out: it would be taken in every sentence."""
    first: dict[str, Head] = {}
    for entry, forms in entries:
        for form, (skip, trim) in forms.items():
            if entry.size == 1:
                if form in stopwords or entry.name in stopwords or len(entry.name) < 2:
                    continue
                first.setdefault(form, Head()).single.append((entry, skip, trim))
            else:
                head = first.setdefault(form, Head())
                for second in entry.rest[0]:
                    head.longer.setdefault(second, []).append((entry, skip, trim))
    for head in first.values():
        head.single.sort(key=lambda c: (c[1], c[0].kind))
        for candidates in head.longer.values():
            # longest first; then the exact form before a proclitic reading; names before titles
            candidates.sort(key=lambda c: (-c[0].size, c[1], c[0].kind))
    return first


def _key(name: str, lang: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(normalize(name, lang).text))


def _glue(key: tuple[str, ...], glued: frozenset[str]) -> tuple[str, ...]:
    """The name with its glued particles written together with the next word (عبدالله)."""
    out: list[str] = []
    k = 0
    while k < len(key):
        if key[k] in glued and k + 1 < len(key):
            out.append(key[k] + key[k + 1])
            k += 2
        else:
            out.append(key[k])
            k += 1
    return tuple(out)


def _adjective_forms(adjective: str, lang: str) -> set[str]:
    """An adjective's forms by ``<lang>/adjective_endings.tsv`` (each word inflected alike)."""
    table = tables.adjective_endings(lang)
    words = adjective.split()
    out = {adjective}
    for size in (3, 2, 1):
        if all(len(w) > size and w[-size:] in table for w in words):
            options = table[words[0][-size:]]
            out.update(" ".join(w[:-size] + r for w in words) for r in options
                       if all(w[-size:] == words[0][-size:] for w in words))
            break
    return out


def _nationality_forms(lang: str) -> Iterable[tuple[str, str]]:
    """(adjective form as written in running text, country id): the adjectives of
    ``<lang>/nationalities.tsv``, inflected; in a language with a written article (Arabic) only
    the definite forms, which agree with a definite title ("الرئيس الروسي")."""
    article = tables.proclitics(lang).article
    for country, adjective in tables.nationalities(lang):
        for form in _adjective_forms(adjective, lang):
            if article:
                yield " ".join(article + w for w in form.split()), country
            else:
                yield form, country


def _cased(kb: KnowledgeBase, lang: str) -> bool:
    """Whether most of the base's names in ``lang`` start with a capital (Russian, English)."""
    names = [n for n, _ in kb.names(lang)]
    return bool(names) and sum(n[:1].isupper() for n in names) > len(names) / 2


def _given_names(kb: KnowledgeBase, lang: str, exclude: set[str] | frozenset[str],
                 persons_at_least: int) -> frozenset[str]:
    """First words of the base's person names in ``lang`` that start the names of at least
    ``persons_at_least`` persons (with 2: "محمد", "Sergey", not a one-off word that may also be
    a noun), of three or more letters, not a function word, a title or (Arabic) a word with the
    article."""
    article = tables.proclitics(lang).article
    glued = tables.name_parts(lang).glued
    persons: dict[str, set[str]] = {}
    for name, eid in kb.names(lang):
        if eid.startswith("person/"):
            key = _key(name, lang)
            for k in {key, _glue(key, glued)}:
                if len(k) >= 2:
                    persons.setdefault(k[0], set()).add(eid)
    return frozenset(w for w, ids in persons.items()
                     if len(ids) >= persons_at_least and len(w) >= 3 and w not in exclude
                     and not (article and w.startswith(article)))


def build_gazetteer(kb: KnowledgeBase, lang: str) -> Gazetteer:
    """The gazetteer for articles in ``lang``, from ``kb`` and the shipped tables."""
    groups: dict[tuple[int, tuple[str, ...], str], dict] = {}

    def add(kind: int, key: tuple[str, ...], word_lang: str, target: str, ambiguous: bool = False) -> None:
        if not key:
            return
        bucket = groups.setdefault((kind, key, word_lang), {})
        bucket[target] = bucket.get(target, True) and ambiguous

    glued = tables.name_parts(lang).glued
    for name, eid in kb.names(lang):
        entity = kb.get(eid)
        key = _key(name, lang)
        ambiguous = entity.is_ambiguous(lang, name)
        add(ENTITY, key, lang, eid, ambiguous)
        if glued and entity.type == "person":
            joined = _glue(key, glued)
            if joined != key:
                add(ENTITY, joined, lang, eid, ambiguous)
    if lang != "en":
        for name, eid in kb.names("en"):
            key = _key(name, "en")
            if key and all(w.isascii() for w in key):
                add(ENTITY, key, "en", eid, kb.get(eid).is_ambiguous("en", name))
    for title, role in kb.role_titles(lang):
        add(ROLE, _key(title, lang), lang, role)
    for adjective, country in _nationality_forms(lang):
        add(NATIONALITY, _key(adjective, lang), lang, country)

    stop = tables.stopwords(lang)
    entries: list[tuple[Entry, dict[str, tuple[int, int]]]] = []
    for (kind, key, word_lang), bucket in groups.items():
        size = len(key)
        forms = [word_forms(w, word_lang, first=k == 0, last=k == size - 1) for k, w in enumerate(key)]
        if kind == ENTITY:
            targets = tuple(bucket.items())
        else:
            targets = tuple(bucket)
        block = blocking_suffixes(key[-1]) if word_lang == "fa" else frozenset()
        entry = Entry(kind, " ".join(key), size, targets,
                      tuple({f: trim for f, (_, trim) in fk.items()} for fk in forms[1:]), block)
        entries.append((entry, forms[0]))
    first = index(entries, stop)

    parts = tables.name_parts(lang)
    heads = {key[0] for (kind, key, _), _ in groups.items() if kind == ROLE and len(key) == 1}
    heads.update(w for cue in tables.cues(lang).get(("person", "before"), ()) for w in WORD_RE.findall(cue)[-1:])
    title_heads = {form for w in heads for form in word_forms(w, lang, first=True, last=False)}
    not_given = stop | title_heads | {w for (kind, key, _) in groups if kind != ENTITY for w in key}
    given = _given_names(kb, lang, not_given, 2)
    first_names = _given_names(kb, lang, not_given, 1)
    types = {e.id: e.type for e in kb.entities()}
    clitics = tables.proclitics(lang)
    articles = (clitics.article,) if clitics.article else ()
    conjunctions = tuple(p for p in clitics.plain if p in tables.cues(lang).get(("conjunction", "between"), ()))
    return Gazetteer(lang, first, given, first_names, stop, parts.particles, parts.suffixes,
                     frozenset(title_heads), types,
                     articles, clitics.definite(), conjunctions, clitics.plain + clitics.lam,
                     _cased(kb, lang), parts.given_opens_anywhere)


def scan(words: Words, gazetteer: Gazetteer, lo: int = 0, hi: int | None = None,
         shorter_than: int | None = None) -> list[Match]:
    """Leftmost-longest matches of the gazetteer's names in ``words``, without overlaps.

    ``lo``/``hi``: only words ``lo`` to ``hi``; ``shorter_than``: only names of fewer words
    (to look inside a longer match that was turned down)."""
    first = gazetteer.first
    seq = words.words
    parts = words.parts
    n = len(seq) if hi is None else hi
    limit = shorter_than or n + 1
    out: list[Match] = []
    free = lo
    part = offset = 0  # a walk over words.parts: part ``part`` starts at ``offset``
    heads = list(map(first.get, seq[lo:n]))
    for i in compress(range(lo, n), heads):
        if i < free:
            continue
        head = heads[i - lo]
        found = None
        if i + 1 < n and head.longer:
            candidates = head.longer.get(seq[i + 1])
            if candidates and (parts[2 * i + 2] == " " or joins_after(seq[i], parts[2 * i + 2])):
                for entry, skip, trim in candidates:
                    size = entry.size
                    if i + size > n or size >= limit:
                        continue
                    end_trim = entry.rest[0][seq[i + 1]]
                    for p in range(2, size):
                        t = entry.rest[p - 1].get(seq[i + p])
                        if t is None or not joins_after(seq[i + p - 1], parts[2 * (i + p)]):
                            break
                        end_trim = t
                    else:
                        if entry.block and _blocked(entry, seq, words, i + size):
                            continue
                        found = (entry, skip, end_trim)
                        break
        if found is None:
            for entry, skip, trim in head.single:
                if not entry.block or not _blocked(entry, seq, words, i + 1):
                    found = (entry, skip, trim)
                    break
        if found is not None:
            entry, skip, trim = found
            j = i + entry.size
            offset += sum(map(len, parts[part:2 * i + 1]))
            part = 2 * i + 1
            end = offset + (len(seq[i]) if j == i + 1 else sum(map(len, parts[part:2 * j])))
            if j - i > 1 and parts[2 * j - 2] == "." and len(seq[j - 1]) <= 2 and parts[2 * j][:1] == ".":
                end += 1  # the closing dot of an abbreviation: "U.S."
            out.append(Match(entry.kind, entry, i, j, offset + skip, end - trim, skip))
            free = j
    return out


def find_words(words: Words, forms: dict[str, T]) -> list[tuple[int, int, int, str, T]]:
    """Every word of ``words`` that is a key of ``forms``: (index, start, end, word, value)."""
    seq, parts = words.words, words.parts
    out = []
    part = offset = 0
    for k in compress(range(len(seq)), map(forms.__contains__, seq)):
        offset += sum(map(len, parts[part:2 * k + 1]))
        part = 2 * k + 1
        out.append((k, offset, offset + len(seq[k]), seq[k], forms[seq[k]]))
    return out


def _blocked(entry: Entry, seq: list[str], words: Words, j: int) -> bool:
    """A Persian suffix after a ZWNJ that makes the name's last word an adjective."""
    return j < len(seq) and seq[j] in entry.block and words.gap(j - 1) == "\u200c"
