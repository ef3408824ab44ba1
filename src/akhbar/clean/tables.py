"""The clean stage's language tables: page-furniture cues, stopwords, language names.

The tables are data files in ``akhbar/data/clean/`` (see the README there), loaded once per
process on first use (:func:`tables`) and compiled into a handful of regular expressions, one
per matching mode, with one named group per cue category, so classifying a line costs at most
four regex calls and one pass over its tokens.

The four languages' tables are used as a union: the text's language is not known yet at this
stage, the scripts do not collide (an Arabic-script line cannot match a Cyrillic cue), and
boilerplate is often in another language than the article ("Ru En", "captcha", "Share").

Matching is done on a *key* of the line (:func:`key`): case-folded, ZWNJ/ZWJ, tatweel and Arabic
diacritics removed, Arabic yeh/kaf folded to the Persian letters. The key exists only for
matching; the article text itself is never changed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANGUAGES = ("fa", "ar", "ru", "en")

# Category order decides which category wins when one line matches several.
CATEGORIES = (
    "end", "source", "agencies", "datelabel", "comment", "captcha", "photo", "related", "share",
    "tags", "ads", "nav", "copyright", "subscribe", "cookie", "byline",
)
MODES = ("exact", "start", "contains", "label")

ZWNJ = "\u200c"
ZWJ = "\u200d"

# Characters removed from a matching key: joiners, tatweel, Arabic diacritics (harakat, tanwin,
# shadda, sukun, hamza marks, superscript alef), direction marks, BOM. None is a line break.
_REMOVE = re.compile("[\u200c\u200d\u0640\u064b-\u065f\u0670\u200e\u200f\u061c\ufeff]")
# Arabic yeh/kaf and heh-with-yeh folded to the Persian letters, for matching only.
_FOLDS = (("\u064a", "\u06cc"), ("\u0643", "\u06a9"), ("\u06c0", "\u0647"))


# Characters stripped around a line before an "exact" comparison: bullets, brackets, dashes,
# slashes and sentence punctuation ("/انتهى/", "(وكالات)", "انتهای پیام/", "• Share").
EDGE_PUNCT = " \t-\u2013\u2014\u2012\u2015\u2022\u00b7\u25cf\u25aa\u25ba\u25b6*|/\\()[]{}\u00ab\u00bb<>\"'\u201c\u201d\u2018\u2019.:\uff1a\u060c\u061b,;!\u061f?\u2026_=+~#\u06d4"


def fold(text: str) -> str:
    """``text`` folded for matching (see the module docstring); line breaks are kept, so the
    folded lines of a text correspond one to one to its lines."""
    text = _REMOVE.sub("", text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    return text.casefold()


def key(text: str) -> str:
    """The matching key of ``text``: folded, with whitespace runs made single spaces."""
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class Tables:
    """Compiled cue matchers and word sets for the line classifier."""

    exact: re.Pattern[str]  # fullmatch on the edge-stripped key
    start: re.Pattern[str]  # match at the start of the key
    contains: re.Pattern[str]  # search anywhere in the key
    contains_words: frozenset[str]  # first words of the "contains" cues (a cheap pre-check)
    contains_marks: str  # first characters of "contains" cues that do not start with a word
    label: re.Pattern[str]  # match "cue:" at the start of the key
    stopwords: frozenset[str]  # keys of function words, all languages
    language_names: frozenset[str]  # keys of language codes and names (switchers)
    language_codes: frozenset[str]  # the short (2-3 letter) codes among them


def _data_lines(name: str) -> list[str]:
    text = resources.files("akhbar").joinpath("data", "clean", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _cue_pattern(cue: str, bounded: bool) -> str:
    """Regex for one cue's key; a ZWNJ in the cue may be absent, or a space, in the text.

    ``bounded``: the cue must not start or end inside a word (where it starts or ends with one).
    """
    k = key(cue)
    pattern = " ?".join(re.escape(key(p)) for p in cue.split(ZWNJ))
    if bounded:
        if re.match(r"\w", k):
            pattern = r"(?<!\w)" + pattern
        if re.search(r"\w$", k):
            pattern += r"(?!\w)"
    return pattern


def _alternation(cues_by_category: dict[str, list[str]], bounded: bool = False) -> str:
    groups = []
    for category in CATEGORIES:
        cues = cues_by_category.get(category)
        if cues:
            alts = sorted({_cue_pattern(c, bounded) for c in cues}, key=len, reverse=True)
            groups.append(f"(?P<{category}>{'|'.join(alts)})")
    return "|".join(groups) or "(?!)"


def load_cues() -> dict[str, dict[str, list[str]]]:
    """``{mode: {category: [cue, ...]}}`` from every language's cue file."""
    table: dict[str, dict[str, list[str]]] = {m: {} for m in MODES}
    for lang in LANGUAGES:
        for n, line in enumerate(_data_lines(f"cues_{lang}.tsv"), 1):
            fields = line.split("\t")
            if len(fields) != 3 or fields[0] not in CATEGORIES or fields[1] not in MODES or not fields[2].strip():
                raise ValueError(f"cues_{lang}.tsv: bad entry {n}: {line!r} (want category<TAB>mode<TAB>cue)")
            category, mode, cue = fields
            table[mode].setdefault(category, []).append(cue.strip())
    return table


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Load and compile the shipped tables (once per process)."""
    cues = load_cues()
    stopwords: set[str] = set()
    for lang in LANGUAGES:
        stopwords.update(key(w) for w in _data_lines(f"stopwords_{lang}.txt"))
    names = frozenset(key(w) for w in _data_lines("language_names.txt"))
    first_words, marks = set(), set()
    for group in cues["contains"].values():
        for cue in group:
            # the first word as the text may spell it: joined at a ZWNJ, or split there
            for head in (key(cue), key(cue.split(ZWNJ)[0])):
                m = re.match(r"\w+", head)
                if m:
                    first_words.add(m.group())
                elif head:
                    marks.add(head[0])
    return Tables(
        exact=re.compile(_alternation(cues["exact"])),
        start=re.compile(_alternation(cues["start"], bounded=True)),
        contains=re.compile(_alternation(cues["contains"], bounded=True)),
        contains_words=frozenset(first_words),
        contains_marks="".join(sorted(marks)),
        label=re.compile(rf"(?:{_alternation(cues['label'])})\s*[:\uff1a]"),
        stopwords=frozenset(w for w in stopwords if w),
        language_names=names,
        language_codes=frozenset(n for n in names if len(n) <= 3 and n.isascii()),
    )
