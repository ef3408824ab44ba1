"""Repair of Persian words whose zero-width non-joiner (ZWNJ) was deleted.

Scrapers (and trafilatura) delete ZWNJ, gluing a word to its affixes: ``میکند`` for
``می‌کند``, ``سرویسهای`` for ``سرویس‌های``, ``برنامهریزیهای`` for ``برنامه‌ریزی‌های``.
:func:`segment` finds, for one token, where the ZWNJs were, using a lexicon derived from hazm
(``data/normalize/fa``):

1. a word the lexicon attests (corpus frequency or part-of-speech tag) is never split;
2. otherwise the candidates are: the spelling without ZWNJ of a lexicon compound
   (``بینالملل`` -> ``بین‌الملل``); a verb prefix with a conjugated verb stem (``می`` + ``کند``,
   ``برمی`` + ``گردد``); a stem with a ZWNJ suffix (``ها``, ``های``, ``ترین``, ``اند`` ...), the stem
   itself analysed the same way, so suffixes stack (``برنامه‌ریزی‌های``); and the token as it
   is when the lexicon lists it without frequency or it is a conjugated verb. (``بی`` + word is
   only taken from the lexicon's compounds: بیتکوین is not بی‌تکوین.)
3. each candidate has a level (3: its content word is attested or a verb; 2: only listed; 1:
   ambiguous) and the frequency of its content word; the best wins, the token as it is wins a
   tie, and a token with no candidate is left alone.

Everything here is a pure function of the token and the shipped tables, cached per token.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .tables import fa_affixes, fa_lexicon, fa_non_joining, fa_verbs

__all__ = ["Segmentation", "segment", "insertion_points"]

# Two readings whose content words' frequencies are closer than this are ambiguous
# (نامهای: نام‌های "names" or نامه‌ای "a letter"): the token is left as written.
AMBIGUITY_RATIO = 4.0
MIN_STEM = 2  # letters a stem keeps once a suffix is removed
MIN_HEH_STEM = 3  # letters of a stem before ام/ای/اند (که + ام is not a word)


class Segmentation(NamedTuple):
    pieces: tuple[str, ...]  # the token cut where a ZWNJ belongs (or was inside a compound)
    level: int  # 4 attested word, 3 reliable split, 2 weak, 1 ambiguous (left whole)
    freq: int  # corpus frequency of the content word


@lru_cache(maxsize=1 << 16)
def segment(token: str) -> Segmentation | None:
    """The best reading of a Persian token written without ZWNJ, or None if nothing fits."""
    lex = fa_lexicon()
    f = lex.freq.get(token)
    if f is not None:
        return Segmentation((token,), 4, f)
    cands: list[Segmentation] = []
    verbs = fa_verbs()
    if token in verbs.tails:  # a conjugated verb (بینیم, کنند) is a word: بی + نیم is wrong
        cands.append(Segmentation((token,), 3, 1 << 40))
    if token in lex.rare:
        cands.append(Segmentation((token,), 2, 0))
    if token[-1] == "ی" and token[:-1] in lex.freq and token[-2] != "ه":
        # an attested word with the ezafe/indefinite ی glued as Persian writes it
        # (انتهای, بیشتری): a word of its own, not a stem plus ZWNJ suffix (انت + های)
        cands.append(Segmentation((token,), 3, lex.freq[token[:-1]]))
    cands.extend(_compound(token))
    cands.extend(_verb(token))
    cands.extend(_suffixed(token))
    if not cands:
        return None
    cands.sort(key=lambda c: (c.level, len(c.pieces) == 1, c.freq), reverse=True)
    best = cands[0]
    if len(best.pieces) > 1:
        for other in cands[1:]:
            if other.level < best.level:
                break
            if _cuts(other.pieces) != _cuts(best.pieces) and other.freq * AMBIGUITY_RATIO > best.freq:
                return Segmentation((token,), 1, 0)
    return best


def insertion_points(token: str) -> tuple[int, ...]:
    """Offsets in ``token`` before which a ZWNJ belongs (none after a non-joining letter)."""
    seg = segment(token)
    if seg is None or len(seg.pieces) == 1:
        return ()
    non_joining = fa_non_joining()
    points = []
    pos = 0
    for piece in seg.pieces[:-1]:
        pos += len(piece)
        if piece[-1] not in non_joining:
            points.append(pos)
    return tuple(points)


def _cuts(pieces: tuple[str, ...]) -> tuple[int, ...]:
    out, pos = [], 0
    for p in pieces[:-1]:
        pos += len(p)
        out.append(pos)
    return tuple(out)


def _compound(token: str) -> list[Segmentation]:
    lex = fa_lexicon()
    comp = lex.compounds.get(token)
    if comp is None:
        return []
    f = lex.freq.get(comp)
    return [Segmentation(tuple(comp.split("\u200c")), 3 if f is not None else 2, f or 0)]


def _verb(token: str) -> list[Segmentation]:
    aff = fa_affixes()
    tails = fa_verbs().tails
    out = []
    for pv in ("",) + aff.preverbs:
        if pv and not token.startswith(pv):
            continue
        for vp in aff.verb_prefixes:
            pre = pv + vp
            if token.startswith(pre):
                tail = token[len(pre) :]
                if len(tail) >= 2 and tail in tails:
                    # verbs outrank nouns: a frequency above any corpus count
                    out.append(Segmentation((pre, tail), 3, 1 << 40))
    return out


def _suffixed(token: str) -> list[Segmentation]:
    lex = fa_lexicon()
    out = []
    for suf in fa_affixes().suffixes:
        if not token.endswith(suf.text):
            continue
        stem = token[: -len(suf.text)]
        if len(stem) < MIN_STEM:
            continue
        if suf.stem == "heh" and (len(stem) < MIN_HEH_STEM or not stem.endswith("ه")):
            continue
        if suf.stem == "adj" and (stem not in lex.adjectives or stem + "تر" in lex.freq):
            # not an adjective, or a comparative written glued as a word (بیشتر, دکتر)
            continue
        sub = segment(stem)
        if sub is None or sub.level < 2:
            continue
        # a comparative only outranks a listed word when its stem does (دمیتری is a name)
        cap = 2 if suf.stem == "adj" else 3
        out.append(Segmentation(sub.pieces + (suf.text,), min(sub.level, cap), sub.freq))
    return out
