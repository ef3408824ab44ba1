"""Names not in the knowledge base, found next to a title or a cue ("وزیر امور خارجه روسیه
سرگئی ...", "Russian Foreign Minister X", "министр иностранных дел X", "السيد X", "قال محمد X"),
and the later, shorter mentions of a person named in full earlier in the article.

Where a name ends is decided per language:

- a script with capitals (Russian, English, Latin names anywhere): 1-3 capitalised words;
- Persian and Arabic: a name in quotation marks («...»), or 1-3 parts whose first word is a given
  name (the first words of the knowledge base's person names in that language), none of them a
  function word, a title, a known name or a number; a particle joins two words into one part
  (عبد الله، بن سلمان) and an Arabic part with the article ends the name (السيسي). After an
  honorific ("السيد", "آقای") the first word need not be a known given name. Where the
  language's ``name_parts.tsv`` says ``given anywhere`` (Arabic), a given name opens a name of
  two parts or more with no cue before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .gazetteer import Gazetteer, find_words
from .tokens import Words, joins, joins_after
from .variants import word_forms

__all__ = ["name_after", "name_before", "quoted_before", "slug", "later_mentions", "find_later"]

MAX_WORDS = 3
_OPEN_QUOTES = "«\"“„"
_CLOSE_QUOTES = "»\"”"


def slug(name: str) -> str:
    """The id part of a discovered name: its words, lower-cased, joined by hyphens."""
    return "-".join(w.lower() for w in re.findall(r"\w+", name))


def _quoted(words: Words, k: int, free: Callable[[int], bool]) -> int | None:
    """End (exclusive word index) of a quoted name of 1-3 words that starts at word ``k``."""
    before = words.before(k)
    if not before.rstrip() or before.rstrip()[-1] not in _OPEN_QUOTES:
        return None
    n = len(words)
    for j in range(k + 1, min(n, k + MAX_WORDS) + 1):
        if not free(j - 1) or words.words[j - 1].isdigit():
            return None
        tail = words.gap(j - 1)
        if tail[:1] in _CLOSE_QUOTES:
            return j
        if j < n and not joins(words.gap(j - 1)):
            return None
    return None


def name_after(words: Words, k: int, gazetteer: Gazetteer, free: Callable[[int], bool],
               lenient: bool = False, titled: bool = False) -> tuple[int, int] | None:
    """Words ``(k, j)`` of a person's name starting at word ``k``, or None.

    ``free(i)``: word ``i`` is not part of another match. ``lenient``: right after an honorific,
    the first word of a Persian or Arabic name need not be a known given name; ``titled``:
    right after a title, any first word of a known person's name will do. A name has at
    most three parts; a particle (``بن``, ``عبد``, ``von``) joins two words into one part and
    never ends a name; in Arabic a part with the article ends it (``عبد الفتاح السيسي``, but
    ``عبد الله`` goes on) and a third part is such a family name or a suffix (``الثاني``)."""
    n = len(words)
    if k >= n or not free(k):
        return None
    quoted = _quoted(words, k, free)
    if quoted is not None:
        return k, quoted
    if k:
        gap = words.before(k)
        if not joins(gap) and (lenient or gap.strip() not in ("", ",", "،")):
            return None
    seq = words.words
    stop = gazetteer.stopwords
    given = gazetteer.first_names if titled else gazetteer.given_names
    particles, suffixes = gazetteer.particles, gazetteer.suffixes
    parts = 0
    limit = MAX_WORDS
    end = k
    j = k
    while j < n and parts < limit and free(j):
        w = seq[j]
        after_particle = j > k and seq[j - 1] in particles
        if j > k:
            gap = words.gap(j - 1)
            if not (joins(gap) or len(seq[j - 1]) == 1 and gap in (".", ". ")):
                break
        if w.isdigit() or w in gazetteer.title_heads and not after_particle:
            break
        if w in particles:
            j += 1
            continue
        if w in stop and w not in suffixes:
            break
        if gazetteer.cased or w.isascii():
            if not w[:1].isupper():
                break
        elif parts == 0 and not after_particle:
            known = w in given or lenient and not w.startswith(gazetteer.proclitics)
            if w.startswith(gazetteer.articles) or not known:
                break
            if w not in given:
                limit = 2  # an unknown first word after an honorific: a name of two parts at most
        elif not after_particle and gazetteer.articles:
            # "محمد ورايس", "جورج بوش بالبيت الأبيض": a conjunction or a preposition with the article
            if w.startswith(gazetteer.conjunctions) and w not in given or w.startswith(gazetteer.definite_prefixes):
                break
            if parts >= 2 and not (w.startswith(gazetteer.articles) or w in suffixes):
                break
        parts += 1
        j += 1
        end = j
        if w in suffixes or gazetteer.articles and w.startswith(gazetteer.articles) and not after_particle:
            break  # a family name with the article ends an Arabic name (السيسي), bar a suffix
    if end == k:
        return None
    return k, end


def name_before(words: Words, k: int, gazetteer: Gazetteer, free: Callable[[int], bool]) -> tuple[int, int] | None:
    """A name that ends right before word ``k`` (a title: "محمد بن راشد نائب رئيس الدولة",
    "John Smith, the British ambassador"), the longest that :func:`name_after` accepts."""
    if k == 0 or words.gap(k - 1).strip() not in ("", ",", "،") or not free(k - 1):
        return None
    window = words.words[max(0, k - 2 * MAX_WORDS):k]
    if not gazetteer.cased and not any(w in gazetteer.given_names for w in window):
        return None
    for start in range(max(0, k - 2 * MAX_WORDS), k):
        if free(start) and (start == 0 or not free(start - 1) or not joins(words.gap(start - 1))
                            or words.words[start - 1] in gazetteer.stopwords):
            span = name_after(words, start, gazetteer, free)
            if span is not None and span[1] == k:
                return span
    return None


def quoted_before(words: Words, k: int, free: Callable[[int], bool]) -> tuple[int, int] | None:
    """A quoted name of 1-3 words that ends right before word ``k`` («X Y» رئیس ...)."""
    if k == 0:
        return None
    gap = words.gap(k - 1)
    if not gap.strip() or gap.strip()[0] not in _CLOSE_QUOTES:
        return None
    for i in range(k - 1, max(-1, k - 1 - MAX_WORDS), -1):
        if not free(i) or words.words[i].isdigit():
            return None
        if words.before(i).rstrip()[-1:] in _OPEN_QUOTES:
            return i, k
        if i and not joins(words.gap(i - 1)):
            return None
    return None


PersonForm = tuple[tuple[dict[str, int], ...], int, int, tuple[str, ...]]  # rest, skip, trim, ids


def later_mentions(full: dict[tuple[str, ...], str], shorts: dict[str, list[str]],
                   lang: str) -> dict[str, list[PersonForm]]:
    """The written forms of the article's own persons, for a second look at the text:
    discovered full names (word tuples -> id) and short forms (a last word -> ids, in the
    order their full names appear). ``{first word form: [(forms of the other words, skip,
    trim, ids), ...]}``, longest first."""
    table: dict[str, list[PersonForm]] = {}

    def add(key: tuple[str, ...], ids: tuple[str, ...]) -> None:
        size = len(key)
        word_lang = "en" if all(w.isascii() for w in key) else lang
        forms = [word_forms(w, word_lang, first=i == 0, last=i == size - 1) for i, w in enumerate(key)]
        rest = tuple({f: trim for f, (_, trim) in fk.items()} for fk in forms[1:])
        for form, (skip, trim) in forms[0].items():
            table.setdefault(form, []).append((rest, skip, trim, ids))

    for key, eid in full.items():
        add(key, (eid,))
    for word, ids in shorts.items():
        add((word,), tuple(ids))
    for candidates in table.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return table


def find_later(words: Words, table: dict[str, list[PersonForm]],
               free: Callable[[int], bool]) -> list[tuple[int, int, int, int, int, tuple[str, ...]]]:
    """Free mentions of :func:`later_mentions`' forms: (i, j, start, end, skip, ids)."""
    out = []
    parts = words.parts
    for k, start, end, _, candidates in find_words(words, table):
        if not free(k):
            continue
        for rest, skip, trim, ids in candidates:
            j = k + 1 + len(rest)
            if j > len(words) or not all(free(x) for x in range(k, j)):
                continue
            if all(words.words[k + 1 + p] in forms and joins_after(words.words[k + p], words.gap(k + p))
                   for p, forms in enumerate(rest)):
                if rest:
                    trim = rest[-1][words.words[j - 1]]
                    end = start + sum(map(len, parts[2 * k + 1:2 * j]))
                out.append((k, j, start + skip, end - trim, skip, ids))
                break
    return out
