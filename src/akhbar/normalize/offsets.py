"""Text edits that carry a map back to the original offsets.

A *mapped text* is a pair ``(text, m)`` where ``m`` is an ``array('i')`` of ``len(text) + 1``
offsets into the original: ``m[i]`` is where character ``i`` came from and ``m[len(text)]`` is
the original end. Each edit builds the new map from slices of the old one, so a chain of edits
composes without any extra work, and the map stays non-decreasing:

- a character replaced one for one keeps its offset;
- a deleted character disappears from the map;
- inserted characters (a zero-width match replaced by text) take the offset of the character
  they precede;
- a stretch replaced by text of another length maps every new character to the offset of the
  stretch's first character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from functools import lru_cache
from re import Match, Pattern

__all__ = ["identity", "span_map", "sub", "insert", "replace_chars", "nfc"]

_RAMP_MAX = 1 << 22  # longer maps are built directly instead of cut from a cached ramp


def identity(n: int, base: int = 0) -> array:
    """The map of an unchanged text of ``n`` characters starting at ``base``."""
    return span_map(base, base + n + 1)


def span_map(start: int, end: int) -> array:
    """The offsets ``start`` to ``end - 1`` (``array("i", range(start, end))``), cut from a
    cached ramp: a copy in C instead of a Python int per offset."""
    if end > _RAMP_MAX:
        return array("i", range(start, end))
    return _ramp(1 << max(16, (end - 1).bit_length()))[start:end]


@lru_cache(maxsize=8)
def _ramp(size: int) -> array:
    return array("i", range(size))


def sub(
    text: str,
    m: array,
    pattern: Pattern[str],
    repl: str | Callable[[Match[str]], str | None],
) -> tuple[str, array]:
    """``pattern.sub(repl, text)`` with the map carried along.

    ``repl`` is a string or a function of the match; a function may return None to leave the
    match as it is.
    """
    pieces: list[str] = []
    out = array("i")
    pos = 0
    for mt in pattern.finditer(text):
        s, e = mt.span()
        r = repl if isinstance(repl, str) else repl(mt)
        if r is None or (r == text[s:e]):
            continue
        if s > pos:
            pieces.append(text[pos:s])
            out.extend(m[pos:s])
        if r:
            pieces.append(r)
            if len(r) == e - s:
                out.extend(m[s:e])
            else:
                out.extend([m[s]] * len(r))
        pos = e
    if not pieces and pos == 0:
        return text, m
    pieces.append(text[pos:])
    out.extend(m[pos:])
    return "".join(pieces), out


def insert(text: str, m: array, positions: list[int], char: str) -> tuple[str, array]:
    """Insert ``char`` before each of the (sorted) ``positions``; it maps to the offset of the
    character it precedes."""
    if not positions:
        return text, m
    pieces: list[str] = []
    out = array("i")
    pos = 0
    for p in positions:
        pieces.append(text[pos:p])
        out.extend(m[pos:p])
        pieces.append(char)
        out.append(m[p])
        pos = p
    pieces.append(text[pos:])
    out.extend(m[pos:])
    return "".join(pieces), out


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Replace characters one for one (``pairs`` of single characters): the map does not
    change. (``str.replace`` per pair is far faster than ``str.translate`` on non-ASCII text.)"""
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text


_CHUNK = re.compile(r"\S+")


def nfc(text: str, m: array) -> tuple[str, array]:
    """Unicode NFC with the map carried along (a no-op for text already in NFC).

    Only the whitespace-delimited chunks that are not in NFC are touched; inside one, each
    cluster (a starter with its combining marks) maps to the cluster's first offset when its
    length changes.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, m
    pieces: list[str] = []
    out = array("i")
    pos = 0
    for mt in _CHUNK.finditer(text):
        chunk = mt.group()
        if unicodedata.is_normalized("NFC", chunk):
            continue
        s, e = mt.span()
        pieces.append(text[pos:s])
        out.extend(m[pos:s])
        norm, cm = _nfc_clusters(chunk, m, s)
        pieces.append(norm)
        out.extend(cm)
        pos = e
    pieces.append(text[pos:])
    out.extend(m[pos:])
    result = "".join(pieces)
    if not unicodedata.is_normalized("NFC", result):  # composition across clusters: whole lines
        return _nfc_by_line(text, m)
    return result, out


def _nfc_clusters(chunk: str, m: array, base: int) -> tuple[str, array]:
    pieces: list[str] = []
    out = array("i")
    n = len(chunk)
    i = 0
    while i < n:
        j = i + 1
        # a cluster: a starter and the combining characters after it, plus any following
        # starter that composes with it (Hangul jamo, some Indic vowel signs)
        while j < n and (
            unicodedata.combining(chunk[j]) or len(unicodedata.normalize("NFC", chunk[j - 1 : j + 1])) == 1
        ):
            j += 1
        norm = unicodedata.normalize("NFC", chunk[i:j])
        pieces.append(norm)
        if len(norm) == j - i:
            out.extend(m[base + i : base + j])
        else:
            out.extend([m[base + i]] * len(norm))
        i = j
    return "".join(pieces), out


def _nfc_by_line(text: str, m: array) -> tuple[str, array]:
    pieces: list[str] = []
    out = array("i")
    pos = 0
    for line in text.splitlines(keepends=True):
        norm = unicodedata.normalize("NFC", line)
        pieces.append(norm)
        if len(norm) == len(line):
            out.extend(m[pos : pos + len(line)])
        else:
            out.extend([m[pos]] * len(norm))
        pos += len(line)
    out.append(m[len(text)])
    return "".join(pieces), out
