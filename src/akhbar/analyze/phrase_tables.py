"""Shared helpers of the numbers, quotes and citations analyses: reading their per-language
tables (``akhbar/data/analyze/<lang>/``), bringing table entries to the form the normalized
text has, and compiling word lists into one fast regular expression.

Table entries are written in ordinary spelling (``وثيقة``, ``أكد``, ``خاطرنشان کرد``); the
loader passes each one through :func:`akhbar.normalize.normalize` for the table's language,
so it is compared with ``article.norm_body`` exactly as the text itself was normalized (Arabic
matching forms, Persian letters and ZWNJ, ASCII digits). Latin and Cyrillic entries are matched
case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..normalize import normalize

__all__ = [
    "WORD_CHAR",
    "table_rows",
    "norm_phrase",
    "caseless",
    "word_alternation",
    "compile_words",
    "WordFinder",
    "WordHit",
    "SCAN_START",
]

# A character that continues a word: letters, digits, underscore and the ZWNJ (U+200C) that
# Persian writes inside words (ده‌ها is one word, not ده + ها).
WORD_CHAR = r"[\w\u200c]"
_NOT_BEFORE = r"(?<![\w\u200c])"
_NOT_AFTER = r"(?![\w\u200c])"

LANGS = ("fa", "ar", "ru", "en")


def caseless(lang: str) -> bool:
    """Whether the language's tables are matched without regard to case (Latin, Cyrillic)."""
    return lang in ("ru", "en")


@lru_cache(maxsize=None)
def table_rows(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment lines of ``data/analyze/<lang>/<name>`` split at TABs (trailing empty
    cells dropped); an absent file is an empty table (a language without that knowledge)."""
    path = files("akhbar").joinpath("data", "analyze", lang, name)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return ()
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        while cells and not cells[-1].strip():
            cells.pop()
        out.append(tuple(c.strip() for c in cells))
    return tuple(out)


@lru_cache(maxsize=8192)
def norm_phrase(text: str, lang: str) -> str:
    """A table entry in the form the normalized text of ``lang`` has (lower case for ru/en)."""
    norm = normalize(text, lang).text.strip()
    return norm.lower() if caseless(lang) else norm


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return root


def _pattern(node: dict, last_is_word: bool) -> str:
    alts = [re.escape(ch) + _pattern(child, ch.isalnum() or ch == "_") for ch, child in sorted(node.items()) if ch]
    if "" in node:
        alts.append(_NOT_AFTER if last_is_word else "")  # the shorter word last: longest first
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as whole words (longest first), as a trie so that one
    search over a long text stays fast. A space inside an entry matches one space."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    return _pattern(_trie(words), False)


# Where a word may start: after a space, a line break, an opening mark or a punctuation mark.
# A pattern that begins with a character class lets the regex engine skip quickly to the
# candidates (much faster than a look-behind tried at every position); the text is searched
# with a space in front so that a word at its very start is found too.
SCAN_START = r"[\s\"'«»“”„‘(\[/\-\u2013\u2014:\u060c,.;\u061b!?\u061f]"


@dataclass(frozen=True)
class WordHit:
    """A word found by a :class:`WordFinder`: ``start`` includes a glued proclitic."""

    start: int
    end: int
    word: str  # the word as in the text (without the proclitic)
    prefix: str  # the glued proclitic, or ""

    @property
    def word_start(self) -> int:
        return self.end - len(self.word)


@dataclass(frozen=True)
class WordFinder:
    """Finds the words of a table as whole words (see :func:`compile_words`)."""

    pattern: re.Pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[WordHit]:
        """The words in ``text[start:end]`` (a word must end by ``end``; the character before
        ``start`` decides whether a word may start right at ``start``)."""
        end = len(text) if end is None else min(end, len(text))
        if start > 0:
            window, shift = text[start - 1:end], start - 1
        else:
            window, shift = " " + text[:end], -1
        for m in self.pattern.finditer(window):
            p = m.group("p") or ""
            yield WordHit(m.start("w") + shift - len(p), m.end("w") + shift, m.group("w"), p)

    def search(self, text: str, start: int = 0, end: int | None = None) -> WordHit | None:
        """The first word in ``text[start:end]``, or None."""
        return _first(self, text, start, end)


def _first(finder: "WordFinder", text: str, start: int, end: int | None) -> WordHit | None:
    end = len(text) if end is None else min(end, len(text))
    if start > 0:
        window, shift = text[start - 1:end], start - 1
    else:
        window, shift = " " + text[:end], -1
    m = finder.pattern.search(window)
    if m is None:
        return None
    p = m.group("p") or ""
    return WordHit(m.start("w") + shift - len(p), m.end("w") + shift, m.group("w"), p)


def compile_words(words: Iterable[str], lang: str, *, prefix: str = "") -> WordFinder:
    """A finder of ``words`` as whole words in text of ``lang``; ``prefix``: a regex of
    proclitics that may be glued before a word (Arabic ``[وف]``)."""
    body = word_alternation(words)
    pre = f"(?P<p>{prefix})?" if prefix else "(?P<p>)"
    flags = re.IGNORECASE if caseless(lang) else 0
    return WordFinder(re.compile(f"{SCAN_START}{pre}(?P<w>{body})", flags))
