"""The checks' language tables (``data/check``), loaded lazily, once per process.

Every word is normalized for its language (``akhbar.normalize.normalize``) and case-folded when
loaded, and the texts it is compared with are keyed the same way (:func:`key`), so a table
written in ordinary spelling matches text in any spelling the normalizer folds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..normalize import normalize

LANGS = ("fa", "ar", "ru", "en")
HEDGE_KINDS = ("min", "over", "max", "under", "about", "nearly", "part")
_SPACES = re.compile(r"[\s\u200c\u200f\u200e]+")
_WORDS = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.!?؟;؛:]")


def words_before(keyed: str) -> list[str]:
    """The words of ``keyed`` after its last sentence or clause end."""
    return _WORDS.findall(_CLAUSE_END.split(keyed)[-1])


def data_dir() -> Path:
    return Path(str(resources.files("akhbar") / "data" / "check"))


def key(text: str, lang: str | None) -> str:
    """The comparable form of a word or phrase: normalized for ``lang``, case-folded, ZWNJ and
    runs of spaces as one space."""
    return fold(normalize(text, lang).text)


def fold(normalized: str) -> str:
    """:func:`key` of text already normalized for its language."""
    return _SPACES.sub(" ", normalized.casefold()).strip()


def _rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


@lru_cache(maxsize=1)
def english_names() -> dict[tuple[str, int], str]:
    """(calendar, month) -> English month name; ("weekday", 0..6) -> English weekday name."""
    return {(r[0], int(r[1])): r[2] for r in _rows(data_dir() / "names.tsv")}


@dataclass(frozen=True)
class Phrases:
    """Phrases of one language that stand right before a figure (``before``) or right after it
    (``after``), keyed text -> what they mean; matched on whole words (:meth:`before_match`,
    :meth:`after_match`), longest first."""

    before: dict[str, str]
    after: dict[str, str]
    longest: int = 1  # words in the longest phrase

    def before_match(self, keyed: str) -> str | None:
        """The meaning of the phrase that ends ``keyed`` (the text before a figure), within
        its sentence."""
        found = self.before_words(_WORDS.findall(_CLAUSE_END.split(keyed)[-1]) if self.before else [])
        return found[0] if found else None

    def before_words(self, words: list[str]) -> tuple[str, int] | None:
        """The meaning of the phrase that ends ``words``, and how many words it takes."""
        for n in range(min(self.longest, len(words)), 0, -1):
            found = self.before.get(" ".join(words[-n:]))
            if found:
                return found, n
        return None

    def after_match(self, keyed: str) -> str | None:
        """The meaning of the phrase that starts ``keyed`` (the text after a figure), within
        its sentence."""
        if not self.after:
            return None
        words = _WORDS.findall(_CLAUSE_END.split(keyed, 1)[0])
        for n in range(min(self.longest, len(words)), 0, -1):
            found = self.after.get(" ".join(words[:n]))
            if found:
                return found
        return None


def _phrases(rows: list[tuple[str, str, str]]) -> Phrases:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    longest = 1
    for phrase, meaning, where in rows:
        words = _WORDS.findall(phrase)
        if not words:
            continue
        (after if where == "after" else before).setdefault(" ".join(words), meaning)
        longest = max(longest, len(words))
    return Phrases(before, after, longest)


@lru_cache(maxsize=None)
def hedges(lang: str | None) -> Phrases:
    if lang not in LANGS:
        return Phrases({}, {})
    rows = []
    for r in _rows(data_dir() / lang / "hedges.tsv"):
        if len(r) < 2 or r[1] not in HEDGE_KINDS:
            raise ValueError(f"data/check/{lang}/hedges.tsv: bad row {r!r} (kind must be one of {', '.join(HEDGE_KINDS)})")
        rows.append((key(r[0], lang), r[1], r[2] if len(r) > 2 else "before"))
    return _phrases(rows)


@lru_cache(maxsize=None)
def states(lang: str | None) -> Phrases:
    """``states.tsv``: phrase -> the concept of what happened to the people counted."""
    if lang not in LANGS:
        return Phrases({}, {})
    rows = []
    for r in _rows(data_dir() / lang / "states.tsv"):
        if len(r) < 3 or r[2] not in ("before", "after") or not r[1].isidentifier():
            raise ValueError(f"data/check/{lang}/states.tsv: bad row {r!r} (phrase, concept, before|after)")
        rows.append((key(r[0], lang), r[1], r[2]))
    return _phrases(rows)


@dataclass(frozen=True)
class Counted:
    concepts: dict[str, str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


@lru_cache(maxsize=None)
def counted(lang: str | None) -> Counted:
    if lang not in LANGS:
        return Counted({}, (), ())
    concepts = {key(r[0], lang): r[1] for r in _rows(data_dir() / lang / "counted.tsv") if len(r) >= 2}
    prefixes, suffixes = [], []
    for r in _rows(data_dir() / lang / "affixes.tsv"):
        if len(r) >= 2:
            (prefixes if r[0] == "prefix" else suffixes).append(key(r[1], lang) or r[1])
    by_len = lambda xs: tuple(sorted(set(xs), key=len, reverse=True))  # noqa: E731
    return Counted(concepts, by_len(prefixes), by_len(suffixes))


@dataclass(frozen=True)
class VenueCues:
    preps: frozenset[str]
    attached: frozenset[str]
    fillers: tuple[str, ...]  # longest first


@lru_cache(maxsize=None)
def venue_cues(lang: str | None) -> VenueCues:
    if lang not in LANGS:
        return VenueCues(frozenset(), frozenset(), ())
    preps, attached, fillers = set(), set(), set()
    for r in _rows(data_dir() / lang / "venue.tsv"):
        if len(r) < 2:
            continue
        target = {"prep": preps, "attached": attached, "filler": fillers}.get(r[0])
        if target is None:
            raise ValueError(f"data/check/{lang}/venue.tsv: unknown kind {r[0]!r} (prep, attached, filler)")
        target.add(key(r[1], lang))
    return VenueCues(frozenset(preps), frozenset(attached), tuple(sorted(fillers, key=len, reverse=True)))


@lru_cache(maxsize=1)
def broader() -> dict[str, frozenset[str]]:
    """concept -> every broader concept (``concepts.tsv``, followed upwards)."""
    parents: dict[str, set[str]] = {}
    for r in _rows(data_dir() / "concepts.tsv"):
        if len(r) >= 2:
            parents.setdefault(r[0], set()).add(r[1])
    out: dict[str, frozenset[str]] = {}
    for concept in parents:
        seen: set[str] = set()
        todo = list(parents[concept])
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(parents.get(c, ()))
        out[concept] = frozenset(seen)
    return out
