"""The names of the knowledge base's outlets in the form of normalized text, and the lookup of
an outlet's name right after (or right before) a position: what the citation cues need.

Names are looked up by whole words: the one to six words after a cue are joined and looked up
in a dictionary (longest first), after skipping quotation marks and filler words ("خبرگزاری",
"گروه بین‌الملل", "وكالة", "the news agency"). A name in ``Entity.ambiguous`` (``فارس``,
``مشرق``) is accepted here: a citation cue is the context that makes it an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kb import KnowledgeBase
from .phrase_tables import norm_phrase

__all__ = ["OutletIndex", "build_outlet_index", "outlet_index", "Token", "tokens_after", "tokens_before"]

_QUOTES = "«»\"“”„‘’'()[]"
_STOPS = ",\u060c.:;\u061b!?\u061f"
_TOKEN = re.compile(r"\S+")
MAX_WORDS = 6


@dataclass(frozen=True)
class Token:
    word: str  # without quotation marks and final punctuation, lower case
    start: int
    end: int
    stop: bool  # punctuation after the word ends the phrase


def _clean(raw: str, start: int) -> Token | None:
    s, e = 0, len(raw)
    while s < e and raw[s] in _QUOTES:
        s += 1
    stop = False
    while e > s and (raw[e - 1] in _QUOTES or raw[e - 1] in _STOPS):
        if raw[e - 1] in _STOPS:
            stop = True
        e -= 1
    if s >= e:
        return None
    return Token(raw[s:e].lower(), start + s, start + e, stop)


def tokens_after(text: str, pos: int, n: int = 10, reach: int = 160) -> list[Token]:
    """The first ``n`` words after ``pos`` (stopping after a punctuation mark or a line break)."""
    out: list[Token] = []
    end = min(len(text), pos + reach)
    for m in _TOKEN.finditer(text, pos, end):
        if out and "\n" in text[out[-1].end:m.start()]:
            break
        raw = m.group()
        if all(c in _QUOTES for c in raw):
            continue
        if all(c in _STOPS for c in raw):
            break
        tok = _clean(raw, m.start())
        if tok is None:
            continue
        out.append(tok)
        if tok.stop or len(out) >= n:
            break
    return out


def tokens_before(text: str, pos: int, n: int = 8, reach: int = 120) -> list[Token]:
    """The last ``n`` words before ``pos``, nearest first (stopping at punctuation before one)."""
    a = max(0, pos - reach)
    toks = []
    for m in _TOKEN.finditer(text, a, pos):
        tok = _clean(m.group(), m.start())
        toks.append(tok)
    if a > 0 and toks:
        toks = toks[1:]  # possibly cut
    out: list[Token] = []
    for tok in reversed(toks):
        if tok is None:
            continue
        if out and tok.stop:
            break
        out.append(tok)
        if len(out) >= n:
            break
    return out


@dataclass(frozen=True)
class OutletIndex:
    """Outlet names of one language (and the English ones, which any text may quote) ->
    outlet ids, plus the filler words allowed between a cue and a name."""

    lang: str
    names: dict  # normalized lower-case name -> tuple of outlet ids
    max_words: int
    proclitics: str  # letters that may be glued to the name's first word (Arabic ل ب)
    first_words: frozenset  # the first word of every name

    def _lookup(self, words: list[str]) -> tuple[str, ...] | None:
        key = " ".join(words)
        ids = self.names.get(key)
        if ids is None and self.proclitics and key[:1] in self.proclitics:
            ids = self.names.get(key[1:])
        return ids

    def after(self, text: str, pos: int, fillers: frozenset, max_fillers: int = 5):
        """(start, end, ids) of an outlet named right after ``pos`` (after fillers), or None."""
        first = _TOKEN.search(text, pos, min(len(text), pos + 80))
        if first is None:
            return None
        tok = _clean(first.group(), first.start())
        if tok is not None and not self._may_start(tok.word, fillers):
            return None  # most cues: no outlet after them (a quick look at the first word)
        toks = tokens_after(text, pos)
        i = 0
        skipped = 0
        while i < len(toks) and skipped <= max_fillers:
            for n in range(min(self.max_words, len(toks) - i), 0, -1):
                part = toks[i:i + n]
                if any(t.stop for t in part[:-1]):
                    continue
                ids = self._lookup([t.word for t in part])
                if ids:
                    return part[0].start, part[-1].end, ids
            if toks[i].stop:
                return None
            two = " ".join(t.word for t in toks[i:i + 2])
            if len(toks) > i + 1 and two in fillers and not toks[i].stop:
                i += 2
            elif toks[i].word in fillers or self._strip(toks[i].word) in fillers:
                i += 1
            else:
                return None
            skipped += 1
        return None

    def before(self, text: str, pos: int, fillers: frozenset):
        """(start, end, ids) of an outlet named right before ``pos`` ("Reuters reported",
        "the Tass news agency said"), or None."""
        toks = tokens_before(text, pos)
        i = 0
        while i < len(toks):
            while i < len(toks) and toks[i].word in fillers:
                i += 1  # trailing fillers: "news agency"
            for n in range(min(self.max_words, len(toks) - i), 0, -1):
                part = list(reversed(toks[i:i + n]))
                ids = self._lookup([t.word for t in part])
                if ids:
                    return part[0].start, part[-1].end, ids
            return None
        return None

    def _may_start(self, word: str, fillers: frozenset) -> bool:
        if word in self.first_words or word in fillers:
            return True
        bare = self._strip(word)
        return bare in self.first_words or bare in fillers

    def _strip(self, word: str) -> str:
        return word[1:] if self.proclitics and word[:1] in self.proclitics else word


def build_outlet_index(kb: KnowledgeBase, lang: str) -> OutletIndex:
    names: dict[str, list[str]] = {}
    for entity in kb.entities("outlet"):
        for name_lang in dict.fromkeys((lang, "en")):
            for form in entity.names.get(name_lang, ()):
                key = _key(form, lang if name_lang == lang else "en")
                if key:
                    ids = names.setdefault(key, [])
                    if entity.id not in ids:
                        ids.append(entity.id)
    max_words = max((k.count(" ") + 1 for k in names), default=1)
    return OutletIndex(lang, {k: tuple(v) for k, v in names.items()}, min(max_words, MAX_WORDS),
                       "لب" if lang == "ar" else "", frozenset(k.split(" ")[0] for k in names))


def _key(name: str, lang: str) -> str:
    norm = norm_phrase(name, lang) if lang in ("fa", "ar", "ru", "en") else name
    words = [w.strip(_QUOTES) for w in norm.lower().split()]
    return " ".join(w for w in words if w)


def outlet_index(context, lang: str) -> OutletIndex:
    """The outlet index of ``lang`` for ``context`` (cached on the context when it can)."""
    cached = getattr(context, "cached", None)
    if cached is not None:
        return cached(("outlet-names", lang), lambda ctx: build_outlet_index(ctx.kb, lang))
    return build_outlet_index(context.kb, lang)
