"""Persian (``fa``) steps: letters, marks, ZWNJ clean-up, space-to-ZWNJ, glued-word repair.

- Arabic yeh/kaf (ي ى ك) -> Persian (ی ک); other letter variants per ``fa/letters.tsv``.
- Harakat, tanween, tashdid, tatweel and the ezafe hamza are removed (``fa/strip.tsv``); the
  hamza letters Persian spells with (آ أ ؤ ئ) are kept.
- ZWNJ: runs collapse to one; a ZWNJ that is not between two letters, or that follows a letter
  which does not join (ا د ذ ر ز ژ و), is removed.
- A space becomes a ZWNJ after the verb prefixes می/نمی before a verb form (``می کند``) and before
  the suffixes ``fa/affixes.tsv`` marks (``سرویس های``, ``بزرگ ترین`` after an adjective,
  ``شده اند`` after a participle); after a non-joining letter the space is simply removed.
- Words glued by a scraper that deleted their ZWNJ are repaired (:mod:`.zwnj`).
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache

from . import offsets
from .script import ARABIC_LETTERS, ZWNJ
from .tables import fa_affixes, fa_lexicon, fa_non_joining, fa_verbs, letter_table, strip_chars, strip_re
from .zwnj import insertion_points

__all__ = ["normalize_letters", "clean_zwnj", "join_affixes", "repair_glued"]

_ZWNJ_RUN = re.compile(f"{ZWNJ}+")
_WORD = re.compile(f"[{ARABIC_LETTERS}]+(?:{ZWNJ}[{ARABIC_LETTERS}]+)*")
MIN_WORD = 4  # letters: no shorter word was glued to an affix
_PREV_WORD = re.compile(f"[{ARABIC_LETTERS}{ZWNJ}]+$")
_LETTER = re.compile(f"[{ARABIC_LETTERS}]")


def normalize_letters(text: str, m: array) -> tuple[str, array]:
    text = offsets.replace_chars(text, letter_table("fa"))
    if any(c in text for c in strip_chars("fa")):
        text, m = offsets.sub(text, m, strip_re("fa"), "")
    return text, m


def clean_zwnj(text: str, m: array) -> tuple[str, array]:
    if ZWNJ not in text:
        return text, m
    return offsets.sub(text, m, _ZWNJ_RUN, _zwnj_keep)


def _zwnj_keep(mt: re.Match[str]) -> str:
    s, e = mt.span()
    t = mt.string
    before = t[s - 1] if s else ""
    after = t[e] if e < len(t) else ""
    if before and after and _LETTER.match(before) and _LETTER.match(after) and before not in fa_non_joining():
        return ZWNJ
    return ""


@lru_cache(maxsize=None)
def _join_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    aff = fa_affixes()
    L = ARABIC_LETTERS
    sufs = sorted((s.text for s in aff.suffixes if s.space != "no"), key=len, reverse=True)
    # the space before a suffix (the letter before the space is checked by _join_suffix)
    suffix_re = re.compile(f" (?=({'|'.join(map(re.escape, sufs))})(?![{L}{ZWNJ}]))")
    pres = sorted(aff.verb_prefixes, key=len, reverse=True)
    # a verb prefix and the space after it (what is before the prefix is checked by _join_prefix)
    prefix_re = re.compile(f"(?:{'|'.join(map(re.escape, pres))}) (?=([{L}]+)(?![{L}{ZWNJ}]))")
    return suffix_re, prefix_re


@lru_cache(maxsize=None)
def _suffix_space_rule() -> dict[str, str]:
    return {s.text: s.space for s in fa_affixes().suffixes}


def join_affixes(text: str, m: array) -> tuple[str, array]:
    """A space after می/نمی before a verb form, or before a ZWNJ suffix, becomes a ZWNJ."""
    if " " not in text:
        return text, m
    suffix_re, prefix_re = _join_patterns()
    text, m = offsets.sub(text, m, suffix_re, _join_suffix)
    return offsets.sub(text, m, prefix_re, _join_prefix)


def _join_suffix(mt: re.Match[str]) -> str | None:
    s = mt.start()
    t = mt.string
    if s == 0 or not _LETTER.match(t, s - 1):
        return None
    rule = _suffix_space_rule()[mt.group(1)]
    # the word before, read without its ZWNJs (as the repair reads it, so that a second pass
    # decides the same)
    word = _PREV_WORD.search(t, max(0, s - 60), s).group().replace(ZWNJ, "")
    if rule == "adj" and word not in fa_lexicon().adjectives:
        return None
    if rule == "participle" and word not in fa_verbs().participles:
        return None
    return "" if word[-1] in fa_non_joining() else ZWNJ


def _join_prefix(mt: re.Match[str]) -> str | None:
    s = mt.start()
    t = mt.string
    if s > 0 and (t[s - 1] == ZWNJ or _LETTER.match(t, s - 1)):
        return None
    if mt.group(1) not in fa_verbs().tails:
        return None
    return mt.group()[:-1] + ZWNJ


def repair_glued(text: str, m: array) -> tuple[str, array]:
    """Insert the ZWNJs a scraper deleted (میکند -> می‌کند).

    The text is cut at whitespace; each distinct chunk is analysed once (cached), and the
    chunks that need a ZWNJ are then found in the text.
    """
    fixes = {}
    for chunk in set(text.split()):
        ins = _chunk_insertions(chunk)
        if ins:
            fixes[chunk] = ins
    if not fixes:
        return text, m
    n = len(text)
    points: list[int] = []
    for chunk, ins in fixes.items():
        k = len(chunk)
        i = text.find(chunk)
        while i != -1:
            if (i == 0 or text[i - 1].isspace()) and (i + k == n or text[i + k].isspace()):
                points.extend(i + p for p in ins)
                i = text.find(chunk, i + k)
            else:
                i = text.find(chunk, i + 1)
    points.sort()
    return offsets.insert(text, m, points, ZWNJ)


@lru_cache(maxsize=1 << 17)
def _chunk_insertions(chunk: str) -> tuple[int, ...]:
    """Where ZWNJs belong in a whitespace-free chunk of text.

    Each word is analysed without its ZWNJs (the ZWNJs a writer put are kept), so a word reads
    the same whether it was glued, partly glued or written correctly, and normalizing again
    adds nothing.
    """
    points: list[int] = []
    for mt in _WORD.finditer(chunk):
        word = mt.group()
        s = mt.start()
        if ZWNJ not in word:
            if len(word) >= MIN_WORD:
                points.extend(s + i for i in insertion_points(word))
            continue
        parts = word.split(ZWNJ)
        glued = "".join(parts)
        if len(glued) < MIN_WORD:
            continue
        existing = []
        pos = 0
        for p in parts[:-1]:
            pos += len(p)
            existing.append(pos)
        for i in insertion_points(glued):
            if i not in existing:
                points.append(s + i + sum(1 for q in existing if q < i))
    return tuple(sorted(points))


