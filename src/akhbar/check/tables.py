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


def data_dir() -> Path:
    return Path(str(resources.files("akhbar") / "data" / "check"))


def key(text: str, lang: str | None) -> str:
    """The comparable form of a word or phrase: normalized for ``lang``, case-folded, ZWNJ and
    runs of spaces as one space."""
    return _SPACES.sub(" ", normalize(text, lang).text.casefold()).strip()


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
class Hedges:
    """Hedge phrases of one language as regexes over keyed text: ``before`` must end right at
    the figure, ``after`` must start right after it; the group name is the hedge kind."""

    before: re.Pattern | None
    after: re.Pattern | None


def _alternation(pairs: list[tuple[str, str]], anchor_end: bool) -> re.Pattern | None:
    if not pairs:
        return None
    parts = []
    for phrase, kind in sorted(pairs, key=lambda p: -len(p[0])):
        body = r"\s".join(re.escape(w) for w in phrase.split(" "))
        parts.append(f"(?P<{kind}_{len(parts)}>{body})")
    alt = "|".join(parts)
    # whole words only: nothing word-like joined to the phrase on the outside
    if anchor_end:
        return re.compile(rf"(?<![\w])(?:{alt})\s*$")
    return re.compile(rf"^\s*(?:{alt})(?![\w])")


@lru_cache(maxsize=None)
def hedges(lang: str | None) -> Hedges:
    if lang not in LANGS:
        return Hedges(None, None)
    before, after = [], []
    for r in _rows(data_dir() / lang / "hedges.tsv"):
        if len(r) < 2 or r[1] not in HEDGE_KINDS:
            raise ValueError(f"data/check/{lang}/hedges.tsv: bad row {r!r} (kind must be one of {', '.join(HEDGE_KINDS)})")
        (after if len(r) > 2 and r[2] == "after" else before).append((key(r[0], lang), r[1]))
    return Hedges(_alternation(before, True), _alternation(after, False))


@lru_cache(maxsize=None)
def states(lang: str | None) -> Hedges:
    """``states.tsv`` as regexes like :func:`hedges`; the group name is the concept."""
    if lang not in LANGS:
        return Hedges(None, None)
    before, after = [], []
    for r in _rows(data_dir() / lang / "states.tsv"):
        if len(r) < 3 or r[2] not in ("before", "after") or not r[1].isidentifier():
            raise ValueError(f"data/check/{lang}/states.tsv: bad row {r!r} (phrase, concept, before|after)")
        (after if r[2] == "after" else before).append((key(r[0], lang), r[1]))
    return Hedges(_alternation(before, True), _alternation(after, False))


def hedge_kind(match: re.Match | None) -> str | None:
    if match is None:
        return None
    for name, value in match.groupdict().items():
        if value is not None:
            return name.rsplit("_", 1)[0]
    return None


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
