"""Search folding: one matching key for documents and queries, whatever the spelling.

:func:`fold_for_search` turns an article field into the text of the full-text index (FTS5's
``unicode61`` tokenizer splits it at the spaces); :func:`query_terms` turns a user query into
alternatives per query word, folded the same way. A term is made of letters and digits only
(a query alternative may be a phrase: terms separated by spaces), so it is safe inside an FTS5
query between double quotes.

The folding, after the text is normalized for its language (:func:`~akhbar.normalize.normalize`):
lowercase (casefold); combining marks removed after NFD, so diacritics, harakat and the hamza or
madda on أ إ آ ؤ ئ ۀ go (the Cyrillic breve stays: й is a letter of its own); Arabic-script
letters folded to one alphabet (``search/fold.tsv``: ی ي ى -> ي, ک ك -> ك, ة ۀ -> ه, ٱ -> ا,
hamza and tatweel dropped); ZWNJ removed, so ``سرویس‌های`` and ``سرویسهای`` are one term;
digits of every system are ASCII.

Index terms added after the running text:

- Persian documents: the content parts of each ZWNJ compound and the compound without its
  affixes (``برنامه‌ریزی‌های`` adds ``برنامه``, ``ریزی``, ``برنامهریزی``), so a query for the
  stem finds the inflected word.
- Arabic documents: each Arabic-script word as a *stem term*: ``STEM_MARK`` (tatweel, which no
  folded word contains) followed by the word, and by the word without each proclitic of
  ``ar/proclitics.txt`` that leaves at least 3 letters (``والإرهاب`` adds ``ـوالارهاب``,
  ``ـالارهاب``, ``ـارهاب``). A query word offers its own stem terms as alternatives, so
  ``ارهاب``, ``الإرهاب`` and ``للإرهاب`` meet on ``ـارهاب``, while a Persian query word that only
  looks like a proclitic plus a word (``وزیر``: و + زیر "under") never matches ``زیر`` in
  Persian text, because Persian documents carry no stem terms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .core import normalize
from .script import ARABIC_LETTERS, ZWNJ
from .tables import ar_proclitics, fa_affixes, search_fold_table

__all__ = ["STEM_MARK", "fold_for_search", "fold_for_index", "bare_stem", "query_terms", "fold_text", "fold_terms"]

STEM_MARK = "\u0640"  # ARABIC TATWEEL: a letter (Lm) to FTS5, removed from every folded word
MIN_STEM = 3  # letters an Arabic stem keeps after a proclitic

_TERM = re.compile(r"[^\W_]+")
_ZWNJ_WORD = re.compile(rf"[^\W_]+(?:{ZWNJ}[^\W_]+)+")
_ARABIC_START = re.compile(f"[{ARABIC_LETTERS}]")
_KEEP_MARKS = {"\u0306"}  # combining breve: й, ў
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی
_ARABIC_ONLY = re.compile("[\u0629\u0643\u0649\u064a\u064b-\u0652]")  # ة ك ى ي, harakat


@lru_cache(maxsize=None)
def _marks_re() -> re.Pattern[str]:
    """Every non-spacing or enclosing mark of the Basic Multilingual Plane but the breve."""
    marks = [
        chr(c)
        for c in range(0x300, 0x10000)
        if unicodedata.category(chr(c)) in ("Mn", "Me") and chr(c) not in _KEEP_MARKS
    ]
    ranges: list[str] = []
    start = prev = None
    for ch in marks:
        c = ord(ch)
        if prev is not None and c == prev + 1:
            prev = c
            continue
        if start is not None:
            ranges.append(_range(start, prev))
        start = prev = c
    if start is not None:
        ranges.append(_range(start, prev))
    return re.compile("[" + "".join(ranges) + "]+")


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


def fold_text_reference(text: str) -> str:
    """The character folding, spelled out (what :func:`fold_text` computes, per character)."""
    text = unicodedata.normalize("NFD", text.casefold())
    text = _marks_re().sub("", text)
    for a, b in search_fold_table():
        if a in text:
            text = text.replace(a, b)
    return unicodedata.normalize("NFC", text)


# Blocks with no decomposition and no folding (CJK, Hangul syllables, surrogates, private use):
# left out of the translation table to keep building it cheap.
_UNCHANGED_BLOCKS = ((0x3400, 0x9FFF), (0xAC00, 0xD7AF), (0xD800, 0xF8FF))
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=None)
def _fold_translation() -> dict[int, str | None]:
    """:func:`fold_text_reference` of every single character that it changes, as a
    ``str.translate`` table (built once per process, ~0.1 s)."""
    table: dict[int, str | None] = {}
    for cp in range(0x80, 0x10000):
        if any(lo <= cp <= hi for lo, hi in _UNCHANGED_BLOCKS):
            continue
        c = chr(cp)
        out = fold_text_reference(c)
        if out != c:
            table[cp] = out or None
    return table


def fold_text(text: str) -> str:
    """The character folding alone, on text already normalized for its language: one
    ``str.translate`` over the casefolded text (5x faster than NFD, a regex and NFC over the
    whole text, and the same result: only the kept breve can recompose across characters)."""
    if _ASTRAL.search(text):  # outside the table (historic scripts, compatibility ideographs)
        return fold_text_reference(text)
    text = text.casefold().translate(_fold_translation())
    if "\u0306" in text:
        text = unicodedata.normalize("NFC", text)
    return text


@lru_cache(maxsize=None)
def _split_table() -> list[str | int]:
    """:func:`_fold_translation` followed by "every character that is not a letter or a digit
    becomes a space", as a ``str.translate`` table indexed by code point over the Basic
    Multilingual Plane: after it, the terms are what ``str.split`` returns. A list, not a dict:
    ``translate`` then finds every character by index (2x faster than a dict, where each
    unchanged character is a failed lookup). The combining breve stays itself (it may
    recompose with the letter before it, which only the slow path does)."""
    fold = _fold_translation()
    table: list[str | int] = []
    for cp in range(0x10000):
        c = chr(cp)
        out = fold.get(cp, c) or ""
        if not out.isalnum():
            out = "".join(ch if ch.isalnum() or ch == "\u0306" else " " for ch in out)
        table.append(cp if out == c else out)  # an unchanged character as its code: less memory
    return table


def fold_terms(text: str) -> list[str]:
    """The terms (runs of letters and digits) of :func:`fold_text` of ``text``, which must be
    normalized for its language already: ``_TERM.findall(fold_text(text))``, computed by one
    ``casefold``, one ``translate`` and one ``split`` in C (4x faster than folding, then a
    regex over every chunk that holds punctuation)."""
    if not _ASTRAL.search(text):
        spaced = text.casefold().translate(_split_table())
        if "\u0306" not in spaced:
            return spaced.split()
    return _terms(fold_text(text))


def fold_for_search(text: str, lang: str | None, *, normalized: bool = False,
                    terms: list[str] | None = None) -> str:
    """The full-text index text of an article field in language ``lang``: space-separated
    terms (the running text's terms, then the extra terms described in the module doc).
    ``normalized``: ``text`` is already the output of ``normalize(..., lang)`` (the pipeline's
    ``norm_body``), so it is not normalized again; ``terms``, with ``normalized``, are its
    :func:`fold_terms` already computed (the worker folds each field once for the index and
    the link profile)."""
    norm = text if normalized else normalize(text, lang).text
    terms = terms if normalized and terms is not None else fold_terms(norm)
    if lang == "fa" and ZWNJ in norm:
        extras: list[str] = []
        for chunk in dict.fromkeys(c for c in norm.split() if ZWNJ in c):
            for word in _ZWNJ_WORD.findall(chunk):
                extras.extend(_compound_terms(word))
        if extras:
            return " ".join(terms + extras)
    elif lang == "ar":
        stems = _document_stem_terms(terms)
        if stems:
            return " ".join(terms) + " " + stems
    return " ".join(terms)


def fold_for_index(text: str, lang: str | None, *, normalized: bool = False,
                   terms: list[str] | None = None) -> str:
    """The compact index text: as :func:`fold_for_search`, but an Arabic document carries one
    ``STEM_MARK`` term ("this document is Arabic") and the stem terms of the stems a proclitic
    leaves, without the marked copy of every word: a query's stem alternative ``ـS`` is also
    asked as ``S AND ـ`` (see :func:`bare_stem`), which finds the bare word S in an Arabic
    document, so the same documents match with a third fewer terms to index (FTS5 insert
    0.55 -> 0.31 ms per SaudiNewsNet article). An index built with it must be searched with
    those ``AND`` alternatives; one built with :func:`fold_for_search` works either way."""
    if lang != "ar":
        return fold_for_search(text, lang, normalized=normalized, terms=terms)
    norm = text if normalized else normalize(text, lang).text
    terms = terms if normalized and terms is not None else fold_terms(norm)
    uniq = dict.fromkeys(terms)
    lines = "\n" + "\n".join(uniq) + "\n"
    arabic, by_length = _stem_patterns()
    if not arabic.search(lines):
        return " ".join(terms)
    stems = [s for pattern in by_length for s in pattern.findall(lines)
             if s not in uniq or not _ARABIC_START.match(s)]
    return " ".join(terms) + " " + STEM_MARK + "".join(" " + STEM_MARK + s for s in stems)


def bare_stem(term: str) -> str | None:
    """For a stem alternative (``STEM_MARK`` + an Arabic-script word S), S: the alternative
    also matches S written bare in an Arabic document (``S AND STEM_MARK``)."""
    if term.startswith(STEM_MARK) and _ARABIC_START.match(term, 1):
        return term[1:]
    return None


def _document_stem_terms(terms: list[str]) -> str:
    """The stem terms of a document's distinct terms (:func:`_stem_terms` of each), found by a
    few regex passes over the terms, one per line, instead of a Python loop per term: first the
    marked form of every Arabic-script term, then the stems a proclitic leaves, longest
    proclitic first. The same terms as term by term, in another order, which the index does
    not see (bm25 counts terms; no query puts a stem term in a phrase)."""
    lines = "\n" + "\n".join(dict.fromkeys(terms)) + "\n"
    arabic, by_length = _stem_patterns()
    parts = [STEM_MARK + f" {STEM_MARK}".join(found) for found in
             (pattern.findall(lines) for pattern in (arabic, *by_length)) if found]
    return " ".join(parts)


@lru_cache(maxsize=None)
def _stem_patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Over terms one per line (a newline before and after each): a regex finding the terms
    that start with an Arabic letter, and one per length of the proclitics finding what a
    proclitic of that length leaves (at least ``MIN_STEM`` letters); a term starts with at
    most one proclitic of each length. Each pattern starts with the newline, which the regex
    engine looks for first."""
    lengths: dict[int, set[str]] = {}
    for p in ar_proclitics():
        f = fold_text(p)
        if f:
            lengths.setdefault(len(f), set()).add(f)
    stems = tuple(
        re.compile(f"\n(?:{'|'.join(map(re.escape, sorted(lengths[n])))})([^\n]{{{MIN_STEM},}})(?=\n)")
        for n in sorted(lengths, reverse=True)
    )
    return re.compile(f"\n([{ARABIC_LETTERS}][^\n]*)"), stems


def query_terms(query: str) -> list[list[str]]:
    """For each word of a user query (any language, any spelling), the terms any of which may
    match it: the folded word; for an Arabic-script word its stem terms; for a ZWNJ compound
    the phrase of its parts (``"بين المللي"``). No term contains a double quote."""
    out: list[list[str]] = []
    for chunk in normalize(query, _guess_lang(query)).text.split():
        terms = _terms(fold_text(chunk))
        phrase = None
        if ZWNJ in chunk and len(terms) == 1:
            # a ZWNJ compound also matches where a writer put a space (بین‌المللی / بین المللی):
            # a phrase, which FTS5 accepts between double quotes
            parts = _terms(fold_text(chunk.replace(ZWNJ, " ")))
            phrase = " ".join(parts) if len(parts) > 1 else None
        for t in terms:
            alts = (t,) + _stem_terms(t) + ((phrase,) if phrase else ())
            out.append(list(dict.fromkeys(alts)))
    return out


def _terms(folded: str) -> list[str]:
    """The runs of letters and digits of a folded text (faster than one findall over it all:
    most whitespace-separated chunks are a word already)."""
    out: list[str] = []
    for chunk in folded.split():
        if chunk.isalnum():
            out.append(chunk)
        else:
            out.extend(_TERM.findall(chunk))
    return out


def _guess_lang(query: str) -> str | None:
    """Persian when a letter only Persian uses (or a ZWNJ) is there, Arabic when a letter only
    Arabic uses is."""
    if ZWNJ in query or _PERSIAN_ONLY.search(query):
        return "fa"
    if _ARABIC_ONLY.search(query):
        return "ar"
    return None


@lru_cache(maxsize=1 << 17)
def _stem_terms(term: str) -> tuple[str, ...]:
    if not _ARABIC_START.match(term):
        return ()
    out = [STEM_MARK + term]
    for p in _proclitics_by_letter().get(term[0], ()):
        if term.startswith(p) and len(term) - len(p) >= MIN_STEM:
            out.append(STEM_MARK + term[len(p) :])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def _proclitics_by_letter() -> dict[str, tuple[str, ...]]:
    """The proclitics in their folded spelling, grouped by first letter."""
    out: dict[str, list[str]] = {}
    for p in ar_proclitics():
        f = fold_text(p)
        out.setdefault(f[0], []).append(f)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1 << 16)
def _compound_terms(word: str) -> tuple[str, ...]:
    """Extra terms of a Persian ZWNJ compound: its content parts and its stem."""
    aff = fa_affixes()
    prefixes = set(aff.verb_prefixes) | set(aff.noun_prefixes)
    prefixes |= {pv + vp for pv in aff.preverbs for vp in aff.verb_prefixes}
    suffixes = {s.text for s in aff.suffixes}
    parts = word.split(ZWNJ)
    i, j = 0, len(parts)
    while i < j and parts[i] in prefixes:
        i += 1
    while j > i and parts[j - 1] in suffixes:
        j -= 1
    content = parts[i:j]
    out = [p for p in content if len(p) >= 2]
    if len(content) > 1 or j - i < len(parts):
        out.append("".join(content))
    folded = (t for p in out for t in _TERM.findall(fold_text(p)))
    whole = set(_TERM.findall(fold_text(word)))
    return tuple(t for t in dict.fromkeys(folded) if t not in whole)
